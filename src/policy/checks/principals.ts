/**
 * Principal checks of resource-based policies and role trust policies ("IAM policy validation
 * check reference"; "IAM JSON policy elements: Principal"; "Creating a role for web identity or
 * OpenID Connect Federation"; "Configuring a role for GitHub OIDC identity provider"; "The
 * confused deputy problem"; IAM Roles Anywhere "Trust model"). The role trust policy checks run
 * for RESOURCE_POLICY with resourceType AWS::IAM::AssumeRolePolicyDocument, as in Access Analyzer.
 */
import { compileGlobLower } from '../../util/wildcard.js';
import type { PrincipalElement, SourcePosition, Statement } from '../types.js';
import type { CheckContext } from './context.js';
import { SERVICE_PRINCIPAL_RE } from './condition-values.js';

/** Web identity providers that trust policies name by domain rather than by provider ARN. */
const WEB_IDENTITY_DOMAINS = new Set(['cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com']);
const PROVIDER_ARN_RE = /^arn:aws[a-z-]*:iam::(\d{12}|\$\{[^}]+\}):(saml-provider|oidc-provider)\/(.+)$/;
const GITHUB = 'token.actions.githubusercontent.com';
/**
 * "AWS JSON policy elements: Principal": "*", an account ID, the ARN of an account, IAM user,
 * IAM role, role session or federated user session; and the unique ID (AROA…, AIDA…) IAM shows
 * in place of a principal that was deleted.
 */
const AWS_PRINCIPAL_RE =
  /^(\*|\d{12}|arn:aws[a-z-]*:(iam::(\d{12}|\*):(root|user\/.+|role\/.+)|sts::(\d{12}|\*):(assumed-role|federated-user)\/.+)|A[A-Z0-9]{15,127})$/;

const glob = (pattern: string, action: string) => (/[*?]/.test(pattern) ? compileGlobLower(pattern.toLowerCase())(action) : pattern.toLowerCase() === action);
const actionMatches = (s: Statement, action: string) =>
  (s.action ?? []).some((a) => glob(a, action)) || (s.notAction !== undefined && !s.notAction.some((a) => glob(a, action)));

function each(p: PrincipalElement | undefined, f: (type: string, value: string, pos: SourcePosition) => void): void {
  if (!p) return;
  for (const [type, values] of Object.entries(p.values)) values.forEach((v, i) => f(type, v, p.valuePositions?.[type]?.[i] ?? p.position));
}

/** 'saml' | 'oidc' with the provider's condition key prefix (the provider URL or domain). */
function federatedKind(value: string): { kind: 'saml' | 'oidc'; provider: string } | undefined {
  if (WEB_IDENTITY_DOMAINS.has(value)) return { kind: 'oidc', provider: value };
  const m = PROVIDER_ARN_RE.exec(value);
  if (!m) return undefined;
  return { kind: m[2] === 'saml-provider' ? 'saml' : 'oidc', provider: m[3] };
}

