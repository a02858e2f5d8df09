/**
 * Issue 15's acceptance, run ahead of time: a sequence of collections of one estate (member account
 * 111122223333 under an OU, management account 999900001111), each imported with `accessql import`
 * as one snapshot, each differing from the base by one IAM / Organizations / S3 API call and then
 * undone. For each pair of snapshots, `accessChanges(from, to)` must list exactly the
 * (principal, action, resource) accesses that AWS's rules say moved, and none of their neighbours.
 *
 * Expected answers come from AWS's documents, never from running accessql:
 * - "Policy evaluation logic" (IAM User Guide): within one account an identity-based Allow, or a
 *   resource-based policy naming the principal, allows unless an explicit Deny, an SCP, an RCP
 *   or a permissions boundary says otherwise; a condition on a key the request lacks does not match.
 * - The IAM API semantics of each change: CreatePolicyVersion --set-as-default /
 *   SetDefaultPolicyVersion (only the default version is in effect), PutUserPolicy /
 *   DeleteUserPolicy, AttachUserPolicy / AttachGroupPolicy / AttachRolePolicy (and Detach*),
 *   AddUserToGroup / RemoveUserFromGroup (a user gets its groups' policies),
 *   PutUserPermissionsBoundary / DeleteUserPermissionsBoundary ("Permissions boundaries for IAM
 *   entities": the boundary must also allow, except that a same-account resource-based policy
 *   naming the user's ARN is not limited by it), UpdateAssumeRolePolicy (the trust policy is the
 *   role's resource-based policy for sts:AssumeRole), DeleteUser / CreateRole, TagResources.
 * - AWS Organizations User Guide, "SCP evaluation" (the management account is not restricted)
 *   and "Resource control policies (RCPs)"; Amazon S3 User Guide, "Bucket policy examples".
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
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
  BACKUP,
  CAROL,
  clone,
  DATA,
  DEPLOY,
  doc,
  ERIN,
  FUNCTION,
  A,
  I_DEV,
  I_OPS,
  INSTANCES,
  OPS,
  OPS_ADMIN,
  QUEUE,
  SHARED,
  writeCollection,
  type EstateState,
} from './fixtures.js';

const base = baseState();
const SECRET = 'arn:aws:s3:::acme-data/secret/*';
const DENY_DESCRIBE = (): EstateState['orgPolicies'][number] => ({
  id: 'p-denydescribe1',
  name: 'DenyDescribeInstances',
  type: 'SERVICE_CONTROL_POLICY',
  content: doc({ Effect: 'Deny', Action: 'ec2:DescribeInstances', Resource: '*' }),
  targets: ['ou-ac12-wkld0001', '999900001111'],
});
const apply = (f: (s: EstateState) => void): EstateState => {
  const s = clone(base);
  f(s);
  return s;
};

/** Each state of the sequence, in import order; snapshot ids are 1-based positions. */
const STATES: [string, EstateState][] = [
  ['base', base],
  // CreatePolicyVersion --set-as-default: v2 adds s3:PutObject; v1 stays listed, not default.
  [
    'devread-v2',
    apply((s) => {
      s.policies.DevRead.versions.v2 = doc(allow(['s3:GetObject', 's3:PutObject'], DATA));
      s.policies.DevRead.defaultVersion = 'v2';
    }),
  ],
  [
    'devread-back-to-v1',
    apply((s) => {
      // SetDefaultPolicyVersion v1: v2 still exists but is no longer in effect.
      s.policies.DevRead.versions.v2 = doc(allow(['s3:GetObject', 's3:PutObject'], DATA));
    }),
  ],
  ['put-inline', apply((s) => (s.users.bob.inline.BobQueue = doc(allow('sqs:SendMessage', QUEUE))))],
  ['delete-inline', base],
  [
    'attach',
    apply((s) => {
      s.users.bob.attached.push('Auditor');
      s.groups.Devs.attached.push('Auditor');
      s.roles.OpsRole.attached.push('Auditor');
    }),
  ],
  ['detach', base],
  ['bob-joins-devs', apply((s) => s.users.bob.groups.push('Devs'))],
  ['bob-leaves-devs', base],
  ['carol-boundary-s3', apply((s) => (s.users.carol.boundary = 'S3OnlyBoundary'))],
  ['carol-boundary-ec2', apply((s) => (s.users.carol.boundary = 'Ec2DescribeBoundary'))],
  ['carol-boundary-removed', base],
  ['trust-bob', apply((s) => (s.roles.DeployRole.trust = doc({ Effect: 'Allow', Principal: { AWS: BOB }, Action: 'sts:AssumeRole' })))],
  ['trust-alice', base],
  ['tag-dev', apply((s) => (s.tags[I_DEV].team = 'dev'))],
  ['tag-ops', base],
  [
    'erin-gone-backup-added',
    apply((s) => {
      delete s.users.erin;
      s.roles.BackupRole = {
        trust: doc({ Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' }, Action: 'sts:AssumeRole' }),
        attached: [],
        inline: { Backup: doc(allow('backup:StartBackupJob', '*')) },
      };
    }),
  ],
  ['erin-back-backup-gone', base],
  ['scp-deny', apply((s) => s.orgPolicies.push(DENY_DESCRIBE()))],
  ['scp-removed', base],
  [
    'rcp-deny',
    apply((s) =>
      s.orgPolicies.push({
        id: 'p-rcpdenyget1',
        name: 'DenyObjectReads',
        type: 'RESOURCE_CONTROL_POLICY',
        content: doc({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' }),
        targets: ['111122223333'],
      }),
    ),
  ],
  ['rcp-removed', base],
  [
    'bucket-policy-bob',
    apply((s) => (s.bucketPolicies[SHARED] = doc({ Sid: 'BobLists', Effect: 'Allow', Principal: { AWS: BOB }, Action: 's3:ListBucket', Resource: SHARED }))),
  ],
  ['bucket-policy-carol', base],
  [
    'bob-metrics-conditional',
    apply((s) => (s.users.bob.inline.BobMetrics = doc(allow('cloudwatch:GetMetricData', '*', { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })))),
  ],
  ['bob-metrics-unconditional', base],
  // Harder cases: a boundary policy's own new version, an SCP's content edited under the same
  // id, a group's inline policy, a trust policy naming the account, a Deny in a new version.
  ['carol-boundary-s3-again', apply((s) => (s.users.carol.boundary = 'S3OnlyBoundary'))],
  [
    'boundary-policy-edited',
    apply((s) => {
      s.users.carol.boundary = 'S3OnlyBoundary';
      s.policies.S3OnlyBoundary.versions.v2 = doc(allow(['s3:*', 'ec2:DescribeInstances'], '*'));
      s.policies.S3OnlyBoundary.defaultVersion = 'v2';
    }),
  ],
  ['base-2', base],
  ['scp-deny-again', apply((s) => s.orgPolicies.push(DENY_DESCRIBE()))],
  [
    'scp-content-edited',
    apply((s) => s.orgPolicies.push({ ...DENY_DESCRIBE(), content: doc({ Effect: 'Deny', Action: 'ec2:StartInstances', Resource: '*' }) })),
  ],
  ['base-3', base],
  ['group-inline', apply((s) => (s.groups.Devs.inline.DevsLambda = doc(allow('lambda:GetFunction', FUNCTION))))],
  ['base-4', base],
  [
    'trust-account',
    apply((s) => {
      s.roles.DeployRole.trust = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' });
      s.users.bob.inline.AssumeDeploy = doc(allow('sts:AssumeRole', DEPLOY));
    }),
  ],
  ['base-5', base],
  [
    'deny-version',
    apply((s) => {
      s.policies.DevRead.versions.v3 = doc(allow('s3:GetObject', DATA), { Effect: 'Deny', Action: 's3:GetObject', Resource: SECRET });
      s.policies.DevRead.defaultVersion = 'v3';
    }),
  ],
  ['base-6', base],
  [
    'carol-conditional-new',
    apply((s) => (s.users.carol.inline.CarolQueue = doc(allow('sqs:SendMessage', QUEUE, { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } })))),
  ],
  ['base-7', base],
  // An SCP Deny unless the request names us-east-1 (aws:RequestedRegion, which whoCan's request lacks).
  [
    'scp-region-lock',
    apply((s) =>
      s.orgPolicies.push({
        id: 'p-regionlock1',
        name: 'RegionLock',
        type: 'SERVICE_CONTROL_POLICY',
        content: doc({ Effect: 'Deny', Action: 'ec2:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] } } }),
        targets: ['ou-ac12-wkld0001'],
      }),
    ),
  ],
  ['base-8', base],
  // A collection run that found nothing new: the same files again.
  ['identical', base],
];
const ID = new Map(STATES.map(([label], i) => [label, i + 1]));
const sid = (label: string) => ID.get(label)!;

interface Change {
  principal: { arn: string; type: string };
  action: string;
  resource: string;
  change: 'GAINED' | 'LOST';
  before: string;
  after: string;
  conditionalBefore: boolean;
  conditionalAfter: boolean;
  missingContextKeys: string[];
  matchedStatements: { policyName: string; sid: string | null; effect: string }[];
}
const line = (c: Pick<Change, 'change' | 'principal' | 'action' | 'resource'>) => `${c.change} ${c.principal.arn} ${c.action} ${c.resource}`;
const identityStatements = (c: Change) => c.matchedStatements.filter((m) => !/^(SCP|RCP) /.test(m.policyName));
const STORED = /^arn:aws:iam::\d{12}:(user|role)\//;

let dir: string;
let db: string;
let server: TestServer;
const sizes: number[] = [];

const CHANGES = `query($from: Int!, $to: Int, $p: String, $a: String, $r: String, $first: Int, $after: String) {
  accessChanges(from: $from, to: $to, principalArn: $p, action: $a, resource: $r, first: $first, after: $after) {
    totalCount gainedCount lostCount pageInfo { hasNextPage endCursor }
    edges { cursor node { principal { arn type } action resource change before after conditionalBefore conditionalAfter missingContextKeys
      matchedStatements { policyName sid effect } } }
  }
}`;

async function changes(from: string, to: string, filters: { p?: string; a?: string; r?: string } = {}): Promise<Change[]> {
  const r = await server.gql(CHANGES, { from: sid(from), to: sid(to), first: 100, ...filters });
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  const c = r.data.accessChanges;
  assert.equal(c.pageInfo.hasNextPage, false, 'all on one page');
  assert.equal(c.totalCount, c.edges.length);
  assert.equal(c.gainedCount + c.lostCount, c.totalCount);
  return c.edges.map((e: any) => e.node);
}

/** The changes of stored users and roles, as lines; principals beyond the store are checked where named. */
/** Compares as sets: the connection's own order is checked by the paging test. */
function same(actual: string[], expected: string[], message?: string) {
  assert.deepEqual([...actual].sort(), [...expected].sort(), message);
}

async function storedLines(from: string, to: string): Promise<string[]> {
  return (await changes(from, to))
    .filter((c) => STORED.test(c.principal.arn))
    .map(line)
    .sort();
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accessql-history-acceptance-'));
  db = path.join(dir, 'history.db');
  for (const [i, [label, state]] of STATES.entries()) {
    const r = runCli(['import', '--db', db, ...writeCollection(dir, label, state)]);
    assert.equal(r.status, 0, `${label}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^imported snapshot ${i + 1}:`, 'm'), `${label}: five files, one snapshot`);
    sizes.push(sizeOf(db));
  }
});
before(async () => {
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

function sizeOf(f: string): number {
  // The main file plus a write-ahead log left behind, if any: what the import added on disk.
  return statSync(f).size + (existsSync(`${f}-wal`) ? statSync(`${f}-wal`).size : 0);
}

describe('accessChanges between imported snapshots: each change kind, GAINED and LOST, and nothing else', () => {
  test('imports lists every snapshot of the sequence', async () => {
    const r = await server.gql('{ imports { id } }');
    assert.deepEqual(
      r.data.imports.map((i: any) => i.id).sort((a: number, b: number) => a - b),
      STATES.map((_, i) => i + 1),
    );
  });

  test('CreatePolicyVersion --set-as-default: the holders (direct and through a group) gain s3:PutObject; SetDefaultPolicyVersion back: they lose it', async () => {
    const gained = [`GAINED ${ALICE} s3:PutObject ${DATA}`, `GAINED ${CAROL} s3:PutObject ${DATA}`];
    same(await storedLines('base', 'devread-v2'), gained, 's3:GetObject is in both versions: no change; bob and erin hold no DevRead');
    same(
      await storedLines('devread-v2', 'devread-back-to-v1'),
      gained.map((l) => l.replace('GAINED', 'LOST')),
      'a non-default version is not in effect',
    );
    const [c] = await changes('base', 'devread-v2', { p: CAROL });
    assert.equal(c.before, 'IMPLICIT_DENY');
    assert.equal(c.after, 'ALLOWED');
    // The grant behind the new decision; the organization's FullAWSAccess levels may be cited too.
    assert.deepEqual(
      identityStatements(c).map((m) => [m.policyName, m.effect]),
      [['DevRead', 'Allow']],
    );
  });

  test('PutUserPolicy: bob gains sqs:SendMessage on the queue; DeleteUserPolicy: he loses it (erin’s ReceiveMessage on it is no change)', async () => {
    same(await storedLines('devread-back-to-v1', 'put-inline'), [`GAINED ${BOB} sqs:SendMessage ${QUEUE}`]);
    same(await storedLines('put-inline', 'delete-inline'), [`LOST ${BOB} sqs:SendMessage ${QUEUE}`]);
  });

  test('AttachUserPolicy / AttachGroupPolicy / AttachRolePolicy, then Detach*: the user, the group’s member and the role, nobody else', async () => {
    const gained = [`GAINED ${ALICE} cloudtrail:LookupEvents *`, `GAINED ${BOB} cloudtrail:LookupEvents *`, `GAINED ${OPS} cloudtrail:LookupEvents *`];
    same(await storedLines('delete-inline', 'attach'), gained, 'carol is not in Devs; DeployRole holds no Auditor');
    same(
      await storedLines('attach', 'detach'),
      gained.map((l) => l.replace('GAINED', 'LOST')),
    );
    const [c] = await changes('delete-inline', 'attach', { p: ALICE });
    assert.equal(c.matchedStatements[0].policyName, 'Auditor');
    assert.equal(AUDITOR.endsWith('/Auditor'), true);
  });

  test('AddUserToGroup: bob gains the group’s s3:GetObject; RemoveUserFromGroup: he loses it', async () => {
    same(await storedLines('detach', 'bob-joins-devs'), [`GAINED ${BOB} s3:GetObject ${DATA}`]);
    same(await storedLines('bob-joins-devs', 'bob-leaves-devs'), [`LOST ${BOB} s3:GetObject ${DATA}`]);
  });

  test('permissions boundary added, changed, removed: carol keeps only what the boundary also allows; the bucket policy naming her ARN is not limited', async () => {
    // S3OnlyBoundary (s3:*): ec2:DescribeInstances is no longer allowed; s3:GetObject still is.
    same(await storedLines('bob-leaves-devs', 'carol-boundary-s3'), [`LOST ${CAROL} ec2:DescribeInstances *`]);
    // Ec2DescribeBoundary (ec2:Describe*): the other way round. s3:ListBucket on acme-shared is
    // granted by the bucket policy to carol's user ARN: "Permissions boundaries for IAM entities"
    // — not limited by the boundary, so no change.
    same(await storedLines('carol-boundary-s3', 'carol-boundary-ec2'), [`GAINED ${CAROL} ec2:DescribeInstances *`, `LOST ${CAROL} s3:GetObject ${DATA}`]);
    same(await storedLines('carol-boundary-ec2', 'carol-boundary-removed'), [`GAINED ${CAROL} s3:GetObject ${DATA}`]);
  });

  test('UpdateAssumeRolePolicy: bob gains sts:AssumeRole on DeployRole, alice loses it; and back', async () => {
    const swap = [`GAINED ${BOB} sts:AssumeRole ${DEPLOY}`, `LOST ${ALICE} sts:AssumeRole ${DEPLOY}`];
    same(await storedLines('carol-boundary-removed', 'trust-bob'), swap);
    same(await storedLines('trust-bob', 'trust-alice'), [`GAINED ${ALICE} sts:AssumeRole ${DEPLOY}`, `LOST ${BOB} sts:AssumeRole ${DEPLOY}`]);
  });

  test('a resource tag changes under a statement reading aws:ResourceTag: alice gains ec2:StartInstances on that instance only', async () => {
    same(await storedLines('trust-alice', 'tag-dev'), [`GAINED ${ALICE} ec2:StartInstances ${I_DEV}`], `not ${I_OPS}, not ${INSTANCES}`);
    same(await storedLines('tag-dev', 'tag-ops'), [`LOST ${ALICE} ec2:StartInstances ${I_DEV}`]);
  });

  test('DeleteUser loses what erin had; CreateRole gains what BackupRole has; and back', async () => {
    const lines = await storedLines('tag-ops', 'erin-gone-backup-added');
    same(lines, [`GAINED ${BACKUP} backup:StartBackupJob *`, `LOST ${ERIN} sqs:ReceiveMessage ${QUEUE}`]);
    const all = await changes('tag-ops', 'erin-gone-backup-added');
    const erin = all.find((c) => c.principal.arn === ERIN)!;
    assert.equal(erin.before, 'ALLOWED');
    assert.equal(erin.after, 'IMPLICIT_DENY', 'a principal that no longer exists is denied');
    // Anything beyond the store may only be the service principal BackupRole's trust policy names.
    for (const c of all.filter((c) => !STORED.test(c.principal.arn))) assert.equal(line(c), `GAINED backup.amazonaws.com sts:AssumeRole ${BACKUP}`);
    same(await storedLines('erin-gone-backup-added', 'erin-back-backup-gone'), [
      `GAINED ${ERIN} sqs:ReceiveMessage ${QUEUE}`,
      `LOST ${BACKUP} backup:StartBackupJob *`,
    ]);
  });

  test('an SCP Deny attached to the OU and the management account: the member account’s principals lose, the management account’s do not', async () => {
    const lost = [`LOST ${CAROL} ec2:DescribeInstances *`, `LOST ${OPS} ec2:DescribeInstances *`];
    const lines = await storedLines('erin-back-backup-gone', 'scp-deny');
    same(lines, lost, `"SCP evaluation": SCPs do not restrict ${OPS_ADMIN}`);
    const [c] = await changes('erin-back-backup-gone', 'scp-deny', { p: OPS });
    assert.equal(c.after, 'EXPLICIT_DENY');
    same(
      await storedLines('scp-deny', 'scp-removed'),
      lost.map((l) => l.replace('LOST', 'GAINED')),
    );
  });

  test('an RCP Deny on the member account: requests to its bucket lose s3:GetObject; nothing else moves', async () => {
    const lost = [`LOST ${ALICE} s3:GetObject ${DATA}`, `LOST ${CAROL} s3:GetObject ${DATA}`];
    same(await storedLines('scp-removed', 'rcp-deny'), lost);
    const [c] = await changes('scp-removed', 'rcp-deny', { p: ALICE });
    assert.equal(c.after, 'EXPLICIT_DENY');
    same(
      await storedLines('rcp-deny', 'rcp-removed'),
      lost.map((l) => l.replace('LOST', 'GAINED')),
    );
  });

  test('a bucket policy naming bob instead of carol: bob gains s3:ListBucket on the bucket, carol loses it; and back', async () => {
    const swap = [`GAINED ${BOB} s3:ListBucket ${SHARED}`, `LOST ${CAROL} s3:ListBucket ${SHARED}`];
    same(await storedLines('rcp-removed', 'bucket-policy-bob'), swap);
    same(await storedLines('bucket-policy-bob', 'bucket-policy-carol'), [`GAINED ${CAROL} s3:ListBucket ${SHARED}`, `LOST ${BOB} s3:ListBucket ${SHARED}`]);
    const [c] = await changes('rcp-removed', 'bucket-policy-bob', { p: BOB });
    assert.deepEqual(
      identityStatements(c).map((m) => m.sid),
      ['BobLists'],
    );
  });

  test('conditional access: allowed → conditional on aws:SourceIp is LOST, conditional → allowed is GAINED; before/after are the decisions without the missing context', async () => {
    const [lost, ...rest] = await changes('bucket-policy-carol', 'bob-metrics-conditional');
    assert.deepEqual(rest, []);
    assert.equal(line(lost), `LOST ${BOB} cloudwatch:GetMetricData *`);
    assert.deepEqual([lost.before, lost.conditionalBefore, lost.after, lost.conditionalAfter], ['ALLOWED', false, 'IMPLICIT_DENY', true]);
    assert.ok(
      identityStatements(lost).some((m) => m.policyName === 'bob/BobMetrics'),
      JSON.stringify(lost.matchedStatements),
    );
    const [gained, ...none] = await changes('bob-metrics-conditional', 'bob-metrics-unconditional');
    assert.deepEqual(none, []);
    assert.equal(line(gained), `GAINED ${BOB} cloudwatch:GetMetricData *`);
    assert.deepEqual([gained.before, gained.conditionalBefore, gained.after, gained.conditionalAfter], ['IMPLICIT_DENY', true, 'ALLOWED', false]);
    // none → conditional is GAINED too, with the key the request lacks.
    const [fresh, ...others] = await changes('base-6', 'carol-conditional-new');
    assert.deepEqual(others, []);
    assert.equal(line(fresh), `GAINED ${CAROL} sqs:SendMessage ${QUEUE}`);
    assert.deepEqual(
      [fresh.before, fresh.conditionalBefore, fresh.after, fresh.conditionalAfter, fresh.missingContextKeys],
      ['IMPLICIT_DENY', false, 'IMPLICIT_DENY', true, ['aws:SourceVpce']],
    );
    const [gone] = await changes('carol-conditional-new', 'base-7');
    assert.equal(line(gone), `LOST ${CAROL} sqs:SendMessage ${QUEUE}`);
  });

  test('a boundary policy’s new default version moves what its holder keeps (carol gains ec2:DescribeInstances); removing that boundary then changes nothing', async () => {
    same(await storedLines('carol-boundary-s3-again', 'boundary-policy-edited'), [`GAINED ${CAROL} ec2:DescribeInstances *`]);
    same(await storedLines('boundary-policy-edited', 'base-2'), [], 'the boundary allowed all carol had');
  });

  test('an SCP’s content edited under the same id: DescribeInstances comes back, StartInstances (conditional on a tag) is lost', async () => {
    same(await storedLines('scp-deny-again', 'scp-content-edited'), [
      `GAINED ${CAROL} ec2:DescribeInstances *`,
      `GAINED ${OPS} ec2:DescribeInstances *`,
      `LOST ${ALICE} ec2:StartInstances ${INSTANCES}`,
    ]);
    const [c] = await changes('scp-deny-again', 'scp-content-edited', { p: ALICE });
    assert.deepEqual([c.conditionalBefore, c.after], [true, 'EXPLICIT_DENY']);
  });

  test('PutGroupPolicy: the group’s member gains, nobody else', async () => {
    same(await storedLines('base-3', 'group-inline'), [`GAINED ${ALICE} lambda:GetFunction ${FUNCTION}`]);
    same(await storedLines('group-inline', 'base-4'), [`LOST ${ALICE} lambda:GetFunction ${FUNCTION}`]);
  });

  test('a trust policy naming the account: only principals whose own policies allow sts:AssumeRole may assume it ("Policy evaluation logic", same account)', async () => {
    same(await storedLines('base-4', 'trust-account'), [`GAINED ${BOB} sts:AssumeRole ${DEPLOY}`, `LOST ${ALICE} sts:AssumeRole ${DEPLOY}`]);
    same(await storedLines('trust-account', 'base-5'), [`GAINED ${ALICE} sts:AssumeRole ${DEPLOY}`, `LOST ${BOB} sts:AssumeRole ${DEPLOY}`]);
  });

  test('a new default version adding a Deny on a prefix: the holders lose s3:GetObject there (an explicit deny overrides), not on the rest', async () => {
    same(await storedLines('base-5', 'deny-version'), [`LOST ${ALICE} s3:GetObject ${SECRET}`, `LOST ${CAROL} s3:GetObject ${SECRET}`]);
    const [c] = await changes('base-5', 'deny-version', { p: ALICE });
    assert.equal(c.after, 'EXPLICIT_DENY');
    same(await storedLines('deny-version', 'base-6'), [`GAINED ${ALICE} s3:GetObject ${SECRET}`, `GAINED ${CAROL} s3:GetObject ${SECRET}`]);
  });

  test('an SCP Deny conditioned on a key the request lacks: allowed → conditional is LOST, the decision without the key an explicit deny ("Condition operators": a negated operator is true when the key is absent)', async () => {
    const moved = await changes('base-7', 'scp-region-lock');
    same(moved.map(line), [`LOST ${CAROL} ec2:DescribeInstances *`, `LOST ${OPS} ec2:DescribeInstances *`]);
    for (const c of moved) assert.deepEqual([c.before, c.conditionalBefore, c.after, c.conditionalAfter], ['ALLOWED', false, 'EXPLICIT_DENY', true]);
    same((await changes('scp-region-lock', 'base-8')).map(line), [`GAINED ${CAROL} ec2:DescribeInstances *`, `GAINED ${OPS} ec2:DescribeInstances *`]);
    // Supplying the key decides it: allowed in us-east-1.
    const r = await server.gql(
      `query($s: Int) { whoCan(action: "ec2:DescribeInstances", resource: "*", snapshot: $s, context: [{ key: "aws:RequestedRegion", values: ["us-east-1"] }]) { edges { node { principal { arn } } } } }`,
      { s: sid('scp-region-lock') },
    );
    assert.deepEqual(
      r.data.whoCan.edges.map((e: any) => e.node.principal.arn),
      [OPS, CAROL, OPS_ADMIN],
    );
  });

  test('a whole sequence that comes back to where it started: no change from the first snapshot to the last', async () => {
    assert.deepEqual(await changes('base', 'identical'), []);
    assert.deepEqual(await changes('bob-metrics-unconditional', 'identical'), []);
  });

  test('two changes apart: from the v2 default to the inline put, the PutObject loss and the SendMessage gain, both', async () => {
    same(await storedLines('devread-v2', 'put-inline'), [
      `GAINED ${BOB} sqs:SendMessage ${QUEUE}`,
      `LOST ${ALICE} s3:PutObject ${DATA}`,
      `LOST ${CAROL} s3:PutObject ${DATA}`,
    ]);
  });
});

describe('filters and paging', () => {
  // attach → bob-joins-devs: everyone loses cloudtrail:LookupEvents, bob gains s3:GetObject.
  const from = 'attach';
  const to = 'bob-joins-devs';

  test('principalArn keeps one principal’s changes', async () => {
    assert.deepEqual((await changes(from, to, { p: BOB })).map(line).sort(), [`GAINED ${BOB} s3:GetObject ${DATA}`, `LOST ${BOB} cloudtrail:LookupEvents *`]);
    assert.deepEqual(await changes(from, to, { p: CAROL }), []);
  });

  test('action keeps one action’s changes (IAM action names are case-insensitive)', async () => {
    for (const a of ['cloudtrail:LookupEvents', 'CloudTrail:lookupevents'])
      assert.deepEqual((await changes(from, to, { a })).map((c) => c.principal.arn).sort(), [ALICE, BOB, OPS].sort(), a);
    assert.deepEqual(await changes(from, to, { a: 's3:PutObject' }), []);
  });

  test('resource keeps the changes whose resource covers the given ARN', async () => {
    const object = 'arn:aws:s3:::acme-data/reports/2026/q1.csv';
    const covering = (await changes(from, to, { r: object })).map(line);
    // acme-data/* covers the object; "*" covers every ARN.
    same(covering, [
      `GAINED ${BOB} s3:GetObject ${DATA}`,
      `LOST ${ALICE} cloudtrail:LookupEvents *`,
      `LOST ${BOB} cloudtrail:LookupEvents *`,
      `LOST ${OPS} cloudtrail:LookupEvents *`,
    ]);
    const dataOnly = (await changes('detach', to, { r: 'arn:aws:s3:::acme-data/x' })).map(line);
    assert.deepEqual(dataOnly, [`GAINED ${BOB} s3:GetObject ${DATA}`]);
    assert.deepEqual(await changes('detach', to, { r: 'arn:aws:s3:::other-bucket/x' }), [], 'acme-data/* does not cover another bucket');
    const tagged = (await changes('trust-alice', 'tag-dev', { r: I_DEV })).map(line);
    assert.deepEqual(tagged, [`GAINED ${ALICE} ec2:StartInstances ${I_DEV}`]);
    assert.deepEqual(await changes('trust-alice', 'tag-dev', { r: I_OPS }), []);
    // Contract, Semantics: "A resource that is not an ARN (nor `*`) is BAD_USER_INPUT".
    const notArn = await server.gql(CHANGES, { from: sid(from), to: sid(to), r: 'acme-data/reports' });
    assert.equal(notArn.errors?.[0].extensions?.code, 'BAD_USER_INPUT', JSON.stringify(notArn));
    same((await changes(from, to, { r: '*' })).map(line), [
      `LOST ${ALICE} cloudtrail:LookupEvents *`,
      `LOST ${BOB} cloudtrail:LookupEvents *`,
      `LOST ${OPS} cloudtrail:LookupEvents *`,
    ]);
  });

  test('paging one at a time walks the same changes in the same order, without repeats', async () => {
    const all = (await changes(from, to)).map(line);
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < all.length + 2; i++) {
      const r: any = await server.gql(CHANGES, { from: sid(from), to: sid(to), first: 1, after });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      const c = r.data.accessChanges;
      assert.equal(c.totalCount, all.length);
      paged.push(...c.edges.map((e: any) => line(e.node)));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    assert.deepEqual(paged, all);
    const tooMany = await server.gql(CHANGES, { from: sid(from), to: sid(to), first: 100_000 });
    assert.equal(tooMany.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
  });
});

describe('whoCan / whatCan / simulatePrincipalPolicy on a past snapshot follow the sequence', () => {
  test('whoCan s3:PutObject: alice and carol only while v2 was the default', async () => {
    const q = `query($s: Int) { whoCan(action: "s3:PutObject", resource: "arn:aws:s3:::acme-data/a.txt", snapshot: $s) { edges { node { principal { arn } } } } }`;
    const who = async (label: string) => (await server.gql(q, { s: sid(label) })).data.whoCan.edges.map((e: any) => e.node.principal.arn);
    assert.deepEqual(await who('devread-v2'), [ALICE, CAROL]);
    assert.deepEqual(await who('base'), []);
    assert.deepEqual(await who('devread-back-to-v1'), []);
  });

  test('whatCan and simulatePrincipalPolicy for carol under each boundary', async () => {
    const sim = `query($s: Int, $a: String!, $r: String!) { simulatePrincipalPolicy(principalArn: "${CAROL}", actions: [$a], resources: [$r], snapshot: $s) { results { action decision } } }`;
    const decisions = async (label: string) => {
      const out: string[] = [];
      for (const [a, r] of [
        ['s3:GetObject', 'arn:aws:s3:::acme-data/a.txt'],
        ['ec2:DescribeInstances', '*'],
      ])
        out.push(...(await server.gql(sim, { s: sid(label), a, r })).data.simulatePrincipalPolicy.results.map((x: any) => `${x.action}=${x.decision}`));
      return out;
    };
    assert.deepEqual(await decisions('carol-boundary-s3'), ['s3:GetObject=ALLOWED', 'ec2:DescribeInstances=IMPLICIT_DENY']);
    assert.deepEqual(await decisions('carol-boundary-ec2'), ['s3:GetObject=IMPLICIT_DENY', 'ec2:DescribeInstances=ALLOWED']);
    const what = `query($s: Int) { whatCan(principalArn: "${BOB}", resource: "${SHARED}", snapshot: $s) { edges { node { action decision } } } }`;
    const actions = async (label: string) => (await server.gql(what, { s: sid(label) })).data.whatCan.edges.map((e: any) => e.node.action);
    assert.ok((await actions('bucket-policy-bob')).includes('s3:ListBucket'));
    assert.ok(!(await actions('bucket-policy-carol')).includes('s3:ListBucket'));
  });
});

describe('re-import of identical data', () => {
  test('no change, and the database grows by less than 5 %', async () => {
    assert.deepEqual(await changes('base-8', 'identical'), []);
    const [beforeSize, afterSize] = sizes.slice(-2);
    assert.ok(afterSize < beforeSize * 1.05, `${beforeSize} → ${afterSize} bytes`);
  });
});

describe('accessql diff', () => {
  test('a table of the changes, exit 0; --json is the GraphQL field; --fail-on-gained exits 3 across a gain, 0 across only losses', async () => {
    const table = runCli(['diff', '--db', db, '--from', String(sid('base')), '--to', String(sid('devread-v2'))]);
    assert.equal(table.status, 0, table.stderr);
    for (const who of [ALICE, CAROL])
      assert.match(table.stdout, new RegExp(`GAINED\\s+${who.replace(/[/.]/g, '\\$&')}\\s+s3:PutObject\\s+arn:aws:s3:::acme-data/\\*`));
    assert.doesNotMatch(table.stdout, /user\/bob|s3:GetObject/);
    const json = runCli(['diff', '--db', db, '--from', String(sid('base')), '--to', String(sid('devread-v2')), '--json']);
    assert.equal(json.status, 0, json.stderr);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.totalCount, 2);
    assert.deepEqual(parsed.edges.map((e: any) => `${e.node.change} ${e.node.principal.arn} ${e.node.action}`).sort(), [
      `GAINED ${ALICE} s3:PutObject`,
      `GAINED ${CAROL} s3:PutObject`,
    ]);
    const gain = runCli(['diff', '--db', db, '--from', String(sid('base')), '--to', String(sid('devread-v2')), '--fail-on-gained']);
    assert.equal(gain.status, 3, gain.stderr);
    const loss = runCli(['diff', '--db', db, '--from', String(sid('devread-v2')), '--to', String(sid('devread-back-to-v1')), '--fail-on-gained']);
    assert.equal(loss.status, 0, loss.stderr);
    assert.match(loss.stdout, /LOST/);
    const latest = runCli(['diff', '--db', db, '--from', String(sid('base-8')), '--fail-on-gained']);
    assert.equal(latest.status, 0, '`--to` defaults to the latest, identical: no change');
  });

  test('bad input: an unknown snapshot exits 1 naming it, a missing database exits non-zero and is not created', () => {
    const unknown = runCli(['diff', '--db', db, '--from', '1', '--to', String(STATES.length + 5)]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /NOT_FOUND/);
    const missing = path.join(dir, 'nope.db');
    const r = runCli(['diff', '--db', missing, '--from', '1']);
    assert.notEqual(r.status, 0);
    assert.equal(existsSync(missing), false);
  });

  test('a failed import names file, line and column and adds no snapshot', async () => {
    const files = writeCollection(dir, 'broken', base);
    writeFileSync(files[0], '{\n    "UserDetailList": [\n        { "UserName": "x" ,, }\n    ]\n}\n');
    const r = runCli(['import', '--db', db, ...files]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, new RegExp(`${path.basename(files[0]).replace(/\./g, '\\.')}:3:\\d+`));
    const missing = runCli(['import', '--db', db, writeCollection(dir, 'fine', base)[0], path.join(dir, 'never-collected.json')]);
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /never-collected\.json/);
    const ids = (await server.gql('{ imports { id } }')).data.imports.map((i: any) => i.id);
    assert.equal(Math.max(...ids), STATES.length, 'all files land in one transaction or nothing changes');
  });
});
