/**
 * Parsing a condition operator name into its parts.
 *
 * Source: "IAM JSON policy elements: Condition operators" (the full list of base operators, and
 * "...IfExists condition operators": IfExists may be added to any operator except Null) and
 * "Single-valued vs multivalued context keys" (the ForAllValues: / ForAnyValue: set qualifiers).
 *
 * Not documented: whether operator names are case-sensitive. IAM's validator reports mis-cased
 * operators, but evaluation behaviour is not specified; we accept any case so that a policy that
 * AWS stored is not silently weakened here.
 */
import type { BaseOperator } from './operator.js';
import { stringOperators } from './string.js';
import { numericOperators } from './numeric.js';
import { dateOperators } from './date.js';
import { boolOperators } from './bool.js';
import { binaryOperators } from './binary.js';
import { ipOperators } from './ip.js';
import { arnOperators } from './arn.js';

const BASE = new Map<string, BaseOperator>();
for (const op of [
  ...stringOperators,
  ...numericOperators,
  ...dateOperators,
  ...boolOperators,
  ...binaryOperators,
  ...ipOperators,
  ...arnOperators,
]) {
  BASE.set(op.name.toLowerCase(), op);
}

export const enum SetQualifier {
  None = 0,
  ForAnyValue = 1,
  ForAllValues = 2,
}

export type ParsedOperator =
  | { kind: 'op'; op: BaseOperator; set: SetQualifier; ifExists: boolean }
  | { kind: 'null' }
  | { kind: 'unknown' };

export function parseOperator(name: string): ParsedOperator {
  let rest = name.trim();
  let set = SetQualifier.None;
  const lower = rest.toLowerCase();
  if (lower.startsWith('foranyvalue:')) {
    set = SetQualifier.ForAnyValue;
    rest = rest.slice('foranyvalue:'.length);
  } else if (lower.startsWith('forallvalues:')) {
    set = SetQualifier.ForAllValues;
    rest = rest.slice('forallvalues:'.length);
  }
  let base = rest.toLowerCase();
  if (base === 'null') return set === SetQualifier.None ? { kind: 'null' } : { kind: 'unknown' };
  let ifExists = false;
  if (base.endsWith('ifexists')) {
    ifExists = true;
    base = base.slice(0, -'ifexists'.length);
  }
  const op = BASE.get(base);
  return op ? { kind: 'op', op, set, ifExists } : { kind: 'unknown' };
}

/** Every base operator name, for tests and documentation. */
export const BASE_OPERATOR_NAMES: readonly string[] = [...BASE.values()].map((o) => o.name);
