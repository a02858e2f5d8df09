/**
 * The IAM facts behind the account model's resolved policy lists: which policies are attached to
 * whom (a user or role directly, or a group), each group's members, and every managed policy's
 * default version — attached or not. A what-if change (attach, detach, a new version, a group
 * membership) is applied to these facts, and the principals it touches get their policy lists
 * resolved again by `resolvePrincipalPolicies`, exactly as loadAccountModel resolves them.
 */
import type { Store } from './db.js';
import type { ModelPolicy } from './account-model.js';

export interface FactManagedPolicy {
  arn: string;
  name: string;
  kind: 'AWS_MANAGED' | 'CUSTOMER_MANAGED';
  /** Null when the policy is known only by ARN (no import held its versions). */
  versionId: string | null;
  document: string | null;
}

/** A user's, role's or group's own policies: inline ones (ordered by key) and attached ARNs (ordered). */
export interface FactOwnPolicies {
  inline: ModelPolicy[];
  attached: string[];
}

export interface FactGroup extends FactOwnPolicies {
  arn: string;
  name: string;
  accountId: string;
}

export interface IamFacts {
  /** By ARN. */
  managed: Map<string, FactManagedPolicy>;
  /** By ARN. */
  groups: Map<string, FactGroup>;
  /** Users' and roles' own policies, by principal ARN (absent: none). */
  own: Map<string, FactOwnPolicies>;
}

export function loadIamFacts(store: Store): IamFacts {
  const { db } = store;
  return db
    .transaction((): IamFacts => {
      const managed = new Map<string, FactManagedPolicy>();
      for (const r of db
        .prepare(
          `SELECT p.arn, p.name, p.kind, v.version_id, v.document FROM policies p
          LEFT JOIN policy_versions v ON v.id = (SELECT id FROM policy_versions d WHERE d.policy_id = p.id AND d.is_default = 1 ORDER BY d.id LIMIT 1)`,
        )
        .iterate() as Iterable<{ arn: string; name: string; kind: 'AWS_MANAGED' | 'CUSTOMER_MANAGED'; version_id: string | null; document: string | null }>) {
        managed.set(r.arn, { arn: r.arn, name: r.name, kind: r.kind, versionId: r.version_id, document: r.version_id !== null ? r.document : null });
      }
      const groups = new Map<string, FactGroup>();
      const groupById = new Map<number, FactGroup>();
      for (const g of db.prepare('SELECT id, arn, name, account_id FROM iam_groups').iterate() as Iterable<{
        id: number;
        arn: string;
        name: string;
        account_id: string;
      }>) {
        const group: FactGroup = { arn: g.arn, name: g.name, accountId: g.account_id, inline: [], attached: [] };
        groups.set(g.arn, group);
        groupById.set(g.id, group);
      }
      const own = new Map<string, FactOwnPolicies>();
      const ownOf = (arn: string) => {
        let o = own.get(arn);
        if (!o) own.set(arn, (o = { inline: [], attached: [] }));
        return o;
      };
      for (const r of db
        .prepare(
          `SELECT i.key, i.name, i.group_id, i.document, COALESCE(p.name, g.name) AS owner_name, p.arn AS principal_arn
        FROM inline_policies i LEFT JOIN principals p ON p.id = i.principal_id LEFT JOIN iam_groups g ON g.id = i.group_id
        ORDER BY i.key`,
        )
        .iterate() as Iterable<{ key: string; name: string; group_id: number | null; document: string; owner_name: string; principal_arn: string | null }>) {
        const policy: ModelPolicy = { id: r.key, name: `${r.owner_name}/${r.name}`, kind: 'INLINE', document: r.document };
        if (r.principal_arn !== null) ownOf(r.principal_arn).inline.push(policy);
        else if (r.group_id !== null) groupById.get(r.group_id)?.inline.push(policy);
      }
      for (const a of db
        .prepare(
          `SELECT a.policy_arn, a.group_id, p.arn AS principal_arn FROM attachments a LEFT JOIN principals p ON p.id = a.principal_id
        ORDER BY a.policy_arn`,
        )
        .iterate() as Iterable<{ policy_arn: string; group_id: number | null; principal_arn: string | null }>) {
        if (a.principal_arn !== null) ownOf(a.principal_arn).attached.push(a.policy_arn);
        else if (a.group_id !== null) groupById.get(a.group_id)?.attached.push(a.policy_arn);
      }
      return { managed, groups, own };
    })
    .deferred();
}

/** `<policy ARN>@<version id>`, as ModelPolicy.id names a managed policy's default version. */
export function managedPolicyEntry(p: FactManagedPolicy): ModelPolicy | undefined {
  if (p.versionId === null || p.document === null) return undefined;
  return { id: `${p.arn}@${p.versionId}`, name: p.name, arn: p.arn, kind: p.kind, versionId: p.versionId, document: p.document };
}

/**
 * A principal's identity policies as loadAccountModel resolves them (contract, Semantics): its
 * inline policies, its attached managed policies' default versions, then for a user each group's
 * (groups by name; a document met twice kept once, at its first route). Managed policies no
 * import included are listed in missingPolicies.
 */
export function resolvePrincipalPolicies(
  own: FactOwnPolicies | undefined,
  groups: FactGroup[],
  managed: Map<string, FactManagedPolicy>,
): { policies: ModelPolicy[]; missingPolicies: string[] } {
  const policies: ModelPolicy[] = [];
  const missingPolicies: string[] = [];
  const entries = new Map<string, ModelPolicy | undefined>();
  const entry = (arn: string) => {
    if (!entries.has(arn)) {
      const m = managed.get(arn);
      entries.set(arn, m ? managedPolicyEntry(m) : undefined);
    }
    return entries.get(arn);
  };
  for (const p of own?.inline ?? []) policies.push(p);
  for (const arn of own?.attached ?? []) {
    const e = entry(arn);
    if (e) policies.push(e);
    else missingPolicies.push(arn);
  }
  for (const g of [...groups].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const have = new Set(policies.map((x) => x.id));
    for (const p of g.inline) if (!have.has(p.id)) policies.push({ ...p, viaGroup: g.name });
    for (const arn of g.attached) {
      const e = entry(arn);
      if (!e) {
        if (!missingPolicies.includes(arn)) missingPolicies.push(arn);
      } else if (!have.has(e.id)) policies.push({ ...e, viaGroup: g.name });
    }
  }
  return { policies, missingPolicies };
}
