import { useMemo } from 'react';
import type { FacetValue } from '../../../app/api-types';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';

/** Matches by application year (from the year facet), oldest on the left; a click filters by that year. */
export function YearChart({ values, label, onPick }: { values: readonly FacetValue[]; label: string; onPick?: (year: string) => void }) {
  const { t, lang } = useI18n();
  // Every year between the first and the last, empty years as 0, so gaps show as gaps.
  const sorted = useMemo(() => {
    const counts = new Map(values.filter((v) => /^\d{4}$/.test(v.value)).map((v) => [Number(v.value), v.count]));
    if (counts.size === 0) return [];
    const years = [...counts.keys()];
    const out: FacetValue[] = [];
    for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push({ value: String(y), label: null, count: counts.get(y) ?? 0 });
    return out;
  }, [values]);
  const option = useMemo(
    () => ({
      grid: { left: 4, right: 8, top: 12, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (p: Array<{ dataIndex: number }>) => {
          const v = sorted[p[0]?.dataIndex ?? -1];
          return v ? t('reg.yearTooltip', { year: v.value, n: formatNumber(v.count) }) : '';
        },
      },
      xAxis: { type: 'category', data: sorted.map((v) => v.value), axisTick: { alignWithLabel: true }, axisLabel: { fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1, splitNumber: 3, axisLabel: { fontSize: 11 } },
      series: [{ type: 'bar', barMaxWidth: 28, itemStyle: { color: '#1d4ed8', borderRadius: [3, 3, 0, 0] }, data: sorted.map((v) => v.count), cursor: onPick ? 'pointer' : 'default' }],
    }),
    [sorted, t, onPick],
  );
  if (sorted.length === 0) return null;
  const summary = t('reg.chartSummary', { label, list: sorted.filter((v) => v.count > 0).map((v) => `${v.value}: ${formatNumber(v.count)}`).join(lang === 'zh' ? '；' : '; ') });
  return <EChart option={option} height={150} label={summary} onClick={onPick ? (p) => p.name && onPick(p.name) : undefined} />;
}
