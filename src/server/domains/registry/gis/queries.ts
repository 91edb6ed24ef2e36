import type { Queryable } from '../../../db/db';

export interface GiRow {
  id: number;
  name: string;
  kind: string;
  reg_no: string | null;
  nice_class: number | null;
  holder_id: number | null;
  holder_name: string | null;
  area_code: string | null;
  area_text: string | null;
  approved_on: string | null;
  authority: string | null;
  standard: string | null;
  product_category: string | null;
  users: number;
  is_demo: boolean;
}

const SELECT = `SELECT g.id, g.name, g.kind, g.reg_no, g.nice_class, g.holder_id, h.name AS holder_name, g.area_code, g.area_text, g.approved_on,
    g.authority, g.standard, g.product_category, g.is_demo,
    (SELECT count(*)::int FROM gi_users u WHERE u.gi_id = g.id AND u.status = 'active') AS users
  FROM gis g LEFT JOIN holders h ON h.id = g.holder_id`;

/** GIs matching the words, in an area ('unresolved': not placed) and approved by the end of a year (an unknown date counts). */
export const listGis = (q: Queryable, tsquery: string | null, area: string | null = null, approvedBy: number | null = null) =>
  q.query<GiRow>(
    `${SELECT} WHERE ($1::text IS NULL OR g.search @@ to_tsquery('simple', $1))
       AND ($2::text IS NULL OR coalesce(g.area_code, 'unresolved') = $2)
       AND ($3::int IS NULL OR g.approved_on IS NULL OR g.approved_on <= make_date($3, 12, 31))
     ORDER BY g.approved_on NULLS LAST, g.name, g.kind`,
    [tsquery, area, approvedBy],
  );

export async function findGi(q: Queryable, id: number): Promise<GiRow | undefined> {
  const [row] = await q.query<GiRow>(`${SELECT} WHERE g.id = $1`, [id]);
  return row;
}

export interface GiUserRow {
  id: number;
  holder_id: number;
  name: string;
  uscc: string | null;
  address: string | null;
  area_code: string | null;
  announcement_no: string | null;
  announced_on: string | null;
  status: string;
  is_demo: boolean;
}

export const usersOf = (q: Queryable, giId: number, limit: number, offset: number) =>
  q.query<GiUserRow>(
    `SELECT u.id, h.id AS holder_id, h.name, h.uscc, h.address, h.area_code, u.announcement_no, u.announced_on, u.status, u.is_demo
       FROM gi_users u JOIN holders h ON h.id = u.holder_id WHERE u.gi_id = $1 ORDER BY u.announced_on DESC NULLS LAST, h.name LIMIT $2 OFFSET $3`,
    [giId, limit, offset],
  );

export async function countUsers(q: Queryable, giId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM gi_users WHERE gi_id = $1', [giId]);
  return row?.n ?? 0;
}
