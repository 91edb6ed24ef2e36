import { applicationsDrill, grantsDrill, indicatorDrill, trademarksDrill, validPatentsDrill, where, type ViewFilter } from '../../../../shared/insight/drill';
import { IPC_SECTIONS } from '../../../../shared/reference/ipc';
import { PATENT_TYPES } from '../../../../shared/registry/types';
import { CITY_CODE, areaByCode } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { invalid } from '../../../errors';
import * as stats from '../../registry/stats/service';
import { assertAreaInScope, currentYear, indicatorTable } from '../indicators/service';
import type { Dashboard, DashboardQuery } from './schema';

/**
 * A holder's patents in the view, wherever each patent is placed (a local firm may co-apply with an
 * outside one) and in every industry: the ranking counts whole portfolios.
 */
function holderDrill(view: ViewFilter, holderId: number) {
  const { local: _all, ...query } = applicationsDrill({ ...view, area: null, industry: null }, { holder: String(holderId) }).query;
  return { path: '/registry/patents' as const, query };
}

/**
 * The city or county dashboard: totals, series, ranking, map values, top holders, IPC and industry
 * mixes for the filters, each figure with the link to its list. A county desk sees its own area only.
 */
export async function dashboard(ctx: AppContext, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const own = scopeFilter(actor);
  const areaCode = own ? (own[0] as string) : (query.area ?? CITY_CODE);
  assertAreaInScope(actor, areaCode);
  const isCity = areaCode === CITY_CODE;
  const area = isCity ? null : areaCode;
  const thisYear = currentYear(ctx);
  const to = query.to ?? thisYear;
  const from = query.from ?? to - 9;
  if (from > to) throw invalid({ zh: '起始年份不能晚于结束年份', en: 'The first year must not be after the last year' });
  if (to - from > 40) throw invalid({ zh: '年份范围最多 40 年', en: 'The year range may span at most 40 years' });
  const types = query.type ? query.type.split(',').map((t) => t.trim()).filter((t): t is (typeof PATENT_TYPES)[number] => (PATENT_TYPES as readonly string[]).includes(t)) : [...PATENT_TYPES];
  if (types.length === 0) throw invalid({ zh: '专利类型只能是 invention、utility、design', en: 'Patent type must be invention, utility or design' });
  const industry = query.industry ?? null;
  const view: ViewFilter = { area, from, to, types, industry };
  const year = Math.min(to, thisYear);
  const patentFilter = { area, industry: industry ?? '*', types, from, to };

  const [series, byArea, sections, industries, holders, tmSeries, tmByArea, gis, table, names] = await Promise.all([
    stats.patentSeries(ctx, patentFilter),
    stats.patentsByArea(ctx, { industry: industry ?? '*', types, from, to }),
    stats.sectionMix(ctx, patentFilter),
    stats.industryMix(ctx, { area, types, from, to }),
    stats.topHolders(ctx, { area, types, from, to }, 10),
    stats.trademarkSeries(ctx, area, from, to),
    stats.trademarksByArea(ctx, from, to),
    stats.gisByArea(ctx, year),
    indicatorTable(ctx, actor, { year }),
    stats.industryNames(ctx.db),
  ]);

  const inView = (a: string) => (isCity ? a !== 'outside' : a === areaCode);
  const sum = <T>(rows: T[], areaOf: (r: T) => string, value: (r: T) => number) => rows.filter((r) => inView(areaOf(r))).reduce((s, r) => s + value(r), 0);
  const seriesTotal = (kind: 'applications' | 'grants') => series.reduce((n, s) => n + s[kind], 0);
  const tmTotal = (kind: 'applications' | 'registrations' | 'valid') => tmSeries.filter((s) => s.kind === kind).reduce((n, s) => n + s.n, 0);
  const mine = table.areas.find((a) => a.code === areaCode);
  if (!mine) throw new Error(`indicator table lacks ${areaCode}`);
  const gisDrill = { path: '/registry/gis' as const, query: { ...where(area), approvedBy: String(year) } };

  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const patentSeries = years.flatMap((y) =>
    types.map((type) => {
      const row = series.find((s) => s.year === y && s.type === type);
      return { year: y, type, applications: row?.applications ?? 0, grants: row?.grants ?? 0 };
    }),
  );
  const trademarkSeries = years.map((y) => ({
    year: y,
    applications: tmSeries.find((s) => s.kind === 'applications' && s.year === y)?.n ?? 0,
    registrations: tmSeries.find((s) => s.kind === 'registrations' && s.year === y)?.n ?? 0,
  }));

  const ranking = table.areas
    .filter((a) => a.code !== CITY_CODE)
    .map((a) => {
      const p = byArea.find((r) => r.area === a.code);
      return {
        code: a.code,
        name: a.name,
        kind: a.kind,
        applications: p?.applications ?? 0,
        grants: p?.grants ?? 0,
        validInventions: p?.valid_inventions ?? 0,
        trademarks: tmByArea.find((r) => r.area === a.code)?.valid ?? 0,
        indicator: a.values[query.indicator],
      };
    })
    .sort((a, b) => (b.indicator.value ?? -1) - (a.indicator.value ?? -1) || b.applications - a.applications);

  return {
    area: { code: areaCode, name: areaByCode(areaCode)?.name ?? areaCode, nameEn: areaByCode(areaCode)?.nameEn ?? areaCode, isCity },
    filter: { from, to, types, industry, industryName: industry ? (names.names.get(industry) ?? industry) : null },
    year,
    totals: {
      applications: { value: seriesTotal('applications'), drill: applicationsDrill(view) },
      grants: { value: seriesTotal('grants'), drill: grantsDrill(view) },
      validPatents: { value: sum(byArea, (r) => r.area, (r) => r.valid), drill: validPatentsDrill(view) },
      validInventions: { value: mine.values.valid_inventions.count, drill: indicatorDrill('valid_inventions', area, year) },
      highValueInventions: { value: mine.values.high_value_inventions.count, drill: indicatorDrill('high_value_inventions', area, year) },
      trademarkApplications: { value: tmTotal('applications'), drill: trademarksDrill(area, 'applications', from, to) },
      trademarkRegistrations: { value: tmTotal('registrations'), drill: trademarksDrill(area, 'registrations', from, to) },
      validTrademarks: { value: tmTotal('valid'), drill: trademarksDrill(area, 'valid', from, to) },
      gis: { value: sum(gis, (r) => r.area, (r) => r.gis), drill: gisDrill },
      giUsers: { value: sum(gis, (r) => r.area, (r) => r.users), drill: gisDrill },
      unresolvedPatents: {
        value: isCity ? (byArea.find((r) => r.area === 'unresolved')?.applications ?? 0) : 0,
        drill: applicationsDrill({ ...view, area: 'none' }, { local: '1' }),
      },
    },
    patentSeries,
    trademarkSeries,
    indicators: mine.values,
    definitions: table.definitions,
    ranking: isCity ? ranking : ranking.filter((r) => r.code === areaCode),
    topHolders: holders.map((h) => ({
      id: h.holder_id,
      name: h.name,
      areaCode: h.area_code,
      areaName: areaByCode(h.area_code)?.name ?? h.area_code,
      patents: h.n,
      validInventions: h.valid_inventions,
      drill: holderDrill(view, h.holder_id),
    })),
    sections: sections.map((s) => ({
      section: s.section,
      label: s.section ? `${s.section} ${IPC_SECTIONS.find((x) => x.code === s.section)?.zh ?? ''}`.trim() : '无 IPC 分类（多为外观设计）',
      count: s.n,
      drill: applicationsDrill(view, s.section ? { ipc: s.section } : { noIpc: '1' }),
    })),
    industries: industries.map((i) => ({
      code: i.industry,
      name: names.names.get(i.industry) ?? i.industry,
      applications: i.applications,
      valid: i.valid,
      drill: applicationsDrill({ ...view, industry: i.industry }),
    })),
    industryMapIsDemo: names.isDemo,
  };
}
