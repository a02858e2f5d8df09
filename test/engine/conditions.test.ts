/**
 * Condition operators — "IAM JSON policy elements: Condition operators" (one test group per
 * section), "Conditions with multiple context keys or values" and "Single-valued vs multivalued
 * context keys".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/engine/evaluate.js';
import { BASE_OPERATOR_NAMES } from '../../src/engine/conditions/registry.js';
import type { ContextKeyType, EvaluationResult } from '../../src/engine/types.js';
import { ctx, request, stmt } from './doc.js';

type Ctx = Record<string, string | string[] | [string[], ContextKeyType]>;

/** Evaluates an Allow-everything statement guarded by one condition. */
function run(condition: Record<string, Record<string, string | string[]>>, context: Ctx = {}, effect = 'Allow'): EvaluationResult {
  const p = stmt('p', { Effect: effect, Action: '*', Resource: '*', Condition: condition });
  return evaluate(request('s3:GetObject', 'arn:aws:s3:::b/k', { context: ctx(context) }), { identityPolicies: [p] });
}

function allows(condition: Record<string, Record<string, string | string[]>>, context: Ctx = {}): boolean {
  return run(condition, context).decision === 'ALLOWED';
}

test('operators: every operator on the AWS page is known', () => {
  const expected = [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
    'Bool',
    'BinaryEquals',
    'IpAddress',
    'NotIpAddress',
    'ArnEquals',
    'ArnLike',
    'ArnNotEquals',
    'ArnNotLike',
  ];
  assert.deepEqual([...BASE_OPERATOR_NAMES].sort(), [...expected].sort());
});

test('String condition operators: StringEquals is exact and case-sensitive', () => {
  assert.equal(allows({ StringEquals: { 'aws:PrincipalTag/team': 'red' } }, { 'aws:PrincipalTag/team': 'red' }), true);
  assert.equal(allows({ StringEquals: { 'aws:PrincipalTag/team': 'red' } }, { 'aws:PrincipalTag/team': 'Red' }), false);
  assert.equal(allows({ StringEquals: { 'aws:PrincipalTag/team': 're*' } }, { 'aws:PrincipalTag/team': 'red' }), false);
  assert.equal(allows({ StringEquals: { 'aws:PrincipalTag/team': 're*' } }, { 'aws:PrincipalTag/team': 're*' }), true);
});

test('String condition operators: StringNotEquals negates; several values are NORed', () => {
  const c = { StringNotEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } };
  assert.equal(allows(c, { 'aws:PrincipalTag/team': 'green' }), true);
  assert.equal(allows(c, { 'aws:PrincipalTag/team': 'red' }), false);
  assert.equal(allows(c, { 'aws:PrincipalTag/team': 'blue' }), false);
});

test('String condition operators: IgnoreCase variants', () => {
  assert.equal(allows({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'RED' } }, { 'aws:PrincipalTag/team': 'red' }), true);
  assert.equal(allows({ StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'RED' } }, { 'aws:PrincipalTag/team': 'Red' }), false);
  assert.equal(allows({ StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'RED' } }, { 'aws:PrincipalTag/team': 'blue' }), true);
});

test('String condition operators: StringLike / StringNotLike with * and ?, case-sensitive', () => {
  const like = { StringLike: { 's3:prefix': ['home/*', 'doc?'] } };
  assert.equal(allows(like, { 's3:prefix': 'home/alice/x' }), true);
  assert.equal(allows(like, { 's3:prefix': 'docs' }), true);
  assert.equal(allows(like, { 's3:prefix': 'doc' }), false);
  assert.equal(allows(like, { 's3:prefix': 'Home/alice' }), false);
  const notLike = { StringNotLike: { 's3:prefix': ['home/*', 'tmp/*'] } };
  assert.equal(allows(notLike, { 's3:prefix': 'etc/x' }), true);
  assert.equal(allows(notLike, { 's3:prefix': 'tmp/x' }), false);
});

