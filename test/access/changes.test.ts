/**
 * accessChanges (access/changes/diff.ts) on hand-built models: every kind of change, GAINED and
 * LOST, conditional access, a Deny covering part of a pattern, identical models; and a brute-force
 * check on small random accounts: the diff equals comparing both models' decisions over every
 * (principal, action the statements name, resource pattern).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessChanges, actionApplies, levelOf, type AccessChangeEntry } from '../../src/access/changes/diff.js';
import { AccessIndex } from '../../src/access/access-index.js';
import { buildEstate, type EstateData } from '../../src/store/estate-model.js';
import type { AccountModel, ModelPolicy, ModelPrincipal, ModelResource } from '../../src/store/account-model.js';
import { expandActionPattern, findAction } from '../../src/catalog/index.js';
import { parsePolicy } from '../../src/policy/parse.js';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const iam = (x: string, account = ACCOUNT) => `arn:aws:iam::${account}:${x}`;

function doc(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}
const allow = (Action: string | string[], Resource: string | string[], Condition?: object) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});
const deny = (Action: string | string[], Resource: string | string[], Condition?: object) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});

function inline(owner: string, name: string, text: string): ModelPolicy {
  return { id: `${owner}#${name}`, name: `${owner.split('/').pop()}/${name}`, kind: 'INLINE', document: text };
}
function managed(name: string, version: string, text: string): ModelPolicy {
  const arn = iam(`policy/${name}`);
  return { id: `${arn}@${version}`, name, arn, kind: 'CUSTOMER_MANAGED', versionId: version, document: text };
}
function user(name: string, policies: ModelPolicy[], extra: Partial<ModelPrincipal> = {}, account = ACCOUNT): ModelPrincipal {
  return {
    arn: iam(`user/${name}`, account),
    name,
    type: 'USER',
    accountId: account,
    uniqueId: `AIDA${name.toUpperCase()}`,
    path: '/',
    tags: {},
    groups: [],
    policies,
    missingPolicies: [],
    ...extra,
  };
}
function role(name: string, policies: ModelPolicy[], extra: Partial<ModelPrincipal> = {}, account = ACCOUNT): ModelPrincipal {
  return { ...user(name, policies, extra, account), arn: iam(`role/${name}`, account), type: 'ROLE', uniqueId: `AROA${name.toUpperCase()}` };
}
function resource(arn: string, tags: Record<string, string> = {}): ModelResource {
  const parts = arn.split(':');
  return { arn, accountId: parts[4] || ACCOUNT, service: parts[2], region: parts[3] || null, resourceType: null, tags };
}
function emptyEstate(extra: Partial<EstateData> = {}): EstateData {
  return { organization: null, nodes: [], policies: [], resourcePolicies: [], listedOwners: [], trustPolicies: [], ...extra };
}
function state(principals: ModelPrincipal[], resources: ModelResource[] = [], estate: Partial<EstateData> = {}) {
  const model: AccountModel = { modelVersion: String(Math.random()), principals: [...principals].sort((a, b) => (a.arn < b.arn ? -1 : 1)), resources };
  // get-resources lists an S3 bucket under the account that owns it (its ARN has no account).
  const listedOwners = resources.filter((r) => r.arn.startsWith('arn:aws:s3:::')).map((r) => ({ arn: r.arn, ownerAccountId: ACCOUNT }));
  return { model, estate: buildEstate(emptyEstate({ listedOwners, ...estate })) };
}
const brief = (c: AccessChangeEntry) => `${c.change} ${c.principal.model.arn.split(':').pop()} ${c.action} ${c.resource}`;
const briefs = (list: AccessChangeEntry[]) => list.map(brief).sort();

const BUCKET = 'arn:aws:s3:::reports';
const OBJECTS = `${BUCKET}/*`;
const SECRET = `${BUCKET}/secret/*`;
const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`;

describe('accessChanges: what changed, and only that', () => {
  test('identical models (separate objects, same content) give no change and evaluate nothing', () => {
    const make = () => state([user('ann', [inline(iam('user/ann'), 'p', doc(allow('s3:GetObject', OBJECTS)))])], [resource(QUEUE, { env: 'prod' })]);
    const r = accessChanges(make(), make());
    assert.equal(r.changes.length, 0);
    assert.equal(r.evaluations, 0, 'nothing changed: nothing evaluated');
    assert.equal(r.principalsAffected, 0);
  });

  test('an inline policy whose text changes under the same id (IAM PutUserPolicy) is GAINED; only the changed principal is evaluated', () => {
    const bystanders = Array.from({ length: 20 }, (_, i) => user(`u${i}`, [inline(iam(`user/u${i}`), 'p', doc(allow('s3:GetObject', OBJECTS)))]));
    const before = state([user('ann', [inline(iam('user/ann'), 'p', doc(allow('s3:GetObject', OBJECTS)))]), ...bystanders]);
    const after = state([user('ann', [inline(iam('user/ann'), 'p', doc(allow(['s3:GetObject', 's3:PutObject'], OBJECTS)))]), ...bystanders]);
    const r = accessChanges(before, after);
    assert.deepEqual(briefs(r.changes), [`GAINED user/ann s3:PutObject ${OBJECTS}`]);
    assert.equal(r.principalsAffected, 1);
    const c = r.changes[0];
    assert.equal(c.before?.decision, 'IMPLICIT_DENY');
    assert.equal(c.after?.decision, 'ALLOWED');
    assert.equal(c.after?.matchedStatements[0].policyName, 'ann/p', 'the statements behind the new decision');
  });

  test("a managed policy's new default version (CreatePolicyVersion) is LOST for every holder, with the old grant cited", () => {
    const v1 = managed('Reports', 'v1', doc(allow(['s3:GetObject', 's3:PutObject'], OBJECTS)));
    const v2 = managed('Reports', 'v2', doc(allow('s3:GetObject', OBJECTS)));
    const r = accessChanges(state([user('ann', [v1]), role('etl', [v1])]), state([user('ann', [v2]), role('etl', [v2])]));
    assert.deepEqual(briefs(r.changes), [`LOST role/etl s3:PutObject ${OBJECTS}`, `LOST user/ann s3:PutObject ${OBJECTS}`]);
    assert.equal(r.changes[0].before?.matchedStatements[0].policyName, 'Reports');
  });

  test('wildcard actions are expanded through the catalog (connect:*ContactRecording → the four recording actions)', () => {
    const contacts = `arn:aws:connect:us-east-1:${ACCOUNT}:instance/i-1/contact/*`;
    const r = accessChanges(
      state([role('sup', [])]),
      state([role('sup', [inline(iam('role/sup'), 'rec', doc(allow('connect:*ContactRecording', contacts)))])]),
    );
    assert.deepEqual(
      r.changes.map((c) => c.action),
      ['connect:ResumeContactRecording', 'connect:StartContactRecording', 'connect:StopContactRecording', 'connect:SuspendContactRecording'],
    );
    assert.ok(r.changes.every((c) => c.resource === contacts && c.change === 'GAINED'));
  });

  test('a Deny on part of a pattern: the pattern itself keeps its decision, the Deny’s own pattern is LOST ("Policy evaluation logic": an explicit deny overrides)', () => {
    const grant = allow('s3:GetObject', OBJECTS);
    const r = accessChanges(
      state([user('ann', [inline(iam('user/ann'), 'p', doc(grant))])]),
      state([user('ann', [inline(iam('user/ann'), 'p', doc(grant, deny('s3:GetObject', SECRET)))])]),
    );
    assert.deepEqual(briefs(r.changes), [`LOST user/ann s3:GetObject ${SECRET}`]);
    assert.equal(r.changes[0].after?.decision, 'EXPLICIT_DENY');
  });

  test('conditional access counts: none → conditional is GAINED, conditional → allowed is GAINED, allowed → conditional is LOST', () => {
    const mk = (cond: object | undefined) => state([user('ann', [inline(iam('user/ann'), 'p', doc(allow('sqs:SendMessage', QUEUE, cond)))])]);
    const ip = { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } };
    const none = state([user('ann', [])]);
    const a = accessChanges(none, mk(ip));
    assert.equal(a.changes.length, 1);
    assert.equal(a.changes[0].change, 'GAINED');
    assert.equal(a.changes[0].afterLevel, 'CONDITIONAL');
    assert.deepEqual(a.changes[0].after?.missingContextKeys, ['aws:SourceIp']);
    const b = accessChanges(mk(ip), mk(undefined));
    assert.deepEqual([b.changes[0].change, b.changes[0].beforeLevel, b.changes[0].afterLevel], ['GAINED', 'CONDITIONAL', 'ALLOWED']);
    const c = accessChanges(mk(undefined), mk(ip));
    assert.deepEqual([c.changes[0].change, c.changes[0].beforeLevel, c.changes[0].afterLevel], ['LOST', 'ALLOWED', 'CONDITIONAL']);
  });

  test('a permissions boundary set on a principal ("Permissions boundaries for IAM entities": both must allow) is LOST', () => {
    const p = inline(iam('role/etl'), 'p', doc(allow(['s3:GetObject', 's3:PutObject'], OBJECTS)));
    const b = managed('Boundary', 'v1', doc(allow('s3:GetObject', '*')));
    const r = accessChanges(
      state([role('etl', [p])]),
      state([role('etl', [p], { permissionsBoundary: { id: b.id, name: b.name, arn: b.arn!, document: b.document } })]),
    );
    assert.deepEqual(briefs(r.changes), [`LOST role/etl s3:PutObject ${OBJECTS}`]);
  });

  test('a principal tag change flips a statement reading aws:PrincipalTag ("Policy variables"; stored context)', () => {
    const p = managed('Team', 'v1', doc(allow('sqs:SendMessage', QUEUE, { StringEquals: { 'aws:PrincipalTag/team': 'red' } })));
    const r = accessChanges(state([user('ann', [p], { tags: { team: 'blue' } })]), state([user('ann', [p], { tags: { team: 'red' } })]));
    assert.deepEqual(briefs(r.changes), [`GAINED user/ann sqs:SendMessage ${QUEUE}`]);
  });

  test("a resource's tags changing flips a statement reading aws:ResourceTag, for every principal holding it", () => {
    const p = managed('Prod', 'v1', doc(allow('sqs:SendMessage', `arn:aws:sqs:us-east-1:${ACCOUNT}:*`, { StringEquals: { 'aws:ResourceTag/env': 'prod' } })));
    const users = [user('ann', [p]), user('bob', [p])];
    const r = accessChanges(state(users, [resource(QUEUE, { env: 'dev' })]), state(users, [resource(QUEUE, { env: 'prod' })]));
    assert.deepEqual(briefs(r.changes), [`GAINED user/ann sqs:SendMessage ${QUEUE}`, `GAINED user/bob sqs:SendMessage ${QUEUE}`]);
  });

  test('users and roles that appear or disappear gain or lose what their policies allow', () => {
    const p = inline(iam('user/new'), 'p', doc(allow('s3:PutObject', OBJECTS)));
    const r = accessChanges(state([]), state([user('new', [p])]));
    assert.deepEqual(briefs(r.changes), [`GAINED user/new s3:PutObject ${OBJECTS}`]);
    assert.equal(r.changes[0].before, null);
    const gone = accessChanges(state([user('new', [p])]), state([]));
    assert.deepEqual(briefs(gone.changes), [`LOST user/new s3:PutObject ${OBJECTS}`]);
  });

  test("a bucket policy granting another account (cross-account: both sides must allow) is GAINED by that account's principals whose own policies allow", () => {
    const other = user('olga', [inline(iam('user/olga', OTHER), 'p', doc(allow('s3:GetObject', OBJECTS)))], {}, OTHER);
    const owner = user('ann', []);
    const policy = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 's3:GetObject', Resource: OBJECTS });
    const r = accessChanges(
      state([owner, other], [resource(BUCKET)]),
      state([owner, other], [resource(BUCKET)], { resourcePolicies: [{ arn: BUCKET, ownerAccountId: ACCOUNT, document: policy }] }),
    );
    const stored = r.changes.filter((c) => !c.principal.external);
    assert.deepEqual(briefs(stored), [`GAINED user/olga s3:GetObject ${OBJECTS}`]);
  });

  test("a role's new trust policy (UpdateAssumeRolePolicy) is GAINED sts:AssumeRole for the principals it trusts", () => {
    const caller = user('ann', [inline(iam('user/ann'), 'p', doc(allow('sts:AssumeRole', '*')))]);
    const target = role('admin', []);
    const trust = (who: string) => doc({ Effect: 'Allow', Principal: { AWS: who }, Action: 'sts:AssumeRole' });
    const r = accessChanges(
      state([caller, target], [], { trustPolicies: [{ arn: target.arn, document: trust(iam('user/bob')) }] }),
      state([caller, target], [], { trustPolicies: [{ arn: target.arn, document: trust(caller.arn) }] }),
    );
    assert.deepEqual(briefs(r.changes), [`GAINED user/ann sts:AssumeRole ${target.arn}`]);
  });

  test('an SCP change (AWS Organizations, "SCP evaluation") is LOST by the account\'s principals, not by the management account\'s', () => {
    const org = (scp: string): Partial<EstateData> => ({
      organization: { id: 'o-test', arn: null, featureSet: 'ALL', managementAccountId: OTHER },
      nodes: [
        { id: 'r-root', kind: 'ROOT', parentId: null, name: 'Root', arn: null, policyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] },
        { id: ACCOUNT, kind: 'ACCOUNT', parentId: 'r-root', name: 'member', arn: null },
        { id: OTHER, kind: 'ACCOUNT', parentId: 'r-root', name: 'management', arn: null },
      ],
      policies: [
        {
          id: 'p-full',
          name: 'FullAWSAccess',
          arn: null,
          type: 'SERVICE_CONTROL_POLICY',
          awsManaged: true,
          document: doc(allow('*', '*')),
          targets: ['r-root', ACCOUNT, OTHER],
        },
        { id: 'p-guard', name: 'Guard', arn: null, type: 'SERVICE_CONTROL_POLICY', awsManaged: false, document: scp, targets: [ACCOUNT, OTHER] },
      ],
    });
    const grant = (owner: string) => inline(owner, 'p', doc(allow(['s3:GetObject', 's3:PutObject'], OBJECTS)));
    const members = [user('ann', [grant(iam('user/ann'))]), user('mgmt', [grant(iam('user/mgmt', OTHER))], {}, OTHER)];
    const r = accessChanges(state(members, [], org(doc(allow('*', '*')))), state(members, [], org(doc(allow('*', '*'), deny('s3:PutObject', '*')))));
    assert.deepEqual(briefs(r.changes), [`LOST user/ann s3:PutObject ${OBJECTS}`]);
    assert.match(r.changes[0].after!.matchedStatements[0].policyName, /^SCP Guard/);
  });

  test('actions are evaluated only on patterns they apply to (the catalog types the pattern)', () => {
    assert.equal(actionApplies('s3:GetObject', OBJECTS), true);
    assert.equal(actionApplies('s3:ListBucket', OBJECTS), false, 'ListBucket acts on buckets, not objects');
    assert.equal(actionApplies('s3:ListBucket', BUCKET), true);
    assert.equal(actionApplies('sts:AssumeRole', iam('role/x')), true, 'an action on another service’s resource type');
    assert.equal(actionApplies('s3:ListAllMyBuckets', '*'), true);
    assert.equal(levelOf(null), 'NONE');
  });
});

// ---------------------------------------------------------------------------------------------
// Brute force on small random accounts

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:*Object', 'sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:Delete*'];
const RESOURCES = [BUCKET, OBJECTS, SECRET, `${BUCKET}/public/*`, QUEUE, `arn:aws:sqs:us-east-1:${ACCOUNT}:*`, '*'];
const CONDITIONS: (object | undefined)[] = [
  undefined,
  undefined,
  undefined,
  { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
  { StringEquals: { 'aws:ResourceTag/env': 'prod' } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
];

interface RandomWorld {
  principals: { name: string; type: 'USER' | 'ROLE'; policies: string[]; tags: Record<string, string>; boundary: string | null }[];
  /** name → text */
  managed: Record<string, string>;
  tags: Record<string, Record<string, string>>;
  bucketPolicy: string | null;
}

