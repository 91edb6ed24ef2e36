import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function orgRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['organisations'];

  r.get(
    '/api/orgs',
    { schema: { tags, summary: 'Organisations within the caller’s area', querystring: schema.orgListQuery, response: { 200: schema.orgPage, ...errors(400, 401, 403) } }, config: { access: 'org.read' } },
    async (req) => service.listOrgs(ctx, req.actor, req.query),
  );

  r.get(
    '/api/orgs/:id',
    { schema: { tags, summary: 'One organisation (404 outside the caller’s area)', params: schema.orgIdParams, response: { 200: schema.orgView, ...errors(401, 403, 404) } }, config: { access: 'org.read' } },
    async (req) => service.getOrg(ctx, req.actor, req.params.id),
  );

  r.post(
    '/api/orgs',
    { schema: { tags, summary: 'Create an organisation', body: schema.orgCreate, response: { 201: schema.orgView, ...errors(400, 401, 403, 409) } }, config: { access: 'org.manage' } },
    async (req, reply) => reply.code(201).send(await service.createOrg(ctx, req.actor, req.body)),
  );

  r.patch(
    '/api/orgs/:id',
    { schema: { tags, summary: 'Edit an organisation', params: schema.orgIdParams, body: schema.orgUpdate, response: { 200: schema.orgView, ...errors(400, 401, 403, 404, 409) } }, config: { access: 'org.manage' } },
    async (req) => service.updateOrg(ctx, req.actor, req.params.id, req.body),
  );

  r.put(
    '/api/orgs/:id/disabled',
    { schema: { tags, summary: 'Disable or re-enable an organisation', params: schema.orgIdParams, body: schema.disableBody, response: { 200: schema.orgView, ...errors(400, 401, 403, 404) } }, config: { access: 'org.manage' } },
    async (req) => service.setOrgDisabled(ctx, req.actor, req.params.id, req.body.disabled),
  );
}
