import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// The evaluation page adds the radar to the pieces EChart registers.
echarts.use([RadarChart, RadarComponent]);
