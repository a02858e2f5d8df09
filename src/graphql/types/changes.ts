import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Decision } from './enums.js';
import { PageInfo } from './common.js';
import { MatchedStatement } from './simulation.js';
import { Principal } from './principal.js';

export enum AccessChangeKind {
  GAINED = 'GAINED',
  LOST = 'LOST',
}
registerEnumType(AccessChangeKind, {
  name: 'AccessChangeKind',
  description:
    'Access is ranked none < conditional (allowed only for some values of context keys the request does not carry: a whoCan includeConditional entry) < allowed. GAINED: the rank went up; LOST: it went down.',
});

@ObjectType({
  description:
    "One (principal, action, resource) whose access changed. A move between none, conditional and allowed counts: allowed → conditional is LOST, none → conditional is GAINED. `before`/`after` are the decisions without the missing context (a conditional entry's decision is IMPLICIT_DENY, with conditionalBefore/conditionalAfter true); a principal that does not exist on one side is IMPLICIT_DENY there.",
})
export class AccessChange {
  @Field(() => Principal, { description: 'The principal as the new state knows it (the old state for one that is gone).' })
  principal!: Principal;

  @Field(() => String, { description: 'The action, as the catalog spells it (a wildcard in a policy is expanded to the actions it covers).' })
  action!: string;

  @Field(() => String, {
    description:
      "The ARN or ARN pattern the change covers, as a policy names it (arn:aws:connect:…:instance/…/contact/*), evaluated as the request's resource. A Deny that covers only part of a pattern does not match the pattern itself: its own pattern shows the loss.",
  })
  resource!: string;

  @Field(() => AccessChangeKind)
  change!: AccessChangeKind;

  @Field(() => Decision)
  before!: Decision;

  @Field(() => Decision)
  after!: Decision;

  @Field(() => Boolean, { description: 'Before: allowed only for some values of the context keys the request did not carry.' })
  conditionalBefore!: boolean;

  @Field(() => Boolean, { description: 'After: allowed only for some values of the context keys the request did not carry.' })
  conditionalAfter!: boolean;

  @Field(() => [String], {
    description: 'The context keys the deciding statements read that the request did not carry (the new decision’s; the old one’s for LOST).',
  })
  missingContextKeys!: string[];

  @Field(() => [MatchedStatement], {
    description:
      'The statements behind the new decision (for LOST, behind the old one: the grant that went away). A conditional decision cites the Allows it rests on.',
  })
  matchedStatements!: MatchedStatement[];
}

@ObjectType()
export class AccessChangeEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AccessChange)
  node!: AccessChange;
}

@ObjectType()
export class AccessChangeConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [AccessChangeEdge])
  edges!: AccessChangeEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Changes GAINED among totalCount.' })
  gainedCount!: number;

  @Field(() => Int, { description: 'Changes LOST among totalCount.' })
  lostCount!: number;
}

@InputType({ description: 'A managed policy and a user, group or role (by ARN).' })
export class PolicyTargetInput {
  @Field(() => String)
  policyArn!: string;

  @Field(() => String, { description: 'A user, group or role ARN.' })
  targetArn!: string;
}

@InputType()
export class PutPolicyInput {
  @Field(() => String, {
    description: "A managed policy's ARN (the document becomes its new default version), or an inline policy `<owner ARN>#<name>` (created if absent).",
  })
  policyId!: string;

  @Field(() => String, { description: 'The policy document, JSON text.' })
  document!: string;
}

@InputType()
export class PolicyIdInput {
  @Field(() => String, {
    description:
      "A managed policy's ARN (deleted as IAM requires: detached from everything, no longer anyone's boundary) or an inline policy `<owner ARN>#<name>`.",
  })
  policyId!: string;
}

@InputType()
export class BoundaryInput {
  @Field(() => String, { description: 'A user or role ARN.' })
  principalArn!: string;

  @Field(() => String, { nullable: true, description: 'A managed policy ARN; null removes the boundary.' })
  policyArn?: string | null;
}

@InputType()
export class MembershipInput {
  @Field(() => String)
  userArn!: string;

  @Field(() => String)
  groupArn!: string;
}

@InputType()
export class TrustPolicyInput {
  @Field(() => String)
  roleArn!: string;

  @Field(() => String, { description: 'The trust policy (AssumeRolePolicyDocument), JSON text.' })
  document!: string;
}

@InputType({ description: 'One proposed IAM change; exactly one member set (else BAD_USER_INPUT).' })
export class ChangeInput {
  @Field(() => PolicyTargetInput, { nullable: true })
  attachPolicy?: PolicyTargetInput | null;

  @Field(() => PolicyTargetInput, { nullable: true })
  detachPolicy?: PolicyTargetInput | null;

  @Field(() => PutPolicyInput, { nullable: true })
  putPolicy?: PutPolicyInput | null;

  @Field(() => PolicyIdInput, { nullable: true })
  deletePolicy?: PolicyIdInput | null;

  @Field(() => BoundaryInput, { nullable: true })
  setPermissionsBoundary?: BoundaryInput | null;

  @Field(() => MembershipInput, { nullable: true })
  addUserToGroup?: MembershipInput | null;

  @Field(() => MembershipInput, { nullable: true })
  removeUserFromGroup?: MembershipInput | null;

  @Field(() => TrustPolicyInput, { nullable: true })
  putTrustPolicy?: TrustPolicyInput | null;
}

@ObjectType({ description: 'The latest state with the proposed changes applied in memory (nothing is stored).' })
export class WhatIf {
  /** Not a field: the hypothetical state, built once and shared by the sub-fields. */
  state!: unknown;
}
