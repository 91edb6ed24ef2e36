import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { addDays } from '../../../../shared/insight/fees';
import { CREDIT_EXPORT_FILES, DEFAULT_CREDIT_RULES, publicStatus, repairOpensOn, type CreditRules, type CreditStatus } from '../../../../shared/protection/credit';
import { todayInChina } from '../../../../shared/registry/normalise';
import { hasPermission } from '../../../../shared/roles';
import { CITY_CODE, areaByCode, isValidUscc } from '../../../../shared/validators';
import { scopeFilter, systemActor, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { sha256 } from '../../../crypto';
import type { Queryable } from '../../../db/db';
import { AppError, conflict, forbidden, invalid, notFound, ruleViolated } from '../../../errors';
import { oneStepDailyJob } from '../../../jobs/runner';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import * as evidence from '../evidence/service';
import type { Subject } from '../evidence/service';
import type { FileRow } from '../evidence/queries';
import { readSetting, writeSetting } from '../reports/queries';
import { buildBundle, exportKeys, publicKeyPem, publicKeySha256, type Bundle, type ExportRecord } from './export';
import * as sql from './queries';
import type { RecordRow, RepairRow } from './queries';
import type * as schema from './schema';

type View = z.infer<typeof schema.recordView>;
type Detail = z.infer<typeof schema.recordDetail>;

const subjectOf = (id: number): Subject => ({ kind: 'credit', id });
export const refOf = (r: Pick<RecordRow, 'ref_year' | 'ref_seq'>) => `XY${r.ref_year}-${String(r.ref_seq).padStart(4, '0')}`;
const today = (ctx: AppContext) => todayInChina(ctx.clock.now().getTime());
const notFoundRecord = () => notFound({ zh: '没有这条信用记录，或不在您的辖区', en: 'No such credit record, or it is outside your area' });
const LIVE: readonly CreditStatus[] = ['published', 'repairing'];
const RULES_KEY = 'credit_rules';

/** The repair rule and flag window the city office set, or the defaults. */
export async function rules(q: Queryable): Promise<CreditRules> {
  const saved = await readSetting<Partial<CreditRules>>(q, RULES_KEY);
  return { ...DEFAULT_CREDIT_RULES, ...(saved ?? {}), repairMinMonths: { ...DEFAULT_CREDIT_RULES.repairMinMonths, ...(saved?.repairMinMonths ?? {}) } };
}

export async function saveRules(ctx: AppContext, actor: Actor, body: z.infer<typeof schema.rulesBody>): Promise<CreditRules> {
  await ctx.db.tx(async (tx) => {
    const before = await rules(tx);
    await writeSetting(tx, RULES_KEY, body, actor.kind === 'user' ? actor.id : null, ctx.clock.now());
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.credit.rules', targetType: 'protection_settings', targetId: RULES_KEY, before, after: body });
  });
  return rules(ctx.db);
}

const isOfficer = (actor: Actor) => hasPermission(actor.roles, 'credit.manage');

/** The organisation the actor speaks for, when it may apply for repair of records on its credit code. */
async function subjectOrg(q: Queryable, actor: Actor) {
  if (!actor.orgId || !hasPermission(actor.roles, 'credit.repair')) return null;
  const org = await sql.orgById(q, actor.orgId);
  return org && (org.kind === 'enterprise' || org.kind === 'agency') && org.uscc ? org : null;
}

/** What the actor may do to the record now: the state machine, the role, and for a firm whether repair is open yet. */
function actionsFor(actor: Actor, r: RecordRow, ctxRules: CreditRules, day: string, ownUscc: string | null): string[] {
  const out: string[] = [];
  if (isOfficer(actor)) {
    if (r.status === 'draft') out.push('edit', 'decision', 'publish', 'revoke');
    if (r.status === 'published') out.push('revoke');
    if (r.status === 'published' && r.kind === 'trust') out.push('end');
    if (r.status === 'repairing') out.push('repair-approve', 'repair-refuse', 'revoke');
  }
  if (ownUscc && ownUscc === r.subject_uscc && r.kind === 'distrust' && r.status === 'published' && r.severity && repairOpensOn(r.starts_on, r.severity, ctxRules) <= day) out.push('repair');
  return out;
}

/** The fields a record shows the same way to officers, the public and the credit platform. */
const commonFields = (r: RecordRow) => ({
  ref: refOf(r),
  kind: r.kind,
  category: r.category,
  severity: r.severity,
  subjectName: r.subject_name,
  subjectUscc: r.subject_uscc,
  subjectKind: r.subject_kind,
  areaCode: r.area_code,
  areaName: areaByCode(r.area_code)?.name ?? r.area_code,
  legalBasis: r.legal_basis,
  decisionNo: r.decision_no,
  decisionOrg: r.decision_org,
  decidedOn: r.decided_on,
  facts: r.facts,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  publishedAt: r.published_at?.toISOString() ?? null,
  endedOn: r.ended_on,
});

function toView(actor: Actor, r: RecordRow, ctxRules: CreditRules, day: string, ownUscc: string | null = null): View {
  const live = LIVE.includes(r.status);
  return {
    id: r.id,
    ...commonFields(r),
    status: r.status,
    endedEarlyOn: r.ended_early_on,
    endReason: r.end_reason,
    revokeReason: r.revoke_reason,
    source: r.source,
    decisionFileId: r.decision_file_id,
    repairOpensOn: r.kind === 'distrust' && r.severity ? repairOpensOn(r.starts_on, r.severity, ctxRules) : null,
    endingSoon: live && !!r.ends_on && r.ends_on >= day && r.ends_on <= addDays(day, ctxRules.endingSoonDays),
    endOverdue: live && !!r.ends_on && r.ends_on < day,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    isDemo: r.is_demo,
    actions: actionsFor(actor, r, ctxRules, day, ownUscc),
  };
}

/** The record as the public and the credit platform see it. */
export function toPublic(r: RecordRow): schema.PublicRecord {
  return {
    ...commonFields(r),
    status: publicStatus(r.status),
    endReason: r.status === 'revoked' ? (r.revoke_reason ?? null) : r.end_reason,
    decisionFileSha256: r.decision_file_sha256,
  };
}

const repairView = (p: RepairRow) => ({
  id: p.id,
  orgName: p.org_name,
  applicant: p.applicant_name,
  reasons: p.reasons,
  fileIds: p.file_ids,
  status: p.status,
  submittedAt: p.submitted_at.toISOString(),
  decidedAt: p.decided_at?.toISOString() ?? null,
  decidedBy: p.decided_by_name,
  decisionNote: p.decision_note,
});

const fileView = (f: FileRow) => ({ id: f.id, sha256: f.sha256, size: f.size, mime: f.mime, name: f.name, uploadedBy: f.uploaded_by_name, uploadedAt: f.uploaded_at.toISOString() });

export async function list(ctx: AppContext, actor: Actor, q: z.infer<typeof schema.listQuery>): Promise<z.infer<typeof schema.recordList>> {
  const day = today(ctx);
  const r = await rules(ctx.db);
  const { rows, total } = await sql.listRecords(ctx.db, {
    scope: scopeFilter(actor),
    kind: q.kind,
    category: q.category,
    status: q.status,
    area: q.area,
    q: q.q,
    flag: q.flag,
    today: day,
    soon: addDays(day, r.endingSoonDays),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((row) => toView(actor, row, r, day)), total, page: q.page, pageSize: q.pageSize };
}

async function detail(ctx: AppContext, actor: Actor, row: RecordRow, ownUscc: string | null = null): Promise<Detail> {
  const [files, history, repairs] = await Promise.all([evidence.filesOf(ctx.db, subjectOf(row.id)), evidence.chainOf(ctx.db, subjectOf(row.id)), sql.repairsOf(ctx.db, [row.id])]);
  return { ...toView(actor, row, await rules(ctx.db), today(ctx), ownUscc), files: files.map(fileView), repairs: repairs.map(repairView), history };
}

export async function get(ctx: AppContext, actor: Actor, id: number): Promise<Detail> {
  const row = await sql.recordById(ctx.db, scopeFilter(actor), id);
  if (!row) throw notFoundRecord();
  return detail(ctx, actor, row);
}

/** A county desk records for its own area only; the city office for any. */
function checkArea(actor: Actor, areaCode: string): void {
  if (actor.scope !== CITY_CODE && areaCode !== actor.scope) {
    throw invalid({ zh: '只能登记本辖区的信用记录', en: 'You can record credit records of your own area only' }, [{ field: 'areaCode', message: { zh: '只能选择本辖区', en: 'Choose your own area' } }]);
  }
}

async function checkDecisionFree(q: Queryable, b: schema.RecordBody, exceptId: number | null): Promise<void> {
  const taken = await sql.decisionTaken(q, b, exceptId);
  if (taken) {
    throw conflict(
      { zh: `同一主体、同一类别的决定文书号 ${b.decisionNo} 已登记（${taken}），请勿重复录入`, en: `Decision ${b.decisionNo} is already recorded for this subject and category (${taken})` },
      { field: 'decisionNo', existing: taken },
    );
  }
}

const fieldsOf = (b: schema.RecordBody): sql.RecordFields => ({
  kind: b.kind,
  category: b.category,
  severity: b.kind === 'distrust' ? (b.severity ?? 'general') : null,
  subjectName: b.subjectName,
  subjectUscc: b.subjectUscc,
  subjectKind: b.subjectKind,
  areaCode: b.areaCode,
  legalBasis: b.legalBasis,
  decisionNo: b.decisionNo,
  decisionOrg: b.decisionOrg,
  decidedOn: b.decidedOn,
  facts: b.facts,
  startsOn: b.startsOn,
  endsOn: b.endsOn ?? null,
});

/** An officer enters a record as a draft: nothing leaves the platform until it is published. */
export async function create(ctx: AppContext, actor: Actor, body: schema.RecordBody, opts: { isDemo?: boolean } = {}): Promise<Detail> {
  checkArea(actor, body.areaCode);
  const id = await ctx.db.tx(async (tx) => {
    await checkDecisionFree(tx, body, null);
    const year = Number(today(ctx).slice(0, 4));
    const recordId = await sql.insertRecord(tx, {
      ...fieldsOf(body),
      refYear: year,
      refSeq: await sql.nextRefSeq(tx, year),
      status: 'draft',
      source: 'manual',
      sourceId: null,
      userId: actor.kind === 'user' ? actor.id : null,
      userName: actor.name ?? actor.kind,
      at: ctx.clock.now(),
      isDemo: opts.isDemo ?? false,
    });
    await evidence.appendEntry(ctx, tx, subjectOf(recordId), actor, { kind: 'state', payload: { from: null, to: 'draft', kind: body.kind, category: body.category, decisionNo: body.decisionNo } });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.credit.create', targetType: 'credit_record', targetId: String(recordId), after: fieldsOf(body) });
    return recordId;
  });
  return get(ctx, actor, id);
}

/**
 * One step on a record: lock it in scope, check the step is open now (409 otherwise), change it,
 * enter the change in the record's chain and the audit log, and in the feed when the public sees it.
 */
async function step(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: string,
  apply: (tx: Queryable, r: RecordRow) => Promise<{ state: sql.StateChange; payload?: Record<string, unknown>; feed?: 'published' | 'updated' | 'ended' | 'revoked'; audit?: Record<string, unknown> }>,
): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const r = await sql.recordById(tx, scopeFilter(actor), id, true);
    if (!r) throw notFoundRecord();
    if (!actionsFor(actor, r, await rules(tx), today(ctx), null).includes(action)) {
      if (!isOfficer(actor)) throw forbidden();
      throw conflict({ zh: `信用记录当前状态（${r.status}）不能执行此操作`, en: `A record in state "${r.status}" cannot take this step` }, { status: r.status, action });
    }
    const { state, payload = {}, feed, audit = {} } = await apply(tx, r);
    await sql.setState(tx, id, state, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { from: r.status, to: state.status ?? r.status, ...payload } });
    if (feed) await feedChange(tx, id, feed, ctx.clock.now());
    await appendAudit(tx, ctx.clock, { actor, action: `protection.credit.${action}`, targetType: 'credit_record', targetId: String(id), details: { from: r.status, to: state.status ?? r.status, ...audit } });
  });
  return get(ctx, actor, id);
}

