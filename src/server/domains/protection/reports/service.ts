import { addWorkingDays } from '../../../../shared/dates';
import { addDays } from '../../../../shared/insight/fees';
import {
  DEFAULT_REPORT_DEADLINES,
  DEFAULT_REWARD_RULE,
  REPORT_TRANSITIONS,
  REWARD_TRANSITIONS,
  rewardAmount,
  type ReportAction,
  type ReportDeadlines,
  type RewardAction,
  type RewardRule,
} from '../../../../shared/protection/reports';
import { todayInChina } from '../../../../shared/registry/normalise';
import { hasPermission } from '../../../../shared/roles';
import { CITY_CODE, areaByCode, isAreaCode, resolveRegionFromAddress } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { AppError, conflict, invalid, notFound, ruleViolated } from '../../../errors';
import { spendChallenge } from '../../../http/challenge';
import { oneStepDailyJob } from '../../../jobs/runner';
import { maskPersonal } from '../../../personal-data';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import { disclosureSettings, remindDueDisclosures, writeDisclosureSettings } from '../disclosure/service';
import * as evidence from '../evidence/service';
import { mediationReminders } from '../mediation/service';
import { newTrackingCode, trackingHash } from '../tracking';
import type { Subject } from '../evidence/service';
import * as sql from './queries';
import type { ReportRow } from './queries';
import type * as schema from './schema';
import type { z } from 'zod';

type Detail = z.infer<typeof schema.reportDetail>;
type ListItem = z.infer<typeof schema.reportListItem>;
type TrackView = z.infer<typeof schema.trackView>;

const subjectOf = (id: number): Subject => ({ kind: 'report', id });
const refOf = (r: Pick<ReportRow, 'ref_year' | 'ref_seq'>) => `JB${r.ref_year}-${String(r.ref_seq).padStart(4, '0')}`;
const today = (ctx: AppContext) => todayInChina(ctx.clock.now().getTime());
const notFoundReport = () => notFound({ zh: '没有这条举报，或不在您的辖区', en: 'No such report, or it is outside your area' });

export async function settings(q: Queryable): Promise<{ rewardRule: RewardRule; deadlines: ReportDeadlines; disclosure: { publishWorkingDays: number } }> {
  return {
    rewardRule: (await sql.readSetting<RewardRule>(q, 'reward_rule')) ?? DEFAULT_REWARD_RULE,
    deadlines: { ...DEFAULT_REPORT_DEADLINES, ...((await sql.readSetting<Partial<ReportDeadlines>>(q, 'report_deadlines')) ?? {}) },
    disclosure: await disclosureSettings(q),
  };
}

export async function saveSettings(ctx: AppContext, actor: Actor, body: z.infer<typeof schema.settingsBody>) {
  await ctx.db.tx(async (tx) => {
    const before = await settings(tx);
    const userId = actor.kind === 'user' ? actor.id : null;
    await sql.writeSetting(tx, 'reward_rule', { ...body.rewardRule, tiers: [...body.rewardRule.tiers].sort((a, b) => a.level - b.level) }, userId, ctx.clock.now());
    await sql.writeSetting(tx, 'report_deadlines', body.deadlines, userId, ctx.clock.now());
    if (body.disclosure) await writeDisclosureSettings(tx, body.disclosure, userId, ctx.clock.now());
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.settings', targetType: 'protection_settings', before, after: body });
  });
  return settings(ctx.db);
}

/**
 * Files a report from the public form: checks the anti-spam proof, then records it. Returns the
 * tracking code, which is not stored and cannot be shown again.
 */
export async function submitReport(ctx: AppContext, actor: Actor, body: schema.ReportBody) {
  return ctx.db.tx(async (tx) => {
    await spendChallenge(ctx, tx, body);
    const { id: _id, ...receipt } = await createReport(ctx, tx, actor, body, { isDemo: false });
    return receipt;
  });
}

/**
 * Records a report: reads the county from the address, seals the reporter's personal data,
 * attaches the uploads, opens the evidence chain and tells the county desk.
 */
