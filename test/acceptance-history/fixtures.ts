/**
 * An estate written as the AWS CLI prints it, built from a small mutable description so that a
 * sequence of snapshots can each differ from the base by one IAM API call (the change kinds of
 * issue 15). Every file is what the collector would save:
 * - `aws iam get-account-authorization-details` for the member account 111122223333 and the
 *   management account 999900001111 (policy documents as JSON objects, as the CLI prints them);
 * - the organization document (contract "Import formats": describe-organization, list-roots,
 *   list-organizational-units-for-parent, list-accounts-for-parent, describe-policy + list-targets-for-policy);
 * - `aws resourcegroupstaggingapi get-resources` for the member account;
 * - the resource policies document (`aws s3api get-bucket-policy` → Policy, as JSON text).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const A = '111122223333';
export const M = '999900001111';
export const IAM = `arn:aws:iam::${A}:`;
export const ALICE = `${IAM}user/alice`;
export const BOB = `${IAM}user/bob`;
export const CAROL = `${IAM}user/carol`;
export const ERIN = `${IAM}user/erin`;
export const DEPLOY = `${IAM}role/DeployRole`;
export const OPS = `${IAM}role/OpsRole`;
export const BACKUP = `${IAM}role/BackupRole`;
export const OPS_ADMIN = `arn:aws:iam::${M}:user/ops-admin`;
export const DEVS = `${IAM}group/Devs`;
export const DEV_READ = `${IAM}policy/DevRead`;
export const AUDITOR = `${IAM}policy/Auditor`;
export const S3_ONLY = `${IAM}policy/boundaries/S3OnlyBoundary`;
export const EC2_DESCRIBE = `${IAM}policy/boundaries/Ec2DescribeBoundary`;
export const DATA = 'arn:aws:s3:::acme-data/*';
export const SHARED = 'arn:aws:s3:::acme-shared';
export const QUEUE = `arn:aws:sqs:us-east-1:${A}:jobs`;
export const INSTANCES = `arn:aws:ec2:us-east-1:${A}:instance/*`;
export const I_DEV = `arn:aws:ec2:us-east-1:${A}:instance/i-0aaa1111aaaa11111`;
export const I_OPS = `arn:aws:ec2:us-east-1:${A}:instance/i-0bbb2222bbbb22222`;
export const FUNCTION = `arn:aws:lambda:us-east-1:${A}:function:app`;

export type Doc = { Version: string; Statement: object[] };
export const doc = (...Statement: object[]): Doc => ({ Version: '2012-10-17', Statement });
export const allow = (Action: string | string[], Resource: string | string[], Condition?: object) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});

export interface UserState {
  groups: string[];
  attached: string[];
  inline: Record<string, Doc>;
  boundary?: string;
}
export interface RoleState {
  trust: Doc;
  attached: string[];
  inline: Record<string, Doc>;
}
export interface ManagedPolicy {
  /** AWS managed policies: arn:aws:iam::aws:policy/…; customer managed: built from the path. */
  arn?: string;
  path: string;
  versions: Record<string, Doc>;
  defaultVersion: string;
}
export interface OrgPolicy {
  id: string;
  name: string;
  type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
  content: Doc;
  targets: string[];
}
export interface EstateState {
  users: Record<string, UserState>;
  roles: Record<string, RoleState>;
  groups: Record<string, { attached: string[]; inline: Record<string, Doc> }>;
  policies: Record<string, ManagedPolicy>;
  orgPolicies: OrgPolicy[];
  /** null: collected and found without a policy (`get-bucket-policy`: NoSuchBucketPolicy; SQS: no Attributes.Policy). */
  bucketPolicies: Record<string, Doc | null>;
  tags: Record<string, Record<string, string>>;
}

const ROOT_ID = 'r-ac12';
const OU_ID = 'ou-ac12-wkld0001';
const ORG_ID = 'o-acme123456';

/** AWS's own default policies, text as AWS Organizations ships them. */
const FULL_AWS_ACCESS = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const RCP_FULL_AWS_ACCESS = doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });

