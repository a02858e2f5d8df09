/**
 * ARN parsing: `arn:partition:service:region:account-id:resource`. The resource part may itself
 * contain ':' (log groups, Lambda versions), so only the first five separators split.
 */
import { parseArn as splitArnFields, type Arn } from '../util/arn.js';

export interface ParsedArn extends Arn {
  /** See resourceTypeOf; null when the ARN does not say. */
  resourceType: string | null;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const p = splitArnFields(arn);
  if (!p || !p.partition || !p.service) return undefined;
  return { ...p, resourceType: resourceTypeOf(p.service, p.account, p.resource) };
}

/** True for AWS managed policy ARNs (`arn:aws:iam::aws:policy/...`, any partition). */
export function isAwsManagedPolicyArn(arn: string): boolean {
  const p = parseArn(arn);
  return p !== undefined && p.service === 'iam' && p.account === 'aws' && p.resource.startsWith('policy/');
}

/** Last segment of an IAM ARN's resource part (the entity name without its path). */
export function nameFromIamArn(arn: string): string {
  const r = parseArn(arn)?.resource ?? arn;
  return r.slice(r.lastIndexOf('/') + 1);
}

// Services whose resource part alternates type/id/type/id (`instance/ID/contact-flow/ID`), where
// the resource's type is the last type segment, not the first.
const NESTED_TYPES = new Set(['connect', 'dynamodb']);

/**
 * The resource type as the ARN spells it: the text before the first '/' or ':' of the resource
 * part (`function:my-fn` → function, `instance/i-1` → instance); for services with nested
 * resources (Connect, DynamoDB) the innermost type (`instance/ID/queue/ID` → queue). S3 bucket
 * and object ARNs carry no type word: a bucket is `bucket`, anything under it `object`. Null when
 * the ARN does not say (SNS topics, SQS queues: the resource part is the bare name). The catalog
 * remains the authority for matching ARNs to resource types; this is for filtering and display.
 */
export function resourceTypeOf(service: string, account: string, resource: string): string | null {
  if (service === 's3' && account === '') return resource.includes('/') ? 'object' : resource ? 'bucket' : null;
  const m = /[/:]/.exec(resource);
  if (!m) return null;
  if (NESTED_TYPES.has(service)) {
    const segments = resource.split('/');
    let type = segments[0];
    for (let i = 2; i < segments.length; i += 2) if (segments[i]) type = segments[i];
    return type || null;
  }
  return resource.slice(0, m.index) || null;
}
