/**
 * Journey through 案件信息共享 (case information shared by the court, the IP offices and the police):
 *   1. the court imports a CSV of two cases: first a file with a bad row (the row and column are
 *      named, nothing is stored), then the corrected file;
 *   2. the 固始县 desk records an administrative case in the form, opens it and transfers it to
 *      信阳市公安局;
 *   3. the police see it under 移送接收 (a menu entry only the police have) and record the receipt;
 *   4. the 固始县 desk sees the transfer received, with the receipt number, on the case.
 * Screenshots go to test/e2e/screenshots/ (not kept in the repository).
 */
import path from 'node:path';
import dayjs from 'dayjs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h, settled, signedIn } from './journey';

const SHOTS = path.join(import.meta.dirname, 'screenshots');
// Fresh numbers, not in the demo data.
const COURT_1 = '（2026）豫15知民初301号';
const COURT_2 = '（2026）豫15知民初302号';
const ADMIN = '固市监处罚〔2026〕301号';
const RECEIPT = '信公（经）受字〔2026〕301号';
const REASON = '涉案商品货值 8 万元，涉嫌销售假冒注册商标的商品罪，依法移送。';

const HEADER = '案号,承办单位,权利类型,案件类型,案由,当事人,涉及权利,管辖县区,立案日期,结案日期,阶段,结果,金额（元）';
const ROW_1 = `${COURT_1},,商标,民事,侵害商标权纠纷,原告:信阳浉河云雾茶业有限公司;被告:王建明,,浉河区,2026-04-01,,审理,,`;
const ROW_2 = `${COURT_2},,著作权,民事,侵害著作权纠纷,原告:河南某文化传媒有限公司;被告:固始县某某商行,,固始县,2026-04-03,2026-06-30,结案,调解结案,30000`;
const ROW_2_BAD = ROW_2.replace(',固始县,', ',北京,');

const mainMenu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
const header = (page: Page) => page.locator('.xz-page-header');
const casesStored = async () => (await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ip_cases'))[0]?.n ?? 0;

async function openCases(page: Page): Promise<void> {
  await mainMenu(page).getByRole('menuitem', { name: '案件信息共享' }).click();
  await page.getByRole('heading', { name: '案件信息共享', level: 1 }).waitFor();
}

async function chooseFile(dialog: Locator, name: string, lines: string[]): Promise<void> {
  await dialog.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });
}

