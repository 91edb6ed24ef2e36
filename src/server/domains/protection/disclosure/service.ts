import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { canonicalJson } from '../../../../shared/canonical-json';
import { addWorkingDays } from '../../../../shared/dates';
import { caseKey } from '../../../../shared/protection/cases';
import {
  DECISION_KINDS,
  DEFAULT_DISCLOSURE_WORKING_DAYS,
  DISCLOSURE_REMIND_WORKING_DAYS,
  DISCLOSURE_TRANSITIONS,
  type DisclosureAction,
  type DisclosureFileCategory,
  type DisclosureStatus,
} from '../../../../shared/protection/disclosure';
import { todayInChina } from '../../../../shared/registry/normalise';
import { hasPermission } from '../../../../shared/roles';
import { CITY_CODE, areaByCode, maskIdNumber, maskNameForPublic, maskPersonalText, streetLevelAddress } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { sha256 } from '../../../crypto';
import type { Queryable } from '../../../db/db';
import { AppError, conflict, invalid, notFound, ruleViolated } from '../../../errors';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import * as evidence from '../evidence/service';
import type { Subject } from '../evidence/service';
import { officersOf, readSetting, reportById, writeSetting } from '../reports/queries';
import * as sql from './queries';
import type { DecisionRow, NewDecision } from './queries';
import type * as schema from './schema';

type Detail = z.infer<typeof schema.detailView>;
type ListItem = z.infer<typeof schema.listItem>;
type PublicRecord = schema.PublicRecord;

const subjectOf = (id: number): Subject => ({ kind: 'disclosure', id });
const today = (ctx: AppContext) => todayInChina(ctx.clock.now().getTime());
const isCity = (actor: Actor) => actor.scope === CITY_CODE;
const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
const areaName = (code: string) => areaByCode(code)?.name ?? code;
const notFoundDecision = () => notFound({ zh: '没有这份处罚决定，或不在您的辖区', en: 'No such decision, or it is outside your area' });

const STATUS_ZH: Record<DisclosureStatus, string> = { draft: '待法制审核', reviewed: '待公示', published: '已公示', withdrawn: '已撤下' };
const ACTION_ZH: Record<DisclosureAction, string> = { edit: '修改', review: '登记法制审核', publish: '公示', withdraw: '撤下公示' };

const SETTING_KEY = 'disclosure_deadlines';

/** The disclosure deadline the city office set (working days from the decision). */
export async function disclosureSettings(q: Queryable): Promise<{ publishWorkingDays: number }> {
  return { publishWorkingDays: DEFAULT_DISCLOSURE_WORKING_DAYS, ...((await readSetting<{ publishWorkingDays: number }>(q, SETTING_KEY)) ?? {}) };
}

/** Saves it; decisions already recorded keep the due date they were given. */
export const writeDisclosureSettings = (q: Queryable, value: { publishWorkingDays: number }, userId: string | null, at: Date) => writeSetting(q, SETTING_KEY, value, userId, at);

/** A county desk records its own area's decisions; the city office any area's and its own. */
function checkArea(actor: Actor, areaCode: string): void {
  if (!isCity(actor) && areaCode !== actor.scope) {
    throw new AppError('forbidden', { zh: '县区只能录入本辖区作出的处罚决定', en: 'A county desk records only its own area’s decisions' }, { field: 'areaCode' });
  }
}

function assertTransition(r: DecisionRow, action: DisclosureAction): void {
  if (!DISCLOSURE_TRANSITIONS[action].from.includes(r.status)) {
    throw conflict(
      { zh: `处罚决定当前状态为“${STATUS_ZH[r.status]}”，不能${ACTION_ZH[action]}`, en: `A decision in state "${r.status}" cannot take the step "${action}"` },
      { status: r.status, action },
    );
  }
}

async function load(ctx: AppContext, actor: Actor, id: number, q: Queryable = ctx.db, lock = false): Promise<DecisionRow> {
  const row = await sql.decisionById(q, scopeFilter(actor), id, lock);
  if (!row) throw notFoundDecision();
  return row;
}

function dueOf(r: Pick<DecisionRow, 'status' | 'publish_due'>, day: string, soon: string) {
  const open = r.status === 'draft' || r.status === 'reviewed';
  return { overdue: open && r.publish_due < day, dueSoon: open && r.publish_due >= day && r.publish_due <= soon };
}