export async function createReport(ctx: AppContext, tx: Queryable, actor: Actor, body: Omit<schema.ReportBody, 'challenge' | 'nonce'>, opts: { isDemo: boolean }) {
  const code = newTrackingCode();
  const now = ctx.clock.now();
  const day = todayInChina(now.getTime());
  const region = resolveRegionFromAddress(body.address);
  const areaCode = region && region.code !== CITY_CODE ? region.code : null;
  const { deadlines } = await settings(tx);
  const year = Number(day.slice(0, 4));
  const reporter = body.anonymous ? null : body.reporter;
  const acceptDue = addWorkingDays(day, deadlines.acceptWorkingDays);
  const id = await sql.insertReport(tx, {
    refYear: year,
    refSeq: await sql.nextRefSeq(tx, year),
    trackingHash: trackingHash(code),
    rightKind: body.rightKind,
    rightRef: body.rightRef ?? null,
    subject: body.subject,
    infringer: body.infringer ?? null,
    address: body.address,
    lng: body.lng ?? null,
    lat: body.lat ?? null,
    areaCode,
    areaSource: areaCode ? 'address' : 'none',
    description: body.description,
    anonymous: !reporter,
    name: reporter ? ctx.personal.seal('name', reporter.name) : null,
    phone: reporter ? ctx.personal.seal('phone', reporter.phone) : null,
    idNumber: reporter?.idNumber ? ctx.personal.seal('id', reporter.idNumber) : null,
    receivedAt: now,
    ip: actor.ip,
    acceptDue,
    isDemo: opts.isDemo,
  });
  const files = await evidence.claimUploads(ctx, tx, body.files, subjectOf(id));
  await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload: { from: null, to: 'received', areaCode } });
  await evidence.appendFiles(ctx, tx, subjectOf(id), actor, files);
  await appendAudit(tx, ctx.clock, { actor, action: 'protection.report.submit', targetType: 'infringement_report', targetId: String(id), details: { files: files.length, anonymous: !reporter, areaCode } });
  if (areaCode) await tellDesk(ctx, tx, areaCode, id, '新的举报线索');
  return { id, trackingCode: code, receivedAt: now.toISOString(), acceptDue, files: files.length };
}

/** Tells a county desk's officers (by the outbox) that a report is theirs to handle; no personal data in the mail. */
async function tellDesk(ctx: AppContext, tx: Queryable, areaCode: string, id: number, what: string): Promise<void> {
  const officers = await sql.officersOf(tx, areaCode, 'area_officer');
  const [row] = await tx.query<{ ref_year: number; ref_seq: number; subject: string }>('SELECT ref_year, ref_seq, subject FROM infringement_reports WHERE id = $1', [id]);
  if (!row) return;
  for (const o of officers) {
    if (!o.email) continue;
    await ctx.mailer.enqueue(tx, {
      to: o.email,
      subject: `【信知】${what} ${refOf(row)}`,
      body: `${o.display_name}：\n\n${areaByCode(areaCode)?.name ?? areaCode}有一条${what}（${refOf(row)}：${row.subject}）待处理，请登录信知平台「保护 → 举报线索」查看。\n\n此邮件由系统发送。`,
    });
  }
}

function publicTimeline(chain: evidence.ChainEntryView[]): TrackView['timeline'] {
  return chain.filter((e) => e.kind === 'state' && typeof e.payload.to === 'string').map((e) => ({ status: String(e.payload.to), at: e.at }));
}

function rewardView(r: ReportRow) {
  return {
    status: r.reward_status,
    level: r.reward_status === 'none' || r.reward_status === 'proposed' || r.reward_status === 'refused' ? null : r.reward_level,
    amount: r.reward_status === 'none' || r.reward_status === 'proposed' || r.reward_status === 'refused' ? null : r.reward_amount,
    claimDue: r.reward_claim_due,
    claimedAt: r.claimed_at?.toISOString() ?? null,
    paidAt: r.paid_at?.toISOString() ?? null,
  };
}

