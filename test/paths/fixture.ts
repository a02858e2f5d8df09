/**
 * A hand-built account (get-account-authorization-details) for the access path tests: one
 * principal per privilege escalation path of iam-vulnerable (Bishop Fox) and pathfinding.cloud,
 * each with a negative control next to it, role chains with MFA, external id, boundary and Deny
 * breaks, and a cycle. The expected verdicts are in EXPECTED (positive) and NOT_ESCALATING.
 */
import { writeFileSync } from 'node:fs';
import type { WorkloadState } from '../../src/store/workload-model.js';

export const ACCT = '111111111111';
export const arn = (kind: 'user' | 'role' | 'group' | 'policy', name: string) => `arn:aws:iam::${ACCT}:${kind}/${name}`;
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const ADMIN_DOC = doc(allow('*'));
const trustRoot = (extra: object = {}) => doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'sts:AssumeRole', ...extra });
const trustArn = (...arns: string[]) => doc({ Effect: 'Allow', Principal: { AWS: arns.length === 1 ? arns[0] : arns }, Action: 'sts:AssumeRole' });
const trustService = (...services: string[]) => doc({ Effect: 'Allow', Principal: { Service: services }, Action: 'sts:AssumeRole' });
export const SERVICES = [
  'lambda.amazonaws.com',
  'ec2.amazonaws.com',
  'glue.amazonaws.com',
  'cloudformation.amazonaws.com',
  'codebuild.amazonaws.com',
  'sagemaker.amazonaws.com',
  'datapipeline.amazonaws.com',
  'ecs-tasks.amazonaws.com',
];
export const FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ACCT}:function:nightly-export`;
export const INSTANCE_ARN = `arn:aws:ec2:us-east-1:${ACCT}:instance/i-0123456789abcdef0`;
export const BUCKET_OBJECT = 'arn:aws:s3:::paths-data/report.csv';

let n = 0;
const id = (p: string) => `${p}${String(++n).padStart(4, '0')}PATHSEXAMPLE`;

function user(name: string, inline: object | null, extra: { groups?: string[]; attached?: string[]; boundary?: string } = {}) {
  return {
    Path: '/',
    UserName: name,
    UserId: id('AIDA'),
    Arn: arn('user', name),
    CreateDate: '2025-01-01T00:00:00Z',
    GroupList: extra.groups ?? [],
    UserPolicyList: inline ? [{ PolicyName: `${name}-inline`, PolicyDocument: inline }] : [],
    AttachedManagedPolicies: (extra.attached ?? []).map((a) => ({ PolicyName: a.slice(a.lastIndexOf('/') + 1), PolicyArn: a })),
    ...(extra.boundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: extra.boundary } } : {}),
    Tags: [],
  };
}

function role(name: string, trust: object, inline: object | null, extra: { instanceProfile?: boolean; boundary?: string } = {}) {
  return {
    Path: '/',
    RoleName: name,
    RoleId: id('AROA'),
    Arn: arn('role', name),
    CreateDate: '2025-01-01T00:00:00Z',
    AssumeRolePolicyDocument: trust,
    InstanceProfileList: extra.instanceProfile
      ? [{ Path: '/', InstanceProfileName: name, InstanceProfileId: id('AIPA'), Arn: `arn:aws:iam::${ACCT}:instance-profile/${name}`, Roles: [] }]
      : [],
    RolePolicyList: inline ? [{ PolicyName: `${name}-inline`, PolicyDocument: inline }] : [],
    AttachedManagedPolicies: [],
    ...(extra.boundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: extra.boundary } } : {}),
    Tags: [],
    RoleLastUsed: {},
  };
}

function managed(name: string, versions: object[], defaultIndex = 0, awsManaged = false) {
  const a = awsManaged ? `arn:aws:iam::aws:policy/${name}` : arn('policy', name);
  return {
    PolicyName: name,
    PolicyId: id('ANPA'),
    Arn: a,
    Path: '/',
    DefaultVersionId: `v${defaultIndex + 1}`,
    AttachmentCount: 1,
    IsAttachable: true,
    PolicyVersionList: versions.map((d, i) => ({
      Document: d,
      VersionId: `v${i + 1}`,
      IsDefaultVersion: i === defaultIndex,
      CreateDate: '2025-01-01T00:00:00Z',
    })),
  };
}

export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
const passAndDo = (role: string, actions: string[], condition?: object) =>
  doc(allow('iam:PassRole', arn('role', role), condition ? { Condition: condition } : {}), allow(actions));

export function authorizationDetails() {
  const users = [
    // MODIFY_POLICY: iam-vulnerable privesc1 (CreatePolicyVersion), privesc2 (SetDefaultPolicyVersion).
    user('cpv', doc(allow('iam:CreatePolicyVersion', arn('policy', 'cpv-policy'))), { attached: [arn('policy', 'cpv-policy')] }),
    user('cpv-other', doc(allow('iam:CreatePolicyVersion', arn('policy', 'bystander-policy')))),
    user('bystander', null, { attached: [arn('policy', 'bystander-policy')] }),
    user('sdpv', doc(allow('iam:SetDefaultPolicyVersion', arn('policy', 'sdpv-policy'))), { attached: [arn('policy', 'sdpv-policy')] }),
    user('sdpv-noversion', doc(allow('iam:SetDefaultPolicyVersion', arn('policy', 'sdpv-tame-policy'))), { attached: [arn('policy', 'sdpv-tame-policy')] }),
    // privesc6 AttachUserPolicy, privesc9 PutUserPolicy; negative: only a ReadOnly policy may be attached; a boundary.
    user('attach-self', doc(allow('iam:AttachUserPolicy', arn('user', 'attach-self')))),
    user(
      'attach-cond',
      doc(
        allow('iam:AttachUserPolicy', arn('user', 'attach-cond'), { Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } }),
      ),
    ),
    user('put-self', doc(allow('iam:PutUserPolicy', arn('user', 'put-self')))),
    user('put-bounded', doc(allow('iam:PutUserPolicy', arn('user', 'put-bounded'))), { boundary: arn('policy', 'iam-and-s3-boundary') }),
    // privesc10 PutGroupPolicy on its own group; privesc12 AddUserToGroup.
    user('group-put', null, { groups: ['devs'] }),
    user('joiner', doc(allow('iam:AddUserToGroup', arn('group', 'admins')))),
    user('joiner-denied', doc(allow('iam:AddUserToGroup', arn('group', 'admins')), { Effect: 'Deny', Action: 'iam:AddUserToGroup', Resource: '*' })),
    // privesc4 CreateAccessKey, privesc5 CreateLoginProfile, privesc6 UpdateLoginProfile (on an administrator user).
    user('keymaker', doc(allow('iam:CreateAccessKey', arn('user', 'admin-user')))),
    user('loginmaker', doc(allow('iam:CreateLoginProfile', arn('user', 'admin-user')))),
    user('loginupdater', doc(allow('iam:UpdateLoginProfile', arn('user', 'admin-user')))),
    user('keymaker-tame', doc(allow('iam:CreateAccessKey', arn('user', 'bystander')))),
    user('admin-user', ADMIN_DOC),
    // privesc14 UpdateAssumeRolePolicy (+ sts:AssumeRole).
    user('trust-updater', doc(allow(['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], arn('role', 'locked-admin')))),
    user(
      'trust-updater-denied',
      doc(allow('iam:UpdateAssumeRolePolicy', arn('role', 'locked-admin')), { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }),
    ),
    // PassRole to services (privesc3 EC2, 15 Lambda, 16 Lambda event source, 17 CloudFormation, 18 Data Pipeline, 19 Glue; CodeBuild, SageMaker, ECS).
    user('lambda-passer', passAndDo('service-admin', ['lambda:CreateFunction', 'lambda:InvokeFunction'])),
    user('lambda-esm-passer', passAndDo('service-admin', ['lambda:CreateFunction', 'lambda:CreateEventSourceMapping'])),
    user('ec2-passer', passAndDo('service-admin', ['ec2:RunInstances'])),
    user('glue-passer', passAndDo('service-admin', ['glue:CreateDevEndpoint'])),
    user('cfn-passer', passAndDo('service-admin', ['cloudformation:CreateStack'])),
    user('codebuild-passer', passAndDo('service-admin', ['codebuild:CreateProject', 'codebuild:StartBuild'])),
    user('sagemaker-passer', passAndDo('service-admin', ['sagemaker:CreateTrainingJob'])),
    user(
      'datapipeline-passer',
      passAndDo('service-admin', ['datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition', 'datapipeline:ActivatePipeline']),
    ),
    user('ecs-passer', passAndDo('service-admin', ['ecs:RegisterTaskDefinition', 'ecs:RunTask'])),
    user(
      'passer-harmless',
      passAndDo('service-admin', ['lambda:CreateFunction', 'lambda:InvokeFunction'], { StringEquals: { 'iam:PassedToService': 'logs.amazonaws.com' } }),
    ),
    user('passer-noinvoke', passAndDo('service-admin', ['lambda:CreateFunction'])),
    user('passer-wrong-trust', passAndDo('ec2-only-admin', ['lambda:CreateFunction', 'lambda:InvokeFunction'])),
    user('ec2-passer-noprofile', passAndDo('lambda-ec2-admin-noprofile', ['ec2:RunInstances'])),
    // Existing workloads: lambda-003 UpdateFunctionCode, ssm-001 SendCommand.
    user('code-updater', doc(allow('lambda:UpdateFunctionCode'))),
    user('ssm-user', doc(allow('ssm:SendCommand'))),
    // Role chains.
    user('alice', doc(allow('sts:AssumeRole', arn('role', 'hop-role')))),
    user('bob', doc(allow('sts:AssumeRole', arn('role', 'mfa-admin')))),
    user('carol', doc(allow('sts:AssumeRole', arn('role', 'picky-admin')))),
    user('dave', doc(allow('sts:AssumeRole', arn('role', 'Admin'))), { boundary: arn('policy', 's3-only-boundary') }),
    user('erin', doc(allow('sts:AssumeRole', arn('role', 'Admin')), { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: arn('role', 'Admin') })),
    user('frank', doc(allow('sts:AssumeRole', arn('role', 'cycle-a')))),
    user('vendor-user', doc(allow('sts:AssumeRole', arn('role', 'external-admin')))),
    user('gina', doc(allow('sts:AssumeRole', arn('role', 'Admin')))),
    // An "administrator" whose boundary keeps it from being one.
    user('bounded-admin', ADMIN_DOC, { boundary: arn('policy', 's3-only-boundary') }),
  ];
  const roles = [
    role('Admin', trustRoot(), ADMIN_DOC),
    role('locked-admin', trustService('ec2.amazonaws.com'), ADMIN_DOC),
    role('service-admin', trustService(...SERVICES), ADMIN_DOC, { instanceProfile: true }),
    role('ec2-only-admin', trustService('ec2.amazonaws.com'), ADMIN_DOC),
    role('lambda-ec2-admin-noprofile', trustService('ec2.amazonaws.com'), ADMIN_DOC),
    role('hop-role', trustRoot(), doc(allow('sts:AssumeRole', arn('role', 'data-reader-role')))),
    role('data-reader-role', trustArn(arn('role', 'hop-role')), doc(allow('s3:GetObject', 'arn:aws:s3:::paths-data/*'))),
    role('mfa-admin', trustRoot({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), ADMIN_DOC),
    role('external-admin', trustRoot({ Condition: { StringEquals: { 'sts:ExternalId': 'shared-secret' } } }), ADMIN_DOC),
    role('picky-admin', trustArn(arn('user', 'gina')), ADMIN_DOC),
    role('cycle-a', trustArn(arn('role', 'cycle-b'), arn('user', 'frank')), doc(allow('sts:AssumeRole', arn('role', 'cycle-b')))),
    role('cycle-b', trustArn(arn('role', 'cycle-a')), doc(allow('sts:AssumeRole', arn('role', 'cycle-a')), allow('s3:GetObject', 'arn:aws:s3:::paths-data/*'))),
  ];
  const groups = [
    {
      Path: '/',
      GroupName: 'devs',
      GroupId: id('AGPA'),
      Arn: arn('group', 'devs'),
      CreateDate: '2025-01-01T00:00:00Z',
      GroupPolicyList: [{ PolicyName: 'devs-self-service', PolicyDocument: doc(allow('iam:PutGroupPolicy', arn('group', 'devs'))) }],
      AttachedManagedPolicies: [],
    },
    {
      Path: '/',
      GroupName: 'admins',
      GroupId: id('AGPA'),
      Arn: arn('group', 'admins'),
      CreateDate: '2025-01-01T00:00:00Z',
      GroupPolicyList: [],
      AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: ADMINISTRATOR_ACCESS }],
    },
  ];
  const policies = [
    managed('cpv-policy', [doc(allow('s3:ListAllMyBuckets'))]),
    managed('bystander-policy', [doc(allow('s3:ListAllMyBuckets'))]),
    managed('sdpv-policy', [doc(allow('iam:SetDefaultPolicyVersion', arn('policy', 'sdpv-policy'))), ADMIN_DOC]),
    managed('sdpv-tame-policy', [doc(allow('iam:SetDefaultPolicyVersion', arn('policy', 'sdpv-tame-policy'))), doc(allow('s3:GetObject'))]),
    managed('iam-and-s3-boundary', [doc(allow(['iam:PutUserPolicy', 's3:*']))]),
    managed('s3-only-boundary', [doc(allow('s3:*'))]),
    managed('AdministratorAccess', [ADMIN_DOC], 0, true),
  ];
  return { UserDetailList: users, GroupDetailList: groups, RoleDetailList: roles, Policies: policies };
}

/** Escalating principals (user names) and how: step kinds of their paths, and whether the path is conditional without workload state. */
export const EXPECTED: Record<string, { kinds: string[]; conditional: boolean; reaches?: string }> = {
  cpv: { kinds: ['MODIFY_POLICY'], conditional: false, reaches: arn('user', 'cpv') },
  sdpv: { kinds: ['MODIFY_POLICY'], conditional: false, reaches: arn('user', 'sdpv') },
  'attach-self': { kinds: ['MODIFY_POLICY'], conditional: false },
  'put-self': { kinds: ['MODIFY_POLICY'], conditional: false },
  'group-put': { kinds: ['MODIFY_POLICY'], conditional: false },
  joiner: { kinds: ['ADD_TO_GROUP'], conditional: false },
  keymaker: { kinds: ['CREATE_CREDENTIALS'], conditional: true, reaches: arn('user', 'admin-user') },
  loginmaker: { kinds: ['CREATE_CREDENTIALS'], conditional: true, reaches: arn('user', 'admin-user') },
  loginupdater: { kinds: ['CREATE_CREDENTIALS'], conditional: true, reaches: arn('user', 'admin-user') },
  'trust-updater': { kinds: ['UPDATE_TRUST'], conditional: false, reaches: arn('role', 'locked-admin') },
  'lambda-passer': { kinds: ['PASS_ROLE'], conditional: false, reaches: arn('role', 'service-admin') },
  'lambda-esm-passer': { kinds: ['PASS_ROLE'], conditional: false },
  'ec2-passer': { kinds: ['PASS_ROLE'], conditional: false },
  'glue-passer': { kinds: ['PASS_ROLE'], conditional: false },
  'cfn-passer': { kinds: ['PASS_ROLE'], conditional: false },
  'codebuild-passer': { kinds: ['PASS_ROLE'], conditional: false },
  'sagemaker-passer': { kinds: ['PASS_ROLE'], conditional: false },
  'datapipeline-passer': { kinds: ['PASS_ROLE'], conditional: false },
  'ecs-passer': { kinds: ['PASS_ROLE'], conditional: false },
  'code-updater': { kinds: ['USE_WORKLOAD'], conditional: true },
  'ssm-user': { kinds: ['USE_WORKLOAD'], conditional: true },
  bob: { kinds: ['ASSUME_ROLE'], conditional: true, reaches: arn('role', 'mfa-admin') },
  'vendor-user': { kinds: ['ASSUME_ROLE'], conditional: true, reaches: arn('role', 'external-admin') },
  gina: { kinds: ['ASSUME_ROLE'], conditional: false },
};

/** Negative controls: none of them may escalate. */
export const NOT_ESCALATING = [
  'cpv-other',
  'bystander',
  'sdpv-noversion',
  'attach-cond',
  'put-bounded',
  'joiner-denied',
  'keymaker-tame',
  'trust-updater-denied',
  'passer-harmless',
  'passer-noinvoke',
  'passer-wrong-trust',
  'ec2-passer-noprofile',
  'alice',
  'carol',
  'dave',
  'erin',
  'frank',
  'bounded-admin',
];

/** Allowed every probe (administrator.ts); bounded-admin's boundary keeps it from being one. */
export const ADMINISTRATORS = [
  arn('role', 'Admin'),
  arn('role', 'ec2-only-admin'),
  arn('role', 'external-admin'),
  arn('role', 'lambda-ec2-admin-noprofile'),
  arn('role', 'locked-admin'),
  arn('role', 'mfa-admin'),
  arn('role', 'picky-admin'),
  arn('role', 'service-admin'),
  arn('user', 'admin-user'),
];

export function writeFixture(file: string): string {
  writeFileSync(file, JSON.stringify(authorizationDetails(), null, 2));
  return file;
}

/** Workload state imported for the account: admin-user has a password and one key; a function and an instance run as service-admin. */
export function importedState(options: { keys?: number; inactiveKeys?: number; password?: boolean; workloads?: boolean } = {}): WorkloadState {
  const all = ['CREDENTIAL_REPORT', 'EC2_INSTANCES', 'LAMBDA_FUNCTIONS', 'GLUE_DEV_ENDPOINTS', 'SAGEMAKER_NOTEBOOKS', 'CLOUDFORMATION_STACKS'] as const;
  return {
    imported: new Map([[ACCT, new Set(all)]]),
    credentials: new Map([
      [
        arn('user', 'admin-user'),
        {
          userArn: arn('user', 'admin-user'),
          passwordEnabled: options.password ?? true,
          activeAccessKeys: options.keys ?? 1,
          mfaActive: false,
          accessKeys: (options.keys ?? 1) + (options.inactiveKeys ?? 0),
        },
      ],
    ]),
    workloads:
      options.workloads === false
        ? []
        : [
            {
              kind: 'LAMBDA_FUNCTION',
              arn: FUNCTION_ARN,
              accountId: ACCT,
              region: 'us-east-1',
              name: 'nightly-export',
              roleArn: arn('role', 'service-admin'),
            },
            {
              kind: 'EC2_INSTANCE',
              arn: INSTANCE_ARN,
              accountId: ACCT,
              region: 'us-east-1',
              name: 'i-0123456789abcdef0',
              roleArn: arn('role', 'service-admin'),
              instanceProfileArn: `arn:aws:iam::${ACCT}:instance-profile/service-admin`,
              state: 'running',
            },
          ],
  };
}
