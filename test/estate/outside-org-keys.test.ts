/**
 * An account whose IAM state is imported but which the imported organization does not list:
 * "AWS global condition context keys" — aws:PrincipalOrgID and aws:PrincipalOrgPaths are "included
 * in the request context only if the principal is a member of an organization", and
 * aws:ResourceOrgID / aws:ResourceOrgPaths only for resources of an organization's accounts. The
 * store knows those keys are absent: answers cite them neither as missing nor as conditional.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

const OUTSIDE = '777700000001';
const SHARED = 'arn:aws:s3:::example-org-shared-artifacts/build.zip';
const OUTSIDE_BUCKET = 'arn:aws:s3:::outside-team-bucket';
const TLS = [
  { key: 'aws:SecureTransport', values: ['true'] },
  { key: 'aws:RequestedRegion', values: ['us-east-1'] },
];
let server: TestServer;

before(async () => {
  const db = tempDb();
  const dir = fixture('estate-realistic');
  // The sandbox account's administrator, as if in an account of no organization we know.
  const outside = path.join(path.dirname(db), 'outside.json');
  writeFileSync(outside, readFileSync(path.join(dir, 'sandbox-authorization-details.json'), 'utf8').replaceAll('100000000005', OUTSIDE));
  const policies = path.join(path.dirname(db), 'outside-policies.json');
  writeFileSync(
    policies,
    JSON.stringify({
      ResourcePolicies: [
        {
          ResourceArn: OUTSIDE_BUCKET,
          ResourceOwner: OUTSIDE,
          Policy: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'OnlyOurOrganizationsBuckets',
                Effect: 'Allow',
                Principal: '*',
                Action: 's3:GetObject',
                Resource: `${OUTSIDE_BUCKET}/*`,
                Condition: { StringEquals: { 'aws:ResourceOrgID': 'o-rz8k2m4q1a' } },
              },
            ],
          },
        },
      ],
    }),
  );
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f));
  const r = runCli(['import', '--db', db, ...files, outside, policies]);
  assert.equal(r.status, 0, r.stderr);
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

test('"Resource control policies (RCPs)" data perimeter: a stored principal outside the organization is denied for certain, aws:PrincipalOrgID not reported missing', async () => {
  const r = await server.gql(
    `query($c: [ContextEntryInput!]) { simulatePrincipalPolicy(principalArn: "arn:aws:iam::${OUTSIDE}:user/dave", actions: ["s3:GetObject"], resources: ["${SHARED}"], context: $c) {
      results { decision missingContextKeys matchedStatements { policyName sid } } } }`,
    { c: TLS },
  );
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  assert.deepEqual(r.data.simulatePrincipalPolicy.results[0], {
    decision: 'EXPLICIT_DENY',
    missingContextKeys: [],
    matchedStatements: [{ policyName: 'RCP DataPerimeterIdentity at r-7x2q', sid: 'EnforceOrgIdentities' }],
  });
});

test('"AWS global condition context keys" (aws:ResourceOrgID): a bucket of an account outside the organization has no ResourceOrgID — nobody is allowed, not even conditionally', async () => {
  const r = await server.gql(
    `query($c: [ContextEntryInput!]) { whoCan(action: "s3:GetObject", resource: "${OUTSIDE_BUCKET}/a.txt", context: $c, includeConditional: true) {
      edges { node { principal { arn } conditional missingContextKeys } } } }`,
    { c: TLS },
  );
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  // The outside account's own administrator still reads it on its identity policy (same account).
  assert.deepEqual(
    r.data.whoCan.edges.map((e: { node: { principal: { arn: string }; conditional: boolean; missingContextKeys: string[] } }) => [
      e.node.principal.arn,
      e.node.conditional,
      e.node.missingContextKeys,
    ]),
    [
      [`arn:aws:iam::${OUTSIDE}:role/OrganizationAccountAccessRole`, false, []],
      [`arn:aws:iam::${OUTSIDE}:user/dave`, false, []],
    ],
  );
});
