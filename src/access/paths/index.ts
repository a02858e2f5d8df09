/**
 * Access paths over one model version: privilege escalations (who can make themselves, or reach,
 * an administrator), transitive whoCan (who reaches an allowed principal through sts:AssumeRole
 * chains) and the roles a principal can reach. Built lazily on the first question and kept with
 * the access index (a new import makes a new one): the answers after the first come from cache.
 */
import type { ContextEntry } from '../../engine/context.js';
import type { EvaluationResult } from '../../engine/types.js';
import type { PathFacts } from '../../store/path-facts.js';
import type { WorkloadState } from '../../store/workload-model.js';
import type { AccessIndex, Evaluated, IndexedPrincipal } from '../access-index.js';
import { NotFoundError, quoted } from '../errors.js';
import { whoCan, type WhoCanAnswer } from '../questions.js';
import { PrincipalGraph } from './graph.js';
import { pathOf, PATH_LIMITS, searchBackward, searchForward, type SearchResult, type Target } from './search.js';
import type { AccessStep } from './steps.js';

export { PATH_LIMITS } from './search.js';
export type { AccessStep, AccessStepKind, StepAction } from './steps.js';
export { ACCESS_STEP_KINDS, stepStatements } from './steps.js';
export { ADMINISTRATOR_PROBES } from './administrator.js';

export interface Escalation {
  principal: IndexedPrincipal;
  path: AccessStep[];
  /** The administrator reached, or the principal itself when it makes itself one. */
  reaches: string;
  conditional: boolean;
}

export interface TransitiveEntry extends Evaluated {
  /** Empty when the principal is allowed itself; else its sts:AssumeRole chain to an allowed principal. */
  path: AccessStep[];
  conditional: boolean;
}

export interface PathOptions {
  checkpoint?: () => void;
  limits?: { maxDepth: number; maxNodes: number };
}

/** Transitive searches kept per model version, least recently asked dropped first. */
const SEARCHES_KEPT = 32;

export class AccessPaths {
  readonly graph: PrincipalGraph;
  private readonly searches = new Map<string, SearchResult>();
  private escalationCache: { list: Escalation[]; truncated: boolean } | undefined;

  constructor(
    readonly index: AccessIndex,
    facts: PathFacts,
    workloads: WorkloadState,
  ) {
    this.graph = new PrincipalGraph(index, facts, workloads);
  }

  /** Every principal that is not an administrator and can become one (one shortest path each), in ARN order. */
  escalations(options: PathOptions = {}): { list: Escalation[]; truncated: boolean } {
    if (this.escalationCache) return this.escalationCache;
    const g = this.graph;
    const targets: Target[] = [];
    const admins = g.administrators();
    for (const a of admins) targets.push({ arn: a.model.arn, step: null, conditional: g.verdict(a) === 'CONDITIONAL' });
    const adminSet = new Set(admins.filter((a) => g.verdict(a) === 'ADMIN'));
    for (const p of g.selfEdgeCandidates()) {
      if (adminSet.has(p)) continue;
      options.checkpoint?.();
      // A conditional administrator is a target already: only definite steps to administrator add to it (searchBackward).
      const self = g.selfEdgesOf(p, g.verdict(p) === 'CONDITIONAL');
      // Definite edges first (searchBackward takes a target's first entry per pass).
      const sorted = [...self].sort((a, b) => Number(a.conditional) - Number(b.conditional));
      for (const s of sorted) targets.push({ arn: p.model.arn, step: s, conditional: false });
    }
    const result = searchBackward(
      targets,
      (arn, pass) => {
        const q = g.principal(arn);
        if (!q) return [];
        return q.model.type === 'ROLE' ? [...g.assumeEdges(arn, pass), ...g.otherEdges(arn, pass)] : g.otherEdges(arn, pass);
      },
      options.limits ?? PATH_LIMITS,
      options.checkpoint,
    );
    const list: Escalation[] = [];
    for (const p of this.index.principals) {
      if (p.external || adminSet.has(p)) continue;
      const r = result.reached.get(p.model.arn);
      if (!r) continue;
      const path = pathOf(result, p.model.arn);
      if (path.length === 0) continue;
      const last = path[path.length - 1];
      const reaches = last.empowers ? last.to : (result.reached.get(last.to)?.reaches ?? last.to);
      const terminalConditional = !last.empowers && g.verdict(g.principal(reaches)!) === 'CONDITIONAL';
      list.push({ principal: p, path, reaches, conditional: terminalConditional || path.some((s) => s.conditional) });
    }
    this.escalationCache = { list, truncated: result.truncated };
    return this.escalationCache;
  }

