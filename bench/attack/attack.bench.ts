/**
 * Attack benchmark (issue 11): the CPU, memory and time-budget attacks that broke the wave-1
 * server, run against the real server (the CLI's `serve`, child process, loopback) over a generated
 * account, while a second client asks normal whoCan questions one after another.
 *
 *   node dist/bench/attack/attack.bench.js [--duration 30] [--size medium] [--seed 1] [--settle 10]
 *        [--settle-after 90] [--timeout-ms 5000] [--only TEXT] [--data DIR] [--json] [--check]
 *
 * --only runs the attacks whose name contains TEXT (e.g. "memory", "time", "cpu").
 *
 * Prints the normal client's whoCan latency (p50 / p99 / max) while the attacks run, what each
 * attack was answered (codes), and the server's RSS (VmRSS): settled before (idle --settle
 * seconds), peak during, and after: read every 5 s of idle until back within 10 % (at most
 * --settle-after seconds; V8 returns garbage pages only after its memory reducer's major GC). Targets: normal whoCan p99 < 100 ms; RSS after within 10 %
 * of before. --check exits 1 when a target is missed.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureData, dataFiles } from '../store/import.bench.js';
import { SIZES, type Size } from '../store/generate.js';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

interface Attack {
  name: string;
  /** Builds one request body (fresh values each time where the attack needs distinct inputs). */
  body: (i: number) => string;
}

const letters = (n: number) => [...n.toString(26)].map((c) => String.fromCharCode(65 + parseInt(c, 26))).join('');

function attacks(principalArn: string): Attack[] {
  const nested = (n: number) => `arn:aws:partnercentral:us-east-1:123456789012:catalog/c${'/engagement/e/resource/r/x'.repeat(n)}/template`;
  const heavyPolicy = (from: number) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': Array.from({ length: 9000 }, (_, i) => `*${(from + i).toString(36)}*`) } },
        },
      ],
    });
  const heavyPolicies = [heavyPolicy(0), heavyPolicy(9000)];
  const tagKeys = Array.from({ length: 10_000 }, (_, i) => `TAG-KEY-${letters(i)}-WITH-SOME-LENGTH-TO-SCAN`);
  const q = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  return [
    // CPU: ARN typing (6 KB nested partnercentral ARN, and one just within the length limit).
    { name: 'cpu: 6 KB nested ARN', body: () => q('query($r: String!) { whoCan(action: "s3:GetObject", resource: $r) { totalCount } }', { r: nested(240) }) },
    {
      name: 'cpu: 2 KB nested ARN',
      body: () => q('query($r: String!) { whoCan(action: "partnercentral:GetOpportunity", resource: $r) { totalCount } }', { r: nested(75) }),
    },
    // Memory: distinct 7 MB resource ARNs; 10,000 made-up actions; distinct 2 KB ARNs in a simulation.
    {
      name: 'memory: 7 MB ARN',
      body: (i) =>
        q('query($r: String!) { whoCan(action: "s3:GetObject", resource: $r) { totalCount } }', {
          r: `arn:aws:s3:::b${i}/${String.fromCharCode(97 + (i % 26)).repeat(7 * 1024 * 1024 - 40)}`,
        }),
    },
    {
      name: 'memory: 10,000 made-up actions',
      body: (i) =>
        q('query($p: String!, $a: [String!]!) { simulatePrincipalPolicy(principalArn: $p, actions: $a) { results { decision } } }', {
          p: principalArn,
          a: Array.from({ length: 10_000 }, (_, k) => `made${i}x${k}:Action${k}`),
        }),
    },
    {
      name: 'memory: 2 KB ARNs ×1000',
      body: (i) =>
        q(
          'query($p: String!, $r: [String!]!) { simulatePrincipalPolicy(principalArn: $p, actions: ["s3:GetObject"], resources: $r) { results { decision } } }',
          { p: principalArn, r: Array.from({ length: 1000 }, (_, k) => `arn:aws:s3:::b${i}-${k}/${'k'.repeat(2000)}`) },
        ),
    },
    // Time budget: one evaluation of 18,000 patterns × 10,000 values; a big context on stored principals.
    {
      name: 'time: 18,000 patterns × 10,000 values',
      body: () =>
        q(
          'query($p: [String!]!, $v: [String!]!) { simulateCustomPolicy(input: {policies: $p, actions: ["s3:GetObject"], context: [{key: "aws:TagKeys", values: $v}]}) { results { decision } } }',
          { p: heavyPolicies, v: tagKeys },
        ),
    },
    {
      name: 'time: whoCan with 10,000 context values',
      body: () =>
        q(
          'query($v: [String!]!) { whoCan(action: "s3:GetObject", resource: "arn:aws:s3:::data-bucket/k", includeConditional: true, context: [{key: "aws:TagKeys", values: $v}]) { totalCount } }',
          { v: tagKeys },
        ),
    },
  ];
}

