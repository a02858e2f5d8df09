/**
 * Acceptance on a realistic organization (issue 13): test/fixtures/estate-realistic holds what the
 * AWS CLI prints — the organization document (describe-organization, list-roots,
 * list-organizational-units-for-parent / list-accounts-for-parent plus ParentId, describe-policy plus
 * list-targets-for-policy), get-account-authorization-details for four accounts and a
 * resource-policies document. It is imported with `accessql import` and asked over GraphQL HTTP
 * and the CLI. Every expected answer is worked out from the AWS page named in the test, not from
 * running accessql.
 *
 *   r-7x2q Root                  SCP FullAWSAccess                RCP DataPerimeterIdentity
 *   ├── 100000000001 management (SCPs and RCPs do not apply to it)
 *   ├── Security ou-7x2q-5ec0r1ty
 *   │   └── 100000000004 security (not imported: an account of the organization beyond the store)
 *   ├── Workloads ou-7x2q-w0rk10ad   SCP WorkloadGuardrails (no LeaveOrganization; us-east-1 / eu-west-1 only)
 *   │   ├── Prod ou-7x2q-pr0dpr0d                                    RCP ProdEnforceSecureTransport
 *   │   │   └── 100000000002 prod
 *   │   └── Dev ou-7x2q-devdev00  SCP DevNoContactRecording
 *   │       └── 100000000003 dev
 *   └── Sandbox ou-7x2q-sandb0x0  SCP SandboxAllowList only (FullAWSAccess detached: an allow list)
 *       └── 100000000005 sandbox
 * Outside the organization: 999900000001 (the audit vendor, excepted by the RCP) and 888800000001 (a partner).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fixture, runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

const ORG = 'o-rz8k2m4q1a';
const ROOT = 'r-7x2q';
const MGMT = '100000000001';
const PROD = '100000000002';
const DEV = '100000000003';
const SEC = '100000000004';
const SBX = '100000000005';
const VENDOR = '999900000001';
const PARTNER = '888800000001';
const OU_WORKLOADS = 'ou-7x2q-w0rk10ad';
const OU_PROD = 'ou-7x2q-pr0dpr0d';
const OU_DEV = 'ou-7x2q-devdev00';
const OU_SANDBOX = 'ou-7x2q-sandb0x0';

const BUCKET = 'arn:aws:s3:::example-call-recordings';
const OBJECT = `${BUCKET}/2026/01/call-1.wav`;
const KEY_DEFAULT = `arn:aws:kms:us-east-1:${PROD}:key/1a2b3c4d-1111-4a4a-8b8b-0123456789ab`;
const KEY_DIRECT = `arn:aws:kms:us-east-1:${PROD}:key/5e6f7a8b-2222-4c4c-9d9d-0123456789cd`;
const QUEUE = `arn:aws:sqs:us-east-1:${PROD}:recording-events`;
const TOPIC = `arn:aws:sns:us-east-1:${PROD}:recording-uploaded`;
const SECRET = `arn:aws:secretsmanager:us-east-1:${PROD}:secret:prod/contact-db-Xy12Ab`;
const FUNCTION = `arn:aws:lambda:us-east-1:${PROD}:function:transcribe-recording`;
const DEV_INSTANCE = `arn:aws:connect:us-east-1:${DEV}:instance/aaaaaaaa-bbbb-cccc-dddd-000000000003`;
const PROD_INSTANCE = `arn:aws:connect:us-east-1:${PROD}:instance/aaaaaaaa-bbbb-cccc-dddd-000000000002`;

const user = (account: string, name: string) => `arn:aws:iam::${account}:user/${name}`;
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const CONNECT_SLR = role(PROD, 'aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_a1b2c3d4e5f6');

/** What a real request over HTTPS in us-east-1 carries (the Deny-on-absent region SCP and TLS policies need them). */
const TLS = [
  { key: 'aws:SecureTransport', values: ['true'] },
  { key: 'aws:RequestedRegion', values: ['us-east-1'] },
];
const INSECURE = [
  { key: 'aws:SecureTransport', values: ['false'] },
  { key: 'aws:RequestedRegion', values: ['us-east-1'] },
];

let server: TestServer;
let db: string;
let questions = 0;

