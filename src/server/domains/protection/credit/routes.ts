import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { zipFiles } from '../../../files/zip-write';
import { disposition, errors, typed } from '../../../http/route-kit';
import { filePart } from '../evidence/routes';
import * as schema from './schema';
import * as service from './service';

export default function creditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['protection: credit records'];
  const read = 'credit.read' as const;
  const manage = 'credit.manage' as const;
  const repair = 'credit.repair' as const;
  const base = '/api/protection/credit/records';

  r.get(
    base,
    { schema: { tags, summary: 'Credit records of one’s area (the city office: all), with filters and the flags of records ending soon or overdue', querystring: schema.listQuery, response: { 200: schema.recordList, ...errors(400, 401, 403) } }, config: { access: read } },
    async (req) => service.list(ctx, req.actor, req.query),
  );
  r.post(
    base,
    { schema: { tags, summary: 'Enter a 守信 or 失信 record as a draft (nothing is published yet)', body: schema.recordBody, response: { 201: schema.recordDetail, ...errors(400, 401, 403, 409) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.create(ctx, req.actor, req.body)),
  );
  r.get(
    `${base}/:id`,
    { schema: { tags, summary: 'One record with its files, repair applications, history (evidence chain) and the steps the caller may take', params: schema.idParams, response: { 200: schema.recordDetail, ...errors(401, 403, 404) } }, config: { access: read } },
    async (req) => service.get(ctx, req.actor, req.params.id),
  );
  r.put(
    `${base}/:id`,
    { schema: { tags, summary: 'Edit a draft', params: schema.idParams, body: schema.recordBody, response: { 200: schema.recordDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.update(ctx, req.actor, req.params.id, req.body),
  );
  r.post(
    `${base}/:id/decision`,
    {
      schema: { tags, summary: 'Attach the decision document (PDF or DOCX, checked by content) to a draft', consumes: ['multipart/form-data'], params: schema.idParams, response: { 200: schema.recordDetail, ...errors(400, 401, 403, 404, 409, 413, 415) } },
      config: { access: manage },
    },
    async (req) => {
      const part = await filePart(ctx, req);
      return service.attachDecision(ctx, req.actor, req.params.id, { source: part.file, fileName: part.filename });
    },
  );
  r.post(
    `${base}/:id/publish`,
    { schema: { tags, summary: 'Publish a draft: the public sees it and the credit platform receives it (a distrust record needs its decision document)', params: schema.idParams, response: { 200: schema.recordDetail, ...errors(401, 403, 404, 409, 422) } }, config: { access: manage } },
    async (req) => service.publish(ctx, req.actor, req.params.id),
  );
  r.post(
    `${base}/:id/revoke`,
    { schema: { tags, summary: 'Revoke a record (entered in error, decision set aside) or discard a draft, with the reason', params: schema.idParams, body: schema.reasonBody, response: { 200: schema.recordDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.revoke(ctx, req.actor, req.params.id, req.body.reason),
  );
  r.post(
    `${base}/:id/end`,
    { schema: { tags, summary: 'End a trust record early, with the reason', params: schema.idParams, body: schema.reasonBody, response: { 200: schema.recordDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.end(ctx, req.actor, req.params.id, req.body.reason),
  );
  r.post(
    `${base}/:id/repair/approve`,
    { schema: { tags, summary: 'Approve the credit repair: publication ends today', params: schema.idParams, body: schema.noteBody, response: { 200: schema.recordDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.approveRepair(ctx, req.actor, req.params.id, req.body.note),
  );
  r.post(
    `${base}/:id/repair/refuse`,
    { schema: { tags, summary: 'Refuse the credit repair with the reasons; publication continues', params: schema.idParams, body: schema.reasonBody, response: { 200: schema.recordDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.refuseRepair(ctx, req.actor, req.params.id, req.body.reason),
  );
  r.get(
    `${base}/:id/files/:fileId`,
    { schema: { tags, summary: 'Download a file of the record (as an attachment)', params: schema.fileParams, response: { 200: z.any().describe('The file'), ...errors(401, 403, 404) } }, config: { access: read } },
    async (req, reply) => {
      const { row, stream } = await service.openRecordFile(ctx, req.actor, req.params.id, req.params.fileId);
      return reply.header('content-type', row.mime).header('content-length', String(row.size)).header('content-disposition', disposition(row.name)).header('cache-control', 'private, no-store').send(stream);
    },
  );

  r.get(
    '/api/protection/credit/rules',
    { schema: { tags, summary: 'The credit-repair rule (minimum publication months) and the “ending soon” window', response: { 200: schema.rulesView, ...errors(401, 403) } }, config: { access: [read, repair] } },
    async () => service.rules(ctx.db),
  );
  r.put(
    '/api/protection/credit/rules',
    { schema: { tags, summary: 'Change the credit-repair rule (city office)', body: schema.rulesBody, response: { 200: schema.rulesView, ...errors(400, 401, 403) } }, config: { access: 'protection.settings' } },
    async (req) => service.saveRules(ctx, req.actor, req.body),
  );

  r.get(
    '/api/protection/credit/export',
    {
      schema: { tags, summary: 'The signed bundle for the public credit platform as a .zip: records.json, records.csv, manifest.json, manifest.sig (HMAC-SHA256), manifest.ed25519.sig', querystring: schema.exportQuery, response: { 200: z.any().describe('application/zip'), ...errors(400, 401, 403) } },
      config: { access: 'credit.export' },
    },
    async (req, reply) => {
      const bundle = await service.exportBundle(ctx, req.actor, req.query.since);
      const zip = zipFiles(bundle.files, ctx.clock.now());
      return reply.header('content-type', 'application/zip').header('content-disposition', disposition(`${bundle.fileName}.zip`)).header('cache-control', 'no-store').send(zip);
    },
  );

  r.get(
    '/api/protection/credit/export/last',
    { schema: { tags, summary: 'The last bundle exported (its cursor range) and the feed position now', response: { 200: schema.lastExportView, ...errors(401, 403) } }, config: { access: 'credit.export' } },
    async () => service.lastExport(ctx),
  );

  r.get(
    '/api/protection/credit/mine',
    { schema: { tags, summary: 'The firm’s own published credit records and its repair applications', response: { 200: schema.mineView, ...errors(401, 403) } }, config: { access: repair } },
    async (req) => service.mine(ctx, req.actor),
  );
  r.post(
    '/api/protection/credit/mine/:id/repair',
    { schema: { tags, summary: 'Apply for credit repair of a published distrust record once its minimum publication period has passed', params: schema.idParams, body: schema.repairBody, response: { 200: schema.mineView, ...errors(400, 401, 403, 404, 409, 422) } }, config: { access: repair } },
    async (req) => service.applyRepair(ctx, req.actor, req.params.id, req.body),
  );
  r.get(
    '/api/protection/credit/mine/:id/files/:fileId',
    { schema: { tags, summary: 'Download a file of one of the firm’s own records', params: schema.fileParams, response: { 200: z.any().describe('The file'), ...errors(401, 403, 404) } }, config: { access: repair } },
    async (req, reply) => {
      const { row, stream } = await service.openMineFile(ctx, req.actor, req.params.id, req.params.fileId);
      return reply.header('content-type', row.mime).header('content-length', String(row.size)).header('content-disposition', disposition(row.name)).header('cache-control', 'private, no-store').send(stream);
    },
  );

  r.get(
    '/api/credit/feed',
    {
      schema: {
        tags: ['credit platform'],
        summary: 'Changes of published credit records after a cursor, in order (bearer token of the credit platform); drafts never appear',
        querystring: schema.feedQuery,
        response: { 200: schema.feedView, ...errors(400, 401, 403) },
        security: [{ bearer: [] }],
      },
      config: { access: 'credit.feed' },
    },
    async (req) => service.feed(ctx, req.actor, req.query),
  );

  const publicLimit = { max: ctx.config.publicRateLimit * 6, timeWindow: '1 minute' };
  r.get(
    '/api/public/credit',
    { schema: { tags: ['public'], summary: 'Credit records being published now: 守信 or 失信, by name or credit code', querystring: schema.publicQuery, response: { 200: schema.publicList, ...errors(400, 429) } }, config: { access: 'public', rateLimit: publicLimit } },
    async (req) => service.publicList(ctx, req.query),
  );
  r.get(
    '/api/public/credit/export-key',
    { schema: { tags: ['public'], summary: 'The Ed25519 public key that signs credit export bundles', response: { 200: schema.exportKeyView, ...errors(429) } }, config: { access: 'public', rateLimit: publicLimit } },
    async () => service.exportKey(ctx),
  );
}
