/**
 * Snapshots through the public surfaces (issue 15): whoCan / whatCan / simulatePrincipalPolicy
 * with `snapshot:` over HTTP answer as they did right after that import; `imports` says which
 * snapshots can be asked about; the CLI's `--snapshot`, `prune` and ACCESSQL_KEEP_SNAPSHOTS.
 *
 * The account: user ann has the customer managed policy Reader (s3:GetObject on one bucket) in
 * import 1; import 2 moves the attachment to ben and changes Reader's default version to also
 * allow s3:PutObject ("Policy evaluation logic": an identity-based Allow is enough within one
 * account, so each answer follows the attachment).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, ROOT, runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

const ACCOUNT = '123456789012';
const IAM = `arn:aws:iam::${ACCOUNT}:`;
const ANN = `${IAM}user/ann`;
const BEN = `${IAM}user/ben`;
const READER = `${IAM}policy/Reader`;
const OBJECT = 'arn:aws:s3:::reports-bucket/2026/q1.csv';

function details(holder: 'ann' | 'ben', actions: string[]): object {
  const user = (name: string) => ({
    UserName: name,
    UserId: `AIDA${name.toUpperCase()}EXAMPLE`,
    Path: '/',
    Arn: `${IAM}user/${name}`,
    GroupList: [],
    UserPolicyList: [],
    AttachedManagedPolicies: name === holder ? [{ PolicyName: 'Reader', PolicyArn: READER }] : [],
  });
  return {
    UserDetailList: [user('ann'), user('ben')],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [
      {
        PolicyName: 'Reader',
        PolicyId: 'ANPAREADEREXAMPLE',
        Arn: READER,
        Path: '/',
        DefaultVersionId: actions.length > 1 ? 'v2' : 'v1',
        AttachmentCount: 1,
        IsAttachable: true,
        PolicyVersionList: [
          {
            VersionId: actions.length > 1 ? 'v2' : 'v1',
            IsDefaultVersion: true,
            Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: 'arn:aws:s3:::reports-bucket/*' }] },
          },
        ],
      },
    ],
  };
}

let dir: string;
let db: string;
let server: TestServer;

function writeJson(name: string, value: object): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, JSON.stringify(value, null, 2));
  return f;
}

function cli(args: string[], env: Record<string, string> = {}) {
  return runCli([...args, '--db', db], { env });
}

/** The CLI without blocking the event loop (the server's keep-alive; see test/access/cli.test.ts). */
function cliAsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args, '--db', db], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const WHO = `query($s: Int) { whoCan(action: "s3:GetObject", resource: "${OBJECT}", snapshot: $s) { totalCount edges { node { principal { arn } matchedStatements { policyName } } } } }`;
const WHAT = `query($p: String!, $s: Int) { whatCan(principalArn: $p, resource: "${OBJECT}", snapshot: $s) { edges { node { action decision } } } }`;
const SIM = `query($p: String!, $s: Int) { simulatePrincipalPolicy(principalArn: $p, actions: ["s3:GetObject", "s3:PutObject"], resources: ["${OBJECT}"], snapshot: $s) { results { action decision } } }`;

before(async () => {
  db = tempDb();
  dir = path.dirname(db);
  for (const [i, [holder, actions]] of (
    [
      ['ann', ['s3:GetObject']],
      ['ben', ['s3:GetObject', 's3:PutObject']],
    ] as const
  ).entries()) {
    const r = cli(['import', writeJson(`v${i + 1}.json`, details(holder, [...actions]))]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`imported snapshot ${i + 1}:`));
  }
  server = await startTestServer({ dbFile: db });
});

after(async () => {
  await server?.stop();
});

