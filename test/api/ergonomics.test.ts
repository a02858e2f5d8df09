/**
 * API ergonomics for dashboard developers (issue 16), over HTTP on the seed: every field and
 * argument described, required arguments first, global ids with `node(id)` (Relay Object
 * Identification), Relay's full PageInfo, DateTime and JSON scalars, the Effect enum, and
 * `imports` naming files by base name only.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildClientSchema,
  getIntrospectionQuery,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { fixture, runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';

const IAM = 'arn:aws:iam::123456789012:';
const INSTANCE = 'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1';
const SEC_ROLE = 'arn:aws:iam::444455556666:role/CrossAccountAuditRole';
/** RFC 3339 in UTC, as graphql-scalars' DateTime prints a Date: one format whatever the source printed. */
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let server: TestServer;
let schema: GraphQLSchema;
const RESOURCES_FILE = fixture('store', 'resources.json');

before(async () => {
  const db = tempDb();
  const seeded = runCli(['seed', '--db', db]);
  assert.equal(seeded.status, 0, seeded.stderr);
  // An import by absolute path: the API must not show the server's paths.
  const imported = runCli(['import', '--db', db, RESOURCES_FILE]);
  assert.equal(imported.status, 0, imported.stderr);
  server = await startTestServer({ dbFile: db });
  const r = await server.gql(getIntrospectionQuery());
  assert.equal(r.errors, undefined);
  schema = buildClientSchema(r.data);
});

after(() => server?.stop());

const isOptional = (a: GraphQLArgument) => !isNonNullType(a.type) || a.defaultValue !== undefined;

describe('the schema documents itself (introspection over HTTP)', () => {
  test('every type, field, argument and input field has a description', () => {
    const missing: string[] = [];
    const root = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
      if (!root.has(type.name) && !type.description) missing.push(`type ${type.name}`);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
    assert.deepEqual(missing, []);
  });

  test('page arguments say their default and limit; arguments with a default say it', () => {
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          if (arg.name === 'first') {
            checked++;
            assert.match(arg.description ?? '', /default \d+/i, `${type.name}.${field.name}(first)`);
            assert.match(arg.description ?? '', /at most \d+/i, `${type.name}.${field.name}(first)`);
          }
          if (arg.defaultValue !== undefined && arg.defaultValue !== null) {
            assert.match(arg.description ?? '', /default/i, `${type.name}.${field.name}(${arg.name}) has a default its description does not give`);
          }
        }
      }
    }
    assert.ok(checked >= 8, `${checked} paged fields`);
  });

  test('required arguments come before optional ones', () => {
    const late: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        let optionalSeen = false;
        for (const arg of field.args) {
          if (isOptional(arg)) optionalSeen = true;
          else if (optionalSeen) late.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    assert.deepEqual(late, []);
  });

  test('the pinned names keep their types: MatchedStatement.effect stays String!, Effect is an enum beside it', () => {
    const matched = schema.getType('MatchedStatement');
    assert.ok(isObjectType(matched));
    assert.equal(String(matched.getFields().effect.type), 'String!');
    assert.equal(String(matched.getFields().effectEnum.type), 'Effect!');
    const pageInfo = schema.getType('PageInfo');
    assert.ok(isObjectType(pageInfo));
    assert.deepEqual(Object.fromEntries(Object.values(pageInfo.getFields()).map((f) => [f.name, String(f.type)])), {
      hasNextPage: 'Boolean!',
      hasPreviousPage: 'Boolean!',
      startCursor: 'String',
      endCursor: 'String',
    });
    assert.equal(String(schema.getQueryType()!.getFields().node.type), 'Node');
    assert.equal(String(schema.getQueryType()!.getFields().node.args[0].type), 'ID!');
  });

  test('every object type with an arn implements Node', () => {
    const lacking: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const fields = type.getFields();
      // Types that only point at something by ARN (a holder, a step, a change) are not that thing.
      if (!fields.arn || ['PolicyHolder', 'OrganizationParent'].includes(type.name)) continue;
      if (!type.getInterfaces().some((i) => i.name === 'Node')) lacking.push(type.name);
    }
    assert.deepEqual(lacking, []);
  });
});

