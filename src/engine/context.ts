/**
 * Building the request context.
 *
 * Sources:
 *  - "IAM policy elements: Variables and tags", "Request information that you can use for policy
 *    variables": "Key names are case-insensitive" — keys are stored lower-cased.
 *  - "Single-valued vs multivalued context keys": a key is multivalued because of the number of
 *    values it can carry in the request context (service reference types `ArrayOf...`, our `_LIST`
 *    types), not because of the number of values in the policy.
 *
 * Values are kept exactly as given: a single-valued type supplied with several values is not an
 * error here. Operators without a set qualifier then match when any of the values matches (see
 * conditions/evaluate.ts for what AWS says about that).
 */
import type { ContextKeyType, ContextValue, RequestContext } from './types.js';

export interface ContextEntry {
  key: string;
  values: string[];
  type?: ContextKeyType;
}

/**
 * `absent`: keys the request is known to lack (ContextValue.absent), marked so where the entries
 * do not give them.
 */
export function contextFrom(
  entries: readonly ContextEntry[],
  typeOf?: (key: string) => ContextKeyType | undefined,
  absent?: readonly string[],
): RequestContext {
  const map = new Map<string, ContextValue>();
  for (const entry of entries) {
    const type: ContextKeyType = entry.type ?? typeOf?.(entry.key) ?? (entry.values.length > 1 ? 'STRING_LIST' : 'STRING');
    // A later entry for the same key (any case) replaces the earlier one: a key has one value set.
    map.set(entry.key.toLowerCase(), { key: entry.key, type, values: [...entry.values] });
  }
  for (const key of absent ?? []) if (!map.has(key.toLowerCase())) map.set(key.toLowerCase(), { key, type: 'STRING', values: [], absent: true });
  return map;
}

/** true for the `_LIST` types, i.e. keys that ForAnyValue/ForAllValues range over. */
export function isMultivaluedType(type: ContextKeyType): boolean {
  return type.endsWith('_LIST');
}

/** Returns a context with `extra` entries added where `base` lacks them (base wins: the caller's keys override stored ones). */
export function withDefaults(base: RequestContext, extra: RequestContext): RequestContext {
  // Contexts are read-only: with nothing to add on one side, the other serves as it is (the
  // evaluator asks with a principal's stored context and no caller keys millions of times).
  if (extra.size === 0) return base;
  if (base.size === 0) return extra;
  const map = new Map(extra);
  for (const [k, v] of base) map.set(k, v);
  return map;
}
