import { METRIC_DEFINITIONS, type MetricCode } from './metrics';

/**
 * Protection-level evaluation (保护水平评估): an index system of dimensions and weighted indicators,
 * scored per county/district/zone. The rules here are the only place the scores are computed; the
 * server stores their results and the web app shows the same formulas.
 */

export const EVALUATION_SOURCES = ['metric', 'satisfaction', 'manual'] as const;
export type EvaluationSource = (typeof EVALUATION_SOURCES)[number];
export const NORMALISATIONS = ['minmax', 'benchmark'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];

export interface EvaluationIndicator {
  /** Stable within the year's system; manual inputs are keyed by it. */
  key: string;
  name: string;
  /** Share of its dimension, in percent (a dimension's indicators sum to 100). */
  weight: number;
  source: EvaluationSource;
  metric: MetricCode | null;
  better: 'higher' | 'lower';
  method: Normalisation;
  benchmark: number | null;
  unit: string;
}

export interface EvaluationDimension {
  key: string;
  name: string;
  /** Share of the overall index, in percent (dimensions sum to 100). */
  weight: number;
  indicators: EvaluationIndicator[];
}

/** An area's input for one indicator: the value, and where it came from. */
export interface EvaluationInput {
  value: number | null;
  /** Records behind a metric, survey responses, or null for a manual figure. */
  count: number | null;
  drill: { path: string; query: Record<string, string> } | null;
  note: string | null;
}

export interface IndicatorResult {
  key: string;
  raw: number | null;
  score: number | null;
  /** The share of the overall index the indicator carried for this area after re-weighting, in percent. */
  effectiveWeight: number;
  contribution: number;
}

export interface AreaResult {
  area: string;
  overall: number | null;
  rank: number | null;
  dimensions: Array<{ key: string; score: number | null }>;
  indicators: IndicatorResult[];
  /** Share of the nominal weight that had data, in percent. */
  coverage: number;
}

/** The normalisation and missing-data rules as shown to officials. */
export const FORMULA = {
  minmax: {
    zh: '极差法：得分 = (本地区值 − 各地区最小值) ÷ (最大值 − 最小值) × 100；越小越好的指标取 (最大值 − 本地区值) ÷ (最大值 − 最小值) × 100；各地区数值相同时均得 100 分',
    en: 'Min–max: score = (value − min) ÷ (max − min) × 100 across the areas; for lower-is-better, (max − value) ÷ (max − min) × 100; when all areas are equal each scores 100',
  },
  benchmark: {
    zh: '标杆值法：得分 = 本地区值 ÷ 标杆值 × 100（最高 100）；越小越好的指标取 标杆值 ÷ 本地区值 × 100（不超过标杆值得 100）',
    en: 'Benchmark: score = value ÷ benchmark × 100 (at most 100); for lower-is-better, benchmark ÷ value × 100 (100 at or below the benchmark)',
  },
  missing: {
    zh: '缺数据的指标不计分也不计 0 分：其权重按比例分给同一维度内有数据的指标；整个维度缺数据时，其权重分给其他维度。覆盖率显示有数据的权重占比',
    en: 'A missing value is neither scored nor counted as 0: its weight goes pro rata to the indicators of its dimension that have data; a dimension without any data passes its weight to the other dimensions. Coverage shows the share of weight that had data',
  },
  overall: {
    zh: '维度得分 = Σ(指标得分 × 指标权重) ÷ Σ有数据指标权重；综合指数 = Σ(维度得分 × 维度权重) ÷ Σ有数据维度权重；全市平均为各地区的算术平均',
    en: 'Dimension score = Σ(score × weight) ÷ Σ weights with data; overall index = Σ(dimension score × weight) ÷ Σ dimension weights with data; the city average is the mean over the areas',
  },
} as const;

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Scores of one indicator for every area, 0–100, null where the value is missing. */
export function normalise(values: ReadonlyMap<string, number | null>, ind: Pick<EvaluationIndicator, 'method' | 'better' | 'benchmark'>): Map<string, number | null> {
  const present = [...values.values()].filter((v): v is number => v !== null && Number.isFinite(v));
  const out = new Map<string, number | null>();
  const min = Math.min(...present);
  const max = Math.max(...present);
  for (const [area, v] of values) {
    if (v === null || !Number.isFinite(v)) {
      out.set(area, null);
      continue;
    }
    let s: number;
    if (ind.method === 'benchmark') {
      const b = ind.benchmark ?? 0;
      if (b <= 0) s = 0;
      else if (ind.better === 'higher') s = Math.min(100, (v / b) * 100);
      else s = v <= b ? 100 : (b / v) * 100;
    } else if (max === min) s = 100;
    else s = ind.better === 'higher' ? ((v - min) / (max - min)) * 100 : ((max - v) / (max - min)) * 100;
    out.set(area, s);
  }
  return out;
}

