/**
 * Global object ids: `Node.id` of the stored types and `node(id)` (Relay Object Identification),
 * so client caches normalise users, roles, groups, policies, resources and the organization's
 * objects however a query reached them.
 */
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { getEstateAccount, getGroup, getPolicy, getPrincipal } from '../../store/queries/index.js';
import { listWorkloads } from '../../store/queries/workloads.js';
import { Workload, WorkloadKind } from '../types/workloads.js';
import { Node } from '../types/common.js';
import { Principal } from '../types/principal.js';
import { Group, Policy, Resource } from '../types/browse.js';
import { PrincipalType } from '../types/enums.js';
import type { ApiContext } from '../context.js';
import { globalId, parseGlobalId } from '../global-id.js';
import { toGroup, toPolicy, toPrincipal } from './principal.js';
import { resourceByArn } from './resource.js';
import { OrganizationResolver, AccountResolver } from './organization.js';

const STORED_TYPES: readonly string[] = [PrincipalType.USER, PrincipalType.ROLE];

/**
 * A principal beyond the store (named by a resource-based policy) is not a row: its id carries
 * its type, so node(id) gives it back as whoCan listed it.
 */
function principalKey(p: Principal): string {
  return STORED_TYPES.includes(p.type) ? p.arn : `${p.type}:${p.arn}`;
}

function externalPrincipal(key: string): Principal | null {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon) as PrincipalType;
  if (colon < 0 || STORED_TYPES.includes(type) || !Object.values(PrincipalType).includes(type)) return null;
  const arn = key.slice(colon + 1);
  return { arn, name: arn, type, accountId: /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1] ?? null, uniqueId: null, path: null, tags: [] };
}

type Typed<T> = T & { __typename: string };
const typed = <T extends object>(typename: string, value: T | null): Typed<T> | null => (value ? Object.assign(value, { __typename: typename }) : null);

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object with a global id (Relay Object Identification): a user or role, group, policy, resource, workload, account, or the organization, its root, OUs and policies. null when nothing has that id (deleted by a later import, or an id this API never gave).',
  })
  async node(@Arg('id', () => ID, { description: 'A `Node.id` this API gave out.' }) id: string, @Ctx() ctx: ApiContext): Promise<Typed<object> | null> {
    const store = ctx.app.store;
    const parsed = parseGlobalId(id);
    if (parsed) {
      switch (parsed.type) {
        case 'Principal': {
          const r = getPrincipal(store, parsed.key);
          return typed('Principal', r ? toPrincipal(r) : externalPrincipal(parsed.key));
        }
        case 'Group': {
          const r = getGroup(store, parsed.key);
          return typed('Group', r ? toGroup(r) : null);
        }
        case 'Policy': {
          const r = getPolicy(store, parsed.key);
          return typed('Policy', r ? toPolicy(r) : null);
        }
        case 'Resource':
          return typed('Resource', resourceByArn(ctx, parsed.key));
        case 'Workload': {
          const w = listWorkloads(store, { first: 1, arn: parsed.key }).edges[0]?.node;
          return typed('Workload', w ? { ...w, kind: w.kind as WorkloadKind } : null);
        }
      }
    }
    // AWS Organizations ids: an account's 12 digits, or an id of the imported organization.
    if (/^\d{12}$/.test(id)) return getEstateAccount(store, id) ? typed('Account', await new AccountResolver().account(id, ctx)) : null;
    const org = new OrganizationResolver().organization(ctx);
    if (!org) return null;
    if (org.id === id) return typed('Organization', org);
    const root = org.roots.find((r) => r.id === id);
    if (root) return typed('OrganizationRoot', root);
    const ou = org.organizationalUnits.find((u) => u.id === id);
    if (ou) return typed('OrganizationalUnit', ou);
    return typed('OrganizationPolicy', org.policies.find((p) => p.id === id) ?? null);
  }
}

@Resolver(() => Principal)
export class PrincipalIdResolver {
  @FieldResolver(() => ID, { description: 'Global id (opaque).' })
  id(@Root() p: Principal): string {
    return globalId('Principal', principalKey(p));
  }
}

@Resolver(() => Group)
export class GroupIdResolver {
  @FieldResolver(() => ID, { description: 'Global id (opaque).' })
  id(@Root() g: Group): string {
    return globalId('Group', g.arn);
  }
}

@Resolver(() => Policy)
export class PolicyIdResolver {
  @FieldResolver(() => ID, { description: 'Global id (opaque); policy(id:) takes it as well as policyId.' })
  id(@Root() p: Policy): string {
    return globalId('Policy', p.policyId);
  }
}

@Resolver(() => Resource)
export class ResourceIdResolver {
  @FieldResolver(() => ID, { description: 'Global id (opaque).' })
  id(@Root() r: Resource): string {
    return globalId('Resource', r.arn);
  }
}

@Resolver(() => Workload)
export class WorkloadIdResolver {
  @FieldResolver(() => ID, { description: 'Global id (opaque).' })
  id(@Root() w: Workload): string {
    return globalId('Workload', w.arn);
  }
}
