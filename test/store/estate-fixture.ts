/**
 * A realistic organization for the estate tests, in the organization document's shape (members as
 * the AWS CLI prints them: describe-organization, list-roots, list-organizational-units-for-parent
 * and list-accounts-for-parent plus ParentId, describe-policy plus list-targets-for-policy).
 *
 *   r-ab12 (Root)            SCPs: FullAWSAccess, DenyLeaveOrganization   RCPs: EnforceTLS
 *   ├── 111111111111 management
 *   ├── ou-ab12-11111111 Workloads     SCPs: FullAWSAccess, RegionLock
 *   │   ├── ou-ab12-22222222 Prod      SCPs: FullAWSAccess
 *   │   │   └── 222222222222 prod      SCPs: FullAWSAccess, ProtectLogging (account level)
 *   │   └── ou-ab12-33333333 Dev       SCPs: FullAWSAccess, DenyContactRecording   RCPs: DenyExternalS3
 *   │       └── 333333333333 dev       SCPs: FullAWSAccess
 *   └── ou-ab12-44444444 Security      SCPs: FullAWSAccess
 *       └── 444444444444 logging       SCPs: FullAWSAccess
 */
export const ORG_ID = 'o-a1b2c3d4e5';
export const ROOT = 'r-ab12';
export const MGMT = '111111111111';
export const PROD = '222222222222';
export const DEV = '333333333333';
export const LOG = '444444444444';
export const OU_WORKLOADS = 'ou-ab12-11111111';
export const OU_PROD = 'ou-ab12-22222222';
export const OU_DEV = 'ou-ab12-33333333';
export const OU_SECURITY = 'ou-ab12-44444444';

const orgArn = (rest: string) => `arn:aws:organizations::${MGMT}:${rest}`;

const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

const FULL = doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]);

