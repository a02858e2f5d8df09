/**
 * Policies — managed (AWS and customer) and inline — as one list ordered by key, their versions,
 * where they are attached, and their normalized statements.
 */
import { policyKeysWithFinding } from './lint.js';
import type { Store } from '../db.js';
import { globToLike } from '../../util/escape.js';
import { jsonList, keysetPage, likeContains, Where, type Page, type PageArgs } from './pagination.js';
import type { AttachmentRecord, ConditionRecord, PolicyKind, PolicyRecord, PolicyVersionRecord, StatementRecord } from './types.js';

export interface PolicyRow {
  key: string;
  arn: string | null;
  name: string;
  kind: PolicyKind;
  path: string | null;
  account_id: string | null;
  unique_id: string | null;
  default_version_id: string | null;
  attachment_count: number | null;
  permissions_boundary_usage_count: number | null;
  is_attachable: number | null;
  description: string | null;
  create_date: string | null;
  update_date: string | null;
  stub: number;
  standalone: number;
  owner_kind: 'USER' | 'ROLE' | 'GROUP' | null;
  owner_arn: string | null;
  owner_name: string | null;
  owner_principal_id: number | null;
  owner_group_id: number | null;
  document: string | null;
}

/** Managed policies in PolicyRow shape (document: the default version's text). */
export const MANAGED_POLICY_SELECT = `
  SELECT p.arn AS key, p.arn AS arn, p.name AS name, p.kind AS kind, p.path AS path, p.account_id AS account_id,
         p.unique_id AS unique_id, p.default_version_id AS default_version_id, p.attachment_count AS attachment_count,
         p.permissions_boundary_usage_count AS permissions_boundary_usage_count, p.is_attachable AS is_attachable,
         p.description AS description, p.create_date AS create_date, p.update_date AS update_date, p.stub AS stub,
         p.standalone AS standalone, NULL AS owner_kind, NULL AS owner_arn, NULL AS owner_name,
         NULL AS owner_principal_id, NULL AS owner_group_id,
         (SELECT v.document FROM policy_versions v WHERE v.policy_id = p.id AND v.is_default = 1 ORDER BY v.id LIMIT 1) AS document
    FROM policies p`;

/** Inline policies in PolicyRow shape. Append `WHERE i.…` to filter. */
export const INLINE_POLICY_SELECT = `
  SELECT i.key AS key, NULL AS arn, i.name AS name, 'INLINE' AS kind, NULL AS path,
         COALESCE(pr.account_id, g.account_id) AS account_id, NULL AS unique_id, NULL AS default_version_id,
         NULL AS attachment_count, NULL AS permissions_boundary_usage_count, NULL AS is_attachable, NULL AS description,
         NULL AS create_date, NULL AS update_date, 0 AS stub, 0 AS standalone, i.owner_kind AS owner_kind,
         COALESCE(pr.arn, g.arn) AS owner_arn, COALESCE(pr.name, g.name) AS owner_name,
         i.principal_id AS owner_principal_id, i.group_id AS owner_group_id, i.document AS document
    FROM inline_policies i
    LEFT JOIN principals pr ON pr.id = i.principal_id
    LEFT JOIN iam_groups g ON g.id = i.group_id`;

export function toPolicy(r: PolicyRow): PolicyRecord {
  return {
    key: r.key,
    arn: r.arn,
    name: r.name,
    kind: r.kind,
    path: r.path,
    accountId: r.account_id,
    uniqueId: r.unique_id,
    defaultVersionId: r.default_version_id,
    attachmentCount: r.attachment_count,
    permissionsBoundaryUsageCount: r.permissions_boundary_usage_count,
    isAttachable: r.is_attachable === null ? null : r.is_attachable === 1,
    description: r.description,
    createDate: r.create_date,
    updateDate: r.update_date,
    stub: r.stub === 1,
    standalone: r.standalone === 1,
    owner: r.owner_kind && r.owner_arn && r.owner_name ? { kind: r.owner_kind, arn: r.owner_arn, name: r.owner_name } : null,
    document: r.document,
  };
}

export interface PolicyFilter {
  kind?: PolicyKind;
  /** Case-insensitive substring of the name. */
  nameContains?: string;
  accountId?: string;
  /**
   * Policies with a statement whose Action or NotAction values, as written, match this IAM
   * wildcard pattern, case-insensitively: `connect:*` finds statements that mention any Connect
   * action (`connect:StartContactRecording`, `connect:Describe*`, `connect:*`). Managed policies:
   * the default version.
   */
  actionLike?: string;
  /**
   * Policies with an Action value that, read as an IAM pattern, covers this action:
   * `connect:StartContactRecording` finds statements saying `connect:*`, `connect:Start*`, `*`…
   * (what could grant it, before resources and conditions). Managed policies: the default version.
   */
  actionMatches?: string;
  /** false: leave out stubs (policies known only by ARN). */
  includeStubs?: boolean;
  /** Policies with a validatePolicy finding of this type (ERROR, SECURITY_WARNING…). */
  findingType?: string;
  /** Policies with a validatePolicy finding of this code (INVALID_ACTION…). */
  code?: string;
}

