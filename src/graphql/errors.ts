/**
 * The API's error vocabulary: every refusal carries one of the contract's codes as
 * `extensions.code`, so clients can branch on it without parsing messages. Resolvers throw
 * AccessqlErrors (formatted by map-error.ts); only refusals before execution, which Apollo answers
 * with an HTTP status of their own, are GraphQLErrors.
 */
import { GraphQLError } from 'graphql';
import { AccessqlError, type ErrorCode } from '../util/errors.js';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): AccessqlError {
  return new AccessqlError(code, message, extensions);
}

export const badUserInput = (message: string, extensions: Record<string, unknown> = {}) => apiError('BAD_USER_INPUT', message, extensions);

/** A refusal of the request itself (credentials), answered with `status`: Apollo reads `extensions.http` of a GraphQLError only. */
export function httpRefusal(code: ErrorCode, message: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}
