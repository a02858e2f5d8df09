/** IAM groups (not principals: they only carry policies for their users). */
import type { Store } from '../db.js';
import { groupBy, jsonList, keysetPage, likeContains, Where, type Page, type PageArgs } from './pagination.js';
import type { GroupRecord } from './types.js';

export interface GroupRow {
  id: number;
  arn: string;
  name: string;
  path: string;
  unique_id: string | null;
  account_id: string;
  create_date: string | null;
}

export const GROUP_COLUMNS = 'g.id, g.arn, g.name, g.path, g.unique_id, g.account_id, g.create_date';

export function toGroup(r: GroupRow): GroupRecord {
  return { id: r.id, arn: r.arn, name: r.name, path: r.path, uniqueId: r.unique_id, accountId: r.account_id, createDate: r.create_date };
}

export function listGroups(store: Store, args: { accountId?: string; nameContains?: string } & PageArgs): Page<GroupRecord> {
  const where = new Where();
  if (args.accountId) where.add('g.account_id = ?', args.accountId);
  if (args.nameContains) where.add("g.name LIKE ? ESCAPE '\\'", likeContains(args.nameContains));
  return keysetPage<GroupRow, GroupRecord>(store, {
    select: GROUP_COLUMNS,
    from: 'iam_groups g',
    keyColumn: 'g.arn',
    where,
    args,
    map: toGroup,
    key: (r) => r.arn,
  });
}

export function getGroup(store: Store, arn: string): GroupRecord | null {
  const r = store.db.prepare(`SELECT ${GROUP_COLUMNS} FROM iam_groups g WHERE g.arn = ?`).get(arn) as GroupRow | undefined;
  return r ? toGroup(r) : null;
}

/** Batch: the ARNs of each group's members, sorted (resolve them with principalsByArns or listPrincipals({groupArn})). */
export function memberArnsForGroups(store: Store, groupIds: readonly number[]): Map<number, string[]> {
  const rows = store.db
    .prepare(
      `SELECT g.id AS group_id, p.arn FROM iam_groups g
      JOIN group_members m ON m.account_id = g.account_id AND m.group_name = g.name
      JOIN principals p ON p.id = m.principal_id
     WHERE g.id IN (SELECT value FROM json_each(?)) ORDER BY p.arn`,
    )
    .all(jsonList(groupIds)) as { group_id: number; arn: string }[];
  const grouped = groupBy(groupIds, rows, (r) => r.group_id);
  return new Map([...grouped].map(([k, v]) => [k, v.map((r) => r.arn)]));
}

/** The keys of a group's policies: its inline policies' keys, then the ARNs of the managed policies attached to it. */
export function policyKeysOfGroup(store: Store, groupId: number): string[] {
  const db = store.db;
  return [
    ...(db.prepare('SELECT key FROM inline_policies WHERE group_id = ? ORDER BY key').pluck().all(groupId) as string[]),
    ...(db.prepare('SELECT policy_arn FROM attachments WHERE group_id = ? ORDER BY policy_arn').pluck().all(groupId) as string[]),
  ];
}
