/**
 * whatIf and accessChanges over HTTP against the real server on the seed, and `accessql what-if`
 * / `accessql diff` as a user runs them: every change kind, GAINED and LOST, conditional access,
 * whoCan on the hypothetical state, nothing stored, errors naming the change, and the exit codes a
 * CI pipeline reads.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';
import { WHAT_IF } from '../../src/cli/operations.js';

const IAM = 'arn:aws:iam::123456789012:';
const A = 'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1';
const A_CONTACTS = `${A}/contact/*`;
const A_CONTACT = `${A}/contact/0f2b4d6e-8a1c-4d3e-9f5b-4a6c8e0f2b75`;
const ERIN = `${IAM}user/erin.walsh`;
const GRACE = `${IAM}user/grace.kim`;
const ALICE = `${IAM}user/alice.nguyen`;
const SUPERVISORS = `${IAM}group/ConnectSupervisors`;
const RECORDING = `${IAM}policy/SupervisorContactRecording`;
const BOUNDARY = `${IAM}policy/boundaries/ConnectContractorBoundary`;
const AUTOMATION = `${IAM}role/ConnectAutomationRole`;
const grant = (action: string, resource: string, condition?: object) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }],
  });

let db: string;
let server: TestServer;

before(async () => {
  db = tempDb();
  const seeded = runCli(['seed', '--db', db]);
  assert.equal(seeded.status, 0, seeded.stderr);
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

const CHANGES = `query($changes: [ChangeInput!]!, $action: String!, $resource: String!, $principalArn: String) {
  whatIf(changes: $changes) {
    accessChanges(principalArn: $principalArn, first: 100) {
      totalCount gainedCount lostCount
      edges { node { principal { arn } action resource change before after conditionalBefore conditionalAfter missingContextKeys matchedStatements { policyName sid effect } } }
    }
    whoCan(action: $action, resource: $resource) { edges { node { principal { arn } } } }
  }
}`;

async function whatIf(changes: object[], action = 'connect:StartContactRecording', resource = A_CONTACT, principalArn?: string) {
  const r = await server.gql(CHANGES, { changes, action, resource, principalArn });
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  const w = r.data.whatIf;
  return {
    changes: w.accessChanges.edges.map((e: any) => e.node),
    lines: w.accessChanges.edges.map((e: any) => `${e.node.change} ${e.node.principal.arn.replace(IAM, '')} ${e.node.action} ${e.node.resource}`) as string[],
    gained: w.accessChanges.gainedCount as number,
    lost: w.accessChanges.lostCount as number,
    whoCan: w.whoCan.edges.map((e: any) => e.node.principal.arn) as string[],
  };
}

describe('whatIf over HTTP (seed)', () => {
  test('removeUserFromGroup: erin loses the supervisors’ recording grant, and whoCan on the hypothetical state drops her', async () => {
    const r = await whatIf([{ removeUserFromGroup: { userArn: ERIN, groupArn: SUPERVISORS } }]);
    assert.ok(r.lines.includes(`LOST user/erin.walsh connect:StartContactRecording ${A_CONTACTS}`), r.lines.join('\n'));
    assert.equal(r.gained, 0);
    assert.ok(!r.whoCan.includes(ERIN));
    assert.ok(r.whoCan.includes(`${IAM}user/frank.mueller`));
    const lost = r.changes.find((c: any) => c.action === 'connect:StartContactRecording');
    assert.equal(lost.before, 'ALLOWED');
    assert.equal(lost.after, 'IMPLICIT_DENY');
    assert.ok(
      lost.matchedStatements.some((s: any) => s.policyName === 'SupervisorContactRecording'),
      'a LOST change cites the grant that went away',
    );
  });

  test('nothing is stored: the real whoCan is unchanged afterwards', async () => {
    await whatIf([{ removeUserFromGroup: { userArn: ERIN, groupArn: SUPERVISORS } }]);
    const r = await server.gql(`{ whoCan(action: "connect:StartContactRecording", resource: "${A_CONTACT}") { edges { node { principal { arn } } } } }`);
    assert.ok(r.data.whoCan.edges.some((e: any) => e.node.principal.arn === ERIN));
  });

  test('attachPolicy to a user: grace gains the four recording actions on instance A’s contacts', async () => {
    const r = await whatIf([{ attachPolicy: { policyArn: RECORDING, targetArn: GRACE } }]);
    assert.ok(r.lines.includes(`GAINED user/grace.kim connect:StartContactRecording ${A_CONTACTS}`), r.lines.join('\n'));
    assert.ok(r.lines.every((l) => l.startsWith('GAINED user/grace.kim')));
    assert.ok(r.whoCan.includes(GRACE));
  });

  test('detachPolicy from a group: every supervisor loses', async () => {
    const r = await whatIf([{ detachPolicy: { policyArn: RECORDING, targetArn: SUPERVISORS } }], undefined, undefined);
    for (const who of ['erin.walsh', 'frank.mueller']) assert.ok(r.lines.includes(`LOST user/${who} connect:StopContactRecording ${A_CONTACTS}`), who);
    assert.ok(!r.lines.some((l) => l.includes('role/ConnectSupervisorRole')), 'the role holds the policy directly');
  });

  test('putPolicy on a managed policy (a new default version): its holders lose what the new version drops', async () => {
    const r = await whatIf([{ putPolicy: { policyId: RECORDING, document: grant('connect:StartContactRecording', A_CONTACTS) } }]);
    assert.ok(r.lines.includes(`LOST role/ConnectSupervisorRole connect:StopContactRecording ${A_CONTACTS}`), r.lines.join('\n'));
    assert.ok(!r.lines.some((l) => l.includes('connect:StartContactRecording')), 'what the new version keeps is no change');
  });

  test('putPolicy creating an inline policy with a condition: GAINED conditionally, with the missing key', async () => {
    const r = await whatIf([
      {
        putPolicy: {
          policyId: `${GRACE}#Recording`,
          document: grant('connect:StartContactRecording', A_CONTACTS, { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }),
        },
      },
    ]);
    assert.deepEqual(r.lines, [`GAINED user/grace.kim connect:StartContactRecording ${A_CONTACTS}`]);
    const c = r.changes[0];
    assert.equal(c.conditionalAfter, true);
    assert.equal(c.after, 'IMPLICIT_DENY', 'the decision without the missing context');
    assert.deepEqual(c.missingContextKeys, ['aws:SourceIp']);
    assert.equal(c.matchedStatements[0].policyName, 'grace.kim/Recording');
  });

  test('putPolicy replacing an inline policy’s text under its name (PutUserPolicy)', async () => {
    const r = await whatIf(
      [{ putPolicy: { policyId: `${ERIN}#SupervisorQueueMetrics`, document: grant('connect:DescribeQueue', '*') } }],
      undefined,
      undefined,
      ERIN,
    );
    assert.ok(r.gained + r.lost > 0, r.lines.join('\n'));
    assert.ok(r.lines.some((l) => l === 'GAINED user/erin.walsh connect:DescribeQueue *'));
  });

  test('deletePolicy: a managed policy deleted (detached from everything first, as IAM requires) is LOST by its holders', async () => {
    const r = await whatIf([{ deletePolicy: { policyId: RECORDING } }]);
    for (const who of ['user/erin.walsh', 'user/frank.mueller', 'role/ConnectSupervisorRole'])
      assert.ok(r.lines.includes(`LOST ${who} connect:StartContactRecording ${A_CONTACTS}`), who);
    assert.equal(r.gained, 0);
  });

  test('setPermissionsBoundary: alice keeps only what the boundary also allows; null removes a boundary (kara gains UpdateUser*)', async () => {
    const set = await whatIf([{ setPermissionsBoundary: { principalArn: ALICE, policyArn: BOUNDARY } }], undefined, undefined, ALICE);
    // connect:* on "*" (AmazonConnect_FullAccess) now needs the boundary too: only Describe/List/Get remain.
    assert.ok(set.lost > 100, `${set.lost} lost`);
    assert.ok(
      set.lines.every((l) => l.startsWith('LOST user/alice.nguyen ') && !/:(Describe|List|Get)/.test(l)),
      set.lines.join('\n'),
    );
    assert.equal(set.gained, 0);
    assert.ok(!set.whoCan.includes(ALICE));
    const kara = `${IAM}user/contractors/kara.singh`;
    const removed = await whatIf([{ setPermissionsBoundary: { principalArn: kara, policyArn: null } }], undefined, undefined, kara);
    assert.ok(
      removed.lines.some((l) => l.startsWith('GAINED user/contractors/kara.singh connect:UpdateUser')),
      removed.lines.join('\n'),
    );
  });

  test('addUserToGroup: grace joins the supervisors and gains their grants', async () => {
    const r = await whatIf([{ addUserToGroup: { userArn: GRACE, groupArn: SUPERVISORS } }]);
    assert.ok(r.lines.includes(`GAINED user/grace.kim connect:StartContactRecording ${A_CONTACTS}`));
    assert.ok(r.whoCan.includes(GRACE));
  });

  test('putTrustPolicy: a role that trusts a user directly is GAINED sts:AssumeRole by that user', async () => {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: GRACE }, Action: 'sts:AssumeRole' }] });
    const r = await whatIf([{ putTrustPolicy: { roleArn: AUTOMATION, document: trust } }], 'sts:AssumeRole', AUTOMATION);
    assert.ok(r.lines.includes(`GAINED user/grace.kim sts:AssumeRole ${AUTOMATION}`), r.lines.join('\n'));
    assert.ok(r.whoCan.includes(GRACE));
  });

  test('several changes apply in order', async () => {
    const r = await whatIf([{ addUserToGroup: { userArn: GRACE, groupArn: SUPERVISORS } }, { removeUserFromGroup: { userArn: GRACE, groupArn: SUPERVISORS } }]);
    assert.equal(r.changes.length, 0);
  });

  test('errors name the change: BAD_USER_INPUT, NOT_FOUND, MALFORMED_POLICY_DOCUMENT with line and column', async () => {
    const two = await server.gql(CHANGES, {
      changes: [{ addUserToGroup: { userArn: GRACE, groupArn: SUPERVISORS }, removeUserFromGroup: { userArn: GRACE, groupArn: SUPERVISORS } }],
      action: 'connect:StartContactRecording',
      resource: A_CONTACT,
    });
    assert.equal(two.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    assert.match(two.errors![0].message, /changes\[0\] must set exactly one/);
    const none = await server.gql(CHANGES, { changes: [{}], action: 'connect:StartContactRecording', resource: A_CONTACT });
    assert.equal(none.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
    const unknown = await server.gql(CHANGES, {
      changes: [{ attachPolicy: { policyArn: RECORDING, targetArn: `${IAM}user/nobody` } }],
      action: 'connect:StartContactRecording',
      resource: A_CONTACT,
    });
    assert.equal(unknown.errors?.[0].extensions?.code, 'NOT_FOUND');
    assert.match(unknown.errors![0].message, /changes\[0\]\.attachPolicy\.targetArn/);
    const malformed = await server.gql(CHANGES, {
      changes: [
        { addUserToGroup: { userArn: GRACE, groupArn: SUPERVISORS } },
        { putPolicy: { policyId: `${GRACE}#x`, document: '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow" "Action": "s3:*" } ]\n}' } },
      ],
      action: 'connect:StartContactRecording',
      resource: A_CONTACT,
    });
    const e = malformed.errors?.[0];
    assert.equal(e?.extensions?.code, 'MALFORMED_POLICY_DOCUMENT');
    assert.equal(e?.extensions?.policy, 'changes[1].putPolicy.document');
    assert.equal(e?.extensions?.line, 3);
    assert.equal(typeof e?.extensions?.column, 'number');
  });
});

describe('accessChanges over HTTP', () => {
  test('the latest snapshot against itself: no change; an unknown snapshot: NOT_FOUND', async () => {
    const latest = (await server.gql('{ imports { id } }')).data.imports[0].id;
    const r = await server.gql(`{ accessChanges(from: ${latest}) { totalCount gainedCount lostCount edges { node { action } } } }`);
    assert.equal(r.errors, undefined);
    assert.equal(r.data.accessChanges.totalCount, 0);
    const missing = await server.gql('{ accessChanges(from: 999999) { totalCount } }');
    assert.equal(missing.errors?.[0].extensions?.code, 'NOT_FOUND');
  });

  test('filters: one principal, one action, a resource the change covers', async () => {
    const changes = [{ addUserToGroup: { userArn: GRACE, groupArn: SUPERVISORS } }, { removeUserFromGroup: { userArn: ERIN, groupArn: SUPERVISORS } }];
    const q = `query($changes: [ChangeInput!]!, $p: String, $a: String, $r: String) { whatIf(changes: $changes) {
      accessChanges(principalArn: $p, action: $a, resource: $r) { totalCount edges { node { principal { arn } action resource change } } } } }`;
    const all = (await server.gql(q, { changes })).data.whatIf.accessChanges;
    const grace = (await server.gql(q, { changes, p: GRACE })).data.whatIf.accessChanges;
    assert.ok(grace.totalCount > 0 && grace.totalCount < all.totalCount);
    assert.ok(grace.edges.every((e: any) => e.node.principal.arn === GRACE && e.node.change === 'GAINED'));
    const action = (await server.gql(q, { changes, a: 'connect:stopcontactrecording' })).data.whatIf.accessChanges;
    assert.deepEqual(action.edges.map((e: any) => e.node.principal.arn).sort(), [ERIN, GRACE].sort());
    const covering = (await server.gql(q, { changes, r: A_CONTACT })).data.whatIf.accessChanges;
    assert.ok(covering.totalCount > 0);
    assert.ok(covering.edges.every((e: any) => e.node.resource === A_CONTACTS || e.node.resource === '*'));
  });
});

describe('accessql what-if / diff', () => {
  const file = (name: string, value: unknown) => {
    const f = path.join(path.dirname(db), name);
    writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value));
    return f;
  };

  test('--fail-on-gained exits 3 when access would be gained, 0 when only lost; the table names the changes', () => {
    const gain = runCli([
      'what-if',
      '--db',
      db,
      '--changes',
      file('gain.json', [{ addUserToGroup: { userArn: GRACE, groupArn: SUPERVISORS } }]),
      '--fail-on-gained',
    ]);
    assert.equal(gain.status, 3, gain.stderr);
    assert.match(gain.stdout, /GAINED\s+arn:aws:iam::123456789012:user\/grace\.kim\s+connect:StartContactRecording/);
    assert.match(gain.stdout, /change\(s\) if the 1 change\(s\) shipped: \d+ gained, 0 lost/);
    const loss = runCli([
      'what-if',
      '--db',
      db,
      '--changes',
      file('loss.json', [{ removeUserFromGroup: { userArn: ERIN, groupArn: SUPERVISORS } }]),
      '--fail-on-gained',
    ]);
    assert.equal(loss.status, 0, loss.stderr);
    assert.match(loss.stdout, /LOST/);
    const plain = runCli(['what-if', '--db', db, '--changes', file('gain2.json', [{ addUserToGroup: { userArn: GRACE, groupArn: SUPERVISORS } }])]);
    assert.equal(plain.status, 0, 'without --fail-on-gained a gain is not a failure');
  });

  test('--json prints exactly the GraphQL field', async () => {
    const changes = [{ attachPolicy: { policyArn: RECORDING, targetArn: GRACE } }];
    const cli = runCli(['what-if', '--db', db, '--changes', file('attach.json', changes), '--json']);
    assert.equal(cli.status, 0, cli.stderr);
    const http = await server.gql(WHAT_IF, { changes, first: 100, after: null });
    assert.deepEqual(JSON.parse(cli.stdout), http.data.whatIf.accessChanges);
  });

  test('mistakes exit non-zero with a message: malformed file (file:line:column), a change naming nothing, an unknown ARN', () => {
    const bad = runCli(['what-if', '--db', db, '--changes', file('bad.json', '[\n  {"attachPolicy": }\n]')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /bad\.json:2:\d+/);
    const notArray = runCli(['what-if', '--db', db, '--changes', file('obj.json', { attachPolicy: {} })]);
    assert.equal(notArray.status, 1);
    assert.match(notArray.stderr, /JSON array/);
    const unknown = runCli([
      'what-if',
      '--db',
      db,
      '--changes',
      file('unknown.json', [{ attachPolicy: { policyArn: RECORDING, targetArn: `${IAM}role/nope` } }]),
    ]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /NOT_FOUND: changes\[0\]\.attachPolicy\.targetArn/);
    const usage = runCli(['what-if', '--db', db]);
    assert.equal(usage.status, 2);
  });

  test('diff: the latest snapshot against itself has no change (exit 0, also with --fail-on-gained); an unknown snapshot exits 1', async () => {
    const latest = (await server.gql('{ imports { id } }')).data.imports[0].id;
    const same = runCli(['diff', '--db', db, '--from', String(latest), '--fail-on-gained']);
    assert.equal(same.status, 0, same.stderr);
    assert.match(same.stdout, /0 change\(s\)/);
    const json = runCli(['diff', '--db', db, '--from', String(latest), '--json']);
    assert.equal(JSON.parse(json.stdout).totalCount, 0);
    const missing = runCli(['diff', '--db', db, '--from', '999999']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /NOT_FOUND/);
    assert.equal(runCli(['diff', '--db', db, '--from', 'x']).status, 2);
  });
});

describe('accessChanges between snapshots (history)', () => {
  const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'store', 'authorization-details-cli.json');
  let histDb: string;
  let hist: TestServer;
  before(async () => {
    histDb = tempDb();
    const d = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    // Snapshot 2: a new user with connect:* on "*", Charlie gone; snapshot 3 imports the same again.
    d.UserDetailList.pop();
    d.UserDetailList.push({
      UserName: 'Dana',
      UserId: 'AIDADANAEXAMPLE',
      Path: '/',
      Arn: 'arn:aws:iam::123456789012:user/Dana',
      GroupList: [],
      AttachedManagedPolicies: [],
      UserPolicyList: [
        { PolicyName: 'connect', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'connect:Describe*', Resource: '*' }] } },
      ],
    });
    const changed = path.join(path.dirname(histDb), 'changed.json');
    writeFileSync(changed, JSON.stringify(d));
    for (const f of [FIXTURE, changed, changed]) assert.equal(runCli(['import', '--db', histDb, f]).status, 0);
    hist = await startTestServer({ dbFile: histDb });
  });
  after(async () => {
    await hist?.stop();
  });

  test('a new user GAINED, a deleted user LOST; re-importing identical data gives no change', async () => {
    const ids = (await hist.gql('{ imports { id } }')).data.imports.map((i: any) => i.id).sort((a: number, b: number) => a - b);
    assert.equal(ids.length, 3);
    const q = `query($from: Int!, $to: Int) { accessChanges(from: $from, to: $to, first: 100) { totalCount gainedCount lostCount edges { node { principal { arn } action resource change } } } }`;
    const r = await hist.gql(q, { from: ids[0], to: ids[1] });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const c = r.data.accessChanges;
    assert.ok(c.gainedCount > 0 && c.lostCount > 0);
    assert.ok(
      c.edges.some((e: any) => e.node.principal.arn.endsWith(':user/Dana') && e.node.action === 'connect:DescribeInstance' && e.node.change === 'GAINED'),
    );
    assert.ok(c.edges.filter((e: any) => e.node.change === 'LOST').every((e: any) => e.node.principal.arn.endsWith(':user/engineering/Charlie')));
    const same = await hist.gql(q, { from: ids[1], to: ids[2] });
    assert.equal(same.data.accessChanges.totalCount, 0, 'an identical re-import changes nothing');
    const latest = await hist.gql(q, { from: ids[1] });
    assert.equal(latest.data.accessChanges.totalCount, 0, '`to` defaults to the latest');
    const back = await hist.gql(q, { from: ids[1], to: ids[0] });
    assert.equal(back.data.accessChanges.gainedCount, c.lostCount, 'backwards, gains and losses swap');
  });

  test('accessql diff: --fail-on-gained exits 3 across a gain, 0 across an identical re-import', () => {
    const gained = runCli(['diff', '--db', histDb, '--from', '1', '--to', '2', '--fail-on-gained']);
    assert.equal(gained.status, 3, gained.stderr);
    assert.match(gained.stdout, /GAINED\s+arn:aws:iam::123456789012:user\/Dana/);
    const same = runCli(['diff', '--db', histDb, '--from', '2', '--fail-on-gained']);
    assert.equal(same.status, 0, same.stderr);
  });
});
