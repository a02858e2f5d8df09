/**
 * `aws resourcegroupstaggingapi get-resources` output (GetResources response):
 * { ResourceTagMappingList: [{ ResourceARN, Tags: [{Key, Value}], ComplianceDetails? }], PaginationToken? }.
 *
 * get-resources lists one account's resources. Some ARNs carry no account (S3 buckets), so the
 * file's owner is the account most of its ARNs name; re-importing an account's resources replaces
 * all resources that account owned.
 */
import { accountOfArn } from '../../util/arn.js';
import { parseArn } from '../arn.js';
import type { ImportSession } from './session.js';
import { list, object, requiredString, ShapeError, tags, type JsonObject } from './shape.js';

export function isResourcesOutput(root: unknown): root is JsonObject {
  return root !== null && typeof root === 'object' && !Array.isArray(root) && 'ResourceTagMappingList' in root;
}

export function importResources(session: ImportSession, root: JsonObject): void {
  const items = list(root.ResourceTagMappingList, ['ResourceTagMappingList']).map((v, i) => {
    const path = ['ResourceTagMappingList', i];
    const o = object(v, path);
    const arn = requiredString(o, 'ResourceARN', path);
    const parsed = parseArn(arn);
    if (!parsed) throw new ShapeError([...path, 'ResourceARN'], `${arn} is not an ARN`);
    return { arn, parsed, account: accountOfArn(arn), tags: tags(o.Tags, [...path, 'Tags']) };
  });
  const owner = majorityAccount(items.map((i) => i.account));
  const w = session.writer;
  items.forEach((item, i) => {
    const ownerAccount = item.account ?? owner ?? null;
    if (ownerAccount) session.resourceAccount(ownerAccount);
    w.taggedResource(item.arn, item.parsed, ownerAccount, item.tags);
    session.resources.add(item.arn);
    if ((i + 1) % 256 === 0) session.step(i + 1, items.length);
  });
}

function majorityAccount(accounts: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const a of accounts) if (a) counts.set(a, (counts.get(a) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [a, c] of counts)
    if (c > n || (c === n && best !== undefined && a < best)) {
      best = a;
      n = c;
    }
  return best;
}
