import { randomInt } from 'node:crypto';
import { CITY_WIDE_ROLES, PRIVILEGED_ROLES, hasPermission, isRole, roleSetProblem, type Role } from '../../../../shared/roles';
import { CITY_CODE } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { hashPassword } from '../../../crypto';
import type { Queryable } from '../../../db/db';
import { conflict, invalid, notFound, ruleViolated } from '../../../errors';
import { appendAudit, changedFields } from '../audit/service';
import { assertPasswordAcceptable } from '../auth/service';
import * as authSql from '../auth/queries';
import * as sql from './queries';
import type { GrantBody, UserCreate, UserListQuery, UserUpdate, UserView } from './schema';

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

function toView(r: sql.UserRow, viewer: Actor, now: Date): UserView {
  const locked = r.locked_until !== null && r.locked_until > now;
  const canSeeContact = hasPermission(viewer.roles, 'user.manage') || viewer.id === r.id || viewer.kind === 'operator';
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email && !canSeeContact ? maskEmail(r.email) : r.email,
    org: { id: r.org_id, name: r.org_name, kind: r.org_kind },
    roles: r.roles.filter(isRole),
    areaScope: r.area_scope,
    areaName: r.area_name,
    status: r.disabled_at ? 'disabled' : locked ? 'locked' : r.roles.length === 0 ? 'pending' : 'active',
    lockedUntil: locked && r.locked_until ? r.locked_until.toISOString() : null,
    mustChangePassword: r.must_change_password,
    mfaEnabled: r.totp_enabled_at !== null,
    isDemo: r.is_demo,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listUsers(ctx: AppContext, actor: Actor, query: UserListQuery) {
  const now = ctx.clock.now();
  const { rows, total } = await sql.listUsers(
    ctx.db,
    { q: query.q ?? null, orgId: query.orgId ?? null, role: query.role ?? null, status: query.status ?? null, now, scope: scopeFilter(actor) },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows.map((r) => toView(r, actor, now)), total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(ctx: AppContext, actor: Actor, id: string, q: Queryable = ctx.db): Promise<UserView> {
  const row = await sql.findUser(q, id, scopeFilter(actor));
  if (!row) throw notFound({ zh: '账号不存在', en: 'Account not found' });
  return toView(row, actor, ctx.clock.now());
}

/** An account by its exact username (operators name accounts, the API uses ids). */
export async function findUserByUsername(ctx: AppContext, actor: Actor, username: string): Promise<UserView> {
  const id = await sql.idByUsername(ctx.db, username.trim().toLowerCase());
  if (!id) throw notFound({ zh: `没有用户名为 ${username.trim().toLowerCase()} 的账号`, en: `No account with username ${username.trim().toLowerCase()}` });
  return getUser(ctx, actor, id);
}

/** A temporary password that meets the policy: 4 upper, 4 lower, 4 digits, 2 symbols, shuffled. */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '#%+=@'];
  const counts = [4, 4, 4, 2];
  const chars = sets.flatMap((set, i) => Array.from({ length: counts[i] ?? 0 }, () => set[randomInt(set.length)] ?? 'x'));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

async function checkGrant(q: Queryable, roles: readonly Role[], scope: string): Promise<void> {
  const problem = roleSetProblem(roles);
  if (problem) throw ruleViolated(problem);
  const kind = await sql.areaKind(q, scope);
  if (!kind) throw invalid({ zh: `未知的地区代码：${scope}`, en: `Unknown area code: ${scope}` }, [{ field: 'areaScope' }]);
  if (roles.some((r) => CITY_WIDE_ROLES.includes(r)) && scope !== CITY_CODE) {
    throw ruleViolated({ zh: '管理员和市局工作人员的范围必须是全市', en: 'Administrators and city officers must have the whole city as their scope' });
  }
  if (roles.includes('area_officer') && scope === CITY_CODE) {
    throw ruleViolated({ zh: '县区/园区工作人员的范围必须是一个县区或园区', en: 'An area officer’s scope must be one county, district or zone' });
  }
}

export interface CreateOptions {
  /** Operator (CLI) only: the roles and scope to grant at once, and a chosen password. */
  roles?: Role[];
  areaScope?: string;
  password?: string;
  mustChange?: boolean;
  id?: string;
  isDemo?: boolean;
  /** Demo seeding stores the demo password, which the policy refuses elsewhere. */
  skipPolicy?: boolean;
}

/**
 * Creates an account. Through the API the system administrator creates it without roles
 * (pending until the security administrator grants them, 三员分立); the operator CLI may grant at once.
 */
export async function createUser(ctx: AppContext, actor: Actor, input: UserCreate, opts: CreateOptions = {}): Promise<{ user: UserView; temporaryPassword: string }> {
  const password = opts.password ?? temporaryPassword();
  if (opts.password && !opts.skipPolicy) await assertPasswordAcceptable(ctx, opts.password, input.username);
  const passwordHash = await hashPassword(password);
  return ctx.db.tx(async (tx) => {
    if (await sql.usernameTaken(tx, input.username)) throw conflict({ zh: `用户名已存在：${input.username}`, en: `Username ${input.username} is taken` });
    const org = await sql.orgOf(tx, input.orgId);
    if (!org) throw invalid({ zh: '所属机构不存在', en: 'No such organisation' }, [{ field: 'orgId' }]);
    if (org.disabled_at) throw ruleViolated({ zh: '该机构已停用，不能新建账号', en: 'The organisation is disabled' });
    const roles = opts.roles ?? [];
    const areaScope = opts.areaScope ?? (roles.some((r) => CITY_WIDE_ROLES.includes(r)) ? CITY_CODE : org.area_code);
    if (roles.length > 0) await checkGrant(tx, roles, areaScope);
    const id = await sql.insertUser(tx, {
      ...(opts.id ? { id: opts.id } : {}),
      username: input.username,
      displayName: input.displayName,
      orgId: input.orgId,
      email: input.email ?? null,
      roles,
      areaScope,
      passwordHash,
      mustChange: opts.mustChange ?? true,
      isDemo: opts.isDemo ?? false,
      at: ctx.clock.now(),
    });
    const user = await getUser(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, { actor, action: 'user.create', targetType: 'user', targetId: id, after: user, details: { username: input.username, roles, areaScope } });
    return { user, temporaryPassword: password };
  });
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, patch: UserUpdate): Promise<UserView> {
  return ctx.db.tx(async (tx) => {
    const before = await getUser(ctx, actor, id, tx);
    const raw = await sql.findUser(tx, id, null);
    const next = { displayName: patch.displayName ?? before.displayName, orgId: patch.orgId ?? before.org.id, email: patch.email === undefined ? (raw?.email ?? null) : patch.email };
    if (patch.orgId && !(await sql.orgOf(tx, patch.orgId))) throw invalid({ zh: '所属机构不存在', en: 'No such organisation' }, [{ field: 'orgId' }]);
    await sql.updateProfile(tx, id, { ...next, at: ctx.clock.now() });
    const after = await getUser(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, { actor, action: 'user.update', targetType: 'user', targetId: id, before, after, details: { changed: changedFields(before, after) } });
    return after;
  });
}

function notSelf(actor: Actor, id: string, what: { zh: string; en: string }): void {
  if (actor.kind === 'user' && actor.id === id) throw ruleViolated(what);
}

/** Disabling ends the account's sessions at once. */
export async function setUserDisabled(ctx: AppContext, actor: Actor, id: string, disabled: boolean, reason?: string): Promise<UserView> {
  notSelf(actor, id, { zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
  return ctx.db.tx(async (tx) => {
    const before = await getUser(ctx, actor, id, tx);
    if ((before.status === 'disabled') === disabled) return before;
    const now = ctx.clock.now();
    await sql.setDisabled(tx, id, disabled ? now : null, now);
    if (disabled) await authSql.revokeUserSessions(tx, id, 'disabled', now);
    const after = await getUser(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, { actor, action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: id, before, after, details: reason ? { reason } : {} });
    return after;
  });
}

/** A new temporary password (shown once), to be changed at next sign-in; unlocks and ends sessions. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: string, chosen?: string): Promise<{ user: UserView; temporaryPassword: string }> {
  notSelf(actor, id, { zh: '请在个人设置中修改自己的密码', en: 'Change your own password in your account settings' });
  const before = await getUser(ctx, actor, id);
  if (chosen) await assertPasswordAcceptable(ctx, chosen, before.username);
  const password = chosen ?? temporaryPassword();
  const hash = await hashPassword(password);
  return ctx.db.tx(async (tx) => {
    const now = ctx.clock.now();
    await authSql.setPassword(tx, id, hash, now, true);
    const ended = await authSql.revokeUserSessions(tx, id, 'password_reset', now);
    const raw = await sql.findUser(tx, id, null);
    if (raw?.email) {
      await ctx.mailer.enqueue(tx, {
        to: raw.email,
        subject: '信知平台：您的密码已被重置 / Xinzhi: your password was reset',
        body: `${raw.display_name}，您好：\n\n系统管理员于 ${now.toISOString()} 重置了您的账号 ${raw.username} 的密码。请向管理员索取临时密码，登录后须立即修改。如非本人申请，请联系管理员。\n\nThe administrator reset the password of your account ${raw.username}. Ask them for the temporary password; you will choose a new one at sign-in.`,
      });
    }
    const user = await getUser(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, { actor, action: 'user.reset_password', targetType: 'user', targetId: id, details: { sessionsEnded: ended } });
    return { user, temporaryPassword: password };
  });
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: string): Promise<UserView> {
  return ctx.db.tx(async (tx) => {
    const before = await getUser(ctx, actor, id, tx);
    await sql.unlock(tx, id, ctx.clock.now());
    const after = await getUser(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, { actor, action: 'user.unlock', targetType: 'user', targetId: id, before, after });
    return after;
  });
}

/** For a lost phone: the user sets TOTP up again at next sign-in. */
export async function resetMfa(ctx: AppContext, actor: Actor, id: string): Promise<UserView> {
  notSelf(actor, id, { zh: '不能重置自己的双因素认证', en: 'You cannot reset your own two-factor sign-in' });
  return ctx.db.tx(async (tx) => {
    const before = await getUser(ctx, actor, id, tx);
    await authSql.clearTotp(tx, id);
    await authSql.revokeUserSessions(tx, id, 'mfa_reset', ctx.clock.now());
    const after = await getUser(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, { actor, action: 'user.reset_mfa', targetType: 'user', targetId: id, before, after });
    return after;
  });
}

/** The security administrator's work: which roles an account holds and which area it sees. */
export async function grant(ctx: AppContext, actor: Actor, id: string, body: GrantBody): Promise<UserView> {
  notSelf(actor, id, { zh: '不能修改自己的角色和范围', en: 'You cannot change your own roles or scope' });
  return ctx.db.tx(async (tx) => {
    const before = await getUser(ctx, actor, id, tx);
    await checkGrant(tx, body.roles, body.areaScope);
    const now = ctx.clock.now();
    await sql.setGrants(tx, id, body.roles, body.areaScope, now);
    const gainedPrivilege = body.roles.some((r) => PRIVILEGED_ROLES.includes(r) && !before.roles.includes(r));
    if (gainedPrivilege) await authSql.revokeUserSessions(tx, id, 'privilege_granted', now);
    const after = await getUser(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, {
      actor,
      action: 'user.grant',
      targetType: 'user',
      targetId: id,
      before,
      after,
      details: { roles: { from: before.roles, to: after.roles }, areaScope: { from: before.areaScope, to: after.areaScope } },
    });
    return after;
  });
}
