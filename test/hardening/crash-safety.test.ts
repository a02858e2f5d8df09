/**
 * Crash safety of `accessql import`: SIGKILL at any point leaves the previous state intact and
 * `PRAGMA integrity_check` clean; two imports at once both finish (one waits for the other's lock)
 * or one fails clearly, and nothing is corrupted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CLI, runCli } from '../helpers/cli.js';
import { ensureData } from '../../bench/store/import.bench.js';

interface DbState {
  integrity: string;
  foreignKeyProblems: number;
  counts: Record<string, number>;
  /** Per table: sha256 of its rows (sorted JSON). */
  sums: Record<string, string>;
}

function inspect(file: string): DbState {
  const db = new Database(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const counts: Record<string, number> = {};
    const sums: Record<string, string> = {};
    for (const t of tables) {
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) =>
        JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : Buffer.isBuffer(v) ? v.toString('base64') : v)),
      );
      rows.sort();
      counts[t] = rows.length;
      const h = createHash('sha256');
      for (const r of rows) h.update(r).update('\n');
      sums[t] = h.digest('hex');
    }
    return { integrity, foreignKeyProblems, counts, sums };
  } finally {
    db.close();
  }
}

function copyDb(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    fs.rmSync(to + suffix, { force: true });
    if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
  }
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
  ms: number;
}

function startImport(dbFile: string, files: string[]): { child: ChildProcess; done: Promise<Exit> } {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'import', '--db', dbFile, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started })));
  // Never leave a child behind, whatever happens to the test.
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  void done.then(() => clearTimeout(timer));
  return { child, done };
}

const jsonFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => path.join(dir, n));

test('import: SIGKILL at any point leaves the previous state intact; concurrent imports wait or fail clearly', { timeout: 300_000 }, async (t) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-crash-'));
  try {
    const first = jsonFiles(ensureData('medium', 1, work));
    const second = jsonFiles(ensureData('medium', 2, work));
    const db = path.join(work, 'crash.db');
    const pristine = path.join(work, 'pristine.db');

    const a = runCli(['import', '--db', db, ...first]);
    assert.equal(a.status, 0, a.stderr);
    // A clean copy of state A (the importer closed the DB, so the WAL is checkpointed).
    copyDb(db, pristine);
    const stateA = inspect(db);
    assert.equal(stateA.integrity, 'ok');
    assert.ok(stateA.counts.principals >= 1500, JSON.stringify(stateA.counts));

    // Reference: state A plus one complete import of the second snapshot, and how long that takes.
    const reference = path.join(work, 'reference.db');
    copyDb(pristine, reference);
    const refRun = startImport(reference, second);
    const refExit = await refRun.done;
    assert.equal(refExit.code, 0, refExit.stderr);
    const stateB = inspect(reference);
    assert.notDeepEqual(stateB.sums, stateA.sums);
    assert.ok(refExit.ms > 1000, `the import should take more than 1 s to make the kill points meaningful (took ${Math.round(refExit.ms)} ms)`);

    await t.test('SIGKILL at several points', async () => {
      const points = [50, 200, 500, 800, 1200, Math.round(refExit.ms * 0.8)];
      let killedMidway = 0;
      for (const ms of points) {
        copyDb(pristine, db);
        const run = startImport(db, second);
        await new Promise((r) => setTimeout(r, ms));
        const wasRunning = run.child.exitCode === null && run.child.signalCode === null;
        if (wasRunning) run.child.kill('SIGKILL');
        const exit = await run.done;
        const after = inspect(db);
        assert.equal(after.integrity, 'ok', `after a kill at ${ms} ms`);
        assert.equal(after.foreignKeyProblems, 0, `after a kill at ${ms} ms`);
        if (exit.signal === 'SIGKILL') {
          // All or nothing: state A, or (when the kill lands between COMMIT and exit, as it can on
          // a loaded machine) the whole second import; never a part of it.
          // (The snapshots table records times, so it differs between any two runs.)
          const data = (st: DbState) => JSON.stringify({ ...st.sums, snapshots: undefined });
          const landed = data(after) === data(stateB);
          if (landed) assert.deepEqual(after.counts, stateB.counts, `counts after a kill at ${ms} ms (committed)`);
          else {
            killedMidway++;
            assert.deepEqual(after.counts, stateA.counts, `counts after a kill at ${ms} ms`);
            assert.deepEqual(after.sums, stateA.sums, `contents after a kill at ${ms} ms`);
          }
        } else {
          // It finished before the kill: then it is the whole second import, never a part of it.
          assert.equal(exit.code, 0, exit.stderr);
          assert.deepEqual(after.counts, stateB.counts);
        }
      }
      // Timing on a shared machine varies; most kill points must still land mid-import.
      assert.ok(killedMidway >= points.length - 2, `only ${killedMidway} of ${points.length} kills landed during the import`);
    });

    await t.test('two imports at once: both finish (one waits) or one fails clearly; nothing corrupted', async () => {
      copyDb(pristine, db);
      const one = startImport(db, second);
      const two = startImport(db, second);
      const exits = await Promise.all([one.done, two.done]);
      const ok = exits.filter((e) => e.code === 0);
      assert.ok(ok.length >= 1, exits.map((e) => e.stderr).join('\n'));
      for (const e of exits) {
        if (e.code !== 0) {
          assert.equal(e.signal, null);
          assert.match(e.stderr, /locked|busy/i, 'a refused import says the database is locked');
          assert.doesNotMatch(e.stderr, /\n\s+at /, 'no stack trace');
        }
      }
      const after = inspect(db);
      assert.equal(after.integrity, 'ok');
      assert.equal(after.foreignKeyProblems, 0);
      // Every table as after one complete import (a second identical import replaces, not adds);
      // the snapshot log and the data version count the imports that succeeded.
      for (const [table, n] of Object.entries(stateB.counts)) {
        if (table === 'snapshots') assert.equal(after.counts.snapshots, stateA.counts.snapshots + ok.length);
        else assert.equal(after.counts[table], n, `${table}: ${after.counts[table]} rows, expected ${n}`);
      }
      if (ok.length === 1) {
        for (const table of Object.keys(stateB.sums)) {
          if (table === 'snapshots' || table === 'schema_migrations') continue;
          assert.equal(after.sums[table], stateB.sums[table], `${table} differs from one complete import`);
        }
      }
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
