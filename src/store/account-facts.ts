/**
 * The facts the access model is built from, one record per stored entity (principal, group,
 * managed policy, resource), and the pure builder that turns them into an AccountModel.
 *
 * Two sources give the same facts: the live tables (`loadAccountFacts`, the latest state) and the
 * history tables (src/store/history.ts, any kept snapshot). One builder serves both, so a past
 * snapshot's model is built by exactly the rules the live one is.
 *
 * The model's rules (the contract's Semantics): a principal's identity policies are its inline
 * policies, the DEFAULT version of each managed policy attached to it, and for a user the inline
 * and attached policies of each of its groups. Non-default versions never take part.
 */
import type Database from 'better-sqlite3';

export interface ModelPolicy {
  /**
   * Stable id of this document: `<policy ARN>@<version id>` for a managed policy's default
   * version, `<owner ARN>#<policy name>` for an inline policy. Same id ⇒ same text.
   */
  id: string;
  /** Managed: the policy name. Inline: `<owner name>/<policy name>` (e.g. `Bob/DenyBilling`). */
  name: string;
  /** Managed policies only. */
  arn?: string;
  kind: 'AWS_MANAGED' | 'CUSTOMER_MANAGED' | 'INLINE';
  /** Managed policies: the default version's id. */
  versionId?: string;
  document: string;
  /** Set when the policy applies through a group: the group's name. */
  viaGroup?: string;
}

export interface ModelBoundary {
  /** As ModelPolicy.id; absent when the boundary policy was not imported. */
  id?: string;
  name: string;
  arn: string;
  /**
   * Default version text. Null when the boundary policy is known only by ARN (it was not in any
   * import): the boundary exists but its content is unknown.
   */
  document: string | null;
}

export interface ModelPrincipal {
  arn: string;
  name: string;
  type: 'USER' | 'ROLE';
  accountId: string;
  /** UserId / RoleId (for aws:userid). */
  uniqueId: string | null;
  path: string;
  tags: Record<string, string>;
  /** Users: names of the groups they are in (that were imported). */
  groups: string[];
  policies: ModelPolicy[];
  permissionsBoundary?: ModelBoundary;
  /** ARNs of managed policies attached (directly or via a group) that no import included: unknown content, ignored. */
  missingPolicies: string[];
}

export interface ModelResource {
  arn: string;
  /** The owning account: the ARN's, or for ARNs without one (S3) the account that listed it; null if unknown. */
  accountId: string | null;
  service: string;
  region: string | null;
  resourceType: string | null;
  tags: Record<string, string>;
}

export interface AccountModel {
  /** Changes on every import; equal versions ⇒ equal models. */
  modelVersion: string;
  /** Sorted by ARN. */
  principals: ModelPrincipal[];
  /** Sorted by ARN. */
  resources: ModelResource[];
}

/** A user or role as stored. Lists are sorted (see sortFacts), so equal facts serialize equally. */
export interface PrincipalFacts {
  arn: string;
  name: string;
  type: 'USER' | 'ROLE';
  accountId: string;
  uniqueId: string | null;
  path: string;
  boundaryArn: string | null;
  /** Roles: the trust policy (AssumeRolePolicyDocument) text. */
  trustPolicy: string | null;
  /** [key, value], by key. */
  tags: [string, string][];
  /** Users: [account id, group name] of each membership, by group name. */
  groups: [string, string][];
  /** [policy name, document], by name. */
  inline: [string, string][];
  /** Attached managed policy ARNs, sorted. */
  attached: string[];
}

export interface GroupFacts {
  arn: string;
  name: string;
  accountId: string;
  inline: [string, string][];
  attached: string[];
}

/** A managed policy (stubs too: known by ARN only, no document). */
export interface PolicyFacts {
  arn: string;
  name: string;
  kind: 'AWS_MANAGED' | 'CUSTOMER_MANAGED';
  /** The default version's id and text; null for a stub. */
  versionId: string | null;
  document: string | null;
}

export interface ResourceRowFacts {
  arn: string;
  /** The ARN's account (null for S3 buckets…). */
  accountId: string | null;
  /** The account whose import listed it (or the owner given with its resource policy). */
  ownerAccountId: string | null;
  service: string;
  region: string | null;
  resourceType: string | null;
  tags: [string, string][];
}

export interface AccountFacts {
  principals: PrincipalFacts[];
  groups: GroupFacts[];
  policies: PolicyFacts[];
  resources: ResourceRowFacts[];
}

/** Plain code-unit order: the same on every source, so both sources sort alike. */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byFirst = (a: [string, string], b: [string, string]) => byString(a[0], b[0]) || byString(a[1], b[1]);
const byArn = (a: { arn: string }, b: { arn: string }) => byString(a.arn, b.arn);