function randomWorld(r: () => number): RandomWorld {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const statement = () => {
    const s = (r() < 0.2 ? deny : allow)(pick(ACTIONS), r() < 0.3 ? [pick(RESOURCES), pick(RESOURCES)] : pick(RESOURCES), pick(CONDITIONS));
    return s;
  };
  const policy = () => doc(...Array.from({ length: 1 + Math.floor(r() * 3) }, statement));
  const managedPolicies: Record<string, string> = {};
  for (let i = 0; i < 5; i++) managedPolicies[`m${i}`] = policy();
  const principals = Array.from({ length: 5 }, (_, i) => ({
    name: `p${i}`,
    type: (i % 2 ? 'ROLE' : 'USER') as 'USER' | 'ROLE',
    policies: Object.keys(managedPolicies).filter(() => r() < 0.35),
    tags: (r() < 0.5 ? { team: pick(['red', 'blue']) } : {}) as Record<string, string>,
    boundary: r() < 0.15 ? 'm0' : null,
  }));
  return {
    principals,
    managed: managedPolicies,
    tags: { [QUEUE]: r() < 0.5 ? { env: 'prod' } : {}, [BUCKET]: {} },
    bucketPolicy:
      r() < 0.5
        ? doc({ Effect: 'Allow', Principal: { AWS: iam(`user/p${Math.floor(r() * 3) * 2}`) }, Action: pick(['s3:GetObject', 's3:*Object']), Resource: OBJECTS })
        : null,
  };
}

