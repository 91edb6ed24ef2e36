import { createHash, createHmac, createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { unzip } from '../../../../../test/support/documents';
import { PDF, PNG } from '../../../../../test/support/protection';
import { postFile } from '../../../../../test/support/registry';
import creditExport from '../../../../cli/commands/credit-export';
import creditVerify from '../../../../cli/commands/credit-verify';
import { addDays, addMonths } from '../../../../shared/insight/fees';
import { todayInChina } from '../../../../shared/registry/normalise';
import { computeUsccCheck } from '../../../../shared/validators';
import { operatorActor } from '../../../actor';
import { verifyEvidence } from '../evidence/service';
import { exportKeys, verifyBundle } from './export';
import { endExpired } from './service';

const base = '/api/protection/credit/records';
const uscc = (region: string, serial: string) => `91${region}MA${serial}${computeUsccCheck(`91${region}MA${serial}`)}`;
/** A code with a wrong check character. */
const badCheck = (code: string) => code.slice(0, 17) + (code.endsWith('1') ? '2' : '1');

describe('IP credit records', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;
  let firm: Agent;
  let visitor: Agent;
  let today: string;
  let firmUscc: string;

  beforeAll(async () => {
    t = await createTestApp();
    today = todayInChina(t.clock.now().getTime());
    firmUscc = uscc('411523', '0CR0001');
    await t.db.query("UPDATE organisations SET uscc = $1 WHERE name = '河南羚锐制药股份有限公司'", [firmUscc]);
    city = await t.as('city');
    gushi = await t.as('gushi');
    firm = await t.as('lingrui');
    visitor = t.agent();
  });
  afterAll(() => t.close());

  /** A 失信 record of a Gushi firm as an officer would enter it; overrides change single fields. */
  const record = (over: Record<string, unknown> = {}) => ({
    kind: 'distrust',
    category: 'repeated_infringement',
    severity: 'general',
    subjectName: '固始县测试茶业有限公司',
    subjectUscc: uscc('411525', '0CR0002'),
    subjectKind: 'enterprise',
    areaCode: '411525',
    legalBasis: '《中华人民共和国商标法》第五十七条、第六十条',
    decisionNo: '固市监处罚〔2026〕101号',
    decisionOrg: '固始县市场监督管理局',
    decidedOn: addDays(today, -10),
    facts: '两年内第二次因销售假冒注册商标的茶叶受到行政处罚。',
    startsOn: addDays(today, -10),
    endsOn: addMonths(today, 12),
    ...over,
  });
  const publish = async (agent: Agent, body: Record<string, unknown>) => {
    const created = await agent.post(base, body);
    expect(created.statusCode, created.body).toBe(201);
    if (body.kind === 'distrust') expect((await postFile(agent, `${base}/${created.data.id}/decision`, '处罚决定书.pdf', PDF)).statusCode).toBe(200);
    const published = await agent.post(`${base}/${created.data.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    return published.data;
  };
  const feedAll = async (agent: Agent, since = '0', limit = 500) => (await agent.get(`/api/credit/feed?since=${since}&limit=${limit}`)).data;

  it('an officer enters a draft, attaches the decision, publishes it; the public sees it, and each step is on the record', async () => {
    const count = async () => (await t.db.query('SELECT 1 FROM credit_records')).length;
    const before = await count();
    // Bad input is refused field by field, and nothing is stored.
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ subjectUscc: badCheck(uscc('411525', '0CR0002')) }, 'subjectUscc'],
      [{ subjectUscc: '91411525' }, 'subjectUscc'],
      [{ endsOn: addDays(today, -20) }, 'endsOn'],
      [{ endsOn: undefined }, 'endsOn'],
      [{ severity: undefined }, 'severity'],
      [{ category: 'model_firm' }, 'category'],
      [{ decidedOn: '2026-02-30' }, 'decidedOn'],
      [{ areaCode: '411500' }, 'areaCode'],
      [{ subjectKind: 'person' }, 'subjectKind'],
      [{ idNumber: '11010519491231002X' }, 'idNumber'],
    ];
    for (const [over, field] of bad) {
      const res = await city.post(base, record(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(JSON.stringify(res.data.error.details), JSON.stringify(over)).toContain(field);
    }
    expect((await city.post(base, record({ subjectUscc: badCheck(uscc('411525', '0CR0002')) }))).data.error.message).toMatch(/校验位|check/);
    expect(await count()).toBe(before);

    const created = await city.post(base, record());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({ status: 'draft', areaName: '固始县', actions: ['edit', 'decision', 'publish', 'revoke'] });
    expect(created.data.ref).toMatch(/^XY\d{4}-\d{4}$/);
    const id = created.data.id as number;
    // The same decision for the same firm and category is not entered twice.
    const twice = await city.post(base, record({ facts: '重复录入' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.data.error.message).toContain(created.data.ref);

    // Not published yet: not public, not in the feed, not exported.
    expect((await visitor.get('/api/public/credit?kind=distrust&q=固始县测试茶业')).data.total).toBe(0);
    const court = await t.as('court');
    expect(JSON.stringify(await feedAll(court))).not.toContain('固始县测试茶业');

    // A distrust record needs its decision document, a PDF or DOCX by content.
    expect((await city.post(`${base}/${id}/publish`)).statusCode).toBe(422);
    expect((await postFile(city, `${base}/${id}/decision`, '决定书.pdf', PNG)).statusCode).toBe(415);
    const edited = await city.put(`${base}/${id}`, record({ facts: '两年内第二次因销售假冒“信阳毛尖”注册商标的茶叶受到行政处罚。' }));
    expect(edited.statusCode, edited.body).toBe(200);
    const attached = await postFile(city, `${base}/${id}/decision`, '处罚决定书.pdf', PDF);
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.data.files).toHaveLength(1);
    expect(attached.data.decisionFileId).toBe(attached.data.files[0].id);

    const published = await city.post(`${base}/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.data).toMatchObject({ status: 'published', actions: ['revoke'] });
    expect((await city.post(`${base}/${id}/publish`)).statusCode).toBe(409);
    expect((await city.put(`${base}/${id}`, record())).statusCode).toBe(409);

    for (const q of ['固始县测试茶业', uscc('411525', '0CR0002').toLowerCase()]) {
      const pub = await visitor.get(`/api/public/credit?kind=distrust&q=${encodeURIComponent(q)}`);
      expect(pub.data.items, q).toEqual([expect.objectContaining({ ref: created.data.ref, status: 'published', decisionNo: '固市监处罚〔2026〕101号', areaName: '固始县' })]);
      expect(pub.data.items[0].decisionFileSha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    }
    expect((await visitor.get('/api/public/credit?kind=trust&q=固始县测试茶业')).data.total).toBe(0);

    const detail = (await city.get(`${base}/${id}`)).data;
    expect(detail.history.map((h: { kind: string; payload: { to?: string } }) => (h.kind === 'file' ? 'file' : h.payload.to))).toEqual(['draft', 'draft', 'file', 'draft', 'published']);
    for (const a of ['create', 'edit', 'decision', 'publish']) {
      expect((await t.db.query('SELECT 1 FROM audit_log WHERE action = $1 AND target_id = $2', [`protection.credit.${a}`, String(id)])).length, a).toBe(1);
    }
    expect((await verifyEvidence(t.ctx)).ok).toBe(true);
  });

  it('a county desk sees and acts on its own area only', async () => {
    const other = await publish(city, record({ subjectName: '罗山县测试食品有限公司', subjectUscc: uscc('411521', '0CR0003'), areaCode: '411521', decisionNo: '罗市监处罚〔2026〕9号' }));
    expect((await gushi.get(`${base}/${other.id}`)).statusCode).toBe(404);
    expect((await gushi.post(`${base}/${other.id}/revoke`, { reason: '试图撤销' })).statusCode).toBe(404);
    const listed = (await gushi.get(`${base}?pageSize=200`)).data.items as Array<{ areaCode: string; id: number }>;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((r) => r.areaCode === '411525')).toBe(true);
    expect((await city.get(`${base}?area=411521&pageSize=200`)).data.items.map((r: { id: number }) => r.id)).toContain(other.id);
    // A desk records for its own area.
    const foreign = await gushi.post(base, record({ areaCode: '411521', decisionNo: '罗市监处罚〔2026〕10号' }));
    expect(foreign.statusCode).toBe(400);
    const own = await gushi.post(base, record({ decisionNo: '固市监处罚〔2026〕102号' }));
    expect(own.statusCode).toBe(201);
    // A draft discarded is revoked without ever reaching the public or the feed.
    expect((await gushi.post(`${base}/${own.data.id}/revoke`, {})).statusCode).toBe(400);
    expect((await gushi.post(`${base}/${own.data.id}/revoke`, { reason: '录入有误，作废' })).data.status).toBe('revoked');
    // Enterprises and the public cannot read officers' records.
    expect((await firm.get(base)).statusCode).toBe(403);
    expect((await visitor.get(base)).statusCode).toBe(401);
  });

  it('the firm applies for repair once the minimum period has passed; refused, applied again, approved: publication ends', async () => {
    const early = await publish(city, record({ subjectName: '河南羚锐制药股份有限公司', subjectUscc: firmUscc, areaCode: '411523', decisionNo: '新市监处罚〔2026〕1号', decidedOn: addDays(today, -20), startsOn: addDays(today, -20) }));
    const due = await publish(city, record({ subjectName: '河南羚锐制药股份有限公司', subjectUscc: firmUscc, areaCode: '411523', decisionNo: '新市监处罚〔2026〕2号', decidedOn: addMonths(today, -4), startsOn: addMonths(today, -4) }));
    expect((await city.get('/api/protection/credit/mine')).statusCode).toBe(403);
    const mine = (await firm.get('/api/protection/credit/mine')).data;
    expect(mine.organisation).toEqual({ name: '河南羚锐制药股份有限公司', uscc: firmUscc });
    const byId = (id: number) => mine.records.find((r: { id: number }) => r.id === id);
    expect(byId(early.id)).toMatchObject({ actions: [], repairOpensOn: addMonths(addDays(today, -20), 3) });
    expect(byId(due.id).actions).toEqual(['repair']);

    // Too early: the minimum publication period (three months for general distrust) has not passed.
    const tooEarly = await firm.post(`/api/protection/credit/mine/${early.id}/repair`, { reasons: '已整改', commitment: true });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.data.error.message).toContain(addMonths(addDays(today, -20), 3));
    // Bad input, and another firm's record.
    expect((await firm.post(`/api/protection/credit/mine/${due.id}/repair`, { reasons: '已整改', commitment: false })).statusCode).toBe(400);
    expect((await firm.post(`/api/protection/credit/mine/${due.id}/repair`, { reasons: '', commitment: true })).statusCode).toBe(400);
    expect((await firm.post(`/api/protection/credit/mine/${due.id}/repair`, { reasons: '已整改', commitment: true, files: ['no-such-upload-token'] })).statusCode).toBe(400);
    const foreign = (await city.get(`${base}?area=411525&status=published&pageSize=1`)).data.items[0];
    expect((await firm.post(`/api/protection/credit/mine/${foreign.id}/repair`, { reasons: '已整改', commitment: true })).statusCode).toBe(404);

    const upload = await postFile(firm, '/api/public/evidence', '整改报告.pdf', PDF);
    expect(upload.statusCode).toBe(201);
    const applied = await firm.post(`/api/protection/credit/mine/${due.id}/repair`, { reasons: '已停止销售并召回全部涉事产品，建立商标使用审查制度。', commitment: true, files: [upload.data.uploadToken] });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.data.records.find((r: { id: number }) => r.id === due.id)).toMatchObject({ status: 'repairing', actions: [] });
    expect((await firm.post(`/api/protection/credit/mine/${due.id}/repair`, { reasons: '再次申请', commitment: true })).statusCode).toBe(409);
    // Under review it is still published.
    expect((await visitor.get(`/api/public/credit?kind=distrust&q=${firmUscc}`)).data.total).toBe(2);

    expect((await gushi.post(`${base}/${due.id}/repair/approve`, {})).statusCode).toBe(404);
    const review = (await city.get(`${base}/${due.id}`)).data;
    expect(review.actions).toEqual(['repair-approve', 'repair-refuse', 'revoke']);
    expect(review.repairs[0]).toMatchObject({ status: 'submitted', orgName: '河南羚锐制药股份有限公司', fileIds: [expect.any(Number)] });
    expect(review.files.map((f: { name: string }) => f.name)).toContain('整改报告.pdf');
    expect((await city.post(`${base}/${due.id}/repair/refuse`, {})).statusCode).toBe(400);
    const refused = await city.post(`${base}/${due.id}/repair/refuse`, { reason: '未提交召回凭证，请补充后重新申请。' });
    expect(refused.data).toMatchObject({ status: 'published' });
    expect(refused.data.repairs[0]).toMatchObject({ status: 'refused', decisionNote: '未提交召回凭证，请补充后重新申请。' });
    expect((await city.post(`${base}/${due.id}/repair/approve`, {})).statusCode).toBe(409);

    expect((await firm.post(`/api/protection/credit/mine/${due.id}/repair`, { reasons: '已补充召回凭证。', commitment: true })).statusCode).toBe(200);
    const court = await t.as('court');
    const cursor = (await feedAll(court)).nextCursor as string;
    const approved = await city.post(`${base}/${due.id}/repair/approve`, { note: '整改到位' });
    expect(approved.data).toMatchObject({ status: 'ended', endedOn: today, endedEarlyOn: today, actions: [] });
    expect(approved.data.endReason).toContain('信用修复');
    expect((await visitor.get(`/api/public/credit?kind=distrust&q=${firmUscc}`)).data.items.map((r: { ref: string }) => r.ref)).toEqual([early.ref]);
    // The platform learns of the end on its next pull.
    const next = await feedAll(court, cursor);
    expect(next.items).toEqual([expect.objectContaining({ change: 'ended', record: expect.objectContaining({ ref: due.ref, status: 'ended', endedOn: today }) })]);
    expect((await firm.get('/api/protection/credit/mine')).data.records.find((r: { id: number }) => r.id === due.id)).toMatchObject({ status: 'ended', endedEarlyOn: today });
    for (const a of ['repair-apply', 'repair-refuse', 'repair-approve']) {
      expect((await t.db.query('SELECT 1 FROM audit_log WHERE action = $1 AND target_id = $2', [`protection.credit.${a}`, String(due.id)])).length, a).toBeGreaterThan(0);
    }
  });

  it('exports a signed bundle whose hashes and signatures verify, and fail after one byte changes', async () => {
    const sneaky = await publish(city, record({ subjectName: '固始县公式测试有限公司', subjectUscc: uscc('411525', '0CR0005'), decisionNo: '固市监处罚〔2026〕103号', facts: '=HYPERLINK("http://example.invalid","点我")' }));
    const draft = await city.post(base, record({ subjectName: '固始县草稿测试有限公司', subjectUscc: uscc('411525', '0CR0006'), decisionNo: '固市监处罚〔2026〕104号' }));
    expect((await gushi.get('/api/protection/credit/export')).statusCode).toBe(403);
    const res = await city.get('/api/protection/credit/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="xinzhi-credit-\d{8}T\d{6}-0-\d+\.zip"/);
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(['manifest.ed25519.sig', 'manifest.json', 'manifest.sig', 'records.csv', 'records.json']);
    const manifestBytes = files.get('manifest.json') as Buffer;
    const manifest = JSON.parse(manifestBytes.toString('utf8'));
    const records = JSON.parse((files.get('records.json') as Buffer).toString('utf8')) as Array<{ ref: string; subjectName: string; feedSeq: string }>;
    expect(manifest).toMatchObject({ format: 'xinzhi-credit-export', formatVersion: 1, recordCount: records.length, cursor: { from: '0' } });
    expect(records.map((r) => r.ref)).toContain(sneaky.ref);
    expect(records.map((r) => r.ref)).not.toContain(draft.data.ref);
    expect(manifest.cursor.to).toBe(records.at(-1)?.feedSeq);

    // Recomputed here, as the platform would: each file's SHA-256, the HMAC and the Ed25519 signature over the manifest's bytes.
    for (const f of manifest.files) {
      const data = files.get(f.name) as Buffer;
      expect(data.length).toBe(f.size);
      expect(createHash('sha256').update(data).digest('hex')).toBe(f.sha256);
    }
    expect((files.get('manifest.sig') as Buffer).toString('ascii')).toBe(createHmac('sha256', t.ctx.keyFor('credit-export')).update(manifestBytes).digest('hex'));
    const key = (await visitor.get('/api/public/credit/export-key')).data;
    expect(manifest.signatures.ed25519.publicKeySha256).toBe(key.publicKeySha256);
    expect(verify(null, manifestBytes, createPublicKey(key.publicKeyPem), files.get('manifest.ed25519.sig') as Buffer)).toBe(true);

    // The CSV neutralises a formula and carries no contact data.
    const csv = (files.get('records.csv') as Buffer).toString('utf8');
    expect(csv.startsWith('\ufeff信用记录编号,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""点我"")"`);
    expect(csv).not.toMatch(/(^|[^\da-f])1[3-9]\d{9}([^\da-f]|$)/m);

    const keys = exportKeys(t.ctx);
    const read = (m: Map<string, Buffer>) => (name: string) => m.get(name) ?? null;
    expect(verifyBundle(read(files), keys)).toMatchObject({ ok: true, hmac: true, ed25519: true, files: 2 });
    const csvTampered = new Map(files);
    const changed = Buffer.from(files.get('records.csv') as Buffer);
    changed[changed.length - 3] = (changed[changed.length - 3] as number) ^ 1;
    csvTampered.set('records.csv', changed);
    const csvCheck = verifyBundle(read(csvTampered), keys);
    expect(csvCheck.ok).toBe(false);
    expect(csvCheck.problems.join()).toContain('records.csv');
    const manifestTampered = new Map(files);
    manifestTampered.set('manifest.json', Buffer.from(manifestBytes.toString('utf8').replace(`"recordCount": ${records.length}`, `"recordCount": ${records.length + 1}`)));
    expect(verifyBundle(read(manifestTampered), keys)).toMatchObject({ ok: false, hmac: false, ed25519: false });

    // The next bundle from the cursor holds only what changed since.
    const since = await city.get(`/api/protection/credit/export?since=${manifest.cursor.to}`);
    expect(JSON.parse(((await unzip(since.rawPayload)).get('records.json') as Buffer).toString('utf8'))).toEqual([]);
    expect((await city.get('/api/protection/credit/export?since=abc')).statusCode).toBe(400);
    // The officer's dialog starts the next bundle where this one ended.
    expect((await city.get('/api/protection/credit/export/last')).data).toMatchObject({ last: { cursorFrom: manifest.cursor.to, cursorTo: manifest.cursor.to, records: 0, by: '李文博' }, current: manifest.cursor.to });
    expect((await t.db.query("SELECT 1 FROM audit_log WHERE action = 'protection.credit.export'")).length).toBe(2);
  });

  it('the CLI writes the bundle into a folder and verifies it; a changed byte fails verification', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xz-credit-'));
    try {
      const io = { actor: operatorActor(), where: 'local' as const, progress: () => undefined };
      const out = path.join(dir, 'bundle');
      const written = await creditExport.run(t.ctx, { out }, io);
      expect(written.message).toMatch(/已导出 \d+ 条信用记录/);
      expect((await creditVerify.run(t.ctx, { dir: out }, io)).message).toContain('文件包完好');
      await expect(creditExport.run(t.ctx, { out }, io)).rejects.toThrow(/已存在/);
      const json = await readFile(path.join(out, 'records.json'));
      json[10] = (json[10] as number) ^ 1;
      await writeFile(path.join(out, 'records.json'), json);
      await expect(creditVerify.run(t.ctx, { dir: out }, io)).rejects.toThrow(/records\.json/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the credit platform pulls changes by cursor with its token: each change once, in order, new ones on the next pull', async () => {
    const admin = await t.as('admin');
    const org = await admin.post('/api/orgs', { name: '信阳市发展和改革委员会（市公共信用信息平台）', kind: 'partner', areaCode: '411500' });
    expect(org.statusCode, org.body).toBe(201);
    const issued = await admin.post(`/api/orgs/${org.data.id}/tokens`, { name: '信用信息归集接口', expiresInDays: 30 });
    const platform = t.agent();
    platform.headers.authorization = `Bearer ${issued.data.token}`;

    const [bank] = await t.db.query<{ id: string }>("SELECT id FROM organisations WHERE name = '中国银行股份有限公司信阳分行'");
    const bankToken = await admin.post(`/api/orgs/${bank?.id}/tokens`, { name: '无权限令牌', expiresInDays: 30 });
    const other = t.agent();
    other.headers.authorization = `Bearer ${bankToken.data.token}`;
    expect((await other.get('/api/credit/feed')).statusCode).toBe(403);
    expect((await t.agent().get('/api/credit/feed')).statusCode).toBe(401);
    expect((await platform.get('/api/credit/feed?since=-1')).statusCode).toBe(400);
    expect((await platform.get('/api/credit/feed?limit=1000')).statusCode).toBe(400);

    // Page through everything, three at a time.
    const seen: string[] = [];
    let cursor = '0';
    for (let i = 0; i < 100; i++) {
      const page = await platform.get(`/api/credit/feed?since=${cursor}&limit=3`);
      expect(page.statusCode, page.body).toBe(200);
      seen.push(...page.data.items.map((c: { seq: string }) => c.seq));
      expect(page.data.items.length).toBeLessThanOrEqual(3);
      cursor = page.data.nextCursor;
      if (!page.data.hasMore) break;
    }
    const [total] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM credit_feed');
    expect(seen.length).toBe(total?.n);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
    const all = await feedAll(platform);
    expect(JSON.stringify(all)).not.toMatch(/草稿测试|contact|phone/);
    expect(all.items.every((c: { record: { status: string } }) => ['published', 'ended', 'revoked'].includes(c.record.status))).toBe(true);

    // Nothing new: the cursor stays. A change after the pull shows up on the next one, once.
    expect(await feedAll(platform, cursor)).toEqual({ items: [], nextCursor: cursor, hasMore: false });
    const revoked = await publish(city, record({ subjectName: '固始县撤销测试有限公司', subjectUscc: uscc('411525', '0CR0007'), decisionNo: '固市监处罚〔2026〕105号' }));
    await city.post(`${base}/${revoked.id}/revoke`, { reason: '处罚决定已被人民法院判决撤销' });
    const after = await feedAll(platform, cursor);
    expect(after.items.map((c: { change: string; record: { ref: string } }) => [c.change, c.record.ref])).toEqual([
      ['published', revoked.ref],
      ['revoked', revoked.ref],
    ]);
    expect(after.items[1].record).toMatchObject({ status: 'revoked', endReason: '处罚决定已被人民法院判决撤销' });
    expect((await feedAll(platform, after.nextCursor)).items).toEqual([]);
    expect((await t.db.query("SELECT 1 FROM audit_log WHERE action = 'protection.credit.feed'")).length).toBeGreaterThan(3);
  });

  it('a firm listed in the key-protection list has a 守信 record that ends when it leaves the list', async () => {
    const listed = await city.get('/api/protection/key-list/applications?status=listed');
    const entry = listed.data.items.find((e: { uscc: string | null }) => e.uscc);
    expect(entry, 'the demo lists a firm').toBeDefined();
    const trust = async () => (await visitor.get(`/api/public/credit?kind=trust&q=${entry.uscc}`)).data.items.filter((r: { category: string }) => r.category === 'key_list');
    expect(await trust()).toEqual([expect.objectContaining({ subjectName: entry.orgName, decisionNo: entry.ref, endsOn: null, status: 'published' })]);
    const exited = await city.post(`/api/protection/key-list/applications/${entry.id}/review`, { decision: 'exit', reason: '企业申请退出' });
    expect(exited.statusCode, exited.body).toBe(200);
    expect(await trust()).toEqual([]);
    const [row] = await t.db.query<{ status: string; end_reason: string }>("SELECT status, end_reason FROM credit_records WHERE source = 'key_list' AND source_id = $1", [entry.id]);
    expect(row).toMatchObject({ status: 'ended', end_reason: '移出重点关注名录：企业申请退出' });
  });

  it('ends a record when its publication period has passed', async () => {
    const short = await publish(city, record({ subjectName: '固始县到期测试有限公司', subjectUscc: uscc('411525', '0CR0008'), decisionNo: '固市监处罚〔2026〕106号', endsOn: addDays(today, 2) }));
    const soon = await city.get(`${base}?flag=ending&pageSize=200`);
    expect(soon.data.items.map((r: { id: number }) => r.id)).toContain(short.id);
    expect(await endExpired(t.ctx)).toBe(0);
    const later = { ...t.ctx, clock: { now: () => new Date(t.clock.now().getTime() + 4 * 86_400_000) } };
    expect(await endExpired(later as typeof t.ctx)).toBeGreaterThan(0);
    expect((await city.get(`${base}/${short.id}`)).data).toMatchObject({ status: 'ended', endedOn: addDays(today, 2), endReason: '公示期满' });
  });

  it('lets the city office set the repair rule; others may not', async () => {
    expect((await gushi.put('/api/protection/credit/rules', { repairMinMonths: { general: 6, serious: 12 }, endingSoonDays: 30 })).statusCode).toBe(403);
    expect((await city.put('/api/protection/credit/rules', { repairMinMonths: { general: -1, serious: 12 }, endingSoonDays: 30 })).statusCode).toBe(400);
    const saved = await city.put('/api/protection/credit/rules', { repairMinMonths: { general: 6, serious: 12 }, endingSoonDays: 45 });
    expect(saved.data).toEqual({ repairMinMonths: { general: 6, serious: 12 }, endingSoonDays: 45 });
    expect((await firm.get('/api/protection/credit/rules')).data.repairMinMonths.general).toBe(6);
  });
});
