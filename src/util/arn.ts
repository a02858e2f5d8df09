/**
 * ARN parsing, the one place that splits `arn:partition:service:region:account-id:resource`
 * ("IAM identifiers" and "IAM JSON policy elements: Resource", IAM User Guide). The resource part
 * may itself contain `:` (log groups, Lambda versions, Connect contact ARNs), so only the first
 * five colons separate components.
 */

export interface Arn {
  partition: string;
  service: string;
  /** '' when the ARN has none (IAM, S3). */
  region: string;
  /** '' when the ARN has none (S3 buckets), 'aws' for AWS managed policies. */
  account: string;
  resource: string;
}

/** Index of the n-th colon (1-based n), or -1. Skips `${...}` when `skipVariables` is set. */
export function nthColon(text: string, n: number, skipVariables: boolean): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (skipVariables && c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */) {
      const close = text.indexOf('}', i + 2);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (c === 58 /* : */ && ++count === n) return i;
  }
  return -1;
}

/**
 * Splits into the six ARN components `[arn, partition, service, region, account, resource]` (the
 * sixth keeps any further colons), or null when the text has fewer than five colons. The first
 * component is not checked (policy patterns may spell it with wildcards). With `skipVariables`,
 * colons inside `${...}` do not separate.
 */
export function splitArn(text: string, skipVariables = false): string[] | null {
  const fifth = nthColon(text, 5, skipVariables);
  if (fifth < 0) return null;
  const head = text.slice(0, fifth);
  const parts: string[] = [];
  let start = 0;
  for (let k = 1; k <= 4; k++) {
    const c = nthColon(head, k, skipVariables);
    parts.push(head.slice(start, c));
    start = c + 1;
  }
  parts.push(head.slice(start));
  parts.push(text.slice(fifth + 1));
  return parts;
}

/** The components of an ARN, or undefined when the text does not start with `arn:` or has fewer than six components. */
export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const parts = splitArn(text);
  if (parts === null) return undefined;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: parts[5]! };
}

/** The 12-digit account id of an ARN, or undefined (AWS managed policies, S3, not an ARN). */
export function accountOfArn(text: string): string | undefined {
  const a = parseArn(text)?.account;
  return a !== undefined && /^\d{12}$/.test(a) ? a : undefined;
}
