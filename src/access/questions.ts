/**
 * The questions the product exists for, over the compiled index: who can do an action on a
 * resource, what can a principal do on a resource, and a stored principal's simulation.
 */
import {
  actionsOnResourceType,
  conditionKeyType,
  resourceTypeForArn,
  resourceTypesWithArnService,
  findAction,
  type CatalogResourceType,
} from '../catalog/index.js';
import { contextFrom, type ContextEntry } from '../engine/context.js';
import type { EvaluationResult, RequestContext } from '../engine/types.js';
import type { AccessIndex, AskOptions, IndexedPrincipal } from './access-index.js';
import { InvalidQuestionError, NotFoundError, quoted } from './errors.js';
import { checkResourceArn, childArnUnder, requireAction, scopeFor } from './resource-scope.js';

export interface WhoCanAnswer {
  /** The action as the catalog spells it. */
  action: string;
  /** The resource evaluated (the named one, or its children's pattern). */
  evaluatedResource: string;
  evaluatedResourceType?: string;
  entries: { principal: IndexedPrincipal; result: EvaluationResult }[];
  /** Things the caller should know (an ARN in an unknown service namespace). */
  warnings: string[];
}

export interface WhatCanEntry {
  action: string;
  /** The ARN evaluated: the resource, or a pattern covering its children of one type. */
  resource: string;
  /** The catalog resource type it was evaluated on. */
  resourceType: string;
  result: EvaluationResult;
  /** Orders entries by action, then the resource before its children (the page cursor). */
  key: string;
}

export interface WhatCanAnswer {
  resourceType: string;
  entries: WhatCanEntry[];
  warnings: string[];
}

export function callerContext(entries: readonly ContextEntry[] | undefined | null): RequestContext {
  return contextFrom(entries ?? [], conditionKeyType);
}

export function whoCan(index: AccessIndex, action: string, resource: string, context: ContextEntry[] | undefined, options: AskOptions = {}): WhoCanAnswer {
  const catalogAction = requireAction(action);
  const warnings = checkResourceArn(resource);
  const scope = scopeFor(catalogAction, resource);
  const entries = index.whoCan(catalogAction.name, scope.resource, callerContext(context), index.resourceContext(scope.resource), options);
  return { action: catalogAction.name, evaluatedResource: scope.resource, evaluatedResourceType: scope.resourceType, entries, warnings };
}

export function requirePrincipal(index: AccessIndex, arn: string): IndexedPrincipal {
  const p = index.principal(arn);
  if (!p) throw new NotFoundError(`No stored user or role has the ARN ${quoted(arn)}`);
  return p;
}

/**
 * What the principal can do on the resource: every action, of any service, that applies to the
 * resource's type (sts:AssumeRole on an IAM role), and — for a resource with children (an Amazon
 * Connect instance) — every action on each child type, evaluated on an ARN covering all such
 * children, as whoCan does (contract, Semantics). Ordered by action name, the resource first.
 */
export function whatCan(
  index: AccessIndex,
  principalArn: string,
  resource: string,
  context: ContextEntry[] | undefined,
  options: AskOptions = {},
): WhatCanAnswer {
  const principal = requirePrincipal(index, principalArn);
  const warnings = checkResourceArn(resource);
  const type = resourceTypeForArn(resource);
  if (!type) {
    throw new InvalidQuestionError(
      `The catalog has no resource type whose ARN format matches ${quoted(resource)}; name a resource ARN (e.g. arn:aws:connect:us-east-1:123456789012:instance/ID)`,
      { argumentName: 'resource' },
    );
  }
  const targets: { resource: string; type: CatalogResourceType }[] = [{ resource, type }];
  for (const t of resourceTypesWithArnService(resource.split(':')[2]!)) {
    const child = childArnUnder(resource, t);
    if (child) targets.push({ resource: child, type: t });
  }
  const caller = callerContext(context);
  const entries: WhatCanEntry[] = [];
  targets.forEach((target, n) => {
    const resourceContext = index.resourceContext(target.resource);
    for (const { action } of actionsOnResourceType(target.type)) {
      options.checkpoint?.();
      const result = index.evaluateFor(principal, action.name, target.resource, caller, resourceContext);
      if (result.decision === 'ALLOWED' || (options.includeConditional && result.conditional)) {
        entries.push({
          action: action.name,
          resource: target.resource,
          resourceType: target.type.name,
          result,
          key: `${action.name}\u0000${String(n).padStart(4, '0')}`,
        });
      }
    }
  });
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { resourceType: type.name, entries, warnings };
}

export interface PrincipalSimulation {
  action: string;
  resource: string;
  result: EvaluationResult;
}

/** Like IAM SimulatePrincipalPolicy: one stored principal, actions × resources (default "*"). */
export function simulatePrincipal(
  index: AccessIndex,
  principalArn: string,
  actions: string[],
  resources: string[] | undefined | null,
  context: ContextEntry[] | undefined | null,
): PrincipalSimulation[] {
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
