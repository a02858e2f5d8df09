/**
 * The shape shared by every base condition operator (the part of the name without ForAnyValue: /
 * ForAllValues: and without IfExists).
 *
 * Source: "IAM JSON policy elements: Condition operators". Each operator compares one request value
 * with one policy value; the "Not" operators are the negation of their positive counterpart, and
 * "Conditions with multiple context keys or values" says that several policy values are ORed for a
 * positive operator and NORed for a negated one — so a negated operator is modelled here as its
 * positive test plus `negated: true`, and the NOR is applied once, in conditions/evaluate.ts.
 */
import type { PatternPiece } from '../../util/wildcard.js';

export interface BaseOperator<P = unknown, R = unknown> {
  /** Canonical name, e.g. "StringNotLike". */
  name: string;
  /** true for StringNotEquals, NotIpAddress, ArnNotLike, ...: the result is NOT(any policy value matches). */
  negated: boolean;
  /** Compiles one policy value (after variable substitution); undefined: not a valid value, it never matches. */
  compile(pieces: readonly PatternPiece[]): P | undefined;
  /** Parses one request value; undefined: not of this operator's type, it matches no policy value. */
  parse(value: string): R | undefined;
  /** The positive test: does the request value match the policy value? */
  test(request: R, policy: P): boolean;
}
