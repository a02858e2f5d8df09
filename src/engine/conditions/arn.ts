/**
 * ARN condition operators.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "Amazon Resource Name (ARN)
 * condition operators": ArnEquals and ArnLike "behave identically" — case-sensitive, each of the
 * six colon-delimited components checked separately, each may contain `*` and `?`; ArnNotEquals and
 * ArnNotLike are the negations and also behave identically. Policy variables are allowed.
 */
import { compileArnPieces, matchArnPattern, prepareArn, type ArnPattern, type PreparedArn } from '../arn.js';
import type { BaseOperator } from './operator.js';
import type { RequestContext } from '../types.js';

const NO_CONTEXT: RequestContext = new Map();

function arnOperator(name: string, negated: boolean): BaseOperator<ArnPattern, PreparedArn> {
  return {
    name,
    negated,
    variables: true,
    compile: (pieces) => compileArnPieces(pieces),
    parse: prepareArn,
    // Variables were substituted before compile, so the pattern needs no context here.
    test: (r, p) => matchArnPattern(p, r, NO_CONTEXT, null) === 1,
  };
}

export const arnOperators: BaseOperator[] = [
  arnOperator('ArnEquals', false),
  arnOperator('ArnLike', false),
  arnOperator('ArnNotEquals', true),
  arnOperator('ArnNotLike', true),
] as BaseOperator[];
