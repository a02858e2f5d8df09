/**
 * What access paths need from the store beyond the AccountModel: the groups (their ARNs, members
 * and policies), every version of the customer managed policies and who holds each policy, and
 * the roles' instance profiles. Plain data, read in one transaction; the path search never
 * touches the store itself.
 */
import type { Store } from './db.js';

export interface PathGroup {
  arn: string;
  name: string;
  accountId: string;
  /** Member users' ARNs. */
  members: string[];
  /** The group's own inline policies and the default versions of its managed policies, as [id, name, document]. */
  policies: { id: string; name: string; document: string }[];
}

export interface PathManagedPolicy {
  arn: string;
  name: string;
  kind: 'AWS_MANAGED' | 'CUSTOMER_MANAGED';
  /** Every stored version (policy_versions), default first. */
  versions: { versionId: string; isDefault: boolean; document: string }[];
  /** Principals it is attached to directly (ARNs). */
  principals: string[];
  /** Groups it is attached to (ARNs). */
  groups: string[];
}

export interface PathFacts {
  groups: PathGroup[];
  /** By policy ARN (policies something is attached to, and their versions). */
  managedPolicies: Map<string, PathManagedPolicy>;
  /** Role ARN → its instance profiles' ARNs (InstanceProfileList of get-account-authorization-details). */
  instanceProfiles: Map<string, string[]>;
}

export function emptyPathFacts(): PathFacts {
  return { groups: [], managedPolicies: new Map(), instanceProfiles: new Map() };
}

export function loadPathFacts(store: Store): PathFacts {
  const { db } = store;
  return db
    .transaction((): PathFacts => {
      const groups = new Map<number, PathGroup>();
      for (const g of db.prepare('SELECT id, arn, name, account_id FROM iam_groups ORDER BY arn').iterate() as Iterable<{
        id: number;
        arn: string;
        name: string;
        account_id: string;
      }>) {
        groups.set(g.id, { arn: g.arn, name: g.name, accountId: g.account_id, members: [], policies: [] });
      }
      for (const m of db
        .prepare(
          `SELECT p.arn AS principal_arn, g.id AS group_id FROM group_members m
             JOIN principals p ON p.id = m.principal_id
             JOIN iam_groups g ON g.account_id = m.account_id AND g.name = m.group_name ORDER BY p.arn`,
        )
        .iterate() as Iterable<{ principal_arn: string; group_id: number }>) {
        groups.get(m.group_id)?.members.push(m.principal_arn);
      }
      for (const r of db.prepare('SELECT key, name, group_id, document FROM inline_policies WHERE group_id IS NOT NULL ORDER BY key').iterate() as Iterable<{
        key: string;
        name: string;
        group_id: number;
        document: string;
      }>) {
        const g = groups.get(r.group_id);
        if (g) g.policies.push({ id: r.key, name: `${g.name}/${r.name}`, document: r.document });
      }

      const managed = new Map<string, PathManagedPolicy>();
      const principalArns = new Map<number, string>();
      for (const r of db.prepare('SELECT id, arn FROM principals').iterate() as Iterable<{ id: number; arn: string }>) principalArns.set(r.id, r.arn);
      for (const r of db
        .prepare(
          `SELECT p.arn, p.name, p.kind, v.version_id, v.is_default, v.document FROM policies p
             JOIN policy_versions v ON v.policy_id = p.id
            WHERE p.arn IN (SELECT policy_arn FROM attachments)
            ORDER BY p.arn, v.is_default DESC, v.version_id`,
        )
        .iterate() as Iterable<{
        arn: string;
        name: string;
        kind: 'AWS_MANAGED' | 'CUSTOMER_MANAGED';
        version_id: string;
        is_default: number;
        document: string;
      }>) {
        let m = managed.get(r.arn);
        if (!m) managed.set(r.arn, (m = { arn: r.arn, name: r.name, kind: r.kind, versions: [], principals: [], groups: [] }));
        m.versions.push({ versionId: r.version_id, isDefault: r.is_default === 1, document: r.document });
      }
      for (const a of db.prepare('SELECT policy_arn, principal_id, group_id FROM attachments ORDER BY policy_arn').iterate() as Iterable<{
        policy_arn: string;
        principal_id: number | null;
        group_id: number | null;
      }>) {
        const m = managed.get(a.policy_arn);
        if (a.principal_id !== null) {
          const arn = principalArns.get(a.principal_id);
          if (m && arn) m.principals.push(arn);
        } else if (a.group_id !== null) {
          const g = groups.get(a.group_id);
          if (!g) continue;
          if (m) m.groups.push(g.arn);
          const d = m?.versions.find((v) => v.isDefault);
          if (m && d) g.policies.push({ id: `${m.arn}@${d.versionId}`, name: m.name, document: d.document });
        }
      }

      const instanceProfiles = new Map<string, string[]>();
      for (const r of db.prepare(`SELECT arn, instance_profiles FROM principals WHERE type = 'ROLE' AND instance_profiles IS NOT NULL`).iterate() as Iterable<{
        arn: string;
        instance_profiles: string;
      }>) {
        try {
          const list = JSON.parse(r.instance_profiles) as unknown;
          if (Array.isArray(list) && list.length > 0) instanceProfiles.set(r.arn, list.map(String));
        } catch {
          // A malformed list is no instance profile.
        }
      }
      return { groups: [...groups.values()], managedPolicies: managed, instanceProfiles };
    })
    .deferred();
}
