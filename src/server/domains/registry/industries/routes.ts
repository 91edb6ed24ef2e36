import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { invalid } from '../../../errors';
import { errors, typed } from '../../../http/route-kit';
import { importMapping } from './service';

const mappingView = z.object({
  isDemo: z.boolean(),
  source: z.string().nullable(),
  importedAt: z.string().nullable(),
  industries: z.array(z.object({ code: z.string(), name: z.string(), prefixes: z.array(z.string()) })),
});

export default function industryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['data centre: reference'];
  r.get(
    '/api/industries',
    { schema: { tags, summary: 'The IPC → strategic-emerging-industry mapping in use (demo until CNIPA’s table is imported)', response: { 200: mappingView, ...errors(401, 403) } }, config: { access: ['registry.read', 'registry.reference'] } },
    async () => {
      const rows = await ctx.db.query<{ industry_code: string; industry_name: string; ipc_prefix: string; is_demo: boolean; source: string; imported_at: Date }>(
        'SELECT industry_code, industry_name, ipc_prefix, is_demo, source, imported_at FROM industry_map ORDER BY industry_code, ipc_prefix',
      );
      const by = new Map<string, { code: string; name: string; prefixes: string[] }>();
      for (const row of rows) {
        const entry = by.get(row.industry_code) ?? { code: row.industry_code, name: row.industry_name, prefixes: [] };
        entry.prefixes.push(row.ipc_prefix);
        by.set(row.industry_code, entry);
      }
      return { isDemo: rows.length === 0 || rows.some((x) => x.is_demo), source: rows[0]?.source ?? null, importedAt: rows[0]?.imported_at.toISOString() ?? null, industries: [...by.values()] };
    },
  );
  r.post(
    '/api/industries/import',
    {
      schema: {
        tags,
        summary: 'Replace the mapping with an imported CSV (industry code, industry name, IPC code or prefix, keywords)',
        consumes: ['multipart/form-data'],
        querystring: z.strictObject({ source: z.string().trim().min(2).max(200).default('战略性新兴产业分类与国际专利分类参照关系表（2021）') }),
        response: { 200: z.object({ rows: z.number().int(), patentsUpdated: z.number().int() }), ...errors(400, 401, 403, 413) },
      },
      config: { access: 'registry.reference' },
    },
    async (req) => {
      const part = req.isMultipart() ? await req.file({ limits: { fileSize: 10 * 1024 * 1024, files: 1 } }) : undefined;
      if (!part) throw invalid({ zh: '请上传 CSV 文件', en: 'Upload a CSV file' }, [{ field: 'file' }]);
      const buf = await part.toBuffer();
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      } catch {
        text = new TextDecoder('gb18030').decode(buf);
      }
      return importMapping(ctx, req.actor, text, req.query.source);
    },
  );
}
