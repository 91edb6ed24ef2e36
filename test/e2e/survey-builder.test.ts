/**
 * Journey through the questionnaire builder:
 *   1. the city office starts a blank survey, adds a 1–5 satisfaction question counted under 执法保护
 *      and a single-choice question; a choice with one option is marked at its field and nothing is
 *      stored; with two options it saves;
 *   2. moving the choice question up and saving stores the new order;
 *   3. publishing shows the public link and its QR code, the builder is gone, and the link opens the
 *      questionnaire with both questions, in that order.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { yearInChina } from '../../src/shared/registry/normalise';
import { h, settled, signedIn } from './journey';

const LIKERT = '您对本县区知识产权行政执法的力度是否满意？（测试）';
const CHOICE = '您是否通过本平台举报过侵权假冒线索？（测试）';

/** The server names a blank survey after this year in China, by its own clock. */
const title = () => `${yearInChina(h.t.clock.now().getTime())}年度信阳市知识产权保护社会满意度调查`;
const header = (page: Page) => page.locator('.xz-page-header');
const question = (page: Page, n: number) => page.locator('.xz-survey-builder-q').filter({ has: page.getByText(`第 ${n} 题`, { exact: true }) });
/** Ant Design spaces two-character button labels (发 布), and an icon adds its own name before the text. */
const label = (text: string) => new RegExp(`${[...text].join('\\s*')}$`);

async function pick(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  const list = page.locator('.ant-select-dropdown:visible');
  await settled(list);
  await list.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

async function storedQuestions(surveyId: number): Promise<{ seq: number; kind: string; text: string; options: string[]; dimension: string | null }[]> {
  return h.t.db.query('SELECT seq, kind, text, options, dimension FROM survey_questions WHERE survey_id = $1 ORDER BY seq', [surveyId]);
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存问卷' }).click();
  await page.getByText('问卷已保存').last().waitFor();
}

let surveyId = 0;

describe('满意度调查：问卷编辑与发布', () => {
  test('the city starts a blank survey and adds two questions; a choice with one option is refused at its field', async () => {
    const city = await signedIn('city');
    await city.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '满意度调查' }).click();
    await city.getByRole('heading', { name: '满意度调查', level: 1 }).waitFor();
    await city.getByRole('button', { name: '新建空白问卷' }).click();
    await city.waitForURL((u) => /^\/workplan\/surveys\/\d+$/.test(u.pathname));
    surveyId = Number(new URL(city.url()).pathname.split('/').pop());
    await city.getByRole('heading', { name: title(), level: 1 }).waitFor();
    await city.getByText('还没有题目，请添加。').waitFor();

    // 1. A satisfaction scale (the default kind), counted under 执法保护.
    await city.getByRole('button', { name: '添加题目' }).click();
    const q1 = question(city, 1);
    await q1.getByLabel('题目', { exact: true }).fill(LIKERT);
    await pick(city, q1.getByRole('combobox', { name: '计入一级指标' }), '执法保护');

    // 2. A single choice with one option only.
    await city.getByRole('button', { name: '添加题目' }).click();
    const q2 = question(city, 2);
    await pick(city, q2.getByRole('combobox', { name: '题型' }), '单选题');
    await q2.getByLabel('题目', { exact: true }).fill(CHOICE);
    await q2.getByLabel('选项', { exact: true }).fill('是');
    await city.getByRole('button', { name: '保存问卷' }).click();
    await q2.getByText('选择题至少需要两个选项，每行一个').waitFor();
    expect(await storedQuestions(surveyId), 'nothing stored while the form is wrong').toEqual([]);

    await q2.getByLabel('选项', { exact: true }).fill('是\n否\n不了解该渠道');
    await save(city);
    expect(await storedQuestions(surveyId)).toEqual([
      { seq: 1, kind: 'likert5', text: LIKERT, options: [], dimension: 'enforcement' },
      { seq: 2, kind: 'single', text: CHOICE, options: ['是', '否', '不了解该渠道'], dimension: null },
    ]);
  });

  test('moving a question up and saving stores the new order', async () => {
    expect(surveyId, 'the first step created the survey').toBeGreaterThan(0);
    const city = await signedIn('city');
    await city.goto(`/workplan/surveys/${surveyId}`);
    await question(city, 2).getByRole('button', { name: '上移' }).click();
    expect(await question(city, 1).getByLabel('题目', { exact: true }).inputValue()).toBe(CHOICE);
    await save(city);
    expect((await storedQuestions(surveyId)).map((q) => q.text)).toEqual([CHOICE, LIKERT]);
  });

  test('publishing shows the link and QR code, and the link opens the questionnaire', async () => {
    expect(surveyId, 'the first step created the survey').toBeGreaterThan(0);
    const city = await signedIn('city');
    await city.goto(`/workplan/surveys/${surveyId}`);
    await header(city).getByRole('button', { name: label('发布') }).click();
    const confirm = city.locator('.ant-modal-confirm').filter({ hasText: '发布这份问卷？' });
    await settled(confirm);
    await confirm.getByRole('button', { name: label('发布') }).click();
    await confirm.waitFor({ state: 'detached' });

    const card = city.locator('.ant-card').filter({ hasText: '公开链接与二维码' });
    await card.waitFor();
    const qr = card.getByRole('img', { name: '问卷二维码' });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await city.getByRole('button', { name: '保存问卷' }).count(), 'a published survey is not edited').toBe(0);
    const link = (await card.locator('.xz-mono').innerText()).trim();
    expect(link).toMatch(/\/public\/survey\/[\w-]+$/);

    const phone = await h.page({ width: 375, height: 812 });
    await phone.goto(new URL(link).pathname);
    await phone.getByRole('heading', { name: title(), level: 1 }).waitFor();
    const text = await phone.locator('#main, main, body').first().innerText();
    expect(text.indexOf(CHOICE)).toBeGreaterThan(-1);
    expect(text.indexOf(LIKERT)).toBeGreaterThan(text.indexOf(CHOICE));
  });
});
