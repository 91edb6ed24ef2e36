import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { unzip } from '../../../../../test/support/documents';
import { PNG } from '../../../../../test/support/protection';
import { postFile } from '../../../../../test/support/registry';
import { verifyEvidence } from '../../protection/evidence/service';

const BASE = '/api/workplan/supervision';

describe('workplan supervision: 督办, 通报, 约谈, 整改', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;
  let shangtianti: Agent;
  let court: Agent;
  let leader: Agent;
  let auditor: Agent;
  let gushiOrg: string;
  let shangtiantiOrg: string;
  let courtOrg: string;
  let overdueId: number;
  let onTimeId: number;

  const orgOf = async (username: string) => (await t.db.query<{ org_id: string }>('SELECT org_id FROM users WHERE username = $1', [username]))[0]?.org_id as string;
  const audits = async (action: string) => (await t.db.query('SELECT 1 FROM audit_log WHERE action = $1', [action])).length;
  const outboxTo = async (orgId: string) =>
    (await t.db.query<{ subject: string }>('SELECT o.subject FROM outbox o JOIN users u ON u.email = o.to_address WHERE u.org_id = $1 ORDER BY o.created_at', [orgId])).map((r) => r.subject);

  // Moving the clock by days ends sessions (idle limit): sign in again after each move.
  const signIn = async () => {
    [city, gushi, shangtianti, court, leader, auditor] = (await Promise.all(['city', 'gushi', 'shangtianti', 'court', 'leader', 'auditor'].map((u) => t.as(u)))) as [Agent, Agent, Agent, Agent, Agent, Agent];
  };
  const moveClock = async (at: string) => {
    t.clock.set(new Date(at));
    await signIn();
  };

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    await signIn();
    gushiOrg = await orgOf('gushi');
    shangtiantiOrg = await orgOf('shangtianti');
    courtOrg = await orgOf('court');
    // The plan's tables are written directly: supervision only reads them.
    const now = new Date('2026-01-10T00:00:00Z');
    const [plan] = await t.db.query<{ id: number }>(
      `INSERT INTO workplan_plans (year, title, doc_no, issuer, status, created_at, updated_at) VALUES (2026, '2026年知识产权工作要点（测试）', '信知战联办〔2026〕99号', '信阳市知识产权战略实施工作联席会议办公室', 'issued', $1, $1) RETURNING id::int AS id`,
      [now],
    );
    const [task] = await t.db.query<{ id: number }>(`INSERT INTO workplan_tasks (plan_id, seq, title, created_at, updated_at) VALUES ($1, 1, '加强地理标志保护', $2, $2) RETURNING id::int AS id`, [plan?.id, now]);
    const insert = (org: string, area: string, title: string, due: string) =>
      t.db.query<{ id: number }>(
        `INSERT INTO workplan_assignments (task_id, org_id, area_code, title, due_date, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'in_progress', $6, $6) RETURNING id::int AS id`,
        [task?.id, org, area, title, due, now],
      );
    overdueId = (await insert(gushiOrg, '411525', '固始鸡地理标志专用标志使用核准', '2026-10-31'))[0]?.id as number;
    onTimeId = (await insert(gushiOrg, '411525', '固始萝卜地理标志宣传', '2026-12-31'))[0]?.id as number;
    await insert(shangtiantiOrg, 'shangtianti', '珍珠岩产业专利导航', '2026-09-30');
    // Each unit's people have a mailbox, so that mails can be followed.
    await t.db.query(`UPDATE users SET email = username || '@example.gov.cn' WHERE username IN ('gushi', 'shangtianti', 'court') AND email IS NULL`);
  });
  afterAll(() => t.close());

  const noticeBody = (over: Record<string, unknown> = {}) => ({
    orgId: gushiOrg,
    assignmentIds: [overdueId],
    issues: '固始鸡地理标志专用标志使用核准工作逾期未完成。',
    requirement: '请立即组织力量推进，明确完成时限。',
    replyContent: '办理进展、未完成原因、下一步措施及完成时限。',
    replyDue: '2026-12-05',
    ...over,
  });

  it('lists overdue assignments and issues a 督办 the unit sees, replies to with a file, and the city returns and then accepts', async () => {
    const overdue = await city.get(`${BASE}/overdue-assignments`);
    expect(overdue.statusCode, overdue.body).toBe(200);
    const ids = overdue.data.items.map((a: { id: number }) => a.id);
    expect(ids).toContain(overdueId);
    expect(ids).not.toContain(onTimeId);
    expect(overdue.data.items.find((a: { id: number }) => a.id === overdueId)).toMatchObject({ daysOverdue: 25, openNotices: 0, unit: { name: '固始县市场监督管理局' } });

    const before = await audits('workplan.notice.issue');
    const issued = await city.post(`${BASE}/notices`, noticeBody());
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.data).toMatchObject({ status: 'issued', overdue: false, issueDate: '2026-11-25', unit: { id: gushiOrg }, actions: ['rectify'] });
    expect(issued.data.ref).toMatch(/^信知督〔2026〕\d+号$/);
    expect(issued.data.assignments).toMatchObject([{ id: overdueId, title: '固始鸡地理标志专用标志使用核准' }]);
    expect(await audits('workplan.notice.issue')).toBe(before + 1);
    expect(await outboxTo(gushiOrg)).toContain(`【信知】督办通知 ${issued.data.ref}`);
    const id = issued.data.id;
    // The numbers run on within the year.
    const second = await city.post(`${BASE}/notices`, noticeBody({ assignmentIds: [], issues: '固始萝卜宣传进度滞后。' }));
    expect(second.data.ref).toBe(issued.data.ref.replace(/〕(\d+)号/, (_: string, n: string) => `〕${Number(n) + 1}号`));
    expect((await city.get(`${BASE}/overdue-assignments`)).data.items.find((a: { id: number }) => a.id === overdueId).openNotices).toBe(1);

    // The unit sees it, with what it may do; another unit does not.
    const mine = await gushi.get(`${BASE}/notices`);
    expect(mine.data.items.map((n: { id: number }) => n.id)).toContain(id);
    expect(mine.data.items.every((n: { unit: { id: string } }) => n.unit.id === gushiOrg)).toBe(true);
    expect((await gushi.get(`${BASE}/notices/${id}`)).data.actions).toEqual(['reply', 'attach']);
    expect((await shangtianti.get(`${BASE}/notices/${id}`)).statusCode).toBe(404);
    expect((await shangtianti.get(`${BASE}/notices`)).data.items.map((n: { id: number }) => n.id)).not.toContain(id);
    expect((await shangtianti.post(`${BASE}/notices/${id}/reply`, { body: '不是我们的' })).statusCode).toBe(404);
    expect((await court.get(`${BASE}/notices/${id}`)).statusCode).toBe(404);
    // Readers see every unit's notices but cannot act.
    expect((await leader.get(`${BASE}/notices/${id}`)).data.actions).toEqual([]);
    expect((await auditor.get(`${BASE}/notices/${id}`)).statusCode).toBe(200);
    expect((await leader.post(`${BASE}/notices/${id}/accept`, {})).statusCode).toBe(403);

    // Accepting before a reply is an illegal step.
    expect((await city.post(`${BASE}/notices/${id}/accept`, {})).statusCode).toBe(409);
    expect((await city.post(`${BASE}/notices/${id}/return`, { comment: '请补充' })).statusCode).toBe(409);

    const attached = await postFile(gushi, `${BASE}/notices/${id}/files`, '核准材料.png', PNG);
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.data.files).toHaveLength(1);
    const replied = await gushi.post(`${BASE}/notices/${id}/reply`, { body: '已完成 12 家企业的核准材料初审，预计 12 月 10 日前报省局。' });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.data).toMatchObject({ status: 'replied', replies: 1, repliedBy: '周建国', actions: [] });
    expect((await gushi.post(`${BASE}/notices/${id}/reply`, { body: '再回复一次' })).statusCode).toBe(409);
    expect((await postFile(gushi, `${BASE}/notices/${id}/files`, 'more.png', PNG)).statusCode).toBe(409);

    const file = await city.get(`${BASE}/notices/${id}/files/${attached.data.files[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await shangtianti.get(`${BASE}/notices/${id}/files/${attached.data.files[0].id}`)).statusCode).toBe(404);

    const returned = await city.post(`${BASE}/notices/${id}/return`, { comment: '请补充未完成原因和具体完成时限', replyDue: '2026-12-08' });
    expect(returned.data).toMatchObject({ status: 'returned', reviewComment: '请补充未完成原因和具体完成时限', replyDue: '2026-12-08' });
    expect(await outboxTo(gushiOrg)).toContain(`【信知】督办回复被退回 ${issued.data.ref}`);
    expect((await gushi.get(`${BASE}/notices/${id}`)).data.actions).toEqual(['reply', 'attach']);

    await gushi.post(`${BASE}/notices/${id}/reply`, { body: '原因：企业材料不齐。12 月 8 日前完成全部初审并报送。' });
    const accepted = await city.post(`${BASE}/notices/${id}/accept`, { comment: '同意' });
    expect(accepted.data).toMatchObject({ status: 'accepted', replies: 2 });
    expect((await city.post(`${BASE}/notices/${id}/return`, { comment: '再补充' })).statusCode).toBe(409);
    expect((await gushi.post(`${BASE}/notices/${id}/reply`, { body: '追加' })).statusCode).toBe(409);

    // The history is the notice's hash chain, every step in order, and it verifies.
    const history = (await city.get(`${BASE}/notices/${id}`)).data.history;
    expect(history.filter((h: { kind: string }) => h.kind === 'state').map((h: { payload: { to: string } }) => h.payload.to)).toEqual(['issued', 'replied', 'returned', 'replied', 'accepted']);
    expect(history.some((h: { kind: string }) => h.kind === 'file')).toBe(true);
    expect((await verifyEvidence(t.ctx)).problems.filter((p) => p.subject.startsWith('workplan_'))).toEqual([]);
    expect(await audits('workplan.notice.reply')).toBeGreaterThanOrEqual(2);
    expect(await audits('workplan.notice.accept')).toBeGreaterThanOrEqual(1);
  });

  it('lets only the city office issue', async () => {
    for (const who of [gushi, court, leader, auditor]) expect((await who.post(`${BASE}/notices`, noticeBody())).statusCode).toBe(403);
    expect((await gushi.get(`${BASE}/overdue-assignments`)).statusCode).toBe(403);
    expect((await court.post(`${BASE}/circulars`, { kind: 'praise', title: 'x', body: 'x', units: [{ orgId: courtOrg }] })).statusCode).toBe(403);
    expect((await t.agent().get(`${BASE}/notices`)).statusCode).toBe(401);
  });

  it('refuses bad input naming the fields', async () => {
    const early = await city.post(`${BASE}/notices`, noticeBody({ issueDate: '2026-11-25', replyDue: '2026-11-20' }));
    expect(early.statusCode).toBe(400);
    expect(JSON.stringify(early.data.error.details)).toContain('replyDue');
    const noDate = await city.post(`${BASE}/notices`, noticeBody({ replyDue: '2026-11-01' }));
    expect(noDate.statusCode).toBe(400);
    expect(JSON.stringify(noDate.data.error.details)).toContain('replyDue');
    const empty = await city.post(`${BASE}/notices`, noticeBody({ issues: '   ' }));
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.data.error.details)).toContain('issues');
    const foreign = await city.post(`${BASE}/notices`, noticeBody({ orgId: shangtiantiOrg }));
    expect(foreign.statusCode).toBe(400);
    expect(JSON.stringify(foreign.data.error.details)).toContain('assignmentIds');
    expect((await city.post(`${BASE}/notices`, { ...noticeBody(), extra: 1 })).statusCode).toBe(400);
    const cityOrg = (await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE kind = 'city_office' LIMIT 1`))[0]?.id;
    expect((await city.post(`${BASE}/notices`, noticeBody({ orgId: cityOrg, assignmentIds: [] }))).statusCode).toBe(400);
  });

  it('flags a reply as overdue once the deadline passes, and reminds the unit once', async () => {
    const issued = await city.post(`${BASE}/notices`, noticeBody({ orgId: courtOrg, assignmentIds: [], issues: '案件信息共享不及时。', replyDue: '2026-11-30' }));
    const id = issued.data.id;
    expect(issued.data.overdue).toBe(false);
    const baseline = (await city.get(`${BASE}/summary`)).data.notices.overdue;
    await moveClock('2026-12-02T02:00:00Z');
    try {
      expect((await court.get(`${BASE}/notices/${id}`)).data.overdue).toBe(true);
      expect((await city.get(`${BASE}/notices?overdue=1`)).data.items.map((n: { id: number }) => n.id)).toContain(id);
      expect((await city.get(`${BASE}/summary`)).data.notices.overdue).toBeGreaterThan(baseline);
      expect((await court.get(`${BASE}/summary`)).data.mine).toEqual({ notices: 1, rectifications: 0 });
      const { supervisionReminders } = await import('./service');
      await supervisionReminders(t.ctx);
      await supervisionReminders(t.ctx);
      expect((await outboxTo(courtOrg)).filter((s) => s.includes('督办回复已逾期'))).toHaveLength(1);
      // Replying ends the overdue flag.
      expect((await court.post(`${BASE}/notices/${id}/reply`, { body: '已建立每周共享机制。' })).data.overdue).toBe(false);
    } finally {
      await moveClock('2026-11-25T02:00:00Z');
    }
  });

  it('records a criticism circular and tracks its rectification item to closure', async () => {
    const bad = await city.post(`${BASE}/circulars`, { kind: 'criticism', title: 'x', body: 'x', units: [] });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.data.error.details)).toContain('units');

    const circ = await city.post(`${BASE}/circulars`, {
      kind: 'criticism',
      title: '关于2026年第三季度工作方案推进滞后单位的通报',
      body: '第三季度，部分单位工作推进缓慢，重点任务完成率偏低。',
      units: [{ orgId: shangtiantiOrg, reason: '珍珠岩产业专利导航逾期未完成' }],
      circulateTo: 'all',
    });
    expect(circ.statusCode, circ.body).toBe(201);
    expect(circ.data.ref).toMatch(/^信知通〔2026〕\d+号$/);
    expect(circ.data.units).toMatchObject([{ id: shangtiantiOrg, reason: '珍珠岩产业专利导航逾期未完成' }]);
    // Circulated to all units: every workplan reader sees it.
    for (const who of [gushi, shangtianti, court, leader]) expect((await who.get(`${BASE}/circulars/${circ.data.id}`)).statusCode).toBe(200);

    // Only a unit the criticism names can be given the item; a praise makes none.
    expect((await city.post(`${BASE}/rectifications`, { sourceKind: 'circular', sourceId: circ.data.id, orgId: gushiOrg, description: 'x', deadline: '2026-12-31' })).statusCode).toBe(400);
    const praise = await city.post(`${BASE}/circulars`, { kind: 'praise', title: '表扬', body: '固始县成绩突出。', units: [{ orgId: gushiOrg }], circulateTo: 'listed', recipients: [gushiOrg] });
    expect((await shangtianti.get(`${BASE}/circulars/${praise.data.id}`)).statusCode).toBe(404);
    expect((await city.post(`${BASE}/rectifications`, { sourceKind: 'circular', sourceId: praise.data.id, orgId: gushiOrg, description: 'x', deadline: '2026-12-31' })).statusCode).toBe(422);
    expect((await city.post(`${BASE}/rectifications`, { sourceKind: 'circular', sourceId: circ.data.id, orgId: shangtiantiOrg, description: 'x', deadline: '2026-11-01' })).statusCode).toBe(400);

    const boardOf = async () => (await city.get(`${BASE}/rectifications/board`)).data.units.find((u: { id: string }) => u.id === shangtiantiOrg) as { open: number; closed: number } | undefined;
    const boardBefore = await boardOf();
    const item = await city.post(`${BASE}/rectifications`, { sourceKind: 'circular', sourceId: circ.data.id, orgId: shangtiantiOrg, description: '12 月底前完成珍珠岩产业专利导航报告', deadline: '2026-12-31' });
    expect(item.statusCode, item.body).toBe(201);
    expect(item.data).toMatchObject({ status: 'open', overdue: false, source: { kind: 'circular', ref: circ.data.ref }, unit: { id: shangtiantiOrg } });
    const id = item.data.id;
    expect((await gushi.get(`${BASE}/rectifications/${id}`)).statusCode).toBe(404);
    expect((await city.get(`${BASE}/circulars/${circ.data.id}`)).data.rectifications).toBe(1);

    const board = (await city.get(`${BASE}/rectifications/board`)).data.units.find((u: { id: string }) => u.id === shangtiantiOrg);
    expect(board.open).toBe((boardBefore?.open ?? 0) + 1);

    expect((await city.post(`${BASE}/rectifications/${id}/close`, {})).statusCode).toBe(409);
    expect((await postFile(shangtianti, `${BASE}/rectifications/${id}/files`, '导航报告.png', PNG)).statusCode).toBe(200);
    const submitted = await shangtianti.post(`${BASE}/rectifications/${id}/submit`, { body: '导航报告已完成初稿并通过专家评审。' });
    expect(submitted.data).toMatchObject({ status: 'submitted', actions: [] });
    const ret = await city.post(`${BASE}/rectifications/${id}/return`, { comment: '请上传评审意见' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.data.status).toBe('returned');
    await shangtianti.post(`${BASE}/rectifications/${id}/submit`, { body: '已补充专家评审意见。' });
    const closed = await city.post(`${BASE}/rectifications/${id}/close`, { comment: '整改到位' });
    expect(closed.data).toMatchObject({ status: 'closed', reviewComment: '整改到位' });
    expect(closed.data.closedAt).toBeTruthy();
    expect((await shangtianti.post(`${BASE}/rectifications/${id}/submit`, { body: '再报' })).statusCode).toBe(409);
    expect(await boardOf()).toMatchObject({ open: boardBefore?.open ?? 0, closed: (boardBefore?.closed ?? 0) + 1 });
    expect(closed.data.history.filter((h: { kind: string }) => h.kind === 'state').map((h: { payload: { to: string } }) => h.payload.to)).toEqual(['open', 'submitted', 'returned', 'submitted', 'closed']);
  });

  it('flags a rectification item overdue past its deadline', async () => {
    const n = await city.post(`${BASE}/notices`, noticeBody({ assignmentIds: [], issues: '宣传工作滞后。' }));
    const item = await city.post(`${BASE}/rectifications`, { sourceKind: 'notice', sourceId: n.data.id, orgId: gushiOrg, description: '补办宣传活动', deadline: '2026-11-30' });
    expect(item.statusCode, item.body).toBe(201);
    expect((await city.post(`${BASE}/rectifications`, { sourceKind: 'notice', sourceId: n.data.id, orgId: courtOrg, description: 'x', deadline: '2026-11-30' })).statusCode).toBe(400);
    await moveClock('2026-12-03T02:00:00Z');
    try {
      expect((await gushi.get(`${BASE}/rectifications/${item.data.id}`)).data.overdue).toBe(true);
      expect((await city.get(`${BASE}/rectifications?overdue=1`)).data.items.map((r: { id: number }) => r.id)).toContain(item.data.id);
    } finally {
      await moveClock('2026-11-25T02:00:00Z');
    }
  });

  it('records a 约谈 with follow-ups until it is closed', async () => {
    const bad = await city.post(`${BASE}/interviews`, { orgId: shangtiantiOrg, interviewees: '张某（管委会副主任）', interviewers: '李文博', heldAt: '2026-11-24T02:00:00Z', place: '市知识产权局三楼会议室', issues: '', followUpDue: '2026-11-01' });
    expect(bad.statusCode).toBe(400);
    const fields = JSON.stringify(bad.data.error.details);
    expect(fields).toContain('issues');
    expect(fields).toContain('followUpDue');

    const rec = await city.post(`${BASE}/interviews`, {
      orgId: shangtiantiOrg,
      interviewees: '张某（管委会副主任）、王某（经发局局长）',
      interviewers: '李文博（市知识产权局副局长）',
      heldAt: '2026-11-24T02:00:00Z',
      place: '市知识产权局三楼会议室',
      issues: '专利导航项目连续两个季度滞后。',
      commitments: '12 月 20 日前完成导航报告并报市局。',
      followUpDue: '2026-12-20',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.data).toMatchObject({ status: 'open', ref: expect.stringMatching(/^信知约〔2026〕\d+号$/), actions: ['follow-up', 'rectify'] });
    const id = rec.data.id;
    expect((await shangtianti.get(`${BASE}/interviews/${id}`)).data.actions).toEqual([]);
    expect((await gushi.get(`${BASE}/interviews/${id}`)).statusCode).toBe(404);
    expect((await shangtianti.post(`${BASE}/interviews/${id}/follow-ups`, { body: 'x' })).statusCode).toBe(403);

    await city.post(`${BASE}/interviews/${id}/follow-ups`, { body: '12 月 5 日电话跟踪：报告已完成初稿。' });
    const closed = await city.post(`${BASE}/interviews/${id}/follow-ups`, { body: '报告已报送，承诺事项落实。', close: true });
    expect(closed.data).toMatchObject({ status: 'closed' });
    expect(closed.data.followUps.map((f: { body: string }) => f.body)).toEqual(['12 月 5 日电话跟踪：报告已完成初稿。', '报告已报送，承诺事项落实。']);
    expect((await city.post(`${BASE}/interviews/${id}/follow-ups`, { body: '再跟踪' })).statusCode).toBe(409);

    const doc = await city.get(`${BASE}/interviews/${id}/document.docx`);
    expect(doc.statusCode).toBe(200);
    const xml = (await unzip(doc.rawPayload)).get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('约谈记录');
    expect(xml).toContain('上天梯');
  });

  it('generates the 督办通知书 and the 通报 as .docx in official form', async () => {
    const n = await city.post(`${BASE}/notices`, noticeBody());
    const res = await gushi.get(`${BASE}/notices/${n.data.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const files = await unzip(res.rawPayload);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain(n.data.ref);
    expect(xml).toContain('固始县市场监督管理局');
    expect(xml).toContain('督办通知书');
    expect(xml).toContain('固始鸡地理标志专用标志使用核准');
    expect(xml).toContain('2026年12月5日');
    expect((await shangtianti.get(`${BASE}/notices/${n.data.id}/document.docx`)).statusCode).toBe(404);

    const c = (await city.get(`${BASE}/circulars?kind=criticism`)).data.items[0];
    const cdoc = await leader.get(`${BASE}/circulars/${c.id}/document.docx`);
    const cxml = (await unzip(cdoc.rawPayload)).get('word/document.xml')?.toString('utf8') ?? '';
    expect(cxml).toContain(c.ref);
    expect(cxml).toContain('上天梯');
    expect(await audits('workplan.notice.document')).toBeGreaterThanOrEqual(1);
  });
});
