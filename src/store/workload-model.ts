/**
 * Workload state: which users have console passwords and access keys, and which compute runs as
 * which role. It comes from AWS CLI outputs (the credential report, `ec2 describe-instances`,
 * `lambda list-functions`, `glue get-dev-endpoints`, `sagemaker describe-notebook-instance`,
 * `cloudformation describe-stacks`) and lets access paths tell a step that needs existing state
 * (a function running as a role, a user without a password) apart: definite when the state was
 * imported for the account, conditional when it was not.
 *
 * The shape is shared by the importers (which fill it) and the path search (which reads it);
 * keep it a plain data model with no I/O so tests can build one by hand.
 */

/** The kinds of state an import can supply, per account. */
export type WorkloadSource =
  'CREDENTIAL_REPORT' | 'EC2_INSTANCES' | 'LAMBDA_FUNCTIONS' | 'GLUE_DEV_ENDPOINTS' | 'SAGEMAKER_NOTEBOOKS' | 'CLOUDFORMATION_STACKS';

export type WorkloadKind = 'EC2_INSTANCE' | 'LAMBDA_FUNCTION' | 'GLUE_DEV_ENDPOINT' | 'SAGEMAKER_NOTEBOOK' | 'CLOUDFORMATION_STACK';

/** A running piece of compute and the role it acts as. */
export interface Workload {
  kind: WorkloadKind;
  /** The workload's own ARN (an EC2 instance ARN is built from region, account and instance id). */
  arn: string;
  accountId: string;
  region: string | null;
  name: string;
  /**
   * The role its code runs as (a stack's service role for CloudFormation); resolved through the
   * stored roles' instance profiles for EC2. Null when it has none or it could not be resolved.
   */
  roleArn: string | null;
  /** EC2 only: the instance profile as describe-instances names it. */
  instanceProfileArn?: string;
  /** As AWS prints it (`running`, `InService`, `READY`, `CREATE_COMPLETE`…), when given. */
  state?: string;
}

/** One credential report row. */
export interface CredentialFacts {
  userArn: string;
  passwordEnabled: boolean;
  /** Access keys whose `access_key_N_active` is true (IAM allows two per user). */
  activeAccessKeys: number;
  mfaActive: boolean;
  /**
   * Keys the report shows at all: active, or inactive with an `access_key_N_last_rotated` date.
   * IAM's quota of two access keys per user counts inactive keys too ("IAM and AWS STS quotas"),
   * and the report may print N/A for an inactive key's date, so this is a lower bound (never
   * below activeAccessKeys). Optional: hand-built states may leave it out.
   */
  accessKeys?: number;
}

export interface WorkloadState {
  /** Account id → the sources imported for it. A source not listed means: unknown for that account. */
  imported: Map<string, Set<WorkloadSource>>;
  /** User ARN → its credential report row. */
  credentials: Map<string, CredentialFacts>;
  workloads: Workload[];
  /**
   * Account id → the credential report's root user row (`<root_account>`: not an IAM user, so not
   * in `credentials`). Its passwordEnabled is false: the report says `not_supported` for root.
   * Optional: hand-built states may leave it out.
   */
  rootCredentials?: Map<string, CredentialFacts>;
}

export function emptyWorkloadState(): WorkloadState {
  return { imported: new Map(), credentials: new Map(), workloads: [] };
}

/** Whether `source` was imported for `accountId` (steps that need it are definite only then). */
export function knows(state: WorkloadState, accountId: string, source: WorkloadSource): boolean {
  return state.imported.get(accountId)?.has(source) ?? false;
}
