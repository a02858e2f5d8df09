/**
 * Feeds the generator's plain JSON to accessql's engine and to @cloud-copilot/iam-simulate (AGPL:
 * used only from test/ and bench/, never from src/).
 */
import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { compilePolicy, type CompiledPolicy } from '../../src/engine/compile.js';
import { contextFrom } from '../../src/engine/context.js';
import type { PolicySet } from '../../src/engine/evaluate.js';
import type { Decision, EvaluationRequest } from '../../src/engine/types.js';
import { doc } from './doc.js';
import type { GenPrincipal, GenRequest, JsonPolicy } from './generate.js';

export function compileJson(p: JsonPolicy, name: string): CompiledPolicy {
  return compilePolicy(doc(p as any), name);
}

export interface Scenario {
  principal: GenPrincipal;
  scps?: JsonPolicy[][];
  resourcePolicy?: JsonPolicy;
  /** Account that owns the resource (defaults to the ARN's account, else the principal's). */
  owner?: string;
}

export function toPolicySet(s: Scenario): PolicySet {
  const set: PolicySet = { identityPolicies: s.principal.identity.map((p, i) => compileJson(p, `p${i}`)) };
  if (s.principal.boundary) set.permissionsBoundaries = [compileJson(s.principal.boundary, 'boundary')];
  if (s.scps) set.serviceControlPolicies = s.scps.map((level, l) => level.map((p, i) => compileJson(p, `scp${l}.${i}`)));
  if (s.resourcePolicy) set.resourcePolicy = compileJson(s.resourcePolicy, 'resource');
  return set;
}

export function toRequest(s: Scenario, r: GenRequest): EvaluationRequest {
  const p = s.principal;
  const req: EvaluationRequest = {
    principal: { arn: p.arn, accountId: p.accountId, type: p.type, ...(p.type === 'Role' ? { sessionName: 'accessql' } : {}) },
    action: r.action,
    resource: r.resource,
    context: contextFrom(
      Object.entries(r.context).map(([key, v]) => (Array.isArray(v) ? { key, values: v, type: 'STRING_LIST' as const } : { key, values: [v] })),
    ),
  };
  if (s.owner) req.resourceOwner = s.owner;
  return req;
}

function ownerOf(s: Scenario, r: GenRequest): string {
  if (s.owner) return s.owner;
  const parts = r.resource.split(':');
  return parts.length >= 6 && parts[4] ? parts[4] : s.principal.accountId;
}

function simulation(s: Scenario, r: GenRequest): Simulation {
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
    serviceControlPolicies: (s.scps ?? []).map((level, l) => ({
      orgIdentifier: `ou-${l}`,
      policies: level.map((policy, i) => ({ name: `scp${l}.${i}`, policy })),
    })),
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
export function simulateWithIamSimulate(s: Scenario, r: GenRequest): Decision | 'ERROR' {
  return toDecision(runUnsafeSimulation(simulation(s, r), {}) as unknown);
}

/** The validating entry point: 'ERROR' when iam-simulate rejects the input (e.g. a resource type the action does not take). */
export async function simulateWithIamSimulateAsync(s: Scenario, r: GenRequest): Promise<Decision | 'ERROR'> {
  const response = await runSimulation(simulation(s, r), {});
  if (response.resultType !== 'single') return 'ERROR';
  return toDecision(response.overallResult);
}

function toDecision(result: unknown): Decision | 'ERROR' {
  const value = typeof result === 'string' ? result : (result as { result?: string })?.result;
  if (value === 'Allowed') return 'ALLOWED';
  if (value === 'ExplicitlyDenied') return 'EXPLICIT_DENY';
  if (value === 'ImplicitlyDenied') return 'IMPLICIT_DENY';
  return 'ERROR';
}
