/**
 * Property-based tests of the policy parser and validator on hostile text.
 *
 * Contract (src/policy/parse.ts, validate.ts):
 *  - parsePolicy(text) returns a document or throws PolicySyntaxError — nothing else — and a
 *    PolicySyntaxError names 1-based line/column inside the text, consistent with its offset;
 *  - strict parsePolicy accepts exactly what JSON.parse accepts (RFC 8259);
 *  - validatePolicy never throws; for text that is not JSON it returns valid=false with a
 *    JSON_SYNTAX_ERROR finding at the same line/column; every finding's position lies in the text;
 *  - lenient mode accepts every strict-JSON text unchanged (no repairs, same document);
 *  - every call's work is linear in the text, whatever the input (nesting 10,000 deep, strings of
 *    1 MB, 1 MB of list entries, pathological wildcards): at most support.ts's workBound steps.
 *
 * Inputs: random strings, random JSON, mutations of the seed policies (Amazon Connect
 * documentation, verbatim), deep nesting, huge strings and huge lists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePolicy, PolicySyntaxError, type ParsedPolicy } from '../../src/policy/parse.js';
import { validatePolicy, type PolicyValidationResult } from '../../src/policy/validate.js';
import type { PolicyType } from '../../src/policy/types.js';
import { counted, docSummary, Heaviest, params, positionOf, seedTexts, TextBounds, workBound } from './support.js';

const POLICY_TYPES: PolicyType[] = ['IDENTITY_POLICY', 'RESOURCE_POLICY', 'SERVICE_CONTROL_POLICY'];

const heavyParse = new Heaviest();
const heavyValidate = new Heaviest();

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function checkSyntaxError(text: string, bounds: TextBounds, e: unknown, what: string): PolicySyntaxError {
  assert.ok(
    e instanceof PolicySyntaxError,
    `${what} threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)} instead of PolicySyntaxError`,
  );
  assert.ok(Number.isInteger(e.offset) && e.offset >= 0 && e.offset <= text.length, `${what}: offset ${e.offset} outside 0..${text.length}`);
  bounds.check(e.line, e.column, what);
  const p = positionOf(text, e.offset);
  assert.deepEqual([e.line, e.column], [p.line, p.column], `${what}: line/column disagree with offset ${e.offset}`);
  assert.ok(e.reason.length > 0, `${what}: empty reason`);
  return e;
}

function checkValidation(bounds: TextBounds, r: PolicyValidationResult, syntax: PolicySyntaxError | undefined, what: string): void {
  assert.equal(typeof r.valid, 'boolean');
  assert.ok(Array.isArray(r.findings));
  assert.equal(r.valid, !r.findings.some((f) => f.findingType === 'ERROR'), `${what}: valid must mean "no ERROR finding"`);
  for (const f of r.findings) {
    assert.ok(['ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION'].includes(f.findingType), `${what}: finding type ${f.findingType}`);
    assert.ok(typeof f.code === 'string' && f.code.length > 0 && typeof f.message === 'string');
    bounds.check(f.line, f.column, `${what}: finding ${f.code}`);
  }
  const syntaxFindings = r.findings.filter((f) => f.code === 'JSON_SYNTAX_ERROR');
  if (syntax) {
    assert.equal(r.valid, false, `${what}: invalid JSON must be invalid`);
    assert.equal(syntaxFindings.length, 1, `${what}: one JSON_SYNTAX_ERROR finding`);
    assert.deepEqual([syntaxFindings[0]!.line, syntaxFindings[0]!.column], [syntax.line, syntax.column], `${what}: finding at the parser's position`);
  } else {
    assert.equal(syntaxFindings.length, 0, `${what}: JSON text must not get JSON_SYNTAX_ERROR`);
  }
}

function assertLinear(taken: number, what: string, text: string): void {
  assert.ok(
    taken <= workBound(text.length),
    `${what} took ${taken} steps (bound ${workBound(text.length)}) on ${text.length} chars starting ${JSON.stringify(text.slice(0, 160))}`,
  );
}

/** The whole contract for one text. */
function checkText(text: string, policyType: PolicyType = 'IDENTITY_POLICY'): void {
  const bounds = new TextBounds(text);
  // strict parse
  const strict = counted(() => parsePolicy(text));
  heavyParse.note(strict.steps, text);
  assertLinear(strict.steps, 'parsePolicy', text);
  let syntax: PolicySyntaxError | undefined;
  if (strict.error !== undefined) syntax = checkSyntaxError(text, bounds, strict.error, 'parsePolicy');
  else {
    assert.ok(Array.isArray(strict.value!.document.statements));
    assert.deepEqual(strict.value!.repairs, []);
  }
  assert.equal(syntax === undefined, isJson(text), `strict parsePolicy must accept exactly what JSON.parse accepts (${syntax?.message})`);

  // strict validate
  const v = counted(() => validatePolicy(text, { policyType }));
  heavyValidate.note(v.steps, text);
  assertLinear(v.steps, 'validatePolicy', text);
  assert.equal(v.error, undefined, `validatePolicy threw ${v.error instanceof Error ? `${v.error.name}: ${v.error.message.slice(0, 300)}` : String(v.error)}`);
  checkValidation(bounds, v.value!, syntax, 'validatePolicy');

  // lenient parse
  const lenient = counted(() => parsePolicy(text, { lenient: true }));
  heavyParse.note(lenient.steps, text);
  assertLinear(lenient.steps, 'parsePolicy(lenient)', text);
  let lenientSyntax: PolicySyntaxError | undefined;
  if (lenient.error !== undefined) {
    lenientSyntax = checkSyntaxError(text, bounds, lenient.error, 'parsePolicy(lenient)');
    assert.ok(syntax, 'lenient mode must accept every strict-JSON text');
  } else {
    const { document, repairs } = lenient.value as ParsedPolicy;
    for (const r of repairs) {
      assert.ok(r.code === 'JSON_REPAIRED_TRAILING_COMMA' || r.code === 'JSON_REPAIRED_MISSING_COMMA', r.code);
      assert.equal(r.findingType, 'WARNING');
      bounds.check(r.line, r.column, `repair ${r.code}`);
    }
    if (!syntax) {
      assert.deepEqual(repairs, [], 'no repairs for strict JSON');
      assert.deepEqual(docSummary(document), docSummary(strict.value!.document), 'lenient and strict documents of strict JSON agree');
    } else {
      assert.ok(repairs.length > 0, `lenient mode accepted invalid JSON without reporting a repair (strict error: ${syntax.message})`);
    }
  }

  // lenient validate
  const lv = counted(() => validatePolicy(text, { policyType, lenient: true }));
  heavyValidate.note(lv.steps, text);
  assertLinear(lv.steps, 'validatePolicy(lenient)', text);
  assert.equal(lv.error, undefined, `validatePolicy(lenient) threw ${String(lv.error)}`);
  checkValidation(bounds, lv.value!, lenientSyntax, 'validatePolicy(lenient)');
}

