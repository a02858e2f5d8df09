/**
 * Escaping user text for the two pattern languages the project builds from it: JavaScript regular
 * expressions and SQL LIKE (with `\` as the ESCAPE character).
 */
/** `text` as a RegExp source that matches exactly `text`. */
export function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** `text` as a LIKE pattern (ESCAPE '\') that matches exactly `text`: `%` and `_` lose their meaning. */
export function escapeLike(text) {
    return text.replace(/[\\%_]/g, (c) => '\\' + c);
}
/**
 * An IAM wildcard pattern as a LIKE pattern (ESCAPE '\'): `connect:Start*` → `connect:Start%`,
 * `?` → `_`. LIKE is case-insensitive for ASCII, as action names are.
 */
export function globToLike(pattern) {
    let out = '';
    for (const c of pattern) {
        if (c === '*')
            out += '%';
        else if (c === '?')
            out += '_';
        else
            out += escapeLike(c);
    }
    return out;
}
//# sourceMappingURL=escape.js.map