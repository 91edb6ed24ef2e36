/** Types and calls of 举报奖励 (infringement reports with rewards) and 存证核验 (evidence verification). */
import type { z } from 'zod';
import type * as evidence from '../../../server/domains/protection/evidence/schema';
import type * as reports from '../../../server/domains/protection/reports/schema';
import type * as challenge from '../../../server/http/challenge';
import type { RewardStatus, ReportStatus, RightKind } from '../../../shared/protection/reports';
import { http, uploadWithProgress, type Query } from '../../app/api';

export type { ReportStatus, RewardStatus, RightKind };

export type Challenge = z.output<typeof challenge.challengeView>;
export type ChallengeAnswer = z.input<typeof challenge.challengeAnswer>;

export type UploadView = z.output<typeof evidence.uploadView>;
export type FileView = z.output<typeof evidence.fileView>;
export type ChainEntry = z.output<typeof evidence.chainEntryView>;
export type VerifyView = z.output<typeof evidence.verifyView>;

export type ReportBody = z.input<typeof reports.reportBody>;
export type Submitted = z.output<typeof reports.submitted>;
export type TrackView = z.output<typeof reports.trackView>;
export type ClaimBody = z.input<typeof reports.claimBody>;
export type ReportListItem = z.output<typeof reports.reportListItem>;
export type ReportList = z.output<typeof reports.reportList>;
export type ReportDetail = z.output<typeof reports.reportDetail>;
export type Revealed = z.output<typeof reports.revealed>;
export type StatsView = z.output<typeof reports.statsView>;
export type SettingsView = z.output<typeof reports.settingsView>;
export type SettingsBody = z.input<typeof reports.settingsBody>;

export type AcceptBody = z.input<typeof reports.acceptBody>;
export type RejectBody = z.input<typeof reports.rejectBody>;
export type AssignBody = z.input<typeof reports.assignBody>;
export type InvestigateBody = z.input<typeof reports.investigateBody>;
export type ConcludeBody = z.input<typeof reports.concludeBody>;
export type ProposeBody = z.input<typeof reports.proposeBody>;
export type RefuseBody = z.input<typeof reports.refuseBody>;
export type PayBody = z.input<typeof reports.payBody>;

/** The largest evidence file the server takes, and the kinds it takes (it checks the content again). */
export const EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;
export const EVIDENCE_ACCEPT = '.jpg,.jpeg,.png,.pdf,.mp4,.docx,.xlsx';
export const EVIDENCE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'pdf', 'mp4', 'docx', 'xlsx'] as const;
export const MAX_FILES = 10;

export const publicApi = {
  challenge: () => http.get<Challenge>('/api/public/challenge'),
  upload: (file: File, onProgress?: (percent: number) => void, signal?: AbortSignal) =>
    uploadWithProgress<UploadView>('/api/public/evidence', file, { onProgress, signal }),
  submit: (body: ReportBody) => http.post<Submitted>('/api/public/reports', body),
  track: (code: string) => http.post<TrackView>('/api/public/reports/track', { code }),
  claim: (body: ClaimBody) => http.post<TrackView>('/api/public/reports/claim', body),
  verifyHash: (sha256: string) => http.get<VerifyView>('/api/public/evidence/verify', { sha256 }),
  verifyFile: (file: File) => http.upload<VerifyView>('/api/public/evidence/verify', file),
};

export interface ReportQuery extends Query {
  page: number;
  pageSize: number;
  status?: ReportStatus;
  area?: string;
  q?: string;
  overdue?: '1';
  reward?: RewardStatus;
}

export type ReportAction = 'accept' | 'reject' | 'assign' | 'investigate' | 'conclude';
export type RewardAction = 'propose' | 'approve' | 'refuse' | 'pay';

const base = (id: number) => `/api/protection/reports/${id}`;

export const reportsApi = {
  list: (q: ReportQuery, signal?: AbortSignal) => http.get<ReportList>('/api/protection/reports', q, signal),
  stats: (signal?: AbortSignal) => http.get<StatsView>('/api/protection/reports/stats', undefined, signal),
  get: (id: number, signal?: AbortSignal) => http.get<ReportDetail>(base(id), undefined, signal),
  act: (id: number, action: ReportAction, body: object) => http.post<ReportDetail>(`${base(id)}/${action}`, body),
  reward: (id: number, action: RewardAction, body: object) => http.post<ReportDetail>(`${base(id)}/reward/${action}`, body),
  attach: (id: number, file: File, onProgress?: (percent: number) => void) => uploadWithProgress<ReportDetail>(`${base(id)}/files`, file, { onProgress }),
  fileUrl: (id: number, fileId: number) => `${base(id)}/files/${fileId}`,
  reveal: (id: number) => http.post<Revealed>(`${base(id)}/reveal`),
  settings: () => http.get<SettingsView>('/api/protection/settings'),
  saveSettings: (body: SettingsBody) => http.put<SettingsView>('/api/protection/settings', body),
};
