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
import { connection } from './common.js';
export var OrganizationPolicyType;
(function (OrganizationPolicyType) {
    OrganizationPolicyType["SERVICE_CONTROL_POLICY"] = "SERVICE_CONTROL_POLICY";
    OrganizationPolicyType["RESOURCE_CONTROL_POLICY"] = "RESOURCE_CONTROL_POLICY";
})(OrganizationPolicyType || (OrganizationPolicyType = {}));
registerEnumType(OrganizationPolicyType, { name: 'OrganizationPolicyType', description: 'The Organizations policy types this store evaluates.' });
export var OrganizationTargetType;
(function (OrganizationTargetType) {
    OrganizationTargetType["ROOT"] = "ROOT";
    OrganizationTargetType["ORGANIZATIONAL_UNIT"] = "ORGANIZATIONAL_UNIT";
    OrganizationTargetType["ACCOUNT"] = "ACCOUNT";
})(OrganizationTargetType || (OrganizationTargetType = {}));
registerEnumType(OrganizationTargetType, { name: 'OrganizationTargetType', description: 'What a policy is attached to (list-targets-for-policy TargetType).' });
let OrganizationPolicyTypeSummary = class OrganizationPolicyTypeSummary {
    type;
    status;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], OrganizationPolicyTypeSummary.prototype, "type", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationPolicyTypeSummary.prototype, "status", void 0);
OrganizationPolicyTypeSummary = __decorate([
    ObjectType({ description: 'A policy type enabled or not on a root (list-roots PolicyTypes).' })
], OrganizationPolicyTypeSummary);
export { OrganizationPolicyTypeSummary };
let OrganizationRoot = class OrganizationRoot {
    id;
    arn;
    name;
    policyTypes;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], OrganizationRoot.prototype, "id", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationRoot.prototype, "arn", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationRoot.prototype, "name", void 0);
__decorate([
    Field(() => [OrganizationPolicyTypeSummary], { nullable: true, description: 'null when the imported document did not say.' }),
    __metadata("design:type", Object)
], OrganizationRoot.prototype, "policyTypes", void 0);
OrganizationRoot = __decorate([
    ObjectType({ description: 'The root of the organization (list-roots).' })
], OrganizationRoot);
export { OrganizationRoot };
let OrganizationalUnit = class OrganizationalUnit {
    id;
    arn;
    name;
    parentId;
    path;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], OrganizationalUnit.prototype, "id", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationalUnit.prototype, "arn", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationalUnit.prototype, "name", void 0);
__decorate([
    Field(() => String, { description: 'A root or OU id.' }),
    __metadata("design:type", String)
], OrganizationalUnit.prototype, "parentId", void 0);
__decorate([
    Field(() => String, { description: 'Organization path of the OU itself: `o-…/r-…/ou-…/`.' }),
    __metadata("design:type", String)
], OrganizationalUnit.prototype, "path", void 0);
OrganizationalUnit = __decorate([
    ObjectType({ description: 'An organizational unit (list-organizational-units-for-parent), with its parent.' })
], OrganizationalUnit);
export { OrganizationalUnit };
let OrganizationPolicyTarget = class OrganizationPolicyTarget {
    targetId;
    type;
    name;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], OrganizationPolicyTarget.prototype, "targetId", void 0);
__decorate([
    Field(() => OrganizationTargetType, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationPolicyTarget.prototype, "type", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationPolicyTarget.prototype, "name", void 0);
OrganizationPolicyTarget = __decorate([
    ObjectType({ description: 'A root, OU or account a policy is attached to.' })
], OrganizationPolicyTarget);
export { OrganizationPolicyTarget };
let OrganizationPolicy = class OrganizationPolicy {
    id;
    arn;
    name;
    description;
    type;
    awsManaged;
    content;
    targets;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], OrganizationPolicy.prototype, "id", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationPolicy.prototype, "arn", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], OrganizationPolicy.prototype, "name", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationPolicy.prototype, "description", void 0);
