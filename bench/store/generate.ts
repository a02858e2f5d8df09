/**
 * Deterministic synthetic AWS accounts, in the shapes `accessql import` reads:
 * `aws iam get-account-authorization-details` pages and `aws resourcegroupstaggingapi
 * get-resources` pages. Same (size, seed) → byte-identical output.
 *
 * What makes them realistic enough to measure with: Amazon Connect and common-service
 * statements with wildcards, NotAction, Deny, tag conditions (aws:ResourceTag/…,
 * aws:PrincipalTag/…), policy variables (${aws:username}); customer-managed policies with several
 * versions; attachment counts skewed so a few policies are attached to thousands of principals;
 * documents both as JSON objects (AWS CLI) and URL-encoded strings (raw API / JavaScript SDK).
 *
 * The `org` preset (generateOrganization / writeOrganization) is an estate: 30 accounts in an OU
 * tree with SCPs and RCPs at several levels (the organization document), each account an
 * authorization-details export whose roles partly trust other accounts, and resource policies
 * (S3 buckets, SQS queues, Lambda functions, KMS keys, Secrets Manager secrets) that grant to
 * their own account, other accounts of the organization, accounts outside it, service principals
 * and everyone under org conditions.
 *
 * CLI: node dist/bench/store/generate.js --size large|org --out DIR [--seed N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Size = 'small' | 'medium' | 'large';

export interface SizeSpec {
  users: number;
  roles: number;
  groups: number;
  policies: number;
  resources: number;
  /** Entities per authorization-details page (all four lists share a page). */
  pageSize: number;
}

export const SIZES: Record<Size, SizeSpec> = {
  small: { users: 60, roles: 30, groups: 8, policies: 120, resources: 300, pageSize: 100 },
  medium: { users: 1_000, roles: 500, groups: 50, policies: 2_000, resources: 5_000, pageSize: 1_000 },
  large: { users: 10_000, roles: 5_000, groups: 500, policies: 20_000, resources: 30_000, pageSize: 2_500 },
};

export interface GeneratedAccount {
  accountId: string;
  /** get-account-authorization-details output, one object per page. */
  authorizationPages: Record<string, unknown>[];
  /** get-resources output, one object per page. */
  resourcePages: Record<string, unknown>[];
}

/** mulberry32: small, fast, good enough for test data, and the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONNECT_ACTIONS = [
  'connect:DescribeContact',
  'connect:StartContactRecording',
  'connect:StopContactRecording',
  'connect:SuspendContactRecording',
  'connect:ResumeContactRecording',
  'connect:DescribeInstance',
  'connect:ListInstances',
  'connect:DescribeQueue',
  'connect:ListQueues',
  'connect:UpdateContactAttributes',
  'connect:StartOutboundVoiceContact',
  'connect:StopContact',
  'connect:DescribeContactFlow',
  'connect:UpdateContactFlowContent',
  'connect:DescribeUser',
  'connect:ListUsers',
  'connect:UpdateUserRoutingProfile',
  'connect:GetCurrentMetricData',
  'connect:GetMetricData',
  'connect:ListContactFlows',
  'connect:DeleteContactFlow',
  'connect:CreateQueue',
  'connect:TagResource',
  'connect:UntagResource',
  'connect:ListRoutingProfiles',
];
const CONNECT_WILDCARDS = ['connect:*', 'connect:Describe*', 'connect:List*', 'connect:Get*', 'connect:*ContactRecording', 'connect:Update*'];
const COMMON_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:DeleteObject',
  's3:GetBucketPolicy',
  'ec2:DescribeInstances',
  'ec2:StartInstances',
  'ec2:StopInstances',
  'ec2:TerminateInstances',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'lambda:InvokeFunction',
  'lambda:GetFunction',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'sqs:SendMessage',
  'sqs:ReceiveMessage',
  'sns:Publish',
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'iam:PassRole',
  'sts:AssumeRole',
  'cloudwatch:PutMetricData',
  'secretsmanager:GetSecretValue',
];
const COMMON_WILDCARDS = ['s3:Get*', 's3:List*', 's3:*', 'ec2:Describe*', 'dynamodb:*', 'logs:*', 'kms:*', 'iam:Get*', 'iam:List*', '*'];
const TEAMS = ['support', 'sales', 'platform', 'billing', 'security', 'data', 'voice', 'ops'];
const DEPARTMENTS = ['cx', 'engineering', 'finance', 'it'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

const AWS_MANAGED: [string, unknown][] = [
  ['AdministratorAccess', [{ Effect: 'Allow', Action: '*', Resource: '*' }]],
  [
    'ReadOnlyAccess',
    [{ Effect: 'Allow', Action: ['connect:Describe*', 'connect:List*', 's3:Get*', 's3:List*', 'ec2:Describe*', 'iam:Get*', 'iam:List*'], Resource: '*' }],
  ],
  ['AmazonConnect_FullAccess', [{ Effect: 'Allow', Action: ['connect:*', 'ds:CreateAlias', 'ds:AuthorizeApplication'], Resource: '*' }]],
  [
    'AmazonConnectReadOnlyAccess',
    [
      { Effect: 'Allow', Action: ['connect:Get*', 'connect:Describe*', 'connect:List*'], Resource: '*' },
      { Effect: 'Deny', Action: 'connect:GetFederationTokens', Resource: '*' },
    ],
  ],
  ['AmazonS3FullAccess', [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }]],
  ['AmazonS3ReadOnlyAccess', [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*'], Resource: '*' }]],
  [
    'AmazonEC2FullAccess',
    [
      { Action: 'ec2:*', Effect: 'Allow', Resource: '*' },
      { Effect: 'Allow', Action: 'cloudwatch:*', Resource: '*' },
    ],
  ],
  [
    'PowerUserAccess',
    [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      { Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole', 'iam:ListRoles'], Resource: '*' },
    ],
  ],
  ['AWSLambdaBasicExecutionRole', [{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }]],
  [
    'AmazonDynamoDBReadOnlyAccess',
    [
      {
        Effect: 'Allow',
        Action: ['dynamodb:BatchGetItem', 'dynamodb:Describe*', 'dynamodb:List*', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'],
        Resource: '*',
      },
    ],
  ],
];

/** RFC 3986 encoding as IAM returns it: everything but unreserved characters is %-encoded. */
export function awsUrlEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export interface AccountOptions {
  /** Overrides the account id drawn from the seed (the organization names its accounts). */
  accountId?: string;
  /** Accounts that non-service roles' trust policies may name besides their own. */
  trustedAccounts?: readonly string[];
}

