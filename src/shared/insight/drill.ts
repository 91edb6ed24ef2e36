import type { IndicatorCode } from './indicators';

/**
 * Every figure links to the data-centre list of the records it counted. These build those links,
 * for the server (which returns them with figures) and the web app (chart elements) alike.
 */
/** A record list of the data centre: its page and query string. */
export interface DrillLink {
  path: '/registry/patents' | '/registry/trademarks' | '/registry/gis';
  query: Record<string, string>;
}

/** Narrows a list to an area, or to everything held in Xinyang for the city. */
export const where = (area: string | null): Record<string, string> => (area ? { county: area } : { local: '1' });

/** The list of the records an indicator counted for an area (null: the city) and year. */
export function indicatorDrill(code: IndicatorCode, area: string | null, year: number): DrillLink {
  const y = String(year);
  switch (code) {
    case 'high_value_per_10k':
    case 'high_value_inventions':
      return { path: '/registry/patents', query: { highValue: y, ...where(area) } };
    case 'inventions_per_10k':
    case 'valid_inventions':
      return { path: '/registry/patents', query: { type: 'invention', inForce: y, ...where(area) } };
    case 'invention_grants':
      return { path: '/registry/patents', query: { type: 'invention', granted: y, ...where(area) } };
    case 'pct_filings':
      return { path: '/registry/patents', query: { pct: '1', year: y, ...where(area) } };
    case 'trademarks_per_10k_entities':
    case 'valid_trademarks':
      return { path: '/registry/trademarks', query: { inForce: y, ...where(area) } };
    case 'gis':
      return { path: '/registry/gis', query: { approvedBy: y, ...where(area) } };
  }
}

/** The same link as a relative URL. */
export const drillHref = (d: { path: string; query: Record<string, string> }) => `${d.path}?${new URLSearchParams(d.query).toString()}`;

/** The filters of a dashboard view. */
export interface ViewFilter {
  area: string | null;
  from: number;
  to: number;
  /** Patent types, all three when not narrowed. */
  types: readonly string[];
  industry: string | null;
}

const span = (from: number, to: number) => (from === to ? String(from) : `${from}-${to}`);

function patentBase(f: ViewFilter): Record<string, string> {
  return { ...where(f.area), ...(f.types.length < 3 ? { type: f.types.join(',') } : {}), ...(f.industry ? { industry: f.industry } : {}) };
}

/** Patents filed in the years (or one year) of the view. */
export const applicationsDrill = (f: ViewFilter, extra: Record<string, string> = {}, year?: number): DrillLink => ({
  path: '/registry/patents',
  query: { ...patentBase(f), year: year ? String(year) : span(f.from, f.to), ...extra },
});

/** Patents granted in the years (or one year) of the view. */
export const grantsDrill = (f: ViewFilter, extra: Record<string, string> = {}, year?: number): DrillLink => ({
  path: '/registry/patents',
  query: { ...patentBase(f), granted: year ? String(year) : span(f.from, f.to), ...extra },
});

/** Patents in force today. */
export const validPatentsDrill = (f: ViewFilter, extra: Record<string, string> = {}): DrillLink => ({
  path: '/registry/patents',
  query: { ...patentBase(f), status: 'valid', ...extra },
});

/** Trademarks filed, registered in the years (or one year), or in force today. */
export function trademarksDrill(area: string | null, what: 'applications' | 'registrations' | 'valid', from: number, to: number): DrillLink {
  const years = span(from, to);
  const rule: Record<string, string> = what === 'applications' ? { applied: years } : what === 'registrations' ? { registered: years } : { status: 'registered' };
  return { path: '/registry/trademarks', query: { ...where(area), ...rule } };
}

/** A grant-year range wide enough to mean "granted at all": the patent lists read a grant rule as a year range. */
export const EVER_GRANTED = '1985-2100';

/** The statuses of a once-granted patent whose Chinese right has ended (the navigation's 失效专利). */
export const ENDED_STATUSES = ['lapsed', 'expired', 'invalidated', 'abandoned'] as const;

/** The patents a patent-navigation run matched, narrowed by the list's usual filters (type, status, year, holder, ipc, q…). */
export const landscapeDrill = (runId: number, extra: Record<string, string> = {}): DrillLink => ({
  path: '/registry/patents',
  query: { landscape: String(runId), ...extra },
});
