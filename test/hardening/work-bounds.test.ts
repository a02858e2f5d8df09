/**
 * The hostile inputs of hostile.test.ts, in process, with the work they cause counted
 * (src/util/steps.ts: characters tokenized, characters examined by the wildcard matcher,
 * statements evaluated, edit-distance cells). Each call must stay within the linear bound of
 * test/fuzz/support.ts — a few steps per input character plus a fixed allowance for catalog
 * look-ups — whatever the machine's speed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePolicy } from '../../src/policy/validate.js';
import { simulateCustomPolicy, type CustomSimulationInput } from '../../src/access/simulate-custom.js';
import { measureSteps } from '../../src/util/steps.js';
import { workBound } from '../fuzz/support.js';

const POLICY = (statement: object | object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statement });

function assertLinear(what: string, size: number, fn: () => unknown): number {
  const { steps } = measureSteps(fn);
  assert.ok(steps <= workBound(size), `${what}: ${steps} steps for ${size} characters (bound ${workBound(size)})`);
  return steps;
}

const inputSize = (input: CustomSimulationInput) => JSON.stringify(input).length;

test('validatePolicy on hostile documents does linear work', () => {
  const docs: [string, string][] = [
    [
      '1 MB of statements',
      POLICY(
        Array.from({ length: 8000 }, (_, i) => ({
          Sid: `S${i}`,
          Effect: 'Allow',
          Action: ['s3:GetObject', 'ec2:Describe*'],
          Resource: `arn:aws:s3:::bucket-${i}/*`,
        })),
      ),
    ],
    ['1 MB wildcard Resource', POLICY({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::' + 'a*'.repeat(500_000) })],
    ['1 MB of whitespace', '{"Version":"2012-10-17",' + ' '.repeat(1_000_000) + '"Statement":[]}'],
    ['2,000 unknown services', POLICY({ Effect: 'Allow', Action: Array.from({ length: 2000 }, (_, i) => `nosuchservice${i}:Get`), Resource: '*' })],
    ['10,000-deep array', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['10,000-deep object', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
    [
      '10,000-deep condition',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":' +
        '{"a":'.repeat(10_000) +
        '1' +
        '}'.repeat(10_000) +
        '}]}',
    ],
    ['unclosed 10,000-deep object', '{"a":'.repeat(10_000)],
  ];
  for (const [what, d] of docs) {
    const steps = assertLinear(what, d.length, () => assert.ok(validatePolicy(d).findings.length > 0, what));
    // Text that is not JSON is located by JSON.parse (native, linear) and is not counted.
    if (!what.startsWith('unclosed')) assert.ok(steps > 0, `${what}: the counter saw the work`);
  }
});

test('simulateCustomPolicy: pathological wildcards against 100 kB strings do linear work (Resource, condition, Action)', () => {
  const long = 'a'.repeat(100_000);
  for (const pattern of ['a*a*a*a*a*a*a*a*b', '*a*a*a*a*a*a*a*a*a*a*a*b*', '*' + 'a?'.repeat(20) + 'b*', '*?'.repeat(30) + 'b']) {
    const inputs: [string, CustomSimulationInput][] = [
      [
        'resource',
        {
          policies: [POLICY({ Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::${pattern}` })],
          actions: ['s3:GetObject', 's3:PutObject'],
          resources: [`arn:aws:s3:::${long}`, `arn:aws:s3:::${long}c`],
        },
      ],
      [
        'condition',
        {
          policies: [
            POLICY({
              Effect: 'Allow',
              Action: 's3:*',
              Resource: '*',
              Condition: { StringLike: { 'aws:PrincipalTag/team': pattern, 's3:prefix': [pattern, pattern] } },
            }),
          ],
          actions: ['s3:ListBucket'],
          context: [
            { key: 'aws:PrincipalTag/team', values: [long] },
            { key: 's3:prefix', values: [long] },
          ],
        },
      ],
      ['action', { policies: [POLICY({ Effect: 'Allow', Action: `s3:${pattern}`, Resource: '*' })], actions: [`s3:${long}`] }],
    ];
    for (const [what, input] of inputs) {
      assertLinear(`${what} ${pattern}`, inputSize(input), () => {
        const results = simulateCustomPolicy(input);
        assert.ok(
          results.every((r) => r.decision === 'IMPLICIT_DENY'),
          `${what} ${pattern}`,
        );
      });
    }
  }
});

test('simulateCustomPolicy: the work of a heavy simulation grows with statements × requests, not faster', () => {
  const run = (statements: number) => {
    const doc = POLICY(
      Array.from({ length: statements }, (_, i) => ({
        Sid: `S${i}`,
        Effect: 'Allow',
        Action: ['s3:Get*', `s3:*Object${i}`],
        Resource: `arn:aws:s3:::bucket-${i}*/*`,
        Condition: { StringLike: { 'aws:PrincipalTag/team': `a*b*c*${i}` } },
      })),
    );
    const input: CustomSimulationInput = {
      policies: [doc],
      actions: Array.from({ length: 10 }, (_, i) => (i % 2 ? 's3:GetObject' : 's3:PutObject')),
      resources: Array.from({ length: 10 }, (_, i) => `arn:aws:s3:::bucket-${i}x/key`),
    };
    return measureSteps(() => simulateCustomPolicy(input)).steps;
  };
  const small = run(50);
  const large = run(500);
  // 10× the statements: at most ~10× the work (the per-statement cost does not grow with the policy).
  assert.ok(large <= 12 * small, `50 statements: ${small} steps, 500 statements: ${large} steps`);
  assert.ok(large >= 5 * small, `the counter must see per-statement work (${small} → ${large})`);
});
