import type { z } from 'zod';
import { canonicalJson } from '../../../../shared/canonical-json';
import { hasPermission } from '../../../../shared/roles';
import { AREAS, CITY_CODE, areaByCode } from '../../../../shared/validators';
import {
  DEFAULT_GRADES,
  computeAssessment,
  diffInputs,
  round2,
  weightsSum,
  type AssessmentInputs,
  type AssessmentResult,
  type AreaResult,
  type EntryInput,
  type GradeBand,
  type InputChange,
  type InputValue,
  type RubricIndicatorInput,
} from '../../../../shared/workplan/assessment';
import { METRIC_DEFINITIONS, isMetric } from '../../../../shared/workplan/metrics';
import { systemActor, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { sha256 } from '../../../crypto';
import type { Queryable } from '../../../db/db';
import { conflict, forbidden, invalid, notFound, ruleViolated } from '../../../errors';
import { oneStepDailyJob } from '../../../jobs/runner';
import { appendAudit } from '../../identity/audit/service';
import { protectionIndexByArea } from '../evaluation/service';
import { metricByArea } from '../metrics/service';
import { assignmentCompletionByArea } from '../progress/service';
import { satisfactionIndexByArea } from '../survey/service';
import * as sql from './queries';
import type * as schema from './schema';

type RubricView = z.infer<typeof schema.rubricView>;
type IndicatorView = z.infer<typeof schema.indicatorView>;
type ResultsView = z.infer<typeof schema.resultsView>;
type AreaCard = z.infer<typeof schema.areaCardView>;

/** The areas scored: every county, district and zone (not the city itself), in the reference order. */
export const SCORED_AREAS: readonly string[] = AREAS.filter((a) => a.code !== CITY_CODE).map((a) => a.code);

const areaName = (code: string) => areaByCode(code)?.name ?? code;
const userId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
const noRubric = (year: number) => notFound({ zh: `${year} 年尚未制定考核细则`, en: `No assessment rubric for ${year}` });

/** The city office configures, computes, reviews and publishes; everyone else reads. */
const isManager = (actor: Actor) => actor.scope === CITY_CODE && hasPermission(actor.roles, 'assessment.manage');

function requireManager(actor: Actor): void {
  if (!isManager(actor)) throw forbidden();
}

const flagView = (raw: unknown): RubricView['inputsChanged'] => {
  if (!raw) return null;
  const f = raw as { runId: number; sha256: string; checkedAt: string; changes: InputChange[] };
  return { runId: f.runId, sha256: f.sha256, checkedAt: f.checkedAt, changes: f.changes.map((c) => ({ ...c, areaName: c.area ? areaName(c.area) : '' })) };
};

const runRef = (r: sql.RunRow) => ({ id: r.id, sha256: r.inputs_sha256, computedAt: r.computed_at.toISOString(), computedBy: r.computed_by_name });

function betterOf(row: Pick<sql.IndicatorRow, 'source' | 'metric'>): 'higher' | 'lower' {
  return row.source === 'metric' && row.metric && isMetric(row.metric) ? METRIC_DEFINITIONS[row.metric].better : 'higher';
}

function indicatorView(row: sql.IndicatorRow, targets: Record<string, number>): IndicatorView {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    dimension: row.dimension,
    name: row.name,
    points: row.points,
    source: row.source,
    metric: row.metric,
    metricName: row.metric && isMetric(row.metric) ? METRIC_DEFINITIONS[row.metric].name : null,
    rule: row.rule,
    better: betterOf(row),
    target: row.params.target ?? null,
    targets,
    bands: row.params.bands ?? [],
    evidence: row.evidence,
  };
}

async function loadRubric(q: Queryable, year: number) {
  const head = await sql.rubric(q, year);
  if (!head) throw noRubric(year);
  const [rows, targetRows] = await Promise.all([sql.indicators(q, year), sql.targets(q, year)]);
  const targets = new Map<number, Record<string, number>>();
  for (const t of targetRows) targets.set(t.indicator_id, { ...(targets.get(t.indicator_id) ?? {}), [t.area_code]: t.target });
  return { head, indicators: rows.map((r) => indicatorView(r, targets.get(r.id) ?? {})) };
}

function actionsFor(actor: Actor, status: string): string[] {
  if (!isManager(actor)) return [];
  switch (status) {
    case 'draft':
      return ['edit', 'entries', 'compute'];
    case 'computed':
      return ['edit', 'entries', 'compute', 'review'];
    case 'reviewed':
      return ['edit', 'entries', 'compute', 'return', 'publish'];
    default:
      return ['check'];
  }
}

