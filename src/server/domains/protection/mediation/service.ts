import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { addWorkingDays } from '../../../../shared/dates';
import { addDays } from '../../../../shared/insight/fees';
import {
  DEFAULT_MEDIATION_DEADLINES,
  MEDIATION_TRANSITIONS,
  NEARLY_DUE_DAYS,
  OUTCOME_FROM,
  isCourtName,
  parseCourtCaseNo,
  type MediationAction,
  type MediationDeadlines,
  type MediationStatus,
} from '../../../../shared/protection/mediation';
import type { RightKind } from '../../../../shared/protection/reports';
import { todayInChina } from '../../../../shared/registry/normalise';
import { hasPermission } from '../../../../shared/roles';
import { CITY_CODE, areaByCode, parseApplicationNumber, resolveRegionFromAddress } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { AppError, conflict, forbidden, invalid, notFound, ruleViolated } from '../../../errors';
import { spendChallenge } from '../../../http/challenge';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import * as evidence from '../evidence/service';
import type { Subject } from '../evidence/service';
import { readSetting, writeSetting } from '../reports/queries';
import { newTrackingCode, trackingHash } from '../tracking';
import * as sql from './queries';
import type { CaseRow, CaseScope } from './queries';
import type * as schema from './schema';

type Detail = z.infer<typeof schema.caseDetail>;
type ListItem = z.infer<typeof schema.caseListItem>;

export const subjectOf = (id: number): Subject => ({ kind: 'mediation', id });
export const refOf = (r: Pick<CaseRow, 'ref_year' | 'ref_seq'>) => `TJ${r.ref_year}-${String(r.ref_seq).padStart(4, '0')}`;
const today = (ctx: AppContext) => todayInChina(ctx.clock.now().getTime());
const isCity = (actor: Actor) => actor.scope === CITY_CODE;
const areaName = (code: string) => areaByCode(code)?.name ?? code;
const notFoundCase = () => notFound({ zh: '没有这件调解案件，或不在您的查看范围', en: 'No such case, or it is outside what you may see' });

const STATUS_ZH: Record<MediationStatus, string> = { received: '待分派', assigned: '已分派', in_mediation: '调解中', closed: '已结案' };
const OUTCOME_ZH: Record<string, string> = { settled: '调解成功', not_settled: '调解不成', litigation: '转诉讼', withdrawn: '申请人撤回' };

export async function mediationSettings(q: Queryable): Promise<MediationDeadlines> {
  return { ...DEFAULT_MEDIATION_DEADLINES, ...((await readSetting<Partial<MediationDeadlines>>(q, 'mediation_deadlines')) ?? {}) };
}

export async function saveSettings(ctx: AppContext, actor: Actor, body: z.infer<typeof schema.settingsBody>): Promise<MediationDeadlines> {
  await ctx.db.tx(async (tx) => {
    const before = await mediationSettings(tx);
    await writeSetting(tx, 'mediation_deadlines', body, actor.kind === 'user' ? actor.id : null, ctx.clock.now());
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.mediation.settings', targetType: 'protection_settings', targetId: 'mediation_deadlines', before, after: body });
  });
  return mediationSettings(ctx.db);
}

/**
 * Which cases the actor sees: officers by area (the city office: all), a court those it referred or
 * that were sent to it, a firm those it filed.
 */
export function scopeOf(actor: Actor): CaseScope {
  if (hasPermission(actor.roles, 'mediation.handle')) return { mode: 'officer', areas: scopeFilter(actor), org: null };
  if (hasPermission(actor.roles, 'mediation.refer')) return { mode: 'court', areas: null, org: actor.orgId };
  if (hasPermission(actor.roles, 'mediation.apply')) return { mode: 'filer', areas: null, org: actor.orgId };
  throw forbidden();
}

function dueOf(r: CaseRow, day: string): ListItem['due'] {
  const stage = r.status === 'received' ? 'assign' : r.status === 'assigned' || r.status === 'in_mediation' ? 'mediation' : null;
  const date = stage === 'assign' ? r.assign_due : stage === 'mediation' ? r.mediation_due : null;
  const overdue = !!date && date < day;
  return { stage, date, overdue, soon: !!date && !overdue && date <= addDays(day, NEARLY_DUE_DAYS) };
}

function listItem(r: CaseRow, day: string): ListItem {
  return {
    id: r.id,
    ref: refOf(r),
    source: r.source,
    kind: r.kind,
    status: r.status,
    outcome: r.outcome,
    rightKind: r.right_kind,
    applicants: r.applicant_names ?? '',
    respondents: r.respondent_names ?? '',
    areaCode: r.area_code,
    areaName: areaName(r.area_code),
    court: r.court_org_id && r.court_name ? { id: r.court_org_id, name: r.court_name } : null,
    courtCaseNo: r.court_case_no,
    body: r.body_id && r.body_name && r.body_kind ? { id: r.body_id, name: r.body_name, kind: r.body_kind } : null,
    mediator: r.mediator_name,
    handler: r.handler_name,
    amount: r.amount,
    receivedAt: r.received_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    due: dueOf(r, day),
    confirmation: r.confirmation_status,
    isDemo: r.is_demo,
  };
}

async function load(ctx: AppContext, actor: Actor, id: number, q: Queryable = ctx.db, lock = false): Promise<CaseRow> {
  const row = await sql.caseById(q, scopeOf(actor), id, lock);
  if (!row) throw notFoundCase();
  return row;
}

/** What the actor may do to the case now, as the state machine, the role and the court's part allow. */
function actionsFor(actor: Actor, scope: CaseScope, r: CaseRow, sessions: sql.SessionRow[]): string[] {
  const out: string[] = [];
  const open = (a: MediationAction) => MEDIATION_TRANSITIONS[a].includes(r.status);
  if (scope.mode === 'officer') {
    for (const a of ['assign', 'transfer', 'schedule', 'extend', 'withdraw', 'attach'] as const) {
      if (!open(a)) continue;
      if (a === 'transfer' && !isCity(actor)) continue;
      out.push(a);
    }
    if (open('close')) out.push('close');
    if (open('record') && sessions.some((s) => s.status === 'scheduled')) out.push('record', 'cancel');
    if (r.outcome === 'settled' && r.confirmation_status === 'none') out.push('confirm-request');
    if (r.outcome === 'settled' && r.confirmation_status === 'requested') out.push('confirm-result');
    if (hasPermission(actor.roles, 'protection.reveal')) out.push('reveal');
  } else if (scope.mode === 'court' && r.outcome === 'settled' && r.confirmation_status === 'requested' && r.court_org_id === actor.orgId) {
    out.push('confirm-result');
  }
  return out;
}

