import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { appNo, csv, importFile, uscc } from '../../../../../test/support/registry';
import { verifyEvidence } from '../evidence/service';

const FIRM = '河南羚锐制药股份有限公司';

describe('the key-protection list', () => {
  let t: TestApp;
  let firm: Agent;
  let city: Agent;
  let gushi: Agent;
  let visitor: Agent;
  let rights: Array<{ type: string; id: number; number: string }>;

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    // The firm's credit code is that of a holder with many classified patents that no other organisation has.
    const [holder] = await t.db.query<{ uscc: string }>(
      `SELECT h.uscc FROM holders h JOIN patent_holders ph ON ph.holder_id = h.id JOIN patents p ON p.id = ph.patent_id
        WHERE h.uscc IS NOT NULL AND p.visibility = 'public' AND p.ipc_main IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.uscc = h.uscc AND o.name <> $1)
        GROUP BY h.uscc ORDER BY count(*) DESC, h.uscc LIMIT 1`,
      [FIRM],
    );
    await t.db.query('UPDATE organisations SET uscc = $1 WHERE name = $2', [holder?.uscc, FIRM]);
    firm = await t.as('lingrui');
    city = await t.as('city');
    gushi = await t.as('gushi');
    visitor = t.agent();
  });
  afterAll(() => t.close());

  const body = () => ({ industry: '生物医药', reasons: '透皮贴剂核心专利多次被仿冒，申请重点保护。', contactName: '王晓峰', contactPhone: '13903761111', rights: rights.slice(0, 2).map((r) => ({ type: r.type, id: r.id })) });

  it('a firm applies with its own rights, is returned with reasons, resubmits, passes the county step and is listed and published', async () => {
    const mine = await firm.get('/api/protection/key-list/mine');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.data.organisation).toMatchObject({ name: FIRM, areaCode: '411523', areaName: '新县' });
    rights = mine.data.candidates;
    expect(rights.length).toBeGreaterThan(1);

    // A right that is not the firm's own is refused, and nothing is stored.
    const [other] = await t.db.query<{ id: number }>(
      `SELECT p.id::int AS id FROM patents p WHERE NOT EXISTS (SELECT 1 FROM patent_holders ph JOIN holders h ON h.id = ph.holder_id JOIN organisations o ON o.uscc = h.uscc WHERE ph.patent_id = p.id AND o.name = $1) LIMIT 1`,
      [FIRM],
    );
    const stored = async () => (await t.db.query('SELECT 1 FROM key_list_entries')).length;
    const before = await stored();
    const foreign = await firm.post('/api/protection/key-list/applications', { ...body(), rights: [{ type: 'patent', id: other?.id }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('不属于本企业');
    expect(await stored()).toBe(before);
    expect((await firm.post('/api/protection/key-list/applications', { ...body(), contactPhone: '12345' })).statusCode).toBe(400);

    const applied = await firm.post('/api/protection/key-list/applications', body());
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.data).toMatchObject({ status: 'submitted', orgName: FIRM, contactName: '王**', contactPhone: '139****1111', actions: ['withdraw'] });
    expect(applied.data.ref).toMatch(/^ZD2026-\d{4}$/);
    expect(applied.data.rights).toHaveLength(2);
    const id = applied.data.id;
    expect((await firm.post('/api/protection/key-list/applications', body())).statusCode).toBe(409);
    const [row] = await t.db.query<Record<string, unknown>>('SELECT * FROM key_list_entries WHERE id = $1', [id]);
    expect(JSON.stringify(row)).not.toContain('13903761111');

    // 新县 has no desk of its own here: the city office takes the county step. Another county's desk cannot see it.
    expect((await gushi.get(`/api/protection/key-list/applications/${id}`)).statusCode).toBe(404);
    expect((await gushi.post(`/api/protection/key-list/applications/${id}/county-pass`, {})).statusCode).toBe(404);
    expect((await city.post(`/api/protection/key-list/applications/${id}/approve`, {})).statusCode).toBe(409);

    const returned = await city.post(`/api/protection/key-list/applications/${id}/return`, { reason: '请补充被仿冒情况的证明材料' });
    expect(returned.data).toMatchObject({ status: 'returned', returnReason: '请补充被仿冒情况的证明材料' });
    const seen = (await firm.get('/api/protection/key-list/mine')).data.applications[0];
    expect(seen).toMatchObject({ status: 'returned', returnReason: '请补充被仿冒情况的证明材料', actions: ['edit', 'withdraw'] });

    const again = await firm.put(`/api/protection/key-list/applications/${id}`, { ...body(), reasons: '透皮贴剂核心专利多次被仿冒（附 2025 年两起案件判决书），申请重点保护。' });
    expect(again.data).toMatchObject({ status: 'submitted', returnReason: null });

    expect((await city.post(`/api/protection/key-list/applications/${id}/county-pass`, { note: '情况属实' })).data.status).toBe('county_passed');
    expect((await firm.post(`/api/protection/key-list/applications/${id}/withdraw`, {})).statusCode).toBe(409);
    expect((await gushi.post(`/api/protection/key-list/applications/${id}/approve`, {})).statusCode).toBe(404);

    const watching = (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM watches w JOIN users u ON u.id = w.user_id WHERE u.username = 'lingrui'"))[0]?.n ?? 0;
    const listed = await city.post(`/api/protection/key-list/applications/${id}/approve`, { note: '列入 2026 年度重点关注名录' });
    expect(listed.data).toMatchObject({ status: 'listed', listedOn: '2026-11-25', reviewDue: '2027-11-25', reviewOverdue: false, actions: ['review'] });
    // Its rights are now followed in the firm's alert inbox: its holder and the IPC areas of its patents.
    const watches = await t.db.query<{ kind: string; label: string }>("SELECT w.kind, w.label FROM watches w JOIN users u ON u.id = w.user_id WHERE u.username = 'lingrui'");
    const added = watches.filter((w) => w.label.startsWith('重点关注名录：'));
    expect(watches.length).toBe(watching + added.length);
    expect(added.map((w) => w.kind)).toEqual(expect.arrayContaining(['holder', 'ipc']));

    const published = await visitor.get('/api/public/key-list?area=411523');
    expect(published.data.items).toEqual([expect.objectContaining({ name: FIRM, areaName: '新县', industry: '生物医药', listedOn: '2026-11-25' })]);
    expect(published.data.items[0].rights).toHaveLength(2);
    expect(JSON.stringify(published.data)).not.toContain('139');
    expect((await visitor.get('/api/public/key-list?q=羚锐')).data.total).toBe(1);
    // A right's number as shown finds the firm that holds it.
    const shown = published.data.items[0].rights[0].number;
    expect((await visitor.get(`/api/public/key-list?q=${encodeURIComponent(shown)}`)).data.items.map((i: { name: string }) => i.name)).toContain(FIRM);
    expect((await visitor.get('/api/public/key-list?area=411525')).data.items.some((i: { name: string }) => i.name === FIRM)).toBe(false);

    const history = (await city.get(`/api/protection/key-list/applications/${id}`)).data.history;
    expect(history.map((h: { payload: { to: string } }) => h.payload.to)).toEqual(['submitted', 'returned', 'submitted', 'county_passed', 'listed']);
    for (const a of ['apply', 'return', 'resubmit', 'county-pass', 'approve']) {
      expect((await t.db.query("SELECT 1 FROM audit_log WHERE action = $1 AND target_id = $2", [`protection.keylist.${a}`, String(id)])).length, a).toBe(1);
    }
    expect((await verifyEvidence(t.ctx)).ok).toBe(true);
  });

  it('monitors a listed firm: close marks filed by others in the same class, and others’ new filings in its IPC areas, not its own', async () => {
    const [firmRow] = await t.db.query<{ uscc: string }>('SELECT uscc FROM organisations WHERE name = $1', [FIRM]);
    const [holder] = await t.db.query<{ name: string }>('SELECT name FROM holders WHERE uscc = $1 ORDER BY id LIMIT 1', [firmRow?.uscc]);
    const ownUscc = firmRow?.uscc as string;
    const ownName = holder?.name as string;
    const [area] = await t.db.query<{ value: string }>("SELECT w.value FROM watches w JOIN users u ON u.id = w.user_id WHERE u.username = 'lingrui' AND w.kind = 'ipc' ORDER BY w.value LIMIT 1");
    const ipc = `${area?.value}9/70`;
    const TM = ['注册号', '国际分类', '商标名称', '申请人', '统一社会信用代码', '申请人地址', '申请日', '注册日', '专用期限', '商标状态'];
    const PT = ['申请号', '申请日', '授权公告日', '发明名称', '申请人', '统一社会信用代码', '申请人地址', 'IPC主分类号', 'IPC分类号', '法律状态', '法律状态日', '公开(公告)号'];
    const ADDRESS = '河南省信阳市新县羚锐大道1号';
    const OTHER = uscc('411502', 'MA0000001');
    const scan = async () => {
      expect((await city.post('/api/insight/alert-scans')).statusCode).toBe(202);
      await t.runJobs();
    };
    // The firm's own mark, then a scan: what the register holds now is the baseline.
    expect((await importFile(t, city, 'trademarks', 'own.csv', csv([TM, ['9700001', '5', '羚锐康', ownName, ownUscc, ADDRESS, '2020-01-01', '2021-03-01', '2021-03-01至2031-02-28', '注册']]))).job.result).toMatchObject({ inserted: 1 });
    await scan();
    const before = new Set((await firm.get('/api/insight/alerts?pageSize=200')).data.items.map((a: { id: number }) => a.id));

    // Newly registered marks (applications still in examination are not public in the register).
    const marks = [
      ['9700002', '5', '灵锐康', '信阳某某医药科技有限公司', OTHER, '河南省信阳市浉河区新华路1号', '2026-01-10', '2026-11-20', '2026-11-20至2036-11-19', '注册'],
      ['9700003', '30', '羚锐康', '信阳某某医药科技有限公司', OTHER, '河南省信阳市浉河区新华路1号', '2026-01-10', '2026-11-20', '2026-11-20至2036-11-19', '注册'],
      ['9700004', '5', '云雾山', '信阳某某医药科技有限公司', OTHER, '河南省信阳市浉河区新华路1号', '2026-01-10', '2026-11-20', '2026-11-20至2036-11-19', '注册'],
      ['9700005', '5', '羚锐康宁', ownName, ownUscc, ADDRESS, '2026-01-10', '2026-11-20', '2026-11-20至2036-11-19', '注册'],
    ];
    expect((await importFile(t, city, 'trademarks', 'new.csv', csv([TM, ...marks]))).job.result).toMatchObject({ inserted: 4, rejected: 0 });
    const patents = [
      [appNo(2026, 1, 9_700_001), '2026-10-12', '', '一种他人的透皮贴剂', '信阳某某医药科技有限公司', OTHER, '河南省信阳市浉河区新华路1号', ipc, ipc, '审中', '', 'CN119700001A'],
      [appNo(2026, 1, 9_700_002), '2026-10-12', '', '一种本企业的新贴剂', ownName, ownUscc, ADDRESS, ipc, ipc, '审中', '', 'CN119700002A'],
    ];
    expect((await importFile(t, city, 'patents', 'new.csv', csv([PT, ...patents]))).job.result).toMatchObject({ inserted: 2, rejected: 0 });
    await scan();
    await scan(); // a second scan adds nothing

    const fresh = (await firm.get('/api/insight/alerts?pageSize=200')).data.items.filter((a: { id: number }) => !before.has(a.id));
    const similar = fresh.filter((a: { kind: string }) => a.kind === 'similar_mark');
    expect(similar).toEqual([
      expect.objectContaining({ rightType: 'trademark', detail: expect.objectContaining({ regNo: '9700002', name: '灵锐康', class: 5, reason: 'sound', similarTo: expect.objectContaining({ name: '羚锐康' }) }) }),
    ]);
    expect(similar[0].watch.label).toContain('近似商标');
    const byArea = fresh.filter((a: { kind: string; watch: { label: string } | null }) => a.kind === 'new_filing' && a.watch?.label.includes('技术领域'));
    expect(byArea.map((a: { detail: { title: string } }) => a.detail.title)).toEqual(['一种他人的透皮贴剂']);
  });

  it('is reviewed yearly: renewed for a year, or the firm leaves the list with a reason', async () => {
    const entry = (await city.get(`/api/protection/key-list/applications?status=listed&q=${encodeURIComponent(FIRM)}`)).data.items[0];
    expect((await city.get('/api/protection/key-list/applications?overdue=1&pageSize=200')).data.items.map((e: { id: number }) => e.id)).not.toContain(entry.id);
    // The public list comes a page at a time.
    const all = (await visitor.get('/api/public/key-list')).data;
    expect(all.total).toBeGreaterThan(1);
    const second = (await visitor.get('/api/public/key-list?page=2&pageSize=1')).data;
    expect(second).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect(second.items).toEqual([all.items[1]]);
    t.clock.set(new Date('2027-12-01T02:00:00Z'));
    city = await t.as('city');
    firm = await t.as('lingrui');
    try {
      expect((await city.get(`/api/protection/key-list/applications/${entry.id}`)).data.reviewOverdue).toBe(true);
      const overdue = (await city.get('/api/protection/key-list/applications?overdue=1&pageSize=200')).data.items;
      expect(overdue.map((e: { id: number }) => e.id)).toContain(entry.id);
      expect(overdue.every((e: { reviewOverdue: boolean }) => e.reviewOverdue)).toBe(true);
      expect((await firm.post(`/api/protection/key-list/applications/${entry.id}/review`, { decision: 'renew' })).statusCode).toBe(403);
      expect((await city.post(`/api/protection/key-list/applications/${entry.id}/review`, { decision: 'exit' })).statusCode).toBe(400);
      const renewed = await city.post(`/api/protection/key-list/applications/${entry.id}/review`, { decision: 'renew' });
      expect(renewed.data).toMatchObject({ status: 'listed', reviewDue: '2028-11-25', reviewOverdue: false });
      const exited = await city.post(`/api/protection/key-list/applications/${entry.id}/review`, { decision: 'exit', reason: '企业申请退出' });
      expect(exited.data).toMatchObject({ status: 'exited', exitReason: '企业申请退出', actions: [] });
      expect((await visitor.get('/api/public/key-list?area=411523')).data.total).toBe(0);
      // Out of the list, the firm may apply again.
      expect((await firm.post('/api/protection/key-list/applications', body())).statusCode).toBe(201);
    } finally {
      t.clock.set(new Date('2026-11-25T02:00:00Z'));
    }
  });

  it('is for enterprises to apply and officers to review', async () => {
    expect((await city.get('/api/protection/key-list/mine')).statusCode).toBe(403);
    expect((await firm.get('/api/protection/key-list/applications')).statusCode).toBe(403);
    const court = await t.as('court');
    expect((await court.post('/api/protection/key-list/applications', body())).statusCode).toBe(403);
  });
});
