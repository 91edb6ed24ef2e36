import type { Queryable } from '../../../db/db';
import type { PlanStatus } from '../../../../shared/workplan/rag';

export interface PlanRow {
  id: number;
  year: number;
  title: string;
  doc_no: string | null;
  issuer: string;
  issue_date: string | null;
  goals: string;
  status: PlanStatus;
  is_official_text: boolean;
  source_note: string | null;
  copied_from: number | null;
  document_file_id: number | null;
  is_demo: boolean;
  tasks: number;
}

const COLUMNS = `p.id::int AS id, p.year, p.title, p.doc_no, p.issuer, to_char(p.issue_date, 'YYYY-MM-DD') AS issue_date, p.goals, p.status,
  p.is_official_text, p.source_note, p.copied_from::int AS copied_from, p.document_file_id::int AS document_file_id, p.is_demo,
  (SELECT count(*)::int FROM workplan_tasks t WHERE t.plan_id = p.id) AS tasks`;

export const plans = (q: Queryable) => q.query<PlanRow>(`SELECT ${COLUMNS} FROM workplan_plans p ORDER BY p.year DESC, p.id DESC`);

export async function planById(q: Queryable, id: number, lock = false): Promise<PlanRow | null> {
  if (lock) await q.query('SELECT 1 FROM workplan_plans WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<PlanRow>(`SELECT ${COLUMNS} FROM workplan_plans p WHERE p.id = $1`, [id]);
  return row ?? null;
}

export interface TaskRow {
  id: number;
  plan_id: number;
  seq: number;
  title: string;
  body: string;
  lead_units: string | null;
}

export const tasksOf = (q: Queryable, planId: number) =>
  q.query<TaskRow>('SELECT id::int AS id, plan_id::int AS plan_id, seq, title, body, lead_units FROM workplan_tasks WHERE plan_id = $1 ORDER BY seq', [planId]);

export async function taskById(q: Queryable, id: number): Promise<TaskRow | null> {
  const [row] = await q.query<TaskRow>('SELECT id::int AS id, plan_id::int AS plan_id, seq, title, body, lead_units FROM workplan_tasks WHERE id = $1', [id]);
  return row ?? null;
}

export async function insertPlan(
  q: Queryable,
  p: { year: number; title: string; docNo: string | null; issuer: string; issueDate: string | null; goals: string; copiedFrom: number | null; by: string | null; at: Date; isDemo: boolean },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO workplan_plans (year, title, doc_no, issuer, issue_date, goals, copied_from, is_demo, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $10) RETURNING id::int AS id`,
    [p.year, p.title, p.docNo, p.issuer, p.issueDate, p.goals, p.copiedFrom, p.isDemo, p.by, p.at],
  );
  if (!row) throw new Error('plan not inserted');
  return row.id;
}

export const updatePlan = (q: Queryable, id: number, p: { title: string; docNo: string | null; issuer: string; issueDate: string | null; goals: string; status: PlanStatus; at: Date }) =>
  q.query('UPDATE workplan_plans SET title = $2, doc_no = $3, issuer = $4, issue_date = $5::date, goals = $6, status = $7, updated_at = $8 WHERE id = $1', [
    id,
    p.title,
    p.docNo,
    p.issuer,
    p.issueDate,
    p.goals,
    p.status,
    p.at,
  ]);

export const setDocument = (q: Queryable, id: number, fileId: number, at: Date) => q.query('UPDATE workplan_plans SET document_file_id = $2, updated_at = $3 WHERE id = $1', [id, fileId, at]);

export async function insertTask(q: Queryable, t: { planId: number; title: string; body: string; leadUnits: string | null; at: Date; seq?: number }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO workplan_tasks (plan_id, seq, title, body, lead_units, created_at, updated_at)
     VALUES ($1, coalesce($6::int, (SELECT coalesce(max(seq), 0) + 1 FROM workplan_tasks WHERE plan_id = $1)), $2, $3, $4, $5, $5) RETURNING id::int AS id`,
    [t.planId, t.title, t.body, t.leadUnits, t.at, t.seq ?? null],
  );
  if (!row) throw new Error('task not inserted');
  return row.id;
}

export const updateTask = (q: Queryable, id: number, t: { title: string; body: string; leadUnits: string | null; at: Date }) =>
  q.query('UPDATE workplan_tasks SET title = $2, body = $3, lead_units = $4, updated_at = $5 WHERE id = $1', [id, t.title, t.body, t.leadUnits, t.at]);

export const deleteTask = (q: Queryable, id: number) => q.query('DELETE FROM workplan_tasks WHERE id = $1', [id]);

export const assignmentCount = async (q: Queryable, taskId: number) =>
  (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM workplan_assignments WHERE task_id = $1', [taskId]))[0]?.n ?? 0;

export const planOfYearTitled = async (q: Queryable, year: number, title: string) =>
  (await q.query<{ id: number }>('SELECT id::int AS id FROM workplan_plans WHERE year = $1 AND title = $2', [year, title]))[0] ?? null;

/** The assignments of a task to copy into a new plan (cancelled ones stay behind). */
export const assignmentsToCopy = (q: Queryable, taskId: number) =>
  q.query<{ id: number; org_id: string; area_code: string; title: string; requirements: string; start_date: string | null; due_date: string }>(
    `SELECT id::int AS id, org_id, area_code, title, requirements, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(due_date, 'YYYY-MM-DD') AS due_date
       FROM workplan_assignments WHERE task_id = $1 AND status <> 'cancelled' ORDER BY id`,
    [taskId],
  );
