/**
 * The compiled access index: everything whoCan / whatCan / simulatePrincipalPolicy need, built
 * once from an AccessModel (after each import) and then only read.
 *
 * whoCan gives exactly the answer of evaluating every principal with engine/evaluate.ts
 * (`bruteForce` does that, and test/access/index-vs-brute-force.test.ts compares the two), but it
 * evaluates each STATEMENT once per question rather than once per principal:
 *
 *  1. Candidates. Within an account, a request is allowed only if an identity policy has an Allow
 *     statement matching the action ("Policy evaluation logic": without a resource-based policy an
 *     identity-based allow is required; the store holds no resource-based policies, SCPs or
 *     session policies). Per action (cached): the principals holding such a policy, and every
 *     statement (any effect) whose Action matches, by policy.
 *  2. Relevant statements. The evaluator ignores a statement whose Action or Resource does not
 *     match: "does not apply", no missing key kept (engine/statement.ts, evaluateStatement). Per
 *     question, the statements whose Resource may match the resource are found once.
 *  3. Outcomes. A relevant statement's outcome — the evaluator's APPLIES / POSSIBLE / CERTAIN flags
 *     and the missing keys it records — depends on the request context only. The context differs
 *     between principals only in the keys stored-context.ts adds (aws:PrincipalArn, aws:username,
 *     aws:PrincipalTag/…), so a statement's outcome is computed once per distinct value of the
 *     principal keys it reads (condition keys, policy variables): once for all principals when it
 *     reads none, once per team when it reads ${aws:PrincipalTag/team}. Statements whose
 *     Resource and Condition are written alike (copied between policies) share their outcomes.
 *     Only the answer's page is turned into EvaluationResults (LazyEvaluated).
 *  4. Decision. Per principal, the outcomes of its relevant statements (identity policies in
 *     order, then its boundary) are combined exactly as evaluate() combines them for an identity
 *     layer and a boundary (evaluateLayer / evaluate): explicit deny, then identity ∧ boundary
 *     allow, else implicit deny; `conditional` from POSSIBLE allows and CERTAIN denies.
 *     Principals evaluate() would treat specially (the account root) take the evaluator itself.
 */
import { parsePolicy } from '../policy/parse.js';
import type { PolicyDocument } from '../policy/types.js';
import { compilePolicy, statementsFor, type CompiledPolicy, type CompiledStatement } from '../engine/compile.js';
import { distinctKeys, evaluate, prepareRequest, type PolicySet } from '../engine/evaluate.js';
import { evaluateStatement, APPLIES, CERTAIN, POSSIBLE, type PreparedRequest } from '../engine/statement.js';
import { matchArnPattern, prepareArn, type ArnPattern, type PreparedArn } from '../engine/arn.js';
import { NO_MATCH } from '../engine/principal.js';
import { MissingKeys, TRUE } from '../engine/tri.js';
import type { Template } from '../engine/template.js';
import type { ContextValue, Decision, EvaluationResult, MatchedStatement, RequestContext, RequestPrincipal } from '../engine/types.js';
import type { AccountModel, ModelPrincipal } from '../store/account-model.js';
import { LRUCache } from 'lru-cache';
import { isPrincipalContextKey, mergeContext, requestPrincipal, storedPrincipalContext, storedResourceContext } from './stored-context.js';

export interface IndexedPrincipal {
  model: ModelPrincipal;
  principal: RequestPrincipal;
  policies: PolicySet;
  context: RequestContext;
}

export interface Evaluated {
  principal: IndexedPrincipal;
  result: EvaluationResult;
}

export interface AskOptions {
  includeConditional?: boolean;
  /** Evaluate every principal (no candidate filter): the reference the index must agree with. */
  bruteForce?: boolean;
  /** Called now and then; throws to abandon the question (time budget). */
  checkpoint?: () => void;
}

const EMPTY_CONTEXT: RequestContext = new Map();
const EMPTY_DOCUMENT = { statements: [], position: { line: 1, column: 1, offset: 0 } };

/**
 * Per action: the candidates, and every statement whose Action matches, grouped by policy (policy
 * numbers ascending; within a policy, in the order evaluate() visits them), in flat arrays.
 */
