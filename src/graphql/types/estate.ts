import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connection } from './common.js';

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
  @Field(() => String) type!: string;
  @Field(() => String, { nullable: true }) status?: string | null;
}

@ObjectType({ description: 'The root of the organization (list-roots).' })
export class OrganizationRoot {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) arn?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [OrganizationPolicyTypeSummary], { nullable: true, description: 'null when the imported document did not say.' })
  policyTypes?: OrganizationPolicyTypeSummary[] | null;
}

@ObjectType({ description: 'An organizational unit (list-organizational-units-for-parent), with its parent.' })
export class OrganizationalUnit {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) arn?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { description: 'A root or OU id.' }) parentId!: string;
  @Field(() => String, { description: 'Organization path of the OU itself: `o-…/r-…/ou-…/`.' }) path!: string;
}

@ObjectType({ description: 'A root, OU or account a policy is attached to.' })
export class OrganizationPolicyTarget {
  @Field(() => String) targetId!: string;
  @Field(() => OrganizationTargetType, { nullable: true }) type?: OrganizationTargetType | null;
  @Field(() => String, { nullable: true }) name?: string | null;
}

@ObjectType({ description: 'An SCP or RCP (describe-policy), with its targets (list-targets-for-policy).' })
export class OrganizationPolicy {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) arn?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => OrganizationPolicyType) type!: OrganizationPolicyType;
  @Field(() => Boolean) awsManaged!: boolean;
  @Field(() => String, { description: 'The policy document text (Content).' }) content!: string;
  @Field(() => [OrganizationPolicyTarget]) targets!: OrganizationPolicyTarget[];
}

@ObjectType({ description: 'The root or OU an account sits directly under.' })
export class OrganizationParent {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => OrganizationTargetType, { description: 'ROOT or ORGANIZATIONAL_UNIT.' }) type!: OrganizationTargetType;
}

@ObjectType({ description: 'An AWS account of the estate: listed by the organization, or whose IAM state or resources were imported.' })
export class Account {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true, description: 'From the organization document.' }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'ACTIVE, SUSPENDED… (list-accounts-for-parent Status).' }) status?: string | null;
  @Field(() => String, { nullable: true }) arn?: string | null;
  @Field(() => String, { nullable: true }) joinedMethod?: string | null;
  @Field(() => String, { nullable: true }) joinedTimestamp?: string | null;
  @Field(() => String, { nullable: true, description: 'The root or OU it sits under; null outside the organization.' }) parentId?: string | null;
  @Field(() => OrganizationParent, { nullable: true, description: 'The root or OU it sits under, with its name; null outside the organization.' })
  parent?: OrganizationParent | null;
  @Field(() => String, { nullable: true, description: '`o-…/r-…/ou-…/` (aws:PrincipalOrgPaths); null outside the organization.' }) organizationPath?:
    string | null;
  @Field(() => Boolean) inOrganization!: boolean;
  @Field(() => Boolean) isManagementAccount!: boolean;
  @Field(() => Int, { description: 'Stored users and roles of the account.' }) principalsCount!: number;
  @Field(() => Int) usersCount!: number;
  @Field(() => Int) rolesCount!: number;
  @Field(() => Int, { description: 'Stored resource-based policies of resources it owns (trust policies not counted).' }) resourcePoliciesCount!: number;
  @Field(() => Boolean, { description: 'Whether its IAM state (get-account-authorization-details) was imported.' }) iamImported!: boolean;
}

@ObjectType({ description: 'The imported AWS Organizations organization.' })
export class Organization {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) arn?: string | null;
  @Field(() => String, { nullable: true, description: 'ALL or CONSOLIDATED_BILLING: SCPs and RCPs apply only with ALL.' }) featureSet?: string | null;
  @Field(() => String) managementAccountId!: string;
  @Field(() => String, { nullable: true }) managementAccountEmail?: string | null;
  @Field(() => [OrganizationRoot]) roots!: OrganizationRoot[];
  @Field(() => [OrganizationalUnit]) organizationalUnits!: OrganizationalUnit[];
  @Field(() => [Account]) accounts!: Account[];
  @Field(() => [OrganizationPolicy]) policies!: OrganizationPolicy[];
}

export const AccountConnection = connection('Account', () => Account);
export type AccountConnection = InstanceType<typeof AccountConnection>;
