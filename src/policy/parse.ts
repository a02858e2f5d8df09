/**
 * Policy text → PolicyDocument with source positions.
 *
 * Grammar: "IAM JSON policy element reference" and "Grammar of the IAM JSON policy language"
 * (IAM User Guide). The parser keeps what it can: an element of the wrong JSON type is dropped
 * and noted in `document.problems` (validation turns those into findings); only text that is not
 * JSON at all throws.
 */
import type { Condition, Effect, Finding, PolicyDocument, PrincipalElement, SourcePosition, Statement, StatementSource } from './types.js';
import { JsonSyntaxError, LineIndex, locateJsonError } from './json.js';
import { applyRepairs, parseJsonTree, type JsonNode, type JsonObjectNode } from './json-tree.js';

export interface ParseOptions {
  /** Repair trailing commas and missing commas between array items, reporting each repair. */
  lenient?: boolean;
  /**
   * When the text is a single statement without the surrounding `{"Version", "Statement"}` (as
   * documentation excerpts often are), use it as the document's only statement. The
   * STATEMENT_WITHOUT_DOCUMENT problem is recorded either way. Default false: such text grants
   * nothing, as AWS would reject it.
   */
  acceptStatementFragment?: boolean;
}

export interface ParsedPolicy {
  document: PolicyDocument;
  /** One WARNING finding per lenient repair (empty in strict mode). */
  repairs: Finding[];
  /** The JSON tree the document was built from (offsets into the original text). */
  root?: JsonNode;
}

/** Thrown for text that is not JSON (after lenient repairs, if asked for). */
export class PolicySyntaxError extends JsonSyntaxError {
  constructor(reason: string, position: { line: number; column: number; offset: number }) {
    super(reason, position);
    this.name = 'PolicySyntaxError';
  }
}

/** Top-level elements of a policy document. */
export const DOCUMENT_ELEMENTS = ['Version', 'Id', 'Statement'] as const;
/** Elements of a statement. */
export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
/** Principal types of the map form of Principal / NotPrincipal. */
export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

/**
 * Parses policy text. Throws PolicySyntaxError for JSON syntax errors; structural problems
 * (missing Effect, wrong types…) do not throw: the document keeps what it can and validation
 * reports the rest.
 */
export function parsePolicy(text: string, options: ParseOptions = {}): ParsedPolicy {
  const lenient = options.lenient === true;
  if (!lenient) {
    // JSON.parse is the judge of strict JSON, and the fastest way to reject.
    const err = locateJsonError(text);
    if (err) throw new PolicySyntaxError(err.reason, { line: err.line, column: err.column, offset: err.offset });
  }
  const index = new LineIndex(text);
  const tree = parseJsonTree(text, { lenient });
  // Whatever the tree parser thought, strict JSON of the repaired text has the last word, so that
  // lenient mode accepts exactly "strict JSON plus the reported repairs".
  const repaired = applyRepairs(text, tree.repairs);
  const err = lenient ? locateJsonError(repaired.text) : undefined;
  if (err) {
    const offset = repaired.toOriginal(err.offset);
    const p = index.position(offset);
    throw new PolicySyntaxError(err.reason, p);
  }
  if (tree.error || !tree.root) {
    const offset = tree.error?.offset ?? 0;
    throw new PolicySyntaxError(tree.error?.reason ?? 'Invalid JSON', index.position(offset));
  }
  const repairs: Finding[] = tree.repairs.map((r) => {
    const p = index.position(r.offset);
    return r.kind === 'TRAILING_COMMA'
      ? {
          findingType: 'WARNING',
          code: 'JSON_REPAIRED_TRAILING_COMMA',
          message: `Removed a trailing comma at line ${p.line}, column ${p.column} (JSON allows no comma before ']' or '}')`,
          line: p.line,
          column: p.column,
          offset: r.offset,
          path: '',
        }
      : {
          findingType: 'WARNING',
          code: 'JSON_REPAIRED_MISSING_COMMA',
          message: `Assumed a missing comma before line ${p.line}, column ${p.column} (JSON needs ',' between items)`,
          line: p.line,
          column: p.column,
          offset: r.offset,
          path: '',
        };
  });
  const document = buildDocument(tree.root, (o) => index.position(o), true, options.acceptStatementFragment === true);
  return { document, repairs, root: tree.root };
}