interface ActionPlan {
  /** Indexes into `principals`, ascending (ARN order). */
  candidates: Int32Array;
  statements: CompiledStatement[];
  /** Policy number of each statement. */
  policyOf: Int32Array;
  /** Statement i's Resource / NotResource entries: patternIds[patternStart[i] .. patternStart[i + 1]). */
  patternStart: Int32Array;
  patternIds: Int32Array;
  /** The principal keys (lower case) each statement reads. */
  keys: string[][];
  /** Per statement: 1 when it has no Resource/NotResource element, 2 NotResource, 0 Resource. */
  resourceKind: Uint8Array;
  /** Per statement: its outcome id (statementOutcomeIds). */
  outcomeId: Int32Array;
  /** Per statement: 1 for Deny. */
  deny: Uint8Array;
  /** Per statement: its entry of matchedStatements. */
  matched: MatchedStatement[];
}

/** What evaluateStatement says about one statement for one request context. */
interface Outcome {
  flags: number;
  /** The missing keys it recorded, in order (null: none). */
  missing: string[] | null;
}

/** Bytes each per-action cache (candidates, plans) may hold; least recently asked actions go first. */
export const ACTION_CACHE_BYTES = 32 * 1024 * 1024;

/** Approximate bytes of a plan: its typed arrays, and a pointer per statement, key list and match. */
function planBytes(plan: ActionPlan): number {
  let keys = 0;
  for (const k of plan.keys) keys += 8 + 8 * k.length;
  return 256 + plan.candidates.byteLength + plan.policyOf.byteLength + plan.patternStart.byteLength + plan.patternIds.byteLength
    + plan.resourceKind.byteLength + plan.outcomeId.byteLength + plan.deny.byteLength + 16 * plan.statements.length + keys;
}
const INCLUDED = Symbol('included');

/** An answer entry whose EvaluationResult is built on first read. */
class LazyEvaluated implements Evaluated {
  private built: EvaluationResult | undefined;
  constructor(
    readonly principal: IndexedPrincipal,
    private readonly position: number,
    private readonly combine: (i: number, full: boolean) => EvaluationResult | typeof INCLUDED | null,
  ) {}
  get result(): EvaluationResult {
    return (this.built ??= this.combine(this.position, true) as EvaluationResult);
  }
}
const NO_KEYS = new Int32Array(0);
const NO_OWNER = -2;

export class AccessIndex {
  /** Principals in ARN order (the order answers are given in). */
  readonly principals: IndexedPrincipal[];
  private readonly byArn = new Map<string, IndexedPrincipal>();
  private readonly resourceContexts = new Map<string, RequestContext>();
  /** Distinct compiled identity policies, and who holds each. */
  private readonly holders = new Map<CompiledPolicy, IndexedPrincipal[]>();
  /**
   * action (lower case) → principals holding an Allow statement that matches it. Bounded in bytes
   * (a list of 15,000 principals is 120 kB; the catalog has ~18,000 actions).
   */
  private readonly candidatesByAction = new LRUCache<string, IndexedPrincipal[]>({
    maxSize: ACTION_CACHE_BYTES, sizeCalculation: (list, key) => 8 * list.length + 2 * key.length + 64,
  });
  /** Every distinct compiled policy (identity policies and boundaries), by number. */
  private readonly policyList: CompiledPolicy[] = [];
  private readonly policyNumbers = new Map<CompiledPolicy, number>();
  // Principals as flat arrays, by position in `principals`: their identity policies' numbers
  // (policyNumbersOf[policyStart[i] .. policyStart[i + 1])), boundary number (-1: none), account
  // (interned), and whether evaluate() would treat them as an account root.
  private readonly policyStart: Int32Array;
  private readonly policyNumbersOf: Int32Array;
  private readonly boundaryOf: Int32Array;
  private readonly accountOf: Int32Array;
  private readonly rootLike: Uint8Array;
  private readonly accounts = new Map<string, number>();
  private readonly keyIndex = new Map<string, number>();
  private readonly keyNumbersCache = new Map<string[], Int32Array>();
  private readonly keyCount: number;
  private readonly valueIds: Int32Array;
  private readonly positions = new Map<IndexedPrincipal, number>();
  private readonly plans = new LRUCache<string, ActionPlan>({ maxSize: ACTION_CACHE_BYTES, sizeCalculation: planBytes });
  /** Statement → the principal keys it reads (lower case). */
  private readonly statementKeys = new Map<CompiledStatement, string[]>();
  /** Distinct Resource / NotResource entries (text, and whether variables are on): each is matched once per question. */
  private readonly patternIds = new Map<string, number>();
  private readonly patterns: ArnPattern[] = [];
  /** Statement → ids of its Resource / NotResource entries, in order. */
  private readonly statementPatterns = new Map<CompiledStatement, Int32Array>();
  /**
   * Statement → the id of its Resource / NotResource and Condition as written: statements with
   * the same id have the same outcome for any request their Actions match (evaluateStatement reads
   * nothing else), so one outcome per question serves them all.
   */
  private readonly statementOutcomeIds = new Map<CompiledStatement, number>();
  private readonly outcomeIdsByText = new Map<string, number>();
  private outcomeIdCount = 0;
  readonly problems: string[] = [];

