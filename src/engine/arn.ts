/**
 * ARN patterns, as used by the Resource / NotResource elements and the Arn* condition operators.
 *
 * Sources:
 *  - "IAM JSON policy elements: Resource": an ARN is
 *    `arn:partition:service:region:account-id:resource`; wildcards `*` and `?` may appear in any
 *    segment; `"Resource": "*"` means all resources.
 *  - "IAM JSON policy elements: Condition operators", section "Amazon Resource Name (ARN) condition
 *    operators": matching is case-sensitive and "each of the six colon-delimited components of the
 *    ARN is checked separately"; the example shows `*` in the region segment NOT matching across
 *    `:`. The resource part (after the fifth colon) may itself contain `:` and `/`, and a `*` there
 *    matches across them.
 *  - For the Resource element, "IAM JSON policy elements: Resource", "Using wildcards in resource
 *    ARNs": a `*` that is the last character of a segment "can expand to match beyond colon
 *    boundaries"; any other wildcard stays within its segment (compileArnPattern below).
 *  - "IAM policy elements: Variables and tags", section "Resource element": variables may be used
 *    "only in the resource portion of the ARN ... after the fifth colon"; in the first five segments
 *    `${...}` is therefore left as literal text (it then matches nothing real).
 *
 * A Resource entry with fewer than five colons is matched by the same segment rule (so `""` matches
 * only `""`, and `"arn:aws:s3*"` behaves as its text suggests: its last `*` spans the rest). A
 * request resource that is not an ARN (e.g. `*` for actions without resource types) can only be
 * matched by an entry without colons or by `*`.
 */
import { nthColon, splitArn } from '../util/arn.js';
import { compileGlobPieces, type Matcher, type PatternPiece } from '../util/wildcard.js';
import { parseTemplate, piecesKey, resolveTemplate, type Template } from './template.js';
import { FALSE, TRUE, UNKNOWN, type MissingKeys, type Tri } from './tri.js';
import type { RequestContext } from './types.js';
import type { LRUCache } from 'lru-cache';
import { byteBoundedCache, stringBytes } from './memo.js';

/** A request-side ARN split once per request. */
export interface PreparedArn {
  text: string;
  /** [arn, partition, service, region, account, resource] or null when the text is not an ARN. */
  parts: string[] | null;
  /** The text split at every colon (Resource matching works on these segments). */
  segments: string[];
}

/**
 * Memo of prepared request ARNs: a whoCan query evaluates one resource for every principal, so the
 * split is shared. Bounded in bytes (entries are immutable, so sharing is safe).
 */
export const PREPARED_ARN_CACHE_BYTES = 8 * 1024 * 1024;
// The text is held three times: key, parts and segments.
const PREPARED = byteBoundedCache<PreparedArn>(PREPARED_ARN_CACHE_BYTES, (_p, k) => 3 * stringBytes(k));

export function prepareArn(text: string): PreparedArn {
  let p = PREPARED.get(text);
  if (p === undefined) {
    p = Object.freeze({ text, parts: splitArn(text), segments: text.split(':') }) as PreparedArn;
    PREPARED.set(text, p);
  }
  return p;
}

/** Bytes the prepared-ARN memo holds now (for tests and benchmarks). */
export function preparedArnCacheBytes(): number {
  return PREPARED.calculatedSize;
}

/** Per pattern with variables: compiled segment patterns by resolved text (which may embed request values). */
export const PIECES_CACHE_BYTES = 256 * 1024;

/**
 * A Resource / NotResource entry split at its colons. Source: "IAM JSON policy elements: Resource",
 * "Using wildcards in resource ARNs": wildcards may be used "within the individual segments of an
 * ARN (the parts separated by colons)", and "if the * wildcard is the last character of a resource
 * ARN segment, it can expand to match beyond colon boundaries". So a segment whose last character
 * is a `*` (a raw one, not `${*}`) may consume several request segments; every other segment
 * matches exactly one, and its wildcards never match a colon.
 */
export interface SegmentPattern {
  matchers: Matcher[];
  /** Per segment: it ends with a `*`, so it may expand beyond colon boundaries. */
  spanning: boolean[];
  anySpanning: boolean;
}

