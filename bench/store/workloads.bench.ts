/**
 * Workload state benchmark: a generated account with many users, roles with instance profiles,
 * instances, functions, notebooks and stacks (AWS CLI output shapes), imported into a fresh
 * database file; then loadWorkloads (the access paths' input, EC2 roles resolved through instance
 * profiles) and one `workloads(roleArn)` page. Prints seconds (wall and CPU) and row counts.
 *
 *   node dist/bench/store/workloads.bench.js [--users 15000] [--roles 5000] [--instances 10000] [--functions 5000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadWorkloads } from '../../src/store/workloads.js';
import { listWorkloads } from '../../src/store/queries/index.js';

const argv = process.argv.slice(2);
const arg = (name: string, def: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : def;
};
const USERS = arg('users', 15000);
const ROLES = arg('roles', 5000);
const INSTANCES = arg('instances', 10000);
const FUNCTIONS = arg('functions', 5000);
const A = '123456789012';

const trust = (svc: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: svc }, Action: 'sts:AssumeRole' }] });
const roleArn = (i: number) => `arn:aws:iam::${A}:role/app-${i}`;
const profileArn = (i: number) => `arn:aws:iam::${A}:instance-profile/app-${i}`;

function files(): { name: string; text: string }[] {
  const auth = {
    RoleDetailList: Array.from({ length: ROLES }, (_, i) => ({
      Path: '/',
      RoleName: `app-${i}`,
      RoleId: `AROA${String(i).padStart(12, '0')}`,
      Arn: roleArn(i),
      CreateDate: '2024-01-01T00:00:00Z',
      AssumeRolePolicyDocument: trust('ec2.amazonaws.com'),
      InstanceProfileList: [{ InstanceProfileName: `app-${i}`, Arn: profileArn(i), Path: '/', Roles: [] }],
      RolePolicyList: [],
      AttachedManagedPolicies: [],
    })),
  };
  const header =
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
  const lines = [
    header,
    `<root_account>,arn:aws:iam::${A}:root,2015-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  ];
  for (let i = 0; i < USERS; i++) {
    lines.push(
      `u${i},arn:aws:iam::${A}:user/u${i},2023-01-01T00:00:00+00:00,${i % 2 === 0},N/A,N/A,N/A,${i % 3 === 0},${i % 4 !== 0},N/A,N/A,N/A,N/A,${i % 7 === 0},N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    );
  }
  const report = { Content: Buffer.from(lines.join('\n') + '\n').toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2024-06-01T00:00:00+00:00' };
  const reservations = [];
  for (let r = 0; r < INSTANCES / 10; r++) {
    reservations.push({
      OwnerId: A,
      ReservationId: `r-${r}`,
      Instances: Array.from({ length: 10 }, (_, k) => {
        const i = r * 10 + k;
        return {
          InstanceId: `i-${i.toString(16).padStart(17, '0')}`,
          Placement: { AvailabilityZone: 'us-east-1a' },
          State: { Name: 'running' },
          IamInstanceProfile: { Arn: profileArn(i % ROLES), Id: `AIPA${i}` },
          Tags: [{ Key: 'Name', Value: `node-${i}` }],
        };
      }),
    });
  }
  const functions = Array.from({ length: FUNCTIONS }, (_, i) => ({
    FunctionName: `f${i}`,
    FunctionArn: `arn:aws:lambda:us-east-1:${A}:function:f${i}`,
    Role: roleArn(i % ROLES),
    Runtime: 'python3.12',
  }));
  return [
    { name: 'auth.json', text: JSON.stringify(auth) },
    { name: 'report.json', text: JSON.stringify(report) },
    { name: 'ec2.json', text: JSON.stringify({ Reservations: reservations }) },
    { name: 'lambda.json', text: JSON.stringify({ Functions: functions }) },
  ];
}

function timed<T>(fn: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { value, seconds, cpuSeconds: (c.user + c.system) / 1e6 };
}

const input = files();
const mb = input.reduce((n, f) => n + f.text.length, 0) / 1e6;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-workloads-bench-'));
const store = openStore(path.join(dir, 'bench.db'));
const imp = timed(() => importFiles(store, input));
const load = timed(() => loadWorkloads(store));
const resolved = load.value.workloads.filter((w) => w.kind === 'EC2_INSTANCE' && w.roleArn !== null).length;
const page = timed(() => listWorkloads(store, { first: 100, roleArn: roleArn(7) }));
store.close();
fs.rmSync(dir, { recursive: true, force: true });

console.log(`input: ${mb.toFixed(1)} MB (${ROLES} roles with instance profiles, ${USERS} report users, ${INSTANCES} instances, ${FUNCTIONS} functions)`);
console.log(
  `import: ${imp.seconds.toFixed(2)} s wall, ${imp.cpuSeconds.toFixed(2)} s CPU; ${imp.value.credentialReportUsers} users, ${imp.value.workloads} workloads`,
);
console.log(`loadWorkloads: ${load.seconds.toFixed(2)} s wall, ${load.cpuSeconds.toFixed(2)} s CPU; ${resolved}/${INSTANCES} instances resolved to a role`);
console.log(`workloads(roleArn) page: ${(page.seconds * 1000).toFixed(1)} ms; ${page.value.totalCount} running as app-7`);
