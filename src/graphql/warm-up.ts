/**
 * Builds the access index as soon as the server listens, instead of on the first question: on a
 * large account that build takes tens of seconds, which the first user of `/ui` would otherwise
 * wait through. The build is synchronous (the index is one in-memory structure), so requests that
 * arrive meanwhile wait for it; the log says when it starts and when it is ready. Then the server
 * asks itself, over HTTP, the explorer's who-can question twice (sts:AssumeRole on a role, which
 * reads a trust policy, and an action on a stored resource answered from identity policies), so
 * the first user does not
 * also pay for the first run of the HTTP and GraphQL pipeline, the resolvers, the evaluator and the
 * catalog (measured on the seed, 2-core VM under load: the first question 1.6 s without, 0.3 s with).
 */
import type { Logger } from 'pino';
import type { App } from '../app.js';
import { actionsForService } from '../catalog/index.js';
import { scopeFor } from '../access/resource-scope.js';

const WARM_QUESTION = `query AccessqlWarmUp($action: String!, $resource: String!) {
  whoCan(action: $action, resource: $resource, includeConditional: true, first: 50) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { principal { id arn name type accountId } decision conditional missingContextKeys matchedStatements { policyName sid effect line column } } }
  }
}`;

export interface WarmUpTarget {
  /** The server's own GraphQL URL. */
  url: string;
  /** A token the server accepts for queries, when it needs one. */
  token?: string;
}

export function warmAccessIndex(app: App, log: Logger, target?: WarmUpTarget): void {
  setImmediate(() => {
    log.info('building the access index in the background; questions asked meanwhile wait for it');
    const started = process.hrtime.bigint();
    const ms = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
    const questions: { action: string; resource: string }[] = [];
    try {
      const index = app.accessIndex();
      // A stored role: sts:AssumeRole on it reads its trust policy as well as identity policies.
      const role = index.principals.find((p) => !p.external && p.model.type === 'ROLE')?.model.arn;
      if (role) questions.push({ action: 'sts:AssumeRole', resource: role });
      // And a question answered from identity policies alone, on a stored resource: the code most first questions run.
      const resource = index.firstResource();
      const action = resource ? actionOn(resource) : undefined;
      if (resource && action) questions.push({ action, resource });
      log.info({ ms: ms(), principals: index.principals.length }, 'access index ready');
      // Each service's statements gathered now, so that a first question on any service only matches actions.
      const services = index.prepareServices();
      log.info({ ms: ms(), services }, 'statements gathered by service');
    } catch (e) {
      // The first question builds it again and reports the error to its caller.
      log.error({ err: { message: (e as Error).message } }, 'access index build failed');
      return;
    }
    if (questions.length === 0 || !target) return;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': 'warm-up' };
    if (target.token) headers.authorization = `Bearer ${target.token}`;
    const ask = async () => {
      const errors: string[] = [];
      for (const variables of questions) {
        const r = await fetch(target.url, { method: 'POST', headers, body: JSON.stringify({ query: WARM_QUESTION, variables }) });
        const body = (await r.json()) as { errors?: { message: string }[] };
        for (const e of body.errors ?? []) errors.push(e.message);
      }
      return errors;
    };
    ask()
      .then((errors) => log.info({ ms: ms(), questions: questions.length, errors: errors.length ? errors : undefined }, 'warm-up question answered'))
      .catch((e: Error) => log.warn({ err: { message: e.message } }, 'warm-up question failed'));
  });
}

/** An action of the resource's service that applies to it, from the catalog (scopeFor accepts it). */
function actionOn(resource: string): string | undefined {
  const service = resource.split(':')[2] ?? '';
  for (const a of actionsForService(service)) {
    if (a.resourceTypes.length === 0) continue;
    try {
      if (!scopeFor(a, resource).children) return a.name;
    } catch {
      // Not this resource's type.
    }
  }
  return undefined;
}
