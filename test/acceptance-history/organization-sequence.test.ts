/**
 * Issue 15's acceptance for organization changes that edit no policy text: an account moved out of
 * an OU (MoveAccount), a trust policy opened to a partner account, an RCP that admits only the
 * organization's principals, and the partner account joining the organization. Expected answers
 * from AWS's documents: AWS Organizations User Guide, "SCP evaluation" (every level from the root
 * to the account must allow) and "Resource control policies (RCPs)" (sts:AssumeRole is among the
 * services RCPs apply to; aws:PrincipalOrgID in "AWS global condition context keys"); IAM User
 * Guide, "Cross-account policy evaluation logic" (the trust policy and the caller's own policy
 * must both allow).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { A, ALICE, allow, baseState, CAROL, clone, DEPLOY, doc, M, OPS, organization, writeCollection, type EstateState } from './fixtures.js';

const B = '444455556666';
const DAN = `arn:aws:iam::${B}:user/dan`;
const ORG = 'o-acme123456';
const OU = 'ou-ac12-wkld0001';

let dir: string;
let db: string;
let server: TestServer;

type OrgDoc = { Accounts: { Id: string; ParentId: string }[] } & Record<string, unknown>;
const underRoot = (o: OrgDoc) => (o.Accounts.find((a) => a.Id === A)!.ParentId = 'r-ac12');
const partnerJoins = (o: OrgDoc) => {
  underRoot(o);
  o.Accounts.push({
    Id: B,
    Arn: `arn:aws:organizations::${M}:account/${ORG}/${B}`,
    Name: 'partner',
    Email: 'partner@acme.example',
    Status: 'ACTIVE',
    JoinedMethod: 'INVITED',
    ParentId: OU,
  } as OrgDoc['Accounts'][number]);
};

const withDeny = (() => {
  const s = baseState();
  s.orgPolicies.push({
    id: 'p-denydescribe1',
    name: 'DenyDescribeInstances',
    type: 'SERVICE_CONTROL_POLICY',
    content: doc({ Effect: 'Deny', Action: 'ec2:DescribeInstances', Resource: '*' }),
    targets: [OU],
  });
  return s;
})();
const trustsPartner = (() => {
  const s = clone(withDeny);
  s.roles.DeployRole.trust = doc({ Effect: 'Allow', Principal: { AWS: [ALICE, `arn:aws:iam::${B}:root`] }, Action: 'sts:AssumeRole' });
  return s;
})();
const orgOnly = (() => {
  const s = clone(trustsPartner);
  s.orgPolicies.push({
    id: 'p-rcporgonly1',
    name: 'OrgPrincipalsOnly',
    type: 'RESOURCE_CONTROL_POLICY',
    content: doc({
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG } },
    }),
    targets: [A],
  });
  return s;
})();

const STATES: [string, EstateState, ((o: OrgDoc) => void) | undefined][] = [
  ['deny-at-ou', withDeny, undefined],
  ['moved-under-root', withDeny, underRoot],
  ['trusts-partner', trustsPartner, underRoot],
  ['rcp-org-only', orgOnly, underRoot],
  ['partner-joins', orgOnly, partnerJoins],
];

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'accessql-org-history-'));
  db = path.join(dir, 'org.db');
  // The partner account: dan's own policy allows assuming DeployRole.
  const partner = path.join(dir, `iam-${B}.json`);
  writeFileSync(
    partner,
    JSON.stringify({
      UserDetailList: [
        {
          Path: '/',
          UserName: 'dan',
          UserId: 'AIDADANPARTNER000000',
          Arn: DAN,
          CreateDate: '2026-02-01T10:00:00+00:00',
          UserPolicyList: [{ PolicyName: 'deploy', PolicyDocument: doc(allow('sts:AssumeRole', DEPLOY)) }],
          GroupList: [],
          AttachedManagedPolicies: [],
          Tags: [],
        },
      ],
      GroupDetailList: [],
      RoleDetailList: [],
      Policies: [],
    }),
  );
  for (const [label, state, editOrg] of STATES) {
    const files = writeCollection(dir, label, state);
    if (editOrg) {
      const o = organization(state) as OrgDoc;
      editOrg(o);
      writeFileSync(files[2], JSON.stringify(o, null, 4));
    }
    const r = runCli(['import', '--db', db, ...files, partner]);
    assert.equal(r.status, 0, `${label}: ${r.stderr}`);
  }
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

async function moves(from: number, to: number): Promise<string[]> {
  const r = await server.gql(
    `{ accessChanges(from: ${from}, to: ${to}) { totalCount edges { node { principal { arn } action resource change before after } } } }`,
  );
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data.accessChanges.edges
    .map((e: any) => `${e.node.change} ${e.node.principal.arn} ${e.node.action} ${e.node.resource} ${e.node.before}→${e.node.after}`)
    .sort();
}

test('MoveAccount out of the OU that denies ec2:DescribeInstances: the account’s principals gain it', async () => {
  assert.deepEqual(
    await moves(1, 2),
    [`GAINED ${OPS} ec2:DescribeInstances * EXPLICIT_DENY→ALLOWED`, `GAINED ${CAROL} ec2:DescribeInstances * EXPLICIT_DENY→ALLOWED`].sort(),
  );
});

test('a trust policy naming a partner account: its user whose own policy allows sts:AssumeRole gains it', async () => {
  assert.deepEqual(await moves(2, 3), [`GAINED ${DAN} sts:AssumeRole ${DEPLOY} IMPLICIT_DENY→ALLOWED`]);
});

test('an RCP denying principals outside the organization: the partner loses; alice (inside) keeps', async () => {
  assert.deepEqual(await moves(3, 4), [`LOST ${DAN} sts:AssumeRole ${DEPLOY} ALLOWED→EXPLICIT_DENY`]);
});

test('the partner account joins the organization (with no SCP of its own: FullAWSAccess is the default): it gains back', async () => {
  assert.deepEqual(await moves(4, 5), [`GAINED ${DAN} sts:AssumeRole ${DEPLOY} EXPLICIT_DENY→ALLOWED`]);
  const who = await server.gql(`{ whoCan(action: "sts:AssumeRole", resource: "${DEPLOY}") { edges { node { principal { arn } } } } }`);
  assert.deepEqual(
    who.data.whoCan.edges.map((e: any) => e.node.principal.arn),
    [ALICE, DAN],
  );
});
