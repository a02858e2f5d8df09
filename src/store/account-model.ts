/**
 * Everything the access evaluator needs, loaded into memory in one read transaction: each
 * principal with its identity policies resolved as the contract's Semantics define them, its
 * permissions boundary, its tags; and the tagged resources.
 *
 * A principal's identity policies: its inline policies, the DEFAULT version of each managed
 * policy attached to it, and for a user the inline and attached policies of each of its groups.
 * Non-default versions never take part. Document texts are shared between principals (one string
 * per document), and each document has a stable `id` so compiled forms can be cached across
 * principals and across loads; `modelVersion` changes with every import.
 *
 * The live tables give the facts (`loadAccountFacts`); `buildAccountModel` (pure, shared with the
 * history of past snapshots) turns them into the model.
 */
import { dataVersion, type Store } from './db.js';
import { buildAccountModel, loadAccountFacts, type AccountModel } from './account-facts.js';

export type { AccountModel, ModelBoundary, ModelPolicy, ModelPrincipal, ModelResource } from './account-facts.js';

/** The store's current model version without loading the model (for cache checks). */
export function modelVersion(store: Store): string {
  return dataVersion(store);
}

export function loadAccountModel(store: Store): AccountModel {
  const { db } = store;
  // One read transaction: a concurrent import (another process, WAL) is either wholly in or out.
  return db.transaction((): AccountModel => buildAccountModel(loadAccountFacts(db), dataVersion(store))).deferred();
}
