import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ContextKeyType, Decision } from './enums.js';

@InputType({
  description: 'One request context value. type omitted: taken from the catalog for known keys, else STRING (STRING_LIST when more than one value).',
})
export class ContextEntryInput {
  @Field(() => String, { description: 'The condition key (aws:SourceIp, aws:ResourceTag/Department…); keys are case-insensitive, as in IAM.' })
  key!: string;

  @Field(() => [String], { description: 'Its values, as text; more than one makes a list (a multivalued key).' })
  values!: string[];

  @Field(() => ContextKeyType, { nullable: true, description: 'Omitted: from the catalog for known keys, else STRING (STRING_LIST with several values).' })
  type?: ContextKeyType;
}

@InputType({ description: 'Policies given as text and the requests to evaluate against them, like IAM SimulateCustomPolicy.' })
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

  @Field(() => String, { nullable: true, description: 'A resource-based policy document (JSON text) of the resources.' })
  resourcePolicy?: string;

  @Field(() => String, { nullable: true, description: "Account that owns the resources; default: the resource ARN's account, else the caller's." })
  resourceOwner?: string;

  @Field(() => String, { nullable: true, description: 'The principal making the request.' })
  callerArn?: string;

  @Field(() => [String], { description: 'The actions to evaluate (service:Action); with resources, at most 10,000 pairs.' })
  actions!: string[];

  @Field(() => [String], { nullable: true, description: 'Resource ARNs to evaluate each action on. Default ["*"].' })
  resources?: string[];

  @Field(() => [ContextEntryInput], { nullable: true, description: 'Request context values (aws:SourceIp…) for every evaluation.' })
  context?: ContextEntryInput[];
}

@ObjectType({ description: 'A policy statement that took part in a decision.' })
export class MatchedStatement {
  @Field(() => String, { description: 'policies[0], permissionsBoundaries[0], serviceControlPolicies[0][1], resourcePolicy, or a stored policy name.' })
  policyName!: string;

  @Field(() => String, { nullable: true, description: 'The Sid element; null when the statement has none.' })
  sid?: string;

  @Field(() => String, { description: 'Allow or Deny (text; effectEnum is the same as the Effect enum).' })
  effect!: string;

  @Field(() => Int, { nullable: true, description: "1-based line of the statement's opening brace in its document." })
  line?: number;

  @Field(() => Int, { nullable: true, description: "1-based column of the statement's opening brace." })
  column?: number;
}

// The GraphQL type EvaluationResult; the TypeScript name leaves `EvaluationResult` to the engine's decision.
@ObjectType('EvaluationResult', { description: 'The decision for one action on one resource.' })
export class EvaluationResultType {
  @Field(() => String, { description: 'The action evaluated.' })
  action!: string;

  @Field(() => String, { description: 'The resource ARN evaluated ("*" by default).' })
  resource!: string;

  @Field(() => Decision, { description: "The decision of AWS's policy evaluation logic." })
  decision!: Decision;

  @Field(() => [MatchedStatement], { description: 'The statements that decided: the Deny that denies, else the Allows that allow.' })
  matchedStatements!: MatchedStatement[];

  @Field(() => [String], { description: 'Condition keys a matching statement referenced that the request did not supply.' })
  missingContextKeys!: string[];
}

@ObjectType({ description: 'The results of a simulation.' })
export class SimulationReport {
  @Field(() => [EvaluationResultType], { description: 'One per (action, resource), actions outer, in input order.' })
  results!: EvaluationResultType[];
}