/** One random edit of the kinds accessChanges must see. */
function mutate(w: RandomWorld, r: () => number): RandomWorld {
  const next: RandomWorld = JSON.parse(JSON.stringify(w));
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const p = pick(next.principals);
  const names = Object.keys(next.managed);
  for (let k = 0; k < 1 + Math.floor(r() * 2); k++) {
    switch (Math.floor(r() * 7)) {
      case 0: // attach / detach
        if (p.policies.length && r() < 0.5) p.policies.splice(Math.floor(r() * p.policies.length), 1);
        else p.policies.push(pick(names.filter((n) => !p.policies.includes(n))) ?? names[0]);
        break;
      case 1: // new policy text (a new default version)
        next.managed[pick(names)] = randomWorld(r).managed.m1;
        break;
      case 2:
        p.tags = p.tags.team === 'red' ? { team: 'blue' } : { team: 'red' };
        break;
      case 3:
        p.boundary = p.boundary ? null : pick(names);
        break;
      case 4:
        next.tags[QUEUE] = next.tags[QUEUE].env === 'prod' ? {} : { env: 'prod' };
        break;
      case 5:
        next.bucketPolicy = randomWorld(r).bucketPolicy;
        break;
      default:
        next.principals = next.principals.filter((x) => x !== p);
    }
  }
  p.policies = [...new Set(p.policies)].filter(Boolean);
  return next;
}

