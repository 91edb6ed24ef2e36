import { addDays, daysBetween } from '../insight/fees';

/**
 * The red/amber/green judgement of an assignment, defined once: the API, the dashboard, the
 * reminders and the assessment all read it from here.
 */
export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'completed', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const PROGRESS_STATUSES = ['submitted', 'returned', 'accepted'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export const PLAN_STATUSES = ['draft', 'issued', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const RAGS = ['green', 'amber', 'red', 'grey'] as const;
export type Rag = (typeof RAGS)[number];

/** An open assignment due within this many days is at risk when it lags behind the time elapsed. */
export const AT_RISK_DAYS = 30;
/** Units are reminded of assignments due within this many days (and of overdue ones). */
export const REMIND_DAYS = 7;

export interface RagInput {
  status: AssignmentStatus;
  percent: number;
  /** YYYY-MM-DD; without it the assignment is taken to run from the start of its due year. */
  startDate: string | null;
  dueDate: string;
}

/** Percent of the assignment's time already used on `today` (0–100). */
export function expectedPercent(a: Pick<RagInput, 'startDate' | 'dueDate'>, today: string): number {
  const start = a.startDate ?? `${a.dueDate.slice(0, 4)}-01-01`;
  const span = daysBetween(start, a.dueDate);
  if (span <= 0) return today >= a.dueDate ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((daysBetween(start, today) / span) * 100)));
}

export const isOpen = (status: AssignmentStatus) => status === 'not_started' || status === 'in_progress';

/** Red: overdue. Amber: due within AT_RISK_DAYS and behind the elapsed time. Green: done or on track. Grey: cancelled. */
export function ragOf(a: RagInput, today: string): Rag {
  if (a.status === 'cancelled') return 'grey';
  if (a.status === 'completed') return 'green';
  if (a.dueDate < today) return 'red';
  if (a.dueDate <= addDays(today, AT_RISK_DAYS) && a.percent < expectedPercent(a, today)) return 'amber';
  return 'green';
}

export const isOverdue = (a: Pick<RagInput, 'status' | 'dueDate'>, today: string) => isOpen(a.status) && a.dueDate < today;
/** Open and due between today and REMIND_DAYS from now. */
export const isDueSoon = (a: Pick<RagInput, 'status' | 'dueDate'>, today: string) => isOpen(a.status) && a.dueDate >= today && a.dueDate <= addDays(today, REMIND_DAYS);

/** Completed by the due date (China time), counted for the assessment. */
export const completedOnTime = (a: { status: AssignmentStatus; dueDate: string; completedOn: string | null }) =>
  a.status === 'completed' && a.completedOn !== null && a.completedOn <= a.dueDate;
