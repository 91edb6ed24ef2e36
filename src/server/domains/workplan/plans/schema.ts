import { z } from 'zod';
import { PLAN_STATUSES } from '../../../../shared/workplan/rag';
import { chainEntryView, fileView } from '../../protection/evidence/schema';
import { isoDate, optionalText, text } from '../../protection/fields';

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const DEFAULT_ISSUER = '信阳市知识产权战略实施工作联席会议办公室';

export const createBody = z.object({
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  docNo: optionalText(60).describe('文号, e.g. 信知战联办〔2026〕3号'),
  issuer: text(100).default(DEFAULT_ISSUER),
  issueDate: isoDate.optional(),
  goals: z.string().trim().max(8000).default(''),
});
export type CreateBody = z.infer<typeof createBody>;

export const updateBody = z
  .object({
    title: text(200).optional(),
    docNo: z.string().trim().max(60).nullable().optional(),
    issuer: text(100).optional(),
    issueDate: isoDate.nullable().optional(),
    goals: z.string().trim().max(8000).optional(),
    status: z.enum(PLAN_STATUSES).optional().describe('draft → issued → closed'),
  })
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容 / Nothing to change');
export type UpdateBody = z.infer<typeof updateBody>;

export const copyBody = z.object({
  year: z.number().int().min(2000).max(2100),
  title: optionalText(200).describe('Defaults to the source title with its year replaced'),
  withAssignments: z.boolean().default(false).describe('Also copy each task’s assignments, indicators and milestones, dates moved by the years between'),
});

export const taskBody = z.object({ title: text(200), body: z.string().trim().max(8000).default(''), leadUnits: optionalText(300) });

const taskView = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  title: z.string(),
  body: z.string(),
  leadUnits: z.string().nullable(),
  assigned: z.number().int().describe('Assignments in the caller’s scope (cancelled left out)'),
  completed: z.number().int(),
  overdue: z.number().int(),
  atRisk: z.number().int(),
});

const planSummary = z.object({
  id: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  docNo: z.string().nullable(),
  issuer: z.string(),
  issueDate: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  isOfficialText: z.boolean(),
  sourceNote: z.string().nullable(),
  copiedFrom: z.number().int().nullable(),
  isDemo: z.boolean(),
  tasks: z.number().int(),
  assigned: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
});

export const planList = z.object({ items: z.array(planSummary) });

export const planView = planSummary.extend({
  goals: z.string(),
  document: fileView.nullable(),
  taskList: z.array(taskView),
  history: z.array(chainEntryView),
  actions: z.array(z.string()).describe("What the caller may do: 'edit', 'issue', 'close', 'copy', 'tasks', 'assign', 'document'"),
});
export type PlanView = z.infer<typeof planView>;
export const taskResult = taskView;
