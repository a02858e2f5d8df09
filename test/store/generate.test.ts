import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateAccount, SIZES } from '../../bench/store/generate.js';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel } from '../../src/store/account-model.js';

test('generateAccount is deterministic for a (size, seed) and differs across seeds', () => {
  assert.deepEqual(generateAccount('small', 7), generateAccount('small', 7));
  assert.notDeepEqual(generateAccount('small', 7), generateAccount('small', 8));
});

test('a generated small account has the promised features and imports cleanly', () => {
  const account = generateAccount('small', 1);
  const text = JSON.stringify(account.authorizationPages);
  assert.ok(account.authorizationPages.length > 1, 'split into pages');
  assert.ok(/"PolicyDocument":"%7B/.test(text) && /"PolicyDocument":\{/.test(text), 'object and URL-encoded documents');
  for (const feature of ['NotAction', 'aws:ResourceTag/team', 'aws:PrincipalTag/', '${aws:username}', 'connect:', '"Deny"']) {
    const encoded = encodeURIComponent(feature);
    assert.ok(text.includes(feature.replace(/"/g, '\\"')) || text.includes(encoded), feature);
  }
  const store = openStore(':memory:');
  const files = [...account.authorizationPages, ...account.resourcePages].map((p, i) => ({ name: `page-${i}.json`, text: JSON.stringify(p) }));
  const r = importFiles(store, files);
  const spec = SIZES.small;
  assert.deepEqual([r.users, r.roles, r.groups], [spec.users, spec.roles, spec.groups]);
  assert.equal(r.policies, spec.policies + 10, 'customer managed + the AWS managed ones');
  assert.ok(r.policyVersions > r.policies, 'some policies have several versions');
  assert.ok(r.resources >= spec.resources * 0.9);
  assert.deepEqual(r.accounts, [account.accountId]);
  // Skew: the most attached policy serves a large share of the principals.
  const top = store.db.prepare('SELECT COUNT(*) AS n FROM attachments GROUP BY policy_arn ORDER BY n DESC LIMIT 1').pluck().get() as number;
  assert.ok(top >= (spec.users + spec.roles) / 10, `top attachment count ${top}`);
  const model = loadAccountModel(store);
  assert.equal(model.principals.length, spec.users + spec.roles);
  assert.equal(model.principals.filter((p) => p.missingPolicies.length > 0).length, 0, 'every attached policy is in the output');
});
