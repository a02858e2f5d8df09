/**
 * Relay-style cursor paging over answers already in order. A cursor is the opaque base64 of the
 * item's sort key (an ARN or an action name), so pages stay stable while the data does.
 */
import { badUserInput } from './errors.js';
import { pageSize } from './limits.js';
import type { Page } from '../store/queries/pagination.js';

export const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!cursor || encodeCursor(key) !== cursor) throw badUserInput('`after` is not a cursor this API gave out', { argumentName: 'after' });
  return key;
}

/** `items` sorted by `keyOf` ascending. */
export function paginate<T, N>(
  items: T[],
  keyOf: (t: T) => string,
  toNode: (t: T) => N,
  first: number | null | undefined,
  after: string | null | undefined,
): Page<N> & { pageInfo: { hasPreviousPage: boolean; startCursor: string | null } } {
  const size = pageSize(first);
  let start = 0;
  if (after !== null && after !== undefined) {
    const key = decodeCursor(after);
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyOf(items[mid]) <= key) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const slice = items.slice(start, start + size);
  const edges = slice.map((t) => ({ cursor: encodeCursor(keyOf(t)), node: toNode(t) }));
  return {
    totalCount: items.length,
    edges,
    pageInfo: {
      hasNextPage: start + size < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}
