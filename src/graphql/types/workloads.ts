import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, connection } from './common.js';

export enum WorkloadKind {
  EC2_INSTANCE = 'EC2_INSTANCE',
  LAMBDA_FUNCTION = 'LAMBDA_FUNCTION',
  GLUE_DEV_ENDPOINT = 'GLUE_DEV_ENDPOINT',
  SAGEMAKER_NOTEBOOK = 'SAGEMAKER_NOTEBOOK',
  CLOUDFORMATION_STACK = 'CLOUDFORMATION_STACK',
}
registerEnumType(WorkloadKind, { name: 'WorkloadKind', description: 'A kind of compute that runs as a role.' });

export enum WorkloadSource {
  CREDENTIAL_REPORT = 'CREDENTIAL_REPORT',
  EC2_INSTANCES = 'EC2_INSTANCES',
  LAMBDA_FUNCTIONS = 'LAMBDA_FUNCTIONS',
  GLUE_DEV_ENDPOINTS = 'GLUE_DEV_ENDPOINTS',
  SAGEMAKER_NOTEBOOKS = 'SAGEMAKER_NOTEBOOKS',
  CLOUDFORMATION_STACKS = 'CLOUDFORMATION_STACKS',
}
registerEnumType(WorkloadSource, {
  name: 'WorkloadSource',
  description:
    'An AWS CLI output of workload state: `aws iam get-credential-report`, `aws ec2 describe-instances`, `aws lambda list-functions`, `aws glue get-dev-endpoints`, `aws sagemaker describe-notebook-instance`, `aws cloudformation describe-stacks`.',
});

@ObjectType({ description: 'A piece of compute and the role it runs as, from imported workload state.', implements: Node })
export class Workload {
  @Field(() => WorkloadKind, { description: 'EC2 instance, Lambda function, Glue dev endpoint, SageMaker notebook or CloudFormation stack.' })
  kind!: WorkloadKind;
  @Field(() => String, {
    description:
      "The workload's ARN. EC2 instances and Glue dev endpoints have none in the CLI output: built as arn:aws:ec2:REGION:ACCOUNT:instance/ID and arn:aws:glue:REGION:ACCOUNT:devEndpoint/NAME (region empty when the output gives no Availability Zone).",
  })
  arn!: string;
  @Field(() => String, { description: 'Its account.' }) accountId!: string;
  @Field(() => String, { nullable: true, description: 'Null when the output does not say (a Glue dev endpoint without AvailabilityZone).' })
  region?: string | null;
  @Field(() => String, { description: 'Function, endpoint, notebook or stack name; the instance id for EC2.' }) name!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The role it runs as (a stack's service role for CloudFormation). EC2: the role of the instance profile, resolved through the imported roles' instance profiles; null when no imported role holds it.",
  })
  roleArn?: string | null;
  @Field(() => String, { nullable: true, description: 'EC2 only: the instance profile describe-instances names.' }) instanceProfileArn?: string | null;
  @Field(() => String, { nullable: true, description: 'As AWS prints it: running, InService, READY, CREATE_COMPLETE…' }) state?: string | null;
  @Field(() => Int, { description: 'The import that stored it.' }) snapshotId!: number;
}

export const WorkloadConnection = connection('Workload', () => Workload);
export type WorkloadConnection = InstanceType<typeof WorkloadConnection>;

@ObjectType({ description: "A user's row of the imported credential report (`aws iam get-credential-report`)." })
export class Credentials {
  @Field(() => Boolean, { description: 'password_enabled: the user has a console password.' }) passwordEnabled!: boolean;
  @Field(() => String, { nullable: true, description: 'password_last_used as the report says it (a date, or no_information); null for N/A.' })
  passwordLastUsed?: string | null;
  @Field(() => String, { nullable: true, description: 'password_last_changed as the report says it; null for N/A.' }) passwordLastChanged?: string | null;
  @Field(() => Boolean, { description: 'mfa_active.' }) mfaActive!: boolean;
  @Field(() => Int, { description: 'How many of access_key_1_active and access_key_2_active are true.' }) activeAccessKeys!: number;
  @Field(() => Boolean, { description: 'access_key_1_active.' }) accessKey1Active!: boolean;
  @Field(() => String, { nullable: true, description: 'access_key_1_last_used_date as the report says it; null for N/A.' }) accessKey1LastUsedDate?:
    string | null;
  @Field(() => Boolean, { description: 'access_key_2_active.' }) accessKey2Active!: boolean;
  @Field(() => String, { nullable: true, description: 'access_key_2_last_used_date as the report says it; null for N/A.' }) accessKey2LastUsedDate?:
    string | null;
  @Field(() => String, { nullable: true, description: "The report's GeneratedTime, when the imported output gave it." }) reportGeneratedTime?: string | null;
  @Field(() => Int, { description: 'The import that stored it.' }) snapshotId!: number;
}

@ObjectType({ description: 'A workload state source imported for an account (a source not listed is unknown for that account, not empty).' })
export class WorkloadSourceImport {
  @Field(() => String, { description: 'The account.' }) accountId!: string;
  @Field(() => WorkloadSource, { description: 'The CLI output imported.' }) source!: WorkloadSource;
  @Field(() => Int, { description: "The import that last replaced the account's rows of this source." }) snapshotId!: number;
  @Field(() => String, { nullable: true, description: "The credential report's GeneratedTime." }) generatedTime?: string | null;
}
