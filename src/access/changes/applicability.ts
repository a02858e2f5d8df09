/**
 * Which actions apply to which patterns (accessChanges evaluates an action on a pattern only
 * where it applies): any action on `*`; for a pattern the catalog types, the actions the catalog
 * lists for that resource type (whatCan's rule); otherwise those of the service it names.
 */
import { actionsOnResourceType, resourceTypeForArn } from '../../catalog/index.js';

/** Which actions apply to a pattern: any; those of one service; those the catalog lists for its resource type (catalog names, and lower case). */
export type Applicability = { kind: 'any' } | { kind: 'prefix'; prefix: string } | { kind: 'type'; names: string[]; lower: Set<string> };
const ANY: Applicability = { kind: 'any' };
const applicable = new Map<string, Applicability>();
const byType = new WeakMap<object, Applicability>();
const prefixRules = new Map<string, Applicability>();
/** One rule object per service prefix (callers cache what a rule admits by the rule object). */
function prefixRule(prefix: string): Applicability {
  let rule = prefixRules.get(prefix);
  if (rule === undefined) {
    if (prefixRules.size > 10_000) prefixRules.clear();
    prefixRules.set(prefix, (rule = { kind: 'prefix', prefix }));
  }
  return rule;
}

/** The actions that apply to the pattern (see the module comment), cached per pattern. */
export function applicabilityOf(pattern: string): Applicability {
  if (pattern === '*') return ANY;
  let rule = applicable.get(pattern);
  if (rule === undefined) {
    const type = pattern.startsWith('arn:') ? resourceTypeForArn(pattern) : undefined;
    if (type) {
      rule = byType.get(type);
      if (rule === undefined) {
        const names = [...new Set(actionsOnResourceType(type).map((e) => e.action.name))];
        byType.set(type, (rule = { kind: 'type', names, lower: new Set(names.map((a) => a.toLowerCase())) }));
      }
    } else {
      const service = pattern.split(':')[2];
      rule = service && !/[*?]/.test(service) ? prefixRule(`${service.toLowerCase()}:`) : ANY;
    }
    if (applicable.size > 50_000) applicable.clear();
    applicable.set(pattern, rule);
  }
  return rule;
}

const STS: Applicability = { kind: 'prefix', prefix: 'sts:' };
const NONE: Applicability = { kind: 'type', names: [], lower: new Set() };
const stsRules = new WeakMap<Applicability, Applicability>();
/** The sts actions among those a rule admits (a role's pattern that is there for its trust policy). */
export function stsOnly(rule: Applicability): Applicability {
  if (rule.kind !== 'type') return rule.kind === 'prefix' && rule.prefix !== 'sts:' ? NONE : STS;
  let out = stsRules.get(rule);
  if (out === undefined) {
    const names = rule.names.filter((a) => a.toLowerCase().startsWith('sts:'));
    stsRules.set(rule, (out = { kind: 'type', names, lower: new Set(names.map((a) => a.toLowerCase())) }));
  }
  return out;
}

/** Does the action apply to the pattern (see the module comment)? */
export function actionApplies(action: string, pattern: string): boolean {
  const rule = applicabilityOf(pattern);
  const lower = action.toLowerCase();
  return rule.kind === 'any' ? true : rule.kind === 'prefix' ? lower.startsWith(rule.prefix) : rule.lower.has(lower);
}
