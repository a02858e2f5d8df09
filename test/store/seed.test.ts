import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/db.js';
import { isSeeded, seedFiles, seedStore } from '../../src/store/seed.js';
import { listImports } from '../../src/store/queries/index.js';
import { FIXTURES } from './helpers.js';

const SEED_DIR = path.resolve(FIXTURES, '../../../seed');

test('seedStore imports the top-level *.json files leniently, skipping sub-folders, and isSeeded says so', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-seed-'));
  try {
    fs.copyFileSync(path.join(FIXTURES, 'bad-document.json'), path.join(dir, 'organisation.json'));
    fs.copyFileSync(path.join(FIXTURES, 'resources.json'), path.join(dir, 'resources.json'));
    fs.mkdirSync(path.join(dir, 'policies'));
    fs.writeFileSync(path.join(dir, 'policies', 'broken.json'), '{ not json');
    fs.writeFileSync(path.join(dir, 'README.md'), '# not imported');
    const store = openStore(':memory:');
    assert.equal(isSeeded(store), false);
    const r = seedStore(store, dir);
    assert.deepEqual(
      r.files.map((f) => path.basename(f.name)),
      ['organisation.json', 'resources.json'],
    );
    assert.equal(r.repairs.length, 1, 'the malformed document is repaired and reported, not fatal');
    assert.deepEqual([r.users, r.resources], [1, 6]);
    assert.equal(isSeeded(store), true);
    assert.equal(listImports(store)[0].label, 'seed');
    store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The demo organisation itself, once seed/ has it.
const haveSeed = fs.existsSync(SEED_DIR) && seedFiles(SEED_DIR).length > 0;
test('the repository seed/ imports', { skip: haveSeed ? false : 'seed/ has no *.json yet' }, () => {
  const store = openStore(':memory:');
  const r = seedStore(store, SEED_DIR);
  assert.ok(r.users + r.roles > 0, 'the demo organisation has principals');
  assert.ok(isSeeded(store));
  store.close();
});