async function toTrackView(ctx: AppContext, r: ReportRow): Promise<TrackView> {
  const chain = await evidence.chainOf(ctx.db, subjectOf(r.id));
  // A reward being decided inside the office is not the reporter's news yet.
  const reward = rewardView(r);
  const visibleReward = r.reward_status === 'proposed' || r.reward_status === 'refused' ? { ...reward, status: 'none' as const } : reward;
  return {
    status: r.status,
    rightKind: r.right_kind,
    subject: r.subject,
    areaName: r.area_code ? (areaByCode(r.area_code)?.name ?? null) : null,
    receivedAt: r.received_at.toISOString(),
    acceptDue: r.accept_due,
    reason: r.status === 'rejected' ? r.reason : null,
    conclusion: r.status === 'concluded' ? r.conclusion : null,
    violation: r.status === 'concluded' ? r.violation : null,
    concludedAt: r.concluded_at?.toISOString() ?? null,
    timeline: publicTimeline(chain),
    reward: visibleReward,
  };
}

/** The reporter's view by tracking code; an unknown code gets the same answer whatever it is. */
export async function track(ctx: AppContext, code: string): Promise<TrackView> {
  const row = await sql.reportByTracking(ctx.db, trackingHash(code));
  if (!row) throw notFound({ zh: '查询码不正确，请核对后重试', en: 'The tracking code is not right; check it and try again' });
  return toTrackView(ctx, row);
}

/** The reporter claims an approved reward with the tracking code and their identity and bank account. */
export async function claimReward(ctx: AppContext, actor: Actor, body: z.infer<typeof schema.claimBody>): Promise<TrackView> {
  const id = await ctx.db.tx(async (tx) => {
    const row = await sql.reportByTracking(tx, trackingHash(body.code), true);
    if (!row) throw notFound({ zh: '查询码不正确，请核对后重试', en: 'The tracking code is not right; check it and try again' });
    await spendChallenge(ctx, tx, body);
    await recordClaim(ctx, tx, actor, row, body);
    return row.id;
  });
  const row = await sql.reportById(ctx.db, null, id);
  if (!row) throw notFoundReport();
  return toTrackView(ctx, row);
}

export async function recordClaim(ctx: AppContext, tx: Queryable, actor: Actor, row: ReportRow, claim: Pick<z.infer<typeof schema.claimBody>, 'name' | 'idNumber' | 'phone' | 'bank' | 'account'>): Promise<void> {
  assertReward(row, 'claim');
  if (row.reward_claim_due && row.reward_claim_due < today(ctx)) {
    throw ruleViolated({ zh: `领取期限（${row.reward_claim_due}）已过，请联系市知识产权局`, en: `The claim period ended on ${row.reward_claim_due}; contact the city IP office` });
  }
  const name = ctx.personal.seal('name', claim.name);
  const idNo = ctx.personal.seal('id', claim.idNumber);
  const phone = ctx.personal.seal('phone', claim.phone);
  const account = { ...ctx.personal.seal('account', `${claim.bank} ${claim.account}`), masked: `${claim.bank} ${maskPersonal('account', claim.account)}` };
  await sql.updateReport(
    tx,
    row.id,
    {
      reward_status: 'claimed',
      claim_name_sealed: name.sealed,
      claim_name_masked: name.masked,
      claim_id_sealed: idNo.sealed,
      claim_id_masked: idNo.masked,
      claim_phone_sealed: phone.sealed,
      claim_phone_masked: phone.masked,
      claim_account_sealed: account.sealed,
      claim_account_masked: account.masked,
      claimed_at: ctx.clock.now(),
    },
    ctx.clock.now(),
  );
  await evidence.appendEntry(ctx, tx, subjectOf(row.id), actor, { kind: 'state', payload: { reward: { from: 'approved', to: 'claimed' } } });
  await appendAudit(tx, ctx.clock, { actor, action: 'protection.reward.claim', targetType: 'infringement_report', targetId: String(row.id) });
}

