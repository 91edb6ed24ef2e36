import { INDICATOR_DEFINITIONS, INDICATORS, type IndicatorCode } from '../../../../shared/insight/indicators';
import { PATENT_STATUS_ZH, PATENT_TYPE_ZH } from '../../../../shared/registry/labels';
import { areaByCode, formatApplicationNumber } from '../../../../shared/validators';
import type { ReportCell, ReportDocument, ReportSection } from '../../../reports/document';
import type { Dashboard } from '../dashboard/schema';
import type { IndicatorTable, IndicatorValue } from '../indicators/schema';
import type { LandscapeDefinition, LandscapeResult } from '../landscape/schema';

/**
 * The text of each report kind, written from the same figures the pages show: a dashboard view, a
 * navigation run, or the year's indicators for every county (信阳市知识产权发展状况报告).
 */

export const ISSUER = '信阳市知识产权局';
const SYNTHETIC = '本报告所用数据为平台生成的演示（合成）数据，仅用于功能演示，不代表信阳市的真实情况，不得引用。';

export interface Heading {
  title: string;
  docNumber: string;
  date: string;
  synthetic: boolean;
}

const head = (h: Heading) => ({ issuer: ISSUER, docNumber: h.docNumber, title: h.title, date: h.date, ...(h.synthetic ? { notice: SYNTHETIC } : {}) });

const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('zh-CN'));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const areaName = (code: string) => (code === 'outside' ? '信阳市外' : code === 'none' ? '地区待定' : (areaByCode(code)?.name ?? code));
const typeName = (t: string) => PATENT_TYPE_ZH[t] ?? t;
const statusName = (s: string) => PATENT_STATUS_ZH[s] ?? s;

const COLORS = ['#1f5fa8', '#2f9e6e', '#e8a33d', '#c0504d', '#7e57c2', '#4bacc6', '#8c8c8c'];
const FONT = { fontFamily: 'Noto Sans SC', fontSize: 13 };
const baseChart = { color: COLORS, textStyle: FONT, grid: { left: 64, right: 32, top: 48, bottom: 48 } };

function barLine(categories: Array<string | number>, bars: Array<{ name: string; data: number[]; stack?: string }>, line?: { name: string; data: number[] }): object {
  return {
    ...baseChart,
    legend: { top: 8 },
    xAxis: { type: 'category', data: categories.map(String) },
    yAxis: { type: 'value', name: '件' },
    series: [
      ...bars.map((b) => ({ type: 'bar', name: b.name, data: b.data, ...(b.stack ? { stack: b.stack } : {}) })),
      ...(line ? [{ type: 'line', name: line.name, data: line.data, smooth: false, symbolSize: 6 }] : []),
    ],
  };
}

function horizontalBars(names: string[], values: number[], name: string): object {
  return {
    ...baseChart,
    grid: { left: 200, right: 48, top: 24, bottom: 32 },
    xAxis: { type: 'value', name },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{ type: 'bar', data: [...values].reverse(), label: { show: true, position: 'right' } }],
  };
}

function pie(items: Array<{ name: string; value: number }>): object {
  return {
    ...baseChart,
    legend: { orient: 'vertical', left: 16, top: 'middle' },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['60%', '52%'], data: items, label: { formatter: '{b}\n{c} 件（{d}%）' } }],
  };
}

// ---------------------------------------------------------------- navigation run

const KIND_ZH: Record<string, string> = { regional: '区域规划类', industry: '产业规划类', enterprise: '企业经营类', research: '研发活动类', talent: '人才管理类' };

export interface LandscapeInput {
  name: string;
  kind: string;
  description: string | null;
  runNumber: number;
  definition: LandscapeDefinition;
  result: LandscapeResult;
}

export function fieldText(d: LandscapeDefinition): string {
  const ipc = d.ipc.length ? `IPC 分类 ${d.ipc.join('、')}` : '';
  const words = d.keywords.length ? `检索词「${d.keywords.join('」「')}」` : '';
  const joined = d.combine === 'all' ? `${ipc}且含${words}` : [ipc, words].filter(Boolean).join('或');
  return `${d.yearFrom}—${d.yearTo} 年申请、${joined}的已公开专利`;
}

