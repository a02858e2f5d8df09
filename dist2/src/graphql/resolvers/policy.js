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
import { getPolicy, listPolicies, policyVersions, statementsOfPolicy, policyAttachments, findingsOfPolicy } from '../../store/queries/index.js';
import { Finding } from '../types/validation.js';
import { Policy, PolicyConnection, PolicyHolderConnection, PolicyStatement, PolicyVersion } from '../types/browse.js';
import { PolicyFilterInput } from '../types/filters.js';
import { checkFilter, pageSize } from '../limits.js';
import { toPolicy } from './principal.js';
let PolicyResolver = class PolicyResolver {
    policy(id, ctx) {
        const r = getPolicy(ctx.app.store, id);
        return r ? toPolicy(r) : null;
    }
    policies(first, after, filter, ctx) {
        const size = pageSize(first);
        checkFilter(filter);
        const page = listPolicies(ctx.app.store, { ...(filter ?? {}), first: size, after });
        return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPolicy(e.node) })) };
    }
    versions(p, ctx) {
        if (!p.arn)
            return p.document ? [{ versionId: 'inline', isDefault: true, createDate: null, document: p.document }] : [];
        return policyVersions(ctx.app.store, p.arn);
    }
    statements(p, versionId, ctx) {
        return statementsOfPolicy(ctx.app.store, p.id, versionId ?? undefined);
    }
    findings(p, ctx) {
        return findingsOfPolicy(ctx.app.store, p.id);
    }
    attachedTo(p, first, after, ctx) {
        const size = pageSize(first);
        if (!p.arn)
            return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
        const page = policyAttachments(ctx.app.store, p.arn, { first: size, after });
        return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: { kind: e.node.kind, arn: e.node.arn, name: e.node.name } })) };
    }
};
__decorate([
    Query(() => Policy, { nullable: true, description: 'A managed policy by ARN, or an inline policy by its id (`<owner ARN>#<name>`).' }),
    __param(0, Arg('id', () => String)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Object)
], PolicyResolver.prototype, "policy", null);
__decorate([
    Query(() => PolicyConnection, { description: 'Managed (AWS and customer) and inline policies, ordered by id.' }),
    __param(0, Arg('first', () => Int, { nullable: true })),
    __param(1, Arg('after', () => String, { nullable: true })),
    __param(2, Arg('filter', () => PolicyFilterInput, { nullable: true })),
    __param(3, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Object, Object]),
    __metadata("design:returntype", PolicyConnection)
], PolicyResolver.prototype, "policies", null);
__decorate([
    FieldResolver(() => [PolicyVersion], { description: 'Every stored version of a managed policy (one for an inline policy).' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Policy, Object]),
    __metadata("design:returntype", Array)
], PolicyResolver.prototype, "versions", null);
__decorate([
    FieldResolver(() => [PolicyStatement], { description: 'The statements of the default version (or of a given version).' }),
    __param(0, Root()),
    __param(1, Arg('versionId', () => String, { nullable: true })),
    __param(2, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Policy, Object, Object]),
    __metadata("design:returntype", Array)
], PolicyResolver.prototype, "statements", null);
__decorate([
    FieldResolver(() => [Finding], { description: 'validatePolicy findings of the default version (managed) or the policy (inline), checked as an identity policy with its kind\'s size quota.' }),
    __param(0, Root()),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Policy, Object]),
    __metadata("design:returntype", Array)
], PolicyResolver.prototype, "findings", null);
__decorate([
    FieldResolver(() => PolicyHolderConnection, { description: 'Where a managed policy is attached (users, groups, roles).' }),
    __param(0, Root()),
    __param(1, Arg('first', () => Int, { nullable: true })),
    __param(2, Arg('after', () => String, { nullable: true })),
    __param(3, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Policy, Object, Object, Object]),
    __metadata("design:returntype", PolicyHolderConnection)
], PolicyResolver.prototype, "attachedTo", null);
PolicyResolver = __decorate([
    Resolver(() => Policy)
], PolicyResolver);
export { PolicyResolver };
//# sourceMappingURL=policy.js.map