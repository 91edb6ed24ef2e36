/**
 * Journey: an address that is no page of the app shows a friendly "页面不存在" page with a way
 * home — for a signed-in user inside the normal shell, and for a visitor who is not signed in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h, signIn } from './journey';

let page: Page | undefined;

const UNKNOWN = '/no/such/page';

describe('unknown address', () => {
  test('signed in: 404 page inside the shell, with a link back to 工作台', async () => {
    page = await h.page();
    await signIn(page, 'gushi');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();

    for (const path of [UNKNOWN, '/orgs/a/b', '/users/extra']) {
      await page.goto(path);
      await page.getByRole('heading', { name: '页面不存在', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path); // no redirect elsewhere
      await page.getByText('404', { exact: true }).waitFor();
      await page.getByText('您访问的页面不存在，可能链接有误或页面已移动。').waitFor();
      // Still the normal shell: menu, breadcrumb, user.
      await page.getByRole('navigation', { name: '主菜单' }).waitFor();
      expect(await page.locator('.xz-header-crumbs').innerText()).toMatch(/工作台\s*\/\s*页面不存在/);
      expect(await page.title()).toBe('页面不存在 · 信知');
    }

    const home = page.getByRole('link', { name: '返回工作台' });
    expect(await home.getAttribute('href')).toBe('/');
    await home.click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();

    // Unknown API paths answer with the JSON 404 of the contract, not the app's HTML.
    const api = await page.request.get('/api/no/such/endpoint');
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
  });

  test('not signed in: a friendly 404 with a link home, not the sign-in form', async () => {
    page = await h.page();
    await page.goto(UNKNOWN);
    // Wait until the app has decided what to show (a 404 page or a redirect).
    await page.getByText('页面不存在').or(page.getByLabel('用户名')).first().waitFor();
    expect(new URL(page.url()).pathname, 'an unknown address must show the 404 page, not redirect to the sign-in page').toBe(UNKNOWN);
    await page.getByText('页面不存在').first().waitFor();
    expect(await page.getByText('404', { exact: true }).count()).toBe(1);
    const home = page.getByRole('link', { name: /返回/ });
    expect(await home.getAttribute('href')).toBe('/');
    expect(await page.getByLabel('用户名').count()).toBe(0);
  });
});
