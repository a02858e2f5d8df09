/**
 * Caches keyed by input (request ARNs, resolved policy values) are bounded in bytes, not entries:
 * 4,096 entries of 7 MB ARNs are 28 GB. lru-cache's `maxSize` with a per-entry size does it, and
 * evicts the least recently used entry rather than dropping everything at once.
 */
import { LRUCache } from 'lru-cache';
/** Rough bytes of a JS string (two per UTF-16 unit) plus an entry's fixed overhead. */
export function stringBytes(text) {
    return 2 * text.length + 64;
}
/**
 * A string-keyed LRU cache holding at most `maxBytes` (by `size`, default: twice the key's bytes,
 * since most values hold the key's text or a compiled form of about that size). An entry larger
 * than a quarter of the budget is not kept at all.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- lru-cache's own constraint on values
export function byteBoundedCache(maxBytes, size = (_v, k) => 2 * stringBytes(k)) {
    return new LRUCache({
        maxSize: maxBytes,
        maxEntrySize: Math.floor(maxBytes / 4),
        sizeCalculation: (value, key) => Math.max(1, Math.ceil(size(value, key))),
    });
}
//# sourceMappingURL=memo.js.map