import { AREAS } from '../../shared/validators/region';
import type { ChartBlock, ReportDocument, ReportSection, TableBlock } from './document';

/**
 * A synthetic yearly city report of a chosen size, for the benchmark and the tests: its figures
 * come from a seeded generator, not from the register.
 */
export interface SampleSize {
  sections?: number;
  tables?: number;
  charts?: number;
  rows?: number;
}

const TOPICS = ['专利创造', '专利质量', '商标品牌', '地理标志', '知识产权运用', '知识产权保护', '产业专利导航', '创新主体', '知识产权服务', '区域对比', '重点产业', '人才与平台'];

const TEXT =
  '本年度全市知识产权工作坚持以高质量发展为主线，围绕茶叶、绿色食品、新型建材、电子信息等重点产业，持续提升知识产权创造质量、运用效益和保护水平。各县区发明专利授权量稳步增长，高价值发明专利占比进一步提高，' +
  '企业创新主体地位更加突出；地理标志产品“信阳毛尖”品牌价值持续提升，知识产权质押融资规模扩大，服务体系不断健全，为建设现代化信阳提供了有力支撑。';

const SHORT = '全市发明专利授权量同比增长，每万人口高价值发明专利拥有量稳步提高，规模以上工业企业有研发活动的比例进一步上升。';
const ADVICE = '部分县区创新主体数量偏少、专利转化运用不足。建议加大对高价值专利培育的支持力度，推动知识产权服务机构向县区延伸，完善专利转化激励机制。';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function sampleReport(size: SampleSize = {}): ReportDocument {
  const sections = size.sections ?? 10;
  const tableCount = size.tables ?? 15;
  const chartCount = size.charts ?? 10;
  const rowCount = size.rows ?? 12;
  const rnd = seeded(2026);
  const areas = AREAS.filter((a) => a.kind !== 'city').map((a) => a.name);
  const years = Array.from({ length: 8 }, (_, i) => String(2019 + i));

  const table = (n: number): TableBlock => {
    const rows = Array.from({ length: rowCount }, (_, r) => {
      const inv = Math.round(200 + rnd() * 3000);
      const uti = Math.round(500 + rnd() * 6000);
      return [areas[r % areas.length] ?? `区域${r + 1}`, inv, uti, Math.round(rnd() * 900), Number((rnd() * 40 - 10).toFixed(1)), rnd() < 0.1 ? null : Math.round(rnd() * 50)];
    });
    return {
      kind: 'table',
      caption: `2026年各县区${TOPICS[(n - 1) % TOPICS.length]}主要指标`,
      columns: ['县区', '发明专利授权（件）', '实用新型授权（件）', '有效商标（件）', '同比增长（%）', '质押项目（项）'],
      rows,
      note: '数据截至2026年10月31日；“—”表示无数据。',
    };
  };
  const chart = (n: number): ChartBlock => {
    const kind = n % 3;
    if (kind === 0)
      return {
        kind: 'chart',
        caption: '各县区发明专利授权量',
        option: {
          title: { text: '各县区发明专利授权量', left: 'center' },
          legend: { top: 50 },
          grid: { top: 90, bottom: 60, left: 60, right: 20 },
          xAxis: { type: 'category', data: areas.slice(0, 10), axisLabel: { interval: 0, rotate: 30 } },
          yAxis: { type: 'value', name: '件' },
          series: [
            { name: '发明专利', type: 'bar', data: areas.slice(0, 10).map(() => Math.round(rnd() * 3000)) },
            { name: '实用新型', type: 'bar', data: areas.slice(0, 10).map(() => Math.round(rnd() * 6000)) },
          ],
        },
      };
    if (kind === 1)
      return {
        kind: 'chart',
        caption: '全市专利授权量年度趋势',
        option: {
          title: { text: '全市专利授权量年度趋势', left: 'center' },
          legend: { top: 50 },
          grid: { top: 90, bottom: 40, left: 60, right: 20 },
          xAxis: { type: 'category', data: years },
          yAxis: { type: 'value', name: '件' },
          series: ['发明', '实用新型', '外观设计'].map((name) => ({ name, type: 'line', data: years.map(() => Math.round(rnd() * 8000)) })),
        },
      };
    return {
      kind: 'chart',
      caption: '专利类型构成',
      width: 600,
      height: 360,
      option: {
        title: { text: '专利类型构成', left: 'center' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: ['发明专利', '实用新型', '外观设计'].map((name) => ({ name, value: Math.round(1000 + rnd() * 5000) })) }],
      },
    };
  };

  const out: ReportSection[] = Array.from({ length: sections }, (_, i) => ({ heading: `${TOPICS[i % TOPICS.length]}情况`, blocks: [{ kind: 'paragraph', text: TEXT }], sections: [] }));
  for (let t = 0; t < tableCount; t++) out[t % sections]?.blocks.push(table(t + 1));
  for (let c = 0; c < chartCount; c++) out[c % sections]?.blocks.push(chart(c + 1));
  out.forEach((s) => {
    s.sections = [
      { heading: '主要进展', blocks: [{ kind: 'paragraph', text: SHORT }, { kind: 'bullets', items: ['高价值发明专利拥有量持续增长。', '知识产权质押融资惠及更多中小企业。'] }] },
      { heading: '存在问题与建议', blocks: [{ kind: 'paragraph', text: ADVICE }] },
    ];
  });

  return {
    issuer: '信阳市知识产权局',
    docNumber: '信知析〔2026〕3号',
    title: '2026年信阳市知识产权发展状况报告',
    subtitle: '（分析评议报告）',
    date: '2026-11-26',
    notice: '本报告所用数据为系统生成的模拟数据，仅用于演示与测试，不代表真实统计结果。',
    sections: out,
    source: '信知平台专利、商标登记数据，数据截至2026年10月31日。',
  };
}