  constructor(model: AccountModel) {
    const compiled = new Map<string, CompiledPolicy | null>();
    const compile = (p: { id?: string; name: string; document: string | null }): CompiledPolicy | null => {
      const id = p.id ?? `?${p.name}`;
      let c = compiled.get(id);
      if (c === undefined) {
        if (p.document === null) {
          // Known only by ARN: its content is unknown, so it can be shown to grant nothing.
          this.problems.push(`${p.name}: not imported; treated as allowing nothing`);
          c = compilePolicy(EMPTY_DOCUMENT, p.name);
        } else {
          try {
            const document = parsePolicy(p.document, { lenient: true }).document;
            c = compilePolicy(document, p.name);
            this.internResources(c, document);
          } catch (e) {
            this.problems.push(`${p.name}: ${(e as Error).message}`);
            c = null;
          }
        }
        compiled.set(id, c);
      }
      return c;
    };
    const n = model.principals.length;
    this.policyStart = new Int32Array(n + 1);
    this.boundaryOf = new Int32Array(n);
    this.accountOf = new Int32Array(n);
    this.rootLike = new Uint8Array(n);
    const numbers: number[] = [];
    // The store gives principals in ARN order (byte order, as SQLite compares text).
    this.principals = model.principals.map((m, i) => {
      const identityPolicies = uniqueCompiled(m.policies.map(compile));
      // A boundary that cannot be read allows nothing: the principal keeps no permissions.
      const boundary = m.permissionsBoundary ? (compile(m.permissionsBoundary) ?? compilePolicy(EMPTY_DOCUMENT, m.permissionsBoundary.name)) : undefined;
      const principal = requestPrincipal(m);
      const indexed: IndexedPrincipal = {
        model: m,
        principal,
        policies: { identityPolicies, permissionsBoundaries: boundary ? [boundary] : undefined },
        context: storedPrincipalContext(m),
      };
      this.policyStart[i] = numbers.length;
      for (const p of identityPolicies) {
        numbers.push(this.numberOf(p));
        const list = this.holders.get(p);
        if (list) list.push(indexed);
        else this.holders.set(p, [indexed]);
      }
      this.boundaryOf[i] = boundary ? this.numberOf(boundary) : -1;
      this.accountOf[i] = this.accountNumber(principal.accountId);
      // evaluate(): principal.type === 'Root', or an iam ARN ending in ':root'.
      this.rootLike[i] = principal.type === 'Root' || (principal.arn.endsWith(':root') && principal.arn.includes(':iam::')) ? 1 : 0;
      this.byArn.set(m.arn, indexed);
      this.positions.set(indexed, i);
      return indexed;
    });
    this.policyStart[n] = numbers.length;
    this.policyNumbersOf = Int32Array.from(numbers);
    // Principal keys and their values as small numbers: principal i's value of key k is
    // valueIds[i * keyCount + k] (0: absent), equal exactly when the stored values are.
    for (const p of this.principals) for (const key of p.context.keys()) if (!this.keyIndex.has(key)) this.keyIndex.set(key, this.keyIndex.size);
    this.keyCount = this.keyIndex.size;
    this.valueIds = new Int32Array(n * this.keyCount);
    const valueNumbers = new Map<string, number>();
    this.principals.forEach((p, i) => {
      for (const [key, v] of p.context) {
        const text = `${key}\u0001${v.type}\u0001${v.values.join('\u0000')}`;
        let id = valueNumbers.get(text);
        if (id === undefined) valueNumbers.set(text, (id = valueNumbers.size + 1));
        this.valueIds[i * this.keyCount + this.keyIndex.get(key)!] = id;
      }
    });
    for (const r of model.resources) this.resourceContexts.set(r.arn, storedResourceContext(r.tags));
  }

