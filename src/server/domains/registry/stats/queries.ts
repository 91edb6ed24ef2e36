import type { Queryable } from '../../../db/db';

/**
 * Counts for dashboards and indicators, read from the rollups (0004_insight.sql,
 * 0020_patent_year_counts.sql) that triggers keep equal to the register. Areas are area codes, 'unresolved' or 'outside'; the city is every area
 * but 'outside'. Rules match patent_in_force_at / trademark_in_force_at, which the record lists use.
 */
export interface PatentFilter {
  /** An area code, or null for the whole city. */
  area: string | null;
  /** A strategic emerging industry code, or '*' for all. */
  industry: string;
  types: readonly string[];
  from: number;
  to: number;
}

const IN_AREA = `(($1::text IS NULL AND area <> 'outside') OR area = $1)`;
const filterParams = (f: PatentFilter) => [f.area, f.industry, f.types, f.from, f.to];

/** Applications by filing year and grants by grant year, per patent type. */
export function patentSeries(q: Queryable, f: PatentFilter) {
  return q.query<{ year: number; type: string; applications: number; grants: number }>(
    `SELECT year, type, sum(applications)::int AS applications, sum(grants)::int AS grants FROM patent_year_counts
      WHERE ${IN_AREA} AND industry = $2 AND type = ANY($3) AND year BETWEEN $4 AND $5 GROUP BY year, type ORDER BY year, type`,
    filterParams(f),
  );
}

/** Per area: applications and grants in the years, valid patents and valid inventions today. */
export function patentsByArea(q: Queryable, f: Omit<PatentFilter, 'area'>) {
  return q.query<{ area: string; applications: number; grants: number; valid: number; valid_inventions: number }>(
    `SELECT area,
            coalesce(sum(applications) FILTER (WHERE year BETWEEN $3 AND $4), 0)::int AS applications,
            coalesce(sum(grants) FILTER (WHERE year BETWEEN $3 AND $4), 0)::int AS grants,
            sum(valid)::int AS valid,
            coalesce(sum(valid) FILTER (WHERE type = 'invention'), 0)::int AS valid_inventions
       FROM patent_year_counts WHERE industry = $1 AND type = ANY($2) GROUP BY area`,
    [f.industry, f.types, f.from, f.to],
  );
}

/** Applications in the years by IPC section. */
export function sectionMix(q: Queryable, f: PatentFilter) {
  return q.query<{ section: string; n: number }>(
    `SELECT section, sum(n)::int AS n FROM patent_section_counts
      WHERE ${IN_AREA} AND industry = $2 AND type = ANY($3) AND app_year BETWEEN $4 AND $5 GROUP BY section ORDER BY section`,
    filterParams(f),
  );
}

/** Applications in the years and valid patents today, by strategic emerging industry. */
export function industryMix(q: Queryable, f: Omit<PatentFilter, 'industry'>) {
  return q.query<{ industry: string; applications: number; valid: number }>(
    `SELECT industry, coalesce(sum(applications) FILTER (WHERE year BETWEEN $4 AND $5), 0)::int AS applications,
            sum(valid)::int AS valid
       FROM patent_year_counts WHERE ${IN_AREA} AND industry <> $2 AND type = ANY($3) GROUP BY industry ORDER BY industry`,
    [f.area, '*', f.types, f.from, f.to],
  );
}

/**
 * Per area at the end of year y: invention patents in force, and those of them meeting one of the
 * criteria the rollup knows (industry, granted abroad, in force over ten years).
 */
export function inventionStock(q: Queryable, y: number) {
  return q.query<{ area: string; in_force: number; high_value_base: number }>(
    `SELECT area, sum(n)::int AS in_force, coalesce(sum(n) FILTER (WHERE sei OR abroad OR long_year <= $1), 0)::int AS high_value_base
       FROM patent_counts
      WHERE industry = '*' AND type = 'invention' AND grant_year BETWEEN 1 AND $1 AND (status = 'valid' OR end_year > $1)
      GROUP BY area`,
    [y],
  );
}

/**
 * Per area at the end of year y: invention patents in force that are high-value only through a
 * pledge or an award (the few the rollup cannot see), read straight from the register.
 */
export function highValueByPledgeOrAward(q: Queryable, y: number) {
  return q.query<{ area: string; n: number }>(
    `SELECT stat_area(p.area_code, p.area_source) AS area, count(*)::int AS n
       FROM patents p
      WHERE p.id IN (SELECT patent_id FROM patent_pledges UNION SELECT patent_id FROM patent_awards)
        AND p.type = 'invention' AND patent_in_force_at(p.grant_date, p.status, p.status_date, $1)
        AND NOT (cardinality(p.industries) > 0 OR patent_granted_abroad(p.family) OR patent_long_year(p.app_date) <= $1)
        AND cardinality(patent_value_criteria(p.id, p.industries, p.family, p.app_date, $1)) > 0
      GROUP BY 1`,
    [y],
  );
}

/** Per area in year y: invention grants, PCT filings and all applications. */
export function patentFlows(q: Queryable, y: number) {
  return q.query<{ area: string; invention_grants: number; pct_filings: number; applications: number }>(
    `SELECT area, coalesce(sum(grants) FILTER (WHERE type = 'invention'), 0)::int AS invention_grants,
            sum(pct_applications)::int AS pct_filings, sum(applications)::int AS applications
       FROM patent_year_counts WHERE industry = '*' AND year = $1 GROUP BY area`,
    [y],
  );
}

