import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { accessChanges, type AccessChangeEntry, type DiffResult, type ModelState } from '../../access/changes/diff.js';
import { WhatIfSession, type ChangeSpec } from '../../access/changes/what-if.js';
import { whoCan } from '../../access/questions.js';
import { checkResourceArn } from '../../access/resource-scope.js';
import { loadIamFacts, type IamFacts } from '../../store/iam-facts.js';
import { latestSnapshotId } from '../../store/history.js';
import { compileGlob } from '../../util/wildcard.js';
import type { AccessState, App } from '../../app.js';
import { AccessChangeConnection, AccessChangeKind, ChangeInput, WhatIf } from '../types/changes.js';
import { AccessConnection } from '../types/access.js';
import { ContextEntryInput } from '../types/simulation.js';
import { Decision } from '../types/enums.js';
import type { ApiContext } from '../context.js';
import { paginate } from '../paging.js';
import { checkDeadline, checkResource, pageSize, withDeadline } from '../limits.js';
import { apiError, badUserInput } from '../errors.js';
import { accessConnection, explained, principalNode } from './access.js';

/** Most changes one whatIf takes (each may reach many principals). */
export const MAX_CHANGES = 100;

/**
 * Per latest state: its IAM facts (attachments, groups, every managed policy), loaded once, and
 * the last whatIf session and snapshot diff, so that paging through one answer (the CLI fetches
 * every page) computes it once. Dropped with the state at the next import.
 */
interface StateCache {
  facts?: IamFacts;
  whatIf?: { key: string; session: WhatIfSession };
  diff?: { key: string; diff: DiffResult };
}
const caches = new WeakMap<AccessState, StateCache>();
function cacheOf(state: AccessState): StateCache {
  let c = caches.get(state);
  if (!c) caches.set(state, (c = {}));
  return c;
}

/** The state a snapshot id names: the latest (kept with its index), or a past one rebuilt from history (NOT_FOUND when unknown or pruned). */
function snapshotState(app: App, id: number): ModelState {
  return app.accessState(id);
}

interface ChangeFilters {
  principalArn?: string | null;
  action?: string | null;
  resource?: string | null;
}

function connection(diff: DiffResult, filters: ChangeFilters, first: number | null, after: string | null): AccessChangeConnection {
  pageSize(first);
  checkResource(filters.resource, 'resource');
  // The filter names a resource as whoCan's argument does: an ARN or "*", else BAD_USER_INPUT.
  if (filters.resource) checkResourceArn(filters.resource);
  const action = filters.action?.toLowerCase();
  // "whose resource covers the given ARN": the change's pattern matches it (IAM's wildcard rules).
  const covers = filters.resource ? filters.resource : undefined;
  const list = diff.changes.filter(
    (c) =>
      (!filters.principalArn || c.principal.model.arn === filters.principalArn) &&
      (!action || c.action.toLowerCase() === action) &&
      (!covers || c.resource === covers || compileGlob(c.resource)(covers)),
  );
  const page = paginate(list, (c) => c.key, toNode, first, after);
  return {
    ...page,
    gainedCount: list.filter((c) => c.change === 'GAINED').length,
    lostCount: list.filter((c) => c.change === 'LOST').length,
  };
}

function toNode(c: AccessChangeEntry) {
  const external = c.principal.external !== undefined;
  const shown = c.change === 'LOST' ? c.before : c.after;
  const e = shown ? explained(shown, external) : { missingContextKeys: [], matchedStatements: [] };
  return {
    principal: principalNode(c.principal),
    action: c.action,
    resource: c.resource,
    change: c.change as AccessChangeKind,
    before: (c.before?.decision ?? 'IMPLICIT_DENY') as Decision,
    after: (c.after?.decision ?? 'IMPLICIT_DENY') as Decision,
    conditionalBefore: c.beforeLevel === 'CONDITIONAL',
    conditionalAfter: c.afterLevel === 'CONDITIONAL',
    missingContextKeys: e.missingContextKeys,
    matchedStatements: e.matchedStatements,
  };
}

interface WhatIfState {
  session: WhatIfSession;
}

