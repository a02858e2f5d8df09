/**
 * Findings of every stored policy: the default version of each managed policy and each inline
 * policy, linted as identity policies with their kind's size quota, each role's trust policy
 * (as Access Analyzer's AWS::IAM::AssumeRolePolicyDocument), the organization's SCPs and RCPs,
 * and the resource-based policies (an S3 bucket's as AWS::S3::Bucket). Findings are computed once per
 * distinct document text and kept, per store, until the data changes (an import bumps the data
 * version): "which of our policies are broken or risky" over 20,000 stored policies is a
 * lookup after the first question.
 */
import type { Store } from '../db.js';
import { dataVersion } from '../db.js';
import { validatePolicy, type IdentityPolicyKind, type ValidateOptions } from '../../policy/validate.js';
import type { Finding } from '../../policy/types.js';

export interface StoredPolicyDocument {
  /**
   * Managed policy ARN, inline policy key (`<owner ARN>#<name>`), `<role ARN>#trust-policy`, an
   * SCP's or RCP's ARN (its id when the document gave none), or `<resource ARN>#resource-policy`.
   */
  key: string;
  name: string;
  kind: 'MANAGED' | 'INLINE' | 'TRUST_POLICY' | 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY' | 'RESOURCE_POLICY';
  document: string;
  options: ValidateOptions;
}

interface LintIndex {
  version: string;
  /** Findings per policy key. */
  byKey: Map<string, Finding[]>;
}

const indexes = new WeakMap<Store, LintIndex>();
/** Findings per document text and options, shared by policies with the same document. */
const byText = new Map<string, Finding[]>();
const MAX_CACHED_TEXTS = 50_000;

function lintText(text: string, options: ValidateOptions): Finding[] {
  const k = `${options.policyType ?? ''}|${options.resourceType ?? ''}|${options.identityPolicyKind ?? ''}|${options.lenient ? 'L' : ''}|${text}`;
  let f = byText.get(k);
  if (!f) {
    if (byText.size >= MAX_CACHED_TEXTS) byText.clear();
    byText.set(k, (f = validatePolicy(text, options).findings));
  }
  return f;
}

/** Every stored policy document that can be linted, ordered by key. */
export function storedPolicyDocuments(store: Store): StoredPolicyDocument[] {
  const out: StoredPolicyDocument[] = [];
  const managed = store.db
    .prepare(
      `
    SELECT p.arn AS key, p.name AS name, v.document AS document FROM policies p
      JOIN policy_versions v ON v.policy_id = p.id AND v.is_default = 1`,
    )
    .all() as { key: string; name: string; document: string }[];
  for (const r of managed) out.push({ ...r, kind: 'MANAGED', options: { policyType: 'IDENTITY_POLICY', identityPolicyKind: 'MANAGED' } });
  const inline = store.db.prepare(`SELECT key, name, owner_kind, document FROM inline_policies`).all() as {
    key: string;
    name: string;
    owner_kind: string;
    document: string;
  }[];
  for (const r of inline) {
    const kind = `${r.owner_kind}_INLINE` as IdentityPolicyKind;
    out.push({ key: r.key, name: r.name, document: r.document, kind: 'INLINE', options: { policyType: 'IDENTITY_POLICY', identityPolicyKind: kind } });
  }
  const trust = store.db.prepare(`SELECT arn, name, trust_policy FROM principals WHERE type = 'ROLE' AND trust_policy IS NOT NULL`).all() as {
    arn: string;
    name: string;
    trust_policy: string;
  }[];
  for (const r of trust) {
    out.push({
      key: `${r.arn}#trust-policy`,
      name: `${r.name} trust policy`,
      document: r.trust_policy,
      kind: 'TRUST_POLICY',
      options: { policyType: 'RESOURCE_POLICY', resourceType: 'AWS::IAM::AssumeRolePolicyDocument' },
    });
  }
  const org = store.db.prepare(`SELECT id, arn, name, type, content FROM org_policies`).all() as {
    id: string;
    arn: string | null;
    name: string;
    type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
    content: string;
  }[];
  for (const r of org) out.push({ key: r.arn ?? r.id, name: r.name, document: r.content, kind: r.type, options: { policyType: r.type } });
  const resource = store.db.prepare(`SELECT arn, service, resource_type, policy FROM resource_policies`).all() as {
    arn: string;
    service: string;
    resource_type: string | null;
    policy: string;
  }[];
  for (const r of resource) {
    // Access Analyzer's validatePolicyResourceType where it has one for the resource.
    const resourceType =
      r.service === 's3' && r.resource_type === 'bucket'
        ? 'AWS::S3::Bucket'
        : r.service === 'dynamodb' && r.resource_type === 'table'
          ? 'AWS::DynamoDB::Table'
          : undefined;
    out.push({
      key: `${r.arn}#resource-policy`,
      name: `${r.arn.slice(r.arn.lastIndexOf(':') + 1)} resource policy`,
      document: r.policy,
      kind: 'RESOURCE_POLICY',
      options: { policyType: 'RESOURCE_POLICY', ...(resourceType ? { resourceType } : {}) },
    });
  }
  // Stored documents passed an import, some of them with `--lenient` repairs (the seed's
  // documentation policies have trailing commas): the repairs are reported as WARNINGs and every
  // other check still runs.
  for (const d of out) d.options.lenient = true;
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function lintIndex(store: Store): LintIndex {
  const version = dataVersion(store);
  const cached = indexes.get(store);
  if (cached && cached.version === version) return cached;
  const byKey = new Map<string, Finding[]>();
  for (const d of storedPolicyDocuments(store)) byKey.set(d.key, lintText(d.document, d.options));
  const index = { version, byKey };
  indexes.set(store, index);
  return index;
}

/**
 * The findings of one stored policy (managed: its default version) by ARN or inline key. Without
 * a current index, only this policy is linted: asking for one policy never lints the store.
 */
export function findingsOfPolicy(store: Store, keyOrArn: string): Finding[] {
  const cached = indexes.get(store);
  if (cached && cached.version === dataVersion(store)) return cached.byKey.get(keyOrArn) ?? [];
  const managed = store.db
    .prepare(
      `
    SELECT v.document FROM policies p JOIN policy_versions v ON v.policy_id = p.id AND v.is_default = 1 WHERE p.arn = ?`,
    )
    .pluck()
    .get(keyOrArn) as string | undefined;
  if (managed !== undefined) return lintText(managed, { policyType: 'IDENTITY_POLICY', identityPolicyKind: 'MANAGED', lenient: true });
  const inline = store.db.prepare(`SELECT owner_kind, document FROM inline_policies WHERE key = ?`).get(keyOrArn) as
    { owner_kind: string; document: string } | undefined;
  if (inline)
    return lintText(inline.document, { policyType: 'IDENTITY_POLICY', identityPolicyKind: `${inline.owner_kind}_INLINE` as IdentityPolicyKind, lenient: true });
  // Trust, organization and resource-based policies: through the index.
  return lintIndex(store).byKey.get(keyOrArn) ?? [];
}

/** Keys of stored policies with at least one finding of this type and / or code. */
export function policyKeysWithFinding(store: Store, filter: { findingType?: string; code?: string }): string[] {
  const out: string[] = [];
  for (const [key, findings] of lintIndex(store).byKey) {
    if (
      findings.some((f) => (filter.findingType === undefined || f.findingType === filter.findingType) && (filter.code === undefined || f.code === filter.code))
    )
      out.push(key);
  }
  return out;
}
