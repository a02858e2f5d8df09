/**
 * importFiles: AWS-format files into the store, all in one transaction or not at all.
 *
 * Each file's format is detected from its content (see detectFormat). Files are parsed and
 * written one at a time inside the transaction, so a large multi-page import never holds all its
 * parsed JSON at once; any error rolls back everything the earlier files wrote.
 */
import Database from 'better-sqlite3';
import { parseJsonStrict, JsonSyntaxError } from '../../policy/json.js';
import { parsePolicy, PolicySyntaxError } from '../../policy/parse.js';
import { bumpDataVersion, writeTransaction, type Store } from '../db.js';
import { ImportError } from '../errors.js';
import { importAuthorizationDetails, isAuthorizationDetails } from './authorization-details.js';
import { DocumentError, parseDocumentText } from './documents.js';
import { locatePath } from './locate.js';
import { importPolicyFile, isPolicyDocument } from './policy-file.js';
import { importResources, isResourcesOutput } from './resources.js';
import { importOrganization, isOrganizationDocument } from './organization.js';
import { importResourcePolicies, isResourcePoliciesDocument } from './resource-policies.js';
import { ImportSession } from './session.js';
import { formatPath, ShapeError, type JsonPath } from './shape.js';
import type { ImportFile, ImportFormat, ImportOptions, ImportResult } from './types.js';
import { ImportWriter } from './writer.js';
import { CsvError, importCredentialReportCsv, importCredentialReportOutput, isCredentialReportCsv, isCredentialReportOutput } from './credential-report.js';
import { detectWorkloadFormat, importWorkloads } from './workloads.js';
import { WorkloadWriter } from './workload-writer.js';
import { recordHistory } from '../history-write.js';
import { pruneHistory } from '../history.js';

export type { ImportFile, ImportFormat, ImportOptions, ImportRepair, ImportResult } from './types.js';
export { STANDALONE_POLICY_ARN_PREFIX } from './policy-file.js';
export { inlinePolicyKey } from './writer.js';

export function importFiles(store: Store, files: ImportFile[], options: ImportOptions = {}): ImportResult {
  const lenient = options.lenient === true;
  if (options.account !== undefined && !/^\d{12}$/.test(options.account)) {
    throw new ImportError({ file: '(options)', reason: `account ${JSON.stringify(options.account)} is not a 12-digit account id` });
  }
  const startedAt = new Date().toISOString();
  const inputs = files.map((f) => ({ name: f.name, text: stripBom(f.text) }));
  const total = inputs.reduce((n, f) => n + f.text.length, 0);
  const formats: { name: string; format: ImportFormat }[] = [];

  const result = writeTransaction(store, () => {
    const { db } = store;
    const snapshotId = Number(
      db
        .prepare('INSERT INTO snapshots (started_at, label, files) VALUES (?, ?, ?)')
        .run(startedAt, options.label ?? null, JSON.stringify(inputs.map((f) => f.name))).lastInsertRowid,
    );
    const writer = new ImportWriter(store, snapshotId);
    const session = new ImportSession(writer, lenient, total, options.onProgress);
    session.workloadWriter = new WorkloadWriter(db, snapshotId);
    session.account = options.account ?? null;
    for (const file of inputs) {
      session.beginFile(file.name, file.text.length);
      formats.push({ name: file.name, format: importOne(session, file, options.formats) });
      session.endFile();
    }
    writer.finish();
    // Inside the transaction: the snapshot's history lands with its data or not at all.
    recordHistory(db, snapshotId);
    const dataVersion = bumpDataVersion(store);
    const counts = {
      accounts: [...session.accounts].sort(),
      users: session.users.size,
      roles: session.roles.size,
      groups: session.groups.size,
      policies: session.policies.size,
      policyVersions: session.policyVersions,
      inlinePolicies: session.inlinePolicies,
      statements: session.statements,
      resources: session.resources.size,
      resourcePolicies: session.resourcePolicies.size,
      organization: session.organization,
      organizationalUnits: session.organizationalUnits,
      organizationAccounts: session.organizationAccounts,
      organizationPolicies: session.organizationPolicies,
      credentialReportUsers: session.credentialReportUsers.size,
      workloads: session.workloads.size,
      workloadSources: [...session.workloadWriter.recorded].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.source.localeCompare(b.source)),
    };
    db.prepare('UPDATE snapshots SET finished_at = ?, files = ?, counts = ? WHERE id = ?').run(
      new Date().toISOString(),
      JSON.stringify(formats),
      JSON.stringify({ ...counts, repairs: session.repairs.length }),
      snapshotId,
    );
    const prunedSnapshots = options.keepSnapshots !== undefined ? pruneHistory(store, options.keepSnapshots).pruned : [];
    return { snapshotId, ...counts, repairs: session.repairs, files: formats, dataVersion, prunedSnapshots } satisfies ImportResult;
  });
  return result;
}

