/**
 * Condition operators ("IAM JSON policy elements: Condition operators", IAM User Guide):
 * a base operator, optionally prefixed by a set operator (ForAnyValue: / ForAllValues:) and
 * suffixed by IfExists (any operator except Null).
 *
 * This is the ONE parser of condition operators and of the values they take: the validator
 * (validate.ts) reports an ERROR exactly when it rejects an operator or a value, and the engine
 * (engine/conditions) compiles conditions by calling it, so what the linter accepts is exactly what
 * the evaluator evaluates. Decisions, by the page above:
 *  - ForAnyValue:Null / ForAllValues:Null: the page defines Null as a test of whether the key is
 *    present and puts no restriction on set qualifiers; a presence test has no per-value part, so
 *    the qualifier changes nothing — accepted, evaluated as Null (as IAM's validator accepts it).
 *  - NullIfExists: "...IfExists condition operators": IfExists can be added to "any condition
 *    operator except the Null condition" — rejected.
 *  - Bool: "Boolean condition operators let you construct Condition elements that restrict access
 *    based on comparing a key to true or false" — the value is `true` or `false` (any case, JSON
 *    booleans arrive as text); `" true"` is neither, so it is rejected and never matches.
 *  - Numeric: "an integer or decimal value": optional sign, digits, optional decimals; no
 *    exponent, no surrounding white space.
 *  - Date: "one of the W3C implementations of the ISO 8601 date formats ... or in epoch (UNIX)
 *    time": YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s]][TZD] with TZD Z or ±hh:mm (±hhmm
 *    accepted; a missing TZD is read as UTC), or digits only (epoch seconds).
 *  - IpAddress: "standard CIDR format"; an address without a prefix means /32 (/128 for IPv6).
 *  - Binary: "a base-64 encoded representation of the binary value": base64 alphabet, padded to a
 *    multiple of four characters.
 *  - Arn*: "each of the six colon-delimited components of the ARN is checked separately": a value
 *    with fewer than six components (other than `*`) can match nothing and is rejected.
 *  - Null values: `true` or `false`.
 *  - Policy variables: substituted in String, Arn and Bool values only ("IAM policy elements:
 *    Variables and tags", "Where you can use policy variables", and the Boolean section of the
 *    operators page); in other operators `${...}` is literal text, so such a value is rejected.
 *    A value whose variables are substituted is checked when the request is evaluated.
 */

export type OperatorCategory = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export const BASE_OPERATORS: Readonly<Record<string, OperatorCategory>> = {
  StringEquals: 'String',
  StringNotEquals: 'String',
  StringEqualsIgnoreCase: 'String',
  StringNotEqualsIgnoreCase: 'String',
  StringLike: 'String',
  StringNotLike: 'String',
  NumericEquals: 'Numeric',
  NumericNotEquals: 'Numeric',
  NumericLessThan: 'Numeric',
  NumericLessThanEquals: 'Numeric',
  NumericGreaterThan: 'Numeric',
  NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date',
  DateNotEquals: 'Date',
  DateLessThan: 'Date',
  DateLessThanEquals: 'Date',
  DateGreaterThan: 'Date',
  DateGreaterThanEquals: 'Date',
  Bool: 'Bool',
  BinaryEquals: 'Binary',
  IpAddress: 'IpAddress',
  NotIpAddress: 'IpAddress',
  ArnEquals: 'Arn',
  ArnLike: 'Arn',
  ArnNotEquals: 'Arn',
  ArnNotLike: 'Arn',
  Null: 'Null',
};

/** Whether policy variables are substituted in an operator's values (see the header). */
export const CATEGORY_VARIABLES: Readonly<Record<OperatorCategory, boolean>> = {
  String: true,
  Arn: true,
  Bool: true,
  Numeric: false,
  Date: false,
  IpAddress: false,
  Binary: false,
  Null: false,
};

export interface ParsedOperator {
  /** As written. */
  operator: string;
  /** Canonical base operator name, e.g. "StringLike". */
  base: string;
  category: OperatorCategory;
  setOperator?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
  /** A negated operator (StringNotEquals, NotIpAddress, ArnNotLike…). */
  negated: boolean;
  /** Policy variables are substituted in its values. */
  variables: boolean;
}

/**
 * Parses a condition operator. Operator names are matched case-insensitively (as IAM does) but
 * the result names the canonical spelling. undefined for an unknown operator, and for
 * `NullIfExists` (Null cannot take IfExists).
 */
