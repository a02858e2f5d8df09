/**
 * What access paths need from the store beyond the AccountModel: the groups (their ARNs, members
 * and policies), every version of the customer managed policies and who holds each policy, and
 * the roles' instance profiles. Plain data, read in one transaction; the path search never
 * touches the store itself.
 */
import type { Store } from './db.js';
import { loadAccountFacts } from './account-facts.js';

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
      // Groups, memberships and attachments as the model reads them (loadAccountFacts: lists sorted).
      const facts = loadAccountFacts(db);
      const groups = new Map<string, PathGroup>();
      for (const g of facts.groups) {
        groups.set(`${g.accountId}\u0000${g.name}`, {
          arn: g.arn,
          name: g.name,
          accountId: g.accountId,
          members: [],
          policies: g.inline.map(([name, document]) => ({ id: `${g.arn}#${name}`, name: `${g.name}/${name}`, document })),
        });
      }
      for (const p of facts.principals) for (const [account, name] of p.groups) groups.get(`${account}\u0000${name}`)?.members.push(p.arn);

      // Every stored version of the policies something is attached to (facts hold default versions only).
      const managed = new Map<string, PathManagedPolicy>();
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
      for (const p of facts.principals) for (const arn of p.attached) managed.get(arn)?.principals.push(p.arn);
      for (const fg of facts.groups) {
        const g = groups.get(`${fg.accountId}\u0000${fg.name}`)!;
        for (const arn of fg.attached) {
          const m = managed.get(arn);
          if (!m) continue;
          m.groups.push(g.arn);
          const d = m.versions.find((v) => v.isDefault);
          if (d) g.policies.push({ id: `${m.arn}@${d.versionId}`, name: m.name, document: d.document });
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
