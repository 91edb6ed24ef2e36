/**
 * Journeys through 统计分析 (analysis):
 *   1. the city officer opens the dashboard, colours the county map by the count of high-value
 *      invention patents, clicks the county with most on the map and lands on the list of exactly those patents,
 *      each showing the criteria it met, then exports the list as CSV and gets the same rows;
 *   2. a county desk sees its own county's dashboard and indicators, and cannot open another's.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { settled, signedIn } from './journey';

const CODES: Record<string, string> = {
  浉河区: '411502', 平桥区: '411503', 罗山县: '411521', 光山县: '411522', 新县: '411523',
  商城县: '411524', 固始县: '411525', 潢川县: '411526', 淮滨县: '411527', 息县: '411528',
};
const COUNTIES = Object.keys(CODES);

describe('统计分析', () => {
  test('dashboard → a county on the map → its records → export', async () => {
    const page = await signedIn('city');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByRole('heading', { name: '信阳市知识产权统计分析', level: 1 }).waitFor();

    // Colour the map by the count, so that the number on the map is the length of the list.
    await page.getByText('每万人口高价值发明专利拥有量', { exact: true }).first().click();
    const list = page.locator('.ant-select-dropdown:visible');
    await settled(list);
    await list.getByText('高价值发明专利拥有量', { exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('indicator') === 'high_value_inventions');
    // The first county on the map (the ranking is sorted by the indicator) that has some.
    let county = '';
    let count = 0;
    for (const name of COUNTIES) {
      const row = page.locator('.ant-table-row').filter({ has: page.getByRole('cell', { name, exact: true }) });
      const n = Number((await row.getByRole('link', { name: `${name} 高价值发明专利拥有量` }).innerText()).replace(/[^\d]/g, ''));
      if (n > count) [county, count] = [name, n];
    }
    expect(count).toBeGreaterThan(0);

    const map = page.getByRole('img', { name: /信阳市各县区高价值发明专利拥有量地图/ });
    const label = map.locator('text', { hasText: new RegExp(`^${county}$`) });
    await label.waitFor();
    await map.scrollIntoViewIfNeeded();
    const box = await label.boundingBox();
    if (!box) throw new Error('no label box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL((u) => u.pathname === '/registry/patents');
    const url = new URL(page.url());
    expect(url.searchParams.get('county')).toBe(CODES[county]);
    expect(url.searchParams.get('highValue')).toMatch(/^\d{4}$/);
    await page.getByText(new RegExp(`共找到 ${count.toLocaleString('en-US')} 件专利|共 ${count} 件`)).first().waitFor();
    await page.locator('.xz-hit').first().waitFor();
    // Each listed patent names the high-value criteria it met.
    const hits = await page.locator('.xz-hit').count();
    expect(await page.locator('.xz-hit').filter({ has: page.locator('.xz-value-tag') }).count()).toBe(hits);

    await page.getByRole('button', { name: /导出/ }).click();
    const menu = page.locator('.ant-dropdown:visible');
    await settled(menu);
    const [download] = await Promise.all([page.waitForEvent('download'), menu.getByText(/CSV/).click()]);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(count);
    expect(lines.slice(1).every((l) => l.includes(county))).toBe(true);
  });

  test('a county desk sees its own county only', async () => {
    const page = await signedIn('gushi');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByRole('heading', { name: '固始县知识产权统计分析', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.ant-table-row').filter({ hasText: '固始县' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: '浉河区', exact: true }).count()).toBe(0);
    // Asking for another county in the address bar still shows only one's own.
    await page.goto('/insight/dashboard?area=411502');
    await page.getByRole('heading', { name: '固始县知识产权统计分析', level: 1 }).waitFor();
    await page.goto('/insight/indicators');
    await page.getByRole('heading', { name: '知识产权指标', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
  });
});
