import { describe, expect, it } from 'vitest';
import { computeAssessment, gradeOf, type AssessmentInputs, type RubricIndicatorInput } from './assessment';

const indicator = (over: Partial<RubricIndicatorInput>): RubricIndicatorInput => ({
  id: 1,
  seq: 1,
  kind: 'score',
  dimension: '维权',
  name: '平均办理天数',
  points: 100,
  source: 'metric',
  metric: 'mediation_average_days',
  rule: 'rank',
  better: 'lower',
  target: null,
  bands: [],
  targets: {},
  ...over,
});

const inputs = (ind: RubricIndicatorInput, values: Record<string, number | null>): AssessmentInputs => ({
  year: 2024,
  areas: Object.keys(values),
  grades: [
    { grade: 'excellent', min: 90 },
    { grade: 'good', min: 80 },
    { grade: 'pass', min: 60 },
    { grade: 'fail', min: 0 },
  ],
  indicators: [ind],
  values: { [String(ind.id)]: Object.fromEntries(Object.entries(values).map(([a, v]) => [a, { value: v }])) },
  entries: {},
});

describe('assessment scoring rules', () => {
  it('ranks lower-is-better values: first full points, last 60 %, ties share a place, no data scores 0', () => {
    // 20 days is best (rank 1 → 100), two areas tie at 30 (rank 2 → 100 × (1 − 0.4 × 1/3) = 86.67),
    // 50 days is last of four (rank 4 → 60); the area without cases is left out of the ranking.
    const r = computeAssessment(inputs(indicator({}), { a: 30, b: 20, c: 50, d: 30, e: null }));
    const total = Object.fromEntries(r.areas.map((x) => [x.code, x.total]));
    expect(total).toEqual({ a: 86.67, b: 100, c: 60, d: 86.67, e: 0 });
    expect(r.areas.find((x) => x.code === 'e')?.indicators[0]?.missing).toBe(true);
    expect(Object.fromEntries(r.areas.map((x) => [x.code, x.rank]))).toEqual({ b: 1, a: 2, d: 2, c: 4, e: 5 });
  });

  it('scores a lower-is-better ratio as target ÷ value, capped', () => {
    const r = computeAssessment(inputs(indicator({ rule: 'ratio', target: 30 }), { a: 60, b: 15 }));
    expect(r.areas.map((x) => x.total)).toEqual([50, 100]);
  });

  it('grades at the band edges', () => {
    const g = inputs(indicator({}), {}).grades;
    expect([90, 89.99, 80, 60, 59.99].map((v) => gradeOf(v, g))).toEqual(['excellent', 'good', 'good', 'pass', 'fail']);
  });
});
