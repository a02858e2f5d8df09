/**
 * Every policy of the five seed documents (Amazon Connect IAM docs), verbatim, and the findings a
 * careful reviewer expects. The policies are read from seed/policies (sources: its INDEX.md); the
 * three element snippets of document 003 are not policies and are quoted here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validatePolicy } from '../../src/policy/validate.js';
import { parsePolicy, PolicySyntaxError } from '../../src/policy/parse.js';
import type { Finding } from '../../src/policy/types.js';

// dist/test/policy → repository root
const dir = fileURLToPath(new URL('../../../seed/policies/', import.meta.url));
/** Document 003 (Actions and Resources sections): element snippets, verbatim, each with the file's final newline. */
const SNIPPETS: Record<string, string> = {
  '003-action-list-snippet': '"Action": [\n      "connect:action1",\n      "connect:action2"\n',
  '003-action-describe-wildcard': '"Action": "connect:Describe*"\n',
  '003-resource-list-snippet': '"Resource": [\n      "resource1",\n      "resource2"\n',
};
const read = (name: string) => SNIPPETS[name] ?? readFileSync(dir + name + '.json', 'utf8');
const summary = (fs: Finding[]) => fs.map((f) => `${f.findingType} ${f.code} ${f.line}:${f.column}`);

function strictError(name: string): [number, number] {
  const r = validatePolicy(read(name));
  assert.equal(r.valid, false);
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0].code, 'JSON_SYNTAX_ERROR');
  assert.throws(() => parsePolicy(read(name)), PolicySyntaxError);
  return [r.findings[0].line!, r.findings[0].column!];
}

test('every seed policy is exercised by this file', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 30);
  const source = readFileSync(fileURLToPath(new URL('../../../test/policy/seed-docs.test.ts', import.meta.url)), 'utf8');
  for (const f of files) assert.ok(source.includes(`'${f.slice(0, -5)}'`), f);
});

// ---- policies that are valid as documented ------------------------------------------------------
for (const name of [
  '000-view-own-permissions',
  '000-view-user',
  '000-describe-update-users-by-tag',
  '000-create-users-by-tag',
  '001-view-own-permissions',
  '001-view-user',
  '001-describe-update-users-by-tag',
  '001-create-users-by-tag',
  '002-deny-delete-update-users-instance',
  '004-amazonconnect-fullaccess-custom-policy',
  '004-amazonconnect-fullaccess',
  '004-amazonconnect-voiceid-custom-policy',
]) {
  test(`${name}: valid IAM policy grammar, no findings (condition keys supported by the actions)`, () => {
    const r = validatePolicy(read(name));
    assert.deepEqual(summary(r.findings), []);
    assert.equal(r.valid, true);
    assert.ok(r.document!.statements.length > 0);
  });
}

test('000 "Allow IAM users to view their own permissions": ${aws:username} is fine under Version 2012-10-17', () => {
  const r = validatePolicy(read('000-view-own-permissions'));
  assert.equal(
    r.findings.some((f) => f.code === 'VARIABLE_UNSUPPORTED_IN_VERSION'),
    false,
  );
});

// ---- misspelt service ------------------------------------------------------------------------
test('000 "integrate with external applications": app-integartions is not a service prefix (Access Analyzer: invalid service in action)', () => {
  const r = validatePolicy(read('000-app-integrations-access'));
  assert.deepEqual(summary(r.findings), ['ERROR INVALID_SERVICE_IN_ACTION 12:17']);
  assert.match(r.findings[0].message, /did you mean "app-integrations"/);
  assert.match(r.findings[0].message, /grants nothing/);
});

test('001 "integrate with external applications": both app-integartions entries are reported at their columns', () => {
  const r = validatePolicy(read('001-app-integrations-access'));
  assert.deepEqual(summary(r.findings), ['ERROR INVALID_SERVICE_IN_ACTION 1:285', 'ERROR INVALID_SERVICE_IN_ACTION 1:492']);
});

test('002 "integrations with specific names": misspelt service, and the appintegrations ARN namespace matches nothing', () => {
  const r = validatePolicy(read('002-app-integrations-name-prefix'));
  assert.deepEqual(summary(r.findings), ['WARNING STATEMENT_GRANTS_NOTHING 4:9', 'ERROR INVALID_SERVICE_IN_ACTION 12:17', 'WARNING UNKNOWN_ARN_SERVICE 14:12']);
  assert.match(r.findings[2].message, /app-integrations/);
});

