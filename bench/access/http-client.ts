/**
 * The HTTP half of the whoCan/whatCan benchmark, run as its own process.
 *
 * The benchmark's main process holds a whole model and index in memory (about 1 GB on `org`):
 * timing requests from there counted that heap's garbage collection, which runs on the same two
 * cores as the server, in the server's latency — and more so for the server measured second,
 * which is why a NODE_ENV=production server measured after a development one looked slower. A
 * real client holds none of that; this one holds the questions only.
 *
 *   node dist/bench/access/http-client.js PLAN.json   (written by who-can.bench.ts; prints JSON)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '../../test/helpers/server.js';

export interface HttpPlan {
  dbFile: string;
  who: { action: string; resource: string }[];
  what: { principalArn: string; resource: string }[];
  reps: number;
  modes: string[];
}
export interface HttpFigures {
  serverPeakRssMB: number;
  firstRequestSeconds: number;
  whoCanP50: number;
  whoCanP99: number;
  whatCanP50: number;
  whatCanP99: number;
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const WHO = `query($action: String!, $resource: String!, $context: [ContextEntryInput!]) { whoCan(action: $action, resource: $resource, context: $context) {
  totalCount evaluatedResourceType
  edges { cursor node { principal { arn name type accountId } decision conditional missingContextKeys matchedStatements { policyName sid effect line column } } }
  pageInfo { hasNextPage endCursor } } }`;
const WHAT = `query($principalArn: String!, $resource: String!, $context: [ContextEntryInput!]) { whatCan(principalArn: $principalArn, resource: $resource, context: $context) {
  totalCount edges { cursor node { action decision conditional missingContextKeys matchedStatements { policyName sid effect line column } } }
  pageInfo { hasNextPage endCursor } } }`;

/** A new aws:CurrentTime on every call: every timed question is new. */
let tick = 0;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const freshContext = () => [{ key: 'aws:CurrentTime', values: [new Date(T0 + 1000 * tick++).toISOString()] }];

/** Per NODE_ENV mode: the real server (the CLI's `serve`) on the database, warmed, then every question `reps` times. */
export async function measureHttp(plan: HttpPlan): Promise<Record<string, HttpFigures>> {
  const out: Record<string, HttpFigures> = {};
  for (const mode of plan.modes) {
    const server = await startTestServer({ dbFile: plan.dbFile, env: { NODE_ENV: mode }, keepAlive: true });
    const who: number[] = [];
    const what: number[] = [];
    try {
      const t0 = performance.now();
      const first = await server.gql(WHO, plan.who[0]);
      if (first.errors) throw new Error(JSON.stringify(first.errors));
      const firstRequestSeconds = (performance.now() - t0) / 1000; // loads the model, builds the index
      for (const q of plan.who) await server.gql(WHO, q); // warm-up: per-action plans, JIT
      for (const q of plan.what) await server.gql(WHAT, q);
      const timed = async (query: string, variables: Record<string, unknown>, into: number[]) => {
        const t = performance.now();
        const res = await server.gql(query, { ...variables, context: freshContext() });
        into.push(performance.now() - t);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
      };
      for (let r = 0; r < plan.reps; r++) {
        for (const q of plan.who) await timed(WHO, q, who);
        for (const q of plan.what) await timed(WHAT, q, what);
      }
      const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
      out[mode] = {
        serverPeakRssMB: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1000,
        firstRequestSeconds,
        whoCanP50: percentile(who, 50),
        whoCanP99: percentile(who, 99),
        whatCanP50: percentile(what, 50),
        whatCanP99: percentile(what, 99),
      };
    } finally {
      await server.stop();
    }
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as HttpPlan;
  measureHttp(plan).then(
    (figures) => process.stdout.write(JSON.stringify(figures)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
