import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  r.get(
    '/api/insight/dashboard',
    {
      schema: {
        tags: ['analysis: dashboards'],
        summary: 'The city or county dashboard for a year range, patent types and industry; every figure carries the link to its record list',
        querystring: schema.dashboardQuery,
        response: { 200: schema.dashboard, ...errors(400, 401, 403, 404) },
      },
      config: { access: 'insight.read' },
    },
    async (req) => service.dashboard(ctx, req.actor, req.query),
  );
}
