import type { FindingCode } from '../finding-codes.js';
import type { PolicyDocument, PolicyType, SourcePosition, ValidatePolicyResourceType } from '../types.js';

/** What a check family sees of the policy being validated, and how it reports. */
export interface CheckContext {
  readonly document: PolicyDocument;
  readonly policyType: PolicyType;
  readonly resourceType?: ValidatePolicyResourceType;
  /** A role trust policy: RESOURCE_POLICY with resourceType AWS::IAM::AssumeRolePolicyDocument. */
  readonly trustPolicy: boolean;
  /** The text is a lone statement (no document around it). */
  readonly fragment: boolean;
  add(code: FindingCode, message: string, position?: SourcePosition): void;
}
