/**
 * Journey through 保护水平评估 (protection-level evaluation): the 固始县 desk opens it from the menu and
 * sees its own county on the radar against the city average, its place in the ranking, and its
 * indicators, each raw value a link to the records it counted; another county shows scores only.
 */
import { describe, expect, test } from 'vitest';
import { settled, signedIn } from './journey';

describe('protection-level evaluation', () => {
  test('a county desk sees its radar, the ranking and its own figures with their records', async () => {
    const page = await signedIn('gushi');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '保护水平评估' }).click();
    await page.waitForURL((u) => u.pathname === '/workplan/evaluation');
    await page.getByRole('heading', { name: '知识产权保护水平评估', level: 1 }).waitFor();

    // The radar is drawn for 固始县 (the desk's own county) with the city average overlaid.
    const radar = page.getByRole('img', { name: /^固始县各维度得分雷达图/ });
    await radar.waitFor();
    expect(await radar.locator('svg').count()).toBe(1);
    expect(await radar.locator('svg path').count()).toBeGreaterThan(5);
    expect(await radar.innerText()).toContain('全市平均');

    // The ranking lists every county with its index; 固始县 is among them.
    const ranking = page.locator('.ant-card').filter({ hasText: '综合排名' }).getByRole('table');
    await expect.poll(() => ranking.locator('tbody tr').count()).toBeGreaterThanOrEqual(15);
    await ranking.getByRole('cell', { name: '固始县', exact: true }).waitFor();

    // Its own indicators are shown, each platform figure linked to its records.
    const detail = page.locator('.ant-card').filter({ hasText: '固始县 指标明细' });
    const link = detail.getByRole('link').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/protection\/[a-z-]+\?.*area=411525/);
    await link.click();
    await page.waitForURL((u) => u.pathname.startsWith('/protection/') && u.searchParams.get('area') === '411525');
    await page.goBack();
    await radar.waitFor();

    // Another county: scores on the radar, but not its inputs.
    const picker = page.getByRole('combobox', { name: '选择县区' });
    await picker.click();
    const list = page.locator('.ant-select-dropdown');
    await settled(list);
    await list.getByText('浉河区', { exact: true }).click();
    await page.getByRole('img', { name: /^浉河区各维度得分雷达图/ }).waitFor();
    await page.getByText('县区账号只能查看本辖区的指标明细').waitFor();
  });
});