export async function listYears(ctx: AppContext): Promise<z.infer<typeof schema.yearList>> {
  const heads = await sql.years(ctx.db);
  const items = [];
  for (const h of heads) {
    const inds = await sql.indicators(ctx.db, h.year);
    items.push({ year: h.year, title: h.title, status: h.status, weightsSum: weightsSum(inds), flagged: !!h.inputs_changed });
  }
  return { items };
}

/** The rubric of a year, with its status, runs, the entries the caller may see and the steps open to the caller. */
export async function getRubric(ctx: AppContext, actor: Actor, year: number): Promise<RubricView> {
  const { head, indicators } = await loadRubric(ctx.db, year);
  const [current, published, entries] = await Promise.all([
    head.current_run_id ? sql.run(ctx.db, head.current_run_id) : null,
    head.published_run_id ? sql.run(ctx.db, head.published_run_id) : null,
    sql.entries(ctx.db, year, actor.scope === CITY_CODE ? null : [actor.scope]),
  ]);
  // Entries are working notes until publication: readers outside the office see them once published.
  const visibleEntries = isManager(actor) || head.status === 'published' ? entries : [];
  return {
    year: head.year,
    title: head.title,
    status: head.status,
    grades: head.grades,
    indicators,
    weightsSum: weightsSum(indicators),
    copiedFrom: head.copied_from,
    currentRun: current && isManager(actor) ? runRef(current) : null,
    publishedRun: published ? runRef(published) : null,
    reviewedBy: head.reviewed_by_name,
    reviewedAt: head.reviewed_at?.toISOString() ?? null,
    reviewNote: head.review_note,
    publishedBy: head.published_by_name,
    publishedAt: head.published_at?.toISOString() ?? null,
    inputsChanged: flagView(head.inputs_changed),
    entries: visibleEntries.map((e) => ({
      id: e.id,
      indicatorId: e.indicator_id,
      areaCode: e.area_code,
      areaName: areaName(e.area_code),
      points: e.points,
      reason: e.reason,
      enteredBy: e.entered_by_name,
      enteredAt: e.entered_at.toISOString(),
    })),
    isDemo: head.is_demo,
    actions: actionsFor(actor, head.status),
  };
}

const gradesOf = (g: schema.RubricBody['grades']): GradeBand[] => [
  { grade: 'excellent', min: g.excellent },
  { grade: 'good', min: g.good },
  { grade: 'pass', min: g.pass },
  { grade: 'fail', min: 0 },
];

function fieldsOf(b: schema.RubricBody['indicators'][number], seq: number): sql.IndicatorFields {
  const params: Record<string, unknown> = {};
  if (b.rule === 'ratio') params.target = b.target;
  if (b.rule === 'thresholds') params.bands = [...(b.bands ?? [])].sort((x, y) => x.bound - y.bound);
  return { seq, kind: b.kind, dimension: b.dimension, name: b.name, points: b.points, source: b.source, metric: b.metric ?? null, rule: b.rule, params, evidence: b.evidence ?? '' };
}

/** Writes the indicator tree: kept indicators (by id) keep their entries, new ones are added, missing ones go. */
async function writeIndicators(tx: Queryable, year: number, list: schema.RubricBody['indicators']): Promise<void> {
  const existing = new Set((await sql.indicators(tx, year)).map((r) => r.id));
  const bad = list.flatMap((i, n) => (i.id !== undefined && !existing.has(i.id) ? [{ field: `indicators.${n}.id`, message: { zh: '该指标不属于本年度细则', en: 'Not an indicator of this rubric' } }] : []));
  if (bad.length) throw invalid({ zh: '指标编号无效', en: 'Unknown indicator id' }, bad);
  await sql.deleteIndicatorsExcept(tx, year, list.flatMap((i) => (i.id ? [i.id] : [])));
  await sql.clearSeqs(tx, year);
  for (const [n, b] of list.entries()) {
    const f = fieldsOf(b, n + 1);
    const id = b.id ?? (await sql.insertIndicator(tx, year, f));
    if (b.id) await sql.updateIndicator(tx, id, f);
    await sql.replaceTargets(tx, id, b.rule === 'ratio' ? (b.targets ?? {}) : {});
  }
}

