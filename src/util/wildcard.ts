/**
 * Glob matching with `*` (any run of characters, including none) and `?` (exactly one character).
 *
 * Source: "IAM JSON policy elements: Action" / "Resource" and "IAM JSON policy elements: Condition
 * operators" (StringLike): `*` is a multi-character wildcard and `?` a single-character wildcard,
 * usable anywhere in the value.
 *
 * Why not a regular expression: a backtracking RegExp built from `a*a*a*a*b` takes exponential or
 * polynomial time on long inputs, and policy text is user input. This matcher never backtracks:
 *
 *   pattern = P0 * P1 * ... * Pk        (Pi are star-free segments that may contain `?`)
 *
 * P0 must match at the start, Pk at the end, and each middle segment is placed at its LEFTMOST
 * occurrence after the previous one. Leftmost placement is always safe because a `*` can absorb
 * whatever lies between two segments, so an earlier placement never rules out a later match. Every
 * middle segment's search starts where the previous one ended, so the text is scanned once per
 * segment at most, and a failed search ends the match.
 *
 * Segment search: a segment without `?` uses String.prototype.indexOf; a segment with `?` and at most
 * 31 characters uses the bit-parallel Shift-And algorithm (one pass, O(n)); a longer segment with `?`
 * uses Shift-And over ⌈k/31⌉ words, O(n·k/31). indexOf is V8's linear-time string search. Overall
 * the worst case is O(n·m/31) and for every realistic policy pattern it is O(n).
 */

import { steps as matchSteps, countSteps } from './steps.js';
/** A piece of pattern text: a plain string is raw pattern text (`*` and `?` are wildcards); `{ lit }` is literal text (from `${*}`, `${?}`, `${$}` or a resolved policy variable). */
export type PatternPiece = string | { lit: string };

export type Matcher = (text: string) => boolean;

/**
 * Optional instrumentation (the shared step counter of ./steps.ts), for tests that assert operation
 * counts rather than wall time: when enabled, every match adds the number of text characters it
 * examined (one per character comparison or scan position; a Shift-And scan over w words counts w
 * per position). indexOf, startsWith, endsWith and === are charged the span of text they had to
 * look at (V8's string search is linear in it). Disabled by default: the matchers then pay one
 * predictable branch per segment search, not per character.
 */
export { matchSteps, countSteps as countMatchSteps };

const MATCH_ALL: Matcher = () => true;

/** Sentinel code for `?` inside a segment. */
const ANY_CHAR = -1;

interface Segment {
  /** Character codes; ANY_CHAR for `?`. */
  codes: number[];
  /** The segment as text when it has no `?` (for indexOf / startsWith); otherwise undefined. */
  text: string | undefined;
}

interface ParsedPattern {
  segments: Segment[];
  /** true when the pattern contains at least one `*`: segments[0] is then anchored at the start and the last at the end. */
  hasStar: boolean;
}

function parsePieces(pieces: readonly PatternPiece[], lower: boolean): ParsedPattern {
  const segments: Segment[] = [];
  let codes: number[] = [];
  let hasStar = false;
  const flush = () => {
    segments.push(makeSegment(codes));
    codes = [];
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      const text = lower ? piece.toLowerCase() : piece;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 42 /* * */) {
          hasStar = true;
          flush();
        } else if (c === 63 /* ? */) {
          codes.push(ANY_CHAR);
        } else {
          codes.push(c);
        }
      }
    } else {
      const text = lower ? piece.lit.toLowerCase() : piece.lit;
      for (let i = 0; i < text.length; i++) codes.push(text.charCodeAt(i));
    }
  }
  flush();
  return { segments, hasStar };
}

function makeSegment(codes: number[]): Segment {
  return { codes, text: codes.includes(ANY_CHAR) ? undefined : codesToString(codes) };
}

/** String.fromCharCode(...codes) in chunks: spreading a 1 MB array overflows the call stack. */
function codesToString(codes: number[]): string {
  if (codes.length <= 4096) return String.fromCharCode(...codes);
  let text = '';
  for (let i = 0; i < codes.length; i += 4096) text += String.fromCharCode(...codes.slice(i, i + 4096));
  return text;
}

