// Generates seed/organisation.json and seed/resources.json.  Run: node seed/tools/generate.mjs
// The policy files in seed/policies/ are the documentation's text, extracted by hand; this script
// reads them and never writes them.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ACCT = '123456789012';
const INST_A_ID = '00fbeee1-123e-111e-93e3-11111bfbfcc1';
const INST_B_ID = '00fbeee1-123e-111e-93e3-11111bfbfcc17';
const INST_A = `arn:aws:connect:us-east-1:${ACCT}:instance/${INST_A_ID}`;
const INST_B = `arn:aws:connect:us-west-2:${ACCT}:instance/${INST_B_ID}`;

// ---------- ids ----------
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function uid(prefix, seed) {
  const h = crypto.createHash('sha256').update(prefix + ':' + seed).digest();
  let s = '';
  for (let i = 0; s.length < 17; i++) s += B32[h[i] % 32];
  return prefix + s;
}

// ---------- documents ----------
const policyFile = (n) => fs.readFileSync(ROOT + 'policies/' + n + '.json', 'utf8').replace(/\n$/, '');
const W_OPEN = '{"Version":"2012-10-17","Statement":[';
const WRAPS = {
  none: (t) => t,
  statement: (t) => W_OPEN + t + ']}',                 // one statement "{...}" without the document
  openStatement: (t) => W_OPEN + '{' + t + ']}',       // statements whose first "{" is missing too
  closeDocument: (t) => t + '}',                       // document missing its final "}"
};
/** AWS CLI shape: an object when the text is JSON, else the URL-encoded text (raw IAM API shape). */
function doc(text) {
  try { return JSON.parse(text); } catch { return encodeURIComponent(text); }
}
const fileDoc = (n, wrap = 'none') => doc(WRAPS[wrap](policyFile(n)));
const obj = (o) => o; // hand-written documents (filled-in copies, org-specific policies)

// ---------- policies ----------
// versions: [{ d: document, date }], last one is the default unless defaultIndex given
const policies = [];
function managed({ name, path = '/', aws = false, versions, created, defaultIndex }) {
  const arn = aws ? `arn:aws:iam::aws:policy${path}${name}` : `arn:aws:iam::${ACCT}:policy${path}${name}`;
  const firstVersion = versions[0].v ?? 1;
  const vs = versions.map((v, i) => ({ ...v, id: 'v' + (v.v ?? firstVersion + i) }));
  const def = defaultIndex ?? vs.length - 1;
  const p = {
    PolicyName: name,
    PolicyId: uid('ANPA', arn),
    Arn: arn,
    Path: path,
    DefaultVersionId: vs[def].id,
    AttachmentCount: 0,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: !path.startsWith('/aws-service-role/'), // service-linked role policies cannot be attached
    CreateDate: created ?? vs[0].date,
    UpdateDate: vs[def].date,
    PolicyVersionList: vs.map((v, i) => ({ Document: v.d, VersionId: v.id, IsDefaultVersion: i === def, CreateDate: v.date })).reverse(),
  };
  policies.push(p);
  return arn;
}