type FileMeta = { purpose: 'evidence' | 'minutes' | 'agreement'; sessionId: number | null };

/** Each file's purpose and session, as its chain entry recorded them. */
function fileMeta(history: evidence.ChainEntryView[]): Map<number, FileMeta> {
  const out = new Map<number, FileMeta>();
  for (const e of history) {
    if (e.kind !== 'file' || e.fileId === null) continue;
    const p = e.payload;
    const purpose = p.purpose === 'minutes' || p.purpose === 'agreement' ? p.purpose : 'evidence';
    out.set(e.fileId, { purpose, sessionId: typeof p.sessionId === 'number' ? p.sessionId : null });
  }
  return out;
}

async function detail(ctx: AppContext, actor: Actor, r: CaseRow): Promise<Detail> {
  const scope = scopeOf(actor);
  const day = today(ctx);
  const [parties, sessions, rawFiles, history, deadlines] = await Promise.all([
    sql.partiesOf(ctx.db, r.id),
    sql.sessionsOf(ctx.db, r.id),
    evidence.filesOf(ctx.db, subjectOf(r.id)),
    evidence.chainOf(ctx.db, subjectOf(r.id)),
    mediationSettings(ctx.db),
  ]);
  const meta = fileMeta(history);
  const allFiles = rawFiles.map((f) => ({
    id: f.id,
    sha256: f.sha256,
    size: f.size,
    mime: f.mime,
    name: f.name,
    uploadedBy: f.uploaded_by_name,
    uploadedAt: f.uploaded_at.toISOString(),
    sessionId: meta.get(f.id)?.sessionId ?? null,
    purpose: r.agreement_file_id === f.id ? ('agreement' as const) : (meta.get(f.id)?.purpose ?? ('evidence' as const)),
  }));
  // A firm that applied gets the agreement; the case file itself stays with the office and the court.
  const files = scope.mode === 'filer' ? allFiles.filter((f) => f.id === r.agreement_file_id) : allFiles;
  const plain = ({ sessionId: _s, purpose: _p, ...f }: (typeof allFiles)[number]) => f;
  const agreement = allFiles.find((f) => f.id === r.agreement_file_id);
  const closedDay = r.closed_at ? todayInChina(r.closed_at.getTime()) : null;
  return {
    ...listItem(r, day),
    rightRef: r.right_ref,
    rightLink: r.patent_no
      ? { type: 'patent', number: r.patent_no, niceClass: null, title: r.patent_title ?? '' }
      : r.tm_reg_no
        ? { type: 'trademark', number: r.tm_reg_no, niceClass: r.tm_class, title: r.tm_name ?? '' }
        : null,
    claims: r.claims,
    facts: r.facts,
    areaSource: r.area_source,
    filedBy: r.filed_by_name,
    courtReferredAt: r.court_referred_at?.toISOString() ?? null,
    parties: parties.map((p) => ({
      role: p.role,
      seq: p.seq,
      kind: p.kind,
      name: p.display_name,
      uscc: p.uscc,
      contact: p.kind === 'org' ? p.person_masked : null,
      phone: p.phone_masked,
      idNumber: p.id_masked,
      address: p.address,
    })),
    mediatorId: r.mediator_id,
    handlerId: r.handler_id,
    assignedAt: r.assigned_at?.toISOString() ?? null,
    assignDue: r.assign_due,
    mediationDue: r.mediation_due,
    extendedDays: r.extended_days,
    outcomeNote: r.outcome_note,
    settledAmount: r.settled_amount,
    agreement: agreement ? plain(agreement) : null,
    confirmationDetail: {
      requestedAt: r.confirmation_requested_at?.toISOString() ?? null,
      requestDue: r.outcome === 'settled' && closedDay ? addDays(closedDay, deadlines.confirmRequestDays) : null,
      rulingNo: r.confirmation_ruling_no,
      date: r.confirmation_date,
      note: r.confirmation_note,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      seq: s.seq,
      scheduledAt: s.scheduled_at.toISOString(),
      online: s.online,
      place: s.place,
      mediator: s.mediator_name,
      status: s.status,
      attendees: s.attendees,
      minutes: s.minutes,
      heldAt: s.held_at?.toISOString() ?? null,
      cancelReason: s.cancel_reason,
      files: scope.mode === 'filer' ? [] : allFiles.filter((f) => f.sessionId === s.id).map(plain),
    })),
    files,
    history,
    actions: actionsFor(actor, scope, r, sessions),
  };
}

export async function getCase(ctx: AppContext, actor: Actor, id: number): Promise<Detail> {
  return detail(ctx, actor, await load(ctx, actor, id));
}

