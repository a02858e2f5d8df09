import { Field, ObjectType } from 'type-graphql';
import { connection } from './common.js';

@ObjectType({ description: 'An action of the catalog (the Service Authorization Reference), for autocompletion.' })
export class CatalogActionInfo {
  @Field(() => String, { description: 'Prefix included, as the catalog spells it: connect:StartContactRecording.' }) name!: string;
  @Field(() => String, { description: 'The service prefix (connect).' }) service!: string;
  @Field(() => String, { description: 'List, Read, Write, Permissions management or Tagging.' }) accessLevel!: string;
  @Field(() => String, { description: 'What the action does, from the Service Authorization Reference.' }) description!: string;
  @Field(() => [String], { description: 'The resource types the action applies to (none: only "*").' }) resourceTypes!: string[];
}

export const CatalogActionConnection = connection('CatalogAction', () => CatalogActionInfo);
export type CatalogActionConnection = InstanceType<typeof CatalogActionConnection>;
