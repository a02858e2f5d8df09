import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { getResource, listResources, resourcePoliciesByArns, type ResourceRecord, type ResourcePolicyRecord } from '../../store/queries/index.js';
import { Resource, ResourceConnection } from '../types/browse.js';
import { Tag } from '../types/common.js';
import { ResourceFilterInput } from '../types/filters.js';
import type { ApiContext } from '../context.js';
import { checkFilter, pageSize } from '../limits.js';
import { loaders } from './shared.js';

type ResourceNode = Resource & { storeId: number };

function toResource(r: ResourceRecord): ResourceNode {
  return {
    arn: r.arn,
    service: r.service,
    region: r.region,
    accountId: r.accountId ?? r.ownerAccountId,
    resourceType: r.resourceType,
    tags: undefined as unknown as Tag[],
    storeId: r.id,
  };
}

/** A resource known only by its resource-based policy (or a role, by its trust policy): no tags. */
function fromPolicy(r: ResourcePolicyRecord): ResourceNode {
  return { arn: r.arn, service: r.service, region: r.region, accountId: r.ownerAccountId, resourceType: r.resourceType, tags: [], storeId: -1 };
}

/** A resource by ARN: from get-resources output, else known by its resource-based policy; null when neither. */
export function resourceByArn(ctx: ApiContext, arn: string): ResourceNode | null {
  const r = getResource(ctx.app.store, arn);
  if (r) return toResource(r);
  const p = resourcePoliciesByArns(ctx.app.store, [arn]).get(arn);
  return p ? fromPolicy(p) : null;
}

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, {
    nullable: true,
    description: 'A resource by ARN: from get-resources output, or known by its resource-based policy (a role by its trust policy).',
  })
  resource(@Arg('arn', () => String, { description: 'The resource ARN, exactly as stored.' }) arn: string, @Ctx() ctx: ApiContext): Resource | null {
    return resourceByArn(ctx, arn);
  }

  @Query(() => ResourceConnection, { description: 'Resources from imported get-resources output, ordered by ARN.' })
  resources(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ResourceFilterInput, { nullable: true, description: 'Keep only the resources matching every filter given.' })
    filter: ResourceFilterInput | null,
    @Ctx() ctx: ApiContext,
  ): ResourceConnection {
    const size = pageSize(first);
    checkFilter(filter);
    const page = listResources(ctx.app.store, { ...(filter ?? {}), first: size, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toResource(e.node) })) };
  }

  @FieldResolver(() => [Tag], { description: 'Its tags (aws:ResourceTag/<key> in requests); none for a resource known only by its policy.' })
  async tags(@Root() r: ResourceNode, @Ctx() ctx: ApiContext): Promise<Tag[]> {
    if (r.storeId < 0) return [];
    return loaders(ctx).resourceTags.load(r.storeId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Its resource-based policy document (bucket, key, queue, topic, function, secret policy…; for a role, its trust policy), as text; null when none was imported.',
  })
  async policy(@Root() r: ResourceNode, @Ctx() ctx: ApiContext): Promise<string | null> {
    return (await loaders(ctx).resourcePolicy.load(r.arn))?.document ?? null;
  }
}
