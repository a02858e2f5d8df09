import { readFileSync } from 'node:fs';
import { App } from '../../app.js';
import { importFiles, type ImportResult } from '../../store/import/index.js';
import type { ImportRepair } from '../../store/import/types.js';
import { parse, UsageError } from '../args.js';

export function summaryLine(r: ImportResult): string {
  let line = `imported snapshot ${r.snapshotId}: ${r.users} users, ${r.roles} roles, ${r.groups} groups, ${r.policies} policies, ${r.statements} statements, ${r.resources} resources`;
  if (r.resourcePolicies > 0) line += `, ${r.resourcePolicies} resource policies`;
  if (r.organization) {
    line += `, organization ${r.organization} (${r.organizationAccounts} accounts, ${r.organizationalUnits} organizational units, ${r.organizationPolicies} SCPs and RCPs)`;
  }
  if (r.credentialReportUsers > 0 || r.workloads > 0 || r.workloadSources.length > 0) {
    const sources = r.workloadSources.map((w) => `${w.accountId} ${w.source}`).join(', ');
    line += `, ${r.credentialReportUsers} credential report users, ${r.workloads} workloads (replaced: ${sources})`;
  }
  return line;
}

function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done >= total) process.stderr.write('\n');
  };
}

/** `accessql import FILE...`: every file in one transaction, or nothing changes. */
export function importCommand(argv: string[], dbFile: string): number {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, lenient: { type: 'boolean' }, account: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
  if (values.account !== undefined && !/^\d{12}$/.test(String(values.account)))
    throw new UsageError(`--account ${String(values.account)} is not a 12-digit account id`);
  const files = positionals.map((name) => {
    try {
      return { name, text: readFileSync(name, 'utf8') };
    } catch (e) {
      throw new UsageError(`cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
  const app = App.open({ dbFile, seedIfNew: false });
  try {
    const result = importFiles(app.store, files, {
      lenient: Boolean(values.lenient),
      onProgress: progressBar(),
      account: typeof values.account === 'string' ? values.account : undefined,
      keepSnapshots: app.keepSnapshots,
    });
    for (const r of result.repairs) process.stderr.write(`${repairLine(r)}\n`);
    process.stdout.write(`${summaryLine(result)}\n`);
    if (result.prunedSnapshots.length > 0) process.stdout.write(`${prunedLine(result.prunedSnapshots, app.keepSnapshots!)}\n`);
  } finally {
    app.close();
  }
  return 0;
}

/** What retention removed: `pruned the history of snapshots 1–3 (ACCESSQL_KEEP_SNAPSHOTS=5)`. */
export function prunedLine(ids: number[], keep: number): string {
  return `pruned the history of snapshot${ids.length > 1 ? 's' : ''} ${idRanges(ids)} (ACCESSQL_KEEP_SNAPSHOTS=${keep})`;
}

/** [1,2,3,5] → "1–3, 5". */
export function idRanges(ids: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ids.length;) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    out.push(j === i ? String(ids[i]) : `${ids[i]}–${ids[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/**
 * One lenient repair, compiler-style. A repair inside a document embedded in the file (a policy
 * string of authorization details) counts lines in the decoded document, not the file, so it is
 * placed by element path instead of a misleading file:line:column.
 */
export function repairLine(r: ImportRepair): string {
  if (r.path !== undefined) return `${r.file}: repaired: ${r.message} (position in the decoded document)`;
  return `${r.file}:${r.line}:${r.column}: repaired: ${r.message}`;
}
