/**
 * The stable finding codes of `validatePolicy`, with the finding type each is reported as and a
 * one-line meaning. Codes never change meaning; new checks get new codes.
 *
 * Sources: "Grammar of the IAM JSON policy language", "IAM JSON policy element reference",
 * "IAM policy validation check reference" (IAM Access Analyzer), "SCP syntax" (AWS Organizations),
 * "IAM and AWS STS quotas".
 */
import type { FindingType } from './types.js';

export interface FindingCodeInfo {
  findingType: FindingType;
  meaning: string;
}

export const FINDING_CODES = {
  // --- JSON -----------------------------------------------------------------------------------
  JSON_SYNTAX_ERROR: { findingType: 'ERROR', meaning: 'The text is not valid JSON; line and column name the first offending character.' },
  JSON_REPAIRED_TRAILING_COMMA: { findingType: 'WARNING', meaning: 'Lenient mode dropped a comma before ] or } (invalid JSON that AWS would reject).' },
  JSON_REPAIRED_MISSING_COMMA: { findingType: 'WARNING', meaning: 'Lenient mode assumed a comma missing between two array items or properties (invalid JSON that AWS would reject).' },

  // --- document structure -----------------------------------------------------------------------
  POLICY_NOT_OBJECT: { findingType: 'ERROR', meaning: 'The policy document is not a JSON object.' },
  STATEMENT_WITHOUT_DOCUMENT: { findingType: 'ERROR', meaning: 'The text is a lone statement without the surrounding {"Version", "Statement"} document.' },
  UNKNOWN_ELEMENT: { findingType: 'ERROR', meaning: 'An element name the policy grammar does not have (element names are case-sensitive).' },
  DUPLICATE_KEY: { findingType: 'ERROR', meaning: 'The same element, operator or condition key appears twice in one object; only the last one counts.' },
  INVALID_ELEMENT_TYPE: { findingType: 'ERROR', meaning: 'An element has the wrong JSON type (e.g. a number where a string or list of strings is required).' },
  MISSING_VERSION: { findingType: 'WARNING', meaning: 'No Version element: AWS applies 2008-10-17, in which policy variables are plain text.' },
  INVALID_VERSION: { findingType: 'ERROR', meaning: 'Version is neither "2012-10-17" nor "2008-10-17".' },
  OLD_VERSION: { findingType: 'SUGGESTION', meaning: 'Version 2008-10-17 is outdated; use 2012-10-17.' },
  MISSING_STATEMENT: { findingType: 'ERROR', meaning: 'The document has no Statement element.' },
  EMPTY_STATEMENT: { findingType: 'ERROR', meaning: 'The Statement element is an empty list.' },
  POLICY_SIZE_EXCEEDED: { findingType: 'WARNING', meaning: 'The document is larger than AWS accepts for this policy type.' },

  // --- statement structure ---------------------------------------------------------------------
  MISSING_EFFECT: { findingType: 'ERROR', meaning: 'A statement has no Effect element.' },
  INVALID_EFFECT: { findingType: 'ERROR', meaning: 'Effect is not exactly "Allow" or "Deny".' },
  MISSING_ACTION: { findingType: 'ERROR', meaning: 'A statement has neither Action nor NotAction (or an empty list).' },
  ACTION_WITH_NOT_ACTION: { findingType: 'ERROR', meaning: 'A statement has both Action and NotAction.' },
  MISSING_RESOURCE: { findingType: 'ERROR', meaning: 'A statement of an identity policy has neither Resource nor NotResource (or an empty list).' },
  RESOURCE_WITH_NOT_RESOURCE: { findingType: 'ERROR', meaning: 'A statement has both Resource and NotResource.' },
  PRINCIPAL_WITH_NOT_PRINCIPAL: { findingType: 'ERROR', meaning: 'A statement has both Principal and NotPrincipal.' },
  PRINCIPAL_IN_IDENTITY_POLICY: { findingType: 'ERROR', meaning: 'Principal / NotPrincipal are not allowed in identity-based policies.' },
  MISSING_PRINCIPAL: { findingType: 'ERROR', meaning: 'A statement of a resource-based policy names no Principal or NotPrincipal.' },
  NOT_PRINCIPAL_WITH_ALLOW: { findingType: 'ERROR', meaning: 'NotPrincipal is only supported with "Effect": "Deny".' },
  INVALID_PRINCIPAL: { findingType: 'ERROR', meaning: 'A Principal / NotPrincipal value has the wrong shape or an unknown principal type.' },
  SCP_UNSUPPORTED_ELEMENT: { findingType: 'ERROR', meaning: 'An element that service control policies do not support (Principal, NotPrincipal).' },
  INVALID_SID: { findingType: 'ERROR', meaning: 'Sid of an IAM policy may hold only ASCII letters and digits.' },
  DUPLICATE_SID: { findingType: 'ERROR', meaning: 'Two statements have the same Sid; Sids must be unique within a policy.' },

  // --- actions -----------------------------------------------------------------------------------
  INVALID_ACTION_FORMAT: { findingType: 'ERROR', meaning: 'An action is not of the form "service:Action".' },
  EMPTY_ACTION_NAME: { findingType: 'ERROR', meaning: 'An action has an empty name ("service:" or "service::Action").' },
  UNKNOWN_SERVICE: { findingType: 'ERROR', meaning: 'The action\'s service prefix is not a known AWS service (the entry grants nothing).' },
  UNKNOWN_ACTION: { findingType: 'ERROR', meaning: 'The service has no such action (the entry grants nothing).' },
  ACTION_PATTERN_MATCHES_NOTHING: { findingType: 'WARNING', meaning: 'A wildcard action pattern matches no action of the catalog.' },
  REDUNDANT_ACTION: { findingType: 'SUGGESTION', meaning: 'An action entry is repeated or already covered by a wildcard entry of the same list.' },
  REDUNDANT_RESOURCE: { findingType: 'SUGGESTION', meaning: 'A resource entry is repeated in the same list.' },
  STATEMENT_GRANTS_NOTHING: { findingType: 'WARNING', meaning: 'The statement can never apply: none of its actions or none of its resources can match a request.' },

  // --- resources -------------------------------------------------------------------------------------
  EMPTY_RESOURCE: { findingType: 'ERROR', meaning: 'A Resource / NotResource entry is the empty string.' },
  INVALID_ARN: { findingType: 'ERROR', meaning: 'A resource is neither "*" nor an ARN of the form arn:partition:service:region:account:resource.' },
  INVALID_ARN_PARTITION: { findingType: 'ERROR', meaning: 'The ARN\'s partition is not an AWS partition (aws, aws-cn, aws-us-gov…).' },
  ARN_MISSING_ACCOUNT: { findingType: 'ERROR', meaning: 'The ARN\'s account field is empty but the service\'s ARNs always carry an account ID.' },
  ARN_MISSING_REGION: { findingType: 'ERROR', meaning: 'The ARN\'s Region field is empty but the service\'s ARNs always carry a Region.' },
  UNKNOWN_ARN_SERVICE: { findingType: 'WARNING', meaning: 'No AWS resource type uses the ARN\'s service namespace, so the ARN matches no real resource.' },
  ARN_PLACEHOLDER: { findingType: 'WARNING', meaning: 'An ARN field looks like a documentation placeholder (accountID, region, instanceId…) and matches nothing real.' },
  POLICY_VARIABLE_IN_OLD_VERSION: { findingType: 'WARNING', meaning: 'A ${…} policy variable in a document whose Version is missing or 2008-10-17: it is literal text there.' },

  // --- conditions -------------------------------------------------------------------------------------
  INVALID_CONDITION: { findingType: 'ERROR', meaning: 'The Condition block has the wrong shape (values must be strings, numbers or booleans).' },
  INVALID_CONDITION_OPERATOR: { findingType: 'ERROR', meaning: 'Unknown condition operator (or NullIfExists, which is not allowed).' },
  INVALID_GLOBAL_CONDITION_KEY: { findingType: 'ERROR', meaning: 'An aws: condition key that is not an AWS global condition key.' },
  UNKNOWN_CONDITION_KEY: { findingType: 'ERROR', meaning: 'A service condition key that the service does not define.' },
  CONDITION_KEY_NOT_SUPPORTED: { findingType: 'WARNING', meaning: 'None of the statement\'s actions supports the condition key, so the key is never present in their requests.' },
  CONDITION_KEY_PARTIALLY_SUPPORTED: { findingType: 'SUGGESTION', meaning: 'Some of the statement\'s actions do not support the condition key.' },
  CONDITION_VALUE_TYPE_MISMATCH: { findingType: 'ERROR', meaning: 'A condition value does not have the form its operator needs (Bool, Numeric, Date, IpAddress, Binary, Null).' },
  CONDITION_OPERATOR_KEY_TYPE_MISMATCH: { findingType: 'WARNING', meaning: 'The operator\'s type differs from the condition key\'s type (e.g. a String operator on a Date key).' },
  CONDITION_MULTIPLE_BOOLEAN: { findingType: 'WARNING', meaning: 'A Bool or Null condition lists both true and false, so it always matches.' },
  SET_OPERATOR_ON_SINGLE_VALUED_KEY: { findingType: 'WARNING', meaning: 'ForAllValues / ForAnyValue with a single-valued key; ForAllValues also matches when the key is missing.' },
  MISSING_SET_OPERATOR_FOR_MULTIVALUED_KEY: { findingType: 'WARNING', meaning: 'A multivalued key (aws:TagKeys, aws:CalledVia…) tested without ForAnyValue / ForAllValues.' },

  // --- security ---------------------------------------------------------------------------------------
  ALLOW_WITH_NOT_ACTION: { findingType: 'SECURITY_WARNING', meaning: 'Allow with NotAction grants every action not listed, including future ones.' },
  ALLOW_WITH_NOT_RESOURCE: { findingType: 'SECURITY_WARNING', meaning: 'Allow with NotResource grants access to every resource not listed.' },
  FULL_ACCESS: { findingType: 'SECURITY_WARNING', meaning: 'Allow of "*" actions on "*" resources: administrator access.' },
  PASS_ROLE_WITH_STAR_RESOURCE: { findingType: 'SECURITY_WARNING', meaning: 'iam:PassRole allowed on "*": any role can be passed to any service.' },
} as const satisfies Record<string, FindingCodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;
