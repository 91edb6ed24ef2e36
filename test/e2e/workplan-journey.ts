/**
 * The steps of the plan journey, for workplan.test.ts and for journeys that continue it (the
 * assessment's score after the completion): each step takes a signed-in tab and the assignment.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PNG } from '../support/protection';
import { settled } from './journey';

export const YEAR = new Date().getFullYear();
export const PLAN_TITLE = `信阳市推动知识产权高质量发展${YEAR}年度重点工作方案（演示）`;
export const UNIT = '固始县市场监督管理局';

const header = (page: Page) => page.locator('.xz-page-header');
const mainMenu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
/** Ant Design spaces two-character button labels (报 送); match either way. */
const label = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

async function pickDate(page: Page, field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await page.keyboard.press('Tab');
  await expect.poll(() => field.inputValue()).toBe(date);
}

async function openDialog(page: Page, button: Locator, title: string | RegExp): Promise<Locator> {
  await button.click();
  const dialog = page.getByRole('dialog', { name: title });
  await settled(dialog);
  return dialog;
}

export interface Assignment {
  title: string;
  path: string;
}

/** 1. The city office splits key task (四) of this year's plan and gives 固始县 its share, with an indicator and a milestone. */
export async function cityAssigns(city: Page, title: string): Promise<Assignment> {
  await mainMenu(city).getByRole('menuitem', { name: '工作方案' }).click();
  await city.getByRole('heading', { name: '工作方案', level: 1 }).waitFor();
  await city.getByRole('link', { name: PLAN_TITLE }).click();
  await city.getByRole('heading', { name: PLAN_TITLE, level: 1 }).waitFor();
  const row = city.getByRole('row').filter({ hasText: '加强知识产权协同保护' }).first();
  await row.getByRole('button', { name: /展开|Expand/ }).click();
  const drawer = await openDialog(city, city.getByRole('button', { name: '分解给责任单位' }).first(), '分解任务');
  await drawer.getByRole('combobox', { name: '责任单位' }).click();
  const list = city.locator('.ant-select-dropdown:visible');
  await settled(list);
  await list.locator('.ant-select-item-option').filter({ hasText: `固始县 · ${UNIT}` }).click();
  await drawer.getByLabel('工作任务').fill(title);
  await drawer.getByLabel('工作要求').fill('年内组织两次侵权假冒商品集中销毁，邀请媒体报道。');
  await pickDate(city, drawer.getByLabel('完成时限'), `${YEAR}-12-31`);
  await drawer.getByRole('button', { name: '添加指标' }).click();
  await drawer.getByPlaceholder('指标名称').fill('集中销毁活动');
  await drawer.getByPlaceholder('目标值').fill('2');
  await drawer.getByPlaceholder('单位', { exact: true }).fill('次');
  await drawer.getByRole('button', { name: label('保存') }).click();
  await drawer.waitFor({ state: 'detached' });
  const link = city.getByRole('link', { name: title });
  await link.click();
  await city.getByRole('heading', { name: title, level: 1 }).waitFor();
  await header(city).getByText('未开始').waitFor();
  return { title, path: new URL(city.url()).pathname };
}

/** 2. The county desk finds it first among its own assignments and reports progress with a photo. */
export async function unitReports(unit: Page, a: Assignment, opts: { body: string; final?: boolean; photo?: boolean }): Promise<void> {
  await mainMenu(unit).getByRole('menuitem', { name: '任务分解与进展' }).click();
  await unit.getByRole('heading', { name: '本单位的工作任务', level: 1 }).waitFor();
  await unit.getByRole('link', { name: a.title }).click();
  await unit.getByRole('heading', { name: a.title, level: 1 }).waitFor();
  const dialog = await openDialog(unit, header(unit).getByRole('button', { name: /报送进展|修改后重新报送/ }), /^报送进展：/);
  await dialog.getByLabel('工作进展').fill(opts.body);
  if (opts.final) await dialog.getByText('任务已全部完成，申报完成（进度 100%）').click();
  await dialog.getByLabel('集中销毁活动（目标 2 次）').fill(opts.final ? '2' : '1');
  if (opts.photo) {
    await dialog.locator('input[type=file]').setInputFiles({ name: '销毁现场.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').count()).toBe(1);
  }
  await dialog.getByRole('button', { name: label('报送') }).click();
  await dialog.waitFor({ state: 'detached' });
  await unit.getByText('等待市局审核').first().waitFor();
}

/** 3. The city office returns the pending report with its comment. */
export async function cityReturns(city: Page, a: Assignment, comment: string): Promise<void> {
  await city.goto(a.path);
  await city.getByRole('heading', { name: a.title, level: 1 }).waitFor();
  const dialog = await openDialog(city, header(city).getByRole('button', { name: '退回修改' }), /^退回第 \d+ 次进展报告$/);
  await dialog.getByLabel('审核意见').fill(comment);
  await dialog.getByRole('button', { name: '退回修改' }).click();
  await dialog.waitFor({ state: 'detached' });
  await city.getByText(comment).first().waitFor();
}

/** 4. The city office accepts the pending report. */
export async function cityAccepts(city: Page, a: Assignment): Promise<void> {
  await city.goto(a.path);
  await city.getByRole('heading', { name: a.title, level: 1 }).waitFor();
  const dialog = await openDialog(city, header(city).getByRole('button', { name: '审核通过' }), /^审核通过第 \d+ 次进展报告$/);
  await dialog.getByRole('button', { name: '审核通过' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The last step so far: the assignment shows completed at 100 %, with its whole history. Journeys that go on (scores) start here. */
export async function assignmentShowsCompleted(page: Page, a: Assignment): Promise<void> {
  await page.goto(a.path);
  await page.getByRole('heading', { name: a.title, level: 1 }).waitFor();
  await header(page).getByText('已完成').waitFor();
  await page.getByText(/任务已于 .* 完成。/).waitFor();
  await page.getByText('第 2 次进展审核通过').waitFor();
  await page.getByText('第 1 次进展被退回').waitFor();
}

/**
 * 6. The city office recomputes this year's assessment, then reads 固始县's score card: the plan's
 * completion rate (实际值) and points (得分) and the total.
 */
export async function gushiPlanScore(city: Page): Promise<{ rate: number; points: number; total: number }> {
  await city.goto('/workplan/assessment');
  await header(city).getByRole('button', { name: '重新计算' }).click();
  await city.getByText('已计算；相同输入总得出相同结果').waitFor();
  await city.goto(`/workplan/assessment/${YEAR}/areas/411525`);
  await city.getByRole('heading', { name: `固始县 ${YEAR} 年度考核得分`, level: 1 }).waitFor();
  const cells = city.getByRole('row').filter({ hasText: '工作方案任务完成率' }).getByRole('cell');
  const total = await city.locator('.ant-descriptions-item').filter({ has: city.locator('.ant-descriptions-item-label', { hasText: /^总分$/ }) }).locator('.ant-descriptions-item-content').innerText();
  return { rate: parseFloat(await cells.nth(3).innerText()), points: parseFloat(await cells.nth(4).innerText()), total: parseFloat(total) };
}
