/** Types and calls of 维权援助与调解 (assistance, mediation and court liaison). */
import type { z } from 'zod';
import type * as mediation from '../../../../server/domains/protection/mediation/schema';
import { http, uploadWithProgress, type Query } from '../../../app/api';
import type { MediationKind, MediationOutcome, MediationSource, MediationStatus } from '../../../../shared/protection/mediation';

export type CaseListItem = z.output<typeof mediation.caseListItem>;
export type CaseList = z.output<typeof mediation.caseList>;
export type CaseDetail = z.output<typeof mediation.caseDetail>;
export type CaseFile = CaseDetail['files'][number];
export type SessionView = z.output<typeof mediation.sessionView>;
export type PartyView = z.output<typeof mediation.partyView>;
export type PartyBody = z.input<typeof mediation.partyBody>;
export type Revealed = z.output<typeof mediation.revealed>;
export type StatsView = z.output<typeof mediation.statsView>;
export type ReferralList = z.output<typeof mediation.referralList>;
export type MineView = z.output<typeof mediation.mineView>;
export type DirectoryView = z.output<typeof mediation.directoryView>;
export type BodyView = z.output<typeof mediation.bodyView>;
export type MediatorView = z.output<typeof mediation.mediatorView>;
export type BodyBody = z.input<typeof mediation.bodyBody>;
export type MediatorBody = z.input<typeof mediation.mediatorBody>;
export type OfficerCaseBody = z.input<typeof mediation.officerCaseBody>;
export type ReferralBody = z.input<typeof mediation.referralBody>;
export type ApplicationBody = z.input<typeof mediation.applicationBody>;
export type PublicBody = z.input<typeof mediation.publicBody>;
export type Submitted = z.output<typeof mediation.submitted>;
export type TrackView = z.output<typeof mediation.trackView>;
export type SettingsView = z.output<typeof mediation.settingsView>;
export type SettingsBody = z.input<typeof mediation.settingsBody>;

/** The steps an officer (or, for the ruling, the court) takes, as the server names them in `actions`. */
export type CaseAction = 'assign' | 'transfer' | 'schedule' | 'record' | 'cancel' | 'extend' | 'close' | 'withdraw' | 'confirm-request' | 'confirm-result';

export interface CaseQuery extends Query {
  page: number;
  pageSize: number;
  status?: MediationStatus;
  outcome?: MediationOutcome;
  source?: MediationSource;
  kind?: MediationKind;
  area?: string;
  q?: string;
  overdue?: '1';
}

const base = (id: number) => `/api/protection/mediation/cases/${id}`;

/** Where each step is posted; record and cancel name the session. */
function stepPath(id: number, action: CaseAction, sessionId?: number): string {
  switch (action) {
    case 'schedule':
      return `${base(id)}/sessions`;
    case 'record':
    case 'cancel':
      return `${base(id)}/sessions/${sessionId ?? 0}/${action}`;
    case 'confirm-request':
      return `${base(id)}/confirmation/request`;
    case 'confirm-result':
      return `${base(id)}/confirmation/result`;
    default:
      return `${base(id)}/${action}`;
  }
}

export const mediationApi = {
  list: (q: CaseQuery, signal?: AbortSignal) => http.get<CaseList>('/api/protection/mediation/cases', q, signal),
  stats: (signal?: AbortSignal) => http.get<StatsView>('/api/protection/mediation/stats', undefined, signal),
  create: (body: OfficerCaseBody) => http.post<CaseDetail>('/api/protection/mediation/cases', body),
  get: (id: number, signal?: AbortSignal) => http.get<CaseDetail>(base(id), undefined, signal),
  act: (id: number, action: CaseAction, body: object, sessionId?: number) => http.post<CaseDetail>(stepPath(id, action, sessionId), body),
  attach: (id: number, file: File, meta: { purpose: 'evidence' | 'minutes' | 'agreement'; sessionId?: number }, onProgress?: (percent: number) => void) =>
    uploadWithProgress<CaseDetail>(`${base(id)}/files?purpose=${meta.purpose}${meta.sessionId ? `&sessionId=${meta.sessionId}` : ''}`, file, { onProgress }),
  fileUrl: (id: number, fileId: number) => `${base(id)}/files/${fileId}`,
  reveal: (id: number) => http.post<Revealed>(`${base(id)}/reveal`),
  referrals: (q: CaseQuery, signal?: AbortSignal) => http.get<ReferralList>('/api/protection/mediation/referrals', q, signal),
  refer: (body: ReferralBody) => http.post<CaseDetail>('/api/protection/mediation/referrals', body),
  mine: (signal?: AbortSignal) => http.get<MineView>('/api/protection/mediation/mine', undefined, signal),
  apply: (body: ApplicationBody) => http.post<CaseDetail>('/api/protection/mediation/applications', body),
  directory: (signal?: AbortSignal) => http.get<DirectoryView>('/api/protection/mediation/bodies', undefined, signal),
  createBody: (body: BodyBody) => http.post<BodyView>('/api/protection/mediation/bodies', body),
  updateBody: (id: number, body: BodyBody) => http.put<BodyView>(`/api/protection/mediation/bodies/${id}`, body),
  createMediator: (bodyId: number, body: MediatorBody) => http.post<BodyView>(`/api/protection/mediation/bodies/${bodyId}/mediators`, body),
  updateMediator: (id: number, body: MediatorBody) => http.put<BodyView>(`/api/protection/mediation/mediators/${id}`, body),
  revealMediator: (id: number) => http.post<{ phone: string | null }>(`/api/protection/mediation/mediators/${id}/reveal`),
  settings: () => http.get<SettingsView>('/api/protection/mediation/settings'),
  saveSettings: (body: SettingsBody) => http.put<SettingsView>('/api/protection/mediation/settings', body),
};

export const publicMediationApi = {
  submit: (body: PublicBody) => http.post<Submitted>('/api/public/mediation', body),
  track: (code: string) => http.post<TrackView>('/api/public/mediation/track', { code }),
};
