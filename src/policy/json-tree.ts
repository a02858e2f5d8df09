/**
 * JSON text → a tree of nodes that remember where they stood (0-based offsets), built without
 * recursion so that 10,000-deep nesting cannot exhaust the stack.
 *
 * Tokens come from jsonc-parser's scanner; the grammar (RFC 8259) is checked here by an explicit
 * state machine. In lenient mode two mistakes that hand-written policies often contain are
 * repaired, each only where the intent is unambiguous:
 *   - a trailing comma before `]` or `}`            → the comma is dropped
 *   - a missing comma between two array items, or between a property value and the next
 *     `"key":`                                       → a comma is assumed
 * Everything else is an error at the first offending offset.
 */
import { AccessqlError } from '../util/errors.js';
import { steps } from '../util/steps.js';
import jsonc from 'jsonc-parser';

export type JsonNode = JsonObjectNode | JsonArrayNode | JsonScalarNode;

export interface JsonProperty {
  key: string;
  /** Offset of the key's opening quote. */
  keyOffset: number;
  value: JsonNode;
}

export interface JsonObjectNode {
  kind: 'object';
  offset: number;
  properties: JsonProperty[];
}

export interface JsonArrayNode {
  kind: 'array';
  offset: number;
  items: JsonNode[];
}

export interface JsonScalarNode {
  kind: 'string' | 'number' | 'boolean' | 'null';
  offset: number;
  /** Decoded string content; the number's source text; 'true' / 'false'; 'null'. */
  value: string;
}

export interface JsonRepair {
  kind: 'TRAILING_COMMA' | 'MISSING_COMMA';
  /** TRAILING_COMMA: offset of the dropped comma. MISSING_COMMA: offset where a comma is assumed (start of the next item). */
  offset: number;
}

export interface JsonTreeResult {
  root?: JsonNode;
  repairs: JsonRepair[];
  /** First error that could not be repaired (offset in the original text). */
  error?: { offset: number; reason: string };
}

// SyntaxKind values (const enum in jsonc-parser's typings; spelled out for isolatedModules safety).
const OPEN_BRACE = 1,
  CLOSE_BRACE = 2,
  OPEN_BRACKET = 3,
  CLOSE_BRACKET = 4,
  COMMA = 5,
  COLON = 6;
const NULL_KW = 7,
  TRUE_KW = 8,
  FALSE_KW = 9,
  STRING = 10,
  NUMBER = 11;
const LINE_COMMENT = 12,
  BLOCK_COMMENT = 13,
  LINE_BREAK = 14,
  TRIVIA = 15,
  UNKNOWN = 16,
  EOF = 17;

const SCAN_ERRORS: Record<number, string> = {
  1: 'Unterminated comment',
  2: 'Unterminated string',
  3: 'Unterminated number',
  4: 'Invalid unicode escape',
  5: 'Invalid escape character in string',
  6: 'Invalid character in string',
};

interface Token {
  kind: number;
  offset: number;
  value: string;
}

/** Internal: a scan error at `offset`; parseJsonTree turns it into its error result. */
class TokenError extends AccessqlError {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super('MALFORMED_POLICY_DOCUMENT', reason);
    this.name = 'TokenError';
  }
}

/** Significant tokens of the text (comments, unknown symbols and scan errors are errors). */
function tokenize(text: string): Token[] {
  const scanner = jsonc.createScanner(text, false);
  const tokens: Token[] = [];
  for (;;) {
    const kind = scanner.scan() as number;
    const offset = scanner.getTokenOffset();
    if (steps.enabled) steps.count += scanner.getPosition() - offset + 1;
    const err = scanner.getTokenError() as number;
    if (kind === LINE_BREAK || kind === TRIVIA) continue;
    if (kind === LINE_COMMENT || kind === BLOCK_COMMENT) throw new TokenError(offset, 'Comments are not allowed in JSON');
    if (err !== 0) {
      // Point at the bad character where the scanner can tell, else at the token.
      let at = offset;
      if (err === 6 || err === 5 || err === 4) {
        at = scanner.getPosition() - 1;
        if (err === 6) {
          // first control character inside the string
          for (let i = offset + 1; i < scanner.getPosition(); i++) {
            if (text.charCodeAt(i) < 0x20) {
              at = i;
              break;
            }
          }
        }
      } else if (err === 2) at = offset;
      throw new TokenError(at, SCAN_ERRORS[err] ?? 'Invalid token');
    }
    if (kind === UNKNOWN) throw new TokenError(offset, `Unexpected token '${scanner.getTokenValue().slice(0, 20)}'`);
    if (kind === EOF) {
      tokens.push({ kind, offset, value: '' });
      return tokens;
    }
    tokens.push({ kind, offset, value: kind === STRING || kind === NUMBER ? scanner.getTokenValue() : '' });
  }
}

