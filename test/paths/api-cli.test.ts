/**
 * Access paths through the public surfaces: GraphQL over HTTP against the real server
 * (privilegeEscalations, whoCan(transitive: true) with Access.path, Principal.reachableRoles) and
 * the CLI (`escalations`, `paths`, `who-can --transitive`), on the hand-built account of
 * fixture.ts imported with `accessql import`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLI, ROOT, runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';
import { ESCALATIONS } from '../../src/cli/operations.js';
import { arn, BUCKET_OBJECT, EXPECTED, FUNCTION_ARN, NOT_ESCALATING, writeFixture } from './fixture.js';

let db: string;
let server: TestServer;

before(async () => {
  db = tempDb();
  const file = writeFixture(path.join(path.dirname(db), 'authorization-details.json'));
  const imported = runCli(['import', '--db', db, file]);
  assert.equal(imported.status, 0, imported.stderr);
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

function cliAsync(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args, '--db', db], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? ((error as { code?: number }).code ?? 1) : 0 });
    });
  });
}

const STEP = 'kind from to via actions conditional missingContextKeys missingState matchedStatements { policyName sid effect line }';

describe('GraphQL over HTTP', () => {
  test('privilegeEscalations: one entry per escalating principal, ordered by ARN, well-formed paths; negative controls absent', async () => {
    const r = await server.gql(
      `{ privilegeEscalations(first: 100) { totalCount truncated edges { node { principal { arn } reaches conditional path { ${STEP} } } } } }`,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const c = r.data.privilegeEscalations;
    assert.equal(c.truncated, false);
    const names = c.edges.map((e: any) => e.node.principal.arn.split('/').pop());
    assert.deepEqual([...names].sort(), Object.keys(EXPECTED).sort());
    assert.equal(c.totalCount, Object.keys(EXPECTED).length);
    const arns = c.edges.map((e: any) => e.node.principal.arn);
    assert.deepEqual(arns, [...arns].sort());
    for (const n of NOT_ESCALATING) assert.ok(!names.includes(n), n);
    for (const { node } of c.edges) {
      assert.equal(node.path[0].from, node.principal.arn);
      for (let i = 1; i < node.path.length; i++) assert.equal(node.path[i].from, node.path[i - 1].to);
      assert.equal(node.path[node.path.length - 1].to, node.reaches);
      for (const s of node.path) assert.ok(s.matchedStatements.length > 0);
    }
  });

  test('privilegeEscalations(principalArn) and paging: the PassRole + Lambda path (iam-vulnerable privesc15)', async () => {
    const one = await server.gql(
      `{ privilegeEscalations(principalArn: "${arn('user', 'lambda-passer')}") { totalCount edges { node { reaches path { ${STEP} } } } } }`,
    );
    const node = one.data.privilegeEscalations.edges[0].node;
    assert.equal(one.data.privilegeEscalations.totalCount, 1);
    assert.equal(node.reaches, arn('role', 'service-admin'));
    assert.equal(node.path[0].kind, 'PASS_ROLE');
    assert.deepEqual(node.path[0].actions, ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction']);
    const none = await server.gql(`{ privilegeEscalations(principalArn: "${arn('user', 'passer-harmless')}") { totalCount } }`);
    assert.equal(none.data.privilegeEscalations.totalCount, 0);
    const page1 = await server.gql(`{ privilegeEscalations(first: 5) { edges { cursor node { principal { arn } } } pageInfo { hasNextPage endCursor } } }`);
    const page2 = await server.gql(`query($after: String) { privilegeEscalations(first: 5, after: $after) { edges { node { principal { arn } } } } }`, {
      after: page1.data.privilegeEscalations.pageInfo.endCursor,
    });
    assert.equal(page1.data.privilegeEscalations.pageInfo.hasNextPage, true);
    assert.ok(page2.data.privilegeEscalations.edges[0].node.principal.arn > page1.data.privilegeEscalations.edges[4].node.principal.arn);
  });

  test('whoCan(transitive: true): alice through hop-role and data-reader-role; direct entries have an empty path', async () => {
    const q = `query($t: Boolean) { whoCan(action: "s3:GetObject", resource: "${BUCKET_OBJECT}", transitive: $t, first: 100) { totalCount edges { node { principal { arn } decision conditional path { ${STEP} } } } } }`;
    const direct = await server.gql(q, { t: false });
    const transitive = await server.gql(q, { t: true });
    assert.equal(transitive.errors, undefined, JSON.stringify(transitive.errors));
    const d = new Map<string, any>(direct.data.whoCan.edges.map((e: any) => [e.node.principal.arn, e.node]));
    const t = new Map<string, any>(transitive.data.whoCan.edges.map((e: any) => [e.node.principal.arn, e.node]));
    for (const [a, node] of d) {
      assert.deepEqual(node.path, []);
      assert.deepEqual(t.get(a)?.path, [], `${a} stays a direct entry`);
    }
    const alice = t.get(arn('user', 'alice'));
    assert.deepEqual(
      alice.path.map((s: any) => [s.kind, s.from, s.to, s.actions]),
      [
        ['ASSUME_ROLE', arn('user', 'alice'), arn('role', 'hop-role'), ['sts:AssumeRole']],
        ['ASSUME_ROLE', arn('role', 'hop-role'), arn('role', 'data-reader-role'), ['sts:AssumeRole']],
      ],
    );
    assert.ok(!d.has(arn('user', 'alice')));
    assert.ok(!t.has(arn('user', 'carol')), 'a trust policy that does not trust the caller');
    assert.ok(!t.has(arn('user', 'dave')), 'a boundary that blocks sts:AssumeRole');
    assert.ok(!t.has(arn('user', 'bob')), 'MFA-only trust is conditional: only with includeConditional');
  });

  test('Principal.reachableRoles: the cycle cycle-a ↔ cycle-b is followed once', async () => {
    const r = await server.gql(
      `{ principal(arn: "${arn('user', 'frank')}") { reachableRoles { totalCount edges { node { role { arn } path { from to } } } } } }`,
    );
    const c = r.data.principal.reachableRoles;
    assert.equal(c.totalCount, 2);
    assert.deepEqual(
      c.edges.map((e: any) => [e.node.role.arn, e.node.path.length]),
      [
        [arn('role', 'cycle-a'), 1],
        [arn('role', 'cycle-b'), 2],
      ],
    );
  });
});

describe('CLI', () => {
  test('escalations --json prints the privilegeEscalations answer (same as over HTTP)', async () => {
    const r = await cliAsync(['escalations', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout);
    const http = await server.gql(ESCALATIONS, { principalArn: null, first: 500, after: null });
    assert.deepEqual(printed.edges, http.data.privilegeEscalations.edges);
  });

  test('escalations --principal prints the readable chain with the statements', async () => {
    const r = await cliAsync(['escalations', '--principal', arn('user', 'cpv')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /user\/cpv makes itself an administrator/);
    assert.match(r.stdout, /cpv —iam:CreatePolicyVersion \(cpv-policy\)→ itself/);
    assert.match(r.stdout, /iam:CreatePolicyVersion: Allow cpv\/cpv-inline/);
    assert.match(r.stdout, /1 principal\(s\) can become an administrator/);
  });

  test('paths FROM_ARN prints each reachable role as a chain', async () => {
    const r = await cliAsync(['paths', arn('user', 'alice')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /alice —sts:AssumeRole→ hop-role —sts:AssumeRole→ data-reader-role/);
    assert.match(r.stdout, /2 role\(s\) reachable from/);
    const missing = await cliAsync(['paths', arn('user', 'nobody')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No stored user or role/);
  });

  test('who-can --transitive lists the chains', async () => {
    const r = await cliAsync(['who-can', 's3:GetObject', BUCKET_OBJECT, '--transitive']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /through role chains:/);
    assert.match(r.stdout, /frank —sts:AssumeRole→ cycle-a —sts:AssumeRole→ cycle-b/);
  });
});

describe('with workload state imported (AWS CLI outputs)', () => {
  test('credential report + lambda list-functions + an empty describe-instances: CreateAccessKey and UpdateLoginProfile definite, CreateLoginProfile gone; UpdateFunctionCode definite on the function; SendCommand gone (no instance)', async () => {
    const dir = path.dirname(db);
    const header =
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
    const row = `admin-user,${arn('user', 'admin-user')},2025-01-01T00:00:00+00:00,true,N/A,2025-01-01T00:00:00+00:00,N/A,false,true,2025-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
    const report = path.join(dir, 'credential-report.json');
    writeFileSync(
      report,
      JSON.stringify({ Content: Buffer.from(`${header}\n${row}\n`).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2025-06-01T00:00:00+00:00' }),
    );
    const functions = path.join(dir, 'functions.json');
    writeFileSync(
      functions,
      JSON.stringify({ Functions: [{ FunctionName: 'nightly-export', FunctionArn: FUNCTION_ARN, Role: arn('role', 'service-admin'), Runtime: 'python3.12' }] }),
    );
    const instances = path.join(dir, 'instances.json');
    writeFileSync(instances, JSON.stringify({ Reservations: [] }));
    const wdb = path.join(dir, 'workloads.db');
    const fixture = path.join(dir, 'authorization-details.json');
    const r = runCli(['import', '--db', wdb, '--account', '111111111111', fixture, report, functions, instances]);
    assert.equal(r.status, 0, r.stderr);
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [CLI, 'escalations', '--json', '--db', wdb], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (e, stdout, stderr) =>
        e ? reject(new Error(stderr)) : resolve(stdout),
      ),
    );
    const m = new Map<string, any>(JSON.parse(out).edges.map((e: any) => [e.node.principal.arn.split('/').pop(), e.node]));
    assert.equal(m.get('keymaker')?.conditional, false);
    assert.deepEqual(m.get('keymaker')?.path[0].missingState, []);
    assert.equal(m.get('loginupdater')?.conditional, false);
    assert.equal(m.get('loginmaker'), undefined, 'admin-user has a password: CreateLoginProfile fails');
    assert.equal(m.get('code-updater')?.conditional, false);
    assert.equal(m.get('code-updater')?.path[0].via, FUNCTION_ARN);
    assert.equal(m.get('ssm-user'), undefined, 'describe-instances imported, no instance runs as the role');
  });
});
