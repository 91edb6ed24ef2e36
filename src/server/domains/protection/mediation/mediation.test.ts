import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCourtCaseNo } from '../../../../shared/protection/mediation';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { PDF, PNG, proof, uploadEvidence } from '../../../../../test/support/protection';
import { postFile } from '../../../../../test/support/registry';
import { verifyEvidence } from '../evidence/service';
import { dailyReminders } from '../reports/service';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const VALID_ID = '11010519491231002X';

/** A case as a court's case system sends it. */
const referral = (overrides: Record<string, unknown> = {}) => ({
  rightKind: 'trademark',
  rightRef: '第12345678号',
  claims: '被申请人停止销售侵权商品，赔偿损失 50,000 元。',
  facts: '申请人系注册商标权利人，被申请人在固始县门店销售假冒商品。',
  amount: 50000,
  applicants: [{ kind: 'org', name: '测试茶业有限公司', address: '河南省信阳市浉河区' }],
  respondents: [{ kind: 'person', name: '张三丰', phone: '13812345678', idNumber: VALID_ID, address: '河南省信阳市固始县城关镇蓼城大道1号' }],
  courtCaseNo: '(2026)豫15民初123号',
  judge: '郑法官',
  ...overrides,
});

describe('rights-protection assistance and mediation', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;
  let zone: Agent;
  let courtUser: Agent;
  let lingrui: Agent;
  let court: Agent;
  let courtOrg: string;
  let gushiCourt: Agent;
  let prosecutor: Agent;
  let bodyId: number;
  let mediatorId: number;
  let base: { total: number; byOutcome: Record<string, number>; settledAmount: number };

  const audited = async (action: string, id: number, result = 'ok') =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target_id = $2 AND result = $3', [action, String(id), result]))[0]?.n ?? 0;

  /** A bearer-token client of an organisation, as its case system would be. */
  const machineOf = async (orgId: string, name: string) => {
    const admin = await t.as('admin');
    const issued = await admin.post(`/api/orgs/${orgId}/tokens`, { name, expiresInDays: 30 });
    expect(issued.statusCode, issued.body).toBe(201);
    const a = t.agent();
    a.headers.authorization = `Bearer ${issued.data.token}`;
    return a;
  };

  /** Moves the clock; sessions would idle out over the jump, so everyone signs in again. */
  const moveClock = async (iso: string) => {
    t.clock.set(new Date(iso));
    city = await t.as('city');
    gushi = await t.as('gushi');
    zone = await t.as('shangtianti');
    courtUser = await t.as('court');
    lingrui = await t.as('lingrui');
  };

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    await moveClock('2026-11-25T02:00:00Z');
    await t.db.query("UPDATE users SET email = username || '@example.invalid' WHERE username IN ('court', 'gushi', 'city', 'lingrui')");
    const orgId = async (name: string) => (await t.db.query<{ id: string }>('SELECT id::text AS id FROM organisations WHERE name = $1', [name]))[0]?.id as string;
    courtOrg = await orgId('信阳市中级人民法院');
    court = await machineOf(courtOrg, '审判管理系统');
    prosecutor = await machineOf(await orgId('信阳市人民检察院'), '检察业务系统');
    const admin = await t.as('admin');
    const other = await admin.post('/api/orgs', { name: '固始县人民法院', kind: 'partner', areaCode: '411525' });
    expect(other.statusCode, other.body).toBe(201);
    gushiCourt = await machineOf(other.data.id, '固始法院系统');
    const dir = (await city.get('/api/protection/mediation/bodies')).data;
    const body = dir.bodies.find((b: { name: string }) => b.name === '信阳市知识产权纠纷人民调解委员会');
    bodyId = body.id;
    mediatorId = body.mediators[0].id;
    base = (await city.get('/api/protection/mediation/stats')).data;
  });
  afterAll(() => t.close());

  it('reads court case numbers as courts write them and refuses others', () => {
    expect(parseCourtCaseNo('(2026)豫15民初123号')).toEqual({ ok: true, canonical: '（2026）豫15民初123号' });
    expect(parseCourtCaseNo('〔2026〕豫1525民诉前调 7 号')).toEqual({ ok: true, canonical: '（2026）豫1525民诉前调7号' });
    expect(parseCourtCaseNo('（２０２６）最高法知民终１号')).toEqual({ ok: true, canonical: '（2026）最高法知民终1号' });
    for (const bad of ['2026豫15民初123号', '(2026)豫15民初123', '(26)豫15民初123号', '(2026)XY15民初123号', '']) expect(parseCourtCaseNo(bad).ok, bad).toBe(false);
  });

  it('a court refers a case by token; the city office assigns, holds a session and settles it; the court reads the outcome and the agreement', async () => {
    // The court's case system refers the case; the county named in the respondent's address gets it.
    const sent = await court.post('/api/protection/mediation/referrals', referral());
    expect(sent.statusCode, sent.body).toBe(201);
    const c = sent.data;
    expect(c).toMatchObject({ source: 'court', status: 'received', courtCaseNo: '（2026）豫15民初123号', areaCode: '411525', court: { id: courtOrg, name: '信阳市中级人民法院' } });
    expect(c.ref).toMatch(/^TJ2026-\d{4}$/);
    // The court's 30 days run from the referral; assignment within 3 working days (Wed → Mon).
    expect(c).toMatchObject({ assignDue: '2026-11-30', mediationDue: '2026-12-25', actions: [] });
    // The parties' personal data is masked even for the court.
    expect(c.respondents).toBe('张**');
    expect(c.parties.find((p: { role: string }) => p.role === 'respondent')).toMatchObject({ name: '张**', phone: '138****5678', idNumber: '1101**********002X' });
    const id: number = c.id;

    // The same court case number again is the same referral.
    const again = await court.post('/api/protection/mediation/referrals', referral({ courtCaseNo: '（2026）豫15民初123号' }));
    expect(again.statusCode).toBe(409);

    // The Gushi desk is told (no personal data in the mail) and sees it; another county does not.
    const [mail] = await t.db.query<{ subject: string; body: string }>("SELECT subject, body FROM outbox WHERE to_address = 'gushi@example.invalid' AND subject LIKE '%' || $1", [c.ref]);
    expect(mail?.subject).toContain('法院委派的诉前调解');
    expect(mail?.body).not.toMatch(/张三丰|13812345678/);
    expect((await gushi.get('/api/protection/mediation/cases')).data.items.some((i: { id: number }) => i.id === id)).toBe(true);
    expect((await zone.get(`/api/protection/mediation/cases/${id}`)).statusCode).toBe(404);
    expect((await zone.get('/api/protection/mediation/cases')).data.items.some((i: { id: number }) => i.id === id)).toBe(false);
    // Another partner (the procuratorate) and another court do not see it.
    expect((await prosecutor.get(`/api/protection/mediation/cases/${id}`)).statusCode).toBe(404);
    expect((await gushiCourt.get(`/api/protection/mediation/cases/${id}`)).statusCode).toBe(404);
    expect((await gushiCourt.get('/api/protection/mediation/referrals')).data.items).toEqual([]);
    // A partner that is not a court cannot refer.
    expect((await prosecutor.post('/api/protection/mediation/referrals', referral({ courtCaseNo: '(2026)豫15民初999号' }))).statusCode).toBe(403);

    // Steps out of order are refused with 409, and the refusal is on the audit log with who and why.
    const early = await city.post(`/api/protection/mediation/cases/${id}/close`, { outcome: 'not_settled', note: '未调解' });
    expect(early.statusCode).toBe(409);
    expect(await audited('protection.mediation.close', id, 'denied')).toBe(1);
    const [refused] = await t.db.query<{ actor_name: string; details: { reason: string; status: string } }>(
      "SELECT actor_name, details FROM audit_log WHERE action = 'protection.mediation.close' AND result = 'denied' AND target_id = $1",
      [String(id)],
    );
    expect(refused).toMatchObject({ actor_name: 'city', details: { status: 'received' } });
    expect(refused?.details.reason).toMatch(/cannot/);
    expect((await city.post(`/api/protection/mediation/cases/${id}/sessions`, { scheduledAt: '2026-11-26T09:30:00+08:00', place: '调解室' })).statusCode).toBe(409);

    // Assign to the body and a mediator; the handler is the officer.
    let d = (await city.post(`/api/protection/mediation/cases/${id}/assign`, { bodyId, mediatorId, note: '交市调委会调解' })).data;
    expect(d).toMatchObject({ status: 'assigned', body: { id: bodyId }, handler: '李文博', mediationDue: '2026-12-25' });
    expect(d.actions).toEqual(expect.arrayContaining(['schedule', 'close', 'withdraw', 'attach', 'transfer', 'reveal']));
    // A settlement needs a session held.
    const noSession = await city.post(`/api/protection/mediation/cases/${id}/close`, { outcome: 'settled', note: '达成协议', agreementFileId: 1 });
    expect(noSession.statusCode).toBe(409);

    // Schedule a session; it cannot be recorded before it is held.
    d = (await city.post(`/api/protection/mediation/cases/${id}/sessions`, { scheduledAt: '2026-11-27T09:30:00+08:00', place: '市知识产权纠纷人民调解委员会第一调解室', attendees: '双方当事人' })).data;
    const session = d.sessions[0];
    expect(session).toMatchObject({ seq: 1, status: 'scheduled', online: false });
    expect(d.actions).toContain('record');
    const tooEarly = await city.post(`/api/protection/mediation/cases/${id}/sessions/${session.id}/record`, { minutes: '双方到场' });
    expect(tooEarly.statusCode).toBe(422);
    await moveClock('2026-11-27T06:00:00Z');
    d = (await city.post(`/api/protection/mediation/cases/${id}/sessions/${session.id}/record`, { minutes: '双方到场，经调解达成一致。' })).data;
    expect(d.status).toBe('in_mediation');
    expect((await city.post(`/api/protection/mediation/cases/${id}/sessions/${session.id}/record`, { minutes: '再次记录' })).statusCode).toBe(409);

    // Settled needs the agreement: left out it is a 400; a file of another case is refused too.
    const missing = await city.post(`/api/protection/mediation/cases/${id}/close`, { outcome: 'settled', note: '达成协议' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.data.error.details)).toContain('agreementFileId');
    const foreign = await city.post(`/api/protection/mediation/cases/${id}/close`, { outcome: 'settled', note: '达成协议', agreementFileId: 1 });
    expect(foreign.statusCode).toBe(400);
    const up = await postFile(city, `/api/protection/mediation/cases/${id}/files?purpose=agreement`, '调解协议书.pdf', PDF);
    expect(up.statusCode, up.body).toBe(200);
    const agreement = up.data.files.find((f: { purpose: string }) => f.purpose === 'agreement');
    d = (await city.post(`/api/protection/mediation/cases/${id}/close`, { outcome: 'settled', note: '被申请人赔偿 30,000 元并下架商品。', agreementFileId: agreement.id, settledAmount: 30000 })).data;
    expect(d).toMatchObject({ status: 'closed', outcome: 'settled', settledAmount: 30000, agreement: { id: agreement.id, name: '调解协议书.pdf' } });
    expect(d.confirmationDetail.requestDue).toBe('2026-12-27');
    expect(d.actions).toContain('confirm-request');

    // The court is told, and reads the outcome and downloads the agreement, by token and as its user.
    const told = await t.db.query<{ subject: string }>("SELECT subject FROM outbox WHERE to_address = 'court@example.invalid' AND subject LIKE '%' || $1", [c.ref]);
    expect(told.map((m) => m.subject)).toEqual([`【信知】调解结果：调解成功 ${c.ref}`]);
    const seen = (await court.get(`/api/protection/mediation/cases/${id}`)).data;
    expect(seen).toMatchObject({ status: 'closed', outcome: 'settled', outcomeNote: '被申请人赔偿 30,000 元并下架商品。' });
    const listed = (await courtUser.get('/api/protection/mediation/referrals')).data;
    expect(listed.court).toMatchObject({ name: '信阳市中级人民法院' });
    expect(listed.items.find((i: { id: number }) => i.id === id)).toMatchObject({ outcome: 'settled' });
    const file = await courtUser.get(`/api/protection/mediation/cases/${id}/files/${agreement.id}`);
    expect(file.statusCode).toBe(200);
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(sha(file.rawPayload)).toBe(sha(PDF));
    expect((await prosecutor.get(`/api/protection/mediation/cases/${id}/files/${agreement.id}`)).statusCode).toBe(404);

    // Judicial confirmation: asked by the office, ruled on by the court (a ruling date in the future is refused).
    d = (await city.post(`/api/protection/mediation/cases/${id}/confirmation/request`, { note: '双方共同申请' })).data;
    expect(d.confirmation).toBe('requested');
    expect((await court.get(`/api/protection/mediation/cases/${id}`)).data.actions).toEqual(['confirm-result']);
    // Only the court (or the office) records the ruling: not a firm, not another court.
    expect((await lingrui.post(`/api/protection/mediation/cases/${id}/confirmation/result`, { confirmed: true, rulingNo: '(2026)豫15民特12号', decidedOn: '2026-11-27' })).statusCode).toBe(403);
    expect((await gushiCourt.post(`/api/protection/mediation/cases/${id}/confirmation/result`, { confirmed: true, rulingNo: '(2026)豫15民特12号', decidedOn: '2026-11-27' })).statusCode).toBe(404);
    const future = await court.post(`/api/protection/mediation/cases/${id}/confirmation/result`, { confirmed: true, rulingNo: '(2026)豫15民特12号', decidedOn: '2027-01-05' });
    expect(future.statusCode).toBe(422);
    const badNo = await court.post(`/api/protection/mediation/cases/${id}/confirmation/result`, { confirmed: true, rulingNo: '民特12号', decidedOn: '2026-11-27' });
    expect(badNo.statusCode).toBe(400);
    const noDate = await court.post(`/api/protection/mediation/cases/${id}/confirmation/result`, { confirmed: true, rulingNo: '(2026)豫15民特12号', decidedOn: '2026-02-30' });
    expect(noDate.statusCode).toBe(400);
    d = (await court.post(`/api/protection/mediation/cases/${id}/confirmation/result`, { confirmed: true, rulingNo: '(2026)豫15民特12号', decidedOn: '2026-11-27' })).data;
    expect(d).toMatchObject({ confirmation: 'confirmed', confirmationDetail: { rulingNo: '（2026）豫15民特12号', date: '2026-11-27' } });
    expect((await court.post(`/api/protection/mediation/cases/${id}/confirmation/result`, { confirmed: false, rulingNo: '(2026)豫15民特13号', decidedOn: '2026-11-27' })).statusCode).toBe(409);

    // Every step is audited and in the case's chain, which verifies.
    for (const a of ['refer', 'assign', 'schedule', 'record', 'attach', 'close', 'confirm-request', 'confirm-result']) expect(await audited(`protection.mediation.${a}`, id), a).toBe(1);
    const states = d.history.filter((h: { kind: string }) => h.kind === 'state').map((h: { payload: { to: string } }) => h.payload.to);
    expect(states).toEqual(['received', 'assigned', 'assigned', 'in_mediation', 'closed', 'closed', 'closed']);
    expect((await verifyEvidence(t.ctx)).ok).toBe(true);
    await moveClock('2026-11-25T02:00:00Z');
  });

  it('ends cases as not settled, sent to court, and withdrawn; the court sees the one sent to it', async () => {
    const make = async (respondentAddress: string) => {
      const res = await city.post('/api/protection/mediation/cases', {
        kind: 'mediation',
        rightKind: 'patent',
        rightRef: '2019100000000',
        claims: '停止侵权',
        facts: '被申请人仿制专利产品。',
        applicants: [{ kind: 'person', name: '赵六', phone: '13900001111' }],
        respondents: [{ kind: 'org', name: '某建材厂', uscc: '91411500MA00000000'.slice(0, 17) + 'X', address: respondentAddress }],
      });
      return res;
    };
    // A wrong credit code is named by field.
    const badUscc = await make('河南省信阳市上天梯管理区');
    expect(badUscc.statusCode).toBe(400);
    expect(JSON.stringify(badUscc.data.error.details)).toContain('respondents.0.uscc');

    const create = async (address: string) => {
      const res = await city.post('/api/protection/mediation/cases', {
        kind: 'mediation',
        rightKind: 'patent',
        claims: '停止侵权',
        facts: '被申请人仿制专利产品。',
        applicants: [{ kind: 'person', name: '赵六', phone: '13900001111' }],
        respondents: [{ kind: 'org', name: '某建材厂', address }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.data.id as number;
    };
    const [a, b, w] = [await create('河南省信阳市上天梯管理区'), await create('河南省信阳市平桥区'), await create('河南省信阳市平桥区')];
    expect((await zone.get(`/api/protection/mediation/cases/${a}`)).data.areaCode).toBe('shangtianti');

    // Not settled straight from assignment (the respondent refused to mediate).
    await city.post(`/api/protection/mediation/cases/${a}/assign`, { bodyId });
    let d = (await city.post(`/api/protection/mediation/cases/${a}/close`, { outcome: 'not_settled', note: '被申请人拒绝调解' })).data;
    expect(d).toMatchObject({ status: 'closed', outcome: 'not_settled', court: null });
    expect((await city.post(`/api/protection/mediation/cases/${a}/assign`, { bodyId })).statusCode).toBe(409);
    expect((await city.post(`/api/protection/mediation/cases/${a}/withdraw`, { reason: '撤回' })).statusCode).toBe(409);

    // Sent to court: a court must be named (the case came from no court), and must be a court.
    await city.post(`/api/protection/mediation/cases/${b}/assign`, {});
    expect((await city.post(`/api/protection/mediation/cases/${b}/close`, { outcome: 'litigation', note: '调解不成' })).statusCode).toBe(422);
    const notCourt = (await t.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE name = '信阳市公安局'"))[0]?.id;
    expect((await city.post(`/api/protection/mediation/cases/${b}/close`, { outcome: 'litigation', note: '调解不成', courtOrgId: notCourt })).statusCode).toBe(400);
    d = (await city.post(`/api/protection/mediation/cases/${b}/close`, { outcome: 'litigation', note: '调解不成，申请人起诉', courtOrgId: courtOrg })).data;
    expect(d).toMatchObject({ outcome: 'litigation', court: { id: courtOrg } });
    expect((await courtUser.get(`/api/protection/mediation/cases/${b}`)).data).toMatchObject({ outcome: 'litigation', source: 'officer' });

    // Withdrawn before assignment.
    d = (await city.post(`/api/protection/mediation/cases/${w}/withdraw`, { reason: '双方自行和解' })).data;
    expect(d).toMatchObject({ status: 'closed', outcome: 'withdrawn', outcomeNote: '双方自行和解' });
    expect((await courtUser.get(`/api/protection/mediation/cases/${w}`)).statusCode).toBe(404);

    const stats = (await city.get('/api/protection/mediation/stats')).data;
    for (const o of ['not_settled', 'litigation', 'withdrawn']) expect(stats.byOutcome[o], o).toBe((base.byOutcome[o] ?? 0) + 1);
    expect(stats.byOutcome.settled).toBe((base.byOutcome.settled ?? 0) + 1);
    expect(stats.settledAmount).toBe(base.settledAmount + 30000);
    expect(stats.total).toBe(base.total + 4);
    expect(stats.settlementRate).toBeGreaterThan(0);
    expect(stats.averageDays).not.toBeNull();
  });

  it('refuses bad input with the field named', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await courtUser.post('/api/protection/mediation/referrals', referral(body));
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(JSON.stringify(res.data.error.details), field).toContain(field);
    };
    await bad({ courtCaseNo: '豫15民初123号' }, 'courtCaseNo');
    await bad({ respondents: [] }, 'respondents');
    await bad({ respondents: [{ kind: 'person', name: '李四', phone: '12345' }] }, 'respondents.0.phone');
    await bad({ respondents: [{ kind: 'person', name: '李四', idNumber: '110105194912310021' }] }, 'respondents.0.idNumber');
    await bad({ respondents: [{ kind: 'org', name: '某公司', idNumber: VALID_ID }] }, 'respondents.0.idNumber');
    await bad({ amount: -1 }, 'amount');
    await bad({ areaCode: '999999' }, 'areaCode');
    await bad({ unknownField: 1 }, 'unknownField');
    // Session times are checked: not ISO, or before the case was received.
    const id = (await courtUser.post('/api/protection/mediation/referrals', referral({ courtCaseNo: '(2026)豫15民初124号' }))).data.id;
    await city.post(`/api/protection/mediation/cases/${id}/assign`, {});
    expect((await city.post(`/api/protection/mediation/cases/${id}/sessions`, { scheduledAt: '27/11/2026 9:30', place: '调解室' })).statusCode).toBe(400);
    expect((await city.post(`/api/protection/mediation/cases/${id}/sessions`, { scheduledAt: '2026-01-01T09:30:00+08:00', place: '调解室' })).statusCode).toBe(422);
    // A mediator of another body, an inactive body.
    const dir = (await city.get('/api/protection/mediation/bodies')).data;
    const otherMediator = dir.bodies.find((b: { id: number; mediators: unknown[] }) => b.id !== bodyId && b.mediators.length > 0).mediators[0].id;
    expect((await city.post(`/api/protection/mediation/cases/${id}/assign`, { bodyId, mediatorId: otherMediator })).statusCode).toBe(400);
    expect((await city.post(`/api/protection/mediation/cases/${id}/assign`, { mediatorId })).statusCode).toBe(400);
    // Extensions are capped (30 days by default).
    expect((await city.post(`/api/protection/mediation/cases/${id}/extend`, { days: 20, reason: '双方同意延长' })).data.mediationDue).toBe('2027-01-14');
    expect((await city.post(`/api/protection/mediation/cases/${id}/extend`, { days: 20, reason: '再延长' })).statusCode).toBe(422);
  });

  it('seals the parties’ personal data, masks it, and reveals it only as an audited act', async () => {
    const sent = await courtUser.post('/api/protection/mediation/referrals', referral({ courtCaseNo: '(2026)豫15民初200号' }));
    const id = sent.data.id as number;
    const rows = await t.db.query<Record<string, unknown>>('SELECT * FROM mediation_parties WHERE case_id = $1', [id]);
    const stored = JSON.stringify(rows);
    for (const clear of ['张三丰', '13812345678', VALID_ID]) expect(stored).not.toContain(clear);
    const list = (await gushi.get('/api/protection/mediation/cases?q=(2026)豫15民初200号')).data;
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toMatch(/张三丰|13812345678/);
    expect((await courtUser.post(`/api/protection/mediation/cases/${id}/reveal`, {})).statusCode).toBe(403);
    const shown = await gushi.post(`/api/protection/mediation/cases/${id}/reveal`, {});
    expect(shown.statusCode).toBe(200);
    expect(shown.data.parties.find((p: { role: string }) => p.role === 'respondent')).toMatchObject({ name: '张三丰', phone: '13812345678', idNumber: VALID_ID });
    expect(await audited('protection.mediation.reveal', id)).toBe(1);
    const [log] = await t.db.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'protection.mediation.reveal' ORDER BY id DESC LIMIT 1");
    expect(JSON.stringify(log?.details)).not.toContain('13812345678');
    expect((await zone.post(`/api/protection/mediation/cases/${id}/reveal`, {})).statusCode).toBe(404);
  });

  it('takes applications from the public with a tracking code and from a signed-in firm', async () => {
    const visitor = t.agent();
    const up = await uploadEvidence(visitor, '包装照片.png', PNG);
    const body = {
      kind: 'assistance',
      rightKind: 'copyright',
      claims: '请求调解，要求署名并支付使用费。',
      facts: '被申请人在茶叶礼盒上使用本人摄影作品。',
      applicants: [{ kind: 'person', name: '王思远', phone: '13903761234', address: '河南省信阳市浉河区' }],
      respondents: [{ kind: 'org', name: '某茶叶店', address: '河南省信阳市浉河区湖东街道' }],
      files: [up.data.uploadToken],
    };
    // A phone is needed to reach the applicant.
    const noPhone = await visitor.post('/api/public/mediation', { ...body, applicants: [{ kind: 'person', name: '王思远' }], ...(await proof(visitor)) });
    expect(noPhone.statusCode).toBe(400);
    expect(JSON.stringify(noPhone.data.error.details)).toContain('applicants.0.phone');
    const sent = await visitor.post('/api/public/mediation', { ...body, ...(await proof(visitor)) });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.data).toMatchObject({ files: 1, acceptDue: '2026-11-30' });
    const tracked = await visitor.post('/api/public/mediation/track', { code: sent.data.trackingCode });
    expect(tracked.data).toMatchObject({ status: 'received', kind: 'assistance', areaName: '浉河区', bodyName: null });
    expect(JSON.stringify(tracked.data)).not.toMatch(/王思远|13903761234/);
    const a = await visitor.post('/api/public/mediation/track', { code: 'ABCD-EFGH-JKMN-PQRS-TVWX' });
    expect(a.statusCode).toBe(404);

    // The firm applies as itself; it sees its own case and, once settled, only the agreement.
    const applied = await lingrui.post('/api/protection/mediation/applications', {
      kind: 'mediation',
      rightKind: 'trademark',
      claims: '停止销售假冒“羚锐”膏药',
      facts: '网店销售假冒商品。',
      respondents: [{ kind: 'org', name: '某网店' }],
      contactName: '王晓峰',
      contactPhone: '13903761111',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.data).toMatchObject({ source: 'online', applicants: '河南羚锐制药股份有限公司', areaCode: '411523', filedBy: '河南羚锐制药股份有限公司' });
    expect(applied.data.parties[0]).toMatchObject({ kind: 'org', contact: '王**', phone: '139****1111' });
    const mine = (await lingrui.get('/api/protection/mediation/mine')).data;
    expect(mine.items.some((i: { id: number }) => i.id === applied.data.id)).toBe(true);
    // It does not see cases it did not file, nor the office's list.
    const someoneElses = (await city.get('/api/protection/mediation/cases?source=court')).data.items[0].id;
    expect((await lingrui.get(`/api/protection/mediation/cases/${someoneElses}`)).statusCode).toBe(404);
    expect((await lingrui.get('/api/protection/mediation/cases')).statusCode).toBe(403);
  });

  it('flags overdue cases with a moved clock, lists them first, and mails handlers and desks', async () => {
    const fresh = await courtUser.post('/api/protection/mediation/referrals', referral({ courtCaseNo: '(2026)豫15民初300号' }));
    const id = fresh.data.id as number;
    await moveClock('2026-12-02T02:00:00Z');
    try {
      const late = (await gushi.get('/api/protection/mediation/cases?overdue=1')).data;
      expect(late.items.find((i: { id: number }) => i.id === id)).toMatchObject({ due: { stage: 'assign', date: '2026-11-30', overdue: true } });
      expect(late.items.every((i: { due: { overdue: boolean } }) => i.due.overdue)).toBe(true);
      const all = (await gushi.get('/api/protection/mediation/cases')).data.items;
      const firstOnTime = all.findIndex((i: { due: { overdue: boolean } }) => !i.due.overdue);
      expect(all.slice(firstOnTime).some((i: { due: { overdue: boolean } }) => i.due.overdue)).toBe(false);
      expect((await gushi.get('/api/protection/mediation/stats')).data.overdue).toBeGreaterThan(0);

      const daily = await dailyReminders(t.ctx);
      expect(daily.mediationDue).toBeGreaterThan(0);
      // The desk may also get a handler's digest (demo cases move with the date), so pick the one naming this case.
      const [digest] = await t.db.query<{ body: string }>(
        "SELECT body FROM outbox WHERE to_address = 'gushi@example.invalid' AND subject LIKE '%调解案件期限提醒%' AND body LIKE '%' || $1 || '%'",
        [fresh.data.ref],
      );
      expect(digest?.body).toContain(`${fresh.data.ref}　分派期限 2026-11-30（已逾期）`);
      expect(digest?.body).not.toMatch(/1[3-9]\d{9}/);
    } finally {
      await moveClock('2026-11-25T02:00:00Z');
    }
  });

  it('lets the city office manage the directory and deadlines; a county desk only reads them', async () => {
    const add = await city.post('/api/protection/mediation/bodies', { name: '罗山县知识产权纠纷调解室', kind: 'mediation', areaCode: '411521', phone: '0376-2100000' });
    expect(add.statusCode, add.body).toBe(201);
    expect((await city.post('/api/protection/mediation/bodies', { name: '罗山县知识产权纠纷调解室', kind: 'mediation', areaCode: '411521' })).statusCode).toBe(409);
    expect((await gushi.post('/api/protection/mediation/bodies', { name: '固始县另一调解室', kind: 'mediation', areaCode: '411525' })).statusCode).toBe(403);
    const withMediator = await city.post(`/api/protection/mediation/bodies/${add.data.id}/mediators`, { name: '钱调解', specialities: ['patent'], phone: '13912340000' });
    expect(withMediator.statusCode, withMediator.body).toBe(201);
    const m = withMediator.data.mediators[0];
    expect(m.phone).toBe('139****0000');
    const [row] = await t.db.query<Record<string, unknown>>('SELECT * FROM mediators WHERE id = $1', [m.id]);
    expect(JSON.stringify(row)).not.toContain('13912340000');
    expect((await gushi.post(`/api/protection/mediation/mediators/${m.id}/reveal`, {})).data.phone).toBe('13912340000');
    expect(await audited('protection.mediation.mediator.reveal', m.id)).toBe(1);

    // A deactivated body takes no new cases.
    const off = await city.put(`/api/protection/mediation/bodies/${add.data.id}`, { name: '罗山县知识产权纠纷调解室', kind: 'mediation', areaCode: '411521', active: false });
    expect(off.data.active).toBe(false);
    expect(await audited('protection.mediation.body.deactivate', add.data.id)).toBe(1);
    const id = (await courtUser.post('/api/protection/mediation/referrals', referral({ courtCaseNo: '(2026)豫15民初400号' }))).data.id;
    expect((await city.post(`/api/protection/mediation/cases/${id}/assign`, { bodyId: add.data.id })).statusCode).toBe(422);

    // Deadlines: only the city office changes them; a new case follows the new rule.
    const current = (await gushi.get('/api/protection/mediation/settings')).data;
    expect(current).toMatchObject({ assignWorkingDays: 3, mediationDays: 30, courtMediationDays: 30 });
    expect((await gushi.put('/api/protection/mediation/settings', { ...current, assignWorkingDays: 5 })).statusCode).toBe(403);
    expect((await city.put('/api/protection/mediation/settings', { ...current, assignWorkingDays: 0 })).statusCode).toBe(400);
    expect((await city.put('/api/protection/mediation/settings', { ...current, assignWorkingDays: 5, courtMediationDays: 15 })).statusCode).toBe(200);
    const next = (await courtUser.post('/api/protection/mediation/referrals', referral({ courtCaseNo: '(2026)豫15民初401号' }))).data;
    expect(next).toMatchObject({ assignDue: '2026-12-02', mediationDue: '2026-12-10' });
    await city.put('/api/protection/mediation/settings', current);
  });
});
