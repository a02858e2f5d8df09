/**
 * The access index's candidate filter must never change an answer: for random questions on
 * generated accounts (bench/store/generate.ts, imported like a user's files), the indexed
 * `whoCan` equals evaluating every principal (`bruteForce: true`) exactly — same principals in the
 * same order, same decisions, conditional flags, matchedStatements and missingContextKeys — with
 * and without includeConditional. Fixed seeds; bounded to ~30 s.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { generateAccount, prng } from '../../bench/store/generate.js';
import { openStore, type Store } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel, type AccountModel } from '../../src/store/account-model.js';
import { AccessIndex, type Evaluated } from '../../src/access/access-index.js';
import { callerContext, whoCan, whatCan } from '../../src/access/questions.js';
import { actionsForService, expandActionPattern, findAction } from '../../src/catalog/index.js';
import { parsePolicy } from '../../src/policy/parse.js';
import type { ContextEntry } from '../../src/engine/context.js';
import { isPrincipalContextKey, principalContextEntries } from '../../src/access/stored-context.js';

const SEEDS = [1, 7, 2024];
// Fixed counts (not a time budget), so every run checks the same questions.
const RUNS_PER_SEED = 1000;
const QUESTIONS_PER_SEED = 400;

interface Fixture {
  seed: number;
  store: Store;
  model: AccountModel;
  index: AccessIndex;
  actions: string[];
  resources: string[];
}

const fixtures: Fixture[] = [];
const dirs: string[] = [];

/** Imports a generated account into a fresh temporary database, as `accessql import` would. */
export function importGenerated(size: 'small' | 'medium' | 'large', seed: number, dbFile: string): Store {
  const account = generateAccount(size, seed);
  const files = [
    ...account.authorizationPages.map((p, i) => ({ name: `authorization-details-${i + 1}.json`, text: JSON.stringify(p) })),
    ...account.resourcePages.map((p, i) => ({ name: `resources-${i + 1}.json`, text: JSON.stringify(p) })),
  ];
  const store = openStore(dbFile);
  importFiles(store, files);
  return store;
}

/** Every action the account's policies mention (wildcards expanded, a sample of each), plus other actions of the same services. */
function questionActions(model: AccountModel, seed: number): string[] {
  const rnd = prng(seed);
  const mentioned = new Set<string>();
  const services = new Set<string>();
  const texts = new Set<string>();
  for (const p of model.principals) {
    for (const pol of p.policies) texts.add(pol.document);
    if (p.permissionsBoundary?.document) texts.add(p.permissionsBoundary.document);
  }
  for (const text of texts) {
    for (const st of parsePolicy(text, { lenient: true }).document.statements) {
      for (const a of [...(st.action ?? []), ...(st.notAction ?? [])]) {
        if (a === '*') continue;
        services.add(a.slice(0, a.indexOf(':')).toLowerCase());
        if (!/[*?]/.test(a)) {
          mentioned.add(findAction(a)?.name ?? a);
        } else {
          const expanded = expandActionPattern(a);
          for (let k = 0; k < 3 && expanded.length; k++) mentioned.add(expanded[Math.floor(rnd() * expanded.length)].name);
        }
      }
    }
  }
  for (const s of services) {
    const all = actionsForService(s);
    for (let k = 0; k < 6 && all.length; k++) mentioned.add(all[Math.floor(rnd() * all.length)].name);
  }
  // Some upper/lower-case variants: action names are case-insensitive.
  const list = [...mentioned].sort();
  for (let k = 0; k < 10; k++) {
    const a = list[Math.floor(rnd() * list.length)];
    list.push(k % 2 ? a.toUpperCase() : a.toLowerCase());
  }
  return list;
}

