/**
 * Condition operators ("IAM JSON policy elements: Condition operators", IAM User Guide):
 * a base operator, optionally prefixed by a set operator (ForAnyValue: / ForAllValues:) and
 * suffixed by IfExists (any operator except Null).
 */

export type OperatorCategory = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export const BASE_OPERATORS: Readonly<Record<string, OperatorCategory>> = {
  StringEquals: 'String',
  StringNotEquals: 'String',
  StringEqualsIgnoreCase: 'String',
  StringNotEqualsIgnoreCase: 'String',
  StringLike: 'String',
  StringNotLike: 'String',
  NumericEquals: 'Numeric',
  NumericNotEquals: 'Numeric',
  NumericLessThan: 'Numeric',
  NumericLessThanEquals: 'Numeric',
  NumericGreaterThan: 'Numeric',
  NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date',
  DateNotEquals: 'Date',
  DateLessThan: 'Date',
  DateLessThanEquals: 'Date',
  DateGreaterThan: 'Date',
  DateGreaterThanEquals: 'Date',
  Bool: 'Bool',
  BinaryEquals: 'Binary',
  IpAddress: 'IpAddress',
  NotIpAddress: 'IpAddress',
  ArnEquals: 'Arn',
  ArnLike: 'Arn',
  ArnNotEquals: 'Arn',
  ArnNotLike: 'Arn',
  Null: 'Null',
};

export interface ParsedOperator {
  /** As written. */
  operator: string;
  /** Canonical base operator name, e.g. "StringLike". */
  base: string;
  category: OperatorCategory;
  setOperator?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
  /** A negated operator (StringNotEquals, NotIpAddress, ArnNotLike…). */
  negated: boolean;
}

/**
 * Parses a condition operator. Operator names are matched case-insensitively (as IAM does) but
 * the result names the canonical spelling. undefined for an unknown operator, and for
 * `NullIfExists` (Null cannot take IfExists).
 */
export function parseConditionOperator(operator: string): ParsedOperator | undefined {
  let rest = operator;
  let setOperator: ParsedOperator['setOperator'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') setOperator = 'ForAnyValue';
    else if (prefix === 'forallvalues') setOperator = 'ForAllValues';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  const lower = rest.toLowerCase();
  const base = Object.keys(BASE_OPERATORS).find((b) => b.toLowerCase() === lower);
  if (!base) return undefined;
  if (base === 'Null' && ifExists) return undefined;
  return {
    operator,
    base,
    category: BASE_OPERATORS[base],
    setOperator,
    ifExists,
    negated: /Not/.test(base) && base !== 'Null',
  };
}

/** Closest known operator spelling for a suggestion ("StringEqual" → "StringEquals"). */
export function knownOperatorNames(): string[] {
  return Object.keys(BASE_OPERATORS);
}
