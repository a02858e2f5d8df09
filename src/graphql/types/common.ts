import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

@ObjectType({ description: 'An AWS tag.' })
export class Tag {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

/** A Relay connection type `<name>Connection` with `<name>Edge` edges, plus totalCount. */
export function connection<T extends object>(name: string, node: () => abstract new (...args: never[]) => T) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String) cursor!: string;
    @Field(node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => Int) totalCount!: number;
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType;
}
