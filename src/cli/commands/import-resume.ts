import { z } from 'zod';
import { ruleViolated } from '../../server/errors';
import { requeue } from '../../server/jobs/queries';
import { JobRunner } from '../../server/jobs/runner';
import { JOB_HANDLERS } from '../../server/jobs/handlers';
import { defineCommand, say } from '../command';
import { runHere, summarise } from './import';

export const resumeInput = z.strictObject({ jobId: z.string().uuid() });

/** After a crash or kill: the interrupted import goes on from its last committed batch. */
export default defineCommand({
  id: 'import-resume',
  words: ['import', 'resume'],
  summary: say('继续执行中断的导入任务', 'Resume an interrupted import job'),
  examples: ['xinzhi import resume 3f6c2d0e-…'],
  args: [{ name: 'jobId', key: 'jobId', help: say('任务 ID', 'job id') }],
  schema: resumeInput,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    await new JobRunner(ctx, JOB_HANDLERS).recover();
    const job = await requeue(ctx.db, input.jobId);
    if (!job) throw ruleViolated({ zh: '只有中断或失败的任务可以继续执行', en: 'Only an interrupted or failed job can be resumed' });
    if (io.where === 'server') {
      ctx.wakeJobs?.();
      return { message: say(`已重新排队：任务 ${job.id}`, `Queued again: job ${job.id}`), data: { jobId: job.id } };
    }
    return runHere(ctx, job.id, io, null);
  },
  followJob: (job) => summarise(job, null),
});