/**
 * A PolicyDocument from already parsed JSON (e.g. a policy that an API returned as an object).
 * Positions are all line 1, column 1. Throws nothing; problems go to `document.problems`.
 */
export function documentFromValue(value: unknown, options: { acceptStatementFragment?: boolean } = {}): PolicyDocument {
  const root = nodeFromValue(value);
  return buildDocument(root, () => ({ line: 1, column: 1, offset: 0 }), false, options.acceptStatementFragment === true);
}

/** JS value → JsonNode without recursion (offsets all 0). */
function nodeFromValue(value: unknown): JsonNode {
  const make = (v: unknown): { node: JsonNode; todo?: unknown } => {
    if (Array.isArray(v)) return { node: { kind: 'array', offset: 0, items: [] }, todo: v };
    if (v !== null && typeof v === 'object') return { node: { kind: 'object', offset: 0, properties: [] }, todo: v };
    if (typeof v === 'string') return { node: { kind: 'string', offset: 0, value: v } };
    if (typeof v === 'number') return { node: { kind: 'number', offset: 0, value: String(v) } };
    if (typeof v === 'boolean') return { node: { kind: 'boolean', offset: 0, value: String(v) } };
    return { node: { kind: 'null', offset: 0, value: 'null' } };
  };
  const first = make(value);
  const work: { node: JsonNode; value: unknown }[] = [];
  if (first.todo !== undefined) work.push({ node: first.node, value: first.todo });
  while (work.length > 0) {
    const { node, value: v } = work.pop()!;
    if (node.kind === 'array') {
      for (const item of v as unknown[]) {
        const m = make(item);
        node.items.push(m.node);
        if (m.todo !== undefined) work.push({ node: m.node, value: m.todo });
      }
    } else if (node.kind === 'object') {
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        const m = make(item);
        node.properties.push({ key: k, keyOffset: 0, value: m.node });
        if (m.todo !== undefined) work.push({ node: m.node, value: m.todo });
      }
    }
  }
  return first.node;
}

type Pos = (offset: number) => SourcePosition;

const JSON_TYPE_NAMES: Record<JsonNode['kind'], string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
};

function caseInsensitiveMatch(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return known.find((k) => k.toLowerCase() === lower);
}

