import { parseTemplate, piecesKey, resolveTemplate } from '../template.js';
import { parseOperator } from './registry.js';
import { chargeWork } from '../budget.js';
import { byteBoundedCache, stringBytes } from '../memo.js';
/** Per condition value with variables: bytes of compiled forms kept (ten times the resolved text's bytes each). */
const VALUE_CACHE_BYTES = 256 * 1024;
import { parseBoolValue } from '../../policy/operators.js';
/** Result bits. */
export const ACTUAL = 1;
export const UNKNOWN_BIT = 2;
export function compileCondition(condition, variablesEnabled) {
    const parsed = parseOperator(condition.operator);
    const base = {
        key: condition.key,
        keyLower: condition.key.toLowerCase(),
        kind: parsed.kind,
        op: null,
        set: 0 /* SetQualifier.None */,
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
        const compiled = template.hasVariables ? undefined : op.compile(resolveTemplate(template, EMPTY).pieces);
        if (!template.hasVariables && compiled === undefined)
            base.rejected = true;
        return { template, compiled, cache: template.hasVariables ? byteBoundedCache(VALUE_CACHE_BYTES, (_c, k) => 10 * stringBytes(k)) : null };
    });
    base.dynamic = base.values.some((v) => v.template.hasVariables);
    base.staticPolicy = base.values.map((v) => v.compiled);
    return base;
}
const EMPTY = new Map();
/**
 * Evaluates a condition. Returns ACTUAL when AWS would find it true, plus UNKNOWN_BIT when the
 * answer depends on a missing key. Records missing keys (condition keys and variables) in `missing`.
 */
export function evaluateCondition(c, context, missing) {
    if (c.kind === 'unknown')
        return 0;
    const entry = context.get(c.keyLower);
    if (c.kind === 'null') {
        if (!entry)
            missing?.add(c.key);
        const isNull = !entry || entry.values.length === 0;
        for (const expect of c.nullExpect)
            if (expect !== undefined && expect === isNull)
                return ACTUAL;
        return 0;
    }
    const op = c.op;
    if (!entry) {
        missing?.add(c.key);
        if (c.ifExists)
            return ACTUAL;
        if (c.set === 2 /* SetQualifier.ForAllValues */)
            return ACTUAL | UNKNOWN_BIT;
        if (c.set === 1 /* SetQualifier.ForAnyValue */)
            return UNKNOWN_BIT;
        return op.negated ? ACTUAL | UNKNOWN_BIT : UNKNOWN_BIT;
    }
    // Policy values: precompiled, or substituted now.
    let policy;
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
                missing?.add(r.missing);
                unresolved = UNKNOWN_BIT;
                policy.push(undefined);
                continue;
            }
            const cache = v.cache;
            const key = piecesKey(r.pieces);
            let entry = cache.get(key);
            if (entry === undefined) {
                entry = { compiled: op.compile(r.pieces) };
                cache.set(key, entry);
            }
            policy.push(entry.compiled);
        }
    }
    else {
        policy = c.staticPolicy;
    }
    return compare(c, op, entry.values, policy) | unresolved;
}
function compare(c, op, values, policy) {
    const negated = op.negated;
    if (c.set === 0 /* SetQualifier.None */) {
        // ORed over request values; negated: NOR over every (request value, policy value) pair.
        let any = false;
        for (let i = 0; i < values.length && !any; i++)
            any = matchesAny(op, values[i], policy);
        return (negated ? !any : any) ? ACTUAL : 0;
    }
    if (c.set === 1 /* SetQualifier.ForAnyValue */) {
        for (let i = 0; i < values.length; i++) {
            if (matchesAny(op, values[i], policy) !== negated)
                return ACTUAL;
        }
        return 0;
    }
    for (let i = 0; i < values.length; i++) {
        if (matchesAny(op, values[i], policy) === negated)
            return 0;
    }
    return ACTUAL;
}
function matchesAny(op, requestValue, policy) {
    // Request values × policy values is the work an input can make unbounded (10,000 tag keys
    // against 18,000 patterns): charged so that a caller's hook can stop it (see budget.ts).
    chargeWork(policy.length + 1);
    const r = op.parse(requestValue);
    if (r === undefined)
        return false;
    for (let i = 0; i < policy.length; i++) {
        const p = policy[i];
        if (p !== undefined && op.test(r, p))
            return true;
    }
    return false;
}
//# sourceMappingURL=evaluate.js.map