import { Field, ObjectType } from 'type-graphql';
import { PrincipalType } from './enums.js';
import { Tag, connection } from './common.js';

@ObjectType({ description: 'An IAM user or role (groups are not principals).' })
export class Principal {
  @Field(() => String)
  arn!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PrincipalType)
  type!: PrincipalType;

  @Field(() => String, { nullable: true, description: 'Null only for principals beyond the store that have no account (a service, everyone).' })
  accountId!: string | null;

  @Field(() => String, { nullable: true, description: 'The UserId (AIDA…) or RoleId (AROA…).' })
  uniqueId?: string | null;

  @Field(() => String, { nullable: true })
  path?: string | null;

  @Field(() => String, { nullable: true })
  createDate?: string | null;

  @Field(() => [Tag])
  tags!: Tag[];
}

export const PrincipalConnection = connection('Principal', () => Principal);
export type PrincipalConnection = InstanceType<typeof PrincipalConnection>;
