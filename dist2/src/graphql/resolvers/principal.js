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
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { getPrincipal, listPrincipals } from '../../store/queries/index.js';
import { Principal, PrincipalConnection } from '../types/principal.js';
import { Group, Policy, PrincipalPolicy, AttachedToKind } from '../types/browse.js';
import { Tag } from '../types/common.js';
import { PrincipalType } from '../types/enums.js';
import { PrincipalFilterInput } from '../types/filters.js';
import { checkFilter, pageSize } from '../limits.js';
import { loaders } from './shared.js';
export function toPrincipal(r) {
    return { arn: r.arn, name: r.name, type: r.type, accountId: r.accountId, uniqueId: r.uniqueId, path: r.path, createDate: r.createDate, tags: undefined };
}
export function toGroup(r) {
    return { arn: r.arn, name: r.name, path: r.path, accountId: r.accountId, uniqueId: r.uniqueId, createDate: r.createDate, storeId: r.id };
}
export function toPolicy(r) {
    return {
        id: r.key, name: r.name, arn: r.arn, kind: r.kind, path: r.path, accountId: r.accountId, defaultVersionId: r.defaultVersionId,
        attachmentCount: r.attachmentCount, description: r.description, createDate: r.createDate, updateDate: r.updateDate, stub: r.stub,
        owner: r.owner ? { kind: r.owner.kind, arn: r.owner.arn, name: r.owner.name } : null, document: r.document,
    };
}
async function record(ctx, p) {
    return loaders(ctx).principalByArn.load(p.arn);
}
let PrincipalResolver = class PrincipalResolver {
    principal(arn, ctx) {
        const r = getPrincipal(ctx.app.store, arn);
        return r ? toPrincipal(r) : null;
    }
    principals(first, after, filter, ctx) {
        const size = pageSize(first);
        checkFilter(filter);
        // The store holds users and roles only: the types of principals beyond the store match none.
        if (filter?.type !== undefined && filter.type !== PrincipalType.USER && filter.type !== PrincipalType.ROLE) {
            return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
        }
        const page = listPrincipals(ctx.app.store, { ...(filter ?? {}), type: filter?.type, first: size, after });
        return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPrincipal(e.node) })) };
    }
    async tags(p, ctx) {
        if (p.tags)
            return p.tags;
        const r = await record(ctx, p);
        return r ? loaders(ctx).principalTags.load(r.id) : [];
    }
    async groups(p, ctx) {
        const r = await record(ctx, p);
        return r ? (await loaders(ctx).principalGroups.load(r.id)).map(toGroup) : [];
    }
    async policies(p, ctx) {
        const r = await record(ctx, p);
        if (!r)
            return [];
        return (await loaders(ctx).principalPolicies.load(r.id)).map((x) => ({
            policy: toPolicy(x.policy),
            viaGroup: x.viaGroup ? { kind: AttachedToKind.GROUP, arn: x.viaGroup.arn, name: x.viaGroup.name } : null,
        }));
    }
    async permissionsBoundary(p, ctx) {
        const r = await record(ctx, p);
        if (!r?.permissionsBoundaryArn)
            return null;
        const policy = await loaders(ctx).policyByKey.load(r.permissionsBoundaryArn);
        return policy ? toPolicy(policy) : null;
    }
    async organizationPath(p, ctx) {
        return p.accountId ? loaders(ctx).organizationPath.load(p.accountId) : null;
    }
    async trustPolicy(p, ctx) {
        return (await record(ctx, p))?.trustPolicy ?? null;
    }
};
__decorate([
    Query(() => Principal, { nullable: true, description: 'A stored IAM user or role by ARN.' }),
    __param(0, Arg('arn', () => String)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Object)
], PrincipalResolver.prototype, "principal", null);
__decorate([
    Query(() => PrincipalConnection, { description: 'Stored users and roles, ordered by ARN.' }),
    __param(0, Arg('first', () => Int, { nullable: true })),
    __param(1, Arg('after', () => String, { nullable: true })),
    __param(2, Arg('filter', () => PrincipalFilterInput, { nullable: true })),
    __param(3, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object, Object]),
    __metadata("design:returntype", PrincipalConnection)
], PrincipalResolver.prototype, "principals", null);
__decorate([
    FieldResolver(() => [Tag]),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Principal, Object]),
    __metadata("design:returntype", Promise)
], PrincipalResolver.prototype, "tags", null);
__decorate([
    FieldResolver(() => [Group], { description: "A user's groups (roles have none)." }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Principal, Object]),
    __metadata("design:returntype", Promise)
], PrincipalResolver.prototype, "groups", null);
__decorate([
    FieldResolver(() => [PrincipalPolicy], { description: "The identity policies in force: inline, attached managed (default version), and for a user its groups'." }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Principal, Object]),
    __metadata("design:returntype", Promise)
], PrincipalResolver.prototype, "policies", null);
__decorate([
    FieldResolver(() => Policy, { nullable: true, description: 'The permissions boundary, when set: it must also allow.' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Principal, Object]),
    __metadata("design:returntype", Promise)
], PrincipalResolver.prototype, "permissionsBoundary", null);
__decorate([
    FieldResolver(() => String, {
        nullable: true,
        description: "The organization path of the principal's account, `o-…/r-…/ou-…/` as aws:PrincipalOrgPaths spells it; null when its account is not in the imported organization.",
    }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Principal, Object]),
    __metadata("design:returntype", Promise)
], PrincipalResolver.prototype, "organizationPath", null);
__decorate([
    FieldResolver(() => String, { nullable: true, description: "A role's trust policy (AssumeRolePolicyDocument)." }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Principal, Object]),
    __metadata("design:returntype", Promise)
], PrincipalResolver.prototype, "trustPolicy", null);
PrincipalResolver = __decorate([
    Resolver(() => Principal)
], PrincipalResolver);
export { PrincipalResolver };
//# sourceMappingURL=principal.js.map