/**
 * Types of the API's requests and answers, inferred from the server's own zod schemas (type-only
 * imports: nothing of the server ends up in the bundle). A contract change shows up here as a type
 * error instead of a blank page.
 */
import type { z } from 'zod';
import type * as auth from '../../server/domains/identity/auth/schema';
import type * as audit from '../../server/domains/identity/audit/schema';
import type * as orgs from '../../server/domains/identity/orgs/schema';
import type * as policy from '../../server/domains/identity/policy/schema';
import type * as tokens from '../../server/domains/identity/tokens/schema';
import type * as users from '../../server/domains/identity/users/schema';
import type * as regions from '../../server/domains/regions/schema';
import type * as gis from '../../server/domains/registry/gis/schema';
import type * as holders from '../../server/domains/registry/holders/schema';
import type * as imports from '../../server/domains/registry/import/schema';
import type * as patents from '../../server/domains/registry/patents/schema';
import type * as search from '../../server/domains/registry/search/schema';
import type * as trademarks from '../../server/domains/registry/trademarks/schema';
import type * as jobs from '../../server/jobs/schema';
import type * as system from '../../server/http/system-schema';
import type { GiKind, ImportKind, LegalStatus, MarkType, PatentType, TrademarkStatus } from '../../shared/registry/types';
import type { OrgKind, Permission, Role } from '../../shared/roles';

export type { GiKind, ImportKind, LegalStatus, MarkType, OrgKind, PatentType, Permission, Role, TrademarkStatus };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type Stage = z.output<typeof auth.stage>;
export type Me = z.output<typeof auth.me>;
export type SessionView = z.output<typeof auth.sessionView>;
export type MfaSetup = z.output<typeof auth.mfaSetup>;
export type RecoveryCodes = z.output<typeof auth.recoveryCodes>;

export type Meta = z.output<typeof system.meta>;
export type DemoAccount = NonNullable<Meta['demoAccounts']>[number];

export type AreaView = z.output<typeof regions.areaView>;
export type AreaDetail = z.output<typeof regions.areaDetail>;
export type PopulationFigure = z.output<typeof regions.populationFigure>;
export type FigureBody = z.input<typeof regions.figureBody>;
export type EntityFigure = z.output<typeof regions.entityFigure>;
export type EntityBody = z.input<typeof regions.entityBody>;

export type OrgView = z.output<typeof orgs.orgView>;
export type OrgCreate = z.input<typeof orgs.orgCreate>;
export type OrgUpdate = z.input<typeof orgs.orgUpdate>;

export type UserView = z.output<typeof users.userView>;
export type UserStatus = z.output<typeof users.userStatus>;
export type UserCreate = z.input<typeof users.userCreate>;
export type UserUpdate = z.input<typeof users.userUpdate>;
export type GrantBody = z.input<typeof users.grantBody>;
export type CreatedUser = z.output<typeof users.createdUser>;
export type PasswordReset = z.output<typeof users.passwordReset>;

export type TokenView = z.output<typeof tokens.tokenView>;
export type IssuedToken = z.output<typeof tokens.issuedToken>;

export type SecurityPolicy = z.output<typeof policy.securityPolicy>;

export type AuditEntry = z.output<typeof audit.auditEntry>;
export type AuditPage = z.output<typeof audit.auditPage>;
export type ChainReport = z.output<typeof audit.chainReport>;
export type SignIn = z.output<typeof audit.mySignIns>['items'][number];

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}
export type OutboxPage = Page<OutboxMail> & { smtp: boolean };

export interface RoleInfo {
  role: string;
  permissions: string[];
}

// 知识产权大数据中心 (the register)
export type Segment = z.output<typeof search.segment>;
export type FacetValue = z.output<typeof search.facetValue>;
export type PatentSummary = z.output<typeof patents.patentSummary>;
export type PatentSearchResult = z.output<typeof patents.patentSearchResult>;
export type PatentFacets = PatentSearchResult['facets'];
export type PatentDetail = z.output<typeof patents.patentDetail>;
export type HolderLink = z.output<typeof patents.holderLink>;
export type TrademarkSummary = z.output<typeof trademarks.trademarkSummary>;
export type TrademarkSearchResult = z.output<typeof trademarks.trademarkSearchResult>;
export type TrademarkFacets = TrademarkSearchResult['facets'];
export type TrademarkDetail = z.output<typeof trademarks.trademarkDetail>;
export type GiView = z.output<typeof gis.giView>;
export type GiDetail = z.output<typeof gis.giDetail>;
export type GiUser = z.output<typeof gis.giUser>;
export type HolderView = z.output<typeof holders.holderView>;
export type HolderDetail = z.output<typeof holders.holderDetail>;
export type AreaSource = HolderView['areaSource'];
export type ImportAnalysis = z.output<typeof imports.analysis>;
export type ImportColumn = z.output<typeof imports.columnView>;
export type ImportField = z.output<typeof imports.fieldView>;
export type ImportPreviewRow = z.output<typeof imports.previewRow>;
export type ImportProfile = z.output<typeof imports.profileView>;
export type ImportStart = z.input<typeof imports.startBody>;
export type MatchConfidence = ImportColumn['confidence'];
export type JobView = z.output<typeof jobs.jobView>;
export type JobStatus = JobView['status'];

/** The counts an import job ends with (jobs.result of a registry.import job). */
export interface ImportResult {
  rows: number;
  rejected: number;
  warnings: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportRejection {
  rowNo: number;
  field: string;
  value: string;
  reasonZh: string;
  reasonEn: string;
}

export interface IndustryMapping {
  isDemo: boolean;
  source: string | null;
  importedAt: string | null;
  industries: Array<{ code: string; name: string; prefixes: string[] }>;
}
