import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { invalid } from '../../../errors';
import { normaliseIpc } from '../../../../shared/registry/normalise';
import { filterToken } from '../../../../shared/search/tokenize';
import { appendAudit } from '../../identity/audit/service';

export interface MappingRow {
  industryCode: string;
  industryName: string;
  ipcPrefix: string;
  keywords: string[];
}

export const DEMO_MAPPING_FILE = new URL('../../../../../data/reference/industries-demo.csv', import.meta.url);
const DEMO_SOURCE = '演示映射（非 CNIPA 官方参照关系表）/ demo mapping, not CNIPA’s table';

/** Parses the mapping CSV: industry code, industry name, IPC code or prefix, optional keywords (| separated). */
export function parseMappingCsv(text: string): { rows: MappingRow[]; problems: Array<{ line: number; reason: string }> } {
  const records = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: 'greedy' }).data.map((cells) => cells.map((c) => c.trim()));
  const [header, ...data] = records;
  if (!header || header.length < 3) throw invalid({ zh: '映射表应有表头：产业代码,产业名称,IPC,关键词', en: 'The mapping needs a header: industry_code,industry_name,ipc,keywords' }, [{ field: 'file' }]);
  const rows: MappingRow[] = [];
  const problems: Array<{ line: number; reason: string }> = [];
  data.forEach((cells, i) => {
    const [code = '', name = '', ipc = '', kw = ''] = cells;
    const prefix = ipc.replace(/\s+/g, ' ').trim().toUpperCase();
    const ok = /^[A-H](\d{2}([A-Z](\s?\d{1,4}(\/\d{1,6})?)?)?)?$/.test(prefix.replace(' ', '')) || normaliseIpc(prefix).ok;
    if (!code || !name || !prefix || !ok) problems.push({ line: i + 2, reason: !ok ? `IPC 格式有误：${ipc}` : '产业代码、产业名称和 IPC 都必须填写' });
    else rows.push({ industryCode: code, industryName: name, ipcPrefix: prefix, keywords: kw ? kw.split('|').map((k) => k.trim()).filter(Boolean) : [] });
  });
  return { rows, problems };
}

async function replaceMapping(q: Queryable, rows: MappingRow[], isDemo: boolean, source: string): Promise<void> {
  await q.query('DELETE FROM industry_map');
  await q.query(
    `INSERT INTO industry_map (industry_code, industry_name, ipc_prefix, keywords, is_demo, source)
     SELECT c, n, p, CASE WHEN k = '' THEN '{}'::text[] ELSE string_to_array(k, '|') END, $5, $6
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(c, n, p, k)`,
    [rows.map((r) => r.industryCode), rows.map((r) => r.industryName), rows.map((r) => r.ipcPrefix), rows.map((r) => r.keywords.join('|')), isDemo, source],
  );
}

/** Loads the labelled demo mapping when no mapping exists yet (a fresh platform). */
export async function ensureIndustryMapping(q: Queryable): Promise<void> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM industry_map');
  if ((row?.n ?? 0) > 0) return;
  const { rows } = parseMappingCsv(readFileSync(DEMO_MAPPING_FILE, 'utf8'));
  await replaceMapping(q, rows, true, DEMO_SOURCE);
}

/** An administrator imports CNIPA's table; every patent's industries are recomputed at once. */
export async function importMapping(ctx: AppContext, actor: Actor, text: string, source: string): Promise<{ rows: number; patentsUpdated: number }> {
  const { rows, problems } = parseMappingCsv(text);
  if (problems.length) {
    throw invalid({ zh: `映射表有 ${problems.length} 行有误，未导入`, en: `${problems.length} lines of the mapping are wrong; nothing was imported` }, problems.slice(0, 50));
  }
  if (rows.length === 0) throw invalid({ zh: '映射表没有数据行', en: 'The mapping has no rows' }, [{ field: 'file' }]);
  return ctx.db.tx(async (tx) => {
    await replaceMapping(tx, rows, false, source);
    const updated = await recomputeIndustries(tx);
    await appendAudit(tx, ctx.clock, { actor, action: 'registry.industry_map', targetType: 'industry_map', details: { rows: rows.length, source, patentsUpdated: updated } });
    return { rows: rows.length, patentsUpdated: updated };
  });
}

/**
 * Industries of every patent from the current mapping, in SQL (prefix match on the compact IPC
 * code, group numbers matched whole), with the industry filter tokens of the search index
 * (spelt as filterToken spells them).
 */
export async function recomputeIndustries(q: Queryable): Promise<number> {
  const rows = await q.query(
    `WITH m AS (SELECT industry_code, replace(ipc_prefix, ' ', '') AS prefix FROM industry_map),
     computed AS (
       SELECT p.id, coalesce(array_agg(DISTINCT m.industry_code ORDER BY m.industry_code) FILTER (WHERE m.industry_code IS NOT NULL), '{}') AS industries
         FROM patents p
         LEFT JOIN LATERAL unnest(p.ipc) AS code(c) ON true
         LEFT JOIN m ON starts_with(replace(code.c, ' ', ''), m.prefix)
              AND (right(m.prefix, 1) !~ '[0-9]' OR substr(replace(code.c, ' ', ''), length(m.prefix) + 1, 1) !~ '[0-9]')
        GROUP BY p.id)
     UPDATE patents p SET industries = c.industries,
        search = ts_delete(p.search, ARRAY(SELECT lexeme FROM unnest(p.search) WHERE starts_with(lexeme, $1)))
                 || array_to_tsvector(ARRAY(SELECT $1 || regexp_replace(replace(lower(i), '.', 'x'), '[^a-z0-9]', '', 'g') FROM unnest(c.industries) AS i))
       FROM computed c WHERE c.id = p.id AND c.industries IS DISTINCT FROM p.industries RETURNING p.id`,
    [filterToken('industry', '')],
  );
  return rows.length;
}
