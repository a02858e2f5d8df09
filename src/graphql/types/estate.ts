import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Node, connection } from './common.js';

export enum OrganizationPolicyType {
  SERVICE_CONTROL_POLICY = 'SERVICE_CONTROL_POLICY',
  RESOURCE_CONTROL_POLICY = 'RESOURCE_CONTROL_POLICY',
}
registerEnumType(OrganizationPolicyType, { name: 'OrganizationPolicyType', description: 'The Organizations policy types this store evaluates.' });

export enum OrganizationTargetType {
  ROOT = 'ROOT',
  ORGANIZATIONAL_UNIT = 'ORGANIZATIONAL_UNIT',
  ACCOUNT = 'ACCOUNT',
}
registerEnumType(OrganizationTargetType, { name: 'OrganizationTargetType', description: 'What a policy is attached to (list-targets-for-policy TargetType).' });

@ObjectType({ description: 'A policy type enabled or not on a root (list-roots PolicyTypes).' })
export class OrganizationPolicyTypeSummary {
  @Field(() => String, { description: 'SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY, TAG_POLICY…' }) type!: string;
  @Field(() => String, { nullable: true, description: 'ENABLED, PENDING_ENABLE or PENDING_DISABLE.' }) status?: string | null;
}

@ObjectType({ description: 'The root of the organization (list-roots).', implements: Node })
export class OrganizationRoot {
  @Field(() => ID, { description: 'The root id (r-…), also its global id.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'The root ARN.' }) arn?: string | null;
  @Field(() => String, { nullable: true, description: 'Its name (Root).' }) name?: string | null;
  @Field(() => [OrganizationPolicyTypeSummary], { nullable: true, description: 'null when the imported document did not say.' })
  policyTypes?: OrganizationPolicyTypeSummary[] | null;
}

@ObjectType({ description: 'An organizational unit (list-organizational-units-for-parent), with its parent.', implements: Node })
export class OrganizationalUnit {
  @Field(() => ID, { description: 'The OU id (ou-…), also its global id.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'The OU ARN.' }) arn?: string | null;
  @Field(() => String, { nullable: true, description: 'The OU name.' }) name?: string | null;
  @Field(() => String, { description: 'A root or OU id.' }) parentId!: string;
  @Field(() => String, { description: 'Organization path of the OU itself: `o-…/r-…/ou-…/`.' }) path!: string;
}

@ObjectType({ description: 'A root, OU or account a policy is attached to.' })
export class OrganizationPolicyTarget {
  @Field(() => String, { description: 'The root, OU or account id.' }) targetId!: string;
  @Field(() => OrganizationTargetType, { nullable: true, description: 'ROOT, ORGANIZATIONAL_UNIT or ACCOUNT; null when the document did not say.' })
  type?: OrganizationTargetType | null;
  @Field(() => String, { nullable: true, description: 'Its name.' }) name?: string | null;
}

@ObjectType({ description: 'An SCP or RCP (describe-policy), with its targets (list-targets-for-policy).', implements: Node })
export class OrganizationPolicy {
  @Field(() => ID, { description: 'The policy id (p-…), also its global id.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'The policy ARN.' }) arn?: string | null;
  @Field(() => String, { description: 'The policy name (FullAWSAccess…).' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Its description.' }) description?: string | null;
  @Field(() => OrganizationPolicyType, { description: 'SCP or RCP.' }) type!: OrganizationPolicyType;
  @Field(() => Boolean, { description: 'Whether AWS manages it (FullAWSAccess, RCPFullAWSAccess).' }) awsManaged!: boolean;
  @Field(() => String, { description: 'The policy document text (Content).' }) content!: string;
  @Field(() => [OrganizationPolicyTarget], { description: 'Where it is attached.' }) targets!: OrganizationPolicyTarget[];
}

@ObjectType({ description: 'The root or OU an account sits directly under.' })
export class OrganizationParent {
  @Field(() => String, { description: 'The root or OU id.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Its name.' }) name?: string | null;
  @Field(() => OrganizationTargetType, { description: 'ROOT or ORGANIZATIONAL_UNIT.' }) type!: OrganizationTargetType;
}

@ObjectType({
  description: 'An AWS account of the estate: listed by the organization, or whose IAM state or resources were imported.',
  implements: Node,
})
export class Account {
  @Field(() => ID, { description: 'The 12-digit account id, also its global id.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'From the organization document.' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'The account email, from the organization document.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'ACTIVE, SUSPENDED… (list-accounts-for-parent Status).' }) status?: string | null;
  @Field(() => String, { nullable: true, description: 'The account ARN in the organization.' }) arn?: string | null;
  @Field(() => String, { nullable: true, description: 'INVITED or CREATED.' }) joinedMethod?: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it joined the organization.' }) joinedTimestamp?: Date | null;
  @Field(() => String, { nullable: true, description: 'The root or OU it sits under; null outside the organization.' }) parentId?: string | null;
  @Field(() => OrganizationParent, { nullable: true, description: 'The root or OU it sits under, with its name; null outside the organization.' })
  parent?: OrganizationParent | null;
  @Field(() => String, { nullable: true, description: '`o-…/r-…/ou-…/` (aws:PrincipalOrgPaths); null outside the organization.' }) organizationPath?:
    string | null;
  @Field(() => Boolean, { description: 'Whether the imported organization lists it.' }) inOrganization!: boolean;
  @Field(() => Boolean, { description: "Whether it is the organization's management account (SCPs do not restrict its principals)." })
  isManagementAccount!: boolean;
  @Field(() => Int, { description: 'Stored users and roles of the account.' }) principalsCount!: number;
  @Field(() => Int, { description: 'Stored users of the account.' }) usersCount!: number;
  @Field(() => Int, { description: 'Stored roles of the account.' }) rolesCount!: number;
  @Field(() => Int, { description: 'Stored resource-based policies of resources it owns (trust policies not counted).' }) resourcePoliciesCount!: number;
  @Field(() => Boolean, { description: 'Whether its IAM state (get-account-authorization-details) was imported.' }) iamImported!: boolean;
}

@ObjectType({ description: 'The imported AWS Organizations organization.', implements: Node })
export class Organization {
  @Field(() => ID, { description: 'The organization id (o-…), also its global id.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'The organization ARN.' }) arn?: string | null;
  @Field(() => String, { nullable: true, description: 'ALL or CONSOLIDATED_BILLING: SCPs and RCPs apply only with ALL.' }) featureSet?: string | null;
  @Field(() => String, { description: 'The management account id (MasterAccountId).' }) managementAccountId!: string;
  @Field(() => String, { nullable: true, description: 'The management account email.' }) managementAccountEmail?: string | null;
  @Field(() => [OrganizationRoot], { description: 'Its root (one).' }) roots!: OrganizationRoot[];
  @Field(() => [OrganizationalUnit], { description: 'Every OU, each with its parent and path.' }) organizationalUnits!: OrganizationalUnit[];
  @Field(() => [Account], { description: 'Every account it lists.' }) accounts!: Account[];
  @Field(() => [OrganizationPolicy], { description: 'Its SCPs and RCPs with their targets.' }) policies!: OrganizationPolicy[];
}

export const AccountConnection = connection('Account', () => Account);
export type AccountConnection = InstanceType<typeof AccountConnection>;
