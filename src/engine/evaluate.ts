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
import type { CompiledPolicy, CompiledStatement } from './compile.js';
import { statementsFor } from './compile.js';
import type { EvaluationRequest, EvaluationResult, MatchedStatement } from './types.js';
import { prepareArn } from './arn.js';
import { DIRECT_MATCH, NO_MATCH, preparePrincipal, ROLE_MATCH, type PrincipalMatchKind } from './principal.js';
import { APPLIES, CERTAIN, evaluateStatement, POSSIBLE, type PreparedRequest } from './statement.js';
import { MissingKeys } from './tri.js';

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
}

/** What one layer (identity, boundary, one SCP level, resource policy) says. */
interface Layer {
  /** Deny statements that apply (AWS answer). */
  denies: CompiledStatement[] | null;
  /** A Deny applies whatever the missing keys are. */
  certainDeny: boolean;
  /** Allow statements that apply (AWS answer). */
  allows: CompiledStatement[] | null;
  /** Some Allow would apply for some values of the missing keys. */
  possibleAllow: boolean;
  /**
   * Allow statements that apply or would apply for some values of the missing keys, in policy
   * order: what a conditional answer cites ("allowed if aws:MultiFactorAuthPresent is true, by …").
   */
  candidates: CompiledStatement[] | null;
  /** Resource policy only: strongest principal kind among applying / possibly applying Allows. */
  allowKind: PrincipalMatchKind;
  possibleKind: PrincipalMatchKind;
}

function evaluateLayer(
  policies: readonly CompiledPolicy[],
  req: PreparedRequest,
  resourcePolicy: boolean,
  missing: MissingKeys,
): Layer {
  const layer: Layer = {
    denies: null,
    certainDeny: false,
    allows: null,
    possibleAllow: false,
    candidates: null,
    allowKind: NO_MATCH,
    possibleKind: NO_MATCH,
  };
  const out = { kind: DIRECT_MATCH as PrincipalMatchKind };
  for (let p = 0; p < policies.length; p++) {
    const statements = statementsFor(policies[p]!, req.service);
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i]!;
      out.kind = DIRECT_MATCH;
      const flags = evaluateStatement(st, req, resourcePolicy, missing, out);
      if (flags === 0) continue;
      if (st.effect === 'Deny') {
        if (flags & APPLIES) (layer.denies ??= []).push(st);
        if (flags & CERTAIN) layer.certainDeny = true;
      } else {
        if (flags & APPLIES) {
          (layer.allows ??= []).push(st);
          if (out.kind > layer.allowKind) layer.allowKind = out.kind;
        }
        if (flags & (APPLIES | POSSIBLE)) (layer.candidates ??= []).push(st);
        if (flags & POSSIBLE) {
          layer.possibleAllow = true;
          if (out.kind > layer.possibleKind) layer.possibleKind = out.kind;
        }
      }
    }
  }
  return layer;
}

const NO_LAYERS: Layer[] = [];

interface Grants {
  identity: boolean;
  boundary: boolean;
  scp: boolean;
  resourceKind: PrincipalMatchKind;
}