function toState(w: RandomWorld) {
  const version = (name: string) => `v${Buffer.from(w.managed[name]).length}`;
  const policy = (name: string) => managed(name, version(name), w.managed[name]);
  const principals = w.principals.map((p) => {
    const m = (p.type === 'USER' ? user : role)(p.name, p.policies.map(policy), { tags: p.tags });
    if (p.boundary) {
      const b = policy(p.boundary);
      m.permissionsBoundary = { id: b.id, name: b.name, arn: b.arn!, document: b.document };
    }
    return m;
  });
  return state(
    principals,
    Object.entries(w.tags).map(([arn, tags]) => resource(arn, tags)),
    { resourcePolicies: w.bucketPolicy ? [{ arn: BUCKET, ownerAccountId: ACCOUNT, document: w.bucketPolicy }] : [] },
  );
}

function statementsOf(text: string | null | undefined) {
  return text ? parsePolicy(text, { lenient: true }).document.statements : [];
}

describe('accessChanges equals brute force on small random accounts', () => {
  test('every (principal, action in the statements, resource pattern), both models evaluated in full', async () => {
    let compared = 0;
    let changed = 0;
    for (let seed = 1; seed <= Number(process.env.CHANGES_SEEDS ?? 40); seed++) {
      const r = prng(seed);
      const w1 = randomWorld(r);
      const w2 = mutate(w1, r);
      const before = toState(w1);
      const after = toState(w2);
      const diff = accessChanges(before, after);

      // The universe: actions = every Action entry of every statement of both models (expanded
      // through the catalog); patterns per principal = its own statements' Resource entries (old
      // and new), the bucket (policy) and its policy's patterns, and resources whose tags changed.
      const ib = new AccessIndex(before.model, before.estate);
      const ia = new AccessIndex(after.model, after.estate);
      const texts = [w1, w2].flatMap((w) => [...Object.values(w.managed), ...(w.bucketPolicy ? [w.bucketPolicy] : [])]);
      const actions = new Set<string>();
      for (const t of texts)
        for (const st of statementsOf(t))
          for (const a of st.action ?? [])
            for (const x of /[*?]/.test(a) ? expandActionPattern(a).map((c) => c.name) : [findAction(a)?.name ?? a]) actions.add(x);
      // (The bucket and its policy's patterns are every principal's when a bucket policy exists: it
      // may decide any request on the bucket, all principals being of the owner's account.)
      const shared = new Set<string>(w1.bucketPolicy || w2.bucketPolicy ? [BUCKET] : []);
      for (const w of [w1, w2]) for (const st of statementsOf(w.bucketPolicy)) for (const x of st.resource ?? []) if (x !== '*') shared.add(x);
      if (JSON.stringify(w1.tags[QUEUE]) !== JSON.stringify(w2.tags[QUEUE])) shared.add(QUEUE);
      const expected = new Set<string>();
      const arns = new Set([...before.model.principals, ...after.model.principals].map((p) => p.arn));
      for (const arn of arns) {
        const pb = before.model.principals.find((p) => p.arn === arn);
        const pa = after.model.principals.find((p) => p.arn === arn);
        const patterns = new Set(shared);
        for (const p of [pb, pa])
          for (const d of [...(p?.policies ?? []).map((x) => x.document), p?.permissionsBoundary?.document])
            for (const st of statementsOf(d)) for (const x of st.resource ?? ['*']) patterns.add(x);
        for (const action of actions)
          for (const pattern of patterns) {
            if (!actionApplies(action, pattern)) continue;
            const xb = ib.principal(arn);
            const xa = ia.principal(arn);
            const rb = xb ? ib.evaluateFor(xb, action, pattern, new Map(), ib.resourceContext(pattern)) : null;
            const ra = xa ? ia.evaluateFor(xa, action, pattern, new Map(), ia.resourceContext(pattern)) : null;
            compared++;
            const lb = levelOf(rb);
            const la = levelOf(ra);
            if (lb !== la) expected.add(`${arn} ${action} ${pattern} ${lb}->${la}`);
          }
      }
      const got = new Set(
        diff.changes.filter((c) => !c.principal.external).map((c) => `${c.principal.model.arn} ${c.action} ${c.resource} ${c.beforeLevel}->${c.afterLevel}`),
      );
      changed += expected.size;
      if (process.env.DEBUG_SEED === String(seed)) (await import('node:fs')).writeFileSync('/tmp/changes-work/seed.json', JSON.stringify({ w1, w2 }, null, 1));
      assert.deepEqual([...got].sort(), [...expected].sort(), `seed ${seed}`);
    }
    assert.ok(changed > 20, `the random edits changed access (${changed} changes over ${compared} comparisons)`);
  });
});