async function feedChange(tx: Queryable, id: number, change: 'published' | 'updated' | 'ended' | 'revoked', at: Date): Promise<void> {
  const after = await sql.recordById(tx, null, id);
  if (!after) throw new Error('credit record vanished');
  await sql.appendFeed(tx, id, change, at, toPublic(after));
}

/** Edits a draft; the chain keeps which fields changed. */
export async function update(ctx: AppContext, actor: Actor, id: number, body: schema.RecordBody): Promise<Detail> {
  checkArea(actor, body.areaCode);
  return step(ctx, actor, id, 'edit', async (tx, r) => {
    await checkDecisionFree(tx, body, id);
    const before = fieldsOfRow(r);
    const after = fieldsOf(body);
    await sql.updateFields(tx, id, after, ctx.clock.now());
    const edited = (Object.keys(after) as Array<keyof sql.RecordFields>).filter((k) => before[k] !== after[k]);
    return { state: {}, payload: { edited }, audit: { edited } };
  });
}

const fieldsOfRow = (r: RecordRow): sql.RecordFields => ({
  kind: r.kind,
  category: r.category,
  severity: r.severity,
  subjectName: r.subject_name,
  subjectUscc: r.subject_uscc,
  subjectKind: r.subject_kind,
  areaCode: r.area_code,
  legalBasis: r.legal_basis,
  decisionNo: r.decision_no,
  decisionOrg: r.decision_org,
  decidedOn: r.decided_on,
  facts: r.facts,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
});

