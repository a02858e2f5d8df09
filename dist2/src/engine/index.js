/** The engine's public API (pure: no I/O). */
export { compilePolicy } from './compile.js';
export { evaluate, rcpsApply, resourcePolicyRequired, isOutsideIam } from './evaluate.js';
export { contextFrom, isMultivaluedType, withDefaults } from './context.js';
export { compileGlob, compileGlobLower, globMatch } from './wildcard.js';
//# sourceMappingURL=index.js.map