before(async () => {
  db = tempDb();
  const dir = fixture('estate-realistic');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f}`);
  const r = runCli(['import', '--db', db, ...files]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`organization ${ORG} \\(5 accounts, 5 organizational units`));
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

interface Matched {
  policyName: string;
  sid: string | null;
  effect: string;
}
interface Entry {
  principal: { arn: string; type: string; accountId: string | null };
  decision: string;
  conditional: boolean;
  missingContextKeys: string[];
  matchedStatements: Matched[];
}
type Ctx = { key: string; values: string[] }[];

async function whoCan(action: string, resource: string, context: Ctx = TLS, includeConditional = false): Promise<Entry[]> {
  questions++;
  const r = await server.gql(
    `query($a: String!, $r: String!, $c: [ContextEntryInput!], $i: Boolean) {
      whoCan(action: $a, resource: $r, context: $c, includeConditional: $i, first: 100) { totalCount edges { node {
        principal { arn type accountId } decision conditional missingContextKeys matchedStatements { policyName sid effect } } } } }`,
    { a: action, r: resource, c: context, i: includeConditional },
  );
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data.whoCan.edges.map((e: { node: Entry }) => e.node);
}

async function simulate(principalArn: string, actions: string[], resources: string[], context: Ctx = TLS) {
  questions++;
  const r = await server.gql(
    `query($p: String!, $a: [String!]!, $r: [String!], $c: [ContextEntryInput!]) {
      simulatePrincipalPolicy(principalArn: $p, actions: $a, resources: $r, context: $c) {
        results { action resource decision missingContextKeys matchedStatements { policyName sid effect } } } }`,
    { p: principalArn, a: actions, r: resources, c: context },
  );
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data.simulatePrincipalPolicy.results as {
    action: string;
    resource: string;
    decision: string;
    missingContextKeys: string[];
    matchedStatements: Matched[];
  }[];
}

async function whatCan(principalArn: string, resource: string, context: Ctx = TLS): Promise<string[]> {
  questions++;
  const all: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: { errors?: unknown; data?: any } = await server.gql(
      `query($p: String!, $r: String!, $c: [ContextEntryInput!], $after: String) {
        whatCan(principalArn: $p, resource: $r, context: $c, first: 100, after: $after) {
          totalCount edges { node { action decision } } pageInfo { hasNextPage endCursor } } }`,
      { p: principalArn, r: resource, c: context, after },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    for (const e of r.data.whatCan.edges as { node: { action: string; decision: string } }[]) {
      assert.equal(e.node.decision, 'ALLOWED');
      all.push(e.node.action);
    }
    if (!r.data.whatCan.pageInfo.hasNextPage) {
      assert.equal(r.data.whatCan.totalCount, all.length);
      return all;
    }
    after = r.data.whatCan.pageInfo.endCursor;
  }
}

const arns = (entries: Entry[]) => entries.map((e) => `${e.principal.type} ${e.principal.arn}`);
const entryOf = (entries: Entry[], arn: string) => {
  const e = entries.find((x) => x.principal.arn === arn);
  assert.ok(e, `${arn} in ${arns(entries).join(', ')}`);
  return e;
};
const policyNames = (m: Matched[]) => m.map((s) => (s.sid ? `${s.policyName}#${s.sid}` : s.policyName));

// ---------------------------------------------------------------------------------------------
// The organization as imported

test('organization and accounts: the imported document, its management account and each account\'s path (aws:PrincipalOrgPaths spelling, "AWS global condition context keys")', async () => {
  questions++;
  const r = await server.gql(`{
    organization { id managementAccountId featureSet roots { id } organizationalUnits { id parentId }
      accounts { id name } policies { name type awsManaged targets { targetId } } }
    accounts(first: 100) { totalCount edges { node { id isManagementAccount inOrganization iamImported organizationPath } } } }`);
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  const org = r.data.organization;
  assert.equal(org.id, ORG);
  assert.equal(org.managementAccountId, MGMT);
  assert.equal(org.featureSet, 'ALL');
  assert.deepEqual(
    org.roots.map((x: { id: string }) => x.id),
    [ROOT],
  );
  assert.deepEqual(Object.fromEntries(org.organizationalUnits.map((o: { id: string; parentId: string }) => [o.id, o.parentId])), {
    'ou-7x2q-5ec0r1ty': ROOT,
    [OU_WORKLOADS]: ROOT,
    [OU_SANDBOX]: ROOT,
    [OU_PROD]: OU_WORKLOADS,
    [OU_DEV]: OU_WORKLOADS,
  });
  assert.deepEqual(org.accounts.map((a: { id: string }) => a.id).sort(), [MGMT, PROD, DEV, SEC, SBX]);
  const sandboxList = org.policies.find((p: { name: string }) => p.name === 'SandboxAllowList');
  assert.deepEqual(
    [sandboxList.type, sandboxList.awsManaged, sandboxList.targets.map((t: { targetId: string }) => t.targetId)],
    ['SERVICE_CONTROL_POLICY', false, [OU_SANDBOX]],
  );
  const full = org.policies.find((p: { name: string }) => p.name === 'FullAWSAccess');
  assert.equal(full.awsManaged, true);
  assert.ok(!full.targets.some((t: { targetId: string }) => t.targetId === OU_SANDBOX), 'the allow list replaces FullAWSAccess at Sandbox');
  assert.equal(org.policies.filter((p: { type: string }) => p.type === 'RESOURCE_CONTROL_POLICY').length, 3);

  const accounts = Object.fromEntries(r.data.accounts.edges.map((e: { node: { id: string } }) => [e.node.id, e.node])) as Record<
    string,
    { isManagementAccount: boolean; inOrganization: boolean; iamImported: boolean; organizationPath: string }
  >;
  assert.equal(r.data.accounts.totalCount, 5);
  assert.deepEqual(accounts[MGMT], { id: MGMT, isManagementAccount: true, inOrganization: true, iamImported: true, organizationPath: `${ORG}/${ROOT}/` });
  assert.deepEqual(accounts[DEV].organizationPath, `${ORG}/${ROOT}/${OU_WORKLOADS}/${OU_DEV}/`);
  assert.deepEqual([accounts[SEC].iamImported, accounts[SEC].inOrganization], [false, true]);
});

test('Principal gains its organization path; Resource.policy is the document imported for it (a role: its trust policy)', async () => {
  questions++;
  const r = await server.gql(
    `query($u: String!, $b: String!, $t: String!) { principal(arn: $u) { arn type accountId organizationPath }
      bucket: resource(arn: $b) { arn policy } trust: resource(arn: $t) { policy } }`,
    { u: user(PROD, 'bob'), b: BUCKET, t: role(PROD, 'VendorAuditRole') },
  );
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  assert.deepEqual(r.data.principal, { arn: user(PROD, 'bob'), type: 'USER', accountId: PROD, organizationPath: `${ORG}/${ROOT}/${OU_WORKLOADS}/${OU_PROD}/` });
  const bucketPolicy = JSON.parse(r.data.bucket.policy);
  assert.deepEqual(
    bucketPolicy.Statement.map((s: { Sid: string }) => s.Sid),
    ['DenyInsecureTransport', 'AnalyticsCrossAccountRead', 'SecurityAccountRead', 'PartnerRead'],
  );
  assert.equal(JSON.parse(r.data.trust.policy).Statement[0].Condition.StringEquals['sts:ExternalId'], 'vendor-7d41c9');
});

// ---------------------------------------------------------------------------------------------
// SCPs

test('"SCP evaluation": the management account is not restricted by SCPs; a Deny at Workloads and an allow list without the action deny every member account', async () => {
  const entries = await whoCan('organizations:LeaveOrganization', '*');
  assert.deepEqual(arns(entries), [`USER ${user(MGMT, 'org-admin')}`]);
  // No SCP level is cited for the management account: none applies.
  assert.ok(!entries[0].matchedStatements.some((m) => m.policyName.startsWith('SCP ')), policyNames(entries[0].matchedStatements).join());
  const [alice, dave] = [
    await simulate(user(PROD, 'alice'), ['organizations:LeaveOrganization'], ['*']),
    await simulate(user(SBX, 'dave'), ['organizations:LeaveOrganization'], ['*']),
  ];
  assert.equal(alice[0].decision, 'EXPLICIT_DENY');
  assert.deepEqual(policyNames(alice[0].matchedStatements), [`SCP WorkloadGuardrails at ${OU_WORKLOADS}#DenyLeaveOrganization`]);
  assert.equal(dave[0].decision, 'IMPLICIT_DENY', 'SandboxAllowList does not list organizations:*');
});

test('"SCP evaluation" (deny list at an OU): DevNoContactRecording stops recording in dev only, and only the actions it names', async () => {
  assert.deepEqual(arns(await whoCan('connect:StartContactRecording', DEV_INSTANCE)), []);
  assert.deepEqual(arns(await whoCan('connect:StartContactRecording', PROD_INSTANCE)), [
    `ROLE ${role(PROD, 'OrganizationAccountAccessRole')}`,
    `USER ${user(PROD, 'alice')}`,
  ]);
  const carol = await simulate(user(DEV, 'carol'), ['connect:StartContactRecording', 'connect:StopContactRecording'], [DEV_INSTANCE]);
  assert.deepEqual(
    carol.map((x) => x.decision),
    ['EXPLICIT_DENY', 'ALLOWED'],
  );
  assert.deepEqual(policyNames(carol[0].matchedStatements), [`SCP DevNoContactRecording at ${OU_DEV}#DenyContactRecording`]);
  const actions = await whatCan(user(DEV, 'carol'), DEV_INSTANCE);
  assert.ok(!actions.includes('connect:StartContactRecording') && !actions.includes('connect:ResumeContactRecording'), actions.join());
  assert.ok(actions.includes('connect:StopContactRecording') && actions.includes('connect:DescribeInstance'), actions.join());
});

test('"SCP evaluation": the region guardrail at Workloads denies eu-central-1 to prod and dev, while Sandbox\'s allow list lets it read EC2 but not launch', async () => {
  const central = [{ key: 'aws:RequestedRegion', values: ['eu-central-1'] }];
  assert.deepEqual(arns(await whoCan('ec2:RunInstances', `arn:aws:ec2:eu-central-1:${PROD}:instance/i-0123456789abcdef0`, central)), []);
  assert.deepEqual(arns(await whoCan('ec2:RunInstances', `arn:aws:ec2:us-east-1:${PROD}:instance/i-0123456789abcdef0`)), [
    `ROLE ${role(PROD, 'OrganizationAccountAccessRole')}`,
    `USER ${user(PROD, 'alice')}`,
  ]);
  const dave = await simulate(user(SBX, 'dave'), ['ec2:DescribeInstances', 'ec2:RunInstances', 'kms:CreateKey', 'iam:CreateUser'], ['*']);
  assert.deepEqual(
    dave.map((x) => x.decision),
    ['ALLOWED', 'IMPLICIT_DENY', 'IMPLICIT_DENY', 'IMPLICIT_DENY'],
  );
  assert.ok(policyNames(dave[0].matchedStatements).includes(`SCP SandboxAllowList at ${OU_SANDBOX}#AllowListedServices`));
});

test('"SCP evaluation" (allow list): whatCan for a sandbox administrator is every SQS action on a queue and nothing on a secret', async () => {
  const queue = await whatCan(user(SBX, 'dave'), `arn:aws:sqs:us-east-1:${SBX}:scratch`);
  assert.ok(queue.length > 10 && queue.every((a) => a.startsWith('sqs:')), queue.join());
  assert.ok(queue.includes('sqs:SendMessage') && queue.includes('sqs:DeleteQueue'));
  assert.deepEqual(await whatCan(user(SBX, 'dave'), `arn:aws:secretsmanager:us-east-1:${SBX}:secret:scratch-AbCdEf`), []);
});

// ---------------------------------------------------------------------------------------------
// Identity policies, versions, boundaries

test('"Managed policies": only the default version applies; "Permissions boundaries": the boundary must also allow', async () => {
  const bob = await simulate(user(PROD, 'bob'), ['s3:GetObject', 'iam:CreateUser', 'secretsmanager:GetSecretValue', 'kms:Decrypt'], [OBJECT]);
  // v2 (default) grants s3:GetObject on the bucket and iam:CreateUser; v3 (not default) would grant
  // secrets; the boundary allows s3, sqs, secrets and kms:Decrypt but no iam.
  assert.deepEqual(
    bob.map((x) => x.decision),
    ['ALLOWED', 'IMPLICIT_DENY', 'IMPLICIT_DENY', 'IMPLICIT_DENY'],
  );
  assert.deepEqual(policyNames(bob[0].matchedStatements).slice(0, 2), ['DeveloperAccess#ReadRecordings', 'DeveloperBoundary#DataPlane']);
});

// ---------------------------------------------------------------------------------------------
// S3: same account, cross-account, RCPs

test('"Cross-account policy evaluation logic": the recordings bucket is read by prod\'s own principals on their identity policies and by dev\'s AnalyticsReader through the bucket policy', async () => {
  const entries = await whoCan('s3:GetObject', OBJECT);
  assert.deepEqual(arns(entries), [
    `ROLE ${role(PROD, 'OktaSupport')}`,
    `ROLE ${role(PROD, 'OrgReadOnly')}`,
    `ROLE ${role(PROD, 'OrganizationAccountAccessRole')}`,
    `ROLE ${role(PROD, 'SandboxImport')}`,
    `ROLE ${CONNECT_SLR}`,
    `ROLE ${role(PROD, 'recordings-processor')}`,
    `USER ${user(PROD, 'alice')}`,
    `USER ${user(PROD, 'bob')}`,
    `ROLE ${role(DEV, 'AnalyticsReader')}`,
    // "AWS account principals": the security account is outside the store; its own policies decide.
    `ACCOUNT arn:aws:iam::${SEC}:root`,
  ]);
  const analytics = entryOf(entries, role(DEV, 'AnalyticsReader'));
  assert.equal(analytics.decision, 'ALLOWED');
  assert.ok(policyNames(analytics.matchedStatements).includes(`Resource policy of ${BUCKET}#AnalyticsCrossAccountRead`));
  assert.ok(policyNames(analytics.matchedStatements).includes('AnalyticsRead#Recordings'));
  const sec = entryOf(entries, `arn:aws:iam::${SEC}:root`);
  assert.deepEqual([sec.conditional, sec.principal.accountId], [true, SEC]);
  // dev's DevOps is an administrator of dev, but the bucket policy does not name it.
  assert.equal((await simulate(role(DEV, 'DevOps'), ['s3:GetObject'], [OBJECT]))[0].decision, 'IMPLICIT_DENY');
});

test('"Resource control policies (RCPs)" (data perimeter): a partner outside the organization that the bucket policy names is denied by DataPerimeterIdentity', async () => {
  const entries = await whoCan('s3:GetObject', OBJECT, TLS, true);
  assert.ok(!arns(entries).includes(`ACCOUNT arn:aws:iam::${PARTNER}:root`), arns(entries).join());
  // "RCPs apply to a subset of AWS services": Lambda is not among them, so the partner the
  // function policy names keeps its (conditional) grant there.
  const invoke = await whoCan('lambda:InvokeFunction', FUNCTION, TLS, true);
  const partner = entryOf(invoke, `arn:aws:iam::${PARTNER}:root`);
  assert.deepEqual([partner.principal.type, partner.conditional], ['ACCOUNT', true]);
  assert.ok(!partner.matchedStatements.some((m) => m.policyName.startsWith('RCP ')));
});

test('"Policy evaluation logic" (explicit deny): the bucket policy\'s Deny on aws:SecureTransport false and the prod RCP deny every principal, service-linked roles included for the bucket policy', async () => {
  assert.deepEqual(arns(await whoCan('s3:GetObject', OBJECT, INSECURE)), []);
  const alice = await simulate(user(PROD, 'alice'), ['s3:GetObject'], [OBJECT], INSECURE);
  assert.equal(alice[0].decision, 'EXPLICIT_DENY');
  assert.deepEqual(policyNames(alice[0].matchedStatements).sort(), [
    `RCP ProdEnforceSecureTransport at ${OU_PROD}#EnforceSecureTransport`,
    `Resource policy of ${BUCKET}#DenyInsecureTransport`,
  ]);
});

test('"RCP evaluation": RCPs do not apply to requests by service-linked roles — only Connect\'s service-linked role sends to the prod queue without TLS', async () => {
  assert.deepEqual(arns(await whoCan('sqs:SendMessage', QUEUE, INSECURE, true)), [`ROLE ${CONNECT_SLR}`]);
});

test('"RCPs don\'t affect resources in the management account": everyone (ANONYMOUS) reads the management account\'s public website bucket; the same grant in dev is cut by the data perimeter', async () => {
  const website = await whoCan('s3:GetObject', 'arn:aws:s3:::example-corp-website/index.html');
  const anyone = entryOf(website, '*');
  assert.deepEqual([anyone.principal.type, anyone.principal.accountId, anyone.decision, anyone.conditional], ['ANONYMOUS', null, 'ALLOWED', false]);
  assert.deepEqual(policyNames(anyone.matchedStatements), ['Resource policy of arn:aws:s3:::example-corp-website#PublicRead']);
  // Same account: the bucket policy's "*" grants the management account's own principals directly.
  assert.ok(arns(website).includes(`USER ${user(MGMT, 'finance')}`));
  const dev = await whoCan('s3:GetObject', 'arn:aws:s3:::example-dev-public-assets/logo.png', TLS, true);
  assert.ok(!dev.some((e) => e.principal.type === 'ANONYMOUS'), arns(dev).join());
  // Principals of the organization still read it (the RCP excepts aws:PrincipalOrgID o-rz8k2m4q1a).
  assert.ok(arns(dev).includes(`USER ${user(MGMT, 'org-admin')}`) && arns(dev).includes(`USER ${user(SBX, 'dave')}`), arns(dev).join());
});

test('"AWS JSON policy elements: Principal" ("*" with aws:PrincipalOrgID): a bucket shared with the organization is read by every member principal whose own policies allow, and not by everyone — not even conditionally', async () => {
  const entries = await whoCan('s3:GetObject', 'arn:aws:s3:::example-org-shared-artifacts/build.zip', TLS, true);
  assert.deepEqual(arns(entries), [
    `USER ${user(MGMT, 'org-admin')}`,
    `ROLE ${role(PROD, 'OktaSupport')}`,
    `ROLE ${role(PROD, 'OrgReadOnly')}`,
    `ROLE ${role(PROD, 'OrganizationAccountAccessRole')}`,
    `USER ${user(PROD, 'alice')}`,
    `ROLE ${role(DEV, 'AnalyticsReader')}`,
    `ROLE ${role(DEV, 'DevOps')}`,
    `ROLE ${role(DEV, 'OrganizationAccountAccessRole')}`,
    `USER ${user(DEV, 'carol')}`,
    `ROLE ${role(SBX, 'OrganizationAccountAccessRole')}`,
    `USER ${user(SBX, 'dave')}`,
  ]);
  assert.ok(entries.every((e) => e.decision === 'ALLOWED' && !e.conditional));
  // finance (management account) has no S3 permission of its own: cross-account, the bucket policy alone does not suffice.
  assert.equal((await simulate(user(MGMT, 'finance'), ['s3:GetObject'], ['arn:aws:s3:::example-org-shared-artifacts/build.zip']))[0].decision, 'IMPLICIT_DENY');
});

// ---------------------------------------------------------------------------------------------
// KMS

test('"Key policies in AWS KMS": with the default "Enable IAM User Permissions" statement, IAM policies of the key\'s account take effect; another account needs the key policy and its own policy', async () => {
  const entries = await whoCan('kms:Decrypt', KEY_DEFAULT);
  assert.deepEqual(arns(entries), [
    `ROLE ${role(PROD, 'OrganizationAccountAccessRole')}`,
    `USER ${user(PROD, 'alice')}`,
    `ROLE ${role(DEV, 'AnalyticsReader')}`,
  ]);
  assert.ok(policyNames(entryOf(entries, user(PROD, 'alice')).matchedStatements).includes(`Resource policy of ${KEY_DEFAULT}#Enable IAM User Permissions`));
  // bob's boundary allows kms:Decrypt, but no identity policy of his does.
  assert.equal((await simulate(user(PROD, 'bob'), ['kms:Decrypt'], [KEY_DEFAULT]))[0].decision, 'IMPLICIT_DENY');
});

test('"Key policies in AWS KMS": without the account principal in the key policy, IAM policies give nothing — an administrator is denied, the role the key policy names is allowed', async () => {
  assert.deepEqual(arns(await whoCan('kms:Decrypt', KEY_DIRECT)), [`ROLE ${role(PROD, 'recordings-processor')}`]);
  const admin = await simulate(user(PROD, 'alice'), ['kms:Decrypt', 'kms:DescribeKey'], [KEY_DIRECT]);
  assert.deepEqual(
    admin.map((x) => x.decision),
    ['IMPLICIT_DENY', 'IMPLICIT_DENY'],
  );
  // The key administrators statement names OrganizationAccountAccessRole for kms:Describe*, not kms:Decrypt.
  const keyAdmin = await simulate(role(PROD, 'OrganizationAccountAccessRole'), ['kms:Decrypt', 'kms:DescribeKey'], [KEY_DIRECT]);
  assert.deepEqual(
    keyAdmin.map((x) => x.decision),
    ['IMPLICIT_DENY', 'ALLOWED'],
  );
});

// ---------------------------------------------------------------------------------------------
// SQS, Secrets Manager, Lambda

test('"AWS JSON policy elements: Principal" (AWS service principals) with aws:SourceArn: sns.amazonaws.com may send only for the named topic — conditional until the request says which', async () => {
  const open = await whoCan('sqs:SendMessage', QUEUE, TLS, true);
  const sns = entryOf(open, 'sns.amazonaws.com');
  assert.deepEqual([sns.principal.type, sns.principal.accountId, sns.decision, sns.conditional], ['SERVICE', null, 'IMPLICIT_DENY', true]);
  assert.ok(sns.missingContextKeys.includes('aws:SourceArn'), sns.missingContextKeys.join());
  // A service principal is no member of an organization: the RCP's aws:PrincipalOrgID is absent, not missing.
  assert.ok(!sns.missingContextKeys.includes('aws:PrincipalOrgID'), sns.missingContextKeys.join());
  assert.ok(!arns(await whoCan('sqs:SendMessage', QUEUE)).includes('SERVICE sns.amazonaws.com'), 'not without includeConditional');
  const fromTopic = await whoCan('sqs:SendMessage', QUEUE, [...TLS, { key: 'aws:SourceArn', values: [TOPIC] }]);
  const allowed = entryOf(fromTopic, 'sns.amazonaws.com');
  assert.deepEqual([allowed.decision, allowed.conditional], ['ALLOWED', false]);
  assert.ok(policyNames(allowed.matchedStatements).includes(`Resource policy of ${QUEUE}#AllowSnsTopic`));
  const otherTopic = await whoCan('sqs:SendMessage', QUEUE, [...TLS, { key: 'aws:SourceArn', values: [`arn:aws:sns:us-east-1:${PROD}:other`] }], true);
  assert.ok(!arns(otherTopic).includes('SERVICE sns.amazonaws.com'));
  // The queue's own account: identity policies suffice (bob through DeveloperAccess v2 and his boundary).
  assert.deepEqual(arns(fromTopic).slice(0, 4), [
    `ROLE ${role(PROD, 'OrganizationAccountAccessRole')}`,
    `ROLE ${CONNECT_SLR}`,
    `USER ${user(PROD, 'alice')}`,
    `USER ${user(PROD, 'bob')}`,
  ]);
});

test('"Cross-account policy evaluation logic" and an explicit Deny in a secret policy: dev\'s DevOps reads the prod secret; bob is denied by name', async () => {
  assert.deepEqual(arns(await whoCan('secretsmanager:GetSecretValue', SECRET)), [
    `ROLE ${role(PROD, 'OrganizationAccountAccessRole')}`,
    `USER ${user(PROD, 'alice')}`,
    `ROLE ${role(DEV, 'DevOps')}`,
  ]);
  const bob = await simulate(user(PROD, 'bob'), ['secretsmanager:GetSecretValue'], [SECRET]);
  assert.deepEqual([bob[0].decision, policyNames(bob[0].matchedStatements)], ['EXPLICIT_DENY', [`Resource policy of ${SECRET}#DenyDevelopersUser`]]);
});

test('"Cross-account policy evaluation logic" (account principal): a function policy naming the dev account lets each dev principal whose own policies allow invoke; S3 may invoke only for the bucket', async () => {
  const entries = await whoCan('lambda:InvokeFunction', FUNCTION, TLS, true);
  assert.deepEqual(arns(entries), [
    `ROLE ${role(PROD, 'OrganizationAccountAccessRole')}`,
    `USER ${user(PROD, 'alice')}`,
    `ROLE ${role(DEV, 'DevOps')}`,
    `ROLE ${role(DEV, 'OrganizationAccountAccessRole')}`,
    `USER ${user(DEV, 'carol')}`,
    `ACCOUNT arn:aws:iam::${PARTNER}:root`,
    'SERVICE s3.amazonaws.com',
  ]);
  const s3 = entryOf(entries, 's3.amazonaws.com');
  assert.deepEqual([s3.conditional, [...s3.missingContextKeys].sort()], [true, ['AWS:SourceAccount', 'AWS:SourceArn']]);
  const given = await whoCan('lambda:InvokeFunction', FUNCTION, [
    ...TLS,
    { key: 'aws:SourceAccount', values: [PROD] },
    { key: 'aws:SourceArn', values: [BUCKET] },
  ]);
  assert.equal(entryOf(given, 's3.amazonaws.com').decision, 'ALLOWED');
});

// ---------------------------------------------------------------------------------------------
// Role trust policies

test('"IAM role trust policy" with sts:ExternalId: the vendor account is listed conditional on the external id, and not at all with a wrong one', async () => {
  const open = await whoCan('sts:AssumeRole', role(PROD, 'VendorAuditRole'), TLS, true);
  assert.deepEqual(arns(open), [`ACCOUNT arn:aws:iam::${VENDOR}:root`]);
  // Only the external id is missing: the vendor's account is outside the organization, so
  // aws:PrincipalOrgID (which the data perimeter RCP reads) is known to be absent, not missing
  // ("AWS global condition context keys": included "only if the principal is a member of an organization").
  assert.deepEqual(open[0].missingContextKeys, ['sts:ExternalId']);
  assert.equal(open[0].conditional, true);
  const right = await whoCan('sts:AssumeRole', role(PROD, 'VendorAuditRole'), [...TLS, { key: 'sts:ExternalId', values: ['vendor-7d41c9'] }]);
  // Still conditional: the vendor's own policies (unknown to the store) must allow ("Cross-account policy evaluation logic").
  assert.deepEqual([arns(right), right[0].conditional, right[0].missingContextKeys], [[`ACCOUNT arn:aws:iam::${VENDOR}:root`], true, []]);
  // The data perimeter RCP excepts the vendor's account (aws:PrincipalAccount) though it is outside the organization.
  assert.ok(policyNames(right[0].matchedStatements).includes(`Trust policy of ${role(PROD, 'VendorAuditRole')}`));
  assert.deepEqual(arns(await whoCan('sts:AssumeRole', role(PROD, 'VendorAuditRole'), [...TLS, { key: 'sts:ExternalId', values: ['guess'] }], true)), []);
});

test('"IAM role trust policy" with a SAML provider: the provider is listed FEDERATED, conditional on SAML:aud', async () => {
  const okta = `arn:aws:iam::${PROD}:saml-provider/Okta`;
  const open = await whoCan('sts:AssumeRoleWithSAML', role(PROD, 'OktaSupport'), TLS, true);
  assert.deepEqual(arns(open), [`FEDERATED ${okta}`]);
  assert.deepEqual([open[0].conditional, open[0].missingContextKeys, open[0].principal.accountId], [true, ['SAML:aud'], PROD]);
  const given = await whoCan('sts:AssumeRoleWithSAML', role(PROD, 'OktaSupport'), [
    ...TLS,
    { key: 'SAML:aud', values: ['https://signin.aws.amazon.com/saml'] },
  ]);
  assert.deepEqual([arns(given), given[0].decision], [[`FEDERATED ${okta}`], 'ALLOWED']);
  // The SAML provider cannot use the role through sts:AssumeRole: the trust policy allows only AssumeRoleWithSAML.
  assert.deepEqual(arns(await whoCan('sts:AssumeRole', role(PROD, 'OktaSupport'), TLS, true)), []);
});

test('"IAM role trust policy" with an OIDC provider (GitHub Actions): conditional on :aud and :sub; the main branch of the repository is allowed, another repository is not', async () => {
  const gh = `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com`;
  const deploy = role(PROD, 'GitHubDeployRole');
  const open = await whoCan('sts:AssumeRoleWithWebIdentity', deploy, TLS, true);
  assert.deepEqual(arns(open), [`FEDERATED ${gh}`]);
  assert.deepEqual([...open[0].missingContextKeys].sort(), ['token.actions.githubusercontent.com:aud', 'token.actions.githubusercontent.com:sub']);
  const aud = { key: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] };
  const main = await whoCan('sts:AssumeRoleWithWebIdentity', deploy, [
    ...TLS,
    aud,
    { key: 'token.actions.githubusercontent.com:sub', values: ['repo:example-corp/transcriber:ref:refs/heads/main'] },
  ]);
  assert.deepEqual([arns(main), main[0].decision], [[`FEDERATED ${gh}`], 'ALLOWED']);
  const fork = await whoCan(
    'sts:AssumeRoleWithWebIdentity',
    deploy,
    [...TLS, aud, { key: 'token.actions.githubusercontent.com:sub', values: ['repo:someone/fork:ref:refs/heads/main'] }],
    true,
  );
  assert.deepEqual(arns(fork), []);
});

test('"IAM role trust policy" with a service principal: lambda.amazonaws.com assumes recordings-processor (SERVICE, no account)', async () => {
  const entries = await whoCan('sts:AssumeRole', role(PROD, 'recordings-processor'));
  assert.deepEqual(arns(entries), ['SERVICE lambda.amazonaws.com']);
  assert.deepEqual([entries[0].decision, entries[0].principal.accountId], ['ALLOWED', null]);
});

test("\"How IAM roles differ from resource-based policies\": a trust policy naming an account delegates to that account's identity policies — the management account's administrator assumes OrganizationAccountAccessRole, dev's administrators assume AnalyticsReader", async () => {
  const orgAccess = await whoCan('sts:AssumeRole', role(PROD, 'OrganizationAccountAccessRole'), TLS, true);
  assert.deepEqual(arns(orgAccess), [`USER ${user(MGMT, 'org-admin')}`]);
  assert.ok(policyNames(orgAccess[0].matchedStatements).includes(`Trust policy of ${role(PROD, 'OrganizationAccountAccessRole')}`));
  assert.deepEqual(arns(await whoCan('sts:AssumeRole', role(DEV, 'AnalyticsReader'))), [
    `ROLE ${role(DEV, 'DevOps')}`,
    `ROLE ${role(DEV, 'OrganizationAccountAccessRole')}`,
  ]);
  // An administrator of prod is not in the management account's trust: identity policies alone never suffice for a role.
  assert.equal((await simulate(user(PROD, 'alice'), ['sts:AssumeRole'], [role(DEV, 'AnalyticsReader')]))[0].decision, 'IMPLICIT_DENY');
});

test('"IAM role trust policy" with "*" and aws:PrincipalOrgID: users of the organization whose own policies allow (or of the role\'s account) assume OrgReadOnly; everyone is not listed; SCPs still apply to the callers', async () => {
  const entries = await whoCan('sts:AssumeRole', role(PROD, 'OrgReadOnly'), TLS, true);
  // dave (sandbox) is an administrator, but SandboxAllowList lists no sts action ("SCP evaluation");
  // bob in the role's own account needs no identity policy: "*" is a direct grant.
  assert.deepEqual(arns(entries), [`USER ${user(MGMT, 'org-admin')}`, `USER ${user(PROD, 'alice')}`, `USER ${user(PROD, 'bob')}`]);
  assert.ok(entries.every((e) => e.decision === 'ALLOWED'));
  // A trust naming dave himself does not lift the allow list either.
  assert.deepEqual(arns(await whoCan('sts:AssumeRole', role(PROD, 'SandboxImport'), TLS, true)), []);
  const dave = await simulate(user(SBX, 'dave'), ['sts:AssumeRole'], [role(PROD, 'SandboxImport')]);
  assert.equal(dave[0].decision, 'IMPLICIT_DENY');
});

// ---------------------------------------------------------------------------------------------
// whatCan across accounts, and the CLI

test('whatCan across accounts ("Cross-account policy evaluation logic"): AnalyticsReader may only GetObject on a recording, ListBucket on the bucket', async () => {
  assert.deepEqual(await whatCan(role(DEV, 'AnalyticsReader'), OBJECT), ['s3:GetObject']);
  const bucket = await whatCan(role(DEV, 'AnalyticsReader'), BUCKET);
  assert.ok(bucket.includes('s3:ListBucket'), bucket.join());
  assert.ok(
    bucket.every((a) => a === 's3:ListBucket' || !/^s3:(Put|Delete)/.test(a)),
    bucket.join(),
  );
});

test('the CLI gives the same answers: who-can --json with --include-conditional, and what-can', () => {
  questions += 2;
  const r = runCli([
    'who-can',
    'sts:AssumeRole',
    role(PROD, 'VendorAuditRole'),
    '--db',
    db,
    '--context',
    'aws:SecureTransport=true',
    '--context',
    'aws:RequestedRegion=us-east-1',
    '--include-conditional',
    '--json',
  ]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { edges: { node: Entry }[] };
  assert.deepEqual(
    json.edges.map((e) => [e.node.principal.type, e.node.principal.arn, e.node.conditional]),
    [['ACCOUNT', `arn:aws:iam::${VENDOR}:root`, true]],
  );
  assert.ok(json.edges[0].node.missingContextKeys.includes('sts:ExternalId'));
  const w = runCli([
    'what-can',
    role(DEV, 'AnalyticsReader'),
    KEY_DEFAULT,
    '--db',
    db,
    '--context',
    'aws:SecureTransport=true',
    '--context',
    'aws:RequestedRegion=us-east-1',
    '--json',
  ]);
  assert.equal(w.status, 0, w.stderr);
  const actions = (JSON.parse(w.stdout) as { edges: { node: { action: string } }[] }).edges.map((e) => e.node.action);
  // The key policy grants Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey; AnalyticsRead allows kms:Decrypt only.
  assert.deepEqual(actions, ['kms:Decrypt']);
});

test('the acceptance asked many questions', () => {
  assert.ok(questions >= 40, String(questions));
});
