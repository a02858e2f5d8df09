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
let PageInfo = class PageInfo {
    hasNextPage;
    endCursor;
};
__decorate([
    Field(() => Boolean),
    __metadata("design:type", Boolean)
], PageInfo.prototype, "hasNextPage", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], PageInfo.prototype, "endCursor", void 0);
PageInfo = __decorate([
    ObjectType()
], PageInfo);
export { PageInfo };
let Tag = class Tag {
    key;
    value;
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Tag.prototype, "key", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Tag.prototype, "value", void 0);
Tag = __decorate([
    ObjectType({ description: 'An AWS tag.' })
], Tag);
export { Tag };
/** A Relay connection type `<name>Connection` with `<name>Edge` edges, plus totalCount. */
export function connection(name, node) {
    let EdgeType = class EdgeType {
        cursor;
        node;
    };
    __decorate([
        Field(() => String),
        __metadata("design:type", String)
    ], EdgeType.prototype, "cursor", void 0);
    __decorate([
        Field(node),
        __metadata("design:type", Object)
    ], EdgeType.prototype, "node", void 0);
    EdgeType = __decorate([
        ObjectType(`${name}Edge`)
    ], EdgeType);
    let ConnectionType = class ConnectionType {
        totalCount;
        edges;
        pageInfo;
    };
    __decorate([
        Field(() => Int),
        __metadata("design:type", Number)
    ], ConnectionType.prototype, "totalCount", void 0);
    __decorate([
        Field(() => [EdgeType]),
        __metadata("design:type", Array)
    ], ConnectionType.prototype, "edges", void 0);
    __decorate([
        Field(() => PageInfo),
        __metadata("design:type", PageInfo)
    ], ConnectionType.prototype, "pageInfo", void 0);
    ConnectionType = __decorate([
        ObjectType(`${name}Connection`)
    ], ConnectionType);
    return ConnectionType;
}
//# sourceMappingURL=common.js.map