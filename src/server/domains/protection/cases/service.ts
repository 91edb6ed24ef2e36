import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { caseKey, partnerSourceOf, type CaseSource } from '../../../../shared/protection/cases';
import { parseTrademarkNumber } from '../../../../shared/registry/numbers';
import { hasPermission } from '../../../../shared/roles';
import { CITY_CODE, areaByCode, formatApplicationNumber, parseApplicationNumber } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { AppError, conflict, invalid, notFound } from '../../../errors';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import * as evidence from '../evidence/service';
import type { Subject } from '../evidence/service';
import * as sql from './queries';
import type { CaseRow, StoredParty, StoredRight, TransferRow, Visibility } from './queries';
import type * as schema from './schema';

type Detail = z.infer<typeof schema.caseDetail>;
type ListItem = z.infer<typeof schema.caseListItem>;

const subjectOf = (id: number): Subject => ({ kind: 'case', id });
const notFoundCase = () => notFound({ zh: '没有这个案件，或您无权查看', en: 'No such case, or you may not see it' });
const NOBODY = '00000000-0000-0000-0000-000000000000';

export const isOfficer = (actor: Actor) => actor.roles.includes('city_officer') || actor.roles.includes('area_officer');

/** Officers see the cases of their area; partners their own records and what is linked or sent to them. */
export function visibilityOf(actor: Actor): Visibility {
  if (isOfficer(actor)) return { scope: scopeFilter(actor), orgId: null };
  return { scope: scopeFilter(actor), orgId: actor.orgId ?? NOBODY };
}

/** The source an actor records as: a partner by what its organisation is; officers record administrative cases. */
async function sourceOf(q: Queryable, actor: Actor): Promise<{ source: CaseSource; orgId: string; orgName: string }> {
  const org = actor.orgId ? await sql.orgById(q, actor.orgId) : null;
  if (!org) throw new AppError('forbidden', { zh: '账号不属于任何机构，不能录入案件', en: 'The account belongs to no organisation and cannot record cases' });
  if (isOfficer(actor)) return { source: 'administrative', orgId: org.id, orgName: org.name };
  const source = org.kind === 'partner' ? partnerSourceOf(org.name) : null;
  if (!source) {
    throw new AppError('forbidden', {
      zh: '只有法院、检察院、公安机关和知识产权管理部门可以录入案件信息',
      en: 'Only courts, procuratorates, the police and the IP offices record case information',
    });
  }
  return { source, orgId: org.id, orgName: org.name };
}

function checkArea(actor: Actor, areaCode: string): void {
  if (isOfficer(actor) && actor.scope !== CITY_CODE && areaCode !== actor.scope) {
    throw new AppError('forbidden', { zh: '县区只能录入本辖区的案件', en: 'A county desk records only cases of its own area' }, { field: 'areaCode' });
  }
}

const partyView = (p: StoredParty) => ({ role: p.role, kind: p.kind, name: p.name, uscc: p.uscc });

function listItem(c: CaseRow): ListItem {
  return {
    id: c.id,
    caseNo: c.case_no,
    source: c.source_kind,
    sourceOrg: c.source_org,
    unit: c.unit,
    rightType: c.right_type,
    procedure: c.procedure,
    cause: c.cause,
    parties: c.parties.map(partyView),
    areaCode: c.area_code,
    areaName: areaByCode(c.area_code)?.name ?? c.area_code,
    filedOn: c.filed_on,
    closedOn: c.closed_on,
    stage: c.stage,
    amount: c.amount === null ? null : Number(c.amount),
    duplicates: c.duplicates,
    links: c.links,
    transfer: c.transfer,
    isDemo: c.is_demo,
  };
}

function transferView(actor: Actor, t: TransferRow): z.infer<typeof schema.transferView> {
  return {
    id: t.id,
    caseId: t.case_id,
    caseNo: t.case_no,
    fromUnit: t.from_unit,
    cause: t.cause,
    toOrg: t.to_org,
    reason: t.reason,
    status: t.status,
    sentBy: t.sent_by_name,
    sentAt: t.sent_at.toISOString(),
    receiptNo: t.receipt_no,
    receiptNote: t.receipt_note,
    policeCase: t.police_case_id && t.police_case_no ? { id: t.police_case_id, caseNo: t.police_case_no, source: 'police', unit: t.police_unit ?? '' } : null,
    answeredBy: t.answered_by_name,
    answeredAt: t.answered_at?.toISOString() ?? null,
    canAnswer: t.status === 'sent' && actor.orgId === t.to_org_id,
  };
}

