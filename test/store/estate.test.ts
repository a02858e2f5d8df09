/**
 * The estate's storage: several accounts, the organization document, the resource policies
 * document, and the estate model the evaluator stands on. Each imported shape is AWS CLI output:
 * `aws iam get-account-authorization-details`; `aws organizations describe-organization`,
 * `list-roots`, `list-organizational-units-for-parent`, `list-accounts-for-parent`,
 * `describe-policy`, `list-targets-for-policy`; `aws s3api get-bucket-policy`, `aws kms
 * get-key-policy`, `aws sqs get-queue-attributes` (the Policy texts of the resource policies file).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { ImportError } from '../../src/store/errors.js';
import { buildEstate, loadEstate, loadEstateData, RCP_FULL_AWS_ACCESS, type EstateData } from '../../src/store/estate-model.js';
import { rawChecksum } from './helpers.js';
import {
  accountDetails,
  BUCKET,
  DEV,
  KEY,
  LOG,
  MGMT,
  organizationDocument,
  ORG_ID,
  OU_DEV,
  OU_PROD,
  OU_SECURITY,
  OU_WORKLOADS,
  PROD,
  QUEUE,
  resourcePoliciesDocument,
  ROOT,
} from './estate-fixture.js';

const file = (name: string, value: unknown) => ({ name, text: JSON.stringify(value, null, 2) });

function estateStore(): Store {
  const store = openStore(':memory:');
  importFiles(store, [
    file('prod.json', accountDetails(PROD)),
    file('dev.json', accountDetails(DEV)),
    file('mgmt.json', accountDetails(MGMT)),
    file('org.json', organizationDocument()),
    file('policies.json', resourcePoliciesDocument()),
  ]);
  return store;
}

function refused(store: Store, files: { name: string; text: string }[]): ImportError {
  const before = rawChecksum(store);
  let caught: unknown;
  try {
    importFiles(store, files);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof ImportError, `expected an ImportError, got ${String(caught)}`);
  assert.equal(rawChecksum(store), before, 'a refused import changes nothing');
  return caught;
}

/** 1-based line and column of the first occurrence of `needle` in text. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in text`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

// ---------- several accounts ----------

test('get-account-authorization-details of two accounts: each import replaces only the account it describes', () => {
  const store = openStore(':memory:');
  importFiles(store, [file('prod.json', accountDetails(PROD)), file('dev.json', accountDetails(DEV))]);
  const arns = () => store.db.prepare('SELECT arn FROM principals ORDER BY arn').pluck().all() as string[];
  assert.equal(arns().length, 6);
  const prodAgain = accountDetails(PROD);
  (prodAgain.UserDetailList as { UserName: string; Arn: string }[])[0] = {
    ...(prodAgain.UserDetailList as object[])[0],
    UserName: 'ops2',
    Arn: `arn:aws:iam::${PROD}:user/ops2`,
  } as { UserName: string; Arn: string };
  const r = importFiles(store, [file('prod-again.json', prodAgain)]);
  assert.deepEqual(r.accounts, [PROD]);
  const now = arns();
  assert.ok(now.includes(`arn:aws:iam::${PROD}:user/ops2`));
  assert.ok(!now.includes(`arn:aws:iam::${PROD}:user/ops`), 'the re-imported account lost what its new output no longer lists');
  assert.ok(now.includes(`arn:aws:iam::${DEV}:user/ops`), 'the other account is untouched');
  assert.equal(now.filter((a) => a.includes(`::${DEV}:`)).length, 3);
  store.close();
});

// ---------- the organization document ----------

test('organization document: detected from content although it has Policies like authorization details', () => {
  const store = openStore(':memory:');
  const r = importFiles(store, [file('org.json', organizationDocument())]);
  assert.deepEqual(r.files, [{ name: 'org.json', format: 'organization' }]);
  assert.equal(r.organization, ORG_ID);
  assert.equal(r.organizationAccounts, 4);
  assert.equal(r.organizationalUnits, 4);
  assert.equal(r.organizationPolicies, 7);
  assert.equal(r.users + r.roles + r.policies, 0, 'no IAM entity was read from its Policies');
  // A document carrying only Policies in describe-policy's shape is still an organization document.
  const onlyPolicies = { Policies: (organizationDocument().Policies as object[]).slice(0, 1) };
  const e = refused(store, [file('only-policies.json', onlyPolicies)]);
  assert.match(e.message, /missing Organization/);
  store.close();
});

test('organization document: the tree, the policies with type and targets are stored', () => {
  const store = estateStore();
  const row = store.db.prepare('SELECT id, master_account_id, feature_set FROM org_organization').get();
  assert.deepEqual(row, { id: ORG_ID, master_account_id: MGMT, feature_set: 'ALL' });
  const parents = Object.fromEntries(
    (store.db.prepare('SELECT id, parent_id FROM org_nodes').all() as { id: string; parent_id: string | null }[]).map((n) => [n.id, n.parent_id]),
  );
  assert.deepEqual(parents, {
    [ROOT]: null,
    [OU_WORKLOADS]: ROOT,
    [OU_SECURITY]: ROOT,
    [OU_PROD]: OU_WORKLOADS,
    [OU_DEV]: OU_WORKLOADS,
    [MGMT]: ROOT,
    [PROD]: OU_PROD,
    [DEV]: OU_DEV,
    [LOG]: OU_SECURITY,
  });
  const targets = store.db.prepare("SELECT target_id FROM org_policy_targets WHERE policy_id = 'p-norecord1'").pluck().all();
  assert.deepEqual(targets, [OU_DEV]);
  const types = store.db.prepare('SELECT type, COUNT(*) AS n FROM org_policies GROUP BY type ORDER BY type').all();
  assert.deepEqual(types, [
    { type: 'RESOURCE_CONTROL_POLICY', n: 2 },
    { type: 'SERVICE_CONTROL_POLICY', n: 5 },
  ]);
  store.close();
});

test('organization document: importing another one replaces the stored organization whole', () => {
  const store = estateStore();
  const next = organizationDocument();
  next.OrganizationalUnits = (next.OrganizationalUnits as { Id: string }[]).filter((u) => u.Id !== OU_SECURITY);
  next.Accounts = (next.Accounts as { Id: string }[]).filter((a) => a.Id !== LOG);
  next.Policies = (next.Policies as { PolicySummary: { Id: string }; Targets: { TargetId: string }[] }[])
    .filter((p) => p.PolicySummary.Id !== 'p-protectlg')
    .map((p) => ({ ...p, Targets: p.Targets.filter((t) => t.TargetId !== OU_SECURITY && t.TargetId !== LOG) }));
  importFiles(store, [file('org2.json', next)]);
  const ids = store.db.prepare('SELECT id FROM org_nodes ORDER BY id').pluck().all();
  assert.ok(!ids.includes(LOG) && !ids.includes(OU_SECURITY));
  assert.equal(store.db.prepare("SELECT COUNT(*) FROM org_policies WHERE id = 'p-protectlg'").pluck().get(), 0);
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM org_policy_targets WHERE target_id IN (?, ?)').pluck().get(LOG, OU_SECURITY), 0);
  // IAM state and resource policies are not the organization's: they stay.
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM principals').pluck().get(), 9);
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM resource_policies').pluck().get(), 3);
  store.close();
});

test('organization document: a ParentId that names nothing is refused at its element, nothing changes', () => {
  const store = estateStore();
  const bad = organizationDocument();
  (bad.Accounts as { ParentId: string }[])[2].ParentId = 'ou-ab12-99999999';
  const f = file('bad-parent.json', bad);
  const e = refused(store, [f]);
  assert.equal(e.file, 'bad-parent.json');
  assert.equal(e.path, 'Accounts[2].ParentId');
  assert.deepEqual({ line: e.line, column: e.column }, positionOf(f.text, '"ParentId": "ou-ab12-99999999"'));
  assert.match(e.message, /ou-ab12-99999999 names no root or organizational unit/);
  store.close();
});

test('organization document: a policy target that names nothing, a wrong target Type, a cycle, a duplicate id, an unsupported type', () => {
  const store = estateStore();
  const cases: [string, (d: Record<string, unknown>) => void, string, RegExp][] = [
    [
      'target',
      (d) => {
        (d.Policies as { Targets: { TargetId: string }[] }[])[3].Targets[0].TargetId = '999999999999';
      },
      'Policies[3].Targets[0].TargetId',
      /names no root, organizational unit or account/,
    ],
    [
      'target type',
      (d) => {
        (d.Policies as { Targets: { Type: string }[] }[])[3].Targets[0].Type = 'ACCOUNT';
      },
      'Policies[3].Targets[0].Type',
      /is an ORGANIZATIONAL_UNIT, not ACCOUNT/,
    ],
    [
      'cycle',
      (d) => {
        (d.OrganizationalUnits as { ParentId: string }[])[0].ParentId = OU_PROD;
      },
      'OrganizationalUnits[0].ParentId',
      /cycle/,
    ],
    [
      'parent is an account',
      (d) => {
        (d.OrganizationalUnits as { ParentId: string }[])[2].ParentId = PROD;
      },
      'OrganizationalUnits[2].ParentId',
      /is an account/,
    ],
    [
      'duplicate',
      (d) => {
        (d.Accounts as { Id: string }[])[1].Id = MGMT;
      },
      'Accounts[1].Id',
      /listed twice/,
    ],
    [
      'tag policy',
      (d) => {
        (d.Policies as { PolicySummary: { Type: string } }[])[1].PolicySummary.Type = 'TAG_POLICY';
      },
      'Policies[1].PolicySummary.Type',
      /TAG_POLICY is not evaluated/,
    ],
    [
      'no ParentId',
      (d) => {
        delete (d.Accounts as { ParentId?: string }[])[0].ParentId;
      },
      'Accounts[0].ParentId',
      /missing ParentId/,
    ],
  ];
  for (const [name, mutate, path, reason] of cases) {
    const d = organizationDocument();
    mutate(d);
    const e = refused(store, [file(`${name}.json`, d)]);
    assert.equal(e.path, path, name);
    assert.match(e.reason, reason, name);
    assert.ok(e.line !== undefined && e.column !== undefined, `${name}: a position in the file`);
  }
  store.close();
});

test('organization document: Content that is not JSON names the element and the line and column inside the decoded document', () => {
  const store = estateStore();
  const d = organizationDocument();
  (d.Policies as { Content: string }[])[2].Content =
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Deny" "Action": "*", "Resource": "*"}\n  ]\n}';
  const e = refused(store, [file('bad-content.json', d)]);
  assert.equal(e.path, 'Policies[2].Content');
  assert.equal(e.inDocument, true);
  assert.deepEqual({ line: e.line, column: e.column }, { line: 4, column: 23 });
  assert.match(e.message, /bad-content\.json: Policies\[2\]\.Content: line 4, column 23 of the decoded document/);
  store.close();
});

// ---------- the resource policies document ----------

test('resource policies: Policy as JSON text (get-bucket-policy) or as an object; owner from ARN or ResourceOwner', () => {
  const store = estateStore();
  const rows = store.db.prepare('SELECT arn, account_id, owner_account_id, service, resource_type FROM resource_policies ORDER BY arn').all();
  assert.deepEqual(rows, [
    { arn: KEY, account_id: LOG, owner_account_id: null, service: 'kms', resource_type: 'key' },
    { arn: BUCKET, account_id: null, owner_account_id: LOG, service: 's3', resource_type: 'bucket' },
    { arn: QUEUE, account_id: PROD, owner_account_id: null, service: 'sqs', resource_type: null },
  ]);
  const bucket = JSON.parse(store.db.prepare('SELECT policy FROM resource_policies WHERE arn = ?').pluck().get(BUCKET) as string);
  assert.equal(bucket.Statement[0].Sid, 'ProdWrites');
  store.close();
});

test("resource policies: importing a policy for an ARN replaces that resource's policy only", () => {
  const store = estateStore();
  const r = importFiles(store, [
    file('again.json', {
      ResourcePolicies: [
        { ResourceArn: QUEUE, Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sqs:*","Resource":"*"}]}' },
      ],
    }),
  ]);
  assert.deepEqual(r.files, [{ name: 'again.json', format: 'resource-policies' }]);
  assert.equal(r.resourcePolicies, 1);
  assert.match(store.db.prepare('SELECT policy FROM resource_policies WHERE arn = ?').pluck().get(QUEUE) as string, /"Deny"/);
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM resource_policies').pluck().get(), 3);
  store.close();
});

test('resource policies: bad entries are refused with their element path; nothing changes', () => {
  const store = estateStore();
  const cases: [object, string, RegExp][] = [
    [{ ResourceArn: 'not-an-arn', Policy: {} }, 'ResourcePolicies[0].ResourceArn', /not an ARN/],
    [{ ResourceArn: `arn:aws:iam::${PROD}:role/Deployer`, Policy: { Statement: [] } }, 'ResourcePolicies[0].ResourceArn', /AssumeRolePolicyDocument/],
    [{ ResourceArn: QUEUE, ResourceOwner: LOG, Policy: { Statement: [] } }, 'ResourcePolicies[0].ResourceOwner', /differs from the account in the ARN/],
    [{ ResourceArn: BUCKET, ResourceOwner: '12', Policy: { Statement: [] } }, 'ResourcePolicies[0].ResourceOwner', /12-digit/],
    [{ ResourceArn: BUCKET }, 'ResourcePolicies[0].Policy', /missing Policy/],
  ];
  for (const [entry, path, reason] of cases) {
    const e = refused(store, [file('bad.json', { ResourcePolicies: [entry] })]);
    assert.equal(e.path, path);
    assert.match(e.reason, reason);
  }
  const e = refused(store, [file('bad-text.json', { ResourcePolicies: [{ ResourceArn: BUCKET, Policy: '{"Version":"2012-10-17",\n"Statement":[}' }] })]);
  assert.equal(e.path, 'ResourcePolicies[0].Policy');
  assert.equal(e.inDocument, true);
  assert.deepEqual({ line: e.line, column: e.column }, { line: 2, column: 14 });
  store.close();
});

test('atomicity: an organization, accounts and resource policies in one import, one of them bad: nothing changes', () => {
  const store = openStore(':memory:');
  const e = refused(store, [
    file('prod.json', accountDetails(PROD)),
    file('org.json', organizationDocument()),
    file('policies.json', { ResourcePolicies: [{ ResourceArn: BUCKET, Policy: 42 }] }),
  ]);
  assert.equal(e.file, 'policies.json');
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM org_nodes').pluck().get(), 0);
  store.close();
});

test("role trust policies (AssumeRolePolicyDocument) are the role's resource policy", () => {
  const store = estateStore();
  const estate = loadEstate(store);
  const role = estate.resource(`arn:aws:iam::${PROD}:role/Deployer`);
  assert.equal(role.ownerAccountId, PROD);
  assert.equal(JSON.parse(role.policy!).Statement[0].Principal.AWS, `arn:aws:iam::${PROD}:root`);
  store.close();
});

// ---------- the estate model ----------

test('estate model: organization paths as aws:PrincipalOrgPaths spells them (AWS global condition context keys)', () => {
  const store = estateStore();
  const estate = loadEstate(store);
  assert.equal(estate.placement(DEV)?.path, `${ORG_ID}/${ROOT}/${OU_WORKLOADS}/${OU_DEV}/`);
  assert.equal(estate.placement(MGMT)?.path, `${ORG_ID}/${ROOT}/`);
  assert.equal(estate.placement(MGMT)?.isManagementAccount, true);
  assert.equal(estate.placement(PROD)?.isManagementAccount, false);
  assert.deepEqual(estate.placement(PROD)?.lineage, [ROOT, OU_WORKLOADS, OU_PROD, PROD]);
  assert.equal(estate.placement('999988887777'), null, 'an account outside the organization has no path');
  store.close();
});

test('estate model: SCP levels root first, one list per level (Organizations User Guide, SCP evaluation)', () => {
  const estate = loadEstate(estateStore());
  const levels = estate.serviceControlPolicies({ arn: `arn:aws:iam::${DEV}:role/Deployer`, accountId: DEV })!;
  assert.deepEqual(
    levels.map((l) => [l.targetId, l.kind, l.policies.map((p) => p.name)]),
    [
      [ROOT, 'ROOT', ['FullAWSAccess', 'DenyLeaveOrganization']],
      [OU_WORKLOADS, 'ORGANIZATIONAL_UNIT', ['FullAWSAccess', 'RegionLock']],
      [OU_DEV, 'ORGANIZATIONAL_UNIT', ['FullAWSAccess', 'DenyContactRecording']],
      [DEV, 'ACCOUNT', ['FullAWSAccess']],
    ],
  );
  assert.match(levels[2].policies[1].document, /connect:StartContactRecording/);
  const prod = estate.serviceControlPolicies({ arn: `arn:aws:iam::${PROD}:user/ops`, accountId: PROD })!;
  assert.deepEqual(
    prod[3].policies.map((p) => p.name),
    ['FullAWSAccess', 'ProtectLogging'],
    'account-level SCPs are the last level',
  );
});

test('estate model: SCPs do not affect the management account nor service-linked roles; no organization, no SCP', () => {
  const estate = loadEstate(estateStore());
  assert.equal(estate.serviceControlPolicies({ arn: `arn:aws:iam::${MGMT}:user/ops`, accountId: MGMT }), null);
  assert.equal(
    estate.serviceControlPolicies({
      arn: `arn:aws:iam::${DEV}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect`,
      accountId: DEV,
    }),
    null,
  );
  assert.equal(estate.serviceControlPolicies({ arn: 'arn:aws:iam::999988887777:user/x', accountId: '999988887777' }), null);
  const bare = openStore(':memory:');
  importFiles(bare, [file('dev.json', accountDetails(DEV))]);
  assert.equal(loadEstate(bare).serviceControlPolicies({ arn: `arn:aws:iam::${DEV}:user/ops`, accountId: DEV }), null);
  assert.deepEqual(loadEstate(bare).orgContext(DEV, DEV), { 'aws:ResourceAccount': DEV });
});

test('estate model: RCP levels of the resource owner, RCPFullAWSAccess on every level (it cannot be detached); none for the management account', () => {
  const estate = loadEstate(estateStore());
  const bucket = estate.resource(BUCKET);
  assert.equal(bucket.ownerAccountId, LOG, 'S3: the ResourceOwner given with its policy');
  assert.deepEqual(
    bucket.resourceControlPolicies!.map((l) => [l.targetId, l.policies.map((p) => p.name)]),
    [
      [ROOT, ['RCPFullAWSAccess', 'EnforceTLS']],
      [OU_SECURITY, ['RCPFullAWSAccess']],
      [LOG, ['RCPFullAWSAccess']],
    ],
  );
  assert.equal(bucket.resourceControlPolicies![1].policies[0], RCP_FULL_AWS_ACCESS);
  const devLevels = estate.resourceControlPolicies(DEV)!;
  assert.deepEqual(
    devLevels[2].policies.map((p) => p.name),
    ['RCPFullAWSAccess', 'DenyExternalS3'],
  );
  assert.equal(estate.resourceControlPolicies(MGMT), null);
});

test("estate model: a resource's owner is its ARN's account, else ResourceOwner, else the account whose import listed it, else the caller's", () => {
  const store = estateStore();
  importFiles(store, [
    file('get-resources.json', {
      ResourceTagMappingList: [
        { ResourceARN: `arn:aws:connect:us-east-1:${DEV}:instance/abc`, Tags: [] },
        { ResourceARN: 'arn:aws:s3:::dev-listed-bucket', Tags: [{ Key: 'env', Value: 'dev' }] },
      ],
    }),
  ]);
  const estate = loadEstate(store);
  assert.equal(estate.resource(QUEUE).ownerAccountId, PROD);
  assert.equal(estate.resource(BUCKET, DEV).ownerAccountId, LOG);
  const object = estate.resource(`${BUCKET}/2024/06/contact-1.wav`, DEV);
  assert.equal(object.ownerAccountId, LOG, "an object is owned by its bucket's owner");
  assert.match(object.policy!, /ProdWrites/, "and governed by its bucket's policy");
  assert.equal(estate.resource('arn:aws:s3:::dev-listed-bucket/some/key', PROD).ownerAccountId, DEV);
  assert.equal(estate.resource('arn:aws:s3:::dev-listed-bucket', PROD).ownerAccountId, DEV);
  assert.equal(estate.resource('arn:aws:s3:::unknown-bucket', PROD).ownerAccountId, PROD);
  assert.equal(estate.resource('arn:aws:s3:::unknown-bucket').ownerAccountId, null);
  assert.equal(estate.resource('arn:aws:s3:::unknown-bucket').policy, null);
  assert.match(estate.resource(KEY).policy!, /Enable IAM User Permissions/);
  store.close();
});

test('estate model: org condition keys for principal and resource accounts (AWS global condition context keys)', () => {
  const estate = loadEstate(estateStore());
  assert.deepEqual(estate.orgContext(DEV, LOG), {
    'aws:PrincipalOrgID': ORG_ID,
    'aws:PrincipalOrgPaths': [`${ORG_ID}/${ROOT}/${OU_WORKLOADS}/${OU_DEV}/`],
    'aws:ResourceAccount': LOG,
    'aws:ResourceOrgID': ORG_ID,
    'aws:ResourceOrgPaths': [`${ORG_ID}/${ROOT}/${OU_SECURITY}/`],
  });
  assert.deepEqual(estate.orgContext('999988887777', PROD), {
    'aws:ResourceAccount': PROD,
    'aws:ResourceOrgID': ORG_ID,
    'aws:ResourceOrgPaths': [`${ORG_ID}/${ROOT}/${OU_WORKLOADS}/${OU_PROD}/`],
  });
  assert.deepEqual(estate.orgContext(PROD, '999988887777'), {
    'aws:PrincipalOrgID': ORG_ID,
    'aws:PrincipalOrgPaths': [`${ORG_ID}/${ROOT}/${OU_WORKLOADS}/${OU_PROD}/`],
    'aws:ResourceAccount': '999988887777',
  });
});

test('estate model (pure): a policy type applies when enabled on the root or attached somewhere, and only with all features', () => {
  const data: EstateData = loadEstateData(estateStore());
  const dev = { arn: `arn:aws:iam::${DEV}:user/ops`, accountId: DEV };
  const root = (policyTypes: { Type: string; Status: string }[] | null) => data.nodes.map((n) => (n.kind === 'ROOT' ? { ...n, policyTypes } : n));
  const scpsOnly = data.policies.filter((p) => p.type === 'SERVICE_CONTROL_POLICY');
  // Disabling a policy type detaches all its policies (Organizations guide, "Disabling a policy type"): attached ⇒ enabled.
  assert.ok(buildEstate({ ...data, nodes: root([{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]) }).resourceControlPolicies(DEV), 'RCPs attached');
  assert.equal(
    buildEstate({ ...data, nodes: root([{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]), policies: scpsOnly }).resourceControlPolicies(DEV),
    null,
    'RCPs neither enabled nor attached',
  );
  const rcpEnabledNoneImported = buildEstate({ ...data, policies: scpsOnly }).resourceControlPolicies(DEV)!;
  assert.deepEqual(
    rcpEnabledNoneImported.map((l) => l.policies.map((p) => p.name)),
    [['RCPFullAWSAccess'], ['RCPFullAWSAccess'], ['RCPFullAWSAccess'], ['RCPFullAWSAccess']],
    'RCPs enabled on the root, none in the document: RCPFullAWSAccess everywhere',
  );
  const billing = { ...data, organization: { ...data.organization!, featureSet: 'CONSOLIDATED_BILLING' } };
  assert.equal(buildEstate(billing).serviceControlPolicies(dev), null, 'consolidated billing only: no SCPs');
  assert.equal(buildEstate(billing).resourceControlPolicies(DEV), null, 'consolidated billing only: no RCPs');
  assert.equal(buildEstate({ ...data, nodes: root(null), policies: [] }).serviceControlPolicies(dev), null, 'nothing says SCPs are enabled');
});

test('estate model (pure): a level where the document attaches no SCP carries FullAWSAccess, as AWS always attaches one', () => {
  const data: EstateData = loadEstateData(estateStore());
  // A hand-written document: FullAWSAccess only at the root, the guardrail at the Dev OU.
  const policies = data.policies.map((p) => (p.id === 'p-FullAWSAccess' ? { ...p, targets: [ROOT] } : p));
  const levels = buildEstate({ ...data, policies }).serviceControlPolicies({ arn: `arn:aws:iam::${DEV}:user/ops`, accountId: DEV })!;
  assert.deepEqual(
    levels.map((l) => l.policies.map((p) => [p.name, p.implicit === true])),
    [
      [
        ['FullAWSAccess', false],
        ['DenyLeaveOrganization', false],
      ],
      [['RegionLock', false]],
      [['DenyContactRecording', false]],
      [['FullAWSAccess', true]],
    ],
    'a level with only a Deny SCP is not given an Allow: nothing there allows, as AWS would evaluate it',
  );
});

test('read side: no organization is null; accounts are those the imports wrote, with no organization path', async () => {
  const { getOrganization, listEstateAccounts, organizationPaths, resourcePoliciesByArns } = await import('../../src/store/queries/index.js');
  const store = openStore(':memory:');
  assert.equal(getOrganization(store), null);
  assert.equal(listEstateAccounts(store, { first: 10 }).totalCount, 0);
  importFiles(store, [file('dev.json', accountDetails(DEV))]);
  const page = listEstateAccounts(store, { first: 10 });
  assert.deepEqual(
    page.edges.map((e) => [e.node.id, e.node.inOrganization, e.node.users + e.node.roles]),
    [[DEV, false, 3]],
  );
  assert.equal(organizationPaths(store, [DEV]).size, 0);
  const trust = resourcePoliciesByArns(store, [`arn:aws:iam::${DEV}:role/Deployer`, `arn:aws:iam::${DEV}:user/ops`]);
  assert.deepEqual([...trust.keys()], [`arn:aws:iam::${DEV}:role/Deployer`]);
  assert.equal(trust.get(`arn:aws:iam::${DEV}:role/Deployer`)!.kind, 'TRUST_POLICY');
  store.close();
});

test('lint over the store takes in the SCPs, the RCPs and the resource policies (Access Analyzer policy types)', async () => {
  const { storedPolicyDocuments, findingsOfPolicy } = await import('../../src/store/queries/index.js');
  const store = estateStore();
  const docs = storedPolicyDocuments(store);
  const byKind = (kind: string) => docs.filter((d) => d.kind === kind);
  assert.equal(byKind('SERVICE_CONTROL_POLICY').length, 5);
  assert.equal(byKind('RESOURCE_CONTROL_POLICY').length, 2);
  assert.deepEqual(
    byKind('RESOURCE_POLICY').map((d) => [d.key, d.options.resourceType]),
    [
      [`${KEY}#resource-policy`, undefined],
      [`${BUCKET}#resource-policy`, 'AWS::S3::Bucket'],
      [`${QUEUE}#resource-policy`, undefined],
    ],
  );
  assert.equal(byKind('RESOURCE_CONTROL_POLICY')[0].options.policyType, 'RESOURCE_CONTROL_POLICY');
  // A resource policy with no Principal is an error Access Analyzer reports (MISSING_PRINCIPAL).
  importFiles(store, [
    file('no-principal.json', {
      ResourcePolicies: [
        { ResourceArn: QUEUE, Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: QUEUE }] } },
      ],
    }),
  ]);
  assert.ok(
    findingsOfPolicy(store, `${QUEUE}#resource-policy`).some((f) => f.findingType === 'ERROR'),
    JSON.stringify(findingsOfPolicy(store, `${QUEUE}#resource-policy`)),
  );
  store.close();
});

test('organization document: hand-written ids are taken as given; MasterAccountId may come from MasterAccountArn', () => {
  const store = openStore(':memory:');
  const doc = {
    Organization: { Id: 'o-example', MasterAccountArn: `arn:aws:organizations::${MGMT}:account/o-example/${MGMT}` },
    Roots: [{ Id: 'r-root', Name: 'Root' }],
    OrganizationalUnits: [{ Id: 'ou-prod', Name: 'Prod', ParentId: 'r-root' }],
    Accounts: [
      { Id: PROD, Name: 'prod', ParentId: 'ou-prod' },
      { Id: MGMT, Name: 'management', ParentId: 'r-root' },
    ],
    Policies: [
      {
        PolicySummary: { Id: 'p-1', Name: 'DenyAll', Type: 'SERVICE_CONTROL_POLICY' },
        Content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}',
        Targets: [{ TargetId: 'ou-prod' }],
      },
    ],
  };
  importFiles(store, [file('hand-written.json', doc)]);
  const estate = loadEstate(store);
  assert.equal(estate.managementAccountId, MGMT);
  assert.equal(estate.placement(PROD)?.path, 'o-example/r-root/ou-prod/');
  assert.deepEqual(
    estate.serviceControlPolicies({ arn: `arn:aws:iam::${PROD}:user/x`, accountId: PROD })!.map((l) => l.policies.map((p) => p.name)),
    [['FullAWSAccess'], ['DenyAll'], ['FullAWSAccess']],
  );
  store.close();
});
