/** The fields of a matched statement every access table shows. */
export const STATEMENT_FIELDS = 'matchedStatements { policyName sid effect line column }';