/** Does `seg` match `s` at position `at` (caller guarantees at + seg.length <= s.length)? */
function segmentMatchesAt(seg: Segment, s: string, at: number): boolean {
  const codes = seg.codes;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c !== ANY_CHAR && c !== s.charCodeAt(at + i)) {
      if (matchSteps.enabled) matchSteps.count += i + 1;
      return false;
    }
  }
  if (matchSteps.enabled) matchSteps.count += codes.length;
  return true;
}

type Finder = (s: string, from: number, end: number) => number;

/** Builds the leftmost-occurrence finder for a middle segment, restricted to s[from, end). */
function makeFinder(seg: Segment): Finder {
  const len = seg.codes.length;
  if (len === 0) return (_s, from) => from;
  if (seg.text !== undefined) {
    const text = seg.text;
    return (s, from, end) => {
      const idx = s.indexOf(text, from);
      if (matchSteps.enabled) matchSteps.count += (idx === -1 ? s.length : idx + len) - from;
      return idx !== -1 && idx + len <= end ? idx : -1;
    };
  }
  return len <= 31 ? shiftAndFinder(seg.codes) : wideShiftAndFinder(seg.codes);
}

/**
 * Shift-And (Baeza-Yates–Gonnet): bit i of `state` is set when the first i+1 segment characters
 * match the text ending at the current position. One pass over the text, constant work per char.
 */
function shiftAndFinder(codes: number[]): Finder {
  const len = codes.length;
  let wild = 0;
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  codes.forEach((c, i) => {
    const bit = 1 << i;
    if (c === ANY_CHAR) wild |= bit;
    else if (c < 128) ascii[c]! |= bit;
    else other.set(c, (other.get(c) ?? 0) | bit);
  });
  const accept = 1 << (len - 1);
  return (s, from, end) => {
    let state = 0;
    for (let i = from; i < end; i++) {
      const c = s.charCodeAt(i);
      const mask = wild | (c < 128 ? ascii[c]! : (other.get(c) ?? 0));
      state = ((state << 1) | 1) & mask;
      if (state & accept) {
        if (matchSteps.enabled) matchSteps.count += i - from + 1;
        return i - len + 1;
      }
    }
    if (matchSteps.enabled) matchSteps.count += end - from;
    return -1;
  };
}

/**
 * Shift-And over several 31-bit words, for `?` segments longer than 31 characters: O(n·⌈k/31⌉).
 */
function wideShiftAndFinder(codes: number[]): Finder {
  const len = codes.length;
  const words = Math.ceil(len / 31);
  const wild = new Int32Array(words);
  const ascii = new Int32Array(128 * words);
  const other = new Map<number, Int32Array>();
  codes.forEach((c, i) => {
    const w = (i / 31) | 0;
    const bit = 1 << (i % 31);
    if (c === ANY_CHAR) wild[w]! |= bit;
    else if (c < 128) ascii[c * words + w]! |= bit;
    else {
      let m = other.get(c);
      if (!m) other.set(c, (m = new Int32Array(words)));
      m[w]! |= bit;
    }
  });
  const none = new Int32Array(words);
  const accept = 1 << ((len - 1) % 31);
  const state = new Int32Array(words);
  if (words === 2) {
    // Two words (32..62 characters) kept in locals: the common long case, without array traffic.
    const w0 = wild[0]!;
    const w1 = wild[1]!;
    return (s, from, end) => {
      let s0 = 0;
      let s1 = 0;
      for (let i = from; i < end; i++) {
        const c = s.charCodeAt(i);
        let m0: number;
        let m1: number;
        if (c < 128) {
          m0 = ascii[c * 2]!;
          m1 = ascii[c * 2 + 1]!;
        } else {
          const m = other.get(c) ?? none;
          m0 = m[0]!;
          m1 = m[1]!;
        }
        const carry = (s0 >>> 30) & 1;
        s0 = ((s0 << 1) | 1) & 0x7fffffff & (w0 | m0);
        s1 = ((s1 << 1) | carry) & 0x7fffffff & (w1 | m1);
        if (s1 & accept) {
          if (matchSteps.enabled) matchSteps.count += 2 * (i - from + 1);
          return i - len + 1;
        }
      }
      if (matchSteps.enabled) matchSteps.count += 2 * (end - from);
      return -1;
    };
  }
  return (s, from, end) => {
    state.fill(0);
    for (let i = from; i < end; i++) {
      const c = s.charCodeAt(i);
      const masks = c < 128 ? null : (other.get(c) ?? none);
      const base = c * words;
      let carry = 1;
      for (let w = 0; w < words; w++) {
        const cur = state[w]!;
        const mask = wild[w]! | (masks === null ? ascii[base + w]! : masks[w]!);
        state[w] = ((cur << 1) | carry) & 0x7fffffff & mask;
        carry = (cur >>> 30) & 1;
      }
      if (state[words - 1]! & accept) {
        if (matchSteps.enabled) matchSteps.count += words * (i - from + 1);
        return i - len + 1;
      }
    }
    if (matchSteps.enabled) matchSteps.count += words * (end - from);
    return -1;
  };
}

