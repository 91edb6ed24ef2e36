import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { disposition, errors, typed } from '../../../http/route-kit';
import { filePart } from '../../protection/evidence/routes';
import { documentOf, type DocKind } from './documents';
import * as schema from './schema';
import * as service from './service';

export default function supervisionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['workplan: supervision'];
  const read = 'workplan.read' as const;
  const supervise = 'workplan.supervise' as const;
  const report = 'workplan.report' as const;
  const base = '/api/workplan/supervision';
  const file = z.any().describe('The file');

  const sendFile = (reply: FastifyReply, f: Awaited<ReturnType<typeof service.openNoticeFile>>) =>
    reply
      .header('content-type', f.row.mime)
      .header('content-length', String(f.row.size))
      .header('content-disposition', disposition(f.row.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(f.stream);
  const docRoute = (kind: DocKind, path: string, summary: string) =>
    r.get(
      `${base}/${path}/:id/document.docx`,
      { schema: { tags, summary, params: schema.idParams, response: { 200: file, ...errors(401, 403, 404) } }, config: { access: read } },
      async (req, reply) => {
        const d = await documentOf(ctx, req.actor, kind, req.params.id);
        return reply.header('content-type', d.contentType).header('content-disposition', disposition(d.fileName)).header('cache-control', 'private, no-store').send(d.bytes);
      },
    );

  r.get(`${base}/summary`, { schema: { tags, summary: 'Open, overdue and closed counts of notices, rectification and interviews (a unit: its own)', response: { 200: schema.summaryView, ...errors(401, 403) } }, config: { access: read } }, async (req) => service.summary(ctx, req.actor));
  r.get(`${base}/units`, { schema: { tags, summary: 'Units the plan assigns work to (county desks and partner departments)', response: { 200: schema.unitList, ...errors(401, 403) } }, config: { access: read } }, async () => service.unitList(ctx));
  r.get(`${base}/overdue-assignments`, { schema: { tags, summary: 'Assignments past due and unfinished, to issue 督办 on', response: { 200: schema.overdueList, ...errors(401, 403) } }, config: { access: supervise } }, async (req) => service.overdueAssignments(ctx, req.actor));

  // 督办
  r.get(`${base}/notices`, { schema: { tags, summary: '督办 notices (a unit: its own, those awaiting its reply first)', querystring: schema.noticeQuery, response: { 200: schema.noticeList, ...errors(400, 401, 403) } }, config: { access: read } }, async (req) => service.listNotices(ctx, req.actor, req.query));
  r.post(`${base}/notices`, { schema: { tags, summary: 'Issue a 督办 notice to a unit (mailed to its people)', body: schema.noticeBody, response: { 201: schema.noticeDetail, ...errors(400, 401, 403) } }, config: { access: supervise } }, async (req, reply) => reply.code(201).send(await service.issueNotice(ctx, req.actor, req.body)));
  r.get(`${base}/notices/:id`, { schema: { tags, summary: 'One notice with its reply, files and history', params: schema.idParams, response: { 200: schema.noticeDetail, ...errors(401, 403, 404) } }, config: { access: read } }, async (req) => service.getNotice(ctx, req.actor, req.params.id));
  r.post(
    `${base}/notices/:id/files`,
    { schema: { tags, summary: 'The unit attaches a file to its reply (entered in the evidence chain)', consumes: ['multipart/form-data'], params: schema.idParams, response: { 200: schema.noticeDetail, ...errors(400, 401, 403, 404, 409, 413, 415) } }, config: { access: report } },
    async (req) => {
      const part = await filePart(ctx, req);
      return service.attachNoticeFile(ctx, req.actor, req.params.id, { source: part.file, fileName: part.filename });
    },
  );
  r.get(`${base}/notices/:id/files/:fileId`, { schema: { tags, summary: 'Download a reply file (as an attachment)', params: schema.fileParams, response: { 200: file, ...errors(401, 403, 404) } }, config: { access: read } }, async (req, reply) => sendFile(reply, await service.openNoticeFile(ctx, req.actor, req.params.id, req.params.fileId)));
  r.post(`${base}/notices/:id/reply`, { schema: { tags, summary: 'The unit replies (issued or returned → replied)', params: schema.idParams, body: schema.replyBody, response: { 200: schema.noticeDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: report } }, async (req) => service.replyNotice(ctx, req.actor, req.params.id, req.body.body));
  r.post(`${base}/notices/:id/accept`, { schema: { tags, summary: 'Accept the reply and close the notice (replied → accepted)', params: schema.idParams, body: schema.acceptBody, response: { 200: schema.noticeDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: supervise } }, async (req) => service.acceptNotice(ctx, req.actor, req.params.id, req.body.comment));
  r.post(`${base}/notices/:id/return`, { schema: { tags, summary: 'Return the reply for another one, with the reasons (replied → returned)', params: schema.idParams, body: schema.returnBody, response: { 200: schema.noticeDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: supervise } }, async (req) => service.returnNotice(ctx, req.actor, req.params.id, req.body.comment, req.body.replyDue));
  docRoute('notice', 'notices', 'The 督办通知书 as an official-style .docx');

  // 通报
  r.get(`${base}/circulars`, { schema: { tags, summary: '通报 circulars (a unit: those sent to all units, to it, or naming it)', querystring: schema.circularQuery, response: { 200: schema.circularList, ...errors(400, 401, 403) } }, config: { access: read } }, async (req) => service.listCirculars(ctx, req.actor, req.query));
  r.post(`${base}/circulars`, { schema: { tags, summary: 'Record a circular praising or criticising units', body: schema.circularBody, response: { 201: schema.circularDetail, ...errors(400, 401, 403) } }, config: { access: supervise } }, async (req, reply) => reply.code(201).send(await service.issueCircular(ctx, req.actor, req.body)));
  r.get(`${base}/circulars/:id`, { schema: { tags, summary: 'One circular with the units it names and its history', params: schema.idParams, response: { 200: schema.circularDetail, ...errors(401, 403, 404) } }, config: { access: read } }, async (req) => service.getCircular(ctx, req.actor, req.params.id));
  docRoute('circular', 'circulars', 'The circular as an official-style .docx');

  // 约谈
  r.get(`${base}/interviews`, { schema: { tags, summary: '约谈 interviews (a unit: its own)', querystring: schema.interviewQuery, response: { 200: schema.interviewList, ...errors(400, 401, 403) } }, config: { access: read } }, async (req) => service.listInterviews(ctx, req.actor, req.query));
  r.post(`${base}/interviews`, { schema: { tags, summary: 'Record an interview with a unit’s officials', body: schema.interviewBody, response: { 201: schema.interviewDetail, ...errors(400, 401, 403) } }, config: { access: supervise } }, async (req, reply) => reply.code(201).send(await service.recordInterview(ctx, req.actor, req.body)));
  r.get(`${base}/interviews/:id`, { schema: { tags, summary: 'One interview with its follow-ups and history', params: schema.idParams, response: { 200: schema.interviewDetail, ...errors(401, 403, 404) } }, config: { access: read } }, async (req) => service.getInterview(ctx, req.actor, req.params.id));
  r.post(`${base}/interviews/:id/follow-ups`, { schema: { tags, summary: 'Record a follow-up on the commitments; optionally close the interview', params: schema.idParams, body: schema.followUpBody, response: { 200: schema.interviewDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: supervise } }, async (req) => service.followUp(ctx, req.actor, req.params.id, req.body));
  docRoute('interview', 'interviews', 'The 约谈记录 as an official-style .docx');

  // 整改
  r.get(`${base}/rectifications`, { schema: { tags, summary: 'Rectification items (a unit: its own, those awaiting it first)', querystring: schema.rectificationQuery, response: { 200: schema.rectificationList, ...errors(400, 401, 403) } }, config: { access: read } }, async (req) => service.listRectifications(ctx, req.actor, req.query));
  r.get(`${base}/rectifications/board`, { schema: { tags, summary: 'Open, waiting, overdue and closed items per unit', response: { 200: schema.rectificationBoard, ...errors(401, 403) } }, config: { access: read } }, async (req) => service.rectificationBoard(ctx, req.actor));
  r.post(`${base}/rectifications`, { schema: { tags, summary: 'Set a rectification item arising from a notice, a criticism or an interview', body: schema.rectificationBody, response: { 201: schema.rectificationDetail, ...errors(400, 401, 403, 404, 422) } }, config: { access: supervise } }, async (req, reply) => reply.code(201).send(await service.createRectification(ctx, req.actor, req.body)));
  r.get(`${base}/rectifications/:id`, { schema: { tags, summary: 'One rectification item with its report, files and history', params: schema.idParams, response: { 200: schema.rectificationDetail, ...errors(401, 403, 404) } }, config: { access: read } }, async (req) => service.getRectification(ctx, req.actor, req.params.id));
  r.post(
    `${base}/rectifications/:id/files`,
    { schema: { tags, summary: 'The unit attaches a file to its rectification report', consumes: ['multipart/form-data'], params: schema.idParams, response: { 200: schema.rectificationDetail, ...errors(400, 401, 403, 404, 409, 413, 415) } }, config: { access: report } },
    async (req) => {
      const part = await filePart(ctx, req);
      return service.attachRectificationFile(ctx, req.actor, req.params.id, { source: part.file, fileName: part.filename });
    },
  );
  r.get(`${base}/rectifications/:id/files/:fileId`, { schema: { tags, summary: 'Download a rectification file (as an attachment)', params: schema.fileParams, response: { 200: file, ...errors(401, 403, 404) } }, config: { access: read } }, async (req, reply) => sendFile(reply, await service.openRectificationFile(ctx, req.actor, req.params.id, req.params.fileId)));
  r.post(`${base}/rectifications/:id/submit`, { schema: { tags, summary: 'The unit reports what it has done (open or returned → submitted)', params: schema.idParams, body: schema.rectifySubmitBody, response: { 200: schema.rectificationDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: report } }, async (req) => service.submitRectification(ctx, req.actor, req.params.id, req.body.body));
  r.post(`${base}/rectifications/:id/close`, { schema: { tags, summary: 'Verify and close the item (submitted → closed)', params: schema.idParams, body: schema.rectifyCloseBody, response: { 200: schema.rectificationDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: supervise } }, async (req) => service.closeRectification(ctx, req.actor, req.params.id, req.body.comment));
  r.post(`${base}/rectifications/:id/return`, { schema: { tags, summary: 'Return the report for more work (submitted → returned)', params: schema.idParams, body: schema.rectifyReturnBody, response: { 200: schema.rectificationDetail, ...errors(400, 401, 403, 404, 409) } }, config: { access: supervise } }, async (req) => service.returnRectification(ctx, req.actor, req.params.id, req.body.comment, req.body.deadline));
}
