import { Field, InputType } from 'type-graphql';
import { FindingType, PrincipalType } from './enums.js';
import { PolicyKind } from './browse.js';

@InputType({ description: 'A tag to match.' })
export class TagFilterInput {
  @Field(() => String, { description: 'The tag key (exact).' }) key!: string;
  @Field(() => String, { nullable: true, description: 'Any value when omitted.' }) value?: string;
}

@InputType({ description: 'Filters on principals; every one given must hold.' })
export class PrincipalFilterInput {
  @Field(() => PrincipalType, { nullable: true, description: 'USER or ROLE (the store holds no other).' }) type?: PrincipalType;
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string;
  @Field(() => String, { nullable: true, description: 'Of this account.' }) accountId?: string;
  @Field(() => TagFilterInput, { nullable: true, description: 'With this tag.' }) tag?: TagFilterInput;
  @Field(() => String, { nullable: true, description: 'Members of this group.' }) groupArn?: string;
  @Field(() => String, { nullable: true, description: 'With this managed policy attached directly.' }) attachedPolicyArn?: string;
  @Field(() => String, { nullable: true, description: 'Whose permissions boundary is this policy.' }) permissionsBoundaryArn?: string;
}

@InputType({ description: 'Filters on policies; every one given must hold.' })
export class PolicyFilterInput {
  @Field(() => PolicyKind, { nullable: true, description: 'AWS_MANAGED, CUSTOMER_MANAGED or INLINE.' }) kind?: PolicyKind;
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string;
  @Field(() => String, { nullable: true, description: 'Of this account.' }) accountId?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Statements whose Action/NotAction values, as written, match this pattern (connect:* finds every statement naming a Connect action).',
  })
  actionLike?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Statements whose Action patterns cover this action (connect:StartContactRecording finds connect:*, connect:Start*, *).',
  })
  actionMatches?: string;
  @Field(() => Boolean, { nullable: true, description: 'false: leave out policies known only by ARN.' }) includeStubs?: boolean;
  @Field(() => FindingType, { nullable: true, description: 'Policies with a validatePolicy finding of this type (the default version of a managed policy).' })
  findingType?: FindingType;
  @Field(() => String, {
    nullable: true,
    description: 'Policies with a validatePolicy finding of this code (INVALID_ACTION, PASS_ROLE_WITH_STAR_IN_RESOURCE…).',
  })
  code?: string;
}

@InputType({ description: 'Filters on groups; every one given must hold.' })
export class GroupFilterInput {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string;
  @Field(() => String, { nullable: true, description: 'Of this account.' }) accountId?: string;
}

@InputType({ description: 'Filters on resources; every one given must hold.' })
export class ResourceFilterInput {
  @Field(() => String, { nullable: true, description: 'Service prefix in the ARN (connect, s3, profile…).' }) service?: string;
  @Field(() => String, { nullable: true, description: 'Resource type as the ARN spells it (contact-flow, agent…).' }) type?: string;
  @Field(() => String, { nullable: true, description: 'Of this account.' }) accountId?: string;
  @Field(() => TagFilterInput, { nullable: true, description: 'With this tag.' }) tag?: TagFilterInput;
  @Field(() => String, { nullable: true, description: 'Whose ARN starts with this text.' }) arnPrefix?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: only resources with a stored resource-based policy; false: only those without.' })
  hasPolicy?: boolean;
}
