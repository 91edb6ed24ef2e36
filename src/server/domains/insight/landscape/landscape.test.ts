import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { appNo, csv, importFile, uscc } from '../../../../../test/support/registry';

/**
 * A hand-built field: collimators (IPC main group G21K 1, word 准直器), 2018–2023. Every expected
 * figure below is counted by hand from these rows.
 */
const A = '信阳光栅科技有限公司';
const B = '信阳师范大学';
const C = '杭州准直光学有限公司';
const D = '光山县精测仪器有限公司';
const XY = '河南省信阳市浉河区新华路1号';
const HZ = '浙江省杭州市西湖区文三路1号';
const GS = '河南省信阳市光山县紫水路1号';
const HEADER = ['申请号', '申请日', '授权公告日', '发明名称', '申请人', '统一社会信用代码', '申请人地址', '发明人', 'IPC主分类号', 'IPC分类号', '法律状态', '法律状态日', '权利要求数', '同族', '公开(公告)号'];
const N = (year: number, type: 1 | 2, serial: number) => appNo(year, type, 9_700_000 + serial);
const ROWS = [
  [N(2019, 1, 1), '2019-03-01', '2021-05-01', '一种X射线准直器', `${A}；${B}`, uscc('411502', 'GX0000001'), XY, '张三；李四', 'G21K 1/02', 'G21K 1/02', '有效', '', 12, 'US11223344B2;JP7001122B2', ''],
  [N(2019, 2, 2), '2019-06-01', '2019-12-01', '一种准直器支架', A, uscc('411502', 'GX0000001'), XY, '张三', 'G21K 1/04', 'G21K 1/04', '未缴年费', '2022-06-01', 8, '', ''],
  [N(2020, 1, 3), '2020-02-01', '', '一种中子准直装置', C, uscc('330106', 'HK0000001'), HZ, '王五', 'G21K 1/02', 'G21K 1/02', '实质审查', '', 20, '', 'CN110000003A'],
  [N(2021, 1, 4), '2021-01-10', '', '一种光栅准直器', D, uscc('411522', 'GX0000002'), GS, '赵六', 'G02B 27/30', 'G02B 27/30', '驳回', '2023-01-01', 6, '', ''],
  [N(2021, 1, 5), '2021-04-01', '2023-02-01', '一种粒子束聚焦装置', `${C}；${A}`, uscc('330106', 'HK0000001'), HZ, '王五；张三', 'G21K 1/08', 'G21K 1/08', '有效', '', 5, '', ''],
  // Outside the years, and outside the main group (G21K 7, G21K 10): not in the field.
  [N(2016, 1, 6), '2016-05-01', '', '一种准直器', A, uscc('411502', 'GX0000001'), XY, '张三', 'G21K 1/02', 'G21K 1/02', '实质审查', '', 3, '', 'CN110000006A'],
  [N(2022, 1, 7), '2022-03-01', '', '一种电子显微镜', A, uscc('411502', 'GX0000001'), XY, '张三', 'G21K 7/00', 'G21K 7/00', '实质审查', '', 3, '', 'CN110000007A'],
  [N(2022, 1, 8), '2022-04-01', '', '一种辐射屏蔽结构', A, uscc('411502', 'GX0000001'), XY, '张三', 'G21K 10/00', 'G21K 10/00', '实质审查', '', 3, '', 'CN110000008A'],
];
const FIELD = { name: '准直器专利导航', kind: 'industry', ipc: ['G21K 1/00'], keywords: ['准直器'], combine: 'any', yearFrom: 2018, yearTo: 2023 };

