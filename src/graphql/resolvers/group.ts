import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { getGroup, listGroups, policiesByKeys, policyKeysOfGroup, type PrincipalRecord } from '../../store/queries/index.js';
import { Group, GroupConnection, Policy } from '../types/browse.js';
import { Principal } from '../types/principal.js';
import { GroupFilterInput } from '../types/filters.js';
import type { ApiContext } from '../context.js';
import { checkFilter, pageSize } from '../limits.js';
import { loaders } from './shared.js';
import { toGroup, toPolicy, toPrincipal } from './principal.js';

@Resolver(() => Group)
export class GroupResolver {
  @Query(() => Group, { nullable: true, description: 'An IAM group by ARN; null when none is stored.' })
  group(@Arg('arn', () => String, { description: 'The group ARN.' }) arn: string, @Ctx() ctx: ApiContext): Group | null {
    const r = getGroup(ctx.app.store, arn);
    return r ? toGroup(r) : null;
  }

  @Query(() => GroupConnection, { description: 'IAM groups, ordered by ARN.' })
  groups(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => GroupFilterInput, { nullable: true, description: 'Keep only the groups matching every filter given.' })
    filter: GroupFilterInput | null,
    @Ctx() ctx: ApiContext,
  ): GroupConnection {
    const size = pageSize(first);
    checkFilter(filter);
    const page = listGroups(ctx.app.store, { ...(filter ?? {}), first: size, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toGroup(e.node) })) };
  }

  @FieldResolver(() => [Principal], { description: 'The users in the group.' })
  async members(@Root() g: Group, @Ctx() ctx: ApiContext): Promise<Principal[]> {
    const arns = await loaders(ctx).groupMembers.load(g.storeId);
    const records = await loaders(ctx).principalByArn.loadMany(arns);
    return records.filter((r): r is PrincipalRecord => r !== null && !(r instanceof Error)).map(toPrincipal);
  }

  @FieldResolver(() => [Policy], { description: "The group's inline policies and attached managed policies." })
  policies(@Root() g: Group, @Ctx() ctx: ApiContext): Policy[] {
    const keys = policyKeysOfGroup(ctx.app.store, g.storeId);
    const found = policiesByKeys(ctx.app.store, keys);
    return keys
      .map((k) => found.get(k))
      .filter((p) => p !== undefined)
      .map(toPolicy);
  }
}
