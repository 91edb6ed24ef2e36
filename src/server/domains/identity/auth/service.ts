import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { PRIVILEGED_ROLES, isRole, permissionsOf, type Role } from '../../../../shared/roles';
import { anonymousActor, type Actor } from '../../../actor';
import { MINUTE, HOUR } from '../../../clock';
import type { AppContext } from '../../../context';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../../crypto';
import { AppError, ruleViolated } from '../../../errors';
import { appendAudit, recordAudit } from '../audit/service';
import { getPolicy } from '../policy/service';
import { DEFAULT_POLICY, securityPolicy, type SecurityPolicy } from '../policy/schema';
import { passwordProblems } from './password-rules';
import * as sql from './queries';
import type { Stage } from './queries';
import type { Me, SessionView } from './schema';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** A live session as the HTTP layer knows it after resolving the cookie. */
export interface SessionInfo {
  idHash: string;
  userId: string;
  csrf: string;
  stage: Stage;
}

const TOTP_PERIOD = 30;
const TOTP_ISSUER = '信知 Xinzhi';
let dummyHash: Promise<string> | undefined;

const badCredentials = () => new AppError('bad_credentials', { zh: '用户名或密码错误', en: 'Wrong username or password' });

const toRoles = (roles: string[]): Role[] => roles.filter(isRole);

function mfaRequired(roles: readonly Role[], policy: SecurityPolicy): boolean {
  return policy.mfaForAll || roles.some((r) => PRIVILEGED_ROLES.includes(r));
}

function userActor(u: { id: string; username: string; org_id: string; roles: string[]; area_scope: string }, ip: string | null, sessionId?: string): Actor {
  return { kind: 'user', id: u.id, name: u.username, orgId: u.org_id, roles: toRoles(u.roles), scope: u.area_scope, ip, ...(sessionId ? { sessionId } : {}) };
}

/** The step after a correct password (or after finishing one of the later steps). */
function nextStage(
  u: { roles: string[]; is_demo: boolean; totp_enabled_at: Date | null; must_change_password: boolean },
  policy: SecurityPolicy,
  demo: boolean,
  done: 'password' | 'mfa' | 'enrol' | 'new_password',
): Stage {
  const exempt = demo && u.is_demo;
  if (done === 'password') {
    if (u.totp_enabled_at) return 'mfa';
    if (mfaRequired(toRoles(u.roles), policy) && !exempt) return 'enrol';
  }
  if (done !== 'new_password' && u.must_change_password) return 'password';
  return 'active';
}

export async function buildProfile(ctx: AppContext, userId: string): Promise<Me> {
  const p = await sql.findProfile(ctx.db, userId);
  if (!p) throw new AppError('unauthenticated', { zh: '账号不存在', en: 'Account not found' });
  const policy = await getPolicy(ctx.db);
  const roles = toRoles(p.roles);
  return {
    id: p.id,
    username: p.username,
    displayName: p.display_name,
    email: p.email,
    roles,
    permissions: [...permissionsOf(roles)].sort(),
    areaScope: p.area_scope,
    areaName: p.area_name,
    areaNameEn: p.area_name_en,
    org: { id: p.org_id, name: p.org_name, kind: p.org_kind },
    isDemo: p.is_demo,
    mfaEnabled: p.totp_enabled_at !== null,
    mfaRequired: mfaRequired(roles, policy),
    mfaExempt: ctx.demo && p.is_demo && mfaRequired(roles, policy),
    recoveryCodesLeft: await sql.countRecoveryCodes(ctx.db, userId),
    mustChangePassword: p.must_change_password,
    lastLoginAt: p.last_login_at?.toISOString() ?? null,
    lastLoginIp: p.last_login_ip,
    passwordChangedAt: p.password_changed_at.toISOString(),
  };
}

async function view(ctx: AppContext, s: { userId: string; csrf: string; stage: Stage }): Promise<SessionView> {
  return { user: await buildProfile(ctx, s.userId), csrfToken: s.csrf, stage: s.stage, demo: ctx.demo };
}

