import type { Queryable } from '../../../db/db';
import type { AssignmentStatus, ProgressStatus } from '../../../../shared/workplan/rag';

export interface AssignmentRow {
  id: number;
  task_id: number;
  task_seq: number;
  task_title: string;
  plan_id: number;
  plan_year: number;
  plan_title: string;
  plan_status: string;
  org_id: string;
  org_name: string;
  org_kind: string;
  area_code: string;
  title: string;
  requirements: string;
  start_date: string | null;
  due_date: string;
  status: AssignmentStatus;
  percent: number;
  completed_at: Date | null;
  completed_on: string | null;
  cancel_reason: string | null;
  pending: boolean;
  returned: boolean;
  last_report_at: Date | null;
  is_demo: boolean;
}

const COLUMNS = `a.id::int AS id, a.task_id::int AS task_id, t.seq AS task_seq, t.title AS task_title, p.id::int AS plan_id, p.year AS plan_year,
  p.title AS plan_title, p.status AS plan_status, a.org_id, o.name AS org_name, o.kind AS org_kind, a.area_code, a.title, a.requirements,
  to_char(a.start_date, 'YYYY-MM-DD') AS start_date, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status, a.percent, a.completed_at,
  to_char(a.completed_at AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD') AS completed_on, a.cancel_reason,
  EXISTS (SELECT 1 FROM workplan_progress r WHERE r.assignment_id = a.id AND r.status = 'submitted') AS pending,
  coalesce((SELECT r.status = 'returned' FROM workplan_progress r WHERE r.assignment_id = a.id ORDER BY r.seq DESC LIMIT 1), false) AS returned,
  (SELECT max(r.submitted_at) FROM workplan_progress r WHERE r.assignment_id = a.id) AS last_report_at, a.is_demo`;
const FROM = `FROM workplan_assignments a JOIN workplan_tasks t ON t.id = a.task_id JOIN workplan_plans p ON p.id = t.plan_id JOIN organisations o ON o.id = a.org_id`;

/**
 * Who sees an assignment: a reporting unit only its own ($1 = its organisation), an area-scoped
 * reader its area ($2), the city office and city-wide readers everything (both null).
 */
const IN_SCOPE = `($1::uuid IS NULL OR a.org_id = $1) AND ($2::text[] IS NULL OR a.area_code = ANY($2))`;

export interface Scope {
  org: string | null;
  areas: string[] | null;
}

export async function assignmentById(q: Queryable, scope: Scope, id: number, lock = false): Promise<AssignmentRow | null> {
  if (lock) await q.query(`SELECT 1 FROM workplan_assignments a WHERE ${IN_SCOPE} AND a.id = $3 FOR UPDATE`, [scope.org, scope.areas, id]);
  const [row] = await q.query<AssignmentRow>(`SELECT ${COLUMNS} ${FROM} WHERE ${IN_SCOPE} AND a.id = $3`, [scope.org, scope.areas, id]);
  return row ?? null;
}

export interface AssignmentFilter {
  plan?: number | undefined;
  task?: number | undefined;
  org?: string | undefined;
  area?: string | undefined;
  status?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
  /** Leave out closed plans (a unit's current work). */
  openPlans?: boolean | undefined;
}