/** Reads the live tables' facts. Call inside a read transaction (the caller's). */
export function loadAccountFacts(db: Database.Database): AccountFacts {
  const principals = new Map<number, PrincipalFacts>();
  for (const r of db
    .prepare(`SELECT id, arn, name, type, account_id, unique_id, path, permissions_boundary_arn, trust_policy FROM principals`)
    .iterate() as Iterable<{
    id: number;
    arn: string;
    name: string;
    type: 'USER' | 'ROLE';
    account_id: string;
    unique_id: string | null;
    path: string;
    permissions_boundary_arn: string | null;
    trust_policy: string | null;
  }>) {
    principals.set(r.id, {
      arn: r.arn,
      name: r.name,
      type: r.type,
      accountId: r.account_id,
      uniqueId: r.unique_id,
      path: r.path,
      boundaryArn: r.permissions_boundary_arn,
      trustPolicy: r.trust_policy,
      tags: [],
      groups: [],
      inline: [],
      attached: [],
    });
  }
  for (const t of db.prepare('SELECT principal_id, key, value FROM principal_tags').raw().iterate() as Iterable<[number, string, string]>) {
    principals.get(t[0])?.tags.push([t[1], t[2]]);
  }
  for (const m of db.prepare('SELECT principal_id, account_id, group_name FROM group_members').raw().iterate() as Iterable<[number, string, string]>) {
    principals.get(m[0])?.groups.push([m[1], m[2]]);
  }
  const groups = new Map<number, GroupFacts>();
  for (const g of db.prepare('SELECT id, arn, name, account_id FROM iam_groups').raw().iterate() as Iterable<[number, string, string, string]>) {
    groups.set(g[0], { arn: g[1], name: g[2], accountId: g[3], inline: [], attached: [] });
  }
  for (const i of db.prepare('SELECT principal_id, group_id, name, document FROM inline_policies').raw().iterate() as Iterable<
    [number | null, number | null, string, string]
  >) {
    const owner = i[0] !== null ? principals.get(i[0]) : i[1] !== null ? groups.get(i[1]) : undefined;
    owner?.inline.push([i[2], i[3]]);
  }
  for (const a of db.prepare('SELECT policy_arn, principal_id, group_id FROM attachments').raw().iterate() as Iterable<
    [string, number | null, number | null]
  >) {
    const owner = a[1] !== null ? principals.get(a[1]) : a[2] !== null ? groups.get(a[2]) : undefined;
    owner?.attached.push(a[0]);
  }
  const policies = (
    db
      .prepare(
        `SELECT p.arn, p.name, p.kind, v.version_id, v.document FROM policies p
          LEFT JOIN policy_versions v ON v.id = (SELECT id FROM policy_versions d WHERE d.policy_id = p.id AND d.is_default = 1 ORDER BY d.id LIMIT 1)`,
      )
      .all() as { arn: string; name: string; kind: 'AWS_MANAGED' | 'CUSTOMER_MANAGED'; version_id: string | null; document: string | null }[]
  ).map((r): PolicyFacts => ({ arn: r.arn, name: r.name, kind: r.kind, versionId: r.version_id, document: r.document }));
  const resources = new Map<number, ResourceRowFacts>();
  for (const r of db.prepare('SELECT id, arn, account_id, owner_account_id, service, region, resource_type FROM resources').iterate() as Iterable<{
    id: number;
    arn: string;
    account_id: string | null;
    owner_account_id: string | null;
    service: string;
    region: string | null;
    resource_type: string | null;
  }>) {
    resources.set(r.id, {
      arn: r.arn,
      accountId: r.account_id,
      ownerAccountId: r.owner_account_id,
      service: r.service,
      region: r.region,
      resourceType: r.resource_type,
      tags: [],
    });
  }
  for (const t of db.prepare('SELECT resource_id, key, value FROM resource_tags').raw().iterate() as Iterable<[number, string, string]>) {
    resources.get(t[0])?.tags.push([t[1], t[2]]);
  }
  return sortFacts({ principals: [...principals.values()], groups: [...groups.values()], policies, resources: [...resources.values()] });
}

/** Puts every list in its canonical order (in place): equal content ⇒ equal JSON. */
export function sortFacts(facts: AccountFacts): AccountFacts {
  for (const p of facts.principals) sortPrincipalFacts(p);
  for (const g of facts.groups) {
    g.inline.sort(byFirst);
    g.attached.sort(byString);
  }
  for (const r of facts.resources) r.tags.sort(byFirst);
  facts.principals.sort(byArn);
  facts.groups.sort(byArn);
  facts.policies.sort(byArn);
  facts.resources.sort(byArn);
  return facts;
}

