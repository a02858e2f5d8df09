/**
 * BinaryEquals.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "Binary condition operators":
 * "compares the value of the specified key byte for byte against a base-64 encoded representation
 * of the binary value in the policy"; no policy variables. Request values of BINARY keys are given
 * base64-encoded too, so both sides are decoded and compared byte for byte (padding differences
 * do not matter). Values are parsed by policy/operators.ts (parseBinaryValue), as the validator does.
 */
import { parseBinaryValue } from '../../policy/operators.js';
import { piecesToText } from '../template.js';
const REQUEST_BASE64_RE = /^\s*[A-Za-z0-9+/]*={0,2}\s*$/;
/** Request values are not policy text: unpadded base64 is read as the same bytes. */
function decodeRequest(value) {
    return REQUEST_BASE64_RE.test(value) ? Buffer.from(value.trim(), 'base64') : undefined;
}
export const binaryOperators = [
    {
        name: 'BinaryEquals',
        negated: false,
        compile: (pieces) => parseBinaryValue(piecesToText(pieces)),
        parse: decodeRequest,
        test: (r, p) => r.equals(p),
    },
];
//# sourceMappingURL=binary.js.map