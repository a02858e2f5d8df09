import type { App } from '../../app.js';
import { contextEntries, parse, UsageError, wholeNumber } from '../args.js';
import { runOperation } from '../local-graphql.js';
import { WHAT_CAN, WHO_CAN, WHO_CAN_TRANSITIVE } from '../operations.js';
import { chain, describeSteps, type StepJson } from './paths.js';
import { describeStatements, printJson, table } from '../output.js';

/** A whoCan / whatCan connection as the CLI reads it from the GraphQL answer. */
interface AnswerPage<N> {
  totalCount: number;
  evaluatedResourceType?: string | null;
  warnings?: string[];
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface Explained {
  decision: string;
  conditional: boolean;
  missingContextKeys: string[];
  matchedStatements: { policyName: string; sid?: string | null; effect: string; line?: number | null; column?: number | null }[];
}

/** Fetches every page: the CLI answers the whole question, the API pages it. */
async function allPages<N>(app: App, source: string, field: string, variables: Record<string, unknown>): Promise<AnswerPage<N>> {
  let after: string | null = null;
  let merged: AnswerPage<N> | undefined;
  do {
    const data: Record<string, AnswerPage<N>> = await runOperation(app, source, { ...variables, first: 500, after });
    const page: AnswerPage<N> = data[field];
    merged = merged ? { ...page, edges: [...merged.edges, ...page.edges] } : page;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return merged;
}

const ACCESS_OPTIONS = {
  db: { type: 'string' },
  context: { type: 'string', multiple: true },
  'include-conditional': { type: 'boolean' },
  transitive: { type: 'boolean' },
  json: { type: 'boolean' },
  snapshot: { type: 'string' },
} as const;

export async function whoCan(argv: string[], openApp: () => App): Promise<number> {
  const { values, positionals } = parse(argv, ACCESS_OPTIONS);
  if (positionals.length !== 2)
    throw new UsageError('usage: accessql who-can ACTION RESOURCE [--context KEY=VALUE]... [--include-conditional] [--transitive] [--snapshot N] [--json]');
  const [action, resource] = positionals;
  const app = openApp();
  try {
    const result = await allPages<Explained & { principal: { arn: string; type: string }; path?: StepJson[] }>(
      app,
      values.transitive ? WHO_CAN_TRANSITIVE : WHO_CAN,
      'whoCan',
      {
        action,
        resource,
        context: contextEntries(values.context),
        includeConditional: Boolean(values['include-conditional']),
        snapshot: wholeNumber(values.snapshot, '--snapshot') ?? null,
      },
    );
    if (values.json) {
      printJson(result);
      return 0;
    }
    const rows = result.edges.map(({ node }) => [
      node.principal.arn,
      node.principal.type,
      node.conditional ? `if ${node.missingContextKeys.join(', ')}` : 'yes',
      node.path?.length ? `through ${chain(node.path)}; then ${describeStatements(node.matchedStatements)}` : describeStatements(node.matchedStatements),
    ]);
    for (const w of result.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
    if (result.evaluatedResourceType) process.stdout.write(`evaluated as: ${result.evaluatedResourceType}\n`);
    process.stdout.write(`${table(['PRINCIPAL', 'TYPE', 'ALLOWED', 'HOW'], rows)}\n${result.totalCount} principal(s) can ${action} on ${resource}\n`);
    const chains = result.edges.filter(({ node }) => node.path?.length);
    if (chains.length > 0) {
      process.stdout.write('\nthrough role chains:\n');
      for (const { node } of chains) process.stdout.write(`${node.principal.arn}\n  ${chain(node.path!)}\n${describeSteps(node.path!)}\n`);
    }
    return 0;
  } finally {
    app.close();
  }
}

export async function whatCan(argv: string[], openApp: () => App): Promise<number> {
  const { values, positionals } = parse(argv, ACCESS_OPTIONS);
  if (positionals.length !== 2) throw new UsageError('usage: accessql what-can PRINCIPAL_ARN RESOURCE [--context KEY=VALUE]... [--snapshot N] [--json]');
  const [principalArn, resource] = positionals;
  const app = openApp();
  try {
    const result = await allPages<Explained & { action: string; resource: string; resourceType: string }>(app, WHAT_CAN, 'whatCan', {
      principalArn,
      resource,
      context: contextEntries(values.context),
      includeConditional: Boolean(values['include-conditional']),
      snapshot: wholeNumber(values.snapshot, '--snapshot') ?? null,
    });
    if (values.json) {
      printJson(result);
      return 0;
    }
    const rows = result.edges.map(({ node }) => [
      node.action,
      node.resource === resource ? node.resourceType : `${node.resourceType} (${node.resource})`,
      node.conditional ? `if ${node.missingContextKeys.join(', ')}` : 'yes',
      describeStatements(node.matchedStatements),
    ]);
    for (const w of result.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
    process.stdout.write(`${table(['ACTION', 'ON', 'ALLOWED', 'HOW'], rows)}\n${result.totalCount} action(s) allowed to ${principalArn} on ${resource}\n`);
    return 0;
  } finally {
    app.close();
  }
}
