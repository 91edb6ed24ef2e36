import { useMemo } from 'react';
import type { PopulationFigure } from '../../app/api-types';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../app/ui/EChart';
import { axisNumber, ESTIMATE_COLOR, OFFICIAL_COLOR } from './areaText';

/** Population by year; estimated years as orange hollow triangles. */
export function PopulationLineChart({ figures, label }: { figures: PopulationFigure[]; label: string }) {
  const { t, lang } = useI18n();
  const option = useMemo(() => {
    const sorted = [...figures].sort((a, b) => a.year - b.year);
    return {
      grid: { left: 8, right: 16, top: 20, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: Array<{ dataIndex: number }>) => {
          const f = sorted[params[0]?.dataIndex ?? -1];
          return f ? `${f.year}: <b>${formatNumber(f.population)}</b> (${f.isEstimate ? t('pop.estimate') : t('pop.official')})` : '';
        },
      },
      xAxis: { type: 'category', data: sorted.map((f) => String(f.year)), boundaryGap: true },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => axisNumber(v, lang) } },
      series: [
        {
          type: 'line',
          lineStyle: { color: OFFICIAL_COLOR },
          symbolSize: 10,
          data: sorted.map((f) => ({
            value: f.population,
            symbol: f.isEstimate ? 'emptyTriangle' : 'circle',
            itemStyle: { color: f.isEstimate ? ESTIMATE_COLOR : OFFICIAL_COLOR },
          })),
        },
      ],
    };
  }, [figures, lang, t]);
  return <EChart option={option} height={220} label={label} />;
}