// --- AWS managed: AmazonConnect_FullAccess, with versions reconstructed from 004's change history
const fullAccessV4 = fileDoc('004-amazonconnect-fullaccess');
const fullAccessV3 = structuredClone(fullAccessV4);
fullAccessV3.Statement.pop(); // 2023-01-26 added iam:CreateServiceLinkedRole for profile.amazonaws.com
const fullAccessV2 = structuredClone(fullAccessV3);
fullAccessV2.Statement.splice(1, 1); // 2021-11-12 added the amazon-connect-* Customer Profiles domain statement
fullAccessV2.Statement[0].Action = fullAccessV2.Statement[0].Action.filter((a) => !a.startsWith('profile:'));
const P = {};
P.FullAccess = managed({
  name: 'AmazonConnect_FullAccess', aws: true, created: '2018-10-17T20:59:39+00:00',
  versions: [
    { v: 2, d: fullAccessV2, date: '2021-06-15T17:11:24+00:00' },
    { v: 3, d: fullAccessV3, date: '2021-11-12T19:31:08+00:00' },
    { v: 4, d: fullAccessV4, date: '2023-01-26T20:05:42+00:00' },
  ],
});
// AmazonConnectReadOnlyAccess: its text is not in the seed documents; this is AWS's published v4
// (AWS managed policy reference, arn:aws:iam::aws:policy/AmazonConnectReadOnlyAccess).
P.ReadOnly = managed({
  name: 'AmazonConnectReadOnlyAccess', aws: true, created: '2018-10-17T21:00:44+00:00',
  versions: [{ v: 4, date: '2024-06-19T15:15:53+00:00', d: obj({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AllowConnectReadOnly', Effect: 'Allow', Action: ['connect:Get*', 'connect:Describe*', 'connect:List*', 'ds:DescribeDirectories'], Resource: '*' },
      { Sid: 'DenyConnectEmergencyAccess', Effect: 'Deny', Action: 'connect:AdminGetEmergencyAccessToken', Resource: '*' },
    ],
  }) }],
});
// AmazonConnectVoiceIDFullAccess: not in the seed documents either; AWS's published v1.
P.VoiceIdFull = managed({
  name: 'AmazonConnectVoiceIDFullAccess', aws: true,
  versions: [{ v: 1, date: '2021-09-26T19:04:56+00:00', d: obj({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'voiceid:*', Resource: '*' }] }) }],
});
P.ProfilesSLR = managed({
  name: 'CustomerProfilesServiceLinkedRolePolicy', aws: true, path: '/aws-service-role/',
  versions: [{ v: 1, date: '2023-03-07T22:56:31+00:00', d: fileDoc('004-customerprofiles-service-linked-role-policy') }],
});

// --- customer managed: the documented policies
const cm = (name, file, date, wrap = 'none', path = '/') =>
  managed({ name, path, versions: [{ d: fileDoc(file, wrap), date }] });

P.ViewOwn = cm('ConnectViewOwnUserInfo', '000-view-own-permissions', '2023-02-06T10:14:22+00:00');
P.ViewUsers = cm('ConnectViewUsers', '000-view-user', '2023-02-06T10:16:03+00:00');
P.AppIntAccess = managed({ name: 'AppIntegrationsAccess', versions: [
  { d: fileDoc('000-app-integrations-access'), date: '2023-03-01T14:02:11+00:00' },
  { d: fileDoc('001-app-integrations-access'), date: '2023-09-18T08:45:37+00:00' },
] });
P.DeptTest = cm('ConnectUsersDepartmentTest', '000-describe-update-users-by-tag', '2023-03-09T16:20:45+00:00');
P.CreateTeamA = cm('ConnectCreateUserTeamA', '000-create-users-by-tag', '2023-03-09T16:24:10+00:00');
P.AppIntCreateView = managed({ name: 'AppIntegrationsCreateView', versions: [
  { d: fileDoc('000-app-integrations-create-view'), date: '2023-03-01T14:05:52+00:00' },
  { d: fileDoc('001-app-integrations-create-view'), date: '2023-09-18T08:47:03+00:00' },
] });
P.Wisdom = cm('WisdomAssistantsManage', '001-wisdom-assistants', '2023-09-18T08:52:40+00:00');
P.CampOnboard = cm('OutboundCampaignsOnboarding', '001-outbound-campaigns-onboarding', '2023-10-02T11:03:19+00:00', 'openStatement');
P.CampDisable = cm('OutboundCampaignsDisable', '001-outbound-campaigns-disable', '2023-10-02T11:05:44+00:00', 'closeDocument');
P.CampManage = cm('OutboundCampaignsManagement', '001-outbound-campaigns-management', '2023-10-02T11:07:58+00:00', 'statement');
P.CampReadOnly = cm('OutboundCampaignsReadOnly', '001-outbound-campaigns-readonly', '2023-10-02T11:09:12+00:00', 'statement');
P.CampTag = cm('OutboundCampaignsTagBased', '001-outbound-campaigns-tag-based', '2023-10-02T11:11:30+00:00', 'statement');
P.DenyAgentsA = cm('DenyAgentManagementInstanceA', '002-deny-delete-update-users-instance', '2023-01-20T09:00:00+00:00');
P.AppIntPrefix = cm('AppIntegrationsNamePrefix', '002-app-integrations-name-prefix', '2023-04-12T13:30:26+00:00');
P.CreateDenySP = cm('ConnectCreateUserDenySecurityProfile', '002-create-user-deny-security-profile', '2023-03-09T16:31:55+00:00');
P.StartRec = cm('ConnectStartContactRecording', '002-start-contact-recording', '2023-05-22T10:12:41+00:00');
P.AllContact = cm('ConnectAllContactActions', '002-all-contact-actions', '2023-05-22T10:15:09+00:00');
P.AppIntViewSpecific = cm('AppIntegrationsViewSpecific', '002-view-specific-event-integration', '2023-04-12T13:34:50+00:00');
P.ProfilesDomain = cm('CustomerProfilesDomainAccess', '002-customer-profiles-domain-access', '2023-06-05T15:40:02+00:00');
P.ProfilesRead = cm('CustomerProfilesReadOnly', '002-customer-profiles-read-only', '2023-06-05T15:42:37+00:00');
P.FullCompanion = cm('AmazonConnectFullAccessCompanion', '004-amazonconnect-fullaccess-custom-policy', '2023-01-20T08:51:13+00:00');
P.VoiceIdCompanion = cm('AmazonConnectVoiceIDCompanion', '004-amazonconnect-voiceid-custom-policy', '2023-07-11T12:25:48+00:00');

