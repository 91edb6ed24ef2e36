import type { Queryable } from '../../../db/db';
import type { AreaResult, EvaluationDimension, EvaluationInput } from '../../../../shared/workplan/evaluation';

export interface SystemRow {
  year: number;
  title: string;
  dimensions: EvaluationDimension[];
  is_demo: boolean;
  updated_by_name: string | null;
  updated_at: Date;
  inputs_changed_at: Date;
}

export interface ManualRow {
  indicator_key: string;
  area_code: string;
  value: number;
  note: string | null;
  entered_by_name: string | null;
  entered_at: Date;
}

export interface RunRow {
  id: number;
  year: number;
  system: { title: string; dimensions: EvaluationDimension[] };
  inputs: Record<string, Record<string, EvaluationInput>>;
  results: AreaResult[];
  inputs_hash: string;
  computed_by_name: string | null;
  computed_at: Date;
  is_demo: boolean;
}

const SYSTEM_BY_YEAR = `SELECT s.year, s.title, s.dimensions, s.is_demo, u.display_name AS updated_by_name, s.updated_at, s.inputs_changed_at
  FROM evaluation_systems s LEFT JOIN users u ON u.id = s.updated_by WHERE s.year = $1`;
const FOR_UPDATE = ' FOR UPDATE OF s';

export async function systemOf(q: Queryable, year: number, lock = false): Promise<SystemRow | null> {
  const [row] = await q.query<SystemRow>(lock ? SYSTEM_BY_YEAR + FOR_UPDATE : SYSTEM_BY_YEAR, [year]);
  return row ?? null;
}

export async function upsertSystem(q: Queryable, year: number, title: string, dimensions: EvaluationDimension[], userId: string | null, at: Date, isDemo: boolean): Promise<void> {
  await q.query(
    `INSERT INTO evaluation_systems (year, title, dimensions, is_demo, updated_by, created_at, updated_at, inputs_changed_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $6, $6)
       ON CONFLICT (year) DO UPDATE SET title = EXCLUDED.title, dimensions = EXCLUDED.dimensions, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at,
         inputs_changed_at = EXCLUDED.inputs_changed_at`,
    [year, title, JSON.stringify(dimensions), isDemo, userId, at],
  );
}

/** Manual figures of the year, for the areas in scope (null: all). */
export const manualValues = (q: Queryable, year: number, scope: string[] | null) =>
  q.query<ManualRow>(
    `SELECT m.indicator_key, m.area_code, m.value::float8 AS value, m.note, u.display_name AS entered_by_name, m.entered_at
       FROM evaluation_manual_values m LEFT JOIN users u ON u.id = m.entered_by
      WHERE m.year = $1 AND ($2::text[] IS NULL OR m.area_code = ANY($2)) ORDER BY m.indicator_key, m.area_code`,
    [year, scope],
  );

export async function setManual(q: Queryable, year: number, v: { indicatorKey: string; areaCode: string; value: number; note: string | null }, userId: string | null, at: Date, isDemo: boolean): Promise<void> {
  await q.query(
    `INSERT INTO evaluation_manual_values (year, indicator_key, area_code, value, note, entered_by, entered_at, is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (year, indicator_key, area_code) DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at`,
    [year, v.indicatorKey, v.areaCode, v.value, v.note, userId, at, isDemo],
  );
}

export async function clearManual(q: Queryable, year: number, indicatorKey: string, areaCode: string): Promise<void> {
  await q.query('DELETE FROM evaluation_manual_values WHERE year = $1 AND indicator_key = $2 AND area_code = $3', [year, indicatorKey, areaCode]);
}

export async function touchInputs(q: Queryable, year: number, at: Date): Promise<void> {
  await q.query('UPDATE evaluation_systems SET inputs_changed_at = $2 WHERE year = $1', [year, at]);
}

export async function insertRun(
  q: Queryable,
  r: { year: number; system: RunRow['system']; inputs: RunRow['inputs']; results: AreaResult[]; hash: string; userId: string | null; at: Date; isDemo: boolean },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO evaluation_runs (year, system, inputs, results, inputs_hash, computed_by, computed_at, is_demo)
       VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6, $7, $8) RETURNING id::int AS id`,
    [r.year, JSON.stringify(r.system), JSON.stringify(r.inputs), JSON.stringify(r.results), r.hash, r.userId, r.at, r.isDemo],
  );
  return row!.id;
}

const RUN_COLUMNS = `r.id::int AS id, r.year, r.system, r.inputs, r.results, r.inputs_hash, u.display_name AS computed_by_name, r.computed_at, r.is_demo`;

export async function latestRun(q: Queryable, year: number): Promise<RunRow | null> {
  const [row] = await q.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM evaluation_runs r LEFT JOIN users u ON u.id = r.computed_by WHERE r.year = $1 ORDER BY r.id DESC LIMIT 1`, [year]);
  return row ?? null;
}

export async function runById(q: Queryable, year: number, id: number): Promise<RunRow | null> {
  const [row] = await q.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM evaluation_runs r LEFT JOIN users u ON u.id = r.computed_by WHERE r.year = $1 AND r.id = $2`, [year, id]);
  return row ?? null;
}

export const runsOf = (q: Queryable, year: number) =>
  q.query<{ id: number; inputs_hash: string; computed_by_name: string | null; computed_at: Date; is_demo: boolean }>(
    `SELECT r.id::int AS id, r.inputs_hash, u.display_name AS computed_by_name, r.computed_at, r.is_demo
       FROM evaluation_runs r LEFT JOIN users u ON u.id = r.computed_by WHERE r.year = $1 ORDER BY r.id DESC LIMIT 50`,
    [year],
  );

export const yearsWithSystems = (q: Queryable) => q.query<{ year: number }>('SELECT year FROM evaluation_systems ORDER BY year DESC');
