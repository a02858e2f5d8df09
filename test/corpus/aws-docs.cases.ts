/**
 * Acceptance corpus written from AWS's IAM User Guide (and the Amazon Connect pages in
 * /work/shared/seed-docs). Each case name cites the page and the rule it checks.
 *
 * Pages (IAM User Guide): "IAM JSON policy elements: Condition operators" (CondOps),
 * "Single-valued vs multivalued context keys" (Multi), "IAM policy elements: Variables and tags"
 * (Vars), "Policy evaluation logic" (Eval), "Cross-account policy evaluation logic" (XAcct),
 * "IAM JSON policy elements: Action / NotAction / Resource / NotResource / Principal",
 * "Permissions boundaries for IAM entities" (PB), "Service control policies" (SCP).
 */
import type { CustomSimulationInput } from '../../src/access/simulate-custom.js';

export type Decision = 'ALLOWED' | 'EXPLICIT_DENY' | 'IMPLICIT_DENY';
export interface CorpusCase {
  name: string;
  input: CustomSimulationInput;
  expected: { decisions: Decision[]; missingContextKeys?: (string[] | undefined)[]; error?: { policy: string; line?: number } };
}

type Json = Record<string, unknown>;
type Ctx = { key: string; values: string[]; type?: CustomSimulationInput['context'] extends (infer E)[] | null | undefined ? E extends { type?: infer T } ? T : never : never };

const doc = (...statements: Json[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const doc2008 = (...statements: Json[]): string => JSON.stringify({ Version: '2008-10-17', Statement: statements });
const allow = (action: string | string[], resource: string | string[] = '*', condition?: Json): Json => ({
  Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}),
});
const deny = (action: string | string[], resource: string | string[] = '*', condition?: Json): Json => ({
  Effect: 'Deny', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}),
});
const c = (key: string, ...values: string[]): Ctx => ({ key, values });
const ct = (key: string, type: NonNullable<Ctx['type']>, ...values: string[]): Ctx => ({ key, values, type });

const A = 'ALLOWED', X = 'EXPLICIT_DENY', I = 'IMPLICIT_DENY';

/** One action on one resource under identity policies only. */
function one(name: string, policies: string | string[], action: string, resource: string, context: Ctx[], decision: Decision, missing?: string[]): CorpusCase {
  return {
    name,
    input: { policies: Array.isArray(policies) ? policies : [policies], actions: [action], resources: [resource], context },
    expected: { decisions: [decision], ...(missing ? { missingContextKeys: [missing] } : {}) },
  };
}

/** A single condition block on an Allow s3:GetObject on *, checked against one context. */
function cond(name: string, condition: Json, context: Ctx[], decision: Decision, missing?: string[]): CorpusCase {
  return one(`CondOps: ${name}`, doc(allow('s3:GetObject', '*', condition)), 's3:GetObject', 'arn:aws:s3:::bucket/key', context, decision, missing);
}

const B = 'arn:aws:s3:::bucket/key';

/** Any SimulateCustomPolicyInput fields, one action on one resource. */
function req(name: string, input: Omit<CustomSimulationInput, 'actions' | 'resources'>, action: string, resource: string, decision: Decision, missing?: string[]): CorpusCase {
  return { name, input: { ...input, actions: [action], resources: [resource] }, expected: { decisions: [decision], ...(missing ? { missingContextKeys: [missing] } : {}) } };
}
const rstmt = (effect: 'Allow' | 'Deny', principal: unknown, action: string | string[], resource: string | string[], condition?: Json): Json => ({
  Effect: effect, Principal: principal, Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}),
});
const ACCT = '123456789012', OTHER = '111122223333';
const ALICE = `arn:aws:iam::${ACCT}:user/alice`, BOB = `arn:aws:iam::${ACCT}:user/bob`, XALICE = `arn:aws:iam::${OTHER}:user/alice`;
const ROLE = `arn:aws:iam::${ACCT}:role/app`, SESSION = `arn:aws:sts::${ACCT}:assumed-role/app/s1`;
const Q = `arn:aws:sqs:us-east-1:${ACCT}:queue1`;
const ALLOW_ALL = doc(allow('*'));

