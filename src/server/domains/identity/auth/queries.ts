import type { Queryable } from '../../../db/db';
import type { SecurityPolicy } from '../policy/schema';

export type Stage = 'mfa' | 'enrol' | 'password' | 'active';

export interface LoginUser {
  id: string;
  username: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  disabled_at: Date | null;
  is_demo: boolean;
  roles: string[];
  totp_enabled_at: Date | null;
  must_change_password: boolean;
  org_id: string;
  area_scope: string;
}

/** Account and organisation disabled flags folded into one, as sign-in treats them alike. */
export async function findUserForLogin(q: Queryable, username: string): Promise<LoginUser | undefined> {
  const [u] = await q.query<LoginUser>(
    `SELECT u.id, u.username, u.password_hash, u.failed_logins, u.locked_until, COALESCE(u.disabled_at, o.disabled_at) AS disabled_at,
            u.is_demo, u.roles, u.totp_enabled_at, u.must_change_password, u.org_id, u.area_scope
       FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.username = $1`,
    [username],
  );
  return u;
}

/** Counts a failure; locks the account when the count reaches the limit. Returns the new lock, if any. */
export async function countFailure(q: Queryable, userId: string, maxFailures: number, lockUntil: Date): Promise<Date | null> {
  const [r] = await q.query<{ locked_until: Date | null }>(
    `UPDATE users SET
       failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
       locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE id = $1 RETURNING locked_until`,
    [userId, maxFailures, lockUntil],
  );
  return r?.locked_until ?? null;
}

export async function recordSuccess(q: Queryable, userId: string, at: Date, ip: string | null): Promise<void> {
  await q.query('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $2, last_login_ip = $3 WHERE id = $1', [
    userId,
    at,
    ip,
  ]);
}

export async function insertSession(
  q: Queryable,
  s: { idHash: string; userId: string; csrf: string; stage: Stage; at: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, stage, created_at, last_seen_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
    [s.idHash, s.userId, s.csrf, s.stage, s.at, s.ip, s.userAgent],
  );
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  stage: Stage;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  username: string;
  org_id: string;
  roles: string[];
  area_scope: string;
  disabled_at: Date | null;
  is_demo: boolean;
  policy: Partial<SecurityPolicy> | null;
}

export async function findSession(q: Queryable, idHash: string): Promise<SessionRow | undefined> {
  const [s] = await q.query<SessionRow>(
    `SELECT s.id_hash, s.user_id, s.csrf_token, s.stage, s.created_at, s.last_seen_at, s.revoked_at,
            u.username, u.org_id, u.roles, u.area_scope, COALESCE(u.disabled_at, o.disabled_at) AS disabled_at, u.is_demo,
            (SELECT value FROM settings WHERE key = 'security_policy') AS policy
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.org_id
      WHERE s.id_hash = $1`,
    [idHash],
  );
  return s;
}

export async function touchSession(q: Queryable, idHash: string, at: Date): Promise<void> {
  await q.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL', [idHash, at]);
}

export async function setStage(q: Queryable, idHash: string, stage: Stage): Promise<void> {
  await q.query('UPDATE sessions SET stage = $2 WHERE id_hash = $1', [idHash, stage]);
}

export async function revokeSession(q: Queryable, idHash: string, reason: string, at: Date): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = $3, revoked_reason = $2 WHERE id_hash = $1 AND revoked_at IS NULL', [idHash, reason, at]);
}

/** Ends every live session of a user but one (the one making the change keeps going). */
export async function revokeUserSessions(q: Queryable, userId: string, reason: string, at: Date, exceptIdHash: string | null = null): Promise<number> {
  const rows = await q.query<{ id_hash: string }>(
    `UPDATE sessions SET revoked_at = $3, revoked_reason = $2
      WHERE user_id = $1 AND revoked_at IS NULL AND ($4::text IS NULL OR id_hash <> $4) RETURNING id_hash`,
    [userId, reason, at, exceptIdHash],
  );
  return rows.length;
}

export interface TokenRow {
  id: string;
  org_id: string;
  name: string;
  roles: string[];
  area_scope: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  org_disabled_at: Date | null;
}