export async function listCases(ctx: AppContext, actor: Actor, query: z.infer<typeof schema.listQuery>) {
  const day = today(ctx);
  const { rows, total } = await sql.listCases(ctx.db, {
    scope: scopeOf(actor),
    today: day,
    status: query.status,
    outcome: query.outcome,
    source: query.source,
    kind: query.kind,
    area: query.area,
    body: query.body,
    // A court case number is found however its brackets were typed.
    q: query.q ? ((c) => (c.ok ? c.canonical : query.q))(parseCourtCaseNo(query.q)) : undefined,
    overdue: query.overdue === '1',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((r) => listItem(r, day)), total, page: query.page, pageSize: query.pageSize };
}

/** The court's page: the cases it referred or that were sent to it, and whether its organisation is a court. */
export async function referrals(ctx: AppContext, actor: Actor, query: z.infer<typeof schema.listQuery>): Promise<z.infer<typeof schema.referralList>> {
  const org = actor.orgId ? await sql.orgById(ctx.db, actor.orgId) : null;
  const list = await listCases(ctx, actor, query);
  return { ...list, court: org && isCourtName(org.name) ? { id: org.id, name: org.name } : null };
}

/** The firm's page: its organisation and the cases it filed. */
export async function mine(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.mineView>> {
  const org = await firmOf(ctx, actor);
  const { items } = await listCases(ctx, actor, { page: 1, pageSize: 200, q: undefined });
  return { organisation: { name: org.name, uscc: org.uscc, areaCode: org.area_code, areaName: areaName(org.area_code) }, items };
}

async function firmOf(ctx: AppContext, actor: Actor) {
  const org = actor.orgId ? await sql.orgById(ctx.db, actor.orgId) : null;
  if (!org || org.kind !== 'enterprise') throw new AppError('forbidden', { zh: '只有企业账号可以在线申请维权援助', en: 'Only an enterprise account can apply online' });
  return org;
}

async function courtOf(q: Queryable, orgId: string, field: string) {
  const org = await sql.orgById(q, orgId);
  if (!org || org.disabled || org.kind !== 'partner' || !isCourtName(org.name)) {
    throw invalid({ zh: '所选单位不是平台上的人民法院', en: 'The chosen organisation is not a court on the platform' }, [{ field }]);
  }
  return org;
}

// ---- Filing --------------------------------------------------------------------------------

interface NewCaseInput {
  source: 'online' | 'officer' | 'court';
  kind: 'assistance' | 'mediation';
  rightKind: RightKind;
  rightRef?: string;
  claims: string;
  facts: string;
  amount?: number;
  areaCode?: string;
  applicants: schema.PartyBody[];
  respondents: schema.PartyBody[];
  files?: string[];
  filedByOrg?: { id: string; areaCode: string };
  court?: { id: string; caseNo: string; judge?: string };
  trackingCode?: string;
  isDemo?: boolean;
}

/** The area with jurisdiction: chosen, else the respondent's or applicant's address, else the filer's, else the city. */
function jurisdiction(input: NewCaseInput): { areaCode: string; areaSource: CaseRow['area_source'] } {
  if (input.areaCode) return { areaCode: input.areaCode, areaSource: 'chosen' };
  for (const p of [...input.respondents, ...input.applicants]) {
    const region = p.address ? resolveRegionFromAddress(p.address) : null;
    if (region && region.code !== CITY_CODE) return { areaCode: region.code, areaSource: 'address' };
  }
  if (input.filedByOrg && input.filedByOrg.areaCode !== CITY_CODE) return { areaCode: input.filedByOrg.areaCode, areaSource: 'filer' };
  return { areaCode: CITY_CODE, areaSource: 'city' };
}

/** The patent or trademark the case names, when the data centre holds it. */
async function linkRight(q: Queryable, kind: RightKind, ref: string | undefined): Promise<{ patentId: number | null; trademarkId: number | null }> {
  if (!ref) return { patentId: null, trademarkId: null };
  if (kind === 'patent') {
    const p = parseApplicationNumber(ref);
    return { patentId: p.ok ? await sql.findRight(q, 'patent', p.canonical) : null, trademarkId: null };
  }
  if (kind === 'trademark') {
    const digits = /\d{5,9}/.exec(ref.replace(/\s/g, ''))?.[0];
    return { patentId: null, trademarkId: digits ? await sql.findRight(q, 'trademark', digits) : null };
  }
  return { patentId: null, trademarkId: null };
}

function sealParty(ctx: AppContext, role: 'applicant' | 'respondent', seq: number, p: schema.PartyBody): sql.NewParty {
  const personName = p.kind === 'person' ? p.name : p.contact;
  const person = personName ? ctx.personal.seal('name', personName) : null;
  return {
    role,
    seq,
    kind: p.kind,
    displayName: p.kind === 'org' ? p.name : (person?.masked ?? '***'),
    person: person ? { sealed: person.sealed, masked: person.masked } : null,
    uscc: p.kind === 'org' ? (p.uscc ?? null) : null,
    phone: p.phone ? ctx.personal.seal('phone', p.phone) : null,
    idNumber: p.idNumber ? ctx.personal.seal('id', p.idNumber) : null,
    address: p.address ?? null,
  };
}

/**
 * Records a new case in the caller's transaction: jurisdiction, parties sealed, uploads attached,
 * the first chain entry, the audit row, and a mail to the desk that is to assign it.
 */
export async function createCase(ctx: AppContext, tx: Queryable, actor: Actor, input: NewCaseInput): Promise<{ id: number; ref: string; receivedAt: string; acceptDue: string; files: number }> {
  const now = ctx.clock.now();
  const day = todayInChina(now.getTime());
  const deadlines = await mediationSettings(tx);
  const { areaCode, areaSource } = jurisdiction(input);
  const year = Number(day.slice(0, 4));
  const assignDue = addWorkingDays(day, deadlines.assignWorkingDays);
  const link = await linkRight(tx, input.rightKind, input.rightRef);
  const refSeq = await sql.nextRefSeq(tx, year);
  const id = await sql.insertCase(tx, {
    refYear: year,
    refSeq,
    trackingHash: input.trackingCode ? trackingHash(input.trackingCode) : null,
    source: input.source,
    kind: input.kind,
    rightKind: input.rightKind,
    rightRef: input.rightRef ?? null,
    patentId: link.patentId,
    trademarkId: link.trademarkId,
    claims: input.claims,
    facts: input.facts,
    amount: input.amount ?? null,
    areaCode,
    areaSource,
    filedByOrg: input.filedByOrg?.id ?? null,
    courtOrgId: input.court?.id ?? null,
    courtCaseNo: input.court?.caseNo ?? null,
    receivedAt: now,
    ip: actor.ip,
    assignDue,
    // A court's pre-litigation referral runs on the court's clock from the day it is referred.
    mediationDue: input.court ? addDays(day, deadlines.courtMediationDays) : null,
    isDemo: input.isDemo ?? false,
  });
  for (const [i, p] of input.applicants.entries()) await sql.insertParty(tx, id, sealParty(ctx, 'applicant', i + 1, p));
  for (const [i, p] of input.respondents.entries()) await sql.insertParty(tx, id, sealParty(ctx, 'respondent', i + 1, p));
  const files = await evidence.claimUploads(ctx, tx, input.files ?? [], subjectOf(id));
  await evidence.appendEntry(ctx, tx, subjectOf(id), actor, {
    kind: 'state',
    payload: { from: null, to: 'received', source: input.source, areaCode, ...(input.court ? { courtCaseNo: input.court.caseNo, ...(input.court.judge ? { judge: input.court.judge } : {}) } : {}) },
  });
  for (const f of files) {
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'file', fileId: f.id, payload: { sha256: f.sha256, size: f.size, mime: f.mime, name: f.name, purpose: 'evidence' } });
  }
  await appendAudit(tx, ctx.clock, {
    actor,
    action: `protection.mediation.${input.source === 'court' ? 'refer' : 'create'}`,
    targetType: 'mediation_case',
    targetId: String(id),
    details: { source: input.source, kind: input.kind, areaCode, files: files.length, ...(input.court ? { courtCaseNo: input.court.caseNo } : {}) },
  });
  const ref = refOf({ ref_year: year, ref_seq: refSeq });
  const what = input.source === 'court' ? `法院委派的诉前调解（${input.court?.caseNo ?? ''}）` : input.kind === 'assistance' ? '新的维权援助申请' : '新的纠纷调解申请';
  await tellDesk(ctx, tx, areaCode, ref, what);
  return { id, ref, receivedAt: now.toISOString(), acceptDue: assignDue, files: files.length };
}