function partyOf(r: DecisionRow): ListItem['party'] {
  if (r.party_kind === 'organisation') return { kind: 'organisation', name: r.party_name ?? '', uscc: r.party_uscc, idNumber: null, phone: null, address: r.party_address };
  return { kind: 'natural_person', name: r.person_name_masked ?? '', uscc: null, idNumber: r.person_id_masked, phone: r.person_phone_masked, address: r.person_address_masked };
}

/** What the actor may do now: the state machine, plus attaching files and (with the right) revealing a person's data. */
function actionsFor(actor: Actor, r: DecisionRow): string[] {
  const out: string[] = (Object.keys(DISCLOSURE_TRANSITIONS) as DisclosureAction[]).filter((a) => DISCLOSURE_TRANSITIONS[a].from.includes(r.status));
  if (r.status !== 'withdrawn') out.push('attach');
  if (r.party_kind === 'natural_person' && hasPermission(actor.roles, 'protection.reveal')) out.push('reveal');
  return out;
}

function listItem(r: DecisionRow, day: string, soon: string): ListItem {
  return {
    id: r.id,
    decisionNo: r.decision_no,
    kinds: r.kinds,
    party: partyOf(r),
    fineAmount: r.fine_amount,
    confiscatedAmount: r.confiscated_amount,
    decidedOn: r.decided_on,
    authority: r.authority,
    areaCode: r.area_code,
    areaName: areaName(r.area_code),
    status: r.status,
    publishDue: r.publish_due,
    ...dueOf(r, day, soon),
    publishedAt: r.published_at?.toISOString() ?? null,
    publishedLate: !!r.published_at && todayInChina(r.published_at.getTime()) > r.publish_due,
    reviewed: r.review_on !== null,
    isDemo: r.is_demo,
  };
}

