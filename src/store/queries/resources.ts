/**
 * Resources: those get-resources output listed (with their tags), and those known only by a
 * stored resource-based policy (rows with listed = 0, no tags). `hasPolicy` says whether a
 * resource-based policy is stored for the ARN.
 */
import type { Store } from '../db.js';
import { groupBy, jsonList, keysetPage, Where, type Page, type PageArgs } from './pagination.js';
import type { ResourceRecord, Tag } from './types.js';

interface ResourceRow {
  id: number;
  arn: string;
  partition: string;
  service: string;
  region: string | null;
  account_id: string | null;
  owner_account_id: string | null;
  resource_type: string | null;
  resource: string;
  has_policy: number;
}

const COLUMNS = `r.id, r.arn, r.partition, r.service, r.region, r.account_id, r.owner_account_id, r.resource_type, r.resource,
  EXISTS (SELECT 1 FROM resource_policies p WHERE p.arn = r.arn) AS has_policy`;

function toResource(r: ResourceRow): ResourceRecord {
  return {
    id: r.id,
    arn: r.arn,
    partition: r.partition,
    service: r.service,
    region: r.region,
    accountId: r.account_id,
    ownerAccountId: r.owner_account_id,
    resourceType: r.resource_type,
    resource: r.resource,
    hasPolicy: r.has_policy === 1,
  };
}

export interface ResourceFilter {
  service?: string;
  /** The resource type as the ARN spells it (see resourceTypeOf): `contact-flow`, `function`, `bucket`… */
  type?: string;
  /** Owner account (the ARN's, or for ARNs without one the account whose output listed it). */
  accountId?: string;
  tag?: { key: string; value?: string };
  arnPrefix?: string;
  /** true: only resources with a stored resource-based policy; false: only those without. */
  hasPolicy?: boolean;
}

export function listResources(store: Store, args: ResourceFilter & PageArgs): Page<ResourceRecord> {
  const where = new Where();
  if (args.service) where.add('r.service = ?', args.service);
  if (args.type) where.add('r.resource_type = ?', args.type);
  if (args.accountId) where.add('r.owner_account_id = ?', args.accountId);
  if (args.arnPrefix) where.add('substr(r.arn, 1, ?) = ?', args.arnPrefix.length, args.arnPrefix);
  if (args.hasPolicy === true) where.add('EXISTS (SELECT 1 FROM resource_policies p WHERE p.arn = r.arn)');
  if (args.hasPolicy === false) where.add('NOT EXISTS (SELECT 1 FROM resource_policies p WHERE p.arn = r.arn)');
  if (args.tag) {
    if (args.tag.value === undefined) where.add('EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = r.id AND t.key = ?)', args.tag.key);
    else where.add('EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = r.id AND t.key = ? AND t.value = ?)', args.tag.key, args.tag.value);
  }
  return keysetPage<ResourceRow, ResourceRecord>(store, {
    select: COLUMNS,
    from: 'resources r',
    keyColumn: 'r.arn',
    where,
    args,
    map: toResource,
    key: (r) => r.arn,
  });
}

export function getResource(store: Store, arn: string): ResourceRecord | null {
  const r = store.db.prepare(`SELECT ${COLUMNS} FROM resources r WHERE r.arn = ?`).get(arn) as ResourceRow | undefined;
  return r ? toResource(r) : null;
}

/** Batch: tags of each resource, sorted by key. */
export function tagsForResources(store: Store, resourceIds: readonly number[]): Map<number, Tag[]> {
  const rows = store.db
    .prepare(
      `SELECT resource_id, key, value FROM resource_tags
      WHERE resource_id IN (SELECT value FROM json_each(?)) ORDER BY resource_id, key`,
    )
    .all(jsonList(resourceIds)) as { resource_id: number; key: string; value: string }[];
  const grouped = groupBy(resourceIds, rows, (r) => r.resource_id);
  return new Map([...grouped].map(([k, v]) => [k, v.map(({ key, value }) => ({ key, value }))]));
}
