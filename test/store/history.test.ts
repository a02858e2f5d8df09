/**
 * History (issue 15): every import is a snapshot whose state can be rebuilt. Property: after each
 * import of a sequence (adds, changes, deletions, re-imports, organization and resource-policy
 * changes, the seed), the latest snapshot rebuilt from history equals what the live tables give,
 * and every earlier snapshot still equals what the live tables gave right after it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel, type AccountModel } from '../../src/store/account-model.js';
import { loadEstateData, type EstateData } from '../../src/store/estate-model.js';
import { buildAccountModel } from '../../src/store/account-facts.js';
import { loadSnapshotFacts, loadSnapshotModel, pruneHistory, latestSnapshotId, changedEntities } from '../../src/store/history.js';
import { KIND } from '../../src/store/history-write.js';
import { SnapshotNotFoundError } from '../../src/store/errors.js';
import { seedFiles } from '../../src/store/seed.js';
import { fixture, FIXTURES } from './helpers.js';
import { accountDetails, BUCKET, DEV, organizationDocument, PROD, resourcePoliciesDocument, ROOT } from './estate-fixture.js';

const file = (name: string, value: unknown) => ({ name, text: JSON.stringify(value, null, 2) });
const SEED_DIR = path.resolve(FIXTURES, '../../../seed');

interface Observed {
  model: Omit<AccountModel, 'modelVersion'>;
  estate: EstateData;
}

function live(store: Store): Observed {
  const { modelVersion: _v, ...model } = loadAccountModel(store);
  return { model, estate: loadEstateData(store) };
}

function fromHistory(store: Store, id: number): Observed {
  const facts = loadSnapshotFacts(store, id);
  const { modelVersion: _v, ...model } = buildAccountModel(facts.account, 'x');
  return { model, estate: facts.estate };
}

const historyRows = (store: Store) => store.db.prepare('SELECT COUNT(*) FROM history').pluck().get() as number;
const blobRows = (store: Store) => store.db.prepare('SELECT COUNT(*) FROM history_blobs').pluck().get() as number;

/** The CLI fixture with changes of every kind an account's re-import brings. */
function changedDetails(): { name: string; text: string } {
  const d = JSON.parse(fixture('authorization-details-cli.json').text);
  // A managed policy's default version moves to v1 (iam:*): same ARN, new document.
  const p0 = d.Policies[0];
  p0.DefaultVersionId = 'v1';
  for (const v of p0.PolicyVersionList) v.IsDefaultVersion = v.VersionId === 'v1';
  // Deleted user, changed tags and memberships, a new user with an inline policy and a boundary.
  const charlie = d.UserDetailList.pop();
  d.UserDetailList[0].Tags = [{ Key: 'team', Value: 'security' }];
  d.UserDetailList[0].GroupList = ['Admins', 'Dev'];
  d.UserDetailList.push({
    UserName: 'Dana',
    UserId: 'AIDADANAEXAMPLE',
    Path: '/',
    Arn: 'arn:aws:iam::123456789012:user/Dana',
    GroupList: [],
    AttachedManagedPolicies: [{ PolicyName: 'AmazonEC2FullAccess', PolicyArn: d.Policies[3].Arn }],
    UserPolicyList: [
      { PolicyName: 'connect', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'connect:*', Resource: '*' }] } },
    ],
    PermissionsBoundary: charlie.PermissionsBoundary,
  });
  // A role's trust policy changes.
  d.RoleDetailList[0].AssumeRolePolicyDocument.Statement[0].Principal = { Service: 'lambda.amazonaws.com' };
  return file('changed.json', d);
}

function changedOrganization(): { name: string; text: string } {
  const o = organizationDocument() as { Policies: { Targets?: { TargetId: string }[]; PolicySummary?: { Name?: string } }[] };
  // Detach every policy from the root (its levels fall back to FullAWSAccess), and drop the last one.
  for (const p of o.Policies) if (p.Targets) p.Targets = p.Targets.filter((t) => t.TargetId !== ROOT);
  o.Policies.pop();
  return file('organization.json', o);
}

function changedResourcePolicies(): { name: string; text: string } {
  const r = resourcePoliciesDocument() as { ResourcePolicies: { ResourceArn: string; Policy: unknown }[] };
  const bucket = r.ResourcePolicies.find((x) => x.ResourceArn === BUCKET)!;
  bucket.Policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }],
  });
  return file('resource-policies.json', r);
}

