import type { Queryable } from '../../../db/db';

export interface PatentRow {
  id: number;
  app_no: string;
  app_date: string;
  type: string;
  pct: boolean;
  pub_no: string | null;
  pub_date: string | null;
  grant_no: string | null;
  grant_date: string | null;
  title: string;
  abstract: string | null;
  applicants: string[];
  patentees: string[];
  address: string | null;
  inventors: string[];
  ipc_main: string | null;
  ipc: string[];
  ipc_section: string | null;
  industries: string[];
  status: string;
  status_raw: string | null;
  status_date: string | null;
  agency: string | null;
  agents: string[];
  priority: string | null;
  family: string[];
  claims_count: number | null;
  province_code: string | null;
  area_code: string | null;
  area_source: string;
  visibility: string;
  is_demo: boolean;
  updated_at: Date;
}

const LIST_COLUMNS = `id, app_no, app_date, type, pct, pub_no, pub_date, grant_no, grant_date, title, left(abstract, 400) AS abstract,
  applicants, patentees, address, inventors, ipc_main, ipc, ipc_section, industries, status, status_raw, status_date, agency, agents,
  priority, family, claims_count, province_code, area_code, area_source, visibility, is_demo, updated_at`;

const DETAIL_COLUMNS = LIST_COLUMNS.replace('left(abstract, 400) AS abstract', 'abstract');

/**
 * What a list or count matches: the words and filter tokens of a search, and optionally a
 * statistical rule (see patent_in_rule in the insight migration), so that a figure opens its list.
 */
export interface PatentMatch {
  tsquery: string | null;
  rule: PatentRule | null;
}
export interface PatentRule {
  grantedFrom?: number;
  grantedTo?: number;
  inForceAt?: number;
  highValueAt?: number;
  criterion?: string;
  pct?: boolean;
  noIpc?: boolean;
  local?: boolean;
  /** A class, subclass, main group or subgroup, checked exactly (see ipc_area_pattern). */
  ipcArea?: string;
  /** The patents of a patent-navigation run. */
  landscape?: number;
}

// The run's patents are joined here rather than in patent_in_rule, so that the planner can start from them.
const MATCH = `($1::text IS NULL OR search @@ to_tsquery('simple', $1)) AND ($2::jsonb IS NULL OR patent_in_rule(patents, $2::jsonb))
  AND ($2::jsonb IS NULL OR NOT $2::jsonb ? 'landscape' OR id IN (SELECT unnest(patent_ids) FROM landscape_runs WHERE id = ($2::jsonb->>'landscape')::bigint))`;
const matchParams = (m: PatentMatch) => [m.tsquery, m.rule ? JSON.stringify(m.rule) : null];

/** The high-value criteria of each listed patent when the rule asks for them. */
const CRITERIA = `CASE WHEN $2::jsonb ? 'highValueAt' THEN patent_value_criteria(id, industries, family, app_date, ($2::jsonb->>'highValueAt')::int) END AS criteria`;

const BY_DATE = `SELECT ${LIST_COLUMNS}, ${CRITERIA} FROM patents WHERE ${MATCH} ORDER BY app_date DESC, id DESC LIMIT $3 OFFSET $4`;
/**
 * Ranking reads every match's search vector: for a very common word (一种, 装置) that is hundreds
 * of thousands. Relevance is ranked among the first matches only, as many as the total counts.
 */
const RANK_CAP = 10_000;
const BY_RANK = `SELECT ${LIST_COLUMNS}, ${CRITERIA} FROM (SELECT * FROM patents WHERE ${MATCH} LIMIT ${RANK_CAP}) AS p
  ORDER BY ts_rank_cd(search, to_tsquery('simple', $1)) DESC, app_date DESC, id DESC LIMIT $3 OFFSET $4`;

export type ListedPatentRow = PatentRow & { criteria: string[] | null };

