/**
 * The access index on an estate must give the engine's answer: on a generated organization (the
 * `org` preset's generator at a small size: SCPs and RCPs at several levels, resource policies
 * granting to the owner account, other accounts of the organization, an account outside it,
 * service principals and everyone, role trust policies across accounts), the indexed `whoCan`
 * equals evaluating every stored principal with engine/evaluate.ts (`bruteForce: true`) exactly —
 * same principals (stored and beyond the store) in the same order, decisions, conditional flags,
 * matchedStatements and missingContextKeys. Fixed seeds; counted runs, no clock thresholds.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { writeOrganization, type OrgSpec } from '../../bench/store/generate.js';
import { openStore, type Store } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel } from '../../src/store/account-model.js';
import { loadEstate } from '../../src/store/estate-model.js';
import { AccessIndex, type Evaluated } from '../../src/access/access-index.js';
import { callerContext } from '../../src/access/questions.js';

const SPEC: OrgSpec = {
  accounts: 6,
  account: { users: 24, roles: 14, groups: 4, policies: 40, resources: 40, pageSize: 100 },
  resourcePolicies: 20,
};

let dir: string;
let store: Store;
let index: AccessIndex;
let actions: string[];
let resources: string[];

function observable(list: Evaluated[]) {
  return list.map(({ principal, result }) => ({
    arn: principal.model.arn,
    type: principal.external?.type ?? principal.model.type,
    decision: result.decision,
    conditional: result.conditional,
    missingContextKeys: result.missingContextKeys,
    matchedStatements: result.matchedStatements,
    conditionalStatements: result.conditionalStatements,
  }));
}

const CONTEXT = [
  { key: 'aws:SecureTransport', values: ['false'] },
  { key: 'aws:SecureTransport', values: ['true'] },
  { key: 'aws:RequestedRegion', values: ['us-east-1'] },
  { key: 'aws:RequestedRegion', values: ['ap-south-1'] },
  { key: 'aws:SourceAccount', values: ['123456789012'] },
  { key: 'aws:PrincipalOrgID', values: ['o-elsewhere00'] },
  { key: 'aws:MultiFactorAuthPresent', values: ['true'] },
  { key: 'sts:ExternalId', values: ['x-1'] },
];

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-estate-index-'));
  const files = writeOrganization(path.join(dir, 'org'), 3, SPEC);
  store = openStore(path.join(dir, 'estate.db'));
  importFiles(
    store,
    files.map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') })),
  );
  const model = loadAccountModel(store);
  index = new AccessIndex(model, loadEstate(store));
  const policies = files
    .filter((f) => f.endsWith('resource-policies.json'))
    .flatMap((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { ResourcePolicies: { ResourceArn: string; Policy: unknown }[] }).ResourcePolicies);
  const acts = new Set<string>([
    'sts:AssumeRole',
    'connect:StartContactRecording',
    'cloudtrail:StopLogging',
    'kms:ScheduleKeyDeletion',
    's3:CreateBucket',
    'iam:CreateUser',
    's3:GetObject',
    'ec2:StartInstances',
  ]);
  const res = new Set<string>();
  for (const p of policies) {
    res.add(p.ResourceArn);
    if (p.ResourceArn.startsWith('arn:aws:s3:::')) res.add(`${p.ResourceArn}/reports/1.csv`);
    const text = typeof p.Policy === 'string' ? p.Policy : JSON.stringify(p.Policy);
    for (const m of text.matchAll(/"([a-z0-9-]+:[A-Za-z*]+)"/g)) if (!m[1].startsWith('aws:') && !m[1].includes('*')) acts.add(m[1]);
  }
  const roles = model.principals.filter((p) => p.type === 'ROLE');
  for (let i = 0; i < roles.length; i += 5) res.add(roles[i].arn);
  for (let i = 0; i < model.resources.length; i += 7) res.add(model.resources[i].arn);
  actions = [...acts].sort();
  resources = [...res].sort();
});

after(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('"Policy evaluation logic", "Cross-account policy evaluation logic", Organizations "SCP evaluation" / "RCP evaluation": indexed whoCan equals the engine on every principal of a generated organization', () => {
  const stats = { runs: 0, nonEmpty: 0, allowed: 0, conditional: 0, external: 0, crossAccount: 0, explicitDenyByOrg: 0 };
  const question = fc.record({
    action: fc.constantFrom(...actions),
    resource: fc.constantFrom(...resources),
    context: fc.subarray(CONTEXT, { maxLength: 3 }),
    includeConditional: fc.boolean(),
  });
  fc.assert(
    fc.property(question, ({ action, resource, context, includeConditional }) => {
      const byKey = new Map(context.map((e) => [e.key.toLowerCase(), e]));
      const caller = callerContext([...byKey.values()]);
      const rc = index.resourceContext(resource);
      const indexed = index.whoCan(action, resource, caller, rc, { includeConditional });
      const brute = index.whoCan(action, resource, caller, rc, { includeConditional, bruteForce: true });
      assert.deepEqual(observable(indexed), observable(brute), `${action} on ${resource}`);
      stats.runs++;
      if (indexed.length) stats.nonEmpty++;
      for (const e of indexed) {
        if (e.result.decision === 'ALLOWED') stats.allowed++;
        else stats.conditional++;
        if (e.principal.external) stats.external++;
        const owner = /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(resource)?.[1];
        if (owner && !e.principal.external && e.principal.model.accountId !== owner && e.result.decision === 'ALLOWED') stats.crossAccount++;
      }
    }),
    { seed: 1313, numRuns: 600 },
  );
  // Exercised on real answers: allowed, conditional, beyond the store, across accounts.
  assert.ok(stats.nonEmpty > stats.runs / 10, JSON.stringify(stats));
  assert.ok(stats.allowed > 0 && stats.conditional > 0 && stats.external > 0 && stats.crossAccount > 0, JSON.stringify(stats));
});

test("every resource policy's resource, for every action it names: indexed equals brute force (no context)", () => {
  let asked = 0;
  for (const resource of resources) {
    for (const action of actions) {
      if (!action.startsWith(resource.split(':')[2] + ':') && !(action.startsWith('sts:') && resource.includes(':role/'))) continue;
      const rc = index.resourceContext(resource);
      const indexed = index.whoCan(action, resource, new Map(), rc, { includeConditional: true });
      const brute = index.whoCan(action, resource, new Map(), rc, { includeConditional: true, bruteForce: true });
      assert.deepEqual(observable(indexed), observable(brute), `${action} on ${resource}`);
      asked++;
    }
  }
  assert.ok(asked > 50, String(asked));
});
