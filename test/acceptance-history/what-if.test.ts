/**
 * whatIf on the estate of fixtures.ts, one scenario per ChangeInput kind, as a pull request would
 * propose it: the accesses that would move (exactly, for stored principals), whoCan on the
 * hypothetical state, and nothing stored. Expected answers from AWS's documents: the IAM API
 * semantics of each change (AttachUserPolicy…, CreatePolicyVersion --set-as-default,
 * PutUserPolicy / PutRolePolicy / PutGroupPolicy, DeleteUserPolicy / DeletePolicy,
 * PutUserPermissionsBoundary / PutRolePermissionsBoundary / Delete*PermissionsBoundary,
 * AddUserToGroup / RemoveUserFromGroup, UpdateAssumeRolePolicy) and "Policy evaluation logic".
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import {
  ALICE,
  allow,
  AUDITOR,
  baseState,
  BOB,
  CAROL,
  DATA,
  DEPLOY,
  DEV_READ,
  DEVS,
  doc,
  EC2_DESCRIBE,
  ERIN,
  FUNCTION,
  OPS,
  OPS_ADMIN,
  QUEUE,
  S3_ONLY,
  writeCollection,
} from './fixtures.js';

let dir: string;
let db: string;
let server: TestServer;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'accessql-whatif-acceptance-'));
  db = path.join(dir, 'what-if.db');
  const r = runCli(['import', '--db', db, ...writeCollection(dir, 'base', baseState())]);
  assert.equal(r.status, 0, r.stderr);
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

const Q = `query($changes: [ChangeInput!]!, $action: String!, $resource: String!) {
  whatIf(changes: $changes) {
    accessChanges(first: 100) { totalCount gainedCount lostCount
      edges { node { principal { arn } action resource change before after conditionalAfter missingContextKeys matchedStatements { policyName } } } }
    whoCan(action: $action, resource: $resource) { edges { node { principal { arn } } } }
  }
}`;
const STORED = /^arn:aws:iam::\d{12}:(user|role)\//;
const json = (d: object) => JSON.stringify(d);

async function whatIf(changes: object[], action: string, resource: string) {
  const r = await server.gql(Q, { changes, action, resource });
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  const w = r.data.whatIf;
  assert.equal(w.accessChanges.totalCount, w.accessChanges.edges.length);
  return {
    nodes: w.accessChanges.edges.map((e: any) => e.node),
    lines: w.accessChanges.edges
      .map((e: any) => e.node)
      .filter((n: any) => STORED.test(n.principal.arn))
      .map((n: any) => `${n.change} ${n.principal.arn} ${n.action} ${n.resource}`)
      .sort() as string[],
    whoCan: w.whoCan.edges.map((e: any) => e.node.principal.arn) as string[],
  };
}

/** One scenario: the proposed changes, the accesses that must move (all of them), whoCan after. */
interface Scenario {
  name: string;
  changes: object[];
  moves: string[];
  who: [string, string, string[]];
}

