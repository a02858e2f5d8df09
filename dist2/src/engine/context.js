export function contextFrom(entries, typeOf) {
    const map = new Map();
    for (const entry of entries) {
        const type = entry.type ?? typeOf?.(entry.key) ?? (entry.values.length > 1 ? 'STRING_LIST' : 'STRING');
        // A later entry for the same key (any case) replaces the earlier one: a key has one value set.
        map.set(entry.key.toLowerCase(), { key: entry.key, type, values: [...entry.values] });
    }
    return map;
}
/** true for the `_LIST` types, i.e. keys that ForAnyValue/ForAllValues range over. */
export function isMultivaluedType(type) {
    return type.endsWith('_LIST');
}
/** Returns a context with `extra` entries added where `base` lacks them (base wins: the caller's keys override stored ones). */
export function withDefaults(base, extra) {
    if (extra.size === 0)
        return base;
    const map = new Map(extra);
    for (const [k, v] of base)
        map.set(k, v);
    return map;
}
//# sourceMappingURL=context.js.map