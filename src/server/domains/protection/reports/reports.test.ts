import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { PDF, PNG, fileReport, proof, uploadEvidence } from '../../../../../test/support/protection';
import { postFile } from '../../../../../test/support/registry';
import { zipBomb } from '../../../../../test/support/zip-bomb';
import { verifyEvidence } from '../evidence/service';
import { dailyReminders } from './service';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const VALID_ID = '11010519491231002X';

describe('infringement reports with rewards', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;
  let zone: Agent;
  let visitor: Agent;
  /** The demo platform's own reports, before these tests add theirs. */
  let base: { byStatus: Record<string, number>; rewards: { paid: number; paidAmount: number } };

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    city = await t.as('city');
    gushi = await t.as('gushi');
    zone = await t.as('shangtianti');
    visitor = t.agent();
    await t.db.query("UPDATE users SET email = 'gushi.desk@example.invalid' WHERE username = 'gushi'");
    base = (await city.get('/api/protection/reports/stats')).data;
  });
  afterAll(() => t.close());

  const audited = async (action: string, id: number) =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target_id = $2', [action, String(id)]))[0]?.n ?? 0;

  it('takes an anonymous report with evidence, gives a tracking code, and carries it through to a paid reward', async () => {
    const up = await uploadEvidence(visitor, '现场照片.png', PNG);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.data).toMatchObject({ mime: 'image/png', size: PNG.length, sha256: sha(PNG), name: '现场照片.png' });
    const pdf = await uploadEvidence(visitor, '../../etc/购买小票.PDF', PDF);
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.data.name).toBe('购买小票.pdf');

    const sent = await fileReport(visitor, { files: [up.data.uploadToken, pdf.data.uploadToken] });
    expect(sent.statusCode, sent.body).toBe(201);
    const code: string = sent.data.trackingCode;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    // 15 working days from Wednesday 25 November 2026.
    expect(sent.data).toMatchObject({ files: 2, acceptDue: '2026-12-16' });
    expect(sent.headers['cache-control']).toBe('no-store');

    // The code works as typed by a person: lower case, dashes, O for 0.
    const typed = code.toLowerCase().replace(/(.{4})(?!$)/g, '$1-').replace(/0/g, 'o');
    const tracked = await visitor.post('/api/public/reports/track', { code: typed });
    expect(tracked.statusCode, tracked.body).toBe(200);
    expect(tracked.data).toMatchObject({ status: 'received', areaName: '固始县', reward: { status: 'none' } });

    // The county the address names gets it; another county's desk does not see it.
    const list = await gushi.get('/api/protection/reports');
    const item = list.data.items.find((i: { subject: string }) => i.subject.includes('信阳毛尖'));
    expect(item).toMatchObject({ status: 'received', areaCode: '411525', anonymous: true, reporterName: null, due: { date: '2026-12-16', overdue: false } });
    const id: number = item.id;
    expect(item.ref).toMatch(/^JB2026-\d{4}$/);
    expect((await zone.get(`/api/protection/reports/${id}`)).statusCode).toBe(404);
    expect((await zone.get('/api/protection/reports')).data.items.some((i: { id: number }) => i.id === id)).toBe(false);
    const mail = await t.db.query<{ to_address: string; subject: string }>("SELECT to_address, subject FROM outbox WHERE to_address = 'gushi.desk@example.invalid'");
    expect(mail.map((m) => m.subject)).toContain(`【信知】新的举报线索 ${item.ref}`);

    let detail = (await gushi.get(`/api/protection/reports/${id}`)).data;
    expect(detail.actions).toEqual(expect.arrayContaining(['accept', 'reject', 'attach']));
    expect(detail.actions).not.toContain('assign');
    expect(detail.files.map((f: { name: string }) => f.name)).toEqual(['现场照片.png', '购买小票.pdf']);

    // An illegal step is refused with 409 and changes nothing.
    const early = await gushi.post(`/api/protection/reports/${id}/conclude`, { violation: false, conclusion: '未发现' });
    expect(early.statusCode).toBe(409);

    expect((await gushi.post(`/api/protection/reports/${id}/accept`, { note: '线索具体，予以受理' })).statusCode).toBe(200);
    expect((await gushi.post(`/api/protection/reports/${id}/accept`, {})).statusCode).toBe(409);
    expect((await gushi.post(`/api/protection/reports/${id}/investigate`, {})).data).toMatchObject({ status: 'investigating', handler: '周建国', concludeDue: '2027-02-23' });
    const evidenceFound = await postFile(gushi, `/api/protection/reports/${id}/files`, '执法记录.pdf', PDF);
    expect(evidenceFound.statusCode, evidenceFound.body).toBe(200);
    expect(evidenceFound.data.files).toHaveLength(3);

    const noDecision = await gushi.post(`/api/protection/reports/${id}/conclude`, { violation: true, conclusion: '查实' });
    expect(noDecision.statusCode).toBe(400);
    detail = (await gushi.post(`/api/protection/reports/${id}/conclude`, { violation: true, caseValue: 200000, decisionNo: '固市监处罚〔2026〕88号', conclusion: '经查属实，已没收侵权茶叶并处罚款。' })).data;
    expect(detail).toMatchObject({ status: 'concluded', violation: true, caseValue: 200000 });
    expect(detail.actions).toContain('propose');

    // Level 1: 5 % of 200,000 = 10,000 yuan. The proposer cannot approve it; another officer can.
    detail = (await gushi.post(`/api/protection/reports/${id}/reward/propose`, { level: 1 })).data;
    expect(detail.reward).toMatchObject({ status: 'proposed', level: 1, amount: 10000, proposedBy: '周建国' });
    expect(detail.actions).not.toContain('approve');
    const self = await gushi.post(`/api/protection/reports/${id}/reward/approve`, {});
    expect(self.statusCode).toBe(422);
    // Until approved, the reporter sees no reward.
    expect((await visitor.post('/api/public/reports/track', { code })).data.reward).toMatchObject({ status: 'none', amount: null });
    detail = (await city.post(`/api/protection/reports/${id}/reward/approve`, {})).data;
    expect(detail.reward).toMatchObject({ status: 'approved', approvedBy: '李文博', claimDue: '2027-02-23' });

    let seen = (await visitor.post('/api/public/reports/track', { code })).data;
    expect(seen).toMatchObject({ status: 'concluded', violation: true, conclusion: '经查属实，已没收侵权茶叶并处罚款。', reward: { status: 'approved', level: 1, amount: 10000, claimDue: '2027-02-23' } });
    expect(seen.timeline.map((s: { status: string }) => s.status)).toEqual(['received', 'accepted', 'investigating', 'concluded']);

    // Claiming needs a valid identity number, the declaration and a fresh proof of work.
    const claim = { code, name: '张伟', idNumber: VALID_ID, phone: '13812345678', bank: '中国银行信阳分行', account: '6216610200001234567', declaration: true };
    const badId = await visitor.post('/api/public/reports/claim', { ...claim, idNumber: '110105194912310021', ...(await proof(visitor)) });
    expect(badId.statusCode).toBe(400);
    expect(badId.body).toContain('校验位');
    const claimed = await visitor.post('/api/public/reports/claim', { ...claim, ...(await proof(visitor)) });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.data.reward.status).toBe('claimed');
    expect((await visitor.post('/api/public/reports/claim', { ...claim, ...(await proof(visitor)) })).statusCode).toBe(409);

    detail = (await gushi.get(`/api/protection/reports/${id}`)).data;
    expect(detail.reward.claimant).toEqual({ name: '张*', idNumber: '1101**********002X', phone: '138****5678', account: '中国银行信阳分行 ****4567' });
    detail = (await city.post(`/api/protection/reports/${id}/reward/pay`, { paidRef: '信财支〔2026〕1201' })).data;
    expect(detail.reward).toMatchObject({ status: 'paid', paidRef: '信财支〔2026〕1201' });
    seen = (await visitor.post('/api/public/reports/track', { code })).data;
    expect(seen.reward.status).toBe('paid');
    expect(seen.reward.paidAt).toBeTruthy();

    // Every step is in the audit log and in the report's hash chain, which verifies.
    for (const a of ['submit', 'accept', 'investigate', 'attach', 'conclude', 'reward.propose', 'reward.approve', 'reward.pay']) expect(await audited(`protection.report.${a}`, id), a).toBe(1);
    expect(await audited('protection.reward.claim', id)).toBe(1);
    const history = detail.history as Array<{ seq: number; kind: string; hash: string; prevHash: string }>;
    expect(history.map((h) => h.kind)).toEqual(['state', 'file', 'file', 'state', 'state', 'file', 'state', 'state', 'state', 'state', 'state']);
    history.forEach((h, i) => expect(h.prevHash).toBe(i === 0 ? '0'.repeat(64) : history[i - 1]?.hash));
    expect((await verifyEvidence(t.ctx)).ok).toBe(true);
  });

  it('refuses unfit uploads by their content, keeps files out of the browser, and lets the public check a file by its hash', async () => {
    const exe = await uploadEvidence(visitor, 'photo.jpg', Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]));
    expect(exe.statusCode).toBe(415);
    expect(exe.data.error.code).toBe('unsupported_media');
    const html = await uploadEvidence(visitor, 'evidence.pdf', '<html><script>alert(1)</script></html>');
    expect(html.statusCode).toBe(415);
    const empty = await uploadEvidence(visitor, 'empty.png', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);

    const bomb = await uploadEvidence(visitor, '合同.docx', zipBomb());
    expect(bomb.statusCode).toBe(415);
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('购买凭证')] }] }));
    const docx = await uploadEvidence(visitor, '购买凭证.docx', word);
    expect(docx.statusCode, docx.body).toBe(201);
    expect(docx.data.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42', 'latin1'), Buffer.from([0, 0, 0, 0]), Buffer.from('mp42isom', 'latin1'), Buffer.alloc(64)]);
    const video = await uploadEvidence(visitor, 'clip.mov', mp4);
    expect(video.statusCode, video.body).toBe(201);
    expect(video.data).toMatchObject({ mime: 'video/mp4', name: 'clip.mp4' });

    // A token that was never issued refuses the whole form; no report is stored.
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM infringement_reports'))[0]?.n;
    const forged = await fileReport(visitor, { files: ['not-a-real-upload-token-000'] });
    expect(forged.statusCode).toBe(400);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM infringement_reports'))[0]?.n).toBe(before);

    const [report] = (await city.get('/api/protection/reports?q=信阳毛尖')).data.items;
    const detail = (await city.get(`/api/protection/reports/${report.id}`)).data;
    const file = detail.files[0];
    const download = await city.get(`/api/protection/reports/${report.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(sha(download.rawPayload)).toBe(file.sha256);
    expect((await zone.get(`/api/protection/reports/${report.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await visitor.get(`/api/protection/reports/${report.id}/files/${file.id}`)).statusCode).toBe(401);

    const known = await visitor.get(`/api/public/evidence/verify?sha256=${sha(PNG).toUpperCase()}`);
    expect(known.data).toMatchObject({ recorded: true, sha256: sha(PNG) });
    expect(known.data.firstRecordedAt).toBe('2026-11-25T02:00:00.000Z');
    expect(known.data.entryHash).toMatch(/^[0-9a-f]{64}$/);
    const byUpload = await postFile(visitor, '/api/public/evidence/verify', 'x.png', PNG);
    expect(byUpload.data).toMatchObject({ recorded: true, sha256: sha(PNG) });
    const unknown = await visitor.get(`/api/public/evidence/verify?sha256=${'ab'.repeat(32)}`);
    expect(unknown.data).toMatchObject({ recorded: false, firstRecordedAt: null, records: 0 });
    // The uploaded video was never attached to a form: it is not "recorded".
    expect((await visitor.get(`/api/public/evidence/verify?sha256=${sha(mp4)}`)).data.recorded).toBe(false);
    expect((await visitor.get('/api/public/evidence/verify?sha256=xyz')).statusCode).toBe(400);
  });

  it('seals named reporters’ personal data, masks it in lists, and unmasks it only as an audited act', async () => {
    const sent = await fileReport(visitor, { anonymous: false, reporter: { name: '李娜', phone: '+86 139 0376 1234', idNumber: VALID_ID }, rightKind: 'trademark', rightRef: '第12345678号', subject: '假冒“羚锐”商标的膏药', infringer: '某药店', address: '信阳市东方红大道1号' });
    expect(sent.statusCode, sent.body).toBe(201);
    const [row] = await t.db.query<Record<string, string>>('SELECT * FROM infringement_reports ORDER BY id DESC LIMIT 1');
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('13903761234');
    expect(stored).not.toContain('李娜');
    expect(stored).not.toContain(VALID_ID);
    // The address names no county: the city office decides where it goes.
    expect(row?.area_code).toBeNull();

    const item = (await city.get('/api/protection/reports?q=羚锐')).data.items[0];
    expect(item).toMatchObject({ anonymous: false, reporterName: '李*', reporterPhone: '139****1234', areaCode: null });
    expect((await gushi.get(`/api/protection/reports/${item.id}`)).statusCode).toBe(404);
    expect((await city.get(`/api/protection/reports/${item.id}`)).data.reporterId).toBe('1101**********002X');

    const shown = await city.post(`/api/protection/reports/${item.id}/reveal`, {});
    expect(shown.data.reporter).toEqual({ name: '李娜', phone: '13903761234', idNumber: VALID_ID });
    expect(await audited('protection.report.reveal', item.id)).toBe(1);
    const [log] = await t.db.query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'protection.report.reveal' ORDER BY id DESC LIMIT 1");
    expect(JSON.stringify(log?.details)).not.toContain('13903761234');
    const lingrui = await t.as('lingrui');
    expect((await lingrui.post(`/api/protection/reports/${item.id}/reveal`, {})).statusCode).toBe(403);
    expect((await lingrui.get('/api/protection/reports')).statusCode).toBe(403);

    // Only the city office sends it to a county; then the county can accept it.
    expect((await gushi.post(`/api/protection/reports/${item.id}/assign`, { areaCode: '411525' })).statusCode).toBe(404);
    const assigned = await city.post(`/api/protection/reports/${item.id}/assign`, { areaCode: '411525', note: '被举报药店位于固始县' });
    expect(assigned.data).toMatchObject({ areaCode: '411525', areaSource: 'officer' });
    expect((await gushi.get(`/api/protection/reports/${item.id}`)).data.actions).toContain('accept');
  });

  it('points out similar earlier reports, and a rejected duplicate tells the reporter why', async () => {
    const again = await fileReport(visitor, { subject: '又见冒用信阳毛尖标志的茶叶', infringer: '固始县某茶叶商行' });
    const code = again.data.trackingCode;
    const item = (await gushi.get('/api/protection/reports?q=又见')).data.items[0];
    const detail = (await gushi.get(`/api/protection/reports/${item.id}`)).data;
    const first = detail.similar.find((s: { subject: string }) => s.subject.startsWith('冒用'));
    expect(first.why).toEqual(expect.arrayContaining(['right', 'infringer']));
    const rejected = await gushi.post(`/api/protection/reports/${item.id}/reject`, { reason: `与 ${first.ref} 为同一线索，已并案处理`, duplicateOf: first.id });
    expect(rejected.data).toMatchObject({ status: 'rejected', duplicateOf: { id: first.id, ref: first.ref } });
    expect((await gushi.post(`/api/protection/reports/${item.id}/accept`, {})).statusCode).toBe(409);
    expect((await visitor.post('/api/public/reports/track', { code })).data).toMatchObject({ status: 'rejected', reason: `与 ${first.ref} 为同一线索，已并案处理` });
  });

  it('answers an unknown tracking code like any other, and a used or forged proof of work is refused', async () => {
    const a = await visitor.post('/api/public/reports/track', { code: 'ABCD-EFGH-JKMN-PQRS-TVWX' });
    const b = await visitor.post('/api/public/reports/track', { code: '0000-0000-0000-0000-0000' });
    expect(a.statusCode).toBe(404);
    expect(b.body).toBe(a.body);

    const answer = await proof(visitor);
    expect((await fileReport(visitor, answer)).statusCode).toBe(201);
    const replay = await fileReport(visitor, answer);
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('请勿重复提交');
    const forged = await fileReport(visitor, { challenge: `${answer.challenge.slice(0, -4)}AAAA`, nonce: answer.nonce });
    expect(forged.statusCode).toBe(400);
    const fresh = await proof(visitor);
    const wrongNonce = await fileReport(visitor, { challenge: fresh.challenge, nonce: `${fresh.nonce}zz` });
    // A wrong nonce may by chance still work (1 in 256 at 8 bits); when it does not, it is refused.
    expect([201, 400]).toContain(wrongNonce.statusCode);
  });

  it('counts reports by state and area and flags the overdue', async () => {
    t.clock.set(new Date('2026-12-20T02:00:00Z'));
    city = await t.as('city');
    gushi = await t.as('gushi');
    try {
    const stats = (await city.get('/api/protection/reports/stats')).data;
    expect(stats.byStatus.concluded).toBe((base.byStatus.concluded ?? 0) + 1);
    expect(stats.byStatus.rejected).toBe((base.byStatus.rejected ?? 0) + 1);
    expect(stats.rewards).toMatchObject({ paid: base.rewards.paid + 1, paidAmount: base.rewards.paidAmount + 10000 });
    // Reports still 'received' after 16 December are late.
    expect(stats.overdue).toBeGreaterThanOrEqual(1);
    const late = (await gushi.get('/api/protection/reports?overdue=1')).data;
    expect(late.items.length).toBeGreaterThan(0);
    expect(late.items.every((i: { due: { overdue: boolean } }) => i.due.overdue)).toBe(true);

    // The daily job mails the desk its late reports and removes uploads no form took.
    const unattached = await t.db.query<{ file_key: string }>('SELECT file_key FROM evidence_files WHERE subject_kind IS NULL');
    expect(unattached.length).toBeGreaterThan(0);
    const daily = await dailyReminders(t.ctx);
    expect(daily.removedUploads).toBe(unattached.length);
    expect(existsSync(t.ctx.files.pathOf(unattached[0]?.file_key as string))).toBe(false);
    const [digest] = await t.db.query<{ subject: string; body: string }>("SELECT subject, body FROM outbox WHERE to_address = 'gushi.desk@example.invalid' AND subject LIKE '%期限提醒%'");
    expect(digest?.body).toContain('（已逾期）');
    expect(digest?.body).not.toMatch(/1[3-9]\d{9}/);
    } finally {
      t.clock.set(new Date('2026-11-25T02:00:00Z'));
      city = await t.as('city');
      gushi = await t.as('gushi');
    }
  });

  it('lets the city office change the reward rule; a county desk may not', async () => {
    const current = (await gushi.get('/api/protection/settings')).data;
    expect(current.rewardRule.tiers.map((x: { rate: number }) => x.rate)).toEqual([0.05, 0.03, 0.01]);
    const changed = { ...current, deadlines: { ...current.deadlines, acceptWorkingDays: 10 } };
    expect((await gushi.put('/api/protection/settings', changed)).statusCode).toBe(403);
    const saved = await city.put('/api/protection/settings', changed);
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await fileReport(visitor);
    expect(sent.data.acceptDue).toBe('2026-12-09');
    expect((await city.put('/api/protection/settings', { ...current, rewardRule: { ...current.rewardRule, tiers: current.rewardRule.tiers.slice(0, 2) } })).statusCode).toBe(400);
  });

  it('evidence verification finds an altered chain entry and a changed file', async () => {
    expect((await verifyEvidence(t.ctx)).ok).toBe(true);
    // Tamper only with this test's own upload: the demo files are shared by every test database.
    const [f] = await t.db.query<{ file_key: string; id: number }>("SELECT file_key, id::int AS id FROM evidence_files WHERE subject_kind = 'report' AND sha256 = $1 ORDER BY id LIMIT 1", [sha(PNG)]);
    await writeFile(t.ctx.files.pathOf(f?.file_key as string), Buffer.concat([PNG, Buffer.from('x')]));
    await t.db.exec("ALTER TABLE evidence_chain DISABLE TRIGGER USER; UPDATE evidence_chain SET payload = '{\"from\":null,\"to\":\"rejected\"}' WHERE seq = 1 AND subject_kind = 'report' AND subject_id = (SELECT min(subject_id) FROM evidence_chain WHERE subject_kind = 'report'); ALTER TABLE evidence_chain ENABLE TRIGGER USER");
    const report = await verifyEvidence(t.ctx);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.reason).sort()).toEqual(['file_changed', 'hash']);
    // The chain refuses changes outright when the guard is on.
    await expect(t.db.exec('DELETE FROM evidence_chain')).rejects.toThrow(/append-only/);
  });
});

describe('public form limits', () => {
  it('rate-limits tracking lookups and caps evidence size', async () => {
    const t = await createTestApp({ template: 'empty', demo: false, env: { XINZHI_PUBLIC_RATE_LIMIT: '2', XINZHI_EVIDENCE_MAX_MB: '1' } });
    try {
      const a = t.agent();
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await a.post('/api/public/reports/track', { code: `ZZZZZZZZZZZZZZZZZZZ${i}` })).statusCode);
      expect(codes.slice(0, 4)).toEqual([404, 404, 404, 404]);
      expect(codes[4]).toBe(429);
      const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 10)]);
      const res = await uploadEvidence(a, 'big.png', big);
      expect(res.statusCode).toBe(413);
      expect(await t.db.query('SELECT 1 FROM evidence_files')).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});

