/** The read side: synchronous functions the GraphQL resolvers and the CLI call. */
export * from './types.js';
export { encodeCursor, decodeCursor } from './pagination.js';
export { listPrincipals, getPrincipal, principalsByArns, groupsOfUser, groupsForPrincipals, tagsForPrincipals, policiesForPrincipals, } from './principals.js';
export { listGroups, getGroup, memberArnsForGroups, policyKeysOfGroup } from './groups.js';
export { listPolicies, getPolicy, policiesByKeys, policyVersions, policyAttachments, statementsOfPolicy, } from './policies.js';
export { listResources, getResource, tagsForResources } from './resources.js';
export { listImports, listAccounts } from './imports.js';
export { getOrganization, organizationPaths, listEstateAccounts, getEstateAccount, resourcePoliciesByArns, } from './organization.js';
export { storedPolicyDocuments, findingsOfPolicy, policyKeysWithFinding } from './lint.js';
//# sourceMappingURL=index.js.map