export async function list(ctx: AppContext, actor: Actor, q: z.infer<typeof schema.listQuery>): Promise<z.infer<typeof schema.listView>> {
  const day = today(ctx);
  const soon = addWorkingDays(day, DISCLOSURE_REMIND_WORKING_DAYS);
  const scope = scopeFilter(actor);
  const { rows, total } = await sql.listDecisions(ctx.db, {
    scope,
    status: q.status,
    area: q.area,
    kind: q.kind,
    q: q.q,
    key: q.q ? caseKey(q.q) : undefined,
    nameHash: q.q ? ctx.personal.lookup('name', q.q) : undefined,
    idHash: q.q ? ctx.personal.lookup('id', q.q) : undefined,
    overdue: q.overdue === '1',
    today: day,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const summary = { draft: 0, reviewed: 0, published: 0, withdrawn: 0, overdue: 0, dueSoon: 0 };
  for (const s of await sql.summary(ctx.db, scope, day, soon)) {
    summary[s.status] += s.n;
    summary.overdue += s.overdue;
    summary.dueSoon += s.due_soon;
  }
  return { items: rows.map((r) => listItem(r, day, soon)), total, page: q.page, pageSize: q.pageSize, summary };
}

const openOtherNames = (ctx: AppContext, r: Pick<DecisionRow, 'other_names_sealed'>): string[] => (r.other_names_sealed ? (JSON.parse(ctx.personal.open(r.other_names_sealed)) as string[]) : []);

export async function get(ctx: AppContext, actor: Actor, id: number): Promise<Detail> {
  const r = await load(ctx, actor, id);
  const day = today(ctx);
  const [files, categories, history] = await Promise.all([evidence.filesOf(ctx.db, subjectOf(id)), sql.fileCategories(ctx.db, id), evidence.chainOf(ctx.db, subjectOf(id))]);
  return {
    ...listItem(r, day, addWorkingDays(day, DISCLOSURE_REMIND_WORKING_DAYS)),
    otherNames: openOtherNames(ctx, r).map(maskNameForPublic),
    facts: r.facts,
    provisions: r.provisions,
    basis: r.basis,
    penalty: r.penalty,
    report: r.report_id && r.report_ref ? { id: r.report_id, ref: r.report_ref } : null,
    review:
      r.review_on && r.review_file_id
        ? { reviewer: r.review_reviewer ?? '', unit: r.review_unit, opinion: r.review_opinion ?? '', reviewedOn: r.review_on, fileId: r.review_file_id, recordedBy: r.reviewed_by_name }
        : null,
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    withdrawReason: r.withdraw_reason,
    files: files.map((f) => ({
      id: f.id,
      sha256: f.sha256,
      size: f.size,
      mime: f.mime,
      name: f.name,
      uploadedBy: f.uploaded_by_name,
      uploadedAt: f.uploaded_at.toISOString(),
      category: categories.get(f.id) ?? 'process',
    })),
    history,
    createdAt: r.created_at.toISOString(),
    actions: actionsFor(actor, r),
  };
}

/** The linked report must be one the actor sees, concluded with a violation found. */
async function checkReport(tx: Queryable, actor: Actor, reportId: number): Promise<void> {
  const r = await reportById(tx, scopeFilter(actor), reportId);
  if (!r) throw invalid({ zh: '所关联的举报不存在或不在您的辖区', en: 'The linked report does not exist or is outside your area' }, [{ field: 'reportId' }]);
  if (r.status !== 'concluded' || r.violation !== true) {
    throw invalid({ zh: '只能关联已办结并认定违法的举报', en: 'Only a report concluded with a violation found can be linked' }, [{ field: 'reportId' }]);
  }
}

type Body = schema.CreateBody | schema.UpdateBody;

/** The stored content of a decision from a form: a person's data sealed; on an edit, person fields left out keep their sealed values. */
async function contentOf(ctx: AppContext, q: Queryable, body: Body, before: DecisionRow | null): Promise<NewDecision> {
  const p = body.party;
  let person: NewDecision['person'] = null;
  if (p.kind === 'natural_person') {
    const was = before?.party_kind === 'natural_person' ? before : null;
    const sealedOr = <T>(value: string | undefined, kind: 'name' | 'id' | 'phone' | 'address', keep: () => T | null) => (value ? ctx.personal.seal(kind, value) : keep());
    const name = sealedOr(p.name, 'name', () => (was?.person_name_sealed ? { sealed: was.person_name_sealed, masked: was.person_name_masked ?? '', hash: was.person_name_hash ?? '' } : null));
    const id = sealedOr(p.idNumber, 'id', () => (was?.person_id_sealed ? { sealed: was.person_id_sealed, masked: was.person_id_masked ?? '', hash: was.person_id_hash ?? '' } : null));
    const address = sealedOr(p.address, 'address', () => (was?.person_address_sealed ? { sealed: was.person_address_sealed, masked: was.person_address_masked ?? '', hash: '' } : null));
    const phone = sealedOr(p.phone, 'phone', () => (was?.person_phone_sealed ? { sealed: was.person_phone_sealed, masked: was.person_phone_masked ?? '', hash: '' } : null));
    const missing = [!name && 'party.name', !id && 'party.idNumber', !address && 'party.address'].filter((f): f is string => !!f);
    if (missing.length > 0 || !name || !id || !address) {
      throw invalid(
        { zh: '当事人为自然人时，请填写姓名、身份证号和住址', en: 'A natural person needs a name, an ID number and an address' },
        missing.map((field) => ({ field, message: { zh: '必填', en: 'Required' } })),
      );
    }
    person = { name, id, address, phone };
  }
  const otherNames = body.otherNames === undefined && before ? before.other_names_sealed : body.otherNames?.length ? ctx.personal.seal('text', JSON.stringify(body.otherNames)).sealed : null;
  const days = (await disclosureSettings(q)).publishWorkingDays;
  return {
    decisionNo: body.decisionNo,
    decisionKey: caseKey(body.decisionNo),
    kinds: DECISION_KINDS.filter((k) => body.kinds.includes(k)),
    partyKind: p.kind,
    org: p.kind === 'organisation' ? { name: p.name, uscc: p.uscc, address: p.address ?? null } : null,
    person,
    otherNamesSealed: otherNames,
    facts: body.facts,
    provisions: body.provisions,
    basis: body.basis,
    penalty: body.penalty,
    fineAmount: body.fineAmount ?? null,
    confiscatedAmount: body.confiscatedAmount ?? null,
    decidedOn: body.decidedOn,
    authority: body.authority,
    areaCode: body.areaCode,
    reportId: body.reportId ?? null,
    // An edit that keeps the decision date keeps its due date, even if the setting changed since.
    publishDue: before && before.decided_on === body.decidedOn ? before.publish_due : addWorkingDays(body.decidedOn, days),
  };
}

function checkDecidedOn(ctx: AppContext, decidedOn: string): void {
  if (decidedOn > today(ctx)) {
    throw invalid({ zh: '决定日期不能晚于今天', en: 'The decision date cannot be in the future' }, [{ field: 'decidedOn', message: { zh: '决定日期不能晚于今天', en: 'Not in the future' } }]);
  }
}

const duplicate = (decisionNo: string) =>
  conflict({ zh: `处罚决定书文号“${decisionNo}”已经录入，请勿重复录入`, en: `Decision ${decisionNo} is already recorded` }, { field: 'decisionNo' });

/** Records a decision as a draft; its publication is due the configured number of working days after the decision. */
export async function create(ctx: AppContext, actor: Actor, body: schema.CreateBody, opts: { isDemo?: boolean } = {}): Promise<Detail> {
  checkArea(actor, body.areaCode);
  checkDecidedOn(ctx, body.decidedOn);
  const id = await ctx.db.tx(async (tx) => {
    if (await sql.decisionByKey(tx, caseKey(body.decisionNo))) throw duplicate(body.decisionNo);
    if (body.reportId) await checkReport(tx, actor, body.reportId);
    const content = await contentOf(ctx, tx, body, null);
    const newId = await sql.insertDecision(tx, content, userIdOf(actor), ctx.clock.now(), opts.isDemo ?? false);
    await evidence.appendEntry(ctx, tx, subjectOf(newId), actor, {
      kind: 'state',
      payload: { from: null, to: 'draft', decisionNo: content.decisionNo, publishDue: content.publishDue, ...(content.reportId ? { reportId: content.reportId } : {}) },
    });
    await appendAudit(tx, ctx.clock, {
      actor,
      action: 'protection.disclosure.create',
      targetType: 'enforcement_decision',
      targetId: String(newId),
      details: { areaCode: content.areaCode, kinds: content.kinds, partyKind: content.partyKind, publishDue: content.publishDue },
    });
    return newId;
  });
  return get(ctx, actor, id);
}

/** The names of what an edit changed, for the record's history (never the values: they may be personal). */
function changedFields(before: DecisionRow, after: NewDecision): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (before.decision_no !== after.decisionNo) out.push('decisionNo');
  if (!same(before.kinds, after.kinds)) out.push('kinds');
  const party =
    before.party_kind !== after.partyKind ||
    (after.org ? before.party_name !== after.org.name || before.party_uscc !== after.org.uscc || before.party_address !== after.org.address : false) ||
    (after.person
      ? before.person_name_hash !== after.person.name.hash || before.person_id_hash !== after.person.id.hash || before.person_address_sealed !== after.person.address.sealed || (before.person_phone_sealed ?? null) !== (after.person.phone?.sealed ?? null)
      : false);
  if (party) out.push('party');
  if ((before.other_names_sealed ?? null) !== after.otherNamesSealed) out.push('otherNames');
  for (const [k, a, b] of [
    ['facts', before.facts, after.facts],
    ['provisions', before.provisions, after.provisions],
    ['basis', before.basis, after.basis],
    ['penalty', before.penalty, after.penalty],
    ['fineAmount', before.fine_amount, after.fineAmount],
    ['confiscatedAmount', before.confiscated_amount, after.confiscatedAmount],
    ['decidedOn', before.decided_on, after.decidedOn],
    ['authority', before.authority, after.authority],
    ['areaCode', before.area_code, after.areaCode],
    ['reportId', before.report_id, after.reportId],
  ] as const) {
    if (!same(a, b)) out.push(k);
  }
  return out;
}

/** Edits a draft, or a reviewed decision not yet published: it goes back to draft and needs its legal review again. */
export async function update(ctx: AppContext, actor: Actor, id: number, body: schema.UpdateBody): Promise<Detail> {
  checkArea(actor, body.areaCode);
  checkDecidedOn(ctx, body.decidedOn);
  await ctx.db.tx(async (tx) => {
    const r = await load(ctx, actor, id, tx, true);
    assertTransition(r, 'edit');
    const other = await sql.decisionByKey(tx, caseKey(body.decisionNo));
    if (other && other.id !== id) throw duplicate(body.decisionNo);
    if (body.reportId && body.reportId !== r.report_id) await checkReport(tx, actor, body.reportId);
    const content = await contentOf(ctx, tx, body, r);
    const changed = changedFields(r, content);
    await sql.updateDecision(tx, id, content, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, {
      kind: 'state',
      payload: { from: r.status, to: 'draft', edited: changed, ...(r.status === 'reviewed' ? { reviewVoided: true } : {}) },
    });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.disclosure.edit', targetType: 'enforcement_decision', targetId: String(id), details: { changed, from: r.status } });
  });
  return get(ctx, actor, id);
}

/** An officer attaches a legal-review record or part of the whole-process record; it enters the decision's chain. */
export async function attachFile(ctx: AppContext, actor: Actor, id: number, category: DisclosureFileCategory, upload: { source: Readable; fileName: string }): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const r = await load(ctx, actor, id, tx, true);
    if (r.status === 'withdrawn') throw conflict({ zh: '已撤下的公示不能再添加材料', en: 'A withdrawn decision takes no more files' }, { status: r.status });
    const { row } = await evidence.receiveFile(ctx, actor, upload, { tx, subject: subjectOf(id) });
    await sql.addFile(tx, id, row.id, category);
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'file', fileId: row.id, payload: { sha256: row.sha256, size: row.size, mime: row.mime, name: row.name, category } });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.disclosure.attach', targetType: 'enforcement_decision', targetId: String(id), details: { fileId: row.id, sha256: row.sha256, category } });
  });
  return get(ctx, actor, id);
}