const isCity = (actor: Actor) => actor.scope === CITY_CODE;

function overdue(r: ReportRow, day: string): { date: string | null; overdue: boolean } {
  if (r.status === 'received') return { date: r.accept_due, overdue: r.accept_due < day };
  if (r.status === 'accepted' || r.status === 'investigating') return { date: r.conclude_due, overdue: !!r.conclude_due && r.conclude_due < day };
  if (r.reward_status === 'approved') return { date: r.reward_claim_due, overdue: !!r.reward_claim_due && r.reward_claim_due < day };
  return { date: null, overdue: false };
}

function listItem(r: ReportRow, day: string): ListItem {
  return {
    id: r.id,
    ref: refOf(r),
    status: r.status,
    rightKind: r.right_kind,
    subject: r.subject,
    infringer: r.infringer,
    address: r.address,
    areaCode: r.area_code,
    areaName: r.area_code ? (areaByCode(r.area_code)?.name ?? r.area_code) : null,
    anonymous: r.anonymous,
    reporterName: r.reporter_name_masked,
    reporterPhone: r.reporter_phone_masked,
    receivedAt: r.received_at.toISOString(),
    due: overdue(r, day),
    handler: r.handler_name,
    rewardStatus: r.reward_status,
    isDemo: r.is_demo,
  };
}

