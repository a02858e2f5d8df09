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
  assert.deepEqual(
    r.findings.map((f) => [f.code, f.findingType, f.line, f.column]),
    [['JSON_SYNTAX_ERROR', 'ERROR', 3, 3]],
  );
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
  assert.ok(codes(stmt({ NotAction: 's3:PutObject' })).includes('UNSUPPORTED_ELEMENT_COMBINATION'));
  assert.ok(codes(stmt({ NotResource: 'arn:aws:s3:::b' })).includes('UNSUPPORTED_ELEMENT_COMBINATION'));
  assert.ok(codes(policy([{ Effect: 'Allow', Resource: '*' }])).includes('MISSING_ACTION'));
  assert.ok(codes(stmt({ Action: [] })).includes('MISSING_ACTION'));
  assert.ok(codes(policy([{ Effect: 'Allow', Action: 's3:GetObject' }])).includes('MISSING_RESOURCE'));
  // resource-based (trust) policies may omit Resource
  assert.equal(
    codes(policy([{ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 'sts:AssumeRole' }]), 'RESOURCE_POLICY').includes(
      'MISSING_RESOURCE',
    ),
    false,
  );
});

test('unknown elements, and statement elements given at the top level', () => {
  assert.ok(codes(stmt({ Resources: '*' })).includes('INVALID_POLICY_ELEMENT'));
  assert.match(find(stmt({ action: 's3:GetObject' }), 'INVALID_POLICY_ELEMENT')!.message, /did you mean "Action"/);
  assert.ok(codes(JSON.stringify({ Version: '2012-10-17', Statement: [], Foo: 1 })).includes('INVALID_POLICY_ELEMENT'));
  const frag = validatePolicy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}');
  assert.deepEqual(
    frag.findings.map((f) => f.code),
    ['STATEMENT_WITHOUT_DOCUMENT'],
  );
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
  const f = find(text, 'VARIABLE_UNSUPPORTED_IN_VERSION');
  assert.equal(f?.findingType, 'ERROR');
  assert.equal(
    find(policy([{ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' }]), 'VARIABLE_UNSUPPORTED_IN_VERSION'),
    undefined,
  );
});

test('Statement element: missing or empty', () => {
  assert.ok(codes('{"Version": "2012-10-17"}').includes('MISSING_STATEMENT'));
  assert.ok(codes('{"Version": "2012-10-17", "Statement": []}').includes('EMPTY_STATEMENT'));
});

test('Principal: not in identity policies, required in resource policies, NotPrincipal only with Deny', () => {
  const withPrincipal = stmt({ Principal: { AWS: '123456789012' } });
  assert.ok(codes(withPrincipal).includes('UNSUPPORTED_PRINCIPAL'));
  assert.equal(codes(withPrincipal, 'RESOURCE_POLICY').includes('UNSUPPORTED_PRINCIPAL'), false);
  assert.ok(codes(stmt({}), 'RESOURCE_POLICY').includes('MISSING_PRINCIPAL'));
  assert.ok(codes(stmt({ NotPrincipal: { AWS: '123456789012' } }), 'RESOURCE_POLICY').includes('ALLOW_WITH_NOT_PRINCIPAL'));
  assert.ok(codes(stmt({ Principal: { Bogus: 'x' } }), 'RESOURCE_POLICY').includes('INVALID_PRINCIPAL_KEY'));
});

test('SCP syntax: Principal and NotPrincipal are not supported', () => {
  const c = codes(stmt({ Principal: '*' }), 'SERVICE_CONTROL_POLICY');
  assert.ok(c.includes('SCP_SYNTAX_ERROR_PRINCIPAL'));
  assert.equal(c.includes('UNSUPPORTED_PRINCIPAL'), false);
  assert.deepEqual(codes(stmt({ Effect: 'Deny', Action: 's3:*' }), 'SERVICE_CONTROL_POLICY'), []);
});

test('actions: unknown service (with suggestion), empty name, unknown action (closest), pattern matching nothing', () => {
  assert.match(find(stmt({ Action: 'app-integartions:DeleteEventIntegration' }), 'INVALID_SERVICE_IN_ACTION')!.message, /app-integrations/);
  assert.ok(codes(stmt({ Action: 'app-integrations::ListEventIntegrations' })).includes('EMPTY_ACTION_NAME'));
  assert.ok(codes(stmt({ Action: 'connect:' })).includes('EMPTY_ACTION_NAME'));
  assert.ok(codes(stmt({ Action: 'GetObject' })).includes('INVALID_ACTION_FORMAT'));
  assert.match(find(stmt({ Action: 'connect:DescribeUsr' }), 'INVALID_ACTION')!.message, /connect:DescribeUser/);
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
  assert.ok(codes(stmt({ Resource: 'bucket/key' })).includes('INVALID_ARN_PREFIX'));
  assert.ok(codes(stmt({ Resource: 'arn:aws:s3' })).includes('MISSING_ARN_FIELD'));
  assert.ok(codes(stmt({ Resource: 'arn:partition:s3:::b' })).includes('INVALID_PARTITION'));
  assert.ok(codes(stmt({ Action: 'iam:DeleteRole', Resource: 'arn:aws:iam:::role/x' })).includes('MISSING_ARN_ACCOUNT'));
  assert.deepEqual(codes(stmt({ Resource: 'arn:aws:s3:::bucket/*' })), []);
  assert.ok(codes(stmt({ Action: 'connect:DescribeUser', Resource: 'arn:aws:connect::123456789012:instance/x' })).includes('MISSING_ARN_REGION'));
  const p = find(stmt({ Action: 'kms:DescribeKey', Resource: 'arn:aws:kms:region:account-id:key/key-id' }), 'ARN_PLACEHOLDER');
  assert.equal(p?.findingType, 'WARNING');
  assert.match(p!.message, /region/);
  assert.match(p!.message, /account-id/);
  assert.match(p!.message, /key-id/);
});

test('condition operators and keys: unknown operator, NullIfExists, unknown global key, unknown service key', () => {
  assert.match(find(stmt({ Condition: { StringEqual: { 'aws:username': 'x' } } }), 'INVALID_CONDITION_OPERATOR')!.message, /StringEquals/);
  assert.ok(codes(stmt({ Condition: { NullIfExists: { 'aws:username': 'true' } } })).includes('NULL_WITH_IF_EXISTS'));
  assert.deepEqual(codes(stmt({ Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'x*' } } })), ['CONDITION_KEY_NOT_SUPPORTED']);
  assert.equal(find(stmt({ Condition: { StringEquals: { 'aws:Foo': 'x' } } }), 'INVALID_GLOBAL_CONDITION_KEY')?.findingType, 'ERROR');
  assert.ok(codes(stmt({ Condition: { StringEquals: { 's3:NoSuchKey': 'x' } } })).includes('INVALID_SERVICE_CONDITION_KEY'));
});

test("a condition key none of the statement's actions supports is a WARNING", () => {
  const f = find(stmt({ Action: 'connect:ListInstances', Condition: { StringEquals: { 'iam:AWSServiceName': 'x' } } }), 'CONDITION_KEY_NOT_SUPPORTED');
  assert.equal(f?.findingType, 'WARNING');
  assert.deepEqual(codes(stmt({ Action: 'iam:CreateServiceLinkedRole', Condition: { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } } })), []);
});