__decorate([
    Field(() => OrganizationPolicyType),
    __metadata("design:type", String)
], OrganizationPolicy.prototype, "type", void 0);
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], OrganizationPolicy.prototype, "awsManaged", void 0);
__decorate([
    Field(() => String, { description: 'The policy document text (Content).' }),
    __metadata("design:type", String)
], OrganizationPolicy.prototype, "content", void 0);
__decorate([
    Field(() => [OrganizationPolicyTarget]),
    __metadata("design:type", Array)
], OrganizationPolicy.prototype, "targets", void 0);
OrganizationPolicy = __decorate([
    ObjectType({ description: 'An SCP or RCP (describe-policy), with its targets (list-targets-for-policy).' })
], OrganizationPolicy);
export { OrganizationPolicy };
let OrganizationParent = class OrganizationParent {
    id;
    name;
    type;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], OrganizationParent.prototype, "id", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], OrganizationParent.prototype, "name", void 0);
__decorate([
    Field(() => OrganizationTargetType, { description: 'ROOT or ORGANIZATIONAL_UNIT.' }),
    __metadata("design:type", String)
], OrganizationParent.prototype, "type", void 0);
OrganizationParent = __decorate([
    ObjectType({ description: 'The root or OU an account sits directly under.' })
], OrganizationParent);
export { OrganizationParent };
let Account = class Account {
    id;
    name;
    email;
    status;
    arn;
    joinedMethod;
    joinedTimestamp;
    parentId;
    parent;
    organizationPath;
    inOrganization;
    isManagementAccount;
    principalsCount;
    usersCount;
    rolesCount;
    resourcePoliciesCount;
    iamImported;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Account.prototype, "id", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'From the organization document.' }),
    __metadata("design:type", Object)
], Account.prototype, "name", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Account.prototype, "email", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'ACTIVE, SUSPENDED… (list-accounts-for-parent Status).' }),
    __metadata("design:type", Object)
], Account.prototype, "status", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Account.prototype, "arn", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Account.prototype, "joinedMethod", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Account.prototype, "joinedTimestamp", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'The root or OU it sits under; null outside the organization.' }),
    __metadata("design:type", Object)
], Account.prototype, "parentId", void 0);
__decorate([
    Field(() => OrganizationParent, { nullable: true, description: 'The root or OU it sits under, with its name; null outside the organization.' }),
    __metadata("design:type", Object)
], Account.prototype, "parent", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '`o-…/r-…/ou-…/` (aws:PrincipalOrgPaths); null outside the organization.' }),
    __metadata("design:type", Object)
], Account.prototype, "organizationPath", void 0);
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], Account.prototype, "inOrganization", void 0);
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], Account.prototype, "isManagementAccount", void 0);
__decorate([
    Field(() => Int, { description: 'Stored users and roles of the account.' }),
    __metadata("design:type", Number)
], Account.prototype, "principalsCount", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Account.prototype, "usersCount", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Account.prototype, "rolesCount", void 0);
__decorate([
    Field(() => Int, { description: 'Stored resource-based policies of resources it owns (trust policies not counted).' }),
    __metadata("design:type", Number)
], Account.prototype, "resourcePoliciesCount", void 0);
__decorate([
    Field(() => Boolean, { description: 'Whether its IAM state (get-account-authorization-details) was imported.' }),
    __metadata("design:type", Boolean)
], Account.prototype, "iamImported", void 0);
Account = __decorate([
    ObjectType({ description: 'An AWS account of the estate: listed by the organization, or whose IAM state or resources were imported.' })
], Account);
export { Account };
let Organization = class Organization {
    id;
    arn;
    featureSet;
    managementAccountId;
    managementAccountEmail;
    roots;
    organizationalUnits;
    accounts;
    policies;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Organization.prototype, "id", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Organization.prototype, "arn", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'ALL or CONSOLIDATED_BILLING: SCPs and RCPs apply only with ALL.' }),
    __metadata("design:type", Object)
], Organization.prototype, "featureSet", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Organization.prototype, "managementAccountId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Organization.prototype, "managementAccountEmail", void 0);
__decorate([
    Field(() => [OrganizationRoot]),
    __metadata("design:type", Array)
], Organization.prototype, "roots", void 0);
__decorate([
    Field(() => [OrganizationalUnit]),
    __metadata("design:type", Array)
], Organization.prototype, "organizationalUnits", void 0);
__decorate([
    Field(() => [Account]),
    __metadata("design:type", Array)
], Organization.prototype, "accounts", void 0);
__decorate([
    Field(() => [OrganizationPolicy]),
    __metadata("design:type", Array)
], Organization.prototype, "policies", void 0);
Organization = __decorate([
    ObjectType({ description: 'The imported AWS Organizations organization.' })
], Organization);
export { Organization };
export const AccountConnection = connection('Account', () => Account);
//# sourceMappingURL=estate.js.map