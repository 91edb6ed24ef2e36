import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { PDF, PNG, fileReport } from '../../../../../test/support/protection';
import { postFile } from '../../../../../test/support/registry';
import { verifyEvidence } from '../evidence/service';
import { dailyReminders } from '../reports/service';

// A synthetic person: the ID number has a valid check character but belongs to no one.
const NAME = '赵大勇';
const ID = '411525198507040035';
const PHONE = '13903761234';
const HOME = '河南省信阳市固始县城关镇蓼城大道88号院2号楼301室';
const PERSON = { kind: 'natural_person', name: NAME, idNumber: ID, phone: PHONE, address: HOME };
const FIRM = { kind: 'organisation', name: '固始县瑞丰食品有限公司（测试）', uscc: '91411525MA9GK3L2PP', address: '河南省信阳市固始县蓼城大道200号' };

const decision = (overrides: Record<string, unknown> = {}) => ({
  decisionNo: '固市监处罚〔2026〕101号',
  kinds: ['order_stop', 'fine', 'confiscate_goods'],
  party: PERSON,
  facts: `经查，当事人${NAME}（身份证号码${ID}，手机${PHONE}）在固始县城关镇蓼城大道88号门店销售假冒“信阳毛尖”茶叶45千克。证人：钱小芳。当事人住${HOME}。`,
  provisions: '《中华人民共和国商标法》第五十七条第（一）项',
  basis: '《中华人民共和国商标法》第六十条第二款',
  penalty: `1. 责令${NAME}立即停止侵权行为；2. 没收侵权茶叶45千克；3. 罚款20000元。`,
  fineAmount: 20000,
  otherNames: ['钱小芳'],
  decidedOn: '2026-11-20',
  authority: '固始县市场监督管理局',
  areaCode: '411525',
  ...overrides,
});

