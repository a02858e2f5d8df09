/**
 * Users and roles, their tags, groups and policies. The batch functions take the ids of a whole
 * page of principals and answer with one query each, so a page of 100 principals with tags,
 * groups and policies costs a handful of queries (the DataLoader pattern without the loader).
 */
import type { Store } from '../db.js';
import { groupBy, jsonList, keysetPage, likeContains, Where, type Page, type PageArgs } from './pagination.js';
import { GROUP_COLUMNS, toGroup, type GroupRow } from './groups.js';
import { INLINE_POLICY_SELECT, MANAGED_POLICY_SELECT, toPolicy, type PolicyRow } from './policies.js';
import type { GroupRecord, PrincipalPolicy, PrincipalRecord, PrincipalType, Tag } from './types.js';

export interface PrincipalRow {
  id: number;
  arn: string;
  type: PrincipalType;
  name: string;
  path: string;
  unique_id: string | null;
  account_id: string;
  create_date: string | null;
  permissions_boundary_arn: string | null;
  permissions_boundary_type: string | null;
  trust_policy: string | null;
  description: string | null;
  max_session_duration: number | null;
  role_last_used: string | null;
  instance_profiles: string | null;
}

const COLUMNS = `p.id, p.arn, p.type, p.name, p.path, p.unique_id, p.account_id, p.create_date, p.permissions_boundary_arn,
  p.permissions_boundary_type, p.trust_policy, p.description, p.max_session_duration, p.role_last_used, p.instance_profiles`;

export function toPrincipal(r: PrincipalRow): PrincipalRecord {
  return {
    id: r.id,
    arn: r.arn,
    type: r.type,
    name: r.name,
    path: r.path,
    uniqueId: r.unique_id,
    accountId: r.account_id,
    createDate: r.create_date,
    permissionsBoundaryArn: r.permissions_boundary_arn,
    permissionsBoundaryType: r.permissions_boundary_type,
    trustPolicy: r.trust_policy,
    description: r.description,
    maxSessionDuration: r.max_session_duration,
    roleLastUsed: r.role_last_used ? (JSON.parse(r.role_last_used) as Record<string, unknown>) : null,
    instanceProfileArns: r.instance_profiles ? (JSON.parse(r.instance_profiles) as string[]) : [],
  };
}

export interface PrincipalFilter {
  type?: PrincipalType;
  /** Case-insensitive substring of the name. */
  nameContains?: string;
  accountId?: string;
  /** Principals carrying this tag (any value when value is omitted). */
  tag?: { key: string; value?: string };
  /** Members of this group (users only). */
  groupArn?: string;
  /** Principals with this managed policy attached directly. */
  attachedPolicyArn?: string;
  /** Principals whose permissions boundary is this policy. */
  permissionsBoundaryArn?: string;
}

export function listPrincipals(store: Store, args: PrincipalFilter & PageArgs): Page<PrincipalRecord> {
  const where = new Where();
  if (args.type) where.add('p.type = ?', args.type);
  if (args.nameContains) where.add("p.name LIKE ? ESCAPE '\\'", likeContains(args.nameContains));
  if (args.accountId) where.add('p.account_id = ?', args.accountId);
  if (args.tag) {
    if (args.tag.value === undefined) where.add('EXISTS (SELECT 1 FROM principal_tags t WHERE t.principal_id = p.id AND t.key = ?)', args.tag.key);
    else where.add('EXISTS (SELECT 1 FROM principal_tags t WHERE t.principal_id = p.id AND t.key = ? AND t.value = ?)', args.tag.key, args.tag.value);
  }
  if (args.groupArn) {
    where.add(
      `EXISTS (SELECT 1 FROM group_members m JOIN iam_groups g ON g.account_id = m.account_id AND g.name = m.group_name
                        WHERE m.principal_id = p.id AND g.arn = ?)`,
      args.groupArn,
    );
  }
  if (args.attachedPolicyArn) where.add('EXISTS (SELECT 1 FROM attachments a WHERE a.principal_id = p.id AND a.policy_arn = ?)', args.attachedPolicyArn);
  if (args.permissionsBoundaryArn) where.add('p.permissions_boundary_arn = ?', args.permissionsBoundaryArn);
  return keysetPage<PrincipalRow, PrincipalRecord>(store, {
    select: COLUMNS,
    from: 'principals p',
    keyColumn: 'p.arn',
    where,
    args,
    map: toPrincipal,
    key: (r) => r.arn,
  });
}

export function getPrincipal(store: Store, arn: string): PrincipalRecord | null {
  const r = store.db.prepare(`SELECT ${COLUMNS} FROM principals p WHERE p.arn = ?`).get(arn) as PrincipalRow | undefined;
  return r ? toPrincipal(r) : null;
}

/** Batch: principals by ARN (e.g. the principals of a whoCan page). Missing ARNs are absent. */
export function principalsByArns(store: Store, arns: readonly string[]): Map<string, PrincipalRecord> {
  const rows = store.db.prepare(`SELECT ${COLUMNS} FROM principals p WHERE p.arn IN (SELECT value FROM json_each(?))`).all(jsonList(arns)) as PrincipalRow[];
  return new Map(rows.map((r) => [r.arn, toPrincipal(r)]));
}

