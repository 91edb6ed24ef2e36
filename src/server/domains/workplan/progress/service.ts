import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { addDays, daysBetween } from '../../../../shared/insight/fees';
import { todayInChina } from '../../../../shared/registry/normalise';
import { hasPermission } from '../../../../shared/roles';
import { areaByCode, CITY_CODE } from '../../../../shared/validators';
import { isMetric, METRIC_DEFINITIONS, METRICS, type MetricCode } from '../../../../shared/workplan/metrics';
import { completedOnTime, expectedPercent, isDueSoon, isOpen, isOverdue, ragOf, REMIND_DAYS, type Rag } from '../../../../shared/workplan/rag';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { conflict, forbidden, invalid, notFound } from '../../../errors';
import { oneStepDailyJob } from '../../../jobs/runner';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import * as evidence from '../../protection/evidence/service';
import type { Subject } from '../../protection/evidence/service';
import { metricByArea, type MetricValue } from '../metrics/service';
import * as sql from './queries';
import type { AssignmentRow, IndicatorRow, Scope } from './queries';
import type * as schema from './schema';

type Summary = z.infer<typeof schema.assignmentSummary>;
type Detail = z.infer<typeof schema.assignmentDetail>;

export const assignmentSubject = (id: number): Subject => ({ kind: 'workplan_assignment', id });
export const progressSubject = (id: number): Subject => ({ kind: 'workplan_progress', id });
const today = (ctx: AppContext) => todayInChina(ctx.clock.now().getTime());
const NO_ORG = '00000000-0000-0000-0000-000000000000';
const notFoundAssignment = () => notFound({ zh: '没有这项任务分解，或不属于您的单位', en: 'No such assignment, or it is not your unit’s' });

export const manages = (actor: Actor) => hasPermission(actor.roles, 'workplan.manage');
/** A responsible unit's officer (county desk, member unit): reports on its own assignments. */
export const reportsOwn = (actor: Actor) => !manages(actor) && hasPermission(actor.roles, 'workplan.report');

/** The city office sees all; a unit only its own organisation's assignments; other readers their area. */
export function scopeOf(actor: Actor): Scope {
  if (manages(actor)) return { org: null, areas: null };
  if (reportsOwn(actor)) return { org: actor.orgId ?? NO_ORG, areas: null };
  return { org: null, areas: scopeFilter(actor) };
}

const areaName = (code: string) => areaByCode(code)?.name ?? code;

export function toSummary(r: AssignmentRow, day: string): Summary {
  const ragInput = { status: r.status, percent: r.percent, startDate: r.start_date, dueDate: r.due_date };
  return {
    id: r.id,
    planId: r.plan_id,
    planYear: r.plan_year,
    planTitle: r.plan_title,
    taskId: r.task_id,
    taskSeq: r.task_seq,
    taskTitle: r.task_title,
    orgId: r.org_id,
    orgName: r.org_name,
    orgKind: r.org_kind,
    areaCode: r.area_code,
    areaName: areaName(r.area_code),
    title: r.title,
    startDate: r.start_date,
    dueDate: r.due_date,
    status: r.status,
    percent: r.percent,
    expectedPercent: expectedPercent(ragInput, day),
    rag: ragOf(ragInput, day),
    overdue: isOverdue(ragInput, day),
    dueSoon: isDueSoon(ragInput, day),
    daysLeft: daysBetween(day, r.due_date),
    planClosed: r.plan_status === 'closed',
    pendingReview: r.pending,
    returned: r.returned && isOpen(r.status) && !r.pending,
    completedAt: r.completed_at?.toISOString() ?? null,
    lastReportAt: r.last_report_at?.toISOString() ?? null,
    isDemo: r.is_demo,
  };
}

/** Assignments in the caller's scope with their judgement, for lists, the dashboard and reminders. */
export async function summaries(ctx: AppContext, actor: Actor, f: sql.AssignmentFilter): Promise<Summary[]> {
  const day = today(ctx);
  return (await sql.assignments(ctx.db, scopeOf(actor), f)).map((r) => toSummary(r, day));
}