@Resolver()
export class ChangesResolver {
  @Query(() => AccessChangeConnection, {
    description:
      'Who gained or lost which access from snapshot `from` to `to` (default: the latest), ordered by principal ARN, action, resource. Computed from what changed (policies and their texts, attachments, group memberships, boundaries, tags, trust and resource-based policies, SCP and RCP levels): only what a change reaches is evaluated again. Filters keep one principal, one action, or changes whose resource covers the given ARN. A snapshot that is unknown or pruned is NOT_FOUND.',
  })
  accessChanges(
    @Arg('from', () => Int, { description: 'The snapshot (import id, see `imports`) to compare from.' }) from: number,
    @Arg('to', () => Int, { nullable: true, description: 'The snapshot to compare to (default: the latest).' }) to: number | null,
    @Arg('principalArn', () => String, { nullable: true, description: 'Only the changes of this principal.' }) principalArn: string | null,
    @Arg('action', () => String, { nullable: true, description: 'Only the changes of this action (case-insensitive).' }) action: string | null,
    @Arg('resource', () => String, { nullable: true, description: 'Only the changes whose resource pattern covers this ARN.' }) resource: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ApiContext,
  ): AccessChangeConnection {
    pageSize(first);
    const latest = latestSnapshotId(ctx.app.store);
    if (latest === null) throw apiError('NOT_FOUND', 'Nothing has been imported: there is no snapshot to compare', { argumentName: 'from' });
    const before = snapshotState(ctx.app, from);
    const afterState = snapshotState(ctx.app, to ?? latest);
    const cache = cacheOf(ctx.app.accessState());
    const key = `${from}\u0000${to ?? latest}`;
    let diff = cache.diff?.key === key ? cache.diff.diff : undefined;
    if (!diff) {
      diff = withDeadline(ctx.deadline, () => accessChanges(before, afterState, { checkpoint: () => checkDeadline(ctx.deadline) }));
      cache.diff = { key, diff };
    }
    return connection(diff, { principalArn, action, resource }, first, after);
  }

  @Query(() => WhatIf, {
    description:
      'The latest state with the proposed changes applied in order, in memory: nothing is stored. Its accessChanges compare the latest state with it; its whoCan answers on it. Errors name the change: BAD_USER_INPUT (not exactly one member set), NOT_FOUND (an unknown ARN), MALFORMED_POLICY_DOCUMENT (with line, column and `changes[i].putPolicy.document`).',
  })
  whatIf(
    @Arg('changes', () => [ChangeInput], { description: 'The proposed IAM changes, applied in order to the latest snapshot in memory; nothing is stored.' })
    changes: ChangeInput[],
    @Ctx() ctx: ApiContext,
  ): WhatIf {
    if (changes.length > MAX_CHANGES)
      throw badUserInput(`${changes.length} changes; at most ${MAX_CHANGES} per whatIf`, { argumentName: 'changes', maximum: MAX_CHANGES });
    const state = ctx.app.accessState();
    const cache = cacheOf(state);
    const key = JSON.stringify(changes);
    let session = cache.whatIf?.key === key ? cache.whatIf.session : undefined;
    if (!session) {
      const facts = (cache.facts ??= loadIamFacts(ctx.app.store));
      session = withDeadline(ctx.deadline, () => new WhatIfSession(state, facts, changes as ChangeSpec[]));
      cache.whatIf = { key, session };
    }
    const out = new WhatIf();
    out.state = { session } satisfies WhatIfState;
    return out;
  }
}

@Resolver(() => WhatIf)
export class WhatIfResolver {
  @FieldResolver(() => AccessChangeConnection, {
    description: 'Who would gain or lose which access if the changes shipped (see Query.accessChanges for the filters and AccessChange for what counts).',
  })
  accessChanges(
    @Root() root: WhatIf,
    @Arg('principalArn', () => String, { nullable: true, description: 'Only the changes of this principal.' }) principalArn: string | null,
    @Arg('action', () => String, { nullable: true, description: 'Only the changes of this action (case-insensitive).' }) action: string | null,
    @Arg('resource', () => String, { nullable: true, description: 'Only the changes whose resource pattern covers this ARN.' }) resource: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ApiContext,
  ): AccessChangeConnection {
    pageSize(first);
    const { session } = root.state as WhatIfState;
    const diff = withDeadline(ctx.deadline, () => session.diff({ checkpoint: () => checkDeadline(ctx.deadline) }));
    return connection(diff, { principalArn, action, resource }, first, after);
  }

  @FieldResolver(() => AccessConnection, { description: 'Query.whoCan, answered on the hypothetical state.' })
  whoCan(
    @Root() root: WhatIf,
    @Arg('action', () => String, { description: 'The action, service:Action (case-insensitive, as in IAM).' }) action: string,
    @Arg('resource', () => String, { description: 'The resource ARN (or "*"); not an ARN: BAD_USER_INPUT.' }) resource: string,
    @Arg('context', () => [ContextEntryInput], {
      nullable: true,
      description: 'Request context values, added to what the hypothetical state knows of each principal and resource.',
    })
    context: ContextEntryInput[] | null,
    @Arg('includeConditional', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Also list principals allowed only for some values of missing context keys (default false).',
    })
    includeConditional: boolean,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ApiContext,
  ): AccessConnection {
    pageSize(first);
    checkResource(resource, 'resource');
    const { session } = root.state as WhatIfState;
    const answer = withDeadline(ctx.deadline, () =>
      whoCan(session.index(), action, resource, context ?? undefined, {
        includeConditional: Boolean(includeConditional),
        checkpoint: () => checkDeadline(ctx.deadline),
      }),
    );
    return accessConnection(answer, first, after);
  }
}