/**
 * Password sign-in. Unknown users cost the same argon2 work and get the same answer as a wrong
 * password. Five failures lock the account for the policy's lock time (audited).
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string },
  meta: RequestMeta,
): Promise<{ sessionToken: string; view: SessionView }> {
  const username = input.username.trim().toLowerCase();
  const now = ctx.clock.now();
  const policy = await getPolicy(ctx.db);
  const user = await sql.findUserForLogin(ctx.db, username);
  const anon = anonymousActor(meta.ip);
  if (!user) {
    dummyHash ??= hashPassword(randomToken());
    await verifyPassword(await dummyHash, input.password);
    await recordAudit(ctx.db, ctx.clock, { actor: anon, action: 'auth.login', result: 'failed', details: { username: username.slice(0, 64), reason: 'bad_credentials' } });
    throw badCredentials();
  }
  const actor = userActor(user, meta.ip);
  if (user.locked_until && user.locked_until > now) {
    await recordAudit(ctx.db, ctx.clock, { actor, action: 'auth.login', targetType: 'user', targetId: user.id, result: 'failed', details: { reason: 'locked' } });
    throw lockedError(user.locked_until, now);
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    const lockedUntil = await ctx.db.tx(async (tx) => {
      const until = await sql.countFailure(tx, user.id, policy.maxFailures, new Date(now.getTime() + policy.lockMinutes * MINUTE));
      await appendAudit(tx, ctx.clock, { actor, action: 'auth.login', targetType: 'user', targetId: user.id, result: 'failed', details: { reason: 'bad_credentials' } });
      const justLocked = until !== null && until > now && (!user.locked_until || user.locked_until <= now);
      if (justLocked) {
        await appendAudit(tx, ctx.clock, { actor, action: 'auth.lock', targetType: 'user', targetId: user.id, details: { minutes: policy.lockMinutes, failures: policy.maxFailures } });
      }
      return justLocked ? until : null;
    });
    if (lockedUntil) throw lockedError(lockedUntil, now);
    throw badCredentials();
  }
  if (user.disabled_at) {
    await recordAudit(ctx.db, ctx.clock, { actor, action: 'auth.login', targetType: 'user', targetId: user.id, result: 'failed', details: { reason: 'disabled' } });
    throw new AppError('account_disabled', { zh: '账号已停用，请联系系统管理员', en: 'This account is disabled; contact the administrator' });
  }
  if (user.is_demo && !ctx.demo) {
    await recordAudit(ctx.db, ctx.clock, { actor, action: 'auth.login', targetType: 'user', targetId: user.id, result: 'failed', details: { reason: 'demo_account' } });
    throw new AppError('account_disabled', { zh: '演示账号只能在演示模式下使用', en: 'Demo accounts work in demo mode only' });
  }
  if (user.roles.length === 0) {
    await recordAudit(ctx.db, ctx.clock, { actor, action: 'auth.login', targetType: 'user', targetId: user.id, result: 'failed', details: { reason: 'pending' } });
    throw new AppError('account_pending', { zh: '账号尚未授权，请联系安全管理员为其分配角色', en: 'This account has no role yet; ask the security administrator to grant one' });
  }
  const stage = nextStage(user, policy, ctx.demo, 'password');
  const sessionToken = randomToken();
  const csrf = randomToken(24);
  await ctx.db.tx(async (tx) => {
    await sql.recordSuccess(tx, user.id, now, meta.ip);
    await sql.insertSession(tx, { idHash: sha256(sessionToken), userId: user.id, csrf, stage, at: now, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null });
    await appendAudit(tx, ctx.clock, { actor, action: 'auth.login', targetType: 'user', targetId: user.id, details: { stage } });
  });
  return { sessionToken, view: await view(ctx, { userId: user.id, csrf, stage }) };
}

function lockedError(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
  return new AppError(
    'account_locked',
    { zh: `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`, en: `Too many failed sign-ins: the account is locked; try again in ${minutes} minutes` },
    { lockedUntil: until.toISOString(), minutes },
  );
}

export type SessionResolution =
  | { kind: 'ok'; actor: Actor; session: SessionInfo }
  | { kind: 'expired' }
  | { kind: 'none' };

/** Checks a session cookie against revocation, the idle and absolute limits and the account state. */
export async function resolveSession(ctx: AppContext, token: string, ip: string | null): Promise<SessionResolution> {
  const idHash = sha256(token);
  const s = await sql.findSession(ctx.db, idHash);
  if (!s) return { kind: 'none' };
  if (s.revoked_at) return { kind: 'expired' };
  const now = ctx.clock.now();
  const policy = securityPolicy.safeParse({ ...DEFAULT_POLICY, ...(s.policy ?? {}) }).data ?? DEFAULT_POLICY;
  const idle = now.getTime() - s.last_seen_at.getTime() > policy.idleMinutes * MINUTE;
  const tooOld = now.getTime() - s.created_at.getTime() > policy.absoluteHours * HOUR;
  const unusable = s.disabled_at !== null || s.roles.length === 0;
  if (idle || tooOld || unusable) {
    await sql.revokeSession(ctx.db, idHash, idle ? 'idle' : tooOld ? 'absolute' : 'disabled', now);
    return { kind: 'expired' };
  }
  if (now.getTime() - s.last_seen_at.getTime() > 30_000) await sql.touchSession(ctx.db, idHash, now);
  return {
    kind: 'ok',
    actor: userActor({ ...s, id: s.user_id }, ip, idHash),
    session: { idHash, userId: s.user_id, csrf: s.csrf_token, stage: s.stage },
  };
}

