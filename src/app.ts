/**
 * The running application: one store, the catalog, and the compiled access index built from the
 * store (rebuilt lazily after each import). Resolvers and CLI commands reach everything through it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStore, type Store } from './store/db.js';
import { isSeeded, seedStore } from './store/seed.js';
import { catalogVersion } from './catalog/index.js';
import { loadAccountModel, modelVersion, type AccountModel } from './store/account-model.js';
import { AccessIndex } from './access/access-index.js';
import { loadEstate, type Estate } from './store/estate-model.js';
import { loadWorkloads } from './store/workloads.js';
import type { WorkloadState } from './store/workload-model.js';
import { latestSnapshotId, checkSnapshot, loadSnapshotModel } from './store/history.js';
import { LRUCache } from 'lru-cache';
import { packageRoot, DEFAULT_DB_FILE, keepSnapshotsFromEnv } from './config.js';
import { AccessPaths } from './access/paths/index.js';
import { loadPathFacts } from './store/path-facts.js';

export const SEED_DIR = path.join(packageRoot, 'seed');

export interface OpenAppOptions {
  dbFile: string;
  /** Seed the database when it is new and is the default database (the contract's first-run rule). */
  seedIfNew?: boolean;
  readonly?: boolean;
  /** Retention applied after each import through this app (default: ACCESSQL_KEEP_SNAPSHOTS; undefined keeps all). */
  keepSnapshots?: number;
}

/**
 * Access indexes of past snapshots kept in memory at once. An index of a large account takes
 * hundreds of MB, so a few: enough to compare two snapshots or page through an old answer.
 */
export const PAST_SNAPSHOT_INDEXES = 2;

/** A state of the store (the latest, or a past snapshot's): its model and estate with their index. */
export interface AccessState {
  version: string;
  model: AccountModel;
  estate: Estate;
  index: AccessIndex;
}

export class App {
  readonly catalogVersion = catalogVersion();
  private index: AccessState | undefined;
  private paths: { index: AccessIndex; paths: AccessPaths } | undefined;
  private workloads: { version: string; state: WorkloadState } | undefined;
  private readonly past = new LRUCache<number, AccessState>({ max: PAST_SNAPSHOT_INDEXES });

  constructor(
    readonly store: Store,
    /** Retention: the newest N snapshots keep their history (undefined: all). Pass to importFiles. */
    readonly keepSnapshots?: number,
  ) {}

  static open(options: OpenAppOptions): App {
    // openStore creates the folder (writers only) and refuses a missing file to readers.
    const isNew = options.dbFile === ':memory:' || !existsSync(options.dbFile);
    // A reader never imports: a bad retention setting only stops what would apply it.
    const keepSnapshots = 'keepSnapshots' in options ? options.keepSnapshots : options.readonly ? undefined : keepSnapshotsFromEnv();
    const store = openStore(options.dbFile, { readonly: options.readonly });
    const app = new App(store, keepSnapshots);
    const seedable = options.seedIfNew ?? path.resolve(options.dbFile) === DEFAULT_DB_FILE;
    if (isNew && seedable && !store.readonly && !isSeeded(store)) seedStore(store, SEED_DIR, { keepSnapshots });
    return app;
  }

  /** Changes whenever the store's content changes (in this process or another); caches key on it. */
  modelVersion(): string {
    return modelVersion(this.store);
  }

  /**
   * The compiled access index for the store's current content (or, given a past snapshot's id,
   * for that snapshot's state): built on first use after each import (by any process writing the
   * same file), then reused.
   */
  accessIndex(snapshot?: number | null): AccessIndex {
    return this.accessState(snapshot).index;
  }

  /**
   * The latest model and estate with their index (what-if questions start from them), or a past
   * snapshot's (accessChanges compares two).
   */
  accessState(snapshot?: number | null): AccessState {
    if (snapshot !== undefined && snapshot !== null && snapshot !== latestSnapshotId(this.store)) return this.pastState(snapshot);
    const version = this.modelVersion();
    if (this.index?.version !== version) {
      const model = loadAccountModel(this.store);
      const estate = loadEstate(this.store);
      // The previous index's compiled policies serve the documents an import left unchanged.
      this.index = { version: model.modelVersion, model, estate, index: new AccessIndex(model, estate, { reuse: this.index?.index }) };
    }
    return this.index;
  }

  /**
   * Access paths over the current access index and workload state: built on first use after
   * each import, then answered from its caches (escalations, the role graph).
   */
  accessPaths(): AccessPaths {
    const index = this.accessIndex();
    if (this.paths?.index !== index) this.paths = { index, paths: new AccessPaths(index, loadPathFacts(this.store), this.workloadState()) };
    return this.paths.paths;
  }

  /**
   * The workload state (credential reports, EC2 / Lambda / Glue / SageMaker / CloudFormation) for
   * the store's current content, loaded on first use after each import like the access index.
   */
  workloadState(): WorkloadState {
    const version = this.modelVersion();
    if (this.workloads?.version !== version) this.workloads = { version, state: loadWorkloads(this.store) };
    return this.workloads.state;
  }

  /** A past snapshot's state, rebuilt from history (SnapshotNotFoundError when unknown or pruned). */
  private pastState(snapshot: number): AccessState {
    // Checked on every use: another process may have pruned it since it was cached.
    checkSnapshot(this.store, snapshot);
    let state = this.past.get(snapshot);
    if (!state) {
      const { model, estate } = loadSnapshotModel(this.store, snapshot);
      // Most documents are the latest state's too: its compiled policies serve them.
      const index = new AccessIndex(model, estate, { reuse: this.index?.index });
      state = { version: `snapshot ${snapshot}`, model, estate, index };
      this.past.set(snapshot, state);
    }
    return state;
  }

  close(): void {
    this.store.close();
  }
}