const DECISION_TYPES = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

/** Attaches the decision document (PDF or DOCX, checked by content) to a draft; it enters the chain with its SHA-256. */
export async function attachDecision(ctx: AppContext, actor: Actor, id: number, upload: { source: Readable; fileName: string }): Promise<Detail> {
  return step(ctx, actor, id, 'decision', async (tx) => {
    const { row } = await evidence.receiveFile(ctx, actor, upload, { tx, subject: subjectOf(id) });
    if (!DECISION_TYPES.has(row.mime)) {
      await ctx.files.remove(row.file_key);
      throw new AppError('unsupported_media', { zh: '决定文书须为 PDF 或 DOCX 文件', en: 'The decision document must be a PDF or DOCX file' }, { accepted: ['pdf', 'docx'] });
    }
    await evidence.appendFiles(ctx, tx, subjectOf(id), actor, [row]);
    return { state: { decisionFileId: row.id }, payload: { decisionFile: row.name, sha256: row.sha256 }, audit: { fileId: row.id, sha256: row.sha256 } };
  });
}

/** Publishes a draft: from now on the public sees it and the credit platform receives it. */
export const publish = (ctx: AppContext, actor: Actor, id: number) =>
  step(ctx, actor, id, 'publish', async (_tx, r) => {
    if (r.kind === 'distrust' && !r.decision_file_id) {
      throw ruleViolated({ zh: '失信记录须先上传决定文书（PDF 或 DOCX）才能公示', en: 'Upload the decision document (PDF or DOCX) before publishing a distrust record' });
    }
    if (r.ends_on && r.ends_on < today(ctx)) {
      throw ruleViolated({ zh: `公示截止日期 ${r.ends_on} 已过，无需公示`, en: `The publication period ended on ${r.ends_on}; there is nothing to publish` });
    }
    return { state: { status: 'published', publishedAt: ctx.clock.now() }, feed: 'published' };
  });

