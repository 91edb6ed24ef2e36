import type { Queryable } from '../../../db/db';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  org_id: string;
  org_name: string;
  org_kind: string;
  roles: string[];
  area_scope: string;
  area_name: string;
  locked_until: Date | null;
  disabled_at: Date | null;
  must_change_password: boolean;
  totp_enabled_at: Date | null;
  is_demo: boolean;
  last_login_at: Date | null;
  created_at: Date;
}

const SELECT = `SELECT u.id, u.username, u.display_name, u.email, u.org_id, o.name AS org_name, o.kind AS org_kind, u.roles, u.area_scope,
    a.name AS area_name, u.locked_until, u.disabled_at, u.must_change_password, u.totp_enabled_at, u.is_demo, u.last_login_at, u.created_at
  FROM users u JOIN organisations o ON o.id = u.org_id JOIN areas a ON a.code = u.area_scope`;

export interface UserFilter {
  q: string | null;
  orgId: string | null;
  role: string | null;
  status: string | null;
  now: Date;
  scope: string[] | null;
}

const WHERE = `($1::text IS NULL OR u.username ILIKE '%' || $1 || '%' OR u.display_name ILIKE '%' || $1 || '%')
  AND ($2::uuid IS NULL OR u.org_id = $2)
  AND ($3::text IS NULL OR $3 = ANY(u.roles))
  AND ($4::text IS NULL
       OR ($4 = 'disabled' AND u.disabled_at IS NOT NULL)
       OR ($4 = 'locked' AND u.disabled_at IS NULL AND u.locked_until > $5)
       OR ($4 = 'pending' AND u.disabled_at IS NULL AND cardinality(u.roles) = 0)
       OR ($4 = 'active' AND u.disabled_at IS NULL AND cardinality(u.roles) > 0 AND (u.locked_until IS NULL OR u.locked_until <= $5)))
  AND ($6::text[] IS NULL OR u.area_scope = ANY($6))`;

const params = (f: UserFilter) => [f.q, f.orgId, f.role, f.status, f.now, f.scope];

export async function listUsers(q: Queryable, f: UserFilter, limit: number, offset: number): Promise<{ rows: UserRow[]; total: number }> {
  const rows = await q.query<UserRow>(`${SELECT} WHERE ${WHERE} ORDER BY u.username LIMIT $7 OFFSET $8`, [...params(f), limit, offset]);
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM users u WHERE ${WHERE}`, params(f));
  return { rows, total: c?.n ?? 0 };
}

export async function findUser(q: Queryable, id: string, scope: string[] | null): Promise<UserRow | undefined> {
  const [row] = await q.query<UserRow>(`${SELECT} WHERE u.id = $1 AND ($2::text[] IS NULL OR u.area_scope = ANY($2))`, [id, scope]);
  return row;
}

export async function idByUsername(q: Queryable, username: string): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
  return row?.id;
}

export async function usernameTaken(q: Queryable, username: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM users WHERE username = $1', [username])).length > 0;
}

export async function insertUser(
  q: Queryable,
  u: { id?: string; username: string; displayName: string; orgId: string; email: string | null; roles: string[]; areaScope: string; passwordHash: string; mustChange: boolean; isDemo: boolean; at: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO users (id, username, display_name, org_id, email, roles, area_scope, password_hash, password_changed_at, must_change_password, is_demo, created_at, updated_at)
     VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6::text[], $7, $8, $9, $10, $11, $9, $9) RETURNING id`,
    [u.id ?? null, u.username, u.displayName, u.orgId, u.email, u.roles, u.areaScope, u.passwordHash, u.at, u.mustChange, u.isDemo],
  );
  if (!row) throw new Error('insert returned no id');
  return row.id;
}

export async function updateProfile(q: Queryable, id: string, p: { displayName: string; orgId: string; email: string | null; at: Date }): Promise<void> {
  await q.query('UPDATE users SET display_name = $2, org_id = $3, email = $4, updated_at = $5 WHERE id = $1', [id, p.displayName, p.orgId, p.email, p.at]);
}

export async function setDisabled(q: Queryable, id: string, at: Date | null, now: Date): Promise<void> {
  await q.query('UPDATE users SET disabled_at = $2, updated_at = $3 WHERE id = $1', [id, at, now]);
}

export async function setGrants(q: Queryable, id: string, roles: string[], scope: string, at: Date): Promise<void> {
  await q.query('UPDATE users SET roles = $2::text[], area_scope = $3, updated_at = $4 WHERE id = $1', [id, roles, scope, at]);
}

export async function unlock(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('UPDATE users SET locked_until = NULL, failed_logins = 0, updated_at = $2 WHERE id = $1', [id, at]);
}

export async function orgOf(q: Queryable, orgId: string): Promise<{ id: string; kind: string; area_code: string; disabled_at: Date | null } | undefined> {
  const [row] = await q.query<{ id: string; kind: string; area_code: string; disabled_at: Date | null }>(
    'SELECT id, kind, area_code, disabled_at FROM organisations WHERE id = $1',
    [orgId],
  );
  return row;
}

export async function areaKind(q: Queryable, code: string): Promise<string | undefined> {
  const [row] = await q.query<{ kind: string }>('SELECT kind FROM areas WHERE code = $1', [code]);
  return row?.kind;
}