// ---- trailing commas, missing comma (RFC 8259) ----------------------------------------------------
test('000 "Create and view AppIntegrations": trailing comma after the last action is a JSON error at the ] (10:13)', () => {
  assert.deepEqual(strictError('000-app-integrations-create-view'), [10, 13]);
});

test('000 "Create and view AppIntegrations", lenient: the comma repair is reported at 9:58, then the empty action name', () => {
  const r = validatePolicy(read('000-app-integrations-create-view'), { lenient: true });
  assert.deepEqual(summary(r.findings), ['ERROR EMPTY_ACTION_NAME 9:17', 'WARNING JSON_REPAIRED_TRAILING_COMMA 9:58']);
  assert.match(r.findings[0].message, /app-integrations:ListEventIntegrations/);
  assert.equal(r.valid, false);
});

test('001 "Create and view AppIntegrations": trailing comma → JSON error at 1:202; lenient repair at 1:200', () => {
  assert.deepEqual(strictError('001-app-integrations-create-view'), [1, 202]);
  const r = validatePolicy(read('001-app-integrations-create-view'), { lenient: true });
  assert.deepEqual(summary(r.findings), ['ERROR EMPTY_ACTION_NAME 1:159', 'WARNING JSON_REPAIRED_TRAILING_COMMA 1:200']);
});

test('001 "Wisdom assistants": trailing comma → JSON error at 1:176; lenient: otherwise valid', () => {
  assert.deepEqual(strictError('001-wisdom-assistants'), [1, 176]);
  const r = validatePolicy(read('001-wisdom-assistants'), { lenient: true });
  assert.deepEqual(summary(r.findings), ['WARNING JSON_REPAIRED_TRAILING_COMMA 1:174']);
  assert.equal(r.valid, true);
  assert.equal(r.document!.statements[0].action!.length, 4);
});

test('002 "Allow create users but deny a security profile": two trailing commas; strict fails at 10:9', () => {
  assert.deepEqual(strictError('002-create-user-deny-security-profile'), [10, 9]);
  const r = validatePolicy(read('002-create-user-deny-security-profile'), { lenient: true });
  assert.deepEqual(summary(r.findings), ['WARNING JSON_REPAIRED_TRAILING_COMMA 9:28', 'WARNING JSON_REPAIRED_TRAILING_COMMA 16:168']);
  assert.deepEqual(
    r.document!.statements.map((s) => s.effect),
    ['Allow', 'Deny'],
  );
});

test('001 "Management permissions": the missing comma is a JSON error at the second item (1:263)', () => {
  assert.deepEqual(strictError('001-outbound-campaigns-management'), [1, 263]);
});

test('001 "Management permissions", lenient: comma assumed, statement without document, renamed campaign actions', () => {
  const r = validatePolicy(read('001-outbound-campaigns-management'), { lenient: true });
  assert.deepEqual(summary(r.findings), [
    'ERROR STATEMENT_WITHOUT_DOCUMENT 1:1',
    'WARNING JSON_REPAIRED_MISSING_COMMA 1:263',
    'ERROR INVALID_ACTION 1:263',
    'ERROR INVALID_ACTION 1:309',
  ]);
  assert.match(r.findings[2].message, /UpdateCampaignOutboundCallConfig/);
  assert.match(r.findings[3].message, /UpdateCampaignDialerConfig/);
  assert.deepEqual(r.document!.statements, []);
});

test('001 "ReadOnly permissions": trailing comma before } → JSON error 1:257; lenient: repair at 1:255 + fragment', () => {
  assert.deepEqual(strictError('001-outbound-campaigns-readonly'), [1, 257]);
  const r = validatePolicy(read('001-outbound-campaigns-readonly'), { lenient: true });
  assert.deepEqual(summary(r.findings), ['ERROR STATEMENT_WITHOUT_DOCUMENT 1:1', 'WARNING JSON_REPAIRED_TRAILING_COMMA 1:255']);
});

// ---- fragments -------------------------------------------------------------------------------------------
test('001 "Onboarding permissions": text starting with "Sid": is not JSON at all (1:6), even leniently', () => {
  assert.deepEqual(strictError('001-outbound-campaigns-onboarding'), [1, 6]);
  const r = validatePolicy(read('001-outbound-campaigns-onboarding'), { lenient: true });
  assert.deepEqual(summary(r.findings), ['ERROR JSON_SYNTAX_ERROR 1:6']);
  assert.match(r.findings[0].message, /without its braces/);
});