function actionsFor(actor: Actor, c: CaseRow, transfers: TransferRow[]): string[] {
  const out: string[] = [];
  const own = actor.orgId === c.source_org_id;
  if (own) out.push('edit', 'attach');
  if (isOfficer(actor)) out.push('link');
  const open = transfers.some((t) => t.status !== 'refused');
  if (isOfficer(actor) && hasPermission(actor.roles, 'cases.transfer') && c.source_kind === 'administrative' && !open) out.push('transfer');
  if (c.parties.some((p) => p.kind === 'person') && (own || hasPermission(actor.roles, 'protection.reveal'))) out.push('reveal');
  return out;
}

async function loadCase(actor: Actor, q: Queryable, id: number, lock = false): Promise<CaseRow> {
  const row = await sql.caseById(q, visibilityOf(actor), id, lock);
  if (!row) throw notFoundCase();
  return row;
}

export async function getCase(ctx: AppContext, actor: Actor, id: number): Promise<Detail> {
  const c = await loadCase(actor, ctx.db, id);
  const [same, linked, transfers, files, history] = await Promise.all([
    sql.sameNumber(ctx.db, visibilityOf(actor), c.case_key, c.id),
    sql.linkedTo(ctx.db, c.id),
    sql.transfersOf(ctx.db, c.id),
    evidence.filesOf(ctx.db, subjectOf(c.id)),
    evidence.chainOf(ctx.db, subjectOf(c.id)),
  ]);
  const ids = (type: 'patent' | 'trademark') => c.rights.filter((r) => r.type === type && r.id !== null).map((r) => r.id as number);
  const titles = new Map((await sql.rightTitles(ctx.db, ids('patent'), ids('trademark'))).map((r) => [`${r.type}:${r.id}`, r.title]));
  return {
    ...listItem(c),
    rights: c.rights.map((r) => ({ type: r.type, number: r.number, id: r.id, title: r.id === null ? null : (titles.get(`${r.type}:${r.id}`) ?? null) })),
    result: c.result,
    createdBy: c.created_by_name,
    updatedAt: c.updated_at.toISOString(),
    sameNumber: same.map((s) => ({ id: s.id, caseNo: s.case_no, source: s.source_kind, unit: s.unit, sourceOrg: s.source_org, stage: s.stage, filedOn: s.filed_on, visible: s.visible })),
    linked: linked.map((l) => ({ id: l.id, caseNo: l.case_no, source: l.source_kind, unit: l.unit, kind: l.kind, note: l.note, stage: l.stage })),
    transfers: transfers.map((t) => transferView(actor, t)),
    files: files.map((f) => ({ id: f.id, sha256: f.sha256, size: f.size, mime: f.mime, name: f.name, uploadedBy: f.uploaded_by_name, uploadedAt: f.uploaded_at.toISOString() })),
    history,
    actions: actionsFor(actor, c, transfers),
  };
}