  private numberOf(policy: CompiledPolicy): number {
    let n = this.policyNumbers.get(policy);
    if (n === undefined) {
      n = this.policyList.length;
      this.policyList.push(policy);
      this.policyNumbers.set(policy, n);
    }
    return n;
  }

  private accountNumber(account: string): number {
    let n = this.accounts.get(account);
    if (n === undefined) {
      n = this.accounts.size;
      this.accounts.set(account, n);
    }
    return n;
  }

  private patternId(key: string, pattern: ArnPattern): number {
    let id = this.patternIds.get(key);
    if (id === undefined) {
      id = this.patterns.length;
      this.patterns.push(pattern);
      this.patternIds.set(key, id);
    }
    return id;
  }

  /**
   * Records the Resource / NotResource texts of each compiled statement, so that equal entries of
   * different statements are matched once. compilePolicy keeps the document's statements that
   * have an Effect of Allow or Deny and an Action or NotAction, in order; positions confirm the
   * pairing (a statement that cannot be paired keeps its own compiled entries: see patternIdsOf).
   */
  private internResources(policy: CompiledPolicy, document: PolicyDocument): void {
    const kept = document.statements.filter((st) => (st.effect === 'Allow' || st.effect === 'Deny') && (st.action ?? st.notAction));
    if (kept.length !== policy.statements.length) return;
    const variables = document.version === '2012-10-17';
    for (let i = 0; i < kept.length; i++) {
      const source = kept[i];
      const st = policy.statements[i];
      const texts = source.resource ?? source.notResource;
      if (st.matched.line !== source.position.line || st.matched.column !== source.position.column) continue;
      if (!texts || st.resources === null || texts.length !== st.resources.length) continue;
      this.statementPatterns.set(st, Int32Array.from(texts, (text, k) => this.patternId(`${variables ? 'v' : 'n'}${text}`, st.resources![k])));
      if (st.conditions.length !== source.conditions.length) continue;
      const text = JSON.stringify([variables, source.resource ? 'R' : 'NR', texts, source.conditions.map((c) => [c.operator, c.key, c.values, c.valueTypes ?? null])]);
      let id = this.outcomeIdsByText.get(text);
      if (id === undefined) this.outcomeIdsByText.set(text, (id = this.outcomeIdCount++));
      this.statementOutcomeIds.set(st, id);
    }
  }

  private outcomeIdOf(st: CompiledStatement): number {
    let id = this.statementOutcomeIds.get(st);
    if (id === undefined) this.statementOutcomeIds.set(st, (id = this.outcomeIdCount++));
    return id;
  }

  private patternIdsOf(st: CompiledStatement): Int32Array {
    let ids = this.statementPatterns.get(st);
    if (ids === undefined) {
      ids = Int32Array.from(st.resources ?? [], (p) => this.patternId(`#${this.patterns.length}`, p));
      this.statementPatterns.set(st, ids);
    }
    return ids;
  }

  principal(arn: string): IndexedPrincipal | undefined {
    return this.byArn.get(arn);
  }

  resourceContext(arn: string): RequestContext {
    return this.resourceContexts.get(arn) ?? EMPTY_CONTEXT;
  }

  hasResource(arn: string): boolean {
    return this.resourceContexts.has(arn);
  }

  /** Principals that hold an Allow statement for `action`, in ARN order. */
  candidatesFor(action: string): IndexedPrincipal[] {
    const lower = action.toLowerCase();
    let list = this.candidatesByAction.get(lower);
    if (list) return list;
    const service = lower.slice(0, Math.max(0, lower.indexOf(':')));
    const chosen = new Set<IndexedPrincipal>();
    for (const [policy, holders] of this.holders) {
      if (!allowsAction(policy, service, lower)) continue;
      for (const h of holders) chosen.add(h);
    }
    list = this.principals.filter((p) => chosen.has(p));
    this.candidatesByAction.set(lower, list);
    return list;
  }

  /** Evaluates one principal's request with the stored context merged under the caller's. */
  evaluateFor(p: IndexedPrincipal, action: string, resource: string, caller: RequestContext, resourceContext: RequestContext): EvaluationResult {
    const context = mergeContext(caller, p.context, resourceContext);
    return evaluate({ principal: p.principal, action, resource, context }, p.policies);
  }

