/** The engine's public API (pure: no I/O). */
export { compilePolicy } from './compile.js';
export { evaluate, rcpsApply, resourcePolicyRequired, isOutsideIam } from './evaluate.js';
export { contextFrom } from './context.js';
//# sourceMappingURL=index.js.map