describe('over HTTP', () => {
  test('whoCan on an old snapshot answers as it did then; without snapshot, the latest', async () => {
    const then = await server.gql(WHO, { s: 1 });
    const now = await server.gql(WHO, {});
    const latest = await server.gql(WHO, { s: 2 });
    assert.equal(then.errors, undefined, JSON.stringify(then.errors));
    assert.deepEqual(
      then.data.whoCan.edges.map((e: any) => [e.node.principal.arn, e.node.matchedStatements.map((m: any) => m.policyName)]),
      [[ANN, ['Reader']]],
    );
    assert.deepEqual(
      now.data.whoCan.edges.map((e: any) => e.node.principal.arn),
      [BEN],
    );
    assert.deepEqual(latest.data, now.data, 'the latest snapshot by id is the live state');
  });

  test('whatCan and simulatePrincipalPolicy take snapshot: too', async () => {
    const allowed = (r: any) =>
      r.data.whatCan.edges
        .filter((e: any) => e.node.decision === 'ALLOWED')
        .map((e: any) => e.node.action)
        .filter((a: string) => a === 's3:GetObject' || a === 's3:PutObject')
        .sort();
    assert.deepEqual(allowed(await server.gql(WHAT, { p: ANN, s: 1 })), ['s3:GetObject']);
    assert.deepEqual(allowed(await server.gql(WHAT, { p: ANN })), []);
    assert.deepEqual(allowed(await server.gql(WHAT, { p: BEN })), ['s3:GetObject', 's3:PutObject']);
    const sim = async (p: string, s?: number) =>
      (await server.gql(SIM, { p, s })).data.simulatePrincipalPolicy.results.map((r: any) => `${r.action}=${r.decision}`);
    assert.deepEqual(await sim(ANN, 1), ['s3:GetObject=ALLOWED', 's3:PutObject=IMPLICIT_DENY']);
    assert.deepEqual(await sim(BEN, 1), ['s3:GetObject=IMPLICIT_DENY', 's3:PutObject=IMPLICIT_DENY']);
    assert.deepEqual(await sim(BEN), ['s3:GetObject=ALLOWED', 's3:PutObject=ALLOWED']);
  });

  test('an unknown snapshot is NOT_FOUND', async () => {
    const r = await server.gql(WHO, { s: 99 });
    assert.equal(r.data, null);
    assert.equal(r.errors?.[0].extensions?.code, 'NOT_FOUND');
    assert.match(r.errors![0].message, /snapshot 99 does not exist/);
  });

  test('imports lists every snapshot with what picking one needs; prune marks the old ones, which are then NOT_FOUND', async () => {
    const list = await server.gql('{ imports { id startedAt finishedAt files counts queryable pruned prunedAt } }');
    assert.deepEqual(
      list.data.imports.map((s: any) => [s.id, s.queryable, s.pruned, s.files.map((f: string) => path.basename(f))]),
      [
        [2, true, false, ['v2.json']],
        [1, true, false, ['v1.json']],
      ],
    );
    assert.equal(list.data.imports[1].counts.users, 2, 'counts is a JSON object (the JSON scalar)');
    // Warm the cache of past indexes: pruning must still be seen.
    assert.equal((await server.gql(WHO, { s: 1 })).data.whoCan.totalCount, 1);
    const pruned = await cliAsync(['prune', '--keep', '1']);
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.match(pruned.stdout, /^pruned the history of snapshot 1: \d+ entity version\(s\), \d+ stored content\(s\) removed; kept 2$/m);
    const after = await server.gql('{ imports { id queryable pruned prunedAt } }');
    assert.deepEqual(
      after.data.imports.map((s: any) => [s.id, s.queryable, s.pruned, typeof s.prunedAt]),
      [
        [2, true, false, 'object'],
        [1, false, true, 'string'],
      ],
    );
    const gone = await server.gql(WHO, { s: 1 });
    assert.equal(gone.errors?.[0].extensions?.code, 'NOT_FOUND');
    assert.match(gone.errors![0].message, /snapshot 1 was pruned/);
    assert.equal((await server.gql(WHO, { s: 2 })).data.whoCan.totalCount, 1);
    const again = await cliAsync(['prune', '--keep', '1']);
    assert.match(again.stdout, /nothing to prune: 1 snapshot\(s\) keep their history \(2\)/);
  });
});

