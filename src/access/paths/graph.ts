/**
 * The principal graph: edges "P can become / act as Q" (steps.ts), each action of each edge
 * evaluated by the engine through the AccessIndex on the resource it acts on, with the stored
 * context, boundaries, SCPs, RCPs and trust policies. Edges are found from their target (who can
 * assume this role, create this user's keys…), which is the question the index answers fastest
 * (whoCan evaluates each statement once for all principals), and cached per target.
 *
 * Edges that lead back to the caller itself (it writes itself a policy, joins a group) are the
 * "self" edges: they make the caller an administrator when the engine says the caller, with the
 * policy written, passes the administrator probes (administrator.ts) — a permissions boundary or an
 * SCP that still limits it makes the step worthless, and it is left out.
 */
import { compilePolicy, statementsFor, type CompiledPolicy } from '../../engine/compile.js';
import { actionMatches } from '../../engine/statement.js';
import { parsePolicy } from '../../policy/parse.js';
import type { EvaluationResult, MatchedStatement, RequestContext } from '../../engine/types.js';
import type { PathFacts, PathGroup } from '../../store/path-facts.js';
import { knows, type Workload, type WorkloadKind, type WorkloadState } from '../../store/workload-model.js';
import type { AccessIndex, Evaluated, IndexedPrincipal } from '../access-index.js';
import { callerContext } from '../questions.js';
import { isPrincipalContextKey } from '../stored-context.js';
import type { SearchPass } from './search.js';
import {
  ADMINISTRATOR_ACCESS_ARN,
  ADMINISTRATOR_PROBES,
  administratorAccessPolicy,
  administratorVerdict,
  UNDEFINED_ACTION_PROBE,
  type AdminVerdict,
} from './administrator.js';
import {
  anyWorkloadArn,
  fill,
  makeStep,
  PASS_ROLE_RECIPES,
  WORKLOAD_ACTIONS,
  WORKLOAD_SERVICE,
  WORKLOAD_SOURCE,
  type AccessStep,
  type StepAction,
} from './steps.js';

const EMPTY: RequestContext = new Map();
/** Up to this many holders of an identity Allow are asked one by one rather than through whoCan. */
const FEW = 64;

/** A service principal a role's trust policy lets assume it (evaluated by the engine as that service). */
interface TrustedService {
  service: string;
  conditional: boolean;
}

/** A whoCan entry as a step action: whether it is conditional is known from the answers; the explanation is read on demand. */
class LazyStepAction implements StepAction {
  constructor(
    readonly action: string,
    readonly resource: string,
    private readonly evaluated: Evaluated,
  ) {}
  get conditional(): boolean {
    return this.evaluated.result.decision !== 'ALLOWED';
  }
  get missingContextKeys(): string[] {
    return this.evaluated.result.missingContextKeys;
  }
  get matchedStatements(): MatchedStatement[] {
    const r = this.evaluated.result;
    return r.decision === 'ALLOWED' ? r.matchedStatements : (r.conditionalStatements ?? []);
  }
}

/**
 * An entry of a class's shared answer read for another resource of the class: the decision is
 * the same (AccessIndex.resourceClass); the explanation is the engine's on this resource.
 */
class ReexplainedEvaluated implements Evaluated {
  private built: EvaluationResult | undefined;
  constructor(
    private readonly index: AccessIndex,
    private readonly shared: Evaluated,
    private readonly action: string,
    private readonly resource: string,
    private readonly caller: RequestContext,
  ) {}
  get principal(): IndexedPrincipal {
    return this.shared.principal;
  }
  /** The shared decision (read by the search for every new source); the statements are this resource's, on first read. */
  get result(): EvaluationResult {
    if (this.built === undefined) {
      const s = this.shared.result;
      if (this.shared.principal.external) return (this.built = s);
      let fresh: EvaluationResult | undefined;
      const explained = () =>
        (fresh ??= this.index.evaluateFor(this.shared.principal, this.action, this.resource, this.caller, this.index.resourceContext(this.resource)));
      this.built = {
        decision: s.decision,
        conditional: s.conditional,
        missingContextKeys: s.missingContextKeys,
        get matchedStatements() {
          return explained().matchedStatements;
        },
        get conditionalStatements() {
          return explained().conditionalStatements;
        },
      };
    }
    return this.built;
  }
}
/**
 * What a pass of the path search wants of the edges into a principal: steps from sources it has
 * not seen, and in its definite pass definite steps only. Both only ever shrink what is wanted, so
 * the shared answers are pruned as the pass goes (`memo`, by shared list): a step is built only
 * for a source the search may take, not for each of thousands of principals per target.
 */
type Want = SearchPass;

/** A conditional entry makes a conditional step (its action is conditional): the definite pass skips both. */
function wanted(e: Evaluated, want: Want): boolean {
  if (e.principal.external) return true;
  if (want.seen.has(e.principal.model.arn)) return false;
  return !want.definiteOnly || e.result.decision === 'ALLOWED';
}

