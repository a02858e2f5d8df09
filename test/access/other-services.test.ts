/**
 * Actions on other services' resources, whatCan on a resource with children, and questions that
 * are not ARNs — over GraphQL HTTP and the CLI.
 *
 * Rules: "Actions, resources, and condition keys for AWS services" (Service Authorization
 * Reference): sts:AssumeRole applies to a "role" whose ARN is an IAM role's, ssm:StartSession to an
 * EC2 "instance", rds-data:ExecuteStatement to an RDS "cluster", ec2-instance-connect:SendSSHPublicKey
 * to an EC2 "instance" — answered on that resource (contract, Semantics). "Identify AWS resources
 * with Amazon Resource Names (ARNs)": a resource is named arn:partition:service:region:account:resource.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

const ACCOUNT = '111122223333';
const DEPLOY_ROLE = `arn:aws:iam::${ACCOUNT}:role/DeployRole`;
const OTHER_ROLE = `arn:aws:iam::${ACCOUNT}:role/OtherRole`;
const INSTANCE = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`;
const CLUSTER = `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders`;
const DEPLOYER = `arn:aws:iam::${ACCOUNT}:user/deployer`;
const OPERATOR = `arn:aws:iam::${ACCOUNT}:user/operator`;
const NOBODY = `arn:aws:iam::${ACCOUNT}:user/nobody`;

const SEED_ACCOUNT = '123456789012';
const INSTANCE_A = `arn:aws:connect:us-east-1:${SEED_ACCOUNT}:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1`;
const ERIN = `arn:aws:iam::${SEED_ACCOUNT}:user/erin.walsh`;

function user(name: string, statements: unknown[]) {
  return {
    UserName: name,
    UserId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`,
    Path: '/',
    Arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    CreateDate: '2024-01-01T00:00:00Z',
    GroupList: [],
    AttachedManagedPolicies: [],
    Tags: [],
    UserPolicyList: statements.length ? [{ PolicyName: `${name}-inline`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }] : [],
  };
}

function role(name: string) {
  return {
    RoleName: name,
    RoleId: `AROA${name.toUpperCase().padEnd(17, 'X')}`,
    Path: '/',
    Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    CreateDate: '2024-01-01T00:00:00Z',
    InstanceProfileList: [],
    AttachedManagedPolicies: [],
    RolePolicyList: [],
    Tags: [],
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }],
    },
  };
}

const AUTHORIZATION_DETAILS = {
  UserDetailList: [
    user('deployer', [
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: DEPLOY_ROLE },
      { Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::${ACCOUNT}:role/*` },
    ]),
    user('operator', [
      { Effect: 'Allow', Action: ['ssm:StartSession', 'ec2-instance-connect:SendSSHPublicKey'], Resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*` },
      { Effect: 'Allow', Action: 'rds-data:ExecuteStatement', Resource: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:*` },
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
      { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: DEPLOY_ROLE },
    ]),
    user('nobody', []),
  ],
  RoleDetailList: [role('DeployRole'), role('OtherRole')],
  GroupDetailList: [],
  Policies: [],
};

const ACCESS = `query($action: String!, $resource: String!) {
  whoCan(action: $action, resource: $resource, first: 100) { totalCount evaluatedResource evaluatedResourceType warnings edges { node { principal { arn } decision } } }
}`;
const WHAT = `query($principalArn: String!, $resource: String!, $first: Int, $after: String) {
  whatCan(principalArn: $principalArn, resource: $resource, first: $first, after: $after) {
    totalCount resourceType warnings
    edges { cursor node { action resource resourceType decision } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SIMULATE = `query($principalArn: String!, $actions: [String!]!, $resources: [String!]) {
  simulatePrincipalPolicy(principalArn: $principalArn, actions: $actions, resources: $resources) { results { decision } }
}`;

let server: TestServer;
let seeded: TestServer;
let dir: string;
let db: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-other-'));
  const file = path.join(dir, 'authorization-details.json');
  fs.writeFileSync(file, JSON.stringify(AUTHORIZATION_DETAILS));
  db = tempDb();
  const imported = runCli(['import', '--db', db, file]);
  assert.equal(imported.status, 0, imported.stderr);
  const seedDb = tempDb();
  const s = runCli(['seed', '--db', seedDb]);
  assert.equal(s.status, 0, s.stderr);
  [server, seeded] = await Promise.all([startTestServer({ dbFile: db }), startTestServer({ dbFile: seedDb })]);
});

after(async () => {
  await Promise.all([server?.stop(), seeded?.stop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The principals simulatePrincipalPolicy allows: what whoCan must return, computed independently. */