// ---- arbitraries ------------------------------------------------------------------------------

const seeds = seedTexts();
const seedArb = fc.constantFrom(...seeds.map((s) => s.text));
const policyTypeArb = fc.constantFrom(...POLICY_TYPES);

/** Characters that matter to a JSON scanner, plus awkward ones. */
const charArb = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0000',
  '\u001f',
  '\u007f',
  'a',
  'Z',
  '0',
  '1',
  '-',
  '+',
  '.',
  'e',
  'E',
  't',
  'n',
  'f',
  'u',
  '/',
  '*',
  '?',
  '$',
  '${',
  'é',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udc00',
  '😀',
  '//',
  '/*',
  'true',
  'null',
  '"Effect"',
  '"Allow"',
  '"Statement"',
  '"Action": "s3:*"',
  '\\u12',
  '\\x',
  '1e5',
  '-0',
  '01',
);

type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'swap'; at: number }
  | { op: 'dropComma'; nth: number }
  | { op: 'trailingComma'; nth: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicateKey'; nth: number; key: string; value: string }
  | { op: 'replace'; at: number; len: number; text: string };

const keyArb = fc.constantFrom(
  'Version',
  'Statement',
  'Id',
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
  'StringEquals',
  'aws:ResourceTag/x',
  'AWS',
  'effect',
  '',
);
const jsonValueTextArb = fc.oneof(
  fc.constantFrom(
    '"Allow"',
    '"Deny"',
    '"*"',
    '"s3:Get*"',
    '"2012-10-17"',
    '[]',
    '{}',
    'null',
    'true',
    '1',
    '["a", "b"]',
    '{"AWS": "*"}',
    '{"StringEquals": {"aws:username": "x"}}',
    '[{"Effect": "Allow", "Action": "*", "Resource": "*"}]',
  ),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: charArb }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dropComma' as const), nth: fc.nat() }),
  fc.record({ op: fc.constant('trailingComma' as const), nth: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateKey' as const), nth: fc.nat(), key: keyArb, value: jsonValueTextArb }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), len: fc.integer({ min: 0, max: 8 }), text: charArb }),
);

function indexesOf(text: string, chars: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i]!)) out.push(i);
  return out;
}

