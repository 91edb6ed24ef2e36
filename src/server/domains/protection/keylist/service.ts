import type { z } from 'zod';
import { addYears } from '../../../../shared/insight/fees';
import { todayInChina } from '../../../../shared/registry/normalise';
import { CITY_CODE, areaByCode, formatApplicationNumber } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../errors';
import { appendAudit } from '../../identity/audit/service';
import { followOnBehalf } from '../../insight/watch/service';
import * as credit from '../credit/service';
import * as evidence from '../evidence/service';
import type { Subject } from '../evidence/service';
import * as sql from './queries';
import type { EntryRow, RightRow } from './queries';
import type * as schema from './schema';

type View = z.infer<typeof schema.applicationView>;

const subjectOf = (id: number): Subject => ({ kind: 'keylist', id });
const refOf = (e: Pick<EntryRow, 'ref_year' | 'ref_seq'>) => `ZD${e.ref_year}-${String(e.ref_seq).padStart(4, '0')}`;
const today = (ctx: AppContext) => todayInChina(ctx.clock.now().getTime());
const isCity = (actor: Actor) => actor.scope === CITY_CODE;
const notFoundEntry = () => notFound({ zh: '没有这份名录申请，或不在您的辖区', en: 'No such application, or it is outside your area' });

function rightView(r: RightRow) {
  const number = r.type === 'patent' ? formatApplicationNumber(r.number) : `第${r.number}号（第${r.nice_class}类）`;
  return { type: r.type, id: r.id, number, title: r.title, status: r.status };
}

async function rightsOf(q: Queryable, rows: EntryRow[]): Promise<Map<string, ReturnType<typeof rightView>>> {
  const all = rows.flatMap((r) => r.rights);
  const found = await sql.rightsByIds(
    q,
    all.filter((r) => r.type === 'patent').map((r) => r.id),
    all.filter((r) => r.type === 'trademark').map((r) => r.id),
  );
  return new Map(found.map((r) => [`${r.type}:${r.id}`, rightView(r)]));
}

/** What the actor may do to the entry now: the state machine, the role and the level (county or city). */
function actionsFor(actor: Actor, e: EntryRow): string[] {
  const out: string[] = [];
  const reviewer = actor.roles.includes('city_officer') || actor.roles.includes('area_officer');
  const ownFirm = actor.orgId === e.org_id && actor.roles.includes('enterprise');
  if (reviewer && e.status === 'submitted') out.push('county-pass', 'return');
  if (reviewer && isCity(actor) && e.status === 'county_passed') out.push('approve', 'return');
  if (reviewer && isCity(actor) && e.status === 'listed') out.push('review');
  if (ownFirm && e.status === 'returned') out.push('edit', 'withdraw');
  if (ownFirm && e.status === 'submitted') out.push('withdraw');
  return out;
}

function toView(ctx: AppContext, actor: Actor, e: EntryRow, rights: Map<string, ReturnType<typeof rightView>>, history: evidence.ChainEntryView[]): View {
  return {
    id: e.id,
    ref: refOf(e),
    orgName: e.org_name,
    uscc: e.uscc,
    areaCode: e.area_code,
    areaName: areaByCode(e.area_code)?.name ?? e.area_code,
    industry: e.industry,
    reasons: e.reasons,
    contactName: e.contact_name_masked,
    contactPhone: e.contact_phone_masked,
    rights: e.rights.map((r) => rights.get(`${r.type}:${r.id}`) ?? { type: r.type, id: r.id, number: '—', title: '（登记簿中已无此记录）', status: 'unknown' }),
    status: e.status,
    returnReason: e.return_reason,
    countyNote: e.county_note,
    cityNote: e.city_note,
    exitReason: e.exit_reason,
    submittedAt: e.submitted_at.toISOString(),
    listedOn: e.listed_on,
    reviewDue: e.review_due,
    reviewOverdue: e.status === 'listed' && !!e.review_due && e.review_due < today(ctx),
    isDemo: e.is_demo,
    history,
    actions: actionsFor(actor, e),
  };
}

async function view(ctx: AppContext, actor: Actor, e: EntryRow): Promise<View> {
  return toView(ctx, actor, e, await rightsOf(ctx.db, [e]), await evidence.chainOf(ctx.db, subjectOf(e.id)));
}

