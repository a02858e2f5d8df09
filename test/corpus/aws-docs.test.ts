/** Runs the AWS-documentation corpus (aws-docs.cases.ts) through simulateCustomPolicy. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateCustomPolicy } from '../../src/access/simulate-custom.js';
import { cases } from './aws-docs.cases.js';
import { MalformedPolicyError } from '../../src/access/errors.js';

for (const c of cases) {
  test(c.name, () => {
    if (c.expected.error) {
      const want = c.expected.error;
      assert.throws(
        () => simulateCustomPolicy(c.input),
        (e: unknown) => {
          assert.ok(e instanceof MalformedPolicyError, `expected MalformedPolicyError, got ${String(e)}`);
          assert.equal(e.policy, want.policy);
          if (want.line !== undefined) assert.equal(e.line, want.line);
          return true;
        },
      );
      return;
    }
    const results = simulateCustomPolicy(c.input);
    assert.deepEqual(
      results.map((r) => r.decision),
      c.expected.decisions,
      `decisions for ${results.map((r) => `${r.action} on ${r.resource}`).join(', ')}`,
    );
    if (c.expected.missingContextKeys) {
      c.expected.missingContextKeys.forEach((keys, i) => {
        if (keys === undefined) return;
        const got = [...results[i]!.missingContextKeys].map((k) => k.toLowerCase()).sort();
        assert.deepEqual(got, keys.map((k) => k.toLowerCase()).sort(), `missingContextKeys of result ${i}`);
      });
    }
  });
}