export function landscapeDocument(h: Heading, l: LandscapeInput): ReportDocument {
  const r = l.result;
  const years = r.years.map((y) => y.year);
  const keyRows = (list: LandscapeResult['keyPatents']['claims'], unit: string): ReportCell[][] =>
    list.map((p) => [formatApplicationNumber(p.appNo), p.title, p.applicant ?? '—', statusName(p.status), `${p.value}${unit}`]);
  const holderRows = (list: LandscapeResult['topLocal']): ReportCell[][] =>
    list.map((x, i) => [i + 1, x.name, x.areaName ?? '—', x.patents, x.granted, x.valid, `${x.firstYear}—${x.lastYear}`]);
  const peak = [...r.years].sort((a, b) => b.invention + b.utility + b.design - (a.invention + a.utility + a.design))[0];
  const sections: ReportSection[] = [
    {
      heading: '项目概况',
      blocks: [
        { kind: 'paragraph', text: `本报告为${KIND_ZH[l.kind] ?? ''}专利导航项目「${l.name}」第 ${l.runNumber} 次分析结果。${l.description ?? ''}` },
        { kind: 'paragraph', text: `检索范围：${fieldText(l.definition)}。共检出 ${n(r.total)} 件，其中已授权 ${n(r.granted)} 件、目前有效 ${n(r.valid)} 件；申请人 ${n(r.applicants)} 个（信阳市内 ${n(r.localApplicants)} 个），发明人 ${n(r.inventors)} 人。发明专利结案授权率 ${pct(r.inventionGrantRate)}（已授权发明 ÷ 已授权、驳回、撤回的发明，共 ${n(r.inventionsDecided)} 件）。` },
        {
          kind: 'table',
          caption: '检出专利按类型',
          columns: ['专利类型', '件数', '占比'],
          rows: r.byType.map((t) => [typeName(t.key), t.n, pct(r.total ? t.n / r.total : null)]),
        },
        ...(r.change ? [{ kind: 'paragraph' as const, text: `与上一次运行相比，新增 ${n(r.change.added)} 件，移出 ${n(r.change.removed)} 件。` }] : []),
      ],
    },
    {
      heading: '申请趋势与技术生命周期',
      blocks: [
        { kind: 'paragraph', text: peak ? `申请量最高的年份为 ${peak.year} 年（${n(peak.invention + peak.utility + peak.design)} 件）。近年申请人数与申请量的变化见图，可据此判断技术所处的萌芽、成长、成熟或衰退阶段。` : '检索范围内没有专利。' },
        {
          kind: 'chart',
          caption: '逐年申请量（按类型）与授权量',
          option: barLine(years, [
            { name: '发明', data: r.years.map((y) => y.invention), stack: 'a' },
            { name: '实用新型', data: r.years.map((y) => y.utility), stack: 'a' },
            { name: '外观设计', data: r.years.map((y) => y.design), stack: 'a' },
          ], { name: '授权', data: r.years.map((y) => y.grants) }),
        },
        {
          kind: 'chart',
          caption: '技术生命周期（横轴申请人数，纵轴申请量，点旁为年份）',
          option: {
            ...baseChart,
            xAxis: { type: 'value', name: '申请人数' },
            yAxis: { type: 'value', name: '申请量' },
            // Every third year labelled, and the last: all of them would overlap.
            series: [{ type: 'line', data: r.years.map((y, i) => ({ value: [y.applicants, y.invention + y.utility + y.design], label: { show: i % 3 === 0 || i === r.years.length - 1, formatter: String(y.year) } })), symbolSize: 7 }],
          },
        },
        {
          kind: 'table',
          caption: '逐年申请、授权与申请人',
          columns: ['年份', '发明', '实用新型', '外观设计', '授权', '申请人数', '新进入申请人'],
          rows: r.years.map((y) => [String(y.year), y.invention, y.utility, y.design, y.grants, y.applicants, y.newApplicants]),
        },
      ],
    },
    {
      heading: '法律状态',
      blocks: [
        { kind: 'chart', caption: '法律状态构成', option: pie(r.status.map((s) => ({ name: statusName(s.key), value: s.n }))), height: 360 },
        { kind: 'table', caption: '法律状态', columns: ['法律状态', '件数', '占比'], rows: r.status.map((s) => [statusName(s.key), s.n, pct(r.total ? s.n / r.total : null)]) },
      ],
    },
    {
      heading: '创新主体',
      blocks: [
        { kind: 'table', caption: '信阳市内主要申请人', columns: ['序号', '申请人', '所在地', '申请', '授权', '有效', '活跃年份'], rows: holderRows(r.topLocal) },
        ...(r.topOutside.length
          ? [{ kind: 'table' as const, caption: '信阳市外主要申请人', columns: ['序号', '申请人', '所在地', '申请', '授权', '有效', '活跃年份'], rows: holderRows(r.topOutside) }]
          : [{ kind: 'paragraph' as const, text: '检索范围内没有信阳市外的申请人。' }]),
        { kind: 'paragraph', text: `共有 ${n(r.network.coFiled)} 件专利由两个以上申请人共同申请，涉及合作关系 ${n(r.network.links.length)} 对（列出最紧密者）。` },
        ...(r.inventorRanking.length
          ? [{ kind: 'chart' as const, caption: '主要发明人（申请件数）', option: horizontalBars(r.inventorRanking.slice(0, 10).map((i) => i.name), r.inventorRanking.slice(0, 10).map((i) => i.patents), '件'), height: 360 }]
          : []),
      ],
    },
    {
      heading: '技术构成与区域分布',
      blocks: [
        { kind: 'table', caption: '主要 IPC 小组（按主分类号）', columns: ['IPC 小组', '件数'], rows: r.ipcGroups.slice(0, 15).map((g) => [g.key, g.n]) },
        { kind: 'chart', caption: '按地区分布', option: horizontalBars(r.counties.map((c) => areaName(c.key)), r.counties.map((c) => c.n), '件'), height: Math.max(240, 40 + r.counties.length * 28) },
        { kind: 'table', caption: '按地区分布', columns: ['地区', '件数', '占比'], rows: r.counties.map((c) => [areaName(c.key), c.n, pct(r.total ? c.n / r.total : null)]) },
      ],
    },
    {
      heading: '重点专利',
      blocks: [
        { kind: 'table', caption: '权利要求最多的专利', columns: ['申请号', '名称', '第一申请人', '法律状态', '权利要求'], rows: keyRows(r.keyPatents.claims, ' 项') },
        ...(r.keyPatents.family.length ? [{ kind: 'table' as const, caption: '同族最多的专利', columns: ['申请号', '名称', '第一申请人', '法律状态', '同族'], rows: keyRows(r.keyPatents.family, ' 件') }] : []),
        { kind: 'table', caption: '维持时间最长的有效专利', columns: ['申请号', '名称', '第一申请人', '法律状态', '已维持'], rows: keyRows(r.keyPatents.longest, ' 年') },
        { kind: 'paragraph', text: r.keyPatents.citationsAvailable ? '' : '说明：大数据中心暂未收录引证数据，被引次数未纳入重点专利的评价。' },
      ],
    },
    {
      heading: '失效专利利用',
      blocks: [
        { kind: 'paragraph', text: `曾获授权、现已失效的专利 ${n(r.lapsed.total)} 件，可作为技术来源免费利用。注意：失效仅指该件中国专利权已终止，使用前请核实同族专利及其他权利（自由实施分析）。` },
        { kind: 'table', caption: '近期失效的专利', columns: ['申请号', '名称', '第一申请人', '法律状态', '权利要求'], rows: keyRows(r.lapsed.recent, ' 项') },
      ],
    },
  ];
  return {
    ...head(h),
    subtitle: `专利导航分析评议报告（第 ${l.runNumber} 次运行）`,
    sections,
    source: `数据来源：信知知识产权大数据中心，截至 ${r.asOf.slice(0, 10)}。检索式：${fieldText(l.definition)}。每一项数字均可在平台上打开对应的专利清单核对。`,
  };
}

