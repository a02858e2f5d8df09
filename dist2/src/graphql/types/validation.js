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
import { FindingType } from './enums.js';
let Finding = class Finding {
    findingType;
    code;
    message;
    line;
    column;
    path;
    learnMoreLink;
};
__decorate([
    Field(() => FindingType),
    __metadata("design:type", String)
], Finding.prototype, "findingType", void 0);
__decorate([
    Field(() => String, { description: 'Stable machine-readable code, e.g. UNKNOWN_SERVICE.' }),
    __metadata("design:type", String)
], Finding.prototype, "code", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Finding.prototype, "message", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: '1-based line in the submitted document.' }),
    __metadata("design:type", Number)
], Finding.prototype, "line", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: '1-based column in the submitted document.' }),
    __metadata("design:type", Number)
], Finding.prototype, "column", void 0);
__decorate([
    Field(() => String, { description: 'JSON path of the element, e.g. Statement[1].Condition.StringEquals.aws:ViaAWSService ("" for the whole document).' }),
    __metadata("design:type", String)
], Finding.prototype, "path", void 0);
__decorate([
    Field(() => String, { nullable: true, description: "IAM Access Analyzer's check reference section for this code (null for accessql's own codes)." }),
    __metadata("design:type", String)
], Finding.prototype, "learnMoreLink", void 0);
Finding = __decorate([
    ObjectType({ description: 'One validation finding, in the shape of IAM Access Analyzer policy validation.' })
], Finding);
export { Finding };
let PolicyValidation = class PolicyValidation {
    valid;
    findings;
};
__decorate([
    Field(() => Boolean, { description: 'true when there is no ERROR finding.' }),
    __metadata("design:type", Boolean)
], PolicyValidation.prototype, "valid", void 0);
__decorate([
    Field(() => [Finding]),
    __metadata("design:type", Array)
], PolicyValidation.prototype, "findings", void 0);
PolicyValidation = __decorate([
    ObjectType()
], PolicyValidation);
export { PolicyValidation };
//# sourceMappingURL=validation.js.map