/** An officer enters a case; a county desk's case is its own county's. */
export async function createByOfficer(ctx: AppContext, actor: Actor, body: z.infer<typeof schema.officerCaseBody>): Promise<Detail> {
  if (!isCity(actor) && body.areaCode && body.areaCode !== actor.scope) {
    throw ruleViolated({ zh: '县区只能登记本辖区的案件，跨辖区请由市局登记', en: 'A county desk enters cases of its own area; the city office enters others' }, [{ field: 'areaCode' }]);
  }
  const { id } = await ctx.db.tx((tx) => createCase(ctx, tx, actor, { ...body, source: 'officer', areaCode: isCity(actor) ? body.areaCode : actor.scope }));
  return getCase(ctx, actor, id);
}

/** A court refers a case for pre-litigation mediation (诉前委派调解), from its page or its case system by token. */
export async function refer(ctx: AppContext, actor: Actor, body: z.infer<typeof schema.referralBody>): Promise<Detail> {
  const org = actor.orgId ? await sql.orgById(ctx.db, actor.orgId) : null;
  if (!org || !isCourtName(org.name)) throw new AppError('forbidden', { zh: '只有人民法院可以委派诉前调解', en: 'Only a people’s court refers cases for pre-litigation mediation' });
  const { id } = await ctx.db.tx(async (tx) => {
    const dup = await sql.referralOf(tx, org.id, body.courtCaseNo);
    if (dup) throw conflict({ zh: `案号 ${body.courtCaseNo} 已委派过（${dup.ref}）`, en: `Case ${body.courtCaseNo} was already referred (${dup.ref})` }, { ref: dup.ref });
    return createCase(ctx, tx, actor, { ...body, source: 'court', court: { id: org.id, caseNo: body.courtCaseNo, judge: body.judge } });
  });
  return getCase(ctx, actor, id);
}

/** An enterprise applies; the firm is the applicant, its contact sealed. */
export async function apply(ctx: AppContext, actor: Actor, body: z.infer<typeof schema.applicationBody>): Promise<Detail> {
  const org = await firmOf(ctx, actor);
  const { contactName, contactPhone, ...rest } = body;
  const { id } = await ctx.db.tx((tx) =>
    createCase(ctx, tx, actor, {
      ...rest,
      source: 'online',
      applicants: [{ kind: 'org', name: org.name, uscc: org.uscc ?? undefined, contact: contactName, phone: contactPhone, address: undefined }],
      filedByOrg: { id: org.id, areaCode: org.area_code },
    }),
  );
  return getCase(ctx, actor, id);
}

/** The public form: checks the proof of work, records the case; the tracking code is shown once. */
export async function submitPublic(ctx: AppContext, actor: Actor, body: z.infer<typeof schema.publicBody>): Promise<z.infer<typeof schema.submitted>> {
  const { challenge, nonce, ...rest } = body;
  return ctx.db.tx(async (tx) => {
    await spendChallenge(ctx, tx, { challenge, nonce });
    const trackingCode = newTrackingCode();
    const { id: _id, ...receipt } = await createCase(ctx, tx, actor, { ...rest, source: 'online', trackingCode });
    return { trackingCode, ...receipt };
  });
}

/** The applicant's view by tracking code: progress, the body, the next session; no one's personal data. */
export async function track(ctx: AppContext, code: string): Promise<z.infer<typeof schema.trackView>> {
  const r = await sql.caseByTracking(ctx.db, trackingHash(code));
  if (!r) throw notFound({ zh: '查询码不正确，请核对后重试', en: 'The tracking code is not right; check it and try again' });
  const [sessions, chain] = await Promise.all([sql.sessionsOf(ctx.db, r.id), evidence.chainOf(ctx.db, subjectOf(r.id))]);
  const now = ctx.clock.now();
  const next = sessions.find((s) => s.status === 'scheduled' && s.scheduled_at >= now);
  return {
    ref: refOf(r),
    kind: r.kind,
    status: r.status,
    outcome: r.outcome,
    rightKind: r.right_kind,
    areaName: areaName(r.area_code),
    bodyName: r.body_name,
    receivedAt: r.received_at.toISOString(),
    assignDue: r.assign_due,
    mediationDue: r.mediation_due,
    closedAt: r.closed_at?.toISOString() ?? null,
    outcomeNote: r.status === 'closed' ? r.outcome_note : null,
    nextSession: next ? { scheduledAt: next.scheduled_at.toISOString(), online: next.online, place: next.place } : null,
    timeline: chain.filter((e) => e.kind === 'state' && typeof e.payload.to === 'string' && e.payload.to !== e.payload.from).map((e) => ({ status: String(e.payload.to), at: e.at })),
  };
}

// ---- Mail (outbox); never personal data --------------------------------------------------------

async function mail(ctx: AppContext, tx: Queryable, to: Array<{ email: string | null; display_name: string }>, subject: string, lines: string[]): Promise<number> {
  let n = 0;
  for (const p of to) {
    if (!p.email) continue;
    await ctx.mailer.enqueue(tx, { to: p.email, subject: `【信知】${subject}`, body: [`${p.display_name}：`, '', ...lines, '', '此邮件由系统发送。'].join('\n') });
    n++;
  }
  return n;
}

