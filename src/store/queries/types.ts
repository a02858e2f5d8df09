/** What the read side returns: plain objects, camelCase, JSON columns parsed. */

export type PrincipalType = 'USER' | 'ROLE';
export type PolicyKind = 'AWS_MANAGED' | 'CUSTOMER_MANAGED' | 'INLINE';

export interface Tag {
  key: string;
  value: string;
}

export interface PrincipalRecord {
  /** Internal id, valid until the principal's account is re-imported; for batch lookups within a request. */
  id: number;
  arn: string;
  type: PrincipalType;
  name: string;
  path: string;
  /** UserId / RoleId. */
  uniqueId: string | null;
  accountId: string;
  createDate: string | null;
  permissionsBoundaryArn: string | null;
  permissionsBoundaryType: string | null;
  /** Roles: the trust policy (AssumeRolePolicyDocument) text. */
  trustPolicy: string | null;
  description: string | null;
  maxSessionDuration: number | null;
  /** Roles: RoleLastUsed as AWS gives it ({LastUsedDate, Region}), null when never used. */
  roleLastUsed: Record<string, unknown> | null;
  instanceProfileArns: string[];
}

export interface GroupRecord {
  id: number;
  arn: string;
  name: string;
  path: string;
  uniqueId: string | null;
  accountId: string;
  createDate: string | null;
}

export interface PolicyOwner {
  kind: 'USER' | 'ROLE' | 'GROUP';
  arn: string;
  name: string;
}

export interface PolicyRecord {
  /** Stable id: the ARN for a managed policy, `<owner ARN>#<name>` for an inline one. */
  key: string;
  /** Null for an inline policy. */
  arn: string | null;
  name: string;
  kind: PolicyKind;
  path: string | null;
  /** Null for AWS managed and standalone policies. */
  accountId: string | null;
  uniqueId: string | null;
  defaultVersionId: string | null;
  /** As AWS reported it (AttachmentCount); null for inline policies. */
  attachmentCount: number | null;
  permissionsBoundaryUsageCount: number | null;
  isAttachable: boolean | null;
  description: string | null;
  createDate: string | null;
  updateDate: string | null;
  /** Known only by ARN (attached or used as a boundary, but not in any import): no document. */
  stub: boolean;
  /** Imported from a single policy document file. */
  standalone: boolean;
  /** Inline policies: the user, group or role it is embedded in. */
  owner: PolicyOwner | null;
  /** Text of the default version (managed) or the policy (inline); null for a stub. */
  document: string | null;
}

export interface PolicyVersionRecord {
  versionId: string;
  isDefault: boolean;
  createDate: string | null;
  document: string;
}

export interface AttachmentRecord {
  kind: 'USER' | 'ROLE' | 'GROUP';
  arn: string;
  name: string;
  accountId: string;
}

export interface ConditionRecord {
  operator: string;
  key: string;
  values: string[];
}

export interface StatementRecord {
  index: number;
  sid: string | null;
  effect: string | null;
  /** 1-based position of the statement in its document's text. */
  line: number | null;
  column: number | null;
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  conditions: ConditionRecord[];
}

export interface ResourceRecord {
  id: number;
  arn: string;
  partition: string;
  service: string;
  region: string | null;
  /** The account in the ARN (null for S3 buckets and objects). */
  accountId: string | null;
  /** The account whose get-resources output listed it (the owner when the ARN names none). */
  ownerAccountId: string | null;
  resourceType: string | null;
  resource: string;
  /** Whether a resource-based policy is stored for it. */
  hasPolicy: boolean;
}

export interface ImportRecord {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  label: string | null;
  files: { name: string; format: string }[];
  counts: Record<string, unknown> | null;
  /** Its state can be rebuilt (the `snapshot:` argument): false once pruned, or for imports made before history was kept. */
  queryable: boolean;
  /** When retention removed its history; null while kept (or never recorded). */
  prunedAt: string | null;
}

export interface AccountRecord {
  id: string;
  users: number;
  roles: number;
  groups: number;
  customerManagedPolicies: number;
  resources: number;
  iamSnapshotId: number | null;
  resourcesSnapshotId: number | null;
}

/** A policy in effect for a principal, and how it got there. */
export interface PrincipalPolicy {
  policy: PolicyRecord;
  /** Null when attached to / embedded in the principal itself; the group otherwise. */
  viaGroup: { arn: string; name: string } | null;
}
