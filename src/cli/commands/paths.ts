/**
 * `accessql escalations` and `accessql paths`: access paths printed as readable chains
 * (`alice —sts:AssumeRole→ hop-role —sts:AssumeRole→ data-reader-role`), each step followed by the
 * statements that allow it. `--json` prints the GraphQL answer.
 */
import type { App } from '../../app.js';
import { NotFoundError, quoted } from '../../access/errors.js';
import { parse, UsageError } from '../args.js';
import { runOperation } from '../local-graphql.js';
import { ESCALATIONS, REACHABLE_ROLES } from '../operations.js';
import { describeStatements, printJson } from '../output.js';

export interface StepJson {
  kind: string;
  from: string;
  to: string;
  via: string | null;
  actions: string[];
  conditional: boolean;
  missingContextKeys: string[];
  missingState: string[];
  matchedStatements: { policyName: string; sid?: string | null; effect: string; line?: number | null; column?: number | null }[];
}

interface Page<N> {
  totalCount: number;
  truncated?: boolean;
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The last part of an ARN (`user/alice` → `alice`), enough to read a chain. */
export function shortName(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return slash >= 0 ? arn.slice(slash + 1) : arn;
}

/** `alice —sts:AssumeRole→ hop-role —iam:PassRole+lambda:CreateFunction→ admin-role`. */
export function chain(path: StepJson[]): string {
  if (path.length === 0) return '';
  let out = shortName(path[0].from);
  for (const s of path) {
    const label = s.actions.join('+') + (s.via && s.via !== s.to ? ` (${shortName(s.via)})` : '');
    out += ` —${label}→ ${s.to === s.from ? 'itself' : shortName(s.to)}`;
  }
  return out;
}

/** Each step on its own lines: what it does, whether it is conditional, and the statements that allow it. */
export function describeSteps(path: StepJson[], indent = '    '): string {
  return path
    .map((s, i) => {
      const cond = s.conditional
        ? ` (conditional: ${[...s.missingContextKeys, ...s.missingState].join(', ') || 'an administrator only for some context values'})`
        : '';
      return `${indent}${i + 1}. ${s.kind} ${s.from} → ${s.to}${s.via ? ` via ${s.via}` : ''}${cond}\n${indent}   ${s.actions.join(', ')}: ${describeStatements(s.matchedStatements)}`;
    })
    .join('\n');
}

async function allPages<N>(fetch: (after: string | null) => Promise<Page<N>>): Promise<Page<N>> {
  let after: string | null = null;
  let merged: Page<N> | undefined;
  do {
    const page: Page<N> = await fetch(after);
    merged = merged ? { ...page, edges: [...merged.edges, ...page.edges] } : page;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return merged;
}

type EscalationJson = { principal: { arn: string; type: string }; reaches: string; conditional: boolean; path: StepJson[] };

export async function escalations(argv: string[], openApp: () => App): Promise<number> {
  const { values, positionals } = parse(argv, { principal: { type: 'string' }, json: { type: 'boolean' } } as const);
  if (positionals.length !== 0) throw new UsageError('usage: accessql escalations [--principal ARN] [--json]');
  const app = openApp();
  try {
    const result = await allPages<EscalationJson>(async (after) => {
      const data: { privilegeEscalations: Page<EscalationJson> } = await runOperation(app, ESCALATIONS, {
        principalArn: values.principal ?? null,
        first: 500,
        after,
      });
      return data.privilegeEscalations;
    });
    if (values.json) {
      printJson(result);
      return 0;
    }
    for (const { node } of result.edges) {
      const reaches = node.reaches === node.principal.arn ? 'makes itself an administrator' : `reaches administrator ${node.reaches}`;
      process.stdout.write(`${node.principal.arn} ${reaches}${node.conditional ? ' (conditional)' : ''}\n  ${chain(node.path)}\n${describeSteps(node.path)}\n`);
    }
    if (result.truncated) process.stderr.write('warning: the search hit its bounds (8 steps, 50,000 principals expanded); longer paths were not followed\n');
    process.stdout.write(`${result.totalCount} principal(s) can become an administrator\n`);
    return 0;
  } finally {
    app.close();
  }
}

type ReachableJson = { role: { arn: string }; path: StepJson[] };

export async function paths(argv: string[], openApp: () => App): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } } as const);
  if (positionals.length !== 1) throw new UsageError('usage: accessql paths FROM_ARN [--json]');
  const [arn] = positionals;
  const app = openApp();
  try {
    const result = await allPages<ReachableJson>(async (after) => {
      const data: { principal: { reachableRoles: Page<ReachableJson> } | null } = await runOperation(app, REACHABLE_ROLES, { arn, first: 500, after });
      if (!data.principal) throw new NotFoundError(`No stored user or role has the ARN ${quoted(arn)}`);
      return data.principal.reachableRoles;
    });
    const escalation = await runOperation<{ privilegeEscalations: Page<EscalationJson> }>(app, ESCALATIONS, { principalArn: arn, first: 1, after: null });
    const esc = escalation.privilegeEscalations.edges[0]?.node ?? null;
    if (values.json) {
      printJson({ reachableRoles: result, escalation: esc });
      return 0;
    }
    for (const { node } of result.edges) process.stdout.write(`${node.role.arn}\n  ${chain(node.path)}\n${describeSteps(node.path)}\n`);
    process.stdout.write(`${result.totalCount} role(s) reachable from ${arn}\n`);
    if (esc) {
      const reaches = esc.reaches === arn ? 'makes itself an administrator' : `reaches administrator ${esc.reaches}`;
      process.stdout.write(`escalation: ${reaches}${esc.conditional ? ' (conditional)' : ''}\n  ${chain(esc.path)}\n${describeSteps(esc.path)}\n`);
    }
    return 0;
  } finally {
    app.close();
  }
}