const OBJECT = 'arn:aws:s3:::acme-data/reports/q1.csv';
const malformed = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:*" "Resource": "*" }\n  ]\n}';
const SCENARIOS: Scenario[] = [
  {
    name: 'attachPolicy to a user (AttachUserPolicy)',
    changes: [{ attachPolicy: { policyArn: AUDITOR, targetArn: BOB } }],
    moves: [`GAINED ${BOB} cloudtrail:LookupEvents *`],
    who: ['cloudtrail:LookupEvents', '*', [BOB]],
  },
  {
    name: 'attachPolicy to a group (AttachGroupPolicy): its member',
    changes: [{ attachPolicy: { policyArn: AUDITOR, targetArn: DEVS } }],
    moves: [`GAINED ${ALICE} cloudtrail:LookupEvents *`],
    who: ['cloudtrail:LookupEvents', '*', [ALICE]],
  },
  {
    name: 'attachPolicy to a role (AttachRolePolicy)',
    changes: [{ attachPolicy: { policyArn: AUDITOR, targetArn: OPS } }],
    moves: [`GAINED ${OPS} cloudtrail:LookupEvents *`],
    who: ['cloudtrail:LookupEvents', '*', [OPS]],
  },
  {
    name: 'attachPolicy of a policy already attached (AttachUserPolicy is idempotent): no change',
    changes: [{ attachPolicy: { policyArn: DEV_READ, targetArn: CAROL } }],
    moves: [],
    who: ['s3:GetObject', OBJECT, [ALICE, CAROL]],
  },
  {
    name: 'detachPolicy from a group (DetachGroupPolicy)',
    changes: [{ detachPolicy: { policyArn: DEV_READ, targetArn: DEVS } }],
    moves: [`LOST ${ALICE} s3:GetObject ${DATA}`],
    who: ['s3:GetObject', OBJECT, [CAROL]],
  },
  {
    name: 'detachPolicy from a user (DetachUserPolicy)',
    changes: [{ detachPolicy: { policyArn: DEV_READ, targetArn: CAROL } }],
    moves: [`LOST ${CAROL} s3:GetObject ${DATA}`],
    who: ['s3:GetObject', OBJECT, [ALICE]],
  },
  {
    name: 'putPolicy on a managed policy (CreatePolicyVersion --set-as-default): every holder',
    changes: [{ putPolicy: { policyId: DEV_READ, document: json(doc(allow(['s3:GetObject', 's3:PutObject'], DATA))) } }],
    moves: [`GAINED ${ALICE} s3:PutObject ${DATA}`, `GAINED ${CAROL} s3:PutObject ${DATA}`],
    who: ['s3:PutObject', OBJECT, [ALICE, CAROL]],
  },
  {
    name: 'putPolicy creating a user inline policy (PutUserPolicy)',
    changes: [{ putPolicy: { policyId: `${BOB}#BobQueue`, document: json(doc(allow('sqs:SendMessage', QUEUE))) } }],
    moves: [`GAINED ${BOB} sqs:SendMessage ${QUEUE}`],
    who: ['sqs:SendMessage', QUEUE, [BOB]],
  },
  {
    name: 'putPolicy replacing a role inline policy (PutRolePolicy)',
    changes: [{ putPolicy: { policyId: `${OPS}#OpsDescribe`, document: json(doc(allow('ec2:DescribeRegions', '*'))) } }],
    moves: [`GAINED ${OPS} ec2:DescribeRegions *`, `LOST ${OPS} ec2:DescribeInstances *`],
    who: ['ec2:DescribeInstances', '*', [CAROL, OPS_ADMIN]],
  },
  {
    name: 'putPolicy creating a group inline policy (PutGroupPolicy): its member',
    changes: [{ putPolicy: { policyId: `${DEVS}#DevsLambda`, document: json(doc(allow('lambda:GetFunction', FUNCTION))) } }],
    moves: [`GAINED ${ALICE} lambda:GetFunction ${FUNCTION}`],
    who: ['lambda:GetFunction', FUNCTION, [ALICE]],
  },
  {
    name: 'deletePolicy of an inline policy (DeleteUserPolicy)',
    changes: [{ deletePolicy: { policyId: `${ERIN}#ErinQueue` } }],
    moves: [`LOST ${ERIN} sqs:ReceiveMessage ${QUEUE}`],
    who: ['sqs:ReceiveMessage', QUEUE, []],
  },
  {
    name: 'deletePolicy of a managed policy (DeletePolicy, after detaching it everywhere as IAM requires)',
    changes: [{ deletePolicy: { policyId: DEV_READ } }],
    moves: [`LOST ${ALICE} s3:GetObject ${DATA}`, `LOST ${CAROL} s3:GetObject ${DATA}`],
    who: ['s3:GetObject', OBJECT, []],
  },
  {
    name: 'setPermissionsBoundary on a user (PutUserPermissionsBoundary): keeps what both allow; the bucket policy naming her is not limited',
    changes: [{ setPermissionsBoundary: { principalArn: CAROL, policyArn: EC2_DESCRIBE } }],
    moves: [`LOST ${CAROL} s3:GetObject ${DATA}`],
    who: ['s3:ListBucket', 'arn:aws:s3:::acme-shared', [CAROL]],
  },
  {
    name: 'setPermissionsBoundary on a role (PutRolePermissionsBoundary)',
    changes: [{ setPermissionsBoundary: { principalArn: OPS, policyArn: S3_ONLY } }],
    moves: [`LOST ${OPS} ec2:DescribeInstances *`],
    who: ['ec2:DescribeInstances', '*', [CAROL, OPS_ADMIN]],
  },
  {
    name: 'setPermissionsBoundary set, changed, then removed (DeleteUserPermissionsBoundary): back where it started',
    changes: [
      { setPermissionsBoundary: { principalArn: CAROL, policyArn: S3_ONLY } },
      { setPermissionsBoundary: { principalArn: CAROL, policyArn: EC2_DESCRIBE } },
      { setPermissionsBoundary: { principalArn: CAROL, policyArn: null } },
    ],
    moves: [],
    who: ['ec2:DescribeInstances', '*', [OPS, CAROL, OPS_ADMIN].sort()],
  },
  {
    name: 'a boundary whose policy is then deleted (DeletePolicy: no longer anyone’s boundary)',
    changes: [{ setPermissionsBoundary: { principalArn: CAROL, policyArn: S3_ONLY } }, { deletePolicy: { policyId: S3_ONLY } }],
    moves: [],
    who: ['ec2:DescribeInstances', '*', [OPS, CAROL, OPS_ADMIN].sort()],
  },
  {
    name: 'addUserToGroup (AddUserToGroup)',
    changes: [{ addUserToGroup: { userArn: BOB, groupArn: DEVS } }],
    moves: [`GAINED ${BOB} s3:GetObject ${DATA}`],
    who: ['s3:GetObject', OBJECT, [ALICE, BOB, CAROL]],
  },
  {
    name: 'removeUserFromGroup (RemoveUserFromGroup)',
    changes: [{ removeUserFromGroup: { userArn: ALICE, groupArn: DEVS } }],
    moves: [`LOST ${ALICE} s3:GetObject ${DATA}`],
    who: ['s3:GetObject', OBJECT, [CAROL]],
  },
  {
    name: 'putTrustPolicy (UpdateAssumeRolePolicy): trusting bob instead of alice',
    changes: [{ putTrustPolicy: { roleArn: DEPLOY, document: json(doc({ Effect: 'Allow', Principal: { AWS: BOB }, Action: 'sts:AssumeRole' })) } }],
    moves: [`GAINED ${BOB} sts:AssumeRole ${DEPLOY}`, `LOST ${ALICE} sts:AssumeRole ${DEPLOY}`],
    who: ['sts:AssumeRole', DEPLOY, [BOB]],
  },
  {
    name: 'putTrustPolicy trusting the account: nobody has sts:AssumeRole in their own policies, so nobody may',
    changes: [
      {
        putTrustPolicy: {
          roleArn: DEPLOY,
          document: json(doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' })),
        },
      },
    ],
    moves: [`LOST ${ALICE} sts:AssumeRole ${DEPLOY}`],
    who: ['sts:AssumeRole', DEPLOY, []],
  },
  {
    name: 'several changes in order: a new inline grant, then a group membership',
    changes: [
      { putPolicy: { policyId: `${DEVS}#DevsQueue`, document: json(doc(allow('sqs:SendMessage', QUEUE))) } },
      { addUserToGroup: { userArn: BOB, groupArn: DEVS } },
    ],
    moves: [`GAINED ${ALICE} sqs:SendMessage ${QUEUE}`, `GAINED ${BOB} s3:GetObject ${DATA}`, `GAINED ${BOB} sqs:SendMessage ${QUEUE}`],
    who: ['sqs:SendMessage', QUEUE, [ALICE, BOB]],
  },
];

describe('whatIf: every ChangeInput kind, the accesses that would move and whoCan on the hypothetical state', () => {
  for (const s of SCENARIOS)
    test(s.name, async () => {
      const r = await whatIf(s.changes, s.who[0], s.who[1]);
      assert.deepEqual(r.lines, [...s.moves].sort());
      assert.deepEqual(r.whoCan, s.who[2], `whoCan ${s.who[0]} on ${s.who[1]}`);
    });

  test('a conditional grant proposed: GAINED, decided IMPLICIT_DENY without the missing key, and whoCan lists it only with includeConditional', async () => {
    const changes = [
      {
        putPolicy: {
          policyId: `${BOB}#BobQueue`,
          document: json(doc(allow('sqs:SendMessage', QUEUE, { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } }))),
        },
      },
    ];
    const r = await whatIf(changes, 'sqs:SendMessage', QUEUE);
    assert.deepEqual(r.lines, [`GAINED ${BOB} sqs:SendMessage ${QUEUE}`]);
    const [c] = r.nodes;
    assert.deepEqual([c.after, c.conditionalAfter, c.missingContextKeys], ['IMPLICIT_DENY', true, ['aws:SourceVpce']]);
    assert.deepEqual(r.whoCan, []);
    const q = `query($changes: [ChangeInput!]!) { whatIf(changes: $changes) {
      conditional: whoCan(action: "sqs:SendMessage", resource: "${QUEUE}", includeConditional: true) { edges { node { principal { arn } conditional missingContextKeys } } }
      supplied: whoCan(action: "sqs:SendMessage", resource: "${QUEUE}", context: [{ key: "aws:SourceVpce", values: ["vpce-0a1b2c3d"] }]) { edges { node { principal { arn } } } } } }`;
    const w = (await server.gql(q, { changes })).data.whatIf;
    assert.deepEqual(
      w.conditional.edges.map((e: any) => [e.node.principal.arn, e.node.conditional, e.node.missingContextKeys]),
      [[BOB, true, ['aws:SourceVpce']]],
    );
    assert.deepEqual(
      w.supplied.edges.map((e: any) => e.node.principal.arn),
      [BOB],
    );
  });

  test('whatIf’s accessChanges filters: principalArn, action, resource', async () => {
    const changes = [{ attachPolicy: { policyArn: AUDITOR, targetArn: DEVS } }, { addUserToGroup: { userArn: BOB, groupArn: DEVS } }];
    const q = `query($changes: [ChangeInput!]!, $p: String, $a: String, $r: String) { whatIf(changes: $changes) {
      accessChanges(principalArn: $p, action: $a, resource: $r) { totalCount edges { node { principal { arn } action resource change } } } } }`;
    const get = async (v: object) =>
      ((await server.gql(q, { changes, ...v })).data.whatIf.accessChanges.edges as any[]).map((e) => `${e.node.principal.arn} ${e.node.action}`).sort();
    assert.deepEqual(await get({}), [`${ALICE} cloudtrail:LookupEvents`, `${BOB} cloudtrail:LookupEvents`, `${BOB} s3:GetObject`]);
    assert.deepEqual(await get({ p: BOB }), [`${BOB} cloudtrail:LookupEvents`, `${BOB} s3:GetObject`]);
    assert.deepEqual(await get({ a: 'cloudtrail:LookupEvents' }), [`${ALICE} cloudtrail:LookupEvents`, `${BOB} cloudtrail:LookupEvents`]);
    assert.deepEqual(await get({ r: 'arn:aws:s3:::acme-data/x.csv' }), [
      `${ALICE} cloudtrail:LookupEvents`,
      `${BOB} cloudtrail:LookupEvents`,
      `${BOB} s3:GetObject`,
    ]);
    assert.deepEqual(await get({ r: 'arn:aws:s3:::acme-shared' }), [`${ALICE} cloudtrail:LookupEvents`, `${BOB} cloudtrail:LookupEvents`]);
  });
});

