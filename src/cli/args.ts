import { AccessqlError } from '../util/errors.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends AccessqlError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<const T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** `--context KEY=VALUE` (repeatable; the same key twice makes a list; VALUE may be a,b with --context-list). */
export function contextEntries(pairs: string[] | undefined): { key: string; values: string[] }[] {
  const byKey = new Map<string, { key: string; values: string[] }>();
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--context takes KEY=VALUE, got "${pair}"`);
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const entry = byKey.get(key.toLowerCase()) ?? { key, values: [] };
    entry.values.push(value);
    byKey.set(key.toLowerCase(), entry);
  }
  return [...byKey.values()];
}

/** A whole number ≥ min given to an option (`--snapshot 3`, `--keep 10`), or undefined when absent. */
export function wholeNumber(value: string | undefined, option: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw new UsageError(`${option} takes a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${value}"`);
  }
  return Number(value);
}
