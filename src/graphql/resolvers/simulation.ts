import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { simulateCustomPolicy, type SimulatedResult } from '../../access/simulate-custom.js';
import { SimulateCustomPolicyInput, SimulationReport, type EvaluationResultType } from '../types/simulation.js';
import { apiError, badUserInput } from '../errors.js';
import { checkPolicySize, MAX_EVALUATIONS, MAX_SIMULATED_POLICY_CHARS, MAX_SIMULATED_TOTAL_CHARS, MIN_SIMULATION_SLICE, SIMULATION_SLICE_WORK } from '../limits.js';
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

@Resolver(() => SimulationReport)
export class SimulationResolver {
  @Query(() => SimulationReport, {
    description: 'Evaluates policies given as text (identity policies, optional boundaries, SCPs and resource policy) for each action × resource, like IAM SimulateCustomPolicy.',
  })
  async simulateCustomPolicy(
    @Arg('input', () => SimulateCustomPolicyInput) input: SimulateCustomPolicyInput,
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
      throw apiError('PAYLOAD_TOO_LARGE', `The policies add up to ${total} characters; the limit is ${MAX_SIMULATED_TOTAL_CHARS}`, { limit: MAX_SIMULATED_TOTAL_CHARS });
    }
    if (input.actions.length === 0) throw badUserInput('`actions` needs at least one action', { argumentName: 'actions' });
    const count = input.actions.length * Math.max(1, input.resources?.length ?? 1);
    if (count > MAX_EVALUATIONS) throw badUserInput(`${count} action × resource pairs; at most ${MAX_EVALUATIONS} per request`, { maximum: MAX_EVALUATIONS });
    const results = await runInSlices({ actions: input.actions, resources: input.resources }, Math.max(MIN_SIMULATION_SLICE, SIMULATION_SLICE_WORK / (total + 1000)), ctx.deadline,
      (slice) => simulateCustomPolicy({ ...input, actions: slice.actions, resources: slice.resources }));
    return { results: results.map(toEvaluationResult) };
  }
}

