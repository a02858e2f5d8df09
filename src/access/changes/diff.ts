/**
 * accessChanges: who gained or lost which access between two states of the store (two
 * snapshots, or the latest one and a what-if), computed from what changed.
 *
 * 1. What changed. The two models are compared principal by principal (identity policies by id
 *    AND text — an inline policy's text can change under one id —, the permissions boundary, the
 *    context the store supplies: type, account, ids, path, tags, the account's place in the
 *    organization; the SCP levels that restrict it), and the two estates document by document
 *    (resource-based and trust policies by ARN, each account's RCP levels, resource tags).
 * 2. Where a decision can change. The evaluator decides (principal, action, resource) from the
 *    statements whose Action matches the action and whose Resource may match the resource, and
 *    from the request context ("Policy evaluation logic"; engine/statement.ts). So a decision can
 *    change only where a statement that changed matches, or where the context changed. For an
 *    identity policy edit the changed statements are those in one state's set and not the
 *    other's (compared by what the evaluator reads: Version, Effect, Action, Resource,
 *    Condition — not the Sid, not which policy holds them). Each affected principal is
 *    re-evaluated over the actions its changed statements name — wildcards expanded through the
 *    catalog (`connect:*ContactRecording` → the actions it covers) — on the resource patterns its
 *    own statements (old and new) name, plus the resources whose resource-based policy or tags
 *    changed (and their policies' Resource entries), plus the resources whose resource-based
 *    policy may decide its requests (its account's, or naming its account or everyone) and those
 *    policies' Resource entries — a role there only for its trust policy for sts actions only,
 *    the only requests a trust policy takes part in. A principal whose context, boundary or SCPs
 *    changed, or that is new or gone, is re-evaluated over every action its statements name. A
 *    resource-based policy's statements take part only in requests on its own resource (and a
 *    bucket's objects: estate-model resource()), so they are evaluated there only. A changed
 *    resource-based or trust policy, or changed resource tags, is re-asked as whoCan on both
 *    states for the actions its statements name (so principals beyond the store that it names
 *    are compared too).
 * 3. Every evaluation goes through the AccessIndex (evaluateFor / whoCan): the engine's own rules.
 *    Three shortcuts keep the answer exact: principals with identical inputs on the changed
 *    statements' actions are evaluated once; actions alike for a principal (ActionClasses: the
 *    same statements match them, the same engine rules apply to their service) are evaluated
 *    once per class; resources alike for a principal (ResourceClasses: the same statement
 *    matches, owner, policy text, RCPs and context) are evaluated once per class. A change's
 *    results (its explanation) are built for its own action and resource when it is read. The
 *    tests compare the diff with evaluating every (principal, action, pattern) on both states.
 *
 * The resource of a change is the pattern as a policy writes it (`arn:…:instance/ID/contact/*`),
 * evaluated as the request's resource, as whoCan evaluates a children pattern: a Deny whose
 * Resource covers only part of the pattern (`…/contact/secret*`) does not match it, so the
 * pattern itself keeps its decision; the Deny's own pattern is among those evaluated and shows
 * the loss there. Policy variables in a pattern (`${aws:username}`) take the principal's values.
 *
 * An action is evaluated on a pattern only when it applies there: the pattern is `*`, or the
 * catalog's resource type for the pattern is one the action acts on (whatCan's rule), or, for a
 * pattern the catalog cannot type, the action's service names it.
 *
 * Levels (consistent with whoCan's includeConditional entries): ALLOWED, CONDITIONAL (allowed for
 * some values of context keys the request does not carry), NONE. Any move between levels is a
 * change: up is GAINED, down is LOST.
 */
import type { EvaluationResult, RequestContext } from '../../engine/types.js';
import type { CompiledPolicy } from '../../engine/compile.js';
import { isServiceLinkedRole } from '../../engine/evaluate.js';
import { matchPrincipal, NO_MATCH, preparePrincipal, type PreparedPrincipal } from '../../engine/principal.js';
import type { AccountModel, ModelPolicy, ModelPrincipal } from '../../store/account-model.js';
import { s3BucketOf, type Estate, type PolicyLevel } from '../../store/estate-model.js';
import { AccessIndex, namedForService, type Evaluated, type IndexedPrincipal, type NamedPrincipals } from '../access-index.js';
import { actionApplies, applicabilityOf, stsOnly, type Applicability } from './applicability.js';
import { NarrowKeys } from './narrow.js';
import { ActionClasses, ResourceClasses } from './classes.js';
import {
  actionNames,
  actionsOf,
  boundActionNumbers,
  entriesCover,
  expandEntry,
  matchedIn,
  mayCoverSts,
  mayMatch,
  notActionAdmits,
  numbersOf,
  StatementCache,
  type StatementFacts,
} from './statements.js';

export { actionApplies };

export interface ModelState {
  model: AccountModel;
  estate: Estate;
  /** The state's index when there is one already (the server's latest); built (reusing the other's compiled policies) otherwise. */
  index?: AccessIndex;
}

export type AccessLevel = 'NONE' | 'CONDITIONAL' | 'ALLOWED';
export type AccessChangeKind = 'GAINED' | 'LOST';

export interface AccessChangeEntry {
  /** The principal as the new state knows it (the old state for one that is gone). */
  principal: IndexedPrincipal;
  action: string;
  resource: string;
  change: AccessChangeKind;
  /** null: the principal does not exist in that state. */
  before: EvaluationResult | null;
  after: EvaluationResult | null;
  beforeLevel: AccessLevel;
  afterLevel: AccessLevel;
  /** Sort key and page cursor: principal ARN, action, resource. */
  key: string;
}

export interface DiffOptions {
  /** Called now and then; throws to abandon the work (time budget). */
  checkpoint?: () => void;
}

export interface DiffResult {
  changes: AccessChangeEntry[];
  /** Evaluations made (both states): the work the diff did, for tests and benchmarks. */
  evaluations: number;
  /** Principals re-evaluated one by one. */
  principalsAffected: number;
}

