/** Types and calls of 案件信息共享 (case information shared by the court, procuratorate, police and IP offices). */
import type { z } from 'zod';
import type * as cases from '../../../../server/domains/protection/cases/schema';
import type { CaseProcedure, CaseRightType, CaseSource, CaseStage, PartyRole, TransferStatus } from '../../../../shared/protection/cases';
import { http, uploadWithProgress, type Query } from '../../../app/api';

export type { CaseProcedure, CaseRightType, CaseSource, CaseStage, PartyRole, TransferStatus };

export type CaseBody = z.input<typeof cases.caseBody>;
export type CaseListItem = z.output<typeof cases.caseListItem>;
export type CaseList = z.output<typeof cases.caseList>;
export type CaseDetail = z.output<typeof cases.caseDetail>;
export type CaseStats = z.output<typeof cases.statsView>;
export type TransferView = z.output<typeof cases.transferView>;
export type TransferTarget = z.output<typeof cases.transferTargets>['items'][number];
export type ReceiveBody = z.input<typeof cases.receiveBody>;
export type RefuseBody = z.input<typeof cases.refuseBody>;
export type TransferBody = z.input<typeof cases.transferBody>;
export type LinkBody = z.input<typeof cases.linkBody>;
export type Revealed = z.output<typeof cases.revealed>;
export type ImportResult = z.output<typeof cases.importResult>;

/** What the caller may do on a case now, as the server names them in `actions`. */
export type CaseAction = 'edit' | 'attach' | 'link' | 'transfer' | 'reveal';

export interface CaseQuery extends Query {
  page: number;
  pageSize: number;
  source?: CaseSource;
  rightType?: CaseRightType;
  procedure?: CaseProcedure;
  stage?: CaseStage;
  area?: string;
  q?: string;
  duplicates?: '1';
  from?: string;
  to?: string;
}

/** The kinds of file the import reads (the server checks the content again) and its template. */
export const IMPORT_ACCEPT = '.csv,.xlsx';
export const TEMPLATE_URL = '/api/cases/import/template';

const base = (id: number) => `/api/cases/${id}`;

export const casesApi = {
  list: (q: CaseQuery, signal?: AbortSignal) => http.get<CaseList>('/api/cases', q, signal),
  stats: (signal?: AbortSignal) => http.get<CaseStats>('/api/cases/stats', undefined, signal),
  get: (id: number, signal?: AbortSignal) => http.get<CaseDetail>(base(id), undefined, signal),
  record: (body: CaseBody) => http.post<CaseDetail>('/api/cases', body),
  update: (id: number, body: CaseBody) => http.put<CaseDetail>(base(id), body),
  import: (file: File, onProgress?: (percent: number) => void) => uploadWithProgress<ImportResult>('/api/cases/import', file, { onProgress }),
  link: (id: number, body: LinkBody) => http.post<CaseDetail>(`${base(id)}/links`, body),
  transfer: (id: number, body: TransferBody) => http.post<CaseDetail>(`${base(id)}/transfer`, body),
  transferTargets: () => http.get<{ items: TransferTarget[] }>('/api/cases/transfer-targets'),
  incoming: (signal?: AbortSignal) => http.get<{ items: TransferView[] }>('/api/cases/transfers/incoming', undefined, signal),
  receive: (transferId: number, body: ReceiveBody) => http.post<TransferView>(`/api/cases/transfers/${transferId}/receive`, body),
  refuse: (transferId: number, body: RefuseBody) => http.post<TransferView>(`/api/cases/transfers/${transferId}/refuse`, body),
  attach: (id: number, file: File, onProgress?: (percent: number) => void) => uploadWithProgress<CaseDetail>(`${base(id)}/files`, file, { onProgress }),
  fileUrl: (id: number, fileId: number) => `${base(id)}/files/${fileId}`,
  reveal: (id: number) => http.post<Revealed>(`${base(id)}/reveal`),
};

/** Query keys, so that every page refreshes the same caches after a change. */
export const CASES_KEY = ['cases'] as const;
export const caseKeyOf = (id: number) => ['cases', 'detail', id] as const;
export const INCOMING_KEY = ['cases', 'incoming'] as const;