async function tellDesk(ctx: AppContext, tx: Queryable, areaCode: string, ref: string, what: string): Promise<void> {
  await mail(ctx, tx, await sql.deskOf(tx, areaCode, CITY_CODE), `${what} ${ref}`, [`${areaName(areaCode)}有一件${what}（${ref}）待分派，请登录信知平台「保护 → 维权援助与调解」处理。`]);
}

/** Tells the court's people what became of a case it referred or that was sent to it. */
async function tellCourt(ctx: AppContext, tx: Queryable, courtOrgId: string, r: CaseRow, what: string): Promise<void> {
  const caseNo = r.court_case_no ? `（法院案号 ${r.court_case_no}）` : '';
  await mail(ctx, tx, await sql.peopleOf(tx, courtOrgId), `${what} ${refOf(r)}`, [`调解案件 ${refOf(r)}${caseNo}：${what}。`, '请登录信知平台「保护 → 诉调对接」查看结果和调解协议。']);
}

// ---- Steps ---------------------------------------------------------------------------------

interface StepResult {
  change: sql.CaseChange;
  payload: Record<string, unknown>;
  after?: (tx: Queryable, before: CaseRow) => Promise<void>;
}

function assertOpen(r: CaseRow, action: MediationAction): void {
  if (!MEDIATION_TRANSITIONS[action].includes(r.status)) {
    throw conflict({ zh: `案件当前状态（${STATUS_ZH[r.status]}）不能执行此操作`, en: `A case in state "${r.status}" cannot take the step "${action}"` }, { status: r.status, action });
  }
}

/**
 * One step on a case: lock, check, change, enter it in the chain and the audit log, in one
 * transaction. A step the state does not allow is refused with 409, and the refusal is audited too.
 */
async function step(ctx: AppContext, actor: Actor, id: number, action: MediationAction, apply: (tx: Queryable, r: CaseRow) => Promise<StepResult>): Promise<Detail> {
  try {
    await ctx.db.tx(async (tx) => {
      const r = await load(ctx, actor, id, tx, true);
      assertOpen(r, action);
      const { change, payload, after } = await apply(tx, r);
      await sql.updateCase(tx, id, change, ctx.clock.now());
      await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload });
      await appendAudit(tx, ctx.clock, { actor, action: `protection.mediation.${action}`, targetType: 'mediation_case', targetId: String(id), details: { ...payload } });
      await after?.(tx, r);
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict') {
      await recordAudit(ctx.db, ctx.clock, {
        actor,
        action: `protection.mediation.${action}`,
        targetType: 'mediation_case',
        targetId: String(id),
        result: 'denied',
        details: { reason: e.text.en, ...(e.details && typeof e.details === 'object' ? (e.details as Record<string, unknown>) : {}) },
      });
    }
    throw e;
  }
  return getCase(ctx, actor, id);
}

const note = (n: string | undefined) => (n ? { note: n } : {});

export const assign = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.assignBody>) =>
  step(ctx, actor, id, 'assign', async (tx, r) => {
    const handlerId = body.handlerId ?? (actor.kind === 'user' ? actor.id : null);
    const handler = handlerId ? await sql.handlerById(tx, handlerId) : null;
    if (handlerId && !handler) throw invalid({ zh: '承办人不是在岗的知识产权工作人员', en: 'The handler is not an active IP officer' }, [{ field: 'handlerId' }]);
    if (handler && handler.area_code !== r.area_code && handler.area_code !== CITY_CODE) {
      throw ruleViolated({ zh: `承办人须为${areaName(r.area_code)}或市局的工作人员`, en: 'The handler must be an officer of the case’s area or of the city office' }, [{ field: 'handlerId' }]);
    }
    const body_ = body.bodyId ? await sql.bodyById(tx, body.bodyId) : null;
    if (body.bodyId && !body_) throw invalid({ zh: '调解组织不存在', en: 'No such mediation body' }, [{ field: 'bodyId' }]);
    if (body_ && !body_.active) throw ruleViolated({ zh: `${body_.name}已停用，不能分派`, en: 'That body is inactive' }, [{ field: 'bodyId' }]);
    const mediator = body.mediatorId ? await sql.mediatorById(tx, body.mediatorId) : null;
    if (body.mediatorId && (!mediator || mediator.body_id !== body.bodyId)) throw invalid({ zh: '调解员不属于所选调解组织', en: 'The mediator is not of the chosen body' }, [{ field: 'mediatorId' }]);
    if (mediator && !mediator.active) throw ruleViolated({ zh: `调解员${mediator.name}已停用`, en: 'That mediator is inactive' }, [{ field: 'mediatorId' }]);
    if (!handler && !body_) throw invalid({ zh: '请指定承办人或调解组织', en: 'Name a handler or a mediation body' }, [{ field: 'handlerId' }]);
    const deadlines = await mediationSettings(tx);
    const to = r.status === 'received' ? 'assigned' : r.status;
    return {
      change: {
        status: to,
        handler_id: handler?.id ?? null,
        body_id: body_?.id ?? null,
        mediator_id: mediator?.id ?? null,
        assigned_at: r.assigned_at ?? ctx.clock.now(),
        mediation_due: r.mediation_due ?? addDays(today(ctx), deadlines.mediationDays),
      },
      payload: { from: r.status, to, ...(handler ? { handler: handler.name } : {}), ...(body_ ? { body: body_.name } : {}), ...(mediator ? { mediator: mediator.name } : {}), ...note(body.note) },
      after: async (t) => {
        if (handler && handler.id !== actor.id && handler.email) {
          await mail(ctx, t, [{ email: handler.email, display_name: handler.name }], `调解案件分派 ${refOf(r)}`, [`调解案件 ${refOf(r)} 已分派给您承办${body_ ? `，由${body_.name}调解` : ''}。请登录信知平台「保护 → 维权援助与调解」查看。`]);
        }
      },
    };
  });