test('Numeric condition operators: all six, integers and decimals', () => {
  const k = 's3:max-keys';
  assert.equal(allows({ NumericEquals: { [k]: '10' } }, { [k]: '10.0' }), true);
  assert.equal(allows({ NumericEquals: { [k]: '10' } }, { [k]: '11' }), false);
  assert.equal(allows({ NumericNotEquals: { [k]: ['10', '20'] } }, { [k]: '15' }), true);
  assert.equal(allows({ NumericNotEquals: { [k]: ['10', '20'] } }, { [k]: '20' }), false);
  assert.equal(allows({ NumericLessThan: { [k]: '10' } }, { [k]: '9.5' }), true);
  assert.equal(allows({ NumericLessThan: { [k]: '10' } }, { [k]: '10' }), false);
  assert.equal(allows({ NumericLessThanEquals: { [k]: '10' } }, { [k]: '10' }), true);
  assert.equal(allows({ NumericGreaterThan: { [k]: '10' } }, { [k]: '10' }), false);
  assert.equal(allows({ NumericGreaterThan: { [k]: '10' } }, { [k]: '11' }), true);
  assert.equal(allows({ NumericGreaterThanEquals: { [k]: '-1.5' } }, { [k]: '-1.5' }), true);
  assert.equal(allows({ NumericEquals: { [k]: '10' } }, { [k]: 'ten' }), false, 'non-numbers match nothing');
});

test('Numeric condition operators: no policy variables ("You can not use a policy variable with the Numeric condition operator")', () => {
  assert.equal(allows({ NumericEquals: { 's3:max-keys': '${aws:PrincipalTag/n}' } }, { 's3:max-keys': '5', 'aws:PrincipalTag/n': '5' }), false);
});

test('Date condition operators: ISO 8601 (W3C) forms and epoch seconds', () => {
  const k = 'aws:CurrentTime';
  assert.equal(allows({ DateGreaterThan: { [k]: '2020-01-01T00:00:01Z' } }, { [k]: '2021-06-01T12:00:00Z' }), true);
  assert.equal(allows({ DateGreaterThan: { [k]: '2020-01-01T00:00:01Z' } }, { [k]: '2019-12-31T23:59:59Z' }), false);
  assert.equal(allows({ DateLessThan: { [k]: '2020-01-01' } }, { [k]: '2019-12-31T23:59:59Z' }), true);
  assert.equal(allows({ DateLessThanEquals: { [k]: '2020-01-01' } }, { [k]: '2020-01-01T00:00:00Z' }), true);
  assert.equal(allows({ DateEquals: { [k]: '2020-01-01T01:00:00+01:00' } }, { [k]: '2020-01-01T00:00:00Z' }), true);
  assert.equal(allows({ DateNotEquals: { [k]: '2020-01-01T00:00:00Z' } }, { [k]: '2020-01-01T00:00:00.000Z' }), false);
  assert.equal(allows({ DateGreaterThanEquals: { [k]: '1577836800' } }, { [k]: '2020-01-01T00:00:00Z' }), true, 'epoch seconds');
  assert.equal(allows({ DateEquals: { 'aws:EpochTime': '1577836800' } }, { 'aws:EpochTime': '2020-01-01T00:00:00Z' }), true);
  assert.equal(allows({ DateEquals: { [k]: '2020-01' } }, { [k]: '2020-01-01T00:00:00Z' }), true, 'YYYY-MM');
  assert.equal(allows({ DateLessThan: { [k]: 'not-a-date' } }, { [k]: '2020-01-01T00:00:00Z' }), false);
  assert.equal(allows({ DateGreaterThan: { [k]: '2020-01-01T00:00:00.500Z' } }, { [k]: '2020-01-01T00:00:00.250Z' }), false, 'fractions');
});

test('Boolean condition operators: Bool', () => {
  const k = 'aws:SecureTransport';
  assert.equal(allows({ Bool: { [k]: 'true' } }, { [k]: 'true' }), true);
  assert.equal(allows({ Bool: { [k]: 'true' } }, { [k]: 'false' }), false);
  assert.equal(allows({ Bool: { [k]: 'false' } }, { [k]: 'FALSE' }), true);
  assert.equal(allows({ Bool: { [k]: 'yes' } }, { [k]: 'true' }), false);
});

