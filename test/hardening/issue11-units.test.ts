/**
 * Issue 11, unit level: the properties behind the API-level tests, counted in steps and bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resourceTypeForArn, findServiceConditionKey, actionSupportsConditionKey } from '../../src/catalog/index.js';
import { countMatchSteps, matchSteps } from '../../src/util/wildcard.js';
import { prepareArn } from '../../src/engine/arn.js';
import { compilePolicy, statementsFor } from '../../src/engine/compile.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { contextFrom } from '../../src/engine/context.js';
import { parsePolicy } from '../../src/policy/parse.js';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Steps of the engine's linear matcher spent typing `arn` (0 when typing does not use it). */
function typingSteps(arn: string): number {
  countMatchSteps(true);
  try {
    resourceTypeForArn(arn);
    return matchSteps.count;
  } finally {
    countMatchSteps(false);
  }
}

test('item 1: typing an ARN ("Actions, resources, and condition keys": ARN formats) costs steps linear in its length, nested formats included', () => {
  const nested = (n: number) => `arn:aws:partnercentral:us-east-1:123456789012:catalog/c${'/engagement/e/resource/r/x'.repeat(n)}/template`;
  const flat = (n: number) => `arn:aws:s3:::bucket/${'k'.repeat(n)}`;
  for (const make of [nested, flat]) {
    const small = typingSteps(make(120));
    const large = typingSteps(make(240));
    const huge = typingSteps(make(960));
    assert.ok(small > 0, "typing runs on the engine's step-counted linear matcher");
    // Doubling the input at most doubles the work (plus a constant); 8× the input, at most ~8×.
    assert.ok(large <= 2.2 * small + 1000, `${make(1).slice(0, 30)}: ${small} → ${large} steps`);
    assert.ok(huge <= 8.8 * small + 4000, `${make(1).slice(0, 30)}: ${small} → ${huge} steps`);
  }
  // The answers are the ones the formats give.
  assert.equal(resourceTypeForArn('arn:aws:connect:us-east-1:123456789012:instance/abc/contact/def')?.name, 'contact');
  assert.equal(resourceTypeForArn('arn:aws:s3:::bucket/a/b/c.txt')?.name, 'object');
  assert.equal(resourceTypeForArn('arn:aws:s3:::bucket')?.name, 'bucket');
  assert.equal(resourceTypeForArn('arn:aws:iam::123456789012:role/path/to/Role')?.name, 'role');
});

test('item 1: templated condition keys match linearly, case-insensitively (aws:ResourceTag/${TagKey})', () => {
  assert.equal(findServiceConditionKey('aws:ResourceTag/Department', 'connect')?.key.toLowerCase(), 'aws:resourcetag/${tagkey}');
  assert.equal(findServiceConditionKey('AWS:RESOURCETAG/x', 'connect')?.key.toLowerCase(), 'aws:resourcetag/${tagkey}');
  assert.equal(findServiceConditionKey('aws:ResourceTag/', 'connect'), undefined, 'a variable is at least one character');
  assert.ok(actionSupportsConditionKey('connect:DescribeUser', 'aws:ResourceTag/Department'));
  const long = `aws:ResourceTag/${'a/'.repeat(50_000)}`;
  countMatchSteps(true);
  try {
    findServiceConditionKey(long, 'connect');
    assert.ok(matchSteps.count < 20 * long.length, `${matchSteps.count} steps for ${long.length} characters`);
  } finally {
    countMatchSteps(false);
  }
});

test('item 2: the prepared-ARN memo is bounded in bytes: 64 distinct 1 MB ARNs do not stay in memory', () => {
  const base = heapAfterGc();
  for (let i = 0; i < 64; i++) prepareArn(`arn:aws:s3:::bucket-${i}/${String.fromCharCode(97 + (i % 26)).repeat(1_000_000)}`);
  const grown = heapAfterGc() - base;
  assert.ok(grown < 24 * 1024 * 1024, `heap grew ${Math.round(grown / 1024 / 1024)} MB`);
});

test('item 2: a compiled policy memoizes statements only for services its own text names, never for made-up ones asked about', () => {
  const policy = compilePolicy(
    parsePolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetObject', 'connect:Describe*'], Resource: '*' },
          { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
        ],
      }),
    ).document,
    'p',
  );
  for (let i = 0; i < 10_000; i++) statementsFor(policy, `svc${i}`);
  statementsFor(policy, 's3');
  statementsFor(policy, 'connect');
  assert.ok(policy.candidates.size <= 2, `${policy.candidates.size} memo entries`);
  assert.equal(statementsFor(policy, 'svc1').length, 1, 'NotAction statement still applies to any service');
  assert.equal(statementsFor(policy, 's3').length, 2);
});

