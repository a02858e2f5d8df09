/**
 * fast-check generators of policies (as plain JSON) and requests, for the evaluator properties and
 * the lenient-parsing properties. Small alphabets on purpose: random actions, resources, keys and
 * values collide often enough that statements actually match, conditions actually decide, and
 * policy variables actually resolve.
 */
import fc from 'fast-check';
import type { ContextKeyType } from '../../src/engine/types.js';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type JsonStatement = { [k: string]: Json };
export type JsonPolicy = { Version?: string; Statement: JsonStatement[] };

export const SAME = '123456789012';
export const FOREIGN = '999999999999';

export const REQUEST_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  'connect:DescribeUser',
  'connect:UpdateUserHierarchy',
  'iam:PassRole',
  'ec2:StartInstances',
  'sts:AssumeRole',
];

const ACTION_PATTERNS = [
  ...REQUEST_ACTIONS,
  '*',
  's3:*',
  's3:Get*',
  's3:?etObject',
  'connect:*User*',
  '*:Describe*',
  'iam:Pass?ole',
  'S3:GETOBJECT',
  'ec2:*Instances',
  'connect:Describe*',
  '*:*',
  's3:*Object',
  'sts:*',
  '?3:*',
];

export const REQUEST_RESOURCES = [
  'arn:aws:s3:::bucket-a/home/alice/x.txt',
  'arn:aws:s3:::bucket-a',
  'arn:aws:s3:::bucket-b/logs/1',
  'arn:aws:s3:::team-x/file',
  `arn:aws:connect:us-east-1:${SAME}:instance/i-1/agent/a-1`,
  `arn:aws:iam::${SAME}:role/app`,
  `arn:aws:ec2:eu-west-1:${FOREIGN}:instance/i-0`,
  '*',
  'not-an-arn',
];

const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::bucket-a/*',
  'arn:aws:s3:::bucket-a/home/${aws:username}/*',
  'arn:aws:s3:::bucket-?',
  'arn:aws:s3:::*/logs/*',
  `arn:aws:connect:*:${SAME}:instance/*/agent/*`,
  'arn:aws:iam::${aws:PrincipalAccount}:role/*',
  "arn:aws:s3:::${aws:PrincipalTag/team, 'none'}/*",
  'arn:aws:s3:::bucket-a/${*}',
  'arn:aws:ec2:*:*:instance/*',
  'arn:aws:*:*:*:*',
  'arn:aws:s3:::team-${aws:PrincipalTag/team}/*',
  'not-an-arn',
  '',
];

export const CONDITION_KEYS = [
  'aws:username',
  'aws:PrincipalTag/team',
  'aws:ResourceTag/env',
  'aws:SourceIp',
  'aws:CurrentTime',
  'aws:MultiFactorAuthPresent',
  'aws:TagKeys',
  's3:prefix',
  'aws:PrincipalArn',
  'aws:EpochTime',
  'aws:PrincipalAccount',
  's3:ContentMD5',
  'connect:UserArn',
];

const BASE_OPERATORS: Record<string, keyof typeof VALUE_POOLS> = {
  StringEquals: 'string',
  StringNotEquals: 'string',
  StringEqualsIgnoreCase: 'string',
  StringNotEqualsIgnoreCase: 'string',
  StringLike: 'string',
  StringNotLike: 'string',
  NumericEquals: 'numeric',
  NumericNotEquals: 'numeric',
  NumericLessThan: 'numeric',
  NumericLessThanEquals: 'numeric',
  NumericGreaterThan: 'numeric',
  NumericGreaterThanEquals: 'numeric',
  DateEquals: 'date',
  DateNotEquals: 'date',
  DateLessThan: 'date',
  DateLessThanEquals: 'date',
  DateGreaterThan: 'date',
  DateGreaterThanEquals: 'date',
  Bool: 'bool',
  BinaryEquals: 'binary',
  IpAddress: 'ip',
  NotIpAddress: 'ip',
  ArnEquals: 'arn',
  ArnLike: 'arn',
  ArnNotEquals: 'arn',
  ArnNotLike: 'arn',
  Null: 'bool',
};

export const VALUE_POOLS = {
  string: [
    'alice',
    'bob',
    'a*',
    '*',
    '?lice',
    '${aws:username}',
    'prod',
    'dev',
    '${aws:PrincipalTag/team}',
    'team',
    'env',
    '',
    'ALICE',
    'home/*',
    "${aws:username, 'nobody'}",
  ],
  numeric: ['1', '10', '-3', '2.5', 'abc', '1700000000'],
  date: ['2024-01-01T00:00:00Z', '2030-01-01', '1700000000', 'not-a-date', '2024-06-01T12:00:00+02:00'],
  bool: ['true', 'false', 'TRUE', 'yes'],
  binary: ['QUJD', 'YWJj', '!!', ''],
  ip: ['10.0.0.0/8', '192.168.1.1', '2001:db8::/32', '0.0.0.0/0', 'bad', '10.1.2.3/32'],
  arn: [
    `arn:aws:iam::${SAME}:user/alice`,
    'arn:aws:iam::*:role/*',
    `arn:aws:iam::${SAME}:*`,
    '${aws:PrincipalArn}',
    'arn:aws:s3:::bucket-a',
    `arn:aws:iam::${SAME}:role/app`,
  ],
} as const;
const ALL_VALUES: string[] = Object.values(VALUE_POOLS).flat();

const OPERATOR_NAMES = Object.keys(BASE_OPERATORS);

/** A condition operator: every family, with set qualifiers and IfExists, sometimes oddly cased or unknown. */
export const operatorArb: fc.Arbitrary<{ name: string; family: keyof typeof VALUE_POOLS }> = fc
  .tuple(fc.constantFrom(...OPERATOR_NAMES), fc.constantFrom('', '', 'ForAnyValue:', 'ForAllValues:'), fc.boolean(), fc.nat(19))
  .map(([base, set, ifExists, odd]) => {
    const family = BASE_OPERATORS[base]!;
    if (base === 'Null') return { name: odd === 0 ? 'ForAnyValue:Null' : 'Null', family };
    let name = set + base + (ifExists ? 'IfExists' : '');
    if (odd === 1) name = name.toLowerCase();
    if (odd === 2) name = base + 'z';
    return { name, family };
  });

