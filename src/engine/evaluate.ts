/**
 * The decision: combining identity policies, permissions boundaries, SCPs and a resource-based
 * policy.
 *
 * Sources:
 *  - "Policy evaluation logic", "Determining whether a request is allowed or denied within an
 *    account": (1) an explicit Deny in any policy — SCP, resource-based, identity-based, boundary —
 *    is final; (2) SCPs: without an applicable Allow the request is implicitly denied; (3)
 *    resource-based policies: an Allow can be final depending on the principal named (below);
 *    (4) identity-based policies must allow, (5) and so must the permissions boundary, if any.
 *    "By default, all requests are implicitly denied with the exception of the AWS account root
 *    user, which has full access."
 *  - Same page, table "Resource-based policies and implicit denies in other policy types (same
 *    account)" and "Permissions boundaries for IAM entities", "Evaluating effective permissions with
 *    boundaries": within an account, a resource-based policy that names
 *      · the IAM user ARN, or the role session ARN (or a federated user session ARN): the grant is
 *        not limited by an implicit deny in identity policies or the permissions boundary;
 *      · the IAM role ARN: "limited by an implicit deny in a permissions boundary or session
 *        policy" (but not by the identity policies);
 *      · the account (ID or `:root` ARN): "delegates permissions to the account" ("AWS JSON policy
 *        elements: Principal", "AWS account principals"), so the identity policies (and boundary)
 *        must still allow;
 *      · everyone (`*`): "AWS JSON policy elements: Principal", "IAM role principals": boundaries
 *        and session policies "do not limit permissions granted using the aws:PrincipalArn condition
 *        key with a wildcard (*) in the Principal element" — a direct grant.
 *  - "Cross-account policy evaluation logic": when the principal's account differs from the
 *    resource owner, the identity-based policies (within the boundary) AND the resource-based
 *    policy must both allow; without a resource-based policy the request is denied.
 *  - "Service control policies (SCPs)": every level from the root to the account must allow (at
 *    least one SCP attached at each level allows); SCPs also limit the root user.
 *
 * Resource owner: `request.resourceOwner`, else the account in the resource ARN, else the caller's
 * account (contract, Semantics). A request without a principal is evaluated as in the same account
 * (the identity policies of a simulated custom policy still apply).
 */
import type { CompiledPolicy } from './compile.js';
import { statementsFor } from './compile.js';
import type { Decision, EvaluationRequest, EvaluationResult, MatchedStatement } from './types.js';
import { prepareArn, type PreparedArn } from './arn.js';
import { DIRECT_MATCH, NO_MATCH, preparePrincipal, ROLE_MATCH, type PrincipalMatchKind } from './principal.js';
import { APPLIES, CERTAIN, evaluateStatement, POSSIBLE, type PreparedRequest } from './statement.js';
import { MissingKeys } from './tri.js';
import { RCP_SERVICES } from '../policy/checks/organizations.js';

export interface PolicySet {
  identityPolicies: CompiledPolicy[];
  /**
   * When given and non-empty, each boundary policy must also allow. IAM gives an entity one
   * boundary; SimulateCustomPolicy's PermissionsBoundaryPolicyInputList takes a list, and the
   * contract reads it as "each must also allow" (an intersection, like SCP levels).
   */
  permissionsBoundaries?: CompiledPolicy[];
  /** One list per level of the organization, root first; every level must allow. */
  serviceControlPolicies?: CompiledPolicy[][];
  resourcePolicy?: CompiledPolicy;
  /**
   * RCP levels of the resource owner's path, root first; every level must allow (AWS Organizations
   * User Guide, "RCP evaluation"). The caller leaves them out where AWS's exceptions apply
   * (see rcpsApply).
   */
  resourceControlPolicies?: CompiledPolicy[][];
  /**
   * The resource policy must itself allow (an identity policy alone never suffices): a role's
   * trust policy for sts:AssumeRole* ("IAM roles", "Role trust policy"), a KMS key policy ("Key
   * policies in AWS KMS": "no IAM policy alone is sufficient"). See resourcePolicyRequired.
   */
  resourcePolicyRequired?: boolean;
}

/**
 * Services whose resources RCPs apply to (AWS Organizations User Guide, "Resource control
 * policies (RCPs)", "List of AWS services that support RCPs"): the one list the linter uses too.
 */
