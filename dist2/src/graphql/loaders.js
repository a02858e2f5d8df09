/**
 * Per-request batching (DataLoader): a page of 100 principals with their tags, groups and
 * policies costs a handful of SQL queries, not hundreds.
 */
import DataLoader from 'dataloader';
import { principalsByArns, tagsForPrincipals, groupsForPrincipals, policiesForPrincipals, policiesByKeys, memberArnsForGroups, tagsForResources, organizationPaths, resourcePoliciesByArns, } from '../store/queries/index.js';
function byKey(keys, map, missing) {
    return keys.map((k) => map.get(k) ?? missing);
}
export function createLoaders(store) {
    return {
        principalByArn: new DataLoader(async (arns) => byKey(arns, principalsByArns(store, arns), null)),
        principalTags: new DataLoader(async (ids) => byKey(ids, tagsForPrincipals(store, ids), [])),
        principalGroups: new DataLoader(async (ids) => byKey(ids, groupsForPrincipals(store, ids), [])),
        principalPolicies: new DataLoader(async (ids) => byKey(ids, policiesForPrincipals(store, ids), [])),
        policyByKey: new DataLoader(async (keys) => byKey(keys, policiesByKeys(store, keys), null)),
        groupMembers: new DataLoader(async (ids) => byKey(ids, memberArnsForGroups(store, ids), [])),
        resourceTags: new DataLoader(async (ids) => byKey(ids, tagsForResources(store, ids), [])),
        organizationPath: new DataLoader(async (ids) => byKey(ids, organizationPaths(store, ids), null)),
        resourcePolicy: new DataLoader(async (arns) => byKey(arns, resourcePoliciesByArns(store, arns), null)),
    };
}
//# sourceMappingURL=loaders.js.map