/** Picks an option of an Ant Design select by its visible text. */
async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  const list = page.locator('.ant-select-dropdown:visible');
  await settled(list);
  await list.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('案件信息共享', () => {
  test('the court imports a CSV: a bad row is named and nothing is stored; the corrected file is imported', async () => {
    const court = await signedIn('court');
    await openCases(court);
    // The court is no police: no 移送接收 in its menu.
    expect(await mainMenu(court).getByRole('menuitem', { name: '移送接收' }).count()).toBe(0);
    const before = await casesStored();

    await court.getByRole('button', { name: /批量导入$/ }).click();
    const dialog = court.getByRole('dialog', { name: '批量导入案件' });
    await settled(dialog);
    // The template is offered for download.
    const template = dialog.getByRole('link', { name: /下载导入模板/ });
    expect(await template.getAttribute('href')).toBe('/api/cases/import/template');
    const xlsx = await court.request.get('/api/cases/import/template');
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    await chooseFile(dialog, '案件-有误.csv', [HEADER, ROW_1, ROW_2_BAD]);
    await dialog.getByText('案件-有误.csv 未导入').waitFor();
    await dialog.getByText('1 行有误，未导入任何案件；请改正后重新上传').waitFor();
    const problem = dialog.locator('.xz-cs-import-errors .ant-table-row');
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.innerText()).toMatch(/第 3 行[\s\S]*管辖县区/);
    expect(await casesStored(), 'nothing stored from a file with a bad row').toBe(before);
    await court.screenshot({ path: path.join(SHOTS, 'cases-import-refused-desktop.png') });

    await chooseFile(dialog, '案件.csv', [HEADER, ROW_1, ROW_2]);
    await dialog.getByText('案件.csv 已导入').waitFor();
    expect(await dialog.locator('.ant-descriptions').innerText()).toMatch(/案件行数\s*2[\s\S]*新录入\s*2[\s\S]*更新\s*0/);
    expect(await casesStored()).toBe(before + 2);
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Both are in the list; the natural person among the parties is masked.
    const row = court.locator('.ant-table-row').filter({ hasText: COURT_1 });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/法院[\s\S]*侵害商标权纠纷[\s\S]*被告：王\*\*[\s\S]*浉河区[\s\S]*审理/);
    expect(await row.innerText()).not.toContain('王建明');
    await court.locator('.ant-table-row').filter({ hasText: COURT_2 }).filter({ hasText: '结案' }).waitFor();
    await court.screenshot({ path: path.join(SHOTS, 'cases-list-court-desktop.png'), fullPage: true });
  });

  test('the 固始县 desk records an administrative case and transfers it to 信阳市公安局', async () => {
    const gushi = await signedIn('gushi');
    await openCases(gushi);
    await gushi.getByRole('button', { name: /录入案件$/ }).click();
    const form = gushi.getByRole('dialog', { name: '录入案件' });
    await settled(form);

    // A case number without the year in brackets is refused before anything is sent.
    await form.getByLabel('案号').fill('固市监处罚301号');
    await form.getByRole('button', { name: '录入', exact: true }).click();
    await form.getByText('案号应含括号中的年份，如（2026）或〔2026〕').waitFor();

    await form.getByLabel('案号').fill(ADMIN);
    await pickOption(gushi, form.getByLabel('权利类型'), '商标');
    await form.getByLabel('案由').fill('销售侵犯注册商标专用权的商品');
    await gushi.keyboard.press('Escape');
    await form.getByLabel('立案日期').click();
    await form.getByLabel('立案日期').fill(dayjs().subtract(10, 'day').format('YYYY-MM-DD'));
    await gushi.keyboard.press('Enter');
    // The desk records cases of its own county: the county is set and fixed.
    expect(await form.getByText('固始县', { exact: true }).count()).toBeGreaterThan(0);
    await form.getByLabel('名称 / 姓名 1').fill('固始县某某商贸有限公司');
    await form.getByRole('button', { name: /添加当事人/ }).click();
    await form.getByRole('group', { name: '当事人 2' }).getByText('自然人').click();
    await form.getByLabel('名称 / 姓名 2').fill('李建国');
    await gushi.screenshot({ path: path.join(SHOTS, 'cases-form-desktop.png') });
    await form.getByRole('button', { name: '录入', exact: true }).click();

    // The new case opens: the person's name is masked.
    await gushi.waitForURL((u) => /^\/protection\/cases\/\d+$/.test(u.pathname));
    await header(gushi).getByText(ADMIN).waitFor();
    const parties = gushi.locator('.ant-card').filter({ hasText: '当事人（2）' });
    await parties.getByText('李**').waitFor();
    expect(await parties.innerText()).not.toContain('李建国');

    // 移送公安.
    await header(gushi).getByRole('button', { name: /移送公安$/ }).click();
    const send = gushi.getByRole('dialog', { name: '移送公安机关' });
    await settled(send);
    await pickOption(gushi, send.getByLabel('移送至'), '信阳市公安局');
    await send.getByLabel('移送理由').fill(REASON);
    await send.getByRole('button', { name: '移送', exact: true }).click();
    await send.waitFor({ state: 'detached' });
    const transfer = gushi.locator('.xz-cs-transfers');
    await transfer.getByText('已移送，待接收').waitFor();
    expect(await transfer.innerText()).toContain(REASON);
    expect(await header(gushi).getByRole('button', { name: /移送公安$/ }).count(), 'a case is transferred once').toBe(0);
    await gushi.locator('.xz-history').getByText('移送信阳市公安局').waitFor();
    await gushi.screenshot({ path: path.join(SHOTS, 'cases-detail-sent-desktop.png'), fullPage: true });
  });

  test('the police find it under 移送接收 and record the receipt; the desk sees it received', async () => {
    const police = await signedIn('police');
    await mainMenu(police).getByRole('menuitem', { name: '移送接收' }).click();
    await police.getByRole('heading', { name: '移送接收', level: 1 }).waitFor();
    const row = police.locator('.ant-table-row').filter({ hasText: ADMIN });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/固始县市场监督管理局[\s\S]*销售侵犯注册商标专用权的商品[\s\S]*涉案商品货值 8 万元/);
    await police.screenshot({ path: path.join(SHOTS, 'cases-transfers-police-desktop.png'), fullPage: true });

    await row.getByRole('button', { name: '接收', exact: true }).click();
    const dialog = police.getByRole('dialog', { name: '接收移送案件' });
    await settled(dialog);
    // The receipt number is required.
    await dialog.getByRole('button', { name: '接收', exact: true }).click();
    await dialog.getByText('请填写受案回执编号').waitFor();
    await dialog.getByLabel('受案回执编号').fill(RECEIPT);
    await dialog.getByRole('button', { name: '接收', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // No longer waiting; under 全部 with its receipt.
    await expect.poll(() => row.count()).toBe(0);
    await police.getByText(/^全部（\d+）$/).click();
    await row.waitFor();
    expect(await row.innerText()).toContain(RECEIPT);
    expect(await row.innerText()).toContain('已接收');

    const gushi = await signedIn('gushi');
    await openCases(gushi);
    const listed = gushi.locator('.ant-table-row').filter({ hasText: ADMIN });
    await listed.getByText('已接收').waitFor();
    await listed.getByRole('link', { name: ADMIN }).click();
    await header(gushi).getByText(ADMIN).waitFor();
    const transfer = gushi.locator('.xz-cs-transfers');
    await transfer.getByText('已接收').waitFor();
    await expect.poll(() => transfer.getByTestId('receipt-no').innerText()).toBe(RECEIPT);
    expect(await transfer.innerText()).toContain('何志强');
    await gushi.locator('.xz-history').getByText(`信阳市公安局已接收，受案回执 ${RECEIPT}`).waitFor();
    await gushi.screenshot({ path: path.join(SHOTS, 'cases-detail-received-desktop.png'), fullPage: true });
  });

  test('on a phone the list and the case read without sideways scrolling', async () => {
    const page = await h.page({ width: 390, height: 844 });
    const res = await page.request.post('/api/auth/login', { data: { username: 'gushi', password: 'Xinyang#2022' } });
    expect(res.status()).toBe(200);
    await page.goto('/protection/cases');
    await page.getByRole('heading', { name: '案件信息共享', level: 1 }).waitFor();
    const row = page.locator('.ant-table-row').filter({ hasText: ADMIN });
    await row.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'cases-list-mobile.png'), fullPage: true });
    await row.getByRole('link', { name: ADMIN }).click();
    await page.locator('.xz-cs-transfers').getByText('已接收').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'cases-detail-mobile.png'), fullPage: true });
  });
});
