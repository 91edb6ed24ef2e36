import type { z } from 'zod';
import { canonicalJson } from '../../../../shared/canonical-json';
import { hasPermission } from '../../../../shared/roles';
import { AREAS, CITY_CODE, areaByCode } from '../../../../shared/validators';
import {
  DEFAULT_SYSTEM,
  areaMean,
  betterOf,
  checkSystem,
  computeEvaluation,
  type AreaResult,
  type EvaluationDimension,
  type EvaluationInput,
} from '../../../../shared/workplan/evaluation';
import type { MetricCode } from '../../../../shared/workplan/metrics';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { sha256 } from '../../../crypto';
import { invalid, notFound } from '../../../errors';
import { appendAudit } from '../../identity/audit/service';
import { metricByArea } from '../metrics/service';
import { satisfactionIndexByArea } from '../survey/service';
import * as sql from './queries';
import type * as schema from './schema';

type View = z.infer<typeof schema.evaluationView>;
type RunView = z.infer<typeof schema.runView>;
type Inputs = Record<string, Record<string, EvaluationInput>>;

/** The areas scored: every county, district and zone (the city is their average, not a peer). */
export const EVALUATED_AREAS: readonly string[] = AREAS.filter((a) => a.code !== CITY_CODE).map((a) => a.code);

const noSystem = (year: number) => notFound({ zh: `${year} 年尚未设置评估指标体系`, en: `No index system for ${year} yet` });

/** Saved systems carry the metric's own direction, so the stored document says what was computed. */
function normaliseSystem(dimensions: EvaluationDimension[]): EvaluationDimension[] {
  return dimensions.map((d) => ({
    ...d,
    indicators: d.indicators.map((i) => ({ ...i, metric: i.source === 'metric' ? i.metric : null, better: betterOf(i), benchmark: i.method === 'benchmark' ? i.benchmark : null })),
  }));
}

/** Every input the system needs, per indicator and area, each figure with where it came from. */
async function gatherInputs(ctx: AppContext, year: number, dimensions: EvaluationDimension[]): Promise<Inputs> {
  const indicators = dimensions.flatMap((d) => d.indicators);
  const metrics = new Map<MetricCode, Awaited<ReturnType<typeof metricByArea>>>();
  for (const i of indicators) if (i.source === 'metric' && i.metric && !metrics.has(i.metric)) metrics.set(i.metric, await metricByArea(ctx, i.metric, year));
  const satisfaction = indicators.some((i) => i.source === 'satisfaction') ? await satisfactionIndexByArea(ctx, year) : null;
  const manual = indicators.some((i) => i.source === 'manual') ? await sql.manualValues(ctx.db, year, null) : [];
  const manualBy = new Map(manual.map((m) => [`${m.indicator_key}|${m.area_code}`, m]));
  const out: Inputs = {};
  for (const i of indicators) {
    const perArea: Record<string, EvaluationInput> = {};
    for (const area of EVALUATED_AREAS) {
      if (i.source === 'metric' && i.metric) {
        const m = metrics.get(i.metric)?.get(area);
        perArea[area] = { value: m?.value ?? null, count: m?.count ?? 0, drill: m?.drill ?? null, note: null };
      } else if (i.source === 'satisfaction') {
        const s = satisfaction?.get(area);
        perArea[area] = { value: s?.value ?? null, count: s?.responses ?? 0, drill: s?.surveyId ? { path: `/workplan/surveys/${s.surveyId}`, query: { area } } : null, note: null };
      } else {
        const m = manualBy.get(`${i.key}|${area}`);
        perArea[area] = { value: m ? Number(m.value) : null, count: null, drill: null, note: m?.note ?? null };
      }
    }
    out[i.key] = perArea;
  }
  return out;
}

const hashOf = (year: number, system: { title: string; dimensions: EvaluationDimension[] }, inputs: Inputs) => sha256(canonicalJson({ year, system, inputs, areas: EVALUATED_AREAS }));

async function computeLive(ctx: AppContext, year: number, system: { title: string; dimensions: EvaluationDimension[] }) {
  const inputs = await gatherInputs(ctx, year, system.dimensions);
  const results = computeEvaluation(system.dimensions, inputs, EVALUATED_AREAS);
  return { inputs, results, hash: hashOf(year, system, inputs) };
}