/**
 * Which format a parsed file is, or undefined. The organization document goes first: it has
 * `Policies` too, which alone would make it look like authorization details.
 */
export function detectFormat(root: unknown): ImportFormat | undefined {
  if (isOrganizationDocument(root)) return 'organization';
  if (isCredentialReportOutput(root)) return 'credential-report';
  const workload = detectWorkloadFormat(root);
  if (workload) return workload;
  if (isResourcePoliciesDocument(root)) return 'resource-policies';
  if (isAuthorizationDetails(root)) return 'authorization-details';
  if (isResourcesOutput(root)) return 'resources';
  if (isPolicyDocument(root)) return 'policy-document';
  return undefined;
}

const FORMAT_NAMES: Record<ImportFormat, string> = {
  'authorization-details': '`aws iam get-account-authorization-details` output',
  resources: '`aws resourcegroupstaggingapi get-resources` output',
  'policy-document': 'a policy document',
  organization: 'an organization document (`aws organizations` output assembled by scripts/export-organization.sh)',
  'resource-policies': 'a resource policies document (ResourcePolicies)',
  'credential-report': '`aws iam get-credential-report` output',
  'ec2-instances': '`aws ec2 describe-instances` output',
  'lambda-functions': '`aws lambda list-functions` output',
  'glue-dev-endpoints': '`aws glue get-dev-endpoints` output',
  'sagemaker-notebooks': '`aws sagemaker describe-notebook-instance` output',
  'cloudformation-stacks': '`aws cloudformation describe-stacks` output',
};

function importOne(session: ImportSession, file: ImportFile, accepted?: readonly ImportFormat[]): ImportFormat {
  const refuse = (format: ImportFormat) => {
    if (accepted && !accepted.includes(format)) {
      // No position: the whole file is of the wrong kind (the API answers BAD_USER_INPUT).
      throw new ImportError({
        file: file.name,
        reason: `this is ${FORMAT_NAMES[format]}; expected ${accepted.map((f) => FORMAT_NAMES[f]).join(' or ')}`,
      });
    }
  };
  if (isCredentialReportCsv(file.text)) {
    // The decoded report itself (CSV): no JSON document starts with `user,`.
    refuse('credential-report');
    try {
      importCredentialReportCsv(session, file.text, null);
    } catch (e) {
      throw toImportError(e, file);
    }
    return 'credential-report';
  }
  let root: unknown;
  try {
    root = parseJsonStrict(file.text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    // A hand-written policy document with a trailing comma is exactly what lenient mode is for.
    if (session.lenient) {
      const repaired = tryLenientPolicy(file.text);
      if (repaired) {
        refuse('policy-document');
        session.repair(undefined, repaired.repairs);
        importPolicyFile(session, file.name, file.text, repaired.document);
        return 'policy-document';
      }
    }
    throw new ImportError({ file: file.name, line: e.line, column: e.column, reason: e.reason });
  }
  try {
    const deep = tooDeep(root, MAX_NESTING);
    if (deep) throw new ShapeError(deep, `nested more than ${MAX_NESTING} levels deep; AWS output never is`);
    const format = detectFormat(root);
    if (format) refuse(format);
    switch (format) {
      case 'authorization-details':
        importAuthorizationDetails(session, root as Record<string, unknown>);
        break;
      case 'resources':
        importResources(session, root as Record<string, unknown>);
        break;
      case 'organization':
        importOrganization(session, root as Record<string, unknown>);
        break;
      case 'resource-policies':
        importResourcePolicies(session, root as Record<string, unknown>);
        break;
      case 'credential-report':
        importCredentialReportOutput(session, root as Record<string, unknown>);
        break;
      case 'ec2-instances':
      case 'lambda-functions':
      case 'glue-dev-endpoints':
      case 'sagemaker-notebooks':
      case 'cloudformation-stacks':
        importWorkloads(session, format, root);
        break;
      case 'policy-document': {
        const parsed = parseDocumentText(file.text, [], session.lenient);
        session.repair(undefined, parsed.repairs);
        importPolicyFile(session, file.name, file.text, parsed.document);
        break;
      }
      default:
        throw new ShapeError(
          [],
          'unrecognised content: expected `aws iam get-account-authorization-details` output ' +
            '(UserDetailList, GroupDetailList, RoleDetailList, Policies), `aws resourcegroupstaggingapi get-resources` ' +
            'output (ResourceTagMappingList), an organization document (Organization, Roots, OrganizationalUnits, Accounts, Policies), ' +
            'a resource policies document (ResourcePolicies), a policy document (Statement), or workload state: ' +
            '`aws iam get-credential-report` (Content, ReportFormat), `aws ec2 describe-instances` (Reservations), ' +
            '`aws lambda list-functions` (Functions), `aws glue get-dev-endpoints` (DevEndpoints), ' +
            '`aws sagemaker describe-notebook-instance` (NotebookInstanceArn) or `aws cloudformation describe-stacks` (Stacks)',
        );
    }
    return format;
  } catch (e) {
    throw toImportError(e, file);
  }
}

/**
 * Deepest nesting an imported file may have. AWS's outputs nest about a dozen levels (a condition
 * value inside a policy document inside a user); serializing or walking a 100,000-deep value
 * recursively would overflow the stack, so such a file is refused up front.
 */
export const MAX_NESTING = 64;

/** The path of the first element nested deeper than `limit` (found without recursion), or undefined. */
export function tooDeep(root: unknown, limit: number): JsonPath | undefined {
  interface Frame {
    value: object;
    depth: number;
    parent: Frame | null;
    key: string | number;
  }
  const stack: Frame[] = [];
  if (root !== null && typeof root === 'object') stack.push({ value: root, depth: 0, parent: null, key: '' });
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame.depth >= limit) {
      const path: (string | number)[] = [];
      for (let f: Frame | null = frame; f && f.parent; f = f.parent) path.push(f.key);
      return path.reverse();
    }
    // Only containers are pushed: a large, shallow export costs one frame per object or list.
    const entries: [string | number, unknown][] = Array.isArray(frame.value) ? frame.value.map((v, i) => [i, v]) : Object.entries(frame.value);
    for (const [key, v] of entries) if (v !== null && typeof v === 'object') stack.push({ value: v, depth: frame.depth + 1, parent: frame, key });
  }
  return undefined;
}