// --- customer managed: filled-in copies of placeholder policies, and the org's own policies
const own = (name, d, date, path = '/') => managed({ name, path, versions: [{ d, date }] });
const RECORDING = ['connect:StartContactRecording', 'connect:StopContactRecording', 'connect:SuspendContactRecording', 'connect:ResumeContactRecording'];
P.SupRec = own('SupervisorContactRecording', {
  Version: '2012-10-17',
  Statement: [{ Sid: 'RecordInstanceAContacts', Effect: 'Allow', Action: RECORDING, Resource: `${INST_A}/contact/*` }],
}, '2023-05-22T10:20:33+00:00');
P.AutoContact = own('AutomationContactActions', {
  Version: '2012-10-17',
  Statement: [{ Action: ['connect:*'], Resource: `arn:aws:connect:us-west-2:${ACCT}:instance/*/contact/*`, Effect: 'Allow' }],
}, '2023-05-22T10:22:18+00:00');
P.AutoBoundary = own('ConnectAutomationBoundary', {
  Version: '2012-10-17',
  Statement: [{ Sid: 'ReadAndRecordOnly', Effect: 'Allow', Action: ['connect:Describe*', 'connect:List*', 'connect:Get*', ...RECORDING], Resource: '*' }],
}, '2023-05-22T10:05:57+00:00', '/boundaries/');
P.ContractorBoundary = own('ConnectContractorBoundary', {
  Version: '2012-10-17',
  Statement: [{ Sid: 'ContractorsReadOnly', Effect: 'Allow', Action: ['connect:Describe*', 'connect:List*', 'connect:Get*', 'iam:Get*', 'iam:List*'], Resource: '*' }],
}, '2023-08-14T09:41:20+00:00', '/boundaries/');
P.ProfilesDemo = own('CustomerProfilesDemoDomainAccess', {
  Version: '2012-10-17',
  Statement: [{ Action: ['profile:*'], Resource: `arn:aws:profile:us-west-2:${ACCT}:domains/amazon-connect-demo`, Effect: 'Allow' }],
}, '2023-06-05T15:45:12+00:00');
P.ProfilesDemoRead = own('CustomerProfilesDemoReadOnly', {
  Version: '2012-10-17',
  Statement: [{ Action: ['profile:SearchProfiles', 'profile:ListObjects'], Resource: `arn:aws:profile:us-west-2:${ACCT}:domains/amazon-connect-demo`, Effect: 'Allow' }],
}, '2023-06-05T15:47:30+00:00');
P.AppIntViewOrders = own('AppIntegrationsViewOrders', {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['app-integrations:GetEventIntegration'], Resource: `arn:aws:app-integrations:us-west-2:${ACCT}:event-integration/MyNamePrefix-orders` }],
}, '2023-04-12T13:38:05+00:00');
P.CampTagA = own('OutboundCampaignsInstanceAOwner', {
  Version: '2012-10-17',
  Statement: [{ Sid: 'AllowConnectCampaignsOperations', Effect: 'Allow', Action: ['connect-campaigns:DescribeCampaign', 'connect-campaigns:GetCampaignState'], Resource: '*',
    Condition: { StringEquals: { 'aws:ResourceTag/owner': INST_A } } }],
}, '2023-10-02T11:14:46+00:00');

