import pino from 'pino';
import { settingsFromEnv } from '../../config.js';
import { App } from '../../app.js';
import { startServer } from '../../graphql/server.js';
import { warmAccessIndex } from '../../graphql/warm-up.js';
import { parse, UsageError } from '../args.js';

/** `accessql serve`: the API; prints the URL once listening. */
export async function serve(argv: string[], dbFile: string | undefined): Promise<number> {
  const { values } = parse(argv, {
    host: { type: 'string' },
    port: { type: 'string' },
    'log-level': { type: 'string' },
    db: { type: 'string' },
  });
  const settings = settingsFromEnv();
  if (values.host) settings.host = values.host;
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${values.port}`);
    settings.port = port;
  }
  if (values['log-level']) settings.logLevel = values['log-level'];
  settings.dbFile = dbFile ?? settings.dbFile;
  // Logs go to stderr so stdout carries only what scripts read (the URL).
  const log = pino({ level: settings.logLevel, redact: ['req.headers.authorization', 'authorization', '*.authorization'] }, pino.destination(2));
  const app = App.open({ dbFile: settings.dbFile });
  const loopback = /^(127\.|::1$|localhost$)/.test(settings.host);
  if (!loopback && !settings.adminToken) {
    log.warn({ host: settings.host }, 'listening beyond loopback without ACCESSQL_ADMIN_TOKEN: anyone who can reach this port can import data');
  }
  const server = await startServer(app, settings, log);
  process.stdout.write(`accessql listening at ${server.url}\n`);
  log.info({ url: server.url, db: settings.dbFile, admin: Boolean(settings.adminToken), readToken: Boolean(settings.readToken) }, 'listening');
  // Bound to every address: ask by loopback, which the host check always accepts.
  const self = server.url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
  warmAccessIndex(app, log, { url: self, token: settings.readToken ?? settings.adminToken });
  const stop = async () => {
    await server.close();
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}
