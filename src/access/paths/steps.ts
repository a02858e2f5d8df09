/**
 * The steps of an access path: "P can become, or act as, Q". Each step names the actions it needs;
 * each action is evaluated by the engine (through the AccessIndex) on the resource it acts on.
 *
 * The catalogue follows pathfinding.cloud's and iam-vulnerable's (Bishop Fox) lists of IAM
 * privilege escalation paths, and each service's own documents for what the service needs:
 *  - ASSUME_ROLE: sts:AssumeRole on the role ("IAM roles": the trust policy and the caller's
 *    policies, same- and cross-account per "Cross-account policy evaluation logic").
 *  - MODIFY_POLICY: iam:CreatePolicyVersion (with --set-as-default) / iam:SetDefaultPolicyVersion
 *    (an existing non-default version) on a managed policy attached to the principal or its group;
 *    iam:Attach{User,Group,Role}Policy (AdministratorAccess, `iam:PolicyARN` in the context);
 *    iam:Put{User,Group,Role}Policy (iam-vulnerable privesc1, 2, 6–11).
 *  - ADD_TO_GROUP: iam:AddUserToGroup on a group whose policies make the user an administrator
 *    (iam-vulnerable privesc12).
 *  - UPDATE_TRUST: iam:UpdateAssumeRolePolicy then sts:AssumeRole under a trust policy naming the
 *    caller (iam-vulnerable privesc14).
 *  - CREATE_CREDENTIALS: iam:CreateAccessKey / iam:CreateLoginProfile / iam:UpdateLoginProfile on
 *    another user (iam-vulnerable privesc4, 5, 6).
 *  - PASS_ROLE: iam:PassRole with `iam:PassedToService` set to the service ("IAM condition context
 *    keys": iam:PassedToService) plus the service's create/run actions, on a role whose trust
 *    policy lets that service assume it (iam-vulnerable privesc15–19; pathfinding.cloud ec2-001,
 *    lambda-001/002, glue-001, cloudformation-001, codebuild-001, sagemaker-001/002/003,
 *    datapipeline-001, ecs-001).
 *  - USE_WORKLOAD: an action on existing compute that runs as the role (SSM, EC2 Instance
 *    Connect, lambda:UpdateFunctionCode, glue:UpdateDevEndpoint, a SageMaker presigned notebook
 *    URL, cloudformation:UpdateStack with the stack's service role: "AWS CloudFormation service
 *    role": users who can operate on the stack use the role without iam:PassRole).
 */
import type { MatchedStatement } from '../../engine/types.js';
import type { WorkloadKind } from '../../store/workload-model.js';

export type AccessStepKind = 'ASSUME_ROLE' | 'PASS_ROLE' | 'MODIFY_POLICY' | 'ADD_TO_GROUP' | 'CREATE_CREDENTIALS' | 'UPDATE_TRUST' | 'USE_WORKLOAD';

export const ACCESS_STEP_KINDS: readonly AccessStepKind[] = [
  'ASSUME_ROLE',
  'PASS_ROLE',
  'MODIFY_POLICY',
  'ADD_TO_GROUP',
  'CREATE_CREDENTIALS',
  'UPDATE_TRUST',
  'USE_WORKLOAD',
];

/** One action of a step: evaluated on `resource`, with its answer. */
export interface StepAction {
  action: string;
  resource: string;
  conditional: boolean;
  missingContextKeys: string[];
  matchedStatements: MatchedStatement[];
}

export interface AccessStep {
  kind: AccessStepKind;
  /** The principal taking the step. */
  from: string;
  /** The principal it becomes or acts as (for a step that empowers the caller itself: the caller). */
  to: string;
  /** The object acted on when it is not `to`: the policy, group, role passed, function… */
  via: string | null;
  actions: StepAction[];
  /** True when an action is allowed only for some values of missing context keys, or the step rests on state not imported. */
  conditional: boolean;
  missingContextKeys: string[];
  /** Workload state the step rests on that was not imported (e.g. `CREDENTIAL_REPORT of 123456789012`). */
  missingState: string[];
  /** After this step `to` is an administrator (a policy written for it, a group joined…). */
  empowers: boolean;
}

/**
 * A step whose explanation (statements, missing keys) is built on first read: the search needs
 * only who can take it and whether it is conditional, and most edges are never shown.
 */
