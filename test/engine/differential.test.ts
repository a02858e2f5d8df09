/**
 * Differential test: accessql's engine against @cloud-copilot/iam-simulate 0.1.173 (a devDependency,
 * AGPL, used only from test/ and bench/) on deterministic generated principals and requests.
 *
 * Known, documented difference (excluded below):
 *  - Request resource "*" (actions without resource-level permissions). iam-simulate treats a "*"
 *    request resource as a wildcard that overlaps any policy Resource pattern, so a statement with
 *    `arn:aws:ec2:*:123456789012:instance/*` applies to it. AWS documents the opposite: for such
 *    actions the policy must grant "*" — "Amazon Connect identity-based policy examples", Note under
 *    "Grant View User permissions": "If you don't specify a user ARN or ID in your statement, you
 *    must also grant the permission to use all resources for the action using the * wildcard for
 *    the Resource element"; and "IAM JSON policy elements: Resource": specific ARNs apply only to
 *    actions that support that resource type. accessql matches the literal "*" request resource
 *    only against patterns that match the text "*".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/engine/evaluate.js';
import { FOREIGN, principalOf, policyOf, requestOf, rng, SAME, type JsonPolicy } from './generate.js';
import { simulateWithIamSimulate, simulateWithIamSimulateAsync, toPolicySet, toRequest, type Scenario } from './adapters.js';

const ALLOW_ALL: JsonPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

test('differential: identity policies, boundaries and SCPs agree with iam-simulate on 400 generated requests', () => {
  const r = rng(1234);
  let compared = 0;
  let excludedWildcardResource = 0;
  const mismatches: string[] = [];
  for (let i = 0; i < 40; i++) {
    const principal = principalOf(r, i, 30, i % 4 === 0);
    const scenario: Scenario = { principal };
    if (i % 5 === 1) scenario.scps = [[ALLOW_ALL], [policyOf(r, 3, 0.3, 0.2)]];
    const set = toPolicySet(scenario);
    for (let j = 0; j < 10; j++) {
      const req = requestOf(r, principal);
      const ours = evaluate(toRequest(scenario, req), set).decision;
      const theirs = simulateWithIamSimulate(scenario, req);
      compared++;
      if (ours === theirs) continue;
      if (req.resource === '*') {
        excludedWildcardResource++; // see the header: AWS docs side with accessql here
        continue;
      }
      mismatches.push(`${i}/${j} ${req.action} ${req.resource}: accessql ${ours}, iam-simulate ${theirs}`);
    }
  }
  assert.equal(compared, 400);
  assert.deepEqual(mismatches, []);
  assert.ok(excludedWildcardResource <= 20, `excluded ${excludedWildcardResource}`);
});

test('differential: resource-based policies (same and cross account, every principal form) agree with iam-simulate', async () => {
  const r = rng(99);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let compared = 0;
  const mismatches: string[] = [];
  for (let i = 0; i < 80; i++) {
    const principal = principalOf(r, i, 10, i % 3 === 0);
    if (i % 2 === 0) {
      principal.accountId = FOREIGN;
      principal.arn = principal.arn.replace(SAME, FOREIGN);
    }
    const sessionArn = principal.arn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/') + '/accessql';
    const who = pick<any>([
      '*',
      { AWS: '*' },
      { AWS: principal.arn },
      { AWS: principal.accountId },
      { AWS: `arn:aws:iam::${principal.accountId}:root` },
      { AWS: sessionArn },
      { AWS: `arn:aws:iam::${SAME}:user/zed` },
    ]);
    const resourcePolicy: JsonPolicy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'RP', Effect: pick(['Allow', 'Allow', 'Deny']), Principal: who, Action: pick(['s3:*', 's3:Get*', 'connect:*', '*']), Resource: '*' }],
    };
    const scenario: Scenario = { principal, resourcePolicy, owner: SAME };
    const set = toPolicySet(scenario);
    for (let j = 0; j < 6; j++) {
      const req = requestOf(r, principal, SAME);
      if (req.resource === '*') continue; // see the header
      const theirs = await simulateWithIamSimulateAsync(scenario, req);
      if (theirs === 'ERROR') continue; // iam-simulate rejects action/resource-type pairs that AWS would reject too
      const ours = evaluate(toRequest(scenario, req), set).decision;
      compared++;
      if (ours !== theirs) mismatches.push(`${i}/${j} ${JSON.stringify(who)} ${req.action} ${req.resource}: accessql ${ours}, iam-simulate ${theirs}`);
    }
  }
  assert.ok(compared >= 200, `compared ${compared}`);
  assert.deepEqual(mismatches, []);
});
