/** Typed errors of the access layer; the API maps each to its contract code. */
import { AccessqlError } from '../util/errors.js';

/** A policy given as text that is not a policy document (JSON syntax or structure). */
export class MalformedPolicyError extends AccessqlError {
  constructor(
    /** Which input: `policies[0]`, `permissionsBoundaries[1]`, `serviceControlPolicies[0][0]`, `resourcePolicy`. */
    readonly policy: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super('MALFORMED_POLICY_DOCUMENT', `${policy}: ${reason}${line !== undefined ? ` at line ${line}, column ${column}` : ''}`, { policy, line, column });
    this.name = 'MalformedPolicyError';
  }
}

/** A question the store cannot answer as asked (unknown principal, resource of the wrong type…). */
export class InvalidQuestionError extends AccessqlError {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super('BAD_USER_INPUT', message, details);
    this.name = 'InvalidQuestionError';
  }
}

export class NotFoundError extends AccessqlError {
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

/**
 * A caller's value as an error message quotes it: whole when short, else its start and its length
 * (an error should name what it refuses, not echo 200 kB of it back).
 */
export function quoted(value: string, max = 160): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}
