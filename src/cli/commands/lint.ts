import { readFileSync } from 'node:fs';
import { validatePolicy } from '../../policy/validate.js';
import type { Finding, PolicyType } from '../../policy/types.js';
import { parse, UsageError } from '../args.js';
import { printJson } from '../output.js';

const POLICY_TYPES = ['IDENTITY_POLICY', 'RESOURCE_POLICY', 'SERVICE_CONTROL_POLICY'];

/** `accessql lint FILE...`: compiler-style findings; exit 1 when any ERROR finding. */
export function lint(argv: string[]): number {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    lenient: { type: 'boolean' },
    'policy-type': { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('lint needs at least one FILE');
  const policyType = (values['policy-type'] ?? 'IDENTITY_POLICY').toUpperCase();
  if (!POLICY_TYPES.includes(policyType)) throw new UsageError(`--policy-type must be one of ${POLICY_TYPES.join(', ')}`);
  const reports: { file: string; valid: boolean; findings: Finding[] }[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const { valid, findings } = validatePolicy(text, { policyType: policyType as PolicyType, lenient: Boolean(values.lenient) });
    reports.push({ file, valid, findings });
  }
  if (values.json) {
    printJson(positionals.length === 1 ? { valid: reports[0].valid, findings: reports[0].findings } : reports);
  } else {
    for (const { file, findings } of reports) {
      for (const f of findings) {
        const where = f.line ? `${file}:${f.line}:${f.column ?? 1}` : file;
        process.stdout.write(`${where}: ${f.findingType.toLowerCase().replace('_', ' ')} ${f.code}: ${f.message}\n`);
      }
    }
    const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.findingType === 'ERROR').length, 0);
    const others = reports.reduce((n, r) => n + r.findings.length, 0) - errors;
    process.stdout.write(`${reports.length} file(s): ${errors} error(s), ${others} other finding(s)\n`);
  }
  return reports.some((r) => !r.valid) ? 1 : 0;
}
