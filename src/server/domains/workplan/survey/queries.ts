import type { Queryable } from '../../../db/db';
import { maybeOne, one } from '../../../db/db';
import type { Dimension, QuestionKind, RespondentType } from '../../../../shared/workplan/satisfaction';

export interface SurveyRow {
  id: number;
  slug: string;
  year: number;
  title: string;
  intro: string;
  opens_at: Date;
  closes_at: Date;
  respondent_types: RespondentType[];
  dimension_weights: Record<Dimension, number>;
  status: 'draft' | 'published' | 'closed';
  published_at: Date | null;
  closed_at: Date | null;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
  responses: number;
}

export interface QuestionRow {
  id: number;
  survey_id: number;
  seq: number;
  kind: QuestionKind;
  text: string;
  required: boolean;
  options: string[];
  dimension: Dimension | null;
  weight: number;
}

const SURVEY_COLUMNS = `s.id, s.slug, s.year, s.title, s.intro, s.opens_at, s.closes_at, s.respondent_types, s.dimension_weights, s.status,
  s.published_at, s.closed_at, s.is_demo, s.created_at, s.updated_at,
  (SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = s.id) AS responses`;

export const surveyById = (q: Queryable, id: number) => maybeOne<SurveyRow>(q, `SELECT ${SURVEY_COLUMNS} FROM surveys s WHERE s.id = $1`, [id]);
export const surveyBySlug = (q: Queryable, slug: string) => maybeOne<SurveyRow>(q, `SELECT ${SURVEY_COLUMNS} FROM surveys s WHERE s.slug = $1`, [slug]);
export const lockSurvey = (q: Queryable, id: number) => maybeOne<{ id: number }>(q, 'SELECT id FROM surveys WHERE id = $1 FOR UPDATE', [id]);

export const listSurveys = (q: Queryable, year: number | null, status: string | null) =>
  q.query<SurveyRow>(
    `SELECT ${SURVEY_COLUMNS} FROM surveys s
      WHERE ($1::int IS NULL OR s.year = $1) AND ($2::text IS NULL OR s.status = $2)
      ORDER BY s.year DESC, s.opens_at DESC, s.id DESC`,
    [year, status],
  );

/** Published or closed surveys of a year, the one that feeds the assessment first: the latest that has opened. */
export const reportableSurveys = (q: Queryable, year: number, now: Date) =>
  q.query<SurveyRow>(
    `SELECT ${SURVEY_COLUMNS} FROM surveys s WHERE s.year = $1 AND s.status IN ('published', 'closed') ORDER BY (s.opens_at <= $2) DESC, s.opens_at DESC, s.id DESC`,
    [year, now],
  );

export interface SurveyFields {
  slug: string;
  year: number;
  title: string;
  intro: string;
  opensAt: Date;
  closesAt: Date;
  respondentTypes: readonly string[];
  dimensionWeights: Record<string, number>;
}

export const insertSurvey = (q: Queryable, f: SurveyFields, by: string | null, at: Date, demo = false) =>
  one<{ id: number }>(
    q,
    `INSERT INTO surveys (slug, year, title, intro, opens_at, closes_at, respondent_types, dimension_weights, is_demo, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::jsonb, $9, $10, $11, $11) RETURNING id`,
    [f.slug, f.year, f.title, f.intro, f.opensAt, f.closesAt, f.respondentTypes, JSON.stringify(f.dimensionWeights), demo, by, at],
  );

export const updateSurvey = (q: Queryable, id: number, f: Omit<SurveyFields, 'slug'>, at: Date) =>
  q.query(
    `UPDATE surveys SET year = $2, title = $3, intro = $4, opens_at = $5, closes_at = $6, respondent_types = $7::text[], dimension_weights = $8::jsonb, updated_at = $9
      WHERE id = $1`,
    [id, f.year, f.title, f.intro, f.opensAt, f.closesAt, f.respondentTypes, JSON.stringify(f.dimensionWeights), at],
  );

export const setStatus = (q: Queryable, id: number, status: 'published' | 'closed', at: Date) =>
  q.query(
    `UPDATE surveys SET status = $2, updated_at = $3,
       published_at = CASE WHEN $2 = 'published' THEN $3 ELSE published_at END,
       closed_at = CASE WHEN $2 = 'closed' THEN $3 ELSE closed_at END
      WHERE id = $1`,
    [id, status, at],
  );

export const deleteSurvey = (q: Queryable, id: number) => q.query("DELETE FROM surveys WHERE id = $1 AND status = 'draft'", [id]);

export const questionsOf = (q: Queryable, surveyId: number) =>
  q.query<QuestionRow>('SELECT id, survey_id, seq, kind, text, required, options, dimension, weight::float8 AS weight FROM survey_questions WHERE survey_id = $1 ORDER BY seq', [surveyId]);

export interface QuestionFields {
  kind: QuestionKind;
  text: string;
  required: boolean;
  options: readonly string[];
  dimension: Dimension | null;
  weight: number;
}

/** Replaces a draft's questions (a draft has no responses, so question ids may change). */
export async function replaceQuestions(q: Queryable, surveyId: number, questions: readonly QuestionFields[]): Promise<void> {
  await q.query('DELETE FROM survey_questions WHERE survey_id = $1', [surveyId]);
  if (questions.length === 0) return;
  await q.query(
    `INSERT INTO survey_questions (survey_id, seq, kind, text, required, options, dimension, weight)
     SELECT $1, x.seq, x.kind, x.text, x.required, x.options, x.dimension, x.weight
       FROM jsonb_to_recordset($2::jsonb) AS x(seq int, kind text, text text, required boolean, options jsonb, dimension text, weight numeric)`,
    [surveyId, JSON.stringify(questions.map((qq, i) => ({ seq: i + 1, ...qq })))],
  );
}

