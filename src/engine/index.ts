/** The engine's public API (pure: no I/O). */
export { compilePolicy, type CompiledPolicy, type CompiledStatement } from './compile.js';
export { evaluate, rcpsApply, resourcePolicyRequired, isOutsideIam, type PolicySet } from './evaluate.js';
export { contextFrom, isMultivaluedType, withDefaults, type ContextEntry } from './context.js';
export { compileGlob, compileGlobLower, globMatch } from './wildcard.js';
export type * from './types.js';
