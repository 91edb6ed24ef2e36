/** Types and calls of 督办、通报、约谈、整改 (workplan supervision). */
import type { z } from 'zod';
import type * as s from '../../../../server/domains/workplan/supervision/schema';
import { http, uploadWithProgress, type Query } from '../../../app/api';

export type NoticeItem = z.output<typeof s.noticeItem>;
export type NoticeDetail = z.output<typeof s.noticeDetail>;
export type NoticeBody = z.input<typeof s.noticeBody>;
export type OverdueAssignment = z.output<typeof s.overdueAssignment>;
export type CircularItem = z.output<typeof s.circularItem>;
export type CircularDetail = z.output<typeof s.circularDetail>;
export type CircularBody = z.input<typeof s.circularBody>;
export type InterviewItem = z.output<typeof s.interviewItem>;
export type InterviewDetail = z.output<typeof s.interviewDetail>;
export type InterviewBody = z.input<typeof s.interviewBody>;
export type RectificationItem = z.output<typeof s.rectificationItem>;
export type RectificationDetail = z.output<typeof s.rectificationDetail>;
export type RectificationBody = z.input<typeof s.rectificationBody>;
export type Board = z.output<typeof s.rectificationBoard>;
export type Summary = z.output<typeof s.summaryView>;
export type Unit = z.output<typeof s.unitList>['items'][number];
type List<T> = { items: T[]; total: number; page: number; pageSize: number };

const BASE = '/api/workplan/supervision';

export const supervisionApi = {
  summary: (signal?: AbortSignal) => http.get<Summary>(`${BASE}/summary`, undefined, signal),
  units: (signal?: AbortSignal) => http.get<{ items: Unit[] }>(`${BASE}/units`, undefined, signal),
  overdue: (signal?: AbortSignal) => http.get<{ items: OverdueAssignment[] }>(`${BASE}/overdue-assignments`, undefined, signal),

  notices: (q: Query, signal?: AbortSignal) => http.get<List<NoticeItem>>(`${BASE}/notices`, q, signal),
  notice: (id: number, signal?: AbortSignal) => http.get<NoticeDetail>(`${BASE}/notices/${id}`, undefined, signal),
  issueNotice: (body: NoticeBody) => http.post<NoticeDetail>(`${BASE}/notices`, body),
  noticeStep: (id: number, step: 'reply' | 'accept' | 'return', body: object) => http.post<NoticeDetail>(`${BASE}/notices/${id}/${step}`, body),
  attachNotice: (id: number, file: File, onProgress?: (p: number) => void) => uploadWithProgress<NoticeDetail>(`${BASE}/notices/${id}/files`, file, { onProgress }),
  noticeFileUrl: (id: number, fileId: number) => `${BASE}/notices/${id}/files/${fileId}`,

  circulars: (q: Query, signal?: AbortSignal) => http.get<List<CircularItem>>(`${BASE}/circulars`, q, signal),
  circular: (id: number, signal?: AbortSignal) => http.get<CircularDetail>(`${BASE}/circulars/${id}`, undefined, signal),
  issueCircular: (body: CircularBody) => http.post<CircularDetail>(`${BASE}/circulars`, body),

  interviews: (q: Query, signal?: AbortSignal) => http.get<List<InterviewItem>>(`${BASE}/interviews`, q, signal),
  interview: (id: number, signal?: AbortSignal) => http.get<InterviewDetail>(`${BASE}/interviews/${id}`, undefined, signal),
  recordInterview: (body: InterviewBody) => http.post<InterviewDetail>(`${BASE}/interviews`, body),
  followUp: (id: number, body: { body: string; close?: boolean }) => http.post<InterviewDetail>(`${BASE}/interviews/${id}/follow-ups`, body),

  rectifications: (q: Query, signal?: AbortSignal) => http.get<List<RectificationItem>>(`${BASE}/rectifications`, q, signal),
  board: (signal?: AbortSignal) => http.get<Board>(`${BASE}/rectifications/board`, undefined, signal),
  rectification: (id: number, signal?: AbortSignal) => http.get<RectificationDetail>(`${BASE}/rectifications/${id}`, undefined, signal),
  createRectification: (body: RectificationBody) => http.post<RectificationDetail>(`${BASE}/rectifications`, body),
  rectStep: (id: number, step: 'submit' | 'close' | 'return', body: object) => http.post<RectificationDetail>(`${BASE}/rectifications/${id}/${step}`, body),
  attachRect: (id: number, file: File, onProgress?: (p: number) => void) => uploadWithProgress<RectificationDetail>(`${BASE}/rectifications/${id}/files`, file, { onProgress }),
  rectFileUrl: (id: number, fileId: number) => `${BASE}/rectifications/${id}/files/${fileId}`,

  documentUrl: (kind: 'notices' | 'circulars' | 'interviews', id: number) => `${BASE}/${kind}/${id}/document.docx`,
};
