import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { PDF } from '../../../../../test/support/protection';
import { postFile } from '../../../../../test/support/registry';
import { syncReferencePlans } from './reference';

const DOC_NO = '信知战联办〔2022〕17号';

describe('workplan plans', () => {
  let t: TestApp;
  let city: Agent;
  let court: Agent;
  let leader: Agent;
  let gushi: Agent;
  let plan2022: { id: number };

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-26T02:00:00Z' });
    [city, court, leader, gushi] = await Promise.all([t.as('city'), t.as('court'), t.as('leader'), t.as('gushi')]);
    const list = await city.get('/api/workplan/plans');
    plan2022 = list.data.items.find((p: { docNo: string | null }) => p.docNo === DOC_NO);
  });
  afterAll(() => t.close());

  it('ships the 2022 plan as the official document with its twelve key tasks, loaded once however often the server starts', async () => {
    expect(plan2022).toMatchObject({ year: 2022, isOfficialText: true, isDemo: false, issuer: '信阳市知识产权战略实施工作联席会议办公室', issueDate: '2022-09-21', tasks: 12 });
    const view = await gushi.get(`/api/workplan/plans/${plan2022.id}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.data.title).toBe('信阳市推动知识产权高质量发展2022年度重点工作方案');
    expect(view.data.sourceNote).toContain(DOC_NO);
    expect(view.data.goals).toContain('建立市知识产权保护重点关注名录');
    expect(view.data.taskList.map((x: { title: string }) => x.title)).toEqual([
      '加强组织领导',
      '强化考核评价',
      '强化知识产权司法保护',
      '加强知识产权协同保护',
      '加强知识产权执法监督',
      '完善海外维权援助机制',
      '加强知识产权平台建设',
      '务实知识产权运用基础',
      '推动社会参与知识产权保护',
      '促进知识产权服务业健康发展',
      '加大知识产权人才培养力度',
      '加大知识产权知识宣传力度',
    ]);
    // Page breaks of the printed document are joined: the text reads as one paragraph.
    expect(view.data.taskList[2].body).toContain('案件管辖制度和协调机制');
    expect(view.data.actions).toEqual([]);

    expect(await t.db.tx((tx) => syncReferencePlans(tx))).toBe(0);
    const [n] = await t.db.query<{ plans: number; tasks: number }>(
      'SELECT count(DISTINCT p.id)::int AS plans, count(t.id)::int AS tasks FROM workplan_plans p JOIN workplan_tasks t ON t.plan_id = p.id WHERE p.doc_no = $1',
      [DOC_NO],
    );
    expect(n).toEqual({ plans: 1, tasks: 12 });
  });

  it('keeps the official text as published: no edits, no task changes', async () => {
    const edit = await city.patch(`/api/workplan/plans/${plan2022.id}`, { title: '改过的标题' });
    expect(edit.statusCode).toBe(409);
    expect(edit.data.error.message).toContain('正式文件原文');
    expect((await city.post(`/api/workplan/plans/${plan2022.id}/tasks`, { title: '新增任务' })).statusCode).toBe(409);
    const task = (await city.get(`/api/workplan/plans/${plan2022.id}`)).data.taskList[0];
    expect((await city.delete(`/api/workplan/tasks/${task.id}`)).statusCode).toBe(409);
  });

  it('starts a new year by copying the previous plan, with assignments moved a year and no progress', async () => {
    const before = await city.get(`/api/workplan/assignments?plan=${plan2022.id}&pageSize=200`);
    // The 2022 plan is closed: what was left open says so instead of counting days overdue.
    const unfinished = before.data.items.filter((a: { status: string }) => a.status === 'not_started' || a.status === 'in_progress');
    expect(unfinished.length).toBeGreaterThan(0);
    expect(unfinished.every((a: { planClosed: boolean }) => a.planClosed)).toBe(true);
    const copied = await city.post(`/api/workplan/plans/${plan2022.id}/copy`, { year: 2027, withAssignments: true });
    expect(copied.statusCode, copied.body).toBe(201);
    expect(copied.data).toMatchObject({ year: 2027, status: 'draft', isOfficialText: false, copiedFrom: plan2022.id, docNo: null, tasks: 12 });
    expect(copied.data.title).toBe('信阳市推动知识产权高质量发展2027年度重点工作方案');
    expect(copied.data.actions).toEqual(expect.arrayContaining(['edit', 'issue', 'copy']));

    const after = await city.get(`/api/workplan/assignments?plan=${copied.data.id}&pageSize=200`);
    const live = before.data.items.filter((a: { status: string }) => a.status !== 'cancelled');
    expect(after.data.total).toBe(live.length);
    for (const a of after.data.items) {
      expect(a).toMatchObject({ status: 'not_started', percent: 0, planYear: 2027, planClosed: false });
      const src = live.find((s: { title: string; orgId: string }) => s.title === a.title && s.orgId === a.orgId);
      expect(a.dueDate).toBe(`${Number(src.dueDate.slice(0, 4)) + 5}${src.dueDate.slice(4)}`);
    }
    if (after.data.items.length > 0) {
      const one = await city.get(`/api/workplan/assignments/${after.data.items[0].id}`);
      expect(one.data.reports).toEqual([]);
      expect(one.data.indicators.every((i: { source: string }) => i.source !== 'report')).toBe(true);
    }
    expect((await city.post(`/api/workplan/plans/${plan2022.id}/copy`, { year: 2027, withAssignments: false })).statusCode).toBe(409);
  });

  it('lets the city office draft, fill, document, issue and close a plan; partners and leaders cannot', async () => {
    expect((await court.post('/api/workplan/plans', { year: 2028, title: '2028年度重点工作方案' })).statusCode).toBe(403);
    expect((await leader.post('/api/workplan/plans', { year: 2028, title: '2028年度重点工作方案' })).statusCode).toBe(403);
    expect((await leader.get('/api/workplan/plans')).statusCode).toBe(200);

    const created = await city.post('/api/workplan/plans', { year: 2028, title: '信阳市知识产权2028年度重点工作方案', goals: '试行目标' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.data.id;
    expect(created.data).toMatchObject({ status: 'draft', issuer: '信阳市知识产权战略实施工作联席会议办公室', isOfficialText: false });
    const withTask = await city.post(`/api/workplan/plans/${id}/tasks`, { title: '加强组织领导', body: '各县区建立领导机制。' });
    expect(withTask.statusCode).toBe(201);
    expect(withTask.data.taskList).toMatchObject([{ seq: 1, title: '加强组织领导' }]);

    const doc = await postFile(city, `/api/workplan/plans/${id}/document`, '方案正式文件.pdf', PDF);
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.data.document).toMatchObject({ name: '方案正式文件.pdf', mime: 'application/pdf' });
    expect(doc.data.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await leader.get(`/api/workplan/plans/${id}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');

    expect((await city.patch(`/api/workplan/plans/${id}`, { status: 'closed' })).statusCode).toBe(409);
    expect((await city.patch(`/api/workplan/plans/${id}`, { status: 'issued', docNo: '信知战联办〔2028〕1号' })).data).toMatchObject({ status: 'issued', docNo: '信知战联办〔2028〕1号' });
    expect((await city.patch(`/api/workplan/plans/${id}`, { docNo: DOC_NO })).statusCode).toBe(409);
    expect((await city.patch(`/api/workplan/plans/${id}`, { status: 'closed' })).data.status).toBe('closed');
    expect((await city.patch(`/api/workplan/plans/${id}`, { status: 'draft' })).statusCode).toBe(409);
    const history = (await city.get(`/api/workplan/plans/${id}`)).data.history;
    expect(history.map((e: { payload: { to?: string } }) => e.payload.to).filter(Boolean)).toEqual(['draft', 'issued', 'closed']);
    expect(history.some((e: { kind: string }) => e.kind === 'file')).toBe(true);
    const audits = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'workplan_plan' AND target_id = $1 ORDER BY id", [String(id)]);
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['workplan.plan.create', 'workplan.plan.document', 'workplan.plan.issue', 'workplan.plan.close']));
  });
});