/**
 * The overall protection-level index (0–100) per area for a year: the latest computed run, or a
 * live computation when none is stored. CITY_CODE carries the mean over the areas. The
 * assessment reads it.
 */
export async function protectionIndexByArea(ctx: AppContext, year: number): Promise<Map<string, { value: number | null }>> {
  const out = new Map<string, { value: number | null }>();
  let results: AreaResult[] | null = (await sql.latestRun(ctx.db, year))?.results ?? null;
  if (!results) {
    const system = await sql.systemOf(ctx.db, year);
    if (!system) return out;
    results = (await computeLive(ctx, year, { title: system.title, dimensions: system.dimensions })).results;
  }
  for (const r of results) out.set(r.area, { value: r.overall });
  out.set(CITY_CODE, { value: areaMean(results.map((r) => r.overall)) });
  return out;
}

function runView(run: sql.RunRow, actor: Actor, stale: boolean): RunView {
  const scope = scopeFilter(actor);
  const keys = run.system.dimensions.map((d) => d.key);
  return {
    id: run.id,
    computedAt: run.computed_at.toISOString(),
    computedBy: run.computed_by_name,
    inputsHash: run.inputs_hash,
    isDemo: run.is_demo,
    stale,
    system: run.system,
    areas: run.results.map((r) => ({
      area: r.area,
      areaName: areaByCode(r.area)?.name ?? r.area,
      overall: r.overall,
      rank: r.rank,
      coverage: r.coverage,
      dimensions: r.dimensions,
      // A county desk sees the ranking of all areas but the inputs of its own only.
      indicators:
        scope && !scope.includes(r.area)
          ? null
          : r.indicators.map((i) => {
              const input = run.inputs[i.key]?.[r.area];
              return { ...i, count: input?.count ?? null, drill: input?.drill ?? null, note: input?.note ?? null };
            }),
    })),
    cityAverage: {
      overall: areaMean(run.results.map((r) => r.overall)),
      dimensions: keys.map((key) => ({ key, score: areaMean(run.results.map((r) => r.dimensions.find((d) => d.key === key)?.score ?? null)) })),
    },
  };
}

/** The year's system, manual figures, and the latest (or a chosen) run, cut to the caller's area. */
export async function getEvaluation(ctx: AppContext, actor: Actor, year: number, runId?: number): Promise<View> {
  const scope = scopeFilter(actor);
  const system = await sql.systemOf(ctx.db, year);
  const manual = system ? await sql.manualValues(ctx.db, year, scope) : [];
  const run = runId ? await sql.runById(ctx.db, year, runId) : await sql.latestRun(ctx.db, year);
  if (runId && !run) throw notFound({ zh: '没有这次计算记录', en: 'No such run' });
  const stale = !!run && !!system && system.inputs_changed_at > run.computed_at;
  return {
    year,
    system: system ? { year, title: system.title, dimensions: system.dimensions, isDemo: system.is_demo, updatedBy: system.updated_by_name, updatedAt: system.updated_at.toISOString() } : null,
    manual: manual.map((m) => ({ indicatorKey: m.indicator_key, areaCode: m.area_code, value: Number(m.value), note: m.note, enteredBy: m.entered_by_name, enteredAt: m.entered_at.toISOString() })),
    run: run ? runView(run, actor, stale) : null,
    runs: (await sql.runsOf(ctx.db, year)).map((r) => ({ id: r.id, inputsHash: r.inputs_hash, computedBy: r.computed_by_name, computedAt: r.computed_at.toISOString(), isDemo: r.is_demo })),
    canManage: hasPermission(actor.roles, 'evaluation.manage'),
    scope: scope ? scope[0]! : null,
  };
}

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);

/** Saves the year's index system after checking the weights add up. */
export async function saveSystem(ctx: AppContext, actor: Actor, year: number, body: schema.SystemBody, opts: { isDemo?: boolean } = {}): Promise<View> {
  const dimensions = normaliseSystem(body.dimensions as EvaluationDimension[]);
  const problems = checkSystem(dimensions);
  if (problems.length) throw invalid({ zh: '指标体系有误：' + problems[0]!.message.zh, en: 'The index system is not valid: ' + problems[0]!.message.en }, problems.map((p) => ({ field: `body.${p.field}`, message: `${p.message.zh} / ${p.message.en}` })));
  await ctx.db.tx(async (tx) => {
    const before = await sql.systemOf(tx, year, true);
    await sql.upsertSystem(tx, year, body.title, dimensions, userIdOf(actor), ctx.clock.now(), opts.isDemo ?? false);
    await appendAudit(tx, ctx.clock, {
      actor,
      action: 'evaluation.system.save',
      targetType: 'evaluation_system',
      targetId: String(year),
      before: before ? { title: before.title, dimensions: before.dimensions } : undefined,
      after: { title: body.title, dimensions },
      details: { dimensions: dimensions.length, indicators: dimensions.reduce((s, d) => s + d.indicators.length, 0) },
    });
  });
  return getEvaluation(ctx, actor, year);
}

