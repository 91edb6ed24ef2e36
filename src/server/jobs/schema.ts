import { z } from 'zod';

export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'interrupted', 'cancelled']),
  phase: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  params: z.record(z.string(), z.unknown()),
  result: z.unknown(),
  errors: z.unknown().describe('The failure, when the job failed or was interrupted'),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobView>;

export const jobParams = z.strictObject({ id: z.string().uuid() });
