var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Arg, Query, Resolver } from 'type-graphql';
import { validatePolicy } from '../../policy/validate.js';
import { PolicyType } from '../types/enums.js';
import { PolicyValidation } from '../types/validation.js';
import { checkPolicySize } from '../limits.js';
import { VALIDATE_POLICY_RESOURCE_TYPES } from '../../policy/types.js';
import { apiError } from '../errors.js';
let PolicyValidationResolver = class PolicyValidationResolver {
    validatePolicy(document, policyType, lenient, resourceType) {
        checkPolicySize(document, 'document');
        if (resourceType !== null && resourceType !== undefined && !VALIDATE_POLICY_RESOURCE_TYPES.includes(resourceType)) {
            throw apiError('BAD_USER_INPUT', `resourceType must be one of ${VALIDATE_POLICY_RESOURCE_TYPES.join(', ')}`);
        }
        const { valid, findings } = validatePolicy(document, { policyType, lenient, resourceType: (resourceType ?? undefined) });
        return { valid, findings: findings };
    }
};
__decorate([
    Query(() => PolicyValidation, {
        description: 'Checks a policy document like IAM Access Analyzer: JSON syntax (with line and column), grammar, unknown services, actions and condition keys, risky grants.',
    }),
    __param(0, Arg('document', () => String)),
    __param(1, Arg('policyType', () => PolicyType, { defaultValue: PolicyType.IDENTITY_POLICY })),
    __param(2, Arg('lenient', () => Boolean, { defaultValue: false, description: 'Repair trailing and missing commas, reporting each repair as a finding.' })),
    __param(3, Arg('resourceType', () => String, {
        nullable: true,
        description: "Access Analyzer's validatePolicyResourceType for a RESOURCE_POLICY: AWS::IAM::AssumeRolePolicyDocument (role trust policy checks), AWS::S3::Bucket, AWS::S3::AccessPoint, AWS::S3::MultiRegionAccessPoint, AWS::S3ObjectLambda::AccessPoint, AWS::DynamoDB::Table.",
    })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Boolean, Object]),
    __metadata("design:returntype", PolicyValidation)
], PolicyValidationResolver.prototype, "validatePolicy", null);
PolicyValidationResolver = __decorate([
    Resolver(() => PolicyValidation)
], PolicyValidationResolver);
export { PolicyValidationResolver };
//# sourceMappingURL=validation.js.map