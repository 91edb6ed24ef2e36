import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { addYears } from '../../../../shared/insight/fees';
import type { PlanStatus } from '../../../../shared/workplan/rag';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { conflict, notFound } from '../../../errors';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import * as evidence from '../../protection/evidence/service';
import type { Subject } from '../../protection/evidence/service';
import * as progressSql from '../progress/queries';
import { manages, summaries } from '../progress/service';
import * as sql from './queries';
import type { PlanRow } from './queries';
import type * as schema from './schema';

type PlanView = schema.PlanView;
const planSubject = (id: number): Subject => ({ kind: 'workplan_plan', id });
const noPlan = () => notFound({ zh: '没有这份工作方案', en: 'No such plan' });
const officialLocked = () =>
  conflict({ zh: '正式文件原文不能修改；如需调整，请复制为新方案后再改', en: 'The text of an official document cannot be changed; copy it into a new plan to adapt it' });

/** Allowed moves of a plan: a draft is issued (then units report), an issued plan is closed at year end. */
const NEXT: Record<PlanStatus, PlanStatus[]> = { draft: ['issued'], issued: ['closed'], closed: [] };

function counts(items: Awaited<ReturnType<typeof summaries>>) {
  const live = items.filter((s) => s.status !== 'cancelled');
  return { assigned: live.length, completed: live.filter((s) => s.status === 'completed').length, overdue: live.filter((s) => s.overdue).length, atRisk: live.filter((s) => s.rag === 'amber').length };
}

function summaryOf(p: PlanRow, c: ReturnType<typeof counts>) {
  return {
    id: p.id,
    year: p.year,
    title: p.title,
    docNo: p.doc_no,
    issuer: p.issuer,
    issueDate: p.issue_date,
    status: p.status,
    isOfficialText: p.is_official_text,
    sourceNote: p.source_note,
    copiedFrom: p.copied_from,
    isDemo: p.is_demo,
    tasks: p.tasks,
    assigned: c.assigned,
    completed: c.completed,
    overdue: c.overdue,
  };
}

