import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../context';
import { invalid } from '../../../errors';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

/** The one file part of a multipart request, with the evidence size limit. */
export async function filePart(ctx: AppContext, req: FastifyRequest) {
  if (!req.isMultipart()) throw invalid({ zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' }, [{ field: 'file' }]);
  const part = await req.file({ limits: { fileSize: ctx.config.evidenceMaxBytes + 1, files: 1 } });
  if (!part) throw invalid({ zh: '没有收到文件', en: 'No file received' }, [{ field: 'file' }]);
  return part;
}

export default function evidenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['public'];

  r.post(
    '/api/public/evidence',
    {
      schema: {
        tags,
        summary: 'Upload one evidence file for a public form (JPG, PNG, PDF, MP4, DOCX, XLSX, checked by content); returns the token the form sends',
        consumes: ['multipart/form-data'],
        response: { 201: schema.uploadView, ...errors(400, 413, 415, 429) },
      },
      config: { access: 'public', rateLimit: { max: ctx.config.publicRateLimit * 3, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const part = await filePart(ctx, req);
      const { row: _row, ...view } = await service.receiveFile(ctx, req.actor, { source: part.file, fileName: part.filename }, null);
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/api/public/evidence/verify',
    {
      schema: { tags, summary: 'Was a file with this SHA-256 recorded in an evidence chain, and when?', querystring: schema.verifyQuery, response: { 200: schema.verifyView, ...errors(400, 429) } },
      config: { access: 'public', rateLimit: { max: ctx.config.publicRateLimit * 6, timeWindow: '1 minute' } },
    },
    async (req) => service.verifyHash(ctx, req.query.sha256),
  );

  r.post(
    '/api/public/evidence/verify',
    {
      schema: {
        tags,
        summary: 'The same check for an uploaded file: it is hashed and discarded, never stored',
        consumes: ['multipart/form-data'],
        response: { 200: schema.verifyView, ...errors(400, 413, 429) },
      },
      config: { access: 'public', rateLimit: { max: ctx.config.publicRateLimit * 3, timeWindow: '1 minute' } },
    },
    async (req) => {
      const part = await filePart(ctx, req);
      return service.verifyHash(ctx, await service.hashUpload(part.file, ctx.config.evidenceMaxBytes));
    },
  );
}
