/**
 * The one place where the project's errors become GraphQL errors. Every error accessql throws on
 * purpose is an AccessqlError (src/util/errors.ts) carrying its contract code and extensions;
 * resolvers let them propagate, and the server's formatError and the CLI's in-process executor
 * both format them here.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AccessqlError } from '../util/errors.js';

/** The AccessqlError behind a resolver's GraphQL error, if any. */
export function accessqlErrorOf(error: unknown): AccessqlError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : error;
  return original instanceof AccessqlError ? original : undefined;
}

/** `formatted` with the AccessqlError's message, code and extensions, when `error` carries one. */
export function formatApiError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const e = accessqlErrorOf(error);
  if (!e) return formatted;
  const extensions: Record<string, unknown> = { ...formatted.extensions };
  for (const [k, v] of Object.entries(e.extensions)) if (v !== undefined) extensions[k] = v;
  extensions.code = e.code;
  return { ...formatted, message: e.message, extensions };
}