const scalarFor = (family: keyof typeof VALUE_POOLS): fc.Arbitrary<Json> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...VALUE_POOLS[family]) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_VALUES) },
    { weight: 1, arbitrary: fc.constantFrom<Json>(1, 10, 2.5, true, false) },
  );

const conditionArb: fc.Arbitrary<{ [op: string]: { [key: string]: Json } }> = fc
  .array(fc.tuple(operatorArb, fc.array(fc.tuple(fc.constantFrom(...CONDITION_KEYS), fc.boolean(), fc.nat(3)), { minLength: 1, maxLength: 2 })), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((ops) =>
    fc.tuple(
      ...ops.map(([op, keys]) =>
        fc
          .tuple(
            ...keys.map(([key, asList, n]) =>
              (asList ? fc.array(scalarFor(op.family), { minLength: Math.min(n, 1), maxLength: n + 1 }) : scalarFor(op.family)).map((v) => [key, v] as const),
            ),
          )
          .map((kv) => [op.name, Object.fromEntries(kv)] as const),
      ),
    ),
  )
  .map((entries) => Object.fromEntries(entries));

const listOrOne = <T extends Json>(arb: fc.Arbitrary<T>): fc.Arbitrary<Json> => fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 3 }));

export interface StatementOptions {
  /** Generate Principal / NotPrincipal (resource-based policies). */
  principal?: boolean;
  effect?: 'Allow' | 'Deny';
}

const principalArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constant('*'),
  fc.record({
    AWS: listOrOne(
      fc.constantFrom(
        '*',
        SAME,
        FOREIGN,
        `arn:aws:iam::${SAME}:root`,
        `arn:aws:iam::${SAME}:user/alice`,
        `arn:aws:iam::${SAME}:role/app`,
        `arn:aws:sts::${SAME}:assumed-role/app/s1`,
        `arn:aws:iam::${FOREIGN}:user/mallory`,
      ),
    ),
  }),
  fc.record({ Service: fc.constantFrom('ec2.amazonaws.com', '*') }),
);

export function statementArb(options: StatementOptions = {}): fc.Arbitrary<JsonStatement> {
  return fc
    .record({
      sid: fc.option(fc.constantFrom('A', 'B', 'S1', 'Allow1'), { nil: undefined }),
      effect: options.effect ? fc.constant(options.effect) : fc.constantFrom('Allow', 'Deny'),
      notAction: fc.nat(4).map((n) => n === 0),
      actions: listOrOne(fc.constantFrom(...ACTION_PATTERNS)),
      resourceKind: fc.constantFrom('Resource', 'Resource', 'Resource', 'NotResource', 'none'),
      resources: listOrOne(fc.constantFrom(...RESOURCE_PATTERNS)),
      condition: fc.option(conditionArb, { nil: undefined, freq: 2 }),
      principalKind: fc.constantFrom('Principal', 'Principal', 'Principal', 'NotPrincipal'),
      principal: principalArb,
    })
    .map((r) => {
      const st: JsonStatement = {};
      if (r.sid !== undefined) st.Sid = r.sid;
      st.Effect = r.effect;
      if (options.principal) st[r.principalKind] = r.principal;
      st[r.notAction ? 'NotAction' : 'Action'] = r.actions;
      if (r.resourceKind !== 'none') st[r.resourceKind] = r.resources;
      if (r.condition !== undefined) st.Condition = r.condition;
      return st;
    });
}

