import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, schemaVersion } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { statementsOfPolicy } from '../../src/store/queries/index.js';
import { fixture } from './helpers.js';
import { StoreError, StoreVersionError } from '../../src/store/errors.js';
import { MIGRATIONS } from '../../src/store/migrations.js';

function tmp(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-db-'));
  return { dir, file: path.join(dir, 'db.sqlite') };
}

test('a new file is created and migrated to the latest version; reopening applies nothing twice', () => {
  const { dir, file } = tmp();
  try {
    const a = openStore(file);
    assert.equal(schemaVersion(a), MIGRATIONS[MIGRATIONS.length - 1].version);
    a.close();
    const b = openStore(file);
    assert.equal(b.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get(), MIGRATIONS.length);
    b.close();
    assert.ok(fs.existsSync(file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('migrations are numbered in order', () => {
  // Ascending and distinct (a branch may add 6 before another's 5 has landed; openStore applies by set).
  MIGRATIONS.forEach((m, i) => assert.ok(m.version >= i + 1 && (i === 0 || m.version > MIGRATIONS[i - 1].version), `migration ${m.version}`));
});

test('refusals: a missing file read-only, a newer schema, a file that is not a database', () => {
  const { dir, file } = tmp();
  try {
    assert.throws(() => openStore(file, { readonly: true }), StoreError);
    const s = openStore(file);
    s.db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    s.close();
    assert.throws(
      () => openStore(file),
      (e: unknown) => e instanceof StoreVersionError && /newer/.test(e.message),
    );
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'this is not a database, just some text that is long enough to look like a header '.repeat(20));
    assert.throws(() => openStore(junk), StoreVersionError);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('migration 2 keeps the statement values of a version-1 database, in the order written', () => {
  const { dir, file } = tmp();
  try {
    // A database as the first release left it, with one inline policy's statement.
    const old = new Database(file);
    old.exec(MIGRATIONS[0].sql);
    old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
      INSERT INTO schema_migrations VALUES (1, 'initial model', 'then');
      INSERT INTO accounts (id) VALUES ('111111111111');
      INSERT INTO principals (id, arn, type, name, account_id, snapshot_id) VALUES (1, 'arn:aws:iam::111111111111:user/u', 'USER', 'u', '111111111111', 1);
      INSERT INTO inline_policies (id, key, owner_kind, principal_id, name, document) VALUES (1, 'arn:aws:iam::111111111111:user/u#p', 'USER', 1, 'p', '{}');
      INSERT INTO statements (id, inline_policy_id, idx, effect) VALUES (1, 1, 0, 'Allow');
      INSERT INTO statement_actions (statement_id, negated, action) VALUES (1, 0, 's3:B'), (1, 0, 's3:A'), (1, 1, 'iam:*');
      INSERT INTO statement_resources (statement_id, negated, resource) VALUES (1, 0, 'arn:aws:s3:::z'), (1, 0, 'arn:aws:s3:::a');
      INSERT INTO statement_conditions (statement_id, operator, key, "values") VALUES (1, 'Bool', 'aws:SecureTransport', '["true"]');`);
    old.close();
    const store = openStore(file);
    assert.equal(schemaVersion(store), MIGRATIONS[MIGRATIONS.length - 1].version);
    const [st] = statementsOfPolicy(store, 'arn:aws:iam::111111111111:user/u#p');
    assert.deepEqual([st.actions, st.notActions, st.resources], [['s3:B', 's3:A'], ['iam:*'], ['arn:aws:s3:::z', 'arn:aws:s3:::a']]);
    assert.deepEqual(st.conditions, [{ operator: 'Bool', key: 'aws:SecureTransport', values: ['true'] }]);
    assert.equal(store.db.prepare('PRAGMA foreign_key_check').all().length, 0);
    importFiles(store, [fixture('authorization-details-cli.json')]);
    store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("migration 4 keeps a version-3 database's resource policies and lists the resources they name", () => {
  const { dir, file } = tmp();
  try {
    const old = new Database(file);
    old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);`);
    for (const m of MIGRATIONS.slice(0, 3)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
    }
    old.exec(`INSERT INTO resource_policies (arn, partition, service, region, account_id, owner_account_id, resource_type, resource, policy, snapshot_id)
      VALUES ('arn:aws:s3:::b', 'aws', 's3', NULL, NULL, '222222222222', 'bucket', 'b', '{"Statement":[]}', 1)`);
    old.close();
    const store = openStore(file);
    assert.equal(schemaVersion(store), MIGRATIONS[MIGRATIONS.length - 1].version);
    assert.deepEqual(store.db.prepare('SELECT arn, owner_account_id, policy FROM resource_policies').all(), [
      { arn: 'arn:aws:s3:::b', owner_account_id: '222222222222', policy: '{"Statement":[]}' },
    ]);
    assert.deepEqual(store.db.prepare('SELECT arn, owner_account_id, listed FROM resources').all(), [
      { arn: 'arn:aws:s3:::b', owner_account_id: '222222222222', listed: 0 },
    ]);
    assert.equal(store.db.prepare('PRAGMA foreign_key_check').all().length, 0);
    store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
