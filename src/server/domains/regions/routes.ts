import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errors, typed } from '../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function regionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['areas'];

  r.get(
    '/api/areas',
    { schema: { tags, summary: 'Xinyang, its counties and districts and its zones, with the latest population figure', response: { 200: z.array(schema.areaView), ...errors(401, 403) } }, config: { access: 'area.read' } },
    async (req) => service.listAreas(ctx, req.actor),
  );
  r.get(
    '/api/areas/:code',
    { schema: { tags, summary: 'One area and its population by year', params: schema.areaParams, response: { 200: schema.areaDetail, ...errors(401, 403, 404) } }, config: { access: 'area.read' } },
    async (req) => service.getArea(ctx, req.actor, req.params.code),
  );
  r.put(
    '/api/areas/:code/population/:year',
    {
      schema: { tags, summary: 'Enter or correct a population figure (own area only)', params: schema.figureParams, body: schema.figureBody, response: { 200: schema.populationFigure.nullable(), ...errors(400, 401, 403, 404) } },
      config: { access: 'population.edit' },
    },
    async (req) => service.saveFigure(ctx, req.actor, 'population', req.params.code, req.params.year, { ...req.body, value: req.body.population }),
  );
  r.delete(
    '/api/areas/:code/population/:year',
    { schema: { tags, summary: 'Remove a population figure (own area only)', params: schema.figureParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors(401, 403, 404) } }, config: { access: 'population.edit' } },
    async (req) => {
      await service.deleteFigure(ctx, req.actor, 'population', req.params.code, req.params.year);
      return { ok: true as const };
    },
  );

  r.put(
    '/api/areas/:code/market-entities/:year',
    {
      schema: { tags, summary: 'Enter or correct the count of registered market entities (own area only)', params: schema.figureParams, body: schema.entityBody, response: { 200: schema.entityFigure.nullable(), ...errors(400, 401, 403, 404) } },
      config: { access: 'population.edit' },
    },
    async (req) => service.saveFigure(ctx, req.actor, 'entities', req.params.code, req.params.year, { ...req.body, value: req.body.entities }),
  );
  r.delete(
    '/api/areas/:code/market-entities/:year',
    { schema: { tags, summary: 'Remove a market-entity count (own area only)', params: schema.figureParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors(401, 403, 404) } }, config: { access: 'population.edit' } },
    async (req) => {
      await service.deleteFigure(ctx, req.actor, 'entities', req.params.code, req.params.year);
      return { ok: true as const };
    },
  );
}
