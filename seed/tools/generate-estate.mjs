// Generates the demo estate around the contact centre's account: seed/estate-organization.json
// (the organization document, as scripts/export-organization.sh assembles it from the AWS CLI),
// seed/estate-accounts.json (get-account-authorization-details of the dev and security accounts)
// and seed/estate-resource-policies.json (the recordings bucket's and key's policies).
// Run: node seed/tools/generate-estate.mjs   (seed/README.md, "The estate", lists the answers)
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ORG = 'o-anycompany1';
const ROOT_ID = 'r-cc11';
const MGMT = '111122223333';
const PROD = '123456789012';
const DEV = '210987654321';
const SEC = '444455556666';
const VENDOR = '999988887777';
const OU = { workloads: 'ou-cc11-workloads', prod: 'ou-cc11-prodaccts', dev: 'ou-cc11-devaccnts', security: 'ou-cc11-securityx' };
const BUCKET = 'arn:aws:s3:::anycompany-call-recordings';
const KEY = `arn:aws:kms:us-east-1:${SEC}:key/0e6f7a8b-1c2d-4e3f-9a4b-5c6d7e8f9a0b`;
const DEV_INSTANCE = `arn:aws:connect:us-east-1:${DEV}:instance/7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a`;
const AUDIT_ROLE = `arn:aws:iam::${SEC}:role/CrossAccountAuditRole`;
const doc = (...Statement) => ({ Version: '2012-10-17', Statement });
const text = (o) => JSON.stringify(o, null, 2);
const orgArn = (rest) => `arn:aws:organizations::${MGMT}:${rest}`;

// ---------- the organization ----------
const targets = {
  root: { TargetId: ROOT_ID, Arn: orgArn(`root/${ORG}/${ROOT_ID}`), Name: 'Root', Type: 'ROOT' },
  workloads: { TargetId: OU.workloads, Arn: orgArn(`ou/${ORG}/${OU.workloads}`), Name: 'Workloads', Type: 'ORGANIZATIONAL_UNIT' },
  prodOu: { TargetId: OU.prod, Arn: orgArn(`ou/${ORG}/${OU.prod}`), Name: 'Production', Type: 'ORGANIZATIONAL_UNIT' },
  devOu: { TargetId: OU.dev, Arn: orgArn(`ou/${ORG}/${OU.dev}`), Name: 'Development', Type: 'ORGANIZATIONAL_UNIT' },
  secOu: { TargetId: OU.security, Arn: orgArn(`ou/${ORG}/${OU.security}`), Name: 'Security', Type: 'ORGANIZATIONAL_UNIT' },
};
const accounts = [
  { Id: MGMT, Name: 'anycompany-management', Email: 'aws-management@anycompany.example', JoinedMethod: 'INVITED', ParentId: ROOT_ID },
  { Id: PROD, Name: 'contact-centre-prod', Email: 'aws-contact-centre-prod@anycompany.example', JoinedMethod: 'INVITED', ParentId: OU.prod },
  { Id: DEV, Name: 'contact-centre-dev', Email: 'aws-contact-centre-dev@anycompany.example', JoinedMethod: 'CREATED', ParentId: OU.dev },
  { Id: SEC, Name: 'security-audit', Email: 'aws-security-audit@anycompany.example', JoinedMethod: 'CREATED', ParentId: OU.security },
].map((a, i) => ({ Id: a.Id, Arn: orgArn(`account/${ORG}/${a.Id}`), Email: a.Email, Name: a.Name, Status: 'ACTIVE', JoinedMethod: a.JoinedMethod,
  JoinedTimestamp: `2024-0${i + 1}-15T09:30:00.000000+00:00`, ParentId: a.ParentId }));