// Amazon Connect documentation policies (seed-docs 000, 002, 004), verbatim where valid JSON.
const CONNECT_INSTANCE = 'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1';
const CONNECT_DENY_DELETE_UPDATE = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "Action": [
                "connect:DeleteUser",
                "connect:UpdateUser*"
            ],
            "Resource": "arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/*"
        }
    ]
}`;
/** 002 "Allow create users but deny if you're assigned to a specific security profile", verbatim (trailing commas). */
const CONNECT_CREATE_USER_VERBATIM = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",        
            "Action": [
                "connect:CreateUser"
             ],
            "Resource": "*",
        },
        {
            "Effect": "Deny",
            "Action": [
                "connect:CreateUser"
             ],
            "Resource": "arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17",
        } 
    ]
}`;
const CONNECT_CREATE_USER = CONNECT_CREATE_USER_VERBATIM.replace(/",\n(\s*)}/g, '"\n$1}');
const CONNECT_SP_INSTANCE = 'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17';
const CONNECT_RECORDING = doc(allow(['connect:StartContactRecording'], 'arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/*'));
const CONNECT_RECORDING_REAL = doc(allow(['connect:StartContactRecording'], 'arn:aws:connect:us-west-2:123456789012:instance/i-1/contact/*'));
const CONNECT_ALL_CONTACTS = doc(allow(['connect:*'], 'arn:aws:connect:us-west-2:123456789012:instance/*/contact/*'));
const CONNECT_TAG_DEPARTMENT = doc(allow(['connect:DescribeUser', 'connect:UpdateUser*'], '*', { StringEquals: { 'aws:ResourceTag/Department': 'Test' } }));
const CONNECT_REQUEST_TAG = doc(allow(['connect:CreateUser', 'connect:TagResource'], '*', { StringEquals: { 'aws:RequestTag/Owner': 'TeamA' } }));
const CONNECT_APPINTEGRATIONS = doc({ Sid: 'AllowAllAppIntegrationsActions', Effect: 'Allow', Action: ['app-integrations:ListEventIntegrations', 'app-integrations:CreateEventIntegration', 'app-integrations:GetEventIntegration', 'app-integrations:UpdateEventIntegration', 'app-integartions:DeleteEventIntegration'], Resource: '*' });
const CONNECT_APPINTEGRATIONS_PREFIX = doc({ Sid: 'AllowAllAppIntegrationsActions', Effect: 'Allow', Action: ['app-integrations:GetEventIntegration'], Resource: 'arn:aws:appintegrations:*:*:event-integration/MyNamePrefix-*' });
const VIEW_OWN = doc(
  { Sid: 'ViewOwnUserInfo', Effect: 'Allow', Action: ['iam:GetUserPolicy', 'iam:ListGroupsForUser', 'iam:ListAttachedUserPolicies', 'iam:ListUserPolicies', 'iam:GetUser'], Resource: ['arn:aws:iam::*:user/${aws:username}'] },
  { Sid: 'NavigateInConsole', Effect: 'Allow', Action: ['iam:GetGroupPolicy', 'iam:GetPolicyVersion', 'iam:GetPolicy', 'iam:ListAttachedGroupPolicies', 'iam:ListGroupPolicies', 'iam:ListPolicyVersions', 'iam:ListPolicies', 'iam:ListUsers'], Resource: '*' },
);
const CP_SLR = doc(allow(['cloudwatch:PutMetricData'], '', { StringEquals: { 'cloudwatch:namespace': 'AWS/CustomerProfiles' } }));
const CAMPAIGN_TAG = doc({ Sid: 'AllowConnectCampaignsOperations', Effect: 'Allow', Action: ['connect-campaigns:DescribeCampaign', 'connect-campaigns:GetCampaignState'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/owner': 'arn:aws:connect:region:customer_account_id:instance/connect_instance_id' } } });
const CAMPAIGN_ARN = 'arn:aws:connect-campaigns:us-east-1:123456789012:campaign/c-1';


export const cases: CorpusCase[] = [
  // ---------------------------------------------------------------- String operators
  cond('StringEquals exact match', { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } }, [c('aws:PrincipalTag/job-category', 'iamuser-admin')], A, []),
  cond('StringEquals is case-sensitive for values', { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } }, [c('aws:PrincipalTag/job-category', 'IAMUser-Admin')], I),
  cond('StringEqualsIgnoreCase ignores value case', { StringEqualsIgnoreCase: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } }, [c('aws:PrincipalTag/job-category', 'IAMUser-Admin')], A),
  cond('condition key names are case-insensitive', { StringEquals: { 'AWS:principaltag/Job-Category': 'admin' } }, [c('aws:PrincipalTag/job-category', 'admin')], A),
  cond('StringNotEquals with a different value matches', { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } }, [c('aws:PrincipalTag/team', 'blue')], A),
  cond('StringNotEquals with the same value does not match', { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } }, [c('aws:PrincipalTag/team', 'red')], I),
  cond('StringNotEqualsIgnoreCase same value other case does not match', { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'red' } }, [c('aws:PrincipalTag/team', 'RED')], I),
  cond('StringEquals missing key: condition false', { StringEquals: { 'aws:PrincipalTag/team': 'red' } }, [], I, ['aws:PrincipalTag/team']),
  cond('StringNotEquals missing key: negated operator is true when the key is absent', { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } }, [], A),
  cond('StringLike * matches any run of characters', { StringLike: { 's3:prefix': 'home/*' } }, [c('s3:prefix', 'home/alice/docs')], A),
  cond('StringLike ? matches exactly one character', { StringLike: { 's3:prefix': 'home/?' } }, [c('s3:prefix', 'home/ab')], I),
  cond('StringLike ? matches a single character', { StringLike: { 's3:prefix': 'home/?' } }, [c('s3:prefix', 'home/a')], A),
  cond('StringLike is case-sensitive', { StringLike: { 's3:prefix': 'home/*' } }, [c('s3:prefix', 'HOME/alice')], I),
  cond('StringLike pattern without wildcard needs full match', { StringLike: { 's3:prefix': 'home' } }, [c('s3:prefix', 'home/x')], I),
  cond('StringNotLike matches when no pattern matches', { StringNotLike: { 's3:prefix': ['home/*', 'shared/*'] } }, [c('s3:prefix', 'private/x')], A),
  cond('StringNotLike does not match when one pattern matches', { StringNotLike: { 's3:prefix': ['home/*', 'shared/*'] } }, [c('s3:prefix', 'shared/x')], I),
  cond('several values for one key are ORed', { StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue', 'green'] } }, [c('aws:PrincipalTag/team', 'blue')], A),
  cond('several keys under one operator are ANDed (one fails)', { StringEquals: { 'aws:PrincipalTag/team': 'red', 'aws:PrincipalTag/level': '3' } }, [c('aws:PrincipalTag/team', 'red'), c('aws:PrincipalTag/level', '2')], I),
  cond('several keys under one operator are ANDed (both hold)', { StringEquals: { 'aws:PrincipalTag/team': 'red', 'aws:PrincipalTag/level': '3' } }, [c('aws:PrincipalTag/team', 'red'), c('aws:PrincipalTag/level', '3')], A),
  cond('several operators are ANDed', { StringEquals: { 'aws:PrincipalTag/team': 'red' }, StringLike: { 's3:prefix': 'a*' } }, [c('aws:PrincipalTag/team', 'red'), c('s3:prefix', 'b')], I),
  cond('StringNotEquals with several values: matches only if the value equals none', { StringNotEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } }, [c('aws:PrincipalTag/team', 'blue')], I),
  cond('StringNotEquals with several values: value outside the list matches', { StringNotEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } }, [c('aws:PrincipalTag/team', 'green')], A),

  // ---------------------------------------------------------------- Numeric
  cond('NumericLessThan true', { NumericLessThan: { 's3:max-keys': '10' } }, [c('s3:max-keys', '5')], A),
  cond('NumericLessThan equal value is not less', { NumericLessThan: { 's3:max-keys': '10' } }, [c('s3:max-keys', '10')], I),
  cond('NumericLessThanEquals equal value', { NumericLessThanEquals: { 's3:max-keys': '10' } }, [c('s3:max-keys', '10')], A),
  cond('NumericEquals', { NumericEquals: { 's3:max-keys': '10' } }, [c('s3:max-keys', '10')], A),
  cond('NumericNotEquals', { NumericNotEquals: { 's3:max-keys': '10' } }, [c('s3:max-keys', '11')], A),
  cond('NumericGreaterThan false', { NumericGreaterThan: { 's3:max-keys': '10' } }, [c('s3:max-keys', '9')], I),
  cond('NumericGreaterThanEquals true', { NumericGreaterThanEquals: { 's3:max-keys': '10' } }, [c('s3:max-keys', '100')], A),
  cond('Numeric compares numbers, not strings (9 < 10)', { NumericLessThan: { 's3:max-keys': '10' } }, [c('s3:max-keys', '9')], A),
  cond('Numeric missing key is false', { NumericLessThan: { 's3:max-keys': '10' } }, [], I, ['s3:max-keys']),

  // ---------------------------------------------------------------- Date
  cond('DateGreaterThan ISO 8601', { DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } }, [c('aws:CurrentTime', '2021-01-01T00:00:00Z')], A),
  cond('DateLessThan ISO 8601 false', { DateLessThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } }, [c('aws:CurrentTime', '2021-01-01T00:00:00Z')], I),
  cond('DateEquals ISO', { DateEquals: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } }, [c('aws:CurrentTime', '2020-04-01T00:00:00Z')], A),
  cond('DateNotEquals', { DateNotEquals: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } }, [c('aws:CurrentTime', '2020-04-02T00:00:00Z')], A),
  cond('DateLessThanEquals equal', { DateLessThanEquals: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } }, [c('aws:CurrentTime', '2020-04-01T00:00:00Z')], A),
  cond('DateGreaterThanEquals before', { DateGreaterThanEquals: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' } }, [c('aws:CurrentTime', '2020-03-31T23:59:59Z')], I),
  cond('Date policy value in epoch seconds against aws:EpochTime', { DateGreaterThan: { 'aws:EpochTime': '1585699200' } }, [c('aws:EpochTime', '1609459200')], A),
  cond('Date policy epoch vs ISO context compare as dates', { DateLessThan: { 'aws:CurrentTime': '1609459200' } }, [c('aws:CurrentTime', '2020-06-01T00:00:00Z')], A),
  cond('Date ISO policy vs epoch context', { DateLessThan: { 'aws:EpochTime': '2021-01-01T00:00:00Z' } }, [c('aws:EpochTime', '1593561600')], A),
  cond('Date missing key is false', { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }, [], I, ['aws:TokenIssueTime']),

  // ---------------------------------------------------------------- Bool
  cond('Bool aws:SecureTransport true', { Bool: { 'aws:SecureTransport': 'true' } }, [c('aws:SecureTransport', 'true')], A),
  cond('Bool aws:SecureTransport false vs true', { Bool: { 'aws:SecureTransport': 'true' } }, [c('aws:SecureTransport', 'false')], I),
  cond('Bool false does not match a missing aws:MultiFactorAuthPresent', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, [], I, ['aws:MultiFactorAuthPresent']),
  cond('BoolIfExists false matches a missing aws:MultiFactorAuthPresent', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, [], A),
  cond('BoolIfExists false vs present true', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, [c('aws:MultiFactorAuthPresent', 'true')], I),

  // ---------------------------------------------------------------- Binary
  cond('BinaryEquals base64 equal', { BinaryEquals: { 'key': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, [ct('key', 'BINARY', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==')], A),
  cond('BinaryEquals base64 different', { BinaryEquals: { 'key': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, [ct('key', 'BINARY', 'QmluYXJ5')], I),

  // ---------------------------------------------------------------- IP
  cond('IpAddress IPv4 CIDR contains', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, [c('aws:SourceIp', '203.0.113.5')], A),
  cond('IpAddress IPv4 CIDR outside', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, [c('aws:SourceIp', '198.51.100.1')], I),
  cond('NotIpAddress outside matches', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, [c('aws:SourceIp', '198.51.100.1')], A),
  cond('IpAddress several ranges ORed', { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } }, [c('aws:SourceIp', '203.0.113.200')], A),
  cond('IpAddress IPv6 /64', { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } }, [c('aws:SourceIp', '2001:db8:1234:5678::1')], A),
  cond('IpAddress IPv6 outside /64', { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } }, [c('aws:SourceIp', '2001:db8:1234:5679::1')], I),
  cond('IpAddress address without prefix is a /32', { IpAddress: { 'aws:SourceIp': '203.0.113.5' } }, [c('aws:SourceIp', '203.0.113.5')], A),
  cond('IpAddress IPv4 range does not match an IPv6 address', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, [c('aws:SourceIp', '2001:db8::1')], I),

  // ---------------------------------------------------------------- ARN
  cond('ArnEquals exact', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic' } }, [c('aws:SourceArn', 'arn:aws:sns:us-east-1:123456789012:topic')], A),
  cond('ArnLike wildcard region', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } }, [c('aws:SourceArn', 'arn:aws:sns:eu-west-1:123456789012:topic')], A),
  cond('ArnLike other account', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } }, [c('aws:SourceArn', 'arn:aws:sns:eu-west-1:111122223333:topic')], I),
  cond('ArnNotLike matches another account', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } }, [c('aws:SourceArn', 'arn:aws:sns:eu-west-1:111122223333:topic')], A),
  cond('ArnLike aws:PrincipalArn with role path wildcard', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/admins/*' } }, [c('aws:PrincipalArn', 'arn:aws:iam::123456789012:role/admins/ops')], A),

  // ---------------------------------------------------------------- Null
  cond('Null true: key absent', { Null: { 'aws:TokenIssueTime': 'true' } }, [], A),
  cond('Null true: key present', { Null: { 'aws:TokenIssueTime': 'true' } }, [c('aws:TokenIssueTime', '2020-01-01T00:00:00Z')], I),
  cond('Null false: key present', { Null: { 'aws:TokenIssueTime': 'false' } }, [c('aws:TokenIssueTime', '2020-01-01T00:00:00Z')], A),
  cond('Null false: key absent', { Null: { 'aws:TokenIssueTime': 'false' } }, [], I),
  // ---------------------------------------------------------------- IfExists
  cond('StringEqualsIfExists: missing key matches', { StringEqualsIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } }, [], A),
  cond('StringLikeIfExists: present key checked', { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } }, [c('ec2:InstanceType', 'm5.large')], I),
  cond('StringLikeIfExists: present key that matches', { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } }, [c('ec2:InstanceType', 't2.micro')], A),
  cond('NumericLessThanIfExists missing key', { NumericLessThanIfExists: { 's3:max-keys': '10' } }, [], A),
  cond('DateGreaterThanIfExists missing key', { DateGreaterThanIfExists: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }, [], A),
  cond('IpAddressIfExists missing key', { IpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' } }, [], A),
  cond('IpAddressIfExists present outside', { IpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' } }, [c('aws:SourceIp', '10.0.0.1')], I),
  cond('ArnLikeIfExists missing key', { ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } }, [], A),
  cond('StringNotEqualsIfExists present equal value', { StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'red' } }, [c('aws:PrincipalTag/team', 'red')], I),
  cond('BinaryEqualsIfExists missing', { BinaryEqualsIfExists: { 'key': 'QmluYXJ5' } }, [], A),
  cond('IfExists with one missing and one present key (AND)', { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'red', 'aws:PrincipalTag/level': '3' } }, [c('aws:PrincipalTag/level', '3')], A),

  // ---------------------------------------------------------------- Multivalued: ForAllValues / ForAnyValue
  cond('Multi: ForAllValues every request value in the policy set', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'environment', 'cost-center')], A),
  cond('Multi: ForAllValues one request value outside the set', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'environment', 'owner')], I),
  cond('Multi: ForAllValues subset of the policy set', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'environment')], A),
  cond('Multi: ForAllValues returns true when the key is missing', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }, [], A),
  cond('Multi: ForAllValues returns true for an empty set', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment'] } }, [ct('aws:TagKeys', 'STRING_LIST')], A),
  cond('Multi: ForAllValues:StringLike wildcard', { 'ForAllValues:StringLike': { 'aws:TagKeys': 'Created*' } }, [ct('aws:TagKeys', 'STRING_LIST', 'CreatedBy', 'CreatedAt')], A),
  cond('Multi: ForAllValues type from the catalog (aws:TagKeys is ArrayOfString)', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, [c('aws:TagKeys', 'a', 'c')], I),
  cond('Multi: ForAnyValue one request value matches', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'owner', 'environment')], A),
  cond('Multi: ForAnyValue no request value matches', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'owner', 'project')], I),
  cond('Multi: ForAnyValue returns false when the key is missing', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } }, [], I, ['aws:TagKeys']),
  cond('Multi: ForAnyValue returns false for an empty set', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } }, [ct('aws:TagKeys', 'STRING_LIST')], I),
  cond('Multi: ForAnyValue:StringLike', { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'cost*' } }, [ct('aws:TagKeys', 'STRING_LIST', 'owner', 'cost-center')], A),
  cond('Multi: ForAnyValue:StringEqualsIgnoreCase', { 'ForAnyValue:StringEqualsIgnoreCase': { 'aws:TagKeys': 'Environment' } }, [ct('aws:TagKeys', 'STRING_LIST', 'ENVIRONMENT')], A),
  cond('Multi: ForAllValues:StringNotEquals — every value outside the list', { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['a', 'b'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'c', 'd')], A),
  cond('Multi: ForAllValues:StringNotEquals — one value in the list', { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['a', 'b'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'c', 'a')], I),
  cond('Multi: ForAnyValue:StringNotEquals — some value outside the list', { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a', 'b'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'a', 'c')], A),
  cond('Multi: ForAnyValue:StringNotEquals — all values in the list', { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a', 'b'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'a', 'b')], I),
  cond('Multi: ForAnyValue:NumericLessThan on a numeric list', { 'ForAnyValue:NumericLessThan': { 'custom:nums': '5' } }, [ct('custom:nums', 'NUMERIC_LIST', '10', '3')], A),
  cond('Multi: ForAllValues:NumericLessThan on a numeric list', { 'ForAllValues:NumericLessThan': { 'custom:nums': '5' } }, [ct('custom:nums', 'NUMERIC_LIST', '10', '3')], I),
  cond('Multi: ForAnyValue:IpAddress', { 'ForAnyValue:IpAddress': { 'custom:ips': '10.0.0.0/8' } }, [ct('custom:ips', 'IP_LIST', '192.168.0.1', '10.1.2.3')], A),
  cond('Multi: ForAllValues:ArnLike', { 'ForAllValues:ArnLike': { 'custom:arns': 'arn:aws:s3:::bucket/*' } }, [ct('custom:arns', 'STRING_LIST', 'arn:aws:s3:::bucket/a', 'arn:aws:s3:::other/b')], I),
  cond('Multi: ForAllValues with a Null false guard, key missing', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] }, Null: { 'aws:TagKeys': 'false' } }, [], I),
  {
    name: 'Multi examples: Deny ForAllValues:StringNotLike aws:TagKeys key1* — key1 values do not match',
    input: { policies: [doc(allow('iam:*'), deny(['iam:Tag*', 'iam:UnTag*'], '*', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }))], actions: ['iam:TagUser'], resources: ['arn:aws:iam::123456789012:user/bob'], context: [ct('aws:TagKeys', 'STRING_LIST', 'key1:hr', 'key1:personnel')] },
    expected: { decisions: [A] },
  },
  {
    name: 'Multi examples: Deny ForAllValues:StringNotLike aws:TagKeys key1* — key2 value matches, denied',
    input: { policies: [doc(allow('iam:*'), deny(['iam:Tag*', 'iam:UnTag*'], '*', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }))], actions: ['iam:TagUser'], resources: ['arn:aws:iam::123456789012:user/bob'], context: [ct('aws:TagKeys', 'STRING_LIST', 'key2:audit')] },
    expected: { decisions: [X] },
  },
  {
    name: 'Multi examples: Deny ForAllValues:StringNotLike aws:TagKeys key1* — no aws:TagKeys in the request matches (denied)',
    input: { policies: [doc(allow('iam:*'), deny(['iam:Tag*', 'iam:UnTag*'], '*', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }))], actions: ['iam:UntagUser'], resources: ['arn:aws:iam::123456789012:user/bob'], context: [] },
    expected: { decisions: [X] },
  },
  {
    name: 'Multi examples: Deny ForAllValues:StringNotLike [key1*, key2*] — key1 and key2 values do not match',
    input: { policies: [doc(allow('iam:*'), deny(['iam:Tag*'], '*', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': ['key1*', 'key2*'] } }))], actions: ['iam:TagRole'], resources: ['arn:aws:iam::123456789012:role/r'], context: [ct('aws:TagKeys', 'STRING_LIST', 'key1:hr', 'key2:audit')] },
    expected: { decisions: [A] },
  },
  {
    name: 'Multi examples: Deny ForAllValues:StringNotLike [key1*, key2*] — key3 value matches',
    input: { policies: [doc(allow('iam:*'), deny(['iam:Tag*'], '*', { 'ForAllValues:StringNotLike': { 'aws:TagKeys': ['key1*', 'key2*'] } }))], actions: ['iam:TagRole'], resources: ['arn:aws:iam::123456789012:role/r'], context: [ct('aws:TagKeys', 'STRING_LIST', 'key3:legal')] },
    expected: { decisions: [X] },
  },
  {
    name: 'Multi examples: Deny ForAnyValue:StringEquals aws:TagKeys webserver — missing key does not match (not denied)',
    input: { policies: [doc(allow('ec2:*'), deny('ec2:CreateTags', '*', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'webserver' } }))], actions: ['ec2:CreateTags'], resources: ['*'], context: [] },
    expected: { decisions: [A] },
  },
  {
    name: 'Multi examples: Deny ForAnyValue:StringEquals aws:TagKeys webserver — one key matches',
    input: { policies: [doc(allow('ec2:*'), deny('ec2:CreateTags', '*', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'webserver' } }))], actions: ['ec2:CreateTags'], resources: ['*'], context: [ct('aws:TagKeys', 'STRING_LIST', 'environment', 'webserver')] },
    expected: { decisions: [X] },
  },

  // ---------------------------------------------------------------- Negated operators on missing keys / several values
  {
    name: 'CondOps: Deny with StringNotEquals aws:RequestedRegion on a missing key denies (negated operator true when absent)',
    input: { policies: [doc(allow('ec2:*'), deny('ec2:*', '*', { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } }))], actions: ['ec2:RunInstances'], resources: ['*'], context: [] },
    expected: { decisions: [X] },
  },
  {
    name: 'CondOps: Deny StringNotEquals aws:RequestedRegion [eu-central-1, eu-west-1], request in eu-west-1 is not denied',
    input: { policies: [doc(allow('ec2:*'), deny('ec2:*', '*', { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } }))], actions: ['ec2:RunInstances'], resources: ['*'], context: [c('aws:RequestedRegion', 'eu-west-1')] },
    expected: { decisions: [A] },
  },
  {
    name: 'CondOps: Deny StringNotEquals aws:RequestedRegion, request in us-east-1 is denied',
    input: { policies: [doc(allow('ec2:*'), deny('ec2:*', '*', { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } }))], actions: ['ec2:RunInstances'], resources: ['*'], context: [c('aws:RequestedRegion', 'us-east-1')] },
    expected: { decisions: [X] },
  },
  cond('NotIpAddress on a missing key is true', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, [], A),
  cond('ArnNotEquals on a missing key is true', { ArnNotEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:t' } }, [], A),
  cond('NumericNotEquals on a missing key is true', { NumericNotEquals: { 's3:max-keys': '10' } }, [], A),
  cond('DateNotEquals on a missing key is true', { DateNotEquals: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, [], A),
  cond('StringNotLike on a missing key is true', { StringNotLike: { 's3:prefix': 'home/*' } }, [], A),
  cond('StringNotEqualsIgnoreCase on a missing key is true', { StringNotEqualsIgnoreCase: { 's3:prefix': 'home' } }, [], A),
  // ---------------------------------------------------------------- Policy variables
  one('Vars: ${aws:username} in Resource substitutes the user name', doc(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*')), 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/home/alice/file.txt', [c('aws:username', 'alice')], A),
  one('Vars: ${aws:username} does not match another user\'s folder', doc(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*')), 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/home/bob/file.txt', [c('aws:username', 'alice')], I),
  one('Vars: missing key for a variable in Resource → statement does not match', doc(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*')), 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/home/alice/file.txt', [], I),
  one('Vars: variable key names are case-insensitive (${AWS:UserName})', doc(allow('s3:GetObject', 'arn:aws:s3:::b/home/${AWS:UserName}/*')), 's3:GetObject', 'arn:aws:s3:::b/home/alice/x', [c('aws:username', 'alice')], A),
  one('Vars: a substituted value is matched literally (a * in the value is not a wildcard)', doc(allow('s3:GetObject', 'arn:aws:s3:::b/home/${aws:username}/x')), 's3:GetObject', 'arn:aws:s3:::b/home/alice/x', [c('aws:username', '*')], I),
  one('Vars: ${aws:PrincipalTag/team} in Resource', doc(allow('s3:GetObject', 'arn:aws:s3:::b/${aws:PrincipalTag/team}/*')), 's3:GetObject', 'arn:aws:s3:::b/red/x', [c('aws:PrincipalTag/team', 'red')], A),
  one('Vars: default value used when the key is missing', doc(allow('s3:GetObject', "arn:aws:s3:::b/${aws:PrincipalTag/team, 'company-wide'}/*")), 's3:GetObject', 'arn:aws:s3:::b/company-wide/x', [], A),
  one('Vars: default value not used when the key is present', doc(allow('s3:GetObject', "arn:aws:s3:::b/${aws:PrincipalTag/team, 'company-wide'}/*")), 's3:GetObject', 'arn:aws:s3:::b/company-wide/x', [c('aws:PrincipalTag/team', 'red')], I),
  one('Vars: ${*} is a literal asterisk', doc(allow('s3:GetObject', 'arn:aws:s3:::b/${*}')), 's3:GetObject', 'arn:aws:s3:::b/anything', [], I),
  one('Vars: ${*} matches a literal asterisk in the resource', doc(allow('s3:GetObject', 'arn:aws:s3:::b/${*}')), 's3:GetObject', 'arn:aws:s3:::b/*', [], A),
  one('Vars: ${?} is a literal question mark', doc(allow('s3:GetObject', 'arn:aws:s3:::b/a${?}')), 's3:GetObject', 'arn:aws:s3:::b/ab', [], I),
  one('Vars: ${?} matches a literal question mark', doc(allow('s3:GetObject', 'arn:aws:s3:::b/a${?}')), 's3:GetObject', 'arn:aws:s3:::b/a?', [], A),
  one('Vars: ${$} is a literal dollar sign', doc(allow('s3:GetObject', 'arn:aws:s3:::b/${$}x')), 's3:GetObject', 'arn:aws:s3:::b/$x', [], A),
  one('Vars: Version 2008-10-17 treats ${aws:username} literally (no substitution)', doc2008(allow('s3:GetObject', 'arn:aws:s3:::b/home/${aws:username}/*')), 's3:GetObject', 'arn:aws:s3:::b/home/alice/x', [c('aws:username', 'alice')], I),
  one('Vars: Version 2008-10-17 literal ${aws:username} matches the literal text', doc2008(allow('s3:GetObject', 'arn:aws:s3:::b/home/${aws:username}/*')), 's3:GetObject', 'arn:aws:s3:::b/home/${aws:username}/x', [c('aws:username', 'alice')], A),
  one('Vars: no Version element defaults to 2008-10-17 (variables literal)', JSON.stringify({ Statement: [allow('s3:GetObject', 'arn:aws:s3:::b/home/${aws:username}/*')] }), 's3:GetObject', 'arn:aws:s3:::b/home/alice/x', [c('aws:username', 'alice')], I),
  one('Vars: variable in a StringLike condition value', doc(allow('s3:ListBucket', 'arn:aws:s3:::b', { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } })), 's3:ListBucket', 'arn:aws:s3:::b', [c('aws:username', 'alice'), c('s3:prefix', 'home/alice/photos')], A),
  one('Vars: variable in a StringLike condition value, other user', doc(allow('s3:ListBucket', 'arn:aws:s3:::b', { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } })), 's3:ListBucket', 'arn:aws:s3:::b', [c('aws:username', 'alice'), c('s3:prefix', 'home/bob/photos')], I),
  one('Vars: variable in a StringEquals condition value (ResourceTag = PrincipalTag)', doc(allow('ec2:StartInstances', '*', { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } })), 'ec2:StartInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', [c('aws:ResourceTag/project', 'blue'), c('aws:PrincipalTag/project', 'blue')], A),
  one('Vars: ResourceTag = PrincipalTag differs', doc(allow('ec2:StartInstances', '*', { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } })), 'ec2:StartInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', [c('aws:ResourceTag/project', 'blue'), c('aws:PrincipalTag/project', 'red')], I),
  one('Vars: ResourceTag = PrincipalTag with the principal tag missing does not match', doc(allow('ec2:StartInstances', '*', { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } })), 'ec2:StartInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', [c('aws:ResourceTag/project', 'blue')], I),
  one('Vars: ${aws:userid} in Resource', doc(allow('s3:GetObject', 'arn:aws:s3:::b/${aws:userid}/*')), 's3:GetObject', 'arn:aws:s3:::b/AIDAJQABLZS4A3QDU576Q/x', [c('aws:userid', 'AIDAJQABLZS4A3QDU576Q')], A),
  one('Vars (Resource element): variables only in the resource portion after the fifth colon — ${aws:PrincipalAccount} in the account field is not substituted', doc(allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:q')), 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:q', [c('aws:PrincipalAccount', '123456789012')], I),
  one('Vars: two variables in one Resource', doc(allow('s3:GetObject', 'arn:aws:s3:::b/${aws:PrincipalTag/team}/${aws:username}')), 's3:GetObject', 'arn:aws:s3:::b/red/alice', [c('aws:PrincipalTag/team', 'red'), c('aws:username', 'alice')], A),
  one('Vars: Deny with a variable whose key is missing does not apply', [doc(allow('s3:*')), doc(deny('s3:GetObject', 'arn:aws:s3:::b/${aws:username}/*'))], 's3:GetObject', 'arn:aws:s3:::b/alice/x', [], A),

  // ---------------------------------------------------------------- Action / NotAction
  one('Action: action names are case-insensitive', doc(allow('S3:getobject', '*')), 's3:GetObject', B, [], A),
  one('Action: service prefix wildcard s3:Get*', doc(allow('s3:Get*', '*')), 's3:GetObjectAcl', B, [], A),
  one('Action: s3:Get* does not match PutObject', doc(allow('s3:Get*', '*')), 's3:PutObject', B, [], I),
  one('Action: "*" matches every action', doc(allow('*', '*')), 'dynamodb:GetItem', '*', [], A),
  one('Action: s3:* does not match another service', doc(allow('s3:*', '*')), 's3express:CreateSession', '*', [], I),
  one('Action: ? wildcard in action', doc(allow('iam:?etUser', '*')), 'iam:GetUser', '*', [], A),
  one('Action: list of actions', doc(allow(['sqs:SendMessage', 'sqs:ReceiveMessage'], '*')), 'sqs:ReceiveMessage', '*', [], A),
  one('Action: mid-string wildcard', doc(allow('iam:*AccessKey*', '*')), 'iam:CreateAccessKey', '*', [], A),
  one('NotAction: Allow NotAction iam:* allows s3', doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), 's3:GetObject', B, [], A),
  one('NotAction: Allow NotAction iam:* does not allow iam:CreateUser', doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), 'iam:CreateUser', '*', [], I),
  one('NotAction: Deny NotAction iam:* denies s3', doc(allow('*'), { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }), 's3:GetObject', B, [], X),
  one('NotAction: Deny NotAction iam:* leaves iam allowed', doc(allow('*'), { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }), 'iam:GetUser', '*', [], A),
  one('NotAction: Deny NotAction with MFA condition (BoolIfExists false) denies other actions without MFA', doc(allow('*'), { Effect: 'Deny', NotAction: ['iam:ChangePassword', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }), 'ec2:RunInstances', '*', [], X),
  one('NotAction: MFA deny exempts iam:ChangePassword', doc(allow('*'), { Effect: 'Deny', NotAction: ['iam:ChangePassword', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }), 'iam:ChangePassword', '*', [], A),
  one('NotAction: MFA deny does not apply when MFA is present', doc(allow('*'), { Effect: 'Deny', NotAction: ['iam:ChangePassword', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }), 'ec2:RunInstances', '*', [c('aws:MultiFactorAuthPresent', 'true')], A),
  one('NotAction: case-insensitive', doc({ Effect: 'Allow', NotAction: 'IAM:*', Resource: '*' }), 'iam:CreateUser', '*', [], I),

  // ---------------------------------------------------------------- Resource / NotResource
  one('Resource: ARNs are case-sensitive', doc(allow('s3:GetObject', 'arn:aws:s3:::MyBucket/*')), 's3:GetObject', 'arn:aws:s3:::mybucket/x', [], I),
  one('Resource: * in a resource path matches across /', doc(allow('s3:GetObject', 'arn:aws:s3:::b/*')), 's3:GetObject', 'arn:aws:s3:::b/a/b/c', [], A),
  one('Resource: bucket ARN does not cover objects', doc(allow('s3:GetObject', 'arn:aws:s3:::b')), 's3:GetObject', 'arn:aws:s3:::b/x', [], I),
  one('Resource: wildcard in region and account fields', doc(allow('dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/Books')), 'dynamodb:GetItem', 'arn:aws:dynamodb:us-west-2:123456789012:table/Books', [], A),
  one('Resource: list of resources', doc(allow('dynamodb:GetItem', ['arn:aws:dynamodb:us-east-1:123456789012:table/A', 'arn:aws:dynamodb:us-east-1:123456789012:table/B'])), 'dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:123456789012:table/B', [], A),
  one('Resource: ? wildcard in resource', doc(allow('s3:GetObject', 'arn:aws:s3:::b/file?.txt')), 's3:GetObject', 'arn:aws:s3:::b/file1.txt', [], A),
  one('Resource: wildcard within a segment does not match a different prefix', doc(allow('iam:GetUser', 'arn:aws:iam::123456789012:user/dev-*')), 'iam:GetUser', 'arn:aws:iam::123456789012:user/prod-alice', [], I),
  one('Resource: a different account does not match', doc(allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:q')), 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:q', [], I),
  one('Resource: "*" matches every resource', doc(allow('sqs:SendMessage', '*')), 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:q', [], A),
  one('NotResource: Allow NotResource allows other resources', doc({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' }), 's3:GetObject', 'arn:aws:s3:::public/x', [], A),
  one('NotResource: Allow NotResource excludes the listed resource', doc({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' }), 's3:GetObject', 'arn:aws:s3:::secret/x', [], I),
  one('NotResource: Deny NotResource denies everything except the listed ARNs', doc(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::home', 'arn:aws:s3:::home/*'] }), 's3:GetObject', 'arn:aws:s3:::other/x', [], X),
  one('NotResource: Deny NotResource leaves the listed ARNs allowed', doc(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::home', 'arn:aws:s3:::home/*'] }), 's3:GetObject', 'arn:aws:s3:::home/x', [], A),
  one('NotResource with NotAction (Deny): deny non-IAM actions on non-listed resources', doc(allow('*'), { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::ok/*' }), 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:q', [], X),
  // ---------------------------------------------------------------- Evaluation logic
  req('Eval: no policies → implicit deny', { policies: [] }, 's3:GetObject', B, I),
  req('Eval: explicit Deny in the same policy overrides Allow', { policies: [doc(allow('s3:*'), deny('s3:GetObject'))] }, 's3:GetObject', B, X),
  req('Eval: explicit Deny in another policy overrides Allow', { policies: [doc(allow('s3:*')), doc(deny('s3:*', 'arn:aws:s3:::bucket/*'))] }, 's3:GetObject', B, X),
  req('Eval: Deny whose condition is false does not apply', { policies: [doc(allow('s3:*'), deny('s3:*', '*', { Bool: { 'aws:SecureTransport': 'false' } }))], context: [c('aws:SecureTransport', 'true')] }, 's3:GetObject', B, A),
  req('Eval: Deny whose condition is true applies', { policies: [doc(allow('s3:*'), deny('s3:*', '*', { Bool: { 'aws:SecureTransport': 'false' } }))], context: [c('aws:SecureTransport', 'false')] }, 's3:GetObject', B, X),
  req('Eval: Allow for a different action → implicit deny', { policies: [doc(allow('s3:PutObject'))] }, 's3:GetObject', B, I),
  req('Eval: Allow for a different resource → implicit deny', { policies: [doc(allow('s3:GetObject', 'arn:aws:s3:::other/*'))] }, 's3:GetObject', B, I),
  req('Eval: Deny for a different action does not apply', { policies: [doc(allow('s3:*'), deny('s3:DeleteObject'))] }, 's3:GetObject', B, A),
  {
    name: 'Eval: results are actions outer, resources inner, in input order',
    input: { policies: [doc(allow('s3:GetObject', 'arn:aws:s3:::a/*'), deny('s3:PutObject', 'arn:aws:s3:::b/*'), allow('s3:PutObject'))], actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::a/1', 'arn:aws:s3:::b/1'] },
    expected: { decisions: [A, I, A, X] },
  },
  {
    name: 'Eval: resources default to "*"',
    input: { policies: [doc(allow('iam:ListUsers'))], actions: ['iam:ListUsers', 'iam:ListRoles'] },
    expected: { decisions: [A, I] },
  },
  req('Eval: Allow with a missing condition key → implicit deny, key reported missing', { policies: [doc(allow('s3:GetObject', '*', { StringEquals: { 'aws:ResourceTag/Department': 'Finance' } }))] }, 's3:GetObject', B, I, ['aws:ResourceTag/Department']),

  // ---------------------------------------------------------------- Permissions boundaries
  req('PB: effective permissions are the intersection (both allow)', { policies: [doc(allow('s3:*'))], permissionsBoundaries: [doc(allow(['s3:GetObject', 'cloudwatch:*']))] }, 's3:GetObject', B, A),
  req('PB: identity allows, boundary does not → implicit deny', { policies: [doc(allow('s3:*'))], permissionsBoundaries: [doc(allow(['s3:GetObject', 'cloudwatch:*']))] }, 's3:PutObject', B, I),
  req('PB: boundary allows, identity does not → implicit deny (boundary grants nothing)', { policies: [doc(allow('s3:GetObject'))], permissionsBoundaries: [doc(allow('*'))] }, 'ec2:RunInstances', '*', I),
  req('PB: explicit Deny in the boundary → explicit deny', { policies: [ALLOW_ALL], permissionsBoundaries: [doc(allow('*'), deny('iam:*'))] }, 'iam:CreateUser', '*', X),
  req('PB: Deny in identity with boundary allowing → explicit deny', { policies: [doc(allow('*'), deny('s3:*'))], permissionsBoundaries: [ALLOW_ALL] }, 's3:GetObject', B, X),
  req('PB: boundary with conditions (missing key) does not allow', { policies: [ALLOW_ALL], permissionsBoundaries: [doc(allow('s3:*', '*', { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }))] }, 's3:GetObject', B, I, ['aws:RequestedRegion']),
  req('PB: boundary with NotAction allows everything but IAM', { policies: [ALLOW_ALL], permissionsBoundaries: [doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] }, 'iam:CreateUser', '*', I),
  req('PB: same-account resource policy naming the user is not limited by the boundary', { policies: [], permissionsBoundaries: [doc(allow('ec2:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: ALICE }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, A),
  req('PB: same-account resource policy naming the role is limited by the boundary (implicit deny)', { policies: [], permissionsBoundaries: [doc(allow('ec2:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: ROLE }, 'sqs:SendMessage', Q)), callerArn: SESSION }, 'sqs:SendMessage', Q, I),
  req('PB: same-account resource policy naming the role session is not limited by the boundary', { policies: [], permissionsBoundaries: [doc(allow('ec2:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: SESSION }, 'sqs:SendMessage', Q)), callerArn: SESSION }, 'sqs:SendMessage', Q, A),
  req('PB: same-account resource policy naming the role, boundary allows → allowed without identity policy', { policies: [], permissionsBoundaries: [doc(allow('sqs:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: ROLE }, 'sqs:SendMessage', Q)), callerArn: SESSION }, 'sqs:SendMessage', Q, A),

  // ---------------------------------------------------------------- SCPs
  req('SCP: FullAWSAccess plus identity allow → allowed', { policies: [doc(allow('s3:*'))], serviceControlPolicies: [[ALLOW_ALL]] }, 's3:GetObject', B, A),
  req('SCP: SCP does not allow the action → implicit deny', { policies: [ALLOW_ALL], serviceControlPolicies: [[doc(allow('ec2:*'))]] }, 's3:GetObject', B, I),
  req('SCP: SCP allows but identity does not → implicit deny (SCPs grant nothing)', { policies: [], serviceControlPolicies: [[ALLOW_ALL]] }, 's3:GetObject', B, I),
  req('SCP: explicit Deny in an SCP → explicit deny', { policies: [ALLOW_ALL], serviceControlPolicies: [[doc(allow('*'), deny('s3:DeleteBucket'))]] }, 's3:DeleteBucket', 'arn:aws:s3:::bucket', X),
  req('SCP: every level must allow (root allows *, OU allows ec2 only)', { policies: [ALLOW_ALL], serviceControlPolicies: [[ALLOW_ALL], [doc(allow('ec2:*'))]] }, 's3:GetObject', B, I),
  req('SCP: every level allows', { policies: [ALLOW_ALL], serviceControlPolicies: [[ALLOW_ALL], [doc(allow('s3:*'))], [doc(allow('s3:Get*'))]] }, 's3:GetObject', B, A),
  req('SCP: within one level, any attached SCP may allow', { policies: [ALLOW_ALL], serviceControlPolicies: [[doc(allow('ec2:*')), doc(allow('s3:*'))]] }, 's3:GetObject', B, A),
  req('SCP: Deny at a lower level applies although higher levels allow', { policies: [ALLOW_ALL], serviceControlPolicies: [[ALLOW_ALL], [ALLOW_ALL, doc(deny('s3:*'))]] }, 's3:GetObject', B, X),
  req('SCP: region deny with StringNotEquals aws:RequestedRegion', { policies: [ALLOW_ALL], serviceControlPolicies: [[ALLOW_ALL, doc({ Effect: 'Deny', NotAction: ['iam:*', 'organizations:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } })]], context: [c('aws:RequestedRegion', 'us-east-1')] }, 'ec2:RunInstances', '*', X),
  req('SCP: region deny exempts NotAction iam:*', { policies: [ALLOW_ALL], serviceControlPolicies: [[ALLOW_ALL, doc({ Effect: 'Deny', NotAction: ['iam:*', 'organizations:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } })]], context: [c('aws:RequestedRegion', 'us-east-1')] }, 'iam:ListUsers', '*', A),
  req('SCP: SCPs limit the root user', { policies: [], serviceControlPolicies: [[doc(allow('ec2:*'))]], callerArn: `arn:aws:iam::${ACCT}:root` }, 's3:GetObject', B, I),
  req('Eval: the account root user has full access without identity policies', { policies: [], callerArn: `arn:aws:iam::${ACCT}:root` }, 's3:GetObject', B, A),
  req('Eval: an explicit Deny still applies to the root user (SCP deny)', { policies: [], serviceControlPolicies: [[doc(allow('*'), deny('s3:*'))]], callerArn: `arn:aws:iam::${ACCT}:root` }, 's3:GetObject', B, X),

  // ---------------------------------------------------------------- Resource-based policies, same account
  req('Eval (same account): resource policy naming the user allows without an identity policy', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: ALICE }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, A),
  req('Eval (same account): identity policy allows, resource policy silent → allowed', { policies: [doc(allow('sqs:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: BOB }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, A),
  req('Eval (same account): resource policy names another user → implicit deny', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: BOB }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, I),
  req('Eval (same account): Deny in the resource policy overrides identity Allow', { policies: [doc(allow('sqs:*'))], resourcePolicy: doc(rstmt('Deny', { AWS: ALICE }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, X),
  req('Eval (same account): identity Deny overrides the resource policy Allow', { policies: [doc(deny('sqs:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: ALICE }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, X),
  req('Eval (same account): resource policy Principal "*" allows', { policies: [], resourcePolicy: doc(rstmt('Allow', '*', 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, A),
  req('Principal: {"AWS": "*"} is everyone', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: '*' }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, A),
  req('Principal: account principal delegates to identity policies (none) → implicit deny', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: ACCT }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, I),
  req('Principal: :root ARN behaves as the account ID', { policies: [doc(allow('sqs:SendMessage'))], resourcePolicy: doc(rstmt('Allow', { AWS: `arn:aws:iam::${ACCT}:root` }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, A),
  req('Principal: resource policy naming the role allows its session (no boundary)', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: ROLE }, 'sqs:SendMessage', Q)), callerArn: SESSION }, 'sqs:SendMessage', Q, A),
  req('Principal: wildcard inside a principal ARN matches nothing', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: `arn:aws:iam::${ACCT}:user/*` }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, I),
  req('Principal: user names in principal ARNs are case-sensitive', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: `arn:aws:iam::${ACCT}:user/Alice` }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, I),
  req('Principal: a service principal does not match an IAM user', { policies: [], resourcePolicy: doc(rstmt('Allow', { Service: 'sns.amazonaws.com' }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, I),
  req('Principal: list of principals, one matches', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: [BOB, ALICE] }, 'sqs:SendMessage', Q)), callerArn: ALICE }, 'sqs:SendMessage', Q, A),
  req('Principal: Deny with NotPrincipal denies everyone else', { policies: [doc(allow('sqs:*'))], resourcePolicy: doc({ Effect: 'Deny', NotPrincipal: { AWS: [ALICE] }, Action: 'sqs:*', Resource: Q }), callerArn: BOB }, 'sqs:SendMessage', Q, X),
  req('Principal: Deny with NotPrincipal exempts the named principal', { policies: [doc(allow('sqs:*'))], resourcePolicy: doc({ Effect: 'Deny', NotPrincipal: { AWS: [ALICE] }, Action: 'sqs:*', Resource: Q }), callerArn: ALICE }, 'sqs:SendMessage', Q, A),
  req('Principal: resource policy statement for another resource does not apply', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: ALICE }, 'sqs:SendMessage', `arn:aws:sqs:us-east-1:${ACCT}:other`)), callerArn: ALICE }, 'sqs:SendMessage', Q, I),
  req('Principal: resource policy with aws:PrincipalArn condition and Principal "*"', { policies: [], resourcePolicy: doc(rstmt('Allow', '*', 'sqs:SendMessage', Q, { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:user/a*` } })), callerArn: ALICE, context: [c('aws:PrincipalArn', ALICE)] }, 'sqs:SendMessage', Q, A),

  // ---------------------------------------------------------------- Cross-account
  req('XAcct: identity allows but no resource policy → denied', { policies: [doc(allow('sqs:*'))], callerArn: XALICE }, 'sqs:SendMessage', Q, I),
  req('XAcct: both identity and resource policy allow (account principal) → allowed', { policies: [doc(allow('sqs:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: OTHER }, 'sqs:SendMessage', Q)), callerArn: XALICE }, 'sqs:SendMessage', Q, A),
  req('XAcct: resource policy allows the user but identity does not → denied', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: XALICE }, 'sqs:SendMessage', Q)), callerArn: XALICE }, 'sqs:SendMessage', Q, I),
  req('XAcct: resource policy names the user and identity allows → allowed', { policies: [doc(allow('sqs:SendMessage', Q))], resourcePolicy: doc(rstmt('Allow', { AWS: XALICE }, 'sqs:SendMessage', Q)), callerArn: XALICE }, 'sqs:SendMessage', Q, A),
  req('XAcct: resource policy names the trusted account\'s root ARN', { policies: [doc(allow('sqs:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: `arn:aws:iam::${OTHER}:root` }, 'sqs:SendMessage', Q)), callerArn: XALICE }, 'sqs:SendMessage', Q, A),
  req('XAcct: resource policy names a different account → denied', { policies: [doc(allow('sqs:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: ACCT }, 'sqs:SendMessage', Q)), callerArn: XALICE }, 'sqs:SendMessage', Q, I),
  req('XAcct: identity boundary still applies cross-account', { policies: [doc(allow('sqs:*'))], permissionsBoundaries: [doc(allow('ec2:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: XALICE }, 'sqs:SendMessage', Q)), callerArn: XALICE }, 'sqs:SendMessage', Q, I),
  req('XAcct: explicit deny in the resource policy', { policies: [doc(allow('sqs:*'))], resourcePolicy: doc(rstmt('Allow', { AWS: OTHER }, 'sqs:*', Q), rstmt('Deny', { AWS: OTHER }, 'sqs:DeleteQueue', Q)), callerArn: XALICE }, 'sqs:DeleteQueue', Q, X),
  req('XAcct: Principal "*" plus identity allow', { policies: [doc(allow('sqs:*'))], resourcePolicy: doc(rstmt('Allow', '*', 'sqs:SendMessage', Q)), callerArn: XALICE }, 'sqs:SendMessage', Q, A),
  req('XAcct: resourceOwner given for an S3 ARN without account (other account, no resource policy) → denied', { policies: [doc(allow('s3:*'))], callerArn: XALICE, resourceOwner: ACCT }, 's3:GetObject', B, I),
  req('XAcct: S3 ARN without account defaults to the caller\'s account → identity policy suffices', { policies: [doc(allow('s3:*'))], callerArn: XALICE }, 's3:GetObject', B, A),
  req('XAcct: resourceOwner equal to the caller\'s account → same account', { policies: [doc(allow('sqs:*'))], callerArn: ALICE, resourceOwner: ACCT }, 'sqs:SendMessage', Q, A),
  req('XAcct: S3 bucket policy grants the other account, identity allows', { policies: [doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*'))], resourcePolicy: doc(rstmt('Allow', { AWS: OTHER }, 's3:GetObject', 'arn:aws:s3:::bucket/*')), callerArn: XALICE, resourceOwner: ACCT }, 's3:GetObject', B, A),
  req('XAcct: no callerArn → evaluated as same account', { policies: [doc(allow('sqs:*'))] }, 'sqs:SendMessage', Q, A),
  // ---------------------------------------------------------------- More operator edge cases
  cond('JSON boolean value in Bool (unquoted false)', { Bool: { 'aws:SecureTransport': false } }, [c('aws:SecureTransport', 'false')], A),
  cond('JSON number value in Numeric (unquoted 10)', { NumericLessThan: { 's3:max-keys': 10 } }, [c('s3:max-keys', '5')], A),
  cond('Numeric decimal values compare numerically (10 = 10.0)', { NumericEquals: { 's3:max-keys': '10.0' } }, [c('s3:max-keys', '10')], A),
  cond('Numeric negative values', { NumericGreaterThan: { 'custom:n': '-5' } }, [ct('custom:n', 'NUMERIC', '-1')], A),
  cond('Numeric non-numeric context value does not match', { NumericLessThan: { 's3:max-keys': '10' } }, [c('s3:max-keys', 'abc')], I),
  cond('aws:MultiFactorAuthAge NumericLessThan 3600', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, [c('aws:MultiFactorAuthAge', '120')], A),
  cond('aws:MultiFactorAuthAge missing → false (no MFA)', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, [], I, ['aws:MultiFactorAuthAge']),
  cond('Date with milliseconds and offset', { DateLessThan: { 'aws:CurrentTime': '2020-04-01T00:00:00.000Z' } }, [c('aws:CurrentTime', '2020-03-31T23:00:00-02:00')], I),
  cond('Date date-only ISO value', { DateGreaterThan: { 'aws:CurrentTime': '2019-12-31' } }, [c('aws:CurrentTime', '2020-01-01T00:00:00Z')], A),
  cond('Date range: two operators ANDed', { DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' }, DateLessThan: { 'aws:CurrentTime': '2020-06-30T23:59:59Z' } }, [c('aws:CurrentTime', '2020-07-01T00:00:00Z')], I),
  cond('Date range: inside', { DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' }, DateLessThan: { 'aws:CurrentTime': '2020-06-30T23:59:59Z' } }, [c('aws:CurrentTime', '2020-05-01T12:00:00Z')], A),
  cond('Bool compares case-insensitively ("True")', { Bool: { 'aws:SecureTransport': 'True' } }, [c('aws:SecureTransport', 'true')], A),
  cond('Bool several values ORed', { Bool: { 'aws:SecureTransport': ['true', 'false'] } }, [c('aws:SecureTransport', 'false')], A),
  cond('IpAddress IPv6 compressed vs expanded forms', { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, [c('aws:SourceIp', '2001:0db8:0000:0000:0000:0000:0000:0001')], A),
  cond('IpAddress 0.0.0.0/0 matches every IPv4', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, [c('aws:SourceIp', '8.8.8.8')], A),
  cond('IpAddress /32 other host', { IpAddress: { 'aws:SourceIp': '203.0.113.5/32' } }, [c('aws:SourceIp', '203.0.113.6')], I),
  cond('NotIpAddress several ranges: inside one → false', { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } }, [c('aws:SourceIp', '192.0.2.9')], I),
  cond('ArnLike: * in the region segment does not cross colons', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:topic' } }, [c('aws:SourceArn', 'arn:aws:sns:us-east-1:123456789012:topic')], I),
  cond('ArnLike: * in the resource segment crosses / and :', { ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:us-east-1:123456789012:function:*' } }, [c('aws:SourceArn', 'arn:aws:lambda:us-east-1:123456789012:function:f:1')], A),
  cond('ArnEquals is case-sensitive', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:Topic' } }, [c('aws:SourceArn', 'arn:aws:sns:us-east-1:123456789012:topic')], I),
  cond('ArnEquals with a wildcard behaves as ArnLike', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:*' } }, [c('aws:SourceArn', 'arn:aws:sns:us-east-1:123456789012:topic')], A),
  cond('ArnLike on a value that is not an ARN does not match', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } }, [c('aws:SourceArn', 'not-an-arn')], I),
  cond('StringLike with * only matches anything (present key)', { StringLike: { 's3:prefix': '*' } }, [c('s3:prefix', '')], A),
  cond('StringEquals empty string value', { StringEquals: { 's3:prefix': '' } }, [c('s3:prefix', '')], A),
  cond('StringEquals does not treat * as wildcard', { StringEquals: { 's3:prefix': 'home/*' } }, [c('s3:prefix', 'home/alice')], I),
  cond('StringEquals with * matches a literal *', { StringEquals: { 's3:prefix': 'home/*' } }, [c('s3:prefix', 'home/*')], A),
  cond('StringLike several patterns ORed', { StringLike: { 's3:prefix': ['', 'home/', 'home/alice/*'] } }, [c('s3:prefix', 'home/')], A),
  cond('aws:ResourceTag key name is case-insensitive in policy', { StringEquals: { 'aws:resourcetag/department': 'Finance' } }, [c('aws:ResourceTag/Department', 'Finance')], A),
  cond('Null with several keys ANDed', { Null: { 'aws:TokenIssueTime': 'true', 'aws:SourceIp': 'false' } }, [c('aws:SourceIp', '1.2.3.4')], A),
  cond('Null true for a key present with an empty list', { Null: { 'aws:TagKeys': 'true' } }, [ct('aws:TagKeys', 'STRING_LIST')], A),
  cond('Unknown operator → condition false', { StringEqualsLoosely: { 's3:prefix': 'x' } }, [c('s3:prefix', 'x')], I),

  // ---------------------------------------------------------------- Several boundaries (contract: each must allow)
  req('PB (contract: "each must also allow"; AWS attaches one boundary per entity): s3 allowed by only one of two boundaries → implicit deny', { policies: [ALLOW_ALL], permissionsBoundaries: [doc(allow('s3:*')), doc(allow('ec2:*'))] }, 's3:GetObject', B, I),
  req('PB (contract): several boundaries all allowing', { policies: [ALLOW_ALL], permissionsBoundaries: [doc(allow('s3:*')), doc(allow('s3:Get*'))] }, 's3:GetObject', B, A),
  // ---------------------------------------------------------------- Amazon Connect documentation policies
  req('Connect 002: Deny DeleteUser on the instance agents beats connect:*', { policies: [doc(allow('connect:*')), CONNECT_DENY_DELETE_UPDATE] }, 'connect:DeleteUser', `${CONNECT_INSTANCE}/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1`, X),
  req('Connect 002: Deny UpdateUser* covers UpdateUserHierarchy', { policies: [doc(allow('connect:*')), CONNECT_DENY_DELETE_UPDATE] }, 'connect:UpdateUserHierarchy', `${CONNECT_INSTANCE}/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1`, X),
  req('Connect 002: Deny UpdateUser* covers UpdateUserSecurityProfiles', { policies: [doc(allow('connect:*')), CONNECT_DENY_DELETE_UPDATE] }, 'connect:UpdateUserSecurityProfiles', `${CONNECT_INSTANCE}/agent/u2`, X),
  req('Connect 002: DescribeUser in that instance stays allowed by connect:*', { policies: [doc(allow('connect:*')), CONNECT_DENY_DELETE_UPDATE] }, 'connect:DescribeUser', `${CONNECT_INSTANCE}/agent/u2`, A),
  req('Connect 002: DeleteUser in another instance is not denied', { policies: [doc(allow('connect:*')), CONNECT_DENY_DELETE_UPDATE] }, 'connect:DeleteUser', 'arn:aws:connect:us-east-1:123456789012:instance/other/agent/u2', A),
  req('Connect 002: the Deny policy alone grants nothing (DescribeUser implicit deny)', { policies: [CONNECT_DENY_DELETE_UPDATE] }, 'connect:DescribeUser', `${CONNECT_INSTANCE}/agent/u2`, I),
  req('Connect 002: Deny on agents does not cover the instance ARN itself', { policies: [doc(allow('connect:*')), CONNECT_DENY_DELETE_UPDATE] }, 'connect:DeleteUser', CONNECT_INSTANCE, A),
  req('Connect 002: action names in the Deny are case-insensitive (connect:deleteuser)', { policies: [doc(allow('connect:*')), CONNECT_DENY_DELETE_UPDATE] }, 'connect:deleteuser', `${CONNECT_INSTANCE}/agent/u2`, X),
  {
    name: 'Connect 002: CreateUser allowed but denied for one security profile — verbatim text has trailing commas: MALFORMED_POLICY_DOCUMENT (AMBIGUOUS position: reported at line 10, the } after the trailing comma on line 9)',
    input: { policies: [CONNECT_CREATE_USER_VERBATIM], actions: ['connect:CreateUser'], resources: ['*'] },
    expected: { decisions: [], error: { policy: 'policies[0]', line: 10 } },
  },
  req('Connect 002: CreateUser with the denied security profile → explicit deny', { policies: [CONNECT_CREATE_USER] }, 'connect:CreateUser', `${CONNECT_SP_INSTANCE}/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17`, X),
  req('Connect 002: CreateUser with another security profile → allowed', { policies: [CONNECT_CREATE_USER] }, 'connect:CreateUser', `${CONNECT_SP_INSTANCE}/security-profile/other`, A),
  req('Connect 002: CreateUser on the instance → allowed', { policies: [CONNECT_CREATE_USER] }, 'connect:CreateUser', CONNECT_SP_INSTANCE, A),
  {
    name: 'Connect 002: CreateUser on the instance and the denied profile in one request list',
    input: { policies: [CONNECT_CREATE_USER], actions: ['connect:CreateUser', 'connect:DeleteUser'], resources: [CONNECT_SP_INSTANCE, `${CONNECT_SP_INSTANCE}/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17`] },
    expected: { decisions: [A, X, I, I] },
  },
  req('Connect 002: StartContactRecording with placeholder account "accountID" matches no real contact', { policies: [CONNECT_RECORDING] }, 'connect:StartContactRecording', 'arn:aws:connect:us-west-2:123456789012:instance/i-1/contact/c-1', I),
  req('Connect 002: StartContactRecording matches the placeholder ARN literally', { policies: [CONNECT_RECORDING] }, 'connect:StartContactRecording', 'arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/c-1', A),
  req('Connect 002: StartContactRecording on instance/i-1/contact/* with real account', { policies: [CONNECT_RECORDING_REAL] }, 'connect:StartContactRecording', 'arn:aws:connect:us-west-2:123456789012:instance/i-1/contact/c-1', A),
  req('Connect 002: StopContactRecording not in the recording policy', { policies: [CONNECT_RECORDING_REAL] }, 'connect:StopContactRecording', 'arn:aws:connect:us-west-2:123456789012:instance/i-1/contact/c-1', I),
  req('Connect 002: StartContactRecording on another instance\'s contact', { policies: [CONNECT_RECORDING_REAL] }, 'connect:StartContactRecording', 'arn:aws:connect:us-west-2:123456789012:instance/i-2/contact/c-1', I),
  req('Connect 002: StartContactRecording in another region', { policies: [CONNECT_RECORDING_REAL] }, 'connect:StartContactRecording', 'arn:aws:connect:us-east-1:123456789012:instance/i-1/contact/c-1', I),
  req('Connect 002: connect:* on instance/*/contact/* allows StopContact on any instance\'s contact', { policies: [CONNECT_ALL_CONTACTS] }, 'connect:StopContact', 'arn:aws:connect:us-west-2:123456789012:instance/i-9/contact/c-1', A),
  req('Connect 002: connect:* on contacts does not cover agents', { policies: [CONNECT_ALL_CONTACTS] }, 'connect:DescribeUser', 'arn:aws:connect:us-west-2:123456789012:instance/i-9/agent/u-1', I),
  req('Connect 002: connect:* on contacts does not cover other services', { policies: [CONNECT_ALL_CONTACTS] }, 'profile:GetDomain', 'arn:aws:connect:us-west-2:123456789012:instance/i-9/contact/c-1', I),
  req('Connect 000: DescribeUser with aws:ResourceTag/Department = Test', { policies: [CONNECT_TAG_DEPARTMENT], context: [c('aws:ResourceTag/Department', 'Test')] }, 'connect:DescribeUser', `${CONNECT_INSTANCE}/agent/u1`, A),
  req('Connect 000: DescribeUser with Department = Finance', { policies: [CONNECT_TAG_DEPARTMENT], context: [c('aws:ResourceTag/Department', 'Finance')] }, 'connect:DescribeUser', `${CONNECT_INSTANCE}/agent/u1`, I),
  req('Connect 000: Department tag value is case-sensitive (test ≠ Test)', { policies: [CONNECT_TAG_DEPARTMENT], context: [c('aws:ResourceTag/Department', 'test')] }, 'connect:DescribeUser', `${CONNECT_INSTANCE}/agent/u1`, I),
  req('Connect 000: Department tag missing → implicit deny, key reported', { policies: [CONNECT_TAG_DEPARTMENT] }, 'connect:DescribeUser', `${CONNECT_INSTANCE}/agent/u1`, I, ['aws:ResourceTag/Department']),
  req('Connect 000: UpdateUserPhoneConfig matches UpdateUser* with the tag', { policies: [CONNECT_TAG_DEPARTMENT], context: [c('aws:ResourceTag/Department', 'Test')] }, 'connect:UpdateUserPhoneConfig', `${CONNECT_INSTANCE}/agent/u1`, A),
  req('Connect 000: DeleteUser not granted by the tag policy', { policies: [CONNECT_TAG_DEPARTMENT], context: [c('aws:ResourceTag/Department', 'Test')] }, 'connect:DeleteUser', `${CONNECT_INSTANCE}/agent/u1`, I),
  req('Connect 000 + 002: tag allow plus the instance Deny → explicit deny on UpdateUser*', { policies: [CONNECT_TAG_DEPARTMENT, CONNECT_DENY_DELETE_UPDATE], context: [c('aws:ResourceTag/Department', 'Test')] }, 'connect:UpdateUserIdentityInfo', `${CONNECT_INSTANCE}/agent/u1`, X),
  req('Connect 000: CreateUser with aws:RequestTag/Owner = TeamA', { policies: [CONNECT_REQUEST_TAG], context: [c('aws:RequestTag/Owner', 'TeamA')] }, 'connect:CreateUser', CONNECT_INSTANCE, A),
  req('Connect 000: CreateUser with Owner = TeamB', { policies: [CONNECT_REQUEST_TAG], context: [c('aws:RequestTag/Owner', 'TeamB')] }, 'connect:CreateUser', CONNECT_INSTANCE, I),
  req('Connect 000: CreateUser without the request tag', { policies: [CONNECT_REQUEST_TAG] }, 'connect:CreateUser', CONNECT_INSTANCE, I, ['aws:RequestTag/Owner']),
  req('Connect 000: view own permissions — iam:GetUser on own user', { policies: [VIEW_OWN], context: [c('aws:username', 'alice')] }, 'iam:GetUser', ALICE, A),
  req('Connect 000: view own permissions — iam:GetUser on another user', { policies: [VIEW_OWN], context: [c('aws:username', 'alice')] }, 'iam:GetUser', BOB, I),
  req('Connect 000: view own permissions — any account (iam::*:user/alice)', { policies: [VIEW_OWN], context: [c('aws:username', 'alice')] }, 'iam:ListGroupsForUser', XALICE, A),
  req('Connect 000: view own permissions — without aws:username, own-user statement cannot match', { policies: [VIEW_OWN] }, 'iam:GetUser', ALICE, I, ['aws:username']),
  req('Connect 000: view own permissions — ListUsers on *', { policies: [VIEW_OWN] }, 'iam:ListUsers', '*', A),
  req('Connect 000: view own permissions — CreateUser not granted', { policies: [VIEW_OWN], context: [c('aws:username', 'alice')] }, 'iam:CreateUser', ALICE, I),
  req('Connect 000: app-integrations GetEventIntegration allowed', { policies: [CONNECT_APPINTEGRATIONS] }, 'app-integrations:GetEventIntegration', 'arn:aws:app-integrations:us-west-2:123456789012:event-integration/x', A),
  req('Connect 000 quirk: misspelt app-integartions:DeleteEventIntegration grants nothing', { policies: [CONNECT_APPINTEGRATIONS] }, 'app-integrations:DeleteEventIntegration', 'arn:aws:app-integrations:us-west-2:123456789012:event-integration/x', I),
  req('Connect 002 quirk: resource ARN with service "appintegrations" does not match real app-integrations ARNs', { policies: [CONNECT_APPINTEGRATIONS_PREFIX] }, 'app-integrations:GetEventIntegration', 'arn:aws:app-integrations:us-west-2:123456789012:event-integration/MyNamePrefix-1', I),
  req('Connect 002: appintegrations name-prefix pattern matches its own spelling', { policies: [CONNECT_APPINTEGRATIONS_PREFIX] }, 'app-integrations:GetEventIntegration', 'arn:aws:appintegrations:us-west-2:123456789012:event-integration/MyNamePrefix-1', A),
  req('Connect 002: appintegrations name prefix is case-sensitive', { policies: [CONNECT_APPINTEGRATIONS_PREFIX] }, 'app-integrations:GetEventIntegration', 'arn:aws:appintegrations:us-west-2:123456789012:event-integration/mynameprefix-1', I),
  req('Connect 004 quirk: "Resource": "" matches no real resource', { policies: [CP_SLR], context: [c('cloudwatch:namespace', 'AWS/CustomerProfiles')] }, 'cloudwatch:PutMetricData', '*', I),
  req('Connect 001: campaigns tag policy with placeholder owner ARN does not match a real owner tag', { policies: [CAMPAIGN_TAG], context: [c('aws:ResourceTag/owner', 'arn:aws:connect:us-east-1:123456789012:instance/i-1')] }, 'connect-campaigns:DescribeCampaign', CAMPAIGN_ARN, I),
  req('Connect 001: campaigns tag policy matches the exact owner value', { policies: [CAMPAIGN_TAG], context: [c('aws:ResourceTag/owner', 'arn:aws:connect:region:customer_account_id:instance/connect_instance_id')] }, 'connect-campaigns:GetCampaignState', CAMPAIGN_ARN, A),
  req('Connect 001: ListCampaigns not in the tag policy', { policies: [CAMPAIGN_TAG], context: [c('aws:ResourceTag/owner', 'arn:aws:connect:region:customer_account_id:instance/connect_instance_id')] }, 'connect-campaigns:ListCampaigns', '*', I),
  req('Connect 004: profile domain pattern arn:aws:profile:*:*:domains/amazon-connect-*', { policies: [doc(allow('profile:GetMatches', 'arn:aws:profile:*:*:domains/amazon-connect-*'))] }, 'profile:GetMatches', 'arn:aws:profile:us-east-1:123456789012:domains/amazon-connect-d1', A),
  req('Connect 004: profile domain pattern other domain', { policies: [doc(allow('profile:GetMatches', 'arn:aws:profile:*:*:domains/amazon-connect-*'))] }, 'profile:GetMatches', 'arn:aws:profile:us-east-1:123456789012:domains/other', I),
  req('Connect 004: s3 amazon-connect-* bucket pattern', { policies: [doc(allow(['s3:CreateBucket', 's3:GetBucketAcl'], 'arn:aws:s3:::amazon-connect-*'))] }, 's3:GetBucketAcl', 'arn:aws:s3:::amazon-connect-abc', A),
  req('Connect 004: s3 amazon-connect-* bucket pattern vs GetObject', { policies: [doc(allow(['s3:CreateBucket', 's3:GetBucketAcl'], 'arn:aws:s3:::amazon-connect-*'))] }, 's3:GetObject', 'arn:aws:s3:::amazon-connect-abc/key', I),
  // ---------------------------------------------------------------- missingContextKeys (AWS simulator's MissingContextValues)
  cond('missing: every unsupplied key of the matching statement is reported', { StringEquals: { 'aws:PrincipalTag/a': 'x' }, Bool: { 'aws:SecureTransport': 'true' } }, [], I, ['aws:PrincipalTag/a', 'aws:SecureTransport']),
  cond('missing: supplied keys are not reported', { StringEquals: { 'aws:PrincipalTag/a': 'x' }, Bool: { 'aws:SecureTransport': 'true' } }, [c('aws:SecureTransport', 'true')], I, ['aws:PrincipalTag/a']),
  cond('missing: IfExists keys are reported although the condition holds', { StringEqualsIfExists: { 'ec2:InstanceType': 't2.micro' } }, [], A, ['ec2:InstanceType']),
  cond('missing: Null-checked key reported', { Null: { 'aws:TokenIssueTime': 'true' } }, [], A, ['aws:TokenIssueTime']),
  cond('missing: ForAllValues key reported (condition true)', { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' } }, [], A, ['aws:TagKeys']),
  cond('missing: negated operator key reported (condition true)', { StringNotEquals: { 'aws:PrincipalTag/a': 'x' } }, [], A, ['aws:PrincipalTag/a']),
  cond('missing: nothing missing → empty list', { StringEquals: { 'aws:PrincipalTag/a': 'x' } }, [c('aws:PrincipalTag/a', 'x')], A, []),
  cond('missing: variable key in a condition value is reported', { StringEquals: { 's3:prefix': '${aws:username}' } }, [c('s3:prefix', 'alice')], I, ['aws:username']),
  one('missing: keys of statements for other actions are not reported', doc({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/a': 'x' } } }), 's3:GetObject', B, [], I, []),
  one('missing: keys of statements for other resources are not reported', doc(allow('s3:GetObject', 'arn:aws:s3:::other/*', { StringEquals: { 'aws:PrincipalTag/a': 'x' } })), 's3:GetObject', B, [], I, []),
  one('missing: a Deny statement\'s missing key is reported', doc(allow('*'), deny('s3:GetObject', '*', { StringEquals: { 'aws:PrincipalTag/a': 'x' } })), 's3:GetObject', B, [], A, ['aws:PrincipalTag/a']),
  one('missing: reported from another Allow even when the request is allowed', doc(allow('*'), allow('s3:GetObject', '*', { StringEquals: { 'aws:PrincipalTag/a': 'x' } })), 's3:GetObject', B, [], A, ['aws:PrincipalTag/a']),
  one('missing: Deny StringNotEquals aws:RequestedRegion absent → denied and key reported', doc(allow('*'), deny('s3:GetObject', '*', { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } })), 's3:GetObject', B, [], X, ['aws:RequestedRegion']),
  // "IAM policy elements: Variables and tags", "Policy variables with no value": a NotResource
  // entry with a variable that has no value matches no resource, so the NotResource matches.
  one('Policy variables with no value: a NotResource entry with one matches nothing, so NotResource applies (key reported)', doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b/${aws:username}/*' }), 's3:GetObject', 'arn:aws:s3:::b/k', [], A, ['aws:username']),
  one('Policy variables with no value: a NotResource Deny with one applies to everything', doc(allow('*'), { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::home/${aws:username}/*' }), 's3:GetObject', 'arn:aws:s3:::home/alice/k', [], X, ['aws:username']),
  one('Policy variables with no value: a Resource entry with one matches no resource', doc(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*')), 's3:GetObject', 'arn:aws:s3:::home/alice/k', [], I, ['aws:username']),
  one('Policy variables with no value: the default ${aws:username, \'x\'} is used instead', doc(allow('s3:GetObject', "arn:aws:s3:::home/${aws:username, 'shared'}/*")), 's3:GetObject', 'arn:aws:s3:::home/shared/k', [], A),
  cond('Policy variables with no value: StringEquals against it does not match', { StringEquals: { 's3:prefix': '${aws:PrincipalTag/team}' } }, [c('s3:prefix', 'x')], I, ['aws:PrincipalTag/team']),
  cond('Policy variables with no value: StringLike against it does not match', { StringLike: { 's3:prefix': '${aws:PrincipalTag/team}/*' } }, [c('s3:prefix', 'x/y')], I, ['aws:PrincipalTag/team']),
  cond('Policy variables with no value: StringNotEquals against it matches', { StringNotEquals: { 's3:prefix': '${aws:PrincipalTag/team}' } }, [c('s3:prefix', 'x')], A, ['aws:PrincipalTag/team']),
  cond('Policy variables with no value: StringNotLike against it matches', { StringNotLike: { 's3:prefix': '${aws:PrincipalTag/team}/*' } }, [c('s3:prefix', 'x/y')], A, ['aws:PrincipalTag/team']),
  one('Policy variables with no value: Deny StringNotEquals s3:ExistingObjectTag/Team vs ${aws:PrincipalTag/Team} denies a principal without the tag', doc(allow('*'), deny('s3:GetObject', '*', { StringNotEquals: { 's3:ExistingObjectTag/Team': '${aws:PrincipalTag/Team}' } })), 's3:GetObject', B, [c('s3:ExistingObjectTag/Team', 'blue')], X, ['aws:PrincipalTag/Team']),
  // "IAM JSON policy elements: Resource", "Using wildcards in resource ARNs": a `*` that is the
  // last character of a segment can expand beyond colon boundaries; other wildcards cannot.
  one('Resource wildcards: a * last in its segment matches across colons', doc(allow('logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:app*')), 'logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:app-1:log-stream:s1', [], A),
  one('Resource wildcards: a * in the middle of a segment does not match a colon', doc(allow('logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:a*1:log-stream:s1')), 'logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:a:b1:log-stream:s1', [], I),
  one('Resource wildcards: a ? does not match a colon', doc(allow('logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:a?b:log-stream:s1')), 'logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:a:b:log-stream:s1', [], I),
  one('Resource wildcards: a * region segment may span into the account', doc(allow('sqs:SendMessage', 'arn:aws:sqs:*:queue1')), 'sqs:SendMessage', 'arn:aws:sqs:us-east-2:111122223333:queue1', [], A),

  // ---------------------------------------------------------------- More set operators
  cond('Multi: ForAnyValue with negated operator and missing key is false', { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'a' } }, [], I),
  cond('Multi: ForAllValues with negated operator and missing key is true', { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': 'a' } }, [], A),
  cond('Multi: ForAnyValue:...IfExists with missing key is true', { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'a' } }, [], A),
  cond('Multi: ForAllValues on a single-valued key behaves as a set of one', { 'ForAllValues:StringEquals': { 'aws:PrincipalTag/x': ['a', 'b'] } }, [c('aws:PrincipalTag/x', 'a')], A),
  cond('Multi: ForAllValues:StringEqualsIgnoreCase', { 'ForAllValues:StringEqualsIgnoreCase': { 'aws:TagKeys': ['Env', 'Owner'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'ENV', 'owner')], A),
  cond('Multi: ForAnyValue:StringNotLike', { 'ForAnyValue:StringNotLike': { 'aws:TagKeys': 'key1*' } }, [ct('aws:TagKeys', 'STRING_LIST', 'key1:a', 'key2:b')], A),
  cond('Multi: ForAllValues:StringLike with several patterns', { 'ForAllValues:StringLike': { 'aws:TagKeys': ['env*', 'cost*'] } }, [ct('aws:TagKeys', 'STRING_LIST', 'environment', 'cost-center')], A),
  cond('Multi: ForAllValues plus ForAnyValue on the same key (AND)', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b', 'c'] }, 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } }, [ct('aws:TagKeys', 'STRING_LIST', 'b', 'c')], I),
  cond('Multi: ForAnyValue:ArnLike on a list', { 'ForAnyValue:ArnLike': { 'custom:arns': 'arn:aws:s3:::bucket/*' } }, [ct('custom:arns', 'STRING_LIST', 'arn:aws:s3:::other/a', 'arn:aws:s3:::bucket/b')], A),
  cond('Multi: ForAllValues:DateLessThan on a list', { 'ForAllValues:DateLessThan': { 'custom:dates': '2021-01-01T00:00:00Z' } }, [ct('custom:dates', 'DATE_LIST', '2020-01-01T00:00:00Z', '2020-06-01T00:00:00Z')], A),
  cond('Multi: ForAnyValue:Bool', { 'ForAnyValue:Bool': { 'custom:flags': 'true' } }, [ct('custom:flags', 'BOOLEAN_LIST', 'false', 'true')], A),

  // ---------------------------------------------------------------- More operator details
  cond('Numeric several policy values ORed', { NumericEquals: { 's3:max-keys': ['5', '10'] } }, [c('s3:max-keys', '10')], A),
  cond('NumericNotEquals several values: equal to one → false', { NumericNotEquals: { 's3:max-keys': ['5', '10'] } }, [c('s3:max-keys', '10')], I),
  cond('Date with offset compares the instant', { DateLessThan: { 'aws:CurrentTime': '2020-04-01T01:00:00+02:00' } }, [c('aws:CurrentTime', '2020-03-31T23:30:00Z')], I),
  cond('Date invalid context value does not match', { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, [c('aws:CurrentTime', 'yesterday')], I),
  cond('Bool context value TRUE (case-insensitive)', { Bool: { 'aws:SecureTransport': 'true' } }, [c('aws:SecureTransport', 'TRUE')], A),
  cond('BinaryEquals several values ORed', { BinaryEquals: { 'key': ['QUJD', 'REVG'] } }, [ct('key', 'BINARY', 'REVG')], A),
  cond('BinaryEquals missing key', { BinaryEquals: { 'key': 'QUJD' } }, [], I, ['key']),
  cond('IpAddress aws:SourceIp IPv6 policy range vs IPv4 request', { IpAddress: { 'aws:SourceIp': '::/0' } }, [c('aws:SourceIp', '2001:db8::1')], A),
  cond('StringLike combining a variable and a wildcard', { StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, [c('aws:username', 'alice'), c('s3:prefix', 'home/alice/')], A),
  cond('StringLike variable value is literal (no wildcard from the value)', { StringLike: { 's3:prefix': 'home/${aws:username}' } }, [c('aws:username', 'a?'), c('s3:prefix', 'home/ab')], I),
  cond('ArnLike with a variable (aws:SourceAccount in the account field of a condition value)', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:${aws:SourceAccount}:*' } }, [c('aws:SourceAccount', '123456789012'), c('aws:SourceArn', 'arn:aws:sns:us-east-1:123456789012:t')], A),
  cond('ArnEquals against aws:PrincipalArn via variable', { ArnEquals: { 'aws:SourceArn': '${aws:PrincipalArn}' } }, [c('aws:PrincipalArn', ALICE), c('aws:SourceArn', ALICE)], A),
  cond('StringEquals: policy key with different case, context key lower-case', { StringEquals: { 'AWS:SourceVpce': 'vpce-1a2b3c4d' } }, [c('aws:sourcevpce', 'vpce-1a2b3c4d')], A),
  cond('StringEquals aws:SourceVpce different endpoint', { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, [c('aws:SourceVpce', 'vpce-9999')], I),
  cond('StringEquals aws:PrincipalOrgID', { StringEquals: { 'aws:PrincipalOrgID': 'o-xxxxxxxxxx' } }, [c('aws:PrincipalOrgID', 'o-xxxxxxxxxx')], A),
  cond('ForAnyValue:StringLike aws:PrincipalOrgPaths', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } }, [c('aws:PrincipalOrgPaths', 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/ou-ab12-22222222/')], A),

  // ---------------------------------------------------------------- More evaluation / structure
  req('Eval: Statement may be a single object', { policies: [JSON.stringify({ Version: '2012-10-17', Statement: allow('s3:GetObject') })] }, 's3:GetObject', B, A),
  req('Vars: variables are not allowed in Action (treated literally)', { policies: [doc(allow('s3:${aws:username}'))], context: [c('aws:username', 'GetObject')] }, 's3:GetObject', B, I),
  req('Eval: Deny with IfExists applies when the key is missing', { policies: [doc(allow('*'), deny('ec2:RunInstances', '*', { StringNotEqualsIfExists: { 'ec2:InstanceType': 't2.micro' } }))] }, 'ec2:RunInstances', '*', X),
  req('Eval: Deny with ForAnyValue on a missing key does not apply', { policies: [doc(allow('*'), deny('iam:TagUser', '*', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'admin' } }))] }, 'iam:TagUser', ALICE, A),
  req('Eval: Deny when MFA age key is Null', { policies: [doc(allow('*'), deny('ec2:StopInstances', '*', { Null: { 'aws:MultiFactorAuthAge': 'true' } }))] }, 'ec2:StopInstances', '*', X),
  req('Eval: Deny when MFA age key is Null — present', { policies: [doc(allow('*'), deny('ec2:StopInstances', '*', { Null: { 'aws:MultiFactorAuthAge': 'true' } }))], context: [c('aws:MultiFactorAuthAge', '30')] }, 'ec2:StopInstances', '*', A),
  req('SCP: a level with no SCP cannot allow', { policies: [ALLOW_ALL], serviceControlPolicies: [[]] }, 's3:GetObject', B, I),
  req('SCP: empty list of levels means no SCPs', { policies: [ALLOW_ALL], serviceControlPolicies: [] }, 's3:GetObject', B, A),
  req('SCP: SCP condition on aws:PrincipalArn exempting an admin role', { policies: [ALLOW_ALL], serviceControlPolicies: [[ALLOW_ALL, doc(deny('s3:DeleteBucket', '*', { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/Admin` } }))]], context: [c('aws:PrincipalArn', ROLE)] }, 's3:DeleteBucket', 'arn:aws:s3:::b', X),
  req('SCP: SCP exemption holds for the admin role', { policies: [ALLOW_ALL], serviceControlPolicies: [[ALLOW_ALL, doc(deny('s3:DeleteBucket', '*', { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/Admin` } }))]], context: [c('aws:PrincipalArn', `arn:aws:iam::${ACCT}:role/Admin`)] }, 's3:DeleteBucket', 'arn:aws:s3:::b', A),
  req('Principal: resource "*" with no account → owner is the caller\'s account', { policies: [], callerArn: ALICE, resourcePolicy: doc(rstmt('Allow', { AWS: ALICE }, 's3:GetObject', '*')) }, 's3:GetObject', '*', A),
  req('Principal: the role ARN as caller matches a resource policy naming the role', { policies: [], callerArn: ROLE, resourcePolicy: doc(rstmt('Allow', { AWS: ROLE }, 's3:GetObject', '*')) }, 's3:GetObject', B, A),
  req('Principal: CanonicalUser principals never match an IAM caller', { policies: [], callerArn: ALICE, resourcePolicy: doc(rstmt('Allow', { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }, 's3:GetObject', '*')) }, 's3:GetObject', B, I),
  req('Principal: without a caller, a resource policy naming a user cannot match', { policies: [], resourcePolicy: doc(rstmt('Allow', { AWS: ALICE }, 's3:GetObject', '*')) }, 's3:GetObject', B, I),
  req('Principal: federated user session named by its ARN', { policies: [], callerArn: `arn:aws:sts::${ACCT}:federated-user/Bob`, resourcePolicy: doc(rstmt('Allow', { AWS: `arn:aws:sts::${ACCT}:federated-user/Bob` }, 's3:GetObject', '*')) }, 's3:GetObject', B, A),
  req('Principal: Principal "*" with a Deny applies to everyone', { policies: [ALLOW_ALL], callerArn: ALICE, resourcePolicy: doc(rstmt('Deny', '*', 's3:GetObject', '*', { Bool: { 'aws:SecureTransport': 'false' } })), context: [c('aws:SecureTransport', 'false')] }, 's3:GetObject', B, X),
  req('Principal: Principal "*" Deny with SecureTransport true does not apply', { policies: [ALLOW_ALL], callerArn: ALICE, resourcePolicy: doc(rstmt('Deny', '*', 's3:GetObject', '*', { Bool: { 'aws:SecureTransport': 'false' } })), context: [c('aws:SecureTransport', 'true')] }, 's3:GetObject', B, A),
  req('XAcct: role session of another account named by its session ARN, identity allows', { policies: [ALLOW_ALL], callerArn: `arn:aws:sts::${OTHER}:assumed-role/app/s1`, resourcePolicy: doc(rstmt('Allow', { AWS: `arn:aws:sts::${OTHER}:assumed-role/app/s1` }, 'sqs:SendMessage', Q)) }, 'sqs:SendMessage', Q, A),
  req('XAcct: role of another account named by its role ARN, identity allows', { policies: [ALLOW_ALL], callerArn: `arn:aws:sts::${OTHER}:assumed-role/app/s1`, resourcePolicy: doc(rstmt('Allow', { AWS: `arn:aws:iam::${OTHER}:role/app` }, 'sqs:SendMessage', Q)) }, 'sqs:SendMessage', Q, A),
  req('XAcct: SCP of the caller\'s account still applies', { policies: [ALLOW_ALL], serviceControlPolicies: [[doc(allow('ec2:*'))]], callerArn: XALICE, resourcePolicy: doc(rstmt('Allow', { AWS: XALICE }, 'sqs:SendMessage', Q)) }, 'sqs:SendMessage', Q, I),
  req('XAcct: resource policy Allow with a condition that fails', { policies: [ALLOW_ALL], callerArn: XALICE, resourcePolicy: doc(rstmt('Allow', { AWS: OTHER }, 'sqs:SendMessage', Q, { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } })), context: [c('aws:PrincipalOrgID', 'o-zzz')] }, 'sqs:SendMessage', Q, I),
  req('XAcct: resource policy Allow with a condition that holds', { policies: [ALLOW_ALL], callerArn: XALICE, resourcePolicy: doc(rstmt('Allow', '*', 'sqs:SendMessage', Q, { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } })), context: [c('aws:PrincipalOrgID', 'o-abc')] }, 'sqs:SendMessage', Q, A),
  // ---------------------------------------------------------------- ARN matching details
  one('Resource: a trailing * of a segment can expand beyond colon boundaries (arn:aws:sns:*)', doc(allow('sns:Publish', 'arn:aws:sns:*')), 'sns:Publish', 'arn:aws:sns:us-east-1:123456789012:topic', [], A),
  one('Resource: a trailing * of the account segment expands into the resource (arn:aws:sns:us-east-1:*)', doc(allow('sns:Publish', 'arn:aws:sns:us-east-1:*')), 'sns:Publish', 'arn:aws:sns:us-east-1:123456789012:topic', [], A),
  one('Resource: trailing * pattern for another region does not match', doc(allow('sns:Publish', 'arn:aws:sns:eu-west-1:*')), 'sns:Publish', 'arn:aws:sns:us-east-1:123456789012:topic', [], I),
  one('Resource: * matches across / inside the resource segment (bucket/*/test/*)', doc(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*')), 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg', [], A),
  one('Resource: bucket/*/test/* matches an empty first part (bucket//test/object.jpg)', doc(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*')), 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket//test/object.jpg', [], A),
  one('Resource: bucket/*/test/* does not match 1-test/object.jpg', doc(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*')), 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/1-test/object.jpg', [], I),
  one('Resource: bucket/*/test/* does not match test/object.jpg at the top', doc(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*')), 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/test/object.jpg', [], I),
  one('Resource: IAM user names are case-sensitive (user/Bob)', doc(allow('iam:GetUser', 'arn:aws:iam::123456789012:user/Bob')), 'iam:GetUser', 'arn:aws:iam::123456789012:user/bob', [], I),
  one('Resource: users under path /accounting/', doc(allow('iam:GetUser', 'arn:aws:iam::123456789012:user/accounting/*')), 'iam:GetUser', 'arn:aws:iam::123456789012:user/accounting/alice', [], A),
  cond('ArnLike aws:PrincipalArn arn:aws:iam::*:role/* matches a role', { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/*', 'arn:aws:ec2:*:*:instance/i-?????'] } }, [c('aws:PrincipalArn', 'arn:aws:iam::123456789012:role/AdminRole')], A),
  cond('ArnLike aws:PrincipalArn role pattern does not match a user', { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/*', 'arn:aws:ec2:*:*:instance/i-?????'] } }, [c('aws:PrincipalArn', 'arn:aws:iam::123456789012:user/User')], I),
  cond('ArnLike ? matches exactly one character (i-?????)', { ArnLike: { 'aws:SourceArn': 'arn:aws:ec2:*:*:instance/i-?????' } }, [c('aws:SourceArn', 'arn:aws:ec2:us-east-1:123456789012:instance/i-12345')], A),
  cond('ArnLike ? does not match six characters', { ArnLike: { 'aws:SourceArn': 'arn:aws:ec2:*:*:instance/i-?????' } }, [c('aws:SourceArn', 'arn:aws:ec2:us-east-1:123456789012:instance/i-123456')], I),
  cond('ArnLike value with fewer than six components matches nothing (FIXED: each component checked separately)', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:*' } }, [c('aws:SourceArn', 'arn:aws:sns:us-east-1:123456789012:topic')], I),
  cond('ArnNotLike value with fewer than six components: every ARN is "not like" it', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*' } }, [c('aws:SourceArn', 'arn:aws:sns:us-east-1:123456789012:topic')], A),
  req('CondOps: Deny ArnNotLike aws:PrincipalArn with the key absent → denied', { policies: [doc(allow('*'), deny('s3:*', '*', { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/*'] } }))] }, 's3:GetObject', B, X),
  req('CondOps: Deny ArnNotLike aws:PrincipalArn — a role is exempt', { policies: [doc(allow('*'), deny('s3:*', '*', { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/*'] } }))], context: [c('aws:PrincipalArn', ROLE)] }, 's3:GetObject', B, A),
  req('CondOps: Deny ArnLike aws:PrincipalArn with the key absent → not denied', { policies: [doc(allow('*'), deny('s3:*', '*', { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/*'] } }))] }, 's3:GetObject', B, A),
];
