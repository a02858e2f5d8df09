/**
 * The estate's rules in the engine (pure): RCP levels, resource policies that must allow by
 * themselves (role trust policies, KMS key policies), callers outside IAM (service principals,
 * federated providers, everyone), and AWS's exceptions to RCPs. Each test names its AWS page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, rcpsApply, resourcePolicyRequired, type PolicySet } from '../../src/engine/evaluate.js';
import type { RequestPrincipal } from '../../src/engine/types.js';
import { ACCOUNT, ctx, OTHER, request, role, stmt, user } from './doc.js';

const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/Target`;
const BUCKET_OBJECT = 'arn:aws:s3:::bucket/key';
const ALLOW_ALL_ID = stmt('admin', { Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' });
const RCP_FULL = stmt('RCP RCPFullAWSAccess at r-1', { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });
const PERIMETER = stmt('RCP Perimeter at ou-1', {
  Sid: 'Perimeter',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: '*',
  Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-mine' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
});

function run(
  action: string,
  resource: string,
  principal: RequestPrincipal | undefined,
  set: PolicySet,
  context: Record<string, string> = {},
  resourceOwner?: string,
) {
  const r: Parameters<typeof request>[2] = { principal, context: ctx(context) };
  if (resourceOwner) r.resourceOwner = resourceOwner;
  return evaluate(request(action, resource, r), set);
}

test('Organizations "RCP evaluation": every level of the resource owner\'s path must allow; an RCP grants nothing itself', () => {
  const onlyS3Read = stmt('RCP OnlyRead at ou-1', { Effect: 'Allow', Principal: '*', Action: 's3:Get*', Resource: '*' });
  const set = (levels: PolicySet['resourceControlPolicies']): PolicySet => ({ identityPolicies: [ALLOW_ALL_ID], resourceControlPolicies: levels });
  assert.equal(run('s3:GetObject', BUCKET_OBJECT, user('alice'), set([[RCP_FULL], [onlyS3Read]])).decision, 'ALLOWED');
  assert.equal(run('s3:PutObject', BUCKET_OBJECT, user('alice'), set([[RCP_FULL], [onlyS3Read]])).decision, 'IMPLICIT_DENY', 'the second level does not allow');
  // No identity Allow: the RCP's Allow grants nothing.
  assert.equal(run('s3:GetObject', BUCKET_OBJECT, user('alice'), { identityPolicies: [], resourceControlPolicies: [[RCP_FULL]] }).decision, 'IMPLICIT_DENY');
});

test('Organizations "RCP evaluation": a Deny at any level is final, and is named with its level in matchedStatements', () => {
  const r = run(
    's3:GetObject',
    BUCKET_OBJECT,
    user('alice'),
    { identityPolicies: [ALLOW_ALL_ID], resourceControlPolicies: [[RCP_FULL], [RCP_FULL, PERIMETER]] },
    { 'aws:PrincipalOrgID': 'o-other', 'aws:PrincipalIsAWSService': 'false' },
  );
  assert.equal(r.decision, 'EXPLICIT_DENY');
  assert.deepEqual(
    r.matchedStatements.map((m) => [m.policyName, m.sid]),
    [['RCP Perimeter at ou-1', 'Perimeter']],
  );
  const inside = run(
    's3:GetObject',
    BUCKET_OBJECT,
    user('alice'),
    { identityPolicies: [ALLOW_ALL_ID], resourceControlPolicies: [[RCP_FULL], [RCP_FULL, PERIMETER]] },
    { 'aws:PrincipalOrgID': 'o-mine', 'aws:PrincipalIsAWSService': 'false' },
  );
  assert.equal(inside.decision, 'ALLOWED');
  assert.ok(inside.matchedStatements.some((m) => m.policyName === 'RCP RCPFullAWSAccess at r-1'));
});

test('Organizations "Resource control policies": RCPs apply only to the supported services, never to service-linked roles; AWS KMS: never to AWS managed keys', () => {
  for (const a of [
    's3:GetObject',
    'sts:AssumeRole',
    'kms:Decrypt',
    'sqs:SendMessage',
    'secretsmanager:GetSecretValue',
    'logs:PutLogEvents',
    'dynamodb:GetItem',
    'ecr:BatchGetImage',
    'aoss:APIAccessAll',
    // AWS's RCP examples (aws-samples/resource-control-policy-examples) also cover Cognito user pools and IAM Roles Anywhere.
    'cognito-idp:DeleteUserPool',
    'cognito-identity:GetId',
    'rolesanywhere:CreateSession',
  ]) {
    assert.equal(rcpsApply(a, `arn:aws:iam::${ACCOUNT}:user/alice`), true, a);
  }
  for (const a of ['lambda:InvokeFunction', 'sns:Publish', 'connect:StartContactRecording', 'ec2:StartInstances'])
    assert.equal(rcpsApply(a, undefined), false, a);
  assert.equal(rcpsApply('s3:GetObject', `arn:aws:iam::${ACCOUNT}:role/aws-service-role/replication.s3.amazonaws.com/AWSServiceRoleForS3`), false);
  assert.equal(rcpsApply('kms:Decrypt', undefined, true), false);
});

test('IAM "Role trust policy": identity policies alone never let a principal assume a role; the trust policy must name it', () => {
  const trustsAccount = stmt(`Trust policy of ${ROLE}`, {
    Sid: 'Account',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
    Action: 'sts:AssumeRole',
  });
  const trustsAlice = stmt(`Trust policy of ${ROLE}`, {
    Sid: 'Alice',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
    Action: 'sts:AssumeRole',
  });
  const trustsNobody = stmt(`Trust policy of ${ROLE}`, { Sid: 'Ec2', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
  assert.equal(resourcePolicyRequired('sts:AssumeRole', ROLE), true);
  assert.equal(resourcePolicyRequired('iam:GetRole', ROLE), false);
  const set = (trust: typeof trustsAlice, identity = [ALLOW_ALL_ID]): PolicySet => ({
    identityPolicies: identity,
    resourcePolicy: trust,
    resourcePolicyRequired: true,
  });
  assert.equal(run('sts:AssumeRole', ROLE, user('alice'), set(trustsNobody)).decision, 'IMPLICIT_DENY', 'an administrator not in the trust policy');
  assert.equal(run('sts:AssumeRole', ROLE, user('alice'), set(trustsAccount)).decision, 'ALLOWED', 'the account principal delegates to the identity policy');
  assert.equal(run('sts:AssumeRole', ROLE, user('alice'), set(trustsAccount, [])).decision, 'IMPLICIT_DENY', 'delegation needs the identity Allow');
  assert.equal(run('sts:AssumeRole', ROLE, user('alice'), set(trustsAlice, [])).decision, 'ALLOWED', 'same account, named directly: the trust policy grants');
  const other = run('sts:AssumeRole', ROLE, user('bob', OTHER), {
    identityPolicies: [],
    resourcePolicy: stmt('t', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:user/bob` }, Action: 'sts:AssumeRole' }),
    resourcePolicyRequired: true,
  });
  assert.equal(other.decision, 'IMPLICIT_DENY', '"Cross-account policy evaluation logic": the caller\'s own policy must allow too');
});

test('AWS KMS "Key policies": the key policy must allow; "Allows access to the AWS account and enables IAM policies" through the account principal only', () => {
  const keyPolicy = stmt('Resource policy of key', {
    Sid: 'Enable IAM User Permissions',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
    Action: 'kms:*',
    Resource: '*',
  });
  const noDelegation = stmt('Resource policy of key', {
    Sid: 'Admins',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KeyAdmin` },
    Action: 'kms:*',
    Resource: '*',
  });
  assert.equal(resourcePolicyRequired('kms:Decrypt', KEY), true);
  const delegated = run('kms:Decrypt', KEY, user('alice'), { identityPolicies: [ALLOW_ALL_ID], resourcePolicy: keyPolicy, resourcePolicyRequired: true });
  assert.equal(delegated.decision, 'ALLOWED');
  assert.deepEqual(
    delegated.matchedStatements.map((m) => m.sid),
    ['Admin', 'Enable IAM User Permissions'],
  );
  assert.equal(
    run('kms:Decrypt', KEY, user('alice'), { identityPolicies: [ALLOW_ALL_ID], resourcePolicy: noDelegation, resourcePolicyRequired: true }).decision,
    'IMPLICIT_DENY',
    'an IAM administrator without the key policy',
  );
  assert.equal(
    run('kms:Decrypt', KEY, role('KeyAdmin'), { identityPolicies: [], resourcePolicy: noDelegation, resourcePolicyRequired: true }).decision,
    'ALLOWED',
    'named by the key policy',
  );
  assert.equal(
    run(
      'kms:Decrypt',
      KEY,
      { arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, type: 'Root' },
      { identityPolicies: [], resourcePolicy: noDelegation, resourcePolicyRequired: true },
    ).decision,
    'IMPLICIT_DENY',
    'even the root user needs the key policy',
  );
});

test('"AWS JSON policy elements: Principal" (AWS service principals, Federated, everyone): callers outside IAM are granted by the resource policy alone', () => {
  const bucket = stmt('Resource policy of arn:aws:s3:::bucket', {
    Sid: 'Trail',
    Effect: 'Allow',
    Principal: { Service: 'cloudtrail.amazonaws.com' },
    Action: 's3:PutObject',
    Resource: 'arn:aws:s3:::bucket/*',
  });
  const svc: RequestPrincipal = { arn: 'cloudtrail.amazonaws.com', accountId: '', type: 'Service' };
  assert.equal(run('s3:PutObject', BUCKET_OBJECT, svc, { identityPolicies: [], resourcePolicy: bucket }, {}, ACCOUNT).decision, 'ALLOWED');
  assert.equal(
    run(
      's3:PutObject',
      BUCKET_OBJECT,
      { arn: 'logs.amazonaws.com', accountId: '', type: 'Service' },
      { identityPolicies: [], resourcePolicy: bucket },
      {},
      ACCOUNT,
    ).decision,
    'IMPLICIT_DENY',
    'another service',
  );
  const saml = `arn:aws:iam::${ACCOUNT}:saml-provider/Okta`;
  const trust = stmt('Trust policy', {
    Effect: 'Allow',
    Principal: { Federated: saml },
    Action: 'sts:AssumeRoleWithSAML',
    Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  });
  const fed = run(
    'sts:AssumeRoleWithSAML',
    ROLE,
    { arn: saml, accountId: ACCOUNT, type: 'FederatedUser' },
    { identityPolicies: [], resourcePolicy: trust, resourcePolicyRequired: true },
  );
  assert.deepEqual([fed.decision, fed.conditional, fed.missingContextKeys], ['IMPLICIT_DENY', true, ['SAML:aud']]);
  const anyone = stmt('Resource policy', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' });
  assert.equal(
    run('s3:GetObject', BUCKET_OBJECT, { arn: '*', accountId: '', type: 'Anonymous' }, { identityPolicies: [], resourcePolicy: anyone }, {}, ACCOUNT).decision,
    'ALLOWED',
  );
  // RCPs still cap callers outside IAM.
  assert.equal(
    run(
      's3:GetObject',
      BUCKET_OBJECT,
      { arn: '*', accountId: '', type: 'Anonymous' },
      { identityPolicies: [], resourcePolicy: anyone, resourceControlPolicies: [[PERIMETER]] },
      {},
      ACCOUNT,
    ).decision,
    'EXPLICIT_DENY',
  );
});

test('"AWS JSON policy elements: NotPrincipal": an Allow with NotPrincipal grants everyone it does not name; a Deny with NotPrincipal denies them', () => {
  const allowExcept = stmt('Resource policy', {
    Effect: 'Allow',
    NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/mallory` },
    Action: 's3:GetObject',
    Resource: '*',
  });
  assert.equal(run('s3:GetObject', BUCKET_OBJECT, user('alice'), { identityPolicies: [], resourcePolicy: allowExcept }, {}, ACCOUNT).decision, 'ALLOWED');
  assert.equal(
    run('s3:GetObject', BUCKET_OBJECT, user('mallory'), { identityPolicies: [], resourcePolicy: allowExcept }, {}, ACCOUNT).decision,
    'IMPLICIT_DENY',
  );
  const denyExcept = stmt('Resource policy', { Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 's3:*', Resource: '*' });
  assert.equal(
    run('s3:GetObject', BUCKET_OBJECT, user('bob'), { identityPolicies: [ALLOW_ALL_ID], resourcePolicy: denyExcept }, {}, ACCOUNT).decision,
    'EXPLICIT_DENY',
  );
  assert.equal(
    run('s3:GetObject', BUCKET_OBJECT, user('alice'), { identityPolicies: [ALLOW_ALL_ID], resourcePolicy: denyExcept }, {}, ACCOUNT).decision,
    'ALLOWED',
  );
});
