import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function evaluationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['workplan: protection-level evaluation'];
  const read = 'evaluation.read' as const;
  const manage = 'evaluation.manage' as const;

  r.get(
    '/api/workplan/evaluation/:year',
    { schema: { tags, summary: 'The year’s index system, manual figures and latest (or a chosen) run; a county desk sees the ranking and its own inputs', params: schema.yearParams, querystring: schema.viewQuery, response: { 200: schema.evaluationView, ...errors(400, 401, 403, 404) } }, config: { access: read } },
    async (req) => service.getEvaluation(ctx, req.actor, req.params.year, req.query.run),
  );
  r.put(
    '/api/workplan/evaluation/:year/system',
    { schema: { tags, summary: 'Save the year’s index system: dimensions and indicators with weights (each level sums to 100)', params: schema.yearParams, body: schema.systemBody, response: { 200: schema.evaluationView, ...errors(400, 401, 403) } }, config: { access: manage } },
    async (req) => service.saveSystem(ctx, req.actor, req.params.year, req.body),
  );
  r.post(
    '/api/workplan/evaluation/:year/system/default',
    { schema: { tags, summary: 'Use the default index system for the year', params: schema.yearParams, response: { 200: schema.evaluationView, ...errors(400, 401, 403) } }, config: { access: manage } },
    async (req) => service.useDefault(ctx, req.actor, req.params.year),
  );
  r.put(
    '/api/workplan/evaluation/:year/manual',
    { schema: { tags, summary: 'Enter, correct or clear manual figures per indicator and area', params: schema.yearParams, body: schema.manualBody, response: { 200: schema.evaluationView, ...errors(400, 401, 403, 404) } }, config: { access: manage } },
    async (req) => service.setManualValues(ctx, req.actor, req.params.year, req.body),
  );
  r.post(
    '/api/workplan/evaluation/:year/runs',
    { schema: { tags, summary: 'Compute the evaluation from the platform’s data and the manual figures and store the run with the hash of its inputs', params: schema.yearParams, response: { 201: schema.evaluationView, ...errors(400, 401, 403, 404) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.compute(ctx, req.actor, req.params.year)),
  );
  r.get(
    '/api/workplan/evaluation/:year/runs/:id/verify',
    { schema: { tags, summary: 'Recompute a stored run from its snapshot and compare the hash and the scores', params: schema.runParams, response: { 200: schema.verifyView, ...errors(400, 401, 403, 404) } }, config: { access: read } },
    async (req) => service.verifyRun(ctx, req.params.year, req.params.id),
  );
}
