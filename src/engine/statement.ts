/**
 * Does one statement apply to a request?
 *
 * A statement applies when its action, resource, principal (resource-based policies only) and every
 * condition match ("IAM JSON policy element reference"; "Policy evaluation logic"). The answer is
 * given in three flavours at once, as bit flags:
 *  - APPLIES:  what AWS decides for this request (missing keys are simply absent);
 *  - POSSIBLE: it would apply for SOME values of the keys the request did not supply;
 *  - CERTAIN:  it applies whatever values those keys take.
 * Action and principal never depend on context, so only Resource (through policy variables) and
 * conditions can make POSSIBLE and CERTAIN differ from APPLIES.
 *
 * Resource / NotResource — "IAM JSON policy elements: Resource" and "NotResource": Resource matches
 * when any entry matches; NotResource when none does. A statement without either element is
 * invalid in identity policies and SCPs (Resource is required there) and is ignored; in a
 * resource-based policy some services allow omitting it, meaning the resource the policy is
 * attached to, so there it matches.
 *
 * Principal / NotPrincipal — "AWS JSON policy elements: Principal" / "NotPrincipal": only
 * resource-based policies use them; there a statement without either is invalid and ignored.
 * NotPrincipal applies to every principal it does not name. "Permissions boundaries for IAM
 * entities" (Important box): a Deny with NotPrincipal "will always deny any IAM principal that has
 * a permissions boundary policy attached, regardless of the values specified in the NotPrincipal
 * element" — implemented literally.
 */
import { steps } from '../util/steps.js';
import type { CompiledStatement } from './compile.js';
import { matchArnPattern, type PreparedArn } from './arn.js';
import { ACCOUNT_MATCH, DIRECT_MATCH, matchPrincipal, NO_MATCH, type PreparedPrincipal, type PrincipalMatchKind } from './principal.js';
import { ACTUAL, evaluateCondition, UNKNOWN_BIT } from './conditions/evaluate.js';
import { FALSE, TRUE, TRUE_UNLESS_KNOWN, UNKNOWN, type MissingKeys, type Tri } from './tri.js';
import type { RequestContext } from './types.js';

export const APPLIES = 1;
export const POSSIBLE = 2;
export const CERTAIN = 4;

export interface PreparedRequest {
  actionLower: string;
  service: string;
  resource: PreparedArn;
  principal: PreparedPrincipal | undefined;
  context: RequestContext;
  /** The caller has a permissions boundary (for the NotPrincipal rule above). */
  hasBoundary: boolean;
}

/** Statement matching on the action (lower-cased): Action matches when an entry does, NotAction when none does. */
export function actionMatches(st: CompiledStatement, action: string): boolean {
  const actions = st.actions;
  let any = false;
  for (let i = 0; i < actions.length && !any; i++) any = actions[i]!(action);
  return st.notAction ? !any : any;
}

function resourceMatches(st: CompiledStatement, req: PreparedRequest, missing: MissingKeys): Tri {
  const patterns = st.resources!;
  let result: Tri = FALSE;
  for (let i = 0; i < patterns.length; i++) {
    const r = matchArnPattern(patterns[i]!, req.resource, req.context, missing);
    if (r === TRUE) {
      result = TRUE;
      break;
    }
    if (r === UNKNOWN) result = UNKNOWN;
  }
  if (!st.notResource) return result;
  // An entry with a variable that has no value matches no resource, so NotResource does match
  // ("Policy variables with no value"): a NotResource Deny with one applies to everything.
  return result === TRUE ? FALSE : result === UNKNOWN ? TRUE_UNLESS_KNOWN : TRUE;
}

/**
 * Principal kind for a resource-policy statement (NO_MATCH: does not apply to this caller).
 */
function principalKind(st: CompiledStatement, req: PreparedRequest): PrincipalMatchKind {
  if (st.principal === null) return NO_MATCH;
  let kind = matchPrincipal(st.principal, req.principal);
  if (!st.notPrincipal) return kind;
  // "AWS JSON policy elements: NotPrincipal", "NotPrincipal with Deny" examples: listing the account
  // ARN next to a user's ARN leaves "all principals except the user" denied — the account entry
  // excepts the account itself (its root user), not the account's other users and roles.
  if (kind === ACCOUNT_MATCH && req.principal !== undefined && req.principal.type !== 'Root') kind = NO_MATCH;
  if (st.effect === 'Deny' && req.hasBoundary && req.principal !== undefined) return DIRECT_MATCH;
  // NotPrincipal with Allow grants to everyone not named: treated like "*" (a direct grant).
  return kind === NO_MATCH ? DIRECT_MATCH : NO_MATCH;
}

/**
 * Evaluates a statement. Returns APPLIES/POSSIBLE/CERTAIN flags (0: does not apply in any way)
 * and, for resource policies, stores the principal kind in `out.kind`.
 * Missing keys are recorded only for statements whose action and resource (and principal) match.
 */
export function evaluateStatement(
  st: CompiledStatement,
  req: PreparedRequest,
  resourcePolicy: boolean,
  missing: MissingKeys,
  out: { kind: PrincipalMatchKind },
): number {
  if (steps.enabled) steps.count++;
  if (!actionMatches(st, req.actionLower)) return 0;
  if (resourcePolicy) {
    const kind = principalKind(st, req);
    if (kind === NO_MATCH) return 0;
    out.kind = kind;
  }
  const mark = missing.size;
  let res: Tri;
  if (st.resources === null) {
    if (!resourcePolicy) return 0;
    res = TRUE;
  } else {
    res = resourceMatches(st, req, missing);
    if (res === FALSE) {
      missing.truncate(mark);
      return 0;
    }
  }
  let applies = res === TRUE || res === TRUE_UNLESS_KNOWN;
  let possible = true;
  let certain = res === TRUE;
  const conditions = st.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const r = evaluateCondition(conditions[i]!, req.context, missing);
    const actual = (r & ACTUAL) !== 0;
    const unknown = (r & UNKNOWN_BIT) !== 0;
    if (!actual) applies = false;
    if (!actual && !unknown) possible = false;
    if (!actual || unknown) certain = false;
  }
  return (applies ? APPLIES : 0) | (possible ? POSSIBLE : 0) | (certain ? CERTAIN : 0);
}