function isValueStart(kind: number): boolean {
  return kind === OPEN_BRACE || kind === OPEN_BRACKET || kind === STRING || kind === NUMBER || kind === TRUE_KW || kind === FALSE_KW || kind === NULL_KW;
}

interface Frame {
  node: JsonObjectNode | JsonArrayNode;
  /** For objects: the key waiting for its value. */
  pendingKey?: { key: string; keyOffset: number };
}

function describe(t: Token): string {
  switch (t.kind) {
    case EOF:
      return 'end of input';
    case OPEN_BRACE:
      return "'{'";
    case CLOSE_BRACE:
      return "'}'";
    case OPEN_BRACKET:
      return "'['";
    case CLOSE_BRACKET:
      return "']'";
    case COMMA:
      return "','";
    case COLON:
      return "':'";
    case STRING:
      return 'a string';
    case NUMBER:
      return 'a number';
    default:
      return 'a literal';
  }
}

/**
 * Parses JSON text into a positioned tree. Never throws for bad input; never recurses.
 */
export function parseJsonTree(text: string, options: { lenient?: boolean } = {}): JsonTreeResult {
  const lenient = options.lenient === true;
  const repairs: JsonRepair[] = [];
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (e) {
    if (e instanceof TokenError) {
      // Tokens before the scan error may still hold an earlier grammar error; parse what we have.
      const partial = tokenizePrefix(text, e.offset);
      const r = runGrammar(partial, lenient, repairs);
      if (r.error) return { repairs, error: r.error };
      return { repairs, error: { offset: e.offset, reason: e.reason } };
    }
    throw e;
  }
  const r = runGrammar(tokens, lenient, repairs);
  return { root: r.root, repairs, error: r.error };
}

/** Tokens that lie entirely before `limit`, followed by a synthetic end marker at `limit`. */
function tokenizePrefix(text: string, limit: number): Token[] {
  const scanner = jsonc.createScanner(text, false);
  const tokens: Token[] = [];
  for (;;) {
    const kind = scanner.scan() as number;
    const offset = scanner.getTokenOffset();
    if (steps.enabled) steps.count += scanner.getPosition() - offset + 1;
    if (offset >= limit || kind === EOF || (scanner.getTokenError() as number) !== 0 || kind === UNKNOWN || kind === LINE_COMMENT || kind === BLOCK_COMMENT)
      break;
    if (kind === LINE_BREAK || kind === TRIVIA) continue;
    tokens.push({ kind, offset, value: kind === STRING || kind === NUMBER ? scanner.getTokenValue() : '' });
  }
  // A sentinel the grammar can never accept, so that only earlier errors are reported.
  tokens.push({ kind: -1, offset: limit, value: '' });
  return tokens;
}

