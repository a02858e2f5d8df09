import { compileGlobLower } from '../util/wildcard.js';
import { compileArnPattern } from './arn.js';
import { compilePrincipal } from './principal.js';
import { compileCondition } from './conditions/evaluate.js';
export function compilePolicy(document, name) {
    const variablesEnabled = document.version === '2012-10-17';
    const statements = [];
    const byService = new Map();
    const anyService = [];
    for (const st of document.statements) {
        const compiled = compileStatement(st, name, variablesEnabled);
        if (!compiled)
            continue;
        statements.push(compiled);
        const services = serviceKeys(st);
        if (services === null)
            anyService.push(compiled);
        else
            for (const svc of services)
                push(byService, svc, compiled);
    }
    return { name, statements, byService, anyService, candidates: new Map() };
}
function push(map, key, st) {
    const list = map.get(key);
    if (!list)
        map.set(key, [st]);
    else if (list[list.length - 1] !== st)
        list.push(st);
}
/** The services a statement's Action can match, or null when it may match any service. */
function serviceKeys(st) {
    if (!st.action)
        return null;
    const out = [];
    for (const a of st.action) {
        const colon = a.indexOf(':');
        const svc = colon < 0 ? a : a.slice(0, colon);
        if (colon < 0 || svc.includes('*') || svc.includes('?'))
            return null;
        out.push(svc.toLowerCase());
    }
    return out;
}
function compileStatement(st, policyName, variablesEnabled) {
    if (st.effect !== 'Allow' && st.effect !== 'Deny')
        return null;
    const actionList = st.action ?? st.notAction;
    if (!actionList)
        return null;
    const matched = Object.freeze({
        policyName,
        ...(st.sid !== undefined ? { sid: st.sid } : {}),
        effect: st.effect,
        line: st.position.line,
        column: st.position.column,
    });
    const resourceList = st.resource ?? st.notResource;
    const principalElement = st.principal ?? st.notPrincipal;
    return {
        effect: st.effect,
        matched,
        actions: actionList.map((a) => compileGlobLower(a)),
        notAction: !st.action,
        resources: resourceList ? resourceList.map((r) => compileArnPattern(r, variablesEnabled)) : null,
        notResource: !st.resource && !!st.notResource,
        principal: principalElement ? compilePrincipal(principalElement) : null,
        notPrincipal: !st.principal && !!st.notPrincipal,
        conditions: st.conditions.map((c) => compileCondition(c, variablesEnabled)),
    };
}
/** The statements of `policy` that may match an action of `service` (lower-case), in document order. */
export function statementsFor(policy, service) {
    let list = policy.candidates.get(service);
    if (list)
        return list;
    const own = policy.byService.get(service);
    // A service the policy does not name needs no memo (the answer is anyService itself), so the
    // memo is keyed only by services the policy's own text names, never by what requests ask about.
    if (!own)
        return policy.anyService;
    if (policy.anyService.length === 0)
        list = own;
    else {
        const set = new Set([...own, ...policy.anyService]);
        list = policy.statements.filter((s) => set.has(s));
    }
    policy.candidates.set(service, list);
    return list;
}
//# sourceMappingURL=compile.js.map