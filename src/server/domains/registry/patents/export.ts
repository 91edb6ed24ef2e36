import type { FastifyReply } from 'fastify';
import { PATENT_STATUS_ZH as STATUS_ZH, PATENT_TYPE_ZH as TYPE_ZH } from '../../../../shared/registry/labels';
import { todayInChina } from '../../../../shared/registry/normalise';
import { formatApplicationNumber, areaByCode } from '../../../../shared/validators';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { ruleViolated } from '../../../errors';
import { recordAudit } from '../../identity/audit/service';
import { writeSheet, type SheetFormat } from '../export/sheet';
import { industryNames } from '../search/facets';
import * as sql from './queries';
import { patentMatch } from './service';
import type { PatentQuery } from './schema';

export const EXPORT_LIMIT = 100_000;

const HEADERS = ['申请号', '申请日', '专利类型', '名称', '申请人', '发明人', '公开号', '公开日', '授权公告号', '授权公告日', '法律状态', 'IPC主分类号', 'IPC分类号', '所属地区', '战略性新兴产业', '代理机构'];

/** How many rows an export of this search would hold (counted up to one past the limit). */
export async function exportCount(ctx: AppContext, actor: Actor, query: PatentQuery): Promise<{ rows: number; limit: number; allowed: boolean }> {
  const rows = await sql.countMatches(ctx.db, patentMatch(query, actor), EXPORT_LIMIT + 1);
  return { rows, limit: EXPORT_LIMIT, allowed: rows <= EXPORT_LIMIT };
}

/** Streams a search result as XLSX or CSV (at most 100,000 rows), audited. */
export async function exportPatents(ctx: AppContext, actor: Actor, query: PatentQuery, format: SheetFormat, reply: FastifyReply): Promise<FastifyReply> {
  const match = patentMatch(query, actor);
  const total = await sql.countMatches(ctx.db, match, EXPORT_LIMIT + 1);
  if (total > EXPORT_LIMIT) {
    throw ruleViolated({ zh: `结果有 ${total.toLocaleString()}+ 条，超过单次导出上限 10 万条，请增加筛选条件`, en: `More than ${EXPORT_LIMIT.toLocaleString()} rows; narrow the search` });
  }
  const industries = await industryNames(ctx.db);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'registry.export', targetType: 'patents', details: { format, rows: total, query: { ...query, page: undefined, pageSize: undefined } } });
  async function* rows() {
    let after: { date: string; id: number } | null = null;
    for (;;) {
      const chunk = await sql.exportChunk(ctx.db, match, after, 2000);
      for (const p of chunk) {
        yield [
          formatApplicationNumber(p.app_no), p.app_date, TYPE_ZH[p.type] ?? p.type, p.title, p.applicants.join('; '), p.inventors.join('; '), p.pub_no, p.pub_date,
          p.grant_no, p.grant_date, STATUS_ZH[p.status] ?? p.status, p.ipc_main, p.ipc.join('; '), p.area_code ? (areaByCode(p.area_code)?.name ?? p.area_code) : '待定',
          p.industries.map((i) => industries.names.get(i) ?? i).join('; '), p.agency,
        ];
      }
      const last = chunk.at(-1);
      if (!last || chunk.length < 2000) return;
      after = { date: last.app_date, id: last.id };
    }
  }
  const stamp = todayInChina(ctx.clock.now().getTime());
  return writeSheet(reply, `专利检索结果-${stamp}.${format}`, format, HEADERS, rows());
}
