import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import { jobView } from '../../../jobs/schema';
import { toJobView } from '../../../jobs/view';
import * as schema from './schema';
import * as service from './service';

export default function landscapeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['analysis: patent navigation'];

  r.get(
    '/api/insight/landscapes',
    { schema: { tags, summary: 'Patent-navigation projects with their latest run', response: { 200: z.array(schema.landscapeView), ...errors(401, 403) } }, config: { access: 'insight.read' } },
    async (req) => service.listLandscapes(ctx, req.actor),
  );
  r.post(
    '/api/insight/landscapes',
    {
      schema: { tags, summary: 'Define a project (IPC areas, words, years) and start its first run', body: schema.landscapeBody, response: { 201: schema.landscapeDetail, ...errors(400, 401, 403) } },
      config: { access: 'insight.landscape' },
    },
    async (req, reply) => reply.code(201).send(await service.createLandscape(ctx, req.actor, req.body)),
  );
  r.get(
    '/api/insight/landscapes/:id',
    { schema: { tags, summary: 'A project with all its runs', params: schema.idParams, response: { 200: schema.landscapeDetail, ...errors(401, 403, 404) } }, config: { access: 'insight.read' } },
    async (req) => service.getLandscape(ctx, req.actor, req.params.id),
  );
  r.put(
    '/api/insight/landscapes/:id',
    {
      schema: { tags, summary: 'Change a project’s field (its creator or the city office); past runs keep the field they ran on', params: schema.idParams, body: schema.landscapeBody, response: { 200: schema.landscapeDetail, ...errors(400, 401, 403, 404) } },
      config: { access: 'insight.landscape' },
    },
    async (req) => service.updateLandscape(ctx, req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/insight/landscapes/:id',
    { schema: { tags, summary: 'Delete a project and its runs', params: schema.idParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors(401, 403, 404) } }, config: { access: 'insight.landscape' } },
    async (req) => {
      await service.deleteLandscape(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/insight/landscapes/:id/runs',
    {
      schema: { tags, summary: 'Run the project again on the register as it is now', params: schema.idParams, response: { 202: z.object({ runId: z.number().int(), job: jobView }), ...errors(401, 403, 404, 422) } },
      config: { access: 'insight.landscape' },
    },
    async (req, reply) => {
      const { runId, job } = await service.startRun(ctx, req.actor, req.params.id);
      return reply.code(202).send({ runId, job: toJobView(job) });
    },
  );
  r.get(
    '/api/insight/landscape-runs/:id',
    { schema: { tags, summary: 'One run: the field it ran on and its landscape', params: schema.idParams, response: { 200: schema.runView, ...errors(401, 403, 404) } }, config: { access: 'insight.read' } },
    async (req) => service.getRun(ctx, req.params.id),
  );
}
