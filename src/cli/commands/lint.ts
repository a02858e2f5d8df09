import { readFileSync } from 'node:fs';
import { validatePolicy, type ValidateOptions } from '../../policy/validate.js';
import { toAccessAnalyzerResponse } from '../../policy/access-analyzer-format.js';
import { VALIDATE_POLICY_RESOURCE_TYPES, type Finding, type PolicyType, type ValidatePolicyResourceType } from '../../policy/types.js';
import { openStore } from '../../store/db.js';
import { storedPolicyDocuments } from '../../store/queries/lint.js';
import { parse, UsageError } from '../args.js';
import { printJson } from '../output.js';

const POLICY_TYPES = ['IDENTITY_POLICY', 'RESOURCE_POLICY', 'SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'];
const FORMATS = ['text', 'json', 'access-analyzer'];

interface Report {
  file: string;
  text: string;
  valid: boolean;
  findings: Finding[];
}

/**
 * `accessql lint [--format text|json|access-analyzer] [--policy-type T] [--resource-type R] FILE...`
 * and `accessql lint --db FILE` (every stored policy, the database opened read-only). Exit 1 when
 * any ERROR finding.
 */
export function lint(argv: string[], dbFile?: string): number {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    lenient: { type: 'boolean' },
    format: { type: 'string' },
    'policy-type': { type: 'string' },
    'resource-type': { type: 'string' },
  });
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const reports: Report[] = [];
  if (dbFile !== undefined) {
    if (positionals.length > 0) throw new UsageError('lint --db takes no FILE: it lints every policy stored in the database');
    // Read-only: refuses a file that does not exist or is not an accessql database, changes nothing.
    const store = openStore(dbFile, { readonly: true });
    try {
      for (const d of storedPolicyDocuments(store)) {
        const { valid, findings } = validatePolicy(d.document, d.options);
        reports.push({ file: d.key, text: d.document, valid, findings });
      }
    } finally {
      store.db.close();
    }
  } else {
    if (positionals.length === 0) throw new UsageError('lint needs at least one FILE (or --db FILE)');
    const policyType = (values['policy-type'] ?? 'IDENTITY_POLICY').toUpperCase();
    if (!POLICY_TYPES.includes(policyType)) throw new UsageError(`--policy-type must be one of ${POLICY_TYPES.join(', ')}`);
    const resourceType = values['resource-type'];
    if (resourceType !== undefined && !(VALIDATE_POLICY_RESOURCE_TYPES as readonly string[]).includes(resourceType)) {
      throw new UsageError(`--resource-type must be one of ${VALIDATE_POLICY_RESOURCE_TYPES.join(', ')}`);
    }
    const options: ValidateOptions = {
      policyType: policyType as PolicyType,
      lenient: Boolean(values.lenient),
      resourceType: resourceType as ValidatePolicyResourceType | undefined,
    };
    for (const file of positionals) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const { valid, findings } = validatePolicy(text, options);
      reports.push({ file, text, valid, findings });
    }
  }
  const single = dbFile === undefined && reports.length === 1;
  if (format === 'access-analyzer') {
    // Each FILE: exactly Access Analyzer's ValidatePolicy response, one JSON document per file in
    // order, as `aws accessanalyzer validate-policy` run once per file prints them (jq reads the
    // sequence). The store has no files: one array of { policy, findings } names each.
    if (dbFile === undefined) for (const r of reports) printJson(toAccessAnalyzerResponse(r.text, r.findings));
    else printJson(reports.map((r) => ({ policy: r.file, ...toAccessAnalyzerResponse(r.text, r.findings) })));
  } else if (format === 'json') {
    const shape = (r: Report) => ({ valid: r.valid, findings: r.findings.map(({ offset: _o, ...f }) => f) });
    printJson(single ? shape(reports[0]) : reports.map((r) => ({ file: r.file, ...shape(r) })));
  } else {
    for (const { file, findings } of reports) {
      for (const f of findings) {
        const where = f.line ? `${file}:${f.line}:${f.column ?? 1}` : file;
        process.stdout.write(`${where}: ${f.findingType.toLowerCase().replace('_', ' ')} ${f.code}${f.path ? ` at ${f.path}` : ''}: ${f.message}\n`);
      }
    }
    const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.findingType === 'ERROR').length, 0);
    const others = reports.reduce((n, r) => n + r.findings.length, 0) - errors;
    process.stdout.write(`${reports.length} ${dbFile !== undefined ? 'policies' : 'file(s)'}: ${errors} error(s), ${others} other finding(s)\n`);
  }
  return reports.some((r) => !r.valid) ? 1 : 0;
}
