import { App, SEED_DIR } from '../../app.js';
import { seedStore } from '../../store/seed.js';
import { parse } from '../args.js';
import { repairLine, summaryLine } from './import.js';

/** `accessql seed`: loads seed/ (the documentation's policies and the demo organisation). */
export function seed(argv: string[], dbFile: string): number {
  parse(argv, { db: { type: 'string' } });
  const app = App.open({ dbFile, seedIfNew: false });
  try {
    const result = seedStore(app.store, SEED_DIR, { keepSnapshots: app.keepSnapshots });
    for (const r of result.repairs) process.stderr.write(`${repairLine(r)}\n`);
    process.stdout.write(`${summaryLine(result)}\n`);
  } finally {
    app.close();
  }
  return 0;
}
