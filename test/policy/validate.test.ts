import { test } from 'node:test';
import { measureSteps } from '../../src/util/steps.js';
import assert from 'node:assert/strict';
import { validatePolicy } from '../../src/policy/validate.js';
import { FINDING_CODES } from '../../src/policy/finding-codes.js';
import type { Finding, PolicyType } from '../../src/policy/types.js';

const policy = (statements: unknown, extra: Record<string, unknown> = { Version: '2012-10-17' }) =>
  JSON.stringify({ ...extra, Statement: statements }, null, 2);
const stmt = (s: Record<string, unknown>) => policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...s }]);
const codes = (text: string, policyType?: PolicyType) => validatePolicy(text, { policyType }).findings.map((f) => f.code);
const find = (text: string, code: string, policyType?: PolicyType): Finding | undefined =>
  validatePolicy(text, { policyType }).findings.find((f) => f.code === code);

test('every finding code is documented with its type and meaning', () => {
  for (const [code, info] of Object.entries(FINDING_CODES)) {
    assert.match(code, /^[A-Z][A-Z0-9_]+$/);
    assert.ok(['ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION'].includes(info.findingType));
    assert.ok(info.meaning.length > 10);
  }
});

test('a clean policy has no findings and is valid', () => {
  const r = validatePolicy(stmt({ Action: ['connect:DescribeUser'], Resource: 'arn:aws:connect:us-east-1:123456789012:instance/abc/agent/*' }));
  assert.deepEqual(r.findings, []);
  assert.equal(r.valid, true);
});

test('JSON syntax errors: JSON_SYNTAX_ERROR with the exact line and column (RFC 8259)', () => {
  const r = validatePolicy('{\n  "Version": "2012-10-17"\n  "Statement": []\n}');
  assert.equal(r.valid, false);
  assert.deepEqual(r.findings.map((f) => [f.code, f.findingType, f.line, f.column]), [['JSON_SYNTAX_ERROR', 'ERROR', 3, 3]]);
  assert.equal(r.document, undefined);
});

test('Effect element: missing, and values other than Allow / Deny (case-sensitive)', () => {
  assert.ok(codes(policy([{ Action: 's3:GetObject', Resource: '*' }])).includes('MISSING_EFFECT'));
  const bad = find(stmt({ Effect: 'allow' }), 'INVALID_EFFECT');
  assert.ok(bad);
  assert.match(bad.message, /"Allow"/);
  assert.deepEqual([bad.line, bad.column], [5, 17]);
});

test('Action / NotAction and Resource / NotResource: one of each, never both', () => {
  assert.ok(codes(stmt({ NotAction: 's3:PutObject' })).includes('ACTION_WITH_NOT_ACTION'));
  assert.ok(codes(stmt({ NotResource: 'arn:aws:s3:::b' })).includes('RESOURCE_WITH_NOT_RESOURCE'));
  assert.ok(codes(policy([{ Effect: 'Allow', Resource: '*' }])).includes('MISSING_ACTION'));
  assert.ok(codes(stmt({ Action: [] })).includes('MISSING_ACTION'));
  assert.ok(codes(policy([{ Effect: 'Allow', Action: 's3:GetObject' }])).includes('MISSING_RESOURCE'));
  // resource-based (trust) policies may omit Resource
  assert.equal(codes(policy([{ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 'sts:AssumeRole' }]), 'RESOURCE_POLICY').includes('MISSING_RESOURCE'), false);
});

test('unknown elements, and statement elements given at the top level', () => {
  assert.ok(codes(stmt({ Resources: '*' })).includes('UNKNOWN_ELEMENT'));
  assert.match(find(stmt({ action: 's3:GetObject' }), 'UNKNOWN_ELEMENT')!.message, /did you mean "Action"/);
  assert.ok(codes(JSON.stringify({ Version: '2012-10-17', Statement: [], Foo: 1 })).includes('UNKNOWN_ELEMENT'));
  const frag = validatePolicy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}');
  assert.deepEqual(frag.findings.map((f) => f.code), ['STATEMENT_WITHOUT_DOCUMENT']);
  assert.equal(frag.valid, false);
});

