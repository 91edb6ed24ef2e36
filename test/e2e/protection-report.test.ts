/**
 * Journey through 举报奖励 (infringement reports with rewards) and 存证核验 (evidence verification):
 *   1. a visitor, not signed in and anonymous, reports a counterfeit in 固始县 at /public/report with a
 *      photo (a real PNG made here), gets the tracking code once, and sees 已收到 at /public/track;
 *   2. the Gushi desk accepts it, investigates and concludes it with a violation (罚没款 200,000 元 and
 *      a decision number), and proposes a level-1 reward, which the form computes as 10,000 元;
 *   3. the city office approves the reward (the proposer cannot);
 *   4. the visitor sees the reward notice and claims it; the city records the payment; the visitor
 *      sees 已发放;
 *   5. /public/verify hashes a file in the browser: the uploaded photo is recorded, another file is not.
 * Screenshots of the pages go to test/e2e/screenshots/ (not kept in the repository).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h, settled, signedIn } from './journey';

const SHOTS = path.join(import.meta.dirname, 'screenshots');
const SUBJECT = '“固始鸡”牌散养土鸡礼盒（疑似假冒）';

/** A small but real PNG (8×8, RGB), made unique by a text chunk so no earlier run recorded it. */
function makePng(note: string): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const width = 8;
  const height = 8;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([200 - y * 10, 120 + x * 10, 40], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${note}`, 'latin1')),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PHOTO = makePng(`evidence ${randomBytes(8).toString('hex')}`);

let trackingCode = '';
let reportId = 0;

/** Opens a step's dialog from a button on the page and confirms it with the dialog's own button. */
async function step(page: Page, button: Locator, dialogTitle: string, fill?: (dialog: Locator) => Promise<void>, confirm?: string): Promise<void> {
  await button.click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await settled(dialog);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: confirm ?? (await button.innerText()).trim(), exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

const header = (page: Page) => page.locator('.xz-page-header');
const rewardCard = (page: Page) => page.locator('.ant-card').filter({ has: page.getByText('举报奖励', { exact: true }) });

async function openReport(page: Page): Promise<void> {
  await page.goto(`/protection/reports/${reportId}`);
  await header(page).getByRole('heading', { level: 1 }).waitFor();
}

async function track(page: Page): Promise<void> {
  await page.goto('/public/track');
  await page.getByLabel('查询码').fill(trackingCode.toLowerCase());
  await page.getByRole('button', { name: /查询$/ }).click();
  await page.getByTestId('track-status').waitFor();
}

describe('举报奖励', () => {
  test('a visitor reports anonymously, gets the tracking code once and sees the report received', async () => {
    const visitor = await h.page();
    await visitor.goto('/public/report');
    await visitor.getByRole('heading', { name: '举报侵权假冒', level: 1 }).waitFor();
    await visitor.getByRole('combobox', { name: '权利类型' }).click();
    const kinds = visitor.locator('.ant-select-dropdown:visible');
    await settled(kinds);
    await kinds.locator('.ant-select-item-option').filter({ hasText: '地理标志' }).click();
    await visitor.getByLabel('权利编号或名称').fill('固始鸡（地理标志证明商标）');
    await visitor.getByLabel('被举报的商品、店铺或网站').fill(SUBJECT);
    await visitor.getByLabel('被举报人/单位（选填）').fill('某农副产品商行');
    await visitor.getByLabel('举报内容').fill('该商行在店内销售标注“固始鸡”地理标志的礼盒，但鸡只并非产自固始县，包装上的标志为仿冒印刷。2026 年 3 月 5 日购买一盒，保留了收据和照片。');
    await visitor.getByLabel('地址').fill('河南省信阳市固始县城关镇蓼城大道 88 号');
    await visitor.getByText('将由 固始县 负责办理').waitFor();
    await visitor.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PHOTO });
    await visitor.locator('.ant-upload-list-item-done').filter({ hasText: '现场照片.png' }).waitFor();
    await visitor.getByRole('switch', { name: '匿名举报' }).click();
    await visitor.getByText('不需要填写任何个人信息').waitFor();
    expect(await visitor.getByLabel('姓名').count()).toBe(0);
    await visitor.screenshot({ path: path.join(SHOTS, 'report-form-desktop.png'), fullPage: true });
    await visitor.getByRole('button', { name: /提交举报$/ }).click();

    // The tracking code is shown once, with the warning to keep it.
    await visitor.getByRole('heading', { name: '举报已提交', level: 1 }).waitFor();
    const shown = (await visitor.getByTestId('tracking-code').innerText()).trim();
    expect(shown).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    trackingCode = shown.replace(/-/g, '');
    await visitor.getByText('请立即保存查询码——它只显示这一次').waitFor();
    await visitor.getByText('收到的证据文件').waitFor();
    await visitor.screenshot({ path: path.join(SHOTS, 'report-receipt-desktop.png'), fullPage: true });
    const goTrack = visitor.getByRole('button', { name: /查询办理进度$/ });
    expect(await goTrack.isDisabled()).toBe(true);
    await visitor.getByLabel('我已抄写或保存查询码').check();
    await goTrack.click();
    await visitor.waitForURL((u) => u.pathname === '/public/track' && u.search === '');
    await expect.poll(() => visitor.getByTestId('track-status').innerText()).toContain('已收到');
    await visitor.getByText('固始县', { exact: true }).waitFor();
    await visitor.screenshot({ path: path.join(SHOTS, 'report-track-received-desktop.png'), fullPage: true });
  });

  test('the county desk handles it to a conclusion and proposes a level-1 reward it cannot approve itself', async () => {
    expect(trackingCode, 'the visitor filed the report').not.toBe('');
    const gushi = await signedIn('gushi');
    await gushi.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '举报线索' }).click();
    await gushi.getByRole('heading', { name: '举报线索', level: 1 }).waitFor();
    const row = gushi.locator('.ant-table-row').filter({ hasText: SUBJECT });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/已收到[\s\S]*固始县[\s\S]*匿名/);
    await gushi.screenshot({ path: path.join(SHOTS, 'report-list-desktop.png'), fullPage: true });
    await row.getByRole('link', { name: /^JB\d{4}-\d{4,}$/ }).click();
    await gushi.waitForURL((u) => /^\/protection\/reports\/\d+$/.test(u.pathname));
    reportId = Number(new URL(gushi.url()).pathname.split('/').pop());
    await header(gushi).getByText('已收到').waitFor();
    await gushi.getByRole('link', { name: '现场照片.png' }).waitFor();
    // A county desk cannot send the report to another county.
    expect(await header(gushi).getByRole('button', { name: '转交县区', exact: true }).count()).toBe(0);

    await step(gushi, header(gushi).getByRole('button', { name: '受理', exact: true }), '受理举报');
    await header(gushi).getByText('已受理').waitFor();
    await step(gushi, header(gushi).getByRole('button', { name: '开始调查', exact: true }), '开始调查');
    await header(gushi).getByText('调查中').waitFor();
    await step(gushi, header(gushi).getByRole('button', { name: '办结', exact: true }), '办结举报', async (d) => {
      await d.getByLabel('罚没款').fill('200000');
      await d.getByLabel('处罚决定书文号').fill('固市监处罚〔2026〕18号');
      await d.getByLabel('办理结论').fill('经查，被举报人销售假冒“固始鸡”地理标志产品，违法事实成立，已依法作出行政处罚。');
    });
    await header(gushi).getByText('已办结').waitFor();

    // The reward: level 1 of the default rule is 5 % of 200,000 = 10,000 yuan (the minimum is 5,000).
    await step(gushi, rewardCard(gushi).getByRole('button', { name: '提请奖励', exact: true }), '提请举报奖励', async (d) => {
      const level1 = d.getByRole('radio', { name: /1 级/ });
      await level1.check();
      expect(await d.locator('.xz-tier').filter({ hasText: '1 级' }).innerText()).toContain('¥10,000');
      expect(await d.locator('.xz-tier').filter({ hasText: '3 级' }).innerText()).toContain('¥2,000');
      await gushi.screenshot({ path: path.join(SHOTS, 'report-propose-desktop.png') });
    });
    await rewardCard(gushi).getByText('待审批').waitFor();
    expect(await rewardCard(gushi).innerText()).toContain('¥10,000');
    // The proposer cannot approve their own proposal.
    expect(await rewardCard(gushi).getByRole('button', { name: '批准奖励', exact: true }).count()).toBe(0);
    await gushi.screenshot({ path: path.join(SHOTS, 'report-detail-desktop.png'), fullPage: true });
  });

  test('the city approves the reward, the visitor claims it, the city records the payment and the visitor sees it paid', async () => {
    expect(reportId, 'the county desk proposed the reward').not.toBe(0);
    const city = await signedIn('city');
    await openReport(city);
    await step(city, rewardCard(city).getByRole('button', { name: '批准奖励', exact: true }), '批准举报奖励');
    await rewardCard(city).getByText('已批准待领取').waitFor();

    // The visitor, back with the tracking code, sees the notice and claims the reward.
    const visitor = await h.page();
    await track(visitor);
    await visitor.getByText('恭喜！您的举报获得奖励').waitFor();
    await visitor.getByText('奖励等级：1 级；奖励金额：¥10,000').waitFor();
    await visitor.getByLabel('领奖人姓名').fill('张明');
    await visitor.getByLabel('居民身份证号码').fill('11010519491231002X');
    await visitor.getByLabel('手机号码').fill('13812345678');
    await visitor.getByLabel('开户银行').fill('中国银行信阳分行');
    await visitor.getByLabel('银行卡号').fill('6217 8560 0001 2345 678');
    await visitor.getByLabel('本人为自然人，不是被举报侵权行为的权利人、其代理人或其他利害关系人').check();
    await visitor.screenshot({ path: path.join(SHOTS, 'report-claim-desktop.png'), fullPage: true });
    await visitor.getByRole('button', { name: '提交申领', exact: true }).click();
    await expect.poll(() => visitor.getByTestId('reward-status').innerText()).toBe('已申领，等待发放');

    // The city records the payment; the claimant's data stays masked on the page.
    await openReport(city);
    await rewardCard(city).getByText('已申领待发放').waitFor();
    expect(await rewardCard(city).innerText()).not.toContain('11010519491231002X');
    await step(city, rewardCard(city).getByRole('button', { name: '登记发放', exact: true }), '登记奖励发放', async (d) => {
      await d.getByLabel('支付凭证号').fill('XYZF-2026-0042');
    });
    await rewardCard(city).getByText('已发放').waitFor();

    await visitor.getByRole('button', { name: /刷新$/ }).click();
    await expect.poll(() => visitor.getByTestId('reward-status').innerText()).toBe('奖励已发放');
    expect(await visitor.getByTestId('track-status').innerText()).toContain('已办结');
    await visitor.screenshot({ path: path.join(SHOTS, 'report-track-paid-desktop.png'), fullPage: true });
  });

  test('存证核验 tells the recorded photo from a file never recorded, without uploading either', async () => {
    expect(trackingCode, 'the first journey sent the photo').not.toBe('');
    const page = await h.page();
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/')) uploads.push(r.url());
    });
    await page.goto('/public/verify');
    await page.getByRole('heading', { name: '存证核验', level: 1 }).waitFor();
    await page.getByText('不会上传到服务器').waitFor();

    await page.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PHOTO });
    const result = page.getByTestId('verify-result');
    await expect.poll(() => result.innerText()).toContain('已存证');
    expect(await result.innerText()).toMatch(/首次存证时间\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.screenshot({ path: path.join(SHOTS, 'verify-recorded-desktop.png'), fullPage: true });

    await page.locator('input[type=file]').setInputFiles({ name: '另一张照片.png', mimeType: 'image/png', buffer: makePng(`never sent ${randomBytes(8).toString('hex')}`) });
    await expect.poll(() => result.innerText()).toContain('未找到存证记录');
    expect(uploads, 'the files were hashed in the browser, not sent').toEqual([]);

    // A pasted fingerprint works too.
    await page.getByRole('tab', { name: '输入 SHA-256' }).click();
    const { createHash } = await import('node:crypto');
    await page.getByLabel('SHA-256 指纹').fill(createHash('sha256').update(PHOTO).digest('hex').toUpperCase());
    await page.getByRole('button', { name: /核验$/ }).click();
    await expect.poll(() => result.innerText()).toContain('已存证');
  });
});
