/**
 * Journeys through 知识产权大数据中心 as the city officer (city):
 *   1. a search for 毛尖 shows results with the word marked (<mark>, never HTML from the data), and
 *      ticking a county in the counts beside the results narrows the total to that county's count,
 *      with the filter in the address bar;
 *   2. a result opens its record page: bibliographic data, holders in order linking to their pages,
 *      the demo mark, and the alert / case sections that say they come with those modules;
 *   3. the import wizard takes a small CSV with one bad row, shows the recognised columns and the
 *      problem in the preview, runs the import, shows the counts and offers the error report.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { appNo, csv } from '../support/registry';
import { h, settled, signedIn } from './journey';

let page: Page | undefined;

const SEARCH = '输入关键词、申请号或公开号，如 毛尖 加工、珍珠岩、CN112345678A';

/** The number in "“毛尖” 共找到 12 件专利". */
async function foundTotal(p: Page): Promise<number> {
  const text = await p.getByText(/共找到 [\d,]+\+? 件专利/).innerText();
  return Number(/共找到 ([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

async function searchMaojian(p: Page): Promise<number> {
  await p.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '专利检索' }).click();
  await p.waitForURL((u) => u.pathname === '/registry/patents');
  await p.getByRole('heading', { name: '专利检索', level: 1 }).waitFor();
  await p.getByLabel(SEARCH).fill('毛尖');
  await p.getByLabel(SEARCH).press('Enter');
  await p.getByText(/“毛尖” 共找到 \d+ 件专利/).waitFor();
  await p.locator('.xz-hit').first().waitFor();
  return foundTotal(p);
}

describe('知识产权大数据中心', () => {
  test('毛尖: highlighted results, and a county narrows the total', async () => {
    page = await signedIn('city');
    const total = await searchMaojian(page);
    expect(total).toBeGreaterThan(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('毛尖');

    // Every result title carries the word, marked; the marks are elements, not text with tags in it.
    const titles = page.locator('.xz-hit-title');
    const shown = await titles.count();
    expect(shown).toBe(Math.min(total, 20));
    const marked = await page.locator('.xz-hit-title mark').allInnerTexts();
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['毛尖']));
    for (const t of await titles.allInnerTexts()) expect(t).not.toMatch(/<\/?mark>/);

    // The county counts: pick a county holding some but not all of the matches.
    const counties = page.locator('section.xz-facet').filter({ has: page.getByRole('heading', { name: '所属地区' }) });
    const rows = counties.locator('li');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    let pick: { name: string; count: number } | null = null;
    for (let i = 0; i < n; i++) {
      const name = (await rows.nth(i).locator('.xz-facet-label').innerText()).trim();
      const count = Number((await rows.nth(i).locator('.xz-facet-count').innerText()).replace(/,/g, ''));
      if (count < total && name !== '地区待定') {
        pick = { name, count };
        break;
      }
    }
    expect(pick, 'a county with part of the matches').not.toBeNull();
    // The tick follows the address bar (a router transition), so wait for it rather than expect it at once.
    const box = counties.getByRole('checkbox', { name: pick!.name });
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    await expect.poll(() => foundTotal(page!)).toBe(pick!.count);
    expect(new URL(page.url()).searchParams.get('county')).toMatch(/^[0-9a-z]+$/);
    await page.getByText(`所属地区：${pick!.name}`).waitFor();
    // Every result shown now lies in that county.
    const areas = await page.locator('.xz-hit-meta div').filter({ hasText: '所属地区' }).locator('dd').allInnerTexts();
    expect(areas.length).toBe(Math.min(pick!.count, 20));
    expect(new Set(areas)).toEqual(new Set([pick!.name]));

    // The address is a bookmark: opened afresh it shows the same narrowed search.
    const again = await h.page();
    try {
      await again.request.post('/api/auth/login', { data: { username: 'city', password: 'Xinyang#2022' } });
      await again.goto(page.url());
      await again.getByText(/共找到 \d+ 件专利/).waitFor();
      expect(await foundTotal(again)).toBe(pick!.count);
      expect(await again.locator('section.xz-facet').getByRole('checkbox', { name: pick!.name }).isChecked()).toBe(true);
    } finally {
      await again.context().close();
    }
  });

  test('a result opens its record page', async () => {
    page = await signedIn('city');
    await searchMaojian(page);
    const first = page.locator('.xz-hit-title a').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL((u) => /^\/registry\/patents\/[0-9]{8,12}\.[0-9X]$/.test(u.pathname));
    const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const biblio = page.locator('.ant-card').filter({ hasText: '著录项目' });
    await biblio.getByText(`CN${number}`).waitFor();
    await page.getByText('合成演示数据').first().waitFor();
    // Deadlines and watching: a valid patent shows its next fee; the officer starts watching it.
    const deadlines = page.locator('.ant-card').filter({ hasText: '期限与关注' });
    await deadlines.getByRole('button', { name: /关注此记录/ }).click();
    await deadlines.getByText('已在关注').waitFor();
    await page.getByText('维权案件模块启用后，涉及本记录的案件将显示在这里。').waitFor();

    // Holders in their order, as the register has them, each linking to its page.
    const [row] = await h.t.db.query<{ id: number }>('SELECT id FROM patents WHERE app_no = $1', [number]);
    const holders = await h.t.db.query<{ id: number; name: string }>(
      'SELECT h.id, h.name FROM patent_holders ph JOIN holders h ON h.id = ph.holder_id WHERE ph.patent_id = $1 ORDER BY ph.seq',
      [row!.id],
    );
    expect(holders.length).toBeGreaterThan(0);
    const links = page.locator('.xz-holder-list a');
    expect(await links.allInnerTexts()).toEqual(holders.map((x) => x.name));
    await links.first().click();
    await page.waitForURL((u) => u.pathname === `/registry/holders/${holders[0]!.id}`);
    await page.getByRole('heading', { name: holders[0]!.name, level: 1 }).waitFor();
    await page.getByRole('tab', { name: /专利（\d+）/ }).waitFor();
  });

  test('the import wizard: mapping, a run with one bad row, counts and the error report', async () => {
    const good1 = appNo(2024, 1, 9_951_001);
    const good2 = appNo(2024, 2, 9_951_002);
    const file = `\uFEFF${csv([
      ['申请号', '申请日', '发明名称', '申请人', '申请人地址', '法律状态', 'IPC主分类号'],
      [good1, '2024-03-05', '一种信阳毛尖茶的提香工艺', '信阳旅程测试茶业有限公司', '河南省信阳市浉河区董家河镇', '有效', 'A23F 3/06'],
      [good2, '2024-04-11', '一种珍珠岩保温板', '信阳旅程测试新材料有限公司', '河南省信阳市上天梯管理区', '审中', 'C04B 14/18'],
      ['CN2024XXXX', '2024-13-40', '一种有错误的记录', '测试人', '', '有效', 'A23F'],
    ])}`;

    page = await signedIn('city');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '数据导入' }).click();
    await page.waitForURL((u) => u.pathname === '/registry/import');
    await page.getByRole('heading', { name: '数据导入', level: 1 }).waitFor();
    await page.getByText('单个文件不超过 200 MB', { exact: false }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '旅程测试.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });

    // Step 2: every column recognised exactly, with sample values, and the bad row found in the preview.
    await page.getByText('字段对应关系', { exact: true }).waitFor();
    const mapping = page.locator('.ant-card').filter({ hasText: '字段对应关系' });
    const headerRows = mapping.locator('.ant-table-tbody tr.ant-table-row');
    expect(await headerRows.count()).toBe(7);
    expect(await mapping.locator('.ant-tag').filter({ hasText: '精确' }).count()).toBe(7);
    await mapping.getByText(`${good1} | ${good2} | CN2024XXXX`).waitFor();
    await page.getByText(/第 4 行 · 申请号“CN2024XXXX”/).waitFor();
    await page.getByText('必填字段均已对应，将导入 7 列。').waitFor();

    // Unmapping a required column blocks the start, with the reason.
    // The target lists are long (virtual): type to narrow one down, then pick the option.
    const applicant = page.getByRole('combobox', { name: '“申请人”列导入为' });
    const choose = async (typed: string, option: RegExp) => {
      await applicant.click();
      await page!.keyboard.type(typed);
      const item = page!.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option });
      await settled(item);
      await item.click();
    };
    await choose('不导入', /^不导入$/);
    await page.getByText('以下必填字段还没有对应的列：申请人。请在上表中为它们选择列。').waitFor();
    expect(await page.getByRole('button', { name: '开始导入' }).isDisabled()).toBe(true);
    await choose('申请人', /^申请人 \*$/);
    await page.getByText('必填字段均已对应，将导入 7 列。').waitFor();

    // Step 3: the job is queued; this harness runs jobs on request.
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.waitForURL((u) => /^[0-9a-f-]{36}$/.test(u.searchParams.get('job') ?? ''));
    const jobId = new URL(page.url()).searchParams.get('job')!;
    await h.t.runJobs();
    await page.getByText('导入完成，共处理 3 行，其中 1 行有问题未导入。', { exact: false }).waitFor();

    const stat = async (title: string) => Number((await page!.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content').innerText()).replace(/,/g, ''));
    expect(await stat('处理行数')).toBe(3);
    expect(await stat('新增')).toBe(2);
    expect(await stat('拒绝')).toBe(1);

    // The refused row with its reason, and the full report as an Excel file.
    const rejected = page.locator('.ant-card').filter({ hasText: '未导入的行' });
    await rejected.locator('.ant-table-tbody tr').filter({ hasText: 'CN2024XXXX' }).waitFor();
    expect(await rejected.locator('.ant-table-tbody tr.ant-table-row').first().locator('td').first().innerText()).toBe('4');
    const report = rejected.getByRole('link', { name: '下载错误报告' });
    expect(await report.getAttribute('href')).toBe(`/api/imports/${jobId}/rejections.xlsx`);
    const xlsx = await page.request.get(`/api/imports/${jobId}/rejections.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

    // The two good rows are in the register, and the import is listed among the recent ones.
    const stored = await h.t.db.query<{ app_no: string }>('SELECT app_no FROM patents WHERE app_no = ANY($1) ORDER BY app_no', [[good1, good2]]);
    expect(stored.map((r) => r.app_no)).toEqual([good1, good2].sort());
    const recent = page.locator('.ant-card').filter({ hasText: '最近的导入' });
    await recent.locator('tr').filter({ hasText: '旅程测试.csv' }).filter({ hasText: '新增 2，更新 0，拒绝 1' }).waitFor();
  });
});
