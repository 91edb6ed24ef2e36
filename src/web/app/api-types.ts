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
import type * as system from '../../server/http/system-schema';
import type { OrgKind, Permission, Role } from '../../shared/roles';

export type { OrgKind, Permission, Role };

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