test('Binary condition operators: BinaryEquals compares base64-decoded bytes', () => {
  const k = 'custom:blob';
  assert.equal(allows({ BinaryEquals: { [k]: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, { [k]: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }), true);
  assert.equal(allows({ BinaryEquals: { [k]: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, { [k]: 'QmluYXJ5VmFsdWVJbkJhc2U2NA' }), true, 'padding');
  assert.equal(allows({ BinaryEquals: { [k]: 'QmluYXJ5' } }, { [k]: 'QmluYXJ6' }), false);
});

test('IP address condition operators: IPv4 CIDR, bare address = /32, IPv6, NotIpAddress', () => {
  const k = 'aws:SourceIp';
  assert.equal(allows({ IpAddress: { [k]: '203.0.113.0/24' } }, { [k]: '203.0.113.77' }), true);
  assert.equal(allows({ IpAddress: { [k]: '203.0.113.0/24' } }, { [k]: '203.0.114.1' }), false);
  assert.equal(allows({ IpAddress: { [k]: '203.0.113.5' } }, { [k]: '203.0.113.5' }), true);
  assert.equal(allows({ IpAddress: { [k]: '203.0.113.5' } }, { [k]: '203.0.113.6' }), false);
  assert.equal(allows({ IpAddress: { [k]: '0.0.0.0/0' } }, { [k]: '8.8.8.8' }), true);
  assert.equal(allows({ IpAddress: { [k]: '2001:DB8:1234:5678::/64' } }, { [k]: '2001:db8:1234:5678:abcd::1' }), true);
  assert.equal(allows({ IpAddress: { [k]: '2001:DB8:1234:5678::/64' } }, { [k]: '2001:db8:1234:5679::1' }), false);
  assert.equal(allows({ IpAddress: { [k]: ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } }, { [k]: '2001:db8:1234:5678::9' }), true);
  assert.equal(allows({ IpAddress: { [k]: '203.0.113.0/24' } }, { [k]: '::ffff:203.0.113.9' }), true, 'IPv4-mapped IPv6');
  assert.equal(allows({ IpAddress: { [k]: '::1' } }, { [k]: '0:0:0:0:0:0:0:1' }), true);
  assert.equal(allows({ NotIpAddress: { [k]: ['10.0.0.0/8', '192.168.0.0/16'] } }, { [k]: '8.8.8.8' }), true);
  assert.equal(allows({ NotIpAddress: { [k]: ['10.0.0.0/8', '192.168.0.0/16'] } }, { [k]: '192.168.1.1' }), false);
  assert.equal(allows({ IpAddress: { [k]: '10.0.0.0/33' } }, { [k]: '10.0.0.1' }), false, 'invalid CIDR matches nothing');
});

test('ARN condition operators: component-wise, * does not cross colons in the first five components', () => {
  const k = 'aws:SourceArn';
  const pattern = 'arn:aws:someservice:*:111122223333:finance/*';
  const value = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
  // The page's own example: StringLike matches, ArnLike does not.
  assert.equal(allows({ StringLike: { [k]: pattern } }, { [k]: value }), true);
  assert.equal(allows({ ArnLike: { [k]: pattern } }, { [k]: value }), false);
  assert.equal(allows({ ArnLike: { [k]: pattern } }, { [k]: 'arn:aws:someservice:us-east-2:111122223333:finance/a/b:c' }), true);
  assert.equal(allows({ ArnEquals: { [k]: 'arn:aws:sns:us-east-1:123456789012:topic' } }, { [k]: 'arn:aws:sns:us-east-1:123456789012:topic' }), true);
  assert.equal(
    allows({ ArnEquals: { [k]: 'arn:aws:sns:*:123456789012:t?pic' } }, { [k]: 'arn:aws:sns:us-east-1:123456789012:topic' }),
    true,
    'ArnEquals behaves like ArnLike',
  );
  assert.equal(allows({ ArnLike: { [k]: 'arn:aws:sns:*:123456789012:topic' } }, { [k]: 'arn:aws:sns:us-east-1:123456789012:TOPIC' }), false, 'case-sensitive');
  assert.equal(allows({ ArnNotEquals: { [k]: 'arn:aws:sns:*:123456789012:*' } }, { [k]: 'arn:aws:sns:us-east-1:999999999999:x' }), true);
  assert.equal(
    allows({ ArnNotLike: { [k]: ['arn:aws:sns:*:123456789012:*', 'arn:aws:sns:*:999999999999:*'] } }, { [k]: 'arn:aws:sns:us-east-1:999999999999:x' }),
    false,
  );
  assert.equal(allows({ ArnLike: { [k]: 'arn:aws:sns:*:123456789012:*' } }, { [k]: 'not-an-arn' }), false);
});

test('Condition operators (Important box): a missing key makes positive operators false and negated operators true', () => {
  const missingKey = 'aws:PrincipalTag/absent';
  for (const op of ['StringEquals', 'StringLike', 'NumericEquals', 'DateEquals', 'Bool', 'BinaryEquals', 'IpAddress', 'ArnLike', 'StringEqualsIgnoreCase']) {
    assert.equal(allows({ [op]: { [missingKey]: 'x' } }), false, op);
  }
  for (const op of [
    'StringNotEquals',
    'StringNotLike',
    'NumericNotEquals',
    'DateNotEquals',
    'NotIpAddress',
    'ArnNotLike',
    'ArnNotEquals',
    'StringNotEqualsIgnoreCase',
  ]) {
    assert.equal(allows({ [op]: { [missingKey]: 'x' } }), true, op);
  }
});

test('...IfExists condition operators: missing key → true; present key → base operator', () => {
  assert.equal(allows({ StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } }), true);
  assert.equal(allows({ StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } }, { 'ec2:InstanceType': 't2.micro' }), true);
  assert.equal(allows({ StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } }, { 'ec2:InstanceType': 'm5.large' }), false);
  assert.equal(allows({ StringNotEqualsIfExists: { 'aws:PrincipalTag/x': 'a' } }), true);
  assert.equal(allows({ NumericLessThanIfExists: { 's3:max-keys': '10' } }, { 's3:max-keys': '50' }), false);
  assert.equal(allows({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }), true);
  assert.equal(allows({ IpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '11.0.0.1' }), false);
  assert.equal(allows({ ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:s3:::x' } }), true);
  assert.equal(allows({ DateLessThanIfExists: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }), true);
});

test('...IfExists: a Deny with StringNotEqualsIfExists still denies when the key is missing (page example)', () => {
  const r = run({ StringNotEqualsIfExists: { 'aws:ResourceTag/env': 'prod' } }, {}, 'Deny');
  assert.equal(r.decision, 'EXPLICIT_DENY');
});

test('Null condition operator: true = key absent, false = key present; IfExists is not allowed on Null', () => {
  assert.equal(allows({ Null: { 'aws:TokenIssueTime': 'true' } }), true);
  assert.equal(allows({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }), false);
  assert.equal(allows({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }), true);
  assert.equal(allows({ Null: { 'aws:TokenIssueTime': 'false' } }), false);
  assert.equal(allows({ NullIfExists: { 'aws:TokenIssueTime': 'true' } }), false, 'unknown operator never matches');
});

test('Null: a missing key is reported in missingContextKeys but is definitive (not conditional)', () => {
  const r = run({ Null: { 'aws:TokenIssueTime': 'false' } });
  assert.equal(r.decision, 'IMPLICIT_DENY');
  assert.deepEqual(r.missingContextKeys, ['aws:TokenIssueTime']);
  assert.equal(r.conditional, false);
});

test('Conditions with multiple context keys or values: keys and operators are ANDed, values ORed', () => {
  const c = {
    StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'], 'aws:PrincipalTag/env': 'dev' },
    Bool: { 'aws:SecureTransport': 'true' },
  };
  const base = { 'aws:PrincipalTag/team': 'blue', 'aws:PrincipalTag/env': 'dev', 'aws:SecureTransport': 'true' };
  assert.equal(allows(c, base), true);
  assert.equal(allows(c, { ...base, 'aws:PrincipalTag/env': 'prod' }), false);
  assert.equal(allows(c, { ...base, 'aws:SecureTransport': 'false' }), false);
  assert.equal(allows(c, { ...base, 'aws:PrincipalTag/team': 'green' }), false);
});

test('Condition keys are case-insensitive ("Key names are case-insensitive")', () => {
  assert.equal(allows({ StringEquals: { 'AWS:PrincipalTag/Team': 'red' } }, { 'aws:principaltag/team': 'red' }), true);
  assert.equal(allows({ StringEquals: { 'aws:principaltag/team': 'red' } }, { 'AWS:PRINCIPALTAG/TEAM': 'red' }), true);
});

test('Unknown operators make the condition false', () => {
  assert.equal(allows({ StringEqualz: { 'aws:PrincipalTag/team': 'red' } }, { 'aws:PrincipalTag/team': 'red' }), false);
  assert.equal(allows({ 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } }, { 'aws:TagKeys': ['a'] }), false);
  // AWS rejects the policy; a Deny with an unknown operator therefore never applies either.
  assert.equal(run({ Bogus: { k: 'v' } }, { k: 'v' }, 'Deny').decision, 'IMPLICIT_DENY');
});

test('Single-valued vs multivalued: ForAnyValue — some request value matches some policy value', () => {
  const c = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['ID', 'PostDateTime'] } };
  assert.equal(allows(c, { 'aws:TagKeys': [['UserName', 'Message', 'PostDateTime'], 'STRING_LIST'] }), true);
  assert.equal(allows(c, { 'aws:TagKeys': [['UserName'], 'STRING_LIST'] }), false);
});

test('Single-valued vs multivalued: ForAllValues — every request value matches some policy value', () => {
  const c = { 'ForAllValues:StringLike': { 'dynamodb:requestedAttributes': ['PostDateTime', 'Message', 'Tags'] } };
  assert.equal(allows(c, { 'dynamodb:requestedAttributes': [['PostDateTime', 'Message'], 'STRING_LIST'] }), true);
  assert.equal(allows(c, { 'dynamodb:requestedAttributes': [['PostDateTime', 'UserName'], 'STRING_LIST'] }), false);
});

test('Single-valued vs multivalued: ForAllValues on a missing key or an empty set is true; ForAnyValue is false', () => {
  const all = { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' } };
  const any = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } };
  assert.equal(allows(all), true);
  assert.equal(allows(all, { 'aws:TagKeys': [[], 'STRING_LIST'] }), true);
  assert.equal(allows(any), false);
  assert.equal(allows(any, { 'aws:TagKeys': [[], 'STRING_LIST'] }), false);
});

