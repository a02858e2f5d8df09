/**
 * Minimal inputs for the bugs the fuzz properties found, kept as plain regression tests. Each
 * must neither throw nor take more than support.ts's linear work bound, in counted steps (times
 * before the fix, on the development machine, in the test names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../src/policy/parse.js';
import { validatePolicy } from '../../src/policy/validate.js';
import { compilePolicy, contextFrom, evaluate } from '../../src/engine/index.js';
import { counted, workBound } from './support.js';

const MB = 1 << 20;
const X = 'x'.repeat(MB);
const policy = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

/** Runs `f` on an input of `size` characters: it must not throw and must stay within the linear work bound. */
function fast<T>(what: string, size: number, f: () => T): T {
  const r = counted(f);
  if ('error' in r) {
    const e = r.error;
    assert.fail(`${what} threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)}`);
  }
  assert.ok(r.steps <= workBound(size), `${what} took ${r.steps} steps (bound ${workBound(size)} for ${size} characters)`);
  return r.value as T;
}

const validate = (text: string) => fast('validatePolicy', text.length, () => validatePolicy(text));

test('regression: 1 MB action name (was 45 s, then SyntaxError "Invalid regular expression" thrown from validatePolicy)', () => {
  const r = validate(policy({ Effect: 'Allow', Action: 's3:' + X, Resource: '*' }));
  assert.ok(r.findings.some((f) => f.code === 'INVALID_ACTION'));
});

test('regression: 1 MB service prefix in an action (was 47 s + SyntaxError thrown)', () => {
  const r = validate(policy({ Effect: 'Allow', Action: X + ':GetObject', Resource: '*' }));
  assert.ok(r.findings.some((f) => f.code === 'INVALID_SERVICE_IN_ACTION'));
});

test('regression: 1 MB ARN service in a Resource (was 47 s: edit distance against every ARN namespace)', () => {
  const r = validate(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:${X}:us-east-1:123456789012:x` }));
  assert.ok(r.findings.some((f) => f.code === 'UNKNOWN_ARN_SERVICE'));
});

test('regression: 1 MB condition operator (was 3.7 s)', () => {
  const r = validate(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { [X]: { 'aws:username': 'x' } } }));
  assert.ok(r.findings.some((f) => f.code === 'INVALID_CONDITION_OPERATOR'));
});

test('regression: backtracking RegExp in REDUNDANT_ACTION, "s3:a*a*…a*b" next to "s3:aaa…a" (was 83 s)', () => {
  const r = validate(policy({ Effect: 'Allow', Action: ['s3:' + 'a*'.repeat(12) + 'b', 's3:' + 'a'.repeat(40)], Resource: '*' }));
  assert.equal(r.findings.filter((f) => f.code === 'REDUNDANT_ACTION').length, 0);
  // the cover check itself still works
  const c = validate(policy({ Effect: 'Allow', Action: ['s3:Get*', 's3:GetObject'], Resource: '*' }));
  assert.ok(c.findings.some((f) => f.code === 'REDUNDANT_ACTION' && f.message.includes('covered by "s3:Get*"')));
});

test('regression: backtracking RegExp in catalog expansion, "s3:*?*?…*?#" (catalog expandActionPattern: > 60 s)', () => {
  const r = validate(policy({ Effect: 'Allow', Action: 's3:' + '*?'.repeat(12) + '#', Resource: '*' }));
  assert.ok(r.findings.some((f) => f.code === 'ACTION_PATTERN_MATCHES_NOTHING'));
  // expansion still finds real actions
  const ok = validate(policy({ Effect: 'Allow', Action: ['s3:?etObjec?', '*:GetObject'], Resource: '*' }));
  assert.ok(!ok.findings.some((f) => f.code === 'ACTION_PATTERN_MATCHES_NOTHING'));
});

test('regression: 1 MB of null Action entries (RangeError from findings.push(...problems))', () => {
  const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [${new Array(170_000).fill('null').join(',')}], "Resource": "*"}]}`;
  const r = validate(text);
  assert.equal(r.findings.filter((f) => f.code === 'DATA_TYPE_MISMATCH').length, 170_000);
});

test('regression: 100,000 copies of an unknown action (was ~1 ms each: a suggestion per copy)', () => {
  const text = policy({ Effect: 'Allow', Action: new Array(100_000).fill('s3:Nope'), Resource: '*' });
  validate(text);
});

test('regression: 50,000 condition keys and 50,000 repeated Principal "AWS" keys parse in linear time', () => {
  const keys = Array.from({ length: 50_000 }, (_, i) => `"aws:k${i}": "x"`).join(',');
  const cond = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {${keys}}}}]}`;
  const p = fast('parsePolicy', cond.length, () => parsePolicy(cond));
  assert.equal(p.document.statements[0]!.conditions.length, 50_000);
  const principals = new Array(50_000).fill('"AWS": "arn:aws:iam::123456789012:user/u"').join(',');
  const pr = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {${principals}}, "Action": "s3:GetObject", "Resource": "*"}]}`;
  const q = fast('parsePolicy', pr.length, () => parsePolicy(pr));
  assert.equal(q.document.statements[0]!.principal!.values.AWS!.length, 50_000);
  // duplicate condition keys: last one wins, as before
  const dup = parsePolicy('{"Statement": [{"Condition": {"StringEquals": {"a:b": "1", "a:c": "2", "a:b": "3"}}}]}');
  assert.deepEqual(
    dup.document.statements[0]!.conditions.map((c) => [c.key, c.values]),
    [
      ['a:b', ['3']],
      ['a:c', ['2']],
    ],
  );
});

test('regression: a policy with a 1 MB Resource compiles and evaluates (RangeError in the glob compiler)', () => {
  const doc = parsePolicy(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${X}` })).document;
  const c = fast('compilePolicy', X.length, () => compilePolicy(doc, 'big'));
  const r = evaluate({ action: 's3:GetObject', resource: `arn:aws:s3:::${X}`, context: contextFrom([]) }, { identityPolicies: [c] });
  assert.equal(r.decision, 'ALLOWED');
});
