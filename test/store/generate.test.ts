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

test('the org preset: an organization document, several accounts and resource policies that import as one estate', async () => {
  const { writeOrganization, organizationLayout } = await import('../../bench/store/generate.js');
  const { loadEstate } = await import('../../src/store/estate-model.js');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const spec = { accounts: 6, account: { users: 20, roles: 10, groups: 3, policies: 15, resources: 30, pageSize: 50 }, resourcePolicies: 12 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-org-'));
  const files = writeOrganization(dir, 3, spec);
  const again = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-org-'));
  writeOrganization(again, 3, spec);
  for (const f of files) assert.equal(fs.readFileSync(f, 'utf8'), fs.readFileSync(path.join(again, path.basename(f)), 'utf8'), 'deterministic');
  const store = openStore(':memory:');
  const r = importFiles(
    store,
    files.map((f) => ({ name: f, text: fs.readFileSync(f, 'utf8') })),
  );
  const layout = organizationLayout(3, spec);
  assert.equal(r.organization, layout.organizationId);
  assert.deepEqual(r.accounts, [...layout.accountIds].sort());
  assert.equal(r.users + r.roles, spec.accounts * 30);
  assert.equal(r.resourcePolicies, spec.accounts * spec.resourcePolicies);
  const crossTrust = store.db
    .prepare(
      `SELECT COUNT(*) FROM principals WHERE type = 'ROLE' AND trust_policy LIKE '%arn:aws:iam::%:root%'
      AND instr(trust_policy, 'arn:aws:iam::' || account_id || ':root') = 0`,
    )
    .pluck()
    .get() as number;
  assert.ok(crossTrust > 0, 'some roles trust other accounts');
  const estate = loadEstate(store);
  for (const id of layout.accountIds) assert.ok(estate.placement(id), `${id} is placed in the tree`);
  const deepest = Math.max(...layout.accountIds.map((id) => estate.serviceControlPolicies({ arn: `arn:aws:iam::${id}:user/x`, accountId: id })?.length ?? 0));
  assert.ok(deepest >= 4, 'root → two levels of OUs → account');
  assert.equal(estate.serviceControlPolicies({ arn: `arn:aws:iam::${layout.managementAccountId}:user/x`, accountId: layout.managementAccountId }), null);
  const levels = layout.accountIds.slice(1).map((id) => estate.serviceControlPolicies({ arn: `arn:aws:iam::${id}:user/x`, accountId: id })!);
  assert.ok(
    levels.some((l) => l.some((level) => level.policies.some((p) => p.name === 'SandboxAllowList'))),
    'an allow-list SCP in place of FullAWSAccess',
  );
  assert.ok(
    layout.accountIds.slice(1).some((id) => estate.resourceControlPolicies(id)!.some((l) => l.policies.some((p) => p.name === 'EnforceTLS'))),
    'RCPs below the root',
  );
  store.close();
});
