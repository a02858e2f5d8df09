/**
 * Start-up (issue 16): the server builds its access index right after it starts listening, not
 * on the first question, and says so in its log; the URL is printed first, so starting stays quick.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb } from '../helpers/server.js';

const db = tempDb();
assert.equal(runCli(['seed', '--db', db]).status, 0);

/** Polls the server's log for a message (a bounded number of times, not a time limit on the build). */
async function logged(server: { stderr(): string }, msg: string): Promise<void> {
  for (let i = 0; i < 600 && !server.stderr().includes(msg); i++) await sleep(100);
}

test('serve: listening first, then the access index is built in the background and logged ready, then a warm-up question; questions are answered from it', async () => {
  const server = await startTestServer({ dbFile: db, env: { ACCESSQL_LOG_LEVEL: 'info' } });
  try {
    // No question asked yet: the build starts by itself.
    await logged(server, 'warm-up question answered');
    const lines = server
      .stderr()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; principals?: number; ms?: number });
    const at = (msg: string) => lines.findIndex((l) => l.msg.startsWith(msg));
    assert.ok(at('listening') >= 0, server.stderr());
    assert.ok(at('building the access index') > at('listening'), 'the build starts after listen');
    const ready = lines[at('access index ready')];
    assert.ok(ready, 'the log says when the index is ready');
    assert.ok(ready.principals! > 0 && Number.isInteger(ready.ms));
    const warm = lines[at('warm-up question answered')] as { errors?: string[]; questions?: number };
    assert.ok(at('warm-up question answered') > at('access index ready'));
    assert.equal(warm.errors, undefined, 'the warm-up questions (sts:AssumeRole on a stored role, an action on a stored resource) are answered without errors');
    assert.equal(warm.questions, 2, 'the seed has a role and resources: both warm-up questions are asked');
    const r = await server.gql('{ principals { totalCount } }');
    assert.equal(ready.principals! >= r.data.principals.totalCount, true, 'the index holds every stored principal');
    const who = await server.gql(
      `{ whoCan(action: "connect:StartContactRecording", resource: "arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1") { totalCount } }`,
    );
    assert.equal(who.errors, undefined);
    assert.equal(who.data.whoCan.totalCount, 5, "the README's first question: five principals");
    assert.equal(lines.filter((l) => l.msg.startsWith('building the access index')).length, 1);
  } finally {
    await server.stop();
  }
});

test('the warm-up question passes the read token when the server needs one', async () => {
  const server = await startTestServer({ dbFile: db, env: { ACCESSQL_LOG_LEVEL: 'info', ACCESSQL_READ_TOKEN: 'read-secret-1234567890' } });
  try {
    await logged(server, 'warm-up question answered');
    const line = server
      .stderr()
      .split('\n')
      .find((l) => l.includes('warm-up question answered'));
    assert.ok(line, server.stderr());
    assert.equal((JSON.parse(line) as { errors?: string[] }).errors, undefined);
    assert.ok(!server.stderr().includes('read-secret-1234567890'), 'the token is never logged');
  } finally {
    await server.stop();
  }
});
