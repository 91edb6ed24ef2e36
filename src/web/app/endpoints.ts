/** Typed helpers for every endpoint the web app calls; pages use these, never raw paths. */
import { buildUrl, http, type Query } from './api';
import type {
  AreaDetail,
  AreaView,
  AuditPage,
  ChainReport,
  CreatedUser,
  EntityBody,
  EntityFigure,
  FigureBody,
  GiDetail,
  GiKind,
  GiView,
  GrantBody,
  HolderDetail,
  HolderView,
  ImportAnalysis,
  ImportField,
  ImportKind,
  ImportProfile,
  ImportRejection,
  ImportStart,
  IndustryMapping,
  JobView,
  IssuedToken,
  Meta,
  MfaSetup,
  OrgCreate,
  OrgUpdate,
  OrgView,
  OutboxPage,
  Page,
  PasswordReset,
  PatentDetail,
  PatentSearchResult,
  PopulationFigure,
  RecoveryCodes,
  RoleInfo,
  SecurityPolicy,
  SessionView,
  SignIn,
  TokenView,
  TrademarkDetail,
  TrademarkSearchResult,
  UserCreate,
  UserUpdate,
  UserView,
} from './api-types';

const enc = encodeURIComponent;

export const systemApi = {
  meta: () => http.get<Meta>('/api/meta'),
};

export const authApi = {
  me: () => http.get<SessionView>('/api/auth/me'),
  login: (username: string, password: string) => http.post<SessionView>('/api/auth/login', { username, password }),
  logout: () => http.post<{ ok: true }>('/api/auth/logout'),
  mfa: (input: { code: string } | { recoveryCode: string }) => http.post<SessionView>('/api/auth/mfa', input),
  mfaSetup: () => http.post<MfaSetup>('/api/auth/mfa/setup'),
  mfaConfirm: (code: string) => http.post<RecoveryCodes>('/api/auth/mfa/confirm', { code }),
  changePassword: (currentPassword: string, newPassword: string) => http.post<SessionView>('/api/auth/password', { currentPassword, newPassword }),
  regenerateRecoveryCodes: () => http.post<{ recoveryCodes: string[] }>('/api/auth/mfa/recovery-codes'),
  disableMfa: (password: string) => http.post<SessionView>('/api/auth/mfa/disable', { password }),
  signIns: (q: { page: number; pageSize: number }) => http.get<Page<SignIn>>('/api/auth/sign-ins', q),
};

export const areasApi = {
  list: () => http.get<AreaView[]>('/api/areas'),
  get: (code: string) => http.get<AreaDetail>(`/api/areas/${enc(code)}`),
  saveFigure: (code: string, year: number, body: FigureBody) => http.put<PopulationFigure | null>(`/api/areas/${enc(code)}/population/${year}`, body),
  deleteFigure: (code: string, year: number) => http.del<{ ok: true }>(`/api/areas/${enc(code)}/population/${year}`),
  saveEntities: (code: string, year: number, body: EntityBody) => http.put<EntityFigure | null>(`/api/areas/${enc(code)}/market-entities/${year}`, body),
  deleteEntities: (code: string, year: number) => http.del<{ ok: true }>(`/api/areas/${enc(code)}/market-entities/${year}`),
};

export interface OrgListQuery extends Query {
  page: number;
  pageSize: number;
  q?: string;
  kind?: string;
  area?: string;
  status?: 'active' | 'disabled';
}

export const orgsApi = {
  list: (q: OrgListQuery) => http.get<Page<OrgView>>('/api/orgs', q),
  get: (id: string) => http.get<OrgView>(`/api/orgs/${enc(id)}`),
  create: (body: OrgCreate) => http.post<OrgView>('/api/orgs', body),
  update: (id: string, body: OrgUpdate) => http.patch<OrgView>(`/api/orgs/${enc(id)}`, body),
  setDisabled: (id: string, disabled: boolean) => http.put<OrgView>(`/api/orgs/${enc(id)}/disabled`, { disabled }),
  tokens: (id: string) => http.get<TokenView[]>(`/api/orgs/${enc(id)}/tokens`),
  issueToken: (id: string, name: string, expiresInDays: number) => http.post<IssuedToken>(`/api/orgs/${enc(id)}/tokens`, { name, expiresInDays }),
  revokeToken: (tokenId: string) => http.post<TokenView>(`/api/tokens/${enc(tokenId)}/revoke`),
};

export interface UserListQuery extends Query {
  page: number;
  pageSize: number;
  q?: string;
  orgId?: string;
  role?: string;
  status?: string;
}

export const usersApi = {
  list: (q: UserListQuery) => http.get<Page<UserView>>('/api/users', q),
  get: (id: string) => http.get<UserView>(`/api/users/${enc(id)}`),
  create: (body: UserCreate) => http.post<CreatedUser>('/api/users', body),
  update: (id: string, body: UserUpdate) => http.patch<UserView>(`/api/users/${enc(id)}`, body),
  setDisabled: (id: string, disabled: boolean, reason?: string) => http.put<UserView>(`/api/users/${enc(id)}/disabled`, reason ? { disabled, reason } : { disabled }),
  resetPassword: (id: string) => http.post<PasswordReset>(`/api/users/${enc(id)}/reset-password`),
  unlock: (id: string) => http.post<UserView>(`/api/users/${enc(id)}/unlock`),
  resetMfa: (id: string) => http.post<UserView>(`/api/users/${enc(id)}/reset-mfa`),
  grant: (id: string, body: GrantBody) => http.put<UserView>(`/api/users/${enc(id)}/grants`, body),
  roles: () => http.get<RoleInfo[]>('/api/roles'),
};

