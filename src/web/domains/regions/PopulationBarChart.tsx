import { useMemo } from 'react';
import type { AreaView } from '../../app/api-types';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { EChart } from '../../app/ui/EChart';
import { useCompact } from '../../app/ui/responsive';
import { areaLabel, axisNumber, ESTIMATE_COLOR, ESTIMATE_DECAL, isCountyLevel, OFFICIAL_COLOR } from './areaText';

/** Latest population of each county and district; estimates orange and hatched. */
export function PopulationBarChart({ areas }: { areas: AreaView[] }) {
  const { t, lang } = useI18n();
  const counties = useMemo(() => areas.filter(isCountyLevel), [areas]);
  const compact = useCompact();
  const { meta } = useSession();
  const estimateName = meta.demo ? t('pop.estimateSeriesDemo') : t('pop.estimateSeries');

  const option = useMemo(() => {
    const names = counties.map((a) => (lang === 'zh' ? a.shortName : a.nameEn.replace(/ (County|District)$/, '')));
    const value = (a: AreaView, estimate: boolean) => (a.latest && a.latest.isEstimate === estimate ? a.latest.population : null);
    return {
      aria: { enabled: true, decal: { show: false } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 16, itemHeight: 10, data: [t('pop.official'), estimateName] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: Array<{ dataIndex: number }>) => {
          const a = counties[params[0]?.dataIndex ?? -1];
          if (!a) return '';
          if (!a.latest) return `${areaLabel(a, lang)}<br/>${t('pop.none')}`;
          const kind = a.latest.isEstimate ? t('pop.estimate') : t('pop.official');
          // Area names come from reference data, but escape anyway: the tooltip is HTML.
          return `${escapeHtml(areaLabel(a, lang))}<br/>${a.latest.year}: <b>${formatNumber(a.latest.population)}</b> (${kind})`;
        },
      },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: compact ? 60 : 0, fontSize: compact ? 11 : 12 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisNumber(v, lang) } },
      series: [
        { name: t('pop.official'), type: 'bar', stack: 'p', barMaxWidth: 36, itemStyle: { color: OFFICIAL_COLOR }, data: counties.map((a) => value(a, false)) },
        {
          name: estimateName,
          type: 'bar',
          stack: 'p',
          barMaxWidth: 36,
          itemStyle: { color: ESTIMATE_COLOR, decal: ESTIMATE_DECAL },
          data: counties.map((a) => value(a, true)),
        },
      ],
    };
  }, [counties, lang, t, compact, estimateName]);

  return <EChart option={option} height={320} label={t('home.chartAria')} />;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
