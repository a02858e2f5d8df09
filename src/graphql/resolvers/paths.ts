import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { toAccessStep } from './access-steps.js';
import { Principal } from '../types/principal.js';
import { EscalationConnection, ReachableRoleConnection } from '../types/paths.js';
import type { ApiContext } from '../context.js';
import { paginate } from '../paging.js';
import { checkDeadline, pageSize, withDeadline } from '../limits.js';
import { principalNode } from './access.js';

@Resolver(() => Principal)
export class PathsResolver {
  @Query(() => EscalationConnection, {
    description:
      'The principals that are not administrators (allowed every action on every resource, as AdministratorAccess grants, decided by the engine with boundaries and SCPs) and can become one, or act as one, through steps each allowed by the full evaluation logic: one shortest path per principal, ordered by principal ARN; `reaches` is the administrator reached, or the principal itself when it makes itself one. principalArn keeps one principal. The search is bounded (8 steps, 50,000 principals expanded) and computed once per import, then answered from cache.',
  })
  privilegeEscalations(
    @Arg('principalArn', () => String, {
      nullable: true,
      description: 'Only this principal (its entry, or none when it cannot escalate); default every principal.',
    })
    principalArn: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ApiContext,
  ): EscalationConnection {
    pageSize(first);
    const paths = ctx.app.accessPaths();
    const { list, truncated } = withDeadline(ctx.deadline, () => paths.escalations({ checkpoint: () => checkDeadline(ctx.deadline) }));
    const chosen = principalArn ? list.filter((e) => e.principal.model.arn === principalArn) : list;
    const page = paginate(
      chosen,
      (e) => e.principal.model.arn,
      (e) => ({ principal: principalNode(e.principal), path: e.path.map(toAccessStep), reaches: e.reaches, conditional: e.conditional }),
      first,
      after,
    );
    return { ...page, truncated };
  }

  @FieldResolver(() => ReachableRoleConnection, {
    description:
      'The roles this principal can reach through sts:AssumeRole chains (each hop evaluated in full), each with its shortest chain, ordered by ARN. Bounded: 8 steps, 50,000 principals expanded.',
  })
  reachableRoles(
    @Root() p: Principal,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ApiContext,
  ): ReachableRoleConnection {
    pageSize(first);
    const paths = ctx.app.accessPaths();
    if (!paths.graph.principal(p.arn))
      return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } as unknown as ReachableRoleConnection;
    const list = withDeadline(ctx.deadline, () => paths.reachableRoles(p.arn));
    return paginate(
      list,
      (r) => r.role.model.arn,
      (r) => ({ role: principalNode(r.role), path: r.path.map(toAccessStep) }),
      first,
      after,
    ) as unknown as ReachableRoleConnection;
  }
}