export async function listReports(ctx: AppContext, actor: Actor, query: z.infer<typeof schema.listQuery>) {
  const day = today(ctx);
  const { rows, total } = await sql.listReports(ctx.db, {
    scope: scopeFilter(actor),
    status: query.status,
    area: query.area,
    q: query.q,
    overdue: query.overdue === '1',
    reward: query.reward,
    today: day,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((r) => listItem(r, day)), total, page: query.page, pageSize: query.pageSize };
}

/** What the actor may do to the report now, as the state machines and the roles allow. */
function actionsFor(actor: Actor, r: ReportRow): string[] {
  const out: string[] = [];
  for (const [action, t] of Object.entries(REPORT_TRANSITIONS) as Array<[ReportAction, (typeof REPORT_TRANSITIONS)[ReportAction]]>) {
    if (!t.from.includes(r.status)) continue;
    if (action === 'assign' && !isCity(actor)) continue;
    if (action === 'accept' && !r.area_code && !isCity(actor)) continue;
    out.push(action);
  }
  const rewardOpen = r.status === 'concluded' && r.violation === true;
  for (const [action, t] of Object.entries(REWARD_TRANSITIONS) as Array<[RewardAction, (typeof REWARD_TRANSITIONS)[RewardAction]]>) {
    if (action === 'claim' || !rewardOpen || !t.from.includes(r.reward_status)) continue;
    if ((action === 'approve' || action === 'refuse') && r.reward_proposed_by === actor.id) continue;
    out.push(action);
  }
  if (r.status !== 'rejected') out.push('attach');
  if (hasPermission(actor.roles, 'protection.reveal') && (!r.anonymous || r.claim_name_sealed)) out.push('reveal');
  return out;
}

async function loadReport(ctx: AppContext, actor: Actor, id: number, q: Queryable = ctx.db, lock = false): Promise<ReportRow> {
  const row = await sql.reportById(q, scopeFilter(actor), id, lock);
  if (!row) throw notFoundReport();
  return row;
}

export async function getReport(ctx: AppContext, actor: Actor, id: number): Promise<Detail> {
  const r = await loadReport(ctx, actor, id);
  const day = today(ctx);
  const [files, history, similar] = await Promise.all([evidence.filesOf(ctx.db, subjectOf(id)), evidence.chainOf(ctx.db, subjectOf(id)), sql.similarReports(ctx.db, r, scopeFilter(actor))]);
  const base = listItem(r, day);
  return {
    ...base,
    rightRef: r.right_ref,
    description: r.description,
    lng: r.lng,
    lat: r.lat,
    areaSource: r.area_source,
    reporterId: r.reporter_id_masked,
    reason: r.reason,
    duplicateOf: r.duplicate_of && r.duplicate_ref ? { id: r.duplicate_of, ref: r.duplicate_ref } : null,
    violation: r.violation,
    caseValue: r.case_value,
    decisionNo: r.decision_no,
    conclusion: r.conclusion,
    concludedAt: r.concluded_at?.toISOString() ?? null,
    acceptDue: r.accept_due,
    concludeDue: r.conclude_due,
    reward: {
      ...rewardView(r),
      level: r.reward_level,
      amount: r.reward_amount,
      rule: r.reward_rule ?? null,
      note: r.reward_note,
      proposedBy: r.proposed_by_name,
      approvedBy: r.approved_by_name,
      claimant: r.claim_name_masked
        ? { name: r.claim_name_masked, idNumber: r.claim_id_masked ?? '', phone: r.claim_phone_masked ?? '', account: r.claim_account_masked ?? '' }
        : null,
      paidRef: r.paid_ref,
    },
    files: files.map((f) => ({ id: f.id, sha256: f.sha256, size: f.size, mime: f.mime, name: f.name, uploadedBy: f.uploaded_by_name, uploadedAt: f.uploaded_at.toISOString() })),
    history,
    similar: similar.map((s) => ({
        id: s.id,
        ref: s.ref,
        status: s.status,
        subject: s.subject,
        receivedAt: s.received_at.toISOString(),
        why: [...(s.same_right ? (['right'] as const) : []), ...(s.same_infringer ? (['infringer'] as const) : []), ...(s.near ? (['place'] as const) : [])],
      })),
    actions: actionsFor(actor, r),
  };
}

function assertTransition(r: ReportRow, action: ReportAction): void {
  const t = REPORT_TRANSITIONS[action];
  if (!t.from.includes(r.status)) {
    throw conflict({ zh: `举报当前状态（${r.status}）不能执行此操作`, en: `A report in state "${r.status}" cannot be ${action}ed` }, { status: r.status, action });
  }
}

function assertReward(r: ReportRow, action: RewardAction): void {
  if (r.status !== 'concluded' || r.violation !== true) {
    throw conflict({ zh: '只有办结并认定违法的举报才能给予奖励', en: 'Only a report concluded with a violation found can be rewarded' }, { status: r.status });
  }
  const t = REWARD_TRANSITIONS[action];
  if (!t.from.includes(r.reward_status)) {
    throw conflict({ zh: `奖励当前状态（${r.reward_status}）不能执行此操作`, en: `A reward in state "${r.reward_status}" cannot take this step` }, { rewardStatus: r.reward_status, action });
  }
}

/** Runs one officer step on a report: lock, check, change, enter it in the chain and the audit log. */
async function step(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: string,
  apply: (tx: Queryable, r: ReportRow) => Promise<{ change: sql.ReportChange; payload: Record<string, unknown>; tellArea?: string }>,
): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const r = await loadReport(ctx, actor, id, tx, true);
    const { change, payload, tellArea } = await apply(tx, r);
    await sql.updateReport(tx, id, change, ctx.clock.now());
    await evidence.appendEntry(ctx, tx, subjectOf(id), actor, { kind: 'state', payload });
    await appendAudit(tx, ctx.clock, { actor, action: `protection.report.${action}`, targetType: 'infringement_report', targetId: String(id), details: { ...payload } });
    if (tellArea) await tellDesk(ctx, tx, tellArea, id, '转交的举报线索');
  });
  return getReport(ctx, actor, id);
}

function areaFor(actor: Actor, requested: string | undefined, current: string | null): string | null {
  if (!requested) return current;
  if (!isAreaCode(requested) || requested === CITY_CODE) throw invalid({ zh: '请选择信阳市的一个县区或管理区', en: 'Choose a county, district or zone of Xinyang' }, [{ field: 'areaCode' }]);
  if (!isCity(actor) && requested !== actor.scope) throw new AppError('forbidden', { zh: '只有市局可以把举报转交其他县区', en: 'Only the city office can send a report to another area' });
  return requested;
}

