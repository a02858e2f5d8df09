/**
 * Bool.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "Boolean condition operators":
 * compares a key to "true" or "false". That page says policy variables can be used with Bool,
 * while "IAM policy elements: Variables and tags" lists only string and ARN operators; we follow
 * the operator page (it is specific to the operator) — a documented ambiguity.
 *
 * Not documented: case. JSON policies carry booleans as `true`/`false` or strings; we compare
 * case-insensitively, and any other value matches nothing.
 */
import { piecesToText } from '../template.js';
import type { BaseOperator } from './operator.js';

function parseBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

export const boolOperators: BaseOperator[] = [
  {
    name: 'Bool',
    negated: false,
    variables: true,
    compile: (pieces) => parseBool(piecesToText(pieces)),
    parse: parseBool,
    test: (r: boolean, p: boolean) => r === p,
  } as BaseOperator<boolean, boolean>,
] as BaseOperator[];
