/**
 * Compiling and evaluating one condition (one operator, one key, its values).
 *
 * Rules, with their sources:
 *  - Missing key — "IAM JSON policy elements: Condition operators" (Important box): "If the key
 *    that you specify in a policy condition is not present in the request context, the values do
 *    not match and the condition is false. If the policy condition requires that the key is not
 *    matched, such as StringNotLike or ArnNotLike, and the right key is not present, the condition
 *    is true. This logic applies to all condition operators except ...IfExists and Null check."
 *  - ...IfExists — same page, "...IfExists condition operators": if the key is not present,
 *    "evaluate the condition element as true"; otherwise process it as the base operator.
 *  - Null — same page, "Condition operator to check existence of condition keys": `true` means the
 *    key is absent, `false` that it exists and is not null. We treat a key supplied with an empty
 *    value list as null (it has no value). Operators and values are parsed by policy/operators.ts.
 *  - Several values — "Conditions with multiple context keys or values": several policy values for
 *    one key are ORed; for a negated operator they are NORed (the request value must be none of them).
 *  - Set qualifiers — "Single-valued vs multivalued context keys": ForAllValues is true when every
 *    request value matches (for a negated operator: matches none of the policy values), and "also
 *    returns true if there are no context keys in the request" (missing key or empty set);
 *    ForAnyValue is true when at least one request value matches, and false for a missing key or an
 *    empty set (older page "Creating a condition that tests multiple key values", Note: "If the key
 *    values in the request resolve to an empty data set ... ForAllValues returns true, and ...
 *    ForAnyValue returns false"). The page's examples with ForAllValues:StringNotLike on aws:TagKeys
 *    (missing key → match; key2:audit → match; key1:legal → no match) confirm the per-value negation.
 *  - A plain operator on a key with several request values: AWS says multivalued keys "require a
 *    condition set operator" and does not define the plain case; we match when any request value
 *    matches (and, for a negated operator, when no request value matches any policy value) — the
 *    natural reading of "the values do not match" for a set.
 *  - Unknown operator: the condition cannot be true (the statement never applies). AWS rejects such
 *    policies when they are saved; evaluating them as non-matching is the safe reading.
 *  - Variables in values — "IAM policy elements: Variables and tags": substituted for string, ARN
 *    (and Bool, see bool.ts) operators. "Policy variables with no value": a value whose variable
 *    has no value matches no request value, so a positive operator does not match it and a negated
 *    one does.
 *
 * Three-valued result: besides AWS's answer (`ACTUAL`), a condition reports `UNKNOWN_BIT` when its
 * answer depends on a key the request did not supply, i.e. some value of that key would change it.
 * ...IfExists and Null give definitive answers on a missing key (they test presence itself), so
 * they never report UNKNOWN.
 */
import type { Condition } from '../../policy/types.js';
import type { RequestContext } from '../types.js';
import type { MissingKeys } from '../tri.js';
import { parseTemplate, piecesKey, resolveTemplate, type Template } from '../template.js';
import type { BaseOperator } from './operator.js';
import { parseOperator, SetQualifier } from './registry.js';
import { chargeWork } from '../budget.js';
import type { LRUCache } from 'lru-cache';
import { byteBoundedCache, stringBytes } from '../memo.js';

/** Per condition value with variables: bytes of compiled forms kept (ten times the resolved text's bytes each). */
const VALUE_CACHE_BYTES = 256 * 1024;
import { parseBoolValue } from '../../policy/operators.js';

/** Result bits. */
export const ACTUAL = 1;
export const UNKNOWN_BIT = 2;

interface CompiledValue {
  template: Template;
  /** The compiled policy value when it has no variables (undefined: invalid value). */
  compiled: unknown;
  /** For values with variables: compiled values by resolved text (which embeds request values: bounded in bytes). */
  cache: LRUCache<string, { compiled: unknown }> | null;
}

export interface CompiledCondition {
  /** Key as written in the policy (reported in missingContextKeys). */
  key: string;
  keyLower: string;
  kind: 'op' | 'null' | 'unknown';
  op: BaseOperator | null;
  set: SetQualifier;
  ifExists: boolean;
  values: CompiledValue[];
  /** For Null: the policy's expectations (true: must be absent, false: must be present; undefined: invalid value). */
  nullExpect: (boolean | undefined)[];
  dynamic: boolean;
  /** The compiled values when none has variables (no per-request work). */
  staticPolicy: unknown[];
  /**
   * The policy language's parser rejected the operator or a value (policy/operators.ts): the
   * validator reports exactly these as ERRORs, and such an operator or value matches nothing.
   */
  rejected: boolean;
}

