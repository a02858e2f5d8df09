/**
 * The estate around the accounts: the organization (its tree, SCPs and RCPs) and the resource
 * policies, in the form the evaluator needs. `loadEstateData` reads the store; `buildEstate` is
 * pure (data in, answers out) so the engine half and its tests can build one by hand.
 *
 * Rules, by AWS's documents:
 * - SCPs (AWS Organizations User Guide, "SCP evaluation"): a member account's principals are
 *   allowed an action only if, at every level from the root through each OU down to the account,
 *   some SCP attached at that level allows it (and no SCP anywhere denies it). The management
 *   account is not affected ("Service control policies (SCPs)": "SCPs don't affect users or roles
 *   in the management account"), nor are service-linked roles ("SCPs do not affect any
 *   service-linked role").
 * - RCPs (AWS Organizations User Guide, "Resource control policies (RCPs)"): the same level
 *   logic for the resource owner's path; every level carries AWS's `RCPFullAWSAccess` (AWS
 *   attaches it to every root, OU and account when RCPs are enabled, and it cannot be detached),
 *   whether or not the document lists it; RCPs do not affect resources of the management account.
 * - A level where the document attaches no SCP carries AWS's `FullAWSAccess`: AWS attaches it to
 *   the root, every OU and every account when SCPs are enabled, and an entity can never be left
 *   without an SCP ("Service control policies (SCPs)"; "Detaching an SCP": the last one cannot be
 *   detached). Such a level exists only in a hand-written or partial document; reading it as
 *   "nothing allowed" would deny the whole account.
 * - Policy types apply only when the organization has all features (describe-organization:
 *   FeatureSet ALL) and the type is enabled on the root: list-roots' PolicyTypes says ENABLED, or
 *   policies of the type are attached (disabling a type detaches all its policies, so an attached
 *   policy means the type is enabled).
 * - Org condition keys ("AWS global condition context keys"): aws:PrincipalOrgID is the
 *   organization id of the principal's account; aws:PrincipalOrgPaths its path
 *   `o-…/r-…/ou-…/…/` (the OUs down to the account's parent); aws:ResourceOrgID and
 *   aws:ResourceOrgPaths the same for the resource owner's account; aws:ResourceAccount the
 *   owner's id. An account outside the organization has none of the org keys.
 */
import type { Store } from './db.js';
import { accountOfArn } from '../util/arn.js';
import { isServiceLinkedRole } from '../engine/evaluate.js';

export type OrgPolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
export type OrgNodeKind = 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

export interface EstateOrgNode {
  id: string;
  kind: OrgNodeKind;
  parentId: string | null;
  name: string | null;
  arn: string | null;
  email?: string | null;
  status?: string | null;
  /** Roots only: list-roots' PolicyTypes; undefined/null when the document did not say. */
  policyTypes?: { Type?: string; Status?: string }[] | null;
}

export interface EstateOrgPolicy {
  id: string;
  name: string;
  arn: string | null;
  type: OrgPolicyType;
  awsManaged: boolean;
  /** The policy document text (describe-policy's Content). */
  document: string;
  /** Ids of the roots, OUs and accounts it is attached to. */
  targets: string[];
}

export interface EstateData {
  organization: { id: string; arn: string | null; featureSet: string | null; managementAccountId: string } | null;
  /** Roots, OUs and accounts of the organization. */
  nodes: EstateOrgNode[];
  policies: EstateOrgPolicy[];
  /** Resource-based policies by ARN (not role trust policies: see trustPolicies). */
  resourcePolicies: { arn: string; ownerAccountId: string | null; document: string }[];
  /** Owners of resources known from get-resources output (the account whose import listed them). */
  listedOwners: { arn: string; ownerAccountId: string }[];
  /** Roles' trust policies (AssumeRolePolicyDocument), by role ARN. */
  trustPolicies: { arn: string; document: string }[];
}

/** One policy of one level, named as matchedStatements should name it. */
export interface LevelPolicy {
  id: string;
  name: string;
  document: string;
  /** True for the FullAWSAccess / RCPFullAWSAccess this model supplies at a level where the document attaches none. */
  implicit?: boolean;
}

