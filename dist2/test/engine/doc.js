import { compilePolicy } from '../../src/engine/compile.js';
import { contextFrom } from '../../src/engine/context.js';
const POS = { line: 1, column: 1, offset: 0 };
function list(v) {
    if (v === undefined)
        return undefined;
    return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}
function principal(v) {
    if (v === undefined)
        return undefined;
    if (v === '*')
        return { wildcard: true, values: {}, position: POS };
    const values = {};
    for (const [k, val] of Object.entries(v))
        values[k] = list(val);
    return { wildcard: false, values, position: POS };
}
function conditions(v) {
    if (v === undefined)
        return [];
    const out = [];
    for (const [operator, block] of Object.entries(v)) {
        for (const [key, values] of Object.entries(block)) {
            out.push({ operator, key, values: list(values), position: POS });
        }
    }
    return out;
}
export function doc(policy) {
    const raw = policy['Statement'];
    const statements = (Array.isArray(raw) ? raw : [raw]);
    return {
        ...(policy['Version'] !== undefined ? { version: String(policy['Version']) } : {}),
        statements: statements.map((s, index) => {
            const st = {
                index,
                conditions: conditions(s['Condition']),
                position: { line: index + 1, column: 1, offset: 0 },
            };
            if (s['Sid'] !== undefined)
                st.sid = String(s['Sid']);
            if (s['Effect'] === 'Allow' || s['Effect'] === 'Deny')
                st.effect = s['Effect'];
            const p = principal(s['Principal']);
            if (p)
                st.principal = p;
            const np = principal(s['NotPrincipal']);
            if (np)
                st.notPrincipal = np;
            const a = list(s['Action']);
            if (a)
                st.action = a;
            const na = list(s['NotAction']);
            if (na)
                st.notAction = na;
            const r = list(s['Resource']);
            if (r)
                st.resource = r;
            const nr = list(s['NotResource']);
            if (nr)
                st.notResource = nr;
            return st;
        }),
        position: POS,
    };
}
/** Compile a JSON policy (Version defaults to 2012-10-17 unless the object says otherwise). */
export function policy(name, json) {
    return compilePolicy(doc({ Version: '2012-10-17', ...json }), name);
}
/** Shorthand for a one-statement policy. */
export function stmt(name, statement) {
    return policy(name, { Statement: [statement] });
}
export function ctx(entries = {}) {
    return contextFrom(Object.entries(entries).map(([key, v]) => {
        if (Array.isArray(v) && v.length === 2 && Array.isArray(v[0])) {
            return { key, values: v[0], type: v[1] };
        }
        return { key, values: Array.isArray(v) ? v : [v] };
    }));
}
export const ACCOUNT = '123456789012';
export const OTHER = '999999999999';
export function user(name, account = ACCOUNT) {
    return { arn: `arn:aws:iam::${account}:user/${name}`, accountId: account, type: 'User' };
}
export function role(name, account = ACCOUNT, sessionName = 'accessql') {
    return { arn: `arn:aws:iam::${account}:role/${name}`, accountId: account, type: 'Role', sessionName };
}
export function request(action, resource, opts = {}) {
    const r = {
        action,
        resource,
        context: opts.context ?? new Map(),
        principal: opts.principal ?? user('alice'),
    };
    if (opts.resourceOwner !== undefined)
        r.resourceOwner = opts.resourceOwner;
    return r;
}
//# sourceMappingURL=doc.js.map