import { Field, InputType } from 'type-graphql';
import { FindingType, PrincipalType } from './enums.js';
import { PolicyKind } from './browse.js';

@InputType()
export class TagFilterInput {
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true, description: 'Any value when omitted.' }) value?: string;
}

@InputType()
export class PrincipalFilterInput {
  @Field(() => PrincipalType, { nullable: true }) type?: PrincipalType;
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string;
  @Field(() => String, { nullable: true }) accountId?: string;
  @Field(() => TagFilterInput, { nullable: true }) tag?: TagFilterInput;
  @Field(() => String, { nullable: true, description: 'Members of this group.' }) groupArn?: string;
  @Field(() => String, { nullable: true, description: 'With this managed policy attached directly.' }) attachedPolicyArn?: string;
  @Field(() => String, { nullable: true, description: 'Whose permissions boundary is this policy.' }) permissionsBoundaryArn?: string;
}

@InputType()
export class PolicyFilterInput {
  @Field(() => PolicyKind, { nullable: true }) kind?: PolicyKind;
  @Field(() => String, { nullable: true }) nameContains?: string;
  @Field(() => String, { nullable: true }) accountId?: string;
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

@InputType()
export class GroupFilterInput {
  @Field(() => String, { nullable: true }) nameContains?: string;
  @Field(() => String, { nullable: true }) accountId?: string;
}

@InputType()
export class ResourceFilterInput {
  @Field(() => String, { nullable: true, description: 'Service prefix in the ARN (connect, s3, profile…).' }) service?: string;
  @Field(() => String, { nullable: true, description: 'Resource type as the ARN spells it (contact-flow, agent…).' }) type?: string;
  @Field(() => String, { nullable: true }) accountId?: string;
  @Field(() => TagFilterInput, { nullable: true }) tag?: TagFilterInput;
  @Field(() => String, { nullable: true }) arnPrefix?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: only resources with a stored resource-based policy; false: only those without.' })
  hasPolicy?: boolean;
}
