/**
 * Journey: a citizen scans the survey's QR code and answers on a phone (375×812): chooses who they
 * are and their county, answers, submits and is thanked; the page never scrolls sideways; opening
 * the link again on the same phone says it was already answered.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h, settled } from './journey';

const WIDTH = 375;

async function expectNoSideScroll(p: Page, where: string): Promise<void> {
  const w = await p.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
  expect(w, `${where}: page wider than the phone`).toBeLessThanOrEqual(WIDTH);
}

describe('satisfaction survey on a phone', () => {
  test('answers the published survey anonymously, once per phone', async () => {
    const [demo] = await h.t.db.query<{ id: number; slug: string; title: string }>("SELECT id, slug, title FROM surveys WHERE is_demo AND status = 'published'");
    expect(demo).toBeDefined();
    const before = await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1', [demo!.id]);

    const page = await h.page({ width: WIDTH, height: 812 });
    await page.goto(`/public/survey/${demo!.slug}`);
    await page.getByRole('heading', { level: 1, name: demo!.title }).waitFor();
    await page.locator('.xz-survey-privacy').getByText('匿名填写，不收集姓名、电话等个人信息', { exact: false }).waitFor();
    await expectNoSideScroll(page, 'the questionnaire');

    // Sending an empty form points at what is missing.
    await page.getByRole('button', { name: '提交问卷' }).click();
    await page.getByText('请选择您的身份').waitFor();

    await page.getByRole('radio', { name: '企业' }).check();
    await page.getByRole('combobox', { name: '您所在的县区' }).click();
    const list = page.locator('.ant-select-dropdown');
    await settled(list);
    await list.getByText('固始县', { exact: true }).click();

    // Every question in turn: the first option of a choice, 比较满意 on a scale, a comment at the end.
    const cards = page.locator('.xz-survey-card');
    const n = await cards.count();
    expect(n).toBeGreaterThan(10);
    for (let i = 1; i < n; i++) {
      const card = cards.nth(i);
      if ((await card.locator('textarea').count()) > 0) {
        await card.locator('textarea').fill('希望多开展面向中小企业的知识产权培训。');
      } else if ((await card.getByRole('radio', { name: '比较满意' }).count()) > 0) {
        await card.getByRole('radio', { name: '比较满意' }).check();
      } else if ((await card.getByRole('radio').count()) > 0) {
        await card.getByRole('radio').first().check();
      } else {
        await card.getByRole('checkbox').first().check();
      }
    }
    // Tap targets are big enough for a thumb.
    const option = await cards.nth(3).locator('.ant-radio-wrapper').first().boundingBox();
    expect(option!.height).toBeGreaterThanOrEqual(40);
    await expectNoSideScroll(page, 'the filled questionnaire');

    await page.getByRole('button', { name: '提交问卷' }).click();
    await page.getByText('提交成功', { exact: true }).waitFor();
    await page.getByText('感谢您对信阳市知识产权保护工作的支持').waitFor();
    await expectNoSideScroll(page, 'the thank-you page');

    const after = await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1', [demo!.id]);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    const [mine] = await h.t.db.query<{ area_code: string; respondent_type: string }>('SELECT area_code, respondent_type FROM survey_responses WHERE survey_id = $1 AND NOT is_demo', [demo!.id]);
    expect(mine).toEqual({ area_code: '411525', respondent_type: 'enterprise' });

    // The same phone again: told it has answered, no form.
    await page.reload();
    await page.getByText('您已参与本次调查').waitFor();
    expect(await page.getByRole('button', { name: '提交问卷' }).count()).toBe(0);
    await expectNoSideScroll(page, 'already answered');
  });
});
