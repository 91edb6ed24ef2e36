import { INDICATOR_DEFINITIONS, INDICATORS } from '../insight/indicators';

/**
 * Figures other modules keep that the plan's indicators and the assessment can be fed from,
 * counted per area and calendar year. The data-centre indicators come from insight; the rest are
 * counted from the protection records, each by the rule shown.
 */
export const PROTECTION_METRICS = [
  'mediation_closed',
  'mediation_settled',
  'mediation_settlement_rate',
  'mediation_average_days',
  'reports_concluded',
  'cases_recorded',
  'disclosures_published',
  'disclosures_on_time_rate',
  'keylist_members',
  'credit_records_published',
] as const;
export const METRICS = [...INDICATORS, ...PROTECTION_METRICS] as const;
export type MetricCode = (typeof METRICS)[number];
export type ProtectionMetric = (typeof PROTECTION_METRICS)[number];

type Text = { zh: string; en: string };

export interface MetricDefinition {
  name: Text;
  unit: Text;
  rule: Text;
  /** Whether a larger value is better (average handling days: smaller is better). */
  better: 'higher' | 'lower';
  digits: number;
}

const PROTECTION_DEFINITIONS: Record<ProtectionMetric, MetricDefinition> = {
  mediation_closed: {
    name: { zh: '办结调解案件数', en: 'Mediation cases closed' },
    unit: { zh: '件', en: 'cases' },
    rule: { zh: '当年办结（调解成功、调解不成、转诉讼、撤回）的维权援助与调解案件，按案件管辖地区计', en: 'assistance and mediation cases closed in the year (settled, not settled, sent to court, withdrawn), by the case’s area' },
    better: 'higher',
    digits: 0,
  },
  mediation_settled: {
    name: { zh: '调解成功案件数', en: 'Mediation cases settled' },
    unit: { zh: '件', en: 'cases' },
    rule: { zh: '当年办结且结果为调解成功的案件', en: 'cases closed in the year as settled' },
    better: 'higher',
    digits: 0,
  },
  mediation_settlement_rate: {
    name: { zh: '调解成功率', en: 'Mediation settlement rate' },
    unit: { zh: '%', en: '%' },
    rule: { zh: '当年调解成功件数 ÷（调解成功 + 调解不成 + 转诉讼）件数 × 100；撤回不计入分母', en: 'settled ÷ (settled + not settled + sent to court) × 100 for cases closed in the year; withdrawals are left out' },
    better: 'higher',
    digits: 1,
  },
  mediation_average_days: {
    name: { zh: '调解案件平均办理天数', en: 'Average days to close a mediation case' },
    unit: { zh: '天', en: 'days' },
    rule: { zh: '当年办结案件自收到至办结的自然日天数平均值', en: 'mean calendar days from receipt to closure of cases closed in the year' },
    better: 'lower',
    digits: 1,
  },
  reports_concluded: {
    name: { zh: '办结举报线索数', en: 'Infringement reports concluded' },
    unit: { zh: '件', en: 'reports' },
    rule: { zh: '当年办结（调查终结）的侵权假冒举报线索，按管辖地区计', en: 'infringement reports concluded in the year, by the area with jurisdiction' },
    better: 'higher',
    digits: 0,
  },
  cases_recorded: {
    name: { zh: '共享司法与行政案件数', en: 'Cases shared' },
    unit: { zh: '件', en: 'cases' },
    rule: { zh: '案件信息共享中立案日期在当年的知识产权案件，按地区计', en: 'shared IP cases filed in the year, by area' },
    better: 'higher',
    digits: 0,
  },
  disclosures_published: {
    name: { zh: '公示行政执法决定数', en: 'Enforcement decisions published' },
    unit: { zh: '件', en: 'decisions' },
    rule: { zh: '当年公示（未撤回）的行政处罚等执法决定', en: 'enforcement decisions published in the year and not withdrawn' },
    better: 'higher',
    digits: 0,
  },
  disclosures_on_time_rate: {
    name: { zh: '执法决定按时公示率', en: 'Decisions published on time' },
    unit: { zh: '%', en: '%' },
    rule: { zh: '当年公示的决定中在法定期限内公示的比例 × 100', en: 'share of the year’s published decisions published by their legal deadline × 100' },
    better: 'higher',
    digits: 1,
  },
  keylist_members: {
    name: { zh: '保护重点关注名录企业数', en: 'Firms on the key-protection list' },
    unit: { zh: '家', en: 'firms' },
    rule: { zh: '当年 12 月 31 日（当年为今日）在册的重点关注名录企业：已列入，列入日不晚于该日', en: 'firms listed on 31 December of the year (today for the current year): listed on or before that day and still listed' },
    better: 'higher',
    digits: 0,
  },
  credit_records_published: {
    name: { zh: '公示信用记录数', en: 'Credit records published' },
    unit: { zh: '条', en: 'records' },
    rule: { zh: '当年公示的守信、失信记录（不含撤销）', en: 'honour and dishonour records published in the year (revoked ones left out)' },
    better: 'higher',
    digits: 0,
  },
};

export const METRIC_DEFINITIONS: Record<MetricCode, MetricDefinition> = {
  ...(Object.fromEntries(
    INDICATORS.map((code) => {
      const d = INDICATOR_DEFINITIONS[code];
      return [code, { name: d.name, unit: d.unit, rule: { zh: `${d.formula.zh}；${d.rule.zh}`, en: `${d.formula.en}; ${d.rule.en}` }, better: 'higher', digits: d.digits }];
    }),
  ) as Record<(typeof INDICATORS)[number], MetricDefinition>),
  ...PROTECTION_DEFINITIONS,
};

export const isMetric = (v: string): v is MetricCode => (METRICS as readonly string[]).includes(v);