function prune(list: Evaluated[], want: Want): Evaluated[] {
  const kept = ((want.memo.get(list) as Evaluated[] | undefined) ?? list).filter((e) => wanted(e, want));
  want.memo.set(list, kept);
  return kept;
}

/** Seen: every ARN (a Want that keeps only the outsiders). */
const EVERY_ARN: ReadonlyMap<string, unknown> = { has: () => true } as unknown as ReadonlyMap<string, unknown>;

const NOBODY: ReadonlySet<IndexedPrincipal> = new Set();

/** An answer shared by a class of resources: computed on `resource`, without the principals `excluded` (asked per resource). */
interface SharedAnswer {
  resource: string;
  entries: Evaluated[];
  excluded: ReadonlySet<IndexedPrincipal>;
}

export function stepAction(action: string, resource: string, r: EvaluationResult): StepAction | null {
  if (r.decision === 'ALLOWED')
    return { action, resource, conditional: false, missingContextKeys: r.missingContextKeys, matchedStatements: r.matchedStatements };
  if (!r.conditional) return null;
  return { action, resource, conditional: true, missingContextKeys: r.missingContextKeys, matchedStatements: r.conditionalStatements ?? [] };
}

export class PrincipalGraph {
  private readonly assumeIn = new Map<string, AccessStep[]>();
  private readonly services = new Map<string, TrustedService[]>();
  private readonly otherIn = new Map<string, AccessStep[]>();
  private readonly selfEdges = new Map<string, AccessStep[]>();
  private readonly verdicts = new Map<string, AdminVerdict>();
  private readonly asAdmin = new Map<string, AdminVerdict>();
  private readonly candidateSets = new Map<string, Set<IndexedPrincipal>>();
  private readonly groupsByArn = new Map<string, PathGroup>();
  private readonly groupsOf = new Map<string, PathGroup[]>();
  private readonly groupsByAccount = new Map<string, PathGroup[]>();
  private readonly policiesOf = new Map<string, string[]>();
  private readonly compiled = new Map<string, CompiledPolicy | null>();
  private readonly workloadsByRole = new Map<string, Workload[]>();
  private administratorList: IndexedPrincipal[] | undefined;
  /** Engine evaluations and whoCan questions asked so far (the benchmark's and tests' step count). */
  evaluations = 0;

  constructor(
    readonly index: AccessIndex,
    readonly facts: PathFacts,
    readonly workloads: WorkloadState,
  ) {
    for (const g of facts.groups) {
      this.groupsByArn.set(g.arn, g);
      for (const m of g.members) {
        const list = this.groupsOf.get(m);
        if (list) list.push(g);
        else this.groupsOf.set(m, [g]);
      }
      const acct = this.groupsByAccount.get(g.accountId);
      if (acct) acct.push(g);
      else this.groupsByAccount.set(g.accountId, [g]);
    }
    for (const m of facts.managedPolicies.values()) {
      if (m.kind !== 'CUSTOMER_MANAGED') continue;
      const holders = new Set(m.principals);
      for (const g of m.groups) for (const member of this.groupsByArn.get(g)?.members ?? []) holders.add(member);
      for (const h of holders) {
        const list = this.policiesOf.get(h);
        if (list) list.push(m.arn);
        else this.policiesOf.set(h, [m.arn]);
      }
    }
    for (const w of workloads.workloads) {
      if (!w.roleArn) continue;
      const list = this.workloadsByRole.get(w.roleArn);
      if (list) list.push(w);
      else this.workloadsByRole.set(w.roleArn, [w]);
    }
  }

  principal(arn: string): IndexedPrincipal | undefined {
    const p = this.index.principal(arn);
    return p && !p.external ? p : undefined;
  }

  // ---------- administrators ----------

  /** The engine's verdict on the administrator probes for a stored principal. */
  verdict(p: IndexedPrincipal): AdminVerdict {
    let v = this.verdicts.get(p.model.arn);
    if (v === undefined) {
      this.evaluations++;
      v = this.candidates(UNDEFINED_ACTION_PROBE).has(p) ? administratorVerdict(this.index, p) : 'NO';
      this.verdicts.set(p.model.arn, v);
    }
    return v;
  }

  /** Administrators and conditional administrators, in ARN order. */
  administrators(): IndexedPrincipal[] {
    return (this.administratorList ??= this.index.principals.filter((p) => !p.external && this.verdict(p) !== 'NO'));
  }

  /** Would the principal be an administrator with these identity policies (a policy written for it)? */
  private verdictWith(p: IndexedPrincipal, identityPolicies: CompiledPolicy[]): AdminVerdict {
    this.evaluations++;
    return administratorVerdict(this.index, p, identityPolicies);
  }

