/** The engine's public API (pure: no I/O). */
export { compilePolicy, type CompiledPolicy } from './compile.js';
export { evaluate, rcpsApply, resourcePolicyRequired, isOutsideIam, type PolicySet } from './evaluate.js';
export { contextFrom } from './context.js';
export type * from './types.js';