type Target = { id: string; type: 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT'; name: string };
const T = {
  root: { id: ROOT, type: 'ROOT', name: 'Root' },
  workloads: { id: OU_WORKLOADS, type: 'ORGANIZATIONAL_UNIT', name: 'Workloads' },
  prodOu: { id: OU_PROD, type: 'ORGANIZATIONAL_UNIT', name: 'Prod' },
  devOu: { id: OU_DEV, type: 'ORGANIZATIONAL_UNIT', name: 'Dev' },
  security: { id: OU_SECURITY, type: 'ORGANIZATIONAL_UNIT', name: 'Security' },
  mgmt: { id: MGMT, type: 'ACCOUNT', name: 'management' },
  prod: { id: PROD, type: 'ACCOUNT', name: 'prod' },
  dev: { id: DEV, type: 'ACCOUNT', name: 'dev' },
  log: { id: LOG, type: 'ACCOUNT', name: 'logging' },
} satisfies Record<string, Target>;

function policy(id: string, name: string, type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY', content: string, targets: Target[], awsManaged = false) {
  return {
    PolicySummary: {
      Id: id,
      Arn: awsManaged ? `arn:aws:organizations::aws:policy/${type.toLowerCase()}/${id}` : orgArn(`policy/${ORG_ID}/${type.toLowerCase()}/${id}`),
      Name: name,
      Description: name,
      Type: type,
      AwsManaged: awsManaged,
    },
    Content: content,
    Targets: targets.map((t) => ({
      TargetId: t.id,
      Arn: orgArn(`${t.type === 'ACCOUNT' ? 'account' : t.type === 'ROOT' ? 'root' : 'ou'}/${ORG_ID}/${t.id}`),
      Name: t.name,
      Type: t.type,
    })),
  };
}

export function organizationDocument(): Record<string, unknown> {
  return {
    Organization: {
      Id: ORG_ID,
      Arn: orgArn(`organization/${ORG_ID}`),
      FeatureSet: 'ALL',
      MasterAccountArn: orgArn(`account/${ORG_ID}/${MGMT}`),
      MasterAccountId: MGMT,
      MasterAccountEmail: 'management@example.com',
      AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    },
    Roots: [
      {
        Id: ROOT,
        Arn: orgArn(`root/${ORG_ID}/${ROOT}`),
        Name: 'Root',
        PolicyTypes: [
          { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
          { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' },
        ],
      },
    ],
    OrganizationalUnits: [
      { Id: OU_WORKLOADS, Arn: orgArn(`ou/${ORG_ID}/${OU_WORKLOADS}`), Name: 'Workloads', ParentId: ROOT },
      { Id: OU_SECURITY, Arn: orgArn(`ou/${ORG_ID}/${OU_SECURITY}`), Name: 'Security', ParentId: ROOT },
      { Id: OU_PROD, Arn: orgArn(`ou/${ORG_ID}/${OU_PROD}`), Name: 'Prod', ParentId: OU_WORKLOADS },
      { Id: OU_DEV, Arn: orgArn(`ou/${ORG_ID}/${OU_DEV}`), Name: 'Dev', ParentId: OU_WORKLOADS },
    ],
    Accounts: [
      {
        Id: MGMT,
        Arn: orgArn(`account/${ORG_ID}/${MGMT}`),
        Email: 'management@example.com',
        Name: 'management',
        Status: 'ACTIVE',
        JoinedMethod: 'INVITED',
        JoinedTimestamp: '2020-01-01T00:00:00.000000+00:00',
        ParentId: ROOT,
      },
      {
        Id: PROD,
        Arn: orgArn(`account/${ORG_ID}/${PROD}`),
        Email: 'prod@example.com',
        Name: 'prod',
        Status: 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: '2020-02-01T00:00:00.000000+00:00',
        ParentId: OU_PROD,
      },
      {
        Id: DEV,
        Arn: orgArn(`account/${ORG_ID}/${DEV}`),
        Email: 'dev@example.com',
        Name: 'dev',
        Status: 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: '2020-03-01T00:00:00.000000+00:00',
        ParentId: OU_DEV,
      },
      {
        Id: LOG,
        Arn: orgArn(`account/${ORG_ID}/${LOG}`),
        Email: 'logging@example.com',
        Name: 'logging',
        Status: 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: '2020-04-01T00:00:00.000000+00:00',
        ParentId: OU_SECURITY,
      },
    ],
    Policies: [
      policy(
        'p-FullAWSAccess',
        'FullAWSAccess',
        'SERVICE_CONTROL_POLICY',
        FULL,
        [T.root, T.workloads, T.prodOu, T.devOu, T.security, T.mgmt, T.prod, T.dev, T.log],
        true,
      ),
      policy(
        'p-denyleave1',
        'DenyLeaveOrganization',
        'SERVICE_CONTROL_POLICY',
        doc([{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }]),
        [T.root],
      ),
      policy(
        'p-regionlock',
        'RegionLock',
        'SERVICE_CONTROL_POLICY',
        doc([
          {
            Effect: 'Deny',
            NotAction: ['iam:*', 'sts:*'],
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2'] } },
          },
        ]),
        [T.workloads],
      ),
      policy(
        'p-norecord1',
        'DenyContactRecording',
        'SERVICE_CONTROL_POLICY',
        doc([{ Effect: 'Deny', Action: ['connect:StartContactRecording', 'connect:ResumeContactRecording'], Resource: '*' }]),
        [T.devOu],
      ),
      policy(
        'p-protectlg',
        'ProtectLogging',
        'SERVICE_CONTROL_POLICY',
        doc([{ Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'], Resource: '*' }]),
        [T.prod],
      ),
      policy(
        'p-enforcetls',
        'EnforceTLS',
        'RESOURCE_CONTROL_POLICY',
        doc([
          {
            Effect: 'Deny',
            Principal: '*',
            Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:*'],
            Resource: '*',
            Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
          },
        ]),
        [T.root],
      ),
      policy(
        'p-noextS3',
        'DenyExternalS3',
        'RESOURCE_CONTROL_POLICY',
        doc([
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: '*',
            Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG_ID }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
          },
        ]),
        [T.devOu],
      ),
    ],
  };
}

/** get-account-authorization-details for one account: a user and two roles (one service-linked). */
export function accountDetails(account: string, extraRoleTrust?: object): Record<string, unknown> {
  const trust = extraRoleTrust ?? {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
  };
  return {
    UserDetailList: [
      {
        Path: '/',
        UserName: 'ops',
        UserId: `AIDA${account}OPS`,
        Arn: `arn:aws:iam::${account}:user/ops`,
        GroupList: [],
        AttachedManagedPolicies: [],
        UserPolicyList: [{ PolicyName: 'all', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
      },
    ],
    GroupDetailList: [],
    RoleDetailList: [
      {
        Path: '/',
        RoleName: 'Deployer',
        RoleId: `AROA${account}DEP`,
        Arn: `arn:aws:iam::${account}:role/Deployer`,
        AssumeRolePolicyDocument: trust,
        RolePolicyList: [],
        AttachedManagedPolicies: [],
        Tags: [],
      },
      {
        Path: '/aws-service-role/connect.amazonaws.com/',
        RoleName: 'AWSServiceRoleForAmazonConnect',
        RoleId: `AROA${account}SLR`,
        Arn: `arn:aws:iam::${account}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect`,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        RolePolicyList: [],
        AttachedManagedPolicies: [],
      },
    ],
    Policies: [],
  };
}

export const BUCKET = 'arn:aws:s3:::anycompany-call-recordings';
export const KEY = `arn:aws:kms:us-east-1:${LOG}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const QUEUE = `arn:aws:sqs:us-east-1:${PROD}:contact-events`;

export function resourcePoliciesDocument(): Record<string, unknown> {
  return {
    ResourcePolicies: [
      {
        ResourceArn: BUCKET,
        ResourceOwner: LOG,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'ProdWrites', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Action: 's3:PutObject', Resource: `${BUCKET}/*` }],
        }),
      },
      {
        ResourceArn: KEY,
        Policy: {
          Version: '2012-10-17',
          Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${LOG}:root` }, Action: 'kms:*', Resource: '*' }],
        },
      },
      {
        ResourceArn: QUEUE,
        Policy: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: QUEUE }],
        },
      },
    ],
  };
}