function post(url: string, body: string, agent: http.Agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function outcome(r: { status: number; text: string }): string {
  try {
    const body = JSON.parse(r.text);
    return body.errors?.[0]?.extensions?.code ?? (body.data ? 'ok' : `HTTP ${r.status}`);
  } catch {
    return `HTTP ${r.status} (not JSON)`;
  }
}

async function main(): Promise<void> {
  const duration = Number(arg('duration', '30'));
  const settle = Number(arg('settle', '10'));
  const size = arg('size', 'medium') as Size;
  const seed = Number(arg('seed', '1'));
  const timeoutMs = arg('timeout-ms', '5000');
  if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const json = process.argv.includes('--json');
  const log = (s: string) => process.stderr.write(`${s}\n`);

  const dir = ensureData(size, seed, arg('data', path.join(os.tmpdir(), 'accessql-bench')));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-attack-'));
  const dbFile = path.join(work, 'attack.db');
  let server: TestServer | undefined;
  const normalAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const attackAgent = new http.Agent({ keepAlive: true });
  try {
    const files = dataFiles(dir);
    log(`importing ${size} (${files.length} files)…`);
    const imported = await new Promise<number | null>((resolve) => {
      const c = spawn(process.execPath, [CLI, 'import', '--db', dbFile, ...files], { stdio: ['ignore', 'ignore', 'inherit'] });
      c.once('exit', resolve);
    });
    if (imported !== 0) throw new Error(`import failed (${imported})`);
    server = await startTestServer({ dbFile, env: { NODE_ENV: 'production', ACCESSQL_REQUEST_TIMEOUT_MS: timeoutMs } });
    const { url } = server;
    const pid = server.child.pid!;
    log(`server ${url} (pid ${pid})`);

    const found = JSON.parse(
      (
        await post(
          url,
          JSON.stringify({
            query: '{ principals(first: 1, filter: {type: USER}) { edges { node { arn } } } resources(first: 50) { edges { node { arn } } } }',
          }),
          normalAgent,
        )
      ).text,
    );
    const user = found.data.principals.edges[0].node.arn as string;
    const connect =
      (found.data.resources.edges as { node: { arn: string } }[]).map((e) => e.node.arn).find((a) => a.startsWith('arn:aws:connect:')) ??
      'arn:aws:connect:us-east-1:123456789012:instance/x';
    const normal = [
      JSON.stringify({
        query:
          'query($r: String!) { whoCan(action: "connect:DescribeInstance", resource: $r, first: 20) { totalCount edges { node { principal { arn } decision } } } }',
        variables: { r: connect },
      }),
      JSON.stringify({
        query:
          '{ whoCan(action: "s3:GetObject", resource: "arn:aws:s3:::data-bucket/reports/q1.csv", includeConditional: true, first: 20) { totalCount edges { node { principal { arn } conditional } } } }',
      }),
    ];
    // Warm-up: the index is built, the answers cached as they would be in use.
    // (The first one builds the index, which may take longer than the budget on a busy machine: retried.)
    for (let i = 0, failures = 0; i < 50; i++) {
      const r = await post(url, normal[i % normal.length]!, normalAgent);
      if (outcome(r) === 'ok') continue;
      if (++failures > 10) throw new Error(`normal request failed: ${r.text.slice(0, 300)}`);
      i--;
    }
    const idle = () => new Promise((r) => setTimeout(r, settle * 1000));
    log(`idle ${settle} s…`);
    await idle();
    const rssBefore = rssMB(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMB(pid))), 500);

    log(`attacks for ${duration} s while a second client asks whoCan…`);
    const end = Date.now() + duration * 1000;
    const only = arg('only', '');
    const list = attacks(user).filter((a) => !only || a.name.includes(only));
    const answered: Record<string, Record<string, number>> = {};
    const attackMs: Record<string, number[]> = {};
    const attacker = async (offset: number) => {
      for (let i = offset; Date.now() < end; i += 2) {
        const a = list[i % list.length]!;
        const started = performance.now();
        let code: string;
        try {
          code = outcome(await post(url, a.body(i), attackAgent));
        } catch (e) {
          code = `socket error: ${(e as Error).message}`;
        }
        (attackMs[a.name] ??= []).push(performance.now() - started);
        const counts = (answered[a.name] ??= {});
        counts[code] = (counts[code] ?? 0) + 1;
      }
    };
    const latencies: number[] = [];
    let normalErrors = 0;
    const victim = async () => {
      for (let i = 0; Date.now() < end; i++) {
        const started = performance.now();
        const r = await post(url, normal[i % normal.length]!, normalAgent);
        latencies.push(performance.now() - started);
        if (outcome(r) !== 'ok') normalErrors++;
      }
    };
    await Promise.all([attacker(0), attacker(1), victim()]);
    clearInterval(sampler);
    // V8 gives the attacks' garbage back only after a major GC, which its memory reducer runs
    // some time after allocation stops: RSS is read every 5 s until it is back within 10 % of the
    // starting figure, for at most --settle-after seconds.
    const settleAfter = Number(arg('settle-after', '90'));
    log(`idle until RSS is back within 10 % (at most ${settleAfter} s)…`);
    const rssAtEnd = rssMB(pid);
    let rssAfter = rssAtEnd;
    let settledAfterS = 0;
    while (settledAfterS < settleAfter && (rssAfter - rssBefore) / rssBefore > 0.1) {
      await new Promise((r) => setTimeout(r, 5000));
      settledAfterS += 5;
      rssAfter = rssMB(pid);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const growth = (rssAfter - rssBefore) / rssBefore;
    const summary = {
      size,
      duration,
      timeoutMs: Number(timeoutMs),
      normalWhoCan: {
        requests: latencies.length,
        errors: normalErrors,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: percentile(sorted, 100),
      },
      attacks: Object.fromEntries(Object.entries(answered).map(([k, v]) => [k, { answers: v, maxMs: Math.round(Math.max(...attackMs[k]!)) }])),
      rssMB: {
        before: rssBefore,
        peak: rssPeak,
        atEndOfAttacks: rssAtEnd,
        after: rssAfter,
        afterIdleSeconds: settledAfterS,
        growthPercent: Math.round(growth * 1000) / 10,
      },
    };
    const targets = { normalP99Under100ms: summary.normalWhoCan.p99 < 100 && normalErrors === 0, rssBackWithin10Percent: growth <= 0.1 };
    if (json) process.stdout.write(JSON.stringify({ ...summary, targets }, null, 2) + '\n');
    else {
      const out = [
        `attack: ${size} account, ${duration} s, request budget ${timeoutMs} ms, 2 attackers + 1 normal client`,
        `  normal whoCan   ${latencies.length} requests, errors ${normalErrors}; latency ms p50 ${summary.normalWhoCan.p50}  p99 ${summary.normalWhoCan.p99}  max ${summary.normalWhoCan.max}`,
        ...Object.entries(summary.attacks).map(
          ([k, v]) =>
            `  ${k.padEnd(40)} ${Object.entries(v.answers)
              .map(([c, n]) => `${c} ×${n}`)
              .join(', ')}  (slowest ${v.maxMs} ms)`,
        ),
        `  server RSS MB   before ${rssBefore} (after ${settle} s idle)  peak ${rssPeak}  at the end of the attacks ${rssAtEnd}  after ${settledAfterS} s idle ${rssAfter} (${summary.rssMB.growthPercent >= 0 ? '+' : ''}${summary.rssMB.growthPercent} %)`,
        `  targets         normal p99 < 100 ms: ${targets.normalP99Under100ms ? 'yes' : 'NO'}; RSS back within 10 %: ${targets.rssBackWithin10Percent ? 'yes' : 'NO'}`,
      ];
      process.stdout.write(out.join('\n') + '\n');
    }
    if (process.argv.includes('--check') && !Object.values(targets).every(Boolean)) process.exitCode = 1;
  } finally {
    normalAgent.destroy();
    attackAgent.destroy();
    await server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`attack bench failed: ${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 1;
});