export const transfer = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.transferBody>) =>
  step(ctx, actor, id, 'transfer', async (_tx, r) => {
    if (!isCity(actor)) throw new AppError('forbidden', { zh: '只有市局可以把案件转交其他县区', en: 'Only the city office sends a case to another area' });
    if (body.areaCode === r.area_code) throw ruleViolated({ zh: '案件已在该地区', en: 'The case is already with that area' }, [{ field: 'areaCode' }]);
    return {
      change: { area_code: body.areaCode, area_source: 'chosen', handler_id: null },
      payload: { from: r.status, to: r.status, areaFrom: r.area_code, areaCode: body.areaCode, ...note(body.note) },
      after: (t) => tellDesk(ctx, t, body.areaCode, refOf(r), '转交的调解案件'),
    };
  });

export const schedule = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.scheduleBody>) =>
  step(ctx, actor, id, 'schedule', async (tx, r) => {
    const at = new Date(body.scheduledAt);
    if (at < r.received_at) throw ruleViolated({ zh: '调解时间不能早于案件收到的时间', en: 'A session cannot be before the case was received' }, [{ field: 'scheduledAt' }]);
    if (at.getTime() > ctx.clock.now().getTime() + 366 * 86_400_000) throw ruleViolated({ zh: '调解时间不能安排在一年以后', en: 'A session cannot be more than a year ahead' }, [{ field: 'scheduledAt' }]);
    const mediatorId = body.mediatorId ?? r.mediator_id;
    if (body.mediatorId) {
      const m = await sql.mediatorById(tx, body.mediatorId);
      if (!m || (r.body_id && m.body_id !== r.body_id)) throw invalid({ zh: '调解员不属于本案的调解组织', en: 'The mediator is not of the case’s body' }, [{ field: 'mediatorId' }]);
    }
    const sessionId = await sql.insertSession(tx, { caseId: id, scheduledAt: at, online: body.online, place: body.place, mediatorId, attendees: body.attendees ?? null, userId: actor.kind === 'user' ? actor.id : null, at: ctx.clock.now() });
    const seq = (await sql.sessionsOf(tx, id)).find((s) => s.id === sessionId)?.seq ?? 0;
    return { change: {}, payload: { from: r.status, to: r.status, session: seq, scheduledAt: at.toISOString(), online: body.online, place: body.place } };
  });

async function sessionOf(tx: Queryable, caseId: number, sessionId: number) {
  const s = (await sql.sessionsOf(tx, caseId)).find((x) => x.id === sessionId);
  if (!s) throw notFound({ zh: '本案没有这次调解', en: 'No such session in this case' });
  return s;
}

export const recordSession = (ctx: AppContext, actor: Actor, id: number, sessionId: number, body: z.infer<typeof schema.recordBody>) =>
  step(ctx, actor, id, 'record', async (tx, r) => {
    const s = await sessionOf(tx, id, sessionId);
    if (s.status !== 'scheduled') throw conflict({ zh: `第 ${s.seq} 次调解已${s.status === 'held' ? '记录' : '取消'}`, en: `Session ${s.seq} was already ${s.status}` }, { status: r.status, session: s.status });
    const heldAt = body.heldAt ? new Date(body.heldAt) : s.scheduled_at;
    if (heldAt.getTime() > ctx.clock.now().getTime()) throw ruleViolated({ zh: '调解尚未举行，不能提前记录', en: 'A session is recorded after it was held' }, [{ field: 'heldAt' }]);
    if (heldAt < r.received_at) throw ruleViolated({ zh: '调解时间不能早于案件收到的时间', en: 'A session cannot be before the case was received' }, [{ field: 'heldAt' }]);
    await sql.recordSession(tx, sessionId, { minutes: body.minutes, attendees: body.attendees ?? null, heldAt, at: ctx.clock.now() });
    const to = r.status === 'assigned' ? 'in_mediation' : r.status;
    return { change: { status: to }, payload: { from: r.status, to, session: s.seq, heldAt: heldAt.toISOString() } };
  });

export const cancelSession = (ctx: AppContext, actor: Actor, id: number, sessionId: number, body: z.infer<typeof schema.cancelBody>) =>
  step(ctx, actor, id, 'cancel', async (tx, r) => {
    const s = await sessionOf(tx, id, sessionId);
    if (s.status !== 'scheduled') throw conflict({ zh: `第 ${s.seq} 次调解已${s.status === 'held' ? '记录' : '取消'}`, en: `Session ${s.seq} was already ${s.status}` }, { status: r.status, session: s.status });
    await sql.cancelSession(tx, sessionId, body.reason, ctx.clock.now());
    return { change: {}, payload: { from: r.status, to: r.status, session: s.seq, cancelled: true, reason: body.reason } };
  });

export const extend = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.extendBody>) =>
  step(ctx, actor, id, 'extend', async (tx, r) => {
    const { maxExtensionDays } = await mediationSettings(tx);
    if (r.extended_days + body.days > maxExtensionDays) {
      throw ruleViolated(
        { zh: `调解期限累计最多延长 ${maxExtensionDays} 天（已延长 ${r.extended_days} 天）`, en: `The mediation period may be extended by ${maxExtensionDays} days in all (${r.extended_days} so far)` },
        [{ field: 'days' }],
      );
    }
    const due = addDays(r.mediation_due ?? today(ctx), body.days);
    return { change: { mediation_due: due, extended_days: r.extended_days + body.days }, payload: { from: r.status, to: r.status, extendDays: body.days, due, reason: body.reason } };
  });

