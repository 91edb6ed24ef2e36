import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function workplanDashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  r.get(
    '/api/workplan/dashboard',
    {
      schema: {
        tags: ['workplan: dashboard'],
        summary: 'Completion by task and by unit, the red/amber/green board, overdue and at-risk assignments (in the caller’s scope)',
        querystring: schema.dashboardQuery,
        response: { 200: schema.dashboardView, ...errors(400, 401, 403, 404) },
      },
      config: { access: 'workplan.read' },
    },
    async (req) => service.dashboard(ctx, req.actor, req.query.plan),
  );
}
