import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function trademarkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['data centre: trademarks'];
  r.get(
    '/api/trademarks',
    { schema: { tags, summary: 'Search the trademark register', querystring: schema.trademarkQuery, response: { 200: schema.trademarkSearchResult, ...errors(400, 401, 403) } }, config: { access: 'registry.read' } },
    async (req) => service.searchTrademarks(ctx, req.actor, req.query),
  );
  r.get(
    '/api/trademarks/:number',
    {
      schema: { tags, summary: 'One trademark by registration number (?class= picks the Nice class when several)', params: schema.trademarkParams, querystring: schema.trademarkDetailQuery, response: { 200: schema.trademarkDetail, ...errors(401, 403, 404) } },
      config: { access: 'registry.read' },
    },
    async (req) => service.getTrademark(ctx, req.actor, req.params.number, req.query.class),
  );
}
