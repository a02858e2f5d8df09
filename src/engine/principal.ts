/**
 * Matching the Principal / NotPrincipal element of a resource-based policy.
 *
 * Sources ("AWS JSON policy elements: Principal"):
 *  - "AWS account principals": `"123456789012"` and `"arn:aws:iam::123456789012:root"` "behave the
 *    same way. Both delegate permissions to the account" and do "not limit permissions to only the
 *    root user of the account".
 *  - "IAM role principals", "Role session principals" (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`),
 *    "IAM user principals" (user name part case-sensitive), "AWS STS federated user session
 *    principals", "AWS service principals", "All principals" (`"*"` and `{"AWS": "*"}`).
 *  - Note under "Specifying a principal": "You cannot use a wildcard to match part of a principal
 *    name or ARN" — an ARN containing `*` or `?` matches nothing (only a lone `*` is a wildcard).
 *
 * How AWS then weighs the match (see evaluate.ts) depends on WHAT was named, so a match reports its
 * kind: DIRECT (the user, the role session, a federated session, a service, or everyone), ROLE (the
 * role ARN: "limited by any policy types that limit permissions for the role ... session policies
 * and permissions boundaries"), or ACCOUNT (delegation to the account's identity policies).
 *
 * CanonicalUser principals (S3 ACL identities) cannot be related to an IAM principal here; they never
 * match. Principal type keys ("AWS", "Service", ...) are compared case-insensitively (undocumented).
 */
import type { PrincipalElement } from '../policy/types.js';
import type { RequestPrincipal } from './types.js';

export const NO_MATCH = 0;
export const ACCOUNT_MATCH = 1;
export const ROLE_MATCH = 2;
export const DIRECT_MATCH = 3;
export type PrincipalMatchKind = typeof NO_MATCH | typeof ACCOUNT_MATCH | typeof ROLE_MATCH | typeof DIRECT_MATCH;

/** The caller, prepared once per request. */
export interface PreparedPrincipal {
  arn: string;
  accountId: string;
  type: RequestPrincipal['type'];
  /** For a role: the assumed-role session ARN the request is really made with (when a session name is known). */
  sessionArn: string | undefined;
  /** For a role session given by its sts ARN: the role's IAM ARN (without path, which the session ARN does not carry). */
  roleArn: string | undefined;
}

const ROLE_ARN_RE = /^arn:([^:]*):iam::([^:]*):role\/(?:.*\/)?([^/]+)$/;
const SESSION_ARN_RE = /^arn:([^:]*):sts::([^:]*):assumed-role\/([^/]+)\/(.+)$/;

export function preparePrincipal(p: RequestPrincipal | undefined): PreparedPrincipal | undefined {
  if (!p) return undefined;
  let sessionArn: string | undefined;
  let roleArn: string | undefined;
  // Cheap guards first: this runs once per decision.
  const m = p.sessionName !== undefined && p.arn.includes(':role/') ? ROLE_ARN_RE.exec(p.arn) : null;
  if (m) {
    // "Assumed-role session principals": the session ARN carries the role name but not its path.
    sessionArn = `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/${p.sessionName}`;
  }
  const s = p.arn.includes(':assumed-role/') ? SESSION_ARN_RE.exec(p.arn) : null;
  if (s) {
    sessionArn = p.arn;
    roleArn = `arn:${s[1]}:iam::${s[2]}:role/${s[3]}`;
  }
  return { arn: p.arn, accountId: p.accountId, type: p.type, sessionArn, roleArn };
}

export interface PrincipalMatcher {
  everyone: boolean;
  accounts: Set<string>;
  arns: Map<string, PrincipalMatchKind>;
  services: Set<string>;
  federated: Set<string>;
}

const ACCOUNT_RE = /^\d{12}$/;
const ROOT_RE = /^arn:[^:]+:iam::(\d{12}):root$/;

export function compilePrincipal(element: PrincipalElement): PrincipalMatcher {
  const m: PrincipalMatcher = {
    everyone: element.wildcard,
    accounts: new Set(),
    arns: new Map(),
    services: new Set(),
    federated: new Set(),
  };
  for (const [type, values] of Object.entries(element.values)) {
    const t = type.toLowerCase();
    for (const raw of values) {
      const v = raw.trim();
      if (t === 'aws') {
        if (v === '*') m.everyone = true;
        else if (ACCOUNT_RE.test(v)) m.accounts.add(v);
        else if (ROOT_RE.test(v)) m.accounts.add(ROOT_RE.exec(v)![1]!);
        else if (v.includes('*') || v.includes('?')) continue;
        else if (/^arn:[^:]+:iam::[^:]*:role\//.test(v)) m.arns.set(v, ROLE_MATCH);
        else m.arns.set(v, DIRECT_MATCH);
      } else if (t === 'service') {
        if (v === '*') m.everyone = true;
        else m.services.add(v.toLowerCase());
      } else if (t === 'federated') {
        m.federated.add(v);
      }
    }
  }
  return m;
}

/** How the principal is named by the element (the strongest of several matching entries). */
export function matchPrincipal(m: PrincipalMatcher, p: PreparedPrincipal | undefined): PrincipalMatchKind {
  if (m.everyone) return DIRECT_MATCH;
  if (!p) return NO_MATCH;
  if (p.type === 'Service') return m.services.has(p.arn.toLowerCase()) ? DIRECT_MATCH : NO_MATCH;
  if (p.type === 'FederatedUser' && m.federated.has(p.arn)) return DIRECT_MATCH;
  let best: PrincipalMatchKind = NO_MATCH;
  const byArn = m.arns.get(p.arn);
  if (byArn !== undefined) best = byArn;
  if (p.sessionArn !== undefined && m.arns.get(p.sessionArn) !== undefined) return DIRECT_MATCH;
  if (p.roleArn !== undefined && m.arns.get(p.roleArn) === ROLE_MATCH && best < ROLE_MATCH) best = ROLE_MATCH;
  if (best === NO_MATCH && m.accounts.has(p.accountId)) best = ACCOUNT_MATCH;
  return best;
}