/** Units first see what needs them: returned reports, overdue, due soon; then by due date. */
function urgency(s: Summary): number {
  if (s.returned) return 0;
  if (s.overdue) return 1;
  if (s.dueSoon) return 2;
  if (s.rag === 'amber') return 3;
  if (isOpen(s.status)) return 4;
  return 5;
}

export async function listAssignments(ctx: AppContext, actor: Actor, q: z.infer<typeof schema.listQuery>): Promise<z.infer<typeof schema.assignmentList>> {
  // Without a chosen plan, the list is the current work: closed plans stay out.
  const all = await summaries(ctx, actor, { plan: q.plan, task: q.task, org: q.org, area: q.area, status: q.status, q: q.q, openPlans: !q.plan });
  const reminders = {
    overdue: all.filter((s) => s.overdue).length,
    dueSoon: all.filter((s) => s.dueSoon).length,
    returned: all.filter((s) => s.returned).length,
    pendingReview: all.filter((s) => s.pendingReview).length,
  };
  const picked = all
    .filter((s) => (!q.rag || s.rag === q.rag) && (!q.overdue || s.overdue) && (!q.dueSoon || s.dueSoon) && (!q.pending || s.pendingReview))
    .sort((a, b) => urgency(a) - urgency(b) || a.dueDate.localeCompare(b.dueDate) || a.taskSeq - b.taskSeq || a.id - b.id);
  const start = (q.page - 1) * q.pageSize;
  return { items: picked.slice(start, start + q.pageSize), total: picked.length, page: q.page, pageSize: q.pageSize, reminders };
}

type MetricCache = Map<string, Promise<Map<string, MetricValue>>>;

