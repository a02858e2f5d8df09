/**
 * `accessql diff` and `accessql what-if`: who gained or lost access between two snapshots, or
 * would if proposed IAM changes shipped — for audits, and for gating pull requests in CI.
 */
import { readFileSync } from 'node:fs';
import type { App } from '../../app.js';
import { locateJsonError } from '../../policy/json.js';
import { AccessqlError } from '../../util/errors.js';
import { parse, UsageError } from '../args.js';
import { runOperation } from '../local-graphql.js';
import { ACCESS_CHANGES, WHAT_IF } from '../operations.js';
import { describeStatements, printJson, table } from '../output.js';

/** Exit code of `what-if --fail-on-gained` (and `diff --fail-on-gained`) when some access is gained. */
export const EXIT_GAINED = 3;

interface ChangeNode {
  principal: { arn: string; type: string };
  action: string;
  resource: string;
  change: 'GAINED' | 'LOST';
  before: string;
  after: string;
  conditionalBefore: boolean;
  conditionalAfter: boolean;
  missingContextKeys: string[];
  matchedStatements: { policyName: string; sid?: string | null; effect: string; line?: number | null; column?: number | null }[];
}
interface ChangePage {
  totalCount: number;
  gainedCount: number;
  lostCount: number;
  edges: { cursor: string; node: ChangeNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every page of a change connection (the CLI answers the whole question). */
async function allChanges(fetch: (after: string | null) => Promise<ChangePage>): Promise<ChangePage> {
  let after: string | null = null;
  let merged: ChangePage | undefined;
  do {
    const page: ChangePage = await fetch(after);
    merged = merged ? { ...page, edges: [...merged.edges, ...page.edges] } : page;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return merged;
}

const level = (decision: string, conditional: boolean) =>
  conditional ? 'conditional' : decision === 'ALLOWED' ? 'allowed' : decision.toLowerCase().replace('_', ' ');

function print(result: ChangePage, json: boolean, what: string): void {
  if (json) {
    printJson(result);
    return;
  }
  const rows = result.edges.map(({ node }) => [
    node.change,
    node.principal.arn,
    node.action,
    node.resource,
    `${level(node.before, node.conditionalBefore)} → ${level(node.after, node.conditionalAfter)}${node.missingContextKeys.length ? ` (if ${node.missingContextKeys.join(', ')})` : ''}`,
    describeStatements(node.matchedStatements),
  ]);
  process.stdout.write(
    `${table(['CHANGE', 'PRINCIPAL', 'ACTION', 'RESOURCE', 'ACCESS', 'STATEMENTS'], rows)}\n${result.totalCount} change(s) ${what}: ${result.gainedCount} gained, ${result.lostCount} lost\n`,
  );
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} takes a snapshot id (a whole number), got "${value}"`);
  return Number(value);
}

export async function diff(argv: string[], openApp: () => App): Promise<number> {
  const { values, positionals } = parse(argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
    'fail-on-gained': { type: 'boolean' },
  });
  const from = integer(values.from, '--from');
  if (from === undefined || positionals.length > 0) throw new UsageError('usage: accessql diff --from N [--to M] [--json] [--fail-on-gained]');
  const to = integer(values.to, '--to');
  const app = openApp();
  try {
    const result = await allChanges(
      async (after) => (await runOperation<{ accessChanges: ChangePage }>(app, ACCESS_CHANGES, { from, to: to ?? null, first: 500, after })).accessChanges,
    );
    print(result, Boolean(values.json), `from snapshot ${from} to ${to ?? 'the latest'}`);
    return values['fail-on-gained'] && result.gainedCount > 0 ? EXIT_GAINED : 0;
  } finally {
    app.close();
  }
}

/** The changes file: a JSON array of ChangeInput objects; its syntax errors name file, line and column. */
function readChanges(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const error = locateJsonError(text);
  if (error) throw new AccessqlError('BAD_USER_INPUT', `${file}:${error.line}:${error.column}: ${error.reason}`, { line: error.line, column: error.column });
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new AccessqlError('BAD_USER_INPUT', `${file}: expected a JSON array of changes ([{"attachPolicy": {...}}, ...])`);
  return value;
}

export async function whatIf(argv: string[], openApp: () => App): Promise<number> {
  const { values, positionals } = parse(argv, {
    changes: { type: 'string' },
    json: { type: 'boolean' },
    'fail-on-gained': { type: 'boolean' },
  });
  if (!values.changes || positionals.length > 0) throw new UsageError('usage: accessql what-if --changes FILE [--json] [--fail-on-gained]');
  const changes = readChanges(values.changes);
  const app = openApp();
  try {
    const result = await allChanges(
      async (after) => (await runOperation<{ whatIf: { accessChanges: ChangePage } }>(app, WHAT_IF, { changes, first: 500, after })).whatIf.accessChanges,
    );
    print(result, Boolean(values.json), `if the ${changes.length} change(s) shipped`);
    return values['fail-on-gained'] && result.gainedCount > 0 ? EXIT_GAINED : 0;
  } finally {
    app.close();
  }
}