export async function listPlans(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.planList>> {
  const rows = await sql.plans(ctx.db);
  const all = await summaries(ctx, actor, {});
  return { items: rows.map((p) => summaryOf(p, counts(all.filter((s) => s.planId === p.id)))) };
}

export async function getPlan(ctx: AppContext, actor: Actor, id: number): Promise<PlanView> {
  const p = await sql.planById(ctx.db, id);
  if (!p) throw noPlan();
  const [tasks, items, history] = await Promise.all([sql.tasksOf(ctx.db, id), summaries(ctx, actor, { plan: id }), evidence.chainOf(ctx.db, planSubject(id))]);
  const doc = p.document_file_id ? (await evidence.filesOf(ctx.db, planSubject(id))).find((f) => f.id === p.document_file_id) : undefined;
  const actions: string[] = [];
  if (manages(actor)) {
    if (!p.is_official_text && p.status !== 'closed') actions.push('edit', 'tasks');
    if (p.status === 'draft') actions.push('issue');
    if (p.status === 'issued') actions.push('close');
    if (p.status !== 'closed') actions.push('assign', 'document');
    actions.push('copy');
  }
  return {
    ...summaryOf(p, counts(items)),
    goals: p.goals,
    document: doc ? { id: doc.id, sha256: doc.sha256, size: doc.size, mime: doc.mime, name: doc.name, uploadedBy: doc.uploaded_by_name, uploadedAt: doc.uploaded_at.toISOString() } : null,
    taskList: tasks.map((t) => ({ id: t.id, seq: t.seq, title: t.title, body: t.body, leadUnits: t.lead_units, ...counts(items.filter((s) => s.taskId === t.id)) })),
    history,
    actions,
  };
}

export async function createPlan(ctx: AppContext, actor: Actor, body: schema.CreateBody, opts: { isDemo?: boolean } = {}): Promise<PlanView> {
  const id = await ctx.db.tx(async (tx) => {
    if (body.docNo) {
      const [dup] = await tx.query('SELECT 1 FROM workplan_plans WHERE doc_no = $1', [body.docNo]);
      if (dup) throw conflict({ zh: `文号 ${body.docNo} 已被另一份方案使用`, en: `Document number ${body.docNo} is taken by another plan` });
    }
    const planId = await sql.insertPlan(tx, { year: body.year, title: body.title, docNo: body.docNo ?? null, issuer: body.issuer, issueDate: body.issueDate ?? null, goals: body.goals, copiedFrom: null, by: actor.kind === 'user' ? actor.id : null, at: ctx.clock.now(), isDemo: opts.isDemo ?? false });
    await evidence.appendEntry(ctx, tx, planSubject(planId), actor, { kind: 'state', payload: { from: null, to: 'draft', year: body.year } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.plan.create', targetType: 'workplan_plan', targetId: String(planId), details: { year: body.year } });
    return planId;
  });
  return getPlan(ctx, actor, id);
}

export async function updatePlan(ctx: AppContext, actor: Actor, id: number, body: schema.UpdateBody): Promise<PlanView> {
  await ctx.db.tx(async (tx) => {
    const p = await sql.planById(tx, id, true);
    if (!p) throw noPlan();
    const textChange = (['title', 'docNo', 'issuer', 'issueDate', 'goals'] as const).some((k) => body[k] !== undefined);
    if (textChange && p.is_official_text) throw officialLocked();
    if (textChange && p.status === 'closed') throw conflict({ zh: '方案已关闭，不能修改', en: 'The plan is closed' });
    const status = body.status ?? p.status;
    if (status !== p.status && !NEXT[p.status].includes(status)) {
      throw conflict({ zh: `方案当前状态（${p.status}）不能改为 ${status}`, en: `A plan in state "${p.status}" cannot become "${status}"` }, { from: p.status, to: status });
    }
    const docNo = body.docNo === undefined ? p.doc_no : body.docNo || null;
    if (docNo && docNo !== p.doc_no) {
      const [dup] = await tx.query('SELECT 1 FROM workplan_plans WHERE doc_no = $1 AND id <> $2', [docNo, id]);
      if (dup) throw conflict({ zh: `文号 ${docNo} 已被另一份方案使用`, en: `Document number ${docNo} is taken by another plan` });
    }
    await sql.updatePlan(tx, id, {
      title: body.title ?? p.title,
      docNo,
      issuer: body.issuer ?? p.issuer,
      issueDate: body.issueDate === undefined ? p.issue_date : body.issueDate,
      goals: body.goals ?? p.goals,
      status,
      at: ctx.clock.now(),
    });
    await evidence.appendEntry(ctx, tx, planSubject(id), actor, { kind: 'state', payload: status !== p.status ? { from: p.status, to: status } : { event: 'edit' } });
    await appendAudit(tx, ctx.clock, { actor, action: status !== p.status ? `workplan.plan.${status === 'issued' ? 'issue' : 'close'}` : 'workplan.plan.update', targetType: 'workplan_plan', targetId: String(id), details: { from: p.status, to: status } });
  });
  return getPlan(ctx, actor, id);
}

/**
 * Starts a new year's plan from an earlier one: its goals and tasks, and if asked each task's
 * assignments with their indicators and milestones, dates moved by the years between. Reports,
 * figures and states stay behind; the copy is a draft and no longer an official text.
 */
export async function copyPlan(ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.copyBody>, opts: { isDemo?: boolean } = {}): Promise<PlanView> {
  const newId = await ctx.db.tx(async (tx) => {
    const src = await sql.planById(tx, id);
    if (!src) throw noPlan();
    const title = body.title ?? src.title.replace(String(src.year), String(body.year));
    if (await sql.planOfYearTitled(tx, body.year, title)) throw conflict({ zh: `${body.year} 年已有同名方案「${title}」`, en: `${body.year} already has a plan titled "${title}"` });
    const shift = body.year - src.year;
    const now = ctx.clock.now();
    const by = actor.kind === 'user' ? actor.id : null;
    const planId = await sql.insertPlan(tx, { year: body.year, title, docNo: null, issuer: src.issuer, issueDate: null, goals: src.goals, copiedFrom: src.id, by, at: now, isDemo: opts.isDemo ?? src.is_demo });
    let assignments = 0;
    for (const t of await sql.tasksOf(tx, id)) {
      const taskId = await sql.insertTask(tx, { planId, seq: t.seq, title: t.title, body: t.body, leadUnits: t.lead_units, at: now });
      if (!body.withAssignments) continue;
      for (const a of await sql.assignmentsToCopy(tx, t.id)) {
        const newA = await progressSql.insertAssignment(tx, {
          taskId,
          orgId: a.org_id,
          areaCode: a.area_code,
          title: a.title,
          requirements: a.requirements,
          startDate: a.start_date ? addYears(a.start_date, shift) : null,
          dueDate: addYears(a.due_date, shift),
          by,
          at: now,
          isDemo: opts.isDemo ?? src.is_demo,
        });
        const [inds, ms] = await Promise.all([progressSql.indicatorsOf(tx, [a.id]), progressSql.milestonesOf(tx, [a.id])]);
        await progressSql.replaceIndicators(tx, newA, inds.map((i) => ({ name: i.name, unit: i.unit, target: i.target, metric: i.metric ?? undefined })));
        await progressSql.replaceMilestones(tx, newA, ms.map((m) => ({ title: m.title, dueDate: addYears(m.due_date, shift) })));
        await evidence.appendEntry(ctx, tx, { kind: 'workplan_assignment', id: newA }, actor, { kind: 'state', payload: { from: null, to: 'not_started', copiedFrom: a.id } });
        assignments++;
      }
    }
    await evidence.appendEntry(ctx, tx, planSubject(planId), actor, { kind: 'state', payload: { from: null, to: 'draft', year: body.year, copiedFrom: src.id, assignments } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.plan.copy', targetType: 'workplan_plan', targetId: String(planId), details: { from: src.id, year: body.year, assignments } });
    return planId;
  });
  return getPlan(ctx, actor, newId);
}

async function editablePlan(tx: Parameters<typeof sql.planById>[0], id: number) {
  const p = await sql.planById(tx, id, true);
  if (!p) throw noPlan();
  if (p.is_official_text) throw officialLocked();
  if (p.status === 'closed') throw conflict({ zh: '方案已关闭，不能修改', en: 'The plan is closed' });
  return p;
}

export async function addTask(ctx: AppContext, actor: Actor, planId: number, body: z.infer<typeof schema.taskBody>): Promise<PlanView> {
  await ctx.db.tx(async (tx) => {
    await editablePlan(tx, planId);
    const taskId = await sql.insertTask(tx, { planId, title: body.title, body: body.body, leadUnits: body.leadUnits ?? null, at: ctx.clock.now() });
    await evidence.appendEntry(ctx, tx, planSubject(planId), actor, { kind: 'state', payload: { event: 'task.add', task: body.title } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.task.create', targetType: 'workplan_task', targetId: String(taskId), details: { planId } });
  });
  return getPlan(ctx, actor, planId);
}

export async function updateTask(ctx: AppContext, actor: Actor, taskId: number, body: z.infer<typeof schema.taskBody>): Promise<PlanView> {
  const t = await sql.taskById(ctx.db, taskId);
  if (!t) throw notFound({ zh: '没有这项重点任务', en: 'No such task' });
  await ctx.db.tx(async (tx) => {
    await editablePlan(tx, t.plan_id);
    await sql.updateTask(tx, taskId, { title: body.title, body: body.body, leadUnits: body.leadUnits ?? null, at: ctx.clock.now() });
    await evidence.appendEntry(ctx, tx, planSubject(t.plan_id), actor, { kind: 'state', payload: { event: 'task.edit', task: body.title } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.task.update', targetType: 'workplan_task', targetId: String(taskId), details: { planId: t.plan_id } });
  });
  return getPlan(ctx, actor, t.plan_id);
}

export async function deleteTask(ctx: AppContext, actor: Actor, taskId: number): Promise<PlanView> {
  const t = await sql.taskById(ctx.db, taskId);
  if (!t) throw notFound({ zh: '没有这项重点任务', en: 'No such task' });
  await ctx.db.tx(async (tx) => {
    await editablePlan(tx, t.plan_id);
    if ((await sql.assignmentCount(tx, taskId)) > 0) throw conflict({ zh: '这项任务已分解给责任单位，不能删除；可撤销其分解任务', en: 'The task has assignments; cancel them instead of deleting it' });
    await sql.deleteTask(tx, taskId);
    await evidence.appendEntry(ctx, tx, planSubject(t.plan_id), actor, { kind: 'state', payload: { event: 'task.delete', task: t.title } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.task.delete', targetType: 'workplan_task', targetId: String(taskId), details: { planId: t.plan_id } });
  });
  return getPlan(ctx, actor, t.plan_id);
}

/** The signed document (红头文件) of the plan, kept with its SHA-256 in the plan's chain. */
export async function attachDocument(ctx: AppContext, actor: Actor, id: number, upload: { source: Readable; fileName: string }): Promise<PlanView> {
  await ctx.db.tx(async (tx) => {
    const p = await sql.planById(tx, id, true);
    if (!p) throw noPlan();
    if (p.status === 'closed') throw conflict({ zh: '方案已关闭，不能更换文件', en: 'The plan is closed' });
    const { row } = await evidence.receiveFile(ctx, actor, upload, { tx, subject: planSubject(id) });
    await sql.setDocument(tx, id, row.id, ctx.clock.now());
    await evidence.appendFiles(ctx, tx, planSubject(id), actor, [row]);
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.plan.document', targetType: 'workplan_plan', targetId: String(id), details: { fileId: row.id, sha256: row.sha256 } });
  });
  return getPlan(ctx, actor, id);
}

export async function openDocument(ctx: AppContext, actor: Actor, id: number) {
  const p = await sql.planById(ctx.db, id);
  if (!p?.document_file_id) throw notFound({ zh: '这份方案没有上传文件', en: 'The plan has no document' });
  const file = await evidence.openFile(ctx, planSubject(id), p.document_file_id);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'workplan.plan.document.read', targetType: 'workplan_plan', targetId: String(id), details: { fileId: p.document_file_id } });
  return file;
}