test('whatIf’s accessChanges pages with first/after like every connection', async () => {
  const changes = [{ attachPolicy: { policyArn: AUDITOR, targetArn: DEVS } }, { addUserToGroup: { userArn: BOB, groupArn: DEVS } }];
  const q = `query($changes: [ChangeInput!]!, $after: String) { whatIf(changes: $changes) {
    accessChanges(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { principal { arn } action } } } } }`;
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 5; i++) {
    const r: any = await server.gql(q, { changes, after });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const c = r.data.whatIf.accessChanges;
    assert.equal(c.totalCount, 3);
    seen.push(...c.edges.map((e: any) => `${e.node.principal.arn} ${e.node.action}`));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  // Ordered by principal ARN, action, resource.
  assert.deepEqual(seen, [`${ALICE} cloudtrail:LookupEvents`, `${BOB} cloudtrail:LookupEvents`, `${BOB} s3:GetObject`]);
});

describe('whatIf errors, and nothing stored', () => {
  const ask = (changes: object[]) => server.gql(Q, { changes, action: 's3:GetObject', resource: OBJECT });
  const code = async (changes: object[]) => {
    const r = await ask(changes);
    assert.equal(r.data, null, JSON.stringify(r.data));
    return r.errors![0];
  };

  test('unknown ARNs are NOT_FOUND, naming the field', async () => {
    const nobody = 'arn:aws:iam::111122223333:user/nobody';
    const cases: [object, RegExp][] = [
      [{ attachPolicy: { policyArn: `${AUDITOR}-nope`, targetArn: BOB } }, /changes\[0\]\.attachPolicy\.policyArn/],
      [{ attachPolicy: { policyArn: AUDITOR, targetArn: nobody } }, /changes\[0\]\.attachPolicy\.targetArn/],
      [{ detachPolicy: { policyArn: AUDITOR, targetArn: 'arn:aws:iam::111122223333:group/Nope' } }, /changes\[0\]\.detachPolicy\.targetArn/],
      [{ putPolicy: { policyId: `${nobody}#Inline`, document: json(doc(allow('s3:GetObject', DATA))) } }, /changes\[0\]\.putPolicy\.policyId/],
      [{ putPolicy: { policyId: 'arn:aws:iam::111122223333:policy/Nope', document: json(doc(allow('s3:GetObject', DATA))) } }, /putPolicy\.policyId/],
      [{ deletePolicy: { policyId: `${BOB}#NoSuchInline` } }, /changes\[0\]\.deletePolicy.*NoSuchInline/],
      [{ setPermissionsBoundary: { principalArn: nobody, policyArn: S3_ONLY } }, /setPermissionsBoundary\.principalArn/],
      [{ setPermissionsBoundary: { principalArn: BOB, policyArn: 'arn:aws:iam::111122223333:policy/Nope' } }, /setPermissionsBoundary\.policyArn/],
      [{ addUserToGroup: { userArn: nobody, groupArn: DEVS } }, /addUserToGroup\.userArn/],
      [{ addUserToGroup: { userArn: BOB, groupArn: 'arn:aws:iam::111122223333:group/Nope' } }, /addUserToGroup\.groupArn/],
      [{ removeUserFromGroup: { userArn: nobody, groupArn: DEVS } }, /removeUserFromGroup\.userArn/],
      [
        {
          putTrustPolicy: {
            roleArn: 'arn:aws:iam::111122223333:role/Nope',
            document: json(doc({ Effect: 'Allow', Principal: { AWS: BOB }, Action: 'sts:AssumeRole' })),
          },
        },
        /putTrustPolicy\.roleArn/,
      ],
    ];
    for (const [change, field] of cases) {
      const e = await code([change]);
      assert.equal(e.extensions?.code, 'NOT_FOUND', `${JSON.stringify(change)}: ${e.message}`);
      assert.match(e.message, field);
    }
  });

  test('a change naming none or two kinds is BAD_USER_INPUT', async () => {
    const two = await code([{ addUserToGroup: { userArn: BOB, groupArn: DEVS }, removeUserFromGroup: { userArn: ALICE, groupArn: DEVS } }]);
    assert.equal(two.extensions?.code, 'BAD_USER_INPUT');
    assert.match(two.message, /changes\[0\]/);
    assert.equal((await code([{}])).extensions?.code, 'BAD_USER_INPUT');
  });

  test('a malformed document is MALFORMED_POLICY_DOCUMENT with its line and column (putPolicy and putTrustPolicy)', async () => {
    for (const change of [
      { putPolicy: { policyId: `${BOB}#Broken`, document: malformed } },
      { putPolicy: { policyId: DEV_READ, document: malformed } },
      { putTrustPolicy: { roleArn: DEPLOY, document: malformed } },
    ]) {
      const e = await code([{ addUserToGroup: { userArn: BOB, groupArn: DEVS } }, change]);
      assert.equal(e.extensions?.code, 'MALFORMED_POLICY_DOCUMENT', e.message);
      assert.equal(e.extensions?.line, 4, JSON.stringify(e.extensions));
      // After `"s3:*"` a comma or } is expected where `"Resource"` begins: column 45 (1-based).
      assert.equal(e.extensions?.column, malformed.split('\n')[3].indexOf('"Resource"') + 1);
      assert.match(String(e.extensions?.policy), /^changes\[1\]\./);
    }
  });

  test('documents IAM would refuse are MALFORMED_POLICY_DOCUMENT at the element: Principal in an identity policy, Resource or NotPrincipal in a trust policy', async () => {
    // "AWS JSON policy elements: Principal": you cannot use Principal in an identity-based policy
    // (IAM: "Has prohibited field Principal"); "NotPrincipal": not in an identity-based policy nor
    // in a role trust policy; a trust policy names no Resource (IAM: "Has prohibited field Resource").
    const identity =
      '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": "*",\n    "Action": "s3:GetObject",\n    "Resource": "*"\n  }]\n}';
    const trustWith = (element: string) =>
      `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    ${element},\n    "Action": "sts:AssumeRole"\n  }]\n}`;
    for (const [change, key] of [
      [{ putPolicy: { policyId: `${BOB}#WithPrincipal`, document: identity } }, 'Principal'],
      [{ putPolicy: { policyId: DEV_READ, document: identity } }, 'Principal'],
      [{ putTrustPolicy: { roleArn: DEPLOY, document: trustWith(`"Principal": {"AWS": "${BOB}"}, "Resource": "*"`) } }, 'Resource'],
      [{ putTrustPolicy: { roleArn: DEPLOY, document: trustWith(`"NotPrincipal": {"AWS": "${BOB}"}`) } }, 'NotPrincipal'],
    ] as const) {
      const e = await code([change]);
      assert.equal(e.extensions?.code, 'MALFORMED_POLICY_DOCUMENT', `${key}: ${e.message}`);
      assert.match(e.message, new RegExp(`prohibited field ${key}`));
      const text = 'putPolicy' in change ? change.putPolicy.document : change.putTrustPolicy.document;
      const lineNo = text.split('\n').findIndex((l) => l.includes(`"${key}"`));
      assert.deepEqual([e.extensions?.line, e.extensions?.column], [lineNo + 1, text.split('\n')[lineNo].indexOf(`"${key}"`) + 1], key);
    }
  });

  test('a customer managed policy of another account cannot be attached or made a boundary (IAM: the policy must be in the principal’s account or AWS managed)', async () => {
    for (const change of [
      { attachPolicy: { policyArn: AUDITOR, targetArn: OPS_ADMIN } },
      { setPermissionsBoundary: { principalArn: OPS_ADMIN, policyArn: S3_ONLY } },
    ]) {
      const e = await code([change]);
      assert.equal(e.extensions?.code, 'BAD_USER_INPUT', e.message);
      assert.match(e.message, /111122223333/);
    }
  });

  test('nothing is stored: the imports and the live answers are unchanged after every whatIf above', async () => {
    const imports = (await server.gql('{ imports { id } }')).data.imports;
    assert.equal(imports.length, 1);
    const r = await server.gql(`{ whoCan(action: "s3:GetObject", resource: "${OBJECT}") { edges { node { principal { arn } } } } }`);
    assert.deepEqual(
      r.data.whoCan.edges.map((e: any) => e.node.principal.arn),
      [ALICE, CAROL],
    );
    const since = await server.gql(`{ accessChanges(from: ${imports[0].id}) { totalCount } }`);
    assert.equal(since.data.accessChanges.totalCount, 0);
  });
});

