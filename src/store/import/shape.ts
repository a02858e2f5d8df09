/**
 * Reading parsed JSON whose shape is AWS's, with errors that say where. A ShapeError carries the
 * element path; importFiles turns it into an ImportError with the file's line and column.
 */
import { AccessqlError } from '../../util/errors.js';
export type JsonPath = readonly (string | number)[];

export class ShapeError extends AccessqlError {
  readonly path: JsonPath;
  readonly reason: string;
  constructor(path: JsonPath, reason: string) {
    super('BAD_USER_INPUT', `${formatPath(path)}: ${reason}`);
    this.name = 'ShapeError';
    this.path = path;
    this.reason = reason;
  }
}

/** `['UserDetailList', 3, 'Arn']` → `UserDetailList[3].Arn`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || '(top level)';
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function object(v: unknown, path: JsonPath): JsonObject {
  if (!isObject(v)) throw new ShapeError(path, `expected an object, found ${describe(v)}`);
  return v;
}

/**
 * A list element. AWS documentation's own example output sometimes shows a one-item list as the
 * bare item (GroupDetailList[].AttachedManagedPolicies), so a lone object is accepted as a list.
 */
export function list(v: unknown, path: JsonPath): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (isObject(v)) return [v];
  throw new ShapeError(path, `expected a list, found ${describe(v)}`);
}

export function requiredString(o: JsonObject, key: string, path: JsonPath): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') {
    throw new ShapeError([...path, key], v === undefined ? `missing ${key}` : `expected a non-empty string, found ${describe(v)}`);
  }
  return v;
}

export function optionalString(o: JsonObject, key: string, path: JsonPath): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  // Dates come back from some SDK dumps as numbers (epoch seconds); keep them readable.
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new ShapeError([...path, key], `expected a string, found ${describe(v)}`);
}

export function optionalNumber(o: JsonObject, key: string, path: JsonPath): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  throw new ShapeError([...path, key], `expected a number, found ${describe(v)}`);
}

export function optionalBoolean(o: JsonObject, key: string, path: JsonPath): boolean | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new ShapeError([...path, key], `expected true or false, found ${describe(v)}`);
}

/** Tags [{Key, Value}] → ordered pairs (the last of duplicate keys wins, as a map would). */
export function tags(v: unknown, path: JsonPath): [string, string][] {
  const out = new Map<string, string>();
  list(v, path).forEach((t, i) => {
    const o = object(t, [...path, i]);
    const key = requiredString(o, 'Key', [...path, i]);
    const value = o.Value;
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new ShapeError([...path, i, 'Value'], `expected a string, found ${describe(value)}`);
    }
    out.set(key, value ?? '');
  });
  return [...out];
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v === '' ? 'an empty string' : 'a string';
  return `${typeof v} ${String(v)}`;
}