export function parseConditionOperator(operator: string): ParsedOperator | undefined {
  let rest = operator;
  let setOperator: ParsedOperator['setOperator'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') setOperator = 'ForAnyValue';
    else if (prefix === 'forallvalues') setOperator = 'ForAllValues';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  const lower = rest.toLowerCase();
  const base = Object.keys(BASE_OPERATORS).find((b) => b.toLowerCase() === lower);
  if (!base) return undefined;
  if (base === 'Null' && ifExists) return undefined;
  return {
    operator,
    base,
    category: BASE_OPERATORS[base],
    setOperator,
    ifExists,
    negated: /Not/.test(base) && base !== 'Null',
    variables: CATEGORY_VARIABLES[BASE_OPERATORS[base]],
  };
}

/** Closest known operator spelling for a suggestion ("StringEqual" → "StringEquals"). */
export function knownOperatorNames(): string[] {
  return Object.keys(BASE_OPERATORS);
}

// ---------------------------------------------------------------- values

export function parseBoolValue(value: string): boolean | undefined {
  const v = value.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

const NUMBER_RE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function parseNumberValue(value: string): number | undefined {
  return NUMBER_RE.test(value) ? Number(value) : undefined;
}

const EPOCH_RE = /^\d+$/;
const W3C_RE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/;

/** A date value as milliseconds since the epoch, or undefined. */
export function parseDateValue(value: string): number | undefined {
  if (EPOCH_RE.test(value)) return Number(value) * 1000;
  const m = W3C_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : 1;
  const hour = m[4] ? Number(m[4]) : 0;
  const minute = m[5] ? Number(m[5]) : 0;
  const second = m[6] ? Number(m[6]) : 0;
  const millis = m[7] ? Math.round(Number('0.' + m[7]) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  let t = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const tz = m[8];
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    t -= sign * offset * 60_000;
  }
  return t;
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

export function parseBinaryValue(value: string): Buffer | undefined {
  if (!BASE64_RE.test(value) || value.length % 4 !== 0) return undefined;
  return Buffer.from(value, 'base64');
}

export interface IpValue {
  v6: boolean;
  /** IPv4: the address as an unsigned 32-bit number; IPv6: BigInt. */
  addr: number | bigint;
}

export interface IpRange {
  v6: boolean;
  prefix: number;
  network: number | bigint;
}

function parseV4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const b = Number(p);
    if (b > 255) return undefined;
    n = n * 256 + b;
  }
  return n;
}

function parseV6(text: string): bigint | undefined {
  let t = text;
  let tailV4: number | undefined;
  const lastColon = t.lastIndexOf(':');
  if (t.includes('.')) {
    tailV4 = parseV4(t.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    t = t.slice(0, lastColon + 1) + '0:0';
  }
  const halves = t.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (halves.length === 1 && head.length !== 8) return undefined;
  if (groups < 0 || (halves.length === 2 && groups < 1)) return undefined;
  const all = [...head, ...new Array<string>(groups).fill('0'), ...tail];
  let n = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) n = (n & ~0xffffffffn) | BigInt(tailV4);
  return n;
}

/**
 * An IP address. An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 address (not
 * documented by AWS; it is how dual-stack sockets report IPv4).
 */
export function parseIpAddress(text: string): IpValue | undefined {
  if (text.includes(':')) {
    const n = parseV6(text);
    if (n === undefined) return undefined;
    if (n >> 32n === 0xffffn) return { v6: false, addr: Number(n & 0xffffffffn) };
    return { v6: true, addr: n };
  }
  const n = parseV4(text);
  return n === undefined ? undefined : { v6: false, addr: n };
}

/** An IpAddress policy value: CIDR, or an address meaning /32 (IPv4) or /128 (IPv6). */
export function parseCidrValue(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const ip = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (!ip) return undefined;
  const isMapped = !ip.v6 && text.includes(':');
  const max = ip.v6 ? 128 : 32;
  let prefix = max;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return undefined;
    prefix = Number(p);
    // An IPv4-mapped range is written with an IPv6 prefix length (96 + IPv4 bits).
    if (isMapped) prefix -= 96;
    if (prefix < 0 || prefix > max) return undefined;
  }
  if (ip.v6) {
    const bits = BigInt(128 - prefix);
    const network = ((ip.addr as bigint) >> bits) << bits;
    return { v6: true, prefix, network };
  }
  const network = prefix === 0 ? 0 : ((ip.addr as number) >>> (32 - prefix)) * 2 ** (32 - prefix);
  return { v6: false, prefix, network };
}

/** An Arn* policy value: `*`, or at least six colon-separated components. */
export function isArnConditionValue(text: string): boolean {
  if (text === '*') return true;
  let colons = 0;
  for (let i = 0; i < text.length && colons < 5; i++) if (text.charCodeAt(i) === 58) colons++;
  return colons >= 5;
}

/**
 * Does `value` (after any variable substitution) have the form the operator category needs?
 * String values always do.
 */
export function isValidConditionValue(category: OperatorCategory, value: string): boolean {
  switch (category) {
    case 'Bool':
    case 'Null':
      return parseBoolValue(value) !== undefined;
    case 'Numeric':
      return parseNumberValue(value) !== undefined;
    case 'Date':
      return parseDateValue(value) !== undefined;
    case 'IpAddress':
      return parseCidrValue(value) !== undefined;
    case 'Binary':
      return parseBinaryValue(value) !== undefined;
    case 'Arn':
      return isArnConditionValue(value);
    default:
      return true;
  }
}

/**
 * Does the value hold a policy variable the operator substitutes (its form is then checked when
 * the request is evaluated)? `${*}`, `${?}` and `${$}` are escapes, not variables ("IAM policy
 * elements: Variables and tags", "Special characters").
 */
export function hasSubstitutedVariable(op: ParsedOperator, value: string, variablesEnabled: boolean): boolean {
  if (!variablesEnabled || !op.variables) return false;
  let i = 0;
  for (;;) {
    const start = value.indexOf('${', i);
    if (start < 0) return false;
    const close = value.indexOf('}', start + 2);
    if (close < 0) return false;
    const inner = value.slice(start + 2, close).trim();
    if (inner.length > 0 && inner !== '*' && inner !== '?' && inner !== '$') return true;
    i = close + 1;
  }
}