export function listPage(q: Queryable, match: PatentMatch, sort: 'date' | 'relevance', limit: number, offset: number): Promise<ListedPatentRow[]> {
  return q.query<ListedPatentRow>(sort === 'relevance' && match.tsquery ? BY_RANK : BY_DATE, [...matchParams(match), limit, offset]);
}

/**
 * Total and facet counts over at most `cap` matches, computed from one materialised match set in a
 * single statement.
 */
const FACETS = `WITH m AS MATERIALIZED (
    SELECT id, type, status, area_code, extract(year FROM app_date)::int AS year, ipc_section, industries
    FROM patents WHERE ${MATCH} LIMIT $3
  )
  SELECT 'total' AS facet, NULL::text AS value, count(*)::int AS n FROM m
  UNION ALL SELECT 'type', type, count(*)::int FROM m GROUP BY type
  UNION ALL SELECT 'status', status, count(*)::int FROM m GROUP BY status
  UNION ALL SELECT 'county', coalesce(area_code, 'none'), count(*)::int FROM m GROUP BY area_code
  UNION ALL SELECT 'year', year::text, count(*)::int FROM m GROUP BY year
  UNION ALL SELECT 'section', coalesce(ipc_section, ''), count(*)::int FROM m GROUP BY ipc_section
  UNION ALL SELECT 'industry', i, count(*)::int FROM m, unnest(m.industries) AS i GROUP BY i
  UNION ALL (SELECT 'holder', ph.holder_id::text, count(*)::int FROM m JOIN patent_holders ph ON ph.patent_id = m.id
             GROUP BY ph.holder_id ORDER BY 3 DESC, 2 LIMIT 10)`;

export function facetRows(q: Queryable, match: PatentMatch, cap: number): Promise<Array<{ facet: string; value: string | null; n: number }>> {
  return q.query(FACETS, [...matchParams(match), cap]);
}

/** A patent by any of its numbers, only if the visibility rule lets the caller see it. */
export async function findByNumbers(q: Queryable, appNo: string | null, pubNos: string[], visibilityQuery: string | null): Promise<PatentRow | undefined> {
  const [row] = await q.query<PatentRow>(
    `SELECT ${DETAIL_COLUMNS} FROM patents
      WHERE (app_no = $1 OR pub_no = ANY($2) OR grant_no = ANY($2)) AND ($3::text IS NULL OR search @@ to_tsquery('simple', $3))
      ORDER BY app_date DESC LIMIT 1`,
    [appNo, pubNos, visibilityQuery],
  );
  return row;
}

/** Rows of a search in date order after a keyset position (for streamed exports). */
export function exportChunk(q: Queryable, match: PatentMatch, after: { date: string; id: number } | null, limit: number): Promise<ListedPatentRow[]> {
  return q.query<ListedPatentRow>(
    `SELECT ${LIST_COLUMNS}, ${CRITERIA} FROM patents WHERE ${MATCH}
       AND ($3::date IS NULL OR (app_date, id) < ($3::date, $4::bigint))
     ORDER BY app_date DESC, id DESC LIMIT $5`,
    [...matchParams(match), after?.date ?? null, after?.id ?? null, limit],
  );
}

/** How many rows match, counting no further than `cap`. */
export async function countMatches(q: Queryable, match: PatentMatch, cap: number): Promise<number> {
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM patents WHERE ${MATCH} LIMIT $3) AS m`, [...matchParams(match), cap]);
  return row?.n ?? 0;
}

/** The high-value criteria a patent met at the end of year y, and whether it counted (an invention in force then). */
export async function valueCriteria(q: Queryable, id: number, y: number): Promise<{ criteria: string[]; counted: boolean }> {
  const [row] = await q.query<{ criteria: string[]; counted: boolean }>(
    `SELECT patent_value_criteria(id, industries, family, app_date, $2) AS criteria,
            type = 'invention' AND patent_in_force_at(grant_date, status, status_date, $2) AS counted
       FROM patents WHERE id = $1`,
    [id, y],
  );
  return row ?? { criteria: [], counted: false };
}
