import 'reflect-metadata';
import { buildSchemaSync } from 'type-graphql';
import { resolvers } from './resolvers/index.js';
let cached;
/** The API's schema, built once from the resolver classes (code first, type-graphql). */
export function apiSchema() {
    cached ??= buildSchemaSync({
        resolvers,
        // Argument validation is off: there is no class-validator; resolvers check their inputs.
        validate: false,
    });
    return cached;
}
//# sourceMappingURL=schema.js.map