/** Revokes a record entered in error or whose decision was set aside; a draft is simply discarded. */
export const revoke = (ctx: AppContext, actor: Actor, id: number, reason: string) =>
  step(ctx, actor, id, 'revoke', async (tx, r) => {
    if (r.status === 'repairing') await sql.decideRepair(tx, id, { status: 'closed', userId: actor.kind === 'user' ? actor.id : null, userName: actor.name ?? actor.kind, note: reason, at: ctx.clock.now() });
    return { state: { status: 'revoked', revokeReason: reason }, payload: { reason }, feed: r.status === 'draft' ? undefined : 'revoked', audit: { reason } };
  });

/** Ends a trust record early (the title was withdrawn, the firm left the list). */
export const end = (ctx: AppContext, actor: Actor, id: number, reason: string) =>
  step(ctx, actor, id, 'end', async () => ({ state: { status: 'ended', endedOn: today(ctx), endedEarlyOn: today(ctx), endReason: reason }, payload: { reason }, feed: 'ended', audit: { reason } }));

/** Approves the repair: the record stops being published today. */
export const approveRepair = (ctx: AppContext, actor: Actor, id: number, note: string | undefined) =>
  step(ctx, actor, id, 'repair-approve', async (tx) => {
    const repairId = await sql.decideRepair(tx, id, { status: 'approved', userId: actor.kind === 'user' ? actor.id : null, userName: actor.name ?? actor.kind, note: note ?? null, at: ctx.clock.now() });
    const reason = `信用修复：准予提前终止公示${note ? `（${note}）` : ''}`;
    return { state: { status: 'ended', endedOn: today(ctx), endedEarlyOn: today(ctx), endReason: reason }, payload: { repair: 'approved', ...(note ? { note } : {}) }, feed: 'ended', audit: { repairId } };
  });

