/**
 * Journey through 知识产权信用 (IP credit records):
 *   1. the city office enters a 失信 record of 河南羚锐制药股份有限公司 as a draft (the county follows
 *      from its credit code), attaches the decision document and publishes it;
 *   2. a signed-out visitor finds it on /public/credit (linked from the sign-in page) by credit code;
 *   3. the firm sees it under 本单位信用记录 and applies for credit repair with a credit commitment;
 *   4. the city office sees the repair waiting in its list and approves it: publication ends, the
 *      public page no longer shows it and the firm sees it as ended.
 * Screenshots go to test/e2e/screenshots/ (not kept in the repository).
 */
import path from 'node:path';
import dayjs from 'dayjs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { computeUsccCheck } from '../../src/shared/validators';
import { PDF } from '../support/protection';
import { h, settled, signedIn } from './journey';

const SHOTS = path.join(import.meta.dirname, 'screenshots');
const FIRM = '河南羚锐制药股份有限公司';
const DECISION = '新市监处罚〔2026〕88号';

const header = (page: Page) => page.locator('.xz-page-header');
const mainMenu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
let uscc = '';

beforeAll(async () => {
  // The firm's organisation carries a credit code of its own county (新县, 411523).
  const body = '91411523MA0CR9E2X';
  uscc = body + computeUsccCheck(body);
  await h.t.db.query('UPDATE organisations SET uscc = $1 WHERE name = $2', [uscc, FIRM]);
});

/** Types a date into an Ant Design date picker and moves on (Enter would submit the form). */
async function pickDate(page: Page, field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await page.keyboard.press('Tab');
  await expect.poll(() => field.inputValue()).toBe(date);
}

