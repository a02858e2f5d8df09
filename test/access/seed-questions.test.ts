/**
 * Every "Expected answers" question of seed/README.md, asked of the real server (a child process
 * on port 0) over GraphQL HTTP, on a database made by `accessql seed`.
 *
 * Each test name cites the AWS documentation rule that decides the answer:
 *  - "Policy evaluation logic" (IAM User Guide): explicit deny overrides any allow; without an
 *    allow the request is implicitly denied; a permissions boundary must also allow.
 *  - "IAM JSON policy elements: Resource / Action" and "Condition": wildcard matching of ARNs and
 *    actions, case-insensitive action names, condition keys.
 *  - "IAM policy elements: Variables and tags" (${aws:username}).
 *  - "Controlling access to AWS resources using tags" (aws:ResourceTag, aws:RequestTag).
 *  - "Actions, resources, and condition keys for AWS services" (Service Authorization Reference):
 *    which resource types an action applies to.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

const ACCOUNT = '123456789012';
const IAM = `arn:aws:iam::${ACCOUNT}:`;
const A = `arn:aws:connect:us-east-1:${ACCOUNT}:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1`;
const B = `arn:aws:connect:us-west-2:${ACCOUNT}:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17`;
const A_CONTACT_1 = `${A}/contact/0f2b4d6e-8a1c-4d3e-9f5b-4a6c8e0f2b75`;
const A_CONTACT_2 = `${A}/contact/1a3c5e7f-9b2d-4e4f-8a6c-5b7d9f1a3c86`;
const B_CONTACT = `${B}/contact/2b4d6f8a-0c3e-4f5a-9b7d-6c8e0a2b4d97`;
const A_AGENT_TEST = `${A}/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1`;
const A_AGENT_SALES = `${A}/agent/4c1f2a9e-7d3b-4e8a-9b6c-2f5d8e1a3c70`;
const A_AGENT_SALES_2 = `${A}/agent/9a7e3b1d-2c4f-4a6b-8d0e-5f1c7b9a2e41`;
const A_AGENT_SUPPORT = `${A}/agent/e3b5c7d9-1f2a-4b3c-9d4e-6a8b0c2d4f62`;
const A_AGENT_UNTAGGED = `${A}/agent/ffffffff-0000-4000-8000-000000000000`;
const B_AGENT_TEST_1 = `${B}/agent/7f2c9d4e-8a1b-4c3d-b5e6-0f9a8b7c6d53`;
const B_AGENT_TEST_2 = `${B}/agent/2b8d4f6a-0c1e-4d2f-a3b5-7c9e1f3a5b84`;
const B_AGENT_SALES = `${B}/agent/5d0f2b4c-6e8a-4f1b-9c3d-8e0a2c4e6f15`;
const B_DENIED_PROFILE = `${B}/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17`;
const B_AGENT_PROFILE = `${B}/security-profile/d3f5b7c9-4e6a-4c8d-9f0b-2a4e6c8d0f53`;
const EVENT_ORDERS = `arn:aws:app-integrations:us-west-2:${ACCOUNT}:event-integration/MyNamePrefix-orders`;
const EVENT_CRM = `arn:aws:app-integrations:us-west-2:${ACCOUNT}:event-integration/crm-sync`;
const DATA_INTEGRATION = `arn:aws:app-integrations:us-west-2:${ACCOUNT}:data-integration/3c5e7a9b-1d4f-4a6b-8c8e-7d9f1b3c5e08`;
const CAMPAIGN_A = `arn:aws:connect-campaigns:us-east-1:${ACCOUNT}:campaign/5e7a9c1d-3f6b-4c8d-8e0a-9f1b3d5e7a20`;
const CAMPAIGN_B = `arn:aws:connect-campaigns:us-west-2:${ACCOUNT}:campaign/6f8b0d2e-4a7c-4d9e-9f1b-0a2c4e6f8b31`;
const DEMO_DOMAIN = `arn:aws:profile:us-west-2:${ACCOUNT}:domains/amazon-connect-demo`;

/** `user/alice.nguyen` → the full ARN. */
const arn = (short: string) => `${IAM}${short}`;
const ALICE = 'user/alice.nguyen';
const BOB = 'user/bob.martinez';
const CAROL = 'user/carol.smith';
const KARA = 'user/contractors/kara.singh';
const DAN = 'user/dan.okafor';
const ERIN = 'user/erin.walsh';
const FRANK = 'user/frank.mueller';
const GRACE = 'user/grace.kim';
const HENRY = 'user/henry.adams';
const ISLA = 'user/isla.brown';
const JACK = 'user/jack.taylor';
const LIAM = 'user/liam.oconnor';
const MAYA = 'user/maya.patel';
const NOAH = 'user/noah.fischer';
const OLIVIA = 'user/olivia.rossi';
const ADMINS = [ALICE, BOB];
const AUDITORS = [CAROL, DAN];
const DESCRIBE_USER_9 = [ALICE, BOB, CAROL, DAN, ERIN, FRANK, GRACE, HENRY, ISLA];
const DESCRIBE_USER_11 = [ALICE, BOB, CAROL, KARA, DAN, ERIN, FRANK, GRACE, HENRY, ISLA, JACK];

const ACCESS_FIELDS = `totalCount action evaluatedResource evaluatedResourceType
  edges { cursor node { principal { arn name type accountId } decision conditional missingContextKeys matchedStatements { policyName sid effect line column } } }
  pageInfo { hasNextPage endCursor }`;