export async function openDecisionFile(ctx: AppContext, actor: Actor, id: number, fileId: number) {
  await load(ctx, actor, id);
  const file = await evidence.openFile(ctx, subjectOf(id), fileId);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.disclosure.file.read', targetType: 'enforcement_decision', targetId: String(id), details: { fileId } });
  return file;
}

/**
 * Records the legal review (法制审核): who reviewed, the opinion, the date, and the signed record
 * uploaded before. The review comes before the decision (行政处罚法 Art. 58), so its date cannot
 * be later than the decision's.
 */
export async function review(ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.reviewBody>): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const r = await load(ctx, actor, id, tx, true);
    assertTransition(r, 'review');
    if ((await sql.fileCategories(tx, id)).get(body.fileId) !== 'review') {
      throw invalid({ zh: '请先上传法制审核记录文件，再登记审核意见', en: 'Upload the legal-review record first, then record the review' }, [{ field: 'fileId' }]);
    }
    if (body.reviewedOn > today(ctx)) throw invalid({ zh: '审核日期不能晚于今天', en: 'The review date cannot be in the future' }, [{ field: 'reviewedOn' }]);
    if (body.reviewedOn > r.decided_on) {
      throw ruleViolated(
        { zh: `法制审核应在作出处罚决定之前完成：审核日期不能晚于决定日期（${r.decided_on}）`, en: `The legal review comes before the decision: its date cannot be after ${r.decided_on}` },
        [{ field: 'reviewedOn' }],
      );
    }
    await sql.recordReview(tx, id, { reviewer: body.reviewer, unit: body.unit ?? null, opinion: body.opinion, reviewedOn: body.reviewedOn, fileId: body.fileId, by: userIdOf(actor) }, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, {
      kind: 'state',
      payload: { from: r.status, to: 'reviewed', reviewer: body.reviewer, reviewedOn: body.reviewedOn, fileId: body.fileId },
    });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.disclosure.review', targetType: 'enforcement_decision', targetId: String(id), details: { fileId: body.fileId, reviewedOn: body.reviewedOn } });
  });
  return get(ctx, actor, id);
}

