/**
 * The project's one error base class. Every error accessql throws on purpose carries one of the
 * API contract's codes (`extensions.code` of a GraphQL error) and the extensions that go with it,
 * so the GraphQL layer maps all of them in one place (src/graphql/map-error.ts) and the CLI can
 * name the code without parsing messages.
 */
export class AccessqlError extends Error {
    code;
    extensions;
    constructor(code, message, 
    /** What a client may read besides the message (`argumentName`, `line`, `column`, `policy`…). */
    extensions = {}) {
        super(message);
        this.code = code;
        this.extensions = extensions;
        this.name = 'AccessqlError';
    }
}
//# sourceMappingURL=errors.js.map