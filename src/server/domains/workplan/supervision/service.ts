import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { todayInChina } from '../../../../shared/registry/normalise';
import { hasPermission } from '../../../../shared/roles';
import { areaByCode } from '../../../../shared/validators';
import {
  awaitsRectification,
  awaitsReply,
  docRef,
  rectificationRef,
  type RectificationSource,
} from '../../../../shared/workplan/supervision';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { conflict, forbidden, invalid, notFound, ruleViolated } from '../../../errors';
import { oneStepDailyJob } from '../../../jobs/runner';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import * as evidence from '../../protection/evidence/service';
import type { Subject } from '../../protection/evidence/service';
import type { FileRow } from '../../protection/evidence/queries';
import * as sql from './queries';
import type * as schema from './schema';

type NoticeView = z.infer<typeof schema.noticeDetail>;
type CircularView = z.infer<typeof schema.circularDetail>;
type InterviewView = z.infer<typeof schema.interviewDetail>;
type RectificationView = z.infer<typeof schema.rectificationDetail>;
type Upload = { source: Readable; fileName: string };

const SUBJECT = { notice: 'workplan_notice', circular: 'workplan_circular', interview: 'workplan_interview', rectification: 'workplan_rectification' } as const;
const subject = (kind: keyof typeof SUBJECT, id: number): Subject => ({ kind: SUBJECT[kind], id });

export const today = (ctx: AppContext) => todayInChina(ctx.clock.now().getTime());
const yearOf = (day: string) => Number(day.slice(0, 4));
/** The China-time date and hour:minute of an instant (interviews are held in Xinyang). */
export const dayOf = (iso: string) => todayInChina(Date.parse(iso));
export const timeOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);
const areaName = (code: string) => areaByCode(code)?.name ?? code;
const unitRef = (id: string, name: string, area: string) => ({ id, name, areaCode: area, areaName: areaName(area) });
const fileView = (f: FileRow) => ({ id: f.id, sha256: f.sha256, size: f.size, mime: f.mime, name: f.name, uploadedBy: f.uploaded_by_name, uploadedAt: f.uploaded_at.toISOString() });
const missing = () => notFound({ zh: '没有这条记录，或它不是发给本单位的', en: 'No such record, or it is not addressed to your unit' });

const supervises = (actor: Actor) => hasPermission(actor.roles, 'workplan.supervise');
/** A unit that reports on its own work sees only what concerns it; supervisors and readers see every unit. */
export function visibility(actor: Actor): sql.Visibility {
  const unitOnly = !supervises(actor) && hasPermission(actor.roles, 'workplan.report');
  // A reporting account with no organisation sees nothing rather than everything.
  return { scope: scopeFilter(actor), unit: unitOnly ? (actor.orgId ?? '00000000-0000-0000-0000-000000000000') : null };
}
const ownUnit = (actor: Actor, orgId: string) => hasPermission(actor.roles, 'workplan.report') && actor.orgId === orgId;
const actorName = (q: Queryable, actor: Actor) => sql.displayName(q, actor.kind === 'user' ? actor.id : null, actor.name ?? actor.kind);

async function mailUnit(ctx: AppContext, tx: Queryable, orgId: string, subjectLine: string, lines: string[]): Promise<number> {
  let n = 0;
  for (const p of await sql.mailboxesOf(tx, orgId)) {
    if (!p.email) continue;
    await ctx.mailer.enqueue(tx, { to: p.email, subject: `【信知】${subjectLine}`, body: [`${p.display_name}：`, '', ...lines, '', '此邮件由系统发送。'].join('\n') });
    n++;
  }
  return n;
}

/** The unit named in a request must be one the plan assigns work to. */
async function unitOf(q: Queryable, orgId: string, field = 'orgId'): Promise<sql.UnitRow> {
  const [u] = await sql.unitsByIds(q, [orgId]);
  if (!u || !['area_desk', 'partner'].includes(u.kind)) {
    throw invalid({ zh: '请选择一个县区工作部门或联席会议成员单位', en: 'Choose a county desk or a partner department' }, [{ field, message: { zh: '不是工作方案的责任单位', en: 'Not a unit of the plan' } }]);
  }
  return u;
}

export async function unitList(ctx: AppContext): Promise<z.infer<typeof schema.unitList>> {
  return { items: (await sql.units(ctx.db)).map((u) => ({ ...unitRef(u.id, u.name, u.area_code), kind: u.kind })) };
}

// ---------------------------------------------------------------- 督办 notices

