/**
 * The request context the store knows (contract, Semantics, "Context known from the store"),
 * following "AWS global condition context keys":
 *  - aws:PrincipalArn — the user's ARN, or for a role session the role's ARN;
 *  - aws:PrincipalAccount — the principal's account;
 *  - aws:PrincipalType — `User` for IAM users, `AssumedRole` for role sessions;
 *  - aws:username — IAM users only;
 *  - aws:userid — the UserId, or `RoleId:session-name` for a role session (session `accessql`);
 *  - aws:PrincipalTag/<key> — the principal's tags;
 *  - aws:ResourceTag/<key> — the resource's stored tags;
 *  - aws:PrincipalIsAWSService — false for users and roles ("true when the call is made by an AWS
 *    service principal");
 *  - the estate's org keys (aws:PrincipalOrgID, aws:PrincipalOrgPaths) for accounts of the
 *    imported organization, aws:ResourceAccount / aws:ResourceOrgID / aws:ResourceOrgPaths for the
 *    resource's owner (store/estate-model.ts orgContext).
 * Keys the caller supplies win over these.
 */
import { contextFrom, withDefaults } from '../engine/context.js';
import type { ContextEntry } from '../engine/context.js';
import type { RequestContext, RequestPrincipal } from '../engine/types.js';
import type { ModelPrincipal } from '../store/account-model.js';

export const SESSION_NAME = 'accessql';

export function principalContextEntries(p: ModelPrincipal, org?: Record<string, string | string[]>): ContextEntry[] {
  const entries: ContextEntry[] = [
    { key: 'aws:PrincipalArn', values: [p.arn], type: 'STRING' },
    { key: 'aws:PrincipalIsAWSService', values: ['false'], type: 'BOOLEAN' },
    { key: 'aws:PrincipalAccount', values: [p.accountId], type: 'STRING' },
    { key: 'aws:PrincipalType', values: [p.type === 'USER' ? 'User' : 'AssumedRole'], type: 'STRING' },
  ];
  if (p.uniqueId) entries.push({ key: 'aws:userid', values: [p.type === 'USER' ? p.uniqueId : `${p.uniqueId}:${SESSION_NAME}`], type: 'STRING' });
  if (p.type === 'USER') entries.push({ key: 'aws:username', values: [p.name], type: 'STRING' });
  for (const [key, value] of Object.entries(p.tags)) entries.push({ key: `aws:PrincipalTag/${key}`, values: [value], type: 'STRING' });
  for (const [key, value] of Object.entries(org ?? {}))
    entries.push(Array.isArray(value) ? { key, values: value, type: 'STRING_LIST' } : { key, values: [value], type: 'STRING' });
  return entries;
}

/**
 * True when `keyLower` (a lower-case condition key) may be one of the keys
 * principalContextEntries supplies — i.e. its value can differ from one principal to another.
 * The access index relies on it to evaluate a statement once for all principals; keep it in step
 * with principalContextEntries (test/access/index-vs-brute-force.test.ts checks it).
 */
export function isPrincipalContextKey(keyLower: string): boolean {
  return keyLower.startsWith('aws:principal') || keyLower === 'aws:userid' || keyLower === 'aws:username';
}

export function resourceTagEntries(tags: Record<string, string>): ContextEntry[] {
  return Object.entries(tags).map(([key, value]) => ({ key: `aws:ResourceTag/${key}`, values: [value], type: 'STRING' as const }));
}

export function requestPrincipal(p: ModelPrincipal): RequestPrincipal {
  return p.type === 'USER'
    ? { arn: p.arn, accountId: p.accountId, type: 'User' }
    : { arn: p.arn, accountId: p.accountId, type: 'Role', sessionName: SESSION_NAME };
}

/** caller's keys, then the principal's stored keys, then the resource's tags. */
export function mergeContext(caller: RequestContext, principal: RequestContext, resource: RequestContext): RequestContext {
  if (resource.size === 0) return withDefaults(caller, principal);
  // No caller keys (every question the diff asks): one copy, not two.
  if (caller.size === 0) return withDefaults(principal, resource);
  return withDefaults(caller, withDefaults(principal, resource));
}

/** `absent`: keys the store knows the principal's requests lack (ContextValue.absent). */
export function storedPrincipalContext(p: ModelPrincipal, org?: Record<string, string | string[]>, absent?: readonly string[]): RequestContext {
  return contextFrom(principalContextEntries(p, org), undefined, absent);
}

export function storedResourceContext(tags: Record<string, string>): RequestContext {
  return contextFrom(resourceTagEntries(tags));
}
