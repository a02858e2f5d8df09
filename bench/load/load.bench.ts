/**
 * Load benchmark: the real server (the CLI's `serve`, a child process on loopback, port 0) over a
 * generated account, driven by autocannon with a fixed mix of requests: whoCan, whatCan,
 * simulateCustomPolicy, and principals / policies browsing.
 *
 *   node dist/bench/load/load.bench.js [--duration 60] [--connections 16] [--size medium] [--seed 1]
 *        [--warmup 5] [--settle 10] [--data DIR] [--json] [--check]
 *
 * Prints requests/s, p50 / p99 latency, non-2xx and GraphQL-error counts, and the server's RSS
 * (VmRSS from /proc/<pid>/status): settled before (after warm-up and --settle idle seconds) and
 * settled after the run (the same idle wait), and the peak sampled every second during the run.
 * Under load V8 lets the old generation grow to a few times the live set before a major GC, so
 * an RSS read in the middle of the run lands anywhere on that sawtooth; the settled readings
 * (V8's memory reducer collects once allocation stops) are what a leak would show in.
 * Targets (medium, 16 connections, 60 s): zero errors, RSS growth ≤ 10 %, p99 < 100 ms.
 * --check exits 1 when a target is missed.
 *
 * Bounded: fixed duration and connections, loopback only; the server is stopped at the end.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureData, dataFiles } from '../store/import.bench.js';
import { SIZES, type Size } from '../store/generate.js';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');

// autocannon ships no types; the part used here.
interface CannonRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
  onResponse?: (status: number, body: string) => void;
}
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>, cb?: (err: Error | null, result: CannonResult) => void) => unknown;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
}

async function gql(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function run(opts: Record<string, unknown>): Promise<CannonResult> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

async function main(): Promise<void> {
  const duration = Number(arg('duration', '60'));
  const connections = Number(arg('connections', '16'));
  const warmup = Number(arg('warmup', '5'));
  const settle = Number(arg('settle', '10'));
  const size = arg('size', 'medium') as Size;
  const seed = Number(arg('seed', '1'));
  if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  if (!(duration > 0 && duration <= 3600) || !(connections > 0 && connections <= 256)) throw new Error('--duration 1-3600, --connections 1-256');
  const json = process.argv.includes('--json');
  const log = (s: string) => process.stderr.write(`${s}\n`);

  const dataDir = arg('data', path.join(os.tmpdir(), 'accessql-bench'));
  const dir = ensureData(size, seed, dataDir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-load-'));
  const dbFile = path.join(work, 'load.db');
  let server: TestServer | undefined;
  try {
    const files = dataFiles(dir);
    log(`importing ${size} (${files.length} files)…`);
    const imported = await new Promise<number | null>((resolve) => {
      const c = spawn(process.execPath, [CLI, 'import', '--db', dbFile, ...files], { stdio: ['ignore', 'ignore', 'inherit'] });
      c.once('exit', resolve);
    });
    if (imported !== 0) throw new Error(`import failed (${imported})`);

    server = await startTestServer({ dbFile, env: { NODE_ENV: 'production' } });
    const { url } = server;
    const pid = server.child.pid!;
    log(`server ${url} (pid ${pid})`);

    // Pick the questions from the account itself (deterministic: first items in ARN order).
    const found = await gql(
      url,
      '{ u: principals(first: 5, filter: {type: USER}) { edges { node { arn type } } } r: principals(first: 5, filter: {type: ROLE}) { edges { node { arn type } } } }',
    );
    const principals = [...found.u.edges, ...found.r.edges].map((e: any) => e.node);
    const resources = (await gql(url, '{ resources(first: 500) { edges { node { arn } } } }')).resources.edges.map((e: any) => e.node.arn as string);
    const connect = resources.filter((a: string) => a.startsWith('arn:aws:connect:'));
    const pick = <T>(xs: T[], i: number) => xs[i % xs.length];
    const user = principals.find((p: any) => p.type === 'USER')?.arn ?? principals[0].arn;
    const role = principals.find((p: any) => p.type === 'ROLE')?.arn ?? principals[1].arn;
    const contactResource = (pick(connect, 0) ?? 'arn:aws:connect:us-east-1:123456789012:instance/x') as string;
    const otherConnect = (pick(
      connect.filter((a: string) => !a.includes('/', a.indexOf('instance/') + 9)),
      1,
    ) ?? contactResource) as string;
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['connect:Describe*', 'connect:List*', 's3:GetObject'], Resource: '*' },
        {
          Sid: 'Recording',
          Effect: 'Allow',
          Action: 'connect:*ContactRecording',
          Resource: 'arn:aws:connect:*:*:instance/*/contact/*',
          Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
        },
        { Sid: 'NoDelete', Effect: 'Deny', Action: ['connect:Delete*', 's3:DeleteObject'], Resource: '*' },
      ],
    });
    const mix: { name: string; query: string; variables?: Record<string, unknown> }[] = [
      {
        name: 'whoCan',
        query:
          'query($r: String!) { whoCan(action: "connect:DescribeInstance", resource: $r, first: 20) { totalCount edges { node { principal { arn } decision matchedStatements { policyName sid } } } } }',
        variables: { r: contactResource },
      },
      {
        name: 'whoCan',
        query:
          'query { whoCan(action: "s3:GetObject", resource: "arn:aws:s3:::data-bucket/reports/q1.csv", includeConditional: true, first: 20) { totalCount edges { node { principal { arn } conditional missingContextKeys } } } }',
      },
      {
        name: 'whatCan',
        query: 'query($p: String!, $r: String!) { whatCan(principalArn: $p, resource: $r) { totalCount edges { node { action decision } } } }',
        variables: { p: user, r: otherConnect },
      },
      {
        name: 'whatCan',
        query:
          'query($p: String!, $r: String!) { whatCan(principalArn: $p, resource: $r, includeConditional: true) { totalCount edges { node { action conditional } } } }',
        variables: { p: role, r: contactResource },
      },
      {
        name: 'simulate',
        query:
          'query($p: String!) { simulateCustomPolicy(input: {policies: [$p], actions: ["connect:DescribeInstance", "connect:StartContactRecording", "connect:DeleteContactFlow", "s3:GetObject"], resources: ["arn:aws:connect:us-east-1:123456789012:instance/abc/contact/def", "*"], context: [{key: "aws:PrincipalTag/team", values: ["voice"]}]}) { results { action resource decision missingContextKeys } } }',
        variables: { p: policy },
      },
      {
        name: 'principals',
        query:
          'query($after: String) { principals(first: 50, after: $after) { totalCount edges { cursor node { arn name type tags { key value } } } pageInfo { hasNextPage endCursor } } }',
      },
      {
        name: 'policies',
        query: '{ policies(first: 50) { totalCount edges { node { id name arn kind attachmentCount } } pageInfo { hasNextPage endCursor } } }',
      },
      {
        name: 'principal',
        query: 'query($a: String!) { principal(arn: $a) { arn name groups { name } policies { policy { name kind } } } }',
        variables: { a: user },
      },
    ];
    // Each request must succeed once before the run: the mix measures answers, not refusals.
    for (const m of mix) await gql(url, m.query, m.variables);

    const counts: Record<string, { n: number; graphqlErrors: number }> = {};
    let graphqlErrors = 0;
    let firstError = '';
    const requests: CannonRequest[] = mix.map((m) => ({
      method: 'POST',
      path: new URL(url).pathname,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: m.query, variables: m.variables }),
      onResponse: (_status: number, body: string) => {
        const c = (counts[m.name] ??= { n: 0, graphqlErrors: 0 });
        c.n++;
        if (body.includes('"errors"')) {
          c.graphqlErrors++;
          graphqlErrors++;
          if (!firstError) firstError = `${m.name}: ${body.slice(0, 300)}`;
        }
      },
    }));
    const target = new URL(url);
    const base = { url: `${target.protocol}//${target.host}`, connections, requests, timeout: 10 };

    log(`warm-up ${warmup} s…`);
    await run({ ...base, duration: warmup });
    for (const k of Object.keys(counts)) delete counts[k];
    graphqlErrors = 0;
    firstError = '';
    const idle = () => new Promise((r) => setTimeout(r, settle * 1000));
    log(`idle ${settle} s…`);
    await idle();
    const rssBefore = rssMB(pid);
    log(`run ${duration} s, ${connections} connections…`);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMB(pid));
    }, 1000);
    const result = await run({ ...base, duration });
    clearInterval(sampler);
    const rssEnd = rssMB(pid);
    log(`idle ${settle} s…`);
    await idle();
    const rssAfter = rssMB(pid);
    const growth = (rssAfter - rssBefore) / rssBefore;

    const summary = {
      size,
      duration,
      connections,
      requestsPerSecond: Math.round(result.requests.average),
      totalRequests: result.requests.total,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, average: result.latency.average },
      non2xx: result.non2xx,
      socketErrors: result.errors,
      timeouts: result.timeouts,
      graphqlErrors,
      rssMB: { before: rssBefore, after: rssAfter, growthPercent: Math.round(growth * 1000) / 10, peakDuringRun: rssPeak, atEndOfRun: rssEnd },
      mix: counts,
      firstError: firstError || undefined,
    };
    const targets = {
      zeroErrors: result.non2xx === 0 && result.errors === 0 && result.timeouts === 0 && graphqlErrors === 0,
      rssGrowthAtMost10Percent: growth <= 0.1,
      p99Under100ms: result.latency.p99 < 100,
    };
    if (json) {
      process.stdout.write(JSON.stringify({ ...summary, targets }, null, 2) + '\n');
    } else {
      const out = [
        `load: ${size} account, ${connections} connections, ${duration} s`,
        `  requests/s      ${summary.requestsPerSecond} (${summary.totalRequests} requests)`,
        `  latency ms      p50 ${summary.latencyMs.p50}  p90 ${summary.latencyMs.p90}  p99 ${summary.latencyMs.p99}  max ${summary.latencyMs.max}`,
        `  errors          non-2xx ${summary.non2xx}  GraphQL ${graphqlErrors}  socket ${result.errors}  timeouts ${result.timeouts}`,
        `  server RSS MB   before ${rssBefore}  after ${rssAfter}  (${summary.rssMB.growthPercent >= 0 ? '+' : ''}${summary.rssMB.growthPercent} %; settled ${settle} s idle each)  peak during run ${rssPeak}, at its end ${rssEnd}`,
        `  mix             ${Object.entries(counts)
          .map(([k, v]) => `${k} ${v.n}`)
          .join(', ')}`,
        `  targets         zero errors: ${targets.zeroErrors ? 'yes' : 'NO'}; RSS growth ≤ 10 %: ${targets.rssGrowthAtMost10Percent ? 'yes' : 'NO'}; p99 < 100 ms: ${targets.p99Under100ms ? 'yes' : 'NO'}`,
      ];
      if (firstError) out.push(`  first error     ${firstError}`);
      process.stdout.write(out.join('\n') + '\n');
    }
    if (process.argv.includes('--check') && !Object.values(targets).every(Boolean)) process.exitCode = 1;
  } finally {
    await server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`load bench failed: ${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 1;
});
