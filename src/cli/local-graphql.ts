/**
 * The CLI answers through the same GraphQL schema as the server, executed in-process, so that
 * `--json` prints exactly the shape of the GraphQL field and both surfaces share one code path.
 */
import { AccessqlError, type ErrorCode } from '../util/errors.js';
import { graphql, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { apiSchema } from '../graphql/schema.js';
import type { ApiContext } from '../graphql/context.js';
import type { App } from '../app.js';
import { createLoaders } from '../graphql/loaders.js';
import { formatApiError } from '../graphql/map-error.js';

/** The GraphQL errors of an in-process operation; `code` is the first one's. */
export class OperationError extends AccessqlError {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super((errors[0]?.extensions?.code as ErrorCode | undefined) ?? 'INTERNAL_SERVER_ERROR', errors.map((e) => e.message).join('; '));
    this.name = 'OperationError';
  }
}

const silent = pino({ level: 'silent' });

export async function runOperation<T = Record<string, unknown>>(app: App | undefined, source: string, variableValues: Record<string, unknown>): Promise<T> {
  const contextValue = {
    app: app as App,
    role: 'admin',
    requestId: 'cli',
    deadline: Number.MAX_SAFE_INTEGER,
    log: silent,
    loaders: app ? createLoaders(app.store) : undefined,
  } satisfies ApiContext;
  const result = await graphql({ schema: apiSchema(), source, variableValues, contextValue });
  if (result.errors?.length) throw new OperationError(result.errors.map((e) => formatApiError(e.toJSON(), e)));
  return result.data as T;
}
