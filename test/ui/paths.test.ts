/**
 * The explorer's paths view on the seed (seed/README.md, "Access paths"): the support role's
 * escalation to the contact-centre admin role is drawn as a graph, from privilegeEscalations.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { startTestServer, tempDb, type TestServer } from '../helpers/server.js';
import { browserSkip, launchBrowser, screenshot, type Browser } from '../helpers/browser.js';

const SUPPORT = 'arn:aws:iam::111122223333:role/SupportEngineerRole';
const ADMIN = 'arn:aws:iam::111122223333:role/ContactCentreAdminRole';

describe('paths view in Chromium', { skip: browserSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    const db = tempDb();
    const r = runCli(['seed', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    server = await startTestServer({ dbFile: db });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the support role’s PassRole escalation is drawn: SupportEngineerRole → ContactCentreAdminRole', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url.replace(/\/graphql$/, '')}/ui#/paths/${encodeURIComponent(SUPPORT)}`);
    await page.locator('accessql-paths .graph').waitFor();
    // Playwright's locators pierce the explorer's shadow roots.
    const read = () => page.locator('accessql-paths').evaluate((el) => (el as unknown as { graphNodes?: string[] }).graphNodes ?? []);
    let nodes: string[] = [];
    for (let i = 0; i < 300 && !nodes.includes(ADMIN); i++) {
      await page.waitForTimeout(100);
      nodes = await read();
    }
    assert.ok(nodes.includes(SUPPORT) && nodes.includes(ADMIN), nodes.join(', '));
    assert.deepEqual(browser.blocked, []);
    await screenshot(page, 'paths-escalation');
    await page.close();
  });
});
