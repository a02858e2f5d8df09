import type { RequestContext } from '../context.js';
import type { Loaders } from '../loaders.js';
import { toApiError } from '../map-error.js';

/** Runs a domain call, turning its typed errors into the API's error codes. */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toApiError(e);
  }
}

export function loaders(ctx: RequestContext): Loaders {
  if (!ctx.loaders) throw new Error('no store in this context');
  return ctx.loaders;
}