/**
 * The policy list without documents: paging sorts and counts only these light rows, and the
 * documents are read for the page's rows alone.
 */
const POLICY_KEYS = `
  SELECT p.arn AS key, p.name AS name, p.kind AS kind, p.account_id AS account_id, p.stub AS stub FROM policies p`;
const INLINE_KEYS = `
  SELECT i.key AS key, i.name AS name, 'INLINE' AS kind, COALESCE(pr.account_id, g.account_id) AS account_id, 0 AS stub
    FROM inline_policies i
    LEFT JOIN principals pr ON pr.id = i.principal_id
    LEFT JOIN iam_groups g ON g.id = i.group_id`;

export function listPolicies(store: Store, args: PolicyFilter & PageArgs): Page<PolicyRecord> {
  const parts: string[] = [];
  if (args.kind !== 'INLINE') parts.push(POLICY_KEYS);
  if (args.kind === undefined || args.kind === 'INLINE') parts.push(INLINE_KEYS);
  const where = new Where();
  if (args.kind && args.kind !== 'INLINE') where.add('q.kind = ?', args.kind);
  if (args.nameContains) where.add("q.name LIKE ? ESCAPE '\\'", likeContains(args.nameContains));
  if (args.accountId) where.add('q.account_id = ?', args.accountId);
  if (args.includeStubs === false) where.add('q.stub = 0');
  // The action filters are answered once, as a key set, rather than once for the count and again
  // for the page.
  if (args.actionLike) {
    const like = globToLike(args.actionLike);
    // No ESCAPE clause unless needed: it keeps SQLite's LIKE-prefix index optimization simple.
    const op = like.includes('\\') ? "LIKE ? ESCAPE '\\'" : 'LIKE ?';
    where.add('q.key IN (SELECT value FROM json_each(?))', jsonList(policyKeysWithAction(store, `a.action ${op}`, [like])));
  }
  if (args.actionMatches) {
    // A stored pattern can only cover the action if it starts with the action's first character or
    // with a wildcard: that prefix narrows the scan to index ranges before iam_glob runs.
    const first = args.actionMatches.charAt(0);
    const prefilter = /^[A-Za-z0-9]$/.test(first) ? `(a.action LIKE '${first}%' OR a.action LIKE '*%' OR a.action LIKE '?%') AND ` : '';
    where.add(
      'q.key IN (SELECT value FROM json_each(?))',
      jsonList(policyKeysWithAction(store, `${prefilter}a.negated = 0 AND iam_glob(a.action, ?)`, [args.actionMatches])),
    );
  }
  if (args.findingType !== undefined || args.code !== undefined) {
    where.add('q.key IN (SELECT value FROM json_each(?))', jsonList(policyKeysWithFinding(store, { findingType: args.findingType, code: args.code })));
  }
  const page = keysetPage<{ key: string }, string>(store, {
    select: 'q.key',
    from: `(${parts.join(' UNION ALL ')}) q`,
    keyColumn: 'q.key',
    where,
    args,
    map: (r) => r.key,
    key: (r) => r.key,
  });
  const records = policiesByKeys(
    store,
    page.edges.map((e) => e.node),
  );
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: records.get(e.node)! })) };
}

/** Keys of policies (managed: default version; inline) with an action row satisfying `condition`. */
function policyKeysWithAction(store: Store, condition: string, params: unknown[]): string[] {
  return store.db
    .prepare(
      `
    SELECT p.arn FROM statement_actions a
      JOIN statements s ON s.id = a.statement_id
      JOIN policy_versions v ON v.id = s.policy_version_id AND v.is_default = 1
      JOIN policies p ON p.id = v.policy_id
     WHERE ${condition}
    UNION
    SELECT i.key FROM statement_actions a
      JOIN statements s ON s.id = a.statement_id
      JOIN inline_policies i ON i.id = s.inline_policy_id
     WHERE ${condition}`,
    )
    .pluck()
    .all(...params, ...params) as string[];
}

/** A policy by ARN (managed) or key (inline: `<owner ARN>#<name>`). */
export function getPolicy(store: Store, keyOrArn: string): PolicyRecord | null {
  return policiesByKeys(store, [keyOrArn]).get(keyOrArn) ?? null;
}

/** Batch: policies by ARN or inline key. Missing keys are absent. */
export function policiesByKeys(store: Store, keys: readonly string[]): Map<string, PolicyRecord> {
  const list = jsonList(keys);
  const rows = [
    ...(store.db.prepare(`${MANAGED_POLICY_SELECT} WHERE p.arn IN (SELECT value FROM json_each(?))`).all(list) as PolicyRow[]),
    ...(store.db.prepare(`${INLINE_POLICY_SELECT} WHERE i.key IN (SELECT value FROM json_each(?))`).all(list) as PolicyRow[]),
  ];
  return new Map(rows.map((r) => [r.key, toPolicy(r)]));
}

