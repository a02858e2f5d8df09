/**
 * Debian's Chromium (/usr/bin/chromium, installed by .ci/run) driven by playwright-core: no browser
 * download. Every context routes requests: loopback ones go through, any other is aborted and
 * recorded, so a test can assert the pages needed nothing from the internet.
 */
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './cli.js';

export const CHROMIUM = process.env.ACCESSQL_CHROMIUM ?? '/usr/bin/chromium';

/** Skip (with the reason) where Chromium is missing, except in CI, where .ci/run installs it and its absence is a failure. */
export const browserSkip: string | false = existsSync(CHROMIUM) || process.env.CI ? false : `no ${CHROMIUM}: apt-get install chromium`;

export const SCREENSHOTS = path.resolve(ROOT, process.env.ACCESSQL_SCREENSHOTS_DIR ?? 'dist/screenshots');

export interface Browser {
  context: BrowserContext;
  /** Non-loopback URLs the pages asked for (each aborted). */
  blocked: string[];
  /** Every loopback request, by URL. */
  requests: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

function loopback(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
  } catch {
    return false;
  }
}

export async function launchBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'accessql-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  const blocked: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (loopback(url)) {
      requests.push(url);
      return route.continue();
    }
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  return {
    context,
    blocked,
    requests,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
