import { GraphChart, ScatterChart, TreemapChart } from 'echarts/charts';
import { TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
// The dashboards' pieces (pie) come with it.
import '../charts';

// A navigation landscape adds the co-applicant network, the IPC treemap and the life-cycle labels.
echarts.use([GraphChart, ScatterChart, TreemapChart, TitleComponent, LabelLayout]);

/** Holders in Xinyang, known to be outside, not resolved yet. */
export const PLACE_COLORS = { local: '#1d4ed8', outside: '#fa8c16', unknown: '#8c8c8c' } as const;

export const STATUS_COLORS: Record<string, string> = {
  valid: '#52c41a',
  pending: '#1677ff',
  lapsed: '#fa8c16',
  expired: '#bfbfbf',
  withdrawn: '#8c8c8c',
  rejected: '#f5222d',
  invalidated: '#a8071a',
  abandoned: '#d9d9d9',
  unknown: '#595959',
};

/** One colour per IPC subclass of the treemap. */
export const TREEMAP_COLORS = ['#1d4ed8', '#13a8a8', '#fa8c16', '#722ed1', '#52c41a', '#eb2f96', '#faad14', '#2f54eb', '#a0d911', '#597ef7'];