// ---------- principals ----------
const ref = (arn) => ({ PolicyName: arn.split('/').pop(), PolicyArn: arn });
const tags = (o) => Object.entries(o).map(([Key, Value]) => ({ Key, Value }));
const groups = [];
function group(name, attached, inline = [], created, path = '/') {
  const arn = `arn:aws:iam::${ACCT}:group${path}${name}`;
  groups.push({ Path: path, GroupName: name, GroupId: uid('AGPA', arn), Arn: arn, CreateDate: created,
    GroupPolicyList: inline, AttachedManagedPolicies: attached.map(ref) });
  return name;
}
const G = {};
G.AllStaff = group('AllStaff', [P.DenyAgentsA], [], '2023-01-20T09:02:31+00:00');
G.Admins = group('ConnectAdministrators', [P.FullAccess, P.FullCompanion], [], '2023-01-20T08:55:47+00:00');
G.Auditors = group('ConnectAuditors', [P.ReadOnly], [
  { PolicyName: 'AuditorsCloudTrailLookup', PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: 'LookupConnectEvents', Effect: 'Allow', Action: ['cloudtrail:LookupEvents', 'cloudtrail:GetTrailStatus'], Resource: '*' }] } },
], '2023-01-23T11:37:09+00:00');
G.Supervisors = group('ConnectSupervisors', [P.SupRec, P.ViewUsers, P.ProfilesDemoRead], [], '2023-02-06T10:30:15+00:00');
G.Agents = group('ConnectAgents', [P.ViewOwn, P.ViewUsers, P.ProfilesDemoRead, P.ProfilesRead], [], '2023-02-06T10:33:48+00:00');
G.TestTeam = group('ConnectTestTeam', [P.DeptTest], [], '2023-03-09T16:40:02+00:00');
G.Onboarding = group('ConnectUserOnboarding', [P.CreateTeamA, P.CreateDenySP], [], '2023-03-09T16:42:27+00:00');
G.IntDevs = group('IntegrationDevelopers', [P.AppIntAccess, P.AppIntCreateView, P.Wisdom, P.AppIntViewSpecific], [], '2023-03-01T14:10:44+00:00');