function applyMutation(text: string, m: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  switch (m.op) {
    case 'delete': {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.len);
    }
    case 'insert': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'swap': {
      if (text.length < 2) return text;
      const i = m.at % (text.length - 1);
      return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
    }
    case 'dropComma': {
      const commas = indexesOf(text, ',');
      if (commas.length === 0) return text;
      const i = commas[m.nth % commas.length]!;
      return text.slice(0, i) + text.slice(i + 1);
    }
    case 'trailingComma': {
      const closers = indexesOf(text, ']}');
      if (closers.length === 0) return text;
      const i = closers[m.nth % closers.length]!;
      return text.slice(0, i) + ',' + text.slice(i);
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'duplicateKey': {
      const opens = indexesOf(text, '{');
      if (opens.length === 0) return text;
      const i = opens[m.nth % opens.length]! + 1;
      return text.slice(0, i) + `"${m.key}": ${m.value},` + text.slice(i);
    }
    case 'replace': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i + m.len);
    }
  }
}

const mutatedSeedArb = fc.tuple(seedArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 })).map(([text, ms]) => ms.reduce(applyMutation, text));

// ---- properties -------------------------------------------------------------------------------

test('fuzz parser: every seed policy verbatim', () => {
  for (const s of seeds) for (const t of POLICY_TYPES) checkText(s.text, t);
});

test('fuzz parser: random strings', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.array(charArb, { maxLength: 30 }).map((a) => a.join('')),
      ),
      policyTypeArb,
      (text, t) => {
        checkText(text, t);
      },
    ),
    params(400),
  );
});

test('fuzz parser: random JSON values (valid JSON, mostly not policies)', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(0, 2, '\t'), policyTypeArb, (v, indent, t) => {
      checkText(JSON.stringify(v, null, indent), t);
    }),
    params(200),
  );
});