export { RCP_SERVICES };

/**
 * Do RCPs apply to this request? AWS Organizations User Guide, "Resource control policies (RCPs)":
 * only resources of the supported services; "RCPs don't apply to ... requests made by
 * service-linked roles" (IAM creates them under /aws-service-role/); "Resource control policies
 * in AWS KMS": not to AWS managed keys. (Management-account resources are left out by the caller,
 * which knows the organization.)
 */
export function rcpsApply(action: string, principalArn: string | undefined, awsManagedKey = false): boolean {
  const colon = action.indexOf(':');
  const service = (colon < 0 ? action : action.slice(0, colon)).toLowerCase();
  if (!RCP_SERVICES.has(service)) return false;
  if (principalArn !== undefined && isServiceLinkedRole(principalArn)) return false;
  if (awsManagedKey && service === 'kms') return false;
  return true;
}

/** A service-linked role: IAM creates them under the /aws-service-role/ path ("Using service-linked roles"). */
export function isServiceLinkedRole(principalArn: string): boolean {
  return /^arn:[^:]+:iam::\d{12}:role\/aws-service-role\//.test(principalArn);
}

/**
 * Must the resource's policy itself allow? IAM User Guide, "Cross-account policy evaluation
 * logic" / "IAM roles" ("Role trust policy": the trust policy is the only resource-based policy
 * IAM supports, and a principal can assume the role only if the trust policy names it): sts
 * actions on an IAM role are decided by its trust policy. AWS KMS Developer Guide, "Key policies
 * in AWS KMS": "Every KMS key must have exactly one key policy ... Unless the key policy
 * explicitly allows it, you cannot use IAM policies to allow access to a KMS key" — kms actions
 * on a key.
 */
export function resourcePolicyRequired(action: string, resourceArn: string): boolean {
  const a = action.toLowerCase();
  if (a.startsWith('sts:') && /^arn:[^:]+:iam::\d{12}:role\//.test(resourceArn)) return true;
  if (a.startsWith('kms:') && /^arn:[^:]+:kms:[^:]*:\d{12}:key\//.test(resourceArn)) return true;
  return false;
}

/**
 * Callers that are not IAM identities — AWS service principals, federated web-identity or SAML
 * callers before they hold a role session, anonymous callers — carry no identity-based policies,
 * boundaries or SCPs: a resource-based policy that names them is the whole grant ("AWS JSON
 * policy elements: Principal", "AWS service principals", "Federated principals", "All principals").
 */
export function isOutsideIam(principal: { type?: string } | undefined): boolean {
  return principal !== undefined && (principal.type === 'Service' || principal.type === 'FederatedUser' || principal.type === 'Anonymous');
}

/**
 * What one layer (the identity policies, a boundary, one SCP level, the resource policy) says,
 * tallied one statement outcome at a time. Exported: the access index tallies its precomputed
 * statement outcomes with it, so that it combines layers exactly as evaluate() does.
 */
export class LayerTally {
  /** A Deny statement applies (AWS's answer). */
  deny = false;
  /** A Deny applies whatever the missing keys are. */
  certainDeny = false;
  /** An Allow statement applies (AWS's answer). */
  allow = false;
  /** Some Allow would apply for some values of the missing keys. */
  possible = false;
  /** A statement recorded missing keys (kept by callers that tally outcomes themselves). */
  anyMissing = false;
  /** With `full`: the applying Deny and Allow statements. */
  denies: MatchedStatement[] | null = null;
  allows: MatchedStatement[] | null = null;
  /**
   * With `full`: the Allows that apply or would apply for some values of the missing keys, in
   * policy order — what a conditional answer cites ("allowed if aws:MultiFactorAuthPresent is true").
   */
  candidates: MatchedStatement[] | null = null;
  /** With `full`, for callers that tally outcomes themselves: the missing keys, in order. */
  missing: string[] | null = null;
  /** Resource policy only: the strongest principal kind among applying / possibly applying Allows. */
  allowKind: PrincipalMatchKind = NO_MATCH;
  possibleKind: PrincipalMatchKind = NO_MATCH;

  reset(): void {
    this.deny = this.certainDeny = this.allow = this.possible = this.anyMissing = false;
    this.denies = this.allows = this.candidates = this.missing = null;
    this.allowKind = this.possibleKind = NO_MATCH;
  }

  /**
   * Records one statement's outcome: evaluateStatement's APPLIES / POSSIBLE / CERTAIN flags.
   * `full` false keeps only the flags (deciding without building an answer).
   */
  record(flags: number, deny: boolean, matched: MatchedStatement, full: boolean, kind: PrincipalMatchKind): void {
    if (flags === 0) return;
    if (deny) {
      if (flags & APPLIES) {
        this.deny = true;
        if (full) (this.denies ??= []).push(matched);
      }
      if (flags & CERTAIN) this.certainDeny = true;
      return;
    }
    if (flags & APPLIES) {
      this.allow = true;
      if (full) (this.allows ??= []).push(matched);
      if (kind > this.allowKind) this.allowKind = kind;
    }
    if (full && flags & (APPLIES | POSSIBLE)) (this.candidates ??= []).push(matched);
    if (flags & POSSIBLE) {
      this.possible = true;
      if (kind > this.possibleKind) this.possibleKind = kind;
    }
  }
}

export function evaluateLayer(policies: readonly CompiledPolicy[], req: PreparedRequest, resourcePolicy: boolean, missing: MissingKeys): LayerTally {
  const layer = new LayerTally();
  const out = { kind: DIRECT_MATCH as PrincipalMatchKind };
  for (let p = 0; p < policies.length; p++) {
    const statements = statementsFor(policies[p]!, req.service);
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i]!;
      out.kind = DIRECT_MATCH;
      const flags = evaluateStatement(st, req, resourcePolicy, missing, out);
      layer.record(flags, st.effect === 'Deny', st.matched, true, out.kind);
    }
  }
  return layer;
}

