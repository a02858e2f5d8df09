/**
 * Findings of every stored policy: the default version of each managed policy and each inline
 * policy, linted as identity policies with their kind's size quota, and each role's trust policy
 * (as Access Analyzer's AWS::IAM::AssumeRolePolicyDocument). Findings are computed once per
 * distinct document text and kept, per store, until the data changes (an import bumps the data
 * version): "which of our policies are broken or risky" over 20,000 stored policies is a
 * lookup after the first question.
 */
import type { Store } from '../db.js';
import { dataVersion } from '../db.js';
import { validatePolicy, type IdentityPolicyKind, type ValidateOptions } from '../../policy/validate.js';
import type { Finding } from '../../policy/types.js';

export interface StoredPolicyDocument {
  /** Managed policy ARN, inline policy key (`<owner ARN>#<name>`), or `<role ARN>#trust-policy`. */
  key: string;
  name: string;
  kind: 'MANAGED' | 'INLINE' | 'TRUST_POLICY';
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
  const k = `${options.policyType ?? ''}|${options.resourceType ?? ''}|${options.identityPolicyKind ?? ''}|${text}`;
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
  const managed = store.db.prepare(`
    SELECT p.arn AS key, p.name AS name, v.document AS document FROM policies p
      JOIN policy_versions v ON v.policy_id = p.id AND v.is_default = 1`).all() as { key: string; name: string; document: string }[];
  for (const r of managed) out.push({ ...r, kind: 'MANAGED', options: { policyType: 'IDENTITY_POLICY', identityPolicyKind: 'MANAGED' } });
  const inline = store.db.prepare(`SELECT key, name, owner_kind, document FROM inline_policies`).all() as { key: string; name: string; owner_kind: string; document: string }[];
  for (const r of inline) {
    const kind = `${r.owner_kind}_INLINE` as IdentityPolicyKind;
    out.push({ key: r.key, name: r.name, document: r.document, kind: 'INLINE', options: { policyType: 'IDENTITY_POLICY', identityPolicyKind: kind } });
  }
  const trust = store.db.prepare(`SELECT arn, name, trust_policy FROM principals WHERE type = 'ROLE' AND trust_policy IS NOT NULL`).all() as { arn: string; name: string; trust_policy: string }[];
  for (const r of trust) {
    out.push({
      key: `${r.arn}#trust-policy`, name: `${r.name} trust policy`, document: r.trust_policy, kind: 'TRUST_POLICY',
      options: { policyType: 'RESOURCE_POLICY', resourceType: 'AWS::IAM::AssumeRolePolicyDocument' },
    });
  }
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

/** The findings of one stored policy (managed: its default version) by ARN or inline key. */
export function findingsOfPolicy(store: Store, keyOrArn: string): Finding[] {
  return lintIndex(store).byKey.get(keyOrArn) ?? [];
}

/** Keys of stored policies with at least one finding of this type and / or code. */
export function policyKeysWithFinding(store: Store, filter: { findingType?: string; code?: string }): string[] {
  const out: string[] = [];
  for (const [key, findings] of lintIndex(store).byKey) {
    if (findings.some((f) => (filter.findingType === undefined || f.findingType === filter.findingType) && (filter.code === undefined || f.code === filter.code))) out.push(key);
  }
  return out;
}