  /** Who is allowed (or, with includeConditional, could be) to do `action` on `resource`. */
  whoCan(action: string, resource: string, caller: RequestContext, resourceContext: RequestContext, options: AskOptions = {}): Evaluated[] {
    if (options.bruteForce) return this.whoCanBruteForce(action, resource, caller, resourceContext, options);
    const plan = this.planFor(action);
    if (plan.candidates.length === 0) return [];
    const arn = prepareArn(resource);
    const includeConditional = options.includeConditional === true;

    // 2. The relevant statements, flat; those of policy n are relevant[relStart[n] - 1 .. relEnd[n]).
    const relStart = new Int32Array(this.policyList.length);
    const relEnd = new Int32Array(this.policyList.length);
    const relStatement: CompiledStatement[] = [];
    const relMatched: MatchedStatement[] = [];
    const relDeny: boolean[] = [];
    /** The principal keys each statement reads, as key numbers (-1: no principal has it, or the caller gives it). */
    const relKeys: Int32Array[] = [];
    /** The outcome for everybody (statements reading no principal key), else null. */
    const relSingle: (Outcome | null)[] = [];
    /** Outcome ids of the relevant statements. */
    const relOutcomeId: number[] = [];
    /** By outcome id: the outcome for everybody, or outcomes by the principal's values of the keys read. */
    const single: (Outcome | undefined)[] = new Array(this.outcomeIdCount);
    const byValues: (Map<number | string, Outcome> | undefined)[] = new Array(this.outcomeIdCount);
    const memo = new Int8Array(this.patterns.length);
    // The request as the evaluator prepares it. The principal and hasBoundary matter only to
    // resource-policy statements (Principal / NotPrincipal), never to identity statements.
    const base = prepareRequest({ action, resource, context: new LayeredContext(caller, EMPTY_CONTEXT, resourceContext) }, false);
    const { statements, policyOf, patternStart, patternIds, keys, resourceKind, outcomeId, deny, matched: planMatched } = plan;
    for (let j = 0; j < statements.length; j++) {
      if ((j & 4095) === 4095) options.checkpoint?.();
      // A statement without Resource is ignored in identity policies (engine/statement.ts).
      if (resourceKind[j] === 1) continue;
      let anyTrue = false;
      let anyVariable = false;
      for (let k = patternStart[j]; k < patternStart[j + 1]; k++) {
        const id = patternIds[k];
        let m = memo[id];
        if (m === 0) memo[id] = m = matchPattern(this.patterns[id], arn);
        if (m === PATTERN_TRUE) anyTrue = true;
        else if (m === PATTERN_VARIABLE) anyVariable = true;
      }
      if (!relevant(resourceKind[j] === 2, anyTrue, anyVariable)) continue;
      const n = policyOf[j];
      if (relStart[n] === 0) relStart[n] = relStatement.length + 1;
      relEnd[n] = relStatement.length + 1;
      relStatement.push(statements[j]);
      relMatched.push(planMatched[j]);
      relDeny.push(deny[j] === 1);
      relKeys.push(this.keyNumbers(keys[j], caller));
      // 3. A statement that reads no principal key has one outcome for everybody.
      const id = outcomeId[j];
      relSingle.push(keys[j].length === 0 ? (single[id] ??= outcomeOf(statements[j], base)) : null);
      relOutcomeId.push(id);
    }

    // 3. Outcomes of statements that read principal keys, on first need: the first principal with
    // given values of those keys stands for every principal with the same values.
    let lastPrepared: { i: number; req: PreparedRequest } | undefined;
    const { keyCount, valueIds, principals } = this;
    const outcomeFor = (r: number, i: number): Outcome => {
      const ks = relKeys[r];
      const row = i * keyCount;
      let key: number | string;
      if (ks.length === 1) key = ks[0] < 0 ? 0 : valueIds[row + ks[0]];
      else {
        key = '';
        for (let k = 0; k < ks.length; k++) key += `${ks[k] < 0 ? 0 : valueIds[row + ks[k]]},`;
      }
      const outcomes = (byValues[relOutcomeId[r]] ??= new Map());
      let o = outcomes.get(key);
      if (o === undefined) {
        if (lastPrepared?.i !== i) lastPrepared = { i, req: { ...base, context: new LayeredContext(caller, principals[i].context, resourceContext) } };
        o = outcomeOf(relStatement[r], lastPrepared.req);
        outcomes.set(key, o);
      }
      return o;
    };

    // 4. Each candidate's decision, combined as evaluate() combines an identity layer and a
    // boundary (no SCPs, no resource-based policy). `full` false only decides whether the
    // principal is in the answer (nothing allocated); its EvaluationResult is built when read —
    // a page of the answer, not all of it.
    const { policyStart, policyNumbersOf, boundaryOf } = this;
    /** Tallies relevant statements [from, to) of one layer for principal i into `t`. */
    const tally = (t: LayerTally, from: number, to: number, i: number, full: boolean): void => {
      for (let r = from; r < to; r++) {
        const o = relSingle[r] ?? outcomeFor(r, i);
        if (o.missing !== null) {
          t.anyMissing = true;
          if (full) for (const k of o.missing) (t.missing ??= []).push(k);
        }
        const f = o.flags;
        if (f === 0) continue;
        if (relDeny[r]) {
          if (f & APPLIES) {
            t.deny = true;
            if (full) (t.denies ??= []).push(relMatched[r]);
          }
          if (f & CERTAIN) t.certainDeny = true;
        } else {
          if (f & APPLIES) {
            t.allow = true;
            if (full) (t.allows ??= []).push(relMatched[r]);
          }
          if (full && f & (APPLIES | POSSIBLE)) (t.candidates ??= []).push(relMatched[r]);
          if (f & POSSIBLE) t.possible = true;
        }
      }
    };
    const id = new LayerTally();
    const bound = new LayerTally();
    const combine = (i: number, full: boolean): EvaluationResult | typeof INCLUDED | null => {
      id.reset();
      bound.reset();
      for (let k = policyStart[i]; k < policyStart[i + 1]; k++) {
        const n = policyNumbersOf[k];
        if (relStart[n] !== 0) tally(id, relStart[n] - 1, relEnd[n], i, full);
      }
      // Without an identity Allow that applies or may apply: implicitly denied, not conditional.
      if (!id.allow && !id.possible) return null;
      const b = boundaryOf[i];
      if (b >= 0 && relStart[b] !== 0) tally(bound, relStart[b] - 1, relEnd[b], i, full);
      // evaluate()'s possiblyAllowed: allowed for some values of the missing keys.
      const possibly = (id.anyMissing || bound.anyMissing) && !id.certainDeny && !bound.certainDeny && id.possible && (b < 0 || bound.possible);
      let decision: Decision | null = null;
      if (id.deny || bound.deny) decision = includeConditional && possibly ? 'EXPLICIT_DENY' : null;
      else if (id.allow && (b < 0 || bound.allow)) decision = 'ALLOWED';
      else if (includeConditional && possibly) decision = 'IMPLICIT_DENY';
      if (decision === null) return null;
      if (!full) return INCLUDED;
      const missingContextKeys = distinctKeys(matched(id.missing, bound.missing));
      if (decision === 'EXPLICIT_DENY') return { decision, matchedStatements: matched(id.denies, bound.denies), missingContextKeys, conditional: true };
      if (decision === 'ALLOWED') return { decision, matchedStatements: matched(id.allows, bound.allows), missingContextKeys, conditional: false };
      return {
        decision, matchedStatements: matched(id.allows, bound.allows), missingContextKeys, conditional: true,
        conditionalStatements: matched(id.candidates, bound.candidates),
      };
    };

    const ownerAccount = arn.parts !== null && arn.parts[4] ? arn.parts[4] : undefined;
    const owner = ownerAccount === undefined ? NO_OWNER : this.accounts.get(ownerAccount) ?? -1;
    const { accountOf, rootLike } = this;
    const candidates = plan.candidates;
    const out: Evaluated[] = [];
    for (let c = 0; c < candidates.length; c++) {
      if ((c & 1023) === 1023) options.checkpoint?.();
      const i = candidates[c];
      if (rootLike[i] === 1) {
        const p = principals[i];
        const result = this.evaluateFor(p, action, resource, caller, resourceContext);
        if (result.decision === 'ALLOWED' || (includeConditional && result.conditional)) out.push({ principal: p, result });
        continue;
      }
      // Another account's resource and no resource-based policy: neither allowed nor possibly allowed.
      if (owner !== NO_OWNER && owner !== accountOf[i]) continue;
      if (combine(i, false) !== null) out.push(new LazyEvaluated(principals[i], i, combine));
    }
    return out;
  }

