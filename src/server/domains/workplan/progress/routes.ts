import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { disposition, errors, typed } from '../../../http/route-kit';
import { filePart } from '../../protection/evidence/routes';
import * as schema from './schema';
import * as service from './service';

export default function workplanProgressRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['workplan: assignments and progress'];
  const read = 'workplan.read' as const;
  const manage = 'workplan.manage' as const;
  const report = 'workplan.report' as const;

  r.get(
    '/api/workplan/units',
    { schema: { tags, summary: 'Units that can be given assignments: county/zone desks and member units', response: { 200: schema.unitsView, ...errors(401, 403) } }, config: { access: read } },
    async () => service.units(ctx),
  );
  r.get(
    '/api/workplan/metrics',
    { schema: { tags, summary: 'Figures the platform keeps that an indicator can be fed from', response: { 200: schema.metricsView, ...errors(401, 403) } }, config: { access: read } },
    async () => service.metrics(),
  );
  r.get(
    '/api/workplan/assignments',
    {
      schema: { tags, summary: 'Assignments in scope (a unit: its own), returned/overdue/due-soon first, with reminder counts', querystring: schema.listQuery, response: { 200: schema.assignmentList, ...errors(400, 401, 403) } },
      config: { access: read },
    },
    async (req) => service.listAssignments(ctx, req.actor, req.query),
  );
  r.post(
    '/api/workplan/assignments',
    { schema: { tags, summary: 'Give a unit its share of a task, with indicators and milestones (city office)', body: schema.createBody, response: { 201: schema.assignmentDetail, ...errors(400, 401, 403, 409) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.createAssignment(ctx, req.actor, req.body)),
  );
  r.get(
    '/api/workplan/assignments/:id',
    { schema: { tags, summary: 'One assignment: requirements, indicators with actual values, milestones, reports, history', params: schema.idParams, response: { 200: schema.assignmentDetail, ...errors(401, 403, 404) } }, config: { access: read } },
    async (req) => service.getAssignment(ctx, req.actor, req.params.id),
  );
  r.put(
    '/api/workplan/assignments/:id',
    { schema: { tags, summary: 'Change an open assignment, its indicators and milestones (city office)', params: schema.idParams, body: schema.updateBody, response: { 200: schema.assignmentDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.updateAssignment(ctx, req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/workplan/assignments/:id/cancel',
    { schema: { tags, summary: 'Cancel an open assignment, with the reason (city office)', params: schema.idParams, body: schema.cancelBody, response: { 200: schema.assignmentDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.cancelAssignment(ctx, req.actor, req.params.id, req.body.reason),
  );
  r.post(
    '/api/workplan/uploads',
    {
      schema: { tags, summary: 'Upload a file for a progress report (JPG, PNG, PDF, MP4, DOCX, XLSX by content); the report sends back its token', consumes: ['multipart/form-data'], response: { 201: schema.uploadView, ...errors(400, 401, 403, 413, 415) } },
      config: { access: report },
    },
    async (req, reply) => {
      const part = await filePart(ctx, req);
      return reply.code(201).send(await service.upload(ctx, req.actor, { source: part.file, fileName: part.filename }));
    },
  );
  r.post(
    '/api/workplan/assignments/:id/progress',
    { schema: { tags, summary: 'The responsible unit reports progress (text, figures, milestones, files)', params: schema.idParams, body: schema.progressBody, response: { 201: schema.assignmentDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: report } },
    async (req, reply) => reply.code(201).send(await service.submitProgress(ctx, req.actor, req.params.id, req.body)),
  );
  r.post(
    '/api/workplan/assignments/:id/progress/:pid/accept',
    { schema: { tags, summary: 'Accept a report: its figures and percent count; a final report completes the assignment', params: schema.progressParams, body: schema.acceptBody, response: { 200: schema.assignmentDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.acceptProgress(ctx, req.actor, req.params.id, req.params.pid, req.body.comment),
  );
  r.post(
    '/api/workplan/assignments/:id/progress/:pid/return',
    { schema: { tags, summary: 'Return a report to the unit with comments; the unit reports again', params: schema.progressParams, body: schema.returnBody, response: { 200: schema.assignmentDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.returnProgress(ctx, req.actor, req.params.id, req.params.pid, req.body.comment),
  );
  r.get(
    '/api/workplan/assignments/:id/progress/:pid/files/:fileId',
    { schema: { tags, summary: 'Download a report’s file (as an attachment)', params: schema.fileParams, response: { 200: z.any().describe('The file'), ...errors(401, 403, 404) } }, config: { access: read } },
    async (req, reply) => {
      const { row, stream } = await service.openProgressFile(ctx, req.actor, req.params.id, req.params.pid, req.params.fileId);
      return reply
        .header('content-type', row.mime)
        .header('content-length', String(row.size))
        .header('content-disposition', disposition(row.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
}
