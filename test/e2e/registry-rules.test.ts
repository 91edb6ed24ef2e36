/**
 * Lists of the data centre opened from a figure of the dashboards, as the city officer (city):
 *   1. /registry/patents?highValue=<year>&local=1 states its statistical rule above the hits, shows
 *      the count the API gives for that rule, and marks each hit with the high-value criteria it
 *      meets; 「清除统计口径」 takes the rule (and only the rule) off;
 *   2. the trademark and GI lists state their rules too, the county staying an ordinary filter of
 *      the trademark list.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { VALUE_CRITERION_LABELS } from '../../src/shared/registry/types';
import { signedIn } from './journey';

let page: Page | undefined;

const GUSHI = '411525';
const YEAR = new Date().getFullYear();

/** The number in "共 1,234 件专利" / "共 56 件商标". */
async function shownTotal(p: Page, unit: string): Promise<number> {
  const text = await p.getByText(new RegExp(`共 [\\d,]+\\+? 件${unit}`)).innerText();
  return Number(/共 ([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

describe('统计口径', () => {
  test('high-value patents held in Xinyang: the rule, the count, the criteria; then the rule cleared', async () => {
    page = await signedIn('city');
    const api = await page.request.get(`/api/patents?highValue=${YEAR}&local=1&page=1&pageSize=1`);
    expect(api.status()).toBe(200);
    const expected = ((await api.json()) as { total: number }).total;
    expect(expected, 'the demo register holds high-value patents').toBeGreaterThan(0);

    await page.goto(`/registry/patents?highValue=${YEAR}&local=1`);
    await page.getByRole('heading', { name: '专利检索', level: 1 }).waitFor();
    const notice = page.locator('.xz-rule-notice');
    await notice.getByText(`统计口径：${YEAR} 年末有效的高价值发明专利（任一条件） · 仅限信阳市内权利`).waitFor();
    await expect.poll(() => shownTotal(page!, '专利')).toBe(expected);

    // Every hit shown meets at least one criterion, named in Chinese.
    const hits = page.locator('.xz-hit');
    await hits.first().waitFor();
    const n = await hits.count();
    expect(n).toBe(Math.min(expected, 20));
    const names = new Set(Object.values(VALUE_CRITERION_LABELS).map((l) => l.zh));
    for (let i = 0; i < n; i++) {
      const tags = await hits.nth(i).locator('.xz-value-tag').allInnerTexts();
      expect(tags.length, `hit ${i + 1} carries its criteria`).toBeGreaterThan(0);
      for (const tag of tags) expect(names.has(tag.trim()), tag).toBe(true);
    }
    // Only invention patents are counted.
    const types = page.locator('section.xz-facet').filter({ has: page.getByRole('heading', { name: '专利类型' }) });
    expect(await types.locator('li').count()).toBe(1);

    // The counts beside the results follow the rule: a county narrows within it.
    const counties = page.locator('section.xz-facet').filter({ has: page.getByRole('heading', { name: '所属地区' }) });
    const first = counties.locator('li').first();
    const county = (await first.locator('.xz-facet-label').innerText()).trim();
    const count = Number((await first.locator('.xz-facet-count').innerText()).replace(/,/g, ''));
    await counties.getByRole('checkbox', { name: county }).click();
    await expect.poll(() => shownTotal(page!, '专利')).toBe(count);
    await notice.waitFor();

    // Clearing the rule keeps the county and drops only the rule's parameters.
    await notice.getByRole('button', { name: '清除统计口径' }).click();
    await notice.waitFor({ state: 'detached' });
    const url = new URL(page.url());
    expect(url.searchParams.get('highValue')).toBeNull();
    expect(url.searchParams.get('local')).toBeNull();
    expect(url.searchParams.get('county')).not.toBeNull();
    await expect.poll(() => shownTotal(page!, '专利')).toBeGreaterThan(count);
    expect(await page.locator('.xz-value-tag').count()).toBe(0);
  });

  test('trademarks and GIs opened from a figure state their rule', async () => {
    page = await signedIn('city');
    await page.goto(`/registry/trademarks?inForce=${YEAR}&county=${GUSHI}`);
    await page.getByRole('heading', { name: '商标检索', level: 1 }).waitFor();
    await page.locator('.xz-rule-notice').getByText(`统计口径：${YEAR} 年末有效`, { exact: true }).waitFor();
    // The county is the list's own filter, ticked in the counts, not part of the rule.
    const counties = page.locator('section.xz-facet').filter({ has: page.getByRole('heading', { name: '所属地区' }) });
    await expect.poll(() => counties.getByRole('checkbox', { name: '固始县' }).isChecked()).toBe(true);
    const api = await page.request.get(`/api/trademarks?inForce=${YEAR}&county=${GUSHI}&page=1&pageSize=1`);
    await expect.poll(() => shownTotal(page!, '商标')).toBe(((await api.json()) as { total: number }).total);

    await page.goto(`/registry/gis?approvedBy=${YEAR}&county=${GUSHI}&local=1`);
    const notice = page.locator('.xz-rule-notice');
    await notice.getByText(`统计口径：截至 ${YEAR} 年末已获批准 · 所属地区：固始县 · 仅限信阳市内权利`).waitFor();
    const gis = await page.request.get(`/api/gis?approvedBy=${YEAR}&county=${GUSHI}`);
    const expected = ((await gis.json()) as unknown[]).length;
    await page.getByText(`共 ${expected} 个地理标志`).waitFor();
    await notice.getByRole('button', { name: '清除统计口径' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe('');
  });
});
