/**
 * Issue 11 ("Hardening II"), through the public HTTP surface: each attack that broke or degraded
 * the wave-1 server, and what must hold now. Ordering and step counts, not wall-clock thresholds.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { fixture } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const readFixture = (name: string) => fs.readFileSync(fixture('store', name), 'utf8');

const IMPORT = 'mutation($d: String!) { importAuthorizationDetails(document: $d) { snapshotId users roles } }';
const IMPORT_MANY = 'mutation($ds: [String!]) { importAuthorizationDetails(documents: $ds) { snapshotId users roles } }';
const COUNTS = '{ imports { id } principals { totalCount } }';

/** A POST with a chosen Host header (fetch may not set Host). */
function postWithHost(url: string, host: string | undefined, body: object): Promise<{ status: number; body: any }> {
  const u = new URL(url);
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) };
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent: false, headers, setHost: host === undefined ? true : false },
      (res) => {
        let out = '';
        res.on('data', (c) => (out += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: out ? JSON.parse(out) : undefined }));
      },
    );
    if (host !== undefined && host !== '') req.setHeader('host', host);
    req.on('error', reject);
    req.end(text);
  });
}

function assertNoStack(value: unknown): void {
  const text = JSON.stringify(value);
  assert.ok(!/stacktrace/i.test(text), `stack trace in ${text.slice(0, 300)}`);
  assert.ok(!/\n\s+at |node_modules|file:\/\//.test(text), `stack frames in ${text.slice(0, 300)}`);
}

function code(r: { errors?: { extensions?: Record<string, any> }[] }): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

describe('issue 11 on a default (tokenless, loopback) server', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ env: { NODE_ENV: 'production' } });
  });
  after(async () => s.stop());

  test(
    'item 1: a 6 KB nested partnercentral ARN is refused quickly (resource length limit 2,048, "IAM API Reference" ResourceArns) and typing a long ARN does not block /healthz',
    { timeout: 30_000 },
    async () => {
      const arn = `arn:aws:partnercentral:us-east-1:123456789012:catalog/c${'/engagement/e/resource/r/x'.repeat(240)}/template`;
      assert.ok(arn.length > 6000);
      const r = await s.gql('query($r: String!) { whoCan(action: "s3:GetObject", resource: $r) { totalCount } }', { r: arn });
      assert.equal(code(r), 'BAD_USER_INPUT', JSON.stringify(r).slice(0, 300));
      assert.equal(r.errors![0].extensions!.argumentName, 'resource');
      assert.equal(r.errors![0].extensions!.limit, 2048);
      for (const q of [
        'query($r: String!) { whatCan(principalArn: "arn:aws:iam::123456789012:user/x", resource: $r) { totalCount } }',
        'query($r: String!) { simulatePrincipalPolicy(principalArn: "arn:aws:iam::123456789012:user/x", actions: ["s3:GetObject"], resources: [$r]) { results { decision } } }',
        'query($r: String!) { simulateCustomPolicy(input: {policies: ["{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"*\\",\\"Resource\\":\\"*\\"}]}"], actions: ["s3:GetObject"], resources: [$r]}) { results { decision } } }',
      ]) {
        const x = await s.gql(q, { r: arn });
        assert.equal(code(x), 'BAD_USER_INPUT', JSON.stringify(x).slice(0, 300));
      }
      // Within the limit, the nested format is typed (or refused) while /healthz keeps answering.
      const inLimit = `arn:aws:partnercentral:us-east-1:123456789012:catalog/c${'/engagement/e/resource/r/x'.repeat(75)}/template`;
      assert.ok(inLimit.length <= 2048);
      let healthAnswered = false;
      const heavy = s
        .gql('query($r: String!) { whoCan(action: "partnercentral:GetOpportunity", resource: $r) { totalCount } }', { r: inLimit })
        .then((x) => ({ x, healthAnsweredFirst: healthAnswered }));
      const health = await fetch(s.url.replace('/graphql', '/healthz'));
      healthAnswered = true;
      assert.equal(health.status, 200);
      const { x } = await heavy;
      assert.ok(x.data || ['BAD_USER_INPUT', 'TIMEOUT'].includes(code(x)!), JSON.stringify(x).slice(0, 300));
    },
  );

  test('item 5: DNS rebinding — a request whose Host is not a loopback name is refused (403 FORBIDDEN, JSON) and imports nothing', async () => {
    const before = await s.gql(COUNTS);
    const doc = readFixture('authorization-details-cli.json');
    const port = new URL(s.url).port;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost:${Number(port) + 1}`]) {
      const r = await postWithHost(s.url, host, { query: IMPORT, variables: { d: doc } });
      assert.equal(r.status, 403, `${host}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.errors[0].extensions.code, 'FORBIDDEN');
      assert.match(r.body.errors[0].message, /ACCESSQL_ALLOWED_HOSTS/);
    }
    const after1 = await s.gql(COUNTS);
    assert.deepEqual(after1.data, before.data, 'nothing imported');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost']) {
      const r = await postWithHost(s.url, host, { query: '{ __typename }' });
      assert.equal(r.status, 200, `${host}: ${JSON.stringify(r.body)}`);
    }
  });

  test('item 6: __proto__ and constructor are tag keys like any other (aws:PrincipalTag/__proto__ grants)', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Proto', Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/__proto__': 'team-a' } } },
        { Sid: 'Ctor', Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/constructor': 'team-b' } } },
      ],
    };
    const doc = JSON.stringify({
      UserDetailList: [
        {
          Path: '/',
          UserName: 'proto-user',
          UserId: 'AIDAPROTO0000000001',
          Arn: 'arn:aws:iam::444455556666:user/proto-user',
          CreateDate: '2024-01-01T00:00:00Z',
          GroupList: [],
          AttachedManagedPolicies: [],
          Tags: [
            { Key: '__proto__', Value: 'team-a' },
            { Key: 'constructor', Value: 'team-b' },
          ],
          UserPolicyList: [{ PolicyName: 'by-tag', PolicyDocument: policy }],
        },
      ],
    });
    const imported = await s.gql(IMPORT, { d: doc });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const get = await s.gql(
      '{ whoCan(action: "s3:GetObject", resource: "arn:aws:s3:::b/k") { edges { node { principal { arn } matchedStatements { sid } } } } }',
    );
    assert.deepEqual(
      get.data.whoCan.edges.map((e: any) => [e.node.principal.arn, e.node.matchedStatements[0].sid]),
      [['arn:aws:iam::444455556666:user/proto-user', 'Proto']],
    );
    const put = await s.gql('{ whoCan(action: "s3:PutObject", resource: "arn:aws:s3:::b/k") { edges { node { principal { arn } } } } }');
    assert.equal(put.data.whoCan.edges.length, 1);
    const p = await s.gql('{ principal(arn: "arn:aws:iam::444455556666:user/proto-user") { tags { key value } } }');
    assert.deepEqual(p.data.principal.tags.map((t: any) => `${t.key}=${t.value}`).sort(), ['__proto__=team-a', 'constructor=team-b']);
  });

  test('item 7: NUL in a browsing filter is BAD_USER_INPUT (SQLite would stop reading the LIKE pattern and match every row)', async () => {
    for (const [query, field] of [
      ['query($s: String!) { principals(filter: {nameContains: $s}) { totalCount } }', 'filter.nameContains'],
      ['query($s: String!) { groups(filter: {nameContains: $s}) { totalCount } }', 'filter.nameContains'],
      ['query($s: String!) { policies(filter: {actionLike: $s}) { totalCount } }', 'filter.actionLike'],
      ['query($s: String!) { resources(filter: {tag: {key: "k", value: $s}}) { totalCount } }', 'filter.tag.value'],
    ] as const) {
      const r = await s.gql(query, { s: 'zz\u0000' });
      assert.equal(code(r), 'BAD_USER_INPUT', JSON.stringify(r).slice(0, 300));
      assert.equal(r.errors![0].extensions!.argumentName, field);
    }
  });

  test('item 7: a persisted query whose hash does not match is a client error (BAD_REQUEST, HTTP 400, no stack)', async () => {
    for (const extensions of [
      { persistedQuery: { version: 1, sha256Hash: 'deadbeef' } },
      { persistedQuery: { version: 1, sha256Hash: 5 } },
      { persistedQuery: { version: 2, sha256Hash: 'deadbeef' } },
    ]) {
      const r = await postWithHost(s.url, undefined, { query: '{ __typename }', extensions });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.errors[0].extensions.code, 'BAD_REQUEST');
      assertNoStack(r.body);
    }
  });

  test('item 7: a 100,000-deep document inside an import is a clear error naming the element path; nothing changes', async () => {
    const before = await s.gql(COUNTS);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const doc = `{"UserDetailList":[{"UserName":"deep","UserId":"AIDADEEP","Arn":"arn:aws:iam::123456789012:user/deep","Path":"/","UserPolicyList":[{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":${deep}}]}}]}]}`;
    const r = await s.gql(IMPORT, { d: doc });
    assert.equal(code(r), 'BAD_USER_INPUT', JSON.stringify(r).slice(0, 400));
    assert.match(r.errors![0].message, /UserDetailList\[0\]\.UserPolicyList\[0\]\.PolicyDocument\.Statement\[0\]\.Condition/);
    assert.match(r.errors![0].message, /nested/);
    assertNoStack(r);
    assert.deepEqual((await s.gql(COUNTS)).data, before.data);
  });

  test('item 9: importAuthorizationDetails(documents:) imports the pages of a multi-page export in one transaction', async () => {
    const page1 = readFixture('authorization-details-api-page1.json');
    const page2 = readFixture('authorization-details-api-page2.json');
    const r = await s.gql(IMPORT_MANY, { ds: [page1, page2] });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.equal(r.data.importAuthorizationDetails.users, 2);
    assert.equal(r.data.importAuthorizationDetails.roles, 1);
    const snapshots = await s.gql('{ imports { id files } }');
    const snapshot = snapshots.data.imports.find((x: any) => x.id === r.data.importAuthorizationDetails.snapshotId);
    assert.deepEqual(snapshot.files, ['documents[0]', 'documents[1]'], 'one snapshot for both pages');
    const ps = await s.gql('{ principals(filter: {accountId: "210987654321"}) { edges { node { arn } } } }');
    assert.deepEqual(ps.data.principals.edges.map((e: any) => e.node.arn).sort(), [
      'arn:aws:iam::210987654321:role/ConnectSupervisor',
      'arn:aws:iam::210987654321:user/dana',
      'arn:aws:iam::210987654321:user/erin',
    ]);
    // One bad page: nothing lands (all or nothing), and the error names the page.
    const before = await s.gql(COUNTS);
    const bad = await s.gql(IMPORT_MANY, { ds: [page1, '{"UserDetailList": 5}'] });
    assert.ok(['BAD_USER_INPUT', 'MALFORMED_POLICY_DOCUMENT'].includes(code(bad)!), JSON.stringify(bad).slice(0, 300));
    assert.match(bad.errors![0].message, /documents\[1\]/);
    assert.deepEqual((await s.gql(COUNTS)).data, before.data);
    // Exactly one of document and documents.
    for (const [q, v] of [
      ['mutation($d: String, $ds: [String!]) { importAuthorizationDetails(document: $d, documents: $ds) { snapshotId } }', { d: page1, ds: [page2] }],
      ['mutation { importAuthorizationDetails { snapshotId } }', {}],
      ['mutation($ds: [String!]) { importAuthorizationDetails(documents: $ds) { snapshotId } }', { ds: [] }],
    ] as const) {
      const x = await s.gql(q, v);
      assert.equal(code(x), 'BAD_USER_INPUT', JSON.stringify(x).slice(0, 300));
    }
    // The single-document form still works.
    const single = await s.gql(IMPORT, { d: page1 });
    assert.equal(single.errors, undefined);
  });
});

