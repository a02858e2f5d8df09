/**
 * A hand-built organization (test/store/estate-fixture.ts: SCPs and RCPs at several levels, four
 * accounts) plus resource and trust policies written for these tests, imported with `accessql
 * import` and asked over GraphQL HTTP. Each test names the AWS page whose rule decides it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';
import { accountDetails, BUCKET, DEV, KEY, LOG, MGMT, organizationDocument, PROD, QUEUE, resourcePoliciesDocument } from '../store/estate-fixture.js';

const SAML = `arn:aws:iam::${LOG}:saml-provider/Okta`;
const OIDC = `arn:aws:iam::${LOG}:oidc-provider/token.actions.githubusercontent.com`;
const MGMT_QUEUE = `arn:aws:sqs:us-east-1:${MGMT}:org-events`;
const DEV_QUEUE = `arn:aws:sqs:us-east-1:${DEV}:public-intake`;
const DEV_FUNCTION = `arn:aws:lambda:us-east-1:${DEV}:function:intake`;
const DEV_SECRET = `arn:aws:secretsmanager:us-east-1:${DEV}:secret:db-AbCdEf`;
const ops = (account: string) => `arn:aws:iam::${account}:user/ops`;
/** What a real request carries: RegionLock (a Deny with StringNotEquals) applies when aws:RequestedRegion is absent. */
const TLS = [
  { key: 'aws:SecureTransport', values: ['true'] },
  { key: 'aws:RequestedRegion', values: ['us-east-1'] },
];

let server: TestServer;
let db: string;

