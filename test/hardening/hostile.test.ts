/**
 * Hostile requests against one real server (child process, port 0, seeded temp DB, NODE_ENV=production,
 * admin and read tokens set): each gets a clear GraphQL error with the expected extensions.code, no
 * stack trace, and the server still answers `{ __typename }` afterwards. The work these inputs cause
 * is bounded in counted steps, in process, by work-bounds.test.ts (no wall-clock limits here).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

const ADMIN = 'hostile-admin-token-0123456789';
const READ = 'hostile-read-token-9876543210';
const BODY_LIMIT = 2 * 1024 * 1024;

interface Reply {
  status: number;
  text: string;
  body: any;
}

let server: TestServer;
const seen: string[] = [];

async function send(body: string | object, options: { headers?: Record<string, string>; method?: string; url?: string } = {}): Promise<Reply> {
  const res = await fetch(options.url ?? server.url, {
    method: options.method ?? 'POST',
    headers:
      options.method === 'GET'
        ? { authorization: `Bearer ${READ}`, ...options.headers }
        : { 'content-type': 'application/json', authorization: `Bearer ${READ}`, ...options.headers },
    body: options.method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  seen.push(text);
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, text, body: parsed };
}

const gql = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => send({ query, variables }, { headers });

/** The first error's code; fails when the reply has no errors. */
function codeOf(r: Reply): string {
  assert.ok(r.body, `not JSON (${r.status}): ${r.text.slice(0, 200)}`);
  assert.ok(Array.isArray(r.body.errors) && r.body.errors.length > 0, `expected errors, got ${r.text.slice(0, 300)}`);
  for (const e of r.body.errors) assert.equal(typeof e.message, 'string');
  return r.body.errors[0].extensions?.code;
}

function expectCode(r: Reply, code: string | string[], status?: number): void {
  const codes = Array.isArray(code) ? code : [code];
  const got = codeOf(r);
  assert.ok(codes.includes(got), `expected ${codes.join('|')}, got ${got}: ${r.text.slice(0, 300)}`);
  if (status !== undefined) assert.equal(r.status, status, r.text.slice(0, 300));
  assert.ok(r.status < 500, `a refusal is not a server error: ${r.status}`);
}

async function stillAnswers(): Promise<void> {
  const r = await gql('{ __typename }');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.data.__typename, 'Query');
  assert.equal(server.child.exitCode, null, 'server process must be alive');
}

const POLICY = (statement: object | object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statement });
const SIMULATE =
  'query($p: [String!]!, $a: [String!]!, $r: [String!], $c: [ContextEntryInput!]) { simulateCustomPolicy(input: {policies: $p, actions: $a, resources: $r, context: $c}) { results { action resource decision missingContextKeys } } }';
const VALIDATE = 'query($d: String!) { validatePolicy(document: $d) { valid findings { findingType code line column } } }';

before(async () => {
  const dbFile = tempDb();
  const seeded = runCli(['seed', '--db', dbFile]);
  assert.equal(seeded.status, 0, seeded.stderr);
  server = await startTestServer({
    dbFile,
    env: { NODE_ENV: 'production', ACCESSQL_ADMIN_TOKEN: ADMIN, ACCESSQL_READ_TOKEN: READ, ACCESSQL_BODY_LIMIT_BYTES: String(BODY_LIMIT) },
  });
});

