import { createHmac, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { yearInChina } from '../../../../shared/registry/normalise';
import { AREAS, CITY_CODE, areaByCode } from '../../../../shared/validators';
import {
  DEFAULT_DIMENSION_WEIGHTS,
  DIMENSIONS,
  DIMENSION_LABELS,
  INDEX_FORMULA,
  LIKERT_RANGE,
  NATIONAL_REFERENCE,
  RESPONDENT_TYPES,
  isLikert,
  likertTo100,
  round2,
  satisfactionIndex,
  type Dimension,
  type IndexResult,
  type RespondentType,
} from '../../../../shared/workplan/satisfaction';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { AppError, conflict, invalid, notFound } from '../../../errors';
import { spendChallenge } from '../../../http/challenge';
import { appendAudit } from '../../identity/audit/service';
import type { SheetCell } from '../../registry/export/sheet';
import * as sql from './queries';
import type { QuestionRow, SurveyRow } from './queries';
import type * as schema from './schema';
import { TEMPLATE_INTRO, TEMPLATE_QUESTIONS, TEMPLATE_TITLE } from './template';

type Phase = (typeof schema.SURVEY_PHASES)[number];
type Summary = z.infer<typeof schema.surveySummary>;
type View = z.infer<typeof schema.surveyView>;

const notFoundSurvey = () => notFound({ zh: '没有这份调查问卷', en: 'No such survey' });
const publicPath = (slug: string) => `/public/survey/${slug}`;

/** Where the survey stands now: drafts and closed surveys by state, published ones by their period. */
export function phaseOf(s: Pick<SurveyRow, 'status' | 'opens_at' | 'closes_at'>, now: Date): Phase {
  if (s.status !== 'published') return s.status;
  if (now < s.opens_at) return 'not_open';
  return now >= s.closes_at ? 'ended' : 'open';
}

function summary(ctx: AppContext, s: SurveyRow): Summary {
  return {
    id: s.id,
    slug: s.slug,
    publicPath: publicPath(s.slug),
    year: s.year,
    title: s.title,
    opensAt: s.opens_at.toISOString(),
    closesAt: s.closes_at.toISOString(),
    status: s.status,
    phase: phaseOf(s, ctx.clock.now()),
    responses: s.responses,
    isDemo: s.is_demo,
  };
}

const questionView = (q: QuestionRow) => ({ id: q.id, seq: q.seq, kind: q.kind, text: q.text, required: q.required, options: q.options, dimension: q.dimension, weight: q.weight });

async function load(q: Queryable, id: number): Promise<SurveyRow> {
  const s = await sql.surveyById(q, id);
  if (!s) throw notFoundSurvey();
  return s;
}

async function view(ctx: AppContext, q: Queryable, actor: Actor, s: SurveyRow): Promise<View> {
  const manager = actor.scope === CITY_CODE && actor.roles.includes('city_officer');
  const actions: View['actions'] = [];
  if (manager && s.status === 'draft') actions.push('edit', 'publish', 'delete');
  if (manager && s.status === 'published') actions.push('close');
  if (s.status !== 'draft') actions.push('results');
  return {
    ...summary(ctx, s),
    intro: s.intro,
    respondentTypes: s.respondent_types,
    dimensionWeights: s.dimension_weights,
    publishedAt: s.published_at?.toISOString() ?? null,
    closedAt: s.closed_at?.toISOString() ?? null,
    questions: (await sql.questionsOf(q, s.id)).map(questionView),
    actions,
  };
}

export async function listSurveys(ctx: AppContext, _actor: Actor, query: z.infer<typeof schema.listQuery>) {
  const rows = await sql.listSurveys(ctx.db, query.year ?? null, query.status ?? null);
  return { items: rows.map((s) => summary(ctx, s)) };
}

export async function getSurvey(ctx: AppContext, actor: Actor, id: number): Promise<View> {
  return view(ctx, ctx.db, actor, await load(ctx.db, id));
}

const newSlug = (year: number) => `${year}-${randomBytes(6).toString('hex')}`;

function fields(body: schema.SurveyBody) {
  return {
    year: body.year,
    title: body.title,
    intro: body.intro,
    opensAt: new Date(body.opensAt),
    closesAt: new Date(body.closesAt),
    respondentTypes: body.respondentTypes,
    dimensionWeights: body.dimensionWeights ?? DEFAULT_DIMENSION_WEIGHTS,
  };
}

/** Creates a draft questionnaire. */
export async function createSurvey(ctx: AppContext, actor: Actor, body: schema.SurveyBody, demo = false): Promise<View> {
  return ctx.db.tx(async (tx) => {
    const now = ctx.clock.now();
    const { id } = await sql.insertSurvey(tx, { slug: newSlug(body.year), ...fields(body) }, actor.kind === 'user' ? actor.id : null, now, demo);
    await sql.replaceQuestions(tx, id, body.questions);
    await appendAudit(tx, ctx.clock, { actor, action: 'survey.create', targetType: 'survey', targetId: String(id), after: body, details: { questions: body.questions.length } });
    return view(ctx, tx, actor, await load(tx, id));
  });
}

/** The CNIPA-style questionnaire for a year, open for a month from today, as a draft to adjust. */
export function templateBody(year: number, now: Date, blank = false): schema.SurveyBody {
  const opens = new Date(now.getTime());
  const closes = new Date(now.getTime() + 30 * 86_400_000);
  return {
    title: TEMPLATE_TITLE(year),
    year,
    intro: blank ? '' : TEMPLATE_INTRO,
    opensAt: opens.toISOString(),
    closesAt: closes.toISOString(),
    respondentTypes: [...RESPONDENT_TYPES],
    dimensionWeights: { ...DEFAULT_DIMENSION_WEIGHTS },
    questions: blank ? [] : TEMPLATE_QUESTIONS.map((q) => ({ ...q, options: [...q.options] })),
  };
}

/** A draft from the template, or a blank one; its year and period follow the server's clock, not the browser's. */
export function createFromTemplate(ctx: AppContext, actor: Actor, body: schema.TemplateBody) {
  const now = ctx.clock.now();
  return createSurvey(ctx, actor, templateBody(body.year ?? yearInChina(now.getTime()), now, body.blank));
}

const onlyDraft = () => conflict({ zh: '问卷已发布，不能再修改', en: 'The survey is published; it can no longer be edited' });

/** Saves the whole questionnaire; only a draft may change. */
export async function updateSurvey(ctx: AppContext, actor: Actor, id: number, body: schema.SurveyBody): Promise<View> {
  return ctx.db.tx(async (tx) => {
    if (!(await sql.lockSurvey(tx, id))) throw notFoundSurvey();
    const before = await load(tx, id);
    if (before.status !== 'draft') throw onlyDraft();
    await sql.updateSurvey(tx, id, fields(body), ctx.clock.now());
    await sql.replaceQuestions(tx, id, body.questions);
    await appendAudit(tx, ctx.clock, { actor, action: 'survey.update', targetType: 'survey', targetId: String(id), before, after: body, details: { questions: body.questions.length } });
    return view(ctx, tx, actor, await load(tx, id));
  });
}

export async function deleteSurvey(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await ctx.db.tx(async (tx) => {
    if (!(await sql.lockSurvey(tx, id))) throw notFoundSurvey();
    const s = await load(tx, id);
    if (s.status !== 'draft') throw conflict({ zh: '只能删除草稿', en: 'Only a draft can be deleted' });
    await sql.deleteSurvey(tx, id);
    await appendAudit(tx, ctx.clock, { actor, action: 'survey.delete', targetType: 'survey', targetId: String(id), before: s });
  });
}

/** draft → published: the link answers from the opening time to the closing time. */
export async function publish(ctx: AppContext, actor: Actor, id: number): Promise<View> {
  return ctx.db.tx(async (tx) => {
    if (!(await sql.lockSurvey(tx, id))) throw notFoundSurvey();
    const s = await load(tx, id);
    if (s.status !== 'draft') throw conflict({ zh: '只有草稿可以发布', en: 'Only a draft can be published' }, { status: s.status });
    const questions = await sql.questionsOf(tx, id);
    if (questions.length === 0) throw new AppError('rule', { zh: '问卷还没有题目', en: 'The survey has no questions yet' });
    if (s.closes_at <= ctx.clock.now()) throw new AppError('rule', { zh: '结束时间已过，请先修改调查期限', en: 'The closing time has passed; change the period first' });
    await sql.setStatus(tx, id, 'published', ctx.clock.now());
    await appendAudit(tx, ctx.clock, { actor, action: 'survey.publish', targetType: 'survey', targetId: String(id) });
    return view(ctx, tx, actor, await load(tx, id));
  });
}

/** published → closed: no more answers; the results stay. */
export async function close(ctx: AppContext, actor: Actor, id: number): Promise<View> {
  return ctx.db.tx(async (tx) => {
    if (!(await sql.lockSurvey(tx, id))) throw notFoundSurvey();
    const s = await load(tx, id);
    if (s.status !== 'published') throw conflict({ zh: '只有已发布的调查可以结束', en: 'Only a published survey can be closed' }, { status: s.status });
    await sql.setStatus(tx, id, 'closed', ctx.clock.now());
    await appendAudit(tx, ctx.clock, { actor, action: 'survey.close', targetType: 'survey', targetId: String(id), details: { responses: s.responses } });
    return view(ctx, tx, actor, await load(tx, id));
  });
}

// ---- Public answering -------------------------------------------------------------------------

/** The device cookie: a random id, kept only as a keyed hash per survey. */
export const DEVICE_COOKIE = 'xz_survey';
const DEVICE_ID = /^[A-Za-z0-9_-]{20,64}$/;
export const newDeviceId = () => randomBytes(18).toString('base64url');
export const validDeviceId = (v: string | undefined): v is string => typeof v === 'string' && DEVICE_ID.test(v);
const deviceHash = (ctx: AppContext, surveyId: number, deviceId: string) => createHmac('sha256', ctx.keyFor('survey-device')).update(`${surveyId}:${deviceId}`).digest('base64url');

async function publicSurveyRow(q: Queryable, slug: string): Promise<SurveyRow> {
  const s = await sql.surveyBySlug(q, slug);
  // A draft is not public yet: the link answers as if it did not exist.
  if (!s || s.status === 'draft') throw notFound({ zh: '没有这份调查问卷，请核对链接', en: 'No such survey; check the link' });
  return s;
}

export async function publicSurvey(ctx: AppContext, slug: string, deviceId: string | undefined): Promise<z.infer<typeof schema.publicView>> {
  const s = await publicSurveyRow(ctx.db, slug);
  const already = validDeviceId(deviceId) ? Boolean(await sql.responseExists(ctx.db, s.id, deviceHash(ctx, s.id, deviceId))) : false;
  const phase = phaseOf(s, ctx.clock.now());
  return {
    slug: s.slug,
    title: s.title,
    intro: s.intro,
    year: s.year,
    opensAt: s.opens_at.toISOString(),
    closesAt: s.closes_at.toISOString(),
    phase,
    alreadyAnswered: already,
    respondentTypes: s.respondent_types,
    questions: phase === 'open' && !already ? (await sql.questionsOf(ctx.db, s.id)).map(({ id, seq, kind, text, required, options }) => ({ id, seq, kind, text, required, options })) : [],
  };
}

const alreadyAnswered = () => conflict({ zh: '您已提交过本次调查，感谢参与！每台设备只能提交一次。', en: 'You have already answered this survey, thank you! One response per device.' }, { reason: 'already_answered' });

function notOpen(phase: Phase): AppError {
  if (phase === 'not_open') return conflict({ zh: '本次调查尚未开始', en: 'This survey has not opened yet' }, { reason: 'not_open' });
  return conflict({ zh: '本次调查已结束，感谢关注', en: 'This survey has ended; thank you for your interest' }, { reason: 'ended' });
}

/** Checks the answers against the questionnaire; a wrong one is refused naming its question. */
export function checkAnswers(questions: readonly QuestionRow[], answers: schema.AnswerBody['answers']): sql.AnswerFields[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<number>();
  const out: sql.AnswerFields[] = [];
  const bad = (q: QuestionRow, zh: string, en: string) =>
    invalid({ zh: `第 ${q.seq} 题「${q.text}」${zh}`, en: `Question ${q.seq}: ${en}` }, [{ field: `answers.${q.id}`, questionId: q.id, seq: q.seq }]);
  for (const a of answers) {
    const q = byId.get(a.questionId);
    if (!q) throw invalid({ zh: '答卷包含不属于本问卷的题目，请刷新页面', en: 'An answer names a question this survey does not have; reload the page' }, [{ field: 'answers', questionId: a.questionId }]);
    if (seen.has(q.id)) throw bad(q, '重复作答', 'answered twice');
    seen.add(q.id);
    const row = { response_id: 0, question_id: q.id, option_index: null, score: null, body: null };
    if (q.kind === 'single') {
      if (a.choice === undefined) continue;
      if (a.choice >= q.options.length) throw bad(q, '的选项不存在', 'no such option');
      out.push({ ...row, option_index: a.choice });
    } else if (q.kind === 'multiple') {
      const picked = a.choices ?? [];
      if (new Set(picked).size !== picked.length || picked.some((c) => c >= q.options.length)) throw bad(q, '的选项不正确', 'wrong options');
      for (const c of [...picked].sort((x, y) => x - y)) out.push({ ...row, option_index: c });
    } else if (isLikert(q.kind)) {
      if (a.score === undefined) continue;
      const [lo, hi] = LIKERT_RANGE[q.kind];
      if (a.score < lo || a.score > hi) throw bad(q, `的评分应在 ${lo}–${hi} 之间`, `the score must be ${lo}–${hi}`);
      out.push({ ...row, score: a.score });
    } else if (a.text) {
      out.push({ ...row, body: a.text });
    }
  }
  for (const q of questions) {
    if (q.required && !out.some((r) => r.question_id === q.id)) throw bad(q, '为必答题，请作答', 'is required');
  }
  return out;
}

/**
 * One anonymous response. Nothing that names the respondent is kept: the audit row carries no IP
 * address (it would tie the answers to a person), only the survey and the county.
 */
export async function submitResponse(ctx: AppContext, actor: Actor, slug: string, deviceId: string, body: schema.AnswerBody): Promise<z.infer<typeof schema.answered>> {
  const s = await publicSurveyRow(ctx.db, slug);
  const phase = phaseOf(s, ctx.clock.now());
  if (phase !== 'open') throw notOpen(phase);
  const hash = deviceHash(ctx, s.id, deviceId);
  if (await sql.responseExists(ctx.db, s.id, hash)) throw alreadyAnswered();
  if (!s.respondent_types.includes(body.respondentType)) throw invalid({ zh: '本次调查不面向该类受访者', en: 'This survey is not open to that respondent type' }, [{ field: 'respondentType' }]);
  const answers = checkAnswers(await sql.questionsOf(ctx.db, s.id), body.answers);
  return ctx.db.tx(async (tx) => {
    await spendChallenge(ctx, tx, body);
    const now = ctx.clock.now();
    const inserted = await sql.insertResponse(tx, s.id, body.respondentType, body.areaCode, hash, now);
    if (!inserted) throw alreadyAnswered();
    await sql.insertAnswers(tx, answers.map((a) => ({ ...a, response_id: inserted.id })));
    await appendAudit(tx, ctx.clock, { actor: { ...actor, ip: null }, action: 'survey.respond', targetType: 'survey', targetId: String(s.id), details: { areaCode: body.areaCode, respondentType: body.respondentType } });
    return { receivedAt: now.toISOString(), message: { zh: '提交成功，感谢您对信阳市知识产权保护工作的支持！', en: 'Thank you! Your answers have been received.' } };
  });
}

// ---- Results and the index --------------------------------------------------------------------

type LikertSum = Awaited<ReturnType<typeof sql.likertSums>>[number];

/** Dimension scores and the index over the Likert answers the filter keeps. */
function indexOver(questions: readonly QuestionRow[], sums: readonly LikertSum[], weights: Record<Dimension, number>, keep: (r: LikertSum) => boolean): IndexResult {
  const stats = questions.flatMap((q) => {
    if (!isLikert(q.kind)) return [];
    let total = 0;
    let n = 0;
    for (const r of sums) {
      if (r.question_id !== q.id || !keep(r)) continue;
      total += r.total;
      n += r.n;
    }
    return [{ dimension: q.dimension, weight: q.weight, mean100: n > 0 ? likertTo100(q.kind, total / n) : null }];
  });
  return satisfactionIndex(stats, weights);
}

const cityAreas = () => AREAS.filter((a) => a.code !== CITY_CODE);

/**
 * The satisfaction index per area (every county, district and zone, and CITY_CODE for the whole
 * city) from the year's published or closed survey: when there are several, the latest that has
 * opened. What the assessment and the protection-level evaluation read.
 */
export async function satisfactionIndexByArea(ctx: AppContext, year: number): Promise<Map<string, { value: number | null; responses: number; surveyId: number | null }>> {
  const out = new Map<string, { value: number | null; responses: number; surveyId: number | null }>();
  const [s] = await sql.reportableSurveys(ctx.db, year, ctx.clock.now());
  if (!s) {
    for (const a of AREAS) out.set(a.code, { value: null, responses: 0, surveyId: null });
    return out;
  }
  const [questions, sums, counts] = await Promise.all([sql.questionsOf(ctx.db, s.id), sql.likertSums(ctx.db, s.id, null), sql.countsByGroup(ctx.db, s.id, null)]);
  const responsesIn = (code: string | null) => counts.filter((c) => code === null || c.area_code === code).reduce((t, c) => t + c.n, 0);
  for (const a of cityAreas()) {
    out.set(a.code, { value: indexOver(questions, sums, s.dimension_weights, (r) => r.area_code === a.code).index, responses: responsesIn(a.code), surveyId: s.id });
  }
  out.set(CITY_CODE, { value: indexOver(questions, sums, s.dimension_weights, () => true).index, responses: responsesIn(null), surveyId: s.id });
  return out;
}

const areaName = (code: string) => areaByCode(code)?.name ?? code;
const dayInChina = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Counts, distributions, means and the index; a county officer sees their own area (and the city's index). */
export async function results(ctx: AppContext, actor: Actor, id: number): Promise<schema.ResultsView> {
  const s = await load(ctx.db, id);
  if (s.status === 'draft') throw conflict({ zh: '问卷尚未发布，还没有结果', en: 'The survey is not published; there are no results yet' });
  const scope = scopeFilter(actor);
  const [questions, allSums, counts, dist, answeredRows, texts] = await Promise.all([
    sql.questionsOf(ctx.db, id),
    sql.likertSums(ctx.db, id, null),
    sql.countsByGroup(ctx.db, id, scope),
    sql.distribution(ctx.db, id, scope),
    sql.answeredCounts(ctx.db, id, scope),
    sql.freeTexts(ctx.db, id, scope, 500),
  ]);
  const weights = s.dimension_weights;
  const inScope = (r: LikertSum) => scope === null || scope.includes(r.area_code);
  const allCounts = scope === null ? counts : await sql.countsByGroup(ctx.db, id, null);
  const total = (rows: typeof counts, keep: (c: (typeof counts)[number]) => boolean) => rows.filter(keep).reduce((t, c) => t + c.n, 0);

  const areas = scope === null ? cityAreas() : cityAreas().filter((a) => scope.includes(a.code));
  const byArea = areas.map((a) => ({
    areaCode: a.code,
    areaName: a.name,
    responses: total(counts, (c) => c.area_code === a.code),
    byType: Object.fromEntries(RESPONDENT_TYPES.map((t) => [t, total(counts, (c) => c.area_code === a.code && c.respondent_type === t)])),
    ...indexOver(questions, allSums, weights, (r) => r.area_code === a.code),
  }));
  const byType = RESPONDENT_TYPES.map((t: RespondentType) => ({
    type: t,
    responses: total(counts, (c) => c.respondent_type === t),
    ...indexOver(questions, allSums, weights, (r) => inScope(r) && r.respondent_type === t),
  }));
  const answeredBy = new Map(answeredRows.map((r) => [r.question_id, r.n]));
  return {
    survey: { ...summary(ctx, s), dimensionWeights: weights },
    formula: INDEX_FORMULA,
    scopeArea: scope?.[0] ?? null,
    city: { responses: total(allCounts, () => true), ...indexOver(questions, allSums, weights, () => true) },
    byArea,
    byType,
    questions: questions.map((q) => {
      const own = dist.filter((d) => d.question_id === q.id);
      const likert = isLikert(q.kind);
      const range = isLikert(q.kind) ? LIKERT_RANGE[q.kind] : null;
      const scale = range ? Array.from({ length: range[1] - range[0] + 1 }, (_, i) => ({ value: range[0] + i, n: own.find((d) => d.score === range[0] + i)?.n ?? 0 })) : [];
      const n = scale.reduce((t, p) => t + p.n, 0);
      const mean = n > 0 ? scale.reduce((t, p) => t + p.value * p.n, 0) / n : null;
      return {
        ...questionView(q),
        answered: answeredBy.get(q.id) ?? 0,
        choices: q.options.map((label, i) => ({ label, n: own.find((d) => d.option_index === i)?.n ?? 0 })),
        scale,
        mean: mean === null ? null : round2(mean),
        mean100: mean === null || !likert ? null : round2(likertTo100(q.kind as 'likert5' | 'likert10', mean)),
      };
    }),
    texts: texts.map((t) => ({ questionId: t.question_id, body: t.body, areaName: areaName(t.area_code), respondentType: t.respondent_type, submittedOn: dayInChina(t.submitted_at) })),
    national: { source: NATIONAL_REFERENCE.source, overall: [...NATIONAL_REFERENCE.overall], dimensions2024: NATIONAL_REFERENCE.dimensions2024 },
  };
}

const TYPE_ZH: Record<RespondentType, string> = { enterprise: '企业', individual: '个人', agency: '服务机构', other: '其他' };

/** The responses as rows (one per response, one column per question), with a summary sheet's rows. */
export async function exportRows(ctx: AppContext, actor: Actor, id: number, format: 'xlsx' | 'csv') {
  const s = await load(ctx.db, id);
  if (s.status === 'draft') throw conflict({ zh: '问卷尚未发布，没有可导出的答卷', en: 'The survey is not published; nothing to export' });
  const scope = scopeFilter(actor);
  const [questions, rows] = await Promise.all([sql.questionsOf(ctx.db, id), sql.responsesWithAnswers(ctx.db, id, scope)]);
  const headers = ['答卷编号', '提交日期', '受访者类型', '县区', ...questions.map((q) => `${q.seq}. ${q.text}`)];
  const cells: SheetCell[][] = rows.map((r, i) => [
    i + 1,
    dayInChina(r.submitted_at),
    TYPE_ZH[r.respondent_type],
    areaName(r.area_code),
    ...questions.map((q): SheetCell => {
      const mine = r.answers.filter((a) => a.q === q.id);
      if (mine.length === 0) return null;
      if (q.kind === 'single' || q.kind === 'multiple') return mine.map((a) => q.options[a.o ?? -1] ?? '').join('；');
      if (isLikert(q.kind)) return mine[0]?.s ?? null;
      return mine[0]?.b ?? null;
    }),
  ]);
  await ctx.db.tx((tx) => appendAudit(tx, ctx.clock, { actor, action: 'survey.export', targetType: 'survey', targetId: String(id), details: { format, rows: rows.length, scope: scope?.[0] ?? CITY_CODE } }));
  return { fileName: `${s.title}-答卷.${format}`, headers, rows: cells };
}

/** Rows of the index sheet: the city, each area, each respondent type, then the national reference. */
export function indexSheet(r: schema.ResultsView): { headers: string[]; rows: SheetCell[][] } {
  const headers = ['范围', '答卷数', '满意度指数', ...DIMENSIONS.map((d) => DIMENSION_LABELS[d].zh)];
  const line = (name: string, x: { responses: number; index: number | null; dimensions: Record<Dimension, number | null> }): SheetCell[] => [name, x.responses, x.index, ...DIMENSIONS.map((d) => x.dimensions[d])];
  return {
    headers,
    rows: [
      line('信阳市（全市）', r.city),
      ...r.byArea.map((a) => line(a.areaName, a)),
      ...r.byType.map((t) => line(`受访者：${TYPE_ZH[t.type]}`, t)),
      ...NATIONAL_REFERENCE.overall.map((n): SheetCell[] => [`全国 ${n.year} 年（参考）`, null, n.value, ...DIMENSIONS.map((d) => (n.year === 2024 ? NATIONAL_REFERENCE.dimensions2024[d] : null))]),
    ],
  };
}

/** The public link as a QR code for posters. */
export async function qrCode(ctx: AppContext, id: number, origin: string, format: 'png' | 'svg'): Promise<{ fileName: string; body: Buffer | string; mime: string }> {
  const s = await load(ctx.db, id);
  const url = `${origin}${publicPath(s.slug)}`;
  const base = `${s.title}-二维码.${format}`;
  if (format === 'svg') return { fileName: base, body: await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }), mime: 'image/svg+xml' };
  return { fileName: base, body: await QRCode.toBuffer(url, { type: 'png', margin: 2, width: 1024, errorCorrectionLevel: 'M' }), mime: 'image/png' };
}
