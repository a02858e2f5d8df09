/**
 * scripts/export-organization.sh against a stand-in `aws` that answers each `aws organizations`
 * call with the shape the AWS CLI prints (describe-organization, list-roots,
 * list-organizational-units-for-parent, list-accounts-for-parent, list-policies, describe-policy,
 * list-targets-for-policy), built from the test organization: the script's output must be the
 * organization document, and accessql must import it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT as REPO } from '../helpers/cli.js';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadEstate } from '../../src/store/estate-model.js';
import { DEV, organizationDocument, ORG_ID, OU_DEV, OU_WORKLOADS, ROOT } from '../store/estate-fixture.js';

type Node = { Id: string; ParentId: string };
type Pol = { PolicySummary: { Id: string; Type: string }; Content: string; Targets: unknown[] };

function cliAnswers(): Record<string, unknown> {
  const doc = organizationDocument();
  const strip = (n: Node) => {
    const { ParentId: _, ...rest } = n;
    return rest;
  };
  const ous = doc.OrganizationalUnits as Node[];
  const accounts = doc.Accounts as Node[];
  const policies = doc.Policies as Pol[];
  const parents = [ROOT, ...ous.map((o) => o.Id)];
  const out: Record<string, unknown> = {
    'describe-organization': { Organization: doc.Organization },
    'list-roots': { Roots: doc.Roots },
  };
  for (const p of parents) {
    out[`list-organizational-units-for-parent ${p}`] = { OrganizationalUnits: ous.filter((o) => o.ParentId === p).map(strip) };
    out[`list-accounts-for-parent ${p}`] = { Accounts: accounts.filter((a) => a.ParentId === p).map(strip) };
  }
  for (const type of ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']) {
    out[`list-policies ${type}`] = { Policies: policies.filter((p) => p.PolicySummary.Type === type).map((p) => p.PolicySummary) };
  }
  for (const p of policies) {
    out[`describe-policy ${p.PolicySummary.Id}`] = { Policy: { PolicySummary: p.PolicySummary, Content: p.Content } };
    out[`list-targets-for-policy ${p.PolicySummary.Id}`] = { Targets: p.Targets };
  }
  return out;
}

test('scripts/export-organization.sh assembles the organization document that accessql imports', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'accessql-export-'));
  writeFileSync(path.join(dir, 'answers.json'), JSON.stringify(cliAnswers()));
  const stub = path.join(dir, 'aws');
  writeFileSync(
    stub,
    `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(path.join(dir, 'calls.log'))}, args.join(' ') + '\\n');
const answers = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(dir, 'answers.json'))}, 'utf8'));
const op = args[1];
const arg = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const key = [op, arg('--parent-id') ?? arg('--filter') ?? arg('--policy-id')].filter(Boolean).join(' ');
if (!(key in answers)) { process.stderr.write('unexpected call: ' + key + '\\n'); process.exit(254); }
process.stdout.write(JSON.stringify(answers[key], null, 4) + '\\n');
`,
  );
  chmodSync(stub, 0o755);
  const r = spawnSync('bash', [path.join(REPO, 'scripts/export-organization.sh'), '--profile', 'management'], {
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const calls = readFileSync(path.join(dir, 'calls.log'), 'utf8').trim().split('\n');
  assert.ok(
    calls.every((c) => c.startsWith('organizations ') && c.includes('--profile management') && c.includes('--output json')),
    'arguments reach every aws call',
  );
  const produced = JSON.parse(r.stdout) as Record<string, unknown>;
  const expected = organizationDocument();
  const byId = (l: unknown) =>
    [...(l as { Id?: string; PolicySummary?: { Id: string } }[])].sort((a, b) => (a.Id ?? a.PolicySummary!.Id).localeCompare(b.Id ?? b.PolicySummary!.Id));
  assert.deepEqual(produced.Organization, expected.Organization);
  assert.deepEqual(produced.Roots, expected.Roots);
  assert.deepEqual(byId(produced.OrganizationalUnits), byId(expected.OrganizationalUnits));
  assert.deepEqual(byId(produced.Accounts), byId(expected.Accounts));
  assert.deepEqual(byId(produced.Policies), byId(expected.Policies));

  const store = openStore(':memory:');
  const imported = importFiles(store, [{ name: 'organization.json', text: r.stdout }]);
  assert.deepEqual(imported.files, [{ name: 'organization.json', format: 'organization' }]);
  assert.equal(loadEstate(store).placement(DEV)?.path, `${ORG_ID}/${ROOT}/${OU_WORKLOADS}/${OU_DEV}/`);
  store.close();
});
