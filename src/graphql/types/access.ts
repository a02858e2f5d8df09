import { Field, Int, ObjectType } from 'type-graphql';
import { Decision } from './enums.js';
import { PageInfo } from './common.js';
import { MatchedStatement } from './simulation.js';
import { Principal } from './principal.js';
import { AccessStep } from './paths.js';

@ObjectType({ description: 'One principal allowed (or, conditionally, possibly allowed) to make the request.' })
export class Access {
  @Field(() => Principal)
  principal!: Principal;

  @Field(() => Decision)
  decision!: Decision;

  @Field(() => Boolean, { description: 'true: allowed only for some values of the context keys in missingContextKeys.' })
  conditional!: boolean;

  @Field(() => [String])
  missingContextKeys!: string[];

  @Field(() => [MatchedStatement], { description: 'The statements that granted (or would grant) the request.' })
  matchedStatements!: MatchedStatement[];

  @Field(() => [AccessStep], {
    description:
      'Empty when the principal is allowed itself; with whoCan(transitive: true), the sts:AssumeRole chain by which it reaches an allowed principal (whose answer decision, missingContextKeys and matchedStatements then give).',
  })
  path!: AccessStep[];
}

@ObjectType()
export class AccessEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Access)
  node!: Access;
}

@ObjectType()
export class AccessConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [AccessEdge])
  edges!: AccessEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => String, { description: 'The action as the catalog spells it.' })
  action!: string;

  @Field(() => String, {
    description:
      'The resource evaluated: the one named, or — when the action applies to its children (contacts of an instance) — an ARN covering every such child.',
  })
  evaluatedResource!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The catalog resource type evaluated (e.g. contact); null for "*" or actions without resource-level permissions.',
  })
  evaluatedResourceType?: string | null;

  @Field(() => [String], {
    description: 'What the caller should know about the question, e.g. an ARN whose service namespace no AWS resource type uses ("did you mean connect?").',
  })
  warnings!: string[];
}

@ObjectType({ description: 'One action the principal is allowed (or conditionally allowed) on the resource.' })
export class ActionAccess {
  @Field(() => String)
  action!: string;

  @Field(() => String, {
    description: 'The ARN evaluated: the resource named, or — for an action on its children (contacts of an instance) — an ARN covering every such child.',
  })
  resource!: string;

  @Field(() => String, { description: 'The catalog resource type the action was evaluated on (e.g. instance, contact, role).' })
  resourceType!: string;

  @Field(() => Decision)
  decision!: Decision;

  @Field(() => Boolean)
  conditional!: boolean;

  @Field(() => [String])
  missingContextKeys!: string[];

  @Field(() => [MatchedStatement])
  matchedStatements!: MatchedStatement[];
}

@ObjectType()
export class ActionAccessEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ActionAccess)
  node!: ActionAccess;
}

@ObjectType()
export class ActionAccessConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [ActionAccessEdge])
  edges!: ActionAccessEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => String, { description: 'The catalog resource type the resource was recognised as.' })
  resourceType!: string;

  @Field(() => [String], { description: 'What the caller should know about the question (see AccessConnection.warnings).' })
  warnings!: string[];
}
