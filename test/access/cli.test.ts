/**
 * `accessql who-can` / `what-can` as a user runs them (child processes on a seeded database):
 * the table names the principals, `--json` prints exactly the GraphQL field (compared with the
 * CLI's own query document run over HTTP against the real server), `--context` feeds the request
 * context, and mistakes exit non-zero with a message saying what was wrong.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { CLI, ROOT, runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';
import { WHAT_CAN, WHO_CAN } from '../../src/cli/operations.js';

const IAM = 'arn:aws:iam::123456789012:';
const A = 'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1';
const B = 'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17';
const A_CONTACT = `${A}/contact/0f2b4d6e-8a1c-4d3e-9f5b-4a6c8e0f2b75`;
const A_AGENT_UNTAGGED = `${A}/agent/ffffffff-0000-4000-8000-000000000000`;
const B_AGENT_TEST = `${B}/agent/7f2c9d4e-8a1b-4c3d-b5e6-0f9a8b7c6d53`;
const RECORDERS = ['role/ConnectSupervisorRole', 'user/alice.nguyen', 'user/bob.martinez', 'user/erin.walsh', 'user/frank.mueller'].map((s) => IAM + s);

let db: string;
let server: TestServer;

before(async () => {
  db = tempDb();
  const seeded = runCli(['seed', '--db', db]);
  assert.equal(seeded.status, 0, seeded.stderr);
  server = await startTestServer({ dbFile: db });
});

after(async () => {
  await server?.stop();
});

function cli(...args: string[]) {
  return runCli([...args, '--db', db]);
}

function json(args: string[]): any {
  const r = cli(...args, '--json');
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/**
 * The CLI without blocking this process: runCli's spawnSync freezes the event loop, so fetch's
 * pooled keep-alive socket is not retired in time and the next request meets a socket the server
 * closed after its 5 s keep-alive ("other side closed"). Tests that talk HTTP use this instead.
 */
function jsonAsync(args: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args, '--json', '--db', db], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${args.join(' ')}: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

async function overHttp(query: string, field: string, variables: Record<string, unknown>): Promise<unknown> {
  let r;
  try {
    r = await server.gql<Record<string, unknown>>(query, { first: 500, after: null, ...variables });
  } catch (e) {
    throw new Error(
      `HTTP failed: ${(e as Error & { cause?: unknown }).cause}; server exit ${server.child.exitCode} ${server.child.signalCode}; stderr: ${server.stderr()}`,
    );
  }
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data![field];
}

