/**
 * Time from loading /ui to the first who-can answer on screen, on a generated account
 * (bench/store/generate.ts, default large), in Debian's Chromium with the internet cut:
 *
 *  1. generate (or reuse, under --data) and import the account into a fresh database;
 *  2. pick who-can questions that have answers, asking a first server over HTTP;
 *  3. start a fresh server, wait until its log says the access index (built at start-up) is ready,
 *     and load /ui#/who-can?… in Chromium once per question — the first visit asks the server's
 *     first question: the page's own clock at the element's `accessql:who-can-answer` mark.
 *
 *   node dist/bench/ui/first-answer.bench.js [--size large|medium|small] [--seed 1] [--data DIR] [--visits 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel } from '../../src/store/account-model.js';
import { actionsForService } from '../../src/catalog/index.js';
import { scopeFor } from '../../src/access/resource-scope.js';
import { startTestServer } from '../../test/helpers/server.js';
import { launchBrowser } from '../../test/helpers/browser.js';
import { ensureData, readDataFiles } from '../store/import.bench.js';
import { prng, SIZES, type Size } from '../store/generate.js';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const size = (arg('size') ?? 'large') as Size;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const seed = Number(arg('seed') ?? 1);
const dataDir = arg('data') ?? path.join(os.tmpdir(), 'accessql-bench');
const VISITS = Number(arg('visits') ?? 5);
const log = (s: string) => process.stderr.write(`${s}\n`);

const dir = ensureData(size, seed, dataDir);
const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-ui-bench-')), 'bench.db');
{
  const store = openStore(dbFile);
  const files = readDataFiles(dir);
  importFiles(store, files);
  store.close();
}
log(`imported ${size} account into ${dbFile}`);

// Candidate questions: a stored resource and an action of its service that applies to its own type.
const candidates: { action: string; resource: string }[] = [];
{
  const store = openStore(dbFile);
  const model = loadAccountModel(store);
  store.close();
  const rnd = prng(seed * 104729);
  for (let tries = 0; candidates.length < 200 && tries < 5000; tries++) {
    const r = model.resources[Math.floor(rnd() * model.resources.length)];
    const actions = actionsForService(r.arn.split(':')[2]).filter((a) => a.resourceTypes.length > 0);
    const a = actions[Math.floor(rnd() * actions.length)];
    if (!a) continue;
    try {
      if (!scopeFor(a, r.arn).children) candidates.push({ action: a.name, resource: r.arn });
    } catch {
      /* the action does not apply to this resource */
    }
  }
}

// Keep those with answers (a table to show), asked of a first server so the measured one starts cold.
const questions: { action: string; resource: string; total: number }[] = [];
{
  const picker = await startTestServer({ dbFile, env: { ACCESSQL_REQUEST_TIMEOUT_MS: '600000' } });
  for (const q of candidates) {
    if (questions.length > VISITS) break;
    const r = await picker.gql(`query($a: String!, $r: String!) { whoCan(action: $a, resource: $r, first: 1) { totalCount } }`, { a: q.action, r: q.resource });
    const total = r.data?.whoCan.totalCount ?? 0;
    if (total > 0) questions.push({ ...q, total });
  }
  await picker.stop();
}
if (questions.length < 2) throw new Error('found too few who-can questions with answers');

// A fresh server builds its access index as soon as it listens (logged 'access index ready') and
// asks itself one warm-up question: wait for that, as a user arriving after start-up would, so the
// visits below measure the page and the question, not the build. The first visit is the first
// question a user asks this server.
const server = await startTestServer({ dbFile, env: { ACCESSQL_REQUEST_TIMEOUT_MS: '600000', ACCESSQL_LOG_LEVEL: 'info' } });
for (let i = 0; i < 36_000 && !/warm-up question (answered|failed)/.test(server.stderr()); i++) await new Promise((r) => setTimeout(r, 50));
const readyLine = server
  .stderr()
  .split('\n')
  .find((l) => l.includes('access index ready'));
if (!readyLine) throw new Error(`the server never said its access index was ready: ${server.stderr().slice(-500)}`);
const indexSeconds = (JSON.parse(readyLine) as { ms: number }).ms / 1000;
const base = server.url.replace(/\/graphql$/, '');
const browser = await launchBrowser();
const results: { visit: string; ms: number; principals: number }[] = [];
for (let i = 0; i < questions.length; i++) {
  const q = questions[i];
  const page = await browser.newPage();
  await page.goto(`${base}/ui#/who-can?action=${encodeURIComponent(q.action)}&resource=${encodeURIComponent(q.resource)}`);
  await page.locator('accessql-who-can tr.principal-row, accessql-who-can .error').first().waitFor({ timeout: 300_000 });
  if (await page.locator('accessql-who-can .error').count()) throw new Error(`the page says: ${await page.locator('accessql-who-can .error').innerText()}`);
  const ms = Number(await page.evaluate(`performance.getEntriesByName('accessql:who-can-answer')[0].startTime`));
  results.push({ visit: `visit ${i + 1}`, ms: Math.round(ms), principals: q.total });
  await page.close();
}
await browser.close();
await server.stop();
if (browser.blocked.length) throw new Error(`the page asked the internet for ${browser.blocked.join(', ')}`);

const warm = results
  .slice(1)
  .map((r) => r.ms)
  .sort((a, b) => a - b);
console.log(`fresh server's access index, built at start-up (its log): ${indexSeconds.toFixed(1)} s`);
console.log(`/ui → first who-can answer on screen, ${size} account (page clock, Chromium ${os.cpus().length} cores):`);
// The server's own time for each visit's question (its log line per operation), so the page's share shows.
const serverMs = server
  .stderr()
  .split('\n')
  .filter((l) => l.includes('"AccessqlWhoCan"'))
  .map((l) => (JSON.parse(l) as { ms?: number }).ms);
results.forEach((r, i) =>
  console.log(
    `  ${r.visit.padEnd(13)} ${String(r.ms).padStart(6)} ms  (${r.principals} principals${serverMs[i] !== undefined ? `; server ${Math.round(serverMs[i]!)} ms` : ''})`,
  ),
);
console.log(
  `  median of visits 2–${results.length}: ${warm[Math.floor(warm.length / 2)]} ms; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
