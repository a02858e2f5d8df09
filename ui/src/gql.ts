/**
 * The explorer's only way to the server: GraphQL over HTTP POST (JSON, so Apollo's CSRF
 * prevention and CORS preflights apply), with an optional Bearer token. Nothing from src/.
 */

/** A refusal from the API (its `extensions.code`), or a failure to reach it (code NETWORK). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

export interface Endpoint {
  url: string;
  token?: string;
}

/** `/graphql` of the page's own server unless the element names another. */
export function resolveEndpoint(attr: string | undefined | null): string {
  return new URL(attr && attr.trim() ? attr.trim() : '/graphql', document.baseURI).href;
}

export async function gql<T>(endpoint: Endpoint, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.token) headers.authorization = `Bearer ${endpoint.token}`;
  let response: Response;
  try {
    response = await fetch(endpoint.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), credentials: 'omit' });
  } catch (e) {
    throw new GraphQLRequestError(
      `Cannot reach ${endpoint.url} (${e instanceof Error ? e.message : String(e)}); from another origin the server must list this page's origin in ACCESSQL_CORS_ORIGINS`,
      'NETWORK',
    );
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`${endpoint.url} answered HTTP ${response.status} without a GraphQL response`, 'NETWORK');
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new GraphQLRequestError(first.message, first.extensions?.code ?? 'ERROR');
  }
  if (!body.data) throw new GraphQLRequestError(`${endpoint.url} answered HTTP ${response.status} without data`, 'ERROR');
  return body.data;
}

interface IntrospectedField {
  name: string;
  args: { name: string }[];
  type: TypeRef;
}
interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedType {
  name: string;
  kind: string;
  fields: IntrospectedField[] | null;
}

/**
 * What this server's schema offers, learnt once per endpoint by introspection, so the pages use
 * fields that later versions add (Policy.findings, reachableRoles…) and never ask for a missing one.
 * With introspection off, only the fields every accessql server has are used.
 */
export class SchemaFeatures {
  private readonly types = new Map<string, IntrospectedType>();
  constructor(
    types: IntrospectedType[],
    readonly introspected: boolean,
  ) {
    for (const t of types) this.types.set(t.name, t);
  }

  field(type: string, field: string): IntrospectedField | undefined {
    return this.types.get(type)?.fields?.find((f) => f.name === field);
  }

  has(type: string, field: string): boolean {
    return this.field(type, field) !== undefined;
  }

  hasArg(type: string, field: string, arg: string): boolean {
    return this.field(type, field)?.args.some((a) => a.name === arg) ?? false;
  }

  /** The fields of a type (none when it is unknown). */
  fieldsOf(type: string): IntrospectedField[] {
    return this.types.get(type)?.fields ?? [];
  }

  /** The named type at the bottom of a field's type (through lists and non-nulls). */
  static namedType(ref: TypeRef): { name: string; kind: string } {
    let t: TypeRef = ref;
    while (t.ofType) t = t.ofType;
    return { name: t.name ?? '', kind: t.kind };
  }
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const FIELDS = `name kind fields { name args { name } type { ${TYPE_REF} } }`;
/** The few types whose fields the views test for: cheap to introspect, unlike the whole schema. */
const FEATURE_TYPES = ['Query', 'Policy', 'Finding', 'Catalog', 'Principal'];
const FEATURES_QUERY = `query AccessqlSchemaFeatures { ${FEATURE_TYPES.map((t, i) => `t${i}: __type(name: "${t}") { ${FIELDS} }`).join(' ')} }`;
const FULL_SCHEMA_QUERY = `query AccessqlSchema { __schema { types { ${FIELDS} } } }`;

const featureCache = new Map<string, Promise<SchemaFeatures>>();

function cachedIntrospection(endpoint: Endpoint, kind: string, fetchTypes: () => Promise<IntrospectedType[]>): Promise<SchemaFeatures> {
  const key = `${kind}\u0000${endpoint.url}\u0000${endpoint.token ?? ''}`;
  let cached = featureCache.get(key);
  if (!cached) {
    cached = fetchTypes().then(
      (types) => new SchemaFeatures(types, true),
      (e: unknown) => {
        // A refused token or an unreachable server is the page's error to show; try again next time.
        if (e instanceof GraphQLRequestError && (e.code === 'NETWORK' || e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN')) {
          featureCache.delete(key);
          throw e;
        }
        return new SchemaFeatures([], false);
      },
    );
    featureCache.set(key, cached);
  }
  return cached;
}

/** The fields the views may use, learnt once per endpoint and token. */
export function schemaFeatures(endpoint: Endpoint): Promise<SchemaFeatures> {
  return cachedIntrospection(endpoint, 'features', async () => {
    const d = await gql<Record<string, IntrospectedType | null>>(endpoint, FEATURES_QUERY);
    return Object.values(d).filter((t): t is IntrospectedType => t !== null);
  });
}

/** Every type: for views that build a selection from what a field returns (the paths graph). */
export function fullSchema(endpoint: Endpoint): Promise<SchemaFeatures> {
  return cachedIntrospection(
    endpoint,
    'schema',
    async () => (await gql<{ __schema: { types: IntrospectedType[] } }>(endpoint, FULL_SCHEMA_QUERY)).__schema.types,
  );
}

/** Selection of the listed fields that the type has, in the order given. */
export function pickFields(features: SchemaFeatures, type: string, wanted: string[]): string[] {
  return wanted.filter((f) => features.has(type, f));
}
