import { MapChart, PieChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { CountyMap } from './api';

// Dashboards add maps and pies to the pieces EChart registers.
echarts.use([MapChart, PieChart, VisualMapComponent]);

export const COUNTY_MAP_NAME = 'xinyang-counties';

let registered = false;
export function registerCountyMap(geo: CountyMap): void {
  if (registered) return;
  echarts.registerMap(COUNTY_MAP_NAME, geo as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}

/** Blues from light to dark, for values low to high. */
export const SCALE = ['#e6f4ff', '#91caff', '#4096ff', '#0958d9', '#002c8c'];
export const TYPE_COLORS: Record<string, string> = { invention: '#1677ff', utility: '#13a8a8', design: '#fa8c16' };