// ---------------------------------------------------------------- dashboard view

const indicatorText = (code: IndicatorCode, v: IndicatorValue | undefined): string => {
  if (!v || v.value === null) return '—';
  const d = INDICATOR_DEFINITIONS[code];
  return v.value.toLocaleString('zh-CN', { minimumFractionDigits: d.digits, maximumFractionDigits: d.digits });
};

function indicatorSection(d: Dashboard): ReportSection {
  return {
    heading: '主要指标',
    blocks: [
      {
        kind: 'table',
        caption: `${d.area.name} ${d.year} 年主要指标`,
        columns: ['指标', '数值', '单位', '计数', '目标', '完成'],
        rows: INDICATORS.map((code) => {
          const v = d.indicators[code];
          const def = INDICATOR_DEFINITIONS[code];
          return [def.name.zh, indicatorText(code, v), def.unit.zh, v?.count ?? null, v?.target ?? null, pct(v?.progress)];
        }),
      },
      { kind: 'bullets', items: INDICATORS.map((code) => `${INDICATOR_DEFINITIONS[code].name.zh}：${INDICATOR_DEFINITIONS[code].formula.zh}。`) },
    ],
  };
}

/** `indicator` is the one the view ranks the areas by. */
export function dashboardDocument(h: Heading, d: Dashboard, indicator: IndicatorCode = 'high_value_per_10k'): ReportDocument {
  const t = d.totals;
  const years: number[] = [];
  for (let y = d.filter.from; y <= d.filter.to; y++) years.push(y);
  const byYear = (type: string, k: 'applications' | 'grants') => years.map((y) => d.patentSeries.filter((s) => s.year === y && (type === '*' || s.type === type)).reduce((a, s) => a + s[k], 0));
  const filter = [
    `${d.filter.from}—${d.filter.to} 年`,
    d.filter.types.length && d.filter.types.length < 3 ? d.filter.types.map(typeName).join('、') : '全部专利类型',
    d.filter.industryName ? `产业：${d.filter.industryName}` : '',
  ].filter(Boolean).join('，');
  return {
    ...head(h),
    subtitle: `${d.area.name}知识产权统计分析（${filter}）`,
    sections: [
      {
        heading: '总体情况',
        blocks: [
          { kind: 'paragraph', text: `${d.filter.from}—${d.filter.to} 年，${d.area.name}共申请专利 ${n(t.applications.value)} 件、获授权 ${n(t.grants.value)} 件；截至 ${d.year} 年末有效专利 ${n(t.validPatents.value)} 件，其中有效发明专利 ${n(t.validInventions.value)} 件、高价值发明专利 ${n(t.highValueInventions.value)} 件。商标申请 ${n(t.trademarkApplications.value)} 件、注册 ${n(t.trademarkRegistrations.value)} 件，有效注册商标 ${n(t.validTrademarks.value)} 件；地理标志 ${n(t.gis.value)} 个、授权用标 ${n(t.giUsers.value)} 家。` },
          {
            kind: 'table',
            caption: '主要数量',
            columns: ['项目', '数量'],
            rows: [
              ['专利申请', t.applications.value], ['专利授权', t.grants.value], ['有效专利', t.validPatents.value], ['有效发明专利', t.validInventions.value],
              ['高价值发明专利', t.highValueInventions.value], ['商标申请', t.trademarkApplications.value], ['商标注册', t.trademarkRegistrations.value],
              ['有效注册商标', t.validTrademarks.value], ['地理标志', t.gis.value], ['地理标志授权用标主体', t.giUsers.value],
            ],
          },
        ],
      },
      {
        heading: '专利申请与授权',
        blocks: [
          {
            kind: 'chart',
            caption: '逐年专利申请量（按类型）与授权量',
            option: barLine(years, ['invention', 'utility', 'design'].map((type) => ({ name: typeName(type), data: byYear(type, 'applications'), stack: 'a' })), { name: '授权', data: byYear('*', 'grants') }),
          },
          {
            kind: 'table',
            caption: '逐年专利申请与授权',
            columns: ['年份', '发明申请', '实用新型申请', '外观设计申请', '授权合计'],
            rows: years.map((y, i) => [String(y), byYear('invention', 'applications')[i] ?? 0, byYear('utility', 'applications')[i] ?? 0, byYear('design', 'applications')[i] ?? 0, byYear('*', 'grants')[i] ?? 0]),
          },
        ],
      },
      {
        heading: '商标',
        blocks: [
          { kind: 'chart', caption: '逐年商标申请与注册', option: barLine(d.trademarkSeries.map((s) => s.year), [{ name: '申请', data: d.trademarkSeries.map((s) => s.applications) }, { name: '注册', data: d.trademarkSeries.map((s) => s.registrations) }]) },
        ],
      },
      indicatorSection(d),
      ...(d.ranking.length > 1
        ? [{
            heading: '分地区情况',
            blocks: [
              {
                kind: 'chart' as const,
                caption: `各地区${INDICATOR_DEFINITIONS[indicator].name.zh}`,
                option: horizontalBars(d.ranking.map((r) => r.name), d.ranking.map((r) => Number((r.indicator.value ?? 0).toFixed(INDICATOR_DEFINITIONS[indicator].digits))), INDICATOR_DEFINITIONS[indicator].unit.zh),
                height: 40 + d.ranking.length * 28,
              },
              { kind: 'table' as const, caption: '各地区专利与商标', columns: ['地区', '专利申请', '专利授权', '有效发明专利', '商标申请'], rows: d.ranking.map((r) => [r.name, r.applications, r.grants, r.validInventions, r.trademarks]) },
            ],
          }]
        : []),
      {
        heading: '创新主体与技术领域',
        blocks: [
          { kind: 'table', caption: '专利申请量前十的权利人', columns: ['序号', '权利人', '所在地', '专利', '有效发明'], rows: d.topHolders.map((x, i) => [i + 1, x.name, x.areaName, x.patents, x.validInventions]) },
          { kind: 'table', caption: 'IPC 部分布', columns: ['IPC 部', '件数'], rows: d.sections.map((s) => [s.label, s.count]) },
          { kind: 'table', caption: '战略性新兴产业分布', columns: ['产业', '申请', '有效'], rows: d.industries.map((i) => [i.name, i.applications, i.valid]) },
        ],
      },
    ],
    source: `数据来源：信知知识产权大数据中心（专利、商标、地理标志登记数据），统计至 ${h.date}。存量指标以 ${d.year} 年 12 月 31 日为准；统计口径见第四部分。`,
  };
}

