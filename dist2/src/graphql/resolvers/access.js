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
import { whoCan, whatCan, simulatePrincipal } from '../../access/questions.js';
import { AccessConnection, ActionAccessConnection } from '../types/access.js';
import { ContextEntryInput, SimulationReport } from '../types/simulation.js';
import { paginate } from '../paging.js';
import { checkActions, checkDeadline, checkResource, checkResources, MAX_EVALUATIONS, pageSize, withDeadline } from '../limits.js';
import { badUserInput } from '../errors.js';
import { runInSlices } from '../chunked.js';
/** Stored-principal simulations run in slices of this many pairs (~25 ms each), with deadline checks and a yield in between. */
const PRINCIPAL_SIMULATION_SLICE = 250;
export function principalNode(p) {
    if (p.external) {
        const e = p.external;
        return { arn: e.arn, name: e.arn, type: e.type, accountId: e.accountId, uniqueId: null, path: null, tags: [] };
    }
    const m = p.model;
    return { arn: m.arn, name: m.name, type: m.type, accountId: m.accountId, uniqueId: m.uniqueId, path: m.path, tags: Object.entries(m.tags).map(([key, value]) => ({ key, value })) };
}
function explained(result, external = false) {
    return {
        decision: result.decision,
        // Principals beyond the store named as an account are conditional even when allowed (contract).
        conditional: result.conditional && (result.decision !== 'ALLOWED' || external),
        missingContextKeys: result.missingContextKeys,
        // A conditional entry cites the Allows it would rest on, not the (empty) AWS answer.
        matchedStatements: result.decision === 'IMPLICIT_DENY' && result.conditional ? result.conditionalStatements ?? [] : result.matchedStatements,
    };
}
let AccessResolver = class AccessResolver {
    whoCan(action, resource, context, includeConditional, first, after, ctx) {
        pageSize(first);
        checkResource(resource, 'resource');
        const index = ctx.app.accessIndex();
        const answer = withDeadline(ctx.deadline, () => whoCan(index, action, resource, context ?? undefined, {
            includeConditional: Boolean(includeConditional),
            checkpoint: () => checkDeadline(ctx.deadline),
        }));
        const page = paginate(answer.entries, (e) => e.principal.model.arn, (e) => ({ principal: principalNode(e.principal), ...explained(e.result, e.principal.external !== undefined) }), first, after);
        return { ...page, action: answer.action, evaluatedResource: answer.evaluatedResource, evaluatedResourceType: answer.evaluatedResourceType ?? null, warnings: answer.warnings };
    }
    whatCan(principalArn, resource, context, includeConditional, first, after, ctx) {
        pageSize(first);
        checkResource(resource, 'resource');
        const answer = withDeadline(ctx.deadline, () => whatCan(ctx.app.accessIndex(), principalArn, resource, context ?? undefined, {
            includeConditional: Boolean(includeConditional),
            checkpoint: () => checkDeadline(ctx.deadline),
        }));
        const page = paginate(answer.entries, (e) => e.key, (e) => ({ action: e.action, resource: e.resource, resourceType: e.resourceType, ...explained(e.result) }), first, after);
        return { ...page, resourceType: answer.resourceType, warnings: answer.warnings };
    }
    async simulatePrincipalPolicy(principalArn, actions, resources, context, ctx) {
        if (actions.length === 0)
            throw badUserInput('`actions` needs at least one action', { argumentName: 'actions' });
        const count = actions.length * Math.max(1, resources?.length ?? 1);
        if (count > MAX_EVALUATIONS)
            throw badUserInput(`${count} action × resource pairs; at most ${MAX_EVALUATIONS} per request`, { maximum: MAX_EVALUATIONS });
        checkActions(actions, 'actions');
        checkResources(resources, 'resources');
        // Slices sized by work: many context values make every evaluation dearer.
        const contextValues = (context ?? []).reduce((n, c) => n + c.values.length, 0);
        const slice = Math.max(1, Math.floor(PRINCIPAL_SIMULATION_SLICE / Math.max(1, contextValues / 10)));
        const index = ctx.app.accessIndex();
        const results = await runInSlices({ actions, resources }, slice, ctx.deadline, (part) => withDeadline(ctx.deadline, () => simulatePrincipal(index, principalArn, part.actions, part.resources, context)));
        return {
            results: results.map((r) => ({
                action: r.action,
                resource: r.resource,
                decision: r.result.decision,
                matchedStatements: r.result.matchedStatements,
                missingContextKeys: r.result.missingContextKeys,
            })),
        };
    }
};
__decorate([
    Query(() => AccessConnection, {
        description: 'The stored principals allowed to perform the action on the resource, ordered by ARN, with the statements that grant it. includeConditional adds those allowed only for some values of context keys the request did not supply.',
    }),
    __param(0, Arg('action', () => String)),
    __param(1, Arg('resource', () => String)),
    __param(2, Arg('context', () => [ContextEntryInput], { nullable: true })),
    __param(3, Arg('includeConditional', () => Boolean, { nullable: true, defaultValue: false })),
    __param(4, Arg('first', () => Int, { nullable: true })),
    __param(5, Arg('after', () => String, { nullable: true })),
    __param(6, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object, Boolean, Object, Object, Object]),
    __metadata("design:returntype", AccessConnection)
], AccessResolver.prototype, "whoCan", null);
__decorate([
    Query(() => ActionAccessConnection, {
        description: "The actions, of any service, that apply to the resource's type (sts:AssumeRole on an IAM role) — and, for a resource with children (an Amazon Connect instance), the actions on each child type, evaluated on an ARN covering those children — that the principal is allowed, ordered by action name (the resource before its children); each entry names the resource type it was evaluated on.",
    }),
    __param(0, Arg('principalArn', () => String)),
    __param(1, Arg('resource', () => String)),
    __param(2, Arg('context', () => [ContextEntryInput], { nullable: true })),
    __param(3, Arg('includeConditional', () => Boolean, { nullable: true, defaultValue: false })),
    __param(4, Arg('first', () => Int, { nullable: true })),
    __param(5, Arg('after', () => String, { nullable: true })),
    __param(6, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object, Boolean, Object, Object, Object]),
    __metadata("design:returntype", ActionAccessConnection)
], AccessResolver.prototype, "whatCan", null);
__decorate([
    Query(() => SimulationReport, {
        description: "Evaluates a stored principal's policies (with its groups', its boundary and the stored context) for each action × resource, like IAM SimulatePrincipalPolicy.",
    }),
    __param(0, Arg('principalArn', () => String)),
    __param(1, Arg('actions', () => [String])),
    __param(2, Arg('resources', () => [String], { nullable: true })),
    __param(3, Arg('context', () => [ContextEntryInput], { nullable: true })),
    __param(4, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Array, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], AccessResolver.prototype, "simulatePrincipalPolicy", null);
AccessResolver = __decorate([
    Resolver()
], AccessResolver);
export { AccessResolver };
//# sourceMappingURL=access.js.map