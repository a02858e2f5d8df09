/**
 * Lint through the public surfaces: `accessql lint --format access-analyzer` (Access Analyzer's
 * ValidatePolicy response: Position.line from 1, Position.column from 0, offset from 0 —
 * Access Analyzer API Reference, "Position"), `accessql lint --db`, and GraphQL's
 * validatePolicy(resourceType), Finding.path / learnMoreLink, Policy.findings and
 * policies(filter: { findingType, code }).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixture, runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'accessql-lint-'));
const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "iam:PassRole"],
      "Resource": "*",
      "Condition": {"StringEquals": {"aws:ViaAWSService": "athena.amazonaws.com"}}
    }
  ]
}
`;
const file = path.join(dir, 'policy.json');
writeFileSync(file, POLICY);

test("lint --format access-analyzer prints exactly ValidatePolicy's response shape, with 0-based columns", () => {
  const r = runCli(['lint', '--format', 'access-analyzer', file]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['findings']);
  for (const f of out.findings) {
    assert.deepEqual(Object.keys(f).sort(), ['findingDetails', 'findingType', 'issueCode', 'learnMoreLink', 'locations']);
  }
  const pass = out.findings.find((f: { issueCode: string }) => f.issueCode === 'PASS_ROLE_WITH_STAR_IN_RESOURCE');
  assert.equal(pass.findingType, 'SECURITY_WARNING');
  assert.match(pass.learnMoreLink, /#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource$/);
  const loc = pass.locations[0];
  assert.deepEqual(loc.path, [{ value: 'Statement' }, { index: 0 }, { value: 'Action' }, { index: 1 }]);
  const offset = POLICY.indexOf('"iam:PassRole"');
  const lineStart = POLICY.lastIndexOf('\n', offset) + 1;
  assert.deepEqual(loc.span.start, { line: 6, column: offset - lineStart, offset });
  assert.deepEqual(loc.span.end, { line: 6, column: offset - lineStart + '"iam:PassRole"'.length, offset: offset + '"iam:PassRole"'.length });
  const type = out.findings.find((f: { issueCode: string }) => f.issueCode === 'TYPE_MISMATCH');
  assert.deepEqual(type.locations[0].path, [
    { value: 'Statement' },
    { index: 0 },
    { value: 'Condition' },
    { value: 'StringEquals' },
    { key: 'aws:ViaAWSService' },
  ]);
  assert.equal(POLICY.slice(type.locations[0].span.start.offset, type.locations[0].span.end.offset), '"aws:ViaAWSService"');
});

test('lint --resource-type AWS::IAM::AssumeRolePolicyDocument runs the role trust policy checks', () => {
  const trust = path.join(dir, 'trust.json');
  writeFileSync(
    trust,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRole' },
      ],
    }),
  );
  const r = runCli(['lint', '--json', '--policy-type', 'RESOURCE_POLICY', '--resource-type', 'AWS::IAM::AssumeRolePolicyDocument', trust]);
  const codes = JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code);
  assert.ok(codes.includes('MISMATCHED_ACTION_FOR_PRINCIPAL'), codes.join());
  assert.ok(codes.includes('MISSING_GITHUB_REPO_CONDITION_KEY'), codes.join());
  assert.equal(r.status, 1);
  const bad = runCli(['lint', '--resource-type', 'AWS::Nope', trust]);
  assert.equal(bad.status, 2);
});

let db: string;
let server: TestServer;
before(async () => {
  db = tempDb();
  const imp = runCli(['import', '--db', db, fixture('store', 'authorization-details-cli.json'), file]);
  assert.equal(imp.status, 0, imp.stderr);
  server = await startTestServer({ dbFile: db });
});
after(async () => {
  await server?.stop();
});

test('lint --db lints every stored policy, read-only; a missing database is refused', () => {
  const before = statSync(db).mtimeMs;
  const r = runCli(['lint', '--db', db, '--json']);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const reports = JSON.parse(r.stdout) as { file: string; findings: { code: string }[] }[];
  const standalone = reports.find((x) => x.findings.some((f) => f.code === 'PASS_ROLE_WITH_STAR_IN_RESOURCE'));
  assert.ok(standalone, reports.map((x) => x.file).join(', '));
  assert.ok(reports.length >= 2);
  // Role trust policies are linted as Access Analyzer's AWS::IAM::AssumeRolePolicyDocument.
  assert.ok(
    reports.some((x) => x.file.endsWith('#trust-policy')),
    reports.map((x) => x.file).join(', '),
  );
  assert.equal(statSync(db).mtimeMs, before);
  const missing = path.join(dir, 'nope.db');
  assert.notEqual(runCli(['lint', '--db', missing]).status, 0);
  assert.equal(existsSync(missing), false);
});

test('GraphQL: Finding.path and learnMoreLink; validatePolicy(resourceType) and RESOURCE_CONTROL_POLICY', async () => {
  const r = await server.gql(`query($d: String!) { validatePolicy(document: $d) { findings { code findingType path learnMoreLink line column } } }`, {
    d: POLICY,
  });
  const f = r.data.validatePolicy.findings.find((x: { code: string }) => x.code === 'TYPE_MISMATCH');
  assert.equal(f.path, 'Statement[0].Condition.StringEquals.aws:ViaAWSService');
  assert.match(f.learnMoreLink, /general-warning-type-mismatch$/);
  const rcp = await server.gql(`query($d: String!) { validatePolicy(document: $d, policyType: RESOURCE_CONTROL_POLICY) { valid findings { code } } }`, {
    d: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: '*' }] }),
  });
  assert.deepEqual(
    rcp.data.validatePolicy.findings.map((x: { code: string }) => x.code),
    ['RCP_SYNTAX_ERROR_NOTACTION'],
  );
  const bad = await server.gql(`query($d: String!) { validatePolicy(document: $d, policyType: RESOURCE_POLICY, resourceType: "AWS::Nope") { valid } }`, {
    d: POLICY,
  });
  assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
});

test('GraphQL: Policy.findings and policies(filter: { findingType, code }) across the store', async () => {
  const r = await server.gql(
    `{ policies(filter: { code: "PASS_ROLE_WITH_STAR_IN_RESOURCE" }) { totalCount edges { node { id findings { code findingType path } } } } }`,
  );
  const conn = r.data.policies;
  assert.ok(conn.totalCount >= 1);
  for (const e of conn.edges) assert.ok(e.node.findings.some((f: { code: string }) => f.code === 'PASS_ROLE_WITH_STAR_IN_RESOURCE'));
  const all = await server.gql(`{ policies(first: 500) { totalCount edges { node { id findings { findingType } } } } }`);
  const sw = await server.gql(`{ policies(first: 500, filter: { findingType: SECURITY_WARNING }) { totalCount } }`);
  const expected = all.data.policies.edges.filter((e: { node: { findings: { findingType: string }[] } }) =>
    e.node.findings.some((f) => f.findingType === 'SECURITY_WARNING'),
  ).length;
  assert.equal(sw.data.policies.totalCount, expected);
  assert.ok(readFileSync(file, 'utf8').length > 0);
});

test('lint --format access-analyzer with several files prints one ValidatePolicy response per file, in order', () => {
  const clean = path.join(dir, 'clean.json');
  writeFileSync(clean, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }));
  const r = runCli(['lint', '--format', 'access-analyzer', clean, file]);
  // A JSON sequence: split at the top-level object boundaries.
  const docs = r.stdout
    .trim()
    .split(/\n(?=\{)/)
    .map((x) => JSON.parse(x));
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0], { findings: [] });
  assert.ok(docs[1].findings.some((f: { issueCode: string }) => f.issueCode === 'PASS_ROLE_WITH_STAR_IN_RESOURCE'));
});

test('lint --db refuses a file that is not an accessql database, and leaves it unchanged', () => {
  const other = path.join(dir, 'other.db');
  writeFileSync(other, 'not a database');
  const r = runCli(['lint', '--db', other]);
  assert.notEqual(r.status, 0);
  assert.equal(readFileSync(other, 'utf8'), 'not a database');
});

test('lint --db over the seeded estate: SCPs, RCPs and resource-based policies are linted by their own rules; lenient repairs are warnings', () => {
  const seeded = tempDb();
  const s = runCli(['seed', '--db', seeded]);
  assert.equal(s.status, 0, s.stderr);
  const reports = JSON.parse(runCli(['lint', '--db', seeded, '--json']).stdout) as { file: string; findings: { code: string; findingType: string }[] }[];
  assert.ok(
    reports.some((r) => r.file.endsWith('#resource-policy')),
    'resource-based policies',
  );
  assert.ok(
    reports.some((r) => r.file.endsWith('#trust-policy')),
    'role trust policies',
  );
  const all = reports.flatMap((r) => r.findings);
  assert.equal(all.filter((f) => f.code === 'JSON_SYNTAX_ERROR').length, 0, 'imported documents are read as imported (lenient)');
  // FullAWSAccess ("*" on "*") is every SCP level's default: no finding on an organization policy.
  // (An identity policy granting "*" on "*" is reported: the seed's contact-centre admin role has one.)
  const fullAccess = reports.filter((r) => r.findings.some((f) => f.code === 'FULL_ACCESS')).map((r) => r.file);
  assert.equal(fullAccess.filter((f) => f.startsWith('arn:aws:organizations')).length, 0, fullAccess.join(', '));
  assert.ok(
    fullAccess.some((f) => f.includes(':role/')),
    'an identity policy granting "*" on "*" is reported',
  );
});