  /** Every principal, every policy, the evaluator itself: the reference answer. */
  private whoCanBruteForce(action: string, resource: string, caller: RequestContext, resourceContext: RequestContext, options: AskOptions): Evaluated[] {
    const out: Evaluated[] = [];
    const candidates = this.principals;
    for (let i = 0; i < candidates.length; i++) {
      if ((i & 1023) === 1023) options.checkpoint?.();
      const p = candidates[i];
      const result = this.evaluateFor(p, action, resource, caller, resourceContext);
      if (result.decision === 'ALLOWED' || (options.includeConditional && result.conditional)) out.push({ principal: p, result });
    }
    return out;
  }

  /** The action's candidates and action-matching statements (cached per action). */
  private planFor(action: string): ActionPlan {
    const lower = action.toLowerCase();
    let plan = this.plans.get(lower);
    if (plan) return plan;
    const colon = lower.indexOf(':');
    const service = colon < 0 ? lower : lower.slice(0, colon);
    const candidates = Int32Array.from(this.candidatesFor(action), (p) => this.positions.get(p)!);
    const statements: CompiledStatement[] = [];
    const policyOf: number[] = [];
    const patternStart: number[] = [0];
    const patternIds: number[] = [];
    const keys: string[][] = [];
    const resourceKind: number[] = [];
    const outcomeId: number[] = [];
    const deny: number[] = [];
    const matchedList: MatchedStatement[] = [];
    if (candidates.length) {
      for (let number = 0; number < this.policyList.length; number++) {
        // statementsFor: the statements evaluate() looks at for this service, in document order.
        for (const st of statementsFor(this.policyList[number], service)) {
          if (!actionMatches(st, lower)) continue;
          statements.push(st);
          policyOf.push(number);
          for (const id of this.patternIdsOf(st)) patternIds.push(id);
          patternStart.push(patternIds.length);
          keys.push(this.keysRead(st));
          resourceKind.push(st.resources === null ? 1 : st.notResource ? 2 : 0);
          outcomeId.push(this.outcomeIdOf(st));
          deny.push(st.effect === 'Deny' ? 1 : 0);
          matchedList.push(st.matched);
        }
      }
    }
    plan = {
      candidates, statements, keys, resourceKind: Uint8Array.from(resourceKind), outcomeId: Int32Array.from(outcomeId),
      deny: Uint8Array.from(deny), matched: matchedList,
      policyOf: Int32Array.from(policyOf), patternStart: Int32Array.from(patternStart), patternIds: Int32Array.from(patternIds),
    };
    this.plans.set(lower, plan);
    return plan;
  }