/** Every assignment in scope matching the filter; the judgement (RAG, overdue) is the caller's, from shared/workplan. */
export const assignments = (q: Queryable, scope: Scope, f: AssignmentFilter) =>
  q.query<AssignmentRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE ${IN_SCOPE}
       AND ($3::bigint IS NULL OR p.id = $3) AND ($4::bigint IS NULL OR t.id = $4) AND ($5::uuid IS NULL OR a.org_id = $5)
       AND ($6::text IS NULL OR a.area_code = $6) AND ($7::text IS NULL OR a.status = $7) AND ($8::int IS NULL OR p.year = $8)
       AND ($9::text IS NULL OR a.title ILIKE '%' || $9 || '%' OR o.name ILIKE '%' || $9 || '%' OR t.title ILIKE '%' || $9 || '%')
       AND (NOT $10::boolean OR p.status <> 'closed')
     ORDER BY p.year DESC, t.seq, a.due_date, o.name, a.id`,
    [scope.org, scope.areas, f.plan ?? null, f.task ?? null, f.org ?? null, f.area ?? null, f.status ?? null, f.year ?? null, f.q ?? null, f.openPlans ?? false],
  );

export interface IndicatorRow {
  id: number;
  assignment_id: number;
  seq: number;
  name: string;
  unit: string;
  target: number;
  metric: string | null;
  reported: number | null;
}

export const indicatorsOf = (q: Queryable, ids: number[]) =>
  q.query<IndicatorRow>(
    `SELECT id::int AS id, assignment_id::int AS assignment_id, seq, name, unit, target::float8 AS target, metric, reported::float8 AS reported
       FROM workplan_indicators WHERE assignment_id = ANY($1::bigint[]) ORDER BY assignment_id, seq`,
    [ids],
  );

export interface MilestoneRow {
  id: number;
  assignment_id: number;
  seq: number;
  title: string;
  due_date: string;
  done_at: string | null;
}

export const milestonesOf = (q: Queryable, ids: number[]) =>
  q.query<MilestoneRow>(
    `SELECT id::int AS id, assignment_id::int AS assignment_id, seq, title, to_char(due_date, 'YYYY-MM-DD') AS due_date, to_char(done_at, 'YYYY-MM-DD') AS done_at
       FROM workplan_milestones WHERE assignment_id = ANY($1::bigint[]) ORDER BY assignment_id, seq`,
    [ids],
  );

export interface ProgressRow {
  id: number;
  assignment_id: number;
  seq: number;
  body: string;
  figures: Record<string, number>;
  percent: number;
  final: boolean;
  status: ProgressStatus;
  submitted_by_name: string | null;
  submitted_at: Date;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  review_comment: string | null;
  milestones: number[];
}

const PROGRESS_COLUMNS = `r.id::int AS id, r.assignment_id::int AS assignment_id, r.seq, r.body, r.figures, r.percent, r.final, r.status,
  su.display_name AS submitted_by_name, r.submitted_at, ru.display_name AS reviewed_by_name, r.reviewed_at, r.review_comment, r.milestones`;

export const progressOf = (q: Queryable, assignmentId: number) =>
  q.query<ProgressRow>(
    `SELECT ${PROGRESS_COLUMNS} FROM workplan_progress r LEFT JOIN users su ON su.id = r.submitted_by LEFT JOIN users ru ON ru.id = r.reviewed_by
      WHERE r.assignment_id = $1 ORDER BY r.seq DESC`,
    [assignmentId],
  );

export async function progressById(q: Queryable, assignmentId: number, id: number, lock = false): Promise<ProgressRow | null> {
  if (lock) await q.query('SELECT 1 FROM workplan_progress WHERE assignment_id = $1 AND id = $2 FOR UPDATE', [assignmentId, id]);
  const [row] = await q.query<ProgressRow>(
    `SELECT ${PROGRESS_COLUMNS} FROM workplan_progress r LEFT JOIN users su ON su.id = r.submitted_by LEFT JOIN users ru ON ru.id = r.reviewed_by
      WHERE r.assignment_id = $1 AND r.id = $2`,
    [assignmentId, id],
  );
  return row ?? null;
}

export async function insertProgress(
  q: Queryable,
  p: { assignmentId: number; body: string; figures: Record<string, number>; percent: number; final: boolean; milestones: number[]; by: string | null; at: Date; isDemo: boolean },
): Promise<{ id: number; seq: number }> {
  const [row] = await q.query<{ id: number; seq: number }>(
    `INSERT INTO workplan_progress (assignment_id, seq, body, figures, percent, final, milestones, submitted_by, submitted_at, is_demo)
     VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM workplan_progress WHERE assignment_id = $1), $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING id::int AS id, seq`,
    [p.assignmentId, p.body, JSON.stringify(p.figures), p.percent, p.final, JSON.stringify(p.milestones), p.by, p.at, p.isDemo],
  );
  if (!row) throw new Error('progress report not inserted');
  return row;
}

export const reviewProgress = (q: Queryable, id: number, r: { status: 'accepted' | 'returned'; by: string | null; at: Date; comment: string | null }) =>
  q.query('UPDATE workplan_progress SET status = $2, reviewed_by = $3, reviewed_at = $4, review_comment = $5 WHERE id = $1', [id, r.status, r.by, r.at, r.comment]);

export const setAssignmentState = (q: Queryable, id: number, s: { status: AssignmentStatus; percent?: number; completedAt?: Date | null; cancelReason?: string | null }, at: Date) =>
  q.query(
    `UPDATE workplan_assignments SET status = $2, percent = coalesce($3, percent),
       completed_at = CASE WHEN $4::boolean THEN $5::timestamptz ELSE completed_at END,
       cancel_reason = CASE WHEN $6::boolean THEN $7 ELSE cancel_reason END, updated_at = $8
     WHERE id = $1`,
    [id, s.status, s.percent ?? null, s.completedAt !== undefined, s.completedAt ?? null, s.cancelReason !== undefined, s.cancelReason ?? null, at],
  );

export const setReported = (q: Queryable, indicatorId: number, assignmentId: number, value: number) =>
  q.query('UPDATE workplan_indicators SET reported = $3 WHERE id = $1 AND assignment_id = $2 AND metric IS NULL', [indicatorId, assignmentId, value]);

export const markMilestones = (q: Queryable, assignmentId: number, ids: number[], day: string) =>
  q.query('UPDATE workplan_milestones SET done_at = $3::date WHERE assignment_id = $1 AND id = ANY($2::bigint[]) AND done_at IS NULL', [assignmentId, ids, day]);

export interface NewAssignment {
  taskId: number;
  orgId: string;
  areaCode: string;
  title: string;
  requirements: string;
  startDate: string | null;
  dueDate: string;
  by: string | null;
  at: Date;
  isDemo: boolean;
}

export async function insertAssignment(q: Queryable, a: NewAssignment): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO workplan_assignments (task_id, org_id, area_code, title, requirements, start_date, due_date, is_demo, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8, $9, $10, $10) RETURNING id::int AS id`,
    [a.taskId, a.orgId, a.areaCode, a.title, a.requirements, a.startDate, a.dueDate, a.isDemo, a.by, a.at],
  );
  if (!row) throw new Error('assignment not inserted');
  return row.id;
}

