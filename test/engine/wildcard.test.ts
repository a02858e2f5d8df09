/**
 * Glob matching — "IAM JSON policy elements: Action" / "Resource" / "Condition operators"
 * (StringLike): `*` matches any run of characters, `?` exactly one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, compileGlobLower, compileGlobPieces, globMatch } from '../../src/util/wildcard.js';
import { measureSteps } from '../../src/util/steps.js';

test('wildcard: literal patterns match exactly', () => {
  assert.equal(globMatch('abc', 'abc'), true);
  assert.equal(globMatch('abc', 'abcd'), false);
  assert.equal(globMatch('', ''), true);
  assert.equal(globMatch('', 'a'), false);
});

test('wildcard: * matches any run including empty', () => {
  for (const [p, s, want] of [
    ['*', '', true],
    ['*', 'anything:at/all', true],
    ['a*', 'a', true],
    ['a*', 'ab', true],
    ['a*', 'ba', false],
    ['*a', 'ba', true],
    ['*a', 'ab', false],
    ['a*b', 'ab', true],
    ['a*b', 'axxxb', true],
    ['a*b', 'axxxbc', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXcYb', false],
    ['*b*', 'abc', true],
    ['**', 'x', true],
    ['a**b', 'ab', true],
  ] as const) {
    assert.equal(globMatch(p, s), want, `${p} ~ ${s}`);
  }
});

test('wildcard: ? matches exactly one character', () => {
  for (const [p, s, want] of [
    ['?', 'a', true],
    ['?', '', false],
    ['?', 'ab', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*?', 'a', true],
    ['*?', '', false],
    ['?*?', 'ab', true],
    ['?*?', 'a', false],
    ['*a?c*', 'xxabcyy', true],
    ['*a?c*', 'xxacyy', false],
    ['*a??d*e', 'zzabcdze', true],
    ['*a??d*e', 'zzabcde', true],
    ['*a??d*e', 'zzabde', false],
  ] as const) {
    assert.equal(globMatch(p, s), want, `${p} ~ ${s}`);
  }
});

test('wildcard: leftmost placement never loses a match (overlapping segments)', () => {
  assert.equal(globMatch('*aab*', 'aaab'), true);
  assert.equal(globMatch('*aba*aba*', 'ababa'), false);
  assert.equal(globMatch('*aba*aba*', 'abaaba'), true);
  assert.equal(globMatch('*a?a*', 'baca'), true);
  assert.equal(globMatch('*a?a*', 'abba'), false);
  assert.equal(globMatch('a*?a', 'aa'), false);
  assert.equal(globMatch('a*?a', 'aba'), true);
});

test('wildcard: agrees with a reference regex on random patterns (property check)', () => {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = 'ab*?';
  for (let i = 0; i < 3000; i++) {
    let p = '';
    for (let j = rnd(8); j > 0; j--) p += alphabet[rnd(4)];
    let s = '';
    for (let j = rnd(10); j > 0; j--) s += 'ab'[rnd(2)];
    const re = new RegExp('^' + p.replace(/\?/g, '.').replace(/\*/g, '.*') + '$', 's');
    assert.equal(globMatch(p, s), re.test(s), `${p} ~ ${s}`);
  }
});

test('wildcard: case-insensitive variant expects lower-cased text (actions are case-insensitive)', () => {
  const m = compileGlobLower('S3:Get*');
  assert.equal(m('s3:getobject'), true);
  assert.equal(m('s3:putobject'), false);
  assert.equal(globMatch('IAM:List*', 'iam:ListUsers', true), true);
});

test('wildcard: literal pieces do not act as wildcards (${*} escapes)', () => {
  const m = compileGlobPieces(['a', { lit: '*' }, 'b*']);
  assert.equal(m('a*bzzz'), true);
  assert.equal(m('axbzzz'), false);
  const q = compileGlobPieces([{ lit: '?' }]);
  assert.equal(q('?'), true);
  assert.equal(q('x'), false);
});

test('wildcard: pathological patterns run in linear time (a*a*a*a*a*a*a*a*b on 100,000 chars: ≤ 2 steps per character per Shift-And word)', () => {
  const text = 'a'.repeat(100_000);
  const patterns = [
    'a*a*a*a*a*a*a*a*b',
    '*' + 'a?'.repeat(20) + 'b*',
    '*a*a*a*a*a*a*a*a*a*a*b*',
    '*a?a?a?a?a?a?b*',
    '*' + 'a'.repeat(40) + 'b*',
    '*?'.repeat(30) + 'b',
  ];
  for (const p of patterns) {
    const m = compileGlob(p);
    // A `?` segment of k characters is scanned by Shift-And over ⌈k/31⌉ words, each charged per position.
    const words = Math.max(1, ...p.split('*').map((seg) => (seg.includes('?') ? Math.ceil(seg.length / 31) : 1)));
    const r = measureSteps(() => m(text));
    assert.equal(r.value, false);
    assert.ok(r.steps <= 2 * words * text.length, `${p}: ${r.steps} steps for ${text.length} characters`);
  }
});

test('wildcard: long ? segments (multi-word Shift-And) agree with a reference regex', () => {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 500; i++) {
    let seg = '';
    for (let j = 32 + rnd(40); j > 0; j--) seg += 'ab?'[rnd(3)];
    const p = '*' + seg + '*';
    let s = '';
    for (let j = rnd(120); j > 0; j--) s += 'ab'[rnd(2)];
    if (rnd(2)) s = s.slice(0, 10) + seg.replace(/\?/g, 'b') + s.slice(10);
    const re = new RegExp('^' + p.replace(/\?/g, '.').replace(/\*/g, '.*') + '$', 's');
    assert.equal(globMatch(p, s), re.test(s), `${p} ~ ${s}`);
  }
});