  /** With AdministratorAccess added (cached): what writing or attaching a policy to itself gives. */
  private verdictAsAdmin(p: IndexedPrincipal): AdminVerdict {
    let v = this.asAdmin.get(p.model.arn);
    if (v === undefined) {
      v = this.verdictWith(p, [...p.policies.identityPolicies, administratorAccessPolicy()]);
      this.asAdmin.set(p.model.arn, v);
    }
    return v;
  }

  private candidates(action: string): Set<IndexedPrincipal> {
    let s = this.candidateSets.get(action);
    if (!s) this.candidateSets.set(action, (s = new Set(this.index.candidatesFor(action))));
    return s;
  }

  // ---------- evaluation helpers ----------

  private ask(p: IndexedPrincipal, action: string, resource: string, caller: RequestContext = EMPTY): StepAction | null {
    this.evaluations++;
    return stepAction(action, resource, this.index.evaluateFor(p, action, resource, caller, this.index.resourceContext(resource)));
  }

  /** ask() for requests that do not depend on the target (a recipe's new function): once per principal, action and resource. */
  private readonly asked = new Map<string, StepAction | null>();
  private askOnce(p: IndexedPrincipal, action: string, resource: string): StepAction | null {
    const key = `${p.model.arn}\u0000${action}\u0000${resource}`;
    let r = this.asked.get(key);
    if (r === undefined) this.asked.set(key, (r = this.ask(p, action, resource)));
    return r;
  }

  /** ask() once per principal and class of resources for the action (AccessIndex.resourceClass), as answers(). */
  private readonly askedByClass = new Map<string, EvaluationResult>();
  private askByClass(p: IndexedPrincipal, action: string, resource: string): StepAction | null {
    const cls = this.classOf(action, resource, EMPTY);
    const key = cls === null || cls.individually.has(p) ? null : `${p.model.arn}\u0000${cls.key}`;
    let r = key === null ? undefined : this.askedByClass.get(key);
    if (r === undefined) {
      this.evaluations++;
      r = this.index.evaluateFor(p, action, resource, EMPTY, this.index.resourceContext(resource));
      if (key !== null) this.askedByClass.set(key, r);
    }
    return stepAction(action, resource, r);
  }

  /** whoCan for questions shared by many targets (a workload of any name in the account): once each. */
  private readonly shared = new Map<string, Evaluated[]>();
  private whoCanOnce(action: string, resource: string, want?: Want): { principal: IndexedPrincipal; step: StepAction }[] {
    const key = `${action}\u0000${resource}`;
    let r = this.shared.get(key);
    if (r === undefined) this.shared.set(key, (r = this.answers(action, resource, EMPTY)));
    return this.steps(action, resource, want ? prune(r, want) : r);
  }

  /**
   * Sources worth a step: not administrators already (a step out of an administrator never
   * shortens a path to one). Edges other than sts:AssumeRole serve escalations only.
   */
  private worthStepping(p: IndexedPrincipal): boolean {
    return this.verdict(p) !== 'ADMIN';
  }

  /** Stored principals allowed (or conditionally allowed) the action on the resource: the index's whoCan. */
  private whoCan(action: string, resource: string, caller: RequestContext = EMPTY, want?: Want): { principal: IndexedPrincipal; step: StepAction }[] {
    return this.steps(action, resource, this.answers(action, resource, caller, want));
  }

  private steps(action: string, resource: string, answers: Evaluated[]): { principal: IndexedPrincipal; step: StepAction }[] {
    const out: { principal: IndexedPrincipal; step: StepAction }[] = [];
    for (const evaluated of answers) {
      if (evaluated.principal.external) continue;
      out.push({ principal: evaluated.principal, step: new LazyStepAction(action, resource, evaluated) });
    }
    return out;
  }

  /**
   * The index's whoCan with includeConditional; no entry's result is built until it is read (the
   * search reads only new sources'). Resources of one class for the action (AccessIndex
   * resourceClass: the same pattern matches, owner, tested tags, resource policy text) get the
   * same answer from every principal but the class's `individually` (holders of a policy-variable
   * Resource that may match), so whoCan is asked once per class — thousands of roles with one
   * trust policy text share it — and those principals are asked one by one per resource.
   * Callers drop the target itself from it. With `want` (a search pass), only the entries it
   * still wants (AccessStep sources not seen yet…).
   */
  private answers(action: string, resource: string, caller: RequestContext, want?: Want): Evaluated[] {
    const cls = this.classOf(action, resource, caller);
    let shared = cls === null ? undefined : this.byClass.get(cls.key);
    if (shared === undefined) {
      this.evaluations++;
      const all = this.index.whoCan(action, resource, caller, this.index.resourceContext(resource), { includeConditional: true });
      if (cls === null) return want ? all.filter((e) => wanted(e, want)) : all;
      shared = { resource, entries: cls.individually.size === 0 ? all : all.filter((e) => !cls.individually.has(e.principal)), excluded: cls.individually };
      this.byClass.set(cls.key, shared);
    }
    return this.completed(shared, cls!.individually, null, action, resource, caller, want);
  }

