/**
 * Bearer-token checks. Tokens are compared in constant time (through fixed-length digests, so
 * neither content nor length leaks through timing) and never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
const digest = (s) => createHash('sha256').update(s).digest();
export function tokenEquals(given, expected) {
    return timingSafeEqual(digest(given), digest(expected));
}
export function bearerToken(header) {
    if (!header)
        return undefined;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? m[1] : undefined;
}
/** Who the caller is, given the configured tokens. A token that matches neither is 'invalid'. */
export function roleOf(header, tokens) {
    const token = bearerToken(header);
    if (token === undefined)
        return header ? 'invalid' : 'anonymous';
    if (tokens.adminToken && tokenEquals(token, tokens.adminToken))
        return 'admin';
    if (tokens.readToken && tokenEquals(token, tokens.readToken))
        return 'reader';
    return 'invalid';
}
//# sourceMappingURL=auth.js.map