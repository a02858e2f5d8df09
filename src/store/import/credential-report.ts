/**
 * `aws iam get-credential-report` output: `{"Content": "<base64 CSV>", "ReportFormat": "text/csv",
 * "GeneratedTime"}` (IAM API Reference, "GetCredentialReport": Content is the Base64-encoded
 * report), or the decoded CSV itself (a file starting with the report's header line, which no
 * JSON document can: detection stays unambiguous).
 *
 * Columns by the IAM User Guide, "Generate credential reports for your AWS account", section
 * "Credential report format": user, arn, user_creation_time, password_enabled,
 * password_last_used, password_last_changed, password_next_rotation, mfa_active,
 * access_key_1_active, access_key_1_last_rotated, access_key_1_last_used_date, … and the same for
 * access key 2 and the signing certificates. Columns are read by name, so a report with more
 * columns (AWS has added some over time) still imports. Rules of that section:
 * - the row whose user is `<root_account>` is the AWS account root user: it is not an IAM user,
 *   so it is stored apart (root = 1) and left out of the users' credentials;
 * - password_enabled is `not_supported` for the root user (stored as NULL);
 * - dates that do not apply are `N/A` (stored as NULL; the raw row keeps every value verbatim).
 * The account of each row is its ARN's.
 */
import { accountOfArn } from '../../util/arn.js';
import { AccessqlError } from '../../util/errors.js';
import type { ImportSession } from './session.js';
import { optionalString, requiredString, ShapeError, type JsonObject, type JsonPath } from './shape.js';
import type { CredentialInsert } from './workload-writer.js';

/** The decoded report's first two columns, as AWS prints them (no JSON document starts so). */
const HEADER_START = 'user,arn,';
const REQUIRED = ['user', 'arn', 'password_enabled', 'mfa_active', 'access_key_1_active', 'access_key_2_active'] as const;
export const ROOT_USER = '<root_account>';

/** A CSV problem at a line and column of the report (of the file for a raw CSV, of the decoded Content otherwise). */
export class CsvError extends AccessqlError {
  constructor(
    readonly path: JsonPath | null,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super('BAD_USER_INPUT', `${path ? 'Content: ' : ''}line ${line}, column ${column}: ${reason}`);
    this.name = 'CsvError';
  }
}

export function isCredentialReportOutput(root: unknown): root is JsonObject {
  return root !== null && typeof root === 'object' && !Array.isArray(root) && 'Content' in root && 'ReportFormat' in root;
}

export function isCredentialReportCsv(text: string): boolean {
  return text.startsWith(HEADER_START);
}

export function importCredentialReportOutput(session: ImportSession, root: JsonObject): void {
  const format = requiredString(root, 'ReportFormat', []);
  if (format !== 'text/csv') throw new ShapeError(['ReportFormat'], `${format} is not a report format AWS documents (text/csv)`);
  const content = requiredString(root, 'Content', []);
  // The CLI prints the Base64 text; a Content someone decoded in place is the CSV itself (no Base64 text contains a comma).
  const decoded = isCredentialReportCsv(content);
  if (!decoded && !/^[A-Za-z0-9+/=\s]*$/.test(content)) throw new ShapeError(['Content'], 'expected the Base64-encoded report, as the AWS CLI prints it');
  const text = decoded ? content : Buffer.from(content, 'base64').toString('utf8');
  if (!isCredentialReportCsv(text)) {
    throw new ShapeError(['Content'], `the decoded report does not start with the credential report's columns (${HEADER_START}…)`);
  }
  importCredentialReportCsv(session, text, ['Content'], optionalString(root, 'GeneratedTime', []));
}

