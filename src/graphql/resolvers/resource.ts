import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { getResource, listResources, type ResourceRecord } from '../../store/queries/index.js';
import { Resource, ResourceConnection } from '../types/browse.js';
import { Tag } from '../types/common.js';
import { ResourceFilterInput } from '../types/filters.js';
import type { ApiContext } from '../context.js';
import { checkFilter, pageSize } from '../limits.js';
import { loaders } from './shared.js';

type ResourceNode = Resource & { storeId: number };

function toResource(r: ResourceRecord): ResourceNode {
  return { arn: r.arn, service: r.service, region: r.region, accountId: r.accountId ?? r.ownerAccountId, resourceType: r.resourceType, tags: undefined as unknown as Tag[], storeId: r.id };
}

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, { nullable: true })
  resource(@Arg('arn', () => String) arn: string, @Ctx() ctx: ApiContext): Resource | null {
    const r = getResource(ctx.app.store, arn);
    return r ? toResource(r) : null;
  }

  @Query(() => ResourceConnection, { description: 'Resources from imported get-resources output, ordered by ARN.' })
  resources(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ResourceFilterInput, { nullable: true }) filter: ResourceFilterInput | null,
    @Ctx() ctx: ApiContext,
  ): ResourceConnection {
    const size = pageSize(first);
    checkFilter(filter);
    const page = listResources(ctx.app.store, { ...(filter ?? {}), first: size, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toResource(e.node) })) };
  }

  @FieldResolver(() => [Tag])
  async tags(@Root() r: ResourceNode, @Ctx() ctx: ApiContext): Promise<Tag[]> {
    return loaders(ctx).resourceTags.load(r.storeId);
  }
}
