/**
 * BinaryEquals.
 *
 * Source: "IAM JSON policy elements: Condition operators", section "Binary condition operators":
 * "compares the value of the specified key byte for byte against a base-64 encoded representation
 * of the binary value in the policy"; no policy variables. Request values of BINARY keys are given
 * base64-encoded too, so both sides are decoded and compared byte for byte (padding differences
 * do not matter).
 */
import { piecesToText } from '../template.js';
import type { BaseOperator } from './operator.js';

const BASE64_RE = /^\s*[A-Za-z0-9+/]*={0,2}\s*$/;

function decode(value: string): Buffer | undefined {
  if (!BASE64_RE.test(value)) return undefined;
  return Buffer.from(value.trim(), 'base64');
}

export const binaryOperators: BaseOperator[] = [
  {
    name: 'BinaryEquals',
    negated: false,
    variables: false,
    compile: (pieces) => decode(piecesToText(pieces)),
    parse: decode,
    test: (r: Buffer, p: Buffer) => r.equals(p),
  } as BaseOperator<Buffer, Buffer>,
] as BaseOperator[];
