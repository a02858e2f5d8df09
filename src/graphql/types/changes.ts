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
    "One (principal, action, resource) whose access changed. A move between none, conditional and allowed counts: allowed → conditional is LOST, none → conditional is GAINED. `before`/`after` are the decisions without the missing context (a conditional entry's decision is IMPLICIT_DENY when an Allow needs the keys, EXPLICIT_DENY when a Deny applies unless they have some value; conditionalBefore/conditionalAfter true); a principal that does not exist on one side is IMPLICIT_DENY there.",
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

  @Field(() => AccessChangeKind, { description: 'GAINED when access went up (none → conditional → allowed), LOST when it went down.' })
  change!: AccessChangeKind;

  @Field(() => Decision, {
    description:
      'The decision in the old state, without the missing context (for a conditional entry IMPLICIT_DENY, or EXPLICIT_DENY where a Deny applies unless the keys have some value; see conditionalBefore).',
  })
  before!: Decision;

  @Field(() => Decision, {
    description:
      'The decision in the new state, without the missing context (for a conditional entry IMPLICIT_DENY, or EXPLICIT_DENY where a Deny applies unless the keys have some value; see conditionalAfter).',
  })
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

@ObjectType({ description: 'One AccessChange of a page, with its cursor.' })
export class AccessChangeEdge {
  @Field(() => String, { description: 'Opaque cursor of this item: give it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => AccessChange, { description: 'The item.' })
  node!: AccessChange;
}

@ObjectType({ description: 'A page of AccessChange items (Relay cursor connection), ordered by principal ARN, action, resource.' })
export class AccessChangeConnection {
  @Field(() => Int, { description: 'How many changes match in all, whatever the page.' })
  totalCount!: number;

  @Field(() => [AccessChangeEdge], { description: 'The items of this page, in order.' })
  edges!: AccessChangeEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits: hasNextPage, endCursor…' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Changes GAINED among totalCount.' })
  gainedCount!: number;

  @Field(() => Int, { description: 'Changes LOST among totalCount.' })
  lostCount!: number;
}

@InputType({ description: 'A managed policy and a user, group or role (by ARN).' })
export class PolicyTargetInput {
  @Field(() => String, { description: 'The managed policy ARN (a customer managed or AWS managed policy).' })
  policyArn!: string;

  @Field(() => String, { description: 'A user, group or role ARN.' })
  targetArn!: string;
}

@InputType({ description: 'A new document for a managed policy (its new default version) or an inline policy.' })
export class PutPolicyInput {
  @Field(() => String, {
    description: "A managed policy's ARN (the document becomes its new default version), or an inline policy `<owner ARN>#<name>` (created if absent).",
  })
  policyId!: string;

  @Field(() => String, { description: 'The policy document, JSON text.' })
  document!: string;
}

@InputType({ description: 'A managed or inline policy, by id.' })
export class PolicyIdInput {
  @Field(() => String, {
    description:
      "A managed policy's ARN (deleted as IAM requires: detached from everything, no longer anyone's boundary) or an inline policy `<owner ARN>#<name>`.",
  })
  policyId!: string;
}

@InputType({ description: "A user's or role's permissions boundary." })
export class BoundaryInput {
  @Field(() => String, { description: 'A user or role ARN.' })
  principalArn!: string;

  @Field(() => String, { nullable: true, description: 'A managed policy ARN; null removes the boundary.' })
  policyArn?: string | null;
}

@InputType({ description: 'A user and a group of the same account.' })
export class MembershipInput {
  @Field(() => String, { description: 'The IAM user ARN.' })
  userArn!: string;

  @Field(() => String, { description: 'The IAM group ARN.' })
  groupArn!: string;
}

@InputType({ description: "A role's new trust policy." })
export class TrustPolicyInput {
  @Field(() => String, { description: 'The IAM role ARN.' })
  roleArn!: string;

  @Field(() => String, { description: 'The trust policy (AssumeRolePolicyDocument), JSON text.' })
  document!: string;
}

@InputType({ description: 'One proposed IAM change; exactly one member set (else BAD_USER_INPUT).' })
export class ChangeInput {
  @Field(() => PolicyTargetInput, {
    nullable: true,
    description: 'Attach a managed policy to a user, group or role (AttachUserPolicy / AttachGroupPolicy / AttachRolePolicy).',
  })
  attachPolicy?: PolicyTargetInput | null;

  @Field(() => PolicyTargetInput, { nullable: true, description: 'Detach a managed policy from a user, group or role.' })
  detachPolicy?: PolicyTargetInput | null;

  @Field(() => PutPolicyInput, { nullable: true, description: "A managed policy's new default version, or an inline policy's document (created if absent)." })
  putPolicy?: PutPolicyInput | null;

  @Field(() => PolicyIdInput, { nullable: true, description: 'Delete a managed or an inline policy.' })
  deletePolicy?: PolicyIdInput | null;

  @Field(() => BoundaryInput, { nullable: true, description: "Set (or, with policyArn null, remove) a user's or role's permissions boundary." })
  setPermissionsBoundary?: BoundaryInput | null;

  @Field(() => MembershipInput, { nullable: true, description: 'Add a user to a group.' })
  addUserToGroup?: MembershipInput | null;

  @Field(() => MembershipInput, { nullable: true, description: 'Remove a user from a group.' })
  removeUserFromGroup?: MembershipInput | null;

  @Field(() => TrustPolicyInput, { nullable: true, description: "Replace a role's trust policy (UpdateAssumeRolePolicy)." })
  putTrustPolicy?: TrustPolicyInput | null;
}

@ObjectType({ description: 'The latest state with the proposed changes applied in memory (nothing is stored).' })
export class WhatIf {
  /** Not a field: the hypothetical state, built once and shared by the sub-fields. */
  state!: unknown;
}