/** Creates or replaces a year's rubric. Refused once published: the published result stays as it was. */
export async function saveRubric(ctx: AppContext, actor: Actor, year: number, body: schema.RubricBody, isDemo = false): Promise<RubricView> {
  requireManager(actor);
  const now = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const head = await sql.rubric(tx, year, true);
    if (head?.status === 'published') throw conflict({ zh: `${year} 年考核结果已公布，细则不能再修改`, en: `The ${year} assessment is published; its rubric cannot change` });
    const before = head ? { head, indicators: await sql.indicators(tx, year) } : null;
    if (head) await sql.updateRubricHead(tx, year, body.title, gradesOf(body.grades), now);
    else await sql.insertRubric(tx, { year, title: body.title, grades: gradesOf(body.grades), copiedFrom: null, isDemo, by: userId(actor), at: now });
    await writeIndicators(tx, year, body.indicators);
    await sql.toDraft(tx, year, now);
    await appendAudit(tx, ctx.clock, { actor, action: head ? 'assessment.rubric.edit' : 'assessment.rubric.create', targetType: 'assessment', targetId: String(year), before, after: body, details: { indicators: body.indicators.length } });
  });
  return getRubric(ctx, actor, year);
}

/** Copies another year's rubric (indicators, targets, grades; not entries or results) into a year without one. */
export async function copyRubric(ctx: AppContext, actor: Actor, year: number, fromYear: number, isDemo = false): Promise<RubricView> {
  requireManager(actor);
  if (fromYear === year) throw invalid({ zh: '不能从同一年度复制', en: 'Copy from another year' }, [{ field: 'fromYear', message: { zh: '请选择其他年度', en: 'Choose another year' } }]);
  const now = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    if (await sql.rubric(tx, year)) throw conflict({ zh: `${year} 年已有考核细则`, en: `${year} already has a rubric` });
    const { head, indicators } = await loadRubric(tx, fromYear);
    await sql.insertRubric(tx, { year, title: head.title.replaceAll(String(fromYear), String(year)), grades: head.grades, copiedFrom: fromYear, isDemo, by: userId(actor), at: now });
    for (const i of indicators) {
      const params: Record<string, unknown> = i.rule === 'ratio' ? { target: i.target } : i.rule === 'thresholds' ? { bands: i.bands } : {};
      const id = await sql.insertIndicator(tx, year, { seq: i.seq, kind: i.kind, dimension: i.dimension, name: i.name, points: i.points, source: i.source, metric: i.metric, rule: i.rule, params, evidence: i.evidence });
      await sql.replaceTargets(tx, id, i.targets);
    }
    await appendAudit(tx, ctx.clock, { actor, action: 'assessment.rubric.copy', targetType: 'assessment', targetId: String(year), details: { fromYear, indicators: indicators.length } });
  });
  return getRubric(ctx, actor, year);
}

/** Enters a manual score (replacing the area's earlier one) or adds a bonus/deduction entry. */
export async function addEntry(ctx: AppContext, actor: Actor, year: number, body: z.infer<typeof schema.entryBody>, isDemo = false): Promise<RubricView> {
  requireManager(actor);
  const now = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const head = await sql.rubric(tx, year, true);
    if (!head) throw noRubric(year);
    if (head.status === 'published') throw conflict({ zh: `${year} 年考核结果已公布，不能再录入`, en: `The ${year} assessment is published; entries are closed` });
    const ind = (await sql.indicators(tx, year)).find((i) => i.id === body.indicatorId);
    if (!ind || ind.rule !== 'manual') {
      throw invalid({ zh: '只能为人工评分指标或加分、扣分项录入', en: 'Entries go to manual indicators or bonus/deduction items only' }, [{ field: 'indicatorId', message: { zh: '请选择人工评分指标或加减分项', en: 'Choose a manual indicator or an adjustment item' } }]);
    }
    if (body.points > ind.points) {
      throw invalid({ zh: `分值不能超过该项的 ${ind.points} 分`, en: `Points cannot exceed the item’s ${ind.points}` }, [{ field: 'points', message: { zh: `最多 ${ind.points} 分`, en: `at most ${ind.points}` } }]);
    }
    const replaced = ind.kind === 'score' ? await sql.deleteEntries(tx, ind.id, body.areaCode) : 0;
    const id = await sql.insertEntry(tx, { indicatorId: ind.id, area: body.areaCode, points: body.points, reason: body.reason, by: userId(actor), at: now, isDemo });
    await sql.toDraft(tx, year, now);
    await appendAudit(tx, ctx.clock, { actor, action: 'assessment.entry.add', targetType: 'assessment_entry', targetId: String(id), after: body, details: { year, indicatorId: ind.id, kind: ind.kind, area: body.areaCode, replaced } });
  });
  return getRubric(ctx, actor, year);
}

