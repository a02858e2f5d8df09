import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import {
  getEstateAccount,
  getOrganization,
  listEstateAccounts,
  organizationPaths,
  type EstateAccountRecord,
  type OrganizationRecord,
} from '../../store/queries/index.js';
import { Account, AccountConnection, Organization, OrganizationPolicyType, OrganizationTargetType } from '../types/estate.js';
import type { ApiContext } from '../context.js';
import { pageSize } from '../limits.js';
import { loaders } from './shared.js';
import { toDate } from '../dates.js';

function toAccount(r: EstateAccountRecord, path: string | null): Account {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    status: r.status,
    arn: r.arn,
    joinedMethod: r.joinedMethod,
    joinedTimestamp: toDate(r.joinedTimestamp),
    parentId: r.parentId,
    parent: r.parentId && r.parentKind ? { id: r.parentId, name: r.parentName, type: r.parentKind as OrganizationTargetType } : null,
    organizationPath: path,
    inOrganization: r.inOrganization,
    isManagementAccount: r.isManagementAccount,
    principalsCount: r.users + r.roles,
    usersCount: r.users,
    rolesCount: r.roles,
    resourcePoliciesCount: r.resourcePolicies,
    iamImported: r.iamSnapshotId !== null,
  };
}

function toOrganization(o: OrganizationRecord, accounts: Map<string, EstateAccountRecord>, paths: Map<string, string>): Organization {
  // Paths of OUs: the parent chain, as for accounts (an OU's own id closes its path).
  const nodes = new Map(o.nodes.map((n) => [n.id, n]));
  const pathOf = (id: string): string => {
    const ids: string[] = [];
    for (let n = nodes.get(id); n && ids.length < 64; n = n.parentId ? nodes.get(n.parentId) : undefined) ids.unshift(n.id);
    return `${o.id}/${ids.map((i) => `${i}/`).join('')}`;
  };
  return {
    id: o.id,
    arn: o.arn,
    featureSet: o.featureSet,
    managementAccountId: o.managementAccountId,
    managementAccountEmail: o.managementAccountEmail,
    roots: o.nodes
      .filter((n) => n.kind === 'ROOT')
      .map((n) => ({
        id: n.id,
        arn: n.arn,
        name: n.name,
        policyTypes: n.policyTypes?.map((t) => ({ type: String(t.Type ?? ''), status: t.Status ?? null })) ?? null,
      })),
    organizationalUnits: o.nodes
      .filter((n) => n.kind === 'ORGANIZATIONAL_UNIT')
      .map((n) => ({ id: n.id, arn: n.arn, name: n.name, parentId: n.parentId!, path: pathOf(n.id) })),
    accounts: o.nodes.filter((n) => n.kind === 'ACCOUNT').map((n) => toAccount(accounts.get(n.id)!, paths.get(n.id) ?? null)),
    policies: o.policies.map((p) => ({
      id: p.id,
      arn: p.arn,
      name: p.name,
      description: p.description,
      type: p.type as OrganizationPolicyType,
      awsManaged: p.awsManaged,
      content: p.content,
      targets: p.targets.map((t) => ({ targetId: t.targetId, type: t.kind as OrganizationTargetType | null, name: t.name })),
    })),
  };
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'The imported organization (its tree, SCPs and RCPs); null without one.' })
  organization(@Ctx() ctx: ApiContext): Organization | null {
    const o = getOrganization(ctx.app.store);
    if (!o) return null;
    const ids = o.nodes.filter((n) => n.kind === 'ACCOUNT').map((n) => n.id);
    const accounts = new Map(ids.map((id) => [id, getEstateAccount(ctx.app.store, id)!]));
    return toOrganization(o, accounts, organizationPaths(ctx.app.store, ids));
  }
}

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => AccountConnection, { description: 'Every account of the estate (imported or listed by the organization), ordered by id.' })
  accounts(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ApiContext,
  ): AccountConnection {
    const size = pageSize(first);
    const page = listEstateAccounts(ctx.app.store, { first: size, after });
    const paths = organizationPaths(
      ctx.app.store,
      page.edges.map((e) => e.node.id),
    );
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAccount(e.node, paths.get(e.node.id) ?? null) })) };
  }

  @Query(() => Account, { nullable: true, description: 'One account of the estate by id.' })
  account(@Arg('id', () => String, { description: 'The 12-digit account id.' }) id: string, @Ctx() ctx: ApiContext): Promise<Account | null> | Account | null {
    const r = getEstateAccount(ctx.app.store, id);
    if (!r) return null;
    return loaders(ctx)
      .organizationPath.load(id)
      .then((path) => toAccount(r, path));
  }
}
