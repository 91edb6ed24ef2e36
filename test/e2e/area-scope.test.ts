/**
 * Journey: a county desk (gushi, 固始县 411525) works only inside its county. The organisation list
 * holds only 固始县 organisations, another county's organisation opened by URL is "not found or not
 * yours" without any of its data, and population figures are editable for 固始县 only.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h, settled, signedIn, signIn } from './journey';

let page: Page | undefined;

const GUSHI = '411525';
const SHIHE = '411502';
const TEA = '信阳浉河云雾茶业有限公司';

async function orgByName(name: string): Promise<{ id: string; uscc: string | null; address: string | null }> {
  const [row] = await h.t.db.query<{ id: string; uscc: string | null; address: string | null }>('SELECT id, uscc, address FROM organisations WHERE name = $1', [name]);
  if (!row) throw new Error(`no organisation ${name}`);
  return row;
}

/** Texts of one column of the visible table, by header name. */
async function column(p: Page, header: string): Promise<string[]> {
  const headers = await p.getByRole('columnheader').allInnerTexts();
  const i = headers.findIndex((t) => t.trim() === header);
  if (i < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  return p.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((rows, idx) => rows.map((r) => (r.children[idx] as HTMLElement).innerText.trim()), i);
}

describe('gushi (固始县 desk)', () => {
  test('the organisation list holds only 固始县 organisations', async () => {
    const inScope = await h.t.db.query<{ name: string }>('SELECT name FROM organisations WHERE area_code = $1 ORDER BY name', [GUSHI]);
    const [{ n: all } = { n: 0 }] = await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
    expect(inScope.length).toBeGreaterThanOrEqual(2);
    expect(all).toBeGreaterThan(inScope.length); // there is something to hide

    page = await signedIn('gushi');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '机构名录' }).click();
    await page.waitForURL((u) => u.pathname === '/orgs');
    await page.getByRole('heading', { name: '机构名录', level: 1 }).waitFor();
    await page.getByText(`共 ${inScope.length} 条`).waitFor();

    const names = await column(page, '机构名称');
    expect(names.sort()).toEqual(inScope.map((r) => r.name).sort());
    expect(names).toContain('固始县皇姑山食品有限公司');
    expect(names).toContain('固始县市场监督管理局');
    expect(new Set(await column(page, '所属地区'))).toEqual(new Set(['固始县']));
    expect(await page.locator('#main').innerText()).not.toContain(TEA);
    // A reader, not a manager: no create button.
    expect(await page.getByRole('button', { name: '新建机构' }).count()).toBe(0);

    // Searching for another county's firm by name finds nothing.
    await page.goto(`/orgs?q=${encodeURIComponent('云雾')}`);
    await page.getByText('没有符合筛选条件的机构，请调整或重置筛选条件。').waitFor();
    expect(await page.locator('#main').innerText()).not.toContain(TEA);
  });

  test('another county’s organisation by URL is “不存在或无权访问”, with none of its data', async () => {
    const tea = await orgByName(TEA);
    expect(tea.uscc).toBeTruthy();
    page = await signedIn('gushi');
    const answers: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === `/api/orgs/${tea.id}`) answers.push(r.status());
    });
    await page.goto(`/orgs/${tea.id}`);
    await page.getByText('不存在或无权访问', { exact: true }).waitFor();
    await page.getByText('该记录不存在，或不在您的管辖范围内。').waitFor();
    const main = await page.locator('#main').innerText();
    for (const secret of [TEA, tea.uscc!, tea.address!, '董家河', '浉河区']) expect(main).not.toContain(secret);
    expect(await page.title()).not.toContain(TEA);
    expect(answers).toEqual([404]);

    // The way back leads to the (scoped) list.
    await page.getByRole('link', { name: '返回机构列表' }).click();
    await page.waitForURL((u) => u.pathname === '/orgs');
    await page.getByRole('heading', { name: '机构名录', level: 1 }).waitFor();

    // The same page opened by city (whole city) shows the firm: the 404 above is scope, not a bad id.
    const city = await h.page();
    try {
      await signIn(city, 'city');
      await city.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
      await city.goto(`/orgs/${tea.id}`);
      await city.getByRole('heading', { name: TEA, level: 1 }).waitFor();
    } finally {
      await city.context().close();
    }
  });

  test('edits 固始县 population; 浉河区 is read-only', async () => {
    page = await signedIn('gushi');

    // Own county: marked editable, with add/edit/delete controls, and an edit is saved.
    await page.goto(`/areas/${GUSHI}`);
    await page.getByRole('heading', { name: '固始县', level: 1 }).waitFor();
    await page.getByText('您可维护', { exact: true }).waitFor();
    await page.getByRole('button', { name: '新增年度数据' }).waitFor();
    const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await firstRow.waitFor();
    const year = Number((await firstRow.locator('td').first().innerText()).trim());
    expect(year).toBeGreaterThan(1949);
    await firstRow.getByRole('button', { name: /编辑/ }).click();
    const dialog = page.getByRole('dialog', { name: /修改年度人口/ });
    await settled(dialog);
    await dialog.getByLabel('常住人口').fill('1234567');
    await dialog.getByLabel('备注').fill('端到端测试修改');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('人口数据已保存').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-tbody').getByText('1,234,567').waitFor();
    const [saved] = await h.t.db.query<{ population: number; note: string }>('SELECT population, note FROM area_population WHERE area_code = $1 AND year = $2', [GUSHI, year]);
    expect(saved).toEqual({ population: 1234567, note: '端到端测试修改' });

    // Another district: read-only, no edit controls at all.
    await page.goto(`/areas/${SHIHE}`);
    await page.getByRole('heading', { name: '浉河区', level: 1 }).waitFor();
    await page.getByText('只读', { exact: true }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByText('您可维护', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '新增年度数据' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /编辑/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /删除/ }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: '操作' }).count()).toBe(0);

    // And the server refuses the edit the page does not offer.
    const me = await (await page.request.get('/api/auth/me')).json();
    const put = await page.request.put(`/api/areas/${SHIHE}/population/${year}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { population: 1, source: '越权测试', isEstimate: true },
    });
    expect(put.status()).toBe(404);
    const [{ n } = { n: -1 }] = await h.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM area_population WHERE area_code = $1 AND population = 1', [SHIHE]);
    expect(n).toBe(0);
  });
});
