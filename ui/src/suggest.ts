/** Autocompletion: actions from the catalog (catalog.actions), resources from the store. */
import { gql, schemaFeatures, type Endpoint } from './gql.js';

export async function suggestActions(endpoint: Endpoint, prefix: string): Promise<{ name: string; accessLevel: string }[]> {
  const value = prefix.trim();
  if (!value) return [];
  try {
    const features = await schemaFeatures(endpoint);
    if (!features.has('Catalog', 'actions')) return [];
    const data = await gql<{ catalog: { actions: { edges: { node: { name: string; accessLevel: string } }[] } } }>(
      endpoint,
      'query AccessqlActions($prefix: String!) { catalog { actions(prefix: $prefix, first: 20) { edges { node { name accessLevel } } } } }',
      { prefix: value },
    );
    return data.catalog.actions.edges.map((e) => e.node);
  } catch {
    return []; // a suggestion that fails is only a suggestion missing
  }
}

export async function suggestResources(endpoint: Endpoint, prefix: string): Promise<{ arn: string; resourceType: string | null }[]> {
  const value = prefix.trim();
  if (!value) return [];
  const filter = value.startsWith('arn:') ? { arnPrefix: value } : { service: value.split(':')[0] };
  try {
    const data = await gql<{ resources: { edges: { node: { arn: string; resourceType: string | null } }[] } }>(
      endpoint,
      'query AccessqlResources($filter: ResourceFilterInput) { resources(filter: $filter, first: 20) { edges { node { arn resourceType } } } }',
      { filter },
    );
    return data.resources.edges.map((e) => e.node);
  } catch {
    return [];
  }
}

export async function suggestPrincipals(endpoint: Endpoint, text: string): Promise<{ arn: string; type: string }[]> {
  const value = text.trim();
  if (!value) return [];
  const nameContains = value.startsWith('arn:') ? value.slice(value.lastIndexOf('/') + 1) : value;
  try {
    const data = await gql<{ principals: { edges: { node: { arn: string; type: string } }[] } }>(
      endpoint,
      'query AccessqlPrincipalNames($filter: PrincipalFilterInput) { principals(filter: $filter, first: 20) { edges { node { arn type } } } }',
      { filter: { nameContains } },
    );
    return data.principals.edges.map((e) => e.node);
  } catch {
    return [];
  }
}