/** The stored resources, plus ARNs and patterns the generated policies talk about. */
function questionResources(model: AccountModel, accountId: string): string[] {
  const out = new Set<string>(model.resources.map((r) => r.arn));
  const users = model.principals.filter((p) => p.type === 'USER').slice(0, 5);
  const instance = model.resources.find((r) => /:instance\/[^/]+$/.test(r.arn))?.arn ?? `arn:aws:connect:us-east-1:${accountId}:instance/x`;
  for (const r of [
    '*',
    `${instance}/*`,
    `${instance}/contact/*`,
    `${instance}/agent/*`,
    `arn:aws:connect:us-east-1:${accountId}:instance/*`,
    'arn:aws:s3:::home-bucket',
    'arn:aws:s3:::home-bucket/*',
    'arn:aws:s3:::sales-data-7',
    'arn:aws:s3:::sales-data-7/report.csv',
    `arn:aws:dynamodb:us-east-1:${accountId}:table/sales-orders`,
    `arn:aws:dynamodb:eu-west-1:${accountId}:table/*`,
    `arn:aws:lambda:us-west-2:${accountId}:function:ops-deploy`,
    `arn:aws:kms:eu-central-1:${accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    `arn:aws:iam::${accountId}:role/sales/worker`,
    `arn:aws:logs:us-east-1:${accountId}:log-group:/aws/lambda/x:*`,
    `arn:aws:sqs:ap-southeast-2:${accountId}:ops-queue`,
    `arn:aws:ec2:us-east-1:${accountId}:instance/i-0123456789abcdef0`,
    `arn:aws:connect:us-east-1:999999999999:instance/other-account`,
  ])
    out.add(r);
  for (const u of users) {
    out.add(u.arn);
    out.add(`arn:aws:s3:::home-bucket/${u.name}/notes.txt`);
  }
  return [...out];
}

const CONTEXT_ENTRIES: ContextEntry[] = [
  { key: 'aws:RequestedRegion', values: ['us-east-1'] },
  { key: 'aws:RequestedRegion', values: ['eu-west-1'] },
  { key: 'aws:MultiFactorAuthPresent', values: ['true'] },
  { key: 'aws:MultiFactorAuthPresent', values: ['false'] },
  { key: 'aws:SourceIp', values: ['203.0.113.7'] },
  { key: 'aws:SourceIp', values: ['192.0.2.1'] },
  { key: 'aws:PrincipalTag/team', values: ['sales'] },
  { key: 'aws:PrincipalTag/department', values: ['finance'] },
  { key: 'aws:ResourceTag/team', values: ['voice'] },
  { key: 'aws:ResourceTag/team', values: ['support'] },
  { key: 'aws:TagKeys', values: ['team', 'env'] },
  { key: 'aws:username', values: ['user00001.sales'] },
];

/** Everything an answer says, in a form deepEqual compares exactly. */
function observable(list: Evaluated[]) {
  return list.map(({ principal, result }) => ({
    arn: principal.model.arn,
    decision: result.decision,
    conditional: result.conditional,
    missingContextKeys: result.missingContextKeys,
    matchedStatements: result.matchedStatements,
    conditionalStatements: result.conditionalStatements,
  }));
}

before(() => {
  for (const seed of SEEDS) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-index-'));
    dirs.push(dir);
    const store = importGenerated('small', seed, path.join(dir, 'account.db'));
    const model = loadAccountModel(store);
    const accountId = model.principals[0].accountId;
    fixtures.push({ seed, store, model, index: new AccessIndex(model), actions: questionActions(model, seed), resources: questionResources(model, accountId) });
  }
});

after(() => {
  for (const f of fixtures) f.store.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('access index vs brute force on generated accounts', () => {
  test('the generated accounts are non-trivial (principals, resources, actions, some allowed answers)', () => {
    for (const f of fixtures) {
      assert.ok(f.model.principals.length >= 80, `seed ${f.seed}: ${f.model.principals.length} principals`);
      assert.ok(f.model.resources.length >= 200);
      assert.ok(f.actions.length >= 50, `seed ${f.seed}: ${f.actions.length} actions`);
    }
  });

  test('index.whoCan equals index.whoCan(…, { bruteForce: true }) exactly, with and without includeConditional', (t) => {
    const stats = { runs: 0, allowed: 0, conditional: 0, nonEmpty: 0, filtered: 0 };
    for (const f of fixtures) {
      const question = fc.record({
        action: fc.constantFrom(...f.actions),
        resource: fc.constantFrom(...f.resources),
        context: fc.subarray(CONTEXT_ENTRIES, { maxLength: 3 }),
        includeConditional: fc.boolean(),
      });
      fc.assert(
        fc.property(question, ({ action, resource, context, includeConditional }) => {
          // Keep one value per key (the API merges repeated keys the same way for both paths).
          const byKey = new Map(context.map((e) => [e.key.toLowerCase(), e]));
          const caller = callerContext([...byKey.values()]);
          const resourceContext = f.index.resourceContext(resource);
          const indexed = f.index.whoCan(action, resource, caller, resourceContext, { includeConditional });
          const brute = f.index.whoCan(action, resource, caller, resourceContext, { includeConditional, bruteForce: true });
          assert.deepEqual(observable(indexed), observable(brute));
          stats.runs++;
          if (indexed.length) stats.nonEmpty++;
          stats.allowed += indexed.filter((e) => e.result.decision === 'ALLOWED').length;
          stats.conditional += indexed.filter((e) => e.result.decision !== 'ALLOWED').length;
          if (f.index.candidatesFor(action).length < f.index.principals.length) stats.filtered++;
        }),
        { seed: 20240515 + f.seed, numRuns: RUNS_PER_SEED },
      );
    }
    // The property must have been exercised on real answers, not on empty ones.
    assert.ok(stats.runs >= 300, JSON.stringify(stats));
    assert.ok(stats.nonEmpty > stats.runs / 10, JSON.stringify(stats));
    assert.ok(stats.allowed > 0 && stats.conditional > 0, JSON.stringify(stats));
    assert.ok(stats.filtered > stats.runs / 4, `the filter must actually filter: ${JSON.stringify(stats)}`);
    t.diagnostic(JSON.stringify(stats));
  });

  test('every stored resource, for every action the policies name: questions.whoCan (resource scope) indexed equals brute force', () => {
    let asked = 0;
    for (const f of fixtures) {
      const rnd = prng(f.seed);
      for (let i = 0; i < QUESTIONS_PER_SEED; i++) {
        const action = f.actions[Math.floor(rnd() * f.actions.length)];
        const resource = f.resources[Math.floor(rnd() * f.resources.length)];
        const includeConditional = rnd() < 0.5;
        let indexed;
        try {
          indexed = whoCan(f.index, action, resource, undefined, { includeConditional });
        } catch (e) {
          // A resource the action does not apply to: both paths must refuse alike.
          assert.throws(() => whoCan(f.index, action, resource, undefined, { includeConditional, bruteForce: true }), { message: (e as Error).message });
          continue;
        }
        const brute = whoCan(f.index, action, resource, undefined, { includeConditional, bruteForce: true });
        assert.equal(indexed.evaluatedResource, brute.evaluatedResource);
        assert.deepEqual(observable(indexed.entries), observable(brute.entries), `${action} on ${resource}`);
        asked++;
      }
    }
    assert.ok(asked > 100, `${asked} questions answered`);
  });

  test('whatCan agrees with whoCan: an action is in whatCan(P, R) exactly when P is in whoCan(action, R)', () => {
    const f = fixtures[0];
    const rnd = prng(99);
    const connectResources = f.resources.filter((r) => r.startsWith('arn:aws:connect:') && !r.includes('*') && !r.includes('999999999999'));
    for (let i = 0; i < 6; i++) {
      const resource = connectResources[Math.floor(rnd() * connectResources.length)];
      const principal = f.index.principals[Math.floor(rnd() * f.index.principals.length)];
      // Each entry names the resource it was evaluated on: the resource, or its children's pattern.
      for (const e of whatCan(f.index, principal.model.arn, resource, undefined).entries) {
        const who = f.index.whoCan(e.action, e.resource, callerContext([]), f.index.resourceContext(e.resource));
        assert.ok(
          who.some((w) => w.principal === principal),
          `${principal.model.arn} ${e.action} ${e.resource}`,
        );
      }
    }
  });
});

/**
 * A hand-made account aimed at what the index shares between principals: policy variables in
 * Resource and NotResource (with another entry that matches anyway, so a role's missing
 * aws:username is kept), aws:PrincipalTag / aws:PrincipalArn conditions, variables with defaults,
 * a Deny that only applies to some principals, a boundary with variables, a 2008-10-17 policy where
 * ${…} is literal text, the same statement text in two policies, and caller context overriding a
 * stored principal key.
 */
describe('access index vs brute force on principal-dependent statements', () => {
  const ACCOUNT = '111122223333';
  const iam = (rest: string) => `arn:aws:iam::${ACCOUNT}:${rest}`;
  const doc = (statements: unknown[], version = '2012-10-17') => ({ Version: version, Statement: statements });
  const VARS = doc([
    { Sid: 'HomeOrAll', Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::home/${aws:username}/*', '*'] },
    { Sid: 'NotOwnHome', Effect: 'Allow', Action: 's3:PutObject', NotResource: ['arn:aws:s3:::home/${aws:username}/*'] },
    { Sid: 'SalesList', Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'sales' } } },
    {
      Sid: 'OwnTeamTags',
      Effect: 'Allow',
      Action: 's3:GetBucketTagging',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
    },
    {
      Sid: 'DenyNonSalesDelete',
      Effect: 'Deny',
      Action: 's3:DeleteObject',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'sales' } },
    },
    { Sid: 'Delete', Effect: 'Allow', Action: 's3:DeleteObject', Resource: '*' },
    { Sid: 'OwnUser', Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' },
    { Sid: 'TeamRoles', Effect: 'Allow', Action: 'iam:GetRole', Resource: "arn:aws:iam::*:role/${aws:PrincipalTag/team, 'none'}*" },
    {
      Sid: 'RolesOnly',
      Effect: 'Allow',
      Action: 's3:GetObjectTagging',
      Resource: '*',
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } },
    },
    {
      Sid: 'AnyTeam',
      Effect: 'Allow',
      Action: 'sqs:SendMessage',
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalTag/team': ['sales', 'ops'] }, StringEqualsIfExists: { 'aws:PrincipalTag/department': 'cx' } },
    },
    { Sid: 'ByUserId', Effect: 'Allow', Action: 'sqs:ReceiveMessage', Resource: 'arn:aws:sqs:*:*:${aws:userid}' },
  ]);
  const DUPLICATE = doc([
    { Sid: 'SameTextElsewhere', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::home/${aws:username}/*', '*'] },
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'sales' } } },
  ]);
  const LITERAL = doc([{ Sid: 'Literal', Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' }], '2008-10-17');
  const BOUNDARY = doc([
    { Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::shared*'] },
    { Effect: 'Allow', Action: ['iam:Get*', 'sqs:*'], Resource: '*' },
  ]);
  const policy = (name: string, document: unknown) => ({
    PolicyName: name,
    PolicyId: `ANPA${name.toUpperCase().padEnd(17, 'X')}`,
    Arn: iam(`policy/${name}`),
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2024-01-01T00:00:00Z',
    UpdateDate: '2024-01-01T00:00:00Z',
    PolicyVersionList: [{ Document: document, VersionId: 'v1', IsDefaultVersion: true, CreateDate: '2024-01-01T00:00:00Z' }],
  });
  const attached = (...names: string[]) => names.map((n) => ({ PolicyName: n, PolicyArn: iam(`policy/${n}`) }));
  const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
  const user = (name: string, t: Record<string, string>, policies: string[], boundary?: string) => ({
    Path: '/',
    UserName: name,
    UserId: `AIDA${name
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .padEnd(17, 'X')}`,
    Arn: iam(`user/${name}`),
    CreateDate: '2024-01-01T00:00:00Z',
    UserPolicyList: [],
    GroupList: [],
    AttachedManagedPolicies: attached(...policies),
    Tags: tags(t),
    ...(boundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: iam(`policy/${boundary}`) } } : {}),
  });
  const role = (name: string, t: Record<string, string>, policies: string[]) => ({
    Path: '/',
    RoleName: name,
    RoleId: `AROA${name
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .padEnd(17, 'X')}`,
    Arn: iam(`role/${name}`),
    CreateDate: '2024-01-01T00:00:00Z',
    AssumeRolePolicyDocument: doc([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
    InstanceProfileList: [],
    RolePolicyList: [],
    AttachedManagedPolicies: attached(...policies),
    Tags: tags(t),
    RoleLastUsed: {},
  });
  const details = {
    UserDetailList: [
      user('u1', { team: 'sales', department: 'cx' }, ['vars']),
      user('u2', { team: 'sales' }, ['vars', 'duplicate'], 'boundary'),
      user('u3', { team: 'ops' }, ['vars', 'literal']),
      user('u4', {}, ['vars', 'duplicate']),
      user('u5', { team: 'sales', department: 'it' }, ['duplicate', 'literal']),
    ],
    GroupDetailList: [],
    RoleDetailList: [role('sales-r1', { team: 'sales' }, ['vars']), role('r2', {}, ['vars', 'duplicate']), role('ops-r3', { team: 'ops' }, ['vars'])],
    Policies: [policy('vars', VARS), policy('duplicate', DUPLICATE), policy('literal', LITERAL), policy('boundary', BOUNDARY)],
  };
  const resources = {
    ResourceTagMappingList: [
      { ResourceARN: 'arn:aws:s3:::shared-sales', Tags: [{ Key: 'team', Value: 'sales' }] },
      { ResourceARN: 'arn:aws:s3:::shared-ops', Tags: [{ Key: 'team', Value: 'ops' }] },
    ],
  };
  let store: Store;
  let index: AccessIndex;
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-index-vars-'));
    store = openStore(path.join(dir, 'vars.db'));
    importFiles(store, [
      { name: 'details.json', text: JSON.stringify(details) },
      { name: 'resources.json', text: JSON.stringify(resources) },
    ]);
    index = new AccessIndex(loadAccountModel(store));
  });
  after(() => {
    store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every stored principal context key is one isPrincipalContextKey knows (the index relies on it)', () => {
    const all = [...index.principals.map((p) => p.model)];
    for (const f of fixtures) all.push(...f.model.principals);
    for (const m of all) for (const e of principalContextEntries(m)) assert.ok(isPrincipalContextKey(e.key.toLowerCase()), e.key);
  });

  test('indexed whoCan equals brute force for every action × resource × context, with and without includeConditional', () => {
    assert.equal(index.principals.length, 8);
    const actions = [
      's3:GetObject',
      's3:PutObject',
      's3:ListBucket',
      's3:GetBucketTagging',
      's3:DeleteObject',
      'iam:GetUser',
      'iam:GetRole',
      's3:GetObjectTagging',
      'sqs:SendMessage',
      'sqs:ReceiveMessage',
    ];
    const resourcesAsked = [
      '*',
      'arn:aws:s3:::home/u1/a.txt',
      'arn:aws:s3:::home/u2/a.txt',
      'arn:aws:s3:::home/sales-r1/a.txt',
      'arn:aws:s3:::shared-sales',
      'arn:aws:s3:::shared-ops',
      'arn:aws:s3:::other',
      iam('user/u1'),
      iam('user/u3'),
      iam('user/${aws:username}'),
      iam('role/sales-r1'),
      iam('role/ops-r3'),
      iam('role/none-x'),
      `arn:aws:sqs:us-east-1:${ACCOUNT}:q`,
      `arn:aws:sqs:us-east-1:${ACCOUNT}:AIDAU1XXXXXXXXXXXXXXX`,
      `arn:aws:sqs:us-east-1:999988887777:q`,
    ];
    const contexts: ContextEntry[][] = [
      [],
      [{ key: 'aws:ResourceTag/team', values: ['sales'] }],
      [{ key: 'aws:PrincipalTag/team', values: ['ops'] }],
      [{ key: 'aws:username', values: ['u1'] }],
      [
        { key: 'aws:PrincipalTag/department', values: ['cx'] },
        { key: 'aws:PrincipalArn', values: [iam('role/x')] },
      ],
    ];
    let nonEmpty = 0;
    let conditional = 0;
    let denied = 0;
    for (const action of actions) {
      for (const resource of resourcesAsked) {
        for (const entries of contexts) {
          const caller = callerContext(entries);
          const rc = index.resourceContext(resource);
          for (const includeConditional of [false, true]) {
            const indexed = observable(index.whoCan(action, resource, caller, rc, { includeConditional }));
            const brute = observable(index.whoCan(action, resource, caller, rc, { includeConditional, bruteForce: true }));
            assert.deepEqual(indexed, brute, `${action} on ${resource} with ${JSON.stringify(entries)}${includeConditional ? ', includeConditional' : ''}`);
            if (indexed.length) nonEmpty++;
            conditional += indexed.filter((e) => e.conditional).length;
            denied += indexed.filter((e) => e.decision === 'EXPLICIT_DENY').length;
          }
        }
      }
    }
    // The fixture does exercise the interesting cases.
    assert.ok(nonEmpty > 200, `${nonEmpty}`);
    assert.ok(conditional > 20, `${conditional}`);
    assert.ok(denied > 0, `${denied}`);
  });

  test("sharing does not leak one principal's answer to another: iam:GetUser on u1 is u1 only; a role's missing aws:username is reported", () => {
    const who = index.whoCan('iam:GetUser', iam('user/u1'), callerContext([]), EMPTY);
    assert.deepEqual(
      who.map((e) => e.principal.model.arn),
      [iam('user/u1')],
    );
    const get = index.whoCan('s3:GetObject', 'arn:aws:s3:::home/u1/a.txt', callerContext([]), EMPTY);
    const role = get.find((e) => e.principal.model.arn === iam('role/r2'));
    assert.ok(role, 'r2 is allowed through "*"');
    assert.deepEqual(role.result.missingContextKeys, ['aws:username']);
    const u1 = get.find((e) => e.principal.model.arn === iam('user/u1'))!;
    assert.deepEqual(u1.result.missingContextKeys, []);
  });
});

const EMPTY = new Map();

/**
 * Random accounts (fixed seed): principals with random tags, policies drawn from statements with
 * conditions on principal keys, policy variables (with and without values and defaults),
 * NotResource, negated operators, Denies, and random permissions boundaries. The index must decide
 * exactly as the engine does for every principal ("Policy evaluation logic"; "Policy variables
 * with no value"; "IAM JSON policy elements: Resource", wildcards in ARN segments).
 */
describe('access index vs brute force on random accounts (fixed seed)', () => {
  const ACCOUNT = '444455556666';
  const iam = (rest: string) => `arn:aws:iam::${ACCOUNT}:${rest}`;
  const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'iam:GetUser', 'iam:GetRole', 'sqs:SendMessage', 'logs:PutLogEvents'];
  const RESOURCES = [
    '*',
    'arn:aws:s3:::home/u0/a',
    'arn:aws:s3:::home/u1/a',
    'arn:aws:s3:::team-sales/x',
    'arn:aws:s3:::team-ops/x',
    iam('user/u0'),
    iam('user/u2'),
    iam('role/sales-r'),
    `arn:aws:sqs:us-east-1:${ACCOUNT}:q`,
    `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app-1:log-stream:s`,
    `arn:aws:s3:::other`,
  ];
  const resourceEntry = fc.constantFrom(
    '*',
    'arn:aws:s3:::home/${aws:username}/*',
    "arn:aws:s3:::team-${aws:PrincipalTag/team, 'none'}/*",
    'arn:aws:s3:::team-${aws:PrincipalTag/team}/*',
    'arn:aws:iam::*:user/${aws:username}',
    'arn:aws:iam::*:role/${aws:PrincipalTag/team}*',
    'arn:aws:s3:::*',
    `arn:aws:sqs:*:${ACCOUNT}:q`,
    `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app*`,
    'arn:aws:logs:*:*:log-group:a*1:log-stream:s',
    'arn:aws:sqs:*:q',
  );
  const conditionBlock = fc.constantFrom<Record<string, Record<string, string[]>> | undefined>(
    undefined,
    undefined,
    { StringEquals: { 'aws:PrincipalTag/team': ['sales'] } },
    { StringNotEquals: { 'aws:PrincipalTag/team': ['sales'] } },
    { StringNotEquals: { 'aws:ResourceTag/owner': ['${aws:username}'] } },
    { StringEquals: { 'aws:ResourceTag/owner': ['${aws:username}'] } },
    { StringNotLike: { 'aws:PrincipalTag/team': ['${aws:PrincipalTag/department}*'] } },
    { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/*'] } },
    { 'ForAnyValue:Null': { 'aws:PrincipalTag/department': ['false'] } },
    { Null: { 'aws:PrincipalTag/team': ['true'] } },
    { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } },
    { StringEqualsIfExists: { 'aws:PrincipalTag/department': ['cx'] } },
  );
  const statement = fc
    .record({
      Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
      Action: fc.subarray(['s3:*', 's3:GetObject', 'iam:Get*', 'sqs:SendMessage', 'logs:*', '*'], { minLength: 1, maxLength: 2 }),
      notResource: fc.boolean(),
      resources: fc.array(resourceEntry, { minLength: 1, maxLength: 2 }),
      Condition: conditionBlock,
    })
    .map(({ Effect, Action, notResource, resources, Condition }) => ({
      Effect,
      Action,
      ...(notResource && Effect === 'Deny' ? { NotResource: resources } : { Resource: resources }),
      ...(Condition ? { Condition } : {}),
    }));
  const account = fc.record({
    policies: fc.array(fc.array(statement, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 5 }),
    principals: fc.array(
      fc.record({
        role: fc.boolean(),
        team: fc.constantFrom(undefined, 'sales', 'ops'),
        department: fc.constantFrom(undefined, 'cx', 'it'),
        attached: fc.array(fc.nat(4), { maxLength: 3 }),
        boundary: fc.constantFrom<number | undefined>(undefined, undefined, 0, 1),
      }),
      { minLength: 3, maxLength: 8 },
    ),
  });

  function details(a: typeof account extends fc.Arbitrary<infer T> ? T : never) {
    const policy = (i: number, statements: unknown[]) => ({
      PolicyName: `p${i}`,
      PolicyId: `ANPAP${String(i).padEnd(16, 'X')}`,
      Arn: iam(`policy/p${i}`),
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: 1,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: '2024-01-01T00:00:00Z',
      UpdateDate: '2024-01-01T00:00:00Z',
      PolicyVersionList: [
        { Document: { Version: '2012-10-17', Statement: statements }, VersionId: 'v1', IsDefaultVersion: true, CreateDate: '2024-01-01T00:00:00Z' },
      ],
    });
    const users: unknown[] = [];
    const roles: unknown[] = [];
    a.principals.forEach((p, i) => {
      const names = [...new Set(p.attached.filter((n) => n < a.policies.length))].map((n) => ({ PolicyName: `p${n}`, PolicyArn: iam(`policy/p${n}`) }));
      const tags = [...(p.team ? [{ Key: 'team', Value: p.team }] : []), ...(p.department ? [{ Key: 'department', Value: p.department }] : [])];
      const boundary =
        p.boundary !== undefined && p.boundary < a.policies.length
          ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: iam(`policy/p${p.boundary}`) } }
          : {};
      if (p.role) {
        roles.push({
          Path: '/',
          RoleName: `${p.team ?? 'x'}-r${i}`,
          RoleId: `AROAR${String(i).padEnd(16, 'X')}`,
          Arn: iam(`role/${p.team ?? 'x'}-r${i}`),
          CreateDate: '2024-01-01T00:00:00Z',
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          InstanceProfileList: [],
          RolePolicyList: [],
          AttachedManagedPolicies: names,
          Tags: tags,
          RoleLastUsed: {},
          ...boundary,
        });
      } else {
        users.push({
          Path: '/',
          UserName: `u${i}`,
          UserId: `AIDAU${String(i).padEnd(16, 'X')}`,
          Arn: iam(`user/u${i}`),
          CreateDate: '2024-01-01T00:00:00Z',
          UserPolicyList: [],
          GroupList: [],
          AttachedManagedPolicies: names,
          Tags: tags,
          ...boundary,
        });
      }
    });
    return { UserDetailList: users, GroupDetailList: [], RoleDetailList: roles, Policies: a.policies.map((st, i) => policy(i, st)) };
  }

  test('index.whoCan equals the engine on every principal, for every action × resource × context', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-index-random-'));
    const stats = { questions: 0, entries: 0, conditional: 0, denied: 0 };
    try {
      const accounts = fc.sample(account, { seed: 424242, numRuns: 12 });
      accounts.forEach((a, n) => {
        const store = openStore(path.join(dir, `random-${n}.db`));
        try {
          const resources = { ResourceTagMappingList: [{ ResourceARN: 'arn:aws:s3:::home/u0/a', Tags: [{ Key: 'owner', Value: 'u0' }] }] };
          importFiles(store, [
            { name: 'details.json', text: JSON.stringify(details(a)) },
            { name: 'resources.json', text: JSON.stringify(resources) },
          ]);
          const index = new AccessIndex(loadAccountModel(store));
          const contexts: ContextEntry[][] = [
            [],
            [{ key: 'aws:MultiFactorAuthPresent', values: ['true'] }],
            [{ key: 'aws:PrincipalTag/team', values: ['ops'] }],
          ];
          for (const action of ACTIONS)
            for (const resource of RESOURCES)
              for (const entries of contexts)
                for (const includeConditional of [false, true]) {
                  const caller = callerContext(entries);
                  const rc = index.resourceContext(resource);
                  const indexed = observable(index.whoCan(action, resource, caller, rc, { includeConditional }));
                  const brute = observable(index.whoCan(action, resource, caller, rc, { includeConditional, bruteForce: true }));
                  assert.deepEqual(
                    indexed,
                    brute,
                    `account ${n}: ${action} on ${resource} with ${JSON.stringify(entries)}${includeConditional ? ', includeConditional' : ''}`,
                  );
                  stats.questions++;
                  stats.entries += indexed.length;
                  stats.conditional += indexed.filter((e) => e.conditional).length;
                  stats.denied += indexed.filter((e) => e.decision === 'EXPLICIT_DENY').length;
                }
        } finally {
          store.close();
        }
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.ok(stats.entries > 200 && stats.conditional > 20 && stats.denied > 0, JSON.stringify(stats));
  });
});
