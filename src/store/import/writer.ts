/**
 * The write side of an import: prepared statements, run inside the import's one transaction.
 * Statements are prepared once per import and reused for every row: with better-sqlite3 that is
 * the difference between seconds and minutes for a large account.
 */
import type Database from 'better-sqlite3';
import type { PolicyDocument } from '../../policy/types.js';
import type { Store } from '../db.js';
import { accountOfArn } from '../../util/arn.js';
import { isAwsManagedPolicyArn, nameFromIamArn } from '../arn.js';
import type { OrgNodeInsert, OrgPolicyInsert } from './organization.js';

export interface OrganizationInsert {
  id: string;
  arn: string | null;
  featureSet: string | null;
  masterAccountId: string;
  masterAccountArn: string | null;
  masterAccountEmail: string | null;
}

/** What one account's re-import replaces, per list of the authorization-details output. */
export type IamKind = 'users' | 'roles' | 'groups' | 'policies';

export interface PrincipalInsert {
  arn: string;
  type: 'USER' | 'ROLE';
  name: string;
  path: string;
  uniqueId: string | null;
  accountId: string;
  createDate: string | null;
  boundaryArn: string | null;
  boundaryType: string | null;
  trustPolicy: string | null;
  description: string | null;
  maxSessionDuration: number | null;
  roleLastUsed: string | null;
  instanceProfiles: string | null;
}

export interface GroupInsert {
  arn: string;
  name: string;
  path: string;
  uniqueId: string | null;
  accountId: string;
  createDate: string | null;
}

export interface PolicyInsert {
  arn: string;
  name: string;
  path: string | null;
  uniqueId: string | null;
  kind: 'AWS_MANAGED' | 'CUSTOMER_MANAGED';
  accountId: string | null;
  standalone: boolean;
  defaultVersionId: string | null;
  attachmentCount: number | null;
  boundaryUsageCount: number | null;
  isAttachable: boolean | null;
  description: string | null;
  createDate: string | null;
  updateDate: string | null;
  sourceFile: string | null;
}

export type Owner = { principalId: number; groupId?: undefined } | { groupId: number; principalId?: undefined };

type Stmt = Database.Statement;

/** Ids of the statements beneath one kind of an account's IAM state (one parameter: the account). */
const STATEMENTS_UNDER: Record<IamKind, string> = {
  users: `SELECT s.id FROM statements s JOIN inline_policies i ON i.id = s.inline_policy_id
            JOIN principals p ON p.id = i.principal_id WHERE p.account_id = ? AND p.type = 'USER'`,
  roles: `SELECT s.id FROM statements s JOIN inline_policies i ON i.id = s.inline_policy_id
            JOIN principals p ON p.id = i.principal_id WHERE p.account_id = ? AND p.type = 'ROLE'`,
  groups: `SELECT s.id FROM statements s JOIN inline_policies i ON i.id = s.inline_policy_id
            JOIN iam_groups g ON g.id = i.group_id WHERE g.account_id = ?`,
  policies: `SELECT s.id FROM statements s JOIN policy_versions v ON v.id = s.policy_version_id
            JOIN policies p ON p.id = v.policy_id WHERE p.account_id = ? AND p.kind = 'CUSTOMER_MANAGED' AND p.standalone = 0`,
};

export class ImportWriter {
  private readonly db: Database.Database;
  private readonly snapshotId: number;
  private readonly s: Record<string, Stmt>;

