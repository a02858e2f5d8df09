/**
 * whatIf: the latest state with proposed IAM changes applied, in memory (nothing is stored), and
 * its diff against the latest state.
 *
 * Each change acts as the IAM API it stands for (IAM API Reference): AttachUserPolicy /
 * AttachGroupPolicy / AttachRolePolicy, the Detach… calls, CreatePolicyVersion with
 * SetAsDefault (a managed policy's new default version), Put…Policy (an inline policy, created if
 * absent), DeletePolicy (which IAM allows only once the policy is detached from every user, group
 * and role and is no one's permissions boundary: the hypothetical state is that one) and
 * Delete…Policy for inline ones, Put…PermissionsBoundary / Delete…PermissionsBoundary,
 * AddUserToGroup / RemoveUserFromGroup (the group and the user are in one account),
 * UpdateAssumeRolePolicy. Documents are checked as IAM checks them (MalformedPolicyDocument) and
 * errors name the change (`changes[2].putPolicy.document`).
 */
import type { AccountModel, ModelBoundary, ModelPolicy, ModelPrincipal } from '../../store/account-model.js';
import { buildEstate, type Estate } from '../../store/estate-model.js';
import {
  managedPolicyEntry,
  resolvePrincipalPolicies,
  type FactGroup,
  type FactManagedPolicy,
  type FactOwnPolicies,
  type IamFacts,
} from '../../store/iam-facts.js';
import { accountOfArn } from '../../util/arn.js';
import { parseInput } from '../simulate-custom.js';
import { InvalidQuestionError, MalformedPolicyError, NotFoundError, quoted } from '../errors.js';
import { AccessIndex } from '../access-index.js';
import { accessChanges, type DiffOptions, type DiffResult } from './diff.js';

export interface PolicyTargetSpec {
  policyArn: string;
  targetArn: string;
}
export interface ChangeSpec {
  attachPolicy?: PolicyTargetSpec | null;
  detachPolicy?: PolicyTargetSpec | null;
  putPolicy?: { policyId: string; document: string } | null;
  deletePolicy?: { policyId: string } | null;
  setPermissionsBoundary?: { principalArn: string; policyArn?: string | null } | null;
  addUserToGroup?: { userArn: string; groupArn: string } | null;
  removeUserFromGroup?: { userArn: string; groupArn: string } | null;
  putTrustPolicy?: { roleArn: string; document: string } | null;
}
export const CHANGE_KINDS = [
  'attachPolicy',
  'detachPolicy',
  'putPolicy',
  'deletePolicy',
  'setPermissionsBoundary',
  'addUserToGroup',
  'removeUserFromGroup',
  'putTrustPolicy',
] as const;

export interface HypotheticalState {
  model: AccountModel;
  estate: Estate;
  /** ARNs of the principals whose policies, groups or boundary the changes rewrote. */
  touched: Set<string>;
}

/**
 * Elements IAM refuses in a document of that kind with MalformedPolicyDocument ("Has prohibited
 * field …"): "AWS JSON policy elements: Principal" (not in an identity-based policy),
 * "NotPrincipal" (neither there nor in a role trust policy), and a trust policy's Resource.
 */
const PROHIBITED = { identity: ['Principal', 'NotPrincipal'], trust: ['NotPrincipal', 'Resource', 'NotResource'] } as const;

