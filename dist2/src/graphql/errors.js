/**
 * The API's error vocabulary: every refusal is a GraphQLError whose `extensions.code` is one of
 * the contract's codes, so clients can branch on it without parsing messages.
 */
import { GraphQLError } from 'graphql';
export function apiError(code, message, extensions = {}) {
    return new GraphQLError(message, { extensions: { ...extensions, code } });
}
export const badUserInput = (message, extensions = {}) => apiError('BAD_USER_INPUT', message, extensions);
export const notFound = (message) => apiError('NOT_FOUND', message);
//# sourceMappingURL=errors.js.map