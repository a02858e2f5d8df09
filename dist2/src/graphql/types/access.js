var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Int, ObjectType } from 'type-graphql';
import { Decision } from './enums.js';
import { PageInfo } from './common.js';
import { MatchedStatement } from './simulation.js';
import { Principal } from './principal.js';
let Access = class Access {
    principal;
    decision;
    conditional;
    missingContextKeys;
    matchedStatements;
};
__decorate([
    Field(() => Principal),
    __metadata("design:type", Principal)
], Access.prototype, "principal", void 0);
__decorate([
    Field(() => Decision),
    __metadata("design:type", String)
], Access.prototype, "decision", void 0);
__decorate([
    Field(() => Boolean, { description: 'true: allowed only for some values of the context keys in missingContextKeys.' }),
    __metadata("design:type", Boolean)
], Access.prototype, "conditional", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], Access.prototype, "missingContextKeys", void 0);
__decorate([
    Field(() => [MatchedStatement], { description: 'The statements that granted (or would grant) the request.' }),
    __metadata("design:type", Array)
], Access.prototype, "matchedStatements", void 0);
Access = __decorate([
    ObjectType({ description: 'One principal allowed (or, conditionally, possibly allowed) to make the request.' })
], Access);
export { Access };
let AccessEdge = class AccessEdge {
    cursor;
    node;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], AccessEdge.prototype, "cursor", void 0);
__decorate([
    Field(() => Access),
    __metadata("design:type", Access)
], AccessEdge.prototype, "node", void 0);
AccessEdge = __decorate([
    ObjectType()
], AccessEdge);
export { AccessEdge };
let AccessConnection = class AccessConnection {
    totalCount;
    edges;
    pageInfo;
    action;
    evaluatedResource;
    evaluatedResourceType;
    warnings;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], AccessConnection.prototype, "totalCount", void 0);
__decorate([
    Field(() => [AccessEdge]),
    __metadata("design:type", Array)
], AccessConnection.prototype, "edges", void 0);
__decorate([
    Field(() => PageInfo),
    __metadata("design:type", PageInfo)
], AccessConnection.prototype, "pageInfo", void 0);
__decorate([
    Field(() => String, { description: 'The action as the catalog spells it.' }),
    __metadata("design:type", String)
], AccessConnection.prototype, "action", void 0);
__decorate([
    Field(() => String, { description: 'The resource evaluated: the one named, or — when the action applies to its children (contacts of an instance) — an ARN covering every such child.' }),
    __metadata("design:type", String)
], AccessConnection.prototype, "evaluatedResource", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'The catalog resource type evaluated (e.g. contact); null for "*" or actions without resource-level permissions.' }),
    __metadata("design:type", Object)
], AccessConnection.prototype, "evaluatedResourceType", void 0);
__decorate([
    Field(() => [String], { description: 'What the caller should know about the question, e.g. an ARN whose service namespace no AWS resource type uses ("did you mean connect?").' }),
    __metadata("design:type", Array)
], AccessConnection.prototype, "warnings", void 0);
AccessConnection = __decorate([
    ObjectType()
], AccessConnection);
export { AccessConnection };
let ActionAccess = class ActionAccess {
    action;
    resource;
    resourceType;
    decision;
    conditional;
    missingContextKeys;
    matchedStatements;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ActionAccess.prototype, "action", void 0);
__decorate([
    Field(() => String, { description: 'The ARN evaluated: the resource named, or — for an action on its children (contacts of an instance) — an ARN covering every such child.' }),
    __metadata("design:type", String)
], ActionAccess.prototype, "resource", void 0);
__decorate([
    Field(() => String, { description: 'The catalog resource type the action was evaluated on (e.g. instance, contact, role).' }),
    __metadata("design:type", String)
], ActionAccess.prototype, "resourceType", void 0);
__decorate([
    Field(() => Decision),
    __metadata("design:type", String)
], ActionAccess.prototype, "decision", void 0);
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], ActionAccess.prototype, "conditional", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], ActionAccess.prototype, "missingContextKeys", void 0);
__decorate([
    Field(() => [MatchedStatement]),
    __metadata("design:type", Array)
], ActionAccess.prototype, "matchedStatements", void 0);
ActionAccess = __decorate([
    ObjectType({ description: 'One action the principal is allowed (or conditionally allowed) on the resource.' })
], ActionAccess);
export { ActionAccess };
let ActionAccessEdge = class ActionAccessEdge {
    cursor;
    node;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ActionAccessEdge.prototype, "cursor", void 0);
__decorate([
    Field(() => ActionAccess),
    __metadata("design:type", ActionAccess)
], ActionAccessEdge.prototype, "node", void 0);
ActionAccessEdge = __decorate([
    ObjectType()
], ActionAccessEdge);
export { ActionAccessEdge };
let ActionAccessConnection = class ActionAccessConnection {
    totalCount;
    edges;
    pageInfo;
    resourceType;
    warnings;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ActionAccessConnection.prototype, "totalCount", void 0);
__decorate([
    Field(() => [ActionAccessEdge]),
    __metadata("design:type", Array)
], ActionAccessConnection.prototype, "edges", void 0);
__decorate([
    Field(() => PageInfo),
    __metadata("design:type", PageInfo)
], ActionAccessConnection.prototype, "pageInfo", void 0);
__decorate([
    Field(() => String, { description: 'The catalog resource type the resource was recognised as.' }),
    __metadata("design:type", String)
], ActionAccessConnection.prototype, "resourceType", void 0);
__decorate([
    Field(() => [String], { description: 'What the caller should know about the question (see AccessConnection.warnings).' }),
    __metadata("design:type", Array)
], ActionAccessConnection.prototype, "warnings", void 0);
ActionAccessConnection = __decorate([
    ObjectType()
], ActionAccessConnection);
export { ActionAccessConnection };
//# sourceMappingURL=access.js.map