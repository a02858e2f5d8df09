/**
 * `catalog { actions(prefix) }`: the catalog's actions by prefix, for the explorer's action
 * autocompletion. Its own resolver so the catalog's other fields stay as they are.
 */
import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { actionsForService, servicePrefixes, type CatalogAction } from '../../catalog/index.js';
import { Catalog } from '../types/browse.js';
import { CatalogActionConnection, CatalogActionInfo } from '../types/catalog-actions.js';
import { badUserInput } from '../errors.js';
import { MAX_FILTER_CHARS, MAX_PAGE_SIZE, pageSize } from '../limits.js';

const DEFAULT_SUGGESTIONS = 20;

function toInfo(a: CatalogAction): CatalogActionInfo {
  return { name: a.name, service: a.service, accessLevel: a.accessLevel, description: a.description, resourceTypes: a.resourceTypes.map((r) => r.name) };
}

/**
 * The actions whose "service:Action" starts with the prefix, case-insensitively, ordered by
 * service then action. A prefix without a colon names services ("conn" → every connect: action).
 */
export function catalogActionsByPrefix(prefix: string): CatalogAction[] {
  const lower = prefix.toLowerCase();
  const colon = lower.indexOf(':');
  const servicePart = colon < 0 ? lower : lower.slice(0, colon);
  const services = colon < 0 ? servicePrefixes().filter((s) => s.startsWith(servicePart)) : servicePrefixes().filter((s) => s === servicePart);
  const out: CatalogAction[] = [];
  for (const s of services) for (const a of actionsForService(s)) if (a.name.toLowerCase().startsWith(lower)) out.push(a);
  return out;
}

function cursorOf(name: string): string {
  return Buffer.from(`action:${name}`, 'utf8').toString('base64url');
}

function nameOfCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('action:') || text.length === 7) throw badUserInput('`after` is not a cursor of catalog.actions', { argumentName: 'after' });
  return text.slice(7);
}

@Resolver(() => Catalog)
export class CatalogActionsResolver {
  @FieldResolver(() => CatalogActionConnection, {
    description:
      'Catalog actions whose name starts with the prefix (case-insensitive; "conn" lists the connect: service), ordered by name. first defaults to 20.',
  })
  actions(
    @Root() _catalog: Catalog,
    @Arg('prefix', () => String, { description: 'At least one character: a service prefix, or "service:" and the start of an action.' }) prefix: string,
    @Arg('first', () => Int, { nullable: true, description: `How many suggestions: default ${DEFAULT_SUGGESTIONS}, at most ${MAX_PAGE_SIZE}.` })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from a previous page: this page starts after it.' }) after: string | null,
  ): CatalogActionConnection {
    if (prefix.trim() === '') throw badUserInput('`prefix` must have at least one character', { argumentName: 'prefix' });
    if (prefix.length > MAX_FILTER_CHARS)
      throw badUserInput(`\`prefix\` is ${prefix.length} characters; the limit is ${MAX_FILTER_CHARS}`, { argumentName: 'prefix' });
    const size = first === null || first === undefined ? DEFAULT_SUGGESTIONS : pageSize(first);
    const all = catalogActionsByPrefix(prefix.trim());
    let start = 0;
    if (after !== null && after !== undefined) {
      const last = nameOfCursor(after);
      start = all.findIndex((a) => a.name > last);
      if (start < 0) start = all.length;
    }
    const page = all.slice(start, start + size);
    return {
      totalCount: all.length,
      edges: page.map((a) => ({ cursor: cursorOf(a.name), node: toInfo(a) })),
      pageInfo: { hasNextPage: start + size < all.length, endCursor: page.length ? cursorOf(page[page.length - 1].name) : null },
    };
  }
}
