/**
 * Typed errors of the store. The CLI and the GraphQL layer map them to exit codes and error codes
 * (ImportError → a message naming file, line and column; CursorError → BAD_USER_INPUT).
 */
import { AccessqlError, type ErrorCode } from '../util/errors.js';

/** Base class: anything the store refuses for a reason a user can act on. */
export class StoreError extends AccessqlError {
  constructor(message: string, code: ErrorCode = 'INTERNAL_SERVER_ERROR', extensions: Record<string, unknown> = {}) {
    super(code, message, extensions);
    this.name = 'StoreError';
  }
}

/** Another process holds the write lock for longer than the busy timeout (e.g. two imports at once). */
export class StoreBusyError extends StoreError {
  constructor(file: string, timeoutMs: number) {
    super(`database ${file} is locked by another writer (waited ${timeoutMs} ms); try again when the other import has finished`, 'SERVICE_UNAVAILABLE');
    this.name = 'StoreBusyError';
  }
}

/** The database was written by a newer accessql (unknown migrations) or is not an accessql database. */
export class StoreVersionError extends StoreError {
  constructor(message: string) {
    super(message);
    this.name = 'StoreVersionError';
  }
}

/**
 * The database cannot take the operation for a reason outside the request: the disk is full
 * (SQLITE_FULL) or the file or its filesystem is read-only (SQLITE_READONLY). The API answers
 * SERVICE_UNAVAILABLE; `cause` keeps SQLite's own error for the log.
 */
export class StoreUnavailableError extends StoreError {
  readonly sqliteCode: string;
  constructor(message: string, sqliteCode: string, cause?: unknown) {
    super(message, 'SERVICE_UNAVAILABLE', { reason: sqliteCode });
    this.name = 'StoreUnavailableError';
    this.sqliteCode = sqliteCode;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** A pagination cursor that this store did not hand out. */
export class CursorError extends StoreError {
  readonly cursor: string;
  constructor(cursor: string) {
    // The API's wording: a client only ever sees cursors as opaque strings it was given.
    super('The `after` cursor is not one this API gave out', 'BAD_USER_INPUT', { argumentName: 'after' });
    this.cursor = cursor;
    this.name = 'CursorError';
  }
}

export interface ImportErrorDetails {
  file: string;
  /** 1-based. For an error inside a policy document given as a string, the line inside the decoded document. */
  line?: number;
  column?: number;
  /** Where in the file, e.g. `UserDetailList[3].UserPolicyList[0].PolicyDocument`. */
  path?: string;
  /** The reason alone, without file and position. */
  reason: string;
  /** True when line/column count inside a decoded policy document (at `path`), not in the file. */
  inDocument?: boolean;
}

/**
 * An import that was refused; nothing was changed. The message names the file, the line and
 * column (1-based) when known, and the element path when the problem is inside the file's
 * structure or inside a policy document.
 */
export class ImportError extends StoreError {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  readonly reason: string;
  readonly inDocument: boolean;
  constructor(details: ImportErrorDetails) {
    // JSON syntax and policy-document errors carry their position: the document is malformed.
    super(formatImportError(details), details.line !== undefined ? 'MALFORMED_POLICY_DOCUMENT' : 'BAD_USER_INPUT', {
      line: details.line,
      column: details.column,
      path: details.path,
      inDocument: details.inDocument || undefined,
    });
    this.name = 'ImportError';
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.path = details.path;
    this.reason = details.reason;
    this.inDocument = details.inDocument === true;
  }
}

function formatImportError(d: ImportErrorDetails): string {
  if (d.inDocument && d.line !== undefined) {
    // The document was a string (URL-encoded): a file position would point at one long line.
    return `${d.file}: ${d.path ?? 'policy document'}: line ${d.line}, column ${d.column ?? 1} of the decoded document: ${d.reason}`;
  }
  const where = d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  if (d.path === undefined) return `${where}: ${d.reason}`;
  return `${where}: ${d.path}: ${d.reason}`;
}

/** A snapshot id that is not one of the imports, or whose state is no longer (or was never) kept. */
export class SnapshotNotFoundError extends StoreError {
  constructor(
    readonly snapshotId: number,
    readonly reason: 'UNKNOWN' | 'PRUNED' | 'NOT_RECORDED',
  ) {
    const message = {
      UNKNOWN: `snapshot ${snapshotId} does not exist (\`imports { id }\` lists the snapshots)`,
      PRUNED: `snapshot ${snapshotId} was pruned (ACCESSQL_KEEP_SNAPSHOTS or \`accessql prune\`): its state is no longer kept`,
      NOT_RECORDED: `snapshot ${snapshotId} was imported before accessql kept history (schema migration 6): its state was not recorded`,
    }[reason];
    super(message, 'NOT_FOUND', { snapshot: snapshotId, reason });
    this.name = 'SnapshotNotFoundError';
  }
}
