import { z } from 'zod';
import { DIMENSIONS, QUESTION_KINDS, RESPONDENT_TYPES, choiceOptionsProblem, isLikert } from '../../../../shared/workplan/satisfaction';
import { challengeAnswer } from '../../../http/challenge';
import { areaCode, text } from '../../protection/fields';

export const SURVEY_STATUSES = ['draft', 'published', 'closed'] as const;
/** Where a survey stands for a respondent now: its state and its period. */
export const SURVEY_PHASES = ['draft', 'not_open', 'open', 'ended', 'closed'] as const;

const bilingual = z.object({ zh: z.string(), en: z.string() });
const dimension = z.enum(DIMENSIONS);
const dimensionScores = z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().nullable()])) as Record<(typeof DIMENSIONS)[number], z.ZodNullable<z.ZodNumber>>);

export const questionBody = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    text: text(300),
    required: z.boolean().default(true),
    options: z.array(text(100)).max(20).default([]),
    dimension: dimension.nullable().default(null).describe('First-level indicator a Likert question scores'),
    weight: z.number().positive().max(100).default(1).describe('Weight of the question within its indicator'),
  })
  .superRefine((q, c) => {
    const choice = q.kind === 'single' || q.kind === 'multiple';
    const problem = choice ? choiceOptionsProblem(q.options) : null;
    if (problem === 'too_few') c.addIssue({ code: 'custom', path: ['options'], message: '选择题至少需要两个选项 / A choice question needs at least two options' });
    if (problem === 'repeat') c.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复 / Options repeat' });
    if (!choice && q.options.length > 0) c.addIssue({ code: 'custom', path: ['options'], message: '只有选择题有选项 / Only choice questions have options' });
    if (!isLikert(q.kind) && q.dimension) c.addIssue({ code: 'custom', path: ['dimension'], message: '只有量表题计入一级指标 / Only Likert questions score an indicator' });
  });
export type QuestionBody = z.infer<typeof questionBody>;

const isoInstant = z.string().datetime({ offset: true }).describe('ISO 8601 time with offset');

export const surveyBody = z
  .object({
    title: text(120),
    year: z.number().int().min(2000).max(2100),
    intro: z.string().trim().max(2000).default(''),
    opensAt: isoInstant,
    closesAt: isoInstant,
    respondentTypes: z.array(z.enum(RESPONDENT_TYPES)).min(1).refine((v) => new Set(v).size === v.length, '受访者类型重复 / Respondent types repeat'),
    dimensionWeights: z
      .object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().min(0).max(100)])) as Record<(typeof DIMENSIONS)[number], z.ZodNumber>)
      .optional()
      .describe('Weight of each first-level indicator in the index; equal weights when left out'),
    questions: z.array(questionBody).max(80),
  })
  .superRefine((b, c) => {
    if (new Date(b.closesAt) <= new Date(b.opensAt)) c.addIssue({ code: 'custom', path: ['closesAt'], message: '结束时间应晚于开始时间 / The survey must close after it opens' });
  });
export type SurveyBody = z.infer<typeof surveyBody>;

export const templateBody = z.object({
  year: z.number().int().min(2000).max(2100).optional().describe('The survey year; this year in China when left out'),
  blank: z.boolean().default(false).describe('Only a title and a month from now: no intro, no questions'),
});
export type TemplateBody = z.infer<typeof templateBody>;
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{4,64}$/) });
export const listQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), status: z.enum(SURVEY_STATUSES).optional() });
export const qrQuery = z.object({ format: z.enum(['png', 'svg']).default('png') });
export const exportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const questionView = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  required: z.boolean(),
  options: z.array(z.string()),
  dimension: dimension.nullable(),
  weight: z.number(),
});

export const surveySummary = z.object({
  id: z.number().int(),
  slug: z.string(),
  publicPath: z.string(),
  year: z.number().int(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(SURVEY_STATUSES),
  phase: z.enum(SURVEY_PHASES),
  responses: z.number().int(),
  isDemo: z.boolean(),
});

export const surveyView = surveySummary.extend({
  intro: z.string(),
  respondentTypes: z.array(z.enum(RESPONDENT_TYPES)),
  dimensionWeights: z.record(z.string(), z.number()),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  questions: z.array(questionView),
  actions: z.array(z.enum(['edit', 'publish', 'close', 'delete', 'results'])),
});
export const surveyList = z.object({ items: z.array(surveySummary) });

/** What a respondent sees: no counts, no weights. */
export const publicView = z.object({
  slug: z.string(),
  title: z.string(),
  intro: z.string(),
  year: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  phase: z.enum(SURVEY_PHASES),
  alreadyAnswered: z.boolean(),
  respondentTypes: z.array(z.enum(RESPONDENT_TYPES)),
  questions: z.array(questionView.pick({ id: true, seq: true, kind: true, text: true, required: true, options: true })),
});

export const answerBody = z
  .object({
    respondentType: z.enum(RESPONDENT_TYPES),
    areaCode,
    answers: z
      .array(
        z.object({
          questionId: z.number().int().positive(),
          choice: z.number().int().min(0).optional(),
          choices: z.array(z.number().int().min(0)).max(20).optional(),
          score: z.number().int().min(0).max(10).optional(),
          text: z.string().trim().max(1000).optional(),
        }),
      )
      .max(100),
  })
  .extend(challengeAnswer.shape);
export type AnswerBody = z.infer<typeof answerBody>;
export const answered = z.object({ receivedAt: z.string(), message: bilingual });

const indexRow = z.object({ responses: z.number().int(), index: z.number().nullable(), dimensions: dimensionScores });

export const resultsView = z.object({
  survey: surveySummary.extend({ dimensionWeights: z.record(z.string(), z.number()) }),
  formula: bilingual,
  scopeArea: z.string().nullable().describe('The one area a county officer sees; null for the whole city'),
  city: indexRow,
  byArea: z.array(indexRow.extend({ areaCode: z.string(), areaName: z.string(), byType: z.record(z.string(), z.number().int()) })),
  byType: z.array(indexRow.extend({ type: z.enum(RESPONDENT_TYPES) })),
  questions: z.array(
    questionView.extend({
      answered: z.number().int(),
      choices: z.array(z.object({ label: z.string(), n: z.number().int() })),
      scale: z.array(z.object({ value: z.number().int(), n: z.number().int() })),
      mean: z.number().nullable().describe('Mean answer on the question’s own scale'),
      mean100: z.number().nullable().describe('Mean on the 0–100 scale'),
    }),
  ),
  texts: z.array(z.object({ questionId: z.number().int(), body: z.string(), areaName: z.string(), respondentType: z.enum(RESPONDENT_TYPES), submittedOn: z.string() })),
  national: z.object({
    source: bilingual,
    overall: z.array(z.object({ year: z.number().int(), value: z.number() })),
    dimensions2024: dimensionScores,
  }),
});
export type ResultsView = z.infer<typeof resultsView>;