export async function listCases(ctx: AppContext, actor: Actor, query: z.infer<typeof schema.listQuery>) {
  const { page, pageSize, duplicates, ...f } = query;
  const { rows, total } = await sql.listCases(ctx.db, visibilityOf(actor), {
    ...f,
    duplicates: duplicates === '1',
    caseKeyQ: f.q ? caseKey(f.q) : null,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows.map(listItem), total, page, pageSize };
}

export async function stats(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.statsView>> {
  const s = await sql.stats(ctx.db, visibilityOf(actor));
  const t = (status: string) => s.transfers.find((x) => x.status === status)?.total ?? 0;
  return {
    total: s.by_source.reduce((n, r) => n + r.total, 0),
    bySource: s.by_source,
    byRightType: s.by_right.map((r) => ({ rightType: r.right_type, total: r.total })),
    byArea: s.by_area.map((r) => ({ areaCode: r.area_code, areaName: areaByCode(r.area_code)?.name ?? r.area_code, total: r.total })),
    duplicateNumbers: s.duplicate_numbers,
    transfers: { sent: t('sent'), received: t('received'), refused: t('refused') },
  };
}

/** Seals natural persons' names (masked copy shown), keeps organisations in clear. */
function storeParties(ctx: AppContext, parties: schema.CaseBody['parties'], previous: readonly StoredParty[] = []): StoredParty[] {
  // An edit sends back the masks it was shown: a mask of a stored person keeps that person's name.
  const unused = previous.filter((p) => p.kind === 'person' && p.nameSealed);
  return parties.map((p) => {
    if (p.kind === 'org') return { role: p.role, kind: 'org', name: p.name, uscc: p.uscc ?? null };
    const kept = unused.findIndex((x) => x.name === p.name);
    if (kept >= 0) return { ...(unused.splice(kept, 1)[0] as StoredParty), role: p.role };
    const s = ctx.personal.seal('name', p.name);
    return { role: p.role, kind: 'person', name: s.masked, uscc: null, nameSealed: s.sealed };
  });
}

/** Reads the right numbers (application numbers, trademark registration numbers) and finds them in the data centre. */
export async function storeRights(q: Queryable, rights: schema.CaseBody['rights'], rowNo?: number): Promise<StoredRight[]> {
  const read = rights.map((r, i) => {
    if (r.type === 'patent') {
      const p = parseApplicationNumber(r.number);
      if (!p.ok) throw invalid({ zh: '专利申请号有误', en: 'A patent application number is wrong' }, [{ field: `rights.${i}.number`, row: rowNo, message: p.message }]);
      return { type: r.type, number: p.canonical };
    }
    const t = parseTrademarkNumber(r.number);
    if (!t.ok) throw invalid({ zh: '商标注册号有误', en: 'A trademark registration number is wrong' }, [{ field: `rights.${i}.number`, row: rowNo, message: t.reason }]);
    return { type: r.type, number: t.value };
  });
  const found = await sql.rightsByNumbers(
    q,
    read.filter((r) => r.type === 'patent').map((r) => r.number),
    read.filter((r) => r.type === 'trademark').map((r) => r.number),
  );
  const ids = new Map(found.map((f) => [`${f.type}:${f.number}`, f.id]));
  return read.map((r) => ({ type: r.type, number: r.type === 'patent' ? formatApplicationNumber(r.number) : r.number, id: ids.get(`${r.type}:${r.number}`) ?? null }));
}

interface Recorder {
  source: CaseSource;
  orgId: string;
  orgName: string;
}

/** Stores one case in the caller's transaction; enters it in the case's chain and the audit log. */
async function storeCase(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  who: Recorder,
  body: schema.CaseBody,
  opts: { isDemo?: boolean; via: 'form' | 'import' | 'api'; rowNo?: number; previousParties?: readonly StoredParty[] },
) {
  checkArea(actor, body.areaCode);
  const key = caseKey(body.caseNo);
  const stored = {
    caseNo: body.caseNo,
    caseKey: key,
    source: who.source,
    orgId: who.orgId,
    unit: body.unit ?? who.orgName,
    rightType: body.rightType,
    procedure: body.procedure,
    cause: body.cause,
    parties: storeParties(ctx, body.parties, opts.previousParties),
    rights: await storeRights(tx, body.rights, opts.rowNo),
    areaCode: body.areaCode,
    filedOn: body.filedOn,
    closedOn: body.closedOn ?? null,
    stage: body.stage,
    result: body.result ?? null,
    amount: body.amount ?? null,
    isDemo: opts.isDemo ?? false,
    by: await sql.displayName(tx, actor),
    at: ctx.clock.now(),
  };
  const { id, inserted } = await sql.upsertCase(tx, stored);
  await evidence.appendEntry(ctx, tx, subjectOf(id), actor, {
    kind: 'state',
    payload: { action: inserted ? 'record' : 'update', via: opts.via, stage: body.stage, closedOn: body.closedOn ?? null, result: body.result ?? null, amount: body.amount ?? null },
  });
  await appendAudit(tx, ctx.clock, { actor, action: inserted ? 'cases.record' : 'cases.update', targetType: 'ip_case', targetId: String(id), details: { caseNo: body.caseNo, via: opts.via } });
  return { id, inserted, key };
}

/** Records a case (or updates the source's own record of the same number). */
export async function recordCase(ctx: AppContext, actor: Actor, body: schema.CaseBody, via: 'form' | 'api' = 'form', isDemo = false): Promise<{ detail: Detail; created: boolean }> {
  const { id, inserted } = await ctx.db.tx(async (tx) => storeCase(ctx, tx, actor, await sourceOf(tx, actor), body, { via, isDemo }));
  return { detail: await getCase(ctx, actor, id), created: inserted };
}

/** The source edits its own record; the case number stays. */
export async function updateCase(ctx: AppContext, actor: Actor, id: number, body: schema.CaseBody): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const c = await loadCase(actor, tx, id, true);
    if (c.source_org_id !== actor.orgId) throw new AppError('forbidden', { zh: '只有录入单位可以修改案件信息', en: 'Only the recording organisation can change a case' });
    if (caseKey(body.caseNo) !== c.case_key) {
      throw invalid({ zh: '案号不能修改；如案号有误，请新录入一条', en: 'The case number cannot change; record a new case instead' }, [{ field: 'caseNo' }]);
    }
    await storeCase(ctx, tx, actor, { source: c.source_kind, orgId: c.source_org_id, orgName: c.source_org }, body, { via: 'form', previousParties: c.parties });
  });
  return getCase(ctx, actor, id);
}