before(async () => {
  db = tempDb();
  const write = (name: string, value: unknown) => {
    const f = path.join(path.dirname(db), name);
    writeFileSync(f, JSON.stringify(value, null, 2));
    return f;
  };
  const logTrust = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Saml',
        Effect: 'Allow',
        Principal: { Federated: SAML },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      },
      {
        Sid: 'GitHub',
        Effect: 'Allow',
        Principal: { Federated: OIDC },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:anycompany/*' } },
      },
    ],
  };
  const extra = {
    ResourcePolicies: [
      ...(resourcePoliciesDocument().ResourcePolicies as object[]),
      {
        ResourceArn: MGMT_QUEUE,
        Policy: { Version: '2012-10-17', Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: MGMT_QUEUE }] },
      },
      {
        ResourceArn: DEV_QUEUE,
        Policy: { Version: '2012-10-17', Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: DEV_QUEUE }] },
      },
      {
        ResourceArn: DEV_FUNCTION,
        Policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Vendor', Effect: 'Allow', Principal: { AWS: '999988887777' }, Action: 'lambda:InvokeFunction', Resource: DEV_FUNCTION },
            {
              Sid: 'VendorReads',
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::999988887777:role/VendorInvoker' },
              Action: 'lambda:GetFunction',
              Resource: DEV_FUNCTION,
            },
          ],
        },
      },
      {
        ResourceArn: DEV_SECRET,
        Policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'ProdReads', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PROD}:user/ops` }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
            {
              Sid: 'OnlyProdOps',
              Effect: 'Deny',
              NotPrincipal: { AWS: [`arn:aws:iam::${PROD}:user/ops`, `arn:aws:iam::${DEV}:root`] },
              Action: 'secretsmanager:*',
              Resource: '*',
            },
          ],
        },
      },
    ],
  };
  const r = runCli([
    'import',
    '--db',
    db,
    write('mgmt.json', accountDetails(MGMT)),
    write('prod.json', accountDetails(PROD)),
    write('dev.json', accountDetails(DEV)),
    write('log.json', accountDetails(LOG, logTrust)),
    write('org.json', organizationDocument()),
    write('rp.json', extra),
  ]);
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

async function whoCan(action: string, resource: string, context: { key: string; values: string[] }[] = [], includeConditional = false): Promise<Entry[]> {
  const r = await server.gql(
    `query($a: String!, $r: String!, $c: [ContextEntryInput!], $i: Boolean) {
    whoCan(action: $a, resource: $r, context: $c, includeConditional: $i) { edges { node {
      principal { arn type accountId } decision conditional missingContextKeys matchedStatements { policyName sid effect } } } } }`,
    { a: action, r: resource, c: context, i: includeConditional },
  );
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data.whoCan.edges.map((e: { node: Entry }) => e.node);
}
const arns = (entries: Entry[]) => entries.map((e) => `${e.principal.type} ${e.principal.arn}`);

test('Organizations "SCP evaluation": the management account is not restricted by SCPs; every member account is (DenyLeaveOrganization at the root)', async () => {
  assert.deepEqual(arns(await whoCan('organizations:LeaveOrganization', '*')), [`USER ${ops(MGMT)}`]);
});

test('Organizations "SCP evaluation": a Deny at an OU (RegionLock at Workloads) reaches the accounts under it only', async () => {
  const eu = await whoCan('ec2:StartInstances', `arn:aws:ec2:eu-west-1:${PROD}:instance/i-0123456789abcdef0`, [
    { key: 'aws:RequestedRegion', values: ['eu-west-1'] },
  ]);
  assert.deepEqual(arns(eu), []);
  const us = await whoCan('ec2:StartInstances', `arn:aws:ec2:us-east-1:${PROD}:instance/i-0123456789abcdef0`, [
    { key: 'aws:RequestedRegion', values: ['us-east-1'] },
  ]);
  assert.deepEqual(arns(us), [`USER ${ops(PROD)}`]);
  const log = await whoCan('ec2:StartInstances', `arn:aws:ec2:eu-west-1:${LOG}:instance/i-0123456789abcdef0`, [
    { key: 'aws:RequestedRegion', values: ['eu-west-1'] },
  ]);
  assert.deepEqual(arns(log), [`USER ${ops(LOG)}`], 'Security is not under Workloads');
});

test('"Cross-account policy evaluation logic": a bucket policy granting an account needs that account\'s identity policy too; the owner\'s own principals need only theirs', async () => {
  assert.deepEqual(arns(await whoCan('s3:PutObject', `${BUCKET}/2024/a.wav`, TLS)), [`USER ${ops(PROD)}`, `USER ${ops(LOG)}`]);
});

test('Organizations "RCP evaluation": EnforceTLS at the root denies insecure requests to member accounts\' resources; "RCPs don\'t affect resources in the management account"', async () => {
  const insecure = [
    { key: 'aws:SecureTransport', values: ['false'] },
    { key: 'aws:RequestedRegion', values: ['us-east-1'] },
  ];
  // Only dev's service-linked role: "*" names it, and neither SCPs nor RCPs apply to service-linked roles.
  assert.deepEqual(arns(await whoCan('sqs:SendMessage', DEV_QUEUE, insecure)), [
    `ROLE arn:aws:iam::${DEV}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect`,
  ]);
  const mgmt = await whoCan('sqs:SendMessage', MGMT_QUEUE, insecure);
  assert.ok(arns(mgmt).includes('ANONYMOUS *'), arns(mgmt).join());
  const devOk = await whoCan('sqs:SendMessage', DEV_QUEUE, TLS);
  assert.ok(arns(devOk).includes('ANONYMOUS *'), arns(devOk).join());
  assert.equal(devOk.find((e) => e.principal.type === 'ANONYMOUS')!.principal.accountId, null);
});

test('"AWS JSON policy elements: Principal" (AWS service principals): a queue policy grants events.amazonaws.com, listed beyond the store', async () => {
  const entries = await whoCan('sqs:SendMessage', QUEUE, TLS);
  assert.deepEqual(arns(entries), [`USER ${ops(PROD)}`, 'SERVICE events.amazonaws.com']);
  assert.deepEqual(
    entries[1].matchedStatements.map((m) => m.policyName),
    [
      'RCP RCPFullAWSAccess at r-ab12',
      'RCP RCPFullAWSAccess at ou-ab12-11111111',
      'RCP RCPFullAWSAccess at ou-ab12-22222222',
      'RCP RCPFullAWSAccess at 222222222222',
      `Resource policy of ${QUEUE}`,
    ],
  );
});

test('Role trust policies with SAML and OIDC providers ("Federated principals"): the providers are listed, conditional on their claims', async () => {
  const role = `arn:aws:iam::${LOG}:role/Deployer`;
  const saml = await whoCan('sts:AssumeRoleWithSAML', role, TLS, true);
  assert.deepEqual(arns(saml), [`FEDERATED ${SAML}`]);
  assert.deepEqual([saml[0].conditional, saml[0].missingContextKeys, saml[0].principal.accountId], [true, ['SAML:aud'], LOG]);
  const given = await whoCan('sts:AssumeRoleWithSAML', role, [...TLS, { key: 'SAML:aud', values: ['https://signin.aws.amazon.com/saml'] }]);
  assert.deepEqual(arns(given), [`FEDERATED ${SAML}`]);
  assert.equal(given[0].decision, 'ALLOWED');
  const oidc = await whoCan('sts:AssumeRoleWithWebIdentity', role, [
    ...TLS,
    { key: 'token.actions.githubusercontent.com:sub', values: ['repo:anycompany/web:ref:refs/heads/main'] },
  ]);
  assert.deepEqual(arns(oidc), [`FEDERATED ${OIDC}`]);
  // The account's own administrator is not in the trust policy: identity policies alone never suffice.
  assert.deepEqual(arns(await whoCan('sts:AssumeRole', role, TLS, true)), []);
});

test('"AWS account principals": an account outside the store granted by a function policy is listed as ACCOUNT, conditional (its own policies must allow)', async () => {
  const entries = await whoCan('lambda:InvokeFunction', DEV_FUNCTION, TLS);
  assert.deepEqual(arns(entries), [`USER ${ops(DEV)}`, 'ACCOUNT arn:aws:iam::999988887777:root']);
  assert.deepEqual([entries[1].conditional, entries[1].principal.accountId], [true, '999988887777']);
  // A role of that account named by ARN: listed as itself, conditional the same way.
  const named = await whoCan('lambda:GetFunction', DEV_FUNCTION, TLS);
  assert.deepEqual(arns(named), [`USER ${ops(DEV)}`, 'ROLE arn:aws:iam::999988887777:role/VendorInvoker']);
  assert.deepEqual([named[1].conditional, named[1].principal.accountId], [true, '999988887777']);
});

test('"AWS JSON policy elements: NotPrincipal": a Deny with NotPrincipal denies every principal it does not name — the account ARN excepts the account, not its users', async () => {
  const entries = await whoCan('secretsmanager:GetSecretValue', DEV_SECRET, TLS);
  // prod ops: named by the Allow, excepted from the Deny. dev ops: its identity policy allows and
  // the Deny excepts only the dev account itself ("NotPrincipal with Deny" examples).
  assert.deepEqual(arns(entries), [`USER ${ops(PROD)}`]);
  const dev = await server.gql(
    `query($p: String!, $r: String!, $c: [ContextEntryInput!]) { simulatePrincipalPolicy(principalArn: $p, actions: ["secretsmanager:GetSecretValue"], resources: [$r], context: $c) { results { decision matchedStatements { sid effect } } } }`,
    { p: ops(DEV), r: DEV_SECRET, c: TLS },
  );
  assert.deepEqual(dev.data.simulatePrincipalPolicy.results[0], { decision: 'EXPLICIT_DENY', matchedStatements: [{ sid: 'OnlyProdOps', effect: 'Deny' }] });
});

test('AWS KMS "Key policies": a key policy that delegates only to its own account gives other accounts\' administrators nothing', async () => {
  assert.deepEqual(arns(await whoCan('kms:Decrypt', KEY, TLS)), [`USER ${ops(LOG)}`]);
});

test('simulateCustomPolicy takes RCP levels, and a given key policy must allow by itself (Organizations "RCP evaluation"; AWS KMS "Key policies")', async () => {
  const q = `query($input: SimulateCustomPolicyInput!) { simulateCustomPolicy(input: $input) { results { action decision matchedStatements { policyName sid effect } } } }`;
  const admin = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  const keyPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'KeyAdmins', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${LOG}:role/KeyAdmin` }, Action: 'kms:*', Resource: '*' }],
  });
  const tls = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'EnforceTLS', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
  });
  const full = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] });
  const key = await server.gql(q, { input: { policies: [admin], resourcePolicy: keyPolicy, callerArn: ops(LOG), actions: ['kms:Decrypt'], resources: [KEY] } });
  assert.equal(key.errors, undefined, JSON.stringify(key.errors));
  assert.equal(key.data.simulateCustomPolicy.results[0].decision, 'IMPLICIT_DENY', 'an administrator the key policy does not name');
  const s3 = await server.gql(q, {
    input: {
      policies: [admin],
      resourceControlPolicies: [[full], [full, tls]],
      callerArn: ops(LOG),
      actions: ['s3:GetObject', 'lambda:InvokeFunction'],
      resources: ['*'],
      context: [{ key: 'aws:SecureTransport', values: ['false'] }],
    },
  });
  assert.equal(s3.errors, undefined, JSON.stringify(s3.errors));
  assert.deepEqual(
    s3.data.simulateCustomPolicy.results.map((r: { decision: string }) => r.decision),
    ['EXPLICIT_DENY', 'ALLOWED'],
    'RCPs do not apply to Lambda',
  );
  assert.deepEqual(s3.data.simulateCustomPolicy.results[0].matchedStatements, [
    { policyName: 'resourceControlPolicies[1][1]', sid: 'EnforceTLS', effect: 'Deny' },
  ]);
});
