import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { appNo, csv, importFile } from '../../../../../test/support/registry';
import statsCommand, { statsInput } from '../../../../cli/commands/stats';
import { operatorActor } from '../../../actor';

/**
 * A hand-built register of two counties whose indicators were worked out by hand (see the comments
 * on each row). The synthetic register is removed first, so that only these rows count.
 */
const GUSHI = '河南省信阳市固始县城关镇测试路1号';
const GUANGSHAN = '河南省信阳市光山县弦山街道测试路2号';
const HEADER = ['申请号', '申请日', '授权公告日', '发明名称', '申请人', '申请人地址', 'IPC主分类号', '法律状态', '法律状态日', '同族'];
const no = (i: number, digit: 1 | 2 | 8 = 1, year = 2020) => appNo(year, digit, 9_700_000 + i);
const PATENTS = [
  // 固始县
  [no(1), '2020-03-01', '2022-05-01', '珍珠岩保温材料', '固始甲公司', GUSHI, 'C04B 14/18', '有效', '', ''], // industry
  [no(2, 1, 2019), '2019-01-10', '2021-06-01', '茶叶杀青方法', '固始乙公司', GUSHI, 'A23F 3/06', '有效', '', 'US10000001B2'], // granted abroad
  [no(3, 1, 2013), '2013-12-31', '2016-01-01', '茶叶揉捻方法', '固始丙公司', GUSHI, 'A23F 3/06', '有效', '', ''], // over ten years from 2024 (not 2023)
  [no(4, 1, 2018), '2018-02-01', '2020-01-01', '茶叶烘干方法', '固始丁公司', GUSHI, 'A23F 3/06', '有效', '', ''], // pledge of 12 million in 2023
  [no(5, 1, 2018), '2018-03-01', '2020-02-01', '茶叶提香方法', '固始戊公司', GUSHI, 'A23F 3/06', '有效', '', ''], // pledge of 5 million (too small); award in 2025
  [no(6, 1, 2012), '2012-05-05', '2015-01-01', '膨胀珍珠岩炉', '固始甲公司', GUSHI, 'C04B 14/18', '未缴年费专利权终止', '2023-04-01', ''], // lapsed in 2023
  [no(7, 2, 2021), '2021-01-01', '2021-08-01', '珍珠岩筛分装置', '固始甲公司', GUSHI, 'C04B 14/18', '有效', '', ''], // utility model
  [no(8, 1, 2015), '2015-06-01', '2018-01-01', '珍珠岩过滤助剂', '固始甲公司', GUSHI, 'C04B 14/18', '有效', '', 'EP3000001B1'], // industry and abroad
  [no(9, 8, 2024), '2024-05-05', '', '茶多酚提取工艺', '固始乙公司', GUSHI, 'A23F 3/06', '实质审查', '', ''], // PCT filing, pending
  [no(10, 1, 2022), '2022-01-01', '2024-03-03', '茶叶包装方法', '固始乙公司', GUSHI, 'A23F 3/06', '有效', '', ''], // granted in 2024, no criterion
  [no(11, 1, 2016), '2016-01-01', '2019-01-01', '茶叶分级方法', '固始乙公司', GUSHI, 'A23F 3/06', '有效', '', 'WO2016000001A1;US20170000001A1'], // published abroad only
  // 光山县
  [no(21, 1, 2010), '2010-07-07', '2013-01-01', '油茶压榨方法', '光山甲公司', GUANGSHAN, 'A23F 3/06', '有效', '', ''], // over ten years
  [no(22, 1, 2020), '2020-01-01', '2023-01-01', '珍珠岩砌块', '光山乙公司', GUANGSHAN, 'C04B 14/18', '专利权全部无效', '2025-02-02', ''], // industry; invalidated 2025
];

const TM_HEADER = ['注册号', '国际分类', '商标名称', '申请人', '申请人地址', '申请日', '注册日', '专用期限', '商标状态'];
const TRADEMARKS = [
  ['9710001', '30', '固始甲', '固始甲公司', GUSHI, '2018-01-01', '2019-01-01', '2019-01-01至2029-12-31', '注册'],
  ['9710002', '30', '固始乙', '固始乙公司', GUSHI, '2013-01-01', '2014-05-01', '2014-05-01至2024-04-30', '已过期'], // in force at the end of 2023 only
  ['9710003', '30', '固始丙', '固始丙公司', GUSHI, '2024-02-01', '', '', '申请中'],
];

