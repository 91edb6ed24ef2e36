import type { AppContext } from '../../../context';
import * as sql from './queries';

export type { PatentFilter } from './queries';

/** Per area, the counts that indicators of year y are made of. Keys are area codes, 'unresolved', 'outside'. */
export interface AreaCounts {
  inventionsInForce: number;
  highValueInventions: number;
  inventionGrants: number;
  pctFilings: number;
  trademarksInForce: number;
  gis: number;
}

const ZERO: AreaCounts = { inventionsInForce: 0, highValueInventions: 0, inventionGrants: 0, pctFilings: 0, trademarksInForce: 0, gis: 0 };

export async function countsForYear(ctx: AppContext, year: number): Promise<Map<string, AreaCounts>> {
  const [stock, extra, flows, marks, gis] = await Promise.all([
    sql.inventionStock(ctx.db, year),
    sql.highValueByPledgeOrAward(ctx.db, year),
    sql.patentFlows(ctx.db, year),
    sql.trademarkStock(ctx.db, year),
    sql.gisByArea(ctx.db, year),
  ]);
  const out = new Map<string, AreaCounts>();
  const at = (area: string) => {
    let c = out.get(area);
    if (!c) out.set(area, (c = { ...ZERO }));
    return c;
  };
  for (const r of stock) Object.assign(at(r.area), { inventionsInForce: r.in_force, highValueInventions: at(r.area).highValueInventions + r.high_value_base });
  for (const r of extra) at(r.area).highValueInventions += r.n;
  for (const r of flows) Object.assign(at(r.area), { inventionGrants: r.invention_grants, pctFilings: r.pct_filings });
  for (const r of marks) at(r.area).trademarksInForce = r.in_force;
  for (const r of gis) at(r.area).gis = r.gis;
  return out;
}

/** Sums the counts of the areas that make up the city (everything but 'outside'). */
export function cityCounts(counts: Map<string, AreaCounts>): AreaCounts {
  const sum = { ...ZERO };
  for (const [area, c] of counts) {
    if (area === 'outside') continue;
    for (const k of Object.keys(sum) as Array<keyof AreaCounts>) sum[k] += c[k];
  }
  return sum;
}

export const patentSeries = (ctx: AppContext, f: sql.PatentFilter) => sql.patentSeries(ctx.db, f);
export const patentsByArea = (ctx: AppContext, f: Omit<sql.PatentFilter, 'area'>) => sql.patentsByArea(ctx.db, f);
export const sectionMix = (ctx: AppContext, f: sql.PatentFilter) => sql.sectionMix(ctx.db, f);
export const industryMix = (ctx: AppContext, f: Omit<sql.PatentFilter, 'industry'>) => sql.industryMix(ctx.db, f);
export const trademarkSeries = (ctx: AppContext, area: string | null, from: number, to: number) => sql.trademarkSeries(ctx.db, area, from, to);
export const trademarksByArea = (ctx: AppContext, from: number, to: number) => sql.trademarksByArea(ctx.db, from, to);
export const gisByArea = (ctx: AppContext, year: number) => sql.gisByArea(ctx.db, year);
export const topHolders = (ctx: AppContext, f: Omit<sql.PatentFilter, 'industry'>, limit = 10) => sql.topHolders(ctx.db, f, limit);
export { industryNames } from '../search/facets';
