/**
 * simulateCustomPolicy: policies given as text, evaluated against actions × resources, like IAM's
 * SimulateCustomPolicy API (policies are identity-based; boundaries, SCPs and a resource-based
 * policy are optional layers).
 */
import { parsePolicy, PolicySyntaxError } from '../policy/parse.js';
import type { PolicyDocument } from '../policy/types.js';
import { compilePolicy, type CompiledPolicy } from '../engine/compile.js';
import { evaluate, rcpsApply, resourcePolicyRequired, type PolicySet } from '../engine/evaluate.js';
import { contextFrom } from '../engine/context.js';
import type { ContextKeyType, EvaluationResult } from '../engine/types.js';
import { conditionKeyType } from '../catalog/index.js';
import { MalformedPolicyError } from './errors.js';
import { callerFromArn } from './caller.js';

export interface ContextEntry {
  key: string;
  values: string[];
  type?: ContextKeyType | null;
}

export interface CustomSimulationInput {
  policies: string[];
  permissionsBoundaries?: string[] | null;
  serviceControlPolicies?: string[][] | null;
  /** One list per level of the resource owner's path, root first; every level must allow. */
  resourceControlPolicies?: string[][] | null;
  resourcePolicy?: string | null;
  resourceOwner?: string | null;
  callerArn?: string | null;
  actions: string[];
  resources?: string[] | null;
  context?: ContextEntry[] | null;
}

export interface SimulatedResult extends EvaluationResult {
  action: string;
  resource: string;
}

/**
 * What makes a document unusable for evaluation, as IAM's MalformedPolicyDocument does:
 * the grammar's required parts ("Grammar of the IAM JSON policy language"). Softer problems
 * (unknown actions, placeholders) are validatePolicy's business and evaluate as written.
 */
function structuralProblem(
  doc: PolicyDocument,
  requireResource: boolean,
  requirePrincipal: boolean,
): { reason: string; line: number; column: number } | undefined {
  if (doc.statements.length === 0) return { reason: 'the policy has no Statement', ...doc.position };
  for (const s of doc.statements) {
    const at = { line: s.position.line, column: s.position.column };
    const name = s.sid ? `statement "${s.sid}"` : `statement ${s.index + 1}`;
    if (s.effect !== 'Allow' && s.effect !== 'Deny') return { reason: `${name} needs an Effect of Allow or Deny`, ...at };
    if (!s.action === !s.notAction) return { reason: `${name} needs exactly one of Action or NotAction`, ...at };
    if (s.resource && s.notResource) return { reason: `${name} cannot have both Resource and NotResource`, ...at };
    if (requireResource && !s.resource && !s.notResource) return { reason: `${name} needs Resource or NotResource`, ...at };
    if (requirePrincipal && !s.principal && !s.notPrincipal) return { reason: `${name} of a resource-based policy needs Principal or NotPrincipal`, ...at };
  }
  return undefined;
}

export function compileInput(text: string, label: string, kind: 'identity' | 'resource' | 'scp'): CompiledPolicy {
  return compilePolicy(parseInput(text, label, kind), label);
}

/** A caller's document parsed and checked as compileInput takes it (MALFORMED_POLICY_DOCUMENT otherwise). */
export function parseInput(text: string, label: string, kind: 'identity' | 'resource' | 'scp'): PolicyDocument {
  let doc: PolicyDocument;
  try {
    doc = parsePolicy(text).document;
  } catch (e) {
    if (e instanceof PolicySyntaxError) throw new MalformedPolicyError(label, e.reason, e.line, e.column);
    throw e;
  }
  const problem = structuralProblem(doc, kind === 'identity', kind === 'resource');
  if (problem) throw new MalformedPolicyError(label, problem.reason, problem.line, problem.column);
  return doc;
}

export function simulateCustomPolicy(input: CustomSimulationInput): SimulatedResult[] {
  const policies: PolicySet = {
    identityPolicies: input.policies.map((p, i) => compileInput(p, `policies[${i}]`, 'identity')),
    permissionsBoundaries: input.permissionsBoundaries?.map((p, i) => compileInput(p, `permissionsBoundaries[${i}]`, 'identity')),
    serviceControlPolicies: input.serviceControlPolicies?.map((level, i) => level.map((p, j) => compileInput(p, `serviceControlPolicies[${i}][${j}]`, 'scp'))),
    resourceControlPolicies: input.resourceControlPolicies?.map((level, i) =>
      level.map((p, j) => compileInput(p, `resourceControlPolicies[${i}][${j}]`, 'resource')),
    ),
    resourcePolicy: input.resourcePolicy ? compileInput(input.resourcePolicy, 'resourcePolicy', 'resource') : undefined,
  };
  const context = contextFrom(
    (input.context ?? []).map((c) => ({ key: c.key, values: c.values, type: c.type ?? undefined })),
    conditionKeyType,
  );
  const principal = input.callerArn ? callerFromArn(input.callerArn) : undefined;
  const resources = input.resources?.length ? input.resources : ['*'];
  const results: SimulatedResult[] = [];
  for (const action of input.actions) {
    for (const resource of resources) {
      // A given trust or key policy must allow by itself, as in the store (engine resourcePolicyRequired).
      const required = policies.resourcePolicy !== undefined && resourcePolicyRequired(action, resource);
      const rcps = policies.resourceControlPolicies && rcpsApply(action, principal?.arn) ? policies.resourceControlPolicies : undefined;
      const result = evaluate(
        { principal, action, resource, resourceOwner: input.resourceOwner ?? undefined, context },
        { ...policies, resourceControlPolicies: rcps, resourcePolicyRequired: required },
      );
      results.push({ action, resource, ...result });
    }
  }
  return results;
}
