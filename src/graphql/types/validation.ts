import { Field, Int, ObjectType } from 'type-graphql';
import { FindingType } from './enums.js';

@ObjectType({ description: 'One validation finding, in the shape of IAM Access Analyzer policy validation.' })
export class Finding {
  @Field(() => FindingType, { description: "ERROR, SECURITY_WARNING, WARNING or SUGGESTION (Access Analyzer's finding types)." })
  findingType!: FindingType;

  @Field(() => String, { description: 'Stable machine-readable code, e.g. UNKNOWN_SERVICE.' })
  code!: string;

  @Field(() => String, { description: 'What is wrong and how to fix it.' })
  message!: string;

  @Field(() => Int, { nullable: true, description: '1-based line in the submitted document.' })
  line?: number;

  @Field(() => Int, { nullable: true, description: '1-based column in the submitted document.' })
  column?: number;

  @Field(() => String, { description: 'JSON path of the element, e.g. Statement[1].Condition.StringEquals.aws:ViaAWSService ("" for the whole document).' })
  path!: string;

  @Field(() => String, { nullable: true, description: "IAM Access Analyzer's check reference section for this code (null for accessql's own codes)." })
  learnMoreLink?: string;
}

@ObjectType({ description: 'The findings of validatePolicy on one document.' })
export class PolicyValidation {
  @Field(() => Boolean, { description: 'true when there is no ERROR finding.' })
  valid!: boolean;

  @Field(() => [Finding], { description: 'Every finding, in document order.' })
  findings!: Finding[];
}
