/**
 * History benchmark (issue 15): what keeping every snapshot costs on the synthetic accounts.
 *
 * Imports the account into a fresh database file, then the same files again (identical data),
 * then again with 1 % of the customer managed policies changed (a statement added to each one's
 * default version). After each: the database file's size (WAL checkpointed), the history rows
 * written, the import's time. Then how long rebuilding a snapshot from history takes
 * (`loadSnapshotModel`, the latest and the first) next to the live `loadAccountModel` +
 * `loadEstate`.
 *
 *   node dist/bench/store/history.bench.js [--size large] [--seed 1] [--data DIR] [--json]
 *
 * Targets (issue 15): a re-import of an unchanged large account grows the database by < 5 %.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel } from '../../src/store/account-model.js';
import { loadEstate } from '../../src/store/estate-model.js';
import { loadSnapshotModel } from '../../src/store/history.js';
import { recordHistory } from '../../src/store/history-write.js';
import { SIZES, type Size } from './generate.js';
import { ensureData, readDataFiles } from './import.bench.js';

export interface HistoryStep {
  step: string;
  seconds: number;
  dbMB: number;
  /** Growth of the file over the previous step, in % of the previous size. */
  growthPercent: number;
  entityVersionsOpened: number;
  historyRows: number;
  historyContentMB: number;
}

export interface HistoryBenchResult {
  size: Size;
  policiesChanged: number;
  steps: HistoryStep[];
  loadAccountModelSeconds: number;
  loadSnapshotModelLatestSeconds: number;
  loadSnapshotModelFirstSeconds: number;
  /** What history adds to an import that changes nothing: reading every entity's facts and hashing them (rolled back). */
  historyCheckSeconds: number;
  principals: number;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function fileMB(store: Store, file: string): number {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  return fs.statSync(file).size / 1e6;
}

/** Adds a statement to the default version of every 100th customer managed policy. */
function changeOnePercent(files: { name: string; text: string }[]): { files: { name: string; text: string }[]; changed: number } {
  let seen = 0;
  let changed = 0;
  const out = files.map((f) => {
    const page = JSON.parse(f.text) as {
      Policies?: { Arn: string; DefaultVersionId: string; PolicyVersionList: { VersionId: string; Document: unknown }[] }[];
    };
    if (!page.Policies) return f;
    for (const p of page.Policies) {
      if (p.Arn.startsWith('arn:aws:iam::aws:')) continue;
      if (seen++ % 100 !== 0) continue;
      const v = p.PolicyVersionList.find((x) => x.VersionId === p.DefaultVersionId)!;
      const encoded = typeof v.Document === 'string';
      const doc = (encoded ? JSON.parse(decodeURIComponent(v.Document as string)) : v.Document) as { Statement: unknown[] };
      doc.Statement.push({ Sid: 'BenchChange', Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bench-${changed}/*` });
      v.Document = encoded ? encodeURIComponent(JSON.stringify(doc)) : doc;
      changed++;
    }
    return { name: f.name, text: JSON.stringify(page) };
  });
  return { files: out, changed };
}

export function runHistoryBench(options: { size?: Size; seed?: number; dataDir?: string } = {}): HistoryBenchResult {
  const size = options.size ?? 'large';
  const seed = options.seed ?? 1;
  const dataDir = options.dataDir ?? path.join(os.tmpdir(), 'accessql-bench');
  const dir = ensureData(size, seed, dataDir);
  const files = readDataFiles(dir);
  const dbFile = path.join(dataDir, `history-${size}-seed${seed}.sqlite`);
  const clean = () => {
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  };
  clean();
  const store = openStore(dbFile);
  const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
  const steps: HistoryStep[] = [];
  let previousMB = 0;
  const step = (name: string, input: { name: string; text: string }[]) => {
    const rowsBefore = count('SELECT COUNT(*) FROM history');
    const t = performance.now();
    const r = importFiles(store, input);
    const seconds = (performance.now() - t) / 1000;
    const dbMB = fileMB(store, dbFile);
    steps.push({
      step: name,
      seconds: round(seconds),
      dbMB: round(dbMB),
      growthPercent: previousMB ? round(((dbMB - previousMB) / previousMB) * 100) : 0,
      entityVersionsOpened: count(`SELECT COUNT(*) FROM history WHERE valid_from = ${r.snapshotId}`),
      historyRows: count('SELECT COUNT(*) FROM history'),
      historyContentMB: round(count('SELECT SUM(length(data)) FROM history_blobs') / 1e6),
    });
    previousMB = dbMB;
    return { snapshotId: r.snapshotId, rowsWritten: count('SELECT COUNT(*) FROM history') - rowsBefore };
  };
  const first = step('import', files);
  step('re-import, identical', files);
  const changed = changeOnePercent(files);
  files.length = 0;
  const last = step(`re-import, ${changed.changed} policies (1 %) changed`, changed.files);
  changed.files.length = 0;

  const time = (fn: () => unknown) => {
    const t = performance.now();
    fn();
    return round((performance.now() - t) / 1000);
  };
  let principals = 0;
  const loadAccountModelSeconds = time(() => {
    principals = loadAccountModel(store).principals.length;
    loadEstate(store);
  });
  const loadSnapshotModelLatestSeconds = time(() => loadSnapshotModel(store, last.snapshotId));
  const loadSnapshotModelFirstSeconds = time(() => loadSnapshotModel(store, first.snapshotId));
  const rollback = new Error('rollback');
  const historyCheckSeconds = time(() => {
    try {
      store.db.transaction(() => {
        if (recordHistory(store.db, last.snapshotId + 1).opened !== 0) throw new Error('an unchanged state wrote history');
        throw rollback;
      })();
    } catch (e) {
      if (e !== rollback) throw e;
    }
  });
  store.close();
  clean();
  return {
    size,
    policiesChanged: changed.changed,
    steps,
    loadAccountModelSeconds,
    loadSnapshotModelLatestSeconds,
    loadSnapshotModelFirstSeconds,
    historyCheckSeconds,
    principals,
  };
}

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = (arg('size') ?? 'large') as Size;
  if (!(size in SIZES)) throw new Error(`unknown size ${size}`);
  const r = runHistoryBench({ size, seed: Number(arg('seed') ?? 1), dataDir: arg('data') });
  if (argv.includes('--json')) {
    process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    return;
  }
  process.stdout.write(`history, ${size} account (${r.principals} principals)\n`);
  process.stdout.write('step                                         import s   DB MB  growth %  versions written  history rows  content MB\n');
  for (const s of r.steps) {
    process.stdout.write(
      `${s.step.padEnd(44)} ${s.seconds.toFixed(2).padStart(8)} ${s.dbMB.toFixed(1).padStart(7)} ${s.growthPercent.toFixed(2).padStart(9)} ${String(s.entityVersionsOpened).padStart(17)} ${String(s.historyRows).padStart(13)} ${s.historyContentMB.toFixed(1).padStart(11)}\n`,
    );
  }
  process.stdout.write(
    `loadAccountModel + loadEstate (live): ${r.loadAccountModelSeconds.toFixed(2)} s; loadSnapshotModel latest: ${r.loadSnapshotModelLatestSeconds.toFixed(2)} s, first: ${r.loadSnapshotModelFirstSeconds.toFixed(2)} s; history's share of an unchanged import: ${r.historyCheckSeconds.toFixed(2)} s\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
