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
import { getGroup, listGroups, policiesByKeys, policyKeysOfGroup } from '../../store/queries/index.js';
import { Group, GroupConnection, Policy } from '../types/browse.js';
import { Principal } from '../types/principal.js';
import { GroupFilterInput } from '../types/filters.js';
import { checkFilter, pageSize } from '../limits.js';
import { loaders } from './shared.js';
import { toGroup, toPolicy, toPrincipal } from './principal.js';
let GroupResolver = class GroupResolver {
    group(arn, ctx) {
        const r = getGroup(ctx.app.store, arn);
        return r ? toGroup(r) : null;
    }
    groups(first, after, filter, ctx) {
        const size = pageSize(first);
        checkFilter(filter);
        const page = listGroups(ctx.app.store, { ...(filter ?? {}), first: size, after });
        return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toGroup(e.node) })) };
    }
    async members(g, ctx) {
        const arns = await loaders(ctx).groupMembers.load(g.storeId);
        const records = await loaders(ctx).principalByArn.loadMany(arns);
        return records.filter((r) => r !== null && !(r instanceof Error)).map(toPrincipal);
    }
    policies(g, ctx) {
        const keys = policyKeysOfGroup(ctx.app.store, g.storeId);
        const found = policiesByKeys(ctx.app.store, keys);
        return keys.map((k) => found.get(k)).filter((p) => p !== undefined).map(toPolicy);
    }
};
__decorate([
    Query(() => Group, { nullable: true }),
    __param(0, Arg('arn', () => String)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Object)
], GroupResolver.prototype, "group", null);
__decorate([
    Query(() => GroupConnection, { description: 'IAM groups, ordered by ARN.' }),
    __param(0, Arg('first', () => Int, { nullable: true })),
    __param(1, Arg('after', () => String, { nullable: true })),
    __param(2, Arg('filter', () => GroupFilterInput, { nullable: true })),
    __param(3, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object, Object]),
    __metadata("design:returntype", GroupConnection)
], GroupResolver.prototype, "groups", null);
__decorate([
    FieldResolver(() => [Principal], { description: 'The users in the group.' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Group, Object]),
    __metadata("design:returntype", Promise)
], GroupResolver.prototype, "members", null);
__decorate([
    FieldResolver(() => [Policy], { description: "The group's inline policies and attached managed policies." }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Group, Object]),
    __metadata("design:returntype", Array)
], GroupResolver.prototype, "policies", null);
GroupResolver = __decorate([
    Resolver(() => Group)
], GroupResolver);
export { GroupResolver };
//# sourceMappingURL=group.js.map