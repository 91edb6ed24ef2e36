import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function holderRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['data centre: holders'];

  r.get(
    '/api/holders',
    { schema: { tags, summary: 'Right holders (organisations and people), with their counts of rights', querystring: schema.holderQuery, response: { 200: schema.holderPage, ...errors(400, 401, 403) } }, config: { access: 'registry.read' } },
    async (req) => service.listHolders(ctx, req.query),
  );
  r.get(
    '/api/holders/:id',
    { schema: { tags, summary: 'One holder: counts of its rights by year, type and status', params: schema.holderParams, response: { 200: schema.holderDetail, ...errors(401, 403, 404) } }, config: { access: 'registry.read' } },
    async (req) => service.getHolder(ctx, req.params.id),
  );
  r.put(
    '/api/holders/:id/area',
    {
      schema: {
        tags,
        summary: 'Place a holder in a county, district or zone by hand (remembered for later imports)',
        params: schema.holderParams,
        body: schema.assignBody,
        response: { 200: z.object({ holder: schema.holderView, moved: z.object({ patents: z.number().int(), trademarks: z.number().int() }) }), ...errors(400, 401, 403, 404, 422) },
      },
      config: { access: 'registry.curate' },
    },
    async (req) => service.assignArea(ctx, req.actor, req.params.id, req.body.areaCode),
  );
}
