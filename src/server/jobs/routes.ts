import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hasPermission } from '../../shared/roles';
import { scopeFilter, type Actor } from '../actor';
import type { AppContext } from '../context';
import { notFound, ruleViolated } from '../errors';
import { errors, typed } from '../http/route-kit';
import { JOB_HANDLERS } from './handlers';
import * as sql from './queries';
import { jobParams, jobView } from './schema';
import { toJobView } from './view';

export { toJobView };

/** A job the actor may see: its kind's permission, and the job's area inside the actor's scope. */
export async function visibleJob(ctx: AppContext, actor: Actor, id: string): Promise<sql.JobRow> {
  const job = await sql.findJob(ctx.db, id);
  const handler = job && JOB_HANDLERS.find((h) => h.kind === job.kind);
  const scope = scopeFilter(actor);
  const allowed =
    job && (actor.kind === 'operator' || (handler && hasPermission(actor.roles, handler.permission) && (scope === null || scope.includes(job.area_scope))));
  if (!job || !allowed) throw notFound({ zh: '任务不存在或无权查看', en: 'Job not found' });
  return job;
}

export default function jobRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['jobs'];

  r.get(
    '/api/jobs/:id',
    { schema: { tags, summary: 'Status and progress of a long-running job', params: jobParams, response: { 200: jobView, ...errors(401, 404) } }, config: { access: 'session' } },
    async (req) => toJobView(await visibleJob(ctx, req.actor, req.params.id)),
  );

  r.post(
    '/api/jobs/:id/resume',
    {
      schema: { tags, summary: 'Resume an interrupted (or failed) job from its last checkpoint', params: jobParams, response: { 200: jobView, ...errors(401, 403, 404, 422) } },
      config: { access: 'session' },
    },
    async (req) => {
      await visibleJob(ctx, req.actor, req.params.id);
      const job = await sql.requeue(ctx.db, req.params.id);
      if (!job) throw ruleViolated({ zh: '只有中断或失败的任务可以继续执行', en: 'Only an interrupted or failed job can be resumed' });
      ctx.wakeJobs?.();
      return toJobView(job);
    },
  );

  r.post(
    '/api/jobs/:id/cancel',
    { schema: { tags, summary: 'Cancel a job that has not started or was interrupted', params: jobParams, response: { 200: jobView, ...errors(401, 404, 422) } }, config: { access: 'session' } },
    async (req) => {
      await visibleJob(ctx, req.actor, req.params.id);
      const job = await sql.requestCancel(ctx.db, req.params.id, ctx.clock.now());
      if (!job) throw ruleViolated({ zh: '只能取消排队中或已中断的任务', en: 'Only a queued or interrupted job can be cancelled' });
      return toJobView(job);
    },
  );

  r.get(
    '/api/operator/jobs/:id',
    { schema: { tags, summary: 'Job status for the operator CLI', params: jobParams, response: { 200: jobView, ...errors(401, 404) } }, config: { access: 'operator' } },
    async (req) => {
      const job = await sql.findJob(ctx.db, req.params.id);
      if (!job) throw notFound();
      return toJobView(job);
    },
  );
}

export const jobList = z.array(jobView);
