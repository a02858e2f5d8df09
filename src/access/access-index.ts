/**
 * The compiled access index: everything whoCan / whatCan / simulatePrincipalPolicy need, built
 * once from an AccessModel (after each import) and then only read.
 *
 * Speed comes from not evaluating principals that cannot be allowed. Within an account, a
 * request is allowed only if an identity policy has an Allow statement matching the action
 * ("Policy evaluation logic": without a resource-based policy, an identity-based allow is
 * required; the store holds no resource-based policies). So for each action we find the compiled
 * policies that have such a statement (statements are already bucketed by service), then only
 * the principals holding one of them are evaluated — by the full evaluator, so the answer is the
 * same as evaluating everyone (`bruteForce` keeps that path for tests to compare against).
 */
import { parsePolicy } from '../policy/parse.js';
import { compilePolicy, statementsFor, type CompiledPolicy } from '../engine/compile.js';
import { evaluate, type PolicySet } from '../engine/evaluate.js';
import type { EvaluationResult, RequestContext, RequestPrincipal } from '../engine/types.js';
import type { AccountModel, ModelPrincipal } from '../store/account-model.js';
import { mergeContext, requestPrincipal, storedPrincipalContext, storedResourceContext } from './stored-context.js';

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

export class AccessIndex {
  /** Principals in ARN order (the order answers are given in). */
  readonly principals: IndexedPrincipal[];
  private readonly byArn = new Map<string, IndexedPrincipal>();
  private readonly resourceContexts = new Map<string, RequestContext>();
  /** Distinct compiled identity policies, and who holds each. */
  private readonly holders = new Map<CompiledPolicy, IndexedPrincipal[]>();
  /** action (lower case) → principals holding an Allow statement that matches it. */
  private readonly candidatesByAction = new Map<string, IndexedPrincipal[]>();
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
            c = compilePolicy(parsePolicy(p.document, { lenient: true }).document, p.name);
          } catch (e) {
            this.problems.push(`${p.name}: ${(e as Error).message}`);
            c = null;
          }
        }
        compiled.set(id, c);
      }
      return c;
    };
    // The store gives principals in ARN order (byte order, as SQLite compares text).
    this.principals = model.principals.map((m) => {
      const identityPolicies = uniqueCompiled(m.policies.map(compile));
      // A boundary that cannot be read allows nothing: the principal keeps no permissions.
      const boundary = m.permissionsBoundary ? (compile(m.permissionsBoundary) ?? compilePolicy(EMPTY_DOCUMENT, m.permissionsBoundary.name)) : undefined;
      const indexed: IndexedPrincipal = {
        model: m,
        principal: requestPrincipal(m),
        policies: { identityPolicies, permissionsBoundaries: boundary ? [boundary] : undefined },
        context: storedPrincipalContext(m),
      };
      for (const p of identityPolicies) {
        const list = this.holders.get(p);
        if (list) list.push(indexed);
        else this.holders.set(p, [indexed]);
      }
      this.byArn.set(m.arn, indexed);
      return indexed;
    });
    for (const r of model.resources) this.resourceContexts.set(r.arn, storedResourceContext(r.tags));
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
    // Bounded: one entry per distinct action asked about (the catalog has ~18,000).
    if (this.candidatesByAction.size > 20_000) this.candidatesByAction.clear();
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
    const out: Evaluated[] = [];
    const candidates = options.bruteForce ? this.principals : this.candidatesFor(action);
    for (let i = 0; i < candidates.length; i++) {
      if ((i & 1023) === 1023) options.checkpoint?.();
      const p = candidates[i];
      const result = this.evaluateFor(p, action, resource, caller, resourceContext);
      if (result.decision === 'ALLOWED' || (options.includeConditional && result.conditional)) out.push({ principal: p, result });
    }
    return out;
  }
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