export const policyApi = {
  get: () => http.get<SecurityPolicy>('/api/security/policy'),
  update: (p: SecurityPolicy) => http.put<SecurityPolicy>('/api/security/policy', p),
};

export interface AuditQuery extends Query {
  page: number;
  pageSize: number;
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  result?: 'ok' | 'denied' | 'failed';
}

export const auditApi = {
  list: (q: AuditQuery) => http.get<AuditPage>('/api/audit', q),
  verify: () => http.post<ChainReport>('/api/audit/verify'),
};

export const outboxApi = {
  list: (q: { page: number; pageSize: number }) => http.get<OutboxPage>('/api/outbox', q),
};

// 知识产权大数据中心. Multi-valued filters are comma-separated (type=invention,utility).

export interface PatentQuery extends Query {
  page: number;
  pageSize: number;
  q?: string;
  sort?: 'relevance' | 'date';
  type?: string;
  status?: string;
  county?: string;
  year?: string;
  ipc?: string;
  industry?: string;
  holder?: string;
  /** A statistical rule, from a figure's link: grant year(s), in force / high value at the end of a year, PCT only, held in Xinyang only. */
  granted?: string;
  inForce?: string;
  highValue?: string;
  criterion?: string;
  pct?: string;
  local?: string;
  /** The patents a patent-navigation run matched (run id). */
  landscape?: string;
}

export const patentsApi = {
  search: (q: PatentQuery, signal?: AbortSignal) => http.get<PatentSearchResult>('/api/patents', q, signal),
  get: (number: string) => http.get<PatentDetail>(`/api/patents/${enc(number)}`),
  /** A link, not a call: the server streams the file and the browser saves it. */
  exportUrl: (q: Omit<PatentQuery, 'page' | 'pageSize'>, format: 'xlsx' | 'csv') => buildUrl('/api/patents/export', { ...q, format }),
  /** Rows the export would hold: checked first, because a refused download shows the user nothing. */
  exportCount: (q: Omit<PatentQuery, 'page' | 'pageSize'>) => http.get<{ rows: number; limit: number; allowed: boolean }>('/api/patents/export/count', q),
};

export interface TrademarkQuery extends Query {
  page: number;
  pageSize: number;
  q?: string;
  sort?: 'relevance' | 'date';
  class?: string;
  status?: string;
  county?: string;
  year?: string;
  mark?: string;
  holder?: string;
  /** A statistical rule, from a figure's link: filing / registration year(s), in force at the end of a year, held in Xinyang only. */
  applied?: string;
  registered?: string;
  inForce?: string;
  local?: string;
}

export const trademarksApi = {
  search: (q: TrademarkQuery, signal?: AbortSignal) => http.get<TrademarkSearchResult>('/api/trademarks', q, signal),
  get: (regNo: string, cls?: number) => http.get<TrademarkDetail>(`/api/trademarks/${enc(regNo)}`, { class: cls }),
};

export const gisApi = {
  /** `county` is an area code or 'unresolved'; `approvedBy` a year; `local` '1' (every GI in the register is local). */
  list: (q: { q?: string; kind?: GiKind; county?: string; approvedBy?: string; local?: string }, signal?: AbortSignal) => http.get<GiView[]>('/api/gis', q, signal),
  get: (id: number, page: number, pageSize: number) => http.get<GiDetail>(`/api/gis/${id}`, { page, pageSize }),
};

export interface HolderQuery extends Query {
  page: number;
  pageSize: number;
  q?: string;
  county?: string;
  kind?: 'org' | 'person';
  unresolved?: 'true' | 'false';
}

export const holdersApi = {
  list: (q: HolderQuery) => http.get<Page<HolderView>>('/api/holders', q),
  get: (id: number) => http.get<HolderDetail>(`/api/holders/${id}`),
  assignArea: (id: number, areaCode: string) =>
    http.put<{ holder: HolderView; moved: { patents: number; trademarks: number } }>(`/api/holders/${id}/area`, { areaCode }),
};

export const importsApi = {
  upload: (kind: ImportKind, file: File, profile?: string) => http.upload<ImportAnalysis>('/api/imports', file, { kind, profile }),
  start: (body: ImportStart) => http.post<JobView>('/api/imports/start', body),
  recent: () => http.get<JobView[]>('/api/imports'),
  profiles: (kind: ImportKind) => http.get<ImportProfile[]>('/api/imports/profiles', { kind }),
  fields: (kind: ImportKind) => http.get<ImportField[]>('/api/imports/fields', { kind }),
  rejections: (jobId: string) => http.get<ImportRejection[]>(`/api/imports/${enc(jobId)}/rejections`),
  rejectionsXlsxUrl: (jobId: string) => `/api/imports/${enc(jobId)}/rejections.xlsx`,
};

export const jobsApi = {
  get: (id: string) => http.get<JobView>(`/api/jobs/${enc(id)}`),
  resume: (id: string) => http.post<JobView>(`/api/jobs/${enc(id)}/resume`),
};

export const industriesApi = {
  get: () => http.get<IndustryMapping>('/api/industries'),
  import: (file: File, source?: string) => http.upload<{ rows: number; patentsUpdated: number }>('/api/industries/import', file, { source }),
};