export async function removeEntry(ctx: AppContext, actor: Actor, year: number, id: number): Promise<RubricView> {
  requireManager(actor);
  const now = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const head = await sql.rubric(tx, year, true);
    if (!head) throw noRubric(year);
    if (head.status === 'published') throw conflict({ zh: `${year} 年考核结果已公布，不能再修改`, en: `The ${year} assessment is published` });
    const gone = await sql.deleteEntry(tx, year, id);
    if (!gone) throw notFound();
    await sql.toDraft(tx, year, now);
    await appendAudit(tx, ctx.clock, { actor, action: 'assessment.entry.remove', targetType: 'assessment_entry', targetId: String(id), before: gone, details: { year, indicatorId: gone.indicator_id, area: gone.area_code } });
  });
  return getRubric(ctx, actor, year);
}

const roundValue = (v: number | null) => (v === null || !Number.isFinite(v) ? null : round2(v));

/** The rubric and the hand-entered scores: the part of the inputs that lives in this module's tables. */
async function ownInputs(q: Queryable, year: number) {
  const { head, indicators } = await loadRubric(q, year);
  const entries: AssessmentInputs['entries'] = {};
  for (const e of await sql.entries(q, year, null)) {
    const key = String(e.indicator_id);
    entries[key] ??= {};
    const list: EntryInput[] = (entries[key][e.area_code] ??= []);
    list.push({ id: e.id, points: e.points, reason: e.reason });
  }
  const rubricIndicators: RubricIndicatorInput[] = indicators.map((i) => ({
    id: i.id,
    seq: i.seq,
    kind: i.kind,
    dimension: i.dimension,
    name: i.name,
    points: i.points,
    source: i.source,
    metric: i.metric,
    rule: i.rule,
    better: i.better,
    target: i.target,
    bands: i.bands,
    targets: i.targets,
  }));
  return { grades: head.grades.length ? head.grades : [...DEFAULT_GRADES], indicators: rubricIndicators, entries };
}

/** Reads every input the rubric names, from the platform's own figures and the entries: the snapshot a run hashes. */
export async function gatherInputs(ctx: AppContext, year: number): Promise<AssessmentInputs> {
  const own = await ownInputs(ctx.db, year);
  const values: AssessmentInputs['values'] = {};
  const metrics = new Map<string, Awaited<ReturnType<typeof metricByArea>>>();
  let plan: Awaited<ReturnType<typeof assignmentCompletionByArea>> | null = null;
  let survey: Awaited<ReturnType<typeof satisfactionIndexByArea>> | null = null;
  let evaluation: Awaited<ReturnType<typeof protectionIndexByArea>> | null = null;
  for (const ind of own.indicators) {
    if (ind.kind !== 'score' || ind.source === 'manual') continue;
    const byArea: Record<string, InputValue> = {};
    if (ind.source === 'metric' && ind.metric && isMetric(ind.metric)) {
      const m = metrics.get(ind.metric) ?? (await metricByArea(ctx, ind.metric, year));
      metrics.set(ind.metric, m);
      for (const a of SCORED_AREAS) {
        const v = m.get(a);
        byArea[a] = { value: roundValue(v?.value ?? null), count: v?.count ?? 0, drill: v?.drill ?? null };
      }
    } else if (ind.source === 'plan') {
      plan ??= await assignmentCompletionByArea(ctx, year);
      for (const a of SCORED_AREAS) {
        const p = plan.get(a);
        // Overdue counts move with the calendar, not with the work done: left out so the hash stays put.
        byArea[a] = { value: roundValue(p?.rate ?? null), detail: { assigned: p?.assigned ?? 0, completed: p?.completed ?? 0, onTime: p?.onTime ?? 0 }, drill: { path: '/workplan/assignments', query: { area: a, year: String(year) } } };
      }
    } else if (ind.source === 'survey') {
      survey ??= await satisfactionIndexByArea(ctx, year);
      for (const a of SCORED_AREAS) {
        const sv = survey.get(a);
        byArea[a] = { value: roundValue(sv?.value ?? null), detail: { responses: sv?.responses ?? 0 }, drill: sv?.surveyId ? { path: `/workplan/surveys/${sv.surveyId}`, query: { area: a } } : null };
      }
    } else if (ind.source === 'evaluation') {
      evaluation ??= await protectionIndexByArea(ctx, year);
      for (const a of SCORED_AREAS) byArea[a] = { value: roundValue(evaluation.get(a)?.value ?? null), drill: { path: '/workplan/evaluation', query: { year: String(year), area: a } } };
    }
    values[String(ind.id)] = byArea;
  }
  return { year, areas: [...SCORED_AREAS], grades: own.grades, indicators: own.indicators, values, entries: own.entries };
}