export const close = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.closeBody>) =>
  step(ctx, actor, id, 'close', async (tx, r) => {
    if (!OUTCOME_FROM[body.outcome].includes(r.status)) {
      throw conflict(
        { zh: `案件当前状态（${STATUS_ZH[r.status]}）不能记为${OUTCOME_ZH[body.outcome]}：调解成功须先记录至少一次调解`, en: `A case in state "${r.status}" cannot be closed as ${body.outcome}: a settlement needs a session held` },
        { status: r.status, action: 'close', outcome: body.outcome },
      );
    }
    if (body.outcome === 'settled') {
      const files = await evidence.filesOf(tx, subjectOf(id));
      if (!files.some((f) => f.id === body.agreementFileId)) throw invalid({ zh: '调解协议须先作为本案附件上传', en: 'Upload the agreement to this case first' }, [{ field: 'agreementFileId' }]);
    }
    let courtOrgId = r.court_org_id;
    if (body.outcome === 'litigation') {
      if (body.courtOrgId) courtOrgId = (await courtOf(tx, body.courtOrgId, 'courtOrgId')).id;
      if (!courtOrgId) throw ruleViolated({ zh: '转诉讼请选择受理的人民法院', en: 'Choose the court the case goes to' }, [{ field: 'courtOrgId' }]);
    }
    return {
      change: {
        status: 'closed',
        outcome: body.outcome,
        closed_at: ctx.clock.now(),
        outcome_note: body.note,
        settled_amount: body.outcome === 'settled' ? (body.settledAmount ?? null) : null,
        agreement_file_id: body.outcome === 'settled' ? body.agreementFileId : null,
        court_org_id: courtOrgId,
      },
      payload: {
        from: r.status,
        to: 'closed',
        outcome: body.outcome,
        ...(body.settledAmount !== undefined ? { settledAmount: body.settledAmount } : {}),
        ...(body.outcome === 'settled' ? { agreementFileId: body.agreementFileId } : {}),
        ...(body.outcome === 'litigation' && courtOrgId !== r.court_org_id ? { courtOrgId } : {}),
      },
      after: async (t) => {
        if (courtOrgId) await tellCourt(ctx, t, courtOrgId, r, body.outcome === 'litigation' ? '调解不成，转诉讼' : `调解结果：${OUTCOME_ZH[body.outcome]}`);
        if (r.filed_by_org) await mail(ctx, t, await sql.peopleOf(t, r.filed_by_org), `维权援助结果 ${refOf(r)}`, [`贵单位申请的案件 ${refOf(r)} 已结案：${OUTCOME_ZH[body.outcome]}。请登录信知平台「保护 → 维权援助申请」查看。`]);
      },
    };
  });

export const withdraw = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.withdrawBody>) =>
  step(ctx, actor, id, 'withdraw', async (_tx, r) => ({
    change: { status: 'closed', outcome: 'withdrawn', closed_at: ctx.clock.now(), outcome_note: body.reason },
    payload: { from: r.status, to: 'closed', outcome: 'withdrawn', reason: body.reason },
    after: async (t) => {
      if (r.court_org_id) await tellCourt(ctx, t, r.court_org_id, r, '申请人撤回调解申请');
    },
  }));

export const requestConfirmation = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.confirmRequestBody>) =>
  step(ctx, actor, id, 'confirm-request', async (tx, r) => {
    if (r.outcome !== 'settled' || r.confirmation_status !== 'none') {
      throw conflict({ zh: '只有调解成功且尚未申请司法确认的案件可以申请', en: 'Only a settled case not yet sent for confirmation can be' }, { status: r.status, outcome: r.outcome, confirmation: r.confirmation_status });
    }
    const { confirmRequestDays } = await mediationSettings(tx);
    const lastDay = addDays(todayInChina((r.closed_at ?? ctx.clock.now()).getTime()), confirmRequestDays);
    if (today(ctx) > lastDay) {
      throw ruleViolated({ zh: `司法确认应在调解协议生效之日起 ${confirmRequestDays} 日内申请（截止 ${lastDay}）`, en: `Judicial confirmation must be asked within ${confirmRequestDays} days of the agreement (by ${lastDay})` });
    }
    const courtId = body.courtOrgId ? (await courtOf(tx, body.courtOrgId, 'courtOrgId')).id : r.court_org_id;
    if (!courtId) throw ruleViolated({ zh: '请选择申请司法确认的人民法院', en: 'Choose the court asked to confirm' }, [{ field: 'courtOrgId' }]);
    return {
      change: { confirmation_status: 'requested', confirmation_requested_at: ctx.clock.now(), court_org_id: courtId, confirmation_note: body.note ?? null },
      payload: { from: r.status, to: r.status, confirmation: { from: 'none', to: 'requested' }, ...(courtId !== r.court_org_id ? { courtOrgId: courtId } : {}), ...note(body.note) },
      after: (t) => tellCourt(ctx, t, courtId, r, '申请司法确认调解协议'),
    };
  });

export const recordConfirmation = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.confirmResultBody>) =>
  step(ctx, actor, id, 'confirm-result', async (_tx, r) => {
    if (r.confirmation_status !== 'requested') {
      throw conflict({ zh: '本案没有待决的司法确认申请', en: 'The case has no pending request for judicial confirmation' }, { status: r.status, confirmation: r.confirmation_status });
    }
    const asked = todayInChina((r.confirmation_requested_at ?? r.closed_at ?? r.received_at).getTime());
    if (body.decidedOn < asked || body.decidedOn > today(ctx)) {
      throw ruleViolated({ zh: `裁定日期应在申请日（${asked}）至今天之间`, en: `The ruling date must be between the request (${asked}) and today` }, [{ field: 'decidedOn' }]);
    }
    const to = body.confirmed ? 'confirmed' : 'refused';
    return {
      change: { confirmation_status: to, confirmation_ruling_no: body.rulingNo, confirmation_date: body.decidedOn, confirmation_note: body.note ?? r.confirmation_note },
      payload: { from: r.status, to: r.status, confirmation: { from: 'requested', to }, rulingNo: body.rulingNo, decidedOn: body.decidedOn, ...note(body.note) },
      after: async (t) => {
        if (r.handler_email && r.handler_id !== actor.id) {
          await mail(ctx, t, [{ email: r.handler_email, display_name: r.handler_name ?? '' }], `司法确认结果 ${refOf(r)}`, [`调解案件 ${refOf(r)} 的司法确认申请：${body.confirmed ? '裁定确认调解协议有效' : '裁定驳回申请'}（${body.rulingNo}）。`]);
        }
      },
    };
  });

