/**
 * Per-request batching (DataLoader): a page of 100 principals with their tags, groups and
 * policies costs a handful of SQL queries, not hundreds.
 */
import DataLoader from 'dataloader';
import type { Store } from '../store/db.js';
import {
  principalsByArns,
  tagsForPrincipals,
  groupsForPrincipals,
  policiesForPrincipals,
  policiesByKeys,
  memberArnsForGroups,
  tagsForResources,
  organizationPaths,
  resourcePoliciesByArns,
  credentialsForUsers,
  type CredentialReportRecord,
  type ResourcePolicyRecord,
  type PrincipalRecord,
  type Tag,
  type GroupRecord,
  type PrincipalPolicy,
  type PolicyRecord,
} from '../store/queries/index.js';

function byKey<K, V>(keys: readonly K[], map: Map<K, V>, missing: V): V[] {
  return keys.map((k) => map.get(k) ?? missing);
}

export function createLoaders(store: Store) {
  return {
    principalByArn: new DataLoader<string, PrincipalRecord | null>(async (arns) => byKey(arns, principalsByArns(store, arns), null)),
    principalTags: new DataLoader<number, Tag[]>(async (ids) => byKey(ids, tagsForPrincipals(store, ids), [])),
    principalGroups: new DataLoader<number, GroupRecord[]>(async (ids) => byKey(ids, groupsForPrincipals(store, ids), [])),
    principalPolicies: new DataLoader<number, PrincipalPolicy[]>(async (ids) => byKey(ids, policiesForPrincipals(store, ids), [])),
    policyByKey: new DataLoader<string, PolicyRecord | null>(async (keys) => byKey(keys, policiesByKeys(store, keys), null)),
    groupMembers: new DataLoader<number, string[]>(async (ids) => byKey(ids, memberArnsForGroups(store, ids), [])),
    resourceTags: new DataLoader<number, Tag[]>(async (ids) => byKey(ids, tagsForResources(store, ids), [])),
    organizationPath: new DataLoader<string, string | null>(async (ids) => byKey(ids, organizationPaths(store, ids), null)),
    userCredentials: new DataLoader<string, CredentialReportRecord | null>(async (arns) => byKey(arns, credentialsForUsers(store, arns), null)),
    resourcePolicy: new DataLoader<string, ResourcePolicyRecord | null>(async (arns) => byKey(arns, resourcePoliciesByArns(store, arns), null)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
