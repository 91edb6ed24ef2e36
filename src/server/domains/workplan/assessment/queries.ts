import type { Queryable } from '../../../db/db';
import type { AssessmentStatus, Band, CommendationKind, GradeBand, IndicatorKind, IndicatorSource, ScoringRule } from '../../../../shared/workplan/assessment';

export interface RubricRow {
  year: number;
  title: string;
  grades: GradeBand[];
  status: AssessmentStatus;
  copied_from: number | null;
  current_run_id: number | null;
  published_run_id: number | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  published_by_name: string | null;
  published_at: Date | null;
  inputs_changed: unknown;
  is_demo: boolean;
}

const RUBRIC = `SELECT r.year, r.title, r.grades, r.status, r.copied_from, r.current_run_id::int AS current_run_id, r.published_run_id::int AS published_run_id,
  rv.display_name AS reviewed_by_name, r.reviewed_at, r.review_note, pb.display_name AS published_by_name, r.published_at, r.inputs_changed, r.is_demo
  FROM assessment_rubrics r LEFT JOIN users rv ON rv.id = r.reviewed_by LEFT JOIN users pb ON pb.id = r.published_by`;

export async function rubric(q: Queryable, year: number, lock = false): Promise<RubricRow | null> {
  const [row] = await q.query<RubricRow>(lock ? `${RUBRIC} WHERE r.year = $1 FOR UPDATE OF r` : `${RUBRIC} WHERE r.year = $1`, [year]);
  return row ?? null;
}

export const years = (q: Queryable) => q.query<RubricRow>(`${RUBRIC} ORDER BY r.year DESC`);

export async function insertRubric(q: Queryable, r: { year: number; title: string; grades: GradeBand[]; copiedFrom: number | null; isDemo: boolean; by: string | null; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO assessment_rubrics (year, title, grades, copied_from, is_demo, created_by, created_at, updated_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $7)`,
    [r.year, r.title, JSON.stringify(r.grades), r.copiedFrom, r.isDemo, r.by, r.at],
  );
}

export async function updateRubricHead(q: Queryable, year: number, title: string, grades: GradeBand[], at: Date): Promise<void> {
  await q.query(`UPDATE assessment_rubrics SET title = $2, grades = $3::jsonb, updated_at = $4 WHERE year = $1`, [year, title, JSON.stringify(grades), at]);
}

/** Back to draft: the working result no longer matches the rubric or its entries. */
export async function toDraft(q: Queryable, year: number, at: Date): Promise<void> {
  await q.query(`UPDATE assessment_rubrics SET status = 'draft', reviewed_by = NULL, reviewed_at = NULL, review_note = NULL, updated_at = $2 WHERE year = $1 AND status <> 'published'`, [year, at]);
}

export async function setComputed(q: Queryable, year: number, runId: number, at: Date): Promise<void> {
  await q.query(`UPDATE assessment_rubrics SET status = 'computed', current_run_id = $2, reviewed_by = NULL, reviewed_at = NULL, review_note = NULL, updated_at = $3 WHERE year = $1`, [year, runId, at]);
}

export async function setReviewed(q: Queryable, year: number, by: string | null, note: string | null, at: Date): Promise<void> {
  await q.query(`UPDATE assessment_rubrics SET status = 'reviewed', reviewed_by = $2, reviewed_at = $4, review_note = $3, updated_at = $4 WHERE year = $1`, [year, by, note, at]);
}

export async function setPublished(q: Queryable, year: number, by: string | null, at: Date): Promise<void> {
  await q.query(
    `UPDATE assessment_rubrics SET status = 'published', published_run_id = current_run_id, published_by = $2, published_at = $3, inputs_changed = NULL, updated_at = $3 WHERE year = $1`,
    [year, by, at],
  );
}

export async function setFlag(q: Queryable, year: number, flag: unknown, at: Date): Promise<void> {
  await q.query(`UPDATE assessment_rubrics SET inputs_changed = $2::jsonb, updated_at = $3 WHERE year = $1`, [year, flag === null ? null : JSON.stringify(flag), at]);
}

export interface IndicatorRow extends Omit<IndicatorFields, 'params'> {
  id: number;
  year: number;
  params: { target?: number; bands?: Band[] };
}

export const indicators = (q: Queryable, year: number) =>
  q.query<IndicatorRow>(
    `SELECT id::int AS id, year, seq, kind, dimension, name, points::float8 AS points, source, metric, rule, params, evidence FROM assessment_indicators WHERE year = $1 ORDER BY seq`,
    [year],
  );

export interface IndicatorFields {
  seq: number;
  kind: IndicatorKind;
  dimension: string;
  name: string;
  points: number;
  source: IndicatorSource;
  metric: string | null;
  rule: ScoringRule;
  params: Record<string, unknown>;
  evidence: string;
}

const FIELDS = [
  (f: IndicatorFields) => f.seq,
  (f: IndicatorFields) => f.kind,
  (f: IndicatorFields) => f.dimension,
  (f: IndicatorFields) => f.name,
  (f: IndicatorFields) => f.points,
  (f: IndicatorFields) => f.source,
  (f: IndicatorFields) => f.metric,
  (f: IndicatorFields) => f.rule,
  (f: IndicatorFields) => JSON.stringify(f.params),
  (f: IndicatorFields) => f.evidence,
];
const values = (f: IndicatorFields) => FIELDS.map((g) => g(f));

export async function insertIndicator(q: Queryable, year: number, f: IndicatorFields): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO assessment_indicators (year, seq, kind, dimension, name, points, source, metric, rule, params, evidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11) RETURNING id::int AS id`,
    [year, ...values(f)],
  );
  return (row as { id: number }).id;
}

