import type { Queryable } from '../../../db/db';

export interface OrgRow {
  id: string;
  name: string;
  kind: string;
  area_code: string;
  area_name: string;
  uscc: string | null;
  address: string | null;
  phone: string | null;
  is_demo: boolean;
  disabled_at: Date | null;
  created_at: Date;
  user_count: number;
  active_token_count: number;
}

const SELECT = `SELECT o.id, o.name, o.kind, o.area_code, a.name AS area_name, o.uscc, o.address, o.phone, o.is_demo, o.disabled_at, o.created_at,
    (SELECT count(*)::int FROM users u WHERE u.org_id = o.id) AS user_count,
    (SELECT count(*)::int FROM api_tokens t WHERE t.org_id = o.id AND t.revoked_at IS NULL) AS active_token_count
  FROM organisations o JOIN areas a ON a.code = o.area_code`;

export interface OrgFilter {
  q: string | null;
  kind: string | null;
  area: string | null;
  status: 'active' | 'disabled' | null;
  scope: string[] | null;
}

const WHERE = `($1::text IS NULL OR o.name ILIKE '%' || $1 || '%' OR o.uscc = upper($1))
  AND ($2::text IS NULL OR o.kind = $2)
  AND ($3::text IS NULL OR o.area_code = $3)
  AND ($4::text IS NULL OR ($4 = 'active') = (o.disabled_at IS NULL))
  AND ($5::text[] IS NULL OR o.area_code = ANY($5))`;

const params = (f: OrgFilter) => [f.q, f.kind, f.area, f.status, f.scope];

export async function listOrgs(q: Queryable, f: OrgFilter, limit: number, offset: number): Promise<{ rows: OrgRow[]; total: number }> {
  const rows = await q.query<OrgRow>(`${SELECT} WHERE ${WHERE} ORDER BY o.kind, a.sort, o.name LIMIT $6 OFFSET $7`, [...params(f), limit, offset]);
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM organisations o WHERE ${WHERE}`, params(f));
  return { rows, total: c?.n ?? 0 };
}

/** One organisation, only if inside the caller's scope (null scope = whole city). */
export async function findOrg(q: Queryable, id: string, scope: string[] | null): Promise<OrgRow | undefined> {
  const [row] = await q.query<OrgRow>(`${SELECT} WHERE o.id = $1 AND ($2::text[] IS NULL OR o.area_code = ANY($2))`, [id, scope]);
  return row;
}

export async function insertOrg(
  q: Queryable,
  o: { id?: string; name: string; kind: string; areaCode: string; uscc: string | null; address: string | null; phone: string | null; isDemo: boolean; at: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO organisations (id, name, kind, area_code, uscc, address, phone, is_demo, created_at, updated_at)
     VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [o.id ?? null, o.name, o.kind, o.areaCode, o.uscc, o.address, o.phone, o.isDemo, o.at],
  );
  if (!row) throw new Error('insert returned no id');
  return row.id;
}

export async function updateOrg(
  q: Queryable,
  id: string,
  o: { name: string; areaCode: string; uscc: string | null; address: string | null; phone: string | null; at: Date },
): Promise<void> {
  await q.query('UPDATE organisations SET name = $2, area_code = $3, uscc = $4, address = $5, phone = $6, updated_at = $7 WHERE id = $1', [
    id,
    o.name,
    o.areaCode,
    o.uscc,
    o.address,
    o.phone,
    o.at,
  ]);
}

export async function setOrgDisabled(q: Queryable, id: string, at: Date | null, now: Date): Promise<void> {
  await q.query('UPDATE organisations SET disabled_at = $2, updated_at = $3 WHERE id = $1', [id, at, now]);
}

export async function idByName(q: Queryable, name: string): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>('SELECT id FROM organisations WHERE name = $1', [name]);
  return row?.id;
}

export async function orgNameTaken(q: Queryable, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM organisations WHERE name = $1 AND ($2::uuid IS NULL OR id <> $2)', [name, exceptId]);
  return rows.length > 0;
}

export async function usccTaken(q: Queryable, uscc: string, exceptId: string | null): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM organisations WHERE uscc = $1 AND ($2::uuid IS NULL OR id <> $2)', [uscc, exceptId]);
  return rows.length > 0;
}

export async function areaExists(q: Queryable, code: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM areas WHERE code = $1', [code]);
  return rows.length > 0;
}
