/**
 * Browsing workload state: workloads page by page, users' credential report rows, and which
 * sources were imported for which account.
 */
import type { Store } from '../db.js';
import type { WorkloadKind, WorkloadSource } from '../workload-model.js';
import { instanceProfileRoles } from '../workloads.js';
import { groupBy, jsonList, keysetPage, Where, type Page, type PageArgs } from './pagination.js';

export interface WorkloadRecord {
  kind: WorkloadKind;
  arn: string;
  accountId: string;
  region: string | null;
  name: string;
  /** Resolved for EC2 through the stored roles' instance profiles (null when none lists it). */
  roleArn: string | null;
  instanceProfileArn: string | null;
  state: string | null;
  snapshotId: number;
}

export interface WorkloadFilter {
  kind?: WorkloadKind;
  /** Workloads running as this role (EC2: through the instance profile). */
  roleArn?: string;
  accountId?: string;
  /** The workload with this ARN (node(id)). */
  arn?: string;
}

interface Row {
  kind: WorkloadKind;
  arn: string;
  account_id: string;
  region: string | null;
  name: string;
  role_arn: string | null;
  instance_profile_arn: string | null;
  state: string | null;
  snapshot_id: number;
}

export function listWorkloads(store: Store, args: WorkloadFilter & PageArgs): Page<WorkloadRecord> {
  const profiles = instanceProfileRoles(store);
  const where = new Where();
  if (args.kind) where.add('w.kind = ?', args.kind);
  if (args.accountId) where.add('w.account_id = ?', args.accountId);
  if (args.arn !== undefined) where.add('w.arn = ?', args.arn);
  if (args.roleArn !== undefined) {
    const held = [...profiles].filter(([, role]) => role === args.roleArn).map(([p]) => p);
    where.add(
      `((w.kind <> 'EC2_INSTANCE' AND w.role_arn = ?) OR (w.kind = 'EC2_INSTANCE' AND w.instance_profile_arn IN (SELECT value FROM json_each(?))))`,
      args.roleArn,
      jsonList(held),
    );
  }
  return keysetPage<Row, WorkloadRecord>(store, {
    select: 'w.kind, w.arn, w.account_id, w.region, w.name, w.role_arn, w.instance_profile_arn, w.state, w.snapshot_id',
    from: 'workloads w',
    keyColumn: 'w.arn',
    where,
    args,
    key: (r) => r.arn,
    map: (r) => ({
      kind: r.kind,
      arn: r.arn,
      accountId: r.account_id,
      region: r.region,
      name: r.name,
      roleArn: r.kind === 'EC2_INSTANCE' ? (r.instance_profile_arn ? (profiles.get(r.instance_profile_arn) ?? null) : null) : r.role_arn,
      instanceProfileArn: r.instance_profile_arn,
      state: r.state,
      snapshotId: r.snapshot_id,
    }),
  });
}

/** A user's row of the credential report. */
export interface CredentialReportRecord {
  userArn: string;
  passwordEnabled: boolean;
  passwordLastUsed: string | null;
  passwordLastChanged: string | null;
  mfaActive: boolean;
  accessKey1Active: boolean;
  accessKey1LastUsedDate: string | null;
  accessKey2Active: boolean;
  accessKey2LastUsedDate: string | null;
  /** The report's GeneratedTime, when the output gave it. */
  generatedTime: string | null;
  snapshotId: number;
}

/** Batch: the credential report rows of these users (the root row is never returned). */
export function credentialsForUsers(store: Store, arns: readonly string[]): Map<string, CredentialReportRecord | null> {
  const rows = store.db
    .prepare(
      `SELECT c.*, s.generated_time FROM credential_report c
         LEFT JOIN workload_sources s ON s.account_id = c.account_id AND s.source = 'CREDENTIAL_REPORT'
        WHERE c.root = 0 AND c.arn IN (SELECT value FROM json_each(?))`,
    )
    .all(jsonList(arns)) as Record<string, unknown>[];
  const grouped = groupBy(arns, rows, (r) => r.arn as string);
  return new Map(
    [...grouped].map(([arn, list]) => {
      const r = list[0];
      if (!r) return [arn, null];
      return [
        arn,
        {
          userArn: arn,
          passwordEnabled: r.password_enabled === 1,
          passwordLastUsed: (r.password_last_used as string | null) ?? null,
          passwordLastChanged: (r.password_last_changed as string | null) ?? null,
          mfaActive: r.mfa_active === 1,
          accessKey1Active: r.access_key_1_active === 1,
          accessKey1LastUsedDate: (r.access_key_1_last_used_date as string | null) ?? null,
          accessKey2Active: r.access_key_2_active === 1,
          accessKey2LastUsedDate: (r.access_key_2_last_used_date as string | null) ?? null,
          generatedTime: (r.generated_time as string | null) ?? null,
          snapshotId: r.snapshot_id as number,
        },
      ];
    }),
  );
}

export interface WorkloadSourceRecord {
  accountId: string;
  source: WorkloadSource;
  snapshotId: number;
  generatedTime: string | null;
}

/** Which workload state sources were imported for which account (and by which snapshot last). */
export function listWorkloadSources(store: Store, accountId?: string): WorkloadSourceRecord[] {
  const rows = store.db
    .prepare(
      `SELECT account_id, source, snapshot_id, generated_time FROM workload_sources
        ${accountId !== undefined ? 'WHERE account_id = ?' : ''} ORDER BY account_id, source`,
    )
    .all(...(accountId !== undefined ? [accountId] : [])) as {
    account_id: string;
    source: WorkloadSource;
    snapshot_id: number;
    generated_time: string | null;
  }[];
  return rows.map((r) => ({ accountId: r.account_id, source: r.source, snapshotId: r.snapshot_id, generatedTime: r.generated_time }));
}
