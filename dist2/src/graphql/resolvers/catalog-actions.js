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
/**
 * `catalog { actions(prefix) }`: the catalog's actions by prefix, for the explorer's action
 * autocompletion. Its own resolver so the catalog's other fields stay as they are.
 */
import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { actionsForService, servicePrefixes } from '../../catalog/index.js';
import { Catalog } from '../types/browse.js';
import { CatalogActionConnection } from '../types/catalog-actions.js';
import { badUserInput } from '../errors.js';
import { MAX_FILTER_CHARS, pageSize } from '../limits.js';
const DEFAULT_SUGGESTIONS = 20;
function toInfo(a) {
    return { name: a.name, service: a.service, accessLevel: a.accessLevel, description: a.description, resourceTypes: a.resourceTypes.map((r) => r.name) };
}
/**
 * The actions whose "service:Action" starts with the prefix, case-insensitively, ordered by
 * service then action. A prefix without a colon names services ("conn" → every connect: action).
 */
export function catalogActionsByPrefix(prefix) {
    const lower = prefix.toLowerCase();
    const colon = lower.indexOf(':');
    const servicePart = colon < 0 ? lower : lower.slice(0, colon);
    const services = colon < 0 ? servicePrefixes().filter((s) => s.startsWith(servicePart)) : servicePrefixes().filter((s) => s === servicePart);
    const out = [];
    for (const s of services)
        for (const a of actionsForService(s))
            if (a.name.toLowerCase().startsWith(lower))
                out.push(a);
    return out;
}
function cursorOf(name) {
    return Buffer.from(`action:${name}`, 'utf8').toString('base64url');
}
function nameOfCursor(cursor) {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!text.startsWith('action:') || text.length === 7)
        throw badUserInput('`after` is not a cursor of catalog.actions', { argumentName: 'after' });
    return text.slice(7);
}
let CatalogActionsResolver = class CatalogActionsResolver {
    actions(_catalog, prefix, first, after) {
        if (prefix.trim() === '')
            throw badUserInput('`prefix` must have at least one character', { argumentName: 'prefix' });
        if (prefix.length > MAX_FILTER_CHARS)
            throw badUserInput(`\`prefix\` is ${prefix.length} characters; the limit is ${MAX_FILTER_CHARS}`, { argumentName: 'prefix' });
        const size = first === null || first === undefined ? DEFAULT_SUGGESTIONS : pageSize(first);
        const all = catalogActionsByPrefix(prefix.trim());
        let start = 0;
        if (after !== null && after !== undefined) {
            const last = nameOfCursor(after);
            start = all.findIndex((a) => a.name > last);
            if (start < 0)
                start = all.length;
        }
        const page = all.slice(start, start + size);
        return {
            totalCount: all.length,
            edges: page.map((a) => ({ cursor: cursorOf(a.name), node: toInfo(a) })),
            pageInfo: { hasNextPage: start + size < all.length, endCursor: page.length ? cursorOf(page[page.length - 1].name) : null },
        };
    }
};
__decorate([
    FieldResolver(() => CatalogActionConnection, {
        description: 'Catalog actions whose name starts with the prefix (case-insensitive; "conn" lists the connect: service), ordered by name. first defaults to 20.',
    }),
    __param(0, Root()),
    __param(1, Arg('prefix', () => String, { description: 'At least one character: a service prefix, or "service:" and the start of an action.' })),
    __param(2, Arg('first', () => Int, { nullable: true })),
    __param(3, Arg('after', () => String, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Catalog, String, Object, Object]),
    __metadata("design:returntype", CatalogActionConnection)
], CatalogActionsResolver.prototype, "actions", null);
CatalogActionsResolver = __decorate([
    Resolver(() => Catalog)
], CatalogActionsResolver);
export { CatalogActionsResolver };
//# sourceMappingURL=catalog-actions.js.map