/**
 * Journey through 诉调对接 (court liaison of 维权援助与调解):
 *   1. 郑法官 of 信阳市中级人民法院 refers a case for pre-litigation mediation from the 诉调对接 page;
 *   2. the city office finds it in its list, assigns it to 信阳市知识产权纠纷人民调解委员会 and a
 *      mediator, and schedules a session;
 *   3. two days on, it records the session and the outcome: settled, with the signed agreement;
 *   4. the court user signs in again, sees the outcome on the 诉调对接 page and downloads the agreement.
 * Screenshots of the pages go to test/e2e/screenshots/ (not kept in the repository).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { PDF } from '../support/protection';
import { h, settled, signedIn } from './journey';

const SHOTS = path.join(import.meta.dirname, 'screenshots');
const YEAR = new Date().getFullYear();
const CASE_NO = `（${YEAR}）豫15民诉前调777号`;
const APPLICANT = '信阳申城茶业有限公司（测试）';
const SETTLEMENT = '被申请人即日下架涉案茶叶，并于十五日内赔偿申请人 20,000 元。';

const header = (page: Page) => page.locator('.xz-page-header');
const mainMenu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

/** Picks an option of an Ant Design select found by its label. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  const list = page.locator('.ant-select-dropdown:visible');
  await settled(list);
  await list.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  // The list slides away; the next select's list must not be confused with it.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** Opens a step's dialog from a button and confirms it with the dialog's own button. */
