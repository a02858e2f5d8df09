/**
 * What a browser gets from this server besides the API: accessql's own explorer at /ui (and its
 * custom elements at /ui/components.js), and at /graphql either Apollo Sandbox (from Apollo's CDN,
 * with a way out when the CDN cannot be reached), GraphiQL served from the package, or nothing.
 * The pages are built by `npm run build` into dist/ui from ui/ (see ui/build.mjs).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { packageRoot, type ServerSettings } from '../config.js';

/** dist/ui in the package: where ui/build.mjs writes the bundles. */
export const UI_DIR = path.join(packageRoot, 'dist', 'ui');

/**
 * The pages load only what the package serves: nothing from a CDN, and answers only from this
 * origin. Styles may be inline (Lit's and Monaco's are injected at run time); GraphiQL's editor
 * runs its language services in workers from /ui.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

const OFFLINE_HELP = `<p>Apollo Sandbox loads from Apollo's CDN, which this browser cannot reach (it appears that you might be offline).</p>
  <p><a href="/ui">accessql's own explorer at /ui</a> is served by this server and works offline. For GraphiQL served from the package at /graphql, start the server with <code>ACCESSQL_EXPLORER=embedded</code>.</p>`;

/**
 * Apollo's Sandbox landing page, whose "cannot be loaded" notice (shown when the CDN script does
 * not arrive) says where the offline explorers are instead of only that the page is offline.
 */
function sandboxWithOfflineHelp(): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      const render = listener?.renderLandingPage;
      if (!listener || !render) return listener;
      return {
        ...listener,
        async renderLandingPage() {
          const page = await render.call(listener);
          const original = page.html;
          const html = async () => {
            const text = typeof original === 'string' ? original : await original();
            return withOfflineHelp(text);
          };
          return { html };
        },
      };
    },
  };
}

/** Puts the offline help into Apollo's page (in its fallback notice, and for browsers without scripts). */
export function withOfflineHelp(html: string): string {
  const noscript = `<noscript><p>Apollo Sandbox needs JavaScript. <a href="/ui">accessql's explorer at /ui</a> needs it too, but works offline.</p></noscript>`;
  let out = html.replace(/<noscript>[\s\S]*?<\/noscript>/, noscript);
  const notice = /<h1>Welcome to Apollo Server<\/h1>\s*<p>Apollo Sandbox cannot be loaded;[^<]*<\/p>/;
  if (notice.test(out)) out = out.replace(notice, () => `<h1>accessql</h1>\n  ${OFFLINE_HELP}`);
  // Apollo changed its page: still say it, at the top of the body.
  else out = out.replace(/<body>/, () => `<body>\n<div class="fallback"><h1>accessql</h1>${OFFLINE_HELP}</div>`);
  return out.replace('<title>Apollo Server</title>', '<title>accessql · Apollo Sandbox</title>');
}

/** The landing page plugin for /graphql: Sandbox in `sandbox` mode; none otherwise (GraphiQL is ours to serve). */
export function landingPagePlugin(settings: ServerSettings): ApolloServerPlugin {
  return settings.introspection && settings.explorer === 'sandbox' ? sandboxWithOfflineHelp() : ApolloServerPluginLandingPageDisabled();
}

function uiMissing(res: Response): void {
  res.status(503).type('text/plain').send('The explorer is not built: run `npm run build` (it writes dist/ui).\n');
}

function sendPage(res: Response, file: string): void {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.sendFile(file, (err) => {
    if (err && !res.headersSent) uiMissing(res);
  });
}

/** True for a browser navigating to the URL (Apollo's own test for showing a landing page). */
function wantsHtml(req: Request): boolean {
  if (req.method !== 'GET') return false;
  const accept = req.headers.accept ?? '';
  if (!accept.includes('text/html')) return false;
  // A GET that carries an operation is an API call, whatever it accepts.
  return req.query.query === undefined && req.query.extensions === undefined;
}

/**
 * GraphiQL at GET /graphql for a browser (ACCESSQL_EXPLORER=embedded), ahead of Apollo; every other
 * request goes on to the API.
 */
export function graphiqlHandler(settings: ServerSettings): RequestHandler {
  const page = path.join(UI_DIR, 'graphiql.html');
  return (req, res, next) => {
    if (!(settings.introspection && settings.explorer === 'embedded' && wantsHtml(req))) return next();
    sendPage(res, page);
  };
}

/**
 * /ui: the explorer (a single page with hash routes) and its assets; /ui/components.js is what other
 * origins embed, so it, like the API, answers CORS for ACCESSQL_CORS_ORIGINS (a module script from
 * another origin needs it).
 */
export function mountUi(app: Express, corsMiddleware: RequestHandler): void {
  const index = path.join(UI_DIR, 'index.html');
  app.get(['/ui', '/ui/'], (_req, res) => sendPage(res, index));
  app.use(
    '/ui',
    corsMiddleware,
    (req, res, next) => {
      if (!existsSync(UI_DIR)) return uiMissing(res);
      if (req.path.endsWith('.html')) res.setHeader('Content-Security-Policy', PAGE_CSP);
      next();
    },
    express.static(UI_DIR, { index: false, fallthrough: true, maxAge: 0, etag: true }),
  );
}