export function generateAccount(size: Size | SizeSpec, seed = 1, options: AccountOptions = {}): GeneratedAccount {
  const spec = typeof size === 'string' ? SIZES[size] : size;
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const chance = (p: number) => rnd() < p;
  // Skewed choice of an index in [0, n): index 0 is picked far more often than the tail.
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n * Math.pow(rnd(), 4)));
  const drawnId = String(100000000000 + int(899999999999)).padStart(12, '0');
  const accountId = options.accountId ?? drawnId;
  const trusted = options.trustedAccounts ?? [];
  const arn = (rest: string) => `arn:aws:iam::${accountId}:${rest}`;
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
  const uid = (prefix: string) => prefix + Array.from({ length: 17 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[int(32)]).join('');
  const date = () => new Date(Date.UTC(2016 + int(9), int(12), 1 + int(28), int(24), int(60), int(60))).toISOString().replace('.000Z', 'Z');
  const instances = Array.from({ length: Math.max(1, Math.ceil(spec.resources / 3000)) }, () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`);
  const region = () => pick(REGIONS);
  const connectArn = (inst: string, kind: string) =>
    `arn:aws:connect:${REGIONS[0]}:${accountId}:instance/${inst}/${kind}/${kind === 'contact' ? '*' : hex(8) + '-' + hex(4)}`;

  const resourceFor = (action: string): string | string[] => {
    const service = action.split(':')[0];
    if (action === '*' || chance(0.35)) return '*';
    switch (service) {
      case 'connect': {
        const inst = pick(instances);
        return chance(0.5)
          ? `arn:aws:connect:${REGIONS[0]}:${accountId}:instance/${inst}/*`
          : [connectArn(inst, 'contact'), `arn:aws:connect:${REGIONS[0]}:${accountId}:instance/${inst}`];
      }
      case 's3':
        return chance(0.3)
          ? ['arn:aws:s3:::home-bucket', 'arn:aws:s3:::home-bucket/${aws:username}/*']
          : [`arn:aws:s3:::${pick(TEAMS)}-data-${int(50)}`, `arn:aws:s3:::${pick(TEAMS)}-data-${int(50)}/*`];
      case 'dynamodb':
        return `arn:aws:dynamodb:${region()}:${accountId}:table/${pick(TEAMS)}-*`;
      case 'lambda':
        return `arn:aws:lambda:${region()}:${accountId}:function:${pick(TEAMS)}-*`;
      case 'iam':
        return chance(0.5) ? arn('user/${aws:username}') : arn(`role/${pick(TEAMS)}/*`);
      case 'kms':
        return `arn:aws:kms:${region()}:${accountId}:key/*`;
      default:
        return `arn:aws:${service}:${region()}:${accountId}:*`;
    }
  };

  const condition = (): Record<string, Record<string, unknown>> | undefined => {
    const r = rnd();
    if (r < 0.25) return { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } };
    if (r < 0.35) return { StringEquals: { 'aws:PrincipalTag/department': pick(DEPARTMENTS) } };
    if (r < 0.42) return { StringLike: { 'aws:ResourceTag/team': [pick(TEAMS), pick(TEAMS) + '*'] } };
    if (r < 0.48) return { StringEquals: { 'aws:RequestedRegion': [pick(REGIONS), pick(REGIONS)] } };
    if (r < 0.52) return { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    if (r < 0.55) return { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] } };
    if (r < 0.58) return { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'cost-center'] }, Null: { 'aws:ResourceTag/team': 'false' } };
    return undefined;
  };

  const statement = (i: number): Record<string, unknown> => {
    const connect = chance(0.5);
    const actions: string[] = [];
    const n = 1 + int(4);
    for (let k = 0; k < n; k++) {
      const wild = chance(0.25);
      actions.push(connect ? (wild ? pick(CONNECT_WILDCARDS) : pick(CONNECT_ACTIONS)) : wild ? pick(COMMON_WILDCARDS) : pick(COMMON_ACTIONS));
    }
    const uniq = [...new Set(actions)];
    const s: Record<string, unknown> = {};
    if (chance(0.6)) s.Sid = `Stmt${i}${hex(4)}`;
    s.Effect = chance(0.1) ? 'Deny' : 'Allow';
    if (chance(0.05)) s.NotAction = uniq.length === 1 ? uniq[0] : uniq;
    else s.Action = uniq.length === 1 ? uniq[0] : uniq;
    s.Resource = resourceFor(uniq[0]);
    const c = condition();
    if (c) s.Condition = c;
    return s;
  };

  const document = (statements: number): Record<string, unknown> => ({
    Version: '2012-10-17',
    Statement: Array.from({ length: statements }, (_, i) => statement(i)),
  });
  /** Half the documents as objects (CLI), half URL-encoded (API / JS SDK), as real mixed exports are not, but parsers must be. */
  const emit = (doc: Record<string, unknown>): unknown => (chance(0.5) ? doc : awsUrlEncode(JSON.stringify(doc, null, 4)));

  // Managed policies: AWS managed first (global ARNs), then customer managed.
  const awsPolicies = AWS_MANAGED.map(([name, statements]) => ({
    PolicyName: name,
    PolicyId: uid('ANPA'),
    Arn: `arn:aws:iam::aws:policy/${name}`,
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: 0,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2015-02-06T18:39:46Z',
    UpdateDate: '2015-02-06T18:39:46Z',
    PolicyVersionList: [
      { Document: emit({ Version: '2012-10-17', Statement: statements }), VersionId: 'v1', IsDefaultVersion: true, CreateDate: '2015-02-06T18:39:46Z' },
    ],
  }));
  const customer = Array.from({ length: spec.policies }, (_, i) => {
    const name = `${pick(TEAMS)}-${pick(['connect', 'contact-center', 's3', 'data', 'ops', 'admin', 'readonly'])}-${i}`;
    const versions = chance(0.15) ? 2 + int(3) : 1;
    const def = versions - int(Math.min(versions, 2));
    const path = chance(0.3) ? `/${pick(TEAMS)}/` : '/';
    return {
      PolicyName: name,
      PolicyId: uid('ANPA'),
      Arn: arn(`policy${path}${name}`),
      Path: path,
      DefaultVersionId: `v${def}`,
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: date(),
      UpdateDate: date(),
      PolicyVersionList: Array.from({ length: versions }, (_, v) => ({
        Document: emit(document(3 + int(5))),
        VersionId: `v${v + 1}`,
        IsDefaultVersion: v + 1 === def,
        CreateDate: date(),
      })),
    };
  });
  const allPolicies = [...awsPolicies, ...customer];
  const attachCounts = new Map<string, number>();
  const attach = (): { PolicyName: string; PolicyArn: string } => {
    // A few AWS managed policies are attached widely; customer policies follow a steep skew.
    const p = chance(0.15) ? awsPolicies[skewed(awsPolicies.length)] : customer[skewed(customer.length)];
    attachCounts.set(p.Arn, (attachCounts.get(p.Arn) ?? 0) + 1);
    return { PolicyName: p.PolicyName, PolicyArn: p.Arn };
  };
  const attachSome = (max: number) => {
    const seen = new Map<string, { PolicyName: string; PolicyArn: string }>();
    const n = int(max + 1);
    for (let k = 0; k < n; k++) {
      const a = attach();
      seen.set(a.PolicyArn, a);
    }
    return [...seen.values()];
  };
  const boundaries = customer.slice(0, Math.max(1, Math.floor(spec.policies / 500)));
  const tagList = (name: string) => {
    const t = [
      { Key: 'team', Value: pick(TEAMS) },
      { Key: 'department', Value: pick(DEPARTMENTS) },
    ];
    if (chance(0.5)) t.push({ Key: 'cost-center', Value: String(1000 + int(9000)) });
    if (chance(0.2)) t.push({ Key: 'email', Value: `${name}+aws@example.com` });
    return t;
  };

  const groups = Array.from({ length: spec.groups }, (_, i) => {
    const name = `${pick(TEAMS)}-${pick(['agents', 'supervisors', 'admins', 'analysts', 'developers'])}-${i}`;
    return {
      Path: '/',
      GroupName: name,
      GroupId: uid('AGPA'),
      Arn: arn(`group/${name}`),
      CreateDate: date(),
      GroupPolicyList: chance(0.3) ? [{ PolicyName: `${name}-inline`, PolicyDocument: emit(document(1 + int(3))) }] : [],
      AttachedManagedPolicies: attachSome(4),
    };
  });
  const users = Array.from({ length: spec.users }, (_, i) => {
    const name = `user${String(i).padStart(5, '0')}.${pick(TEAMS)}`;
    const path = chance(0.2) ? `/${pick(DEPARTMENTS)}/` : '/';
    const u: Record<string, unknown> = {
      Path: path,
      UserName: name,
      UserId: uid('AIDA'),
      Arn: arn(`user${path}${name}`),
      CreateDate: date(),
      UserPolicyList: chance(0.25)
        ? Array.from({ length: 1 + int(2) }, (_, k) => ({ PolicyName: `inline-${k}`, PolicyDocument: emit(document(1 + int(4))) }))
        : [],
      GroupList: groups.length ? [...new Set(Array.from({ length: int(4) }, () => groups[skewed(groups.length)].GroupName))] : [],
      AttachedManagedPolicies: attachSome(3),
      Tags: tagList(name),
    };
    if (chance(0.1)) {
      const b = pick(boundaries);
      u.PermissionsBoundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: b.Arn };
      b.PermissionsBoundaryUsageCount++;
    }
    return u;
  });
  const roles = Array.from({ length: spec.roles }, (_, i) => {
    const name = `${pick(['Connect', 'Lambda', 'Ec2', 'Ops', 'Analytics', 'Deploy'])}${pick(['Agent', 'Supervisor', 'Exec', 'Reader', 'Writer'])}Role-${i}`;
    const service = chance(0.5);
    const trust = {
      Version: '2012-10-17',
      Statement: [
        service
          ? { Effect: 'Allow', Principal: { Service: pick(['lambda.amazonaws.com', 'ec2.amazonaws.com', 'connect.amazonaws.com']) }, Action: 'sts:AssumeRole' }
          : {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${trusted.length > 0 && chance(0.3) ? pick(trusted) : accountId}:root` },
              Action: 'sts:AssumeRole',
              Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
            },
      ],
    };
    const path = service ? '/service-role/' : '/';
    const r: Record<string, unknown> = {
      Path: path,
      RoleName: name,
      RoleId: uid('AROA'),
      Arn: arn(`role${path}${name}`),
      CreateDate: date(),
      AssumeRolePolicyDocument: emit(trust),
      InstanceProfileList: [],
      RolePolicyList: chance(0.5) ? [{ PolicyName: `${name}-inline`, PolicyDocument: emit(document(1 + int(4))) }] : [],
      AttachedManagedPolicies: attachSome(3),
      Tags: tagList(name),
      RoleLastUsed: chance(0.5) ? { LastUsedDate: date(), Region: pick(REGIONS) } : {},
    };
    if (chance(0.05)) {
      const b = pick(boundaries);
      r.PermissionsBoundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: b.Arn };
      b.PermissionsBoundaryUsageCount++;
    }
    return r;
  });
  for (const p of allPolicies) p.AttachmentCount = attachCounts.get(p.Arn) ?? 0;

  // Pages: every page carries a slice of each list, as the API's pages do.
  const lists = { UserDetailList: users, GroupDetailList: groups, RoleDetailList: roles, Policies: allPolicies } as Record<string, unknown[]>;
  const longest = Math.max(...Object.values(lists).map((l) => l.length));
  const pageCount = Math.max(1, Math.ceil(longest / spec.pageSize));
  const authorizationPages = Array.from({ length: pageCount }, (_, p) => {
    const page: Record<string, unknown> = {};
    for (const [key, items] of Object.entries(lists)) {
      const per = Math.ceil(items.length / pageCount);
      page[key] = items.slice(p * per, (p + 1) * per);
    }
    page.IsTruncated = p < pageCount - 1;
    if (p < pageCount - 1) page.Marker = `page-${p + 2}-${hex(16)}`;
    return page;
  });

  // Tagged resources, mostly Connect, some common services.
  const mappings = Array.from({ length: spec.resources }, () => {
    const r = rnd();
    const inst = pick(instances);
    let resourceArn: string;
    if (r < 0.6)
      resourceArn = `arn:aws:connect:${REGIONS[0]}:${accountId}:instance/${inst}/${pick(['contact-flow', 'queue', 'routing-profile', 'agent', 'contact'])}/${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
    else if (r < 0.7) resourceArn = `arn:aws:s3:::${pick(TEAMS)}-data-${hex(8)}`;
    else if (r < 0.8) resourceArn = `arn:aws:dynamodb:${region()}:${accountId}:table/${pick(TEAMS)}-${hex(6)}`;
    else if (r < 0.9) resourceArn = `arn:aws:lambda:${region()}:${accountId}:function:${pick(TEAMS)}-${hex(6)}`;
    else resourceArn = `arn:aws:sqs:${region()}:${accountId}:${pick(TEAMS)}-${hex(6)}`;
    const tagsOut = [{ Key: 'team', Value: pick(TEAMS) }];
    if (chance(0.5)) tagsOut.push({ Key: 'env', Value: pick(['prod', 'staging', 'dev']) });
    return { ResourceARN: resourceArn, Tags: tagsOut };
  });
  for (const inst of instances)
    mappings.push({ ResourceARN: `arn:aws:connect:${REGIONS[0]}:${accountId}:instance/${inst}`, Tags: [{ Key: 'team', Value: 'voice' }] });
  const unique = [...new Map(mappings.map((m) => [m.ResourceARN, m])).values()];
  const resourcePageSize = 100 * Math.ceil(spec.pageSize / 100);
  const resourcePages = [];
  for (let i = 0; i < unique.length; i += resourcePageSize) {
    const last = i + resourcePageSize >= unique.length;
    resourcePages.push({ PaginationToken: last ? '' : `token-${i}`, ResourceTagMappingList: unique.slice(i, i + resourcePageSize) });
  }
  return { accountId, authorizationPages, resourcePages };
}

/** Writes the pages as files; returns their paths (authorization details first, then resources). */
export function writeAccount(account: GeneratedAccount, dir: string, prefix = ''): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  account.authorizationPages.forEach((page, i) => {
    const f = path.join(dir, `${prefix}authorization-details-${String(i + 1).padStart(3, '0')}.json`);
    fs.writeFileSync(f, JSON.stringify(page, null, 4) + '\n');
    files.push(f);
  });
  account.resourcePages.forEach((page, i) => {
    const f = path.join(dir, `${prefix}resources-${String(i + 1).padStart(3, '0')}.json`);
    fs.writeFileSync(f, JSON.stringify(page, null, 4) + '\n');
    files.push(f);
  });
  return files;
}

// ---------- the `org` preset: an estate ----------

export interface OrgSpec {
  accounts: number;
  /** Per account. */
  account: SizeSpec;
  /** Per account. */
  resourcePolicies: number;
}

/** 30 accounts × (1,334 users + 666 roles, 1,333 customer policies, 667 resource policies). */
export const ORG_SPEC: OrgSpec = {
  accounts: 30,
  account: { users: 1_334, roles: 666, groups: 30, policies: 1_333, resources: 1_000, pageSize: 1_000 },
  resourcePolicies: 667,
};

export interface OrgLayout {
  organizationId: string;
  rootId: string;
  managementAccountId: string;
  accountIds: string[];
  /** Parent (root or OU id) of each account, by account id. */
  parentOf: Map<string, string>;
  organization: Record<string, unknown>;
}

const OU_TREE: [name: string, parent: string | null][] = [
  ['Workloads', null],
  ['Security', null],
  ['Sandbox', null],
  ['Infrastructure', null],
  ['Prod', 'Workloads'],
  ['Staging', 'Workloads'],
  ['Dev', 'Workloads'],
  ['ProdEU', 'Prod'],
  ['ProdUS', 'Prod'],
  ['DevTeams', 'Dev'],
];

/** The organization document of the `org` preset (and the ids the accounts need). */
export function organizationLayout(seed = 1, spec: OrgSpec = ORG_SPEC): OrgLayout {
  const rnd = prng(seed * 7919 + 13);
  const int = (n: number) => Math.floor(rnd() * n);
  const lower = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[int(36)]).join('');
  const organizationId = `o-${lower(10)}`;
  const rootPart = lower(4);
  const rootId = `r-${rootPart}`;
  const accountIds: string[] = [];
  const used = new Set<string>();
  while (accountIds.length < spec.accounts) {
    const id = String(100000000000 + int(899999999999)).padStart(12, '0');
    if (!used.has(id)) {
      used.add(id);
      accountIds.push(id);
    }
  }
  const managementAccountId = accountIds[0];
  const orgArn = (rest: string) => `arn:aws:organizations::${managementAccountId}:${rest}`;
  const ouIds = new Map<string, string>();
  for (const [name] of OU_TREE) ouIds.set(name, `ou-${rootPart}-${lower(8)}`);
  const ous = OU_TREE.map(([name, parent]) => ({
    Id: ouIds.get(name)!,
    Arn: orgArn(`ou/${organizationId}/${ouIds.get(name)}`),
    Name: name,
    ParentId: parent ? ouIds.get(parent)! : rootId,
  }));
  // Leaves get the accounts; the management account sits at the root.
  const homes = ['ProdEU', 'Sandbox', 'DevTeams', 'ProdUS', 'Security', 'Staging', 'Dev', 'Infrastructure', 'Prod'];
  const parentOf = new Map<string, string>([[managementAccountId, rootId]]);
  accountIds.slice(1).forEach((id, i) => parentOf.set(id, ouIds.get(homes[i % homes.length])!));
  const accounts = accountIds.map((id, i) => ({
    Id: id,
    Arn: orgArn(`account/${organizationId}/${id}`),
    Email: `aws-${i}@example.com`,
    Name: i === 0 ? 'management' : `account-${String(i).padStart(2, '0')}`,
    Status: 'ACTIVE',
    JoinedMethod: i === 0 ? 'INVITED' : 'CREATED',
    JoinedTimestamp: '2021-06-01T00:00:00.000000+00:00',
    ParentId: parentOf.get(id)!,
  }));
  const target = (id: string) => {
    if (id === rootId) return { TargetId: id, Arn: orgArn(`root/${organizationId}/${id}`), Name: 'Root', Type: 'ROOT' };
    const ou = ous.find((o) => o.Id === id);
    if (ou) return { TargetId: id, Arn: ou.Arn, Name: ou.Name, Type: 'ORGANIZATIONAL_UNIT' };
    const a = accounts.find((x) => x.Id === id)!;
    return { TargetId: id, Arn: a.Arn, Name: a.Name, Type: 'ACCOUNT' };
  };
  const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
  let n = 0;
  const policy = (name: string, type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY', content: string, targets: string[], awsManaged = false) => {
    const id = awsManaged ? `p-${name}` : `p-${lower(8)}${n++}`;
    return {
      PolicySummary: {
        Id: id,
        Arn: awsManaged ? `arn:aws:organizations::aws:policy/${type.toLowerCase()}/${id}` : orgArn(`policy/${organizationId}/${type.toLowerCase()}/${id}`),
        Name: name,
        Description: name,
        Type: type,
        AwsManaged: awsManaged,
      },
      Content: content,
      Targets: targets.map(target),
    };
  };
  const ou = (name: string) => ouIds.get(name)!;
  const everywhereBut = (except: string[]) => [rootId, ...ous.map((o) => o.Id), ...accountIds].filter((id) => !except.includes(id));
  const sandboxAccounts = accountIds.filter((id) => parentOf.get(id) === ou('Sandbox'));
  const policies = [
    // Sandbox replaces FullAWSAccess with an allow list (the Organizations guide's allow-list strategy).
    policy(
      'FullAWSAccess',
      'SERVICE_CONTROL_POLICY',
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      everywhereBut([ou('Sandbox'), ...sandboxAccounts]),
      true,
    ),
    policy(
      'SandboxAllowList',
      'SERVICE_CONTROL_POLICY',
      doc({ Effect: 'Allow', Action: ['s3:*', 'ec2:*', 'lambda:*', 'dynamodb:*', 'logs:*', 'cloudwatch:*', 'iam:Get*', 'iam:List*', 'sts:*'], Resource: '*' }),
      [ou('Sandbox'), ...sandboxAccounts],
    ),
    policy('DenyLeaveOrganization', 'SERVICE_CONTROL_POLICY', doc({ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }), [rootId]),
    policy(
      'ProtectAuditTrail',
      'SERVICE_CONTROL_POLICY',
      doc({
        Effect: 'Deny',
        Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'],
        Resource: '*',
        Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/SecurityBreakGlass' } },
      }),
      [rootId],
    ),
    policy(
      'RegionLock',
      'SERVICE_CONTROL_POLICY',
      doc({
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*', 'organizations:*', 'cloudfront:*', 'route53:*', 'support:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1'] } },
      }),
      [ou('Workloads'), ou('Infrastructure')],
    ),
    policy(
      'DenyContactRecordingOutsideProd',
      'SERVICE_CONTROL_POLICY',
      doc({ Effect: 'Deny', Action: ['connect:StartContactRecording', 'connect:ResumeContactRecording'], Resource: '*' }),
      [ou('Dev'), ou('Staging'), ou('Sandbox')],
    ),
    policy(
      'EUDataResidency',
      'SERVICE_CONTROL_POLICY',
      doc({
        Effect: 'Deny',
        Action: ['s3:CreateBucket', 'dynamodb:CreateTable'],
        Resource: '*',
        Condition: { StringNotLike: { 'aws:RequestedRegion': 'eu-*' } },
      }),
      [ou('ProdEU')],
    ),
    policy(
      'DenyIamUsers',
      'SERVICE_CONTROL_POLICY',
      doc({ Effect: 'Deny', Action: ['iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile'], Resource: '*' }),
      [ou('Prod'), ou('DevTeams')],
    ),
    policy(
      'DenyKmsKeyDeletion',
      'SERVICE_CONTROL_POLICY',
      doc({
        Effect: 'Deny',
        Action: ['kms:ScheduleKeyDeletion', 'kms:DisableKey'],
        Resource: '*',
        Condition: { StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/KeyAdmin*' } },
      }),
      [ou('Security'), accountIds[1], accountIds[2]],
    ),
    policy('RCPFullAWSAccess', 'RESOURCE_CONTROL_POLICY', doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }), everywhereBut([]), true),
    policy(
      'DataPerimeter',
      'RESOURCE_CONTROL_POLICY',
      doc({
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:AssumeRole'],
        Resource: '*',
        Condition: {
          StringNotEqualsIfExists: { 'aws:PrincipalOrgID': organizationId, 'aws:PrincipalAccount': ['999988887777'] },
          BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
        },
      }),
      [rootId],
    ),
    policy(
      'EnforceTLS',
      'RESOURCE_CONTROL_POLICY',
      doc({
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
      }),
      [ou('Workloads'), ou('Security')],
    ),
    policy(
      'ProdSecretsFromProdOnly',
      'RESOURCE_CONTROL_POLICY',
      doc({
        Effect: 'Deny',
        Principal: '*',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: {
          'ForAllValues:StringNotLike': { 'aws:PrincipalOrgPaths': [`${organizationId}/${rootId}/${ou('Workloads')}/${ou('Prod')}/*`] },
          BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
        },
      }),
      [ou('Prod')],
    ),
  ];
  const organization = {
    Organization: {
      Id: organizationId,
      Arn: orgArn(`organization/${organizationId}`),
      FeatureSet: 'ALL',
      MasterAccountArn: orgArn(`account/${organizationId}/${managementAccountId}`),
      MasterAccountId: managementAccountId,
      MasterAccountEmail: 'aws-0@example.com',
    },
    Roots: [
      {
        Id: rootId,
        Arn: orgArn(`root/${organizationId}/${rootId}`),
        Name: 'Root',
        PolicyTypes: [
          { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
          { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' },
        ],
      },
    ],
    OrganizationalUnits: ous,
    Accounts: accounts,
    Policies: policies,
  };
  return { organizationId, rootId, managementAccountId, accountIds, parentOf, organization };
}

/**
 * Resource policies of one account of the `org` preset: buckets (ResourceOwner given: S3 ARNs
 * carry no account), queues, functions, keys and secrets, granting to the account itself, other
 * accounts of the organization, an account outside it, service principals, and `*` under
 * aws:PrincipalOrgID. Policies are JSON text, as the AWS CLI prints them, or objects.
 */
export function generateResourcePolicies(accountId: string, layout: OrgLayout, count: number, seed: number): Record<string, unknown> {
  const rnd = prng(seed * 104729 + 7);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const chance = (p: number) => rnd() < p;
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
  const others = layout.accountIds.filter((a) => a !== accountId);
  const principal = (): unknown => {
    const r = rnd();
    if (r < 0.35) return { AWS: `arn:aws:iam::${accountId}:root` };
    if (r < 0.6) return { AWS: `arn:aws:iam::${pick(others)}:root` };
    if (r < 0.7)
      return {
        AWS: `arn:aws:iam::${pick(others)}:role/${pick(['Connect', 'Lambda', 'Ops', 'Analytics', 'Deploy'])}${pick(['Agent', 'Reader', 'Writer'])}Role-${int(600)}`,
      };
    if (r < 0.78) return { AWS: 'arn:aws:iam::999988887777:root' };
    if (r < 0.9)
      return { Service: pick(['cloudtrail.amazonaws.com', 'events.amazonaws.com', 'sns.amazonaws.com', 'logs.amazonaws.com', 'connect.amazonaws.com']) };
    return '*';
  };
  const kinds = ['s3', 'sqs', 'lambda', 'kms', 'secretsmanager'] as const;
  const actionsOf: Record<(typeof kinds)[number], string[]> = {
    s3: ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:DeleteObject'],
    sqs: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
    lambda: ['lambda:InvokeFunction', 'lambda:GetFunction'],
    kms: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:ReEncrypt*'],
    secretsmanager: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
  };
  const items = Array.from({ length: count }, (_, i) => {
    const kind = pick(kinds);
    const region = pick(REGIONS);
    let arn: string;
    let owner: string | undefined;
    switch (kind) {
      case 's3':
        arn = `arn:aws:s3:::${pick(TEAMS)}-${accountId}-${i}-${hex(6)}`;
        owner = accountId;
        break;
      case 'sqs':
        arn = `arn:aws:sqs:${region}:${accountId}:${pick(TEAMS)}-${i}-${hex(6)}`;
        break;
      case 'lambda':
        arn = `arn:aws:lambda:${region}:${accountId}:function:${pick(TEAMS)}-${i}-${hex(6)}`;
        break;
      case 'kms':
        arn = `arn:aws:kms:${region}:${accountId}:key/${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
        break;
      default:
        arn = `arn:aws:secretsmanager:${region}:${accountId}:secret:${pick(TEAMS)}/${i}-${hex(6)}`;
    }
    const resource = kind === 's3' ? [arn, `${arn}/*`] : kind === 'kms' ? '*' : arn;
    const statements: Record<string, unknown>[] = [];
    if (kind === 'kms')
      statements.push({
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      });
    for (let k = 0, n = 1 + int(3); k < n; k++) {
      const p = principal();
      const acts = [...new Set(Array.from({ length: 1 + int(2) }, () => pick(actionsOf[kind])))];
      const s: Record<string, unknown> = { Sid: `Grant${k}`, Effect: 'Allow', Principal: p, Action: acts.length === 1 ? acts[0] : acts, Resource: resource };
      if (p === '*') s.Condition = { StringEquals: { 'aws:PrincipalOrgID': layout.organizationId } };
      else if (typeof p === 'object' && 'Service' in (p as object)) s.Condition = { StringEquals: { 'aws:SourceAccount': accountId } };
      else if (chance(0.15)) s.Condition = { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${layout.organizationId}/${layout.rootId}/*`] } };
      statements.push(s);
    }
    if (chance(0.3))
      statements.push({
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: `${kind === 'secretsmanager' ? 'secretsmanager' : kind}:*`,
        Resource: resource,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
    const policyDoc = { Version: '2012-10-17', Id: `${kind}-policy`, Statement: statements };
    return { ResourceArn: arn, ...(owner ? { ResourceOwner: owner } : {}), Policy: chance(0.7) ? JSON.stringify(policyDoc) : policyDoc };
  });
  return { ResourcePolicies: items };
}

/**
 * Writes the `org` preset, one account at a time (never all in memory): `organization.json`,
 * then per account `aNN-authorization-details-*.json`, `aNN-resources-*.json`,
 * `aNN-resource-policies.json`. Returns the paths.
 */
export function writeOrganization(dir: string, seed = 1, spec: OrgSpec = ORG_SPEC): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const layout = organizationLayout(seed, spec);
  const files = [path.join(dir, 'organization.json')];
  fs.writeFileSync(files[0], JSON.stringify(layout.organization, null, 4) + '\n');
  layout.accountIds.forEach((accountId, i) => {
    const prefix = `a${String(i).padStart(2, '0')}-`;
    const account = generateAccount(spec.account, seed * 1000 + i, { accountId, trustedAccounts: layout.accountIds.filter((a) => a !== accountId) });
    files.push(...writeAccount(account, dir, prefix));
    const f = path.join(dir, `${prefix}resource-policies.json`);
    fs.writeFileSync(f, JSON.stringify(generateResourcePolicies(accountId, layout, spec.resourcePolicies, seed * 1000 + i), null, 4) + '\n');
    files.push(f);
  });
  return files;
}

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = (arg('size') ?? 'small') as Size | 'org';
  if (!(size in SIZES) && size !== 'org') throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}, org`);
  const out = arg('out');
  if (!out) throw new Error('usage: generate --size small|medium|large|org --out DIR [--seed N]');
  const seed = Number(arg('seed') ?? 1);
  const files = size === 'org' ? writeOrganization(out, seed) : writeAccount(generateAccount(size, seed), out);
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  process.stdout.write(`wrote ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) to ${out}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