/** The policies attached at one level of an account's path (root first, the account last). */
export interface PolicyLevel {
  /** r-…, ou-… or the account id. */
  targetId: string;
  kind: OrgNodeKind;
  name: string | null;
  policies: LevelPolicy[];
}

export interface AccountPlacement {
  accountId: string;
  organizationId: string;
  /** `o-…/r-…/ou-…/…/`: the OUs down to the account's parent (aws:PrincipalOrgPaths). */
  path: string;
  /** Node ids from the root down to the account, the account included. */
  lineage: string[];
  parentId: string;
  isManagementAccount: boolean;
}

export interface ResourceFacts {
  arn: string;
  /** The ARN's account, else the ResourceOwner given with its policy, else the account whose import listed it; null when unknown. */
  ownerAccountId: string | null;
  /** The resource-based policy text (for a role, its trust policy), or null. */
  policy: string | null;
  /** RCP levels of the owner's path; null when no RCP applies (no organization, owner outside it, management account, RCPs not enabled). */
  resourceControlPolicies: PolicyLevel[] | null;
}

/** AWS's FullAWSAccess SCP, supplied at a level where the document attaches no SCP. */
export const SCP_FULL_AWS_ACCESS: LevelPolicy = {
  id: 'p-FullAWSAccess',
  name: 'FullAWSAccess',
  implicit: true,
  document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 4),
};

/**
 * AWS's RCPFullAWSAccess (AWS Organizations User Guide, "RCP syntax": attached automatically to
 * the root, every OU and every account when RCPs are enabled).
 */
export const RCP_FULL_AWS_ACCESS: LevelPolicy = {
  id: 'p-RCPFullAWSAccess',
  name: 'RCPFullAWSAccess',
  implicit: true,
  document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, null, 4),
};

export interface Estate {
  /** What it was built from (the diff of two estates compares these: store/estate-model is their only source). */
  readonly data: EstateData;
  readonly organizationId: string | null;
  readonly managementAccountId: string | null;
  /** Where the account sits in the organization, or null when it is not one of its accounts. */
  placement(accountId: string): AccountPlacement | null;
  /**
   * SCP levels for a request made by this principal (root first), or null when no SCP restricts
   * it: no organization, its account outside it, the management account, a service-linked role,
   * SCPs not enabled.
   */
  serviceControlPolicies(principal: { arn: string; accountId: string }): PolicyLevel[] | null;
  /** RCP levels for the account's resources (null as in ResourceFacts). */
  resourceControlPolicies(accountId: string): PolicyLevel[] | null;
  /** Owner, policy and RCP levels of a resource; `callerAccountId` is the last fallback for the owner (contract). */
  resource(arn: string, callerAccountId?: string): ResourceFacts;
  /** Org condition keys for a principal's account and a resource owner (see the module comment). */
  orgContext(principalAccountId: string | null, resourceOwnerAccountId: string | null): Record<string, string | string[]>;
}

