/**
 * Imported workload state drives the access paths (issue 14: "Steps that need such state (an
 * existing function, a user without a password) are conditional when it was not imported, and
 * definite when it was"), end to end through `accessql import` and `accessql escalations --json`.
 * Steps as pathfinding.cloud catalogues them: lambda-003 (lambda:UpdateFunctionCode on a function
 * running as a stronger role) and iam-002 (iam:CreateAccessKey for a stronger user; IAM allows
 * two access keys per user, "IAM and AWS STS quotas").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDb } from '../helpers/server.js';

const A = '123456789012';
const arn = (kind: string, name: string) => `arn:aws:iam::${A}:${kind}/${name}`;
const FUNCTION = `arn:aws:lambda:us-east-1:${A}:function:admin-job`;
const policy = (actions: string[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
const user = (name: string, actions: string[]) => ({
  Path: '/',
  UserName: name,
  UserId: `AIDA${name.toUpperCase().replace(/-/g, '').padEnd(12, 'X').slice(0, 12)}EXAMPLE`,
  Arn: arn('user', name),
  CreateDate: '2024-01-01T00:00:00Z',
  GroupList: [],
  AttachedManagedPolicies: [],
  UserPolicyList: [{ PolicyName: `${name}-policy`, PolicyDocument: policy(actions) }],
});
const account = {
  UserDetailList: [user('code-updater', ['lambda:UpdateFunctionCode']), user('key-maker', ['iam:CreateAccessKey']), user('admin-user', ['*'])],
  RoleDetailList: [
    {
      Path: '/',
      RoleName: 'lambda-admin',
      RoleId: 'AROALAMBDAADMINEXAMPLE',
      Arn: arn('role', 'lambda-admin'),
      CreateDate: '2024-01-01T00:00:00Z',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      InstanceProfileList: [],
      AttachedManagedPolicies: [],
      RolePolicyList: [{ PolicyName: 'admin', PolicyDocument: policy(['*']) }],
    },
  ],
  GroupDetailList: [],
  Policies: [],
};
const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const report = (adminKeys: [boolean, boolean]) =>
  [
    HEADER,
    `<root_account>,arn:aws:iam::${A}:root,2015-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    ...['code-updater', 'key-maker', 'admin-user'].map((name) => {
      const [k1, k2] = name === 'admin-user' ? adminKeys : [false, false];
      return `${name},${arn('user', name)},2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,${k1},${k1 ? '2024-01-02T00:00:00+00:00' : 'N/A'},N/A,N/A,N/A,${k2},${k2 ? '2024-01-02T00:00:00+00:00' : 'N/A'},N/A,N/A,N/A,false,N/A,false,N/A`;
    }),
  ].join('\n') + '\n';

interface Escalation {
  principal: { arn: string };
  conditional: boolean;
  reaches: string;
}

function escalations(db: string): Map<string, Escalation> {
  const r = runCli(['escalations', '--json', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  return new Map((JSON.parse(r.stdout).edges as { node: Escalation }[]).map((e) => [e.node.principal.arn, e.node]));
}

function importJson(db: string, name: string, value: unknown, ...extra: string[]): void {
  const f = path.join(path.dirname(db), name);
  writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value, null, 4));
  const r = runCli(['import', '--db', db, ...extra, f]);
  assert.equal(r.status, 0, r.stderr);
}

test('lambda-003 UpdateFunctionCode: conditional without list-functions, definite with the function imported, gone after an empty listing', () => {
  const db = tempDb();
  importJson(db, 'account.json', account);
  const unknown = escalations(db).get(arn('user', 'code-updater'));
  assert.equal(unknown?.conditional, true, 'no Lambda state imported: the function may exist');
  assert.equal(unknown?.reaches, arn('role', 'lambda-admin'));

  importJson(db, 'functions.json', {
    Functions: [{ FunctionName: 'admin-job', FunctionArn: FUNCTION, Role: arn('role', 'lambda-admin'), Runtime: 'python3.12' }],
  });
  const known = escalations(db).get(arn('user', 'code-updater'));
  assert.equal(known?.conditional, false, 'the function exists and runs as the administrator role');
  assert.equal(known?.reaches, arn('role', 'lambda-admin'));

  importJson(db, 'none.json', '{\n    "Functions": []\n}\n', '--account', A);
  assert.equal(escalations(db).has(arn('user', 'code-updater')), false, 'the account has no function: nothing to update');
});

test('iam-002 CreateAccessKey: conditional without the credential report, none when the target has two keys, definite when it has fewer', () => {
  const db = tempDb();
  importJson(db, 'account.json', account);
  // No function in the account: code-updater, whose keys key-maker could also create, leads nowhere.
  importJson(db, 'none.json', '{"Functions": []}', '--account', A);
  assert.equal(escalations(db).get(arn('user', 'key-maker'))?.conditional, true);

  const b64 = (csv: string) => ({ Content: Buffer.from(csv).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2024-06-04T07:00:00+00:00' });
  importJson(db, 'full.json', b64(report([true, true])));
  assert.equal(escalations(db).has(arn('user', 'key-maker')), false, 'admin-user already has two access keys');

  importJson(db, 'one.json', b64(report([true, false])));
  const e = escalations(db).get(arn('user', 'key-maker'));
  assert.equal(e?.conditional, false);
  assert.equal(e?.reaches, arn('user', 'admin-user'));
});
