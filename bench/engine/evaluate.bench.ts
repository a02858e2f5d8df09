/**
 * Engine benchmark: decisions per second for realistic ~30-statement principals (connect / s3 /
 * iam / ec2, wildcards, NotAction, tag conditions, policy variables), accessql vs
 * @cloud-copilot/iam-simulate (devDependency, AGPL — used only from bench/ and test/), plus the
 * worst time of pathological wildcard patterns against a 100,000-character string.
 *
 * Run: npx tsc -p tsconfig.json && node dist/bench/engine/evaluate.bench.js [--quick] [--json]
 */
import { evaluate, type PolicySet } from '../../src/engine/evaluate.js';
import type { EvaluationRequest } from '../../src/engine/types.js';
import { compileGlob, compileGlobLower } from '../../src/util/wildcard.js';
import { principalOf, requestOf, rng, type GenRequest } from '../../test/engine/generate.js';
import { simulateWithIamSimulate, toPolicySet, toRequest, type Scenario } from '../../test/engine/adapters.js';

const quick = process.argv.includes('--quick');
const PRINCIPALS = 200;
const REQUESTS_PER_PRINCIPAL = 50;
const STATEMENTS = 30;

interface Case {
  scenario: Scenario;
  set: PolicySet;
  gen: GenRequest;
  request: EvaluationRequest;
}

function build(): Case[] {
  const r = rng(2024);
  const cases: Case[] = [];
  for (let i = 0; i < PRINCIPALS; i++) {
    const principal = principalOf(r, i, STATEMENTS, i % 5 === 0);
    const scenario: Scenario = { principal };
    const set = toPolicySet(scenario); // compiled once per principal
    for (let j = 0; j < REQUESTS_PER_PRINCIPAL; j++) {
      const gen = requestOf(r, principal);
      cases.push({ scenario, set, gen, request: toRequest(scenario, gen) });
    }
  }
  return cases;
}

function timeAccessql(cases: Case[], minMs: number): { perSecond: number; allowed: number } {
  let allowed = 0;
  for (let w = 0; w < 3; w++) for (const c of cases) evaluate(c.request, c.set); // JIT warm-up
  let n = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const c of cases) if (evaluate(c.request, c.set).decision === 'ALLOWED') allowed++;
    n += cases.length;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return { perSecond: (n / elapsed) * 1000, allowed };
}

function timeIamSimulate(cases: Case[]): { perSecond: number } {
  for (const c of cases.slice(0, 50)) simulateWithIamSimulate(c.scenario, c.gen); // warm-up
  const t0 = process.hrtime.bigint();
  for (const c of cases) simulateWithIamSimulate(c.scenario, c.gen);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { perSecond: (cases.length / ms) * 1000 };
}

function agreement(cases: Case[]): { compared: number; agree: number; wildcardResourceDiffs: number } {
  let compared = 0;
  let agree = 0;
  let wildcardResourceDiffs = 0;
  for (const c of cases) {
    const ours = evaluate(c.request, c.set).decision;
    const theirs = simulateWithIamSimulate(c.scenario, c.gen);
    compared++;
    if (ours === theirs) agree++;
    else if (c.gen.resource === '*') wildcardResourceDiffs++;
  }
  return { compared, agree, wildcardResourceDiffs };
}

function pathological(): { pattern: string; ms: number }[] {
  const text = 'a'.repeat(100_000);
  const patterns = [
    'a*a*a*a*a*a*a*a*b',
    '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b*',
    '*a?a?a?a?a?a?a?b*',
    '*' + 'a?'.repeat(20) + 'b*',
    '*' + 'a'.repeat(60) + 'b*',
    '*?'.repeat(50) + 'b',
    '?'.repeat(99_999) + 'b',
    'arn:*:*:*:*:' + '*a'.repeat(30) + 'b',
  ];
  const out: { pattern: string; ms: number }[] = [];
  for (const p of patterns) {
    for (const ci of [false, true]) {
      const m = ci ? compileGlobLower(p) : compileGlob(p);
      let best = Infinity;
      let worst = 0;
      for (let i = 0; i < 30; i++) {
        const t0 = process.hrtime.bigint();
        m(text);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        best = Math.min(best, ms);
        if (i >= 5) worst = Math.max(worst, ms); // after JIT warm-up
      }
      out.push({ pattern: (ci ? '[ci] ' : '') + (p.length > 48 ? p.slice(0, 45) + '...' : p), ms: worst });
      void best;
    }
  }
  return out;
}

function main(): void {
  const cases = build();
  const subset = cases.filter((_, i) => i % (quick ? 20 : 5) === 0);
  const ours = timeAccessql(cases, quick ? 500 : 3000);
  const theirs = timeIamSimulate(subset);
  const agree = agreement(subset.slice(0, 1000));
  const patho = pathological();
  const worst = patho.reduce((a, b) => (b.ms > a.ms ? b : a));
  if (process.argv.includes('--json')) {
    const report = {
      decisionsPerSecond: ours.perSecond,
      iamSimulateDecisionsPerSecond: theirs.perSecond,
      ratio: ours.perSecond / theirs.perSecond,
      agreement: agree,
      worstPathological: worst,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`accessql engine benchmark — ${PRINCIPALS} principals × ${REQUESTS_PER_PRINCIPAL} requests, ~${STATEMENTS} statements each`);
  console.log(`  accessql:      ${fmt(ours.perSecond)} decisions/s (policies compiled once; ${ours.allowed > 0 ? 'some' : 'no'} ALLOWED)`);
  console.log(`  iam-simulate:  ${fmt(theirs.perSecond)} decisions/s (runUnsafeSimulation, ${subset.length} requests; it loads the policies on every call)`);
  console.log(`  ratio:         ${(ours.perSecond / theirs.perSecond).toFixed(1)}× faster`);
  console.log(
    `  agreement:     ${agree.agree}/${agree.compared} identical decisions; ${agree.wildcardResourceDiffs} differ on resource "*" (documented in test/engine/differential.test.ts), ${agree.compared - agree.agree - agree.wildcardResourceDiffs} other`,
  );
  console.log(`  pathological wildcard patterns vs 100,000 chars (worst of 25 warm runs):`);
  for (const p of patho) console.log(`    ${p.ms.toFixed(4).padStart(9)} ms  ${p.pattern}`);
  console.log(`  worst pathological: ${worst.ms.toFixed(4)} ms (${worst.pattern})`);
}

main();
