/**
 * AWS Organizations policy syntax ("SCP syntax", "RCP syntax", AWS Organizations User Guide)
 * as Access Analyzer checks it: SCP_SYNTAX_ERROR_ACTION_WILDCARD and the RCP_SYNTAX_ERROR_*
 * errors. (SCP_SYNTAX_ERROR_PRINCIPAL and the size quotas are in validate.ts.)
 */
import type { Statement } from '../types.js';
import type { CheckContext } from './context.js';

/**
 * Services whose resources RCPs apply to ("Resource control policies (RCPs)", "List of AWS services
 * that support RCPs" — the stored copies of that page cut the list off). AWS's own RCP examples,
 * which the page links to (aws-samples/resource-control-policy-examples, "examples of RCPs that
 * help enforce controls on services supported by RCPs"), name them: the HTTPS-only and
 * service-principal RCPs (Restrict-resource-access-patterns/*.json) list s3, sts, kms, sqs,
 * secretsmanager, cognito-identity, cognito-idp, logs, dynamodb, ecr and aoss; Service-specific-
 * controls adds RCPs for IAM Roles Anywhere (rolesanywhere:CreateSession, EnableProfile, ...).
 */
export const RCP_SERVICES: ReadonlySet<string> = new Set([
  's3',
  'sts',
  'kms',
  'sqs',
  'secretsmanager',
  'cognito-identity',
  'cognito-idp',
  'logs',
  'dynamodb',
  'ecr',
  'aoss',
  'rolesanywhere',
]);

export function checkOrganizationsPolicy(ctx: CheckContext, s: Statement): void {
  if (ctx.policyType !== 'SERVICE_CONTROL_POLICY' && ctx.policyType !== 'RESOURCE_CONTROL_POLICY') return;
  const keys = s.source?.keys ?? {};
  const label = `Statement ${s.index + 1}`;
  if (ctx.policyType === 'SERVICE_CONTROL_POLICY') {
    (s.action ?? []).forEach((a, i) => {
      const star = a.search(/[*?]/);
      if (star >= 0 && star < a.length - 1 && a !== '*') {
        ctx.add(
          'SCP_SYNTAX_ERROR_ACTION_WILDCARD',
          `"${a}": in an SCP a wildcard may only end an action name (such as "ec2:Describe*")`,
          s.source?.action?.[i] ?? keys.Action,
        );
      }
    });
    return;
  }
  if (ctx.policyType !== 'RESOURCE_CONTROL_POLICY') return;
  if (s.notPrincipal)
    ctx.add(
      'RCP_SYNTAX_ERROR_PRINCIPAL',
      `${label}: resource control policies do not support NotPrincipal; use "Principal": "*" with conditions`,
      keys.NotPrincipal,
    );
  else if (!s.principal?.wildcard)
    ctx.add(
      'RCP_SYNTAX_ERROR_PRINCIPAL',
      `${label}: the Principal of a resource control policy must be "*" (narrow it with conditions such as aws:PrincipalOrgID)`,
      keys.Principal ?? s.position,
    );
  const fullAccess =
    s.effect === 'Allow' && s.action?.length === 1 && s.action[0] === '*' && s.resource?.length === 1 && s.resource[0] === '*' && s.conditions.length === 0;
  if (s.effect === 'Allow' && !fullAccess) {
    ctx.add(
      'RCP_SYNTAX_ERROR_ALLOW',
      `${label}: resource control policies only restrict: use "Effect": "Deny" (Allow exists only in AWS's RCPFullAWSAccess)`,
      s.source?.effect ?? keys.Effect,
    );
  }
  if (s.notAction) ctx.add('RCP_SYNTAX_ERROR_NOTACTION', `${label}: resource control policies do not support NotAction`, keys.NotAction);
  if (!fullAccess) {
    (s.action ?? []).forEach((a, i) => {
      const service = a.split(':')[0].toLowerCase();
      if (a === '*' || (service !== '' && !/[*?]/.test(service) && !RCP_SERVICES.has(service))) {
        ctx.add(
          'RCP_SYNTAX_ERROR_ACTION',
          a === '*'
            ? `${label}: "*" is not supported in a resource control policy statement other than RCPFullAWSAccess; name the services (${[...RCP_SERVICES].join(', ')})`
            : `"${a}": resource control policies do not apply to ${service} (they support ${[...RCP_SERVICES].join(', ')})`,
          s.source?.action?.[i] ?? keys.Action,
        );
      }
    });
  }
}
