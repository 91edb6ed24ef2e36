import type { Queryable } from '../../../db/db';

export interface LandscapeRow {
  id: number;
  name: string;
  kind: string;
  description: string | null;
  ipc: string[];
  keywords: string[];
  combine: 'any' | 'all';
  year_from: number;
  year_to: number;
  created_by: string | null;
  created_by_name: string | null;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface RunRow {
  id: number;
  landscape_id: number;
  job_id: string | null;
  definition: { ipc: string[]; keywords: string[]; combine: 'any' | 'all'; yearFrom: number; yearTo: number };
  status: 'running' | 'done' | 'failed';
  patents: number | null;
  result: Record<string, unknown> | null;
  started_by_name: string | null;
  started_at: Date;
  finished_at: Date | null;
  landscape_name?: string;
  run_number?: number;
}

const LANDSCAPE = `SELECT l.id::int AS id, l.name, l.kind, l.description, l.ipc, l.keywords, l.combine, l.year_from, l.year_to, l.created_by,
    u.display_name AS created_by_name, l.is_demo, l.created_at, l.updated_at
  FROM landscapes l LEFT JOIN users u ON u.id = l.created_by`;

const RUN = `SELECT r.id::int AS id, r.landscape_id::int AS landscape_id, r.job_id, r.definition, r.status, r.patents, r.result,
    u.display_name AS started_by_name, r.started_at, r.finished_at, l.name AS landscape_name,
    (SELECT count(*)::int FROM landscape_runs e WHERE e.landscape_id = r.landscape_id AND e.id <= r.id) AS run_number
  FROM landscape_runs r JOIN landscapes l ON l.id = r.landscape_id LEFT JOIN users u ON u.id = r.started_by`;

export const listLandscapes = (q: Queryable) => q.query<LandscapeRow>(`${LANDSCAPE} ORDER BY l.updated_at DESC, l.id DESC`);

export async function landscapeById(q: Queryable, id: number): Promise<LandscapeRow | undefined> {
  const [row] = await q.query<LandscapeRow>(`${LANDSCAPE} WHERE l.id = $1`, [id]);
  return row;
}

export interface LandscapeValues {
  name: string;
  kind: string;
  description: string | null;
  ipc: string[];
  keywords: string[];
  combine: 'any' | 'all';
  yearFrom: number;
  yearTo: number;
}

export async function insertLandscape(q: Queryable, v: LandscapeValues, by: string | null, isDemo = false): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO landscapes (name, kind, description, ipc, keywords, combine, year_from, year_to, created_by, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::int AS id`,
    [v.name, v.kind, v.description, v.ipc, v.keywords, v.combine, v.yearFrom, v.yearTo, by, isDemo],
  );
  return (row as { id: number }).id;
}

export async function updateLandscape(q: Queryable, id: number, v: LandscapeValues): Promise<void> {
  await q.query(
    `UPDATE landscapes SET name = $2, kind = $3, description = $4, ipc = $5, keywords = $6, combine = $7, year_from = $8, year_to = $9, updated_at = now()
      WHERE id = $1`,
    [id, v.name, v.kind, v.description, v.ipc, v.keywords, v.combine, v.yearFrom, v.yearTo],
  );
}

export async function deleteLandscape(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM landscapes WHERE id = $1', [id]);
}

export async function insertRun(q: Queryable, landscapeId: number, definition: RunRow['definition'], by: string | null, at: Date): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO landscape_runs (landscape_id, definition, started_by, started_at) VALUES ($1, $2, $3, $4) RETURNING id::int AS id',
    [landscapeId, JSON.stringify(definition), by, at],
  );
  return (row as { id: number }).id;
}

export async function setRunJob(q: Queryable, runId: number, jobId: string): Promise<void> {
  await q.query('UPDATE landscape_runs SET job_id = $2 WHERE id = $1', [runId, jobId]);
}

export async function runById(q: Queryable, id: number): Promise<RunRow | undefined> {
  const [row] = await q.query<RunRow>(`${RUN} WHERE r.id = $1`, [id]);
  return row;
}

/** Runs of some projects, newest first; results left out but for their headline figures. */
export const runsOf = (q: Queryable, landscapeIds: number[]) =>
  q.query<RunRow>(
    `SELECT r.id::int AS id, r.landscape_id::int AS landscape_id, r.job_id, r.definition, r.status, r.patents,
            CASE WHEN r.result IS NULL THEN NULL ELSE jsonb_build_object(
              'granted', r.result->'granted', 'valid', r.result->'valid', 'lapsed', r.result->'lapsed'->'total', 'applicants', r.result->'applicants',
              'localPatents', r.result->'localPatents', 'inventionGrantRate', r.result->'inventionGrantRate') END AS result,
            u.display_name AS started_by_name, r.started_at, r.finished_at
       FROM landscape_runs r LEFT JOIN users u ON u.id = r.started_by
      WHERE r.landscape_id = ANY($1::bigint[]) ORDER BY r.started_at DESC, r.id DESC`,
    [landscapeIds],
  );

/** A run of the project whose job is still queued or running. */
export async function activeRun(q: Queryable, landscapeId: number): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    `SELECT r.id::int AS id FROM landscape_runs r JOIN jobs j ON j.id = r.job_id
      WHERE r.landscape_id = $1 AND r.status = 'running' AND j.status IN ('queued', 'running') LIMIT 1`,
    [landscapeId],
  );
  return row?.id ?? null;
}

/** When a patent import last finished: runs before it may miss new records. */
export async function lastPatentImportAt(q: Queryable, importJob: string): Promise<Date | null> {
  const [row] = await q.query<{ at: Date | null }>(`SELECT max(finished_at) AS at FROM jobs WHERE kind = $1 AND status = 'succeeded' AND params->>'kind' = 'patents'`, [importJob]);
  return row?.at ?? null;
}

/** The statuses of a once-granted patent whose Chinese right has ended: free to use in China. */
export const ENDED_STATUSES = ['lapsed', 'expired', 'invalidated', 'abandoned'] as const;
const ENDED = `status IN ('lapsed', 'expired', 'invalidated', 'abandoned') AND grant_date IS NOT NULL`;

/**
 * The public patents of the field, narrowed to what the analyses read, in a table of the
 * transaction: the index finds candidates by the tokens of the IPC areas, words and years; the IPC
 * areas are then checked exactly (a class token also matches longer codes). $1 the candidates'
 * tsquery; $2 IPC areas; $3 the words' tsquery (null without words); $4 combine; $5 the cap.
 */
const SET = `CREATE TEMP TABLE ls ON COMMIT DROP AS
  SELECT p.id, p.app_no, p.app_date, extract(year FROM p.app_date)::int AS year, extract(year FROM p.grant_date)::int AS grant_year, p.type, p.status,
         p.grant_date, p.title, p.applicants[1] AS applicant, p.inventors, p.ipc_main, p.area_code, p.area_source, p.claims_count, cardinality(p.family) AS family_size,
         ARRAY(SELECT DISTINCT ph.holder_id FROM patent_holders ph WHERE ph.patent_id = p.id) AS holder_ids
    FROM patents p
   WHERE p.search @@ to_tsquery('simple', $1)
     AND CASE WHEN $4 = 'all' THEN cardinality($2::text[]) = 0 OR patent_in_ipc_areas(p.ipc, $2::text[])
              ELSE patent_in_ipc_areas(p.ipc, $2::text[]) OR ($3::text IS NOT NULL AND p.search @@ to_tsquery('simple', $3)) END
   LIMIT $5`;
const SET_HOLDERS = `CREATE TEMP TABLE lsh ON COMMIT DROP AS
  SELECT ls.id AS patent_id, ls.year, ls.grant_date, ls.status, h.id AS holder_id, h.name, h.kind, h.area_code,
         CASE WHEN h.area_code IS NOT NULL THEN 'local' WHEN h.area_source = 'outside' THEN 'outside' ELSE 'unknown' END AS place
    FROM ls CROSS JOIN LATERAL unnest(ls.holder_ids) AS x(holder_id) JOIN holders h ON h.id = x.holder_id`;
const COUNT = 'SELECT count(*)::int AS n FROM ls';
/** The match set is saved with the run, for its lists and for comparing the next run with it. */
const SAVE_SET = `UPDATE landscape_runs SET patents = (SELECT count(*) FROM ls), patent_ids = ARRAY(SELECT id FROM ls ORDER BY id) WHERE id = $1`;

/** Each holder's and each inventor's figures in the field, grouped once for the totals and rankings. */
const SET_HOLDER_FIGURES = `CREATE TEMP TABLE lsg ON COMMIT DROP AS
  SELECT holder_id, min(name) AS name, min(kind) AS kind, min(area_code) AS area_code, min(place) AS place, count(*)::int AS patents,
         count(*) FILTER (WHERE grant_date IS NOT NULL)::int AS granted, count(*) FILTER (WHERE status = 'valid')::int AS valid,
         min(year)::int AS first_year, max(year)::int AS last_year
    FROM lsh GROUP BY holder_id`;
const SET_INVENTORS = `CREATE TEMP TABLE lsi ON COMMIT DROP AS
  SELECT i AS name, count(*)::int AS patents, count(*) FILTER (WHERE grant_date IS NOT NULL)::int AS granted FROM ls, unnest(inventors) AS i GROUP BY i`;

const TOTALS = `SELECT count(*)::int AS total,
    count(*) FILTER (WHERE grant_date IS NOT NULL)::int AS granted,
    count(*) FILTER (WHERE status = 'valid')::int AS valid,
    count(*) FILTER (WHERE type = 'invention' AND grant_date IS NOT NULL)::int AS inv_granted,
    count(*) FILTER (WHERE type = 'invention' AND (grant_date IS NOT NULL OR status IN ('rejected', 'withdrawn')))::int AS inv_decided,
    count(*) FILTER (WHERE area_code IS NOT NULL)::int AS local_patents,
    count(*) FILTER (WHERE cardinality(holder_ids) > 1)::int AS co_filed,
    (SELECT count(*)::int FROM lsi) AS inventors,
    (SELECT count(*)::int FROM lsg) AS applicants,
    (SELECT count(*)::int FROM lsg WHERE place = 'local') AS local_applicants
  FROM ls`;

const BY_TYPE = `SELECT type AS key, count(*)::int AS n FROM ls GROUP BY type ORDER BY n DESC`;
const BY_STATUS = `SELECT status AS key, count(*)::int AS n FROM ls GROUP BY status ORDER BY n DESC`;

const YEARS = `WITH filed AS (
    SELECT year, count(*) FILTER (WHERE type = 'invention')::int AS invention, count(*) FILTER (WHERE type = 'utility')::int AS utility,
           count(*) FILTER (WHERE type = 'design')::int AS design FROM ls GROUP BY year),
  grants AS (SELECT grant_year AS year, count(*)::int AS grants FROM ls WHERE grant_year IS NOT NULL GROUP BY grant_year),
  active AS (SELECT year, count(*)::int AS applicants FROM (SELECT DISTINCT year, holder_id FROM lsh) AS x GROUP BY year),
  newcomers AS (SELECT first_year AS year, count(*)::int AS new_applicants FROM lsg GROUP BY first_year)
  SELECT y AS year, coalesce(f.invention, 0) AS invention, coalesce(f.utility, 0) AS utility, coalesce(f.design, 0) AS design,
         coalesce(g.grants, 0) AS grants, coalesce(a.applicants, 0) AS applicants, coalesce(n.new_applicants, 0) AS new_applicants
    FROM generate_series($1::int, $2::int) AS y
    LEFT JOIN filed f ON f.year = y LEFT JOIN grants g ON g.year = y LEFT JOIN active a ON a.year = y LEFT JOIN newcomers n ON n.year = y
   ORDER BY y`;

const TOP_HOLDERS = `SELECT holder_id::int AS id, name, kind, area_code, place, patents, granted, valid, first_year, last_year
  FROM lsg WHERE place = $1 ORDER BY patents DESC, holder_id LIMIT $2`;

/** Co-applicant pairs, strongest first. */
const LINKS = `SELECT a.holder_id::int AS source, b.holder_id::int AS target, count(*)::int AS n
  FROM lsh a JOIN lsh b ON b.patent_id = a.patent_id AND b.holder_id > a.holder_id
  GROUP BY a.holder_id, b.holder_id ORDER BY n DESC, source, target LIMIT $1`;
const NODES = `SELECT holder_id::int AS id, name, place, patents FROM lsg WHERE holder_id = ANY($1::bigint[])`;

const INVENTORS = `SELECT name, patents, granted FROM lsi ORDER BY patents DESC, name LIMIT $1`;

const IPC_GROUPS = `SELECT ipc_main AS key, count(*)::int AS n FROM ls WHERE ipc_main IS NOT NULL GROUP BY ipc_main ORDER BY n DESC, ipc_main LIMIT $1`;

const COUNTIES = `SELECT CASE WHEN area_code IS NOT NULL THEN area_code WHEN area_source = 'outside' THEN 'outside' ELSE 'none' END AS key, count(*)::int AS n
  FROM ls GROUP BY 1 ORDER BY n DESC`;

const KEY_COLUMNS = `app_no AS "appNo", title, type, status, app_date::text AS "appDate", applicant`;
const MOST_CLAIMS = `SELECT ${KEY_COLUMNS}, claims_count AS value FROM ls WHERE claims_count IS NOT NULL ORDER BY claims_count DESC, app_date, id LIMIT $1`;
const LARGEST_FAMILY = `SELECT ${KEY_COLUMNS}, family_size AS value FROM ls WHERE family_size > 0 ORDER BY family_size DESC, app_date, id LIMIT $1`;
/** In force longest: the oldest filings still valid, by whole years since filing. */
const LONGEST = `SELECT ${KEY_COLUMNS}, whole_years(app_date, $2::date) AS value FROM ls WHERE status = 'valid' ORDER BY app_date, id LIMIT $1`;

const ENDED_BY_STATUS = `SELECT status AS key, count(*)::int AS n FROM ls WHERE ${ENDED} GROUP BY status ORDER BY n DESC`;
const ENDED_RECENT = `SELECT ${KEY_COLUMNS}, coalesce(claims_count, 0) AS value FROM ls WHERE ${ENDED} ORDER BY app_date DESC, id DESC LIMIT $1`;

/** Against the previous finished run: patents new to the field, and those that left it. */
const CHANGE = `WITH now AS (SELECT unnest(patent_ids) AS id FROM landscape_runs WHERE id = $1),
       before AS (SELECT unnest(patent_ids) AS id FROM landscape_runs WHERE id = $2)
  SELECT (SELECT count(*)::int FROM (SELECT id FROM now EXCEPT SELECT id FROM before) AS a) AS added,
         (SELECT count(*)::int FROM (SELECT id FROM before EXCEPT SELECT id FROM now) AS r) AS removed`;

export interface KeyPatentRow {
  appNo: string;
  title: string;
  type: string;
  status: string;
  appDate: string;
  applicant: string | null;
  value: number;
}
export interface HolderStatRow {
  id: number;
  name: string;
  kind: string;
  area_code: string | null;
  place: string;
  patents: number;
  granted: number;
  valid: number;
  first_year: number;
  last_year: number;
}

export interface Analysis {
  totals: { total: number; granted: number; valid: number; inv_granted: number; inv_decided: number; local_patents: number; co_filed: number; inventors: number; applicants: number; local_applicants: number };
  byType: Array<{ key: string; n: number }>;
  status: Array<{ key: string; n: number }>;
  years: Array<{ year: number; invention: number; utility: number; design: number; grants: number; applicants: number; new_applicants: number }>;
  topLocal: HolderStatRow[];
  topOutside: HolderStatRow[];
  links: Array<{ source: number; target: number; n: number }>;
  nodes: Array<{ id: number; name: string; place: string; patents: number }>;
  coFiled: number;
  inventors: Array<{ name: string; patents: number; granted: number }>;
  ipcGroups: Array<{ key: string; n: number }>;
  counties: Array<{ key: string; n: number }>;
  claims: KeyPatentRow[];
  family: KeyPatentRow[];
  longest: KeyPatentRow[];
  endedByStatus: Array<{ key: string; n: number }>;
  endedRecent: KeyPatentRow[];
}

export interface FieldQuery {
  candidates: string;
  ipc: string[];
  words: string | null;
  combine: 'any' | 'all';
}

/**
 * Matches the field's patents and draws every analysis in one transaction over the matched
 * patents copied once, and saves the match set with the run. Null when more than `cap` match.
 */
export async function analyse(
  tx: Queryable,
  runId: number,
  field: FieldQuery,
  cap: number,
  years: { from: number; to: number },
  today: string,
  limits: { top: number; links: number; ipc: number; key: number },
): Promise<Analysis | null> {
  // The match reads tens of thousands of rows once; compiling it (JIT) took longer than it saved.
  await tx.query('SET LOCAL jit = off');
  await tx.query(SET, [field.candidates, field.ipc, field.words, field.combine, cap + 1]);
  const [count] = await tx.query<{ n: number }>(COUNT);
  if ((count?.n ?? 0) > cap) return null;
  await tx.query(SAVE_SET, [runId]);
  await tx.query(SET_HOLDERS);
  await tx.query(SET_HOLDER_FIGURES);
  await tx.query(SET_INVENTORS);
  const [totals] = await tx.query<Analysis['totals']>(TOTALS);
  const links = await tx.query<Analysis['links'][number]>(LINKS, [limits.links]);
  const ids = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  const ended = await tx.query<{ key: string; n: number }>(ENDED_BY_STATUS);
  return {
    totals: totals as Analysis['totals'],
    byType: await tx.query(BY_TYPE),
    status: await tx.query(BY_STATUS),
    years: await tx.query(YEARS, [years.from, years.to]),
    topLocal: await tx.query<HolderStatRow>(TOP_HOLDERS, ['local', limits.top]),
    topOutside: await tx.query<HolderStatRow>(TOP_HOLDERS, ['outside', limits.top]),
    links,
    nodes: ids.length ? await tx.query(NODES, [ids]) : [],
    coFiled: totals?.co_filed ?? 0,
    inventors: await tx.query(INVENTORS, [limits.top]),
    ipcGroups: await tx.query(IPC_GROUPS, [limits.ipc]),
    counties: await tx.query(COUNTIES),
    claims: await tx.query<KeyPatentRow>(MOST_CLAIMS, [limits.key]),
    family: await tx.query<KeyPatentRow>(LARGEST_FAMILY, [limits.key]),
    longest: await tx.query<KeyPatentRow>(LONGEST, [limits.key, today]),
    endedByStatus: ended,
    endedRecent: await tx.query<KeyPatentRow>(ENDED_RECENT, [limits.key]),
  };
}

export async function previousRun(q: Queryable, landscapeId: number, runId: number): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    `SELECT id::int AS id FROM landscape_runs WHERE landscape_id = $1 AND id < $2 AND status = 'done' ORDER BY id DESC LIMIT 1`,
    [landscapeId, runId],
  );
  return row?.id ?? null;
}

export async function change(q: Queryable, runId: number, previousId: number): Promise<{ added: number; removed: number }> {
  const [row] = await q.query<{ added: number; removed: number }>(CHANGE, [runId, previousId]);
  return row ?? { added: 0, removed: 0 };
}

export async function finishRun(q: Queryable, runId: number, status: 'done' | 'failed', result: unknown, at: Date): Promise<void> {
  await q.query(
    `UPDATE landscape_runs SET status = $2, result = $3, finished_at = $4,
            patents = CASE WHEN $2 = 'done' THEN patents END, patent_ids = CASE WHEN $2 = 'done' THEN patent_ids END
      WHERE id = $1`,
    [runId, status, result === null ? null : JSON.stringify(result), at],
  );
}
