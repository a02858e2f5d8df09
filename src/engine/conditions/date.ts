/**
 * Date condition operators.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "Date condition operators":
 * values use "one of the W3C implementations of the ISO 8601 date formats" (W3C NOTE-datetime:
 * YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mmTZD, YYYY-MM-DDThh:mm:ssTZD, YYYY-MM-DDThh:mm:ss.sTZD)
 * "or in epoch (UNIX) time"; wildcards are not permitted; no policy variables.
 *
 * Ambiguities, decided here:
 *  - A value made only of digits is read as epoch seconds (so "2020" is 2020 seconds after the
 *    epoch, not the year 2020): both readings are allowed by the page, and epoch values are far
 *    more common in policies (aws:EpochTime).
 *  - A date-time without a time zone designator (which W3C requires) is read as UTC.
 */
import { piecesToText } from '../template.js';
import type { BaseOperator } from './operator.js';

const EPOCH_RE = /^\s*-?\d+(?:\.\d+)?\s*$/;
const W3C_RE =
  /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?)?)?\s*$/;

/** Milliseconds since the epoch, or undefined. */
export function parseDate(value: string): number | undefined {
  if (EPOCH_RE.test(value)) return Number(value) * 1000;
  const m = W3C_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  const hour = m[4] ? Number(m[4]) : 0;
  const minute = m[5] ? Number(m[5]) : 0;
  const second = m[6] ? Number(m[6]) : 0;
  const millis = m[7] ? Math.round(Number('0.' + m[7]) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  let t = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const tz = m[8];
  if (tz && tz !== 'Z' && tz !== 'z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2)) : 0);
    t -= sign * offset * 60_000;
  }
  return t;
}

function date(name: string, negated: boolean, test: (r: number, p: number) => boolean): BaseOperator<number, number> {
  return { name, negated, variables: false, compile: (pieces) => parseDate(piecesToText(pieces)), parse: parseDate, test };
}

export const dateOperators: BaseOperator[] = [
  date('DateEquals', false, (r, p) => r === p),
  date('DateNotEquals', true, (r, p) => r === p),
  date('DateLessThan', false, (r, p) => r < p),
  date('DateLessThanEquals', false, (r, p) => r <= p),
  date('DateGreaterThan', false, (r, p) => r > p),
  date('DateGreaterThanEquals', false, (r, p) => r >= p),
] as BaseOperator[];