async function firmOf(ctx: AppContext, actor: Actor) {
  const org = actor.orgId ? await sql.orgById(ctx.db, actor.orgId) : null;
  if (!org || org.kind !== 'enterprise') throw new AppError('forbidden', { zh: '只有企业账号可以申请列入重点关注名录', en: 'Only an enterprise account can apply to the key-protection list' });
  return org;
}

/** The firm's own page: its organisation, the rights the register holds for its credit code, its applications. */
export async function mine(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.mineView>> {
  const org = await firmOf(ctx, actor);
  const candidates = org.uscc ? (await sql.rightsOfUscc(ctx.db, org.uscc)).map(rightView) : [];
  const rows = await sql.entriesOfOrg(ctx.db, org.id);
  const rights = await rightsOf(ctx.db, rows);
  const applications: View[] = [];
  for (const e of rows) applications.push(toView(ctx, actor, e, rights, await evidence.chainOf(ctx.db, subjectOf(e.id))));
  return { organisation: { name: org.name, uscc: org.uscc, areaCode: org.area_code, areaName: areaByCode(org.area_code)?.name ?? org.area_code }, candidates, applications };
}

/** The rights put forward must be the firm's own, as the register records them for its credit code. */
async function checkRights(ctx: AppContext, uscc: string | null, rights: schema.ApplicationBody['rights']): Promise<void> {
  const own = new Set(uscc ? (await sql.rightsOfUscc(ctx.db, uscc)).map((r) => `${r.type}:${r.id}`) : []);
  const foreign = rights.filter((r) => !own.has(`${r.type}:${r.id}`));
  if (foreign.length > 0) {
    const named = new Map(
      (await sql.rightsByIds(ctx.db, foreign.filter((r) => r.type === 'patent').map((r) => r.id), foreign.filter((r) => r.type === 'trademark').map((r) => r.id))).map((r) => [`${r.type}:${r.id}`, rightView(r)]),
    );
    throw invalid(
      { zh: '所选权利不属于本企业（按统一社会信用代码在知识产权大数据中心核对）', en: 'A chosen right is not the firm’s own (checked by its credit code in the data centre)' },
      foreign.map((r) => {
        const v = named.get(`${r.type}:${r.id}`);
        const what = v ? `${v.number} ${v.title}` : `${r.type === 'patent' ? '专利' : '商标'} #${r.id}`;
        return { field: 'rights', message: { zh: `${what} 不属于本企业`, en: `${what} is not the firm’s own` } };
      }),
    );
  }
}

export async function apply(ctx: AppContext, actor: Actor, body: schema.ApplicationBody, opts: { isDemo?: boolean } = {}): Promise<View> {
  const org = await firmOf(ctx, actor);
  await checkRights(ctx, org.uscc, body.rights);
  const id = await ctx.db.tx(async (tx) => {
    const open = (await sql.entriesOfOrg(tx, org.id)).find((e) => ['submitted', 'county_passed', 'returned', 'listed'].includes(e.status));
    if (open) throw conflict({ zh: `本企业已有一份${open.status === 'listed' ? '有效的名录记录' : '办理中的申请'}（${refOf(open)}）`, en: `The firm already has ${open.status === 'listed' ? 'a listing' : 'an application in progress'} (${refOf(open)})` });
    const year = Number(today(ctx).slice(0, 4));
    const entryId = await sql.insertEntry(tx, {
      refYear: year,
      refSeq: await sql.nextRefSeq(tx, year),
      orgId: org.id,
      orgName: org.name,
      uscc: org.uscc,
      areaCode: org.area_code === CITY_CODE ? CITY_CODE : org.area_code,
      industry: body.industry,
      reasons: body.reasons,
      name: ctx.personal.seal('name', body.contactName),
      phone: ctx.personal.seal('phone', body.contactPhone),
      rights: body.rights,
      at: ctx.clock.now(),
      isDemo: opts.isDemo ?? false,
    });
    await evidence.appendEntry(ctx, tx, subjectOf(entryId), actor, { kind: 'state', payload: { from: null, to: 'submitted', rights: body.rights.length } });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.keylist.apply', targetType: 'key_list_entry', targetId: String(entryId), details: { rights: body.rights.length } });
    return entryId;
  });
  return getOwn(ctx, actor, id);
}

async function getOwn(ctx: AppContext, actor: Actor, id: number): Promise<View> {
  const e = await sql.entryById(ctx.db, null, id);
  if (!e || e.org_id !== actor.orgId) throw notFoundEntry();
  return view(ctx, actor, e);
}

/** The firm edits a returned application and sends it again. */
export async function resubmit(ctx: AppContext, actor: Actor, id: number, body: schema.ApplicationBody): Promise<View> {
  const org = await firmOf(ctx, actor);
  await checkRights(ctx, org.uscc, body.rights);
  await ctx.db.tx(async (tx) => {
    const e = await sql.entryById(tx, null, id, true);
    if (!e || e.org_id !== org.id) throw notFoundEntry();
    if (e.status !== 'returned') throw conflict({ zh: '只有被退回的申请可以修改后重新提交', en: 'Only a returned application can be edited and sent again' }, { status: e.status });
    await sql.resubmit(tx, id, { industry: body.industry, reasons: body.reasons, name: ctx.personal.seal('name', body.contactName), phone: ctx.personal.seal('phone', body.contactPhone), rights: body.rights, at: ctx.clock.now() });
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { from: 'returned', to: 'submitted', rights: body.rights.length } });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.keylist.resubmit', targetType: 'key_list_entry', targetId: String(id) });
  });
  return getOwn(ctx, actor, id);
}

