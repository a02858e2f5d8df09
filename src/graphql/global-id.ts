/**
 * Global object ids (Relay's Object Identification): `Node.id` is unique across every type, so
 * client caches (Apollo Client, Relay, urql) normalise objects by it, and `node(id)` fetches any
 * object again. Stored objects named by an ARN (or a policy's store key) get the opaque base64url
 * of `<Type>:<key>`; the AWS Organizations objects keep AWS's own ids (`123456789012`, `o-…`,
 * `r-…`, `ou-…`, `p-…`), which AWS already makes distinct across those types and which never
 * decode to a `<Type>:` prefix.
 */
export type StoredNodeType = 'Principal' | 'Group' | 'Policy' | 'Resource' | 'Workload';
const STORED: readonly StoredNodeType[] = ['Principal', 'Group', 'Policy', 'Resource', 'Workload'];

export function globalId(type: StoredNodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** The type and key of a global id this API gave out for a stored object; null for any other text. */
export function parseGlobalId(id: string): { type: StoredNodeType; key: string } | null {
  const text = Buffer.from(id, 'base64url').toString('utf8');
  if (!id || Buffer.from(text, 'utf8').toString('base64url') !== id) return null;
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const type = text.slice(0, colon) as StoredNodeType;
  if (!STORED.includes(type) || colon === text.length - 1) return null;
  return { type, key: text.slice(colon + 1) };
}
