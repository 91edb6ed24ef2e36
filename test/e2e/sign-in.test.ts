/**
 * Journey: the sign-in page in demo mode, signing in as the city office, the language switch, and
 * signing out (after which protected pages send the visitor back to the sign-in page).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chineseRenders, h, signIn, signOutViaMenu } from './journey';

let page: Page | undefined;

const DEMO_USERNAMES = ['admin', 'security', 'auditor', 'city', 'leader', 'gushi', 'shangtianti', 'court', 'police', 'lingrui', 'xynu', 'agency', 'bank'];

const mainMenu = (p: Page, name = '主菜单') => p.getByRole('navigation', { name });

describe('sign-in page (demo mode)', () => {
  test('shows the demo banner and the demo accounts with their password', async () => {
    page = await h.page();
    await page.goto('/login');
    await page.getByRole('heading', { name: '登录', level: 2 }).waitFor();

    const banner = page.getByRole('note').filter({ hasText: '演示数据' });
    await banner.waitFor();
    expect(await banner.innerText()).toContain('所有企业、人员与数字均为合成数据');

    await page.getByRole('heading', { name: '演示账号' }).waitFor();
    const demo = page.locator('.xz-login-demo');
    // The shared password is shown (demo mode only) …
    expect(await demo.getByText('Xinyang#2022', { exact: true }).count()).toBeGreaterThan(0);
    // … with one row per demo account, each a button that fills the form.
    for (const u of DEMO_USERNAMES) {
      await demo.getByRole('button', { name: `填入演示账号 ${u}` }).waitFor();
    }
    expect(await demo.getByRole('row').count()).toBe(DEMO_USERNAMES.length + 1); // + header row
    expect(await demo.getByRole('row').filter({ hasText: 'gushi' }).innerText()).toContain('固始县市场监督管理局');

    // Clicking an account fills both fields.
    await demo.getByRole('button', { name: '填入演示账号 court' }).click();
    expect(await page.getByLabel('用户名').inputValue()).toBe('court');
    expect(await page.getByLabel(/^密码/).inputValue()).toBe('Xinyang#2022');
    expect(await chineseRenders(page)).toBe(true);
  });
});

describe('signed in as the city office', () => {
  test('lands on the home page with name, organisation and area; switches language; signs out', async () => {
    page = await h.page();
    await signIn(page, 'city');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();

    // Welcome card: greeting with the user's name, organisation and area.
    const welcome = page.getByRole('heading', { level: 2, name: /李文博/ });
    await welcome.waitFor();
    const card = page.locator('.xz-card').filter({ has: welcome });
    const cardText = await card.innerText();
    expect(cardText).toContain('信阳市知识产权局');
    expect(cardText).toMatch(/管辖范围\s*信阳市/);
    expect(cardText).toContain('市局工作人员');
    // Header shows who is signed in.
    expect(await page.getByRole('button', { name: '账号菜单' }).innerText()).toContain('李文博');
    expect(await page.locator('.xz-header-org').innerText()).toBe('信阳市知识产权局 · 信阳市');
    // The demo banner is on every page, not only the sign-in page.
    await page.getByRole('note').filter({ hasText: '演示数据' }).waitFor();
    expect(await chineseRenders(page)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    // City officer menu in Chinese.
    const zhMenu = await mainMenu(page).getByRole('menuitem').allInnerTexts();
    expect(zhMenu).toEqual(['工作台', '专利检索', '商标检索', '地理标志', '权利人', '地区待定权利人', '数据导入', '产业分类映射', '统计分析', '指标与目标', '专利导航', '分析报告', '预警提醒', '举报线索', '重点关注名录', '维权援助与调解', '调解组织名录', '处罚决定公示', '案件信息共享', '信用记录', '保护工作设置', '工作方案', '任务分解与进展', '工作看板', '考核评价', '保护水平评估', '满意度调查', '督办与通报约谈', '地区与人口', '机构名录', '账号与安全']);

    // Switch to English: menu, headings and html lang follow.
    await page.getByLabel('界面语言').getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await mainMenu(page, 'Main menu').waitFor();
    expect(await mainMenu(page, 'Main menu').getByRole('menuitem').allInnerTexts()).toEqual([
      'Dashboard',
      'Patents',
      'Trademarks',
      'Geographical indications',
      'Right holders',
      'Holders to place',
      'Data import',
      'Industry mapping',
      'Statistics dashboard',
      'Indicators & targets',
      'Patent navigation',
      'Reports',
      'Alerts',
      'Infringement reports',
      'Key-protection list',
      'Assistance & mediation',
      'Mediation bodies',
      'Penalty disclosure',
      'Shared cases',
      'Credit records',
      'Protection settings',
      'Work plans',
      'Assignments and progress',
      'Plan dashboard',
      'Assessment',
      'Protection evaluation',
      'Satisfaction surveys',
      'Supervision and notices',
      'Areas & population',
      'Organisation directory',
      'Account & security',
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.xz-header-org').innerText()).toMatch(/^信阳市知识产权局 · Xinyang/);
    expect(await page.getByText('演示数据', { exact: true }).count()).toBe(0);
    await page.getByText('Demo data', { exact: true }).waitFor();

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    // And back to Chinese.
    await page.getByLabel('Interface language').getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    expect(await mainMenu(page).getByRole('menuitem').allInnerTexts()).toEqual(zhMenu);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    // Sign out through the user menu.
    await signOutViaMenu(page);
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('heading', { name: '登录', level: 2 }).waitFor();
    // The server session is really gone, not only the client state.
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);

    // A fresh load of a protected page goes to the sign-in page, remembering where it was going.
    await page.goto('/orgs');
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/orgs');
    await page.getByText('请先登录，登录后将回到您刚才访问的页面。').waitFor();
    expect(await page.getByRole('heading', { name: '机构名录' }).count()).toBe(0);
  });
});