const accountTarget = (a) => ({ TargetId: a.Id, Arn: a.Arn, Name: a.Name, Type: 'ACCOUNT' });
const policy = (id, name, description, type, content, tgts, awsManaged = false) => ({
  PolicySummary: {
    Id: id, Arn: awsManaged ? `arn:aws:organizations::aws:policy/${type.toLowerCase()}/${id}` : orgArn(`policy/${ORG}/${type.toLowerCase()}/${id}`),
    Name: name, Description: description, Type: type, AwsManaged: awsManaged,
  },
  Content: JSON.stringify(content),
  Targets: tgts,
});
const organization = {
  Organization: {
    Id: ORG, Arn: orgArn(`organization/${ORG}`), FeatureSet: 'ALL', MasterAccountArn: orgArn(`account/${ORG}/${MGMT}`),
    MasterAccountId: MGMT, MasterAccountEmail: 'aws-management@anycompany.example',
    AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
  },
  Roots: [{ Id: ROOT_ID, Arn: orgArn(`root/${ORG}/${ROOT_ID}`), Name: 'Root',
    PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }, { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' }] }],
  OrganizationalUnits: [
    { Id: OU.workloads, Arn: targets.workloads.Arn, Name: 'Workloads', ParentId: ROOT_ID },
    { Id: OU.security, Arn: targets.secOu.Arn, Name: 'Security', ParentId: ROOT_ID },
    { Id: OU.prod, Arn: targets.prodOu.Arn, Name: 'Production', ParentId: OU.workloads },
    { Id: OU.dev, Arn: targets.devOu.Arn, Name: 'Development', ParentId: OU.workloads },
  ],
  Accounts: accounts,
  Policies: [
    // AWS attaches FullAWSAccess to every root, OU and account when SCPs are enabled.
    policy('p-FullAWSAccess', 'FullAWSAccess', 'Allows access to every operation', 'SERVICE_CONTROL_POLICY',
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      [targets.root, targets.workloads, targets.secOu, targets.prodOu, targets.devOu, ...accounts.map(accountTarget)], true),
    policy('p-cc11denyleave', 'DenyLeaveOrganization', 'No account leaves the organization', 'SERVICE_CONTROL_POLICY',
      doc({ Sid: 'DenyLeaveOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }), [targets.root]),
    policy('p-cc11protectct', 'ProtectAuditTrail', 'Nobody stops or deletes CloudTrail trails', 'SERVICE_CONTROL_POLICY',
      doc({ Sid: 'ProtectAuditTrail', Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail'], Resource: '*' }), [targets.root]),
    policy('p-cc11norecord', 'DenyContactRecordingInDev', 'Development accounts never record customer calls', 'SERVICE_CONTROL_POLICY',
      doc({ Sid: 'DenyContactRecording', Effect: 'Deny', Action: ['connect:StartContactRecording', 'connect:ResumeContactRecording'], Resource: '*' }), [targets.devOu]),
    policy('p-RCPFullAWSAccess', 'RCPFullAWSAccess', 'Allows access to every operation', 'RESOURCE_CONTROL_POLICY',
      doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
      [targets.root, targets.workloads, targets.secOu, targets.prodOu, targets.devOu, ...accounts.map(accountTarget)], true),
    // The data perimeter example of the Organizations guide (RCPs), limited to S3 and KMS.
    policy('p-cc11perimeter', 'RecordingsDataPerimeter', 'Recordings and their keys only for the organization and AWS services', 'RESOURCE_CONTROL_POLICY',
      doc({ Sid: 'EnforceOrgIdentities', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'kms:*'], Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }),
      [targets.secOu]),
  ],
};

// ---------- the dev and security accounts' IAM ----------
const ids = { user: 'AIDA', role: 'AROA' };
let n = 0;
const uid = (kind) => `${ids[kind]}${String(++n).padStart(4, '0')}ESTATEEXAMPLE`;
const user = (account, name, inline) => ({
  Path: '/', UserName: name, UserId: uid('user'), Arn: `arn:aws:iam::${account}:user/${name}`, CreateDate: '2024-05-01T10:00:00+00:00',
  UserPolicyList: inline.map(([PolicyName, PolicyDocument]) => ({ PolicyName, PolicyDocument })), GroupList: [], AttachedManagedPolicies: [], Tags: [],
});
const role = (account, name, trust, inline, description) => ({
  Path: '/', RoleName: name, RoleId: uid('role'), Arn: `arn:aws:iam::${account}:role/${name}`, CreateDate: '2024-05-01T10:00:00+00:00',
  AssumeRolePolicyDocument: trust, Description: description, MaxSessionDuration: 3600, InstanceProfileList: [],
  RolePolicyList: inline.map(([PolicyName, PolicyDocument]) => ({ PolicyName, PolicyDocument })), AttachedManagedPolicies: [], Tags: [], RoleLastUsed: {},
});
const trustAccount = (account) => doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' });
// Access paths (issue 14): IAM Identity Center's role for the contact-centre admins' permission set
// (path /aws-reserved/sso.amazonaws.com/, trusting the Identity Center SAML provider, as AWS creates
// it) assumes the contact-centre admin role; a support role can pass that role to Lambda.
const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';
const SSO_ROLE = 'AWSReservedSSO_ContactCentreAdmins_7d3f1a2b9c4e5f60';
const SSO_ROLE_ARN = `arn:aws:iam::${MGMT}:role${SSO_PATH}${SSO_ROLE}`;
const CC_ADMIN_ARN = `arn:aws:iam::${MGMT}:role/ContactCentreAdminRole`;
const ssoRole = {
  ...role(MGMT, SSO_ROLE, doc({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${MGMT}:saml-provider/AWSSSO_5e1c2d3f4a5b6c7d_DO_NOT_DELETE` },
    Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'], Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }),
  [['AwsSSOInlinePolicy', doc(
    { Sid: 'AssumeContactCentreAdmin', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: CC_ADMIN_ARN },
    { Sid: 'ReadConnect', Effect: 'Allow', Action: ['connect:Describe*', 'connect:List*'], Resource: '*' },
  )]], 'IAM Identity Center permission set ContactCentreAdmins'),
  Path: SSO_PATH,
  Arn: SSO_ROLE_ARN,
};
const contactCentreAdmin = role(MGMT, 'ContactCentreAdminRole', doc(
  // IAM Identity Center User Guide, "Referencing permission sets in resource policies…": the
  // session's role ARN is matched with aws:PrincipalArn (the role name carries a random suffix).
  { Sid: 'ContactCentreAdminsPermissionSet', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MGMT}:root` }, Action: 'sts:AssumeRole',
    Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${MGMT}:role${SSO_PATH}AWSReservedSSO_ContactCentreAdmins_*` } } },
  { Sid: 'ProvisioningFunctions', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
), [['AdministratorAccess', doc({ Effect: 'Allow', Action: '*', Resource: '*' })]],
'Administers the contact centre estate; also runs its provisioning functions');
const supportEngineer = role(MGMT, 'SupportEngineerRole', trustAccount(MGMT), [['SupportTooling', doc(
  { Sid: 'Support', Effect: 'Allow', Action: ['support:*', 'logs:Get*', 'logs:Describe*', 'logs:FilterLogEvents'], Resource: '*' },
  { Sid: 'DeployDiagnostics', Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction', 'lambda:GetFunction'], Resource: '*' },
  // The escalation: no iam:PassedToService condition and the admin role in Resource.
  { Sid: 'PassProvisioningRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: CC_ADMIN_ARN },
)]], 'Support engineers: tickets, logs and diagnostic functions');
const estateAccounts = {
  UserDetailList: [
    user(DEV, 'dev.supervisor', [['DevContactRecording', doc({ Sid: 'RecordDevContacts', Effect: 'Allow',
      Action: ['connect:StartContactRecording', 'connect:StopContactRecording', 'connect:SuspendContactRecording', 'connect:ResumeContactRecording'],
      Resource: `${DEV_INSTANCE}/contact/*` })]]),
    user(DEV, 'dev.ops', [['DevBuckets', doc({ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::anycompany-dev-*', 'arn:aws:s3:::anycompany-dev-*/*'] })]]),
    user(SEC, 'security.admin', [['RecordingsAdministration', doc(
      { Sid: 'Recordings', Effect: 'Allow', Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`] },
      { Sid: 'RecordingsKey', Effect: 'Allow', Action: 'kms:*', Resource: KEY },
    )]]),
  ],
  GroupDetailList: [],
  RoleDetailList: [
    role(DEV, 'QualityAnalyst', trustAccount(DEV), [['ListenToRecordings', doc(
      { Sid: 'ReadRecordings', Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*` },
      { Sid: 'DecryptRecordings', Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY },
      { Sid: 'AssumeAudit', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: AUDIT_ROLE },
    )]], 'Quality analysts of the dev account listen to production call recordings'),
    role(SEC, 'RecordingsAuditor', trustAccount(SEC), [], 'Reads recordings through the bucket and key policies only'),
    role(SEC, 'CrossAccountAuditRole', doc(
      { Sid: 'QualityAnalysts', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:role/QualityAnalyst` }, Action: 'sts:AssumeRole' },
      { Sid: 'AuditVendor', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${VENDOR}:root` }, Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'anycompany-audit-7f3a' } } },
    ), [['AuditRecordingsBucket', doc({ Effect: 'Allow', Action: ['s3:GetBucketPolicy', 's3:ListBucket'], Resource: BUCKET })]],
    'Assumed by the dev account\'s quality analysts and the external audit vendor'),
    ssoRole,
    contactCentreAdmin,
    supportEngineer,
  ],
  Policies: [],
};

// ---------- resource policies ----------
const resourcePolicies = {
  ResourcePolicies: [
    { ResourceArn: BUCKET, ResourceOwner: SEC, Policy: text(doc(
      { Sid: 'ProdConnectWritesRecordings', Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 's3:PutObject', Resource: `${BUCKET}/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': PROD } } },
      { Sid: 'AuditorsRead', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SEC}:role/RecordingsAuditor` }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [BUCKET, `${BUCKET}/*`] },
      { Sid: 'DevQualityAnalystsRead', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:role/QualityAnalyst` }, Action: 's3:GetObject', Resource: `${BUCKET}/*` },
      { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    )) },
    { ResourceArn: KEY, Policy: text(doc(
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SEC}:root` }, Action: 'kms:*', Resource: '*' },
      { Sid: 'AuditorsDecrypt', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SEC}:role/RecordingsAuditor` }, Action: 'kms:Decrypt', Resource: '*' },
      { Sid: 'DevQualityAnalystsDecrypt', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:role/QualityAnalyst` }, Action: 'kms:Decrypt', Resource: '*' },
      { Sid: 'ConnectEncrypts', Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: ['kms:GenerateDataKey', 'kms:Encrypt'], Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': PROD } } },
    )) },
  ],
};

const write = (name, value) => fs.writeFileSync(ROOT + name, JSON.stringify(value, null, 4) + '\n');
write('estate-organization.json', organization);
write('estate-accounts.json', estateAccounts);
write('estate-resource-policies.json', resourcePolicies);
console.log('accounts', accounts.length, 'OUs', organization.OrganizationalUnits.length, 'org policies', organization.Policies.length,
  'principals', estateAccounts.UserDetailList.length + estateAccounts.RoleDetailList.length, 'resource policies', resourcePolicies.ResourcePolicies.length);