test('fuzz parser: random JSON shaped like policies', () => {
  const stmt = fc.dictionary(
    keyArb,
    fc.oneof(
      jsonValueTextArb.map((s) => JSON.parse(s) as unknown),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    { maxKeys: 6 },
  );
  const doc = fc.record(
    {
      Version: fc.oneof(fc.constantFrom('2012-10-17', '2008-10-17', 'x'), fc.jsonValue({ maxDepth: 1 })),
      Statement: fc.oneof(fc.array(stmt, { maxLength: 4 }), stmt, fc.jsonValue({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(doc, fc.constantFrom(0, 2, '\r\n'), policyTypeArb, (d, indent, t) => {
      const text = JSON.stringify(d, null, typeof indent === 'string' ? 1 : indent);
      checkText(typeof indent === 'string' ? text.replace(/\n/g, '\r\n') : text, t);
    }),
    params(200),
  );
});

test('fuzz parser: mutations of the seed policies (delete/insert/swap, commas, truncation, duplicate keys)', () => {
  fc.assert(
    fc.property(mutatedSeedArb, policyTypeArb, (text, t) => {
      checkText(text, t);
    }),
    params(700),
  );
});

test('fuzz parser: nesting up to 10,000 deep, balanced or not, alone or inside a policy', () => {
  const depthArb = fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 9_000, max: 10_000 }));
  const shapeArb = fc.constantFrom('array', 'object', 'mixed');
  const endArb = fc.constantFrom('balanced', 'missing-close', 'extra-close', 'trailing-comma', 'bad-leaf');
  const whereArb = fc.constantFrom('alone', 'Statement', 'Action', 'Condition', 'ConditionValue', 'Principal');
  fc.assert(
    fc.property(depthArb, shapeArb, endArb, whereArb, (depth, shape, end, where) => {
      let open = '';
      let close = '';
      for (let i = 0; i < depth; i++) {
        const arr = shape === 'array' || (shape === 'mixed' && i % 2 === 0);
        open += arr ? '[' : '{"k":';
        close = (arr ? ']' : '}') + close;
      }
      let leaf = '"x"';
      if (end === 'missing-close') close = close.slice(1);
      if (end === 'extra-close') close += ']';
      if (end === 'trailing-comma') leaf = '"x",';
      if (end === 'bad-leaf') leaf = 'x';
      const nest = open + leaf + close;
      const wrap: Record<string, (n: string) => string> = {
        alone: (n) => n,
        Statement: (n) => `{"Version": "2012-10-17", "Statement": ${n}}`,
        Action: (n) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${n}, "Resource": "*"}]}`,
        Condition: (n) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": ${n}}]}`,
        ConditionValue: (n) =>
          `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:username": ${n}}}}]}`,
        Principal: (n) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${n}, "Action": "s3:GetObject", "Resource": "*"}]}`,
      };
      checkText(wrap[where]!(nest), where === 'Principal' ? 'RESOURCE_POLICY' : 'IDENTITY_POLICY');
    }),
    params(40, { endOnFailure: true }), // no shrinking: each run handles up to 1 MB
  );
});

/** Where a 1 MB string (or 1 MB of list entries) goes inside an otherwise ordinary policy. */
const HUGE_SLOTS: Record<string, (s: string) => string> = {
  Sid: (s) => `{"Version": "2012-10-17", "Statement": [{"Sid": ${s}, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`,
  Version: (s) => `{"Version": ${s}, "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`,
  Effect: (s) => `{"Version": "2012-10-17", "Statement": [{"Effect": ${s}, "Action": "s3:GetObject", "Resource": "*"}]}`,
  ActionName: (s) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:${s.slice(1)}, "Resource": "*"}]}`,
  ActionService: (s) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${s.slice(0, -1)}:GetObject", "Resource": "*"}]}`,
  Action: (s) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [${s}, "s3:GetObject"], "Resource": "*"}]}`,
  NotAction: (s) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ${s}, "Resource": "*"}]}`,
  Resource: (s) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ${s}}]}`,
  ResourceArnService: (s) =>
    `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:${s.slice(1, -1)}:us-east-1:123456789012:x/y"}]}`,
  ResourceTail: (s) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${s.slice(1)}}]}`,
  ConditionOperator: (s) =>
    `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {${s}: {"aws:username": "x"}}}]}`,
  ConditionKey: (s) =>
    `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringLike": {${s}: "x"}}}]}`,
  ConditionValue: (s) =>
    `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringLike": {"aws:username": ${s}}, "IpAddress": {"aws:SourceIp": ${s}}, "DateLessThan": {"aws:CurrentTime": ${s}}, "ArnLike": {"aws:PrincipalArn": ${s}}}}]}`,
  Principal: (s) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ${s}}, "Action": "s3:GetObject", "Resource": "*"}]}`,
  Key: (s) => `{"Version": "2012-10-17", ${s}: 1, "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`,
  Unterminated: (s) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${s.slice(0, -1)}`,
};

/** A JSON string literal of about `size` characters built from `unit`. */
function hugeLiteral(unit: string, size: number): string {
  return JSON.stringify(unit.repeat(Math.max(1, Math.floor(size / Math.max(1, unit.length)))).slice(0, size));
}

test('fuzz parser: strings up to 1 MB in every element', () => {
  const unitArb = fc.constantFrom('x', 'a*', '*?', 'a-', 'ab/', ':', '${aws:username}', 'é', '\u0001', '"', '\\', ' ', '1', '0.', 'Aa');
  const sizeArb = fc.oneof(fc.integer({ min: 1_000, max: 20_000 }), fc.constant(1 << 20));
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(HUGE_SLOTS)), unitArb, sizeArb, policyTypeArb, (slot, unit, size, t) => {
      checkText(HUGE_SLOTS[slot]!(hugeLiteral(unit, size)), slot === 'Principal' ? 'RESOURCE_POLICY' : t);
    }),
    params(40, { endOnFailure: true }), // no shrinking: each run handles up to 1 MB
  );
});

test('fuzz parser: 1 MB of list entries, statements, keys and duplicates', () => {
  const units: Record<string, string> = {
    actions: '"s3:GetObject"',
    wildActions: '"s3:Get*"',
    mixedActions: '"s3:*Object", "s3:GetObject"',
    badActions: '"s3:Nope"',
    resources: '"arn:aws:s3:::b/*"',
    badResources: '"arn:aws:foo:::accountId"',
    statements: '{"Effect": "Allow", "Action": [], "Resource": []}',
    badStatements: '{"Action": [1], "Resource": "x"}',
    sidStatements: '{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
    conditionKeys: '"aws:username": "x"',
    principals: '"AWS": "arn:aws:iam::123456789012:user/u"',
    keys: '"Version": "x"',
    operators: '"StringEquals": {"aws:username": "x"}',
    values: '"x", 1, true',
    nulls: 'null',
  };
  const place: Record<string, (body: string) => string> = {
    actions: (b) => HUGE_SLOTS.Action!(b),
    wildActions: (b) => HUGE_SLOTS.Action!(b),
    mixedActions: (b) => HUGE_SLOTS.Action!(b),
    badActions: (b) => HUGE_SLOTS.Action!(b),
    resources: (b) => HUGE_SLOTS.Resource!(`[${b}]`),
    badResources: (b) => HUGE_SLOTS.Resource!(`[${b}]`),
    statements: (b) => `{"Version": "2012-10-17", "Statement": [${b}]}`,
    badStatements: (b) => `{"Version": "2012-10-17", "Statement": [${b}]}`,
    sidStatements: (b) => `{"Version": "2012-10-17", "Statement": [${b}]}`,
    conditionKeys: (b) =>
      `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {${b}}}}]}`,
    principals: (b) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {${b}}, "Action": "s3:GetObject", "Resource": "*"}]}`,
    keys: (b) => `{${b}, "Statement": []}`,
    operators: (b) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {${b}}}]}`,
    values: (b) =>
      `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:username": [${b}]}}}]}`,
    nulls: (b) => HUGE_SLOTS.Action!(b),
  };
  const sizeArb = fc.oneof(fc.integer({ min: 1_000, max: 50_000 }), fc.constant(1 << 20));
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(units)), sizeArb, fc.boolean(), (kind, size, trailing) => {
      const unit = units[kind]!;
      const n = Math.max(1, Math.floor(size / (unit.length + 2)));
      const body = new Array<string>(n).fill(unit).join(', ') + (trailing ? ',' : '');
      checkText(place[kind]!(body), kind === 'principals' ? 'RESOURCE_POLICY' : 'IDENTITY_POLICY');
    }),
    params(25, { endOnFailure: true }), // no shrinking: each run handles up to 1 MB
  );
});

test('fuzz parser: pathological wildcard patterns in actions, resources and condition values', () => {
  const pieceArb = fc.constantFrom('a', 'a*', '*a', '?', '*?', 'a?', 'e', '*e', 'Get', '*:', ':');
  const patternArb = fc.array(pieceArb, { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
  const subjectArb = fc.oneof(fc.constantFrom('s3:', 'connect:', '*:', 'iam:', ''), fc.constant('s3:' + 'a'.repeat(60)));
  fc.assert(
    fc.property(subjectArb, patternArb, fc.nat(80), (prefix, pattern, n) => {
      const action = JSON.stringify(prefix + pattern);
      const plain = JSON.stringify('s3:' + 'a'.repeat(n));
      checkText(
        `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [${action}, ${plain}, ${action.replace(/b?"$/, 'b"')}], "Resource": ${action}, "Condition": {"StringLike": {"aws:username": ${action}}, "ArnLike": {"aws:PrincipalArn": ${action}}}}]}`,
      );
    }),
    params(120),
  );
});

test('fuzz parser: every call stayed within the linear work bound (max over all the properties above)', () => {
  heavyParse.assertWithinBound('parsePolicy');
  heavyValidate.assertWithinBound('validatePolicy');
});