/** "河南省信阳市固始县": where a person lives when the address names no division we can keep. */
function countyAddress(areaCode: string): string {
  return areaCode === CITY_CODE ? '河南省信阳市' : `河南省信阳市${areaName(areaCode)}`;
}

/**
 * The text that goes public, built from the record: a natural person's name to the surname, the
 * ID number to its ends, the address to street level, no phone; and the same data masked wherever
 * the officer wrote it in the texts. Nothing of the legal review or the whole-process record.
 */
function publicRecordOf(ctx: AppContext, r: DecisionRow, publishedOn: string): PublicRecord {
  const open = (v: string | null) => (v ? ctx.personal.open(v) : null);
  const person =
    r.party_kind === 'natural_person'
      ? { name: open(r.person_name_sealed) ?? '', id: open(r.person_id_sealed) ?? '', phone: open(r.person_phone_sealed), address: open(r.person_address_sealed) ?? '' }
      : null;
  const others = openOtherNames(ctx, r);
  const mask = (text: string) =>
    maskPersonalText(text, {
      names: [...(person ? [person.name] : []), ...others],
      idNumbers: person ? [person.id] : [],
      phones: person?.phone ? [person.phone] : [],
      addresses: person ? [person.address] : [],
      keep: r.party_address ? [r.party_address] : [],
    });
  return {
    decisionNo: r.decision_no,
    authority: r.authority,
    areaCode: r.area_code,
    areaName: areaName(r.area_code),
    party: person
      ? { kind: 'natural_person', name: maskNameForPublic(person.name), uscc: null, idNumber: maskIdNumber(person.id), address: streetLevelAddress(person.address) || countyAddress(r.area_code) }
      : { kind: 'organisation', name: r.party_name ?? '', uscc: r.party_uscc, idNumber: null, address: r.party_address },
    kinds: r.kinds,
    facts: mask(r.facts),
    provisions: mask(r.provisions),
    basis: mask(r.basis),
    penalty: mask(r.penalty),
    fineAmount: r.fine_amount,
    confiscatedAmount: r.confiscated_amount,
    decidedOn: r.decided_on,
    publishedOn,
  };
}