/** Links two cases the caller can see (e.g. an administrative case and the criminal case that followed). */
export async function linkCases(ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.linkBody>): Promise<Detail> {
  if (body.otherId === id) throw invalid({ zh: '不能关联案件自身', en: 'A case cannot be linked to itself' }, [{ field: 'otherId' }]);
  await ctx.db.tx(async (tx) => {
    const [first, second] = id < body.otherId ? [id, body.otherId] : [body.otherId, id];
    const a = await loadCase(actor, tx, first, true);
    const b = await loadCase(actor, tx, second, true);
    const added = await sql.insertLink(tx, a.id, b.id, 'related', body.note ?? null, await sql.displayName(tx, actor), ctx.clock.now());
    if (!added) throw conflict({ zh: '这两个案件已经关联', en: 'The two cases are already linked' });
    for (const [self, other] of [[a, b], [b, a]] as const) {
      await evidence.appendEntry(ctx, tx, subjectOf(self.id), actor, { kind: 'state', payload: { action: 'link', with: other.case_no, note: body.note ?? null } });
    }
    await appendAudit(tx, ctx.clock, { actor, action: 'cases.link', targetType: 'ip_case', targetId: String(id), details: { otherId: body.otherId } });
  });
  return getCase(ctx, actor, id);
}

export async function transferTargets(ctx: AppContext) {
  return { items: await sql.policeOrgs(ctx.db) };
}

/** 移送: an administrative case goes to the police; its users are told. */
export async function transferCase(ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.transferBody>): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const c = await loadCase(actor, tx, id, true);
    if (c.source_kind !== 'administrative') throw conflict({ zh: '只有行政案件可以移送公安机关', en: 'Only an administrative case can be transferred to the police' });
    const open = (await sql.transfersOf(tx, id)).find((t) => t.status !== 'refused');
    if (open) throw conflict({ zh: '该案件已移送，不能重复移送', en: 'The case has already been transferred' }, { transferId: open.id, status: open.status });
    const police = (await sql.policeOrgs(tx)).find((o) => o.id === body.toOrgId);
    if (!police) throw invalid({ zh: '请选择一个公安机关', en: 'Choose a police organisation' }, [{ field: 'toOrgId' }]);
    const transferId = await sql.insertTransfer(tx, { caseId: id, toOrgId: police.id, reason: body.reason, by: await sql.displayName(tx, actor), at: ctx.clock.now() });
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { action: 'transfer', to: police.name, reason: body.reason } });
    await appendAudit(tx, ctx.clock, { actor, action: 'cases.transfer', targetType: 'ip_case', targetId: String(id), details: { transferId, to: police.name } });
    for (const m of await sql.mailboxesOf(tx, police.id)) {
      await ctx.mailer.enqueue(tx, {
        to: m.email,
        subject: `【信知】移送案件待接收：${c.case_no}`,
        body: [`${m.display_name}：`, '', `${c.unit}向贵单位移送涉嫌知识产权犯罪案件 ${c.case_no}（${c.cause}）。`, `移送理由：${body.reason}`, '', '请登录信知平台「保护 → 案件信息共享 → 移送接收」出具受案回执。'].join('\n'),
      });
    }
  });
  return getCase(ctx, actor, id);
}

/** Transfers sent to the caller's organisation (the police), newest waiting first. */
export async function incomingTransfers(ctx: AppContext, actor: Actor) {
  if (!actor.orgId) return { items: [] };
  return { items: (await sql.transfersTo(ctx.db, actor.orgId)).map((t) => transferView(actor, t)) };
}

