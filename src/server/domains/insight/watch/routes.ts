import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import { jobView } from '../../../jobs/schema';
import { toJobView } from '../../../jobs/view';
import * as schema from './schema';
import * as service from './service';

export default function watchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['analysis: watch lists and alerts'];

  r.get(
    '/api/insight/watches',
    { schema: { tags, summary: 'What I watch', response: { 200: z.array(schema.watchView), ...errors(401, 403) } }, config: { access: 'alerts.read' } },
    async (req) => service.listWatches(ctx, req.actor),
  );
  r.post(
    '/api/insight/watches',
    { schema: { tags, summary: 'Watch a holder, an IPC area, words, a patent or a trademark', body: schema.watchBody, response: { 201: schema.watchView, ...errors(400, 401, 403, 404, 409) } }, config: { access: 'alerts.read' } },
    async (req, reply) => reply.code(201).send(await service.addWatch(ctx, req.actor, req.body)),
  );
  r.delete(
    '/api/insight/watches/:id',
    { schema: { tags, summary: 'Stop watching', params: schema.idParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors(401, 403, 404) } }, config: { access: 'alerts.read' } },
    async (req) => {
      await service.removeWatch(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/insight/alerts',
    { schema: { tags, summary: 'My alerts, unread first, with counts by kind', querystring: schema.alertQuery, response: { 200: schema.alertPage, ...errors(400, 401, 403) } }, config: { access: 'alerts.read' } },
    async (req) => service.listAlerts(ctx, req.actor, req.query),
  );
  r.post(
    '/api/insight/alerts/read',
    { schema: { tags, summary: 'Mark my alerts read (the given ones, or all)', body: schema.readBody, response: { 200: z.object({ marked: z.number().int() }), ...errors(400, 401, 403) } }, config: { access: 'alerts.read' } },
    async (req) => service.markAlertsRead(ctx, req.actor, req.body.ids ?? null),
  );
  r.post(
    '/api/insight/alert-scans',
    { schema: { tags, summary: 'Run the alert scan now (it also runs every day)', response: { 202: jobView, ...errors(401, 403) } }, config: { access: 'alerts.scan' } },
    async (req, reply) => reply.code(202).send(toJobView(await service.requestScan(ctx, req.actor))),
  );
}
