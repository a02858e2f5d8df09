/**
 * Reading parsed JSON whose shape is AWS's, with errors that say where. A ShapeError carries the
 * element path; importFiles turns it into an ImportError with the file's line and column.
 */
import { AccessqlError } from '../../util/errors.js';
export class ShapeError extends AccessqlError {
    path;
    reason;
    constructor(path, reason) {
        super('BAD_USER_INPUT', `${formatPath(path)}: ${reason}`);
        this.name = 'ShapeError';
        this.path = path;
        this.reason = reason;
    }
}
/** `['UserDetailList', 3, 'Arn']` → `UserDetailList[3].Arn`. */
export function formatPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else
            out += out ? `.${seg}` : seg;
    }
    return out || '(top level)';
}
export function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
export function object(v, path) {
    if (!isObject(v))
        throw new ShapeError(path, `expected an object, found ${describe(v)}`);
    return v;
}
/**
 * A list element. AWS documentation's own example output sometimes shows a one-item list as the
 * bare item (GroupDetailList[].AttachedManagedPolicies), so a lone object is accepted as a list.
 */
export function list(v, path) {
    if (v === undefined || v === null)
        return [];
    if (Array.isArray(v))
        return v;
    if (isObject(v))
        return [v];
    throw new ShapeError(path, `expected a list, found ${describe(v)}`);
}
export function requiredString(o, key, path) {
    const v = o[key];
    if (typeof v !== 'string' || v === '') {
        throw new ShapeError([...path, key], v === undefined ? `missing ${key}` : `expected a non-empty string, found ${describe(v)}`);
    }
    return v;
}
export function optionalString(o, key, path) {
    const v = o[key];
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'string')
        return v;
    // Dates come back from some SDK dumps as numbers (epoch seconds); keep them readable.
    if (typeof v === 'number' && Number.isFinite(v))
        return String(v);
    throw new ShapeError([...path, key], `expected a string, found ${describe(v)}`);
}
export function optionalNumber(o, key, path) {
    const v = o[key];
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'number' && Number.isFinite(v))
        return v;
    if (typeof v === 'string' && /^\d+$/.test(v))
        return Number(v);
    throw new ShapeError([...path, key], `expected a number, found ${describe(v)}`);
}
export function optionalBoolean(o, key, path) {
    const v = o[key];
    if (v === undefined || v === null)
        return null;
    if (typeof v === 'boolean')
        return v;
    if (v === 'true' || v === 'false')
        return v === 'true';
    throw new ShapeError([...path, key], `expected true or false, found ${describe(v)}`);
}
/** Tags [{Key, Value}] → ordered pairs (the last of duplicate keys wins, as a map would). */
export function tags(v, path) {
    const out = new Map();
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
export function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'an object';
    if (typeof v === 'string')
        return v === '' ? 'an empty string' : 'a string';
    return `${typeof v} ${String(v)}`;
}
//# sourceMappingURL=shape.js.map