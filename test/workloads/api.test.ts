/**
 * Workload state through the public surfaces: `accessql import` of the AWS CLI outputs, then the
 * `workloads` connection, `workloadSources`, `Principal.credentials` and the import mutation over HTTP.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';
import { WORKLOAD_FIXTURES, wf } from './fixtures.js';

const A = '123456789012';
const fx = (name: string) => path.join(WORKLOAD_FIXTURES, name);
let server: TestServer;
let db: string;

before(async () => {
  db = tempDb();
  const r = runCli([
    'import',
    '--db',
    db,
    fx('authorization-details.json'),
    fx('credential-report.json'),
    fx('ec2-describe-instances.json'),
    fx('lambda-list-functions.json'),
    fx('glue-get-dev-endpoints.json'),
    fx('sagemaker-notebooks.json'),
    fx('cloudformation-describe-stacks.json'),
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /4 users, 5 roles/);
  assert.match(
    r.stdout,
    /4 credential report users, 11 workloads \(replaced: 123456789012 CLOUDFORMATION_STACKS, 123456789012 CREDENTIAL_REPORT, 123456789012 EC2_INSTANCES, 123456789012 GLUE_DEV_ENDPOINTS, 123456789012 LAMBDA_FUNCTIONS, 123456789012 SAGEMAKER_NOTEBOOKS\)/,
  );
  server = await startTestServer({ dbFile: db });
});

after(async () => {
  await server?.stop();
});

test('CLI: a broken workload file names file, line and column, exits 1, and the files before it do not land', () => {
  const f = path.join(path.dirname(db), 'bad-stacks.json');
  writeFileSync(f, '{\n    "Stacks": [\n        {\n            "StackName": "x"\n        }\n    ]\n}\n');
  const other = path.join(path.dirname(db), 'other-functions.json');
  writeFileSync(
    other,
    JSON.stringify({ Functions: [{ FunctionName: 'new', FunctionArn: `arn:aws:lambda:us-east-1:${A}:function:new`, Role: `arn:aws:iam::${A}:role/r` }] }),
  );
  const r = runCli(['import', '--db', db, other, f]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad-stacks\.json:3:9: Stacks\[0\]\.StackId: missing StackId/);
  const check = runCli(['import', '--db', db, '--account', 'abc', other]);
  assert.equal(check.status, 2, check.stderr);
  assert.match(check.stderr, /--account abc is not a 12-digit account id/);
});

test('CLI: an empty listing needs --account', () => {
  const scratch = tempDb();
  const f = path.join(path.dirname(scratch), 'no-endpoints.json');
  writeFileSync(f, '{\n    "DevEndpoints": []\n}\n');
  const refused = runCli(['import', '--db', scratch, f]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /no-endpoints\.json:2:5: DevEndpoints: the list is empty.*--account/);
  const ok = runCli(['import', '--db', scratch, '--account', A, f]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /0 workloads \(replaced: 123456789012 GLUE_DEV_ENDPOINTS\)/);
});

test('GraphQL workloads: every kind, the role resolved (EC2 through its instance profile), filters and pages', async () => {
  const q = `query($first: Int, $after: String, $kind: WorkloadKind, $roleArn: String) {
    workloads(first: $first, after: $after, kind: $kind, roleArn: $roleArn) {
      totalCount edges { node { kind arn accountId region name roleArn instanceProfileArn state role { arn type } } } pageInfo { hasNextPage endCursor } } }`;
  const all = await server.gql(q, { first: 100 });
  assert.equal(all.errors, undefined, JSON.stringify(all.errors));
  assert.equal(all.data.workloads.totalCount, 11);
  const kinds = new Set(all.data.workloads.edges.map((e: { node: { kind: string } }) => e.node.kind));
  assert.deepEqual([...kinds].sort(), ['CLOUDFORMATION_STACK', 'EC2_INSTANCE', 'GLUE_DEV_ENDPOINT', 'LAMBDA_FUNCTION', 'SAGEMAKER_NOTEBOOK']);

  const ec2 = await server.gql(q, { first: 10, roleArn: `arn:aws:iam::${A}:role/web-app-role` });
  assert.deepEqual(ec2.data.workloads.edges, [
    {
      node: {
        kind: 'EC2_INSTANCE',
        arn: `arn:aws:ec2:us-east-1:${A}:instance/i-0123456789abcdef0`,
        accountId: A,
        region: 'us-east-1',
        name: 'i-0123456789abcdef0',
        roleArn: `arn:aws:iam::${A}:role/web-app-role`,
        instanceProfileArn: `arn:aws:iam::${A}:instance-profile/web-app-profile`,
        state: 'running',
        role: { arn: `arn:aws:iam::${A}:role/web-app-role`, type: 'ROLE' },
      },
    },
  ]);
  const glue = await server.gql(q, { first: 1, kind: 'GLUE_DEV_ENDPOINT' });
  assert.equal(glue.data.workloads.totalCount, 2);
  assert.equal(glue.data.workloads.pageInfo.hasNextPage, true);
  const next = await server.gql(q, { first: 1, kind: 'GLUE_DEV_ENDPOINT', after: glue.data.workloads.pageInfo.endCursor });
  assert.equal(next.data.workloads.edges.length, 1);
  assert.notEqual(next.data.workloads.edges[0].node.arn, glue.data.workloads.edges[0].node.arn);

  const badCursor = await server.gql(q, { first: 1, after: 'nope' });
  assert.equal(badCursor.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
});

test('GraphQL Principal.credentials: password, keys and MFA from the credential report; null for roles', async () => {
  const r = await server.gql(`{
    bob: principal(arn: "arn:aws:iam::${A}:user/bob") { credentials { passwordEnabled mfaActive activeAccessKeys accessKey1Active accessKey2Active reportGeneratedTime } }
    alice: principal(arn: "arn:aws:iam::${A}:user/alice") { credentials { passwordEnabled passwordLastUsed mfaActive activeAccessKeys } }
    role: principal(arn: "arn:aws:iam::${A}:role/web-app-role") { credentials { passwordEnabled } }
  }`);
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  assert.deepEqual(r.data.bob.credentials, {
    passwordEnabled: false,
    mfaActive: false,
    activeAccessKeys: 2,
    accessKey1Active: true,
    accessKey2Active: true,
    reportGeneratedTime: '2024-06-04T07:00:00+00:00',
  });
  assert.deepEqual(r.data.alice.credentials, { passwordEnabled: true, passwordLastUsed: '2024-06-02T08:15:00+00:00', mfaActive: true, activeAccessKeys: 1 });
  assert.equal(r.data.role.credentials, null);
});

test('GraphQL import mutation: workload outputs with counts and sources; accountId for an empty listing; workloadSources', async () => {
  const mutation = `mutation($documents: [String!], $accountId: String) { importAuthorizationDetails(documents: $documents, accountId: $accountId) {
    snapshotId accounts workloads credentialReportUsers workloadSources { accountId source snapshotId generatedTime } } }`;
  const refused = await server.gql(mutation, { documents: ['{"Functions": []}'] });
  // ImportError's convention: an error with a position in the file is MALFORMED_POLICY_DOCUMENT, with line and column.
  assert.equal(refused.errors?.[0]?.extensions?.code, 'MALFORMED_POLICY_DOCUMENT');
  assert.equal(refused.errors?.[0]?.extensions?.line, 1);
  assert.match(refused.errors![0]!.message, /documents\[0\]:1:\d+: Functions: the list is empty/);

  const r = await server.gql(mutation, { documents: ['{"Functions": []}', wf('credential-report.json').text], accountId: A });
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  const result = r.data.importAuthorizationDetails;
  assert.equal(result.workloads, 0);
  assert.equal(result.credentialReportUsers, 4);
  assert.deepEqual(result.workloadSources, [
    { accountId: A, source: 'CREDENTIAL_REPORT', snapshotId: result.snapshotId, generatedTime: '2024-06-04T07:00:00+00:00' },
    { accountId: A, source: 'LAMBDA_FUNCTIONS', snapshotId: result.snapshotId, generatedTime: null },
  ]);
  const after = await server.gql(`{ workloads(kind: LAMBDA_FUNCTION) { totalCount } workloadSources(accountId: "${A}") { source snapshotId } }`);
  assert.equal(after.data.workloads.totalCount, 0, "the empty listing replaced the account's functions");
  assert.deepEqual(
    after.data.workloadSources.map((s: { source: string }) => s.source),
    ['CLOUDFORMATION_STACKS', 'CREDENTIAL_REPORT', 'EC2_INSTANCES', 'GLUE_DEV_ENDPOINTS', 'LAMBDA_FUNCTIONS', 'SAGEMAKER_NOTEBOOKS'],
  );
  const bad = await server.gql(mutation, { documents: ['{"Functions": []}'], accountId: 'x' });
  assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
});
