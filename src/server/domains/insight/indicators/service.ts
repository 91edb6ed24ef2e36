import { indicatorDrill } from '../../../../shared/insight/drill';
import { INDICATOR_DEFINITIONS, INDICATORS, type IndicatorCode } from '../../../../shared/insight/indicators';
import { yearInChina } from '../../../../shared/registry/normalise';
import { AREAS, CITY_CODE, areaByCode } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { notFound } from '../../../errors';
import { appendAudit } from '../../identity/audit/service';
import { figuresForYear } from '../../regions/service';
import { cityCounts, countsForYear, type AreaCounts } from '../../registry/stats/service';
import * as sql from './queries';
import type { AreaIndicators, IndicatorTable, IndicatorValue, TargetBody } from './schema';

/** The counted records behind each indicator. */
const COUNT_OF: Record<IndicatorCode, keyof AreaCounts> = {
  high_value_per_10k: 'highValueInventions',
  inventions_per_10k: 'inventionsInForce',
  high_value_inventions: 'highValueInventions',
  valid_inventions: 'inventionsInForce',
  invention_grants: 'inventionGrants',
  trademarks_per_10k_entities: 'trademarksInForce',
  valid_trademarks: 'trademarksInForce',
  pct_filings: 'pctFilings',
  gis: 'gis',
};

export const currentYear = (ctx: AppContext) => yearInChina(ctx.clock.now().getTime());

type Denominator = NonNullable<IndicatorValue['denominator']>;
type Figures = Awaited<ReturnType<typeof figuresForYear>>;

const COUNTY_LEVEL = AREAS.filter((a) => a.kind === 'county' || a.kind === 'district');

/** The area's own figure; for the city without one, the sum of its ten counties and districts when all have one. */
function denominatorOf(figures: Figures, code: string): Denominator | null {
  const own = figures.get(code);
  if (own) return { ...own, summed: false };
  if (code !== CITY_CODE) return null;
  const parts = COUNTY_LEVEL.map((a) => figures.get(a.code));
  if (parts.some((p) => !p)) return null;
  const list = parts as NonNullable<(typeof parts)[number]>[];
  return {
    value: list.reduce((s, p) => s + p.value, 0),
    year: Math.max(...list.map((p) => p.year)),
    isEstimate: list.some((p) => p.isEstimate),
    source: [...new Set(list.map((p) => p.source))].join('; '),
    summed: true,
  };
}

/** The areas an actor may see figures of: the city and every area, or only its own. */
export function areasInScope(actor: Actor): string[] {
  const scope = scopeFilter(actor);
  return scope ?? [CITY_CODE, ...AREAS.filter((a) => a.kind !== 'city').map((a) => a.code)];
}

export function assertAreaInScope(actor: Actor, area: string): void {
  if (!areaByCode(area) || !areasInScope(actor).includes(area)) throw notFound({ zh: `地区不存在或不在您的管辖范围内：${area}`, en: `Area not found or outside your scope: ${area}` });
}

/**
 * Every indicator for the city and each area in the caller's scope (or the one area asked for),
 * for a year: value, the count behind it, the denominator used, target and progress, and the link
 * to the list of counted records.
 */
export async function indicatorTable(ctx: AppContext, actor: Actor, opts: { year?: number | undefined; area?: string | undefined } = {}): Promise<IndicatorTable> {
  const year = opts.year ?? currentYear(ctx);
  if (opts.area) assertAreaInScope(actor, opts.area);
  const codes = opts.area ? [opts.area] : areasInScope(actor);
  const [counts, population, entities, targets] = await Promise.all([
    countsForYear(ctx, year),
    figuresForYear(ctx, 'population', year),
    figuresForYear(ctx, 'entities', year),
    sql.targetsOfYear(ctx.db, year),
  ]);
  const targetOf = new Map(targets.map((t) => [`${t.indicator}|${t.area_code}`, Number(t.target)]));
  const city = cityCounts(counts);
  const areas: AreaIndicators[] = codes.map((code) => {
    const area = areaByCode(code);
    const c = code === CITY_CODE ? city : (counts.get(code) ?? cityCounts(new Map()));
    const values = Object.fromEntries(
      INDICATORS.map((ind) => {
        const def = INDICATOR_DEFINITIONS[ind];
        const count = c[COUNT_OF[ind]];
        const denominator = def.per ? denominatorOf(def.per === 'population' ? population : entities, code) : null;
        const value = def.per ? (denominator ? round((count / denominator.value) * 10_000) : null) : count;
        const target = targetOf.get(`${ind}|${code}`) ?? null;
        const v: IndicatorValue = {
          value,
          count,
          denominator,
          target,
          progress: target && value !== null ? round(value / target) : null,
          drill: indicatorDrill(ind, code === CITY_CODE ? null : code, year),
        };
        return [ind, v];
      }),
    ) as AreaIndicators['values'];
    return { code, name: area?.name ?? code, nameEn: area?.nameEn ?? code, kind: area?.kind ?? 'unresolved', values };
  });
  return { year, definitions: INDICATORS.map((code) => ({ code, ...INDICATOR_DEFINITIONS[code] })), areas };
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;

const targetView = (t: sql.TargetRow) => ({ indicator: t.indicator as IndicatorCode, area: t.area_code, year: t.year, target: Number(t.target), note: t.note, updatedAt: t.updated_at.toISOString() });

/** Sets the target of an indicator for an area and year (city office); audited. */
export async function saveTarget(ctx: AppContext, actor: Actor, indicator: IndicatorCode, area: string, year: number, body: TargetBody) {
  assertAreaInScope(actor, area);
  return ctx.db.tx(async (tx) => {
    const before = await sql.findTarget(tx, indicator, area, year);
    await sql.upsertTarget(tx, { indicator, area, year, target: body.target, note: body.note ?? null, by: actor.kind === 'user' ? actor.id : null, at: ctx.clock.now() });
    const after = await sql.findTarget(tx, indicator, area, year);
    await appendAudit(tx, ctx.clock, {
      actor,
      action: 'indicator.target.save',
      targetType: 'indicator_target',
      targetId: `${indicator}/${area}/${year}`,
      before: before ? targetView(before) : undefined,
      after: after ? targetView(after) : undefined,
    });
    return targetView(after as sql.TargetRow);
  });
}

export async function deleteTarget(ctx: AppContext, actor: Actor, indicator: IndicatorCode, area: string, year: number): Promise<void> {
  assertAreaInScope(actor, area);
  await ctx.db.tx(async (tx) => {
    const before = await sql.findTarget(tx, indicator, area, year);
    if (!before || !(await sql.deleteTarget(tx, indicator, area, year))) throw notFound({ zh: '没有这个目标值', en: 'No such target' });
    await appendAudit(tx, ctx.clock, { actor, action: 'indicator.target.delete', targetType: 'indicator_target', targetId: `${indicator}/${area}/${year}`, before: targetView(before) });
  });
}
