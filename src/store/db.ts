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
import { StoreBusyError, StoreError, StoreUnavailableError, StoreVersionError } from './errors.js';
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

/**
 * accessql's mark in the SQLite header (`PRAGMA application_id`, the standard place for an
 * application file format's identity): "AQL1". Files without it are refused untouched, except
 * wave-1 databases (accessql's `schema_migrations` and `meta` tables), which get it on their first
 * read-write open.
 */
export const APPLICATION_ID = 0x41514c31;

export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const memory = file === ':memory:' || file === '';
  // A file its owner made read-only (or one on a read-only filesystem) is still readable: open it
  // read-only, and writes are refused with StoreUnavailableError instead of every read failing.
  const readonly = options.readonly === true || (!memory && fileIsReadOnly(file));
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!memory && readonly && !fs.existsSync(file)) {
    throw new StoreError(`database ${file} does not exist`);
  }
  if (!memory && !readonly) ensureDirectory(path.dirname(path.resolve(file)));
  let db: Database.Database;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (e) {
    throw translateSqliteError(e, file, busyTimeoutMs);
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // Before anything writes (journal mode, migrations): another application's file stays as it was.
    const fresh = !memory && checkMarker(db, file);
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
    if (!readonly && (fresh || memory)) db.pragma(`application_id = ${APPLICATION_ID}`);
    return store;
  } catch (e) {
    db.close();
    throw translateSqliteError(e, file, busyTimeoutMs);
  }
}

function fileIsReadOnly(file: string): boolean {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return false;
  }
  // The mode bits first: root may write anything, but a file without write bits was meant to stay as it is.
  if ((st.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Refuses a file that is not an accessql database, before anything is written to it. Returns
 * true when the file should get accessql's mark (new and empty, or a wave-1 database).
 */
function checkMarker(db: Database.Database, file: string): boolean {
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id === APPLICATION_ID) return false;
  const notOurs = `${file} is not an accessql database; refusing to open it (nothing was changed)`;
  if (id !== 0) throw new StoreVersionError(`${notOurs}: its SQLite application_id is ${id}`);
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'index', 'trigger')").pluck().all() as string[]);
  if (tables.size === 0) return true;
  if (tables.has('schema_migrations') && tables.has('meta')) return true;
  throw new StoreVersionError(`${notOurs}: it holds other tables (${[...tables].slice(0, 5).join(', ')}${tables.size > 5 ? ', ...' : ''})`);
}

/**
 * mkdir -p without fs.mkdirSync's recursion, which never returns for some paths under /proc:
 * climb to the nearest existing ancestor (a bounded walk), then create each level once.
 */
function ensureDirectory(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  for (let i = 0; i < 256; i++) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError(`cannot use directory ${at} for the database: ${(e as Error).message}`);
    }
    if (st) {
      if (!st.isDirectory()) throw new StoreError(`cannot create the database under ${dir}: ${at} is not a directory`);
      break;
    }
    missing.push(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new StoreError(`cannot create directory ${d} for the database: ${(e as Error).message}`);
    }
  }
}

/** The schema version a database is at (0 for a new file). */
export function schemaVersion(store: Store): number {
  const exists = store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return 0;
  const row = store.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function appliedVersions(store: Store): Set<number> {
  if (schemaVersion(store) === 0) return new Set();
  return new Set(store.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
}

function migrate(store: Store): void {
  const latest = Math.max(0, ...MIGRATIONS.map((m) => m.version));
  const current = schemaVersion(store);
  if (current > latest) {
    throw new StoreVersionError(`database ${store.file} has schema version ${current}, newer than this accessql understands (${latest})`);
  }
  // By set, not by maximum: migrations written on parallel branches may land in either order.
  if (current === latest && appliedVersions(store).size >= MIGRATIONS.length) return;
  if (store.readonly) {
    throw new StoreVersionError(`database ${store.file} is at schema version ${current} (needs ${latest}); open it once read-write to migrate`);
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
    const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      m.run?.(db);
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
  if (store.readonly)
    throw new StoreUnavailableError(`database ${store.file} is open read-only (the file or its filesystem is not writable)`, 'SQLITE_READONLY');
  try {
    return store.db.transaction(fn).immediate();
  } catch (e) {
    throw translateSqliteError(e, store.file, store.busyTimeoutMs);
  }
}

/** Prepared once per connection: the server reads the data version on every request. */
const versionReads = new WeakMap<Database.Database, Database.Statement>();

/** Bumped by every write that changes the model; caches compare it (see loadAccountModel). */
export function dataVersion(store: Store): string {
  let read = versionReads.get(store.db);
  if (read === undefined) versionReads.set(store.db, (read = store.db.prepare("SELECT value FROM meta WHERE key = 'data_version'")));
  const row = read.get() as { value: string } | undefined;
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
  return unavailable(e, file);
}

/** SQLITE_FULL / SQLITE_READONLY (and their extended codes) as StoreUnavailableError; anything else unchanged. */
export function unavailable(e: unknown, file: string): unknown {
  if (!(e instanceof Database.SqliteError)) return e;
  if (e.code === 'SQLITE_FULL' || e.code.startsWith('SQLITE_FULL_')) {
    return new StoreUnavailableError(`database ${file}: the disk is full (${e.message})`, e.code, e);
  }
  if (e.code === 'SQLITE_READONLY' || e.code.startsWith('SQLITE_READONLY_')) {
    return new StoreUnavailableError(`database ${file} is read-only (${e.message})`, e.code, e);
  }
  if (e.code === 'SQLITE_CANTOPEN') {
    return new StoreUnavailableError(`cannot open database ${file} (${e.message})`, e.code, e);
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
