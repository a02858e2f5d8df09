/**
 * Action and Resource matching — "IAM JSON policy elements: Action", "NotAction", "Resource",
 * "NotResource"; ARN segments as in "Condition operators", section ARN.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/engine/evaluate.js';
import { policy, request, stmt } from './doc.js';

function decide(statement: Record<string, any>, action: string, resource: string): string {
  return evaluate(request(action, resource), { identityPolicies: [stmt('p', statement)] }).decision;
}

test('Action: service:action, case-insensitive, with * and ?', () => {
  const s = { Effect: 'Allow', Action: ['S3:Get*', 'iam:List?sers'], Resource: '*' };
  assert.equal(decide(s, 's3:GetObject', 'arn:aws:s3:::b/k'), 'ALLOWED');
  assert.equal(decide(s, 's3:getobject', 'arn:aws:s3:::b/k'), 'ALLOWED');
  assert.equal(decide(s, 's3:PutObject', 'arn:aws:s3:::b/k'), 'IMPLICIT_DENY');
  assert.equal(decide(s, 'IAM:ListUsers', '*'), 'ALLOWED');
  assert.equal(decide(s, 'iam:ListRoles', '*'), 'IMPLICIT_DENY');
  assert.equal(decide({ Effect: 'Allow', Action: '*', Resource: '*' }, 'anything:AtAll', '*'), 'ALLOWED');
  assert.equal(decide({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, 's3express:CreateSession', '*'), 'IMPLICIT_DENY');
});

test('NotAction: matches every action except those listed', () => {
  const s = { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' };
  assert.equal(decide(s, 's3:GetObject', '*'), 'ALLOWED');
  assert.equal(decide(s, 'iam:CreateUser', '*'), 'IMPLICIT_DENY');
  assert.equal(decide(s, 'IAM:CreateUser', '*'), 'IMPLICIT_DENY');
});

test('Statements without Effect or without Action/NotAction are ignored (invalid)', () => {
  assert.equal(decide({ Action: '*', Resource: '*' }, 's3:GetObject', '*'), 'IMPLICIT_DENY');
  assert.equal(decide({ Effect: 'Allow', Resource: '*' }, 's3:GetObject', '*'), 'IMPLICIT_DENY');
  assert.equal(decide({ Effect: 'Deny', Resource: '*' }, 's3:GetObject', '*'), 'IMPLICIT_DENY');
});

test('Resource: "*" matches everything, including non-ARN resources', () => {
  const s = { Effect: 'Allow', Action: '*', Resource: '*' };
  assert.equal(decide(s, 's3:ListAllMyBuckets', '*'), 'ALLOWED');
  assert.equal(decide(s, 's3:GetObject', 'arn:aws:s3:::b/k'), 'ALLOWED');
});

test('Resource: ARNs are case-sensitive and matched segment by segment', () => {
  const s = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::Bucket/*' };
  assert.equal(decide(s, 's3:GetObject', 'arn:aws:s3:::Bucket/a/b:c'), 'ALLOWED');
  assert.equal(decide(s, 's3:GetObject', 'arn:aws:s3:::bucket/a'), 'IMPLICIT_DENY');
  // `*` in the region segment does not cross a colon.
  const r = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:ec2:*:123456789012:instance/*' };
  assert.equal(decide(r, 'ec2:StartInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1'), 'ALLOWED');
  assert.equal(decide(r, 'ec2:StartInstances', 'arn:aws:ec2:us-east-1:999999999999:instance/i-1'), 'IMPLICIT_DENY');
  const cross = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:someservice:*:111122223333:finance/*' };
  assert.equal(decide(cross, 'x:Y', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/d'), 'IMPLICIT_DENY');
  const q = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:iam::12345678901?:user/*' };
  assert.equal(decide(q, 'iam:GetUser', 'arn:aws:iam::123456789012:user/bob'), 'ALLOWED');
  assert.equal(decide(q, 'iam:GetUser', 'arn:aws:iam::1234567890123:user/bob'), 'IMPLICIT_DENY');
});

test('Resource: wildcard in the resource part matches across / and :', () => {
  const s = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:connect:us-west-2:*:instance/*/contact/*' };
  assert.equal(decide(s, 'connect:StopContact', 'arn:aws:connect:us-west-2:123456789012:instance/i1/contact/c1'), 'ALLOWED');
  assert.equal(decide(s, 'connect:StopContact', 'arn:aws:connect:us-west-2:123456789012:instance/i1/agent/a1'), 'IMPLICIT_DENY');
});

test('Resource: an empty account segment only matches an empty account (arn:aws:iam:::role/...)', () => {
  const s = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:iam:::role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile_*' };
  assert.equal(
    decide(s, 'iam:DeleteRole', 'arn:aws:iam::123456789012:role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile_x'),
    'IMPLICIT_DENY',
  );
});

test('Resource: "" matches only the empty string (CustomerProfilesServiceLinkedRolePolicy quirk)', () => {
  const s = { Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '' };
  assert.equal(decide(s, 'cloudwatch:PutMetricData', '*'), 'IMPLICIT_DENY');
  assert.equal(decide(s, 'cloudwatch:PutMetricData', 'arn:aws:cloudwatch:us-east-1:1:alarm:x'), 'IMPLICIT_DENY');
});

test('NotResource: matches every resource except those listed', () => {
  const s = { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::mine', 'arn:aws:s3:::mine/*'] };
  const allow = { Effect: 'Allow', Action: 's3:*', Resource: '*' };
  const p = policy('p', { Statement: [allow, s] });
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:::mine/x'), { identityPolicies: [p] }).decision, 'ALLOWED');
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:::other/x'), { identityPolicies: [p] }).decision, 'EXPLICIT_DENY');
});

test('Resource: several entries are ORed; an empty Resource list matches nothing', () => {
  const s = { Effect: 'Allow', Action: '*', Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::b'] };
  assert.equal(decide(s, 's3:ListBucket', 'arn:aws:s3:::b'), 'ALLOWED');
  assert.equal(decide(s, 's3:ListBucket', 'arn:aws:s3:::c'), 'IMPLICIT_DENY');
  assert.equal(decide({ Effect: 'Allow', Action: '*', Resource: [] }, 's3:ListBucket', 'arn:aws:s3:::c'), 'IMPLICIT_DENY');
});

test('Identity statements without Resource/NotResource are ignored (Resource is required there)', () => {
  assert.equal(decide({ Effect: 'Allow', Action: '*' }, 's3:GetObject', 'arn:aws:s3:::b/k'), 'IMPLICIT_DENY');
});

test('Prefilter by service keeps document order and wildcard-service statements', () => {
  const p = policy('p', {
    Statement: [
      { Sid: 'A', Effect: 'Allow', Action: 's3:Get*', Resource: '*' },
      { Sid: 'B', Effect: 'Allow', Action: '*:Get*', Resource: '*' },
      { Sid: 'C', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Sid: 'D', Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
    ],
  });
  const r = evaluate(request('s3:GetObject', 'arn:aws:s3:::b/k'), { identityPolicies: [p] });
  assert.deepEqual(
    r.matchedStatements.map((m) => m.sid),
    ['A', 'B', 'C'],
  );
  const r2 = evaluate(request('ec2:GetConsoleOutput', '*'), { identityPolicies: [p] });
  assert.deepEqual(
    r2.matchedStatements.map((m) => m.sid),
    ['B', 'C', 'D'],
  );
});
