/**
 * The write side of history: after an import has written the live tables (inside its
 * transaction), each entity the access model and the estate read — principal, group, managed
 * policy, resource, resource policy, the organization, its nodes and its policies — is compared,
 * by content hash, with its open history row. Only what changed is written: the old row gets
 * `valid_to` (the new snapshot id), a new row opens at `valid_from` = the snapshot id, and its
 * content is stored once per distinct content (content-addressed, deflated). A re-import of
 * identical data writes no history row at all.
 *
 * An entity's row is valid for snapshots valid_from ≤ s < valid_to (valid_to NULL: still open).
 */
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { loadAccountFacts } from './account-facts.js';

/** Entity kinds of the history table (small integers: the table holds one per row). Never renumber. */
export const KIND = {
  principal: 1,
  group: 2,
  policy: 3,
  resource: 4,
  resourcePolicy: 5,
  organization: 6,
  orgNode: 7,
  orgPolicy: 8,
} as const;
export type HistoryKind = (typeof KIND)[keyof typeof KIND];

/** A resource-based policy as history keeps it (role trust policies live on their role). */
export interface ResourcePolicyFacts {
  arn: string;
  /** COALESCE(the ARN's account, the ResourceOwner given). */
  ownerAccountId: string | null;
  document: string;
}

export interface OrganizationFacts {
  id: string;
  arn: string | null;
  featureSet: string | null;
  managementAccountId: string;
}

export interface OrgNodeFacts {
  id: string;
  kind: 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';
  parentId: string | null;
  name: string | null;
  arn: string | null;
  email: string | null;
  status: string | null;
  /** list-roots' PolicyTypes as the JSON text stored, or null. */
  policyTypes: string | null;
  /** Order in the organization document. */
  pos: number;
}

export interface OrgPolicyFacts {
  id: string;
  name: string;
  arn: string | null;
  type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';
  awsManaged: boolean;
  document: string;
  /** Sorted. */
  targets: string[];
  pos: number;
}

interface Entity {
  kind: HistoryKind;
  key: string;
  json: string;
}

/** Blob format byte: 1 = raw deflate of the UTF-8 JSON. A later format gets a new byte. */
const FORMAT_DEFLATE_RAW = 1;

/**
 * Every entity of the live tables, serialized. Call inside the transaction. Each query is read
 * whole before anything is yielded: the caller writes between yields, which an open cursor on
 * the same connection would refuse.
 */
export function* liveEntities(db: Database.Database): Generator<Entity> {
  const facts = loadAccountFacts(db);
  for (const p of facts.principals) yield { kind: KIND.principal, key: p.arn, json: JSON.stringify(p) };
  for (const g of facts.groups) yield { kind: KIND.group, key: g.arn, json: JSON.stringify(g) };
  for (const p of facts.policies) yield { kind: KIND.policy, key: p.arn, json: JSON.stringify(p) };
  for (const r of facts.resources) yield { kind: KIND.resource, key: r.arn, json: JSON.stringify(r) };
  for (const r of db.prepare('SELECT arn, COALESCE(account_id, owner_account_id) AS owner, policy FROM resource_policies').all() as Iterable<{
    arn: string;
    owner: string | null;
    policy: string;
  }>) {
    const f: ResourcePolicyFacts = { arn: r.arn, ownerAccountId: r.owner, document: r.policy };
    yield { kind: KIND.resourcePolicy, key: r.arn, json: JSON.stringify(f) };
  }
  const o = db.prepare('SELECT id, arn, feature_set, master_account_id FROM org_organization').get() as
    { id: string; arn: string | null; feature_set: string | null; master_account_id: string } | undefined;
  if (o) {
    const f: OrganizationFacts = { id: o.id, arn: o.arn, featureSet: o.feature_set, managementAccountId: o.master_account_id };
    yield { kind: KIND.organization, key: '', json: JSON.stringify(f) };
  }
  for (const n of db.prepare('SELECT id, kind, parent_id, name, arn, email, status, policy_types, pos FROM org_nodes').all() as Iterable<{
    id: string;
    kind: OrgNodeFacts['kind'];
    parent_id: string | null;
    name: string | null;
    arn: string | null;
    email: string | null;
    status: string | null;
    policy_types: string | null;
    pos: number;
  }>) {
    const f: OrgNodeFacts = {
      id: n.id,
      kind: n.kind,
      parentId: n.parent_id,
      name: n.name,
      arn: n.arn,
      email: n.email,
      status: n.status,
      policyTypes: n.policy_types,
      pos: n.pos,
    };
    yield { kind: KIND.orgNode, key: n.id, json: JSON.stringify(f) };
  }
  const targets = new Map<string, string[]>();
  for (const [policy, target] of db.prepare('SELECT policy_id, target_id FROM org_policy_targets ORDER BY policy_id, target_id').raw().all() as Iterable<
    [string, string]
  >) {
    let l = targets.get(policy);
    if (!l) targets.set(policy, (l = []));
    l.push(target);
  }
  for (const p of db.prepare('SELECT id, name, arn, type, aws_managed, content, pos FROM org_policies').all() as Iterable<{
    id: string;
    name: string;
    arn: string | null;
    type: OrgPolicyFacts['type'];
    aws_managed: number;
    content: string;
    pos: number;
  }>) {
    const f: OrgPolicyFacts = {
      id: p.id,
      name: p.name,
      arn: p.arn,
      type: p.type,
      awsManaged: p.aws_managed === 1,
      document: p.content,
      targets: targets.get(p.id) ?? [],
      pos: p.pos,
    };
    yield { kind: KIND.orgPolicy, key: p.id, json: JSON.stringify(f) };
  }
}

