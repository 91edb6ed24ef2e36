import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FIELDS, fieldLabel } from '../../../../shared/registry/fields';
import type { AppContext } from '../../../context';
import { invalid } from '../../../errors';
import { errors, typed } from '../../../http/route-kit';
import { toJobView, visibleJob } from '../../../jobs/routes';
import { listJobs } from '../../../jobs/queries';
import { jobView } from '../../../jobs/schema';
import { scopeFilter } from '../../../actor';
import { recordAudit } from '../../identity/audit/service';
import { writeSheet } from '../export/sheet';
import * as schema from './schema';
import * as service from './service';

export default function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['data centre: import'];

  r.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Upload a CSV, XLSX or JSON file; returns how its columns map to the register, with a preview',
        description: 'multipart/form-data with one part named "file". Nothing is imported until POST /api/imports/start.',
        consumes: ['multipart/form-data'],
        querystring: schema.uploadQuery,
        response: { 201: schema.analysis, ...errors(400, 401, 403, 404, 413, 415) },
      },
      config: { access: 'registry.import' },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw invalid({ zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' }, [{ field: 'file' }]);
      const part = await req.file({ limits: { fileSize: ctx.config.importMaxBytes + 1, files: 1 } });
      if (!part) throw invalid({ zh: '没有收到文件', en: 'No file received' }, [{ field: 'file' }]);
      const fileName = part.filename.slice(0, 200) || 'upload';
      const source = part.file.pipe(new PassThrough());
      const analysis = await service.analyseUpload(ctx, req.actor, { kind: req.query.kind, fileName, source, profile: req.query.profile });
      return reply.code(201).send(analysis);
    },
  );

  r.post(
    '/api/imports/start',
    {
      schema: { tags, summary: 'Start importing an uploaded file with the confirmed column mapping (a job)', body: schema.startBody, response: { 202: jobView, ...errors(400, 401, 403, 404, 422) } },
      config: { access: 'registry.import' },
    },
    async (req, reply) => reply.code(202).send(toJobView(await service.startImport(ctx, req.actor, req.body))),
  );

  r.get(
    '/api/imports',
    { schema: { tags, summary: 'Recent imports', response: { 200: z.array(jobView), ...errors(401, 403) } }, config: { access: 'registry.import' } },
    async (req) => (await listJobs(ctx.db, { kinds: [service.IMPORT_JOB], scope: scopeFilter(req.actor), createdBy: null }, 50)).map(toJobView),
  );

  r.get(
    '/api/imports/fields',
    {
      schema: {
        tags,
        summary: 'The register fields a file can fill, with their labels, for the mapping screen',
        querystring: schema.profilesQuery,
        response: { 200: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string(), required: z.boolean() })), ...errors(400, 401) },
      },
      config: { access: 'registry.import' },
    },
    async (req) => service.fieldsOf(req.query.kind),
  );

  r.get(
    '/api/imports/profiles',
    { schema: { tags, summary: 'Saved column mappings', querystring: schema.profilesQuery, response: { 200: z.array(schema.profileView), ...errors(400, 401, 403) } }, config: { access: 'registry.import' } },
    async (req) => (await service.listProfiles(ctx, req.query.kind)).map((p) => ({ name: p.name, mapping: p.mapping, updatedAt: p.updated_at.toISOString() })),
  );

  r.get(
    '/api/imports/:id/rejections',
    {
      schema: {
        tags,
        summary: 'Rows an import refused, with the reason',
        params: schema.jobIdParams,
        response: { 200: z.array(z.object({ rowNo: z.number().int(), field: z.string(), value: z.string(), reasonZh: z.string(), reasonEn: z.string() })), ...errors(401, 403, 404) },
      },
      config: { access: 'registry.import' },
    },
    async (req) => {
      await visibleJob(ctx, req.actor, req.params.id);
      return (await service.rejectionsOf(ctx, req.params.id, 500)).map((x) => ({ rowNo: x.row_no, field: x.field, value: x.value, reasonZh: x.reason_zh, reasonEn: x.reason_en }));
    },
  );

  r.get(
    '/api/imports/:id/rejections.xlsx',
    { schema: { tags, summary: 'The error report of an import as an XLSX file (row, column, value, reason)', params: schema.jobIdParams }, config: { access: 'registry.import' } },
    async (req, reply) => {
      const job = await visibleJob(ctx, req.actor, req.params.id);
      const kind = (job.params as { kind?: keyof typeof FIELDS }).kind ?? 'patents';
      const rows = await service.rejectionsOf(ctx, job.id, 1_000_000);
      await recordAudit(ctx.db, ctx.clock, { actor: req.actor, action: 'registry.export', targetType: 'job', targetId: job.id, details: { what: 'import_rejections', rows: rows.length } });
      return writeSheet(reply, `导入错误报告-${job.id.slice(0, 8)}.xlsx`, 'xlsx', ['行号', '列', '值', '原因', 'Reason'], (async function* () {
        for (const x of rows) yield [x.row_no, fieldLabel(kind, x.field), x.value, x.reason_zh, x.reason_en];
      })());
    },
  );
}
