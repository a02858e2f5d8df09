/**
 * Reading any kept snapshot, and retention.
 *
 * `loadSnapshotModel(store, id)` rebuilds the access model and the estate as they were right
 * after import `id`, from the history rows valid at that snapshot (see history-write.ts), with the
 * same pure builders the live state uses (`buildAccountModel`, `buildEstate`).
 *
 * Retention (`pruneHistory`): keeping the newest N snapshots drops every entity version that was
 * valid only before the oldest kept one, and the contents nothing refers to any more. The
 * snapshot rows stay (the import log) with `pruned_at` set.
 */
import { inflateRawSync } from 'node:zlib';
import type { Store } from './db.js';
import { SnapshotNotFoundError, StoreError } from './errors.js';
import {
  buildAccountModel,
  byString,
  loadAccountFacts,
  sortFacts,
  type AccountFacts,
  type AccountModel,
  type GroupFacts,
  type PolicyFacts,
  type PrincipalFacts,
  type ResourceRowFacts,
} from './account-facts.js';
import { buildEstate, loadEstateData, type Estate, type EstateData } from './estate-model.js';
import { KIND, type OrganizationFacts, type OrgNodeFacts, type OrgPolicyFacts, type ResourcePolicyFacts } from './history-write.js';

export interface SnapshotFacts {
  snapshotId: number;
  account: AccountFacts;
  estate: EstateData;
}

export interface SnapshotModel {
  model: AccountModel;
  estate: Estate;
}

/** The newest snapshot's id (the live tables' state), or null before the first import. */
export function latestSnapshotId(store: Store): number | null {
  return (store.db.prepare('SELECT MAX(id) FROM snapshots').pluck().get() as number | null) ?? null;
}

/** Throws SnapshotNotFoundError unless the snapshot's state can be rebuilt. */
export function checkSnapshot(store: Store, snapshotId: number): void {
  const row = store.db.prepare('SELECT history, pruned_at FROM snapshots WHERE id = ?').get(snapshotId) as
    { history: number; pruned_at: string | null } | undefined;
  if (!row) throw new SnapshotNotFoundError(snapshotId, 'UNKNOWN');
  if (row.pruned_at !== null) throw new SnapshotNotFoundError(snapshotId, 'PRUNED');
  if (row.history !== 1) throw new SnapshotNotFoundError(snapshotId, 'NOT_RECORDED');
}

/** The facts valid at a snapshot, in one read transaction. */
export function loadSnapshotFacts(store: Store, snapshotId: number): SnapshotFacts {
  if (!Number.isSafeInteger(snapshotId)) throw new SnapshotNotFoundError(snapshotId, 'UNKNOWN');
  const { db } = store;
  return db
    .transaction((): SnapshotFacts => {
      checkSnapshot(store, snapshotId);
      const account: AccountFacts = { principals: [], groups: [], policies: [], resources: [] };
      let organization: OrganizationFacts | null = null;
      const nodes: OrgNodeFacts[] = [];
      const orgPolicies: OrgPolicyFacts[] = [];
      const resourcePolicies: ResourcePolicyFacts[] = [];
      const rows = db
        .prepare(
          `SELECT h.kind, b.data FROM history h JOIN history_blobs b ON b.hash = h.hash
            WHERE h.valid_from <= ? AND (h.valid_to IS NULL OR h.valid_to > ?)`,
        )
        .raw()
        .iterate(snapshotId, snapshotId) as Iterable<[number, Buffer]>;
      for (const [kind, data] of rows) {
        const facts = decodeBlob(data);
        switch (kind) {
          case KIND.principal:
            account.principals.push(facts as PrincipalFacts);
            break;
          case KIND.group:
            account.groups.push(facts as GroupFacts);
            break;
          case KIND.policy:
            account.policies.push(facts as PolicyFacts);
            break;
          case KIND.resource:
            account.resources.push(facts as ResourceRowFacts);
            break;
          case KIND.resourcePolicy:
            resourcePolicies.push(facts as ResourcePolicyFacts);
            break;
          case KIND.organization:
            organization = facts as OrganizationFacts;
            break;
          case KIND.orgNode:
            nodes.push(facts as OrgNodeFacts);
            break;
          case KIND.orgPolicy:
            orgPolicies.push(facts as OrgPolicyFacts);
            break;
          default:
            throw new StoreError(`history holds an entity kind this accessql does not know (${kind}); was the database written by a newer version?`);
        }
      }
      sortFacts(account);
      return { snapshotId, account, estate: estateData(account, organization, nodes, orgPolicies, resourcePolicies) };
    })
    .deferred();
}

/**
 * The access model and the estate as they were right after import `snapshotId`. The latest
 * snapshot is the live tables' state (the history tests hold them equal), which read faster.
 */
export function loadSnapshotModel(store: Store, snapshotId: number): SnapshotModel {
  const { db } = store;
  return db
    .transaction((): SnapshotModel => {
      const version = `snapshot:${snapshotId}`;
      if (snapshotId === latestSnapshotId(store)) {
        return { model: buildAccountModel(loadAccountFacts(db), version), estate: buildEstate(loadEstateData(store)) };
      }
      const facts = loadSnapshotFacts(store, snapshotId);
      return { model: buildAccountModel(facts.account, version), estate: buildEstate(facts.estate) };
    })
    .deferred();
}