const assignmentView = (a: sql.AssignmentRow) => ({ id: a.id, title: a.title, dueDate: a.due_date, status: a.status, taskTitle: a.task_title, planTitle: a.plan_title, planYear: a.plan_year });

function noticeActions(actor: Actor, n: sql.NoticeRow): string[] {
  const out: string[] = [];
  if (ownUnit(actor, n.org_id) && awaitsReply(n.status)) out.push('reply', 'attach');
  if (supervises(actor) && n.status === 'replied') out.push('accept', 'return');
  if (supervises(actor)) out.push('rectify');
  return out;
}

function noticeItem(ctx: AppContext, actor: Actor, n: sql.NoticeRow, assignments: sql.AssignmentRow[]): z.infer<typeof schema.noticeItem> {
  return {
    id: n.id,
    ref: docRef('notice', n.ref_year, n.ref_seq),
    unit: unitRef(n.org_id, n.org_name, n.area_code),
    issues: n.issues,
    requirement: n.requirement,
    replyContent: n.reply_content,
    issueDate: n.issue_date,
    replyDue: n.reply_due,
    status: n.status,
    overdue: awaitsReply(n.status) && n.reply_due < today(ctx),
    replies: n.replies,
    replyBody: n.reply_body,
    repliedAt: n.replied_at?.toISOString() ?? null,
    repliedBy: n.replied_by_name,
    reviewComment: n.review_comment,
    reviewedAt: n.reviewed_at?.toISOString() ?? null,
    assignments: assignments.map(assignmentView),
    rectifications: n.rectifications,
    isDemo: n.is_demo,
    actions: noticeActions(actor, n),
  };
}

