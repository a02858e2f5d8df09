/**
 * Where a finding stands: the JSON path of the element at a source offset, as a string
 * (`Statement[1].Condition.StringEquals.aws:ViaAWSService`) and as IAM Access Analyzer's
 * PathElement list (`{"value": "Statement"}, {"index": 1}, …, {"key": "aws:ViaAWSService"}`),
 * with the element's span (Access Analyzer API Reference, "Location", "PathElement", "Span",
 * "Position": line from 1, column from 0, offset from 0).
 */
import jsonc from 'jsonc-parser';
import type { JsonNode } from './json-tree.js';

export type PathElement = { value: string } | { index: number } | { key: string };

export interface ElementLocation {
  path: PathElement[];
  /** Start and end (exclusive) offsets of the element in the text. */
  start: number;
  end: number;
}

/**
 * The element at `offset`: the deepest node starting there or containing it. An offset that is a
 * property's key stands for the property's value (Access Analyzer's `{"value": name}`), except in a
 * Condition block, whose operators and condition keys Access Analyzer names as `{"key": name}`.
 */
export function locate(root: JsonNode, offset: number): { path: PathElement[]; node: JsonNode; keyOffset?: number; key?: string } {
  const path: PathElement[] = [];
  let node = root;
  let inCondition = 0;
  for (;;) {
    if (node.offset === offset) return { path, node };
    if (node.kind === 'object') {
      const props = node.properties;
      // Binary search: a 1 MB object can have 100,000 properties and as many findings.
      let lo = 0,
        hi = props.length - 1,
        found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (props[mid].keyOffset <= offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found < 0) return { path, node };
      const prop = props[found];
      const conditionPart = inCondition > 0 || prop.key === 'Condition';
      if (prop.keyOffset === offset || offset < prop.value.offset) {
        const asKey = inCondition > 0;
        path.push(asKey ? { key: prop.key } : { value: prop.key });
        return asKey ? { path, node: prop.value, keyOffset: prop.keyOffset, key: prop.key } : { path, node: prop.value };
      }
      path.push({ value: prop.key });
      if (conditionPart) inCondition++;
      node = prop.value;
    } else if (node.kind === 'array') {
      const items = node.items;
      let lo = 0,
        hi = items.length - 1,
        index = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (items[mid].offset <= offset) {
          index = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (index < 0) return { path, node };
      path.push({ index });
      node = node.items[index];
    } else {
      return { path, node };
    }
  }
}

/** `Statement[1].Condition.StringEquals.aws:ViaAWSService` */
export function pathString(path: readonly PathElement[]): string {
  let s = '';
  for (const e of path) {
    if ('index' in e) s += `[${e.index}]`;
    else s += (s === '' ? '' : '.') + ('value' in e ? e.value : e.key);
  }
  return s;
}

/** End offset (exclusive) of the JSON value or string token starting at `offset`. */
export function tokenEnd(text: string, offset: number): number {
  const scanner = jsonc.createScanner(text, true);
  scanner.setPosition(offset);
  let kind = scanner.scan();
  const open = kind;
  if (open !== 1 /* { */ && open !== 3 /* [ */) return scanner.getTokenOffset() + scanner.getTokenLength();
  let depth = 0;
  for (;;) {
    if (kind === 1 || kind === 3) depth++;
    else if (kind === 2 || kind === 4) depth--;
    if (depth === 0 || kind === 17 /* EOF */) return scanner.getTokenOffset() + scanner.getTokenLength();
    kind = scanner.scan();
  }
}

/** The element's path and span, as Access Analyzer reports them. */
export function elementLocation(text: string, root: JsonNode, offset: number): ElementLocation {
  const hit = locate(root, offset);
  if (hit.keyOffset !== undefined) return { path: hit.path, start: hit.keyOffset, end: tokenEnd(text, hit.keyOffset) };
  return { path: hit.path, start: hit.node.offset, end: tokenEnd(text, hit.node.offset) };
}
