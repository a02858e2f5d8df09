/**
 * Property-based tests of the glob matcher (src/util/wildcard.ts): `*` any run of characters,
 * `?` exactly one ("IAM JSON policy elements: Action" / "Resource"; "Condition operators",
 * StringLike).
 *
 *  - Agreement with a reference dynamic-programming matcher written here, for random patterns and
 *    texts over a small alphabet (so that matches and near-misses are frequent), including long
 *    `?` segments (the one- and multi-word Shift-And paths), non-ASCII characters, literal pieces
 *    (`${*}` escapes), and the case-insensitive variant.
 *  - Linearity, measured in operation counts rather than wall time (the matcher's optional
 *    `matchSteps` counter): adversarial patterns against texts of n = 1,000 / 10,000 / 100,000
 *    characters take at most C·n·(pattern length) steps — in fact at most
 *    ⌈k/31⌉·(n + m) + O(1), k the longest `?` segment — and steps per character do not grow with n.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGlob, compileGlobLower, compileGlobPieces, countMatchSteps, globMatch, matchSteps, type PatternPiece } from '../../src/util/wildcard.js';
import { params } from './support.js';

type Tok = { star: true } | { any: true } | { ch: number };

function tokens(pieces: readonly PatternPiece[]): Tok[] {
  const out: Tok[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        out.push(c === 42 ? { star: true } : c === 63 ? { any: true } : { ch: c });
      }
    } else {
      for (let i = 0; i < p.lit.length; i++) out.push({ ch: p.lit.charCodeAt(i) });
    }
  }
  return out;
}

/**
 * Reference: the textbook O(n·m) dynamic program over UTF-16 code units.
 * dp[j] = "pattern[0, i) matches text[0, j)".
 */
function reference(pieces: readonly PatternPiece[], text: string): boolean {
  const pat = tokens(pieces);
  const n = text.length;
  let dp = new Array<boolean>(n + 1).fill(false);
  dp[0] = true;
  for (const t of pat) {
    const next = new Array<boolean>(n + 1).fill(false);
    if ('star' in t) {
      let any = false;
      for (let j = 0; j <= n; j++) {
        any ||= dp[j]!;
        next[j] = any;
      }
    } else {
      for (let j = 1; j <= n; j++) next[j] = dp[j - 1]! && ('any' in t || t.ch === text.charCodeAt(j - 1));
    }
    dp = next;
  }
  return dp[n]!;
}

const ref = (pattern: string, text: string) => reference([pattern], text);

const charArb = fc.constantFrom('a', 'a', 'a', 'b', 'b', 'c', 'é', '😀', ':', '/');
const patCharArb = fc.constantFrom('a', 'a', 'b', 'b', '*', '*', '?', '?', 'é', ':');

/** Text that often contains the pattern: each wildcard replaced by random text, then mutated. */
function textFor(pattern: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.string({ unit: charArb, maxLength: 4 }), { minLength: pattern.length, maxLength: pattern.length }), charArb, fc.nat(), fc.nat(3))
    .map(([fills, c, at, mut]) => {
      let s = '';
      for (let i = 0; i < pattern.length; i++) {
        const p = pattern[i]!;
        s += p === '*' ? fills[i]! : p === '?' ? (fills[i]![0] ?? 'a') : p;
      }
      const k = at % (s.length + 1);
      if (mut === 1) s = s.slice(0, k) + c + s.slice(k);
      else if (mut === 2) s = s.slice(0, k) + s.slice(k + 1);
      else if (mut === 3) s = s.slice(0, k) + c + s.slice(k + 1);
      return s;
    });
}

const shortPatternArb = fc.string({ unit: patCharArb, maxLength: 12 });
const longQPatternArb = fc
  .array(fc.oneof(fc.constant('*'), fc.string({ unit: fc.constantFrom('a', 'b', '?', '?', 'é'), minLength: 1, maxLength: 100 })), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join(''));

