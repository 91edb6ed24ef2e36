/**
 * Journey: each role sees exactly the menu entries it may use (三员分立 included), and a page it
 * may not use, opened by URL, shows the 403 page without loading any of that page's data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h, signIn, signOutViaMenu } from './journey';

let page: Page | undefined;

// Labels from zh.ts (nav.*): 机构管理 for those who manage organisations, 机构名录 for readers.
const HOME = '工作台';
const AREAS = '地区与人口';
const ORGS = '机构管理';
const ORGS_RO = '机构名录';
const USERS = '账号管理';
const POLICY = '安全策略';
const AUDIT = '审计日志';
const OUTBOX = '发件箱';
const ACCOUNT = '账号与安全';
// 知识产权大数据中心 (registry.read; 地区待定 registry.curate; 导入 registry.import; 产业映射 registry.reference).
const REGISTRY = ['专利检索', '商标检索', '地理标志', '权利人'];
const UNRESOLVED = '地区待定权利人';
const IMPORT = '数据导入';
const INDUSTRIES = '产业分类映射';
const INSIGHT = ['统计分析', '指标与目标', '专利导航', '分析报告'];
const ALERTS = '预警提醒';
// 保护 (protection.reports and the key-protection list for city and county desks; the settings for
// the city office; applying to the key-protection list for enterprises).
const REPORTS = '举报线索';
const KEY_LIST = '重点关注名录';
const REPORT_SETTINGS = '保护工作设置';
const KEY_LIST_APPLY = '重点关注名录申请';
// 处罚决定公示 (protection.disclosure: the city office and the county desks).
const DISCLOSURE = '处罚决定公示';
// 案件信息共享 (cases.read: officers and partners); 移送接收 only for the police, by organisation.
const CASES = '案件信息共享';
const CASE_TRANSFERS = '移送接收';
// 维权援助与调解 and 调解组织名录 (mediation.handle: the city office and the county desks); 诉调对接 for a
// court's people (mediation.refer, by organisation); 维权援助申请 for enterprises (mediation.apply).
const MEDIATION = '维权援助与调解';
const MEDIATION_BODIES = '调解组织名录';
const MEDIATION_REFERRALS = '诉调对接';
const MEDIATION_APPLY = '维权援助申请';
// 信用记录 (credit.read: the city office and the county desks); 本单位信用记录 for enterprises and
// agencies (credit.repair: their own records and credit repair).
const CREDIT = '信用记录';
const CREDIT_MINE = '本单位信用记录';
// 考核评价 (assessment.read: the city office, county desks, leaders and auditors).
const ASSESSMENT = '考核评价';
// 保护水平评估 (evaluation.read: the city office, county desks, leaders and auditors).
const EVALUATION = '保护水平评估';
// 满意度调查 (evaluation.read: the city office builds surveys; county desks, leaders and auditors read the results).
const SURVEYS = '满意度调查';
// 督办与通报约谈 (workplan.read: the city office, desks, partner departments, leaders and auditors).
const SUPERVISION = '督办与通报约谈';
// 工作方案, 任务分解与进展, 工作看板 (workplan.read: the same readers; a desk or member unit sees only its own assignments).
const WORKPLAN = ['工作方案', '任务分解与进展', '工作看板'];

const MENUS: Record<string, string[]> = {
  admin: [HOME, INDUSTRIES, AREAS, ORGS, USERS, POLICY, OUTBOX, ACCOUNT],
  security: [HOME, AREAS, ORGS_RO, USERS, POLICY, ACCOUNT],
  auditor: [HOME, ...WORKPLAN, ASSESSMENT, EVALUATION, SURVEYS, SUPERVISION, AREAS, ORGS_RO, USERS, AUDIT, ACCOUNT],
  city: [HOME, ...REGISTRY, UNRESOLVED, IMPORT, INDUSTRIES, ...INSIGHT, ALERTS, REPORTS, KEY_LIST, MEDIATION, MEDIATION_BODIES, DISCLOSURE, CASES, CREDIT, REPORT_SETTINGS, ...WORKPLAN, ASSESSMENT, EVALUATION, SURVEYS, SUPERVISION, AREAS, ORGS_RO, ACCOUNT],
  gushi: [HOME, ...REGISTRY, UNRESOLVED, ...INSIGHT, ALERTS, REPORTS, KEY_LIST, MEDIATION, MEDIATION_BODIES, DISCLOSURE, CASES, CREDIT, ...WORKPLAN, ASSESSMENT, EVALUATION, SURVEYS, SUPERVISION, AREAS, ORGS_RO, ACCOUNT],
  shangtianti: [HOME, ...REGISTRY, UNRESOLVED, ...INSIGHT, ALERTS, REPORTS, KEY_LIST, MEDIATION, MEDIATION_BODIES, DISCLOSURE, CASES, CREDIT, ...WORKPLAN, ASSESSMENT, EVALUATION, SURVEYS, SUPERVISION, AREAS, ORGS_RO, ACCOUNT],
  court: [HOME, ...REGISTRY, ALERTS, MEDIATION_REFERRALS, CASES, ...WORKPLAN, SUPERVISION, AREAS, ACCOUNT],
  police: [HOME, ...REGISTRY, ALERTS, CASES, CASE_TRANSFERS, ...WORKPLAN, SUPERVISION, AREAS, ACCOUNT],
  lingrui: [HOME, ...REGISTRY, ALERTS, KEY_LIST_APPLY, MEDIATION_APPLY, CREDIT_MINE, AREAS, ACCOUNT],
  xynu: [HOME, ...REGISTRY, ALERTS, AREAS, ACCOUNT],
  agency: [HOME, ...REGISTRY, ALERTS, CREDIT_MINE, AREAS, ACCOUNT],
  bank: [HOME, ...REGISTRY, ALERTS, AREAS, ACCOUNT],
};

/**
 * A new tab signed in as the account. The cookie comes from the sign-in API (the sign-in form has
 * its own journey in sign-in.test.ts); the first page load then restores the session like a reload.
 */
