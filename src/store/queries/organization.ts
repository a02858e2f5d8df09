/** The organization, the accounts of the estate, and resource-based policies (read side). */
import type { Store } from '../db.js';
import { jsonList, keysetPage, Where, type Page, type PageArgs } from './pagination.js';

export interface OrgNodeRecord {
  id: string;
  kind: 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';
  parentId: string | null;
  arn: string | null;
  name: string | null;
  email: string | null;
  status: string | null;
  joinedMethod: string | null;
  joinedTimestamp: string | null;
  /** Roots: list-roots' PolicyTypes ({Type, Status}); null when not given. */
  policyTypes: { Type?: string; Status?: string }[] | null;
}

export interface OrgPolicyRecord {
  id: string;
  arn: string | null;
  name: string;
  description: string | null;
  type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
  awsManaged: boolean;
  content: string;
  targets: { targetId: string; kind: OrgNodeRecord['kind'] | null; name: string | null }[];
}

export interface OrganizationRecord {
  id: string;
  arn: string | null;
  featureSet: string | null;
  managementAccountId: string;
  managementAccountArn: string | null;
  managementAccountEmail: string | null;
  /** Roots, OUs and accounts in document order. */
  nodes: OrgNodeRecord[];
  policies: OrgPolicyRecord[];
}

type NodeRow = {
  id: string;
  kind: OrgNodeRecord['kind'];
  parent_id: string | null;
  arn: string | null;
  name: string | null;
  email: string | null;
  status: string | null;
  joined_method: string | null;
  joined_timestamp: string | null;
  policy_types: string | null;
};

function toNode(n: NodeRow): OrgNodeRecord {
  return {
    id: n.id,
    kind: n.kind,
    parentId: n.parent_id,
    arn: n.arn,
    name: n.name,
    email: n.email,
    status: n.status,
    joinedMethod: n.joined_method,
    joinedTimestamp: n.joined_timestamp,
    policyTypes: n.policy_types ? (JSON.parse(n.policy_types) as { Type?: string; Status?: string }[]) : null,
  };
}

/** The imported organization, or null without one. */
export function getOrganization(store: Store): OrganizationRecord | null {
  const { db } = store;
  return db
    .transaction((): OrganizationRecord | null => {
      const o = db.prepare('SELECT id, arn, feature_set, master_account_id, master_account_arn, master_account_email FROM org_organization').get() as
        | {
            id: string;
            arn: string | null;
            feature_set: string | null;
            master_account_id: string;
            master_account_arn: string | null;
            master_account_email: string | null;
          }
        | undefined;
      if (!o) return null;
      const nodes = (db.prepare('SELECT * FROM org_nodes ORDER BY pos').all() as NodeRow[]).map(toNode);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const targets = new Map<string, OrgPolicyRecord['targets']>();
      for (const t of db.prepare('SELECT policy_id, target_id FROM org_policy_targets').all() as { policy_id: string; target_id: string }[]) {
        let l = targets.get(t.policy_id);
        if (!l) targets.set(t.policy_id, (l = []));
        const n = byId.get(t.target_id);
        l.push({ targetId: t.target_id, kind: n?.kind ?? null, name: n?.name ?? null });
      }
      const order = new Map(nodes.map((n, i) => [n.id, i]));
      for (const l of targets.values()) l.sort((a, b) => (order.get(a.targetId) ?? 0) - (order.get(b.targetId) ?? 0));
      const policies = (
        db.prepare('SELECT id, arn, name, description, type, aws_managed, content FROM org_policies ORDER BY pos').all() as {
          id: string;
          arn: string | null;
          name: string;
          description: string | null;
          type: OrgPolicyRecord['type'];
          aws_managed: number;
          content: string;
        }[]
      ).map((p) => ({
        id: p.id,
        arn: p.arn,
        name: p.name,
        description: p.description,
        type: p.type,
        awsManaged: p.aws_managed === 1,
        content: p.content,
        targets: targets.get(p.id) ?? [],
      }));
      return {
        id: o.id,
        arn: o.arn,
        featureSet: o.feature_set,
        managementAccountId: o.master_account_id,
        managementAccountArn: o.master_account_arn,
        managementAccountEmail: o.master_account_email,
        nodes,
        policies,
      };
    })
    .deferred();
}

/**
 * `o-…/r-…/ou-…/…/` for each account of the organization (the OUs down to its parent, as
 * aws:PrincipalOrgPaths spells it); accounts outside it are absent from the map.
 */
export function organizationPaths(store: Store, accountIds: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (accountIds.length === 0) return out;
  const org = store.db.prepare('SELECT id FROM org_organization').pluck().get() as string | undefined;
  if (!org) return out;
  // A recursive walk up from each account: depth is at most 7 levels (Organizations quota).
  const rows = store.db
    .prepare(
      `
    WITH RECURSIVE up(account, id, parent, depth) AS (
      SELECT n.id, n.id, n.parent_id, 0 FROM org_nodes n WHERE n.kind = 'ACCOUNT' AND n.id IN (SELECT value FROM json_each(?))
      UNION ALL
      SELECT up.account, n.id, n.parent_id, up.depth + 1 FROM up JOIN org_nodes n ON n.id = up.parent WHERE up.depth < 64
    )
    SELECT account, id, depth FROM up WHERE depth > 0 ORDER BY account, depth DESC`,
    )
    .all(jsonList(accountIds)) as { account: string; id: string; depth: number }[];
  for (const r of rows) out.set(r.account, `${out.get(r.account) ?? `${org}/`}${r.id}/`);
  return out;
}

