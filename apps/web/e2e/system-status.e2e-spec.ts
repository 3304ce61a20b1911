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

it('serves the web client from the API port, in Chinese, showing live system status', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText('系统状态').waitFor();
  await expect(page.getByTestId('system-status').getByText('数据库迁移').isVisible()).resolves.toBe(true);
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  await screenshot(page, 'system-status');
});
