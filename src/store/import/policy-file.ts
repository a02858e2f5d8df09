/**
 * A file holding one policy document ({Version?, Statement}). It is stored as a standalone,
 * customer-managed-like policy named after the file and attached to nothing, so that it shows in
 * `policies` and can be linted and simulated. Its ARN is synthetic and says so:
 * `arn:aws:iam::standalone:policy/<name>` (no account: it belongs to none). Importing a file of
 * the same name again replaces it.
 */
import path from 'node:path';
import type { PolicyDocument } from '../../policy/types.js';
import type { ImportSession } from './session.js';

export const STANDALONE_POLICY_ARN_PREFIX = 'arn:aws:iam::standalone:policy/';

export function isPolicyDocument(root: unknown): boolean {
  return root !== null && typeof root === 'object' && !Array.isArray(root) && 'Statement' in root;
}

/** `policies/Connect Admin.json` → `Connect-Admin` (IAM policy names allow [\w+=,.@-]). */
export function standalonePolicyName(fileName: string): string {
  const base = path.basename(fileName).replace(/\.json$/i, '');
  const name = base.replace(/[^\w+=,.@-]+/g, '-').replace(/^-+|-+$/g, '');
  return name || 'policy';
}

export function importPolicyFile(session: ImportSession, fileName: string, text: string, document: PolicyDocument): void {
  const name = standalonePolicyName(fileName);
  const arn = STANDALONE_POLICY_ARN_PREFIX + name;
  const w = session.writer;
  const policyId = w.policy({
    arn,
    name,
    path: '/',
    uniqueId: null,
    kind: 'CUSTOMER_MANAGED',
    accountId: null,
    standalone: true,
    defaultVersionId: 'v1',
    attachmentCount: 0,
    boundaryUsageCount: 0,
    isAttachable: true,
    description: null,
    createDate: null,
    updateDate: null,
    sourceFile: fileName,
  });
  session.policies.add(arn);
  session.statements += w.version(policyId, 'v1', true, null, text, document);
  session.policyVersions++;
}
