import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { whoCan, whatCan, simulatePrincipal } from '../../access/questions.js';
import type { EvaluationResult } from '../../engine/types.js';
import type { IndexedPrincipal } from '../../access/access-index.js';
import { AccessConnection, ActionAccessConnection } from '../types/access.js';
import { ContextEntryInput, SimulationReport } from '../types/simulation.js';
import { Decision, PrincipalType } from '../types/enums.js';
import type { Principal } from '../types/principal.js';
import type { ApiContext } from '../context.js';
import { paginate } from '../paging.js';
import { checkActions, checkDeadline, checkResource, checkResources, MAX_EVALUATIONS, pageSize, withDeadline } from '../limits.js';
import { badUserInput } from '../errors.js';
import { runInSlices } from '../chunked.js';
import { toAccessStep } from './access-steps.js';
import type { AccessStep as Step } from '../../access/paths/index.js';
import { latestSnapshotId } from '../../store/history.js';

const SNAPSHOT_ARG =
  'Answer on the state right after this import (`imports { id }`); default: the latest. NOT_FOUND when unknown, pruned, or imported before history was kept.';

/** Stored-principal simulations run in slices of this many pairs (~25 ms each), with deadline checks and a yield in between. */
const PRINCIPAL_SIMULATION_SLICE = 250;

export function principalNode(p: IndexedPrincipal): Principal {
  if (p.external) {
    const e = p.external;
    return { arn: e.arn, name: e.arn, type: e.type as PrincipalType, accountId: e.accountId, uniqueId: null, path: null, tags: [] };
  }
  const m = p.model;
  return {
    arn: m.arn,
    name: m.name,
    type: m.type as PrincipalType,
    accountId: m.accountId,
    uniqueId: m.uniqueId,
    path: m.path,
    tags: Object.entries(m.tags).map(([key, value]) => ({ key, value })),
  };
}

export function explained(result: EvaluationResult, external = false) {
  return {
    decision: result.decision as Decision,
    // Principals beyond the store named as an account are conditional even when allowed (contract).
    conditional: result.conditional && (result.decision !== 'ALLOWED' || external),
    missingContextKeys: result.missingContextKeys,
    // A conditional entry cites the Allows it would rest on, not the (empty) AWS answer.
    matchedStatements: result.decision === 'IMPLICIT_DENY' && result.conditional ? (result.conditionalStatements ?? []) : result.matchedStatements,
  };
}

/**
 * One page of a whoCan answer as an AccessConnection: the stored answer (path empty) and the
 * transitive one (each entry with its chain) share it, and so does WhatIf.whoCan.
 */
export function accessConnection<E extends { principal: IndexedPrincipal; result: EvaluationResult; conditional?: boolean; path?: Step[] }>(
  answer: { action: string; evaluatedResource: string; evaluatedResourceType?: string; warnings: string[]; entries: E[] },
  first: number | null,
  after: string | null,
): AccessConnection {
  const page = paginate(
    answer.entries,
    (e) => e.principal.model.arn,
    (e) => {
      const own = explained(e.result, e.principal.external !== undefined);
      return { principal: principalNode(e.principal), ...own, conditional: own.conditional || Boolean(e.conditional), path: (e.path ?? []).map(toAccessStep) };
    },
    first,
    after,
  );
  return {
    ...page,
    action: answer.action,
    evaluatedResource: answer.evaluatedResource,
    evaluatedResourceType: answer.evaluatedResourceType ?? null,
    warnings: answer.warnings,
  };
}