/** The police answer a transfer: received with the receipt number (and their own case number), or refused. */
export async function answerTransfer(
  ctx: AppContext,
  actor: Actor,
  transferId: number,
  answer: { kind: 'received'; body: z.infer<typeof schema.receiveBody> } | { kind: 'refused'; body: z.infer<typeof schema.refuseBody> },
): Promise<z.infer<typeof schema.transferView>> {
  await ctx.db.tx(async (tx) => {
    const t = await sql.transferById(tx, transferId, true);
    if (!t || t.to_org_id !== actor.orgId) throw notFound({ zh: '没有发给本单位的这件移送', en: 'No such transfer to your organisation' });
    if (t.status !== 'sent') throw conflict({ zh: '这件移送已经答复过', en: 'This transfer has already been answered' }, { status: t.status });
    let policeCaseId: number | null = null;
    if (answer.kind === 'received' && answer.body.policeCaseNo) {
      policeCaseId = await sql.caseIdByKey(tx, t.to_org_id, caseKey(answer.body.policeCaseNo));
      if (policeCaseId === null) {
        throw invalid(
          { zh: '本单位尚未录入该立案编号的案件；请先录入案件，或留空立案编号', en: 'Your organisation has recorded no case with that number; record it first or leave it empty' },
          [{ field: 'policeCaseNo' }],
        );
      }
      await sql.insertLink(tx, t.case_id, policeCaseId, 'transfer', `移送 ${t.case_no}`, await sql.displayName(tx, actor), ctx.clock.now());
      await evidence.appendEntry(ctx, tx, subjectOf(policeCaseId), actor, { kind: 'state', payload: { action: 'transfer-received', from: t.case_no } });
    }
    const by = await sql.displayName(tx, actor);
    await sql.answerTransfer(tx, transferId, {
      status: answer.kind,
      receiptNo: answer.kind === 'received' ? answer.body.receiptNo : null,
      note: answer.kind === 'received' ? (answer.body.note ?? null) : answer.body.reason,
      policeCaseId,
      by,
      at: ctx.clock.now(),
    });
    await evidence.appendEntry(ctx, tx, subjectOf(t.case_id), actor, {
      kind: 'state',
      payload: answer.kind === 'received' ? { action: 'transfer-received', by: t.to_org, receiptNo: answer.body.receiptNo } : { action: 'transfer-refused', by: t.to_org, reason: answer.body.reason },
    });
    await appendAudit(tx, ctx.clock, { actor, action: `cases.transfer.${answer.kind}`, targetType: 'ip_case', targetId: String(t.case_id), details: { transferId } });
  });
  const t = await sql.transferById(ctx.db, transferId);
  if (!t) throw notFound({ zh: '没有这件移送', en: 'No such transfer' });
  return transferView(actor, t);
}

export async function attachFile(ctx: AppContext, actor: Actor, id: number, upload: { source: Readable; fileName: string }): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const c = await loadCase(actor, tx, id, true);
    if (c.source_org_id !== actor.orgId) throw new AppError('forbidden', { zh: '只有录入单位可以添加附件', en: 'Only the recording organisation can attach files' });
    const { row } = await evidence.receiveFile(ctx, actor, upload, { tx, subject: subjectOf(id) });
    await evidence.appendFiles(ctx, tx, subjectOf(id), actor, [row]);
    await appendAudit(tx, ctx.clock, { actor, action: 'cases.attach', targetType: 'ip_case', targetId: String(id), details: { fileId: row.id, sha256: row.sha256 } });
  });
  return getCase(ctx, actor, id);
}

export async function openCaseFile(ctx: AppContext, actor: Actor, id: number, fileId: number) {
  await loadCase(actor, ctx.db, id);
  const file = await evidence.openFile(ctx, subjectOf(id), fileId);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'cases.file.read', targetType: 'ip_case', targetId: String(id), details: { fileId } });
  return file;
}

/** Natural persons' names in clear: for the recording organisation and roles allowed to see them; audited. */
export async function reveal(ctx: AppContext, actor: Actor, id: number): Promise<z.infer<typeof schema.revealed>> {
  const c = await loadCase(actor, ctx.db, id);
  if (c.source_org_id !== actor.orgId && !hasPermission(actor.roles, 'protection.reveal')) {
    throw new AppError('forbidden', { zh: '当前角色无权查看当事人姓名', en: 'Your role may not see the parties’ names' });
  }
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'cases.reveal', targetType: 'ip_case', targetId: String(id), details: { persons: c.parties.filter((p) => p.kind === 'person').length } });
  return { parties: c.parties.map((p) => ({ role: p.role, kind: p.kind, name: p.nameSealed ? ctx.personal.open(p.nameSealed) : p.name })) };
}

export { sourceOf, storeCase };
