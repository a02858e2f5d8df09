import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel, modelVersion, type AccountModel, type ModelPrincipal } from '../../src/store/account-model.js';
import { fixture } from './helpers.js';

const A = '123456789012';
const B = '210987654321';

function loaded(): Store {
  const store = openStore(':memory:');
  importFiles(store, [
    fixture('authorization-details-cli.json'),
    fixture('authorization-details-api-page1.json'),
    fixture('authorization-details-api-page2.json'),
    fixture('resources.json'),
  ]);
  return store;
}

function principal(model: AccountModel, name: string): ModelPrincipal {
  const p = model.principals.find((x) => x.name === name);
  assert.ok(p, name);
  return p;
}

const sig = (p: ModelPrincipal) => p.policies.map((x) => `${x.kind}:${x.name}${x.versionId ? '@' + x.versionId : ''}${x.viaGroup ? ' via ' + x.viaGroup : ''}`);

test('principals carry identity fields and tags, sorted by ARN', () => {
  // Tag maps are null-prototype objects (keys are data: `__proto__` is a tag key); compared as plain copies.
  const model = loadAccountModel(loaded());
  assert.equal(model.principals.length, 8);
  const arns = model.principals.map((p) => p.arn);
  assert.deepEqual(arns, [...arns].sort());
  const alice = principal(model, 'Alice');
  assert.deepEqual(
    { arn: alice.arn, type: alice.type, accountId: alice.accountId, uniqueId: alice.uniqueId, tags: { ...alice.tags }, groups: alice.groups },
    {
      arn: `arn:aws:iam::${A}:user/Alice`,
      type: 'USER',
      accountId: A,
      uniqueId: 'AIDACKCEVSQ6C2EXAMPLE',
      tags: { email: 'alice+iam@example.com', team: 'platform' },
      groups: ['Admins'],
    },
  );
  const role = principal(model, 'ConnectSupervisor');
  assert.deepEqual([role.type, role.accountId, role.uniqueId, { ...role.tags }], ['ROLE', B, 'AROAZZZZSUPERVEXAMPLE', { team: 'support' }]);
});

test("a user gets its inline and attached policies, then each group's inline and attached policies", () => {
  const model = loadAccountModel(loaded());
  const bob = principal(model, 'Bob');
  assert.deepEqual(sig(bob), ['INLINE:Bob/DenyBillingAndIAMPolicy', 'INLINE:Finance/policygen-201310141157 via Finance']);
  // AdministratorAccess (via Admins) was never imported: unknown content, reported, not evaluated.
  assert.deepEqual(bob.missingPolicies, ['arn:aws:iam::aws:policy/AdministratorAccess']);
  assert.equal(bob.policies[0].id, `arn:aws:iam::${A}:user/Bob#DenyBillingAndIAMPolicy`);
  assert.equal(JSON.parse(bob.policies[0].document).Statement.Effect, 'Deny');

  const dana = principal(model, 'dana');
  assert.deepEqual(sig(dana), [
    'INLINE:dana/OwnHome',
    'CUSTOMER_MANAGED:ConnectAgentAccess@v3',
    'INLINE:Agents/AgentsDenyDelete via Agents',
    'AWS_MANAGED:ReadOnlyAccess@v1 via Agents',
  ]);
  assert.deepEqual(dana.missingPolicies, []);
});

test('only the default version of a managed policy takes part', () => {
  const model = loadAccountModel(loaded());
  const charlie = principal(model, 'Charlie');
  assert.deepEqual(sig(charlie), ['CUSTOMER_MANAGED:S3-read-only-specific-bucket@v1', 'CUSTOMER_MANAGED:create-update-delete-set-managed-policies@v2 via Dev']);
  const cud = charlie.policies[1];
  assert.equal(cud.id, `arn:aws:iam::${A}:policy/create-update-delete-set-managed-policies@v2`);
  assert.equal(cud.arn, `arn:aws:iam::${A}:policy/create-update-delete-set-managed-policies`);
  assert.ok(cud.document.includes('iam:SetDefaultPolicyVersion'));
  assert.ok(!cud.document.includes('"iam:*"'), 'v1 (not default) is not used');
  const dana = principal(model, 'dana');
  assert.ok(!dana.policies[1].document.includes('"connect:*"'), 'ConnectAgentAccess v2 is not the default');
  // One string per document, shared by every principal it applies to.
  const supervisor = principal(model, 'ConnectSupervisor');
  assert.equal(supervisor.policies[0], dana.policies[1]);
});

test('permissions boundaries resolve to their default version, or say that the content is unknown', () => {
  const model = loadAccountModel(loaded());
  for (const name of ['Charlie', 'ConnectAgentRole']) {
    const b = principal(model, name).permissionsBoundary;
    assert.ok(b, name);
    assert.deepEqual(
      [b.name, b.arn, b.id],
      ['ConnectBoundary', `arn:aws:iam::${A}:policy/boundaries/ConnectBoundary`, `arn:aws:iam::${A}:policy/boundaries/ConnectBoundary@v1`],
    );
    assert.match(b.document ?? '', /"connect:\*"/);
  }
  assert.equal(principal(model, 'Alice').permissionsBoundary, undefined);

  const store = openStore(':memory:');
  const doc = JSON.parse(fixture('authorization-details-cli.json').text);
  delete doc.Policies;
  importFiles(store, [{ name: 'no-policies.json', text: JSON.stringify(doc) }]);
  const b = principal(loadAccountModel(store), 'Charlie').permissionsBoundary;
  assert.deepEqual(b, { name: 'ConnectBoundary', arn: `arn:aws:iam::${A}:policy/boundaries/ConnectBoundary`, document: null });
});

test('roles: inline and attached policies; resources with owner account and tags', () => {
  const model = loadAccountModel(loaded());
  const role = principal(model, 'ConnectAgentRole');
  assert.deepEqual(sig(role), ['INLINE:ConnectAgentRole/ConnectContactAccess']);
  assert.deepEqual(role.groups, []);
  const ec2 = principal(model, 'EC2role');
  assert.deepEqual(sig(ec2), ['AWS_MANAGED:AmazonEC2FullAccess@v1']);
  assert.deepEqual(ec2.missingPolicies, ['arn:aws:iam::aws:policy/AmazonS3FullAccess']);

  assert.equal(model.resources.length, 6);
  const bucket = model.resources.find((r) => r.arn === 'arn:aws:s3:::example-bucket')!;
  assert.deepEqual(
    { ...bucket, tags: { ...bucket.tags } },
    {
      arn: 'arn:aws:s3:::example-bucket',
      accountId: A,
      service: 's3',
      region: null,
      resourceType: 'bucket',
      tags: { classification: 'internal', team: 'platform' },
    },
  );
  const flow = model.resources.find((r) => r.resourceType === 'contact-flow')!;
  assert.deepEqual([flow.accountId, flow.service, flow.region, { ...flow.tags }], [A, 'connect', 'us-east-1', { team: 'support' }]);
});

test('modelVersion changes with every import and only then', () => {
  const store = loaded();
  const v1 = loadAccountModel(store).modelVersion;
  assert.equal(modelVersion(store), v1);
  assert.equal(loadAccountModel(store).modelVersion, v1);
  importFiles(store, [fixture('resources.json')]);
  assert.notEqual(modelVersion(store), v1);
  assert.equal(loadAccountModel(store).modelVersion, modelVersion(store));
  // A failed import changes nothing, the version included.
  const before = modelVersion(store);
  assert.throws(() => importFiles(store, [fixture('bad-syntax.json')]));
  assert.equal(modelVersion(store), before);
});
