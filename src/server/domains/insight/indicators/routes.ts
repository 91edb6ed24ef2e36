import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function indicatorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['analysis: indicators'];

  r.get(
    '/api/insight/indicators',
    {
      schema: {
        tags,
        summary: 'Every indicator for the city and each area in scope, for a year, with formula, count, denominator, target and the list behind it',
        querystring: schema.indicatorQuery,
        response: { 200: schema.indicatorTable, ...errors(400, 401, 403, 404) },
      },
      config: { access: 'insight.read' },
    },
    async (req) => service.indicatorTable(ctx, req.actor, req.query),
  );

  r.put(
    '/api/insight/targets/:indicator/:area/:year',
    {
      schema: { tags, summary: 'Set the target of an indicator for an area and year', params: schema.targetParams, body: schema.targetBody, response: { 200: schema.targetView, ...errors(400, 401, 403, 404) } },
      config: { access: 'insight.targets' },
    },
    async (req) => service.saveTarget(ctx, req.actor, req.params.indicator, req.params.area, req.params.year, req.body),
  );

  r.delete(
    '/api/insight/targets/:indicator/:area/:year',
    { schema: { tags, summary: 'Remove a target', params: schema.targetParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors(401, 403, 404) } }, config: { access: 'insight.targets' } },
    async (req) => {
      await service.deleteTarget(ctx, req.actor, req.params.indicator, req.params.area, req.params.year);
      return { ok: true as const };
    },
  );
}