function buildDocument(root: JsonNode, pos: Pos, withSource: boolean, acceptFragment: boolean): PolicyDocument {
  const problems: Finding[] = [];
  const problem = (findingType: Finding['findingType'], code: string, message: string, offset: number): void => {
    const p = pos(offset);
    problems.push({ findingType, code, message, line: p.line, column: p.column, offset: p.offset, path: '' });
  };
  const document: PolicyDocument = { statements: [], position: pos(root.offset) };
  if (withSource) document.keys = Object.create(null) as Record<string, SourcePosition>; // keys are data (`__proto__`)
  document.problems = problems;

  if (root.kind !== 'object') {
    problem('ERROR', 'POLICY_NOT_OBJECT', `A policy document must be a JSON object, not ${JSON_TYPE_NAMES[root.kind]}`, root.offset);
    return document;
  }

  const seen = new Map<string, number>();
  let statementNode: JsonNode | undefined;
  const fragmentKeys: string[] = [];
  for (const prop of root.properties) {
    if (seen.has(prop.key)) {
      problem('ERROR', 'DUPLICATE_KEY', `Element "${prop.key}" appears more than once in the document; only the last one counts`, prop.keyOffset);
    }
    seen.set(prop.key, prop.keyOffset);
    if (document.keys) document.keys[prop.key] = pos(prop.keyOffset);
    switch (prop.key) {
      case 'Version':
        if (prop.value.kind === 'string') {
          document.version = prop.value.value;
          document.versionPosition = pos(prop.value.offset);
        } else {
          document.version = undefined;
          problem('ERROR', 'DATA_TYPE_MISMATCH', `Version must be a string ("2012-10-17"), not ${JSON_TYPE_NAMES[prop.value.kind]}`, prop.value.offset);
        }
        break;
      case 'Id':
        if (prop.value.kind === 'string') document.id = prop.value.value;
        else problem('ERROR', 'DATA_TYPE_MISMATCH', `Id must be a string, not ${JSON_TYPE_NAMES[prop.value.kind]}`, prop.value.offset);
        break;
      case 'Statement':
        statementNode = prop.value;
        break;
      default:
        if ((STATEMENT_ELEMENTS as readonly string[]).includes(prop.key)) fragmentKeys.push(prop.key);
        else {
          const suggestion = caseInsensitiveMatch(prop.key, DOCUMENT_ELEMENTS);
          problem(
            'ERROR',
            'INVALID_POLICY_ELEMENT',
            `Unknown top-level element "${prop.key}"${suggestion ? ` (element names are case-sensitive: did you mean "${suggestion}"?)` : ` (a policy document has only ${DOCUMENT_ELEMENTS.join(', ')})`}`,
            prop.keyOffset,
          );
        }
    }
  }

  if (fragmentKeys.length > 0) {
    if (statementNode === undefined) {
      problem(
        'ERROR',
        'STATEMENT_WITHOUT_DOCUMENT',
        `This is a statement (${fragmentKeys.join(', ')}) without the surrounding policy document: wrap it as {"Version": "2012-10-17", "Statement": [ ... ]}`,
        root.offset,
      );
      if (acceptFragment) document.statements.push(buildStatement(root, 0, pos, withSource, problem));
    } else {
      for (const k of fragmentKeys) {
        problem('ERROR', 'INVALID_POLICY_ELEMENT', `"${k}" belongs inside a statement, not at the top level of the document`, seen.get(k)!);
      }
    }
  }

  if (statementNode !== undefined) {
    if (statementNode.kind === 'object') {
      document.statements.push(buildStatement(statementNode, 0, pos, withSource, problem));
    } else if (statementNode.kind === 'array') {
      if (statementNode.items.length === 0)
        problem('ERROR', 'EMPTY_STATEMENT', 'Statement is an empty list: the policy grants and denies nothing', statementNode.offset);
      let index = 0;
      for (const item of statementNode.items) {
        if (item.kind === 'object') document.statements.push(buildStatement(item, index++, pos, withSource, problem));
        else problem('ERROR', 'DATA_TYPE_MISMATCH', `Each statement must be a JSON object, not ${JSON_TYPE_NAMES[item.kind]}`, item.offset);
      }
    } else {
      problem(
        'ERROR',
        'DATA_TYPE_MISMATCH',
        `Statement must be an object or an array of objects, not ${JSON_TYPE_NAMES[statementNode.kind]}`,
        statementNode.offset,
      );
    }
  }
  return document;
}

type Problem = (findingType: Finding['findingType'], code: string, message: string, offset: number) => void;

function stringList(node: JsonNode, element: string, pos: Pos, problem: Problem): { values: string[]; positions: SourcePosition[] } {
  const values: string[] = [];
  const positions: SourcePosition[] = [];
  if (node.kind === 'string') {
    values.push(node.value);
    positions.push(pos(node.offset));
  } else if (node.kind === 'array') {
    for (const item of node.items) {
      if (item.kind === 'string') {
        values.push(item.value);
        positions.push(pos(item.offset));
      } else {
        problem('ERROR', 'DATA_TYPE_MISMATCH', `Each ${element} value must be a string, not ${JSON_TYPE_NAMES[item.kind]}`, item.offset);
      }
    }
  } else {
    problem('ERROR', 'DATA_TYPE_MISMATCH', `${element} must be a string or an array of strings, not ${JSON_TYPE_NAMES[node.kind]}`, node.offset);
  }
  return { values, positions };
}

