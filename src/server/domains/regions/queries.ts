import { assertIdentifier, type Queryable } from '../../db/db';

export interface AreaRow {
  code: string;
  name: string;
  short_name: string;
  name_en: string;
  kind: 'city' | 'district' | 'county' | 'zone';
  parent_code: string | null;
  stat_code: string | null;
  sort: number;
}

/** Yearly figures officers keep per area: resident population, registered market entities. */
export const FIGURE_TABLES = {
  population: { table: 'area_population', column: 'population' },
  entities: { table: 'area_market_entities', column: 'entities' },
} as const;
export type FigureKind = keyof typeof FIGURE_TABLES;

export interface FigureRow {
  area_code: string;
  year: number;
  value: number;
  source: string;
  is_estimate: boolean;
  note: string | null;
  updated_at: Date;
}


export const listAreas = (q: Queryable) => q.query<AreaRow>('SELECT * FROM areas ORDER BY sort');

export async function findArea(q: Queryable, code: string): Promise<AreaRow | undefined> {
  const [row] = await q.query<AreaRow>('SELECT * FROM areas WHERE code = $1', [code]);
  return row;
}

export const allFigures = (q: Queryable, kind: FigureKind = 'population') =>
  q.query<FigureRow>(`SELECT area_code, year, ${assertIdentifier(FIGURE_TABLES[kind].column)} AS value, source, is_estimate, note, updated_at FROM ${assertIdentifier(FIGURE_TABLES[kind].table)} ORDER BY area_code, year DESC`);

export const figuresOf = (q: Queryable, code: string, kind: FigureKind = 'population') =>
  q.query<FigureRow>(`SELECT area_code, year, ${assertIdentifier(FIGURE_TABLES[kind].column)} AS value, source, is_estimate, note, updated_at FROM ${assertIdentifier(FIGURE_TABLES[kind].table)} WHERE area_code = $1 ORDER BY year DESC`, [code]);

/** Writes a figure only inside the caller's scope; returns false when the area is outside it. */
export async function upsertFigure(
  q: Queryable,
  kind: FigureKind,
  f: { code: string; year: number; value: number; source: string; isEstimate: boolean; note: string | null; by: string | null; at: Date },
  scope: string[] | null,
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO ${assertIdentifier(FIGURE_TABLES[kind].table)} (area_code, year, ${assertIdentifier(FIGURE_TABLES[kind].column)}, source, is_estimate, note, updated_by, updated_at)
     SELECT a.code, $2, $3, $4, $5, $6, $7, $8 FROM areas a WHERE a.code = $1 AND ($9::text[] IS NULL OR a.code = ANY($9))
     ON CONFLICT (area_code, year) DO UPDATE SET ${assertIdentifier(FIGURE_TABLES[kind].column)} = EXCLUDED.${assertIdentifier(FIGURE_TABLES[kind].column)}, source = EXCLUDED.source,
       is_estimate = EXCLUDED.is_estimate, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
     RETURNING area_code`,
    [f.code, f.year, f.value, f.source, f.isEstimate, f.note, f.by, f.at, scope],
  );
  return rows.length === 1;
}

export async function deleteFigure(q: Queryable, kind: FigureKind, code: string, year: number, scope: string[] | null): Promise<boolean> {
  const rows = await q.query(
    `DELETE FROM ${assertIdentifier(FIGURE_TABLES[kind].table)} WHERE area_code = $1 AND year = $2 AND ($3::text[] IS NULL OR area_code = ANY($3)) RETURNING area_code`,
    [code, year, scope],
  );
  return rows.length === 1;
}

export async function upsertArea(q: Queryable, a: Omit<AreaRow, never>): Promise<void> {
  await q.query(
    `INSERT INTO areas (code, name, short_name, name_en, kind, parent_code, stat_code, sort) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, name_en = EXCLUDED.name_en,
       kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code, stat_code = EXCLUDED.stat_code, sort = EXCLUDED.sort`,
    [a.code, a.name, a.short_name, a.name_en, a.kind, a.parent_code, a.stat_code, a.sort],
  );
}

/** Inserts a sourced figure unless an officer already keeps one for that year. */
export async function insertFigureIfMissing(q: Queryable, kind: FigureKind, f: { code: string; year: number; value: number; source: string; isEstimate: boolean; note: string | null }): Promise<void> {
  await q.query(
    `INSERT INTO ${assertIdentifier(FIGURE_TABLES[kind].table)} (area_code, year, ${assertIdentifier(FIGURE_TABLES[kind].column)}, source, is_estimate, note) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (area_code, year) DO NOTHING`,
    [f.code, f.year, f.value, f.source, f.isEstimate, f.note],
  );
}

/**
 * For each area, the figure a statistic of year y divides by: that year's, else the latest before
 * it, else the earliest after it.
 */
export function figuresForYear(q: Queryable, kind: FigureKind, y: number): Promise<FigureRow[]> {
  return q.query<FigureRow>(
    `SELECT DISTINCT ON (area_code) area_code, year, ${assertIdentifier(FIGURE_TABLES[kind].column)} AS value, source, is_estimate, note, updated_at FROM ${assertIdentifier(FIGURE_TABLES[kind].table)}
      ORDER BY area_code, (year > $1), CASE WHEN year <= $1 THEN -year ELSE year END`,
    [y],
  );
}
