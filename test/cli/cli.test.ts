import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';
import { tempDb } from '../helpers/server.js';

const seedPolicy = (name: string) => path.join(ROOT, 'seed', 'policies', name);

test('accessql lint: the documented trailing comma is an error at its line and column, exit 1 (RFC 8259)', () => {
  const r = runCli(['lint', seedPolicy('000-app-integrations-create-view.json')]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /000-app-integrations-create-view\.json:10:13: error JSON_SYNTAX_ERROR/);
});

test('accessql lint --lenient repairs the trailing comma, still reports the empty action name', () => {
  const r = runCli(['lint', '--lenient', '--json', seedPolicy('000-app-integrations-create-view.json')]);
  const out = JSON.parse(r.stdout);
  const codes = out.findings.map((f: { code: string }) => f.code);
  assert.ok(codes.includes('JSON_REPAIRED_TRAILING_COMMA'), codes.join());
  assert.ok(codes.includes('EMPTY_ACTION_NAME'), codes.join());
  assert.equal(r.status, out.valid ? 0 : 1);
});

test('accessql lint: a valid policy exits 0', () => {
  const r = runCli(['lint', seedPolicy('000-view-user.json')]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('accessql simulate --json prints the simulateCustomPolicy shape; placeholders in the documented ARN match only themselves', () => {
  const contact = 'arn:aws:connect:us-west-2:123456789012:instance/abc/contact/1';
  const r = runCli([
    'simulate',
    '--json',
    '--policy',
    seedPolicy('002-start-contact-recording.json'),
    '--action',
    'connect:StartContactRecording',
    '--resource',
    contact,
    '--resource',
    'arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/1',
  ]);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(
    report.results.map((x: { decision: string }) => x.decision),
    ['IMPLICIT_DENY', 'ALLOWED'],
  );
  assert.deepEqual(Object.keys(report.results[0]).sort(), ['action', 'decision', 'matchedStatements', 'missingContextKeys', 'resource']);
});

test('accessql simulate: a malformed policy file names the policy, line and column, exit 1', () => {
  const r = runCli(['simulate', '--policy', seedPolicy('000-app-integrations-create-view.json'), '--action', 'app-integrations:GetEventIntegration']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /MALFORMED_POLICY_DOCUMENT/);
  assert.match(r.stderr, /policies\[0\]/);
  assert.match(r.stderr, /line 10, column 13/);
});

test('accessql import: a bad file among good ones changes nothing and names file:line:column', () => {
  const db = tempDb();
  const good = path.join(ROOT, 'seed', 'resources.json');
  const bad = path.join(path.dirname(db), 'bad.json');
  writeFileSync(bad, '{\n  "UserDetailList": [\n    {"UserName": "a" "Arn": "x"}\n  ]\n}\n');
  const r = runCli(['import', '--db', db, good, bad]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.json:3:22/);
  const count = runCli([
    'who-can',
    '--db',
    db,
    '--json',
    'connect:DescribeInstance',
    'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1',
  ]);
  assert.equal(JSON.parse(count.stdout).totalCount, 0);
  const ok = runCli(['import', '--db', db, good]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /41 resources/);
});

test('accessql: unknown command and missing arguments are usage errors (exit 2)', () => {
  assert.equal(runCli(['frobnicate']).status, 2);
  assert.equal(runCli(['who-can', 'connect:DescribeUser']).status, 2);
});

test('accessql COMMAND --help prints the usage and exits 0', () => {
  for (const args of [['--help'], ['who-can', '--help'], ['simulate', '-h']]) {
    const r = runCli(args);
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout, /^usage: accessql <command>/);
  }
});
