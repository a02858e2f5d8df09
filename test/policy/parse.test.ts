import { test } from 'node:test';
import { measureSteps } from '../../src/util/steps.js';
import assert from 'node:assert/strict';
import { parsePolicy, documentFromValue, PolicySyntaxError } from '../../src/policy/parse.js';

const doc = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "A",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::b/*",
      "Condition": {
        "NumericLessThan": { "aws:MultiFactorAuthAge": 3600 },
        "Bool": { "aws:SecureTransport": true },
        "StringEquals": { "aws:PrincipalTag/team": ["a", "b"] }
      }
    },
    {
      "Effect": "Deny",
      "NotAction": "iam:*",
      "NotResource": ["*"],
      "Principal": { "AWS": ["arn:aws:iam::123456789012:root", "111122223333"], "Service": "connect.amazonaws.com" }
    }
  ]
}`;

test('Grammar of the IAM JSON policy language: statements, elements and positions are kept', () => {
  const { document, repairs } = parsePolicy(doc);
  assert.deepEqual(repairs, []);
  assert.equal(document.version, '2012-10-17');
  assert.deepEqual(document.position, { line: 1, column: 1, offset: 0 });
  assert.equal(document.statements.length, 2);
  const [a, b] = document.statements;
  assert.equal(a.sid, 'A');
  assert.equal(a.effect, 'Allow');
  assert.deepEqual(a.action, ['s3:GetObject', 's3:PutObject']);
  assert.deepEqual(a.resource, ['arn:aws:s3:::b/*']);
  assert.deepEqual([a.position.line, a.position.column], [4, 5]);
  assert.deepEqual([a.source!.action![1].line, a.source!.action![1].column], [7, 34]);
  assert.equal(b.index, 1);
  assert.deepEqual([b.position.line, b.position.column], [15, 5]);
  assert.deepEqual(b.notAction, ['iam:*']);
  assert.deepEqual(b.notResource, ['*']);
  assert.equal(b.principal!.wildcard, false);
  assert.deepEqual(b.principal!.values, { AWS: ['arn:aws:iam::123456789012:root', '111122223333'], Service: ['connect.amazonaws.com'] });
  assert.deepEqual([b.principal!.position.line, b.principal!.position.column], [19, 7]);
  assert.deepEqual(document.problems, []);
});

test('Condition element: operator → key → values; numbers and booleans keep their string form', () => {
  const [a] = parsePolicy(doc).document.statements;
  assert.deepEqual(
    a.conditions.map((c) => [c.operator, c.key, c.values, c.position.line, c.position.column]),
    [
      ['NumericLessThan', 'aws:MultiFactorAuthAge', ['3600'], 10, 30],
      ['Bool', 'aws:SecureTransport', ['true'], 11, 19],
      ['StringEquals', 'aws:PrincipalTag/team', ['a', 'b'], 12, 27],
    ],
  );
  assert.deepEqual(a.conditions[0].valueTypes, ['number']);
  assert.deepEqual(a.conditions[1].valueTypes, ['boolean']);
});

test('Statement may be a single object, Principal may be "*"', () => {
  const { document } = parsePolicy('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}}');
  assert.equal(document.statements.length, 1);
  assert.equal(document.statements[0].principal!.wildcard, true);
  assert.deepEqual(document.statements[0].action, ['s3:GetObject']);
});

test('strict mode (RFC 8259): a trailing comma throws PolicySyntaxError at the closing bracket', () => {
  assert.throws(
    () => parsePolicy('{\n  "Action": [\n    "a:b",\n  ]\n}'),
    (e: unknown) => e instanceof PolicySyntaxError && e.line === 4 && e.column === 3 && !e.reason.includes('\n'),
  );
});

test('strict mode: a missing comma between array items throws at the second item', () => {
  assert.throws(
    () => parsePolicy('["a"\n "b"]'),
    (e: unknown) => e instanceof PolicySyntaxError && e.line === 2 && e.column === 2,
  );
});

test('lenient mode repairs a trailing comma and reports it where the comma stood', () => {
  const { document, repairs } = parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["a:b",],"Resource":"*",},]}', { lenient: true });
  assert.equal(document.statements.length, 1);
  assert.deepEqual(document.statements[0].action, ['a:b']);
  assert.deepEqual(
    repairs.map((r) => [r.code, r.findingType, r.line, r.column]),
    [
      ['JSON_REPAIRED_TRAILING_COMMA', 'WARNING', 1, 71],
      ['JSON_REPAIRED_TRAILING_COMMA', 'WARNING', 1, 88],
      ['JSON_REPAIRED_TRAILING_COMMA', 'WARNING', 1, 90],
    ],
  );
});

test('lenient mode repairs a missing comma between array items and between properties', () => {
  const { document, repairs } = parsePolicy('{"Version":"2012-10-17"\n"Statement":[{"Effect":"Allow","Action":["a:b" "a:c"],"Resource":"*"}]}', {
    lenient: true,
  });
  assert.deepEqual(document.statements[0].action, ['a:b', 'a:c']);
  assert.deepEqual(
    repairs.map((r) => [r.code, r.line, r.column]),
    [
      ['JSON_REPAIRED_MISSING_COMMA', 2, 1],
      ['JSON_REPAIRED_MISSING_COMMA', 2, 48],
    ],
  );
});

test('lenient mode: other errors still throw, at their position in the original text', () => {
  assert.throws(
    () => parsePolicy('[1,,2]', { lenient: true }),
    (e: unknown) => e instanceof PolicySyntaxError && e.line === 1 && e.column === 4,
  );
  // after a repaired comma earlier on the line, the position still refers to the original text
  assert.throws(
    () => parsePolicy('[1 2, {"a" 1}]', { lenient: true }),
    (e: unknown) => e instanceof PolicySyntaxError && e.line === 1 && e.column === 12,
  );
  assert.throws(
    () => parsePolicy('{"a": 1} // c', { lenient: true }),
    (e: unknown) => e instanceof PolicySyntaxError && e.column === 10,
  );
  assert.throws(() => parsePolicy('', { lenient: true }), PolicySyntaxError);
});

test('structural problems do not throw: they are kept for validation', () => {
  const { document } = parsePolicy(
    '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":7,"Resource":["*",3],"Foo":1,"Condition":{"StringEquals":{"k":{"x":1}}}}, "x"]}',
  );
  const s = document.statements[0];
  assert.equal(s.effect, undefined);
  assert.equal(s.action!.length, 0);
  assert.deepEqual(s.resource, ['*']);
  const codes = document.problems!.map((p) => p.code);
  assert.deepEqual(
    codes.sort(),
    ['INVALID_CONDITION', 'INVALID_EFFECT', 'DATA_TYPE_MISMATCH', 'DATA_TYPE_MISMATCH', 'DATA_TYPE_MISMATCH', 'INVALID_POLICY_ELEMENT'].sort(),
  );
});

test('a lone statement is reported, and used only when asked for', () => {
  const text = '{ "Sid": "X", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }';
  const plain = parsePolicy(text).document;
  assert.equal(plain.statements.length, 0);
  assert.equal(plain.problems![0].code, 'STATEMENT_WITHOUT_DOCUMENT');
  const wrapped = parsePolicy(text, { acceptStatementFragment: true }).document;
  assert.equal(wrapped.statements.length, 1);
  assert.equal(wrapped.statements[0].sid, 'X');
});

test('10,000-deep nesting neither overflows the stack nor hangs', () => {
  const deep = '{"Version":"2012-10-17","Statement":' + '['.repeat(10000) + ']'.repeat(10000) + '}';
  for (const lenient of [false, true]) {
    const { document } = parsePolicy(deep, { lenient });
    assert.equal(document.statements.length, 0);
    assert.ok(document.problems!.length > 0);
  }
  const deepCondition = '{"Statement":{"Condition":{"StringEquals":{"k":' + '['.repeat(10000) + ']'.repeat(10000) + '}}}}';
  assert.doesNotThrow(() => parsePolicy(deepCondition));
  assert.throws(() => parsePolicy('['.repeat(10000)), PolicySyntaxError);
});

test('a 1 MB policy parses in linear work (≤ 2 counted steps per character)', () => {
  const statements = Array.from({ length: 4000 }, (_, i) => ({
    Sid: `S${i}`,
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject'],
    Resource: `arn:aws:s3:::bucket-${i}/*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } },
  }));
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
  assert.ok(text.length > 1_000_000);
  for (const lenient of [false, true]) {
    const { steps, value: parsed } = measureSteps(() => parsePolicy(text, { lenient }));
    const { document } = parsed;
    assert.ok(steps <= 2 * text.length, `${steps} steps for ${text.length} characters`);
    assert.equal(document.statements.length, 4000);
  }
});

test('documentFromValue builds the same model from parsed JSON, positions at 1:1', () => {
  const d = documentFromValue(JSON.parse(doc));
  assert.equal(d.statements.length, 2);
  assert.deepEqual(d.statements[1].principal!.values.AWS, ['arn:aws:iam::123456789012:root', '111122223333']);
  assert.deepEqual(d.statements[0].conditions[0].values, ['3600']);
  assert.deepEqual(d.statements[0].position, { line: 1, column: 1, offset: 0 });
  assert.equal(d.statements[0].source, undefined);
  assert.deepEqual(
    documentFromValue('nope').problems!.map((p) => p.code),
    ['POLICY_NOT_OBJECT'],
  );
});
