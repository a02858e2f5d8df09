/**
 * Access Analyzer's PASS_ROLE_* security warnings and CREATE_SLR_* general warnings ("IAM policy
 * validation check reference"): an identity policy that allows iam:PassRole or
 * iam:CreateServiceLinkedRole on every resource, through the action itself, a wildcard, or
 * NotAction, and through Resource "*" or NotResource. The check reference recommends limiting
 * the services with iam:PassedToService (PassRole) and iam:AWSServiceName (service-linked
 * roles); a statement that conditions on that key gets no finding.
 */
import { compileGlobLower } from '../../util/wildcard.js';
import type { FindingCode } from '../finding-codes.js';
import type { Statement } from '../types.js';
import type { CheckContext } from './context.js';

interface Family {
  action: string;
  restrictingKey: string;
  codes: Record<'explicit' | 'star' | 'notAction', { star: FindingCode; notResource: FindingCode }>;
}

const FAMILIES: Family[] = [
  {
    action: 'iam:passrole',
    restrictingKey: 'iam:passedtoservice',
    codes: {
      explicit: { star: 'PASS_ROLE_WITH_STAR_IN_RESOURCE', notResource: 'PASS_ROLE_WITH_NOT_RESOURCE' },
      star: { star: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE', notResource: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE' },
      notAction: { star: 'PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION', notResource: 'PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE' },
    },
  },
  {
    action: 'iam:createservicelinkedrole',
    restrictingKey: 'iam:awsservicename',
    codes: {
      explicit: { star: 'CREATE_SLR_WITH_STAR_IN_RESOURCE', notResource: 'CREATE_SLR_WITH_NOT_RESOURCE' },
      star: { star: 'CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE', notResource: 'CREATE_SLR_WITH_STAR_AND_NOT_RESOURCE' },
      notAction: { star: 'CREATE_SLR_WITH_STAR_RESOURCE_AND_NOT_ACTION', notResource: 'CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE' },
    },
  },
];

const compiled = new Map<string, (text: string) => boolean>();
/** Cached: a 1 MB policy repeats the same few patterns thousands of times. */
function matches(pattern: string, action: string): boolean {
  let m = compiled.get(pattern);
  if (!m) {
    if (compiled.size >= 4096) compiled.clear();
    compiled.set(pattern, (m = compileGlobLower(pattern.toLowerCase())));
  }
  return m(action);
}

export function checkSensitiveActions(ctx: CheckContext, s: Statement): void {
  if (ctx.policyType !== 'IDENTITY_POLICY' || s.effect !== 'Allow') return;
  const starResource = (s.resource ?? []).includes('*');
  const notResource = s.notResource !== undefined && s.resource === undefined;
  if (!starResource && !notResource) return;
  const keys = s.source?.keys ?? {};
  for (const f of FAMILIES) {
    if (s.conditions.some((c) => c.key.toLowerCase() === f.restrictingKey && !/^null$/i.test(c.operator))) continue;
    let how: 'explicit' | 'star' | 'notAction' | undefined;
    let pos = keys.Action ?? s.position;
    if (s.action && !s.notAction) {
      const i = s.action.findIndex((a) => a.toLowerCase() === f.action);
      const j = i >= 0 ? i : s.action.findIndex((a) => /[*?]/.test(a) && matches(a, f.action));
      if (j >= 0) {
        how = i >= 0 ? 'explicit' : 'star';
        pos = s.source?.action?.[j] ?? pos;
      }
    } else if (s.notAction && !s.action) {
      if (!s.notAction.some((a) => matches(a, f.action))) {
        how = 'notAction';
        pos = keys.NotAction ?? s.position;
      }
    }
    if (!how) continue;
    const code = f.codes[how][starResource ? 'star' : 'notResource'];
    const verb = f.action === 'iam:passrole' ? 'pass any role to any service' : 'create any service-linked role';
    const via =
      how === 'explicit'
        ? f.action === 'iam:passrole'
          ? 'iam:PassRole'
          : 'iam:CreateServiceLinkedRole'
        : how === 'star'
          ? `a wildcard action that covers ${f.action === 'iam:passrole' ? 'iam:PassRole' : 'iam:CreateServiceLinkedRole'}`
          : 'NotAction';
    const fix =
      f.action === 'iam:passrole'
        ? 'name the roles in Resource and limit the services with an iam:PassedToService condition'
        : 'name the roles in Resource or limit the services with an iam:AWSServiceName condition';
    ctx.add(code, `Statement ${s.index + 1} allows ${via} on ${starResource ? '"*"' : 'NotResource'}: it can ${verb}; ${fix}`, pos);
  }
}
