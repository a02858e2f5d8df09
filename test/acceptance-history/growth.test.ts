/**
 * Database growth across re-imports (issue 15: "a re-import of an unchanged account grows the
 * database by < 5% and yields 0 changes"), on a generated account of a few thousand statements in
 * the AWS CLI's get-account-authorization-details shape; then a re-import where 1 % of the managed
 * policies get a new default version (CreatePolicyVersion --set-as-default): exactly their holders
 * gain the added action ("Policy evaluation logic": the default version is the one in effect; a
 * user also holds its groups' policies).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const ACCOUNT = '210987654321';
const IAM = `arn:aws:iam::${ACCOUNT}:`;
const USERS = 400;
const ROLES = 150;
const GROUPS = 30;
const POLICIES = 200;
const SERVICES = ['s3', 'sqs', 'dynamodb', 'lambda', 'sns', 'kms', 'logs', 'ec2'];
const ACTIONS: Record<string, string[]> = {
  s3: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
  sqs: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
  dynamodb: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
  lambda: ['lambda:InvokeFunction', 'lambda:GetFunction'],
  sns: ['sns:Publish'],
  kms: ['kms:Decrypt', 'kms:Encrypt'],
  logs: ['logs:PutLogEvents', 'logs:CreateLogStream'],
  ec2: ['ec2:DescribeInstances', 'ec2:StartInstances'],
};
/** The action a new version adds: no generated statement grants it. */
const ADDED = 'cloudwatch:PutMetricData';

function resourceFor(service: string, i: number): string {
  switch (service) {
    case 's3':
      return `arn:aws:s3:::team-${i}-bucket/*`;
    case 'sqs':
      return `arn:aws:sqs:eu-west-1:${ACCOUNT}:queue-${i}`;
    case 'dynamodb':
      return `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/table-${i}`;
    case 'lambda':
      return `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:fn-${i}`;
    case 'sns':
      return `arn:aws:sns:eu-west-1:${ACCOUNT}:topic-${i}`;
    case 'kms':
      return `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0000${String(i).padStart(4, '0')}-1111-2222-3333-444455556666`;
    case 'logs':
      return `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/app/${i}:*`;
    default:
      return '*';
  }
}

function policyDoc(p: number, extra: boolean): object {
  const statements = [0, 1, 2].map((k) => {
    const service = SERVICES[(p + k) % SERVICES.length];
    return { Sid: `S${k}`, Effect: 'Allow', Action: ACTIONS[service], Resource: resourceFor(service, (p * 3 + k) % 97) };
  });
  if (extra) statements.push({ Sid: 'Metrics', Effect: 'Allow', Action: [ADDED], Resource: '*' });
  return { Version: '2012-10-17', Statement: statements };
}

/** Which policies a user, group or role holds: fixed by index, so the test knows the holders. */
const userPolicies = (u: number) => [u % POLICIES, (u * 7 + 3) % POLICIES];
const userGroups = (u: number) => [u % GROUPS];
const groupPolicies = (g: number) => [(g * 11 + 5) % POLICIES];
const rolePolicies = (r: number) => [(r * 13 + 1) % POLICIES, (r * 17 + 2) % POLICIES];
const pname = (p: number) => `team-policy-${p}`;
const parn = (p: number) => `${IAM}policy/teams/${pname(p)}`;

function account(changed: Set<number>): object {
  const attached = (ps: number[]) => ps.map((p) => ({ PolicyName: pname(p), PolicyArn: parn(p) }));
  return {
    UserDetailList: Array.from({ length: USERS }, (_, u) => ({
      Path: '/people/',
      UserName: `user-${u}`,
      UserId: `AIDA${String(u).padStart(17, '0')}`,
      Arn: `${IAM}user/people/user-${u}`,
      CreateDate: '2025-06-01T08:00:00+00:00',
      UserPolicyList:
        u % 5 === 0
          ? [
              {
                PolicyName: 'own',
                PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: resourceFor('sqs', u) }] },
              },
            ]
          : [],
      GroupList: userGroups(u).map((g) => `group-${g}`),
      AttachedManagedPolicies: attached(userPolicies(u)),
      Tags: [{ Key: 'team', Value: `t${u % 12}` }],
    })),
    GroupDetailList: Array.from({ length: GROUPS }, (_, g) => ({
      Path: '/',
      GroupName: `group-${g}`,
      GroupId: `AGPA${String(g).padStart(17, '0')}`,
      Arn: `${IAM}group/group-${g}`,
      CreateDate: '2025-06-01T08:00:00+00:00',
      GroupPolicyList: [],
      AttachedManagedPolicies: attached(groupPolicies(g)),
    })),
    RoleDetailList: Array.from({ length: ROLES }, (_, r) => ({
      Path: '/service/',
      RoleName: `role-${r}`,
      RoleId: `AROA${String(r).padStart(17, '0')}`,
      Arn: `${IAM}role/service/role-${r}`,
      CreateDate: '2025-06-01T08:00:00+00:00',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      InstanceProfileList: [],
      RolePolicyList: [],
      AttachedManagedPolicies: attached(rolePolicies(r)),
      Tags: [],
      RoleLastUsed: {},
    })),
    Policies: Array.from({ length: POLICIES }, (_, p) => ({
      PolicyName: pname(p),
      PolicyId: `ANPA${String(p).padStart(17, '0')}`,
      Arn: parn(p),
      Path: '/teams/',
      DefaultVersionId: changed.has(p) ? 'v2' : 'v1',
      AttachmentCount: 1,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: '2025-06-01T08:00:00+00:00',
      UpdateDate: '2025-06-01T08:00:00+00:00',
      PolicyVersionList: [
        { Document: policyDoc(p, false), VersionId: 'v1', IsDefaultVersion: !changed.has(p), CreateDate: '2025-06-01T08:00:00+00:00' },
        ...(changed.has(p) ? [{ Document: policyDoc(p, true), VersionId: 'v2', IsDefaultVersion: true, CreateDate: '2026-12-01T08:00:00+00:00' }] : []),
      ],
    })),
  };
}

