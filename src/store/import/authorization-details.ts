/**
 * `aws iam get-account-authorization-details` output (GetAccountAuthorizationDetails response):
 * UserDetailList, GroupDetailList, RoleDetailList, Policies — any subset, one page per file.
 * IsTruncated and Marker are pagination bookkeeping and ignored. Field names are AWS's
 * (IAM API Reference: UserDetail, GroupDetail, RoleDetail, ManagedPolicyDetail, PolicyVersion).
 */
import { accountOfArn } from '../../util/arn.js';
import { isAwsManagedPolicyArn, nameFromIamArn } from '../arn.js';
import { readDocument } from './documents.js';
import type { ImportSession } from './session.js';
import type { IamKind, Owner } from './writer.js';
import { list, object, optionalBoolean, optionalNumber, optionalString, requiredString, ShapeError, tags, type JsonObject, type JsonPath } from './shape.js';

export const AUTHORIZATION_DETAILS_KEYS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

export function isAuthorizationDetails(root: unknown): root is JsonObject {
  return root !== null && typeof root === 'object' && !Array.isArray(root) && AUTHORIZATION_DETAILS_KEYS.some((k) => k in (root as JsonObject));
}

const KIND_OF_KEY: Record<(typeof AUTHORIZATION_DETAILS_KEYS)[number], IamKind | undefined> = {
  UserDetailList: 'users',
  RoleDetailList: 'roles',
  GroupDetailList: 'groups',
  Policies: 'policies',
};

export function importAuthorizationDetails(session: ImportSession, root: JsonObject): void {
  const lists = AUTHORIZATION_DETAILS_KEYS.filter((k) => k in root);
  session.declareKinds(lists.map((k) => KIND_OF_KEY[k]).filter((k): k is IamKind => k !== undefined));
  const policies = list(root.Policies, ['Policies']);
  const groups = list(root.GroupDetailList, ['GroupDetailList']);
  const users = list(root.UserDetailList, ['UserDetailList']);
  const roles = list(root.RoleDetailList, ['RoleDetailList']);
  const total = policies.length + groups.length + users.length + roles.length;
  let done = 0;
  const step = () => {
    if (++done % 256 === 0) session.step(done, total);
  };
  policies.forEach((p, i) => {
    managedPolicy(session, p, ['Policies', i]);
    step();
  });
  groups.forEach((g, i) => {
    group(session, g, ['GroupDetailList', i]);
    step();
  });
  users.forEach((u, i) => {
    user(session, u, ['UserDetailList', i]);
    step();
  });
  roles.forEach((r, i) => {
    role(session, r, ['RoleDetailList', i]);
    step();
  });
}

function iamAccountOf(arn: string, path: JsonPath): string {
  const a = accountOfArn(arn);
  if (!a) throw new ShapeError([...path, 'Arn'], `${arn} is not an IAM ARN with a 12-digit account id`);
  return a;
}

function user(session: ImportSession, value: unknown, path: JsonPath): void {
  const o = object(value, path);
  const arn = requiredString(o, 'Arn', path);
  const accountId = iamAccountOf(arn, path);
  session.iamAccount(accountId);
  const w = session.writer;
  const boundary = permissionsBoundary(o, path);
  const id = w.principal({
    arn,
    type: 'USER',
    name: optionalString(o, 'UserName', path) ?? nameFromIamArn(arn),
    path: optionalString(o, 'Path', path) ?? '/',
    uniqueId: optionalString(o, 'UserId', path),
    accountId,
    createDate: optionalString(o, 'CreateDate', path),
    boundaryArn: boundary?.arn ?? null,
    boundaryType: boundary?.type ?? null,
    trustPolicy: null,
    description: null,
    maxSessionDuration: null,
    roleLastUsed: null,
    instanceProfiles: null,
  });
  session.users.add(arn);
  w.principalTags(id, tags(o.Tags, [...path, 'Tags']));
  list(o.GroupList, [...path, 'GroupList']).forEach((g, i) => {
    if (typeof g !== 'string' || g === '') throw new ShapeError([...path, 'GroupList', i], 'expected a group name');
    w.member(id, accountId, g);
  });
  attachedPolicies(session, { principalId: id }, o, path);
  inlinePolicies(session, { principalId: id }, 'USER', arn, o, 'UserPolicyList', path);
}

