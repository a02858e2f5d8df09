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
 *     question, the statements whose Resource may match the resource are found once, among those
 *     whose Resource entries may match ARNs with the resource's first five segments (kept per
 *     action and prefix: statementsForPrefix).
 *  3. Outcomes. A relevant statement's outcome — the evaluator's APPLIES / POSSIBLE / CERTAIN flags
 *     and the missing keys it records — depends on the request context only. The context differs
 *     between principals only in the keys stored-context.ts adds (aws:PrincipalArn, aws:username,
 *     aws:PrincipalTag/…), so a statement's outcome is computed once per distinct value of the
 *     principal keys it reads (condition keys, policy variables): once for all principals when it
 *     reads none, once per team when it reads ${aws:PrincipalTag/team}. Statements whose
 *     Resource and Condition are written alike (copied between policies) share their outcomes.
 *     Only the answer's page is turned into EvaluationResults (LazyEvaluated).
 *  4. Decision. Per principal, the outcomes of its relevant statements (identity policies in
 *     order, then its boundary) are tallied into the engine's LayerTally and combined by the
 *     engine's decide() and explain() — the very code evaluate() runs — so the index is an
 *     optimisation of the engine, not a second copy of its rules. Principals evaluate() treats
 *     specially (the account root, engine isAccountRoot) take the evaluator itself.
 *  5. Deciding without tallying. decide() reads only the layers' flags, and a tally's flags are
 *     the OR of its statements' (LayerTally.record only sets them): per question each policy's
 *     flags are computed once (per principal-key values when its statements read them), a
 *     candidate's identity and boundary flags are the OR over its policies, and the SCP / RCP /
 *     resource-policy layers are evaluated once per estate class (SCP levels, account, type,
 *     service-linked, boundary present) unless they read principal keys that differ within one or
 *     name the principal by ARN. The decision is memoised per estate token and flags; only the
 *     page's entries are tallied in full (their matched statements and missing keys).
 */
import { parsePolicy } from '../policy/parse.js';
import type { PolicyDocument } from '../policy/types.js';
import { CompileIntern, compilePolicy, statementsFor, type CompiledPolicy, type CompiledStatement } from '../engine/compile.js';
import {
  decide,
  distinctKeys,
  evaluate,
  evaluateLayer,
  explain,
  isAccountRoot,
  isServiceLinkedRole,
  LayerTally,
  ownerInArn,
  prepareRequest,
  rcpsApply,
  resourcePolicyRequired,
  type Layers,
  type PolicySet,
} from '../engine/evaluate.js';
import { preparePrincipal } from '../engine/principal.js';
import { contextFrom } from '../engine/context.js';
import { s3BucketOf, type Estate, type PolicyLevel } from '../store/estate-model.js';
import { actionMatches, evaluateStatement, type PreparedRequest } from '../engine/statement.js';
import { headMayMatch, matchArnPattern, prepareArn, type ArnPattern, type PreparedArn, type SegmentPattern } from '../engine/arn.js';
import { DIRECT_MATCH, matchPrincipal, NO_MATCH, type PrincipalMatcher } from '../engine/principal.js';
import { MissingKeys, TRUE } from '../engine/tri.js';
import type { Template } from '../engine/template.js';
import type { ContextValue, EvaluationResult, MatchedStatement, RequestContext, RequestPrincipal } from '../engine/types.js';
import type { AccountModel, ModelPrincipal } from '../store/account-model.js';
import { LRUCache } from 'lru-cache';
import { byteBoundedCache, stringBytes } from '../engine/memo.js';
import { isPrincipalContextKey, mergeContext, requestPrincipal, storedPrincipalContext, storedResourceContext } from './stored-context.js';

/**
 * Estate policy texts (resource-based, trust, SCP, RCP) parsed, shared by every index: thousands
 * of roles hold a few trust policy texts; each is compiled under its own name (the name is in
 * every matched statement) from one parse. A parsed document is read, never changed.
 */
const parsedEstateTexts = byteBoundedCache<{ document: PolicyDocument } | { error: string }>(32 * 1024 * 1024, (_v, text) => 4 * stringBytes(text));

/** A principal a resource policy grants that is not a stored user or role (contract, "Principals beyond the store"). */
export interface ExternalPrincipal {
  type: 'ACCOUNT' | 'SERVICE' | 'FEDERATED' | 'ANONYMOUS' | 'USER' | 'ROLE';
  /** The principal as the policy names it. */
  arn: string;
  accountId: string | null;
}

export interface IndexedPrincipal {
  model: ModelPrincipal;
  /** Set for principals beyond the store (model then carries only arn, name and accountId). */
  external?: ExternalPrincipal;
  principal: RequestPrincipal;
  policies: PolicySet;
  context: RequestContext;
}

export interface Evaluated {
  principal: IndexedPrincipal;
  result: EvaluationResult;
  /** Whether the decision is ALLOWED (not only conditionally), when whoCan knew it without building the explanation. */
  allowed?: boolean;
}

export interface AskOptions {
  includeConditional?: boolean;
  /** Evaluate every principal (no candidate filter): the reference the index must agree with. */
  bruteForce?: boolean;
  /** Called now and then; throws to abandon the question (time budget). */
  checkpoint?: () => void;
}

const EMPTY_CONTEXT: RequestContext = new Map();
/**
 * Keys a principal beyond the store is known to lack unless the organization lists its account
 * ("AWS global condition context keys": aws:PrincipalOrgID and aws:PrincipalOrgPaths are "included
 * in the request context only if the principal is a member of an organization"; a service, a SAML
 * or web-identity caller and an account outside the imported organization are not): absent, not
 * missing — no value the caller could supply would be true of them.
 */
const ORG_KEYS: readonly string[] = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths'];
/** The resource's counterpart ("AWS global condition context keys": aws:ResourceOrgID, aws:ResourceOrgPaths). */
const RESOURCE_ORG_KEYS: readonly string[] = ['aws:ResourceOrgID', 'aws:ResourceOrgPaths'];
/** An anonymous request also carries no principal ARN or account ("Anonymous requests do not include this key"). */
const ANONYMOUS_ABSENT: readonly string[] = [...ORG_KEYS, 'aws:PrincipalArn', 'aws:PrincipalAccount'];

/**
 * What the estate says about one resource: its owner, its resource-based policy (a role's trust
 * policy), the RCP levels of its owner's path and the condition keys it supplies.
 */
