import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { PDF } from '../../../../../test/support/protection';
import { postFile } from '../../../../../test/support/registry';
import { caseKey } from '../../../../shared/protection/cases';
import { verifyEvidence } from '../evidence/service';

const COURT_CASE = '（2026）豫15民初88号';

describe('case information sharing', () => {
  let t: TestApp;
  let court: Agent;
  let police: Agent;
  let gushi: Agent;
  let shangtianti: Agent;
  let city: Agent;
  let patentNo: string;

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    [court, police, gushi, shangtianti, city] = (await Promise.all(['court', 'police', 'gushi', 'shangtianti', 'city'].map((u) => t.as(u)))) as [Agent, Agent, Agent, Agent, Agent];
    const [p] = await t.db.query<{ app_no: string }>(`SELECT app_no FROM patents WHERE visibility = 'public' ORDER BY id LIMIT 1`);
    patentNo = `CN${p?.app_no}`;
  });
  afterAll(() => t.close());

  const courtCase = (over: Record<string, unknown> = {}) => ({
    caseNo: COURT_CASE,
    rightType: 'patent',
    procedure: 'civil',
    cause: '侵害发明专利权纠纷',
    parties: [
      { role: 'plaintiff', kind: 'org', name: '信阳市某某新材料有限公司' },
      { role: 'defendant', kind: 'person', name: '张建华' },
    ],
    rights: [{ type: 'patent', number: patentNo }],
    areaCode: '411525',
    filedOn: '2026-03-02',
    stage: 'trial',
    ...over,
  });
  const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ip_cases'))[0]?.n ?? 0;

  it('the court records a case: a person’s name is sealed and masked, the right is found in the data centre, recording it again updates it', async () => {
    const before = await count();
    const made = await court.post('/api/cases', courtCase());
    expect(made.statusCode, made.body).toBe(201);
    expect(made.data).toMatchObject({ source: 'court', sourceOrg: '信阳市中级人民法院', unit: '信阳市中级人民法院', areaName: '固始县', stage: 'trial', duplicates: 0 });
    expect(made.data.parties).toEqual([
      { role: 'plaintiff', kind: 'org', name: '信阳市某某新材料有限公司', uscc: null },
      { role: 'defendant', kind: 'person', name: '张**', uscc: null },
    ]);
    expect(made.data.rights[0].id).toBeGreaterThan(0);
    expect(made.data.rights[0].title).toBeTruthy();
    expect(made.data.actions).toEqual(expect.arrayContaining(['edit', 'attach', 'reveal']));
    const [raw] = await t.db.query<{ parties: unknown }>('SELECT parties FROM ip_cases WHERE id = $1', [made.data.id]);
    expect(JSON.stringify(raw?.parties)).not.toContain('张建华');

    // The same number written with other brackets and widths is the same case: updated, not doubled.
    const again = await court.post('/api/cases', courtCase({ caseNo: '(２０２６)豫15民初88号', stage: 'judged', result: '判决被告停止侵权并赔偿经济损失 20 万元', amount: 200000 }));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.data).toMatchObject({ id: made.data.id, stage: 'judged', amount: 200000 });
    expect(await count()).toBe(before + 1);
    expect(again.data.history.map((e: { payload: { action: string } }) => e.payload.action)).toEqual(['record', 'update']);

    // An edit that sends back the mask it was shown keeps the person's name.
    const edited = await court.put(`/api/cases/${made.data.id}`, { ...courtCase({ stage: 'judged' }), parties: again.data.parties.map((p: Record<string, unknown>) => ({ role: p.role, kind: p.kind, name: p.name })) });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.data.parties[1].name).toBe('张**');

    // Its own organisation may read the name in clear; the act is audited.
    const shown = await court.post(`/api/cases/${made.data.id}/reveal`);
    expect(shown.data.parties[1]).toMatchObject({ kind: 'person', name: '张建华' });
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'cases.reveal' AND target_id = $1`, [String(made.data.id)]);
    expect(audit).toHaveLength(1);
  });

  it('refuses bad input with a clear message and stores nothing', async () => {
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ caseNo: '豫15民初88' }, '年份'],
      [{ caseNo: '（2026）豫15民初第八十八' }, '号'],
      [{ closedOn: '2026-01-01', stage: 'closed' }, '结案日期不能早于立案日期'],
      [{ stage: 'closed' }, '已结案的案件请填写结案日期'],
      [{ filedOn: '2026-02-30' }, '日期不存在'],
      [{ parties: [{ role: 'defendant', kind: 'org', name: '某公司', uscc: '91411500MA00000000' }] }, '信用代码'],
      [{ rights: [{ type: 'patent', number: 'CN2023101234' }] }, '申请号'],
      [{ areaCode: '110000' }, '信阳'],
      [{ parties: [] }, '至少'],
    ];
    for (const [over, word] of cases) {
      const res = await court.post('/api/cases', courtCase({ caseNo: '（2026）豫15民初90号', ...over }));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.body, JSON.stringify(over)).toContain(word);
    }
    expect(await count()).toBe(before);
  });

  it('county desks see their own area only; partners see their own records; other partners cannot record cases', async () => {
    const [row] = await t.db.query<{ id: number }>(`SELECT id::int AS id FROM ip_cases WHERE case_key = $1 AND source_kind = 'court'`, [caseKey(COURT_CASE)]);
    const id = row?.id;
    expect((await gushi.get(`/api/cases/${id}`)).statusCode).toBe(200);
    expect((await shangtianti.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await shangtianti.get('/api/cases?q=豫15民初88')).data.total).toBe(0);
    expect((await gushi.get('/api/cases?q=豫15民初88')).data.total).toBe(1);
    expect((await police.get(`/api/cases/${id}`)).statusCode).toBe(404);

    // A county desk records administrative cases of its own area only.
    const admin = { ...courtCase(), caseNo: '固市监处罚〔2026〕12号', procedure: 'administrative', cause: '销售侵犯注册商标专用权的商品', rightType: 'trademark', rights: [] };
    expect((await gushi.post('/api/cases', { ...admin, areaCode: '411502' })).statusCode).toBe(403);
    const made = await gushi.post('/api/cases', admin);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.data).toMatchObject({ source: 'administrative', sourceOrg: '固始县市场监督管理局' });

    // The justice bureau is a partner, but records no cases.
    const admin2 = await t.as('admin');
    const [justice] = await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE name = '信阳市司法局'`);
    const issued = await admin2.post(`/api/orgs/${justice?.id}/tokens`, { name: '测试', expiresInDays: 1 });
    const machine = t.agent();
    machine.headers.authorization = `Bearer ${issued.data.token}`;
    const refused = await machine.post('/api/cases', courtCase({ caseNo: '（2026）豫15民初91号' }));
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('只有法院、检察院、公安机关');
  });

  it('the court records and reads cases with its organisation’s API token', async () => {
    const admin = await t.as('admin');
    const [org] = await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE name = '信阳市中级人民法院'`);
    const issued = await admin.post(`/api/orgs/${org?.id}/tokens`, { name: '案件信息共享接口', expiresInDays: 30 });
    const machine = t.agent();
    machine.headers.authorization = `Bearer ${issued.data.token}`;
    const made = await machine.post('/api/cases', courtCase({ caseNo: '（2026）豫15知民初7号', rightType: 'trademark', rights: [], cause: '侵害商标权纠纷', areaCode: '411502' }));
    expect(made.statusCode, made.body).toBe(201);
    expect(made.data.history[0].payload).toMatchObject({ action: 'record', via: 'api' });
    const listed = await machine.get('/api/cases?source=court');
    expect(listed.data.items.map((c: { caseNo: string }) => c.caseNo)).toContain('（2026）豫15知民初7号');
    // The court's user sees the token's record too: it is the organisation's.
    expect((await court.get(`/api/cases/${made.data.id}`)).statusCode).toBe(200);
  });

  it('a case number recorded by two sources shows as the same case seen twice', async () => {
    const made = await police.post('/api/cases', courtCase({ unit: '信阳市公安局食药环侦支队', procedure: 'criminal', cause: '假冒专利罪', stage: 'investigating', parties: [{ role: 'suspect', kind: 'person', name: '张建华' }] }));
    expect(made.statusCode, made.body).toBe(201);
    expect(made.data.duplicates).toBe(1);
    // The police see that the court holds the number too, but may not open the court's record.
    expect(made.data.sameNumber).toEqual([expect.objectContaining({ source: 'court', sourceOrg: '信阳市中级人民法院', visible: false })]);
    expect((await city.get(`/api/cases/${made.data.id}`)).data.sameNumber).toEqual([expect.objectContaining({ visible: true })]);
    const dups = await city.get('/api/cases?duplicates=1');
    expect(dups.data.items.filter((c: { caseNo: string }) => c.caseNo.includes('豫15民初88号'))).toHaveLength(2);
    expect((await city.get('/api/cases/stats')).data.duplicateNumbers).toBeGreaterThanOrEqual(1);
  });

  it('an administrative case is transferred to the police, who answer with a receipt and link their case', async () => {
    const [row] = await t.db.query<{ id: number }>(`SELECT id::int AS id FROM ip_cases WHERE case_no = '固市监处罚〔2026〕12号'`);
    const id = row?.id as number;
    const targets = await gushi.get('/api/cases/transfer-targets');
    const to = targets.data.items.find((o: { name: string }) => o.name === '信阳市公安局');
    expect(to).toBeTruthy();
    expect((await court.post(`/api/cases/${id}/transfer`, { toOrgId: to.id, reason: 'x' })).statusCode).toBe(403);
    await t.db.query(`UPDATE users SET email = 'jingzhen@police.example' WHERE username = 'police'`);
    const sent = await gushi.post(`/api/cases/${id}/transfer`, { toOrgId: to.id, reason: '涉案金额超过 5 万元，涉嫌销售假冒注册商标的商品罪' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.data.transfers[0]).toMatchObject({ status: 'sent', toOrg: '信阳市公安局', canAnswer: false });
    expect(sent.data.actions).not.toContain('transfer');
    expect((await gushi.post(`/api/cases/${id}/transfer`, { toOrgId: to.id, reason: '再次' })).statusCode).toBe(409);
    const mail = await t.db.query<{ to_address: string }>(`SELECT to_address FROM outbox WHERE subject LIKE '%移送案件待接收%'`);
    expect(mail.map((m) => m.to_address)).toEqual(['jingzhen@police.example']);

    const incoming = await police.get('/api/cases/transfers/incoming');
    const transfer = incoming.data.items.find((x: { caseId: number }) => x.caseId === id);
    expect(transfer).toMatchObject({ status: 'sent', canAnswer: true, caseNo: '固市监处罚〔2026〕12号', fromUnit: '固始县市场监督管理局', cause: '销售侵犯注册商标专用权的商品' });
    // The police now see the transferred case; the court does not.
    expect((await police.get(`/api/cases/${id}`)).statusCode).toBe(200);
    expect((await court.post(`/api/cases/transfers/${transfer.id}/receive`, { receiptNo: 'X' })).statusCode).toBe(404);
    // Linking needs the police's own record of that number.
    const noCase = await police.post(`/api/cases/transfers/${transfer.id}/receive`, { receiptNo: '信公（经）受字〔2026〕31号', policeCaseNo: '信公（经）立字〔2026〕31号' });
    expect(noCase.statusCode).toBe(400);
    const policeCase = await police.post('/api/cases', { ...courtCase(), caseNo: '信公（经）立字〔2026〕31号', procedure: 'criminal', cause: '销售假冒注册商标的商品罪', rightType: 'trademark', rights: [], stage: 'investigating', parties: [{ role: 'suspect', kind: 'person', name: '李某某' }] });
    expect(policeCase.statusCode, policeCase.body).toBe(201);
    const received = await police.post(`/api/cases/transfers/${transfer.id}/receive`, { receiptNo: '信公（经）受字〔2026〕31号', policeCaseNo: '信公(经)立字[2026]31号' });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.data).toMatchObject({ status: 'received', receiptNo: '信公（经）受字〔2026〕31号', policeCase: { id: policeCase.data.id } });
    expect((await police.post(`/api/cases/transfers/${transfer.id}/refuse`, { reason: '晚了' })).statusCode).toBe(409);

    const seen = await gushi.get(`/api/cases/${id}`);
    expect(seen.data.transfers[0]).toMatchObject({ status: 'received', answeredBy: '何志强' });
    expect(seen.data.linked).toEqual([expect.objectContaining({ id: policeCase.data.id, kind: 'transfer', source: 'police' })]);
    expect(seen.data.history.map((e: { payload: { action: string } }) => e.payload.action)).toEqual(['record', 'transfer', 'transfer-received']);
  });

  it('imports a CSV: one bad row stores nothing and is named; the corrected file stores all; importing again updates', async () => {
    const header = '案号,承办单位,权利类型,案件类型,案由,当事人,涉及权利,管辖县区,立案日期,结案日期,阶段,结果,金额（元）';
    const good1 = `（2026）豫15知民初21号,,商标,民事,侵害商标权纠纷,原告:信阳浉河云雾茶业有限公司;被告:王某,,浉河区,2026-04-01,,审理,,`;
    const good2 = `（2026）豫15知民初22号,,著作权,民事,侵害著作权纠纷,原告:河南某文化传媒有限公司;被告:固始县某某商行,,固始县,2026/4/3,2026-06-30,结案,调解结案,30000`;
    const bad = `（2026）豫15知民初23号,,商标,民事,侵害商标权纠纷,被告:某某,,北京,2026-04-05,,审理,,`;
    const before = await count();
    const refused = await postFile(court, '/api/cases/import', 'cases.csv', [header, good1, good2, bad].join('\n'));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.data.error.message).toContain('1 行有误');
    expect(refused.data.error.details).toEqual([expect.objectContaining({ row: 4, field: '管辖县区' })]);
    expect(await count()).toBe(before);

    const done = await postFile(court, '/api/cases/import', 'cases.csv', [header, good1, good2].join('\n'));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.data).toMatchObject({ rows: 2, created: 2, updated: 0 });
    const listed = await court.get('/api/cases?q=豫15知民初22');
    expect(listed.data.items[0]).toMatchObject({ rightType: 'copyright', stage: 'closed', closedOn: '2026-06-30', filedOn: '2026-04-03', amount: 30000, areaName: '固始县' });
    expect(listed.data.items[0].parties[1]).toMatchObject({ kind: 'org', name: '固始县某某商行' });
    const again = await postFile(court, '/api/cases/import', 'cases.csv', [header, good1, good2].join('\n'));
    expect(again.data).toMatchObject({ created: 0, updated: 2 });
    expect(await count()).toBe(before + 2);
  });

  it('offers an XLSX template that imports as it comes', async () => {
    const res = await court.get('/api/cases/import/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('案件')?.getRow(1).getCell(1).value).toBe('案号');
    const imported = await postFile(court, '/api/cases/import', 'template.xlsx', res.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.data.rows).toBe(1);
  });

  it('keeps attached documents and the history in an intact evidence chain', async () => {
    const [row] = await t.db.query<{ id: number }>(`SELECT id::int AS id FROM ip_cases WHERE case_key = $1 AND source_kind = 'court'`, [caseKey(COURT_CASE)]);
    const attached = await postFile(court, `/api/cases/${row?.id}/files`, '判决书.pdf', PDF);
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.data.files[0]).toMatchObject({ name: '判决书.pdf', mime: 'application/pdf' });
    expect((await postFile(gushi, `/api/cases/${row?.id}/files`, 'x.pdf', PDF)).statusCode).toBe(403);
    const file = await gushi.get(`/api/cases/${row?.id}/files/${attached.data.files[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect((await verifyEvidence(t.ctx)).problems).toEqual([]);
  });
});
