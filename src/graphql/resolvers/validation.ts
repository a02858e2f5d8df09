import { Arg, Query, Resolver } from 'type-graphql';
import { validatePolicy } from '../../policy/validate.js';
import { PolicyType } from '../types/enums.js';
import { PolicyValidation } from '../types/validation.js';
import { checkPolicySize } from '../limits.js';

@Resolver(() => PolicyValidation)
export class PolicyValidationResolver {
  @Query(() => PolicyValidation, {
    description: 'Checks a policy document like IAM Access Analyzer: JSON syntax (with line and column), grammar, unknown services, actions and condition keys, risky grants.',
  })
  validatePolicy(
    @Arg('document', () => String) document: string,
    @Arg('policyType', () => PolicyType, { defaultValue: PolicyType.IDENTITY_POLICY }) policyType: PolicyType,
    @Arg('lenient', () => Boolean, { defaultValue: false, description: 'Repair trailing and missing commas, reporting each repair as a finding.' }) lenient: boolean,
  ): PolicyValidation {
    checkPolicySize(document, 'document');
    const { valid, findings } = validatePolicy(document, { policyType, lenient });
    return { valid, findings: findings as PolicyValidation['findings'] };
  }
}
