/**
 * Access paths benchmark on a generated account (bench/store/generate.ts):
 *
 *  1. import the account (cached files under --data, default /tmp/accessql-bench) into a fresh
 *     database, build the access index;
 *  2. privilegeEscalations in process: cold (the principal graph, administrators and the search
 *     from nothing) and cached (the same question again), with the engine evaluations counted;
 *  3. whoCan(transitive: true) over HTTP against the real server (the CLI's `serve` on port 0): a
 *     fixed set of questions drawn (seeded) from the account's actions on resources and roles,
 *     each timed request new (aws:CurrentTime one second later each time); the first round
 *     warms the role graph, the next rounds give p50 / p99; and privilegeEscalations over HTTP,
 *     cold then cached.
 *
 *   node dist/bench/access/paths.bench.js [--size large|medium|small|org] [--seed 1] [--data DIR] [--reps 5] [--json]
 *
 * Targets (issue 14): large — privilegeEscalations < 30 s cold, < 1 s cached; whoCan(transitive)
 * p50 < 50 ms over HTTP. org — privilegeEscalations < 3 minutes cold.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { App } from '../../src/app.js';
import { startTestServer } from '../../test/helpers/server.js';
import { ensureData, readDataFiles } from '../store/import.bench.js';
import { prng, SIZES, type Size } from '../store/generate.js';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const size = (arg('size') ?? 'large') as Size | 'org';
if (!(size in SIZES) && size !== 'org') throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}, org`);
const seed = Number(arg('seed') ?? 1);
const dataDir = arg('data') ?? path.join(os.tmpdir(), 'accessql-bench');
const REPS = Number(arg('reps') ?? 5);
const QUESTIONS = 20;
const log = (s: string) => process.stderr.write(`${s}\n`);

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
/** Wall time and this process's CPU time (user + system: the VM is shared, wall time alone says little). */
function timeMs<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (c.user + c.system) / 1000, value };
}

const dir = ensureData(size, seed, dataDir);
const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-paths-bench-')), 'bench.db');
{
  const store = openStore(dbFile);
  const files = readDataFiles(dir);
  const t = timeMs(() => importFiles(store, files));
  log(`imported ${size} in ${(t.ms / 1000).toFixed(1)} s`);
  store.close();
}

const app = App.open({ dbFile, seedIfNew: false });
const indexBuild = timeMs(() => app.accessIndex());
log(`access index: ${(indexBuild.ms / 1000).toFixed(1)} s, ${indexBuild.value.principals.length} principals`);
const paths = app.accessPaths();
const cold = timeMs(() => paths.escalations());
const coldEvaluations = paths.graph.evaluations;
const cached = timeMs(() => paths.escalations());
const cachedEvaluations = paths.graph.evaluations - coldEvaluations;
const administrators = paths.graph.administrators().length;
log(
  `privilegeEscalations: cold ${(cold.ms / 1000).toFixed(2)} s (${(cold.cpuMs / 1000).toFixed(2)} s of CPU, ${coldEvaluations} engine questions), cached ${cached.ms.toFixed(2)} ms (${cachedEvaluations} new); ${cold.value.list.length} escalating, ${administrators} administrators, truncated ${cold.value.truncated}`,
);
const kinds: Record<string, number> = {};
for (const e of cold.value.list) for (const s of e.path) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;

// Questions: actions the principals' policies name, on "*" and on the account's roles.
const rnd = prng(seed * 7919);
const index = app.accessIndex();
const roles = index.principals.filter((p) => !p.external && p.model.type === 'ROLE');
const actions = [
  's3:GetObject',
  'ec2:DescribeInstances',
  'dynamodb:GetItem',
  'connect:DescribeUser',
  'iam:GetRole',
  'logs:PutLogEvents',
  'lambda:InvokeFunction',
];
const questions: { action: string; resource: string }[] = [];
while (questions.length < QUESTIONS) {
  const role = roles[Math.floor(rnd() * roles.length)];
  questions.push(
    rnd() < 0.5 ? { action: actions[Math.floor(rnd() * actions.length)], resource: '*' } : { action: 'iam:PassRole', resource: role ? role.model.arn : '*' },
  );
}
const inProcess: number[] = [];
const inProcessCpu: number[] = [];
const warm = timeMs(() => {
  for (const q of questions) paths.whoCanTransitive(q.action, q.resource, undefined);
});
for (const q of questions) {
  const t = timeMs(() => paths.whoCanTransitive(q.action, q.resource, undefined));
  inProcess.push(t.ms);
  inProcessCpu.push(t.cpuMs);
}
app.close();

