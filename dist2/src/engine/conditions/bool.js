/**
 * Bool.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "Boolean condition operators":
 * compares a key to "true" or "false". That page says policy variables can be used with Bool,
 * while "IAM policy elements: Variables and tags" lists only string and ARN operators; we follow
 * the operator page (it is specific to the operator) — a documented ambiguity.
 *
 * Values are parsed by the policy language's parser (policy/operators.ts, parseBoolValue), the one
 * the validator uses: `true` or `false` in any case; anything else (`" true"`) matches nothing.
 */
import { parseBoolValue } from '../../policy/operators.js';
import { piecesToText } from '../template.js';
export const boolOperators = [
    {
        name: 'Bool',
        negated: false,
        compile: (pieces) => parseBoolValue(piecesToText(pieces)),
        parse: parseBoolValue,
        test: (r, p) => r === p,
    },
];
//# sourceMappingURL=bool.js.map