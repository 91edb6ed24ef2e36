import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/app';
import { appNo, csv, importFile, postFile, uscc } from '../support/registry';

const GUSHI = uscc('411525', 'XR0000001');
const SHIHE = uscc('411502', 'XR0000002');
const N = {
  tea: appNo(2020, 1, 9_800_001),
  pearl: appNo(2021, 2, 9_800_002),
  apart: appNo(2021, 2, 9_800_003),
  plaster: appNo(2022, 1, 9_800_004),
  unpublished: appNo(2026, 1, 9_800_005),
  ownUnpublished: appNo(2026, 1, 9_800_006),
  formula: appNo(2019, 2, 9_800_007),
};

const rows = [
  ['申请号', '申请日', '公开(公告)号', '发明名称', '摘要', '申请人', '统一社会信用代码', '发明人', 'IPC主分类号', '法律状态'],
  [N.tea, '2020-04-01', 'CN111900001A', '一种毛尖茶叶的加工方法', '通过杀青、揉捻和烘干加工毛尖。', '信阳检索茶业有限公司', SHIHE, '检索甲', 'A23F 3/06', '实质审查'],
  [N.pearl, '2021-04-01', 'CN214900002U', '一种膨胀珍珠岩保温板', '珍珠岩颗粒与粘结剂压制成型。', '固始检索矿业有限公司', GUSHI, '检索乙', 'C04B 14/18', '有效'],
  [N.apart, '2021-05-01', 'CN214900003U', '一种珍珠首饰盒', '盒体内设珠岩造型的装饰。', '固始检索矿业有限公司', GUSHI, '检索乙', 'B65D 5/00', '有效'],
  [N.plaster, '2022-04-01', 'CN115900004A', '一种羚检膏药贴', '一种透皮贴剂。', '河南羚检制药有限公司', SHIHE, '检索丙', 'A61K 9/70', '审中'],
  [N.unpublished, '2026-03-01', '', '一种尚未公开的毛尖揉捻机', '', '信阳检索茶业有限公司', SHIHE, '检索甲', 'A23F 3/06', '审中'],
  [N.ownUnpublished, '2026-03-02', '', '一种尚未公开的珍珠岩窑', '', '固始检索矿业有限公司', GUSHI, '检索乙', 'C04B 14/18', '审中'],
  [N.formula, '2019-06-01', 'CN209800007U', '=HYPERLINK("http://evil","点我")', '', '@信阳检索公式公司', SHIHE, '-检索丁', '', '有效'],
];

