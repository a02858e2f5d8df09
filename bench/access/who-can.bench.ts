/**
 * whoCan / whatCan benchmark on a generated account (bench/store/generate.ts):
 *
 *  1. generate the account (or reuse the files cached under --data, default /tmp/accessql-bench),
 *     import it into a fresh database file;
 *  2. build the access index (loadAccountModel + AccessIndex): seconds and RSS;
 *  3. a FIXED set of whoCan and whatCan questions drawn (seeded) from the account's own actions
 *     and resources: in-process p50 / p99, and over HTTP against the real server (the CLI's
 *     `serve` as a child process on port 0) from a client process of its own (http-client.ts): p50 / p99;
 *  4. every indexed answer is checked against brute force (every principal evaluated);
 *  5. the same whoCan questions answered by brute force with @cloud-copilot/iam-simulate
 *     (devDependency, AGPL — bench/ and test/ only) through its validating `runSimulation`, one
 *     simulation per principal over the principal's stored policy texts (from loadAccountModel).
 *     On large accounts that is far too slow for every principal: a fixed sample of principals is
 *     timed and the time extrapolated to all principals (the output says so).
 *
 *   node dist/bench/access/who-can.bench.js [--size large|medium|small|org] [--seed 1] [--data DIR]
 *        [--reps 30] [--sim-sample 150] [--json]
 *
 * Every timed question is new: each request carries an aws:CurrentTime one second later than the
 * last (the policies do not read it, so the answer does not change, but no answer cache can
 * stand in for the work). The `org` preset (30 accounts) adds questions whose answers cross
 * accounts and resource policies (buckets, queues, functions, keys, secrets; sts:AssumeRole on
 * roles trusted by other accounts), with SCPs and RCPs applied; step 5 (iam-simulate) is skipped
 * there. The server's peak RSS (VmHWM of the child) is reported.
 *
 * Targets: large — whoCan p50 < 10 ms and p99 < 30 ms over HTTP, server RSS < 600 MB; ≥ 1,000×
 * the validating brute force; whatCan p50 < 20 ms. org — whoCan p50 < 15 ms, p99 < 50 ms over
 * HTTP, server RSS < 2 GB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel, type ModelPrincipal } from '../../src/store/account-model.js';
import { loadEstate, loadEstateData } from '../../src/store/estate-model.js';
import { AccessIndex, type Evaluated } from '../../src/access/access-index.js';
import { whoCan, whatCan } from '../../src/access/questions.js';
import { scopeFor } from '../../src/access/resource-scope.js';
import { SESSION_NAME } from '../../src/access/stored-context.js';
import { expandActionPattern, findAction, resourceTypeForArn } from '../../src/catalog/index.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { percentile, type HttpFigures, type HttpPlan } from './http-client.js';
import { ensureData, readDataFiles } from '../store/import.bench.js';
import { prng, SIZES, type Size } from '../store/generate.js';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const size = (arg('size') ?? 'large') as Size | 'org';
if (!(size in SIZES) && size !== 'org') throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}, org`);
const ORG = size === 'org';
/** A new aws:CurrentTime on every call: every timed question is new. */
let tick = 0;
const T0 = Date.parse('2026-01-01T00:00:00Z');
function freshContext(): { key: string; values: string[] }[] {
  return [{ key: 'aws:CurrentTime', values: [new Date(T0 + 1000 * tick++).toISOString()] }];
}
const seed = Number(arg('seed') ?? 1);
const dataDir = arg('data') ?? path.join(os.tmpdir(), 'accessql-bench');
const REPS = Number(arg('reps') ?? 30);
const SIM_SAMPLE = Number(arg('sim-sample') ?? 150);
const WHO_QUESTIONS = 24;
const WHAT_QUESTIONS = 12;

type WhoQuestion = { action: string; resource: string };
type WhatQuestion = { principalArn: string; resource: string };

const log = (s: string) => process.stderr.write(`${s}\n`);

function timeMs<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

function observable(list: Evaluated[]) {
  return JSON.stringify(
    list.map(({ principal, result }) => [principal.model.arn, result.decision, result.conditional, result.missingContextKeys, result.matchedStatements]),
  );
}

/** Concrete actions the account's policies name (wildcards expanded), by service. */
function accountActions(principals: ModelPrincipal[]): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const p of principals) {
    for (const pol of p.policies) {
      if (seen.has(pol.id)) continue;
      seen.add(pol.id);
      for (const st of parsePolicy(pol.document, { lenient: true }).document.statements) {
        for (const a of st.action ?? []) {
          if (a === '*') continue;
          for (const c of /[*?]/.test(a) ? expandActionPattern(a) : [findAction(a)].filter((x) => x !== undefined)) out.add(c.name);
        }
      }
    }
  }
  return [...out].sort();
}