const WHO_CAN = `query($action: String!, $resource: String!, $context: [ContextEntryInput!], $includeConditional: Boolean, $first: Int, $after: String) {
  whoCan(action: $action, resource: $resource, context: $context, includeConditional: $includeConditional, first: $first, after: $after) { ${ACCESS_FIELDS} }
}`;
const WHAT_CAN = `query($principalArn: String!, $resource: String!, $context: [ContextEntryInput!], $includeConditional: Boolean, $first: Int, $after: String) {
  whatCan(principalArn: $principalArn, resource: $resource, context: $context, includeConditional: $includeConditional, first: $first, after: $after) {
    totalCount resourceType
    edges { cursor node { action decision conditional missingContextKeys matchedStatements { policyName sid effect } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SIMULATE_PRINCIPAL = `query($principalArn: String!, $actions: [String!]!, $resources: [String!], $context: [ContextEntryInput!]) {
  simulatePrincipalPolicy(principalArn: $principalArn, actions: $actions, resources: $resources, context: $context) {
    results { action resource decision missingContextKeys matchedStatements { policyName sid effect } }
  }
}`;

interface AccessNode {
  principal: { arn: string; name: string; type: string; accountId: string };
  decision: string;
  conditional: boolean;
  missingContextKeys: string[];
  matchedStatements: { policyName: string; sid: string | null; effect: string }[];
}
interface AccessConnection {
  totalCount: number;
  action: string;
  evaluatedResource: string;
  evaluatedResourceType: string | null;
  edges: { cursor: string; node: AccessNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let server: TestServer;

before(async () => {
  const db = tempDb();
  const seeded = runCli(['seed', '--db', db]);
  assert.equal(seeded.status, 0, seeded.stderr);
  server = await startTestServer({ dbFile: db });
});

after(async () => {
  await server?.stop();
});

type Context = Record<string, string>;
const contextInput = (c: Context | undefined) => (c ? Object.entries(c).map(([key, value]) => ({ key, values: [value] })) : undefined);

async function whoCan(
  action: string,
  resource: string,
  options: { context?: Context; includeConditional?: boolean; first?: number; after?: string } = {},
): Promise<AccessConnection> {
  const r = await server.gql<{ whoCan: AccessConnection }>(WHO_CAN, {
    action,
    resource,
    context: contextInput(options.context),
    includeConditional: options.includeConditional ?? false,
    first: options.first ?? 500,
    after: options.after,
  });
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data!.whoCan;
}

interface Expectation {
  /** Principals allowed unconditionally (short ARNs), in the order whoCan gives (ARN order). */
  allowed: string[];
  /** includeConditional only: principal → its missingContextKeys. */
  conditional?: Record<string, string[]>;
}

/**
 * "*" names no account: the engine takes each caller's own ("Policy evaluation logic"), so a
 * question on "*" also lists the management account's administrator role (seed/README.md, "Access
 * paths") and its IAM Identity Center role. The README's lists are the contact centre account's:
 * the others are checked to be exactly those and set aside.
 */
const MANAGEMENT_ADMINS = ['arn:aws:iam::111122223333:role/ContactCentreAdminRole'];
const MANAGEMENT_SSO = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ContactCentreAdmins_7d3f1a2b9c4e5f60';
function ownAccountOnly(answer: AccessConnection): AccessConnection {
  const others = answer.edges.filter((e) => e.node.principal.accountId !== ACCOUNT).map((e) => e.node.principal.arn);
  for (const a of MANAGEMENT_ADMINS) assert.ok(others.includes(a), `${a}: an administrator is allowed on "*"`);
  for (const a of others) assert.ok(MANAGEMENT_ADMINS.includes(a) || a === MANAGEMENT_SSO, `${a}: only the management account's paths demo`);
  const edges = answer.edges.filter((e) => e.node.principal.accountId === ACCOUNT);
  return { ...answer, edges, totalCount: answer.totalCount - others.length };
}

