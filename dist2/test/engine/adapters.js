/**
 * Feeds the generator's plain JSON to accessql's engine and to @cloud-copilot/iam-simulate (AGPL:
 * used only from test/ and bench/, never from src/).
 */
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import { compilePolicy } from '../../src/engine/compile.js';
import { contextFrom } from '../../src/engine/context.js';
import { doc } from './doc.js';
export function compileJson(p, name) {
    return compilePolicy(doc(p), name);
}
export function toPolicySet(s) {
    const set = { identityPolicies: s.principal.identity.map((p, i) => compileJson(p, `p${i}`)) };
    if (s.principal.boundary)
        set.permissionsBoundaries = [compileJson(s.principal.boundary, 'boundary')];
    if (s.scps)
        set.serviceControlPolicies = s.scps.map((level, l) => level.map((p, i) => compileJson(p, `scp${l}.${i}`)));
    if (s.resourcePolicy)
        set.resourcePolicy = compileJson(s.resourcePolicy, 'resource');
    return set;
}
export function toRequest(s, r) {
    const p = s.principal;
    const req = {
        principal: { arn: p.arn, accountId: p.accountId, type: p.type, ...(p.type === 'Role' ? { sessionName: 'accessql' } : {}) },
        action: r.action,
        resource: r.resource,
        context: contextFrom(Object.entries(r.context).map(([key, v]) => Array.isArray(v) ? { key, values: v, type: 'STRING_LIST' } : { key, values: [v] })),
    };
    if (s.owner)
        req.resourceOwner = s.owner;
    return req;
}
function ownerOf(s, r) {
    if (s.owner)
        return s.owner;
    const parts = r.resource.split(':');
    return parts.length >= 6 && parts[4] ? parts[4] : s.principal.accountId;
}
function simulation(s, r) {
    const p = s.principal;
    const principal = p.type === 'Role' ? p.arn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/') + '/accessql' : p.arn;
    return {
        request: {
            principal,
            action: r.action,
            resource: { resource: r.resource, accountId: ownerOf(s, r) },
            contextVariables: r.context,
        },
        identityPolicies: p.identity.map((policy, i) => ({ name: `p${i}`, policy })),
        serviceControlPolicies: (s.scps ?? []).map((level, l) => ({ orgIdentifier: `ou-${l}`, policies: level.map((policy, i) => ({ name: `scp${l}.${i}`, policy })) })),
        resourceControlPolicies: [],
        ...(s.resourcePolicy ? { resourcePolicy: s.resourcePolicy } : {}),
        ...(p.boundary ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: p.boundary }] } : {}),
    };
}
/**
 * iam-simulate's synchronous entry point (no validation). Its version 0.1.173 throws on resource
 * policies in this path (it reads the policy's name from metadata that loadPolicy did not set), so
 * scenarios with a resource policy must use `simulateWithIamSimulateAsync`.
 */
export function simulateWithIamSimulate(s, r) {
    return toDecision(runUnsafeSimulation(simulation(s, r), {}));
}
/** The validating entry point: 'ERROR' when iam-simulate rejects the input (e.g. a resource type the action does not take). */
export async function simulateWithIamSimulateAsync(s, r) {
    const response = await runSimulation(simulation(s, r), {});
    if (response.resultType !== 'single')
        return 'ERROR';
    return toDecision(response.overallResult);
}
function toDecision(result) {
    const value = typeof result === 'string' ? result : result?.result;
    if (value === 'Allowed')
        return 'ALLOWED';
    if (value === 'ExplicitlyDenied')
        return 'EXPLICIT_DENY';
    if (value === 'ImplicitlyDenied')
        return 'IMPLICIT_DENY';
    return 'ERROR';
}
//# sourceMappingURL=adapters.js.map