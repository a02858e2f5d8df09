/**
 * The estate through the public surfaces: `accessql import` of get-account-authorization-details
 * for several accounts, the organization document and the resource policies document; then the
 * `organization`, `accounts`, `resource { policy }` and `Principal.organizationPath` fields over
 * HTTP, and the importAuthorizationDetails mutation with an organization document.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';
import {
  accountDetails,
  BUCKET,
  DEV,
  KEY,
  LOG,
  MGMT,
  organizationDocument,
  ORG_ID,
  OU_DEV,
  OU_WORKLOADS,
  PROD,
  resourcePoliciesDocument,
  ROOT,
} from '../store/estate-fixture.js';

let server: TestServer;
let db: string;

function write(name: string, value: unknown): string {
  const f = path.join(path.dirname(db), name);
  writeFileSync(f, JSON.stringify(value, null, 2));
  return f;
}

before(async () => {
  db = tempDb();
  const r = runCli([
    'import',
    '--db',
    db,
    write('prod.json', accountDetails(PROD)),
    write('dev.json', accountDetails(DEV)),
    write('org.json', organizationDocument()),
    write('resource-policies.json', resourcePoliciesDocument()),
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /3 resource policies, organization o-a1b2c3d4e5 \(4 accounts, 4 organizational units, 7 SCPs and RCPs\)/);
  server = await startTestServer({ dbFile: db });
});

after(async () => {
  await server?.stop();
});

test('CLI: a bad organization document names file, line and column and changes nothing', () => {
  const bad = organizationDocument();
  (bad.OrganizationalUnits as { ParentId: string }[])[1].ParentId = 'r-zz99';
  const f = write('bad-org.json', bad);
  const r = runCli(['import', '--db', db, f]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad-org\.json:\d+:\d+: OrganizationalUnits\[1\]\.ParentId: r-zz99 names no root or organizational unit/);
});

test('GraphQL organization: the tree, the management account, SCPs and RCPs with their targets', async () => {
  const r = await server.gql(`{ organization {
    id managementAccountId featureSet
    roots { id name policyTypes { type status } }
    organizationalUnits { id name parentId path }
    accounts { id name status parentId organizationPath isManagementAccount principalsCount }
    policies { id name type awsManaged content targets { targetId type name } }
  } }`);
  assert.equal(r.errors, undefined);
  const o = r.data.organization;
  assert.equal(o.id, ORG_ID);
  assert.equal(o.managementAccountId, MGMT);
  assert.deepEqual(
    o.roots[0].policyTypes.map((t: { type: string }) => t.type),
    ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
  );
  assert.deepEqual(
    o.organizationalUnits.find((u: { id: string }) => u.id === OU_DEV),
    { id: OU_DEV, name: 'Dev', parentId: OU_WORKLOADS, path: `${ORG_ID}/${ROOT}/${OU_WORKLOADS}/${OU_DEV}/` },
  );
  const dev = o.accounts.find((a: { id: string }) => a.id === DEV);
  assert.deepEqual(dev, {
    id: DEV,
    name: 'dev',
    status: 'ACTIVE',
    parentId: OU_DEV,
    organizationPath: `${ORG_ID}/${ROOT}/${OU_WORKLOADS}/${OU_DEV}/`,
    isManagementAccount: false,
    principalsCount: 3,
  });
  assert.equal(o.accounts.find((a: { id: string }) => a.id === MGMT).isManagementAccount, true);
  const guard = o.policies.find((p: { name: string }) => p.name === 'DenyContactRecording');
  assert.equal(guard.type, 'SERVICE_CONTROL_POLICY');
  assert.deepEqual(guard.targets, [{ targetId: OU_DEV, type: 'ORGANIZATIONAL_UNIT', name: 'Dev' }]);
  assert.match(guard.content, /connect:StartContactRecording/);
  assert.deepEqual(
    o.policies.filter((p: { type: string }) => p.type === 'RESOURCE_CONTROL_POLICY').map((p: { name: string }) => p.name),
    ['EnforceTLS', 'DenyExternalS3'],
  );
});

test('GraphQL accounts: every account of the estate, paged by id, with organization path and principals count', async () => {
  const q = `query($first: Int, $after: String) { accounts(first: $first, after: $after) {
    totalCount edges { cursor node { id name organizationPath parent { id name type } inOrganization principalsCount iamImported } } pageInfo { hasNextPage endCursor } } }`;
  const first = await server.gql(q, { first: 2 });
  assert.equal(first.errors, undefined);
  // 4 organization accounts; the resource policies name no account outside it.
  assert.equal(first.data.accounts.totalCount, 4);
  assert.deepEqual(
    first.data.accounts.edges.map((e: { node: { id: string } }) => e.node.id),
    [MGMT, PROD],
  );
  assert.equal(first.data.accounts.pageInfo.hasNextPage, true);
  const rest = await server.gql(q, { first: 10, after: first.data.accounts.pageInfo.endCursor });
  const nodes = rest.data.accounts.edges.map((e: { node: unknown }) => e.node);
  assert.deepEqual(nodes, [
    {
      id: DEV,
      name: 'dev',
      organizationPath: `${ORG_ID}/${ROOT}/${OU_WORKLOADS}/${OU_DEV}/`,
      parent: { id: OU_DEV, name: 'Dev', type: 'ORGANIZATIONAL_UNIT' },
      inOrganization: true,
      principalsCount: 3,
      iamImported: true,
    },
    {
      id: LOG,
      name: 'logging',
      organizationPath: `${ORG_ID}/${ROOT}/ou-ab12-44444444/`,
      parent: { id: 'ou-ab12-44444444', name: 'Security', type: 'ORGANIZATIONAL_UNIT' },
      inOrganization: true,
      principalsCount: 0,
      iamImported: false,
    },
  ]);
  assert.equal(rest.data.accounts.pageInfo.hasNextPage, false);
});

test("GraphQL Principal.organizationPath; a role's trust policy is its Resource.policy", async () => {
  const r = await server.gql(`{ principal(arn: "arn:aws:iam::${DEV}:role/Deployer") { accountId organizationPath }
    role: resource(arn: "arn:aws:iam::${DEV}:role/Deployer") { arn service resourceType accountId policy tags { key } } }`);
  assert.equal(r.errors, undefined);
  assert.deepEqual(r.data.principal, { accountId: DEV, organizationPath: `${ORG_ID}/${ROOT}/${OU_WORKLOADS}/${OU_DEV}/` });
  assert.equal(r.data.role.resourceType, 'role');
  assert.equal(JSON.parse(r.data.role.policy).Statement[0].Action, 'sts:AssumeRole');
});

test('GraphQL Resource.policy: a bucket (owner from ResourceOwner) and a key, by ARN; null for a resource without one', async () => {
  const r = await server.gql(`{ bucket: resource(arn: "${BUCKET}") { accountId resourceType policy }
    key: resource(arn: "${KEY}") { accountId policy } none: resource(arn: "arn:aws:s3:::nothing-here") { arn } }`);
  assert.equal(r.errors, undefined);
  assert.equal(r.data.bucket.accountId, LOG);
  assert.equal(r.data.bucket.resourceType, 'bucket');
  assert.equal(JSON.parse(r.data.bucket.policy).Statement[0].Principal.AWS, `arn:aws:iam::${PROD}:root`);
  assert.match(r.data.key.policy, /Enable IAM User Permissions/);
  assert.equal(r.data.none, null);
});

test('GraphQL importAuthorizationDetails takes an organization document too; importResources refuses it (BAD_USER_INPUT)', async () => {
  const doc = organizationDocument();
  (doc.Accounts as { Name: string }[])[1].Name = 'production';
  const m = await server.gql(`mutation($d: String!) { importAuthorizationDetails(document: $d) { organization organizationAccounts organizationPolicies } }`, {
    d: JSON.stringify(doc),
  });
  assert.equal(m.errors, undefined);
  assert.deepEqual(m.data.importAuthorizationDetails, { organization: ORG_ID, organizationAccounts: 4, organizationPolicies: 7 });
  const q = await server.gql(`{ account(id: "${PROD}") { name organizationPath } }`);
  assert.equal(q.data.account.name, 'production');
  const refused = await server.gql(`mutation($d: String!) { importResources(document: $d) { snapshotId } }`, { d: JSON.stringify(doc) });
  assert.equal(refused.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
});

test("the seed (a first `npm start`) has the contact centre's organization, its accounts and the recordings bucket's policy", async () => {
  const seeded = tempDb();
  const r = runCli(['seed', '--db', seeded]);
  assert.equal(r.status, 0, r.stderr);
  const s = await startTestServer({ dbFile: seeded });
  try {
    const q = await s.gql(`{ organization { id managementAccountId accounts { id name organizationPath }
        policies { name type targets { targetId } } }
      accounts { totalCount edges { node { id principalsCount } } }
      bucket: resource(arn: "arn:aws:s3:::anycompany-call-recordings") { accountId policy }
      role: resource(arn: "arn:aws:iam::444455556666:role/CrossAccountAuditRole") { policy }
      principal(arn: "arn:aws:iam::123456789012:user/alice.nguyen") { organizationPath } }`);
    assert.equal(q.errors, undefined);
    const o = q.data.organization;
    assert.equal(o.id, 'o-anycompany1');
    assert.equal(o.managementAccountId, '111122223333');
    assert.deepEqual(
      o.accounts.map((a: { id: string }) => a.id),
      ['111122223333', '123456789012', '210987654321', '444455556666'],
    );
    const guard = o.policies.find((p: { name: string }) => p.name === 'DenyContactRecordingInDev');
    assert.deepEqual(guard.targets, [{ targetId: 'ou-cc11-devaccnts' }]);
    assert.ok(o.policies.some((p: { type: string }) => p.type === 'RESOURCE_CONTROL_POLICY'));
    const counts = Object.fromEntries(q.data.accounts.edges.map((e: { node: { id: string; principalsCount: number } }) => [e.node.id, e.node.principalsCount]));
    // The management account: IAM Identity Center's ContactCentreAdmins role, ContactCentreAdminRole, SupportEngineerRole (access paths).
    assert.deepEqual(counts, { '111122223333': 3, '123456789012': 23, '210987654321': 3, '444455556666': 3 });
    assert.equal(q.data.bucket.accountId, '444455556666');
    assert.match(q.data.bucket.policy, /DevQualityAnalystsRead/);
    assert.match(q.data.role.policy, /sts:ExternalId/);
    assert.equal(q.data.principal.organizationPath, 'o-anycompany1/r-cc11/ou-cc11-workloads/ou-cc11-prodaccts/');
  } finally {
    await s.stop();
  }
});

test('GraphQL resources: resources known only by their policy are listed too; hasPolicy filters', async () => {
  const all = await server.gql(`{ resources { totalCount edges { node { arn accountId tags { key } } } } }`);
  assert.equal(all.errors, undefined);
  assert.deepEqual(
    all.data.resources.edges.map((e: { node: { arn: string } }) => e.node.arn),
    [KEY, BUCKET, `arn:aws:sqs:us-east-1:${PROD}:contact-events`],
  );
  assert.equal(all.data.resources.edges[1].node.accountId, LOG);
  const s3 = await server.gql(`{ resources(filter: { service: "s3", hasPolicy: true }) { totalCount edges { node { arn policy } } } }`);
  assert.equal(s3.data.resources.totalCount, 1);
  assert.match(s3.data.resources.edges[0].node.policy, /ProdWrites/);
  const none = await server.gql(`{ resources(filter: { hasPolicy: false }) { totalCount } }`);
  assert.equal(none.data.resources.totalCount, 0);
  const byOwner = await server.gql(`{ resources(filter: { accountId: "${LOG}" }) { totalCount } }`);
  assert.equal(byOwner.data.resources.totalCount, 2, 'the bucket (ResourceOwner) and the key (its ARN)');
});
