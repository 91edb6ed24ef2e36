import type { Queryable } from '../../../db/db';

export interface TargetRow {
  indicator: string;
  area_code: string;
  year: number;
  target: string;
  note: string | null;
  updated_at: Date;
}

export const targetsOfYear = (q: Queryable, year: number) =>
  q.query<TargetRow>('SELECT indicator, area_code, year, target, note, updated_at FROM indicator_targets WHERE year = $1', [year]);

export async function findTarget(q: Queryable, indicator: string, area: string, year: number): Promise<TargetRow | undefined> {
  const [row] = await q.query<TargetRow>('SELECT indicator, area_code, year, target, note, updated_at FROM indicator_targets WHERE indicator = $1 AND area_code = $2 AND year = $3', [indicator, area, year]);
  return row;
}

export async function upsertTarget(q: Queryable, t: { indicator: string; area: string; year: number; target: number; note: string | null; by: string | null; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO indicator_targets (indicator, area_code, year, target, note, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (indicator, area_code, year) DO UPDATE SET target = EXCLUDED.target, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [t.indicator, t.area, t.year, t.target, t.note, t.by, t.at],
  );
}

export async function deleteTarget(q: Queryable, indicator: string, area: string, year: number): Promise<boolean> {
  return (await q.query('DELETE FROM indicator_targets WHERE indicator = $1 AND area_code = $2 AND year = $3 RETURNING 1', [indicator, area, year])).length === 1;
}
