import { z } from 'zod';
import { dashboardQuery } from '../dashboard/schema';

export const REPORT_KINDS = ['dashboard', 'landscape', 'yearly'] as const;

export const reportBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dashboard'), query: dashboardQuery.describe('The dashboard view to write up (a county desk always gets its own area)') }),
  z.strictObject({ kind: z.literal('landscape'), runId: z.number().int().positive().describe('A finished navigation run') }),
  z.strictObject({ kind: z.literal('yearly'), year: z.number().int().min(2000).max(2100).describe('信阳市知识产权发展状况报告 of this year (city office)') }),
]);
export type ReportBody = z.infer<typeof reportBody>;

export const reportView = z.object({
  id: z.number().int(),
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  docNumber: z.string().describe('信知析〔year〕n号'),
  areaCode: z.string(),
  areaName: z.string(),
  status: z.enum(['queued', 'done', 'failed']),
  jobId: z.string().nullable(),
  synthetic: z.boolean(),
  files: z.array(z.object({ format: z.enum(['docx', 'pdf']), bytes: z.number().int(), sha256: z.string(), url: z.string() })),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ReportView = z.infer<typeof reportView>;

export const idParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const fileParams = z.strictObject({ id: z.coerce.number().int().positive(), format: z.enum(['docx', 'pdf']) });
