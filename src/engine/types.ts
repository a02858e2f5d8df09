/**
 * The evaluator's inputs and outputs. Pure data: the engine never reaches the store or the API.
 *
 * Source: "Policy evaluation logic" (IAM User Guide) and its sub-pages.
 */
import type { ContextKeyType } from '../catalog/key-types.js';
import type { Effect } from '../policy/types.js';

export type Decision = 'ALLOWED' | 'EXPLICIT_DENY' | 'IMPLICIT_DENY';

export type { ContextKeyType };

export interface ContextValue {
  /** The key as the caller spelled it (condition keys match case-insensitively). */
  key: string;
  type: ContextKeyType;
  values: string[];
  /**
   * The request is known to lack this key (the store knows, say, that a caller belongs to no
   * organization, so aws:PrincipalOrgID is absent: "AWS global condition context keys",
   * Availability). Evaluated as a missing key is, but definitively: no value could be supplied, so
   * it is neither reported in missingContextKeys nor makes an answer conditional.
   */
  absent?: boolean;
}

/**
 * The request context. Keys are stored lower-cased; use `contextFrom` to build one.
 */
export type RequestContext = ReadonlyMap<string, ContextValue>;

/** Who makes the request (the caller). */
export interface RequestPrincipal {
  /**
   * The principal's ARN as IAM stores it: `arn:aws:iam::123456789012:user/path/name` or
   * `arn:aws:iam::123456789012:role/path/name`. For a role, resource-policy matching also
   * accepts the role's assumed-role session ARN (derived from `sessionName`).
   */
  arn: string;
  accountId: string;
  /** 'User' | 'Role' | 'Root' | other; roles act as `AssumedRole` sessions. */
  type?: 'User' | 'Role' | 'Root' | 'FederatedUser' | 'Service' | 'Anonymous';
  sessionName?: string;
}

export interface EvaluationRequest {
  principal?: RequestPrincipal;
  action: string;
  resource: string;
  /** Account that owns the resource; if absent: the resource ARN's account, else the principal's. */
  resourceOwner?: string;
  context: RequestContext;
}

/** A statement that took part in a decision. */
export interface MatchedStatement {
  policyName: string;
  sid?: string;
  effect: Effect;
  line?: number;
  column?: number;
}

export interface EvaluationResult {
  decision: Decision;
  /**
   * The statements that decided: the matching Deny statements for EXPLICIT_DENY, the matching
   * Allow statements of each layer that had to allow for ALLOWED; empty for an IMPLICIT_DENY
   * with no matching statements.
   */
  matchedStatements: MatchedStatement[];
  /**
   * Condition keys that a statement matching the action and resource referenced but the request
   * did not supply (lower-case-insensitive unique, as spelled in the policy), like the AWS
   * simulator's MissingContextValues.
   */
  missingContextKeys: string[];
  /**
   * true when the decision is not ALLOWED but would be ALLOWED for some values of the missing
   * context keys (Allow statements whose only unmet conditions test missing keys, and no Deny
   * that would certainly apply).
   */
  conditional: boolean;
  /**
   * For a conditional IMPLICIT_DENY: the Allow statements, in policy order, that apply or would
   * apply for some values of the missing keys — the grant a conditional answer rests on.
   */
  conditionalStatements?: MatchedStatement[];
}
