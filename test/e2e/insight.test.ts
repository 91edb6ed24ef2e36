/**
 * Journeys through 统计分析 (analysis):
 *   1. the city officer opens the dashboard, colours the county map by the count of high-value
 *      invention patents, clicks the county with most on the map and lands on the list of exactly those patents,
 *      each showing the criteria it met, then exports the list as CSV and gets the same rows;
 *   2. a county desk sees its own county's dashboard and indicators, and cannot open another's.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { h, settled, signedIn } from './journey';

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

describe('预警提醒', () => {
  test('an enterprise sees alerts for its own patents, opens one, and marks them read', async () => {
    // 羚锐's account stands for the firm holding most patents in force (its credit code on the organisation).
    const [firm] = await h.t.db.query<{ uscc: string }>(
      `SELECT h.uscc FROM holders h JOIN patent_holders ph ON ph.holder_id = h.id JOIN patents p ON p.id = ph.patent_id
        WHERE h.uscc IS NOT NULL AND p.status = 'valid' AND p.visibility = 'public' AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.uscc = h.uscc)
        GROUP BY h.uscc ORDER BY count(*) DESC LIMIT 1`,
    );
    await h.t.db.query("UPDATE organisations SET uscc = $1 WHERE name = '河南羚锐制药股份有限公司'", [firm?.uscc]);
    const city = await h.t.as('city');
    expect((await city.post('/api/insight/alert-scans')).statusCode).toBe(202);
    await h.t.runJobs();
    const [expected] = await h.t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM alerts a JOIN users u ON u.id = a.user_id WHERE u.username = 'lingrui'",
    );
    expect(expected?.n).toBeGreaterThan(0);

    const page = await signedIn('lingrui');
    const bell = page.getByRole('link', { name: `${expected?.n} 条未读预警` });
    await bell.click();
    await page.getByRole('heading', { name: '预警提醒', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.xz-alert').count()).toBe(Math.min(expected?.n ?? 0, 20));
    const first = page.locator('.xz-alert').first();
    expect(await first.innerText()).toMatch(/年费|届满|续展|滞纳/);
    await first.getByRole('link').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/registry/'));
    await page.goBack();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByRole('link', { name: '0 条未读预警' }).waitFor();
  });

  test('an officer adds a watch and removes it', async () => {
    const page = await signedIn('gushi');
    await page.goto('/insight/watches');
    await page.getByRole('heading', { name: '我的关注', level: 1 }).waitFor();
    await page.getByPlaceholder('如 C04B、C04B 14/00、A23F 3/06').fill('A23F 3/06');
    await page.getByRole('button', { name: /添加关注/ }).click();
    const row = page.locator('.ant-table-row').filter({ has: page.getByRole('cell', { name: 'IPC A23F 3/06' }) });
    await row.waitFor();
    const before = await page.locator('.ant-table-row').count();
    await row.getByRole('button', { name: /取消关注/ }).click();
    const confirm = page.locator('.ant-popover:visible');
    await settled(confirm);
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.waitFor({ state: 'detached' });
    expect(await page.locator('.ant-table-row').count()).toBe(before - 1);
  });
});
