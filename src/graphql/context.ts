import type { Logger } from 'pino';
import type { Role } from './auth.js';
import type { App } from '../app.js';
import type { Loaders } from './loaders.js';

/** Per-operation context handed to every resolver. */
export interface ApiContext {
  app: App;
  role: Role;
  requestId: string;
  /** Epoch ms after which long-running resolvers give up with TIMEOUT. */
  deadline: number;
  log: Logger;
  /** Batching loaders over the store (absent where there is no store, e.g. `accessql simulate`). */
  loaders?: Loaders;
}
