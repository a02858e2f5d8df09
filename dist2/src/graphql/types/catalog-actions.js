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
import { connection } from './common.js';
let CatalogActionInfo = class CatalogActionInfo {
    name;
    service;
    accessLevel;
    description;
    resourceTypes;
};
__decorate([
    Field(() => String, { description: 'Prefix included, as the catalog spells it: connect:StartContactRecording.' }),
    __metadata("design:type", String)
], CatalogActionInfo.prototype, "name", void 0);
__decorate([
    Field(() => String, { description: 'The service prefix (connect).' }),
    __metadata("design:type", String)
], CatalogActionInfo.prototype, "service", void 0);
__decorate([
    Field(() => String, { description: 'List, Read, Write, Permissions management or Tagging.' }),
    __metadata("design:type", String)
], CatalogActionInfo.prototype, "accessLevel", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], CatalogActionInfo.prototype, "description", void 0);
__decorate([
    Field(() => [String], { description: 'The resource types the action applies to (none: only "*").' }),
    __metadata("design:type", Array)
], CatalogActionInfo.prototype, "resourceTypes", void 0);
CatalogActionInfo = __decorate([
    ObjectType({ description: 'An action of the catalog (the Service Authorization Reference), for autocompletion.' })
], CatalogActionInfo);
export { CatalogActionInfo };
export const CatalogActionConnection = connection('CatalogAction', () => CatalogActionInfo);
//# sourceMappingURL=catalog-actions.js.map