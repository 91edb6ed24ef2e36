import type { Queryable } from '../../../db/db';

export interface TrademarkRow {
  id: number;
  reg_no: string;
  nice_class: number;
  name: string;
  app_date: string | null;
  reg_date: string | null;
  term_start: string | null;
  term_end: string | null;
  applicants: string[];
  address: string | null;
  mark_type: string;
  status: string;
  status_raw: string | null;
  goods: string | null;
  agency: string | null;
  area_code: string | null;
  area_source: string;
  visibility: string;
  is_demo: boolean;
  updated_at: Date;
}

const COLUMNS = `id, reg_no, nice_class, name, app_date, reg_date, term_start, term_end, applicants, address, mark_type, status, status_raw,
  goods, agency, area_code, area_source, visibility, is_demo, updated_at`;
/** Words and filter tokens, and optionally a statistical rule (see trademark_in_rule in the insight migration). */
export interface TrademarkMatch {
  tsquery: string | null;
  rule: TrademarkRule | null;
}
export interface TrademarkRule {
  appliedFrom?: number;
  appliedTo?: number;
  registeredFrom?: number;
  registeredTo?: number;
  inForceAt?: number;
  local?: boolean;
}
const MATCH = `($1::text IS NULL OR search @@ to_tsquery('simple', $1)) AND ($2::jsonb IS NULL OR trademark_in_rule(trademarks, $2::jsonb))`;
const matchParams = (m: TrademarkMatch) => [m.tsquery, m.rule ? JSON.stringify(m.rule) : null];
const BY_DATE = `SELECT ${COLUMNS} FROM trademarks WHERE ${MATCH} ORDER BY coalesce(reg_date, app_date) DESC NULLS LAST, id DESC LIMIT $3 OFFSET $4`;
/** Relevance among the first matches only (see patents/queries.ts). */
const RANK_CAP = 10_000;
const BY_RANK = `SELECT ${COLUMNS} FROM (SELECT * FROM trademarks WHERE ${MATCH} LIMIT ${RANK_CAP}) AS t
  ORDER BY ts_rank_cd(search, to_tsquery('simple', $1)) DESC, coalesce(reg_date, app_date) DESC NULLS LAST, id DESC LIMIT $3 OFFSET $4`;

export function listPage(q: Queryable, match: TrademarkMatch, sort: 'date' | 'relevance', limit: number, offset: number): Promise<TrademarkRow[]> {
  return q.query<TrademarkRow>(sort === 'relevance' && match.tsquery ? BY_RANK : BY_DATE, [...matchParams(match), limit, offset]);
}

const FACETS = `WITH m AS MATERIALIZED (
    SELECT id, nice_class, status, area_code, mark_type, extract(year FROM coalesce(reg_date, app_date))::int AS year
    FROM trademarks WHERE ${MATCH} LIMIT $3
  )
  SELECT 'total' AS facet, NULL::text AS value, count(*)::int AS n FROM m
  UNION ALL SELECT 'class', nice_class::text, count(*)::int FROM m GROUP BY nice_class
  UNION ALL SELECT 'status', status, count(*)::int FROM m GROUP BY status
  UNION ALL SELECT 'county', coalesce(area_code, 'none'), count(*)::int FROM m GROUP BY area_code
  UNION ALL SELECT 'year', year::text, count(*)::int FROM m WHERE year IS NOT NULL GROUP BY year
  UNION ALL SELECT 'mark', mark_type, count(*)::int FROM m GROUP BY mark_type
  UNION ALL (SELECT 'holder', th.holder_id::text, count(*)::int FROM m JOIN trademark_holders th ON th.trademark_id = m.id
             GROUP BY th.holder_id ORDER BY 3 DESC, 2 LIMIT 10)`;

export function facetRows(q: Queryable, match: TrademarkMatch, cap: number): Promise<Array<{ facet: string; value: string | null; n: number }>> {
  return q.query(FACETS, [...matchParams(match), cap]);
}

/** Every class registered under a number, visible to the caller. */
export function findByNumber(q: Queryable, regNo: string, visibilityQuery: string | null): Promise<TrademarkRow[]> {
  return q.query<TrademarkRow>(`SELECT ${COLUMNS} FROM trademarks WHERE reg_no = $3 AND ${MATCH} ORDER BY nice_class`, [visibilityQuery, null, regNo]);
}
