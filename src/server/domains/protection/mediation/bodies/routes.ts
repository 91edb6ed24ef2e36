import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context';
import { errors, typed } from '../../../../http/route-kit';
import * as schema from '../schema';
import * as service from './service';

/** The directory of mediation, arbitration and notary bodies and their mediators. */
export default function mediationBodyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['protection: mediation directory'];
  const manage = 'mediation.directory' as const;

  r.get(
    '/api/protection/mediation/bodies',
    {
      schema: { tags, summary: 'Mediation, arbitration and notary bodies with their mediators (phones masked); the courts and handlers a case may go to', response: { 200: schema.directoryView, ...errors(401, 403) } },
      config: { access: ['mediation.handle', 'mediation.directory'] },
    },
    async (req) => service.directory(ctx, req.actor),
  );
  r.post(
    '/api/protection/mediation/bodies',
    { schema: { tags, summary: 'Add a body to the directory (city office)', body: schema.bodyBody, response: { 201: schema.bodyView, ...errors(400, 401, 403, 409) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.createBody(ctx, req.actor, req.body)),
  );
  r.put(
    '/api/protection/mediation/bodies/:id',
    { schema: { tags, summary: 'Edit a body, or deactivate it (active: false); its past cases keep it', params: schema.idParams, body: schema.bodyBody, response: { 200: schema.bodyView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.updateBody(ctx, req.actor, req.params.id, req.body),
  );
  r.post(
    '/api/protection/mediation/bodies/:id/mediators',
    { schema: { tags, summary: 'Add a mediator to a body; the phone is sealed', params: schema.idParams, body: schema.mediatorBody, response: { 201: schema.bodyView, ...errors(400, 401, 403, 404) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.createMediator(ctx, req.actor, req.params.id, req.body)),
  );
  r.put(
    '/api/protection/mediation/mediators/:mediatorId',
    { schema: { tags, summary: 'Edit or deactivate a mediator; a phone left out keeps the one on file', params: schema.mediatorParams, body: schema.mediatorBody, response: { 200: schema.bodyView, ...errors(400, 401, 403, 404) } }, config: { access: manage } },
    async (req) => service.updateMediator(ctx, req.actor, req.params.mediatorId, req.body),
  );
  r.post(
    '/api/protection/mediation/mediators/:mediatorId/reveal',
    { schema: { tags, summary: 'A mediator’s phone in clear (recorded in the audit log)', params: schema.mediatorParams, response: { 200: schema.mediatorRevealed, ...errors(401, 403, 404) } }, config: { access: 'protection.reveal' } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.revealMediator(ctx, req.actor, req.params.mediatorId);
    },
  );
}