const patternAndText = (patternArb: fc.Arbitrary<string>) =>
  patternArb.chain((p) => fc.tuple(fc.constant(p), fc.oneof(textFor(p), fc.string({ unit: charArb, maxLength: 30 }))));

test('fuzz wildcard: compileGlob agrees with the reference matcher (short patterns)', () => {
  fc.assert(
    fc.property(patternAndText(shortPatternArb), ([p, s]) => {
      assert.equal(compileGlob(p)(s), ref(p, s), `${JSON.stringify(p)} ~ ${JSON.stringify(s)}`);
    }),
    params(4000),
  );
});

test('fuzz wildcard: long ? segments (one-, two- and multi-word Shift-And) agree with the reference', () => {
  fc.assert(
    fc.property(patternAndText(longQPatternArb), ([p, s]) => {
      assert.equal(compileGlob(p)(s), ref(p, s), `${JSON.stringify(p)} ~ ${JSON.stringify(s)}`);
    }),
    params(1500),
  );
});

test('fuzz wildcard: case-insensitive variant agrees with the reference on lower-cased text', () => {
  const upperArb = fc.constantFrom('a', 'A', 'b', 'B', '*', '?', 'É', 'é', 'İ', 'ß', 'K', 'k');
  fc.assert(
    fc.property(
      fc.string({ unit: upperArb, maxLength: 10 }).chain((p) =>
        fc.tuple(
          fc.constant(p),
          fc.oneof(
            textFor(p).map((t) => [...t].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('')),
            fc.string({ unit: upperArb, maxLength: 12 }),
          ),
        ),
      ),
      ([p, s]) => {
        const want = ref(p.toLowerCase(), s.toLowerCase());
        assert.equal(compileGlobLower(p)(s.toLowerCase()), want, `${JSON.stringify(p)} ~ ${JSON.stringify(s)} (ignore case)`);
        assert.equal(globMatch(p, s, true), want);
        assert.equal(compileGlobPieces([p], true)(s.toLowerCase()), want);
      },
    ),
    params(3000),
  );
});

test('fuzz wildcard: literal pieces ({ lit }: ${*}, ${?}, resolved variables) never act as wildcards', () => {
  const pieceArb: fc.Arbitrary<PatternPiece> = fc.oneof(
    fc.string({ unit: patCharArb, maxLength: 5 }),
    fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 3 }).map((lit) => ({ lit })),
  );
  fc.assert(
    fc.property(fc.array(pieceArb, { maxLength: 5 }), fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 12 }), (pieces, s) => {
      assert.equal(compileGlobPieces(pieces)(s), reference(pieces, s), `${JSON.stringify(pieces)} ~ ${JSON.stringify(s)}`);
    }),
    params(3000),
  );
});

// ---- linearity, in operation counts ---------------------------------------------------------------

/** Steps taken by one match (counter enabled only around the call). */
function steps(match: (s: string) => boolean, text: string): { steps: number; result: boolean } {
  countMatchSteps(true);
  try {
    const result = match(text);
    return { steps: matchSteps.count, result };
  } finally {
    countMatchSteps(false);
  }
}

/** Longest run of non-`*` characters containing a `?` (the Shift-And width), in 31-bit words. */
function words(pattern: string): number {
  let max = 1;
  for (const seg of pattern.split('*')) if (seg.includes('?')) max = Math.max(max, Math.ceil(seg.length / 31));
  return max;
}

const ADVERSARIAL = [
  'a*a*a*a*a*a*a*a*b',
  '*a*a*a*a*a*a*a*a*a*a*b*',
  '*' + 'a?'.repeat(20) + 'b*',
  '*a?a?a?a?a?a?b*',
  '*' + 'a?'.repeat(40) + 'b',
  '*?*?*?*x',
  '*?'.repeat(30) + 'b',
  '*' + '?'.repeat(200) + 'b',
  '?'.repeat(500) + '*b',
  '*' + 'a'.repeat(40) + 'b*',
  '*' + 'a'.repeat(100) + '?' + 'a'.repeat(100) + 'b*',
  '*ab*ab*ab*ab*ab*ab*ab*ac',
  'a*' + '?a'.repeat(50) + '*b',
];

