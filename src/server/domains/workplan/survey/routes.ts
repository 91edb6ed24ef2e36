import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Permission } from '../../../../shared/roles';
import { anonymousActor } from '../../../actor';
import type { AppContext } from '../../../context';
import { isSecure } from '../../../http/auth';
import { disposition, errors, typed } from '../../../http/route-kit';
import { csv, workbook } from './export';
import * as schema from './schema';
import * as service from './service';

/** Who reads surveys and results: the city office, and leaders, auditors and county desks (their area). */
const READERS: Permission[] = ['survey.manage', 'evaluation.read', 'assessment.read'];
const DEVICE_MAX_AGE = 400 * 86_400;
// Behind HTTPS the cookie carries the __Host- prefix, like the session cookie.
const SECURE_DEVICE_COOKIE = `__Host-${service.DEVICE_COOKIE}`;
const deviceOf = (req: FastifyRequest) => req.cookies[SECURE_DEVICE_COOKIE] ?? req.cookies[service.DEVICE_COOKIE];

export default function surveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['workplan: satisfaction surveys'];
  const publicTags = ['public'];

  r.get(
    '/api/workplan/surveys',
    { schema: { tags, summary: 'Surveys, newest year first', querystring: schema.listQuery, response: { 200: schema.surveyList, ...errors(400, 401, 403) } }, config: { access: READERS } },
    async (req) => service.listSurveys(ctx, req.actor, req.query),
  );
  r.post(
    '/api/workplan/surveys',
    { schema: { tags, summary: 'Create a draft questionnaire', body: schema.surveyBody, response: { 201: schema.surveyView, ...errors(400, 401, 403) } }, config: { access: 'survey.manage' } },
    async (req, reply) => reply.code(201).send(await service.createSurvey(ctx, req.actor, req.body)),
  );
  r.post(
    '/api/workplan/surveys/template',
    {
      schema: { tags, summary: 'Create a draft from the CNIPA-style questionnaire (five first-level indicators), or a blank draft', body: schema.templateBody, response: { 201: schema.surveyView, ...errors(400, 401, 403) } },
      config: { access: 'survey.manage' },
    },
    async (req, reply) => reply.code(201).send(await service.createFromTemplate(ctx, req.actor, req.body)),
  );
  r.get(
    '/api/workplan/surveys/:id',
    { schema: { tags, summary: 'One survey with its questions and the steps the caller may take', params: schema.idParams, response: { 200: schema.surveyView, ...errors(401, 403, 404) } }, config: { access: READERS } },
    async (req) => service.getSurvey(ctx, req.actor, req.params.id),
  );
  r.put(
    '/api/workplan/surveys/:id',
    {
      schema: { tags, summary: 'Save the whole questionnaire (drafts only: 409 once published)', params: schema.idParams, body: schema.surveyBody, response: { 200: schema.surveyView, ...errors(400, 401, 403, 404, 409) } },
      config: { access: 'survey.manage' },
    },
    async (req) => service.updateSurvey(ctx, req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/workplan/surveys/:id',
    { schema: { tags, summary: 'Delete a draft', params: schema.idParams, response: { 204: z.null(), ...errors(401, 403, 404, 409) } }, config: { access: 'survey.manage' } },
    async (req, reply) => {
      await service.deleteSurvey(ctx, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/workplan/surveys/:id/publish',
    {
      schema: { tags, summary: 'Publish (draft → published): the public link answers within the period', params: schema.idParams, body: z.object({}), response: { 200: schema.surveyView, ...errors(401, 403, 404, 409, 422) } },
      config: { access: 'survey.manage' },
    },
    async (req) => service.publish(ctx, req.actor, req.params.id),
  );
  r.post(
    '/api/workplan/surveys/:id/close',
    { schema: { tags, summary: 'Close (published → closed): no more answers', params: schema.idParams, body: z.object({}), response: { 200: schema.surveyView, ...errors(401, 403, 404, 409) } }, config: { access: 'survey.manage' } },
    async (req) => service.close(ctx, req.actor, req.params.id),
  );
  r.get(
    '/api/workplan/surveys/:id/results',
    {
      schema: { tags, summary: 'Counts, distributions, Likert means, indicator scores and the index per county and respondent type, with the national reference', params: schema.idParams, response: { 200: schema.resultsView, ...errors(401, 403, 404, 409) } },
      config: { access: READERS },
    },
    async (req) => service.results(ctx, req.actor, req.params.id),
  );
  r.get(
    '/api/workplan/surveys/:id/export',
    {
      schema: { tags, summary: 'Responses (and, in XLSX, the index sheet) as XLSX or CSV; recorded in the audit log', params: schema.idParams, querystring: schema.exportQuery, response: { 200: z.any().describe('The file'), ...errors(401, 403, 404, 409) } },
      config: { access: READERS },
    },
    async (req, reply) => {
      const { format } = req.query;
      const data = await service.exportRows(ctx, req.actor, req.params.id, format);
      const answers = { name: '答卷', headers: data.headers, rows: data.rows };
      const body = format === 'csv' ? csv(answers) : await workbook([{ name: '满意度指数', ...service.indexSheet(await service.results(ctx, req.actor, req.params.id)) }, answers]);
      return reply
        .header('content-disposition', disposition(data.fileName))
        .header('cache-control', 'no-store')
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(body);
    },
  );
  r.get(
    '/api/workplan/surveys/:id/qr',
    { schema: { tags, summary: 'The public link as a QR code (PNG 1024 px or SVG) for posters', params: schema.idParams, querystring: schema.qrQuery, response: { 200: z.any().describe('The image'), ...errors(401, 403, 404) } }, config: { access: 'survey.manage' } },
    async (req, reply) => {
      const qr = await service.qrCode(ctx, req.params.id, `${req.protocol}://${req.host}`, req.query.format);
      return reply.header('content-disposition', disposition(qr.fileName)).header('x-content-type-options', 'nosniff').type(qr.mime).send(qr.body);
    },
  );

  r.get(
    '/api/public/surveys/:slug',
    {
      schema: { tags: publicTags, summary: 'A published questionnaire, its period and whether this device already answered', params: schema.slugParams, response: { 200: schema.publicView, ...errors(400, 404, 429) } },
      config: { access: 'public', rateLimit: { max: ctx.config.publicRateLimit * 6, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.publicSurvey(ctx, req.params.slug, deviceOf(req));
    },
  );
  r.post(
    '/api/public/surveys/:slug/responses',
    {
      schema: {
        tags: publicTags,
        summary: 'Answer anonymously (no account, no name, no phone); one response per device (cookie), rate-limited per IP; 409 outside the period or when already answered',
        params: schema.slugParams,
        body: schema.answerBody,
        response: { 201: schema.answered, ...errors(400, 404, 409, 429) },
      },
      // Several people of one firm may answer behind one address, so the limit is above the report form's.
      config: { access: 'public', rateLimit: { max: ctx.config.publicRateLimit * 3, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const given = deviceOf(req);
      const device = service.validDeviceId(given) ? given : service.newDeviceId();
      const done = await service.submitResponse(ctx, anonymousActor(null), req.params.slug, device, req.body);
      reply.setCookie(isSecure(req) ? SECURE_DEVICE_COOKIE : service.DEVICE_COOKIE, device, { httpOnly: true, sameSite: 'lax', secure: isSecure(req), path: '/', maxAge: DEVICE_MAX_AGE });
      return reply.code(201).send(done);
    },
  );
}