const users = [];
function user(name, groupNames, t, created, extra = {}) {
  const path = extra.path ?? '/';
  const arn = `arn:aws:iam::${ACCT}:user${path}${name}`;
  const u = { Path: path, UserName: name, UserId: uid('AIDA', arn), Arn: arn, CreateDate: created,
    UserPolicyList: extra.inline ?? [], GroupList: [G.AllStaff, ...groupNames], AttachedManagedPolicies: (extra.attached ?? []).map(ref) };
  if (extra.boundary) u.PermissionsBoundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: extra.boundary };
  u.Tags = tags(t);
  users.push(u);
  return arn;
}
const U = {};
U.alice = user('alice.nguyen', [G.Admins], { Department: 'IT', Team: 'ContactCentrePlatform', CostCenter: 'CC-1100' }, '2023-01-20T09:10:12+00:00');
U.bob = user('bob.martinez', [G.Admins], { Department: 'IT', Team: 'ContactCentrePlatform', CostCenter: 'CC-1100' }, '2023-01-20T09:11:40+00:00');
U.carol = user('carol.smith', [G.Auditors], { Department: 'Security', Team: 'InternalAudit', CostCenter: 'CC-1300' }, '2023-01-23T11:40:55+00:00');
U.dan = user('dan.okafor', [G.Auditors], { Department: 'Compliance', Team: 'InternalAudit', CostCenter: 'CC-1300' }, '2023-01-23T11:42:18+00:00');
U.erin = user('erin.walsh', [G.Supervisors], { Department: 'ContactCentre', Team: 'Supervisors-East', CostCenter: 'CC-2100' }, '2023-02-06T10:41:03+00:00', {
  inline: [{ PolicyName: 'SupervisorQueueMetrics', PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: 'InstanceAQueueMetrics', Effect: 'Allow', Action: ['connect:GetCurrentMetricData', 'connect:GetMetricData'], Resource: [`${INST_A}/queue/*`] }] } }],
});
U.frank = user('frank.mueller', [G.Supervisors], { Department: 'ContactCentre', Team: 'Supervisors-East', CostCenter: 'CC-2100' }, '2023-02-06T10:42:36+00:00');
U.grace = user('grace.kim', [G.Agents], { Department: 'ContactCentre', Team: 'Agents-East', CostCenter: 'CC-2200' }, '2023-02-06T10:50:21+00:00');
U.henry = user('henry.adams', [G.Agents], { Department: 'ContactCentre', Team: 'Agents-East', CostCenter: 'CC-2200' }, '2023-02-06T10:51:09+00:00');
U.isla = user('isla.brown', [G.Agents], { Department: 'ContactCentre', Team: 'Agents-West', CostCenter: 'CC-2300' }, '2023-02-07T08:15:44+00:00');
U.jack = user('jack.taylor', [G.TestTeam], { Department: 'QA', Team: 'ConnectTest', CostCenter: 'CC-3100' }, '2023-03-09T16:45:30+00:00');
U.kara = user('kara.singh', [G.TestTeam], { Department: 'QA', Team: 'ConnectTest', CostCenter: 'CC-3100', EmploymentType: 'Contractor' }, '2023-08-14T09:50:02+00:00', {
  path: '/contractors/', boundary: P.ContractorBoundary,
});
U.liam = user('liam.oconnor', [G.Onboarding], { Department: 'WorkforceManagement', Team: 'TeamA', CostCenter: 'CC-2400' }, '2023-03-09T16:47:12+00:00');
U.maya = user('maya.patel', [G.Onboarding], { Department: 'WorkforceManagement', Team: 'TeamA', CostCenter: 'CC-2400' }, '2023-03-09T16:48:05+00:00');
U.noah = user('noah.fischer', [G.IntDevs], { Department: 'Engineering', Team: 'Integrations', CostCenter: 'CC-4100' }, '2023-03-01T14:15:27+00:00', {
  inline: [{ PolicyName: 'AppIntegrationsCleanup', PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: 'DeleteOwnEventIntegrations', Effect: 'Allow', Action: ['app-integrations:DeleteEventIntegration'], Resource: `arn:aws:app-integrations:us-west-2:${ACCT}:event-integration/MyNamePrefix-*` }] } }],
});
U.olivia = user('olivia.rossi', [G.IntDevs], { Department: 'Engineering', Team: 'Integrations', CostCenter: 'CC-4100' }, '2023-03-01T14:16:50+00:00');

