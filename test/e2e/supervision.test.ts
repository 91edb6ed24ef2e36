/**
 * Journey through 督办 (supervision notices):
 *   1. the city office sees 固始县's overdue assignment on 督办与通报约谈, issues a 督办 for it from
 *      the row, and lands on the notice, which awaits the unit's reply;
 *   2. 固始县's desk finds the notice first in its list (with the warning that a reply is due),
 *      replies, and the notice waits for the city's review; 上天梯 never sees it.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { h, settled, signedIn } from './journey';

const SHOTS = path.join(import.meta.dirname, 'screenshots');
const TASK = '固始县地理标志运用促进（督办测试）';
const mainMenu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
let noticePath = '';

beforeAll(async () => {
  // An assignment of 固始县 past its due date, written directly: supervision only reads the plan.
  const [org] = await h.t.db.query<{ org_id: string }>(`SELECT org_id FROM users WHERE username = 'gushi'`);
  const now = new Date();
  const [plan] = await h.t.db.query<{ id: number }>(
    `INSERT INTO workplan_plans (year, title, issuer, status, created_at, updated_at) VALUES (2026, '督办测试方案', '信阳市知识产权战略实施工作联席会议办公室', 'issued', $1, $1) RETURNING id::int AS id`,
    [now],
  );
  const [task] = await h.t.db.query<{ id: number }>(`INSERT INTO workplan_tasks (plan_id, seq, title, created_at, updated_at) VALUES ($1, 1, '地理标志保护', $2, $2) RETURNING id::int AS id`, [plan?.id, now]);
  await h.t.db.query(
    `INSERT INTO workplan_assignments (task_id, org_id, area_code, title, due_date, status, created_at, updated_at) VALUES ($1, $2, '411525', $3, current_date - 20, 'in_progress', $4, $4)`,
    [task?.id, org?.org_id, TASK, now],
  );
});

describe('督办与通报约谈', () => {
  test('the city office issues a 督办 on an overdue assignment', async () => {
    const city = await signedIn('city');
    await mainMenu(city).getByRole('menuitem', { name: '督办与通报约谈' }).click();
    await city.getByRole('heading', { name: '督办与通报约谈', level: 1 }).waitFor();
    const row = city.locator('.ant-table-row').filter({ hasText: TASK });
    await row.waitFor();
    await row.getByRole('button', { name: '下发督办' }).click();
    const dialog = city.getByRole('dialog', { name: '下发督办' });
    await settled(dialog);
    // The unit and its overdue assignment come chosen.
    await dialog.getByText('固始县市场监督管理局').first().waitFor();
    await dialog.getByText(TASK, { exact: false }).first().waitFor();
    await dialog.getByLabel('督办事项').fill('地理标志运用促进工作逾期未完成。');
    await dialog.getByLabel('督办要求').fill('请立即推进，明确完成时限。');
    await dialog.getByRole('button', { name: /下\s*发/ }).click();
    await city.waitForURL(/\/workplan\/supervision\/notices\/\d+$/);
    noticePath = new URL(city.url()).pathname;
    await city.locator('.xz-page-header').getByText('待回复').waitFor();
    await city.getByText(TASK).first().waitFor();
    await city.screenshot({ path: path.join(SHOTS, 'supervision-notice-issued.png'), fullPage: true });
  });

  test('the county desk finds it first and replies; another zone never sees it', async () => {
    expect(noticePath, 'the notice was issued').not.toBe('');
    const gushi = await signedIn('gushi');
    await gushi.goto('/workplan/supervision');
    await gushi.getByText(/本单位有 \d+ 件督办待回复/).waitFor();
    const first = gushi.locator('.ant-tabs-tabpane-active .ant-table-row, .ant-card .ant-table-row').first();
    await first.getByText('待回复').waitFor();
    await gushi.goto(noticePath);
    await gushi.getByRole('button', { name: /^回\s*复$/ }).click();
    const dialog = gushi.getByRole('dialog', { name: '回复' });
    await settled(dialog);
    await dialog.getByLabel('回复内容').fill('已完成 12 家企业材料初审，预计下周报省局。');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await gushi.locator('.xz-page-header').getByText('已回复待审核').waitFor();
    await gushi.getByText('已完成 12 家企业材料初审，预计下周报省局。').first().waitFor();
    await gushi.screenshot({ path: path.join(SHOTS, 'supervision-notice-replied.png'), fullPage: true });

    const zone = await signedIn('shangtianti');
    await zone.goto(noticePath);
    await zone.getByText(/不存在|无权/).first().waitFor();
  });
});
