import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePolicy } from '../../../src/policy/validate.js';
import { FINDING_CODES, learnMoreLink } from '../../../src/policy/finding-codes.js';
import { LINT_CASES, type LintCase } from './corpus.js';

const doc = (s: unknown) => (typeof s === 'string' ? s : JSON.stringify({ Version: '2012-10-17', Statement: Array.isArray(s) ? s : [s] }, null, 2));
const run = (c: LintCase, s: unknown) => validatePolicy(doc(s), { policyType: c.policyType, resourceType: c.resourceType });

for (const c of LINT_CASES) {
  test(`${c.code} (${c.source}): raised on the failing document, not on the passing one`, () => {
    const bad = run(c, c.fail).findings.filter((f) => f.code === c.code);
    assert.ok(bad.length > 0, `${c.code} expected on ${doc(c.fail)}`);
    const info = (FINDING_CODES as Record<string, { findingType: string; source: string }>)[c.code];
    assert.ok(info, `${c.code} is in the table of codes`);
    assert.equal(bad[0].findingType, info.findingType);
    assert.equal(bad[0].learnMoreLink, learnMoreLink(c.code));
    if (c.path !== undefined)
      assert.ok(
        bad.some((f) => f.path === c.path),
        `path ${c.path}, got ${bad.map((f) => f.path).join(', ')}`,
      );
    const good = run(c, c.pass).findings.filter((f) => f.code === c.code);
    assert.deepEqual(
      good.map((f) => f.message),
      [],
      `${c.code} not expected on ${doc(c.pass)}`,
    );
  });
}

test('every Access Analyzer code links to its section of the check reference', () => {
  assert.equal(
    learnMoreLink('INVALID_ACTION'),
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-action',
  );
  assert.equal(
    learnMoreLink('PASS_ROLE_WITH_STAR_IN_RESOURCE'),
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource',
  );
  assert.equal(learnMoreLink('STATEMENT_GRANTS_NOTHING'), undefined, "accessql's own codes have no Access Analyzer section");
});

test('the corpus covers every check a document can raise (all codes but JSON repairs and syntax)', () => {
  const covered = new Set(LINT_CASES.map((c) => c.code));
  const missing = Object.keys(FINDING_CODES).filter((code) => !covered.has(code));
  // Codes covered by test/policy/validate.test.ts and seed-docs.test.ts rather than this corpus.
  const elsewhere = new Set([
    'JSON_SYNTAX_ERROR',
    'JSON_REPAIRED_TRAILING_COMMA',
    'JSON_REPAIRED_MISSING_COMMA',
    'POLICY_NOT_OBJECT',
    'STATEMENT_WITHOUT_DOCUMENT',
    'DUPLICATE_KEY',
    'OLD_VERSION',
    'EMPTY_STATEMENT',
    'INVALID_VERSION',
    'MISSING_STATEMENT',
    'MISSING_EFFECT',
    'INVALID_EFFECT',
    'MISSING_ACTION',
    'MISSING_RESOURCE',
    'MISSING_PRINCIPAL',
    'INVALID_PRINCIPAL_KEY',
    'UNSUPPORTED_SID',
    'POLICY_SIZE_EXCEEDS_SCP_QUOTA',
    'POLICY_SIZE_EXCEEDS_RCP_QUOTA',
    'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA',
    'POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA',
    'POLICY_SIZE_EXCEEDS_QUOTA_FOR_KIND',
    'INVALID_ACTION_FORMAT',
    'EMPTY_ACTION_NAME',
    'ACTION_PATTERN_MATCHES_NOTHING',
    'STATEMENT_GRANTS_NOTHING',
    'EMPTY_RESOURCE',
    'UNKNOWN_ARN_SERVICE',
    'ARN_PLACEHOLDER',
    'INVALID_CONDITION',
    'CONDITION_KEY_NOT_SUPPORTED',
    'CONDITION_KEY_PARTIALLY_SUPPORTED',
    'INVALID_BINARY_VALUE',
    'FORANYVALUE_WITH_SINGLE_VALUED_KEY',
    'ALLOW_WITH_NOT_ACTION',
    'ALLOW_WITH_NOT_RESOURCE',
    'FULL_ACCESS',
  ]);
  assert.deepEqual(
    missing.filter((c) => !elsewhere.has(c)),
    [],
  );
});
