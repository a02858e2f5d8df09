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
 *  - The parser is the policy language's (policy/operators.ts, parseDateValue), shared with the
 *    validator.
 */
import { parseDateValue } from '../../policy/operators.js';
import { piecesToText } from '../template.js';
/** Milliseconds since the epoch, or undefined: the policy language's parser (policy/operators.ts). */
export const parseDate = parseDateValue;
function date(name, negated, test) {
    return { name, negated, compile: (pieces) => parseDate(piecesToText(pieces)), parse: parseDate, test };
}
export const dateOperators = [
    date('DateEquals', false, (r, p) => r === p),
    date('DateNotEquals', true, (r, p) => r === p),
    date('DateLessThan', false, (r, p) => r < p),
    date('DateLessThanEquals', false, (r, p) => r <= p),
    date('DateGreaterThan', false, (r, p) => r > p),
    date('DateGreaterThanEquals', false, (r, p) => r >= p),
];
//# sourceMappingURL=date.js.map