/**
 * Findings as IAM Access Analyzer's ValidatePolicy response ("ValidatePolicy", "ValidatePolicyFinding",
 * "Location", "PathElement", "Span", "Position" in the Access Analyzer API Reference): Position.line
 * counts from 1, Position.column from 0, Position.offset from 0; a span ends after the element.
 */
import { LineIndex } from './json.js';
import { parseJsonTree } from './json-tree.js';
import { elementLocation, type PathElement } from './location.js';
import type { Finding } from './types.js';

export interface AccessAnalyzerPosition {
  line: number;
  column: number;
  offset: number;
}
export interface AccessAnalyzerFinding {
  findingDetails: string;
  findingType: Finding['findingType'];
  issueCode: string;
  learnMoreLink: string;
  locations: { path: PathElement[]; span: { start: AccessAnalyzerPosition; end: AccessAnalyzerPosition } }[];
}
export interface AccessAnalyzerResponse {
  findings: AccessAnalyzerFinding[];
}

const REFERENCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';

export function toAccessAnalyzerResponse(text: string, findings: readonly Finding[]): AccessAnalyzerResponse {
  const index = new LineIndex(text);
  const tree = parseJsonTree(text, { lenient: true });
  const position = (offset: number): AccessAnalyzerPosition => {
    const p = index.position(Math.min(offset, text.length));
    return { line: p.line, column: p.column - 1, offset };
  };
  return {
    findings: findings.map((f) => {
      let locations: AccessAnalyzerFinding['locations'] = [];
      if (f.offset !== undefined && tree.root) {
        const loc = elementLocation(text, tree.root, f.offset);
        locations = [{ path: loc.path, span: { start: position(loc.start), end: position(loc.end) } }];
      } else if (f.offset !== undefined) {
        // JSON syntax errors: no tree; the span is the offending character.
        locations = [{ path: [], span: { start: position(f.offset), end: position(Math.min(f.offset + 1, text.length)) } }];
      }
      return {
        findingDetails: f.message,
        findingType: f.findingType,
        issueCode: f.code,
        learnMoreLink: f.learnMoreLink ?? REFERENCE,
        locations,
      };
    }),
  };
}