const EMPTY: RequestContext = new Map();

/** One state's side of a change: its EvaluationResult (null: the principal does not exist there), built when first read. */
interface Side {
  readonly result: EvaluationResult | null;
}
const NO_SIDE: Side = { result: null };
class Ready implements Side {
  constructor(readonly result: EvaluationResult | null) {}
}
/** A decision known only by its level (whoCan did not list the principal): evaluated when shown. */
class Pending implements Side {
  private built: EvaluationResult | undefined;
  constructor(
    private readonly index: AccessIndex,
    private readonly principal: IndexedPrincipal,
    private readonly action: string,
    private readonly resource: string,
  ) {}
  get result(): EvaluationResult {
    return (this.built ??= this.index.evaluateFor(this.principal, this.action, this.resource, EMPTY, this.index.resourceContext(this.resource)));
  }
}
/** A change, its two results built when read (most changes of a large answer are counted and filtered, not shown). */
class Change implements AccessChangeEntry {
  constructor(
    readonly principal: IndexedPrincipal,
    readonly action: string,
    readonly resource: string,
    readonly change: AccessChangeKind,
    private readonly beforeSide: Side,
    readonly beforeLevel: AccessLevel,
    private readonly afterSide: Side,
    readonly afterLevel: AccessLevel,
    readonly key: string,
  ) {}
  get before(): EvaluationResult | null {
    return this.beforeSide.result;
  }
  get after(): EvaluationResult | null {
    return this.afterSide.result;
  }
}

export function levelOf(result: EvaluationResult | null, external = false): AccessLevel {
  if (result === null) return 'NONE';
  if (result.decision === 'ALLOWED') return external && result.conditional ? 'CONDITIONAL' : 'ALLOWED';
  return result.conditional ? 'CONDITIONAL' : 'NONE';
}
const RANK: Record<AccessLevel, number> = { NONE: 0, CONDITIONAL: 1, ALLOWED: 2 };

// ---------------------------------------------------------------------------------------------
// Patterns a resource-based policy takes part in

/**
 * Is `resource` (a pattern used as a request's resource) one whose requests the resource-based
 * policy stored for `governor` takes part in? Its own ARN, or an object of the S3 bucket it is
 * the policy of (estate-model resource(): "a bucket policy's Resource covers the bucket's
 * objects"); a pattern with policy variables may become either.
 */
function governs(governor: string, resource: string): boolean {
  return resource === governor || resource.includes('${') || s3BucketOf(resource) === governor;
}

/** governs() for any of a set of governors. */
function governedBySome(governors: Set<string>, resource: string): boolean {
  if (governors.has(resource) || resource.includes('${')) return true;
  const bucket = s3BucketOf(resource);
  return bucket !== undefined && governors.has(bucket);
}

const stsSets = new WeakMap<string[], Set<string>>();
const variableLists = new WeakMap<string[], string[]>();
/** The patterns of a list that hold policy variables (any resource-based policy may govern them once resolved). */
function withVariablesIn(list: string[]): string[] {
  let out = variableLists.get(list);
  if (out === undefined) variableLists.set(list, (out = list.filter((x) => x.includes('${'))));
  return out;
}
function stsSetOf(list: string[]): Set<string> {
  let set = stsSets.get(list);
  if (set === undefined) stsSets.set(list, (set = new Set(list)));
  return set;
}

// ---------------------------------------------------------------------------------------------
// Fingerprints

function sameTags(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || a[k] !== b[k]) return false;
  return true;
}

function levelsText(levels: PolicyLevel[] | null): string {
  if (levels === null) return '';
  return levels.map((l) => `${l.targetId}{${l.policies.map((p) => `${p.id}\u0001${p.document}`).join('\u0002')}}`).join('/');
}

function levelDocs(levels: PolicyLevel[] | null): string[] {
  return levels === null ? [] : levels.flatMap((l) => l.policies.map((p) => p.document));
}

/** The documents in one list of texts and not the other (both sides). */
function changedTexts(a: string[], b: string[]): string[] {
  const sa = new Set(a);
  const sb = new Set(b);
  return [...a.filter((x) => !sb.has(x)), ...b.filter((x) => !sa.has(x))];
}

interface PrincipalWork {
  arn: string;
  /** Documents whose statements changed (old and new texts): SCPs, RCPs, resource-based policies. */
  changed: Set<string>;
  /** Its identity policies differ (by id or text): the statements in one state's set and not the other's changed. */
  identity: boolean;
  /** Context, boundary, SCPs changed, or the principal is new or gone: every statement of it counts. */
  full: boolean;
}

/**
 * What differs for one principal between the states; null when nothing that its decisions read
 * changed (policies by id and text, boundary, stored context, SCP levels, org placement).
 */
function principalWork(
  b: ModelPrincipal | undefined,
  a: ModelPrincipal | undefined,
  estateChanged: boolean,
  placementChange: (b: ModelPrincipal, a: ModelPrincipal) => { full: boolean; changed: string[] },
): PrincipalWork | null {
  if (b === a && !estateChanged) return null;
  const arn = (a ?? b)!.arn;
  if (!b || !a) return { arn, changed: new Set(), full: true, identity: true };
  let full = false;
  let identity = false;
  // One object for both states (a what-if leaves the principals it does not touch as they
  // are): only what the estate says about it may differ.
  if (b !== a) {
    if (b.type !== a.type || b.accountId !== a.accountId || b.uniqueId !== a.uniqueId || b.path !== a.path || b.name !== a.name || !sameTags(b.tags, a.tags))
      full = true;
    const bb = b.permissionsBoundary;
    const ab = a.permissionsBoundary;
    if ((bb === undefined) !== (ab === undefined) || (bb && ab && (bb.id !== ab.id || bb.arn !== ab.arn || bb.document !== ab.document))) full = true;
    if (b.policies !== a.policies) {
      const old = new Map(b.policies.map((p) => [p.id, p.document]));
      const now = new Map(a.policies.map((p) => [p.id, p.document]));
      for (const [id, text] of old) if (now.get(id) !== text) identity = true;
      for (const [id, text] of now) if (old.get(id) !== text) identity = true;
    }
  }
  const changed = new Set<string>();
  if (estateChanged) {
    const placement = placementChange(b, a);
    if (placement.full) full = true;
    for (const t of placement.changed) changed.add(t);
  }
  if (!full && changed.size === 0 && !identity) return null;
  return { arn, changed, full, identity };
}