// ---------------------------------------------------------------------------------------------
// Brute force where principal groups are narrowed: many principals hold the edited policy, each
// with other policies of its own (inline ones among them). Groups are keyed by the policies that
// may match the changed statements' actions only, so the others (NotAction statements, actions
// the catalog does not know, Resource patterns a changed statement may match) must not hide a
// principal whose decision differs from its group's.

const NARROW_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:Get*', 'sqs:SendMessage', 'sqs:*', 'sqs:sendmessage', 's3:Put*'];
const NARROW_RESOURCES = [BUCKET, OBJECTS, SECRET, QUEUE, `arn:aws:sqs:us-east-1:${ACCOUNT}:*`, '*', `${BUCKET}/\${aws:username}/*`];

function narrowWorld(r: () => number) {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const statement = (): object => {
    const roll = r();
    if (roll < 0.12)
      return { Effect: pick(['Allow', 'Deny']), NotAction: pick([['s3:*'], ['sqs:Delete*'], ['s3:Put*', 'sqs:*']]), Resource: pick([QUEUE, OBJECTS, '*']) };
    return (roll < 0.3 ? deny : allow)(pick(NARROW_ACTIONS), pick(NARROW_RESOURCES), pick(CONDITIONS));
  };
  const policy = () => doc(...Array.from({ length: 1 + Math.floor(r() * 3) }, statement));
  const shared: Record<string, string> = {};
  for (let i = 0; i < 4; i++) shared[`n${i}`] = policy();
  const principals = Array.from({ length: 12 }, (_, i) => ({
    name: `q${i}`,
    type: (i % 3 === 1 ? 'ROLE' : 'USER') as 'USER' | 'ROLE',
    // Everyone holds n0 (the edited one); the others by chance; an inline policy of its own now and then.
    policies: ['n0', ...Object.keys(shared).filter((n) => n !== 'n0' && r() < 0.4)],
    inline: r() < 0.3 ? policy() : null,
    tags: (r() < 0.2 ? { team: pick(['red', 'blue']) } : {}) as Record<string, string>,
  }));
  return { shared, principals };
}
type NarrowWorld = ReturnType<typeof narrowWorld>;

