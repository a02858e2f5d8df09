import { CursorError } from '../errors.js';
import { escapeLike } from '../../util/escape.js';
export function encodeCursor(key) {
    return Buffer.from(key, 'utf8').toString('base64');
}
export function decodeCursor(cursor) {
    const key = Buffer.from(cursor, 'base64').toString('utf8');
    // Buffer.from ignores junk; a cursor we handed out round-trips exactly.
    if (key === '' || encodeCursor(key) !== cursor)
        throw new CursorError(cursor);
    return key;
}
/** A WHERE clause under construction: conditions ANDed, parameters in order. */
export class Where {
    conditions = [];
    params = [];
    add(condition, ...params) {
        this.conditions.push(condition);
        this.params.push(...params);
        return this;
    }
    sql() {
        return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
    }
}
/**
 * Runs a keyset page over `from` (a table or subquery exposing `keyColumn`), mapping rows with
 * `map`. totalCount counts every row matching the filters, whatever the cursor.
 */
export function keysetPage(store, opts) {
    const { select, from, keyColumn, where, args } = opts;
    const fromParams = opts.fromParams ?? [];
    const first = Math.max(0, Math.floor(args.first));
    const totalCount = store.db.prepare(`SELECT COUNT(*) FROM ${from} ${where.sql()}`).pluck().get(...fromParams, ...where.params);
    const paged = new Where();
    paged.conditions.push(...where.conditions);
    paged.params.push(...where.params);
    if (args.after !== null && args.after !== undefined)
        paged.add(`${keyColumn} > ?`, decodeCursor(args.after));
    const rows = store.db
        .prepare(`SELECT ${select} FROM ${from} ${paged.sql()} ORDER BY ${keyColumn} LIMIT ?`)
        .all(...fromParams, ...paged.params, first + 1);
    const hasNextPage = rows.length > first;
    const edges = rows.slice(0, first).map((r) => ({ cursor: encodeCursor(opts.key(r)), node: opts.map(r) }));
    return { totalCount, edges, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}
/** A list of ids or keys as one parameter, for `IN (SELECT value FROM json_each(?))`. */
export function jsonList(values) {
    return JSON.stringify(values);
}
/** `%` and `_` are LIKE wildcards; a user's "name contains" means the characters themselves. */
export function likeContains(text) {
    return `%${escapeLike(text)}%`;
}
/** Groups rows into a Map by key, keeping every requested key (with an empty list when none). */
export function groupBy(keys, rows, keyOf) {
    const out = new Map(keys.map((k) => [k, []]));
    for (const r of rows) {
        const k = keyOf(r);
        let list = out.get(k);
        if (!list)
            out.set(k, (list = []));
        list.push(r);
    }
    return out;
}
//# sourceMappingURL=pagination.js.map