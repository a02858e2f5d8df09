import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { listWorkloadSources, listWorkloads } from '../../store/queries/index.js';
import type { WorkloadKind as StoreWorkloadKind } from '../../store/workload-model.js';
import { Principal } from '../types/principal.js';
import { PrincipalType } from '../types/enums.js';
import { Credentials, Workload, WorkloadConnection, WorkloadKind, WorkloadSource, WorkloadSourceImport } from '../types/workloads.js';
import type { ApiContext } from '../context.js';
import { checkResource, pageSize } from '../limits.js';
import { loaders } from './shared.js';
import { toPrincipal } from './principal.js';

@Resolver(() => Workload)
export class WorkloadResolver {
  @Query(() => WorkloadConnection, {
    description:
      'Imported workloads (EC2 instances, Lambda functions, Glue dev endpoints, SageMaker notebooks, CloudFormation stacks), ordered by ARN. `roleArn`: those running as that role (EC2 through its instance profile).',
  })
  workloads(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('kind', () => WorkloadKind, { nullable: true, description: 'Only workloads of this kind.' }) kind: WorkloadKind | null,
    @Arg('roleArn', () => String, { nullable: true, description: 'Only those running as this role (EC2 through its instance profile).' })
    roleArn: string | null,
    @Arg('accountId', () => String, { nullable: true, description: 'Only those of this account.' }) accountId: string | null,
    @Ctx() ctx: ApiContext,
  ): WorkloadConnection {
    const size = pageSize(first);
    checkResource(roleArn, 'roleArn');
    checkResource(accountId, 'accountId');
    const page = listWorkloads(ctx.app.store, {
      first: size,
      after,
      kind: (kind ?? undefined) as StoreWorkloadKind | undefined,
      roleArn: roleArn ?? undefined,
      accountId: accountId ?? undefined,
    });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: { ...e.node, kind: e.node.kind as WorkloadKind } })) };
  }

  @Query(() => [WorkloadSourceImport], {
    description: 'Which workload state sources were imported for which account, ordered by account and source.',
  })
  workloadSources(
    @Arg('accountId', () => String, { nullable: true, description: 'Only this account; default every account.' }) accountId: string | null,
    @Ctx() ctx: ApiContext,
  ): WorkloadSourceImport[] {
    checkResource(accountId, 'accountId');
    return listWorkloadSources(ctx.app.store, accountId ?? undefined).map((s) => ({ ...s, source: s.source as WorkloadSource }));
  }

  @FieldResolver(() => Principal, { nullable: true, description: 'The role, when it is in the store.' })
  async role(@Root() w: Workload, @Ctx() ctx: ApiContext): Promise<Principal | null> {
    if (!w.roleArn) return null;
    const r = await loaders(ctx).principalByArn.load(w.roleArn);
    return r ? toPrincipal(r) : null;
  }
}

@Resolver(() => Principal)
export class PrincipalCredentialsResolver {
  @FieldResolver(() => Credentials, {
    nullable: true,
    description: "A user's row of the imported credential report: console password, access keys, MFA. Null for roles and when no report lists the user.",
  })
  async credentials(@Root() p: Principal, @Ctx() ctx: ApiContext): Promise<Credentials | null> {
    if (p.type !== PrincipalType.USER) return null;
    const c = await loaders(ctx).userCredentials.load(p.arn);
    if (!c) return null;
    return {
      passwordEnabled: c.passwordEnabled,
      passwordLastUsed: c.passwordLastUsed,
      passwordLastChanged: c.passwordLastChanged,
      mfaActive: c.mfaActive,
      activeAccessKeys: (c.accessKey1Active ? 1 : 0) + (c.accessKey2Active ? 1 : 0),
      accessKey1Active: c.accessKey1Active,
      accessKey1LastUsedDate: c.accessKey1LastUsedDate,
      accessKey2Active: c.accessKey2Active,
      accessKey2LastUsedDate: c.accessKey2LastUsedDate,
      reportGeneratedTime: c.generatedTime,
      snapshotId: c.snapshotId,
    };
  }
}