/** The document as IAM's Put…Policy / CreatePolicyVersion / UpdateAssumeRolePolicy would accept it, or MALFORMED_POLICY_DOCUMENT. */
function checkDocument(text: string, label: string, kind: 'identity' | 'trust'): void {
  for (const st of parseInput(text, label, kind === 'identity' ? 'identity' : 'resource').statements) {
    for (const field of PROHIBITED[kind]) {
      const at = st.source?.keys[field];
      if (at) throw new MalformedPolicyError(label, `Has prohibited field ${field}`, at.line, at.column);
    }
  }
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export function applyChanges(base: { model: AccountModel; estate: Estate }, facts: IamFacts, changes: readonly ChangeSpec[]): HypotheticalState {
  const principals = new Map(base.model.principals.map((p) => [p.arn, p]));
  const managed = new Map(facts.managed);
  const groups = new Map(facts.groups);
  const groupByName = new Map<string, FactGroup>();
  for (const g of facts.groups.values()) groupByName.set(`${g.accountId}\u0000${g.name}`, g);
  const own = new Map(facts.own);
  const ownCopied = new Set<string>();
  const groupCopied = new Set<string>();
  /** Users whose memberships changed: their groups' ARNs. */
  const memberships = new Map<string, Set<string>>();
  const boundaries = new Map<string, string | null>();
  const trust = new Map(base.estate.data.trustPolicies.map((t) => [t.arn, t.document]));
  /** Roles whose trust policy a change rewrote. */
  const trustRewritten = new Set<string>();
  const touchedPrincipals = new Set<string>();
  const touchedGroups = new Set<string>();
  const touchedManaged = new Set<string>();

  const groupsOf = (u: ModelPrincipal): Set<string> => {
    let set = memberships.get(u.arn);
    if (!set) {
      set = new Set();
      for (const name of u.groups) {
        const g = groupByName.get(`${u.accountId}\u0000${name}`);
        if (g) set.add(g.arn);
      }
    }
    return set;
  };
  const ownOf = (arn: string): FactOwnPolicies => {
    let o = own.get(arn);
    if (!ownCopied.has(arn)) {
      o = { inline: [...(o?.inline ?? [])], attached: [...(o?.attached ?? [])] };
      own.set(arn, o);
      ownCopied.add(arn);
    }
    return o!;
  };
  const groupOf = (arn: string): FactGroup => {
    let g = groups.get(arn)!;
    if (!groupCopied.has(arn)) {
      g = { ...g, inline: [...g.inline], attached: [...g.attached] };
      groups.set(arn, g);
      groupByName.set(`${g.accountId}\u0000${g.name}`, g);
      groupCopied.add(arn);
    }
    return g;
  };
  /** The policies of a user, role or group named by ARN, for writing; NOT_FOUND otherwise. */
  const ownerPolicies = (arn: string, label: string): { policies: FactOwnPolicies; ownerName: string } => {
    const p = principals.get(arn);
    if (p) {
      touchedPrincipals.add(arn);
      return { policies: ownOf(arn), ownerName: p.name };
    }
    if (groups.has(arn)) {
      touchedGroups.add(arn);
      const g = groupOf(arn);
      return { policies: g, ownerName: g.name };
    }
    throw new NotFoundError(`${label}: no stored user, group or role has the ARN ${quoted(arn)}`);
  };
  const managedPolicy = (arn: string, label: string): FactManagedPolicy => {
    const m = managed.get(arn);
    if (!m) throw new NotFoundError(`${label}: no stored managed policy has the ARN ${quoted(arn)}`);
    return m;
  };
  /**
   * A customer managed policy is attachable (and usable as a boundary) only in its own account;
   * AWS managed ones (`arn:aws:iam::aws:policy/…`) everywhere. IAM refuses the rest as a policy
   * that "does not exist or is not attachable".
   */
  const sameAccount = (policyArn: string, accountId: string | undefined, label: string) => {
    const policyAccount = accountOfArn(policyArn);
    if (policyAccount && policyAccount !== 'aws' && accountId && policyAccount !== accountId) {
      throw new InvalidQuestionError(
        `${label}: ${quoted(policyArn)} belongs to account ${policyAccount}: a customer managed policy is attachable only in its own account, not in ${accountId}`,
        { argumentName: label },
      );
    }
  };
  const accountOfOwner = (arn: string) => principals.get(arn)?.accountId ?? groups.get(arn)?.accountId;
  const principalOfType = (arn: string, label: string, type?: 'USER' | 'ROLE'): ModelPrincipal => {
    const p = principals.get(arn);
    if (!p || (type && p.type !== type))
      throw new NotFoundError(`${label}: no stored ${type === 'USER' ? 'user' : type === 'ROLE' ? 'role' : 'user or role'} has the ARN ${quoted(arn)}`);
    return p;
  };
  const group = (arn: string, label: string): FactGroup => {
    const g = groups.get(arn);
    if (!g) throw new NotFoundError(`${label}: no stored group has the ARN ${quoted(arn)}`);
    return g;
  };
  const splitInline = (id: string): { owner: string; name: string } | undefined => {
    const at = id.lastIndexOf('#');
    return at > 0 && at < id.length - 1 ? { owner: id.slice(0, at), name: id.slice(at + 1) } : undefined;
  };

  changes.forEach((change, i) => {
    const set = CHANGE_KINDS.filter((k) => change[k] !== undefined && change[k] !== null);
    if (set.length !== 1) {
      throw new InvalidQuestionError(
        `changes[${i}] must set exactly one of ${CHANGE_KINDS.join(', ')}; it sets ${set.length === 0 ? 'none' : set.join(', ')}`,
        {
          argumentName: `changes[${i}]`,
        },
      );
    }
    const kind = set[0];
    const label = `changes[${i}].${kind}`;
    switch (kind) {
      case 'attachPolicy':
      case 'detachPolicy': {
        const { policyArn, targetArn } = change[kind]!;
        managedPolicy(policyArn, `${label}.policyArn`);
        const { policies } = ownerPolicies(targetArn, `${label}.targetArn`);
        const at = policies.attached.indexOf(policyArn);
        if (kind === 'attachPolicy') {
          sameAccount(policyArn, accountOfOwner(targetArn), label);
          if (at < 0) {
            policies.attached.push(policyArn);
            policies.attached.sort();
          }
        } else {
          if (at < 0) throw new NotFoundError(`${label}: ${quoted(policyArn)} is not attached to ${quoted(targetArn)}`);
          policies.attached.splice(at, 1);
        }
        break;
      }
      case 'putPolicy': {
        const { policyId, document } = change.putPolicy!;
        checkDocument(document, `${label}.document`, 'identity');
        const inline = policyId.startsWith('arn:') && !policyId.includes('#') ? undefined : splitInline(policyId);
        if (!inline) {
          // CreatePolicyVersion with SetAsDefault: the new text is the default version.
          const m = managedPolicy(policyId, `${label}.policyId`);
          managed.set(policyId, { ...m, versionId: `what-if-${i}`, document });
          touchedManaged.add(policyId);
        } else {
          const { policies, ownerName } = ownerPolicies(inline.owner, `${label}.policyId`);
          const entry: ModelPolicy = { id: policyId, name: `${ownerName}/${inline.name}`, kind: 'INLINE', document };
          const at = policies.inline.findIndex((p) => p.id === policyId);
          if (at >= 0) policies.inline[at] = entry;
          else {
            policies.inline.push(entry);
            policies.inline.sort(byKey((p) => p.id));
          }
        }
        break;
      }
      case 'deletePolicy': {
        const { policyId } = change.deletePolicy!;
        const inline = policyId.startsWith('arn:') && !policyId.includes('#') ? undefined : splitInline(policyId);
        if (!inline) {
          managedPolicy(policyId, `${label}.policyId`);
          managed.delete(policyId);
          touchedManaged.add(policyId);
          // DeletePolicy needs the policy detached from everything first: the state after it.
          for (const [arn, o] of own) if (o.attached.includes(policyId)) ownOf(arn).attached = ownOf(arn).attached.filter((a) => a !== policyId);
          for (const [arn, g] of groups) if (g.attached.includes(policyId)) groupOf(arn).attached = groupOf(arn).attached.filter((a) => a !== policyId);
          for (const p of principals.values()) if (p.permissionsBoundary?.arn === policyId && !boundaries.has(p.arn)) boundaries.set(p.arn, null);
          for (const [arn, b] of boundaries) if (b === policyId) boundaries.set(arn, null);
        } else {
          const { policies } = ownerPolicies(inline.owner, `${label}.policyId`);
          const at = policies.inline.findIndex((p) => p.id === policyId);
          if (at < 0) throw new NotFoundError(`${label}: no inline policy ${quoted(policyId)}`);
          policies.inline.splice(at, 1);
        }
        break;
      }
      case 'setPermissionsBoundary': {
        const { principalArn, policyArn } = change.setPermissionsBoundary!;
        const p = principalOfType(principalArn, `${label}.principalArn`);
        if (policyArn) {
          managedPolicy(policyArn, `${label}.policyArn`);
          sameAccount(policyArn, p.accountId, label);
        }
        boundaries.set(principalArn, policyArn ?? null);
        touchedPrincipals.add(principalArn);
        break;
      }
      case 'addUserToGroup':
      case 'removeUserFromGroup': {
        const { userArn, groupArn } = change[kind]!;
        const u = principalOfType(userArn, `${label}.userArn`, 'USER');
        const g = group(groupArn, `${label}.groupArn`);
        if (g.accountId !== u.accountId) {
          throw new InvalidQuestionError(`${label}: a user can be in a group of its own account only (${u.accountId}, not ${g.accountId})`, {
            argumentName: label,
          });
        }
        const mine = groupsOf(u);
        if (kind === 'addUserToGroup') mine.add(groupArn);
        else if (!mine.delete(groupArn)) throw new NotFoundError(`${label}: ${quoted(userArn)} is not a member of ${quoted(groupArn)}`);
        memberships.set(userArn, mine);
        touchedPrincipals.add(userArn);
        break;
      }
      case 'putTrustPolicy': {
        const { roleArn, document } = change.putTrustPolicy!;
        principalOfType(roleArn, `${label}.roleArn`, 'ROLE');
        checkDocument(document, `${label}.document`, 'trust');
        trust.set(roleArn, document);
        trustRewritten.add(roleArn);
        break;
      }
    }
  });

  // Resolve again every principal a change reaches: itself, as a member of a changed group, or
  // through a managed policy that changed (attached directly, through a group, or as its boundary).
  const touched = new Set<string>();
  const principalsOut = base.model.principals.map((p) => {
    const groupArns = p.type === 'USER' ? groupsOf(p) : new Set<string>();
    let reached = touchedPrincipals.has(p.arn);
    if (!reached) for (const g of groupArns) if (touchedGroups.has(g)) reached = true;
    if (!reached && touchedManaged.size > 0) {
      reached =
        p.policies.some((x) => x.arn !== undefined && touchedManaged.has(x.arn)) ||
        p.missingPolicies.some((a) => touchedManaged.has(a)) ||
        (p.permissionsBoundary !== undefined && touchedManaged.has(p.permissionsBoundary.arn)) ||
        [...(own.get(p.arn)?.attached ?? [])].some((a) => touchedManaged.has(a)) ||
        [...groupArns].some((g) => groups.get(g)!.attached.some((a) => touchedManaged.has(a)));
    }
    if (!reached && boundaries.has(p.arn)) reached = true;
    if (!reached) return p;
    touched.add(p.arn);
    const memberOf = [...groupArns].map((g) => groups.get(g)!).filter((g) => g !== undefined);
    const { policies, missingPolicies } = resolvePrincipalPolicies(own.get(p.arn), memberOf, managed);
    const boundaryArn = boundaries.has(p.arn) ? boundaries.get(p.arn)! : (p.permissionsBoundary?.arn ?? null);
    let permissionsBoundary: ModelBoundary | undefined;
    if (boundaryArn !== null) {
      const m = managed.get(boundaryArn);
      const e = m ? managedPolicyEntry(m) : undefined;
      permissionsBoundary = e
        ? { id: e.id, name: e.name, arn: boundaryArn, document: e.document }
        : { name: m?.name ?? boundaryArn.slice(boundaryArn.lastIndexOf('/') + 1), arn: boundaryArn, document: null };
    }
    const out: ModelPrincipal = {
      ...p,
      groups: memberOf.map((g) => g.name).sort(),
      policies,
      missingPolicies,
    };
    if (permissionsBoundary) out.permissionsBoundary = permissionsBoundary;
    else delete out.permissionsBoundary;
    return out;
  });
  const model: AccountModel = { ...base.model, modelVersion: `${base.model.modelVersion}+what-if`, principals: principalsOut };
  const estate =
    trustRewritten.size > 0 ? buildEstate({ ...base.estate.data, trustPolicies: [...trust].map(([arn, document]) => ({ arn, document })) }) : base.estate;
  // (Only the rewritten roles: comparing every role's text with a search of the old list was
  // quadratic in the account's roles.)
  if (trustRewritten.size > 0) {
    const before = new Map(base.estate.data.trustPolicies.filter((t) => trustRewritten.has(t.arn)).map((t) => [t.arn, t.document]));
    for (const arn of trustRewritten) if (before.get(arn) !== trust.get(arn)) touched.add(arn);
  }
  return { model, estate, touched };
}

/**
 * One what-if question: the hypothetical state, its index (reusing the latest index's compiled
 * policies) and its diff against the latest state — each built on first need, then shared.
 */
export class WhatIfSession {
  private builtIndex: AccessIndex | undefined;
  private builtDiff: DiffResult | undefined;
  readonly hypothetical: HypotheticalState;

  constructor(
    readonly latest: { model: AccountModel; estate: Estate; index: AccessIndex },
    facts: IamFacts,
    changes: readonly ChangeSpec[],
  ) {
    this.hypothetical = applyChanges(latest, facts, changes);
  }

  index(): AccessIndex {
    return (this.builtIndex ??= new AccessIndex(this.hypothetical.model, this.hypothetical.estate, { reuse: this.latest.index }));
  }

  diff(options: DiffOptions = {}): DiffResult {
    return (this.builtDiff ??= accessChanges(this.latest, { model: this.hypothetical.model, estate: this.hypothetical.estate, index: this.index() }, options));
  }
}
