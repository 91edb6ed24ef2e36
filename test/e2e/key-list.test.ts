/**
 * Journey through 重点关注名录 (the key-protection list):
 *   1. 河南羚锐制药股份有限公司 (新县) picks rights from those the data centre holds for its credit code,
 *      applies, thinks better of it and withdraws, then applies again;
 *   2. 新县 has no desk account of its own, so the city office takes the county step: it first returns
 *      the application with a reason; the firm sees the reason, corrects the application and resubmits;
 *   3. the city office passes the county step and approves: the firm is listed, and told that alerts
 *      on its rights reach its alert inbox;
 *   4. a signed-out visitor finds the firm on /public/key-list (linked from the sign-in page), by
 *      county and by a right's number; another county's desk never sees the application.
 * Screenshots of the pages go to test/e2e/screenshots/ (not kept in the repository).
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { h, settled, signedIn } from './journey';

const SHOTS = path.join(import.meta.dirname, 'screenshots');
const FIRM = '河南羚锐制药股份有限公司';
const RETURN_REASON = '所选专利中有一项已失效，请改选有效专利；申请理由请补充近两年遭遇仿冒的情况。';

const header = (page: Page) => page.locator('.xz-page-header');
const mainMenu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

beforeAll(async () => {
  // The demo firm's credit code is that of a local holder with rights in the register, so that the
  // data centre finds rights for it (unless the demo data already gives it one).
  const [org] = await h.t.db.query<{ uscc: string | null }>('SELECT uscc FROM organisations WHERE name = $1', [FIRM]);
  if (!org?.uscc) {
    const [holder] = await h.t.db.query<{ uscc: string }>(
      `SELECT h.uscc FROM holders h JOIN patent_holders ph ON ph.holder_id = h.id JOIN patents p ON p.id = ph.patent_id
        WHERE h.uscc IS NOT NULL AND p.visibility = 'public' AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.uscc = h.uscc)
        GROUP BY h.uscc ORDER BY count(*) DESC, h.uscc LIMIT 1`,
    );
    await h.t.db.query('UPDATE organisations SET uscc = $1 WHERE name = $2', [holder?.uscc, FIRM]);
  }
});

/** Opens a step's dialog from a button on the page and confirms it with the dialog's own button. */
async function step(page: Page, button: Locator, dialogTitle: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  const label = (await button.innerText()).trim();
  await button.click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await settled(dialog);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Ticks the rights on the given rows of the picker; returns their numbers. */
async function pick(page: Page, rows: number[]): Promise<string[]> {
  const numbers: string[] = [];
  for (const i of rows) {
    const row = page.locator('.xz-kl-form .ant-table-row').nth(i);
    await row.getByRole('checkbox').check();
    numbers.push((await row.locator('.xz-mono').innerText()).trim());
  }
  return numbers;
}

async function fillAbout(page: Page, reasons: string): Promise<void> {
  await page.getByLabel('所属行业').fill('医药');
  await page.keyboard.press('Escape');
  await page.getByLabel('申请理由').fill(reasons);
  await page.getByLabel('联系人', { exact: true }).fill('王晓峰');
  await page.getByLabel('联系电话').fill('139 0376 1111');
}

const statusOfMine = (page: Page) => page.locator('.ant-card').filter({ hasText: '我的申请' }).first();

// Carried from one step of the journey to the next.
let chosen: string[] = [];
let detailPath = '';

async function openMine(page: Page): Promise<void> {
  await page.goto('/protection/key-list/mine');
  await page.getByRole('heading', { name: '重点关注名录申请', level: 1 }).waitFor();
}

describe('重点关注名录', () => {
  test('the firm picks its rights and applies, withdraws, and applies again', async () => {
    // 1. The firm opens its page from the menu and sees the rights the data centre holds for it.
    const firm = await signedIn('lingrui');
    await mainMenu(firm).getByRole('menuitem', { name: '重点关注名录申请' }).click();
    await firm.getByRole('heading', { name: '重点关注名录申请', level: 1 }).waitFor();
    await firm.getByText('申请列入重点关注名录').waitFor();
    await firm.locator('.xz-kl-form .ant-table-row').first().waitFor();

    // Submitting with nothing chosen says what is missing.
    await firm.getByRole('button', { name: /提交申请$/ }).click();
    await firm.getByText('请至少选择一项知识产权').waitFor();

    chosen = await pick(firm, [0]);
    await fillAbout(firm, '公司透皮贴剂产品的核心专利多次被仿冒，申请列入重点关注名录。');
    await firm.getByText('已选择 1 项').waitFor();
    await firm.getByRole('button', { name: /提交申请$/ }).click();
    await statusOfMine(firm).getByText('待县区初审').waitFor();
    await firm.getByText('申请已提交，等待 新县 知识产权部门初审。').waitFor();

    // It withdraws the application, which then shows among the earlier ones, and applies again.
    await firm.getByRole('button', { name: /撤回申请$/ }).click();
    const confirm = firm.getByRole('dialog').filter({ hasText: '撤回本次申请？' });
    await settled(confirm);
    await confirm.getByRole('button', { name: /撤回申请$/ }).click();
    await firm.getByText('申请列入重点关注名录').waitFor();
    await firm.locator('.ant-card').filter({ hasText: '以往申请' }).getByText('已撤回').waitFor();

    chosen = await pick(firm, [0, 1]);
    await fillAbout(firm, '公司透皮贴剂产品的核心专利多次被仿冒，申请列入重点关注名录。');
    await firm.screenshot({ path: path.join(SHOTS, 'keylist-apply-desktop.png'), fullPage: true });
    await firm.getByRole('button', { name: /提交申请$/ }).click();
    await statusOfMine(firm).getByText('待县区初审').waitFor();
    expect(await firm.locator('.xz-kl-steps').innerText()).toMatch(/企业申请[\s\S]*县区初审[\s\S]*待 新县 初审[\s\S]*市局审核[\s\S]*列入名录/);
    // The contact shows masked.
    await firm.getByText('139****1111').waitFor();
    await firm.screenshot({ path: path.join(SHOTS, 'keylist-submitted-desktop.png'), fullPage: true });
  });

  test('the city office returns it with a reason; the firm sees the reason, corrects it and resubmits', async () => {
    expect(chosen, 'the firm applied').toHaveLength(2);
    // 2. The city office finds it in its list, marked as waiting for its step, and returns it.
    const city = await signedIn('city');
    await mainMenu(city).getByRole('menuitem', { name: '重点关注名录' }).click();
    await city.getByRole('heading', { name: '重点关注名录', level: 1 }).waitFor();
    // The withdrawn application stays in the list, marked as such.
    await city.locator('.ant-table-row').filter({ hasText: FIRM }).filter({ hasText: '已撤回' }).waitFor();
    const row = city.locator('.ant-table-row').filter({ hasText: FIRM }).filter({ hasText: '待县区初审' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/待县区初审[\s\S]*待您初审[\s\S]*新县[\s\S]*医药/);
    await city.screenshot({ path: path.join(SHOTS, 'keylist-list-desktop.png'), fullPage: true });
    await row.getByRole('link', { name: FIRM }).click();
    await city.waitForURL((u) => /^\/protection\/key-list\/\d+$/.test(u.pathname));
    detailPath = new URL(city.url()).pathname;
    await header(city).getByText('待县区初审').waitFor();
    for (const n of chosen) await city.getByRole('link', { name: n }).waitFor();
    expect(await header(city).getByRole('button', { name: '批准列入', exact: true }).count()).toBe(0);

    await step(city, header(city).getByRole('button', { name: '退回', exact: true }), '退回申请', async (d) => {
      await d.getByLabel('退回理由').fill(RETURN_REASON);
    });
    await header(city).getByText('已退回').waitFor();

    // The firm sees the reason, corrects the application and sends it again.
    const firm = await signedIn('lingrui');
    await openMine(firm);
    await expect.poll(() => firm.getByTestId('return-reason').innerText()).toBe(RETURN_REASON);
    await firm.getByText('申请已被退回，请根据以下意见修改后重新提交').waitFor();
    await firm.screenshot({ path: path.join(SHOTS, 'keylist-returned-desktop.png'), fullPage: true });
    await firm.getByRole('button', { name: /修改后重新提交$/ }).click();
    await firm.getByText(/^修改申请 ZD\d{4}-\d{4}$/).waitFor();
    // The earlier choice and answers are kept; the contact is asked for again.
    await firm.getByText('已选择 2 项').waitFor();
    expect(await firm.getByLabel('所属行业').inputValue()).toBe('医药');
    expect(await firm.getByLabel('联系人', { exact: true }).inputValue()).toBe('');
    await firm.getByLabel('申请理由').fill('公司透皮贴剂产品的核心专利 2024 年以来多次被仿冒，已发现网店销售仿冒产品 3 起，申请列入重点关注名录。');
    await firm.getByLabel('联系人', { exact: true }).fill('王晓峰');
    await firm.getByLabel('联系电话').fill('13903761111');
    await firm.getByRole('button', { name: /重新提交$/ }).click();
    await statusOfMine(firm).getByText('待县区初审').waitFor();
    expect(await firm.getByTestId('return-reason').count()).toBe(0);
  });

  test('the city office takes the county step for 新县 and lists the firm, which is told where its alerts go', async () => {
    expect(detailPath, 'the application was found').not.toBe('');
    // 3. The city office takes the county step (新县 has no desk account) and then approves.
    const city = await signedIn('city');
    await city.goto(detailPath);
    await header(city).getByText('待县区初审').waitFor();
    await city.getByText('2024 年以来多次被仿冒').waitFor();
    await step(city, header(city).getByRole('button', { name: '初审通过', exact: true }), '县区初审通过', async (d) => {
      await d.getByLabel('意见（选填）').fill('材料属实，所列专利为该企业所有。');
    });
    await header(city).getByText('待市局审核').waitFor();
    await step(city, header(city).getByRole('button', { name: '批准列入', exact: true }), '批准列入重点关注名录');
    await header(city).getByText('已列入名录').waitFor();
    // The whole way is on the record: applied, returned, resubmitted, passed, listed.
    const history = city.locator('.xz-history');
    await expect.poll(() => history.locator('.ant-timeline-item').count()).toBe(5);
    expect(await history.innerText()).toContain(RETURN_REASON);
    expect(await header(city).getByRole('button', { name: '年度复核', exact: true }).count()).toBe(1);
    await city.screenshot({ path: path.join(SHOTS, 'keylist-detail-desktop.png'), fullPage: true });

    const firm = await signedIn('lingrui');
    await openMine(firm);
    await firm.getByText(/本企业已于 \d{4}-\d{2}-\d{2} 列入市知识产权保护重点关注名录/).waitFor();
    await firm.getByText(/预警提醒/).first().waitFor();
    expect(await firm.getByRole('button', { name: /撤回申请$/ }).count()).toBe(0);
    await firm.screenshot({ path: path.join(SHOTS, 'keylist-listed-desktop.png'), fullPage: true });
  });

  test('a visitor finds the listed firm by county and by a right; another county’s desk does not see it', async () => {
    expect(chosen, 'the firm applied').toHaveLength(2);
    // 4. A visitor, signed out, comes from the sign-in page to the published list.
    const visitor = await h.page();
    await visitor.goto('/login');
    await visitor.getByRole('link', { name: '重点关注名录' }).click();
    await visitor.waitForURL((u) => u.pathname === '/public/key-list');
    await visitor.getByRole('heading', { name: '重点关注名录', level: 1 }).waitFor();
    const entry = visitor.locator('.xz-kl-entry').filter({ hasText: FIRM });
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('新县');
    expect(text).toContain('医药');
    for (const n of chosen) expect(text).toContain(n);
    expect(text, 'the contact is never published').not.toMatch(/王晓峰|王\*|1111/);
    await visitor.screenshot({ path: path.join(SHOTS, 'keylist-public-desktop.png'), fullPage: true });

    // Filtered by another county the firm is not there; by its own county and by a right's number it is.
    const county = visitor.getByRole('combobox', { name: '县区' });
    await county.click();
    let options = visitor.locator('.ant-select-dropdown:visible');
    await settled(options);
    await options.locator('.ant-select-item-option').filter({ hasText: '固始县' }).click();
    await expect.poll(() => new URL(visitor.url()).searchParams.get('area')).toBe('411525');
    await expect.poll(() => entry.count()).toBe(0);
    await county.click();
    options = visitor.locator('.ant-select-dropdown:visible');
    await settled(options);
    await options.locator('.ant-select-item-option').filter({ hasText: '新县' }).click();
    await entry.waitFor();
    await visitor.getByLabel('查找').fill(chosen[0] ?? '');
    await visitor.getByRole('button', { name: /查询$/ }).click();
    await expect.poll(() => new URL(visitor.url()).searchParams.get('q')).toBe(chosen[0]);
    await entry.waitFor();

    // The Gushi desk does not see another county's firm.
    const gushi = await signedIn('gushi');
    await mainMenu(gushi).getByRole('menuitem', { name: '重点关注名录' }).click();
    await gushi.getByRole('heading', { name: '重点关注名录', level: 1 }).waitFor();
    await gushi.locator('.ant-table').waitFor();
    await expect.poll(() => gushi.locator('.ant-table-row').filter({ hasText: FIRM }).count()).toBe(0);
  });

  test('on a phone the published list reads as cards, without sideways scrolling', async () => {
    const page = await h.page({ width: 390, height: 844 });
    await page.goto('/public/key-list');
    await page.getByRole('heading', { name: '重点关注名录', level: 1 }).waitFor();
    await page.locator('.xz-kl-entry').filter({ hasText: FIRM }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'keylist-public-mobile.png'), fullPage: true });
  });
});
