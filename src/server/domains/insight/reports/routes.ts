import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { disposition, errors, typed } from '../../../http/route-kit';
import { jobView } from '../../../jobs/schema';
import { toJobView } from '../../../jobs/view';
import * as schema from './schema';
import * as service from './service';

const CONTENT_TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

export default function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['analysis: reports'];

  r.post(
    '/api/insight/reports',
    {
      schema: { tags, summary: 'Write up a dashboard view, a navigation run or the year’s development report as .docx and .pdf (a job)', body: schema.reportBody, response: { 202: z.object({ report: schema.reportView, job: jobView }), ...errors(400, 401, 403, 404, 422) } },
      config: { access: 'insight.read' },
    },
    async (req, reply) => {
      const { report, job } = await service.requestReport(ctx, req.actor, req.body);
      return reply.code(202).send({ report, job: toJobView(job) });
    },
  );
  r.get(
    '/api/insight/reports',
    { schema: { tags, summary: 'Reports of my area (the city office: all), newest first', response: { 200: z.array(schema.reportView), ...errors(401, 403) } }, config: { access: 'insight.read' } },
    async (req) => service.listReports(ctx, req.actor),
  );
  r.get(
    '/api/insight/reports/:id',
    { schema: { tags, summary: 'One report and its files', params: schema.idParams, response: { 200: schema.reportView, ...errors(401, 403, 404) } }, config: { access: 'insight.read' } },
    async (req) => service.getReport(ctx, req.actor, req.params.id),
  );
  r.get(
    '/api/insight/reports/:id/:format',
    {
      schema: { tags, summary: 'Download a report as .docx or .pdf', params: schema.fileParams, response: { 200: z.any().describe('The file'), ...errors(401, 403, 404) } },
      config: { access: 'insight.read' },
    },
    async (req, reply) => {
      const file = await service.reportFile(ctx, req.actor, req.params.id, req.params.format);
      return reply.header('content-type', CONTENT_TYPES[req.params.format]).header('content-disposition', disposition(file.fileName)).header('cache-control', 'private, no-store').send(file.bytes);
    },
  );
}
