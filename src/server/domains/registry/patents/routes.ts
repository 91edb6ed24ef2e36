import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import { z } from 'zod';
import { exportCount, exportPatents } from './export';
import * as schema from './schema';
import * as service from './service';

export default function patentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['data centre: patents'];

  r.get(
    '/api/patents',
    {
      schema: {
        tags,
        summary: 'Search the patent register in Chinese, with filters and facet counts',
        description: 'q matches title, abstract, holders and inventors (2-character words work); a q that is an application or publication number in any spelling is looked up exactly.',
        querystring: schema.patentQuery,
        response: { 200: schema.patentSearchResult, ...errors(400, 401, 403) },
      },
      config: { access: 'registry.read' },
    },
    async (req) => service.searchPatents(ctx, req.actor, req.query),
  );

  r.get(
    '/api/patents/export',
    {
      schema: {
        tags,
        summary: 'Export a search result (up to 100,000 rows) as XLSX or CSV, streamed',
        querystring: schema.patentQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
      config: { access: 'registry.export' },
    },
    async (req, reply) => {
      const { format, ...query } = req.query;
      return exportPatents(ctx, req.actor, query, format, reply);
    },
  );

  r.get(
    '/api/patents/export/count',
    {
      schema: {
        tags,
        summary: 'How many rows an export of this search would hold, before downloading it (counted up to 100,001)',
        querystring: schema.patentQuery,
        response: { 200: z.object({ rows: z.number().int(), limit: z.number().int(), allowed: z.boolean() }), ...errors(400, 401, 403) },
      },
      config: { access: 'registry.export' },
    },
    async (req) => exportCount(ctx, req.actor, req.query),
  );

  r.get(
    '/api/patents/:number',
    {
      schema: {
        tags,
        summary: 'One patent by application, publication or grant number (any common spelling)',
        params: schema.numberParams,
        response: { 200: schema.patentDetail, ...errors(401, 403, 404) },
      },
      config: { access: 'registry.read' },
    },
    async (req) => service.getPatent(ctx, req.actor, req.params.number),
  );
}
