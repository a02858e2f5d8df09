import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Effect } from '../types/browse.js';
import { simulateCustomPolicy, type SimulatedResult } from '../../access/simulate-custom.js';
import { MatchedStatement, SimulateCustomPolicyInput, SimulationReport, type EvaluationResultType } from '../types/simulation.js';
import { apiError, badUserInput } from '../errors.js';
import {
  checkActions,
  checkPolicySize,
  checkResource,
  checkResources,
  contextValueCount,
  MAX_EVALUATIONS,
  MAX_SIMULATED_POLICY_CHARS,
  MAX_SIMULATED_TOTAL_CHARS,
  MIN_SIMULATION_SLICE,
  SIMULATION_SLICE_WORK,
  withDeadline,
} from '../limits.js';
import { simulateOffThread, SimulationTimeoutError } from '../../access/simulate-off-thread.js';
import { runInSlices } from '../chunked.js';
import type { ApiContext } from '../context.js';
import { Decision } from '../types/enums.js';

export function toEvaluationResult(r: SimulatedResult): EvaluationResultType {
  return {
    action: r.action,
    resource: r.resource,
    decision: r.decision as Decision,
    matchedStatements: r.matchedStatements,
    missingContextKeys: r.missingContextKeys,
  };
}

/**
 * Estimated work (policy characters × context values × pairs) beyond which a simulation runs in a
 * worker thread: several seconds of evaluation, against the ~50 ms a worker costs to start.
 */
const OFF_THREAD_WORK = 20 * SIMULATION_SLICE_WORK;

@Resolver(() => SimulationReport)
export class SimulationResolver {
  @Query(() => SimulationReport, {
    description:
      'Evaluates policies given as text (identity policies, optional boundaries, SCPs and resource policy) for each action × resource, like IAM SimulateCustomPolicy.',
  })
  async simulateCustomPolicy(
    @Arg('input', () => SimulateCustomPolicyInput, {
      description: 'The policies (each at most 131,072 characters, 1 MiB together) and the requests (at most 10,000 action × resource pairs).',
    })
    input: SimulateCustomPolicyInput,
    @Ctx() ctx: ApiContext,
  ): Promise<SimulationReport> {
    let total = 0;
    const check = (p: string, name: string) => {
      checkPolicySize(p, name, MAX_SIMULATED_POLICY_CHARS);
      total += p.length;
    };
    input.policies.forEach((p, i) => check(p, `policies[${i}]`));
    input.permissionsBoundaries?.forEach((p, i) => check(p, `permissionsBoundaries[${i}]`));
    input.serviceControlPolicies?.forEach((level, i) => level.forEach((p, j) => check(p, `serviceControlPolicies[${i}][${j}]`)));
    if (input.resourcePolicy) check(input.resourcePolicy, 'resourcePolicy');
    if (total > MAX_SIMULATED_TOTAL_CHARS) {
      throw apiError('PAYLOAD_TOO_LARGE', `The policies add up to ${total} characters; the limit is ${MAX_SIMULATED_TOTAL_CHARS}`, {
        limit: MAX_SIMULATED_TOTAL_CHARS,
      });
    }
    if (input.actions.length === 0) throw badUserInput('`actions` needs at least one action', { argumentName: 'actions' });
    const count = input.actions.length * Math.max(1, input.resources?.length ?? 1);
    if (count > MAX_EVALUATIONS) throw badUserInput(`${count} action × resource pairs; at most ${MAX_EVALUATIONS} per request`, { maximum: MAX_EVALUATIONS });
    checkActions(input.actions, 'input.actions');
    checkResources(input.resources, 'input.resources');
    checkResource(input.callerArn, 'input.callerArn');
    // Work of one evaluation grows with the policy text and with the request's context values
    // (each is compared with the condition values that test its key).
    const perPair = (total + 1000) * Math.max(1, contextValueCount(input.context));
    try {
      if (perPair * count > OFF_THREAD_WORK) {
        // Too long for the event loop even in slices (one evaluation alone may be): a worker
        // thread runs it, and everybody else is served meanwhile.
        return { results: (await simulateOffThread(input, ctx.deadline)).map(toEvaluationResult) };
      }
      const pairsPerSlice = Math.max(perPair > total + 1000 ? 1 : MIN_SIMULATION_SLICE, SIMULATION_SLICE_WORK / perPair);
      const results = await runInSlices({ actions: input.actions, resources: input.resources }, pairsPerSlice, ctx.deadline, (slice) =>
        withDeadline(ctx.deadline, () => simulateCustomPolicy({ ...input, actions: slice.actions, resources: slice.resources })),
      );
      return { results: results.map(toEvaluationResult) };
    } catch (e) {
      if (e instanceof SimulationTimeoutError)
        throw apiError('TIMEOUT', 'The operation ran out of its time budget; narrow the question or raise ACCESSQL_REQUEST_TIMEOUT_MS');
      throw e;
    }
  }
}

@Resolver(() => MatchedStatement)
export class MatchedStatementResolver {
  @FieldResolver(() => Effect, { description: 'The same as effect, as the Effect enum (for typed clients).' })
  effectEnum(@Root() s: MatchedStatement): Effect {
    return s.effect === 'Deny' ? Effect.Deny : Effect.Allow;
  }
}
