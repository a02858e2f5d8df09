/**
 * Brute force: for small random accounts (seeded), every edge the principal graph has agrees with
 * a direct engine evaluation of each of its actions for that principal (AccessIndex.evaluateFor,
 * the reference whoCan is checked against), and no sts:AssumeRole, iam:CreateAccessKey or
 * iam:UpdateAssumeRolePolicy edge the engine allows is missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { App } from '../../src/app.js';
import { importFiles } from '../../src/store/import/index.js';
import { callerContext } from '../../src/access/questions.js';
import type { AccessStep } from '../../src/access/paths/index.js';
import { ADMINISTRATOR_ACCESS_ARN } from '../../src/access/paths/administrator.js';
import { tempDb } from '../helpers/server.js';

const ACCT = '222222222222';
const ACCOUNTS = 10;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomAccount(seed: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const users = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];
  const roles = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
  const principalArns = [...users.map((u) => `arn:aws:iam::${ACCT}:user/${u}`), ...roles.map((r) => `arn:aws:iam::${ACCT}:role/${r}`)];
  const actions = [
    'sts:AssumeRole',
    'iam:PassRole',
    'iam:PutUserPolicy',
    'iam:PutRolePolicy',
    'iam:AttachUserPolicy',
    'iam:AttachRolePolicy',
    'iam:CreateAccessKey',
    'iam:CreateLoginProfile',
    'iam:UpdateAssumeRolePolicy',
    'iam:AddUserToGroup',
    'lambda:CreateFunction',
    'lambda:InvokeFunction',
    'ec2:RunInstances',
    'iam:*',
    '*',
  ];
  // Policy variables and tag conditions make resources of one class differ (AccessIndex.resourceClass, shared whoCan answers).
  const resources = () =>
    pick([
      '*',
      pick(principalArns),
      `arn:aws:iam::${ACCT}:role/r*`,
      `arn:aws:iam::${ACCT}:user/*`,
      `arn:aws:iam::${ACCT}:group/g0`,
      `arn:aws:iam::${ACCT}:user/\${aws:username}`,
    ]);
  const conditions = [
    undefined,
    undefined,
    { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    { StringEquals: { 'iam:PassedToService': pick(['lambda.amazonaws.com', 'logs.amazonaws.com']) } },
    { ArnEquals: { 'iam:PolicyARN': pick([ADMINISTRATOR_ACCESS_ARN, 'arn:aws:iam::aws:policy/ReadOnlyAccess']) } },
    { StringEquals: { 'aws:ResourceTag/team': 'a' } },
  ];
  const tags = () => [
    { Key: 'team', Value: pick(['a', 'b']) },
    { Key: 'unique', Value: String(rnd()) },
  ];
  const statement = () => {
    const c = pick(conditions);
    return {
      Effect: rnd() < 0.15 ? 'Deny' : 'Allow',
      Action: [pick(actions), pick(actions)],
      Resource: resources(),
      ...(c ? { Condition: c } : {}),
    };
  };
  const policy = () => ({ Version: '2012-10-17', Statement: Array.from({ length: 1 + Math.floor(rnd() * 3) }, statement) });
  const trust = () => {
    const principal = pick([
      { AWS: `arn:aws:iam::${ACCT}:root` },
      { AWS: pick(principalArns) },
      { Service: pick(['lambda.amazonaws.com', 'ec2.amazonaws.com']) },
      { AWS: [pick(principalArns), pick(principalArns)] },
    ]);
    const c = rnd() < 0.3 ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {};
    return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...c }] };
  };
  return {
    UserDetailList: users.map((u, i) => ({
      Path: '/',
      UserName: u,
      UserId: `AIDABRUTE${seed}X${i}EXAMPLE`,
      Arn: `arn:aws:iam::${ACCT}:user/${u}`,
      GroupList: rnd() < 0.4 ? ['g0'] : [],
      UserPolicyList: [{ PolicyName: 'p', PolicyDocument: policy() }],
      AttachedManagedPolicies: [],
      Tags: tags(),
    })),
    GroupDetailList: [
      {
        Path: '/',
        GroupName: 'g0',
        GroupId: `AGPABRUTE${seed}`,
        Arn: `arn:aws:iam::${ACCT}:group/g0`,
        GroupPolicyList: [{ PolicyName: 'gp', PolicyDocument: policy() }],
        AttachedManagedPolicies: [],
      },
    ],
    RoleDetailList: roles.map((r, i) => ({
      Path: '/',
      RoleName: r,
      RoleId: `AROABRUTE${seed}X${i}EXAMPLE`,
      Arn: `arn:aws:iam::${ACCT}:role/${r}`,
      AssumeRolePolicyDocument: trust(),
      InstanceProfileList: rnd() < 0.5 ? [{ Arn: `arn:aws:iam::${ACCT}:instance-profile/${r}`, InstanceProfileName: r }] : [],
      RolePolicyList: [
        { PolicyName: 'p', PolicyDocument: rnd() < 0.15 ? { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } : policy() },
      ],
      AttachedManagedPolicies: [],
      Tags: tags(),
    })),
    Policies: [],
  };
}

function contextFor(step: AccessStep, action: string) {
  if (action === 'iam:PassRole') return callerContext([{ key: 'iam:PassedToService', values: [step.via!] }]);
  if (/^iam:Attach(User|Group|Role)Policy$/.test(action)) return callerContext([{ key: 'iam:PolicyARN', values: [ADMINISTRATOR_ACCESS_ARN] }]);
  return new Map();
}

for (let seed = 1; seed <= ACCOUNTS; seed++) {
  test(`random account ${seed}: every edge agrees with a direct engine evaluation of its actions, and none is missing`, () => {
    const dbFile = tempDb();
    const app = App.open({ dbFile, seedIfNew: false });
    try {
      const account = randomAccount(seed);
      // The users' and roles' tags as the tagging API exports them: the resource context aws:ResourceTag conditions read.
      const tagging = {
        ResourceTagMappingList: [...account.UserDetailList, ...account.RoleDetailList].map((e) => ({ ResourceARN: e.Arn, Tags: e.Tags })),
      };
      importFiles(app.store, [
        { name: 'a.json', text: JSON.stringify(account) },
        { name: 'resources.json', text: JSON.stringify(tagging) },
      ]);
      const paths = app.accessPaths();
      const index = app.accessIndex();
      const g = paths.graph;
      const steps: AccessStep[] = [];
      for (const p of index.principals) {
        if (p.model.type === 'ROLE') steps.push(...g.assumeEdges(p.model.arn));
        steps.push(...g.otherEdges(p.model.arn), ...g.selfEdgesOf(p));
      }
      let checked = 0;
      for (const step of steps) {
        const p = index.principal(step.from)!;
        for (const a of step.actions) {
          // The second action of UPDATE_TRUST runs under the rewritten trust policy: checked below.
          if (step.kind === 'UPDATE_TRUST' && a.action === 'sts:AssumeRole') continue;
          const r = index.evaluateFor(p, a.action, a.resource, contextFor(step, a.action), index.resourceContext(a.resource));
          assert.ok(r.decision === 'ALLOWED' || r.conditional, `${step.kind} ${step.from} ${a.action} ${a.resource}: the engine allows it`);
          assert.equal(a.conditional, r.decision !== 'ALLOWED', `${step.kind} ${step.from} ${a.action}: conditional as the engine says`);
          // Explained on its own resource, also when its answer was shared with another of its class.
          assert.deepEqual(
            a.matchedStatements,
            r.decision === 'ALLOWED' ? r.matchedStatements : (r.conditionalStatements ?? []),
            `${step.kind} ${step.from} ${a.action} ${a.resource}: the engine's statements`,
          );
          checked++;
        }
      }
      // Completeness of the target-side questions: every pair the engine allows has its edge.
      const users = index.principals.filter((p) => p.model.type === 'USER');
      const roles = index.principals.filter((p) => p.model.type === 'ROLE');
      for (const p of index.principals) {
        for (const q of roles) {
          if (p === q) continue;
          const r = index.evaluateFor(p, 'sts:AssumeRole', q.model.arn, new Map(), index.resourceContext(q.model.arn));
          const edge = g.assumeEdges(q.model.arn).find((s) => s.from === p.model.arn);
          assert.equal(Boolean(edge), r.decision === 'ALLOWED' || r.conditional, `sts:AssumeRole ${p.model.name} → ${q.model.name}`);
          if (edge) assert.equal(edge.conditional, r.decision !== 'ALLOWED');
          const u = index.evaluateFor(p, 'iam:UpdateAssumeRolePolicy', q.model.arn, new Map(), index.resourceContext(q.model.arn));
          const trustEdge = g.otherEdges(q.model.arn).find((s) => s.kind === 'UPDATE_TRUST' && s.from === p.model.arn);
          if (trustEdge) assert.ok(u.decision === 'ALLOWED' || u.conditional);
        }
        for (const q of users) {
          if (p === q) continue;
          const r = index.evaluateFor(p, 'iam:CreateAccessKey', q.model.arn, new Map(), index.resourceContext(q.model.arn));
          // Out of an administrator no step is kept (it is a target already).
          if ((r.decision === 'ALLOWED' || r.conditional) && g.verdict(p) !== 'ADMIN') {
            assert.ok(
              g.otherEdges(q.model.arn).some((s) => s.kind === 'CREATE_CREDENTIALS' && s.from === p.model.arn),
              `iam:CreateAccessKey ${p.model.name} → ${q.model.name}`,
            );
          }
        }
      }
      assert.ok(checked > 0 || steps.length === 0);
    } finally {
      app.close();
      rmSync(path.dirname(dbFile), { recursive: true, force: true });
    }
  });
}