test('item 4: with only ACCESSQL_READ_TOKEN set, mutations are refused for everybody (never open); queries need the read token', async () => {
  const READ = 'issue11-read-token-0123456789';
  const s = await startTestServer({ env: { ACCESSQL_READ_TOKEN: READ, NODE_ENV: 'production' } });
  try {
    const auth = { authorization: `Bearer ${READ}` };
    const before = await s.gql(COUNTS, undefined, auth);
    assert.equal(before.errors, undefined);
    const doc = readFixture('authorization-details-cli.json');
    const anonymous = await s.gql(IMPORT, { d: doc });
    assert.ok(['UNAUTHENTICATED', 'FORBIDDEN'].includes(code(anonymous)!), JSON.stringify(anonymous).slice(0, 300));
    const reader = await s.gql(IMPORT, { d: doc }, auth);
    assert.equal(code(reader), 'FORBIDDEN', JSON.stringify(reader).slice(0, 300));
    assert.match(reader.errors![0].message, /ACCESSQL_ADMIN_TOKEN/);
    const resources = await s.gql('mutation($d: String!) { importResources(document: $d) { snapshotId } }', { d: readFixture('resources.json') });
    assert.ok(['UNAUTHENTICATED', 'FORBIDDEN'].includes(code(resources)!));
    assert.deepEqual((await s.gql(COUNTS, undefined, auth)).data, before.data, 'nothing imported');
  } finally {
    await s.stop();
  }
});

