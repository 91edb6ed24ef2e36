/**
 * The satisfaction index (社会满意度指数) of a survey, after CNIPA's 知识产权保护社会满意度调查: five
 * first-level indicators scored 0–100. Written once here; the server computes results with it and
 * the web app shows the same formula.
 */

type Text = { zh: string; en: string };

export const DIMENSIONS = ['law_policy', 'enforcement', 'mechanism', 'awareness', 'effect'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, Text> = {
  law_policy: { zh: '法律政策', en: 'Laws and policies' },
  enforcement: { zh: '执法保护', en: 'Enforcement' },
  mechanism: { zh: '机制建设', en: 'Mechanisms' },
  awareness: { zh: '意识培养', en: 'Awareness' },
  effect: { zh: '保护效果', en: 'Protection effect' },
};

export const QUESTION_KINDS = ['single', 'multiple', 'likert5', 'likert10', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const isLikert = (k: QuestionKind): k is 'likert5' | 'likert10' => k === 'likert5' || k === 'likert10';
/** What is wrong with a choice question's options, or null: it needs two, none repeated. */
export type ChoiceOptionsProblem = 'too_few' | 'repeat';
export function choiceOptionsProblem(options: readonly string[]): ChoiceOptionsProblem | null {
  if (options.length < 2) return 'too_few';
  if (new Set(options).size !== options.length) return 'repeat';
  return null;
}

/** The lowest and highest answer of a Likert scale. */
export const LIKERT_RANGE = { likert5: [1, 5], likert10: [0, 10] } as const;

export const RESPONDENT_TYPES = ['enterprise', 'individual', 'agency', 'other'] as const;
export type RespondentType = (typeof RESPONDENT_TYPES)[number];

export const DEFAULT_DIMENSION_WEIGHTS: Record<Dimension, number> = { law_policy: 0.2, enforcement: 0.2, mechanism: 0.2, awareness: 0.2, effect: 0.2 };

/** The published national results, shown beside the city's for comparison. */
export const NATIONAL_REFERENCE = {
  source: {
    zh: '国家知识产权局：全国知识产权保护社会满意度调查结果（2021、2022、2024 年度）',
    en: 'CNIPA, national survey of public satisfaction with IP protection (2021, 2022, 2024)',
  },
  overall: [
    { year: 2021, value: 80.61 },
    { year: 2022, value: 81.25 },
    { year: 2024, value: 82.36 },
  ],
  dimensions2024: { law_policy: 83.84, enforcement: 82.57, mechanism: 82.3, awareness: 80.11, effect: 81.77 } as Record<Dimension, number>,
} as const;

export const INDEX_FORMULA: Text = {
  zh: '每道量表题的回答换算为 0–100 分（1–5 分量表：(得分−1)÷4×100；0–10 分量表：得分×10），取该题平均分；一级指标得分 = 该指标下各题平均分按题目权重加权平均；满意度指数 = 各一级指标得分按指标权重加权平均（无回答的指标不计入，权重按其余指标重新归一）。保留两位小数。',
  en: 'Each Likert answer is mapped to 0–100 (1–5 scale: (answer − 1) ÷ 4 × 100; 0–10 scale: answer × 10) and averaged per question; a dimension’s score is the question-weighted mean of its questions; the index is the dimension-weighted mean of the dimension scores (dimensions without answers are left out and the other weights renormalised). Two decimals.',
};

/** One Likert answer on the 0–100 scale. */
export function likertTo100(kind: 'likert5' | 'likert10', answer: number): number {
  return kind === 'likert5' ? ((answer - 1) / 4) * 100 : answer * 10;
}

export const round2 = (v: number) => Math.round(v * 100) / 100;

export interface LikertQuestionStat {
  dimension: Dimension | null;
  weight: number;
  /** Mean of the answers on the 0–100 scale; null without answers. */
  mean100: number | null;
}

export interface IndexResult {
  index: number | null;
  dimensions: Record<Dimension, number | null>;
}

/** Dimension scores and the index from the per-question 0–100 means (see INDEX_FORMULA). */
export function satisfactionIndex(questions: readonly LikertQuestionStat[], dimensionWeights: Record<Dimension, number>): IndexResult {
  const dimensions = {} as Record<Dimension, number | null>;
  let sum = 0;
  let weights = 0;
  for (const d of DIMENSIONS) {
    const qs = questions.filter((q) => q.dimension === d && q.mean100 !== null);
    const w = qs.reduce((s, q) => s + q.weight, 0);
    const score = w > 0 ? qs.reduce((s, q) => s + q.weight * (q.mean100 as number), 0) / w : null;
    dimensions[d] = score === null ? null : round2(score);
    const dw = dimensionWeights[d] ?? 0;
    if (score !== null && dw > 0) {
      sum += dw * score;
      weights += dw;
    }
  }
  return { index: weights > 0 ? round2(sum / weights) : null, dimensions };
}