export async function findToken(q: Queryable, tokenHash: string): Promise<TokenRow | undefined> {
  const [t] = await q.query<TokenRow>(
    `SELECT t.id, t.org_id, t.name, t.roles, t.area_scope, t.expires_at, t.revoked_at, t.last_used_at, o.disabled_at AS org_disabled_at
       FROM api_tokens t JOIN organisations o ON o.id = t.org_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return t;
}

export async function touchToken(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, at]);
}

export interface ProfileRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  roles: string[];
  area_scope: string;
  area_name: string;
  area_name_en: string;
  org_id: string;
  org_name: string;
  org_kind: string;
  is_demo: boolean;
  totp_enabled_at: Date | null;
  must_change_password: boolean;
  last_login_at: Date | null;
  last_login_ip: string | null;
  password_changed_at: Date;
}

export async function findProfile(q: Queryable, userId: string): Promise<ProfileRow | undefined> {
  const [p] = await q.query<ProfileRow>(
    `SELECT u.id, u.username, u.display_name, u.email, u.roles, u.area_scope, a.name AS area_name, a.name_en AS area_name_en,
            u.org_id, o.name AS org_name, o.kind AS org_kind, u.is_demo, u.totp_enabled_at, u.must_change_password,
            u.last_login_at, u.last_login_ip, u.password_changed_at
       FROM users u JOIN organisations o ON o.id = u.org_id JOIN areas a ON a.code = u.area_scope
      WHERE u.id = $1`,
    [userId],
  );
  return p;
}

export async function readTotp(q: Queryable, userId: string): Promise<{ totp_secret_enc: string | null; totp_enabled_at: Date | null; totp_last_step: number } | undefined> {
  const [r] = await q.query<{ totp_secret_enc: string | null; totp_enabled_at: Date | null; totp_last_step: number }>(
    'SELECT totp_secret_enc, totp_enabled_at, totp_last_step FROM users WHERE id = $1',
    [userId],
  );
  return r;
}

export async function saveTotpSecret(q: Queryable, userId: string, sealed: string): Promise<void> {
  await q.query('UPDATE users SET totp_secret_enc = $2, totp_enabled_at = NULL, totp_last_step = 0 WHERE id = $1', [userId, sealed]);
}

export async function enableTotp(q: Queryable, userId: string, at: Date, step: number): Promise<void> {
  await q.query('UPDATE users SET totp_enabled_at = $2, totp_last_step = $3 WHERE id = $1', [userId, at, step]);
}

/** Records the time step just used, only if newer: a code can be used once. */
export async function claimTotpStep(q: Queryable, userId: string, step: number): Promise<boolean> {
  const rows = await q.query('UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2 RETURNING id', [userId, step]);
  return rows.length === 1;
}

export async function clearTotp(q: Queryable, userId: string): Promise<void> {
  await q.query('UPDATE users SET totp_secret_enc = NULL, totp_enabled_at = NULL, totp_last_step = 0 WHERE id = $1', [userId]);
  await q.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
}

export async function replaceRecoveryCodes(q: Queryable, userId: string, hashes: string[]): Promise<void> {
  await q.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  for (const h of hashes) await q.query('INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)', [userId, h]);
}

export async function useRecoveryCode(q: Queryable, userId: string, hash: string, at: Date): Promise<boolean> {
  const rows = await q.query('UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING code_hash', [
    userId,
    hash,
    at,
  ]);
  return rows.length === 1;
}

export async function countRecoveryCodes(q: Queryable, userId: string): Promise<number> {
  const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
  return r?.n ?? 0;
}

export async function readPasswordHash(q: Queryable, userId: string): Promise<string | undefined> {
  const [r] = await q.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [userId]);
  return r?.password_hash;
}

export async function setPassword(q: Queryable, userId: string, hash: string, at: Date, mustChange: boolean): Promise<void> {
  await q.query(
    'UPDATE users SET password_hash = $2, password_changed_at = $3, must_change_password = $4, failed_logins = 0, locked_until = NULL, updated_at = $3 WHERE id = $1',
    [userId, hash, at, mustChange],
  );
}
