/**
 * AccessIndex.resourceClass: the resources access paths ask about alike. Two resources share a
 * class only when nothing the request reads of them differs: the Resource patterns that match
 * ("IAM JSON policy elements: Resource"), the tags a condition tests ("Controlling access to AWS
 * resources using tags": aws:ResourceTag), the trust policy (the resource policy of
 * sts:AssumeRole). A policy-variable Resource ("IAM policy elements: Variables and tags") is
 * decided per principal and resource: its holders whose own keys make it name the resource are
 * asked one by one; those whose variable has no value match no resource ("Policy variables with
 * no value") and are not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { App } from '../../src/app.js';
import { importFiles } from '../../src/store/import/index.js';
import { tempDb } from '../helpers/server.js';

const ACCT = '333333333333';
const arn = (rest: string) => `arn:aws:iam::${ACCT}:${rest}`;
const trust = (principal: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }],
});
const policy = (statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

function account() {
  const user = (name: string, statements: unknown[]) => ({
    Path: '/',
    UserName: name,
    UserId: `AIDARC${name.toUpperCase()}EXAMPLE`,
    Arn: arn(`user/${name}`),
    GroupList: [],
    UserPolicyList: [{ PolicyName: 'p', PolicyDocument: policy(statements) }],
    AttachedManagedPolicies: [],
    Tags: [{ Key: 'unique', Value: name }],
  });
  const role = (name: string, trusted: string, team: string, statements: unknown[]) => ({
    Path: '/',
    RoleName: name,
    RoleId: `AROARC${name.toUpperCase()}EXAMPLE`,
    Arn: arn(`role/${name}`),
    AssumeRolePolicyDocument: trust(trusted),
    InstanceProfileList: [],
    RolePolicyList: [{ PolicyName: 'p', PolicyDocument: policy(statements) }],
    AttachedManagedPolicies: [],
    Tags: [{ Key: 'team', Value: team }],
  });
  const selfService = { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: arn('user/${aws:username}') };
  const tagged = { Effect: 'Allow', Action: 'iam:UpdateAssumeRolePolicy', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } };
  const assume = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' };
  return {
    UserDetailList: [user('alice', [selfService, assume]), user('bob', [selfService, tagged]), user('carol', [assume])],
    GroupDetailList: [],
    RoleDetailList: [
      role('r1', arn('root'), 'a', [selfService]),
      role('r2', arn('root'), 'a', [assume]),
      role('r3', arn('root'), 'b', [assume]),
      role('r4', arn('user/carol'), 'a', [assume]),
    ],
    Policies: [],
  };
}

test('resourceClass: alike resources share a class; tested tags, trust text and policy-variable holders tell them apart', () => {
  const dbFile = tempDb();
  const app = App.open({ dbFile, seedIfNew: false });
  try {
    // Resource tags come from the tagging API's export (get-resources), as the resource context.
    const tagging = {
      ResourceTagMappingList: ['r1', 'r2', 'r3', 'r4'].map((name) => ({
        ResourceARN: arn(`role/${name}`),
        Tags: [
          { Key: 'team', Value: name === 'r3' ? 'b' : 'a' },
          { Key: 'unique', Value: name },
        ],
      })),
    };
    importFiles(app.store, [
      { name: 'a.json', text: JSON.stringify(account()) },
      { name: 'resources.json', text: JSON.stringify(tagging) },
    ]);
    const index = app.accessIndex();
    const cls = (action: string, resource: string) => index.resourceClass(action, resource);
    const key = (action: string, resource: string) => cls(action, resource)?.key;
    // A tag no statement tests (`unique`) does not split; `team`, tested by a condition, does.
    assert.equal(key('iam:UpdateAssumeRolePolicy', arn('role/r1')), key('iam:UpdateAssumeRolePolicy', arn('role/r2')));
    assert.notEqual(key('iam:UpdateAssumeRolePolicy', arn('role/r2')), key('iam:UpdateAssumeRolePolicy', arn('role/r3')));
    // sts:AssumeRole reads the trust policy: the same text shares, another text does not.
    assert.equal(key('sts:AssumeRole', arn('role/r1')), key('sts:AssumeRole', arn('role/r2')));
    assert.notEqual(key('sts:AssumeRole', arn('role/r2')), key('sts:AssumeRole', arn('role/r4')));
    // user/${aws:username}: alice's and bob's statements name their own user; r1 has no aws:username (no value: matches nothing, alike everywhere).
    const alice = cls('iam:CreateAccessKey', arn('user/alice'))!;
    const bob = cls('iam:CreateAccessKey', arn('user/bob'))!;
    assert.equal(alice.key, bob.key);
    assert.deepEqual(
      [...alice.individually].map((p) => p.model.name),
      ['alice'],
    );
    assert.deepEqual(
      [...bob.individually].map((p) => p.model.name),
      ['bob'],
    );
    assert.deepEqual([...cls('iam:CreateAccessKey', arn('user/carol'))!.individually], []);
    // Shared answers still agree with the engine on every resource of a class (the paths' whoCan).
    const g = app.accessPaths().graph;
    for (const role of ['r1', 'r2', 'r3', 'r4']) {
      const from = g
        .assumeEdges(arn(`role/${role}`))
        .map((s) => s.from)
        .sort();
      const expected = index.principals
        .filter((p) => !p.external && p.model.arn !== arn(`role/${role}`))
        .filter((p) => {
          const r = index.evaluateFor(p, 'sts:AssumeRole', arn(`role/${role}`), new Map(), index.resourceContext(arn(`role/${role}`)));
          return r.decision === 'ALLOWED' || r.conditional;
        })
        .map((p) => p.model.arn)
        .sort();
      assert.deepEqual(from, expected, `sts:AssumeRole into ${role}`);
    }
  } finally {
    app.close();
    rmSync(path.dirname(dbFile), { recursive: true, force: true });
  }
});
