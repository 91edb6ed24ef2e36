import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

/** Boundaries of the ten counties and districts (data/reference/README.md names the source). */
const COUNTY_MAP = JSON.parse(readFileSync(new URL('../../../../../data/reference/xinyang-counties.geojson', import.meta.url), 'utf8')) as { type: 'FeatureCollection'; features: unknown[] };

export default function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  r.get(
    '/api/insight/county-map',
    {
      schema: {
        tags: ['analysis: dashboards'],
        summary: 'GeoJSON of Xinyang’s counties and districts (properties adcode, name) for the dashboard map; internal analysis only',
        response: { 200: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).passthrough(), ...errors(401, 403) },
      },
      config: { access: 'insight.read' },
    },
    async (_req, reply) => reply.header('cache-control', 'private, max-age=86400').send(COUNTY_MAP),
  );
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
