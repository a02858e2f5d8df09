/**
 * String condition operators.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "String condition operators":
 * StringEquals (exact, case-sensitive), StringNotEquals (negated), StringEqualsIgnoreCase,
 * StringNotEqualsIgnoreCase, StringLike (case-sensitive, `*` and `?` wildcards anywhere),
 * StringNotLike (negated). Policy variables are supported ("IAM policy elements: Variables and
 * tags", section "Condition element").
 */
import { piecesToText } from '../template.js';
import { compileGlobPieces } from '../../util/wildcard.js';
const identity = (v) => v;
const lower = (v) => v.toLowerCase();
function equals(name, negated) {
    return {
        name,
        negated,
        // In StringEquals a `*` is an ordinary character, so literal and raw text are the same.
        compile: (pieces) => piecesToText(pieces),
        parse: identity,
        test: (r, p) => r === p,
    };
}
function equalsIgnoreCase(name, negated) {
    return {
        name,
        negated,
        compile: (pieces) => piecesToText(pieces).toLowerCase(),
        parse: lower,
        test: (r, p) => r === p,
    };
}
function like(name, negated) {
    return {
        name,
        negated,
        compile: (pieces) => compileGlobPieces(pieces),
        parse: identity,
        test: (r, p) => p(r),
    };
}
export const stringOperators = [
    equals('StringEquals', false),
    equals('StringNotEquals', true),
    equalsIgnoreCase('StringEqualsIgnoreCase', false),
    equalsIgnoreCase('StringNotEqualsIgnoreCase', true),
    like('StringLike', false),
    like('StringNotLike', true),
];
//# sourceMappingURL=string.js.map