export function checkPrincipals(ctx: CheckContext, s: Statement): void {
  if (ctx.policyType !== 'RESOURCE_POLICY') return;
  const keys = s.source?.keys ?? {};
  for (const p of [s.principal, s.notPrincipal]) {
    each(p, (type, v, pos) => {
      if (type === 'Service' && v !== '*' && !/[*?]|\$\{/.test(v) && !SERVICE_PRINCIPAL_RE.test(v)) {
        ctx.add('INVALID_SERVICE_PRINCIPAL_FORMAT', `"${v}" is not a service principal name (such as ec2.amazonaws.com)`, pos);
      }
      if (type === 'AWS' && !AWS_PRINCIPAL_RE.test(v) && !/\$\{/.test(v)) {
        ctx.add(
          'INVALID_PRINCIPAL_FORMAT',
          `"${v}" is not an AWS principal: use "*", a 12-digit account ID, or the ARN of an account (arn:aws:iam::123456789012:root), user, role, assumed-role session or federated user`,
          pos,
        );
      }
    });
  }
  const conditionKeys = new Set(s.conditions.filter((c) => !/^null$/i.test(c.operator)).map((c) => c.key.toLowerCase()));
  if (!ctx.trustPolicy) {
    const services = s.principal?.values.Service ?? [];
    if (
      s.effect === 'Allow' &&
      services.length > 0 &&
      !['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths'].some((k) => conditionKeys.has(k))
    ) {
      ctx.add(
        'RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL',
        `Statement ${s.index + 1} allows the service principal ${services.join(', ')} without saying on whose behalf: any account's use of the service could reach this resource (confused deputy). Add aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths`,
        keys.Principal ?? s.position,
      );
    }
    return;
  }

  // Role trust policies.
  if (s.notPrincipal)
    ctx.add('ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL', `Statement ${s.index + 1}: role trust policies do not support NotPrincipal`, keys.NotPrincipal);
  for (const name of ['Resource', 'NotResource']) {
    if (name in keys)
      ctx.add(
        'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE',
        `Statement ${s.index + 1}: role trust policies do not support ${name} (the resource is the role itself)`,
        keys[name],
      );
  }
  const kinds = new Set<string>();
  const federated: { kind: 'saml' | 'oidc'; provider: string; pos: SourcePosition }[] = [];
  if (s.principal?.wildcard) kinds.add('aws');
  each(s.principal, (type, v, pos) => {
    if (v !== '*' && /[*?]/.test(v)) {
      ctx.add(
        'ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
        `"${v}": role trust policies do not support wildcards inside a principal; name it exactly, or use "*" with conditions`,
        pos,
      );
    }
    if (type === 'AWS' || type === 'CanonicalUser') kinds.add('aws');
    else if (type === 'Service') kinds.add('service');
    else if (type === 'Federated') {
      const f = federatedKind(v);
      if (!f) {
        if (!/\$\{/.test(v))
          ctx.add(
            'ROLE_TRUST_POLICY_INVALID_FEDERATED_PRINCIPAL_SYNTAX',
            `"${v}" is neither a SAML or OIDC provider ARN (arn:aws:iam::123456789012:oidc-provider/…) nor a web identity provider (${[...WEB_IDENTITY_DOMAINS].join(', ')})`,
            pos,
          );
      } else {
        kinds.add(f.kind);
        federated.push({ ...f, pos });
      }
    }
  });

  // Which assume action fits which principal ("AWS STS API": AssumeRole for AWS principals and
  // services, AssumeRoleWithSAML for SAML providers, AssumeRoleWithWebIdentity for OIDC ones).
  const fits: Record<string, string> = { 'sts:assumerole': 'aws service', 'sts:assumerolewithsaml': 'saml', 'sts:assumerolewithwebidentity': 'oidc' };
  (s.action ?? []).forEach((a, i) => {
    const want = fits[a.toLowerCase()];
    if (!want || kinds.size === 0) return;
    if (![...kinds].some((k) => want.split(' ').includes(k))) {
      const expected = kinds.has('saml') ? 'sts:AssumeRoleWithSAML' : kinds.has('oidc') ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole';
      ctx.add(
        'MISMATCHED_ACTION_FOR_PRINCIPAL',
        `"${a}" does not fit the statement's principal (${[...kinds].join(', ')}): use ${expected}`,
        s.source?.action?.[i] ?? keys.Action,
      );
    }
  });

  // Session tags need sts:TagSession; a source identity needs sts:SetSourceIdentity ("Passing
  // session tags in AWS STS", "Monitor and control actions taken with assumed roles").
  for (const c of s.conditions) {
    const k = c.key.toLowerCase();
    const needs = /^aws:requesttag\/|^aws:tagkeys$|^sts:transitivetagkeys$/.test(k)
      ? 'sts:TagSession'
      : k === 'sts:sourceidentity'
        ? 'sts:SetSourceIdentity'
        : undefined;
    if (needs && !actionMatches(s, needs.toLowerCase())) {
      ctx.add(
        'MISSING_ACTION_FOR_CONDITION_KEY',
        `"${c.key}" is only in the request context of ${needs}, which this statement does not allow; add "${needs}" to its actions`,
        c.position,
      );
    }
  }
  if ((s.principal?.values.Service ?? []).includes('rolesanywhere.amazonaws.com')) {
    const missing = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'].filter((a) => !actionMatches(s, a.toLowerCase()));
    if (missing.length > 0) {
      ctx.add(
        'MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY',
        `IAM Roles Anywhere needs ${missing.join(', ')} in the trust policy of the roles it assumes`,
        keys.Action ?? s.position,
      );
    }
  }

  if (s.effect !== 'Allow') return;
  for (const f of federated) {
    if (f.kind !== 'oidc') continue;
    const prefix = f.provider.toLowerCase();
    if (prefix === GITHUB || prefix.endsWith(`/${GITHUB}`)) {
      if (!conditionKeys.has(`${GITHUB}:sub`)) {
        ctx.add(
          'MISSING_GITHUB_REPO_CONDITION_KEY',
          `Any GitHub repository can assume this role: add a condition on "${GITHUB}:sub" naming your repositories (repo:ORG/REPO:*)`,
          f.pos,
        );
      }
    } else if (!['aud', 'sub', 'oaud', 'amr'].some((k) => conditionKeys.has(`${prefix}:${k}`))) {
      ctx.add(
        'MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL',
        `Any identity of "${f.provider}" can assume this role: add a condition on "${f.provider}:aud" (your application's client ID)`,
        f.pos,
      );
    }
    if (
      prefix === 'cognito-identity.amazonaws.com' &&
      conditionKeys.has('cognito-identity.amazonaws.com:amr') &&
      !conditionKeys.has('cognito-identity.amazonaws.com:aud')
    ) {
      const c = s.conditions.find((x) => x.key.toLowerCase() === 'cognito-identity.amazonaws.com:amr');
      ctx.add(
        'MISSING_PAIRED_CONDITION_KEYS',
        '"cognito-identity.amazonaws.com:amr" without "cognito-identity.amazonaws.com:aud" lets identities of every identity pool assume the role: add the :aud condition with your identity pool ID',
        c?.position ?? f.pos,
      );
    }
  }
}
