import { Field, ID, InterfaceType, Int, ObjectType } from 'type-graphql';

/**
 * Relay's Object Identification: every object with an ARN (or an AWS Organizations id) has a
 * global `id`, so client caches normalise it, and `node(id)` fetches it again.
 */
@InterfaceType({
  description:
    'An object with a global id, unique across every type and stable across imports (Relay Object Identification): `node(id)` fetches it again, client caches normalise by it.',
  // Resolvers return plain objects: the object's GraphQL type travels in __typename.
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, {
    description:
      "Global id: opaque for stored users, roles, groups, policies and resources; AWS's own id for accounts and the organization's root, OUs and policies.",
  })
  id!: string;
}

@ObjectType({ description: 'Where a page of a connection sits (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'true when more items follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: 'true when items precede this page (it was asked for `after` a cursor). Connections page forward only (`first`/`after`).',
  })
  hasPreviousPage?: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null for an empty page." })
  startCursor?: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor (give it as `after` for the next page); null for an empty page." })
  endCursor?: string | null;
}

@ObjectType({ description: 'An AWS tag.' })
export class Tag {
  @Field(() => String, { description: 'The tag key (case-sensitive, as AWS stores it).' })
  key!: string;

  @Field(() => String, { description: 'The tag value ("" for a tag without one).' })
  value!: string;
}

/** A Relay connection type `<name>Connection` with `<name>Edge` edges, plus totalCount. */
export function connection<T extends object>(name: string, node: () => abstract new (...args: never[]) => T) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque cursor of this item: give it as `after` to continue after it.' }) cursor!: string;
    @Field(node, { description: 'The item.' }) node!: T;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay cursor connection).` })
  class ConnectionType {
    @Field(() => Int, { description: 'How many items match in all, whatever the page.' }) totalCount!: number;
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' }) edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Where this page sits: hasNextPage, endCursor…' }) pageInfo!: PageInfo;
  }
  return ConnectionType;
}