test('every snapshot of a sequence of imports rebuilds exactly as the live tables were right after it', () => {
  const store = openStore(':memory:');
  const steps: { name: string; files: { name: string; text: string }[]; lenient?: boolean; writesNothing?: boolean }[] = [
    { name: 'an account', files: [fixture('authorization-details-cli.json')] },
    {
      name: 'its resources and a second account in pages',
      files: [fixture('resources.json'), fixture('authorization-details-api-page1.json'), fixture('authorization-details-api-page2.json')],
    },
    { name: 'the same account again', files: [fixture('authorization-details-cli.json')], writesNothing: true },
    { name: 'adds, changes and deletions', files: [changedDetails()] },
    { name: 'a standalone policy document', files: [fixture('connect-readonly.json')] },
    {
      name: 'the estate: organization, accounts, resource policies',
      files: [
        file('organization.json', organizationDocument()),
        file('prod.json', accountDetails(PROD)),
        file('dev.json', accountDetails(DEV)),
        file('rp.json', resourcePoliciesDocument()),
      ],
    },
    { name: 'organization and resource policies changed', files: [changedOrganization(), changedResourcePolicies()] },
    { name: 'the estate again', files: [changedOrganization(), changedResourcePolicies()], writesNothing: true },
    { name: 'the seed', files: seedFiles(SEED_DIR), lenient: true },
    { name: 'the first account as it was', files: [fixture('authorization-details-cli.json')] },
  ];
  const seen = new Map<number, Observed>();
  for (const step of steps) {
    const rowsBefore = historyRows(store);
    const blobsBefore = blobRows(store);
    const { snapshotId } = importFiles(store, step.files, { lenient: step.lenient });
    if (step.writesNothing) {
      assert.equal(historyRows(store), rowsBefore, `${step.name}: a re-import of identical data writes no history row`);
      assert.equal(blobRows(store), blobsBefore, `${step.name}: nor any content`);
    } else {
      assert.ok(historyRows(store) > rowsBefore, `${step.name}: wrote history`);
    }
    const now = live(store);
    assert.ok(now.model.principals.length > 0);
    seen.set(snapshotId, now);
    for (const [id, then] of seen) assert.deepStrictEqual(fromHistory(store, id), then, `after "${step.name}": snapshot ${id}`);
  }
  // The sequence exercised what it says it does.
  const ids = [...seen.keys()];
  const at = (i: number) => seen.get(ids[i])!;
  assert.ok(at(3).model.principals.some((p) => p.name === 'Dana') && !at(3).model.principals.some((p) => p.name === 'Charlie'));
  assert.ok(at(6).estate.policies.length < at(5).estate.policies.length);
  assert.notDeepStrictEqual(at(6).estate.resourcePolicies, at(5).estate.resourcePolicies);
  // loadSnapshotModel: the model and a working estate.
  const { model, estate } = loadSnapshotModel(store, ids[5]);
  assert.equal(model.modelVersion, `snapshot:${ids[5]}`);
  assert.ok(estate.serviceControlPolicies({ arn: `arn:aws:iam::${DEV}:user/ops`, accountId: DEV }));
});

test('unknown, pruned and unrecorded snapshots are NOT_FOUND, each saying why', () => {
  const store = openStore(':memory:');
  for (let i = 0; i < 4; i++) importFiles(store, [i % 2 ? changedDetails() : fixture('authorization-details-cli.json')]);
  const latest = latestSnapshotId(store)!;
  assert.throws(
    () => loadSnapshotModel(store, 999),
    (e: unknown) => e instanceof SnapshotNotFoundError && e.code === 'NOT_FOUND' && /does not exist/.test(e.message),
  );
  const before = live(store);
  const r = store.db.transaction(() => pruneHistory(store, 2))();
  assert.deepEqual(r.pruned, [latest - 3, latest - 2]);
  assert.deepEqual(r.kept, [latest - 1, latest]);
  assert.ok(r.entityVersions > 0);
  assert.throws(
    () => loadSnapshotModel(store, latest - 3),
    (e: unknown) => e instanceof SnapshotNotFoundError && e.code === 'NOT_FOUND' && /was pruned/.test(e.message),
  );
  // The kept ones still rebuild: the newest equals the live state.
  assert.deepStrictEqual(fromHistory(store, latest), before);
  assert.ok(!fromHistory(store, latest - 1).model.principals.some((p) => p.name === 'Dana'));
  assert.ok(fromHistory(store, latest).model.principals.some((p) => p.name === 'Dana'));
  // Pruning again to 2 removes nothing; keep must be at least 1.
  assert.deepEqual(store.db.transaction(() => pruneHistory(store, 2))().pruned, []);
  assert.throws(() => pruneHistory(store, 0), /at least 1/);
});

