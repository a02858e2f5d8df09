import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../helpers/server.js';

const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

test('server: introspection and Sandbox are on by default, even with NODE_ENV=production', async () => {
  const s = await startTestServer({ env: { NODE_ENV: 'production' } });
  try {
    const r = await s.gql('{ __schema { queryType { name } } }');
    assert.equal(r.data.__schema.queryType.name, 'Query');
    const page = await fetch(s.url, { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /sandbox/i);
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  } finally {
    await s.stop();
  }
});

test('server: queries deeper than the limit get QUERY_TOO_COMPLEX, and the server keeps answering', async () => {
  const s = await startTestServer();
  try {
    let q = 'arn';
    for (let i = 0; i < 10; i++) q = `arn groups { name members { ${q} } }`;
    const r = await s.gql(`{ principals(first: 5) { edges { node { ${q} } } } }`);
    assert.equal(r.errors![0].extensions!.code, 'QUERY_TOO_COMPLEX');
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: catalog { version }`).join(' ');
    const r2 = await s.gql(`{ ${aliases} }`);
    assert.equal(r2.errors![0].extensions!.code, 'QUERY_TOO_COMPLEX');
    const ok = await s.gql('{ __typename }');
    assert.equal(ok.data.__typename, 'Query');
  } finally {
    await s.stop();
  }
});

test('server: a body over the limit is PAYLOAD_TOO_LARGE, not a crash', async () => {
  const s = await startTestServer({ env: { ACCESSQL_BODY_LIMIT_BYTES: '100000' } });
  try {
    const r = await s.gql('query($d: String!) { validatePolicy(document: $d) { valid } }', { d: 'x'.repeat(200_000) });
    assert.equal(r.status, 413);
    assert.equal(r.errors![0].extensions!.code, 'PAYLOAD_TOO_LARGE');
    const ok = await s.gql('{ __typename }');
    assert.equal(ok.status, 200);
  } finally {
    await s.stop();
  }
});

test('server: with ACCESSQL_ADMIN_TOKEN set, mutations need the token (UNAUTHENTICATED / FORBIDDEN) and it never reaches the logs', async () => {
  const admin = 's3cr3t-admin-token-value';
  const reader = 'r3ad-token-value';
  const s = await startTestServer({ env: { ACCESSQL_ADMIN_TOKEN: admin, ACCESSQL_READ_TOKEN: reader, ACCESSQL_LOG_LEVEL: 'debug' } });
  const m = 'mutation($d: String!) { importResources(document: $d) { snapshotId } }';
  const doc = JSON.stringify({ ResourceTagMappingList: [{ ResourceARN: 'arn:aws:connect:us-east-1:123456789012:instance/abc', Tags: [] }] });
  try {
    const none = await s.gql(m, { d: doc });
    assert.equal(none.errors![0].extensions!.code, 'UNAUTHENTICATED');
    const wrong = await s.gql(m, { d: doc }, { authorization: 'Bearer nope' });
    assert.equal(wrong.errors![0].extensions!.code, 'UNAUTHENTICATED');
    const asReader = await s.gql(m, { d: doc }, { authorization: `Bearer ${reader}` });
    assert.equal(asReader.errors![0].extensions!.code, 'FORBIDDEN');
    const ok = await s.gql(m, { d: doc }, { authorization: `Bearer ${admin}` });
    assert.equal(ok.errors, undefined);
    assert.ok(ok.data.importResources.snapshotId);
    const q = 'query($p: String!) { simulateCustomPolicy(input: {policies: [$p], actions: ["s3:GetObject"]}) { results { decision } } }';
    const anon = await s.gql(q, { p: POLICY });
    assert.equal(anon.errors![0].extensions!.code, 'UNAUTHENTICATED');
    const read = await s.gql(q, { p: POLICY }, { authorization: `Bearer ${reader}` });
    assert.equal(read.data.simulateCustomPolicy.results[0].decision, 'ALLOWED');
    assert.ok(!s.stderr().includes(admin) && !s.stderr().includes(reader), 'tokens must not be logged');
  } finally {
    await s.stop();
  }
});

test('server: a page larger than the maximum is BAD_USER_INPUT', async () => {
  const s = await startTestServer();
  try {
    for (const first of [501, 10_000, 100_000_000]) {
      const r = await s.gql(`{ principals(first: ${first}) { totalCount edges { node { arn } } } }`);
      assert.equal(r.errors![0].extensions!.code, 'BAD_USER_INPUT', `first: ${first}`);
      const v = await s.gql('query($n: Int) { whoCan(action: "s3:GetObject", resource: "*", first: $n) { totalCount } }', { n: first });
      assert.equal(v.errors![0].extensions!.code, 'BAD_USER_INPUT', `first: $n = ${first}`);
    }
    const ok = await s.gql('{ principals(first: 500) { totalCount } }');
    assert.equal(ok.errors, undefined);
    // An empty or foreign cursor is not "no cursor": silently restarting at page one would loop a client.
    for (const after of ['', 'not a cursor!']) {
      const p = await s.gql('query($a: String) { principals(first: 5, after: $a) { totalCount } }', { a: after });
      assert.equal(p.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', `principals after: ${JSON.stringify(after)}`);
      const w = await s.gql('query($a: String) { whoCan(action: "connect:DescribeUser", resource: "*", first: 5, after: $a) { totalCount } }', { a: after });
      assert.equal(w.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', `whoCan after: ${JSON.stringify(after)}`);
    }
  } finally {
    await s.stop();
  }
});

test('server (development mode, as npm start runs it): refusals carry the contract code and no stack trace', async () => {
  const s = await startTestServer();
  try {
    const deep = `{ principals { edges { node { ${'groups { members { '.repeat(8)}arn${' } }'.repeat(8)} } } } }`;
    const cases: [string, Record<string, unknown> | undefined, string][] = [
      ['{ principals(first: 501) { totalCount } }', undefined, 'BAD_USER_INPUT'],
      ['{ whatCan(principalArn: "arn:aws:iam::123456789012:user/nobody", resource: "*") { totalCount } }', undefined, 'NOT_FOUND'],
      [deep, undefined, 'QUERY_TOO_COMPLEX'],
      [
        'query($p: [String!]!) { simulateCustomPolicy(input: {policies: $p, actions: ["s3:GetObject"]}) { results { decision } } }',
        { p: ['{"Statement": [,]}'] },
        'MALFORMED_POLICY_DOCUMENT',
      ],
    ];
    for (const [query, variables, code] of cases) {
      const r = await s.gql(query, variables);
      assert.equal(r.errors?.[0]?.extensions?.code, code, query.slice(0, 80));
      assert.equal(r.errors![0].extensions!.stacktrace, undefined, `${code} carries a stack trace`);
    }
  } finally {
    await s.stop();
  }
});
