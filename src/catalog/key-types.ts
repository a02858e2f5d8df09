/**
 * The types of condition-key values, as the AWS simulator's ContextKeyType names them
 * (IAM API reference, "ContextEntry"). The catalog types every key; the evaluator compares by them.
 */
export type ContextKeyType =
  'STRING' | 'STRING_LIST' | 'NUMERIC' | 'NUMERIC_LIST' | 'BOOLEAN' | 'BOOLEAN_LIST' | 'IP' | 'IP_LIST' | 'DATE' | 'DATE_LIST' | 'BINARY' | 'BINARY_LIST';