export const accept = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.acceptBody>) =>
  step(ctx, actor, id, 'accept', async (tx, r) => {
    assertTransition(r, 'accept');
    const area = areaFor(actor, body.areaCode, r.area_code);
    if (!area) throw ruleViolated({ zh: '受理前请确定管辖县区', en: 'Choose the area with jurisdiction before accepting' }, [{ field: 'areaCode' }]);
    const { deadlines } = await settings(tx);
    return {
      change: { status: 'accepted', area_code: area, area_source: area === r.area_code ? r.area_source : 'officer', conclude_due: addDays(today(ctx), deadlines.concludeDays) },
      payload: { from: r.status, to: 'accepted', areaCode: area, ...(body.note ? { note: body.note } : {}) },
      tellArea: area !== r.area_code ? area : undefined,
    };
  });

export const reject = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.rejectBody>) =>
  step(ctx, actor, id, 'reject', async (tx, r) => {
    assertTransition(r, 'reject');
    if (body.duplicateOf) {
      if (body.duplicateOf === id) throw invalid({ zh: '不能标记为与自身重复', en: 'A report cannot duplicate itself' }, [{ field: 'duplicateOf' }]);
      if (!(await sql.reportById(tx, scopeFilter(actor), body.duplicateOf))) throw invalid({ zh: '所指的重复举报不存在', en: 'The report it duplicates does not exist' }, [{ field: 'duplicateOf' }]);
    }
    return {
      change: { status: 'rejected', reason: body.reason, duplicate_of: body.duplicateOf ?? null },
      payload: { from: r.status, to: 'rejected', reason: body.reason, ...(body.duplicateOf ? { duplicateOf: body.duplicateOf } : {}) },
    };
  });

export const assign = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.assignBody>) =>
  step(ctx, actor, id, 'assign', async (_tx, r) => {
    assertTransition(r, 'assign');
    const area = areaFor(actor, body.areaCode, r.area_code) as string;
    if (area === r.area_code) throw ruleViolated({ zh: '举报已在该县区', en: 'The report is already with that area' });
    return {
      change: { area_code: area, area_source: 'officer', handler_id: null },
      payload: { from: r.status, to: r.status, areaFrom: r.area_code, areaCode: area, ...(body.note ? { note: body.note } : {}) },
      tellArea: area,
    };
  });

export const investigate = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.investigateBody>) =>
  step(ctx, actor, id, 'investigate', async (_tx, r) => {
    assertTransition(r, 'investigate');
    return {
      change: { status: 'investigating', handler_id: actor.kind === 'user' ? actor.id : null },
      payload: { from: r.status, to: 'investigating', ...(body.note ? { note: body.note } : {}) },
    };
  });

export const conclude = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.concludeBody>) =>
  step(ctx, actor, id, 'conclude', async (_tx, r) => {
    assertTransition(r, 'conclude');
    return {
      change: {
        status: 'concluded',
        violation: body.violation,
        case_value: body.violation ? (body.caseValue ?? 0) : null,
        decision_no: body.violation ? (body.decisionNo ?? null) : null,
        conclusion: body.conclusion,
        concluded_at: ctx.clock.now(),
      },
      payload: { from: r.status, to: 'concluded', violation: body.violation, ...(body.violation ? { caseValue: body.caseValue, decisionNo: body.decisionNo } : {}) },
    };
  });

export const proposeReward = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.proposeBody>) =>
  step(ctx, actor, id, 'reward.propose', async (tx, r) => {
    assertReward(r, 'propose');
    const { rewardRule } = await settings(tx);
    const amount = rewardAmount(rewardRule, body.level, r.case_value ?? 0);
    return {
      change: { reward_status: 'proposed', reward_level: body.level, reward_amount: amount, reward_rule: JSON.stringify(rewardRule), reward_note: body.note ?? null, reward_proposed_by: actor.kind === 'user' ? actor.id : null, reward_approved_by: null },
      payload: { reward: { from: r.reward_status, to: 'proposed', level: body.level, amount } },
    };
  });