@Resolver()
export class AccessResolver {
  @Query(() => AccessConnection, {
    description:
      'The stored principals allowed to perform the action on the resource, ordered by ARN, with the statements that grant it. includeConditional adds those allowed only for some values of context keys the request did not supply. transitive adds the principals that reach an allowed principal through sts:AssumeRole chains (each hop evaluated in full: trust policy, the caller’s policies, boundaries, SCPs, conditions), each with its shortest chain in `path`; the search is bounded (8 steps, 50,000 principals expanded) and the role graph is cached until the next import.',
  })
  whoCan(
    @Arg('action', () => String, { description: 'The action, service:Action (case-insensitive, as in IAM): connect:StartContactRecording.' }) action: string,
    @Arg('resource', () => String, {
      description:
        'The resource ARN (or "*"). An action that applies to its children (contacts of a Connect instance) is evaluated on them. Not an ARN: BAD_USER_INPUT.',
    })
    resource: string,
    @Arg('context', () => [ContextEntryInput], {
      nullable: true,
      description:
        'Request context values (aws:SourceIp, aws:CurrentTime…), added to what the store knows of each principal and resource; a key given here wins over a stored one.',
    })
    context: ContextEntryInput[] | null,
    @Arg('includeConditional', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Also list, with conditional: true, the principals allowed only for some values of context keys the request did not give (default false).',
    })
    includeConditional: boolean,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('transitive', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        'Also list the principals that reach an allowed principal through sts:AssumeRole chains, each with its chain in `path` (default false; bounded: 8 steps, 50,000 principals expanded).',
    })
    transitive: boolean,
    @Arg('snapshot', () => Int, { nullable: true, description: SNAPSHOT_ARG }) snapshot: number | null,
    @Ctx() ctx: ApiContext,
  ): AccessConnection {
    pageSize(first);
    checkResource(resource, 'resource');
    if (transitive) {
      // Paths read the store's current policy versions and workload state: a past snapshot has neither.
      if (snapshot !== null && snapshot !== undefined && snapshot !== latestSnapshotId(ctx.app.store))
        throw badUserInput('`transitive` answers on the latest snapshot only: leave out `snapshot`', { argumentName: 'snapshot' });
      const paths = ctx.app.accessPaths();
      const answer = withDeadline(ctx.deadline, () =>
        paths.whoCanTransitive(action, resource, context ?? undefined, {
          includeConditional: Boolean(includeConditional),
          checkpoint: () => checkDeadline(ctx.deadline),
        }),
      );
      return accessConnection(answer, first, after);
    }
    const index = ctx.app.accessIndex(snapshot);
    const answer = withDeadline(ctx.deadline, () =>
      whoCan(index, action, resource, context ?? undefined, {
        includeConditional: Boolean(includeConditional),
        checkpoint: () => checkDeadline(ctx.deadline),
      }),
    );
    return accessConnection(answer, first, after);
  }

  @Query(() => ActionAccessConnection, {
    description:
      "The actions, of any service, that apply to the resource's type (sts:AssumeRole on an IAM role) — and, for a resource with children (an Amazon Connect instance), the actions on each child type, evaluated on an ARN covering those children — that the principal is allowed, ordered by action name (the resource before its children); each entry names the resource type it was evaluated on.",
  })
  whatCan(
    @Arg('principalArn', () => String, { description: 'The stored user or role (NOT_FOUND otherwise).' }) principalArn: string,
    @Arg('resource', () => String, { description: 'The resource ARN; for a resource with children (a Connect instance) its children are answered too.' })
    resource: string,
    @Arg('context', () => [ContextEntryInput], {
      nullable: true,
      description:
        'Request context values (aws:SourceIp, aws:CurrentTime…), added to what the store knows of each principal and resource; a key given here wins over a stored one.',
    })
    context: ContextEntryInput[] | null,
    @Arg('includeConditional', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Also list, with conditional: true, the actions allowed only for some values of context keys the request did not give (default false).',
    })
    includeConditional: boolean,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('snapshot', () => Int, { nullable: true, description: SNAPSHOT_ARG }) snapshot: number | null,
    @Ctx() ctx: ApiContext,
  ): ActionAccessConnection {
    pageSize(first);
    checkResource(resource, 'resource');
    const answer = withDeadline(ctx.deadline, () =>
      whatCan(ctx.app.accessIndex(snapshot), principalArn, resource, context ?? undefined, {
        includeConditional: Boolean(includeConditional),
        checkpoint: () => checkDeadline(ctx.deadline),
      }),
    );
    const page = paginate(
      answer.entries,
      (e) => e.key,
      (e) => ({ action: e.action, resource: e.resource, resourceType: e.resourceType, ...explained(e.result) }),
      first,
      after,
    );
    return { ...page, resourceType: answer.resourceType, warnings: answer.warnings };
  }

  @Query(() => SimulationReport, {
    description:
      "Evaluates a stored principal's policies (with its groups', its boundary and the stored context) for each action × resource, like IAM SimulatePrincipalPolicy.",
  })
  async simulatePrincipalPolicy(
    @Arg('principalArn', () => String, { description: 'The stored user or role (NOT_FOUND otherwise).' }) principalArn: string,
    @Arg('actions', () => [String], { description: 'The actions to evaluate (at least one; with resources, at most 10,000 pairs).' }) actions: string[],
    @Arg('resources', () => [String], { nullable: true, description: 'Resource ARNs to evaluate each action on. Default ["*"].' }) resources: string[] | null,
    @Arg('context', () => [ContextEntryInput], {
      nullable: true,
      description:
        'Request context values (aws:SourceIp, aws:CurrentTime…), added to what the store knows of each principal and resource; a key given here wins over a stored one.',
    })
    context: ContextEntryInput[] | null,
    @Arg('snapshot', () => Int, { nullable: true, description: SNAPSHOT_ARG }) snapshot: number | null,
    @Ctx() ctx: ApiContext,
  ): Promise<SimulationReport> {
    if (actions.length === 0) throw badUserInput('`actions` needs at least one action', { argumentName: 'actions' });
    const count = actions.length * Math.max(1, resources?.length ?? 1);
    if (count > MAX_EVALUATIONS) throw badUserInput(`${count} action × resource pairs; at most ${MAX_EVALUATIONS} per request`, { maximum: MAX_EVALUATIONS });
    checkActions(actions, 'actions');
    checkResources(resources, 'resources');
    // Slices sized by work: many context values make every evaluation dearer.
    const contextValues = (context ?? []).reduce((n, c) => n + c.values.length, 0);
    const slice = Math.max(1, Math.floor(PRINCIPAL_SIMULATION_SLICE / Math.max(1, contextValues / 10)));
    const index = ctx.app.accessIndex(snapshot);
    const results = await runInSlices({ actions, resources }, slice, ctx.deadline, (part) =>
      withDeadline(ctx.deadline, () => simulatePrincipal(index, principalArn, part.actions, part.resources, context)),
    );
    return {
      results: results.map((r) => ({
        action: r.action,
        resource: r.resource,
        decision: r.result.decision as Decision,
        matchedStatements: r.result.matchedStatements,
        missingContextKeys: r.result.missingContextKeys,
      })),
    };
  }
}