/** The canonical text of the inputs and its SHA-256: equal inputs, equal hash, whatever the key order. */
export function hashInputs(inputs: AssessmentInputs): { text: string; sha256: string } {
  const text = canonicalJson(inputs);
  return { text, sha256: sha256(text) };
}

/**
 * Computes the year's scores. Before publication the run becomes the working result (status
 * computed). After publication it is a check: published numbers stay, and if the inputs differ the
 * result is flagged with what changed.
 */
export async function compute(ctx: AppContext, actor: Actor, year: number): Promise<RubricView> {
  requireManager(actor);
  await computeRun(ctx, actor, year);
  return getRubric(ctx, actor, year);
}

async function computeRun(ctx: AppContext, actor: Actor, year: number): Promise<void> {
  const now = ctx.clock.now();
  if (!(await sql.rubric(ctx.db, year))) throw noRubric(year);
  // Other modules' figures are read first (the embedded database runs one transaction at a time);
  // the transaction then makes sure the rubric and entries did not change meanwhile.
  const inputs = await gatherInputs(ctx, year);
  await ctx.db.tx(async (tx) => {
    const head = await sql.rubric(tx, year, true);
    if (!head) throw noRubric(year);
    const own = await ownInputs(tx, year);
    if (canonicalJson(own) !== canonicalJson({ grades: inputs.grades, indicators: inputs.indicators, entries: inputs.entries })) {
      throw conflict({ zh: '计算期间考核细则或评分有变动，请重新计算', en: 'The rubric or its entries changed during the computation; compute again' });
    }
    const sum = weightsSum(inputs.indicators);
    if (head.status !== 'published' && sum !== 100) {
      throw ruleViolated({ zh: `各指标分值合计为 ${sum} 分，须为 100 分才能计算`, en: `The indicators’ points add up to ${sum}; they must add up to 100` }, { field: 'indicators', weightsSum: sum });
    }
    const result = computeAssessment(inputs);
    const { text, sha256: hash } = hashInputs(inputs);
    const purpose = head.status === 'published' ? 'check' : 'compute';
    const runId = await sql.insertRun(tx, { year, purpose, inputs: text, sha256: hash, result: canonicalJson(result), by: userId(actor), at: now });
    if (purpose === 'compute') {
      await sql.setComputed(tx, year, runId, now);
      await appendAudit(tx, ctx.clock, { actor, action: 'assessment.compute', targetType: 'assessment', targetId: String(year), details: { runId, sha256: hash } });
      return;
    }
    const published = await sql.run(tx, head.published_run_id as number);
    const changes = published && published.inputs_sha256 !== hash ? diffInputs(published.inputs as AssessmentInputs, inputs) : [];
    const flagged = !!published && published.inputs_sha256 !== hash;
    await sql.setFlag(tx, year, flagged ? { runId, sha256: hash, checkedAt: now.toISOString(), changes } : null, now);
    await appendAudit(tx, ctx.clock, { actor, action: 'assessment.check', targetType: 'assessment', targetId: String(year), details: { runId, sha256: hash, changed: flagged, changes: changes.length } });
  });
}

/**
 * The daily check of every published year: published numbers stay, and inputs that have changed
 * since publication are flagged without anyone having to press 核对.
 */
export async function checkPublished(ctx: AppContext): Promise<{ checked: number; changed: number }> {
  let changed = 0;
  const published = (await sql.years(ctx.db)).filter((r) => r.status === 'published');
  for (const r of published) {
    await computeRun(ctx, systemActor, r.year);
    if ((await sql.rubric(ctx.db, r.year))?.inputs_changed) changed++;
  }
  return { checked: published.length, changed };
}

