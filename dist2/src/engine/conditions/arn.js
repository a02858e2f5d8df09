/**
 * ARN condition operators.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "Amazon Resource Name (ARN)
 * condition operators": ArnEquals and ArnLike "behave identically" — case-sensitive, each of the
 * six colon-delimited components checked separately, each may contain `*` and `?`; ArnNotEquals and
 * ArnNotLike are the negations and also behave identically. Policy variables are allowed.
 */
import { compileArnPieces, matchArnCondition, prepareArn } from '../arn.js';
function arnOperator(name, negated) {
    return {
        name,
        negated,
        compile: (pieces) => compileArnPieces(pieces),
        parse: prepareArn,
        test: (r, p) => matchArnCondition(p, r),
    };
}
export const arnOperators = [
    arnOperator('ArnEquals', false),
    arnOperator('ArnLike', false),
    arnOperator('ArnNotEquals', true),
    arnOperator('ArnNotLike', true),
];
//# sourceMappingURL=arn.js.map