// Builds the explorer into dist/ui with esbuild (run by `npm run build`, after tsc):
//   app.js          the explorer at /ui (Lit views and the hash-routed shell)
//   components.js   the same views as custom elements for other pages (one classic script, IIFE)
//   graphiql/       GraphiQL and its Monaco workers, for ACCESSQL_EXPLORER=embedded
// and prints the gzipped size of components.js (target: under 300 KB).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist', 'ui');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'graphiql'), { recursive: true });

const common = { bundle: true, minify: true, sourcemap: false, target: 'es2022', legalComments: 'external', logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  // Classic scripts (IIFE): a <script src> from any origin works without CORS; as a module it needs CORS, which /ui answers.
  build({ ...common, entryPoints: ['ui/src/components.ts'], outfile: join(out, 'components.js'), format: 'iife', tsconfig: 'ui/tsconfig.json' }),
  // /ui's first who-can question, sent before app.js has loaded (a classic script, run as the page's head is read).
  build({ ...common, entryPoints: ['ui/src/early.ts'], outfile: join(out, 'early.js'), format: 'iife', tsconfig: 'ui/tsconfig.json' }),
  // The explorer's own page is a module: Cytoscape.js goes in a chunk loaded only by the paths view.
  build({
    ...common,
    entryPoints: { app: 'ui/src/app-entry.ts' },
    outdir: out,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    tsconfig: 'ui/tsconfig.json',
  }),
  build({
    ...common,
    entryPoints: { graphiql: 'ui/graphiql/main.tsx' },
    outdir: join(out, 'graphiql'),
    format: 'esm',
    jsx: 'automatic',
    tsconfig: 'ui/tsconfig.json',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
  build({
    ...common,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    outdir: join(out, 'graphiql'),
    format: 'esm',
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
]);

copyFileSync(join(root, 'ui', 'index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'ui', 'graphiql.html'), join(out, 'graphiql.html'));

const components = readFileSync(join(out, 'components.js'));
const gz = gzipSync(components, { level: 9 }).length;
const sizes = { 'components.js': components.length, 'components.js.gz': gz };
writeFileSync(join(out, 'sizes.json'), JSON.stringify(sizes, null, 2) + '\n');
if (process.env.ACCESSQL_BUILD_QUIET !== '1') {
  console.log(`ui: components.js ${(components.length / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped (target < 300 KB)`);
}