/** Asserts the exact answer: principals, order, decisions, conditional flags, missing keys. */
function assertAnswer(answer: AccessConnection, expected: Expectation): void {
  const conditional = expected.conditional ?? {};
  const expectedArns = [...expected.allowed, ...Object.keys(conditional)].map(arn).sort(byteOrder);
  const got = answer.edges.map((e) => e.node.principal.arn);
  assert.deepEqual(got, expectedArns);
  // README lists are in ARN order; so must the answer be.
  assert.deepEqual(expected.allowed.map(arn), [...expected.allowed.map(arn)].sort(byteOrder), 'test data is in ARN order');
  assert.equal(answer.totalCount, expectedArns.length);
  assert.equal(answer.pageInfo.hasNextPage, false);
  for (const { node } of answer.edges) {
    const short = node.principal.arn.slice(IAM.length);
    assert.equal(node.principal.accountId, ACCOUNT);
    assert.equal(node.principal.type, short.startsWith('user/') ? 'USER' : 'ROLE');
    if (short in conditional) {
      assert.equal(node.conditional, true, `${short} conditional`);
      assert.notEqual(node.decision, 'ALLOWED', `${short} is not allowed outright`);
      assert.deepEqual(node.missingContextKeys, conditional[short], `${short} missingContextKeys`);
    } else {
      assert.equal(node.decision, 'ALLOWED', `${short} decision`);
      assert.equal(node.conditional, false, `${short} conditional`);
      assert.ok(
        node.matchedStatements.some((s) => s.effect === 'Allow'),
        `${short} has a granting statement`,
      );
      assert.ok(!node.matchedStatements.some((s) => s.effect === 'Deny'), `${short} has no matching Deny`);
    }
  }
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Question extends Expectation {
  rule: string;
  action: string;
  resource: string;
  context?: Context;
  includeConditional?: boolean;
  evaluatedResourceType?: string | null;
}

const NOBODY: string[] = [];

/** seed/README.md "Expected answers" → whoCan, item by item. */
const QUESTIONS: Question[] = [
  // 1
  {
    rule: 'Resource element: A/contact/* matches a contact of instance A (README 1)',
    action: 'connect:StartContactRecording',
    resource: A_CONTACT_1,
    allowed: ['role/ConnectSupervisorRole', ALICE, BOB, ERIN, FRANK],
    evaluatedResourceType: 'contact',
  },
  {
    rule: 'Resource element: the same five may StopContactRecording on another contact of A (README 1)',
    action: 'connect:StopContactRecording',
    resource: A_CONTACT_2,
    allowed: ['role/ConnectSupervisorRole', ALICE, BOB, ERIN, FRANK],
  },
  {
    rule: 'Service Authorization Reference: StartContactRecording applies to contacts — asked on instance A, answered for its contacts (evaluatedResourceType "contact")',
    action: 'connect:StartContactRecording',
    resource: A,
    allowed: ['role/ConnectSupervisorRole', ALICE, BOB, ERIN, FRANK],
    evaluatedResourceType: 'contact',
  },
  // 2
  {
    rule: "Resource element: the automation role's us-west-2 grant reaches instance B contacts (README 2)",
    action: 'connect:StartContactRecording',
    resource: B_CONTACT,
    allowed: ['role/ConnectAutomationRole', ALICE, BOB],
  },
  // 3
  {
    rule: 'Permissions boundaries: the boundary cuts connect:* — StopContact on a B contact: only the admins (README 3)',
    action: 'connect:StopContact',
    resource: B_CONTACT,
    allowed: ADMINS,
  },
  {
    rule: 'Permissions boundaries: UpdateContactAttributes on a B contact: only the admins (README 3)',
    action: 'connect:UpdateContactAttributes',
    resource: B_CONTACT,
    allowed: ADMINS,
  },
  {
    rule: 'Permissions boundaries: boundary allows Describe* — DescribeContact on a B contact (README 3)',
    action: 'connect:DescribeContact',
    resource: B_CONTACT,
    allowed: ['role/ConnectAutomationRole', ALICE, BOB, CAROL, DAN],
  },
  {
    rule: 'Permissions boundaries: boundary allows Get* — GetContactAttributes on a B contact (README 3)',
    action: 'connect:GetContactAttributes',
    resource: B_CONTACT,
    allowed: ['role/ConnectAutomationRole', ALICE, BOB, CAROL, DAN],
  },
  // 4
  ...[A_AGENT_TEST, A_AGENT_SALES, A_AGENT_SALES_2, A_AGENT_SUPPORT].flatMap((agent): Question[] => [
    {
      rule: `Policy evaluation logic: explicit deny in any policy overrides allows — DeleteUser on instance A agent ${agent.slice(-12)}: nobody (README 4)`,
      action: 'connect:DeleteUser',
      resource: agent,
      allowed: NOBODY,
    },
    {
      rule: `Policy evaluation logic: explicit deny overrides allows, even with includeConditional — DeleteUser on A agent ${agent.slice(-12)}`,
      action: 'connect:DeleteUser',
      resource: agent,
      includeConditional: true,
      allowed: NOBODY,
    },
  ]),
  ...[
    'connect:UpdateUserIdentityInfo',
    'connect:UpdateUserRoutingProfile',
    'connect:UpdateUserSecurityProfiles',
    'connect:UpdateUserPhoneConfig',
    'connect:UpdateUserHierarchy',
  ].map((action): Question => ({
    rule: `Policy evaluation logic: explicit deny of connect:UpdateUser* overrides jack.taylor's tag grant — ${action} on the Test agent of A: nobody (README 4)`,
    action,
    resource: A_AGENT_TEST,
    allowed: NOBODY,
  })),
  // 5
  {
    rule: 'Policy evaluation logic: the Deny names instance A only — DeleteUser on a B agent: the admins (README 5)',
    action: 'connect:DeleteUser',
    resource: B_AGENT_TEST_1,
    allowed: ADMINS,
  },
  // 6
  {
    rule: "Permissions boundaries: kara's boundary takes UpdateUser* away — UpdateUserIdentityInfo on a B Test agent (README 6)",
    action: 'connect:UpdateUserIdentityInfo',
    resource: B_AGENT_TEST_1,
    allowed: [ALICE, BOB, JACK],
  },
  {
    rule: 'aws:ResourceTag: UpdateUserSecurityProfiles on the other B Test agent (README 6)',
    action: 'connect:UpdateUserSecurityProfiles',
    resource: B_AGENT_TEST_2,
    allowed: [ALICE, BOB, JACK],
  },
  {
    rule: 'aws:ResourceTag: Department=Sales does not satisfy the Test condition — UpdateUserIdentityInfo on a B Sales agent (README 6)',
    action: 'connect:UpdateUserIdentityInfo',
    resource: B_AGENT_SALES,
    allowed: ADMINS,
  },
  // 7
  {
    rule: 'aws:ResourceTag: DescribeUser on a Department=Test user of A — 11 users (README 7)',
    action: 'connect:DescribeUser',
    resource: A_AGENT_TEST,
    allowed: DESCRIBE_USER_11,
  },
  {
    rule: 'aws:ResourceTag: DescribeUser on a Department=Test user of B — 11 users (README 7)',
    action: 'connect:DescribeUser',
    resource: B_AGENT_TEST_1,
    allowed: DESCRIBE_USER_11,
  },
  {
    rule: 'aws:ResourceTag: DescribeUser on a Department=Sales user — 9 users, not jack or kara (README 7)',
    action: 'connect:DescribeUser',
    resource: A_AGENT_SALES,
    allowed: DESCRIBE_USER_9,
  },
  {
    rule: 'Condition: a missing aws:ResourceTag key fails StringEquals — DescribeUser on an untagged agent: the 9 (README 7)',
    action: 'connect:DescribeUser',
    resource: A_AGENT_UNTAGGED,
    allowed: DESCRIBE_USER_9,
  },
  {
    rule: 'includeConditional: DescribeUser on an untagged agent adds jack and kara conditional on aws:ResourceTag/Department (README 7)',
    action: 'connect:DescribeUser',
    resource: A_AGENT_UNTAGGED,
    includeConditional: true,
    allowed: DESCRIBE_USER_9,
    conditional: { [KARA]: ['aws:ResourceTag/Department'], [JACK]: ['aws:ResourceTag/Department'] },
  },
  {
    rule: 'Condition: a supplied aws:ResourceTag/Department=Test satisfies the tag policy — all 11 (README 7)',
    action: 'connect:DescribeUser',
    resource: A_AGENT_UNTAGGED,
    context: { 'aws:ResourceTag/Department': 'Test' },
    allowed: DESCRIBE_USER_11,
  },
  // 8
  {
    rule: 'Policy evaluation logic: explicit deny on the denied security profile — CreateUser: the admins only (README 8)',
    action: 'connect:CreateUser',
    resource: B_DENIED_PROFILE,
    allowed: ADMINS,
  },
  {
    rule: 'Policy evaluation logic: an explicit deny is never conditional — CreateUser on the denied profile with includeConditional (README 8)',
    action: 'connect:CreateUser',
    resource: B_DENIED_PROFILE,
    includeConditional: true,
    allowed: ADMINS,
  },
  {
    rule: 'Resource element: CreateUser on another security profile — the unconditional Allow (README 8)',
    action: 'connect:CreateUser',
    resource: B_AGENT_PROFILE,
    allowed: [ALICE, BOB, LIAM, MAYA],
  },
  // 9
  {
    rule: 'aws:RequestTag: TagResource on a B agent without request tags — the admins (README 9)',
    action: 'connect:TagResource',
    resource: B_AGENT_TEST_1,
    allowed: ADMINS,
  },
  {
    rule: 'includeConditional: TagResource adds liam and maya conditional on aws:RequestTag/Owner (README 9)',
    action: 'connect:TagResource',
    resource: B_AGENT_TEST_1,
    includeConditional: true,
    allowed: ADMINS,
    conditional: { [LIAM]: ['aws:RequestTag/Owner'], [MAYA]: ['aws:RequestTag/Owner'] },
  },
  {
    rule: 'aws:RequestTag: Owner=TeamA satisfies the condition — all four (README 9)',
    action: 'connect:TagResource',
    resource: B_AGENT_TEST_1,
    context: { 'aws:RequestTag/Owner': 'TeamA' },
    allowed: [ALICE, BOB, LIAM, MAYA],
  },
  {
    rule: 'aws:RequestTag: Owner=TeamB does not — the admins (README 9)',
    action: 'connect:TagResource',
    resource: B_AGENT_TEST_1,
    context: { 'aws:RequestTag/Owner': 'TeamB' },
    allowed: ADMINS,
  },
  // 10
  {
    rule: 'Action element: Describe* — DescribeInstance on instance A (README 10)',
    action: 'connect:DescribeInstance',
    resource: A,
    allowed: [ALICE, BOB, CAROL, DAN],
  },
  { rule: 'Action element: ListUsers on instance A — not from the tag policy (README 10)', action: 'connect:ListUsers', resource: A, allowed: DESCRIBE_USER_9 },
  {
    rule: 'Action element: ListInstances on * (README 10)',
    action: 'connect:ListInstances',
    resource: '*',
    allowed: ['role/OutboundCampaignsRole', ALICE, BOB, CAROL, DAN],
    evaluatedResourceType: null,
  },
  {
    rule: 'Policy evaluation logic: ReadOnlyAccess denies AdminGetEmergencyAccessToken — admins only (README 10)',
    action: 'connect:AdminGetEmergencyAccessToken',
    resource: A,
    allowed: ADMINS,
  },
  // 11
  {
    rule: 'Action element: a misspelt service prefix (app-integartions) matches nothing — DeleteEventIntegration on MyNamePrefix-orders: noah only (README 11)',
    action: 'app-integrations:DeleteEventIntegration',
    resource: EVENT_ORDERS,
    allowed: [NOAH],
  },
  {
    rule: 'Action element: misspelt grants give DeleteEventIntegration on crm-sync to nobody (README 11)',
    action: 'app-integrations:DeleteEventIntegration',
    resource: EVENT_CRM,
    allowed: NOBODY,
  },
  {
    rule: 'Action element: misspelt grants give DeleteDataIntegration to nobody (README 11)',
    action: 'app-integrations:DeleteDataIntegration',
    resource: DATA_INTEGRATION,
    allowed: NOBODY,
  },
  // 12
  {
    rule: 'Resource element: GetEventIntegration on MyNamePrefix-orders (README 12)',
    action: 'app-integrations:GetEventIntegration',
    resource: EVENT_ORDERS,
    allowed: ['role/service-role/OrdersIntegrationRole', NOAH, OLIVIA],
  },
  {
    rule: 'Resource element: GetEventIntegration on crm-sync (README 12)',
    action: 'app-integrations:GetEventIntegration',
    resource: EVENT_CRM,
    allowed: [NOAH, OLIVIA],
  },
  {
    rule: 'Resource element: an ARN with an empty service-specific part grants nothing — ListEventIntegrations on * (README 12)',
    action: 'app-integrations:ListEventIntegrations',
    resource: '*',
    allowed: [NOAH, OLIVIA],
  },
  {
    rule: 'Action element: GetDataIntegration on the data integration (README 12)',
    action: 'app-integrations:GetDataIntegration',
    resource: DATA_INTEGRATION,
    allowed: [NOAH, OLIVIA],
  },
  // 13
  {
    rule: 'Lenient import: WisdomAssistantsManage (trailing comma repaired) — GetAssistant (README 13)',
    action: 'wisdom:GetAssistant',
    resource: `arn:aws:wisdom:us-west-2:${ACCOUNT}:assistant/4d6f8b0c-2e5a-4b7c-9d9f-8e0a2c4d6f19`,
    allowed: [NOAH, OLIVIA],
  },
  // 14
  {
    rule: 'Resource element: SearchProfiles on the demo domain (README 14)',
    action: 'profile:SearchProfiles',
    resource: DEMO_DOMAIN,
    allowed: ['role/CustomerProfilesRole', ALICE, BOB, ERIN, FRANK, GRACE, HENRY, ISLA],
  },
  {
    rule: 'Resource element: SearchProfiles on marketing-profiles: nobody (README 14)',
    action: 'profile:SearchProfiles',
    resource: `arn:aws:profile:us-west-2:${ACCOUNT}:domains/marketing-profiles`,
    allowed: NOBODY,
  },
  {
    rule: 'Resource element: DeleteDomain on the demo domain (README 14)',
    action: 'profile:DeleteDomain',
    resource: DEMO_DOMAIN,
    allowed: ['role/CustomerProfilesRole', ALICE, BOB],
  },
  {
    rule: 'Resource element: domains/amazon-connect-* — DeleteDomain on the east domain (README 14)',
    action: 'profile:DeleteDomain',
    resource: `arn:aws:profile:us-east-1:${ACCOUNT}:domains/amazon-connect-anycompany-east`,
    allowed: ADMINS,
  },
  // 15
  {
    rule: "aws:ResourceTag/owner: DescribeCampaign on instance A's campaign (README 15)",
    action: 'connect-campaigns:DescribeCampaign',
    resource: CAMPAIGN_A,
    allowed: ['role/OutboundCampaignsInstanceARole', 'role/OutboundCampaignsRole'],
  },
  {
    rule: "aws:ResourceTag/owner: DescribeCampaign on instance B's campaign (README 15)",
    action: 'connect-campaigns:DescribeCampaign',
    resource: CAMPAIGN_B,
    allowed: ['role/OutboundCampaignsRole'],
  },
  { rule: 'Action element: ListCampaigns on * (README 15)', action: 'connect-campaigns:ListCampaigns', resource: '*', allowed: ['role/OutboundCampaignsRole'] },
  {
    rule: "Lenient import: the repaired management fragment — PauseCampaign on A's campaign (README 15)",
    action: 'connect-campaigns:PauseCampaign',
    resource: CAMPAIGN_A,
    allowed: ['role/OutboundCampaignsRole'],
  },
  // 16
  {
    rule: 'Policy variables: ${aws:username} — iam:GetUser on grace.kim: grace only (README 16)',
    action: 'iam:GetUser',
    resource: arn(GRACE),
    allowed: [GRACE],
  },
  {
    rule: 'Policy variables: ${aws:username} is a name, not a path — iam:GetUser on contractors/kara.singh: nobody (README 16)',
    action: 'iam:GetUser',
    resource: arn(KARA),
    allowed: NOBODY,
  },
  // 17
  {
    rule: 'Resource element: iam:PutRolePolicy on the Connect service-linked role (README 17)',
    action: 'iam:PutRolePolicy',
    resource: arn('role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_7f3a1b'),
    allowed: ['role/OutboundCampaignsRole', 'role/VoiceIDAdminRole', ALICE, BOB],
  },
  // 18
  {
    rule: 'Condition: iam:AWSServiceName supplied — CreateServiceLinkedRole for profile (README 18)',
    action: 'iam:CreateServiceLinkedRole',
    resource: arn('role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile'),
    context: { 'iam:AWSServiceName': 'profile.amazonaws.com' },
    allowed: ['role/OutboundCampaignsRole', ALICE, BOB],
  },
  // 19
  {
    rule: 'Resource element: "Resource": "" matches no resource — PutMetricData: nobody (README 19)',
    action: 'cloudwatch:PutMetricData',
    resource: '*',
    context: { 'cloudwatch:namespace': 'AWS/CustomerProfiles' },
    allowed: NOBODY,
  },
  {
    rule: 'Resource element: arn:aws:iam:::role/… (empty account) matches no role — DeleteRole: nobody (README 19)',
    action: 'iam:DeleteRole',
    resource: arn('role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile_demo'),
    allowed: NOBODY,
  },
  // 20
  {
    rule: 'Resource element: a placeholder key ARN matches no real key — kms:CreateGrant: nobody (README 20)',
    action: 'kms:CreateGrant',
    resource: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    allowed: NOBODY,
  },
  // 21
  {
    rule: 'Permissions boundaries: the inline policy allows logs:PutLogEvents, the boundary does not: nobody (README 21)',
    action: 'logs:PutLogEvents',
    resource: `arn:aws:logs:us-west-2:${ACCOUNT}:log-group:/aws/lambda/connect-automation:log-stream:2024/05/15`,
    allowed: NOBODY,
  },
  // 22
  {
    rule: 'Action element: voiceid:* — DescribeDomain (README 22)',
    action: 'voiceid:DescribeDomain',
    resource: `arn:aws:voiceid:us-east-1:${ACCOUNT}:domain/Qp3Xw8ZrT1uVb6NcKd4Hj2`,
    allowed: ['role/VoiceIDAdminRole'],
  },
  // 23
  {
    rule: 'Inline policies apply to their user only — GetCurrentMetricData on an A queue: erin, not frank (README 23)',
    action: 'connect:GetCurrentMetricData',
    resource: `${A}/queue/f1a3c5e7-9b2d-4e6f-8a0c-3b5d7f9a1c64`,
    allowed: [ALICE, BOB, CAROL, DAN, ERIN],
  },
  // 24
  {
    rule: 'Action element: s3:CreateBucket on the recordings bucket (README 24)',
    action: 's3:CreateBucket',
    resource: 'arn:aws:s3:::amazon-connect-5f1a2b3c4d6e',
    allowed: ADMINS,
  },
  { rule: 'Action element: cloudtrail:LookupEvents on * (README 24)', action: 'cloudtrail:LookupEvents', resource: '*', allowed: AUDITORS },
];

describe('seed/README.md expected whoCan answers over GraphQL HTTP', () => {
  for (const q of QUESTIONS) {
    const extras = [q.context ? `context ${JSON.stringify(q.context)}` : '', q.includeConditional ? 'includeConditional' : ''].filter(Boolean).join(', ');
    test(`${q.rule}${extras ? ` [${extras}]` : ''}`, async () => {
      const answer = await whoCan(q.action, q.resource, { context: q.context, includeConditional: q.includeConditional });
      assert.equal(answer.action, q.action);
      if (q.evaluatedResourceType !== undefined) assert.equal(answer.evaluatedResourceType, q.evaluatedResourceType);
      assertAnswer(q.resource === '*' ? ownAccountOnly(answer) : answer, q);
    });
  }

  test('Service Authorization Reference: asked on instance A, StartContactRecording is evaluated on A/contact/*', async () => {
    const answer = await whoCan('connect:StartContactRecording', A);
    assert.equal(answer.evaluatedResourceType, 'contact');
    assert.equal(answer.evaluatedResource, `${A}/contact/*`);
  });

  test('Action element: action names are case-insensitive; the answer spells the action as the catalog does', async () => {
    const answer = await whoCan('CONNECT:startcontactrecording', A_CONTACT_1);
    assert.equal(answer.action, 'connect:StartContactRecording');
    assertAnswer(answer, { allowed: ['role/ConnectSupervisorRole', ALICE, BOB, ERIN, FRANK] });
  });
});

describe('the decisions behind "nobody" (simulatePrincipalPolicy)', () => {
  async function simulate(principal: string, actions: string[], resources?: string[], context?: Context) {
    const r = await server.gql<{
      simulatePrincipalPolicy: {
        results: {
          action: string;
          resource: string;
          decision: string;
          missingContextKeys: string[];
          matchedStatements: { policyName: string; sid: string | null; effect: string }[];
        }[];
      };
    }>(SIMULATE_PRINCIPAL, { principalArn: arn(principal), actions, resources, context: contextInput(context) });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.simulatePrincipalPolicy.results;
  }

  test('Policy evaluation logic: explicit deny overrides allows — alice: DeleteUser on A agent EXPLICIT_DENY (DenyAgentManagementInstanceA), DescribeUser ALLOWED, DeleteUser on B agent ALLOWED', async () => {
    const results = await simulate(ALICE, ['connect:DeleteUser', 'connect:DescribeUser'], [A_AGENT_TEST, B_AGENT_TEST_1]);
    assert.deepEqual(
      results.map((r) => [r.action, r.resource, r.decision]),
      [
        ['connect:DeleteUser', A_AGENT_TEST, 'EXPLICIT_DENY'],
        ['connect:DeleteUser', B_AGENT_TEST_1, 'ALLOWED'],
        ['connect:DescribeUser', A_AGENT_TEST, 'ALLOWED'],
        ['connect:DescribeUser', B_AGENT_TEST_1, 'ALLOWED'],
      ],
    );
    const deny = results[0].matchedStatements.filter((s) => s.effect === 'Deny');
    assert.ok(deny.length > 0, 'the Deny statement is reported');
    assert.ok(
      deny.every((s) => /DenyAgentManagementInstanceA/.test(s.policyName)),
      JSON.stringify(deny),
    );
  });

  test("Policy evaluation logic: jack.taylor's tag grant on an A Test agent is overridden — UpdateUserIdentityInfo EXPLICIT_DENY", async () => {
    const [r] = await simulate(JACK, ['connect:UpdateUserIdentityInfo'], [A_AGENT_TEST]);
    assert.equal(r.decision, 'EXPLICIT_DENY');
  });

  test('Policy evaluation logic: liam on the denied security profile — CreateUser EXPLICIT_DENY', async () => {
    const [r] = await simulate(LIAM, ['connect:CreateUser'], [B_DENIED_PROFILE]);
    assert.equal(r.decision, 'EXPLICIT_DENY');
  });

  test('Permissions boundaries: kara.singh UpdateUserIdentityInfo on a B Test agent is IMPLICIT_DENY (the boundary does not allow it), DescribeUser ALLOWED', async () => {
    const results = await simulate(KARA, ['connect:UpdateUserIdentityInfo', 'connect:DescribeUser'], [B_AGENT_TEST_1]);
    assert.deepEqual(
      results.map((r) => r.decision),
      ['IMPLICIT_DENY', 'ALLOWED'],
    );
  });

  test('simulatePrincipalPolicy: default resource "*", actions in input order, missing context keys reported (jack.taylor DescribeUser on *)', async () => {
    const results = await simulate(JACK, ['connect:DescribeUser', 'connect:DeleteUser']);
    assert.deepEqual(
      results.map((r) => [r.action, r.resource]),
      [
        ['connect:DescribeUser', '*'],
        ['connect:DeleteUser', '*'],
      ],
    );
    assert.equal(results[1].decision, 'IMPLICIT_DENY');
    assert.notEqual(results[0].decision, 'EXPLICIT_DENY');
  });

  test('simulatePrincipalPolicy: NOT_FOUND for an unknown principal', async () => {
    const r = await server.gql(SIMULATE_PRINCIPAL, { principalArn: arn('user/nobody'), actions: ['connect:DescribeUser'] });
    assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});

describe('seed/README.md expected whatCan answers over GraphQL HTTP', () => {
  async function whatCan(principal: string, resource: string, options: { includeConditional?: boolean } = {}) {
    const r = await server.gql<{
      whatCan: {
        totalCount: number;
        resourceType: string;
        edges: { node: { action: string; decision: string; conditional: boolean } }[];
        pageInfo: { hasNextPage: boolean };
      };
    }>(WHAT_CAN, { principalArn: arn(principal), resource, first: 500, includeConditional: options.includeConditional ?? false });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const c = r.data!.whatCan;
    assert.equal(c.totalCount, c.edges.length);
    for (const e of c.edges) assert.equal(e.node.decision, 'ALLOWED');
    return { resourceType: c.resourceType, actions: c.edges.map((e) => e.node.action) };
  }
  const CONTACT_RECORDING = [
    'connect:ResumeContactRecording',
    'connect:StartContactRecording',
    'connect:StopContactRecording',
    'connect:SuspendContactRecording',
  ];

  test('Permissions boundaries: ConnectAutomationRole on a B contact — connect:* cut to the boundary', async () => {
    const got = await whatCan('role/ConnectAutomationRole', B_CONTACT);
    assert.equal(got.resourceType, 'contact');
    assert.deepEqual(
      got.actions,
      [
        'DescribeContact',
        'GetContactAttributes',
        'GetContactMetrics',
        'ListAssociatedContacts',
        'ListContactReferences',
        'ListRealtimeContactAnalysisSegments',
        'ListRealtimeContactAnalysisSegmentsV2',
        'ResumeContactRecording',
        'StartContactRecording',
        'StopContactRecording',
        'SuspendContactRecording',
      ].map((a) => `connect:${a}`),
    );
  });

  test('Resource element: ConnectAutomationRole on an A contact (us-east-1) — nothing', async () => {
    assert.deepEqual((await whatCan('role/ConnectAutomationRole', A_CONTACT_1)).actions, []);
  });

  test('Resource element: erin.walsh and ConnectSupervisorRole on an A contact — the four recording actions', async () => {
    assert.deepEqual((await whatCan(ERIN, A_CONTACT_1)).actions, CONTACT_RECORDING);
    assert.deepEqual((await whatCan('role/ConnectSupervisorRole', A_CONTACT_1)).actions, CONTACT_RECORDING);
  });

  test('Policy variables: grace.kim on her own IAM user — the five ViewOwnUserInfo actions', async () => {
    const got = await whatCan(GRACE, arn(GRACE));
    assert.equal(got.resourceType, 'user');
    assert.deepEqual(got.actions, ['iam:GetUser', 'iam:GetUserPolicy', 'iam:ListAttachedUserPolicies', 'iam:ListGroupsForUser', 'iam:ListUserPolicies']);
  });

  test('aws:ResourceTag: jack.taylor on a B Test agent — DescribeUser and the UpdateUser* actions that apply to a user', async () => {
    const got = await whatCan(JACK, B_AGENT_TEST_1);
    assert.equal(got.resourceType, 'user');
    assert.deepEqual(
      got.actions,
      [
        'DescribeUser',
        'UpdateUserHierarchy',
        'UpdateUserIdentityInfo',
        'UpdateUserNotificationStatus',
        'UpdateUserPhoneConfig',
        'UpdateUserProficiencies',
        'UpdateUserRoutingProfile',
        'UpdateUserSecurityProfiles',
      ].map((a) => `connect:${a}`),
    );
  });

  test('Policy evaluation logic: explicit deny — jack.taylor on the A Test agent: DescribeUser only', async () => {
    assert.deepEqual((await whatCan(JACK, A_AGENT_TEST)).actions, ['connect:DescribeUser']);
  });

  test('Permissions boundaries: kara.singh on either Test agent — DescribeUser only', async () => {
    assert.deepEqual((await whatCan(KARA, A_AGENT_TEST)).actions, ['connect:DescribeUser']);
    assert.deepEqual((await whatCan(KARA, B_AGENT_TEST_1)).actions, ['connect:DescribeUser']);
  });

  test('Policy evaluation logic: alice on the A Test agent — DescribeUser and TagResource, but no DeleteUser and no UpdateUser*', async () => {
    const got = (await whatCan(ALICE, A_AGENT_TEST)).actions;
    assert.ok(got.includes('connect:DescribeUser'));
    assert.ok(got.includes('connect:TagResource'));
    assert.ok(!got.includes('connect:DeleteUser'));
    assert.deepEqual(
      got.filter((a) => a.startsWith('connect:UpdateUser')),
      [],
    );
    assert.deepEqual(got, [...got].sort(byteOrder), 'ordered by action name');
    // On a B agent the Deny does not apply: DeleteUser and UpdateUser* are back.
    const onB = (await whatCan(ALICE, B_AGENT_TEST_1)).actions;
    assert.ok(onB.includes('connect:DeleteUser'));
    assert.ok(onB.includes('connect:UpdateUserIdentityInfo'));
  });

  test('Resource element: integrations on MyNamePrefix-orders — OrdersIntegrationRole Get; olivia Create/Get/Update; noah also Delete', async () => {
    assert.deepEqual((await whatCan('role/service-role/OrdersIntegrationRole', EVENT_ORDERS)).actions, ['app-integrations:GetEventIntegration']);
    assert.deepEqual((await whatCan(OLIVIA, EVENT_ORDERS)).actions, [
      'app-integrations:CreateEventIntegration',
      'app-integrations:GetEventIntegration',
      'app-integrations:UpdateEventIntegration',
    ]);
    assert.deepEqual((await whatCan(NOAH, EVENT_ORDERS)).actions, [
      'app-integrations:CreateEventIntegration',
      'app-integrations:DeleteEventIntegration',
      'app-integrations:GetEventIntegration',
      'app-integrations:UpdateEventIntegration',
    ]);
  });

  test("aws:ResourceTag/owner: OutboundCampaignsInstanceARole on A's campaign — DescribeCampaign, GetCampaignState; on B's — nothing", async () => {
    assert.deepEqual((await whatCan('role/OutboundCampaignsInstanceARole', CAMPAIGN_A)).actions, [
      'connect-campaigns:DescribeCampaign',
      'connect-campaigns:GetCampaignState',
    ]);
    assert.deepEqual((await whatCan('role/OutboundCampaignsInstanceARole', CAMPAIGN_B)).actions, []);
  });

  test('Resource element: the profile service-linked role on itself — nothing', async () => {
    const self = 'role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile';
    assert.deepEqual((await whatCan(self, arn(self))).actions, []);
  });
});

describe('errors and paging', () => {
  test('Service Authorization Reference: StartContactRecording on an S3 bucket is BAD_USER_INPUT naming "contact"', async () => {
    const r = await server.gql(WHO_CAN, { action: 'connect:StartContactRecording', resource: 'arn:aws:s3:::amazon-connect-5f1a2b3c4d6e' });
    assert.equal(r.data, null);
    assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(r.errors![0].message, /contact/);
  });

  test('Errors: in production mode the BAD_USER_INPUT for a wrong resource type carries no stack trace', async () => {
    const prod = await startTestServer({ dbFile: server.dbFile, env: { NODE_ENV: 'production' } });
    try {
      const r = await prod.gql(WHO_CAN, { action: 'connect:StartContactRecording', resource: 'arn:aws:s3:::amazon-connect-5f1a2b3c4d6e' });
      assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.match(r.errors![0].message, /contact/);
      assert.equal(r.errors![0].extensions?.stacktrace, undefined);
      assert.doesNotMatch(JSON.stringify(r.errors), /\.js:\d+/, 'no stack trace');
    } finally {
      await prod.stop();
    }
  });

  test('Service Authorization Reference: DescribeUser on a contact (a Connect resource of the wrong type) is BAD_USER_INPUT naming "user"', async () => {
    const r = await server.gql(WHO_CAN, { action: 'connect:DescribeUser', resource: A_CONTACT_1 });
    assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(r.errors![0].message, /\buser\b/);
  });

  test('whoCan with an unknown action is BAD_USER_INPUT', async () => {
    const r = await server.gql(WHO_CAN, { action: 'connect:MakeCoffee', resource: '*' });
    assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(r.errors![0].message, /MakeCoffee/);
  });

  test('whatCan on an unknown principal is NOT_FOUND', async () => {
    const r = await server.gql(WHAT_CAN, { principalArn: arn('user/no.such.person'), resource: A_AGENT_TEST });
    assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.match(r.errors![0].message, /no\.such\.person/);
  });

  test('pagination: first 2, then after endCursor, covers the 11 DescribeUser principals once each; totalCount constant', async () => {
    const all = await whoCan('connect:DescribeUser', A_AGENT_TEST);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await whoCan('connect:DescribeUser', A_AGENT_TEST, { first: 2, after });
      pages++;
      assert.equal(page.totalCount, 11);
      assert.ok(page.edges.length <= 2);
      seen.push(...page.edges.map((e) => e.node.principal.arn));
      assert.equal(page.pageInfo.endCursor, page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
      assert.ok(pages < 20);
    }
    assert.equal(pages, 6);
    assert.deepEqual(
      seen,
      all.edges.map((e) => e.node.principal.arn),
    );
    assert.deepEqual(seen, DESCRIBE_USER_11.map(arn));
  });

  test('pagination: a cursor the API did not give out is BAD_USER_INPUT; first above the maximum is BAD_USER_INPUT', async () => {
    const bad = await server.gql(WHO_CAN, { action: 'connect:DescribeUser', resource: A_AGENT_TEST, after: 'not a cursor!' });
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const big = await server.gql(WHO_CAN, { action: 'connect:DescribeUser', resource: A_AGENT_TEST, first: 100_000 });
    assert.equal(big.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test("whatCan pagination: first 3 then after covers alice's actions on an A agent", async () => {
    const q = async (first: number, after?: string) => {
      const r = await server.gql<{
        whatCan: { totalCount: number; edges: { node: { action: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      }>(WHAT_CAN, { principalArn: arn(ALICE), resource: A_AGENT_TEST, first, after });
      assert.equal(r.errors, undefined);
      return r.data!.whatCan;
    };
    const all = await q(500);
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await q(3, after);
      assert.equal(page.totalCount, all.totalCount);
      seen.push(...page.edges.map((e) => e.node.action));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    assert.deepEqual(
      seen,
      all.edges.map((e) => e.node.action),
    );
  });
});