/** Attaches a file (evidence, a session's minutes, the agreement) and enters it in the case's chain. */
export async function attachFile(
  ctx: AppContext,
  actor: Actor,
  id: number,
  upload: { source: Readable; fileName: string },
  meta: z.infer<typeof schema.fileQuery>,
): Promise<Detail> {
  try {
    await ctx.db.tx(async (tx) => {
      const r = await load(ctx, actor, id, tx, true);
      assertOpen(r, 'attach');
      if (meta.sessionId) await sessionOf(tx, id, meta.sessionId);
      const { row } = await evidence.receiveFile(ctx, actor, upload, { tx, subject: subjectOf(id) });
      await evidence.appendEntry(ctx, tx, subjectOf(id), actor, {
        kind: 'file',
        fileId: row.id,
        payload: { sha256: row.sha256, size: row.size, mime: row.mime, name: row.name, purpose: meta.purpose, ...(meta.sessionId ? { sessionId: meta.sessionId } : {}) },
      });
      await appendAudit(tx, ctx.clock, { actor, action: 'protection.mediation.attach', targetType: 'mediation_case', targetId: String(id), details: { fileId: row.id, sha256: row.sha256, purpose: meta.purpose } });
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict') {
      await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.mediation.attach', targetType: 'mediation_case', targetId: String(id), result: 'denied', details: { reason: e.text.en } });
    }
    throw e;
  }
  return getCase(ctx, actor, id);
}

/** A file of the case, for those who may see it (a firm only its agreement); the read is audited. */
export async function openCaseFile(ctx: AppContext, actor: Actor, id: number, fileId: number) {
  const r = await load(ctx, actor, id);
  if (scopeOf(actor).mode === 'filer' && r.agreement_file_id !== fileId) throw new AppError('not_found', { zh: '没有这个附件', en: 'No such attachment' });
  const file = await evidence.openFile(ctx, subjectOf(id), fileId);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.mediation.file.read', targetType: 'mediation_case', targetId: String(id), details: { fileId } });
  return file;
}

/** Shows the parties' personal data in clear: a separate, audited act of an officer. */
export async function reveal(ctx: AppContext, actor: Actor, id: number): Promise<z.infer<typeof schema.revealed>> {
  if (scopeOf(actor).mode !== 'officer') throw forbidden();
  const r = await load(ctx, actor, id);
  const open = (v: string | null) => (v ? ctx.personal.open(v) : null);
  const parties = (await sql.partiesOf(ctx.db, r.id)).map((p) => ({
    role: p.role,
    seq: p.seq,
    name: p.kind === 'person' ? (open(p.person_sealed) ?? '') : p.display_name,
    contact: p.kind === 'org' ? open(p.person_sealed) : null,
    phone: open(p.phone_sealed),
    idNumber: open(p.id_sealed),
  }));
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.mediation.reveal', targetType: 'mediation_case', targetId: String(id), details: { parties: parties.length } });
  return { parties };
}

export async function stats(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.statsView>> {
  const day = today(ctx);
  const rows = await sql.caseStats(ctx.db, scopeOf(actor), day, addDays(day, NEARLY_DUE_DAYS));
  const count = (into: Record<string, number>, key: string | null, n: number) => {
    if (key) into[key] = (into[key] ?? 0) + n;
  };
  const byStatus: Record<string, number> = {};
  const byOutcome: Record<string, number> = {};
  const bySource: Record<string, number> = {};
  const areas = new Map<string, { total: number; open: number; overdue: number; settled: number }>();
  let total = 0;
  let overdue = 0;
  let soon = 0;
  let daysSum = 0;
  let daysN = 0;
  let settledAmount = 0;
  let disputedAmount = 0;
  for (const r of rows) {
    total += r.n;
    count(byStatus, r.status, r.n);
    count(byOutcome, r.outcome, r.n);
    count(bySource, r.source, r.n);
    const a = areas.get(r.area_code) ?? { total: 0, open: 0, overdue: 0, settled: 0 };
    a.total += r.n;
    if (r.status !== 'closed') a.open += r.n;
    if (r.outcome === 'settled') a.settled += r.n;
    a.overdue += r.overdue;
    areas.set(r.area_code, a);
    overdue += r.overdue;
    soon += r.soon;
    daysSum += r.days_sum;
    daysN += r.days_n;
    settledAmount += r.settled_amount;
    disputedAmount += r.amount;
  }
  const decided = (byOutcome.settled ?? 0) + (byOutcome.not_settled ?? 0) + (byOutcome.litigation ?? 0);
  return {
    total,
    byStatus,
    byOutcome,
    bySource,
    byArea: [...areas.entries()].map(([code, v]) => ({ areaCode: code, areaName: areaName(code), ...v })).sort((a, b) => b.total - a.total),
    overdue,
    soon,
    settlementRate: decided ? Math.round(((byOutcome.settled ?? 0) / decided) * 1000) / 1000 : null,
    averageDays: daysN ? Math.round((daysSum / daysN) * 10) / 10 : null,
    settledAmount: Math.round(settledAmount * 100) / 100,
    disputedAmount: Math.round(disputedAmount * 100) / 100,
  };
}

/**
 * The daily reminder's mediation part: each handler (or, for cases not yet assigned, the desk)
 * gets one mail listing its cases overdue or due within three days.
 */
export async function mediationReminders(ctx: AppContext): Promise<{ mailed: number; due: number }> {
  const day = today(ctx);
  const rows = await sql.dueCases(ctx.db, addDays(day, NEARLY_DUE_DAYS));
  const groups = new Map<string, { to: Array<{ email: string | null; display_name: string }> | null; area: string; list: sql.DueRow[] }>();
  for (const r of rows) {
    const key = r.handler_email ? `h:${r.handler_email}` : `a:${r.area_code}`;
    const g = groups.get(key) ?? { to: r.handler_email ? [{ email: r.handler_email, display_name: r.handler_name ?? '' }] : null, area: r.area_code, list: [] };
    g.list.push(r);
    groups.set(key, g);
  }
  let mailed = 0;
  for (const g of groups.values()) {
    const lines = g.list.map((r) => `${r.ref}　${r.stage === 'assign' ? '分派' : '调解'}期限 ${r.due}${r.due < day ? '（已逾期）' : ''}`);
    mailed += await ctx.db.tx(async (tx) =>
      mail(ctx, tx, g.to ?? (await sql.deskOf(tx, g.area, CITY_CODE)), `调解案件期限提醒：${g.list.length} 件`, [
        `以下调解案件已逾期或三日内到期：`,
        ...lines,
        '',
        '请登录信知平台「保护 → 维权援助与调解」处理。',
      ]),
    );
  }
  return { mailed, due: rows.length };
}
