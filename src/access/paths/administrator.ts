/**
 * Administrator: a principal allowed every action on every resource, as AWS's AdministratorAccess
 * policy grants (`"Action": "*", "Resource": "*"`). The engine decides it, with everything that
 * limits the principal (boundary, SCPs, conditions), on a set of probes:
 *
 *  - an action no service defines, on "*": only `Action: "*"` (or a NotAction that excludes
 *    it) allows it, so a grant of some services' actions, however wide, is not administrator;
 *  - a spread of sensitive actions of different services on ARNs of the principal's account
 *    (IAM, S3, EC2, Lambda, KMS, Secrets Manager, Organizations): a Deny, a boundary or an SCP
 *    that takes any of them away makes the principal not an administrator.
 *
 * A principal whose probes are all allowed is an administrator; all allowed or conditional (some
 * only for values of missing context keys, e.g. aws:MultiFactorAuthPresent) makes it a
 * conditional administrator. An SCP that denies one action AWS Organizations recommends denying
 * to everybody (organizations:LeaveOrganization) leaves the probes allowed: the probes are what
 * administrators do, not the whole catalog.
 */
import { compilePolicy, type CompiledPolicy } from '../../engine/compile.js';
import { parsePolicy } from '../../policy/parse.js';
import type { EvaluationResult, RequestContext } from '../../engine/types.js';
import type { AccessIndex, IndexedPrincipal } from '../access-index.js';

export const UNDEFINED_ACTION_PROBE = 'accessqlprobe:UndefinedAction';

export const ADMINISTRATOR_PROBES: readonly { action: string; resource: string }[] = [
  { action: UNDEFINED_ACTION_PROBE, resource: '*' },
  { action: 'iam:PutRolePolicy', resource: 'arn:aws:iam::{account}:role/accessql-probe' },
  { action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::{account}:user/accessql-probe' },
  { action: 'iam:AttachUserPolicy', resource: 'arn:aws:iam::{account}:user/accessql-probe' },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::accessql-probe-bucket/key' },
  { action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::accessql-probe-bucket' },
  { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:{account}:instance/*' },
  { action: 'lambda:CreateFunction', resource: 'arn:aws:lambda:us-east-1:{account}:function:accessql-probe' },
  { action: 'kms:Decrypt', resource: 'arn:aws:kms:us-east-1:{account}:key/00000000-0000-4000-8000-000000000000' },
  { action: 'secretsmanager:GetSecretValue', resource: 'arn:aws:secretsmanager:us-east-1:{account}:secret:accessql-probe-AbCdEf' },
  { action: 'organizations:ListAccounts', resource: '*' },
];

/** AWS's AdministratorAccess (arn:aws:iam::aws:policy/AdministratorAccess), as a policy written by an escalating principal. */
export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
let adminPolicy: CompiledPolicy | undefined;
export function administratorAccessPolicy(): CompiledPolicy {
  return (adminPolicy ??= compilePolicy(
    parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })).document,
    'AdministratorAccess (written by the step)',
  ));
}

export type AdminVerdict = 'ADMIN' | 'CONDITIONAL' | 'NO';

const EMPTY: RequestContext = new Map();

/** The engine's verdict on the probes, for the principal as stored or with other identity policies. */
export function administratorVerdict(index: AccessIndex, p: IndexedPrincipal, identityPolicies?: CompiledPolicy[]): AdminVerdict {
  let conditional = false;
  for (const probe of ADMINISTRATOR_PROBES) {
    const resource = probe.resource.replace('{account}', p.principal.accountId);
    const r: EvaluationResult = identityPolicies
      ? index.evaluateWith(p, probe.action, resource, EMPTY, { identityPolicies })
      : index.evaluateFor(p, probe.action, resource, EMPTY, index.resourceContext(resource));
    if (r.decision === 'ALLOWED') continue;
    if (r.conditional) conditional = true;
    else return 'NO';
  }
  return conditional ? 'CONDITIONAL' : 'ADMIN';
}
