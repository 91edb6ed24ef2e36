import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/app';
import { appNo, csv, importFile, upload, uscc } from '../support/registry';

const HEADER = ['申请号', '申请日', '公开(公告)号', '专利类型', '发明名称', '摘要', '申请人', '申请人地址', '发明人', 'IPC主分类号', 'IPC分类号', '法律状态'];

// Numbers far from the synthetic register's serials, so that tests own their rows.
const A1 = appNo(2021, 1, 9_900_001);
const A2 = appNo(2022, 2, 9_900_002);
const A3 = appNo(2023, 1, 9_900_003);
const FIRM_USCC = uscc('411525', 'TE0000001');

function patentRows(status1 = '有效'): Array<Array<string | number>> {
  return [
    HEADER,
    [A1, '2021-03-05', 'CN113000001B', '发明', '一种信阳毛尖茶的杀青加工方法', '本发明公开了一种毛尖茶叶的加工方法，提高了茶叶品质。', '信阳测试茶业有限公司', '河南省信阳市浉河区五星街道茶都路1号', '张三;李四', 'A23F3/06', 'A23F3/06;A23F3/14', status1],
    [A2, '2022/3/5', '', '实用新型', '一种珍珠岩膨胀炉', '一种用于膨胀珍珠岩的炉体结构。', '信阳上天梯测试矿业有限责任公司；王五', '河南省信阳市上天梯非金属矿管理区矿山路8号', '王五', 'C04B 14/18', 'C04B0014180000', '专利权维持'],
    [A3, '20230305', '', '', '一种巴布膏剂及其制备方法', '<script>alert(1)</script> 一种透皮贴剂。', "测试药业' OR '1'='1 --", '北京市海淀区', '赵六', 'A61K 9/70', '', '实质审查'],
  ];
}

