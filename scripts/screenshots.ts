/**
 * Regenerates the README's screenshots from a fresh demo platform:
 * `node --import tsx scripts/screenshots.ts` (needs the web build and Debian's chromium).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../test/support/browser';
import { startServerProcess } from '../test/support/server-process';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
const dir = mkdtempSync(path.join(tmpdir(), 'xz-shots-'));
const server = await startServerProcess({ XINZHI_DATA_DIR: dir, LOG_LEVEL: 'warn' });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: server.url });
  await page.goto('/login');
  await page.getByRole('heading', { name: '演示账号' }).waitFor();
  await page.screenshot({ path: path.join(out, 'login.png') });
  await page.getByLabel('用户名').fill('city');
  await page.getByLabel(/^密码/).fill('Xinyang#2022');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
  await page.locator('svg').last().waitFor();
  await page.waitForTimeout(800); // the chart's entry animation
  await page.screenshot({ path: path.join(out, 'home.png') });
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
}
