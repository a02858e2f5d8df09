/**
 * IAM-style wildcards (`*` any run of characters, `?` one character), case-insensitive as action
 * names are. Used by SQL (the `iam_glob` function registered on every connection) and by the
 * `actionLike` filter, which turns a wildcard pattern into a LIKE pattern the index can use.
 */
/** True when value matches the IAM wildcard pattern, ignoring ASCII case. */
export function iamGlobMatch(pattern, value) {
    const p = pattern.toLowerCase();
    const v = value.toLowerCase();
    // Classic linear-time wildcard matching with backtracking to the last '*'.
    let pi = 0;
    let vi = 0;
    let star = -1;
    let mark = 0;
    while (vi < v.length) {
        if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
            pi++;
            vi++;
        }
        else if (pi < p.length && p[pi] === '*') {
            star = pi++;
            mark = vi;
        }
        else if (star >= 0) {
            pi = star + 1;
            vi = ++mark;
        }
        else {
            return false;
        }
    }
    while (pi < p.length && p[pi] === '*')
        pi++;
    return pi === p.length;
}
/** `connect:Start*` → `connect:Start%` (LIKE, with `\` as the escape character). */
export function globToLike(pattern) {
    let out = '';
    for (const c of pattern) {
        if (c === '*')
            out += '%';
        else if (c === '?')
            out += '_';
        else if (c === '%' || c === '_' || c === '\\')
            out += '\\' + c;
        else
            out += c;
    }
    return out;
}
//# sourceMappingURL=glob.js.map