export type ArnPattern =
  | { kind: 'all' }
  | {
      kind: 'segments';
      /** The entry's text with its policy variables (variables only after the fifth colon). */
      template: Template;
      /** Compiled once when the entry has no variables; null otherwise (compiled per resolved text). */
      compiled: SegmentPattern | null;
      cache: LRUCache<string, SegmentPattern> | null;
      /** The leading segments that hold no variable (all of them when there is none). */
      head: SegmentPattern;
      /**
       * The constant text before the first variable in its segment, as `text*`: that segment of a
       * matching ARN starts with it, whatever the variable's value (null: none, or no variable).
       */
      headRest: Matcher | null;
    };

const EMPTY_CONTEXT: RequestContext = new Map();

/** Splits pieces at every colon (raw or literal) into segments of pieces. */
function splitPieces(pieces: readonly PatternPiece[]): PatternPiece[][] {
  const segments: PatternPiece[][] = [[]];
  for (const piece of pieces) {
    const text = typeof piece === 'string' ? piece : piece.lit;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) !== 58) continue;
      const chunk = text.slice(start, i);
      if (chunk) segments[segments.length - 1]!.push(typeof piece === 'string' ? chunk : { lit: chunk });
      segments.push([]);
      start = i + 1;
    }
    const rest = text.slice(start);
    if (rest) segments[segments.length - 1]!.push(typeof piece === 'string' ? rest : { lit: rest });
  }
  return segments;
}

function compileSegments(segments: readonly PatternPiece[][]): SegmentPattern {
  const matchers: Matcher[] = [];
  const spanning: boolean[] = [];
  for (const seg of segments) {
    matchers.push(compileGlobPieces(seg.length ? seg : ['']));
    const last = seg[seg.length - 1];
    spanning.push(typeof last === 'string' && last.endsWith('*'));
  }
  return { matchers, spanning, anySpanning: spanning.includes(true) };
}

/**
 * Do the request's segments match? A spanning segment `P*` that starts at request segment j
 * matches when `P*` matches segment j (its `*` then also takes the colons and segments after it),
 * so the question is a small walk over (pattern segment, request segment) pairs.
 */
export function matchSegments(p: SegmentPattern, segs: readonly string[]): boolean {
  const m = p.matchers.length;
  const n = segs.length;
  if (n < m) return false;
  // Each segment consumes at least one request segment, so with as many of each they pair up.
  if (n === m || !p.anySpanning) {
    if (n !== m) return false;
    for (let i = 0; i < m; i++) if (!p.matchers[i]!(segs[i]!)) return false;
    return true;
  }
  let reach = new Uint8Array(n + 1);
  reach[0] = 1;
  for (let i = 0; i < m; i++) {
    const next = new Uint8Array(n + 1);
    let any = false;
    for (let j = 0; j < n; j++) {
      if (reach[j] === 0 || !p.matchers[i]!(segs[j]!)) continue;
      any = true;
      if (p.spanning[i]) {
        for (let k = j + 1; k <= n; k++) next[k] = 1;
        break;
      }
      next[j + 1] = 1;
    }
    if (!any) return false;
    reach = next;
  }
  return reach[n] === 1;
}

/**
 * Could the entry match the ARN for some values of its variables? Checks the segments before the
 * first variable (a spanning one ends the check: whatever follows it can be absorbed), then the
 * constant start of the variable's own segment. When it cannot, no value of the variables makes
 * the entry match ("IAM policy elements: Variables and tags", "Resource element": the variable
 * is replaced by its value in place), so the entry does not match and records no missing key.
 */
export function headMayMatch(pattern: ArnPattern, arn: PreparedArn): boolean {
  if (pattern.kind === 'all') return true;
  const head = pattern.head;
  const segs = arn.segments;
  for (let i = 0; i < head.matchers.length; i++) {
    if (i >= segs.length || !head.matchers[i]!(segs[i]!)) return false;
    if (head.spanning[i]) return true;
  }
  // The variable's segment: `home-bucket/${aws:username}/*` never matches `sales-bucket`.
  const at = head.matchers.length;
  if (pattern.headRest !== null && at < segs.length && !pattern.headRest(segs[at]!)) return false;
  return true;
}