  /**
   * A class's shared entries for one resource of it: entries of the resource the answer was
   * computed on read their explanation from that resource's evaluation, so others' are rebuilt
   * on the resource itself when read (a trust policy's name is its role's). The principals asked
   * one by one (of `pool` when given) are this resource's `individually` and those the shared
   * answer left out (the resource it was computed on's), merged in ARN order before the outsiders.
   */
  private completed(
    shared: SharedAnswer,
    individually: ReadonlySet<IndexedPrincipal>,
    pool: ReadonlySet<IndexedPrincipal> | null,
    action: string,
    resource: string,
    caller: RequestContext,
    want?: Want,
  ): Evaluated[] {
    const own: Evaluated[] = [];
    const asked = shared.excluded.size === 0 ? individually : individually.size === 0 ? shared.excluded : new Set([...shared.excluded, ...individually]);
    for (const p of asked) {
      if (p.external || (pool !== null && !pool.has(p)) || (want && want.seen.has(p.model.arn))) continue;
      this.evaluations++;
      const result = this.index.evaluateFor(p, action, resource, caller, this.index.resourceContext(resource));
      const e = { principal: p, result };
      if ((result.decision === 'ALLOWED' || result.conditional) && (!want || wanted(e, want))) own.push(e);
    }
    let kept = want ? prune(shared.entries, want) : shared.entries;
    if (individually.size > 0 && shared.resource !== resource) kept = kept.filter((e) => !individually.has(e.principal));
    const entries = shared.resource === resource ? kept : kept.map((e) => new ReexplainedEvaluated(this.index, e, action, resource, caller));
    if (own.length === 0) return entries;
    own.sort((a, b) => (a.principal.model.arn < b.principal.model.arn ? -1 : 1));
    const out: Evaluated[] = [];
    let k = 0;
    for (const e of entries) {
      if (!e.principal.external) while (k < own.length && own[k].principal.model.arn < e.principal.model.arn) out.push(own[k++]);
      else while (k < own.length) out.push(own[k++]);
      out.push(e);
    }
    while (k < own.length) out.push(own[k++]);
    return out;
  }
  private readonly byClass = new Map<string, SharedAnswer>();
  private readonly classes = new Map<string, { key: string; individually: ReadonlySet<IndexedPrincipal> } | null>();
  private classOf(action: string, resource: string, caller: RequestContext): { key: string; individually: ReadonlySet<IndexedPrincipal> } | null {
    const callerKey = caller.size === 0 ? '' : JSON.stringify([...caller]);
    const memo = `${action}\u0000${callerKey}\u0000${resource}`;
    let out = this.classes.get(memo);
    if (out === undefined) {
      // resourceClass's `individually` reads the principals' own keys: a caller setting one is not shared.
      const cls = [...caller.keys()].some((k) => isPrincipalContextKey(k.toLowerCase())) ? null : this.index.resourceClass(action, resource);
      out = cls === null ? null : { key: `${action}\u0000${callerKey}\u0000${cls.key}`, individually: cls.individually };
      this.classes.set(memo, out);
    }
    return out;
  }

  /**
   * Who, besides the administrators, can do an IAM action on a user, role or policy: only holders
   * of an identity Allow for it can (IAM has no resource-based policies but trust policies, which
   * apply to sts actions only — "Policy evaluation logic"), so when they are few each is asked
   * (evaluateFor); else the index's whoCan answers for all.
   */
  private whoCanIam(action: string, resource: string, caller: RequestContext = EMPTY, want?: Want): { principal: IndexedPrincipal; step: StepAction }[] {
    let holders = this.iamHolders.get(action);
    if (holders === undefined) {
      holders = [];
      for (const p of this.candidates(action)) if (!p.external && this.worthStepping(p)) holders.push(p);
      this.iamHolders.set(action, holders);
    }
    if (holders.length > FEW) return this.whoCan(action, resource, caller, want).filter((e) => this.worthStepping(e.principal));
    // As answers(): one evaluation per holder and class of resources, the class's `individually` per resource.
    const cls = this.classOf(action, resource, caller);
    let shared = cls === null ? undefined : this.fewByClass.get(cls.key);
    if (shared === undefined) {
      const entries: Evaluated[] = [];
      for (const p of holders) {
        if (cls !== null && cls.individually.has(p)) continue;
        this.evaluations++;
        const result = this.index.evaluateFor(p, action, resource, caller, this.index.resourceContext(resource));
        if (result.decision === 'ALLOWED' || result.conditional) entries.push({ principal: p, result });
      }
      shared = { resource, entries, excluded: cls?.individually ?? NOBODY };
      if (cls !== null) this.fewByClass.set(cls.key, shared);
    }
    return this.steps(action, resource, this.completed(shared, cls?.individually ?? NOBODY, new Set(holders), action, resource, caller, want));
  }
  private readonly fewByClass = new Map<string, SharedAnswer>();
  private readonly iamHolders = new Map<string, IndexedPrincipal[]>();

