/**
 * More of issue 15's acceptance, on the estate of fixtures.ts plus a partner account outside the
 * organization (444455556666): changes whose effect reaches past the principal that was edited.
 * Each snapshot is a full collection imported with `accessql import`; every other one is the base.
 * Expected answers from AWS's documents:
 * - DeleteRole / DeleteGroup (IAM API Reference): what the role was trusted for and what the
 *   group's policies gave its members go with them.
 * - "Cross-account policy evaluation logic": the bucket policy and the caller's identity policy
 *   must both allow; a bucket policy naming an account that is not stored grants that account's
 *   principals only if their own policies allow (contract: an ACCOUNT entry, conditional).
 * - AWS KMS Developer Guide, "Key policies": identity policies count only where the key policy
 *   allows the account (the `arn:aws:iam::ACCOUNT:root` statement).
 * - "IAM JSON policy elements: Condition" and "How to use an external ID" (sts:ExternalId):
 *   a trust statement conditioned on a key the request lacks gives conditional access.
 * - AWS managed policies are attached by ARN `arn:aws:iam::aws:policy/…` like any other.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { A, ALICE, allow, baseState, BOB, CAROL, clone, DATA, DEPLOY, doc, FUNCTION, SHARED, QUEUE, writeCollection, type EstateState } from './fixtures.js';

const B = '444455556666';
const DAN = `arn:aws:iam::${B}:user/dan`;
const ERIK = `arn:aws:iam::${B}:user/erik`;
const STRANGER = 'arn:aws:iam::777788889999:root';
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const SHARED_OBJECTS = `${SHARED}/*`;
const S3_READ_ONLY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

const base = (() => {
  const s = baseState();
  s.users.carol.inline.CarolKey = doc(allow('kms:Decrypt', KEY));
  // The default key policy ("Key policies": Enable IAM User Permissions).
  s.bucketPolicies[KEY] = doc({
    Sid: 'Enable IAM User Permissions',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${A}:root` },
    Action: 'kms:*',
    Resource: '*',
  });
  // The queue was collected too and has no policy.
  s.bucketPolicies[QUEUE] = null;
  return s;
})();
const apply = (f: (s: EstateState) => void): EstateState => {
  const s = clone(base);
  f(s);
  return s;
};
const sharedPolicy = (...extra: object[]) =>
  doc({ Sid: 'CarolLists', Effect: 'Allow', Principal: { AWS: CAROL }, Action: 's3:ListBucket', Resource: SHARED }, ...extra);

const STATES: [string, EstateState][] = [
  ['base', base],
  [
    'role-deleted',
    apply((s) => {
      delete s.roles.DeployRole;
    }),
  ],
  ['base-1', base],
  [
    'group-deleted',
    apply((s) => {
      // DeleteGroup needs the group empty and detached first.
      delete s.groups.Devs;
      s.users.alice.groups = [];
    }),
  ],
  ['base-2', base],
  [
    'bucket-cross-account',
    apply(
      (s) =>
        (s.bucketPolicies[SHARED] = sharedPolicy({
          Sid: 'PartnerReads',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${B}:root` },
          Action: 's3:GetObject',
          Resource: SHARED_OBJECTS,
        })),
    ),
  ],
  ['base-3', base],
  [
    'aws-managed-attached',
    apply((s) => {
      s.policies.AmazonS3ReadOnlyAccess = {
        arn: S3_READ_ONLY,
        path: '/',
        defaultVersion: 'v3',
        versions: {
          v3: doc(allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'], '*')),
        },
      };
      s.users.bob.attached.push('AmazonS3ReadOnlyAccess');
    }),
  ],
  ['base-4', base],
  [
    'trust-external-id',
    apply(
      (s) =>
        (s.roles.DeployRole.trust = doc({
          Effect: 'Allow',
          Principal: { AWS: BOB },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'acme-ci-7f3a' } },
        })),
    ),
  ],
  ['base-5', base],
  [
    'key-policy-bob-only',
    apply(
      (s) =>
        (s.bucketPolicies[KEY] = doc({
          Sid: 'BobDecrypts',
          Effect: 'Allow',
          Principal: { AWS: BOB },
          Action: 'kms:Decrypt',
          Resource: '*',
        })),
    ),
  ],
  ['base-6', base],
  [
    'beyond-the-store',
    apply((s) => {
      s.bucketPolicies[QUEUE] = doc({ Sid: 'PartnerSends', Effect: 'Allow', Principal: { AWS: STRANGER }, Action: 'sqs:SendMessage', Resource: QUEUE });
      s.bucketPolicies[SHARED] = sharedPolicy({
        Sid: 'PublicRead',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: `${SHARED}/public/*`,
      });
    }),
  ],
  ['base-7', base],
  // DeleteBucketPolicy: the next collection finds none.
  ['bucket-policy-deleted', apply((s) => (s.bucketPolicies[SHARED] = null))],
  ['base-8', base],
];
const sid = (label: string) => STATES.findIndex(([l]) => l === label) + 1;

/** The partner account: dan may read acme-shared's objects by his own policy, erik may not. */
function partner(): object {
  const user = (name: string, inline: object[]) => ({
    Path: '/',
    UserName: name,
    UserId: `AIDA${name.toUpperCase()}PARTNER0000`,
    Arn: `arn:aws:iam::${B}:user/${name}`,
    CreateDate: '2026-02-01T10:00:00+00:00',
    UserPolicyList: inline.map((d, i) => ({ PolicyName: `p${i}`, PolicyDocument: d })),
    GroupList: [],
    AttachedManagedPolicies: [],
    Tags: [],
  });
  return {
    UserDetailList: [user('dan', [doc(allow('s3:GetObject', SHARED_OBJECTS))]), user('erik', [doc(allow('s3:ListBucket', SHARED))])],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  };
}