function narrowState(w: NarrowWorld) {
  const version = (name: string) => `v${Buffer.from(w.shared[name]).length}`;
  const principals = w.principals.map((p) => {
    const own = p.policies.map((n) => managed(n, version(n), w.shared[n]));
    const m = (p.type === 'USER' ? user : role)(p.name, own, { tags: p.tags });
    if (p.inline) m.policies = [...m.policies, inline(m.arn, 'own', p.inline)];
    return m;
  });
  return state(principals, [resource(QUEUE, {}), resource(BUCKET, {})]);
}

describe('accessChanges equals brute force where principal groups are narrowed to the changed actions', () => {
  test('a new text of a policy every principal holds, each principal with other policies of its own', () => {
    let changed = 0;
    let grouped = 0;
    for (let seed = 1; seed <= Number(process.env.CHANGES_SEEDS ?? 40); seed++) {
      const r = prng(1000 + seed);
      const w1 = narrowWorld(r);
      const w2: NarrowWorld = JSON.parse(JSON.stringify(w1));
      w2.shared.n0 = narrowWorld(r).shared.n1;
      const before = narrowState(w1);
      const after = narrowState(w2);
      const diff = accessChanges(before, after);
      grouped += diff.principalsAffected;

      const ib = new AccessIndex(before.model, before.estate);
      const ia = new AccessIndex(after.model, after.estate);
      const expected = new Map<string, string>();
      for (const pa of after.model.principals) {
        const pb = before.model.principals.find((p) => p.arn === pa.arn)!;
        // The diff's universe: the actions the principal's own statements name (old and new; a
        // NotAction statement is evaluated for those), on the patterns they name.
        const patterns = new Set<string>();
        const actions = new Set<string>();
        for (const p of [pb, pa])
          for (const d of p.policies)
            for (const st of statementsOf(d.document)) {
              for (const x of st.resource ?? ['*']) patterns.add(x);
              for (const a of st.action ?? [])
                for (const x of /[*?]/.test(a) ? expandActionPattern(a).map((c) => c.name) : [findAction(a)?.name ?? a]) actions.add(x);
            }
        const xb = ib.principal(pa.arn)!;
        const xa = ia.principal(pa.arn)!;
        for (const action of actions)
          for (const raw of patterns) {
            // The diff gives a pattern's policy variables the principal's values (a role has no aws:username: kept as written).
            const pattern = pa.type === 'USER' ? raw.replace('${aws:username}', pa.name) : raw;
            if (!actionApplies(action, pattern)) continue;
            const rb = ib.evaluateFor(xb, action, pattern, new Map(), ib.resourceContext(pattern));
            const ra = ia.evaluateFor(xa, action, pattern, new Map(), ia.resourceContext(pattern));
            if (levelOf(rb) !== levelOf(ra)) expected.set(`${pa.arn} ${action} ${pattern} ${levelOf(rb)}->${levelOf(ra)}`, `${rb.decision}->${ra.decision}`);
          }
      }
      const got = new Map(
        diff.changes.map((c) => [
          `${c.principal.model.arn} ${c.action} ${c.resource} ${c.beforeLevel}->${c.afterLevel}`,
          `${c.before?.decision}->${c.after?.decision}`,
        ]),
      );
      changed += expected.size;
      assert.deepEqual([...got].sort(), [...expected].sort(), `seed ${seed}`);
    }
    assert.ok(changed > 50, `the edits changed access (${changed} changes)`);
    assert.ok(grouped > 0);
  });

  test('an action the catalog does not know, named by the edited policy, is decided for each holder by its own wildcards (the engine matches s3:Get* to it)', () => {
    const old = doc(allow('s3:GetObjectFrobnicate', '*'));
    const now = doc(allow('s3:PutObject', BUCKET));
    const holders = (text: string) => [
      user('plain', [managed('n0', `v${text.length}`, text), managed('send', 'v1', doc(allow('sqs:SendMessage', '*')))]),
      user('wide', [managed('n0', `v${text.length}`, text), managed('get', 'v1', doc(allow('s3:Get*', '*')))]),
    ];
    const diff = accessChanges(state(holders(old)), state(holders(now)));
    const lost = diff.changes.filter((c) => c.action === 's3:GetObjectFrobnicate').map(brief);
    assert.deepEqual(lost, ['LOST user/plain s3:GetObjectFrobnicate *'], 'the holder with s3:Get* on * keeps it');
  });
});

// ---------------------------------------------------------------------------------------------
// Brute force with wildcards, trust policies and resource policies: the shortcuts (actions alike,
// resources alike, a resource policy's statements on its own resources only) against every
// (principal, action, pattern)

