import { canonicalJson } from '../canonical-json';

/**
 * The assessment's scoring rules, written once: the server computes with them and the web app
 * shows the same formulas. computeAssessment is a pure function of its inputs, so the same inputs
 * (and the same SHA-256 of their canonical JSON) always give the same scores.
 */

export const ASSESSMENT_STATUSES = ['draft', 'computed', 'reviewed', 'published'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const INDICATOR_KINDS = ['score', 'bonus', 'deduction'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_SOURCES = ['metric', 'plan', 'survey', 'evaluation', 'manual'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const SCORING_RULES = ['ratio', 'thresholds', 'rank', 'manual'] as const;
export type ScoringRule = (typeof SCORING_RULES)[number];

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeBand {
  grade: Grade;
  min: number;
}

export const DEFAULT_GRADES: readonly GradeBand[] = [
  { grade: 'excellent', min: 90 },
  { grade: 'good', min: 80 },
  { grade: 'pass', min: 60 },
  { grade: 'fail', min: 0 },
];

export const COMMENDATION_KINDS = ['unit', 'individual'] as const;
export type CommendationKind = (typeof COMMENDATION_KINDS)[number];

export interface Band {
  /** higher-is-better: value ≥ bound; lower-is-better: value ≤ bound. */
  bound: number;
  points: number;
}

export interface Drill {
  path: string;
  query: Record<string, string>;
}

/** One area's input value of an indicator, with what it was counted from. */
export interface InputValue {
  value: number | null;
  /** Records behind the value, or for plan completion: assigned / completed / on time / overdue. */
  count?: number;
  detail?: Record<string, number | null>;
  drill?: Drill | null;
}

export interface RubricIndicatorInput {
  id: number;
  seq: number;
  kind: IndicatorKind;
  dimension: string;
  name: string;
  points: number;
  source: IndicatorSource;
  metric: string | null;
  rule: ScoringRule;
  better: 'higher' | 'lower';
  target: number | null;
  bands: Band[];
  /** Per-area targets of a ratio indicator. */
  targets: Record<string, number>;
}

export interface EntryInput {
  id: number;
  points: number;
  reason: string;
}

/** Everything a computation reads: hashed as canonical JSON, stored with each run. */
export interface AssessmentInputs {
  year: number;
  areas: string[];
  grades: GradeBand[];
  indicators: RubricIndicatorInput[];
  /** indicator id → area → value (sources other than manual). */
  values: Record<string, Record<string, InputValue>>;
  /** indicator id → area → entries (manual scores, bonus and deduction entries). */
  entries: Record<string, Record<string, EntryInput[]>>;
}

export interface IndicatorScore {
  id: number;
  value: number | null;
  target: number | null;
  points: number;
  /** Why the points are what they are, in both languages. */
  note: { zh: string; en: string };
  missing: boolean;
}

export interface AdjustmentScore {
  id: number;
  kind: 'bonus' | 'deduction';
  /** Sum of the area's entries for the item, capped at the item's points. */
  points: number;
  capped: boolean;
}

export interface AreaResult {
  code: string;
  indicators: IndicatorScore[];
  adjustments: AdjustmentScore[];
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  grade: Grade;
  rank: number;
}

export interface AssessmentResult {
  weightsSum: number;
  areas: AreaResult[];
}

/** Money-style rounding to two decimals that does not drift on binary fractions (0.285 → 0.29). */
export const round2 = (v: number) => Math.round((v + Number.EPSILON) * 100) / 100;

const fmt = (v: number) => String(round2(v));

export function gradeOf(total: number, grades: readonly GradeBand[]): Grade {
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  for (const g of sorted) if (total >= g.min) return g.grade;
  return sorted[sorted.length - 1]?.grade ?? 'fail';
}

export const weightsSum = (indicators: readonly Pick<RubricIndicatorInput, 'kind' | 'points'>[]) =>
  round2(indicators.filter((i) => i.kind === 'score').reduce((s, i) => s + i.points, 0));

/** Points of a ratio rule: value ÷ target × points, capped (target ÷ value when lower is better). */
function ratioScore(ind: RubricIndicatorInput, value: number, target: number): { points: number; note: { zh: string; en: string } } {
  if (ind.better === 'lower') {
    const share = value <= 0 ? 1 : Math.min(1, target / value);
    return { points: round2(share * ind.points), note: { zh: `目标 ${fmt(target)} ÷ 实际 ${fmt(value)} × ${fmt(ind.points)} 分（封顶）`, en: `target ${fmt(target)} ÷ value ${fmt(value)} × ${fmt(ind.points)} (capped)` } };
  }
  const share = target <= 0 ? 1 : Math.min(1, value / target);
  return { points: round2(share * ind.points), note: { zh: `实际 ${fmt(value)} ÷ 目标 ${fmt(target)} × ${fmt(ind.points)} 分（封顶）`, en: `value ${fmt(value)} ÷ target ${fmt(target)} × ${fmt(ind.points)} (capped)` } };
}

function thresholdScore(ind: RubricIndicatorInput, value: number): { points: number; note: { zh: string; en: string } } {
  const hits = ind.bands.filter((b) => (ind.better === 'lower' ? value <= b.bound : value >= b.bound));
  const best = hits.reduce<Band | null>((m, b) => (!m || b.points > m.points ? b : m), null);
  if (!best) return { points: 0, note: { zh: `实际 ${fmt(value)} 未达到任何档次`, en: `value ${fmt(value)} reaches no band` } };
  const op = ind.better === 'lower' ? '≤' : '≥';
  const pts = round2(Math.min(best.points, ind.points));
  return { points: pts, note: { zh: `实际 ${fmt(value)} ${op} ${fmt(best.bound)} → ${fmt(pts)} 分`, en: `value ${fmt(value)} ${op} ${fmt(best.bound)} → ${fmt(pts)}` } };
}

/** Competition ranking (1, 1, 3) of areas by a value; areas without one are left out. */
function ranksBy(values: ReadonlyArray<{ code: string; v: number }>, better: 'higher' | 'lower'): Map<string, number> {
  const sorted = [...values].sort((a, b) => (better === 'lower' ? a.v - b.v : b.v - a.v));
  const out = new Map<string, number>();
  sorted.forEach((x, i) => {
    const prev = sorted[i - 1];
    out.set(x.code, prev && prev.v === x.v ? (out.get(prev.code) as number) : i + 1);
  });
  return out;
}

/** Under the rank rule the last place keeps 60 % of the points. */
export const RANK_FLOOR_CUT = 0.4;

const MISSING = { zh: '缺数据，记 0 分', en: 'no data: 0 points' };

/** Scores every area under the rubric. Pure and deterministic: the order of areas is the input order. */
export function computeAssessment(inputs: AssessmentInputs): AssessmentResult {
  const scored = inputs.indicators.filter((i) => i.kind === 'score').sort((a, b) => a.seq - b.seq);
  const adjusters = inputs.indicators.filter((i) => i.kind !== 'score').sort((a, b) => a.seq - b.seq);
  const rankOf = new Map<number, Map<string, number>>();
  for (const ind of scored) {
    if (ind.rule !== 'rank') continue;
    const vals = inputs.areas.flatMap((code) => {
      const v = inputs.values[String(ind.id)]?.[code]?.value;
      return v === null || v === undefined ? [] : [{ code, v }];
    });
    rankOf.set(ind.id, ranksBy(vals, ind.better));
  }
  const areas = inputs.areas.map((code) => {
    const indicators: IndicatorScore[] = scored.map((ind) => {
      const target = ind.rule === 'ratio' ? (ind.targets[code] ?? ind.target) : null;
      if (ind.rule === 'manual') {
        const e = inputs.entries[String(ind.id)]?.[code]?.[0];
        if (!e) return { id: ind.id, value: null, target: null, points: 0, note: { zh: '未录入评分，记 0 分', en: 'no score entered: 0 points' }, missing: true };
        const pts = round2(Math.min(e.points, ind.points));
        return { id: ind.id, value: e.points, target: null, points: pts, note: { zh: `人工评分：${e.reason}`, en: `scored by hand: ${e.reason}` }, missing: false };
      }
      const value = inputs.values[String(ind.id)]?.[code]?.value ?? null;
      if (value === null) return { id: ind.id, value: null, target, points: 0, note: MISSING, missing: true };
      if (ind.rule === 'ratio') return { id: ind.id, value, target, ...ratioScore(ind, value, target ?? 0), missing: false };
      if (ind.rule === 'thresholds') return { id: ind.id, value, target: null, ...thresholdScore(ind, value), missing: false };
      const ranks = rankOf.get(ind.id) as Map<string, number>;
      const n = ranks.size;
      const r = ranks.get(code) as number;
      // First place full points, last place 60 %, linear between.
      const share = n > 1 ? 1 - (RANK_FLOOR_CUT * (r - 1)) / (n - 1) : 1;
      const pts = round2(share * ind.points);
      return { id: ind.id, value, target: null, points: pts, note: { zh: `第 ${r} 名 / 共 ${n} 个：${fmt(ind.points)} × (1 − 0.4 × (${r} − 1) ÷ (${n} − 1))`, en: `rank ${r} of ${n}: ${fmt(ind.points)} × (1 − 0.4 × (${r} − 1) ÷ (${n} − 1))` }, missing: false };
    });
    const adjustments: AdjustmentScore[] = adjusters.map((ind) => {
      const sum = round2((inputs.entries[String(ind.id)]?.[code] ?? []).reduce((s, e) => s + e.points, 0));
      return { id: ind.id, kind: ind.kind as 'bonus' | 'deduction', points: Math.min(sum, ind.points), capped: sum > ind.points };
    });
    const base = round2(indicators.reduce((s, i) => s + i.points, 0));
    const bonus = round2(adjustments.filter((a) => a.kind === 'bonus').reduce((s, a) => s + a.points, 0));
    const deduction = round2(adjustments.filter((a) => a.kind === 'deduction').reduce((s, a) => s + a.points, 0));
    const total = Math.max(0, round2(base + bonus - deduction));
    return { code, indicators, adjustments, base, bonus, deduction, total, grade: gradeOf(total, inputs.grades), rank: 0 };
  });
  const ranks = ranksBy(areas.map((a) => ({ code: a.code, v: a.total })), 'higher');
  for (const a of areas) a.rank = ranks.get(a.code) as number;
  return { weightsSum: weightsSum(inputs.indicators), areas };
}

export interface InputChange {
  indicatorId: number | null;
  indicator: string;
  area: string;
  before: number | null;
  after: number | null;
}

const entriesTotal = (es: readonly EntryInput[] | undefined) => (es ? round2(es.reduce((s, e) => s + e.points, 0)) : null);

/** Which indicator inputs differ between two snapshots of the same rubric (what a check flags). */
export function diffInputs(before: AssessmentInputs, after: AssessmentInputs): InputChange[] {
  const out: InputChange[] = [];
  for (const ind of after.indicators) {
    const key = String(ind.id);
    for (const area of after.areas) {
      const manual = ind.rule === 'manual' || ind.kind !== 'score';
      const b = manual ? entriesTotal(before.entries[key]?.[area]) : (before.values[key]?.[area]?.value ?? null);
      const a = manual ? entriesTotal(after.entries[key]?.[area]) : (after.values[key]?.[area]?.value ?? null);
      const bd = canonicalJson(manual ? (before.entries[key]?.[area] ?? []) : (before.values[key]?.[area] ?? null));
      const ad = canonicalJson(manual ? (after.entries[key]?.[area] ?? []) : (after.values[key]?.[area] ?? null));
      if (a !== b || ad !== bd) out.push({ indicatorId: ind.id, indicator: ind.name, area, before: b, after: a });
    }
  }
  const rubricOf = (x: AssessmentInputs) => canonicalJson({ g: x.grades, i: x.indicators, a: x.areas });
  if (rubricOf(before) !== rubricOf(after)) out.push({ indicatorId: null, indicator: '考核细则 / rubric', area: '', before: null, after: null });
  return out;
}
