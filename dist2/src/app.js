/**
 * The running application: one store, the catalog, and the compiled access index built from the
 * store (rebuilt lazily after each import). Resolvers and CLI commands reach everything through it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStore } from './store/db.js';
import { isSeeded, seedStore } from './store/seed.js';
import { catalogVersion } from './catalog/index.js';
import { loadAccountModel, modelVersion } from './store/account-model.js';
import { AccessIndex } from './access/access-index.js';
import { loadEstate } from './store/estate-model.js';
import { packageRoot, DEFAULT_DB_FILE } from './config.js';
export const SEED_DIR = path.join(packageRoot, 'seed');
export class App {
    store;
    catalogVersion = catalogVersion();
    index;
    constructor(store) {
        this.store = store;
    }
    static open(options) {
        // openStore creates the folder (writers only) and refuses a missing file to readers.
        const isNew = options.dbFile === ':memory:' || !existsSync(options.dbFile);
        const store = openStore(options.dbFile, { readonly: options.readonly });
        const app = new App(store);
        const seedable = options.seedIfNew ?? path.resolve(options.dbFile) === DEFAULT_DB_FILE;
        if (isNew && seedable && !store.readonly && !isSeeded(store))
            seedStore(store, SEED_DIR);
        return app;
    }
    /** Changes whenever the store's content changes (in this process or another); caches key on it. */
    modelVersion() {
        return modelVersion(this.store);
    }
    /**
     * The compiled access index for the store's current content: built on first use after each
     * import (by any process writing the same file), then reused.
     */
    accessIndex() {
        const version = this.modelVersion();
        if (this.index?.version !== version) {
            const model = loadAccountModel(this.store);
            this.index = { version: model.modelVersion, index: new AccessIndex(model, loadEstate(this.store)) };
        }
        return this.index.index;
    }
    close() {
        this.store.close();
    }
}
//# sourceMappingURL=app.js.map