/**
 * The API's error vocabulary: every refusal is a GraphQLError whose `extensions.code` is one of
 * the contract's codes, so clients can branch on it without parsing messages.
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'MALFORMED_POLICY_DOCUMENT'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'PAYLOAD_TOO_LARGE'
  | 'TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (message: string, extensions: Record<string, unknown> = {}) =>
  apiError('BAD_USER_INPUT', message, extensions);

export const notFound = (message: string) => apiError('NOT_FOUND', message);
