import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { getPolicy, listPolicies, policyVersions, statementsOfPolicy, policyAttachments, findingsOfPolicy } from '../../store/queries/index.js';
import { Finding } from '../types/validation.js';
import { Policy, PolicyConnection, PolicyHolderConnection, PolicyStatement, PolicyVersion, AttachedToKind, Effect } from '../types/browse.js';
import { PolicyFilterInput } from '../types/filters.js';
import type { ApiContext } from '../context.js';
import { checkFilter, pageSize } from '../limits.js';
import { toPolicy } from './principal.js';
import { parseGlobalId } from '../global-id.js';
import { toDate } from '../dates.js';

@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => Policy, {
    nullable: true,
    description: 'A managed policy by ARN, or an inline policy by its key (`<owner ARN>#<name>`); null when none is stored.',
  })
  policy(
    @Arg('id', () => String, { description: 'Its policyId (a managed policy ARN, or `<owner ARN>#<name>`), or its global Node id.' }) id: string,
    @Ctx() ctx: ApiContext,
  ): Policy | null {
    const global = parseGlobalId(id);
    const r = getPolicy(ctx.app.store, global?.type === 'Policy' ? global.key : id);
    return r ? toPolicy(r) : null;
  }

  @Query(() => PolicyConnection, { description: 'Managed (AWS and customer) and inline policies, ordered by id.' })
  policies(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => PolicyFilterInput, { nullable: true, description: 'Keep only the policies matching every filter given.' })
    filter: PolicyFilterInput | null,
    @Ctx() ctx: ApiContext,
  ): PolicyConnection {
    const size = pageSize(first);
    checkFilter(filter);
    const page = listPolicies(ctx.app.store, { ...(filter ?? {}), first: size, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPolicy(e.node) })) };
  }

  @FieldResolver(() => [PolicyVersion], { description: 'Every stored version of a managed policy (one for an inline policy).' })
  versions(@Root() p: Policy, @Ctx() ctx: ApiContext): PolicyVersion[] {
    if (!p.arn) return p.document ? [{ versionId: 'inline', isDefault: true, createDate: null, document: p.document }] : [];
    return policyVersions(ctx.app.store, p.arn!).map((v) => ({ ...v, createDate: toDate(v.createDate) }));
  }

  @FieldResolver(() => [PolicyStatement], { description: 'The statements of the default version (or of a given version).' })
  statements(
    @Root() p: Policy,
    @Arg('versionId', () => String, { nullable: true, description: 'A managed policy version (v1, v2…); default: the version in force.' })
    versionId: string | null,
    @Ctx() ctx: ApiContext,
  ): PolicyStatement[] {
    return statementsOfPolicy(ctx.app.store, p.policyId, versionId ?? undefined).map((s) => ({
      ...s,
      effect: s.effect === 'Allow' ? Effect.Allow : s.effect === 'Deny' ? Effect.Deny : null,
    }));
  }

  @FieldResolver(() => [Finding], {
    description: "validatePolicy findings of the default version (managed) or the policy (inline), checked as an identity policy with its kind's size quota.",
  })
  findings(@Root() p: Policy, @Ctx() ctx: ApiContext): Finding[] {
    return findingsOfPolicy(ctx.app.store, p.policyId) as Finding[];
  }

  @FieldResolver(() => PolicyHolderConnection, { description: 'Where a managed policy is attached (users, groups, roles).' })
  attachedTo(
    @Root() p: Policy,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ApiContext,
  ): PolicyHolderConnection {
    const size = pageSize(first);
    if (!p.arn) return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const page = policyAttachments(ctx.app.store, p.arn!, { first: size, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: { kind: e.node.kind as AttachedToKind, arn: e.node.arn, name: e.node.name } })) };
  }
}
