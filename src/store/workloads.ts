/**
 * Reading workload state (migration 5) into the plain model of workload-model.ts.
 *
 * An EC2 instance names its instance profile, not its role: the role is the stored role whose
 * InstanceProfileList (get-account-authorization-details) holds that profile, resolved here at
 * load time so that the two imports may come in either order. An instance profile holds at most
 * one role ("Using instance profiles", IAM User Guide), so the first match is the only one; a
 * profile no stored role lists leaves roleArn null.
 */
import type { Store } from './db.js';
import { emptyWorkloadState, type CredentialFacts, type Workload, type WorkloadKind, type WorkloadSource, type WorkloadState } from './workload-model.js';

interface WorkloadRow {
  kind: WorkloadKind;
  arn: string;
  account_id: string;
  region: string | null;
  name: string;
  role_arn: string | null;
  instance_profile_arn: string | null;
  state: string | null;
}

interface CredentialRow {
  arn: string;
  account_id: string;
  root: number;
  password_enabled: number | null;
  mfa_active: number;
  access_key_1_active: number;
  access_key_2_active: number;
  access_key_1_last_rotated: string | null;
  access_key_2_last_rotated: string | null;
}

/** Instance profile ARN → the stored role it holds. */
export function instanceProfileRoles(store: Store): Map<string, string> {
  const rows = store.db
    .prepare(
      `SELECT p.arn, j.value AS profile FROM principals p, json_each(p.instance_profiles) j
      WHERE p.type = 'ROLE' AND p.instance_profiles IS NOT NULL ORDER BY p.arn`,
    )
    .all() as { arn: string; profile: string }[];
  const out = new Map<string, string>();
  for (const r of rows) if (typeof r.profile === 'string' && !out.has(r.profile)) out.set(r.profile, r.arn);
  return out;
}

function facts(r: CredentialRow): CredentialFacts {
  return {
    userArn: r.arn,
    passwordEnabled: r.password_enabled === 1,
    activeAccessKeys: r.access_key_1_active + r.access_key_2_active,
    mfaActive: r.mfa_active === 1,
    accessKeys:
      (r.access_key_1_active || r.access_key_1_last_rotated !== null ? 1 : 0) + (r.access_key_2_active || r.access_key_2_last_rotated !== null ? 1 : 0),
  };
}

/** The workload state stored, workloads ordered by ARN. */
export function loadWorkloads(store: Store): WorkloadState {
  // One read transaction: a concurrent import (another process, WAL) is either wholly in or out.
  return store.db.transaction(() => readWorkloads(store))();
}

function readWorkloads(store: Store): WorkloadState {
  const state = emptyWorkloadState();
  const { db } = store;
  for (const s of db.prepare('SELECT account_id, source FROM workload_sources ORDER BY account_id, source').all() as {
    account_id: string;
    source: WorkloadSource;
  }[]) {
    let set = state.imported.get(s.account_id);
    if (!set) state.imported.set(s.account_id, (set = new Set()));
    set.add(s.source);
  }
  const roots = new Map<string, CredentialFacts>();
  for (const r of db
    .prepare(
      `SELECT arn, account_id, root, password_enabled, mfa_active, access_key_1_active, access_key_2_active,
              access_key_1_last_rotated, access_key_2_last_rotated
         FROM credential_report ORDER BY arn`,
    )
    .all() as CredentialRow[]) {
    if (r.root === 1) roots.set(r.account_id, facts(r));
    else state.credentials.set(r.arn, facts(r));
  }
  state.rootCredentials = roots;
  const profiles = instanceProfileRoles(store);
  state.workloads = (
    db.prepare('SELECT kind, arn, account_id, region, name, role_arn, instance_profile_arn, state FROM workloads ORDER BY arn').all() as WorkloadRow[]
  ).map((r) => {
    const w: Workload = {
      kind: r.kind,
      arn: r.arn,
      accountId: r.account_id,
      region: r.region,
      name: r.name,
      roleArn: r.kind === 'EC2_INSTANCE' ? (r.instance_profile_arn ? (profiles.get(r.instance_profile_arn) ?? null) : null) : r.role_arn,
    };
    if (r.instance_profile_arn !== null) w.instanceProfileArn = r.instance_profile_arn;
    if (r.state !== null) w.state = r.state;
    return w;
  });
  return state;
}
