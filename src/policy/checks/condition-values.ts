/**
 * Checks on what a condition tests ("IAM policy validation check reference";
 * "IAM JSON policy elements: Condition operators"; "AWS global condition context keys"):
 * EQUIVALENT_TO_NULL_FALSE / _TRUE, STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS,
 * WILDCARD_WITHOUT_LIKE_OPERATOR, NULL_WITH_QUALIFIER, the aws:SourceIp private-range checks,
 * the aws:SourceVpc / aws:SourceVpce formats and service principal names in aws:CalledVia….
 */
import { isIP } from 'node:net';
import { findGlobalConditionKey, findServiceConditionKey } from '../../catalog/index.js';
import { parseConditionOperator } from '../operators.js';
import type { Condition, Statement } from '../types.js';
import type { CheckContext } from './context.js';

/** Keys whose values are service principal names (ec2.amazonaws.com). */
const SERVICE_PRINCIPAL_KEYS = new Set([
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
  'aws:principalservicename',
  'aws:principalservicenameslist',
]);

/** `service.amazonaws.com`, Regional `logs.us-east-1.amazonaws.com`, China `…amazonaws.com.cn`. */
export const SERVICE_PRINCIPAL_RE = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;

const hasPattern = (v: string) => /[*?]|\$\{/.test(v);

/** ARN-typed keys: aws:SourceArn, aws:PrincipalArn, service keys of type ARN / ArrayOfARN. */
export function isArnKey(key: string): boolean {
  const g = findGlobalConditionKey(key);
  if (g) return g.dataType === 'ARN';
  const s = findServiceConditionKey(key);
  return s !== undefined && /^(arrayof)?arn$/i.test(s.type);
}

export function checkConditionValueRules(ctx: CheckContext, s: Statement): void {
  for (const c of s.conditions) {
    const op = parseConditionOperator(c.operator);
    if (!op) continue;
    const key = c.key.toLowerCase();
    const pos = c.position;
    if (op.base === 'Null' && op.setOperator) {
      ctx.add(
        'NULL_WITH_QUALIFIER',
        `${c.operator}: the Null operator tests whether "${c.key}" is present and ignores ${op.setOperator}:; remove it`,
        c.operatorPosition ?? pos,
      );
    }
    if ((op.base === 'StringLike' || op.base === 'StringNotLike') && !op.setOperator && c.values.length > 0 && c.values.every((v) => v === '*')) {
      const isLike = op.base === 'StringLike';
      ctx.add(
        isLike ? 'EQUIVALENT_TO_NULL_FALSE' : 'EQUIVALENT_TO_NULL_TRUE',
        `${c.operator} "*" on "${c.key}" only tests that the key is ${isLike ? 'present' : 'absent'}; write {"Null": {"${c.key}": "${isLike ? 'false' : 'true'}"}}`,
        pos,
      );
    } else if (
      (op.base === 'StringLike' || op.base === 'StringNotLike') &&
      c.values.some((v) => /[*?]/.test(v.replace(/\$\{[^}]*\}/g, ''))) &&
      isArnKey(c.key)
    ) {
      ctx.add(
        'STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS',
        `"${c.key}" holds ARNs: with ${op.base} a "*" can match across ARN fields (partition, service, Region, account); use ${op.base === 'StringLike' ? 'ArnLike' : 'ArnNotLike'}, which matches field by field`,
        pos,
      );
    }
    if (/Equals/.test(op.base) && (op.category === 'String' || op.category === 'Arn')) {
      const i = c.values.findIndex((v) => /[*?]/.test(v.replace(/\$\{[*?$]\}/g, '')));
      if (i >= 0) {
        ctx.add(
          'WILDCARD_WITHOUT_LIKE_OPERATOR',
          `"${c.values[i]}": ${op.base} takes * and ? literally; use ${op.category === 'Arn' ? 'ArnLike' : 'StringLike'} to match a pattern`,
          c.valuePositions?.[i] ?? pos,
        );
      }
    }
    if (key === 'aws:sourceip' && op.category === 'IpAddress') checkPrivateRanges(ctx, c, op.base === 'NotIpAddress');
    if (key === 'aws:sourcevpc' || key === 'aws:sourcevpce') {
      const vpce = key === 'aws:sourcevpce';
      const re = vpce ? /^vpce-[0-9a-f]+$/ : /^vpc-[0-9a-f]+$/;
      c.values.forEach((v, i) => {
        if (!hasPattern(v) && !re.test(v)) {
          ctx.add(
            vpce ? 'INVALID_VPCE_FORMAT' : 'INVALID_VPC_FORMAT',
            `"${v}" is not a ${vpce ? 'VPC endpoint ID (vpce-1a2b3c4d)' : 'VPC ID (vpc-1a2b3c4d)'}, so "${c.key}" never equals it`,
            c.valuePositions?.[i] ?? pos,
          );
        }
      });
    }
    if (SERVICE_PRINCIPAL_KEYS.has(key)) {
      c.values.forEach((v, i) => {
        if (!hasPattern(v) && !SERVICE_PRINCIPAL_RE.test(v)) {
          ctx.add(
            'INVALID_SERVICE_PRINCIPAL_FORMAT',
            `"${v}" is not a service principal name (such as athena.amazonaws.com), the form "${c.key}" holds`,
            c.valuePositions?.[i] ?? pos,
          );
        }
      });
    }
  }
}

/** RFC 1918 and RFC 4193 (fc00::/7) ranges: addresses a request from the internet never has. */
function isPrivate(value: string): boolean {
  const [addr, bits] = value.split('/');
  const kind = isIP(addr);
  if (kind === 4) {
    const [a, b] = addr.split('.').map(Number);
    const prefix = bits === undefined ? 32 : Number(bits);
    if (a === 10) return prefix >= 8;
    if (a === 172 && b >= 16 && b <= 31) return prefix >= 12;
    if (a === 192 && b === 168) return prefix >= 16;
    return false;
  }
  if (kind === 6) {
    const prefix = bits === undefined ? 128 : Number(bits);
    return /^f[cd]/i.test(addr) && prefix >= 7;
  }
  return false;
}

function checkPrivateRanges(ctx: CheckContext, c: Condition, negated: boolean): void {
  const values = c.values.filter((v) => !v.includes('${'));
  const priv = values.filter(isPrivate);
  if (priv.length === 0) return;
  const all = priv.length === values.length;
  const why =
    'aws:SourceIp holds the public address a request comes from; requests through a VPC endpoint carry none (use aws:VpcSourceIp for private addresses)';
  if (negated) {
    ctx.add(
      all ? 'PRIVATE_NOT_IP_ADDRESS' : 'PRIVATE_NOT_IP_ADDRESS_SUBSET',
      `NotIpAddress on aws:SourceIp with private range${priv.length > 1 ? 's' : ''} ${priv.join(', ')}: ${why}${all ? ', so the condition matches every request' : ''}`,
      c.position,
    );
  } else {
    ctx.add(
      all ? 'PRIVATE_IP_ADDRESS' : 'PRIVATE_IP_ADDRESS_SUBSET',
      `IpAddress on aws:SourceIp with private range${priv.length > 1 ? 's' : ''} ${priv.join(', ')}: ${why}${all ? ', so the condition never matches' : ''}`,
      c.position,
    );
  }
}