/** An organisation's API token (machine clients such as the court's case system). */
export async function resolveToken(ctx: AppContext, token: string, ip: string | null): Promise<Actor | null> {
  const t = await sql.findToken(ctx.db, sha256(token));
  const now = ctx.clock.now();
  if (!t || t.revoked_at || t.org_disabled_at || (t.expires_at && t.expires_at <= now)) return null;
  if (!t.last_used_at || now.getTime() - t.last_used_at.getTime() > 60_000) await sql.touchToken(ctx.db, t.id, now);
  return { kind: 'token', id: t.id, name: `token:${t.name}`, orgId: t.org_id, roles: toRoles(t.roles), scope: t.area_scope, ip };
}

export async function currentView(ctx: AppContext, s: SessionInfo): Promise<SessionView> {
  return view(ctx, s);
}

export async function logout(ctx: AppContext, actor: Actor, s: SessionInfo): Promise<void> {
  await ctx.db.tx(async (tx) => {
    await sql.revokeSession(tx, s.idHash, 'logout', ctx.clock.now());
    await appendAudit(tx, ctx.clock, { actor, action: 'auth.logout', targetType: 'user', targetId: s.userId });
  });
}

function totpFor(username: string, secretBase32: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });
}

const normaliseRecovery = (code: string) => code.replace(/[^0-9a-z]/gi, '').toLowerCase();

async function afterStep(ctx: AppContext, actor: Actor, s: SessionInfo, done: 'mfa' | 'enrol'): Promise<SessionView> {
  const user = await sql.findUserForLogin(ctx.db, actor.name ?? '');
  if (!user) throw new AppError('unauthenticated', { zh: '账号不存在', en: 'Account not found' });
  const next = nextStage(user, await getPolicy(ctx.db), ctx.demo, done);
  await sql.setStage(ctx.db, s.idHash, next);
  return view(ctx, { ...s, stage: next });
}

