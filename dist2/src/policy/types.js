/**
 * The IAM policy language as a typed document.
 *
 * Grammar: "IAM JSON policy element reference" and "Grammar of the IAM JSON policy language"
 * (IAM User Guide). Every element keeps where it stood in the source text so that a decision
 * can point at the statement that made it.
 */
/**
 * Access Analyzer's ValidatePolicyResourceType: the resource a RESOURCE_POLICY is attached to.
 * `AWS::IAM::AssumeRolePolicyDocument` turns on the role trust policy checks.
 */
export const VALIDATE_POLICY_RESOURCE_TYPES = [
    'AWS::S3::Bucket', 'AWS::S3::AccessPoint', 'AWS::S3::MultiRegionAccessPoint', 'AWS::S3ObjectLambda::AccessPoint',
    'AWS::IAM::AssumeRolePolicyDocument', 'AWS::DynamoDB::Table',
];
//# sourceMappingURL=types.js.map