export const NO_MATCH = 0;
export const ACCOUNT_MATCH = 1;
export const ROLE_MATCH = 2;
export const DIRECT_MATCH = 3;
const ROLE_ARN_RE = /^arn:([^:]*):iam::([^:]*):role\/(?:.*\/)?([^/]+)$/;
const SESSION_ARN_RE = /^arn:([^:]*):sts::([^:]*):assumed-role\/([^/]+)\/(.+)$/;
export function preparePrincipal(p) {
    if (!p)
        return undefined;
    let sessionArn;
    let roleArn;
    // Cheap guards first: this runs once per decision.
    const m = p.sessionName !== undefined && p.arn.includes(':role/') ? ROLE_ARN_RE.exec(p.arn) : null;
    if (m) {
        // "Assumed-role session principals": the session ARN carries the role name but not its path.
        sessionArn = `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/${p.sessionName}`;
    }
    const s = p.arn.includes(':assumed-role/') ? SESSION_ARN_RE.exec(p.arn) : null;
    if (s) {
        sessionArn = p.arn;
        roleArn = `arn:${s[1]}:iam::${s[2]}:role/${s[3]}`;
    }
    return { arn: p.arn, accountId: p.accountId, type: p.type, sessionArn, roleArn };
}
const ACCOUNT_RE = /^\d{12}$/;
const ROOT_RE = /^arn:[^:]+:iam::(\d{12}):root$/;
export function compilePrincipal(element) {
    const m = {
        everyone: element.wildcard,
        accounts: new Set(),
        arns: new Map(),
        services: new Set(),
        federated: new Set(),
    };
    for (const [type, values] of Object.entries(element.values)) {
        const t = type.toLowerCase();
        for (const raw of values) {
            const v = raw.trim();
            if (t === 'aws') {
                if (v === '*')
                    m.everyone = true;
                else if (ACCOUNT_RE.test(v))
                    m.accounts.add(v);
                else if (ROOT_RE.test(v))
                    m.accounts.add(ROOT_RE.exec(v)[1]);
                else if (v.includes('*') || v.includes('?'))
                    continue;
                else if (/^arn:[^:]+:iam::[^:]*:role\//.test(v))
                    m.arns.set(v, ROLE_MATCH);
                else
                    m.arns.set(v, DIRECT_MATCH);
            }
            else if (t === 'service') {
                if (v === '*')
                    m.everyone = true;
                else
                    m.services.add(v.toLowerCase());
            }
            else if (t === 'federated') {
                m.federated.add(v);
            }
        }
    }
    return m;
}
/** How the principal is named by the element (the strongest of several matching entries). */
export function matchPrincipal(m, p) {
    if (m.everyone)
        return DIRECT_MATCH;
    if (!p)
        return NO_MATCH;
    if (p.type === 'Service')
        return m.services.has(p.arn.toLowerCase()) ? DIRECT_MATCH : NO_MATCH;
    if (p.type === 'FederatedUser' && m.federated.has(p.arn))
        return DIRECT_MATCH;
    let best = NO_MATCH;
    const byArn = m.arns.get(p.arn);
    if (byArn !== undefined)
        best = byArn;
    if (p.sessionArn !== undefined && m.arns.get(p.sessionArn) !== undefined)
        return DIRECT_MATCH;
    if (p.roleArn !== undefined && m.arns.get(p.roleArn) === ROLE_MATCH && best < ROLE_MATCH)
        best = ROLE_MATCH;
    if (best === NO_MATCH && m.accounts.has(p.accountId))
        best = ACCOUNT_MATCH;
    return best;
}
//# sourceMappingURL=principal.js.map