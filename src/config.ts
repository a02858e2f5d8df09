/**
 * Settings from the environment (and CLI flags, which win). Read once at start-up.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ExplorerMode = 'sandbox' | 'embedded' | 'off';
const EXPLORER_MODES: readonly ExplorerMode[] = ['sandbox', 'embedded', 'off'];

/** A setting with a value the server cannot use: the process stops with this message. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** ACCESSQL_EXPLORER: sandbox (default), embedded or off; anything else is refused, not guessed. */
export function explorerMode(value: string | undefined): ExplorerMode {
  if (value === undefined || value === '') return 'sandbox';
  const mode = value.trim().toLowerCase() as ExplorerMode;
  if (!EXPLORER_MODES.includes(mode)) throw new ConfigError(`ACCESSQL_EXPLORER must be one of ${EXPLORER_MODES.join(', ')}, got "${value}"`);
  return mode;
}

export interface ServerSettings {
  host: string;
  port: number;
  dbFile: string;
  /** When set, mutations need `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /** When set, queries need this token (or the admin token). */
  readToken?: string;
  /** Origins allowed by CORS; empty: no cross-origin browser access. */
  corsOrigins: string[];
  /**
   * Host header names (optionally with a port) accepted besides the loopback names, from
   * ACCESSQL_ALLOWED_HOSTS. On a loopback bind only loopback names are accepted unless listed
   * here (DNS rebinding); on any bind, a non-empty list is enforced.
   */
  allowedHosts: string[];
  introspection: boolean;
  /** What `/graphql` shows a browser: Apollo Sandbox (from its CDN), GraphiQL served from the package, or nothing. */
  explorer: ExplorerMode;
  /** Request body limit in bytes. */
  bodyLimitBytes: number;
  /** Wall-clock budget for one GraphQL operation, in milliseconds. */
  requestTimeoutMs: number;
  logLevel: string;
  production: boolean;
}

/** The package's root folder (this file is dist/src/config.js once built). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The database `npm start` seeds on first run: data/accessql.db in the package. */
export const DEFAULT_DB_FILE = path.join(packageRoot, 'data', 'accessql.db');

/** `--db` defaults to $ACCESSQL_DB, then to the default database. */
export function defaultDbFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.ACCESSQL_DB && env.ACCESSQL_DB.length > 0 ? path.resolve(env.ACCESSQL_DB) : DEFAULT_DB_FILE;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !/^(0|false|no|off)$/i.test(value);
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * ACCESSQL_KEEP_SNAPSHOTS: how many of the newest snapshots keep their history (applied after
 * each import); unset, empty or `all`: every snapshot. Anything but a whole number ≥ 1 is refused.
 */
export function keepSnapshotsFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.ACCESSQL_KEEP_SNAPSHOTS?.trim();
  if (value === undefined || value === '' || value.toLowerCase() === 'all') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new ConfigError(`ACCESSQL_KEEP_SNAPSHOTS must be a whole number of snapshots (at least 1) or "all", got "${value}"`);
  }
  return Number(value);
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  return {
    host: env.ACCESSQL_HOST || '127.0.0.1',
    port: env.ACCESSQL_PORT !== undefined && env.ACCESSQL_PORT !== '' ? Number(env.ACCESSQL_PORT) : 4000,
    dbFile: defaultDbFile(env),
    adminToken: env.ACCESSQL_ADMIN_TOKEN || undefined,
    readToken: env.ACCESSQL_READ_TOKEN || undefined,
    corsOrigins: (env.ACCESSQL_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    allowedHosts: (env.ACCESSQL_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    introspection: flag(env.ACCESSQL_INTROSPECTION, true),
    explorer: explorerMode(env.ACCESSQL_EXPLORER),
    bodyLimitBytes: positiveInt(env.ACCESSQL_BODY_LIMIT_BYTES, 8 * 1024 * 1024),
    requestTimeoutMs: positiveInt(env.ACCESSQL_REQUEST_TIMEOUT_MS, 30_000),
    logLevel: env.ACCESSQL_LOG_LEVEL || 'info',
    production: env.NODE_ENV === 'production',
  };
}
