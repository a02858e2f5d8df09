/**
 * The organization document: one JSON object whose members keep the AWS CLI's own output shapes
 * (see scripts/export-organization.sh, which assembles it):
 * - `Organization`: `aws organizations describe-organization` → Organization;
 * - `Roots`: `aws organizations list-roots` → Roots;
 * - `OrganizationalUnits`: each `aws organizations list-organizational-units-for-parent --parent-id P`
 *   → OrganizationalUnits[], plus `ParentId` = P;
 * - `Accounts`: each `aws organizations list-accounts-for-parent --parent-id P` → Accounts[], plus
 *   `ParentId` = P;
 * - `Policies`: each `aws organizations describe-policy` → Policy ({PolicySummary, Content}), plus
 *   `aws organizations list-targets-for-policy` → Targets.
 *
 * The structure is checked before anything is written: every ParentId and TargetId must name a
 * root, OU or account of the document, the tree must have no cycle, and each Content must be a
 * policy document (its JSON errors are reported at the line and column of the decoded text).
 */
import { readDocument } from './documents.js';
import type { ImportSession } from './session.js';
import { describe, isObject, list, object, optionalBoolean, optionalString, requiredString, ShapeError, type JsonObject, type JsonPath } from './shape.js';

/** Policy types this store evaluates (Organizations API: PolicyType). */
export const ORG_POLICY_TYPES = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] as const;
export type OrgPolicyType = (typeof ORG_POLICY_TYPES)[number];

export type OrgNodeKind = 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

/** Organizations API: TargetType of list-targets-for-policy. */
const TARGET_TYPES: Record<string, OrgNodeKind> = { ROOT: 'ROOT', ORGANIZATIONAL_UNIT: 'ORGANIZATIONAL_UNIT', ACCOUNT: 'ACCOUNT' };

/**
 * Told apart from get-account-authorization-details (which also has `Policies`): an organization
 * document has `Organization` or `Roots`, or policies in describe-policy's shape (PolicySummary).
 */
export function isOrganizationDocument(root: unknown): root is JsonObject {
  if (!isObject(root)) return false;
  if ('Organization' in root || 'Roots' in root || 'OrganizationalUnits' in root) return true;
  if ('UserDetailList' in root || 'GroupDetailList' in root || 'RoleDetailList' in root) return false;
  const policies = root.Policies;
  return Array.isArray(policies) && policies.length > 0 && isObject(policies[0]) && 'PolicySummary' in policies[0];
}

export interface OrgNodeInsert {
  id: string;
  kind: OrgNodeKind;
  parentId: string | null;
  arn: string | null;
  name: string | null;
  email: string | null;
  status: string | null;
  joinedMethod: string | null;
  joinedTimestamp: string | null;
  policyTypes: string | null;
  pos: number;
}

export interface OrgPolicyInsert {
  id: string;
  arn: string | null;
  name: string;
  description: string | null;
  type: OrgPolicyType;
  awsManaged: boolean;
  content: string;
  targets: string[];
  pos: number;
}

// Account ids are checked: ARNs and policies name accounts by them. Organization, root and OU
// ids are taken as given (AWS's have the shapes o-…, r-…, ou-…-…; a hand-written document's may
// not, and nothing here depends on their shape, only on their references agreeing).
const ACCOUNT_ID = /^\d{12}$/;

