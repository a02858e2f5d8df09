var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { getEstateAccount, getOrganization, listEstateAccounts, organizationPaths } from '../../store/queries/index.js';
import { Account, AccountConnection, Organization, } from '../types/estate.js';
import { pageSize } from '../limits.js';
import { loaders } from './shared.js';
function toAccount(r, path) {
    return {
        id: r.id, name: r.name, email: r.email, status: r.status, arn: r.arn, joinedMethod: r.joinedMethod, joinedTimestamp: r.joinedTimestamp,
        parentId: r.parentId, parent: r.parentId && r.parentKind ? { id: r.parentId, name: r.parentName, type: r.parentKind } : null,
        organizationPath: path, inOrganization: r.inOrganization, isManagementAccount: r.isManagementAccount,
        principalsCount: r.users + r.roles, usersCount: r.users, rolesCount: r.roles, resourcePoliciesCount: r.resourcePolicies, iamImported: r.iamSnapshotId !== null,
    };
}
function toOrganization(o, accounts, paths) {
    // Paths of OUs: the parent chain, as for accounts (an OU's own id closes its path).
    const nodes = new Map(o.nodes.map((n) => [n.id, n]));
    const pathOf = (id) => {
        const ids = [];
        for (let n = nodes.get(id); n && ids.length < 64; n = n.parentId ? nodes.get(n.parentId) : undefined)
            ids.unshift(n.id);
        return `${o.id}/${ids.map((i) => `${i}/`).join('')}`;
    };
    return {
        id: o.id, arn: o.arn, featureSet: o.featureSet, managementAccountId: o.managementAccountId, managementAccountEmail: o.managementAccountEmail,
        roots: o.nodes.filter((n) => n.kind === 'ROOT').map((n) => ({
            id: n.id, arn: n.arn, name: n.name, policyTypes: n.policyTypes?.map((t) => ({ type: String(t.Type ?? ''), status: t.Status ?? null })) ?? null,
        })),
        organizationalUnits: o.nodes.filter((n) => n.kind === 'ORGANIZATIONAL_UNIT').map((n) => ({ id: n.id, arn: n.arn, name: n.name, parentId: n.parentId, path: pathOf(n.id) })),
        accounts: o.nodes.filter((n) => n.kind === 'ACCOUNT').map((n) => toAccount(accounts.get(n.id), paths.get(n.id) ?? null)),
        policies: o.policies.map((p) => ({
            id: p.id, arn: p.arn, name: p.name, description: p.description, type: p.type, awsManaged: p.awsManaged, content: p.content,
            targets: p.targets.map((t) => ({ targetId: t.targetId, type: t.kind, name: t.name })),
        })),
    };
}
let OrganizationResolver = class OrganizationResolver {
    organization(ctx) {
        const o = getOrganization(ctx.app.store);
        if (!o)
            return null;
        const ids = o.nodes.filter((n) => n.kind === 'ACCOUNT').map((n) => n.id);
        const accounts = new Map(ids.map((id) => [id, getEstateAccount(ctx.app.store, id)]));
        return toOrganization(o, accounts, organizationPaths(ctx.app.store, ids));
    }
};
__decorate([
    Query(() => Organization, { nullable: true, description: 'The imported organization (its tree, SCPs and RCPs); null without one.' }),
    __param(0, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Object)
], OrganizationResolver.prototype, "organization", null);
OrganizationResolver = __decorate([
    Resolver(() => Organization)
], OrganizationResolver);
export { OrganizationResolver };
let AccountResolver = class AccountResolver {
    accounts(first, after, ctx) {
        const size = pageSize(first);
        const page = listEstateAccounts(ctx.app.store, { first: size, after });
        const paths = organizationPaths(ctx.app.store, page.edges.map((e) => e.node.id));
        return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAccount(e.node, paths.get(e.node.id) ?? null) })) };
    }
    account(id, ctx) {
        const r = getEstateAccount(ctx.app.store, id);
        if (!r)
            return null;
        return loaders(ctx).organizationPath.load(id).then((path) => toAccount(r, path));
    }
};
__decorate([
    Query(() => AccountConnection, { description: 'Every account of the estate (imported or listed by the organization), ordered by id.' }),
    __param(0, Arg('first', () => Int, { nullable: true })),
    __param(1, Arg('after', () => String, { nullable: true })),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object]),
    __metadata("design:returntype", AccountConnection)
], AccountResolver.prototype, "accounts", null);
__decorate([
    Query(() => Account, { nullable: true, description: 'One account of the estate by id.' }),
    __param(0, Arg('id', () => String)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Object)
], AccountResolver.prototype, "account", null);
AccountResolver = __decorate([
    Resolver(() => Account)
], AccountResolver);
export { AccountResolver };
//# sourceMappingURL=organization.js.map