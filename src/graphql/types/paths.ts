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
  @Field(() => String)
  action!: string;

  @Field(() => String)
  resource!: string;

  @Field(() => Boolean)
  conditional!: boolean;

  @Field(() => [String])
  missingContextKeys!: string[];

  @Field(() => [MatchedStatement])
  matchedStatements!: MatchedStatement[];
}

@ObjectType({ description: 'One step of an access path: `from` becomes, or acts as, `to`; every action evaluated in full by the engine.' })
export class AccessStep {
  @Field(() => AccessStepKind)
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

  @Field(() => [String])
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
  @Field(() => Principal)
  principal!: Principal;

  @Field(() => [AccessStep])
  path!: AccessStep[];

  @Field(() => String, { description: 'ARN of the administrator reached, or the principal’s own ARN when it makes itself one.' })
  reaches!: string;

  @Field(() => Boolean)
  conditional!: boolean;
}

@ObjectType()
export class EscalationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Escalation)
  node!: Escalation;
}

@ObjectType()
export class EscalationConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [EscalationEdge])
  edges!: EscalationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Boolean, { description: 'true when the search hit its bounds (max depth 8 steps, 50,000 principals expanded): longer paths were not followed.' })
  truncated!: boolean;
}

@ObjectType({ description: 'A role reachable through sts:AssumeRole chains.' })
export class ReachableRole {
  @Field(() => Principal)
  role!: Principal;

  @Field(() => [AccessStep])
  path!: AccessStep[];
}

@ObjectType()
export class ReachableRoleEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ReachableRole)
  node!: ReachableRole;
}

@ObjectType()
export class ReachableRoleConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [ReachableRoleEdge])
  edges!: ReachableRoleEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
