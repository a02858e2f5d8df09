/**
 * The project's one error base class. Every error accessql throws on purpose carries one of the
 * API contract's codes (`extensions.code` of a GraphQL error) and the extensions that go with it,
 * so the GraphQL layer maps all of them in one place (src/graphql/map-error.ts) and the CLI can
 * name the code without parsing messages.
 */

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

export class AccessqlError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What a client may read besides the message (`argumentName`, `line`, `column`, `policy`…). */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'AccessqlError';
  }
}
