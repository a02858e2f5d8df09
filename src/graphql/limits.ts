/**
 * Limits that protect the server from one request taking it over. Query shape limits
 * (depth, cost, aliases, tokens) are graphql-armor's; these are the ones about values.
 */
import { apiError, badUserInput } from './errors.js';
import { withWorkHook } from '../engine/budget.js';

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

export function checkPolicySize(text: string, name: string, limit: number = MAX_POLICY_CHARS): void {
  if (text.length > limit) {
    throw apiError('PAYLOAD_TOO_LARGE', `${name} is ${text.length} characters; the limit is ${limit}`, { policy: name, limit });
  }
}

/**
 * Policies evaluated by simulateCustomPolicy: AWS's own limit for its SimulateCustomPolicy input
 * (PolicyInputList, PermissionsBoundaryPolicyInputList and ResourcePolicy members: 131,072
 * characters each), and a cap on all of them together, since every slice of a big simulation
 * compiles them again.
 */
export const MAX_SIMULATED_POLICY_CHARS = 131_072;
export const MAX_SIMULATED_TOTAL_CHARS = 1024 * 1024;

/**
 * Work one synchronous slice of a simulation may do, in (policy characters × evaluations): about
 * 30 ms on a laptop core, so that other clients' p99 stays under 100 ms while a big simulation
 * runs. Bigger simulations run in slices with deadline checks and a yield in between.
 */
export const SIMULATION_SLICE_WORK = 5_000_000;
/**
 * Fewest pairs per slice: every slice compiles the policies again (about as long as evaluating
 * ~80 pairs against them), so smaller slices would spend most of their time compiling.
 */
export const MIN_SIMULATION_SLICE = 100;

/** Throws TIMEOUT once the operation's time budget is spent; long loops call it now and then. */
export function checkDeadline(deadline: number): void {
  if (Date.now() > deadline) throw apiError('TIMEOUT', 'The operation ran out of its time budget; narrow the question or raise ACCESSQL_REQUEST_TIMEOUT_MS');
}

/** Most (action, resource) pairs one simulation may evaluate. */
export const MAX_EVALUATIONS = 10_000;

/**
 * Longest string a browsing filter accepts. No IAM name or ARN comes near it (ARNs stop at 2,048),
 * and SQLite refuses LIKE patterns beyond 50,000 bytes with an internal error.
 */
export const MAX_FILTER_CHARS = 2048;

/** BAD_USER_INPUT for a filter string longer than MAX_FILTER_CHARS, at any depth (tag: {key, value}). */
export function checkFilter(filter: object | null | undefined, path = 'filter'): void {
  if (!filter) return;
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value.length > MAX_FILTER_CHARS) {
      throw badUserInput(`\`${path}.${key}\` is ${value.length} characters; the limit is ${MAX_FILTER_CHARS}`, {
        argumentName: `${path}.${key}`,
        limit: MAX_FILTER_CHARS,
      });
    }
    // SQLite stops reading a LIKE pattern at NUL, so "\u0000" would match every row; no IAM name,
    // ARN or tag contains one.
    if (typeof value === 'string' && value.includes('\u0000')) {
      throw badUserInput(`\`${path}.${key}\` contains a NUL character`, { argumentName: `${path}.${key}` });
    }
    if (value !== null && typeof value === 'object') checkFilter(value as object, `${path}.${key}`);
  }
}

/**
 * Longest resource ARN an argument may be: IAM's own limit for the ARNs it simulates ("IAM API
 * Reference", SimulatePrincipalPolicy and SimulateCustomPolicy, ResourceArns: ResourceNameType,
 * 1 to 2,048 characters). No real ARN is longer, and typing or matching one costs time in its length.
 */
export const MAX_RESOURCE_CHARS = 2048;

/** Longest action name ("IAM API Reference", SimulatePrincipalPolicy, ActionNames: ActionNameType, 3 to 128 characters). */
export const MAX_ACTION_CHARS = 128;

/** BAD_USER_INPUT for a resource argument longer than MAX_RESOURCE_CHARS. */
export function checkResource(value: string | null | undefined, argumentName: string): void {
  if (typeof value === 'string' && value.length > MAX_RESOURCE_CHARS) {
    throw badUserInput(`\`${argumentName}\` is ${value.length} characters; a resource ARN has at most ${MAX_RESOURCE_CHARS} (IAM's limit)`, {
      argumentName,
      limit: MAX_RESOURCE_CHARS,
    });
  }
}

export function checkResources(values: readonly string[] | null | undefined, argumentName: string): void {
  values?.forEach((v, i) => checkResource(v, `${argumentName}[${i}]`));
}

/** BAD_USER_INPUT for an action name longer than MAX_ACTION_CHARS. */
export function checkActions(values: readonly string[], argumentName: string): void {
  values.forEach((v, i) => {
    if (v.length > MAX_ACTION_CHARS) {
      throw badUserInput(`\`${argumentName}[${i}]\` is ${v.length} characters; an action name has at most ${MAX_ACTION_CHARS} (IAM's limit)`, {
        argumentName: `${argumentName}[${i}]`,
        limit: MAX_ACTION_CHARS,
      });
    }
  });
}

/** Runs synchronous work that stops with TIMEOUT once the deadline passes, even inside one evaluation. */
export function withDeadline<T>(deadline: number, body: () => T): T {
  return withWorkHook(() => checkDeadline(deadline), body);
}

/** Values in a request context: the factor by which condition work grows per evaluation. */
export function contextValueCount(context: readonly { values: readonly string[] }[] | null | undefined): number {
  let n = 0;
  for (const c of context ?? []) n += c.values.length;
  return n;
}