export async function updateIndicator(q: Queryable, id: number, f: IndicatorFields): Promise<void> {
  await q.query(
    `UPDATE assessment_indicators SET seq = $2, kind = $3, dimension = $4, name = $5, points = $6, source = $7, metric = $8, rule = $9, params = $10::jsonb, evidence = $11 WHERE id = $1`,
    [id, ...values(f)],
  );
}

/** Seq numbers are unique per year: move the kept ones out of the way before renumbering. */
export async function clearSeqs(q: Queryable, year: number): Promise<void> {
  await q.query(`UPDATE assessment_indicators SET seq = seq + 100000 WHERE year = $1`, [year]);
}

export async function deleteIndicatorsExcept(q: Queryable, year: number, keep: number[]): Promise<void> {
  await q.query(`DELETE FROM assessment_indicators WHERE year = $1 AND NOT (id = ANY($2::bigint[]))`, [year, keep]);
}

export const targets = (q: Queryable, year: number) =>
  q.query<{ indicator_id: number; area_code: string; target: number }>(
    `SELECT t.indicator_id::int AS indicator_id, t.area_code, t.target::float8 AS target FROM assessment_targets t JOIN assessment_indicators i ON i.id = t.indicator_id WHERE i.year = $1`,
    [year],
  );

export async function replaceTargets(q: Queryable, indicatorId: number, byArea: Record<string, number>): Promise<void> {
  await q.query(`DELETE FROM assessment_targets WHERE indicator_id = $1`, [indicatorId]);
  const areas = Object.keys(byArea).sort();
  if (areas.length === 0) return;
  await q.query(`INSERT INTO assessment_targets (indicator_id, area_code, target) SELECT $1, a, t FROM unnest($2::text[], $3::numeric[]) AS x(a, t)`, [
    indicatorId,
    areas,
    areas.map((a) => byArea[a]),
  ]);
}

export interface EntryRow {
  id: number;
  indicator_id: number;
  area_code: string;
  points: number;
  reason: string;
  entered_by_name: string | null;
  entered_at: Date;
}

/** Entries of a year, in the area scope given (null: all). */
export const entries = (q: Queryable, year: number, scope: string[] | null) =>
  q.query<EntryRow>(
    `SELECT e.id::int AS id, e.indicator_id::int AS indicator_id, e.area_code, e.points::float8 AS points, e.reason, u.display_name AS entered_by_name, e.entered_at
     FROM assessment_entries e JOIN assessment_indicators i ON i.id = e.indicator_id LEFT JOIN users u ON u.id = e.entered_by
     WHERE i.year = $1 AND ($2::text[] IS NULL OR e.area_code = ANY($2)) ORDER BY e.indicator_id, e.area_code, e.id`,
    [year, scope],
  );