test('item 2: simulating 10,000 made-up actions against a policy leaves no per-action memory behind', () => {
  const policies = [0, 1, 2, 3].map((n) =>
    compilePolicy(
      parsePolicy(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: Array.from({ length: 200 }, (_, i) => ({
            Effect: 'Allow',
            Action: `svc${i}:Get*`,
            Resource: `arn:aws:s3:::b${i}-${n}/\${aws:username}/*`,
          })),
        }),
      ).document,
      `p${n}`,
    ),
  );
  const context = contextFrom([{ key: 'aws:username', values: ['alice'] }]);
  const run = (round: number) => {
    for (let i = 0; i < 10_000; i++) evaluate({ action: `made${round}x${i}:Action${i}`, resource: '*', context }, { identityPolicies: policies });
  };
  run(0);
  const base = heapAfterGc();
  for (let round = 1; round <= 5; round++) run(round);
  const grown = heapAfterGc() - base;
  assert.ok(grown < 4 * 1024 * 1024, `heap grew ${Math.round(grown / 1024)} kB over 50,000 made-up actions`);
});

test("item 3: a long condition evaluation charges its work (values × patterns) to the caller's hook, which can stop it", async () => {
  const budget: typeof import('../../src/engine/budget.js') = await import('../../src/engine/budget.js');
  const patterns = Array.from({ length: 2000 }, (_, i) => `*q${i}*z`);
  const policy = compilePolicy(
    parsePolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': patterns } } }],
      }),
    ).document,
    'p',
  );
  const values = Array.from({ length: 1000 }, (_, i) => `key-${i}`);
  const context = contextFrom([{ key: 'aws:TagKeys', values, type: 'STRING_LIST' }]);
  let charged = 0;
  const result = budget.withWorkHook(
    (steps) => (charged += steps),
    () => evaluate({ action: 's3:GetObject', resource: '*', context }, { identityPolicies: [policy] }),
  );
  assert.equal(result.decision, 'IMPLICIT_DENY');
  // Every request value is compared with every pattern (no match): ~2,000 × 1,000 comparisons.
  assert.ok(charged >= 1000 * 2000 - budget.WORK_QUANTUM && charged <= 1000 * 2001 + budget.WORK_QUANTUM, `${charged} steps charged`);
  // A hook that throws stops the evaluation after its first quantum of work.
  let calls = 0;
  assert.throws(
    () =>
      budget.withWorkHook(
        () => {
          calls++;
          throw new Error('deadline');
        },
        () => evaluate({ action: 's3:GetObject', resource: '*', context }, { identityPolicies: [policy] }),
      ),
    /deadline/,
  );
  assert.equal(calls, 1);
  // Without a hook, nothing is charged and nothing is stopped.
  assert.equal(evaluate({ action: 's3:GetObject', resource: '*', context }, { identityPolicies: [policy] }).decision, 'IMPLICIT_DENY');
});

test(
  'item 3: a simulation off the main thread gives the in-thread answers, and stops at its deadline with SimulationTimeoutError',
  { timeout: 60_000 },
  async () => {
    const { simulateOffThread, SimulationTimeoutError } = await import('../../src/access/simulate-off-thread.js');
    const { simulateCustomPolicy } = await import('../../src/access/simulate-custom.js');
    const light = {
      policies: [
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'A', Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::b/*', Condition: { StringLike: { 'aws:PrincipalTag/team': 'a*' } } },
          ],
        }),
      ],
      actions: ['s3:GetObject', 's3:PutObject'],
      resources: ['arn:aws:s3:::b/k', 'arn:aws:s3:::c/k'],
      context: [{ key: 'aws:PrincipalTag/team', values: ['alpha'] }],
    };
    assert.deepEqual(await simulateOffThread(light, Date.now() + 30_000), simulateCustomPolicy(light));
    // Malformed input comes back as the same typed error.
    await assert.rejects(simulateOffThread({ ...light, policies: ['{"Statement": ['] }, Date.now() + 30_000), (e: Error) => e.name === 'MalformedPolicyError');
    // A heavy one (2,000 patterns × 100,000 values) ends at its deadline, whichever side notices first.
    const heavy = {
      policies: [
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: '*',
              Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': Array.from({ length: 2000 }, (_, i) => `*${i.toString(36)}*`) } },
            },
          ],
        }),
      ],
      actions: ['s3:GetObject'],
      context: [{ key: 'aws:TagKeys', values: Array.from({ length: 100_000 }, () => 'NO-DIGITS-OR-LOWER-CASE-HERE') }],
    };
    for (const grace of [300, 1500]) {
      await assert.rejects(simulateOffThread(heavy, Date.now() + grace), SimulationTimeoutError);
    }
  },
);
