/**
 * IP address condition operators.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "IP address condition
 * operators": IpAddress / NotIpAddress compare "to an IPv4 or IPv6 address or range of IP
 * addresses"; "The value must be in the standard CIDR format (for example, 203.0.113.0/24 or
 * 2001:DB8:1234:5678::/64). If you specify an IP address without the associated routing prefix,
 * IAM uses the default prefix value of /32" (for IPv6 we use /128, the full length, as the only
 * reading under which a bare IPv6 address means itself). No policy variables.
 *
 * IPv4 addresses are compared as 32-bit integers and IPv6 as BigInt; an IPv4 request value never
 * matches an IPv6 range and vice versa, except that an IPv4-mapped IPv6 address (::ffff:a.b.c.d)
 * is treated as the IPv4 address (not documented by AWS; it is how dual-stack sockets report IPv4).
 */
import { piecesToText } from '../template.js';
import type { BaseOperator } from './operator.js';

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


export function parseIp(value: string): IpValue | undefined {
  const text = value.trim();
  if (text.includes(':')) {
    const n = parseV6(text);
    if (n === undefined) return undefined;
    if (n >> 32n === 0xffffn) return { v6: false, addr: Number(n & 0xffffffffn) };
    return { v6: true, addr: n };
  }
  const n = parseV4(text);
  return n === undefined ? undefined : { v6: false, addr: n };
}

export function parseCidr(value: string): IpRange | undefined {
  const text = value.trim();
  const slash = text.indexOf('/');
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
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

export function ipInRange(ip: IpValue, range: IpRange): boolean {
  if (ip.v6 !== range.v6) return false;
  if (ip.v6) {
    const bits = BigInt(128 - range.prefix);
    return ((ip.addr as bigint) >> bits) << bits === range.network;
  }
  if (range.prefix === 0) return true;
  const shift = 32 - range.prefix;
  return Math.floor((ip.addr as number) / 2 ** shift) * 2 ** shift === range.network;
}

function ipOperator(name: string, negated: boolean): BaseOperator<IpRange, IpValue> {
  return {
    name,
    negated,
    variables: false,
    compile: (pieces) => parseCidr(piecesToText(pieces)),
    parse: parseIp,
    test: ipInRange,
  };
}

export const ipOperators: BaseOperator[] = [ipOperator('IpAddress', false), ipOperator('NotIpAddress', true)] as BaseOperator[];
