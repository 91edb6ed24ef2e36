/**
 * Journey: a session left idle for longer than the policy's idle limit (30 min) ends. The next
 * page load or data fetch sends the user to the sign-in page with ?next=, and signing in again
 * returns to the exact page, query string included.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h, signIn } from './journey';

let page: Page | undefined;

const MINUTE = 60_000;
const ENTERPRISES = '/orgs?kind=enterprise';

async function enterpriseNames(): Promise<string[]> {
  const rows = await h.t.db.query<{ name: string }>("SELECT name FROM organisations WHERE kind = 'enterprise' ORDER BY name");
  return rows.map((r) => r.name);
}

/** Signed in as city, on the enterprise list, its rows shown. */
async function cityOnEnterprises(): Promise<Page> {
  const p = await h.page();
  await signIn(p, 'city');
  await p.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
  await p.goto(ENTERPRISES);
  await p.getByRole('heading', { name: '机构名录', level: 1 }).waitFor();
  await p.getByText(`共 ${(await enterpriseNames()).length} 条`).waitFor();
  return p;
}

/** Fills the sign-in form already on screen (keeps ?next=, unlike signIn() which opens /login). */
async function signInHere(p: Page, username: string): Promise<void> {
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel(/^密码/).fill('Xinyang#2022');
  await p.getByRole('button', { name: /登\s*录/ }).click();
}

const orgLinks = (p: Page) => p.locator('.ant-table-tbody tr.ant-table-row td:first-child a').allInnerTexts();

describe('idle session expiry', () => {
  test('29 idle minutes are fine; after 31 a reload goes to /login?next=… and signing in comes back', async () => {
    page = await cityOnEnterprises();

    // Within the idle limit the session lives (and the request renews it).
    h.t.clock.advance(29 * MINUTE);
    await page.reload();
    await page.getByRole('heading', { name: '机构名录', level: 1 }).waitFor();
    expect(page.url()).toBe(`${h.baseUrl}${ENTERPRISES}`);

    // 31 idle minutes: the next load finds the session gone.
    h.t.clock.advance(31 * MINUTE);
    await page.reload();
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === ENTERPRISES);
    await page.getByText('请先登录，登录后将回到您刚才访问的页面。').waitFor();
    expect(await page.getByRole('heading', { name: '机构名录' }).count()).toBe(0);
    // Ended on the server too, not only forgotten by the page.
    const [s] = await h.t.db.query<{ revoked_reason: string | null }>(
      "SELECT s.revoked_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'city' ORDER BY s.created_at DESC LIMIT 1",
    );
    expect(s?.revoked_reason).toBe('idle');

    await signInHere(page, 'city');
    await page.waitForURL((u) => `${u.pathname}${u.search}` === ENTERPRISES);
    await page.getByRole('heading', { name: '机构名录', level: 1 }).waitFor();
    await page.getByText(`共 ${(await enterpriseNames()).length} 条`).waitFor();
    expect((await orgLinks(page)).sort()).toEqual(await enterpriseNames());
  });

  test('after 31 idle minutes an in-page fetch (a search) ends in /login?next=… and back', async () => {
    page = await cityOnEnterprises();
    h.t.clock.advance(31 * MINUTE);

    // No reload: the search changes the query, the list refetches and gets a 401.
    const search = page.getByLabel('名称或统一社会信用代码');
    await search.fill('羚锐');
    await search.press('Enter');
    const target = `${ENTERPRISES}&q=${encodeURIComponent('羚锐')}`;
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === target);
    // The page says why.
    await page.getByText('登录已过期，请重新登录').waitFor();
    await page.getByText('请先登录，登录后将回到您刚才访问的页面。').waitFor();

    await signInHere(page, 'city');
    await page.waitForURL((u) => u.pathname === '/orgs' && u.searchParams.get('kind') === 'enterprise' && u.searchParams.get('q') === '羚锐');
    await page.getByText('共 1 条').waitFor();
    expect(await orgLinks(page)).toEqual(['河南羚锐制药股份有限公司']);
  });
});