test('Version element: missing (2008-10-17 applies), invalid, outdated', () => {
  const missing = find(policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }], {}), 'MISSING_VERSION');
  assert.equal(missing?.findingType, 'WARNING');
  assert.match(missing!.message, /2008-10-17/);
  assert.ok(codes(policy([], { Version: '2012-10-18' })).includes('INVALID_VERSION'));
  assert.ok(codes(stmt({}).replace('2012-10-17', '2008-10-17')).includes('OLD_VERSION'));
});

test('policy variables are literal text without Version 2012-10-17', () => {
  const text = policy([{ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' }], {});
  const f = find(text, 'POLICY_VARIABLE_IN_OLD_VERSION');
  assert.equal(f?.findingType, 'WARNING');
  assert.equal(find(policy([{ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' }]), 'POLICY_VARIABLE_IN_OLD_VERSION'), undefined);
});

test('Statement element: missing or empty', () => {
  assert.ok(codes('{"Version": "2012-10-17"}').includes('MISSING_STATEMENT'));
  assert.ok(codes('{"Version": "2012-10-17", "Statement": []}').includes('EMPTY_STATEMENT'));
});

test('Principal: not in identity policies, required in resource policies, NotPrincipal only with Deny', () => {
  const withPrincipal = stmt({ Principal: { AWS: '123456789012' } });
  assert.ok(codes(withPrincipal).includes('PRINCIPAL_IN_IDENTITY_POLICY'));
  assert.equal(codes(withPrincipal, 'RESOURCE_POLICY').includes('PRINCIPAL_IN_IDENTITY_POLICY'), false);
  assert.ok(codes(stmt({}), 'RESOURCE_POLICY').includes('MISSING_PRINCIPAL'));
  assert.ok(codes(stmt({ NotPrincipal: { AWS: '123456789012' } }), 'RESOURCE_POLICY').includes('NOT_PRINCIPAL_WITH_ALLOW'));
  assert.ok(codes(stmt({ Principal: { Bogus: 'x' } }), 'RESOURCE_POLICY').includes('INVALID_PRINCIPAL'));
});

test('SCP syntax: Principal and NotPrincipal are not supported', () => {
  const c = codes(stmt({ Principal: '*' }), 'SERVICE_CONTROL_POLICY');
  assert.ok(c.includes('SCP_UNSUPPORTED_ELEMENT'));
  assert.equal(c.includes('PRINCIPAL_IN_IDENTITY_POLICY'), false);
  assert.deepEqual(codes(stmt({ Effect: 'Deny', Action: 's3:*' }), 'SERVICE_CONTROL_POLICY'), []);
});

test('actions: unknown service (with suggestion), empty name, unknown action (closest), pattern matching nothing', () => {
  assert.match(find(stmt({ Action: 'app-integartions:DeleteEventIntegration' }), 'UNKNOWN_SERVICE')!.message, /app-integrations/);
  assert.ok(codes(stmt({ Action: 'app-integrations::ListEventIntegrations' })).includes('EMPTY_ACTION_NAME'));
  assert.ok(codes(stmt({ Action: 'connect:' })).includes('EMPTY_ACTION_NAME'));
  assert.ok(codes(stmt({ Action: 'GetObject' })).includes('INVALID_ACTION_FORMAT'));
  assert.match(find(stmt({ Action: 'connect:DescribeUsr' }), 'UNKNOWN_ACTION')!.message, /connect:DescribeUser/);
  assert.ok(codes(stmt({ Action: 'connect:Zzz*' })).includes('ACTION_PATTERN_MATCHES_NOTHING'));
});

test('a statement whose only actions are unknown grants nothing', () => {
  const f = find(stmt({ Action: ['app-integartions:DeleteEventIntegration'] }), 'STATEMENT_GRANTS_NOTHING');
  assert.equal(f?.findingType, 'WARNING');
});

test('redundant actions: duplicates and entries covered by a wildcard', () => {
  const c = codes(stmt({ Action: ['connect:DescribeUser', 'connect:describeuser', 'connect:*'] }));
  assert.equal(c.filter((x) => x === 'REDUNDANT_ACTION').length, 2);
  assert.ok(codes(stmt({ Resource: ['*', '*'] })).includes('REDUNDANT_RESOURCE'));
});

test('resources: empty string, malformed ARN, bad partition, missing account, placeholders', () => {
  assert.equal(find(stmt({ Resource: '' }), 'EMPTY_RESOURCE')?.findingType, 'ERROR');
  assert.ok(codes(stmt({ Resource: 'bucket/key' })).includes('INVALID_ARN'));
  assert.ok(codes(stmt({ Resource: 'arn:aws:s3' })).includes('INVALID_ARN'));
  assert.ok(codes(stmt({ Resource: 'arn:partition:s3:::b' })).includes('INVALID_ARN_PARTITION'));
  assert.ok(codes(stmt({ Action: 'iam:DeleteRole', Resource: 'arn:aws:iam:::role/x' })).includes('ARN_MISSING_ACCOUNT'));
  assert.deepEqual(codes(stmt({ Resource: 'arn:aws:s3:::bucket/*' })), []);
  assert.ok(codes(stmt({ Action: 'connect:DescribeUser', Resource: 'arn:aws:connect::123456789012:instance/x' })).includes('ARN_MISSING_REGION'));
  const p = find(stmt({ Action: 'kms:DescribeKey', Resource: 'arn:aws:kms:region:account-id:key/key-id' }), 'ARN_PLACEHOLDER');
  assert.equal(p?.findingType, 'WARNING');
  assert.match(p!.message, /region/);
  assert.match(p!.message, /account-id/);
  assert.match(p!.message, /key-id/);
});

test('condition operators and keys: unknown operator, NullIfExists, unknown global key, unknown service key', () => {
  assert.match(find(stmt({ Condition: { StringEqual: { 'aws:username': 'x' } } }), 'INVALID_CONDITION_OPERATOR')!.message, /StringEquals/);
  assert.ok(codes(stmt({ Condition: { NullIfExists: { 'aws:username': 'true' } } })).includes('INVALID_CONDITION_OPERATOR'));
  assert.deepEqual(codes(stmt({ Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'x*' } } })), ['CONDITION_KEY_NOT_SUPPORTED']);
  assert.equal(find(stmt({ Condition: { StringEquals: { 'aws:Foo': 'x' } } }), 'INVALID_GLOBAL_CONDITION_KEY')?.findingType, 'ERROR');
  assert.ok(codes(stmt({ Condition: { StringEquals: { 's3:NoSuchKey': 'x' } } })).includes('UNKNOWN_CONDITION_KEY'));
});

test('a condition key none of the statement\'s actions supports is a WARNING', () => {
  const f = find(stmt({ Action: 'connect:ListInstances', Condition: { StringEquals: { 'iam:AWSServiceName': 'x' } } }), 'CONDITION_KEY_NOT_SUPPORTED');
  assert.equal(f?.findingType, 'WARNING');
  assert.deepEqual(codes(stmt({ Action: 'iam:CreateServiceLinkedRole', Condition: { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } } })), []);
});

test('condition values must have their operator\'s form (Bool, Numeric, Date, IpAddress)', () => {
  const c = (cond: unknown) => codes(stmt({ Condition: cond }));
  assert.ok(c({ Bool: { 'aws:SecureTransport': 'yes' } }).includes('CONDITION_VALUE_TYPE_MISMATCH'));
  assert.deepEqual(c({ Bool: { 'aws:SecureTransport': true } }), []);
  assert.ok(c({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'an hour' } }).includes('CONDITION_VALUE_TYPE_MISMATCH'));
  assert.deepEqual(c({ NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } }), []);
  assert.ok(c({ DateGreaterThan: { 'aws:CurrentTime': '2024-13-01' } }).includes('CONDITION_VALUE_TYPE_MISMATCH'));
  assert.deepEqual(c({ DateGreaterThan: { 'aws:CurrentTime': '2024-01-31T12:00:00Z' } }), []);
  assert.ok(c({ IpAddress: { 'aws:SourceIp': '10.0.0.300/8' } }).includes('CONDITION_VALUE_TYPE_MISMATCH'));
  assert.deepEqual(c({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }), []);
  assert.ok(c({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }).includes('CONDITION_MULTIPLE_BOOLEAN'));
  assert.ok(c({ NumericEquals: { 'aws:SourceIp': 1 } }).includes('CONDITION_OPERATOR_KEY_TYPE_MISMATCH'));
  assert.ok(c({ StringEquals: { 'aws:PrincipalOrgPaths': 'o-1/r-1/' } }).includes('MISSING_SET_OPERATOR_FOR_MULTIVALUED_KEY'));
  assert.ok(c({ 'ForAllValues:StringEquals': { 'aws:username': 'x' } }).includes('SET_OPERATOR_ON_SINGLE_VALUED_KEY'));
});

test('security warnings: Allow with NotAction / NotResource, * on *, iam:PassRole on *', () => {
  const sw = (s: Record<string, unknown>, code: string) => find(policy([{ Effect: 'Allow', ...s }]), code)?.findingType;
  assert.equal(sw({ NotAction: 'iam:*', Resource: '*' }, 'ALLOW_WITH_NOT_ACTION'), 'SECURITY_WARNING');
  assert.equal(sw({ Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }, 'ALLOW_WITH_NOT_RESOURCE'), 'SECURITY_WARNING');
  assert.equal(sw({ Action: '*', Resource: '*' }, 'FULL_ACCESS'), 'SECURITY_WARNING');
  assert.equal(sw({ Action: 'iam:PassRole', Resource: '*' }, 'PASS_ROLE_WITH_STAR_RESOURCE'), 'SECURITY_WARNING');
  assert.equal(sw({ Action: 'iam:Pass*', Resource: '*' }, 'PASS_ROLE_WITH_STAR_RESOURCE'), 'SECURITY_WARNING');
  assert.equal(sw({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/x' }, 'PASS_ROLE_WITH_STAR_RESOURCE'), undefined);
  // Deny with NotAction is the recommended guard-rail shape: no warning
  assert.equal(find(policy([{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }]), 'ALLOW_WITH_NOT_ACTION'), undefined);
});

test('Sid: unique within a policy, letters and digits only in IAM policies', () => {
  const dup = policy([
    { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
    { Sid: 'A', Effect: 'Deny', Action: 's3:PutObject', Resource: '*' },
  ]);
  const f = find(dup, 'DUPLICATE_SID');
  assert.equal(f?.findingType, 'ERROR');
  assert.equal(f?.line, 11);
  assert.ok(codes(stmt({ Sid: 'has space' })).includes('INVALID_SID'));
  assert.equal(codes(stmt({ Sid: 'has space' }), 'RESOURCE_POLICY').includes('INVALID_SID'), false);
});

test('size limits: managed policies 6,144 characters without white space, SCPs 5,120', () => {
  const actions = Array.from({ length: 400 }, (_, i) => `s3:GetObject${i}`);
  const big = stmt({ Action: actions });
  assert.ok(codes(big).includes('POLICY_SIZE_EXCEEDED'));
  assert.ok(codes(stmt({}) + ' '.repeat(6000), 'SERVICE_CONTROL_POLICY').includes('POLICY_SIZE_EXCEEDED'));
  assert.equal(codes(stmt({}) + ' '.repeat(6000)).includes('POLICY_SIZE_EXCEEDED'), false);
});

test('findings are ordered by position and each carries line and column', () => {
  const r = validatePolicy(policy([{ Effect: 'Allow', Action: ['nope:X', 'connect:Nope'], Resource: '' }]));
  const positions = r.findings.map((f) => [f.line!, f.column!]);
  assert.ok(positions.every(([l, c]) => l >= 1 && c >= 1));
  const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  assert.deepEqual(positions, sorted);
});

test('validation of a 1 MB policy does linear work', () => {
  const statements = Array.from({ length: 4000 }, (_, i) => ({
    Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'connect:Describe*'], Resource: `arn:aws:s3:::bucket-${i}/*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } },
  }));
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
  // Linear work: the tokenizer charges each character once; 4 steps per character leave room for the
  // validator's own matching (counted steps, src/util/steps.ts), not for anything quadratic.
  const { steps, value: r } = measureSteps(() => validatePolicy(text));
  assert.ok(steps <= 4 * text.length, `${steps} steps for ${text.length} characters`);
  assert.ok(r.findings.some((f) => f.code === 'POLICY_SIZE_EXCEEDED'));
});

test('actions: "did you mean" suggestions are capped per policy, every unknown entry is still reported', () => {
  const actions = Array.from({ length: 150 }, (_, i) => `conect${'x'.repeat(i % 3)}${i}:DescribeUser`);
  actions.unshift('app-integartions:ListEventIntegrations');
  const r = validatePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }));
  const unknown = r.findings.filter((f) => f.code === 'UNKNOWN_SERVICE');
  assert.equal(unknown.length, 151);
  assert.match(unknown[0]!.message, /did you mean "app-integrations"/, 'the first misspelling gets its suggestion');
  assert.ok(unknown.filter((f) => /did you mean/.test(f.message)).length <= 100);
});
