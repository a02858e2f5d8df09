/**
 * Parsing a condition operator name into its parts.
 *
 * Source: "IAM JSON policy elements: Condition operators" (the full list of base operators, and
 * "...IfExists condition operators": IfExists may be added to any operator except Null) and
 * "Single-valued vs multivalued context keys" (the ForAllValues: / ForAnyValue: set qualifiers).
 *
 * Not documented: whether operator names are case-sensitive. IAM's validator reports mis-cased
 * operators, but evaluation behaviour is not specified; we accept any case so that a policy that
 * AWS stored is not silently weakened here. Parsing itself is policy/operators.ts's.
 */
import { parseConditionOperator } from '../../policy/operators.js';
import type { BaseOperator } from './operator.js';
import { stringOperators } from './string.js';
import { numericOperators } from './numeric.js';
import { dateOperators } from './date.js';
import { boolOperators } from './bool.js';
import { binaryOperators } from './binary.js';
import { ipOperators } from './ip.js';
import { arnOperators } from './arn.js';

const BASE = new Map<string, BaseOperator>();
for (const op of [...stringOperators, ...numericOperators, ...dateOperators, ...boolOperators, ...binaryOperators, ...ipOperators, ...arnOperators]) {
  BASE.set(op.name.toLowerCase(), op);
}

export const enum SetQualifier {
  None = 0,
  ForAnyValue = 1,
  ForAllValues = 2,
}

export type OperatorParse = { kind: 'op'; op: BaseOperator; set: SetQualifier; ifExists: boolean; variables: boolean } | { kind: 'null' } | { kind: 'unknown' };

/**
 * The policy language's operator parser (policy/operators.ts), the one the validator uses, mapped
 * to the engine's implementation of the base operator.
 */
export function parseOperator(name: string): OperatorParse {
  const parsed = parseConditionOperator(name);
  if (parsed === undefined) return { kind: 'unknown' };
  // A set qualifier on Null changes nothing: Null tests presence (policy/operators.ts).
  if (parsed.category === 'Null') return { kind: 'null' };
  const op = BASE.get(parsed.base.toLowerCase());
  if (op === undefined) return { kind: 'unknown' };
  const set =
    parsed.setOperator === 'ForAnyValue' ? SetQualifier.ForAnyValue : parsed.setOperator === 'ForAllValues' ? SetQualifier.ForAllValues : SetQualifier.None;
  return { kind: 'op', op, set, ifExists: parsed.ifExists, variables: parsed.variables };
}

/** Every base operator name, for tests and documentation. */
export const BASE_OPERATOR_NAMES: readonly string[] = [...BASE.values()].map((o) => o.name);