  escalationOf(arn: string, options: PathOptions = {}): Escalation | undefined {
    return this.escalations(options).list.find((e) => e.principal.model.arn === arn);
  }

  /**
   * whoCan, plus the principals that reach an allowed principal through sts:AssumeRole chains.
   * A chain entry carries the allowed principal's result; it is conditional when a hop or that
   * result is.
   */
  whoCanTransitive(
    action: string,
    resource: string,
    context: ContextEntry[] | undefined,
    options: { includeConditional?: boolean; checkpoint?: () => void } = {},
  ): Omit<WhoCanAnswer, 'entries'> & { entries: TransitiveEntry[]; truncated: boolean } {
    const answer = whoCan(this.index, action, resource, context, { includeConditional: true, checkpoint: options.checkpoint });
    const direct = new Map<string, EvaluationResult>();
    const targets: Target[] = [];
    for (const e of answer.entries) {
      if (e.principal.external) continue;
      direct.set(e.principal.model.arn, e.result);
      targets.push({ arn: e.principal.model.arn, step: null, conditional: e.result.decision !== 'ALLOWED' });
    }
    // The search reads only the targets (who is allowed, definitely or not) and the role graph:
    // a question with the same allowed principals (another time of day, another action granted
    // alike) reuses it. The answer itself is the index's, every time.
    const key = targets.map((t) => (t.conditional ? `?${t.arn}` : t.arn)).join('\n');
    let result: SearchResult | undefined = this.searches.get(key);
    if (result === undefined) {
      result = searchBackward(
        targets,
        (arn, pass) => (this.graph.principal(arn)?.model.type === 'ROLE' ? this.graph.assumeEdges(arn, pass) : []),
        PATH_LIMITS,
        options.checkpoint,
      );
      if (this.searches.size >= SEARCHES_KEPT) this.searches.delete(this.searches.keys().next().value!);
    } else this.searches.delete(key);
    this.searches.set(key, result);
    const entries: TransitiveEntry[] = [];
    const byArn = new Map<string, Evaluated>();
    for (const e of answer.entries) byArn.set(e.principal.model.arn, e);
    const arns = new Set<string>([...byArn.keys(), ...result.reached.keys()]);
    for (const arn of [...arns].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const own = byArn.get(arn);
      if (own && (own.result.decision === 'ALLOWED' || own.principal.external)) {
        if (own.result.decision === 'ALLOWED' || options.includeConditional)
          entries.push({ principal: own.principal, result: own.result, path: [], conditional: own.result.conditional });
        continue;
      }
      const path = pathOf(result, arn);
      const r = result.reached.get(arn);
      if (!r) continue;
      const end = path.length ? path[path.length - 1].to : arn;
      const endResult = direct.get(end);
      if (!endResult) continue;
      const conditional = endResult.decision !== 'ALLOWED' || path.some((s) => s.conditional);
      if (path.length === 0) {
        // Conditionally allowed itself, and no chain does better.
        if (options.includeConditional && own) entries.push({ principal: own.principal, result: own.result, path: [], conditional: true });
        continue;
      }
      if (conditional && !options.includeConditional) continue;
      const principal = this.graph.principal(arn);
      if (!principal) continue;
      entries.push({ principal, result: endResult, path, conditional });
    }
    return { ...answer, entries, truncated: result.truncated };
  }

  /** The roles the principal can reach through sts:AssumeRole chains, each with its shortest chain, in ARN order. */
  reachableRoles(arn: string): { role: IndexedPrincipal; path: AccessStep[] }[] {
    if (!this.graph.principal(arn)) throw new NotFoundError(`No stored user or role has the ARN ${quoted(arn)}`);
    const { paths } = searchForward(arn, (from) => this.graph.assumeEdgesFrom(from));
    const out: { role: IndexedPrincipal; path: AccessStep[] }[] = [];
    for (const [to, path] of [...paths].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const role = this.graph.principal(to);
      if (role) out.push({ role, path });
    }
    return out;
  }
}