const digestOf = (record: PublicRecord) => sha256(canonicalJson(record));

/** Exactly what publishing today would put on the public side (or what was published), with its digest. */
export async function preview(ctx: AppContext, actor: Actor, id: number): Promise<z.infer<typeof schema.previewView>> {
  const r = await load(ctx, actor, id);
  const day = today(ctx);
  if (r.public_record) return { record: r.public_record, digest: digestOf(r.public_record), warnings: [] };
  const record = publicRecordOf(ctx, r, day);
  const warnings: Array<'overdue' | 'no_process_record'> = [];
  if (r.publish_due < day) warnings.push('overdue');
  if (![...(await sql.fileCategories(ctx.db, id)).values()].includes('process')) warnings.push('no_process_record');
  return { record, digest: digestOf(record), warnings };
}

/**
 * Publishes the decision: only after its legal review, and only the text the officer previewed
 * (the digest must match, else the record or the date changed since and the preview is stale).
 */
export async function publish(ctx: AppContext, actor: Actor, id: number, digest: string): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const r = await load(ctx, actor, id, tx, true);
    if (r.status === 'draft') {
      throw ruleViolated(
        { zh: '尚未完成法制审核，不能公示：请先上传法制审核记录并登记审核意见', en: 'The legal review is not recorded yet: upload the review record and record the review first' },
        { status: r.status },
      );
    }
    assertTransition(r, 'publish');
    const day = today(ctx);
    const record = publicRecordOf(ctx, r, day);
    if (digestOf(record) !== digest) {
      throw conflict({ zh: '公示内容与预览时不同（记录已修改或日期已变），请重新预览后再公示', en: 'The text differs from the preview (the record or the date changed); preview it again' }, { reason: 'stale_preview' });
    }
    const late = day > r.publish_due;
    await sql.publish(tx, id, record, record.party.name, userIdOf(actor), ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { from: r.status, to: 'published', digest, ...(late ? { late: true, publishDue: r.publish_due } : {}) } });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.disclosure.publish', targetType: 'enforcement_decision', targetId: String(id), details: { digest, late } });
  });
  return get(ctx, actor, id);
}

/**
 * Takes a published decision down, with the reason. 国办发〔2018〕118号 asks that a decision revoked,
 * found unlawful or to be made anew be taken off the public platform promptly, so a withdrawn
 * decision disappears from the public side rather than staying there marked as withdrawn.
 */
export async function withdraw(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const r = await load(ctx, actor, id, tx, true);
    assertTransition(r, 'withdraw');
    await sql.withdraw(tx, id, reason, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { from: r.status, to: 'withdrawn', reason } });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.disclosure.withdraw', targetType: 'enforcement_decision', targetId: String(id), details: { reason } });
  });
  return get(ctx, actor, id);
}

/** Shows a natural person's data in clear: a separate, audited act. */
export async function reveal(ctx: AppContext, actor: Actor, id: number): Promise<z.infer<typeof schema.revealed>> {
  const r = await load(ctx, actor, id);
  if (r.party_kind !== 'natural_person' || !r.person_name_sealed || !r.person_id_sealed) {
    throw ruleViolated({ zh: '当事人为单位，没有需要查看的个人信息', en: 'The party is an organisation: there is no personal data to show' });
  }
  const open = (v: string) => ctx.personal.open(v);
  const out = {
    name: open(r.person_name_sealed),
    idNumber: open(r.person_id_sealed),
    phone: r.person_phone_sealed ? open(r.person_phone_sealed) : null,
    address: r.person_address_sealed ? open(r.person_address_sealed) : '',
    otherNames: openOtherNames(ctx, r),
  };
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.disclosure.reveal', targetType: 'enforcement_decision', targetId: String(id) });
  return out;
}

