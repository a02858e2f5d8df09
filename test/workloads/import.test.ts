/**
 * Workload state imports (issue 14): each AWS CLI output, detected from content, stored field by
 * field; atomic with the other files of the import; re-importing a source for an account replaces
 * that account's rows of that source; errors name file, line and column. Field names follow each
 * command's API reference (IAM GetCredentialReport, EC2 DescribeInstances, Lambda ListFunctions,
 * Glue GetDevEndpoints, SageMaker DescribeNotebookInstance, CloudFormation DescribeStacks).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../src/store/db.js';
import { detectFormat, importFiles } from '../../src/store/import/index.js';
import { ImportError } from '../../src/store/errors.js';
import { parseJsonStrict } from '../../src/policy/json.js';
import { rawChecksum } from '../store/helpers.js';

import { wf } from './fixtures.js';

const A = '123456789012';

function fresh(): Store {
  return openStore(':memory:');
}

function rows<T = Record<string, unknown>>(store: Store, sql: string, ...params: unknown[]): T[] {
  return store.db.prepare(sql).all(...params) as T[];
}

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ImportError, `expected an ImportError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the import to fail');
}

function b64(csv: string): string {
  return JSON.stringify({ Content: Buffer.from(csv).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2024-06-04T07:00:00+00:00' }, null, 4);
}

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT_ROW = `<root_account>,arn:aws:iam::${A}:root,2015-02-10T15:44:47+00:00,not_supported,2024-05-01T10:03:11+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
const userRow = (name: string, password: string, mfa: string, k1: string, k2: string, account = A) =>
  `${name},arn:aws:iam::${account}:user/${name},2023-04-01T12:00:00+00:00,${password},N/A,N/A,N/A,${mfa},${k1},N/A,N/A,N/A,N/A,${k2},N/A,N/A,N/A,N/A,false,N/A,false,N/A`;

test('detectFormat: each workload output by its top-level keys; the decoded credential report CSV by its header', () => {
  const cases: [string, string][] = [
    ['credential-report.json', 'credential-report'],
    ['ec2-describe-instances.json', 'ec2-instances'],
    ['lambda-list-functions.json', 'lambda-functions'],
    ['glue-get-dev-endpoints.json', 'glue-dev-endpoints'],
    ['sagemaker-describe-notebook-instance.json', 'sagemaker-notebooks'],
    ['sagemaker-notebooks.json', 'sagemaker-notebooks'],
    ['cloudformation-describe-stacks.json', 'cloudformation-stacks'],
    ['authorization-details.json', 'authorization-details'],
  ];
  for (const [file, format] of cases) assert.equal(detectFormat(parseJsonStrict(wf(file).text)), format, file);
  // An empty JSON array says nothing about its kind.
  assert.equal(detectFormat([]), undefined);
  const r = importFiles(fresh(), [wf('credential-report.csv')]);
  assert.deepEqual(r.files, [{ name: 'credential-report.csv', format: 'credential-report' }]);
});

test('credential report ("Credential report format", IAM User Guide): users with password, keys, MFA; <root_account> kept apart', () => {
  const store = fresh();
  const r = importFiles(store, [wf('credential-report.json')]);
  assert.equal(r.credentialReportUsers, 4, 'the root row is not a user');
  assert.deepEqual(r.accounts, [A]);
  assert.deepEqual(r.workloadSources, [{ accountId: A, source: 'CREDENTIAL_REPORT', generatedTime: '2024-06-04T07:00:00+00:00' }]);
  const got = rows(
    store,
    'SELECT arn, user_name, root, password_enabled, password_last_used, mfa_active, access_key_1_active, access_key_2_active FROM credential_report ORDER BY arn',
  );
  assert.deepEqual(got, [
    {
      arn: `arn:aws:iam::${A}:root`,
      user_name: '<root_account>',
      root: 1,
      password_enabled: null, // not_supported
      password_last_used: '2024-05-01T10:03:11+00:00',
      mfa_active: 1,
      access_key_1_active: 0,
      access_key_2_active: 0,
    },
    {
      arn: `arn:aws:iam::${A}:user/alice`,
      user_name: 'alice',
      root: 0,
      password_enabled: 1,
      password_last_used: '2024-06-02T08:15:00+00:00',
      mfa_active: 1,
      access_key_1_active: 1,
      access_key_2_active: 0,
    },
    {
      arn: `arn:aws:iam::${A}:user/automation/deploy-bot`,
      user_name: 'deploy-bot',
      root: 0,
      password_enabled: 0,
      password_last_used: null, // N/A
      mfa_active: 0,
      access_key_1_active: 0,
      access_key_2_active: 0,
    },
    {
      arn: `arn:aws:iam::${A}:user/bob`,
      user_name: 'bob',
      root: 0,
      password_enabled: 0,
      password_last_used: null,
      mfa_active: 0,
      access_key_1_active: 1,
      access_key_2_active: 1,
    },
    {
      arn: `arn:aws:iam::${A}:user/carol`,
      user_name: 'carol',
      root: 0,
      password_enabled: 1,
      password_last_used: 'no_information',
      mfa_active: 0,
      access_key_1_active: 0,
      access_key_2_active: 0,
    },
  ]);
  const raw = JSON.parse(rows<{ raw: string }>(store, 'SELECT raw FROM credential_report WHERE user_name = ?', 'bob')[0]!.raw);
  assert.equal(raw.access_key_1_last_used_service, 'ec2', 'every column is kept verbatim');
  // The decoded CSV imports the same rows.
  const csv = fresh();
  importFiles(csv, [wf('credential-report.csv')]);
  assert.deepEqual(
    rows(csv, 'SELECT arn, password_enabled, mfa_active, access_key_1_active, access_key_2_active, raw FROM credential_report ORDER BY arn'),
    rows(store, 'SELECT arn, password_enabled, mfa_active, access_key_1_active, access_key_2_active, raw FROM credential_report ORDER BY arn'),
  );
});

test('credential report: quoted fields (RFC 4180), CRLF line ends and extra columns are read by name', () => {
  const store = fresh();
  const csv = [HEADER + ',some_new_column', ROOT_ROW + ',x', userRow('"a,b"', 'true', 'false', 'true', 'false') + ',y'].join('\r\n') + '\r\n';
  // The quoted name stays one field: `a,b` (commas are valid in IAM user names).
  const fixed = csv.replace('arn:aws:iam::123456789012:user/"a,b"', 'arn:aws:iam::123456789012:user/ab');
  importFiles(store, [{ name: 'r.json', text: b64(fixed) }]);
  assert.deepEqual(rows(store, 'SELECT user_name, password_enabled, access_key_1_active FROM credential_report WHERE root = 0'), [
    { user_name: 'a,b', password_enabled: 1, access_key_1_active: 1 },
  ]);
});

test('credential report errors: a bad value names the line and column of the decoded report; a raw CSV names the file position', () => {
  const bad = [HEADER, ROOT_ROW, userRow('alice', 'yes', 'false', 'true', 'false')].join('\n');
  const e = importError(() => importFiles(fresh(), [{ name: 'report.json', text: b64(bad) }]));
  assert.equal(e.path, 'Content');
  assert.equal(e.line, 3);
  // password_enabled is the fourth field of the row.
  assert.equal(e.column, `alice,arn:aws:iam::${A}:user/alice,2023-04-01T12:00:00+00:00,`.length + 1);
  assert.match(e.message, /report\.json: Content: line 3, column \d+ of the decoded document: password_enabled is "yes"; expected true or false/);

  const raw = importError(() => importFiles(fresh(), [{ name: 'report.csv', text: bad }]));
  assert.equal(raw.line, 3);
  assert.equal(raw.path, undefined);
  assert.match(raw.message, /^report\.csv:3:\d+: password_enabled is "yes"/);

  const short = importError(() => importFiles(fresh(), [{ name: 'r.csv', text: [HEADER, ROOT_ROW, 'bob,arn:aws:iam::123456789012:user/bob'].join('\n') }]));
  assert.match(short.message, /r\.csv:3:1: 2 fields where the header has 22/);

  const missing = importError(() => importFiles(fresh(), [{ name: 'r.csv', text: 'user,arn,user_creation_time,password_enabled\n' }]));
  assert.match(missing.message, /r\.csv:1:1: the header has no mfa_active column/);

  const plain = fresh();
  importFiles(plain, [{ name: 'decoded.json', text: JSON.stringify({ Content: wf('credential-report.csv').text, ReportFormat: 'text/csv' }) }]);
  assert.equal(rows(plain, 'SELECT * FROM credential_report WHERE root = 0').length, 4, 'a Content decoded in place is read as the CSV');

  const notB64 = importError(() => importFiles(fresh(), [{ name: 'r.json', text: '{\n  "Content": "%%%",\n  "ReportFormat": "text/csv"\n}' }]));
  assert.equal(notB64.line, 2);
  assert.match(notB64.message, /Content: expected the Base64-encoded report/);

  const headerOnly = importError(() => importFiles(fresh(), [{ name: 'r.csv', text: HEADER + '\n' }]));
  assert.match(headerOnly.message, /r\.csv:\d+:1: the report has no rows/);
  const otherAccount = importError(() => importFiles(fresh(), [wf('credential-report.csv')], { account: '210987654321' }));
  assert.match(otherAccount.message, /credential-report\.csv:2:\d+: arn:aws:iam::123456789012:root is in account 123456789012, not in 210987654321/);

  const role = importError(() =>
    importFiles(fresh(), [{ name: 'r.csv', text: [HEADER, userRow('x', 'true', 'true', 'false', 'false').replace(':user/x', ':role/x')].join('\n') }]),
  );
  assert.match(role.message, /is not a user ARN/);
});

test('EC2 describe-instances: instance ARN from the AZ\'s Region and OwnerId ("Amazon EC2 resource types"); profile kept for resolution at load', () => {
  const store = fresh();
  const r = importFiles(store, [wf('ec2-describe-instances.json')]);
  assert.equal(r.workloads, 3);
  assert.deepEqual(
    rows(store, "SELECT arn, account_id, region, name, role_arn, instance_profile_arn, state FROM workloads WHERE kind = 'EC2_INSTANCE' ORDER BY arn"),
    [
      {
        arn: `arn:aws:ec2:us-east-1:${A}:instance/i-0123456789abcdef0`,
        account_id: A,
        region: 'us-east-1',
        name: 'i-0123456789abcdef0',
        role_arn: null,
        instance_profile_arn: `arn:aws:iam::${A}:instance-profile/web-app-profile`,
        state: 'running',
      },
      {
        arn: `arn:aws:ec2:us-east-1:${A}:instance/i-0fedcba9876543210`,
        account_id: A,
        region: 'us-east-1',
        name: 'i-0fedcba9876543210',
        role_arn: null,
        instance_profile_arn: null,
        state: 'stopped',
      },
      {
        // A Local Zone (us-west-2-lax-1a) belongs to its parent Region.
        arn: `arn:aws:ec2:us-west-2:${A}:instance/i-0aaaabbbbccccdddd`,
        account_id: A,
        region: 'us-west-2',
        name: 'i-0aaaabbbbccccdddd',
        role_arn: null,
        instance_profile_arn: `arn:aws:iam::${A}:instance-profile/orphan-profile`,
        state: 'running',
      },
    ],
  );
  const raw = JSON.parse(rows<{ raw: string }>(store, "SELECT raw FROM workloads WHERE name = 'i-0123456789abcdef0'")[0]!.raw);
  assert.deepEqual(raw.Tags, [{ Key: 'Name', Value: 'web-1' }], 'the item is kept as printed');
});

test('Lambda list-functions, Glue get-dev-endpoints, SageMaker describe-notebook-instance, CloudFormation describe-stacks: fields and ARNs', () => {
  const store = fresh();
  const r = importFiles(store, [
    wf('lambda-list-functions.json'),
    wf('glue-get-dev-endpoints.json'),
    wf('sagemaker-describe-notebook-instance.json'),
    wf('cloudformation-describe-stacks.json'),
  ]);
  assert.equal(r.workloads, 2 + 2 + 1 + 2);
  assert.deepEqual(
    r.files.map((f) => f.format),
    ['lambda-functions', 'glue-dev-endpoints', 'sagemaker-notebooks', 'cloudformation-stacks'],
  );
  const got = rows(store, "SELECT kind, arn, region, name, role_arn, state FROM workloads WHERE kind <> 'EC2_INSTANCE' ORDER BY kind, arn");
  assert.deepEqual(got, [
    {
      kind: 'CLOUDFORMATION_STACK',
      arn: `arn:aws:cloudformation:us-east-1:${A}:stack/dashboards/5ccd2c30-1a2b-11ef-9f1e-0a1b2c3d4e5f`,
      region: 'us-east-1',
      name: 'dashboards',
      role_arn: null, // no RoleARN: CloudFormation uses the caller's credentials
      state: 'UPDATE_COMPLETE',
    },
    {
      kind: 'CLOUDFORMATION_STACK',
      arn: `arn:aws:cloudformation:us-east-1:${A}:stack/network/466df9e0-0dff-08e3-8e2f-5088487c4896`,
      region: 'us-east-1',
      name: 'network',
      role_arn: `arn:aws:iam::${A}:role/cfn-deploy-role`,
      state: 'CREATE_COMPLETE',
    },
    {
      // "Specifying AWS Glue resource ARNs": no AvailabilityZone in the output, so no Region: stored null, ARN region empty.
      kind: 'GLUE_DEV_ENDPOINT',
      arn: `arn:aws:glue::${A}:devEndpoint/legacy-dev`,
      region: null,
      name: 'legacy-dev',
      role_arn: `arn:aws:iam::${A}:role/glue-dev-role`,
      state: 'READY',
    },
    {
      kind: 'GLUE_DEV_ENDPOINT',
      arn: `arn:aws:glue:us-east-1:${A}:devEndpoint/etl-dev`,
      region: 'us-east-1',
      name: 'etl-dev',
      role_arn: `arn:aws:iam::${A}:role/glue-dev-role`,
      state: 'READY',
    },
    {
      kind: 'LAMBDA_FUNCTION',
      arn: `arn:aws:lambda:eu-west-1:${A}:function:nightly-report`,
      region: 'eu-west-1',
      name: 'nightly-report',
      role_arn: `arn:aws:iam::${A}:role/lambda-exec-role`,
      state: null,
    },
    {
      kind: 'LAMBDA_FUNCTION',
      arn: `arn:aws:lambda:us-east-1:${A}:function:contact-export`,
      region: 'us-east-1',
      name: 'contact-export',
      role_arn: `arn:aws:iam::${A}:role/lambda-exec-role`,
      state: null,
    },
    {
      kind: 'SAGEMAKER_NOTEBOOK',
      arn: `arn:aws:sagemaker:us-east-1:${A}:notebook-instance/analytics-notebook`,
      region: 'us-east-1',
      name: 'analytics-notebook',
      role_arn: `arn:aws:iam::${A}:role/sagemaker-exec-role`,
      state: 'InService',
    },
  ]);
  assert.deepEqual(
    rows(store, 'SELECT account_id, source FROM workload_sources ORDER BY source'),
    ['CLOUDFORMATION_STACKS', 'GLUE_DEV_ENDPOINTS', 'LAMBDA_FUNCTIONS', 'SAGEMAKER_NOTEBOOKS'].map((source) => ({ account_id: A, source })),
  );
});

test('SageMaker: a JSON array of describe-notebook-instance outputs; list-notebook-instances (no RoleArn) is refused, nothing changes', () => {
  const store = fresh();
  const r = importFiles(store, [wf('sagemaker-notebooks.json')]);
  assert.equal(r.workloads, 2);
  const before = rawChecksum(store);
  const e = importError(() => importFiles(store, [wf('sagemaker-list-notebook-instances.json')]));
  assert.match(e.message, /NotebookInstances\[0\]\.RoleArn: `aws sagemaker list-notebook-instances` output names no notebook role/);
  assert.equal(e.line, 3);
  assert.equal(rawChecksum(store), before);
  // The same wrapper with every RoleArn given says all it needs.
  const listed = JSON.parse(wf('sagemaker-notebooks.json').text);
  const r2 = importFiles(store, [{ name: 'wrapped.json', text: JSON.stringify({ NotebookInstances: listed }) }]);
  assert.equal(r2.workloads, 2);
  assert.deepEqual(r2.files, [{ name: 'wrapped.json', format: 'sagemaker-notebooks' }]);
});

test('atomic: a broken second file rolls back the workload rows of the first', () => {
  const store = fresh();
  const before = rawChecksum(store);
  const broken = { name: 'broken.json', text: '{\n    "Functions": [\n        {"FunctionName": "f", "FunctionArn": "not-an-arn"}\n    ]\n}' };
  const e = importError(() => importFiles(store, [wf('credential-report.json'), wf('ec2-describe-instances.json'), broken]));
  assert.equal(e.file, 'broken.json');
  assert.equal(e.line, 3);
  assert.equal(e.path, 'Functions[0].FunctionArn');
  assert.match(e.message, /not-an-arn is not an ARN of the form arn:partition:lambda:region:account-id:…/);
  assert.equal(rawChecksum(store), before, 'nothing of the first two files stays');
});

test("re-importing a source for an account replaces that account's rows of that source, and only those", () => {
  const store = fresh();
  importFiles(store, [wf('lambda-list-functions.json'), wf('cloudformation-describe-stacks.json'), wf('credential-report.json')]);
  const other = '210987654321';
  importFiles(store, [
    {
      name: 'other.json',
      text: JSON.stringify({
        Functions: [{ FunctionName: 'x', FunctionArn: `arn:aws:lambda:us-east-1:${other}:function:x`, Role: `arn:aws:iam::${other}:role/r` }],
      }),
    },
  ]);
  const second = importFiles(store, [
    {
      name: 'again.json',
      text: JSON.stringify({
        Functions: [{ FunctionName: 'only', FunctionArn: `arn:aws:lambda:us-east-1:${A}:function:only`, Role: `arn:aws:iam::${A}:role/r` }],
      }),
    },
  ]);
  assert.deepEqual(
    rows<{ arn: string }>(store, "SELECT arn FROM workloads WHERE kind = 'LAMBDA_FUNCTION' ORDER BY arn").map((r) => r.arn),
    [`arn:aws:lambda:us-east-1:${A}:function:only`, `arn:aws:lambda:us-east-1:${other}:function:x`],
    "the account's earlier functions are gone; the other account's stay",
  );
  assert.equal(rows(store, "SELECT * FROM workloads WHERE kind = 'CLOUDFORMATION_STACK'").length, 2, 'other sources of the account stay');
  assert.deepEqual(rows(store, 'SELECT account_id, source, snapshot_id FROM workload_sources ORDER BY account_id, source'), [
    { account_id: A, source: 'CLOUDFORMATION_STACKS', snapshot_id: 1 },
    { account_id: A, source: 'CREDENTIAL_REPORT', snapshot_id: 1 },
    { account_id: A, source: 'LAMBDA_FUNCTIONS', snapshot_id: second.snapshotId },
    { account_id: other, source: 'LAMBDA_FUNCTIONS', snapshot_id: second.snapshotId - 1 },
  ]);
  // A newer credential report replaces the account's rows: a deleted user disappears.
  importFiles(store, [{ name: 'r.json', text: b64([HEADER, ROOT_ROW, userRow('alice', 'false', 'false', 'false', 'false')].join('\n')) }]);
  assert.deepEqual(rows<{ user_name: string; password_enabled: number }>(store, 'SELECT user_name, password_enabled FROM credential_report WHERE root = 0'), [
    { user_name: 'alice', password_enabled: 0 },
  ]);
});

test('pages of one listing in one import add up (the source is cleared once per import)', () => {
  const store = fresh();
  const page = (n: string) => ({
    name: `${n}.json`,
    text: JSON.stringify({ Functions: [{ FunctionName: n, FunctionArn: `arn:aws:lambda:us-east-1:${A}:function:${n}`, Role: `arn:aws:iam::${A}:role/r` }] }),
  });
  const r = importFiles(store, [page('one'), page('two')]);
  assert.equal(r.workloads, 2);
  assert.equal(rows(store, 'SELECT * FROM workloads').length, 2);
  assert.deepEqual(r.workloadSources, [{ accountId: A, source: 'LAMBDA_FUNCTIONS', generatedTime: null }]);
});

test('an empty listing needs the account it comes from: refused without it, records "none" with it; an item of another account is refused', () => {
  const store = fresh();
  importFiles(store, [wf('lambda-list-functions.json')]);
  const empty = { name: 'empty.json', text: '{\n    "Functions": []\n}\n' };
  const e = importError(() => importFiles(store, [empty]));
  assert.match(e.message, /empty\.json:2:5: Functions: the list is empty, so nothing says which account/);
  assert.equal(rows(store, 'SELECT * FROM workloads').length, 2, 'unchanged');
  const r = importFiles(store, [empty], { account: A });
  assert.deepEqual(r.workloadSources, [{ accountId: A, source: 'LAMBDA_FUNCTIONS', generatedTime: null }]);
  assert.equal(rows(store, 'SELECT * FROM workloads').length, 0, 'the account has no functions now');
  assert.equal(rows(store, "SELECT * FROM workload_sources WHERE source = 'LAMBDA_FUNCTIONS'").length, 1);
  const wrong = importError(() => importFiles(fresh(), [wf('lambda-list-functions.json')], { account: '210987654321' }));
  assert.match(wrong.message, /is in account 123456789012, not in 210987654321/);
  assert.ok(importError(() => importFiles(fresh(), [empty], { account: '12' })).message.includes('not a 12-digit account id'));
  assert.deepEqual(importFiles(fresh(), [{ name: 'e.json', text: '{"Reservations": []}' }], { account: A }).workloadSources, [
    { accountId: A, source: 'EC2_INSTANCES', generatedTime: null },
  ]);
});

test('shape errors name file, line, column and element path', () => {
  const ec2 =
    '{\n    "Reservations": [\n        {\n            "OwnerId": "123456789012",\n            "Instances": [\n                {"InstanceId": "i-1", "Placement": {"AvailabilityZone": "use1-az1"}}\n            ]\n        }\n    ]\n}';
  const e = importError(() => importFiles(fresh(), [{ name: 'ec2.json', text: ec2 }]));
  assert.equal(e.path, 'Reservations[0].Instances[0].Placement.AvailabilityZone');
  assert.equal(e.line, 6);
  assert.match(e.message, /use1-az1 is not an Availability Zone name/);

  const owner = importError(() => importFiles(fresh(), [{ name: 'ec2.json', text: '{"Reservations": [{"Instances": [{"InstanceId": "i-1"}]}]}' }]));
  assert.match(owner.message, /ec2\.json:1:\d+: Reservations\[0\]\.OwnerId: missing OwnerId: nothing says which account/);

  const glue = importError(() => importFiles(fresh(), [{ name: 'g.json', text: '{"DevEndpoints": [{"EndpointName": "e"}]}' }]));
  assert.match(glue.message, /missing RoleArn: nothing says which account/);

  const stack = importError(() =>
    importFiles(fresh(), [
      { name: 's.json', text: '{"Stacks": [{"StackName": "n", "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/n/1", "RoleARN": 7}]}' },
    ]),
  );
  assert.equal(stack.path, 'Stacks[0].RoleARN');

  const notList = importError(() => importFiles(fresh(), [{ name: 'f.json', text: '{"Functions": "x"}' }]));
  assert.match(notList.message, /Functions: expected a list/);
});

test('EC2 without OwnerId or Placement (the CLI prints both): the account from the instance profile, the Region unknown', () => {
  const store = fresh();
  const text = JSON.stringify({ Reservations: [{ Instances: [{ InstanceId: 'i-1', IamInstanceProfile: { Arn: `arn:aws:iam::${A}:instance-profile/p` } }] }] });
  importFiles(store, [{ name: 'ec2.json', text }]);
  assert.deepEqual(rows(store, 'SELECT arn, account_id, region FROM workloads'), [{ arn: `arn:aws:ec2::${A}:instance/i-1`, account_id: A, region: null }]);
});

test('import formats refuse workload outputs where a single format is expected (importResources)', () => {
  const e = importError(() => importFiles(fresh(), [wf('ec2-describe-instances.json')], { formats: ['resources'] }));
  assert.match(e.message, /this is `aws ec2 describe-instances` output; expected `aws resourcegroupstaggingapi get-resources` output/);
  const csv = importError(() => importFiles(fresh(), [wf('credential-report.csv')], { formats: ['resources'] }));
  assert.match(csv.message, /this is `aws iam get-credential-report` output/);
});
