/** Every import, newest first. */
export function listImports(store) {
    const rows = store.db.prepare('SELECT id, started_at, finished_at, label, files, counts FROM snapshots ORDER BY id DESC').all();
    return rows.map((r) => {
        const files = JSON.parse(r.files);
        return {
            id: r.id,
            startedAt: r.started_at,
            finishedAt: r.finished_at,
            label: r.label,
            // Recorded as names when the import starts, as {name, format} once it has finished.
            files: files.map((f) => (typeof f === 'string' ? { name: f, format: 'unknown' } : f)),
            counts: r.counts ? JSON.parse(r.counts) : null,
        };
    });
}
/** Accounts with what the store holds for each, sorted by id. */
export function listAccounts(store) {
    const rows = store.db.prepare(`
    SELECT a.id, a.iam_snapshot_id, a.resources_snapshot_id,
           (SELECT COUNT(*) FROM principals p WHERE p.account_id = a.id AND p.type = 'USER') AS users,
           (SELECT COUNT(*) FROM principals p WHERE p.account_id = a.id AND p.type = 'ROLE') AS roles,
           (SELECT COUNT(*) FROM iam_groups g WHERE g.account_id = a.id) AS groups_,
           (SELECT COUNT(*) FROM policies p WHERE p.account_id = a.id AND p.kind = 'CUSTOMER_MANAGED' AND p.stub = 0) AS policies,
           (SELECT COUNT(*) FROM resources r WHERE r.owner_account_id = a.id) AS resources
      FROM accounts a ORDER BY a.id`).all();
    return rows.map((r) => ({
        id: r.id, users: r.users, roles: r.roles, groups: r.groups_, customerManagedPolicies: r.policies, resources: r.resources,
        iamSnapshotId: r.iam_snapshot_id, resourcesSnapshotId: r.resources_snapshot_id,
    }));
}
//# sourceMappingURL=imports.js.map