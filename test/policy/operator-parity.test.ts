/**
 * One parser of condition operators and values: validatePolicy reports a finding on a condition's
 * operator or values exactly when the evaluator rejects them (treats them as matching nothing)
 * ("IAM JSON policy elements: Condition operators"; the decisions are listed in
 * src/policy/operators.ts). The findings carry Access Analyzer's codes and types where it has the
 * check ("IAM Access Analyzer policy check reference": Type mismatch Boolean / number / date are
 * WARNINGs there, Type mismatch IP range an ERROR), so "no finding" rather than "no ERROR" is the
 * equivalence; every rejected operator and every other rejected value is an ERROR.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validatePolicy } from '../../src/policy/validate.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { compilePolicy } from '../../src/engine/compile.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { contextFrom } from '../../src/engine/context.js';
import { params } from '../fuzz/support.js';

const CONDITION_PARSE_CODES = new Set([
  'INVALID_CONDITION_OPERATOR',
  'NULL_WITH_IF_EXISTS',
  'TYPE_MISMATCH_BOOLEAN',
  'TYPE_MISMATCH_NUMBER',
  'TYPE_MISMATCH_DATE',
  'TYPE_MISMATCH_IP_RANGE',
  'INVALID_BINARY_VALUE',
  'INVALID_ARN_CONDITION_VALUE',
]);
const ALWAYS_ERRORS = new Set([
  'INVALID_CONDITION_OPERATOR',
  'NULL_WITH_IF_EXISTS',
  'TYPE_MISMATCH_IP_RANGE',
  'INVALID_BINARY_VALUE',
  'INVALID_ARN_CONDITION_VALUE',
]);

function policyText(condition: Record<string, Record<string, string[]>>, version = '2012-10-17'): string {
  return JSON.stringify({ Version: version, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }] });
}

/** What the linter says about the conditions: true when it reports no operator or value it cannot read. */
function linterAccepts(text: string): boolean {
  const v = validatePolicy(text);
  for (const f of v.findings) if (ALWAYS_ERRORS.has(f.code)) assert.equal(f.findingType, 'ERROR', f.code);
  return !v.findings.some((f) => CONDITION_PARSE_CODES.has(f.code));
}

/** What the evaluator says: every condition's operator and static values compiled. */
function evaluatorAccepts(text: string): boolean {
  const compiled = compilePolicy(parsePolicy(text).document, 'p');
  return compiled.statements.every((s) => s.conditions.every((c) => !c.rejected));
}

function allowed(text: string, context: Record<string, string | string[]>): boolean {
  const p = compilePolicy(parsePolicy(text).document, 'p');
  const r = evaluate(
    {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      context: contextFrom(Object.entries(context).map(([key, v]) => ({ key, values: Array.isArray(v) ? v : [v] }))),
    },
    { identityPolicies: [p] },
  );
  return r.decision === 'ALLOWED';
}

test('Condition operators: ForAnyValue:Null is accepted by the linter and evaluated as Null (presence test)', () => {
  const text = policyText({ 'ForAnyValue:Null': { 'aws:TagKeys': ['false'] } });
  assert.equal(linterAccepts(text), true);
  assert.equal(evaluatorAccepts(text), true);
  assert.equal(allowed(text, { 'aws:TagKeys': ['a'] }), true);
  assert.equal(allowed(text, {}), false);
});

test('Condition operators, "...IfExists condition operators": NullIfExists is rejected by both', () => {
  const text = policyText({ NullIfExists: { 'aws:TagKeys': ['false'] } });
  assert.equal(linterAccepts(text), false);
  assert.equal(evaluatorAccepts(text), false);
});

test('Condition operators, "Boolean condition operators": " true" is not a boolean — an ERROR, and it never matches', () => {
  const text = policyText({ Bool: { 'aws:SecureTransport': [' true'] } });
  assert.equal(linterAccepts(text), false);
  assert.equal(evaluatorAccepts(text), false);
  assert.equal(allowed(text, { 'aws:SecureTransport': 'true' }), false);
  const ok = policyText({ Bool: { 'aws:SecureTransport': ['True'] } });
  assert.equal(linterAccepts(ok), true);
  assert.equal(allowed(ok, { 'aws:SecureTransport': 'true' }), true);
});

test('Condition operators: Numeric takes no policy variables — "${aws:x}" is an ERROR and matches nothing', () => {
  const text = policyText({ NumericLessThan: { 's3:max-keys': ['${aws:PrincipalTag/n}'] } });
  assert.equal(linterAccepts(text), false);
  assert.equal(evaluatorAccepts(text), false);
  // Bool does take them (checked at request time).
  const b = policyText({ Bool: { 'aws:SecureTransport': ['${aws:PrincipalTag/secure}'] } });
  assert.equal(linterAccepts(b), true);
  assert.equal(allowed(b, { 'aws:SecureTransport': 'true', 'aws:PrincipalTag/secure': 'true' }), true);
});

test('Condition operators, ARN condition operators: a value with fewer than six components is an ERROR and matches nothing', () => {
  const text = policyText({ ArnLike: { 'aws:SourceArn': ['arn:aws:s3'] } });
  assert.equal(linterAccepts(text), false);
  assert.equal(evaluatorAccepts(text), false);
});

// ---------------------------------------------------------------- property

const BASES = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericLessThan',
  'DateEquals',
  'DateGreaterThan',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotLike',
  'Null',
  'StringEqual',
  'Nul',
  'Numeric',
  '',
];
const operator = fc
  .tuple(
    fc.constantFrom('', 'ForAnyValue:', 'ForAllValues:', 'forallvalues:', 'ForSomeValues:'),
    fc.constantFrom(...BASES),
    fc.constantFrom('', 'IfExists', 'ifexists'),
  )
  .map(([set, base, ifExists]) => set + base + ifExists);
const value = fc.oneof(
  fc.constantFrom(
    'true',
    'false',
    'TRUE',
    ' true',
    'yes',
    '',
    '1',
    '-1.5',
    '1e3',
    ' 2',
    '.5',
    '2024-01-31',
    '2024-01-31T12:00:00Z',
    '2024-01',
    '2024',
    '2024-01-31 12:00',
    '2024-13-01',
    '1700000000',
    '203.0.113.0/24',
    '203.0.113.5',
    '2001:db8::/32',
    '203.0.113.0/33',
    '::ffff:1.2.3.4',
    'QUJD',
    'QUJ',
    'QUJD=',
    'arn:aws:s3:::b/*',
    'arn:aws:s3',
    '*',
    'arn:aws:iam::*:role/${aws:username}',
    '${aws:username}',
    '${*}',
    '${aws:PrincipalTag/t}',
    'a*b?c',
  ),
  fc.string({ maxLength: 12 }),
);
const condition = fc.dictionary(
  operator,
  fc.dictionary(fc.constantFrom('aws:PrincipalTag/t', 'aws:SourceArn', 'aws:TagKeys', 's3:prefix'), fc.array(value, { minLength: 1, maxLength: 3 }), {
    minKeys: 1,
    maxKeys: 2,
  }),
  { minKeys: 1, maxKeys: 3 },
);

test('Property (fixed seed): validatePolicy reports no finding on a condition operator or value exactly when the evaluator accepts them', () => {
  fc.assert(
    fc.property(condition, fc.constantFrom('2012-10-17', '2008-10-17'), (cond, version) => {
      const text = policyText(cond, version);
      assert.equal(linterAccepts(text), evaluatorAccepts(text), text);
    }),
    params(400),
  );
});