class Step implements AccessStep {
  private forced = false;
  private known: boolean | undefined;
  private keys: string[] | undefined;
  constructor(
    readonly kind: AccessStepKind,
    readonly from: string,
    readonly to: string,
    readonly via: string | null,
    readonly actions: StepAction[],
    readonly missingState: string[],
    readonly empowers: boolean,
  ) {}
  /** Read lazily: an action's answer is built only when a search needs it. */
  get conditional(): boolean {
    return this.forced || (this.known ??= this.missingState.length > 0 || this.actions.some((a) => a.conditional));
  }
  set conditional(value: boolean) {
    this.forced = value;
  }
  get missingContextKeys(): string[] {
    if (this.keys === undefined) {
      const keys = new Set<string>();
      for (const a of this.actions) for (const k of a.missingContextKeys) keys.add(k);
      this.keys = [...keys];
    }
    return this.keys;
  }
}

export function makeStep(
  kind: AccessStepKind,
  from: string,
  to: string,
  via: string | null,
  actions: StepAction[],
  options: { missingState?: string[]; empowers?: boolean } = {},
): AccessStep {
  return new Step(kind, from, to, via, actions, options.missingState ?? [], options.empowers ?? false);
}

/** The statements a step rests on, each once, in action order. */
export function stepStatements(step: AccessStep): MatchedStatement[] {
  const seen = new Set<string>();
  const out: MatchedStatement[] = [];
  for (const a of step.actions) {
    for (const s of a.matchedStatements) {
      const key = `${s.policyName}\u0000${s.sid ?? ''}\u0000${s.line ?? ''}\u0000${s.column ?? ''}\u0000${s.effect}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}

/** A resource an action of a recipe acts on; `{account}` / `{region}` / `{role}` are filled in. */
export interface RecipeAction {
  action: string;
  resource: string;
}

/**
 * Passing a role to a service and having the service run the caller's code as it. The new
 * resource's name is `accessql-path` (a policy restricting names to a prefix may still allow
 * another name: such a grant is not found — a miss, never a false path).
 */
export interface PassRoleRecipe {
  /** The service principal the role must trust and iam:PassedToService names. */
  service: string;
  /** pathfinding.cloud / iam-vulnerable id of the path. */
  source: string;
  actions: RecipeAction[];
  /** EC2 runs a role only through an instance profile (IAM User Guide, "Using instance profiles"). */
  needsInstanceProfile?: boolean;
}

const NEW = 'accessql-path';
export const DEFAULT_REGION = 'us-east-1';

export const PASS_ROLE_RECIPES: readonly PassRoleRecipe[] = [
  {
    service: 'ec2.amazonaws.com',
    source: 'iam-vulnerable privesc3 / pathfinding.cloud ec2-001',
    actions: [{ action: 'ec2:RunInstances', resource: 'arn:aws:ec2:{region}:{account}:instance/*' }],
    needsInstanceProfile: true,
  },
  {
    service: 'lambda.amazonaws.com',
    source: 'iam-vulnerable privesc15 / pathfinding.cloud lambda-001',
    actions: [
      { action: 'lambda:CreateFunction', resource: `arn:aws:lambda:{region}:{account}:function:${NEW}` },
      { action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:{region}:{account}:function:${NEW}` },
    ],
  },
  {
    service: 'lambda.amazonaws.com',
    source: 'iam-vulnerable privesc16 / pathfinding.cloud lambda-002',
    actions: [
      { action: 'lambda:CreateFunction', resource: `arn:aws:lambda:{region}:{account}:function:${NEW}` },
      { action: 'lambda:CreateEventSourceMapping', resource: `arn:aws:lambda:{region}:{account}:event-source-mapping:*` },
    ],
  },
  {
    service: 'glue.amazonaws.com',
    source: 'iam-vulnerable privesc19 / pathfinding.cloud glue-001',
    actions: [{ action: 'glue:CreateDevEndpoint', resource: `arn:aws:glue:{region}:{account}:devEndpoint/${NEW}` }],
  },
  {
    service: 'cloudformation.amazonaws.com',
    source: 'iam-vulnerable privesc17 / pathfinding.cloud cloudformation-001',
    actions: [{ action: 'cloudformation:CreateStack', resource: `arn:aws:cloudformation:{region}:{account}:stack/${NEW}/*` }],
  },
  {
    service: 'codebuild.amazonaws.com',
    source: 'pathfinding.cloud codebuild-001',
    actions: [
      { action: 'codebuild:CreateProject', resource: `arn:aws:codebuild:{region}:{account}:project/${NEW}` },
      { action: 'codebuild:StartBuild', resource: `arn:aws:codebuild:{region}:{account}:project/${NEW}` },
    ],
  },
  {
    service: 'sagemaker.amazonaws.com',
    source: 'pathfinding.cloud sagemaker-001',
    actions: [
      { action: 'sagemaker:CreateNotebookInstance', resource: `arn:aws:sagemaker:{region}:{account}:notebook-instance/${NEW}` },
      { action: 'sagemaker:CreatePresignedNotebookInstanceUrl', resource: `arn:aws:sagemaker:{region}:{account}:notebook-instance/${NEW}` },
    ],
  },
  {
    service: 'sagemaker.amazonaws.com',
    source: 'pathfinding.cloud sagemaker-002',
    actions: [{ action: 'sagemaker:CreateTrainingJob', resource: `arn:aws:sagemaker:{region}:{account}:training-job/${NEW}` }],
  },
  {
    service: 'sagemaker.amazonaws.com',
    source: 'pathfinding.cloud sagemaker-003',
    actions: [{ action: 'sagemaker:CreateProcessingJob', resource: `arn:aws:sagemaker:{region}:{account}:processing-job/${NEW}` }],
  },
  {
    service: 'datapipeline.amazonaws.com',
    source: 'iam-vulnerable privesc18 / pathfinding.cloud datapipeline-001',
    actions: [
      { action: 'datapipeline:CreatePipeline', resource: '*' },
      { action: 'datapipeline:PutPipelineDefinition', resource: `arn:aws:datapipeline:{region}:{account}:pipeline/*` },
      { action: 'datapipeline:ActivatePipeline', resource: `arn:aws:datapipeline:{region}:{account}:pipeline/*` },
    ],
  },
  {
    service: 'ecs-tasks.amazonaws.com',
    source: 'pathfinding.cloud ecs-001',
    actions: [
      { action: 'ecs:RegisterTaskDefinition', resource: '*' },
      { action: 'ecs:RunTask', resource: `arn:aws:ecs:{region}:{account}:task-definition/${NEW}:*` },
    ],
  },
];

