/**
 * Policy text → PolicyDocument with source positions. (Interface fixed; implementation lands
 * with the policy-language work.)
 */
import type { Finding, PolicyDocument } from './types.js';
import { JsonSyntaxError } from './json.js';

export interface ParseOptions {
  /** Repair trailing commas and missing commas between array items, reporting each repair. */
  lenient?: boolean;
}

export interface ParsedPolicy {
  document: PolicyDocument;
  /** One WARNING finding per lenient repair (empty in strict mode). */
  repairs: Finding[];
}

/** Thrown for text that is not JSON (after lenient repairs, if asked for). */
export class PolicySyntaxError extends JsonSyntaxError {}

/**
 * Parses policy text. Throws PolicySyntaxError for JSON syntax errors; structural problems
 * (missing Effect, wrong types…) do not throw: the document keeps what it can and validation
 * reports the rest.
 */
export function parsePolicy(text: string, options: ParseOptions = {}): ParsedPolicy {
  void text; void options;
  throw new Error('parsePolicy: not implemented yet');
}
