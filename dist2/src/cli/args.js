import { AccessqlError } from '../util/errors.js';
import { parseArgs } from 'node:util';
export class UsageError extends AccessqlError {
    constructor(message) {
        super('BAD_USER_INPUT', message);
        this.name = 'UsageError';
    }
}
export function parse(argv, options) {
    try {
        return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    }
    catch (e) {
        throw new UsageError(e.message);
    }
}
/** `--context KEY=VALUE` (repeatable; the same key twice makes a list; VALUE may be a,b with --context-list). */
export function contextEntries(pairs) {
    const byKey = new Map();
    for (const pair of pairs ?? []) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            throw new UsageError(`--context takes KEY=VALUE, got "${pair}"`);
        const key = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        const entry = byKey.get(key.toLowerCase()) ?? { key, values: [] };
        entry.values.push(value);
        byKey.set(key.toLowerCase(), entry);
    }
    return [...byKey.values()];
}
//# sourceMappingURL=args.js.map