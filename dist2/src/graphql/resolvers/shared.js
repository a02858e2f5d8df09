import { AccessqlError } from '../../util/errors.js';
export function loaders(ctx) {
    if (!ctx.loaders)
        throw new AccessqlError('INTERNAL_SERVER_ERROR', 'no store in this context');
    return ctx.loaders;
}
//# sourceMappingURL=shared.js.map