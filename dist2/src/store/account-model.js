/**
 * Everything the access evaluator needs, loaded into memory in one read transaction: each
 * principal with its identity policies resolved as the contract's Semantics define them, its
 * permissions boundary, its tags; and the tagged resources.
 *
 * A principal's identity policies: its inline policies, the DEFAULT version of each managed
 * policy attached to it, and for a user the inline and attached policies of each of its groups.
 * Non-default versions never take part. Document texts are shared between principals (one string
 * per document), and each document has a stable `id` so compiled forms can be cached across
 * principals and across loads; `modelVersion` changes with every import.
 */
import { dataVersion } from './db.js';
/** The store's current model version without loading the model (for cache checks). */
export function modelVersion(store) {
    return dataVersion(store);
}
export function loadAccountModel(store) {
    const { db } = store;
    // One read transaction: a concurrent import (another process, WAL) is either wholly in or out.
    return db.transaction(() => {
        const version = dataVersion(store);
        const principalRows = db.prepare(`SELECT id, arn, name, type, account_id, unique_id, path, permissions_boundary_arn
        FROM principals ORDER BY arn`).all();
        const byId = new Map();
        const principals = [];
        for (const r of principalRows) {
            const p = {
                arn: r.arn, name: r.name, type: r.type, accountId: r.account_id, uniqueId: r.unique_id, path: r.path,
                tags: Object.create(null), groups: [], policies: [], missingPolicies: [],
                boundaryArn: r.permissions_boundary_arn,
            };
            byId.set(r.id, p);
            principals.push(p);
        }
        // Tag keys are data: null-prototype maps, so `__proto__` or `constructor` are keys like any other.
        for (const t of db.prepare('SELECT principal_id, key, value FROM principal_tags ORDER BY key').iterate()) {
            const p = byId.get(t.principal_id);
            if (p)
                p.tags[t.key] = t.value;
        }
        // Default versions of the managed policies something refers to (attachment or boundary).
        const managed = new Map();
        const known = new Map(); // arn → name, stubs included
        for (const r of db.prepare(`
        SELECT p.arn, p.name, p.kind, v.version_id, v.document FROM policies p
          LEFT JOIN policy_versions v ON v.id = (SELECT id FROM policy_versions d WHERE d.policy_id = p.id AND d.is_default = 1 ORDER BY d.id LIMIT 1)
         WHERE p.arn IN (SELECT policy_arn FROM attachments UNION SELECT permissions_boundary_arn FROM principals WHERE permissions_boundary_arn IS NOT NULL)`)
            .iterate()) {
            known.set(r.arn, r.name);
            if (r.version_id !== null && r.document !== null) {
                managed.set(r.arn, { id: `${r.arn}@${r.version_id}`, name: r.name, arn: r.arn, kind: r.kind, versionId: r.version_id, document: r.document });
            }
        }
        // Groups: their own inline and attached policies, in order.
        const groupPolicies = new Map();
        const groupMissing = new Map();
        const groupName = new Map();
        for (const g of db.prepare('SELECT id, name FROM iam_groups').iterate()) {
            groupName.set(g.id, g.name);
            groupPolicies.set(g.id, []);
            groupMissing.set(g.id, []);
        }
        const inlineRows = db.prepare(`SELECT i.key, i.name, i.principal_id, i.group_id, i.document, COALESCE(p.name, g.name) AS owner_name
        FROM inline_policies i LEFT JOIN principals p ON p.id = i.principal_id LEFT JOIN iam_groups g ON g.id = i.group_id
        ORDER BY i.key`).iterate();
        for (const r of inlineRows) {
            const policy = { id: r.key, name: `${r.owner_name}/${r.name}`, kind: 'INLINE', document: r.document };
            if (r.principal_id !== null)
                byId.get(r.principal_id)?.policies.push(policy);
            else if (r.group_id !== null)
                groupPolicies.get(r.group_id)?.push({ ...policy, viaGroup: groupName.get(r.group_id) });
        }
        for (const a of db.prepare('SELECT policy_arn, principal_id, group_id FROM attachments ORDER BY policy_arn').iterate()) {
            const policy = managed.get(a.policy_arn);
            if (a.principal_id !== null) {
                const p = byId.get(a.principal_id);
                if (!p)
                    continue;
                if (policy)
                    p.policies.push(policy);
                else
                    p.missingPolicies.push(a.policy_arn);
            }
            else if (a.group_id !== null) {
                if (policy)
                    groupPolicies.get(a.group_id)?.push({ ...policy, viaGroup: groupName.get(a.group_id) });
                else
                    groupMissing.get(a.group_id)?.push(a.policy_arn);
            }
        }
        // Users: then each group's policies (a document met twice is kept once, at its first route).
        for (const m of db.prepare(`SELECT m.principal_id, g.id AS group_id, g.name FROM group_members m
        JOIN iam_groups g ON g.account_id = m.account_id AND g.name = m.group_name ORDER BY g.name`)
            .iterate()) {
            const p = byId.get(m.principal_id);
            if (!p)
                continue;
            p.groups.push(m.name);
            const have = new Set(p.policies.map((x) => x.id));
            for (const gp of groupPolicies.get(m.group_id) ?? [])
                if (!have.has(gp.id))
                    p.policies.push(gp);
            for (const arn of groupMissing.get(m.group_id) ?? [])
                if (!p.missingPolicies.includes(arn))
                    p.missingPolicies.push(arn);
        }
        for (const p of byId.values()) {
            if (p.boundaryArn) {
                const b = managed.get(p.boundaryArn);
                p.permissionsBoundary = b
                    ? { id: b.id, name: b.name, arn: p.boundaryArn, document: b.document }
                    : { name: known.get(p.boundaryArn) ?? p.boundaryArn.slice(p.boundaryArn.lastIndexOf('/') + 1), arn: p.boundaryArn, document: null };
            }
            delete p.boundaryArn;
        }
        const resources = [];
        const resById = new Map();
        for (const r of db.prepare(`SELECT id, arn, COALESCE(account_id, owner_account_id) AS account_id, service, region, resource_type
        FROM resources ORDER BY arn`).iterate()) {
            const m = { arn: r.arn, accountId: r.account_id, service: r.service, region: r.region, resourceType: r.resource_type, tags: Object.create(null) };
            resById.set(r.id, m);
            resources.push(m);
        }
        for (const t of db.prepare('SELECT resource_id, key, value FROM resource_tags ORDER BY key').iterate()) {
            const r = resById.get(t.resource_id);
            if (r)
                r.tags[t.key] = t.value;
        }
        return { modelVersion: version, principals, resources };
    }).deferred();
}
//# sourceMappingURL=account-model.js.map