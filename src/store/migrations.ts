/**
 * The schema, as an ordered list of migrations. A migration is never edited once released: a
 * change is a new entry at the end. `openStore` applies the ones a database has not seen, each in
 * its own transaction, and records it in `schema_migrations`.
 *
 * Design notes (why the tables look like this):
 * - Surrogate integer ids are internal. What users see and what stays stable across re-imports is
 *   natural: ARNs, and for inline policies (which have no ARN) `key` = `<owner ARN>#<policy name>`.
 *   Re-importing an account deletes and re-inserts its rows, so integer ids may change.
 * - Group memberships are stored as (user, account, group NAME) — exactly what UserDetail.GroupList
 *   says — and attachments as (owner, policy ARN). Joins resolve them, so replacing an account's
 *   groups or policies (or importing them in a later page) never loses the user side of the link,
 *   and an attachment to a policy that was not imported keeps its ARN.
 * - Statements are normalized (one row per statement of every inline policy and every managed
 *   policy version, child rows for actions, resources and conditions) so that SQL can answer
 *   "which statements mention connect:*" without parsing documents. The document text itself is
 *   kept verbatim too: statement line/column point into it, and the evaluator reads it.
 */
import type Database from 'better-sqlite3';
import { recordBaseline } from './history-write.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot express, run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial model',
    sql: `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per importFiles call. files: JSON [{name, format}], counts: JSON ImportResult counts.
CREATE TABLE snapshots (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  label       TEXT,
  files       TEXT NOT NULL,
  counts      TEXT
);

CREATE TABLE accounts (
  id                    TEXT PRIMARY KEY,
  iam_snapshot_id       INTEGER,
  resources_snapshot_id INTEGER
) WITHOUT ROWID;

-- IAM users and roles (the principals of the contract; groups are not principals).
CREATE TABLE principals (
  id                        INTEGER PRIMARY KEY,
  arn                       TEXT NOT NULL UNIQUE,
  type                      TEXT NOT NULL CHECK (type IN ('USER', 'ROLE')),
  name                      TEXT NOT NULL,
  path                      TEXT NOT NULL DEFAULT '/',
  unique_id                 TEXT,
  account_id                TEXT NOT NULL REFERENCES accounts(id),
  create_date               TEXT,
  permissions_boundary_arn  TEXT,
  permissions_boundary_type TEXT,
  trust_policy              TEXT,     -- roles: AssumeRolePolicyDocument text (decoded / pretty-printed)
  description               TEXT,
  max_session_duration      INTEGER,
  role_last_used            TEXT,     -- roles: RoleLastUsed as JSON
  instance_profiles         TEXT,     -- roles: InstanceProfileList ARNs as JSON
  snapshot_id               INTEGER NOT NULL
);
CREATE INDEX principals_account ON principals (account_id, type);
CREATE INDEX principals_type_arn ON principals (type, arn);
CREATE INDEX principals_boundary ON principals (permissions_boundary_arn) WHERE permissions_boundary_arn IS NOT NULL;

CREATE TABLE principal_tags (
  principal_id INTEGER NOT NULL REFERENCES principals(id) ON DELETE CASCADE,
  key          TEXT NOT NULL,
  value        TEXT NOT NULL,
  PRIMARY KEY (principal_id, key)
) WITHOUT ROWID;
CREATE INDEX principal_tags_kv ON principal_tags (key, value);

CREATE TABLE iam_groups (
  id          INTEGER PRIMARY KEY,
  arn         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  path        TEXT NOT NULL DEFAULT '/',
  unique_id   TEXT,
  account_id  TEXT NOT NULL REFERENCES accounts(id),
  create_date TEXT,
  snapshot_id INTEGER NOT NULL,
  UNIQUE (account_id, name)
);

CREATE TABLE group_members (
  principal_id INTEGER NOT NULL REFERENCES principals(id) ON DELETE CASCADE,
  account_id   TEXT NOT NULL,
  group_name   TEXT NOT NULL,
  PRIMARY KEY (principal_id, group_name)
) WITHOUT ROWID;
CREATE INDEX group_members_group ON group_members (account_id, group_name);

-- Managed policies: AWS managed (global: account_id NULL) and customer managed. A standalone
-- policy (a single document imported from a file) is customer-managed-like with standalone = 1.
-- A stub is a policy known only from an attachment or a permissions boundary: no versions.
CREATE TABLE policies (
  id                               INTEGER PRIMARY KEY,
  arn                              TEXT NOT NULL UNIQUE,
  name                             TEXT NOT NULL,
  path                             TEXT,
  unique_id                        TEXT,
  kind                             TEXT NOT NULL CHECK (kind IN ('AWS_MANAGED', 'CUSTOMER_MANAGED')),
  account_id                       TEXT REFERENCES accounts(id),
  standalone                       INTEGER NOT NULL DEFAULT 0,
  stub                             INTEGER NOT NULL DEFAULT 0,
  default_version_id               TEXT,
  attachment_count                 INTEGER,
  permissions_boundary_usage_count INTEGER,
  is_attachable                    INTEGER,
  description                      TEXT,
  create_date                      TEXT,
  update_date                      TEXT,
  source_file                      TEXT,
  snapshot_id                      INTEGER NOT NULL
);
CREATE INDEX policies_kind_arn ON policies (kind, arn);
CREATE INDEX policies_account ON policies (account_id, kind);

CREATE TABLE policy_versions (
  id          INTEGER PRIMARY KEY,
  policy_id   INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  version_id  TEXT NOT NULL,
  is_default  INTEGER NOT NULL,
  create_date TEXT,
  document    TEXT NOT NULL,
  UNIQUE (policy_id, version_id)
);
CREATE INDEX policy_versions_default ON policy_versions (policy_id) WHERE is_default = 1;

CREATE TABLE inline_policies (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL UNIQUE,      -- <owner ARN>#<policy name>: stable across re-imports
  owner_kind   TEXT NOT NULL CHECK (owner_kind IN ('USER', 'GROUP', 'ROLE')),
  principal_id INTEGER REFERENCES principals(id) ON DELETE CASCADE,
  group_id     INTEGER REFERENCES iam_groups(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  document     TEXT NOT NULL,
  CHECK ((principal_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX inline_policies_principal ON inline_policies (principal_id) WHERE principal_id IS NOT NULL;
CREATE INDEX inline_policies_group ON inline_policies (group_id) WHERE group_id IS NOT NULL;

CREATE TABLE attachments (
  policy_arn   TEXT NOT NULL,
  policy_name  TEXT,
  principal_id INTEGER REFERENCES principals(id) ON DELETE CASCADE,
  group_id     INTEGER REFERENCES iam_groups(id) ON DELETE CASCADE,
  CHECK ((principal_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX attachments_principal ON attachments (principal_id, policy_arn) WHERE principal_id IS NOT NULL;
CREATE UNIQUE INDEX attachments_group ON attachments (group_id, policy_arn) WHERE group_id IS NOT NULL;
CREATE INDEX attachments_policy ON attachments (policy_arn);

-- One row per statement of every inline policy and every managed policy version.
CREATE TABLE statements (
  id                INTEGER PRIMARY KEY,
  policy_version_id INTEGER REFERENCES policy_versions(id) ON DELETE CASCADE,
  inline_policy_id  INTEGER REFERENCES inline_policies(id) ON DELETE CASCADE,
  idx               INTEGER NOT NULL,
  sid               TEXT,
  effect            TEXT,
  line              INTEGER,
  col               INTEGER,
  CHECK ((policy_version_id IS NULL) <> (inline_policy_id IS NULL))
);
CREATE INDEX statements_version ON statements (policy_version_id) WHERE policy_version_id IS NOT NULL;
CREATE INDEX statements_inline ON statements (inline_policy_id) WHERE inline_policy_id IS NOT NULL;

-- negated = 1 for NotAction / NotResource.
CREATE TABLE statement_actions (
  statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  negated      INTEGER NOT NULL,
  action       TEXT NOT NULL COLLATE NOCASE   -- IAM action names are case-insensitive
);
CREATE INDEX statement_actions_statement ON statement_actions (statement_id);
-- Covering: "which statements mention connect:*" is an index range scan, no table lookups.
CREATE INDEX statement_actions_action ON statement_actions (action, statement_id, negated);

CREATE TABLE statement_resources (
  statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  negated      INTEGER NOT NULL,
  resource     TEXT NOT NULL
);
CREATE INDEX statement_resources_statement ON statement_resources (statement_id);
CREATE INDEX statement_resources_resource ON statement_resources (resource);

CREATE TABLE statement_conditions (
  statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  operator     TEXT NOT NULL,
  key          TEXT NOT NULL COLLATE NOCASE,  -- condition keys are case-insensitive
  "values"     TEXT NOT NULL                  -- JSON array of strings
);
CREATE INDEX statement_conditions_statement ON statement_conditions (statement_id);
CREATE INDEX statement_conditions_key ON statement_conditions (key);

-- Tagged resources (get-resources). account_id is the ARN's (NULL for S3 buckets…);
-- owner_account_id is the account whose get-resources output listed it.
CREATE TABLE resources (
  id               INTEGER PRIMARY KEY,
  arn              TEXT NOT NULL UNIQUE,
  partition        TEXT NOT NULL,
  service          TEXT NOT NULL,
  region           TEXT,
  account_id       TEXT,
  owner_account_id TEXT REFERENCES accounts(id),
  resource_type    TEXT,
  resource         TEXT NOT NULL,
  snapshot_id      INTEGER NOT NULL
);
CREATE INDEX resources_service ON resources (service, resource_type, arn);
CREATE INDEX resources_owner ON resources (owner_account_id);

CREATE TABLE resource_tags (
  resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  value       TEXT NOT NULL,
  PRIMARY KEY (resource_id, key)
) WITHOUT ROWID;
CREATE INDEX resource_tags_kv ON resource_tags (key, value);

INSERT INTO meta (key, value) VALUES ('data_version', '0');
`,
  },
  {
    version: 2,
    name: 'statement values clustered by statement',
    // The child rows of a statement become WITHOUT ROWID tables keyed by (statement, position):
    // reading one statement's values and deleting a policy's statements need no secondary index,
    // imports append in key order, and `pos` keeps the order values were written in. The index
    // on resource text went: nothing queried it, and it cost a tenth of a large import.
    sql: `
DROP INDEX IF EXISTS statement_resources_resource;

CREATE TABLE statement_actions_v2 (
  statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  negated      INTEGER NOT NULL,   -- 1 for NotAction
  pos          INTEGER NOT NULL,
  action       TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (statement_id, negated, pos)
) WITHOUT ROWID;
INSERT INTO statement_actions_v2 (statement_id, negated, pos, action)
  SELECT statement_id, negated, ROW_NUMBER() OVER (PARTITION BY statement_id, negated ORDER BY rowid) - 1, action
    FROM statement_actions;
DROP TABLE statement_actions;
ALTER TABLE statement_actions_v2 RENAME TO statement_actions;
-- Covering: "which statements mention connect:*" is an index range scan, no table lookups.
CREATE INDEX statement_actions_action ON statement_actions (action, statement_id, negated);

CREATE TABLE statement_resources_v2 (
  statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  negated      INTEGER NOT NULL,   -- 1 for NotResource
  pos          INTEGER NOT NULL,
  resource     TEXT NOT NULL,
  PRIMARY KEY (statement_id, negated, pos)
) WITHOUT ROWID;
INSERT INTO statement_resources_v2 (statement_id, negated, pos, resource)
  SELECT statement_id, negated, ROW_NUMBER() OVER (PARTITION BY statement_id, negated ORDER BY rowid) - 1, resource
    FROM statement_resources;
DROP TABLE statement_resources;
ALTER TABLE statement_resources_v2 RENAME TO statement_resources;

CREATE TABLE statement_conditions_v2 (
  statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  pos          INTEGER NOT NULL,
  operator     TEXT NOT NULL,
  key          TEXT NOT NULL COLLATE NOCASE,
  "values"     TEXT NOT NULL,      -- JSON array of strings
  PRIMARY KEY (statement_id, pos)
) WITHOUT ROWID;
INSERT INTO statement_conditions_v2 (statement_id, pos, operator, key, "values")
  SELECT statement_id, ROW_NUMBER() OVER (PARTITION BY statement_id ORDER BY rowid) - 1, operator, key, "values"
    FROM statement_conditions;
DROP TABLE statement_conditions;
ALTER TABLE statement_conditions_v2 RENAME TO statement_conditions;
CREATE INDEX statement_conditions_key ON statement_conditions (key);
`,
  },
  {
    version: 3,
    name: 'the estate: organization, org policies, resource policies',
    // The organization is one document (`aws organizations` output assembled by
    // scripts/export-organization.sh); importing it again replaces every org_* row. Roots, OUs and
    // accounts share one table keyed by their Organizations ids (r-…, ou-…, 12 digits): a policy
    // target or a ParentId names any of them. Org accounts are not rows of `accounts` (which tracks
    // what IAM / get-resources imports wrote): the accounts listing unions the two.
    // Resource policies are keyed by ARN with the owner as given; role trust policies stay on
    // principals.trust_policy (they come with the role from get-account-authorization-details).
    sql: `
CREATE TABLE org_organization (
  singleton          INTEGER PRIMARY KEY CHECK (singleton = 1),
  id                 TEXT NOT NULL,
  arn                TEXT,
  feature_set        TEXT,
  master_account_id  TEXT NOT NULL,
  master_account_arn TEXT,
  master_account_email TEXT,
  snapshot_id        INTEGER NOT NULL
);

-- kind: ROOT, ORGANIZATIONAL_UNIT or ACCOUNT (the TargetType words of list-targets-for-policy).
CREATE TABLE org_nodes (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('ROOT', 'ORGANIZATIONAL_UNIT', 'ACCOUNT')),
  parent_id   TEXT,
  arn         TEXT,
  name        TEXT,
  email       TEXT,
  status      TEXT,
  joined_method    TEXT,
  joined_timestamp TEXT,
  policy_types TEXT,      -- roots: list-roots' PolicyTypes as JSON, null when not given
  pos         INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX org_nodes_parent ON org_nodes (parent_id, kind);

CREATE TABLE org_policies (
  id          TEXT PRIMARY KEY,
  arn         TEXT,
  name        TEXT NOT NULL,
  description TEXT,
  type        TEXT NOT NULL CHECK (type IN ('SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY')),
  aws_managed INTEGER NOT NULL DEFAULT 0,
  content     TEXT NOT NULL,
  pos         INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE org_policy_targets (
  policy_id TEXT NOT NULL REFERENCES org_policies(id) ON DELETE CASCADE,
  target_id TEXT NOT NULL,
  PRIMARY KEY (policy_id, target_id)
) WITHOUT ROWID;
CREATE INDEX org_policy_targets_target ON org_policy_targets (target_id, policy_id);

-- account_id: the ARN's; owner_account_id: ResourceOwner as given (for ARNs without an account).
CREATE TABLE resource_policies (
  arn              TEXT PRIMARY KEY,
  partition        TEXT NOT NULL,
  service          TEXT NOT NULL,
  region           TEXT,
  account_id       TEXT,
  owner_account_id TEXT,
  resource_type    TEXT,
  resource         TEXT NOT NULL,   -- the ARN's resource part, as resources.resource
  policy           TEXT NOT NULL,
  snapshot_id      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX resource_policies_owner ON resource_policies (owner_account_id);
`,
  },
  {
    version: 4,
    name: 'resources known by their policy; resource_policies with a small arn index',
    // resource_policies becomes a rowid table: its UNIQUE index on arn stays small (the policy
    // texts live in the table), so "which resources have a policy" is an index probe rather than
    // a walk through policy pages (a hasPolicy listing over 50,000 resources: 1 s → 60 ms).
    // resources.listed = 0 marks a resource known only by its resource-based policy (no
    // get-resources output named it): it is a row so that listings page over one table; every
    // import re-derives these rows (ImportWriter.finish).
    sql: `
CREATE TABLE resource_policies_v4 (
  id               INTEGER PRIMARY KEY,
  arn              TEXT NOT NULL UNIQUE,
  partition        TEXT NOT NULL,
  service          TEXT NOT NULL,
  region           TEXT,
  account_id       TEXT,
  owner_account_id TEXT,
  resource_type    TEXT,
  resource         TEXT NOT NULL,
  policy           TEXT NOT NULL,
  snapshot_id      INTEGER NOT NULL
);
INSERT INTO resource_policies_v4 (arn, partition, service, region, account_id, owner_account_id, resource_type, resource, policy, snapshot_id)
  SELECT arn, partition, service, region, account_id, owner_account_id, resource_type, resource, policy, snapshot_id FROM resource_policies ORDER BY arn;
DROP TABLE resource_policies;
ALTER TABLE resource_policies_v4 RENAME TO resource_policies;
CREATE INDEX resource_policies_owner ON resource_policies (owner_account_id);

ALTER TABLE resources ADD COLUMN listed INTEGER NOT NULL DEFAULT 1;
INSERT INTO accounts (id)
  SELECT DISTINCT COALESCE(p.owner_account_id, p.account_id) FROM resource_policies p
   WHERE COALESCE(p.owner_account_id, p.account_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM resources r WHERE r.arn = p.arn)
  ON CONFLICT (id) DO NOTHING;
INSERT INTO resources (arn, partition, service, region, account_id, owner_account_id, resource_type, resource, snapshot_id, listed)
  SELECT p.arn, p.partition, p.service, p.region, p.account_id, COALESCE(p.owner_account_id, p.account_id), p.resource_type, p.resource, p.snapshot_id, 0
    FROM resource_policies p WHERE NOT EXISTS (SELECT 1 FROM resources r WHERE r.arn = p.arn);
`,
  },
  {
    version: 5,
    name: 'workload state: credential report rows, workloads, sources imported per account',
    // Workload state (issue 14) comes from AWS CLI outputs, one source per command. A source is
    // imported per account: re-importing it for an account replaces that account's rows of that
    // source, and workload_sources says which sources were imported for which account (a source
    // not listed means "unknown" there, not "none"). EC2 instances keep the instance profile as
    // describe-instances names it; the role behind it is resolved through the stored roles'
    // instance_profiles when the state is loaded, so import order does not matter.
    // The root user's credential report row (<root_account>) is kept with root = 1: it is not a
    // user, but whether the root user has access keys or MFA is worth seeing.
    sql: `
CREATE TABLE workload_sources (
  account_id  TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('CREDENTIAL_REPORT', 'EC2_INSTANCES', 'LAMBDA_FUNCTIONS', 'GLUE_DEV_ENDPOINTS',
                                              'SAGEMAKER_NOTEBOOKS', 'CLOUDFORMATION_STACKS')),
  snapshot_id INTEGER NOT NULL,
  generated_time TEXT,          -- the credential report's GeneratedTime, when given
  PRIMARY KEY (account_id, source)
) WITHOUT ROWID;

CREATE TABLE credential_report (
  arn                       TEXT PRIMARY KEY,   -- the user's ARN; arn:aws:iam::ACCOUNT:root for the root row
  account_id                TEXT NOT NULL,
  user_name                 TEXT NOT NULL,      -- as the report's user column says (<root_account> for root)
  root                      INTEGER NOT NULL DEFAULT 0,
  user_creation_time        TEXT,
  password_enabled          INTEGER,            -- NULL: not_supported (the root row)
  password_last_used        TEXT,
  password_last_changed     TEXT,
  password_next_rotation    TEXT,
  mfa_active                INTEGER NOT NULL,
  access_key_1_active       INTEGER NOT NULL,
  access_key_1_last_rotated TEXT,
  access_key_1_last_used_date TEXT,
  access_key_2_active       INTEGER NOT NULL,
  access_key_2_last_rotated TEXT,
  access_key_2_last_used_date TEXT,
  raw                       TEXT NOT NULL,      -- the whole CSV row as a JSON object, column → value
  snapshot_id               INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX credential_report_account ON credential_report (account_id);

CREATE TABLE workloads (
  id                   INTEGER PRIMARY KEY,
  kind                 TEXT NOT NULL CHECK (kind IN ('EC2_INSTANCE', 'LAMBDA_FUNCTION', 'GLUE_DEV_ENDPOINT', 'SAGEMAKER_NOTEBOOK', 'CLOUDFORMATION_STACK')),
  source               TEXT NOT NULL,
  arn                  TEXT NOT NULL UNIQUE,
  account_id           TEXT NOT NULL,
  region               TEXT,
  name                 TEXT NOT NULL,
  role_arn             TEXT,                    -- as the output names it (NULL for EC2: see instance_profile_arn)
  instance_profile_arn TEXT,
  state                TEXT,
  raw                  TEXT NOT NULL,           -- the item as the output printed it (JSON)
  snapshot_id          INTEGER NOT NULL
);
CREATE INDEX workloads_account_source ON workloads (account_id, source);
CREATE INDEX workloads_role ON workloads (role_arn) WHERE role_arn IS NOT NULL;
`,
  },
  {
    version: 6,
    name: 'history: every snapshot kept, unchanged entities stored once',
    // The live tables stay the latest state (every query reads them as before); history keeps
    // each entity the access model and the estate read, one row per version: valid for snapshots
    // valid_from <= s < valid_to (NULL: open). kind: see KIND in history-write.ts; key: the ARN
    // (organization nodes and policies: their ids; the organization: ''). Contents are stored
    // once per distinct content in history_blobs (hash: 16 bytes of SHA-256; data: a format
    // byte then the deflated JSON facts). No index beyond the key: reading a snapshot and
    // pruning scan the table, which holds one short row per entity version.
    // snapshots.history: 1 while the snapshot's state can be rebuilt; 0 for imports made before
    // this migration (never kept) or pruned ones (pruned_at set).
    sql: `
CREATE TABLE history_blobs (
  hash BLOB PRIMARY KEY,
  data BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE history (
  kind       INTEGER NOT NULL,
  key        TEXT NOT NULL,
  valid_from INTEGER NOT NULL,
  valid_to   INTEGER,
  hash       BLOB NOT NULL,
  PRIMARY KEY (kind, key, valid_from)
) WITHOUT ROWID;

ALTER TABLE snapshots ADD COLUMN history INTEGER NOT NULL DEFAULT 1;
ALTER TABLE snapshots ADD COLUMN pruned_at TEXT;
`,
    // An existing database: its current state becomes the latest snapshot's history.
    run: (db) => recordBaseline(db),
  },
];