/** Second step of sign-in: a TOTP code (each usable once) or a one-time recovery code. */
export async function verifyMfa(ctx: AppContext, actor: Actor, s: SessionInfo, body: { code: string } | { recoveryCode: string }): Promise<SessionView> {
  const t = await sql.readTotp(ctx.db, s.userId);
  if (!t?.totp_secret_enc || !t.totp_enabled_at) throw ruleViolated({ zh: '该账号未启用双因素认证', en: 'Two-factor sign-in is not set up for this account' });
  const now = ctx.clock.now();
  let ok = false;
  let method = 'totp';
  if ('code' in body) {
    const delta = totpFor(actor.name ?? '', ctx.totpBox.open(t.totp_secret_enc)).validate({ token: body.code, timestamp: now.getTime(), window: 1 });
    if (delta !== null) {
      const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD) + delta;
      ok = await sql.claimTotpStep(ctx.db, s.userId, step);
    }
  } else {
    method = 'recovery_code';
    ok = await sql.useRecoveryCode(ctx.db, s.userId, sha256(normaliseRecovery(body.recoveryCode)), now);
  }
  if (!ok) {
    const policy = await getPolicy(ctx.db);
    const until = await ctx.db.tx(async (tx) => {
      const lockedUntil = await sql.countFailure(tx, s.userId, policy.maxFailures, new Date(now.getTime() + policy.lockMinutes * MINUTE));
      await appendAudit(tx, ctx.clock, { actor, action: 'auth.mfa', targetType: 'user', targetId: s.userId, result: 'failed', details: { method } });
      if (lockedUntil && lockedUntil > now) {
        await sql.revokeUserSessions(tx, s.userId, 'locked', now);
        await appendAudit(tx, ctx.clock, { actor, action: 'auth.lock', targetType: 'user', targetId: s.userId, details: { minutes: policy.lockMinutes } });
      }
      return lockedUntil && lockedUntil > now ? lockedUntil : null;
    });
    if (until) throw lockedError(until, now);
    throw new AppError('mfa_invalid', { zh: '验证码错误或已使用', en: 'The code is wrong or was already used' });
  }
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'auth.mfa', targetType: 'user', targetId: s.userId, details: { method } });
  return afterStep(ctx, actor, s, 'mfa');
}

/** Creates (or replaces) a pending TOTP secret and returns it for the authenticator app. */
export async function startEnrolment(ctx: AppContext, actor: Actor, s: SessionInfo): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
  const t = await sql.readTotp(ctx.db, s.userId);
  if (t?.totp_enabled_at) throw ruleViolated({ zh: '已启用双因素认证', en: 'Two-factor sign-in is already on' });
  const secret = new Secret({ size: 20 }).base32;
  await sql.saveTotpSecret(ctx.db, s.userId, ctx.totpBox.seal(secret));
  const uri = totpFor(actor.name ?? '', secret).toString();
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomToken(8).replace(/[^0-9a-z]/gi, '').toLowerCase().padEnd(10, '7').slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** Turns TOTP on once the user proves the app works; returns ten one-time recovery codes (shown once). */
export async function confirmEnrolment(ctx: AppContext, actor: Actor, s: SessionInfo, code: string): Promise<{ recoveryCodes: string[]; view: SessionView }> {
  const t = await sql.readTotp(ctx.db, s.userId);
  if (!t?.totp_secret_enc || t.totp_enabled_at) throw ruleViolated({ zh: '请先开始设置双因素认证', en: 'Start the two-factor set-up first' });
  const now = ctx.clock.now();
  const delta = totpFor(actor.name ?? '', ctx.totpBox.open(t.totp_secret_enc)).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) throw new AppError('mfa_invalid', { zh: '验证码错误，请核对手机时间后重试', en: 'Wrong code; check the time on your phone and try again' });
  const codes = newRecoveryCodes();
  await ctx.db.tx(async (tx) => {
    await sql.enableTotp(tx, s.userId, now, Math.floor(now.getTime() / 1000 / TOTP_PERIOD) + delta);
    await sql.replaceRecoveryCodes(tx, s.userId, codes.map((c) => sha256(normaliseRecovery(c))));
    await appendAudit(tx, ctx.clock, { actor, action: 'auth.mfa_enrol', targetType: 'user', targetId: s.userId });
  });
  const v = s.stage === 'enrol' ? await afterStep(ctx, actor, s, 'enrol') : await view(ctx, s);
  return { recoveryCodes: codes, view: v };
}