/** Refuses the repair with the reasons; publication continues. */
export const refuseRepair = (ctx: AppContext, actor: Actor, id: number, reason: string) =>
  step(ctx, actor, id, 'repair-refuse', async (tx) => {
    const repairId = await sql.decideRepair(tx, id, { status: 'refused', userId: actor.kind === 'user' ? actor.id : null, userName: actor.name ?? actor.kind, note: reason, at: ctx.clock.now() });
    return { state: { status: 'published' }, payload: { repair: 'refused', reason }, audit: { repairId, reason } };
  });

export async function openRecordFile(ctx: AppContext, actor: Actor, id: number, fileId: number) {
  const row = await sql.recordById(ctx.db, scopeFilter(actor), id);
  if (!row) throw notFoundRecord();
  const file = await evidence.openFile(ctx, subjectOf(id), fileId);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.credit.file.read', targetType: 'credit_record', targetId: String(id), details: { fileId } });
  return file;
}

async function firmOf(ctx: AppContext, actor: Actor) {
  const org = await subjectOrg(ctx.db, actor);
  if (!org) throw new AppError('forbidden', { zh: '只有登记了统一社会信用代码的企业或代理机构账号可以查看本单位信用记录', en: 'Only an enterprise or agency account with a credit code can see its credit records' });
  return org;
}

/** The firm's own records (as published, whatever happened since) and its repair applications. */
export async function mine(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.mineView>> {
  const org = await firmOf(ctx, actor);
  const rows = await sql.recordsOfUscc(ctx.db, org.uscc as string);
  const records = [];
  for (const row of rows) {
    const { history: _h, ...d } = await detail(ctx, actor, row, org.uscc);
    records.push(d);
  }
  return { organisation: { name: org.name, uscc: org.uscc }, records };
}

/** The firm applies for repair of a published distrust record once its minimum period has passed. */
export async function applyRepair(ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.repairBody>): Promise<z.infer<typeof schema.mineView>> {
  const org = await firmOf(ctx, actor);
  await ctx.db.tx(async (tx) => {
    const r = await sql.recordById(tx, null, id, true);
    if (!r || r.subject_uscc !== org.uscc || r.status === 'draft') throw notFoundRecord();
    if (r.kind !== 'distrust') throw conflict({ zh: '守信记录无需信用修复', en: 'A trust record needs no repair' });
    if (r.status === 'repairing') throw conflict({ zh: '已有一份信用修复申请在审核中', en: 'A repair application is already under review' });
    if (r.status !== 'published') throw conflict({ zh: '该记录已不在公示中，无需修复', en: 'The record is no longer published' }, { status: r.status });
    const opens = repairOpensOn(r.starts_on, r.severity ?? 'general', await rules(tx));
    if (opens > today(ctx)) {
      throw ruleViolated({ zh: `最短公示期未满，${opens} 起可申请信用修复`, en: `The minimum publication period has not passed; repair can be applied for from ${opens}` }, { repairOpensOn: opens });
    }
    const repairId = await sql.insertRepair(tx, { recordId: id, orgId: org.id, orgName: org.name, applicantId: actor.kind === 'user' ? actor.id : null, applicantName: actor.name ?? actor.kind, reasons: body.reasons, at: ctx.clock.now() });
    const files = await evidence.claimUploads(ctx, tx, body.files, subjectOf(id));
    await sql.setRepairFiles(tx, repairId, files.map((f) => f.id));
    await sql.setState(tx, id, { status: 'repairing' }, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { from: 'published', to: 'repairing', repair: 'submitted', files: files.length } });
    await evidence.appendFiles(ctx, tx, subjectOf(id), actor, files);
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.credit.repair-apply', targetType: 'credit_record', targetId: String(id), details: { repairId, files: files.length } });
  });
  return mine(ctx, actor);
}

