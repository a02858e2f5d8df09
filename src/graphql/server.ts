/**
 * The HTTP server: Apollo Server 5 on express 5, so that the body limit, CORS and health
 * checks are ours to set (the standalone server fixes a 50 MB body and open CORS).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import cors from 'cors';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { ServerSettings } from '../config.js';
import type { App } from '../app.js';
import { apiSchema } from './schema.js';
import { roleOf } from './auth.js';
import { hostPolicy } from './host-check.js';
import type { ApiContext } from './context.js';
import { httpRefusal } from './errors.js';
import { accessqlErrorOf, formatApiError } from './map-error.js';
import { StoreUnavailableError } from '../store/errors.js';
import { createLoaders } from './loaders.js';
import { CODE_OVERRIDE, pageSizeRule } from './page-size-rule.js';
import { graphiqlHandler, landingPagePlugin, mountUi } from './explorer.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Query-shape limits (graphql-armor). Generous for dashboards, fatal for bombs. */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
  maxCost: 20000,
};

const ARMOR_MESSAGE = /limit of \d+ exceeded|Query Cost limit|Token limit|Aliases limit|Directives limit|depth limit|contains more tha[nt] \d+ tokens/i;
/** graphql-js gives up validating a document that makes too much work (or too many errors): that is a complexity refusal too. */
const VALIDATION_ABORTED = /^(Validation aborted\.|Too many validation errors, error limit reached\. Validation aborted\.)$/;

const PERSISTED_QUERY_REFUSAL = /^(provided sha does not match query|Unsupported persisted query version)$/;

/** Requires the right token for each operation kind; runs before any resolver. */
function accessControlPlugin(settings: ServerSettings): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          const role = contextValue.role;
          if (role === 'invalid' && (settings.adminToken || settings.readToken)) {
            throw httpRefusal('UNAUTHENTICATED', 'The bearer token is not valid', 401);
          }
          // Any configured token means the deployment is not open: mutations then need the admin
          // token, and with only a read token configured nobody may mutate (never open by omission).
          if (operation?.operation === 'mutation' && (settings.adminToken || settings.readToken) && role !== 'admin') {
            if (!settings.adminToken) {
              throw httpRefusal('FORBIDDEN', 'Mutations are disabled: ACCESSQL_READ_TOKEN is set without ACCESSQL_ADMIN_TOKEN', 403);
            }
            if (role === 'reader') throw httpRefusal('FORBIDDEN', 'Mutations need the admin token', 403);
            throw httpRefusal('UNAUTHENTICATED', 'Mutations need `Authorization: Bearer <admin token>`', 401);
          }
          if (operation?.operation !== 'mutation' && settings.readToken && role !== 'admin' && role !== 'reader') {
            throw httpRefusal('UNAUTHENTICATED', 'Queries need `Authorization: Bearer <read token>`', 401);
          }
        },
      };
    },
  };
}

/** One structured log line per operation: id, name, duration, outcome. Never variables or headers. */
function loggingPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue: ctx, operationName, errors }) {
          const ms = Math.round((performance.now() - started) * 10) / 10;
          const codes = (errors ?? []).map((e) => accessqlErrorOf(e)?.code ?? e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          ctx.log.info(
            { requestId: ctx.requestId, operationName, ms, outcome: codes.length ? 'error' : 'ok', codes: codes.length ? codes : undefined },
            'graphql',
          );
        },
      };
      void contextValue;
    },
  };
}

/**
 * The contract's codes for every refusal, and a stack trace only where it can help: on an
 * INTERNAL_SERVER_ERROR outside production. A refusal (bad input, limits, credentials) never
 * carries one, in any mode.
 */
function formatError(production: boolean, log?: Logger) {
  const classify = classifyError(production, log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = classify(formatted, error);
    if (out.extensions?.stacktrace === undefined || (!production && out.extensions.code === 'INTERNAL_SERVER_ERROR')) return out;
    const { stacktrace: _drop, ...rest } = out.extensions;
    return { ...out, extensions: rest };
  };
}

