/** Typed errors of the access layer; the API maps each to its contract code. */
import { AccessqlError } from '../util/errors.js';
/** A policy given as text that is not a policy document (JSON syntax or structure). */
export class MalformedPolicyError extends AccessqlError {
    policy;
    reason;
    line;
    column;
    constructor(
    /** Which input: `policies[0]`, `permissionsBoundaries[1]`, `serviceControlPolicies[0][0]`, `resourcePolicy`. */
    policy, reason, line, column) {
        super('MALFORMED_POLICY_DOCUMENT', `${policy}: ${reason}${line !== undefined ? ` at line ${line}, column ${column}` : ''}`, { policy, line, column });
        this.policy = policy;
        this.reason = reason;
        this.line = line;
        this.column = column;
        this.name = 'MalformedPolicyError';
    }
}
/** A question the store cannot answer as asked (unknown principal, resource of the wrong type…). */
export class InvalidQuestionError extends AccessqlError {
    details;
    constructor(message, details = {}) {
        super('BAD_USER_INPUT', message, details);
        this.details = details;
        this.name = 'InvalidQuestionError';
    }
}
export class NotFoundError extends AccessqlError {
    constructor(message) {
        super('NOT_FOUND', message);
        this.name = 'NotFoundError';
    }
}
/**
 * A caller's value as an error message quotes it: whole when short, else its start and its length
 * (an error should name what it refuses, not echo 200 kB of it back).
 */
export function quoted(value, max = 160) {
    return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}
//# sourceMappingURL=errors.js.map