import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { freePort, startServerProcess, type ServerProcess } from '@zeren/testing';

const ROOT = join(__dirname, '../../..');
export const PLATFORM_PASSWORD = 'Platform-e2e-2026';
export const DEMO_PASSWORD = 'Zeren-demo-2026';

export interface SeededServer {
  server: ServerProcess;
  url: string;
  stop(): Promise<void>;
}

/**
 * The built server (what `npm start` runs) on a fresh data directory, seeded with the demo districts
 * through the seed tool, which talks to it only over GraphQL like any other client.
 */
export async function startSeededServer(): Promise<SeededServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zeren-web-e2e-'));
  const server = await startServerProcess({
    NODE_ENV: 'production',
    ZEREN_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    ZEREN_EMBEDDED_PG_PORT: String(await freePort()),
    ZEREN_WEB_DIST: join(ROOT, 'dist/apps/web'),
    ZEREN_BOOTSTRAP_ADMIN_PASSWORD: PLATFORM_PASSWORD,
    // Every test signs in several people from one address.
    ZEREN_SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
    ZEREN_LOG_LEVEL: 'warn',
  });
  const seeded = spawnSync(process.execPath, [join(ROOT, 'dist/api/tools/seed/seed-cli.js')], {
    env: { PATH: process.env['PATH'] ?? '', ZEREN_API_URL: server.url, ZEREN_BOOTSTRAP_ADMIN_PASSWORD: PLATFORM_PASSWORD },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) {
    await server.stop();
    throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);
  }
  return {
    server,
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh browser context (own cookies) with a desktop viewport, collecting page errors. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

export async function signIn(page: Page, url: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByLabel('登录名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** Signs in as a demo person in a context of its own: several people act side by side. */
export async function signedInPage(browser: Browser, url: string, username: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await newPage(browser);
  await signIn(opened.page, url, username);
  return opened;
}

/**
 * Chooses `option` in the Ant Design select opened by clicking `field`, and waits for its list to
 * close, which it does once the choice is made. On a busy machine a click can reach the list while
 * it is still opening and choose nothing, leaving it open over the dialog's buttons: the list is
 * then closed and the choice made again.
 */
export async function choose(page: Page, field: Locator, option: string): Promise<void> {
  const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt += 1) {
    await field.click();
    await openList.locator(`.ant-select-item-option[title="${option}"]`).click();
    try {
      await openList.waitFor({ state: 'hidden', timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await openList.waitFor({ state: 'hidden' });
    }
  }
}

/**
 * Opens the record-finding dialog of the inspection on screen and fills what every finding has:
 * its unit, title and description. Returns the dialog, for the basis and the submit.
 */
export async function startRecordingFinding(page: Page, finding: { unit: string; title: string; description: string }): Promise<Locator> {
  await page.getByTestId('record-finding').click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByLabel('责任单位'), finding.unit);
  await dialog.getByLabel('问题', { exact: true }).fill(finding.title);
  await dialog.getByLabel('问题描述').fill(finding.description);
  return dialog;
}
