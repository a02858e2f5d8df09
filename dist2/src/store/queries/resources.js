import { groupBy, jsonList, keysetPage, Where } from './pagination.js';
const COLUMNS = `r.id, r.arn, r.partition, r.service, r.region, r.account_id, r.owner_account_id, r.resource_type, r.resource,
  EXISTS (SELECT 1 FROM resource_policies p WHERE p.arn = r.arn) AS has_policy`;
function toResource(r) {
    return {
        id: r.id, arn: r.arn, partition: r.partition, service: r.service, region: r.region, accountId: r.account_id,
        ownerAccountId: r.owner_account_id, resourceType: r.resource_type, resource: r.resource, hasPolicy: r.has_policy === 1,
    };
}
export function listResources(store, args) {
    const where = new Where();
    if (args.service)
        where.add('r.service = ?', args.service);
    if (args.type)
        where.add('r.resource_type = ?', args.type);
    if (args.accountId)
        where.add('r.owner_account_id = ?', args.accountId);
    if (args.arnPrefix)
        where.add('substr(r.arn, 1, ?) = ?', args.arnPrefix.length, args.arnPrefix);
    if (args.hasPolicy === true)
        where.add('EXISTS (SELECT 1 FROM resource_policies p WHERE p.arn = r.arn)');
    if (args.hasPolicy === false)
        where.add('NOT EXISTS (SELECT 1 FROM resource_policies p WHERE p.arn = r.arn)');
    if (args.tag) {
        if (args.tag.value === undefined)
            where.add('EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = r.id AND t.key = ?)', args.tag.key);
        else
            where.add('EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = r.id AND t.key = ? AND t.value = ?)', args.tag.key, args.tag.value);
    }
    return keysetPage(store, {
        select: COLUMNS, from: 'resources r', keyColumn: 'r.arn', where, args, map: toResource, key: (r) => r.arn,
    });
}
export function getResource(store, arn) {
    const r = store.db.prepare(`SELECT ${COLUMNS} FROM resources r WHERE r.arn = ?`).get(arn);
    return r ? toResource(r) : null;
}
/** Batch: tags of each resource, sorted by key. */
export function tagsForResources(store, resourceIds) {
    const rows = store.db.prepare(`SELECT resource_id, key, value FROM resource_tags
      WHERE resource_id IN (SELECT value FROM json_each(?)) ORDER BY resource_id, key`).all(jsonList(resourceIds));
    const grouped = groupBy(resourceIds, rows, (r) => r.resource_id);
    return new Map([...grouped].map(([k, v]) => [k, v.map(({ key, value }) => ({ key, value }))]));
}
//# sourceMappingURL=resources.js.map