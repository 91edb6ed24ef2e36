import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function keyListRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['protection: key-protection list'];
  const apply = 'protection.keylist.apply' as const;
  const reviewAccess = 'protection.keylist.review' as const;

  r.get(
    '/api/protection/key-list/mine',
    { schema: { tags, summary: 'The firm’s own page: the rights the register holds for its credit code and its applications', response: { 200: schema.mineView, ...errors(401, 403) } }, config: { access: apply } },
    async (req) => service.mine(ctx, req.actor),
  );
  r.post(
    '/api/protection/key-list/applications',
    { schema: { tags, summary: 'Apply to the key-protection list with the firm’s key rights', body: schema.applicationBody, response: { 201: schema.applicationView, ...errors(400, 401, 403, 409) } }, config: { access: apply } },
    async (req, reply) => reply.code(201).send(await service.apply(ctx, req.actor, req.body)),
  );
  r.put(
    '/api/protection/key-list/applications/:id',
    { schema: { tags, summary: 'Edit a returned application and send it again', params: schema.idParams, body: schema.applicationBody, response: { 200: schema.applicationView, ...errors(400, 401, 403, 404, 409) } }, config: { access: apply } },
    async (req) => service.resubmit(ctx, req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/protection/key-list/applications/:id/withdraw',
    { schema: { tags, summary: 'Withdraw an application not yet passed by the county', params: schema.idParams, response: { 200: schema.applicationView, ...errors(401, 403, 404, 409) } }, config: { access: apply } },
    async (req) => service.withdraw(ctx, req.actor, req.params.id),
  );

  r.get(
    '/api/protection/key-list/applications',
    { schema: { tags, summary: 'Applications and listed firms of one’s area (the city office: all)', querystring: schema.listQuery, response: { 200: schema.applicationList, ...errors(400, 401, 403) } }, config: { access: reviewAccess } },
    async (req) => service.list(ctx, req.actor, req.query),
  );
  r.get(
    '/api/protection/key-list/applications/:id',
    { schema: { tags, summary: 'One application with its rights, history and the steps the caller may take', params: schema.idParams, response: { 200: schema.applicationView, ...errors(401, 403, 404) } }, config: { access: reviewAccess } },
    async (req) => service.get(ctx, req.actor, req.params.id),
  );
  r.post(
    '/api/protection/key-list/applications/:id/county-pass',
    { schema: { tags, summary: 'County pre-review: pass it to the city office', params: schema.idParams, body: schema.noteBody, response: { 200: schema.applicationView, ...errors(400, 401, 403, 404, 409) } }, config: { access: reviewAccess } },
    async (req) => service.countyPass(ctx, req.actor, req.params.id, req.body.note),
  );
  r.post(
    '/api/protection/key-list/applications/:id/return',
    { schema: { tags, summary: 'Return it to the firm with the reasons', params: schema.idParams, body: schema.returnBody, response: { 200: schema.applicationView, ...errors(400, 401, 403, 404, 409) } }, config: { access: reviewAccess } },
    async (req) => service.returnEntry(ctx, req.actor, req.params.id, req.body.reason),
  );
  r.post(
    '/api/protection/key-list/applications/:id/approve',
    { schema: { tags, summary: 'City office: list the firm for a year and publish it; its rights are then followed for the firm and its desk', params: schema.idParams, body: schema.noteBody, response: { 200: schema.applicationView, ...errors(400, 401, 403, 404, 409) } }, config: { access: reviewAccess } },
    async (req) => service.approve(ctx, req.actor, req.params.id, req.body.note),
  );
  r.post(
    '/api/protection/key-list/applications/:id/review',
    { schema: { tags, summary: 'City office, yearly: renew the listing for a year, or remove the firm with the reason', params: schema.idParams, body: schema.reviewBody, response: { 200: schema.applicationView, ...errors(400, 401, 403, 404, 409) } }, config: { access: reviewAccess } },
    async (req) => service.review(ctx, req.actor, req.params.id, req.body.decision, req.body.reason),
  );

  r.get(
    '/api/public/key-list',
    { schema: { tags: ['public'], summary: 'The published key-protection list: firm, county, industry, protected rights', querystring: schema.publicQuery, response: { 200: schema.publicList, ...errors(400, 429) } }, config: { access: 'public', rateLimit: { max: ctx.config.publicRateLimit * 6, timeWindow: '1 minute' } } },
    async (req) => service.publicList(ctx, req.query),
  );
}