/** Every stored version of a managed policy, newest version number first. */
export function policyVersions(store: Store, policyArn: string): PolicyVersionRecord[] {
  const rows = store.db
    .prepare(
      `
    SELECT v.version_id, v.is_default, v.create_date, v.document FROM policy_versions v JOIN policies p ON p.id = v.policy_id
     WHERE p.arn = ?
     ORDER BY CAST(substr(v.version_id, 2) AS INTEGER) DESC, v.version_id DESC`,
    )
    .all(policyArn) as {
    version_id: string;
    is_default: number;
    create_date: string | null;
    document: string;
  }[];
  return rows.map((r) => ({ versionId: r.version_id, isDefault: r.is_default === 1, createDate: r.create_date, document: r.document }));
}

const ATTACHMENTS_FROM = `(
  SELECT pr.type AS kind, pr.arn AS arn, pr.name AS name, pr.account_id AS account_id
    FROM attachments a JOIN principals pr ON pr.id = a.principal_id WHERE a.policy_arn = ?
  UNION ALL
  SELECT 'GROUP', g.arn, g.name, g.account_id
    FROM attachments a JOIN iam_groups g ON g.id = a.group_id WHERE a.policy_arn = ?
) x`;

/** Where a managed policy is attached: users, roles and groups, by ARN. */
export function policyAttachments(store: Store, policyArn: string, args: PageArgs): Page<AttachmentRecord> {
  type Row = { kind: AttachmentRecord['kind']; arn: string; name: string; account_id: string };
  return keysetPage<Row, AttachmentRecord>(store, {
    select: 'x.*',
    from: ATTACHMENTS_FROM,
    fromParams: [policyArn, policyArn],
    keyColumn: 'x.arn',
    where: new Where(),
    args,
    map: (r) => ({ kind: r.kind, arn: r.arn, name: r.name, accountId: r.account_id }),
    key: (r) => r.arn,
  });
}

/**
 * The statements of a policy: the given version of a managed policy (default: the default
 * version), or the inline policy. Empty for stubs and unknown keys.
 */
export function statementsOfPolicy(store: Store, keyOrArn: string, versionId?: string): StatementRecord[] {
  const { db } = store;
  let parent: string;
  let parentId: number | undefined;
  const managed = db
    .prepare(
      `SELECT v.id FROM policy_versions v JOIN policies p ON p.id = v.policy_id
      WHERE p.arn = ? AND ${versionId === undefined ? 'v.is_default = 1' : 'v.version_id = ?'} ORDER BY v.id LIMIT 1`,
    )
    .pluck()
    .get(...(versionId === undefined ? [keyOrArn] : [keyOrArn, versionId])) as number | undefined;
  if (managed !== undefined) {
    parent = 'policy_version_id';
    parentId = managed;
  } else {
    parent = 'inline_policy_id';
    parentId = versionId === undefined ? (db.prepare('SELECT id FROM inline_policies WHERE key = ?').pluck().get(keyOrArn) as number | undefined) : undefined;
  }
  if (parentId === undefined) return [];
  const stmts = db.prepare(`SELECT id, idx, sid, effect, line, col FROM statements WHERE ${parent} = ? ORDER BY idx`).all(parentId) as {
    id: number;
    idx: number;
    sid: string | null;
    effect: string | null;
    line: number | null;
    col: number | null;
  }[];
  const byId = new Map<number, StatementRecord>();
  const out = stmts.map((s) => {
    const rec: StatementRecord = {
      index: s.idx,
      sid: s.sid,
      effect: s.effect,
      line: s.line,
      column: s.col,
      actions: [],
      notActions: [],
      resources: [],
      notResources: [],
      conditions: [],
    };
    byId.set(s.id, rec);
    return rec;
  });
  const ids = `(SELECT id FROM statements WHERE ${parent} = ?)`;
  for (const r of db
    .prepare(`SELECT statement_id, negated, action FROM statement_actions WHERE statement_id IN ${ids} ORDER BY statement_id, negated, pos`)
    .all(parentId) as { statement_id: number; negated: number; action: string }[]) {
    const s = byId.get(r.statement_id)!;
    (r.negated ? s.notActions : s.actions).push(r.action);
  }
  for (const r of db
    .prepare(`SELECT statement_id, negated, resource FROM statement_resources WHERE statement_id IN ${ids} ORDER BY statement_id, negated, pos`)
    .all(parentId) as { statement_id: number; negated: number; resource: string }[]) {
    const s = byId.get(r.statement_id)!;
    (r.negated ? s.notResources : s.resources).push(r.resource);
  }
  for (const r of db
    .prepare(`SELECT statement_id, operator, key, "values" FROM statement_conditions WHERE statement_id IN ${ids} ORDER BY statement_id, pos`)
    .all(parentId) as { statement_id: number; operator: string; key: string; values: string }[]) {
    const c: ConditionRecord = { operator: r.operator, key: r.key, values: JSON.parse(r.values) as string[] };
    byId.get(r.statement_id)!.conditions.push(c);
  }
  return out;
}