export const approveReward = (ctx: AppContext, actor: Actor, id: number) =>
  step(ctx, actor, id, 'reward.approve', async (tx, r) => {
    assertReward(r, 'approve');
    if (r.reward_proposed_by && r.reward_proposed_by === actor.id) {
      throw ruleViolated({ zh: '奖励须由提出人以外的另一名工作人员审批', en: 'A reward must be approved by an officer other than the one who proposed it' });
    }
    const { deadlines } = await settings(tx);
    return {
      change: { reward_status: 'approved', reward_approved_by: actor.kind === 'user' ? actor.id : null, reward_claim_due: addDays(today(ctx), deadlines.claimDays) },
      payload: { reward: { from: 'proposed', to: 'approved', amount: r.reward_amount } },
    };
  });

export const refuseReward = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.refuseBody>) =>
  step(ctx, actor, id, 'reward.refuse', async (_tx, r) => {
    assertReward(r, 'refuse');
    if (r.reward_proposed_by && r.reward_proposed_by === actor.id) {
      throw ruleViolated({ zh: '奖励须由提出人以外的另一名工作人员审批', en: 'A reward must be decided by an officer other than the one who proposed it' });
    }
    return { change: { reward_status: 'refused', reward_note: body.reason }, payload: { reward: { from: 'proposed', to: 'refused', reason: body.reason } } };
  });

export const payReward = (ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.payBody>) =>
  step(ctx, actor, id, 'reward.pay', async (_tx, r) => {
    assertReward(r, 'pay');
    return { change: { reward_status: 'paid', paid_at: ctx.clock.now(), paid_ref: body.paidRef }, payload: { reward: { from: 'claimed', to: 'paid', amount: r.reward_amount } } };
  });

/** An officer attaches a file found in the investigation; it enters the report's chain. */
export async function attachFile(ctx: AppContext, actor: Actor, id: number, upload: { source: import('node:stream').Readable; fileName: string }): Promise<Detail> {
  await ctx.db.tx(async (tx) => {
    const r = await loadReport(ctx, actor, id, tx, true);
    if (r.status === 'rejected') throw conflict({ zh: '不予受理的举报不能再添加附件', en: 'A rejected report takes no more files' });
    const { row } = await evidence.receiveFile(ctx, actor, upload, { tx, subject: subjectOf(id) });
    await evidence.appendFiles(ctx, tx, subjectOf(id), actor, [row]);
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.report.attach', targetType: 'infringement_report', targetId: String(id), details: { fileId: row.id, sha256: row.sha256 } });
  });
  return getReport(ctx, actor, id);
}

export async function openReportFile(ctx: AppContext, actor: Actor, id: number, fileId: number) {
  await loadReport(ctx, actor, id);
  const file = await evidence.openFile(ctx, subjectOf(id), fileId);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.report.file.read', targetType: 'infringement_report', targetId: String(id), details: { fileId } });
  return file;
}

/** Shows the reporter's (and claimant's) personal data in clear: a separate, audited act. */
export async function reveal(ctx: AppContext, actor: Actor, id: number): Promise<z.infer<typeof schema.revealed>> {
  const r = await loadReport(ctx, actor, id);
  const open = (v: string | null) => (v ? ctx.personal.open(v) : null);
  const claimAccount = open(r.claim_account_sealed);
  const out = {
    reporter: { name: open(r.reporter_name_sealed), phone: open(r.reporter_phone_sealed), idNumber: open(r.reporter_id_sealed) },
    claimant: r.claim_name_sealed
      ? { name: open(r.claim_name_sealed) ?? '', idNumber: open(r.claim_id_sealed) ?? '', phone: open(r.claim_phone_sealed) ?? '', account: claimAccount ?? '' }
      : null,
  };
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.report.reveal', targetType: 'infringement_report', targetId: String(id), details: { reporter: !r.anonymous, claimant: !!r.claim_name_sealed } });
  return out;
}

