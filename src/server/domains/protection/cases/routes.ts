import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { invalid } from '../../../errors';
import { disposition, errors, typed } from '../../../http/route-kit';
import { filePart } from '../evidence/routes';
import { importCases, templateXlsx } from './import';
import * as schema from './schema';
import * as service from './service';

/**
 * 案件信息共享. Partners (court, procuratorate, police) use the same routes from the web app or with
 * an API token (Authorization: Bearer …) of their organisation.
 */
export default function caseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['protection: case sharing'];
  const read = 'cases.read' as const;
  const record = 'cases.record' as const;

  r.get(
    '/api/cases',
    { schema: { tags, summary: 'Cases the caller may see: officers by area, partners their own records and what is linked or transferred to them', querystring: schema.listQuery, response: { 200: schema.caseList, ...errors(400, 401, 403) } }, config: { access: read } },
    async (req) => service.listCases(ctx, req.actor, req.query),
  );
  r.get(
    '/api/cases/stats',
    { schema: { tags, summary: 'Counts by source, right type and area; case numbers held by more than one source; transfers', response: { 200: schema.statsView, ...errors(401, 403) } }, config: { access: read } },
    async (req) => service.stats(ctx, req.actor),
  );
  r.post(
    '/api/cases',
    {
      schema: { tags, summary: 'Record a case; the same source recording the same case number again updates its record (200)', body: schema.caseBody, response: { 201: schema.caseDetail, 200: schema.caseDetail, ...errors(400, 401, 403) } },
      config: { access: record },
    },
    async (req, reply) => {
      const { detail, created } = await service.recordCase(ctx, req.actor, req.body, req.actor.kind === 'token' ? 'api' : 'form');
      return reply.code(created ? 201 : 200).send(detail);
    },
  );
  r.get(
    '/api/cases/import/template',
    { schema: { tags, summary: 'The import template (XLSX): the columns, an example row and how to fill each column', response: { 200: z.any().describe('XLSX file') } }, config: { access: record } },
    async (_req, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition('案件信息导入模板.xlsx'))
        .send(await templateXlsx()),
  );
  r.post(
    '/api/cases/import',
    {
      schema: { tags, summary: 'Import cases from a CSV or XLSX file in the template’s layout; one bad row stores nothing and every bad row is named', consumes: ['multipart/form-data'], response: { 200: schema.importResult, ...errors(400, 401, 403, 413, 415) } },
      config: { access: record },
    },
    async (req) => {
      if (!req.isMultipart()) throw invalid({ zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' }, [{ field: 'file' }]);
      const part = await req.file({ limits: { fileSize: ctx.config.importMaxBytes + 1, files: 1 } });
      if (!part) throw invalid({ zh: '没有收到文件', en: 'No file received' }, [{ field: 'file' }]);
      return importCases(ctx, req.actor, { source: part.file, fileName: part.filename });
    },
  );
  r.get(
    '/api/cases/transfer-targets',
    { schema: { tags, summary: 'Police organisations a case can be transferred to', response: { 200: schema.transferTargets, ...errors(401, 403) } }, config: { access: 'cases.transfer' } },
    async () => service.transferTargets(ctx),
  );
  r.get(
    '/api/cases/transfers/incoming',
    { schema: { tags, summary: 'Cases transferred to the caller’s organisation (the police), waiting ones first', response: { 200: schema.transferList, ...errors(401, 403) } }, config: { access: record } },
    async (req) => service.incomingTransfers(ctx, req.actor),
  );
  r.post(
    '/api/cases/transfers/:transferId/receive',
    { schema: { tags, summary: 'Police: receive a transferred case with the receipt number (受案回执), optionally linking the police case', params: schema.transferParams, body: schema.receiveBody, response: { 200: schema.transferView, ...errors(400, 401, 403, 404, 409) } }, config: { access: record } },
    async (req) => service.answerTransfer(ctx, req.actor, req.params.transferId, { kind: 'received', body: req.body }),
  );
  r.post(
    '/api/cases/transfers/:transferId/refuse',
    { schema: { tags, summary: 'Police: refuse a transferred case, with the reason', params: schema.transferParams, body: schema.refuseBody, response: { 200: schema.transferView, ...errors(400, 401, 403, 404, 409) } }, config: { access: record } },
    async (req) => service.answerTransfer(ctx, req.actor, req.params.transferId, { kind: 'refused', body: req.body }),
  );
  r.get(
    '/api/cases/:id',
    { schema: { tags, summary: 'One case: parties (persons masked), rights, the same number from other sources, linked cases, transfers, files, history', params: schema.idParams, response: { 200: schema.caseDetail, ...errors(401, 403, 404) } }, config: { access: read } },
    async (req) => service.getCase(ctx, req.actor, req.params.id),
  );
  r.put(
    '/api/cases/:id',
    { schema: { tags, summary: 'The recording organisation updates its case (stage, result, dates); the case number stays', params: schema.idParams, body: schema.caseBody, response: { 200: schema.caseDetail, ...errors(400, 401, 403, 404) } }, config: { access: record } },
    async (req) => service.updateCase(ctx, req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/links',
    { schema: { tags, summary: 'Link two cases (e.g. an administrative case and the criminal case that followed)', params: schema.idParams, body: schema.linkBody, response: { 200: schema.caseDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: 'cases.transfer' } },
    async (req) => service.linkCases(ctx, req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/transfer',
    { schema: { tags, summary: 'Transfer an administrative case to the police (移送); the police are told and answer with a receipt', params: schema.idParams, body: schema.transferBody, response: { 200: schema.caseDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: 'cases.transfer' } },
    async (req) => service.transferCase(ctx, req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/files',
    { schema: { tags, summary: 'Attach a document (judgment, decision, transfer papers); entered in the case’s evidence chain', consumes: ['multipart/form-data'], params: schema.idParams, response: { 200: schema.caseDetail, ...errors(400, 401, 403, 404, 413, 415) } }, config: { access: record } },
    async (req) => {
      const part = await filePart(ctx, req);
      return service.attachFile(ctx, req.actor, req.params.id, { source: part.file, fileName: part.filename });
    },
  );
  r.get(
    '/api/cases/:id/files/:fileId',
    { schema: { tags, summary: 'Download an attached file (as an attachment)', params: schema.fileParams, response: { 200: z.any().describe('The file'), ...errors(401, 403, 404) } }, config: { access: read } },
    async (req, reply) => {
      const { row, stream } = await service.openCaseFile(ctx, req.actor, req.params.id, req.params.fileId);
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
    '/api/cases/:id/reveal',
    { schema: { tags, summary: 'Natural persons’ names in clear (the recording organisation, or roles allowed to see them); audited', params: schema.idParams, response: { 200: schema.revealed, ...errors(401, 403, 404) } }, config: { access: read } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.reveal(ctx, req.actor, req.params.id);
    },
  );
}