function sortPrincipalFacts(p: PrincipalFacts): void {
  p.tags.sort(byFirst);
  p.groups.sort((a, b) => byString(a[1], b[1]) || byString(a[0], b[0]));
  p.inline.sort(byFirst);
  p.attached.sort(byString);
}

/** The access model of a set of facts. Pure. */
export function buildAccountModel(facts: AccountFacts, modelVersion: string): AccountModel {
  // Default versions of managed policies; `known` names stubs too (a boundary known by ARN only).
  const managed = new Map<string, ModelPolicy>();
  const known = new Map<string, string>();
  for (const p of facts.policies) {
    known.set(p.arn, p.name);
    if (p.versionId !== null && p.document !== null) {
      managed.set(p.arn, { id: `${p.arn}@${p.versionId}`, name: p.name, arn: p.arn, kind: p.kind, versionId: p.versionId, document: p.document });
    }
  }
  // Groups: their own inline then attached policies; a membership names a group by (account, name).
  const groupsByName = new Map<string, GroupPolicies>();
  for (const g of facts.groups) {
    const policies: ModelPolicy[] = g.inline.map(([name, document]) => ({
      id: `${g.arn}#${name}`,
      name: `${g.name}/${name}`,
      kind: 'INLINE',
      document,
      viaGroup: g.name,
    }));
    const missing: string[] = [];
    for (const arn of g.attached) {
      const m = managed.get(arn);
      if (m) policies.push({ ...m, viaGroup: g.name });
      else missing.push(arn);
    }
    groupsByName.set(`${g.accountId}\u0000${g.name}`, { policies, missing });
  }

  const principals = facts.principals.map((f): ModelPrincipal => {
    const p: ModelPrincipal = {
      arn: f.arn,
      name: f.name,
      type: f.type,
      accountId: f.accountId,
      uniqueId: f.uniqueId,
      path: f.path,
      // Tag keys are data: null-prototype maps, so `__proto__` or `constructor` are keys like any other.
      tags: tagMap(f.tags),
      groups: [],
      policies: f.inline.map(([name, document]) => ({ id: `${f.arn}#${name}`, name: `${f.name}/${name}`, kind: 'INLINE', document })),
      missingPolicies: [],
    };
    const memberOf: GroupPolicies[] = [];
    for (const [account, name] of f.groups) {
      const g = groupsByName.get(`${account}\u0000${name}`);
      if (!g) continue;
      p.groups.push(name);
      memberOf.push(g);
    }
    resolveIdentityPolicies(p, f.attached, memberOf, managed);
    if (f.boundaryArn) {
      const b = managed.get(f.boundaryArn);
      p.permissionsBoundary = b
        ? { id: b.id, name: b.name, arn: f.boundaryArn, document: b.document }
        : { name: known.get(f.boundaryArn) ?? f.boundaryArn.slice(f.boundaryArn.lastIndexOf('/') + 1), arn: f.boundaryArn, document: null };
    }
    return p;
  });

  const resources = facts.resources.map((r): ModelResource => ({
    arn: r.arn,
    accountId: r.accountId ?? r.ownerAccountId,
    service: r.service,
    region: r.region,
    resourceType: r.resourceType,
    tags: tagMap(r.tags),
  }));
  return { modelVersion, principals, resources };
}

/** A group's identity policies as its members get them: inline then attached default versions (each marked viaGroup), and the attached ARNs no import included. */
export interface GroupPolicies {
  policies: ModelPolicy[];
  missing: string[];
}

/**
 * A principal's identity policies (the contract's Semantics), completed in place: after its own
 * inline policies (already in `out.policies`), the default version of each managed policy
 * attached to it, then each group's policies in the order given (by group name); a document met
 * twice is kept once, at its first route. Attached policies no import included are listed in
 * missingPolicies. The one resolver of the rule: the model and what-if's hypothetical states use it.
 */
export function resolveIdentityPolicies(
  out: { policies: ModelPolicy[]; missingPolicies: string[] },
  attached: readonly string[],
  groups: readonly GroupPolicies[],
  managed: ReadonlyMap<string, ModelPolicy>,
): void {
  for (const arn of attached) {
    const m = managed.get(arn);
    if (m) out.policies.push(m);
    else out.missingPolicies.push(arn);
  }
  for (const g of groups) {
    const have = new Set(out.policies.map((x) => x.id));
    for (const gp of g.policies) if (!have.has(gp.id)) out.policies.push(gp);
    for (const arn of g.missing) if (!out.missingPolicies.includes(arn)) out.missingPolicies.push(arn);
  }
}

function tagMap(tags: [string, string][]): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [k, v] of tags) out[k] = v;
  return out;
}