describe('importing patents', () => {
  let t: TestApp;
  let city: Agent;
  beforeEach(async () => {
    t = await createTestApp();
    city = await t.as('city');
  });
  afterEach(() => t.close());

  it('maps Chinese headers, imports every valid row, and a re-import of the same file changes nothing', async () => {
    const file = `\uFEFF${csv(patentRows())}`;
    const { analysis, job } = await importFile(t, city, 'patents', '专利.csv', file);
    expect(analysis.data.format).toBe('csv');
    const fields = Object.fromEntries(analysis.data.columns.map((c: any) => [c.header, c.field]));
    expect(fields).toMatchObject({ 申请号: 'appNo', '公开(公告)号': 'pubNo', 发明名称: 'title', 申请人: 'applicants', IPC分类号: 'ipc', 法律状态: 'status' });
    expect(analysis.data.missingRequired).toEqual([]);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });

    const again = await importFile(t, city, 'patents', '专利.csv', file);
    expect(again.job.result).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patents WHERE app_no = ANY($1)', [[A1, A2, A3]]);
    expect(n?.n).toBe(3);

    const p1 = await city.get(`/api/patents/${encodeURIComponent(`CN${A1}`)}`);
    expect(p1.statusCode).toBe(200);
    expect(p1.data).toMatchObject({ appNo: A1, type: 'invention', grantNo: 'CN113000001B', status: 'valid', areaCode: '411502', ipcMain: 'A23F 3/06' });
    const p2 = await city.get(`/api/patents/${A2.replace('.', '')}`);
    expect(p2.data).toMatchObject({ appDate: '2022-03-05', type: 'utility', ipcMain: 'C04B 14/18', areaCode: 'shangtianti' });
    // Co-applicants are separate holders, in order.
    expect(p2.data.holders.map((h: any) => [h.name, h.kind])).toEqual([
      ['信阳上天梯测试矿业有限责任公司', 'org'],
      ['王五', 'person'],
    ]);
    const p3 = await city.get(`/api/patents/${A3}`);
    // The type comes from the number's type digit; hostile text is kept as text.
    expect(p3.data).toMatchObject({ type: 'invention', status: 'pending', areaSource: 'outside', applicants: ["测试药业' OR '1'='1 --"] });
    expect(p3.data.abstract).toContain('<script>alert(1)</script>');
  });

  it('a newer file updates the legal status and keeps the history of status changes', async () => {
    await importFile(t, city, 'patents', 'v1.csv', csv(patentRows('有效')));
    t.clock.advance(10 * 60_000);
    const { job } = await importFile(t, city, 'patents', 'v2.csv', csv(patentRows('未缴年费专利权终止')));
    expect(job.result).toMatchObject({ updated: 1, unchanged: 2, inserted: 0 });
    const p = await city.get(`/api/patents/${A1}`);
    expect(p.data.status).toBe('lapsed');
    expect(p.data.history.map((h: any) => h.status)).toEqual(['valid', 'lapsed']);
    expect(p.data.history[1].statusRaw).toBe('未缴年费专利权终止');
  });

  it('reads GB18030 CSV, XLSX with date cells and serial dates, and JSON', async () => {
    const gbk = iconv.encode(csv(patentRows()), 'gb18030');
    const g = await importFile(t, city, 'patents', 'gbk.csv', gbk);
    expect(g.analysis.data.encoding).toMatch(/gb/i);
    expect(g.job.result.inserted).toBe(3);
    const title = await city.get(`/api/patents/${A1}`);
    expect(title.data.title).toBe('一种信阳毛尖茶的杀青加工方法');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('专利');
    ws.addRow(['检索式：申请人=信阳']); // a title line above the header
    ws.addRow(['申请号', '申请日', '发明名称', '申请人', '地址', '授权公告日']);
    const b1 = appNo(2019, 2, 9_900_011);
    const b2 = appNo(2020, 3, 9_900_012);
    ws.addRow([b1, new Date(Date.UTC(2019, 6, 1)), '一种茶叶理条机', '信阳测试机械有限公司', '信阳市平桥区平中大街3号', 44000]);
    ws.addRow([Number(b2.replace('.', '').slice(0, 12)), 43900, '包装盒（信阳红）', '罗山县测试包装厂', '河南省罗山县龙山街道', '2020.06.30']);
    const x = await importFile(t, city, 'patents', 'export.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(x.analysis.data.format).toBe('xlsx');
    expect(x.analysis.data.headerRowNo).toBe(2);
    expect(x.job.result).toMatchObject({ inserted: 2, rejected: 0 });
    const r1 = await city.get(`/api/patents/${b1}`);
    expect(r1.data).toMatchObject({ appDate: '2019-07-01', grantDate: '2020-06-18', type: 'utility' });
    // A number without its check character gets it computed; 43900 is Excel's 2020-03-10.
    const r2 = await city.get(`/api/patents/${b2}`);
    expect(r2.data).toMatchObject({ appDate: '2020-03-10', type: 'design', areaCode: '411521' });

    const json = JSON.stringify([{ 申请号: appNo(2024, 2, 9_900_021), 申请日: '2024-01-02', 发明名称: '一种LED灯具', 申请人: '信阳测试电子有限公司', 地址: '信阳高新技术产业开发区新三路' }]);
    const j = await importFile(t, city, 'patents', 'p.json', json);
    expect(j.analysis.data.format).toBe('json');
    expect(j.job.result.inserted).toBe(1);
  });

  it('matches holders by credit code, else by normalised name, and places them by code, address or not at all', async () => {
    const rows = [
      ['申请号', '申请日', '发明名称', '申请人', '统一社会信用代码', '申请人地址'],
      [appNo(2020, 2, 9_900_031), '2020-01-02', '一种茶叶烘干机', '信阳测试茶机（集团）有限责任公司', FIRM_USCC, ''],
      [appNo(2020, 2, 9_900_032), '2020-01-03', '一种茶叶揉捻机', '信阳测试茶机(集团)有限公司', '', ''],
      [appNo(2020, 2, 9_900_033), '2020-01-04', '一种茶叶杀青机', '改了名的测试茶机公司', FIRM_USCC, ''],
      [appNo(2020, 2, 9_900_034), '2020-01-05', '一种茶叶筛分机', '某某测试科技有限公司', '', '河南省信阳市'],
    ];
    const { job } = await importFile(t, city, 'patents', 'holders.csv', csv(rows));
    expect(job.result.inserted).toBe(4);
    const ids = [];
    for (const r of rows.slice(1)) ids.push((await city.get(`/api/patents/${r[0]}`)).data.holders[0]);
    expect(ids[0].id).toBe(ids[1].id);
    expect(ids[0].id).toBe(ids[2].id);
    expect(ids[0]).toMatchObject({ areaCode: '411525', areaSource: 'uscc' });
    expect(ids[3]).toMatchObject({ areaCode: null, areaSource: 'unresolved' });

    // An officer places the unresolved holder; its rights follow, and a later import keeps it.
    const unresolved = await city.get('/api/holders?unresolved=true');
    expect(unresolved.statusCode).toBe(200);
    expect(unresolved.data.items.map((h: any) => h.id)).toContain(ids[3].id);
    const put = await city.put(`/api/holders/${ids[3].id}/area`, { areaCode: '411503' });
    expect(put.statusCode).toBe(200);
    const moved = await city.get(`/api/patents/${rows[4]?.[0]}`);
    expect(moved.data).toMatchObject({ areaCode: '411503' });
    const filtered = await city.get(`/api/patents?county=411503&q=${encodeURIComponent('筛分')}`);
    expect(filtered.data.items.map((p: any) => p.appNo)).toContain(rows[4]?.[0]);
    rows.push([appNo(2021, 2, 9_900_035), '2021-01-05', '一种茶叶色选机', '某某测试科技有限公司', '', '河南省信阳市']);
    await importFile(t, city, 'patents', 'holders2.csv', csv(rows));
    const later = await city.get(`/api/patents/${rows[5]?.[0]}`);
    expect(later.data).toMatchObject({ areaCode: '411503' });
    expect(later.data.holders[0]).toMatchObject({ areaSource: 'manual' });
  });

  it('saves a mapping as a named profile and uses it for the next file', async () => {
    // 题名 and 权利归属 are no known headings: the officer maps them by hand once.
    const rows = [['申请号', '申请日', '题名', '权利归属'], [appNo(2020, 2, 9_900_041), '2020-05-06', '一种茶杯', '信阳测试陶瓷有限公司']];
    await importFile(t, city, 'patents', 'a.csv', csv(rows), { mapping: ['appNo', 'appDate', 'title', 'applicants'], saveProfileAs: '英文导出' });
    const profiles = await city.get('/api/imports/profiles?kind=patents');
    expect(profiles.data.map((p: any) => p.name)).toContain('英文导出');
    const second = await upload(city, 'patents', 'b.csv', csv(rows), `&profile=${encodeURIComponent('英文导出')}`);
    expect(second.data.columns.map((c: any) => [c.field, c.confidence])).toEqual([
      ['appNo', 'profile'],
      ['appDate', 'profile'],
      ['title', 'profile'],
      ['applicants', 'profile'],
    ]);
    expect(second.data.missingRequired).toEqual([]);
  });
  it('imports GIs and their authorised users; a user of an unknown GI is refused', async () => {
    const gis = csv([
      ['地理标志名称', '地理标志类型', '注册人', '保护范围', '批准日期', '类别'],
      ['测试毛尖', '地理标志证明商标', '信阳测试茶叶协会', '河南省信阳市浉河区', '2006-05-01', '30'],
    ]);
    const g = await importFile(t, city, 'gis', 'gi.csv', gis);
    expect(g.job.result).toMatchObject({ inserted: 1, rejected: 0 });
    const users = csv([
      ['地理标志名称', '企业名称', '统一社会信用代码', '状态'],
      ['测试毛尖', '信阳测试用标茶业有限公司', FIRM_USCC, '有效'],
      ['不存在的标志', '信阳另一家茶业有限公司', '', '有效'],
    ]);
    const u = await importFile(t, city, 'gi_users', 'users.csv', users);
    expect(u.job.result).toMatchObject({ inserted: 1, rejected: 1 });
    const list = await city.get(`/api/gis?q=${encodeURIComponent('测试毛尖')}`);
    const gi = list.data.find((x: any) => x.name === '测试毛尖');
    expect(gi).toMatchObject({ kind: 'certification_mark', activeUsers: 1 });
    const detail = await city.get(`/api/gis/${gi.id}`);
    expect(detail.data.users.items.map((x: any) => x.name ?? x.firmName)).toEqual(['信阳测试用标茶业有限公司']);
  });
});