/** Per area: registered trademarks in force at the end of year y. */
export function trademarkStock(q: Queryable, y: number) {
  return q.query<{ area: string; in_force: number }>(
    `SELECT area, sum(n)::int AS in_force FROM trademark_counts
      WHERE reg_year BETWEEN 1 AND $1 AND (status = 'registered' OR (status = 'expired' AND term_end_year > $1)) GROUP BY area`,
    [y],
  );
}

/** Trademark applications and registrations by year, and registered marks in force today, for an area or the city. */
export function trademarkSeries(q: Queryable, area: string | null, from: number, to: number) {
  return q.query<{ kind: 'applications' | 'registrations' | 'valid'; year: number; n: number }>(
    `SELECT 'applications' AS kind, app_year AS year, sum(n)::int AS n FROM trademark_counts WHERE ${IN_AREA} AND app_year BETWEEN $2 AND $3 GROUP BY app_year
     UNION ALL SELECT 'registrations', reg_year, sum(n)::int FROM trademark_counts WHERE ${IN_AREA} AND reg_year BETWEEN $2 AND $3 GROUP BY reg_year
     UNION ALL SELECT 'valid', 0, coalesce(sum(n), 0)::int FROM trademark_counts WHERE ${IN_AREA} AND status = 'registered'
     ORDER BY 1, 2`,
    [area, from, to],
  );
}

/** Per area: trademark applications and registrations in the years, registered marks in force today. */
export function trademarksByArea(q: Queryable, from: number, to: number) {
  return q.query<{ area: string; applications: number; registrations: number; valid: number }>(
    `SELECT area, coalesce(sum(n) FILTER (WHERE app_year BETWEEN $1 AND $2), 0)::int AS applications,
            coalesce(sum(n) FILTER (WHERE reg_year BETWEEN $1 AND $2), 0)::int AS registrations,
            coalesce(sum(n) FILTER (WHERE status = 'registered'), 0)::int AS valid
       FROM trademark_counts GROUP BY area`,
    [from, to],
  );
}

/** Per area: GIs approved by the end of year y (an unknown approval date counts), and their active authorised users. */
export function gisByArea(q: Queryable, y: number) {
  return q.query<{ area: string; gis: number; users: number }>(
    `SELECT coalesce(g.area_code, 'unresolved') AS area, count(DISTINCT g.id)::int AS gis, count(u.id)::int AS users
       FROM gis g LEFT JOIN gi_users u ON u.gi_id = g.id AND u.status = 'active'
      WHERE g.approved_on IS NULL OR g.approved_on <= make_date($1, 12, 31) GROUP BY 1`,
    [y],
  );
}

/**
 * The holders with most patents filed in the years (of the types), among holders placed in the
 * area or anywhere in Xinyang. Exact: candidates come in order of whole-portfolio size, and the
 * search stops once no holder left could reach the tenth place (each holder's count in the years is
 * at most its portfolio).
 */
export async function topHolders(q: Queryable, f: Omit<PatentFilter, 'industry'>, limit: number) {
  const best: Array<{ holder_id: number; name: string; area_code: string; n: number; valid_inventions: number }> = [];
  // Most views settle within the first few dozen candidates; later batches grow so a view
  // where recent filings rank far from whole portfolios still takes few round trips.
  for (let offset = 0, batch = limit * 4; ; offset += batch, batch = Math.min(batch * 2, 800)) {
    const rows = await q.query<{ holder_id: number; name: string; area_code: string; total: number; n: number; valid_inventions: number }>(
      `WITH c AS (
         SELECT t.holder_id, h.name, h.area_code, t.n AS total FROM holder_totals t JOIN holders h ON h.id = t.holder_id
          WHERE t.n > 0 AND h.area_code IS NOT NULL AND ($1::text IS NULL OR h.area_code = $1)
          ORDER BY t.n DESC, t.holder_id LIMIT $5 OFFSET $6)
       SELECT c.holder_id::int AS holder_id, c.name, c.area_code, c.total,
              coalesce(sum(hc.n) FILTER (WHERE hc.type = ANY($2) AND hc.app_year BETWEEN $3 AND $4), 0)::int AS n,
              coalesce(sum(hc.n) FILTER (WHERE hc.type = 'invention' AND hc.valid), 0)::int AS valid_inventions
         FROM c LEFT JOIN holder_counts hc ON hc.holder_id = c.holder_id
        GROUP BY c.holder_id, c.name, c.area_code, c.total ORDER BY c.total DESC, c.holder_id`,
      [f.area, f.types, f.from, f.to, batch, offset],
    );
    for (const r of rows) if (r.n > 0) best.push({ holder_id: r.holder_id, name: r.name, area_code: r.area_code, n: r.n, valid_inventions: r.valid_inventions });
    best.sort((a, b) => b.n - a.n || a.holder_id - b.holder_id);
    best.length = Math.min(best.length, limit);
    if (rows.length < batch) return best;
    // A holder not yet read has at most the last candidate's portfolio in the years and, on a tie
    // of portfolios, a larger id: it cannot outrank the tenth (ties go to the smaller id).
    const last = rows.at(-1);
    const tenth = best.length === limit ? best.at(-1) : undefined;
    if (last && tenth && (tenth.n > last.total || (tenth.n === last.total && tenth.holder_id < last.holder_id))) return best;
  }
}