/** `path`: where the CSV sits in the file (['Content']), or null when the file is the CSV. */
export function importCredentialReportCsv(session: ImportSession, text: string, path: JsonPath | null, generatedTime: string | null = null): void {
  const rows = parseCsv(text, path);
  const header = rows[0]!;
  const names = header.fields.map((f) => f.value);
  const col = new Map(names.map((n, i) => [n, i]));
  for (const r of REQUIRED) if (!col.has(r)) throw new CsvError(path, 1, 1, `the header has no ${r} column`);
  const seen = new Set<string>();
  const data = rows.slice(1).filter((row) => !(row.fields.length === 1 && row.fields[0]!.value === '')); // blank lines
  if (data.length === 0) {
    // AWS's report always has the root user's row: a report without rows names no account.
    if (session.account === null) throw new CsvError(path, rows.length + 1, 1, 'the report has no rows, so nothing says which account it is from');
    session.accounts.add(session.account);
    session.workloadWriter.source(session.account, 'CREDENTIAL_REPORT', generatedTime);
  }
  for (const row of data) {
    if (row.fields.length !== names.length) {
      throw new CsvError(path, row.line, 1, `${row.fields.length} fields where the header has ${names.length}`);
    }
    const value = (name: string) => row.fields[col.get(name)!]!.value;
    const at = (name: string) => row.fields[col.get(name)!]!;
    const optional = (name: string) => {
      const i = col.get(name);
      if (i === undefined) return null;
      const v = row.fields[i]!.value;
      return v === '' || v === 'N/A' ? null : v;
    };
    const bool = (name: string, notSupported = false): boolean | null => {
      const v = value(name).toLowerCase();
      if (v === 'true') return true;
      if (v === 'false') return false;
      if (notSupported && v === 'not_supported') return null;
      const f = at(name);
      throw new CsvError(
        path,
        f.line,
        f.column,
        `${name} is ${JSON.stringify(value(name))}; expected true or false${notSupported ? ' (or not_supported)' : ''}`,
      );
    };
    const user = value('user');
    const arn = value('arn');
    const accountId = accountOfArn(arn);
    if (!arn.startsWith('arn:') || !accountId)
      throw new CsvError(path, at('arn').line, at('arn').column, `${JSON.stringify(arn)} is not an IAM ARN with an account`);
    const root = user === ROOT_USER;
    if (!root && !/^arn:[^:]+:iam::\d{12}:user\//.test(arn)) {
      throw new CsvError(path, at('arn').line, at('arn').column, `${arn} is not a user ARN (the report lists IAM users and the root user)`);
    }
    if (session.account !== null && accountId !== session.account) {
      throw new CsvError(
        path,
        at('arn').line,
        at('arn').column,
        `${arn} is in account ${accountId}, not in ${session.account} (the account this import was given)`,
      );
    }
    if (seen.has(arn)) throw new CsvError(path, at('arn').line, at('arn').column, `${arn} is listed twice`);
    seen.add(arn);
    const insert: CredentialInsert = {
      arn,
      accountId,
      userName: user,
      root,
      userCreationTime: optional('user_creation_time'),
      passwordEnabled: bool('password_enabled', root),
      passwordLastUsed: optional('password_last_used'),
      passwordLastChanged: optional('password_last_changed'),
      passwordNextRotation: optional('password_next_rotation'),
      mfaActive: bool('mfa_active')!,
      accessKey1Active: bool('access_key_1_active')!,
      accessKey1LastRotated: optional('access_key_1_last_rotated'),
      accessKey1LastUsedDate: optional('access_key_1_last_used_date'),
      accessKey2Active: bool('access_key_2_active')!,
      accessKey2LastRotated: optional('access_key_2_last_rotated'),
      accessKey2LastUsedDate: optional('access_key_2_last_used_date'),
      raw: Object.fromEntries(names.map((n, i) => [n, row.fields[i]!.value])),
    };
    session.accounts.add(accountId);
    session.workloadWriter.source(accountId, 'CREDENTIAL_REPORT', generatedTime);
    session.workloadWriter.credential(insert);
    if (!root) session.credentialReportUsers.add(arn);
  }
}

interface CsvField {
  value: string;
  line: number;
  column: number;
}

/**
 * RFC 4180 CSV: fields separated by commas, rows by CRLF or LF, a field in double quotes may
 * hold commas, line breaks and doubled quotes. (IAM user names may contain commas.)
 */
export function parseCsv(text: string, path: JsonPath | null): { line: number; fields: CsvField[] }[] {
  const rows: { line: number; fields: CsvField[] }[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  let fields: CsvField[] = [];
  let rowLine = 1;
  const n = text.length;
  for (;;) {
    const start = { line, column };
    let value = '';
    if (text[i] === '"') {
      i++;
      column++;
      for (;;) {
        if (i >= n) throw new CsvError(path, start.line, start.column, 'a quoted field is not closed');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            column += 2;
            continue;
          }
          i++;
          column++;
          break;
        }
        value += c;
        i++;
        if (c === '\n') {
          line++;
          column = 1;
        } else column++;
      }
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        throw new CsvError(path, line, column, 'a quoted field is followed by more text before the next comma');
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        if (text[i] === '"') throw new CsvError(path, line, column, 'a double quote inside an unquoted field');
        value += text[i];
        i++;
        column++;
      }
    }
    fields.push({ value, line: start.line, column: start.column });
    if (i < n && text[i] === ',') {
      i++;
      column++;
      continue;
    }
    rows.push({ line: rowLine, fields });
    fields = [];
    if (i >= n) break;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    column = 1;
    rowLine = line;
    if (i >= n) break;
  }
  return rows;
}