const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const BUCKET2 = 'arn:aws:s3:::archive';
const TRUSTED = ['t0', 't1', 't2', 't3'].map((n) => iam(`role/${n}`));
const WIDE_ACTIONS = ['s3:*', 's3:GetObject', 's3:List*', 'sts:AssumeRole', 'sts:AssumeRole', 'sts:*', 'kms:Decrypt', 'kms:*', 'sqs:*', 'iam:GetRole'];
const WIDE_RESOURCES = [
  '*',
  '*',
  iam('role/t*'),
  TRUSTED[2],
  BUCKET,
  OBJECTS,
  `${BUCKET2}/*`,
  TRUSTED[0],
  iam('role/*'),
  KEY,
  `arn:aws:kms:us-east-1:${ACCOUNT}:key/*`,
  QUEUE,
];
const WIDE_CONDITIONS: (object | undefined)[] = [
  undefined,
  undefined,
  undefined,
  { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
  { StringEquals: { 'aws:ResourceTag/env': 'prod' } },
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
];
const TRUSTS = [
  doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }),
  doc({ Effect: 'Allow', Principal: { AWS: iam('user/p0') }, Action: ['sts:AssumeRole', 'sts:TagSession'] }),
  doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
];
const BUCKET_POLICIES = [
  doc({ Effect: 'Allow', Principal: { AWS: iam('user/p2') }, Action: 's3:GetObject', Resource: [OBJECTS, `${BUCKET2}/*`] }),
  doc({
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [OBJECTS, `${BUCKET2}/*`],
    Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  }),
];
const KEY_POLICIES = [
  doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }),
  doc({ Effect: 'Allow', Principal: { AWS: iam('user/p0') }, Action: 'kms:Decrypt', Resource: '*' }),
];

interface WideWorld extends RandomWorld {
  trust: Record<string, number>;
  bucketPolicies: Record<string, number | null>;
  keyPolicy: number | null;
}

function wideWorld(r: () => number): WideWorld {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const statement = () =>
    (r() < 0.2 ? deny : allow)(pick(WIDE_ACTIONS), r() < 0.3 ? [pick(WIDE_RESOURCES), pick(WIDE_RESOURCES)] : pick(WIDE_RESOURCES), pick(WIDE_CONDITIONS));
  const policy = () => doc(...Array.from({ length: 1 + Math.floor(r() * 3) }, statement));
  const managedPolicies: Record<string, string> = {};
  for (let i = 0; i < 5; i++) managedPolicies[`m${i}`] = policy();
  const principals = Array.from({ length: 5 }, (_, i) => ({
    name: `p${i}`,
    type: (i % 2 ? 'ROLE' : 'USER') as 'USER' | 'ROLE',
    policies: Object.keys(managedPolicies).filter(() => r() < 0.35),
    tags: (r() < 0.5 ? { team: pick(['red', 'blue']) } : {}) as Record<string, string>,
    boundary: r() < 0.15 ? 'm0' : null,
  }));
  const trust: Record<string, number> = {};
  for (const arn of [...TRUSTED, iam('role/p1'), iam('role/p3')]) trust[arn] = Math.floor(r() * TRUSTS.length);
  return {
    principals,
    managed: managedPolicies,
    tags: { [QUEUE]: {}, [BUCKET]: r() < 0.5 ? { env: 'prod' } : {}, [BUCKET2]: r() < 0.5 ? { env: 'prod' } : {}, [KEY]: {} },
    bucketPolicy: null,
    trust,
    bucketPolicies: { [BUCKET]: r() < 0.7 ? 0 : 1, [BUCKET2]: r() < 0.5 ? 0 : null },
    keyPolicy: r() < 0.7 ? 0 : null,
  };
}

function wideMutate(w: WideWorld, r: () => number): WideWorld {
  const next = { ...(mutate(w, r) as WideWorld) };
  next.trust = { ...w.trust };
  next.bucketPolicies = { ...w.bucketPolicies };
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  if (next.managed.m1 !== w.managed.m1) next.managed.m1 = wideWorld(r).managed.m1;
  const k = Math.floor(r() * 4);
  if (k === 0) next.trust[pick(Object.keys(next.trust))] = Math.floor(r() * TRUSTS.length);
  else if (k === 1) next.bucketPolicies[pick([BUCKET, BUCKET2])] = pick([0, 1, null]);
  else if (k === 2) next.keyPolicy = pick([0, 1, null]);
  else next.managed[pick(Object.keys(next.managed))] = wideWorld(r).managed.m2;
  return next;
}

function wideState(w: WideWorld) {
  const base = toState(w);
  const extra = TRUSTED.map((arn) => role(arn.split('/').pop()!, []));
  const principals = [...base.model.principals, ...extra].sort((a, b) => (a.arn < b.arn ? -1 : 1));
  const arns = new Set(principals.map((p) => p.arn));
  return state(
    principals,
    Object.entries(w.tags).map(([arn, tags]) => resource(arn, tags)),
    {
      trustPolicies: Object.entries(w.trust)
        .filter(([arn]) => arns.has(arn))
        .map(([arn, t]) => ({ arn, document: TRUSTS[t] })),
      resourcePolicies: [
        ...Object.entries(w.bucketPolicies)
          .filter(([, t]) => t !== null)
          .map(([arn, t]) => ({ arn, ownerAccountId: ACCOUNT, document: BUCKET_POLICIES[t!] })),
        ...(w.keyPolicy !== null ? [{ arn: KEY, ownerAccountId: ACCOUNT, document: KEY_POLICIES[w.keyPolicy] }] : []),
      ],
    },
  );
}