/** Assignments past due and unfinished, for issuing 督办 on them. */
export async function overdueAssignments(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.overdueList>> {
  const day = today(ctx);
  const rows = await sql.overdueAssignments(ctx.db, day, scopeFilter(actor));
  return {
    items: rows.map((a) => ({
      ...assignmentView(a),
      unit: unitRef(a.org_id, a.org_name, a.area_code),
      daysOverdue: Math.round((Date.parse(day) - Date.parse(a.due_date)) / 86_400_000),
      openNotices: a.open_notices,
    })),
  };
}

export async function listNotices(ctx: AppContext, actor: Actor, q: z.infer<typeof schema.noticeQuery>): Promise<z.infer<typeof schema.noticeList>> {
  const { rows, total } = await sql.listNotices(ctx.db, visibility(actor), {
    status: q.status,
    org: q.org,
    overdueOn: q.overdue ? today(ctx) : null,
    open: !!q.open,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const links = await sql.noticeAssignments(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((n) => noticeItem(ctx, actor, n, links.filter((l) => l.notice_id === n.id))), total, page: q.page, pageSize: q.pageSize };
}

async function loadNotice(ctx: AppContext, actor: Actor, id: number, q: Queryable = ctx.db, lock = false): Promise<sql.NoticeRow> {
  const n = await sql.noticeById(q, visibility(actor), id, lock);
  if (!n) throw missing();
  return n;
}

export async function getNotice(ctx: AppContext, actor: Actor, id: number): Promise<NoticeView> {
  const n = await loadNotice(ctx, actor, id);
  const [links, files, history] = await Promise.all([sql.noticeAssignments(ctx.db, [id]), evidence.filesOf(ctx.db, subject('notice', id)), evidence.chainOf(ctx.db, subject('notice', id))]);
  return { ...noticeItem(ctx, actor, n, links), files: files.map(fileView), history };
}

/** Issues a 督办 notice to a unit, about its overdue assignments (if any), and mails its people. */
export async function issueNotice(ctx: AppContext, actor: Actor, body: schema.NoticeBody, opts: { isDemo?: boolean } = {}): Promise<NoticeView> {
  const issueDate = body.issueDate ?? today(ctx);
  if (body.replyDue < issueDate) {
    throw invalid({ zh: '回复期限不能早于发文日期', en: 'The reply deadline cannot be before the issue date' }, [{ field: 'replyDue', message: { zh: `早于发文日期 ${issueDate}`, en: `before the issue date ${issueDate}` } }]);
  }
  const ids = [...new Set(body.assignmentIds)];
  const id = await ctx.db.tx(async (tx) => {
    const unit = await unitOf(tx, body.orgId);
    const assignments = await sql.assignmentsByIds(tx, ids);
    const foreign = ids.filter((a) => !assignments.some((x) => x.id === a && x.org_id === unit.id));
    if (foreign.length) {
      throw invalid({ zh: '所选任务不是该单位承担的', en: 'A chosen assignment is not the unit’s' }, foreign.map((a) => ({ field: 'assignmentIds', message: { zh: `任务 #${a} 不属于${unit.name}`, en: `Assignment #${a} is not ${unit.name}’s` } })));
    }
    const year = yearOf(issueDate);
    const seq = await sql.nextSeq(tx, 'workplan_notices', year);
    const noticeId = await sql.insertNotice(tx, { refYear: year, refSeq: seq, orgId: unit.id, areaCode: unit.area_code, issues: body.issues, requirement: body.requirement, replyContent: body.replyContent, issueDate, replyDue: body.replyDue, assignmentIds: ids, userId: actor.kind === 'user' ? actor.id : null, at: ctx.clock.now(), isDemo: opts.isDemo ?? false });
    const ref = docRef('notice', year, seq);
    await evidence.appendEntry(ctx, tx, subject('notice', noticeId), actor, { kind: 'state', payload: { from: null, to: 'issued', ref, unit: unit.name, replyDue: body.replyDue, assignments: ids } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.notice.issue', targetType: 'workplan_notice', targetId: String(noticeId), details: { ref, orgId: unit.id, assignments: ids.length } });
    await mailUnit(ctx, tx, unit.id, `督办通知 ${ref}`, [
      `${unit.name}收到督办通知（${ref}），请于 ${body.replyDue} 前回复。`,
      '',
      `督办事项：${body.issues}`,
      ...assignments.map((a) => `　· ${a.title}（完成期限 ${a.due_date}）`),
      `回复要求：${body.replyContent}`,
      '',
      '请登录信知平台「工作方案与考核 → 督办与通报约谈」查看并回复。',
    ]);
    return noticeId;
  });
  return getNotice(ctx, actor, id);
}

/** The unit attaches a file to its reply (entered in the notice's chain). */
export async function attachNoticeFile(ctx: AppContext, actor: Actor, id: number, upload: Upload): Promise<NoticeView> {
  await ctx.db.tx(async (tx) => {
    const n = await loadNotice(ctx, actor, id, tx, true);
    if (!noticeActions(actor, n).includes('attach')) throw conflict({ zh: '此督办当前不需要回复材料', en: 'This notice takes no reply files now' }, { status: n.status });
    const { row } = await evidence.receiveFile(ctx, actor, upload, { tx, subject: subject('notice', id) });
    await evidence.appendFiles(ctx, tx, subject('notice', id), actor, [row]);
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.notice.attach', targetType: 'workplan_notice', targetId: String(id), details: { fileId: row.id, sha256: row.sha256 } });
  });
  return getNotice(ctx, actor, id);
}

export async function openNoticeFile(ctx: AppContext, actor: Actor, id: number, fileId: number) {
  await loadNotice(ctx, actor, id);
  const file = await evidence.openFile(ctx, subject('notice', id), fileId);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'workplan.notice.file.read', targetType: 'workplan_notice', targetId: String(id), details: { fileId } });
  return file;
}

/** Locks the notice, checks the step is allowed to the caller now, and enters it in the chain and the audit log. */
async function noticeStep(ctx: AppContext, actor: Actor, id: number, action: 'reply' | 'accept' | 'return', run: (tx: Queryable, n: sql.NoticeRow) => Promise<{ to: string; payload: Record<string, unknown> }>): Promise<NoticeView> {
  await ctx.db.tx(async (tx) => {
    const n = await loadNotice(ctx, actor, id, tx, true);
    if (!noticeActions(actor, n).includes(action)) {
      if (action === 'reply' && !ownUnit(actor, n.org_id)) throw forbidden();
      throw conflict({ zh: `督办当前状态（${n.status}）不能执行此操作`, en: `A notice in state "${n.status}" cannot take this step` }, { status: n.status, action });
    }
    const { to, payload } = await run(tx, n);
    await evidence.appendEntry(ctx, tx, subject('notice', id), actor, { kind: 'state', payload: { from: n.status, to, ...payload } });
    await appendAudit(tx, ctx.clock, { actor, action: `workplan.notice.${action}`, targetType: 'workplan_notice', targetId: String(id), details: { from: n.status, to } });
  });
  return getNotice(ctx, actor, id);
}

export const replyNotice = (ctx: AppContext, actor: Actor, id: number, body: string) =>
  noticeStep(ctx, actor, id, 'reply', async (tx) => {
    await sql.replyNotice(tx, id, body, await actorName(tx, actor), ctx.clock.now());
    return { to: 'replied', payload: { reply: body } };
  });

export const acceptNotice = (ctx: AppContext, actor: Actor, id: number, comment: string | undefined) =>
  noticeStep(ctx, actor, id, 'accept', async (tx, n) => {
    await sql.reviewNotice(tx, id, 'accepted', comment ?? null, null, ctx.clock.now());
    await mailUnit(ctx, tx, n.org_id, `督办已办结 ${docRef('notice', n.ref_year, n.ref_seq)}`, [`${n.org_name}对督办通知（${docRef('notice', n.ref_year, n.ref_seq)}）的回复已被认可，督办办结。${comment ? `\n意见：${comment}` : ''}`]);
    return { to: 'accepted', payload: comment ? { comment } : {} };
  });

export const returnNotice = (ctx: AppContext, actor: Actor, id: number, comment: string, replyDue: string | undefined) =>
  noticeStep(ctx, actor, id, 'return', async (tx, n) => {
    if (replyDue && replyDue < today(ctx)) throw invalid({ zh: '新的回复期限不能早于今天', en: 'The new reply deadline cannot be in the past' }, [{ field: 'replyDue' }]);
    await sql.reviewNotice(tx, id, 'returned', comment, replyDue ?? null, ctx.clock.now());
    const ref = docRef('notice', n.ref_year, n.ref_seq);
    await mailUnit(ctx, tx, n.org_id, `督办回复被退回 ${ref}`, [`${n.org_name}对督办通知（${ref}）的回复被退回，请按意见补充后再次回复${replyDue ? `（期限 ${replyDue}）` : ''}。`, `意见：${comment}`]);
    return { to: 'returned', payload: { comment, ...(replyDue ? { replyDue } : {}) } };
  });

// ---------------------------------------------------------------- 通报 circulars

function circularItem(actor: Actor, c: sql.CircularRow, units: sql.CircularUnitRow[]): z.infer<typeof schema.circularItem> {
  const mine = units.filter((u) => u.circular_id === c.id);
  return {
    id: c.id,
    ref: docRef('circular', c.ref_year, c.ref_seq),
    kind: c.kind,
    title: c.title,
    circularDate: c.circular_date,
    body: c.body,
    circulateTo: c.circulate_to,
    units: mine.filter((u) => u.role === 'named').map((u) => ({ ...unitRef(u.org_id, u.name, u.area_code), reason: u.reason })),
    recipients: mine.filter((u) => u.role === 'recipient').map((u) => unitRef(u.org_id, u.name, u.area_code)),
    rectifications: c.rectifications,
    isDemo: c.is_demo,
    actions: supervises(actor) && c.kind === 'criticism' ? ['rectify'] : [],
  };
}

export async function listCirculars(ctx: AppContext, actor: Actor, q: z.infer<typeof schema.circularQuery>): Promise<z.infer<typeof schema.circularList>> {
  const { rows, total } = await sql.listCirculars(ctx.db, visibility(actor).unit, { kind: q.kind, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const units = await sql.circularUnits(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((c) => circularItem(actor, c, units)), total, page: q.page, pageSize: q.pageSize };
}

export async function getCircular(ctx: AppContext, actor: Actor, id: number): Promise<CircularView> {
  const c = await sql.circularById(ctx.db, visibility(actor).unit, id);
  if (!c) throw missing();
  const [units, history] = await Promise.all([sql.circularUnits(ctx.db, [id]), evidence.chainOf(ctx.db, subject('circular', id))]);
  return { ...circularItem(actor, c, units), history };
}

/** Records a 通报 naming units for praise or criticism, and mails the units it is circulated to. */
export async function issueCircular(ctx: AppContext, actor: Actor, body: schema.CircularBody, opts: { isDemo?: boolean } = {}): Promise<CircularView> {
  const date = body.circularDate ?? today(ctx);
  const id = await ctx.db.tx(async (tx) => {
    const named = [];
    for (const [i, u] of body.units.entries()) named.push({ unit: await unitOf(tx, u.orgId, `units.${i}.orgId`), reason: u.reason ?? null });
    const recipients = body.circulateTo === 'listed' ? [...new Set(body.recipients)] : [];
    for (const [i, r] of recipients.entries()) await unitOf(tx, r, `recipients.${i}`);
    const year = yearOf(date);
    const seq = await sql.nextSeq(tx, 'workplan_circulars', year);
    const circularId = await sql.insertCircular(tx, { refYear: year, refSeq: seq, kind: body.kind, title: body.title, date, body: body.body, circulateTo: body.circulateTo, named: named.map((n) => ({ orgId: n.unit.id, reason: n.reason })), recipients, userId: actor.kind === 'user' ? actor.id : null, at: ctx.clock.now(), isDemo: opts.isDemo ?? false });
    const ref = docRef('circular', year, seq);
    await evidence.appendEntry(ctx, tx, subject('circular', circularId), actor, { kind: 'state', payload: { from: null, to: body.kind, ref, units: named.map((n) => n.unit.name) } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.circular.issue', targetType: 'workplan_circular', targetId: String(circularId), details: { ref, kind: body.kind, units: named.length } });
    const to = new Set([...named.map((n) => n.unit.id), ...(body.circulateTo === 'all' ? (await sql.units(tx)).map((u) => u.id) : recipients)]);
    for (const orgId of to) await mailUnit(ctx, tx, orgId, `${body.kind === 'praise' ? '表扬' : '批评'}通报 ${ref}`, [`${body.title}（${ref}）已印发，请登录信知平台「工作方案与考核 → 督办与通报约谈」查阅。`]);
    return circularId;
  });
  return getCircular(ctx, actor, id);
}

// ---------------------------------------------------------------- 约谈 interviews

function interviewItem(ctx: AppContext, actor: Actor, i: sql.InterviewRow, followUps: Awaited<ReturnType<typeof sql.followUpsOf>>): z.infer<typeof schema.interviewItem> {
  return {
    id: i.id,
    ref: docRef('interview', i.ref_year, i.ref_seq),
    unit: unitRef(i.org_id, i.org_name, i.area_code),
    interviewees: i.interviewees,
    interviewers: i.interviewers,
    heldAt: i.held_at.toISOString(),
    place: i.place,
    issues: i.issues,
    commitments: i.commitments,
    followUpDue: i.follow_up_due,
    status: i.status,
    overdue: i.status === 'open' && i.follow_up_due < today(ctx),
    followUps: followUps.filter((f) => f.interview_id === i.id).map((f) => ({ body: f.body, by: f.recorded_by_name, at: f.recorded_at.toISOString() })),
    rectifications: i.rectifications,
    isDemo: i.is_demo,
    actions: supervises(actor) ? (i.status === 'open' ? ['follow-up', 'rectify'] : ['rectify']) : [],
  };
}

export async function listInterviews(ctx: AppContext, actor: Actor, q: z.infer<typeof schema.interviewQuery>): Promise<z.infer<typeof schema.interviewList>> {
  const { rows, total } = await sql.listInterviews(ctx.db, visibility(actor), { status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const followUps = await sql.followUpsOf(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((i) => interviewItem(ctx, actor, i, followUps)), total, page: q.page, pageSize: q.pageSize };
}

export async function getInterview(ctx: AppContext, actor: Actor, id: number): Promise<InterviewView> {
  const i = await sql.interviewById(ctx.db, visibility(actor), id);
  if (!i) throw missing();
  const [followUps, history] = await Promise.all([sql.followUpsOf(ctx.db, [id]), evidence.chainOf(ctx.db, subject('interview', id))]);
  return { ...interviewItem(ctx, actor, i, followUps), history };
}

/** Records a 约谈 held with a unit's officials: issues raised, commitments made, when to follow up. */
export async function recordInterview(ctx: AppContext, actor: Actor, body: schema.InterviewBody, opts: { isDemo?: boolean } = {}): Promise<InterviewView> {
  const id = await ctx.db.tx(async (tx) => {
    const unit = await unitOf(tx, body.orgId);
    const year = yearOf(dayOf(body.heldAt));
    const seq = await sql.nextSeq(tx, 'workplan_interviews', year);
    const interviewId = await sql.insertInterview(tx, { refYear: year, refSeq: seq, orgId: unit.id, areaCode: unit.area_code, interviewees: body.interviewees, interviewers: body.interviewers, heldAt: body.heldAt, place: body.place, issues: body.issues, commitments: body.commitments ?? '', followUpDue: body.followUpDue, userId: actor.kind === 'user' ? actor.id : null, at: ctx.clock.now(), isDemo: opts.isDemo ?? false });
    const ref = docRef('interview', year, seq);
    await evidence.appendEntry(ctx, tx, subject('interview', interviewId), actor, { kind: 'state', payload: { from: null, to: 'open', ref, unit: unit.name, followUpDue: body.followUpDue } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.interview.record', targetType: 'workplan_interview', targetId: String(interviewId), details: { ref, orgId: unit.id } });
    return interviewId;
  });
  return getInterview(ctx, actor, id);
}

/** A follow-up on the commitments; the last one may close the interview. */
export async function followUp(ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.followUpBody>): Promise<InterviewView> {
  await ctx.db.tx(async (tx) => {
    const i = await sql.interviewById(tx, visibility(actor), id, true);
    if (!i) throw missing();
    if (i.status !== 'open') throw conflict({ zh: '约谈事项已办结，不能再添加跟踪记录', en: 'The interview is closed; no more follow-ups' }, { status: i.status });
    await sql.addFollowUp(tx, id, body.body, await actorName(tx, actor), body.close, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subject('interview', id), actor, body.close ? { kind: 'state', payload: { from: 'open', to: 'closed', note: body.body } } : { kind: 'note', payload: { note: body.body } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.interview.follow_up', targetType: 'workplan_interview', targetId: String(id), details: { close: body.close } });
  });
  return getInterview(ctx, actor, id);
}

// ---------------------------------------------------------------- 整改 rectification

function sourceRef(r: sql.RectificationRow): string {
  if (r.source_year === null || r.source_seq === null) return '—';
  return docRef(r.source_kind, r.source_year, r.source_seq);
}

function rectActions(actor: Actor, r: sql.RectificationRow): string[] {
  const out: string[] = [];
  if (ownUnit(actor, r.org_id) && awaitsRectification(r.status)) out.push('submit', 'attach');
  if (supervises(actor) && r.status === 'submitted') out.push('close', 'return');
  return out;
}

function rectItem(ctx: AppContext, actor: Actor, r: sql.RectificationRow): z.infer<typeof schema.rectificationItem> {
  return {
    id: r.id,
    ref: rectificationRef(r.ref_year, r.ref_seq),
    source: { kind: r.source_kind, id: r.source_id, ref: sourceRef(r) },
    unit: unitRef(r.org_id, r.org_name, r.area_code),
    description: r.description,
    deadline: r.deadline,
    status: r.status,
    overdue: awaitsRectification(r.status) && r.deadline < today(ctx),
    reportBody: r.report_body,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    reviewComment: r.review_comment,
    closedAt: r.closed_at?.toISOString() ?? null,
    isDemo: r.is_demo,
    actions: rectActions(actor, r),
  };
}

export async function listRectifications(ctx: AppContext, actor: Actor, q: z.infer<typeof schema.rectificationQuery>): Promise<z.infer<typeof schema.rectificationList>> {
  const { rows, total } = await sql.listRectifications(ctx.db, visibility(actor), {
    status: q.status,
    org: q.org,
    overdueOn: q.overdue ? today(ctx) : null,
    open: !!q.open,
    sourceKind: q.sourceKind,
    sourceId: q.sourceId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((r) => rectItem(ctx, actor, r)), total, page: q.page, pageSize: q.pageSize };
}

async function loadRect(ctx: AppContext, actor: Actor, id: number, q: Queryable = ctx.db, lock = false) {
  const r = await sql.rectificationById(q, visibility(actor), id, lock);
  if (!r) throw missing();
  return r;
}

export async function getRectification(ctx: AppContext, actor: Actor, id: number): Promise<RectificationView> {
  const r = await loadRect(ctx, actor, id);
  const [files, history] = await Promise.all([evidence.filesOf(ctx.db, subject('rectification', id)), evidence.chainOf(ctx.db, subject('rectification', id))]);
  return { ...rectItem(ctx, actor, r), files: files.map(fileView), history };
}

/** The unit a rectification item may be set for: the one the notice or interview concerns, or one a criticism names. */
async function checkSource(tx: Queryable, kind: RectificationSource, id: number, orgId: string): Promise<void> {
  const all: sql.Visibility = { scope: null, unit: null };
  const wrongUnit = () => invalid({ zh: '整改单位须是该督办、约谈所涉单位或通报批评的单位', en: 'The unit must be the one the notice or interview concerns, or one the criticism names' }, [{ field: 'orgId' }]);
  if (kind === 'notice') {
    const n = await sql.noticeById(tx, all, id);
    if (!n) throw notFound();
    if (n.org_id !== orgId) throw wrongUnit();
  } else if (kind === 'interview') {
    const i = await sql.interviewById(tx, all, id);
    if (!i) throw notFound();
    if (i.org_id !== orgId) throw wrongUnit();
  } else {
    const c = await sql.circularById(tx, null, id);
    if (!c) throw notFound();
    if (c.kind !== 'criticism') throw ruleViolated({ zh: '只有批评通报会产生整改事项', en: 'Only a criticism leads to rectification' });
    if (!(await sql.circularUnits(tx, [id])).some((u) => u.role === 'named' && u.org_id === orgId)) throw wrongUnit();
  }
}

/** Sets a rectification item for a unit, arising from a notice, a criticism or an interview. */
export async function createRectification(ctx: AppContext, actor: Actor, body: schema.RectificationBody, opts: { isDemo?: boolean } = {}): Promise<RectificationView> {
  const day = today(ctx);
  if (body.deadline < day) throw invalid({ zh: '整改期限不能早于今天', en: 'The deadline cannot be in the past' }, [{ field: 'deadline', message: { zh: `早于今天 ${day}`, en: `before today ${day}` } }]);
  const id = await ctx.db.tx(async (tx) => {
    const unit = await unitOf(tx, body.orgId);
    await checkSource(tx, body.sourceKind, body.sourceId, unit.id);
    const year = yearOf(day);
    const seq = await sql.nextSeq(tx, 'workplan_rectifications', year);
    const rectId = await sql.insertRectification(tx, { refYear: year, refSeq: seq, sourceKind: body.sourceKind, sourceId: body.sourceId, orgId: unit.id, areaCode: unit.area_code, description: body.description, deadline: body.deadline, userId: actor.kind === 'user' ? actor.id : null, at: ctx.clock.now(), isDemo: opts.isDemo ?? false });
    const ref = rectificationRef(year, seq);
    await evidence.appendEntry(ctx, tx, subject('rectification', rectId), actor, { kind: 'state', payload: { from: null, to: 'open', ref, unit: unit.name, deadline: body.deadline, source: `${body.sourceKind}/${body.sourceId}` } });
    // The source's own history shows that a rectification item came of it.
    await evidence.appendEntry(ctx, tx, subject(body.sourceKind, body.sourceId), actor, { kind: 'note', payload: { note: `下达整改事项 ${ref}：${unit.name}，期限 ${body.deadline}`, rectification: ref, unit: unit.name, deadline: body.deadline } });
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.rectification.create', targetType: 'workplan_rectification', targetId: String(rectId), details: { ref, orgId: unit.id, source: body.sourceKind } });
    await mailUnit(ctx, tx, unit.id, `整改事项 ${ref}`, [`${unit.name}有一项整改事项（${ref}），请于 ${body.deadline} 前完成并报送整改情况。`, `整改内容：${body.description}`]);
    return rectId;
  });
  return getRectification(ctx, actor, id);
}

export async function attachRectificationFile(ctx: AppContext, actor: Actor, id: number, upload: Upload): Promise<RectificationView> {
  await ctx.db.tx(async (tx) => {
    const r = await loadRect(ctx, actor, id, tx, true);
    if (!rectActions(actor, r).includes('attach')) throw conflict({ zh: '此整改事项当前不需要报送材料', en: 'This item takes no files now' }, { status: r.status });
    const { row } = await evidence.receiveFile(ctx, actor, upload, { tx, subject: subject('rectification', id) });
    await evidence.appendFiles(ctx, tx, subject('rectification', id), actor, [row]);
    await appendAudit(tx, ctx.clock, { actor, action: 'workplan.rectification.attach', targetType: 'workplan_rectification', targetId: String(id), details: { fileId: row.id, sha256: row.sha256 } });
  });
  return getRectification(ctx, actor, id);
}

export async function openRectificationFile(ctx: AppContext, actor: Actor, id: number, fileId: number) {
  await loadRect(ctx, actor, id);
  const file = await evidence.openFile(ctx, subject('rectification', id), fileId);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'workplan.rectification.file.read', targetType: 'workplan_rectification', targetId: String(id), details: { fileId } });
  return file;
}

async function rectStep(ctx: AppContext, actor: Actor, id: number, action: 'submit' | 'close' | 'return', run: (tx: Queryable, r: sql.RectificationRow) => Promise<{ to: string; payload: Record<string, unknown> }>): Promise<RectificationView> {
  await ctx.db.tx(async (tx) => {
    const r = await loadRect(ctx, actor, id, tx, true);
    if (!rectActions(actor, r).includes(action)) {
      if (action === 'submit' && !ownUnit(actor, r.org_id)) throw forbidden();
      throw conflict({ zh: `整改事项当前状态（${r.status}）不能执行此操作`, en: `An item in state "${r.status}" cannot take this step` }, { status: r.status, action });
    }
    const { to, payload } = await run(tx, r);
    await evidence.appendEntry(ctx, tx, subject('rectification', id), actor, { kind: 'state', payload: { from: r.status, to, ...payload } });
    await appendAudit(tx, ctx.clock, { actor, action: `workplan.rectification.${action}`, targetType: 'workplan_rectification', targetId: String(id), details: { from: r.status, to } });
  });
  return getRectification(ctx, actor, id);
}

export const submitRectification = (ctx: AppContext, actor: Actor, id: number, body: string) =>
  rectStep(ctx, actor, id, 'submit', async (tx) => {
    await sql.submitRectification(tx, id, body, ctx.clock.now());
    return { to: 'submitted', payload: { report: body } };
  });

export const closeRectification = (ctx: AppContext, actor: Actor, id: number, comment: string | undefined) =>
  rectStep(ctx, actor, id, 'close', async (tx) => {
    await sql.reviewRectification(tx, id, 'closed', comment ?? null, null, ctx.clock.now());
    return { to: 'closed', payload: comment ? { comment } : {} };
  });

export const returnRectification = (ctx: AppContext, actor: Actor, id: number, comment: string, deadline: string | undefined) =>
  rectStep(ctx, actor, id, 'return', async (tx, r) => {
    if (deadline && deadline < today(ctx)) throw invalid({ zh: '新的整改期限不能早于今天', en: 'The new deadline cannot be in the past' }, [{ field: 'deadline' }]);
    await sql.reviewRectification(tx, id, 'returned', comment, deadline ?? null, ctx.clock.now());
    const ref = rectificationRef(r.ref_year, r.ref_seq);
    await mailUnit(ctx, tx, r.org_id, `整改情况被退回 ${ref}`, [`${r.org_name}报送的整改情况（${ref}）被退回，请按意见继续整改后再次报送。`, `意见：${comment}`]);
    return { to: 'returned', payload: { comment, ...(deadline ? { deadline } : {}) } };
  });

export async function rectificationBoard(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.rectificationBoard>> {
  const rows = await sql.rectificationBoard(ctx.db, visibility(actor), today(ctx));
  return { units: rows.map((r) => ({ ...unitRef(r.org_id, r.name, r.area_code), open: r.open, submitted: r.submitted, overdue: r.overdue, closed: r.closed, nextDeadline: r.next_deadline })) };
}

// ---------------------------------------------------------------- overview and daily reminders

export async function summary(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.summaryView>> {
  const v = visibility(actor);
  const { n, r, i, c } = await sql.summary(ctx.db, v, today(ctx));
  const zero = { open: 0, overdue: 0, closed: 0, review: 0 };
  const nn = n ?? zero;
  const rr = r ?? zero;
  const unitView = v.unit !== null;
  return {
    notices: { open: nn.open, overdue: nn.overdue, closed: nn.closed, awaitingReview: nn.review },
    rectifications: { open: rr.open, overdue: rr.overdue, closed: rr.closed, awaitingReview: rr.review },
    interviews: i ?? { open: 0, overdue: 0, closed: 0 },
    circulars: c ?? { praise: 0, criticism: 0 },
    // What waits for the unit's own reply: open but not with the city office for review.
    mine: unitView
      ? { notices: nn.open - nn.review, rectifications: rr.open - rr.review }
      : null,
  };
}

/** Once a day: reminds each unit, once per deadline, of a 督办 whose reply is overdue. */
export async function supervisionReminders(ctx: AppContext): Promise<{ overdue: number; mailed: number }> {
  const day = today(ctx);
  const rows = await sql.overdueUnreminded(ctx.db, day);
  let mailed = 0;
  for (const n of rows) {
    const ref = docRef('notice', n.ref_year, n.ref_seq);
    mailed += await ctx.db.tx(async (tx) => {
      await sql.markReminded(tx, n.id, day);
      return mailUnit(ctx, tx, n.org_id, `督办回复已逾期 ${ref}`, [`${n.org_name}对督办通知（${ref}）的回复期限 ${n.reply_due} 已过，请尽快回复。`, '', '请登录信知平台「工作方案与考核 → 督办与通报约谈」回复。']);
    });
  }
  return { overdue: rows.length, mailed };
}

export const SUPERVISION_DAILY_JOB = 'workplan-supervision-daily';

export const supervisionDailyJobHandler = oneStepDailyJob(SUPERVISION_DAILY_JOB, 'workplan.supervise', ['supervision.remind', 'supervision.done'], supervisionReminders);