// ---------------------------------------------------------------- the year's development report

export function yearlyDocument(h: Heading, city: Dashboard, table: IndicatorTable): ReportDocument {
  const areas = table.areas.filter((a) => a.kind !== 'unresolved');
  const counties = areas.filter((a) => a.kind !== 'city');
  const cell = (code: IndicatorCode, a: (typeof areas)[number]) => indicatorText(code, a.values[code]);
  const group = (codes: IndicatorCode[], caption: string): ReportSection['blocks'][number] => ({
    kind: 'table',
    caption,
    columns: ['地区', ...codes.map((c) => `${INDICATOR_DEFINITIONS[c].name.zh}（${INDICATOR_DEFINITIONS[c].unit.zh}）`)],
    rows: areas.map((a) => [a.name, ...codes.map((c) => cell(c, a))]),
  });
  const targets = areas.flatMap((a) =>
    INDICATORS.filter((c) => a.values[c]?.target !== null && a.values[c]?.target !== undefined).map((c) => [a.name, INDICATOR_DEFINITIONS[c].name.zh, cell(c, a), a.values[c]?.target ?? null, pct(a.values[c]?.progress)] as ReportCell[]),
  );
  const hv = (a: (typeof areas)[number]) => a.values.high_value_per_10k?.value ?? 0;
  const charted = counties.filter((a) => a.values.high_value_per_10k?.value !== null && a.values.high_value_per_10k?.value !== undefined);
  const best = [...charted].sort((a, b) => hv(b) - hv(a))[0];
  const dash = dashboardDocument(h, city);
  return {
    ...head(h),
    subtitle: `（${table.year} 年度）`,
    sections: [
      ...dash.sections.slice(0, 3),
      {
        heading: '主要指标分县区情况',
        blocks: [
          { kind: 'paragraph', text: `${table.year} 年末，全市每万人口高价值发明专利拥有量 ${cell('high_value_per_10k', areas[0] as (typeof areas)[number])} 件，每万人口发明专利拥有量 ${cell('inventions_per_10k', areas[0] as (typeof areas)[number])} 件。${best ? `县区中每万人口高价值发明专利拥有量最高的是${best.name}（${cell('high_value_per_10k', best)} 件）。` : ''}` },
          { kind: 'chart', caption: '各县区每万人口高价值发明专利拥有量（未录入人口的功能区不列）', option: horizontalBars(charted.map((a) => a.name), charted.map((a) => Number(hv(a).toFixed(2))), '件/万人'), height: 40 + charted.length * 28 },
          group(['high_value_per_10k', 'inventions_per_10k', 'high_value_inventions', 'valid_inventions', 'invention_grants'], '专利指标'),
          group(['trademarks_per_10k_entities', 'valid_trademarks', 'pct_filings', 'gis'], '商标、PCT 与地理标志指标'),
        ],
      },
      {
        heading: '目标完成情况',
        blocks: targets.length
          ? [{ kind: 'table', caption: '已设目标的完成情况', columns: ['地区', '指标', '完成值', '目标', '完成率'], rows: targets }]
          : [{ kind: 'paragraph', text: `${table.year} 年尚未设定指标目标。` }],
      },
      ...dash.sections.slice(5),
      {
        heading: '指标说明',
        blocks: [{ kind: 'bullets', items: INDICATORS.map((c) => `${INDICATOR_DEFINITIONS[c].name.zh}：${INDICATOR_DEFINITIONS[c].formula.zh}；${INDICATOR_DEFINITIONS[c].rule.zh}。`) }],
      },
    ],
    source: `数据来源：信知知识产权大数据中心；常住人口与市场主体数取自平台人口与市场主体表（注明年份与来源，估算值已标注）。统计至 ${h.date}。`,
  };
}