export interface ResourceView {
  arn: string;
  /** The owning account (contract: the ARN's, else ResourceOwner, else the account whose import listed it); undefined when unknown. */
  owner: string | undefined;
  /** Tags, aws:ResourceAccount and the org keys of the owner. */
  context: RequestContext;
  policy: CompiledPolicy | null;
  /** A role's trust policy: the resource policy only for sts actions. */
  isTrustPolicy: boolean;
  rcps: CompiledPolicy[][] | null;
}
/** Views kept per index (a diff of a large account reads tens of thousands of resources; a view is a few references). */
const VIEW_CACHE_MAX = 32_768;
const STS_ACTION = /^sts:/i;
/** Stored principal keys whose value is the same for every principal of an account of one type (stored-context.ts). */
const ACCOUNT_LEVEL_KEYS = new Set(['aws:principalaccount', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalisawsservice', 'aws:principaltype']);
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
  /** The same as key numbers (keyNumbers without a caller context). */
  keyNums: Int32Array[];
  /** Per statement: 1 when it has no Resource/NotResource element, 2 NotResource, 0 Resource. */
  resourceKind: Uint8Array;
  /** Per statement: its outcome id (statementOutcomeIds). */
  outcomeId: Int32Array;
  /** Per statement: 1 for Deny. */
  deny: Uint8Array;
  /** Per statement: its entry of matchedStatements. */
  matched: MatchedStatement[];
  /** Per statement: 1 when a candidate holds its policy (as an identity policy or boundary): without a resource policy, only those count. */
  ofCandidate: Uint8Array;
}

/** A service's statements and what a plan copies from each (AccessIndex.statementsOfService). */
interface ServiceStatements {
  statements: CompiledStatement[];
  policyOf: Int32Array;
  resourceKind: Uint8Array;
  deny: Uint8Array;
}

/** The service prefix of a lower-case action (the whole text when it has no colon). */
function serviceOf(lower: string): string {
  const colon = lower.indexOf(':');
  return colon < 0 ? lower : lower.slice(0, colon);
}

/** What evaluateStatement says about one statement for one request context. */
interface Outcome {
  flags: number;
  /** The missing keys it recorded, in order (null: none). */
  missing: string[] | null;
}

/** What AccessIndex keeps of each compiled identity policy, so that another index can take it as it is. */
interface CompiledEntry {
  name: string;
  text: string | null;
  compiled: CompiledPolicy | null;
  intern: (InternStatement | null)[] | null;
  problem: string | null;
}

/** Per compiled statement: the keys of its Resource / NotResource entries, and the text its outcome depends on (null: its own). */
interface InternStatement {
  patternKeys: string[];
  outcomeText: string | null;
}

/**
 * The Resource / NotResource texts of each compiled statement, so that equal entries of different
 * statements are matched once. compilePolicy keeps the document's statements that have an Effect
 * of Allow or Deny and an Action or NotAction, in order; positions confirm the pairing (a
 * statement that cannot be paired keeps its own compiled entries: see patternIdsOf). Null when the
 * statements cannot be paired at all.
 */
function internInfo(policy: CompiledPolicy, document: PolicyDocument): (InternStatement | null)[] | null {
  const kept = document.statements.filter((st) => (st.effect === 'Allow' || st.effect === 'Deny') && (st.action ?? st.notAction));
  if (kept.length !== policy.statements.length) return null;
  const variables = document.version === '2012-10-17';
  return kept.map((source, i) => {
    const st = policy.statements[i];
    const texts = source.resource ?? source.notResource;
    if (st.matched.line !== source.position.line || st.matched.column !== source.position.column) return null;
    if (!texts || st.resources === null || texts.length !== st.resources.length) return null;
    const patternKeys = texts.map((text) => `${variables ? 'v' : 'n'}${text}`);
    if (st.conditions.length !== source.conditions.length) return { patternKeys, outcomeText: null };
    const outcomeText = JSON.stringify([
      variables,
      source.resource ? 'R' : 'NR',
      texts,
      source.conditions.map((c) => [c.operator, c.key, c.values, c.valueTypes ?? null]),
    ]);
    return { patternKeys, outcomeText };
  });
}

/** Bytes each per-action cache (candidates, plans) may hold; least recently asked actions go first. */
export const ACTION_CACHE_BYTES = 32 * 1024 * 1024;

/** Approximate bytes of a plan: its typed arrays, and a pointer per statement, key list and match. */
function planBytes(plan: ActionPlan): number {
  let keys = 0;
  for (const k of plan.keys) keys += 8 + 8 * k.length;
  return (
    256 +
    plan.candidates.byteLength +
    plan.policyOf.byteLength +
    plan.patternStart.byteLength +
    plan.patternIds.byteLength +
    plan.resourceKind.byteLength +
    plan.outcomeId.byteLength +
    plan.deny.byteLength +
    plan.ofCandidate.byteLength +
    24 * plan.statements.length +
    keys
  );
}
const INCLUDED = Symbol('included');
/** Included only because includeConditional asked for principals allowed for some values of missing keys. */
const INCLUDED_CONDITIONAL = Symbol('included conditionally');
type Included = typeof INCLUDED | typeof INCLUDED_CONDITIONAL;

/** An answer entry whose EvaluationResult is built on first read. */
class LazyEvaluated implements Evaluated {
  private built: EvaluationResult | undefined;
  constructor(
    readonly principal: IndexedPrincipal,
    private readonly position: number,
    private readonly combine: (i: number, full: boolean) => EvaluationResult | Included | null,
    readonly allowed: boolean,
  ) {}
  get result(): EvaluationResult {
    return (this.built ??= this.combine(this.position, true) as EvaluationResult);
  }
}
const NO_KEYS = new Int32Array(0);
const NO_TALLIES: LayerTally[] = [];
const NO_OWNER = -2;
const NO_PRINCIPALS: ReadonlySet<IndexedPrincipal> = new Set();

export class AccessIndex {
  /** Principals in ARN order (the order answers are given in). */
  readonly principals: IndexedPrincipal[];
  private readonly byArn = new Map<string, IndexedPrincipal>();
  private resourceContexts = new Map<string, RequestContext>();
  /** The model's resource list and estate the index was built from (a reusing index shares what they give when they are the same). */
  private readonly resourcesSource: AccountModel['resources'];
  /** Distinct compiled identity policies, and who holds each. */
  /** Per policy number: the positions of the principals holding it as an identity policy, ascending. */
  private readonly holderPositions: Int32Array[];
  /**
   * Per service (lower case): the numbers of the policies naming it, and of those with statements
   * for any service (policiesFor), so that gathering a service's statements reads only those
   * rather than every policy of the estate.
   */
  private readonly ownServicePolicies = new Map<string, number[]>();
  private readonly anyServicePolicies: number[] = [];
  /**
   * action (lower case) → principals holding an Allow statement that matches it. Bounded in bytes
   * (a list of 15,000 principals is 60 kB; the catalog has ~18,000 actions).
   */
  private readonly candidatesByAction = new LRUCache<string, Int32Array>({
    maxSize: ACTION_CACHE_BYTES,
    sizeCalculation: (list, key) => 4 * list.length + 2 * key.length + 64,
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
  /** 1 for service-linked roles (RCPs do not apply to their requests: engine rcpsApply). */
  private readonly serviceLinked: Uint8Array;
  private readonly accounts = new Map<string, number>();
  private readonly keyIndex = new Map<string, number>();
  private readonly keyNumbersCache = new Map<string[], Int32Array>();
  private readonly keyCount: number;
  private readonly valueIds: Int32Array;
  private readonly positions = new Map<IndexedPrincipal, number>();
  private readonly plans = new LRUCache<string, ActionPlan>({ maxSize: ACTION_CACHE_BYTES, sizeCalculation: planBytes });
  /** Per service (statementsOfService); bounded in bytes like the plans. */
  private readonly serviceStatements = new LRUCache<string, ServiceStatements>({
    maxSize: ACTION_CACHE_BYTES,
    sizeCalculation: (s, key) => 128 + 2 * key.length + 14 * s.statements.length,
  });
  /** Statement → the principal keys it reads (lower case). */
  private readonly statementKeys: Map<CompiledStatement, string[]>;
  /** Distinct Resource / NotResource entries (text, and whether variables are on): each is matched once per question. */
  private readonly patternIds: Map<string, number>;
  private readonly patterns: ArnPattern[];
  /** Statement → ids of its Resource / NotResource entries, in order. */
  private readonly statementPatterns: Map<CompiledStatement, Int32Array>;
  /**
   * Statement → the id of its Resource / NotResource and Condition as written: statements with
   * the same id have the same outcome for any request their Actions match (evaluateStatement reads
   * nothing else), so one outcome per question serves them all.
   */
  private readonly statementOutcomeIds: Map<CompiledStatement, number>;
  private readonly outcomeIdsByText: Map<string, number>;
  private outcomeIdCount = 0;
  readonly problems: string[] = [];
  private readonly estate: Estate | undefined;
  private readonly views = new Map<string, ResourceView>();
  /** Compiled SCP / RCP levels, by level (policy ids and target): principals of one account share them. */
  private readonly levelCache = new Map<string, CompiledPolicy[][]>();
  private readonly orgCompiled = new Map<string, CompiledPolicy>();
  /** Resource-based and trust policies compiled for views, by text and name (with the problem reading one raised). */
  private readonly resourceCompiled = new Map<string, Map<string, { compiled: CompiledPolicy; problem: string | null }>>();
  /** The reused index's resource policies: the same name and text compile alike, so a what-if or snapshot index takes them from there. */
  private readonly resourceCompiledBefore: Map<string, Map<string, { compiled: CompiledPolicy; problem: string | null }>> | undefined;
  /** Per principal position: its SCP levels (null: no SCP restricts it). */
  private readonly scpsOf: (CompiledPolicy[][] | null)[];
  /** Per SCP level list and action: whether its statements read principal keys (their outcome differs within an account). */
  private readonly levelsReadPrincipal = new Map<CompiledPolicy[][], Map<string, boolean>>();
  /**
   * Per principal position: its estate class — SCP levels, account, principal type and whether it
   * is service-linked, all that whoCan's estate layers read of a principal not named by ARN
   * besides its boundary's presence and the principal keys (see the estate token in whoCan).
   */
  private readonly estateClassOf: Int32Array;
  private readonly estateClassCount: number;
  private intern: CompileIntern | undefined;

  /**
   * Each identity policy / boundary compiled by this index, by ModelPolicy id, with what it was
   * compiled from: another index over a model that shares most documents (a snapshot, a what-if)
   * takes them from here instead of parsing and compiling them again.
   */
  private readonly compiledById = new Map<string, CompiledEntry>();

  constructor(model: AccountModel, estate?: Estate, options: { reuse?: AccessIndex } = {}) {
    this.estate = estate;
    // Statement tables keyed by compiled statements: a reused policy brings its entries along
    // (copies, so neither index sees the other's later additions).
    const r = options.reuse;
    this.resourceCompiledBefore = r?.resourceCompiled;
    this.statementKeys = new Map(r?.statementKeys);
    this.patternIds = new Map(r?.patternIds);
    this.patterns = r ? [...r.patterns] : [];
    this.statementPatterns = new Map(r?.statementPatterns);
    this.statementOutcomeIds = new Map(r?.statementOutcomeIds);
    this.outcomeIdsByText = new Map(r?.outcomeIdsByText);
    this.outcomeIdCount = r?.outcomeIdCount ?? 0;
    // Parts shared by text while the index is built; dropped after (see CompileIntern).
    this.intern = new CompileIntern();
    const compiled = this.compiledById;
    const reuse = r?.compiledById;
    const compile = (p: { id?: string; name: string; document: string | null }): CompiledPolicy | null => {
      const id = p.id ?? `?${p.name}`;
      let entry = compiled.get(id);
      if (entry === undefined) {
        const earlier = reuse?.get(id);
        if (earlier !== undefined && earlier.text === p.document && earlier.name === p.name) {
          entry = earlier;
          if (entry.problem !== null) this.problems.push(entry.problem);
        } else if (p.document === null) {
          // Known only by ARN: its content is unknown, so it can be shown to grant nothing.
          const problem = `${p.name}: not imported; treated as allowing nothing`;
          this.problems.push(problem);
          entry = { name: p.name, text: null, compiled: compilePolicy(EMPTY_DOCUMENT, p.name), intern: null, problem };
        } else {
          try {
            const document = parsePolicy(p.document, { lenient: true }).document;
            const c = compilePolicy(document, p.name, this.intern);
            const intern = internInfo(c, document);
            if (intern !== null) this.applyIntern(c, intern);
            entry = { name: p.name, text: p.document, compiled: c, intern, problem: null };
          } catch (e) {
            const problem = `${p.name}: ${(e as Error).message}`;
            this.problems.push(problem);
            entry = { name: p.name, text: p.document, compiled: null, intern: null, problem };
          }
        }
        compiled.set(id, entry);
      }
      return entry.compiled;
    };
    const n = model.principals.length;
    this.scpsOf = new Array(n).fill(null);
    this.policyStart = new Int32Array(n + 1);
    this.boundaryOf = new Int32Array(n);
    this.accountOf = new Int32Array(n);
    this.rootLike = new Uint8Array(n);
    this.serviceLinked = new Uint8Array(n);
    const numbers: number[] = [];
    // A principal's stored context reads of the estate only its account's organization placement
    // (orgContext: the organization and its nodes); an estate rebuilt with other trust or
    // resource policies (a what-if's) places every account as before.
    const before = options.reuse?.estate;
    const samePlacement =
      options.reuse !== undefined &&
      (before === estate ||
        (before !== undefined && estate !== undefined && before.data.organization === estate.data.organization && before.data.nodes === estate.data.nodes));
    // The store gives principals in ARN order (byte order, as SQLite compares text).
    this.principals = model.principals.map((m, i) => {
      const identityPolicies = uniqueCompiled(m.policies.map(compile));
      // A boundary that cannot be read allows nothing: the principal keeps no permissions.
      const boundary = m.permissionsBoundary ? (compile(m.permissionsBoundary) ?? compilePolicy(EMPTY_DOCUMENT, m.permissionsBoundary.name)) : undefined;
      // A principal object the reused index was built from, with the same organization placement, gives the same principal and context.
      const same = samePlacement ? options.reuse!.byArn.get(m.arn) : undefined;
      const earlier = same !== undefined && same.model === m ? same : undefined;
      const principal = earlier?.principal ?? requestPrincipal(m);
      const scps = estate ? this.compileLevels('SCP', estate.serviceControlPolicies({ arn: m.arn, accountId: m.accountId })) : null;
      this.scpsOf[i] = scps;
      const indexed: IndexedPrincipal = {
        model: m,
        principal,
        policies: { identityPolicies, permissionsBoundaries: boundary ? [boundary] : undefined, serviceControlPolicies: scps ?? undefined },
        context: earlier?.context ?? this.principalContext(m),
      };
      this.policyStart[i] = numbers.length;
      for (const p of identityPolicies) {
        numbers.push(this.numberOf(p));
      }
      this.boundaryOf[i] = boundary ? this.numberOf(boundary) : -1;
      this.accountOf[i] = this.accountNumber(principal.accountId);
      // evaluate(): principal.type === 'Root', or an iam ARN ending in ':root'.
      this.rootLike[i] = isAccountRoot(principal) ? 1 : 0;
      this.serviceLinked[i] = isServiceLinkedRole(principal.arn) ? 1 : 0;
      this.byArn.set(m.arn, indexed);
      this.positions.set(indexed, i);
      return indexed;
    });
    this.policyStart[n] = numbers.length;
    this.policyNumbersOf = Int32Array.from(numbers);
    this.estateClassOf = new Int32Array(n);
    const estateClasses = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const scps = this.scpsOf[i];
      const key = `${scps === null ? -1 : this.levelListNumber(scps)},${this.accountOf[i]},${this.principals[i].model.type},${this.serviceLinked[i]}`;
      let c = estateClasses.get(key);
      if (c === undefined) estateClasses.set(key, (c = estateClasses.size));
      this.estateClassOf[i] = c;
    }
    this.estateClassCount = estateClasses.size;
    {
      const counts = new Int32Array(this.policyList.length);
      for (const k of this.policyNumbersOf) counts[k]++;
      this.holderPositions = Array.from(counts, (c) => new Int32Array(c));
      const filled = new Int32Array(this.policyList.length);
      for (let i = 0; i < n; i++)
        for (let k = this.policyStart[i]; k < this.policyStart[i + 1]; k++)
          this.holderPositions[this.policyNumbersOf[k]][filled[this.policyNumbersOf[k]]++] = i;
    }
    this.policyList.forEach((policy, number) => {
      for (const service of policy.byService.keys()) {
        const list = this.ownServicePolicies.get(service);
        if (list) list.push(number);
        else this.ownServicePolicies.set(service, [number]);
      }
      if (policy.anyService.length > 0) this.anyServicePolicies.push(number);
    });
    // Principal keys and their values as small numbers: principal i's value of key k is
    // valueIds[i * keyCount + k] (0: absent), equal exactly when the stored values are.
    for (const p of this.principals) for (const key of p.context.keys()) if (!this.keyIndex.has(key)) this.keyIndex.set(key, this.keyIndex.size);
    this.keyCount = this.keyIndex.size;
    this.valueIds = new Int32Array(n * this.keyCount);
    const valueNumbers = new Map<string, number>();
    this.principals.forEach((p, i) => {
      for (const [key, v] of p.context) {
        const text = `${key}\u0001${v.absent === true ? 'absent' : v.type}\u0001${v.values.join('\u0000')}`;
        let id = valueNumbers.get(text);
        if (id === undefined) valueNumbers.set(text, (id = valueNumbers.size + 1));
        this.valueIds[i * this.keyCount + this.keyIndex.get(key)!] = id;
      }
    });
    this.resourcesSource = model.resources;
    if (options.reuse !== undefined && options.reuse.resourcesSource === model.resources) this.resourceContexts = options.reuse.resourceContexts;
    else for (const r of model.resources) this.resourceContexts.set(r.arn, storedResourceContext(r.tags));
    this.intern = undefined;
  }

  /**
   * Compiles policy levels; each policy is named as matchedStatements show it: `SCP <name> at
   * <target>` / `RCP <name> at <target>` (AWS Organizations User Guide, "SCP evaluation", "RCP
   * evaluation": each level of the path is evaluated on its own).
   */
  private compileLevels(kind: 'SCP' | 'RCP', levels: PolicyLevel[] | null): CompiledPolicy[][] | null {
    if (levels === null) return null;
    const key = `${kind}\u0000${levels.map((l) => `${l.targetId}:${l.policies.map((p) => p.id).join(',')}`).join('/')}`;
    let out = this.levelCache.get(key);
    if (out === undefined) {
      out = levels.map((level) =>
        level.policies.map((p) => {
          const name = `${kind} ${p.name} at ${level.targetId}`;
          let c = this.orgCompiled.get(name);
          if (c === undefined) {
            c = this.compileText(p.document, name);
            this.orgCompiled.set(name, c);
          }
          return c;
        }),
      );
      this.levelCache.set(key, out);
    }
    return out;
  }

  /** A policy the estate holds; one that cannot be read allows nothing (and is reported). */
  private compileText(text: string, name: string): CompiledPolicy {
    let parsed = parsedEstateTexts.get(text);
    if (parsed === undefined) {
      try {
        parsed = { document: parsePolicy(text, { lenient: true }).document };
      } catch (e) {
        parsed = { error: (e as Error).message };
      }
      parsedEstateTexts.set(text, parsed);
    }
    if ('document' in parsed) return compilePolicy(parsed.document, name, this.intern);
    this.problems.push(`${name}: ${parsed.error}`);
    return compilePolicy(EMPTY_DOCUMENT, name);
  }

  private compileCached(text: string, name: string): CompiledPolicy {
    // By text, then name: the text is the estate's own string (its hash kept by the engine after
    // the first lookup), where a joined key would be a new long string to hash on every view.
    let byName = this.resourceCompiled.get(text);
    let c = byName?.get(name);
    if (c === undefined) {
      c = this.resourceCompiledBefore?.get(text)?.get(name);
      if (c === undefined) {
        const problems = this.problems.length;
        const compiled = this.compileText(text, name);
        c = { compiled, problem: this.problems.length > problems ? this.problems[problems] : null };
      } else if (c.problem !== null) this.problems.push(c.problem);
      if (this.resourceCompiled.size > 50_000) this.resourceCompiled.clear();
      byName = this.resourceCompiled.get(text);
      if (byName === undefined) this.resourceCompiled.set(text, (byName = new Map()));
      byName.set(name, c);
    }
    return c.compiled;
  }

  /**
   * A stored principal's keys (stored-context.ts), with the org keys known absent when an
   * organization is imported and does not list its account.
   */
  private principalContext(m: ModelPrincipal): RequestContext {
    const estate = this.estate;
    if (!estate) return storedPrincipalContext(m);
    const org = estate.orgContext(m.accountId, null);
    return storedPrincipalContext(m, org, estate.organizationId !== null && org['aws:PrincipalOrgID'] === undefined ? ORG_KEYS : undefined);
  }

  /** The estate's facts about a resource (cached). */
  view(arn: string): ResourceView {
    let v = this.views.get(arn);
    if (v !== undefined) return v;
    const tags = this.resourceContexts.get(arn);
    const facts = this.estate?.resource(arn);
    const owner = facts?.ownerAccountId ?? ownerInArn(prepareArn(arn)) ?? undefined;
    const isTrustPolicy = /^arn:[^:]+:iam::\d{12}:role\//.test(arn);
    let context = tags ?? EMPTY_CONTEXT;
    if (this.estate && owner !== undefined) {
      // Without tags of its own, a resource's context is its owner's object itself (mergeContext copies nothing then).
      context = mergeContext(EMPTY_CONTEXT, context, this.ownerContext(owner));
    }
    v = {
      arn,
      owner,
      context,
      isTrustPolicy,
      // An S3 object has no policy of its own: its bucket's policy governs it (estate-model.ts).
      policy: facts?.policy ? this.compileCached(facts.policy, `${isTrustPolicy ? 'Trust policy' : 'Resource policy'} of ${s3BucketOf(arn) ?? arn}`) : null,
      rcps: facts ? this.compileLevels('RCP', facts.resourceControlPolicies) : null,
    };
    if (this.views.size >= VIEW_CACHE_MAX) this.views.clear();
    this.views.set(arn, v);
    return v;
  }

  private readonly ownerContexts = new Map<string, RequestContext>();
  /** The keys a resource's owner gives every request on it: its place in the organization. */
  private ownerContext(owner: string): RequestContext {
    let context = this.ownerContexts.get(owner);
    if (context === undefined) {
      const org = this.estate!.orgContext(null, owner);
      // aws:ResourceOrgID / aws:ResourceOrgPaths: only for resources of an organization's accounts.
      const outside = this.estate!.organizationId !== null && org['aws:ResourceOrgID'] === undefined;
      context = contextFrom(
        Object.entries(org).map(([key, value]) => ({
          key,
          values: Array.isArray(value) ? value : [value],
          type: Array.isArray(value) ? ('STRING_LIST' as const) : ('STRING' as const),
        })),
        undefined,
        outside ? RESOURCE_ORG_KEYS : undefined,
      );
      this.ownerContexts.set(owner, context);
    }
    return context;
  }

  /**
   * The estate's layers for one request by a stored principal: its SCPs, the resource owner's
   * RCPs (AWS's exceptions: engine rcpsApply), the resource policy (a trust policy only for sts
   * actions) and whether it must allow by itself (engine resourcePolicyRequired).
   */
  private policySetFor(p: IndexedPrincipal, action: string, v: ResourceView): PolicySet {
    const policy = v.policy !== null && (!v.isTrustPolicy || STS_ACTION.test(action)) ? v.policy : null;
    const own = p.policies;
    // Built field by field (a spread per evaluation was a tenth of the diff's evaluations).
    return {
      identityPolicies: own.identityPolicies,
      permissionsBoundaries: own.permissionsBoundaries,
      serviceControlPolicies: own.serviceControlPolicies,
      resourcePolicy: policy ?? undefined,
      resourceControlPolicies: v.rcps !== null && rcpsApply(action, p.principal.arn) ? v.rcps : undefined,
      resourcePolicyRequired: requiredFor(action, v, policy),
    };
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

  /** Records a compiled policy's Resource / NotResource and Condition texts (internInfo) in this index. */
  private applyIntern(policy: CompiledPolicy, info: (InternStatement | null)[]): void {
    for (let i = 0; i < info.length; i++) {
      const x = info[i];
      if (x === null) continue;
      const st = policy.statements[i];
      const ids = new Int32Array(x.patternKeys.length);
      for (let k = 0; k < ids.length; k++) ids[k] = this.patternId(x.patternKeys[k], st.resources![k]);
      this.statementPatterns.set(st, ids);
      if (x.outcomeText === null) continue;
      let id = this.outcomeIdsByText.get(x.outcomeText);
      if (id === undefined) this.outcomeIdsByText.set(x.outcomeText, (id = this.outcomeIdCount++));
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
    return this.estate ? this.view(arn).context : (this.resourceContexts.get(arn) ?? EMPTY_CONTEXT);
  }

  hasResource(arn: string): boolean {
    return this.resourceContexts.has(arn);
  }

  /**
   * Gathers each service's statements (statementsOfService) ahead of questions, most named first,
   * while the cache has room: the first question on a service then only matches actions. Returns
   * how many services were prepared.
   */
  prepareServices(): number {
    const services = [...this.ownServicePolicies].sort((a, b) => b[1].length - a[1].length).map(([service]) => service);
    let prepared = 0;
    for (const service of services) {
      if (this.serviceStatements.calculatedSize >= ACTION_CACHE_BYTES / 2) break;
      this.statementsOfService(service);
      prepared++;
    }
    return prepared;
  }

  /** The first stored resource (ARN order), if any. */
  firstResource(): string | undefined {
    return this.resourcesSource[0]?.arn;
  }

  /** Principals that hold an Allow statement for `action`, in ARN order. */
  candidatesFor(action: string): IndexedPrincipal[] {
    return Array.from(this.candidatePositions(action), (i) => this.principals[i]);
  }

  /** Positions (ascending, so in ARN order) of the principals holding an identity policy with an Allow statement for `action`. */
  private candidatePositions(action: string, matching?: Int32Array): Int32Array {
    const lower = action.toLowerCase();
    let list = this.candidatesByAction.get(lower);
    if (list) return list;
    const s = this.statementsOfService(serviceOf(lower));
    const allowing = new Uint8Array(this.policyList.length);
    for (const i of matching ?? this.matchingStatements(s, lower)) if (s.deny[i] === 0) allowing[s.policyOf[i]] = 1;
    const chosen = new Uint8Array(this.principals.length);
    let count = 0;
    for (let number = 0; number < allowing.length; number++) {
      if (allowing[number] === 0) continue;
      for (const i of this.holderPositions[number]) {
        count += 1 - chosen[i];
        chosen[i] = 1;
      }
    }
    list = new Int32Array(count);
    for (let i = 0, k = 0; k < count; i++) if (chosen[i] === 1) list[k++] = i;
    this.candidatesByAction.set(lower, list);
    return list;
  }

  /**
   * Every statement that may match an action of the service — statementsFor of each policy
   * naming it (or any service), in policy number and document order — with what a plan copies
   * from each, gathered once per service so that a new action's plan only matches actions.
   */
  private statementsOfService(service: string): ServiceStatements {
    let s = this.serviceStatements.get(service);
    if (s !== undefined) return s;
    const statements: CompiledStatement[] = [];
    const policyOf: number[] = [];
    for (const number of this.policiesFor(service)) {
      for (const st of statementsFor(this.policyList[number], service)) {
        statements.push(st);
        policyOf.push(number);
      }
    }
    // Pattern and outcome ids are not assigned here: only statements a question's action matches
    // get them (planFor), so that per-question tables sized by those ids stay small.
    s = {
      statements,
      policyOf: Int32Array.from(policyOf),
      resourceKind: Uint8Array.from(statements, (st) => (st.resources === null ? 1 : st.notResource ? 2 : 0)),
      deny: Uint8Array.from(statements, (st) => (st.effect === 'Deny' ? 1 : 0)),
    };
    this.serviceStatements.set(service, s);
    return s;
  }

  /**
   * Positions in `s` of the statements whose Action / NotAction matches (engine actionMatches).
   * Compiling interns equal Action lists (CompileIntern), and the match reads only the list and
   * whether it is a NotAction, so each distinct list is matched once per action.
   */
  private matchingStatements(s: ServiceStatements, lower: string): Int32Array {
    const asAction = new Map<unknown, boolean>();
    const asNotAction = new Map<unknown, boolean>();
    const out: number[] = [];
    for (let i = 0; i < s.statements.length; i++) {
      const st = s.statements[i];
      const memo = st.notAction ? asNotAction : asAction;
      let matches = memo.get(st.actions);
      if (matches === undefined) memo.set(st.actions, (matches = actionMatches(st, lower)));
      if (matches) out.push(i);
    }
    return Int32Array.from(out);
  }

  /** The numbers of the policies statementsFor(policy, service) finds statements in, ascending (statementsOfService keeps the result). */
  private policiesFor(service: string): Int32Array {
    const own = this.ownServicePolicies.get(service) ?? [];
    return Int32Array.from(new Set([...own, ...this.anyServicePolicies])).sort();
  }

  /** Evaluates one principal's request with the stored context merged under the caller's. */
  evaluateFor(p: IndexedPrincipal, action: string, resource: string, caller: RequestContext, resourceContext: RequestContext): EvaluationResult {
    const context = mergeContext(caller, p.context, resourceContext);
    if (!this.estate) return evaluate({ principal: p.principal, action, resource, context }, p.policies);
    const v = this.view(resource);
    return evaluate({ principal: p.principal, action, resource, context, resourceOwner: v.owner }, this.policySetFor(p, action, v));
  }

  /**
   * evaluateFor on a changed state: other identity policies (a policy written, attached, a group
   * joined) or another resource policy (a rewritten trust policy). Everything else — boundary,
   * SCPs, RCPs, the stored context — is the principal's own; the engine decides (access paths).
   */
  evaluateWith(
    p: IndexedPrincipal,
    action: string,
    resource: string,
    caller: RequestContext,
    change: { identityPolicies?: CompiledPolicy[]; resourcePolicy?: CompiledPolicy },
  ): EvaluationResult {
    const context = mergeContext(caller, p.context, this.resourceContext(resource));
    const v = this.estate ? this.view(resource) : null;
    const base: PolicySet = v ? this.policySetFor(p, action, v) : { ...p.policies };
    const set: PolicySet = { ...base, identityPolicies: change.identityPolicies ?? base.identityPolicies };
    if (change.resourcePolicy) {
      set.resourcePolicy = change.resourcePolicy;
      set.resourcePolicyRequired = v ? requiredFor(action, v, change.resourcePolicy) : resourcePolicyRequired(action, resource);
    }
    return evaluate({ principal: p.principal, action, resource, context, resourceOwner: v?.owner }, set);
  }

  /** Who is allowed (or, with includeConditional, could be) to do `action` on `resource`. */
  whoCan(action: string, resource: string, caller: RequestContext, resourceContext: RequestContext, options: AskOptions = {}): Evaluated[] {
    if (options.bruteForce)
      return this.withOutsiders(this.whoCanBruteForce(action, resource, caller, resourceContext, options), action, resource, caller, resourceContext, options);
    const plan = this.planFor(action);
    const v = this.estate ? this.view(resource) : null;
    const resPolicy = v !== null && v.policy !== null && (!v.isTrustPolicy || action.toLowerCase().startsWith('sts:')) ? v.policy : null;
    const required = v !== null && requiredFor(action, v, resPolicy);
    const rcpLevels = v !== null && v.rcps !== null && rcpsApply(action, undefined) ? v.rcps : null;
    if (plan.candidates.length === 0 && resPolicy === null) return this.withOutsiders([], action, resource, caller, resourceContext, options);
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
    // Maps, not arrays by outcome id: a question reads a few thousand of the index's outcome ids.
    const single = new Map<number, Outcome>();
    const byValues = new Map<number, Map<number | string, Outcome>>();
    const memo = new Int8Array(this.patterns.length);
    /**
     * Per policy: RELEVANT, and the tallyBits of its relevant statements' outcomes when none reads
     * a principal key (the same for every holder), else PER_PRINCIPAL. LayerTally.record only
     * sets flags, so a layer's bits are the OR of its policies' bits.
     */
    const policyBits = new Uint8Array(this.policyList.length);
    const scratch = new LayerTally();
    // The request as the evaluator prepares it. The principal and hasBoundary matter only to
    // resource-policy statements (Principal / NotPrincipal), never to identity statements.
    const base = prepareRequest({ action, resource, context: new LayeredContext(caller, EMPTY_CONTEXT, resourceContext) }, false);
    const { statements, policyOf, patternStart, patternIds, keys, resourceKind, outcomeId, deny, matched: planMatched, ofCandidate } = plan;
    let callerGivesPrincipalKeys = false;
    for (const k of caller.keys()) if (this.keyIndex.has(k)) callerGivesPrincipalKeys = true;
    const scan = this.statementsForPrefix(action.toLowerCase(), plan, arn);
    for (let x = 0; x < scan.length; x++) {
      if ((x & 4095) === 4095) options.checkpoint?.();
      const j = scan[x];
      // A statement without Resource is ignored in identity policies (engine/statement.ts).
      if (resourceKind[j] === 1) continue;
      // Without a resource policy only the candidates are evaluated: other principals' policies do not count.
      if (resPolicy === null && ofCandidate[j] === 0) continue;
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
      relKeys.push(keys[j].length === 0 ? NO_KEYS : callerGivesPrincipalKeys ? this.keyNumbers(keys[j], caller) : plan.keyNums[j]);
      // 3. A statement that reads no principal key has one outcome for everybody.
      const id = outcomeId[j];
      let one: Outcome | null = null;
      if (keys[j].length === 0) {
        one = single.get(id) ?? null;
        if (one === null) single.set(id, (one = outcomeOf(statements[j], base)));
      }
      relSingle.push(one);
      relOutcomeId.push(id);
      if (one === null) policyBits[n] |= RELEVANT | PER_PRINCIPAL;
      else {
        scratch.reset();
        scratch.record(one.flags, deny[j] === 1, planMatched[j], false, DIRECT_MATCH);
        scratch.anyMissing = one.missing !== null;
        policyBits[n] |= RELEVANT | tallyBits(scratch);
      }
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
      let outcomes = byValues.get(relOutcomeId[r]);
      if (outcomes === undefined) byValues.set(relOutcomeId[r], (outcomes = new Map()));
      let o = outcomes.get(key);
      if (o === undefined) {
        if (lastPrepared?.i !== i) lastPrepared = { i, req: { ...base, context: new LayeredContext(caller, principals[i].context, resourceContext) } };
        o = outcomeOf(relStatement[r], lastPrepared.req);
        outcomes.set(key, o);
      }
      return o;
    };

    // 4. Each candidate's decision: its relevant statements' outcomes tallied into the engine's
    // layers (identity policies in order, then the boundary) and combined by the engine's
    // decide() / explain() — no SCPs or resource-based policy in the store. `full` false only
    // decides whether the principal is in the answer (nothing allocated); its EvaluationResult
    // is built when read — a page of the answer, not all of it.
    const { policyStart, policyNumbersOf, boundaryOf } = this;
    /** Tallies relevant statements [from, to) of one layer for principal i into `t`. */
    const tally = (t: LayerTally, from: number, to: number, i: number, full: boolean): void => {
      for (let r = from; r < to; r++) {
        const o = relSingle[r] ?? outcomeFor(r, i);
        if (o.missing !== null) {
          t.anyMissing = true;
          if (full) for (const k of o.missing) (t.missing ??= []).push(k);
        }
        t.record(o.flags, relDeny[r], relMatched[r], full, DIRECT_MATCH);
      }
    };
    const id = new LayerTally();
    const bound = new LayerTally();
    const withBoundary: Layers = { identity: id, boundaries: [bound], scps: NO_TALLIES, resource: null, isRoot: false, sameAccount: true };
    const withoutBoundary: Layers = { ...withBoundary, boundaries: NO_TALLIES };
    const ownerAccount = v !== null ? v.owner : ownerInArn(arn);
    const owner = ownerAccount === undefined ? NO_OWNER : (this.accounts.get(ownerAccount) ?? -1);
    const { scpsOf, accountOf, serviceLinked } = this;
    const service = base.service;
    /** SCP tallies of principals whose SCP levels read no principal key: one per level list (an account). */
    const scpMemo = new Map<CompiledPolicy[][], { tallies: LayerTally[]; missing: string[] | null }>();
    /**
     * The estate's layers for principal i — SCPs of its path, the RCPs of the resource owner's
     * path, the resource policy — evaluated by the engine's evaluateLayer on i's own request (the
     * Principal element and the principal keys differ by principal), in evaluate()'s order.
     */
    // The RCP and resource-policy statements that match the action (what the memo key reads).
    const layerStatements: CompiledStatement[] = [];
    for (const policy of [...(rcpLevels ?? []).flat(), ...(resPolicy !== null ? [resPolicy] : [])]) {
      for (const st of statementsFor(policy, service)) if (actionMatches(st, base.actionLower)) layerStatements.push(st);
    }
    const layerKeys = layerStatements.map((st) => this.keyNumbers(this.keysRead(st), caller));
    type LayerMemo = { rcps: readonly LayerTally[]; resource: LayerTally | null; missing: string[] | null };
    const layerMemo = new Map<string, LayerMemo>();
    // Principals the layer statements do not name by ARN, when those statements read only keys
    // that are the same across an account (its id, organization, path; principal type), are
    // named alike (everyone, their account, or not at all) and read alike: one evaluation per
    // account, type, boundary and RCP applicability serves them all.
    const namedArns = new Set<string>();
    let namesSessions = false;
    for (const st of layerStatements) {
      if (st.principal === null) continue;
      for (const a of st.principal.arns.keys()) {
        namedArns.add(a);
        if (a.includes(':assumed-role/')) namesSessions = true;
      }
    }
    /** Positions of the stored principals the layer statements name by ARN. */
    const namedPositions = new Set<number>();
    for (const a of namedArns) {
      const p = this.byArn.get(a);
      if (p !== undefined) namedPositions.add(this.positions.get(p)!);
    }
    const perAccount = layerStatements.every((st) => this.keysRead(st).every((k) => ACCOUNT_LEVEL_KEYS.has(k)));
    const classMemo = new Map<number, LayerMemo>();
    // The request as principal i makes it (one at a time: estateLayers asks for one principal's).
    let req: PreparedRequest | undefined;
    let reqPrincipal = -1;
    let reqBoundary = false;
    const reqFor = (i: number, hasBoundary: boolean): PreparedRequest => {
      if (req === undefined || reqPrincipal !== i || reqBoundary !== hasBoundary) {
        const p = principals[i];
        req = { ...base, principal: preparePrincipal(p.principal), hasBoundary, context: new LayeredContext(caller, p.context, resourceContext) };
        reqPrincipal = i;
        reqBoundary = hasBoundary;
      }
      return req;
    };
    // estateLayers' answer, one object rewritten per principal (no allocation per candidate).
    // `token` >= 0 when the result came wholly from the per-account memos (SCP levels reading no
    // principal key, RCP / resource-policy layers shared by the class): principals with the same
    // token and the same identity / boundary flags then get the same decision.
    const e: { scps: readonly LayerTally[]; rcps: readonly LayerTally[]; resource: LayerTally | null; missing: string[] | null; token: number } = {
      scps: NO_TALLIES,
      rcps: NO_TALLIES,
      resource: null,
      missing: null,
      token: -1,
    };
    const classCount = 16 * (this.accounts.size + 1);
    const estateLayers = (i: number, hasBoundary: boolean): void => {
      const p = principals[i];
      const scpLevels = scpsOf[i];
      let scps: readonly LayerTally[] = NO_TALLIES;
      let missing: string[] | null = null;
      /** The SCP part of the token: 0 for none, else the level list's number; -1 when it reads principal keys. */
      let scpToken = 0;
      if (scpLevels !== null) {
        let byAction = this.levelsReadPrincipal.get(scpLevels);
        if (byAction === undefined) this.levelsReadPrincipal.set(scpLevels, (byAction = new Map()));
        // Per action: a statement whose Action does not match is not evaluated further, so reads no key (engine evaluateStatement).
        let readsPrincipal = byAction.get(base.actionLower);
        if (readsPrincipal === undefined) {
          readsPrincipal = scpLevels.some((level) =>
            level.some((policy) => statementsFor(policy, service).some((st) => actionMatches(st, base.actionLower) && this.keysRead(st).length > 0)),
          );
          byAction.set(base.actionLower, readsPrincipal);
        }
        scpToken = readsPrincipal ? -1 : this.levelListNumber(scpLevels) + 1;
        const memo = readsPrincipal ? undefined : scpMemo.get(scpLevels);
        if (memo) {
          scps = memo.tallies;
          missing = memo.missing;
        } else {
          const mk = new MissingKeys();
          scps = scpLevels.map((level) => evaluateLayer(level, reqFor(i, hasBoundary), false, mk));
          missing = mk.keys === null ? null : [...mk.keys];
          if (!readsPrincipal) scpMemo.set(scpLevels, { tallies: scps as LayerTally[], missing });
        }
      }
      let rcps: readonly LayerTally[] = NO_TALLIES;
      let resource: LayerTally | null = null;
      // rcpsApply(action, arn): the action's part is rcpLevels' own condition; the principal's is serviceLinked.
      const withRcps = rcpLevels !== null && serviceLinked[i] === 0;
      if (withRcps || resPolicy !== null) {
        // The RCP and resource-policy statements' outcomes depend on the principal only through
        // how their Principal elements name it and the principal keys they read: principals alike
        // in both share one evaluation.
        const shared = perAccount && !namedPositions.has(i) && !(namesSessions && p.model.type === 'ROLE');
        const classKey = shared ? ((accountOf[i] * 2 + (p.model.type === 'USER' ? 1 : 0)) * 2 + (hasBoundary ? 1 : 0)) * 2 + (withRcps ? 1 : 0) : -1;
        const known = shared ? classMemo.get(classKey) : undefined;
        if (known !== undefined) {
          e.scps = scps;
          e.rcps = known.rcps;
          e.resource = known.resource;
          e.missing = known.missing !== null ? matched(missing, known.missing) : missing;
          e.token = scpToken < 0 ? -1 : (scpToken * classCount + classKey + 1) * 2 + (owner === NO_OWNER || owner === accountOf[i] ? 1 : 0);
          return;
        }
        const prepared = reqFor(i, hasBoundary).principal;
        const row = i * keyCount;
        let key = `${hasBoundary ? 'b' : 'n'}${withRcps ? 'r' : 'x'}`;
        for (let k = 0; k < layerStatements.length; k++) {
          const st = layerStatements[k];
          key += st.principal === null ? '-' : matchPrincipal(st.principal, prepared);
          const ks = layerKeys[k];
          for (let q = 0; q < ks.length; q++) key += `,${ks[q] < 0 ? 0 : valueIds[row + ks[q]]}`;
          key += ';';
        }
        let memo = layerMemo.get(key);
        if (memo === undefined) {
          const mk = new MissingKeys();
          const r = withRcps ? rcpLevels!.map((level) => evaluateLayer(level, reqFor(i, hasBoundary), true, mk)) : NO_TALLIES;
          const res = resPolicy !== null ? evaluateLayer([resPolicy], reqFor(i, hasBoundary), true, mk) : null;
          memo = { rcps: r, resource: res, missing: mk.keys === null ? null : [...mk.keys] };
          if (layerMemo.size < 100_000) layerMemo.set(key, memo);
        }
        if (shared) classMemo.set(classKey, memo);
        // The class's token, as a later member gets it from classMemo.
        e.token = shared && scpToken >= 0 ? (scpToken * classCount + classKey + 1) * 2 + (owner === NO_OWNER || owner === accountOf[i] ? 1 : 0) : -1;
        rcps = memo.rcps;
        resource = memo.resource;
        if (memo.missing !== null) missing = matched(missing, memo.missing);
      }
      e.scps = scps;
      e.rcps = rcps;
      e.resource = resource;
      e.missing = missing;
      if (!withRcps && resPolicy === null) e.token = scpToken < 0 ? -1 : scpToken * classCount * 2 + (owner === NO_OWNER || owner === accountOf[i] ? 1 : 0);
    };
    const plain = v === null || (resPolicy === null && rcpLevels === null && !required);
    /** Per memo key: 0 not included, 1 included conditionally, 2 allowed. */
    const decisionMemo = new Map<number, number>();
    const included = (d: { decision: string; conditional: boolean }): Included | null =>
      d.decision === 'ALLOWED' ? INCLUDED : includeConditional && d.conditional ? INCLUDED_CONDITIONAL : null;
    const MEMO_OF = { [INCLUDED]: 2, [INCLUDED_CONDITIONAL]: 1 } as const;
    const fromMemo = (known: number): Included | null => (known === 2 ? INCLUDED : known === 1 ? INCLUDED_CONDITIONAL : null);
    const all: Layers = {
      identity: id,
      boundaries: NO_TALLIES,
      scps: NO_TALLIES,
      rcps: NO_TALLIES,
      resource: null,
      resourceRequired: required,
      isRoot: false,
      sameAccount: true,
    };
    const combine = (i: number, full: boolean): EvaluationResult | Included | null => {
      id.reset();
      bound.reset();
      for (let k = policyStart[i]; k < policyStart[i + 1]; k++) {
        const n = policyNumbersOf[k];
        if (relStart[n] !== 0) tally(id, relStart[n] - 1, relEnd[n], i, full);
      }
      // Without an identity Allow that applies or may apply, and no resource policy that may
      // grant on its own (none, or the caller is of another account, where the identity policies
      // must allow too — engine isAllowed): implicitly denied, not conditional.
      if (!id.allow && !id.possible && (resPolicy === null || (owner !== NO_OWNER && owner !== accountOf[i]))) return null;
      const b = boundaryOf[i];
      if (b >= 0 && relStart[b] !== 0) tally(bound, relStart[b] - 1, relEnd[b], i, full);
      const layers = b >= 0 ? withBoundary : withoutBoundary;
      if (plain && scpsOf[i] === null) {
        const d = decide(layers, id.anyMissing || bound.anyMissing);
        const verdict = included(d);
        if (verdict === null) return null;
        if (!full) return verdict;
        return explain(layers, d, distinctKeys(matched(id.missing, bound.missing)));
      }
      estateLayers(i, b >= 0);
      let memoKey = -1;
      if (!full && e.token >= 0) {
        // The decision reads only the layers' flags (engine decide): memoised per estate token and identity / boundary flags.
        memoKey = e.token * 4096 + tallyBits(id) * 64 + (b >= 0 ? 32 + tallyBits(bound) : 0);
        const known = decisionMemo.get(memoKey);
        if (known !== undefined) return fromMemo(known);
      }
      // One Layers object rewritten per principal: a spread per candidate was most of whoCan's time.
      all.boundaries = layers.boundaries;
      all.scps = e.scps;
      all.rcps = e.rcps;
      all.resource = e.resource;
      all.sameAccount = owner === NO_OWNER || owner === accountOf[i];
      const d = decide(all, id.anyMissing || bound.anyMissing || e.missing !== null);
      const verdict = included(d);
      if (memoKey >= 0) decisionMemo.set(memoKey, verdict === null ? 0 : MEMO_OF[verdict]);
      if (verdict === null) return null;
      if (!full) return verdict;
      return explain(all, d, distinctKeys(matched(matched(id.missing, bound.missing), e.missing)));
    };

    const { rootLike, estateClassOf } = this;
    /** Policy n's bits for principal i (its statements that read principal keys take i's values). */
    const bitsFor = (n: number, i: number): number => {
      let bits = RELEVANT;
      for (let r = relStart[n] - 1; r < relEnd[n]; r++) {
        const o = relSingle[r] ?? outcomeFor(r, i);
        if (o.flags === 0 && o.missing === null) continue;
        scratch.reset();
        scratch.record(o.flags, relDeny[r], relMatched[r], false, DIRECT_MATCH);
        scratch.anyMissing = o.missing !== null;
        bits |= tallyBits(scratch);
      }
      return bits;
    };
    const candidates = resPolicy !== null ? this.withNamed(plan.candidates, namedBy(resPolicy, action), owner) : plan.candidates;
    const out: Evaluated[] = [];
    // A candidate's decision without tallying it (combine with full false reads nothing else):
    // its layers' bits are the OR of its policies' (policyBits); the estate layers' token is the
    // same for every principal of an estate class with the same boundary presence, unless the
    // resource policy names the principal by ARN (then it is decided alone); decisions are
    // memoised per token and bits, as combine memoises them.
    const layered = resPolicy !== null || rcpLevels !== null;
    /** Per estate class × boundary presence: the estate token + 1 (0: not yet known; -1 + 1: none, decide alone). */
    const estateTokens = new Int32Array(this.estateClassCount * 2);
    /** Without SCPs and estate layers: the decision per identity / boundary bits (0 unknown, else decisionMemo's code + 1). */
    const plainDecisions = new Uint8Array(4096);
    for (let c = 0; c < candidates.length; c++) {
      if ((c & 1023) === 1023) options.checkpoint?.();
      const i = candidates[c];
      fast: if (rootLike[i] === 0) {
        // Another account's resource and no resource-based policy: neither allowed nor possibly allowed.
        if (resPolicy === null && owner !== NO_OWNER && owner !== accountOf[i]) continue;
        let idBits = 0;
        for (let k = policyStart[i]; k < policyStart[i + 1]; k++) {
          const n = policyNumbersOf[k];
          const pb = policyBits[n];
          idBits |= (pb & PER_PRINCIPAL) === 0 ? pb : bitsFor(n, i);
        }
        const sameAccount = owner === NO_OWNER || owner === accountOf[i];
        if ((idBits & (ALLOW_BITS | POSSIBLE_BITS)) === 0 && (resPolicy === null || !sameAccount)) continue;
        const b = boundaryOf[i];
        const boundBits = b < 0 ? 0 : (policyBits[b] & PER_PRINCIPAL) === 0 ? policyBits[b] : bitsFor(b, i);
        const bitsKey = (idBits & TALLY_BITS) * 64 + (b >= 0 ? 32 + (boundBits & TALLY_BITS) : 0);
        if (plain && scpsOf[i] === null) {
          const known = plainDecisions[bitsKey];
          if (known !== 0) {
            if (known !== 1) out.push(new LazyEvaluated(principals[i], i, combine, known === 3));
            continue;
          }
          const verdict = combine(i, false) as Included | null;
          plainDecisions[bitsKey] = 1 + (verdict === null ? 0 : MEMO_OF[verdict]);
          if (verdict !== null) out.push(new LazyEvaluated(principals[i], i, combine, verdict === INCLUDED));
          continue;
        }
        if (layered && namedPositions.has(i)) break fast;
        const ec = estateClassOf[i] * 2 + (b >= 0 ? 1 : 0);
        let token = estateTokens[ec] - 1;
        if (token === -1) {
          estateLayers(i, b >= 0);
          token = e.token;
          estateTokens[ec] = token < 0 ? -1 : token + 1;
          if (token < 0) break fast;
        } else if (token < -1) break fast;
        const memoKey = token * 4096 + bitsKey;
        const known = decisionMemo.get(memoKey);
        if (known !== undefined) {
          if (known !== 0) out.push(new LazyEvaluated(principals[i], i, combine, known === 2));
          continue;
        }
      }
      if (rootLike[i] === 1) {
        const p = principals[i];
        const result = this.evaluateFor(p, action, resource, caller, resourceContext);
        if (result.decision === 'ALLOWED' || (includeConditional && result.conditional))
          out.push({ principal: p, result, allowed: result.decision === 'ALLOWED' });
        continue;
      }
      // Another account's resource and no resource-based policy: neither allowed nor possibly allowed.
      if (resPolicy === null && owner !== NO_OWNER && owner !== accountOf[i]) continue;
      const verdict = combine(i, false) as Included | null;
      if (verdict !== null) out.push(new LazyEvaluated(principals[i], i, combine, verdict === INCLUDED));
    }
    return this.withOutsiders(out, action, resource, caller, resourceContext, options);
  }

  /** A number per distinct SCP level list (the estate tokens of whoCan). */
  private levelListNumber(levels: CompiledPolicy[][]): number {
    let n = this.levelListNumbers.get(levels);
    if (n === undefined) this.levelListNumbers.set(levels, (n = this.levelListNumbers.size));
    return n;
  }
  private readonly levelListNumbers = new Map<CompiledPolicy[][], number>();

  /** The identity candidates and the stored principals the resource policy names (all of them for "*"), in ARN order. */
  private withNamed(candidates: Int32Array, named: { all: boolean; arns: Set<string> }, owner: number): Int32Array {
    if (named.all) {
      // "*" may grant the owner account's principals directly; another account's principal also
      // needs its identity policies to allow, so it is an identity candidate already.
      if (owner === NO_OWNER) return Int32Array.from(this.principals.keys());
      const own = this.principalsOfAccount(owner);
      if (own.length === 0) return candidates;
      return mergeSorted(candidates, own);
    }
    if (named.arns.size === 0) return candidates;
    const extra: number[] = [];
    for (const arn of named.arns) {
      const p = this.byArn.get(arn);
      if (p) extra.push(this.positions.get(p)!);
    }
    if ([...named.arns].some((a) => a.startsWith('role:'))) {
      // Role sessions named by session ARN: `role:<account>:<name>` (the role's path is not in the session ARN).
      for (let i = 0; i < this.principals.length; i++) {
        const m = this.principals[i].model;
        if (m.type === 'ROLE' && named.arns.has(`role:${m.accountId}:${m.name}`)) extra.push(i);
      }
    }
    if (extra.length === 0) return candidates;
    return mergeSorted(candidates, Int32Array.from(new Set(extra)).sort());
  }

  private readonly byAccount = new Map<number, Int32Array>();
  /** Positions of an account's principals, ascending. */
  private principalsOfAccount(account: number): Int32Array {
    let list = this.byAccount.get(account);
    if (list === undefined) {
      const out: number[] = [];
      for (let i = 0; i < this.accountOf.length; i++) if (this.accountOf[i] === account) out.push(i);
      this.byAccount.set(account, (list = Int32Array.from(out)));
    }
    return list;
  }

  /**
   * Adds the principals beyond the store that the resource policy grants (contract, "Principals
   * beyond the store"), each evaluated by the engine as itself: an account not in the store as
   * its root ("AWS account principals": the grant delegates to that account, whose own policies
   * must then allow — so the entry is conditional), a service principal, a federated provider, and
   * everyone ("*"). Answers stay in ARN order.
   */
  private withOutsiders(
    out: Evaluated[],
    action: string,
    resource: string,
    caller: RequestContext,
    resourceContext: RequestContext,
    options: AskOptions,
  ): Evaluated[] {
    if (!this.estate) return out;
    const v = this.view(resource);
    const policy = v.policy !== null && (!v.isTrustPolicy || action.toLowerCase().startsWith('sts:')) ? v.policy : null;
    if (policy === null) return out;
    const named = namedBy(policy, action);
    // An account the imported organization does not list has none of its keys (contract, "Context
    // known from the store"); without an organization imported nothing is known of them.
    const outsideOrg = this.estate.organizationId !== null ? ORG_KEYS : [];
    const found: Evaluated[] = [];
    const seen = new Set<string>();
    const consider = (ext: ExternalPrincipal, principal: RequestPrincipal, context: Record<string, string | string[]>, absent: readonly string[]) => {
      if (seen.has(`${ext.type}:${ext.arn}`)) return;
      seen.add(`${ext.type}:${ext.arn}`);
      const entries = Object.entries(context).map(([key, value]) => ({
        key,
        values: Array.isArray(value) ? value : [value],
        type: (Array.isArray(value) ? 'STRING_LIST' : key === 'aws:PrincipalIsAWSService' ? 'BOOLEAN' : 'STRING') as 'STRING',
      }));
      const ctx = mergeContext(caller, contextFrom(entries, undefined, absent), resourceContext);
      const result = evaluate(
        { principal, action, resource, context: ctx, resourceOwner: v.owner },
        {
          identityPolicies: [],
          resourcePolicy: policy,
          resourceControlPolicies: v.rcps !== null && rcpsApply(action, undefined) ? v.rcps : undefined,
          resourcePolicyRequired: requiredFor(action, v, policy),
        },
      );
      // An account, user or role of an account the store does not hold: its own policies are unknown.
      const isAccount = ext.type === 'ACCOUNT' || ext.type === 'USER' || ext.type === 'ROLE';
      const conditional = isAccount ? result.decision === 'ALLOWED' || result.conditional : result.conditional;
      if (result.decision === 'ALLOWED' || (options.includeConditional && conditional)) {
        const model: ModelPrincipal = {
          arn: ext.arn,
          name: ext.arn,
          type: 'ROLE',
          accountId: ext.accountId ?? '',
          uniqueId: null,
          path: '/',
          tags: {},
          groups: [],
          policies: [],
          missingPolicies: [],
        };
        found.push({
          principal: { model, external: ext, principal, policies: { identityPolicies: [] }, context: EMPTY_CONTEXT },
          result: { ...result, conditional },
        });
      }
    };
    const stored = this.accounts;
    for (const m of named.matchers) {
      if (m.everyone) consider({ type: 'ANONYMOUS', arn: '*', accountId: null }, { arn: '*', accountId: '', type: 'Anonymous' }, {}, ANONYMOUS_ABSENT);
      for (const account of m.accounts) {
        if (stored.has(account)) continue;
        const arn = `arn:aws:iam::${account}:root`;
        consider(
          { type: 'ACCOUNT', arn, accountId: account },
          { arn, accountId: account, type: 'Root' },
          {
            'aws:PrincipalArn': arn,
            'aws:PrincipalAccount': account,
            'aws:PrincipalType': 'Account',
            'aws:PrincipalIsAWSService': 'false',
            ...this.estate.orgContext(account, null),
          },
          outsideOrg,
        );
      }
      // A user or role of an account not in the store, named by ARN: evaluated with its own
      // (unknown) identity policies taken as allowing, hence conditional like an account.
      for (const arn of m.arns.keys()) {
        const named = /^arn:[^:]+:iam::(\d{12}):(user|role)\//.exec(arn);
        if (!named || stored.has(named[1])) continue;
        consider(
          { type: named[2] === 'user' ? 'USER' : 'ROLE', arn, accountId: named[1] },
          { arn, accountId: named[1], type: 'Root' },
          {
            'aws:PrincipalArn': arn,
            'aws:PrincipalAccount': named[1],
            'aws:PrincipalType': named[2] === 'user' ? 'User' : 'AssumedRole',
            'aws:PrincipalIsAWSService': 'false',
            ...this.estate.orgContext(named[1], null),
          },
          outsideOrg,
        );
      }
      for (const service of m.services) {
        consider(
          { type: 'SERVICE', arn: service, accountId: null },
          { arn: service, accountId: '', type: 'Service' },
          {
            'aws:PrincipalIsAWSService': 'true',
            'aws:PrincipalServiceName': service,
          },
          ORG_KEYS,
        );
      }
      for (const provider of m.federated) {
        const account = /^arn:[^:]+:iam::(\d{12}):/.exec(provider)?.[1] ?? null;
        consider(
          { type: 'FEDERATED', arn: provider, accountId: account },
          { arn: provider, accountId: account ?? '', type: 'FederatedUser' },
          { 'aws:PrincipalIsAWSService': 'false' },
          ORG_KEYS,
        );
      }
    }
    if (found.length === 0) return out;
    // Byte order, as the store orders ARNs.
    return [...out, ...found].sort((a, b) => (a.principal.model.arn < b.principal.model.arn ? -1 : a.principal.model.arn > b.principal.model.arn ? 1 : 0));
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

  /**
   * The plan's statements that may be relevant to resources whose ARN starts as `arn`'s first five
   * segments do (partition, service, region, account): those with NotResource, and those with a
   * Resource entry whose leading segments may match them (mayMatchPrefix). Context-free, so kept
   * per action and prefix: resources of one service, region and account share it.
   */
  private statementsForPrefix(lower: string, plan: ActionPlan, arn: PreparedArn): Int32Array {
    const segs = arn.segments;
    const key = `${lower}\u0000${segs.length >= 5 ? segs.slice(0, 5).join(':') : `\u0001${arn.text}`}`;
    let list = this.prefixLists.get(key);
    if (list !== undefined && list.plan === plan) return list.statements;
    const out: number[] = [];
    const memo = new Uint8Array(this.patterns.length);
    const { patternStart, patternIds, resourceKind } = plan;
    for (let j = 0; j < resourceKind.length; j++) {
      if (resourceKind[j] === 1) continue;
      if (resourceKind[j] === 2) {
        out.push(j);
        continue;
      }
      for (let k = patternStart[j]; k < patternStart[j + 1]; k++) {
        const id = patternIds[k];
        if (memo[id] === 0) memo[id] = mayMatchPrefix(this.patterns[id], segs) ? 1 : 2;
        if (memo[id] === 1) {
          out.push(j);
          break;
        }
      }
    }
    list = { plan, statements: Int32Array.from(out) };
    this.prefixLists.set(key, list);
    return list.statements;
  }
  private readonly prefixLists = new LRUCache<string, { plan: ActionPlan; statements: Int32Array }>({
    maxSize: ACTION_CACHE_BYTES,
    sizeCalculation: (list, key) => list.statements.byteLength + 2 * key.length + 64,
  });

  /** The action's candidates and action-matching statements (cached per action). */
  private planFor(action: string): ActionPlan {
    const lower = action.toLowerCase();
    let plan = this.plans.get(lower);
    if (plan) return plan;
    // Every principal's statements: a resource policy may bring principals without an identity Allow (their Denies still count).
    const s = this.statementsOfService(serviceOf(lower));
    const matching = this.matchingStatements(s, lower);
    const candidates = this.candidatePositions(action, matching);
    const held = new Uint8Array(this.policyList.length);
    for (const i of candidates) {
      for (let k = this.policyStart[i]; k < this.policyStart[i + 1]; k++) held[this.policyNumbersOf[k]] = 1;
      if (this.boundaryOf[i] >= 0) held[this.boundaryOf[i]] = 1;
    }
    const n = matching.length;
    const statements = Array.from(matching, (i) => s.statements[i]);
    const ids = statements.map((st) => this.patternIdsOf(st));
    const patternStart = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) patternStart[j + 1] = patternStart[j] + ids[j].length;
    const patternIds = new Int32Array(patternStart[n]);
    for (let j = 0; j < n; j++) patternIds.set(ids[j], patternStart[j]);
    const keys = statements.map((st) => this.keysRead(st));
    plan = {
      candidates,
      statements,
      keys,
      keyNums: keys.map((k) => this.keyNumbers(k, EMPTY_CONTEXT)),
      resourceKind: Uint8Array.from(matching, (i) => s.resourceKind[i]),
      outcomeId: Int32Array.from(statements, (st) => this.outcomeIdOf(st)),
      deny: Uint8Array.from(matching, (i) => s.deny[i]),
      matched: statements.map((st) => st.matched),
      ofCandidate: Uint8Array.from(matching, (i) => held[s.policyOf[i]]),
      policyOf: Int32Array.from(matching, (i) => s.policyOf[i]),
      patternStart,
      patternIds,
    };
    this.plans.set(lower, plan);
    return plan;
  }

  /** Key numbers of `keys`; -1 for one no principal has or the caller supplies (its value is then the same for all). */
  private keyNumbers(keys: string[], caller: RequestContext): Int32Array {
    if (keys.length === 0) return NO_KEYS;
    if (caller.size === 0 || !keys.some((k) => caller.has(k))) {
      let cached = this.keyNumbersCache.get(keys);
      if (cached === undefined) this.keyNumbersCache.set(keys, (cached = Int32Array.from(keys, (k) => this.keyIndex.get(k) ?? -1)));
      return cached;
    }
    return Int32Array.from(keys, (k) => (caller.has(k) ? -1 : (this.keyIndex.get(k) ?? -1)));
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
      for (const r of st.resources ?? []) if (r.kind !== 'all' && r.compiled === null) fromTemplate(r.template);
      keys = [...set].sort();
      this.statementKeys.set(st, keys);
    }
    return keys;
  }

  /**
   * A class of resources for the action: resources with equal keys get the same whoCan /
   * evaluateFor answers from every principal but those in `individually` (access paths ask about
   * thousands of roles and users alike, and ask once per class). The key is what the request
   * reads of the resource — the Resource / NotResource patterns of the statements matching the
   * action (identity policies, boundaries, the resource policy, the RCPs) matched on the ARN, the
   * owner, the resource context keys some statement's conditions read, the resource policy's and
   * RCPs' text and whether the resource policy must allow. A pattern with policy variables that
   * may match the ARN is decided per principal and resource together: its holders whose own keys
   * make it name this ARN (or may) are `individually`, to be asked on this resource — and those of
   * the resource a shared answer was computed on, on every other resource of the class (their
   * answer there may be that resource's). The caller's context must not set principal keys. null
   * when a resource policy or RCP pattern has such variables, or a condition key's name does.
   * `replacedPolicy`: the class for evaluateWith under another resource policy (the stored one is
   * not read; the replacement is the caller's).
   */
  resourceClass(action: string, resource: string, replacedPolicy = false): { key: string; individually: ReadonlySet<IndexedPrincipal> } | null {
    const plan = this.planFor(action);
    const arn = prepareArn(resource);
    const { ids, policiesOf } = this.patternsFor(plan, arn);
    let key = '';
    let individually: Set<IndexedPrincipal> | null = null;
    const arnLower = resource.toLowerCase();
    for (let k = 0; k < ids.length; k++) {
      const m = matchPattern(this.patterns[ids[k]], arn);
      key += m === PATTERN_TRUE ? '1' : m === PATTERN_VARIABLE ? 'v' : '0';
      if (m !== PATTERN_VARIABLE) continue;
      // Holders whose pattern, resolved with their own keys, names this ARN — or may name several.
      const { byArn, wild } = this.variableHolders(ids[k], policiesOf[k]);
      for (const p of byArn.get(arnLower) ?? []) (individually ??= new Set()).add(p);
      for (const p of wild) (individually ??= new Set()).add(p);
    }
    const v = this.estate ? this.view(resource) : null;
    const lower = action.toLowerCase();
    const service = lower.slice(0, Math.max(0, lower.indexOf(':')));
    let read = this.planConditionKeys.get(plan);
    if (read === undefined) {
      // The condition keys the action's identity, boundary and SCP statements read.
      const set = new Set<string>();
      let known = true;
      const scpLevels = new Set<CompiledPolicy[][]>();
      for (const levels of this.scpsOf) if (levels !== null) scpLevels.add(levels);
      const scpStatements: CompiledStatement[] = [];
      for (const levels of scpLevels)
        for (const level of levels)
          for (const policy of level) for (const st of statementsFor(policy, service)) if (actionMatches(st, lower)) scpStatements.push(st);
      for (const st of [...plan.statements, ...scpStatements]) if (!conditionKeysInto(st, set)) known = false;
      this.planConditionKeys.set(plan, (read = known ? set : null));
    }
    if (read === null) return null;
    const keys = new Set(read);
    if (v !== null) {
      const policy = !replacedPolicy && v.policy !== null && (!v.isTrustPolicy || lower.startsWith('sts:')) ? v.policy : null;
      for (const layer of [...(v.rcps ?? []).flat(), ...(policy !== null ? [policy] : [])]) {
        for (const st of statementsFor(layer, service)) {
          if (!actionMatches(st, lower)) continue;
          if (!conditionKeysInto(st, keys)) return null;
          for (const pattern of st.resources ?? []) {
            const m = matchPattern(pattern, arn);
            if (m === PATTERN_VARIABLE) return null;
            key += m === PATTERN_TRUE ? '1' : '0';
          }
        }
      }
      // The policy by its text: each role's trust policy is compiled under its own name.
      const text = policy === null ? null : (this.estate!.resource(resource).policy ?? null);
      key += `|${v.owner ?? ''}|${text === null ? '' : this.textNumber(text)}|${v.rcps === null ? '' : this.objectNumber(v.rcps)}|${(replacedPolicy ? resourcePolicyRequired(action, resource) : requiredFor(action, v, policy)) ? 1 : 0}`;
    } else key += `|${ownerInArn(arn) ?? ''}|${resourcePolicyRequired(action, resource) ? 1 : 0}`;
    // Only the resource's keys some statement reads: a unique tag no condition tests does not split a class.
    const tested = [...this.resourceContext(resource)].filter(([k]) => keys.has(k.toLowerCase())).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (tested.length > 0) key += `|${JSON.stringify(tested)}`;
    return { key, individually: individually ?? NO_PRINCIPALS };
  }

  /**
   * The plan's distinct Resource patterns that may match an ARN of this one's first five segments
   * (arn:partition:service:region:account) — the others match none of them: their leading
   * segments, which hold no variable, already fail (headMayMatch) — and the policies using each.
   */
  private patternsFor(plan: ActionPlan, arn: PreparedArn): { ids: Int32Array; policiesOf: number[][] } {
    let byPrefix = this.planPatterns.get(plan);
    if (byPrefix === undefined) this.planPatterns.set(plan, (byPrefix = new Map()));
    const segs = arn.segments;
    const prefix = segs.length >= 6 ? segs.slice(0, 5).join(':') : null;
    let found = byPrefix.get(prefix ?? '');
    if (found !== undefined && prefix !== null) return found;
    const policies = new Map<number, Set<number>>();
    for (let j = 0; j < plan.statements.length; j++) {
      for (let k = plan.patternStart[j]; k < plan.patternStart[j + 1]; k++) {
        const id = plan.patternIds[k];
        let set = policies.get(id);
        if (set === undefined) {
          const p = this.patterns[id];
          if (prefix !== null && p.kind !== 'all' && !headMatches(p.head, segs, 5)) continue;
          policies.set(id, (set = new Set()));
        }
        set.add(plan.policyOf[j]);
      }
    }
    found = { ids: Int32Array.from(policies.keys()), policiesOf: [...policies.values()].map((set) => [...set]) };
    if (byPrefix.size > 256) byPrefix.clear();
    byPrefix.set(prefix ?? '', found);
    return found;
  }

  /**
   * The holders (identity policy or boundary) of a Resource pattern with policy variables, by the
   * one ARN (lower case) the pattern names once their own principal keys fill its variables; `wild`
   * when it may name several or is not known from their keys alone (a wildcard in the text, a
   * variable of the request or resource). A holder whose resolved pattern is another ARN's does
   * not match this one.
   */
  private variableHolders(id: number, numbers: number[]): { byArn: Map<string, IndexedPrincipal[]>; wild: IndexedPrincipal[] } {
    const cacheKey = `${id}|${[...numbers].sort((a, b) => a - b).join(',')}`;
    let found = this.variableHolderSets.get(cacheKey);
    if (found !== undefined) return found;
    found = { byArn: new Map(), wild: [] };
    const pattern = this.patterns[id];
    const set = new Set(numbers);
    for (let i = 0; i < this.principals.length; i++) {
      let holds = set.has(this.boundaryOf[i]);
      for (let k = this.policyStart[i]; k < this.policyStart[i + 1] && !holds; k++) holds = set.has(this.policyNumbersOf[k]);
      if (!holds) continue;
      const p = this.principals[i];
      // As the engine's resolveTemplate: values are literal text; a variable with no single value
      // and no default makes the entry UNKNOWN on every ARN its head may match ("Policy variables
      // with no value"), the same on all of the class: such a holder is not asked one by one.
      let text: string | null = '';
      let unresolved = false;
      if (pattern.kind === 'all') text = null;
      else
        for (const node of pattern.template.nodes) {
          if (typeof node === 'string') {
            if (node.includes('*') || node.includes('?')) text = null;
            else text += node;
          } else if ('lit' in node) text += node.lit;
          else if (!isPrincipalContextKey(node.keyLower)) text = null;
          else {
            const value = p.context.get(node.keyLower);
            if (value !== undefined && value.values.length === 1) text += value.values[0];
            else if (node.fallback !== undefined) text += node.fallback;
            else unresolved = true;
          }
          if (text === null) break;
        }
      if (text === null) found.wild.push(p);
      else if (unresolved) continue;
      else {
        const list = found.byArn.get(text.toLowerCase());
        if (list) list.push(p);
        else found.byArn.set(text.toLowerCase(), [p]);
      }
    }
    if (this.variableHolderSets.size > 1000) this.variableHolderSets.clear();
    this.variableHolderSets.set(cacheKey, found);
    return found;
  }
  private readonly variableHolderSets = new Map<string, { byArn: Map<string, IndexedPrincipal[]>; wild: IndexedPrincipal[] }>();
  private readonly textNumbers = new Map<string, number>();
  private textNumber(text: string): number {
    let n = this.textNumbers.get(text);
    if (n === undefined) this.textNumbers.set(text, (n = this.textNumbers.size));
    return n;
  }
  private readonly planConditionKeys = new WeakMap<ActionPlan, Set<string> | null>();
  private readonly planPatterns = new WeakMap<ActionPlan, Map<string, { ids: Int32Array; policiesOf: number[][] }>>();
  private readonly objectNumbers = new WeakMap<object, number>();
  private objectCount = 0;
  private objectNumber(o: object): number {
    let n = this.objectNumbers.get(o);
    if (n === undefined) this.objectNumbers.set(o, (n = this.objectCount++));
    return n;
  }
}

/** Whether the pattern's leading segments (up to `count`) may match the ARN's: false only when one of them cannot (headMayMatch's test). */
function headMatches(head: SegmentPattern, segs: string[], count: number): boolean {
  for (let i = 0; i < head.matchers.length && i < count; i++) {
    if (i >= segs.length || !head.matchers[i]!(segs[i]!)) return false;
    if (head.spanning[i]) return true;
  }
  return true;
}

/**
 * Adds the (lower-case) condition keys a statement reads, its conditions' and policy variables';
 * false when a key's own name has a variable (what it reads is not known before the request).
 */
function conditionKeysInto(st: CompiledStatement, into: Set<string>): boolean {
  const fromTemplate = (t: Template) => {
    for (const n of t.nodes) if (typeof n !== 'string' && 'variable' in n) into.add(n.keyLower);
  };
  for (const c of st.conditions) {
    if (c.keyLower.includes('${')) return false;
    into.add(c.keyLower);
    for (const v of c.values) fromTemplate(v.template);
  }
  for (const r of st.resources ?? []) if (r.kind !== 'all' && r.compiled === null) fromTemplate(r.template);
  return true;
}

const RELEVANT = 64;
const PER_PRINCIPAL = 128;
const TALLY_BITS = 31;
const ALLOW_BITS = 4;
const POSSIBLE_BITS = 8;

/** The flags of a tally that decide() reads (5 bits). */
function tallyBits(t: LayerTally): number {
  return (t.deny ? 1 : 0) | (t.certainDeny ? 2 : 0) | (t.allow ? 4 : 0) | (t.possible ? 8 : 0) | (t.anyMissing ? 16 : 0);
}

function requiredFor(action: string, v: ResourceView, policy: CompiledPolicy | null): boolean {
  if (!resourcePolicyRequired(action, v.arn)) return false;
  // A role's trust policy comes with the role; a key whose key policy was not imported is read as
  // having AWS KMS's default key policy, which delegates to IAM policies (AWS KMS Developer Guide,
  // "Default key policy": "Allows access to the AWS account and enables IAM policies").
  return policy !== null || v.isTrustPolicy;
}

/**
 * The principals an applicable resource policy's Allow statements may name for the action:
 * `all` when one names everyone ("*") or uses NotPrincipal; else the ARNs it names.
 */
function namedBy(policy: CompiledPolicy, action: string): NamedPrincipals {
  const lower = action.toLowerCase();
  const colon = lower.indexOf(':');
  return namedWhere(policy, colon < 0 ? lower : lower.slice(0, colon), (st) => actionMatches(st, lower));
}

export interface NamedPrincipals {
  all: boolean;
  arns: Set<string>;
  matchers: PrincipalMatcher[];
}

/** namedBy for every action of a service (a role's trust policy for any sts action). */
export function namedForService(policy: CompiledPolicy, service: string): NamedPrincipals {
  return namedWhere(policy, service, () => true);
}

function namedWhere(policy: CompiledPolicy, service: string, applies: (st: CompiledStatement) => boolean): NamedPrincipals {
  const out: NamedPrincipals = { all: false, arns: new Set<string>(), matchers: [] };
  for (const st of statementsFor(policy, service)) {
    if (st.effect !== 'Allow' || !applies(st)) continue;
    if (st.notPrincipal) {
      out.all = true;
      continue;
    }
    if (st.principal === null) continue;
    out.matchers.push(st.principal);
    if (st.principal.everyone) out.all = true;
    for (const arn of st.principal.arns.keys()) {
      out.arns.add(arn);
      // "Role session principals": a session ARN names its role's sessions.
      const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
      if (m) out.arns.add(`role:${m[2]}:${m[3]}`);
    }
  }
  return out;
}

/** The union of two ascending lists of distinct positions, ascending. */
function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) out[n++] = a[i++];
    else if (a[i] > b[j]) out[n++] = b[j++];
    else {
      out[n++] = a[i++];
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out.subarray(0, n);
}

function matched<T>(first: T[] | null, second: T[] | null): T[] {
  if (second === null) return first ?? [];
  return first === null ? second : [...first, ...second];
}

const PATTERN_TRUE = 1;
const PATTERN_FALSE = 2;
/** Has policy variables in its resource part, and its first five components match. */
const PATTERN_VARIABLE = 3;

/** matchArnPattern as far as it does not depend on the context. */
function matchPattern(p: ArnPattern, arn: PreparedArn): number {
  if (p.kind === 'all') return PATTERN_TRUE;
  if (p.compiled !== null) return matchArnPattern(p, arn, EMPTY_CONTEXT, null) === TRUE ? PATTERN_TRUE : PATTERN_FALSE;
  // Variables: the segments before the first one do not depend on them.
  return headMayMatch(p, arn) ? PATTERN_VARIABLE : PATTERN_FALSE;
}

/**
 * Could the entry match some ARN whose first five segments are `segs`' (all of `segs` when it has
 * fewer)? Each pattern segment before the first spanning one pairs with one request segment
 * (engine/arn.ts matchSegments), so those of the first five must match; segments holding variables
 * are not checked (headMayMatch's rule).
 */
function mayMatchPrefix(p: ArnPattern, segs: readonly string[]): boolean {
  if (p.kind === 'all') return true;
  const head = p.head;
  const m = Math.min(head.matchers.length, 5);
  for (let i = 0; i < m; i++) {
    if (i >= segs.length || !head.matchers[i]!(segs[i]!)) return false;
    if (head.spanning[i]) return true;
  }
  return true;
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

function uniqueCompiled(list: (CompiledPolicy | null)[]): CompiledPolicy[] {
  const seen = new Set<CompiledPolicy>();
  for (const p of list) if (p) seen.add(p);
  return [...seen];
}
