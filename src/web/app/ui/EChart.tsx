import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces in use, so the chart chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

interface Props {
  option: EChartsCoreOption;
  height: number;
  /** Read by screen readers in place of the drawing. */
  label: string;
  /** A click on a bar or point (a shortcut only: whatever it does must also be reachable by keyboard). */
  onClick?: (item: { name: string; dataIndex: number; seriesIndex: number; dataType?: string; data?: unknown }) => void;
}

export function EChart({ option, height, label, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => {
      // dataType tells a graph's nodes from its edges; data is the clicked item as given (treemap nodes carry their own fields).
      const e = p as { name?: string; dataIndex?: number; seriesIndex?: number; dataType?: string; data?: unknown };
      clickRef.current?.({ name: String(e.name ?? ''), dataIndex: e.dataIndex ?? -1, seriesIndex: e.seriesIndex ?? 0, dataType: e.dataType, data: e.data });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // ECharts writes its own generated description onto the element; give it ours instead.
    chart.current?.setOption({ ...option, aria: { ...(option.aria as object | undefined), enabled: true, label: { description: label } } }, true);
  }, [option, label]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
