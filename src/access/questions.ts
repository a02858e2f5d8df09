/**
 * The questions the product exists for, over the compiled index: who can do an action on a
 * resource, what can a principal do on a resource, and a stored principal's simulation.
 */
import { actionsForService, conditionKeyType, resourceTypeForArn, findAction } from '../catalog/index.js';
import { contextFrom, type ContextEntry } from '../engine/context.js';
import type { EvaluationResult, RequestContext } from '../engine/types.js';
import type { AccessIndex, AskOptions, IndexedPrincipal } from './access-index.js';
import { InvalidQuestionError, NotFoundError, quoted } from './errors.js';
import { requireAction, scopeFor } from './resource-scope.js';

export interface WhoCanAnswer {
  /** The action as the catalog spells it. */
  action: string;
  /** The resource evaluated (the named one, or its children's pattern). */
  evaluatedResource: string;
  evaluatedResourceType?: string;
  entries: { principal: IndexedPrincipal; result: EvaluationResult }[];
}

export interface WhatCanAnswer {
  resourceType: string;
  entries: { action: string; result: EvaluationResult }[];
}

export function callerContext(entries: readonly ContextEntry[] | undefined | null): RequestContext {
  return contextFrom(entries ?? [], conditionKeyType);
}

export function whoCan(index: AccessIndex, action: string, resource: string, context: ContextEntry[] | undefined, options: AskOptions = {}): WhoCanAnswer {
  const catalogAction = requireAction(action);
  const scope = scopeFor(catalogAction, resource);
  const entries = index.whoCan(catalogAction.name, scope.resource, callerContext(context), index.resourceContext(scope.resource), options);
  return { action: catalogAction.name, evaluatedResource: scope.resource, evaluatedResourceType: scope.resourceType, entries };
}

export function requirePrincipal(index: AccessIndex, arn: string): IndexedPrincipal {
  const p = index.principal(arn);
  if (!p) throw new NotFoundError(`No stored user or role has the ARN ${quoted(arn)}`);
  return p;
}

export function whatCan(index: AccessIndex, principalArn: string, resource: string, context: ContextEntry[] | undefined, options: AskOptions = {}): WhatCanAnswer {
  const principal = requirePrincipal(index, principalArn);
  const type = resourceTypeForArn(resource);
  if (!type) {
    throw new InvalidQuestionError(`The catalog has no resource type whose ARN format matches ${quoted(resource)}; name a resource ARN (e.g. arn:aws:connect:us-east-1:123456789012:instance/ID)`, { argumentName: 'resource' });
  }
  const caller = callerContext(context);
  const resourceContext = index.resourceContext(resource);
  const entries: WhatCanAnswer['entries'] = [];
  const actions = actionsForService(type.service)
    .filter((a) => a.resourceTypes.some((t) => t.name === type.name))
    .map((a) => a.name)
    .sort();
  for (const action of actions) {
    options.checkpoint?.();
    const result = index.evaluateFor(principal, action, resource, caller, resourceContext);
    if (result.decision === 'ALLOWED' || (options.includeConditional && result.conditional)) entries.push({ action, result });
  }
  return { resourceType: type.name, entries };
}

export interface PrincipalSimulation {
  action: string;
  resource: string;
  result: EvaluationResult;
}

/** Like IAM SimulatePrincipalPolicy: one stored principal, actions × resources (default "*"). */
export function simulatePrincipal(index: AccessIndex, principalArn: string, actions: string[], resources: string[] | undefined | null, context: ContextEntry[] | undefined | null): PrincipalSimulation[] {
  const principal = requirePrincipal(index, principalArn);
  const caller = callerContext(context);
  const out: PrincipalSimulation[] = [];
  for (const action of actions) {
    // Spelled as given, like IAM's simulator; the catalog only fixes the case of known actions.
    const name = findAction(action)?.name ?? action;
    for (const resource of resources?.length ? resources : ['*']) {
      out.push({ action, resource, result: index.evaluateFor(principal, name, resource, caller, index.resourceContext(resource)) });
    }
  }
  return out;
}
