var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ContextKeyType, Decision } from './enums.js';
let ContextEntryInput = class ContextEntryInput {
    key;
    values;
    type;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ContextEntryInput.prototype, "key", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], ContextEntryInput.prototype, "values", void 0);
__decorate([
    Field(() => ContextKeyType, { nullable: true }),
    __metadata("design:type", String)
], ContextEntryInput.prototype, "type", void 0);
ContextEntryInput = __decorate([
    InputType({ description: 'One request context value. type omitted: taken from the catalog for known keys, else STRING (STRING_LIST when more than one value).' })
], ContextEntryInput);
export { ContextEntryInput };
let SimulateCustomPolicyInput = class SimulateCustomPolicyInput {
    policies;
    permissionsBoundaries;
    serviceControlPolicies;
    resourceControlPolicies;
    resourcePolicy;
    resourceOwner;
    callerArn;
    actions;
    resources;
    context;
};
__decorate([
    Field(() => [String], { description: 'Identity-based policy documents, JSON text.' }),
    __metadata("design:type", Array)
], SimulateCustomPolicyInput.prototype, "policies", void 0);
__decorate([
    Field(() => [String], { nullable: true, description: 'When given, each must also allow.' }),
    __metadata("design:type", Array)
], SimulateCustomPolicyInput.prototype, "permissionsBoundaries", void 0);
__decorate([
    Field(() => [[String]], { nullable: true, description: 'One list per level, root first; every level must allow.' }),
    __metadata("design:type", Array)
], SimulateCustomPolicyInput.prototype, "serviceControlPolicies", void 0);
__decorate([
    Field(() => [[String]], { nullable: true, description: "Resource control policies: one list per level of the resource owner's path, root first; every level must allow (not applied to services RCPs do not support, nor to service-linked roles)." }),
    __metadata("design:type", Array)
], SimulateCustomPolicyInput.prototype, "resourceControlPolicies", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", String)
], SimulateCustomPolicyInput.prototype, "resourcePolicy", void 0);
__decorate([
    Field(() => String, { nullable: true, description: "Account that owns the resources; default: the resource ARN's account, else the caller's." }),
    __metadata("design:type", String)
], SimulateCustomPolicyInput.prototype, "resourceOwner", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'The principal making the request.' }),
    __metadata("design:type", String)
], SimulateCustomPolicyInput.prototype, "callerArn", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], SimulateCustomPolicyInput.prototype, "actions", void 0);
__decorate([
    Field(() => [String], { nullable: true, description: 'Default ["*"].' }),
    __metadata("design:type", Array)
], SimulateCustomPolicyInput.prototype, "resources", void 0);
__decorate([
    Field(() => [ContextEntryInput], { nullable: true }),
    __metadata("design:type", Array)
], SimulateCustomPolicyInput.prototype, "context", void 0);
SimulateCustomPolicyInput = __decorate([
    InputType()
], SimulateCustomPolicyInput);
export { SimulateCustomPolicyInput };
let MatchedStatement = class MatchedStatement {
    policyName;
    sid;
    effect;
    line;
    column;
};
__decorate([
    Field(() => String, { description: 'policies[0], permissionsBoundaries[0], serviceControlPolicies[0][1], resourcePolicy, or a stored policy name.' }),
    __metadata("design:type", String)
], MatchedStatement.prototype, "policyName", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", String)
], MatchedStatement.prototype, "sid", void 0);
__decorate([
    Field(() => String, { description: 'Allow or Deny.' }),
    __metadata("design:type", String)
], MatchedStatement.prototype, "effect", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Number)
], MatchedStatement.prototype, "line", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Number)
], MatchedStatement.prototype, "column", void 0);
MatchedStatement = __decorate([
    ObjectType({ description: 'A policy statement that took part in a decision.' })
], MatchedStatement);
export { MatchedStatement };
// The GraphQL type EvaluationResult; the TypeScript name leaves `EvaluationResult` to the engine's decision.
let EvaluationResultType = class EvaluationResultType {
    action;
    resource;
    decision;
    matchedStatements;
    missingContextKeys;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], EvaluationResultType.prototype, "action", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], EvaluationResultType.prototype, "resource", void 0);
__decorate([
    Field(() => Decision),
    __metadata("design:type", String)
], EvaluationResultType.prototype, "decision", void 0);
__decorate([
    Field(() => [MatchedStatement]),
    __metadata("design:type", Array)
], EvaluationResultType.prototype, "matchedStatements", void 0);
__decorate([
    Field(() => [String], { description: 'Condition keys a matching statement referenced that the request did not supply.' }),
    __metadata("design:type", Array)
], EvaluationResultType.prototype, "missingContextKeys", void 0);
EvaluationResultType = __decorate([
    ObjectType('EvaluationResult')
], EvaluationResultType);
export { EvaluationResultType };
let SimulationReport = class SimulationReport {
    results;
};
__decorate([
    Field(() => [EvaluationResultType], { description: 'One per (action, resource), actions outer, in input order.' }),
    __metadata("design:type", Array)
], SimulationReport.prototype, "results", void 0);
SimulationReport = __decorate([
    ObjectType()
], SimulationReport);
export { SimulationReport };
//# sourceMappingURL=simulation.js.map