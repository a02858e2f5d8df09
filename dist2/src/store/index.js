/** The storage layer: one SQLite file, importers for AWS output, and the read side. */
export { openStore, writeTransaction, dataVersion, schemaVersion } from './db.js';
export { StoreError, StoreBusyError, StoreVersionError, CursorError, ImportError } from './errors.js';
export { importFiles, detectFormat, STANDALONE_POLICY_ARN_PREFIX, inlinePolicyKey } from './import/index.js';
export { seedStore, isSeeded, seedFiles, SEED_LABEL } from './seed.js';
export { loadAccountModel, modelVersion } from './account-model.js';
export { parseArn, resourceTypeOf } from './arn.js';
export * from './queries/index.js';
export { buildEstate, loadEstate, loadEstateData, isServiceLinkedRoleArn, s3BucketOf, RCP_FULL_AWS_ACCESS, SCP_FULL_AWS_ACCESS } from './estate-model.js';
//# sourceMappingURL=index.js.map