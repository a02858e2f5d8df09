/**
 * Path search over the principal graph: breadth-first from the targets backwards along the edges
 * into each principal, so each principal's first discovery is one of its shortest paths (in
 * steps). Definite steps first: a principal gets a conditional path only when no path of definite
 * steps exists. Cycles (roles trusting each other) are handled by visiting each principal once.
 *
 * Bounded: at most `maxDepth` steps per path and `maxNodes` principals expanded per search
 * (PATH_LIMITS); a search that hits a bound says so (`truncated`), and what it found stays true.
 */
import type { AccessStep } from './steps.js';

export const PATH_LIMITS = { maxDepth: 8, maxNodes: 50_000 } as const;

export interface Reached {
  /** The first step of the principal's path (null when it is a target itself). */
  next: AccessStep | null;
  /** The target the path ends at (an administrator, the allowed principal, or the caller itself for a self edge). */
  reaches: string;
  depth: number;
  conditional: boolean;
}

export interface SearchResult {
  reached: Map<string, Reached>;
  truncated: boolean;
}

/**
 * A pass of the search as edgesInto sees it: the principals reached so far (their steps are not
 * wanted any more) and whether only definite steps are; `memo` is the edge builder's, for the pass.
 */
export interface SearchPass {
  readonly seen: ReadonlyMap<string, unknown>;
  readonly definiteOnly: boolean;
  readonly memo: Map<unknown, unknown>;
}

export interface Target {
  arn: string;
  /** The step that makes it a target (a self edge), or null when it is one already. */
  step: AccessStep | null;
  conditional: boolean;
}

/**
 * Multi-source backward BFS. `edgesInto(arn)` gives the steps ending at `arn`; `from` of each is
 * the principal that can take it. Two passes: definite steps and targets only, then any.
 */
export function searchBackward(
  targets: Target[],
  edgesInto: (arn: string, pass: SearchPass) => AccessStep[],
  limits: { maxDepth: number; maxNodes: number } = PATH_LIMITS,
  checkpoint?: () => void,
): SearchResult {
  const reached = new Map<string, Reached>();
  let truncated = false;
  for (const definiteOnly of [true, false]) {
    const seen = new Map<string, Reached>();
    const pass: SearchPass = { seen, definiteOnly, memo: new Map() };
    let frontier: string[] = [];
    for (const t of targets) {
      if (definiteOnly && (t.conditional || t.step?.conditional)) continue;
      if (seen.has(t.arn)) continue;
      const r: Reached = { next: t.step, reaches: t.arn, depth: t.step ? 1 : 0, conditional: t.conditional || (t.step?.conditional ?? false) };
      seen.set(t.arn, r);
      frontier.push(t.arn);
    }
    let expanded = 0;
    while (frontier.length > 0) {
      const nextFrontier: string[] = [];
      for (const arn of frontier) {
        const here = seen.get(arn)!;
        if (here.depth >= limits.maxDepth) {
          truncated = true;
          continue;
        }
        if (expanded >= limits.maxNodes) {
          truncated = true;
          break;
        }
        expanded++;
        checkpoint?.();
        // edgesInto may leave out steps from seen sources, and conditional ones in the definite pass (the loop skips them anyway).
        for (const step of edgesInto(arn, pass)) {
          // Whether a step is conditional is read only for new sources (building it has a cost).
          if (seen.has(step.from)) continue;
          if (definiteOnly && step.conditional) continue;
          const r: Reached = { next: step, reaches: here.reaches, depth: here.depth + 1, conditional: here.conditional || step.conditional };
          seen.set(step.from, r);
          nextFrontier.push(step.from);
        }
      }
      frontier = nextFrontier;
    }
    for (const [arn, r] of seen) if (!reached.has(arn)) reached.set(arn, r);
  }
  return { reached, truncated };
}

/** The path of a reached principal: its first step, then each next principal's, until the target. */
export function pathOf(result: SearchResult, arn: string): AccessStep[] {
  const path: AccessStep[] = [];
  let r = result.reached.get(arn);
  const guard = new Set<string>();
  while (r?.next) {
    path.push(r.next);
    if (r.next.to === r.next.from || guard.has(r.next.to)) break;
    guard.add(r.next.to);
    r = result.reached.get(r.next.to);
  }
  return path;
}

/** Forward BFS from one principal along `edgesFrom`: the principals reachable, each with its shortest path. */
export function searchForward(
  start: string,
  edgesFrom: (arn: string) => AccessStep[],
  limits: { maxDepth: number; maxNodes: number } = PATH_LIMITS,
): { paths: Map<string, AccessStep[]>; truncated: boolean } {
  const paths = new Map<string, AccessStep[]>();
  let truncated = false;
  // Definite first, then conditional, as searchBackward.
  for (const definiteOnly of [true, false]) {
    const seen = new Map<string, AccessStep[]>([[start, []]]);
    let frontier = [start];
    let expanded = 0;
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const arn of frontier) {
        const path = seen.get(arn)!;
        if (path.length >= limits.maxDepth) {
          truncated = true;
          continue;
        }
        if (expanded++ >= limits.maxNodes) {
          truncated = true;
          break;
        }
        for (const step of edgesFrom(arn)) {
          if (seen.has(step.to)) continue;
          if (definiteOnly && step.conditional) continue;
          seen.set(step.to, [...path, step]);
          next.push(step.to);
        }
      }
      frontier = next;
    }
    for (const [arn, path] of seen) if (arn !== start && !paths.has(arn)) paths.set(arn, path);
  }
  return { paths, truncated };
}