function tryLenientPolicy(text: string): ReturnType<typeof parsePolicy> | undefined {
  try {
    const parsed = parsePolicy(text, { lenient: true });
    return parsed.document.keys && 'Statement' in parsed.document.keys ? parsed : undefined;
  } catch (e) {
    if (e instanceof PolicySyntaxError) return undefined;
    throw e;
  }
}

function toImportError(e: unknown, file: ImportFile): unknown {
  if (e instanceof CsvError) {
    // A raw CSV file: its own positions. Inside Content: positions in the decoded report.
    if (e.path === null) return new ImportError({ file: file.name, line: e.line, column: e.column, reason: e.reason });
    return new ImportError({ file: file.name, line: e.line, column: e.column, path: formatPath(e.path), reason: e.reason, inDocument: true });
  }
  if (e instanceof ShapeError) {
    const at = locatePath(file.text, e.path);
    return new ImportError({
      file: file.name,
      line: at?.line,
      column: at?.column,
      path: e.path.length ? formatPath(e.path) : undefined,
      reason: e.reason,
    });
  }
  if (e instanceof DocumentError) {
    if (e.path.length === 0) {
      // The whole file is the document: its positions are the file's.
      return new ImportError({ file: file.name, line: e.line, column: e.column, reason: e.reason });
    }
    if (e.line === undefined) {
      // Bad URL encoding: point at the string in the file.
      const at = locatePath(file.text, e.path);
      return new ImportError({ file: file.name, line: at?.line, column: at?.column, path: formatPath(e.path), reason: e.reason });
    }
    return new ImportError({
      file: file.name,
      line: e.line,
      column: e.column,
      path: formatPath(e.path),
      reason: e.reason,
      inDocument: true,
    });
  }
  // Data AWS would never produce (two groups of one account with the same name, say) trips a
  // constraint: still the file's fault, so say which file.
  if (e instanceof Database.SqliteError && e.code.startsWith('SQLITE_CONSTRAINT')) {
    return new ImportError({ file: file.name, reason: `inconsistent data (${e.message})` });
  }
  return e;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
