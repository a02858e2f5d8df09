/**
 * Compiling a parsed policy document once into matchers.
 *
 * Sources:
 *  - "IAM JSON policy elements: Version": without `"Version": "2012-10-17"` (absent, or
 *    "2008-10-17") policy variables are not supported and `${...}` is literal text ("IAM policy
 *    elements: Variables and tags", Introduction, Note).
 *  - "IAM JSON policy elements: Effect" / "Action" / "NotAction": Effect and one of Action /
 *    NotAction are required; a statement without them is invalid and is ignored here.
 *  - "IAM JSON policy elements: Action": action names are case-insensitive, `*` and `?` allowed.
 *
 * Statements are indexed by the service prefix of their action patterns so that evaluation only
 * looks at statements that can possibly match the request's service (see `statementsFor`).
 */
import type { Effect, PolicyDocument, Statement } from '../policy/types.js';
import type { MatchedStatement } from './types.js';
import { compileGlobLower, type Matcher } from '../util/wildcard.js';
import { compileArnPattern, type ArnPattern } from './arn.js';
import { compilePrincipal, type PrincipalMatcher } from './principal.js';
import { compileCondition, type CompiledCondition } from './conditions/evaluate.js';

export interface CompiledStatement {
  effect: Effect;
  /** Precomputed result entry, shared by every decision this statement takes part in. */
  matched: MatchedStatement;
  actions: Matcher[];
  notAction: boolean;
  /** null when the statement has neither Resource nor NotResource (see statement.ts). */
  resources: ArnPattern[] | null;
  notResource: boolean;
  principal: PrincipalMatcher | null;
  notPrincipal: boolean;
  conditions: CompiledCondition[];
}

export interface CompiledPolicy {
  name: string;
  statements: CompiledStatement[];
  /** Statements whose actions can only match one service, by lower-case service prefix. */
  byService: Map<string, CompiledStatement[]>;
  /** Statements that may match any service (NotAction, or a wildcard in the service prefix). */
  anyService: CompiledStatement[];
  /** Memo: service → candidate statements in document order (filled on first use). */
  candidates: Map<string, CompiledStatement[]>;
}

/**
 * Compiled Action, Resource and Condition parts shared by their text across the policies of one
 * build (the access index compiles tens of thousands of policies, mostly copies of a few
 * statements: one compiled matcher per distinct text, not one per policy). Compiled parts are
 * immutable (their memos of resolved variables are keyed by resolved text), so sharing them
 * changes no answer. The owner drops the intern when the build is done.
 */
export class CompileIntern {
  private readonly parts = new Map<string, unknown>();
  get<T>(key: string, make: () => T): T {
    let v = this.parts.get(key) as T | undefined;
    if (v === undefined) this.parts.set(key, (v = make()));
    return v;
  }
}

export function compilePolicy(document: PolicyDocument, name: string, intern?: CompileIntern): CompiledPolicy {
  const variablesEnabled = document.version === '2012-10-17';
  const statements: CompiledStatement[] = [];
  const byService = new Map<string, CompiledStatement[]>();
  const anyService: CompiledStatement[] = [];
  for (const st of document.statements) {
    const compiled = compileStatement(st, name, variablesEnabled, intern);
    if (!compiled) continue;
    statements.push(compiled);
    const services = serviceKeys(st);
    if (services === null) anyService.push(compiled);
    else for (const svc of services) push(byService, svc, compiled);
  }
  return { name, statements, byService, anyService, candidates: new Map() };
}

function push(map: Map<string, CompiledStatement[]>, key: string, st: CompiledStatement): void {
  const list = map.get(key);
  if (!list) map.set(key, [st]);
  else if (list[list.length - 1] !== st) list.push(st);
}

/** The services a statement's Action can match, or null when it may match any service. */
function serviceKeys(st: Statement): string[] | null {
  if (!st.action) return null;
  const out: string[] = [];
  for (const a of st.action) {
    const colon = a.indexOf(':');
    const svc = colon < 0 ? a : a.slice(0, colon);
    if (colon < 0 || svc.includes('*') || svc.includes('?')) return null;
    out.push(svc.toLowerCase());
  }
  return out;
}

function compileStatement(st: Statement, policyName: string, variablesEnabled: boolean, intern: CompileIntern | undefined): CompiledStatement | null {
  if (st.effect !== 'Allow' && st.effect !== 'Deny') return null;
  const actionList = st.action ?? st.notAction;
  if (!actionList) return null;
  const matched: MatchedStatement = Object.freeze({
    policyName,
    ...(st.sid !== undefined ? { sid: st.sid } : {}),
    effect: st.effect,
    line: st.position.line,
    column: st.position.column,
  });
  const resourceList = st.resource ?? st.notResource;
  const principalElement = st.principal ?? st.notPrincipal;
  return {
    effect: st.effect,
    matched,
    actions: intern
      ? intern.get(`A${JSON.stringify(actionList)}`, () => actionList.map((a) => intern.get(`a${a}`, () => compileGlobLower(a))))
      : actionList.map((a) => compileGlobLower(a)),
    notAction: !st.action,
    resources: resourceList
      ? intern
        ? internResources(intern, resourceList, variablesEnabled)
        : resourceList.map((r) => compileArnPattern(r, variablesEnabled))
      : null,
    notResource: !st.resource && !!st.notResource,
    principal: principalElement ? compilePrincipal(principalElement) : null,
    notPrincipal: !st.principal && !!st.notPrincipal,
    conditions: intern ? internConditions(intern, st, variablesEnabled) : st.conditions.map((c) => compileCondition(c, variablesEnabled)),
  };
}

function internResources(intern: CompileIntern, list: string[], variablesEnabled: boolean): ArnPattern[] {
  const v = variablesEnabled ? 'v' : 'n';
  return intern.get(`R${v}${JSON.stringify(list)}`, () => list.map((r) => intern.get(`r${v}${r}`, () => compileArnPattern(r, variablesEnabled))));
}

/** A compiled condition reads its operator, key (as written) and values, and whether variables are on. */
function internConditions(intern: CompileIntern, st: Statement, variablesEnabled: boolean): CompiledCondition[] {
  if (st.conditions.length === 0) return NO_CONDITIONS;
  const text = (c: Statement['conditions'][number]) => JSON.stringify([variablesEnabled, c.operator, c.key, c.values]);
  return intern.get(`C${st.conditions.map(text).join(',')}`, () =>
    st.conditions.map((c) => intern.get(`c${text(c)}`, () => compileCondition(c, variablesEnabled))),
  );
}
const NO_CONDITIONS: CompiledCondition[] = [];

/** The statements of `policy` that may match an action of `service` (lower-case), in document order. */
export function statementsFor(policy: CompiledPolicy, service: string): CompiledStatement[] {
  let list = policy.candidates.get(service);
  if (list) return list;
  const own = policy.byService.get(service);
  // A service the policy does not name needs no memo (the answer is anyService itself), so the
  // memo is keyed only by services the policy's own text names, never by what requests ask about.
  if (!own) return policy.anyService;
  if (policy.anyService.length === 0) list = own;
  else {
    const set = new Set<CompiledStatement>([...own, ...policy.anyService]);
    list = policy.statements.filter((s) => set.has(s));
  }
  policy.candidates.set(service, list);
  return list;
}
