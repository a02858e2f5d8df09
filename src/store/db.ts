/**
 * Opening a store: one SQLite file (better-sqlite3, synchronous), migrated to the current schema.
 *
 * WAL lets the API server keep reading while an import writes. Writers take the lock up front
 * (BEGIN IMMEDIATE, see `writeTransaction`) and wait up to the busy timeout for another writer,
 * then fail with StoreBusyError instead of a bare SQLITE_BUSY.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import { StoreBusyError, StoreError, StoreVersionError } from './errors.js';
import { compileGlobLower, type Matcher } from '../util/wildcard.js';

export interface Store {
  readonly db: Database.Database;
  readonly file: string;
  readonly readonly: boolean;
  readonly busyTimeoutMs: number;
  close(): void;
}

export interface OpenStoreOptions {
  readonly?: boolean;
  /** How long a writer waits for another writer's lock before failing. Default 30 s. */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 30_000;

export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const readonly = options.readonly === true;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const memory = file === ':memory:' || file === '';
  if (!memory && !readonly) {
    const dir = path.dirname(path.resolve(file));
    fs.mkdirSync(dir, { recursive: true });
  }
  if (!memory && readonly && !fs.existsSync(file)) {
    throw new StoreError(`database ${file} does not exist`);
  }
  const db = new Database(file, { readonly, fileMustExist: readonly });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    if (!readonly && !memory) {
      // WAL: readers never block the writer nor the writer readers. NORMAL sync is durable
      // across application crashes in WAL mode, which is all an import cache needs.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536'); // 64 MiB: imports touch many index pages
    db.pragma('temp_store = MEMORY');
    // iam_glob(pattern, value): the IAM wildcard `pattern` (a stored Action entry) matches `value`,
    // ignoring case as action names do ("IAM JSON policy elements: Action").
    db.function('iam_glob', { deterministic: true }, (pattern: unknown, value: unknown) =>
      typeof pattern === 'string' && typeof value === 'string' && actionGlob(pattern)(value.toLowerCase()) ? 1 : 0,
    );
    const store: Store = {
      db,
      file,
      readonly,
      busyTimeoutMs,
      close: () => {
        if (db.open) db.close();
      },
    };
    migrate(store);
    return store;
  } catch (e) {
    db.close();
    throw translateSqliteError(e, file, busyTimeoutMs);
  }
}

/** The schema version a database is at (0 for a new file). */
export function schemaVersion(store: Store): number {
  const exists = store.db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) return 0;
  const row = store.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function migrate(store: Store): void {
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  const current = schemaVersion(store);
  if (current > latest) {
    throw new StoreVersionError(
      `database ${store.file} has schema version ${current}, newer than this accessql understands (${latest})`,
    );
  }
  if (current === latest) return;
  if (store.readonly) {
    throw new StoreVersionError(
      `database ${store.file} is at schema version ${current} (needs ${latest}); open it once read-write to migrate`,
    );
  }
  const { db } = store;
  // Two processes may open a new file at once: the immediate transaction serializes them, and
  // each migration re-checks inside it whether the other process already applied it.
  const apply = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const done = new Set(
      (db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]),
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
  });
  apply.immediate();
}

/**
 * Runs fn in a write transaction that takes the write lock first (BEGIN IMMEDIATE), so a second
 * writer waits for the first instead of failing halfway through with a lock upgrade error. Any
 * throw rolls everything back.
 */
export function writeTransaction<T>(store: Store, fn: () => T): T {
  if (store.readonly) throw new StoreError(`database ${store.file} is open read-only`);
  try {
    return store.db.transaction(fn).immediate();
  } catch (e) {
    throw translateSqliteError(e, store.file, store.busyTimeoutMs);
  }
}

/** Bumped by every write that changes the model; caches compare it (see loadAccountModel). */
export function dataVersion(store: Store): string {
  const row = store.db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as { value: string } | undefined;
  return row?.value ?? '0';
}

/** Call inside a write transaction. */
export function bumpDataVersion(store: Store): string {
  store.db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();
  return dataVersion(store);
}

function translateSqliteError(e: unknown, file: string, timeoutMs: number): unknown {
  if (e instanceof Database.SqliteError && (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_BUSY_SNAPSHOT')) {
    return new StoreBusyError(file, timeoutMs);
  }
  if (e instanceof Database.SqliteError && e.code === 'SQLITE_NOTADB') {
    return new StoreVersionError(`${file} is not an accessql database (${e.message})`);
  }
  return e;
}

/** Compiled action patterns for iam_glob: a query tests one value against many stored patterns, which repeat. Bounded. */
const ACTION_GLOBS = new Map<string, Matcher>();
function actionGlob(pattern: string): Matcher {
  let m = ACTION_GLOBS.get(pattern);
  if (m === undefined) {
    if (ACTION_GLOBS.size >= 4096) ACTION_GLOBS.clear();
    m = compileGlobLower(pattern);
    ACTION_GLOBS.set(pattern, m);
  }
  return m;
}
