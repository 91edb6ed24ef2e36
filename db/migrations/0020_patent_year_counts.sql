-- Patents per area, industry, type and year: what a dashboard draws (series, county ranking,
-- industry mix) and the year's flows of the indicators. patent_counts keeps every dimension the
-- in-force and high-value rules need, tens of thousands of rows at a million patents; dashboards
-- read this table instead, a few thousand rows. A patent adds to its filing year (applications,
-- pct_applications, valid: in force now) and, once granted, to its grant year (grants).
CREATE TABLE patent_year_counts (
  industry text NOT NULL,
  area text NOT NULL,
  type text NOT NULL,
  year integer NOT NULL,
  applications integer NOT NULL,
  grants integer NOT NULL,
  pct_applications integer NOT NULL,
  valid integer NOT NULL,
  PRIMARY KEY (industry, area, type, year)
);

-- The invention stock of a year (inventionStock) reads a fifth of patent_counts; without this it
-- scans the whole table on every indicator table and dashboard.
CREATE INDEX patent_counts_invention_stock ON patent_counts (grant_year) WHERE industry = '*' AND type = 'invention';

CREATE FUNCTION patent_year_counts_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE
  RETURN format($q$
    INSERT INTO patent_year_counts AS c (industry, area, type, year, applications, grants, pct_applications, valid)
    SELECT ind, stat_area(r.area_code, r.area_source), r.type, v.year,
           sum(r.s * v.filed), sum(r.s * v.granted), sum(r.s * v.filed * r.pct::int), sum(r.s * v.filed * (r.status = 'valid')::int)
      FROM %s AS r CROSS JOIN LATERAL unnest(array_prepend('*'::text, r.industries)) AS ind
      CROSS JOIN LATERAL (VALUES (extract(year FROM r.app_date)::integer, 1, 0),
                                 (extract(year FROM r.grant_date)::integer, 0, 1)) AS v(year, filed, granted)
     WHERE v.year IS NOT NULL
     GROUP BY 1, 2, 3, 4
    HAVING sum(r.s * v.filed) <> 0 OR sum(r.s * v.granted) <> 0 OR sum(r.s * v.filed * r.pct::int) <> 0
        OR sum(r.s * v.filed * (r.status = 'valid')::int) <> 0
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (industry, area, type, year) DO UPDATE
      SET applications = c.applications + excluded.applications, grants = c.grants + excluded.grants,
          pct_applications = c.pct_applications + excluded.pct_applications, valid = c.valid + excluded.valid$q$, src);

CREATE OR REPLACE FUNCTION patent_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  src text := transition_rows(TG_OP);
BEGIN
  EXECUTE patent_counts_sql(src);
  EXECUTE patent_year_counts_sql(src);
  EXECUTE patent_section_counts_sql(src);
  -- A patent's holders move with its type, filing year and validity. New patents have no holders
  -- yet (they are linked after), and a deleted one was taken off by patents_holders_forget.
  IF TG_OP = 'UPDATE' THEN
    EXECUTE holder_counts_sql(patent_holder_rows_sql(src));
  END IF;
  RETURN NULL;
END $fn$;

CREATE OR REPLACE FUNCTION rebuild_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM patent_counts;
  DELETE FROM patent_year_counts;
  DELETE FROM patent_section_counts;
  DELETE FROM holder_counts;
  DELETE FROM holder_totals;
  DELETE FROM trademark_counts;
  EXECUTE patent_counts_sql('(SELECT *, 1 AS s FROM patents)');
  EXECUTE patent_year_counts_sql('(SELECT *, 1 AS s FROM patents)');
  EXECUTE patent_section_counts_sql('(SELECT *, 1 AS s FROM patents)');
  EXECUTE holder_counts_sql(patent_holder_rows_sql('(SELECT *, 1 AS s FROM patents)'));
  EXECUTE trademark_counts_sql('(SELECT *, 1 AS s FROM trademarks)');
END $fn$;

COMMENT ON TABLE patent_year_counts IS 'derived: rebuild_rollups';

DO $$ BEGIN EXECUTE patent_year_counts_sql('(SELECT *, 1 AS s FROM patents)'); END $$;
