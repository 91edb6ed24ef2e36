/**
 * Journey through 行政执法公示 (publication of penalty decisions):
 *   1. the Gushi desk records a decision against a natural person from the menu, and is shown that
 *      it awaits the legal review and when it must be published;
 *   2. it uploads the signed legal-review record and records the review;
 *   3. it previews the text that will go public (the person masked) and publishes it;
 *   4. a signed-out visitor, coming from the sign-in page, finds it on /public/enforcement by its
 *      number and reads it with the name, ID number, phone and house address masked.
 * Screenshots of the pages go to test/e2e/screenshots/ (not kept in the repository).
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { todayInChina } from '../../src/shared/registry/normalise';
import { addDays } from '../../src/shared/insight/fees';
import { PDF } from '../support/protection';
import { h, settled, signedIn } from './journey';

const SHOTS = path.join(import.meta.dirname, 'screenshots');
const DECISION_NO = '固市监处罚〔2026〕150号';
// A synthetic person: the ID number has a valid check character but belongs to no one.
const NAME = '孙秀英';
const ID = '411525199003070024';
const PHONE = '13903769876';
const HOME = '河南省信阳市固始县郭陆滩镇李店村5组';

const header = (page: Page) => page.locator('.xz-page-header');
const mainMenu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

async function pickDate(page: Page, field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await page.keyboard.press('Enter');
}

let detailPath = '';

describe('处罚决定公示', () => {
  test('a county desk records a decision against a person, records its legal review, previews the masked text and publishes it', async () => {
    const decided = addDays(todayInChina(Date.now()), -1);
    const gushi = await signedIn('gushi');
    await mainMenu(gushi).getByRole('menuitem', { name: '处罚决定公示' }).click();
    await gushi.getByRole('heading', { name: '处罚决定公示', level: 1 }).waitFor();
    await header(gushi).getByRole('button', { name: /录入处罚决定/ }).click();
    await gushi.getByRole('heading', { name: '录入处罚决定', level: 1 }).waitFor();

    // 1. The decision as made.
    await gushi.getByLabel('处罚决定书文号').fill(DECISION_NO);
    await pickDate(gushi, gushi.getByLabel('处罚决定日期'), decided);
    await gushi.getByLabel('责令停止侵权行为').check();
    await gushi.getByLabel('罚款', { exact: true }).check();
    await gushi.getByLabel('罚款金额').fill('15000');
    await gushi.locator('label.ant-radio-button-wrapper').filter({ hasText: '自然人' }).click();
    await gushi.getByLabel('姓名').fill(NAME);
    await gushi.getByLabel('身份证号码').fill(ID);
    await gushi.getByLabel(/联系电话/).fill(PHONE);
    await gushi.getByLabel('住址', { exact: true }).fill(HOME);
    await gushi.getByLabel('违法事实').fill(`当事人${NAME}（身份证号${ID}，电话${PHONE}）在郭陆滩镇集市销售假冒“信阳毛尖”茶叶20千克。`);
    await gushi.getByLabel('违反的法律条款').fill('《中华人民共和国商标法》第五十七条第（一）项');
    await gushi.getByLabel('处罚依据').fill('《中华人民共和国商标法》第六十条第二款');
    await gushi.getByLabel('处罚内容').fill('1. 责令立即停止侵权行为；2. 罚款15000元。');
    await gushi.screenshot({ path: path.join(SHOTS, 'disclosure-form-desktop.png'), fullPage: true });
    await gushi.getByRole('button', { name: /保\s*存/ }).click();

    await header(gushi).getByRole('heading', { name: DECISION_NO, level: 1 }).waitFor();
    detailPath = new URL(gushi.url()).pathname;
    await header(gushi).getByText('待法制审核').waitFor();
    await gushi.getByText(/待法制审核：请上传经签字的法制审核记录并登记审核意见/).waitFor();
    // Internally the person shows masked too; publishing is not offered before the review.
    expect(await gushi.locator('.ant-card').filter({ hasText: '当事人类型' }).innerText()).toContain('孙**');
    expect(await header(gushi).getByRole('button', { name: '预览并公示' }).isDisabled()).toBe(true);

    // 2. The signed review record, then the review itself.
    await gushi.getByRole('tab', { name: /法制审核/ }).click();
    await gushi.getByRole('tabpanel').locator('input[type=file]').setInputFiles({ name: '法制审核意见书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await gushi.getByRole('tabpanel').getByText('法制审核意见书.pdf').waitFor();
    await header(gushi).getByRole('button', { name: '登记法制审核' }).click();
    const review = gushi.getByRole('dialog', { name: '登记法制审核' });
    await settled(review);
    await review.getByRole('textbox', { name: '审核人员' }).fill('黄志远');
    await review.getByRole('textbox', { name: '审核意见' }).fill('事实清楚，证据确凿，适用法律正确，同意。');
    expect(await review.getByRole('radio', { name: /法制审核意见书\.pdf/ }).isChecked()).toBe(true);
    await review.getByRole('button', { name: '登记法制审核', exact: true }).click();
    await review.waitFor({ state: 'detached' });
    await header(gushi).getByText('待公示').waitFor();

    // 3. The preview is the public text: the person masked everywhere.
    await header(gushi).getByRole('button', { name: /预览并公示/ }).click();
    const preview = gushi.getByRole('dialog', { name: '预览公示内容' });
    await settled(preview);
    await preview.getByRole('region', { name: '公示内容预览' }).getByText('孙**', { exact: true }).waitFor();
    const shown = await preview.innerText();
    expect(shown).toContain('4115**********0024');
    expect(shown).toContain('河南省信阳市固始县郭陆滩镇');
    expect(shown).toContain('139****9876');
    for (const secret of [NAME, ID, PHONE, '李店村']) expect(shown, secret).not.toContain(secret);
    await gushi.screenshot({ path: path.join(SHOTS, 'disclosure-preview-desktop.png') });
    await preview.getByRole('button', { name: '确认公示' }).click();
    await preview.waitFor({ state: 'detached' });
    await header(gushi).getByText('已公示').waitFor();
    await gushi.getByText(/已于 .* 对外公示/).waitFor();
    await gushi.getByRole('tab', { name: '办理记录' }).click();
    await gushi.getByText('审核人员：黄志远').waitFor();
    await gushi.screenshot({ path: path.join(SHOTS, 'disclosure-detail-desktop.png'), fullPage: true });
  });

  test('a signed-out visitor finds it on the public page with the person masked', async () => {
    expect(detailPath, 'the desk published a decision').toMatch(/^\/protection\/disclosure\/\d+$/);
    const visitor = await h.page();
    await visitor.goto('/login');
    await visitor.getByRole('link', { name: '处罚公示' }).click();
    await visitor.waitForURL((u) => u.pathname === '/public/enforcement');
    await visitor.getByRole('heading', { name: '行政处罚决定公示', level: 1 }).waitFor();
    await visitor.getByLabel('文号或当事人').fill('固市监处罚(2026)150号');
    await visitor.getByRole('button', { name: /查\s*询/ }).click();
    const entry = visitor.locator('.xz-enf-entry').filter({ hasText: DECISION_NO });
    await entry.waitFor();
    // The unfiltered list shows first; the search then narrows it to the one decision.
    await expect.poll(() => visitor.locator('.xz-enf-entry').count(), { timeout: 15_000 }).toBe(1);
    expect(await entry.innerText()).toMatch(/孙\*\*[\s\S]*责令停止侵权行为[\s\S]*罚款/);
    await visitor.screenshot({ path: path.join(SHOTS, 'disclosure-public-list-desktop.png'), fullPage: true });

    await entry.getByRole('link', { name: DECISION_NO }).click();
    await visitor.getByRole('heading', { name: '行政处罚决定信息公示', level: 1 }).waitFor();
    const text = await visitor.locator('#main').innerText();
    expect(text).toContain('孙**');
    expect(text).toContain('4115**********0024');
    expect(text).toContain('固始县市场监督管理局');
    for (const secret of [NAME, ID, PHONE, '李店村', '黄志远', '法制审核意见书']) expect(text, secret).not.toContain(secret);
    await visitor.screenshot({ path: path.join(SHOTS, 'disclosure-public-detail-desktop.png'), fullPage: true });

    // On a phone it reads without sideways scrolling.
    const phone = await h.page({ width: 390, height: 844 });
    await phone.goto(new URL(visitor.url()).pathname);
    await phone.getByRole('heading', { name: '行政处罚决定信息公示', level: 1 }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.screenshot({ path: path.join(SHOTS, 'disclosure-public-detail-mobile.png'), fullPage: true });
  });
});