export async function regenerateRecoveryCodes(ctx: AppContext, actor: Actor, s: SessionInfo): Promise<string[]> {
  const t = await sql.readTotp(ctx.db, s.userId);
  if (!t?.totp_enabled_at) throw ruleViolated({ zh: '未启用双因素认证', en: 'Two-factor sign-in is not on' });
  const codes = newRecoveryCodes();
  await ctx.db.tx(async (tx) => {
    await sql.replaceRecoveryCodes(tx, s.userId, codes.map((c) => sha256(normaliseRecovery(c))));
    await appendAudit(tx, ctx.clock, { actor, action: 'auth.recovery_codes', targetType: 'user', targetId: s.userId });
  });
  return codes;
}

/** Optional TOTP may be turned off by its owner (with the password); required TOTP may not. */
export async function disableMfa(ctx: AppContext, actor: Actor, s: SessionInfo, password: string): Promise<SessionView> {
  const hash = await sql.readPasswordHash(ctx.db, s.userId);
  if (!hash || !(await verifyPassword(hash, password))) throw new AppError('bad_credentials', { zh: '密码错误', en: 'Wrong password' });
  const me = await buildProfile(ctx, s.userId);
  if (me.mfaRequired && !me.mfaExempt) throw ruleViolated({ zh: '您的角色必须使用双因素认证，不能关闭', en: 'Your role requires two-factor sign-in; it cannot be turned off' });
  await ctx.db.tx(async (tx) => {
    await sql.clearTotp(tx, s.userId);
    await appendAudit(tx, ctx.clock, { actor, action: 'auth.mfa_disable', targetType: 'user', targetId: s.userId });
  });
  return view(ctx, s);
}

/** Changes the user's own password; every other session of the account ends. */
export async function changePassword(ctx: AppContext, actor: Actor, s: SessionInfo, body: { currentPassword: string; newPassword: string }): Promise<SessionView> {
  const hash = await sql.readPasswordHash(ctx.db, s.userId);
  if (!hash || !(await verifyPassword(hash, body.currentPassword))) {
    await recordAudit(ctx.db, ctx.clock, { actor, action: 'auth.password_change', targetType: 'user', targetId: s.userId, result: 'failed', details: { reason: 'wrong_current' } });
    throw new AppError('bad_credentials', { zh: '当前密码错误', en: 'The current password is wrong' });
  }
  await assertPasswordAcceptable(ctx, body.newPassword, actor.name ?? '');
  if (await verifyPassword(hash, body.newPassword)) throw ruleViolated({ zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' });
  const now = ctx.clock.now();
  const newHash = await hashPassword(body.newPassword);
  await ctx.db.tx(async (tx) => {
    await sql.setPassword(tx, s.userId, newHash, now, false);
    const ended = await sql.revokeUserSessions(tx, s.userId, 'password_change', now, s.idHash);
    await sql.setStage(tx, s.idHash, 'active');
    await appendAudit(tx, ctx.clock, { actor, action: 'auth.password_change', targetType: 'user', targetId: s.userId, details: { otherSessionsEnded: ended } });
  });
  return view(ctx, { ...s, stage: 'active' });
}

/** Throws a 422 listing every broken password rule. */
export async function assertPasswordAcceptable(ctx: AppContext, password: string, username: string): Promise<void> {
  const policy = await getPolicy(ctx.db);
  const problems = passwordProblems(password, username, { minLength: policy.minLength, demo: ctx.demo });
  if (problems.length > 0) {
    throw ruleViolated(
      { zh: `密码不符合要求：${problems.map((p) => p.zh).join('；')}`, en: `Password not accepted: ${problems.map((p) => p.en).join('; ')}` },
      { problems },
    );
  }
}
