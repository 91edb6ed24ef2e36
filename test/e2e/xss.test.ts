/**
 * Journey: names typed by users are shown as text everywhere. An organisation (and an account)
 * whose name is HTML with script payloads renders literally on its page, in the organisation list
 * and in the account list; nothing runs and nothing is injected into the DOM.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { h, signIn } from './journey';

let page: Page | undefined;
let orgId: string;

const NAME = '<img src=x onerror="window.__xss=1">测试<script>window.__xss=2</script>';
const PERSON = '<b onmouseover="window.__xss=3">张</b>三';

declare global {
  interface Window {
    __xss?: number;
    __cspViolations?: string[];
  }
}

beforeAll(async () => {
  const admin = await h.t.as('admin');
  const org = await admin.post('/api/orgs', { name: NAME, kind: 'enterprise', areaCode: '411502' });
  expect(org.statusCode, org.body).toBe(201);
  expect(org.data.name).toBe(NAME); // stored as typed, escaping is the page's job
  orgId = org.data.id;
  const user = await admin.post('/api/users', { username: 'xss.probe', displayName: PERSON, orgId });
  expect(user.statusCode, user.body).toBe(201);
});

/** A tab that records Content-Security-Policy violations (an injected inline handler would cause one). */
async function watchedPage(): Promise<Page> {
  const p = await h.page();
  await p.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations!.push(`${e.violatedDirective} ${e.sample}`));
  });
  return p;
}

/** Nothing from the payload made it into the DOM as markup, and nothing ran. */
async function assertInert(p: Page): Promise<void> {
  const state = await p.evaluate(() => ({
    xss: window.__xss,
    csp: window.__cspViolations ?? [],
    injectedImg: document.querySelectorAll('img[src="x"], img[onerror]').length,
    injectedScript: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length,
    handlers: document.querySelectorAll('[onerror], [onmouseover]').length,
  }));
  expect(state).toEqual({ xss: undefined, csp: [], injectedImg: 0, injectedScript: 0, handlers: 0 });
}

describe('HTML in names is shown as text', () => {
  test('the organisation page shows the name literally', async () => {
    page = await watchedPage();
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    await page.goto(`/orgs/${orgId}`);
    const h1 = page.getByRole('heading', { level: 1 });
    await h1.filter({ hasText: '测试' }).waitFor();
    expect(await h1.innerText()).toBe(NAME);
    expect(await page.title()).toBe(`${NAME} · 信知`);
    expect(await page.locator('#main').innerText()).toContain('浉河区');
    // The account card lists the probe account with its HTML-looking name as text.
    await page.getByText(PERSON, { exact: true }).first().waitFor();
    await assertInert(page);
    // Hovering the would-be <b onmouseover> does nothing either.
    await page.getByText(PERSON, { exact: true }).first().hover();
    await assertInert(page);
  });

  test('the organisation list and the account list show the names literally', async () => {
    page = await watchedPage();
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();

    await page.goto(`/orgs?q=${encodeURIComponent('测试')}`);
    const link = page.getByRole('link', { name: NAME, exact: true });
    await link.waitFor();
    expect(await link.innerText()).toBe(NAME);
    await page.getByText('共 1 条').waitFor();
    await assertInert(page);

    await page.goto('/users?q=xss.probe');
    const row = page.getByRole('row').filter({ hasText: 'xss.probe' });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: PERSON, exact: true }).count()).toBe(1);
    expect(await row.getByRole('link', { name: NAME, exact: true }).count()).toBe(1);
    await assertInert(page);

    // Following the list link lands on the right page.
    await row.getByRole('link', { name: NAME, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/orgs/${orgId}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '测试' }).waitFor();
    await assertInert(page);
  });

  test('a reader (city) sees the same literal text', async () => {
    page = await watchedPage();
    await signIn(page, 'city');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    await page.goto(`/orgs?kind=enterprise&area=411502`);
    await page.getByRole('link', { name: NAME, exact: true }).waitFor();
    await assertInert(page);
  });
});
