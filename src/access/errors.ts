/** Typed errors of the access layer; the API maps each to its contract code. */

/** A policy given as text that is not a policy document (JSON syntax or structure). */
export class MalformedPolicyError extends Error {
  constructor(
    /** Which input: `policies[0]`, `permissionsBoundaries[1]`, `serviceControlPolicies[0][0]`, `resourcePolicy`. */
    readonly policy: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${policy}: ${reason}${line !== undefined ? ` at line ${line}, column ${column}` : ''}`);
    this.name = 'MalformedPolicyError';
  }
}

/** A question the store cannot answer as asked (unknown principal, resource of the wrong type…). */
export class InvalidQuestionError extends Error {
  constructor(message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'InvalidQuestionError';
  }
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
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