/** The allow rules above, for one flavour (AWS's answer, or "for some values of the missing keys"). */
function isAllowed(g: Grants, sameAccount: boolean): boolean {
  if (!g.scp) return false;
  if (!sameAccount) return g.identity && g.boundary && g.resourceKind !== NO_MATCH;
  if (g.identity && g.boundary) return true;
  if (g.resourceKind === DIRECT_MATCH) return true;
  if (g.resourceKind === ROLE_MATCH && g.boundary) return true;
  // ACCOUNT_MATCH delegates to the identity policies, handled by the first rule.
  return false;
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

function allHave(layers: Layer[], possible: boolean): boolean {
  for (let i = 0; i < layers.length; i++) {
    const l = layers[i]!;
    if (possible ? !l.possibleAllow : l.allows === null) return false;
  }
  return true;
}

function pushMatched(out: MatchedStatement[], list: CompiledStatement[] | null): void {
  if (list) for (const st of list) out.push(st.matched);
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
  const resource = policies.resourcePolicy ? evaluateLayer([policies.resourcePolicy], req, true, missing) : null;
  let layers: Layer[];
  if (!hasBoundary && scps.length === 0 && !resource) layers = [identity];
  else {
    layers = [identity];
    for (const l of boundaryLayers) layers.push(l);
    for (const l of scps) layers.push(l);
    if (resource) layers.push(resource);
  }

  const missingContextKeys = uniqueKeys(missing);

  // Root user: full access within its own account's identity layer; boundaries do not apply to it.
  const principal = req.principal;
  const isRoot = principal !== undefined && (principal.type === 'Root' || (principal.arn.endsWith(':root') && principal.arn.includes(':iam::')));
  const parts = req.resource.parts;
  const owner = request.resourceOwner ?? (parts !== null && parts[4] ? parts[4] : undefined) ?? principal?.accountId;
  const sameAccount = principal === undefined || owner === undefined || owner === principal.accountId;

  const actual: Grants = {
    identity: isRoot || identity.allows !== null,
    boundary: isRoot || allHave(boundaryLayers, false),
    scp: allHave(scps, false),
    resourceKind: resource ? resource.allowKind : NO_MATCH,
  };

  let anyDeny = false;
  for (const l of layers) if (l.denies !== null) anyDeny = true;
  if (anyDeny) {
    const matchedStatements: MatchedStatement[] = [];
    for (const l of layers) pushMatched(matchedStatements, l.denies);
    return { decision: 'EXPLICIT_DENY', matchedStatements, missingContextKeys, conditional: possiblyAllowed() };
  }

  if (isAllowed(actual, sameAccount)) {
    const matchedStatements: MatchedStatement[] = [];
    const viaIdentity = actual.identity && actual.boundary && (sameAccount || actual.resourceKind !== NO_MATCH);
    if (viaIdentity) {
      pushMatched(matchedStatements, identity.allows);
      for (const l of boundaryLayers) pushMatched(matchedStatements, l.allows);
    } else if (actual.resourceKind === ROLE_MATCH && hasBoundary) {
      for (const l of boundaryLayers) pushMatched(matchedStatements, l.allows);
    }
    for (const l of scps) pushMatched(matchedStatements, l.allows);
    if (resource && resource.allowKind !== NO_MATCH) pushMatched(matchedStatements, resource.allows);
    return { decision: 'ALLOWED', matchedStatements, missingContextKeys, conditional: false };
  }

  const matchedStatements: MatchedStatement[] = [];
  for (const l of layers) pushMatched(matchedStatements, l.allows);
  if (!possiblyAllowed()) return { decision: 'IMPLICIT_DENY', matchedStatements, missingContextKeys, conditional: false };
  // The Allows that would grant for some values of the missing keys: what a who-can answer
  // cites for a conditional entry. The decision's own matchedStatements stay AWS's answer.
  const conditionalStatements: MatchedStatement[] = [];
  for (const l of layers) pushMatched(conditionalStatements, l.candidates);
  return { decision: 'IMPLICIT_DENY', matchedStatements, missingContextKeys, conditional: true, conditionalStatements };

  /**
   * `conditional`: would the request be allowed for some values of the missing keys? Allows count
   * when they could apply; Denies count only when they apply whatever the missing values are.
   */
  function possiblyAllowed(): boolean {
    if (missingContextKeys.length === 0) return false;
    for (const l of layers) if (l.certainDeny) return false;
    const possible: Grants = {
      identity: isRoot || identity.possibleAllow,
      boundary: isRoot || allHave(boundaryLayers, true),
      scp: allHave(scps, true),
      resourceKind: resource ? resource.possibleKind : NO_MATCH,
    };
    return isAllowed(possible, sameAccount);
  }
}
