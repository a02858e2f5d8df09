/**
 * Operations: /healthz, structured logs (request id, duration, outcome), --log-level, tokens kept
 * out of logs, the exposure warning, CORS, and the per-request time budget.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';
import { ensureData } from '../../bench/store/import.bench.js';

function seededDb(): string {
  const db = tempDb();
  const r = runCli(['seed', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  return db;
}

/** stderr as JSON log records (pino writes one object per line). */
function logRecords(s: TestServer): Record<string, any>[] {
  return s
    .stderr()
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l);
      } catch {
        assert.fail(`log line is not JSON: ${l}`);
      }
    });
}

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

/** The printed URL, but always through loopback (the server may listen on 0.0.0.0). */
const loopback = (url: string) => url.replace(/^http:\/\/[^/]+:(\d+)/, 'http://127.0.0.1:$1');

test('/healthz answers 200 with JSON; / redirects to /graphql', async () => {
  const s = await startTestServer({ dbFile: seededDb() });
  try {
    const res = await fetch(s.url.replace(/\/graphql$/, '/healthz'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.status, 'ok');
    // The bare origin sends a browser to Sandbox.
    const root = await fetch(s.url.replace(/\/graphql$/, '/'), { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/graphql');
  } finally {
    await s.stop();
  }
});

test('logs: one JSON line per operation with requestId, ms and outcome', async () => {
  const s = await startTestServer({ dbFile: seededDb(), env: { ACCESSQL_LOG_LEVEL: 'info' } });
  try {
    await s.gql('query Ping { __typename }');
    await s.gql('query Browse { principals(first: 2) { totalCount } }', undefined, { 'x-request-id': 'req-from-client-42' });
    await s.gql('query Bad { whoCan(action: "s3:NoSuchThing", resource: "*") { totalCount } }');
    await s.gql('{ principals(first: 100000) { totalCount } }');
    // The server's own warm-up question after start-up (serve asks it of itself) is logged like any other; these are the client's.
    const clientOps = () => logRecords(s).filter((r) => r.msg === 'graphql' && r.operationName !== 'AccessqlWarmUp');
    await waitFor(() => clientOps().length >= 4);
    const ops = clientOps();
    assert.equal(ops.length, 4, s.stderr());
    for (const r of ops) {
      assert.equal(typeof r.requestId, 'string');
      assert.ok(r.requestId.length > 0);
      assert.equal(typeof r.ms, 'number');
      assert.ok(r.ms >= 0);
      assert.match(r.outcome, /^(ok|error)$/);
      assert.equal(typeof r.time, 'number');
      assert.equal(r.level, 30);
    }
    assert.equal(new Set(ops.map((r) => r.requestId)).size, 4, 'request ids are unique');
    const byName = Object.fromEntries(ops.map((r) => [r.operationName ?? '(anonymous)', r]));
    assert.equal(byName.Ping.outcome, 'ok');
    assert.equal(byName.Browse.outcome, 'ok');
    assert.equal(byName.Browse.requestId, 'req-from-client-42');
    assert.equal(byName.Bad.outcome, 'error');
    assert.deepEqual(byName.Bad.codes, ['BAD_USER_INPUT']);
    assert.equal(byName['(anonymous)'].outcome, 'error');
  } finally {
    await s.stop();
  }
});

test('--log-level wins over ACCESSQL_LOG_LEVEL', async () => {
  const quiet = await startTestServer({ dbFile: seededDb(), env: { ACCESSQL_LOG_LEVEL: 'info' }, args: ['--log-level', 'warn'] });
  try {
    await quiet.gql('{ __typename }');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(logRecords(quiet).filter((r) => r.level < 40).length, 0, quiet.stderr());
  } finally {
    await quiet.stop();
  }
  const loud = await startTestServer({ dbFile: seededDb(), env: { ACCESSQL_LOG_LEVEL: 'error' }, args: ['--log-level', 'info'] });
  try {
    await loud.gql('{ __typename }');
    await waitFor(() => logRecords(loud).some((r) => r.msg === 'graphql'));
    assert.ok(
      logRecords(loud).some((r) => r.msg === 'graphql'),
      loud.stderr(),
    );
  } finally {
    await loud.stop();
  }
});

test('tokens set in the environment never reach the logs, at any level', async () => {
  const admin = 'ops-admin-SECRET-4f1c9a';
  const reader = 'ops-read-SECRET-77d2e0';
  const s = await startTestServer({ dbFile: seededDb(), env: { ACCESSQL_ADMIN_TOKEN: admin, ACCESSQL_READ_TOKEN: reader }, args: ['--log-level', 'trace'] });
  try {
    const m = 'mutation($d: String!) { importResources(document: $d) { snapshotId } }';
    const d = JSON.stringify({ ResourceTagMappingList: [] });
    await s.gql('{ __typename }', undefined, { authorization: `Bearer ${reader}` });
    await s.gql(m, { d }, { authorization: `Bearer ${reader}` });
    await s.gql(m, { d }, { authorization: `Bearer ${admin}` });
    await s.gql(m, { d }, { authorization: `Bearer ${admin}x` });
    await s.gql('{ nope }', undefined, { authorization: `Bearer ${admin}` });
    await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: '{broken' });
    await new Promise((r) => setTimeout(r, 200));
    const err = s.stderr();
    assert.ok(err.length > 0);
    assert.ok(!err.includes(admin) && !err.includes(reader), 'a token appeared in the logs');
    assert.ok(!err.includes('SECRET'), 'part of a token appeared in the logs');
  } finally {
    await s.stop();
  }
});

test('--host 0.0.0.0 without ACCESSQL_ADMIN_TOKEN warns; with it, no warning', async () => {
  const open = await startTestServer({ dbFile: seededDb(), args: ['--host', '0.0.0.0'] });
  try {
    assert.match(open.url, /^http:\/\/0\.0\.0\.0:\d+\/graphql$/);
    const r = await fetch(loopback(open.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    assert.equal(r.status, 200);
    await waitFor(() => /ACCESSQL_ADMIN_TOKEN/.test(open.stderr()));
    const warn = logRecords(open).find((x) => x.level === 40 && /ACCESSQL_ADMIN_TOKEN/.test(x.msg));
    assert.ok(warn, open.stderr());
    assert.equal(warn.host, '0.0.0.0');
  } finally {
    await open.stop();
  }
  const guarded = await startTestServer({ dbFile: seededDb(), args: ['--host', '0.0.0.0'], env: { ACCESSQL_ADMIN_TOKEN: 'guarded-token-value' } });
  try {
    const r = await fetch(loopback(guarded.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    assert.equal(r.status, 200);
    assert.doesNotMatch(guarded.stderr(), /without ACCESSQL_ADMIN_TOKEN/);
  } finally {
    await guarded.stop();
  }
  const local = await startTestServer({ dbFile: seededDb() });
  try {
    assert.match(local.url, /^http:\/\/127\.0\.0\.1:/, 'loopback by default');
    assert.doesNotMatch(local.stderr(), /without ACCESSQL_ADMIN_TOKEN/);
  } finally {
    await local.stop();
  }
});

async function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });
}

test('CORS: closed by default; ACCESSQL_CORS_ORIGINS opens it to the listed origins only', async () => {
  const closed = await startTestServer({ dbFile: seededDb() });
  try {
    const pre = await preflight(closed.url, 'http://dash.example');
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const post = await fetch(closed.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://dash.example' },
      body: '{"query":"{ __typename }"}',
    });
    assert.equal(post.headers.get('access-control-allow-origin'), null);
  } finally {
    await closed.stop();
  }
  const open = await startTestServer({ dbFile: seededDb(), env: { ACCESSQL_CORS_ORIGINS: 'http://dash.example, http://other-dash.example' } });
  try {
    const pre = await preflight(open.url, 'http://dash.example');
    assert.ok(pre.status === 204 || pre.status === 200, String(pre.status));
    assert.equal(pre.headers.get('access-control-allow-origin'), 'http://dash.example');
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    const second = await preflight(open.url, 'http://other-dash.example');
    assert.equal(second.headers.get('access-control-allow-origin'), 'http://other-dash.example');
    for (const origin of ['http://evil.example', 'http://dash.example.evil.example', 'https://dash.example', 'null']) {
      const bad = await preflight(open.url, origin);
      assert.equal(bad.headers.get('access-control-allow-origin'), null, origin);
    }
    const post = await fetch(open.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://dash.example' },
      body: '{"query":"{ __typename }"}',
    });
    assert.equal(post.status, 200);
    assert.equal(post.headers.get('access-control-allow-origin'), 'http://dash.example');
  } finally {
    await open.stop();
  }
});

