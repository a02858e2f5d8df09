/**
 * Import benchmark: generates (or reuses) the synthetic accounts and imports each into a fresh
 * database file, in a child process per size so that peak RSS (maxRSS) is that import's alone.
 * Prints seconds, peak RSS and database size; also how long loadAccountModel takes on the result.
 *
 *   node dist/bench/store/import.bench.js [--size small,medium,large,org] [--seed 1] [--data DIR] [--json]
 *
 * Budget (2 cores): large import < 15 s, peak RSS < 1 GB; org (30 accounts, 60,000 principals,
 * 40,000 policies, 20,000 resource policies, the organization) import < 60 s, peak RSS < 2 GB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel } from '../../src/store/account-model.js';
import { loadEstate } from '../../src/store/estate-model.js';
import { generateAccount, writeAccount, writeOrganization, SIZES, type Size } from './generate.js';

/** The account sizes, and the `org` estate. */
export type Preset = Size | 'org';

export interface ImportBenchResult {
  size: Preset;
  files: number;
  inputMB: number;
  seconds: number;
  /** User + system CPU of the import: comparable across runs when other processes share the cores. */
  cpuSeconds: number;
  peakRssMB: number;
  dbMB: number;
  modelSeconds: number;
  users: number;
  roles: number;
  policies: number;
  policyVersions: number;
  statements: number;
  resources: number;
  resourcePolicies: number;
  accounts: number;
}

const self = fileURLToPath(import.meta.url);

/** Generates the size's files unless a complete earlier run left them; returns the directory. */
export function ensureData(size: Preset, seed: number, dataDir: string): string {
  const dir = path.join(dataDir, `${size}-seed${seed}`);
  const marker = path.join(dir, '.complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (size === 'org') writeOrganization(dir, seed);
    else writeAccount(generateAccount(size, seed), dir);
    fs.writeFileSync(marker, new Date().toISOString());
  }
  return dir;
}

/** The data files of a generated directory (its JSON files, by name). */
export function dataFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => path.join(dir, n));
}

/** The data files with their text, as importFiles takes them. */
export function readDataFiles(dir: string): { name: string; text: string }[] {
  return dataFiles(dir).map((name) => ({ name, text: fs.readFileSync(name, 'utf8') }));
}

/** Runs in the child: import every file of dir into a fresh dbFile. */
function measure(size: Preset, dir: string, dbFile: string): ImportBenchResult {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const files = readDataFiles(dir);
  const fileCount = files.length;
  const inputMB = files.reduce((n, f) => n + f.text.length, 0) / 1e6;
  const store = openStore(dbFile);
  const r = importFiles(store, files);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  files.length = 0;
  const m0 = performance.now();
  loadAccountModel(store);
  if (size === 'org') loadEstate(store);
  const modelSeconds = (performance.now() - m0) / 1000;
  store.close();
  return {
    size,
    files: fileCount,
    inputMB: round(inputMB),
    seconds: round(seconds),
    cpuSeconds: round(cpuSeconds),
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
    dbMB: round(fs.statSync(dbFile).size / 1e6),
    modelSeconds: round(modelSeconds),
    users: r.users,
    roles: r.roles,
    policies: r.policies,
    policyVersions: r.policyVersions,
    statements: r.statements,
    resources: r.resources,
    resourcePolicies: r.resourcePolicies,
    accounts: r.accounts.length,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function runImportBench(options: { sizes?: Preset[]; seed?: number; dataDir?: string } = {}): ImportBenchResult[] {
  const sizes = options.sizes ?? (['small', 'medium', 'large'] as Preset[]);
  const seed = options.seed ?? 1;
  const dataDir = options.dataDir ?? path.join(os.tmpdir(), 'accessql-bench');
  const results: ImportBenchResult[] = [];
  for (const size of sizes) {
    const dir = ensureData(size, seed, dataDir);
    const dbFile = path.join(dataDir, `${size}-seed${seed}.sqlite`);
    const child = spawnSync(process.execPath, [self, '--child', size, dir, dbFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`import bench (${size}) failed: ${child.stderr}`);
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as ImportBenchResult);
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  }
  return results;
}

function main(argv: string[]): void {
  if (argv[0] === '--child') {
    process.stdout.write(JSON.stringify(measure(argv[1] as Preset, argv[2], argv[3])) + '\n');
    return;
  }
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (arg('size') ?? 'small,medium,large').split(',') as Preset[];
  for (const s of sizes) if (!(s in SIZES) && s !== 'org') throw new Error(`unknown size ${s}`);
  const results = runImportBench({ sizes, seed: Number(arg('seed') ?? 1), dataDir: arg('data') });
  if (argv.includes('--json')) {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    return;
  }
  process.stdout.write('size    files  input MB  import s  CPU s  peak RSS MB  DB MB  model s  statements  accounts  resource policies\n');
  for (const r of results) {
    process.stdout.write(
      `${r.size.padEnd(8)}${String(r.files).padStart(5)}${r.inputMB.toFixed(1).padStart(10)}${r.seconds.toFixed(2).padStart(10)}${r.cpuSeconds.toFixed(1).padStart(7)}` +
        `${r.peakRssMB.toFixed(0).padStart(13)}${r.dbMB.toFixed(1).padStart(7)}${r.modelSeconds.toFixed(2).padStart(9)}${String(r.statements).padStart(12)}${String(r.accounts).padStart(10)}${String(r.resourcePolicies).padStart(19)}\n`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) main(process.argv.slice(2));
