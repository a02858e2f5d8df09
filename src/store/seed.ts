/**
 * The demo organisation: every *.json file directly in seed/ (organisation.json and
 * estate-accounts.json in authorization-details format, resources.json in get-resources format,
 * estate-organization.json the organization document, estate-resource-policies.json the
 * resource policies document), imported leniently —
 * some of its documents are malformed on purpose, as the documentation's examples are, and the
 * repairs are reported. seed/policies/ holds verbatim copies for humans and is not imported.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from './db.js';
import { importFiles, type ImportOptions, type ImportResult } from './import/index.js';

export const SEED_LABEL = 'seed';

export function seedFiles(seedDir: string): { name: string; text: string }[] {
  return fs
    .readdirSync(seedDir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name: path.join(seedDir, name), text: fs.readFileSync(path.join(seedDir, name), 'utf8') }));
}

export function seedStore(store: Store, seedDir: string, options: Pick<ImportOptions, 'onProgress' | 'keepSnapshots'> = {}): ImportResult {
  return importFiles(store, seedFiles(seedDir), { lenient: true, label: SEED_LABEL, onProgress: options.onProgress, keepSnapshots: options.keepSnapshots });
}

/** True once a seed import has succeeded in this database. */
export function isSeeded(store: Store): boolean {
  return store.db.prepare('SELECT 1 FROM snapshots WHERE label = ? AND finished_at IS NOT NULL LIMIT 1').get(SEED_LABEL) !== undefined;
}
