/**
 * What every browser journey shares: one server + browser per test file (started before its tests,
 * stopped after), every tab closed after each test, and helpers for Ant Design's animated popups.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { signIn, startWeb, type WebHarness } from '../support/browser';

export { chineseRenders, signIn } from '../support/browser';

/** The running harness of this test file (a live binding: set before the file's own hooks run). */
export let h: WebHarness;

const opened: BrowserContext[] = [];

beforeAll(async () => {
  const base = await startWeb();
  h = {
    ...base,
    async page(opts) {
      const p = await base.page(opts);
      opened.push(p.context());
      return p;
    },
  };
});
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close().catch(() => undefined);
});
afterAll(async () => {
  await h?.close();
});

/**
 * Waits until an Ant Design popup (dropdown, select list, modal, drawer) has finished its opening
 * motion. Until then it is drawn at its final place but scaled or moved, and a click can miss.
 */
export async function settled(popup: Locator): Promise<void> {
  await popup.waitFor();
  await expect
    .poll(() => popup.evaluate((el) => !!el.closest('[class*="-appear"], [class*="-enter"]') || el.getAnimations({ subtree: true }).length > 0))
    .toBe(false);
}

/** Signs out through the user menu in the header. */
export async function signOutViaMenu(p: Page): Promise<void> {
  await p.getByRole('button', { name: '账号菜单' }).click();
  const menu = p.locator('.ant-dropdown').filter({ has: p.getByRole('menuitem', { name: '退出登录' }) });
  await settled(menu);
  await menu.getByRole('menuitem', { name: '退出登录' }).click();
  await p.waitForURL((u) => u.pathname === '/login');
}

/** A new tab signed in through the form, on the home page. */
export async function signedIn(username: string): Promise<Page> {
  const p = await h.page();
  await signIn(p, username);
  await p.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
  return p;
}