export async function withdraw(ctx: AppContext, actor: Actor, id: number): Promise<View> {
  await ctx.db.tx(async (tx) => {
    const e = await sql.entryById(tx, null, id, true);
    if (!e || e.org_id !== actor.orgId) throw notFoundEntry();
    if (e.status !== 'submitted' && e.status !== 'returned') throw conflict({ zh: '此申请已进入审核，不能撤回', en: 'The application is under review and cannot be withdrawn' }, { status: e.status });
    await sql.setState(tx, id, { status: 'withdrawn' }, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { from: e.status, to: 'withdrawn' } });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.keylist.withdraw', targetType: 'key_list_entry', targetId: String(id) });
  });
  return getOwn(ctx, actor, id);
}

export async function list(ctx: AppContext, actor: Actor, q: z.infer<typeof schema.listQuery>) {
  const { rows, total } = await sql.listEntries(ctx.db, {
    scope: scopeFilter(actor),
    status: q.status,
    area: q.area,
    q: q.q,
    overdueOn: q.overdue ? today(ctx) : null,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const rights = await rightsOf(ctx.db, rows);
  return { items: rows.map((e) => { const { history: _h, ...v } = toView(ctx, actor, e, rights, []); return v; }), total, page: q.page, pageSize: q.pageSize };
}

export async function get(ctx: AppContext, actor: Actor, id: number): Promise<View> {
  const e = await sql.entryById(ctx.db, scopeFilter(actor), id);
  if (!e) throw notFoundEntry();
  return view(ctx, actor, e);
}

/** One review step: lock, check it is allowed now, change, enter it in the chain and the audit log. */
async function step(ctx: AppContext, actor: Actor, id: number, action: string, apply: (tx: Queryable, e: EntryRow) => Promise<{ state: Parameters<typeof sql.setState>[2]; payload: Record<string, unknown> }>): Promise<View> {
  await ctx.db.tx(async (tx) => {
    const e = await sql.entryById(tx, scopeFilter(actor), id, true);
    if (!e) throw notFoundEntry();
    if (!actionsFor(actor, e).includes(action)) {
      if (!isCity(actor) && ['approve', 'review'].includes(action)) throw forbidden();
      throw conflict({ zh: `名录申请当前状态（${e.status}）不能执行此操作`, en: `An entry in state "${e.status}" cannot take this step` }, { status: e.status, action });
    }
    const { state, payload } = await apply(tx, e);
    await sql.setState(tx, id, state, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { from: e.status, to: state.status, ...payload } });
    await appendAudit(tx, ctx.clock, { actor, action: `protection.keylist.${action}`, targetType: 'key_list_entry', targetId: String(id), details: { from: e.status, to: state.status } });
  });
  return get(ctx, actor, id);
}

export const countyPass = (ctx: AppContext, actor: Actor, id: number, note: string | undefined) =>
  step(ctx, actor, id, 'county-pass', async () => ({ state: { status: 'county_passed', countyNote: note ?? null }, payload: note ? { note } : {} }));

export const returnEntry = (ctx: AppContext, actor: Actor, id: number, reason: string) =>
  step(ctx, actor, id, 'return', async () => ({ state: { status: 'returned', returnReason: reason }, payload: { reason } }));

/**
 * The city office lists the firm for a year. From then on its rights are followed (status changes,
 * fees, expiry, new filings in its IPC areas) in the alert inbox of the firm's people and its desk.
 */
export const approve = (ctx: AppContext, actor: Actor, id: number, note: string | undefined) =>
  step(ctx, actor, id, 'approve', async (tx, e) => {
    const listedOn = today(ctx);
    const followed = await followFirm(tx, e);
    await credit.syncKeyListing(ctx, tx, actor, creditEntry(e), { to: 'listed', listedOn });
    return { state: { status: 'listed', cityNote: note ?? null, listedOn, reviewDue: addYears(listedOn, 1) }, payload: { ...(note ? { note } : {}), listedOn, followed } };
  });

export const review = (ctx: AppContext, actor: Actor, id: number, decision: 'renew' | 'exit', reason: string | undefined) =>
  step(ctx, actor, id, 'review', async (tx, e) => {
    if (decision === 'renew') return { state: { status: 'listed', reviewDue: addYears(e.review_due ?? today(ctx), 1) }, payload: { decision, ...(reason ? { reason } : {}) } };
    // The firm's 守信 record (知识产权信用) ends with its listing.
    await credit.syncKeyListing(ctx, tx, actor, creditEntry(e), { to: 'exited', reason: reason ?? '' });
    return { state: { status: 'exited', exitReason: reason ?? null }, payload: { decision, reason } };
  });

/** The listing as the credit records see it: a listed firm has a published 守信 record. */
const creditEntry = (e: EntryRow) => ({ id: e.id, ref: refOf(e), orgName: e.org_name, uscc: e.uscc, areaCode: e.area_code, industry: e.industry, isDemo: e.is_demo });

async function followFirm(tx: Queryable, e: EntryRow): Promise<number> {
  const users = [
    ...(await tx.query<{ id: string }>('SELECT id FROM users WHERE org_id = $1 AND disabled_at IS NULL', [e.org_id])).map((u) => u.id),
    ...(await sql.reviewersOf(tx, e.area_code)).map((u) => u.id),
  ];
  const holders = e.uscc ? await sql.holderIdsOfUscc(tx, e.uscc) : [];
  const patentIds = e.rights.filter((r) => r.type === 'patent').map((r) => r.id);
  const areas = patentIds.length
    ? (await tx.query<{ subclass: string }>(`SELECT DISTINCT left(ipc_main, 4) AS subclass FROM patents WHERE id = ANY($1::bigint[]) AND ipc_main IS NOT NULL ORDER BY 1`, [patentIds])).map((r) => r.subclass)
    : [];
  return followOnBehalf(tx, users, [
    ...holders.map((h) => ({ kind: 'holder' as const, value: String(h), label: `重点关注名录：${e.org_name}` })),
    ...holders.map((h) => ({ kind: 'similar_marks' as const, value: String(h), label: `重点关注名录：${e.org_name} 的近似商标` })),
    ...areas.map((a) => ({ kind: 'ipc' as const, value: a, label: `重点关注名录：${e.org_name} 的技术领域 IPC ${a}`, excludeUscc: e.uscc })),
  ]);
}

/** The published list: who is listed, where, in which industry, with which rights. */
export async function publicList(ctx: AppContext, q: z.infer<typeof schema.publicQuery>): Promise<z.infer<typeof schema.publicList>> {
  const { rows, total } = await sql.listedEntries(ctx.db, { area: q.area ?? null, text: q.q ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const rights = await rightsOf(ctx.db, rows);
  return {
    items: rows.map((e) => ({
      id: e.id,
      name: e.org_name,
      areaCode: e.area_code,
      areaName: areaByCode(e.area_code)?.name ?? e.area_code,
      industry: e.industry,
      rights: e.rights.flatMap((r) => {
        const v = rights.get(`${r.type}:${r.id}`);
        return v ? [{ type: v.type, number: v.number, title: v.title }] : [];
      }),
      listedOn: e.listed_on ?? '',
      reviewDue: e.review_due ?? '',
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
