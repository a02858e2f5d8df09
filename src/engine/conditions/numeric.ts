/**
 * Numeric condition operators.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "Numeric condition operators":
 * comparison "to an integer or decimal value"; NumericEquals, NumericNotEquals (negated),
 * NumericLessThan, NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals. "You can not
 * use a policy variable with the Numeric condition operator."
 *
 * Not documented: what happens with a value that is not a number. We treat it as matching nothing
 * (so the negated operator is true for it), rather than guessing a conversion.
 */
import { piecesToText } from '../template.js';
import type { BaseOperator } from './operator.js';

const NUMBER_RE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

export function parseNumber(value: string): number | undefined {
  return NUMBER_RE.test(value) ? Number(value) : undefined;
}

function numeric(name: string, negated: boolean, test: (r: number, p: number) => boolean): BaseOperator<number, number> {
  return { name, negated, variables: false, compile: (pieces) => parseNumber(piecesToText(pieces)), parse: parseNumber, test };
}

export const numericOperators: BaseOperator[] = [
  numeric('NumericEquals', false, (r, p) => r === p),
  numeric('NumericNotEquals', true, (r, p) => r === p),
  numeric('NumericLessThan', false, (r, p) => r < p),
  numeric('NumericLessThanEquals', false, (r, p) => r <= p),
  numeric('NumericGreaterThan', false, (r, p) => r > p),
  numeric('NumericGreaterThanEquals', false, (r, p) => r >= p),
] as BaseOperator[];