export const ASSESSMENT_CHECK_JOB = 'assessment-check-daily';
export const assessmentCheckJobHandler = oneStepDailyJob(ASSESSMENT_CHECK_JOB, 'assessment.manage', ['assessment.check', 'assessment.done'], checkPublished);

async function transition(ctx: AppContext, actor: Actor, year: number, from: string, action: 'review' | 'return' | 'publish', note: string | null): Promise<RubricView> {
  requireManager(actor);
  const now = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const head = await sql.rubric(tx, year, true);
    if (!head) throw noRubric(year);
    if (head.status !== from) {
      throw conflict({ zh: `当前状态（${head.status}）不能执行此操作`, en: `Not possible while the assessment is ${head.status}` }, { status: head.status });
    }
    if (action === 'review') await sql.setReviewed(tx, year, userId(actor), note, now);
    else if (action === 'return') await sql.toDraft(tx, year, now);
    else await sql.setPublished(tx, year, userId(actor), now);
    await appendAudit(tx, ctx.clock, { actor, action: `assessment.${action}`, targetType: 'assessment', targetId: String(year), details: { runId: head.current_run_id, ...(note ? { note } : {}) } });
  });
  return getRubric(ctx, actor, year);
}

export const review = (ctx: AppContext, actor: Actor, year: number, note: string | null) => transition(ctx, actor, year, 'computed', 'review', note);
export const returnToDraft = (ctx: AppContext, actor: Actor, year: number, note: string | null) => transition(ctx, actor, year, 'reviewed', 'return', note);
export const publish = (ctx: AppContext, actor: Actor, year: number) => transition(ctx, actor, year, 'reviewed', 'publish', null);

interface Visible {
  head: sql.RubricRow;
  run: sql.RunRow | null;
  published: boolean;
}

/**
 * Which run the caller reads: the city office reads the working result; everyone else reads the
 * published one. Before publication an area desk reads only its own area's working result, so it
 * can check its inputs; other readers see nothing.
 */
async function visibleRun(ctx: AppContext, actor: Actor, year: number): Promise<Visible> {
  const head = await sql.rubric(ctx.db, year);
  if (!head) throw noRubric(year);
  const published = head.status === 'published';
  if (isManager(actor) || published) {
    const id = published ? head.published_run_id : head.current_run_id;
    return { head, run: id ? await sql.run(ctx.db, id) : null, published };
  }
  if (actor.scope !== CITY_CODE && head.current_run_id) return { head, run: await sql.run(ctx.db, head.current_run_id), published: false };
  return { head, run: null, published: false };
}

/** May the caller open this area's score card? */
function mayOpen(actor: Actor, code: string): boolean {
  return actor.scope === CITY_CODE || actor.scope === code;
}

const prevOf = (prev: AssessmentResult | null, code: string) => {
  const a = prev?.areas.find((x) => x.code === code);
  return a ? { total: a.total, grade: a.grade, rank: a.rank } : null;
};

/** The ranking (or, before publication for an area desk, its own row), with last year's totals beside it. */
export async function results(ctx: AppContext, actor: Actor, year: number): Promise<ResultsView> {
  const v = await visibleRun(ctx, actor, year);
  const prev = await sql.previousPublished(ctx.db, year);
  const prevResult = (prev?.run.result as AssessmentResult | undefined) ?? null;
  const result = (v.run?.result as AssessmentResult | undefined) ?? null;
  const inputs = (v.run?.inputs as AssessmentInputs | undefined) ?? null;
  const ownOnly = !isManager(actor) && !v.published;
  const areas = (result?.areas ?? [])
    .filter((a) => !ownOnly || a.code === actor.scope)
    .sort((a, b) => a.rank - b.rank || SCORED_AREAS.indexOf(a.code) - SCORED_AREAS.indexOf(b.code))
    .map((a) => {
      const open = mayOpen(actor, a.code);
      return {
        code: a.code,
        name: areaName(a.code),
        base: a.base,
        bonus: a.bonus,
        deduction: a.deduction,
        total: a.total,
        grade: a.grade,
        rank: ownOnly ? null : a.rank,
        points: open ? Object.fromEntries([...a.indicators.map((i) => [String(i.id), i.points] as const), ...a.adjustments.map((x) => [String(x.id), x.points] as const)]) : {},
        missing: open ? a.indicators.filter((i) => i.missing).map((i) => i.id) : [],
        detail: open,
        previous: prevOf(prevResult, a.code),
      };
    });
  return {
    year,
    status: v.head.status,
    published: v.published,
    run: v.run ? runRef(v.run) : null,
    previousYear: prev?.year ?? null,
    indicators: (inputs?.indicators ?? []).map((i) => ({ id: i.id, kind: i.kind, dimension: i.dimension, name: i.name, points: i.points })),
    areas,
    inputsChanged: v.published || isManager(actor) ? flagView(v.head.inputs_changed) : null,
  };
}