const roles = [];
const trustAccount = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] };
const trustService = (svc) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: svc }, Action: 'sts:AssumeRole' }] });
function role(name, trust, attached, t, created, extra = {}) {
  const path = extra.path ?? '/';
  const arn = `arn:aws:iam::${ACCT}:role${path}${name}`;
  const r = { Path: path, RoleName: name, RoleId: uid('AROA', arn), Arn: arn, CreateDate: created,
    AssumeRolePolicyDocument: trust, InstanceProfileList: [], RolePolicyList: extra.inline ?? [], AttachedManagedPolicies: attached.map(ref) };
  if (extra.boundary) r.PermissionsBoundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: extra.boundary };
  r.Tags = tags(t);
  r.RoleLastUsed = extra.lastUsed ?? {};
  roles.push(r);
  return arn;
}
const R = {};
R.supervisor = role('ConnectSupervisorRole', trustAccount, [P.SupRec, P.StartRec], { Department: 'ContactCentre', Team: 'Supervisors-East', CostCenter: 'CC-2100' }, '2023-05-22T10:30:11+00:00',
  { lastUsed: { LastUsedDate: '2024-05-14T13:22:08+00:00', Region: 'us-east-1' } });
R.automation = role('ConnectAutomationRole', trustService('lambda.amazonaws.com'), [P.AllContact, P.AutoContact], { Department: 'IT', Team: 'ContactCentrePlatform', CostCenter: 'CC-1100' }, '2023-05-22T10:33:40+00:00', {
  boundary: P.AutoBoundary,
  inline: [{ PolicyName: 'AutomationLogging', PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:us-west-2:${ACCT}:log-group:/aws/lambda/connect-automation:*` }] } }],
  lastUsed: { LastUsedDate: '2024-05-15T02:10:45+00:00', Region: 'us-west-2' },
});
R.profiles = role('CustomerProfilesRole', trustService('connect.amazonaws.com'), [P.ProfilesDomain, P.ProfilesDemo], { Department: 'ContactCentre', Team: 'CustomerData', CostCenter: 'CC-2500' }, '2023-06-05T15:50:26+00:00');
R.campaigns = role('OutboundCampaignsRole', trustAccount, [P.CampOnboard, P.CampDisable, P.CampManage, P.CampReadOnly], { Department: 'Marketing', Team: 'OutboundCampaigns', CostCenter: 'CC-5100' }, '2023-10-02T11:20:15+00:00');
R.campaignsA = role('OutboundCampaignsInstanceARole', trustAccount, [P.CampTag, P.CampTagA], { Department: 'Marketing', Team: 'OutboundCampaigns-East', CostCenter: 'CC-5100' }, '2023-10-02T11:22:49+00:00');
R.voiceid = role('VoiceIDAdminRole', trustAccount, [P.VoiceIdFull, P.VoiceIdCompanion], { Department: 'Security', Team: 'FraudPrevention', CostCenter: 'CC-1300' }, '2023-07-11T12:30:02+00:00');
R.orders = role('OrdersIntegrationRole', trustService('lambda.amazonaws.com'), [P.AppIntPrefix, P.AppIntViewOrders], { Department: 'Engineering', Team: 'Integrations', CostCenter: 'CC-4100' }, '2023-04-12T13:42:18+00:00', { path: '/service-role/' });
R.profileSLR = role('AWSServiceRoleForProfile', trustService('profile.amazonaws.com'), [P.ProfilesSLR], {}, '2023-06-05T15:31:59+00:00', { path: '/aws-service-role/profile.amazonaws.com/' });
// service-linked roles carry no tags
roles[roles.length - 1].Tags = [];

// ---------- attachment counts ----------
const byArn = new Map(policies.map((p) => [p.Arn, p]));
for (const e of [...users, ...groups, ...roles]) {
  for (const a of e.AttachedManagedPolicies) byArn.get(a.PolicyArn).AttachmentCount++;
  if (e.PermissionsBoundary) byArn.get(e.PermissionsBoundary.PermissionsBoundaryArn).PermissionsBoundaryUsageCount++;
}
for (const p of policies) if (p.AttachmentCount + p.PermissionsBoundaryUsageCount === 0) throw new Error('unused policy ' + p.Arn);

const org = { UserDetailList: users, GroupDetailList: groups, RoleDetailList: roles, Policies: policies, IsTruncated: false };
fs.writeFileSync(ROOT + 'organisation.json', JSON.stringify(org, null, 4) + '\n');

// ---------- resources ----------
const res = [];
const add = (arn, t) => res.push({ ResourceARN: arn, Tags: tags(t) });
add(INST_A, { Name: 'anycompany-east', Environment: 'Production', CostCenter: 'CC-2000' });
add(INST_B, { Name: 'anycompany-west', Environment: 'Production', CostCenter: 'CC-2000' });
// Connect users (agents)
const A = (p) => `${INST_A}/${p}`, Bx = (p) => `${INST_B}/${p}`;
add(A('agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1'), { Department: 'Test', Team: 'QA-East', Name: 'test.agent.east' });
add(A('agent/4c1f2a9e-7d3b-4e8a-9b6c-2f5d8e1a3c70'), { Department: 'Sales', Team: 'Sales-East', Name: 'grace.kim' });
add(A('agent/9a7e3b1d-2c4f-4a6b-8d0e-5f1c7b9a2e41'), { Department: 'Sales', Team: 'Sales-East', Name: 'henry.adams' });
add(A('agent/e3b5c7d9-1f2a-4b3c-9d4e-6a8b0c2d4f62'), { Department: 'Support', Team: 'Supervisors-East', Name: 'erin.walsh' });
add(Bx('agent/7f2c9d4e-8a1b-4c3d-b5e6-0f9a8b7c6d53'), { Department: 'Test', Team: 'QA-West', Name: 'test.agent.west' });
add(Bx('agent/2b8d4f6a-0c1e-4d2f-a3b5-7c9e1f3a5b84'), { Department: 'Test', Team: 'QA-West', Name: 'uat.agent.west' });
add(Bx('agent/5d0f2b4c-6e8a-4f1b-9c3d-8e0a2c4e6f15'), { Department: 'Sales', Team: 'Sales-West', Name: 'isla.brown' });
// security profiles
add(A('security-profile/a0c2e4f6-1b3d-4f5a-8c7e-9d1b3f5a7c20'), { Name: 'Admin' });
add(A('security-profile/b1d3f5a7-2c4e-4a6b-9d8f-0e2c4a6b8d31'), { Name: 'Agent' });
add(A('security-profile/c2e4a6b8-3d5f-4b7c-8e9a-1f3d5b7c9e42'), { Name: 'CallCenterManager' });
add(Bx('security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17'), { Name: 'Admin' });
add(Bx('security-profile/d3f5b7c9-4e6a-4c8d-9f0b-2a4e6c8d0f53'), { Name: 'Agent' });
// queues, routing profiles, flows, hours, hierarchy, phone numbers, task templates
add(A('queue/f1a3c5e7-9b2d-4e6f-8a0c-3b5d7f9a1c64'), { Name: 'BasicQueue', Department: 'Support' });
add(A('queue/0b2d4f6a-8c1e-4f3a-9b5d-4c6e8a0b2d75'), { Name: 'SalesQueue', Department: 'Sales' });
add(Bx('queue/1c3e5a7b-9d2f-4a4b-8c6e-5d7f9b1c3e86'), { Name: 'BasicQueue', Department: 'Support' });
add(A('routing-profile/2d4f6b8c-0e3a-4b5c-9d7f-6e8a0c2d4f97'), { Name: 'Basic Routing Profile' });
add(Bx('routing-profile/3e5a7c9d-1f4b-4c6d-8e8a-7f9b1d3e5a08'), { Name: 'Basic Routing Profile' });
add(A('contact-flow/4f6b8d0e-2a5c-4d7e-9f9b-8a0c2e4f6b19'), { Name: 'Default inbound flow', Environment: 'Production' });
add(Bx('contact-flow/5a7c9e1f-3b6d-4e8f-8a0c-9b1d3f5a7c20'), { Name: 'Sample recording behavior', Environment: 'Production' });
add(A('operating-hours/6b8d0f2a-4c7e-4f9a-9b1d-0c2e4a6b8d31'), { Name: 'Basic Hours' });
add(A('agent-group/7c9e1a3b-5d8f-4a0b-8c2e-1d3f5b7c9e42'), { Name: 'East Floor' });
add(`arn:aws:connect:us-east-1:${ACCT}:phone-number/8d0f2b4c-6e9a-4b1c-9d3f-2e4a6c8d0f53`, { Name: 'Main line', Instance: INST_A_ID });
add(A('task-template/9e1a3c5d-7f0b-4c2d-8e4a-3f5b7d9e1a64'), { Name: 'Callback request' });
// contacts
add(A('contact/0f2b4d6e-8a1c-4d3e-9f5b-4a6c8e0f2b75'), { Channel: 'VOICE', Queue: 'SalesQueue' });
add(A('contact/1a3c5e7f-9b2d-4e4f-8a6c-5b7d9f1a3c86'), { Channel: 'CHAT', Queue: 'BasicQueue' });
add(Bx('contact/2b4d6f8a-0c3e-4f5a-9b7d-6c8e0a2b4d97'), { Channel: 'VOICE', Queue: 'BasicQueue' });
// Customer Profiles
add(`arn:aws:profile:us-west-2:${ACCT}:domains/amazon-connect-demo`, { Instance: INST_B_ID, Environment: 'Production' });
add(`arn:aws:profile:us-west-2:${ACCT}:domains/amazon-connect-demo/object-types/CTR`, { Environment: 'Production' });
add(`arn:aws:profile:us-east-1:${ACCT}:domains/amazon-connect-anycompany-east`, { Instance: INST_A_ID, Environment: 'Production' });
add(`arn:aws:profile:us-west-2:${ACCT}:domains/marketing-profiles`, { Department: 'Marketing', Environment: 'Production' });
// AppIntegrations
add(`arn:aws:app-integrations:us-west-2:${ACCT}:event-integration/MyNamePrefix-orders`, { Team: 'Integrations', Source: 'orders-service' });
add(`arn:aws:app-integrations:us-west-2:${ACCT}:event-integration/MyNamePrefix-returns`, { Team: 'Integrations', Source: 'returns-service' });
add(`arn:aws:app-integrations:us-west-2:${ACCT}:event-integration/crm-sync`, { Team: 'Integrations', Source: 'salesforce' });
add(`arn:aws:app-integrations:us-west-2:${ACCT}:data-integration/3c5e7a9b-1d4f-4a6b-8c8e-7d9f1b3c5e08`, { Team: 'Integrations', Name: 'knowledge-articles' });
// Wisdom
add(`arn:aws:wisdom:us-west-2:${ACCT}:assistant/4d6f8b0c-2e5a-4b7c-9d9f-8e0a2c4d6f19`, { Name: 'anycompany-agent-assist', AmazonConnectEnabled: 'True' });
// Outbound campaigns: the service tags each campaign with owner = the Connect instance ARN
add(`arn:aws:connect-campaigns:us-east-1:${ACCT}:campaign/5e7a9c1d-3f6b-4c8d-8e0a-9f1b3d5e7a20`, { owner: INST_A, Name: 'spring-renewals' });
add(`arn:aws:connect-campaigns:us-west-2:${ACCT}:campaign/6f8b0d2e-4a7c-4d9e-9f1b-0a2c4e6f8b31`, { owner: INST_B, Name: 'west-appointment-reminders' });
// Voice ID
add(`arn:aws:voiceid:us-east-1:${ACCT}:domain/Qp3Xw8ZrT1uVb6NcKd4Hj2`, { Name: 'anycompany-voiceid', Instance: INST_A_ID });
// S3 recordings bucket
add('arn:aws:s3:::amazon-connect-5f1a2b3c4d6e', { Purpose: 'CallRecordings', Instance: INST_A_ID });
fs.writeFileSync(ROOT + 'resources.json', JSON.stringify({ ResourceTagMappingList: res }, null, 4) + '\n');
console.log('users', users.length, 'groups', groups.length, 'roles', roles.length, 'policies', policies.length, 'resources', res.length);