export async function stats(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.statsView>> {
  const rows = await sql.reportStats(ctx.db, scopeFilter(actor), today(ctx));
  const byStatus: Record<string, number> = {};
  const areas = new Map<string | null, { total: number; open: number; overdue: number }>();
  let overdueTotal = 0;
  let approved = 0;
  let paid = 0;
  let paidAmount = 0;
  let daysSum = 0;
  let daysN = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    const a = areas.get(r.area_code) ?? { total: 0, open: 0, overdue: 0 };
    a.total += r.n;
    if (r.status !== 'rejected' && r.status !== 'concluded') a.open += r.n;
    a.overdue += r.overdue;
    areas.set(r.area_code, a);
    overdueTotal += r.overdue;
    if (r.reward_status === 'approved' || r.reward_status === 'claimed') approved += r.n;
    if (r.reward_status === 'paid') paid += r.n;
    paidAmount += r.reward_paid;
    daysSum += r.days_sum;
    daysN += r.days_n;
  }
  return {
    byStatus,
    overdue: overdueTotal,
    byArea: [...areas.entries()]
      .map(([code, v]) => ({ areaCode: code, areaName: code ? (areaByCode(code)?.name ?? code) : null, ...v }))
      .sort((a, b) => b.total - a.total),
    rewards: { approved, paid, paidAmount: Math.round(paidAmount * 100) / 100 },
    averageDaysToConclude: daysN ? Math.round((daysSum / daysN) * 10) / 10 : null,
  };
}

export const PROTECTION_DAILY_JOB = 'protection-daily';

/**
 * Once a day: tells each county desk (and the city office, for reports with no county yet) which
 * reports are overdue or due within three days, and which penalty decisions await publication;
 * tells handlers of mediation cases overdue or nearly due; and removes public uploads no form attached.
 */
export async function dailyReminders(ctx: AppContext): Promise<{ mailed: number; due: number; removedUploads: number; disclosuresDue: number; mediationDue: number }> {
  const day = today(ctx);
  const soon = addDays(day, 3);
  const rows = await sql.dueReports(ctx.db, soon);
  const byArea = new Map<string, sql.DueRow[]>();
  for (const r of rows) {
    const key = r.area_code ?? CITY_CODE;
    byArea.set(key, [...(byArea.get(key) ?? []), r]);
  }
  let mailed = 0;
  for (const [area, list] of byArea) {
    const officers = await sql.officersOf(ctx.db, area, area === CITY_CODE ? 'city_officer' : 'area_officer');
    const lines = list.map((r) => `${refOf(r)}　${r.subject}　${r.stage === 'accept' ? '受理' : r.stage === 'conclude' ? '办结' : '领奖'}期限 ${r.due}${r.due < day ? '（已逾期）' : ''}`);
    for (const o of officers) {
      if (!o.email) continue;
      await ctx.db.tx((tx) =>
        ctx.mailer.enqueue(tx, {
          to: o.email as string,
          subject: `【信知】举报线索期限提醒：${list.length} 件`,
          body: [`${o.display_name}：`, '', `${areaByCode(area)?.name ?? area}有以下举报线索已逾期或三日内到期：`, ...lines, '', '请登录信知平台「保护 → 举报线索」处理。'].join('\n'),
        }),
      );
      mailed++;
    }
  }
  // Penalty decisions not yet published (行政执法公示) go to the same desks, in a mail of their own.
  const disclosures = await remindDueDisclosures(ctx);
  // Mediation cases go to their handlers (or, unassigned, to the desk), in a mail of their own.
  const mediation = await mediationReminders(ctx);
  const removedUploads = await evidence.removeStaleUploads(ctx);
  return { mailed: mailed + disclosures.mailed + mediation.mailed, due: rows.length, removedUploads, disclosuresDue: disclosures.due, mediationDue: mediation.due };
}

export const protectionDailyJobHandler = oneStepDailyJob(PROTECTION_DAILY_JOB, 'protection.settings', ['protection.remind', 'protection.done'], dailyReminders);
