/**
 * Numeric condition operators.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "Numeric condition operators":
 * comparison "to an integer or decimal value"; NumericEquals, NumericNotEquals (negated),
 * NumericLessThan, NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals. "You can not
 * use a policy variable with the Numeric condition operator."
 *
 * A value that is not a number (policy/operators.ts, parseNumberValue) matches nothing (so the
 * negated operator is true for it); the validator reports it as an ERROR.
 */
import { parseNumberValue } from '../../policy/operators.js';
import { piecesToText } from '../template.js';
/** Values are parsed by the policy language's parser (policy/operators.ts), the one the validator uses. */
export const parseNumber = parseNumberValue;
function numeric(name, negated, test) {
    return { name, negated, compile: (pieces) => parseNumber(piecesToText(pieces)), parse: parseNumber, test };
}
export const numericOperators = [
    numeric('NumericEquals', false, (r, p) => r === p),
    numeric('NumericNotEquals', true, (r, p) => r === p),
    numeric('NumericLessThan', false, (r, p) => r < p),
    numeric('NumericLessThanEquals', false, (r, p) => r <= p),
    numeric('NumericGreaterThan', false, (r, p) => r > p),
    numeric('NumericGreaterThanEquals', false, (r, p) => r >= p),
];
//# sourceMappingURL=numeric.js.map