import 'reflect-metadata';
import { buildSchemaSync } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';

let cached: GraphQLSchema | undefined;

/** The API's schema, built once from the resolver classes (code first, type-graphql). */
export function apiSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({
    resolvers,
    // Argument validation is off: there is no class-validator; resolvers check their inputs.
    validate: false,
  });
  return cached;
}
