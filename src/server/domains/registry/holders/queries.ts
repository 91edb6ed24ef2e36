import type { Queryable } from '../../../db/db';

export interface HolderRow {
  id: number;
  name: string;
  match_key: string;
  kind: 'org' | 'person';
  uscc: string | null;
  address: string | null;
  area_code: string | null;
  area_source: 'uscc' | 'address' | 'manual' | 'outside' | 'unresolved';
  is_demo: boolean;
}

export async function findByKeys(q: Queryable, matchKeys: string[], usccs: string[]): Promise<HolderRow[]> {
  if (matchKeys.length === 0 && usccs.length === 0) return [];
  return q.query<HolderRow>(
    'SELECT id, name, match_key, kind, uscc, address, area_code, area_source, is_demo FROM holders WHERE match_key = ANY($1) OR uscc = ANY($2)',
    [matchKeys, usccs],
  );
}

export interface NewHolder {
  name: string;
  nameKey: string;
  matchKey: string;
  kind: 'org' | 'person';
  uscc: string | null;
  address: string | null;
  areaCode: string | null;
  areaSource: string;
  isDemo: boolean;
}

export async function insertHolders(q: Queryable, rows: NewHolder[]): Promise<HolderRow[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof NewHolder>(k: K) => rows.map((r) => r[k]);
  return q.query<HolderRow>(
    `INSERT INTO holders (name, name_key, match_key, kind, uscc, address, area_code, area_source, is_demo)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[])
     RETURNING id, name, match_key, kind, uscc, address, area_code, area_source, is_demo`,
    [col('name'), col('nameKey'), col('matchKey'), col('kind'), col('uscc'), col('address'), col('areaCode'), col('areaSource'), col('isDemo')],
  );
}

/** Fills in what a later file knows better: a credit code, an address, an area (never over a hand-set one). */
export async function improveHolder(q: Queryable, id: number, f: { uscc: string | null; address: string | null; areaCode: string | null; areaSource: string }): Promise<void> {
  await q.query(
    `UPDATE holders SET uscc = COALESCE(uscc, $2), address = COALESCE(address, $3),
       area_code = CASE WHEN area_source IN ('unresolved', 'outside') AND $5 IN ('uscc', 'address') THEN $4 ELSE area_code END,
       area_source = CASE WHEN area_source IN ('unresolved', 'outside') AND $5 IN ('uscc', 'address') THEN $5 ELSE area_source END,
       updated_at = now()
     WHERE id = $1`,
    [id, f.uscc, f.address, f.areaCode, f.areaSource],
  );
}

export interface HolderListRow extends HolderRow {
  patents: number;
  trademarks: number;
  gi_uses: number;
}

const COUNTS = `(SELECT count(*)::int FROM patent_holders ph WHERE ph.holder_id = h.id) AS patents,
  (SELECT count(*)::int FROM trademark_holders th WHERE th.holder_id = h.id) AS trademarks,
  (SELECT count(*)::int FROM gi_users gu WHERE gu.holder_id = h.id) AS gi_uses`;

const HOLDER_WHERE = `($1::text IS NULL OR h.name ILIKE '%' || $1 || '%' OR h.uscc = upper($1))
  AND ($2::text IS NULL OR h.area_code = $2)
  AND ($3::text IS NULL OR h.kind = $3)
  AND ($4::boolean IS NULL OR ($4 = (h.area_source = 'unresolved')))`;