  /** Key numbers of `keys`; -1 for one no principal has or the caller supplies (its value is then the same for all). */
  private keyNumbers(keys: string[], caller: RequestContext): Int32Array {
    if (keys.length === 0) return NO_KEYS;
    if (caller.size === 0) {
      let cached = this.keyNumbersCache.get(keys);
      if (cached === undefined) this.keyNumbersCache.set(keys, (cached = Int32Array.from(keys, (k) => this.keyIndex.get(k) ?? -1)));
      return cached;
    }
    return Int32Array.from(keys, (k) => (caller.has(k) ? -1 : this.keyIndex.get(k) ?? -1));
  }

  /** The principal keys (lower case) a statement's conditions and policy variables read. */
  private keysRead(st: CompiledStatement): string[] {
    let keys = this.statementKeys.get(st);
    if (keys === undefined) {
      const set = new Set<string>();
      const fromTemplate = (t: Template) => {
        for (const n of t.nodes) if (typeof n !== 'string' && 'variable' in n && isPrincipalContextKey(n.keyLower)) set.add(n.keyLower);
      };
      for (const c of st.conditions) {
        if (isPrincipalContextKey(c.keyLower)) set.add(c.keyLower);
        for (const v of c.values) fromTemplate(v.template);
      }
      for (const r of st.resources ?? []) if (r.kind !== 'all' && r.matcher === null) fromTemplate(r.template);
      keys = [...set].sort();
      this.statementKeys.set(st, keys);
    }
    return keys;
  }
}

function matched<T>(first: T[] | null, second: T[] | null): T[] {
  if (second === null) return first ?? [];
  return first === null ? second : [...first, ...second];
}

/** What one layer (identity policies, or the boundary) says for one principal; reset per principal. */
class LayerTally {
  allow = false;
  deny = false;
  possible = false;
  certainDeny = false;
  anyMissing = false;
  allows: MatchedStatement[] | null = null;
  denies: MatchedStatement[] | null = null;
  /** Allows that apply or may apply (evaluate()'s conditionalStatements). */
  candidates: MatchedStatement[] | null = null;
  missing: string[] | null = null;