export async function openMineFile(ctx: AppContext, actor: Actor, id: number, fileId: number) {
  const org = await firmOf(ctx, actor);
  const row = await sql.recordById(ctx.db, null, id);
  if (!row || row.subject_uscc !== org.uscc || !row.published_at) throw notFoundRecord();
  const file = await evidence.openFile(ctx, subjectOf(id), fileId);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.credit.file.read', targetType: 'credit_record', targetId: String(id), details: { fileId } });
  return file;
}

/** What is being published now: one kind, searchable by name or credit code. */
export async function publicList(ctx: AppContext, q: z.infer<typeof schema.publicQuery>): Promise<z.infer<typeof schema.publicList>> {
  const { rows, total } = await sql.publicRecords(ctx.db, { kind: q.kind, today: today(ctx), q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map(toPublic), total, page: q.page, pageSize: q.pageSize };
}

/** Changes after a cursor, in order, for the credit platform's pull; each pull is an export and audited. */
export async function feed(ctx: AppContext, actor: Actor, q: z.infer<typeof schema.feedQuery>): Promise<z.infer<typeof schema.feedView>> {
  const since = Number(q.since);
  const rows = await sql.feedAfter(ctx.db, since, q.limit + 1);
  const items = rows.slice(0, q.limit);
  const next = items.at(-1)?.seq ?? since;
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.credit.feed', targetType: 'credit_feed', details: { since, next, count: items.length } });
  return {
    items: items.map((f) => ({ seq: String(f.seq), change: f.change, at: f.at.toISOString(), record: f.payload as schema.PublicRecord })),
    nextCursor: String(next),
    hasMore: rows.length > q.limit,
  };
}

/** The signed bundle of records changed after a cursor (all published records without one). */
export async function exportBundle(ctx: AppContext, actor: Actor, since: string | undefined): Promise<Bundle & { fileName: string }> {
  const from = Number(since ?? '0');
  const rows = await sql.recordsChangedAfter(ctx.db, from);
  const records: ExportRecord[] = rows.map((r) => ({ ...toPublic(r), feedSeq: String(r.feed_seq) }));
  const to = rows.at(-1)?.feed_seq ?? from;
  const at = ctx.clock.now();
  const bundle = buildBundle(exportKeys(ctx), records, { from: String(from), to: String(to) }, at);
  const manifestSha = sha256(bundle.files.find((f) => f.name === CREDIT_EXPORT_FILES.manifest)?.data ?? '');
  await ctx.db.tx(async (tx) => {
    await sql.insertExport(tx, { at, actorId: actor.kind === 'user' ? actor.id : null, actorName: actor.name ?? actor.kind, from, to, records: records.length, manifestSha256: manifestSha });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.credit.export', targetType: 'credit_feed', details: { from, to, records: records.length, manifestSha256: manifestSha } });
  });
  const stamp = at.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return { ...bundle, fileName: `xinzhi-credit-${stamp}-${from}-${to}` };
}

/** The last bundle exported: where the next incremental one starts. */
export async function lastExport(ctx: AppContext): Promise<z.infer<typeof schema.lastExportView>> {
  const row = await sql.lastExport(ctx.db);
  return { last: row ? { at: row.at.toISOString(), by: row.actor_name, cursorFrom: String(row.cursor_from), cursorTo: String(row.cursor_to), records: row.records } : null, current: String(await sql.lastFeedSeq(ctx.db)) };
}

export function exportKey(ctx: AppContext): z.infer<typeof schema.exportKeyView> {
  const { publicKey } = exportKeys(ctx);
  return { algorithm: 'Ed25519', publicKeyPem: publicKeyPem(publicKey), publicKeySha256: publicKeySha256(publicKey) };
}

/**
 * Keeps a 守信 record in step with the key-protection list, inside the list's own transaction: a firm
 * listed gets a published record (open-ended while it stays listed); a firm leaving the list ends it.
 */
export async function syncKeyListing(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  entry: { id: number; ref: string; orgName: string; uscc: string | null; areaCode: string; industry: string; isDemo: boolean },
  change: { to: 'listed'; listedOn: string } | { to: 'exited'; reason: string },
): Promise<void> {
  const now = ctx.clock.now();
  if (change.to === 'exited') {
    const live = await sql.keyListRecord(tx, entry.id);
    if (!live) return;
    const reason = `移出重点关注名录：${change.reason}`;
    await sql.setState(tx, live.id, { status: 'ended', endedOn: today(ctx), endedEarlyOn: today(ctx), endReason: reason }, now);
    await evidence.appendEntry(ctx, tx, subjectOf(live.id), actor, { kind: 'state', payload: { from: 'published', to: 'ended', reason, source: 'key_list' } });
    await feedChange(tx, live.id, 'ended', now);
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.credit.end', targetType: 'credit_record', targetId: String(live.id), details: { source: 'key_list', entry: entry.ref } });
    return;
  }
  if (!entry.uscc || !isValidUscc(entry.uscc) || (await sql.keyListRecord(tx, entry.id))) return;
  const fields: sql.RecordFields = {
    kind: 'trust',
    category: 'key_list',
    severity: null,
    subjectName: entry.orgName,
    subjectUscc: entry.uscc,
    subjectKind: 'enterprise',
    areaCode: entry.areaCode,
    legalBasis: `列入信阳市知识产权保护重点关注名录（名录编号 ${entry.ref}）`,
    decisionNo: entry.ref,
    decisionOrg: (actor.orgId ? (await sql.orgById(tx, actor.orgId))?.name : null) ?? '信阳市知识产权局',
    decidedOn: change.listedOn,
    facts: `经县区初审、市局审核，列入市知识产权保护重点关注名录（所属行业：${entry.industry}）；在名录期间持续有效，移出名录时终止。`,
    startsOn: change.listedOn,
    endsOn: null,
  };
  if (await sql.decisionTaken(tx, fields, null)) return;
  const year = Number(change.listedOn.slice(0, 4));
  const id = await sql.insertRecord(tx, {
    ...fields,
    refYear: year,
    refSeq: await sql.nextRefSeq(tx, year),
    status: 'published',
    source: 'key_list',
    sourceId: entry.id,
    userId: actor.kind === 'user' ? actor.id : null,
    userName: actor.name ?? actor.kind,
    at: now,
    isDemo: entry.isDemo,
  });
  await sql.setState(tx, id, { publishedAt: now }, now);
  await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { from: null, to: 'published', source: 'key_list', entry: entry.ref } });
  await feedChange(tx, id, 'published', now);
  await appendAudit(tx, ctx.clock, { actor, action: 'protection.credit.publish', targetType: 'credit_record', targetId: String(id), details: { source: 'key_list', entry: entry.ref } });
}