  constructor(store: Store, snapshotId: number) {
    this.db = store.db;
    this.snapshotId = snapshotId;
    const p = (sql: string) => this.db.prepare(sql);
    this.s = {
      account: p(`INSERT INTO accounts (id) VALUES (?) ON CONFLICT (id) DO NOTHING`),
      accountIam: p(`UPDATE accounts SET iam_snapshot_id = ? WHERE id = ?`),
      accountResources: p(`UPDATE accounts SET resources_snapshot_id = ? WHERE id = ?`),
      clearUsers: p(`DELETE FROM principals WHERE account_id = ? AND type = 'USER'`),
      clearRoles: p(`DELETE FROM principals WHERE account_id = ? AND type = 'ROLE'`),
      clearGroups: p(`DELETE FROM iam_groups WHERE account_id = ?`),
      clearPolicies: p(`DELETE FROM policies WHERE account_id = ? AND kind = 'CUSTOMER_MANAGED' AND standalone = 0`),
      clearResources: p(`DELETE FROM resources WHERE owner_account_id = ?`),
      deletePrincipal: p(`DELETE FROM principals WHERE arn = ?`),
      deleteGroup: p(`DELETE FROM iam_groups WHERE arn = ?`),
      deletePolicy: p(`DELETE FROM policies WHERE arn = ?`),
      deleteResource: p(`DELETE FROM resources WHERE arn = ?`),
      principal: p(`INSERT INTO principals (arn, type, name, path, unique_id, account_id, create_date,
          permissions_boundary_arn, permissions_boundary_type, trust_policy, description, max_session_duration,
          role_last_used, instance_profiles, snapshot_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      principalTag: p(`INSERT OR REPLACE INTO principal_tags (principal_id, key, value) VALUES (?, ?, ?)`),
      group: p(`INSERT INTO iam_groups (arn, name, path, unique_id, account_id, create_date, snapshot_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      member: p(`INSERT OR IGNORE INTO group_members (principal_id, account_id, group_name) VALUES (?, ?, ?)`),
      attachPrincipal: p(`INSERT OR IGNORE INTO attachments (policy_arn, policy_name, principal_id) VALUES (?, ?, ?)`),
      attachGroup: p(`INSERT OR IGNORE INTO attachments (policy_arn, policy_name, group_id) VALUES (?, ?, ?)`),
      inlinePrincipal: p(`INSERT INTO inline_policies (key, owner_kind, principal_id, name, document) VALUES (?, ?, ?, ?, ?)`),
      inlineGroup: p(`INSERT INTO inline_policies (key, owner_kind, group_id, name, document) VALUES (?, 'GROUP', ?, ?, ?)`),
      policy: p(`INSERT INTO policies (arn, name, path, unique_id, kind, account_id, standalone, stub, default_version_id,
          attachment_count, permissions_boundary_usage_count, is_attachable, description, create_date, update_date,
          source_file, snapshot_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      version: p(`INSERT INTO policy_versions (policy_id, version_id, is_default, create_date, document) VALUES (?, ?, ?, ?, ?)`),
      statementVersion: p(`INSERT INTO statements (policy_version_id, idx, sid, effect, line, col) VALUES (?, ?, ?, ?, ?, ?)`),
      statementInline: p(`INSERT INTO statements (inline_policy_id, idx, sid, effect, line, col) VALUES (?, ?, ?, ?, ?, ?)`),
      action: p(`INSERT INTO statement_actions (statement_id, negated, pos, action) VALUES (?, ?, ?, ?)`),
      resource: p(`INSERT INTO statement_resources (statement_id, negated, pos, resource) VALUES (?, ?, ?, ?)`),
      condition: p(`INSERT INTO statement_conditions (statement_id, pos, operator, key, "values") VALUES (?, ?, ?, ?, ?)`),
      tagged: p(`INSERT INTO resources (arn, partition, service, region, account_id, owner_account_id, resource_type, resource, snapshot_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      resourceTag: p(`INSERT OR REPLACE INTO resource_tags (resource_id, key, value) VALUES (?, ?, ?)`),
      clearOrganization: p(`DELETE FROM org_organization`),
      clearOrgNodes: p(`DELETE FROM org_nodes`),
      clearOrgTargets: p(`DELETE FROM org_policy_targets`),
      clearOrgPolicies: p(`DELETE FROM org_policies`),
      organization: p(`INSERT INTO org_organization (singleton, id, arn, feature_set, master_account_id, master_account_arn, master_account_email, snapshot_id)
        VALUES (1, ?, ?, ?, ?, ?, ?, ?)`),
      orgNode: p(`INSERT INTO org_nodes (id, kind, parent_id, arn, name, email, status, joined_method, joined_timestamp, policy_types, pos)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      orgPolicy: p(`INSERT INTO org_policies (id, arn, name, description, type, aws_managed, content, pos) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      orgTarget: p(`INSERT INTO org_policy_targets (policy_id, target_id) VALUES (?, ?)`),
      resourcePolicy:
        p(`INSERT OR REPLACE INTO resource_policies (arn, partition, service, region, account_id, owner_account_id, resource_type, resource, policy, snapshot_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      deleteResourcePolicy: p(`DELETE FROM resource_policies WHERE arn = ?`),
      // A row known only by that policy (listed = 0) goes with it; a listed resource keeps its tags.
      deleteUnlistedResource: p(`DELETE FROM resources WHERE arn = ? AND listed = 0`),
      stubPolicy: p(`INSERT OR IGNORE INTO policies (arn, name, kind, account_id, stub, snapshot_id) VALUES (?, ?, ?, ?, 1, ?)`),
    };
  }

  ensureAccount(id: string): void {
    this.s.account.run(id);
  }

  markIamAccount(id: string): void {
    this.ensureAccount(id);
    this.s.accountIam.run(this.snapshotId, id);
  }

  markResourceAccount(id: string): void {
    this.ensureAccount(id);
    this.s.accountResources.run(this.snapshotId, id);
  }

  /**
   * Deletes one kind of an account's IAM state; cascades take tags, memberships, attachments.
   * The statements underneath go first, set-based: a cascade deletes a million child rows one
   * parent at a time, about twice as slowly (measured on the large synthetic account).
   */
  clearAccountKind(accountId: string, kind: IamKind): void {
    this.purgeStatements(STATEMENTS_UNDER[kind], accountId);
    const stmt = { users: this.s.clearUsers, roles: this.s.clearRoles, groups: this.s.clearGroups, policies: this.s.clearPolicies }[kind];
    stmt.run(accountId);
  }

  private purgeStatements(selectIds: string, ...params: unknown[]): void {
    for (const child of ['statement_actions', 'statement_resources', 'statement_conditions']) {
      this.db.prepare(`DELETE FROM ${child} WHERE statement_id IN (${selectIds})`).run(...params);
    }
    this.db.prepare(`DELETE FROM statements WHERE id IN (${selectIds})`).run(...params);
  }

  clearAccountResources(accountId: string): void {
    this.s.clearResources.run(accountId);
  }

  /** Inserts a user or role, replacing an earlier row with the same ARN (pages may overlap). */
  principal(p: PrincipalInsert): number {
    this.s.deletePrincipal.run(p.arn);
    const r = this.s.principal.run(
      p.arn,
      p.type,
      p.name,
      p.path,
      p.uniqueId,
      p.accountId,
      p.createDate,
      p.boundaryArn,
      p.boundaryType,
      p.trustPolicy,
      p.description,
      p.maxSessionDuration,
      p.roleLastUsed,
      p.instanceProfiles,
      this.snapshotId,
    );
    return Number(r.lastInsertRowid);
  }

  principalTags(principalId: number, tags: [string, string][]): void {
    for (const [k, v] of tags) this.s.principalTag.run(principalId, k, v);
  }

  group(g: GroupInsert): number {
    this.s.deleteGroup.run(g.arn);
    const r = this.s.group.run(g.arn, g.name, g.path, g.uniqueId, g.accountId, g.createDate, this.snapshotId);
    return Number(r.lastInsertRowid);
  }

  member(principalId: number, accountId: string, groupName: string): void {
    this.s.member.run(principalId, accountId, groupName);
  }

  attach(owner: Owner, policyArn: string, policyName: string | null): void {
    if (owner.principalId !== undefined) this.s.attachPrincipal.run(policyArn, policyName, owner.principalId);
    else this.s.attachGroup.run(policyArn, policyName, owner.groupId);
  }

  /** Returns the number of statements stored. */
  inline(owner: Owner, ownerKind: 'USER' | 'ROLE' | 'GROUP', ownerArn: string, name: string, text: string, doc: PolicyDocument): number {
    const key = inlinePolicyKey(ownerArn, name);
    const r =
      owner.principalId !== undefined
        ? this.s.inlinePrincipal.run(key, ownerKind, owner.principalId, name, text)
        : this.s.inlineGroup.run(key, owner.groupId, name, text);
    return this.statements(this.s.statementInline, Number(r.lastInsertRowid), doc);
  }

  /** Inserts a managed policy, replacing an earlier row with the same ARN (and its versions). */
  policy(p: PolicyInsert): number {
    this.s.deletePolicy.run(p.arn);
    const r = this.s.policy.run(
      p.arn,
      p.name,
      p.path,
      p.uniqueId,
      p.kind,
      p.accountId,
      p.standalone ? 1 : 0,
      p.defaultVersionId,
      p.attachmentCount,
      p.boundaryUsageCount,
      p.isAttachable === null ? null : p.isAttachable ? 1 : 0,
      p.description,
      p.createDate,
      p.updateDate,
      p.sourceFile,
      this.snapshotId,
    );
    return Number(r.lastInsertRowid);
  }

  /** Returns the number of statements stored. */
  version(policyId: number, versionId: string, isDefault: boolean, createDate: string | null, text: string, doc: PolicyDocument): number {
    const r = this.s.version.run(policyId, versionId, isDefault ? 1 : 0, createDate, text);
    return this.statements(this.s.statementVersion, Number(r.lastInsertRowid), doc);
  }

  private statements(insert: Stmt, parentId: number, doc: PolicyDocument): number {
    const { action, resource, condition } = this.s;
    for (const st of doc.statements) {
      const r = insert.run(parentId, st.index, st.sid ?? null, st.effect ?? null, st.position.line, st.position.column);
      const id = Number(r.lastInsertRowid);
      if (st.action) st.action.forEach((a, i) => action.run(id, 0, i, a));
      if (st.notAction) st.notAction.forEach((a, i) => action.run(id, 1, i, a));
      if (st.resource) st.resource.forEach((x, i) => resource.run(id, 0, i, x));
      if (st.notResource) st.notResource.forEach((x, i) => resource.run(id, 1, i, x));
      st.conditions.forEach((c, i) => condition.run(id, i, c.operator, c.key, JSON.stringify(c.values)));
    }
    return doc.statements.length;
  }

  taggedResource(
    arn: string,
    parsed: { partition: string; service: string; region: string; account: string; resource: string; resourceType: string | null },
    ownerAccountId: string | null,
    tags: [string, string][],
  ): void {
    this.s.deleteResource.run(arn);
    const r = this.s.tagged.run(
      arn,
      parsed.partition,
      parsed.service,
      parsed.region || null,
      accountOfArn(arn) ?? null,
      ownerAccountId,
      parsed.resourceType,
      parsed.resource,
      this.snapshotId,
    );
    const id = Number(r.lastInsertRowid);
    for (const [k, v] of tags) this.s.resourceTag.run(id, k, v);
  }

  /** An organization document replaces the stored organization whole. */
  replaceOrganization(o: OrganizationInsert): void {
    this.s.clearOrgTargets.run();
    this.s.clearOrgPolicies.run();
    this.s.clearOrgNodes.run();
    this.s.clearOrganization.run();
    this.s.organization.run(o.id, o.arn, o.featureSet, o.masterAccountId, o.masterAccountArn, o.masterAccountEmail, this.snapshotId);
  }

  orgNode(n: OrgNodeInsert): void {
    this.s.orgNode.run(n.id, n.kind, n.parentId, n.arn, n.name, n.email, n.status, n.joinedMethod, n.joinedTimestamp, n.policyTypes, n.pos);
  }

  orgPolicy(p: OrgPolicyInsert): void {
    this.s.orgPolicy.run(p.id, p.arn, p.name, p.description, p.type, p.awsManaged ? 1 : 0, p.content, p.pos);
    for (const t of p.targets) this.s.orgTarget.run(p.id, t);
  }

  /** Replaces the resource's stored policy, if any. */
  resourcePolicy(
    arn: string,
    parsed: { partition: string; service: string; region: string; resourceType: string | null; resource: string },
    accountId: string | null,
    ownerAccountId: string | null,
    document: string,
  ): void {
    this.s.resourcePolicy.run(
      arn,
      parsed.partition,
      parsed.service,
      parsed.region || null,
      accountId,
      ownerAccountId,
      parsed.resourceType,
      parsed.resource,
      document,
      this.snapshotId,
    );
  }

  /** The resource has no resource-based policy (any stored one is removed). */
  deleteResourcePolicy(arn: string): void {
    this.s.deleteResourcePolicy.run(arn);
    this.s.deleteUnlistedResource.run(arn);
  }

  /**
   * After all files: a policy that something is attached to, or that is someone's permissions
   * boundary, but that the import did not include (e.g. `--filter User` output) becomes a stub
   * row (name, no versions) so listings show it; stubs nothing refers to any more are dropped.
   */
  finish(): void {
    const missing = this.db
      .prepare(
        `
      SELECT a.policy_arn AS arn, MIN(a.policy_name) AS name FROM attachments a
       WHERE NOT EXISTS (SELECT 1 FROM policies p WHERE p.arn = a.policy_arn)
       GROUP BY a.policy_arn
      UNION
      SELECT DISTINCT pr.permissions_boundary_arn, NULL FROM principals pr
       WHERE pr.permissions_boundary_arn IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM policies p WHERE p.arn = pr.permissions_boundary_arn)`,
      )
      .all() as { arn: string; name: string | null }[];
    for (const m of missing) {
      const aws = isAwsManagedPolicyArn(m.arn);
      const account = aws ? undefined : accountOfArn(m.arn);
      if (account) this.ensureAccount(account);
      this.s.stubPolicy.run(m.arn, m.name ?? nameFromIamArn(m.arn), aws ? 'AWS_MANAGED' : 'CUSTOMER_MANAGED', account ?? null, this.snapshotId);
    }
    // Resources known only by their policy get a row (listed = 0) so listings find them; a
    // get-resources import that clears an account's resources takes these too, so re-derive.
    this.db.exec(`
      INSERT INTO accounts (id)
        SELECT DISTINCT COALESCE(p.owner_account_id, p.account_id) FROM resource_policies p
         WHERE COALESCE(p.owner_account_id, p.account_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM resources r WHERE r.arn = p.arn)
        ON CONFLICT (id) DO NOTHING;
      INSERT INTO resources (arn, partition, service, region, account_id, owner_account_id, resource_type, resource, snapshot_id, listed)
        SELECT p.arn, p.partition, p.service, p.region, p.account_id, COALESCE(p.owner_account_id, p.account_id), p.resource_type, p.resource, p.snapshot_id, 0
          FROM resource_policies p WHERE NOT EXISTS (SELECT 1 FROM resources r WHERE r.arn = p.arn);`);
    this.db.exec(`
      DELETE FROM policies WHERE stub = 1
         AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.policy_arn = policies.arn)
         AND NOT EXISTS (SELECT 1 FROM principals pr WHERE pr.permissions_boundary_arn = policies.arn)`);
  }
}

/** The stable id of an inline policy (it has no ARN): `<owner ARN>#<policy name>`. */
export function inlinePolicyKey(ownerArn: string, policyName: string): string {
  return `${ownerArn}#${policyName}`;
}