export function policyArb(options: StatementOptions & { maxStatements?: number } = {}): fc.Arbitrary<JsonPolicy> {
  return fc
    .record({
      version: fc.constantFrom<string | undefined>('2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2008-10-17', undefined),
      statements: fc.array(statementArb(options), { minLength: 0, maxLength: options.maxStatements ?? 4 }),
    })
    .map(({ version, statements }) => (version === undefined ? { Statement: statements } : { Version: version, Statement: statements }));
}

export interface JsonPolicySet {
  identity: JsonPolicy[];
  boundary?: JsonPolicy;
  scps?: JsonPolicy[][];
  resource?: JsonPolicy;
}

export const policySetArb: fc.Arbitrary<JsonPolicySet> = fc.record(
  {
    identity: fc.array(policyArb(), { minLength: 1, maxLength: 2 }),
    boundary: policyArb({ maxStatements: 2 }),
    scps: fc.array(fc.array(policyArb({ maxStatements: 2 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
    resource: policyArb({ principal: true, maxStatements: 3 }),
  },
  { requiredKeys: ['identity'] },
);

export interface GenContextEntry {
  key: string;
  type: ContextKeyType;
  values: string[];
}

export interface GenRequest {
  principal?: { arn: string; accountId: string; type?: 'User' | 'Role' | 'Root'; sessionName?: string };
  action: string;
  resource: string;
  resourceOwner?: string;
  context: GenContextEntry[];
}

const CONTEXT_TYPES: ContextKeyType[] = [
  'STRING',
  'STRING_LIST',
  'NUMERIC',
  'NUMERIC_LIST',
  'BOOLEAN',
  'BOOLEAN_LIST',
  'IP',
  'IP_LIST',
  'DATE',
  'DATE_LIST',
  'BINARY',
  'BINARY_LIST',
];
const REQUEST_VALUES = [
  'alice',
  'bob',
  'ALICE',
  'prod',
  'dev',
  'team',
  'env',
  '',
  'home/alice',
  'x',
  '10.1.2.3',
  '192.168.1.1',
  '2001:db8::1',
  '2025-01-01T00:00:00Z',
  '1700000000',
  '2024-01-01T00:00:00Z',
  'true',
  'false',
  '5',
  '10',
  '-3',
  'QUJD',
  'YWJj',
  `arn:aws:iam::${SAME}:user/alice`,
  `arn:aws:iam::${SAME}:role/app`,
  SAME,
  FOREIGN,
  '*',
  'a*',
];

const contextEntryArb: fc.Arbitrary<GenContextEntry> = fc
  .record({
    key: fc.tuple(fc.constantFrom(...CONDITION_KEYS), fc.nat(5)).map(([k, c]) => (c === 0 ? k.toUpperCase() : c === 1 ? k.toLowerCase() : k)),
    type: fc.constantFrom(...CONTEXT_TYPES),
    values: fc.array(fc.constantFrom(...REQUEST_VALUES), { minLength: 0, maxLength: 3 }),
  })
  .map((e) => (e.type.endsWith('_LIST') ? e : { ...e, values: e.values.slice(0, e.values.length === 0 ? 0 : 1) }));

const requestPrincipalArb = fc.constantFrom<GenRequest['principal']>(
  undefined,
  { arn: `arn:aws:iam::${SAME}:user/alice`, accountId: SAME, type: 'User' },
  { arn: `arn:aws:iam::${SAME}:role/app`, accountId: SAME, type: 'Role', sessionName: 's1' },
  { arn: `arn:aws:iam::${SAME}:root`, accountId: SAME, type: 'Root' },
  { arn: `arn:aws:iam::${FOREIGN}:user/mallory`, accountId: FOREIGN, type: 'User' },
);

export const requestArb: fc.Arbitrary<GenRequest> = fc.record(
  {
    principal: requestPrincipalArb,
    action: fc.constantFrom(...REQUEST_ACTIONS),
    resource: fc.constantFrom(...REQUEST_RESOURCES),
    resourceOwner: fc.constantFrom(SAME, FOREIGN),
    context: fc.array(contextEntryArb, { maxLength: 5 }),
  },
  { requiredKeys: ['principal', 'action', 'resource', 'context'] },
);