export function buildEstate(data: EstateData): Estate {
  const org = data.organization;
  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  const attached = new Map<string, Map<OrgPolicyType, LevelPolicy[]>>();
  const typesAttached = new Set<OrgPolicyType>();
  for (const p of data.policies) {
    if (p.targets.length > 0) typesAttached.add(p.type);
    for (const t of p.targets) {
      let byType = attached.get(t);
      if (!byType) attached.set(t, (byType = new Map()));
      let list = byType.get(p.type);
      if (!list) byType.set(p.type, (list = []));
      list.push({ id: p.id, name: p.name, document: p.document });
    }
  }
  const lineageCache = new Map<string, string[] | null>();
  const lineage = (accountId: string): string[] | null => {
    if (lineageCache.has(accountId)) return lineageCache.get(accountId)!;
    let out: string[] | null = null;
    const n = nodes.get(accountId);
    if (org && n && n.kind === 'ACCOUNT') {
      out = [];
      const seen = new Set<string>();
      for (let at: EstateOrgNode | undefined = n; at; at = at.parentId ? nodes.get(at.parentId) : undefined) {
        if (seen.has(at.id)) {
          out = null;
          break;
        }
        seen.add(at.id);
        out.unshift(at.id);
      }
      if (out && nodes.get(out[0])?.kind !== 'ROOT') out = null;
    }
    lineageCache.set(accountId, out);
    return out;
  };
  const enabled = (rootId: string, type: OrgPolicyType): boolean => {
    if (!org || (org.featureSet !== null && org.featureSet !== 'ALL')) return false;
    if (typesAttached.has(type)) return true;
    const types = nodes.get(rootId)?.policyTypes;
    return (types ?? []).some((t) => t.Type === type && (t.Status === undefined || t.Status === 'ENABLED'));
  };
  const levels = (accountId: string, type: OrgPolicyType): PolicyLevel[] | null => {
    const ids = lineage(accountId);
    if (!ids || !enabled(ids[0], type)) return null;
    return ids.map((id) => {
      const n = nodes.get(id)!;
      const policies = attached.get(id)?.get(type) ?? [];
      if (type === 'RESOURCE_CONTROL_POLICY') {
        // RCPFullAWSAccess is on every level and cannot be detached (AWS Organizations User Guide,
        // "Resource control policies (RCPs)", "RCPFullAWSAccess"): a document that omits it at a
        // level where it attaches another RCP still has it there.
        const hasFull = policies.some((p) => p.id === RCP_FULL_AWS_ACCESS.id || p.name === RCP_FULL_AWS_ACCESS.name);
        return { targetId: id, kind: n.kind, name: n.name, policies: hasFull ? policies : [RCP_FULL_AWS_ACCESS, ...policies] };
      }
      return {
        targetId: id,
        kind: n.kind,
        name: n.name,
        policies: policies.length > 0 ? policies : [SCP_FULL_AWS_ACCESS],
      };
    });
  };
  const placement = (accountId: string): AccountPlacement | null => {
    const ids = lineage(accountId);
    if (!ids || !org) return null;
    return {
      accountId,
      organizationId: org.id,
      path: `${org.id}/${ids
        .slice(0, -1)
        .map((i) => `${i}/`)
        .join('')}`,
      lineage: ids,
      parentId: ids[ids.length - 2],
      isManagementAccount: accountId === org.managementAccountId,
    };
  };
  const rcps = (accountId: string): PolicyLevel[] | null =>
    org && accountId === org.managementAccountId ? null : levels(accountId, 'RESOURCE_CONTROL_POLICY');

  const policies = new Map(data.resourcePolicies.map((r) => [r.arn, r]));
  const trust = new Map(data.trustPolicies.map((r) => [r.arn, r.document]));
  const listed = new Map(data.listedOwners.map((r) => [r.arn, r.ownerAccountId]));

  return {
    data,
    organizationId: org?.id ?? null,
    managementAccountId: org?.managementAccountId ?? null,
    placement,
    serviceControlPolicies(principal) {
      if (!org || principal.accountId === org.managementAccountId || isServiceLinkedRole(principal.arn)) return null;
      return levels(principal.accountId, 'SERVICE_CONTROL_POLICY');
    },
    resourceControlPolicies: rcps,
    resource(arn, callerAccountId) {
      // An S3 object is governed by its bucket's policy and owned by the bucket's owner (Amazon S3
      // User Guide, "Bucket policies": a bucket policy's Resource covers the bucket's objects).
      const bucket = s3BucketOf(arn);
      const stored = policies.get(arn) ?? (bucket ? policies.get(bucket) : undefined);
      const owner = accountOfArn(arn) ?? stored?.ownerAccountId ?? listed.get(arn) ?? (bucket ? listed.get(bucket) : undefined) ?? callerAccountId ?? null;
      return {
        arn,
        ownerAccountId: owner,
        policy: trust.get(arn) ?? stored?.document ?? null,
        resourceControlPolicies: owner ? rcps(owner) : null,
      };
    },
    orgContext(principalAccountId, resourceOwnerAccountId) {
      const out: Record<string, string | string[]> = {};
      const p = principalAccountId ? placement(principalAccountId) : null;
      if (p) {
        out['aws:PrincipalOrgID'] = p.organizationId;
        out['aws:PrincipalOrgPaths'] = [p.path];
      }
      if (resourceOwnerAccountId) {
        out['aws:ResourceAccount'] = resourceOwnerAccountId;
        const r = placement(resourceOwnerAccountId);
        if (r) {
          out['aws:ResourceOrgID'] = r.organizationId;
          out['aws:ResourceOrgPaths'] = [r.path];
        }
      }
      return out;
    },
  };
}

