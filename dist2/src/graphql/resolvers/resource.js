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
import { getResource, listResources, resourcePoliciesByArns } from '../../store/queries/index.js';
import { Resource, ResourceConnection } from '../types/browse.js';
import { Tag } from '../types/common.js';
import { ResourceFilterInput } from '../types/filters.js';
import { checkFilter, pageSize } from '../limits.js';
import { loaders } from './shared.js';
function toResource(r) {
    return { arn: r.arn, service: r.service, region: r.region, accountId: r.accountId ?? r.ownerAccountId, resourceType: r.resourceType, tags: undefined, storeId: r.id };
}
/** A resource known only by its resource-based policy (or a role, by its trust policy): no tags. */
function fromPolicy(r) {
    return { arn: r.arn, service: r.service, region: r.region, accountId: r.ownerAccountId, resourceType: r.resourceType, tags: [], storeId: -1 };
}
let ResourceResolver = class ResourceResolver {
    resource(arn, ctx) {
        const r = getResource(ctx.app.store, arn);
        if (r)
            return toResource(r);
        const p = resourcePoliciesByArns(ctx.app.store, [arn]).get(arn);
        return p ? fromPolicy(p) : null;
    }
    resources(first, after, filter, ctx) {
        const size = pageSize(first);
        checkFilter(filter);
        const page = listResources(ctx.app.store, { ...(filter ?? {}), first: size, after });
        return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toResource(e.node) })) };
    }
    async tags(r, ctx) {
        if (r.storeId < 0)
            return [];
        return loaders(ctx).resourceTags.load(r.storeId);
    }
    async policy(r, ctx) {
        return (await loaders(ctx).resourcePolicy.load(r.arn))?.document ?? null;
    }
};
__decorate([
    Query(() => Resource, { nullable: true, description: 'A resource by ARN: from get-resources output, or known by its resource-based policy (a role by its trust policy).' }),
    __param(0, Arg('arn', () => String)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Object)
], ResourceResolver.prototype, "resource", null);
__decorate([
    Query(() => ResourceConnection, { description: 'Resources from imported get-resources output, ordered by ARN.' }),
    __param(0, Arg('first', () => Int, { nullable: true })),
    __param(1, Arg('after', () => String, { nullable: true })),
    __param(2, Arg('filter', () => ResourceFilterInput, { nullable: true })),
    __param(3, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object, Object]),
    __metadata("design:returntype", ResourceConnection)
], ResourceResolver.prototype, "resources", null);
__decorate([
    FieldResolver(() => [Tag]),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], ResourceResolver.prototype, "tags", null);
__decorate([
    FieldResolver(() => String, {
        nullable: true,
        description: "Its resource-based policy document (bucket, key, queue, topic, function, secret policy…; for a role, its trust policy), as text; null when none was imported.",
    }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], ResourceResolver.prototype, "policy", null);
ResourceResolver = __decorate([
    Resolver(() => Resource)
], ResourceResolver);
export { ResourceResolver };
//# sourceMappingURL=resource.js.map