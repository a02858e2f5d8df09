import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ContextKeyType, Decision } from './enums.js';

@InputType({
  description: 'One request context value. type omitted: taken from the catalog for known keys, else STRING (STRING_LIST when more than one value).',
})
export class ContextEntryInput {
  @Field(() => String)
  key!: string;

  @Field(() => [String])
  values!: string[];

  @Field(() => ContextKeyType, { nullable: true })
  type?: ContextKeyType;
}

@InputType()
export class SimulateCustomPolicyInput {
  @Field(() => [String], { description: 'Identity-based policy documents, JSON text.' })
  policies!: string[];

  @Field(() => [String], { nullable: true, description: 'When given, each must also allow.' })
  permissionsBoundaries?: string[];

  @Field(() => [[String]], { nullable: true, description: 'One list per level, root first; every level must allow.' })
  serviceControlPolicies?: string[][];

  @Field(() => [[String]], {
    nullable: true,
    description:
      "Resource control policies: one list per level of the resource owner's path, root first; every level must allow (not applied to services RCPs do not support, nor to service-linked roles).",
  })
  resourceControlPolicies?: string[][];

  @Field(() => String, { nullable: true })
  resourcePolicy?: string;

  @Field(() => String, { nullable: true, description: "Account that owns the resources; default: the resource ARN's account, else the caller's." })
  resourceOwner?: string;

  @Field(() => String, { nullable: true, description: 'The principal making the request.' })
  callerArn?: string;

  @Field(() => [String])
  actions!: string[];

  @Field(() => [String], { nullable: true, description: 'Default ["*"].' })
  resources?: string[];

  @Field(() => [ContextEntryInput], { nullable: true })
  context?: ContextEntryInput[];
}

@ObjectType({ description: 'A policy statement that took part in a decision.' })
export class MatchedStatement {
  @Field(() => String, { description: 'policies[0], permissionsBoundaries[0], serviceControlPolicies[0][1], resourcePolicy, or a stored policy name.' })
  policyName!: string;

  @Field(() => String, { nullable: true })
  sid?: string;

  @Field(() => String, { description: 'Allow or Deny.' })
  effect!: string;

  @Field(() => Int, { nullable: true })
  line?: number;

  @Field(() => Int, { nullable: true })
  column?: number;
}

// The GraphQL type EvaluationResult; the TypeScript name leaves `EvaluationResult` to the engine's decision.
@ObjectType('EvaluationResult')
export class EvaluationResultType {
  @Field(() => String)
  action!: string;

  @Field(() => String)
  resource!: string;

  @Field(() => Decision)
  decision!: Decision;

  @Field(() => [MatchedStatement])
  matchedStatements!: MatchedStatement[];

  @Field(() => [String], { description: 'Condition keys a matching statement referenced that the request did not supply.' })
  missingContextKeys!: string[];
}

@ObjectType()
export class SimulationReport {
  @Field(() => [EvaluationResultType], { description: 'One per (action, resource), actions outer, in input order.' })
  results!: EvaluationResultType[];
}
