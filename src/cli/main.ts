#!/usr/bin/env node
/**
 * accessql's command line. Every command works from a clean checkout after `npm ci && npm run build`.
 */
import { editDistance } from '../catalog/index.js';
import 'reflect-metadata';
import { App } from '../app.js';
import { defaultDbFile } from '../config.js';
import { AccessqlError } from '../util/errors.js';
import { UsageError } from './args.js';
import { OperationError } from './local-graphql.js';
import { lint } from './commands/lint.js';
import { serve } from './commands/serve.js';
import { seed } from './commands/seed.js';
import { importCommand } from './commands/import.js';
import { whoCan, whatCan } from './commands/access.js';
import { escalations, paths } from './commands/paths.js';
import { simulate } from './commands/simulate.js';
import { diff, whatIf } from './commands/changes.js';
import { prune } from './commands/prune.js';

const USAGE = `usage: accessql <command> [options]

  serve [--db FILE] [--host H] [--port N] [--log-level L]   serve the GraphQL API (Sandbox at its URL)
  seed [--db FILE]                                          load seed/ (documentation policies, demo organisation)
  import [--db FILE] [--lenient] [--account ID] FILE...     import AWS-format files in one transaction
  who-can ACTION RESOURCE [--context K=V]... [--include-conditional] [--transitive] [--snapshot N] [--json]
                                                            --transitive: also who reaches an allowed principal by sts:AssumeRole chains
  what-can PRINCIPAL_ARN RESOURCE [--context K=V]... [--snapshot N] [--json]
  escalations [--principal ARN] [--json]                    who can make themselves (or reach) an administrator, with the paths
  paths FROM_ARN [--json]                                   the roles reachable from a principal (and its escalation), as chains
  prune --keep N [--vacuum] [--db FILE]                     keep only the newest N snapshots' history
  simulate --policy FILE... --action A... [--resource R]... [--boundary FILE]... [--scp FILE]...
           [--resource-policy FILE] [--caller ARN] [--context K=V]... [--json]
  lint [--format text|json|access-analyzer] [--lenient] [--policy-type T] [--resource-type R] FILE...
                                                            validate policies like IAM Access Analyzer; exit 1 on any ERROR
  lint --db FILE [--format ...]                             lint every stored policy (read-only)
  diff --from N [--to M] [--json] [--fail-on-gained]        who gained or lost access between two snapshots
  what-if --changes FILE [--json] [--fail-on-gained]        who would gain or lose access if the changes (a JSON
                                                            array of ChangeInput) shipped; exit 3 on any gain
                                                            with --fail-on-gained

--db defaults to $ACCESSQL_DB, then to the default database (data/accessql.db).`;

/** Pulls `--db FILE` / `--db=FILE` out wherever it stands, so every command shares it. */
function extractDb(argv: string[]): { db?: string; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--db') {
      db = argv[++i];
      if (db === undefined) throw new UsageError('--db needs a FILE');
    } else if (argv[i].startsWith('--db=')) db = argv[i].slice(5);
    else rest.push(argv[i]);
  }
  return { db, rest };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  // `accessql who-can --help`: the usage, not "unknown option".
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { db, rest } = extractDb(args);
  const dbFile = db ?? defaultDbFile();
  // who-can, what-can, escalations and paths only read: a mistyped --db is refused (not created and answered "0
  // principals"), and the file is never changed.
  const openApp = () => App.open({ dbFile, readonly: true });
  switch (command) {
    case 'serve':
      return serve(rest, db);
    case 'seed':
      return seed(rest, dbFile);
    case 'import':
      return importCommand(rest, dbFile);
    case 'who-can':
      return whoCan(rest, openApp);
    case 'what-can':
      return whatCan(rest, openApp);
    case 'escalations':
      return escalations(rest, openApp);
    case 'paths':
      return paths(rest, openApp);
    case 'simulate':
      return simulate(rest);
    case 'diff':
      return diff(rest, openApp);
    case 'what-if':
      return whatIf(rest, openApp);
    case 'prune':
      return prune(rest, dbFile);
    case 'lint':
      // Only an explicit --db means "lint the store": plain `lint FILE` never opens a database.
      return lint(rest, db);
    default:
      throw new UsageError(`unknown command "${command}"${closestCommand(command)}\n\n${USAGE}`);
  }
}

const COMMANDS = ['serve', 'seed', 'import', 'who-can', 'what-can', 'escalations', 'paths', 'simulate', 'lint', 'prune', 'diff', 'what-if'];

/** "(did you mean "who-can"?)" for a near miss of a known command, else nothing. */
function closestCommand(command: string): string {
  if (command.length > 64) return '';
  let best = '';
  let bestD = Infinity;
  for (const c of COMMANDS) {
    const d = editDistance(command.toLowerCase(), c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function describe(e: unknown): { message: string; exit: number } {
  if (e instanceof UsageError) return { message: e.message, exit: 2 };
  if (e instanceof OperationError) {
    const lines = e.errors.map((err) => {
      const x = err.extensions ?? {};
      const where = [x.policy, x.line !== undefined ? `line ${x.line}` : undefined, x.column !== undefined ? `column ${x.column}` : undefined]
        .filter(Boolean)
        .join(', ');
      return `${x.code ?? 'ERROR'}: ${err.message}${where ? ` (${where})` : ''}`;
    });
    return { message: lines.join('\n'), exit: 1 };
  }
  if (e instanceof AccessqlError) return { message: e.message, exit: 1 };
  // Other libraries' errors that explain themselves (SqliteError…): the message, without a stack.
  if (
    e instanceof Error &&
    e.name.endsWith('Error') &&
    e.name !== 'Error' &&
    e.name !== 'TypeError' &&
    e.name !== 'RangeError' &&
    e.name !== 'ReferenceError'
  ) {
    return { message: e.message, exit: 1 };
  }
  // A bug still gets one clear line: stack traces are for ACCESSQL_DEBUG=1, not for users' terminals.
  if (e instanceof RangeError && /call stack/i.test(e.message)) return { message: 'the input is nested too deeply to process', exit: 1 };
  if (e instanceof Error) return { message: process.env.ACCESSQL_DEBUG ? (e.stack ?? e.message) : `internal error: ${e.message}`, exit: 1 };
  return { message: String(e), exit: 1 };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const { message, exit } = describe(e);
    process.stderr.write(`accessql: ${message}\n`);
    process.exitCode = exit;
  },
);
