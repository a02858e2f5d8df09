import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { getPrincipal, listPrincipals, type PrincipalRecord, type GroupRecord, type PolicyRecord } from '../../store/queries/index.js';
import { Principal, PrincipalConnection } from '../types/principal.js';
import { Group, Policy, PolicyKind, PrincipalPolicy, AttachedToKind } from '../types/browse.js';
import { Tag } from '../types/common.js';
import { PrincipalType } from '../types/enums.js';
import { PrincipalFilterInput } from '../types/filters.js';
import type { ApiContext } from '../context.js';
import { checkFilter, pageSize } from '../limits.js';
import { loaders } from './shared.js';
import { toDate } from '../dates.js';
import { DateTimeResolver } from 'graphql-scalars';

export function toPrincipal(r: PrincipalRecord): Principal {
  return {
    arn: r.arn,
    name: r.name,
    type: r.type as PrincipalType,
    accountId: r.accountId,
    uniqueId: r.uniqueId,
    path: r.path,
    createDate: toDate(r.createDate),
    tags: undefined as unknown as Tag[],
  };
}

export function toGroup(r: GroupRecord): Group {
  return { arn: r.arn, name: r.name, path: r.path, accountId: r.accountId, uniqueId: r.uniqueId, createDate: toDate(r.createDate), storeId: r.id };
}

export function toPolicy(r: PolicyRecord): Policy {
  return {
    policyId: r.key,
    name: r.name,
    arn: r.arn,
    kind: r.kind as PolicyKind,
    path: r.path,
    accountId: r.accountId,
    defaultVersionId: r.defaultVersionId,
    attachmentCount: r.attachmentCount,
    description: r.description,
    createDate: toDate(r.createDate),
    updateDate: toDate(r.updateDate),
    stub: r.stub,
    owner: r.owner ? { kind: r.owner.kind as AttachedToKind, arn: r.owner.arn, name: r.owner.name } : null,
    document: r.document,
  };
}

async function record(ctx: ApiContext, p: Principal): Promise<PrincipalRecord | null> {
  return loaders(ctx).principalByArn.load(p.arn);
}

@Resolver(() => Principal)
export class PrincipalResolver {
  @Query(() => Principal, { nullable: true, description: 'A stored IAM user or role by ARN; null when none is stored.' })
  principal(@Arg('arn', () => String, { description: 'The user or role ARN.' }) arn: string, @Ctx() ctx: ApiContext): Principal | null {
    const r = getPrincipal(ctx.app.store, arn);
    return r ? toPrincipal(r) : null;
  }

  @Query(() => PrincipalConnection, { description: 'Stored users and roles, ordered by ARN.' })
  principals(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => PrincipalFilterInput, { nullable: true, description: 'Keep only the principals matching every filter given.' })
    filter: PrincipalFilterInput | null,
    @Ctx() ctx: ApiContext,
  ): PrincipalConnection {
    const size = pageSize(first);
    checkFilter(filter);
    // The store holds users and roles only: the types of principals beyond the store match none.
    if (filter?.type !== undefined && filter.type !== PrincipalType.USER && filter.type !== PrincipalType.ROLE) {
      return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } as unknown as PrincipalConnection;
    }
    const page = listPrincipals(ctx.app.store, { ...(filter ?? {}), type: filter?.type as 'USER' | 'ROLE' | undefined, first: size, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPrincipal(e.node) })) };
  }

  @FieldResolver(() => DateTimeResolver, { nullable: true, description: 'When IAM created the user or role; null beyond the store.' })
  async createDate(@Root() p: Principal, @Ctx() ctx: ApiContext): Promise<Date | null> {
    // whoCan's principals come from the access index, which does not carry the date.
    if (p.createDate !== undefined) return p.createDate;
    return toDate((await record(ctx, p))?.createDate);
  }

  @FieldResolver(() => [Tag], { description: "The principal's IAM tags (aws:PrincipalTag/<key> in requests)." })
  async tags(@Root() p: Principal, @Ctx() ctx: ApiContext): Promise<Tag[]> {
    if (p.tags) return p.tags;
    const r = await record(ctx, p);
    return r ? loaders(ctx).principalTags.load(r.id) : [];
  }

  @FieldResolver(() => [Group], { description: "A user's groups (roles have none)." })
  async groups(@Root() p: Principal, @Ctx() ctx: ApiContext): Promise<Group[]> {
    const r = await record(ctx, p);
    return r ? (await loaders(ctx).principalGroups.load(r.id)).map(toGroup) : [];
  }

  @FieldResolver(() => [PrincipalPolicy], {
    description: "The identity policies in force: inline, attached managed (default version), and for a user its groups'.",
  })
  async policies(@Root() p: Principal, @Ctx() ctx: ApiContext): Promise<PrincipalPolicy[]> {
    const r = await record(ctx, p);
    if (!r) return [];
    return (await loaders(ctx).principalPolicies.load(r.id)).map((x) => ({
      policy: toPolicy(x.policy),
      viaGroup: x.viaGroup ? { kind: AttachedToKind.GROUP, arn: x.viaGroup.arn, name: x.viaGroup.name } : null,
    }));
  }

  @FieldResolver(() => Policy, { nullable: true, description: 'The permissions boundary, when set: it must also allow.' })
  async permissionsBoundary(@Root() p: Principal, @Ctx() ctx: ApiContext): Promise<Policy | null> {
    const r = await record(ctx, p);
    if (!r?.permissionsBoundaryArn) return null;
    const policy = await loaders(ctx).policyByKey.load(r.permissionsBoundaryArn);
    return policy ? toPolicy(policy) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The organization path of the principal's account, `o-…/r-…/ou-…/` as aws:PrincipalOrgPaths spells it; null when its account is not in the imported organization.",
  })
  async organizationPath(@Root() p: Principal, @Ctx() ctx: ApiContext): Promise<string | null> {
    return p.accountId ? loaders(ctx).organizationPath.load(p.accountId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "A role's trust policy (AssumeRolePolicyDocument)." })
  async trustPolicy(@Root() p: Principal, @Ctx() ctx: ApiContext): Promise<string | null> {
    return (await record(ctx, p))?.trustPolicy ?? null;
  }
}
