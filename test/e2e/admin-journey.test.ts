/**
 * Journey: the foundation's core administration flow across the three separate powers (三员分立).
 *   1. admin (system administrator) creates an account for 固始县市场监督管理局 and reads the
 *      temporary password, shown once;
 *   2. security (security administrator) grants it 县区/园区工作人员 with scope 固始县;
 *   3. the new user signs in with the temporary password, must choose a new one (a weak one is
 *      refused with the rule it breaks), and reaches the home page;
 *   4. auditor finds user.create and user.grant in the audit log, and the hash chain checks out.
 * The steps run in order and hand the account on; each uses its own browser context.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h, settled, signedIn, signIn } from './journey';

let page: Page | undefined;

const USERNAME = 'wang.xiaoxue';
const DISPLAY_NAME = '王晓雪';
const ORG = '固始县市场监督管理局';
const NEW_PASSWORD = 'Huaihe#River-2031';

/** Handed from step to step. */
const state: { userId?: string; temporaryPassword?: string; granted?: boolean } = {};

async function openUsers(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '账号管理' }).click();
  await p.waitForURL((u) => u.pathname === '/users');
  await p.getByRole('heading', { name: '账号管理', level: 1 }).waitFor();
  await p.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
}

const userRow = (p: Page, username: string) => p.locator('.ant-table-tbody tr.ant-table-row').filter({ has: p.getByText(username, { exact: true }) });