after(async () => {
  await server?.stop();
  // NODE_ENV=production: no reply may carry a stack trace.
  for (const text of seen) {
    assert.ok(!/stacktrace/i.test(text), `stack trace in a production reply: ${text.slice(0, 300)}`);
    assert.ok(!/\n\s+at |\bat [\w.<>]+ \(\/|node_modules|file:\/\//.test(text), `stack frames in a production reply: ${text.slice(0, 300)}`);
  }
  assert.ok(!server || (!server.stderr().includes(ADMIN) && !server.stderr().includes(READ)), 'tokens must never be logged');
});

describe('query shape', () => {
  test('deep query → QUERY_TOO_COMPLEX (400)', async () => {
    let q = 'arn';
    for (let i = 0; i < 40; i++) q = `groups { members { ${q} } }`;
    expectCode(await gql(`{ principals { edges { node { ${q} } } } }`), 'QUERY_TOO_COMPLEX', 400);
    await stillAnswers();
  });

  test('very deep selection nesting (parser recursion) → a clear 4xx error', async () => {
    const q = '{ principals { edges { node { ' + 'groups { members { '.repeat(1200) + 'arn' + ' } }'.repeat(1200) + ' } } } }';
    expectCode(await gql(q), 'QUERY_TOO_COMPLEX', 400);
    await stillAnswers();
  });

  test('wide query (thousands of repeated fields) → QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: 3000 }, () => 'arn').join(' ');
    expectCode(await gql(`{ principals { edges { node { ${fields} } } } }`), 'QUERY_TOO_COMPLEX', 400);
    expectCode(await gql(`{ ${Array.from({ length: 2000 }, () => '__typename').join(' ')} }`), 'QUERY_TOO_COMPLEX', 400);
    await stillAnswers();
  });

  test('wide query of expensive fields (cost) → QUERY_TOO_COMPLEX', async () => {
    const q = `{ principals(first: 500) { edges { node { arn groups { members { arn groups { members { arn policies { policy { name } } } } } } } } } }`;
    expectCode(await gql(q), 'QUERY_TOO_COMPLEX', 400);
    await stillAnswers();
  });

  test('alias bombs → QUERY_TOO_COMPLEX', async () => {
    const whoCans = Array.from({ length: 200 }, (_, i) => `a${i}: whoCan(action: "s3:GetObject", resource: "*") { totalCount }`).join(' ');
    expectCode(await gql(`{ ${whoCans} }`), 'QUERY_TOO_COMPLEX', 400);
    const typenames = Array.from({ length: 1000 }, (_, i) => `t${i}: __typename`).join(' ');
    expectCode(await gql(`{ ${typenames} }`), 'QUERY_TOO_COMPLEX', 400);
    await stillAnswers();
  });

  test('fragment cycles are refused by validation; fragment bombs are QUERY_TOO_COMPLEX', async () => {
    const cycle = await gql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expectCode(cycle, ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX'], 400);
    const self = await gql('query { ...A } fragment A on Query { __typename ...A }');
    expectCode(self, ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX'], 400);
    let frags = 'fragment F0 on Principal { arn }';
    for (let i = 1; i < 40; i++) frags += ` fragment F${i} on Principal { ...F${i - 1} groups { members { ...F${i - 1} } } }`;
    expectCode(await gql(`{ principals { edges { node { ...F39 } } } } ${frags}`), 'QUERY_TOO_COMPLEX', 400);
    let flat = 'fragment G0 on Query { __typename }';
    for (let i = 1; i < 60; i++) flat += ` fragment G${i} on Query { ...G${i - 1} ...G${i - 1} }`;
    expectCode(await gql(`{ ...G59 } ${flat}`), ['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED'], 400);
    await stillAnswers();
  });

  test('directive floods → QUERY_TOO_COMPLEX (or a validation error for repeats)', async () => {
    const many = Array.from({ length: 200 }, () => '__typename @include(if: true)').join(' ');
    expectCode(await gql(`{ ${many} }`), 'QUERY_TOO_COMPLEX', 400);
    expectCode(await gql(`{ __typename ${'@include(if: true) '.repeat(3000)} }`), 'QUERY_TOO_COMPLEX', 400);
    expectCode(await gql(`{ __typename ${'@skip(if: false) '.repeat(40)} }`), ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX'], 400);
    await stillAnswers();
  });

  test('a 10,000-token query → QUERY_TOO_COMPLEX with HTTP 400 (not 500)', async () => {
    const q = `{ ${Array.from({ length: 10_000 }, () => '__typename').join(' ')} }`;
    expectCode(await gql(q), 'QUERY_TOO_COMPLEX', 400);
    await stillAnswers();
  });

  test('GraphQL syntax errors → GRAPHQL_PARSE_FAILED with HTTP 400 (not 500)', async () => {
    expectCode(await gql('{ principals( }'), 'GRAPHQL_PARSE_FAILED', 400);
    expectCode(await gql('{'.repeat(20_000)), ['QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED'], 400);
    expectCode(await gql('"' + 'x'.repeat(100_000)), 'GRAPHQL_PARSE_FAILED', 400);
    await stillAnswers();
  });
});

describe('HTTP level', () => {
  test('a body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
    const r = await gql(VALIDATE, { d: 'x'.repeat(BODY_LIMIT + 1024) });
    expectCode(r, 'PAYLOAD_TOO_LARGE', 413);
    await stillAnswers();
  });

  test('malformed bodies → 400 BAD_REQUEST', async () => {
    for (const body of [
      '{not json',
      '',
      'null',
      '[{"query":"{__typename}"}]',
      '{"query": 123}',
      '{"query":"{ __typename }","variables":"x"}',
      '"just a string"',
    ]) {
      const r = await send(body);
      expectCode(r, 'BAD_REQUEST', 400);
    }
    // Deeply nested JSON in an unused variable: parsed (iteratively) and ignored, no crash.
    const deep = await send('{"query":"{ __typename }","variables":{"a":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}}');
    assert.ok(deep.status < 500, deep.text.slice(0, 200));
    // ...and in a used one: a clear input error.
    const usedQuery = JSON.stringify(
      'query($c: [ContextEntryInput!]) { simulateCustomPolicy(input: {policies: ["{}"], actions: ["s3:GetObject"], context: $c}) { results { decision } } }',
    );
    const used = await send(`{"query":${usedQuery},"variables":{"c":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`);
    expectCode(used, ['BAD_USER_INPUT', 'BAD_REQUEST'], 400);
    await stillAnswers();
  });

  test('GET with a mutation is refused (mutations need POST)', async () => {
    const url = `${server.url}?query=${encodeURIComponent('mutation { importResources(document: "{}") { snapshotId } }')}`;
    const r = await send('', { method: 'GET', url, headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${ADMIN}` } });
    expectCode(r, 'BAD_REQUEST');
    assert.ok(r.status === 405 || r.status === 400, String(r.status));
    await stillAnswers();
  });

  test('CSRF prevention: a GET query without a preflight-forcing header, and a POST without content-type: application/json, are refused', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ __typename }')}`;
    expectCode(await send('', { method: 'GET', url }), 'BAD_REQUEST', 400);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await send(JSON.stringify({ query: '{ __typename }' }), { headers: { 'content-type': type } });
      expectCode(r, 'BAD_REQUEST', 400);
    }
    // With the header, a GET query is fine.
    const ok = await send('', { method: 'GET', url, headers: { 'apollo-require-preflight': 'true' } });
    assert.equal(ok.status, 200, ok.text);
    await stillAnswers();
  });
});

describe('tokens', () => {
  test('no token / wrong token → UNAUTHENTICATED; read token on a mutation → FORBIDDEN', async () => {
    const q = '{ principals(first: 1) { totalCount } }';
    expectCode(await send({ query: q }, { headers: { authorization: '' } }), 'UNAUTHENTICATED');
    for (const authorization of [
      'Bearer wrong',
      `Bearer ${READ}x`,
      `Bearer ${READ.slice(0, -1)}`,
      'Basic dXNlcjpwYXNz',
      `Bearer ${'a'.repeat(10_000)}`,
      'Bearer',
    ]) {
      expectCode(await gql(q, undefined, { authorization }), 'UNAUTHENTICATED');
    }
    const m = 'mutation($d: String!) { importResources(document: $d) { snapshotId } }';
    expectCode(await gql(m, { d: '{"ResourceTagMappingList": []}' }), 'FORBIDDEN');
    expectCode(await gql(m, { d: '{"ResourceTagMappingList": []}' }, { authorization: 'Bearer nope' }), 'UNAUTHENTICATED');
    await stillAnswers();
  });
});

describe('values', () => {
  test('huge `first` → BAD_USER_INPUT (literal and variable)', async () => {
    for (const first of [501, 1_000_000, 2_147_483_647]) {
      expectCode(await gql(`{ principals(first: ${first}) { totalCount } }`), 'BAD_USER_INPUT');
      expectCode(await gql('query($n: Int) { policies(first: $n) { totalCount } }', { n: first }), 'BAD_USER_INPUT');
      expectCode(await gql('query($n: Int) { whoCan(action: "s3:GetObject", resource: "*", first: $n) { totalCount } }', { n: first }), 'BAD_USER_INPUT');
    }
    expectCode(await gql('{ principals(first: -5) { totalCount } }'), 'BAD_USER_INPUT');
    expectCode(await gql('{ principals(first: 99999999999999) { totalCount } }'), ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);
    await stillAnswers();
  });

  test('bogus `after` cursors → BAD_USER_INPUT', async () => {
    for (const cursor of ['!!!', '%%%%', 'not a cursor', '====', '\u0000', 'é'.repeat(1000)]) {
      expectCode(await gql('query($c: String) { principals(after: $c) { totalCount } }', { c: cursor }), 'BAD_USER_INPUT');
      expectCode(await gql('query($c: String) { whoCan(action: "s3:GetObject", resource: "*", after: $c) { totalCount } }', { c: cursor }), 'BAD_USER_INPUT');
    }
    await stillAnswers();
  });

  test('unknown or malformed actions → BAD_USER_INPUT', async () => {
    for (const action of ['s3:FlyToTheMoon', 'nonsense', '', ':', 's3:' + 'a*'.repeat(20_000), 'x'.repeat(100_000)]) {
      const r = await gql('query($a: String!) { whoCan(action: $a, resource: "*") { totalCount } }', { a: action });
      expectCode(r, 'BAD_USER_INPUT');
    }
    await stillAnswers();
  });

  test('simulateCustomPolicy: malformed policies → MALFORMED_POLICY_DOCUMENT with policy, line and column', async () => {
    const good = POLICY({ Effect: 'Allow', Action: '*', Resource: '*' });
    // [policies, which one is bad, line, acceptable columns]
    const cases: [string[], string, number, number[]][] = [
      [['{"Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", } ]}'], 'policies[0]', 2, [37, 38, 39]],
      [[good, '{"Version": "2012-10-17", "Statement": ['], 'policies[1]', 1, [40, 41]],
      [['not json at all'], 'policies[0]', 1, [1]],
      [['{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]} trailing'], 'policies[0]', 1, [73, 74]],
    ];
    for (const [policies, name, line, columns] of cases) {
      const r = await gql(SIMULATE, { p: policies, a: ['s3:GetObject'] });
      expectCode(r, 'MALFORMED_POLICY_DOCUMENT');
      const ext = r.body.errors[0].extensions;
      assert.equal(ext.policy, name, r.text);
      assert.equal(ext.line, line, r.text);
      assert.ok(columns.includes(ext.column), r.text);
    }
    for (const bad of [
      '{}',
      '[]',
      '"x"',
      '{"Statement": []}',
      '{"Statement": [{"Effect": "Maybe", "Action": "*", "Resource": "*"}]}',
      '{"Statement": [{"Effect": "Allow", "Resource": "*"}]}',
      '['.repeat(10_000) + ']'.repeat(10_000),
    ]) {
      const r = await gql(SIMULATE, { p: [bad], a: ['s3:GetObject'] });
      expectCode(r, 'MALFORMED_POLICY_DOCUMENT');
      assert.equal(r.body.errors[0].extensions.policy, 'policies[0]');
      assert.ok(Number.isInteger(r.body.errors[0].extensions.line) && r.body.errors[0].extensions.line >= 1, r.text);
      assert.ok(Number.isInteger(r.body.errors[0].extensions.column) && r.body.errors[0].extensions.column >= 1, r.text);
    }
    await stillAnswers();
  });

  test('simulateCustomPolicy: AWS size limits and the evaluation cap', async () => {
    const big = POLICY(
      Array.from({ length: 2000 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i}/*` })),
    );
    assert.ok(big.length > 131_072);
    const r = await gql(SIMULATE, { p: [big], a: ['s3:GetObject'] });
    expectCode(r, 'PAYLOAD_TOO_LARGE');
    assert.equal(r.body.errors[0].extensions.policy, 'policies[0]');
    const many = await gql(SIMULATE, {
      p: [POLICY({ Effect: 'Allow', Action: '*', Resource: '*' })],
      a: Array.from({ length: 200 }, () => 's3:GetObject'),
      r: Array.from({ length: 51 }, (_, i) => `arn:aws:s3:::b/${i}`),
    });
    expectCode(many, 'BAD_USER_INPUT');
    expectCode(await gql(SIMULATE, { p: [POLICY({ Effect: 'Allow', Action: '*', Resource: '*' })], a: [] }), 'BAD_USER_INPUT');
    await stillAnswers();
  });

  test('validatePolicy: a 1 MB policy is answered with findings', async () => {
    const big = POLICY(
      Array.from({ length: 8000 }, (_, i) => ({
        Sid: `S${i}`,
        Effect: 'Allow',
        Action: ['s3:GetObject', 'ec2:Describe*'],
        Resource: `arn:aws:s3:::bucket-${i}/*`,
      })),
    );
    assert.ok(big.length > 900_000 && big.length < BODY_LIMIT);
    await gql(VALIDATE, { d: POLICY({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }); // warm-up
    const r = await gql(VALIDATE, { d: big });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.ok(
      r.body.data.validatePolicy.findings.some((f: any) => f.code === 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA'),
      r.text.slice(0, 300),
    );
    await stillAnswers();
  });

  test('validatePolicy: 1 MB of one long value and of whitespace are answered', async () => {
    for (const d of [
      POLICY({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::' + 'a*'.repeat(500_000) }),
      '{"Version":"2012-10-17",' + ' '.repeat(1_000_000) + '"Statement":[]}',
    ]) {
      const r = await gql(VALIDATE, { d });
      assert.equal(r.status, 200, r.text.slice(0, 300));
      assert.ok(r.body.data.validatePolicy.findings.length > 0);
    }
    await stillAnswers();
  });

  // A "did you mean" suggestion scans the catalog; the validator caps them per policy
  // (src/policy/validate.ts MAX_SUGGESTIONS), so thousands of unknown entries stay cheap.
  test('validatePolicy: many unknown actions (a malformed 47 kB policy) are answered', async () => {
    const d = POLICY({ Effect: 'Allow', Action: Array.from({ length: 2000 }, (_, i) => `nosuchservice${i}:Get`), Resource: '*' });
    const r = await gql(VALIDATE, { d });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.equal(r.body.data.validatePolicy.valid, false);
    await stillAnswers();
  });

  test('validatePolicy: 10,000-deep nesting is answered; JSON errors carry line and column', async () => {
    const docs = [
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":' +
        '{"a":'.repeat(10_000) +
        '1' +
        '}'.repeat(10_000) +
        '}]}',
    ];
    for (const d of docs) {
      const r = await gql(VALIDATE, { d });
      assert.equal(r.status, 200, r.text.slice(0, 300));
      assert.ok(r.body.data.validatePolicy.findings.length > 0);
    }
    for (const [d, line, column] of [
      ['{"a":'.repeat(10_000), 1, 50_001],
      ['['.repeat(10_000), 1, 10_001],
      ['{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}', 3, 17],
    ] as const) {
      const r = await gql(VALIDATE, { d });
      const f = r.body.data.validatePolicy.findings.find((x: any) => x.code === 'JSON_SYNTAX_ERROR');
      assert.ok(f, r.text.slice(0, 300));
      assert.equal(f.findingType, 'ERROR');
      assert.equal(f.line, line, r.text.slice(0, 300));
      assert.equal(f.column, column, r.text.slice(0, 300));
    }
    await stillAnswers();
  });

  test('pathological wildcards against 100 kB strings are answered', async () => {
    const patterns = ['a*a*a*a*a*a*a*a*b', '*a*a*a*a*a*a*a*a*a*a*a*b*', '*' + 'a?'.repeat(20) + 'b*', '*?'.repeat(30) + 'b'];
    const long = 'a'.repeat(100_000);
    for (const pattern of patterns) {
      const resourcePolicy = POLICY({ Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::${pattern}` });
      // A resource ARN has at most 2,048 characters (IAM's ResourceArns limit, issue 11): a 100 kB
      // one is refused at once, and the longest allowed ones are matched.
      const tooLong = await gql(SIMULATE, { p: [resourcePolicy], a: ['s3:GetObject'], r: [`arn:aws:s3:::${long}`] });
      expectCode(tooLong, 'BAD_USER_INPUT');
      const arnText = long.slice(0, 2048 - 14);
      const r1 = await gql(SIMULATE, {
        p: [resourcePolicy],
        a: ['s3:GetObject', 's3:PutObject'],
        r: [`arn:aws:s3:::${arnText}`, `arn:aws:s3:::${arnText.slice(1)}c`],
      });
      assert.equal(r1.status, 200, r1.text.slice(0, 300));
      assert.ok(
        r1.body.data.simulateCustomPolicy.results.every((x: any) => x.decision === 'IMPLICIT_DENY'),
        r1.text.slice(0, 300),
      );
      const condPolicy = POLICY({
        Effect: 'Allow',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringLike: { 'aws:PrincipalTag/team': pattern, 's3:prefix': [pattern, pattern] } },
      });
      const r2 = await gql(SIMULATE, {
        p: [condPolicy],
        a: ['s3:ListBucket'],
        c: [
          { key: 'aws:PrincipalTag/team', values: [long] },
          { key: 's3:prefix', values: [long] },
        ],
      });
      assert.equal(r2.status, 200, r2.text.slice(0, 300));
      const actionPolicy = POLICY({ Effect: 'Allow', Action: `s3:${pattern}`, Resource: '*' });
      const r3 = await gql(SIMULATE, { p: [actionPolicy], a: [`s3:${long}`] });
      if (r3.body?.errors) expectCode(r3, 'BAD_USER_INPUT');
      const w = await gql('query($r: String!) { whoCan(action: "s3:GetObject", resource: $r) { totalCount } }', { r: `arn:aws:s3:::${pattern}${long}` });
      if (w.body?.errors) expectCode(w, 'BAD_USER_INPUT');
    }
    await stillAnswers();
  });

  test('a heavy simulation runs in slices: the server keeps answering while it runs', async () => {
    const statements = Array.from({ length: 500 }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: ['s3:Get*', `s3:*Object${i}`],
      Resource: `arn:aws:s3:::bucket-${i}*/*`,
      Condition: { StringLike: { 'aws:PrincipalTag/team': `a*b*c*${i}` } },
    }));
    const p = POLICY(statements);
    assert.ok(p.length < 131_072);
    const heavy = gql(SIMULATE, {
      p: [p, p, p, p],
      a: Array.from({ length: 100 }, (_, i) => (i % 2 ? 's3:GetObject' : 's3:PutObject')),
      r: Array.from({ length: 10 }, (_, i) => `arn:aws:s3:::bucket-${i}x/key`),
    });
    let heavyDone = false;
    void heavy.then(() => (heavyDone = true));
    await new Promise((r) => setTimeout(r, 300));
    // Order, not time: a ping sent while the simulation runs is answered before the simulation ends.
    const runningWhenPinged = !heavyDone;
    await stillAnswers();
    const pingedBeforeDone = !heavyDone;
    const done = await heavy;
    if (done.body?.errors) expectCode(done, 'TIMEOUT');
    else {
      assert.equal(done.body.data.simulateCustomPolicy.results.length, 1000);
      if (runningWhenPinged) assert.ok(pingedBeforeDone, '{ __typename } was answered only after the heavy simulation ended');
    }
    await stillAnswers();
  });

  test("200 kB arguments: filters are BAD_USER_INPUT (not SQLite's LIKE error); errors quote a prefix, not the whole value", async () => {
    const big = 'a'.repeat(200_000);
    for (const [query, field] of [
      ['query($s: String!) { principals(filter: {nameContains: $s}) { totalCount } }', 'filter.nameContains'],
      ['query($s: String!) { policies(filter: {actionLike: $s}) { totalCount } }', 'filter.actionLike'],
      ['query($s: String!) { groups(filter: {nameContains: $s}) { totalCount } }', 'filter.nameContains'],
      ['query($s: String!) { resources(filter: {tag: {key: "k", value: $s}}) { totalCount } }', 'filter.tag.value'],
    ] as const) {
      const r = await gql(query, { s: big });
      expectCode(r, 'BAD_USER_INPUT');
      assert.equal(r.body.errors[0].extensions.argumentName, field);
    }
    const who = await gql('query($a: String!) { whoCan(action: $a, resource: "*") { totalCount } }', { a: `connect:${big}` });
    expectCode(who, 'BAD_USER_INPUT');
    assert.ok(who.body.errors[0].message.length < 400, `message of ${who.body.errors[0].message.length} characters`);
    const what = await gql('query($p: String!) { whatCan(principalArn: $p, resource: "*") { totalCount } }', { p: `arn:aws:iam::123456789012:user/${big}` });
    expectCode(what, 'NOT_FOUND');
    assert.ok(what.body.errors[0].message.length < 400);
    await stillAnswers();
  });

  test('many concurrent hostile requests, then the server still answers', async () => {
    const bombs = Array.from({ length: 40 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return gql(`{ ${Array.from({ length: 100 }, (_, j) => `a${j}: __typename`).join(' ')} }`);
        case 1:
          return gql('{'.repeat(6000));
        case 2:
          return gql(SIMULATE, { p: ['{"Statement": ['], a: ['s3:GetObject'] });
        default:
          return gql('query($n: Int) { principals(first: $n) { totalCount } }', { n: 10_000 });
      }
    });
    const replies = await Promise.all(bombs);
    for (const r of replies) {
      assert.ok(r.status < 500, `${r.status}: ${r.text.slice(0, 200)}`);
      codeOf(r);
    }
    await stillAnswers();
  });
});
