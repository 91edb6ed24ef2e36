import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { PNG } from '../../../../../test/support/protection';
import { postFile } from '../../../../../test/support/registry';
import { HOUR } from '../../../clock';
import { verifyEvidence } from '../../protection/evidence/service';
import { metricByArea } from '../metrics/service';
import { assignmentCompletionByArea, dailyReminders } from './service';

describe('workplan assignments and progress', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;
  let shangtianti: Agent;
  let court: Agent;
  let leader: Agent;
  let auditor: Agent;
  let taskId: number;
  let gushiOrg: string;

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-06-15T02:00:00Z' });
    [city, gushi, shangtianti, court, leader, auditor] = (await Promise.all(['city', 'gushi', 'shangtianti', 'court', 'leader', 'auditor'].map((u) => t.as(u)))) as Agent[] as [Agent, Agent, Agent, Agent, Agent, Agent];
    const plan = await city.post('/api/workplan/plans', { year: 2026, title: '测试用2026年度工作方案' });
    const withTask = await city.post(`/api/workplan/plans/${plan.data.id}/tasks`, { title: '加强知识产权协同保护', body: '完善纠纷多元化解机制。' });
    taskId = withTask.data.taskList[0].id;
    expect((await city.patch(`/api/workplan/plans/${plan.data.id}`, { status: 'issued' })).statusCode).toBe(200);
    gushiOrg = (await city.get('/api/workplan/units')).data.items.find((u: { areaCode: string; kind: string }) => u.kind === 'area_desk' && u.areaCode === '411525').id;
  });
  afterAll(() => t.close());

  const assign = (over: Record<string, unknown> = {}) =>
    city.post('/api/workplan/assignments', {
      taskId,
      orgId: gushiOrg,
      title: '建立县级知识产权纠纷调解组织',
      requirements: '年内挂牌运行，办结调解案件不少于 5 件。',
      startDate: '2026-01-01',
      dueDate: '2026-12-20',
      indicators: [
        { name: '办结调解案件', unit: '件', target: 5, metric: 'mediation_closed' },
        { name: '调解员培训', unit: '次', target: 2 },
      ],
      milestones: [{ title: '调解委员会挂牌', dueDate: '2026-09-30' }],
      ...over,
    });

  it('takes a unit’s report with a photo, returns it with comments, takes it again and completes the assignment on acceptance', async () => {
    const baseline = (await assignmentCompletionByArea(t.ctx, 2026)).get('411525') ?? { assigned: 0, completed: 0, onTime: 0 };
    const created = await assign();
    expect(created.statusCode, created.body).toBe(201);
    const id = created.data.id;
    expect(created.data).toMatchObject({ status: 'not_started', percent: 0, areaCode: '411525', orgName: '固始县市场监督管理局', actions: ['edit', 'cancel'] });

    // The metric-fed indicator is the platform's own figure for the area and the plan year, with its drill link.
    const expected = (await metricByArea(t.ctx, 'mediation_closed', 2026)).get('411525');
    const [fed, manual] = created.data.indicators;
    expect(fed).toMatchObject({ source: 'metric', actual: expected?.value, drill: expected?.drill, metricName: '办结调解案件数' });
    expect(manual).toMatchObject({ source: 'none', actual: null });

    // Only the responsible unit sees and reports on it.
    expect((await shangtianti.get(`/api/workplan/assignments/${id}`)).statusCode).toBe(404);
    expect((await court.get(`/api/workplan/assignments/${id}`)).statusCode).toBe(404);
    expect((await shangtianti.get('/api/workplan/assignments?pageSize=200')).data.items.some((a: { id: number }) => a.id === id)).toBe(false);
    expect((await shangtianti.post(`/api/workplan/assignments/${id}/progress`, { body: '越权报送', percent: 10 })).statusCode).toBe(404);
    expect((await leader.post(`/api/workplan/assignments/${id}/progress`, { body: '领导不报送', percent: 10 })).statusCode).toBe(403);
    expect((await gushi.post('/api/workplan/assignments', { taskId, orgId: gushiOrg, title: '自己给自己派任务', dueDate: '2026-12-01' })).statusCode).toBe(403);
    expect((await auditor.get(`/api/workplan/assignments/${id}`)).statusCode).toBe(200);
    const mine = await gushi.get(`/api/workplan/assignments/${id}`);
    expect(mine.data.actions).toEqual(['report']);

    const photo = await postFile(gushi, '/api/workplan/uploads', '挂牌现场.png', PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    const first = await gushi.post(`/api/workplan/assignments/${id}/progress`, { body: '调解委员会已挂牌，组织培训 1 次。', percent: 60, figures: { [manual.id]: 1 }, milestones: [mine.data.milestones[0].id], files: [photo.data.uploadToken] });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.data).toMatchObject({ status: 'in_progress', pendingReview: true, actions: [] });
    expect(first.data.reports[0]).toMatchObject({ seq: 1, status: 'submitted', percent: 60 });
    expect(first.data.reports[0].files).toMatchObject([{ name: '挂牌现场.png', mime: 'image/png' }]);
    const pid1 = first.data.reports[0].id;
    const file = await city.get(`/api/workplan/assignments/${id}/progress/${pid1}/files/${first.data.reports[0].files[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect((await shangtianti.get(`/api/workplan/assignments/${id}/progress/${pid1}/files/${first.data.reports[0].files[0].id}`)).statusCode).toBe(404);

    // A second report waits for the first to be reviewed; figures only for the assignment's manual indicators.
    expect((await gushi.post(`/api/workplan/assignments/${id}/progress`, { body: '再报一次', percent: 70 })).statusCode).toBe(409);
    expect((await gushi.post(`/api/workplan/assignments/${id}/progress`, { body: '错填', percent: 70, figures: { [fed.id]: 3 } })).statusCode).toBe(400);

    // Returning needs a comment.
    expect((await city.post(`/api/workplan/assignments/${id}/progress/${pid1}/return`, {})).statusCode).toBe(400);
    expect((await gushi.post(`/api/workplan/assignments/${id}/progress/${pid1}/return`, { comment: '自己退回' })).statusCode).toBe(403);
    const returned = await city.post(`/api/workplan/assignments/${id}/progress/${pid1}/return`, { comment: '请附培训签到表。' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.data.reports[0]).toMatchObject({ status: 'returned', reviewComment: '请附培训签到表。' });
    expect(returned.data.percent).toBe(0);
    expect((await city.post(`/api/workplan/assignments/${id}/progress/${pid1}/accept`, {})).statusCode).toBe(409);
    const seen = await gushi.get('/api/workplan/assignments');
    expect(seen.data.items[0]).toMatchObject({ id, returned: true });
    expect(seen.data.reminders.returned).toBeGreaterThanOrEqual(1);

    // A final report must say 100 %; then the city accepts it and the assignment is completed.
    expect((await gushi.post(`/api/workplan/assignments/${id}/progress`, { body: '已完成', percent: 90, final: true })).statusCode).toBe(400);
    const again = await gushi.post(`/api/workplan/assignments/${id}/progress`, { body: '已挂牌运行，培训 2 次，签到表已附。', percent: 100, final: true, figures: { [manual.id]: 2 } });
    expect(again.statusCode, again.body).toBe(201);
    const pid2 = again.data.reports[0].id;
    const accepted = await city.post(`/api/workplan/assignments/${id}/progress/${pid2}/accept`, { comment: '材料齐全' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.data).toMatchObject({ status: 'completed', percent: 100, rag: 'green', actions: [] });
    expect(accepted.data.completedAt).not.toBeNull();
    expect(accepted.data.indicators[1]).toMatchObject({ source: 'report', actual: 2, percent: 100 });
    expect(accepted.data.milestones[0].doneAt).toBeNull();

    // Illegal moves are refused.
    expect((await city.post(`/api/workplan/assignments/${id}/progress/${pid2}/accept`, {})).statusCode).toBe(409);
    expect((await gushi.post(`/api/workplan/assignments/${id}/progress`, { body: '完成后再报', percent: 100 })).statusCode).toBe(409);
    expect((await city.post(`/api/workplan/assignments/${id}/cancel`, { reason: '不再需要' })).statusCode).toBe(409);

    // The history tells the whole story, sealed in the evidence chain; every step is in the audit log.
    const events = accepted.data.history.map((e: { kind: string; payload: { event?: string; to?: string } }) => e.payload.event ?? e.payload.to ?? e.kind);
    expect(events).toEqual(['not_started', 'report', 'file', 'return', 'report', 'accept']);
    expect((await verifyEvidence(t.ctx)).ok).toBe(true);
    const audits = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'workplan_assignment' AND target_id = $1 ORDER BY id", [String(id)]);
    expect(audits.map((a) => a.action)).toEqual(['workplan.assignment.create', 'workplan.progress.submit', 'workplan.progress.file.read', 'workplan.progress.return', 'workplan.progress.submit', 'workplan.progress.accept']);

    const after = (await assignmentCompletionByArea(t.ctx, 2026)).get('411525');
    expect(after?.assigned).toBe(baseline.assigned + 1);
    expect(after?.completed).toBe(baseline.completed + 1);
    expect(after?.onTime).toBe(baseline.onTime + 1);
  });

  it('takes no report on a cancelled assignment', async () => {
    const created = await assign({ title: '将被撤销的任务' });
    const id = created.data.id;
    expect((await city.post(`/api/workplan/assignments/${id}/cancel`, {})).statusCode).toBe(400);
    expect((await city.post(`/api/workplan/assignments/${id}/cancel`, { reason: '任务调整' })).data).toMatchObject({ status: 'cancelled', rag: 'grey' });
    expect((await gushi.post(`/api/workplan/assignments/${id}/progress`, { body: '撤销后报送', percent: 10 })).statusCode).toBe(409);
  });

  it('turns amber when due soon and behind time, red when overdue, on the list, the dashboard and in reminder mails once a day', async () => {
    await t.db.query("UPDATE users SET email = 'gushi.desk@example.invalid' WHERE username = 'gushi'");
    const created = await assign({ title: '企业贯标培训', startDate: '2026-01-01', dueDate: '2026-06-20', indicators: [], milestones: [] });
    const id = created.data.id;
    expect(created.data).toMatchObject({ rag: 'amber', dueSoon: true, overdue: false, daysLeft: 5 });
    const amber = await city.get(`/api/workplan/assignments?rag=amber&pageSize=200`);
    expect(amber.data.items.some((a: { id: number }) => a.id === id)).toBe(true);

    const mails = async () => (await t.db.query<{ body: string }>("SELECT body FROM outbox WHERE to_address = 'gushi.desk@example.invalid' AND subject LIKE '%工作任务期限提醒%' ORDER BY created_at")).map((m) => m.body);
    const before = (await mails()).length;
    await dailyReminders(t.ctx);
    const sent = await mails();
    expect(sent.length).toBe(before + 1);
    expect(sent.at(-1)).toContain('企业贯标培训');
    expect(sent.at(-1)).toContain('还剩 5 天');
    await dailyReminders(t.ctx);
    expect((await mails()).length).toBe(before + 1);

    t.clock.advance(7 * 24 * HOUR);
    [city, gushi, shangtianti, leader, auditor] = (await Promise.all(['city', 'gushi', 'shangtianti', 'leader', 'auditor'].map((u) => t.as(u)))) as [Agent, Agent, Agent, Agent, Agent];
    const late = await gushi.get(`/api/workplan/assignments/${id}`);
    expect(late.data).toMatchObject({ rag: 'red', overdue: true, daysLeft: -2 });
    const mine = await gushi.get('/api/workplan/assignments');
    expect(mine.data.reminders.overdue).toBeGreaterThanOrEqual(1);
    expect(mine.data.items.findIndex((a: { id: number }) => a.id === id)).toBeLessThan(mine.data.items.findIndex((a: { status: string }) => a.status === 'completed'));
    await dailyReminders(t.ctx);
    expect((await mails()).at(-1)).toContain('已逾期 2 天');

    const board = await leader.get(`/api/workplan/dashboard?plan=${created.data.planId}`);
    expect(board.statusCode, board.body).toBe(200);
    expect(board.data.overdue.map((a: { id: number }) => a.id)).toContain(id);
    expect(board.data.board.find((c: { orgId: string; taskId: number }) => c.orgId === gushiOrg && c.taskId === taskId)).toMatchObject({ rag: 'red' });
    const unit = board.data.byUnit.find((u: { orgId: string }) => u.orgId === gushiOrg);
    expect(unit).toMatchObject({ assigned: 2, completed: 1, overdue: 1, rate: 50 });
    expect(board.data.byTask[0]).toMatchObject({ taskId, assigned: 2, completed: 1, overdue: 1 });
    // A unit's dashboard holds only its own assignments.
    const own = await shangtianti.get(`/api/workplan/dashboard?plan=${created.data.planId}`);
    expect(own.data.totals.assigned).toBe(0);
    expect((await auditor.get(`/api/workplan/dashboard?plan=${created.data.planId}`)).data.totals.assigned).toBe(2);
  });
});
