/**
 * seed/README.md, "The estate": every answer its table lists, asked of the real server over
 * GraphQL HTTP and of the CLI, on a database made by `accessql seed`. Each test names the AWS
 * document whose rule decides it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

const DEV = 'arn:aws:iam::210987654321:';
const SEC = 'arn:aws:iam::444455556666:';
const DEV_INSTANCE = 'arn:aws:connect:us-east-1:210987654321:instance/7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a';
const DEV_CONTACT = `${DEV_INSTANCE}/contact/*`;
const RECORDING = 'arn:aws:s3:::anycompany-call-recordings/2024/06/contact-1.wav';
const KEY = 'arn:aws:kms:us-east-1:444455556666:key/0e6f7a8b-1c2d-4e3f-9a4b-5c6d7e8f9a0b';
const AUDIT_ROLE = `${SEC}role/CrossAccountAuditRole`;

let server: TestServer;
let db: string;

before(async () => {
  db = tempDb();
  const r = runCli(['seed', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

interface Entry {
  principal: { arn: string; type: string; accountId: string | null };
  decision: string;
  conditional: boolean;
  missingContextKeys: string[];
  matchedStatements: { policyName: string; sid: string | null; effect: string }[];
}

async function whoCan(
  action: string,
  resource: string,
  opts: { context?: { key: string; values: string[] }[]; includeConditional?: boolean } = {},
): Promise<Entry[]> {
  const r = await server.gql(
    `query($a: String!, $r: String!, $c: [ContextEntryInput!], $i: Boolean) {
    whoCan(action: $a, resource: $r, context: $c, includeConditional: $i, first: 100) { edges { node {
      principal { arn type accountId } decision conditional missingContextKeys matchedStatements { policyName sid effect } } } } }`,
    { a: action, r: resource, c: opts.context ?? null, i: opts.includeConditional ?? false },
  );
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data.whoCan.edges.map((e: { node: Entry }) => e.node);
}

async function simulate(principalArn: string, action: string, resource: string, context?: { key: string; values: string[] }[]) {
  const r = await server.gql(
    `query($p: String!, $a: [String!]!, $r: [String!], $c: [ContextEntryInput!]) {
    simulatePrincipalPolicy(principalArn: $p, actions: $a, resources: $r, context: $c) { results { decision missingContextKeys matchedStatements { policyName sid effect } } } }`,
    { p: principalArn, a: [action], r: [resource], c: context ?? null },
  );
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data.simulatePrincipalPolicy.results[0] as {
    decision: string;
    missingContextKeys: string[];
    matchedStatements: { policyName: string; sid: string | null; effect: string }[];
  };
}

const arns = (entries: Entry[]) => entries.map((e) => e.principal.arn);

test('Organizations "SCP evaluation": a Deny in an SCP at the dev OU wins over the identity Allow (StartContactRecording in dev: nobody)', async () => {
  assert.deepEqual(arns(await whoCan('connect:StartContactRecording', DEV_CONTACT)), []);
  const r = await simulate(`${DEV}user/dev.supervisor`, 'connect:StartContactRecording', DEV_CONTACT);
  assert.equal(r.decision, 'EXPLICIT_DENY');
  assert.ok(
    r.matchedStatements.some((m) => m.policyName === 'SCP DenyContactRecordingInDev at ou-cc11-devaccnts' && m.effect === 'Deny'),
    JSON.stringify(r.matchedStatements),
  );
});

test('Organizations "SCP evaluation": every level allows (FullAWSAccess) and none denies: StopContactRecording in dev is allowed, explained level by level', async () => {
  const entries = await whoCan('connect:StopContactRecording', DEV_CONTACT);
  assert.deepEqual(arns(entries), [`${DEV}user/dev.supervisor`]);
  const names = entries[0].matchedStatements.map((m) => m.policyName);
  for (const level of ['r-cc11', 'ou-cc11-workloads', 'ou-cc11-devaccnts', '210987654321']) {
    assert.ok(names.includes(`SCP FullAWSAccess at ${level}`), `${level}: ${names.join(', ')}`);
  }
});

test('"Policy evaluation logic" and "Cross-account policy evaluation logic": s3:GetObject on a recording — identity OR bucket policy in the owner account, both across accounts', async () => {
  const entries = await whoCan('s3:GetObject', RECORDING);
  assert.deepEqual(arns(entries), [`${DEV}role/QualityAnalyst`, `${SEC}role/RecordingsAuditor`, `${SEC}user/security.admin`]);
  const qa = entries[0];
  assert.ok(
    qa.matchedStatements.some((m) => m.sid === 'DevQualityAnalystsRead' && m.policyName === 'Resource policy of arn:aws:s3:::anycompany-call-recordings'),
    JSON.stringify(qa.matchedStatements),
  );
  const dev = await simulate(`${DEV}user/dev.ops`, 's3:GetObject', RECORDING);
  assert.equal(dev.decision, 'IMPLICIT_DENY');
});

test('"Policy evaluation logic": an explicit Deny in the bucket policy (aws:SecureTransport false) denies everyone', async () => {
  assert.deepEqual(arns(await whoCan('s3:GetObject', RECORDING, { context: [{ key: 'aws:SecureTransport', values: ['false'] }] })), []);
  const r = await simulate(`${SEC}user/security.admin`, 's3:GetObject', RECORDING, [{ key: 'aws:SecureTransport', values: ['false'] }]);
  assert.equal(r.decision, 'EXPLICIT_DENY');
  assert.ok(r.matchedStatements.some((m) => m.sid === 'DenyInsecureTransport'));
});

test('"AWS JSON policy elements: Principal" (AWS service principals): s3:PutObject — security.admin, and connect.amazonaws.com beyond the store, conditional on aws:SourceAccount', async () => {
  assert.deepEqual(arns(await whoCan('s3:PutObject', RECORDING)), [`${SEC}user/security.admin`]);
  const entries = await whoCan('s3:PutObject', RECORDING, { includeConditional: true });
  assert.deepEqual(arns(entries), [`${SEC}user/security.admin`, 'connect.amazonaws.com']);
  const svc = entries[1];
  assert.deepEqual([svc.principal.type, svc.principal.accountId, svc.conditional], ['SERVICE', null, true]);
  assert.ok(svc.missingContextKeys.includes('aws:SourceAccount'), svc.missingContextKeys.join());
  assert.ok(svc.matchedStatements.some((m) => m.sid === 'ProdConnectWritesRecordings'));
  const given = await whoCan('s3:PutObject', RECORDING, { context: [{ key: 'aws:SourceAccount', values: ['123456789012'] }] });
  assert.deepEqual(arns(given), [`${SEC}user/security.admin`, 'connect.amazonaws.com']);
  assert.equal(given[1].decision, 'ALLOWED');
});

test('AWS KMS "Key policies": the key policy must allow; the account principal enables IAM policies; cross-account needs both', async () => {
  const entries = await whoCan('kms:Decrypt', KEY);
  assert.deepEqual(arns(entries), [`${DEV}role/QualityAnalyst`, `${SEC}role/RecordingsAuditor`, `${SEC}user/security.admin`]);
  const admin = entries[2];
  assert.ok(
    admin.matchedStatements.some((m) => m.sid === 'Enable IAM User Permissions'),
    JSON.stringify(admin.matchedStatements),
  );
});

test('IAM "Role trust policy" and "Cross-account policy evaluation logic": sts:AssumeRole on CrossAccountAuditRole — QualityAnalyst; the vendor account conditional on sts:ExternalId', async () => {
  assert.deepEqual(arns(await whoCan('sts:AssumeRole', AUDIT_ROLE)), [`${DEV}role/QualityAnalyst`]);
  const entries = await whoCan('sts:AssumeRole', AUDIT_ROLE, { includeConditional: true });
  assert.deepEqual(arns(entries), [`${DEV}role/QualityAnalyst`, 'arn:aws:iam::999988887777:root']);
  const vendor = entries[1];
  assert.deepEqual(
    [vendor.principal.type, vendor.principal.accountId, vendor.conditional, vendor.missingContextKeys],
    ['ACCOUNT', '999988887777', true, ['sts:ExternalId']],
  );
  // security.admin is in the role's own account, but the trust policy does not name it.
  assert.equal((await simulate(`${SEC}user/security.admin`, 'sts:AssumeRole', AUDIT_ROLE)).decision, 'IMPLICIT_DENY');
});

test('IAM "Role trust policy": a trust policy naming its own account delegates to identity policies — nobody may assume QualityAnalyst', async () => {
  assert.deepEqual(arns(await whoCan('sts:AssumeRole', `${DEV}role/QualityAnalyst`, { includeConditional: true })), []);
});

test('"AWS global condition context keys": org keys and aws:ResourceAccount from the store decide conditions on them', async () => {
  // A request context that names the org keys wins over the stored ones (contract): claiming another
  // organization makes the RCP perimeter deny QualityAnalyst on the bucket.
  const r = await simulate(`${DEV}role/QualityAnalyst`, 's3:GetObject', RECORDING, [{ key: 'aws:PrincipalOrgID', values: ['o-someoneelse'] }]);
  assert.equal(r.decision, 'EXPLICIT_DENY');
  assert.ok(
    r.matchedStatements.some((m) => m.policyName === 'RCP RecordingsDataPerimeter at ou-cc11-securityx'),
    JSON.stringify(r.matchedStatements),
  );
  assert.equal((await simulate(`${DEV}role/QualityAnalyst`, 's3:GetObject', RECORDING)).decision, 'ALLOWED');
});

test('CLI who-can answers the estate as GraphQL does (--json)', async () => {
  const r = runCli(['who-can', 'sts:AssumeRole', AUDIT_ROLE, '--db', db, '--include-conditional', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { edges: { node: Entry }[] };
  assert.deepEqual(
    out.edges.map((e) => [e.node.principal.arn, e.node.principal.type]),
    [
      [`${DEV}role/QualityAnalyst`, 'ROLE'],
      ['arn:aws:iam::999988887777:root', 'ACCOUNT'],
    ],
  );
  const text = runCli(['who-can', 'connect:StartContactRecording', DEV_CONTACT, '--db', db]);
  assert.equal(text.status, 0, text.stderr);
  assert.doesNotMatch(text.stdout, /dev\.supervisor/);
});