/**
 * The whole evaluation from the index system and the inputs (indicator key → area → input): the
 * same inputs always give the same results. Scores are rounded to two decimals at the end only.
 */
export function computeEvaluation(dimensions: readonly EvaluationDimension[], inputs: Record<string, Record<string, EvaluationInput>>, areas: readonly string[]): AreaResult[] {
  const scores = new Map<string, Map<string, number | null>>();
  for (const d of dimensions) {
    for (const ind of d.indicators) {
      const vals = new Map(areas.map((a) => [a, inputs[ind.key]?.[a]?.value ?? null] as const));
      scores.set(ind.key, normalise(vals, ind));
    }
  }
  const totalDim = dimensions.reduce((s, d) => s + d.weight, 0);
  const results: AreaResult[] = areas.map((area) => {
    const dims = dimensions.map((d) => {
      const withData = d.indicators.filter((i) => scores.get(i.key)?.get(area) != null);
      const w = withData.reduce((s, i) => s + i.weight, 0);
      const score = w > 0 ? withData.reduce((s, i) => s + (scores.get(i.key)!.get(area) as number) * i.weight, 0) / w : null;
      return { d, score, withWeight: w };
    });
    const dimWithData = dims.filter((x) => x.score !== null);
    const dw = dimWithData.reduce((s, x) => s + x.d.weight, 0);
    const overall = dw > 0 ? dimWithData.reduce((s, x) => s + (x.score as number) * x.d.weight, 0) / dw : null;
    const indicators: IndicatorResult[] = [];
    let covered = 0;
    for (const x of dims) {
      const indTotal = x.d.indicators.reduce((s, i) => s + i.weight, 0);
      for (const i of x.d.indicators) {
        const score = scores.get(i.key)?.get(area) ?? null;
        const eff = score !== null && x.score !== null && dw > 0 && x.withWeight > 0 ? (x.d.weight / dw) * (i.weight / x.withWeight) * 100 : 0;
        if (score !== null && totalDim > 0 && indTotal > 0) covered += (x.d.weight / totalDim) * (i.weight / indTotal) * 100;
        indicators.push({
          key: i.key,
          raw: inputs[i.key]?.[area]?.value ?? null,
          score: score === null ? null : round2(score),
          effectiveWeight: round2(eff),
          contribution: score === null ? 0 : round2((eff * score) / 100),
        });
      }
    }
    return {
      area,
      overall: overall === null ? null : round2(overall),
      rank: null,
      dimensions: dims.map((x) => ({ key: x.d.key, score: x.score === null ? null : round2(x.score) })),
      indicators,
      coverage: round2(covered),
    };
  });
  // Competition ranking (1, 2, 2, 4) on the rounded index; areas without an index are not ranked.
  const ranked = results.filter((r) => r.overall !== null).sort((a, b) => (b.overall as number) - (a.overall as number));
  for (const r of ranked) r.rank = 1 + ranked.filter((o) => (o.overall as number) > (r.overall as number)).length;
  return results;
}

/** The mean over the areas that have a figure (the city average drawn on the radar). */
export function areaMean(values: ReadonlyArray<number | null>): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? round2(v.reduce((s, x) => s + x, 0) / v.length) : null;
}