describe('accessql what-if', () => {
  const file = (name: string, value: unknown) => {
    const f = path.join(dir, name);
    writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
    return f;
  };
  const whatIf = (args: string[]) => runCli(['what-if', '--db', db, ...args]);

  test('--fail-on-gained: 3 when anything would be gained (even alongside losses), 0 when only lost; a table by default, the field with --json', () => {
    const swap = file('swap.json', [
      { putTrustPolicy: { roleArn: DEPLOY, document: json(doc({ Effect: 'Allow', Principal: { AWS: BOB }, Action: 'sts:AssumeRole' })) } },
    ]);
    const gained = whatIf(['--changes', swap, '--fail-on-gained']);
    assert.equal(gained.status, 3, gained.stderr);
    assert.match(gained.stdout, /GAINED\s+arn:aws:iam::111122223333:user\/bob\s+sts:AssumeRole/);
    assert.match(gained.stdout, /LOST\s+arn:aws:iam::111122223333:user\/alice\s+sts:AssumeRole/);
    const lost = whatIf(['--changes', file('detach.json', [{ detachPolicy: { policyArn: DEV_READ, targetArn: DEVS } }]), '--fail-on-gained']);
    assert.equal(lost.status, 0, lost.stderr);
    assert.match(lost.stdout, /LOST\s+arn:aws:iam::111122223333:user\/alice\s+s3:GetObject/);
    const nothing = whatIf(['--changes', file('noop.json', []), '--fail-on-gained']);
    assert.equal(nothing.status, 0, nothing.stderr);
    const asJson = whatIf(['--changes', swap, '--json', '--fail-on-gained']);
    assert.equal(asJson.status, 3);
    const parsed = JSON.parse(asJson.stdout);
    assert.deepEqual([parsed.totalCount, parsed.gainedCount, parsed.lostCount], [2, 1, 1]);
  });

  test('bad input exits non-zero with a message: missing file, malformed JSON (file:line:column), not an array, an unknown ARN; nothing stored', async () => {
    const missing = whatIf(['--changes', path.join(dir, 'no-such-changes.json')]);
    assert.ok(missing.status !== 0 && missing.status !== 3, `exit ${missing.status}`);
    assert.match(missing.stderr, /no-such-changes\.json/);
    const broken = whatIf(['--changes', file('broken.json', '[\n  { "addUserToGroup": { "userArn": "x" "groupArn": "y" } }\n]')]);
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /broken\.json:2:\d+/);
    const notArray = whatIf(['--changes', file('object.json', { addUserToGroup: { userArn: BOB, groupArn: DEVS } })]);
    assert.equal(notArray.status, 1);
    const unknown = whatIf(['--changes', file('unknown.json', [{ addUserToGroup: { userArn: BOB, groupArn: `${DEVS}X` } }]), '--fail-on-gained']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /NOT_FOUND/);
    const doc = whatIf(['--changes', file('bad-doc.json', [{ putPolicy: { policyId: `${BOB}#x`, document: malformed } }])]);
    assert.equal(doc.status, 1);
    assert.match(doc.stderr, /MALFORMED_POLICY_DOCUMENT/);
    assert.equal(whatIf([]).status, 2, 'usage: --changes is required');
    assert.equal((await server.gql('{ imports { id } }')).data.imports.length, 1);
    const noDb = runCli(['what-if', '--db', path.join(dir, 'absent.db'), '--changes', file('ok.json', [])]);
    assert.notEqual(noDb.status, 0);
    assert.equal(existsSync(path.join(dir, 'absent.db')), false);
  });
});
