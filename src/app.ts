/**
 * The running application: one store, the catalog, and the compiled access index built from the
 * store (rebuilt lazily after each import). Resolvers and CLI commands reach everything through it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStore, type Store } from './store/db.js';
import { isSeeded, seedStore } from './store/seed.js';
import { catalogVersion } from './catalog/index.js';
import { loadAccountModel, modelVersion } from './store/account-model.js';
import { AccessIndex } from './access/access-index.js';
import { loadEstate } from './store/estate-model.js';
import { loadWorkloads } from './store/workloads.js';
import type { WorkloadState } from './store/workload-model.js';
import { packageRoot, DEFAULT_DB_FILE } from './config.js';
import { AccessPaths } from './access/paths/index.js';
import { loadPathFacts } from './store/path-facts.js';

export const SEED_DIR = path.join(packageRoot, 'seed');

export interface OpenAppOptions {
  dbFile: string;
  /** Seed the database when it is new and is the default database (the contract's first-run rule). */
  seedIfNew?: boolean;
  readonly?: boolean;
}

export class App {
  readonly catalogVersion = catalogVersion();
  private index: { version: string; index: AccessIndex } | undefined;
  private paths: { index: AccessIndex; paths: AccessPaths } | undefined;
  private workloads: { version: string; state: WorkloadState } | undefined;

  constructor(readonly store: Store) {}

  static open(options: OpenAppOptions): App {
    // openStore creates the folder (writers only) and refuses a missing file to readers.
    const isNew = options.dbFile === ':memory:' || !existsSync(options.dbFile);
    const store = openStore(options.dbFile, { readonly: options.readonly });
    const app = new App(store);
    const seedable = options.seedIfNew ?? path.resolve(options.dbFile) === DEFAULT_DB_FILE;
    if (isNew && seedable && !store.readonly && !isSeeded(store)) seedStore(store, SEED_DIR);
    return app;
  }

  /** Changes whenever the store's content changes (in this process or another); caches key on it. */
  modelVersion(): string {
    return modelVersion(this.store);
  }

  /**
   * The compiled access index for the store's current content: built on first use after each
   * import (by any process writing the same file), then reused.
   */
  accessIndex(): AccessIndex {
    const version = this.modelVersion();
    if (this.index?.version !== version) {
      const model = loadAccountModel(this.store);
      this.index = { version: model.modelVersion, index: new AccessIndex(model, loadEstate(this.store)) };
    }
    return this.index.index;
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

  close(): void {
    this.store.close();
  }
}
