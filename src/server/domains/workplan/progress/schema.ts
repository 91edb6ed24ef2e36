import { z } from 'zod';
import { METRICS } from '../../../../shared/workplan/metrics';
import { ASSIGNMENT_STATUSES, PROGRESS_STATUSES, RAGS } from '../../../../shared/workplan/rag';
import { chainEntryView, fileView } from '../../protection/evidence/schema';
import { areaCode, isoDate, optionalText, text } from '../../protection/fields';

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const progressParams = z.object({ id: z.coerce.number().int().positive(), pid: z.coerce.number().int().positive() });
export const fileParams = z.object({ id: z.coerce.number().int().positive(), pid: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });

const indicatorInput = z.object({
  id: z.number().int().positive().optional().describe('An existing indicator kept (its reported figure stays)'),
  name: text(100),
  unit: text(20),
  target: z.number().min(0).max(1e12),
  metric: z.enum(METRICS).optional().describe('Fed from the platform’s own records for the area and plan year (see /api/workplan/metrics)'),
});
const milestoneInput = z.object({ id: z.number().int().positive().optional(), title: text(200), dueDate: isoDate });

const assignmentFields = {
  title: text(200),
  requirements: z.string().trim().max(4000).default(''),
  startDate: isoDate.optional(),
  dueDate: isoDate,
  indicators: z.array(indicatorInput).max(20).default([]),
  milestones: z.array(milestoneInput).max(30).default([]),
};
const datesInOrder = (b: { startDate?: string | undefined; dueDate: string }) => !b.startDate || b.startDate <= b.dueDate;
const datesMessage = { path: ['dueDate'], message: '完成时限不能早于开始日期 / The due date cannot be before the start date' };

export const createBody = z
  .object({ taskId: z.number().int().positive(), orgId: z.guid(), ...assignmentFields })
  .refine(datesInOrder, datesMessage);
export type CreateBody = z.infer<typeof createBody>;
export const updateBody = z.object(assignmentFields).refine(datesInOrder, datesMessage);
export type UpdateBody = z.infer<typeof updateBody>;
export const cancelBody = z.object({ reason: text(500) });

export const progressBody = z.object({
  body: text(4000),
  percent: z.number().int().min(0).max(100),
  figures: z.record(z.string().regex(/^\d+$/), z.number().min(0).max(1e12)).default({}).describe('Value per manual indicator id'),
  final: z.boolean().default(false).describe('The unit says the assignment is done; accepting the report completes it'),
  milestones: z.array(z.number().int().positive()).max(30).default([]).describe('Milestones this report reaches'),
  files: z.array(z.string().min(10).max(100)).max(20).default([]).describe('Tokens of files uploaded to /api/workplan/uploads'),
});
export type ProgressBody = z.infer<typeof progressBody>;
export const acceptBody = z.object({ comment: optionalText(1000) });
export const returnBody = z.object({ comment: text(1000) });

const drill = z.object({ path: z.string(), query: z.record(z.string(), z.string()) });

export const indicatorView = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  name: z.string(),
  unit: z.string(),
  target: z.number(),
  metric: z.string().nullable(),
  metricName: z.string().nullable(),
  actual: z.number().nullable().describe('From the platform’s records when a metric is set, else the latest accepted report'),
  source: z.enum(['metric', 'report', 'none']),
  percent: z.number().nullable().describe('actual ÷ target × 100, at most 100'),
  drill: drill.nullable(),
});

export const milestoneView = z.object({ id: z.number().int(), seq: z.number().int(), title: z.string(), dueDate: z.string(), doneAt: z.string().nullable(), overdue: z.boolean() });

export const progressView = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  body: z.string(),
  figures: z.record(z.string(), z.number()),
  percent: z.number().int(),
  final: z.boolean(),
  milestones: z.array(z.number().int()),
  status: z.enum(PROGRESS_STATUSES),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  files: z.array(fileView),
});

export const assignmentSummary = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  planYear: z.number().int(),
  planTitle: z.string(),
  taskId: z.number().int(),
  taskSeq: z.number().int(),
  taskTitle: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  title: z.string(),
  startDate: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  percent: z.number().int(),
  expectedPercent: z.number().int().describe('Share of the time already used'),
  rag: z.enum(RAGS),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  daysLeft: z.number().int(),
  planClosed: z.boolean().describe('The plan is closed: an open assignment was left unfinished and takes no more reports'),
  pendingReview: z.boolean(),
  returned: z.boolean().describe('The latest report was returned: the unit must submit again'),
  completedAt: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  isDemo: z.boolean(),
});

export const assignmentDetail = assignmentSummary.extend({
  requirements: z.string(),
  cancelReason: z.string().nullable(),
  taskBody: z.string(),
  indicators: z.array(indicatorView),
  milestones: z.array(milestoneView),
  reports: z.array(progressView),
  history: z.array(chainEntryView),
  actions: z.array(z.string()).describe("What the caller may do now: 'report', 'review', 'edit', 'cancel'"),
});

export const listQuery = z.object({
  plan: z.coerce.number().int().positive().optional(),
  task: z.coerce.number().int().positive().optional(),
  org: z.guid().optional(),
  area: z.union([areaCode, z.literal('411500')]).optional(),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  rag: z.enum(RAGS).optional(),
  overdue: z.enum(['1']).optional(),
  dueSoon: z.enum(['1']).optional(),
  pending: z.enum(['1']).optional().describe('Only assignments with a report waiting for review'),
  q: optionalText(100),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const assignmentList = z.object({
  items: z.array(assignmentSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  reminders: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), returned: z.number().int(), pendingReview: z.number().int() }).describe('Counts over everything in the caller’s scope'),
});

export const unitsView = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), areaCode: z.string(), areaName: z.string() })) });
export const metricsView = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string(), rule: z.string() })) });

export { uploadView } from '../../protection/evidence/schema';