function metricFor(ctx: AppContext, cache: MetricCache, metric: MetricCode, year: number) {
  const key = `${metric}:${year}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = metricByArea(ctx, metric, year);
    cache.set(key, hit);
  }
  return hit;
}

/** Target, actual and progress of each indicator: the platform's own figure when it has one, else the accepted report's. */
export async function indicatorViews(ctx: AppContext, a: Pick<AssignmentRow, 'area_code' | 'plan_year'>, rows: IndicatorRow[], cache: MetricCache = new Map()): Promise<Detail['indicators']> {
  const out: Detail['indicators'] = [];
  for (const i of rows) {
    let actual: number | null = null;
    let source: 'metric' | 'report' | 'none' = 'none';
    let drill: MetricValue['drill'] | null = null;
    const metric = i.metric && isMetric(i.metric) ? i.metric : null;
    if (metric) {
      const v = (await metricFor(ctx, cache, metric, a.plan_year)).get(a.area_code) ?? (await metricFor(ctx, cache, metric, a.plan_year)).get(CITY_CODE);
      actual = v?.value ?? null;
      drill = v?.drill ?? null;
      source = 'metric';
    } else if (i.reported !== null) {
      actual = i.reported;
      source = 'report';
    }
    out.push({
      id: i.id,
      seq: i.seq,
      name: i.name,
      unit: i.unit,
      target: i.target,
      metric: i.metric,
      metricName: metric ? METRIC_DEFINITIONS[metric].name.zh : null,
      actual,
      source,
      percent: actual !== null && i.target > 0 ? Math.min(100, Math.round((actual / i.target) * 100)) : null,
      drill,
    });
  }
  return out;
}

function actionsFor(actor: Actor, a: AssignmentRow): string[] {
  const out: string[] = [];
  const open = isOpen(a.status);
  if (reportsOwn(actor) && actor.orgId === a.org_id && open && a.plan_status === 'issued' && !a.pending) out.push('report');
  if (manages(actor) && a.pending) out.push('review');
  if (manages(actor) && open) out.push('edit', 'cancel');
  return out;
}

async function load(ctx: AppContext, actor: Actor, id: number, q: Queryable = ctx.db, lock = false): Promise<AssignmentRow> {
  const a = await sql.assignmentById(q, scopeOf(actor), id, lock);
  if (!a) throw notFoundAssignment();
  return a;
}

export async function getAssignment(ctx: AppContext, actor: Actor, id: number): Promise<Detail> {
  const a = await load(ctx, actor, id);
  const day = today(ctx);
  const [indicators, milestones, reports, history, task] = await Promise.all([
    sql.indicatorsOf(ctx.db, [id]),
    sql.milestonesOf(ctx.db, [id]),
    sql.progressOf(ctx.db, id),
    evidence.chainOf(ctx.db, assignmentSubject(id)),
    ctx.db.query<{ body: string }>('SELECT body FROM workplan_tasks WHERE id = $1', [a.task_id]),
  ]);
  const reportViews: Detail['reports'] = [];
  for (const r of reports) {
    const files = await evidence.filesOf(ctx.db, progressSubject(r.id));
    reportViews.push({
      id: r.id,
      seq: r.seq,
      body: r.body,
      figures: r.figures,
      percent: r.percent,
      final: r.final,
      milestones: r.milestones,
      status: r.status,
      submittedBy: r.submitted_by_name,
      submittedAt: r.submitted_at.toISOString(),
      reviewedBy: r.reviewed_by_name,
      reviewedAt: r.reviewed_at?.toISOString() ?? null,
      reviewComment: r.review_comment,
      files: files.map((f) => ({ id: f.id, sha256: f.sha256, size: f.size, mime: f.mime, name: f.name, uploadedBy: f.uploaded_by_name, uploadedAt: f.uploaded_at.toISOString() })),
    });
  }
  return {
    ...toSummary(a, day),
    requirements: a.requirements,
    cancelReason: a.cancel_reason,
    taskBody: task[0]?.body ?? '',
    indicators: await indicatorViews(ctx, a, indicators),
    milestones: milestones.map((m) => ({ id: m.id, seq: m.seq, title: m.title, dueDate: m.due_date, doneAt: m.done_at, overdue: !m.done_at && m.due_date < day && isOpen(a.status) })),
    reports: reportViews,
    history,
    actions: actionsFor(actor, a),
  };
}

async function checkOrg(q: Queryable, orgId: string) {
  const org = await sql.orgById(q, orgId);
  if (!org || !['area_desk', 'partner', 'city_office'].includes(org.kind)) {
    throw invalid({ zh: '责任单位须是县区、管理区的知识产权工作机构或联席会议成员单位', en: 'The responsible unit must be a county/zone desk or a member unit' }, [{ field: 'orgId' }]);
  }
  return org;
}

function checkMilestones(body: { dueDate: string; milestones: Array<{ dueDate: string }> }) {
  const late = body.milestones.findIndex((m) => m.dueDate > body.dueDate);
  if (late >= 0) throw invalid({ zh: '节点时间不能晚于任务完成时限', en: 'A milestone cannot fall after the due date' }, [{ field: `milestones.${late}.dueDate` }]);
}

/** The city office gives a unit its share of a task, with measurable indicators and milestones. */
export async function createAssignment(ctx: AppContext, actor: Actor, body: schema.CreateBody, opts: { isDemo?: boolean } = {}): Promise<Detail> {
  checkMilestones(body);
  const id = await ctx.db.tx(async (tx) => {
    const task = await sql.taskById(tx, body.taskId);
    if (!task) throw invalid({ zh: '没有这项重点任务', en: 'No such task' }, [{ field: 'taskId' }]);
    if (task.plan_status === 'closed') throw conflict({ zh: '方案已关闭，不能再分解任务', en: 'The plan is closed; no more assignments can be added' });
    const org = await checkOrg(tx, body.orgId);
    const [dup] = await tx.query('SELECT 1 FROM workplan_assignments WHERE task_id = $1 AND org_id = $2 AND title = $3', [body.taskId, body.orgId, body.title]);
    if (dup) throw conflict({ zh: '该单位在这项任务下已有同名的分解任务', en: 'The unit already has an assignment of that title under this task' });
    const assignmentId = await sql.insertAssignment(tx, {
      taskId: body.taskId,
      orgId: org.id,
      areaCode: org.area_code,
      title: body.title,
      requirements: body.requirements,
      startDate: body.startDate ?? null,
      dueDate: body.dueDate,
      by: actor.kind === 'user' ? actor.id : null,
      at: ctx.clock.now(),
      isDemo: opts.isDemo ?? false,
    });
    await sql.replaceIndicators(tx, assignmentId, body.indicators);
    await sql.replaceMilestones(tx, assignmentId, body.milestones);
    await evidence.appendEntry(ctx, tx, assignmentSubject(assignmentId), actor, {
      kind: 'state',
      payload: { from: null, to: 'not_started', unit: org.name, dueDate: body.dueDate, indicators: body.indicators.length, milestones: body.milestones.length },
    });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.assignment.create', targetType: 'workplan_assignment', targetId: String(assignmentId), details: { taskId: body.taskId, orgId: org.id } });
    return assignmentId;
  });
  return getAssignment(ctx, actor, id);
}

export async function updateAssignment(ctx: AppContext, actor: Actor, id: number, body: schema.UpdateBody): Promise<Detail> {
  checkMilestones(body);
  await ctx.db.tx(async (tx) => {
    const a = await load(ctx, actor, id, tx, true);
    if (!isOpen(a.status)) throw conflict({ zh: '已完成或已撤销的任务不能再修改', en: 'A completed or cancelled assignment cannot be changed' }, { status: a.status });
    const own = new Set((await sql.indicatorsOf(tx, [id])).map((i) => i.id));
    const ownM = new Set((await sql.milestonesOf(tx, [id])).map((m) => m.id));
    if (body.indicators.some((i) => i.id && !own.has(i.id)) || body.milestones.some((m) => m.id && !ownM.has(m.id))) {
      throw invalid({ zh: '指标或节点不属于这项任务', en: 'An indicator or milestone belongs to another assignment' }, [{ field: 'indicators' }]);
    }
    await sql.updateAssignment(tx, id, { title: body.title, requirements: body.requirements, startDate: body.startDate ?? null, dueDate: body.dueDate, at: ctx.clock.now() });
    await sql.replaceIndicators(tx, id, body.indicators);
    await sql.replaceMilestones(tx, id, body.milestones);
    await evidence.appendEntry(ctx, tx, assignmentSubject(id), actor, { kind: 'state', payload: { event: 'edit', dueDate: body.dueDate, indicators: body.indicators.length, milestones: body.milestones.length } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.assignment.update', targetType: 'workplan_assignment', targetId: String(id), details: { dueDate: body.dueDate } });
  });
  return getAssignment(ctx, actor, id);
}

export async function cancelAssignment(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const a = await load(ctx, actor, id, tx, true);
    if (!isOpen(a.status)) throw conflict({ zh: '已完成或已撤销的任务不能撤销', en: 'A completed or cancelled assignment cannot be cancelled' }, { status: a.status });
    await tx.query("UPDATE workplan_progress SET status = 'returned', review_comment = $2, reviewed_at = $3 WHERE assignment_id = $1 AND status = 'submitted'", [id, `任务已撤销：${reason}`, ctx.clock.now()]);
    await sql.setAssignmentState(tx, id, { status: 'cancelled', cancelReason: reason }, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, assignmentSubject(id), actor, { kind: 'state', payload: { from: a.status, to: 'cancelled', reason } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.assignment.cancel', targetType: 'workplan_assignment', targetId: String(id), details: { from: a.status } });
  });
  return getAssignment(ctx, actor, id);
}

/** A file for a progress report (photos of events, minutes, statistics), attached when the report is sent. */
export async function upload(ctx: AppContext, actor: Actor, file: { source: Readable; fileName: string }) {
  const { row: _row, ...view } = await evidence.receiveFile(ctx, actor, file, null);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'workplan.upload', targetType: 'evidence_file', targetId: String(view.id), details: { sha256: view.sha256, size: view.size } });
  return view;
}

/** The responsible unit reports progress: words, figures per manual indicator, milestones reached, files. */
export async function submitProgress(ctx: AppContext, actor: Actor, id: number, body: schema.ProgressBody, opts: { isDemo?: boolean } = {}): Promise<Detail> {
  if (body.final && body.percent !== 100) throw invalid({ zh: '申报完成时，完成进度应为 100%', en: 'A final report has 100 % progress' }, [{ field: 'percent' }]);
  await ctx.db.tx(async (tx) => {
    const a = await load(ctx, actor, id, tx, true);
    if (!reportsOwn(actor) || actor.orgId !== a.org_id) throw forbidden();
    if (!isOpen(a.status)) throw conflict({ zh: `任务已${a.status === 'completed' ? '完成' : '撤销'}，不能再报送进展`, en: `The assignment is ${a.status}; no more reports` }, { status: a.status });
    if (a.plan_status !== 'issued') throw conflict({ zh: '方案未印发或已关闭，暂不能报送进展', en: 'The plan is not issued (or is closed); reports are not taken' }, { planStatus: a.plan_status });
    const manual = new Set((await sql.indicatorsOf(tx, [id])).filter((i) => !i.metric).map((i) => String(i.id)));
    const stray = Object.keys(body.figures).filter((k) => !manual.has(k));
    if (stray.length) throw invalid({ zh: '只能填报本任务的手工填报指标', en: 'Figures can be given only for this assignment’s manual indicators' }, stray.map((k) => ({ field: `figures.${k}` })));
    const milestoneIds = new Set((await sql.milestonesOf(tx, [id])).map((m) => m.id));
    if (body.milestones.some((m) => !milestoneIds.has(m))) throw invalid({ zh: '节点不属于这项任务', en: 'A milestone belongs to another assignment' }, [{ field: 'milestones' }]);
    if (a.pending) throw conflict({ zh: '上一次报送的进展尚待市局审核，审核后再报送', en: 'The previous report awaits review; report again after it is reviewed' });
    const report = await sql.insertProgress(tx, {
      assignmentId: id,
      body: body.body,
      figures: body.figures,
      percent: body.percent,
      final: body.final,
      milestones: body.milestones,
      by: actor.kind === 'user' ? actor.id : null,
      at: ctx.clock.now(),
      isDemo: opts.isDemo ?? false,
    });
    const files = await evidence.claimUploads(ctx, tx, body.files, progressSubject(report.id));
    if (a.status === 'not_started') await sql.setAssignmentState(tx, id, { status: 'in_progress' }, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, assignmentSubject(id), actor, {
      kind: 'state',
      payload: { event: 'report', report: report.seq, percent: body.percent, final: body.final, files: files.length, ...(a.status === 'not_started' ? { from: 'not_started', to: 'in_progress' } : {}) },
    });
    await evidence.appendFiles(ctx, tx, assignmentSubject(id), actor, files);
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.progress.submit', targetType: 'workplan_assignment', targetId: String(id), details: { report: report.id, percent: body.percent, final: body.final, files: files.length } });
  });
  return getAssignment(ctx, actor, id);
}

async function review(ctx: AppContext, actor: Actor, id: number, pid: number, decision: 'accept' | 'return', comment: string | undefined): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const a = await load(ctx, actor, id, tx, true);
    const r = await sql.progressById(tx, id, pid, true);
    if (!r) throw notFound({ zh: '没有这份进展报告', en: 'No such progress report' });
    if (r.status !== 'submitted') throw conflict({ zh: `这份进展报告已${r.status === 'accepted' ? '通过' : '退回'}，不能再审核`, en: `The report was already ${r.status}` }, { status: r.status });
    if (!isOpen(a.status)) throw conflict({ zh: '任务已完成或已撤销', en: 'The assignment is completed or cancelled' }, { status: a.status });
    const now = ctx.clock.now();
    await sql.reviewProgress(tx, pid, { status: decision === 'accept' ? 'accepted' : 'returned', by: actor.kind === 'user' ? actor.id : null, at: now, comment: comment ?? null });
    let to: string = a.status === 'not_started' ? 'in_progress' : a.status;
    if (decision === 'accept') {
      for (const [k, v] of Object.entries(r.figures)) await sql.setReported(tx, Number(k), id, v);
      if (r.milestones.length) await sql.markMilestones(tx, id, r.milestones, today(ctx));
      if (r.final) {
        to = 'completed';
        await sql.setAssignmentState(tx, id, { status: 'completed', percent: 100, completedAt: now }, now);
      } else {
        await sql.setAssignmentState(tx, id, { status: 'in_progress', percent: r.percent }, now);
      }
    }
    await evidence.appendEntry(ctx, tx, assignmentSubject(id), actor, {
      kind: 'state',
      payload: { event: decision, report: r.seq, ...(comment ? { comment } : {}), ...(to !== a.status ? { from: a.status, to } : {}), ...(decision === 'accept' ? { percent: r.final ? 100 : r.percent } : {}) },
    });
    await appendAudit(tx, ctx.clock, { actor, action: `workplan.progress.${decision}`, targetType: 'workplan_assignment', targetId: String(id), details: { report: pid, to } });
    if (decision === 'return') await tellUnit(ctx, tx, a, `进展报告被退回：${a.title}`, [`您单位报送的「${a.title}」第 ${r.seq} 次进展报告已被市局退回，意见如下：`, comment ?? '', '', '请修改后重新报送。']);
  });
  return getAssignment(ctx, actor, id);
}

export const acceptProgress = (ctx: AppContext, actor: Actor, id: number, pid: number, comment: string | undefined) => review(ctx, actor, id, pid, 'accept', comment);
export const returnProgress = (ctx: AppContext, actor: Actor, id: number, pid: number, comment: string) => review(ctx, actor, id, pid, 'return', comment);

async function tellUnit(ctx: AppContext, tx: Queryable, a: AssignmentRow, subject: string, lines: string[]): Promise<number> {
  let mailed = 0;
  for (const u of await sql.usersOfOrg(tx, a.org_id)) {
    if (!u.email) continue;
    await ctx.mailer.enqueue(tx, { to: u.email, subject: `【信知】${subject}`, body: [`${u.display_name}：`, '', ...lines, '', '请登录信知平台「工作方案与考核 → 任务分解与进展」查看。', '', '此邮件由系统发送。'].join('\n') });
    mailed++;
  }
  return mailed;
}

export async function openProgressFile(ctx: AppContext, actor: Actor, id: number, pid: number, fileId: number) {
  await load(ctx, actor, id);
  const r = await sql.progressById(ctx.db, id, pid);
  if (!r) throw notFound({ zh: '没有这份进展报告', en: 'No such progress report' });
  const file = await evidence.openFile(ctx, progressSubject(pid), fileId);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'workplan.progress.file.read', targetType: 'workplan_assignment', targetId: String(id), details: { report: pid, fileId } });
  return file;
}

export async function units(ctx: AppContext): Promise<z.infer<typeof schema.unitsView>> {
  return { items: (await sql.assignableOrgs(ctx.db)).map((o) => ({ id: o.id, name: o.name, kind: o.kind, areaCode: o.area_code, areaName: areaName(o.area_code) })) };
}

export function metrics(): z.infer<typeof schema.metricsView> {
  return { items: METRICS.map((code) => ({ code, name: METRIC_DEFINITIONS[code].name.zh, unit: METRIC_DEFINITIONS[code].unit.zh, rule: METRIC_DEFINITIONS[code].rule.zh })) };
}

export interface AreaCompletion {
  assigned: number;
  completed: number;
  /** Completed on or before the due date (China time). */
  onTime: number;
  /** Still open after the due date. */
  overdue: number;
  /** completed ÷ assigned × 100, one decimal; null with nothing assigned. */
  rate: number | null;
}

/**
 * Per area (county, district, zone; 411500 for city-level member units): the assignments of the
 * year's issued or closed plans (cancelled ones left out), how many were completed, on time, and
 * are overdue today. The assessment scores plan completion from this.
 */
export async function assignmentCompletionByArea(ctx: AppContext, year: number): Promise<Map<string, AreaCompletion>> {
  const day = today(ctx);
  const out = new Map<string, AreaCompletion>();
  for (const r of await sql.assignmentsOfYear(ctx.db, year)) {
    const c = out.get(r.area_code) ?? { assigned: 0, completed: 0, onTime: 0, overdue: 0, rate: null };
    c.assigned++;
    if (r.status === 'completed') c.completed++;
    if (completedOnTime({ status: r.status, dueDate: r.due_date, completedOn: r.completed_on })) c.onTime++;
    if (isOverdue({ status: r.status, dueDate: r.due_date }, day)) c.overdue++;
    out.set(r.area_code, c);
  }
  for (const c of out.values()) c.rate = c.assigned ? Math.round((c.completed / c.assigned) * 1000) / 10 : null;
  return out;
}

export const WORKPLAN_DAILY_JOB = 'workplan-daily';

/**
 * Once a day: mails each unit's officers their assignments overdue or due within REMIND_DAYS, one
 * mail per unit per day however often it runs.
 */
export async function dailyReminders(ctx: AppContext): Promise<{ units: number; mailed: number; due: number; overdue: number }> {
  const day = today(ctx);
  const rows = (await sql.dueAssignments(ctx.db, addDays(day, REMIND_DAYS))).map((r) => ({ r, s: toSummary(r, day) }));
  const byOrg = new Map<string, typeof rows>();
  for (const x of rows) byOrg.set(x.r.org_id, [...(byOrg.get(x.r.org_id) ?? []), x]);
  let unitsTold = 0;
  let mailed = 0;
  for (const [orgId, list] of byOrg) {
    const overdue = list.filter((x) => x.s.overdue);
    const due = list.filter((x) => x.s.dueSoon);
    await ctx.db.tx(async (tx) => {
      if (!(await sql.claimReminder(tx, orgId, day, due.length, overdue.length, ctx.clock.now()))) return;
      const first = list[0]?.r;
      if (!first) return;
      const line = (x: (typeof list)[number]) => `${x.r.plan_year}年 任务（${x.r.task_seq}）${x.r.title}　完成时限 ${x.r.due_date}　当前进度 ${x.r.percent}%${x.s.overdue ? `（已逾期 ${-x.s.daysLeft} 天）` : `（还剩 ${x.s.daysLeft} 天）`}`;
      const n = await tellUnit(ctx, tx, first, `工作任务期限提醒：逾期 ${overdue.length} 项，${REMIND_DAYS} 日内到期 ${due.length} 项`, [
        `${first.org_name}有以下工作方案任务已逾期或即将到期：`,
        ...overdue.map(line),
        ...due.map(line),
      ]);
      await sql.setReminderMailed(tx, orgId, day, n);
      unitsTold++;
      mailed += n;
    });
  }
  return { units: unitsTold, mailed, due: rows.filter((x) => x.s.dueSoon).length, overdue: rows.filter((x) => x.s.overdue).length };
}

export const workplanDailyJobHandler = oneStepDailyJob(WORKPLAN_DAILY_JOB, 'workplan.manage', ['workplan_remind', 'workplan_done'], dailyReminders);

export type { Rag };