export interface EstateAccountRecord {
  id: string;
  /** From the organization document; null for accounts it does not list. */
  name: string | null;
  email: string | null;
  status: string | null;
  arn: string | null;
  joinedMethod: string | null;
  joinedTimestamp: string | null;
  parentId: string | null;
  /** The parent root or OU's name and kind (null outside the organization). */
  parentName: string | null;
  parentKind: 'ROOT' | 'ORGANIZATIONAL_UNIT' | null;
  inOrganization: boolean;
  isManagementAccount: boolean;
  users: number;
  roles: number;
  resourcePolicies: number;
  iamSnapshotId: number | null;
}

/**
 * Every account the estate knows: those IAM or get-resources imports wrote, and those the
 * organization lists; ordered by id.
 */
export function listEstateAccounts(store: Store, args: PageArgs): Page<EstateAccountRecord> {
  const from = `(SELECT id FROM accounts UNION SELECT id FROM org_nodes WHERE kind = 'ACCOUNT') ids`;
  const page = keysetPage<{ id: string }, string>(store, {
    select: 'ids.id',
    from,
    keyColumn: 'ids.id',
    where: new Where(),
    args,
    map: (r) => r.id,
    key: (r) => r.id,
  });
  const details = accountDetails(
    store,
    page.edges.map((e) => e.node),
  );
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: details.get(e.node)! })) };
}

export function getEstateAccount(store: Store, id: string): EstateAccountRecord | null {
  const known = store.db.prepare(`SELECT 1 FROM accounts WHERE id = ? UNION SELECT 1 FROM org_nodes WHERE kind = 'ACCOUNT' AND id = ?`).get(id, id);
  return known ? accountDetails(store, [id]).get(id)! : null;
}

function accountDetails(store: Store, ids: string[]): Map<string, EstateAccountRecord> {
  const mgmt = store.db.prepare('SELECT master_account_id FROM org_organization').pluck().get() as string | undefined;
  const rows = store.db
    .prepare(
      `
    SELECT ids.value AS id, n.name, n.email, n.status, n.arn, n.joined_method, n.joined_timestamp, n.parent_id, n.id IS NOT NULL AS in_org,
           (SELECT pn.name FROM org_nodes pn WHERE pn.id = n.parent_id) AS parent_name,
           (SELECT pn.kind FROM org_nodes pn WHERE pn.id = n.parent_id) AS parent_kind,
           a.iam_snapshot_id,
           (SELECT COUNT(*) FROM principals p WHERE p.account_id = ids.value AND p.type = 'USER') AS users,
           (SELECT COUNT(*) FROM principals p WHERE p.account_id = ids.value AND p.type = 'ROLE') AS roles,
           (SELECT COUNT(*) FROM resource_policies r WHERE COALESCE(r.account_id, r.owner_account_id) = ids.value) AS resource_policies
      FROM json_each(?) ids
      LEFT JOIN org_nodes n ON n.id = ids.value AND n.kind = 'ACCOUNT'
      LEFT JOIN accounts a ON a.id = ids.value`,
    )
    .all(jsonList(ids)) as {
    id: string;
    name: string | null;
    email: string | null;
    status: string | null;
    arn: string | null;
    joined_method: string | null;
    joined_timestamp: string | null;
    parent_id: string | null;
    parent_name: string | null;
    parent_kind: 'ROOT' | 'ORGANIZATIONAL_UNIT' | null;
    in_org: number;
    iam_snapshot_id: number | null;
    users: number;
    roles: number;
    resource_policies: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        email: r.email,
        status: r.status,
        arn: r.arn,
        joinedMethod: r.joined_method,
        joinedTimestamp: r.joined_timestamp,
        parentId: r.parent_id,
        parentName: r.parent_name,
        parentKind: r.parent_kind,
        inOrganization: r.in_org === 1,
        isManagementAccount: r.id === mgmt,
        users: r.users,
        roles: r.roles,
        resourcePolicies: r.resource_policies,
        iamSnapshotId: r.iam_snapshot_id,
      },
    ]),
  );
}

export interface ResourcePolicyRecord {
  arn: string;
  /** The ARN's account, else the ResourceOwner given with the policy. */
  ownerAccountId: string | null;
  service: string;
  region: string | null;
  resourceType: string | null;
  /** The policy document text; for a role, its trust policy. */
  document: string;
  kind: 'RESOURCE_POLICY' | 'TRUST_POLICY';
}

/** Batch: the resource-based policy of each ARN (a role's trust policy for a role), when stored. */
export function resourcePoliciesByArns(store: Store, arns: readonly string[]): Map<string, ResourcePolicyRecord> {
  const out = new Map<string, ResourcePolicyRecord>();
  if (arns.length === 0) return out;
  const list = jsonList(arns);
  for (const r of store.db
    .prepare(
      `SELECT arn, COALESCE(account_id, owner_account_id) AS owner, service, region, resource_type, policy
      FROM resource_policies WHERE arn IN (SELECT value FROM json_each(?))`,
    )
    .all(list) as {
    arn: string;
    owner: string | null;
    service: string;
    region: string | null;
    resource_type: string | null;
    policy: string;
  }[]) {
    out.set(r.arn, {
      arn: r.arn,
      ownerAccountId: r.owner,
      service: r.service,
      region: r.region,
      resourceType: r.resource_type,
      document: r.policy,
      kind: 'RESOURCE_POLICY',
    });
  }
  for (const r of store.db
    .prepare(
      `SELECT arn, account_id, trust_policy FROM principals
      WHERE type = 'ROLE' AND trust_policy IS NOT NULL AND arn IN (SELECT value FROM json_each(?))`,
    )
    .all(list) as { arn: string; account_id: string; trust_policy: string }[]) {
    out.set(r.arn, {
      arn: r.arn,
      ownerAccountId: r.account_id,
      service: 'iam',
      region: null,
      resourceType: 'role',
      document: r.trust_policy,
      kind: 'TRUST_POLICY',
    });
  }
  return out;
}
