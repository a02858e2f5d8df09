/**
 * The write side of workload state imports (migration 5), inside the import's one transaction.
 *
 * Replacement is per account and per source: the first time an import meets an account in the
 * output of one command, that account's rows of that source are deleted and the source is
 * recorded for the account with this snapshot. Further files of the same source in the same
 * import (pages of one listing) add to it.
 */
import type Database from 'better-sqlite3';
import type { WorkloadKind, WorkloadSource } from '../workload-model.js';

export interface WorkloadInsert {
  kind: WorkloadKind;
  arn: string;
  accountId: string;
  region: string | null;
  name: string;
  roleArn: string | null;
  instanceProfileArn: string | null;
  state: string | null;
  /** The item as the output printed it. */
  raw: unknown;
}

export interface CredentialInsert {
  arn: string;
  accountId: string;
  userName: string;
  root: boolean;
  userCreationTime: string | null;
  /** null: `not_supported` (the root row). */
  passwordEnabled: boolean | null;
  passwordLastUsed: string | null;
  passwordLastChanged: string | null;
  passwordNextRotation: string | null;
  mfaActive: boolean;
  accessKey1Active: boolean;
  accessKey1LastRotated: string | null;
  accessKey1LastUsedDate: string | null;
  accessKey2Active: boolean;
  accessKey2LastRotated: string | null;
  accessKey2LastUsedDate: string | null;
  /** Column → value, as the CSV row says. */
  raw: Record<string, string>;
}

const KIND_SOURCE: Record<WorkloadKind, WorkloadSource> = {
  EC2_INSTANCE: 'EC2_INSTANCES',
  LAMBDA_FUNCTION: 'LAMBDA_FUNCTIONS',
  GLUE_DEV_ENDPOINT: 'GLUE_DEV_ENDPOINTS',
  SAGEMAKER_NOTEBOOK: 'SAGEMAKER_NOTEBOOKS',
  CLOUDFORMATION_STACK: 'CLOUDFORMATION_STACKS',
};

export function sourceOfKind(kind: WorkloadKind): WorkloadSource {
  return KIND_SOURCE[kind];
}

const bit = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

export class WorkloadWriter {
  private readonly snapshotId: number;
  private readonly s: Record<string, Database.Statement>;
  private readonly met = new Set<string>();
  /** What this import recorded, per account and source (for the result). */
  readonly recorded: { accountId: string; source: WorkloadSource; generatedTime: string | null }[] = [];

  constructor(db: Database.Database, snapshotId: number) {
    this.snapshotId = snapshotId;
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      account: p(`INSERT INTO accounts (id) VALUES (?) ON CONFLICT (id) DO NOTHING`),
      clearCredentials: p(`DELETE FROM credential_report WHERE account_id = ?`),
      clearWorkloads: p(`DELETE FROM workloads WHERE account_id = ? AND source = ?`),
      source: p(`INSERT OR REPLACE INTO workload_sources (account_id, source, snapshot_id, generated_time) VALUES (?, ?, ?, ?)`),
      credential: p(`INSERT OR REPLACE INTO credential_report (arn, account_id, user_name, root, user_creation_time, password_enabled,
          password_last_used, password_last_changed, password_next_rotation, mfa_active, access_key_1_active, access_key_1_last_rotated,
          access_key_1_last_used_date, access_key_2_active, access_key_2_last_rotated, access_key_2_last_used_date, raw, snapshot_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      deleteWorkload: p(`DELETE FROM workloads WHERE arn = ?`),
      workload: p(`INSERT INTO workloads (kind, source, arn, account_id, region, name, role_arn, instance_profile_arn, state, raw, snapshot_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
  }

  /**
   * Call before writing a row of `source` for the account (and for an empty output, with the
   * account it is from): the first call of the import replaces what the account had from it.
   */
  source(accountId: string, source: WorkloadSource, generatedTime: string | null = null): void {
    const key = `${accountId}|${source}`;
    if (this.met.has(key)) return;
    this.met.add(key);
    this.s.account.run(accountId);
    if (source === 'CREDENTIAL_REPORT') this.s.clearCredentials.run(accountId);
    else this.s.clearWorkloads.run(accountId, source);
    this.s.source.run(accountId, source, this.snapshotId, generatedTime);
    this.recorded.push({ accountId, source, generatedTime });
  }

  credential(c: CredentialInsert): void {
    this.s.credential.run(
      c.arn,
      c.accountId,
      c.userName,
      c.root ? 1 : 0,
      c.userCreationTime,
      bit(c.passwordEnabled),
      c.passwordLastUsed,
      c.passwordLastChanged,
      c.passwordNextRotation,
      bit(c.mfaActive),
      bit(c.accessKey1Active),
      c.accessKey1LastRotated,
      c.accessKey1LastUsedDate,
      bit(c.accessKey2Active),
      c.accessKey2LastRotated,
      c.accessKey2LastUsedDate,
      JSON.stringify(c.raw),
      this.snapshotId,
    );
  }

  /** Replaces an earlier row with the same ARN (pages of one listing may overlap). */
  workload(w: WorkloadInsert): void {
    this.s.deleteWorkload.run(w.arn);
    this.s.workload.run(
      w.kind,
      KIND_SOURCE[w.kind],
      w.arn,
      w.accountId,
      w.region,
      w.name,
      w.roleArn,
      w.instanceProfileArn,
      w.state,
      JSON.stringify(w.raw),
      this.snapshotId,
    );
  }
}
