import { existsSync } from 'node:fs';
import { App } from '../../app.js';
import { writeTransaction } from '../../store/db.js';
import { pruneHistory } from '../../store/history.js';
import { parse, UsageError, wholeNumber } from '../args.js';
import { idRanges } from './import.js';

/**
 * `accessql prune --keep N [--vacuum]`: keeps the history of the newest N snapshots. The import
 * log keeps every snapshot (marked pruned). SQLite reuses the freed pages for later imports; the
 * file shrinks only with --vacuum (which rewrites it: it needs as much free disk space again).
 */
export function prune(argv: string[], dbFile: string): number {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, keep: { type: 'string' }, vacuum: { type: 'boolean' } });
  if (positionals.length > 0 || values.keep === undefined) throw new UsageError('usage: accessql prune --keep N [--vacuum] [--db FILE]');
  const keep = wholeNumber(values.keep, '--keep')!;
  if (!existsSync(dbFile)) throw new UsageError(`database ${dbFile} does not exist`);
  const app = App.open({ dbFile, seedIfNew: false, keepSnapshots: undefined });
  try {
    const r = writeTransaction(app.store, () => pruneHistory(app.store, keep));
    if (r.pruned.length === 0) {
      process.stdout.write(`nothing to prune: ${r.kept.length} snapshot(s) keep their history (${idRanges(r.kept) || 'none'})\n`);
    } else {
      process.stdout.write(
        `pruned the history of snapshot${r.pruned.length > 1 ? 's' : ''} ${idRanges(r.pruned)}: ${r.entityVersions} entity version(s), ${r.contents} stored content(s) removed; kept ${idRanges(r.kept)}\n`,
      );
    }
    if (values.vacuum) {
      app.store.db.exec('VACUUM');
      process.stdout.write('vacuumed the database file\n');
    }
  } finally {
    app.close();
  }
  return 0;
}