test('001 "disable outbound campaigns": the document lacks its closing } (error at the end, 2:1)', () => {
  assert.deepEqual(strictError('001-outbound-campaigns-disable'), [2, 1]);
  assert.deepEqual(summary(validatePolicy(read('001-outbound-campaigns-disable'), { lenient: true }).findings), ['ERROR JSON_SYNTAX_ERROR 2:1']);
});

test('001 "Tag-based permissions": a statement without the document, and a placeholder ARN in the condition', () => {
  const r = validatePolicy(read('001-outbound-campaigns-tag-based'));
  assert.deepEqual(summary(r.findings), ['ERROR STATEMENT_WITHOUT_DOCUMENT 1:1', 'WARNING ARN_PLACEHOLDER 1:229']);
  assert.match(r.findings[1].message, /customer_account_id/);
  assert.equal(r.valid, false);
});

test('003 element snippets ("Action": [...]) are not policy documents', () => {
  assert.deepEqual(strictError('003-action-list-snippet'), [1, 9]);
  assert.deepEqual(strictError('003-action-describe-wildcard'), [1, 9]);
  assert.deepEqual(strictError('003-resource-list-snippet'), [1, 11]);
});

// ---- placeholders ---------------------------------------------------------------------------------------------
test('002 "recording actions on a contact": accountID and instanceId are placeholders; the statement grants nothing', () => {
  const r = validatePolicy(read('002-start-contact-recording'));
  assert.deepEqual(summary(r.findings), ['WARNING STATEMENT_GRANTS_NOTHING 4:5', 'ERROR INVALID_ARN_ACCOUNT 8:19', 'WARNING ARN_PLACEHOLDER 8:19']);
  assert.match(r.findings[2].message, /accountID/);
  assert.match(r.findings[2].message, /instanceId/);
  // Access Analyzer: "Invalid ARN account" (the documentation's accountID placeholder).
  assert.equal(r.valid, false);
});

test('002 "Allow more resources": connect:* on contacts of account accountID', () => {
  const r = validatePolicy(read('002-all-contact-actions'));
  assert.deepEqual(summary(r.findings), ['WARNING STATEMENT_GRANTS_NOTHING 4:9', 'ERROR INVALID_ARN_ACCOUNT 8:25', 'WARNING ARN_PLACEHOLDER 8:25']);
});

test('002 "View specific AppIntegrations resources": accountID and Name placeholders', () => {
  const r = validatePolicy(read('002-view-specific-event-integration'));
  assert.deepEqual(summary(r.findings), ['WARNING STATEMENT_GRANTS_NOTHING 4:9', 'ERROR INVALID_ARN_ACCOUNT 9:25', 'WARNING ARN_PLACEHOLDER 9:25']);
});

test('002 "Customer Profiles domain": accountID and domainName placeholders', () => {
  const r = validatePolicy(read('002-customer-profiles-domain-access'));
  assert.deepEqual(summary(r.findings), ['WARNING STATEMENT_GRANTS_NOTHING 4:5', 'ERROR INVALID_ARN_ACCOUNT 8:19', 'WARNING ARN_PLACEHOLDER 8:19']);
  assert.match(r.findings[2].message, /domainName/);
});

test('002 "read-only access to Customer Profiles data": profile:ListObjects does not exist; placeholders', () => {
  const r = validatePolicy(read('002-customer-profiles-read-only'));
  assert.deepEqual(summary(r.findings), [
    'WARNING STATEMENT_GRANTS_NOTHING 4:9',
    'ERROR INVALID_ACTION 7:17',
    'ERROR INVALID_ARN_ACCOUNT 9:25',
    'WARNING ARN_PLACEHOLDER 9:25',
  ]);
});

// ---- empty resource and empty account ------------------------------------------------------------------------
test('004 CustomerProfilesServiceLinkedRolePolicy: "Resource": "" and an IAM ARN without account', () => {
  const r = validatePolicy(read('004-customerprofiles-service-linked-role-policy'));
  assert.deepEqual(summary(r.findings), [
    'WARNING STATEMENT_GRANTS_NOTHING 4:9',
    'ERROR EMPTY_RESOURCE 9:25',
    'WARNING STATEMENT_GRANTS_NOTHING 16:9',
    'ERROR MISSING_ARN_ACCOUNT 21:25',
  ]);
  assert.equal(r.valid, false);
});
