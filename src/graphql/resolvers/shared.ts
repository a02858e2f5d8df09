import { AccessqlError } from '../../util/errors.js';
import type { ApiContext } from '../context.js';
import type { Loaders } from '../loaders.js';

export function loaders(ctx: ApiContext): Loaders {
  if (!ctx.loaders) throw new AccessqlError('INTERNAL_SERVER_ERROR', 'no store in this context');
  return ctx.loaders;
}