/** Opens a step's dialog from a header button and confirms it with the dialog's own button. */
async function step(page: Page, button: string, dialogTitle: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await header(page).getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await settled(dialog);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

let detailPath = '';

describe('知识产权信用', () => {
  test('the city office enters a 失信 record, attaches the decision and publishes it', async () => {
    const city = await signedIn('city');
    await mainMenu(city).getByRole('menuitem', { name: '信用记录' }).click();
    await city.getByRole('heading', { name: '信用记录', level: 1 }).waitFor();
    await city.getByRole('button', { name: /新增信用记录/ }).click();
    const form = city.getByRole('dialog', { name: '新增信用记录' });
    await settled(form);
    await form.getByText('自然人不在本平台信用记录范围内').waitFor();

    // A wrong check character is caught before anything is sent.
    await form.getByLabel('统一社会信用代码').fill(`${uscc.slice(0, 17)}${uscc.endsWith('1') ? '2' : '1'}`);
    await form.getByLabel('主体名称').click();
    await form.getByText(/校验位错误/).waitFor();
    await form.getByLabel('统一社会信用代码').fill(uscc);
    await form.getByLabel('主体名称').fill(FIRM);
    // The county follows from the credit code's registering authority.
    await expect.poll(() => form.locator('.ant-form-item').filter({ hasText: '所在县区' }).innerText()).toContain('新县');

    await form.getByLabel('类别').click();
    const options = city.locator('.ant-select-dropdown:visible');
    await settled(options);
    await options.locator('.ant-select-item-option').filter({ hasText: '重复侵权' }).click();
    await form.getByLabel('决定文书号').fill(DECISION);
    await form.getByLabel('认定部门').fill('新县市场监督管理局');
    await form.getByLabel('认定依据').fill('《中华人民共和国商标法》第五十七条、第六十条');
    await form.getByLabel('认定事实').fill('两年内第二次因销售侵犯注册商标专用权的商品受到行政处罚。');
    const decided = dayjs().subtract(4, 'month').format('YYYY-MM-DD');
    await pickDate(city, form.getByLabel('决定日期'), decided);
    await pickDate(city, form.getByLabel('公示起始日期'), decided);
    await pickDate(city, form.getByLabel('公示截止日期'), dayjs(decided).add(1, 'year').format('YYYY-MM-DD'));
    await city.screenshot({ path: path.join(SHOTS, 'credit-form-desktop.png') });
    await form.getByRole('button', { name: '保存草稿' }).click();

    await city.waitForURL((u) => /^\/protection\/credit\/\d+$/.test(u.pathname));
    detailPath = new URL(city.url()).pathname;
    await header(city).getByText('草稿', { exact: true }).waitFor();
    await city.getByText('失信记录须先上传决定文书').waitFor();
    // A 失信 record is published with its decision document, checked by content.
    await header(city).locator('input[type=file]').setInputFiles({ name: '行政处罚决定书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await city.getByText('已上传决定文书 行政处罚决定书.pdf').waitFor();
    await city.locator('.ant-card').filter({ hasText: '决定文书与附件（1）' }).getByText('行政处罚决定书.pdf').waitFor();

    await step(city, '公示', '公示信用记录');
    await header(city).getByText('公示中', { exact: true }).waitFor();
    expect(await header(city).getByRole('button', { name: '撤销记录', exact: true }).count()).toBe(1);
    const history = city.locator('.xz-history');
    await expect.poll(() => history.innerText()).toMatch(/录入草稿[\s\S]*上传决定文书[\s\S]*公示/);
    await city.screenshot({ path: path.join(SHOTS, 'credit-detail-desktop.png'), fullPage: true });
  });

  test('a visitor finds the published record by credit code', async () => {
    expect(detailPath, 'the record was published').not.toBe('');
    const visitor = await h.page();
    await visitor.goto('/login');
    await visitor.getByRole('link', { name: '信用信息' }).click();
    await visitor.waitForURL((u) => u.pathname === '/public/credit');
    await visitor.getByRole('heading', { name: '知识产权信用信息公示', level: 1 }).waitFor();
    await visitor.getByLabel('查找').fill(uscc);
    await visitor.getByRole('button', { name: /查询$/ }).click();
    const entry = visitor.locator('.xz-cr-entry').filter({ hasText: FIRM });
    await entry.waitFor();
    expect(await entry.innerText()).toMatch(new RegExp(`重复侵权[\\s\\S]*${uscc}[\\s\\S]*${DECISION.replace(/[〔〕]/g, '.')}`));
    await visitor.screenshot({ path: path.join(SHOTS, 'credit-public-desktop.png'), fullPage: true });
  });

  test('the firm applies for credit repair', async () => {
    const firm = await signedIn('lingrui');
    await mainMenu(firm).getByRole('menuitem', { name: '本单位信用记录' }).click();
    await firm.getByRole('heading', { name: '本单位信用记录', level: 1 }).waitFor();
    const card = firm.locator('.xz-cr-mine-card').filter({ hasText: DECISION });
    await card.waitFor();
    await card.getByRole('button', { name: '申请信用修复' }).click();
    const dialog = firm.getByRole('dialog').filter({ hasText: '申请信用修复' });
    await settled(dialog);
    await dialog.getByLabel('纠正失信行为、消除不良影响的情况').fill('已停止销售涉案商品并全部召回，已缴清罚款，建立了商标使用审查制度。');
    // The commitment is required.
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await dialog.getByText('请勾选信用承诺').waitFor();
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByText('修复审核中', { exact: true }).waitFor();
    await card.getByText(/最近一次信用修复申请：待审核/).waitFor();
    await firm.screenshot({ path: path.join(SHOTS, 'credit-mine-desktop.png'), fullPage: true });
  });

  test('the city office approves the repair: publication ends, publicly and for the firm', async () => {
    const city = await signedIn('city');
    await city.goto('/protection/credit');
    const row = city.locator('.ant-table-row').filter({ hasText: FIRM }).filter({ hasText: '待您审核修复' });
    await row.waitFor();
    await row.getByRole('link', { name: FIRM }).click();
    await city.waitForURL((u) => u.pathname === detailPath);
    await city.locator('.ant-card').filter({ hasText: '信用修复申请（1）' }).getByText('已停止销售涉案商品并全部召回').waitFor();
    await step(city, '准予修复', '准予信用修复', async (d) => {
      await d.getByLabel('意见（选填）').fill('整改到位，准予修复');
    });
    await header(city).getByText('已终止公示', { exact: true }).waitFor();
    await city.getByText(/信用修复：准予提前终止公示（整改到位，准予修复）/).first().waitFor();
    await city.screenshot({ path: path.join(SHOTS, 'credit-ended-desktop.png'), fullPage: true });

    const visitor = await h.page();
    await visitor.goto(`/public/credit?q=${uscc}`);
    await visitor.getByText('没有找到符合条件的记录').waitFor();

    const firm = await signedIn('lingrui');
    await firm.goto('/protection/credit/mine');
    const past = firm.locator('.ant-card').filter({ hasText: '已终止或撤销的记录（1）' });
    await past.getByText('已终止公示', { exact: true }).waitFor();
    await past.getByText(/最近一次信用修复申请：准予修复/).waitFor();
  });
});