describe('indicators on a hand-built register', () => {
  let t: TestApp;
  let city: Agent;
  const id = async (n: string) => (await t.db.query<{ id: number }>('SELECT id FROM patents WHERE app_no = $1', [n]))[0]?.id;
  const table = async (year: number, agent = city) => {
    const res = await agent.get(`/api/insight/indicators?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    return (code: string) => res.data.areas.find((a: { code: string }) => a.code === code)?.values;
  };

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    city = await t.as('city');
    for (const stmt of ['DELETE FROM gi_users', 'DELETE FROM gis', 'DELETE FROM patents', 'DELETE FROM trademarks']) await t.db.query(stmt);
    const p = await importFile(t, city, 'patents', 'fixture.csv', csv([HEADER, ...PATENTS]));
    expect(p.job.result).toMatchObject({ inserted: PATENTS.length, rejected: 0 });
    const m = await importFile(t, city, 'trademarks', 'marks.csv', csv([TM_HEADER, ...TRADEMARKS]));
    expect(m.job.result).toMatchObject({ inserted: TRADEMARKS.length, rejected: 0 });
    await t.db.query(
      `INSERT INTO patent_pledges (patent_id, pledgor, pledgee, amount_yuan, registered_on, status) VALUES
         ($1, '固始丁公司', '中国银行信阳分行', 12000000, '2023-06-01', 'effective'),
         ($2, '固始戊公司', '中国银行信阳分行', 5000000, '2023-06-01', 'effective')`,
      [await id(no(4, 1, 2018)), await id(no(5, 1, 2018))],
    );
    await t.db.query(`INSERT INTO patent_awards (patent_id, award, award_year) VALUES ($1, 'silver', 2025)`, [await id(no(5, 1, 2018))]);
  });
  afterAll(() => t.close());

  it('counts each high-value criterion alone and in combination, and leaves out lapsed patents and utility models', async () => {
    const y2024 = await table(2024);
    expect(y2024('411525').valid_inventions.count).toBe(8);
    expect(y2024('411525').high_value_inventions.count).toBe(5);
    expect(y2024('411522').high_value_inventions.count).toBe(2);
    expect(y2024('411500').high_value_inventions.count).toBe(7);
    expect(y2024('411500').valid_inventions.count).toBe(10);
    expect(y2024('411525').invention_grants.count).toBe(1);
    expect(y2024('411525').pct_filings.count).toBe(1);

    const y2023 = await table(2023);
    // 2023: the 2013-12-31 filing is not yet over ten years; the lapsed one ended that year.
    expect(y2023('411525').valid_inventions.count).toBe(7);
    expect(y2023('411525').high_value_inventions.count).toBe(4);

    const y2025 = await table(2025);
    // 2025: the award counts; the invalidated 光山 patent no longer does.
    expect(y2025('411525').high_value_inventions.count).toBe(6);
    expect(y2025('411522').high_value_inventions.count).toBe(1);
    expect(y2025('411522').valid_inventions.count).toBe(1);
  });

  it('opens the list of exactly the patents counted, each with the criteria it met', async () => {
    const v = (await table(2024))('411525').high_value_inventions;
    expect(v.drill).toEqual({ path: '/registry/patents', query: { highValue: '2024', county: '411525' } });
    const list = await city.get(`/api/patents?${new URLSearchParams({ ...v.drill.query, pageSize: '50', sort: 'date' })}`);
    expect(list.statusCode, list.body).toBe(200);
    const byNo = Object.fromEntries(list.data.items.map((p: { appNo: string; valueCriteria: string[] }) => [p.appNo, [...p.valueCriteria].sort()]));
    expect(byNo).toEqual({
      [no(1)]: ['industry'],
      [no(2, 1, 2019)]: ['abroad'],
      [no(3, 1, 2013)]: ['term'],
      [no(4, 1, 2018)]: ['pledge'],
      [no(8, 1, 2015)]: ['abroad', 'industry'],
    });
    const pledgeOnly = await city.get(`/api/patents?${new URLSearchParams({ ...v.drill.query, criterion: 'pledge' })}`);
    expect(pledgeOnly.data.items.map((p: { appNo: string }) => p.appNo)).toEqual([no(4, 1, 2018)]);
    // The patent page names the criteria met today.
    const page = await city.get(`/api/patents/${no(8, 1, 2015)}`);
    expect(page.data.highValue).toMatchObject({ year: 2026, counted: true });
    expect([...page.data.highValue.criteria].sort()).toEqual(['abroad', 'industry', 'term']);

    for (const code of ['valid_inventions', 'invention_grants', 'pct_filings', 'valid_trademarks'] as const) {
      const x = (await table(2024))('411525')[code];
      const path = x.drill.path.replace('/registry', '/api');
      const res = await city.get(`${path}?${new URLSearchParams(x.drill.query)}`);
      expect(res.data.total, code).toBe(x.count);
    }
  });

  it('divides by the population of the year when there is one, else the latest before it', async () => {
    // Demo estimate for 2020: 1,029,000.
    let gushi = (await table(2024))('411525').high_value_per_10k;
    expect(gushi.denominator).toMatchObject({ value: 1_029_000, year: 2020, isEstimate: true });
    expect(gushi.value).toBeCloseTo((5 / 1_029_000) * 10_000, 4);
    const put = await city.put('/api/areas/411525/population/2024', { population: 1_000_000, source: '固始县统计公报 2024' });
    expect(put.statusCode, put.body).toBe(200);
    gushi = (await table(2024))('411525').high_value_per_10k;
    expect(gushi).toMatchObject({ value: 0.05, count: 5, denominator: { value: 1_000_000, year: 2024, isEstimate: false } });
    expect((await table(2023))('411525').high_value_per_10k.denominator.year).toBe(2020);
    expect((await table(2024))('411525').inventions_per_10k.value).toBeCloseTo(0.08, 6);
  });

  it('counts trademarks per 10,000 market entities from the editable table, and shows progress to a target', async () => {
    expect((await city.put('/api/areas/411525/market-entities/2024', { entities: 80_000, source: '固始县市场监管局' })).statusCode).toBe(200);
    expect((await city.put('/api/areas/411525/market-entities/2023', { entities: 50_000, source: '固始县市场监管局' })).statusCode).toBe(200);
    expect((await table(2024))('411525').trademarks_per_10k_entities).toMatchObject({ count: 1, value: 0.125 });
    expect((await table(2023))('411525').trademarks_per_10k_entities).toMatchObject({ count: 2, value: 0.4 });

    const set = await city.put('/api/insight/targets/high_value_per_10k/411525/2024', { target: 0.1 });
    expect(set.statusCode, set.body).toBe(200);
    expect((await table(2024))('411525').high_value_per_10k).toMatchObject({ target: 0.1, progress: 0.5 });
  });

  it('shows a county desk its own area only, and only the city office sets targets', async () => {
    const gushi = await t.as('gushi');
    const res = await gushi.get('/api/insight/indicators?year=2024');
    expect(res.statusCode).toBe(200);
    expect(res.data.areas.map((a: { code: string }) => a.code)).toEqual(['411525']);
    expect((await gushi.get('/api/insight/indicators?year=2024&area=411522')).statusCode).toBe(404);
    expect((await gushi.get('/api/insight/indicators?year=2024&area=411500')).statusCode).toBe(404);
    expect((await gushi.put('/api/insight/targets/gis/411525/2024', { target: 3 })).statusCode).toBe(403);
  });

  it('xinzhi stats prints the same figures as the web app, as a table, CSV or JSON', async () => {
    const api = (await table(2024))('411525').high_value_per_10k;
    const io = { actor: operatorActor(), where: 'local' as const, progress() {} };
    const run = (format: string) => statsCommand.run(t.ctx, statsInput.parse({ indicator: 'high_value_per_10k', county: '411525', year: '2024', format }), io);
    const csvOut = (await run('csv')).message.split('\n');
    expect(csvOut[0]).toContain('地区代码,地区');
    expect(csvOut[1]).toBe(`411525,固始县,${api.value.toFixed(2)},${api.count},${api.denominator.value},2024,0.1,50.0%,/registry/patents?highValue=2024&county=411525`);
    const tableOut = (await run('table')).message;
    expect(tableOut).toContain('每万人口高价值发明专利拥有量（2024 年）');
    expect(tableOut).toMatch(/固始县\s+0\.05\s+5\s+1000000/);
    expect(JSON.parse((await run('json')).message).rows[0]).toMatchObject({ code: '411525', value: api.value, count: api.count });
  });
});
