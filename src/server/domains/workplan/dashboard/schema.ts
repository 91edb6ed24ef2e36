import { z } from 'zod';
import { RAGS } from '../../../../shared/workplan/rag';
import { assignmentSummary } from '../progress/schema';

export const dashboardQuery = z.object({ plan: z.coerce.number().int().positive().optional().describe('Defaults to the newest issued plan') });

const tally = {
  assigned: z.number().int(),
  completed: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  overdue: z.number().int(),
  atRisk: z.number().int(),
  pendingReview: z.number().int(),
  rate: z.number().nullable().describe('completed ÷ assigned × 100'),
};

export const dashboardView = z.object({
  plan: z.object({ id: z.number().int(), year: z.number().int(), title: z.string(), docNo: z.string().nullable(), status: z.string() }).nullable(),
  plans: z.array(z.object({ id: z.number().int(), year: z.number().int(), title: z.string(), status: z.string() })),
  today: z.string(),
  totals: z.object(tally),
  byTask: z.array(z.object({ taskId: z.number().int(), seq: z.number().int(), title: z.string(), ...tally })),
  byUnit: z.array(z.object({ orgId: z.string(), orgName: z.string(), orgKind: z.string(), areaCode: z.string(), ...tally })),
  board: z.array(z.object({ orgId: z.string(), taskId: z.number().int(), rag: z.enum(RAGS).describe('The worst of the cell'), count: z.number().int() })),
  overdue: z.array(assignmentSummary),
  atRisk: z.array(assignmentSummary),
});
