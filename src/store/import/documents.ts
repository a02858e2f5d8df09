/**
 * Policy documents inside imported files. GetAccountAuthorizationDetails returns each document
 * URL-encoded (RFC 3986) on the wire; the AWS CLI (botocore) decodes and parses them into JSON
 * objects, the raw API and the JavaScript SDK leave the encoded string. Both forms are accepted.
 *
 * What is stored is text the statement positions point into:
 * - object form: JSON.stringify(doc, null, 4) — the object's own text is gone once parsed;
 * - string form: the decoded text, verbatim (a user looking at line 3 sees what AWS holds).
 */
import { AccessqlError } from '../../util/errors.js';
import { parsePolicy, PolicySyntaxError, type ParsedPolicy } from '../../policy/parse.js';
import { describe, formatPath, isObject, ShapeError, type JsonPath } from './shape.js';

/** A document string that is not valid (URL encoding or JSON); line/column count in the decoded text. */
export class DocumentError extends AccessqlError {
  readonly path: JsonPath;
  readonly reason: string;
  readonly line?: number;
  readonly column?: number;
  constructor(path: JsonPath, reason: string, line?: number, column?: number) {
    super('MALFORMED_POLICY_DOCUMENT', `${formatPath(path)}: ${reason}${line !== undefined ? ` (line ${line}, column ${column})` : ''}`, { line, column });
    this.name = 'DocumentError';
    this.path = path;
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

export interface ReadDocument {
  text: string;
  parsed: ParsedPolicy;
  form: 'object' | 'string';
}

/**
 * Decodes a document given as a string. RFC 3986 decoding is decodeURIComponent: unlike HTML
 * form decoding, '+' stays '+' (AWS encodes a space as %20, and '+' is common in condition
 * values, e.g. email addresses and base64). Text that already starts with '{' was never encoded
 * ('{' would be %7B) and is taken as is, so a literal '%' in it survives.
 */
export function decodeDocumentString(value: string, path: JsonPath): string {
  const trimmed = value.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    const bad = /%(?![0-9A-Fa-f]{2})/.exec(value);
    throw new DocumentError(path, bad ? `malformed URL encoding at character ${bad.index + 1} of the encoded document` : 'malformed URL encoding (not UTF-8)');
  }
}

/** Reads a document in either form and parses it (lenient: repairs reported, not thrown). */
export function readDocument(value: unknown, path: JsonPath, lenient: boolean): ReadDocument {
  if (typeof value === 'string') {
    const text = decodeDocumentString(value, path);
    return { text, parsed: parseDocumentText(text, path, lenient), form: 'string' };
  }
  if (isObject(value)) {
    const text = JSON.stringify(value, null, 4);
    // Text we just serialized is valid JSON; strict parsing only adds positions.
    return { text, parsed: parseDocumentText(text, path, false), form: 'object' };
  }
  throw new ShapeError(path, `expected a policy document (an object or a URL-encoded string), found ${describe(value)}`);
}

export function parseDocumentText(text: string, path: JsonPath, lenient: boolean): ParsedPolicy {
  try {
    return parsePolicy(text, { lenient });
  } catch (e) {
    if (e instanceof PolicySyntaxError) throw new DocumentError(path, e.reason, e.line, e.column);
    throw e;
  }
}
