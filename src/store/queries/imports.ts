/** Import history (snapshots) and the accounts the store knows. */
import type { Store } from '../db.js';
import type { AccountRecord, ImportRecord } from './types.js';

/** Every import, newest first. */
export function listImports(store: Store): ImportRecord[] {
  const rows = store.db.prepare('SELECT id, started_at, finished_at, label, files, counts, history, pruned_at FROM snapshots ORDER BY id DESC').all() as {
    id: number;
    started_at: string;
    finished_at: string | null;
    label: string | null;
    files: string;
    counts: string | null;
    history: number;
    pruned_at: string | null;
  }[];
  return rows.map((r) => {
    const files = JSON.parse(r.files) as unknown[];
    return {
      id: r.id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      label: r.label,
      // Recorded as names when the import starts, as {name, format} once it has finished.
      files: files.map((f) => (typeof f === 'string' ? { name: f, format: 'unknown' } : (f as { name: string; format: string }))),
      counts: r.counts ? (JSON.parse(r.counts) as Record<string, unknown>) : null,
      queryable: r.history === 1 && r.pruned_at === null,
      prunedAt: r.pruned_at,
    };
  });
}

/** Accounts with what the store holds for each, sorted by id. */
export function listAccounts(store: Store): AccountRecord[] {
  const rows = store.db
    .prepare(
      `
    SELECT a.id, a.iam_snapshot_id, a.resources_snapshot_id,
           (SELECT COUNT(*) FROM principals p WHERE p.account_id = a.id AND p.type = 'USER') AS users,
           (SELECT COUNT(*) FROM principals p WHERE p.account_id = a.id AND p.type = 'ROLE') AS roles,
           (SELECT COUNT(*) FROM iam_groups g WHERE g.account_id = a.id) AS groups_,
           (SELECT COUNT(*) FROM policies p WHERE p.account_id = a.id AND p.kind = 'CUSTOMER_MANAGED' AND p.stub = 0) AS policies,
           (SELECT COUNT(*) FROM resources r WHERE r.owner_account_id = a.id) AS resources
      FROM accounts a ORDER BY a.id`,
    )
    .all() as {
    id: string;
    iam_snapshot_id: number | null;
    resources_snapshot_id: number | null;
    users: number;
    roles: number;
    groups_: number;
    policies: number;
    resources: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    users: r.users,
    roles: r.roles,
    groups: r.groups_,
    customerManagedPolicies: r.policies,
    resources: r.resources,
    iamSnapshotId: r.iam_snapshot_id,
    resourcesSnapshotId: r.resources_snapshot_id,
  }));
}