test("condition values must have their operator's form (Bool, Numeric, Date, IpAddress)", () => {
  const c = (cond: unknown) => codes(stmt({ Condition: cond }));
  assert.ok(c({ Bool: { 'aws:SecureTransport': 'yes' } }).includes('TYPE_MISMATCH_BOOLEAN'));
  assert.deepEqual(c({ Bool: { 'aws:SecureTransport': true } }), []);
  assert.ok(c({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'an hour' } }).includes('TYPE_MISMATCH_NUMBER'));
  assert.deepEqual(c({ NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } }), []);
  assert.ok(c({ DateGreaterThan: { 'aws:CurrentTime': '2024-13-01' } }).includes('TYPE_MISMATCH_DATE'));
  assert.deepEqual(c({ DateGreaterThan: { 'aws:CurrentTime': '2024-01-31T12:00:00Z' } }), []);
  assert.ok(c({ IpAddress: { 'aws:SourceIp': '10.0.0.300/8' } }).includes('TYPE_MISMATCH_IP_RANGE'));
  assert.deepEqual(c({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }), []);
  assert.ok(c({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }).includes('INVALID_CONDITION_MULTIPLE_BOOLEAN'));
  assert.ok(c({ NumericEquals: { 'aws:SourceIp': 1 } }).includes('TYPE_MISMATCH'));
  assert.ok(c({ StringEquals: { 'aws:PrincipalOrgPaths': 'o-1/r-1/' } }).includes('MISSING_QUALIFIER'));
  assert.ok(c({ 'ForAllValues:StringEquals': { 'aws:username': 'x' } }).includes('FORALLVALUES_WITH_SINGLE_VALUED_KEY'));
});