/** Compiles a Resource/NotResource entry. */
export function compileArnPattern(text: string, variablesEnabled: boolean): ArnPattern {
  if (text === '*') return { kind: 'all' };
  // "IAM policy elements: Variables and tags", "Resource element": variables only in the resource
  // portion (after the fifth colon); in the first five segments `${...}` is literal text.
  const fifth = variablesEnabled ? nthColon(text, 5, true) : -1;
  const template: Template =
    fifth < 0 ? parseTemplate(text, variablesEnabled) : prefixTemplate(text.slice(0, fifth + 1), parseTemplate(text.slice(fifth + 1), true));
  const constant: PatternPiece[] = [];
  for (const node of template.nodes) {
    if (typeof node === 'string') constant.push(node);
    else if ('lit' in node) constant.push(node);
    else break;
  }
  const compiled = template.hasVariables ? null : compileSegments(splitPieces(resolveTemplate(template, EMPTY_CONTEXT).pieces!));
  let head = compiled;
  let headRest: Matcher | null = null;
  if (head === null) {
    // The segment holding the first variable is not part of the head.
    const segments = splitPieces(constant);
    const rest = segments.pop()!;
    head = compileSegments(segments);
    // A resolved value is literal text (its colons split segments after it, never before), so the
    // variable's segment begins with the constant text before the variable: `rest*` matches it.
    if (rest.length > 0) headRest = compileGlobPieces([...rest, '*']);
  }
  // A compiled segment pattern holds its text's character codes (~8 bytes each): ten times the key's bytes.
  const cache = compiled === null ? byteBoundedCache<SegmentPattern>(PIECES_CACHE_BYTES, (_m, k) => 10 * stringBytes(k)) : null;
  return { kind: 'segments', template, compiled, cache, head, headRest };
}

function prefixTemplate(prefix: string, rest: Template): Template {
  return { nodes: [prefix, ...rest.nodes], hasVariables: rest.hasVariables };
}

/**
 * Matches a compiled Resource entry against a prepared ARN. A variable with no value makes the
 * entry match no resource ("IAM policy elements: Variables and tags", "Policy variables with no
 * value": an entry "that includes a policy variable with no value will not match any resource"):
 * UNKNOWN — AWS's answer is no match — with the key recorded in `missing`.
 */
export function matchArnPattern(pattern: ArnPattern, arn: PreparedArn, context: RequestContext, missing: MissingKeys | null): Tri {
  if (pattern.kind === 'all') return TRUE;
  let compiled = pattern.compiled;
  if (compiled === null) {
    if (!headMayMatch(pattern, arn)) return FALSE;
    const r = resolveTemplate(pattern.template, context);
    if (r.missing !== undefined) {
      // A key known absent has no value to supply: AWS's answer (no match) is the only one.
      if (r.absent) return FALSE;
      missing?.add(r.missing);
      return UNKNOWN;
    }
    const key = piecesKey(r.pieces);
    const cache = pattern.cache!;
    compiled = cache.get(key) ?? null;
    if (compiled === null) {
      compiled = compileSegments(splitPieces(r.pieces));
      cache.set(key, compiled);
    }
  }
  return matchSegments(compiled, arn.segments) ? TRUE : FALSE;
}

/**
 * An ARN condition value ("IAM JSON policy elements: Condition operators", ARN condition
 * operators): "each of the six colon-delimited components of the ARN is checked separately"; the
 * sixth keeps any further colons, and its `*` matches across them.
 */
export type ArnConditionPattern = { kind: 'all' } | { kind: 'arn'; heads: Matcher[]; tail: Matcher };

/**
 * Compiles an ARN condition value from already-resolved pieces (after variable substitution).
 * Every colon separates components, whether it came from the policy text or from a substituted
 * value such as `${aws:PrincipalArn}`.
 */
export function compileArnPieces(pieces: readonly PatternPiece[]): ArnConditionPattern | undefined {
  if (pieces.length === 1 && pieces[0] === '*') return { kind: 'all' };
  const all = splitPieces(pieces);
  // A value with fewer than six components is not an ARN pattern: not a valid value, it matches
  // nothing (policy/operators.ts, isArnConditionValue, says the same to the validator).
  if (all.length < 6) return undefined;
  const tail: PatternPiece[] = [];
  for (let i = 5; i < all.length; i++) {
    if (i > 5) tail.push({ lit: ':' });
    for (const piece of all[i]!) tail.push(piece);
  }
  const heads = all.slice(0, 5).map((s) => compileGlobPieces(s.length ? s : ['']));
  return { kind: 'arn', heads, tail: compileGlobPieces(tail.length ? tail : ['']) };
}

export function matchArnCondition(p: ArnConditionPattern, arn: PreparedArn): boolean {
  if (p.kind === 'all') return true;
  const parts = arn.parts;
  if (parts === null) return false;
  for (let i = 0; i < 5; i++) if (!p.heads[i]!(parts[i]!)) return false;
  return p.tail(parts[5]!);
}