const server = await startTestServer({ dbFile, keepAlive: true, env: { ACCESSQL_REQUEST_TIMEOUT_MS: '600000' } });
let tick = 0;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const fresh = () => [{ key: 'aws:CurrentTime', values: [new Date(T0 + 1000 * tick++).toISOString()] }];
const WHO = `query($a: String!, $r: String!, $c: [ContextEntryInput!]) { whoCan(action: $a, resource: $r, context: $c, transitive: true, first: 100) { totalCount edges { node { principal { arn } path { kind from to } } } } }`;
const ESC = `{ privilegeEscalations(first: 100) { totalCount truncated edges { node { principal { arn } reaches path { kind from to } } } } }`;
async function ask(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  const t0 = process.hrtime.bigint();
  const r = await server.gql(query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const httpEscCold = await ask(ESC);
const httpEscCached = await ask(ESC);
const httpWarm = [];
for (const q of questions) httpWarm.push(await ask(WHO, { a: q.action, r: q.resource, c: fresh() }));
const http: number[] = [];
for (let rep = 0; rep < REPS; rep++) for (const q of questions) http.push(await ask(WHO, { a: q.action, r: q.resource, c: fresh() }));
await server.stop();
fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });

const report = {
  size,
  principals: index.principals.length,
  loadAverage: os.loadavg()[0],
  cpus: os.cpus().length,
  indexBuildSeconds: indexBuild.ms / 1000,
  escalations: cold.value.list.length,
  administrators,
  stepKinds: kinds,
  truncated: cold.value.truncated,
  coldSeconds: cold.ms / 1000,
  coldCpuSeconds: cold.cpuMs / 1000,
  coldEngineQuestions: coldEvaluations,
  cachedMs: cached.ms,
  cachedEngineQuestions: cachedEvaluations,
  transitiveWarmupSeconds: warm.ms / 1000,
  transitiveWarmupCpuSeconds: warm.cpuMs / 1000,
  transitiveInProcessCpuP50: percentile(inProcessCpu, 50),
  transitiveInProcessP50: percentile(inProcess, 50),
  transitiveInProcessP99: percentile(inProcess, 99),
  httpEscalationsColdSeconds: httpEscCold / 1000,
  httpEscalationsCachedMs: httpEscCached,
  httpTransitiveFirstRoundP50: percentile(httpWarm, 50),
  httpTransitiveP50: percentile(http, 50),
  httpTransitiveP99: percentile(http, 99),
};
if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
else {
  const f = (x: number) => x.toFixed(2);
  process.stdout.write(
    [
      `paths ${size}: ${report.principals} principals, ${report.administrators} administrators, ${report.escalations} escalating (${JSON.stringify(kinds)})`,
      `machine: ${report.cpus} CPUs, load average ${f(report.loadAverage)}`,
      `privilegeEscalations in process: cold ${f(report.coldSeconds)} s wall, ${f(report.coldCpuSeconds)} s of CPU (${report.coldEngineQuestions} engine questions), cached ${f(report.cachedMs)} ms (${report.cachedEngineQuestions})`,
      `privilegeEscalations over HTTP: cold ${f(report.httpEscalationsColdSeconds)} s, cached ${f(report.httpEscalationsCachedMs)} ms`,
      `whoCan(transitive) in process: first round ${f(report.transitiveWarmupSeconds)} s (${f(report.transitiveWarmupCpuSeconds)} s of CPU), then p50 ${f(report.transitiveInProcessP50)} ms (CPU p50 ${f(report.transitiveInProcessCpuP50)} ms), p99 ${f(report.transitiveInProcessP99)} ms`,
      `whoCan(transitive) over HTTP: first round p50 ${f(report.httpTransitiveFirstRoundP50)} ms; then p50 ${f(report.httpTransitiveP50)} ms, p99 ${f(report.httpTransitiveP99)} ms`,
    ].join('\n') + '\n',
  );
}
