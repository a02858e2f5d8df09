/**
 * Lenient parsing (parsePolicy(text, { lenient: true })): the two repairs it makes must change
 * nothing but the commas, and each must be reported once, where it was made.
 *
 *  - Trailing commas: a valid policy with random trailing commas inserted (before `]` / `}`,
 *    directly after the last item or after white space) parses leniently to the same document as
 *    the original — same statements, actions, resources, conditions, principals — with exactly one
 *    JSON_REPAIRED_TRAILING_COMMA finding per inserted comma, at that comma's line and column.
 *  - Missing commas: the same with commas between items removed (JSON_REPAIRED_MISSING_COMMA).
 *
 * Inputs: the seed policies that are strict JSON, and generated policies printed with random
 * indentation and line endings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePolicy } from '../../src/policy/parse.js';
import { validatePolicy } from '../../src/policy/validate.js';
import { docSummary, params, positionOf, validSeedTexts } from './support.js';
import { policyArb } from './policy-gen.js';

interface Token {
  start: number;
  end: number;
  ch: string;
}

/** Structural characters and scalar tokens outside strings (enough for valid JSON). */
function scan(text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out.push({ start, end: i + 1, ch: '"' });
    } else if ('{}[],:'.includes(c)) out.push({ start: i, end: i + 1, ch: c });
    else if (!' \t\r\n'.includes(c)) {
      const start = i;
      while (i + 1 < text.length && !' \t\r\n{}[],:"'.includes(text[i + 1]!)) i++;
      out.push({ start, end: i + 1, ch: 'v' });
    }
  }
  return out;
}

/** Offsets where a trailing comma can go: [after the last item, just before the closer]. */
function trailingSlots(text: string): [number, number][] {
  const toks = scan(text);
  const slots: [number, number][] = [];
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!;
    const prev = toks[k - 1]!;
    if ((t.ch === ']' || t.ch === '}') && prev.ch !== '[' && prev.ch !== '{') slots.push([prev.end, t.start]);
  }
  return slots;
}

/** Commas between items whose removal leaves the neighbouring tokens separate. */
function droppableCommas(text: string): number[] {
  const toks = scan(text);
  const out: number[] = [];
  for (let k = 1; k + 1 < toks.length; k++) {
    const t = toks[k]!;
    if (t.ch !== ',') continue;
    const prev = toks[k - 1]!;
    const next = toks[k + 1]!;
    // `1,2` → `12` would merge two numbers into one: keep such commas.
    if (prev.ch === 'v' && next.ch === 'v' && prev.end === t.start && next.start === t.end) continue;
    out.push(t.start);
  }
  return out;
}

/** Inserts "," at each offset (ascending); returns the text and where each comma ended up. */
function insertCommas(text: string, offsets: number[]): { text: string; at: number[] } {
  const sorted = [...offsets].sort((a, b) => a - b);
  let out = '';
  let last = 0;
  const at: number[] = [];
  for (const o of sorted) {
    out += text.slice(last, o);
    at.push(out.length);
    out += ',';
    last = o;
  }
  return { text: out + text.slice(last), at };
}

const generatedTextArb = fc.tuple(policyArb({ principal: true }), fc.constantFrom<string | number>(0, 1, 2, 4, '\t'), fc.boolean()).map(([p, indent, crlf]) => {
  const t = JSON.stringify(p, null, indent);
  return crlf ? t.replace(/\n/g, '\r\n') : t;
});
const validTextArb = fc.oneof(fc.constantFrom(...validSeedTexts().map((s) => s.text)), generatedTextArb);

let trailingRepairs = 0;
let missingRepairs = 0;

test('fuzz lenient: trailing commas are repaired to the same document, one finding per comma at its position', () => {
  fc.assert(
    fc.property(
      validTextArb.chain((text) => {
        const slots = trailingSlots(text);
        return fc.tuple(
          fc.constant(text),
          fc.subarray(
            slots.map((_, i) => i),
            { minLength: Math.min(1, slots.length) },
          ),
          fc.array(fc.boolean(), { minLength: slots.length, maxLength: slots.length }),
        );
      }),
      ([text, chosen, direct]) => {
        const slots = trailingSlots(text);
        const { text: mutated, at } = insertCommas(
          text,
          chosen.map((i) => (direct[i] ? slots[i]![0] : slots[i]![1])),
        );
        const original = parsePolicy(text);
        const repaired = parsePolicy(mutated, { lenient: true });
        assert.deepEqual(docSummary(repaired.document), docSummary(original.document), 'the repaired document differs from the original');
        assert.equal(repaired.repairs.length, at.length, `expected ${at.length} repairs, got ${JSON.stringify(repaired.repairs)}`);
        assert.ok(repaired.repairs.every((r) => r.code === 'JSON_REPAIRED_TRAILING_COMMA'));
        trailingRepairs += at.length;
        const got = repaired.repairs.map((r) => `${r.line}:${r.column}`).sort();
        const want = at
          .map((o) => positionOf(mutated, o))
          .map((p) => `${p.line}:${p.column}`)
          .sort();
        assert.deepEqual(got, want, 'repairs must point at the inserted commas');
        // Strict mode rejects what lenient mode repaired; validation reports the repairs as warnings.
        if (at.length > 0) assert.throws(() => parsePolicy(mutated));
        const v = validatePolicy(mutated, { lenient: true });
        assert.equal(v.findings.filter((f) => f.code === 'JSON_REPAIRED_TRAILING_COMMA').length, at.length);
        assert.equal(v.valid, validatePolicy(text).valid, 'repairs are warnings: validity is that of the original');
      },
    ),
    params(400),
  );
});

test('fuzz lenient: missing commas between items are repaired to the same document, one finding each', () => {
  fc.assert(
    fc.property(
      validTextArb.chain((text) => fc.tuple(fc.constant(text), fc.subarray(droppableCommas(text)))),
      ([text, dropped]) => {
        let mutated = '';
        let last = 0;
        const at: number[] = []; // offset, in the mutated text, of the token after each dropped comma
        const toks = scan(text);
        for (const o of [...dropped].sort((a, b) => a - b)) {
          mutated += text.slice(last, o);
          const next = toks.find((t) => t.start > o)!;
          at.push(mutated.length + (next.start - (o + 1)));
          last = o + 1;
        }
        mutated += text.slice(last);
        const original = parsePolicy(text);
        const repaired = parsePolicy(mutated, { lenient: true });
        assert.deepEqual(docSummary(repaired.document), docSummary(original.document), 'the repaired document differs from the original');
        assert.equal(repaired.repairs.length, dropped.length, `expected ${dropped.length} repairs, got ${JSON.stringify(repaired.repairs)}`);
        assert.ok(repaired.repairs.every((r) => r.code === 'JSON_REPAIRED_MISSING_COMMA'));
        missingRepairs += dropped.length;
        const got = repaired.repairs.map((r) => `${r.line}:${r.column}`).sort();
        const want = at
          .map((o) => positionOf(mutated, o))
          .map((p) => `${p.line}:${p.column}`)
          .sort();
        assert.deepEqual(got, want, 'repairs must point at the item after each missing comma');
      },
    ),
    params(400),
  );
});

test('fuzz lenient: the properties above were not vacuous', () => {
  assert.ok(trailingRepairs > 500, `only ${trailingRepairs} trailing commas inserted`);
  assert.ok(missingRepairs > 500, `only ${missingRepairs} commas dropped`);
});
