/**
 * The IAM facts behind the account model's resolved policy lists: which policies are attached to
 * whom (a user or role directly, or a group), each group's members, and every managed policy's
 * default version — attached or not. A what-if change (attach, detach, a new version, a group
 * membership) is applied to these facts, and the principals it touches get their policy lists
 * resolved again by `resolvePrincipalPolicies`, exactly as loadAccountModel resolves them.
 */
import type { Store } from './db.js';
import { loadAccountFacts, resolveIdentityPolicies, type AccountFacts, type GroupPolicies, type ModelPolicy } from './account-facts.js';

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

/** The IAM facts of the live tables: read as the model reads them (loadAccountFacts), so the two agree. */
export function loadIamFacts(store: Store): IamFacts {
  const { db } = store;
  return db.transaction((): IamFacts => iamFactsOf(loadAccountFacts(db))).deferred();
}

/** The IAM facts of a set of account facts (pure). */
export function iamFactsOf(facts: AccountFacts): IamFacts {
  const managed = new Map<string, FactManagedPolicy>();
  for (const p of facts.policies) managed.set(p.arn, { ...p, document: p.versionId !== null ? p.document : null });
  // Inline policies keep their store key, `<owner ARN>#<name>` (ModelPolicy.id); facts list them by name.
  const inline = (owner: { arn: string; name: string }, list: [string, string][]): ModelPolicy[] =>
    list.map(([name, document]) => ({ id: `${owner.arn}#${name}`, name: `${owner.name}/${name}`, kind: 'INLINE', document }));
  const groups = new Map<string, FactGroup>();
  for (const g of facts.groups) groups.set(g.arn, { arn: g.arn, name: g.name, accountId: g.accountId, inline: inline(g, g.inline), attached: [...g.attached] });
  const own = new Map<string, FactOwnPolicies>();
  for (const p of facts.principals)
    if (p.inline.length > 0 || p.attached.length > 0) own.set(p.arn, { inline: inline(p, p.inline), attached: [...p.attached] });
  return { managed, groups, own };
}

/** `<policy ARN>@<version id>`, as ModelPolicy.id names a managed policy's default version. */
export function managedPolicyEntry(p: FactManagedPolicy): ModelPolicy | undefined {
  if (p.versionId === null || p.document === null) return undefined;
  return { id: `${p.arn}@${p.versionId}`, name: p.name, arn: p.arn, kind: p.kind, versionId: p.versionId, document: p.document };
}

/**
 * A principal's identity policies from its facts and its groups' (groups by name), by the
 * model's own resolver (resolveIdentityPolicies).
 */
export function resolvePrincipalPolicies(
  own: FactOwnPolicies | undefined,
  groups: FactGroup[],
  managed: Map<string, FactManagedPolicy>,
): { policies: ModelPolicy[]; missingPolicies: string[] } {
  const entries = new Map<string, ModelPolicy>();
  const entry = (arn: string) => {
    let e = entries.get(arn);
    if (e === undefined) {
      const m = managed.get(arn);
      e = m ? managedPolicyEntry(m) : undefined;
      if (e) entries.set(arn, e);
    }
    return e;
  };
  const known: Map<string, ModelPolicy> = new Map();
  for (const arn of [...(own?.attached ?? []), ...groups.flatMap((g) => g.attached)]) {
    const e = entry(arn);
    if (e) known.set(arn, e);
  }
  const byName = [...groups].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const groupPolicies: GroupPolicies[] = byName.map((g) => ({
    policies: [
      ...g.inline.map((p) => ({ ...p, viaGroup: g.name })),
      ...g.attached.flatMap((arn) => (known.has(arn) ? [{ ...known.get(arn)!, viaGroup: g.name }] : [])),
    ],
    missing: g.attached.filter((arn) => !known.has(arn)),
  }));
  const out = { policies: [...(own?.inline ?? [])], missingPolicies: [] as string[] };
  resolveIdentityPolicies(out, own?.attached ?? [], groupPolicies, known);
  return out;
}