export async function listHolders(
  q: Queryable,
  f: { q: string | null; county: string | null; kind: string | null; unresolved: boolean | null },
  limit: number,
  offset: number,
): Promise<{ rows: HolderListRow[]; total: number }> {
  const params = [f.q, f.county, f.kind, f.unresolved];
  const rows = await q.query<HolderListRow>(
    `SELECT h.id, h.name, h.match_key, h.kind, h.uscc, h.address, h.area_code, h.area_source, h.is_demo, ${COUNTS}
       FROM holders h WHERE ${HOLDER_WHERE} ORDER BY (SELECT count(*) FROM patent_holders ph WHERE ph.holder_id = h.id) DESC, h.id LIMIT $5 OFFSET $6`,
    [...params, limit, offset],
  );
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM holders h WHERE ${HOLDER_WHERE}`, params);
  return { rows, total: c?.n ?? 0 };
}

export async function findHolder(q: Queryable, id: number): Promise<HolderListRow | undefined> {
  const [row] = await q.query<HolderListRow>(
    `SELECT h.id, h.name, h.match_key, h.kind, h.uscc, h.address, h.area_code, h.area_source, h.is_demo, ${COUNTS} FROM holders h WHERE h.id = $1`,
    [id],
  );
  return row;
}

export const holderYears = (q: Queryable, id: number) =>
  q.query<{ year: number; patents: number; trademarks: number }>(
    `SELECT year, sum(p)::int AS patents, sum(t)::int AS trademarks FROM (
       SELECT extract(year FROM p.app_date)::int AS year, 1 AS p, 0 AS t FROM patent_holders ph JOIN patents p ON p.id = ph.patent_id WHERE ph.holder_id = $1
       UNION ALL
       SELECT extract(year FROM coalesce(t.app_date, t.reg_date))::int, 0, 1 FROM trademark_holders th JOIN trademarks t ON t.id = th.trademark_id WHERE th.holder_id = $1
     ) x WHERE year IS NOT NULL GROUP BY year ORDER BY year`,
    [id],
  );

export const holderTypes = (q: Queryable, id: number) =>
  q.query<{ type: string; count: number }>(
    'SELECT p.type, count(*)::int AS count FROM patent_holders ph JOIN patents p ON p.id = ph.patent_id WHERE ph.holder_id = $1 GROUP BY p.type ORDER BY 2 DESC',
    [id],
  );

export const holderStatuses = (q: Queryable, id: number) =>
  q.query<{ status: string; count: number }>(
    'SELECT p.status, count(*)::int AS count FROM patent_holders ph JOIN patents p ON p.id = ph.patent_id WHERE ph.holder_id = $1 GROUP BY p.status ORDER BY 2 DESC',
    [id],
  );

export async function setArea(q: Queryable, id: number, areaCode: string): Promise<void> {
  await q.query("UPDATE holders SET area_code = $2, area_source = 'manual', updated_at = now() WHERE id = $1", [id, areaCode]);
}

/**
 * After a holder's area changed: every patent and trademark of that holder takes the area of its
 * first placed holder again (unless set by hand), and its county filter token follows.
 */
export async function reassignRights(q: Queryable, holderId: number, countyPrefix: string, noneToken: string): Promise<{ patents: number; trademarks: number }> {
  const patents = await q.query(
    `UPDATE patents p SET area_code = x.area_code, area_source = x.area_source,
        search = ts_delete(p.search, ARRAY(SELECT lexeme FROM unnest(p.search) WHERE starts_with(lexeme, $2))) || to_tsvector('simple', $2 || coalesce(x.area_code, $3)),
        updated_at = now()
       FROM (SELECT l.patent_id,
                    (SELECT h.area_code FROM patent_holders ph JOIN holders h ON h.id = ph.holder_id WHERE ph.patent_id = l.patent_id AND h.area_code IS NOT NULL ORDER BY ph.seq LIMIT 1) AS area_code,
                    coalesce((SELECT h.area_source FROM patent_holders ph JOIN holders h ON h.id = ph.holder_id WHERE ph.patent_id = l.patent_id AND h.area_code IS NOT NULL ORDER BY ph.seq LIMIT 1), 'unresolved') AS area_source
               FROM patent_holders l WHERE l.holder_id = $1) x
      WHERE p.id = x.patent_id AND p.area_source <> 'manual' RETURNING p.id`,
    [holderId, countyPrefix, noneToken],
  );
  const trademarks = await q.query(
    `UPDATE trademarks t SET area_code = x.area_code, area_source = x.area_source,
        search = ts_delete(t.search, ARRAY(SELECT lexeme FROM unnest(t.search) WHERE starts_with(lexeme, $2))) || to_tsvector('simple', $2 || coalesce(x.area_code, $3)),
        updated_at = now()
       FROM (SELECT l.trademark_id,
                    (SELECT h.area_code FROM trademark_holders th JOIN holders h ON h.id = th.holder_id WHERE th.trademark_id = l.trademark_id AND h.area_code IS NOT NULL ORDER BY th.seq LIMIT 1) AS area_code,
                    coalesce((SELECT h.area_source FROM trademark_holders th JOIN holders h ON h.id = th.holder_id WHERE th.trademark_id = l.trademark_id AND h.area_code IS NOT NULL ORDER BY th.seq LIMIT 1), 'unresolved') AS area_source
               FROM trademark_holders l WHERE l.holder_id = $1) x
      WHERE t.id = x.trademark_id AND t.area_source <> 'manual' RETURNING t.id`,
    [holderId, countyPrefix, noneToken],
  );
  return { patents: patents.length, trademarks: trademarks.length };
}
