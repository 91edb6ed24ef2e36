/** Types and calls of 考核评价 (the yearly assessment of counties, districts and zones) and 表彰奖励. */
import type { z } from 'zod';
import type * as schema from '../../../../server/domains/workplan/assessment/schema';
import { buildUrl, http } from '../../../app/api';

export type RubricView = z.output<typeof schema.rubricView>;
export type IndicatorView = RubricView['indicators'][number];
export type EntryView = RubricView['entries'][number];
export type RubricBody = z.input<typeof schema.rubricBody>;
export type IndicatorBody = RubricBody['indicators'][number];
export type EntryBody = z.input<typeof schema.entryBody>;
export type ResultsView = z.output<typeof schema.resultsView>;
export type ResultRow = ResultsView['areas'][number];
export type AreaCard = z.output<typeof schema.areaCardView>;
export type CardIndicator = AreaCard['indicators'][number];
export type YearList = z.output<typeof schema.yearList>;
export type Commendation = z.output<typeof schema.commendationView>;
export type CommendationBody = z.input<typeof schema.commendationBody>;
export type InputChangeView = NonNullable<RubricView['inputsChanged']>['changes'][number];

const base = (year: number) => `/api/workplan/assessment/${year}`;

export const assessmentApi = {
  years: (signal?: AbortSignal) => http.get<YearList>('/api/workplan/assessment', undefined, signal),
  get: (year: number, signal?: AbortSignal) => http.get<RubricView>(base(year), undefined, signal),
  save: (year: number, body: RubricBody) => http.put<RubricView>(base(year), body),
  copy: (year: number, fromYear: number) => http.post<RubricView>(`${base(year)}/copy`, { fromYear }),
  addEntry: (year: number, body: EntryBody) => http.post<RubricView>(`${base(year)}/entries`, body),
  removeEntry: (year: number, id: number) => http.del<RubricView>(`${base(year)}/entries/${id}`),
  compute: (year: number) => http.post<RubricView>(`${base(year)}/compute`),
  review: (year: number, note?: string) => http.post<RubricView>(`${base(year)}/review`, { note }),
  returnToDraft: (year: number, note?: string) => http.post<RubricView>(`${base(year)}/return`, { note }),
  publish: (year: number) => http.post<RubricView>(`${base(year)}/publish`),
  results: (year: number, signal?: AbortSignal) => http.get<ResultsView>(`${base(year)}/results`, undefined, signal),
  card: (year: number, code: string, signal?: AbortSignal) => http.get<AreaCard>(`${base(year)}/areas/${code}`, undefined, signal),
  exportUrl: (year: number) => buildUrl(`${base(year)}/export`),
  commendations: (q: { year?: number }, signal?: AbortSignal) => http.get<{ items: Commendation[] }>('/api/workplan/commendations', q, signal),
  addCommendation: (body: CommendationBody) => http.post<Commendation>('/api/workplan/commendations', body),
  updateCommendation: (id: number, body: CommendationBody) => http.put<Commendation>(`/api/workplan/commendations/${id}`, body),
  deleteCommendation: (id: number) => http.del<null>(`/api/workplan/commendations/${id}`),
};
