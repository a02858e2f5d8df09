import 'reflect-metadata';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits.js';

let cached: GraphQLSchema | undefined;

/** The API's schema, built once from the resolver classes (code first, type-graphql). */
export function apiSchema(): GraphQLSchema {
  // TypeScript applies parameter decorators last to first, and type-graphql lists arguments in
  // the order they were registered: without this, every field's arguments come out reversed
  // (`whoCan(after, first, …, resource, action)`). Calls sort by index anyway, so only the
  // schema's order changes: as declared, required arguments first.
  (getMetadataStorage() as unknown as { params: { index: number }[] }).params.sort((a, b) => a.index - b.index);
  cached ??= relayConnections(
    buildSchemaSync({
      resolvers,
      // Argument validation is off: there is no class-validator; resolvers check their inputs.
      validate: false,
    }),
  );
  return cached;
}

const FIRST = `Page size: at most ${MAX_PAGE_SIZE} (a larger value is BAD_USER_INPUT); default ${DEFAULT_PAGE_SIZE}.`;
const AFTER = "A cursor from a previous page (`pageInfo.endCursor` or an edge's `cursor`): this page starts after it. Omitted: the first page.";

interface Connectionish {
  edges?: { cursor: string }[];
  pageInfo?: { hasNextPage: boolean; hasPreviousPage?: boolean; startCursor?: string | null; endCursor?: string | null };
}

/**
 * Every field returning a connection (a type with `edges` and `pageInfo`) completes its PageInfo
 * the same way, whichever resolver built the page: startCursor is the first edge's cursor, and
 * hasPreviousPage (when the resolver did not say) is whether the page was asked for `after` a
 * cursor — Relay's rule for forward paging. Its `first` / `after` arguments get the standard
 * descriptions when their resolver gives none.
 */
function relayConnections(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const returned = getNamedType(field.type);
      if (!isObjectType(returned)) continue;
      const fields = returned.getFields();
      if (!fields.edges || !fields.pageInfo) continue;
      for (const arg of field.args) {
        if (arg.name === 'first' && !arg.description) arg.description = FIRST;
        if (arg.name === 'after' && !arg.description) arg.description = AFTER;
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const complete = (c: Connectionish | null | undefined) => {
          if (!c?.pageInfo) return c;
          const p = c.pageInfo;
          return {
            ...c,
            pageInfo: {
              ...p,
              startCursor: p.startCursor ?? c.edges?.[0]?.cursor ?? null,
              hasPreviousPage: p.hasPreviousPage ?? (args.after !== null && args.after !== undefined),
            },
          };
        };
        const out = resolve(source, args, context, info) as Connectionish | Promise<Connectionish> | null | undefined;
        return out instanceof Promise ? out.then(complete) : complete(out);
      };
    }
  }
  return schema;
}