  private compile(id: string, name: string, document: string): CompiledPolicy | null {
    let c = this.compiled.get(id);
    if (c === undefined) {
      try {
        c = compilePolicy(parsePolicy(document, { lenient: true }).document, name);
      } catch {
        c = null;
      }
      this.compiled.set(id, c);
    }
    return c;
  }

  // ---------- edges into a role: sts:AssumeRole ----------

  /** Who can assume the role (trust policy and the caller's policies, by the engine), and which services its trust lets in. */
  assumeEdges(roleArn: string, want?: Want): AccessStep[] {
    let list = want ? undefined : this.assumeIn.get(roleArn);
    if (list) return list;
    list = [];
    const services: TrustedService[] = [];
    for (const e of this.answers('sts:AssumeRole', roleArn, EMPTY, want)) {
      if (e.principal.external) {
        // A service principal the trust policy names is evaluated by the engine as itself (external entries are conditional when not allowed).
        if (e.principal.external.type === 'SERVICE') services.push({ service: e.principal.external.arn, conditional: e.result.decision !== 'ALLOWED' });
        continue;
      }
      if (e.principal.model.arn === roleArn) continue;
      list.push(makeStep('ASSUME_ROLE', e.principal.model.arn, roleArn, null, [new LazyStepAction('sts:AssumeRole', roleArn, e)]));
    }
    // A search pass's list is its own (pruned); the services are all the trust policy's either way (outsiders are never pruned).
    if (!want) this.assumeIn.set(roleArn, list);
    this.services.set(roleArn, services);
    return list;
  }

  trustedServices(roleArn: string): TrustedService[] {
    let services = this.services.get(roleArn);
    if (services === undefined) {
      services = [];
      for (const e of this.answers('sts:AssumeRole', roleArn, EMPTY, { seen: EVERY_ARN, definiteOnly: false, memo: new Map() })) {
        if (e.principal.external?.type === 'SERVICE') services.push({ service: e.principal.external.arn, conditional: e.result.decision !== 'ALLOWED' });
      }
      this.services.set(roleArn, services);
    }
    return services;
  }

  /** Every ASSUME_ROLE edge out of each principal (computes every role's in-edges: cached). */
  private assumeOut: Map<string, AccessStep[]> | undefined;
  assumeEdgesFrom(arn: string): AccessStep[] {
    if (!this.assumeOut) {
      const out = new Map<string, AccessStep[]>();
      for (const p of this.index.principals) {
        if (p.external || p.model.type !== 'ROLE') continue;
        for (const e of this.assumeEdges(p.model.arn)) {
          const list = out.get(e.from);
          if (list) list.push(e);
          else out.set(e.from, [e]);
        }
      }
      this.assumeOut = out;
    }
    return this.assumeOut.get(arn) ?? [];
  }

  // ---------- edges into a principal: every other kind ----------

  /** Steps by which another principal becomes or acts as `arn` (besides sts:AssumeRole). */
  otherEdges(arn: string, want?: Want): AccessStep[] {
    let list = want ? undefined : this.otherIn.get(arn);
    if (list) return list;
    const q = this.principal(arn);
    list = [];
    if (q) {
      if (q.model.type === 'ROLE') {
        this.updateTrustEdges(q, list, want);
        this.passRoleEdges(q, list, want);
        this.workloadEdges(q, list, want);
      } else {
        this.credentialEdges(q, list, want);
      }
    }
    if (!want) this.otherIn.set(arn, list);
    return list;
  }

