import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function tokenRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['api tokens'];

  r.get(
    '/api/orgs/:id/tokens',
    { schema: { tags, summary: 'API tokens of an organisation', params: schema.orgParams, response: { 200: z.array(schema.tokenView), ...errors(401, 403, 404) } }, config: { access: 'token.manage' } },
    async (req) => service.listTokens(ctx, req.actor, req.params.id),
  );
  r.post(
    '/api/orgs/:id/tokens',
    {
      schema: { tags, summary: 'Issue an API token (the token is in this response only)', params: schema.orgParams, body: schema.tokenCreate, response: { 201: schema.issuedToken, ...errors(400, 401, 403, 404, 422) } },
      config: { access: 'token.manage' },
    },
    async (req, reply) => reply.code(201).send(await service.issueToken(ctx, req.actor, req.params.id, req.body)),
  );
  r.post(
    '/api/tokens/:tokenId/revoke',
    { schema: { tags, summary: 'Revoke an API token', params: schema.tokenParams, response: { 200: schema.tokenView, ...errors(401, 403, 404) } }, config: { access: 'token.manage' } },
    async (req) => service.revokeToken(ctx, req.actor, req.params.tokenId),
  );
}