let dir: string;
let db: string;
const sizes: number[] = [];
/**
 * The database's size as SQLite counts it (page_count × page_size), write-ahead log included: the
 * file alone would miss what a running server has not checkpointed yet, and the log alone is
 * scratch space SQLite reuses.
 */
function size(): number {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.pragma('page_count', { simple: true }) as number) * (conn.pragma('page_size', { simple: true }) as number);
  } finally {
    conn.close();
  }
}
/** 1 % of the policies: 2 of 200. */
const CHANGED = new Set([17, 123]);

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accessql-growth-'));
  db = path.join(dir, 'growth.db');
  const same = path.join(dir, 'account.json');
  writeFileSync(same, JSON.stringify(account(new Set()), null, 4));
  const changed = path.join(dir, 'account-changed.json');
  writeFileSync(changed, JSON.stringify(account(CHANGED), null, 4));
  for (const f of [same, same, same, changed]) {
    const r = runCli(['import', '--db', db, f]);
    assert.equal(r.status, 0, r.stderr);
    sizes.push(size());
  }
});

let server: TestServer;
before(async () => {
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

describe('re-importing an unchanged account', () => {
  test('no change between the identical imports', async () => {
    for (const [from, to] of [
      [1, 2],
      [2, 3],
      [1, 3],
    ]) {
      const r = await server.gql(`{ accessChanges(from: ${from}, to: ${to}) { totalCount } }`);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.equal(r.data.accessChanges.totalCount, 0, `${from} → ${to}`);
    }
  });

  test('each identical re-import grows the database by less than 5 %', (t) => {
    t.diagnostic(`database after each CLI import (bytes): ${sizes.join(' → ')}`);
    assert.ok(sizes[0] > 1_000_000, `the account is not trivially small (${sizes[0]} bytes)`);
    for (const i of [1, 2]) assert.ok(sizes[i] < sizes[i - 1] * 1.05, `import ${i + 1}: ${sizes[i - 1]} → ${sizes[i]} bytes`);
  });

  test('through the API too (importAuthorizationDetails): a new snapshot, no change, under 5 %', async () => {
    const before = size();
    const r = await server.gql('mutation($d: String!) { importAuthorizationDetails(document: $d) { snapshotId } }', {
      d: readFileSync(path.join(dir, 'account-changed.json'), 'utf8'),
    });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.equal(r.data.importAuthorizationDetails.snapshotId, 5);
    const c = await server.gql('{ accessChanges(from: 4, to: 5) { totalCount } }');
    assert.equal(c.data.accessChanges.totalCount, 0);
    assert.ok(size() < before * 1.05, `${before} → ${size()} bytes`);
  });
});

describe('re-importing with 1 % of the managed policies at a new default version', () => {
  test('exactly the holders of those policies gain the added action, and nothing else moves', async () => {
    const holders = new Set<string>();
    for (let u = 0; u < USERS; u++) {
      const held = [...userPolicies(u), ...userGroups(u).flatMap(groupPolicies)];
      if (held.some((p) => CHANGED.has(p))) holders.add(`${IAM}user/people/user-${u}`);
    }
    for (let r = 0; r < ROLES; r++) if (rolePolicies(r).some((p) => CHANGED.has(p))) holders.add(`${IAM}role/service/role-${r}`);
    assert.ok(holders.size > 2);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await server.gql(
        `query($after: String) { accessChanges(from: 3, to: 4, first: 100, after: $after) { totalCount gainedCount lostCount
          pageInfo { hasNextPage endCursor } edges { node { principal { arn } action resource change } } } }`,
        { after },
      );
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.equal(r.data.accessChanges.lostCount, 0);
      for (const e of r.data.accessChanges.edges) {
        assert.equal(`${e.node.change} ${e.node.action} ${e.node.resource}`, `GAINED ${ADDED} *`);
        seen.push(e.node.principal.arn);
      }
      if (!r.data.accessChanges.pageInfo.hasNextPage) break;
      after = r.data.accessChanges.pageInfo.endCursor;
    }
    assert.deepEqual(seen.sort(), [...holders].sort());
    assert.ok(sizes[3] < sizes[2] * 1.05, `a 1 % change: ${sizes[2]} → ${sizes[3]} bytes`);
  });
});
