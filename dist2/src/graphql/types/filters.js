var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, InputType } from 'type-graphql';
import { FindingType, PrincipalType } from './enums.js';
import { PolicyKind } from './browse.js';
let TagFilterInput = class TagFilterInput {
    key;
    value;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], TagFilterInput.prototype, "key", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Any value when omitted.' }),
    __metadata("design:type", String)
], TagFilterInput.prototype, "value", void 0);
TagFilterInput = __decorate([
    InputType()
], TagFilterInput);
export { TagFilterInput };
let PrincipalFilterInput = class PrincipalFilterInput {
    type;
    nameContains;
    accountId;
    tag;
    groupArn;
    attachedPolicyArn;
    permissionsBoundaryArn;
};
__decorate([
    Field(() => PrincipalType, { nullable: true }),
    __metadata("design:type", String)
], PrincipalFilterInput.prototype, "type", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' }),
    __metadata("design:type", String)
], PrincipalFilterInput.prototype, "nameContains", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", String)
], PrincipalFilterInput.prototype, "accountId", void 0);
__decorate([
    Field(() => TagFilterInput, { nullable: true }),
    __metadata("design:type", TagFilterInput)
], PrincipalFilterInput.prototype, "tag", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Members of this group.' }),
    __metadata("design:type", String)
], PrincipalFilterInput.prototype, "groupArn", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'With this managed policy attached directly.' }),
    __metadata("design:type", String)
], PrincipalFilterInput.prototype, "attachedPolicyArn", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Whose permissions boundary is this policy.' }),
    __metadata("design:type", String)
], PrincipalFilterInput.prototype, "permissionsBoundaryArn", void 0);
PrincipalFilterInput = __decorate([
    InputType()
], PrincipalFilterInput);
export { PrincipalFilterInput };
let PolicyFilterInput = class PolicyFilterInput {
    kind;
    nameContains;
    accountId;
    actionLike;
    actionMatches;
    includeStubs;
    findingType;
    code;
};
__decorate([
    Field(() => PolicyKind, { nullable: true }),
    __metadata("design:type", String)
], PolicyFilterInput.prototype, "kind", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", String)
], PolicyFilterInput.prototype, "nameContains", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", String)
], PolicyFilterInput.prototype, "accountId", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Statements whose Action/NotAction values, as written, match this pattern (connect:* finds every statement naming a Connect action).' }),
    __metadata("design:type", String)
], PolicyFilterInput.prototype, "actionLike", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Statements whose Action patterns cover this action (connect:StartContactRecording finds connect:*, connect:Start*, *).' }),
    __metadata("design:type", String)
], PolicyFilterInput.prototype, "actionMatches", void 0);
__decorate([
    Field(() => Boolean, { nullable: true, description: 'false: leave out policies known only by ARN.' }),
    __metadata("design:type", Boolean)
], PolicyFilterInput.prototype, "includeStubs", void 0);
__decorate([
    Field(() => FindingType, { nullable: true, description: 'Policies with a validatePolicy finding of this type (the default version of a managed policy).' }),
    __metadata("design:type", String)
], PolicyFilterInput.prototype, "findingType", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Policies with a validatePolicy finding of this code (INVALID_ACTION, PASS_ROLE_WITH_STAR_IN_RESOURCE…).' }),
    __metadata("design:type", String)
], PolicyFilterInput.prototype, "code", void 0);
PolicyFilterInput = __decorate([
    InputType()
], PolicyFilterInput);
export { PolicyFilterInput };
let GroupFilterInput = class GroupFilterInput {
    nameContains;
    accountId;
};
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", String)
], GroupFilterInput.prototype, "nameContains", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", String)
], GroupFilterInput.prototype, "accountId", void 0);
GroupFilterInput = __decorate([
    InputType()
], GroupFilterInput);
export { GroupFilterInput };
let ResourceFilterInput = class ResourceFilterInput {
    service;
    type;
    accountId;
    tag;
    arnPrefix;
    hasPolicy;
};
__decorate([
    Field(() => String, { nullable: true, description: 'Service prefix in the ARN (connect, s3, profile…).' }),
    __metadata("design:type", String)
], ResourceFilterInput.prototype, "service", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Resource type as the ARN spells it (contact-flow, agent…).' }),
    __metadata("design:type", String)
], ResourceFilterInput.prototype, "type", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", String)
], ResourceFilterInput.prototype, "accountId", void 0);
__decorate([
    Field(() => TagFilterInput, { nullable: true }),
    __metadata("design:type", TagFilterInput)
], ResourceFilterInput.prototype, "tag", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", String)
], ResourceFilterInput.prototype, "arnPrefix", void 0);
__decorate([
    Field(() => Boolean, { nullable: true, description: 'true: only resources with a stored resource-based policy; false: only those without.' }),
    __metadata("design:type", Boolean)
], ResourceFilterInput.prototype, "hasPolicy", void 0);
ResourceFilterInput = __decorate([
    InputType()
], ResourceFilterInput);
export { ResourceFilterInput };
//# sourceMappingURL=filters.js.map