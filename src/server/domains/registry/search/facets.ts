import { areaByCode } from '../../../../shared/validators';
import type { Queryable } from '../../../db/db';
import { COUNT_CAP } from './query';

export interface FacetValue {
  value: string;
  label: string | null;
  count: number;
}

/** Groups the rows of a facet statement by facet, biggest first (years newest first). */
export function groupFacets(rows: FacetRow[], names: readonly string[]) {
  const out = Object.fromEntries(names.map((n) => [n, [] as FacetValue[]])) as Record<string, FacetValue[]>;
  let total = 0;
  for (const r of rows) {
    if (r.facet === 'total') total = r.n;
    else out[r.facet]?.push({ value: r.value ?? '', label: null, count: r.n });
  }
  for (const [name, list] of Object.entries(out)) {
    if (name === 'year') list.sort((a, b) => b.value.localeCompare(a.value));
    else list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return { facets: out, total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

export function labelCounties(list: FacetValue[]): void {
  for (const f of list) f.label = f.value === 'none' ? '未确定地区' : (areaByCode(f.value)?.name ?? f.value);
}

export async function labelHolders(q: Queryable, list: FacetValue[]): Promise<void> {
  if (list.length === 0) return;
  const names = new Map(
    (await q.query<{ id: number; name: string }>('SELECT id, name FROM holders WHERE id = ANY($1)', [list.map((f) => Number(f.value))])).map((h) => [String(h.id), h.name]),
  );
  for (const f of list) f.label = names.get(f.value) ?? null;
}

type FacetRow = { facet: string; value: string | null; n: number };

/** The statements of one register's search (patents, trademarks). */
export interface SearchStatements<Row, Match> {
  listPage(q: Queryable, match: Match, sort: 'date' | 'relevance', limit: number, offset: number): Promise<Row[]>;
  facetRows(q: Queryable, match: Match, cap: number): Promise<FacetRow[]>;
}

/**
 * One page of a register search and its facet counts over at most COUNT_CAP matches (`capped` when
 * there were more), with counties and holders named.
 */
export async function searchPage<Row, Match>(
  q: Queryable,
  statements: SearchStatements<Row, Match>,
  match: Match,
  query: { page: number; pageSize: number; sort: 'date' | 'relevance' },
  names: readonly string[],
) {
  const [rows, facetRows] = await Promise.all([
    statements.listPage(q, match, query.sort, query.pageSize, (query.page - 1) * query.pageSize),
    statements.facetRows(q, match, COUNT_CAP + 1),
  ]);
  const { facets, total, capped } = groupFacets(facetRows, names);
  labelCounties(facets.county ?? []);
  await labelHolders(q, facets.holder ?? []);
  return { rows, facets, total, capped };
}

export async function industryNames(q: Queryable): Promise<{ names: Map<string, string>; isDemo: boolean }> {
  const rows = await q.query<{ industry_code: string; industry_name: string; is_demo: boolean }>(
    'SELECT DISTINCT industry_code, industry_name, is_demo FROM industry_map',
  );
  return { names: new Map(rows.map((r) => [r.industry_code, r.industry_name])), isDemo: rows.length === 0 || rows.some((r) => r.is_demo) };
}