/** One area's score card: each indicator's inputs, the rule applied, its points and where the inputs come from. */
export async function areaCard(ctx: AppContext, actor: Actor, year: number, code: string): Promise<AreaCard> {
  if (!mayOpen(actor, code)) throw notFound({ zh: '无权查看其他县区的考核明细', en: 'Another area’s score card is not yours to see' });
  const v = await visibleRun(ctx, actor, year);
  if (!v.run) throw notFound({ zh: '考核结果尚未公布', en: 'The assessment result is not published yet' });
  const inputs = v.run.inputs as AssessmentInputs;
  const result = v.run.result as AssessmentResult;
  const a = result.areas.find((x) => x.code === code) as AreaResult;
  const prev = await sql.previousPublished(ctx.db, year);
  const prevInputs = (prev?.run.inputs as AssessmentInputs | undefined) ?? null;
  const prevArea = (prev?.run.result as AssessmentResult | undefined)?.areas.find((x) => x.code === code) ?? null;
  const meta = new Map((await sql.indicators(ctx.db, year)).map((r) => [r.id, r]));
  const ownOnly = !isManager(actor) && !v.published;
  const indicators = inputs.indicators
    .slice()
    .sort((x, y) => x.seq - y.seq)
    .map((ind) => {
      const key = String(ind.id);
      const score = a.indicators.find((s) => s.id === ind.id);
      const adj = a.adjustments.find((s) => s.id === ind.id);
      const input = inputs.values[key]?.[code];
      const row = meta.get(ind.id);
      const prevInd = prevInputs?.indicators.find((p) => p.name === ind.name && p.kind === ind.kind);
      const prevScore = prevInd ? (prevArea?.indicators.find((s) => s.id === prevInd.id)?.points ?? prevArea?.adjustments.find((s) => s.id === prevInd.id)?.points ?? null) : null;
      const prevValue = prevInd ? (prevInputs?.values[String(prevInd.id)]?.[code]?.value ?? prevInputs?.entries[String(prevInd.id)]?.[code]?.[0]?.points ?? null) : null;
      return {
        id: ind.id,
        seq: ind.seq,
        kind: ind.kind,
        dimension: ind.dimension,
        name: ind.name,
        points: ind.points,
        source: ind.source,
        metric: ind.metric,
        metricName: ind.metric && isMetric(ind.metric) ? METRIC_DEFINITIONS[ind.metric].name : null,
        rule: ind.rule,
        better: ind.better,
        target: ind.target,
        targets: ind.targets,
        bands: ind.bands,
        evidence: row?.evidence ?? '',
        value: score?.value ?? null,
        count: input?.count ?? null,
        detail: input?.detail ?? null,
        appliedTarget: score?.target ?? null,
        score: score?.points ?? adj?.points ?? 0,
        capped: adj?.capped ?? false,
        missing: score?.missing ?? false,
        note: score?.note ?? (adj ? { zh: adj.capped ? `合计超过上限，按 ${ind.points} 分计` : '按录入事由逐项累计', en: adj.capped ? `capped at ${ind.points}` : 'sum of the entries' } : { zh: '', en: '' }),
        drill: input?.drill ?? null,
        entries: (inputs.entries[key]?.[code] ?? []).map((e) => ({ points: e.points, reason: e.reason })),
        previous: prevInd && prevScore !== null ? { value: prevValue, score: prevScore } : null,
      };
    });
  const flag = flagView(v.head.inputs_changed);
  return {
    year,
    status: v.head.status,
    published: v.published,
    run: runRef(v.run),
    area: { code, name: areaName(code) },
    base: a.base,
    bonus: a.bonus,
    deduction: a.deduction,
    total: a.total,
    grade: a.grade,
    rank: ownOnly ? null : a.rank,
    of: result.areas.length,
    previous: prevArea ? { total: prevArea.total, grade: prevArea.grade, rank: prevArea.rank } : null,
    indicators,
    changed: (flag?.changes ?? []).filter((c) => c.area === code),
  };
}

