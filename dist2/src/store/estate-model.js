import { accountOfArn } from '../util/arn.js';
/** AWS's FullAWSAccess SCP, supplied at a level where the document attaches no SCP. */
export const SCP_FULL_AWS_ACCESS = {
    id: 'p-FullAWSAccess',
    name: 'FullAWSAccess',
    implicit: true,
    document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 4),
};
/**
 * AWS's RCPFullAWSAccess (AWS Organizations User Guide, "RCP syntax": attached automatically to
 * the root, every OU and every account when RCPs are enabled).
 */
export const RCP_FULL_AWS_ACCESS = {
    id: 'p-RCPFullAWSAccess',
    name: 'RCPFullAWSAccess',
    implicit: true,
    document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, null, 4),
};
/**
 * A service-linked role: IAM creates it under the path `/aws-service-role/` (IAM User Guide,
 * "Using service-linked roles"). SCPs and RCPs do not restrict it.
 */
export function isServiceLinkedRoleArn(arn) {
    return /^arn:[^:]+:iam::\d{12}:role\/aws-service-role\//.test(arn);
}
export function buildEstate(data) {
    const org = data.organization;
    const nodes = new Map(data.nodes.map((n) => [n.id, n]));
    const attached = new Map();
    const typesAttached = new Set();
    for (const p of data.policies) {
        if (p.targets.length > 0)
            typesAttached.add(p.type);
        for (const t of p.targets) {
            let byType = attached.get(t);
            if (!byType)
                attached.set(t, (byType = new Map()));
            let list = byType.get(p.type);
            if (!list)
                byType.set(p.type, (list = []));
            list.push({ id: p.id, name: p.name, document: p.document });
        }
    }
    const lineageCache = new Map();
    const lineage = (accountId) => {
        if (lineageCache.has(accountId))
            return lineageCache.get(accountId);
        let out = null;
        const n = nodes.get(accountId);
        if (org && n && n.kind === 'ACCOUNT') {
            out = [];
            const seen = new Set();
            for (let at = n; at; at = at.parentId ? nodes.get(at.parentId) : undefined) {
                if (seen.has(at.id)) {
                    out = null;
                    break;
                }
                seen.add(at.id);
                out.unshift(at.id);
            }
            if (out && nodes.get(out[0])?.kind !== 'ROOT')
                out = null;
        }
        lineageCache.set(accountId, out);
        return out;
    };
    const enabled = (rootId, type) => {
        if (!org || (org.featureSet !== null && org.featureSet !== 'ALL'))
            return false;
        if (typesAttached.has(type))
            return true;
        const types = nodes.get(rootId)?.policyTypes;
        return (types ?? []).some((t) => t.Type === type && (t.Status === undefined || t.Status === 'ENABLED'));
    };
    const levels = (accountId, type) => {
        const ids = lineage(accountId);
        if (!ids || !enabled(ids[0], type))
            return null;
        return ids.map((id) => {
            const n = nodes.get(id);
            const policies = attached.get(id)?.get(type) ?? [];
            if (type === 'RESOURCE_CONTROL_POLICY') {
                // RCPFullAWSAccess is on every level and cannot be detached (AWS Organizations User Guide,
                // "Resource control policies (RCPs)", "RCPFullAWSAccess"): a document that omits it at a
                // level where it attaches another RCP still has it there.
                const hasFull = policies.some((p) => p.id === RCP_FULL_AWS_ACCESS.id || p.name === RCP_FULL_AWS_ACCESS.name);
                return { targetId: id, kind: n.kind, name: n.name, policies: hasFull ? policies : [RCP_FULL_AWS_ACCESS, ...policies] };
            }
            return {
                targetId: id, kind: n.kind, name: n.name,
                policies: policies.length > 0 ? policies : [SCP_FULL_AWS_ACCESS],
            };
        });
    };
    const placement = (accountId) => {
        const ids = lineage(accountId);
        if (!ids || !org)
            return null;
        return {
            accountId, organizationId: org.id, path: `${org.id}/${ids.slice(0, -1).map((i) => `${i}/`).join('')}`, lineage: ids,
            parentId: ids[ids.length - 2], isManagementAccount: accountId === org.managementAccountId,
        };
    };
    const rcps = (accountId) => (org && accountId === org.managementAccountId ? null : levels(accountId, 'RESOURCE_CONTROL_POLICY'));
    const policies = new Map(data.resourcePolicies.map((r) => [r.arn, r]));
    const trust = new Map(data.trustPolicies.map((r) => [r.arn, r.document]));
    const listed = new Map(data.listedOwners.map((r) => [r.arn, r.ownerAccountId]));
    return {
        organizationId: org?.id ?? null,
        managementAccountId: org?.managementAccountId ?? null,
        placement,
        serviceControlPolicies(principal) {
            if (!org || principal.accountId === org.managementAccountId || isServiceLinkedRoleArn(principal.arn))
                return null;
            return levels(principal.accountId, 'SERVICE_CONTROL_POLICY');
        },
        resourceControlPolicies: rcps,
        resource(arn, callerAccountId) {
            // An S3 object is governed by its bucket's policy and owned by the bucket's owner (Amazon S3
            // User Guide, "Bucket policies": a bucket policy's Resource covers the bucket's objects).
            const bucket = s3BucketOf(arn);
            const stored = policies.get(arn) ?? (bucket ? policies.get(bucket) : undefined);
            const owner = accountOfArn(arn) ?? stored?.ownerAccountId ?? listed.get(arn) ?? (bucket ? listed.get(bucket) : undefined) ?? callerAccountId ?? null;
            return {
                arn, ownerAccountId: owner,
                policy: trust.get(arn) ?? stored?.document ?? null,
                resourceControlPolicies: owner ? rcps(owner) : null,
            };
        },
        orgContext(principalAccountId, resourceOwnerAccountId) {
            const out = {};
            const p = principalAccountId ? placement(principalAccountId) : null;
            if (p) {
                out['aws:PrincipalOrgID'] = p.organizationId;
                out['aws:PrincipalOrgPaths'] = [p.path];
            }
            if (resourceOwnerAccountId) {
                out['aws:ResourceAccount'] = resourceOwnerAccountId;
                const r = placement(resourceOwnerAccountId);
                if (r) {
                    out['aws:ResourceOrgID'] = r.organizationId;
                    out['aws:ResourceOrgPaths'] = [r.path];
                }
            }
            return out;
        },
    };
}
/** `arn:aws:s3:::bucket/key` → `arn:aws:s3:::bucket`; undefined for anything else. */
export function s3BucketOf(arn) {
    const m = /^(arn:[^:]+:s3:::[^/]+)\/./.exec(arn);
    return m ? m[1] : undefined;
}
/** Reads everything buildEstate needs in one read transaction. */
export function loadEstateData(store) {
    const { db } = store;
    return db.transaction(() => {
        const o = db.prepare('SELECT id, arn, feature_set, master_account_id FROM org_organization').get();
        const nodes = db.prepare('SELECT id, kind, parent_id, name, arn, email, status, policy_types FROM org_nodes ORDER BY pos').all().map((n) => ({
            id: n.id, kind: n.kind, parentId: n.parent_id, name: n.name, arn: n.arn, email: n.email, status: n.status,
            policyTypes: n.policy_types ? JSON.parse(n.policy_types) : null,
        }));
        const targets = new Map();
        for (const t of db.prepare('SELECT policy_id, target_id FROM org_policy_targets ORDER BY policy_id, target_id').iterate()) {
            let l = targets.get(t.policy_id);
            if (!l)
                targets.set(t.policy_id, (l = []));
            l.push(t.target_id);
        }
        const policies = db.prepare('SELECT id, name, arn, type, aws_managed, content FROM org_policies ORDER BY pos').all().map((p) => ({ id: p.id, name: p.name, arn: p.arn, type: p.type, awsManaged: p.aws_managed === 1, document: p.content, targets: targets.get(p.id) ?? [] }));
        const resourcePolicies = db.prepare('SELECT arn, COALESCE(account_id, owner_account_id) AS owner, policy FROM resource_policies ORDER BY arn').all().map((r) => ({ arn: r.arn, ownerAccountId: r.owner, document: r.policy }));
        const listedOwners = db.prepare(`SELECT arn, owner_account_id AS ownerAccountId FROM resources
        WHERE account_id IS NULL AND owner_account_id IS NOT NULL`).all();
        const trustPolicies = db.prepare(`SELECT arn, trust_policy AS document FROM principals WHERE type = 'ROLE' AND trust_policy IS NOT NULL ORDER BY arn`)
            .all();
        return {
            organization: o ? { id: o.id, arn: o.arn, featureSet: o.feature_set, managementAccountId: o.master_account_id } : null,
            nodes, policies, resourcePolicies, listedOwners, trustPolicies,
        };
    }).deferred();
}
export function loadEstate(store) {
    return buildEstate(loadEstateData(store));
}
//# sourceMappingURL=estate-model.js.map