describe('the CLI', () => {
  let cliDb: string;
  const run = (args: string[], env: Record<string, string> = {}) => runCli([...args, '--db', cliDb], { env });
  before(() => {
    cliDb = path.join(dir, 'cli.db');
    for (const v of ['v1.json', 'v2.json', 'v1.json']) assert.equal(run(['import', path.join(dir, v)]).status, 0);
  });

  test('who-can and what-can --snapshot N answer on that snapshot', () => {
    const who = (s?: string) => {
      const r = run(['who-can', 's3:GetObject', OBJECT, '--json', ...(s ? ['--snapshot', s] : [])]);
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout).edges.map((e: any) => e.node.principal.arn);
    };
    assert.deepEqual(who('1'), [ANN]);
    assert.deepEqual(who('2'), [BEN]);
    assert.deepEqual(who(), [ANN]);
    const table = run(['who-can', 's3:GetObject', OBJECT, '--snapshot', '2']);
    assert.match(table.stdout, /user\/ben/);
    const what = run(['what-can', BEN, OBJECT, '--snapshot', '2', '--json']);
    assert.ok(JSON.parse(what.stdout).edges.some((e: any) => e.node.action === 's3:PutObject' && e.node.decision === 'ALLOWED'));
  });

  test('mistakes exit non-zero and say what was wrong', () => {
    const unknown = run(['who-can', 's3:GetObject', OBJECT, '--snapshot', '42']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /NOT_FOUND: snapshot 42 does not exist/);
    const bad = run(['who-can', 's3:GetObject', OBJECT, '--snapshot', 'latest']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--snapshot takes a whole number/);
    assert.equal(run(['prune']).status, 2);
    assert.match(run(['prune', '--keep', '0']).stderr, /--keep takes a whole number of at least 1/);
    const missing = runCli(['prune', '--keep', '1', '--db', path.join(dir, 'nope.db')]);
    assert.equal(missing.status, 2);
    assert.ok(!fs.existsSync(path.join(dir, 'nope.db')));
  });

  test('ACCESSQL_KEEP_SNAPSHOTS prunes after each import and says so; a bad value is refused before anything is written', () => {
    const env = { ACCESSQL_KEEP_SNAPSHOTS: '2' };
    const r = run(['import', path.join(dir, 'v2.json')], env);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /imported snapshot 4:/);
    assert.match(r.stdout, /pruned the history of snapshots 1–2 \(ACCESSQL_KEEP_SNAPSHOTS=2\)/);
    assert.match(run(['who-can', 's3:GetObject', OBJECT, '--snapshot', '2']).stderr, /snapshot 2 was pruned/);
    assert.equal(run(['who-can', 's3:GetObject', OBJECT, '--snapshot', '3', '--json']).status, 0);
    const bad = run(['import', path.join(dir, 'v1.json')], { ACCESSQL_KEEP_SNAPSHOTS: 'ten' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /ACCESSQL_KEEP_SNAPSHOTS must be a whole number/);
    assert.equal(JSON.parse(run(['who-can', 's3:GetObject', OBJECT, '--json']).stdout).edges[0].node.principal.arn, BEN, 'nothing was imported');
  });
});

test('the server applies ACCESSQL_KEEP_SNAPSHOTS after an import through the API', async () => {
  const file = path.join(dir, 'api.db');
  for (const v of ['v1.json', 'v2.json']) assert.equal(runCli(['import', path.join(dir, v), '--db', file]).status, 0);
  const s = await startTestServer({ dbFile: file, env: { ACCESSQL_KEEP_SNAPSHOTS: '1' } });
  try {
    const r = await s.gql('mutation($d: String!) { importAuthorizationDetails(document: $d) { snapshotId } }', {
      d: fs.readFileSync(path.join(dir, 'v1.json'), 'utf8'),
    });
    assert.equal(r.data.importAuthorizationDetails.snapshotId, 3, JSON.stringify(r.errors));
    const list = await s.gql('{ imports { id queryable pruned } }');
    assert.deepEqual(
      list.data.imports.map((x: any) => [x.id, x.queryable, x.pruned]),
      [
        [3, true, false],
        [2, false, true],
        [1, false, true],
      ],
    );
  } finally {
    await s.stop();
  }
  const bad = runCli(['serve', '--port', '0', '--db', file], { env: { ACCESSQL_KEEP_SNAPSHOTS: '-1' } });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /ACCESSQL_KEEP_SNAPSHOTS must be a whole number/);
});