test('item 5: ACCESSQL_ALLOWED_HOSTS admits the listed names besides loopback ones', async () => {
  const s = await startTestServer({ env: { ACCESSQL_ALLOWED_HOSTS: 'accessql.internal.example, other.example:8443' } });
  try {
    const port = new URL(s.url).port;
    const ok = async (host: string) => (await postWithHost(s.url, host, { query: '{ __typename }' })).status;
    assert.equal(await ok(`accessql.internal.example:${port}`), 200);
    assert.equal(await ok('accessql.internal.example'), 200);
    assert.equal(await ok('other.example:8443'), 200);
    assert.equal(await ok('other.example:9999'), 403);
    assert.equal(await ok(`evil.example:${port}`), 403);
    assert.equal(await ok(`localhost:${port}`), 200);
  } finally {
    await s.stop();
  }
});

test(
  'item 3: one simulateCustomPolicy of 18,000 StringLike patterns × 10,000 aws:TagKeys ends in TIMEOUT, and other clients are answered while it runs',
  { timeout: 120_000 },
  async () => {
    const s = await startTestServer({ env: { ACCESSQL_REQUEST_TIMEOUT_MS: '2000', NODE_ENV: 'production' } });
    try {
      // Two policies of 9,000 patterns each (one policy may hold 131,072 characters); no value
      // matches any pattern (values are upper-case letters, patterns digits and lower case), so every pair is compared: 180,000,000 searches.
      const policyOf = (from: number) =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: '*',
              Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': Array.from({ length: 9000 }, (_, i) => `*${(from + i).toString(36)}*`) } },
            },
          ],
        });
      const policies = [policyOf(0), policyOf(9000)];
      for (const p of policies) assert.ok(p.length < 131_072, `${p.length}`);
      const letters = (n: number) => [...n.toString(26)].map((c) => String.fromCharCode(65 + parseInt(c, 26))).join('');
      const values = Array.from({ length: 10_000 }, (_, i) => `TAG-KEY-${letters(i)}-WITH-SOME-LENGTH-TO-SCAN`);
      const events: string[] = [];
      const heavy = s
        .gql(
          'query($p: [String!]!, $v: [String!]!) { simulateCustomPolicy(input: {policies: $p, actions: ["s3:GetObject"], context: [{key: "aws:TagKeys", values: $v}]}) { results { decision } } }',
          { p: policies, v: values },
        )
        .then((r) => {
          events.push('heavy');
          return r;
        });
      // A second client, several times while the heavy one runs.
      let answered = 0;
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const h = await fetch(s.url.replace('/graphql', '/healthz'));
        assert.equal(h.status, 200);
        const small = await s.gql('{ __typename }');
        assert.equal(small.data.__typename, 'Query');
        answered++;
        events.push('other');
      }
      const r = await heavy;
      assert.equal(code(r), 'TIMEOUT', JSON.stringify(r).slice(0, 300));
      assert.equal(answered, 5);
      assert.deepEqual(events.slice(0, 5), ['other', 'other', 'other', 'other', 'other'], `order: ${events.join(',')}`);
      const ok = await s.gql('{ __typename }');
      assert.equal(ok.data.__typename, 'Query');
    } finally {
      await s.stop();
    }
  },
);