/** Ends the records whose publication period has passed (公示期满), each in its own transaction. */
export async function endExpired(ctx: AppContext): Promise<number> {
  const day = today(ctx);
  let ended = 0;
  for (const { id } of await sql.expiredRecords(ctx.db, day)) {
    await ctx.db.tx(async (tx) => {
      const r = await sql.recordById(tx, null, id, true);
      if (!r || !LIVE.includes(r.status) || !r.ends_on || r.ends_on >= day) return;
      if (r.status === 'repairing') await sql.decideRepair(tx, id, { status: 'closed', userId: null, userName: 'system', note: '公示期满，自动终止', at: ctx.clock.now() });
      await sql.setState(tx, id, { status: 'ended', endedOn: r.ends_on, endReason: '公示期满' }, ctx.clock.now());
      await evidence.appendEntry(ctx, tx, subjectOf(id), systemActor, { kind: 'state', payload: { from: r.status, to: 'ended', reason: '公示期满' } });
      await feedChange(tx, id, 'ended', ctx.clock.now());
      await appendAudit(tx, ctx.clock, { actor: systemActor, action: 'protection.credit.expire', targetType: 'credit_record', targetId: String(id), details: { endsOn: r.ends_on } });
      ended++;
    });
  }
  return ended;
}

export const CREDIT_DAILY_JOB = 'credit-daily';

export const creditDailyJobHandler = oneStepDailyJob(CREDIT_DAILY_JOB, 'credit.manage', ['credit.expire', 'credit.done'], async (ctx) => ({ ended: await endExpired(ctx) }));
