/**
 * Three-valued results and the collector for missing context keys.
 *
 * A test is TRUE or FALSE when the request decides it, and UNKNOWN when the answer depends on a
 * context key the request did not supply (see `EvaluationResult.conditional`). UNKNOWN still has an
 * AWS answer — what AWS does when the key is absent — which callers keep separately.
 */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
/** AWS's answer is TRUE, but a value of a missing key would make it FALSE (a negated UNKNOWN). */
export const TRUE_UNLESS_KNOWN = 3;
/**
 * Collects the keys (as spelled in the policy) that a test needed but the request lacked.
 * Allocated lazily so that the common fully-specified request allocates nothing.
 */
export class MissingKeys {
    keys = null;
    add(key) {
        if (this.keys === null)
            this.keys = [key];
        else
            this.keys.push(key);
    }
    get size() {
        return this.keys === null ? 0 : this.keys.length;
    }
    /** Drops keys added after `mark` (used when a statement turns out not to apply). */
    truncate(mark) {
        if (this.keys !== null && this.keys.length > mark)
            this.keys.length = mark;
    }
}
//# sourceMappingURL=tri.js.map