export function importOrganization(session: ImportSession, root: JsonObject): void {
  const orgPath: JsonPath = ['Organization'];
  if (root.Organization === undefined) throw new ShapeError(orgPath, "missing Organization (`aws organizations describe-organization` output's Organization)");
  const org = object(root.Organization, orgPath);
  const orgId = requiredString(org, 'Id', orgPath);
  // MasterAccountId is always in describe-organization's output; MasterAccountArn ends with it.
  const masterArn = optionalString(org, 'MasterAccountArn', orgPath);
  if (org.MasterAccountId === undefined && masterArn) org.MasterAccountId = masterArn.slice(masterArn.lastIndexOf('/') + 1);
  const master = requiredString(org, 'MasterAccountId', orgPath);
  if (!ACCOUNT_ID.test(master)) throw new ShapeError([...orgPath, 'MasterAccountId'], `${master} is not a 12-digit account id`);

  const nodes = new Map<string, OrgNodeInsert & { path: JsonPath }>();
  const add = (n: OrgNodeInsert, path: JsonPath) => {
    if (nodes.has(n.id)) throw new ShapeError([...path, 'Id'], `${n.id} is listed twice`);
    nodes.set(n.id, { ...n, path });
  };
  let pos = 0;
  const roots = list(root.Roots, ['Roots']);
  if (roots.length === 0) throw new ShapeError(['Roots'], "an organization has a root (`aws organizations list-roots` output's Roots)");
  roots.forEach((r, i) => {
    const p: JsonPath = ['Roots', i];
    const o = object(r, p);
    const id = requiredString(o, 'Id', p);
    const types = o.PolicyTypes === undefined || o.PolicyTypes === null ? null : JSON.stringify(list(o.PolicyTypes, [...p, 'PolicyTypes']));
    add(
      {
        id,
        kind: 'ROOT',
        parentId: null,
        arn: optionalString(o, 'Arn', p),
        name: optionalString(o, 'Name', p),
        email: null,
        status: null,
        joinedMethod: null,
        joinedTimestamp: null,
        policyTypes: types,
        pos: pos++,
      },
      p,
    );
  });
  list(root.OrganizationalUnits, ['OrganizationalUnits']).forEach((u, i) => {
    const p: JsonPath = ['OrganizationalUnits', i];
    const o = object(u, p);
    const id = requiredString(o, 'Id', p);
    add(
      {
        id,
        kind: 'ORGANIZATIONAL_UNIT',
        parentId: parentIdOf(o, p),
        arn: optionalString(o, 'Arn', p),
        name: optionalString(o, 'Name', p),
        email: null,
        status: null,
        joinedMethod: null,
        joinedTimestamp: null,
        policyTypes: null,
        pos: pos++,
      },
      p,
    );
  });
  list(root.Accounts, ['Accounts']).forEach((a, i) => {
    const p: JsonPath = ['Accounts', i];
    const o = object(a, p);
    const id = requiredString(o, 'Id', p);
    if (!ACCOUNT_ID.test(id)) throw new ShapeError([...p, 'Id'], `${id} is not a 12-digit account id`);
    add(
      {
        id,
        kind: 'ACCOUNT',
        parentId: parentIdOf(o, p),
        arn: optionalString(o, 'Arn', p),
        name: optionalString(o, 'Name', p),
        email: optionalString(o, 'Email', p),
        status: optionalString(o, 'Status', p) ?? optionalString(o, 'State', p),
        joinedMethod: optionalString(o, 'JoinedMethod', p),
        joinedTimestamp: optionalString(o, 'JoinedTimestamp', p),
        policyTypes: null,
        pos: pos++,
      },
      p,
    );
  });

  // Every parent exists and is a root or an OU; following parents from any node reaches a root.
  for (const n of nodes.values()) {
    if (n.parentId === null) continue;
    const parent = nodes.get(n.parentId);
    if (!parent) throw new ShapeError([...n.path, 'ParentId'], `${n.parentId} names no root or organizational unit of this document`);
    if (parent.kind === 'ACCOUNT') throw new ShapeError([...n.path, 'ParentId'], `${n.parentId} is an account; a parent is a root or an organizational unit`);
    const seen = new Set<string>([n.id]);
    for (let at = parent; at.parentId !== null; at = nodes.get(at.parentId)!) {
      if (seen.has(at.id)) throw new ShapeError([...n.path, 'ParentId'], `the organizational units above ${n.id} form a cycle`);
      seen.add(at.id);
    }
  }

  const policies: OrgPolicyInsert[] = [];
  const policyIds = new Set<string>();
  list(root.Policies, ['Policies']).forEach((x, i) => {
    const p: JsonPath = ['Policies', i];
    const o = object(x, p);
    const sp: JsonPath = [...p, 'PolicySummary'];
    if (o.PolicySummary === undefined) throw new ShapeError(sp, "missing PolicySummary (`aws organizations describe-policy` output's Policy)");
    const s = object(o.PolicySummary, sp);
    const id = requiredString(s, 'Id', sp);
    if (policyIds.has(id)) throw new ShapeError([...sp, 'Id'], `policy ${id} is listed twice`);
    policyIds.add(id);
    const type = requiredString(s, 'Type', sp);
    if (!(ORG_POLICY_TYPES as readonly string[]).includes(type)) {
      throw new ShapeError([...sp, 'Type'], `policy type ${type} is not evaluated; expected SERVICE_CONTROL_POLICY or RESOURCE_CONTROL_POLICY`);
    }
    const cp: JsonPath = [...p, 'Content'];
    if (o.Content === undefined || o.Content === null) throw new ShapeError(cp, 'missing Content (the policy document as JSON text)');
    if (typeof o.Content !== 'string' && !isObject(o.Content))
      throw new ShapeError(cp, `expected the policy document as JSON text, found ${describe(o.Content)}`);
    const doc = readDocument(o.Content, cp, session.lenient);
    session.repair(cp, doc.parsed.repairs);
    const tp: JsonPath = [...p, 'Targets'];
    const targets = list(o.Targets, tp).map((t, j) => {
      const tj: JsonPath = [...tp, j];
      const to = object(t, tj);
      const target = requiredString(to, 'TargetId', tj);
      const node = nodes.get(target);
      if (!node) throw new ShapeError([...tj, 'TargetId'], `${target} names no root, organizational unit or account of this document`);
      const declared = optionalString(to, 'Type', tj);
      if (declared !== null && TARGET_TYPES[declared] !== node.kind) {
        throw new ShapeError([...tj, 'Type'], `${target} is ${node.kind === 'ORGANIZATIONAL_UNIT' ? 'an' : 'a'} ${node.kind}, not ${declared}`);
      }
      return target;
    });
    policies.push({
      id,
      arn: optionalString(s, 'Arn', sp),
      name: optionalString(s, 'Name', sp) ?? id,
      description: optionalString(s, 'Description', sp),
      type: type as OrgPolicyType,
      awsManaged: optionalBoolean(s, 'AwsManaged', sp) ?? false,
      content: doc.text,
      targets: [...new Set(targets)],
      pos: i,
    });
  });

  const w = session.writer;
  w.replaceOrganization({
    id: orgId,
    arn: optionalString(org, 'Arn', orgPath),
    featureSet: optionalString(org, 'FeatureSet', orgPath),
    masterAccountId: master,
    masterAccountArn: optionalString(org, 'MasterAccountArn', orgPath),
    masterAccountEmail: optionalString(org, 'MasterAccountEmail', orgPath),
  });
  for (const n of nodes.values()) w.orgNode(n);
  for (const pol of policies) w.orgPolicy(pol);
  session.organization = orgId;
  session.organizationalUnits = [...nodes.values()].filter((n) => n.kind === 'ORGANIZATIONAL_UNIT').length;
  session.organizationAccounts = [...nodes.values()].filter((n) => n.kind === 'ACCOUNT').length;
  session.organizationPolicies = policies.length;
}

function parentIdOf(o: JsonObject, path: JsonPath): string {
  if (o.ParentId === undefined) {
    throw new ShapeError([...path, 'ParentId'], 'missing ParentId (the --parent-id it was listed under)');
  }
  return requiredString(o, 'ParentId', path);
}
