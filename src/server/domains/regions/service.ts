import populationData from '../../../../data/reference/population.json';
import { AREAS } from '../../../shared/validators';
import { scopeFilter, type Actor } from '../../actor';
import type { AppContext } from '../../context';
import type { Queryable } from '../../db/db';
import { notFound } from '../../errors';
import { appendAudit } from '../identity/audit/service';
import * as sql from './queries';
import type { AreaView } from './schema';

const figureBase = (f: sql.FigureRow) => ({ year: f.year, source: f.source, isEstimate: f.is_estimate, note: f.note, updatedAt: f.updated_at.toISOString() });
const figureView = (f: sql.FigureRow) => ({ ...figureBase(f), population: f.value });
const entityView = (f: sql.FigureRow) => ({ ...figureBase(f), entities: f.value });
const VIEWS = { population: figureView, entities: entityView } as const;
const AUDIT_TARGET = { population: 'area_population', entities: 'area_market_entities' } as const;

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
  const [figures, entities] = await Promise.all([sql.figuresOf(ctx.db, code), sql.figuresOf(ctx.db, code, 'entities')]);
  return { ...view(area, figures, actor), population: figures.map(figureView), marketEntities: entities.map(entityView) };
}

const outOfScope = (code: string) => notFound({ zh: `地区不存在或不在您的管辖范围内：${code}`, en: `Area not found or outside your scope: ${code}` });

/** A yearly figure an officer keeps for an area (population or market entities), within their scope; audited. */
export interface FigureInput {
  value: number;
  source: string;
  isEstimate: boolean;
  note?: string | undefined;
}

export async function saveFigure<K extends sql.FigureKind>(ctx: AppContext, actor: Actor, kind: K, code: string, year: number, body: FigureInput): Promise<ReturnType<(typeof VIEWS)[K]> | null> {
  const toView = VIEWS[kind] as (f: sql.FigureRow) => ReturnType<(typeof VIEWS)[K]>;
  return ctx.db.tx(async (tx) => {
    const before = (await sql.figuresOf(tx, code, kind)).find((f) => f.year === year);
    const ok = await sql.upsertFigure(
      tx,
      kind,
      { code, year, value: body.value, source: body.source, isEstimate: body.isEstimate, note: body.note ?? null, by: actor.kind === 'user' ? actor.id : null, at: ctx.clock.now() },
      scopeFilter(actor),
    );
    if (!ok) throw outOfScope(code);
    const after = (await sql.figuresOf(tx, code, kind)).find((f) => f.year === year);
    await appendAudit(tx, ctx.clock, {
      actor,
      action: `${kind}.save`,
      targetType: AUDIT_TARGET[kind],
      targetId: `${code}/${year}`,
      before: before ? toView(before) : undefined,
      after: after ? toView(after) : undefined,
      details: { value: body.value, isEstimate: body.isEstimate },
    });
    return after ? toView(after) : null;
  });
}

export async function deleteFigure(ctx: AppContext, actor: Actor, kind: sql.FigureKind, code: string, year: number): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const before = (await sql.figuresOf(tx, code, kind)).find((f) => f.year === year);
    if (!(await sql.deleteFigure(tx, kind, code, year, scopeFilter(actor)))) throw outOfScope(`${code}/${year}`);
    await appendAudit(tx, ctx.clock, { actor, action: `${kind}.delete`, targetType: AUDIT_TARGET[kind], targetId: `${code}/${year}`, before: before ? VIEWS[kind](before) : undefined });
  });
}

/** Per area, the figure that a statistic of year y divides by (see sql.figuresForYear). */
export async function figuresForYear(ctx: AppContext, kind: sql.FigureKind, year: number) {
  const rows = await sql.figuresForYear(ctx.db, kind, year);
  return new Map(rows.map((f) => [f.area_code, { value: f.value, year: f.year, source: f.source, isEstimate: f.is_estimate }]));
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
    await sql.insertFigureIfMissing(q, 'population', { code: f.area, year: f.year, value: f.population, source: populationData.source, isEstimate: false, note: f.note });
  }
}
