/**
 * Shared pieces of the property-based (fuzz) tests: the fixed fast-check configuration, the seed
 * policies, and position checks.
 *
 * Every property runs with a FIXED seed and a bounded number of runs, so a run is reproducible and
 * the whole folder stays well under a minute on two cores. To explore further, override them:
 *   FUZZ_SEED=123 FUZZ_SCALE=10 node --test dist/test/fuzz/
 * (FUZZ_SCALE multiplies every numRuns). A failure message from fast-check names the seed and the
 * path to replay it.
 */
import { countSteps, steps } from '../../src/util/steps.js';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PolicyDocument } from '../../src/policy/types.js';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

/** fast-check parameters: fixed seed, `runs` scaled by FUZZ_SCALE. */
export function params<T>(runs: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(runs * SCALE)), includeErrorInReport: true, ...extra };
}

// dist/test/fuzz → repository root
const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface SeedText {
  name: string;
  text: string;
}

/** The seed policies verbatim (Amazon Connect documentation), valid and invalid JSON alike, deduplicated. */
export function seedTexts(): SeedText[] {
  const out: SeedText[] = [];
  const seen = new Set<string>();
  for (const dir of ['seed/policies/']) {
    for (const f of readdirSync(root + dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const text = readFileSync(root + dir + f, 'utf8');
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ name: dir + f, text });
    }
  }
  return out;
}

/** The seed policies that are strict JSON. */
export function validSeedTexts(): SeedText[] {
  return seedTexts().filter((s) => {
    try {
      JSON.parse(s.text);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * An independent offset → (line, column) computation (1-based; \r\n, \n and a lone \r end a line;
 * columns in UTF-16 code units), plus the length of that line including its terminator.
 */
export function positionOf(text: string, offset: number): { line: number; column: number; lineLength: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  let end = start;
  while (end < text.length && text[end] !== '\n' && !(text[end] === '\r' && text[end + 1] !== '\n')) end++;
  if (end < text.length) end++; // the terminator
  return { line, column: offset - start + 1, lineLength: end - start };
}

/**
 * Line bounds of a text (built once per text: checking 100,000 findings must not rescan 1 MB each
 * time). `check` asserts that a reported position lies inside the text: 1 ≤ line ≤ number of
 * lines and 1 ≤ column ≤ that line's length (terminator included) + 1 — one past the end is an
 * error at the end of input.
 */
export class TextBounds {
  /** Start offset of each line, plus text.length + 1 as a sentinel end. */
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  get lines(): number {
    return this.starts.length;
  }
  check(line: number | undefined, column: number | undefined, what: string): void {
    assert.ok(Number.isInteger(line) && line! >= 1, `${what}: line ${line} must be an integer ≥ 1`);
    assert.ok(Number.isInteger(column) && column! >= 1, `${what}: column ${column} must be an integer ≥ 1`);
    assert.ok(line! <= this.lines, `${what}: line ${line} beyond the text's ${this.lines} lines`);
    const start = this.starts[line! - 1]!;
    const next = line! < this.lines ? this.starts[line!]! : this.text.length;
    const length = next - start;
    assert.ok(column! <= length + 1, `${what}: column ${column} beyond line ${line}'s ${length} characters`);
  }
}

/**
 * Work allowed for one call on a text of `size` characters: a few steps per character (the JSON
 * tokenizer charges each character once, the validator and the matcher a few more), plus a fixed
 * allowance for work against the catalog that does not grow with the text ("did you mean"
 * suggestions are capped per policy; pattern expansion scans one service's actions).
 */
export const STEPS_PER_CHAR = 4;
export const CATALOG_STEPS = 2_000_000;
export const workBound = (size: number) => STEPS_PER_CHAR * size + CATALOG_STEPS;

/** Runs `fn` with the step counter on (src/util/steps.ts), returning its result (or thrown error) and the steps taken. */
export function counted<T>(fn: () => T): { steps: number; value?: T; error?: unknown } {
  countSteps(true);
  try {
    const value = fn();
    return { steps: steps.count, value };
  } catch (error) {
    return { steps: steps.count, error };
  } finally {
    countSteps(false);
  }
}

/** Tracks the call of a kind with the most work per allowed work, for the linear-work assertions. */
export class Heaviest {
  steps = 0;
  ratio = 0;
  input = '';
  note(taken: number, input: string): void {
    const ratio = taken / workBound(input.length);
    if (ratio > this.ratio) {
      this.ratio = ratio;
      this.steps = taken;
      this.input = input;
    }
  }
  assertWithinBound(what: string): void {
    assert.ok(
      this.ratio <= 1,
      `${what}: heaviest call took ${this.steps} steps (bound ${workBound(this.input.length)}) on input of ${this.input.length} chars starting ${JSON.stringify(this.input.slice(0, 120))}`,
    );
  }
}

/** The parts of a document the engine uses (positions excluded). */
export function docSummary(doc: PolicyDocument): unknown {
  return {
    version: doc.version,
    id: doc.id,
    statements: doc.statements.map((s) => ({
      sid: s.sid,
      effect: s.effect,
      action: s.action,
      notAction: s.notAction,
      resource: s.resource,
      notResource: s.notResource,
      principal: s.principal && { wildcard: s.principal.wildcard, values: s.principal.values },
      notPrincipal: s.notPrincipal && { wildcard: s.notPrincipal.wildcard, values: s.notPrincipal.values },
      conditions: s.conditions.map((c) => ({ operator: c.operator, key: c.key, values: c.values })),
    })),
    problems: (doc.problems ?? []).map((p) => p.code),
  };
}
