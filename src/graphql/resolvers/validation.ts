import { Arg, Query, Resolver } from 'type-graphql';
import { validatePolicy } from '../../policy/validate.js';
import { PolicyType } from '../types/enums.js';
import { PolicyValidation } from '../types/validation.js';
import { checkPolicySize } from '../limits.js';
import { VALIDATE_POLICY_RESOURCE_TYPES, type ValidatePolicyResourceType } from '../../policy/types.js';
import { apiError } from '../errors.js';

@Resolver(() => PolicyValidation)
export class PolicyValidationResolver {
  @Query(() => PolicyValidation, {
    description:
      'Checks a policy document like IAM Access Analyzer: JSON syntax (with line and column), grammar, unknown services, actions and condition keys, risky grants.',
  })
  validatePolicy(
    @Arg('document', () => String, { description: 'The policy document, JSON text (at most 2 MiB; larger is PAYLOAD_TOO_LARGE).' }) document: string,
    @Arg('policyType', () => PolicyType, {
      defaultValue: PolicyType.IDENTITY_POLICY,
      description: 'What kind of policy it is (default IDENTITY_POLICY): decides which elements and checks apply.',
    })
    policyType: PolicyType,
    @Arg('lenient', () => Boolean, {
      defaultValue: false,
      description: 'Repair trailing and missing commas, reporting each repair as a finding. Default false.',
    })
    lenient: boolean,
    @Arg('resourceType', () => String, {
      nullable: true,
      description:
        "Access Analyzer's validatePolicyResourceType for a RESOURCE_POLICY: AWS::IAM::AssumeRolePolicyDocument (role trust policy checks), AWS::S3::Bucket, AWS::S3::AccessPoint, AWS::S3::MultiRegionAccessPoint, AWS::S3ObjectLambda::AccessPoint, AWS::DynamoDB::Table.",
    })
    resourceType: string | null,
  ): PolicyValidation {
    checkPolicySize(document, 'document');
    if (resourceType !== null && resourceType !== undefined && !(VALIDATE_POLICY_RESOURCE_TYPES as readonly string[]).includes(resourceType)) {
      throw apiError('BAD_USER_INPUT', `resourceType must be one of ${VALIDATE_POLICY_RESOURCE_TYPES.join(', ')}`);
    }
    const { valid, findings } = validatePolicy(document, {
      policyType,
      lenient,
      resourceType: (resourceType ?? undefined) as ValidatePolicyResourceType | undefined,
    });
    return { valid, findings: findings as PolicyValidation['findings'] };
  }
}