const NO_LAYERS: LayerTally[] = [];

interface Grants {
  identity: boolean;
  boundary: boolean;
  scp: boolean;
  rcp: boolean;
  resourceKind: PrincipalMatchKind;
}

/** The allow rules above, for one flavour (AWS's answer, or "for some values of the missing keys"). */
function isAllowed(g: Grants, sameAccount: boolean, resourceRequired: boolean, outsideIam: boolean): boolean {
  if (!g.scp || !g.rcp) return false;
  if (outsideIam) return g.resourceKind !== NO_MATCH;
  if (resourceRequired && g.resourceKind === NO_MATCH) return false;
  if (!sameAccount) return g.identity && g.boundary && g.resourceKind !== NO_MATCH;
  if (g.identity && g.boundary) return true;
  if (g.resourceKind === DIRECT_MATCH) return true;
  if (g.resourceKind === ROLE_MATCH && g.boundary) return true;
  // ACCOUNT_MATCH delegates to the identity policies, handled by the first rule.
  return false;
}

/** The layers of one request, as tallied: identity policies, each boundary, each SCP level, the resource policy. */
export interface Layers {
  identity: LayerTally;
  boundaries: readonly LayerTally[];
  scps: readonly LayerTally[];
  /** RCP levels of the resource owner's path (empty: none applies). */
  rcps?: readonly LayerTally[];
  resource: LayerTally | null;
  /** The resource policy must itself allow (a trust policy, a KMS key policy). */
  resourceRequired?: boolean;
  /** The caller is no IAM identity (a service, a federated or anonymous caller): the resource policy alone grants. */
  outsideIam?: boolean;
  /** The caller is its account's root user (full access in its own account; boundaries do not apply). */
  isRoot: boolean;
  /** The caller's account owns the resource. */
  sameAccount: boolean;
}

/** evaluate()'s decision on tallied layers; `anyMissing`: some statement recorded a missing key. */
export function decide(l: Layers, anyMissing: boolean): { decision: Decision; conditional: boolean } {
  const rcps = l.rcps ?? NO_LAYERS;
  if (l.identity.deny || someHas(l.boundaries, 'deny') || someHas(l.scps, 'deny') || someHas(rcps, 'deny') || (l.resource !== null && l.resource.deny)) {
    return { decision: 'EXPLICIT_DENY', conditional: possiblyAllowed(l, anyMissing) };
  }
  const actual: Grants = {
    identity: l.isRoot || l.identity.allow,
    boundary: l.isRoot || allHave(l.boundaries, false),
    scp: allHave(l.scps, false),
    rcp: allHave(rcps, false),
    resourceKind: l.resource ? l.resource.allowKind : NO_MATCH,
  };
  if (isAllowed(actual, l.sameAccount, l.resourceRequired === true, l.outsideIam === true)) return { decision: 'ALLOWED', conditional: false };
  return { decision: 'IMPLICIT_DENY', conditional: possiblyAllowed(l, anyMissing) };
}

