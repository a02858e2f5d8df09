/**
 * Every finding code of `validatePolicy`, with its finding type and meaning.
 *
 * Where IAM Access Analyzer has the same check, the code is Access Analyzer's `issueCode` and the
 * type its `findingType` (source: "IAM policy validation check reference", IAM User Guide; each
 * check's section anchor is `access-analyzer-reference-policy-checks-<type>-<check title>`, which
 * `learnMoreLink` points at). Checks Access Analyzer lacks keep codes of accessql's own
 * (`source: 'accessql'`, no learnMoreLink); the README lists them all.
 */
import type { FindingType } from './types.js';

export interface FindingCodeInfo {
  findingType: FindingType;
  meaning: string;
  /** 'access-analyzer': the code is Access Analyzer's issueCode. */
  source: 'access-analyzer' | 'accessql';
}

const AA = 'access-analyzer' as const;
const OWN = 'accessql' as const;

export const FINDING_CODES = {
  // --- Access Analyzer: errors -----------------------------------------------------------------
  JSON_SYNTAX_ERROR: { findingType: 'ERROR', source: AA, meaning: 'The text is not valid JSON; line and column name the first offending character.' },
  DATA_TYPE_MISMATCH: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'An element has the wrong JSON type (e.g. a number where a string or list of strings is required).',
  },
  INVALID_POLICY_ELEMENT: { findingType: 'ERROR', source: AA, meaning: 'An element name the policy grammar does not have (element names are case-sensitive).' },
  INVALID_VERSION: { findingType: 'ERROR', source: AA, meaning: 'Version is neither "2012-10-17" nor "2008-10-17".' },
  MISSING_STATEMENT: { findingType: 'ERROR', source: AA, meaning: 'The document has no Statement element.' },
  MISSING_EFFECT: { findingType: 'ERROR', source: AA, meaning: 'A statement has no Effect element.' },
  INVALID_EFFECT: { findingType: 'ERROR', source: AA, meaning: 'Effect is not exactly "Allow" or "Deny".' },
  MISSING_ACTION: { findingType: 'ERROR', source: AA, meaning: 'A statement has neither Action nor NotAction (or an empty list).' },
  MISSING_RESOURCE: { findingType: 'ERROR', source: AA, meaning: 'A statement of an identity policy has neither Resource nor NotResource (or an empty list).' },
  MISSING_PRINCIPAL: { findingType: 'ERROR', source: AA, meaning: 'A statement of a resource-based policy names no Principal or NotPrincipal.' },
  UNSUPPORTED_ELEMENT_COMBINATION: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A statement has both Action and NotAction, Resource and NotResource, or Principal and NotPrincipal.',
  },
  UNSUPPORTED_PRINCIPAL: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'Principal / NotPrincipal in a policy type that does not support it (identity-based policies).',
  },
  INVALID_PRINCIPAL_FORMAT: { findingType: 'ERROR', source: AA, meaning: 'A Principal / NotPrincipal value has the wrong shape.' },
  INVALID_PRINCIPAL_KEY: { findingType: 'ERROR', source: AA, meaning: 'A principal type other than AWS, Service, Federated or CanonicalUser.' },
  UNSUPPORTED_SID: { findingType: 'ERROR', source: AA, meaning: 'The Sid of an identity-based policy or SCP may hold only ASCII letters and digits.' },
  UNIQUE_SIDS_REQUIRED: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'Two statements of an SCP or RCP have the same Sid; these policy types need unique Sids.',
  },
  INVALID_ACTION: { findingType: 'ERROR', source: AA, meaning: 'The service has no such action (the entry grants nothing).' },
  INVALID_SERVICE_IN_ACTION: { findingType: 'ERROR', source: AA, meaning: "The action's service prefix is not an AWS service (the entry grants nothing)." },
  INVALID_ARN_PREFIX: { findingType: 'ERROR', source: AA, meaning: 'A resource is neither "*" nor a string starting with "arn:".' },
  MISSING_ARN_FIELD: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'An ARN has fewer than six ":"-separated fields (arn:partition:service:region:account:resource).',
  },
  INVALID_PARTITION: { findingType: 'ERROR', source: AA, meaning: "The ARN's partition is not an AWS partition (aws, aws-cn, aws-us-gov…)." },
  INVALID_ARN_ACCOUNT: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A resource ARN\'s account field is neither a 12-digit account ID, "aws", a wildcard nor a variable.',
  },
  INVALID_ARN_SERVICE_CASE: {
    findingType: 'ERROR',
    source: AA,
    meaning: "A resource ARN's service namespace has upper-case letters (namespaces are lower case).",
  },
  ARN_ACCOUNT_NOT_ALLOWED: {
    findingType: 'ERROR',
    source: AA,
    meaning: "A resource ARN names an account where the service's ARN format for that resource has none (S3 buckets).",
  },
  ARN_REGION_NOT_ALLOWED: {
    findingType: 'ERROR',
    source: AA,
    meaning: "A resource ARN names a Region where the service's ARN format for that resource has none (IAM, S3 buckets).",
  },
  MISSING_ARN_ACCOUNT: {
    findingType: 'ERROR',
    source: AA,
    meaning: "The ARN's account field is empty but every ARN format of the service for that resource carries an account ID.",
  },
  MISSING_ARN_REGION: {
    findingType: 'ERROR',
    source: AA,
    meaning: "The ARN's Region field is empty but every ARN format of the service for that resource carries a Region.",
  },
  INVALID_CONDITION_OPERATOR: { findingType: 'ERROR', source: AA, meaning: 'Unknown condition operator.' },
  NULL_WITH_IF_EXISTS: { findingType: 'ERROR', source: AA, meaning: 'NullIfExists: the Null operator cannot take IfExists.' },
  INVALID_CONDITION_KEY_FORMAT: { findingType: 'ERROR', source: AA, meaning: 'A condition key not of the form "service:keyname".' },
  INVALID_GLOBAL_CONDITION_KEY: { findingType: 'ERROR', source: AA, meaning: 'An aws: condition key that is not an AWS global condition key.' },
  INVALID_SERVICE_CONDITION_KEY: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A service condition key that the service does not define (templated keys such as s3:ExistingObjectTag/<key> are matched as patterns).',
  },
  INVALID_CONDITION_MULTIPLE_BOOLEAN: { findingType: 'ERROR', source: AA, meaning: 'A Bool or Null condition lists both true and false.' },
  MISSING_QUALIFIER: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A multivalued key (aws:TagKeys, aws:CalledVia…) tested without ForAnyValue / ForAllValues.',
  },
  TYPE_MISMATCH_IP_RANGE: { findingType: 'ERROR', source: AA, meaning: 'An IpAddress / NotIpAddress value is not an IP address or CIDR range.' },
  PRIVATE_IP_ADDRESS: {
    findingType: 'ERROR',
    source: AA,
    meaning:
      'aws:SourceIp is tested with IpAddress against private ranges only: requests from a VPC endpoint carry no public source IP, so it never matches as intended.',
  },
  PRIVATE_NOT_IP_ADDRESS: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'aws:SourceIp is tested with NotIpAddress against private ranges only, so it matches every request.',
  },
  INVALID_VPC_FORMAT: { findingType: 'ERROR', source: AA, meaning: 'An aws:SourceVpc value that is not a VPC ID (vpc-…).' },
  INVALID_VPCE_FORMAT: { findingType: 'ERROR', source: AA, meaning: 'An aws:SourceVpce value that is not a VPC endpoint ID (vpce-…).' },
  INVALID_SERVICE_PRINCIPAL_FORMAT: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A service principal (Principal.Service, aws:CalledVia, aws:PrincipalServiceName…) not of the form service.amazonaws.com.',
  },
  EMPTY_VARIABLE: { findingType: 'ERROR', source: AA, meaning: 'An empty policy variable "${}".' },
  MISSING_BRACE_IN_VARIABLE: { findingType: 'ERROR', source: AA, meaning: 'A policy variable "${…" without its closing brace.' },
  MISSING_QUOTE_IN_VARIABLE: {
    findingType: 'ERROR',
    source: AA,
    meaning: "A policy variable's default value is not in single quotes (${aws:username, 'default'}).",
  },
  UNSUPPORTED_SPACE_IN_VARIABLE: { findingType: 'ERROR', source: AA, meaning: "A space inside a policy variable's name." },
  VARIABLE_UNSUPPORTED_IN_ELEMENT: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A policy variable in an element that does not resolve them (only Resource, NotResource and condition values do).',
  },
  VARIABLE_UNSUPPORTED_IN_VERSION: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A policy variable in a document whose Version is missing or 2008-10-17, where it is literal text.',
  },
  SCP_SYNTAX_ERROR_PRINCIPAL: { findingType: 'ERROR', source: AA, meaning: 'Service control policies do not support Principal / NotPrincipal.' },
  SCP_SYNTAX_ERROR_ACTION_WILDCARD: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'In an SCP, a wildcard may only end an action name ("ec2:Describe*"), not stand inside it.',
  },
  POLICY_SIZE_EXCEEDS_SCP_QUOTA: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'An SCP larger than 5,120 characters (AWS Organizations quota, white space counted).',
  },
  RCP_SYNTAX_ERROR_PRINCIPAL: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'In a resource control policy, Principal must be "*" (and NotPrincipal is not supported).',
  },
  RCP_SYNTAX_ERROR_ALLOW: {
    findingType: 'ERROR',
    source: AA,
    meaning: "Resource control policies support only Deny statements (besides AWS's RCPFullAWSAccess).",
  },
  RCP_SYNTAX_ERROR_NOTACTION: { findingType: 'ERROR', source: AA, meaning: 'Resource control policies do not support NotAction.' },
  RCP_SYNTAX_ERROR_ACTION: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'An RCP action of a service that resource control policies do not support, or "*" in a Deny.',
  },
  POLICY_SIZE_EXCEEDS_RCP_QUOTA: { findingType: 'ERROR', source: AA, meaning: 'An RCP larger than 5,120 characters (AWS Organizations quota).' },
  ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL: { findingType: 'ERROR', source: AA, meaning: 'Role trust policies do not support NotPrincipal.' },
  ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'Role trust policies do not support Resource / NotResource (the resource is the role).',
  },
  ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A wildcard inside a principal ARN or name of a role trust policy (only a lone "*" is allowed).',
  },
  ROLE_TRUST_POLICY_INVALID_FEDERATED_PRINCIPAL_SYNTAX: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A Federated principal that is neither a SAML / OIDC provider ARN nor a known web identity provider.',
  },
  MISMATCHED_ACTION_FOR_PRINCIPAL: {
    findingType: 'ERROR',
    source: AA,
    meaning:
      'The assume-role action does not fit the principal type (SAML → sts:AssumeRoleWithSAML, OIDC → sts:AssumeRoleWithWebIdentity, AWS / Service → sts:AssumeRole).',
  },
  MISSING_ACTION_FOR_CONDITION_KEY: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A trust-policy condition key needs an action the statement lacks (tag keys → sts:TagSession, sts:SourceIdentity → sts:SetSourceIdentity).',
  },
  MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY: {
    findingType: 'ERROR',
    source: AA,
    meaning: 'A trust of rolesanywhere.amazonaws.com without all of sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity.',
  },

  // --- Access Analyzer: security warnings --------------------------------------------------------
  PASS_ROLE_WITH_STAR_IN_RESOURCE: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: 'iam:PassRole allowed on "*" without an iam:PassedToService condition.',
  },
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: 'A wildcard action that covers iam:PassRole, allowed on "*".',
  },
  PASS_ROLE_WITH_NOT_RESOURCE: { findingType: 'SECURITY_WARNING', source: AA, meaning: 'iam:PassRole allowed with NotResource.' },
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: 'A wildcard action that covers iam:PassRole, allowed with NotResource.',
  },
  PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: 'NotAction that leaves iam:PassRole allowed on "*".',
  },
  PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: 'NotAction that leaves iam:PassRole allowed, with NotResource.',
  },
  FORALLVALUES_WITH_SINGLE_VALUED_KEY: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: 'ForAllValues with a single-valued key: it also matches when the key is missing.',
  },
  ALLOW_WITH_NOT_PRINCIPAL: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: 'Allow with NotPrincipal grants access to every principal not listed, anonymous ones included.',
  },
  STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: 'StringLike on an ARN key: "*" and "?" can cross ARN field boundaries; ArnLike matches field by field.',
  },
  MISSING_GITHUB_REPO_CONDITION_KEY: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: "A trust of GitHub's OIDC provider without a token.actions.githubusercontent.com:sub condition: any repository could assume the role.",
  },
  MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: "A trust of an OIDC provider without a condition on the provider's aud (or sub) key.",
  },
  MISSING_PAIRED_CONDITION_KEYS: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning: 'A condition key that is only safe together with another key (cognito-identity.amazonaws.com:amr needs :aud).',
  },
  DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning:
      'A Deny conditioned on a global tag key (aws:ResourceTag/…, aws:RequestTag/…, aws:TagKeys) names actions of a service that supports none: it never denies them.',
  },
  RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL: {
    findingType: 'SECURITY_WARNING',
    source: AA,
    meaning:
      'A resource-based policy allows a service principal without aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths (confused deputy).',
  },

  // --- Access Analyzer: general warnings ------------------------------------------------------------
  MISSING_VERSION: { findingType: 'WARNING', source: AA, meaning: 'No Version element: AWS applies 2008-10-17, in which policy variables are plain text.' },
  UNIQUE_SIDS_RECOMMENDED: { findingType: 'WARNING', source: AA, meaning: 'Two statements have the same Sid.' },
  TYPE_MISMATCH: {
    findingType: 'WARNING',
    source: AA,
    meaning: "The operator's type does not fit the key's (a String operator on a Bool or Date key, a Numeric one on a String key…).",
  },
  TYPE_MISMATCH_BOOLEAN: { findingType: 'WARNING', source: AA, meaning: 'A Bool / Null value that is not true or false.' },
  TYPE_MISMATCH_NUMBER: { findingType: 'WARNING', source: AA, meaning: 'A Numeric operator value that is not a number.' },
  TYPE_MISMATCH_DATE: { findingType: 'WARNING', source: AA, meaning: 'A Date operator value that is not an ISO 8601 date or epoch seconds.' },
  DEPRECATED_GLOBAL_CONDITION_KEY: {
    findingType: 'WARNING',
    source: AA,
    meaning: 'A global condition key AWS has replaced (aws:PrincipalOrgMasterAccountId…).',
  },
  WILDCARD_WITHOUT_LIKE_OPERATOR: {
    findingType: 'WARNING',
    source: AA,
    meaning: 'A value with * or ? under an Equals operator, where they are literal characters.',
  },
  POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: {
    findingType: 'WARNING',
    source: AA,
    meaning:
      "An identity policy larger than 10,240 characters (white space not counted), the largest any identity policy kind allows (a role's inline policies).",
  },
  POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA: {
    findingType: 'WARNING',
    source: AA,
    meaning: 'A resource-based policy larger than 20,480 characters (S3 bucket policies, the largest; most services allow less).',
  },
  CREATE_SLR_WITH_STAR_IN_RESOURCE: {
    findingType: 'WARNING',
    source: AA,
    meaning: 'iam:CreateServiceLinkedRole allowed on "*" without an iam:AWSServiceName condition.',
  },
  CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE: {
    findingType: 'WARNING',
    source: AA,
    meaning: 'A wildcard action that covers iam:CreateServiceLinkedRole, allowed on "*".',
  },
  CREATE_SLR_WITH_NOT_RESOURCE: { findingType: 'WARNING', source: AA, meaning: 'iam:CreateServiceLinkedRole allowed with NotResource.' },
  CREATE_SLR_WITH_STAR_AND_NOT_RESOURCE: {
    findingType: 'WARNING',
    source: AA,
    meaning: 'A wildcard action that covers iam:CreateServiceLinkedRole, allowed with NotResource.',
  },
  CREATE_SLR_WITH_STAR_RESOURCE_AND_NOT_ACTION: {
    findingType: 'WARNING',
    source: AA,
    meaning: 'NotAction that leaves iam:CreateServiceLinkedRole allowed on "*".',
  },
  CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE: {
    findingType: 'WARNING',
    source: AA,
    meaning: 'NotAction that leaves iam:CreateServiceLinkedRole allowed, with NotResource.',
  },

  // --- Access Analyzer: suggestions -------------------------------------------------------------------
  REDUNDANT_ACTION: { findingType: 'SUGGESTION', source: AA, meaning: 'An action entry is repeated or already covered by a wildcard entry of the same list.' },
  REDUNDANT_RESOURCE: {
    findingType: 'SUGGESTION',
    source: AA,
    meaning: "A resource entry is repeated or already covered by another entry's pattern in the same list.",
  },
  REDUNDANT_STATEMENT: {
    findingType: 'SUGGESTION',
    source: AA,
    meaning: 'A statement whose every action and resource another statement with the same effect, principal and conditions already covers.',
  },
  EQUIVALENT_TO_NULL_FALSE: {
    findingType: 'SUGGESTION',
    source: AA,
    meaning: 'StringLike with "*" only tests that the key is present: write {"Null": {"key": "false"}}.',
  },
  EQUIVALENT_TO_NULL_TRUE: {
    findingType: 'SUGGESTION',
    source: AA,
    meaning: 'StringNotLike with "*" only tests that the key is absent: write {"Null": {"key": "true"}}.',
  },
  PRIVATE_IP_ADDRESS_SUBSET: {
    findingType: 'SUGGESTION',
    source: AA,
    meaning: 'aws:SourceIp tested with IpAddress against a mix of public and private ranges; the private ones never match.',
  },
  PRIVATE_NOT_IP_ADDRESS_SUBSET: {
    findingType: 'SUGGESTION',
    source: AA,
    meaning: 'aws:SourceIp tested with NotIpAddress against a mix of public and private ranges; the private ones have no effect.',
  },
  NULL_WITH_QUALIFIER: { findingType: 'SUGGESTION', source: AA, meaning: 'ForAnyValue / ForAllValues with Null, which ignores them.' },
  ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: {
    findingType: 'SUGGESTION',
    source: AA,
    meaning: 'An Allow conditioned on a global tag key names actions of a service that supports none: it allows none of them.',
  },
  EMPTY_SID_VALUE: { findingType: 'SUGGESTION', source: AA, meaning: 'Sid is the empty string.' },

  // --- accessql's own ----------------------------------------------------------------------------------
  JSON_REPAIRED_TRAILING_COMMA: {
    findingType: 'WARNING',
    source: OWN,
    meaning: 'Lenient mode dropped a comma before ] or } (invalid JSON that AWS would reject).',
  },
  JSON_REPAIRED_MISSING_COMMA: {
    findingType: 'WARNING',
    source: OWN,
    meaning: 'Lenient mode assumed a comma missing between two array items or properties (invalid JSON that AWS would reject).',
  },
  POLICY_NOT_OBJECT: { findingType: 'ERROR', source: OWN, meaning: 'The policy document is not a JSON object.' },
  STATEMENT_WITHOUT_DOCUMENT: {
    findingType: 'ERROR',
    source: OWN,
    meaning: 'The text is a lone statement without the surrounding {"Version", "Statement"} document.',
  },
  DUPLICATE_KEY: {
    findingType: 'ERROR',
    source: OWN,
    meaning: 'The same element, operator or condition key appears twice in one object; only the last one counts.',
  },
  OLD_VERSION: { findingType: 'SUGGESTION', source: OWN, meaning: 'Version 2008-10-17 is outdated; use 2012-10-17.' },
  EMPTY_STATEMENT: { findingType: 'ERROR', source: OWN, meaning: 'The Statement element is an empty list.' },
  POLICY_SIZE_EXCEEDS_QUOTA_FOR_KIND: {
    findingType: 'WARNING',
    source: OWN,
    meaning:
      'A stored policy larger than its kind allows (white space not counted): managed policy 6,144; inline policies of a user 2,048, a group 5,120, a role 10,240 ("IAM and AWS STS quotas").',
  },
  INVALID_ACTION_FORMAT: { findingType: 'ERROR', source: OWN, meaning: 'An action is not of the form "service:Action".' },
  EMPTY_ACTION_NAME: { findingType: 'ERROR', source: OWN, meaning: 'An action has an empty name ("service:" or "service::Action").' },
  RETIRED_SERVICE_IN_ACTION: {
    findingType: 'WARNING',
    source: OWN,
    meaning: 'A service AWS has retired (the service reference no longer lists it, AWS still accepts it in policies): the entry grants nothing useful.',
  },
  ACTION_PATTERN_MATCHES_NOTHING: { findingType: 'WARNING', source: OWN, meaning: 'A wildcard action pattern matches no action of the catalog.' },
  STATEMENT_GRANTS_NOTHING: {
    findingType: 'WARNING',
    source: OWN,
    meaning: 'The statement can never apply: none of its actions or none of its resources can match a request.',
  },
  EMPTY_RESOURCE: { findingType: 'ERROR', source: OWN, meaning: 'A Resource / NotResource entry is the empty string.' },
  UNKNOWN_ARN_SERVICE: { findingType: 'WARNING', source: OWN, meaning: "The catalog has no ARN format in the ARN's service namespace." },
  ARN_PLACEHOLDER: {
    findingType: 'WARNING',
    source: OWN,
    meaning: 'An ARN field looks like a documentation placeholder (accountID, region, instanceId…) and matches nothing real.',
  },
  INVALID_CONDITION: { findingType: 'ERROR', source: OWN, meaning: 'The Condition block has the wrong shape (values must be strings, numbers or booleans).' },
  CONDITION_KEY_NOT_SUPPORTED: {
    findingType: 'WARNING',
    source: OWN,
    meaning: "None of the statement's actions supports the condition key, so the key is never present in their requests.",
  },
  CONDITION_KEY_PARTIALLY_SUPPORTED: { findingType: 'SUGGESTION', source: OWN, meaning: "Some of the statement's actions do not support the condition key." },
  INVALID_BINARY_VALUE: { findingType: 'ERROR', source: OWN, meaning: 'A BinaryEquals value that is not base64.' },
  INVALID_ARN_CONDITION_VALUE: {
    findingType: 'ERROR',
    source: OWN,
    meaning: 'An Arn* condition value with fewer than six colon-separated fields (other than "*"): it matches nothing.',
  },
  FORANYVALUE_WITH_SINGLE_VALUED_KEY: {
    findingType: 'WARNING',
    source: OWN,
    meaning: 'ForAnyValue with a single-valued key, where the plain operator means the same.',
  },
  ALLOW_WITH_NOT_ACTION: { findingType: 'WARNING', source: OWN, meaning: 'Allow with NotAction grants every action not listed, including future ones.' },
  ALLOW_WITH_NOT_RESOURCE: { findingType: 'WARNING', source: OWN, meaning: 'Allow with NotResource grants access to every resource not listed.' },
  FULL_ACCESS: { findingType: 'WARNING', source: OWN, meaning: 'Allow of "*" actions on "*" resources: administrator access.' },
} as const satisfies Record<string, FindingCodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

const REFERENCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';
const ANCHOR_TYPE: Record<FindingType, string> = {
  ERROR: 'error',
  SECURITY_WARNING: 'security-warning',
  WARNING: 'general-warning',
  SUGGESTION: 'suggestion',
};

/**
 * The check reference's section for an Access Analyzer code; undefined for accessql's own codes.
 * The reference titles each section after its code ("Error – Invalid action" →
 * `#access-analyzer-reference-policy-checks-error-invalid-action`).
 */
export function learnMoreLink(code: string): string | undefined {
  return LINKS.get(code);
}

const LINKS = new Map<string, string>(
  Object.entries(FINDING_CODES as Record<string, FindingCodeInfo>)
    .filter(([, info]) => info.source === 'access-analyzer')
    .map(([code, info]) => [
      code,
      `${REFERENCE}#access-analyzer-reference-policy-checks-${ANCHOR_TYPE[info.findingType]}-${code.toLowerCase().replace(/_/g, '-')}`,
    ]),
);
