-- patent_current_fee, same answer (see 0005_watch.sql and src/shared/insight/fees.ts, which the
-- tests hold it to), written as a loop. The set-based SQL version cannot be inlined, so it started
-- its own small plan for every patent: about 60 µs each, most of an alert scan over half a million
-- followed patents. This takes about a seventh of that.
CREATE OR REPLACE FUNCTION patent_current_fee(app_date date, grant_date date, type text, d date, OUT fee_year integer, OUT due_date date, OUT grace_end date)
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  -- The first patent year after the one granted, or the year just below d's if later.
  k integer := greatest(1 + whole_years(app_date, coalesce(grant_date, app_date)), whole_years(app_date, d) - 1);
  last_k integer := CASE WHEN type = 'invention' THEN 20 WHEN type = 'design' AND app_date >= date '2021-06-01' THEN 15 ELSE 10 END - 1;
BEGIN
  -- The grace end grows with k, so the answer is one of four years from k.
  FOR i IN 0..3 LOOP
    EXIT WHEN k + i > last_k;
    IF (app_date + make_interval(years => k + i) + interval '6 months')::date >= d THEN
      fee_year := k + i + 1;
      due_date := (app_date + make_interval(years => k + i))::date;
      grace_end := (app_date + make_interval(years => k + i) + interval '6 months')::date;
      RETURN;
    END IF;
  END LOOP;
END $fn$;