function buildPrincipal(node: JsonNode, element: string, keyOffset: number, pos: Pos, problem: Problem): PrincipalElement | undefined {
  const principal: PrincipalElement = { wildcard: false, values: {}, position: pos(keyOffset), valuePositions: {} };
  if (node.kind === 'string') {
    if (node.value === '*') {
      principal.wildcard = true;
      return principal;
    }
    problem(
      'ERROR',
      'INVALID_PRINCIPAL_FORMAT',
      `${element} must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}; a bare string other than "*" is not allowed`,
      node.offset,
    );
    return undefined;
  }
  if (node.kind !== 'object') {
    problem(
      'ERROR',
      'INVALID_PRINCIPAL_FORMAT',
      `${element} must be "*" or an object mapping a principal type to values, not ${JSON_TYPE_NAMES[node.kind]}`,
      node.offset,
    );
    return undefined;
  }
  if (node.properties.length === 0) {
    problem('ERROR', 'INVALID_PRINCIPAL_FORMAT', `${element} is an empty object: name at least one principal`, node.offset);
  }
  for (const prop of node.properties) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(prop.key)) {
      const suggestion = caseInsensitiveMatch(prop.key, PRINCIPAL_TYPES);
      problem(
        'ERROR',
        'INVALID_PRINCIPAL_KEY',
        `Unknown principal type "${prop.key}" in ${element}${suggestion ? ` (did you mean "${suggestion}"?)` : ` (allowed: ${PRINCIPAL_TYPES.join(', ')})`}`,
        prop.keyOffset,
      );
      continue;
    }
    const { values, positions } = stringList(prop.value, `${element} ${prop.key}`, pos, problem);
    // Appended in place: a principal object may repeat its type key thousands of times.
    const list = (principal.values[prop.key] ??= []);
    for (const v of values) list.push(v);
    const plist = (principal.valuePositions![prop.key] ??= []);
    for (const p of positions) plist.push(p);
  }
  return principal;
}

function buildConditions(node: JsonNode, pos: Pos, problem: Problem): Condition[] {
  const conditions: Condition[] = [];
  if (node.kind !== 'object') {
    problem(
      'ERROR',
      'INVALID_CONDITION',
      `Condition must be an object of the form {"Operator": {"key": "value"}}, not ${JSON_TYPE_NAMES[node.kind]}`,
      node.offset,
    );
    return conditions;
  }
  const operators = new Set<string>();
  /** Index in `conditions` by operator and key (a Map: a condition can have 100,000 keys). */
  const byOperatorKey = new Map<string, number>();
  for (const op of node.properties) {
    if (operators.has(op.key))
      problem('ERROR', 'DUPLICATE_KEY', `Condition operator "${op.key}" appears more than once; only the last one counts`, op.keyOffset);
    operators.add(op.key);
    if (op.value.kind !== 'object') {
      problem(
        'ERROR',
        'INVALID_CONDITION',
        `The value of condition operator "${op.key}" must be an object of condition keys, not ${JSON_TYPE_NAMES[op.value.kind]}`,
        op.value.offset,
      );
      continue;
    }
    if (op.value.properties.length === 0) {
      problem('ERROR', 'INVALID_CONDITION', `Condition operator "${op.key}" has no condition keys`, op.value.offset);
    }
    const keys = new Set<string>();
    for (const k of op.value.properties) {
      if (keys.has(k.key))
        problem('ERROR', 'DUPLICATE_KEY', `Condition key "${k.key}" appears more than once under "${op.key}"; only the last one counts`, k.keyOffset);
      keys.add(k.key);
      const values: string[] = [];
      const valuePositions: SourcePosition[] = [];
      const valueTypes: ('string' | 'number' | 'boolean')[] = [];
      const take = (v: JsonNode): void => {
        if (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean') {
          values.push(v.value);
          valuePositions.push(pos(v.offset));
          valueTypes.push(v.kind);
        } else {
          problem(
            'ERROR',
            'INVALID_CONDITION',
            `Condition values must be strings, numbers or booleans, not ${JSON_TYPE_NAMES[v.kind]} (key "${k.key}")`,
            v.offset,
          );
        }
      };
      if (k.value.kind === 'array') {
        if (k.value.items.length === 0) problem('ERROR', 'INVALID_CONDITION', `Condition key "${k.key}" has an empty list of values`, k.value.offset);
        for (const item of k.value.items) take(item);
      } else take(k.value);
      // Replace an earlier duplicate: JSON's last-one-wins.
      const id = `${op.key}\u0000${k.key}`;
      const existing = byOperatorKey.get(id) ?? -1;
      const condition: Condition = {
        operator: op.key,
        key: k.key,
        values,
        position: pos(k.keyOffset),
        operatorPosition: pos(op.keyOffset),
        valuePositions,
        valueTypes,
      };
      if (existing >= 0) conditions[existing] = condition;
      else {
        byOperatorKey.set(id, conditions.length);
        conditions.push(condition);
      }
    }
  }
  return conditions;
}