export async function insertEntry(q: Queryable, e: { indicatorId: number; area: string; points: number; reason: string; by: string | null; at: Date; isDemo: boolean }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO assessment_entries (indicator_id, area_code, points, reason, is_demo, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::int AS id`,
    [e.indicatorId, e.area, e.points, e.reason, e.isDemo, e.by, e.at],
  );
  return (row as { id: number }).id;
}

export async function deleteEntries(q: Queryable, indicatorId: number, area: string): Promise<number> {
  const rows = await q.query(`DELETE FROM assessment_entries WHERE indicator_id = $1 AND area_code = $2 RETURNING id`, [indicatorId, area]);
  return rows.length;
}

export async function deleteEntry(q: Queryable, year: number, id: number): Promise<EntryRow | null> {
  const [row] = await q.query<EntryRow>(
    `DELETE FROM assessment_entries e USING assessment_indicators i WHERE i.id = e.indicator_id AND i.year = $1 AND e.id = $2
     RETURNING e.id::int AS id, e.indicator_id::int AS indicator_id, e.area_code, e.points::float8 AS points, e.reason, NULL::text AS entered_by_name, e.entered_at`,
    [year, id],
  );
  return row ?? null;
}

export interface RunRow {
  id: number;
  year: number;
  purpose: 'compute' | 'check';
  inputs: unknown;
  inputs_sha256: string;
  result: unknown;
  computed_by_name: string | null;
  computed_at: Date;
}

const RUN = `SELECT r.id::int AS id, r.year, r.purpose, r.inputs, r.inputs_sha256, r.result, u.display_name AS computed_by_name, r.computed_at
  FROM assessment_runs r LEFT JOIN users u ON u.id = r.computed_by`;

export async function run(q: Queryable, id: number): Promise<RunRow | null> {
  const [row] = await q.query<RunRow>(`${RUN} WHERE r.id = $1`, [id]);
  return row ?? null;
}

export async function insertRun(q: Queryable, r: { year: number; purpose: 'compute' | 'check'; inputs: string; sha256: string; result: string; by: string | null; at: Date }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO assessment_runs (year, purpose, inputs, inputs_sha256, result, computed_by, computed_at) VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7) RETURNING id::int AS id`,
    [r.year, r.purpose, r.inputs, r.sha256, r.result, r.by, r.at],
  );
  return (row as { id: number }).id;
}

/** The published run of the latest year before this one that has one (year-on-year). */
export async function previousPublished(q: Queryable, year: number): Promise<{ year: number; run: RunRow } | null> {
  const [row] = await q.query<{ year: number; run_id: number }>(
    `SELECT year, published_run_id::int AS run_id FROM assessment_rubrics WHERE year < $1 AND status = 'published' AND published_run_id IS NOT NULL ORDER BY year DESC LIMIT 1`,
    [year],
  );
  if (!row) return null;
  const r = await run(q, row.run_id);
  return r ? { year: row.year, run: r } : null;
}

export interface CommendationRow {
  id: number;
  year: number;
  kind: CommendationKind;
  area_code: string | null;
  org_id: string | null;
  unit_name: string;
  person_name: string | null;
  honour: string;
  doc_no: string;
  awarded_on: string;
  note: string;
  is_demo: boolean;
}

const COMMENDATION = `SELECT id::int AS id, year, kind, area_code, org_id, unit_name, person_name, honour, doc_no, to_char(awarded_on, 'YYYY-MM-DD') AS awarded_on, note, is_demo FROM assessment_commendations`;

export const commendations = (q: Queryable, f: { year?: number; kind?: string; area?: string }) =>
  q.query<CommendationRow>(
    `${COMMENDATION} WHERE ($1::int IS NULL OR year = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR area_code = $3) ORDER BY year DESC, awarded_on DESC, id DESC`,
    [f.year ?? null, f.kind ?? null, f.area ?? null],
  );

export async function commendation(q: Queryable, id: number): Promise<CommendationRow | null> {
  const [row] = await q.query<CommendationRow>(`${COMMENDATION} WHERE id = $1`, [id]);
  return row ?? null;
}

export interface CommendationFields {
  year: number;
  kind: CommendationKind;
  areaCode: string | null;
  orgId: string | null;
  unitName: string;
  personName: string | null;
  honour: string;
  docNo: string;
  awardedOn: string;
  note: string;
}

const cvals = (f: CommendationFields) => [f.year, f.kind, f.areaCode, f.orgId, f.unitName, f.personName, f.honour, f.docNo, f.awardedOn, f.note];

export async function insertCommendation(q: Queryable, f: CommendationFields, isDemo: boolean, by: string | null, at: Date): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO assessment_commendations (year, kind, area_code, org_id, unit_name, person_name, honour, doc_no, awarded_on, note, is_demo, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id::int AS id`,
    [...cvals(f), isDemo, by, at],
  );
  return (row as { id: number }).id;
}

export async function updateCommendation(q: Queryable, id: number, f: CommendationFields, at: Date): Promise<void> {
  await q.query(
    `UPDATE assessment_commendations SET year = $2, kind = $3, area_code = $4, org_id = $5, unit_name = $6, person_name = $7, honour = $8, doc_no = $9, awarded_on = $10, note = $11, updated_at = $12 WHERE id = $1`,
    [id, ...cvals(f), at],
  );
}

export async function deleteCommendation(q: Queryable, id: number): Promise<void> {
  await q.query(`DELETE FROM assessment_commendations WHERE id = $1`, [id]);
}

export async function orgExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM organisations WHERE id = $1`, [id])).length > 0;
}