export function baseState(): EstateState {
  return {
    users: {
      alice: {
        groups: ['Devs'],
        attached: [],
        inline: {
          // "Controlling access to AWS resources using tags": aws:ResourceTag on the instance.
          StartDevInstances: doc(allow('ec2:StartInstances', INSTANCES, { StringEquals: { 'aws:ResourceTag/team': 'dev' } })),
        },
      },
      bob: { groups: [], attached: [], inline: { BobMetrics: doc(allow('cloudwatch:GetMetricData', '*')) } },
      carol: { groups: [], attached: ['DevRead'], inline: { CarolEc2: doc(allow('ec2:DescribeInstances', '*')) } },
      erin: { groups: [], attached: [], inline: { ErinQueue: doc(allow('sqs:ReceiveMessage', QUEUE)) } },
    },
    roles: {
      DeployRole: {
        trust: doc({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }),
        attached: [],
        inline: { Deploy: doc(allow('lambda:UpdateFunctionCode', FUNCTION)) },
      },
      OpsRole: {
        trust: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
        attached: [],
        inline: { OpsDescribe: doc(allow('ec2:DescribeInstances', '*')) },
      },
    },
    groups: { Devs: { attached: ['DevRead'], inline: {} } },
    policies: {
      DevRead: { path: '/', versions: { v1: doc(allow('s3:GetObject', DATA)) }, defaultVersion: 'v1' },
      Auditor: { path: '/', versions: { v1: doc(allow('cloudtrail:LookupEvents', '*')) }, defaultVersion: 'v1' },
      S3OnlyBoundary: { path: '/boundaries/', versions: { v1: doc(allow('s3:*', '*')) }, defaultVersion: 'v1' },
      Ec2DescribeBoundary: { path: '/boundaries/', versions: { v1: doc(allow('ec2:Describe*', '*')) }, defaultVersion: 'v1' },
    },
    orgPolicies: [
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', content: FULL_AWS_ACCESS, targets: [ROOT_ID, OU_ID, A, M] },
      {
        id: 'p-RCPFullAWSAccess',
        name: 'RCPFullAWSAccess',
        type: 'RESOURCE_CONTROL_POLICY',
        content: RCP_FULL_AWS_ACCESS,
        targets: [ROOT_ID, OU_ID, A, M],
      },
    ],
    bucketPolicies: {
      [SHARED]: doc({ Sid: 'CarolLists', Effect: 'Allow', Principal: { AWS: CAROL }, Action: 's3:ListBucket', Resource: SHARED }),
    },
    tags: {
      'arn:aws:s3:::acme-data': { project: 'acme' },
      [SHARED]: { project: 'acme' },
      [I_DEV]: { team: 'ops', Name: 'build-1' },
      [I_OPS]: { team: 'ops', Name: 'build-2' },
    },
  };
}

export const clone = (s: EstateState): EstateState => structuredClone(s);

const id = (prefix: string, name: string) => `${prefix}${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}EXAMPLE0`.slice(0, 21);
const policyArn = (state: EstateState, name: string) => state.policies[name].arn ?? `${IAM}policy${state.policies[name].path}${name}`;
const attachedList = (names: string[], state: EstateState) => names.map((n) => ({ PolicyName: n, PolicyArn: policyArn(state, n) }));
const inlineList = (inline: Record<string, Doc>) => Object.entries(inline).map(([PolicyName, PolicyDocument]) => ({ PolicyName, PolicyDocument }));

/** `aws iam get-account-authorization-details` of the member account. */
export function authorizationDetails(state: EstateState): object {
  const boundaryArn = (name: string) => policyArn(state, name);
  const holders = (name: string) =>
    Object.values(state.users).filter((u) => u.attached.includes(name)).length +
    Object.values(state.roles).filter((r) => r.attached.includes(name)).length +
    Object.values(state.groups).filter((g) => g.attached.includes(name)).length;
  const boundaryUses = (name: string) => Object.values(state.users).filter((u) => u.boundary === name).length;
  return {
    UserDetailList: Object.entries(state.users).map(([name, u]) => ({
      Path: '/',
      UserName: name,
      UserId: id('AIDA', name),
      Arn: `${IAM}user/${name}`,
      CreateDate: '2026-01-05T09:00:00+00:00',
      UserPolicyList: inlineList(u.inline),
      GroupList: u.groups,
      AttachedManagedPolicies: attachedList(u.attached, state),
      ...(u.boundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundaryArn(u.boundary) } } : {}),
      Tags: [],
    })),
    GroupDetailList: Object.entries(state.groups).map(([name, g]) => ({
      Path: '/',
      GroupName: name,
      GroupId: id('AGPA', name),
      Arn: `${IAM}group/${name}`,
      CreateDate: '2026-01-05T09:00:00+00:00',
      GroupPolicyList: inlineList(g.inline),
      AttachedManagedPolicies: attachedList(g.attached, state),
    })),
    RoleDetailList: Object.entries(state.roles).map(([name, r]) => ({
      Path: '/',
      RoleName: name,
      RoleId: id('AROA', name),
      Arn: `${IAM}role/${name}`,
      CreateDate: '2026-01-05T09:00:00+00:00',
      AssumeRolePolicyDocument: r.trust,
      InstanceProfileList: [],
      RolePolicyList: inlineList(r.inline),
      AttachedManagedPolicies: attachedList(r.attached, state),
      Tags: [],
      RoleLastUsed: {},
    })),
    Policies: Object.entries(state.policies).map(([name, p]) => ({
      PolicyName: name,
      PolicyId: id('ANPA', name),
      Arn: policyArn(state, name),
      Path: p.path,
      DefaultVersionId: p.defaultVersion,
      AttachmentCount: holders(name),
      PermissionsBoundaryUsageCount: boundaryUses(name),
      IsAttachable: true,
      CreateDate: '2026-01-05T09:00:00+00:00',
      UpdateDate: '2026-01-05T09:00:00+00:00',
      // Every version is listed, the default one flagged (GetAccountAuthorizationDetails).
      PolicyVersionList: Object.entries(p.versions).map(([VersionId, Document]) => ({
        Document,
        VersionId,
        IsDefaultVersion: VersionId === p.defaultVersion,
        CreateDate: '2026-01-05T09:00:00+00:00',
      })),
    })),
  };
}

