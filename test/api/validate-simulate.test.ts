import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.stop();
});

const VALIDATE = `query($d: String!, $t: PolicyType) { validatePolicy(document: $d, policyType: $t) { valid findings { findingType code message line column } } }`;
const SIMULATE = `query($i: SimulateCustomPolicyInput!) { simulateCustomPolicy(input: $i) { results { action resource decision missingContextKeys matchedStatements { policyName sid effect line column } } } }`;

test('validatePolicy over HTTP names the line and column of a trailing comma (RFC 8259 forbids it)', async () => {
  const doc = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",}]\n}';
  const r = await server.gql(VALIDATE, { d: doc });
  assert.equal(r.status, 200);
  const v = r.data.validatePolicy;
  assert.equal(v.valid, false);
  const syntax = v.findings.find((f: any) => f.findingType === 'ERROR');
  assert.ok(syntax, 'an ERROR finding');
  assert.equal(syntax.line, 3);
  assert.equal(syntax.column, doc.split('\n')[2].indexOf('}]') + 1);
});

test('validatePolicy: the documented misspelt service app-integartions is an ERROR finding', async () => {
  const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['app-integartions:DeleteEventIntegration'], Resource: '*' }] });
  const r = await server.gql(VALIDATE, { d: doc });
  assert.equal(r.data.validatePolicy.valid, false);
  assert.ok(r.data.validatePolicy.findings.some((f: any) => /app-integartions/.test(f.message)));
});

test('simulateCustomPolicy: explicit Deny beats Allow ("Policy evaluation logic": an explicit deny in any policy overrides any allow)', async () => {
  const allow = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'connect:*', Resource: '*' }] });
  const deny =
    '{\n "Version": "2012-10-17",\n "Statement": [\n  {"Sid": "NoAgentChanges", "Effect": "Deny", "Action": ["connect:DeleteUser", "connect:UpdateUser*"],\n   "Resource": "arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/*"}\n ]\n}';
  const agent = 'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1';
  const r = await server.gql(SIMULATE, { i: { policies: [allow, deny], actions: ['connect:DeleteUser', 'connect:DescribeUser'], resources: [agent] } });
  assert.equal(r.errors, undefined);
  const [del, describe] = r.data.simulateCustomPolicy.results;
  assert.equal(del.action, 'connect:DeleteUser');
  assert.equal(del.decision, 'EXPLICIT_DENY');
  assert.deepEqual(
    del.matchedStatements.map((s: any) => [s.policyName, s.sid, s.effect, s.line]),
    [['policies[1]', 'NoAgentChanges', 'Deny', 4]],
  );
  assert.equal(describe.decision, 'ALLOWED');
  assert.equal(describe.matchedStatements[0].policyName, 'policies[0]');
});

test('simulateCustomPolicy: results are actions outer, resources inner, in input order; resources default to "*"', async () => {
  const p = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' }] });
  const r = await server.gql(SIMULATE, {
    i: { policies: [p], actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::a/x', 'arn:aws:s3:::b/x'] },
  });
  assert.deepEqual(
    r.data.simulateCustomPolicy.results.map((x: any) => [x.action, x.resource, x.decision]),
    [
      ['s3:GetObject', 'arn:aws:s3:::a/x', 'ALLOWED'],
      ['s3:GetObject', 'arn:aws:s3:::b/x', 'IMPLICIT_DENY'],
      ['s3:PutObject', 'arn:aws:s3:::a/x', 'IMPLICIT_DENY'],
      ['s3:PutObject', 'arn:aws:s3:::b/x', 'IMPLICIT_DENY'],
    ],
  );
  const d = await server.gql(SIMULATE, { i: { policies: [p], actions: ['s3:GetObject'] } });
  assert.deepEqual(
    d.data.simulateCustomPolicy.results.map((x: any) => x.resource),
    ['*'],
  );
});

test('simulateCustomPolicy: a condition key the request lacks is listed in missingContextKeys', async () => {
  const p = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'connect:DescribeUser', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/Department': 'Test' } } }],
  });
  const r = await server.gql(SIMULATE, { i: { policies: [p], actions: ['connect:DescribeUser'] } });
  const [res] = r.data.simulateCustomPolicy.results;
  assert.equal(res.decision, 'IMPLICIT_DENY');
  assert.deepEqual(res.missingContextKeys, ['aws:ResourceTag/Department']);
  const ok = await server.gql(SIMULATE, {
    i: { policies: [p], actions: ['connect:DescribeUser'], context: [{ key: 'aws:ResourceTag/Department', values: ['Test'] }] },
  });
  assert.equal(ok.data.simulateCustomPolicy.results[0].decision, 'ALLOWED');
  assert.deepEqual(ok.data.simulateCustomPolicy.results[0].missingContextKeys, []);
});

test('simulateCustomPolicy: malformed JSON is MALFORMED_POLICY_DOCUMENT with policy, line and column', async () => {
  const good = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  const bad = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" "Action": "*", "Resource": "*"}\n  ]\n}';
  const r = await server.gql(SIMULATE, { i: { policies: [good, bad], actions: ['s3:GetObject'] } });
  assert.equal(r.data, null);
  const e = r.errors![0];
  assert.equal(e.extensions!.code, 'MALFORMED_POLICY_DOCUMENT');
  assert.equal(e.extensions!.policy, 'policies[1]');
  assert.equal(e.extensions!.line, 4);
  assert.equal(e.extensions!.column, 24);
});
