/** The engine's public API (pure: no I/O). */
export { compilePolicy, type CompiledPolicy, type CompiledStatement } from './compile.js';
export { evaluate, type PolicySet } from './evaluate.js';
export { contextFrom, isMultivaluedType, withDefaults, type ContextEntry } from './context.js';
export { compileGlob, compileGlobLower, globMatch } from '../util/wildcard.js';
export type * from './types.js';