async function allowedBySimulation(action: string, resource: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of [DEPLOYER, OPERATOR, NOBODY, DEPLOY_ROLE, OTHER_ROLE]) {
    const r = await server.gql<{ simulatePrincipalPolicy: { results: { decision: string }[] } }>(SIMULATE, {
      principalArn: p,
      actions: [action],
      resources: [resource],
    });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    if (r.data!.simulatePrincipalPolicy.results[0]!.decision === 'ALLOWED') out.push(p);
  }
  return out.sort();
}

describe("Service Authorization Reference: actions on another service's resources are answered on that resource (GraphQL HTTP)", () => {
  const cases: [string, string, string][] = [
    ['sts:AssumeRole', DEPLOY_ROLE, 'role'],
    ['sts:AssumeRole', OTHER_ROLE, 'role'],
    ['ssm:StartSession', INSTANCE, 'instance'],
    ['rds-data:ExecuteStatement', CLUSTER, 'cluster'],
    ['ec2-instance-connect:SendSSHPublicKey', INSTANCE, 'instance'],
  ];
  for (const [action, resource, type] of cases) {
    test(`whoCan(${action}, ${resource.split(':').slice(2, 3)}… ${type}) is not refused and equals the simulation`, async () => {
      const r = await server.gql<{
        whoCan: { evaluatedResource: string; evaluatedResourceType: string; warnings: string[]; edges: { node: { principal: { arn: string } } }[] };
      }>(ACCESS, { action, resource });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      const answer = r.data!.whoCan;
      assert.equal(answer.evaluatedResource, resource);
      assert.equal(answer.evaluatedResourceType, type);
      assert.deepEqual(answer.warnings, []);
      const got = answer.edges.map((e) => e.node.principal.arn).sort();
      assert.deepEqual(got, await allowedBySimulation(action, resource));
      assert.ok(got.length > 0, 'the fixture grants someone');
    });
  }

  test('Policy evaluation logic: an explicit Deny on sts:AssumeRole for DeployRole removes the operator there only', async () => {
    const deploy = await server.gql(ACCESS, { action: 'sts:AssumeRole', resource: DEPLOY_ROLE });
    const other = await server.gql(ACCESS, { action: 'sts:AssumeRole', resource: OTHER_ROLE });
    const arns = (r: any) => r.data.whoCan.edges.map((e: any) => e.node.principal.arn);
    assert.ok(!arns(deploy).includes(OPERATOR));
    assert.ok(arns(deploy).includes(DEPLOYER));
    assert.ok(arns(other).includes(OPERATOR));
    assert.ok(!arns(other).includes(DEPLOYER));
  });

  test('whatCan on an IAM role lists sts:AssumeRole beside iam: actions, each with its resource type', async () => {
    const r = await server.gql(WHAT, { principalArn: DEPLOYER, resource: DEPLOY_ROLE, first: 100 });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const nodes = r.data.whatCan.edges.map((e: any) => e.node);
    assert.deepEqual(
      nodes.map((n: any) => n.action),
      ['iam:GetRole', 'sts:AssumeRole'],
    );
    for (const n of nodes) {
      assert.equal(n.resource, DEPLOY_ROLE);
      assert.equal(n.resourceType, 'role');
    }
    const ops = await server.gql(WHAT, { principalArn: OPERATOR, resource: INSTANCE, first: 100 });
    const actions = ops.data.whatCan.edges.map((e: any) => e.node.action);
    assert.ok(actions.includes('ssm:StartSession') && actions.includes('ec2-instance-connect:SendSSHPublicKey'), actions.join(','));
  });
});