describe('accessql who-can', () => {
  test('table: the five principals who may record an instance A contact, one per line, with the granting policy', () => {
    const r = cli('who-can', 'connect:StartContactRecording', A_CONTACT);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    for (const p of RECORDERS) assert.equal(lines.filter((l) => l.startsWith(p + ' ')).length, 1, `${p} listed once`);
    assert.match(r.stdout, /SupervisorContactRecording/);
    assert.match(r.stdout, /AmazonConnect_FullAccess/);
    assert.match(r.stdout, /^5 principal\(s\) can connect:StartContactRecording/m);
    assert.doesNotMatch(r.stdout, /carol\.smith|ConnectAutomationRole/);
  });

  test('table: asked on the instance, says it evaluated contacts', () => {
    const r = cli('who-can', 'connect:StartContactRecording', A);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /evaluated as: contact/);
    for (const p of RECORDERS) assert.ok(r.stdout.includes(p), p);
  });

  test('--json is exactly the whoCan field of the same query over HTTP', async () => {
    const cases: { args: string[]; variables: Record<string, unknown> }[] = [
      {
        args: ['connect:StartContactRecording', A_CONTACT],
        variables: { action: 'connect:StartContactRecording', resource: A_CONTACT, context: [], includeConditional: false },
      },
      {
        args: ['connect:StartContactRecording', A],
        variables: { action: 'connect:StartContactRecording', resource: A, context: [], includeConditional: false },
      },
      {
        args: ['connect:TagResource', B_AGENT_TEST, '--include-conditional'],
        variables: { action: 'connect:TagResource', resource: B_AGENT_TEST, context: [], includeConditional: true },
      },
      {
        args: ['connect:DescribeUser', A_AGENT_UNTAGGED, '--context', 'aws:ResourceTag/Department=Test'],
        variables: {
          action: 'connect:DescribeUser',
          resource: A_AGENT_UNTAGGED,
          context: [{ key: 'aws:ResourceTag/Department', values: ['Test'] }],
          includeConditional: false,
        },
      },
      {
        args: ['connect:DeleteUser', `${A}/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1`],
        variables: { action: 'connect:DeleteUser', resource: `${A}/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1`, context: [], includeConditional: false },
      },
    ];
    for (const c of cases) {
      const printed = await jsonAsync(['who-can', ...c.args]);
      assert.deepEqual(printed, await overHttp(WHO_CAN, 'whoCan', c.variables), c.args.join(' '));
    }
  });

  test('--json with --include-conditional: liam and maya conditional on aws:RequestTag/Owner', () => {
    const printed = json(['who-can', 'connect:TagResource', B_AGENT_TEST, '--include-conditional']);
    const rows = printed.edges.map((e: any) => [e.node.principal.arn.slice(IAM.length), e.node.conditional, e.node.missingContextKeys]);
    assert.deepEqual(rows, [
      ['user/alice.nguyen', false, []],
      ['user/bob.martinez', false, []],
      ['user/liam.oconnor', true, ['aws:RequestTag/Owner']],
      ['user/maya.patel', true, ['aws:RequestTag/Owner']],
    ]);
    // A conditional entry cites the Allow it rests on: ConnectCreateUserTeamA's statement.
    const liam = printed.edges.find((e: any) => e.node.principal.arn === `${IAM}user/liam.oconnor`).node;
    assert.deepEqual(
      liam.matchedStatements.map((m: any) => [m.policyName, m.effect]),
      [['ConnectCreateUserTeamA', 'Allow']],
    );
    const table = cli('who-can', 'connect:TagResource', B_AGENT_TEST, '--include-conditional');
    assert.match(table.stdout, /user\/liam\.oconnor .*if aws:RequestTag\/Owner/);
  });

  test('--context KEY=VALUE: aws:ResourceTag/Department=Test on an untagged agent gives all 11; aws:RequestTag/Owner=TeamA gives liam and maya', () => {
    const without = json(['who-can', 'connect:DescribeUser', A_AGENT_UNTAGGED]);
    assert.equal(without.totalCount, 9);
    const withTag = json(['who-can', 'connect:DescribeUser', A_AGENT_UNTAGGED, '--context', 'aws:ResourceTag/Department=Test']);
    assert.equal(withTag.totalCount, 11);
    assert.ok(withTag.edges.some((e: any) => e.node.principal.arn === `${IAM}user/jack.taylor`));
    const teamA = cli('who-can', 'connect:TagResource', B_AGENT_TEST, '--context', 'aws:RequestTag/Owner=TeamA');
    assert.equal(teamA.status, 0, teamA.stderr);
    for (const u of ['alice.nguyen', 'bob.martinez', 'liam.oconnor', 'maya.patel']) assert.ok(teamA.stdout.includes(`${IAM}user/${u}`), u);
    const teamB = json(['who-can', 'connect:TagResource', B_AGENT_TEST, '--context', 'aws:RequestTag/Owner=TeamB']);
    assert.deepEqual(
      teamB.edges.map((e: any) => e.node.principal.arn),
      [`${IAM}user/alice.nguyen`, `${IAM}user/bob.martinez`],
    );
  });

  test('--context with a value containing "=" keeps everything after the first "="', () => {
    const r = json(['who-can', 'connect:TagResource', B_AGENT_TEST, '--context', 'aws:RequestTag/Owner=TeamA=x']);
    assert.equal(r.totalCount, 2);
  });

  test('an unknown action exits non-zero with a message naming it, and prints nothing on stdout', () => {
    const r = cli('who-can', 'connect:MakeCoffee', '*');
    assert.notEqual(r.status, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /connect:MakeCoffee/);
    assert.match(r.stderr, /unknown action/i);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  test('a resource of the wrong type exits non-zero naming the type the action applies to', () => {
    const r = cli('who-can', 'connect:StartContactRecording', 'arn:aws:s3:::amazon-connect-5f1a2b3c4d6e');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /BAD_USER_INPUT/);
    assert.match(r.stderr, /contact/);
  });

  test('a malformed --context and a missing RESOURCE are usage errors (exit 2)', () => {
    const bad = cli('who-can', 'connect:DescribeUser', A_AGENT_UNTAGGED, '--context', 'no-equals-sign');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /KEY=VALUE/);
    const missing = cli('who-can', 'connect:DescribeUser');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /usage/);
  });

  test('--db defaults to ACCESSQL_DB', () => {
    const r = runCli(['who-can', 'connect:StartContactRecording', A_CONTACT, '--json'], { env: { ACCESSQL_DB: db } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).totalCount, 5);
  });
});

describe('accessql what-can', () => {
  test('table: erin.walsh on an instance A contact — the four recording actions', () => {
    const r = cli('what-can', `${IAM}user/erin.walsh`, A_CONTACT);
    assert.equal(r.status, 0, r.stderr);
    for (const a of ['Resume', 'Start', 'Stop', 'Suspend']) assert.match(r.stdout, new RegExp(`^connect:${a}ContactRecording `, 'm'));
    assert.match(r.stdout, /^4 action\(s\) allowed/m);
  });

  test('--json is exactly the whatCan field of the same query over HTTP', async () => {
    for (const [principal, resource] of [
      [`${IAM}user/jack.taylor`, B_AGENT_TEST],
      [`${IAM}user/alice.nguyen`, `${A}/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1`],
      [`${IAM}role/ConnectAutomationRole`, A_CONTACT],
    ]) {
      const printed = await jsonAsync(['what-can', principal, resource]);
      assert.deepEqual(
        printed,
        await overHttp(WHAT_CAN, 'whatCan', { principalArn: principal, resource, context: [], includeConditional: false }),
        `${principal} ${resource}`,
      );
    }
  });

  test('an unknown principal exits non-zero with NOT_FOUND', () => {
    const r = cli('what-can', `${IAM}user/no.such.person`, A_CONTACT);
    assert.notEqual(r.status, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /NOT_FOUND/);
    assert.match(r.stderr, /no\.such\.person/);
  });
});
