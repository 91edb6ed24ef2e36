/**
 * The indicators of the city's IP work plan, each with its formula and counting rule as shown to
 * officials. The server computes them (insight/indicators), the web app and the CLI show them.
 */
export const INDICATORS = [
  'high_value_per_10k',
  'inventions_per_10k',
  'high_value_inventions',
  'valid_inventions',
  'invention_grants',
  'trademarks_per_10k_entities',
  'valid_trademarks',
  'pct_filings',
  'gis',
] as const;
export type IndicatorCode = (typeof INDICATORS)[number];

type Text = { zh: string; en: string };

export interface IndicatorDefinition {
  name: Text;
  unit: Text;
  formula: Text;
  /** What is counted, in words an official can check a list against. */
  rule: Text;
  /** Figures per 10,000 of this denominator; counts have none. */
  per: 'population' | 'entities' | null;
  /** Decimal places shown. */
  digits: number;
}

const IN_FORCE: Text = {
  zh: '截至当年 12 月 31 日（当年为今日）已授权且仍有效：授权日不晚于该日，且现在有效或在该日之后才失效（失效日期不明的按已失效计）',
  en: 'granted by 31 December of the year (today for the current year) and in force then: still valid, or ended later (an end of unknown date counts as ended)',
};
const HIGH_VALUE: Text = {
  zh: '有效发明专利中符合任一条件者：①属于战略性新兴产业（按 IPC 与产业对照表）；②有海外同族专利授权；③维持年限超过 10 年（自申请日起）；④质押融资金额达 1000 万元以上；⑤获中国专利奖（金奖、银奖、优秀奖）',
  en: 'valid invention patents meeting any of: (1) in a strategic emerging industry (IPC concordance); (2) a family member granted abroad; (3) in force more than 10 years since filing; (4) pledged for 10 million yuan or more; (5) a China Patent Award (gold, silver, excellence)',
};

export const INDICATOR_DEFINITIONS: Record<IndicatorCode, IndicatorDefinition> = {
  high_value_per_10k: {
    name: { zh: '每万人口高价值发明专利拥有量', en: 'High-value invention patents per 10,000 people' },
    unit: { zh: '件/万人', en: 'per 10,000 people' },
    formula: { zh: '高价值发明专利拥有量 ÷ 常住人口 × 10000', en: 'high-value invention patents ÷ resident population × 10,000' },
    rule: { zh: `${HIGH_VALUE.zh}；有效指${IN_FORCE.zh}。人口取当年数，没有则取之前最近一年，再没有则取之后最近一年`, en: `${HIGH_VALUE.en}; in force means ${IN_FORCE.en}. Population of the year, else the latest before it, else the earliest after it` },
    per: 'population',
    digits: 2,
  },
  inventions_per_10k: {
    name: { zh: '每万人口发明专利拥有量', en: 'Invention patents per 10,000 people' },
    unit: { zh: '件/万人', en: 'per 10,000 people' },
    formula: { zh: '有效发明专利拥有量 ÷ 常住人口 × 10000', en: 'invention patents in force ÷ resident population × 10,000' },
    rule: { zh: `发明专利，${IN_FORCE.zh}。人口取当年数，没有则取之前最近一年，再没有则取之后最近一年`, en: `invention patents ${IN_FORCE.en}. Population of the year, else the latest before it, else the earliest after it` },
    per: 'population',
    digits: 2,
  },
  high_value_inventions: {
    name: { zh: '高价值发明专利拥有量', en: 'High-value invention patents' },
    unit: { zh: '件', en: 'patents' },
    formula: { zh: '符合高价值条件的有效发明专利件数', en: 'count of valid invention patents meeting a high-value criterion' },
    rule: HIGH_VALUE,
    per: null,
    digits: 0,
  },
  valid_inventions: {
    name: { zh: '有效发明专利拥有量', en: 'Invention patents in force' },
    unit: { zh: '件', en: 'patents' },
    formula: { zh: '当年末有效的发明专利件数', en: 'count of invention patents in force at the end of the year' },
    rule: { zh: `发明专利，${IN_FORCE.zh}`, en: `invention patents ${IN_FORCE.en}` },
    per: null,
    digits: 0,
  },
  invention_grants: {
    name: { zh: '发明专利授权量', en: 'Invention patents granted' },
    unit: { zh: '件', en: 'patents' },
    formula: { zh: '授权公告日在当年的发明专利件数', en: 'count of invention patents whose grant was published in the year' },
    rule: { zh: '发明专利，授权公告日在当年 1 月 1 日至 12 月 31 日', en: 'invention patents with a grant date from 1 January to 31 December of the year' },
    per: null,
    digits: 0,
  },
  trademarks_per_10k_entities: {
    name: { zh: '每万户市场主体商标拥有量', en: 'Registered trademarks per 10,000 market entities' },
    unit: { zh: '件/万户', en: 'per 10,000 entities' },
    formula: { zh: '有效注册商标量 ÷ 市场主体户数 × 10000', en: 'registered trademarks in force ÷ market entities × 10,000' },
    rule: {
      zh: '截至当年 12 月 31 日已注册且有效的商标（现为注册状态，或在该日之后才到期）；市场主体户数取当年数，没有则取之前最近一年，再没有则取之后最近一年',
      en: 'trademarks registered by 31 December of the year and in force then (registered now, or expired later); market entities of the year, else the latest before it, else the earliest after it',
    },
    per: 'entities',
    digits: 1,
  },
  valid_trademarks: {
    name: { zh: '有效注册商标量', en: 'Registered trademarks in force' },
    unit: { zh: '件', en: 'marks' },
    formula: { zh: '当年末有效的注册商标件数（按类别计）', en: 'registered trademarks in force at the end of the year (one per class)' },
    rule: { zh: '截至当年 12 月 31 日已注册且有效的商标（现为注册状态，或在该日之后才到期）', en: 'trademarks registered by 31 December of the year and in force then' },
    per: null,
    digits: 0,
  },
  pct_filings: {
    name: { zh: 'PCT 国际专利申请量', en: 'PCT filings' },
    unit: { zh: '件', en: 'filings' },
    formula: { zh: '申请日在当年、经 PCT 途径的专利申请件数', en: 'count of patent applications filed in the year through the PCT' },
    rule: { zh: '标记为 PCT 申请的专利，申请日在当年', en: 'patents marked as PCT filings with a filing date in the year' },
    per: null,
    digits: 0,
  },
  gis: {
    name: { zh: '地理标志数量', en: 'Geographical indications' },
    unit: { zh: '个', en: 'GIs' },
    formula: { zh: '截至当年末获批的地理标志产品及地理标志商标个数', en: 'GI products and GI marks approved by the end of the year' },
    rule: { zh: '批准日期不晚于当年 12 月 31 日（日期不明的计入）', en: 'approved on or before 31 December of the year (an unknown date counts)' },
    per: null,
    digits: 0,
  },
};

export const isIndicator = (v: string): v is IndicatorCode => (INDICATORS as readonly string[]).includes(v);