describe('whatCan on an Amazon Connect instance answers for the instance and its children (seed, GraphQL HTTP)', () => {
  async function all(principalArn: string, resource: string, first: number) {
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const r: any = await seeded.gql(WHAT, { principalArn, resource, first, after });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      nodes.push(...r.data.whatCan.edges.map((e: any) => e.node));
      after = r.data.whatCan.pageInfo.hasNextPage ? r.data.whatCan.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  test("a supervisor (erin.walsh) on instance A: contact actions evaluated on the instance's contacts, each entry naming its type", async () => {
    const nodes = await all(ERIN, INSTANCE_A, 100);
    const recording = nodes.find((n) => n.action === 'connect:StartContactRecording');
    assert.ok(recording, nodes.map((n) => n.action).join(','));
    assert.equal(recording.resourceType, 'contact');
    assert.equal(recording.resource, `${INSTANCE_A}/contact/*`);
    assert.ok(nodes.some((n) => n.resource === INSTANCE_A && n.resourceType === 'instance'));
    // Ordered by action name; within one action, the resource before its children.
    const keys = nodes.map((n) => n.action);
    assert.deepEqual(
      keys,
      [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    // Each entry agrees with whoCan on the same (action, evaluated resource).
    for (const n of nodes.slice(0, 5)) {
      const who = await seeded.gql(ACCESS, { action: n.action, resource: n.resource });
      assert.equal(who.errors, undefined, JSON.stringify(who.errors));
      assert.ok(
        who.data.whoCan.edges.some((e: any) => e.node.principal.arn === ERIN),
        `${n.action} on ${n.resource}`,
      );
    }
  });

  test('paging by small pages gives the same entries as one page (cursors are unique per action and type)', async () => {
    const one = await all(ERIN, INSTANCE_A, 100);
    const small = await all(ERIN, INSTANCE_A, 3);
    assert.deepEqual(small, one);
  });
});

describe('"Identify AWS resources with ARNs": a resource that is not an ARN is refused; an unknown namespace is warned about', () => {
  test('whoCan on "not-an-arn" is BAD_USER_INPUT', async () => {
    const r = await seeded.gql(ACCESS, { action: 'connect:DescribeUser', resource: 'not-an-arn' });
    assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(r.errors![0]!.message, /not an ARN/);
    const w = await seeded.gql(WHAT, { principalArn: ERIN, resource: 'not-an-arn' });
    assert.equal(w.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('whoCan on arn:aws:conect:… warns, naming the closest service (connect)', async () => {
    const r = await seeded.gql(ACCESS, { action: 'connect:DescribeUser', resource: `arn:aws:conect:us-east-1:${SEED_ACCOUNT}:instance/x/agent/y` });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.equal(r.data.whoCan.warnings.length, 1);
    assert.match(r.data.whoCan.warnings[0], /did you mean connect\?/);
  });

  test('an unknown action suggests the closest one', async () => {
    const r = await seeded.gql(ACCESS, { action: 'connect:StartContactRecordin', resource: INSTANCE_A });
    assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(r.errors![0]!.message, /did you mean connect:StartContactRecording\?/);
    const svc = await seeded.gql(ACCESS, { action: 'conect:StartContactRecording', resource: INSTANCE_A });
    assert.match(svc.errors![0]!.message, /did you mean connect:StartContactRecording\?/);
  });
});

describe('the CLI asks the same questions', () => {
  test('who-can sts:AssumeRole on an IAM role answers (not refused)', () => {
    const r = runCli(['who-can', 'sts:AssumeRole', DEPLOY_ROLE, '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /user\/deployer/);
    assert.match(r.stdout, /evaluated as: role/);
  });

  test('what-can on a role lists sts:AssumeRole; on a Connect instance it shows the child type', () => {
    const r = runCli(['what-can', DEPLOYER, DEPLOY_ROLE, '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /sts:AssumeRole/);
  });

  test('who-can on not-an-arn fails with a message; arn:aws:conect warns on stderr', () => {
    const bad = runCli(['who-can', 'connect:DescribeUser', 'not-an-arn', '--db', db]);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /not an ARN/);
    const warned = runCli(['who-can', 'connect:DescribeUser', `arn:aws:conect:us-east-1:${SEED_ACCOUNT}:instance/x/agent/y`, '--db', db]);
    assert.equal(warned.status, 0, warned.stderr);
    assert.match(warned.stderr, /did you mean connect\?/);
  });

  test('an unknown command suggests the closest command', () => {
    const r = runCli(['who-cann', 'x', 'y']);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /did you mean "who-can"\?/);
  });
});