/**
 * What the XLSX sheet holds for the caller: the same areas and details the ranking shows them (an
 * area desk: every area's total once published, indicator points and inputs of its own area only).
 */
export async function exportData(ctx: AppContext, actor: Actor, year: number) {
  const v = await visibleRun(ctx, actor, year);
  if (!v.run) throw notFound({ zh: '尚无可导出的考核结果', en: 'No result to export yet' });
  const run = v.run;
  await ctx.db.tx((tx) => appendAudit(tx, ctx.clock, { actor, action: 'assessment.export', targetType: 'assessment', targetId: String(year), details: { runId: run.id, sha256: run.inputs_sha256 } }));
  const result = run.result as AssessmentResult;
  const ownOnly = !isManager(actor) && !v.published;
  return {
    head: v.head,
    run,
    published: v.published,
    inputs: run.inputs as AssessmentInputs,
    result: { ...result, areas: result.areas.filter((a) => !ownOnly || a.code === actor.scope).map((a) => (ownOnly ? { ...a, rank: 0 } : a)) },
    detail: (code: string) => mayOpen(actor, code),
  };
}

// ---- 表彰奖励 ----

const commendationView = (r: sql.CommendationRow): z.infer<typeof schema.commendationView> => ({
  id: r.id,
  year: r.year,
  kind: r.kind,
  areaCode: r.area_code,
  areaName: r.area_code ? areaName(r.area_code) : null,
  orgId: r.org_id,
  unitName: r.unit_name,
  personName: r.person_name,
  honour: r.honour,
  docNo: r.doc_no,
  awardedOn: r.awarded_on,
  note: r.note,
  isDemo: r.is_demo,
});

export async function listCommendations(ctx: AppContext, q: z.infer<typeof schema.commendationQuery>) {
  return { items: (await sql.commendations(ctx.db, q)).map(commendationView) };
}

async function commendationFields(q: Queryable, b: z.infer<typeof schema.commendationBody>): Promise<sql.CommendationFields> {
  if (b.orgId && !(await sql.orgExists(q, b.orgId))) throw invalid({ zh: '没有这个单位', en: 'No such organisation' }, [{ field: 'orgId', message: { zh: '单位不存在', en: 'unknown organisation' } }]);
  return { year: b.year, kind: b.kind, areaCode: b.areaCode ?? null, orgId: b.orgId ?? null, unitName: b.unitName, personName: b.personName ?? null, honour: b.honour, docNo: b.docNo, awardedOn: b.awardedOn, note: b.note ?? '' };
}

export async function createCommendation(ctx: AppContext, actor: Actor, b: z.infer<typeof schema.commendationBody>, isDemo = false) {
  requireManager(actor);
  const id = await ctx.db.tx(async (tx) => {
    const f = await commendationFields(tx, b);
    const newId = await sql.insertCommendation(tx, f, isDemo, userId(actor), ctx.clock.now());
    await appendAudit(tx, ctx.clock, { actor, action: 'assessment.commendation.create', targetType: 'assessment_commendation', targetId: String(newId), after: f, details: { year: f.year, kind: f.kind } });
    return newId;
  });
  return commendationView((await sql.commendation(ctx.db, id)) as sql.CommendationRow);
}

export async function updateCommendation(ctx: AppContext, actor: Actor, id: number, b: z.infer<typeof schema.commendationBody>) {
  requireManager(actor);
  await ctx.db.tx(async (tx) => {
    const before = await sql.commendation(tx, id);
    if (!before) throw notFound();
    const f = await commendationFields(tx, b);
    await sql.updateCommendation(tx, id, f, ctx.clock.now());
    await appendAudit(tx, ctx.clock, { actor, action: 'assessment.commendation.edit', targetType: 'assessment_commendation', targetId: String(id), before, after: f });
  });
  return commendationView((await sql.commendation(ctx.db, id)) as sql.CommendationRow);
}

export async function deleteCommendation(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  requireManager(actor);
  await ctx.db.tx(async (tx) => {
    const before = await sql.commendation(tx, id);
    if (!before) throw notFound();
    await sql.deleteCommendation(tx, id);
    await appendAudit(tx, ctx.clock, { actor, action: 'assessment.commendation.delete', targetType: 'assessment_commendation', targetId: String(id), before });
  });
}
