/**
 * Builds the access index as soon as the server listens, instead of on the first question: on a
 * large account that build takes tens of seconds, which the first user of `/ui` would otherwise
 * wait through. The build is synchronous (the index is one in-memory structure), so requests that
 * arrive meanwhile wait for it; the log says when it starts and when it is ready.
 */
import type { Logger } from 'pino';
import type { App } from '../app.js';

export function warmAccessIndex(app: App, log: Logger): void {
  setImmediate(() => {
    log.info('building the access index in the background; questions asked meanwhile wait for it');
    const started = process.hrtime.bigint();
    try {
      const index = app.accessIndex();
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      log.info({ ms, principals: index.principals.length }, 'access index ready');
    } catch (e) {
      // The first question builds it again and reports the error to its caller.
      log.error({ err: { message: (e as Error).message } }, 'access index build failed');
    }
  });
}
