import type { Queryable } from '../../../db/db';

export interface TokenRow {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  roles: string[];
  area_scope: string;
  created_at: Date;
  created_by_name: string | null;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const SELECT = `SELECT t.id, t.org_id, t.name, t.prefix, t.roles, t.area_scope, t.created_at, u.username AS created_by_name,
    t.expires_at, t.last_used_at, t.revoked_at
  FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by`;

export async function listForOrg(q: Queryable, orgId: string): Promise<TokenRow[]> {
  return q.query<TokenRow>(`${SELECT} WHERE t.org_id = $1 ORDER BY t.created_at DESC`, [orgId]);
}

export async function findToken(q: Queryable, id: string): Promise<TokenRow | undefined> {
  const [row] = await q.query<TokenRow>(`${SELECT} WHERE t.id = $1`, [id]);
  return row;
}

export async function insertToken(
  q: Queryable,
  t: { orgId: string; name: string; hash: string; prefix: string; roles: string[]; scope: string; createdBy: string | null; at: Date; expiresAt: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO api_tokens (org_id, name, token_hash, prefix, roles, area_scope, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9) RETURNING id`,
    [t.orgId, t.name, t.hash, t.prefix, t.roles, t.scope, t.createdBy, t.at, t.expiresAt],
  );
  if (!row) throw new Error('insert returned no id');
  return row.id;
}

export async function revoke(q: Queryable, id: string, by: string | null, at: Date): Promise<void> {
  await q.query('UPDATE api_tokens SET revoked_at = $3, revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL', [id, by, at]);
}
