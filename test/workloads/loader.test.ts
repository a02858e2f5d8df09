/**
 * loadWorkloads: the stored workload state as the plain model the access paths read
 * (src/store/workload-model.ts), and App.workloadState's cache (reloaded after each import).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { App } from '../../src/app.js';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadWorkloads } from '../../src/store/workloads.js';
import { knows } from '../../src/store/workload-model.js';
import { listWorkloads, credentialsForUsers, listWorkloadSources } from '../../src/store/queries/index.js';
import { wf } from './fixtures.js';

const A = '123456789012';
const WEB = `arn:aws:ec2:us-east-1:${A}:instance/i-0123456789abcdef0`;
const ORPHAN = `arn:aws:ec2:us-west-2:${A}:instance/i-0aaaabbbbccccdddd`;
const WEB_ROLE = `arn:aws:iam::${A}:role/web-app-role`;

test('EC2: the instance profile resolves to the stored role that lists it (InstanceProfileList), whatever the import order', () => {
  for (const order of [
    ['authorization-details.json', 'ec2-describe-instances.json'],
    ['ec2-describe-instances.json', 'authorization-details.json'],
  ]) {
    const store = openStore(':memory:');
    // Two separate imports: the role may arrive after the instances.
    for (const f of order) importFiles(store, [wf(f)]);
    const state = loadWorkloads(store);
    const byArn = new Map(state.workloads.map((w) => [w.arn, w]));
    assert.equal(byArn.get(WEB)?.roleArn, WEB_ROLE, order.join(' then '));
    assert.equal(byArn.get(WEB)?.instanceProfileArn, `arn:aws:iam::${A}:instance-profile/web-app-profile`);
    assert.equal(byArn.get(WEB)?.state, 'running');
    // A profile no stored role lists, and an instance without a profile: no role.
    assert.equal(byArn.get(ORPHAN)?.roleArn, null);
    assert.equal(byArn.get(`arn:aws:ec2:us-east-1:${A}:instance/i-0fedcba9876543210`)?.roleArn, null);
  }
  // Without the roles imported at all, nothing resolves.
  const bare = openStore(':memory:');
  importFiles(bare, [wf('ec2-describe-instances.json')]);
  assert.equal(loadWorkloads(bare).workloads.find((w) => w.arn === WEB)?.roleArn, null);
});

test('sources per account: knows() is true only for what was imported for that account', () => {
  const store = openStore(':memory:');
  importFiles(store, [wf('credential-report.json'), wf('lambda-list-functions.json')]);
  importFiles(store, [{ name: 'e.json', text: '{"Reservations": []}' }], { account: '210987654321' });
  const state = loadWorkloads(store);
  assert.equal(knows(state, A, 'CREDENTIAL_REPORT'), true);
  assert.equal(knows(state, A, 'LAMBDA_FUNCTIONS'), true);
  assert.equal(knows(state, A, 'EC2_INSTANCES'), false, 'not imported for this account: unknown');
  assert.equal(knows(state, '210987654321', 'EC2_INSTANCES'), true, 'imported, and empty');
  assert.equal(knows(state, '210987654321', 'CREDENTIAL_REPORT'), false);
  assert.equal(state.workloads.filter((w) => w.accountId === '210987654321').length, 0);
  assert.deepEqual(
    listWorkloadSources(store).map((s) => `${s.accountId} ${s.source}`),
    [`${A} CREDENTIAL_REPORT`, `${A} LAMBDA_FUNCTIONS`, '210987654321 EC2_INSTANCES'],
  );
});

test('credentials: password, active keys (0–2) and MFA per user; the root user apart in rootCredentials', () => {
  const store = openStore(':memory:');
  importFiles(store, [wf('credential-report.json')]);
  const state = loadWorkloads(store);
  const facts = (name: string) => state.credentials.get(`arn:aws:iam::${A}:user/${name}`);
  assert.deepEqual(facts('alice'), { userArn: `arn:aws:iam::${A}:user/alice`, passwordEnabled: true, activeAccessKeys: 1, mfaActive: true, accessKeys: 1 });
  assert.deepEqual(facts('bob'), { userArn: `arn:aws:iam::${A}:user/bob`, passwordEnabled: false, activeAccessKeys: 2, mfaActive: false, accessKeys: 2 });
  assert.equal(facts('carol')?.passwordEnabled, true);
  assert.equal(facts('carol')?.activeAccessKeys, 0);
  assert.equal(facts('automation/deploy-bot')?.activeAccessKeys, 0, 'an inactive key (access_key_1_active false) is not active');
  // …but it exists (its last_rotated date is given), and IAM's quota of two keys counts it ("IAM and AWS STS quotas").
  assert.equal(facts('automation/deploy-bot')?.accessKeys, 1);
  assert.equal(facts('carol')?.accessKeys, 0);
  assert.equal(state.credentials.size, 4);
  assert.equal(state.credentials.has(`arn:aws:iam::${A}:root`), false);
  assert.deepEqual(state.rootCredentials?.get(A), {
    userArn: `arn:aws:iam::${A}:root`,
    passwordEnabled: false,
    activeAccessKeys: 0,
    mfaActive: true,
    accessKeys: 0,
  });
  const batch = credentialsForUsers(store, [`arn:aws:iam::${A}:user/bob`, `arn:aws:iam::${A}:root`, 'arn:aws:iam::999999999999:user/nobody']);
  assert.equal(batch.get(`arn:aws:iam::${A}:user/bob`)?.accessKey2Active, true);
  assert.equal(batch.get(`arn:aws:iam::${A}:user/bob`)?.generatedTime, '2024-06-04T07:00:00+00:00');
  assert.equal(batch.get(`arn:aws:iam::${A}:root`), null, 'the root row is not a user');
  assert.equal(batch.get('arn:aws:iam::999999999999:user/nobody'), null);
});

test('listWorkloads: kind, account and role filters (EC2 through the profile), keyset pages by ARN', () => {
  const store = openStore(':memory:');
  importFiles(store, ['authorization-details.json', 'ec2-describe-instances.json', 'lambda-list-functions.json', 'glue-get-dev-endpoints.json'].map(wf));
  const all = listWorkloads(store, { first: 100 });
  assert.equal(all.totalCount, 7);
  const arns = all.edges.map((e) => e.node.arn);
  assert.deepEqual(arns, [...arns].sort());
  const web = listWorkloads(store, { first: 10, roleArn: WEB_ROLE });
  assert.deepEqual(
    web.edges.map((e) => [e.node.arn, e.node.roleArn]),
    [[WEB, WEB_ROLE]],
  );
  assert.equal(listWorkloads(store, { first: 10, roleArn: `arn:aws:iam::${A}:role/lambda-exec-role` }).totalCount, 2);
  assert.equal(listWorkloads(store, { first: 10, kind: 'GLUE_DEV_ENDPOINT' }).totalCount, 2);
  assert.equal(listWorkloads(store, { first: 10, accountId: '999999999999' }).totalCount, 0);
  // Pages of 3 cover the list once, in order.
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 10; i++) {
    const page = listWorkloads(store, { first: 3, after });
    seen.push(...page.edges.map((e) => e.node.arn));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  assert.deepEqual(seen, arns);
});

test('App.workloadState: cached per model version, reloaded after an import', () => {
  const store = openStore(':memory:');
  const app = new App(store);
  const empty = app.workloadState();
  assert.equal(empty.workloads.length, 0);
  assert.equal(app.workloadState(), empty, 'the same object until the store changes');
  importFiles(store, [wf('lambda-list-functions.json')]);
  const loaded = app.workloadState();
  assert.notEqual(loaded, empty);
  assert.equal(loaded.workloads.length, 2);
  assert.equal(knows(loaded, A, 'LAMBDA_FUNCTIONS'), true);
});
