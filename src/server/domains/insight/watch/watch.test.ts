import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { appNo, csv, importFile, uscc } from '../../../../../test/support/registry';
import { addDays, currentFee, firstUnpaidYear, termEnd, type PatentKind } from '../../../../shared/insight/fees';

/**
 * Watch lists and alerts, on a fixed day (2026-11-25, China time). 羚锐 (an enterprise account)
 * receives alerts for its own rights; the city officer watches an IPC area and words.
 */
const LINGRUI = uscc('411523', 'LR0000001');
const ADDRESS = '河南省信阳市新县羚锐大道1号';
const HEADER = ['申请号', '申请日', '授权公告日', '发明名称', '申请人', '统一社会信用代码', '申请人地址', 'IPC主分类号', 'IPC分类号', '法律状态', '法律状态日', '公开(公告)号'];
const FEE = appNo(2016, 1, 9_600_001); // next fee 2026-12-20: 25 days
const GRACE = appNo(2015, 1, 9_600_002); // fee due 2026-10-01: in its grace period until 2027-04-01
const EXPIRY = appNo(2016, 2, 9_600_003); // utility model, term ends 2026-12-30
const FAR = appNo(2020, 1, 9_600_004); // last grace ended 2026-10-15, next fee 2027-04-15: nothing yet
const LATER = appNo(2026, 1, 9_600_005);
const BASE = appNo(2019, 1, 9_600_007); // lapsed before the first scan: part of the baseline, never news
const row = (n: string, app: string, grant: string, title: string, status = '有效', date = '', ipc = 'A61K 9/70') => [n, app, grant, title, '河南羚锐制药股份有限公司', LINGRUI, ADDRESS, ipc, ipc, status, date, ''];
const OWN = [
  row(FEE, '2016-12-20', '2019-05-01', '一种透皮贴剂'),
  row(GRACE, '2015-10-01', '2018-01-01', '一种巴布膏剂'),
  row(EXPIRY, '2016-12-31', '2017-06-01', '一种膏药贴片装置'),
  row(FAR, '2020-04-15', '2022-01-01', '一种凝胶贴膏'),
  row(BASE, '2019-06-01', '2021-03-01', '一种贴剂包装袋', '未缴年费专利权终止', '2026-11-20'),
];
const TM_HEADER = ['注册号', '国际分类', '商标名称', '申请人', '统一社会信用代码', '申请人地址', '申请日', '注册日', '专用期限', '商标状态'];
const MARKS = [
  ['9600001', '5', '羚锐测', '河南羚锐制药股份有限公司', LINGRUI, ADDRESS, '2016-01-01', '2017-07-01', '2017-07-01至2027-06-30', '注册'],
  ['9600002', '5', '羚锐测二', '河南羚锐制药股份有限公司', LINGRUI, ADDRESS, '2015-01-01', '2016-09-01', '2016-09-01至2026-08-31', '注册'],
  ['9600003', '5', '羚锐测三', '河南羚锐制药股份有限公司', LINGRUI, ADDRESS, '2020-01-01', '2021-03-01', '2021-03-01至2031-02-28', '注册'],
];

