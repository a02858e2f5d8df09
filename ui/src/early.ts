/**
 * /ui/early.js: a small classic script /ui's page runs before the explorer's module (app.js) has
 * loaded. When the page opens on a who-can question (#/who-can?action=…&resource=…), it sends that
 * question at once, so the server answers while the browser still fetches and compiles the
 * explorer; the who-can view then takes the pending answer (takeEarlyAnswer) instead of asking
 * again. It sends exactly what the view would send first (whoCanRequest, same defaults), and the
 * view takes it only when the request is the same, so a page that asks differently asks itself.
 */
import { gql, resolveEndpoint } from './gql.js';
import { parseRoute } from './route.js';
import { whoCanRequest } from './who-can-query.js';
import { EARLY_KEY, earlyKey, FIRST_PAGE_SIZE, type EarlyAnswer } from './early-answer.js';

const { view, params } = parseRoute(location.hash);
const action = params.get('action') ?? '';
const resource = params.get('resource') ?? '';
if (view === 'who-can' && action.trim() && resource.trim()) {
  const token = sessionStorage.getItem('accessql.token') ?? undefined;
  const url = resolveEndpoint(undefined);
  const { query, variables } = whoCanRequest({
    action,
    resource,
    context: [],
    includeConditional: params.get('includeConditional') === '1',
    transitive: false,
    first: FIRST_PAGE_SIZE,
  });
  const answer = gql<unknown>({ url, token }, query, variables);
  // Read or not, a failed early answer must not surface as an unhandled rejection: the view reports it when it takes it.
  answer.catch(() => undefined);
  const early: EarlyAnswer = { key: earlyKey(url, token, query, variables), answer };
  (globalThis as Record<string, unknown>)[EARLY_KEY] = early;
}
