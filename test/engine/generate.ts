/**
 * Deterministic generator of realistic principals (policies over connect / s3 / iam / ec2 with
 * wildcards, NotAction, tag conditions and policy variables) and requests, shared by the
 * differential test and the benchmark. Plain JSON out, so each engine is fed the same input.
 */

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type JsonPolicy = { Version: string; Statement: Record<string, Json>[] };

export const SAME = '123456789012';
export const FOREIGN = '999999999999';

/** The deterministic PRNG the synthetic accounts use (mulberry32). */
export { prng as rng } from '../../bench/store/generate.js';

export interface GenPrincipal {
  arn: string;
  accountId: string;
  name: string;
  type: 'User' | 'Role';
  identity: JsonPolicy[];
  boundary?: JsonPolicy;
}

export interface GenRequest {
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const ACTIONS: Record<string, string[]> = {
  connect: [
    'connect:DescribeUser',
    'connect:UpdateUserHierarchy',
    'connect:DeleteUser',
    'connect:StartContactRecording',
    'connect:CreateUser',
    'connect:ListUsers',
  ],
  s3: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 's3:GetBucketAcl'],
  iam: ['iam:GetUser', 'iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListUsers', 'iam:GetUserPolicy'],
  ec2: ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:TerminateInstances', 'ec2:DescribeInstances'],
};

const ACTION_PATTERNS: Record<string, string[]> = {
  connect: ['connect:*', 'connect:Update*', 'connect:Describe*', 'connect:DeleteUser', 'connect:StartContactRecording', 'connect:*User*', 'connect:List*'],
  s3: ['s3:*', 's3:Get*', 's3:?etObject', 's3:PutObject', 's3:List*', 's3:*Object'],
  iam: ['iam:*', 'iam:*AccessKey*', 'iam:Get*', 'iam:List*', 'iam:GetUser'],
  ec2: ['ec2:*', 'ec2:*Instances', 'ec2:Describe*', 'ec2:TerminateInstances', 'ec2:St*Instances'],
};

function resourcesFor(service: string, acct: string): string[] {
  switch (service) {
    case 'connect':
      return [
        `arn:aws:connect:us-east-1:${acct}:instance/i-1/agent/a-1`,
        `arn:aws:connect:us-east-1:${acct}:instance/i-2/agent/a-7`,
        `arn:aws:connect:us-west-2:${acct}:instance/i-1/contact/c-9`,
        `arn:aws:connect:us-east-1:${acct}:instance/i-1`,
      ];
    case 's3':
      return ['arn:aws:s3:::bucket-a/home/alice/notes.txt', 'arn:aws:s3:::bucket-a/home/bob/x', 'arn:aws:s3:::bucket-b/logs/1', 'arn:aws:s3:::bucket-a'];
    case 'iam':
      return [`arn:aws:iam::${acct}:user/alice`, `arn:aws:iam::${acct}:user/bob`, `arn:aws:iam::${acct}:user/carol`];
    default:
      return [`arn:aws:ec2:us-east-1:${acct}:instance/i-0abc`, `arn:aws:ec2:eu-west-1:${acct}:instance/i-0def`];
  }
}

function resourcePatterns(service: string): string[] {
  switch (service) {
    case 'connect':
      return [
        '*',
        `arn:aws:connect:us-east-1:${SAME}:instance/i-1/agent/*`,
        `arn:aws:connect:*:${SAME}:instance/*/contact/*`,
        `arn:aws:connect:us-east-1:*:instance/i-?/*`,
      ];
    case 's3':
      return ['*', 'arn:aws:s3:::bucket-a/*', 'arn:aws:s3:::bucket-a/home/${aws:username}/*', 'arn:aws:s3:::bucket-?', 'arn:aws:s3:::*/logs/*'];
    case 'iam':
      return ['*', 'arn:aws:iam::*:user/${aws:username}', `arn:aws:iam::${SAME}:user/*`];
    default:
      return ['*', `arn:aws:ec2:*:${SAME}:instance/*`, 'arn:aws:ec2:us-east-1:*:instance/i-0abc'];
  }
}

