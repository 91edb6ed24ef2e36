/**
 * Journey: on a phone (375×812) the sign-in works, pages fit the screen width (no sideways
 * scrolling of the page), and the menu is a drawer opened from a header button that navigates and
 * closes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h, settled, signIn, signOutViaMenu } from './journey';

let page: Page | undefined;

const WIDTH = 375;

async function pageWidth(p: Page): Promise<{ doc: number; body: number }> {
  return p.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
}

async function expectNoOverflow(p: Page, where: string): Promise<void> {
  const w = await pageWidth(p);
  expect(w.doc, `${where}: page wider than the screen`).toBeLessThanOrEqual(WIDTH);
  expect(w.body, `${where}: body wider than the screen`).toBeLessThanOrEqual(WIDTH);
}

describe('phone 375×812', () => {
  test('signs in, fits the screen, and navigates with the drawer menu', async () => {
    page = await h.page({ width: WIDTH, height: 812 });

    await page.goto('/login');
    await page.getByLabel('用户名').waitFor();
    await expectNoOverflow(page, '/login');

    await signIn(page, 'city');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    await page.getByRole('heading', { level: 2, name: /李文博/ }).waitFor();
    // The officer's home page carries the population chart: wait for it before measuring.
    const chartCard = page.locator('.ant-card').filter({ hasText: '各县区常住人口' });
    await chartCard.locator('svg text').filter({ hasText: '固始' }).first().waitFor();
    await expectNoOverflow(page, '/');

    // No side menu on a phone: only the drawer button.
    const nav = page.getByRole('navigation', { name: '主菜单' });
    expect(await nav.count()).toBe(0);
    const open = page.getByRole('button', { name: '打开菜单' });
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    const box = await open.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= WIDTH).toBe(true);

    await open.click();
    await nav.waitFor();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByRole('menuitem').allInnerTexts()).toEqual(['工作台', '专利检索', '商标检索', '地理标志', '权利人', '地区待定权利人', '数据导入', '产业分类映射', '统计分析', '指标与目标', '专利导航', '分析报告', '预警提醒', '举报线索', '重点关注名录', '维权援助与调解', '调解组织名录', '处罚决定公示', '案件信息共享', '信用记录', '保护工作设置', '工作方案', '任务分解与进展', '工作看板', '考核评价', '保护水平评估', '满意度调查', '督办与通报约谈', '地区与人口', '机构名录', '账号与安全']);
    // Slides in from the left and leaves part of the page visible.
    const drawer = page.locator('.ant-drawer-content-wrapper');
    await settled(drawer);
    const drawerBox = (await drawer.boundingBox())!;
    expect(drawerBox.x).toBe(0);
    expect(drawerBox.width).toBeLessThan(WIDTH);

    await nav.getByRole('menuitem', { name: '地区与人口' }).click();
    await page.waitForURL((u) => u.pathname === '/areas');
    await page.getByRole('heading', { name: '地区与人口', level: 1 }).waitFor();
    await nav.waitFor({ state: 'hidden' });
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await expectNoOverflow(page, '/areas');

    // Once more, to a list page with a wide table.
    await open.click();
    await settled(drawer);
    await nav.getByRole('menuitem', { name: '机构名录' }).click();
    await page.waitForURL((u) => u.pathname === '/orgs');
    await page.getByRole('heading', { name: '机构名录', level: 1 }).waitFor();
    await nav.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await expectNoOverflow(page, '/orgs');

    // The user menu still reaches sign-out on a phone.
    await signOutViaMenu(page);
  });

  test('administration pages fit the screen too', async () => {
    page = await h.page({ width: WIDTH, height: 812 });
    const pages: [string, string, string][] = [
      ['admin', '/users', '账号管理'],
      ['admin', '/security/policy', '安全策略'],
      ['admin', '/account', '账号与安全'],
      ['gushi', '/areas/411525', '固始县'],
      ['auditor', '/audit', '审计日志'],
    ];
    let current = '';
    for (const [username, path, heading] of pages) {
      if (username !== current) {
        const res = await page.request.post('/api/auth/login', { data: { username, password: 'Xinyang#2022' } });
        expect(res.status()).toBe(200);
        current = username;
      }
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      // Measure once the page's data are in (tables and charts are what could overflow).
      await page.waitForLoadState('networkidle');
      await page.locator('.ant-skeleton, .ant-spin-spinning').first().waitFor({ state: 'detached' });
      await expectNoOverflow(page, `${username} ${path}`);
    }
  });
});