  /** iam:UpdateAssumeRolePolicy, then sts:AssumeRole under a trust policy naming the caller (iam-vulnerable privesc14). */
  private updateTrustEdges(q: IndexedPrincipal, out: AccessStep[], want?: Want): void {
    const cls = this.index.resourceClass('sts:AssumeRole', q.model.arn, true);
    for (const { principal: p, step } of this.whoCanIam('iam:UpdateAssumeRolePolicy', q.model.arn, EMPTY, want)) {
      if (p === q || !this.worthStepping(p)) continue;
      const trust = this.compile(
        `trust-for:${p.model.arn}`,
        `Trust policy written by ${p.model.name}`,
        JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: p.model.arn }, Action: 'sts:AssumeRole' }] }),
      )!;
      const assume = stepAction('sts:AssumeRole', q.model.arn, this.assumeUnder(p, q, trust, cls));
      if (assume) out.push(makeStep('UPDATE_TRUST', p.model.arn, q.model.arn, null, [step, assume]));
    }
  }

  /**
   * sts:AssumeRole of q by p under a trust policy p wrote: the same for every role of q's class
   * for sts:AssumeRole with the stored trust policy set aside (AccessIndex.resourceClass), unless
   * p holds a policy-variable Resource that may match q.
   */
  private readonly assumedUnder = new Map<string, EvaluationResult>();
  private assumeUnder(
    p: IndexedPrincipal,
    q: IndexedPrincipal,
    trust: CompiledPolicy,
    cls: { key: string; individually: ReadonlySet<IndexedPrincipal> } | null,
  ): EvaluationResult {
    const key = cls === null || cls.individually.has(p) ? null : `${p.model.arn}\u0000${cls.key}`;
    let r = key === null ? undefined : this.assumedUnder.get(key);
    if (r === undefined) {
      this.evaluations++;
      r = this.index.evaluateWith(p, 'sts:AssumeRole', q.model.arn, EMPTY, { resourcePolicy: trust });
      if (key !== null) this.assumedUnder.set(key, r);
    }
    return r;
  }

  /** iam:PassRole to a service the role trusts, plus the service's create/run actions. */
  private passRoleEdges(q: IndexedPrincipal, out: AccessStep[], want?: Want): void {
    const account = q.principal.accountId;
    for (const trusted of this.trustedServices(q.model.arn)) {
      const recipes = PASS_ROLE_RECIPES.filter((r) => r.service === trusted.service);
      if (recipes.length === 0) continue;
      const passers = this.whoCanIam('iam:PassRole', q.model.arn, callerContext([{ key: 'iam:PassedToService', values: [trusted.service] }]), want);
      for (const { principal: p, step: pass } of passers) {
        if (p === q || !this.worthStepping(p)) continue;
        for (const recipe of recipes) {
          if (recipe.needsInstanceProfile && !this.facts.instanceProfiles.has(q.model.arn)) continue;
          const actions: StepAction[] = [pass];
          for (const a of recipe.actions) {
            const r = this.askOnce(p, a.action, fill(a.resource, account));
            if (!r) break;
            actions.push(r);
          }
          if (actions.length !== recipe.actions.length + 1) continue;
          const step = makeStep('PASS_ROLE', p.model.arn, q.model.arn, trusted.service, actions);
          if (trusted.conditional) step.conditional = true;
          out.push(step);
          break;
        }
      }
    }
  }

  /** Existing compute running as the role: definite when imported, conditional when the account's state was not imported. */
  private workloadEdges(q: IndexedPrincipal, out: AccessStep[], want?: Want): void {
    const account = q.principal.accountId;
    const seen = new Set<string>();
    for (const w of this.workloadsByRole.get(q.model.arn) ?? []) {
      for (const actions of WORKLOAD_ACTIONS[w.kind]) {
        for (const { principal: p, step } of this.whoCan(actions[0], w.arn, EMPTY, want)) {
          if (p === q || !this.worthStepping(p) || seen.has(`${p.model.arn} ${w.arn}`)) continue;
          seen.add(`${p.model.arn} ${w.arn}`);
          out.push(makeStep('USE_WORKLOAD', p.model.arn, q.model.arn, w.arn, [step]));
        }
      }
    }
    const services = this.trustedServices(q.model.arn);
    for (const kind of Object.keys(WORKLOAD_ACTIONS) as WorkloadKind[]) {
      if (knows(this.workloads, account, WORKLOAD_SOURCE[kind])) continue;
      if (!services.some((s) => s.service === WORKLOAD_SERVICE[kind])) continue;
      if (kind === 'EC2_INSTANCE' && !this.facts.instanceProfiles.has(q.model.arn)) continue;
      const arn = anyWorkloadArn(kind, account);
      for (const actions of WORKLOAD_ACTIONS[kind]) {
        for (const { principal: p, step } of this.whoCanOnce(actions[0], arn, want)) {
          if (p === q || !this.worthStepping(p) || seen.has(`${p.model.arn} ${arn}`)) continue;
          seen.add(`${p.model.arn} ${arn}`);
          out.push(makeStep('USE_WORKLOAD', p.model.arn, q.model.arn, arn, [step], { missingState: [`${WORKLOAD_SOURCE[kind]} of ${account}`] }));
        }
      }
    }
  }

  /** iam:CreateAccessKey / CreateLoginProfile / UpdateLoginProfile on another user, per the credential report. */
  private credentialEdges(q: IndexedPrincipal, out: AccessStep[], want?: Want): void {
    const account = q.principal.accountId;
    const known = knows(this.workloads, account, 'CREDENTIAL_REPORT');
    const facts = this.workloads.credentials.get(q.model.arn);
    const missingState = known ? [] : [`CREDENTIAL_REPORT of ${account}`];
    const options: { action: string; possible: boolean }[] = [
      // IAM allows two access keys per user, inactive ones included ("IAM and AWS STS quotas").
      { action: 'iam:CreateAccessKey', possible: !known || (facts?.accessKeys ?? facts?.activeAccessKeys ?? 0) < 2 },
      // CreateLoginProfile fails for a user that has a password; UpdateLoginProfile needs one.
      { action: 'iam:CreateLoginProfile', possible: !known || !(facts?.passwordEnabled ?? false) },
      { action: 'iam:UpdateLoginProfile', possible: !known || (facts?.passwordEnabled ?? false) },
    ];
    const seen = new Set<IndexedPrincipal>();
    for (const o of options) {
      if (!o.possible) continue;
      for (const { principal: p, step } of this.whoCanIam(o.action, q.model.arn, EMPTY, want)) {
        if (p === q || seen.has(p) || !this.worthStepping(p)) continue;
        seen.add(p);
        out.push(makeStep('CREATE_CREDENTIALS', p.model.arn, q.model.arn, null, [step], { missingState }));
      }
    }
  }

  // ---------- self edges: the caller makes itself an administrator ----------

  /**
   * The steps by which the principal makes itself an administrator (policy changes, group
   * membership). `definiteGroups`: of the group joins, only those that make it an administrator
   * without conditions (for a conditional administrator, a target already, nothing else counts).
   */
  selfEdgesOf(p: IndexedPrincipal, definiteGroups = false): AccessStep[] {
    const cacheKey = definiteGroups ? `${p.model.arn}\u0000definite` : p.model.arn;
    let list = this.selfEdges.get(cacheKey);
    if (list) return list;
    list = [];
    const arn = p.model.arn;
    const isUser = p.model.type === 'USER';
    const has = (action: string) => this.candidates(action).has(p);
    const writes: { action: string; resource: string; context?: RequestContext }[] = [];
    const adminArn = callerContext([{ key: 'iam:PolicyARN', values: [ADMINISTRATOR_ACCESS_ARN] }]);
    if (isUser) {
      writes.push({ action: 'iam:PutUserPolicy', resource: arn }, { action: 'iam:AttachUserPolicy', resource: arn, context: adminArn });
      for (const g of this.groupsOf.get(arn) ?? []) {
        writes.push({ action: 'iam:PutGroupPolicy', resource: g.arn }, { action: 'iam:AttachGroupPolicy', resource: g.arn, context: adminArn });
      }
    } else {
      writes.push({ action: 'iam:PutRolePolicy', resource: arn }, { action: 'iam:AttachRolePolicy', resource: arn, context: adminArn });
    }
    for (const m of this.policiesOf.get(arn) ?? []) writes.push({ action: 'iam:CreatePolicyVersion', resource: m });
    const possible = writes.filter((w) => has(w.action));
    const setDefault = has('iam:SetDefaultPolicyVersion') ? (this.policiesOf.get(arn) ?? []) : [];
    const mine = new Set(this.groupsOf.get(arn));
    const join = isUser && has('iam:AddUserToGroup') ? (this.groupsByAccount.get(p.principal.accountId) ?? []).filter((g) => !mine.has(g)) : [];
    if (possible.length === 0 && setDefault.length === 0 && join.length === 0) {
      this.selfEdges.set(cacheKey, list);
      return list;
    }
    // The writes allowed first (cheap), then whether the principal, so written, is an administrator.
    const allowed: { w: (typeof possible)[number]; r: StepAction }[] = [];
    for (const w of possible) {
      const r = this.ask(p, w.action, w.resource, w.context);
      if (r) allowed.push({ w, r });
    }
    if (allowed.length > 0 && this.verdictAsAdmin(p) !== 'NO') {
      const conditionalAdmin = this.verdictAsAdmin(p) === 'CONDITIONAL';
      for (const { w, r } of allowed) {
        const step = makeStep('MODIFY_POLICY', arn, arn, w.resource, [r], { empowers: true });
        if (conditionalAdmin) step.conditional = true;
        list.push(step);
      }
    }
    for (const m of setDefault) {
      const policy = this.facts.managedPolicies.get(m)!;
      for (const v of policy.versions) {
        if (v.isDefault) continue;
        const r = this.ask(p, 'iam:SetDefaultPolicyVersion', m);
        if (!r) break;
        const replaced = this.identityWith(p, (id) => id.startsWith(`${m}@`), [
          { id: `${m}@${v.versionId}`, name: `${policy.name} (${v.versionId})`, document: v.document },
        ]);
        const verdict = replaced ? this.verdictWith(p, replaced) : 'NO';
        if (verdict === 'NO') continue;
        const step = makeStep('MODIFY_POLICY', arn, arn, `${m} (version ${v.versionId})`, [r], { empowers: true });
        if (verdict === 'CONDITIONAL') step.conditional = true;
        list.push(step);
        break;
      }
    }
    const lacking = join.length > 0 ? this.probesLacking(p, definiteGroups) : 0;
    for (const g of join) {
      if (g.policies.length === 0) continue;
      // Joining adds Allows and never removes a Deny ("Policy evaluation logic"): a group with no
      // Allow for a probe the principal lacks cannot make it an administrator.
      if (lacking === null || (this.groupProbes(g) & lacking) !== lacking) continue;
      const r = this.askByClass(p, 'iam:AddUserToGroup', g.arn);
      if (!r || (definiteGroups && r.conditional)) continue;
      const added = this.identityWith(p, () => false, g.policies);
      const verdict = added ? this.verdictWith(p, added) : 'NO';
      if (verdict === 'NO' || (definiteGroups && verdict !== 'ADMIN')) continue;
      const step = makeStep('ADD_TO_GROUP', arn, arn, g.arn, [r], { empowers: true });
      if (verdict === 'CONDITIONAL') step.conditional = true;
      list.push(step);
    }
    // Cached only once complete: a question stopped by its deadline leaves no partial list.
    this.selfEdges.set(cacheKey, list);
    return list;
  }

  /**
   * The administrator probes the principal is refused outright (neither allowed nor conditionally
   * allowed; with `conditionalToo`, not allowed), as a bit mask over ADMINISTRATOR_PROBES; null
   * when one is refused by an explicit Deny, which no added Allow overrides ("Policy evaluation
   * logic": an explicit deny in any policy overrides any allow).
   */
  private readonly lackingProbes = new Map<string, number | null>();
  private probesLacking(p: IndexedPrincipal, conditionalToo: boolean): number | null {
    const key = `${p.model.arn}\u0000${conditionalToo}`;
    let lacking = this.lackingProbes.get(key);
    if (lacking !== undefined) return lacking;
    lacking = 0;
    for (let i = 0; i < ADMINISTRATOR_PROBES.length; i++) {
      const probe = ADMINISTRATOR_PROBES[i];
      const resource = probe.resource.replace('{account}', p.principal.accountId);
      this.evaluations++;
      const r = this.index.evaluateFor(p, probe.action, resource, EMPTY, this.index.resourceContext(resource));
      if (r.decision === 'ALLOWED') continue;
      if (r.conditional) {
        // Allowed only under conditions: to be allowed outright, the group must allow it.
        if (conditionalToo) lacking |= 1 << i;
        continue;
      }
      if (r.decision === 'EXPLICIT_DENY') {
        lacking = null;
        break;
      }
      lacking |= 1 << i;
    }
    this.lackingProbes.set(key, lacking);
    return lacking;
  }

  /** The probes (bit mask) for whose action one of the group's policies has an Allow statement: a necessary condition for the group to grant it. */
  private readonly groupProbeMasks = new Map<string, number>();
  private groupProbes(g: PathGroup): number {
    let mask = this.groupProbeMasks.get(g.arn);
    if (mask === undefined) {
      mask = 0;
      const compiled = g.policies.map((m) => this.compile(m.id, m.name, m.document));
      for (let i = 0; i < ADMINISTRATOR_PROBES.length; i++) {
        const lower = ADMINISTRATOR_PROBES[i].action.toLowerCase();
        const service = lower.slice(0, lower.indexOf(':'));
        if (compiled.some((c) => c !== null && statementsFor(c, service).some((st) => st.effect === 'Allow' && actionMatches(st, lower)))) mask |= 1 << i;
      }
      this.groupProbeMasks.set(g.arn, mask);
    }
    return mask;
  }

  /** The principal's identity policies with some removed (by model id) and others added, compiled. */
  private identityWith(p: IndexedPrincipal, drop: (id: string) => boolean, add: { id: string; name: string; document: string }[]): CompiledPolicy[] | null {
    const out: CompiledPolicy[] = [];
    for (const m of p.model.policies) {
      if (drop(m.id)) continue;
      const c = this.compile(m.id, m.name, m.document);
      if (c) out.push(c);
    }
    for (const a of add) {
      const c = this.compile(a.id, a.name, a.document);
      if (!c) return null;
      out.push(c);
    }
    return out;
  }

  /** Principals that may have a self edge: those holding an Allow for one of its actions (the rest cannot). */
  selfEdgeCandidates(): IndexedPrincipal[] {
    const set = new Set<IndexedPrincipal>();
    for (const a of [
      'iam:PutUserPolicy',
      'iam:AttachUserPolicy',
      'iam:PutGroupPolicy',
      'iam:AttachGroupPolicy',
      'iam:PutRolePolicy',
      'iam:AttachRolePolicy',
      'iam:CreatePolicyVersion',
      'iam:SetDefaultPolicyVersion',
      'iam:AddUserToGroup',
    ]) {
      for (const p of this.candidates(a)) if (!p.external) set.add(p);
    }
    return this.index.principals.filter((p) => set.has(p));
  }
}
