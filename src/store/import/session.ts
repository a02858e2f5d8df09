/**
 * State of one importFiles call across its files: counts, repairs, progress, and which parts of
 * which accounts have already been cleared for replacement.
 *
 * Replacement is per account and per list: when the import contains an account's entities, every
 * list the import's authorization-details files carry (UserDetailList, RoleDetailList,
 * GroupDetailList, Policies — present, even empty) replaces that account's users, roles, groups or
 * customer-managed policies. A list the files do not carry (output of `--filter User`) leaves that
 * part alone. Clearing happens lazily — when an account or a list is first met — so files are
 * read one at a time and never all held in memory as parsed JSON.
 */
import type { Finding } from '../../policy/types.js';
import type { ImportWriter, IamKind } from './writer.js';
import type { ImportRepair } from './types.js';
import type { WorkloadWriter } from './workload-writer.js';
import { formatPath, type JsonPath } from './shape.js';

export class ImportSession {
  readonly writer: ImportWriter;
  readonly lenient: boolean;
  file = '';
  readonly repairs: ImportRepair[] = [];
  readonly accounts = new Set<string>();
  readonly users = new Set<string>();
  readonly roles = new Set<string>();
  readonly groups = new Set<string>();
  readonly policies = new Set<string>();
  readonly resources = new Set<string>();
  readonly resourcePolicies = new Set<string>();
  /** The id of the organization this import wrote (the last one, when several files carry one). */
  organization: string | null = null;
  organizationalUnits = 0;
  organizationAccounts = 0;
  organizationPolicies = 0;
  policyVersions = 0;
  inlinePolicies = 0;
  statements = 0;
  /** Workload state (credential report users, not the root row; workloads by ARN). */
  readonly credentialReportUsers = new Set<string>();
  readonly workloads = new Set<string>();
  /** Set by importFiles: the write side of workload state imports. */
  workloadWriter!: WorkloadWriter;
  /** ImportOptions.account: the account workload outputs come from (an empty listing names none). */
  account: string | null = null;

  private readonly iamAccounts = new Set<string>();
  private readonly kinds = new Set<IamKind>();
  private readonly resourceAccounts = new Set<string>();

  private readonly onProgress?: (done: number, total: number) => void;
  private readonly total: number;
  private fileStart = 0;
  private fileSize = 0;
  private lastReported = -1;

  constructor(writer: ImportWriter, lenient: boolean, total: number, onProgress?: (done: number, total: number) => void) {
    this.writer = writer;
    this.lenient = lenient;
    this.total = total;
    this.onProgress = onProgress;
  }

  /** The lists an authorization-details file carries; each replaces its part of every account met. */
  declareKinds(kinds: IamKind[]): void {
    for (const k of kinds) {
      if (this.kinds.has(k)) continue;
      this.kinds.add(k);
      // No row of this kind was written yet in this import: clearing cannot lose any.
      for (const a of this.iamAccounts) this.writer.clearAccountKind(a, k);
    }
  }

  /** Call before writing an IAM entity of the account. */
  iamAccount(accountId: string): void {
    if (this.iamAccounts.has(accountId)) return;
    this.iamAccounts.add(accountId);
    this.accounts.add(accountId);
    this.writer.markIamAccount(accountId);
    for (const k of this.kinds) this.writer.clearAccountKind(accountId, k);
  }

  /** Call before writing a tagged resource owned by the account. */
  resourceAccount(accountId: string): void {
    if (this.resourceAccounts.has(accountId)) return;
    this.resourceAccounts.add(accountId);
    this.accounts.add(accountId);
    this.writer.markResourceAccount(accountId);
    this.writer.clearAccountResources(accountId);
  }

  repair(path: JsonPath | undefined, findings: Finding[]): void {
    for (const f of findings) {
      this.repairs.push({
        file: this.file,
        line: f.line ?? 1,
        column: f.column ?? 1,
        message: path ? `${formatPath(path)}: ${f.message}` : f.message,
        ...(path ? { path: formatPath(path) } : {}),
      });
    }
  }

  beginFile(name: string, size: number): void {
    this.file = name;
    this.fileSize = size;
    this.report(this.fileStart);
  }

  /** Progress within the current file, as a fraction of its items. */
  step(done: number, of: number): void {
    if (!this.onProgress || of === 0) return;
    this.report(this.fileStart + Math.floor((this.fileSize * done) / of));
  }

  endFile(): void {
    this.fileStart += this.fileSize;
    this.report(this.fileStart);
  }

  private report(done: number): void {
    if (!this.onProgress) return;
    // At most ~200 calls for the whole import, so a TTY bar costs nothing.
    const bucket = this.total === 0 ? 200 : Math.floor((done * 200) / this.total);
    if (bucket === this.lastReported) return;
    this.lastReported = bucket;
    this.onProgress(Math.min(done, this.total), this.total);
  }
}
