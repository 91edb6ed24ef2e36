import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_DIST } from '../../src/server/http/web';
import { createTestApp, type TestApp, type TestAppOptions } from './app';

/** Debian's Chromium with the flags this machine needs (no sandbox as root, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface WebHarness {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  /** A new tab (own cookies) at the given width; Chinese UI unless told otherwise. */
  page(opts?: { width?: number; height?: number; locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** The real HTTP server with the built web app on a test database, plus a browser. */
export async function startWeb(opts: TestAppOptions = {}): Promise<WebHarness> {
  if (!existsSync(`${WEB_DIST}index.html`)) throw new Error('The web app is not built: run `npm run build` first (npm test does).');
  const t = await createTestApp(opts);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await launchBrowser();
  return {
    t,
    browser,
    baseUrl,
    async page({ width = 1440, height = 900, locale = 'zh-CN' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale, baseURL: baseUrl });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the login form as a demo account. */
export async function signIn(page: Page, username: string, password = 'Xinyang#2022'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/^密码|^Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
}

/** True when Chinese renders with a real font (not boxes): compare glyph widths with private-use chars. */
export async function chineseRenders(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return false;
    ctx.font = '16px sans-serif';
    return ctx.measureText('信阳毛尖').width !== ctx.measureText('\ue000\ue001\ue002\ue003').width;
  });
}