describe('rejected rows and files', () => {
  let t: TestApp;
  let city: Agent;
  beforeEach(async () => {
    t = await createTestApp({ config: { importMaxBytes: 64 * 1024 } });
    city = await t.as('city');
  });
  afterEach(() => t.close());

  it('stores only valid rows and reports each bad one with row, column, value and a Chinese reason', async () => {
    const good = appNo(2021, 1, 9_900_051);
    const wrongCheck = `${appNo(2021, 1, 9_900_052).slice(0, -1)}${appNo(2021, 1, 9_900_052).endsWith('1') ? '2' : '1'}`;
    const rows = [
      ['申请号', '申请日', '发明名称', '申请人', 'IPC主分类号', '专利类型'],
      [good, '2021-01-01', '一种毛尖茶', '信阳测试茶业有限公司', 'A23F 3/06', '发明'],
      [wrongCheck, '2021-01-01', '一种红茶', '信阳测试茶业有限公司', 'A23F 3/06', '发明'],
      [appNo(2026, 1, 9_900_053), '2099-01-01', '一种未来茶', '信阳测试茶业有限公司', '', ''],
      [appNo(2021, 1, 9_900_054), '2021-01-01', '一种乱码茶', '信阳测试茶业有限公司', 'X99Z', ''],
      [appNo(2021, 2, 9_900_055), '2021-01-01', '一种类型不符的茶', '信阳测试茶业有限公司', '', '发明'],
      [appNo(2021, 2, 9_900_056), '2021-01-01', '一种多列茶', '信阳测试茶业有限公司', '', '', '多出的一列'],
      [appNo(2021, 2, 9_900_057), '', '', '', '', ''],
    ];
    const { job } = await importFile(t, city, 'patents', 'bad.csv', csv(rows));
    expect(job.result).toMatchObject({ rows: 7, inserted: 1, rejected: 6 });
    const [stored] = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM patents WHERE app_no LIKE '20212990005%' OR app_no LIKE '20261990005%' OR app_no LIKE '20211990005%'");
    expect(stored?.n).toBe(1);

    const list = await city.get(`/api/imports/${job.id}/rejections`);
    const byRow = (rowNo: number) => list.data.filter((r: any) => r.rowNo === rowNo);
    expect(byRow(3)[0]).toMatchObject({ field: 'appNo', value: wrongCheck });
    expect(byRow(3)[0].reasonZh).toMatch(/校验/);
    expect(byRow(4)[0]).toMatchObject({ field: 'appDate' });
    expect(byRow(4)[0].reasonZh).toMatch(/晚于今天/);
    expect(byRow(5)[0]).toMatchObject({ field: 'ipcMain' });
    expect(byRow(6)[0].reasonZh).toMatch(/不符/);
    expect(byRow(7)[0]).toMatchObject({ field: '*' });
    expect(byRow(8).map((r: any) => r.field).sort()).toEqual(['appDate', 'applicants', 'title']);

    const report = await city.get(`/api/imports/${job.id}/rejections.xlsx`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, '行号', '列', '值', '原因', 'Reason']);
    const lines: unknown[][] = [];
    sheet?.eachRow((r, n) => n > 1 && lines.push((r.values as unknown[]).slice(1)));
    expect(lines).toContainEqual([3, '申请号', wrongCheck, expect.stringMatching(/校验/), expect.any(String)]);
  });

  it('refuses trademarks of an unknown Nice class and keeps the good ones', async () => {
    const rows = [
      ['注册号', '国际分类', '商标名称', '申请人', '申请日', '注册日', '专用期限'],
      ['9900001', '第30类', '测毛尖', '信阳测试茶业有限公司', '2015-01-02', '2016-03-07', '2016-03-07至2026-03-06'],
      ['9900002', '46', '测无类', '信阳测试茶业有限公司', '2015-01-02', '', ''],
    ];
    const { job } = await importFile(t, city, 'trademarks', 'tm.csv', csv(rows));
    expect(job.result).toMatchObject({ inserted: 1, rejected: 1 });
    const rej = await city.get(`/api/imports/${job.id}/rejections`);
    expect(rej.data[0]).toMatchObject({ rowNo: 3, field: 'niceClass' });
    expect(rej.data[0].reasonZh).toMatch(/1–45/);
    const tm = await city.get('/api/trademarks/9900001');
    expect(tm.statusCode).toBe(200);
    expect(tm.data).toMatchObject({ niceClass: 30, termEnd: '2026-03-06', status: 'registered' });
  });

  it.each([
    ['an empty file', 'empty.csv', Buffer.alloc(0), 400, /空|empty/],
    ['a file without a recognisable header', 'x.csv', csv([['a', 'b', 'c'], ['1', '2', '3']]), 400, /表头/],
    ['a binary file renamed .csv', 'photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0)]), 415, /.+/],
    ['a CSV whose quote is never closed', 'quote.csv', '申请号,申请日,发明名称,申请人\n202010000001.1,2020-01-01,"一种茶叶,某公司\n', 400, /引号没有闭合/],
    ['a file over the size limit', 'big.csv', `申请号,申请日,发明名称,申请人\n${'x'.repeat(70 * 1024)}`, 413, /MB/],
  ])('rejects %s with a clear message and stores nothing', async (_name, fileName, content, status, message) => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_uploads');
    const res = await upload(city, 'patents', fileName, content);
    expect(res.statusCode).toBe(status);
    expect(res.data.error.message).toMatch(message);
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_uploads');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('rejects an XLSX bomb (a tiny file that unpacks to gigabytes)', async () => {
    const { zipBomb } = await import('../support/zip-bomb');
    const res = await upload(city, 'patents', 'bomb.xlsx', zipBomb());
    expect(res.statusCode).toBe(400);
    expect(res.data.error.message).toMatch(/解压|压缩|unpack/i);
  });

  it('is refused to roles without the import permission, and county users see only their jobs', async () => {
    const county = await t.as('gushi');
    const res = await upload(county, 'patents', 'a.csv', csv(patentRows()));
    expect(res.statusCode).toBe(403);
  });
});
