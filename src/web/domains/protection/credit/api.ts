/** Types and calls of IP credit records (知识产权信用: 守信 / 失信, publication, repair, export). */
import type { z } from 'zod';
import type * as credit from '../../../../server/domains/protection/credit/schema';
import type { CreditCategory, CreditKind, CreditStatus } from '../../../../shared/protection/credit';
import { buildUrl, http, type Query } from '../../../app/api';

export type RecordView = z.output<typeof credit.recordView>;
export type RecordDetail = z.output<typeof credit.recordDetail>;
export type RecordList = z.output<typeof credit.recordList>;
export type RecordBody = z.input<typeof credit.recordBody>;
export type RepairView = RecordDetail['repairs'][number];
export type MineView = z.output<typeof credit.mineView>;
export type MineRecord = MineView['records'][number];
export type RepairBody = z.input<typeof credit.repairBody>;
export type RulesView = z.output<typeof credit.rulesView>;
export type PublicList = z.output<typeof credit.publicList>;
export type PublicRecord = PublicList['items'][number];
export type ExportKey = z.output<typeof credit.exportKeyView>;
export type LastExport = z.output<typeof credit.lastExportView>;

/** The steps an officer may take, as the server names them in `actions`. */
export type OfficerAction = 'publish' | 'revoke' | 'end' | 'repair-approve' | 'repair-refuse';

export interface CreditQuery extends Query {
  page: number;
  pageSize: number;
  kind?: CreditKind;
  category?: CreditCategory;
  status?: CreditStatus;
  area?: string;
  q?: string;
  flag?: 'ending' | 'overdue' | 'repair';
}

const base = '/api/protection/credit';
const ACTION_PATH: Record<OfficerAction, string> = { publish: 'publish', revoke: 'revoke', end: 'end', 'repair-approve': 'repair/approve', 'repair-refuse': 'repair/refuse' };

export const creditApi = {
  list: (q: CreditQuery, signal?: AbortSignal) => http.get<RecordList>(`${base}/records`, q, signal),
  get: (id: number, signal?: AbortSignal) => http.get<RecordDetail>(`${base}/records/${id}`, undefined, signal),
  create: (body: RecordBody) => http.post<RecordDetail>(`${base}/records`, body),
  update: (id: number, body: RecordBody) => http.put<RecordDetail>(`${base}/records/${id}`, body),
  decision: (id: number, file: File) => http.upload<RecordDetail>(`${base}/records/${id}/decision`, file),
  act: (id: number, action: OfficerAction, body: object) => http.post<RecordDetail>(`${base}/records/${id}/${ACTION_PATH[action]}`, body),
  fileUrl: (id: number, fileId: number) => `${base}/records/${id}/files/${fileId}`,
  rules: (signal?: AbortSignal) => http.get<RulesView>(`${base}/rules`, undefined, signal),
  saveRules: (body: RulesView) => http.put<RulesView>(`${base}/rules`, body),
  exportUrl: (since?: string) => buildUrl(`${base}/export`, { since }),
  lastExport: (signal?: AbortSignal) => http.get<LastExport>(`${base}/export/last`, undefined, signal),
  mine: (signal?: AbortSignal) => http.get<MineView>(`${base}/mine`, undefined, signal),
  repair: (id: number, body: RepairBody) => http.post<MineView>(`${base}/mine/${id}/repair`, body),
  mineFileUrl: (id: number, fileId: number) => `${base}/mine/${id}/files/${fileId}`,
};

export const publicCreditApi = {
  list: (q: { kind: CreditKind; q?: string; page: number; pageSize: number }, signal?: AbortSignal) => http.get<PublicList>('/api/public/credit', q, signal),
  exportKey: () => http.get<ExportKey>('/api/public/credit/export-key'),
};