/**
 * org: questions on resources that have a resource policy (the actions it names) and sts:AssumeRole
 * on roles whose trust policy names other accounts — answers that cross accounts.
 */
function estateQuestions(store: ReturnType<typeof openStore>, count: number): WhoQuestion[] {
  const rnd = prng(seed * 104729);
  const data = loadEstateData(store);
  const out: WhoQuestion[] = [];
  const policies = data.resourcePolicies;
  for (let k = 0; out.length < count * 0.75 && k < 10_000; k++) {
    const rp = policies[Math.floor(rnd() * policies.length)];
    const acts = [...rp.document.matchAll(/"([a-z0-9-]+:[A-Za-z]+)"/g)].map((m) => m[1]).filter((a) => !a.startsWith('aws:') && findAction(a));
    if (!acts.length) continue;
    const resource = rp.arn.startsWith('arn:aws:s3:::') && rnd() < 0.5 ? `${rp.arn}/reports/${Math.floor(rnd() * 1000)}.csv` : rp.arn;
    out.push({ action: findAction(acts[Math.floor(rnd() * acts.length)])!.name, resource });
  }
  const crossTrust = data.trustPolicies.filter((t) => {
    const own = /:iam::(\d{12}):/.exec(t.arn)?.[1];
    return [...t.document.matchAll(/arn:aws:iam::(\d{12}):/g)].some((m) => m[1] !== own);
  });
  while (out.length < count && crossTrust.length) out.push({ action: 'sts:AssumeRole', resource: crossTrust[Math.floor(rnd() * crossTrust.length)].arn });
  return out;
}

function pickQuestions(index: AccessIndex, model: ReturnType<typeof loadAccountModel>): { who: WhoQuestion[]; pickWhat: () => WhatQuestion[] } {
  const rnd = prng(seed * 7919);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const actions = accountActions(model.principals);
  const byService = new Map<string, string[]>();
  for (const r of model.resources) {
    const service = r.arn.split(':')[2];
    const list = byService.get(service);
    if (list) list.push(r.arn);
    else byService.set(service, [r.arn]);
  }
  const who: WhoQuestion[] = [];
  const seen = new Set<string>();
  for (let attempts = 0; who.length < WHO_QUESTIONS && attempts < 10_000; attempts++) {
    const action = pick(actions);
    const service = action.slice(0, action.indexOf(':'));
    const catalog = findAction(action)!;
    const candidates = byService.get(service) ?? [];
    // Actions without resource types are asked on "*"; the others on a stored resource they apply to.
    let resource: string | undefined;
    if (catalog.resourceTypes.length === 0) resource = '*';
    else {
      for (let k = 0; k < 40 && candidates.length && !resource; k++) {
        const r = pick(candidates);
        try {
          if (!scopeFor(catalog, r).children) resource = r;
        } catch {
          /* not a resource this action applies to */
        }
      }
    }
    if (!resource || seen.has(`${action} ${resource}`)) continue;
    seen.add(`${action} ${resource}`);
    who.push({ action, resource });
  }
  // whatCan: mostly a principal that whoCan named on that resource (answers worth listing), some at random.
  const pickWhat = (): WhatQuestion[] => {
    const typed = new Set(model.resources.filter((r) => resourceTypeForArn(r.arn)).map((r) => r.arn));
    const typedList = [...typed];
    const what: WhatQuestion[] = [];
    for (const q of who) {
      if (what.length >= WHAT_QUESTIONS * 0.75) break;
      if (!typed.has(q.resource)) continue;
      const entries = whoCan(index, q.action, q.resource, undefined).entries;
      if (entries.length) what.push({ principalArn: pick(entries).principal.model.arn, resource: q.resource });
    }
    while (what.length < WHAT_QUESTIONS) what.push({ principalArn: pick(index.principals).model.arn, resource: pick(typedList) });
    return what;
  };
  return { who, pickWhat };
}

/** The stored request context of a principal and resource, as iam-simulate takes it. */
function simulateContext(p: ModelPrincipal, resourceTags: Record<string, string>): Record<string, string | string[]> {
  const c: Record<string, string | string[]> = {
    'aws:PrincipalArn': p.arn,
    'aws:PrincipalAccount': p.accountId,
    'aws:PrincipalType': p.type === 'USER' ? 'User' : 'AssumedRole',
  };
  if (p.uniqueId) c['aws:userid'] = p.type === 'USER' ? p.uniqueId : `${p.uniqueId}:${SESSION_NAME}`;
  if (p.type === 'USER') c['aws:username'] = p.name;
  for (const [k, v] of Object.entries(p.tags)) c[`aws:PrincipalTag/${k}`] = v;
  for (const [k, v] of Object.entries(resourceTags)) c[`aws:ResourceTag/${k}`] = v;
  return c;
}