export interface HistoryWriteResult {
  /** Entity versions opened (new or changed entities). */
  opened: number;
  /** Entity versions closed (changed or deleted entities). */
  closed: number;
  /** Distinct contents stored for the first time. */
  blobs: number;
}

/**
 * Records the live state as snapshot `snapshotId`: call inside the import's transaction, after
 * every file was written. Entities whose content did not change are not written.
 */
export function recordHistory(db: Database.Database, snapshotId: number): HistoryWriteResult {
  const open = new Map<string, Buffer>();
  for (const [kind, key, hash] of db.prepare('SELECT kind, key, hash FROM history WHERE valid_to IS NULL').raw().iterate() as Iterable<
    [number, string, Buffer]
  >) {
    open.set(`${kind}\u0000${key}`, hash);
  }
  const close = db.prepare('UPDATE history SET valid_to = ? WHERE kind = ? AND key = ? AND valid_to IS NULL');
  const insert = db.prepare('INSERT INTO history (kind, key, valid_from, valid_to, hash) VALUES (?, ?, ?, NULL, ?)');
  const hasBlob = db.prepare('SELECT 1 FROM history_blobs WHERE hash = ?').pluck();
  const insertBlob = db.prepare('INSERT INTO history_blobs (hash, data) VALUES (?, ?)');
  const out: HistoryWriteResult = { opened: 0, closed: 0, blobs: 0 };
  for (const e of liveEntities(db)) {
    const hash = contentHash(e.json);
    const id = `${e.kind}\u0000${e.key}`;
    const before = open.get(id);
    open.delete(id);
    if (before && before.equals(hash)) continue;
    if (before) {
      close.run(snapshotId, e.kind, e.key);
      out.closed++;
    }
    if (hasBlob.get(hash) === undefined) {
      insertBlob.run(hash, encodeBlob(e.json));
      out.blobs++;
    }
    insert.run(e.kind, e.key, snapshotId, hash);
    out.opened++;
  }
  // What is left open was deleted by this import.
  for (const id of open.keys()) {
    const at = id.indexOf('\u0000');
    close.run(snapshotId, Number(id.slice(0, at)), id.slice(at + 1));
    out.closed++;
  }
  return out;
}

/** 128 bits of SHA-256: content addresses, not a security boundary. */
function contentHash(json: string): Buffer {
  return createHash('sha256').update(json).digest().subarray(0, 16);
}

function encodeBlob(json: string): Buffer {
  // Level 1: on a first large import (72 MB of entity JSON) 1.8 s of CPU instead of 3.0 s at the
  // default level 6, for 25.4 MB stored instead of 23.7 MB; inflating reads either. A 4 KB window
  // and a smaller hash (entities average 1.1 KB) take 1.46 s instead of 1.8 s for the same 25.4 MB:
  // most of the cost is setting up each call's state. Inflate's default 32 KB window reads them.
  const body = deflateRawSync(Buffer.from(json, 'utf8'), { level: 1, windowBits: 12, memLevel: 6 });
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = FORMAT_DEFLATE_RAW;
  body.copy(out, 1);
  return out;
}

/**
 * Migration 6 on a database that already holds imports: the live state becomes the history of
 * the latest snapshot (earlier ones were never kept: they are marked so).
 */
export function recordBaseline(db: Database.Database): void {
  const latest = db.prepare('SELECT MAX(id) FROM snapshots').pluck().get() as number | null;
  if (latest === null) return;
  db.prepare('UPDATE snapshots SET history = 0 WHERE id < ?').run(latest);
  recordHistory(db, latest);
}
