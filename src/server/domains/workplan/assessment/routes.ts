import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { disposition, errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';
import { assessmentWorkbook } from './sheet';

export default function assessmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['workplan: assessment'];
  const read = 'assessment.read' as const;
  const manage = 'assessment.manage' as const;
  const base = '/api/workplan/assessment';

  r.get(
    base,
    { schema: { tags, summary: 'Years with an assessment rubric, their status and whether published inputs changed', response: { 200: schema.yearList, ...errors(401, 403) } }, config: { access: read } },
    async () => service.listYears(ctx),
  );
  r.get(
    `${base}/:year`,
    { schema: { tags, summary: 'The year’s rubric (indicator tree, weights, rules, targets, grade bands), status, runs and the steps open to the caller', params: schema.yearParams, response: { 200: schema.rubricView, ...errors(400, 401, 403, 404) } }, config: { access: read } },
    async (req) => service.getRubric(ctx, req.actor, req.params.year),
  );
  r.put(
    `${base}/:year`,
    { schema: { tags, summary: 'Create or replace the year’s rubric (city office); the working result returns to draft; refused once published', params: schema.yearParams, body: schema.rubricBody, response: { 200: schema.rubricView, ...errors(400, 401, 403, 409) } }, config: { access: manage } },
    async (req) => service.saveRubric(ctx, req.actor, req.params.year, req.body),
  );
  r.post(
    `${base}/:year/copy`,
    { schema: { tags, summary: 'Copy another year’s rubric (indicators, targets, grade bands) into a year without one', params: schema.yearParams, body: schema.copyBody, response: { 201: schema.rubricView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.copyRubric(ctx, req.actor, req.params.year, req.body.fromYear)),
  );
  r.post(
    `${base}/:year/entries`,
    { schema: { tags, summary: 'Enter a manual score (replaces the area’s earlier one) or a bonus/deduction entry, each with its justification', params: schema.yearParams, body: schema.entryBody, response: { 200: schema.rubricView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.addEntry(ctx, req.actor, req.params.year, req.body),
  );
  r.delete(
    `${base}/:year/entries/:id`,
    { schema: { tags, summary: 'Remove an entry (before publication)', params: schema.entryParams, response: { 200: schema.rubricView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.removeEntry(ctx, req.actor, req.params.year, req.params.id),
  );
  r.post(
    `${base}/:year/compute`,
    {
      schema: {
        tags,
        summary: 'Compute the scores of every county, district and zone and keep the run with its inputs and their SHA-256; after publication this is a check that flags changed inputs and never alters the published result',
        params: schema.yearParams,
        response: { 200: schema.rubricView, ...errors(400, 401, 403, 404, 409, 422) },
      },
      config: { access: manage },
    },
    async (req) => service.compute(ctx, req.actor, req.params.year),
  );
  r.post(
    `${base}/:year/review`,
    { schema: { tags, summary: 'Mark the computed result reviewed', params: schema.yearParams, body: schema.noteBody, response: { 200: schema.rubricView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.review(ctx, req.actor, req.params.year, req.body.note ?? null),
  );
  r.post(
    `${base}/:year/return`,
    { schema: { tags, summary: 'Send a reviewed result back to draft', params: schema.yearParams, body: schema.noteBody, response: { 200: schema.rubricView, ...errors(400, 401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.returnToDraft(ctx, req.actor, req.params.year, req.body.note ?? null),
  );
  r.post(
    `${base}/:year/publish`,
    { schema: { tags, summary: 'Publish the reviewed result internally: every assessment reader in scope sees the ranking', params: schema.yearParams, response: { 200: schema.rubricView, ...errors(401, 403, 404, 409) } }, config: { access: manage } },
    async (req) => service.publish(ctx, req.actor, req.params.year),
  );
  r.get(
    `${base}/:year/results`,
    { schema: { tags, summary: 'The ranking with grades and last year’s figures (published; the city office also the working result; a county desk before publication only its own row)', params: schema.yearParams, response: { 200: schema.resultsView, ...errors(400, 401, 403, 404) } }, config: { access: read } },
    async (req) => service.results(ctx, req.actor, req.params.year),
  );
  r.get(
    `${base}/:year/areas/:code`,
    { schema: { tags, summary: 'One area’s score card: each indicator’s inputs, rule, points and drill link, with last year’s', params: schema.areaParams, response: { 200: schema.areaCardView, ...errors(400, 401, 403, 404) } }, config: { access: read } },
    async (req) => service.areaCard(ctx, req.actor, req.params.year, req.params.code),
  );
  r.get(
    `${base}/:year/export`,
    { schema: { tags, summary: 'The assessment sheet (考核评分表) as XLSX: areas × indicators, totals, grades, ranks; a second sheet with inputs and rules; an area desk gets the totals and its own detail', params: schema.yearParams, response: { 200: z.any().describe('XLSX'), ...errors(400, 401, 403, 404) } }, config: { access: read } },
    async (req, reply) => {
      const d = await service.exportData(ctx, req.actor, req.params.year);
      const buf = await assessmentWorkbook({ year: req.params.year, title: d.head.title, status: d.head.status, published: d.published, sha256: d.run.inputs_sha256, computedAt: d.run.computed_at.toISOString(), inputs: d.inputs, result: d.result, detail: d.detail });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition(`${req.params.year}年度考核评分表.xlsx`))
        .header('cache-control', 'no-store')
        .send(buf);
    },
  );

  const cbase = '/api/workplan/commendations';
  r.get(
    cbase,
    { schema: { tags, summary: 'Commendations (表彰奖励) of advanced units and individuals', querystring: schema.commendationQuery, response: { 200: schema.commendationList, ...errors(400, 401, 403) } }, config: { access: read } },
    async (req) => service.listCommendations(ctx, req.query),
  );
  r.post(
    cbase,
    { schema: { tags, summary: 'Record a commendation (city office)', body: schema.commendationBody, response: { 201: schema.commendationView, ...errors(400, 401, 403) } }, config: { access: manage } },
    async (req, reply) => reply.code(201).send(await service.createCommendation(ctx, req.actor, req.body)),
  );
  r.put(
    `${cbase}/:id`,
    { schema: { tags, summary: 'Correct a commendation', params: schema.idParams, body: schema.commendationBody, response: { 200: schema.commendationView, ...errors(400, 401, 403, 404) } }, config: { access: manage } },
    async (req) => service.updateCommendation(ctx, req.actor, req.params.id, req.body),
  );
  r.delete(
    `${cbase}/:id`,
    { schema: { tags, summary: 'Delete a commendation entered in error', params: schema.idParams, response: { 204: z.null().describe('Deleted'), ...errors(400, 401, 403, 404) } }, config: { access: manage } },
    async (req, reply) => {
      await service.deleteCommendation(ctx, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
