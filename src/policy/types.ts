/**
 * The IAM policy language as a typed document.
 *
 * Grammar: "IAM JSON policy element reference" and "Grammar of the IAM JSON policy language"
 * (IAM User Guide). Every element keeps where it stood in the source text so that a decision
 * can point at the statement that made it.
 */

/** 1-based line and column, plus the 0-based character offset, of an element in its source text. */
export interface SourcePosition {
  line: number;
  column: number;
  offset: number;
}

export type Effect = 'Allow' | 'Deny';

/**
 * Principal / NotPrincipal. `"*"` is kept as `{ wildcard: true }`; the map form keeps each
 * principal type's values as written (AWS, Service, Federated, CanonicalUser).
 */
export interface PrincipalElement {
  wildcard: boolean;
  /** Keys as written (e.g. "AWS"); values always a list. */
  values: Record<string, string[]>;
  position: SourcePosition;
  /** Where each value stood, parallel to `values` (absent for documents built from parsed values). */
  valuePositions?: Record<string, SourcePosition[]>;
}

/** One condition: operator → key → values. A statement's conditions are ANDed. */
export interface Condition {
  /** Operator as written, e.g. "ForAnyValue:StringLikeIfExists". */
  operator: string;
  /** Key as written, e.g. "aws:ResourceTag/Department". */
  key: string;
  /** Values as written, each turned into its string form (numbers and booleans in JSON are allowed by IAM). */
  values: string[];
  position: SourcePosition;
  /** Where the operator (the key of the Condition block's entry) stood. */
  operatorPosition?: SourcePosition;
  /** Where each value stood, parallel to `values`. */
  valuePositions?: SourcePosition[];
  /** JSON type of each value as written ('string' | 'number' | 'boolean'), parallel to `values`. */
  valueTypes?: ('string' | 'number' | 'boolean')[];
}

export interface Statement {
  /** 0-based index within the document's Statement list. */
  index: number;
  sid?: string;
  /** Absent only in an invalid document (validation reports it; the evaluator ignores such statements). */
  effect?: Effect;
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  /** Exactly one of action / notAction is set in a valid statement. Values as written. */
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  conditions: Condition[];
  position: SourcePosition;
  /** Where elements and their values stood in the source (absent for documents built from values). */
  source?: StatementSource;
}

/** Source positions inside one statement. */
export interface StatementSource {
  /** Position of each element's key, by element name as written ("Effect", "Action", …). */
  keys: Record<string, SourcePosition>;
  /** Position of each value, parallel to the statement's arrays of the same name. */
  action?: SourcePosition[];
  notAction?: SourcePosition[];
  resource?: SourcePosition[];
  notResource?: SourcePosition[];
  /** Position of the Effect / Sid values. */
  effect?: SourcePosition;
  sid?: SourcePosition;
}

export interface PolicyDocument {
  /** "2012-10-17", "2008-10-17", or absent (AWS then treats the document as 2008-10-17). */
  version?: string;
  id?: string;
  statements: Statement[];
  position: SourcePosition;
  /** Position of each top-level element's key, by name as written. */
  keys?: Record<string, SourcePosition>;
  /** Position of the Version value. */
  versionPosition?: SourcePosition;
  /** Structural problems the parser saw (wrong element types, unknown elements…); validation reports them. */
  problems?: Finding[];
}

export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

/** A validation finding, in the shape of IAM Access Analyzer's ValidatePolicy findings. */
export interface Finding {
  findingType: FindingType;
  /** Stable machine-readable code, e.g. "JSON_SYNTAX_ERROR", "UNKNOWN_SERVICE". */
  code: string;
  message: string;
  line?: number;
  column?: number;
  /** 0-based character offset of the element in the source text (absent without a source). */
  offset?: number;
  /** JSON path of the element, e.g. `Statement[1].Condition.StringEquals.aws:ViaAWSService` ('' for the whole document). */
  path: string;
  /** Access Analyzer's check reference section, for Access Analyzer's codes. */
  learnMoreLink?: string;
}

export type PolicyType = 'IDENTITY_POLICY' | 'RESOURCE_POLICY' | 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

/**
 * Access Analyzer's ValidatePolicyResourceType: the resource a RESOURCE_POLICY is attached to.
 * `AWS::IAM::AssumeRolePolicyDocument` turns on the role trust policy checks.
 */
export const VALIDATE_POLICY_RESOURCE_TYPES = [
  'AWS::S3::Bucket',
  'AWS::S3::AccessPoint',
  'AWS::S3::MultiRegionAccessPoint',
  'AWS::S3ObjectLambda::AccessPoint',
  'AWS::IAM::AssumeRolePolicyDocument',
  'AWS::DynamoDB::Table',
] as const;
export type ValidatePolicyResourceType = (typeof VALIDATE_POLICY_RESOURCE_TYPES)[number];
