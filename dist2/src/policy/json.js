/**
 * Strict JSON (RFC 8259) with 1-based error positions.
 *
 * JSON.parse decides what is valid: it is the strict parser AWS's own tooling behaves like, and
 * it is fast on the large files importers read. Only when it fails do we walk the text again with
 * jsonc-parser (strict options) to name the first offending line and column, because V8's
 * messages do not always carry a position.
 */
import { AccessqlError } from '../util/errors.js';
import jsonc from 'jsonc-parser';
export class JsonSyntaxError extends AccessqlError {
    line;
    column;
    offset;
    reason;
    constructor(reason, position) {
        super('MALFORMED_POLICY_DOCUMENT', `${reason} at line ${position.line}, column ${position.column}`, { line: position.line, column: position.column });
        this.name = 'JsonSyntaxError';
        this.reason = reason;
        this.line = position.line;
        this.column = position.column;
        this.offset = position.offset;
    }
}
/** Maps character offsets to 1-based line/column; build once per text. */
export class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            // \r\n counts as one line break; a lone \r too (as editors show it).
            if (c === 10)
                this.starts.push(i + 1);
            else if (c === 13 && text.charCodeAt(i + 1) !== 10)
                this.starts.push(i + 1);
        }
    }
    position(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1, offset };
    }
}
const REASONS = {
    1: 'Invalid symbol',
    2: 'Invalid number format',
    3: 'Expected a double-quoted property name',
    4: 'Expected a value',
    5: "Expected ':' after property name",
    6: "Expected ',' between elements",
    7: "Expected ',' or '}'",
    8: "Expected ',' or ']'",
    9: 'Unexpected text after the end of the JSON value',
    10: 'Comments are not allowed in JSON',
    11: 'Comments are not allowed in JSON',
    12: 'Unterminated string',
    13: 'Unterminated number',
    14: 'Invalid unicode escape',
    15: 'Invalid escape character in string',
    16: 'Invalid character in string',
};
/**
 * Finds where strict JSON parsing first fails. Returns undefined for valid JSON.
 * V8's own position is used when its message has one (it is the strict parser); otherwise
 * ("Unexpected token", "Unexpected end of JSON input") jsonc-parser's scanner, run with strict
 * options, names the offset.
 */
export function locateJsonError(text) {
    let message;
    try {
        JSON.parse(text);
        return undefined;
    }
    catch (e) {
        if (e instanceof RangeError)
            return new JsonSyntaxError('JSON nesting is too deep', { line: 1, column: 1, offset: 0 });
        message = e.message;
    }
    const index = new LineIndex(text);
    const at = (reason, offset) => new JsonSyntaxError(trailingCommaReason(text, offset) ?? reason, index.position(offset));
    const m = /^(.*?)(?: in JSON)? at position (\d+)/s.exec(message);
    if (m)
        return at(m[1], Number(m[2]));
    let first;
    try {
        jsonc.visit(text, {
            onError(error, offset) {
                if (!first)
                    first = { error, offset };
            },
        }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    }
    catch {
        // a visitor failure (e.g. stack exhaustion) leaves us with V8's message alone
    }
    if (first)
        return at(REASONS[first.error] ?? 'Invalid JSON', Math.min(first.offset, text.length));
    const reason = message.replace(/, ".*" is not valid JSON$/s, '');
    return new JsonSyntaxError(reason, index.position(text.length));
}
/** A closing bracket right after a comma: say so, the most common hand-edit mistake (and the seed documents'). */
function trailingCommaReason(text, offset) {
    const close = text[offset];
    if (close !== ']' && close !== '}')
        return undefined;
    let i = offset - 1;
    while (i >= 0 && /\s/.test(text[i]))
        i--;
    return text[i] === ',' ? `Trailing comma before '${close}' (JSON allows none)` : undefined;
}
/** JSON.parse, but a failure is a JsonSyntaxError naming the first bad line and column. */
export function parseJsonStrict(text) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw locateJsonError(text) ?? new JsonSyntaxError(e.message, { line: 1, column: 1, offset: 0 });
    }
}
//# sourceMappingURL=json.js.map