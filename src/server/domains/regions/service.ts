import populationData from '../../../../data/reference/population.json';
import { AREAS } from '../../../shared/validators';
import { scopeFilter, type Actor } from '../../actor';
import type { AppContext } from '../../context';
import type { Queryable } from '../../db/db';
import { notFound } from '../../errors';
import { appendAudit } from '../identity/audit/service';
import * as sql from './queries';
import type { AreaView, FigureBody } from './schema';

const figureView = (f: sql.FigureRow) => ({
  year: f.year,
  population: f.population,
  source: f.source,
  isEstimate: f.is_estimate,
  note: f.note,
  updatedAt: f.updated_at.toISOString(),
});

function inScope(actor: Actor, code: string): boolean {
  const scope = scopeFilter(actor);
  return scope === null || scope.includes(code);
}

function view(a: sql.AreaRow, figures: sql.FigureRow[], actor: Actor): AreaView {
  const latest = figures[0];
  return {
    code: a.code,
    name: a.name,
    shortName: a.short_name,
    nameEn: a.name_en,
    kind: a.kind,
    parentCode: a.parent_code,
    statCode: a.stat_code,
    latest: latest ? figureView(latest) : null,
    inScope: inScope(actor, a.code),
  };
}

/** Reference data is the same for everyone; only editing is scoped. */
export async function listAreas(ctx: AppContext, actor: Actor): Promise<AreaView[]> {
  const [areas, figures] = await Promise.all([sql.listAreas(ctx.db), sql.allFigures(ctx.db)]);
  return areas.map((a) => view(a, figures.filter((f) => f.area_code === a.code), actor));
}

export async function getArea(ctx: AppContext, actor: Actor, code: string) {
  const area = await sql.findArea(ctx.db, code);
  if (!area) throw notFound({ zh: `没有这个地区：${code}`, en: `No such area: ${code}` });
  const figures = await sql.figuresOf(ctx.db, code);
  return { ...view(area, figures, actor), population: figures.map(figureView) };
}

const outOfScope = (code: string) => notFound({ zh: `地区不存在或不在您的管辖范围内：${code}`, en: `Area not found or outside your scope: ${code}` });

export async function saveFigure(ctx: AppContext, actor: Actor, code: string, year: number, body: FigureBody) {
  return ctx.db.tx(async (tx) => {
    const before = (await sql.figuresOf(tx, code)).find((f) => f.year === year);
    const ok = await sql.upsertFigure(
      tx,
      { code, year, population: body.population, source: body.source, isEstimate: body.isEstimate, note: body.note ?? null, by: actor.kind === 'user' ? actor.id : null, at: ctx.clock.now() },
      scopeFilter(actor),
    );
    if (!ok) throw outOfScope(code);
    const after = (await sql.figuresOf(tx, code)).find((f) => f.year === year);
    await appendAudit(tx, ctx.clock, {
      actor,
      action: 'population.save',
      targetType: 'area_population',
      targetId: `${code}/${year}`,
      before: before ? figureView(before) : undefined,
      after: after ? figureView(after) : undefined,
      details: { population: body.population, isEstimate: body.isEstimate },
    });
    return after ? figureView(after) : null;
  });
}

export async function deleteFigure(ctx: AppContext, actor: Actor, code: string, year: number): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const before = (await sql.figuresOf(tx, code)).find((f) => f.year === year);
    if (!(await sql.deleteFigure(tx, code, year, scopeFilter(actor)))) throw outOfScope(`${code}/${year}`);
    await appendAudit(tx, ctx.clock, { actor, action: 'population.delete', targetType: 'area_population', targetId: `${code}/${year}`, before: before ? figureView(before) : undefined });
  });
}

/**
 * Brings the areas table in line with data/reference/regions.json and loads the population figures
 * that have a named source. Runs at every start; idempotent.
 */
export async function syncReference(q: Queryable): Promise<void> {
  let sort = 0;
  for (const a of AREAS) {
    await sql.upsertArea(q, { code: a.code, name: a.name, short_name: a.shortName, name_en: a.nameEn, kind: a.kind, parent_code: a.parent, stat_code: a.statCode ?? null, sort: sort++ });
  }
  for (const f of populationData.figures) {
    await sql.insertFigureIfMissing(q, { code: f.area, year: f.year, population: f.population, source: populationData.source, isEstimate: false, note: f.note });
  }
}