describe('accessChanges equals brute force with wildcards, trust and resource policies', () => {
  test('every (principal, action, pattern): own patterns for every action; resource-policy patterns; roles for sts actions; also with a what-if’s shared objects', () => {
    let changed = 0;
    let onRoles = 0;
    for (let seed = 1; seed <= Number(process.env.CHANGES_SEEDS ?? 20); seed++) {
      const r = prng(1000 + seed);
      const w1 = wideWorld(r);
      const w2 = wideMutate(w1, r);
      const before = wideState(w1);
      const after = wideState(w2);
      const diff = accessChanges(before, after);
      const ib = new AccessIndex(before.model, before.estate);
      const ia = new AccessIndex(after.model, after.estate);
      const expand = (a: string) => (/[*?]/.test(a) ? expandActionPattern(a).map((c) => c.name) : [findAction(a)?.name ?? a]);
      const actions = new Set<string>();
      const texts = [w1, w2].flatMap((w) => Object.values(w.managed));
      for (const t of [...texts, ...TRUSTS, ...BUCKET_POLICIES, ...KEY_POLICIES])
        for (const st of statementsOf(t)) for (const a of st.action ?? []) for (const x of expand(a)) actions.add(x);
      // Patterns every principal has: each resource policy's resource and Resource entries (both
      // states); each role with a trust policy, for sts actions only.
      const shared = new Set<string>();
      const stsOnly = new Set<string>();
      for (const s of [before, after]) {
        for (const p of s.estate.data.resourcePolicies) {
          shared.add(p.arn);
          for (const st of statementsOf(p.document)) for (const x of st.resource ?? []) if (x !== '*') shared.add(x);
        }
        for (const t of s.estate.data.trustPolicies) stsOnly.add(t.arn);
      }
      const expected = new Set<string>();
      const arns = new Set([...before.model.principals, ...after.model.principals].map((p) => p.arn));
      for (const arn of arns) {
        const pb = before.model.principals.find((p) => p.arn === arn);
        const pa = after.model.principals.find((p) => p.arn === arn);
        const patterns = new Set(shared);
        for (const p of [pb, pa])
          for (const d of [...(p?.policies ?? []).map((x) => x.document), p?.permissionsBoundary?.document])
            for (const st of statementsOf(d)) for (const x of st.resource ?? ['*']) patterns.add(x);
        const all = [...patterns, ...[...stsOnly].filter((x) => !patterns.has(x))];
        for (const pattern of all)
          for (const action of actions) {
            if (!actionApplies(action, pattern)) continue;
            if (!patterns.has(pattern) && !action.toLowerCase().startsWith('sts:')) continue;
            const xb = ib.principal(arn);
            const xa = ia.principal(arn);
            const rb = xb ? ib.evaluateFor(xb, action, pattern, new Map(), ib.resourceContext(pattern)) : null;
            const ra = xa ? ia.evaluateFor(xa, action, pattern, new Map(), ia.resourceContext(pattern)) : null;
            if (levelOf(rb) !== levelOf(ra)) expected.add(`${arn} ${action} ${pattern} ${levelOf(rb)}->${levelOf(ra)}`);
          }
      }
      const got = new Set(
        diff.changes.filter((c) => !c.principal.external).map((c) => `${c.principal.model.arn} ${c.action} ${c.resource} ${c.beforeLevel}->${c.afterLevel}`),
      );
      changed += expected.size;
      onRoles += [...expected].filter((x) => TRUSTED.some((t) => x.includes(` ${t} `))).length;
      assert.deepEqual([...got].sort(), [...expected].sort(), `seed ${seed}`);
      // The later state as a what-if builds it (what-if.ts applyChanges): the principals and
      // resources it leaves alone are the earlier state's objects, and the estate is the earlier
      // one, or rebuilt over the same organization when a trust or resource policy changed. The
      // diff takes shortcuts for shared objects (and the index reuses contexts): same answer.
      const same = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
      const kept = new Map(before.model.principals.map((p) => [p.arn, p]));
      const estateSame = same(before.estate.data, after.estate.data);
      const whatIfLike = {
        model: {
          ...after.model,
          principals: after.model.principals.map((p) => (same(kept.get(p.arn), p) ? kept.get(p.arn)! : p)),
          resources: same(before.model.resources, after.model.resources) ? before.model.resources : after.model.resources,
        },
        estate: estateSame
          ? before.estate
          : buildEstate({ ...before.estate.data, trustPolicies: after.estate.data.trustPolicies, resourcePolicies: after.estate.data.resourcePolicies }),
      };
      const viaShared = accessChanges(before, whatIfLike);
      assert.deepEqual(
        viaShared.changes
          .filter((c) => !c.principal.external)
          .map((c) => `${c.principal.model.arn} ${c.action} ${c.resource} ${c.beforeLevel}->${c.afterLevel}`)
          .sort(),
        [...expected].sort(),
        `seed ${seed}, shared objects`,
      );
      // Every result the diff gives is the engine's own for that very (principal, action, resource).
      for (const c of diff.changes) {
        if (c.principal.external) continue;
        const x = ia.principal(c.principal.model.arn);
        if (x && c.after)
          assert.deepEqual(c.after, ia.evaluateFor(x, c.action, c.resource, new Map(), ia.resourceContext(c.resource)), `seed ${seed} ${c.key}`);
      }
    }
    assert.ok(changed > 50, `the random edits changed access (${changed} changes)`);
    assert.ok(onRoles > 10, `changes on roles through their trust policies (${onRoles})`);
  });
});