function parsedJson(cache: Map<string, unknown>, id: string, text: string): unknown {
  let v = cache.get(id);
  if (v === undefined) {
    try {
      v = JSON.parse(text);
    } catch {
      v = null;
    }
    cache.set(id, v);
  }
  return v;
}

async function main(): Promise<void> {
  const report: Record<string, unknown> = { size, seed };
  const dir = ensureData(size as Size, seed, dataDir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-whocan-'));
  const dbFile = path.join(work, 'account.db');
  try {
    // 1. import
    const store = openStore(dbFile);
    const imported = timeMs(() => importFiles(store, readDataFiles(dir)));
    report.importSeconds = imported.ms / 1000;
    log(
      `imported ${size} (seed ${seed}): ${imported.value.users} users, ${imported.value.roles} roles, ${imported.value.policies} policies, ${imported.value.statements} statements, ${imported.value.resources} resources in ${(imported.ms / 1000).toFixed(1)} s`,
    );

    // 2. build the index
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    const model = timeMs(() => loadAccountModel(store));
    const built = timeMs(() => new AccessIndex(model.value, loadEstate(store)));
    const index = built.value;
    global.gc?.();
    const rss1 = process.memoryUsage().rss;
    report.modelSeconds = model.ms / 1000;
    report.indexBuildSeconds = built.ms / 1000;
    report.rssMB = rss1 / 1e6;
    report.indexRssDeltaMB = (rss1 - rss0) / 1e6;
    report.principals = index.principals.length;
    log(
      `model ${(model.ms / 1000).toFixed(2)} s + index ${(built.ms / 1000).toFixed(2)} s; RSS ${(rss1 / 1e6).toFixed(0)} MB (+${((rss1 - rss0) / 1e6).toFixed(0)} MB for model and index)`,
    );

    // 3. questions
    const picked = pickQuestions(index, model.value);
    const { pickWhat } = picked;
    // org: half the questions cross accounts and resource policies.
    const who = ORG ? [...picked.who.slice(0, WHO_QUESTIONS / 2), ...estateQuestions(store, WHO_QUESTIONS / 2)] : picked.who;

    // In-process timings first (brute force allocates heavily: its GC would land in these samples).
    const whoSamples: number[] = [];
    const firstAsk: number[] = [];
    const answerSizes: number[] = [];
    for (const q of who) firstAsk.push(timeMs(() => whoCan(index, q.action, q.resource, undefined)).ms);
    const what = pickWhat();
    report.whoCanQuestions = who.length;
    report.whatCanQuestions = what.length;
    for (let r = 0; r < REPS; r++) {
      for (const q of who) {
        // Read a page of results, as the API does (entries build their result on first read).
        const context = freshContext();
        whoSamples.push(
          timeMs(() =>
            whoCan(index, q.action, q.resource, context)
              .entries.slice(0, 100)
              .map((e) => e.result),
          ).ms,
        );
      }
    }
    const whatSamples: number[] = [];
    const whatSizes: number[] = [];
    for (let r = 0; r < REPS; r++)
      for (const q of what) {
        const context = freshContext();
        whatSamples.push(timeMs(() => whatCan(index, q.principalArn, q.resource, context)).ms);
      }
    for (const q of what) whatSizes.push(whatCan(index, q.principalArn, q.resource, undefined).entries.length);

    // Every answer checked against brute force (every principal, the evaluator on all its policies).
    const bruteSamples: number[] = [];
    let mismatches = 0;
    for (const q of who) {
      for (const includeConditional of [false, true]) {
        const indexed = whoCan(index, q.action, q.resource, undefined, { includeConditional });
        const brute = timeMs(() => whoCan(index, q.action, q.resource, undefined, { includeConditional, bruteForce: true }));
        if (!includeConditional) {
          bruteSamples.push(brute.ms);
          answerSizes.push(indexed.entries.length);
        }
        if (observable(indexed.entries) !== observable(brute.value.entries)) {
          mismatches++;
          log(`MISMATCH whoCan ${q.action} ${q.resource}${includeConditional ? ' includeConditional' : ''}`);
        }
      }
    }
    report.inProcess = {
      whoCanFirstAskP50: percentile(firstAsk, 50),
      whoCanP50: percentile(whoSamples, 50),
      whoCanP99: percentile(whoSamples, 99),
      whatCanP50: percentile(whatSamples, 50),
      whatCanP99: percentile(whatSamples, 99),
      bruteForceIndexP50: percentile(bruteSamples, 50),
    };
    report.answerSizes = { whoCanMedian: percentile(answerSizes, 50), whoCanMax: Math.max(...answerSizes), whatCanMedian: percentile(whatSizes, 50) };
    report.bruteForceMismatches = mismatches;

    // 4. over HTTP, against the real server: as `npm start` runs it, and with NODE_ENV=production —
    // from a client process of its own (http-client.ts says why).
    store.close();
    const planFile = path.join(work, 'http-plan.json');
    const plan: HttpPlan = { dbFile, who, what, reps: REPS, modes: ['development', 'production'] };
    fs.writeFileSync(planFile, JSON.stringify(plan));
    const http = JSON.parse(
      execFileSync(process.execPath, [fileURLToPath(new URL('./http-client.js', import.meta.url)), planFile], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      }),
    ) as Record<string, HttpFigures>;
    report.http = http;

    // 5. iam-simulate, validating runSimulation, one simulation per principal (single accounts only:
    // the comparison gives it no SCPs, RCPs or resource policies).
    const all = index.principals;
    const sampleSize = ORG ? 0 : Math.min(all.length, SIM_SAMPLE);
    const step = all.length / sampleSize;
    const sample = Array.from({ length: sampleSize }, (_, i) => all[Math.floor(i * step)]);
    const jsonCache = new Map<string, unknown>();
    const simQuestions = ORG ? [] : who.slice(0, size === 'large' ? 8 : who.length);
    let simMs = 0;
    let simRuns = 0;
    let agree = 0;
    let compared = 0;
    let simErrors = 0;
    for (const q of simQuestions) {
      const scope = whoCan(index, q.action, q.resource, undefined);
      const resourceTags = model.value.resources.find((r) => r.arn === scope.evaluatedResource)?.tags ?? {};
      const ours = new Map(whoCan(index, q.action, q.resource, undefined).entries.map((e) => [e.principal.model.arn, e.result.decision]));
      for (const p of sample) {
        const m = p.model;
        const identityPolicies = m.policies
          .map((pol) => ({ name: pol.name, policy: parsedJson(jsonCache, pol.id, pol.document) }))
          .filter((x) => x.policy !== null);
        const boundary = m.permissionsBoundary?.document
          ? parsedJson(jsonCache, m.permissionsBoundary.id ?? m.permissionsBoundary.arn, m.permissionsBoundary.document)
          : undefined;
        const principal = m.type === 'ROLE' ? `arn:aws:sts::${m.accountId}:assumed-role/${m.name}/${SESSION_NAME}` : m.arn;
        const parts = scope.evaluatedResource.split(':');
        const simulation: Simulation = {
          request: {
            principal,
            action: scope.action,
            resource: { resource: scope.evaluatedResource, accountId: parts.length >= 6 && parts[4] ? parts[4] : m.accountId },
            contextVariables: simulateContext(m, resourceTags),
          },
          identityPolicies,
          serviceControlPolicies: [],
          resourceControlPolicies: [],
          ...(boundary ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: boundary }] } : {}),
        } as Simulation;
        const t0 = performance.now();
        const response = await runSimulation(simulation, {});
        simMs += performance.now() - t0;
        simRuns++;
        if (response.resultType === 'error') {
          simErrors++;
          continue;
        }
        const overall = response.overallResult as unknown as string | { result?: string };
        const value = typeof overall === 'string' ? overall : overall?.result;
        compared++;
        if ((value === 'Allowed') === (ours.get(m.arn) === 'ALLOWED')) agree++;
        else if (compared - agree <= 5)
          log(`iam-simulate says ${value}, accessql ${ours.get(m.arn) ?? 'not allowed'}: ${m.arn} ${scope.action} ${scope.evaluatedResource}`);
      }
    }
    const perPrincipalMs = simRuns ? simMs / simRuns : NaN;
    const simSecondsPerWhoCan = (perPrincipalMs * all.length) / 1000;
    report.iamSimulate = {
      principalsSampled: sampleSize,
      questions: simQuestions.length,
      simulations: simRuns,
      msPerSimulation: perPrincipalMs,
      secondsPerWhoCan: simSecondsPerWhoCan,
      extrapolated: sampleSize < all.length,
      agreeOnAllowed: `${agree}/${compared}`,
      errors: simErrors,
    };
    const ours = (report.inProcess as { whoCanP50: number }).whoCanP50;
    const oursHttp = http.development.whoCanP50;
    report.ratioInProcess = (simSecondsPerWhoCan * 1000) / ours;
    report.ratioHttp = (simSecondsPerWhoCan * 1000) / oursHttp;

    if (argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const f = (n: number, d = 2) => n.toFixed(d);
    const ip = report.inProcess as Record<string, number>;
    const h = http.development;
    const hp = http.production;
    const sim = report.iamSimulate as Record<string, number | string | boolean>;
    const sizes = report.answerSizes as Record<string, number>;
    process.stdout.write(
      [
        `accessql whoCan/whatCan benchmark — ${size} (seed ${seed}): ${index.principals.length} principals, ${model.value.resources.length} resources; load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${os.cpus().length} CPUs`,
        `  import:            ${f(report.importSeconds as number)} s`,
        `  index build:       ${f(report.modelSeconds as number)} s loadAccountModel + ${f(report.indexBuildSeconds as number)} s AccessIndex; RSS ${f(report.rssMB as number, 0)} MB (model + index +${f(report.indexRssDeltaMB as number, 0)} MB)`,
        `  questions:         ${who.length} whoCan (answers: median ${sizes.whoCanMedian}, max ${sizes.whoCanMax} principals), ${what.length} whatCan (median ${sizes.whatCanMedian} actions); ${REPS} reps each`,
        `  in-process whoCan: p50 ${f(ip.whoCanP50, 3)} ms  p99 ${f(ip.whoCanP99, 3)} ms  (first ask of an action p50 ${f(ip.whoCanFirstAskP50, 3)} ms; brute force over the index p50 ${f(ip.bruteForceIndexP50, 2)} ms)`,
        `  in-process whatCan:p50 ${f(ip.whatCanP50, 3)} ms  p99 ${f(ip.whatCanP99, 3)} ms`,
        `  HTTP whoCan:       p50 ${f(h.whoCanP50, 3)} ms  p99 ${f(h.whoCanP99, 3)} ms  (first page of 100 edges; NODE_ENV=production: p50 ${f(hp.whoCanP50, 3)} ms p99 ${f(hp.whoCanP99, 3)} ms)`,
        `  HTTP whatCan:      p50 ${f(h.whatCanP50, 3)} ms  p99 ${f(h.whatCanP99, 3)} ms  (NODE_ENV=production: p50 ${f(hp.whatCanP50, 3)} ms p99 ${f(hp.whatCanP99, 3)} ms)`,
        `  server start:      first request (loads the model, builds the index) ${f(h.firstRequestSeconds)} s; server peak RSS ${f(h.serverPeakRssMB, 0)} MB (production ${f(hp.serverPeakRssMB, 0)} MB)`,
        `  every timed question new: aws:CurrentTime moves one second per request`,
        `  indexed = brute force: ${mismatches === 0 ? 'yes, every question (with and without includeConditional)' : `NO — ${mismatches} mismatches`}`,
        `  iam-simulate (validating runSimulation): ${f(sim.msPerSimulation as number, 3)} ms per principal → ${f(sim.secondsPerWhoCan as number, 2)} s per whoCan` +
          `${sim.extrapolated ? ` (extrapolated from ${sim.principalsSampled} sampled principals × ${sim.questions} questions to all ${index.principals.length})` : ''}; decisions agree ${sim.agreeOnAllowed}, ${sim.errors} errors`,
        `  ratio:             ${f(report.ratioInProcess as number, 0)}× in-process p50, ${f(report.ratioHttp as number, 0)}× HTTP p50`,
        ORG
          ? `  targets (org):     HTTP whoCan p50 < 15 ms ${h.whoCanP50 < 15 ? 'met' : 'MISSED'}, p99 < 50 ms ${h.whoCanP99 < 50 ? 'met' : 'MISSED'}, server RSS < 2 GB ${h.serverPeakRssMB < 2000 ? 'met' : 'MISSED'}`
          : `  targets (large):   HTTP whoCan p50 < 10 ms ${h.whoCanP50 < 10 ? 'met' : 'MISSED'}, p99 < 30 ms ${h.whoCanP99 < 30 ? 'met' : 'MISSED'}, server RSS < 600 MB ${h.serverPeakRssMB < 600 ? 'met' : 'MISSED'}, ≥ 1,000× ${(report.ratioHttp as number) >= 1000 ? 'met' : 'MISSED'}, whatCan p50 < 20 ms ${h.whatCanP50 < 20 ? 'met' : 'MISSED'}`,
        '',
      ].join('\n'),
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