describe('enforcement disclosure (行政执法公示)', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;
  let zone: Agent;
  let visitor: Agent;
  let personId = 0;

  beforeAll(async () => {
    // Wednesday 25 November 2026, 10:00 in Xinyang.
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    city = await t.as('city');
    gushi = await t.as('gushi');
    zone = await t.as('shangtianti');
    visitor = t.agent();
    await t.db.query("UPDATE users SET email = 'gushi.desk@example.invalid' WHERE username = 'gushi'");
  });
  afterAll(() => t.close());

  const audited = async (action: string, id: number) =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target_id = $2', [action, String(id)]))[0]?.n ?? 0;
  const url = (id: number, rest = '') => `/api/protection/disclosures/${id}${rest}`;
  const attach = (agent: Agent, id: number, category: string, name: string, content: Buffer) => postFile(agent, url(id, `/files?category=${category}`), name, content);

  it('carries a decision against a natural person from draft through legal review to publication, masked on the public side', async () => {
    const created = await gushi.post('/api/protection/disclosures', decision());
    expect(created.statusCode, created.body).toBe(201);
    const id: number = created.data.id;
    personId = id;
    // Seven working days from Friday 20 November.
    expect(created.data).toMatchObject({
      status: 'draft',
      publishDue: '2026-12-01',
      overdue: false,
      reviewed: false,
      areaName: '固始县',
      party: { kind: 'natural_person', name: '赵**', idNumber: '4115**********0035', phone: '139****1234', address: '河南省信阳市固始县城关镇' },
      otherNames: ['钱**'],
    });
    expect(created.data.actions).toEqual(['edit', 'review', 'attach', 'reveal']);
    // Sealed at rest: nothing of the person in clear in the row.
    const [row] = await t.db.query<Record<string, unknown>>('SELECT * FROM enforcement_decisions WHERE id = $1', [id]);
    const stored = JSON.stringify({ ...row, facts: null, penalty: null });
    for (const secret of [NAME, ID, PHONE, HOME, '钱小芳']) expect(stored).not.toContain(secret);

    // The same number written with other brackets is the same decision.
    const again = await gushi.post('/api/protection/disclosures', decision({ decisionNo: '固市监处罚(2026)101号' }));
    expect(again.statusCode).toBe(409);

    // Publishing is refused until the legal review is recorded, whatever the digest.
    const early = await gushi.get(url(id, '/preview'));
    expect(early.statusCode, early.body).toBe(200);
    expect(early.data.warnings).toEqual(['no_process_record']);
    const refused = await gushi.post(url(id, '/publish'), { digest: early.data.digest });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('法制审核');
    expect((await visitor.get('/api/public/enforcement?q=101')).data.total).toBe(0);

    // The review needs its record uploaded first, and cannot postdate the decision.
    expect((await gushi.post(url(id, '/review'), { reviewer: '黄志远', opinion: '同意', reviewedOn: '2026-11-19', fileId: 999999 })).statusCode).toBe(400);
    const withReview = await attach(gushi, id, 'review', '法制审核意见书.pdf', PDF);
    expect(withReview.statusCode, withReview.body).toBe(200);
    const photo = await attach(gushi, id, 'process', '现场检查照片.png', PNG);
    expect(photo.data.files.map((f: { name: string; category: string }) => [f.name, f.category])).toEqual([
      ['法制审核意见书.pdf', 'review'],
      ['现场检查照片.png', 'process'],
    ]);
    const fileId = withReview.data.files[0].id;
    const late = await gushi.post(url(id, '/review'), { reviewer: '黄志远', opinion: '同意', reviewedOn: '2026-11-23', fileId });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('审核日期不能晚于决定日期');
    const reviewed = await gushi.post(url(id, '/review'), { reviewer: '黄志远', unit: '法制股', opinion: '事实清楚，证据确凿，同意。', reviewedOn: '2026-11-19', fileId });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.data).toMatchObject({ status: 'reviewed', review: { reviewer: '黄志远', reviewedOn: '2026-11-19', fileId, recordedBy: '周建国' } });
    expect(reviewed.data.actions).toContain('publish');
    expect((await gushi.post(url(id, '/review'), { reviewer: '黄志远', opinion: '同意', reviewedOn: '2026-11-19', fileId })).statusCode).toBe(409);

    // The preview is the public text: masked, and nothing internal.
    const preview = (await gushi.get(url(id, '/preview'))).data;
    expect(preview.warnings).toEqual([]);
    expect(preview.record).toMatchObject({
      decisionNo: '固市监处罚〔2026〕101号',
      party: { kind: 'natural_person', name: '赵**', idNumber: '4115**********0035', address: '河南省信阳市固始县城关镇', uscc: null },
      kinds: ['order_stop', 'fine', 'confiscate_goods'],
      fineAmount: 20000,
      decidedOn: '2026-11-20',
      publishedOn: '2026-11-25',
    });
    expect(preview.record.facts).toBe('经查，当事人赵**（身份证号码4115**********0035，手机139****1234）在固始县城关镇***门店销售假冒“信阳毛尖”茶叶45千克。证人：钱**。当事人住河南省信阳市固始县城关镇。');
    expect(preview.record.penalty).toBe('1. 责令赵**立即停止侵权行为；2. 没收侵权茶叶45千克；3. 罚款20000元。');

    // A stale preview is refused; the previewed one publishes.
    expect((await gushi.post(url(id, '/publish'), { digest: '0'.repeat(64) })).statusCode).toBe(409);
    const published = await gushi.post(url(id, '/publish'), { digest: preview.digest });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.data).toMatchObject({ status: 'published', publishedLate: false, overdue: false });
    expect(published.data.actions).toEqual(['withdraw', 'attach', 'reveal']);
    expect((await gushi.post(url(id, '/publish'), { digest: preview.digest })).statusCode).toBe(409);
    expect((await gushi.put(url(id), decision())).statusCode).toBe(409);

    // Anyone finds it, by number (any bracket style) and by county and kind; what they get is the preview.
    const found = await visitor.get(`/api/public/enforcement?q=${encodeURIComponent('固市监处罚(2026)101号')}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.data.items).toEqual([expect.objectContaining({ id, partyName: '赵**', partyKind: 'natural_person', areaName: '固始县', publishedOn: '2026-11-25' })]);
    expect((await visitor.get('/api/public/enforcement?area=411525&kind=fine&from=2026-11-20&to=2026-11-20')).data.items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await visitor.get('/api/public/enforcement?area=411502')).data.items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect((await visitor.get('/api/public/enforcement?kind=warning')).data.items.map((i: { id: number }) => i.id)).not.toContain(id);
    const detail = await visitor.get(`/api/public/enforcement/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.data).toEqual({ id, ...preview.record });
    const everything = JSON.stringify([(await visitor.get('/api/public/enforcement?pageSize=100')).data, detail.data]);
    for (const secret of [NAME, ID, PHONE, '蓼城大道88号', '钱小芳', '黄志远', '法制审核意见书', '现场检查照片', withReview.data.files[0].sha256]) {
      expect(everything, secret).not.toContain(secret);
    }
    expect(everything).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);

    // Every step is in the record's chain and the audit log.
    const history = (await gushi.get(url(id))).data.history as Array<{ kind: string; payload: { to?: string } }>;
    expect(history.filter((h) => h.kind === 'state').map((h) => h.payload.to)).toEqual(['draft', 'reviewed', 'published']);
    expect(history.filter((h) => h.kind === 'file')).toHaveLength(2);
    for (const a of ['create', 'attach', 'review', 'publish']) expect(await audited(`protection.disclosure.${a}`, id), a).toBeGreaterThan(0);
    expect((await verifyEvidence(t.ctx)).ok).toBe(true);
  });

  it('shows a person’s data in clear only through the audited reveal', async () => {
    const shown = await gushi.post(url(personId, '/reveal'), {});
    expect(shown.statusCode).toBe(200);
    expect(shown.data).toEqual({ name: NAME, idNumber: ID, phone: PHONE, address: HOME, otherNames: ['钱小芳'] });
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(await audited('protection.disclosure.reveal', personId)).toBe(1);
    // The officer finds the decision by the person's full name or ID number, without anyone decrypting.
    expect((await gushi.get(`/api/protection/disclosures?q=${encodeURIComponent(NAME)}`)).data.items.map((i: { id: number }) => i.id)).toEqual([personId]);
    expect((await gushi.get(`/api/protection/disclosures?q=${ID}`)).data.items.map((i: { id: number }) => i.id)).toEqual([personId]);
    const court = await t.as('court');
    expect((await court.get(url(personId))).statusCode).toBe(403);
    expect((await court.post(url(personId, '/reveal'), {})).statusCode).toBe(403);
  });

  it('takes a published decision down with a reason; it leaves the public side', async () => {
    expect((await gushi.post(url(personId, '/withdraw'), {})).statusCode).toBe(400);
    const withdrawn = await gushi.post(url(personId, '/withdraw'), { reason: '当事人申请行政复议，原处罚决定被撤销' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.data).toMatchObject({ status: 'withdrawn', withdrawReason: '当事人申请行政复议，原处罚决定被撤销' });
    expect(withdrawn.data.actions).toEqual(['reveal']);
    expect((await visitor.get(`/api/public/enforcement/${personId}`)).statusCode).toBe(404);
    expect((await visitor.get('/api/public/enforcement?q=101')).data.total).toBe(0);
    expect((await gushi.post(url(personId, '/withdraw'), { reason: '再次撤下' })).statusCode).toBe(409);
    expect((await attach(gushi, personId, 'process', '补充照片.png', PNG)).statusCode).toBe(409);
    expect(await audited('protection.disclosure.withdraw', personId)).toBe(1);
  });

  it('sends a reviewed decision back to draft when it is edited: the review covered the old text', async () => {
    const created = await gushi.post('/api/protection/disclosures', decision({ decisionNo: '固市监处罚〔2026〕102号', party: FIRM, otherNames: [], facts: '当事人销售假冒注册商标的食品。', penalty: '罚款20000元。', kinds: ['fine'] }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data.party).toEqual({ kind: 'organisation', name: FIRM.name, uscc: FIRM.uscc, idNumber: null, phone: null, address: FIRM.address });
    expect(created.data.actions).not.toContain('reveal');
    const id = created.data.id;
    const file = (await attach(gushi, id, 'review', '审核表.pdf', PDF)).data.files[0].id;
    expect((await gushi.post(url(id, '/review'), { reviewer: '黄志远', opinion: '同意', reviewedOn: '2026-11-20', fileId: file })).data.status).toBe('reviewed');
    const edited = await gushi.put(url(id), decision({ decisionNo: '固市监处罚〔2026〕102号', party: FIRM, otherNames: [], facts: `当事人在其住所${FIRM.address}销售假冒注册商标的食品，货值12000元。`, penalty: '罚款20000元。', kinds: ['fine'] }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.data).toMatchObject({ status: 'draft', review: null, reviewed: false });
    const last = edited.data.history.at(-1);
    expect(last.payload).toMatchObject({ from: 'reviewed', to: 'draft', edited: ['facts'], reviewVoided: true });
    // An organisation is published in full, its registered address kept even where the facts repeat it.
    const preview = (await gushi.get(url(id, '/preview'))).data.record;
    expect(preview.party).toEqual({ kind: 'organisation', name: FIRM.name, uscc: FIRM.uscc, idNumber: null, address: FIRM.address });
    expect(preview.facts).toContain(FIRM.address);
    expect((await gushi.post(url(id, '/publish'), { digest: (await gushi.get(url(id, '/preview'))).data.digest })).statusCode).toBe(422);
  });

  it('keeps a person’s sealed data when an edit leaves it out, and needs it when the party becomes a person', async () => {
    const firm = await gushi.post('/api/protection/disclosures', decision({ decisionNo: '固市监处罚〔2026〕106号', party: FIRM, otherNames: [] }));
    const asPerson = await gushi.put(url(firm.data.id), decision({ decisionNo: '固市监处罚〔2026〕106号', party: { kind: 'natural_person' } }));
    expect(asPerson.statusCode).toBe(400);
    expect(JSON.stringify(asPerson.data.error.details)).toContain('party.idNumber');

    const person = await gushi.post('/api/protection/disclosures', decision({ decisionNo: '固市监处罚〔2026〕107号' }));
    const { otherNames: _o, ...withoutNames } = decision({ decisionNo: '固市监处罚〔2026〕107号', penalty: '罚款20000元。' });
    const edited = await gushi.put(url(person.data.id), { ...withoutNames, party: { kind: 'natural_person' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.data).toMatchObject({ party: { name: '赵**', idNumber: '4115**********0035', phone: '139****1234' }, otherNames: ['钱**'] });
    expect(edited.data.history.at(-1).payload.edited).toEqual(['penalty']);
    expect((await gushi.post(url(person.data.id, '/reveal'), {})).data).toMatchObject({ name: NAME, idNumber: ID, address: HOME, otherNames: ['钱小芳'] });
  });

  it('flags decisions past their due date, lists them first, and reminds the desk by mail', async () => {
    const created = await gushi.post('/api/protection/disclosures', decision({ decisionNo: '固市监处罚〔2026〕103号', decidedOn: '2026-11-10' }));
    expect(created.data).toMatchObject({ publishDue: '2026-11-19', overdue: true });
    const late = (await gushi.get('/api/protection/disclosures?overdue=1')).data;
    expect(late.items.map((i: { id: number }) => i.id)).toContain(created.data.id);
    expect(late.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(late.summary.overdue).toBe(late.total);
    const all = (await gushi.get('/api/protection/disclosures')).data;
    expect(all.items[0].overdue).toBe(true);
    expect((await gushi.get(url(created.data.id, '/preview'))).data.warnings).toContain('overdue');

    const daily = await dailyReminders(t.ctx);
    expect(daily.disclosuresDue).toBeGreaterThanOrEqual(1);
    const [mail] = await t.db.query<{ subject: string; body: string }>("SELECT subject, body FROM outbox WHERE to_address = 'gushi.desk@example.invalid' AND subject LIKE '%行政处罚决定待公示%'");
    expect(mail?.body).toContain('固市监处罚〔2026〕103号');
    expect(mail?.body).toContain('（已逾期）');
    expect(mail?.body).not.toContain(NAME);
    expect(mail?.body).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/);
  });

  it('keeps a county desk to its own area; the city office sees every area', async () => {
    expect((await zone.get(url(personId))).statusCode).toBe(404);
    expect((await zone.post(url(personId, '/withdraw'), { reason: '越权' })).statusCode).toBe(404);
    expect((await zone.get(url(personId, '/preview'))).statusCode).toBe(404);
    expect((await zone.get('/api/protection/disclosures?pageSize=200')).data.items.some((i: { areaCode: string }) => i.areaCode !== 'shangtianti')).toBe(false);
    const elsewhere = await gushi.post('/api/protection/disclosures', decision({ decisionNo: '浉市监处罚〔2026〕104号', areaCode: '411502', authority: '信阳市浉河区市场监督管理局' }));
    expect(elsewhere.statusCode).toBe(403);
    expect((await city.get(url(personId))).statusCode).toBe(200);
    const cityOwn = await city.post('/api/protection/disclosures', decision({ decisionNo: '信市监处罚〔2026〕105号', areaCode: '411500', authority: '信阳市市场监督管理局', party: FIRM, otherNames: [] }));
    expect(cityOwn.statusCode, cityOwn.body).toBe(201);
    expect(cityOwn.data.areaName).toBe('信阳市');
    expect((await gushi.get(url(cityOwn.data.id))).statusCode).toBe(404);
  });

  it('refuses bad input, naming the field, and stores nothing', async () => {
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM enforcement_decisions'))[0]?.n;
    const before = await count();
    const bad = async (overrides: Record<string, unknown>, field: string) => {
      const res = await gushi.post('/api/protection/disclosures', decision({ decisionNo: '固市监处罚〔2026〕110号', ...overrides }));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(JSON.stringify(res.data.error.details), JSON.stringify(overrides)).toContain(field);
    };
    await bad({ decisionNo: '固市监处罚41号' }, 'decisionNo');
    await bad({ kinds: [] }, 'kinds');
    await bad({ kinds: ['fine', 'jail'] }, 'kinds');
    await bad({ fineAmount: undefined }, 'fineAmount');
    await bad({ kinds: ['order_stop'], fineAmount: 5000 }, 'fineAmount');
    await bad({ kinds: ['confiscate_gains'], fineAmount: undefined }, 'confiscatedAmount');
    await bad({ party: { ...PERSON, idNumber: '411525198507040036' } }, 'idNumber');
    await bad({ party: { ...PERSON, phone: '12345' } }, 'phone');
    await bad({ party: { kind: 'natural_person', name: NAME, idNumber: ID } }, 'address');
    await bad({ party: { ...FIRM, uscc: '91411525MA9GK3L2P1' }, otherNames: [] }, 'uscc');
    await bad({ decidedOn: '2026-02-30' }, 'decidedOn');
    await bad({ decidedOn: '2026-12-01' }, 'decidedOn');
    await bad({ areaCode: '999999' }, 'areaCode');
    await bad({ facts: '' }, 'facts');
    await bad({ colour: 'red' }, 'colour');
    expect(await count()).toBe(before);

    expect((await postFile(gushi, url(personId, '/files?category=secret'), 'x.png', PNG)).statusCode).toBe(400);
    expect((await gushi.post(url(personId, '/publish'), { digest: 'abc' })).statusCode).toBe(400);
    expect((await gushi.get('/api/protection/disclosures?status=lost')).statusCode).toBe(400);
    expect((await visitor.get('/api/public/enforcement?from=2026-11-20&to=2026-11-01')).statusCode).toBe(400);
    expect((await visitor.get('/api/public/enforcement/abc')).statusCode).toBe(400);
    // Text in a search is a value, never SQL.
    const base = (await visitor.get('/api/public/enforcement')).data.total;
    expect((await visitor.get(`/api/public/enforcement?q=${encodeURIComponent("' OR 1=1--")}`)).data.total).toBe(0);
    expect(base).toBeGreaterThanOrEqual(0);
  });

  it('starts a record from a concluded report with a decision number', async () => {
    const sent = await fileReport(visitor);
    expect(sent.statusCode, sent.body).toBe(201);
    const [report] = await t.db.query<{ id: number }>('SELECT id::int AS id FROM infringement_reports ORDER BY id DESC LIMIT 1');
    const reportId = report?.id as number;
    expect((await gushi.get(`/api/protection/disclosures/prefill?reportId=${reportId}`)).statusCode).toBe(422);
    await gushi.post(`/api/protection/reports/${reportId}/accept`, {});
    await gushi.post(`/api/protection/reports/${reportId}/investigate`, {});
    const concluded = await gushi.post(`/api/protection/reports/${reportId}/conclude`, { violation: true, caseValue: 30000, decisionNo: '固市监处罚〔2026〕120号', conclusion: '经查属实，责令停止销售并处罚款。' });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const prefill = await gushi.get(`/api/protection/disclosures/prefill?reportId=${reportId}`);
    expect(prefill.statusCode, prefill.body).toBe(200);
    expect(prefill.data).toMatchObject({
      existing: null,
      report: { id: reportId, caseValue: 30000 },
      body: { decisionNo: '固市监处罚〔2026〕120号', areaCode: '411525', facts: '经查属实，责令停止销售并处罚款。', reportId, partyName: '固始县某茶叶商行' },
    });
    expect((await zone.get(`/api/protection/disclosures/prefill?reportId=${reportId}`)).statusCode).toBe(404);
    const created = await gushi.post('/api/protection/disclosures', decision({ decisionNo: '固市监处罚〔2026〕120号', reportId, decidedOn: '2026-11-25' }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data.report).toEqual({ id: reportId, ref: prefill.data.report.ref });
    expect((await gushi.get(`/api/protection/disclosures/prefill?reportId=${reportId}`)).data.existing).toEqual({ id: created.data.id, status: 'draft' });
  });

  it('takes its deadline from the settings of the city office', async () => {
    const current = (await city.get('/api/protection/settings')).data;
    expect(current.disclosure).toEqual({ publishWorkingDays: 7 });
    expect((await gushi.put('/api/protection/settings', { ...current, disclosure: { publishWorkingDays: 10 } })).statusCode).toBe(403);
    expect((await city.put('/api/protection/settings', { ...current, disclosure: { publishWorkingDays: 0 } })).statusCode).toBe(400);
    const saved = await city.put('/api/protection/settings', { ...current, disclosure: { publishWorkingDays: 10 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.data.disclosure).toEqual({ publishWorkingDays: 10 });
    const created = await gushi.post('/api/protection/disclosures', decision({ decisionNo: '固市监处罚〔2026〕130号' }));
    expect(created.data.publishDue).toBe('2026-12-04');
    // Decisions recorded before keep the due date they were given.
    expect((await gushi.get(url(personId))).data.publishDue).toBe('2026-12-01');
    // Saving the report settings without this part leaves it as it is.
    const { disclosure: _d, ...withoutDisclosure } = current;
    expect((await city.put('/api/protection/settings', withoutDisclosure)).data.disclosure).toEqual({ publishWorkingDays: 10 });
  });
});
