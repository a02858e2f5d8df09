/** Shared by the store tests: fixtures, and two ways of fingerprinting a database. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../src/store/db.js';

// Tests run from dist/test/store; fixtures stay in the source tree.
const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '../../../test/fixtures/store');

export function fixture(name: string): { name: string; text: string } {
  return { name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8') };
}

export function tableNames(store: Store): string[] {
  return store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

/** Every row of every table, ids and all: equal only if nothing at all changed. */
export function rawChecksum(store: Store): string {
  const h = createHash('sha256');
  for (const t of tableNames(store)) {
    h.update(`#${t}\n`);
    for (const row of store.db.prepare(`SELECT * FROM "${t}"`).raw().iterate()) h.update(JSON.stringify(row) + '\n');
  }
  return h.digest('hex');
}

export function rowCounts(store: Store): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tableNames(store)) out[t] = store.db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number;
  return out;
}

/**
 * The stored model with surrogate ids replaced by natural keys and snapshot bookkeeping left out:
 * what a user can observe. Re-importing identical data must leave it unchanged.
 */
export function canonicalDump(store: Store): string[] {
  const q = (sql: string) => (store.db.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r));
  const stmtOwner = `COALESCE((SELECT p.arn || '@' || v.version_id FROM policy_versions v JOIN policies p ON p.id = v.policy_id WHERE v.id = s.policy_version_id),
                              (SELECT i.key FROM inline_policies i WHERE i.id = s.inline_policy_id))`;
  const sections: [string, string][] = [
    ['accounts', 'SELECT id FROM accounts'],
    [
      'principals',
      `SELECT arn, type, name, path, unique_id, account_id, create_date, permissions_boundary_arn, permissions_boundary_type,
                           trust_policy, description, max_session_duration, role_last_used, instance_profiles FROM principals`,
    ],
    ['principal_tags', 'SELECT p.arn, t.key, t.value FROM principal_tags t JOIN principals p ON p.id = t.principal_id'],
    ['groups', 'SELECT arn, name, path, unique_id, account_id, create_date FROM iam_groups'],
    ['group_members', 'SELECT p.arn, m.account_id, m.group_name FROM group_members m JOIN principals p ON p.id = m.principal_id'],
    [
      'policies',
      `SELECT arn, name, path, unique_id, kind, account_id, standalone, stub, default_version_id, attachment_count,
                         permissions_boundary_usage_count, is_attachable, description, create_date, update_date, source_file FROM policies`,
    ],
    ['versions', 'SELECT p.arn, v.version_id, v.is_default, v.create_date, v.document FROM policy_versions v JOIN policies p ON p.id = v.policy_id'],
    [
      'inline',
      `SELECT i.key, i.owner_kind, COALESCE(p.arn, g.arn), i.name, i.document FROM inline_policies i
                  LEFT JOIN principals p ON p.id = i.principal_id LEFT JOIN iam_groups g ON g.id = i.group_id`,
    ],
    [
      'attachments',
      `SELECT a.policy_arn, a.policy_name, COALESCE(p.arn, g.arn) FROM attachments a
                       LEFT JOIN principals p ON p.id = a.principal_id LEFT JOIN iam_groups g ON g.id = a.group_id`,
    ],
    [
      'statements',
      `SELECT ${stmtOwner}, s.idx, s.sid, s.effect, s.line, s.col,
                      (SELECT json_group_array(negated || ' ' || action) FROM (SELECT * FROM statement_actions a WHERE a.statement_id = s.id ORDER BY negated, pos)),
                      (SELECT json_group_array(negated || ' ' || resource) FROM (SELECT * FROM statement_resources r WHERE r.statement_id = s.id ORDER BY negated, pos)),
                      (SELECT json_group_array(operator || ' ' || key || ' ' || "values") FROM (SELECT * FROM statement_conditions c WHERE c.statement_id = s.id ORDER BY pos))
                    FROM statements s`,
    ],
    ['resources', 'SELECT arn, partition, service, region, account_id, owner_account_id, resource_type, resource FROM resources'],
    ['resource_tags', 'SELECT r.arn, t.key, t.value FROM resource_tags t JOIN resources r ON r.id = t.resource_id'],
  ];
  const out: string[] = [];
  for (const [name, sql] of sections)
    out.push(
      ...q(sql)
        .map((r) => `${name} ${r}`)
        .sort(),
    );
  return out;
}