function classifyError(production: boolean, log?: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (
      formatted.extensions?.code === 'SERVICE_UNAVAILABLE' ||
      formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
      formatted.extensions?.code === undefined
    ) {
      // Disk full / read-only database reached outside a guarded resolver: the store's condition,
      // not a bug. The client gets SERVICE_UNAVAILABLE; the cause goes to the log.
      let original: unknown = error;
      for (let i = 0; i < 4 && original instanceof GraphQLError && original.originalError; i++) original = original.originalError;
      const store = storeUnavailable(original);
      if (store) {
        log?.error({ cause: store.cause, sqliteCode: store.code, path: formatted.path }, 'database unavailable');
        return { message: store.message, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', reason: store.code } };
      }
    }
    if (accessqlErrorOf(error)) return formatApiError(formatted, error);
    const code = formatted.extensions?.code;
    const override = formatted.extensions?.[CODE_OVERRIDE];
    if (typeof override === 'string') {
      const { [CODE_OVERRIDE]: _drop, http: _http, ...rest } = formatted.extensions!;
      return { ...formatted, extensions: { ...rest, code: override } };
    }
    if (
      ARMOR_MESSAGE.test(formatted.message) &&
      (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === undefined || code === 'INTERNAL_SERVER_ERROR')
    ) {
      return { message: formatted.message.replace(/^Syntax Error: /, ''), extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    if (code === 'GRAPHQL_PARSE_FAILED' && /Maximum call stack size exceeded/.test(formatted.message)) {
      return { message: 'The query is too deeply nested to parse', extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    if (code === 'GRAPHQL_VALIDATION_FAILED' && VALIDATION_ABORTED.test(formatted.message)) {
      return { message: 'The query is too large or too repetitive to validate (graphql-js aborted validation)', extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    // Apollo answers a bad automatic-persisted-query request with HTTP 400 but no code (so
    // INTERNAL_SERVER_ERROR, with a stack): it is the client's request that is wrong.
    if ((code === 'INTERNAL_SERVER_ERROR' || code === undefined) && PERSISTED_QUERY_REFUSAL.test(formatted.message)) {
      return {
        message:
          formatted.message === 'provided sha does not match query'
            ? "The persisted query's sha256Hash does not match the query text"
            : 'Unsupported persisted query version (only version 1 exists)',
        extensions: { code: 'BAD_REQUEST' },
      };
    }
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      const original = error instanceof GraphQLError ? error.originalError : error;
      if (original instanceof RangeError) {
        return { message: 'The request is too deeply nested', locations: formatted.locations, path: formatted.path, extensions: { code: 'QUERY_TOO_COMPLEX' } };
      }
      if (production) return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    return formatted;
  };
}

/** SQLITE_FULL / SQLITE_READONLY, raw or already typed by the store; undefined for anything else. */
function storeUnavailable(e: unknown): { message: string; code: string; cause: string } | undefined {
  if (e instanceof StoreUnavailableError) {
    const cause = (e as { cause?: unknown }).cause;
    return { message: e.message, code: e.sqliteCode, cause: cause instanceof Error ? cause.message : e.message };
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (e instanceof Error && e.name === 'SqliteError' && typeof code === 'string' && /^SQLITE_(FULL|READONLY)/.test(code)) {
    const disk = code.startsWith('SQLITE_FULL');
    return { message: disk ? 'The database disk is full; try again later' : 'The database is read-only; try again later', code, cause: e.message };
  }
  return undefined;
}

function graphqlErrorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

export async function startServer(app: App, settings: ServerSettings, log: Logger): Promise<RunningServer> {
  const expressApp = express();
  expressApp.disable('x-powered-by');
  const httpServer = http.createServer(expressApp);
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    // armor lets `__typename` aliases through by default: a thousand of them are still an alias bomb.
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [] },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Not armor's token limit: its Apollo plugin re-parses in parsingDidStart and throws there, which
    // Apollo answers with HTTP 500 (for a syntax error too). graphql-js's own parser limit (parseOptions
    // below) fails the parse instead: 400, and formatError names it QUERY_TOO_COMPLEX.
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const hosts = hostPolicy(settings.host, settings.allowedHosts);
  let listeningPort = settings.port;

  const apollo = new ApolloServer<ApiContext>({
    schema: apiSchema(),
    introspection: settings.introspection,
    csrfPrevention: true,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    includeStacktraceInErrorResponses: !settings.production,
    formatError: formatError(settings.production, log),
    validationRules: [pageSizeRule, ...protection.validationRules],
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<ApiContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Answers are POSTed and per-caller: no HTTP cache hints, and no per-field hook to compute them.
      ApolloServerPluginCacheControlDisabled(),
      accessControlPlugin(settings),
      loggingPlugin(),
      landingPagePlugin(settings) as ApolloServerPlugin<ApiContext>,
    ],
  });
  await apollo.start();

  // Before every route: a request that names another host is a DNS-rebinding attempt (or a
  // misconfigured proxy, which ACCESSQL_ALLOWED_HOSTS fixes).
  expressApp.use((req: Request, res: Response, next: NextFunction) => {
    if (hosts.allowed(req.headers.host, listeningPort)) return next();
    res
      .status(403)
      .json(
        graphqlErrorBody(
          'FORBIDDEN',
          `Host ${JSON.stringify(String(req.headers.host ?? '').slice(0, 100))} is not served here; use localhost, 127.0.0.1 or [::1] with this server's port, or list the name in ACCESSQL_ALLOWED_HOSTS`,
        ),
      );
  });

  // Someone who opens http://127.0.0.1:4000 in a browser is looking for Sandbox.
  expressApp.get('/', (_req, res) => res.redirect(302, '/graphql'));

  expressApp.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', catalog: app.catalogVersion, modelVersion: app.modelVersion() });
  });

  const corsMiddleware = cors({
    origin: settings.corsOrigins.length ? settings.corsOrigins : false,
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
  });

  mountUi(expressApp, corsMiddleware);

  expressApp.use(
    '/graphql',
    corsMiddleware,
    graphiqlHandler(settings),
    express.json({ limit: settings.bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        app,
        role: roleOf(req.headers.authorization, settings),
        requestId: (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 64)) || randomUUID(),
        deadline: Date.now() + settings.requestTimeoutMs,
        log,
        loaders: createLoaders(app.store),
      }),
    }),
  );

  // Body-parser failures come before Apollo sees the request: answer them in GraphQL's shape.
  expressApp.use((err: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') {
      res.status(413).json(graphqlErrorBody('PAYLOAD_TOO_LARGE', `The request body is larger than ${settings.bodyLimitBytes} bytes`));
      return;
    }
    if (err.type === 'entity.parse.failed') {
      res.status(400).json(graphqlErrorBody('BAD_REQUEST', 'The request body is not valid JSON'));
      return;
    }
    log.error({ err: { message: err.message, type: err.type } }, 'http error');
    res.status(err.status && err.status >= 400 && err.status < 600 ? err.status : 500).json(graphqlErrorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
  });

  httpServer.requestTimeout = settings.requestTimeoutMs + 5000;
  httpServer.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(settings.port, settings.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  listeningPort = port;
  const hostForUrl = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return {
    url: `http://${hostForUrl}:${port}/graphql`,
    port,
    async close() {
      await apollo.stop();
    },
  };
}