/** `arn:aws:s3:::bucket/key` → `arn:aws:s3:::bucket`; undefined for anything else. */
export function s3BucketOf(arn: string): string | undefined {
  const m = /^(arn:[^:]+:s3:::[^/]+)\/./.exec(arn);
  return m ? m[1] : undefined;
}

/** Reads everything buildEstate needs in one read transaction. */
export function loadEstateData(store: Store): EstateData {
  const { db } = store;
  return db
    .transaction((): EstateData => {
      const o = db.prepare('SELECT id, arn, feature_set, master_account_id FROM org_organization').get() as
        { id: string; arn: string | null; feature_set: string | null; master_account_id: string } | undefined;
      const nodes = (
        db.prepare('SELECT id, kind, parent_id, name, arn, email, status, policy_types FROM org_nodes ORDER BY pos').all() as {
          id: string;
          kind: OrgNodeKind;
          parent_id: string | null;
          name: string | null;
          arn: string | null;
          email: string | null;
          status: string | null;
          policy_types: string | null;
        }[]
      ).map((n) => ({
        id: n.id,
        kind: n.kind,
        parentId: n.parent_id,
        name: n.name,
        arn: n.arn,
        email: n.email,
        status: n.status,
        policyTypes: n.policy_types ? (JSON.parse(n.policy_types) as { Type?: string; Status?: string }[]) : null,
      }));
      const targets = new Map<string, string[]>();
      for (const t of db.prepare('SELECT policy_id, target_id FROM org_policy_targets ORDER BY policy_id, target_id').iterate() as Iterable<{
        policy_id: string;
        target_id: string;
      }>) {
        let l = targets.get(t.policy_id);
        if (!l) targets.set(t.policy_id, (l = []));
        l.push(t.target_id);
      }
      const policies = (
        db.prepare('SELECT id, name, arn, type, aws_managed, content FROM org_policies ORDER BY pos').all() as {
          id: string;
          name: string;
          arn: string | null;
          type: OrgPolicyType;
          aws_managed: number;
          content: string;
        }[]
      ).map((p) => ({
        id: p.id,
        name: p.name,
        arn: p.arn,
        type: p.type,
        awsManaged: p.aws_managed === 1,
        document: p.content,
        targets: targets.get(p.id) ?? [],
      }));
      const resourcePolicies = (
        db.prepare('SELECT arn, COALESCE(account_id, owner_account_id) AS owner, policy FROM resource_policies ORDER BY arn').all() as {
          arn: string;
          owner: string | null;
          policy: string;
        }[]
      ).map((r) => ({ arn: r.arn, ownerAccountId: r.owner, document: r.policy }));
      const listedOwners = db
        .prepare(
          `SELECT arn, owner_account_id AS ownerAccountId FROM resources
        WHERE account_id IS NULL AND owner_account_id IS NOT NULL ORDER BY arn`,
        )
        .all() as { arn: string; ownerAccountId: string }[];
      const trustPolicies = db
        .prepare(`SELECT arn, trust_policy AS document FROM principals WHERE type = 'ROLE' AND trust_policy IS NOT NULL ORDER BY arn`)
        .all() as { arn: string; document: string }[];
      return {
        organization: o ? { id: o.id, arn: o.arn, featureSet: o.feature_set, managementAccountId: o.master_account_id } : null,
        nodes,
        policies,
        resourcePolicies,
        listedOwners,
        trustPolicies,
      };
    })
    .deferred();
}

export function loadEstate(store: Store): Estate {
  return buildEstate(loadEstateData(store));
}