/** The groups a user is in (groups named in GroupList but not imported are left out). */
export function groupsOfUser(store: Store, principalArn: string): GroupRecord[] {
  const rows = store.db
    .prepare(
      `
    SELECT ${GROUP_COLUMNS} FROM principals p
      JOIN group_members m ON m.principal_id = p.id
      JOIN iam_groups g ON g.account_id = m.account_id AND g.name = m.group_name
     WHERE p.arn = ? ORDER BY g.arn`,
    )
    .all(principalArn) as GroupRow[];
  return rows.map(toGroup);
}

/** Batch: the groups of each principal (roles get an empty list). */
export function groupsForPrincipals(store: Store, principalIds: readonly number[]): Map<number, GroupRecord[]> {
  const rows = store.db
    .prepare(
      `
    SELECT m.principal_id AS principal_id, ${GROUP_COLUMNS} FROM group_members m
      JOIN iam_groups g ON g.account_id = m.account_id AND g.name = m.group_name
     WHERE m.principal_id IN (SELECT value FROM json_each(?)) ORDER BY g.arn`,
    )
    .all(jsonList(principalIds)) as (GroupRow & { principal_id: number })[];
  const grouped = groupBy(principalIds, rows, (r) => r.principal_id);
  return new Map([...grouped].map(([k, v]) => [k, v.map(toGroup)]));
}

/** Batch: tags of each principal, sorted by key. */
export function tagsForPrincipals(store: Store, principalIds: readonly number[]): Map<number, Tag[]> {
  const rows = store.db
    .prepare(
      `SELECT principal_id, key, value FROM principal_tags
      WHERE principal_id IN (SELECT value FROM json_each(?)) ORDER BY principal_id, key`,
    )
    .all(jsonList(principalIds)) as { principal_id: number; key: string; value: string }[];
  const grouped = groupBy(principalIds, rows, (r) => r.principal_id);
  return new Map([...grouped].map(([k, v]) => [k, v.map(({ key, value }) => ({ key, value }))]));
}

/**
 * Batch: each principal's identity policies as the contract defines them — its inline policies,
 * the managed policies attached to it, and (users) the inline and attached policies of each of
 * its groups. Direct ones first, then by group; a managed policy attached both directly and via a
 * group appears once per route (the route is what a user wants to see). Five queries per batch.
 */
export function policiesForPrincipals(
  store: Store,
  principalIds: readonly number[],
  options: { includeGroups?: boolean } = {},
): Map<number, PrincipalPolicy[]> {
  const ids = jsonList(principalIds);
  const { db } = store;
  const out = new Map<number, PrincipalPolicy[]>(principalIds.map((id) => [id, []]));
  const push = (id: number, p: PrincipalPolicy) => out.get(id)?.push(p);

  const inline = db.prepare(`${INLINE_POLICY_SELECT} WHERE i.principal_id IN (SELECT value FROM json_each(?)) ORDER BY i.key`).all(ids) as PolicyRow[];
  for (const r of inline) push(r.owner_principal_id!, { policy: toPolicy(r), viaGroup: null });
  const attached = db
    .prepare(
      `SELECT a.principal_id AS via_principal_id, q.* FROM attachments a
      JOIN (${MANAGED_POLICY_SELECT}) q ON q.key = a.policy_arn
     WHERE a.principal_id IN (SELECT value FROM json_each(?)) ORDER BY q.key`,
    )
    .all(ids) as (PolicyRow & { via_principal_id: number })[];
  for (const r of attached) push(r.via_principal_id, { policy: toPolicy(r), viaGroup: null });
  if (options.includeGroups === false) return out;

  const memberships = db
    .prepare(
      `SELECT m.principal_id, g.id AS group_id, g.arn, g.name FROM group_members m
      JOIN iam_groups g ON g.account_id = m.account_id AND g.name = m.group_name
     WHERE m.principal_id IN (SELECT value FROM json_each(?)) ORDER BY g.arn`,
    )
    .all(ids) as { principal_id: number; group_id: number; arn: string; name: string }[];
  if (memberships.length === 0) return out;
  const groupIds = jsonList([...new Set(memberships.map((m) => m.group_id))]);
  const byGroup = new Map<number, PolicyRow[]>();
  const add = (gid: number, r: PolicyRow) => {
    let l = byGroup.get(gid);
    if (!l) byGroup.set(gid, (l = []));
    l.push(r);
  };
  for (const r of db.prepare(`${INLINE_POLICY_SELECT} WHERE i.group_id IN (SELECT value FROM json_each(?)) ORDER BY i.key`).all(groupIds) as PolicyRow[]) {
    add(r.owner_group_id!, r);
  }
  for (const r of db
    .prepare(
      `SELECT a.group_id AS via_group_id, q.* FROM attachments a
      JOIN (${MANAGED_POLICY_SELECT}) q ON q.key = a.policy_arn
     WHERE a.group_id IN (SELECT value FROM json_each(?)) ORDER BY q.key`,
    )
    .all(groupIds) as (PolicyRow & { via_group_id: number })[]) {
    add(r.via_group_id, r);
  }
  for (const m of memberships) {
    for (const r of byGroup.get(m.group_id) ?? []) push(m.principal_id, { policy: toPolicy(r), viaGroup: { arn: m.arn, name: m.name } });
  }
  return out;
}