/**
 * `conditional`: would the request be allowed for some values of the missing keys? Allows count
 * when they could apply; Denies count only when they apply whatever the missing values are.
 */
function possiblyAllowed(l: Layers, anyMissing: boolean): boolean {
  if (!anyMissing) return false;
  const rcps = l.rcps ?? NO_LAYERS;
  if (
    l.identity.certainDeny ||
    someHas(l.boundaries, 'certainDeny') ||
    someHas(l.scps, 'certainDeny') ||
    someHas(rcps, 'certainDeny') ||
    (l.resource !== null && l.resource.certainDeny)
  )
    return false;
  const possible: Grants = {
    identity: l.isRoot || l.identity.possible,
    boundary: l.isRoot || allHave(l.boundaries, true),
    scp: allHave(l.scps, true),
    rcp: allHave(rcps, true),
    resourceKind: l.resource ? l.resource.possibleKind : NO_MATCH,
  };
  return isAllowed(possible, l.sameAccount, l.resourceRequired === true, l.outsideIam === true);
}

function someHas(layers: readonly LayerTally[], flag: 'deny' | 'certainDeny'): boolean {
  for (let i = 0; i < layers.length; i++) if (layers[i]![flag]) return true;
  return false;
}

/**
 * The answer for a decision on layers tallied with `full`: the statements AWS's answer rests on
 * and, for a conditional implicit deny, the Allows it would rest on.
 */
export function explain(l: Layers, d: { decision: Decision; conditional: boolean }, missingContextKeys: string[]): EvaluationResult {
  const matchedStatements: MatchedStatement[] = [];
  if (d.decision === 'EXPLICIT_DENY') {
    forEachLayer(l, (t) => pushMatched(matchedStatements, t.denies));
    return { decision: 'EXPLICIT_DENY', matchedStatements, missingContextKeys, conditional: d.conditional };
  }
  if (d.decision === 'ALLOWED') {
    const identity = l.isRoot || l.identity.allow;
    const boundary = l.isRoot || allHave(l.boundaries, false);
    const resourceKind = l.resource ? l.resource.allowKind : NO_MATCH;
    const viaIdentity = !l.outsideIam && identity && boundary && (l.sameAccount || resourceKind !== NO_MATCH);
    if (viaIdentity) {
      pushMatched(matchedStatements, l.identity.allows);
      for (const t of l.boundaries) pushMatched(matchedStatements, t.allows);
    } else if (resourceKind === ROLE_MATCH && l.boundaries.length > 0) {
      for (const t of l.boundaries) pushMatched(matchedStatements, t.allows);
    }
    for (const t of l.scps) pushMatched(matchedStatements, t.allows);
    for (const t of l.rcps ?? NO_LAYERS) pushMatched(matchedStatements, t.allows);
    if (l.resource && l.resource.allowKind !== NO_MATCH) pushMatched(matchedStatements, l.resource.allows);
    return { decision: 'ALLOWED', matchedStatements, missingContextKeys, conditional: false };
  }
  forEachLayer(l, (t) => pushMatched(matchedStatements, t.allows));
  if (!d.conditional) return { decision: 'IMPLICIT_DENY', matchedStatements, missingContextKeys, conditional: false };
  // The decision's own matchedStatements stay AWS's answer.
  const conditionalStatements: MatchedStatement[] = [];
  // The guardrail levels (SCPs, RCPs) grant nothing: a level that certainly allows is not what the
  // conditional answer rests on; one that allows only for some values of the missing keys is.
  pushMatched(conditionalStatements, l.identity.candidates);
  for (const t of l.boundaries) pushMatched(conditionalStatements, t.candidates);
  for (const t of l.scps) if (!t.allow) pushMatched(conditionalStatements, t.candidates);
  for (const t of l.rcps ?? NO_LAYERS) if (!t.allow) pushMatched(conditionalStatements, t.candidates);
  if (l.resource) pushMatched(conditionalStatements, l.resource.candidates);
  return { decision: 'IMPLICIT_DENY', matchedStatements, missingContextKeys, conditional: true, conditionalStatements };
}