const CONDITIONS: Record<string, Json>[] = [
  { StringEquals: { 'aws:ResourceTag/Department': 'Test' } },
  { StringEquals: { 'aws:PrincipalTag/team': ['red', 'green'] } },
  { StringLike: { 'aws:PrincipalTag/team': 're*' } },
  { StringNotEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.1.0/24'] } },
  { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { NumericLessThanEquals: { 's3:max-keys': '10' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['owner', 'env'] } },
  { 'ForAllValues:StringLike': { 'aws:TagKeys': ['owner', 'cost*'] } },
  { StringEqualsIfExists: { 'aws:ResourceTag/Department': 'Test' } },
  { Null: { 'aws:ResourceTag/Department': 'false' } },
  { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
  { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } },
  { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${SAME}:user/*` } },
  { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'RED' } },
];

function statement(r: () => number, effect: 'Allow' | 'Deny', conditionRate: number): Record<string, Json> {
  const service = pick(r, Object.keys(ACTIONS));
  const st: Record<string, Json> = { Effect: effect };
  const u = r();
  if (u < 0.08) st['NotAction'] = [pick(r, ACTION_PATTERNS[service]!)];
  else if (u < 0.12) st['Action'] = '*';
  else {
    const n = 1 + Math.floor(r() * 3);
    const acts: string[] = [];
    for (let i = 0; i < n; i++) acts.push(r() < 0.5 ? pick(r, ACTION_PATTERNS[service]!) : pick(r, ACTIONS[service]!));
    st['Action'] = acts;
  }
  if (r() < 0.06)
    st['NotResource'] = [
      pick(
        r,
        resourcePatterns(service).filter((p) => p !== '*'),
      ),
    ];
  else st['Resource'] = r() < 0.3 ? [pick(r, resourcePatterns(service)), pick(r, resourcePatterns(service))] : pick(r, resourcePatterns(service));
  if (r() < conditionRate) {
    const c = pick(r, CONDITIONS);
    st['Condition'] = r() < 0.25 ? { ...pick(r, CONDITIONS), ...c } : c;
  }
  return st;
}

export function policyOf(r: () => number, statements: number, denyRate = 0.15, conditionRate = 0.35): JsonPolicy {
  const out: Record<string, Json>[] = [];
  for (let i = 0; i < statements; i++) {
    const st = statement(r, r() < denyRate ? 'Deny' : 'Allow', conditionRate);
    st['Sid'] = `S${i}`;
    out.push(st);
  }
  return { Version: '2012-10-17', Statement: out };
}

/** A principal with about `statements` statements over three policies. */
export function principalOf(r: () => number, index: number, statements = 30, withBoundary = false): GenPrincipal {
  const names = ['alice', 'bob', 'carol', 'dave'];
  const name = `${pick(r, names)}`;
  const isRole = r() < 0.25;
  const a = Math.round(statements * 0.5);
  const b = Math.round(statements * 0.3);
  const p: GenPrincipal = {
    arn: isRole ? `arn:aws:iam::${SAME}:role/app-${index}` : `arn:aws:iam::${SAME}:user/${name}`,
    accountId: SAME,
    name: isRole ? `app-${index}` : name,
    type: isRole ? 'Role' : 'User',
    identity: [policyOf(r, a), policyOf(r, b), policyOf(r, statements - a - b)],
  };
  if (withBoundary) p.boundary = policyOf(r, 4, 0.1, 0.2);
  return p;
}

export function requestOf(r: () => number, principal: GenPrincipal, acct = SAME): GenRequest {
  const service = pick(r, Object.keys(ACTIONS));
  const action = pick(r, ACTIONS[service]!);
  const resource = r() < 0.08 ? '*' : pick(r, resourcesFor(service, acct));
  const context: Record<string, string | string[]> = {};
  if (principal.type === 'User' && r() < 0.85) context['aws:username'] = principal.name;
  context['aws:PrincipalArn'] = principal.arn;
  if (r() < 0.7) context['aws:PrincipalTag/team'] = pick(r, ['red', 'blue', 'green', 'redwood']);
  if (r() < 0.5) context['aws:ResourceTag/Department'] = pick(r, ['Test', 'Prod']);
  if (r() < 0.3) context['aws:ResourceTag/owner'] = pick(r, ['alice', 'bob']);
  if (r() < 0.8) context['aws:SecureTransport'] = pick(r, ['true', 'false']);
  if (r() < 0.7) context['aws:SourceIp'] = pick(r, ['10.1.2.3', '192.168.1.20', '8.8.8.8']);
  if (r() < 0.3) context['s3:max-keys'] = pick(r, ['5', '10', '50']);
  if (r() < 0.4) context['aws:TagKeys'] = pick(r, [['owner'], ['owner', 'cost-center'], ['env', 'x'], []]);
  if (r() < 0.6) context['aws:CurrentTime'] = pick(r, ['2019-06-01T00:00:00Z', '2024-06-01T00:00:00Z']);
  return { action, resource, context };
}
