import { dataVersion } from '../db.js';
import { validatePolicy } from '../../policy/validate.js';
const indexes = new WeakMap();
/** Findings per document text and options, shared by policies with the same document. */
const byText = new Map();
const MAX_CACHED_TEXTS = 50_000;
function lintText(text, options) {
    const k = `${options.policyType ?? ''}|${options.resourceType ?? ''}|${options.identityPolicyKind ?? ''}|${options.lenient ? 'L' : ''}|${text}`;
    let f = byText.get(k);
    if (!f) {
        if (byText.size >= MAX_CACHED_TEXTS)
            byText.clear();
        byText.set(k, (f = validatePolicy(text, options).findings));
    }
    return f;
}
/** Every stored policy document that can be linted, ordered by key. */
export function storedPolicyDocuments(store) {
    const out = [];
    const managed = store.db.prepare(`
    SELECT p.arn AS key, p.name AS name, v.document AS document FROM policies p
      JOIN policy_versions v ON v.policy_id = p.id AND v.is_default = 1`).all();
    for (const r of managed)
        out.push({ ...r, kind: 'MANAGED', options: { policyType: 'IDENTITY_POLICY', identityPolicyKind: 'MANAGED' } });
    const inline = store.db.prepare(`SELECT key, name, owner_kind, document FROM inline_policies`).all();
    for (const r of inline) {
        const kind = `${r.owner_kind}_INLINE`;
        out.push({ key: r.key, name: r.name, document: r.document, kind: 'INLINE', options: { policyType: 'IDENTITY_POLICY', identityPolicyKind: kind } });
    }
    const trust = store.db.prepare(`SELECT arn, name, trust_policy FROM principals WHERE type = 'ROLE' AND trust_policy IS NOT NULL`).all();
    for (const r of trust) {
        out.push({
            key: `${r.arn}#trust-policy`, name: `${r.name} trust policy`, document: r.trust_policy, kind: 'TRUST_POLICY',
            options: { policyType: 'RESOURCE_POLICY', resourceType: 'AWS::IAM::AssumeRolePolicyDocument' },
        });
    }
    const org = store.db.prepare(`SELECT id, arn, name, type, content FROM org_policies`).all();
    for (const r of org)
        out.push({ key: r.arn ?? r.id, name: r.name, document: r.content, kind: r.type, options: { policyType: r.type } });
    const resource = store.db.prepare(`SELECT arn, service, resource_type, policy FROM resource_policies`).all();
    for (const r of resource) {
        // Access Analyzer's validatePolicyResourceType where it has one for the resource.
        const resourceType = r.service === 's3' && r.resource_type === 'bucket' ? 'AWS::S3::Bucket' : r.service === 'dynamodb' && r.resource_type === 'table' ? 'AWS::DynamoDB::Table' : undefined;
        out.push({
            key: `${r.arn}#resource-policy`, name: `${r.arn.slice(r.arn.lastIndexOf(':') + 1)} resource policy`, document: r.policy, kind: 'RESOURCE_POLICY',
            options: { policyType: 'RESOURCE_POLICY', ...(resourceType ? { resourceType } : {}) },
        });
    }
    // Stored documents passed an import, some of them with `--lenient` repairs (the seed's
    // documentation policies have trailing commas): the repairs are reported as WARNINGs and every
    // other check still runs.
    for (const d of out)
        d.options.lenient = true;
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
function lintIndex(store) {
    const version = dataVersion(store);
    const cached = indexes.get(store);
    if (cached && cached.version === version)
        return cached;
    const byKey = new Map();
    for (const d of storedPolicyDocuments(store))
        byKey.set(d.key, lintText(d.document, d.options));
    const index = { version, byKey };
    indexes.set(store, index);
    return index;
}
/**
 * The findings of one stored policy (managed: its default version) by ARN or inline key. Without
 * a current index, only this policy is linted: asking for one policy never lints the store.
 */
export function findingsOfPolicy(store, keyOrArn) {
    const cached = indexes.get(store);
    if (cached && cached.version === dataVersion(store))
        return cached.byKey.get(keyOrArn) ?? [];
    const managed = store.db.prepare(`
    SELECT v.document FROM policies p JOIN policy_versions v ON v.policy_id = p.id AND v.is_default = 1 WHERE p.arn = ?`).pluck().get(keyOrArn);
    if (managed !== undefined)
        return lintText(managed, { policyType: 'IDENTITY_POLICY', identityPolicyKind: 'MANAGED', lenient: true });
    const inline = store.db.prepare(`SELECT owner_kind, document FROM inline_policies WHERE key = ?`).get(keyOrArn);
    if (inline)
        return lintText(inline.document, { policyType: 'IDENTITY_POLICY', identityPolicyKind: `${inline.owner_kind}_INLINE`, lenient: true });
    // Trust, organization and resource-based policies: through the index.
    return lintIndex(store).byKey.get(keyOrArn) ?? [];
}
/** Keys of stored policies with at least one finding of this type and / or code. */
export function policyKeysWithFinding(store, filter) {
    const out = [];
    for (const [key, findings] of lintIndex(store).byKey) {
        if (findings.some((f) => (filter.findingType === undefined || f.findingType === filter.findingType) && (filter.code === undefined || f.code === filter.code)))
            out.push(key);
    }
    return out;
}
//# sourceMappingURL=lint.js.map