/**
 * The lint corpus: for each check, at least one document that must raise it and one that must
 * not, written from AWS's "IAM policy validation check reference" (each case names its section)
 * and the IAM User Guide pages the checks rest on.
 */
import type { PolicyType, ValidatePolicyResourceType } from '../../../src/policy/types.js';

export interface LintCase {
  /** Expected code (Access Analyzer's issueCode, or accessql's own). */
  code: string;
  /** Where the rule comes from: the check reference section or the User Guide page. */
  source: string;
  /** Statement(s) or a whole document (string). */
  fail: unknown;
  pass: unknown;
  /** JSON path of the failing element, when the check points at one. */
  path?: string;
  policyType?: PolicyType;
  resourceType?: ValidatePolicyResourceType;
}

const TRUST = { policyType: 'RESOURCE_POLICY' as const, resourceType: 'AWS::IAM::AssumeRolePolicyDocument' as const };
const allow = (s: Record<string, unknown>) => ({ Effect: 'Allow', ...s });
const GH = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

export const LINT_CASES: LintCase[] = [
  // --- actions
  {
    code: 'INVALID_ACTION',
    source: 'Error – Invalid action',
    fail: allow({ Action: 's3:GetObjekt', Resource: '*' }),
    pass: allow({ Action: 's3:GetObject', Resource: '*' }),
    path: 'Statement[0].Action',
  },
  {
    code: 'INVALID_SERVICE_IN_ACTION',
    source: 'Error – Invalid service in action',
    fail: allow({ Action: ['app-integartions:ListApplications'], Resource: '*' }),
    pass: allow({ Action: ['app-integrations:ListApplications'], Resource: '*' }),
    path: 'Statement[0].Action[0]',
  },
  {
    code: 'RETIRED_SERVICE_IN_ACTION',
    source: 'accessql (AWS managed ReadOnlyAccess names deepcomposer)',
    fail: allow({ Action: 'deepcomposer:ListModels', Resource: '*' }),
    pass: allow({ Action: 'polly:ListLexicons', Resource: '*' }),
  },
  {
    code: 'REDUNDANT_ACTION',
    source: 'Suggestion – Redundant action',
    fail: allow({ Action: ['s3:Get*', 's3:GetObject'], Resource: '*' }),
    pass: allow({ Action: ['s3:Get*', 's3:PutObject'], Resource: '*' }),
    path: 'Statement[0].Action[1]',
  },
  // --- resources
  {
    code: 'INVALID_ARN_PREFIX',
    source: 'Error – Invalid ARN prefix',
    fail: allow({ Action: 's3:GetObject', Resource: 'bucket/key' }),
    pass: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/key' }),
  },
  {
    code: 'MISSING_ARN_FIELD',
    source: 'Error – Missing ARN field',
    fail: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:bucket' }),
    pass: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket' }),
  },
  {
    code: 'INVALID_PARTITION',
    source: 'Error – Invalid partition',
    fail: allow({ Action: 's3:GetObject', Resource: 'arn:amazon:s3:::b' }),
    pass: allow({ Action: 's3:GetObject', Resource: 'arn:aws-cn:s3:::b' }),
  },
  {
    code: 'INVALID_ARN_ACCOUNT',
    source: 'Error – Invalid ARN account',
    fail: allow({ Action: 'iam:GetRole', Resource: 'arn:aws:iam::accountID:role/app' }),
    pass: allow({ Action: 'iam:GetRole', Resource: 'arn:aws:iam::123456789012:role/app' }),
  },
  {
    code: 'INVALID_ARN_SERVICE_CASE',
    source: 'Error – Invalid ARN service case',
    fail: allow({ Action: 's3:GetObject', Resource: 'arn:aws:S3:::bucket/*' }),
    pass: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }),
  },
  {
    code: 'ARN_ACCOUNT_NOT_ALLOWED',
    source: 'Error – ARN account not allowed',
    fail: allow({ Action: 's3:ListBucket', Resource: 'arn:aws:s3::123456789012:bucket' }),
    pass: allow({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket' }),
  },
  {
    code: 'ARN_REGION_NOT_ALLOWED',
    source: 'Error – ARN Region not allowed',
    fail: allow({ Action: 'iam:GetRole', Resource: 'arn:aws:iam:us-east-1:123456789012:role/app' }),
    pass: allow({ Action: 'iam:GetRole', Resource: 'arn:aws:iam::123456789012:role/app' }),
  },
  {
    code: 'MISSING_ARN_ACCOUNT',
    source: 'Error – Missing ARN account',
    fail: allow({ Action: 'iam:GetRole', Resource: 'arn:aws:iam:::role/app' }),
    pass: allow({ Action: 'ssm:SendCommand', Resource: 'arn:aws:ssm:*::document/AWS-RunShellScript' }),
  },
  {
    code: 'MISSING_ARN_REGION',
    source: 'Error – Missing ARN Region',
    fail: allow({ Action: 'connect:DescribeInstance', Resource: 'arn:aws:connect::123456789012:instance/abc' }),
    pass: allow({ Action: 'connect:DescribeInstance', Resource: 'arn:aws:connect:us-east-1:123456789012:instance/abc' }),
  },
  {
    code: 'REDUNDANT_RESOURCE',
    source: 'Suggestion – Redundant resource',
    fail: allow({ Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/logs/*'] }),
    pass: allow({ Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::B/logs/*'] }),
    path: 'Statement[0].Resource[1]',
  },
  // --- statements
  {
    code: 'REDUNDANT_STATEMENT',
    source: 'Suggestion – Redundant statement',
    fail: [allow({ Action: 's3:*', Resource: '*' }), allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })],
    pass: [
      allow({ Action: 's3:*', Resource: '*' }),
      allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
    ],
    path: 'Statement[1]',
  },
  {
    code: 'UNSUPPORTED_ELEMENT_COMBINATION',
    source: 'Error – Unsupported element combination',
    fail: allow({ Action: 's3:GetObject', NotAction: 's3:PutObject', Resource: '*' }),
    pass: allow({ Action: 's3:GetObject', Resource: '*' }),
  },
  {
    code: 'UNSUPPORTED_PRINCIPAL',
    source: 'Error – Unsupported principal',
    fail: allow({ Principal: '*', Action: 's3:GetObject', Resource: '*' }),
    pass: allow({ Action: 's3:GetObject', Resource: '*' }),
  },
  {
    code: 'UNIQUE_SIDS_RECOMMENDED',
    source: 'General warning – Unique Sids recommended',
    fail: [allow({ Sid: 'A', Action: 's3:GetObject', Resource: '*' }), allow({ Sid: 'A', Action: 's3:PutObject', Resource: '*' })],
    pass: [allow({ Sid: 'A', Action: 's3:GetObject', Resource: '*' }), allow({ Sid: 'B', Action: 's3:PutObject', Resource: '*' })],
  },
  {
    code: 'EMPTY_SID_VALUE',
    source: 'Suggestion – Empty Sid value',
    fail: allow({ Sid: '', Action: 's3:GetObject', Resource: '*' }),
    pass: allow({ Sid: 'Read', Action: 's3:GetObject', Resource: '*' }),
  },
  // --- PassRole and service-linked roles
  {
    code: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
    source: 'Security warning – Pass role with star in resource',
    fail: allow({ Action: 'iam:PassRole', Resource: '*' }),
    pass: allow({ Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }),
    path: 'Statement[0].Action',
  },
  {
    code: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE',
    source: 'Security warning – Pass role with star in action and resource',
    fail: allow({ Action: 'iam:*', Resource: '*' }),
    pass: allow({ Action: 'iam:Get*', Resource: '*' }),
  },
  {
    code: 'PASS_ROLE_WITH_NOT_RESOURCE',
    source: 'Security warning – Pass role with NotResource',
    fail: allow({ Action: 'iam:PassRole', NotResource: 'arn:aws:iam::123456789012:role/admin' }),
    pass: allow({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/app' }),
  },
  {
    code: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE',
    source: 'Security warning – Pass role with star in action and NotResource',
    fail: allow({ Action: 'iam:Pass*', NotResource: 'arn:aws:iam::123456789012:role/admin' }),
    pass: allow({ Action: 'iam:Get*', NotResource: 'arn:aws:iam::123456789012:role/admin' }),
  },
  {
    code: 'PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION',
    source: 'Security warning – Pass role with star in resource and NotAction',
    fail: allow({ NotAction: 's3:*', Resource: '*' }),
    pass: allow({ NotAction: 'iam:*', Resource: '*' }),
  },
  {
    code: 'PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE',
    source: 'Security warning – Pass role with NotAction and NotResource',
    fail: allow({ NotAction: 's3:*', NotResource: 'arn:aws:s3:::b' }),
    pass: allow({ NotAction: 'iam:*', NotResource: 'arn:aws:s3:::b' }),
  },
  {
    code: 'CREATE_SLR_WITH_STAR_IN_RESOURCE',
    source: 'General warning – Create SLR with star in resource',
    fail: allow({ Action: 'iam:CreateServiceLinkedRole', Resource: '*' }),
    pass: allow({
      Action: 'iam:CreateServiceLinkedRole',
      Resource: '*',
      Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticbeanstalk.amazonaws.com' } },
    }),
  },
  {
    code: 'CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE',
    source: 'General warning – Create SLR with star in action and resource',
    fail: allow({ Action: '*', Resource: '*' }),
    pass: allow({ Action: 's3:*', Resource: '*' }),
  },
  {
    code: 'CREATE_SLR_WITH_NOT_RESOURCE',
    source: 'General warning – Create SLR with NotResource',
    fail: allow({ Action: 'iam:CreateServiceLinkedRole', NotResource: 'arn:aws:iam::123456789012:role/x' }),
    pass: allow({ Action: 'iam:CreateServiceLinkedRole', Resource: 'arn:aws:iam::*:role/aws-service-role/*' }),
  },
  {
    code: 'CREATE_SLR_WITH_STAR_AND_NOT_RESOURCE',
    source: 'General warning – Create SLR with star in action and NotResource',
    fail: allow({ Action: 'iam:Create*', NotResource: 'arn:aws:iam::123456789012:role/x' }),
    pass: allow({ Action: 'iam:Get*', NotResource: 'arn:aws:iam::123456789012:role/x' }),
  },
  {
    code: 'CREATE_SLR_WITH_STAR_RESOURCE_AND_NOT_ACTION',
    source: 'General warning – Create SLR with star in resource and NotAction',
    fail: allow({ NotAction: 'iam:PassRole', Resource: '*' }),
    pass: allow({ NotAction: 'iam:*', Resource: '*' }),
  },
  {
    code: 'CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE',
    source: 'General warning – Create SLR with NotAction and NotResource',
    fail: allow({ NotAction: 'iam:PassRole', NotResource: 'arn:aws:s3:::b' }),
    pass: allow({ NotAction: 'iam:*', NotResource: 'arn:aws:s3:::b' }),
  },
  // --- conditions
  {
    code: 'EQUIVALENT_TO_NULL_FALSE',
    source: 'Suggestion – Equivalent to null false',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 'aws:PrincipalTag/team': '*' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 'aws:PrincipalTag/team': 'eng-*' } } }),
    path: 'Statement[0].Condition.StringLike.aws:PrincipalTag/team',
  },
  {
    code: 'EQUIVALENT_TO_NULL_TRUE',
    source: 'Suggestion – Equivalent to null true',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringNotLike: { 'aws:PrincipalTag/team': '*' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { Null: { 'aws:PrincipalTag/team': 'true' } } }),
  },
  {
    code: 'STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS',
    source: 'Security warning – String like operator with ARN condition keys',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app*' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app*' } } }),
  },
  {
    code: 'TYPE_MISMATCH',
    source: 'General warning – Type mismatch',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:ViaAWSService': 'athena.amazonaws.com' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:ViaAWSService': 'true' } } }),
    path: 'Statement[0].Condition.StringEquals.aws:ViaAWSService',
  },
  {
    code: 'TYPE_MISMATCH_BOOLEAN',
    source: 'General warning – Type mismatch Boolean',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
  },
  {
    code: 'TYPE_MISMATCH_NUMBER',
    source: 'General warning – Type mismatch number',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 'hour' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } }),
  },
  {
    code: 'TYPE_MISMATCH_DATE',
    source: 'General warning – Type mismatch date',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } } }),
  },
  {
    code: 'TYPE_MISMATCH_IP_RANGE',
    source: 'Error – Type mismatch IP range',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.300' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
  },
  {
    code: 'INVALID_CONDITION_MULTIPLE_BOOLEAN',
    source: 'Error – Invalid condition multiple Boolean',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': ['true', 'false'] } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': ['true'] } } }),
  },
  {
    code: 'MISSING_QUALIFIER',
    source: 'Error – Missing qualifier',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:CalledVia': 'athena.amazonaws.com' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'athena.amazonaws.com' } } }),
  },
  {
    code: 'FORALLVALUES_WITH_SINGLE_VALUED_KEY',
    source: 'Security warning – ForAllValues with single valued key',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalTag/team': 'eng' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'eng' } } }),
  },
  {
    code: 'NULL_WITH_IF_EXISTS',
    source: 'Error – Null with if exists',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { NullIfExists: { 'aws:PrincipalTag/team': 'true' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { Null: { 'aws:PrincipalTag/team': 'true' } } }),
  },
  {
    code: 'INVALID_ARN_CONDITION_VALUE',
    source:
      'accessql ("IAM JSON policy elements: Condition operators", ARN condition operators: each of the six colon-delimited components is checked separately)',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b' } } }),
  },
  {
    code: 'NULL_WITH_QUALIFIER',
    source: 'Suggestion – Null with qualifier',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { 'ForAnyValue:Null': { 'aws:TagKeys': 'false' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { Null: { 'aws:TagKeys': 'false' } } }),
  },
  {
    code: 'INVALID_CONDITION_OPERATOR',
    source: 'Error – Invalid condition operator',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEqual: { 'aws:username': 'x' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:username': 'x' } } }),
  },
  {
    code: 'INVALID_CONDITION_KEY_FORMAT',
    source: 'Error – Invalid condition key format',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { username: 'x' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:username': 'x' } } }),
  },
  {
    code: 'INVALID_GLOBAL_CONDITION_KEY',
    source: 'Error – Invalid global condition key',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:UserName2': 'x' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:username': 'x' } } }),
  },
  {
    code: 'INVALID_SERVICE_CONDITION_KEY',
    source: 'Error – Invalid service condition key (templated keys: s3:ExistingObjectTag/<key>)',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 's3:ExistingObjectTagg/env': 'x' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 's3:ExistingObjectTag/env': 'x' } } }),
  },
  {
    code: 'DEPRECATED_GLOBAL_CONDITION_KEY',
    source: 'General warning – Deprecated global condition key',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgMasterAccountId': '123456789012' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '123456789012' } } }),
  },
  {
    code: 'WILDCARD_WITHOUT_LIKE_OPERATOR',
    source: 'General warning – Wildcard without like operator',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'eng-*' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 'aws:PrincipalTag/team': 'eng-*' } } }),
  },
  {
    code: 'PRIVATE_IP_ADDRESS',
    source: 'Error – Private IP address',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/8' } } }),
  },
  {
    code: 'PRIVATE_NOT_IP_ADDRESS',
    source: 'Error – Private NotIpAddress',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '192.168.0.0/16' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
  },
  {
    code: 'PRIVATE_IP_ADDRESS_SUBSET',
    source: 'Suggestion – Private IP address subset',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }),
  },
  {
    code: 'PRIVATE_NOT_IP_ADDRESS_SUBSET',
    source: 'Suggestion – Private NotIpAddress subset',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['172.16.0.0/12', '203.0.113.0/24'] } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['198.51.100.0/24', '203.0.113.0/24'] } } }),
  },
  {
    code: 'INVALID_VPC_FORMAT',
    source: 'Error – Invalid vpc format',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'my-vpc' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } } }),
  },
  {
    code: 'INVALID_VPCE_FORMAT',
    source: 'Error – Invalid vpce format',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpc-1a2b3c4d' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }),
  },
  {
    code: 'INVALID_SERVICE_PRINCIPAL_FORMAT',
    source: 'Error – Invalid service principal format (aws:CalledVia)',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'athena' } } }),
    pass: allow({ Action: 's3:GetObject', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'athena.amazonaws.com' } } }),
  },
  {
    code: 'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
    source: 'Suggestion – Allow with unsupported tag condition key for service ("Controlling access to AWS resources using tags")',
    fail: allow({ Action: ['ec2:StartInstances', 'tag:GetResources'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'eng' } } }),
    pass: allow({ Action: ['ec2:StartInstances'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'eng' } } }),
  },
  {
    code: 'DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
    source: 'Security warning – Deny with unsupported tag condition key for service',
    fail: { Effect: 'Deny', Action: ['ec2:StopInstances', 'tag:GetResources'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'prod' } } },
    pass: { Effect: 'Deny', Action: ['ec2:StopInstances'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'prod' } } },
  },
  // --- policy variables ("IAM policy elements: Variables and tags")
  {
    code: 'EMPTY_VARIABLE',
    source: 'Error – Empty variable',
    fail: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${}' }),
    pass: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' }),
  },
  {
    code: 'MISSING_BRACE_IN_VARIABLE',
    source: 'Error – Missing brace in variable',
    fail: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username' }),
    pass: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }),
  },
  {
    code: 'MISSING_QUOTE_IN_VARIABLE',
    source: 'Error – Missing quote in variable',
    fail: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username, nobody}' }),
    pass: allow({ Action: 's3:GetObject', Resource: "arn:aws:s3:::b/${aws:username, 'nobody'}" }),
  },
  {
    code: 'UNSUPPORTED_SPACE_IN_VARIABLE',
    source: 'Error – Unsupported space in variable',
    fail: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws: username}' }),
    pass: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' }),
  },
  {
    code: 'VARIABLE_UNSUPPORTED_IN_ELEMENT',
    source: 'Error – Variable unsupported in element',
    fail: allow({ Action: 's3:${aws:username}', Resource: '*' }),
    pass: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' }),
  },
  {
    code: 'VARIABLE_UNSUPPORTED_IN_VERSION',
    source: 'Error – Variable unsupported in version',
    fail: '{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}"}]}',
    pass: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' }),
  },
  // --- document
  {
    code: 'MISSING_VERSION',
    source: 'General warning – Missing version',
    fail: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    pass: allow({ Action: 's3:GetObject', Resource: '*' }),
  },
  {
    code: 'INVALID_POLICY_ELEMENT',
    source: 'Error – Invalid policy element',
    fail: allow({ Action: 's3:GetObject', Resource: '*', Conditions: {} }),
    pass: allow({ Action: 's3:GetObject', Resource: '*' }),
  },
  {
    code: 'DATA_TYPE_MISMATCH',
    source: 'Error – Data type mismatch',
    fail: allow({ Action: 7, Resource: '*' }),
    pass: allow({ Action: 's3:GetObject', Resource: '*' }),
  },
  // --- SCPs and RCPs ("SCP syntax", "RCP syntax")
  {
    code: 'SCP_SYNTAX_ERROR_PRINCIPAL',
    source: 'Error – SCP syntax error principal',
    policyType: 'SERVICE_CONTROL_POLICY',
    fail: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' },
    pass: { Effect: 'Deny', Action: 's3:*', Resource: '*' },
  },
  {
    code: 'SCP_SYNTAX_ERROR_ACTION_WILDCARD',
    source: 'Error – SCP syntax error action wildcard',
    policyType: 'SERVICE_CONTROL_POLICY',
    fail: { Effect: 'Deny', Action: 's3:*Object', Resource: '*' },
    pass: { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
  },
  {
    code: 'UNIQUE_SIDS_REQUIRED',
    source: 'Error – Unique Sids required',
    policyType: 'SERVICE_CONTROL_POLICY',
    fail: [
      { Sid: 'A', Effect: 'Deny', Action: 's3:*', Resource: '*' },
      { Sid: 'A', Effect: 'Deny', Action: 'ec2:*', Resource: '*' },
    ],
    pass: [
      { Sid: 'A', Effect: 'Deny', Action: 's3:*', Resource: '*' },
      { Sid: 'B', Effect: 'Deny', Action: 'ec2:*', Resource: '*' },
    ],
  },
  {
    code: 'RCP_SYNTAX_ERROR_PRINCIPAL',
    source: 'Error – RCP syntax error principal',
    policyType: 'RESOURCE_CONTROL_POLICY',
    fail: { Effect: 'Deny', Principal: { AWS: '123456789012' }, Action: 's3:*', Resource: '*' },
    pass: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' },
  },
  {
    code: 'RCP_SYNTAX_ERROR_ALLOW',
    source: 'Error – RCP syntax error allow',
    policyType: 'RESOURCE_CONTROL_POLICY',
    fail: { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
    pass: { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
  },
  {
    code: 'RCP_SYNTAX_ERROR_NOTACTION',
    source: 'Error – RCP syntax error NotAction',
    policyType: 'RESOURCE_CONTROL_POLICY',
    fail: { Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: '*' },
    pass: { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' },
  },
  {
    code: 'RCP_SYNTAX_ERROR_ACTION',
    source: 'Error – RCP syntax error action',
    policyType: 'RESOURCE_CONTROL_POLICY',
    fail: { Effect: 'Deny', Principal: '*', Action: 'ec2:RunInstances', Resource: '*' },
    pass: { Effect: 'Deny', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' },
  },
  // --- resource-based policies and role trust policies
  {
    code: 'INVALID_PRINCIPAL_FORMAT',
    source: 'Error – Invalid principal format ("AWS JSON policy elements: Principal")',
    policyType: 'RESOURCE_POLICY',
    fail: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    pass: {
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::123456789012:user/alice', '123456789012', 'arn:aws:sts::123456789012:assumed-role/app/session'] },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
    },
  },
  {
    code: 'ALLOW_WITH_NOT_PRINCIPAL',
    source: 'Security warning – Allow with NotPrincipal',
    policyType: 'RESOURCE_POLICY',
    fail: { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    pass: { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
  },
  {
    code: 'RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL',
    source: 'Security warning – Restrict access to service principal ("The confused deputy problem")',
    policyType: 'RESOURCE_POLICY',
    fail: { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' },
    pass: {
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
    },
  },
  {
    code: 'INVALID_SERVICE_PRINCIPAL_FORMAT',
    source: 'Error – Invalid service principal format (Principal.Service)',
    ...TRUST,
    fail: { Effect: 'Allow', Principal: { Service: 'ec2' }, Action: 'sts:AssumeRole' },
    pass: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  },
  {
    code: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL',
    source: 'Error – Role trust policy syntax error NotPrincipal',
    ...TRUST,
    fail: { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
    pass: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
  },
  {
    code: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE',
    source: 'Error – Role trust policy syntax error resource',
    ...TRUST,
    fail: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole', Resource: '*' },
    pass: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
  },
  {
    code: 'ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
    source: 'Error – Role trust policy unsupported wildcard in principal',
    ...TRUST,
    fail: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/*' }, Action: 'sts:AssumeRole' },
    pass: { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
  },
  {
    code: 'ROLE_TRUST_POLICY_INVALID_FEDERATED_PRINCIPAL_SYNTAX',
    source: 'Error – Role trust policy invalid federated principal syntax',
    ...TRUST,
    fail: { Effect: 'Allow', Principal: { Federated: 'my-idp' }, Action: 'sts:AssumeRoleWithSAML' },
    pass: {
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/idp' },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    },
  },
  {
    code: 'MISMATCHED_ACTION_FOR_PRINCIPAL',
    source: 'Error – Mismatched action for principal',
    ...TRUST,
    fail: {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' } },
    },
    pass: {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' } },
    },
  },
  {
    code: 'MISSING_ACTION_FOR_CONDITION_KEY',
    source: 'Error – Missing action for condition key ("Passing session tags in AWS STS")',
    ...TRUST,
    fail: {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:RequestTag/project': 'x' } },
    },
    pass: {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:root' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: { StringEquals: { 'aws:RequestTag/project': 'x' } },
    },
  },
  {
    code: 'MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY',
    source: 'Error – Missing action for Roles Anywhere trust policy',
    ...TRUST,
    fail: { Effect: 'Allow', Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: 'sts:AssumeRole' },
    pass: { Effect: 'Allow', Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] },
  },
  {
    code: 'MISSING_GITHUB_REPO_CONDITION_KEY',
    source: 'Security warning – Missing github repo condition key',
    ...TRUST,
    fail: {
      Effect: 'Allow',
      Principal: { Federated: GH },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
    },
    pass: {
      Effect: 'Allow',
      Principal: { Federated: GH },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' },
      },
    },
  },
  {
    code: 'MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL',
    source: 'Security warning – Missing condition key for oidc principal',
    ...TRUST,
    fail: { Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' },
    pass: {
      Effect: 'Allow',
      Principal: { Federated: 'accounts.google.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'accounts.google.com:aud': 'client-id.apps.googleusercontent.com' } },
    },
  },
  {
    code: 'MISSING_PAIRED_CONDITION_KEYS',
    source: 'Security warning – Missing paired condition keys',
    ...TRUST,
    fail: {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
    },
    pass: {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    },
  },
];