test('Multivalued context key examples: ForAllValues:StringNotLike on aws:TagKeys (the page table)', () => {
  const c = { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } };
  assert.equal(allows(c, { 'aws:TagKeys': [['key1:legal'], 'STRING_LIST'] }), false);
  assert.equal(allows(c, { 'aws:TagKeys': [['key1:hr', 'key1:personnel'], 'STRING_LIST'] }), false);
  assert.equal(allows(c, { 'aws:TagKeys': [['key2:audit'], 'STRING_LIST'] }), true);
  assert.equal(allows(c), true, 'no aws:TagKeys in the request');
  assert.equal(allows(c, { 'aws:TagKeys': [['key2:audit', 'key1:x'], 'STRING_LIST'] }), false);
});

test('Set operators with negated operators: ForAnyValue:StringNotEquals — some request value is none of the policy values', () => {
  const c = { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a', 'b'] } };
  assert.equal(allows(c, { 'aws:TagKeys': [['a', 'b'], 'STRING_LIST'] }), false);
  assert.equal(allows(c, { 'aws:TagKeys': [['a', 'c'], 'STRING_LIST'] }), true);
  assert.equal(allows(c), false, 'missing key');
});

test('Set operators with IfExists: ForAnyValue:StringEqualsIfExists is true on a missing key', () => {
  assert.equal(allows({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'a' } }), true);
});

