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
import { parseCidrValue, parseIpAddress } from '../../policy/operators.js';
import { piecesToText } from '../template.js';
/** The policy language's parsers (policy/operators.ts), shared with the validator. */
export const parseIp = parseIpAddress;
export const parseCidr = parseCidrValue;
export function ipInRange(ip, range) {
    if (ip.v6 !== range.v6)
        return false;
    if (ip.v6) {
        const bits = BigInt(128 - range.prefix);
        return (ip.addr >> bits) << bits === range.network;
    }
    if (range.prefix === 0)
        return true;
    const shift = 32 - range.prefix;
    return Math.floor(ip.addr / 2 ** shift) * 2 ** shift === range.network;
}
function ipOperator(name, negated) {
    return {
        name,
        negated,
        compile: (pieces) => parseCidr(piecesToText(pieces)),
        parse: parseIp,
        test: ipInRange,
    };
}
export const ipOperators = [ipOperator('IpAddress', false), ipOperator('NotIpAddress', true)];
//# sourceMappingURL=ip.js.map