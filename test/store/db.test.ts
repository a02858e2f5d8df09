import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, schemaVersion } from '../../src/store/db.js';
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
  MIGRATIONS.forEach((m, i) => assert.equal(m.version, i + 1));
});

test('refusals: a missing file read-only, a newer schema, a file that is not a database', () => {
  const { dir, file } = tmp();
  try {
    assert.throws(() => openStore(file, { readonly: true }), StoreError);
    const s = openStore(file);
    s.db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    s.close();
    assert.throws(() => openStore(file), (e: unknown) => e instanceof StoreVersionError && /newer/.test(e.message));
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'this is not a database, just some text that is long enough to look like a header '.repeat(20));
    assert.throws(() => openStore(junk), StoreVersionError);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
