/** Types and calls of 满意度调查 (satisfaction surveys): the builder, results and the public answering page. */
import type { z } from 'zod';
import type * as schema from '../../../../server/domains/workplan/survey/schema';
import { http } from '../../../app/api';

export type SurveySummary = z.output<typeof schema.surveySummary>;
export type SurveyView = z.output<typeof schema.surveyView>;
export type SurveyBody = z.input<typeof schema.surveyBody>;
export type QuestionBody = z.input<typeof schema.questionBody>;
export type ResultsView = z.output<typeof schema.resultsView>;
export type PublicSurvey = z.output<typeof schema.publicView>;
export type AnswerBody = z.input<typeof schema.answerBody>;
export type Answered = z.output<typeof schema.answered>;
export type SurveyPhase = SurveySummary['phase'];

const base = (id: number) => `/api/workplan/surveys/${id}`;

export const surveyApi = {
  list: (q: { year?: number; status?: string }, signal?: AbortSignal) => http.get<{ items: SurveySummary[] }>('/api/workplan/surveys', q, signal),
  get: (id: number, signal?: AbortSignal) => http.get<SurveyView>(base(id), undefined, signal),
  /** The server picks the year and the period (a month from now) by its own clock. */
  fromTemplate: (blank = false) => http.post<SurveyView>('/api/workplan/surveys/template', { blank }),
  save: (id: number, body: SurveyBody) => http.put<SurveyView>(base(id), body),
  remove: (id: number) => http.del<null>(base(id)),
  publish: (id: number) => http.post<SurveyView>(`${base(id)}/publish`),
  close: (id: number) => http.post<SurveyView>(`${base(id)}/close`),
  results: (id: number, signal?: AbortSignal) => http.get<ResultsView>(`${base(id)}/results`, undefined, signal),
  exportUrl: (id: number, format: 'xlsx' | 'csv') => `${base(id)}/export?format=${format}`,
  qrUrl: (id: number, format: 'png' | 'svg') => `${base(id)}/qr?format=${format}`,
};

export const publicSurveyApi = {
  get: (slug: string, signal?: AbortSignal) => http.get<PublicSurvey>(`/api/public/surveys/${encodeURIComponent(slug)}`, undefined, signal),
  answer: (slug: string, body: AnswerBody) => http.post<Answered>(`/api/public/surveys/${encodeURIComponent(slug)}/responses`, body),
};
