/**
 * The CLI answers through the same GraphQL schema as the server, executed in-process, so that
 * `--json` prints exactly the shape of the GraphQL field and both surfaces share one code path.
 */
import { AccessqlError } from '../util/errors.js';
import { graphql } from 'graphql';
import pino from 'pino';
import { apiSchema } from '../graphql/schema.js';
import { createLoaders } from '../graphql/loaders.js';
import { formatApiError } from '../graphql/map-error.js';
/** The GraphQL errors of an in-process operation; `code` is the first one's. */
export class OperationError extends AccessqlError {
    errors;
    constructor(errors) {
        super(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR', errors.map((e) => e.message).join('; '));
        this.errors = errors;
        this.name = 'OperationError';
    }
}
const silent = pino({ level: 'silent' });
export async function runOperation(app, source, variableValues) {
    const contextValue = {
        app: app,
        role: 'admin',
        requestId: 'cli',
        deadline: Number.MAX_SAFE_INTEGER,
        log: silent,
        loaders: app ? createLoaders(app.store) : undefined,
    };
    const result = await graphql({ schema: apiSchema(), source, variableValues, contextValue });
    if (result.errors?.length)
        throw new OperationError(result.errors.map((e) => formatApiError(e.toJSON(), e)));
    return result.data;
}
//# sourceMappingURL=local-graphql.js.map