export const useDefault = (ctx: AppContext, actor: Actor, year: number, opts: { isDemo?: boolean } = {}) => saveSystem(ctx, actor, year, DEFAULT_SYSTEM, opts);

/** Enters, corrects or clears manual figures; each must belong to a manual indicator of the year's system. */
export async function setManualValues(ctx: AppContext, actor: Actor, year: number, body: z.infer<typeof schema.manualBody>, opts: { isDemo?: boolean } = {}): Promise<View> {
  await ctx.db.tx(async (tx) => {
    const system = await sql.systemOf(tx, year, true);
    if (!system) throw noSystem(year);
    const manualKeys = new Set(system.dimensions.flatMap((d) => d.indicators.filter((i) => i.source === 'manual').map((i) => i.key)));
    const wrong = body.values.map((v, n) => ({ v, n })).filter(({ v }) => !manualKeys.has(v.indicatorKey));
    if (wrong.length)
      throw invalid(
        { zh: '只能为本年度指标体系中的“手工填报”指标录入数值', en: 'Figures can only be entered for manual indicators of the year’s system' },
        wrong.map(({ v, n }) => ({ field: `body.values.${n}.indicatorKey`, message: `${v.indicatorKey} 不是手工填报指标 / is not a manual indicator` })),
      );
    const at = ctx.clock.now();
    for (const v of body.values) {
      if (v.value === null) await sql.clearManual(tx, year, v.indicatorKey, v.areaCode);
      else await sql.setManual(tx, year, { indicatorKey: v.indicatorKey, areaCode: v.areaCode, value: v.value, note: v.note ?? null }, userIdOf(actor), at, opts.isDemo ?? false);
    }
    await sql.touchInputs(tx, year, at);
    await appendAudit(tx, ctx.clock, {
      actor,
      action: 'evaluation.manual.set',
      targetType: 'evaluation_system',
      targetId: String(year),
      details: { values: body.values.map((v) => ({ indicator: v.indicatorKey, area: v.areaCode, value: v.value })) },
    });
  });
  return getEvaluation(ctx, actor, year);
}

/** Computes the year's evaluation from the current system and data and stores it as a run. */
export async function compute(ctx: AppContext, actor: Actor, year: number, opts: { isDemo?: boolean } = {}): Promise<View> {
  const system = await sql.systemOf(ctx.db, year);
  if (!system) throw noSystem(year);
  const snapshot = { title: system.title, dimensions: system.dimensions };
  const { inputs, results, hash } = await computeLive(ctx, year, snapshot);
  const id = await ctx.db.tx(async (tx) => {
    const runId = await sql.insertRun(tx, { year, system: snapshot, inputs, results, hash, userId: userIdOf(actor), at: ctx.clock.now(), isDemo: opts.isDemo ?? false });
    await appendAudit(tx, ctx.clock, { actor, action: 'evaluation.compute', targetType: 'evaluation_run', targetId: String(runId), details: { year, inputsHash: hash } });
    return runId;
  });
  return getEvaluation(ctx, actor, year, id);
}

/** Recomputes a stored run from its own snapshot: the hash and every score must come out the same. */
export async function verifyRun(ctx: AppContext, year: number, id: number): Promise<z.infer<typeof schema.verifyView>> {
  const run = await sql.runById(ctx.db, year, id);
  if (!run) throw notFound({ zh: '没有这次计算记录', en: 'No such run' });
  const recomputedHash = hashOf(year, run.system, run.inputs);
  const results = computeEvaluation(run.system.dimensions, run.inputs, EVALUATED_AREAS);
  return { id, inputsHash: run.inputs_hash, recomputedHash, hashMatches: recomputedHash === run.inputs_hash, resultsMatch: canonicalJson(results) === canonicalJson(run.results) };
}
