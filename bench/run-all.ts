/**
 * `npm run bench`: every benchmark in sequence, each in its own process (so one's heap and JIT
 * state do not colour the next), with small defaults so the whole run takes a few minutes; then
 * one table of figures. Each benchmark's own file says what it measures and how.
 *
 *   node dist/bench/run-all.js [--full] [--only engine,import,history,who-can,changes,paths,load,attack,lint,workloads,ui]
 *
 * --full runs the benchmarks' own defaults (large accounts, 60 s of load): tens of minutes.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const full = argv.includes('--full');
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : undefined;

interface Row {
  benchmark: string;
  figure: string;
  value: string;
}

interface Bench {
  name: string;
  script: string;
  args: string[];
  /** Reads the --json report; without it, the benchmark's last printed lines are the rows. */
  rows?(report: any): Row[];
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(2)} ms`;

const BENCHES: Bench[] = [
  {
    name: 'engine',
    script: 'engine/evaluate.bench.js',
    args: full ? ['--json'] : ['--quick', '--json'],
    rows: (r) => [
      { benchmark: 'engine', figure: 'decisions/s (accessql)', value: n0(r.decisionsPerSecond) },
      { benchmark: 'engine', figure: 'decisions/s (iam-simulate)', value: n0(r.iamSimulateDecisionsPerSecond) },
      { benchmark: 'engine', figure: 'agreement with iam-simulate', value: `${r.agreement.agree}/${r.agreement.compared}` },
      { benchmark: 'engine', figure: 'worst pathological wildcard, 100k chars', value: ms(r.worstPathological.ms) },
    ],
  },
  {
    name: 'import',
    script: 'store/import.bench.js',
    args: full ? ['--json'] : ['--size', 'small,medium', '--json'],
    rows: (results: any[]) =>
      results.flatMap((r) => [
        { benchmark: `import ${r.size}`, figure: `import (${r.inputMB.toFixed(1)} MB, ${n0(r.statements)} statements)`, value: `${r.seconds.toFixed(2)} s` },
        { benchmark: `import ${r.size}`, figure: 'peak RSS', value: `${r.peakRssMB.toFixed(0)} MB` },
        { benchmark: `import ${r.size}`, figure: 'loadAccountModel', value: `${r.modelSeconds.toFixed(2)} s` },
      ]),
  },
  {
    name: 'history',
    script: 'store/history.bench.js',
    args: full ? ['--json'] : ['--size', 'medium', '--json'],
    rows: (r) => [
      ...r.steps.map((s: any) => ({
        benchmark: `history ${r.size}`,
        figure: `${s.step}: DB MB (growth), versions written`,
        value: `${s.dbMB.toFixed(1)} (${s.growthPercent.toFixed(2)} %), ${n0(s.entityVersionsOpened)}`,
      })),
      {
        benchmark: `history ${r.size}`,
        figure: 'loadSnapshotModel (latest) vs live load',
        value: `${r.loadSnapshotModelLatestSeconds.toFixed(2)} s vs ${r.loadAccountModelSeconds.toFixed(2)} s`,
      },
    ],
  },
  {
    name: 'who-can',
    script: 'access/who-can.bench.js',
    args: full ? ['--json'] : ['--size', 'medium', '--reps', '10', '--sim-sample', '30', '--json'],
    rows: (r) => {
      const size = full ? 'large' : 'medium';
      const b = `who-can ${size}`;
      const h = r.http?.development ?? {};
      return [
        { benchmark: b, figure: `index build (${n0(r.principals)} principals)`, value: `${r.indexBuildSeconds.toFixed(2)} s` },
        { benchmark: b, figure: 'whoCan p50 / p99 (in process)', value: `${ms(r.inProcess.whoCanP50)} / ${ms(r.inProcess.whoCanP99)}` },
        { benchmark: b, figure: 'whatCan p50 / p99 (in process)', value: `${ms(r.inProcess.whatCanP50)} / ${ms(r.inProcess.whatCanP99)}` },
        { benchmark: b, figure: 'whoCan p50 / p99 (HTTP)', value: `${ms(h.whoCanP50)} / ${ms(h.whoCanP99)}` },
        { benchmark: b, figure: 'whatCan p50 / p99 (HTTP)', value: `${ms(h.whatCanP50)} / ${ms(h.whatCanP99)}` },
        { benchmark: b, figure: 'vs iam-simulate brute force (in process)', value: `${n0(r.ratioInProcess)}×` },
        { benchmark: b, figure: 'index ≠ brute force', value: String(r.bruteForceMismatches) },
      ];
    },
  },
  {
    name: 'paths',
    script: 'access/paths.bench.js',
    args: full ? ['--json'] : ['--size', 'small', '--reps', '3', '--json'],
    rows: (r) => {
      const b = `paths ${r.size}`;
      return [
        {
          benchmark: b,
          figure: `privilegeEscalations cold (${n0(r.principals)} principals, ${n0(r.escalations)} escalating)`,
          value: `${r.coldSeconds.toFixed(2)} s`,
        },
        { benchmark: b, figure: 'privilegeEscalations cached', value: ms(r.cachedMs) },
        { benchmark: b, figure: 'whoCan(transitive) p50 / p99 (HTTP, role graph warm)', value: `${ms(r.httpTransitiveP50)} / ${ms(r.httpTransitiveP99)}` },
        { benchmark: b, figure: 'load average during the run', value: r.loadAverage.toFixed(1) },
      ];
    },
  },
  {
    name: 'load',
    script: 'load/load.bench.js',
    args: full ? ['--json'] : ['--size', 'small', '--duration', '10', '--connections', '8', '--warmup', '2', '--settle', '3', '--json'],
    rows: (r) => [
      { benchmark: `load ${r.size}`, figure: `requests/s (${r.connections} connections, ${r.duration} s)`, value: n0(r.requestsPerSecond) },
      { benchmark: `load ${r.size}`, figure: 'latency p50 / p99', value: `${r.latencyMs.p50} / ${r.latencyMs.p99} ms` },
      {
        benchmark: `load ${r.size}`,
        figure: 'errors (non-2xx + GraphQL + socket + timeouts)',
        value: String(r.non2xx + r.graphqlErrors + r.socketErrors + r.timeouts),
      },
      { benchmark: `load ${r.size}`, figure: 'server RSS growth (settled)', value: `${r.rssMB.growthPercent} %` },
    ],
  },
  {
    name: 'attack',
    script: 'attack/attack.bench.js',
    args: full ? ['--json'] : ['--size', 'small', '--duration', '10', '--settle-after', '30', '--json'],
    rows: (r) => [
      { benchmark: 'attack', figure: 'normal whoCan p50 / p99 under attack', value: `${r.normalWhoCan.p50} / ${r.normalWhoCan.p99} ms` },
      { benchmark: 'attack', figure: 'server RSS after idle vs before', value: `${r.rssMB.growthPercent} %` },
    ],
  },
  {
    name: 'changes',
    script: 'access/changes.bench.js',
    args: full ? ['--json'] : ['--size', 'medium', '--json'],
    rows: (r) => {
      const b = `changes ${r.size}`;
      return [
        { benchmark: b, figure: 'accessChanges, identical data (changes / s)', value: `${r.identical.changes} / ${r.identical.seconds.toFixed(2)} s` },
        {
          benchmark: b,
          figure: `accessChanges, 1 % of policies edited (${r.onePercent.policiesEdited} documents)`,
          value: `${r.onePercent.seconds.toFixed(2)} s, ${n0(r.onePercent.changes)} changes`,
        },
        { benchmark: b, figure: 'whatIf, 10 changes (diff + whoCan)', value: `${r.whatIf.seconds.toFixed(2)} s, ${n0(r.whatIf.changes)} changes` },
      ];
    },
  },
  { name: 'lint', script: 'lint/lint.bench.js', args: [] },
  {
    name: 'workloads',
    script: 'store/workloads.bench.js',
    args: full ? [] : ['--users', '3000', '--roles', '1000', '--instances', '2000', '--functions', '1000'],
  },
  // Needs Debian's chromium; first who-can answer in the explorer page.
  { name: 'ui', script: 'ui/first-answer.bench.js', args: full ? [] : ['--size', 'small', '--visits', '2'] },
];

const rows: Row[] = [];
let failed = 0;
for (const bench of BENCHES) {
  if (only && !only.has(bench.name)) continue;
  process.stderr.write(`\n== ${bench.name}: node ${bench.script} ${bench.args.join(' ')}\n`);
  const started = process.hrtime.bigint();
  // stderr (progress) passes through; stdout is the JSON report.
  const r = spawnSync(process.execPath, [path.join(here, bench.script), ...bench.args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    failed++;
    rows.push({ benchmark: bench.name, figure: 'FAILED', value: `exit ${r.status ?? r.signal}` });
    continue;
  }
  try {
    if (bench.rows) rows.push(...bench.rows(JSON.parse(r.stdout)));
    else {
      const lines = r.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      for (const l of lines.slice(-6)) rows.push({ benchmark: bench.name, figure: l, value: '' });
    }
  } catch (e) {
    failed++;
    rows.push({ benchmark: bench.name, figure: 'FAILED', value: `unreadable report: ${(e as Error).message}` });
  }
  rows.push({ benchmark: bench.name, figure: 'benchmark wall time', value: `${seconds.toFixed(0)} s` });
}

const widths = [
  Math.max(9, ...rows.map((r) => r.benchmark.length)),
  Math.max(6, ...rows.map((r) => r.figure.length)),
  Math.max(5, ...rows.map((r) => r.value.length)),
];
const line = (cells: string[]) => `${cells[0]!.padEnd(widths[0]!)}  ${cells[1]!.padEnd(widths[1]!)}  ${cells[2]!.padStart(widths[2]!)}`;
const out = [
  `accessql benchmarks (${full ? 'full' : 'quick'}) — Node ${process.version}, ${process.platform}/${process.arch}`,
  line(['benchmark', 'figure', 'value']),
  line(['-'.repeat(widths[0]!), '-'.repeat(widths[1]!), '-'.repeat(widths[2]!)]),
  ...rows.map((r) => line([r.benchmark, r.figure, r.value])),
];
process.stdout.write(`\n${out.join('\n')}\n`);
if (failed) process.exitCode = 1;
