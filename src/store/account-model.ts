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
import { dataVersion, type Store } from './db.js';

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

/** The store's current model version without loading the model (for cache checks). */
export function modelVersion(store: Store): string {
  return dataVersion(store);
}

export function loadAccountModel(store: Store): AccountModel {
  const { db } = store;
  // One read transaction: a concurrent import (another process, WAL) is either wholly in or out.
  return db
    .transaction((): AccountModel => {
      const version = dataVersion(store);

      const principalRows = db
        .prepare(
          `SELECT id, arn, name, type, account_id, unique_id, path, permissions_boundary_arn
        FROM principals ORDER BY arn`,
        )
        .all() as {
        id: number;
        arn: string;
        name: string;
        type: 'USER' | 'ROLE';
        account_id: string;
        unique_id: string | null;
        path: string;
        permissions_boundary_arn: string | null;
      }[];
      const byId = new Map<number, ModelPrincipal & { boundaryArn: string | null }>();
      const principals: ModelPrincipal[] = [];
      for (const r of principalRows) {
        const p = {
          arn: r.arn,
          name: r.name,
          type: r.type,
          accountId: r.account_id,
          uniqueId: r.unique_id,
          path: r.path,
          tags: Object.create(null) as Record<string, string>,
          groups: [] as string[],
          policies: [] as ModelPolicy[],
          missingPolicies: [] as string[],
          boundaryArn: r.permissions_boundary_arn,
        };
        byId.set(r.id, p);
        principals.push(p);
      }
      // Tag keys are data: null-prototype maps, so `__proto__` or `constructor` are keys like any other.
      for (const t of db.prepare('SELECT principal_id, key, value FROM principal_tags ORDER BY key').iterate() as Iterable<{
        principal_id: number;
        key: string;
        value: string;
      }>) {
        const p = byId.get(t.principal_id);
        if (p) p.tags[t.key] = t.value;
      }

      // Default versions of the managed policies something refers to (attachment or boundary).
      const managed = new Map<string, ModelPolicy>();
      const known = new Map<string, string>(); // arn → name, stubs included
      for (const r of db
        .prepare(
          `
        SELECT p.arn, p.name, p.kind, v.version_id, v.document FROM policies p
          LEFT JOIN policy_versions v ON v.id = (SELECT id FROM policy_versions d WHERE d.policy_id = p.id AND d.is_default = 1 ORDER BY d.id LIMIT 1)
         WHERE p.arn IN (SELECT policy_arn FROM attachments UNION SELECT permissions_boundary_arn FROM principals WHERE permissions_boundary_arn IS NOT NULL)`,
        )
        .iterate() as Iterable<{ arn: string; name: string; kind: 'AWS_MANAGED' | 'CUSTOMER_MANAGED'; version_id: string | null; document: string | null }>) {
        known.set(r.arn, r.name);
        if (r.version_id !== null && r.document !== null) {
          managed.set(r.arn, { id: `${r.arn}@${r.version_id}`, name: r.name, arn: r.arn, kind: r.kind, versionId: r.version_id, document: r.document });
        }
      }

      // Groups: their own inline and attached policies, in order.
      const groupPolicies = new Map<number, ModelPolicy[]>();
      const groupMissing = new Map<number, string[]>();
      const groupName = new Map<number, string>();
      for (const g of db.prepare('SELECT id, name FROM iam_groups').iterate() as Iterable<{ id: number; name: string }>) {
        groupName.set(g.id, g.name);
        groupPolicies.set(g.id, []);
        groupMissing.set(g.id, []);
      }
      const inlineRows = db
        .prepare(
          `SELECT i.key, i.name, i.principal_id, i.group_id, i.document, COALESCE(p.name, g.name) AS owner_name
        FROM inline_policies i LEFT JOIN principals p ON p.id = i.principal_id LEFT JOIN iam_groups g ON g.id = i.group_id
        ORDER BY i.key`,
        )
        .iterate() as Iterable<{ key: string; name: string; principal_id: number | null; group_id: number | null; document: string; owner_name: string }>;
      for (const r of inlineRows) {
        const policy: ModelPolicy = { id: r.key, name: `${r.owner_name}/${r.name}`, kind: 'INLINE', document: r.document };
        if (r.principal_id !== null) byId.get(r.principal_id)?.policies.push(policy);
        else if (r.group_id !== null) groupPolicies.get(r.group_id)?.push({ ...policy, viaGroup: groupName.get(r.group_id) });
      }
      for (const a of db.prepare('SELECT policy_arn, principal_id, group_id FROM attachments ORDER BY policy_arn').iterate() as Iterable<{
        policy_arn: string;
        principal_id: number | null;
        group_id: number | null;
      }>) {
        const policy = managed.get(a.policy_arn);
        if (a.principal_id !== null) {
          const p = byId.get(a.principal_id);
          if (!p) continue;
          if (policy) p.policies.push(policy);
          else p.missingPolicies.push(a.policy_arn);
        } else if (a.group_id !== null) {
          if (policy) groupPolicies.get(a.group_id)?.push({ ...policy, viaGroup: groupName.get(a.group_id) });
          else groupMissing.get(a.group_id)?.push(a.policy_arn);
        }
      }

      // Users: then each group's policies (a document met twice is kept once, at its first route).
      for (const m of db
        .prepare(
          `SELECT m.principal_id, g.id AS group_id, g.name FROM group_members m
        JOIN iam_groups g ON g.account_id = m.account_id AND g.name = m.group_name ORDER BY g.name`,
        )
        .iterate() as Iterable<{ principal_id: number; group_id: number; name: string }>) {
        const p = byId.get(m.principal_id);
        if (!p) continue;
        p.groups.push(m.name);
        const have = new Set(p.policies.map((x) => x.id));
        for (const gp of groupPolicies.get(m.group_id) ?? []) if (!have.has(gp.id)) p.policies.push(gp);
        for (const arn of groupMissing.get(m.group_id) ?? []) if (!p.missingPolicies.includes(arn)) p.missingPolicies.push(arn);
      }

      for (const p of byId.values()) {
        if (p.boundaryArn) {
          const b = managed.get(p.boundaryArn);
          p.permissionsBoundary = b
            ? { id: b.id, name: b.name, arn: p.boundaryArn, document: b.document }
            : { name: known.get(p.boundaryArn) ?? p.boundaryArn.slice(p.boundaryArn.lastIndexOf('/') + 1), arn: p.boundaryArn, document: null };
        }
        delete (p as { boundaryArn?: string | null }).boundaryArn;
      }

      const resources: ModelResource[] = [];
      const resById = new Map<number, ModelResource>();
      for (const r of db
        .prepare(
          `SELECT id, arn, COALESCE(account_id, owner_account_id) AS account_id, service, region, resource_type
        FROM resources ORDER BY arn`,
        )
        .iterate() as Iterable<{ id: number; arn: string; account_id: string | null; service: string; region: string | null; resource_type: string | null }>) {
        const m: ModelResource = {
          arn: r.arn,
          accountId: r.account_id,
          service: r.service,
          region: r.region,
          resourceType: r.resource_type,
          tags: Object.create(null) as Record<string, string>,
        };
        resById.set(r.id, m);
        resources.push(m);
      }
      for (const t of db.prepare('SELECT resource_id, key, value FROM resource_tags ORDER BY key').iterate() as Iterable<{
        resource_id: number;
        key: string;
        value: string;
      }>) {
        const r = resById.get(t.resource_id);
        if (r) r.tags[t.key] = t.value;
      }
      return { modelVersion: version, principals, resources };
    })
    .deferred();
}