describe('searching the register', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;
  let partner: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    city = await t.as('city');
    gushi = await t.as('gushi');
    partner = await t.as('court');
    const { job } = await importFile(t, city, 'patents', 'search.csv', csv(rows));
    expect(job.result.inserted).toBe(rows.length - 1);
  });
  afterAll(() => t.close());

  const search = (agent: Agent, params: Record<string, string>) => agent.get(`/api/patents?${new URLSearchParams(params)}`);
  const numbers = (res: { data: { items: Array<{ appNo: string }> } }) => res.data.items.map((p) => p.appNo);

  it('finds 2-, 3- and 4-character words, holders and inventors, with highlights', async () => {
    // The synthetic register talks of 毛尖 too: 检索 keeps to this file's rows.
    const tea = await search(city, { q: '毛尖 检索' });
    expect(numbers(tea)).toContain(N.tea);
    const hit = tea.data.items.find((p: any) => p.appNo === N.tea);
    expect(hit.titleHighlight.filter((s: any) => s.hit).map((s: any) => s.text)).toEqual(['毛尖']);
    expect(numbers(await search(city, { q: '茶叶 检索' }))).toContain(N.tea);
    expect((await search(city, { q: '毛尖' })).data.total).toBeGreaterThan(1);
    expect(numbers(await search(city, { q: '毛尖 加工' }))).toContain(N.tea);
    expect(numbers(await search(city, { q: '羚检' }))).toEqual([N.plaster]);
    expect(numbers(await search(city, { q: '检索丙' }))).toEqual([N.plaster]);
    // 珍珠 and 珠岩 apart in another record do not make 珍珠岩.
    const pearl = numbers(await search(city, { q: '珍珠岩' }));
    expect(pearl).toContain(N.pearl);
    expect(pearl).not.toContain(N.apart);
  });

  it('looks up application and publication numbers in any common spelling', async () => {
    const plain = N.pearl;
    for (const spelling of [plain, plain.replace('.', ''), `CN${plain}`, `ZL${plain}`, `ZL ${plain.slice(0, 4)} ${plain.slice(4)}`, 'CN214900002U', 'cn 214900002 u', 'CN214900002']) {
      const res = await search(city, { q: spelling });
      expect(res.data.lookup, spelling).toBe('number');
      expect(numbers(res), spelling).toEqual([plain]);
      const record = await city.get(`/api/patents/${encodeURIComponent(spelling)}`);
      expect(record.statusCode, spelling).toBe(200);
      expect(record.data.appNo).toBe(plain);
    }
    const missing = await city.get(`/api/patents/${appNo(2015, 1, 1234)}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.data.error.code).toBe('not_found');
  });

  it('counts facets and narrows by them', async () => {
    const all = await search(city, { q: '检索' });
    const county = Object.fromEntries(all.data.facets.county.map((f: any) => [f.value, f.count]));
    expect(county['411525']).toBeGreaterThanOrEqual(3);
    expect(all.data.facets.county.find((f: any) => f.value === '411525').label).toBe('固始县');
    const type = Object.fromEntries(all.data.facets.type.map((f: any) => [f.value, f.count]));
    expect(type.utility).toBeGreaterThanOrEqual(3);
    const narrowed = await search(city, { q: '检索', county: '411525', type: 'utility' });
    expect(narrowed.data.total).toBeLessThan(all.data.total);
    expect(narrowed.data.items.every((p: any) => p.areaCode === '411525' && p.type === 'utility')).toBe(true);
    const byYear = await search(city, { q: '检索', year: '2021' });
    expect(numbers(byYear).sort()).toEqual([N.apart, N.pearl].sort());
    const bySection = await search(city, { ipc: 'C', county: '411525' });
    expect(numbers(bySection)).toContain(N.pearl);
    expect(numbers(bySection)).not.toContain(N.apart);
    const sorted = await search(city, { q: '检索', sort: 'date' });
    const dates = sorted.data.items.map((p: any) => p.appDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('shows a county desk public records anywhere but unpublished applications of its own area only', async () => {
    const own = await search(gushi, { q: '尚未公开' });
    expect(numbers(own)).toEqual([N.ownUnpublished]);
    const elsewhere = await gushi.get(`/api/patents/${N.unpublished}`);
    expect(elsewhere.statusCode).toBe(404);
    const publicElsewhere = await gushi.get(`/api/patents/${N.tea}`);
    expect(publicElsewhere.statusCode).toBe(200);
    expect(numbers(await search(city, { q: '尚未公开' })).sort()).toEqual([N.ownUnpublished, N.unpublished].sort());
    expect(numbers(await search(partner, { q: '尚未公开' }))).toEqual([]);
  });

  it('exports a search as CSV and XLSX with formula-like cells neutralised, and audits it', async () => {
    const res = await city.get(`/api/patents/export?${new URLSearchParams({ q: '检索', format: 'csv' })}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const text = res.body.replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toContain('申请号');
    expect(text).toContain(N.tea.slice(0, 8));
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(text).toMatch(/'=HYPERLINK/);
    expect(text).toMatch(/'@信阳检索公式公司/);

    const x = await city.get(`/api/patents/export?${new URLSearchParams({ q: '检索', format: 'xlsx' })}`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const values: string[] = [];
    wb.worksheets[0]?.eachRow((r) => r.eachCell((c) => values.push(String(c.value))));
    expect(values.some((v) => v.startsWith('='))).toBe(false);
    expect(values).toContain(`'=HYPERLINK("http://evil","点我")`);
    const formulas: unknown[] = [];
    wb.worksheets[0]?.eachRow((r) => r.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas).toEqual([]);

    const audit = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'registry.export'");
    expect(audit[0]?.n).toBeGreaterThanOrEqual(2);
    expect((await partner.get('/api/patents/export?q=x')).statusCode).toBe(403);

    // The page asks how big the export is before it downloads (a refused download shows nothing).
    const size = await city.get(`/api/patents/export/count?${new URLSearchParams({ q: '检索' })}`);
    const shown = await search(city, { q: '检索' });
    expect(size.data).toEqual({ rows: shown.data.total, limit: 100_000, allowed: true });
    expect((await partner.get('/api/patents/export/count?q=x')).statusCode).toBe(403);
  });

  it('searches trademarks and holders', async () => {
    await importFile(
      t,
      city,
      'trademarks',
      'tm.csv',
      csv([
        ['注册号', '类别', '商标名称', '申请人', '统一社会信用代码', '注册日', '商品/服务'],
        ['9800001', '30', '检毛尖', '信阳检索茶业有限公司', SHIHE, '2018-05-06', '茶；茶饮料'],
      ]),
    );
    const tm = await city.get(`/api/trademarks?q=${encodeURIComponent('检毛尖')}`);
    expect(tm.data.items.map((x: any) => x.regNo)).toEqual(['9800001']);
    expect(tm.data.facets.class.find((f: any) => f.value === '30').label).toBeTruthy();
    const holders = await city.get(`/api/holders?q=${encodeURIComponent('信阳检索茶业')}`);
    const holder = holders.data.items[0];
    expect(holder.name).toBe('信阳检索茶业有限公司');
    const detail = await city.get(`/api/holders/${holder.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.data).toMatchObject({ areaCode: '411502', areaSource: 'uscc' });
    expect(detail.data.patents).toBeGreaterThanOrEqual(2);
    expect(detail.data.trademarks).toBe(1);
    const rights = await city.get(`/api/patents?holder=${holder.id}`);
    expect(numbers(rights)).toContain(N.tea);
  });

  it('replaces the demo industry mapping with an imported table and re-labels every patent at once', async () => {
    const before = await city.get('/api/industries');
    expect(before.data.isDemo).toBe(true);
    const bad = await postFile(city, '/api/industries/import', 'bad.csv', 'industry_code,industry_name,ipc,keywords\n3,新材料产业,Z99,\n');
    expect(bad.statusCode).toBe(400);
    expect((await city.get('/api/industries')).data.isDemo).toBe(true);
    expect((await partner.get('/api/industries')).statusCode).toBe(200);

    const table = 'industry_code,industry_name,ipc,keywords\n3.4,先进无机非金属材料,C04B 14,珍珠岩|膨胀\n4.1,生物医药产业,A61K,\n';
    const res = await postFile(city, '/api/industries/import?source=' + encodeURIComponent('参照关系表（2021）测试'), 'map.csv', table);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.rows).toBe(2);
    const after = await city.get('/api/industries');
    expect(after.data).toMatchObject({ isDemo: false, source: '参照关系表（2021）测试' });
    const pearl = await city.get(`/api/patents/${N.pearl}`);
    expect(pearl.data.industries).toEqual(['3.4']);
    expect(pearl.data.industryMapIsDemo).toBe(false);
    const byIndustry = await search(city, { industry: '3.4', q: '检索' });
    expect(numbers(byIndustry).sort()).toEqual([N.ownUnpublished, N.pearl].sort());
    const audit = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'registry.industry_map'");
    expect(audit[0]?.n).toBe(1);
  });
});