/** EstateData (as loadEstateData reads it from the live tables) from a snapshot's facts. */
function estateData(
  account: AccountFacts,
  organization: OrganizationFacts | null,
  nodes: OrgNodeFacts[],
  policies: OrgPolicyFacts[],
  resourcePolicies: ResourcePolicyFacts[],
): EstateData {
  nodes.sort((a, b) => a.pos - b.pos);
  policies.sort((a, b) => a.pos - b.pos);
  resourcePolicies.sort((a, b) => byString(a.arn, b.arn));
  return {
    organization: organization
      ? { id: organization.id, arn: organization.arn, featureSet: organization.featureSet, managementAccountId: organization.managementAccountId }
      : null,
    nodes: nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      parentId: n.parentId,
      name: n.name,
      arn: n.arn,
      email: n.email,
      status: n.status,
      policyTypes: n.policyTypes ? (JSON.parse(n.policyTypes) as { Type?: string; Status?: string }[]) : null,
    })),
    policies: policies.map((p) => ({
      id: p.id,
      name: p.name,
      arn: p.arn,
      type: p.type,
      awsManaged: p.awsManaged,
      document: p.document,
      targets: p.targets,
    })),
    resourcePolicies: resourcePolicies.map((r) => ({ arn: r.arn, ownerAccountId: r.ownerAccountId, document: r.document })),
    listedOwners: account.resources
      .filter((r) => r.accountId === null && r.ownerAccountId !== null)
      .map((r) => ({ arn: r.arn, ownerAccountId: r.ownerAccountId! })),
    trustPolicies: account.principals.filter((p) => p.type === 'ROLE' && p.trustPolicy !== null).map((p) => ({ arn: p.arn, document: p.trustPolicy! })),
  };
}

function decodeBlob(data: Buffer): unknown {
  if (data[0] !== 1) throw new StoreError(`history content in an unknown format (${data[0]}); was the database written by a newer version?`);
  return JSON.parse(inflateRawSync(data.subarray(1)).toString('utf8'));
}

/** An entity that changed between two snapshots: kind (see KIND), key (ARN, org node or policy id, '' for the organization). */
export interface ChangedEntity {
  kind: number;
  key: string;
}

/**
 * The entities whose content differs between snapshots `from` and `to` (either order): added,
 * changed or deleted in between. Reads only the history keys, not contents: what changed
 * (accessChanges) can be found without loading either state. Both snapshots must be kept.
 */
export function changedEntities(store: Store, from: number, to: number): ChangedEntity[] {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  const { db } = store;
  return db
    .transaction((): ChangedEntity[] => {
      checkSnapshot(store, lo);
      checkSnapshot(store, hi);
      // A version opened or closed after lo and no later than hi: the entity was not the same at both.
      // One that opened and closed inside (lo, hi] and came back to lo's content is listed too (harmless).
      return db
        .prepare(
          `SELECT DISTINCT kind, key FROM history
            WHERE (valid_from > @lo AND valid_from <= @hi) OR (valid_to > @lo AND valid_to <= @hi) ORDER BY kind, key`,
        )
        .all({ lo, hi }) as ChangedEntity[];
    })
    .deferred();
}

export interface PruneResult {
  /** Snapshot ids whose history this call removed, ascending. */
  pruned: number[];
  /** Snapshot ids still kept, ascending. */
  kept: number[];
  /** Entity versions and distinct contents deleted. */
  entityVersions: number;
  contents: number;
}

/**
 * Keeps the history of the newest `keep` snapshots (at least 1: the latest is the live state).
 * Call inside a write transaction.
 */
export function pruneHistory(store: Store, keep: number): PruneResult {
  if (!Number.isSafeInteger(keep) || keep < 1) throw new StoreError(`keep must be a whole number of snapshots, at least 1 (got ${keep})`, 'BAD_USER_INPUT');
  const { db } = store;
  const ids = db.prepare('SELECT id FROM snapshots WHERE history = 1 AND pruned_at IS NULL ORDER BY id DESC').pluck().all() as number[];
  const kept = ids.slice(0, keep).reverse();
  const pruned = ids.slice(keep).reverse();
  if (pruned.length === 0) return { pruned, kept, entityVersions: 0, contents: 0 };
  const oldestKept = kept[0];
  const entityVersions = db.prepare('DELETE FROM history WHERE valid_to IS NOT NULL AND valid_to <= ?').run(oldestKept).changes;
  const contents = entityVersions > 0 ? db.prepare('DELETE FROM history_blobs WHERE hash NOT IN (SELECT hash FROM history)').run().changes : 0;
  db.prepare('UPDATE snapshots SET history = 0, pruned_at = ? WHERE history = 1 AND pruned_at IS NULL AND id < ?').run(new Date().toISOString(), oldestKept);
  return { pruned, kept, entityVersions, contents };
}