export function compileCondition(condition: Condition, variablesEnabled: boolean): CompiledCondition {
  const parsed = parseOperator(condition.operator);
  const base: CompiledCondition = {
    key: condition.key,
    keyLower: condition.key.toLowerCase(),
    kind: parsed.kind,
    op: null,
    set: SetQualifier.None,
    ifExists: false,
    values: [],
    nullExpect: [],
    dynamic: false,
    staticPolicy: [],
    rejected: false,
  };
  if (parsed.kind === 'null') {
    base.nullExpect = condition.values.map(parseBoolValue);
    base.rejected = base.nullExpect.includes(undefined);
    return base;
  }
  if (parsed.kind === 'unknown') {
    base.rejected = true;
    return base;
  }
  const op = parsed.op;
  base.op = op;
  base.set = parsed.set;
  base.ifExists = parsed.ifExists;
  base.values = condition.values.map((v) => {
    const template = parseTemplate(v, variablesEnabled && parsed.variables);
    const compiled = template.hasVariables ? undefined : op.compile(resolveTemplate(template, EMPTY).pieces!);
    if (!template.hasVariables && compiled === undefined) base.rejected = true;
    return {
      template,
      compiled,
      cache: template.hasVariables ? byteBoundedCache<{ compiled: unknown }>(VALUE_CACHE_BYTES, (_c, k) => 10 * stringBytes(k)) : null,
    };
  });
  base.dynamic = base.values.some((v) => v.template.hasVariables);
  base.staticPolicy = base.values.map((v) => v.compiled);
  return base;
}

const EMPTY: RequestContext = new Map();

/**
 * Evaluates a condition. Returns ACTUAL when AWS would find it true, plus UNKNOWN_BIT when the
 * answer depends on a missing key. Records missing keys (condition keys and variables) in `missing`.
 */
export function evaluateCondition(c: CompiledCondition, context: RequestContext, missing: MissingKeys | null): number {
  if (c.kind === 'unknown') return 0;
  const found = context.get(c.keyLower);
  // A key known to be absent (ContextValue.absent) is evaluated as missing, but never unknown.
  const entry = found !== undefined && found.absent !== true ? found : undefined;
  if (c.kind === 'null') {
    if (!found) missing?.add(c.key);
    const isNull = !entry || entry.values.length === 0;
    for (const expect of c.nullExpect) if (expect !== undefined && expect === isNull) return ACTUAL;
    return 0;
  }
  const op = c.op!;
  if (!entry) {
    if (!found) missing?.add(c.key);
    if (c.ifExists) return ACTUAL;
    const unknown = found ? 0 : UNKNOWN_BIT;
    if (c.set === SetQualifier.ForAllValues) return ACTUAL | unknown;
    if (c.set === SetQualifier.ForAnyValue) return unknown;
    return op.negated ? ACTUAL | unknown : unknown;
  }

  // Policy values: precompiled, or substituted now.
  let policy: unknown[];
  let unresolved = 0;
  if (c.dynamic) {
    policy = [];
    for (const v of c.values) {
      if (!v.template.hasVariables) {
        policy.push(v.compiled);
        continue;
      }
      const r = resolveTemplate(v.template, context);
      if (r.missing !== undefined) {
        // "Policy variables with no value": the value is effectively null — nothing equals it or
        // is like it, so StringEquals/StringLike do not match it and StringNotEquals/StringNotLike do.
        // A key known absent (ContextValue.absent) has no value to supply: null for certain.
        if (!r.absent) {
          missing?.add(r.missing);
          unresolved = UNKNOWN_BIT;
        }
        policy.push(undefined);
        continue;
      }
      const cache = v.cache!;
      const key = piecesKey(r.pieces);
      let entry = cache.get(key);
      if (entry === undefined) {
        entry = { compiled: op.compile(r.pieces) };
        cache.set(key, entry);
      }
      policy.push(entry.compiled);
    }
  } else {
    policy = c.staticPolicy;
  }

  return compare(c, op, entry.values, policy) | unresolved;
}

function compare(c: CompiledCondition, op: BaseOperator, values: readonly string[], policy: readonly unknown[]): number {
  const negated = op.negated;
  if (c.set === SetQualifier.None) {
    // ORed over request values; negated: NOR over every (request value, policy value) pair.
    let any = false;
    for (let i = 0; i < values.length && !any; i++) any = matchesAny(op, values[i]!, policy);
    return (negated ? !any : any) ? ACTUAL : 0;
  }
  if (c.set === SetQualifier.ForAnyValue) {
    for (let i = 0; i < values.length; i++) {
      if (matchesAny(op, values[i]!, policy) !== negated) return ACTUAL;
    }
    return 0;
  }
  for (let i = 0; i < values.length; i++) {
    if (matchesAny(op, values[i]!, policy) === negated) return 0;
  }
  return ACTUAL;
}

function matchesAny(op: BaseOperator, requestValue: string, policy: readonly unknown[]): boolean {
  // Request values × policy values is the work an input can make unbounded (10,000 tag keys
  // against 18,000 patterns): charged so that a caller's hook can stop it (see budget.ts).
  chargeWork(policy.length + 1);
  const r = op.parse(requestValue);
  if (r === undefined) return false;
  for (let i = 0; i < policy.length; i++) {
    const p = policy[i];
    if (p !== undefined && op.test(r, p)) return true;
  }
  return false;
}