function runGrammar(tokens: Token[], lenient: boolean, repairs: JsonRepair[]): { root?: JsonNode; error?: { offset: number; reason: string } } {
  const stack: Frame[] = [];
  let root: JsonNode | undefined;
  let i = 0;
  const fail = (t: Token, reason: string) => ({ error: { offset: t.offset, reason } });

  // States: 'value' (a value is expected), 'after' (a value just ended), 'key' (a property name
  // or, directly after '{', a '}' is expected), 'keyAfterComma' (a property name is expected),
  // 'valueAfterComma' (an array item is expected after ','), 'colon'.
  type State = 'value' | 'after' | 'key' | 'keyAfterComma' | 'valueAfterComma' | 'colon' | 'itemOrEnd';
  let state: State = 'value';
  let lastComma = -1;

  const attach = (node: JsonNode): void => {
    const top = stack[stack.length - 1];
    if (!top) root = node;
    else if (top.node.kind === 'array') top.node.items.push(node);
    else {
      top.node.properties.push({ key: top.pendingKey!.key, keyOffset: top.pendingKey!.keyOffset, value: node });
      top.pendingKey = undefined;
    }
  };

  for (;;) {
    const t = tokens[i];
    if (t.kind === -1) return fail(t, 'Invalid JSON');
    switch (state) {
      case 'value':
      case 'valueAfterComma':
      case 'itemOrEnd': {
        if (t.kind === CLOSE_BRACKET && (state === 'itemOrEnd' || (state === 'valueAfterComma' && lenient))) {
          if (state === 'valueAfterComma') repairs.push({ kind: 'TRAILING_COMMA', offset: lastComma });
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (t.kind === OPEN_BRACE) {
          const node: JsonObjectNode = { kind: 'object', offset: t.offset, properties: [] };
          attach(node);
          stack.push({ node });
          state = 'key';
          i++;
          break;
        }
        if (t.kind === OPEN_BRACKET) {
          const node: JsonArrayNode = { kind: 'array', offset: t.offset, items: [] };
          attach(node);
          stack.push({ node });
          state = 'itemOrEnd';
          i++;
          break;
        }
        if (t.kind === STRING || t.kind === NUMBER || t.kind === TRUE_KW || t.kind === FALSE_KW || t.kind === NULL_KW) {
          const kind = t.kind === STRING ? 'string' : t.kind === NUMBER ? 'number' : t.kind === NULL_KW ? 'null' : 'boolean';
          const value = t.kind === TRUE_KW ? 'true' : t.kind === FALSE_KW ? 'false' : t.kind === NULL_KW ? 'null' : t.value;
          attach({ kind, offset: t.offset, value });
          i++;
          state = 'after';
          break;
        }
        return fail(t, t.kind === EOF ? 'Unexpected end of input: expected a value' : `Expected a value, found ${describe(t)}`);
      }
      case 'key':
      case 'keyAfterComma': {
        if (t.kind === CLOSE_BRACE && (state === 'key' || lenient)) {
          if (state === 'keyAfterComma') repairs.push({ kind: 'TRAILING_COMMA', offset: lastComma });
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (t.kind === STRING) {
          stack[stack.length - 1].pendingKey = { key: t.value, keyOffset: t.offset };
          i++;
          state = 'colon';
          break;
        }
        return fail(t, t.kind === EOF ? 'Unexpected end of input: expected a property name' : `Expected a double-quoted property name, found ${describe(t)}`);
      }
      case 'colon': {
        if (t.kind === COLON) {
          i++;
          state = 'value';
          break;
        }
        return fail(t, `Expected ':' after property name, found ${describe(t)}`);
      }
      case 'after': {
        const top = stack[stack.length - 1];
        if (!top) {
          if (t.kind === EOF) return { root };
          return fail(t, 'Unexpected text after the end of the JSON value');
        }
        if (t.kind === COMMA) {
          lastComma = t.offset;
          i++;
          state = top.node.kind === 'array' ? 'valueAfterComma' : 'keyAfterComma';
          break;
        }
        if (top.node.kind === 'array') {
          if (t.kind === CLOSE_BRACKET) {
            stack.pop();
            i++;
            state = 'after';
            break;
          }
          if (lenient && isValueStart(t.kind)) {
            repairs.push({ kind: 'MISSING_COMMA', offset: t.offset });
            state = 'value';
            break;
          }
          return fail(t, t.kind === EOF ? "Unexpected end of input: expected ',' or ']'" : `Expected ',' or ']' after an array item, found ${describe(t)}`);
        }
        if (t.kind === CLOSE_BRACE) {
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (lenient && t.kind === STRING && tokens[i + 1]?.kind === COLON) {
          repairs.push({ kind: 'MISSING_COMMA', offset: t.offset });
          state = 'key';
          // 'key' would accept '}' without a repair; the next token is a string, so that cannot happen.
          break;
        }
        return fail(t, t.kind === EOF ? "Unexpected end of input: expected ',' or '}'" : `Expected ',' or '}' after a property value, found ${describe(t)}`);
      }
    }
  }
}

/** The text with the repairs applied, and a map from offsets in it back to the original. */
export function applyRepairs(text: string, repairs: readonly JsonRepair[]): { text: string; toOriginal(offset: number): number } {
  if (repairs.length === 0) return { text, toOriginal: (o) => o };
  const sorted = [...repairs].sort((a, b) => a.offset - b.offset);
  let out = '';
  let last = 0;
  // Each entry: offset in the repaired text where a shift begins, and the delta to add.
  const marks: { at: number; delta: number }[] = [];
  let delta = 0;
  for (const r of sorted) {
    out += text.slice(last, r.offset);
    if (r.kind === 'TRAILING_COMMA') {
      last = r.offset + 1;
      delta += 1;
      marks.push({ at: out.length, delta });
    } else {
      out += ',';
      last = r.offset;
      delta -= 1;
      marks.push({ at: out.length, delta });
    }
  }
  out += text.slice(last);
  return {
    text: out,
    toOriginal(offset: number): number {
      let d = 0;
      for (const m of marks) {
        if (m.at <= offset) d = m.delta;
        else break;
      }
      return Math.max(0, Math.min(text.length, offset + d));
    },
  };
}
