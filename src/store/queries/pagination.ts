/**
 * Keyset pagination by a unique text key (an ARN, or an inline policy's key): a page is
 * `key > after ORDER BY key LIMIT first + 1`, so deep pages cost the same as the first and a
 * re-import between two page requests never shifts or repeats rows. The cursor is the base64 of
 * the last key: opaque to clients, stable across re-imports.
 */
import type { Store } from '../db.js';
import { CursorError } from '../errors.js';
import { escapeLike } from '../../util/escape.js';

export interface PageArgs {
  /** Page size; the API layer enforces its own maximum. */
  first: number;
  /** A cursor from a previous page's edges / endCursor. */
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64');
}

export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64').toString('utf8');
  // Buffer.from ignores junk; a cursor we handed out round-trips exactly.
  if (key === '' || encodeCursor(key) !== cursor) throw new CursorError(cursor);
  return key;
}

/** A WHERE clause under construction: conditions ANDed, parameters in order. */
export class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];
  add(condition: string, ...params: unknown[]): this {
    this.conditions.push(condition);
    this.params.push(...params);
    return this;
  }
  sql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/**
 * Runs a keyset page over `from` (a table or subquery exposing `keyColumn`), mapping rows with
 * `map`. totalCount counts every row matching the filters, whatever the cursor.
 */
export function keysetPage<R, T>(
  store: Store,
  opts: {
    select: string;
    from: string;
    fromParams?: unknown[];
    keyColumn: string;
    where: Where;
    args: PageArgs;
    map: (row: R) => T;
    key: (row: R) => string;
  },
): Page<T> {
  const { select, from, keyColumn, where, args } = opts;
  const fromParams = opts.fromParams ?? [];
  const first = Math.max(0, Math.floor(args.first));
  const totalCount = store.db
    .prepare(`SELECT COUNT(*) FROM ${from} ${where.sql()}`)
    .pluck()
    .get(...fromParams, ...where.params) as number;
  const paged = new Where();
  paged.conditions.push(...where.conditions);
  paged.params.push(...where.params);
  if (args.after !== null && args.after !== undefined) paged.add(`${keyColumn} > ?`, decodeCursor(args.after));
  const rows = store.db
    .prepare(`SELECT ${select} FROM ${from} ${paged.sql()} ORDER BY ${keyColumn} LIMIT ?`)
    .all(...fromParams, ...paged.params, first + 1) as R[];
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map((r) => ({ cursor: encodeCursor(opts.key(r)), node: opts.map(r) }));
  return { totalCount, edges, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}

/** A list of ids or keys as one parameter, for `IN (SELECT value FROM json_each(?))`. */
export function jsonList(values: readonly (string | number)[]): string {
  return JSON.stringify(values);
}

/** `%` and `_` are LIKE wildcards; a user's "name contains" means the characters themselves. */
export function likeContains(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Groups rows into a Map by key, keeping every requested key (with an empty list when none). */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const r of rows) {
    const k = keyOf(r);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(r);
  }
  return out;
}
