/** The read side: synchronous functions the GraphQL resolvers and the CLI call. */
export * from './types.js';
export { encodeCursor, decodeCursor, type Page, type PageArgs, type Edge } from './pagination.js';
export {
  listPrincipals,
  getPrincipal,
  principalsByArns,
  groupsOfUser,
  groupsForPrincipals,
  tagsForPrincipals,
  policiesForPrincipals,
  type PrincipalFilter,
} from './principals.js';
export { listGroups, getGroup, memberArnsForGroups, policyKeysOfGroup } from './groups.js';
export { listPolicies, getPolicy, policiesByKeys, policyVersions, policyAttachments, statementsOfPolicy, type PolicyFilter } from './policies.js';
export { listResources, getResource, tagsForResources, type ResourceFilter } from './resources.js';
export { listImports, listAccounts } from './imports.js';
export {
  getOrganization,
  organizationPaths,
  listEstateAccounts,
  getEstateAccount,
  resourcePoliciesByArns,
  type OrganizationRecord,
  type OrgNodeRecord,
  type OrgPolicyRecord,
  type EstateAccountRecord,
  type ResourcePolicyRecord,
} from './organization.js';
export { storedPolicyDocuments, findingsOfPolicy, policyKeysWithFinding, type StoredPolicyDocument } from './lint.js';
export {
  listWorkloads,
  credentialsForUsers,
  listWorkloadSources,
  type WorkloadRecord,
  type WorkloadFilter,
  type CredentialReportRecord,
  type WorkloadSourceRecord,
} from './workloads.js';