// ---------------------------------------------------------------------------------------------
// The diff

export function accessChanges(before: ModelState, after: ModelState, options: DiffOptions = {}): DiffResult {
  const checkpoint = options.checkpoint ?? (() => {});
  const statements = new StatementCache();
  boundActionNumbers();
  if (before.model === after.model && before.estate === after.estate) return { changes: [], evaluations: 0, principalsAffected: 0 };

  // 1. The estate: resource-based and trust policies, RCP levels, resource tags.
  const policyMap = (e: Estate) => {
    const m = new Map<string, { document: string; owner: string | null; trust: boolean }>();
    for (const r of e.data.resourcePolicies) m.set(r.arn, { document: r.document, owner: r.ownerAccountId, trust: false });
    for (const r of e.data.trustPolicies) m.set(r.arn, { document: r.document, owner: r.arn.split(':')[4] || null, trust: true });
    return m;
  };
  const sameEstate = before.estate === after.estate;
  // (One estate for both states: the same policies; read all the same, so that the answer does
  // not depend on whether the caller passed one object or two equal ones.)
  const oldPolicies = policyMap(before.estate);
  const newPolicies = sameEstate ? oldPolicies : policyMap(after.estate);
  /** Resources whose resource-based or trust policy changed, with both texts. */
  const changedResources = new Map<string, { old: string | null; now: string | null; owner: string | null }>();
  if (!sameEstate) {
    for (const [arn, p] of oldPolicies) {
      const now = newPolicies.get(arn);
      if (now?.document !== p.document) changedResources.set(arn, { old: p.document, now: now?.document ?? null, owner: now?.owner ?? p.owner });
    }
    for (const [arn, p] of newPolicies) if (!oldPolicies.has(arn)) changedResources.set(arn, { old: null, now: p.document, owner: p.owner });
  }
  const changedTags = new Set<string>();
  if (before.model.resources !== after.model.resources) {
    const old = new Map(before.model.resources.map((r) => [r.arn, r.tags]));
    for (const r of after.model.resources) {
      const t = old.get(r.arn);
      if (t === undefined ? Object.keys(r.tags).length > 0 : !sameTags(t, r.tags)) changedTags.add(r.arn);
      old.delete(r.arn);
    }
    for (const [arn, t] of old) if (Object.keys(t).length > 0) changedTags.add(arn);
  }
  const accounts = new Set<string>();
  for (const m of [before.model, after.model]) for (const p of m.principals) accounts.add(p.accountId);
  for (const e of [before.estate, after.estate]) for (const n of e.data.nodes) if (n.kind === 'ACCOUNT') accounts.add(n.id);
  /** Accounts whose resources' RCP levels changed, with the RCP documents that changed. */
  const rcpChanged = new Map<string, string[]>();
  const orgTexts = new Map<Estate, Map<string, string>>();
  const orgText = (e: Estate, account: string) => {
    let m = orgTexts.get(e);
    if (!m) orgTexts.set(e, (m = new Map()));
    let t = m.get(account);
    if (t === undefined) m.set(account, (t = JSON.stringify(e.orgContext(account, account))));
    return t;
  };
  if (!sameEstate) {
    for (const account of accounts) {
      const ob = before.estate.resourceControlPolicies(account);
      const oa = after.estate.resourceControlPolicies(account);
      if (levelsText(ob) !== levelsText(oa)) rcpChanged.set(account, changedTexts(levelDocs(ob), levelDocs(oa)));
    }
  }
  const scpTexts = new Map<Estate, Map<string, string>>();
  const scpText = (e: Estate, p: ModelPrincipal) => {
    let m = scpTexts.get(e);
    if (!m) scpTexts.set(e, (m = new Map()));
    const key = `${p.accountId}\u0000${isServiceLinkedRole(p.arn)}`;
    let t = m.get(key);
    if (t === undefined) m.set(key, (t = levelsText(e.serviceControlPolicies({ arn: p.arn, accountId: p.accountId }))));
    return t;
  };

  /** Whether a principal's SCP levels or organization keys differ between the states (per account and service-linked-ness, on both sides), and the SCP texts that changed. */
  const placements = new Map<string, { full: boolean; changed: string[] }>();
  const placementChange = (b: ModelPrincipal, a: ModelPrincipal) => {
    const key = `${b.accountId}\u0000${isServiceLinkedRole(b.arn)}\u0001${a.accountId}\u0000${isServiceLinkedRole(a.arn)}`;
    let out = placements.get(key);
    if (out === undefined) {
      const scps = scpText(before.estate, b) !== scpText(after.estate, a);
      out = {
        full: scps || orgText(before.estate, b.accountId) !== orgText(after.estate, a.accountId),
        changed: scps ? changedTexts(levelDocs(before.estate.serviceControlPolicies(b)), levelDocs(after.estate.serviceControlPolicies(a))) : [],
      };
      placements.set(key, out);
    }
    return out;
  };

  // 2. The principals.
  const oldByArn = new Map(before.model.principals.map((p) => [p.arn, p]));
  const newByArn = new Map(after.model.principals.map((p) => [p.arn, p]));
  const work: PrincipalWork[] = [];
  for (const arn of new Set([...oldByArn.keys(), ...newByArn.keys()])) {
    const w = principalWork(oldByArn.get(arn), newByArn.get(arn), !sameEstate, placementChange);
    if (w) work.push(w);
  }
  const workByArn = new Map(work.map((w) => [w.arn, w]));
  const workFor = (arn: string) => {
    let w = workByArn.get(arn);
    if (!w) {
      work.push((w = { arn, changed: new Set(), full: false, identity: false }));
      workByArn.set(arn, w);
    }
    return w;
  };
  const allArns = new Set([...oldByArn.keys(), ...newByArn.keys()]);
  if (rcpChanged.size > 0) {
    // An RCP restricts every request to the account's resources, whoever makes it.
    const docs = [...new Set([...rcpChanged.values()].flat())];
    for (const arn of allArns) for (const d of docs) workFor(arn).changed.add(d);
  }
  // Patterns every principal is evaluated on besides its own: the resources whose policy or tags changed.
  const estatePatterns = new Set<string>();
  for (const [arn, docs] of changedResources) {
    estatePatterns.add(arn);
    for (const st of [...statements.of(docs.old), ...statements.of(docs.now)]) for (const p of st.patterns) if (p !== '*') estatePatterns.add(p);
  }
  for (const arn of changedTags) estatePatterns.add(arn);
  /** Resource-based policies that may decide a principal's requests: its account's, and those naming its account or everyone (per account). */
  const accountPolicies = new Map<string, { arn: string; document: string; trust: boolean }[]>();
  const policiesFor = (p: ModelPrincipal): { arn: string; document: string; trust: boolean }[] => {
    let out = accountPolicies.get(p.accountId);
    if (out === undefined) {
      out = [];
      for (const m of sameEstate ? [newPolicies] : [oldPolicies, newPolicies]) {
        for (const [arn, r] of m) {
          if (m === oldPolicies && !sameEstate && newPolicies.get(arn)?.document === r.document) continue;
          if (r.owner === p.accountId || r.document.includes(p.accountId) || r.document.includes('"*"'))
            out.push({ arn, document: r.document, trust: r.trust });
        }
      }
      accountPolicies.set(p.accountId, out);
    }
    return out;
  };
  /**
   * The patterns of the resource-based policies that may decide an account's principals'
   * requests (per account): a resource policy's resource and Resource entries; a role whose
   * trust policy may name them, for sts actions only (the only requests its trust policy takes
   * part in: "IAM roles", "Role trust policy"; AccessIndex policySetFor).
   */
  const accountPatterns = new Map<string, { any: string[]; sts: string[] }>();
  const patternsOfAccount = (p: ModelPrincipal): { any: string[]; sts: string[] } => {
    let out = accountPatterns.get(p.accountId);
    if (out === undefined) {
      const any = new Set<string>();
      const sts = new Set<string>();
      for (const r of policiesFor(p)) {
        (r.trust ? sts : any).add(r.arn);
        for (const st of statements.of(r.document)) for (const x of st.patterns) if (x !== '*') (r.trust ? sts : any).add(x);
      }
      for (const x of any) sts.delete(x);
      accountPatterns.set(p.accountId, (out = { any: [...any], sts: [...sts] }));
    }
    return out;
  };
  // A changed resource-based policy decides requests on its resource (and a bucket's objects)
  // only. 3b below asks whoCan, on both states, every action its Action elements name on the
  // resource and on the patterns it names, for every principal. What that leaves: its NotAction
  // statements, and the patterns under a bucket that a principal's own policies (or other
  // resource policies) name — `bucket/reports/*` under a bucket's policy. Those principals get
  // its texts as changed statements: its account's, and those it names (by account or ARN) or
  // everyone's.
  for (const [resourceArn, docs] of changedResources) {
    const texts = [docs.old, docs.now].filter((t): t is string => t !== null);
    const sts = texts.flatMap((t) => statements.of(t));
    const everyone = sts.some((st) => st.entries === null);
    const targets = new Set([resourceArn]);
    for (const st of sts) for (const x of st.patterns) if (x !== '*') targets.add(x);
    const bucket = /^arn:[^:]+:s3:::[^/]+$/.test(resourceArn);
    const under = (q: string) => !targets.has(q) && governs(resourceArn, q);
    const shared = everyone || (bucket && [...estatePatterns].some(under));
    if (!shared && !bucket) continue;
    for (const arn of allArns) {
      const pb = oldByArn.get(arn);
      const pa = newByArn.get(arn);
      const p = (pa ?? pb)!;
      if (!(docs.owner === p.accountId || texts.some((t) => t.includes(p.accountId) || t.includes('"*"')))) continue;
      let need = shared || patternsOfAccount(p).any.some(under) || patternsOfAccount(p).sts.some(under);
      for (const x of [pb, pa]) {
        if (need || !x) continue;
        for (const d of x.policies) if (statements.of(d.document).some((st) => st.patterns.some(under))) need = true;
        if (x.permissionsBoundary?.document && statements.of(x.permissionsBoundary.document).some((st) => st.patterns.some(under))) need = true;
      }
      if (need) for (const t of texts) workFor(arn).changed.add(t);
    }
  }
  if (work.length === 0 && changedResources.size === 0 && changedTags.size === 0) return { changes: [], evaluations: 0, principalsAffected: 0 };

  // The indexes: the given ones, else built (the second reusing the first's compiled policies).
  const beforeIndex = before.index ?? new AccessIndex(before.model, before.estate, { reuse: after.index });
  const afterIndex = after.index ?? new AccessIndex(after.model, after.estate, { reuse: beforeIndex });

  const found = new Map<string, AccessChangeEntry>();
  let evaluations = 0;
  const record = (principal: IndexedPrincipal, action: string, resource: string, before: Side, lb: AccessLevel, after: Side, la: AccessLevel) => {
    if (lb === la) return;
    const key = `${principal.model.arn}\u0000${action}\u0000${resource}`;
    found.set(key, new Change(principal, action, resource, RANK[la] > RANK[lb] ? 'GAINED' : 'LOST', before, lb, after, la, key));
  };

  /**
   * What the resource-based policies that may decide an account's principals' requests name
   * (every string value: Principal entries are matched exactly, engine/principal.ts), and whether
   * one reads aws:username / aws:userid / aws:PrincipalArn; per account.
   */
  const accountNames = new Map<string, { strings: Set<string>; sessions: boolean; readsIdentity: boolean }>();
  const namedIn = (p: ModelPrincipal): boolean => {
    let n = accountNames.get(p.accountId);
    if (n === undefined) {
      const strings = new Set<string>();
      let sessions = false;
      let identity = false;
      const walk = (v: unknown): void => {
        if (typeof v === 'string') {
          strings.add(v);
          const m = /:assumed-role\/([^/]+)\//.exec(v);
          if (m) {
            sessions = true;
            strings.add(`assumed-role/${m[1]}/`);
          }
        } else if (Array.isArray(v)) v.forEach(walk);
        else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) walk(x);
      };
      for (const r of policiesFor(p)) {
        if (readsIdentity(r.document)) identity = true;
        try {
          walk(JSON.parse(r.document));
        } catch {
          // Unreadable: it may name anyone.
          identity = true;
        }
      }
      accountNames.set(p.accountId, (n = { strings, sessions, readsIdentity: identity }));
    }
    return (
      n.readsIdentity ||
      n.strings.has(p.arn) ||
      (p.uniqueId !== null && p.uniqueId !== '' && n.strings.has(p.uniqueId)) ||
      (n.sessions && p.type === 'ROLE' && n.strings.has(`assumed-role/${p.name}/`))
    );
  };
  /** The changed resource-based and trust policies' texts, with the resources they are the policy of. */
  const governorsOf = new Map<string, string[]>();
  for (const [arn, docs] of changedResources)
    for (const t of [docs.old, docs.now])
      if (t !== null) {
        const list = governorsOf.get(t);
        if (list) list.push(arn);
        else governorsOf.set(t, [arn]);
      }

  // 3a. Principal by principal — principals with identical inputs once: same policies (old and
  // new), boundary, SCPs, account, type and tags, statements that read nothing that tells them
  // apart (aws:username, aws:userid, aws:PrincipalArn, policy variables) and no resource-based
  // policy that names them or reads such keys. Each member gets the representative's decisions.
  const textIds = new Map<string, number>();
  const textId = (t: string | null | undefined) => {
    if (!t) return 0;
    let id = textIds.get(t);
    if (id === undefined) textIds.set(t, (id = textIds.size + 1));
    return id;
  };
  const personal = new Map<string, boolean>();
  const readsIdentity = (t: string) => {
    let r = personal.get(t);
    // The stored keys whose values differ between principals alike in account, type and tags
    // (stored-context.ts): read as condition keys or as policy variables.
    if (r === undefined) personal.set(t, (r = /aws:username|aws:userid|aws:principalarn|aws:sourceidentity/i.test(t)));
    return r;
  };
  /** Per document text: its statements' keys (what the evaluator reads of each). */
  const keySets = new Map<string, Set<string>>();
  const keysOf = (text: string) => {
    let set = keySets.get(text);
    if (set === undefined) keySets.set(text, (set = new Set(statements.of(text).map((st) => st.key))));
    return set;
  };
  /**
   * The identity statements in one state's set and not in the other's ("Policy evaluation
   * logic": a request's decision rests on the statements that match it; a statement kept as it
   * was, in whichever policy, decides as before). A policy held in both states with the same
   * text keeps all of its statements; only the others' are looked up. Per principal (for its
   * group's key, then for its group).
   */
  const identityMemo = new Map<string, StatementFacts[]>();
  const identityChanges = (pb: ModelPrincipal | undefined, pa: ModelPrincipal | undefined): StatementFacts[] => {
    const arn = (pa ?? pb)!.arn;
    let out = identityMemo.get(arn);
    if (out !== undefined) return out;
    out = [];
    const one = pb?.policies ?? [];
    const other = pa?.policies ?? [];
    const kept = (x: ModelPolicy, list: readonly ModelPolicy[]) => list.some((y) => y.id === x.id && y.document === x.document);
    for (const [from, to] of [
      [one, other],
      [other, one],
    ]) {
      for (const x of from) {
        if (kept(x, to)) continue;
        for (const st of statements.of(x.document)) if (!to.some((y) => keysOf(y.document).has(st.key))) out.push(st);
      }
    }
    identityMemo.set(arn, out);
    return out;
  };
  const docsOf = (p: ModelPrincipal | undefined) =>
    p ? [...p.policies.map((x) => x.document), ...(p.permissionsBoundary?.document ? [p.permissionsBoundary.document] : [])] : [];
  const narrow = new NarrowKeys(statements, textId, readsIdentity);
  /** The narrowed group key (NarrowKeys) of a principal whose own context did not change. */
  const narrowKey = (pb: ModelPrincipal, pa: ModelPrincipal, w: PrincipalWork): string | null => {
    const changed: StatementFacts[] = [];
    if (w.identity) changed.push(...identityChanges(pb, pa));
    for (const d of w.changed) for (const st of statements.of(d)) changed.push(st);
    return narrow.key(changed, pb, pa, [textId(scpText(before.estate, pb)), textId(scpText(after.estate, pa))]);
  };
  const groups = new Map<string, PrincipalWork[]>();
  for (const w of work) {
    const pb = oldByArn.get(w.arn);
    const pa = newByArn.get(w.arn);
    const own = [...docsOf(pb), ...docsOf(pa)];
    const personalOutside = [...w.changed].some(readsIdentity) || [pb, pa].some((p) => p !== undefined && namedIn(p)) || isServiceLinkedRole(w.arn);
    const narrowed = personalOutside || w.full ? null : narrowKey(pb!, pa!, w);
    const alone = personalOutside || own.some(readsIdentity);
    const side = (p: ModelPrincipal | undefined, e: Estate) =>
      p
        ? [
            p.type,
            p.accountId,
            JSON.stringify(Object.entries(p.tags).sort()),
            p.policies.map((x) => `${x.id}=${textId(x.document)}`).join(','),
            p.permissionsBoundary ? `${p.permissionsBoundary.arn}=${textId(p.permissionsBoundary.document)}` : '',
            textId(scpText(e, p)),
          ].join('|')
        : '-';
    const key =
      narrowed ??
      (alone ? `@${w.arn}` : `${w.full}|${w.identity}|${[...w.changed].map(textId).sort().join(',')}|${side(pb, before.estate)}|${side(pa, after.estate)}`);
    const g = groups.get(key);
    if (g) g.push(w);
    else groups.set(key, [w]);
  }
  const principalsAffected = work.length;

  /**
   * The actions evaluated on a pattern: the union of the lists the changed statements' rules
   * admit there. Lists are shared objects (kept per statement and rule), so the set is named by
   * their numbers and built once per distinct combination, not per pattern.
   */
  const listIds = new WeakMap<string[], number>();
  const actionSets = new Map<string, { actions: Set<string>; key: string }>();
  let nextListId = 0;
  const listId = (list: string[]) => {
    let id = listIds.get(list);
    if (id === undefined) listIds.set(list, (id = nextListId++));
    return id;
  };
  const actionSetOf = (lists: string[][]): { actions: Set<string>; key: string } => {
    const key =
      lists.length === 1
        ? String(listId(lists[0]))
        : lists
            .map(listId)
            .sort((x, y) => x - y)
            .join(',');
    let set = actionSets.get(key);
    if (set === undefined) {
      const actions = new Set<string>();
      for (const list of lists) for (const a of list) actions.add(a);
      actionSets.set(key, (set = { actions, key }));
    }
    return set;
  };

  /** A principal group's levels on one (action, resource) in both states, with their results; null when the levels are the same. */
  const levelsFor = (
    ib: IndexedPrincipal | undefined,
    ia: IndexedPrincipal | undefined,
    action: string,
    resource: string,
  ): [Side, AccessLevel, Side, AccessLevel] | null => {
    const rb = ib ? beforeIndex.evaluateFor(ib, action, resource, EMPTY, beforeIndex.resourceContext(resource)) : null;
    const ra = ia ? afterIndex.evaluateFor(ia, action, resource, EMPTY, afterIndex.resourceContext(resource)) : null;
    evaluations += (rb ? 1 : 0) + (ra ? 1 : 0);
    const lb = levelOf(rb);
    const la = levelOf(ra);
    return lb === la ? null : [new Ready(rb), lb, new Ready(ra), la];
  };
  /** How many principal groups hold each compiled policy (its signatures are kept when more than one does). */
  const holders = new Map<CompiledPolicy, number>();
  /** Per group: the compiled policies its decisions read on both states (identity, boundary, SCPs). */
  const ownPoliciesOf = new Map<PrincipalWork[], CompiledPolicy[]>();
  for (const members of groups.values()) {
    const arn = members[0].arn;
    const own = [
      ...new Set([
        ...policiesOf(oldByArn.has(arn) ? beforeIndex.principal(arn) : undefined),
        ...policiesOf(newByArn.has(arn) ? afterIndex.principal(arn) : undefined),
      ]),
    ];
    ownPoliciesOf.set(members, own);
    for (const p of own) holders.set(p, (holders.get(p) ?? 0) + 1);
  }
  const classes = new ActionClasses((p) => (holders.get(p) ?? 2) > 1);
  const resourceClasses = new ResourceClasses([beforeIndex, afterIndex], [oldPolicies, newPolicies]);
  for (const members of groups.values()) {
    checkpoint();
    const w = members[0];
    const pb = oldByArn.get(w.arn);
    const pa = newByArn.get(w.arn);
    const ib = pb ? beforeIndex.principal(w.arn) : undefined;
    const ia = pa ? afterIndex.principal(w.arn) : undefined;
    const own = [...docsOf(pb), ...docsOf(pa)];
    const patterns = new Set<string>(estatePatterns);
    for (const d of own) for (const st of statements.of(d)) for (const p of st.patterns) patterns.add(p);
    /**
     * The statements that changed for it, each with the resources whose policy it belongs to
     * (null: an identity, boundary, SCP or RCP statement). A resource-based policy takes part
     * only in requests on its resource — an S3 bucket's also in those on its objects (the
     * estate's resource()) —, so its statements are evaluated on those patterns only.
     */
    const changedStatements = new Map<StatementFacts, Set<string> | null>();
    const change = (st: StatementFacts, governors: string[] | null) => {
      // One text shared by many roles' trust policies is one statement with every such role.
      const known = changedStatements.get(st);
      if (known === null) return;
      if (governors === null) changedStatements.set(st, null);
      else if (known === undefined) changedStatements.set(st, new Set(governors));
      else for (const g of governors) known.add(g);
    };
    if (w.full) for (const d of own) for (const st of statements.of(d)) change(st, null);
    else if (w.identity) for (const st of identityChanges(pb, pa)) change(st, null);
    // The resources whose policies may grant or deny it are among its patterns; when its context
    // changed, their statements may decide differently.
    /** The roles that are patterns for sts actions only (their account's list, shared: read, never copied). */
    const stsLists = new Set<string[]>();
    for (const p of [pb, pa])
      if (p) {
        const { any, sts } = patternsOfAccount(p);
        for (const x of any) patterns.add(x);
        stsLists.add(sts);
        if (w.full) for (const r of policiesFor(p)) for (const st of statements.of(r.document)) change(st, [r.arn]);
      }

    for (const d of w.changed) for (const st of statements.of(d)) change(st, governorsOf.get(d) ?? null);
    // The actions a NotAction statement is evaluated for: those the principal's other statements name.
    let universe: Uint8Array | undefined;
    const universeOf = () => {
      if (universe === undefined) {
        // Each Action entry's expansion (cached per entry), not each statement's merged list.
        const lists = new Set<string[]>();
        for (const d of own) for (const st of statements.of(d)) for (const e of st.entries ?? []) lists.add(expandEntry(e));
        for (const st of changedStatements.keys()) for (const e of st.entries ?? []) lists.add(expandEntry(e));
        const numbers = [...lists].map(numbersOf);
        universe = new Uint8Array(actionNames.length);
        for (const list of numbers) for (let i = 0; i < list.length; i++) universe[list[i]] = 1;
      }
      return universe;
    };

    /** The Action entries of the statements that make the universe (distinct). */
    let entries: string[] | undefined;
    const entriesOf = () => {
      if (entries === undefined) {
        const set = new Set<string>();
        for (const d of own) for (const st of statements.of(d)) for (const e of st.entries ?? []) set.add(e);
        for (const st of changedStatements.keys()) for (const e of st.entries ?? []) set.add(e);
        entries = [...set];
      }
      return entries;
    };

    /** pattern → the actions to evaluate on it: those of a changed statement that may match it. */
    /** pattern → the action lists (rules' admitted lists) that apply there; their union is evaluated. */
    const pairs = new Map<string, string[][]>();
    const substitute = (pattern: string) => (pattern.includes('${') ? withVariables(pattern, (ia ?? ib)!) : pattern);
    /**
     * A role that is a pattern only for its trust policy: sts actions on it need the trust policy
     * to allow the caller ("IAM roles", "Role trust policy"; engine resourcePolicyRequired), so
     * where neither state's trust policy has an Allow statement whose Principal may name this
     * principal (the engine's matchPrincipal: its ARN, its account, everyone; NotPrincipal may
     * name anyone), the request is denied in both states and nothing there can change. (Group
     * members are named alike: a principal a resource-based policy names by ARN is alone.)
     */
    const callers: [AccessIndex, PreparedPrincipal | undefined][] = [
      [beforeIndex, ib && preparePrincipal(ib.principal)],
      [afterIndex, ia && preparePrincipal(ia.principal)],
    ];
    const trustMayAllow = (role: string): boolean => {
      if (role.includes('${')) return true;
      for (const [index, caller] of callers) {
        if (caller === undefined) continue;
        const v = index.view(role);
        if (!v.isTrustPolicy || v.policy === null) return true;
        const named = trustPrincipals(v.policy);
        if (named.all || named.matchers.some((m) => matchPrincipal(m, caller) !== NO_MATCH)) return true;
      }
      return false;
    };
    for (const [st, governors] of changedStatements) {
      let actsMemo: string[] | undefined;
      let lowerMemo: string[] | undefined;
      const actsOf = () => (actsMemo ??= st.entries !== null ? st.actions! : actionsOf(st, universeOf()));
      const lowerOf = () =>
        (lowerMemo ??= st.entries !== null ? (st.lowerActions ??= st.actions!.map((a) => a.toLowerCase())) : actsOf().map((a) => a.toLowerCase()));
      const hasSts = mayCoverSts(st.entries);
      /**
       * The statement's actions a rule admits (rules are shared by resource type: computed once
       * per rule). With an Action list it depends on the statement and the rule only, so it is
       * kept on the statement for every group; a NotAction statement's depends on the group's
       * universe too.
       */
      const byRule = st.entries !== null ? (st.admitted ??= new Map<Applicability, string[]>()) : new Map<Applicability, string[]>();
      const admitted = (rule: Applicability): string[] => {
        let out = byRule.get(rule);
        if (out !== undefined) return out;
        if (rule.kind === 'any') out = actsOf();
        else if (rule.kind === 'prefix') {
          const acts = actsOf();
          const lower = lowerOf();
          out = [];
          for (let i = 0; i < acts.length; i++) if (lower[i].startsWith(rule.prefix)) out.push(acts[i]);
        } else if (st.entries !== null) {
          // The catalog's actions on the pattern's resource type that the statement's entries cover (in catalog order).
          const entries = st.entries;
          out = rule.names.filter((a) => entriesCover(entries, a));
        } else {
          // NotAction: the type's actions that the statement covers (the same for every group)
          // and that are in the universe (an Action entry of the principal's statements covers them).
          const entries = entriesOf();
          out = notActionAdmits(st, rule).filter((a) => entriesCover(entries, a));
        }
        byRule.set(rule, out);
        return out;
      };
      const visit = (pattern: string, sts: boolean) => {
        if (governors !== null && !governedBySome(governors, pattern)) return;
        if (!mayMatch(st, pattern)) return;
        if (sts && !trustMayAllow(pattern)) return;
        const acts = admitted(sts ? stsOnly(applicabilityOf(pattern)) : applicabilityOf(pattern));
        if (acts.length === 0) return;
        let lists = pairs.get(pattern);
        if (!lists) pairs.set(pattern, (lists = []));
        if (!lists.includes(acts)) lists.push(acts);
      };
      for (const pattern of patterns) visit(pattern, false);
      if (!hasSts) continue;
      if (governors !== null) {
        // A resource-based policy's statement: only its own resources (a role's, when it is a trust policy).
        for (const list of stsLists) {
          const set = stsSetOf(list);
          for (const g of governors) if (!patterns.has(g) && set.has(g)) visit(g, true);
          for (const x of withVariablesIn(list)) if (!patterns.has(x)) visit(x, true);
        }
      } else for (const list of stsLists) for (const pattern of matchedIn(st, list)) if (!patterns.has(pattern)) visit(pattern, true);
    }
    // Actions alike for this principal (every statement of its policies, before and after,
    // matches both or neither; same engine rules by service) decide alike: one evaluation per
    // class on each state (see ActionClasses).
    const ownPolicies = classes.ownMemo(ownPoliciesOf.get(members)!);
    // Resources alike for this principal (see ResourceClasses) decide alike: the first of each
    // class is evaluated; where its level moves, every member moves alike.
    const alike = new Map<string, { resources: Set<string>; actions: Set<string> }>();
    for (const [pattern, lists] of pairs) {
      const { actions, key: actionsKey } = actionSetOf(lists);
      const resource = substitute(pattern);
      const key = resourceClasses.key(resource, actions, actionsKey, ownPolicies.policies);
      const known = alike.get(key);
      if (known === undefined) alike.set(key, { resources: new Set([resource]), actions });
      else if (known.actions === actions) known.resources.add(resource);
      // Two patterns that became one resource (policy variables): a class of its own, every action of both.
      else alike.set(key, { resources: known.resources, actions: new Set([...known.actions, ...actions]) });
    }
    let n = 0;
    for (const { resources, actions } of alike.values()) {
      const first = resources.values().next().value!;
      for (const acts of classes.split(actions, first, ownPolicies, [beforeIndex, afterIndex])) {
        if ((++n & 255) === 0) checkpoint();
        const action = acts[0];
        const moved = levelsFor(ib, ia, action, first);
        if (moved === null) continue;
        const [, lb, , la] = moved;
        const shown = members.map((m) => (newByArn.has(m.arn) ? afterIndex.principal(m.arn)! : beforeIndex.principal(m.arn)!));
        for (const resource of resources) {
          // The class's other resources decide as its first does (ResourceClasses); each one's
          // result is its own, evaluated when the change is shown.
          const before = resource === first ? moved[0] : ib ? new Pending(beforeIndex, ib, action, resource) : NO_SIDE;
          const after = resource === first ? moved[2] : ia ? new Pending(afterIndex, ia, action, resource) : NO_SIDE;
          for (const principal of shown) for (const a of acts) record(principal, a, resource, before, lb, after, la);
        }
      }
    }
  }

  // 3b. Resources whose policy or tags changed: whoCan on both states, every principal at once.
  const questions = new Set<string>();
  for (const [arn, docs] of changedResources) {
    const sts = [...statements.of(docs.old), ...statements.of(docs.now)];
    const acts = new Set<string>();
    for (const st of sts) if (st.actions) for (const a of st.actions) acts.add(a);
    const targets = new Set([arn]);
    for (const st of sts) for (const p of st.patterns) if (p !== '*') targets.add(p);
    for (const target of targets) for (const a of acts) if (actionApplies(a, target)) questions.add(`${a}\u0000${target}`);
  }
  if (changedTags.size > 0) {
    // Statements whose conditions read the resource's tags, of any policy in either state.
    const tagged: StatementFacts[] = [];
    const texts = new Set<string>();
    for (const m of [before.model, after.model]) for (const p of m.principals) for (const x of p.policies) texts.add(x.document);
    for (const m of [oldPolicies, newPolicies]) for (const r of m.values()) texts.add(r.document);
    for (const t of texts) if (/aws:resourcetag\//i.test(t)) for (const st of statements.of(t)) if (st.readsResourceTag) tagged.push(st);
    for (const arn of changedTags)
      for (const st of tagged) if (mayMatch(st, arn)) for (const a of st.actions ?? []) if (actionApplies(a, arn)) questions.add(`${a}\u0000${arn}`);
  }
  for (const q of questions) {
    checkpoint();
    const cut = q.indexOf('\u0000');
    const action = q.slice(0, cut);
    const resource = q.slice(cut + 1);
    const ask = (index: AccessIndex) => {
      const out = new Map<string, Evaluated>();
      for (const e of index.whoCan(action, resource, EMPTY, index.resourceContext(resource), { includeConditional: true, checkpoint }))
        out.set(e.principal.model.arn, e);
      return out;
    };
    const b = ask(beforeIndex);
    const a = ask(afterIndex);
    evaluations += b.size + a.size;
    for (const arn of new Set([...b.keys(), ...a.keys()])) {
      const eb = b.get(arn);
      const ea = a.get(arn);
      const principal = (ea ?? eb)!.principal;
      const external = principal.external !== undefined;
      const key = `${arn}\u0000${action}\u0000${resource}`;
      if (found.has(key)) continue;
      // A stored principal absent from one answer: NONE there, with its real decision when shown.
      const side = (index: AccessIndex, e: typeof eb): [Side, AccessLevel] => {
        if (e) return [e, !external && e.allowed !== undefined ? (e.allowed ? 'ALLOWED' : 'CONDITIONAL') : levelOf(e.result, external)];
        const p = external ? undefined : index.principal(arn);
        return [p ? new Pending(index, p, action, resource) : NO_SIDE, 'NONE'];
      };
      const [before, lb] = side(beforeIndex, eb);
      const [after, la] = side(afterIndex, ea);
      record(principal, action, resource, before, lb, after, la);
    }
  }

  const changes = [...found.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { changes, evaluations, principalsAffected };
}

const trustNamed = new WeakMap<CompiledPolicy, NamedPrincipals>();
/** Whom a trust policy's Allow statements may name for an sts action (the index's namedBy, for any sts action). */
function trustPrincipals(policy: CompiledPolicy): NamedPrincipals {
  let out = trustNamed.get(policy);
  if (out === undefined) trustNamed.set(policy, (out = namedForService(policy, 'sts')));
  return out;
}

/** The compiled policies evaluate() reads for a principal besides the resource's: identity policies, boundary, SCP levels. */
function policiesOf(p: IndexedPrincipal | undefined): CompiledPolicy[] {
  if (!p) return [];
  const s = p.policies;
  return [...s.identityPolicies, ...(s.permissionsBoundaries ?? []), ...(s.serviceControlPolicies ?? []).flat()];
}

/** A pattern's policy variables with the principal's stored values (`${aws:username}` → its name); unknown ones stay as written. */
function withVariables(pattern: string, p: IndexedPrincipal): string {
  return pattern.replace(/\$\{([^}]+)\}/g, (whole, key: string) => {
    const v = p.context.get(key.toLowerCase());
    return v && v.values.length === 1 ? v.values[0] : whole;
  });
}
