/**
 * Settings from the environment (and CLI flags, which win). Read once at start-up.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const EXPLORER_MODES = ['sandbox', 'embedded', 'off'];
/** A setting with a value the server cannot use: the process stops with this message. */
export class ConfigError extends Error {
    name = 'ConfigError';
}
/** ACCESSQL_EXPLORER: sandbox (default), embedded or off; anything else is refused, not guessed. */
export function explorerMode(value) {
    if (value === undefined || value === '')
        return 'sandbox';
    const mode = value.trim().toLowerCase();
    if (!EXPLORER_MODES.includes(mode))
        throw new ConfigError(`ACCESSQL_EXPLORER must be one of ${EXPLORER_MODES.join(', ')}, got "${value}"`);
    return mode;
}
/** The package's root folder (this file is dist/src/config.js once built). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The database `npm start` seeds on first run: data/accessql.db in the package. */
export const DEFAULT_DB_FILE = path.join(packageRoot, 'data', 'accessql.db');
/** `--db` defaults to $ACCESSQL_DB, then to the default database. */
export function defaultDbFile(env = process.env) {
    return env.ACCESSQL_DB && env.ACCESSQL_DB.length > 0 ? path.resolve(env.ACCESSQL_DB) : DEFAULT_DB_FILE;
}
function flag(value, fallback) {
    if (value === undefined || value === '')
        return fallback;
    return !/^(0|false|no|off)$/i.test(value);
}
function positiveInt(value, fallback) {
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? n : fallback;
}
export function settingsFromEnv(env = process.env) {
    return {
        host: env.ACCESSQL_HOST || '127.0.0.1',
        port: env.ACCESSQL_PORT !== undefined && env.ACCESSQL_PORT !== '' ? Number(env.ACCESSQL_PORT) : 4000,
        dbFile: defaultDbFile(env),
        adminToken: env.ACCESSQL_ADMIN_TOKEN || undefined,
        readToken: env.ACCESSQL_READ_TOKEN || undefined,
        corsOrigins: (env.ACCESSQL_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        allowedHosts: (env.ACCESSQL_ALLOWED_HOSTS ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
        introspection: flag(env.ACCESSQL_INTROSPECTION, true),
        explorer: explorerMode(env.ACCESSQL_EXPLORER),
        bodyLimitBytes: positiveInt(env.ACCESSQL_BODY_LIMIT_BYTES, 8 * 1024 * 1024),
        requestTimeoutMs: positiveInt(env.ACCESSQL_REQUEST_TIMEOUT_MS, 30_000),
        logLevel: env.ACCESSQL_LOG_LEVEL || 'info',
        production: env.NODE_ENV === 'production',
    };
}
//# sourceMappingURL=config.js.map