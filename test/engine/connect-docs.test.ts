/**
 * The Amazon Connect documentation's examples (/work/shared/seed-docs): "Amazon Connect
 * identity-based policy examples" (000), "Amazon Connect resource-level policy examples" (002),
 * "AWS managed policies for Amazon Connect" (004).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/engine/evaluate.js';
import { ctx, policy, request } from './doc.js';

const ACCT = '123456789012';

test('002 "Allow recording actions on a contact": StartContactRecording on one instance\'s contacts only', () => {
  const p = policy('recording', {
    Statement: [{ Action: ['connect:StartContactRecording'], Resource: 'arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/*', Effect: 'Allow' }],
  });
  const principal = { arn: 'arn:aws:iam::accountID:user/agent', accountId: 'accountID', type: 'User' as const };
  const ok = evaluate(request('connect:StartContactRecording', 'arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/c-1', { principal }), {
    identityPolicies: [p],
  });
  assert.equal(ok.decision, 'ALLOWED');
  const other = evaluate(request('connect:StartContactRecording', 'arn:aws:connect:us-west-2:accountID:instance/otherInstance/contact/c-1', { principal }), {
    identityPolicies: [p],
  });
  assert.equal(other.decision, 'IMPLICIT_DENY');
  const otherAction = evaluate(request('connect:StopContactRecording', 'arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/c-1', { principal }), {
    identityPolicies: [p],
  });
  assert.equal(otherAction.decision, 'IMPLICIT_DENY');
});

test('002 "Deny the delete and update actions": the Deny on one instance\'s agents beats an Allow connect:*', () => {
  const full = policy('AmazonConnect_FullAccess', { Statement: [{ Effect: 'Allow', Action: ['connect:*'], Resource: '*' }] });
  const deny = policy('deny-agents', {
    Statement: [
      {
        Effect: 'Deny',
        Action: ['connect:DeleteUser', 'connect:UpdateUser*'],
        Resource: 'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/*',
      },
    ],
  });
  const agent = 'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1';
  for (const action of ['connect:DeleteUser', 'connect:UpdateUserHierarchy', 'connect:UpdateUserSecurityProfiles', 'connect:updateuserroutingprofile']) {
    const r = evaluate(request(action, agent), { identityPolicies: [full, deny] });
    assert.equal(r.decision, 'EXPLICIT_DENY', action);
    assert.deepEqual(
      r.matchedStatements.map((m) => [m.policyName, m.effect]),
      [['deny-agents', 'Deny']],
    );
  }
  assert.equal(evaluate(request('connect:DescribeUser', agent), { identityPolicies: [full, deny] }).decision, 'ALLOWED');
  const otherInstance = agent.replace('00fbeee1-123e-111e-93e3-11111bfbfcc1/agent', 'ffffffff-123e-111e-93e3-11111bfbfcc1/agent');
  assert.equal(evaluate(request('connect:DeleteUser', otherInstance), { identityPolicies: [full, deny] }).decision, 'ALLOWED');
});

test('002 "Allow create users but deny if you\'re assigned to a specific security profile"', () => {
  const sp = 'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17';
  const p = policy('create-users', {
    Statement: [
      { Effect: 'Allow', Action: ['connect:CreateUser'], Resource: '*' },
      { Effect: 'Deny', Action: ['connect:CreateUser'], Resource: sp },
    ],
  });
  assert.equal(evaluate(request('connect:CreateUser', sp), { identityPolicies: [p] }).decision, 'EXPLICIT_DENY');
  const otherProfile = sp.replace('11dtcggg1', '22dtcggg1');
  assert.equal(evaluate(request('connect:CreateUser', otherProfile), { identityPolicies: [p] }).decision, 'ALLOWED');
  assert.equal(
    evaluate(request('connect:CreateUser', 'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17'), { identityPolicies: [p] })
      .decision,
    'ALLOWED',
  );
});

test('000 "Describe and update Amazon Connect users based on tags": allowed only when aws:ResourceTag/Department = Test', () => {
  const p = policy('by-tag', {
    Statement: [
      {
        Effect: 'Allow',
        Action: ['connect:DescribeUser', 'connect:UpdateUser*'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:ResourceTag/Department': 'Test' } },
      },
    ],
  });
  const agent = `arn:aws:connect:us-east-1:${ACCT}:instance/i-1/agent/a-1`;
  const tagged = evaluate(request('connect:DescribeUser', agent, { context: ctx({ 'aws:ResourceTag/Department': 'Test' }) }), { identityPolicies: [p] });
  assert.equal(tagged.decision, 'ALLOWED');
  assert.deepEqual(tagged.missingContextKeys, []);
  const wrong = evaluate(request('connect:DescribeUser', agent, { context: ctx({ 'aws:ResourceTag/Department': 'Prod' }) }), { identityPolicies: [p] });
  assert.equal(wrong.decision, 'IMPLICIT_DENY');
  assert.equal(wrong.conditional, false);
  const untagged = evaluate(request('connect:DescribeUser', agent), { identityPolicies: [p] });
  assert.equal(untagged.decision, 'IMPLICIT_DENY');
  assert.deepEqual(untagged.missingContextKeys, ['aws:ResourceTag/Department']);
  assert.equal(untagged.conditional, true);
  assert.deepEqual(untagged.matchedStatements, []);
  const update = evaluate(request('connect:UpdateUserPhoneConfig', agent, { context: ctx({ 'aws:resourcetag/department': 'Test' }) }), {
    identityPolicies: [p],
  });
  assert.equal(update.decision, 'ALLOWED');
});

test('000 "Create Amazon Connect users based on tags": aws:RequestTag/Owner must be TeamA', () => {
  const p = policy('create-by-tag', {
    Statement: [
      {
        Effect: 'Allow',
        Action: ['connect:CreateUser', 'connect:TagResource'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestTag/Owner': 'TeamA' } },
      },
    ],
  });
  assert.equal(
    evaluate(request('connect:CreateUser', '*', { context: ctx({ 'aws:RequestTag/Owner': 'TeamA' }) }), { identityPolicies: [p] }).decision,
    'ALLOWED',
  );
  assert.equal(
    evaluate(request('connect:CreateUser', '*', { context: ctx({ 'aws:RequestTag/Owner': 'TeamB' }) }), { identityPolicies: [p] }).decision,
    'IMPLICIT_DENY',
  );
  assert.equal(evaluate(request('connect:CreateUser', '*'), { identityPolicies: [p] }).conditional, true);
});

test('000/002 AppIntegrations: the misspelt "app-integartions:DeleteEventIntegration" grants nothing', () => {
  const p = policy('appint', {
    Statement: [
      {
        Sid: 'AllowAllAppIntegrationsActions',
        Effect: 'Allow',
        Action: [
          'app-integrations:ListEventIntegrations',
          'app-integrations:CreateEventIntegration',
          'app-integrations:GetEventIntegration',
          'app-integrations:UpdateEventIntegration',
          'app-integartions:DeleteEventIntegration',
        ],
        Resource: '*',
      },
    ],
  });
  const res = `arn:aws:app-integrations:us-east-1:${ACCT}:event-integration/x`;
  assert.equal(evaluate(request('app-integrations:DeleteEventIntegration', res), { identityPolicies: [p] }).decision, 'IMPLICIT_DENY');
  assert.equal(evaluate(request('app-integrations:UpdateEventIntegration', res), { identityPolicies: [p] }).decision, 'ALLOWED');
});

test('000 AppIntegrations: "app-integrations::ListEventIntegrations" (empty action name) grants nothing', () => {
  const p = policy('appint2', {
    Statement: [
      {
        Effect: 'Allow',
        Action: ['app-integrations:CreateEventIntegration', 'app-integrations:GetEventIntegration', 'app-integrations::ListEventIntegrations'],
        Resource: '*',
      },
    ],
  });
  assert.equal(evaluate(request('app-integrations:ListEventIntegrations', '*'), { identityPolicies: [p] }).decision, 'IMPLICIT_DENY');
  assert.equal(evaluate(request('app-integrations:GetEventIntegration', '*'), { identityPolicies: [p] }).decision, 'ALLOWED');
});

test('002 "Allow actions for integrations with specific names": name prefix in the resource, but the ARN says "appintegrations"', () => {
  const p = policy('prefix', {
    Statement: [
      { Effect: 'Allow', Action: ['app-integrations:GetEventIntegration'], Resource: 'arn:aws:appintegrations:*:*:event-integration/MyNamePrefix-*' },
    ],
  });
  assert.equal(
    evaluate(request('app-integrations:GetEventIntegration', `arn:aws:appintegrations:us-east-1:${ACCT}:event-integration/MyNamePrefix-1`), {
      identityPolicies: [p],
    }).decision,
    'ALLOWED',
  );
  assert.equal(
    evaluate(request('app-integrations:GetEventIntegration', `arn:aws:app-integrations:us-east-1:${ACCT}:event-integration/MyNamePrefix-1`), {
      identityPolicies: [p],
    }).decision,
    'IMPLICIT_DENY',
  );
});

test('000 "Allow IAM users to view their own permissions": ${aws:username} in Resource', () => {
  const p = policy('view-own', {
    Statement: [
      {
        Sid: 'ViewOwnUserInfo',
        Effect: 'Allow',
        Action: ['iam:GetUserPolicy', 'iam:ListGroupsForUser', 'iam:ListAttachedUserPolicies', 'iam:ListUserPolicies', 'iam:GetUser'],
        Resource: ['arn:aws:iam::*:user/${aws:username}'],
      },
      {
        Sid: 'NavigateInConsole',
        Effect: 'Allow',
        Action: [
          'iam:GetGroupPolicy',
          'iam:GetPolicyVersion',
          'iam:GetPolicy',
          'iam:ListAttachedGroupPolicies',
          'iam:ListGroupPolicies',
          'iam:ListPolicyVersions',
          'iam:ListPolicies',
          'iam:ListUsers',
        ],
        Resource: '*',
      },
    ],
  });
  const c = ctx({ 'aws:username': 'alice' });
  const own = evaluate(request('iam:GetUser', `arn:aws:iam::${ACCT}:user/alice`, { context: c }), { identityPolicies: [p] });
  assert.equal(own.decision, 'ALLOWED');
  assert.deepEqual(
    own.matchedStatements.map((m) => m.sid),
    ['ViewOwnUserInfo'],
  );
  assert.equal(evaluate(request('iam:GetUser', `arn:aws:iam::${ACCT}:user/bob`, { context: c }), { identityPolicies: [p] }).decision, 'IMPLICIT_DENY');
  assert.equal(evaluate(request('iam:ListUsers', '*', { context: c }), { identityPolicies: [p] }).decision, 'ALLOWED');
});

test('004 AmazonConnect_FullAccess: service-linked role creation needs iam:AWSServiceName; Resource "" grants nothing', () => {
  const p = policy('AmazonConnect_FullAccess', {
    Statement: [
      { Effect: 'Allow', Action: ['connect:*', 's3:ListAllMyBuckets'], Resource: '*' },
      { Effect: 'Allow', Action: ['s3:CreateBucket', 's3:GetBucketAcl'], Resource: 'arn:aws:s3:::amazon-connect-*' },
      { Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: '*', Condition: { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } } },
    ],
  });
  assert.equal(evaluate(request('s3:CreateBucket', 'arn:aws:s3:::amazon-connect-abc'), { identityPolicies: [p] }).decision, 'ALLOWED');
  assert.equal(evaluate(request('s3:CreateBucket', 'arn:aws:s3:::other'), { identityPolicies: [p] }).decision, 'IMPLICIT_DENY');
  const slr = `arn:aws:iam::${ACCT}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_1`;
  assert.equal(
    evaluate(request('iam:CreateServiceLinkedRole', slr, { context: ctx({ 'iam:AWSServiceName': 'connect.amazonaws.com' }) }), { identityPolicies: [p] })
      .decision,
    'ALLOWED',
  );
  assert.equal(
    evaluate(request('iam:CreateServiceLinkedRole', slr, { context: ctx({ 'iam:AWSServiceName': 'ec2.amazonaws.com' }) }), { identityPolicies: [p] }).decision,
    'IMPLICIT_DENY',
  );
  const cw = policy('CustomerProfilesServiceLinkedRolePolicy', {
    Statement: [
      { Effect: 'Allow', Action: ['cloudwatch:PutMetricData'], Resource: '', Condition: { StringEquals: { 'cloudwatch:namespace': 'AWS/CustomerProfiles' } } },
    ],
  });
  const r = evaluate(request('cloudwatch:PutMetricData', '*', { context: ctx({ 'cloudwatch:namespace': 'AWS/CustomerProfiles' }) }), {
    identityPolicies: [cw],
  });
  assert.equal(r.decision, 'IMPLICIT_DENY');
});