function role(session: ImportSession, value: unknown, path: JsonPath): void {
  const o = object(value, path);
  const arn = requiredString(o, 'Arn', path);
  const accountId = iamAccountOf(arn, path);
  session.iamAccount(accountId);
  const w = session.writer;
  const boundary = permissionsBoundary(o, path);
  let trustPolicy: string | null = null;
  if (o.AssumeRolePolicyDocument !== undefined && o.AssumeRolePolicyDocument !== null) {
    const docPath = [...path, 'AssumeRolePolicyDocument'];
    const doc = readDocument(o.AssumeRolePolicyDocument, docPath, session.lenient);
    session.repair(docPath, doc.parsed.repairs);
    trustPolicy = doc.text;
  }
  const profiles = list(o.InstanceProfileList, [...path, 'InstanceProfileList'])
    .map((p) => (p !== null && typeof p === 'object' ? (p as JsonObject).Arn : undefined))
    .filter((a): a is string => typeof a === 'string');
  const lastUsed = o.RoleLastUsed;
  const id = w.principal({
    arn,
    type: 'ROLE',
    name: optionalString(o, 'RoleName', path) ?? nameFromIamArn(arn),
    path: optionalString(o, 'Path', path) ?? '/',
    uniqueId: optionalString(o, 'RoleId', path),
    accountId,
    createDate: optionalString(o, 'CreateDate', path),
    boundaryArn: boundary?.arn ?? null,
    boundaryType: boundary?.type ?? null,
    trustPolicy,
    description: optionalString(o, 'Description', path),
    maxSessionDuration: optionalNumber(o, 'MaxSessionDuration', path),
    roleLastUsed: lastUsed !== null && typeof lastUsed === 'object' && Object.keys(lastUsed).length > 0 ? JSON.stringify(lastUsed) : null,
    instanceProfiles: profiles.length > 0 ? JSON.stringify(profiles) : null,
  });
  session.roles.add(arn);
  w.principalTags(id, tags(o.Tags, [...path, 'Tags']));
  attachedPolicies(session, { principalId: id }, o, path);
  inlinePolicies(session, { principalId: id }, 'ROLE', arn, o, 'RolePolicyList', path);
}

function group(session: ImportSession, value: unknown, path: JsonPath): void {
  const o = object(value, path);
  const arn = requiredString(o, 'Arn', path);
  const accountId = iamAccountOf(arn, path);
  session.iamAccount(accountId);
  const id = session.writer.group({
    arn,
    name: optionalString(o, 'GroupName', path) ?? nameFromIamArn(arn),
    path: optionalString(o, 'Path', path) ?? '/',
    uniqueId: optionalString(o, 'GroupId', path),
    accountId,
    createDate: optionalString(o, 'CreateDate', path),
  });
  session.groups.add(arn);
  attachedPolicies(session, { groupId: id }, o, path);
  inlinePolicies(session, { groupId: id }, 'GROUP', arn, o, 'GroupPolicyList', path);
}

function permissionsBoundary(o: JsonObject, path: JsonPath): { arn: string; type: string | null } | undefined {
  if (o.PermissionsBoundary === undefined || o.PermissionsBoundary === null) return undefined;
  const p = [...path, 'PermissionsBoundary'];
  const b = object(o.PermissionsBoundary, p);
  return { arn: requiredString(b, 'PermissionsBoundaryArn', p), type: optionalString(b, 'PermissionsBoundaryType', p) };
}

