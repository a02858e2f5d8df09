/**
 * A validation rule that refuses a literal `first` above the page maximum with BAD_USER_INPUT.
 * It must run before the cost limit: graphql-armor multiplies a field's cost by a literal
 * `first`, and a user who asked for too big a page should be told that, not that the query is
 * too complex. (`first` given through a variable is checked by the resolvers.)
 */
import { GraphQLError, Kind, visit } from 'graphql';
import { MAX_PAGE_SIZE } from './limits.js';
/** Extension that formatError turns into `extensions.code` (Apollo labels every validation error GRAPHQL_VALIDATION_FAILED). */
export const CODE_OVERRIDE = 'accessqlCode';
export const pageSizeRule = (context) => ({
    // On Document (before any operation is entered) so this error comes ahead of the cost limit's.
    Document(document) {
        visit(document, {
            Argument(node) {
                if (node.name.value !== 'first' || node.value.kind !== Kind.INT)
                    return;
                const n = Number(node.value.value);
                if (n > MAX_PAGE_SIZE || n < 0) {
                    context.reportError(new GraphQLError(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}, got ${node.value.value}`, {
                        nodes: [node],
                        extensions: { [CODE_OVERRIDE]: 'BAD_USER_INPUT', argumentName: 'first', maximum: MAX_PAGE_SIZE },
                    }));
                }
            },
        });
    },
});
//# sourceMappingURL=page-size-rule.js.map