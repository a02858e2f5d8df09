import { toApiError } from '../map-error.js';
/** Runs a domain call, turning its typed errors into the API's error codes. */
export function guard(fn) {
    try {
        return fn();
    }
    catch (e) {
        throw toApiError(e);
    }
}
export function loaders(ctx) {
    if (!ctx.loaders)
        throw new Error('no store in this context');
    return ctx.loaders;
}
//# sourceMappingURL=shared.js.map