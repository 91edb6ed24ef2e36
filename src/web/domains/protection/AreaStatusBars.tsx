import { Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../app/ui/EChart';

export interface AreaStatusRow {
  /** What a click filters the list by; null when the bar cannot filter. */
  key: string | null;
  name: string;
  total: number;
  open: number;
  overdue: number;
}

/**
 * Records by area as stacked bars (open on time, overdue, closed), most on top; a click filters the
 * list (the filters above the list do the same by keyboard).
 */
export function AreaStatusBars({ rows, series, empty, label, onPick }: { rows: readonly AreaStatusRow[]; series: { open: string; overdue: string; closed: string }; empty: string; label: (list: string) => string; onPick: (key: string) => void }) {
  const { lang } = useI18n();
  const sorted = useMemo(() => [...rows].sort((a, b) => a.total - b.total), [rows]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
      yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { fontSize: 12 } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: series.open, type: 'bar', stack: 'all', barMaxWidth: 18, itemStyle: { color: '#1d4ed8' }, data: sorted.map((r) => r.open - r.overdue) },
        { name: series.overdue, type: 'bar', stack: 'all', barMaxWidth: 18, itemStyle: { color: '#cf1322' }, data: sorted.map((r) => r.overdue) },
        { name: series.closed, type: 'bar', stack: 'all', barMaxWidth: 18, itemStyle: { color: '#a3b8d9' }, data: sorted.map((r) => r.total - r.open) },
      ],
    }),
    [sorted, series.open, series.overdue, series.closed],
  );
  if (sorted.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <EChart
      option={option}
      height={Math.max(200, sorted.length * 26 + 50)}
      label={label([...sorted].reverse().map((r) => `${r.name} ${r.total}`).join(lang === 'zh' ? '，' : ', '))}
      onClick={({ dataIndex }) => {
        const r = sorted[dataIndex];
        if (r?.key) onPick(r.key);
      }}
    />
  );
}
