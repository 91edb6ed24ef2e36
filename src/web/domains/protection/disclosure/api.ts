/** Types and calls of 行政执法公示 (enforcement disclosure). */
import type { z } from 'zod';
import type * as disclosure from '../../../../server/domains/protection/disclosure/schema';
import type { DecisionKind, DisclosureFileCategory, DisclosureStatus } from '../../../../shared/protection/disclosure';
import { http, uploadWithProgress, type Query } from '../../../app/api';

export type { DecisionKind, DisclosureFileCategory, DisclosureStatus };

export type DecisionListItem = z.output<typeof disclosure.listItem>;
export type DecisionList = z.output<typeof disclosure.listView>;
export type DecisionDetail = z.output<typeof disclosure.detailView>;
export type CreateBody = z.input<typeof disclosure.createBody>;
export type UpdateBody = z.input<typeof disclosure.updateBody>;
export type ReviewBody = z.input<typeof disclosure.reviewBody>;
export type PublicRecord = z.output<typeof disclosure.publicRecord>;
export type PreviewView = z.output<typeof disclosure.previewView>;
export type Revealed = z.output<typeof disclosure.revealed>;
export type PrefillView = z.output<typeof disclosure.prefillView>;
export type PublicList = z.output<typeof disclosure.publicListView>;
export type PublicItem = PublicList['items'][number];
export type PublicDetail = z.output<typeof disclosure.publicDetailView>;

export interface DecisionQuery extends Query {
  page: number;
  pageSize: number;
  status?: DisclosureStatus;
  area?: string;
  kind?: DecisionKind;
  q?: string;
  overdue?: '1';
}

export interface PublicQuery extends Query {
  page: number;
  pageSize: number;
  q?: string;
  area?: string;
  kind?: DecisionKind;
  from?: string;
  to?: string;
}

const base = '/api/protection/disclosures';
const one = (id: number) => `${base}/${id}`;

export const disclosureApi = {
  list: (q: DecisionQuery, signal?: AbortSignal) => http.get<DecisionList>(base, q, signal),
  get: (id: number, signal?: AbortSignal) => http.get<DecisionDetail>(one(id), undefined, signal),
  prefill: (reportId: number, signal?: AbortSignal) => http.get<PrefillView>(`${base}/prefill`, { reportId }, signal),
  create: (body: CreateBody) => http.post<DecisionDetail>(base, body),
  update: (id: number, body: UpdateBody) => http.put<DecisionDetail>(one(id), body),
  attach: (id: number, category: DisclosureFileCategory, file: File, onProgress?: (percent: number) => void) =>
    uploadWithProgress<DecisionDetail>(`${one(id)}/files?category=${category}`, file, { onProgress }),
  fileUrl: (id: number, fileId: number) => `${one(id)}/files/${fileId}`,
  review: (id: number, body: ReviewBody) => http.post<DecisionDetail>(`${one(id)}/review`, body),
  preview: (id: number, signal?: AbortSignal) => http.get<PreviewView>(`${one(id)}/preview`, undefined, signal),
  publish: (id: number, digest: string) => http.post<DecisionDetail>(`${one(id)}/publish`, { digest }),
  withdraw: (id: number, reason: string) => http.post<DecisionDetail>(`${one(id)}/withdraw`, { reason }),
  reveal: (id: number) => http.post<Revealed>(`${one(id)}/reveal`),
};

export const publicEnforcementApi = {
  list: (q: PublicQuery, signal?: AbortSignal) => http.get<PublicList>('/api/public/enforcement', q, signal),
  get: (id: number, signal?: AbortSignal) => http.get<PublicDetail>(`/api/public/enforcement/${id}`, undefined, signal),
};
