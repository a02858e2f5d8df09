/**
 * The decision — "Policy evaluation logic" (incl. "Determining whether a request is allowed or
 * denied within an account" and its table of resource-based policies vs implicit denies),
 * "Cross-account policy evaluation logic", "Permissions boundaries for IAM entities", "Service
 * control policies (SCPs)", "AWS JSON policy elements: Principal" / "NotPrincipal".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, type PolicySet } from '../../src/engine/evaluate.js';
import type { RequestPrincipal } from '../../src/engine/types.js';
import { ACCOUNT, ctx, OTHER, policy, request, role, stmt, user } from './doc.js';

const BUCKET = 'arn:aws:s3:::bucket/key';
const ALLOW_S3 = stmt('id-allow', { Sid: 'AllowS3', Effect: 'Allow', Action: 's3:*', Resource: '*' });
const ALLOW_ALL = (name: string) => stmt(name, { Sid: name, Effect: 'Allow', Action: '*', Resource: '*' });
const DENY_S3 = (name: string) => stmt(name, { Sid: name, Effect: 'Deny', Action: 's3:*', Resource: '*' });
const ONLY_EC2 = stmt('boundary', { Sid: 'OnlyEC2', Effect: 'Allow', Action: 'ec2:*', Resource: '*' });

function rp(principal: any, extra: Record<string, any> = {}) {
  return stmt('bucket-policy', { Sid: 'RP', Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*', ...extra });
}

function decide(set: PolicySet, principal: RequestPrincipal = user('alice'), opts: { resource?: string; resourceOwner?: string; action?: string } = {}) {
  const r: Parameters<typeof request>[2] = { principal };
  if (opts.resourceOwner !== undefined) r.resourceOwner = opts.resourceOwner;
  return evaluate(request(opts.action ?? 's3:GetObject', opts.resource ?? BUCKET, r), set);
}

test('Deny evaluation: an explicit Deny in an identity policy overrides any Allow', () => {
  const r = decide({ identityPolicies: [ALLOW_S3, DENY_S3('deny')] });
  assert.equal(r.decision, 'EXPLICIT_DENY');
  assert.deepEqual(
    r.matchedStatements.map((m) => [m.policyName, m.effect]),
    [['deny', 'Deny']],
  );
});

test('By default all requests are implicitly denied (no matching statements → empty matchedStatements)', () => {
  const r = decide({ identityPolicies: [ONLY_EC2] });
  assert.equal(r.decision, 'IMPLICIT_DENY');
  assert.deepEqual(r.matchedStatements, []);
  assert.equal(r.conditional, false);
});

test('Identity-based policies: one Allow suffices; matchedStatements lists the granting statements with positions', () => {
  const r = decide({ identityPolicies: [ALLOW_S3, ALLOW_ALL('admin')] });
  assert.equal(r.decision, 'ALLOWED');
  assert.deepEqual(r.matchedStatements, [
    { policyName: 'id-allow', sid: 'AllowS3', effect: 'Allow', line: 1, column: 1 },
    { policyName: 'admin', sid: 'admin', effect: 'Allow', line: 1, column: 1 },
  ]);
});

test('Permissions boundaries: identity and boundary must both allow', () => {
  const denied = decide({ identityPolicies: [ALLOW_S3], permissionsBoundaries: [ONLY_EC2] });
  assert.equal(denied.decision, 'IMPLICIT_DENY');
  assert.deepEqual(
    denied.matchedStatements.map((m) => m.sid),
    ['AllowS3'],
    'the Allow that matched, since the boundary lacked one',
  );
  const allowed = decide({ identityPolicies: [ALLOW_S3], permissionsBoundaries: [ALLOW_ALL('b2')] });
  assert.equal(allowed.decision, 'ALLOWED');
  assert.deepEqual(
    allowed.matchedStatements.map((m) => m.policyName),
    ['id-allow', 'b2'],
  );
  assert.equal(decide({ identityPolicies: [ALLOW_S3], permissionsBoundaries: [] }).decision, 'ALLOWED', 'empty list = no boundary');
});

// The contract (permissionsBoundaries: "when given, each must also allow"): several boundary
// policies intersect, like SCP levels; IAM itself attaches at most one boundary to an entity.
test('Permissions boundaries (contract): with several boundaries, each must allow', () => {
  const oneMissing = decide({ identityPolicies: [ALLOW_S3], permissionsBoundaries: [ONLY_EC2, ALLOW_ALL('b2')] });
  assert.equal(oneMissing.decision, 'IMPLICIT_DENY');
  const both = decide({ identityPolicies: [ALLOW_S3], permissionsBoundaries: [ALLOW_ALL('b1'), ALLOW_ALL('b2')] });
  assert.equal(both.decision, 'ALLOWED');
  assert.deepEqual(
    both.matchedStatements.map((m) => m.policyName),
    ['id-allow', 'b1', 'b2'],
  );
});

test('Permissions boundaries: a boundary grants nothing on its own', () => {
  assert.equal(decide({ identityPolicies: [], permissionsBoundaries: [ALLOW_ALL('b')] }).decision, 'IMPLICIT_DENY');
});

test('Permissions boundaries: an explicit Deny in the boundary wins', () => {
  assert.equal(decide({ identityPolicies: [ALLOW_S3], permissionsBoundaries: [ALLOW_ALL('b'), DENY_S3('bd')] }).decision, 'EXPLICIT_DENY');
});

test('SCPs: every level, root first, must allow; at a level one allowing policy suffices', () => {
  const set = (levels: any[][]): PolicySet => ({ identityPolicies: [ALLOW_S3], serviceControlPolicies: levels });
  assert.equal(decide(set([[ALLOW_ALL('FullAWSAccess')], [ALLOW_ALL('ou')]])).decision, 'ALLOWED');
  assert.equal(decide(set([[ALLOW_ALL('FullAWSAccess')], [ONLY_EC2]])).decision, 'IMPLICIT_DENY');
  assert.equal(decide(set([[ALLOW_ALL('FullAWSAccess')], [ONLY_EC2, ALLOW_S3]])).decision, 'ALLOWED');
  assert.equal(decide(set([[ALLOW_ALL('FullAWSAccess')], []])).decision, 'IMPLICIT_DENY', 'a level with no SCP cannot allow');
  assert.equal(decide(set([[ALLOW_ALL('FullAWSAccess'), DENY_S3('scp-deny')]])).decision, 'EXPLICIT_DENY');
  assert.equal(decide(set([])).decision, 'ALLOWED', 'no levels = no SCPs');
  assert.equal(decide({ identityPolicies: [], serviceControlPolicies: [[ALLOW_ALL('FullAWSAccess')]] }).decision, 'IMPLICIT_DENY', 'SCPs grant nothing');
  const r = decide(set([[ALLOW_ALL('root')], [ALLOW_ALL('ou')]]));
  assert.deepEqual(
    r.matchedStatements.map((m) => m.policyName),
    ['id-allow', 'root', 'ou'],
  );
});

test('SCPs limit resource-based grants too (same account)', () => {
  const r = decide({ identityPolicies: [], resourcePolicy: rp({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }), serviceControlPolicies: [[ONLY_EC2]] });
  assert.equal(r.decision, 'IMPLICIT_DENY');
});

test('Same account: a resource-based policy alone grants to the IAM user it names', () => {
  const r = decide({ identityPolicies: [], resourcePolicy: rp({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }) });
  assert.equal(r.decision, 'ALLOWED');
  assert.deepEqual(
    r.matchedStatements.map((m) => m.sid),
    ['RP'],
  );
  assert.equal(decide({ identityPolicies: [], resourcePolicy: rp({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }) }).decision, 'IMPLICIT_DENY');
});

test("Same account: naming the IAM user ARN is not limited by the user's permissions boundary", () => {
  const r = decide({ identityPolicies: [], permissionsBoundaries: [ONLY_EC2], resourcePolicy: rp({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }) });
  assert.equal(r.decision, 'ALLOWED');
});

test("Same account: naming the IAM role ARN is limited by the role's boundary, not by its identity policies", () => {
  const named = rp({ AWS: `arn:aws:iam::${ACCOUNT}:role/app` });
  assert.equal(decide({ identityPolicies: [], resourcePolicy: named }, role('app')).decision, 'ALLOWED');
  assert.equal(decide({ identityPolicies: [], permissionsBoundaries: [ONLY_EC2], resourcePolicy: named }, role('app')).decision, 'IMPLICIT_DENY');
  const ok = decide({ identityPolicies: [], permissionsBoundaries: [ALLOW_S3], resourcePolicy: named }, role('app'));
  assert.equal(ok.decision, 'ALLOWED');
  assert.deepEqual(
    ok.matchedStatements.map((m) => m.policyName),
    ['id-allow', 'bucket-policy'],
  );
});

test('Same account: naming the assumed-role session ARN grants directly (not limited by the boundary)', () => {
  const named = rp({ AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/app/accessql` });
  assert.equal(decide({ identityPolicies: [], permissionsBoundaries: [ONLY_EC2], resourcePolicy: named }, role('app')).decision, 'ALLOWED');
  assert.equal(decide({ identityPolicies: [], resourcePolicy: named }, role('app', ACCOUNT, 'other-session')).decision, 'IMPLICIT_DENY');
  // The session ARN carries the role name without its path.
  const withPath: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:role/team/app`, accountId: ACCOUNT, type: 'Role', sessionName: 'accessql' };
  assert.equal(decide({ identityPolicies: [], resourcePolicy: named }, withPath).decision, 'ALLOWED');
  // A caller given by its session ARN also matches a policy naming the role.
  const session: RequestPrincipal = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`, accountId: ACCOUNT, type: 'Role' };
  assert.equal(decide({ identityPolicies: [], resourcePolicy: rp({ AWS: `arn:aws:iam::${ACCOUNT}:role/app` }) }, session).decision, 'ALLOWED');
});

test('Same account: naming the account (ID or :root ARN) delegates to identity policies', () => {
  for (const p of [ACCOUNT, `arn:aws:iam::${ACCOUNT}:root`]) {
    assert.equal(decide({ identityPolicies: [], resourcePolicy: rp({ AWS: p }) }).decision, 'IMPLICIT_DENY', p);
    assert.equal(decide({ identityPolicies: [ALLOW_S3], resourcePolicy: rp({ AWS: p }) }).decision, 'ALLOWED', p);
  }
});

test('Principal "*" and {"AWS": "*"} grant to everyone, not limited by a boundary', () => {
  for (const p of ['*', { AWS: '*' }]) {
    assert.equal(decide({ identityPolicies: [], permissionsBoundaries: [ONLY_EC2], resourcePolicy: rp(p) }).decision, 'ALLOWED');
  }
  const anon = evaluate({ action: 's3:GetObject', resource: BUCKET, context: new Map() }, { identityPolicies: [], resourcePolicy: rp('*') });
  assert.equal(anon.decision, 'ALLOWED');
});

test('Principal: wildcards inside ARNs match nothing ("You cannot use a wildcard to match part of a principal name or ARN")', () => {
  assert.equal(decide({ identityPolicies: [], resourcePolicy: rp({ AWS: `arn:aws:iam::${ACCOUNT}:user/*` }) }).decision, 'IMPLICIT_DENY');
  assert.equal(
    decide({ identityPolicies: [], resourcePolicy: rp({ AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/app/*` }) }, role('app')).decision,
    'IMPLICIT_DENY',
  );
});

test('Principal: user name part is case-sensitive', () => {
  assert.equal(decide({ identityPolicies: [], resourcePolicy: rp({ AWS: `arn:aws:iam::${ACCOUNT}:user/Alice` }) }).decision, 'IMPLICIT_DENY');
});

test('Principal: service principals', () => {
  const svc: RequestPrincipal = { arn: 'cloudtrail.amazonaws.com', accountId: ACCOUNT, type: 'Service' };
  assert.equal(decide({ identityPolicies: [], resourcePolicy: rp({ Service: 'cloudtrail.amazonaws.com' }) }, svc).decision, 'ALLOWED');
  assert.equal(decide({ identityPolicies: [], resourcePolicy: rp({ Service: 'config.amazonaws.com' }) }, svc).decision, 'IMPLICIT_DENY');
});

test('Resource-based statements without Principal/NotPrincipal are ignored', () => {
  const p = stmt('bp', { Effect: 'Allow', Action: 's3:*', Resource: '*' });
  assert.equal(decide({ identityPolicies: [], resourcePolicy: p }).decision, 'IMPLICIT_DENY');
});

test('Resource-based policies: an explicit Deny for the principal wins over identity allows', () => {
  const d = stmt('bp', { Sid: 'D', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' });
  const r = decide({ identityPolicies: [ALLOW_S3], resourcePolicy: d });
  assert.equal(r.decision, 'EXPLICIT_DENY');
  assert.deepEqual(
    r.matchedStatements.map((m) => m.sid),
    ['D'],
  );
});

test('NotPrincipal with Deny: denies everyone except the principals named', () => {
  const d = (np: any) =>
    policy('bp', {
      Statement: [{ Sid: 'D', Effect: 'Deny', NotPrincipal: np, Action: 's3:*', Resource: '*' }],
    });
  const np = { AWS: [`arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::${ACCOUNT}:root`] };
  assert.equal(decide({ identityPolicies: [ALLOW_S3], resourcePolicy: d(np) }).decision, 'ALLOWED');
  assert.equal(decide({ identityPolicies: [ALLOW_S3], resourcePolicy: d(np) }, user('bob', OTHER), { resourceOwner: ACCOUNT }).decision, 'EXPLICIT_DENY');
});

test('NotPrincipal with Deny always denies a principal that has a permissions boundary (Permissions boundaries, Important)', () => {
  const d = policy('bp', { Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 's3:*', Resource: '*' }] });
  assert.equal(decide({ identityPolicies: [ALLOW_S3], resourcePolicy: d }).decision, 'ALLOWED');
  assert.equal(decide({ identityPolicies: [ALLOW_S3], permissionsBoundaries: [ALLOW_ALL('b')], resourcePolicy: d }).decision, 'EXPLICIT_DENY');
});

test('NotPrincipal with Allow grants to everyone not named', () => {
  const a = policy('bp', { Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, Action: 's3:*', Resource: '*' }] });
  assert.equal(decide({ identityPolicies: [], resourcePolicy: a }).decision, 'ALLOWED');
  assert.equal(decide({ identityPolicies: [], resourcePolicy: a }, user('bob')).decision, 'IMPLICIT_DENY');
});

test('Cross-account: identity policy and resource-based policy must both allow', () => {
  const stranger = user('eve', OTHER);
  const resource = `arn:aws:sqs:us-east-1:${ACCOUNT}:queue`;
  const idAllow = stmt('id', { Effect: 'Allow', Action: 'sqs:*', Resource: '*' });
  const qp = (p: any) => stmt('qp', { Effect: 'Allow', Principal: p, Action: 'sqs:SendMessage', Resource: resource });
  const o = { resource, action: 'sqs:SendMessage' };
  assert.equal(decide({ identityPolicies: [idAllow] }, stranger, o).decision, 'IMPLICIT_DENY', 'no resource policy → denied');
  assert.equal(decide({ identityPolicies: [], resourcePolicy: qp({ AWS: stranger.arn }) }, stranger, o).decision, 'IMPLICIT_DENY', 'resource policy alone');
  const both = decide({ identityPolicies: [idAllow], resourcePolicy: qp({ AWS: stranger.arn }) }, stranger, o);
  assert.equal(both.decision, 'ALLOWED');
  assert.deepEqual(
    both.matchedStatements.map((m) => m.policyName),
    ['id', 'qp'],
  );
  assert.equal(decide({ identityPolicies: [idAllow], resourcePolicy: qp({ AWS: OTHER }) }, stranger, o).decision, 'ALLOWED', 'account principal');
  assert.equal(decide({ identityPolicies: [idAllow], resourcePolicy: qp({ AWS: ACCOUNT }) }, stranger, o).decision, 'IMPLICIT_DENY', 'other account named');
  assert.equal(
    decide({ identityPolicies: [idAllow], permissionsBoundaries: [ONLY_EC2], resourcePolicy: qp({ AWS: stranger.arn }) }, stranger, o).decision,
    'IMPLICIT_DENY',
    'boundary still limits',
  );
});

test("Resource owner: resourceOwner, else the ARN account, else the caller's account", () => {
  // An S3 ARN carries no account: owned by the caller's account.
  assert.equal(decide({ identityPolicies: [ALLOW_S3] }).decision, 'ALLOWED');
  assert.equal(decide({ identityPolicies: [ALLOW_S3] }, user('alice'), { resourceOwner: OTHER }).decision, 'IMPLICIT_DENY');
  assert.equal(
    decide({ identityPolicies: [ALLOW_ALL('a')] }, user('alice'), { resource: `arn:aws:ec2:us-east-1:${OTHER}:instance/i-1`, action: 'ec2:StartInstances' })
      .decision,
    'IMPLICIT_DENY',
  );
  assert.equal(
    decide({ identityPolicies: [ALLOW_ALL('a')] }, user('alice'), {
      resource: `arn:aws:ec2:us-east-1:${OTHER}:instance/i-1`,
      action: 'ec2:StartInstances',
      resourceOwner: ACCOUNT,
    }).decision,
    'ALLOWED',
  );
});

test('The account root user has full access in its account, still subject to explicit denies and SCPs', () => {
  const root: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, type: 'Root' };
  assert.equal(decide({ identityPolicies: [] }, root).decision, 'ALLOWED');
  assert.equal(decide({ identityPolicies: [DENY_S3('d')] }, root).decision, 'EXPLICIT_DENY');
  assert.equal(decide({ identityPolicies: [], serviceControlPolicies: [[ONLY_EC2]] }, root).decision, 'IMPLICIT_DENY');
});

test('missingContextKeys: keys of statements whose action and resource match, unique case-insensitively, spelled as in the policy', () => {
  const p = policy('p', {
    Statement: [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/Dept': 'x', 'aws:PrincipalTag/Team': 'y' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 'AWS:RESOURCETAG/DEPT': 'x*' } } },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/Other': 'x' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::elsewhere/*', Condition: { StringEquals: { 'aws:RequestTag/Elsewhere': 'x' } } },
    ],
  });
  const r = evaluate(request('s3:GetObject', BUCKET, { context: ctx({ 'aws:principaltag/team': 'y' }) }), { identityPolicies: [p] });
  assert.deepEqual(r.missingContextKeys, ['aws:ResourceTag/Dept']);
  assert.equal(r.decision, 'IMPLICIT_DENY');
  assert.equal(r.conditional, true);
});

test('conditional: an Allow that fails only on a missing key; not when another condition is definitively false', () => {
  const p = stmt('p', {
    Effect: 'Allow',
    Action: '*',
    Resource: '*',
    Condition: { StringEquals: { 'aws:ResourceTag/Dept': 'x', 'aws:PrincipalTag/Team': 'y' } },
  });
  const yes = evaluate(request('s3:GetObject', BUCKET, { context: ctx({ 'aws:PrincipalTag/Team': 'y' }) }), { identityPolicies: [p] });
  assert.equal(yes.conditional, true);
  const no = evaluate(request('s3:GetObject', BUCKET, { context: ctx({ 'aws:PrincipalTag/Team': 'z' }) }), { identityPolicies: [p] });
  assert.equal(no.conditional, false);
  assert.deepEqual(no.missingContextKeys, ['aws:ResourceTag/Dept']);
});

test('conditional: a Deny depending on a missing key is assumed not to apply; a certain Deny blocks', () => {
  const allow = stmt('a', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/Dept': 'x' } } });
  const maybeDeny = stmt('d', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/Env': 'prod' } } });
  const r = evaluate(request('s3:GetObject', BUCKET), { identityPolicies: [allow, maybeDeny] });
  assert.equal(r.decision, 'IMPLICIT_DENY');
  assert.equal(r.conditional, true);
  assert.deepEqual(r.missingContextKeys, ['aws:ResourceTag/Dept', 'aws:RequestTag/Env']);
  const certainDeny = stmt('cd', { Effect: 'Deny', Action: '*', Resource: '*' });
  assert.equal(evaluate(request('s3:GetObject', BUCKET), { identityPolicies: [allow, certainDeny] }).conditional, false);
});

test('conditional: a negated Deny on a missing key denies now (AWS) but could be avoided with the right value', () => {
  const allow = ALLOW_ALL('a');
  const deny = stmt('d', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } });
  const r = evaluate(request('s3:GetObject', BUCKET), { identityPolicies: [allow, deny] });
  assert.equal(r.decision, 'EXPLICIT_DENY');
  assert.equal(r.conditional, true);
  assert.deepEqual(r.missingContextKeys, ['aws:SourceIp']);
  const withIp = evaluate(request('s3:GetObject', BUCKET, { context: ctx({ 'aws:SourceIp': '10.1.2.3' }) }), { identityPolicies: [allow, deny] });
  assert.equal(withIp.decision, 'ALLOWED');
});

test('conditional: IfExists treats a missing key definitively', () => {
  const allow = ALLOW_ALL('a');
  const deny = stmt('d', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/env': 'dev' } } });
  const r = evaluate(request('s3:GetObject', BUCKET), { identityPolicies: [allow, deny] });
  assert.equal(r.decision, 'EXPLICIT_DENY');
  assert.equal(r.conditional, false);
  const ifExistsAllow = stmt('b', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualsIfExists: { 'aws:ResourceTag/env': 'dev' } } });
  const r2 = evaluate(request('s3:GetObject', BUCKET), { identityPolicies: [ifExistsAllow] });
  assert.equal(r2.decision, 'ALLOWED');
  assert.equal(r2.conditional, false);
  assert.deepEqual(r2.missingContextKeys, ['aws:ResourceTag/env']);
});

test('conditional: each layer must possibly allow (boundary with a missing-key condition, cross-account resource policy)', () => {
  const boundary = stmt('b', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
  const r = decide({ identityPolicies: [ALLOW_S3], permissionsBoundaries: [boundary] });
  assert.equal(r.decision, 'IMPLICIT_DENY');
  assert.equal(r.conditional, true);
  const r2 = decide({ identityPolicies: [], permissionsBoundaries: [boundary] });
  assert.equal(r2.conditional, false, 'identity has no allow at all');
  const stranger = user('eve', OTHER);
  const cond = stmt('qp', {
    Effect: 'Allow',
    Principal: { AWS: OTHER },
    Action: 's3:*',
    Resource: '*',
    Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
  });
  const r3 = decide({ identityPolicies: [ALLOW_S3], resourcePolicy: cond }, stranger, { resourceOwner: ACCOUNT });
  assert.equal(r3.decision, 'IMPLICIT_DENY');
  assert.equal(r3.conditional, true);
});

test('conditional is false when ALLOWED', () => {
  const p = stmt('p', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' } } });
  const r = decide({ identityPolicies: [p] });
  assert.equal(r.decision, 'ALLOWED');
  assert.equal(r.conditional, false);
  assert.deepEqual(r.missingContextKeys, ['aws:TagKeys']);
});

test('Compiled policies are reusable across requests and results do not share mutable state', () => {
  const set = { identityPolicies: [ALLOW_S3] };
  const a = decide(set);
  const b = decide(set);
  assert.notEqual(a.matchedStatements, b.matchedStatements);
  assert.throws(() => {
    (a.matchedStatements[0] as any).sid = 'x';
  });
});

test('Resource-based statements may omit Resource (the resource the policy is attached to)', () => {
  const p = stmt('topic', { Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sns:*', Condition: { StringEquals: { 'sns:Protocol': 'https' } } });
  const r = evaluate(request('sns:Subscribe', `arn:aws:sns:us-east-1:${ACCOUNT}:t`, { context: ctx({ 'sns:Protocol': 'https' }) }), {
    identityPolicies: [ALLOW_ALL('id')],
    resourcePolicy: p,
  });
  assert.equal(r.decision, 'ALLOWED');
  assert.equal(r.matchedStatements.length, 2);
});

test('Principal: federated user sessions are matched by their sts ARN', () => {
  const fed: RequestPrincipal = { arn: `arn:aws:sts::${ACCOUNT}:federated-user/bob`, accountId: ACCOUNT, type: 'FederatedUser' };
  assert.equal(decide({ identityPolicies: [], resourcePolicy: rp({ AWS: fed.arn }) }, fed).decision, 'ALLOWED');
});

test('Variables in ARN conditions and per-request caches give per-request answers', () => {
  const p = stmt('p', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::${aws:username}-*' } } });
  const run = (u: string, src: string) =>
    evaluate(request('s3:GetObject', BUCKET, { context: ctx({ 'aws:username': u, 'aws:SourceArn': src }) }), { identityPolicies: [p] }).decision;
  assert.equal(run('alice', 'arn:aws:s3:::alice-logs'), 'ALLOWED');
  assert.equal(run('bob', 'arn:aws:s3:::alice-logs'), 'IMPLICIT_DENY');
  assert.equal(run('bob', 'arn:aws:s3:::bob-logs'), 'ALLOWED');
  assert.equal(run('alice', 'arn:aws:s3:::alice-logs'), 'ALLOWED');
});
