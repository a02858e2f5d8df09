/** The who-can question as the <accessql-who-can> view sends it (shared with early.ts, which sends the first one sooner). */
import { STATEMENT_FIELDS } from './fields.js';

export interface WhoCanQuestion {
  action: string;
  resource: string;
  /** As the API takes them (contextInput). */
  context: { key: string; values: string[] }[];
  includeConditional: boolean;
  transitive: boolean;
  first: number;
  after?: string;
}

export function whoCanRequest(q: WhoCanQuestion): { query: string; variables: Record<string, unknown> } {
  const t = q.transitive;
  const query = `query AccessqlWhoCan($action: String!, $resource: String!, $context: [ContextEntryInput!], $includeConditional: Boolean, $first: Int, $after: String${
    t ? ', $transitive: Boolean' : ''
  }) {
          whoCan(action: $action, resource: $resource, context: $context, includeConditional: $includeConditional, first: $first, after: $after${
            t ? ', transitive: $transitive' : ''
          }) {
            totalCount evaluatedResource evaluatedResourceType
            pageInfo { hasNextPage endCursor }
            edges { node { principal { arn name type accountId } decision conditional missingContextKeys ${STATEMENT_FIELDS}${
              t ? ' path { kind from to actions }' : ''
            } } }
          }
        }`;
  const variables = {
    action: q.action.trim(),
    resource: q.resource.trim(),
    context: q.context,
    includeConditional: q.includeConditional,
    first: q.first,
    after: q.after ?? null,
    ...(t ? { transitive: true } : {}),
  };
  return { query, variables };
}
