/**
 * Issue 11, item 8 (database files) through the CLI and the HTTP API, and item 7's CLI half (a
 * 100,000-deep import file): read-only commands never create or change files; only accessql
 * databases are opened; disk-full and read-only errors are SERVICE_UNAVAILABLE, not internal errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { fixture, runCli } from '../helpers/cli.js';
import { App } from '../../src/app.js';
import { settingsFromEnv } from '../../src/config.js';
import { startServer } from '../../src/graphql/server.js';

/** accessql's SQLite application_id: "AQL1". */
const APPLICATION_ID = 0x41514c31;
const work = () => fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-i11-'));
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const AUTH = fixture('store', 'authorization-details-cli.json');

function assertCleanError(r: { status: number | null; stderr: string }, pattern: RegExp): void {
  assert.notEqual(r.status, 0, 'exit status');
  assert.match(r.stderr, pattern);
  assert.ok(!/\n\s+at |RangeError|TypeError/.test(r.stderr), `stack trace or raw error on stderr: ${r.stderr.slice(0, 400)}`);
}

test('item 8: who-can / what-can with a mistyped --db refuse it and create neither the file nor its folders', () => {
  const dir = work();
  try {
    const db = path.join(dir, 'no', 'such', 'dir', 'accessql.db');
    const who = runCli(['who-can', 'connect:DescribeUser', '*', '--db', db]);
    assertCleanError(who, /does not exist/);
    assert.ok(!/principal\(s\) can/.test(who.stdout), who.stdout);
    const what = runCli(['what-can', 'arn:aws:iam::123456789012:user/x', 'arn:aws:s3:::b', '--db', db]);
    assertCleanError(what, /does not exist/);
    assert.equal(fs.existsSync(path.join(dir, 'no')), false, 'no folder created');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('item 8: who-can never changes the database file (opened read-only)', () => {
  const dir = work();
  try {
    const db = path.join(dir, 'a.db');
    assert.equal(runCli(['import', '--db', db, AUTH]).status, 0);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
    const before = sha(db);
    const mtime = fs.statSync(db).mtimeMs;
    const who = runCli(['who-can', 'connect:DescribeUser', '*', '--db', db]);
    assert.equal(who.status, 0, who.stderr);
    assert.equal(sha(db), before);
    assert.equal(fs.statSync(db).mtimeMs, mtime);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('item 8: a SQLite file of another application is refused by every command, untouched', () => {
  const dir = work();
  try {
    const other = path.join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');");
    o.close();
    const before = sha(other);
    for (const args of [
      ['import', '--db', other, AUTH],
      ['seed', '--db', other],
      ['who-can', 'connect:DescribeUser', '*', '--db', other],
      ['what-can', 'arn:aws:iam::123456789012:user/x', 'arn:aws:s3:::b', '--db', other],
    ]) {
      const r = runCli(args);
      assertCleanError(r, /not an accessql database/);
      assert.equal(sha(other), before, `${args[0]} changed the file`);
      assert.equal(fs.existsSync(`${other}-wal`), false);
    }
    // serve refuses it too, before listening.
    const served = runCli(['serve', '--port', '0', '--db', other]);
    assertCleanError(served, /not an accessql database/);
    assert.equal(sha(other), before);
    // A foreign application_id is refused even without tables.
    const marked = path.join(dir, 'marked.sqlite');
    const m = new Database(marked);
    m.pragma('application_id = 1234');
    m.close();
    assertCleanError(runCli(['import', '--db', marked, AUTH]), /not an accessql database/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("item 8: new databases carry accessql's application_id; a wave-1 database (no mark, accessql tables) is accepted and marked on its first read-write open", () => {
  const dir = work();
  try {
    const db = path.join(dir, 'a.db');
    assert.equal(runCli(['import', '--db', db, AUTH]).status, 0);
    const read = (f: string) => {
      const d = new Database(f, { readonly: true });
      try {
        return d.pragma('application_id', { simple: true });
      } finally {
        d.close();
      }
    };
    assert.equal(read(db), APPLICATION_ID);
    // Wave 1 wrote no mark: clear it, as such a file would be.
    const d = new Database(db);
    d.pragma('application_id = 0');
    d.close();
    assert.equal(runCli(['who-can', 'connect:DescribeUser', '*', '--db', db]).status, 0, 'read-only commands accept a wave-1 database');
    assert.equal(read(db), 0, 'and leave it as it is');
    assert.equal(runCli(['import', '--db', db, AUTH]).status, 0);
    assert.equal(read(db), APPLICATION_ID);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('item 8: a --db under /proc ends with a clear error instead of looping in mkdir', { timeout: 60_000 }, () => {
  for (const db of ['/proc/self/no-such-dir/x/accessql.db', '/proc/1/fdinfo/nope/accessql.db']) {
    const r = runCli(['import', '--db', db, AUTH]);
    assert.notEqual(r.status, null, 'the command ended');
    assertCleanError(r, /accessql:/);
  }
});

test('item 8: a database file without write permission still answers reads; imports are refused clearly', () => {
  const dir = work();
  try {
    const db = path.join(dir, 'ro.db');
    assert.equal(runCli(['import', '--db', db, AUTH]).status, 0);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
    fs.chmodSync(db, 0o444);
    const before = sha(db);
    const who = runCli(['who-can', 'connect:DescribeUser', '*', '--db', db]);
    assert.equal(who.status, 0, who.stderr);
    const imp = runCli(['import', '--db', db, AUTH]);
    assertCleanError(imp, /read-only/);
    assert.equal(sha(db), before);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('item 8: "database or disk is full" and a read-only database reach API clients as SERVICE_UNAVAILABLE, with the cause logged', async () => {
  const dir = work();
  const logged: string[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
  const app = App.open({ dbFile: path.join(dir, 'full.db'), seedIfNew: false });
  // SQLite's max_page_count: the file may not grow past its current size, as on a full disk.
  const pages = app.store.db.pragma('page_count', { simple: true }) as number;
  app.store.db.pragma(`max_page_count = ${pages}`);
  const server = await startServer(app, { ...settingsFromEnv({}), port: 0, host: '127.0.0.1', production: true }, log);
  try {
    // Enough users that the import needs new pages.
    const doc = JSON.stringify({
      UserDetailList: Array.from({ length: 2000 }, (_, i) => ({
        Path: '/',
        UserName: `user-${i}`,
        UserId: `AIDAFULL${String(i).padStart(10, '0')}`,
        Arn: `arn:aws:iam::123456789012:user/user-${i}`,
        CreateDate: '2024-01-01T00:00:00Z',
        GroupList: [],
        AttachedManagedPolicies: [],
        Tags: [{ Key: 'team', Value: `t${i}` }],
      })),
    });
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($d: String!) { importAuthorizationDetails(document: $d) { snapshotId } }', variables: { d: doc } }),
    });
    const body = (await res.json()) as any;
    assert.equal(body.errors?.[0]?.extensions?.code, 'SERVICE_UNAVAILABLE', JSON.stringify(body).slice(0, 300));
    assert.match(body.errors[0].message, /full/);
    assert.ok(
      logged.some((l) => /SQLITE_FULL|full/.test(l)),
      `cause logged: ${logged.join('').slice(0, 300)}`,
    );
    // Reads still work.
    const q = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ principals { totalCount } }' }),
    });
    assert.equal(((await q.json()) as any).data.principals.totalCount, 0);
  } finally {
    await server.close();
    app.close();
  }
  // Read-only: a database whose file has no write permission, served.
  const ro = path.join(dir, 'ro.db');
  assert.equal(runCli(['import', '--db', ro, AUTH]).status, 0);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(ro + suffix, { force: true });
  fs.chmodSync(ro, 0o444);
  const roApp = App.open({ dbFile: ro, seedIfNew: false });
  const roServer = await startServer(roApp, { ...settingsFromEnv({}), port: 0, host: '127.0.0.1', production: true }, log);
  try {
    const post = async (query: string, variables?: object) =>
      (await (
        await fetch(roServer.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })
      ).json()) as any;
    const count = await post('{ principals { totalCount } }');
    assert.ok(count.data.principals.totalCount > 0, JSON.stringify(count));
    const imp = await post('mutation($d: String!) { importResources(document: $d) { snapshotId } }', {
      d: fs.readFileSync(fixture('store', 'resources.json'), 'utf8'),
    });
    assert.equal(imp.errors?.[0]?.extensions?.code, 'SERVICE_UNAVAILABLE', JSON.stringify(imp).slice(0, 300));
  } finally {
    await roServer.close();
    roApp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('item 7: the CLI refuses a 100,000-deep import file with file and element path, no stack, nothing changed', () => {
  const dir = work();
  try {
    const db = path.join(dir, 'a.db');
    assert.equal(runCli(['import', '--db', db, AUTH]).status, 0);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const file = path.join(dir, 'deep.json');
    fs.writeFileSync(
      file,
      `{"UserDetailList":[{"UserName":"deep","UserId":"AIDADEEP","Arn":"arn:aws:iam::123456789012:user/deep","Path":"/","UserPolicyList":[{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":${deep}}]}}]}]}`,
    );
    const before = runCli(['who-can', 's3:GetObject', '*', '--json', '--db', db]);
    const r = runCli(['import', '--db', db, file]);
    assertCleanError(r, /deep\.json/);
    assert.match(r.stderr, /UserDetailList\[0\]\.UserPolicyList\[0\]\.PolicyDocument\.Statement\[0\]\.Condition/);
    const after = runCli(['who-can', 's3:GetObject', '*', '--json', '--db', db]);
    assert.equal(after.stdout, before.stdout);
    // Deep nesting outside policy documents too.
    fs.writeFileSync(file, `{"RoleDetailList":[{"RoleName":"r","RoleId":"AROA","Arn":"arn:aws:iam::123456789012:role/r","Path":"/","RoleLastUsed":${deep}}]}`);
    assertCleanError(runCli(['import', '--db', db, file]), /RoleDetailList\[0\]\.RoleLastUsed/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