export const responseExists = (q: Queryable, surveyId: number, deviceHash: string) =>
  maybeOne<{ id: number }>(q, 'SELECT id FROM survey_responses WHERE survey_id = $1 AND device_hash = $2', [surveyId, deviceHash]);

/** Null when this device already answered (the unique key decides, also under concurrent submits). */
export const insertResponse = (q: Queryable, surveyId: number, type: string, area: string, deviceHash: string, at: Date, demo = false) =>
  maybeOne<{ id: number }>(
    q,
    `INSERT INTO survey_responses (survey_id, respondent_type, area_code, device_hash, submitted_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (survey_id, device_hash) DO NOTHING RETURNING id`,
    [surveyId, type, area, deviceHash, at, demo],
  );

export interface AnswerFields {
  response_id: number;
  question_id: number;
  option_index: number | null;
  score: number | null;
  body: string | null;
}

export const insertAnswers = (q: Queryable, answers: readonly AnswerFields[]) =>
  answers.length === 0
    ? Promise.resolve([])
    : q.query(
        `INSERT INTO survey_answers (response_id, question_id, option_index, score, body)
         SELECT x.response_id, x.question_id, x.option_index, x.score, x.body
           FROM jsonb_to_recordset($1::jsonb) AS x(response_id bigint, question_id bigint, option_index int, score int, body text)`,
        [JSON.stringify(answers)],
      );

// The area filter is a parameter: null for the whole city, else the caller's one area.

export const countsByGroup = (q: Queryable, surveyId: number, areas: string[] | null) =>
  q.query<{ area_code: string; respondent_type: RespondentType; n: number }>(
    `SELECT area_code, respondent_type, count(*)::int AS n FROM survey_responses
      WHERE survey_id = $1 AND ($2::text[] IS NULL OR area_code = ANY($2)) GROUP BY area_code, respondent_type`,
    [surveyId, areas],
  );

/** Sums of Likert scores per question, area and respondent type: every mean and index is built from these. */
export const likertSums = (q: Queryable, surveyId: number, areas: string[] | null) =>
  q.query<{ question_id: number; area_code: string; respondent_type: RespondentType; total: number; n: number }>(
    `SELECT a.question_id, r.area_code, r.respondent_type, sum(a.score)::float8 AS total, count(*)::int AS n
       FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
      WHERE r.survey_id = $1 AND a.score IS NOT NULL AND ($2::text[] IS NULL OR r.area_code = ANY($2))
      GROUP BY a.question_id, r.area_code, r.respondent_type`,
    [surveyId, areas],
  );

/** How often each option or Likert point was chosen. */
export const distribution = (q: Queryable, surveyId: number, areas: string[] | null) =>
  q.query<{ question_id: number; option_index: number | null; score: number | null; n: number }>(
    `SELECT a.question_id, a.option_index, a.score, count(*)::int AS n
       FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
      WHERE r.survey_id = $1 AND a.body IS NULL AND ($2::text[] IS NULL OR r.area_code = ANY($2))
      GROUP BY a.question_id, a.option_index, a.score`,
    [surveyId, areas],
  );

/** Respondents who answered each question (a multiple choice counts a respondent once). */
export const answeredCounts = (q: Queryable, surveyId: number, areas: string[] | null) =>
  q.query<{ question_id: number; n: number }>(
    `SELECT a.question_id, count(DISTINCT a.response_id)::int AS n
       FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
      WHERE r.survey_id = $1 AND ($2::text[] IS NULL OR r.area_code = ANY($2))
      GROUP BY a.question_id`,
    [surveyId, areas],
  );

export const freeTexts = (q: Queryable, surveyId: number, areas: string[] | null, limit: number) =>
  q.query<{ question_id: number; body: string; area_code: string; respondent_type: RespondentType; submitted_at: Date }>(
    `SELECT a.question_id, a.body, r.area_code, r.respondent_type, r.submitted_at
       FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
      WHERE r.survey_id = $1 AND a.body IS NOT NULL AND ($2::text[] IS NULL OR r.area_code = ANY($2))
      ORDER BY r.submitted_at DESC, r.id DESC LIMIT $3`,
    [surveyId, areas, limit],
  );

/** Every response with its answers, for the export. */
export const responsesWithAnswers = (q: Queryable, surveyId: number, areas: string[] | null) =>
  q.query<{ id: number; respondent_type: RespondentType; area_code: string; submitted_at: Date; answers: Array<{ q: number; o: number | null; s: number | null; b: string | null }> }>(
    `SELECT r.id, r.respondent_type, r.area_code, r.submitted_at,
            coalesce((SELECT jsonb_agg(jsonb_build_object('q', a.question_id, 'o', a.option_index, 's', a.score, 'b', a.body) ORDER BY a.question_id, a.option_index)
                        FROM survey_answers a WHERE a.response_id = r.id), '[]'::jsonb) AS answers
       FROM survey_responses r
      WHERE r.survey_id = $1 AND ($2::text[] IS NULL OR r.area_code = ANY($2))
      ORDER BY r.submitted_at, r.id`,
    [surveyId, areas],
  );
