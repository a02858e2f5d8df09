/** Maps the domain's typed errors to the API's error codes. */
import { GraphQLError } from 'graphql';
import { InvalidQuestionError, MalformedPolicyError, NotFoundError } from '../access/errors.js';
import { apiError } from './errors.js';
import { CursorError, ImportError, StoreBusyError, StoreUnavailableError } from '../store/errors.js';
export function toApiError(e) {
    if (e instanceof GraphQLError)
        return e;
    if (e instanceof MalformedPolicyError) {
        return apiError('MALFORMED_POLICY_DOCUMENT', e.message, { policy: e.policy, line: e.line, column: e.column });
    }
    if (e instanceof InvalidQuestionError)
        return apiError('BAD_USER_INPUT', e.message, e.details);
    if (e instanceof NotFoundError)
        return apiError('NOT_FOUND', e.message);
    if (e instanceof CursorError)
        return apiError('BAD_USER_INPUT', 'The `after` cursor is not one this API gave out', { argumentName: 'after' });
    if (e instanceof StoreBusyError)
        return apiError('SERVICE_UNAVAILABLE', e.message);
    // originalError kept so that the server logs SQLite's own message (formatError).
    if (e instanceof StoreUnavailableError)
        return new GraphQLError(e.message, { originalError: e, extensions: { code: 'SERVICE_UNAVAILABLE', reason: e.sqliteCode } });
    if (e instanceof ImportError) {
        // Nothing was imported. JSON syntax and policy-document errors carry their position.
        const code = e.line !== undefined ? 'MALFORMED_POLICY_DOCUMENT' : 'BAD_USER_INPUT';
        return apiError(code, e.message, { line: e.line, column: e.column, path: e.path, inDocument: e.inDocument || undefined });
    }
    return e;
}
//# sourceMappingURL=map-error.js.map