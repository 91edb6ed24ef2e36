import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { disposition, errors, typed } from '../../../http/route-kit';
import { filePart } from '../evidence/routes';
import * as schema from './schema';
import * as service from './service';

export default function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const publicTags = ['public'];
  const tags = ['protection: infringement reports'];
  const formLimit = { max: ctx.config.publicRateLimit, timeWindow: '1 minute' };

  r.post(
    '/api/public/reports',
    {
      schema: { tags: publicTags, summary: 'Report counterfeiting or infringement, anonymously or by name; returns the tracking code (shown once)', body: schema.reportBody, response: { 201: schema.submitted, ...errors(400, 429) } },
      config: { access: 'public', rateLimit: formLimit },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await service.submitReport(ctx, req.actor, req.body));
    },
  );
  r.post(
    '/api/public/reports/track',
    {
      schema: { tags: publicTags, summary: 'Follow a report by its tracking code (sent in the body, so it stays out of addresses and logs)', body: schema.trackBody, response: { 200: schema.trackView, ...errors(400, 404, 429) } },
      config: { access: 'public', rateLimit: { max: ctx.config.publicRateLimit * 2, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.track(ctx, req.body.code);
    },
  );
  r.post(
    '/api/public/reports/claim',
    {
      schema: { tags: publicTags, summary: 'Claim an approved reward with the tracking code, identity and bank account (natural persons only)', body: schema.claimBody, response: { 200: schema.trackView, ...errors(400, 404, 409, 422, 429) } },
      config: { access: 'public', rateLimit: formLimit },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.claimReward(ctx, req.actor, req.body);
    },
  );

  r.get(
    '/api/protection/reports',
    { schema: { tags, summary: 'Reports of one’s area (the city office: all), overdue first; personal data masked', querystring: schema.listQuery, response: { 200: schema.reportList, ...errors(400, 401, 403) } }, config: { access: 'protection.reports' } },
    async (req) => service.listReports(ctx, req.actor, req.query),
  );
  r.get(
    '/api/protection/reports/stats',
    { schema: { tags, summary: 'Counts by state and area, overdue, rewards and average days to conclude', response: { 200: schema.statsView, ...errors(401, 403) } }, config: { access: 'protection.reports' } },
    async (req) => service.stats(ctx, req.actor),
  );
  r.get(
    '/api/protection/reports/:id',
    { schema: { tags, summary: 'One report with its files, history (evidence chain), similar reports and the steps the caller may take', params: schema.idParams, response: { 200: schema.reportDetail, ...errors(401, 403, 404) } }, config: { access: 'protection.reports' } },
    async (req) => service.getReport(ctx, req.actor, req.params.id),
  );

  const stepRoute = <B extends z.ZodType>(path: string, summary: string, body: B, run: (id: number, body: z.infer<B>, actor: Actor) => Promise<z.infer<typeof schema.reportDetail>>) =>
    r.post(
      `/api/protection/reports/:id/${path}`,
      { schema: { tags, summary, params: schema.idParams, body, response: { 200: schema.reportDetail, ...errors(400, 401, 403, 404, 409, 422) } }, config: { access: 'protection.reports' } },
      async (req) => run(req.params.id, req.body as z.infer<B>, req.actor),
    );
  stepRoute('accept', 'Accept the report (received → accepted), in its county', schema.acceptBody, (id, b, a) => service.accept(ctx, a, id, b));
  stepRoute('reject', 'Do not accept it, with the reason (e.g. a duplicate)', schema.rejectBody, (id, b, a) => service.reject(ctx, a, id, b));
  stepRoute('assign', 'Send it to the county with jurisdiction (city office)', schema.assignBody, (id, b, a) => service.assign(ctx, a, id, b));
  stepRoute('investigate', 'Start the investigation (accepted → investigating); the caller becomes its handler', schema.investigateBody, (id, b, a) => service.investigate(ctx, a, id, b));
  stepRoute('conclude', 'Conclude: violation found or not, fines and confiscations, decision number', schema.concludeBody, (id, b, a) => service.conclude(ctx, a, id, b));
  stepRoute('reward/propose', 'Propose a reward at a level of the rule; the amount follows from the case value', schema.proposeBody, (id, b, a) => service.proposeReward(ctx, a, id, b));
  stepRoute('reward/approve', 'Approve the proposed reward (an officer other than the proposer)', z.object({}), (id, _b, a) => service.approveReward(ctx, a, id));
  stepRoute('reward/refuse', 'Refuse the proposed reward, with the reason', schema.refuseBody, (id, b, a) => service.refuseReward(ctx, a, id, b));
  stepRoute('reward/pay', 'Record the claimed reward as paid', schema.payBody, (id, b, a) => service.payReward(ctx, a, id, b));

  r.post(
    '/api/protection/reports/:id/files',
    {
      schema: { tags, summary: 'Attach a file found in the investigation (entered in the evidence chain)', consumes: ['multipart/form-data'], params: schema.idParams, response: { 200: schema.reportDetail, ...errors(400, 401, 403, 404, 409, 413, 415) } },
      config: { access: 'protection.reports' },
    },
    async (req) => {
      const part = await filePart(ctx, req);
      return service.attachFile(ctx, req.actor, req.params.id, { source: part.file, fileName: part.filename });
    },
  );
  r.get(
    '/api/protection/reports/:id/files/:fileId',
    { schema: { tags, summary: 'Download an attached file (as an attachment, never rendered inline)', params: schema.fileParams, response: { 200: z.any().describe('The file'), ...errors(401, 403, 404) } }, config: { access: 'protection.reports' } },
    async (req, reply) => {
      const { row, stream } = await service.openReportFile(ctx, req.actor, req.params.id, req.params.fileId);
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
    '/api/protection/reports/:id/reveal',
    { schema: { tags, summary: 'Show the reporter’s and claimant’s personal data in clear (recorded in the audit log)', params: schema.idParams, response: { 200: schema.revealed, ...errors(401, 403, 404) } }, config: { access: 'protection.reveal' } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.reveal(ctx, req.actor, req.params.id);
    },
  );

  r.get(
    '/api/protection/settings',
    { schema: { tags, summary: 'The reward rule and the deadlines of each stage', response: { 200: schema.settingsView, ...errors(401, 403) } }, config: { access: 'protection.reports' } },
    async () => service.settings(ctx.db),
  );
  r.put(
    '/api/protection/settings',
    { schema: { tags, summary: 'Change the reward rule and deadlines (city office); rewards already decided keep their rule', body: schema.settingsBody, response: { 200: schema.settingsView, ...errors(400, 401, 403) } }, config: { access: 'protection.settings' } },
    async (req) => service.saveSettings(ctx, req.actor, req.body),
  );
}
