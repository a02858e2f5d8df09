/**
 * Policy variables — "IAM policy elements: Variables and tags" and "IAM JSON policy elements:
 * Version".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/engine/evaluate.js';
import { compilePolicy } from '../../src/engine/compile.js';
import { ctx, doc, request, role, stmt, user } from './doc.js';

const OWN = { Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: 'arn:aws:iam::*:user/${aws:username}' };

test('Variables, Resource element: ${aws:username} is replaced by the user name', () => {
  const p = stmt('own', OWN);
  const c = ctx({ 'aws:username': 'alice' });
  assert.equal(evaluate(request('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/alice', { context: c }), { identityPolicies: [p] }).decision, 'ALLOWED');
  assert.equal(
    evaluate(request('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/bob', { context: c }), { identityPolicies: [p] }).decision,
    'IMPLICIT_DENY',
  );
});

test('Variables: a missing key makes the Resource not match, and is reported as missing (conditional)', () => {
  const p = stmt('own', OWN);
  const r = evaluate(request('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/alice', { principal: role('r') }), { identityPolicies: [p] });
  assert.equal(r.decision, 'IMPLICIT_DENY');
  assert.deepEqual(r.missingContextKeys, ['aws:username']);
  assert.equal(r.conditional, true);
});

test('Variables: the substituted value is literal text, not a wildcard', () => {
  const p = stmt('own', OWN);
  const c = ctx({ 'aws:username': '*' });
  assert.equal(
    evaluate(request('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/bob', { context: c }), { identityPolicies: [p] }).decision,
    'IMPLICIT_DENY',
  );
});

test('Version: without Version (or with 2008-10-17) variables are literal text', () => {
  for (const version of [undefined, '2008-10-17']) {
    const json: Record<string, any> = { Statement: [OWN] };
    if (version) json['Version'] = version;
    const p = compilePolicy(doc(json), 'old');
    const c = ctx({ 'aws:username': 'alice' });
    assert.equal(
      evaluate(request('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/alice', { context: c }), { identityPolicies: [p] }).decision,
      'IMPLICIT_DENY',
    );
    assert.equal(
      evaluate(request('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/${aws:username}', { context: c }), { identityPolicies: [p] }).decision,
      'ALLOWED',
    );
  }
});

test('Variables, Condition element: string operators substitute variables', () => {
  const p = stmt('p', {
    Effect: 'Allow',
    Action: 's3:ListBucket',
    Resource: 'arn:aws:s3:::b',
    Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } },
  });
  const ok = ctx({ 'aws:username': 'alice', 's3:prefix': 'home/alice/docs' });
  const ko = ctx({ 'aws:username': 'alice', 's3:prefix': 'home/bob/docs' });
  assert.equal(evaluate(request('s3:ListBucket', 'arn:aws:s3:::b', { context: ok }), { identityPolicies: [p] }).decision, 'ALLOWED');
  assert.equal(evaluate(request('s3:ListBucket', 'arn:aws:s3:::b', { context: ko }), { identityPolicies: [p] }).decision, 'IMPLICIT_DENY');
});

test('Variables: tags as variables (${aws:PrincipalTag/department})', () => {
  const p = stmt('p', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/${aws:PrincipalTag/department}' });
  const c = ctx({ 'aws:PrincipalTag/department': 'hr' });
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:::bucket/hr', { context: c }), { identityPolicies: [p] }).decision, 'ALLOWED');
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:::bucket/it', { context: c }), { identityPolicies: [p] }).decision, 'IMPLICIT_DENY');
});

test("Variables: default values ${key, 'default'}", () => {
  const p = stmt('p', { Effect: 'Allow', Action: 's3:*', Resource: "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'shared'}/*" });
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:::bucket/shared/x'), { identityPolicies: [p] }).decision, 'ALLOWED');
  const c = ctx({ 'aws:PrincipalTag/team': 'red' });
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:::bucket/red/x', { context: c }), { identityPolicies: [p] }).decision, 'ALLOWED');
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:::bucket/shared/x', { context: c }), { identityPolicies: [p] }).decision, 'IMPLICIT_DENY');
  const q = stmt('q', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/x': "${aws:userid, 'anonymous'}" } } });
  assert.equal(evaluate(request('s3:GetObject', '*', { context: ctx({ 'aws:PrincipalTag/x': 'anonymous' }) }), { identityPolicies: [q] }).decision, 'ALLOWED');
});

test('Variables, Special characters: ${*}, ${?}, ${$} are literal characters', () => {
  const p = stmt('p', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${*}${?}${$}' });
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:::b/*?$'), { identityPolicies: [p] }).decision, 'ALLOWED');
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:::b/ab$'), { identityPolicies: [p] }).decision, 'IMPLICIT_DENY');
  const q = stmt('q', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringLike: { 's3:prefix': 'a${*}b*' } } });
  assert.equal(evaluate(request('s3:ListBucket', '*', { context: ctx({ 's3:prefix': 'a*bcd' }) }), { identityPolicies: [q] }).decision, 'ALLOWED');
  assert.equal(evaluate(request('s3:ListBucket', '*', { context: ctx({ 's3:prefix': 'axbcd' }) }), { identityPolicies: [q] }).decision, 'IMPLICIT_DENY');
});

test('Policy variables with no value: a negated operator against a variable with no value matches (conditional on the variable)', () => {
  const allow = stmt('p', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalTag/x': '${aws:username}' } } });
  const r = evaluate(request('s3:GetObject', '*', { context: ctx({ 'aws:PrincipalTag/x': 'v' }) }), { identityPolicies: [allow] });
  assert.equal(r.decision, 'ALLOWED');
  assert.deepEqual(r.missingContextKeys, ['aws:username']);
  const eq = stmt('q', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/x': '${aws:username}' } } });
  const e = evaluate(request('s3:GetObject', '*', { context: ctx({ 'aws:PrincipalTag/x': 'v' }) }), { identityPolicies: [eq] });
  assert.equal(e.decision, 'IMPLICIT_DENY');
  assert.equal(e.conditional, true);
});

test('Policy variables with no value: a negated ARN operator against it matches too', () => {
  const p = stmt('p', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::${aws:username}' } } });
  const r = evaluate(request('s3:GetObject', '*', { context: ctx({ 'aws:SourceArn': 'arn:aws:s3:::alice' }) }), { identityPolicies: [p] });
  assert.equal(r.decision, 'ALLOWED');
});

test('Variables in condition values: with the variable present, StringNotEquals compares to its value', () => {
  const allow = stmt('p', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalTag/x': '${aws:username}' } } });
  const r = evaluate(request('s3:GetObject', '*', { context: ctx({ 'aws:PrincipalTag/x': 'v', 'aws:username': 'v' }) }), { identityPolicies: [allow] });
  assert.equal(r.conditional, false);
});

test('Variables: variable names are case-insensitive; multivalued keys cannot be variables', () => {
  const p = stmt('p', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${AWS:UserName}' });
  assert.equal(
    evaluate(request('s3:GetObject', 'arn:aws:s3:::b/alice', { context: ctx({ 'aws:username': 'alice' }) }), { identityPolicies: [p] }).decision,
    'ALLOWED',
  );
  const q = stmt('q', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${aws:TagKeys}' });
  assert.equal(
    evaluate(request('s3:GetObject', 'arn:aws:s3:::b/a', { context: ctx({ 'aws:TagKeys': ['a', 'b'] }) }), { identityPolicies: [q] }).decision,
    'IMPLICIT_DENY',
  );
});

test('Variables are substituted only in the resource part of an ARN (after the fifth colon)', () => {
  const p = stmt('p', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:${aws:PrincipalTag/region}::b' });
  const c = ctx({ 'aws:PrincipalTag/region': 'x' });
  assert.equal(evaluate(request('s3:GetObject', 'arn:aws:s3:x::b', { context: c }), { identityPolicies: [p] }).decision, 'IMPLICIT_DENY');
});

test('Variables: the user principal helper gives aws:username through context only (the engine reads context)', () => {
  const p = stmt('own', OWN);
  const r = evaluate(request('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/alice', { principal: user('alice') }), { identityPolicies: [p] });
  assert.equal(r.decision, 'IMPLICIT_DENY');
  assert.deepEqual(r.missingContextKeys, ['aws:username']);
});

test('Variables, Resource element: text before the variable must begin its segment — home-bucket/${aws:username}/* never matches another bucket, whatever the user, so no key is missing', () => {
  const p = stmt('home', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home-bucket/${aws:username}/*' });
  // A role has no aws:username: the entry could match home-bucket only, so only there is the key missing.
  const other = evaluate(request('s3:GetObject', 'arn:aws:s3:::sales-bucket/alice/a.txt', { principal: role('r') }), { identityPolicies: [p] });
  assert.equal(other.decision, 'IMPLICIT_DENY');
  assert.deepEqual(other.missingContextKeys, []);
  assert.equal(other.conditional, false);
  const home = evaluate(request('s3:GetObject', 'arn:aws:s3:::home-bucket/alice/a.txt', { principal: role('r') }), { identityPolicies: [p] });
  assert.deepEqual(home.missingContextKeys, ['aws:username']);
  assert.equal(home.conditional, true);
});

test('Variables, Resource element: the head check never changes a decision (every entry × resource × user name, against the entry written out)', () => {
  const entries = [
    'arn:aws:s3:::home-bucket/${aws:username}/*',
    'arn:aws:s3:::home*/${aws:username}',
    'arn:aws:s3:::h?me-${aws:username}*',
    'arn:aws:s3:::${aws:username}-home/*',
    'arn:aws:logs:*:*:log-group:app-${aws:username}:*',
    'arn:aws:logs:*:*:log-group:app-${aws:username}',
  ];
  const resources = [
    'arn:aws:s3:::home-bucket/alice/a.txt',
    'arn:aws:s3:::home-bucket/bob:x/a.txt',
    'arn:aws:s3:::homes/alice',
    'arn:aws:s3:::hame-alice-1',
    'arn:aws:s3:::sales-bucket/alice/a.txt',
    'arn:aws:s3:::alice-home/x',
    'arn:aws:logs:us-east-1:123456789012:log-group:app-alice:log-stream:s',
    'arn:aws:logs:us-east-1:123456789012:log-group:app-bob:x',
    'arn:aws:logs:us-east-1:123456789012:log-group:other-alice',
  ];
  const users = ['alice', 'bob', 'bob:x', 'a*', ''];
  for (const entry of entries) {
    for (const resource of resources) {
      for (const name of users) {
        const action = resource.startsWith('arn:aws:s3') ? 's3:GetObject' : 'logs:GetLogEvents';
        const withVariable = stmt('v', { Effect: 'Allow', Action: action, Resource: entry });
        // The same entry with the value written in as literal text (${*} for a literal star).
        const literal = entry.replace('${aws:username}', name.replace(/\*/g, '${*}'));
        const written = stmt('w', { Effect: 'Allow', Action: action, Resource: literal });
        const c = ctx({ 'aws:username': name });
        const a = evaluate(request(action, resource, { context: c }), { identityPolicies: [withVariable] }).decision;
        const b = evaluate(request(action, resource, { context: c }), { identityPolicies: [written] }).decision;
        assert.equal(a, b, `${entry} on ${resource} for ${JSON.stringify(name)}`);
      }
    }
  }
});
