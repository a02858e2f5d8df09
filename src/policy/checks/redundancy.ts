/**
 * Access Analyzer's REDUNDANT_RESOURCE and REDUNDANT_STATEMENT suggestions ("IAM policy
 * validation check reference"): an entry whose every match another entry of the same list already
 * matches ("arn:aws:s3:::b/logs/*" next to "arn:aws:s3:::b/*"), and a statement whose every
 * action and resource another statement of the same effect, principal and conditions covers.
 */
import { compileGlob, compileGlobLower, type Matcher } from '../../util/wildcard.js';
import type { SourcePosition, Statement } from '../types.js';
import type { CheckContext } from './context.js';

/** Entries compared pairwise at most: a 100,000-entry list is checked for duplicates only. */
const MAX_PAIRWISE = 512;
/** Statements compared pairwise at most. */
const MAX_STATEMENTS = 256;

const matchers = new Map<string, Matcher>();
/** Action names match case-insensitively, resource ARNs case-sensitively ("IAM JSON policy elements: Resource"). */
function glob(pattern: string, ignoreCase: boolean): Matcher {
  const k = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let m = matchers.get(k);
  if (!m) {
    if (matchers.size >= 4096) matchers.clear();
    matchers.set(k, (m = ignoreCase ? compileGlobLower(pattern.toLowerCase()) : compileGlob(pattern)));
  }
  return m;
}

/** True when every string `inner` matches, `outer` matches too (wildcards in `inner` taken as any text). */
function covers(outer: string, inner: string, ignoreCase = false): boolean {
  if (outer === inner) return true;
  if (!/[*?]/.test(outer)) return false;
  return glob(outer, ignoreCase)(ignoreCase ? inner.toLowerCase() : inner);
}

export function checkRedundantResources(ctx: CheckContext, list: readonly string[], positions: readonly SourcePosition[], fallback: SourcePosition): void {
  const seen = new Set<string>();
  const pairwise = list.length <= MAX_PAIRWISE;
  list.forEach((value, j) => {
    const pos = positions[j] ?? fallback;
    if (seen.has(value)) {
      ctx.add('REDUNDANT_RESOURCE', `"${value}" is listed twice`, pos);
      return;
    }
    seen.add(value);
    if (!pairwise) return;
    for (let i = 0; i < list.length; i++) {
      const other = list[i];
      if (i === j || other === value) continue;
      // Mutual cover (the same set of resources written twice): report the later one only.
      if (covers(other, value) && !(covers(value, other) && i > j)) {
        ctx.add('REDUNDANT_RESOURCE', `"${value}" is already covered by "${other}"`, pos);
        return;
      }
    }
  });
}

function conditionsKey(s: Statement): string {
  return JSON.stringify(s.conditions.map((c) => [c.operator.toLowerCase(), c.key.toLowerCase(), [...c.values].sort()]).sort());
}

function principalKey(s: Statement): string {
  const p = s.principal ?? s.notPrincipal;
  if (!p) return '';
  return (
    (s.principal ? 'P' : 'N') +
    JSON.stringify(
      p.wildcard
        ? '*'
        : Object.entries(p.values)
            .map(([k, v]) => [k, [...v].sort()])
            .sort(),
    )
  );
}

function allCovered(outer: readonly string[], inner: readonly string[], lower: boolean): boolean {
  const o = lower ? outer.map((x) => x.toLowerCase()) : outer;
  return inner.every((x) => {
    const v = lower ? x.toLowerCase() : x;
    return o.some((p) => covers(p, v, lower));
  });
}

export function checkRedundantStatements(ctx: CheckContext): void {
  const list = ctx.document.statements.filter(
    (s) => s.effect && s.action && !s.notAction && s.resource && !s.notResource && s.action.length > 0 && s.resource.length > 0,
  );
  if (list.length < 2 || list.length > MAX_STATEMENTS) return;
  const keys = list.map((s) => `${s.effect}|${principalKey(s)}|${conditionsKey(s)}`);
  // Pattern tests allowed in all: the pairwise comparison stays linear-ish in the policy's size.
  let budget = 200_000;
  for (let j = 0; j < list.length; j++) {
    for (let i = 0; i < list.length; i++) {
      if (i === j || keys[i] !== keys[j]) continue;
      budget -= list[i].action!.length * list[j].action!.length + list[i].resource!.length * list[j].resource!.length;
      if (budget < 0) return;
      const a = list[i];
      const b = list[j];
      if (allCovered(a.action!, b.action!, true) && allCovered(a.resource!, b.resource!, false)) {
        const mutual = allCovered(b.action!, a.action!, true) && allCovered(b.resource!, a.resource!, false);
        if (mutual && i > j) continue;
        ctx.add(
          'REDUNDANT_STATEMENT',
          `Statement ${b.index + 1}${b.sid ? ` ("${b.sid}")` : ''} is redundant: statement ${a.index + 1}${a.sid ? ` ("${a.sid}")` : ''} already ${b.effect === 'Deny' ? 'denies' : 'allows'} all of its actions on all of its resources under the same conditions`,
          b.position,
        );
        break;
      }
    }
  }
}