export const updateAssignment = (q: Queryable, id: number, a: { title: string; requirements: string; startDate: string | null; dueDate: string; at: Date }) =>
  q.query('UPDATE workplan_assignments SET title = $2, requirements = $3, start_date = $4::date, due_date = $5::date, updated_at = $6 WHERE id = $1', [
    id,
    a.title,
    a.requirements,
    a.startDate,
    a.dueDate,
    a.at,
  ]);

export interface IndicatorInput {
  id?: number | undefined;
  name: string;
  unit: string;
  target: number;
  metric?: string | undefined;
}

/** Replaces an assignment's indicators: kept ones (by id) are updated in place so reported figures stay theirs. */
export async function replaceIndicators(q: Queryable, assignmentId: number, list: IndicatorInput[]): Promise<void> {
  const keep = list.map((i) => i.id).filter((id): id is number => typeof id === 'number');
  await q.query('DELETE FROM workplan_indicators WHERE assignment_id = $1 AND NOT (id = ANY($2::bigint[]))', [assignmentId, keep]);
  // Sequence numbers are unique: park the kept rows out of the way first.
  await q.query('UPDATE workplan_indicators SET seq = -seq - 1000 WHERE assignment_id = $1', [assignmentId]);
  let seq = 0;
  for (const i of list) {
    seq++;
    if (i.id) {
      await q.query('UPDATE workplan_indicators SET seq = $3, name = $4, unit = $5, target = $6, metric = $7 WHERE id = $1 AND assignment_id = $2', [i.id, assignmentId, seq, i.name, i.unit, i.target, i.metric ?? null]);
    } else {
      await q.query('INSERT INTO workplan_indicators (assignment_id, seq, name, unit, target, metric) VALUES ($1, $2, $3, $4, $5, $6)', [assignmentId, seq, i.name, i.unit, i.target, i.metric ?? null]);
    }
  }
}