// Access Analyzer has no NotAction / NotResource / full-access check of its own: accessql's are WARNINGs,
// so that SECURITY_WARNING means what it means in Access Analyzer.
test('security warnings: Allow with NotAction / NotResource, * on *, iam:PassRole on *', () => {
  const sw = (s: Record<string, unknown>, code: string) => find(policy([{ Effect: 'Allow', ...s }]), code)?.findingType;
  assert.equal(sw({ NotAction: 'iam:*', Resource: '*' }, 'ALLOW_WITH_NOT_ACTION'), 'WARNING');
  assert.equal(sw({ Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }, 'ALLOW_WITH_NOT_RESOURCE'), 'WARNING');
  assert.equal(sw({ Action: '*', Resource: '*' }, 'FULL_ACCESS'), 'WARNING');
  assert.equal(sw({ Action: '*', Resource: '*' }, 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE'), 'SECURITY_WARNING');
  assert.equal(sw({ Action: 'iam:PassRole', Resource: '*' }, 'PASS_ROLE_WITH_STAR_IN_RESOURCE'), 'SECURITY_WARNING');
  assert.equal(sw({ Action: 'iam:Pass*', Resource: '*' }, 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE'), 'SECURITY_WARNING');
  assert.equal(sw({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/x' }, 'PASS_ROLE_WITH_STAR_IN_RESOURCE'), undefined);
  // Deny with NotAction is the recommended guard-rail shape: no warning
  assert.equal(find(policy([{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }]), 'ALLOW_WITH_NOT_ACTION'), undefined);
});

test('Sid: unique within a policy, letters and digits only in IAM policies', () => {
  const dup = policy([
    { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
    { Sid: 'A', Effect: 'Deny', Action: 's3:PutObject', Resource: '*' },
  ]);
  const f = find(dup, 'UNIQUE_SIDS_RECOMMENDED');
  assert.equal(f?.findingType, 'WARNING');
  assert.equal(find(dup, 'UNIQUE_SIDS_REQUIRED', 'SERVICE_CONTROL_POLICY')?.findingType, 'ERROR');
  assert.equal(f?.line, 11);
  assert.ok(codes(stmt({ Sid: 'has space' })).includes('UNSUPPORTED_SID'));
  assert.equal(codes(stmt({ Sid: 'has space' }), 'RESOURCE_POLICY').includes('UNSUPPORTED_SID'), false);
});

// "IAM and AWS STS quotas"; Access Analyzer warns above 10,240 characters for any identity policy.
test('size limits: identity policies 10,240 characters without white space (6,144 for a stored managed policy), SCPs 5,120', () => {
  const actions = Array.from({ length: 700 }, (_, i) => `s3:GetObject${i}`);
  assert.ok(codes(stmt({ Action: actions })).includes('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA'));
  const medium = stmt({ Action: actions.slice(0, 400) });
  assert.equal(codes(medium).includes('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA'), false);
  assert.ok(validatePolicy(medium, { identityPolicyKind: 'MANAGED' }).findings.some((f) => f.code === 'POLICY_SIZE_EXCEEDS_QUOTA_FOR_KIND'));
  assert.equal(
    validatePolicy(medium, { identityPolicyKind: 'ROLE_INLINE' }).findings.some((f) => f.code === 'POLICY_SIZE_EXCEEDS_QUOTA_FOR_KIND'),
    false,
  );
  assert.ok(codes(stmt({}) + ' '.repeat(6000), 'SERVICE_CONTROL_POLICY').includes('POLICY_SIZE_EXCEEDS_SCP_QUOTA'));
  assert.equal(
    codes(stmt({}) + ' '.repeat(6000)).some((c) => c.startsWith('POLICY_SIZE')),
    false,
  );
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
    Sid: `S${i}`,
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject', 'connect:Describe*'],
    Resource: `arn:aws:s3:::bucket-${i}/*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } },
  }));
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
  // Linear work: the tokenizer charges each character once; 4 steps per character leave room for the
  // validator's own matching (counted steps, src/util/steps.ts), not for anything quadratic.
  const { steps, value: r } = measureSteps(() => validatePolicy(text));
  assert.ok(steps <= 4 * text.length, `${steps} steps for ${text.length} characters`);
  assert.ok(r.findings.some((f) => f.code === 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA'));
});

test('actions: "did you mean" suggestions are capped per policy, every unknown entry is still reported', () => {
  const actions = Array.from({ length: 150 }, (_, i) => `conect${'x'.repeat(i % 3)}${i}:DescribeUser`);
  actions.unshift('app-integartions:ListEventIntegrations');
  const r = validatePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }));
  const unknown = r.findings.filter((f) => f.code === 'INVALID_SERVICE_IN_ACTION');
  assert.equal(unknown.length, 151);
  assert.match(unknown[0]!.message, /did you mean "app-integrations"/, 'the first misspelling gets its suggestion');
  assert.ok(unknown.filter((f) => /did you mean/.test(f.message)).length <= 100);
});