test('per-request time budget: heavy questions end with TIMEOUT, not a hang', { timeout: 90_000 }, async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-ops-'));
  const db = path.join(work, 'medium.db');
  try {
    const dir = ensureData('medium', 1, work);
    const files = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => path.join(dir, n));
    const imported = runCli(['import', '--db', db, ...files]);
    assert.equal(imported.status, 0, imported.stderr);
    const s = await startTestServer({ dbFile: db, env: { ACCESSQL_REQUEST_TIMEOUT_MS: '1', NODE_ENV: 'production' } });
    try {
      const heavy = [
        'query { whoCan(action: "s3:GetObject", resource: "arn:aws:s3:::any-bucket/key", includeConditional: true) { totalCount } }',
        'query { whoCan(action: "connect:DescribeContact", resource: "*", includeConditional: true) { totalCount } }',
        'query { whatCan(principalArn: "arn:aws:iam::111122223333:user/nobody-at-all", resource: "arn:aws:s3:::b/k") { totalCount } }',
      ];
      let timeouts = 0;
      for (const q of heavy) {
        const r = await s.gql(q);
        assert.ok(r.errors?.length, JSON.stringify(r).slice(0, 300));
        const code = r.errors![0].extensions!.code;
        assert.ok(['TIMEOUT', 'NOT_FOUND'].includes(code), JSON.stringify(r.errors));
        if (code === 'TIMEOUT') {
          timeouts++;
          assert.match(r.errors![0].message, /time budget/i);
          assert.equal(r.errors![0].extensions!.stacktrace, undefined);
        }
      }
      assert.ok(timeouts >= 2, 'whoCan over 1,500 principals runs past a 1 ms budget');
      // A big simulation too (it runs in slices with deadline checks between them).
      const p = JSON.stringify({
        Version: '2012-10-17',
        Statement: Array.from({ length: 300 }, (_, i) => ({ Effect: 'Allow', Action: `s3:Get*${i}`, Resource: `arn:aws:s3:::b${i}*` })),
      });
      const sim = await s.gql(
        'query($p: String!, $a: [String!]!) { simulateCustomPolicy(input: {policies: [$p, $p, $p], actions: $a}) { results { decision } } }',
        { p, a: Array.from({ length: 5000 }, () => 's3:GetObject') },
      );
      assert.equal(sim.errors?.[0]?.extensions?.code, 'TIMEOUT', JSON.stringify(sim).slice(0, 300));
      const ok = await s.gql('{ __typename }');
      assert.equal(ok.data.__typename, 'Query');
    } finally {
      await s.stop();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