export interface MilestoneInput {
  id?: number | undefined;
  title: string;
  dueDate: string;
}

export async function replaceMilestones(q: Queryable, assignmentId: number, list: MilestoneInput[]): Promise<void> {
  const keep = list.map((m) => m.id).filter((id): id is number => typeof id === 'number');
  await q.query('DELETE FROM workplan_milestones WHERE assignment_id = $1 AND NOT (id = ANY($2::bigint[]))', [assignmentId, keep]);
  await q.query('UPDATE workplan_milestones SET seq = -seq - 1000 WHERE assignment_id = $1', [assignmentId]);
  let seq = 0;
  for (const m of list) {
    seq++;
    if (m.id) await q.query('UPDATE workplan_milestones SET seq = $3, title = $4, due_date = $5::date WHERE id = $1 AND assignment_id = $2', [m.id, assignmentId, seq, m.title, m.dueDate]);
    else await q.query('INSERT INTO workplan_milestones (assignment_id, seq, title, due_date) VALUES ($1, $2, $3, $4::date)', [assignmentId, seq, m.title, m.dueDate]);
  }
}

export const orgById = async (q: Queryable, id: string) =>
  (await q.query<{ id: string; name: string; kind: string; area_code: string }>('SELECT id, name, kind, area_code FROM organisations WHERE id = $1', [id]))[0] ?? null;

/** Organisations that can be given assignments: county/zone desks, member units and the city office itself. */
export const assignableOrgs = (q: Queryable) =>
  q.query<{ id: string; name: string; kind: string; area_code: string }>(
    `SELECT id, name, kind, area_code FROM organisations WHERE kind IN ('area_desk', 'partner', 'city_office') ORDER BY kind, area_code, name`,
  );

export const taskById = async (q: Queryable, id: number) =>
  (await q.query<{ id: number; plan_id: number; plan_year: number; plan_status: string }>(
    'SELECT t.id::int AS id, t.plan_id::int AS plan_id, p.year AS plan_year, p.status AS plan_status FROM workplan_tasks t JOIN workplan_plans p ON p.id = t.plan_id WHERE t.id = $1',
    [id],
  ))[0] ?? null;

/** Open assignments of issued plans due on or before `until`, with their unit (reminders). */
export const dueAssignments = (q: Queryable, until: string) =>
  q.query<AssignmentRow>(`SELECT ${COLUMNS} ${FROM} WHERE p.status = 'issued' AND a.status IN ('not_started', 'in_progress') AND a.due_date <= $1::date ORDER BY a.org_id, a.due_date, a.id`, [until]);

export const usersOfOrg = (q: Queryable, orgId: string) =>
  q.query<{ id: string; email: string | null; display_name: string }>('SELECT id, email, display_name FROM users WHERE org_id = $1 AND disabled_at IS NULL ORDER BY username', [orgId]);

/** Records today's reminder of a unit; false when it was already sent today. */
export async function claimReminder(q: Queryable, orgId: string, day: string, due: number, overdue: number, at: Date): Promise<boolean> {
  const rows = await q.query('INSERT INTO workplan_reminders (org_id, day, due, overdue, mailed, sent_at) VALUES ($1, $2::date, $3, $4, 0, $5) ON CONFLICT DO NOTHING RETURNING org_id', [orgId, day, due, overdue, at]);
  return rows.length > 0;
}

export const setReminderMailed = (q: Queryable, orgId: string, day: string, mailed: number) =>
  q.query('UPDATE workplan_reminders SET mailed = $3 WHERE org_id = $1 AND day = $2::date', [orgId, day, mailed]);

/** Assignments of plans of a year, for the completion figures the assessment reads. */
export const assignmentsOfYear = (q: Queryable, year: number) =>
  q.query<{ area_code: string; status: AssignmentStatus; due_date: string; completed_on: string | null }>(
    `SELECT a.area_code, a.status, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
            to_char(a.completed_at AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD') AS completed_on
       FROM workplan_assignments a JOIN workplan_tasks t ON t.id = a.task_id JOIN workplan_plans p ON p.id = t.plan_id
      WHERE p.year = $1 AND p.status <> 'draft' AND a.status <> 'cancelled'`,
    [year],
  );