function forEachLayer(l: Layers, fn: (t: LayerTally) => void): void {
  fn(l.identity);
  for (const t of l.boundaries) fn(t);
  for (const t of l.scps) fn(t);
  for (const t of l.rcps ?? NO_LAYERS) fn(t);
  if (l.resource) fn(l.resource);
}

/** "Policy evaluation logic": the account root user; an iam ARN ending in ':root' is one. */
export function isAccountRoot(principal: { type?: string; arn: string } | undefined): boolean {
  return principal !== undefined && (principal.type === 'Root' || (principal.arn.endsWith(':root') && principal.arn.includes(':iam::')));
}

export function prepareRequest(request: EvaluationRequest, hasBoundary: boolean): PreparedRequest {
  const actionLower = request.action.toLowerCase();
  const colon = actionLower.indexOf(':');
  return {
    actionLower,
    service: colon < 0 ? actionLower : actionLower.slice(0, colon),
    resource: prepareArn(request.resource),
    principal: preparePrincipal(request.principal),
    context: request.context,
    hasBoundary,
  };
}

function allHave(layers: readonly LayerTally[], possible: boolean): boolean {
  for (let i = 0; i < layers.length; i++) {
    const l = layers[i]!;
    if (possible ? !l.possible : !l.allow) return false;
  }
  return true;
}

function pushMatched(out: MatchedStatement[], list: MatchedStatement[] | null): void {
  if (list) for (const m of list) out.push(m);
}

function uniqueKeys(missing: MissingKeys): string[] {
  return distinctKeys(missing.keys);
}

/** Condition keys without repeats, compared case-insensitively; each keeps its first spelling. */
export function distinctKeys(keys: readonly string[] | null): string[] {
  if (keys === null) return [];
  if (keys.length === 1) return [keys[0]!];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of keys) {
    const l = k.toLowerCase();
    if (!seen.has(l)) {
      seen.add(l);
      out.push(k);
    }
  }
  return out;
}

export function evaluate(request: EvaluationRequest, policies: PolicySet): EvaluationResult {
  const boundaries = policies.permissionsBoundaries;
  const hasBoundary = boundaries !== undefined && boundaries.length > 0;
  const req = prepareRequest(request, hasBoundary);
  const missing = new MissingKeys();

  const identity = evaluateLayer(policies.identityPolicies, req, false, missing);
  const boundaryLayers = hasBoundary ? boundaries.map((b) => evaluateLayer([b], req, false, missing)) : NO_LAYERS;
  const scpLevels = policies.serviceControlPolicies;
  const scps = scpLevels === undefined || scpLevels.length === 0 ? NO_LAYERS : scpLevels.map((level) => evaluateLayer(level, req, false, missing));
  const rcpLevels = policies.resourceControlPolicies;
  // RCP statements name their principals ("Principal": "*" narrowed by conditions): matched as resource-policy statements.
  const rcps = rcpLevels === undefined || rcpLevels.length === 0 ? NO_LAYERS : rcpLevels.map((level) => evaluateLayer(level, req, true, missing));
  const resource = policies.resourcePolicy ? evaluateLayer([policies.resourcePolicy], req, true, missing) : null;

  const missingContextKeys = uniqueKeys(missing);
  const principal = req.principal;
  const owner = request.resourceOwner ?? ownerInArn(req.resource) ?? principal?.accountId;
  const layers: Layers = {
    identity,
    boundaries: boundaryLayers,
    scps,
    rcps,
    resource,
    resourceRequired: policies.resourcePolicyRequired === true,
    outsideIam: isOutsideIam(principal),
    isRoot: isAccountRoot(principal),
    sameAccount: principal === undefined || owner === undefined || owner === principal.accountId,
  };
  return explain(layers, decide(layers, missingContextKeys.length > 0), missingContextKeys);
}

/** The account in a resource ARN (the resource's owner, contract Semantics), or undefined. */
export function ownerInArn(arn: PreparedArn): string | undefined {
  const parts = arn.parts;
  return parts !== null && parts[4] ? parts[4] : undefined;
}
