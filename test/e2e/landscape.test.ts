/**
 * Journey through 专利导航 (patent navigation):
 *   1. the city officer opens 专利导航, defines a project (IPC A23F 3/00 typed loosely, the word 毛尖,
 *      2015–2025), watches its first run finish, reads the figures and charts, clicks the total and
 *      lands on the list of exactly those patents under the project's rule;
 *   2. one click writes the landscape up as .docx and .pdf, whose text carries the county names and
 *      the total; a top applicant's figure opens that applicant’s share of it;
 *   3. a county desk (gushi) reads the city's projects but cannot change or delete them.
 * Screenshots of the pages go to test/e2e/screenshots/ (not kept in the repository).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { docxPlainText, pdfPlainText } from '../support/documents';
import { h, settled, signedIn } from './journey';

const SHOTS = path.join(import.meta.dirname, 'screenshots');
const NAME = '毛尖茶加工（2015–2025）';

let projectId = 0;

/** The number in "共 1,234 件专利". */
async function shownTotal(p: Page): Promise<number> {
  const text = await p.getByText(/共 [\d,]+\+? 件专利/).innerText();
  return Number(/共 ([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

const kpi = (p: Page, key: string) => p.locator(`[data-kpi="${key}"]`);
const kpiValue = async (p: Page, key: string) => Number((await kpi(p, key).locator('.ant-statistic-content').innerText()).replace(/[^\d.]/g, ''));

describe('专利导航', () => {
  test('the city defines a field, its run draws the landscape, and the total opens exactly its patents', async () => {
    const page = await signedIn('city');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '专利导航' }).click();
    await page.getByRole('heading', { name: '专利导航', level: 1 }).waitFor();
    // The demo's own projects are listed with their type and latest run.
    const demoRow = page.locator('.ant-table-row').filter({ hasText: '信阳毛尖茶加工专利导航' });
    await demoRow.waitFor();
    expect(await demoRow.innerText()).toMatch(/产业规划[\s\S]*已完成/);
    await page.screenshot({ path: path.join(SHOTS, 'landscape-list-desktop.png'), fullPage: true });

    await page.getByRole('button', { name: /新建导航项目/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '新建专利导航项目' });
    await settled(modal);
    await modal.getByLabel('项目名称').fill(NAME);
    // Loosely typed: lower case, no space; the form writes it the usual way.
    const ipc = modal.getByRole('combobox', { name: 'IPC 分类' });
    await ipc.fill('a23f3/00');
    await ipc.press('Enter');
    await modal.locator('.ant-select-selection-item').filter({ hasText: 'A23F 3/00' }).waitFor();
    const words = modal.getByRole('combobox', { name: '检索词' });
    await words.fill('毛尖');
    await words.press('Enter');
    await modal.getByLabel('起始申请年份').fill('2015');
    await modal.getByLabel('截止申请年份').fill('2025');
    await page.screenshot({ path: path.join(SHOTS, 'landscape-form-desktop.png') });
    await modal.getByRole('button', { name: /保存并运行/ }).click();

    await page.waitForURL((u) => /^\/insight\/landscapes\/\d+$/.test(u.pathname));
    projectId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    // Queued until the job runner takes it; then the page follows the run to its end by itself.
    await page.getByText(/第 1 次运行：/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'landscape-running-desktop.png') });
    await h.t.runJobs();
    await kpi(page, 'total').waitFor();

    const detail = await (await page.request.get(`/api/insight/landscapes/${projectId}`)).json();
    expect(detail).toMatchObject({ ipc: ['A23F 3'], keywords: ['毛尖'], yearFrom: 2015, yearTo: 2025, canEdit: true });
    const runId = detail.runs[0].id as number;
    const run = await (await page.request.get(`/api/insight/landscape-runs/${runId}`)).json();
    const r = run.result;
    expect(r.total, 'the demo register holds tea-processing patents').toBeGreaterThan(0);

    // The figures are the run's.
    await expect.poll(() => kpiValue(page, 'total')).toBe(r.total);
    expect(await kpiValue(page, 'granted')).toBe(r.granted);
    expect(await kpiValue(page, 'valid')).toBe(r.valid);
    expect(await kpiValue(page, 'lapsed')).toBe(r.lapsed.total);
    expect(await page.locator('.xz-page-header').innerText()).toMatch(/产业规划/);
    await page.getByText(/第 1 次 · .* · [\d,]+ 件/).waitFor();
    // Every chart is drawn (an SVG with marks), not an empty box.
    for (const name of [/申请量（柱）与按授权年份的授权量/, /^法律状态构成$/, /^按主分类号小组的专利数/, /^技术生命周期图/, /^按权利人所在县区的专利数$/]) {
      const chart = page.getByRole('img', { name });
      await chart.scrollIntoViewIfNeeded();
      await expect.poll(() => chart.locator('svg path').count(), { message: String(name) }).toBeGreaterThan(3);
    }
    await page.getByText('仅表示中国专利权已终止；使用前请核实同族专利及其他权利（自由实施 FTO 分析）。').waitFor();
    await page.getByText(/引证数据暂缺/).waitFor();
    // No English leaks into the Chinese page (codes, numbers and the standard's name aside).
    const text = await page.locator('#main').innerText();
    expect(text.match(/\b(?!GB|IPC|FTO|PCT|CN)[A-Za-z]{4,}\b/g) ?? []).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(600); // the charts' entry animation
    await page.screenshot({ path: path.join(SHOTS, 'landscape-detail-desktop.png'), fullPage: true });

    // The total opens the run's patents, with the project named in the rule above them.
    await kpi(page, 'total').click();
    await page.waitForURL((u) => u.pathname === '/registry/patents' && u.searchParams.get('landscape') === String(runId));
    const notice = page.locator('.xz-rule-notice');
    await notice.getByText(new RegExp(`统计口径：专利导航项目「${NAME}」第 1 次运行（\\d{4}-\\d{2}-\\d{2}）检出的专利`)).waitFor();
    await expect.poll(() => shownTotal(page)).toBe(r.total);
    await page.screenshot({ path: path.join(SHOTS, 'landscape-patents-desktop.png') });
    // And leads back to the project.
    await notice.getByRole('link', { name: '返回导航项目' }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
  });

  test('one click writes the landscape up as .docx and .pdf, and a top applicant opens its share', async () => {
    expect(projectId, 'the first journey created the project').toBeGreaterThan(0);
    const page = await signedIn('city');
    await page.goto(`/insight/landscapes/${projectId}`);
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await kpi(page, 'total').waitFor();
    const detail = await (await page.request.get(`/api/insight/landscapes/${projectId}`)).json();
    const runId = detail.runs[0].id as number;
    const r = (await (await page.request.get(`/api/insight/landscape-runs/${runId}`)).json()).result;

    // The .docx and .pdf carry the landscape's county names and figures.
    await page.getByTestId('report-button').click();
    const dialog = page.getByRole('dialog', { name: '生成分析评议报告' });
    await dialog.waitFor();
    await h.t.runJobs();
    await dialog.getByText('报告已生成').waitFor();
    const county = r.topLocal[0].areaName as string;
    const docxLink = dialog.getByTestId('report-docx');
    const [docx] = await Promise.all([page.waitForEvent('download'), docxLink.click()]);
    expect(docx.suggestedFilename()).toMatch(new RegExp(`^信知析〔\\d{4}〕\\d+号${NAME}分析报告\\.docx$`));
    const docxWords = await docxPlainText(await readFile((await docx.path()) as string));
    expect(docxWords).toContain(county);
    expect(docxWords).toContain(r.total.toLocaleString('zh-CN'));
    const pdfUrl = await dialog.getByTestId('report-pdf').getAttribute('href');
    const pdf = await page.request.get(pdfUrl as string);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfWords = await pdfPlainText(await pdf.body());
    expect(pdfWords).toContain(county);
    expect(pdfWords).toContain(r.total.toLocaleString('zh-CN'));
    await page.keyboard.press('Escape');

    // The first local applicant's count opens that applicant's patents in the field.
    const top = r.topLocal[0];
    const row = page.locator('#ls-applicants .ant-table-row').first();
    await row.scrollIntoViewIfNeeded();
    await row.getByRole('link', { name: top.name }).click();
    await page.waitForURL((u) => u.searchParams.get('holder') === String(top.id) && u.searchParams.get('landscape') === String(runId));
    await expect.poll(() => shownTotal(page)).toBe(top.patents);
  });

  test('a county desk reads the city’s project but cannot change it', async () => {
    expect(projectId, 'the first journey created the project').toBeGreaterThan(0);
    const page = await signedIn('gushi');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '专利导航' }).click();
    await page.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await kpi(page, 'total').waitFor();
    const header = page.locator('.xz-page-header');
    expect(await header.getByRole('button', { name: /编辑/ }).count()).toBe(0);
    expect(await header.getByRole('button', { name: /删除/ }).count()).toBe(0);
    // The server agrees.
    const put = await page.request.put(`/api/insight/landscapes/${projectId}`, {
      data: { name: '改名', kind: 'industry', ipc: ['A23F 3'], keywords: [], combine: 'any', yearFrom: 2015, yearTo: 2025 },
      headers: { 'x-csrf-token': await csrf(page) },
    });
    expect(put.status()).toBe(403);
    expect((await put.json()).error.code).toBe('forbidden');
  });
});

/** The CSRF token of the tab's session, as the web app keeps it. */
async function csrf(p: Page): Promise<string> {
  const me = await (await p.request.get('/api/auth/me')).json();
  return String(me.csrfToken ?? '');
}
