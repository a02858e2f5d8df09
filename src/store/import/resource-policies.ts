/**
 * The resource policies document: `{"ResourcePolicies": [{"ResourceArn", "ResourceOwner"?, "Policy"}]}`.
 * `Policy` is the document as an object, or as JSON text, which is how the AWS CLI prints each
 * service's policy: `aws s3api get-bucket-policy` → Policy, `aws kms get-key-policy` → Policy,
 * `aws sqs get-queue-attributes --attribute-names Policy` → Attributes.Policy,
 * `aws sns get-topic-attributes` → Attributes.Policy, `aws lambda get-policy` → Policy,
 * `aws secretsmanager get-resource-policy` → ResourcePolicy. `ResourceOwner` names the owning
 * account where the ARN has none (S3 buckets and objects).
 *
 * Importing a policy for an ARN replaces that resource's stored policy; others stay. `"Policy": null`
 * says the resource has none (any stored one is removed).
 */
import { accountOfArn } from '../../util/arn.js';
import { parseArn } from '../arn.js';
import { readDocument } from './documents.js';
import type { ImportSession } from './session.js';
import { list, object, optionalString, requiredString, ShapeError, type JsonObject, type JsonPath } from './shape.js';

export function isResourcePoliciesDocument(root: unknown): root is JsonObject {
  return root !== null && typeof root === 'object' && !Array.isArray(root) && 'ResourcePolicies' in root;
}

export function importResourcePolicies(session: ImportSession, root: JsonObject): void {
  const items = list(root.ResourcePolicies, ['ResourcePolicies']);
  const seen = new Set<string>();
  items.forEach((v, i) => {
    const path: JsonPath = ['ResourcePolicies', i];
    const o = object(v, path);
    const arn = requiredString(o, 'ResourceArn', path);
    const parsed = parseArn(arn);
    if (!parsed) throw new ShapeError([...path, 'ResourceArn'], `${arn} is not an ARN`);
    if (parsed.service === 'iam' && parsed.resourceType === 'role') {
      // One source for a role's trust policy: the role itself, so the two can never disagree.
      throw new ShapeError(
        [...path, 'ResourceArn'],
        `${arn} is a role: its trust policy comes from get-account-authorization-details (AssumeRolePolicyDocument)`,
      );
    }
    if (seen.has(arn)) throw new ShapeError([...path, 'ResourceArn'], `${arn} is listed twice`);
    seen.add(arn);
    const owner = optionalString(o, 'ResourceOwner', path);
    if (owner !== null) {
      if (!/^\d{12}$/.test(owner)) throw new ShapeError([...path, 'ResourceOwner'], `${owner} is not a 12-digit account id`);
      const inArn = accountOfArn(arn);
      if (inArn && inArn !== owner) throw new ShapeError([...path, 'ResourceOwner'], `${owner} differs from the account in the ARN (${inArn})`);
    }
    const pp: JsonPath = [...path, 'Policy'];
    if (o.Policy === undefined) throw new ShapeError(pp, 'missing Policy (the resource-based policy document, or null for none)');
    if (o.Policy === null) {
      // Collected and found without a policy (get-bucket-policy's NoSuchBucketPolicy, an SQS
      // queue without Attributes.Policy): the only way a DeleteBucketPolicy reaches the store,
      // so the next snapshot, and accessChanges, see the access it gave go.
      session.writer.deleteResourcePolicy(arn);
      session.resourcePolicies.add(arn);
      return;
    }
    const doc = readDocument(o.Policy, pp, session.lenient);
    session.repair(pp, doc.parsed.repairs);
    const accountId = accountOfArn(arn) ?? null;
    const ownerAccount = accountId ?? owner;
    if (ownerAccount) session.accounts.add(ownerAccount);
    session.writer.resourcePolicy(arn, parsed, accountId, owner, doc.text);
    session.resourcePolicies.add(arn);
    if ((i + 1) % 256 === 0) session.step(i + 1, items.length);
  });
}
