import type { DrillLink } from '../../../../shared/insight/drill';
import { INDICATORS, type IndicatorCode } from '../../../../shared/insight/indicators';
import { AREAS, CITY_CODE } from '../../../../shared/validators';
import { METRIC_DEFINITIONS, type MetricCode, type ProtectionMetric } from '../../../../shared/workplan/metrics';
import { systemActor } from '../../../actor';
import type { AppContext } from '../../../context';
import { indicatorTable } from '../../insight/indicators/service';
import * as sql from './queries';

/** A metric's value for one area and year, with the count behind it and the list it counted. */
export interface MetricValue {
  value: number | null;
  /** Records counted (the numerator of a rate, the cases averaged over for a mean). */
  count: number;
  drill: { path: string; query: Record<string, string> };
}

const isIndicator = (m: MetricCode): m is IndicatorCode => (INDICATORS as readonly string[]).includes(m);
const RATES: readonly ProtectionMetric[] = ['mediation_settlement_rate', 'disclosures_on_time_rate'];

/** Where officers check a protection metric's records. */
function protectionDrill(metric: ProtectionMetric, area: string | null, year: number): MetricValue['drill'] {
  const a: Record<string, string> = area ? { area } : {};
  const y = String(year);
  switch (metric) {
    case 'mediation_closed':
    case 'mediation_settled':
    case 'mediation_settlement_rate':
    case 'mediation_average_days':
      return { path: '/protection/mediation', query: { ...a, status: 'closed', ...(metric === 'mediation_settled' ? { outcome: 'settled' } : {}), closedYear: y } };
    case 'reports_concluded':
      return { path: '/protection/reports', query: { ...a, status: 'concluded', concludedYear: y } };
    case 'cases_recorded':
      return { path: '/protection/cases', query: { ...a, filedYear: y } };
    case 'disclosures_published':
    case 'disclosures_on_time_rate':
      return { path: '/protection/disclosure', query: { ...a, status: 'published', publishedYear: y } };
    case 'keylist_members':
      return { path: '/protection/key-list', query: { ...a, status: 'listed' } };
    case 'credit_records_published':
      return { path: '/protection/credit', query: { ...a, publishedYear: y } };
  }
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * A metric for every area and the city in one year: the one code path that plan indicators, the
 * assessment and the protection-level evaluation read. The city's value is computed over all its
 * records (a mean or a rate over the whole city, not a mean of areas).
 */
export async function metricByArea(ctx: AppContext, metric: MetricCode, year: number): Promise<Map<string, MetricValue>> {
  const out = new Map<string, MetricValue>();
  if (isIndicator(metric)) {
    const table = await indicatorTable(ctx, systemActor, { year });
    for (const a of table.areas) {
      const v = a.values[metric];
      out.set(a.code, { value: v.value, count: v.count, drill: v.drill as DrillLink });
    }
    return out;
  }
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const rows = await sql.protectionFigures(ctx.db, metric, from, to, `${year}-01-01`, `${year + 1}-01-01`);
  const digits = METRIC_DEFINITIONS[metric].digits;
  const valueOf = (num: number, den: number): number | null => {
    if (RATES.includes(metric)) return den > 0 ? round((num / den) * 100, digits) : null;
    if (metric === 'mediation_average_days') return den > 0 ? round(num / den, digits) : null;
    return num;
  };
  const countOf = (num: number, den: number) => (RATES.includes(metric) || metric === 'mediation_average_days' ? den : num);
  let num = 0;
  let den = 0;
  const byArea = new Map(rows.map((r) => [r.area_code, r]));
  for (const area of AREAS) {
    if (area.code === CITY_CODE) continue;
    const r = byArea.get(area.code);
    out.set(area.code, { value: r ? valueOf(r.num, r.den) : valueOf(0, 0), count: r ? countOf(r.num, r.den) : 0, drill: protectionDrill(metric, area.code, year) });
  }
  for (const r of rows) {
    num += r.num;
    den += r.den;
  }
  out.set(CITY_CODE, { value: valueOf(num, den), count: countOf(num, den), drill: protectionDrill(metric, null, year) });
  return out;
}