/** Problems with an index system, each with the field it concerns (empty when it is sound). */
export function checkSystem(dimensions: readonly EvaluationDimension[]): Array<{ field: string; message: { zh: string; en: string } }> {
  const out: Array<{ field: string; message: { zh: string; en: string } }> = [];
  const near = (a: number, b: number) => Math.abs(a - b) < 0.001;
  const dimSum = dimensions.reduce((s, d) => s + d.weight, 0);
  if (!near(dimSum, 100)) out.push({ field: 'dimensions', message: { zh: `各维度权重之和应为 100，当前为 ${round2(dimSum)}`, en: `Dimension weights must sum to 100 (now ${round2(dimSum)})` } });
  const keys = new Set<string>();
  dimensions.forEach((d, di) => {
    const sum = d.indicators.reduce((s, i) => s + i.weight, 0);
    if (!near(sum, 100)) out.push({ field: `dimensions.${di}.indicators`, message: { zh: `“${d.name}”下各指标权重之和应为 100，当前为 ${round2(sum)}`, en: `Indicator weights of “${d.name}” must sum to 100 (now ${round2(sum)})` } });
    for (const k of [d.key, ...d.indicators.map((i) => i.key)]) {
      if (keys.has(k)) out.push({ field: `dimensions.${di}`, message: { zh: `编码 ${k} 重复`, en: `Key ${k} is used twice` } });
      keys.add(k);
    }
    d.indicators.forEach((i, ii) => {
      const f = `dimensions.${di}.indicators.${ii}`;
      if (i.source === 'metric' && !i.metric) out.push({ field: `${f}.metric`, message: { zh: `“${i.name}”须选择平台指标`, en: `“${i.name}” needs a platform metric` } });
      if (i.method === 'benchmark' && !(i.benchmark && i.benchmark > 0)) out.push({ field: `${f}.benchmark`, message: { zh: `“${i.name}”用标杆值法，须填写大于 0 的标杆值`, en: `“${i.name}” uses a benchmark: enter one above 0` } });
    });
  });
  return out;
}

/** A metric indicator's direction is the metric's own (average days: lower is better). */
export function betterOf(i: Pick<EvaluationIndicator, 'source' | 'metric' | 'better'>): 'higher' | 'lower' {
  if (i.source === 'metric' && i.metric) return METRIC_DEFINITIONS[i.metric].better;
  if (i.source === 'satisfaction') return 'higher';
  return i.better;
}

const ind = (key: string, name: string, weight: number, rest: Partial<EvaluationIndicator> & Pick<EvaluationIndicator, 'source' | 'unit'>): EvaluationIndicator => ({
  key,
  name,
  weight,
  metric: null,
  better: 'higher',
  method: 'minmax',
  benchmark: null,
  ...rest,
});

/** The index system offered by "use the default": five dimensions, the platform's own figures first. */
export const DEFAULT_SYSTEM: { title: string; dimensions: EvaluationDimension[] } = {
  title: '知识产权保护水平评估指标体系',
  dimensions: [
    {
      key: 'judicial',
      name: '司法保护',
      weight: 20,
      indicators: [
        ind('cases_recorded', '知识产权司法与行政案件数', 60, { source: 'metric', metric: 'cases_recorded', unit: '件' }),
        ind('judicial_cases_concluded_rate', '知识产权案件审结率', 40, { source: 'manual', method: 'benchmark', benchmark: 95, unit: '%' }),
      ],
    },
    {
      key: 'administrative',
      name: '行政保护',
      weight: 25,
      indicators: [
        ind('reports_concluded', '办结侵权假冒举报线索数', 40, { source: 'metric', metric: 'reports_concluded', unit: '件' }),
        ind('disclosures_on_time_rate', '执法决定按时公示率', 30, { source: 'metric', metric: 'disclosures_on_time_rate', method: 'benchmark', benchmark: 100, unit: '%' }),
        ind('credit_records_published', '公示信用记录数', 30, { source: 'metric', metric: 'credit_records_published', unit: '条' }),
      ],
    },
    {
      key: 'cooperative',
      name: '协同保护',
      weight: 20,
      indicators: [
        ind('mediation_closed', '办结维权援助与调解案件数', 30, { source: 'metric', metric: 'mediation_closed', unit: '件' }),
        ind('mediation_settlement_rate', '调解成功率', 40, { source: 'metric', metric: 'mediation_settlement_rate', unit: '%' }),
        ind('mediation_average_days', '调解案件平均办理天数', 30, { source: 'metric', metric: 'mediation_average_days', better: 'lower', unit: '天' }),
      ],
    },
    {
      key: 'social',
      name: '社会共治与满意度',
      weight: 20,
      indicators: [
        ind('satisfaction', '知识产权保护社会满意度', 70, { source: 'satisfaction', method: 'benchmark', benchmark: 90, unit: '分' }),
        ind('outreach_events', '保护宣传培训活动场次', 30, { source: 'manual', unit: '场' }),
      ],
    },
    {
      key: 'foundation',
      name: '保护基础',
      weight: 15,
      indicators: [
        ind('keylist_members', '保护重点关注名录企业数', 50, { source: 'metric', metric: 'keylist_members', unit: '家' }),
        ind('protection_staff', '专职知识产权保护工作人员数', 50, { source: 'manual', unit: '人' }),
      ],
    },
  ],
};
