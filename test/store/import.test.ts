import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { ImportError, StoreBusyError } from '../../src/store/errors.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { canonicalDump, fixture, rawChecksum, rowCounts } from './helpers.js';

const CLI = 'authorization-details-cli.json';
const PAGE1 = 'authorization-details-api-page1.json';
const PAGE2 = 'authorization-details-api-page2.json';

function fresh(): Store {
  return openStore(':memory:');
}

function row<T = Record<string, unknown>>(store: Store, sql: string, ...params: unknown[]): T {
  const r = store.db.prepare(sql).get(...params);
  assert.ok(r, `no row for ${sql} ${JSON.stringify(params)}`);
  return r as T;
}

function all<T = Record<string, unknown>>(store: Store, sql: string, ...params: unknown[]): T[] {
  return store.db.prepare(sql).all(...params) as T[];
}

test('AWS CLI output (documents as objects) is stored field by field', () => {
  const store = fresh();
  const r = importFiles(store, [fixture(CLI)]);
  assert.deepEqual(
    { accounts: r.accounts, users: r.users, roles: r.roles, groups: r.groups, policies: r.policies, versions: r.policyVersions, inline: r.inlinePolicies },
    { accounts: ['123456789012'], users: 3, roles: 2, groups: 3, policies: 4, versions: 5, inline: 3 },
  );
  assert.deepEqual(r.files, [{ name: CLI, format: 'authorization-details' }]);

  const alice = row(store, 'SELECT * FROM principals WHERE arn = ?', 'arn:aws:iam::123456789012:user/Alice');
  assert.equal(alice.type, 'USER');
  assert.equal(alice.name, 'Alice');
  assert.equal(alice.path, '/');
  assert.equal(alice.unique_id, 'AIDACKCEVSQ6C2EXAMPLE');
  assert.equal(alice.account_id, '123456789012');
  assert.equal(alice.create_date, '2013-10-14T18:32:24Z');
  assert.equal(alice.permissions_boundary_arn, null);
  assert.deepEqual(all(store, 'SELECT key, value FROM principal_tags WHERE principal_id = ? ORDER BY key', alice.id), [
    { key: 'email', value: 'alice+iam@example.com' },
    { key: 'team', value: 'platform' },
  ]);

  const bob = row(store, 'SELECT * FROM principals WHERE name = ?', 'Bob');
  assert.deepEqual(
    all(store, 'SELECT group_name FROM group_members WHERE principal_id = ? ORDER BY group_name', bob.id).map((x) => x.group_name),
    ['Admins', 'Finance'],
  );
  const inline = row(store, 'SELECT * FROM inline_policies WHERE principal_id = ?', bob.id);
  assert.equal(inline.key, 'arn:aws:iam::123456789012:user/Bob#DenyBillingAndIAMPolicy');
  assert.equal(inline.owner_kind, 'USER');
  const bobDoc = { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: ['aws-portal:*', 'iam:*'], Resource: '*' } };
  assert.equal(inline.document, JSON.stringify(bobDoc, null, 4));
  const st = row(store, 'SELECT * FROM statements WHERE inline_policy_id = ?', inline.id);
  assert.deepEqual([st.idx, st.sid, st.effect], [0, null, 'Deny']);
  // The single statement object starts on line 3, after `"Statement": ` (4 + 13 columns).
  assert.deepEqual([st.line, st.col], [3, 18]);
  assert.deepEqual(all(store, 'SELECT negated, action FROM statement_actions WHERE statement_id = ? ORDER BY negated, pos', st.id), [
    { negated: 0, action: 'aws-portal:*' },
    { negated: 0, action: 'iam:*' },
  ]);

  const charlie = row(store, 'SELECT * FROM principals WHERE name = ?', 'Charlie');
  assert.equal(charlie.arn, 'arn:aws:iam::123456789012:user/engineering/Charlie');
  assert.equal(charlie.path, '/engineering/');
  assert.equal(charlie.permissions_boundary_arn, 'arn:aws:iam::123456789012:policy/boundaries/ConnectBoundary');
  assert.equal(charlie.permissions_boundary_type, 'Policy');
  assert.deepEqual(all(store, 'SELECT policy_arn, policy_name FROM attachments WHERE principal_id = ?', charlie.id), [
    { policy_arn: 'arn:aws:iam::123456789012:policy/S3-read-only-specific-bucket', policy_name: 'S3-read-only-specific-bucket' },
  ]);

  const ec2 = row(store, 'SELECT * FROM principals WHERE name = ?', 'EC2role');
  assert.equal(ec2.type, 'ROLE');
  assert.equal(ec2.unique_id, 'AROA1234567890EXAMPLE');
  assert.deepEqual(JSON.parse(ec2.trust_policy as string).Statement[0].Principal, { Service: 'ec2.amazonaws.com' });
  assert.deepEqual(JSON.parse(ec2.instance_profiles as string), ['arn:aws:iam::123456789012:instance-profile/EC2role']);
  assert.deepEqual(JSON.parse(ec2.role_last_used as string), { LastUsedDate: '2024-03-01T10:00:00Z', Region: 'us-east-1' });
  const connectRole = row(store, 'SELECT * FROM principals WHERE name = ?', 'ConnectAgentRole');
  assert.equal(connectRole.path, '/service-role/');
  assert.equal(connectRole.role_last_used, null, 'an empty RoleLastUsed means never used');

  // Groups, including AWS's documentation quirk of a lone object for a one-item list.
  const admins = row(store, 'SELECT * FROM iam_groups WHERE name = ?', 'Admins');
  assert.deepEqual([admins.arn, admins.unique_id, admins.path], ['arn:aws:iam::123456789012:group/Admins', 'AGPACKCEVSQ6C7EXAMPLE', '/']);
  assert.deepEqual(all(store, 'SELECT policy_arn FROM attachments WHERE group_id = ?', admins.id), [
    { policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
  ]);
  const finance = row(store, 'SELECT * FROM iam_groups WHERE name = ?', 'Finance');
  assert.equal(row(store, 'SELECT name FROM inline_policies WHERE group_id = ?', finance.id).name, 'policygen-201310141157');

  // Managed policies with every version; AWS managed ones are global.
  const cud = row(store, 'SELECT * FROM policies WHERE name = ?', 'create-update-delete-set-managed-policies');
  assert.deepEqual(
    [cud.kind, cud.account_id, cud.unique_id, cud.default_version_id, cud.attachment_count, cud.is_attachable, cud.stub, cud.path, cud.update_date],
    ['CUSTOMER_MANAGED', '123456789012', 'ANPAJ2UCCR6DPCEXAMPLE', 'v2', 1, 1, 0, '/', '2015-02-07T10:00:00Z'],
  );
  assert.deepEqual(all(store, 'SELECT version_id, is_default, create_date FROM policy_versions WHERE policy_id = ? ORDER BY version_id', cud.id), [
    { version_id: 'v1', is_default: 0, create_date: '2015-02-06T19:58:34Z' },
    { version_id: 'v2', is_default: 1, create_date: '2015-02-07T10:00:00Z' },
  ]);
  const boundary = row(store, 'SELECT * FROM policies WHERE name = ?', 'ConnectBoundary');
  assert.deepEqual([boundary.path, boundary.permissions_boundary_usage_count], ['/boundaries/', 2]);
  const ec2Full = row(store, 'SELECT * FROM policies WHERE arn = ?', 'arn:aws:iam::aws:policy/AmazonEC2FullAccess');
  assert.deepEqual([ec2Full.kind, ec2Full.account_id, ec2Full.stub], ['AWS_MANAGED', null, 0]);
  assert.equal(
    row(store, 'SELECT COUNT(*) AS n FROM statements s JOIN policy_versions v ON v.id = s.policy_version_id WHERE v.policy_id = ?', ec2Full.id).n,
    4,
  );

  // Attached but not in the output: kept as stubs (name, no versions).
  const stubs = all(store, 'SELECT arn, name, kind, stub FROM policies WHERE stub = 1 ORDER BY arn');
  assert.deepEqual(stubs, [
    { arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess', kind: 'AWS_MANAGED', stub: 1 },
    { arn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess', name: 'AmazonS3FullAccess', kind: 'AWS_MANAGED', stub: 1 },
  ]);
  store.close();
});

test('statement children: actions, NotAction, resources, NotResource and conditions are rows SQL can query', () => {
  const store = fresh();
  importFiles(store, [fixture(CLI)]);
  const stmts = all(
    store,
    `SELECT s.* FROM statements s JOIN inline_policies i ON i.id = s.inline_policy_id
                             WHERE i.name = 'ConnectContactAccess' ORDER BY s.idx`,
  );
  assert.deepEqual(
    stmts.map((s) => [s.idx, s.sid, s.effect]),
    [
      [0, 'ReadContacts', 'Allow'],
      [1, 'NoRecordingDeletion', 'Deny'],
    ],
  );
  assert.deepEqual(all(store, 'SELECT negated, action FROM statement_actions WHERE statement_id = ?', stmts[1].id), [
    { negated: 1, action: 'connect:Describe*' },
  ]);
  assert.deepEqual(all(store, 'SELECT negated, resource FROM statement_resources WHERE statement_id = ?', stmts[1].id), [
    { negated: 1, resource: 'arn:aws:connect:us-east-1:123456789012:instance/*' },
  ]);
  assert.deepEqual(all(store, 'SELECT operator, key, "values" FROM statement_conditions WHERE statement_id = ?', stmts[0].id), [
    { operator: 'StringEquals', key: 'aws:ResourceTag/team', values: '["${aws:PrincipalTag/team}"]' },
  ]);
  // "Which statements mention connect:*?" — case-insensitively, through the action index.
  const mentions = all(store, "SELECT DISTINCT statement_id FROM statement_actions WHERE action LIKE 'CONNECT:%'");
  assert.equal(mentions.length, 3);
  const plan = all<{ detail: string }>(store, "EXPLAIN QUERY PLAN SELECT statement_id FROM statement_actions WHERE action LIKE 'connect:%'");
  assert.ok(
    plan.some((p) => p.detail.includes('statement_actions_action')),
    JSON.stringify(plan),
  );
  store.close();
});

test('URL-encoded documents (raw API / JavaScript SDK) are decoded and stored verbatim; pages merge', () => {
  const store = fresh();
  const page1 = fixture(PAGE1);
  const r = importFiles(store, [page1, fixture(PAGE2)]);
  assert.deepEqual([r.users, r.roles, r.groups, r.policies, r.policyVersions, r.inlinePolicies], [2, 1, 1, 2, 3, 2]);
  const encoded = (JSON.parse(page1.text) as { UserDetailList: { UserPolicyList: { PolicyDocument: string }[] }[] }).UserDetailList[0].UserPolicyList[0]
    .PolicyDocument;
  const home = row(store, "SELECT * FROM inline_policies WHERE name = 'OwnHome'");
  assert.equal(home.document, decodeURIComponent(encoded));
  assert.ok((home.document as string).startsWith('{\n  "Version"'), 'original layout kept');
  const cond = row(store, 'SELECT c.* FROM statement_conditions c JOIN statements s ON s.id = c.statement_id WHERE s.inline_policy_id = ?', home.id);
  assert.equal(cond.values, '["dana+ops@example.com"]', "'+' is not a space in RFC 3986 decoding");
  const st = row(store, 'SELECT * FROM statements WHERE inline_policy_id = ?', home.id);
  assert.deepEqual([st.line, st.col], [4, 5], 'position inside the decoded text');

  // Page 1's user joins page 1's group; page 2's policy serves page 1's user and page 2's role.
  const dana = row(store, "SELECT * FROM principals WHERE name = 'dana'");
  assert.equal(dana.create_date, '2022-01-05T09:30:00.000Z');
  assert.deepEqual(all(store, 'SELECT group_name FROM group_members WHERE principal_id = ?', dana.id), [{ group_name: 'Agents' }]);
  const agentAccess = row(store, "SELECT * FROM policies WHERE name = 'ConnectAgentAccess'");
  assert.equal(agentAccess.stub, 0);
  assert.equal(row(store, 'SELECT COUNT(*) AS n FROM attachments WHERE policy_arn = ?', agentAccess.arn).n, 2);
  const v3 = row(store, "SELECT * FROM policy_versions WHERE policy_id = ? AND version_id = 'v3'", agentAccess.id);
  assert.equal(v3.is_default, 1);
  assert.equal(JSON.parse(v3.document as string).Statement[0].Sid, 'Contacts');
  const role = row(store, "SELECT * FROM principals WHERE name = 'ConnectSupervisor'");
  assert.equal(JSON.parse(role.trust_policy as string).Statement[0].Principal.AWS, 'arn:aws:iam::210987654321:root');
  store.close();
});

test('get-resources output: ARN parts, resource type, owner account and tags', () => {
  const store = fresh();
  const r = importFiles(store, [fixture('resources.json')]);
  assert.equal(r.resources, 6);
  assert.deepEqual(r.accounts, ['123456789012']);
  assert.deepEqual(r.files, [{ name: 'resources.json', format: 'resources' }]);
  const rows = all(store, 'SELECT arn, partition, service, region, account_id, owner_account_id, resource_type FROM resources ORDER BY arn');
  const byArn = new Map(rows.map((x) => [x.arn, x]));
  const flow = byArn.get(
    'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/contact-flow/66666666-7777-8888-9999-000000000000',
  );
  assert.deepEqual(flow && [flow.partition, flow.service, flow.region, flow.account_id, flow.resource_type], [
    'aws',
    'connect',
    'us-east-1',
    '123456789012',
    'contact-flow',
  ]);
  const bucket = byArn.get('arn:aws:s3:::example-bucket');
  assert.deepEqual(bucket && [bucket.region, bucket.account_id, bucket.owner_account_id, bucket.resource_type], [null, null, '123456789012', 'bucket']);
  assert.equal(byArn.get('arn:aws:lambda:eu-west-1:123456789012:function:export-recordings')?.resource_type, 'function');
  assert.equal(byArn.get('arn:aws:sns:us-east-1:123456789012:alerts')?.resource_type, null);
  assert.deepEqual(
    all(store, "SELECT t.key, t.value FROM resource_tags t JOIN resources r ON r.id = t.resource_id WHERE r.arn = 'arn:aws:s3:::example-bucket' ORDER BY key"),
    [
      { key: 'classification', value: 'internal' },
      { key: 'team', value: 'platform' },
    ],
  );
  store.close();
});

test('a single policy document becomes a standalone policy named after the file', () => {
  const store = fresh();
  const file = fixture('connect-readonly.json');
  const r = importFiles(store, [{ name: 'some/dir/connect-readonly.json', text: file.text }]);
  assert.deepEqual([r.policies, r.policyVersions, r.statements], [1, 1, 1]);
  const p = row(store, 'SELECT * FROM policies');
  assert.deepEqual(
    [p.arn, p.name, p.kind, p.standalone, p.account_id, p.default_version_id, p.source_file],
    ['arn:aws:iam::standalone:policy/connect-readonly', 'connect-readonly', 'CUSTOMER_MANAGED', 1, null, 'v1', 'some/dir/connect-readonly.json'],
  );
  const v = row(store, 'SELECT * FROM policy_versions WHERE policy_id = ?', p.id);
  assert.equal(v.document, file.text, "the file text itself, so positions are the file's");
  const st = row(store, 'SELECT * FROM statements WHERE policy_version_id = ?', v.id);
  assert.deepEqual([st.sid, st.line, st.col], ['ConnectRead', 4, 9]);
  store.close();
});

test('a bad file in the middle of a multi-file import leaves the database exactly as before', () => {
  const store = fresh();
  importFiles(store, [fixture(CLI), fixture('resources.json')]);
  const before = rawChecksum(store);
  const counts = rowCounts(store);
  // The first file replaces account 210987654321 entirely, the second is broken: nothing may stick.
  const modified = JSON.parse(fixture(CLI).text);
  modified.UserDetailList = [];
  for (const bad of ['bad-syntax.json', 'bad-document.json', 'unknown-shape.json']) {
    assert.throws(
      () => importFiles(store, [fixture(PAGE1), { name: 'emptied.json', text: JSON.stringify(modified) }, fixture(bad), fixture(PAGE2)]),
      (e: unknown) => e instanceof ImportError && e.file === bad,
    );
    assert.deepEqual(rowCounts(store), counts);
    assert.equal(rawChecksum(store), before);
  }
  store.close();
});

test('importing the same files twice changes nothing observable', () => {
  const store = fresh();
  const files = [fixture(CLI), fixture(PAGE1), fixture(PAGE2), fixture('resources.json'), fixture('connect-readonly.json')];
  const first = importFiles(store, files);
  const dump = canonicalDump(store);
  const counts = rowCounts(store);
  const second = importFiles(store, files);
  assert.deepEqual(canonicalDump(store), dump);
  const { snapshots: s1, ...rest1 } = counts;
  const { snapshots: s2, ...rest2 } = rowCounts(store);
  assert.deepEqual(rest2, rest1);
  assert.equal(s2, s1 + 1, 'every import records a snapshot');
  const strip = (r: typeof first) => ({ ...r, snapshotId: 0, dataVersion: '' });
  assert.deepEqual(strip(second), strip(first));
  assert.notEqual(second.dataVersion, first.dataVersion);
  store.close();
});

test('re-importing an account replaces its IAM state and leaves other accounts alone', () => {
  const store = fresh();
  importFiles(store, [fixture(CLI), fixture(PAGE1), fixture(PAGE2)]);
  const otherAccount = canonicalDump(store).filter((l) => l.includes('210987654321'));
  const doc = JSON.parse(fixture(CLI).text);
  doc.UserDetailList = doc.UserDetailList.filter((u: { UserName: string }) => u.UserName !== 'Bob');
  doc.UserDetailList[0].Tags = [{ Key: 'team', Value: 'security' }];
  doc.Policies = doc.Policies.filter((p: { PolicyName: string }) => p.PolicyName !== 'S3-read-only-specific-bucket');
  doc.GroupDetailList = doc.GroupDetailList.filter((g: { GroupName: string }) => g.GroupName !== 'Finance');
  importFiles(store, [{ name: 'v2.json', text: JSON.stringify(doc) }]);

  assert.equal(store.db.prepare("SELECT COUNT(*) FROM principals WHERE name = 'Bob'").pluck().get(), 0);
  assert.equal(
    store.db.prepare("SELECT COUNT(*) FROM inline_policies WHERE name = 'DenyBillingAndIAMPolicy'").pluck().get(),
    0,
    'inline policies go with their owner',
  );
  assert.equal(store.db.prepare("SELECT COUNT(*) FROM inline_policies WHERE name = 'policygen-201310141157'").pluck().get(), 0);
  assert.deepEqual(store.db.prepare("SELECT t.value FROM principal_tags t JOIN principals p ON p.id = t.principal_id WHERE p.name = 'Alice'").pluck().all(), [
    'security',
  ]);
  // Charlie still uses the dropped policy: it survives as a stub (no versions, no statements).
  const s3 = row(store, "SELECT * FROM policies WHERE name = 'S3-read-only-specific-bucket'");
  assert.equal(s3.stub, 1);
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM policy_versions WHERE policy_id = ?').pluck().get(s3.id), 0);
  // No orphans anywhere.
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM statements WHERE policy_version_id IS NULL AND inline_policy_id IS NULL').pluck().get(), 0);
  assert.equal(store.db.prepare('PRAGMA foreign_key_check').all().length, 0);
  assert.deepEqual(
    canonicalDump(store).filter((l) => l.includes('210987654321')),
    otherAccount,
  );
  store.close();
});

test('a list the output does not carry (aws iam get-account-authorization-details --filter User) is left alone', () => {
  const store = fresh();
  importFiles(store, [fixture(CLI)]);
  const roles = store.db.prepare("SELECT arn FROM principals WHERE type = 'ROLE' ORDER BY arn").pluck().all();
  const doc = JSON.parse(fixture(CLI).text);
  importFiles(store, [{ name: 'users-only.json', text: JSON.stringify({ UserDetailList: doc.UserDetailList.slice(0, 1) }) }]);
  assert.deepEqual(store.db.prepare("SELECT name FROM principals WHERE type = 'USER'").pluck().all(), ['Alice']);
  assert.deepEqual(store.db.prepare("SELECT arn FROM principals WHERE type = 'ROLE' ORDER BY arn").pluck().all(), roles);
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM iam_groups').pluck().get(), 3);
  // An empty list that is present does replace: no roles left.
  importFiles(store, [{ name: 'no-roles.json', text: JSON.stringify({ UserDetailList: doc.UserDetailList.slice(0, 1), RoleDetailList: [] }) }]);
  assert.equal(store.db.prepare("SELECT COUNT(*) FROM principals WHERE type = 'ROLE'").pluck().get(), 0);
  store.close();
});

test("re-importing an account's get-resources output replaces that account's resources", () => {
  const store = fresh();
  importFiles(store, [fixture('resources.json')]);
  const doc = JSON.parse(fixture('resources.json').text);
  doc.ResourceTagMappingList = doc.ResourceTagMappingList.slice(0, 2);
  doc.ResourceTagMappingList[0].Tags = [{ Key: 'team', Value: 'billing' }];
  importFiles(store, [{ name: 'r2.json', text: JSON.stringify(doc) }]);
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM resources').pluck().get(), 2);
  assert.deepEqual(
    store.db
      .prepare("SELECT key || '=' || value FROM resource_tags t JOIN resources r ON r.id = t.resource_id WHERE r.arn = ?")
      .pluck()
      .all(doc.ResourceTagMappingList[0].ResourceARN),
    ['team=billing'],
  );
  store.close();
});

test('a JSON syntax error names file, line and column (1-based)', () => {
  const store = fresh();
  assert.throws(
    () => importFiles(store, [fixture('bad-syntax.json')]),
    (e: unknown) => {
      assert.ok(e instanceof ImportError);
      assert.deepEqual([e.file, e.line, e.column], ['bad-syntax.json', 6, 7]);
      assert.match(e.message, /^bad-syntax\.json:6:7: /);
      return true;
    },
  );
});

test('a malformed URL-encoded document names the element path and the position in the decoded text', () => {
  const store = fresh();
  assert.throws(
    () => importFiles(store, [fixture('bad-document.json')]),
    (e: unknown) => {
      assert.ok(e instanceof ImportError);
      assert.equal(e.file, 'bad-document.json');
      assert.equal(e.path, 'UserDetailList[0].UserPolicyList[1].PolicyDocument');
      assert.deepEqual([e.line, e.column, e.inDocument], [7, 5, true]);
      assert.match(e.message, /UserPolicyList\[1\]\.PolicyDocument: line 7, column 5 of the decoded document/);
      return true;
    },
  );
  // Broken percent-encoding is an error too, pointing at the string in the file.
  const broken = JSON.stringify(
    { UserDetailList: [{ Arn: 'arn:aws:iam::333333333333:user/x', UserPolicyList: [{ PolicyName: 'p', PolicyDocument: '%7B%ZZ' }] }] },
    null,
    2,
  );
  assert.throws(
    () => importFiles(store, [{ name: 'enc.json', text: broken }]),
    (e: unknown) =>
      e instanceof ImportError && e.path === 'UserDetailList[0].UserPolicyList[0].PolicyDocument' && e.line === 8 && /URL encoding/.test(e.reason),
  );
});

test('a structural error (missing Arn, unknown shape) names the element and its line', () => {
  const store = fresh();
  const text = '{\n  "UserDetailList": [\n    { "UserName": "x" }\n  ]\n}\n';
  assert.throws(
    () => importFiles(store, [{ name: 'noarn.json', text }]),
    (e: unknown) => e instanceof ImportError && e.path === 'UserDetailList[0].Arn' && e.line === 3 && e.column === 5 && /missing Arn/.test(e.message),
  );
  assert.throws(
    () => importFiles(store, [fixture('unknown-shape.json')]),
    (e: unknown) => e instanceof ImportError && e.file === 'unknown-shape.json' && e.line === 1 && /unrecognised content/.test(e.message),
  );
  assert.throws(() => importFiles(store, [{ name: 'arr.json', text: '[1, 2]' }]), ImportError);
});

test('lenient import repairs trailing commas and reports each repair', () => {
  const store = fresh();
  const r = importFiles(store, [fixture('bad-document.json'), fixture('trailing-comma-policy.json')], { lenient: true });
  assert.deepEqual(
    r.repairs.map((x) => [x.file, x.line, x.column, x.path]),
    [
      ['bad-document.json', 6, 24, 'UserDetailList[0].UserPolicyList[1].PolicyDocument'],
      ['trailing-comma-policy.json', 7, 28, undefined],
    ],
  );
  assert.match(r.repairs[0].message, /trailing comma/);
  // Stored verbatim, comma included: positions point into what AWS would show.
  const doc = store.db.prepare("SELECT document FROM inline_policies WHERE name = 'TrailingComma'").pluck().get() as string;
  assert.match(doc, /"\*",\n {4}\}/);
  assert.equal(r.statements, 3);
});

test('progress is reported in characters, ending at the total', () => {
  const store = fresh();
  const calls: [number, number][] = [];
  const files = [fixture(CLI), fixture('resources.json')];
  importFiles(store, files, { onProgress: (d, t) => calls.push([d, t]) });
  const total = files.reduce((n, f) => n + f.text.length, 0);
  assert.ok(calls.length >= 2);
  assert.ok(calls.every(([d, t]) => t === total && d <= t));
  assert.deepEqual(calls[calls.length - 1], [total, total]);
  for (let i = 1; i < calls.length; i++) assert.ok(calls[i][0] >= calls[i - 1][0]);
});

test('file store: WAL, migrations recorded once, a second writer waits then fails clearly', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-store-'));
  const file = path.join(dir, 'nested', 'db.sqlite');
  try {
    const a = openStore(file);
    assert.equal(a.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(a.db.pragma('foreign_keys', { simple: true }), 1);
    importFiles(a, [fixture(CLI)]);
    const b = openStore(file, { busyTimeoutMs: 150 });
    assert.deepEqual(
      b.db.prepare('SELECT version FROM schema_migrations').pluck().all(),
      MIGRATIONS.map((m) => m.version),
    );
    a.db.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    assert.throws(
      () => importFiles(b, [fixture('resources.json')]),
      (e: unknown) => e instanceof StoreBusyError && /locked by another writer/.test(e.message),
    );
    assert.ok(Date.now() - started >= 100, 'waited for the busy timeout');
    a.db.exec('ROLLBACK');
    importFiles(b, [fixture('resources.json')]);
    // Readers see committed data; a read-only handle refuses writes.
    const ro = openStore(file, { readonly: true });
    assert.equal(ro.db.prepare('SELECT COUNT(*) FROM resources').pluck().get(), 6);
    assert.throws(() => importFiles(ro, [fixture('resources.json')]), /read-only/);
    ro.close();
    a.close();
    b.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('formats option: an import that accepts only get-resources output refuses other files by name', () => {
  const store = fresh();
  assert.throws(
    () => importFiles(store, [fixture('resources.json'), fixture(CLI)], { formats: ['resources'] }),
    (e: unknown) => e instanceof ImportError && e.file === CLI && /expected `aws resourcegroupstaggingapi get-resources` output/.test(e.message),
  );
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM resources').pluck().get(), 0);
  assert.equal(importFiles(store, [fixture('resources.json')], { formats: ['resources'] }).resources, 6);
});

test('data AWS would not produce (two groups, one name) is refused naming the file', () => {
  const store = fresh();
  const text = JSON.stringify({
    GroupDetailList: [
      { GroupName: 'G', Arn: 'arn:aws:iam::123456789012:group/a/G' },
      { GroupName: 'G', Arn: 'arn:aws:iam::123456789012:group/b/G' },
    ],
  });
  assert.throws(
    () => importFiles(store, [{ name: 'dup.json', text }]),
    (e: unknown) => e instanceof ImportError && e.file === 'dup.json' && /inconsistent data/.test(e.message),
  );
});

test('a byte order mark and Windows line endings are fine', () => {
  const store = fresh();
  const text = '\ufeff' + fixture('connect-readonly.json').text.replace(/\n/g, '\r\n');
  const r = importFiles(store, [{ name: 'bom.json', text }]);
  assert.equal(r.statements, 1);
  assert.deepEqual(store.db.prepare('SELECT line, col FROM statements').raw().get(), [4, 9]);
});
