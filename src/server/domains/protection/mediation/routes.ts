import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { disposition, errors, typed } from '../../../http/route-kit';
import { filePart } from '../evidence/routes';
import mediationBodyRoutes from './bodies/routes';
import * as schema from './schema';
import * as service from './service';

export default function mediationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['protection: mediation'];
  const publicTags = ['public'];
  const handle = 'mediation.handle' as const;
  const anyParty = ['mediation.handle', 'mediation.refer', 'mediation.apply'] as const;
  const formLimit = { max: ctx.config.publicRateLimit, timeWindow: '1 minute' };

  mediationBodyRoutes(app, ctx);

  r.post(
    '/api/public/mediation',
    {
      schema: { tags: publicTags, summary: 'Ask for rights-protection assistance or mediation; returns the tracking code (shown once)', body: schema.publicBody, response: { 201: schema.submitted, ...errors(400, 429) } },
      config: { access: 'public', rateLimit: formLimit },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await service.submitPublic(ctx, req.actor, req.body));
    },
  );
  r.post(
    '/api/public/mediation/track',
    {
      schema: { tags: publicTags, summary: 'Follow a case by its tracking code (in the body, out of addresses and logs)', body: schema.trackBody, response: { 200: schema.trackView, ...errors(400, 404, 429) } },
      config: { access: 'public', rateLimit: { max: ctx.config.publicRateLimit * 2, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.track(ctx, req.body.code);
    },
  );

  r.get(
    '/api/protection/mediation/cases',
    { schema: { tags, summary: 'Cases of one’s area (the city office: all), overdue first; parties masked', querystring: schema.listQuery, response: { 200: schema.caseList, ...errors(400, 401, 403) } }, config: { access: handle } },
    async (req) => service.listCases(ctx, req.actor, req.query),
  );
  r.post(
    '/api/protection/mediation/cases',
    { schema: { tags, summary: 'Enter a case (a visit, a call, a letter); a county desk enters its own county’s', body: schema.officerCaseBody, response: { 201: schema.caseDetail, ...errors(400, 401, 403, 422) } }, config: { access: handle } },
    async (req, reply) => reply.code(201).send(await service.createByOfficer(ctx, req.actor, req.body)),
  );
  r.get(
    '/api/protection/mediation/stats',
    { schema: { tags, summary: 'Counts by state, outcome, source and area; settlement rate, average days to close, amounts', response: { 200: schema.statsView, ...errors(401, 403) } }, config: { access: handle } },
    async (req) => service.stats(ctx, req.actor),
  );
  r.get(
    '/api/protection/mediation/cases/:id',
    {
      schema: { tags, summary: 'One case with parties (masked), sessions, files, outcome and history; a court sees the cases it referred or that were sent to it, a firm those it filed', params: schema.idParams, response: { 200: schema.caseDetail, ...errors(401, 403, 404) } },
      config: { access: anyParty },
    },
    async (req) => service.getCase(ctx, req.actor, req.params.id),
  );

  r.get(
    '/api/protection/mediation/referrals',
    { schema: { tags, summary: 'The court’s referrals and the cases sent to it, with their outcomes', querystring: schema.listQuery, response: { 200: schema.referralList, ...errors(400, 401, 403) } }, config: { access: 'mediation.refer' } },
    async (req) => service.referrals(ctx, req.actor, req.query),
  );
  r.post(
    '/api/protection/mediation/referrals',
    {
      schema: {
        tags,
        summary: 'A court refers a case for pre-litigation mediation (诉前委派调解), from its page or its case system with a bearer token; one referral per court case number',
        body: schema.referralBody,
        response: { 201: schema.caseDetail, ...errors(400, 401, 403, 409) },
      },
      config: { access: 'mediation.refer' },
    },
    async (req, reply) => reply.code(201).send(await service.refer(ctx, req.actor, req.body)),
  );

  r.get(
    '/api/protection/mediation/mine',
    { schema: { tags, summary: 'The firm’s own applications and their outcomes', response: { 200: schema.mineView, ...errors(401, 403) } }, config: { access: 'mediation.apply' } },
    async (req) => service.mine(ctx, req.actor),
  );
  r.post(
    '/api/protection/mediation/applications',
    { schema: { tags, summary: 'An enterprise applies for assistance or mediation; the firm is the applicant', body: schema.applicationBody, response: { 201: schema.caseDetail, ...errors(400, 401, 403) } }, config: { access: 'mediation.apply' } },
    async (req, reply) => reply.code(201).send(await service.apply(ctx, req.actor, req.body)),
  );

  const officerOrCourt = ['mediation.handle', 'mediation.refer'] as const;
  const stepRoute = <B extends z.ZodType>(path: string, summary: string, body: B, run: (id: number, body: z.infer<B>, actor: Actor) => Promise<z.infer<typeof schema.caseDetail>>, access: typeof handle | typeof officerOrCourt = handle) =>
    r.post(
      `/api/protection/mediation/cases/:id/${path}`,
      { schema: { tags, summary, params: schema.idParams, body, response: { 200: schema.caseDetail, ...errors(400, 401, 403, 404, 409, 422) } }, config: { access } },
      async (req) => run(req.params.id, req.body as z.infer<B>, req.actor),
    );
  stepRoute('assign', 'Assign to a handler and, for mediation, a body and mediator (again to reassign); the mediation period starts', schema.assignBody, (id, b, a) => service.assign(ctx, a, id, b));
  stepRoute('transfer', 'Send the case to another area (city office)', schema.transferBody, (id, b, a) => service.transfer(ctx, a, id, b));
  stepRoute('sessions', 'Schedule a session: time, place or online, mediator, attendees', schema.scheduleBody, (id, b, a) => service.schedule(ctx, a, id, b));
  stepRoute('extend', 'Extend the mediation period with the parties’ consent, with the reason', schema.extendBody, (id, b, a) => service.extend(ctx, a, id, b));
  stepRoute('close', 'Record the outcome: settled (with the agreement), not settled, or sent to court', schema.closeBody, (id, b, a) => service.close(ctx, a, id, b));
  stepRoute('withdraw', 'The applicant withdrew: close the case with the reason', schema.withdrawBody, (id, b, a) => service.withdraw(ctx, a, id, b));
  stepRoute('confirmation/request', 'Ask the court to confirm the agreement (司法确认), within 30 days of it', schema.confirmRequestBody, (id, b, a) => service.requestConfirmation(ctx, a, id, b));
  stepRoute('confirmation/result', 'The court’s ruling on the confirmation: confirmed or refused, number and date (the court or the handler records it)', schema.confirmResultBody, (id, b, a) => service.recordConfirmation(ctx, a, id, b), officerOrCourt);

  r.post(
    '/api/protection/mediation/cases/:id/sessions/:sessionId/record',
    { schema: { tags, summary: 'Record a session as held, with the minutes; the first one starts the mediation', params: schema.sessionParams, body: schema.recordBody, response: { 200: schema.caseDetail, ...errors(400, 401, 403, 404, 409, 422) } }, config: { access: handle } },
    async (req) => service.recordSession(ctx, req.actor, req.params.id, req.params.sessionId, req.body),
  );
  r.post(
    '/api/protection/mediation/cases/:id/sessions/:sessionId/cancel',
    { schema: { tags, summary: 'Cancel a scheduled session, with the reason', params: schema.sessionParams, body: schema.cancelBody, response: { 200: schema.caseDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: handle } },
    async (req) => service.cancelSession(ctx, req.actor, req.params.id, req.params.sessionId, req.body),
  );
  r.post(
    '/api/protection/mediation/cases/:id/files',
    {
      schema: {
        tags,
        summary: 'Attach a file (evidence, a session’s minutes, the signed agreement), entered in the case’s chain',
        consumes: ['multipart/form-data'],
        params: schema.idParams,
        querystring: schema.fileQuery,
        response: { 200: schema.caseDetail, ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
      config: { access: handle },
    },
    async (req) => {
      const part = await filePart(ctx, req);
      return service.attachFile(ctx, req.actor, req.params.id, { source: part.file, fileName: part.filename }, req.query);
    },
  );
  r.get(
    '/api/protection/mediation/cases/:id/files/:fileId',
    { schema: { tags, summary: 'Download a file of the case (as an attachment); a firm may download the agreement', params: schema.fileParams, response: { 200: z.any().describe('The file'), ...errors(401, 403, 404) } }, config: { access: anyParty } },
    async (req, reply) => {
      const { row, stream } = await service.openCaseFile(ctx, req.actor, req.params.id, req.params.fileId);
      return reply
        .header('content-type', row.mime)
        .header('content-length', String(row.size))
        .header('content-disposition', disposition(row.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  r.post(
    '/api/protection/mediation/cases/:id/reveal',
    { schema: { tags, summary: 'The parties’ personal data in clear (recorded in the audit log)', params: schema.idParams, response: { 200: schema.revealed, ...errors(401, 403, 404) } }, config: { access: 'protection.reveal' } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.reveal(ctx, req.actor, req.params.id);
    },
  );

  r.get(
    '/api/protection/mediation/settings',
    { schema: { tags, summary: 'Deadlines of each stage of a case', response: { 200: schema.settingsView, ...errors(401, 403) } }, config: { access: handle } },
    async () => service.mediationSettings(ctx.db),
  );
  r.put(
    '/api/protection/mediation/settings',
    { schema: { tags, summary: 'Change the deadlines (city office); cases keep the dates already set', body: schema.settingsBody, response: { 200: schema.settingsView, ...errors(400, 401, 403) } }, config: { access: 'protection.settings' } },
    async (req) => service.saveSettings(ctx, req.actor, req.body),
  );
}