interface Change {
  principal: { arn: string; type: string };
  action: string;
  resource: string;
  change: string;
  before: string;
  after: string;
  conditionalAfter: boolean;
  missingContextKeys: string[];
}
const line = (c: Change) => `${c.change} ${c.principal.arn} ${c.action} ${c.resource}`;

let dir: string;
let db: string;
let server: TestServer;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'accessql-estate-history-'));
  db = path.join(dir, 'estate.db');
  for (const [label, state] of STATES) {
    const partnerFile = path.join(dir, `${label}-iam-${B}.json`);
    writeFileSync(partnerFile, JSON.stringify(partner(), null, 4));
    const r = runCli(['import', '--db', db, ...writeCollection(dir, label, state), partnerFile]);
    assert.equal(r.status, 0, `${label}: ${r.stderr}`);
  }
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

/** Every change, page by page. */
async function changes(from: string, to: string, p?: string): Promise<Change[]> {
  const out: Change[] = [];
  let after: string | null = null;
  for (;;) {
    const r: any = await server.gql(
      `query($from: Int!, $to: Int, $p: String, $after: String) { accessChanges(from: $from, to: $to, principalArn: $p, first: 100, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { principal { arn type } action resource change before after conditionalAfter missingContextKeys } } } }`,
      { from: sid(from), to: sid(to), p, after },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    out.push(...r.data.accessChanges.edges.map((e: any) => e.node));
    if (!r.data.accessChanges.pageInfo.hasNextPage) {
      assert.equal(out.length, r.data.accessChanges.totalCount);
      return out;
    }
    after = r.data.accessChanges.pageInfo.endCursor;
  }
}
const lines = async (from: string, to: string) => (await changes(from, to)).map(line).sort();

describe('accessChanges where the effect reaches past the edited principal', () => {
  test('DeleteRole: the role loses its own grants, and alice loses sts:AssumeRole on it', async () => {
    assert.deepEqual(
      await lines('base', 'role-deleted'),
      [`LOST ${DEPLOY} lambda:UpdateFunctionCode ${FUNCTION}`, `LOST ${ALICE} sts:AssumeRole ${DEPLOY}`].sort(),
    );
    assert.deepEqual(
      await lines('role-deleted', 'base-1'),
      [`GAINED ${DEPLOY} lambda:UpdateFunctionCode ${FUNCTION}`, `GAINED ${ALICE} sts:AssumeRole ${DEPLOY}`].sort(),
    );
  });

  test('DeleteGroup: its member loses what the group’s policies gave; carol, who holds DevRead directly, keeps it', async () => {
    assert.deepEqual(await lines('base-1', 'group-deleted'), [`LOST ${ALICE} s3:GetObject ${DATA}`]);
    assert.deepEqual(await lines('group-deleted', 'base-2'), [`GAINED ${ALICE} s3:GetObject ${DATA}`]);
  });

  test('a bucket policy granting a partner account: the partner’s user whose own policy allows gains; the one whose does not, does not', async () => {
    assert.deepEqual(await lines('base-2', 'bucket-cross-account'), [`GAINED ${DAN} s3:GetObject ${SHARED_OBJECTS}`]);
    assert.deepEqual(await lines('bucket-cross-account', 'base-3'), [`LOST ${DAN} s3:GetObject ${SHARED_OBJECTS}`]);
    assert.ok(!(await lines('base-2', 'bucket-cross-account')).some((l) => l.includes(ERIK)));
  });

  test('an AWS managed policy attached (AmazonS3ReadOnlyAccess): bob gains reads on every bucket, no writes; nobody else moves', async () => {
    const moved = await changes('base-3', 'aws-managed-attached');
    assert.ok(moved.length > 0);
    assert.ok(
      moved.every((c) => c.principal.arn === BOB && c.change === 'GAINED'),
      moved.map(line).join('\n'),
    );
    const got = new Set(moved.map((c) => `${c.action} ${c.resource}`));
    for (const must of ['s3:GetObject *', 's3:ListBucket *', 's3:GetBucketPolicy *', 's3:ListAllMyBuckets *']) assert.ok(got.has(must), must);
    for (const c of moved) assert.match(c.action, /^s3(-object-lambda)?:(Get|List|Describe)/, `${c.action}: the policy grants Get*, List*, Describe* only`);
    assert.ok(!moved.some((c) => c.action === 's3:PutObject' || c.action === 's3:DeleteObject'));
    const back = await changes('aws-managed-attached', 'base-4');
    assert.equal(back.length, moved.length);
    assert.ok(back.every((c) => c.change === 'LOST'));
  });

  test('a trust policy conditioned on sts:ExternalId: bob gains conditionally (the key is missing), alice loses', async () => {
    const moved = await changes('base-4', 'trust-external-id');
    assert.deepEqual(moved.map(line).sort(), [`GAINED ${BOB} sts:AssumeRole ${DEPLOY}`, `LOST ${ALICE} sts:AssumeRole ${DEPLOY}`].sort());
    const bob = moved.find((c) => c.principal.arn === BOB)!;
    assert.deepEqual([bob.after, bob.conditionalAfter, bob.missingContextKeys], ['IMPLICIT_DENY', true, ['sts:ExternalId']]);
  });

  test('a key policy without the account statement: carol’s identity grant no longer counts, bob (named by the key policy) gains', async () => {
    assert.deepEqual(await lines('base-5', 'key-policy-bob-only'), [`GAINED ${BOB} kms:Decrypt ${KEY}`, `LOST ${CAROL} kms:Decrypt ${KEY}`].sort());
    assert.deepEqual(await lines('key-policy-bob-only', 'base-6'), [`GAINED ${CAROL} kms:Decrypt ${KEY}`, `LOST ${BOB} kms:Decrypt ${KEY}`].sort());
  });

  test('principals beyond the store: an unknown account (conditional, ACCOUNT) and everyone (ANONYMOUS) gain; stored principals do not move', async () => {
    const moved = await changes('base-6', 'beyond-the-store');
    const byArn = new Map(moved.map((c) => [c.principal.arn, c]));
    const stranger = byArn.get(STRANGER);
    assert.ok(stranger, moved.map(line).join('\n'));
    assert.deepEqual([stranger.principal.type, stranger.action, stranger.resource, stranger.change], ['ACCOUNT', 'sqs:SendMessage', QUEUE, 'GAINED']);
    assert.equal(stranger.conditionalAfter, true, 'its principals are allowed only if their own policies allow');
    const everyone = byArn.get('*');
    assert.ok(everyone, moved.map(line).join('\n'));
    assert.deepEqual(
      [everyone.principal.type, everyone.action, everyone.resource, everyone.change],
      ['ANONYMOUS', 's3:GetObject', `${SHARED}/public/*`, 'GAINED'],
    );
    // Stored principals of this account had no s3:GetObject on acme-shared: the public statement
    // grants them too (same account: the resource policy alone allows), so they may appear as
    // GAINED on the public prefix, and nowhere else.
    for (const c of moved.filter((c) => c.principal.arn !== STRANGER && c.principal.arn !== '*'))
      assert.equal(`${c.change} ${c.action} ${c.resource}`, `GAINED s3:GetObject ${SHARED}/public/*`, line(c));
    const back = await changes('beyond-the-store', 'base-7');
    assert.deepEqual(back.map((c) => `${c.principal.arn} ${c.action}`).sort(), moved.map((c) => `${c.principal.arn} ${c.action}`).sort());
    assert.ok(back.every((c) => c.change === 'LOST'));
  });
});

describe('a resource policy deleted (collected with "Policy": null)', () => {
  test('DeleteBucketPolicy: carol loses s3:ListBucket that only the bucket policy gave; putting it back gives it back', async () => {
    assert.deepEqual(await lines('base-7', 'bucket-policy-deleted'), [`LOST ${CAROL} s3:ListBucket ${SHARED}`]);
    assert.deepEqual(await lines('bucket-policy-deleted', 'base-8'), [`GAINED ${CAROL} s3:ListBucket ${SHARED}`]);
    const r = await server.gql(
      `query($s: Int) { whoCan(action: "s3:ListBucket", resource: "${SHARED}", snapshot: $s) { edges { node { principal { arn } } } } }`,
      {
        s: sid('bucket-policy-deleted'),
      },
    );
    assert.deepEqual(r.data.whoCan.edges, []);
  });
});

describe('a pruned snapshot', () => {
  test('accessChanges from it is NOT_FOUND (GraphQL and `accessql diff`), the kept ones still answer', async () => {
    const pruned = runCli(['prune', '--keep', '2', '--db', db]);
    assert.equal(pruned.status, 0, pruned.stderr);
    const r = await server.gql(`{ accessChanges(from: ${sid('base')}) { totalCount } }`);
    assert.equal(r.errors?.[0].extensions?.code, 'NOT_FOUND');
    assert.match(r.errors![0].message, /pruned/);
    const cli = runCli(['diff', '--db', db, '--from', String(sid('base'))]);
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /pruned/);
    const kept = await server.gql(`{ accessChanges(from: ${sid('bucket-policy-deleted')}, to: ${sid('base-8')}) { totalCount } }`);
    assert.equal(kept.errors, undefined, JSON.stringify(kept.errors));
    assert.ok(kept.data.accessChanges.totalCount > 0);
  });
});
