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
 *  - "IAM policy elements: Variables and tags", section "Resource element": variables may be used
 *    "only in the resource portion of the ARN ... after the fifth colon"; in the first five segments
 *    `${...}` is therefore left as literal text (it then matches nothing real).
 *
 * Ambiguity (not documented by AWS): a pattern with fewer than five colons is not an ARN. We match
 * such a pattern against the whole request string as a plain glob (so `""` matches only `""`, and
 * `"arn:aws:s3*"` behaves as its text suggests). A request resource that is not an ARN (e.g. `*` for
 * actions without resource types) can only be matched by such a whole-string pattern or by `*`.
 */
import { splitArn } from '../util/arn.js';
import { compileGlob, compileGlobPieces, type Matcher, type PatternPiece } from '../util/wildcard.js';
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
}

/**
 * Memo of prepared request ARNs: a whoCan query evaluates one resource for every principal, so the
 * split is shared. Bounded in bytes (the text is held twice: key and parts); entries are
 * immutable, so sharing is safe.
 */
export const PREPARED_ARN_CACHE_BYTES = 8 * 1024 * 1024;
const PREPARED = byteBoundedCache<PreparedArn>(PREPARED_ARN_CACHE_BYTES);

export function prepareArn(text: string): PreparedArn {
  let p = PREPARED.get(text);
  if (p === undefined) {
    p = Object.freeze({ text, parts: splitArn(text) }) as PreparedArn;
    PREPARED.set(text, p);
  }
  return p;
}

/** Bytes the prepared-ARN memo holds now (for tests and benchmarks). */
export function preparedArnCacheBytes(): number {
  return PREPARED.calculatedSize;
}

/** Per pattern with variables: compiled matchers by resolved text (which may embed request values). */
export const PIECES_CACHE_BYTES = 256 * 1024;
export type PiecesCache = Map<string, Matcher> | LRUCache<string, Matcher>;

export function newPiecesCache(): PiecesCache {
  return byteBoundedCache<Matcher>(PIECES_CACHE_BYTES, (_m, k) => 10 * stringBytes(k));
}

/**
 * Compiled matchers for patterns with variables, keyed by the resolved text (literal pieces are
 * marked so that `${*}` and a raw `*` stay distinct). Bounded in bytes per pattern: a compiled
 * matcher holds its pattern's character codes (~8 bytes each), hence ten times the key's bytes.
 */
export function cachedPiecesMatcher(cache: PiecesCache, pieces: readonly PatternPiece[]): Matcher {
  const key = piecesKey(pieces);
  let m = cache.get(key);
  if (m === undefined) {
    m = compileGlobPieces(pieces);
    cache.set(key, m);
  }
  return m;
}

export type ArnPattern =
  | { kind: 'all' }
  | { kind: 'whole'; template: Template; matcher: Matcher | null; cache: PiecesCache }
  | { kind: 'arn'; heads: Matcher[]; template: Template; matcher: Matcher | null; cache: PiecesCache };

function compileTail(template: Template): Matcher | null {
  // Without variables the pattern (including `${*}`-style escapes) is compiled once.
  if (template.hasVariables) return null;
  const r = resolveTemplate(template, EMPTY_CONTEXT);
  return compileGlobPieces(r.pieces!);
}

const EMPTY_CONTEXT: RequestContext = new Map();

/** Compiles a Resource/NotResource entry or an ArnLike value. */
export function compileArnPattern(text: string, variablesEnabled: boolean): ArnPattern {
  if (text === '*') return { kind: 'all' };
  const parts = splitArn(text, variablesEnabled);
  if (!parts) {
    const template = parseTemplate(text, variablesEnabled);
    return { kind: 'whole', template, matcher: compileTail(template), cache: template.hasVariables ? newPiecesCache() : NO_CACHE };
  }
  const heads = parts.slice(0, 5).map(compileGlob);
  const template = parseTemplate(parts[5]!, variablesEnabled);
  return { kind: 'arn', heads, template, matcher: compileTail(template), cache: template.hasVariables ? newPiecesCache() : NO_CACHE };
}

/**
 * Matches a compiled pattern against a prepared ARN. An unresolvable variable makes the pattern
 * not match (UNKNOWN, with the key recorded in `missing`).
 */
export function matchArnPattern(
  pattern: ArnPattern,
  arn: PreparedArn,
  context: RequestContext,
  missing: MissingKeys | null,
): Tri {
  if (pattern.kind === 'all') return TRUE;
  let subject: string;
  if (pattern.kind === 'arn') {
    const parts = arn.parts;
    if (parts === null) return FALSE;
    const heads = pattern.heads;
    for (let i = 0; i < 5; i++) if (!heads[i]!(parts[i]!)) return FALSE;
    subject = parts[5]!;
  } else {
    subject = arn.text;
  }
  let matcher = pattern.matcher;
  if (matcher === null) {
    const r = resolveTemplate(pattern.template, context);
    if (r.missing !== undefined) {
      missing?.add(r.missing);
      return UNKNOWN;
    }
    matcher = cachedPiecesMatcher(pattern.cache, r.pieces);
  }
  return matcher(subject) ? TRUE : FALSE;
}

/**
 * Compiles an ARN pattern from already-resolved pieces (condition values after variable
 * substitution). Every colon separates components, whether it came from the policy text or from a
 * substituted value such as `${aws:PrincipalArn}`.
 */
export function compileArnPieces(pieces: readonly PatternPiece[]): ArnPattern {
  if (pieces.length === 1 && pieces[0] === '*') return { kind: 'all' };
  const segments: PatternPiece[][] = [[]];
  for (const piece of pieces) {
    const text = typeof piece === 'string' ? piece : piece.lit;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) !== 58 || segments.length === 6) continue;
      const chunk = text.slice(start, i);
      if (chunk) segments[segments.length - 1]!.push(typeof piece === 'string' ? chunk : { lit: chunk });
      segments.push([]);
      start = i + 1;
    }
    const rest = text.slice(start);
    if (rest) segments[segments.length - 1]!.push(typeof piece === 'string' ? rest : { lit: rest });
  }
  if (segments.length < 6) {
    // "IAM JSON policy elements: Condition operators", ARN condition operators: "Each of the six
    // colon-delimited components of the ARN is checked separately". A condition value with fewer
    // components is not an ARN pattern, so it matches no value (a lone `*` is handled above).
    return { kind: 'whole', template: NO_TEMPLATE, matcher: NEVER, cache: NO_CACHE };
  }
  const heads = segments.slice(0, 5).map((s) => compileGlobPieces(s.length ? s : ['']));
  return { kind: 'arn', heads, template: NO_TEMPLATE, matcher: compileGlobPieces(segments[5]!.length ? segments[5]! : ['']), cache: NO_CACHE };
}

const NO_CACHE = new Map<string, Matcher>();
const NEVER: Matcher = () => false;

const NO_TEMPLATE: Template = { nodes: [''], hasVariables: false };