async function step(page: Page, button: Locator, dialogTitle: string, fill?: (dialog: Locator) => Promise<void>, confirm?: string): Promise<void> {
  const label = confirm ?? (await button.innerText()).trim();
  await button.click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await settled(dialog);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

// Carried from one step of the journey to the next.
let casePath = '';
let settledCase = false;

describe('诉调对接', () => {
  test('the court refers a case for pre-litigation mediation from its page', async () => {
    // 1. The court refers the case from its page.
    const court = await signedIn('court');
    await mainMenu(court).getByRole('menuitem', { name: '诉调对接' }).click();
    await court.getByRole('heading', { name: '诉调对接', level: 1 }).waitFor();
    await court.getByText('信阳市中级人民法院委派的诉前调解案件').waitFor();
    await step(
      court,
      header(court).getByRole('button', { name: '委派诉前调解' }),
      '委派诉前调解',
      async (d) => {
        await d.getByLabel('法院案号').fill(`(${YEAR})豫15民诉前调777号`);
        await d.getByLabel('承办法官 / 书记员（选填）').fill('郑法官');
        await choose(court, d, '权利类型', '商标');
        await d.getByLabel('权利编号或名称').fill('“申城毛尖”注册商标');
        await d.getByLabel('请求事项').fill('被申请人停止销售使用“申城毛尖”字样的茶叶，赔偿经济损失 50,000 元。');
        await d.getByLabel('事实与理由').fill('申请人系“申城毛尖”注册商标权利人，被申请人在固始县门店销售包装近似的茶叶。经本院释明，双方同意诉前调解。');
        const [applicant, respondent] = [d.locator('.xz-md-party').nth(0), d.locator('.xz-md-party').nth(1)];
        await applicant.getByLabel('单位名称').fill(APPLICANT);
        await applicant.getByLabel('地址').fill('河南省信阳市浉河区');
        await respondent.getByText('个人', { exact: true }).click();
        await respondent.getByLabel('姓名').fill('赵建业');
        await respondent.getByLabel('手机号').fill('139 0376 9999');
        await respondent.getByLabel('地址').fill('河南省信阳市固始县城关镇');
        await court.screenshot({ path: path.join(SHOTS, 'mediation-refer-desktop.png'), fullPage: true });
      },
      '委派',
    );
    await court.waitForURL((u) => /^\/protection\/mediation\/referrals\/\d+$/.test(u.pathname));
    const id = new URL(court.url()).pathname.split('/').pop();
    casePath = `/protection/mediation/${id}`;
    await header(court).getByText('待分派', { exact: true }).waitFor();
    await court.getByText(CASE_NO).first().waitFor();
    // The respondent's name and phone show masked even to the court; the court cannot act on the case.
    await court.getByText('139****9999').waitFor();
    expect(await court.locator('#main').innerText()).not.toContain('赵建业');
    expect(await header(court).getByRole('button').count()).toBe(1);
  });

  test('the city office finds it in the Gushi area, assigns it to a mediation body and a mediator, and schedules a session', async () => {
    expect(casePath, 'the case was referred').not.toBe('');
    // 2. The city office finds it (Gushi, from the respondent's address), assigns it and schedules a session.
    const city = await signedIn('city');
    await mainMenu(city).getByRole('menuitem', { name: '维权援助与调解' }).click();
    await city.getByRole('heading', { name: '维权援助与调解', level: 1 }).waitFor();
    const row = city.locator('.ant-table-row').filter({ hasText: CASE_NO });
    expect(await row.innerText()).toMatch(/待分派[\s\S]*法院委派[\s\S]*固始县/);
    await city.screenshot({ path: path.join(SHOTS, 'mediation-list-desktop.png'), fullPage: true });
    await row.getByRole('link').first().click();
    await city.waitForURL((u) => u.pathname === casePath);
    await step(city, header(city).getByRole('button', { name: '分派', exact: true }), '分派案件', async (d) => {
      await choose(city, d, '调解组织', '信阳市知识产权纠纷人民调解委员会');
      await choose(city, d, '调解员', '刘晓燕');
      await city.screenshot({ path: path.join(SHOTS, 'mediation-assign-desktop.png') });
    });
    await header(city).getByText('已分派', { exact: true }).waitFor();
    await step(city, header(city).getByRole('button', { name: '安排调解', exact: true }), '安排调解', async (d) => {
      await d.getByLabel('地点').fill('市知识产权纠纷人民调解委员会第一调解室');
      await d.getByLabel('参加人员').fill('申请人委托代理人、被申请人');
    });
    const session = city.locator('.ant-table-row').filter({ hasText: '第一调解室' });
    await session.getByText('已安排').waitFor();
  });

  test('two days on, the office records the session and the settlement with the signed agreement', async () => {
    expect(casePath, 'the case was referred').not.toBe('');
    // 3. Two days on, the session has been held: it is recorded, then the settlement with the agreement.
    h.t.clock.set(new Date(h.t.clock.now().getTime() + 2 * 86_400_000));
    const later = await signedIn('city');
    await later.goto(casePath);
    await header(later).getByText('已分派', { exact: true }).waitFor();
    await step(later, later.locator('.ant-table-row').filter({ hasText: '第一调解室' }).getByRole('button', { name: '记录调解' }), '记录调解情况', async (d) => {
      await d.getByLabel('调解记录').fill('双方到场。被申请人承认销售的茶叶包装使用了近似标识，同意下架并赔偿；经调解员释法说理，双方就赔偿数额达成一致。');
    });
    await header(later).getByText('调解中', { exact: true }).waitFor();
    await step(later, header(later).getByRole('button', { name: '记录结果', exact: true }), '记录办理结果', async (d) => {
      expect(await d.getByRole('radio', { name: '调解成功' }).isChecked()).toBe(true);
      await d.locator('input[type=file]').setInputFiles({ name: '调解协议书.pdf', mimeType: 'application/pdf', buffer: PDF });
      await d.getByText('已上传：调解协议书.pdf').waitFor();
      await d.getByLabel('协议金额').fill('20000');
      await d.getByLabel('协议内容').fill(SETTLEMENT);
      await d.getByText('结果将通知信阳市中级人民法院').waitFor();
      await later.screenshot({ path: path.join(SHOTS, 'mediation-outcome-dialog-desktop.png') });
    });
    const outcome = later.getByTestId('case-outcome');
    await outcome.getByText('调解成功').waitFor();
    await outcome.getByText(SETTLEMENT).waitFor();
    // The whole way is on the record.
    expect(await later.locator('.xz-history').innerText()).toMatch(/法院委派诉前调解[\s\S]*分派[\s\S]*安排第 1 次调解[\s\S]*第 1 次调解已举行[\s\S]*调解协议书\.pdf[\s\S]*结案：调解成功/);
    await later.screenshot({ path: path.join(SHOTS, 'mediation-detail-desktop.png'), fullPage: true });
    settledCase = true;
  });

  test('the court user sees the outcome on its page and downloads the agreement', async () => {
    expect(settledCase, 'the case was settled').toBe(true);
    // 4. The court sees the outcome on its page and downloads the agreement.
    const back = await signedIn('court');
    await mainMenu(back).getByRole('menuitem', { name: '诉调对接' }).click();
    const referred = back.locator('.ant-table-row').filter({ hasText: CASE_NO });
    await referred.getByText('调解成功').waitFor();
    await back.screenshot({ path: path.join(SHOTS, 'mediation-court-list-desktop.png'), fullPage: true });
    await referred.getByRole('link').first().click();
    await back.waitForURL((u) => /^\/protection\/mediation\/referrals\/\d+$/.test(u.pathname));
    const seen = back.getByTestId('case-outcome');
    await seen.getByText(SETTLEMENT).waitFor();
    await seen.getByText('¥20,000').waitFor();
    const [download] = await Promise.all([back.waitForEvent('download'), seen.getByRole('link', { name: /调解协议书\.pdf/ }).click()]);
    expect(download.suggestedFilename()).toBe('调解协议书.pdf');
    expect(Buffer.compare(await readFile((await download.path()) ?? ''), PDF)).toBe(0);
    await back.screenshot({ path: path.join(SHOTS, 'mediation-court-detail-desktop.png'), fullPage: true });
  });

  test('another county’s desk does not see the case', async () => {
    expect(casePath, 'the case was referred').not.toBe('');
    const zone = await signedIn('shangtianti');
    await zone.goto(casePath);
    await zone.getByText('该记录不存在，或不在您的管辖范围内。').waitFor();
    expect(await zone.locator('#main').innerText()).not.toContain(APPLICANT);
  });
});