describe.sequential('admin → security → new user → auditor', () => {
  test('1. admin creates the account and sees the temporary password once', async () => {
    page = await signedIn('admin');
    await openUsers(page);
    // The system administrator manages accounts but cannot grant roles.
    expect(await page.getByRole('button', { name: '授权', exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: '新建账号' }).click();
    const form = page.getByRole('dialog', { name: '新建账号' });
    await settled(form);
    await form.getByLabel('用户名').fill(USERNAME);
    await form.getByLabel('姓名').fill(DISPLAY_NAME);
    await form.getByLabel('所属机构').fill('固始县市场');
    const option = page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: ORG });
    await settled(option);
    expect(await option.innerText()).toBe(`${ORG}（县区/园区知识产权工作部门 · 固始县）`);
    await option.click();
    await form.getByRole('button', { name: '创建' }).click();

    const secret = page.getByRole('dialog', { name: '账号已创建' });
    await settled(secret);
    await form.waitFor({ state: 'hidden' });
    expect(await secret.innerText()).toContain(`账号 ${USERNAME} 已创建，等待安全管理员授权。`);
    const temporary = (await secret.getByLabel('只显示一次的内容').innerText()).trim();
    expect(temporary).toMatch(/^\S{12,}$/);
    state.temporaryPassword = temporary;

    // The dialog cannot be dismissed before the password is confirmed as saved.
    const done = secret.getByRole('button', { name: '完成' });
    expect(await done.isDisabled()).toBe(true);
    await secret.getByRole('checkbox', { name: '我已妥善保存' }).check();
    await done.click();
    await secret.waitFor({ state: 'hidden' });

    // Listed as pending, without roles; stored with a temporary password to be changed.
    const row = userRow(page, USERNAME);
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain(DISPLAY_NAME);
    expect(rowText).toContain(ORG);
    expect(rowText).toContain('待授权');
    const [u] = await h.t.db.query<{ id: string; roles: string[]; area_scope: string; must_change_password: boolean }>(
      'SELECT id, roles, area_scope, must_change_password FROM users WHERE username = $1',
      [USERNAME],
    );
    expect(u).toMatchObject({ roles: [], must_change_password: true });
    state.userId = u!.id;
    // Shown once: gone from the page once the dialog is closed.
    await expect.poll(() => page!.locator('body').textContent()).not.toContain(temporary);
  });

  test('2. security grants 县区/园区工作人员 with scope 固始县', async () => {
    expect(state.userId, 'needs the account of step 1').toBeDefined();
    page = await signedIn('security');
    await openUsers(page);
    // The security administrator grants but cannot create accounts.
    expect(await page.getByRole('button', { name: '新建账号' }).count()).toBe(0);

    await page.getByText('有 1 个账号等待授权。').waitFor();
    await page.getByRole('button', { name: '只看待授权' }).click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'pending');
    const row = userRow(page, USERNAME);
    await row.waitFor();
    await expect.poll(() => page!.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await row.getByRole('button', { name: '授权', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: `授权：${DISPLAY_NAME}（${USERNAME}）` });
    await settled(dialog);
    expect(await dialog.innerText()).toContain(`所属机构：${ORG}`);
    // The role that goes with the organisation's kind is suggested; nothing else is ticked.
    const areaOfficer = dialog.getByRole('checkbox', { name: /^县区\/园区工作人员/ });
    if (!(await areaOfficer.isChecked())) await areaOfficer.check();
    expect(await areaOfficer.isChecked()).toBe(true);
    const ticked = await dialog.getByRole('checkbox', { checked: true }).count();
    expect(ticked).toBe(1);

    // Scope: 固始县.
    const scope = dialog.getByRole('combobox', { name: /管辖范围/ });
    await scope.click();
    await scope.fill('固始');
    const gushi = page.locator('.ant-select-dropdown .ant-select-item-option[title="固始县"]');
    await settled(gushi);
    await gushi.click();
    await expect.poll(() => dialog.locator('.ant-select-content').getAttribute('title')).toBe('固始县');

    await dialog.getByRole('button', { name: '保存授权' }).click();
    await page.getByText(`已更新 ${USERNAME} 的授权`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const [u] = await h.t.db.query<{ roles: string[]; area_scope: string }>('SELECT roles, area_scope FROM users WHERE id = $1', [state.userId]);
    expect(u).toEqual({ roles: ['area_officer'], area_scope: '411525' });
    state.granted = true;

    // No longer pending: the pending list is empty, the full list shows role, scope and status.
    await page.getByText('没有符合筛选条件的账号，请调整或重置筛选条件。').waitFor();
    expect(await page.getByText(/个账号等待授权/).count()).toBe(0);
    await page.getByRole('button', { name: '重置', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/users' && u.search === '');
    const granted = userRow(page, USERNAME);
    await granted.getByText('县区/园区工作人员').waitFor();
    const text = await granted.innerText();
    expect(text).toContain('固始县');
    expect(text).toContain('正常');
    expect(text).toContain('下次登录须修改密码');
  });

  test('3. the new user must replace the temporary password; a weak one is refused with the rule', async () => {
    expect(state.temporaryPassword, 'needs the temporary password of step 1').toBeDefined();
    expect(state.granted, 'needs the grant of step 2').toBe(true);
    page = await h.page();
    await signIn(page, USERNAME, state.temporaryPassword);

    // Straight to the password step, nowhere else.
    await page.waitForURL((u) => u.pathname === '/login/password');
    await page.getByRole('heading', { name: '设置新密码' }).waitFor();
    await page.getByText(`正在登录：${DISPLAY_NAME}（${USERNAME}）`).waitFor();
    // The rest of the app is closed until then.
    await page.goto('/orgs');
    await page.waitForURL((u) => u.pathname === '/login/password' && u.searchParams.get('next') === '/orgs');
    expect((await page.request.get('/api/orgs')).status()).toBe(403);
    await page.goto('/login/password');
    await page.getByRole('heading', { name: '设置新密码' }).waitFor();

    const current = page.getByLabel('当前密码（临时密码）');
    const fresh = page.getByLabel('新密码', { exact: true });
    const again = page.getByLabel('确认新密码');
    const submit = page.getByRole('button', { name: '修改密码' });
    const rules = page.locator('.xz-pw-rules li');

    // Too short and too simple: the form names the rules and sends nothing.
    let posted = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/auth/password') posted++;
    });
    await current.fill(state.temporaryPassword!);
    await fresh.fill('abc12345');
    await again.fill('abc12345');
    await expect.poll(() => rules.allTextContents()).toEqual([
      expect.stringMatching(/^至少 \d+ 个字符（未满足）$/),
      '包含大写字母、小写字母、数字、符号中的至少 3 类（未满足）',
      '不包含用户名（已满足）',
    ]);
    await submit.click();
    await page.getByText('新密码尚未满足下列要求').waitFor();
    expect(posted).toBe(0);

    // Well-formed but common: the server refuses it and says why.
    await fresh.fill('Password123!');
    await again.fill('Password123!');
    await expect.poll(async () => (await rules.allTextContents()).every((t) => t.endsWith('（已满足）'))).toBe(true);
    await submit.click();
    const refused = page.getByRole('alert').filter({ hasText: '密码不符合要求' });
    await refused.waitFor();
    expect(await refused.innerText()).toContain('该密码过于常见，容易被猜中');
    expect(posted).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/login/password');

    // A good one: on to the home page.
    await current.fill(state.temporaryPassword!);
    await fresh.fill(NEW_PASSWORD);
    await again.fill(NEW_PASSWORD);
    await submit.click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    const welcome = page.locator('.xz-card').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(DISPLAY_NAME) }) });
    await welcome.waitFor();
    const text = await welcome.innerText();
    expect(text).toContain(ORG);
    expect(text).toMatch(/管辖范围\s*固始县/);
    expect(text).toContain('县区/园区工作人员');
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem').allInnerTexts()).toEqual(['工作台', '专利检索', '商标检索', '地理标志', '权利人', '地区待定权利人', '统计分析', '指标与目标', '专利导航', '分析报告', '预警提醒', '举报线索', '重点关注名录', '维权援助与调解', '调解组织名录', '处罚决定公示', '案件信息共享', '信用记录', '工作方案', '任务分解与进展', '工作看板', '考核评价', '保护水平评估', '满意度调查', '督办与通报约谈', '地区与人口', '机构名录', '账号与安全']);

    // The temporary password is dead; the new one works.
    expect((await h.t.agent().post('/api/auth/login', { username: USERNAME, password: state.temporaryPassword })).statusCode).toBe(401);
    const again2 = await h.t.agent().post('/api/auth/login', { username: USERNAME, password: NEW_PASSWORD });
    expect(again2.statusCode).toBe(200);
    expect(again2.data.stage).toBe('active');
  });

  test('4. auditor finds user.create and user.grant, and the hash chain is intact', async () => {
    expect(state.userId, 'needs the account of step 1').toBeDefined();
    expect(state.granted, 'needs the grant of step 2').toBe(true);
    page = await signedIn('auditor');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();

    // Everything recorded about the new account (the list filter lives in the address bar).
    await page.goto(`/audit?targetType=user&targetId=${state.userId}`);
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    const create = rows.filter({ hasText: 'user.create' });
    const grant = rows.filter({ hasText: 'user.grant' });
    await create.waitFor();
    await grant.waitFor();
    expect(await create.count()).toBe(1);
    expect(await grant.count()).toBe(1);
    const createText = await create.innerText();
    expect(createText).toContain('新建账号');
    expect(createText).toMatch(/\badmin\b/);
    expect(createText).toContain('成功');
    const grantText = await grant.innerText();
    expect(grantText).toContain('授权');
    expect(grantText).toMatch(/\bsecurity\b/);
    expect(grantText).toContain('成功');
    // The sign-in and password change of step 3 are there as well.
    await rows.filter({ hasText: 'auth.password_change' }).first().waitFor();

    // The grant's details show what changed.
    await grant.getByRole('button', { name: /展开行|Expand row/ }).click();
    const details = page.locator('.ant-table-expanded-row').filter({ hasText: '"area_officer"' });
    await details.waitFor();
    expect(await details.innerText()).toContain('411525');

    // The hash chain check over the whole log.
    const [{ n } = { n: 0 }] = await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    await page.getByRole('button', { name: '校验哈希链' }).click();
    const ok = page.getByRole('status').filter({ hasText: '哈希链完整' });
    await ok.waitFor();
    expect(await ok.innerText()).toBe(`哈希链完整：已校验 ${n.toLocaleString('en-US')} 条记录，未发现篡改、缺失或断链。`);
    expect(await page.getByText('哈希链校验未通过').count()).toBe(0);
  });
});
