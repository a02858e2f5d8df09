/**
 * Access Analyzer's ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE (suggestion) and
 * DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE (security warning), "IAM policy validation
 * check reference": a statement that conditions on a global tag key (aws:ResourceTag/…,
 * aws:RequestTag/…, aws:TagKeys) and names actions of a service none of whose actions puts that
 * key in the request context ("Controlling access to AWS resources using tags"; the Service
 * Authorization Reference lists each action's keys). An Allow then grants nothing for that
 * service; a Deny never denies it.
 */
import { actionSupportsConditionKey, actionsForService, type CatalogAction } from '../../catalog/index.js';
import type { Statement } from '../types.js';
import type { CheckContext } from './context.js';

const TAG_KEY = /^aws:(resourcetag\/.+|requesttag\/.+|tagkeys)$/i;
const serviceSupport = new Map<string, boolean>();

/** True when some action of the service supports the (concrete) tag key. */
function serviceSupportsKey(service: string, key: string): boolean {
  const kind = key.toLowerCase().replace(/\/.*$/, '/x');
  const k = `${service}|${kind}`;
  let v = serviceSupport.get(k);
  if (v === undefined) {
    const probe = kind === 'aws:tagkeys' ? 'aws:TagKeys' : `${kind.slice(0, -1)}accessql-probe`;
    v = actionsForService(service).some((a) => actionSupportsConditionKey(a, probe));
    serviceSupport.set(k, v);
  }
  return v;
}

export function checkUnsupportedTagKeys(ctx: CheckContext, s: Statement, actions: readonly CatalogAction[]): void {
  if (!s.effect || !s.action || s.notAction || actions.length === 0) return;
  if (ctx.policyType !== 'IDENTITY_POLICY' && ctx.policyType !== 'RESOURCE_POLICY') return;
  const services = [...new Set(actions.map((a) => a.service))];
  for (const c of s.conditions) {
    if (!TAG_KEY.test(c.key)) continue;
    const unsupported = services.filter((svc) => !serviceSupportsKey(svc, c.key));
    if (unsupported.length === 0) continue;
    if (s.effect === 'Allow') {
      ctx.add(
        'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
        `No action of ${unsupported.join(', ')} supports "${c.key}": this statement allows none of their actions; move them to a statement without the tag condition`,
        c.position,
      );
    } else {
      ctx.add(
        'DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
        `No action of ${unsupported.join(', ')} supports "${c.key}": this Deny never applies to their actions (unless IfExists or a negated operator is used), so it denies less than it seems`,
        c.position,
      );
    }
  }
}