describe('watch lists and alerts', () => {
  let t: TestApp;
  let city: Agent;
  let lingrui: Agent;
  const scan = async () => {
    const res = await city.post('/api/insight/alert-scans');
    expect(res.statusCode, res.body).toBe(202);
    await t.runJobs();
    return (await city.get(`/api/jobs/${res.data.id}`)).data;
  };
  const alertsOf = async (agent: Agent) => (await agent.get('/api/insight/alerts?pageSize=200')).data;

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    // Start from no watches and no scans (the demo brings some).
    for (const stmt of ['DELETE FROM alerts', 'DELETE FROM watches', 'DELETE FROM alert_scans']) await t.db.query(stmt);
    await t.db.query(`UPDATE organisations SET uscc = $1 WHERE name = '河南羚锐制药股份有限公司'`, [LINGRUI]);
    await t.db.query(`UPDATE users SET email = 'wang@lingrui.example' WHERE username = 'lingrui'`);
    city = await t.as('city');
    lingrui = await t.as('lingrui');
    expect((await importFile(t, city, 'patents', 'own.csv', csv([HEADER, ...OWN]))).job.result).toMatchObject({ inserted: 5, rejected: 0 });
    expect((await importFile(t, city, 'trademarks', 'marks.csv', csv([TM_HEADER, ...MARKS]))).job.result).toMatchObject({ inserted: 3, rejected: 0 });
  });
  afterAll(() => t.close());

  it('raises fee, grace, expiry and renewal alerts for an enterprise’s own rights, once, and mails them', async () => {
    const job = await scan();
    expect(job.status).toBe('succeeded');
    const mine = await alertsOf(lingrui);
    const byKey = Object.fromEntries(mine.items.map((a: any) => [`${a.kind}:${a.detail.appNo ?? a.detail.regNo}`, a]));
    expect(byKey[`fee_due:${FEE}`]).toMatchObject({ dueDate: '2026-12-20', detail: { feeYear: 11, daysLeft: 25 }, link: `/registry/patents/${encodeURIComponent(FEE)}`, watch: null });
    expect(byKey[`fee_grace:${GRACE}`]).toMatchObject({ dueDate: '2027-04-01', detail: { feeYear: 12, dueDate: '2026-10-01' } });
    expect(byKey[`expiry:${EXPIRY}`]).toMatchObject({ dueDate: '2026-12-30' });
    expect(byKey[`tm_renewal:9600001`]).toMatchObject({ dueDate: '2027-06-30' });
    expect(byKey[`tm_grace:9600002`]).toMatchObject({ dueDate: '2027-02-28' });
    // Nothing for the fee seven months away, nor for the mark with years left.
    expect(Object.keys(byKey).sort()).toEqual([`expiry:${EXPIRY}`, `fee_due:${FEE}`, `fee_grace:${GRACE}`, 'tm_grace:9600002', 'tm_renewal:9600001']);
    expect(mine.unread).toBe(5);

    // The digest went to the outbox, once.
    const mails = await t.db.query<{ subject: string; body: string }>("SELECT subject, body FROM outbox WHERE to_address = 'wang@lingrui.example'");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body).toContain('年费即将到期（2026-12-20）');

    // The same day again: nothing new, nothing mailed again; the lapse loaded just before the first
    // scan was part of its baseline.
    expect((await scan()).result.added).toMatchObject({ status: 0, newFilings: 0 });
    expect((await alertsOf(lingrui)).items).toHaveLength(5);
    expect(await t.db.query("SELECT 1 FROM outbox WHERE to_address = 'wang@lingrui.example'")).toHaveLength(1);
  });

  it('warns again at 30 and 7 days before the fee deadline', async () => {
    t.clock.set(new Date('2026-12-15T02:00:00Z'));
    try {
      [city, lingrui] = [await t.as('city'), await t.as('lingrui')];
      await scan();
      const fee = (await alertsOf(lingrui)).items.filter((a: any) => a.kind === 'fee_due' && a.detail.appNo === FEE);
      expect(fee.map((a: any) => a.detail.daysLeft).sort((a: number, b: number) => a - b)).toEqual([5, 25]);
    } finally {
      t.clock.set(new Date('2026-11-25T02:00:00Z'));
      [city, lingrui] = [await t.as('city'), await t.as('lingrui')];
    }
  });

  it('tells a watcher of new filings in a watched IPC area or with watched words, and of a status change', async () => {
    expect((await city.post('/api/insight/watches', { kind: 'ipc', value: 'C04B 14/00' })).data).toMatchObject({ value: 'C04B 14', label: 'IPC C04B 14' });
    expect((await city.post('/api/insight/watches', { kind: 'keyword', value: '膨胀珍珠岩' })).statusCode).toBe(201);
    expect((await city.post('/api/insight/watches', { kind: 'patent', value: `CN${FAR.replace('.', '')}` })).statusCode).toBe(201);
    expect((await city.post('/api/insight/watches', { kind: 'ipc', value: 'C04B 14/00' })).statusCode).toBe(409);
    expect((await city.post('/api/insight/watches', { kind: 'ipc', value: 'Q99' })).statusCode).toBe(400);

    const OLD = appNo(2015, 1, 9_600_006);
    const fresh = [
      [LATER, '2026-03-01', '', '一种膨胀珍珠岩保温砂浆', '信阳测试建材有限公司', '', '河南省信阳市平桥区平西路1号', 'C04B 14/18', 'C04B 14/18', '实质审查', '', 'CN116000005A'],
      // An old filing newly loaded (a back-filled portfolio) is not news.
      [OLD, '2015-03-01', '2017-05-01', '一种膨胀珍珠岩过滤剂', '信阳测试建材有限公司', '', '河南省信阳市平桥区平西路1号', 'C04B 14/18', 'C04B 14/18', '有效', '', 'CN105000006A'],
    ];
    await importFile(t, city, 'patents', 'new.csv', csv([HEADER, ...fresh]));
    await importFile(t, city, 'patents', 'lapse.csv', csv([HEADER, row(FAR, '2020-04-15', '2022-01-01', '一种凝胶贴膏', '未缴年费专利权终止', '2026-11-20')]));
    await scan();
    const cityAlerts = (await alertsOf(city)).items;
    const news = cityAlerts.filter((a: any) => a.kind === 'new_filing' && a.detail.appNo === LATER);
    expect(news.map((a: any) => a.watch.label).sort()).toEqual(['IPC C04B 14', '关键词：膨胀珍珠岩']);
    expect(cityAlerts.filter((a: any) => a.kind === 'new_filing').map((a: any) => a.detail.appNo)).not.toContain(OLD);
    expect(cityAlerts.filter((a: any) => a.kind === 'status_change').map((a: any) => [a.detail.appNo, a.detail.status])).toEqual([[FAR, 'lapsed']]);
    // The owner hears of its own patent's lapse too.
    expect((await alertsOf(lingrui)).items.some((a: any) => a.kind === 'status_change' && a.detail.appNo === FAR)).toBe(true);
  });

  it('keeps alerts personal: another county’s officer neither sees nor marks them, the owner marks them read', async () => {
    const gushi = await t.as('gushi');
    expect((await alertsOf(gushi)).items).toEqual([]);
    const theirs = (await alertsOf(lingrui)).items.map((a: any) => a.id);
    expect((await gushi.post('/api/insight/alerts/read', { ids: theirs })).data).toEqual({ marked: 0 });
    expect((await gushi.post('/api/insight/alert-scans')).statusCode).toBe(403);
    const one = await lingrui.post('/api/insight/alerts/read', { ids: [theirs[0]] });
    expect(one.data).toEqual({ marked: 1 });
    const after = await alertsOf(lingrui);
    expect(after.unread).toBe(theirs.length - 1);
    expect((await lingrui.post('/api/insight/alerts/read', {})).data).toEqual({ marked: theirs.length - 1 });
    const watches = (await city.get('/api/insight/watches')).data;
    expect((await gushi.request('DELETE', `/api/insight/watches/${watches[0].id}`)).statusCode).toBe(404);
    expect((await city.request('DELETE', `/api/insight/watches/${watches[0].id}`)).statusCode).toBe(200);
  });

  it('queues the scan once a day by itself', async () => {
    const { JobRunner } = await import('../../../jobs/runner');
    const { JOB_HANDLERS } = await import('../../../jobs/handlers');
    const daily = JOB_HANDLERS.filter((h) => h.daily).map((h) => h.kind);
    expect(daily).toContain('alert-scan');
    await t.db.query('DELETE FROM jobs WHERE kind = ANY($1)', [daily]);
    const runner = new JobRunner(t.ctx, JOB_HANDLERS);
    expect(await runner.scheduleDaily()).toBe(daily.length);
    expect(await runner.scheduleDaily()).toBe(0);
    expect((await t.db.query("SELECT 1 FROM jobs WHERE kind = 'alert-scan'")).length).toBe(1);
  });

  it('computes the same fee dates and term ends in SQL as the rules in fees.ts, leap days and year ends included', async () => {
    const cases: Array<[PatentKind, string, string, string]> = [
      ['invention', '2016-02-29', '2018-03-01', '2027-02-27'],
      ['invention', '2016-02-29', '2018-03-01', '2027-03-01'],
      ['utility', '2019-08-31', '2020-01-15', '2022-02-28'],
      ['invention', '2018-12-31', '2021-12-31', '2024-01-01'],
      ['design', '2021-06-01', '2021-12-01', '2030-01-01'],
      ['design', '2021-05-31', '2021-12-01', '2031-01-01'],
    ];
    // And a spread of ordinary days.
    for (let i = 0; i < 60; i++) {
      const app = addDays('2008-01-01', i * 97);
      cases.push([(['invention', 'utility', 'design'] as const)[i % 3] ?? 'invention', app, addDays(app, 400 + (i % 5) * 200), addDays(app, 1000 + i * 37)]);
    }
    for (const [type, app, grant, today] of cases) {
      const [got] = await t.db.query<{ fee_year: number | null; due_date: string | null; grace_end: string | null; term_end: string }>(
        `SELECT f.fee_year, f.due_date::text AS due_date, f.grace_end::text AS grace_end, patent_term_end($1::date, $3)::text AS term_end
           FROM patent_current_fee($1::date, $2::date, $3, $4::date) AS f`,
        [app, grant, type, today],
      );
      const want = currentFee(type, app, today, firstUnpaidYear(app, grant));
      const label = `${type} ${app} granted ${grant} on ${today}`;
      expect(got?.fee_year ? { year: got.fee_year, dueDate: got.due_date, graceEnd: got.grace_end } : null, label).toEqual(want);
      expect(got?.term_end, label).toBe(termEnd(type, app));
    }
  });
});
