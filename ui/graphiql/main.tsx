/**
 * GraphiQL served from the package (ACCESSQL_EXPLORER=embedded): the GraphQL explorer for
 * machines that cannot reach Apollo's CDN. Its Monaco editor runs language services in workers,
 * bundled beside this file by ui/build.mjs.
 */
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return new Worker(new URL(`/ui/graphiql/${WORKERS[label] ?? 'editor.worker.js'}`, location.href), { type: 'module' });
  },
};

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', location.href).href });

const DEFAULT_QUERY = `# accessql: who can record the contacts of instance A of the demo organisation?
{
  whoCan(
    action: "connect:StartContactRecording"
    resource: "arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1"
  ) {
    totalCount
    evaluatedResourceType
    edges { node { principal { arn type } matchedStatements { policyName sid line } } }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />);