const TEXTS: Record<string, (n: number) => string> = {
  'a^n': (n) => 'a'.repeat(n),
  '(ab)^n': (n) => 'ab'.repeat(n / 2),
  'a^n with a b near the end': (n) => 'a'.repeat(n - 2) + 'ba',
  'a^(n-1) b': (n) => 'a'.repeat(n - 1) + 'b',
};

test('fuzz wildcard: the step counter is off by default and costs nothing then', () => {
  countMatchSteps(false);
  compileGlob('*a?b*c')('xxa1bxxc');
  assert.equal(matchSteps.count, 0);
  assert.equal(matchSteps.enabled, false);
  const r = steps(compileGlob('*a?b*c'), 'xxa1bxxc');
  assert.equal(r.result, true);
  assert.ok(r.steps > 0);
});

test('fuzz wildcard: adversarial patterns take ≤ C·n·m steps, in fact O(n + m) per Shift-And word, for n = 1,000 / 10,000 / 100,000', () => {
  const C = 1;
  for (const pattern of ADVERSARIAL) {
    const m = pattern.length;
    const w = words(pattern);
    for (const [name, make] of Object.entries(TEXTS)) {
      const perChar: number[] = [];
      for (const n of [1_000, 10_000, 100_000]) {
        const text = make(n);
        const { steps: k, result } = steps(compileGlob(pattern), text);
        if (n === 1_000) assert.equal(result, ref(pattern, text), `${pattern} on ${name}`);
        assert.ok(k <= C * n * m, `${pattern} on ${name}, n=${n}: ${k} steps > C·n·m = ${C * n * m}`);
        assert.ok(k <= w * (text.length + m) + 16, `${pattern} on ${name}, n=${n}: ${k} steps > ⌈k/31⌉·(n + m) + 16 = ${w * (text.length + m) + 16}`);
        perChar.push(k / n);
      }
      // Linear growth: steps per character at n = 100,000 no more than at n = 1,000 (plus slack for
      // the pattern-length term, which shrinks per character as n grows).
      assert.ok(
        perChar[2]! <= perChar[0]! * 1.01 + 0.01 && perChar[1]! <= perChar[0]! * 1.01 + 0.01,
        `${pattern} on ${name}: steps per character grow with n: ${perChar.map((x) => x.toFixed(3)).join(' → ')}`,
      );
    }
  }
});

test('fuzz wildcard: random patterns on random 10,000-character texts stay within ⌈k/31⌉·(n + m) + O(1) steps', () => {
  const textArb = fc
    .tuple(fc.constantFrom('a', 'ab', 'aab', 'abc', 'aaaaaaab'), fc.nat(5))
    .map(([unit, tail]) => unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000 - tail) + 'cab'.slice(0, tail));
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', '*', '?', 'c'), maxLength: 60 }), longQPatternArb), textArb, (pattern, text) => {
      const { steps: k } = steps(compileGlob(pattern), text);
      const bound = words(pattern) * (text.length + pattern.length) + 16;
      assert.ok(k <= bound, `${JSON.stringify(pattern)}: ${k} steps > ${bound}`);
    }),
    params(300),
  );
});

test('fuzz wildcard: a 1 MB pattern compiles and matches (no call-stack overflow)', () => {
  // Regression: makeSegment built a segment's text with String.fromCharCode(...codes), which throws
  // RangeError ("Maximum call stack size exceeded") for a segment of ~120,000+ characters — a
  // 1 MB Resource or Action made compilePolicy and validatePolicy throw.
  const big = 'x'.repeat(1 << 20);
  assert.equal(compileGlob(big)(big), true);
  assert.equal(compileGlob('*' + big)('y' + big), true);
  assert.equal(compileGlob('a*' + big + '*b')('a' + big + 'b'), true);
  assert.equal(compileGlobLower(big.toUpperCase())(big), true);
});