function buildStatement(node: JsonObjectNode, index: number, pos: Pos, withSource: boolean, problem: Problem): Statement {
  const statement: Statement = { index, conditions: [], position: pos(node.offset) };
  const source: StatementSource = { keys: Object.create(null) as Record<string, SourcePosition> };
  const seen = new Set<string>();
  for (const prop of node.properties) {
    if (seen.has(prop.key)) {
      problem('ERROR', 'DUPLICATE_KEY', `Element "${prop.key}" appears more than once in the statement; only the last one counts`, prop.keyOffset);
    }
    seen.add(prop.key);
    source.keys[prop.key] = pos(prop.keyOffset);
    const v = prop.value;
    switch (prop.key) {
      case 'Sid':
        if (v.kind === 'string') {
          statement.sid = v.value;
          source.sid = pos(v.offset);
        } else problem('ERROR', 'DATA_TYPE_MISMATCH', `Sid must be a string, not ${JSON_TYPE_NAMES[v.kind]}`, v.offset);
        break;
      case 'Effect':
        statement.effect = undefined;
        if (v.kind === 'string' && (v.value === 'Allow' || v.value === 'Deny')) {
          statement.effect = v.value as Effect;
          source.effect = pos(v.offset);
        } else if (v.kind === 'string') {
          const fix = v.value.toLowerCase() === 'allow' ? 'Allow' : v.value.toLowerCase() === 'deny' ? 'Deny' : undefined;
          problem('ERROR', 'INVALID_EFFECT', `Effect must be "Allow" or "Deny"${fix ? ` (case-sensitive: write "${fix}")` : ''}, not "${v.value}"`, v.offset);
        } else {
          problem('ERROR', 'INVALID_EFFECT', `Effect must be the string "Allow" or "Deny", not ${JSON_TYPE_NAMES[v.kind]}`, v.offset);
        }
        break;
      case 'Principal':
      case 'NotPrincipal': {
        const p = buildPrincipal(v, prop.key, prop.keyOffset, pos, problem);
        if (prop.key === 'Principal') statement.principal = p;
        else statement.notPrincipal = p;
        if (p && !withSource) delete p.valuePositions;
        break;
      }
      case 'Action':
      case 'NotAction':
      case 'Resource':
      case 'NotResource': {
        const { values, positions } = stringList(v, prop.key, pos, problem);
        const field = (prop.key[0].toLowerCase() + prop.key.slice(1)) as 'action' | 'notAction' | 'resource' | 'notResource';
        statement[field] = values;
        source[field] = positions;
        break;
      }
      case 'Condition':
        statement.conditions = buildConditions(v, pos, problem);
        if (!withSource) {
          for (const c of statement.conditions) {
            delete c.operatorPosition;
            delete c.valuePositions;
          }
        }
        break;
      default: {
        const suggestion = caseInsensitiveMatch(prop.key, STATEMENT_ELEMENTS);
        const misplaced = (DOCUMENT_ELEMENTS as readonly string[]).includes(prop.key);
        problem(
          'ERROR',
          'INVALID_POLICY_ELEMENT',
          misplaced
            ? `"${prop.key}" belongs at the top level of the policy document, not inside a statement`
            : `Unknown statement element "${prop.key}"${suggestion ? ` (element names are case-sensitive: did you mean "${suggestion}"?)` : ` (a statement has only ${STATEMENT_ELEMENTS.join(', ')})`}`,
          prop.keyOffset,
        );
      }
    }
  }
  if (withSource) statement.source = source;
  return statement;
}
