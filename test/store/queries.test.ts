import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { CursorError } from '../../src/store/errors.js';
import {
  decodeCursor,
  encodeCursor,
  getPolicy,
  getPrincipal,
  groupsForPrincipals,
  groupsOfUser,
  listAccounts,
  listGroups,
  listImports,
  listPolicies,
  listPrincipals,
  listResources,
  memberArnsForGroups,
  policiesForPrincipals,
  policyAttachments,
  policyVersions,
  principalsByArns,
  statementsOfPolicy,
  tagsForPrincipals,
  tagsForResources,
  type Page,
} from '../../src/store/queries/index.js';
import { fixture } from './helpers.js';

const A = '123456789012';
const B = '210987654321';

function loaded(): Store {
  const store = openStore(':memory:');
  importFiles(store, [
    fixture('authorization-details-cli.json'),
    fixture('authorization-details-api-page1.json'),
    fixture('authorization-details-api-page2.json'),
    fixture('resources.json'),
    fixture('connect-readonly.json'),
  ]);
  return store;
}

/** Walks every page, checking keyset invariants; returns the nodes in order. */
function walk<T>(fetch: (after: string | null) => Page<T>, key: (n: T) => string): T[] {
  const out: T[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = fetch(after);
    out.push(...page.edges.map((e) => e.node));
    for (const e of page.edges) assert.equal(decodeCursor(e.cursor), key(e.node));
    assert.equal(page.totalCount >= out.length, true);
    if (!page.pageInfo.hasNextPage) {
      assert.equal(out.length, page.totalCount);
      return out;
    }
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

test('listPrincipals: keyset pages by ARN cover everything once, in order', () => {
  const store = loaded();
  const all = listPrincipals(store, { first: 100 });
  assert.equal(all.totalCount, 8);
  const arns = all.edges.map((e) => e.node.arn);
  assert.deepEqual(arns, [...arns].sort());
  for (const size of [1, 3, 7]) {
    const walked = walk(
      (after) => listPrincipals(store, { first: size, after }),
      (n) => n.arn,
    );
    assert.deepEqual(
      walked.map((p) => p.arn),
      arns,
    );
  }
  const empty = listPrincipals(store, { first: 0 });
  assert.deepEqual([empty.totalCount, empty.edges.length, empty.pageInfo.hasNextPage, empty.pageInfo.endCursor], [8, 0, true, null]);
  assert.throws(() => listPrincipals(store, { first: 10, after: 'not a cursor!' }), CursorError);
  assert.equal(encodeCursor(arns[0]), all.edges[0].cursor);
});

test('listPrincipals filters: type, name, account, tag, group, attached policy, boundary', () => {
  const store = loaded();
  const names = (p: Page<{ name: string }>) => p.edges.map((e) => e.node.name);
  // By ARN: role/EC2role sorts before role/service-role/ConnectAgentRole.
  assert.deepEqual(names(listPrincipals(store, { type: 'ROLE', first: 10 })), ['EC2role', 'ConnectAgentRole', 'ConnectSupervisor']);
  assert.deepEqual(names(listPrincipals(store, { nameContains: 'BO', first: 10 })), ['Bob']);
  assert.deepEqual(names(listPrincipals(store, { nameContains: '%', first: 10 })), [], '% is a character, not a wildcard');
  assert.equal(listPrincipals(store, { accountId: B, first: 10 }).totalCount, 3);
  assert.deepEqual(names(listPrincipals(store, { tag: { key: 'team', value: 'support' }, first: 10 })), ['ConnectAgentRole', 'ConnectSupervisor', 'dana']);
  assert.deepEqual(names(listPrincipals(store, { tag: { key: 'email' }, first: 10 })), ['Alice']);
  assert.deepEqual(names(listPrincipals(store, { groupArn: `arn:aws:iam::${A}:group/Admins`, first: 10 })), ['Alice', 'Bob']);
  assert.deepEqual(names(listPrincipals(store, { attachedPolicyArn: `arn:aws:iam::${B}:policy/ConnectAgentAccess`, first: 10 })), [
    'ConnectSupervisor',
    'dana',
  ]);
  assert.deepEqual(names(listPrincipals(store, { permissionsBoundaryArn: `arn:aws:iam::${A}:policy/boundaries/ConnectBoundary`, first: 10 })), [
    'ConnectAgentRole',
    'Charlie',
  ]);
  const filtered = listPrincipals(store, { type: 'USER', accountId: A, first: 1 });
  assert.equal(filtered.totalCount, 3, 'totalCount ignores the page, honours the filters');
});

test('getPrincipal, principalsByArns, groupsOfUser and the batch lookups', () => {
  const store = loaded();
  const role = getPrincipal(store, `arn:aws:iam::${A}:role/EC2role`);
  assert.ok(role);
  assert.deepEqual([role.type, role.name, role.uniqueId, role.accountId, role.path], ['ROLE', 'EC2role', 'AROA1234567890EXAMPLE', A, '/']);
  assert.deepEqual(role.roleLastUsed, { LastUsedDate: '2024-03-01T10:00:00Z', Region: 'us-east-1' });
  assert.deepEqual(role.instanceProfileArns, [`arn:aws:iam::${A}:instance-profile/EC2role`]);
  assert.match(role.trustPolicy ?? '', /ec2\.amazonaws\.com/);
  assert.equal(getPrincipal(store, `arn:aws:iam::${A}:user/Nobody`), null);

  const byArn = principalsByArns(store, [`arn:aws:iam::${A}:user/Bob`, `arn:aws:iam::${B}:user/dana`, 'arn:aws:iam::1:user/x']);
  assert.deepEqual([...byArn.keys()].sort(), [`arn:aws:iam::${A}:user/Bob`, `arn:aws:iam::${B}:user/dana`]);
  const bob = byArn.get(`arn:aws:iam::${A}:user/Bob`)!;
  const dana = byArn.get(`arn:aws:iam::${B}:user/dana`)!;
  assert.deepEqual(
    groupsOfUser(store, bob.arn).map((g) => g.name),
    ['Admins', 'Finance'],
  );
  const groups = groupsForPrincipals(store, [bob.id, dana.id, role.id]);
  assert.deepEqual(
    groups.get(bob.id)?.map((g) => g.arn),
    [`arn:aws:iam::${A}:group/Admins`, `arn:aws:iam::${A}:group/finance/Finance`],
  );
  assert.deepEqual(groups.get(role.id), []);
  const tags = tagsForPrincipals(store, [dana.id, bob.id]);
  assert.deepEqual(tags.get(dana.id), [{ key: 'team', value: 'support' }]);
  assert.deepEqual(tags.get(bob.id), []);

  const policies = policiesForPrincipals(store, [bob.id, dana.id, role.id]);
  const summary = (id: number) =>
    policies.get(id)!.map((p) => `${p.policy.kind}:${p.policy.name}${p.viaGroup ? ` via ${p.viaGroup.name}` : ''}${p.policy.stub ? ' (stub)' : ''}`);
  assert.deepEqual(summary(bob.id), [
    'INLINE:DenyBillingAndIAMPolicy',
    'AWS_MANAGED:AdministratorAccess via Admins (stub)',
    'INLINE:policygen-201310141157 via Finance',
  ]);
  assert.deepEqual(summary(dana.id), [
    'INLINE:OwnHome',
    'CUSTOMER_MANAGED:ConnectAgentAccess',
    'INLINE:AgentsDenyDelete via Agents',
    'AWS_MANAGED:ReadOnlyAccess via Agents',
  ]);
  assert.deepEqual(summary(role.id), ['AWS_MANAGED:AmazonEC2FullAccess', 'AWS_MANAGED:AmazonS3FullAccess (stub)']);
  const agentAccess = policies.get(dana.id)![1].policy;
  assert.equal(JSON.parse(agentAccess.document ?? '{}').Statement[0].Sid, 'Contacts', 'the default version (v3) document');
  assert.deepEqual(
    policiesForPrincipals(store, [bob.id], { includeGroups: false })
      .get(bob.id)!
      .map((p) => p.policy.name),
    ['DenyBillingAndIAMPolicy'],
  );
});

test('listGroups and group members', () => {
  const store = loaded();
  const groups = listGroups(store, { first: 10 });
  assert.equal(groups.totalCount, 4);
  assert.deepEqual(
    listGroups(store, { accountId: B, first: 10 }).edges.map((e) => e.node.name),
    ['Agents'],
  );
  const admins = groups.edges.find((e) => e.node.name === 'Admins')!.node;
  assert.deepEqual(memberArnsForGroups(store, [admins.id]).get(admins.id), [`arn:aws:iam::${A}:user/Alice`, `arn:aws:iam::${A}:user/Bob`]);
});

test('listPolicies: managed and inline in one list, by kind, with stubs, paged', () => {
  const store = loaded();
  const all = listPolicies(store, { first: 100 });
  assert.equal(all.totalCount, 14); // 5 customer (incl. standalone) + 4 AWS (2 stubs) + 5 inline
  const keys = all.edges.map((e) => e.node.key);
  assert.deepEqual(keys, [...keys].sort());
  assert.deepEqual(
    walk(
      (after) => listPolicies(store, { first: 4, after }),
      (n) => n.key,
    ).map((p) => p.key),
    keys,
  );

  const inline = listPolicies(store, { kind: 'INLINE', first: 100 }).edges.map((e) => e.node);
  assert.equal(inline.length, 5);
  const bobs = inline.find((p) => p.name === 'DenyBillingAndIAMPolicy')!;
  assert.deepEqual([bobs.key, bobs.arn, bobs.kind, bobs.accountId], [`arn:aws:iam::${A}:user/Bob#DenyBillingAndIAMPolicy`, null, 'INLINE', A]);
  assert.deepEqual(bobs.owner, { kind: 'USER', arn: `arn:aws:iam::${A}:user/Bob`, name: 'Bob' });
  assert.equal(inline.find((p) => p.name === 'AgentsDenyDelete')?.owner?.kind, 'GROUP');

  const aws = listPolicies(store, { kind: 'AWS_MANAGED', first: 100 }).edges.map((e) => e.node);
  assert.deepEqual(
    aws.map((p) => [p.name, p.stub]),
    [
      ['AdministratorAccess', true],
      ['AmazonEC2FullAccess', false],
      ['AmazonS3FullAccess', true],
      ['ReadOnlyAccess', false],
    ],
  );
  assert.equal(aws[0].document, null);
  assert.equal(listPolicies(store, { kind: 'AWS_MANAGED', includeStubs: false, first: 100 }).totalCount, 2);
  const customer = listPolicies(store, { kind: 'CUSTOMER_MANAGED', accountId: A, first: 100 });
  assert.deepEqual(
    customer.edges.map((e) => e.node.name),
    ['S3-read-only-specific-bucket', 'ConnectBoundary', 'create-update-delete-set-managed-policies'],
  );
  assert.deepEqual(
    listPolicies(store, { nameContains: 'connect-read', first: 100 }).edges.map((e) => [e.node.name, e.node.standalone]),
    [['connect-readonly', true]],
  );
});

test('listPolicies: actionLike finds statements that mention an action pattern; actionMatches what covers an action', () => {
  const store = loaded();
  const names = (p: Page<{ name: string }>) => p.edges.map((e) => e.node.name).sort();
  assert.deepEqual(names(listPolicies(store, { actionLike: 'connect:*', first: 100 })), [
    'AgentsDenyDelete',
    'ConnectAgentAccess',
    'ConnectBoundary',
    'ConnectContactAccess',
    'ReadOnlyAccess',
    'connect-readonly',
  ]);
  assert.deepEqual(names(listPolicies(store, { actionLike: 'CONNECT:start*', first: 100 })), ['ConnectAgentAccess']);
  assert.deepEqual(names(listPolicies(store, { actionLike: 'connect:*', kind: 'INLINE', first: 100 })), ['AgentsDenyDelete', 'ConnectContactAccess']);
  // Only default versions count: ConnectAgentAccess's v2 says connect:*, but v3 is the default.
  assert.deepEqual(names(listPolicies(store, { actionMatches: 'connect:DeleteContactFlow', first: 100 })), ['AgentsDenyDelete', 'ConnectBoundary']);
  assert.deepEqual(names(listPolicies(store, { actionMatches: 'ec2:RunInstances', first: 100 })), ['AmazonEC2FullAccess']);
});

test('getPolicy, policyVersions, policyAttachments, statementsOfPolicy', () => {
  const store = loaded();
  const cud = getPolicy(store, `arn:aws:iam::${A}:policy/create-update-delete-set-managed-policies`);
  assert.ok(cud);
  assert.deepEqual([cud.defaultVersionId, cud.attachmentCount, cud.isAttachable, cud.uniqueId], ['v2', 1, true, 'ANPAJ2UCCR6DPCEXAMPLE']);
  assert.deepEqual(
    policyVersions(store, cud.arn!).map((v) => [v.versionId, v.isDefault]),
    [
      ['v2', true],
      ['v1', false],
    ],
  );
  const inline = getPolicy(store, `arn:aws:iam::${A}:role/service-role/ConnectAgentRole#ConnectContactAccess`);
  assert.equal(inline?.owner?.name, 'ConnectAgentRole');
  assert.equal(getPolicy(store, 'arn:aws:iam::aws:policy/Nope'), null);

  const att = policyAttachments(store, `arn:aws:iam::${B}:policy/ConnectAgentAccess`, { first: 10 });
  assert.deepEqual(
    att.edges.map((e) => [e.node.kind, e.node.name]),
    [
      ['ROLE', 'ConnectSupervisor'],
      ['USER', 'dana'],
    ],
  );
  const page = policyAttachments(store, `arn:aws:iam::${B}:policy/ConnectAgentAccess`, { first: 1 });
  assert.deepEqual([page.totalCount, page.pageInfo.hasNextPage], [2, true]);
  assert.deepEqual(
    policyAttachments(store, 'arn:aws:iam::aws:policy/AdministratorAccess', { first: 10 }).edges.map((e) => e.node.kind),
    ['GROUP'],
  );

  const stmts = statementsOfPolicy(store, inline!.key);
  assert.deepEqual(
    stmts.map((s) => [s.index, s.sid, s.effect]),
    [
      [0, 'ReadContacts', 'Allow'],
      [1, 'NoRecordingDeletion', 'Deny'],
    ],
  );
  assert.deepEqual(stmts[0].actions, ['connect:DescribeContact', 'connect:ListContactReferences']);
  assert.deepEqual(stmts[0].conditions, [{ operator: 'StringEquals', key: 'aws:ResourceTag/team', values: ['${aws:PrincipalTag/team}'] }]);
  assert.deepEqual(
    [stmts[1].notActions, stmts[1].notResources, stmts[1].actions],
    [['connect:Describe*'], ['arn:aws:connect:us-east-1:123456789012:instance/*'], []],
  );
  assert.ok(stmts[0].line !== null && stmts[0].line > 1);
  assert.deepEqual(
    statementsOfPolicy(store, cud.arn!).map((s) => s.actions.length),
    [9],
  );
  assert.deepEqual(
    statementsOfPolicy(store, cud.arn!, 'v1').map((s) => s.actions),
    [['iam:*']],
  );
  assert.deepEqual(statementsOfPolicy(store, 'arn:aws:iam::aws:policy/AdministratorAccess'), []);
});

test('listResources: filters by service, type, owner account, tag and ARN prefix; tags batched', () => {
  const store = loaded();
  assert.equal(listResources(store, { first: 100 }).totalCount, 6);
  assert.equal(listResources(store, { service: 'connect', first: 100 }).totalCount, 3);
  const flows = listResources(store, { service: 'connect', type: 'contact-flow', first: 100 }).edges.map((e) => e.node);
  assert.equal(flows.length, 1);
  assert.equal(flows[0].resourceType, 'contact-flow');
  const platform = listResources(store, { tag: { key: 'team', value: 'platform' }, first: 100 }).edges.map((e) => e.node);
  assert.deepEqual(platform.map((r) => r.service).sort(), ['lambda', 's3']);
  assert.equal(listResources(store, { accountId: A, first: 100 }).totalCount, 6, 'the bucket belongs to the account that listed it');
  assert.equal(
    listResources(store, { arnPrefix: 'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/', first: 100 }).totalCount,
    2,
  );
  const tags = tagsForResources(
    store,
    platform.map((r) => r.id),
  );
  const bucket = platform.find((r) => r.service === 's3')!;
  assert.deepEqual(tags.get(bucket.id), [
    { key: 'classification', value: 'internal' },
    { key: 'team', value: 'platform' },
  ]);
  assert.deepEqual(
    walk(
      (after) => listResources(store, { first: 4, after }),
      (n) => n.arn,
    ).length,
    6,
  );
});

test('listImports and listAccounts', () => {
  const store = loaded();
  importFiles(store, [fixture('resources.json')], { label: 'again' });
  const imports = listImports(store);
  assert.deepEqual(
    imports.map((i) => [i.id, i.label]),
    [
      [2, 'again'],
      [1, null],
    ],
  );
  assert.deepEqual(imports[0].files, [{ name: 'resources.json', format: 'resources' }]);
  assert.equal(imports[1].counts?.users, 5);
  assert.ok(imports[0].finishedAt && imports[0].finishedAt >= imports[0].startedAt);
  assert.deepEqual(
    listAccounts(store).map((a) => [a.id, a.users, a.roles, a.groups, a.customerManagedPolicies, a.resources]),
    [
      [A, 3, 2, 3, 3, 6],
      [B, 2, 1, 1, 1, 0],
    ],
  );
});
