/** The storage layer: one SQLite file, importers for AWS output, and the read side. */
export { openStore, writeTransaction, dataVersion, schemaVersion, type Store, type OpenStoreOptions } from './db.js';
export { StoreError, StoreBusyError, StoreVersionError, CursorError, ImportError, SnapshotNotFoundError } from './errors.js';
export { importFiles, detectFormat, STANDALONE_POLICY_ARN_PREFIX, inlinePolicyKey } from './import/index.js';
export type { ImportFile, ImportFormat, ImportOptions, ImportRepair, ImportResult } from './import/index.js';
export { seedStore, isSeeded, seedFiles, SEED_LABEL } from './seed.js';
export { loadAccountModel, modelVersion } from './account-model.js';
export type { AccountModel, ModelPolicy, ModelPrincipal, ModelResource, ModelBoundary } from './account-model.js';
export { parseArn, resourceTypeOf, type ParsedArn } from './arn.js';
export * from './queries/index.js';
export { buildEstate, loadEstate, loadEstateData, s3BucketOf, RCP_FULL_AWS_ACCESS, SCP_FULL_AWS_ACCESS } from './estate-model.js';
export type { Estate, EstateData, EstateOrgNode, EstateOrgPolicy, PolicyLevel, LevelPolicy, AccountPlacement, ResourceFacts } from './estate-model.js';
export { loadWorkloads } from './workloads.js';
export { emptyWorkloadState, knows } from './workload-model.js';
export type { WorkloadState, Workload, WorkloadKind, WorkloadSource, CredentialFacts } from './workload-model.js';
export { loadSnapshotModel, loadSnapshotFacts, latestSnapshotId, checkSnapshot, pruneHistory, changedEntities } from './history.js';
export type { SnapshotModel, SnapshotFacts, PruneResult, ChangedEntity } from './history.js';
export { KIND as HISTORY_KIND } from './history-write.js';