  reset(): void {
    this.allow = this.deny = this.possible = this.certainDeny = this.anyMissing = false;
    this.allows = this.denies = this.candidates = null;
    this.missing = null;
  }
}

const PATTERN_TRUE = 1;
const PATTERN_FALSE = 2;
/** Has policy variables in its resource part, and its first five components match. */
const PATTERN_VARIABLE = 3;

/** matchArnPattern as far as it does not depend on the context. */
function matchPattern(p: ArnPattern, arn: PreparedArn): number {
  if (p.kind === 'all') return PATTERN_TRUE;
  if (p.matcher !== null) return matchArnPattern(p, arn, EMPTY_CONTEXT, null) === TRUE ? PATTERN_TRUE : PATTERN_FALSE;
  // Variables in the resource part: the first five components do not depend on them.
  if (p.kind === 'arn') {
    if (arn.parts === null) return PATTERN_FALSE;
    for (let i = 0; i < 5; i++) if (!p.heads[i](arn.parts[i])) return PATTERN_FALSE;
  }
  return PATTERN_VARIABLE;
}

/**
 * May the statement's Resource / NotResource match, for some context? Resource matches when an
 * entry matches, NotResource when none does (engine/statement.ts, resourceMatches); when it does
 * not match the evaluator ignores the statement and drops the missing keys it recorded. An entry
 * with variables may match or not, and keeps the missing keys it records when another entry
 * matches: it keeps a Resource statement relevant.
 */
function relevant(notResource: boolean, anyTrue: boolean, anyVariable: boolean): boolean {
  return notResource ? !anyTrue : anyTrue || anyVariable;
}

function outcomeOf(st: CompiledStatement, req: PreparedRequest): Outcome {
  const missing = new MissingKeys();
  const flags = evaluateStatement(st, req, false, missing, { kind: NO_MATCH });
  return { flags, missing: missing.keys === null ? null : [...missing.keys] };
}

/**
 * The request context mergeContext would build — the caller's keys, then the principal's stored
 * ones, then the resource's tags — without copying them into a new Map for every principal.
 */
class LayeredContext implements ReadonlyMap<string, ContextValue> {
  private merged: ReadonlyMap<string, ContextValue> | undefined;
  constructor(
    private readonly caller: RequestContext,
    private readonly principal: RequestContext,
    private readonly resource: RequestContext,
  ) {}
  get(key: string): ContextValue | undefined {
    return this.caller.get(key) ?? this.principal.get(key) ?? this.resource.get(key);
  }
  has(key: string): boolean {
    return this.caller.has(key) || this.principal.has(key) || this.resource.has(key);
  }
  private all(): ReadonlyMap<string, ContextValue> {
    return (this.merged ??= mergeContext(this.caller, this.principal, this.resource));
  }
  get size(): number {
    return this.all().size;
  }
  forEach(fn: (value: ContextValue, key: string, map: ReadonlyMap<string, ContextValue>) => void, thisArg?: unknown): void {
    this.all().forEach((v, k) => fn.call(thisArg, v, k, this));
  }
  entries(): MapIterator<[string, ContextValue]> {
    return this.all().entries() as MapIterator<[string, ContextValue]>;
  }
  keys(): MapIterator<string> {
    return this.all().keys() as MapIterator<string>;
  }
  values(): MapIterator<ContextValue> {
    return this.all().values() as MapIterator<ContextValue>;
  }
  [Symbol.iterator](): MapIterator<[string, ContextValue]> {
    return this.entries();
  }
}

function actionMatches(st: CompiledStatement, action: string): boolean {
  let any = false;
  for (const m of st.actions) if (m(action)) { any = true; break; }
  return st.notAction ? !any : any;
}

function uniqueCompiled(list: (CompiledPolicy | null)[]): CompiledPolicy[] {
  const seen = new Set<CompiledPolicy>();
  for (const p of list) if (p) seen.add(p);
  return [...seen];
}

function allowsAction(policy: CompiledPolicy, service: string, action: string): boolean {
  for (const st of statementsFor(policy, service)) {
    if (st.effect !== 'Allow') continue;
    let any = false;
    for (const m of st.actions) if (m(action)) { any = true; break; }
    if (st.notAction ? !any : any) return true;
  }
  return false;
}