function buildMatcher(parsed: ParsedPattern): Matcher {
  const { segments, hasStar } = parsed;
  if (!hasStar) {
    const seg = segments[0]!;
    if (seg.text !== undefined) {
      const text = seg.text;
      return (s) => {
        if (matchSteps.enabled) matchSteps.count += Math.min(s.length, text.length) + 1;
        return s === text;
      };
    }
    const len = seg.codes.length;
    return (s) => {
      if (matchSteps.enabled) matchSteps.count += 1;
      return s.length === len && segmentMatchesAt(seg, s, 0);
    };
  }
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((m) => m.codes.length > 0);
  const firstLen = first.codes.length;
  const lastLen = last.codes.length;
  // Fast paths for the shapes that dominate real policies: `*`, `prefix*`, `*suffix`.
  if (middle.length === 0 && firstLen === 0 && lastLen === 0) return MATCH_ALL;
  if (middle.length === 0 && lastLen === 0 && first.text !== undefined) {
    const prefix = first.text;
    return (s) => {
      if (matchSteps.enabled) matchSteps.count += Math.min(s.length, prefix.length) + 1;
      return s.startsWith(prefix);
    };
  }
  if (middle.length === 0 && firstLen === 0 && last.text !== undefined) {
    const suffix = last.text;
    return (s) => {
      if (matchSteps.enabled) matchSteps.count += Math.min(s.length, suffix.length) + 1;
      return s.endsWith(suffix);
    };
  }
  const finders = middle.map(makeFinder);
  const middleLens = middle.map((m) => m.codes.length);
  const minLen = firstLen + lastLen;
  return (s) => {
    const n = s.length;
    if (matchSteps.enabled) matchSteps.count += 1;
    if (n < minLen) return false;
    if (firstLen > 0 && !segmentMatchesAt(first, s, 0)) return false;
    const end = n - lastLen;
    if (lastLen > 0 && !segmentMatchesAt(last, s, end)) return false;
    let pos = firstLen;
    for (let i = 0; i < finders.length; i++) {
      const idx = finders[i]!(s, pos, end);
      if (idx < 0) return false;
      pos = idx + middleLens[i]!;
    }
    return true;
  };
}

/** Compiles a pattern in which every `*` and `?` is a wildcard. Case-sensitive. */
export function compileGlob(pattern: string): Matcher {
  if (pattern === '*') return MATCH_ALL;
  return buildMatcher(parsePieces([pattern], false));
}

/**
 * Case-insensitive variant (for actions: "IAM JSON policy elements: Action" — action names are
 * case-insensitive). The returned matcher expects text that the caller has already lower-cased,
 * so the hot path lower-cases the request action once rather than once per pattern.
 */
export function compileGlobLower(pattern: string): Matcher {
  if (pattern === '*') return MATCH_ALL;
  return buildMatcher(parsePieces([pattern], true));
}

/** Compiles pieces where raw text carries wildcards and `{ lit }` text is literal. */
export function compileGlobPieces(pieces: readonly PatternPiece[], ignoreCase = false): Matcher {
  if (pieces.length === 1 && pieces[0] === '*') return MATCH_ALL;
  return buildMatcher(parsePieces(pieces, ignoreCase));
}

/** One-shot convenience: does `text` match `pattern`? */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  return ignoreCase ? compileGlobLower(pattern)(text.toLowerCase()) : compileGlob(pattern)(text);
}
