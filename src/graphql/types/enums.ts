import { registerEnumType } from 'type-graphql';

export enum Decision {
  ALLOWED = 'ALLOWED',
  EXPLICIT_DENY = 'EXPLICIT_DENY',
  IMPLICIT_DENY = 'IMPLICIT_DENY',
}
registerEnumType(Decision, { name: 'Decision', description: "The outcome of AWS's policy evaluation logic for one request." });

export enum ContextKeyType {
  STRING = 'STRING',
  STRING_LIST = 'STRING_LIST',
  NUMERIC = 'NUMERIC',
  NUMERIC_LIST = 'NUMERIC_LIST',
  BOOLEAN = 'BOOLEAN',
  BOOLEAN_LIST = 'BOOLEAN_LIST',
  IP = 'IP',
  IP_LIST = 'IP_LIST',
  DATE = 'DATE',
  DATE_LIST = 'DATE_LIST',
  BINARY = 'BINARY',
  BINARY_LIST = 'BINARY_LIST',
}
registerEnumType(ContextKeyType, { name: 'ContextKeyType', description: 'The type of a request context value, as in IAM SimulatePrincipalPolicy.' });

export enum PolicyType {
  IDENTITY_POLICY = 'IDENTITY_POLICY',
  RESOURCE_POLICY = 'RESOURCE_POLICY',
  SERVICE_CONTROL_POLICY = 'SERVICE_CONTROL_POLICY',
  RESOURCE_CONTROL_POLICY = 'RESOURCE_CONTROL_POLICY',
}
registerEnumType(PolicyType, { name: 'PolicyType', description: 'What kind of policy a document is, as in IAM Access Analyzer ValidatePolicy.' });

export enum FindingType {
  ERROR = 'ERROR',
  SECURITY_WARNING = 'SECURITY_WARNING',
  WARNING = 'WARNING',
  SUGGESTION = 'SUGGESTION',
}
registerEnumType(FindingType, {
  name: 'FindingType',
  description:
    "How serious a validatePolicy finding is, as IAM Access Analyzer's findingType: ERROR (the policy does not work as written), SECURITY_WARNING, WARNING, SUGGESTION.",
});

export enum PrincipalType {
  USER = 'USER',
  ROLE = 'ROLE',
  ACCOUNT = 'ACCOUNT',
  SERVICE = 'SERVICE',
  FEDERATED = 'FEDERATED',
  ANONYMOUS = 'ANONYMOUS',
}
registerEnumType(PrincipalType, {
  name: 'PrincipalType',
  description:
    'IAM users and roles are principals; groups are not. ACCOUNT, SERVICE, FEDERATED and ANONYMOUS are principals beyond the store that a resource-based policy grants (whoCan).',
  valuesConfig: {
    ACCOUNT: {
      description:
        'An account not in the store, as its root (arn:aws:iam::ACCOUNT:root): its principals are allowed if their own policies allow, so the entry is conditional.',
    },
    SERVICE: { description: 'An AWS service principal (cloudtrail.amazonaws.com).' },
    FEDERATED: { description: 'A SAML or OIDC identity provider (Federated principal).' },
    ANONYMOUS: { description: '"*": everyone, including callers outside AWS accounts.' },
  },
});