describe('patent-navigation landscapes', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;

  const runOf = async (id: number) => {
    await t.runJobs();
    const detail = (await city.get(`/api/insight/landscapes/${id}`)).data;
    const run = (await city.get(`/api/insight/landscape-runs/${detail.runs[0].id}`)).data;
    expect(run.status, JSON.stringify(run)).toBe('done');
    return run;
  };
  const listTotal = async (query: string) => {
    const res = await city.get(`/api/patents?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.data.total as number;
  };

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    city = await t.as('city');
    gushi = await t.as('gushi');
    expect((await importFile(t, city, 'patents', 'field.csv', csv([HEADER, ...ROWS]))).job.result).toMatchObject({ inserted: ROWS.length, rejected: 0 });
  });
  afterAll(() => t.close());

  it('draws the landscape of a field defined by an IPC main group, a word and years, and every figure opens its records', async () => {
    const created = await city.post('/api/insight/landscapes', FIELD);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({ ipc: ['G21K 1'], keywords: ['准直器'], canEdit: true });
    const run = await runOf(created.data.id);
    const r = run.result;

    expect(r.total).toBe(5);
    expect(Object.fromEntries(r.byType.map((x: { key: string; n: number }) => [x.key, x.n]))).toEqual({ invention: 4, utility: 1 });
    expect(r).toMatchObject({ granted: 3, valid: 2, inventionsDecided: 3, inventionGrantRate: 0.667, applicants: 4, localApplicants: 3, inventors: 4 });
    expect(Object.fromEntries(r.status.map((x: { key: string; n: number }) => [x.key, x.n]))).toEqual({ valid: 2, lapsed: 1, pending: 1, rejected: 1 });
    expect(r.years.map((y: { year: number }) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    const year = (y: number) => r.years.find((x: { year: number }) => x.year === y);
    expect(year(2019)).toMatchObject({ invention: 1, utility: 1, grants: 1, applicants: 2, newApplicants: 2 });
    expect(year(2021)).toMatchObject({ invention: 2, grants: 1, applicants: 3, newApplicants: 1 });
    expect(year(2023)).toMatchObject({ invention: 0, grants: 1, applicants: 0 });

    expect(r.topLocal[0]).toMatchObject({ name: A, place: 'local', areaCode: '411502', patents: 3, granted: 3, valid: 2, firstYear: 2019, lastYear: 2021 });
    expect(r.topLocal.map((h: { name: string }) => h.name).sort()).toEqual([A, B, D].sort());
    expect(r.topOutside).toEqual([expect.objectContaining({ name: C, place: 'outside', patents: 2, granted: 1, valid: 1 })]);
    expect(r.network.coFiled).toBe(2);
    const names = new Map(r.network.nodes.map((n: { id: number; name: string }) => [n.id, n.name]));
    expect(r.network.links.map((l: { source: number; target: number; n: number }) => `${[names.get(l.source), names.get(l.target)].sort().join('+')}:${l.n}`).sort()).toEqual(
      [`${[A, B].sort().join('+')}:1`, `${[A, C].sort().join('+')}:1`].sort(),
    );
    expect(r.inventorRanking.slice(0, 2)).toEqual([{ name: '张三', patents: 3, granted: 3 }, { name: '王五', patents: 2, granted: 1 }]);
    expect(r.ipcGroups[0]).toEqual({ key: 'G21K 1/02', n: 2 });
    expect(r.keyPatents.claims[0]).toMatchObject({ appNo: N(2020, 1, 3), value: 20 });
    expect(r.keyPatents.family).toEqual([expect.objectContaining({ appNo: N(2019, 1, 1), value: 2 })]);
    expect(r.keyPatents.longest[0]).toMatchObject({ appNo: N(2019, 1, 1), value: 7 });
    expect(r.lapsed).toMatchObject({ total: 1, byStatus: [{ key: 'lapsed', n: 1 }] });
    expect(r.lapsed.recent[0].appNo).toBe(N(2019, 2, 2));
    expect(r.change).toBeNull();

    // The lists behind the figures.
    const L = `landscape=${run.id}`;
    expect(await listTotal(L)).toBe(5);
    expect(await listTotal(`${L}&status=lapsed,expired,invalidated,abandoned`)).toBe(1);
    expect(await listTotal(`${L}&type=invention`)).toBe(4);
    expect(await listTotal(`${L}&year=2021`)).toBe(2);
    expect(await listTotal(`${L}&granted=2023`)).toBe(1);
    expect(await listTotal(`${L}&ipc=${encodeURIComponent('G21K 1/02')}`)).toBe(2);
    expect(await listTotal(`${L}&holder=${r.topLocal[0].id}`)).toBe(3);
    expect(await listTotal(`${L}&county=411522`)).toBe(1);
    // The IPC rule alone is exact: main group 1 is not 7 or 10.
    expect(await listTotal(`ipc=${encodeURIComponent('G21K 1/00')}&year=2016-2023`)).toBe(5);
    expect((await city.get('/api/patents?ipc=G21K%201%2F0x')).statusCode).toBe(400);
  });

  it('narrows to patents in the IPC areas that also carry a word, and re-runs on new data showing what changed', async () => {
    const created = await city.post('/api/insight/landscapes', { ...FIELD, name: '准直器（同时满足）', combine: 'all' });
    const first = await runOf(created.data.id);
    expect(first.result.total).toBe(2); // 一种X射线准直器, 一种准直器支架; 中子准直装置 lacks the word

    const more = [[N(2023, 1, 9), '2023-05-01', '', '一种准直器组件', A, uscc('411502', 'GX0000001'), XY, '张三', 'G21K 1/02', 'G21K 1/02', '实质审查', '', 4, '', 'CN110000009A']];
    t.clock.advance(60_000);
    await importFile(t, city, 'patents', 'more.csv', csv([HEADER, ...more]));
    const listed = (await city.get('/api/insight/landscapes')).data.find((l: { id: number }) => l.id === created.data.id);
    expect(listed.stale).toBe(true);

    const again = await city.post(`/api/insight/landscapes/${created.data.id}/runs`);
    expect(again.statusCode, again.body).toBe(202);
    const second = await runOf(created.data.id);
    expect(second.result.total).toBe(3);
    expect(second.result.change).toEqual({ previousRunId: first.id, added: 1, removed: 0 });
    // The first run keeps its own patents.
    expect(await listTotal(`landscape=${first.id}`)).toBe(2);
    expect(await listTotal(`landscape=${second.id}`)).toBe(3);
    const detail = (await city.get(`/api/insight/landscapes/${created.data.id}`)).data;
    expect(detail.runs.map((x: { patents: number }) => x.patents)).toEqual([3, 2]);
    expect(detail.stale).toBe(false);
  });

  it('refuses fields that cannot be searched, and lets only analysts define projects and only their owner or the city change them', async () => {
    const bad = async (body: object) => (await city.post('/api/insight/landscapes', { ...FIELD, ...body })).statusCode;
    expect(await bad({ ipc: [], keywords: [] })).toBe(400);
    expect(await bad({ ipc: ['Q99'] })).toBe(400);
    expect(await bad({ keywords: ['——'] })).toBe(400);
    expect(await bad({ yearFrom: 2024, yearTo: 2018 })).toBe(400);
    expect(await bad({ combine: 'all', keywords: [] })).toBe(400);

    const lingrui = await t.as('lingrui');
    expect((await lingrui.post('/api/insight/landscapes', FIELD)).statusCode).toBe(403);
    expect((await lingrui.get('/api/insight/landscapes')).statusCode).toBe(403);

    const own = await gushi.post('/api/insight/landscapes', { ...FIELD, name: '固始县准直器' });
    expect(own.statusCode, own.body).toBe(201);
    const cityOne = (await city.get('/api/insight/landscapes')).data.find((l: { name: string }) => l.name === FIELD.name);
    expect(cityOne.canEdit).toBe(true);
    expect((await gushi.get('/api/insight/landscapes')).data.find((l: { id: number }) => l.id === cityOne.id).canEdit).toBe(false);
    expect((await gushi.put(`/api/insight/landscapes/${cityOne.id}`, { ...FIELD, name: '改名' })).statusCode).toBe(403);
    expect((await gushi.delete(`/api/insight/landscapes/${cityOne.id}`)).statusCode).toBe(403);
    expect((await gushi.put(`/api/insight/landscapes/${own.data.id}`, { ...FIELD, name: '固始县准直器（改）' })).data.name).toBe('固始县准直器（改）');
    expect((await city.delete(`/api/insight/landscapes/${own.data.id}`)).statusCode).toBe(200);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE target_type = 'landscape' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['landscape.create', 'landscape.run', 'landscape.update', 'landscape.delete']));
  });
});