/** Actions on existing compute that run code as its role (pathfinding.cloud ssm-001/002, ec2-instance-connect, lambda-003, glue-002, sagemaker-004, cloudformation-002). */
export const WORKLOAD_ACTIONS: Readonly<Record<WorkloadKind, readonly string[][]>> = {
  EC2_INSTANCE: [['ssm:SendCommand'], ['ssm:StartSession'], ['ec2-instance-connect:SendSSHPublicKey']],
  LAMBDA_FUNCTION: [['lambda:UpdateFunctionCode']],
  GLUE_DEV_ENDPOINT: [['glue:UpdateDevEndpoint']],
  SAGEMAKER_NOTEBOOK: [['sagemaker:CreatePresignedNotebookInstanceUrl']],
  CLOUDFORMATION_STACK: [['cloudformation:UpdateStack']],
};

/** The service principal whose roles each workload kind runs as (for workloads not imported). */
export const WORKLOAD_SERVICE: Readonly<Record<WorkloadKind, string>> = {
  EC2_INSTANCE: 'ec2.amazonaws.com',
  LAMBDA_FUNCTION: 'lambda.amazonaws.com',
  GLUE_DEV_ENDPOINT: 'glue.amazonaws.com',
  SAGEMAKER_NOTEBOOK: 'sagemaker.amazonaws.com',
  CLOUDFORMATION_STACK: 'cloudformation.amazonaws.com',
};

export const WORKLOAD_SOURCE = {
  EC2_INSTANCE: 'EC2_INSTANCES',
  LAMBDA_FUNCTION: 'LAMBDA_FUNCTIONS',
  GLUE_DEV_ENDPOINT: 'GLUE_DEV_ENDPOINTS',
  SAGEMAKER_NOTEBOOK: 'SAGEMAKER_NOTEBOOKS',
  CLOUDFORMATION_STACK: 'CLOUDFORMATION_STACKS',
} as const;

/** A workload of the kind whose ARN is not known (not imported): the pattern its actions are asked on. */
export function anyWorkloadArn(kind: WorkloadKind, account: string): string {
  switch (kind) {
    case 'EC2_INSTANCE':
      return `arn:aws:ec2:${DEFAULT_REGION}:${account}:instance/*`;
    case 'LAMBDA_FUNCTION':
      return `arn:aws:lambda:${DEFAULT_REGION}:${account}:function:*`;
    case 'GLUE_DEV_ENDPOINT':
      return `arn:aws:glue:${DEFAULT_REGION}:${account}:devEndpoint/*`;
    case 'SAGEMAKER_NOTEBOOK':
      return `arn:aws:sagemaker:${DEFAULT_REGION}:${account}:notebook-instance/*`;
    case 'CLOUDFORMATION_STACK':
      return `arn:aws:cloudformation:${DEFAULT_REGION}:${account}:stack/*`;
  }
}

export function fill(template: string, account: string, region = DEFAULT_REGION): string {
  return template.replaceAll('{account}', account).replaceAll('{region}', region);
}
