/** Types and calls of the key-protection list (重点关注名录). */
import type { z } from 'zod';
import type * as keylist from '../../../../server/domains/protection/keylist/schema';
import { http, type Query } from '../../../app/api';

export type KeyListStatus = keylist.KeyListStatus;
export type ApplicationView = z.output<typeof keylist.applicationView>;
export type ApplicationListItem = z.output<typeof keylist.applicationList>['items'][number];
export type ApplicationList = z.output<typeof keylist.applicationList>;
export type MineView = z.output<typeof keylist.mineView>;
export type RightView = MineView['candidates'][number];
export type ApplicationBody = z.input<typeof keylist.applicationBody>;
export type PublicList = z.output<typeof keylist.publicList>;
export type PublicEntry = PublicList['items'][number];
export type ReviewBody = z.input<typeof keylist.reviewBody>;

/** The steps an officer may take, as the server names them in `actions`. */
export type OfficerAction = 'county-pass' | 'return' | 'approve' | 'review';

export interface KeyListQuery extends Query {
  page: number;
  pageSize: number;
  status?: KeyListStatus;
  area?: string;
  q?: string;
  overdue?: '1';
}

const base = '/api/protection/key-list';

export const keyListApi = {
  mine: (signal?: AbortSignal) => http.get<MineView>(`${base}/mine`, undefined, signal),
  apply: (body: ApplicationBody) => http.post<ApplicationView>(`${base}/applications`, body),
  resubmit: (id: number, body: ApplicationBody) => http.put<ApplicationView>(`${base}/applications/${id}`, body),
  withdraw: (id: number) => http.post<ApplicationView>(`${base}/applications/${id}/withdraw`, {}),
  list: (q: KeyListQuery, signal?: AbortSignal) => http.get<ApplicationList>(`${base}/applications`, q, signal),
  get: (id: number, signal?: AbortSignal) => http.get<ApplicationView>(`${base}/applications/${id}`, undefined, signal),
  act: (id: number, action: OfficerAction, body: object) => http.post<ApplicationView>(`${base}/applications/${id}/${action}`, body),
};

export const publicKeyListApi = {
  list: (q: { area?: string; q?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => http.get<PublicList>('/api/public/key-list', q, signal),
};
