/**
 * Roles × permissions: the one table that decides who may do what. The server enforces it on every
 * route; the web app reads it only to hide what a role cannot use.
 *
 * 三员分立 (等保 level 3): the system administrator manages organisations and accounts, the security
 * administrator grants roles and area scopes and sets security policy, the auditor reads the audit
 * log. The three are mutually exclusive and none holds another's permissions.
 */
export const ROLES = [
  'sysadmin',
  'secadmin',
  'auditor',
  'city_officer',
  'leader',
  'area_officer',
  'partner',
  'enterprise',
  'university',
  'agency',
  'bank',
] as const;
export type Role = (typeof ROLES)[number];

/** Accounts holding one of these need TOTP and may hold no other role. */
export const PRIVILEGED_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

export const PERMISSIONS = [
  'area.read',
  'population.edit',
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'user.grant',
  'token.manage',
  'policy.read',
  'policy.manage',
  'audit.read',
  'outbox.read',
  'registry.read',
  'registry.import',
  'registry.export',
  'registry.curate',
  'registry.reference',
  'insight.read',
  'insight.targets',
  'insight.landscape',
  'alerts.read',
  'alerts.scan',
  'protection.reports',
  'protection.reveal',
  'protection.settings',
  'protection.keylist.apply',
  'protection.keylist.review',
  'protection.disclosure',
  'cases.read',
  'cases.record',
  'cases.transfer',
  'credit.read',
  'credit.manage',
  'credit.export',
  'credit.repair',
  'credit.feed',
  'mediation.handle',
  'mediation.directory',
  'mediation.refer',
  'mediation.apply',
  'workplan.read',
  'workplan.manage',
  'workplan.report',
  'workplan.supervise',
  'assessment.read',
  'assessment.manage',
  'survey.manage',
  'evaluation.read',
  'evaluation.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sysadmin: ['area.read', 'org.read', 'org.manage', 'user.read', 'user.manage', 'token.manage', 'policy.read', 'outbox.read', 'registry.reference'],
  secadmin: ['area.read', 'org.read', 'user.read', 'user.grant', 'policy.read', 'policy.manage'],
  // Auditors read the plan's whole cycle (progress, supervision, scores) to check it; they change nothing.
  auditor: ['area.read', 'org.read', 'user.read', 'audit.read', 'workplan.read', 'assessment.read', 'evaluation.read'],
  city_officer: ['area.read', 'population.edit', 'org.read', 'registry.read', 'registry.import', 'registry.export', 'registry.curate', 'registry.reference', 'insight.read', 'insight.targets', 'insight.landscape', 'alerts.read', 'alerts.scan', 'protection.reports', 'protection.reveal', 'protection.settings', 'protection.keylist.review', 'protection.disclosure', 'cases.read', 'cases.record', 'cases.transfer', 'credit.read', 'credit.manage', 'credit.export', 'mediation.handle', 'mediation.directory', 'workplan.read', 'workplan.manage', 'workplan.supervise', 'assessment.read', 'assessment.manage', 'survey.manage', 'evaluation.read', 'evaluation.manage'],
  // City and county leaders read dashboards, rankings and evaluations; they do not enter data.
  leader: ['area.read', 'org.read', 'registry.read', 'insight.read', 'workplan.read', 'assessment.read', 'evaluation.read'],
  area_officer: ['area.read', 'population.edit', 'org.read', 'registry.read', 'registry.export', 'registry.curate', 'insight.read', 'insight.landscape', 'alerts.read', 'protection.reports', 'protection.reveal', 'protection.keylist.review', 'protection.disclosure', 'cases.read', 'cases.record', 'cases.transfer', 'credit.read', 'credit.manage', 'mediation.handle', 'workplan.read', 'workplan.report', 'assessment.read', 'evaluation.read'],
  partner: ['area.read', 'registry.read', 'alerts.read', 'cases.read', 'cases.record', 'credit.feed', 'mediation.refer', 'workplan.read', 'workplan.report'],
  enterprise: ['area.read', 'registry.read', 'alerts.read', 'protection.keylist.apply', 'credit.repair', 'mediation.apply'],
  university: ['area.read', 'registry.read', 'alerts.read'],
  agency: ['area.read', 'registry.read', 'alerts.read', 'credit.repair'],
  bank: ['area.read', 'registry.read', 'alerts.read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r] ?? []) out.add(p);
  return out;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Organisation kinds; each has the role its people (and its API tokens) normally hold. */
export const ORG_KINDS = ['city_office', 'area_desk', 'partner', 'enterprise', 'university', 'agency', 'bank'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_ROLE: Record<OrgKind, Role> = {
  city_office: 'city_officer',
  area_desk: 'area_officer',
  partner: 'partner',
  enterprise: 'enterprise',
  university: 'university',
  agency: 'agency',
  bank: 'bank',
};

/** Roles whose area scope must be the whole city. */
export const CITY_WIDE_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor', 'city_officer'];

/** Checks a role set against the separation rules; returns the broken rule or null. */
export function roleSetProblem(roles: readonly Role[]): { zh: string; en: string } | null {
  const privileged = roles.filter((r) => PRIVILEGED_ROLES.includes(r));
  if (privileged.length > 0 && roles.length > 1) {
    return {
      zh: '系统管理员、安全管理员、审计管理员三种角色相互独立，不能与其他角色兼任',
      en: 'System administrator, security administrator and auditor are separate duties and cannot be combined with any other role',
    };
  }
  if (new Set(roles).size !== roles.length) return { zh: '角色重复', en: 'A role is listed twice' };
  return null;
}