/** The management account: one administrator-ish user, outside every SCP ("SCP evaluation"). */
export function managementDetails(): object {
  return {
    UserDetailList: [
      {
        Path: '/',
        UserName: 'ops-admin',
        UserId: 'AIDAOPSADMINEXAMPLE01',
        Arn: OPS_ADMIN,
        CreateDate: '2026-01-05T09:00:00+00:00',
        UserPolicyList: [{ PolicyName: 'Describe', PolicyDocument: doc(allow('ec2:DescribeInstances', '*')) }],
        GroupList: [],
        AttachedManagedPolicies: [],
        Tags: [],
      },
    ],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  };
}

export function organization(state: EstateState): object {
  const name = (t: string) => (t === ROOT_ID ? 'Root' : t === OU_ID ? 'Workloads' : t === A ? 'workloads-prod' : 'management');
  const type = (t: string) => (t === ROOT_ID ? 'ROOT' : t === OU_ID ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT');
  const arnOf = (t: string) =>
    t === ROOT_ID
      ? `arn:aws:organizations::${M}:root/${ORG_ID}/${ROOT_ID}`
      : t === OU_ID
        ? `arn:aws:organizations::${M}:ou/${ORG_ID}/${OU_ID}`
        : `arn:aws:organizations::${M}:account/${ORG_ID}/${t}`;
  return {
    Organization: {
      Id: ORG_ID,
      Arn: `arn:aws:organizations::${M}:organization/${ORG_ID}`,
      FeatureSet: 'ALL',
      MasterAccountArn: `arn:aws:organizations::${M}:account/${ORG_ID}/${M}`,
      MasterAccountId: M,
      MasterAccountEmail: 'aws-root@acme.example',
    },
    Roots: [{ Id: ROOT_ID, Arn: arnOf(ROOT_ID), Name: 'Root', PolicyTypes: [] }],
    OrganizationalUnits: [{ Id: OU_ID, Arn: arnOf(OU_ID), Name: 'Workloads', ParentId: ROOT_ID }],
    Accounts: [
      { Id: M, Arn: arnOf(M), Email: 'aws-root@acme.example', Name: 'management', Status: 'ACTIVE', JoinedMethod: 'CREATED', ParentId: ROOT_ID },
      { Id: A, Arn: arnOf(A), Email: 'prod@acme.example', Name: 'workloads-prod', Status: 'ACTIVE', JoinedMethod: 'CREATED', ParentId: OU_ID },
    ],
    Policies: state.orgPolicies.map((p) => ({
      PolicySummary: {
        Id: p.id,
        Arn: `arn:aws:organizations::aws:policy/${p.type.toLowerCase()}/${p.id}`,
        Name: p.name,
        Description: p.name,
        Type: p.type,
        AwsManaged: p.name.endsWith('FullAWSAccess'),
      },
      Content: JSON.stringify(p.content),
      Targets: p.targets.map((t) => ({ TargetId: t, Arn: arnOf(t), Name: name(t), Type: type(t) })),
    })),
  };
}

export function resources(state: EstateState): object {
  return {
    ResourceTagMappingList: Object.entries(state.tags).map(([ResourceARN, tags]) => ({
      ResourceARN,
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    })),
  };
}

export function resourcePolicies(state: EstateState): object {
  return {
    ResourcePolicies: Object.entries(state.bucketPolicies).map(([ResourceArn, policy]) => ({
      ResourceArn,
      ResourceOwner: A,
      Policy: policy === null ? null : JSON.stringify(policy),
    })),
  };
}

/** Writes the five files a collection run saves, pretty-printed as the AWS CLI prints; returns their paths. */
export function writeCollection(dir: string, label: string, state: EstateState): string[] {
  const files: [string, object][] = [
    [`${label}-iam-${A}.json`, authorizationDetails(state)],
    [`${label}-iam-${M}.json`, managementDetails()],
    [`${label}-organization.json`, organization(state)],
    [`${label}-resources.json`, resources(state)],
    [`${label}-resource-policies.json`, resourcePolicies(state)],
  ];
  return files.map(([name, value]) => {
    const f = path.join(dir, name);
    writeFileSync(f, JSON.stringify(value, null, 4) + '\n');
    return f;
  });
}
