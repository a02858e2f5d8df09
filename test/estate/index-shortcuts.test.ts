/**
 * The access index's shortcuts on an estate, each against the engine's brute force (every stored
 * principal evaluated with engine/evaluate.ts): many principals sharing one policy set, decided
 * once per class of alike principals — with statements that read principal keys (policy variables
 * "IAM policy elements: Variables and tags", aws:PrincipalTag conditions), boundaries ("Permissions
 * boundaries for IAM entities"), accounts under different SCPs (Organizations "SCP evaluation"),
 * an SCP whose statements read a principal key for one action only (asked before and after another
 * action of its service), cross-account resource
 * policies naming an account, a user by ARN, everyone with aws:PrincipalOrgID, and a NotPrincipal
 * Deny ("Cross-account policy evaluation logic", "AWS JSON policy elements: NotPrincipal"); and
 * the statements kept per ARN prefix (Resource entries with wildcards in the region / account
 * segments, one spanning segment, NotResource: "IAM JSON policy elements: Resource").
 * Counted runs, no clock thresholds.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel } from '../../src/store/account-model.js';
import { loadEstate } from '../../src/store/estate-model.js';
import { AccessIndex, type Evaluated } from '../../src/access/access-index.js';
import { callerContext } from '../../src/access/questions.js';
import { DEV, LOG, organizationDocument, OU_DEV, PROD, ROOT, ORG_ID, MGMT } from '../store/estate-fixture.js';

const doc = (statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const BUCKET = `arn:aws:s3:::team-red`;
const BLUE_BUCKET = `arn:aws:s3:::team-blue`;
const QUEUE = `arn:aws:sqs:us-east-1:${PROD}:q-intake`;
const OTHER_QUEUE = `arn:aws:sqs:eu-west-1:${DEV}:q-other`;
const SECRET = `arn:aws:secretsmanager:us-east-1:${PROD}:secret:db-AbCdEf`;
const KEY = `arn:aws:kms:us-east-1:${LOG}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const NAMED = `arn:aws:iam::${DEV}:user/u3`;

/** One account: 12 users and 4 roles sharing a managed policy set; tags, boundaries and inline policies vary. */
function account(id: string): Record<string, unknown> {
  const arn = (name: string) => `arn:aws:iam::${id}:policy/${name}`;
  const managed = (name: string, statements: object[]) => ({
    PolicyName: name,
    PolicyId: `ANPA${id}${name.toUpperCase()}`,
    Arn: arn(name),
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    PolicyVersionList: [{ Document: doc(statements), VersionId: 'v1', IsDefaultVersion: true }],
  });
  const policies = [
    managed('Team', [
      { Sid: 'OwnTeamBucket', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::team-${aws:PrincipalTag/team}/*' },
      { Sid: 'OwnHome', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::team-red/home/${aws:username}/*' },
      { Sid: 'AnyIntakeQueue', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:*:*:q-*' },
      { Sid: 'Spanning', Effect: 'Allow', Action: 'sqs:GetQueueUrl', Resource: 'arn:aws:sqs*' },
      { Sid: 'Describe', Effect: 'Allow', Action: 'secretsmanager:DescribeSecret', Resource: '*' },
      {
        Sid: 'RedSecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
      },
      { Sid: 'LogKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: `arn:aws:kms:us-east-1:${LOG}:key/*` },
      { Sid: 'OnlyTeamBuckets', Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::team-*', 'arn:aws:s3:::team-*/*'] },
    ]),
    managed('Boundary', [
      { Effect: 'Allow', Action: ['s3:*', 'sqs:*', 'kms:*'], Resource: '*' },
      { Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } },
    ]),
    managed('Mfa', [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::team-*/*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    ]),
  ];
  const attached = (names: string[]) => names.map((n) => ({ PolicyName: n, PolicyArn: arn(n) }));
  const users = Array.from({ length: 12 }, (_, k) => ({
    Path: '/',
    UserName: `u${k}`,
    UserId: `AIDA${id}U${k}`,
    Arn: `arn:aws:iam::${id}:user/u${k}`,
    GroupList: [],
    Tags: k % 4 === 3 ? [] : [{ Key: 'team', Value: k % 2 === 0 ? 'red' : 'blue' }],
    AttachedManagedPolicies: attached(k % 3 === 2 ? ['Team', 'Mfa'] : ['Team']),
    UserPolicyList: k === 5 ? [{ PolicyName: 'NoQueue', PolicyDocument: doc([{ Effect: 'Deny', Action: 'sqs:*', Resource: '*' }]) }] : [],
    ...(k % 5 === 1 ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn('Boundary') } } : {}),
  }));
  const roles = Array.from({ length: 4 }, (_, k) => ({
    Path: '/',
    RoleName: `r${k}`,
    RoleId: `AROA${id}R${k}`,
    Arn: `arn:aws:iam::${id}:role/r${k}`,
    AssumeRolePolicyDocument: doc([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${k % 2 === 0 ? id : PROD}:root` }, Action: 'sts:AssumeRole' }]),
    RolePolicyList: [],
    AttachedManagedPolicies: attached(['Team']),
    Tags: [{ Key: 'team', Value: k < 2 ? 'red' : 'blue' }],
    ...(k === 3 ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn('Boundary') } } : {}),
  }));
  return { UserDetailList: users, GroupDetailList: [], RoleDetailList: roles, Policies: policies };
}

function organization(): Record<string, unknown> {
  const org = organizationDocument() as { Policies: object[] };
  // Reads aws:PrincipalTag/team for secretsmanager only: its outcome differs within the dev
  // account for that service and not for s3 (whoCan must not carry one service's answer to the other).
  org.Policies.push({
    PolicySummary: {
      Id: 'p-noredsecret',
      Arn: `arn:aws:organizations::${MGMT}:policy/${ORG_ID}/service_control_policy/p-noredsecret`,
      Name: 'DenyRedSecrets',
      Description: 'DenyRedSecrets',
      Type: 'SERVICE_CONTROL_POLICY',
      AwsManaged: false,
    },
    Content: JSON.stringify(
      doc([{ Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } }]),
    ),
    Targets: [{ TargetId: OU_DEV, Arn: `arn:aws:organizations::${MGMT}:ou/${ORG_ID}/${OU_DEV}`, Name: 'Dev', Type: 'ORGANIZATIONAL_UNIT' }],
  });
  void ROOT;
  return org;
}

function resourcePolicies(): Record<string, unknown> {
  return {
    ResourcePolicies: [
      {
        ResourceArn: BUCKET,
        ResourceOwner: PROD,
        Policy: doc([
          {
            Sid: 'Org',
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: `${BUCKET}/*`,
            Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } },
          },
          { Sid: 'Named', Effect: 'Allow', Principal: { AWS: NAMED }, Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`] },
          {
            Sid: 'OnlyOrg',
            Effect: 'Deny',
            NotPrincipal: { AWS: [`arn:aws:iam::${PROD}:root`, `arn:aws:iam::${DEV}:user/u0`] },
            Action: 's3:DeleteObject',
            Resource: `${BUCKET}/*`,
          },
        ]),
      },
      {
        ResourceArn: BLUE_BUCKET,
        ResourceOwner: DEV,
        Policy: doc([{ Sid: 'Prod', Effect: 'Allow', Principal: { AWS: PROD }, Action: ['s3:GetObject', 's3:PutObject'], Resource: `${BLUE_BUCKET}/*` }]),
      },
      {
        ResourceArn: QUEUE,
        Policy: doc([{ Sid: 'Dev', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: 'sqs:*', Resource: QUEUE }]),
      },
      {
        ResourceArn: SECRET,
        Policy: doc([
          { Sid: 'DevReads', Effect: 'Allow', Principal: { AWS: DEV }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
          {
            Sid: 'NotNamed',
            Effect: 'Deny',
            NotPrincipal: { AWS: [NAMED, `arn:aws:iam::${PROD}:root`] },
            Action: 'secretsmanager:*',
            Resource: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ]),
      },
      {
        ResourceArn: KEY,
        Policy: doc([
          { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${LOG}:root` }, Action: 'kms:*', Resource: '*' },
          { Sid: 'Users', Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${PROD}:root`, NAMED] }, Action: 'kms:Decrypt', Resource: '*' },
        ]),
      },
    ],
  };
}

let dir: string;
let store: Store;

function observable(list: Evaluated[]) {
  return list.map(({ principal, result }) => ({
    arn: principal.model.arn,
    type: principal.external?.type ?? principal.model.type,
    decision: result.decision,
    conditional: result.conditional,
    missingContextKeys: result.missingContextKeys,
    matchedStatements: result.matchedStatements,
    conditionalStatements: result.conditionalStatements,
  }));
}

function freshIndex(): AccessIndex {
  return new AccessIndex(loadAccountModel(store), loadEstate(store));
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-shortcuts-'));
  const write = (name: string, value: unknown) => ({ name, text: JSON.stringify(value) });
  store = openStore(path.join(dir, 'estate.db'));
  importFiles(store, [
    write('prod.json', account(PROD)),
    write('dev.json', account(DEV)),
    write('log.json', account(LOG)),
    write('org.json', organization()),
    write('rp.json', resourcePolicies()),
  ]);
});
after(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:ListBucket',
  'sqs:SendMessage',
  'sqs:GetQueueUrl',
  'secretsmanager:DescribeSecret',
  'secretsmanager:GetSecretValue',
  'secretsmanager:DescribeSecret',
  'kms:Decrypt',
  'kms:Encrypt',
  'sts:AssumeRole',
];
const RESOURCES = [
  `${BUCKET}/reports/1.csv`,
  `${BUCKET}/home/u2/notes.txt`,
  `${BUCKET}/home/u3/notes.txt`,
  BUCKET,
  `${BLUE_BUCKET}/a.csv`,
  'arn:aws:s3:::elsewhere/x',
  QUEUE,
  OTHER_QUEUE,
  SECRET,
  KEY,
  `arn:aws:kms:eu-west-1:${LOG}:key/other`,
  `arn:aws:iam::${DEV}:role/r1`,
  `arn:aws:iam::${PROD}:role/r0`,
  '*',
];
/** What a real request carries: the fixture's RegionLock SCP and EnforceTLS RCP deny without them. */
const TLS = [
  { key: 'aws:SecureTransport', values: ['true'] },
  { key: 'aws:RequestedRegion', values: ['us-east-1'] },
];
const CONTEXTS = [
  [],
  TLS,
  [...TLS, { key: 'aws:MultiFactorAuthPresent', values: ['true'] }],
  [{ key: 'aws:SecureTransport', values: ['false'] }, TLS[1]],
  [TLS[1]],
  [...TLS, { key: 'aws:PrincipalTag/team', values: ['red'] }],
];

test('classes of alike principals, ARN-prefix statement lists, SCPs reading principal keys per service, cross-account and NotPrincipal resource policies: indexed whoCan equals the engine on every principal', () => {
  const stats = { asked: 0, allowed: 0, conditional: 0, crossAccount: 0, principalsCompared: 0 };
  // Services in an order where s3 (SCP reads no principal key) comes before secretsmanager (it does), on one index.
  const index = freshIndex();
  for (const action of ACTIONS)
    for (const resource of RESOURCES)
      for (const context of CONTEXTS)
        for (const includeConditional of [false, true]) {
          const caller = callerContext(context);
          const rc = index.resourceContext(resource);
          const indexed = index.whoCan(action, resource, caller, rc, { includeConditional });
          const brute = index.whoCan(action, resource, caller, rc, { includeConditional, bruteForce: true });
          assert.deepEqual(
            observable(indexed),
            observable(brute),
            `${action} on ${resource} with ${JSON.stringify(context)}${includeConditional ? ' includeConditional' : ''}`,
          );
          stats.asked++;
          stats.principalsCompared += indexed.length;
          for (const e of indexed) {
            if (e.result.decision === 'ALLOWED') stats.allowed++;
            else stats.conditional++;
            const owner = /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(resource)?.[1];
            if (owner && !e.principal.external && e.principal.model.accountId !== owner && e.result.decision === 'ALLOWED') stats.crossAccount++;
          }
        }
  assert.ok(stats.allowed > 100 && stats.conditional > 10 && stats.crossAccount > 10, JSON.stringify(stats));
});

test('Organizations "SCP evaluation": an SCP reading aws:PrincipalTag/team for secretsmanager only denies the red team in dev, also after an s3 question on the same index', () => {
  const index = freshIndex();
  const tls = callerContext(TLS);
  index.whoCan('s3:GetObject', `${BUCKET}/reports/1.csv`, tls, index.resourceContext(`${BUCKET}/reports/1.csv`));
  const answer = index.whoCan('secretsmanager:GetSecretValue', SECRET, tls, index.resourceContext(SECRET));
  const brute = index.whoCan('secretsmanager:GetSecretValue', SECRET, tls, index.resourceContext(SECRET), { bruteForce: true });
  assert.deepEqual(observable(answer), observable(brute));
  const devArns = answer.filter((e) => e.principal.model.accountId === DEV).map((e) => e.principal.model.arn);
  // RedSecrets grants the red team only; DenyRedSecrets (dev OU) denies it in dev: no dev principal is left.
  assert.deepEqual(devArns, []);
  const prodArns = answer.filter((e) => e.principal.model.accountId === PROD).map((e) => e.principal.model.arn);
  assert.ok(prodArns.includes(`arn:aws:iam::${PROD}:user/u0`) && !prodArns.includes(`arn:aws:iam::${PROD}:user/u1`), prodArns.join(' '));
});