test('keepSnapshots prunes after each import, in its transaction', () => {
  const store = openStore(':memory:');
  const results = [];
  for (let i = 0; i < 5; i++) results.push(importFiles(store, [i % 2 ? changedDetails() : fixture('authorization-details-cli.json')], { keepSnapshots: 3 }));
  assert.deepEqual(
    results.map((r) => r.prunedSnapshots),
    [[], [], [], [results[0].snapshotId], [results[1].snapshotId]],
  );
  const kept = store.db.prepare('SELECT id FROM snapshots WHERE history = 1 ORDER BY id').pluck().all();
  assert.deepEqual(
    kept,
    results.slice(2).map((r) => r.snapshotId),
  );
  // Only the versions the kept snapshots need remain: one per entity, plus those that changed since.
  const distinctKeys = store.db.prepare('SELECT COUNT(DISTINCT kind || key) FROM history').pluck().get() as number;
  assert.ok(historyRows(store) < distinctKeys * 3);
});

test('migration 6 on a database with imports records its current state as the latest snapshot; earlier ones say they were not recorded', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aql-history-'));
  const dbFile = path.join(dir, 'old.db');
  let store = openStore(dbFile);
  importFiles(store, [fixture('authorization-details-cli.json')]);
  importFiles(store, [changedDetails(), fixture('resources.json')]);
  const expected = live(store);
  // Back to the schema before history (migrations 1–5): what an older accessql left.
  store.db.exec(`DROP TABLE history; DROP TABLE history_blobs; ALTER TABLE snapshots DROP COLUMN history;
    ALTER TABLE snapshots DROP COLUMN pruned_at; DELETE FROM schema_migrations WHERE version = 6;`);
  store.close();
  store = openStore(dbFile);
  try {
    const latest = latestSnapshotId(store)!;
    assert.deepStrictEqual(fromHistory(store, latest), expected);
    assert.throws(
      () => loadSnapshotModel(store, latest - 1),
      (e: unknown) => e instanceof SnapshotNotFoundError && /before accessql kept history/.test(e.message),
    );
    // The next import keeps history from there on.
    importFiles(store, [fixture('authorization-details-cli.json')]);
    assert.deepStrictEqual(fromHistory(store, latest), expected);
    assert.deepStrictEqual(fromHistory(store, latest + 1), live(store));
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('changedEntities names what differs between two snapshots, and nothing for identical re-imports', () => {
  const store = openStore(':memory:');
  const a = importFiles(store, [fixture('authorization-details-cli.json')]).snapshotId;
  const b = importFiles(store, [fixture('authorization-details-cli.json')]).snapshotId;
  const c = importFiles(store, [changedDetails()]).snapshotId;
  assert.deepEqual(changedEntities(store, a, b), []);
  const changed = changedEntities(store, b, c);
  const names = changed.map((e) => `${e.kind}:${e.key.slice(e.key.lastIndexOf(':') + 1)}`);
  assert.deepEqual(changedEntities(store, c, a), changed, 'either order');
  for (const expected of [
    `${KIND.principal}:user/Alice`,
    `${KIND.principal}:user/engineering/Charlie`,
    `${KIND.principal}:user/Dana`,
    `${KIND.principal}:role/EC2role`,
  ]) {
    assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
  }
  assert.ok(changed.some((e) => e.kind === KIND.policy && e.key.endsWith('policy/create-update-delete-set-managed-policies')));
  assert.ok(!names.includes(`${KIND.principal}:user/Bob`), 'Bob did not change');
  assert.throws(() => changedEntities(store, a, 77), SnapshotNotFoundError);
});

test('loadSnapshotModel of the latest snapshot reads the live tables, and equals its history', () => {
  const store = openStore(':memory:');
  importFiles(store, [fixture('authorization-details-cli.json'), fixture('resources.json')]);
  const id = importFiles(store, [changedDetails()]).snapshotId;
  const { model } = loadSnapshotModel(store, id);
  const { modelVersion: _v, ...rest } = model;
  assert.equal(model.modelVersion, `snapshot:${id}`);
  assert.deepStrictEqual({ model: rest, estate: fromHistory(store, id).estate }, fromHistory(store, id));
});