/** What a concluded report gives a new decision record: its number, area, conclusion and infringer. */
export async function prefill(ctx: AppContext, actor: Actor, reportId: number): Promise<z.infer<typeof schema.prefillView>> {
  const r = await reportById(ctx.db, scopeFilter(actor), reportId);
  if (!r) throw notFound({ zh: '没有这条举报，或不在您的辖区', en: 'No such report, or it is outside your area' });
  if (r.status !== 'concluded' || r.violation !== true || !r.decision_no) {
    throw ruleViolated({ zh: '只有已办结、认定违法并填写了处罚决定书文号的举报可以录入公示', en: 'Only a report concluded with a violation and a decision number can start a disclosure' });
  }
  const existing = await sql.decisionByKey(ctx.db, caseKey(r.decision_no));
  return {
    report: { id: r.id, ref: `JB${r.ref_year}-${String(r.ref_seq).padStart(4, '0')}`, subject: r.subject, infringer: r.infringer, caseValue: r.case_value },
    existing: existing ? { id: existing.id, status: existing.status } : null,
    body: { decisionNo: r.decision_no, areaCode: r.area_code ?? actor.scope, facts: r.conclusion ?? '', reportId: r.id, partyName: r.infringer },
  };
}

/** The published decisions anyone may search: their frozen public text only. */
export async function publicList(ctx: AppContext, q: z.infer<typeof schema.publicQuery>): Promise<z.infer<typeof schema.publicListView>> {
  const { rows, total } = await sql.publicDecisions(ctx.db, {
    area: q.area,
    kind: q.kind,
    from: q.from,
    to: q.to,
    q: q.q,
    key: q.q ? caseKey(q.q) : undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map(({ id, record }) => ({
      id,
      decisionNo: record.decisionNo,
      partyKind: record.party.kind,
      partyName: record.party.name,
      kinds: record.kinds,
      fineAmount: record.fineAmount,
      confiscatedAmount: record.confiscatedAmount,
      authority: record.authority,
      areaCode: record.areaCode,
      areaName: record.areaName,
      decidedOn: record.decidedOn,
      publishedOn: record.publishedOn,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function publicGet(ctx: AppContext, id: number): Promise<z.infer<typeof schema.publicDetailView>> {
  const record = await sql.publicDecision(ctx.db, id);
  if (!record) throw notFound({ zh: '没有这条公示信息，或已撤下', en: 'No such published decision, or it was taken down' });
  return { id, ...record };
}

/**
 * For the daily job: mails each desk (the city office for its own decisions) the decisions it has
 * not published that are late or due within two working days. No personal data in the mail.
 */
export async function remindDueDisclosures(ctx: AppContext): Promise<{ mailed: number; due: number }> {
  const day = today(ctx);
  const rows = await sql.dueDecisions(ctx.db, addWorkingDays(day, DISCLOSURE_REMIND_WORKING_DAYS));
  const byArea = new Map<string, sql.DueRow[]>();
  for (const r of rows) byArea.set(r.area_code, [...(byArea.get(r.area_code) ?? []), r]);
  let mailed = 0;
  for (const [area, list] of byArea) {
    const officers = await officersOf(ctx.db, area, area === CITY_CODE ? 'city_officer' : 'area_officer');
    const lines = list.map((r) => `${r.decision_no}　${r.party}　${STATUS_ZH[r.status]}　公示期限 ${r.publish_due}${r.publish_due < day ? '（已逾期）' : ''}`);
    for (const o of officers) {
      if (!o.email) continue;
      await ctx.db.tx((tx) =>
        ctx.mailer.enqueue(tx, {
          to: o.email as string,
          subject: `【信知】行政处罚决定待公示：${list.length} 件`,
          body: [`${o.display_name}：`, '', `${areaName(area)}有以下行政处罚决定尚未公示，已逾期或两个工作日内到期：`, ...lines, '', '请登录信知平台「保护 → 处罚决定公示」办理。'].join('\n'),
        }),
      );
      mailed++;
    }
  }
  return { mailed, due: rows.length };
}
