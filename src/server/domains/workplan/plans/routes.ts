import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { disposition, errors, typed } from '../../../http/route-kit';
import { filePart } from '../../protection/evidence/routes';
import * as schema from './schema';
import * as service from './service';

export default function workplanPlanRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['workplan: plans and tasks'];
  const read = 'workplan.read' as const;
  const manage = 'workplan.manage' as const;

  r.get(
    '/api/workplan/plans',
    { schema: { tags, summary: 'Yearly plans, newest first, with completion of the assignments in the caller’s scope', response: { 200: schema.planList, ...errors(401, 403) } }, config: { access: read } },
    async (req) => service.listPlans(ctx, req.actor),
  );
  r.post(
    '/api/workplan/plans',
    { schema: { tags, summary: 'Start a yearly plan as a draft (city office)', body: schema.createBody, response: { 201: schema.planView, ...errors(400, 401, 403, 409) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.createPlan(ctx, req.actor, req.body)),
  );
  r.get(
    '/api/workplan/plans/:id',
    { schema: { tags, summary: 'A plan with its goals, tasks (with completion), document and history', params: schema.idParams, response: { 200: schema.planView, ...errors(401, 403, 404) } }, config: { access: read } },
    async (req) => service.getPlan(ctx, req.actor, req.params.id),
  );
  r.patch(
    '/api/workplan/plans/:id',
    { schema: { tags, summary: 'Edit a plan, or issue / close it (the text of an official document stays as published)', params: schema.idParams, body: schema.updateBody, response: { 200: schema.planView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.updatePlan(ctx, req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/workplan/plans/:id/copy',
    { schema: { tags, summary: 'Start another year’s plan from this one (tasks; optionally assignments, indicators and milestones)', params: schema.idParams, body: schema.copyBody, response: { 201: schema.planView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.copyPlan(ctx, req.actor, req.params.id, req.body)),
  );
  r.post(
    '/api/workplan/plans/:id/tasks',
    { schema: { tags, summary: 'Add a key task to a plan that is not an official text', params: schema.idParams, body: schema.taskBody, response: { 201: schema.planView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.addTask(ctx, req.actor, req.params.id, req.body)),
  );
  r.put(
    '/api/workplan/tasks/:id',
    { schema: { tags, summary: 'Edit a key task', params: schema.idParams, body: schema.taskBody, response: { 200: schema.planView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.updateTask(ctx, req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/workplan/tasks/:id',
    { schema: { tags, summary: 'Delete a key task that has no assignments', params: schema.idParams, response: { 200: schema.planView, ...errors(401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.deleteTask(ctx, req.actor, req.params.id),
  );
  r.post(
    '/api/workplan/plans/:id/document',
    {
      schema: { tags, summary: 'Upload the plan’s official document (PDF, DOCX…; kept with its SHA-256)', consumes: ['multipart/form-data'], params: schema.idParams, response: { 200: schema.planView, ...errors(400, 401, 403, 404, 409, 413, 415) } },
      config: { access: manage },
    },
    async (req) => {
      const part = await filePart(ctx, req);
      return service.attachDocument(ctx, req.actor, req.params.id, { source: part.file, fileName: part.filename });
    },
  );
  r.get(
    '/api/workplan/plans/:id/document',
    { schema: { tags, summary: 'Download the plan’s document', params: schema.idParams, response: { 200: z.any().describe('The file'), ...errors(401, 403, 404) } }, config: { access: read } },
    async (req, reply) => {
      const { row, stream } = await service.openDocument(ctx, req.actor, req.params.id);
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