test('A plain operator on a multivalued key matches when any request value matches (negated: none matches)', () => {
  assert.equal(allows({ StringEquals: { 'aws:TagKeys': 'b' } }, { 'aws:TagKeys': ['a', 'b'] }), true);
  assert.equal(allows({ StringNotEquals: { 'aws:TagKeys': 'b' } }, { 'aws:TagKeys': ['a', 'b'] }), false);
  assert.equal(allows({ StringNotEquals: { 'aws:TagKeys': 'c' } }, { 'aws:TagKeys': ['a', 'b'] }), true);
});

test('Set qualifiers and operator names are accepted in any case (undocumented; see registry.ts)', () => {
  assert.equal(allows({ 'forallvalues:stringequals': { 'aws:TagKeys': 'a' } }, { 'aws:TagKeys': ['a'] }), true);
  assert.equal(allows({ STRINGEQUALSIFEXISTS: { k: 'a' } }), true);
});

test('"AWS global condition context keys" (Availability): a key known to be absent is evaluated as missing, definitively — not reported, never conditional', () => {
  const absent = (key: string) => new Map([[key.toLowerCase(), { key, type: 'STRING' as ContextKeyType, values: [], absent: true }]]);
  const on = (
    condition: Record<string, Record<string, string | string[]>>,
    context: Map<string, { key: string; type: ContextKeyType; values: string[]; absent: boolean }>,
    effect = 'Allow',
  ) => {
    const p = stmt('p', { Effect: effect, Action: '*', Resource: '*', Condition: condition });
    return evaluate(request('s3:GetObject', 'arn:aws:s3:::b/k', { context }), { identityPolicies: [p] });
  };
  // aws:PrincipalOrgID is "included in the request context only if the principal is a member of an organization".
  const equals = on({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, absent('aws:PrincipalOrgID'));
  assert.deepEqual([equals.decision, equals.conditional, equals.missingContextKeys], ['IMPLICIT_DENY', false, []]);
  // Same statement, key simply not supplied: AWS's answer is the same, but conditional and reported.
  const unknown = run({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } });
  assert.deepEqual([unknown.decision, unknown.conditional, unknown.missingContextKeys], ['IMPLICIT_DENY', true, ['aws:PrincipalOrgID']]);
  // Negated and ...IfExists operators on an absent key are true ("Condition operators": missing key).
  assert.equal(on({ StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, absent('aws:PrincipalOrgID')).decision, 'ALLOWED');
  assert.equal(on({ StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, absent('aws:PrincipalOrgID')).decision, 'ALLOWED');
  const isNull = on({ Null: { 'aws:PrincipalOrgID': 'true' } }, absent('aws:PrincipalOrgID'));
  assert.deepEqual([isNull.decision, isNull.missingContextKeys], ['ALLOWED', []]);
  assert.equal(on({ 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*' } }, absent('aws:PrincipalOrgPaths')).conditional, false);
});

test('"Policy variables with no value" + "AWS global condition context keys" (Availability): a variable whose key is known absent has no value, definitively — in Resource and in condition values', () => {
  type Value = { key: string; type: ContextKeyType; values: string[]; absent?: boolean };
  const absent = new Map<string, Value>([['aws:principalorgid', { key: 'aws:PrincipalOrgID', type: 'STRING', values: [], absent: true }]]);
  const ask = (statement: Record<string, unknown>, context: Map<string, Value>) =>
    evaluate(request('s3:GetObject', 'arn:aws:s3:::b/o-a1b2c3d4e5/k', { context }), {
      identityPolicies: [stmt('p', { Version: '2012-10-17', Effect: 'Allow', Action: '*', ...statement } as never)],
    });
  // "An entry that includes a policy variable with no value will not match any resource."
  const inResource = ask({ Resource: 'arn:aws:s3:::b/${aws:PrincipalOrgID}/*' }, absent);
  assert.deepEqual([inResource.decision, inResource.conditional, inResource.missingContextKeys], ['IMPLICIT_DENY', false, []]);
  // The key merely not supplied: the same AWS answer, but it could be supplied — conditional and reported.
  const notGiven = ask({ Resource: 'arn:aws:s3:::b/${aws:PrincipalOrgID}/*' }, new Map());
  assert.deepEqual([notGiven.decision, notGiven.conditional, notGiven.missingContextKeys], ['IMPLICIT_DENY', true, ['aws:PrincipalOrgID']]);
  // In a condition's value: null, so StringEquals does not match and StringNotEquals does.
  const tag = new Map<string, Value>([...absent, ['aws:resourcetag/org', { key: 'aws:ResourceTag/org', type: 'STRING', values: ['o-a1b2c3d4e5'] }]]);
  const equals = ask({ Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/org': '${aws:PrincipalOrgID}' } } }, tag);
  assert.deepEqual([equals.decision, equals.conditional, equals.missingContextKeys], ['IMPLICIT_DENY', false, []]);
  const notEquals = ask({ Resource: '*', Condition: { StringNotEquals: { 'aws:ResourceTag/org': '${aws:PrincipalOrgID}' } } }, tag);
  assert.deepEqual([notEquals.decision, notEquals.missingContextKeys], ['ALLOWED', []]);
});
