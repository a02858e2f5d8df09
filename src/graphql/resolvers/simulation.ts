import { Arg, Query, Resolver } from 'type-graphql';
import { simulateCustomPolicy, type SimulatedResult } from '../../access/simulate-custom.js';
import { SimulateCustomPolicyInput, SimulationReport, ContextEntryInput, type EvaluationResult } from '../types/simulation.js';
import { checkPolicySize, MAX_EVALUATIONS } from '../limits.js';
import { badUserInput } from '../errors.js';
import { toApiError } from '../map-error.js';
import { Decision } from '../types/enums.js';

export function toEvaluationResult(r: SimulatedResult): EvaluationResult {
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
  simulateCustomPolicy(
    @Arg('input', () => SimulateCustomPolicyInput) input: SimulateCustomPolicyInput,
  ): SimulationReport {
    input.policies.forEach((p, i) => checkPolicySize(p, `policies[${i}]`));
    input.permissionsBoundaries?.forEach((p, i) => checkPolicySize(p, `permissionsBoundaries[${i}]`));
    input.serviceControlPolicies?.forEach((level, i) => level.forEach((p, j) => checkPolicySize(p, `serviceControlPolicies[${i}][${j}]`)));
    if (input.resourcePolicy) checkPolicySize(input.resourcePolicy, 'resourcePolicy');
    if (input.actions.length === 0) throw badUserInput('`actions` needs at least one action', { argumentName: 'actions' });
    const count = input.actions.length * Math.max(1, input.resources?.length ?? 1);
    if (count > MAX_EVALUATIONS) throw badUserInput(`${count} action × resource pairs; at most ${MAX_EVALUATIONS} per request`, { maximum: MAX_EVALUATIONS });
    try {
      return { results: simulateCustomPolicy(input).map(toEvaluationResult) };
    } catch (e) {
      throw toApiError(e);
    }
  }
}

export { ContextEntryInput };
