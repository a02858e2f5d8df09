var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ObjectType } from 'type-graphql';
import { PrincipalType } from './enums.js';
import { Tag, connection } from './common.js';
let Principal = class Principal {
    arn;
    name;
    type;
    accountId;
    uniqueId;
    path;
    createDate;
    tags;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Principal.prototype, "arn", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Principal.prototype, "name", void 0);
__decorate([
    Field(() => PrincipalType),
    __metadata("design:type", String)
], Principal.prototype, "type", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Null only for principals beyond the store that have no account (a service, everyone).' }),
    __metadata("design:type", Object)
], Principal.prototype, "accountId", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'The UserId (AIDA…) or RoleId (AROA…).' }),
    __metadata("design:type", Object)
], Principal.prototype, "uniqueId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Principal.prototype, "path", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Principal.prototype, "createDate", void 0);
__decorate([
    Field(() => [Tag]),
    __metadata("design:type", Array)
], Principal.prototype, "tags", void 0);
Principal = __decorate([
    ObjectType({ description: 'An IAM user or role (groups are not principals).' })
], Principal);
export { Principal };
export const PrincipalConnection = connection('Principal', () => Principal);
//# sourceMappingURL=principal.js.map