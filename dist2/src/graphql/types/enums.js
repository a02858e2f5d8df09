import { registerEnumType } from 'type-graphql';
export var Decision;
(function (Decision) {
    Decision["ALLOWED"] = "ALLOWED";
    Decision["EXPLICIT_DENY"] = "EXPLICIT_DENY";
    Decision["IMPLICIT_DENY"] = "IMPLICIT_DENY";
})(Decision || (Decision = {}));
registerEnumType(Decision, { name: 'Decision', description: "The outcome of AWS's policy evaluation logic for one request." });
export var ContextKeyType;
(function (ContextKeyType) {
    ContextKeyType["STRING"] = "STRING";
    ContextKeyType["STRING_LIST"] = "STRING_LIST";
    ContextKeyType["NUMERIC"] = "NUMERIC";
    ContextKeyType["NUMERIC_LIST"] = "NUMERIC_LIST";
    ContextKeyType["BOOLEAN"] = "BOOLEAN";
    ContextKeyType["BOOLEAN_LIST"] = "BOOLEAN_LIST";
    ContextKeyType["IP"] = "IP";
    ContextKeyType["IP_LIST"] = "IP_LIST";
    ContextKeyType["DATE"] = "DATE";
    ContextKeyType["DATE_LIST"] = "DATE_LIST";
    ContextKeyType["BINARY"] = "BINARY";
    ContextKeyType["BINARY_LIST"] = "BINARY_LIST";
})(ContextKeyType || (ContextKeyType = {}));
registerEnumType(ContextKeyType, { name: 'ContextKeyType', description: 'The type of a request context value, as in IAM SimulatePrincipalPolicy.' });
export var PolicyType;
(function (PolicyType) {
    PolicyType["IDENTITY_POLICY"] = "IDENTITY_POLICY";
    PolicyType["RESOURCE_POLICY"] = "RESOURCE_POLICY";
    PolicyType["SERVICE_CONTROL_POLICY"] = "SERVICE_CONTROL_POLICY";
    PolicyType["RESOURCE_CONTROL_POLICY"] = "RESOURCE_CONTROL_POLICY";
})(PolicyType || (PolicyType = {}));
registerEnumType(PolicyType, { name: 'PolicyType', description: 'What kind of policy a document is, as in IAM Access Analyzer ValidatePolicy.' });
export var FindingType;
(function (FindingType) {
    FindingType["ERROR"] = "ERROR";
    FindingType["SECURITY_WARNING"] = "SECURITY_WARNING";
    FindingType["WARNING"] = "WARNING";
    FindingType["SUGGESTION"] = "SUGGESTION";
})(FindingType || (FindingType = {}));
registerEnumType(FindingType, { name: 'FindingType' });
export var PrincipalType;
(function (PrincipalType) {
    PrincipalType["USER"] = "USER";
    PrincipalType["ROLE"] = "ROLE";
    PrincipalType["ACCOUNT"] = "ACCOUNT";
    PrincipalType["SERVICE"] = "SERVICE";
    PrincipalType["FEDERATED"] = "FEDERATED";
    PrincipalType["ANONYMOUS"] = "ANONYMOUS";
})(PrincipalType || (PrincipalType = {}));
registerEnumType(PrincipalType, {
    name: 'PrincipalType',
    description: 'IAM users and roles are principals; groups are not. ACCOUNT, SERVICE, FEDERATED and ANONYMOUS are principals beyond the store that a resource-based policy grants (whoCan).',
    valuesConfig: {
        ACCOUNT: { description: 'An account not in the store, as its root (arn:aws:iam::ACCOUNT:root): its principals are allowed if their own policies allow, so the entry is conditional.' },
        SERVICE: { description: 'An AWS service principal (cloudtrail.amazonaws.com).' },
        FEDERATED: { description: 'A SAML or OIDC identity provider (Federated principal).' },
        ANONYMOUS: { description: '"*": everyone, including callers outside AWS accounts.' },
    },
});
//# sourceMappingURL=enums.js.map