describe('global ids and node(id)', () => {
  const NODE = `query($id: ID!) { node(id: $id) { __typename id
    ... on Principal { arn type } ... on Group { arn } ... on Policy { policyId policyName: name } ... on Resource { arn }
    ... on Account { accountName: name } ... on Organization { managementAccountId } ... on OrganizationalUnit { ouName: name }
    ... on OrganizationRoot { rootName: name } ... on OrganizationPolicy { scpName: name } } }`;

  async function node(id: string) {
    const r = await server.gql(NODE, { id });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data.node;
  }

  test('a user, a role, a group, a policy, a resource, accounts and the organization: each id fetches the object back, and ids are unique across types', async () => {
    const r = await server.gql(`{
      user: principal(arn: "${IAM}user/erin.walsh") { id arn groups { id arn } policies { policy { id policyId name } } }
      role: principal(arn: "${SEC_ROLE}") { id arn }
      resources(first: 1) { edges { node { id arn } } }
      organization { id managementAccountId roots { id } organizationalUnits { id name } policies { id name } accounts { id name } }
    }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const d = r.data;
    const ids: string[] = [];
    const check = async (id: string, typename: string, expect: Record<string, unknown>) => {
      ids.push(id);
      const n = await node(id);
      assert.equal(n.__typename, typename, id);
      assert.equal(n.id, id);
      for (const [k, v] of Object.entries(expect)) assert.equal(n[k], v, `${typename}.${k}`);
    };
    await check(d.user.id, 'Principal', { arn: d.user.arn, type: 'USER' });
    await check(d.role.id, 'Principal', { arn: SEC_ROLE, type: 'ROLE' });
    await check(d.user.groups[0].id, 'Group', { arn: d.user.groups[0].arn });
    const policy = d.user.policies[0].policy;
    await check(policy.id, 'Policy', { policyId: policy.policyId, policyName: policy.name });
    const resource = d.resources.edges[0].node;
    await check(resource.id, 'Resource', { arn: resource.arn });
    await check(d.organization.id, 'Organization', { managementAccountId: d.organization.managementAccountId });
    await check(d.organization.roots[0].id, 'OrganizationRoot', {});
    await check(d.organization.organizationalUnits[0].id, 'OrganizationalUnit', { ouName: d.organization.organizationalUnits[0].name });
    await check(d.organization.policies[0].id, 'OrganizationPolicy', { scpName: d.organization.policies[0].name });
    await check(d.organization.accounts[0].id, 'Account', { accountName: d.organization.accounts[0].name });
    assert.equal(new Set(ids).size, ids.length);
    // The role is also a resource (its trust policy is its resource policy): two objects, two ids.
    const asResource = await server.gql(`{ resource(arn: "${SEC_ROLE}") { id } }`);
    assert.notEqual(asResource.data.resource.id, d.role.id);
    // policy(id:) takes the global id as well as the store key.
    const byGlobal = await server.gql(`query($id: String!) { policy(id: $id) { policyId } }`, { id: policy.id });
    assert.equal(byGlobal.data.policy.policyId, policy.policyId);
  });

  test("whoCan's principals carry the same ids as principal(arn); one beyond the store resolves too", async () => {
    const r = await server.gql(
      `{ whoCan(action: "sts:AssumeRole", resource: "${SEC_ROLE}", includeConditional: true) { edges { node { principal { id arn type } } } } }`,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const principals = r.data.whoCan.edges.map((e: { node: { principal: { id: string; arn: string; type: string } } }) => e.node.principal);
    const external = principals.find((p: { type: string }) => p.type === 'ACCOUNT');
    assert.ok(external, 'the seed trusts arn:aws:iam::999988887777:root (seed/README.md)');
    const n = await node(external.id);
    assert.deepEqual({ arn: n.arn, type: n.type }, { arn: external.arn, type: 'ACCOUNT' });
    const stored = principals.find((p: { type: string }) => p.type === 'ROLE');
    const again = await server.gql(`query($arn: String!) { principal(arn: $arn) { id } }`, { arn: stored.arn });
    assert.equal(again.data.principal.id, stored.id);
  });

  test('an id this API never gave, or of something no longer stored, is null (not an error)', async () => {
    assert.equal(await node('not-an-id'), null);
    assert.equal(await node(Buffer.from(`Principal:${IAM}user/nobody`).toString('base64url')), null);
    assert.equal(await node('000000000000'), null);
  });
});

describe('Relay PageInfo on every connection', () => {
  test('principals: startCursor is the first edge, hasPreviousPage false on the first page and true after a cursor', async () => {
    const q = `query($after: String) { principals(first: 2, after: $after) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const one = (await server.gql(q)).data.principals;
    assert.equal(one.pageInfo.startCursor, one.edges[0].cursor);
    assert.equal(one.pageInfo.endCursor, one.edges[1].cursor);
    assert.equal(one.pageInfo.hasPreviousPage, false);
    assert.equal(one.pageInfo.hasNextPage, true);
    const two = (await server.gql(q, { after: one.pageInfo.endCursor })).data.principals;
    assert.equal(two.pageInfo.hasPreviousPage, true);
    assert.equal(two.pageInfo.startCursor, two.edges[0].cursor);
  });

  test('whoCan, policies, resources, groups, accounts and catalog actions give all four fields', async () => {
    const pi = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor }';
    const r = await server.gql(`{
      whoCan(action: "connect:StartContactRecording", resource: "${INSTANCE}", first: 2) { ${pi} }
      policies(first: 2) { ${pi} } resources(first: 2) { ${pi} } groups(first: 2) { ${pi} } accounts(first: 2) { ${pi} }
      catalog { actions(prefix: "connect:Start", first: 2) { ${pi} } }
    }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const conns = [r.data.whoCan, r.data.policies, r.data.resources, r.data.groups, r.data.accounts, r.data.catalog.actions];
    for (const c of conns) {
      assert.equal(c.pageInfo.startCursor, c.edges[0].cursor);
      assert.equal(c.pageInfo.endCursor, c.edges[c.edges.length - 1].cursor);
      assert.equal(c.pageInfo.hasPreviousPage, false);
    }
    const next = await server.gql(
      `query($after: String) { whoCan(action: "connect:StartContactRecording", resource: "${INSTANCE}", first: 2, after: $after) { ${pi} } }`,
      { after: r.data.whoCan.pageInfo.endCursor },
    );
    assert.equal(next.data.whoCan.pageInfo.hasPreviousPage, true);
    assert.equal(next.data.whoCan.pageInfo.startCursor, next.data.whoCan.edges[0].cursor);
  });

  test('an empty page has null cursors', async () => {
    const r = await server.gql(`{ principals(first: 0) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    assert.deepEqual(r.data.principals.pageInfo, { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

describe('scalars and enums', () => {
  test('dates are DateTime in one format, whatever the source printed (AWS CLI +00:00, snapshots, Organizations microseconds)', async () => {
    const r = await server.gql(`{
      principal(arn: "${IAM}user/erin.walsh") { createDate }
      policies(first: 50, filter: { kind: CUSTOMER_MANAGED }) { edges { node { createDate updateDate versions { createDate } } } }
      imports { startedAt finishedAt }
      accounts(first: 10) { edges { node { joinedTimestamp } } }
      whoCan(action: "connect:StartContactRecording", resource: "${INSTANCE}", first: 1) { edges { node { principal { createDate } } } }
    }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const dates: (string | null)[] = [
      r.data.principal.createDate,
      ...r.data.policies.edges.flatMap((e: any) => [e.node.createDate, e.node.updateDate, ...e.node.versions.map((v: any) => v.createDate)]),
      ...r.data.imports.flatMap((s: any) => [s.startedAt, s.finishedAt]),
      ...r.data.accounts.edges.map((e: any) => e.node.joinedTimestamp),
      r.data.whoCan.edges[0].node.principal.createDate,
    ];
    const given = dates.filter((d): d is string => d !== null);
    assert.ok(given.length >= 6, `${given.length} dates`);
    for (const d of given) assert.match(d, ISO);
    assert.ok(
      r.data.accounts.edges.some((e: any) => e.node.joinedTimestamp),
      'the seed organization has join dates',
    );
    assert.ok(r.data.whoCan.edges[0].node.principal.createDate, "whoCan's principals have their creation date too");
  });

  test('Snapshot.counts is a JSON object, and imports name files by base name only', async () => {
    const r = await server.gql('{ imports { id files counts } }');
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const latest = r.data.imports[0];
    assert.equal(typeof latest.counts, 'object');
    assert.equal(latest.counts.resources > 0, true, JSON.stringify(latest.counts));
    assert.deepEqual(latest.files, ['resources.json']);
    for (const s of r.data.imports) for (const f of s.files) assert.ok(!f.includes('/') && !f.includes('\\'), f);
    assert.ok(!JSON.stringify(r.data).includes(RESOURCES_FILE));
  });

  test('Effect: statements have the Effect enum, matched statements have effectEnum beside the pinned effect text', async () => {
    const r = await server.gql(`{
      policies(first: 100) { edges { node { statements { effect } } } }
      whoCan(action: "connect:StartContactRecording", resource: "${INSTANCE}") { edges { node { matchedStatements { effect effectEnum } } } }
    }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const effects = new Set(r.data.policies.edges.flatMap((e: any) => e.node.statements.map((s: any) => s.effect)));
    assert.ok(effects.has('Allow'));
    for (const e of effects) assert.ok(e === 'Allow' || e === 'Deny' || e === null, String(e));
    const matched = r.data.whoCan.edges.flatMap((e: any) => e.node.matchedStatements);
    assert.ok(matched.length > 0);
    for (const m of matched) assert.equal(m.effectEnum, m.effect);
  });
});
