import { Field, Int, ObjectType } from 'type-graphql';
import { Decision } from './enums.js';
import { PageInfo } from './common.js';
import { MatchedStatement } from './simulation.js';
import { Principal } from './principal.js';
import { AccessStep } from './paths.js';

@ObjectType({ description: 'One principal allowed (or, conditionally, possibly allowed) to make the request.' })
export class Access {
  @Field(() => Principal, { description: 'The principal.' })
  principal!: Principal;

  @Field(() => Decision, { description: 'ALLOWED; IMPLICIT_DENY for a conditional entry (allowed only with context values the request did not give).' })
  decision!: Decision;

  @Field(() => Boolean, { description: 'true: allowed only for some values of the context keys in missingContextKeys.' })
  conditional!: boolean;

  @Field(() => [String], { description: 'Condition keys a matching statement referenced that the request did not supply.' })
  missingContextKeys!: string[];

  @Field(() => [MatchedStatement], { description: 'The statements that granted (or would grant) the request.' })
  matchedStatements!: MatchedStatement[];

  @Field(() => [AccessStep], {
    description:
      'Empty when the principal is allowed itself; with whoCan(transitive: true), the sts:AssumeRole chain by which it reaches an allowed principal (whose answer decision, missingContextKeys and matchedStatements then give).',
  })
  path!: AccessStep[];
}

@ObjectType({ description: 'One principal of a whoCan page, with its cursor.' })
export class AccessEdge {
  @Field(() => String, { description: 'Opaque cursor of this entry: give it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Access, { description: 'The entry.' })
  node!: Access;
}

@ObjectType({ description: 'A page of whoCan entries, ordered by principal ARN (Relay cursor connection).' })
export class AccessConnection {
  @Field(() => Int, { description: 'How many principals the answer has in all, whatever the page.' })
  totalCount!: number;

  @Field(() => [AccessEdge], { description: 'The entries of this page.' })
  edges!: AccessEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits: hasNextPage, endCursor…' })
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
  @Field(() => String, { description: 'The action, as the catalog spells it (connect:StartContactRecording).' })
  action!: string;

  @Field(() => String, {
    description: 'The ARN evaluated: the resource named, or — for an action on its children (contacts of an instance) — an ARN covering every such child.',
  })
  resource!: string;

  @Field(() => String, { description: 'The catalog resource type the action was evaluated on (e.g. instance, contact, role).' })
  resourceType!: string;

  @Field(() => Decision, { description: 'ALLOWED; IMPLICIT_DENY for a conditional entry.' })
  decision!: Decision;

  @Field(() => Boolean, { description: 'true: allowed only for some values of the context keys in missingContextKeys.' })
  conditional!: boolean;

  @Field(() => [String], { description: 'Condition keys a matching statement referenced that the request did not supply.' })
  missingContextKeys!: string[];

  @Field(() => [MatchedStatement], { description: 'The statements that granted (or would grant) the action.' })
  matchedStatements!: MatchedStatement[];
}

@ObjectType({ description: 'One action of a whatCan page, with its cursor.' })
export class ActionAccessEdge {
  @Field(() => String, { description: 'Opaque cursor of this entry: give it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => ActionAccess, { description: 'The entry.' })
  node!: ActionAccess;
}

@ObjectType({ description: 'A page of whatCan entries, ordered by action (Relay cursor connection).' })
export class ActionAccessConnection {
  @Field(() => Int, { description: 'How many actions the answer has in all, whatever the page.' })
  totalCount!: number;

  @Field(() => [ActionAccessEdge], { description: 'The entries of this page.' })
  edges!: ActionAccessEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits: hasNextPage, endCursor…' })
  pageInfo!: PageInfo;

  @Field(() => String, { description: 'The catalog resource type the resource was recognised as.' })
  resourceType!: string;

  @Field(() => [String], { description: 'What the caller should know about the question (see AccessConnection.warnings).' })
  warnings!: string[];
}
