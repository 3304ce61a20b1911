import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, startServerProcess, type ServerProcess } from '@zeren/testing';
import { launchBrowser, screenshot } from './browser';

let server: ServerProcess;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'zeren-web-e2e-'));

beforeAll(async () => {
  server = await startServerProcess({
    NODE_ENV: 'production',
    ZEREN_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    ZEREN_EMBEDDED_PG_PORT: String(await freePort()),
    ZEREN_WEB_DIST: join(__dirname, '../../../dist/apps/web'),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('serves the web client from the API port, in Chinese, with the sign-in page showing live system status', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.getByTestId('system-status').waitFor();
  await expect(page.getByTestId('system-status').textContent()).resolves.toMatch(/系统状态.*数据库迁移 \d+/);
  await expect(page.getByRole('button', { name: /登\s*录/ }).isVisible()).resolves.toBe(true);
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  await screenshot(page, 'sign-in');
});

it('answers client-side routes with the app, and switches to English and back', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/ledger?status=VERIFIED`);
  await page.getByTestId('language-switch').click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
  await screenshot(page, 'sign-in-english');
  await page.getByTestId('language-switch').click();
  await page.getByRole('button', { name: /登\s*录/ }).waitFor();
});