const DISPLAY_NAMES: Record<string, string> = {
  admin: '赵立新',
  security: '钱敏',
  auditor: '孙静',
  city: '李文博',
  gushi: '周建国',
  shangtianti: '吴海燕',
  court: '郑法官',
  police: '何志强',
  lingrui: '王晓峰',
  xynu: '冯雅琴',
  agency: '陈志刚',
  bank: '褚丽华',
};

async function signedIn(username: string, path = '/'): Promise<Page> {
  const p = await h.page();
  const res = await p.request.post('/api/auth/login', { data: { username, password: 'Xinyang#2022' } });
  expect(res.status(), `sign-in of ${username}`).toBe(200);
  await p.goto(path);
  return p;
}

const menuItems = (p: Page) => p.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem').allInnerTexts();

describe('the side menu follows the role', () => {
  test('every demo account sees exactly its entries', async () => {
    // One tab, the accounts in turn through the sign-in form, as on a shared office computer
    // (sign out, sign in; no reload in between, so nothing of the previous account may linger).
    page = await h.page();
    const seen: Record<string, string[]> = {};
    for (const username of Object.keys(MENUS)) {
      if (Object.keys(seen).length > 0) {
        await signOutViaMenu(page);
        await page.getByLabel('用户名').fill(username);
        await page.getByLabel(/^密码/).fill('Xinyang#2022');
        await page.getByRole('button', { name: /登\s*录/ }).click();
      } else {
        await signIn(page, username);
      }
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByRole('heading', { name: HOME, level: 1 }).waitFor();
      await page.getByRole('button', { name: '账号菜单' }).filter({ hasText: DISPLAY_NAMES[username] }).waitFor();
      seen[username] = await menuItems(page);
    }
    // One comparison shows every role whose menu differs.
    expect(seen).toEqual(MENUS);
  });

  test('the named examples: admin, auditor, gushi, lingrui', async () => {
    // Spelled out so that a change of the table above cannot hide the separation of duties.
    expect(MENUS.admin).toEqual(expect.arrayContaining([ORGS, USERS, POLICY, OUTBOX]));
    expect(MENUS.admin).not.toContain(AUDIT);
    expect(MENUS.auditor).toContain(AUDIT);
    expect(MENUS.auditor).not.toContain(OUTBOX);
    expect(MENUS.gushi).toEqual(expect.arrayContaining([AREAS, ORGS_RO]));
    expect(MENUS.gushi).not.toContain(USERS);
    for (const e of [ORGS, ORGS_RO, USERS]) expect(MENUS.lingrui).not.toContain(e);
  });

  test('each menu entry opens its page', async () => {
    page = await signedIn('admin');
    await page.getByRole('heading', { name: HOME, level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: '主菜单' });
    const targets: [string, string, string][] = [
      [AREAS, '/areas', AREAS],
      [ORGS, '/orgs', ORGS],
      [USERS, '/users', USERS],
      [POLICY, '/security/policy', POLICY],
      [OUTBOX, '/outbox', OUTBOX],
      [ACCOUNT, '/account', ACCOUNT],
      [HOME, '/', HOME],
    ];
    for (const [label, path, heading] of targets) {
      await nav.getByRole('menuitem', { name: label }).click();
      await page.waitForURL((u) => u.pathname === path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    }
  });
});

describe('a page the role may not use, opened by URL', () => {
  const CASES: { username: string; pages: { path: string; api: string; leak: RegExp }[] }[] = [
    {
      username: 'lingrui',
      pages: [
        { path: '/users', api: '/api/users', leak: /赵立新|security|审计管理员/ },
        { path: '/orgs', api: '/api/orgs', leak: /信阳浉河云雾茶业|固始县皇姑山/ },
        { path: '/protection/disclosure', api: '/api/protection/disclosures', leak: /固市监处罚|待法制审核/ },
        { path: '/protection/mediation', api: '/api/protection/mediation/cases', leak: /法院委派|诉前调/ },
        { path: '/protection/credit', api: '/api/protection/credit/records', leak: /固始县某茶叶批发部|待您审核修复/ },
      ],
    },
    { username: 'gushi', pages: [{ path: '/users', api: '/api/users', leak: /赵立新|钱敏/ }] },
    { username: 'court', pages: [{ path: '/workplan/evaluation', api: `/api/workplan/evaluation/${new Date().getFullYear()}`, leak: /综合指数|全市平均/ }] },
    { username: 'admin', pages: [{ path: '/audit', api: '/api/audit', leak: /校验哈希链|auth\.login/ }] },
    { username: 'auditor', pages: [{ path: '/outbox', api: '/api/outbox', leak: /收件人|待转交/ }] },
    { username: 'city', pages: [{ path: '/security/policy', api: '/api/security/policy', leak: /密码最小长度|连续失败锁定次数/ }] },
  ];

  test.each(CASES)('$username: 403 page and no data', async ({ username, pages }) => {
    page = await h.page();
    const res = await page.request.post('/api/auth/login', { data: { username, password: 'Xinyang#2022' } });
    expect(res.status()).toBe(200);
    for (const { path, api, leak } of pages) {
      const apiCalls: string[] = [];
      const onRequest = (r: { url(): string }) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith(api)) apiCalls.push(u.pathname);
      };
      page.on('request', onRequest);
      await page.goto(path);
      await page.getByRole('heading', { name: '无权访问', level: 1 }).waitFor();
      await page.getByText('403', { exact: true }).waitFor();
      await page.getByText('您当前的角色不能使用此页面。如需开通，请联系安全管理员。').waitFor();
      expect(page.url(), path).toBe(`${h.baseUrl}${path}`);
      expect(await page.locator('#main').innerText(), path).not.toMatch(leak);
      expect(await page.getByRole('table').count(), path).toBe(0);
      // The page did not even ask for the data …
      expect(apiCalls, path).toEqual([]);
      page.off('request', onRequest);
      // … and the server would have refused it anyway.
      expect((await page.request.get(api)).status(), api).toBe(403);
    }

    // The way back home works.
    await page.getByRole('link', { name: '返回工作台' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { name: HOME, level: 1 }).waitFor();
  });
});
