/**
 * Limits that protect the server from one request taking it over. Query shape limits
 * (depth, cost, aliases, tokens) are graphql-armor's; these are the ones about values.
 */
import { apiError, badUserInput } from './errors.js';

/** Connections: `first` defaults to 100 and may not exceed this. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

/**
 * Largest policy text accepted in one argument. AWS's own limits are far smaller (managed
 * policies 6,144 characters, role inline policies 10,240, SCPs 5,120 — IAM and STS quotas), but
 * validatePolicy must be able to tell a user their 1 MB file is too large, so the hard cap is
 * generous and the AWS limits are findings.
 */
export const MAX_POLICY_CHARS = 2 * 1024 * 1024;

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badUserInput('`first` must be a non-negative integer', { argumentName: 'first' });
  if (first > MAX_PAGE_SIZE) throw badUserInput(`\`first\` may be at most ${MAX_PAGE_SIZE}`, { argumentName: 'first', maximum: MAX_PAGE_SIZE });
  return first;
}

export function checkPolicySize(text: string, name: string): void {
  if (text.length > MAX_POLICY_CHARS) {
    throw apiError('PAYLOAD_TOO_LARGE', `${name} is ${text.length} characters; the limit is ${MAX_POLICY_CHARS}`, { policy: name, limit: MAX_POLICY_CHARS });
  }
}

/** Throws TIMEOUT once the operation's time budget is spent; long loops call it now and then. */
export function checkDeadline(deadline: number): void {
  if (Date.now() > deadline) throw apiError('TIMEOUT', 'The operation ran out of its time budget; narrow the question or raise ACCESSQL_REQUEST_TIMEOUT_MS');
}

/** Most (action, resource) pairs one simulation may evaluate. */
export const MAX_EVALUATIONS = 10_000;
