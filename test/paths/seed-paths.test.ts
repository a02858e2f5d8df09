/**
 * The seed's access paths (seed/README.md, "Access paths"): what a first `npm start` shows.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { App, SEED_DIR } from '../../src/app.js';
import { seedStore } from '../../src/store/seed.js';
import { tempDb } from '../helpers/server.js';

const MGMT = 'arn:aws:iam::111122223333:';
const SSO = `${MGMT}role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ContactCentreAdmins_7d3f1a2b9c4e5f60`;
const ADMIN = `${MGMT}role/ContactCentreAdminRole`;
const SUPPORT = `${MGMT}role/SupportEngineerRole`;
const OUTBOUND = 'arn:aws:iam::123456789012:role/OutboundCampaignsRole';

let app: App;
let dbFile: string;
before(() => {
  dbFile = tempDb();
  app = App.open({ dbFile, seedIfNew: false });
  seedStore(app.store, SEED_DIR);
});
after(() => {
  app.close();
  rmSync(path.dirname(dbFile), { recursive: true, force: true });
});

test('seed privilegeEscalations: the support role passes the admin role to Lambda (iam-vulnerable privesc15), the SSO role assumes it, OutboundCampaignsRole writes itself a policy', () => {
  const list = app.accessPaths().escalations().list;
  assert.deepEqual(
    list.map((e) => [e.principal.model.arn, e.reaches, e.conditional, e.path.map((s) => s.kind)]),
    [
      [SUPPORT, ADMIN, false, ['PASS_ROLE']],
      [SSO, ADMIN, false, ['ASSUME_ROLE']],
      [OUTBOUND, OUTBOUND, false, ['MODIFY_POLICY']],
    ],
  );
  const pass = list[0].path[0];
  assert.deepEqual(
    pass.actions.map((a) => a.action),
    ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  );
  assert.equal(pass.via, 'lambda.amazonaws.com');
  assert.ok(pass.actions[0].matchedStatements.some((s) => s.sid === 'PassProvisioningRole'));
  assert.deepEqual(
    app
      .accessPaths()
      .graph.administrators()
      .map((p) => p.model.arn),
    [ADMIN],
  );
});

test('seed whoCan(transitive): the SSO role reaches an IAM action of the management account through ContactCentreAdminRole', () => {
  const answer = app.accessPaths().whoCanTransitive('iam:CreateUser', `${MGMT}user/new-hire`, undefined);
  const m = new Map(answer.entries.map((e) => [e.principal.model.arn, e]));
  assert.deepEqual(m.get(ADMIN)?.path, []);
  assert.deepEqual(
    m.get(SSO)?.path.map((s) => [s.from, s.to]),
    [[SSO, ADMIN]],
  );
  assert.equal(m.get(SUPPORT), undefined, 'PassRole is not an sts:AssumeRole chain');
  // ContactCentreAdminRole is allowed sts:AssumeRole on everything, and SupportEngineerRole trusts the account.
  assert.deepEqual(
    app
      .accessPaths()
      .reachableRoles(SSO)
      .map((r) => [r.role.model.arn, r.path.length]),
    [
      [ADMIN, 1],
      [SUPPORT, 2],
    ],
  );
});
