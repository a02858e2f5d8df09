import { Field, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { PrincipalType } from './enums.js';
import { Node, Tag, connection } from './common.js';

@ObjectType({
  description:
    'A principal: a stored IAM user or role (groups are not principals), or one beyond the store that a resource-based policy grants (an account, a service, a federated provider, everyone).',
  implements: Node,
})
export class Principal {
  @Field(() => String, {
    description:
      'The ARN (arn:aws:iam::123456789012:user/alice); for a principal beyond the store, the principal as the policy names it (cloudtrail.amazonaws.com, *).',
  })
  arn!: string;

  @Field(() => String, { description: 'The user or role name (its ARN for a principal beyond the store).' })
  name!: string;

  @Field(() => PrincipalType, { description: 'USER or ROLE for stored principals.' })
  type!: PrincipalType;

  @Field(() => String, { nullable: true, description: 'Null only for principals beyond the store that have no account (a service, everyone).' })
  accountId!: string | null;

  @Field(() => String, { nullable: true, description: 'The UserId (AIDA…) or RoleId (AROA…).' })
  uniqueId?: string | null;

  @Field(() => String, { nullable: true, description: 'The IAM path (/ by default, /service-role/…).' })
  path?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When IAM created the user or role.' })
  createDate?: Date | null;

  @Field(() => [Tag], { description: "The principal's IAM tags (aws:PrincipalTag/<key> in requests)." })
  tags!: Tag[];
}

export const PrincipalConnection = connection('Principal', () => Principal);
export type PrincipalConnection = InstanceType<typeof PrincipalConnection>;
