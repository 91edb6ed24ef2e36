import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { disposition, errors, typed } from '../../../http/route-kit';
import { filePart } from '../evidence/routes';
import * as schema from './schema';
import * as service from './service';

export default function disclosureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['protection: enforcement disclosure'];
  const access = 'protection.disclosure' as const;
  const base = '/api/protection/disclosures';

  r.get(
    base,
    { schema: { tags, summary: 'Penalty decisions of one’s area (the city office: all), unpublished and nearest their due date first', querystring: schema.listQuery, response: { 200: schema.listView, ...errors(400, 401, 403) } }, config: { access } },
    async (req) => service.list(ctx, req.actor, req.query),
  );
  r.get(
    `${base}/prefill`,
    { schema: { tags, summary: 'What a concluded infringement report gives a new decision record (number, area, conclusion, infringer)', querystring: schema.prefillQuery, response: { 200: schema.prefillView, ...errors(400, 401, 403, 404, 422) } }, config: { access } },
    async (req) => service.prefill(ctx, req.actor, req.query.reportId),
  );
  r.post(
    base,
    { schema: { tags, summary: 'Record a penalty decision as a draft; a natural person’s data is sealed', body: schema.createBody, response: { 201: schema.detailView, ...errors(400, 401, 403, 409) } }, config: { access } },
    async (req, reply) => reply.code(201).send(await service.create(ctx, req.actor, req.body)),
  );
  r.get(
    `${base}/:id`,
    { schema: { tags, summary: 'One decision with its legal review, files, history (evidence chain) and the steps the caller may take', params: schema.idParams, response: { 200: schema.detailView, ...errors(400, 401, 403, 404) } }, config: { access } },
    async (req) => service.get(ctx, req.actor, req.params.id),
  );
  r.put(
    `${base}/:id`,
    { schema: { tags, summary: 'Edit a decision not yet published; a reviewed one goes back to draft and needs its legal review again', params: schema.idParams, body: schema.updateBody, response: { 200: schema.detailView, ...errors(400, 401, 403, 404, 409) } }, config: { access } },
    async (req) => service.update(ctx, req.actor, req.params.id, req.body),
  );
  r.post(
    `${base}/:id/files`,
    {
      schema: {
        tags,
        summary: 'Attach a legal-review record or part of the whole-process record (documents, photos, MP4 video); internal only, entered in the evidence chain',
        consumes: ['multipart/form-data'],
        params: schema.idParams,
        querystring: schema.fileQuery,
        response: { 200: schema.detailView, ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
      config: { access },
    },
    async (req) => {
      const part = await filePart(ctx, req);
      return service.attachFile(ctx, req.actor, req.params.id, req.query.category, { source: part.file, fileName: part.filename });
    },
  );
  r.get(
    `${base}/:id/files/:fileId`,
    { schema: { tags, summary: 'Download an attached file (as an attachment, never rendered inline)', params: schema.fileParams, response: { 200: z.any().describe('The file'), ...errors(400, 401, 403, 404) } }, config: { access } },
    async (req, reply) => {
      const { row, stream } = await service.openDecisionFile(ctx, req.actor, req.params.id, req.params.fileId);
      return reply
        .header('content-type', row.mime)
        .header('content-length', String(row.size))
        .header('content-disposition', disposition(row.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  r.post(
    `${base}/:id/review`,
    { schema: { tags, summary: 'Record the legal review (法制审核) with its uploaded record: draft → reviewed', params: schema.idParams, body: schema.reviewBody, response: { 200: schema.detailView, ...errors(400, 401, 403, 404, 409, 422) } }, config: { access } },
    async (req) => service.review(ctx, req.actor, req.params.id, req.body),
  );
  r.get(
    `${base}/:id/preview`,
    { schema: { tags, summary: 'Exactly the text publishing now would put on the public side, masked, with its digest', params: schema.idParams, response: { 200: schema.previewView, ...errors(400, 401, 403, 404) } }, config: { access } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.preview(ctx, req.actor, req.params.id);
    },
  );
  r.post(
    `${base}/:id/publish`,
    { schema: { tags, summary: 'Publish the previewed text (reviewed → published); refused without the legal review or if the text changed since the preview', params: schema.idParams, body: schema.publishBody, response: { 200: schema.detailView, ...errors(400, 401, 403, 404, 409, 422) } }, config: { access } },
    async (req) => service.publish(ctx, req.actor, req.params.id, req.body.digest),
  );
  r.post(
    `${base}/:id/withdraw`,
    { schema: { tags, summary: 'Take a published decision down with the reason (published → withdrawn); it leaves the public side', params: schema.idParams, body: schema.withdrawBody, response: { 200: schema.detailView, ...errors(400, 401, 403, 404, 409) } }, config: { access } },
    async (req) => service.withdraw(ctx, req.actor, req.params.id, req.body.reason),
  );
  r.post(
    `${base}/:id/reveal`,
    { schema: { tags, summary: 'Show the natural person’s data in clear (recorded in the audit log)', params: schema.idParams, response: { 200: schema.revealed, ...errors(400, 401, 403, 404, 422) } }, config: { access: 'protection.reveal' } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.reveal(ctx, req.actor, req.params.id);
    },
  );

  const publicLimit = { max: ctx.config.publicRateLimit * 6, timeWindow: '1 minute' };
  r.get(
    '/api/public/enforcement',
    { schema: { tags: ['public'], summary: 'Published penalty decisions (行政处罚决定公示): search by number, party, county, kind and date; personal data masked', querystring: schema.publicQuery, response: { 200: schema.publicListView, ...errors(400, 429) } }, config: { access: 'public', rateLimit: publicLimit } },
    async (req) => service.publicList(ctx, req.query),
  );
  r.get(
    '/api/public/enforcement/:id',
    { schema: { tags: ['public'], summary: 'One published decision as published; withdrawn ones are gone', params: schema.idParams, response: { 200: schema.publicDetailView, ...errors(400, 404, 429) } }, config: { access: 'public', rateLimit: publicLimit } },
    async (req) => service.publicGet(ctx, req.params.id),
  );
}
