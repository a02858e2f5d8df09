/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}`, and the escapes `${*}`,
 * `${?}`, `${$}`.
 *
 * Source: "IAM policy elements: Variables and tags":
 *  - "Introduction": variables exist only from policy language Version 2012-10-17; without that
 *    Version "variables like ${aws:username} are treated as literal strings" (also "IAM JSON policy
 *    elements: Version").
 *  - "Special characters": `${*}`, `${?}`, `${$}` stand for a literal `*`, `?`, `$`.
 *  - "Specifying default values": `${key, 'default'}` — the default is used when the key is absent.
 *  - "Principal key values": a key that is "not present" makes any attempt to match it fail, and the
 *    Note at the top: "If AWS cannot resolve a variable, this might cause the entire statement to
 *    be invalid". We therefore report an unresolved variable to the caller, who makes the element
 *    it appears in not match (and records the key as missing).
 *  - "Single-valued vs multivalued context keys": multivalued keys cannot be used as policy
 *    variables; a key with more than one value is therefore treated as unresolvable.
 */
import type { RequestContext } from './types.js';
import type { PatternPiece } from '../util/wildcard.js';

export type TemplateNode = string | { lit: string } | { variable: string; keyLower: string; fallback?: string };

export interface Template {
  nodes: TemplateNode[];
  /** false when the text references no variable (escapes alone resolve at compile time). */
  hasVariables: boolean;
}

const DEFAULT_RE = /^([^,]+?)\s*,\s*'([^']*)'$/;

/** Parses `text` into raw text, literals and variables. With `variablesEnabled` false everything is raw text. */
export function parseTemplate(text: string, variablesEnabled: boolean): Template {
  if (!variablesEnabled || !text.includes('${')) return { nodes: [text], hasVariables: false };
  const nodes: TemplateNode[] = [];
  let raw = '';
  let i = 0;
  let hasVariables = false;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start < 0) break;
    const close = text.indexOf('}', start + 2);
    if (close < 0) break; // an unclosed `${` is plain text
    raw += text.slice(i, start);
    const inner = text.slice(start + 2, close).trim();
    if (inner === '*' || inner === '?' || inner === '$') {
      if (raw) nodes.push(raw);
      raw = '';
      nodes.push({ lit: inner });
    } else if (inner.length > 0) {
      if (raw) nodes.push(raw);
      raw = '';
      const m = DEFAULT_RE.exec(inner);
      const variable = (m ? m[1]! : inner).trim();
      const node: TemplateNode = m ? { variable, keyLower: variable.toLowerCase(), fallback: m[2]! } : { variable, keyLower: variable.toLowerCase() };
      nodes.push(node);
      hasVariables = true;
    } else {
      raw += text.slice(start, close + 1);
    }
    i = close + 1;
  }
  raw += text.slice(i);
  if (raw) nodes.push(raw);
  if (nodes.length === 0) nodes.push('');
  return { nodes, hasVariables };
}

/** Result of resolving a template: the pattern pieces, or the first variable that could not be resolved. */
/** `absent`: the key is known to be absent (ContextValue.absent): no value could be supplied, so the variable is definitively without one. */
export type Resolved = { pieces: PatternPiece[]; missing?: undefined } | { pieces?: undefined; missing: string; absent: boolean };

/** Substitutes variables from the request context. Resolved values are literal text (no wildcards). */
export function resolveTemplate(template: Template, context: RequestContext): Resolved {
  const pieces: PatternPiece[] = [];
  for (const node of template.nodes) {
    if (typeof node === 'string' || 'lit' in node) {
      pieces.push(node);
      continue;
    }
    const entry = context.get(node.keyLower);
    if (entry && entry.absent !== true && entry.values.length === 1) pieces.push({ lit: entry.values[0]! });
    else if (node.fallback !== undefined) pieces.push({ lit: node.fallback });
    else return { missing: node.variable, absent: entry?.absent === true };
  }
  return { pieces };
}

/** Joins pieces into plain text (for operators without wildcards, where `*` is literal anyway). */
export function piecesToText(pieces: readonly PatternPiece[]): string {
  let out = '';
  for (const p of pieces) out += typeof p === 'string' ? p : p.lit;
  return out;
}

/** A string that identifies resolved pieces (literal text marked, so `${*}` and `*` differ). */
export function piecesKey(pieces: readonly PatternPiece[]): string {
  let key = '';
  for (const p of pieces) key += typeof p === 'string' ? p : '\u0000' + p.lit + '\u0000';
  return key;
}