function attachedPolicies(session: ImportSession, owner: Owner, o: JsonObject, path: JsonPath): void {
  const p = [...path, 'AttachedManagedPolicies'];
  list(o.AttachedManagedPolicies, p).forEach((a, i) => {
    const ap = object(a, [...p, i]);
    session.writer.attach(owner, requiredString(ap, 'PolicyArn', [...p, i]), optionalString(ap, 'PolicyName', [...p, i]));
  });
}

function inlinePolicies(
  session: ImportSession,
  owner: Owner,
  ownerKind: 'USER' | 'ROLE' | 'GROUP',
  ownerArn: string,
  o: JsonObject,
  key: string,
  path: JsonPath,
): void {
  const p = [...path, key];
  const seen = new Set<string>();
  list(o[key], p).forEach((item, i) => {
    const ip = [...p, i];
    const io = object(item, ip);
    const name = requiredString(io, 'PolicyName', ip);
    if (seen.has(name)) throw new ShapeError([...ip, 'PolicyName'], `duplicate inline policy name ${name}`);
    seen.add(name);
    const docPath = [...ip, 'PolicyDocument'];
    if (io.PolicyDocument === undefined) throw new ShapeError(docPath, 'missing PolicyDocument');
    const doc = readDocument(io.PolicyDocument, docPath, session.lenient);
    session.repair(docPath, doc.parsed.repairs);
    session.statements += session.writer.inline(owner, ownerKind, ownerArn, name, doc.text, doc.parsed.document);
    session.inlinePolicies++;
  });
}

function managedPolicy(session: ImportSession, value: unknown, path: JsonPath): void {
  const o = object(value, path);
  const arn = requiredString(o, 'Arn', path);
  const aws = isAwsManagedPolicyArn(arn);
  const accountId = aws ? null : iamAccountOf(arn, path);
  // AWS managed policies are global: replaced one by one, never cleared with an account.
  if (accountId) session.iamAccount(accountId);
  const versionsPath = [...path, 'PolicyVersionList'];
  const versions = list(o.PolicyVersionList, versionsPath).map((v, i) => object(v, [...versionsPath, i]));
  let defaultVersionId = optionalString(o, 'DefaultVersionId', path);
  if (defaultVersionId === null) {
    const d = versions.find((v) => v.IsDefaultVersion === true);
    if (d && typeof d.VersionId === 'string') defaultVersionId = d.VersionId;
  }
  const w = session.writer;
  const policyId = w.policy({
    arn,
    name: optionalString(o, 'PolicyName', path) ?? nameFromIamArn(arn),
    path: optionalString(o, 'Path', path),
    uniqueId: optionalString(o, 'PolicyId', path),
    kind: aws ? 'AWS_MANAGED' : 'CUSTOMER_MANAGED',
    accountId,
    standalone: false,
    defaultVersionId,
    attachmentCount: optionalNumber(o, 'AttachmentCount', path),
    boundaryUsageCount: optionalNumber(o, 'PermissionsBoundaryUsageCount', path),
    isAttachable: optionalBoolean(o, 'IsAttachable', path),
    description: optionalString(o, 'Description', path),
    createDate: optionalString(o, 'CreateDate', path),
    updateDate: optionalString(o, 'UpdateDate', path),
    sourceFile: null,
  });
  session.policies.add(arn);
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    const vp = [...versionsPath, i];
    const versionId = requiredString(v, 'VersionId', vp);
    if (seen.has(versionId)) throw new ShapeError([...vp, 'VersionId'], `duplicate policy version ${versionId}`);
    seen.add(versionId);
    const isDefault = optionalBoolean(v, 'IsDefaultVersion', vp) ?? versionId === defaultVersionId;
    const docPath = [...vp, 'Document'];
    if (v.Document === undefined) throw new ShapeError(docPath, 'missing Document');
    const doc = readDocument(v.Document, docPath, session.lenient);
    session.repair(docPath, doc.parsed.repairs);
    session.statements += w.version(policyId, versionId, isDefault, optionalString(v, 'CreateDate', vp), doc.text, doc.parsed.document);
    session.policyVersions++;
  });
}
