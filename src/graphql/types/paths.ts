import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from './common.js';
import { MatchedStatement } from './simulation.js';
import { Principal } from './principal.js';

export enum AccessStepKind {
  ASSUME_ROLE = 'ASSUME_ROLE',
  PASS_ROLE = 'PASS_ROLE',
  MODIFY_POLICY = 'MODIFY_POLICY',
  ADD_TO_GROUP = 'ADD_TO_GROUP',
  CREATE_CREDENTIALS = 'CREATE_CREDENTIALS',
  UPDATE_TRUST = 'UPDATE_TRUST',
  USE_WORKLOAD = 'USE_WORKLOAD',
}
registerEnumType(AccessStepKind, {
  name: 'AccessStepKind',
  description: 'How one principal becomes, or acts as, another.',
  valuesConfig: {
    ASSUME_ROLE: { description: 'sts:AssumeRole (the trust policy and the caller’s policies).' },
    PASS_ROLE: { description: 'iam:PassRole to a service (iam:PassedToService) plus the service’s create/run actions; the role trusts the service.' },
    MODIFY_POLICY: {
      description:
        'A policy change that makes the caller an administrator: iam:CreatePolicyVersion, SetDefaultPolicyVersion (an existing version), Attach*/Put*Policy on itself or its group.',
    },
    ADD_TO_GROUP: { description: 'iam:AddUserToGroup into a group whose policies make the caller an administrator.' },
    CREATE_CREDENTIALS: { description: 'iam:CreateAccessKey, CreateLoginProfile or UpdateLoginProfile on another user.' },
    UPDATE_TRUST: { description: 'iam:UpdateAssumeRolePolicy, then sts:AssumeRole under a trust policy naming the caller.' },
    USE_WORKLOAD: {
      description:
        'Running code on existing compute that acts as the role (ssm:SendCommand/StartSession, EC2 Instance Connect, lambda:UpdateFunctionCode, glue:UpdateDevEndpoint, a SageMaker presigned notebook URL, cloudformation:UpdateStack).',
    },
  },
});

@ObjectType({ description: 'One action of a step, evaluated on the resource it acts on.' })
export class StepActionResult {
  @Field(() => String, { description: 'The action, as the catalog spells it.' })
  action!: string;

  @Field(() => String, { description: 'The resource ARN it was evaluated on.' })
  resource!: string;

  @Field(() => Boolean, { description: 'true when allowed only for some values of the missing context keys.' })
  conditional!: boolean;

  @Field(() => [String], { description: 'Condition keys a matching statement referenced that the step does not supply.' })
  missingContextKeys!: string[];

  @Field(() => [MatchedStatement], { description: 'The statements that allow the action.' })
  matchedStatements!: MatchedStatement[];
}

@ObjectType({ description: 'One step of an access path: `from` becomes, or acts as, `to`; every action evaluated in full by the engine.' })
export class AccessStep {
  @Field(() => AccessStepKind, { description: 'What the step does (ASSUME_ROLE, PASS_ROLE, MODIFY_POLICY…).' })
  kind!: AccessStepKind;

  @Field(() => String, { description: 'ARN of the principal taking the step.' })
  from!: string;

  @Field(() => String, { description: 'ARN of the principal reached (the caller itself when the step makes it an administrator).' })
  to!: string;

  @Field(() => String, { nullable: true, description: 'What the step acts on when it is not `to`: the policy, group, service passed to, or workload.' })
  via!: string | null;

  @Field(() => [String], { description: 'The actions the step needs, e.g. ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"].' })
  actions!: string[];

  @Field(() => Boolean, {
    description: 'true when an action is allowed only for some values of missing context keys, or the step rests on workload state not imported.',
  })
  conditional!: boolean;

  @Field(() => [String], {
    description: 'Condition keys a matching statement referenced that the step does not supply (aws:MultiFactorAuthPresent, sts:ExternalId…).',
  })
  missingContextKeys!: string[];

  @Field(() => [String], { description: 'Workload state the step rests on that was not imported (e.g. "CREDENTIAL_REPORT of 123456789012").' })
  missingState!: string[];

  @Field(() => [MatchedStatement], { description: 'The statements that allow the step’s actions.' })
  matchedStatements!: MatchedStatement[];

  @Field(() => [StepActionResult], { description: 'Each action with the resource it was evaluated on and its own answer.' })
  actionResults!: StepActionResult[];
}

@ObjectType({ description: 'A principal that is not an administrator and can become one, with its shortest path.' })
export class Escalation {
  @Field(() => Principal, { description: 'The principal that can escalate.' })
  principal!: Principal;

  @Field(() => [AccessStep], { description: 'Its shortest path, step by step.' })
  path!: AccessStep[];

  @Field(() => String, { description: 'ARN of the administrator reached, or the principal’s own ARN when it makes itself one.' })
  reaches!: string;

  @Field(() => Boolean, { description: 'true when a step is conditional.' })
  conditional!: boolean;
}

@ObjectType({ description: 'One escalation of a page, with its cursor.' })
export class EscalationEdge {
  @Field(() => String, { description: 'Opaque cursor of this entry: give it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Escalation, { description: 'The entry.' })
  node!: Escalation;
}

@ObjectType({ description: 'A page of escalations, ordered by principal ARN (Relay cursor connection).' })
export class EscalationConnection {
  @Field(() => Int, { description: 'How many principals can escalate in all, whatever the page.' })
  totalCount!: number;

  @Field(() => [EscalationEdge], { description: 'The entries of this page.' })
  edges!: EscalationEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits: hasNextPage, endCursor…' })
  pageInfo!: PageInfo;

  @Field(() => Boolean, { description: 'true when the search hit its bounds (max depth 8 steps, 50,000 principals expanded): longer paths were not followed.' })
  truncated!: boolean;
}

@ObjectType({ description: 'A role reachable through sts:AssumeRole chains.' })
export class ReachableRole {
  @Field(() => Principal, { description: 'The role reached.' })
  role!: Principal;

  @Field(() => [AccessStep], { description: 'The shortest sts:AssumeRole chain to it.' })
  path!: AccessStep[];
}

@ObjectType({ description: 'One reachable role of a page, with its cursor.' })
export class ReachableRoleEdge {
  @Field(() => String, { description: 'Opaque cursor of this entry: give it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => ReachableRole, { description: 'The entry.' })
  node!: ReachableRole;
}

@ObjectType({ description: 'A page of reachable roles, ordered by role ARN (Relay cursor connection).' })
export class ReachableRoleConnection {
  @Field(() => Int, { description: 'How many roles are reachable in all, whatever the page.' })
  totalCount!: number;

  @Field(() => [ReachableRoleEdge], { description: 'The entries of this page.' })
  edges!: ReachableRoleEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits: hasNextPage, endCursor…' })
  pageInfo!: PageInfo;
}
