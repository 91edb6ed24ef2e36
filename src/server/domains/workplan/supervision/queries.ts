import type { Queryable } from '../../../db/db';
import type { CircularKind, InterviewStatus, NoticeStatus, RectificationSource, RectificationStatus } from '../../../../shared/workplan/supervision';

/**
 * Who sees what: `scope` is the area filter (null: the whole city) and `unit` the caller's own
 * organisation when the caller is a unit that reports (null: a supervisor or reader sees all units).
 * Both are parameters of every query, so the check is in the SQL itself.
 */
export interface Visibility {
  scope: string[] | null;
  unit: string | null;
}

const VISIBLE = `($1::text[] IS NULL OR x.area_code = ANY($1)) AND ($2::uuid IS NULL OR x.org_id = $2)`;
const FOR_UPDATE = ' FOR UPDATE OF x';

async function nextSeq(q: Queryable, table: 'workplan_notices' | 'workplan_circulars' | 'workplan_interviews' | 'workplan_rectifications', year: number): Promise<number> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${table}:${year}`]);
  const sqlByTable = {
    workplan_notices: 'SELECT coalesce(max(ref_seq), 0)::int + 1 AS n FROM workplan_notices WHERE ref_year = $1',
    workplan_circulars: 'SELECT coalesce(max(ref_seq), 0)::int + 1 AS n FROM workplan_circulars WHERE ref_year = $1',
    workplan_interviews: 'SELECT coalesce(max(ref_seq), 0)::int + 1 AS n FROM workplan_interviews WHERE ref_year = $1',
    workplan_rectifications: 'SELECT coalesce(max(ref_seq), 0)::int + 1 AS n FROM workplan_rectifications WHERE ref_year = $1',
  } as const;
  const [row] = await q.query<{ n: number }>(sqlByTable[table], [year]);
  return row?.n ?? 1;
}
export { nextSeq };

// ---- units

export interface UnitRow {
  id: string;
  name: string;
  area_code: string;
  kind: string;
}

/** Units the plan assigns work to: the county/district/zone desks and the partner departments. */
export const units = (q: Queryable) =>
  q.query<UnitRow>(`SELECT id, name, area_code, kind FROM organisations WHERE kind IN ('area_desk', 'partner') AND disabled_at IS NULL ORDER BY kind, area_code, name`);

export const unitsByIds = (q: Queryable, ids: string[]) => q.query<UnitRow>('SELECT id, name, area_code, kind FROM organisations WHERE id = ANY($1::uuid[])', [ids]);

/** The name a user signs with (display name), for replies and follow-ups. */
export async function displayName(q: Queryable, userId: string | null, fallback: string): Promise<string> {
  if (!userId) return fallback;
  const [row] = await q.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [userId]);
  return row?.display_name ?? fallback;
}

/** The people of a unit who receive its mail. */
export const mailboxesOf = (q: Queryable, orgId: string) =>
  q.query<{ email: string | null; display_name: string }>(`SELECT email, display_name FROM users WHERE org_id = $1 AND disabled_at IS NULL ORDER BY username`, [orgId]);

// ---- assignments (the core plan tables, read only)

export interface AssignmentRow {
  id: number;
  title: string;
  due_date: string;
  status: string;
  task_title: string;
  plan_title: string;
  plan_year: number;
  org_id: string;
  org_name: string;
  area_code: string;
}

const ASSIGNMENT_COLUMNS = `a.id::int AS id, a.title, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status, t.title AS task_title, p.title AS plan_title,
  p.year AS plan_year, a.org_id, o.name AS org_name, a.area_code`;
const ASSIGNMENT_FROM = `workplan_assignments a JOIN workplan_tasks t ON t.id = a.task_id JOIN workplan_plans p ON p.id = t.plan_id JOIN organisations o ON o.id = a.org_id`;

export const assignmentsByIds = (q: Queryable, ids: number[]) =>
  q.query<AssignmentRow>(`SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} WHERE a.id = ANY($1::bigint[]) ORDER BY a.due_date, a.id`, [ids]);

/** Assignments past their due date and not finished, with how many open notices already cover each. */
export const overdueAssignments = (q: Queryable, today: string, scope: string[] | null) =>
  q.query<AssignmentRow & { open_notices: number }>(
    `SELECT ${ASSIGNMENT_COLUMNS},
       (SELECT count(*)::int FROM workplan_notice_assignments na JOIN workplan_notices n ON n.id = na.notice_id
         WHERE na.assignment_id = a.id AND n.status <> 'accepted') AS open_notices
       FROM ${ASSIGNMENT_FROM}
      WHERE a.status IN ('not_started', 'in_progress') AND a.due_date < $1::date AND p.status <> 'closed'
        AND ($2::text[] IS NULL OR a.area_code = ANY($2))
      ORDER BY a.due_date, o.name, a.id`,
    [today, scope],
  );

// ---- notices

export interface NoticeRow {
  id: number;
  ref_year: number;
  ref_seq: number;
  org_id: string;
  org_name: string;
  area_code: string;
  issues: string;
  requirement: string;
  reply_content: string;
  issue_date: string;
  reply_due: string;
  status: NoticeStatus;
  replies: number;
  reply_body: string | null;
  replied_at: Date | null;
  replied_by_name: string | null;
  review_comment: string | null;
  reviewed_at: Date | null;
  is_demo: boolean;
  rectifications: number;
}

const NOTICE_COLUMNS = `x.id::int AS id, x.ref_year, x.ref_seq, x.org_id, o.name AS org_name, x.area_code, x.issues, x.requirement, x.reply_content,
  to_char(x.issue_date, 'YYYY-MM-DD') AS issue_date, to_char(x.reply_due, 'YYYY-MM-DD') AS reply_due, x.status, x.replies, x.reply_body, x.replied_at,
  x.replied_by_name, x.review_comment, x.reviewed_at, x.is_demo,
  (SELECT count(*)::int FROM workplan_rectifications r WHERE r.source_kind = 'notice' AND r.source_id = x.id) AS rectifications`;
const NOTICE_BY_ID = `SELECT ${NOTICE_COLUMNS} FROM workplan_notices x JOIN organisations o ON o.id = x.org_id WHERE ${VISIBLE} AND x.id = $3`;

export async function noticeById(q: Queryable, v: Visibility, id: number, lock = false): Promise<NoticeRow | null> {
  const [row] = await q.query<NoticeRow>(lock ? NOTICE_BY_ID + FOR_UPDATE : NOTICE_BY_ID, [v.scope, v.unit, id]);
  return row ?? null;
}

const NOTICE_WHERE = `${VISIBLE} AND ($3::text IS NULL OR x.status = $3) AND ($4::uuid IS NULL OR x.org_id = $4)
  AND ($5::date IS NULL OR (x.status IN ('issued', 'returned') AND x.reply_due < $5)) AND (NOT $6::boolean OR x.status <> 'accepted')`;

export async function listNotices(q: Queryable, v: Visibility, f: { status?: string; org?: string; overdueOn: string | null; open: boolean; limit: number; offset: number }) {
  const params = [v.scope, v.unit, f.status ?? null, f.org ?? null, f.overdueOn, f.open];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM workplan_notices x WHERE ${NOTICE_WHERE}`, params);
  // A unit sees what waits for its reply first; the city office what waits for its review.
  const rows = await q.query<NoticeRow>(
    `SELECT ${NOTICE_COLUMNS} FROM workplan_notices x JOIN organisations o ON o.id = x.org_id WHERE ${NOTICE_WHERE}
      ORDER BY CASE WHEN $2::uuid IS NOT NULL THEN (x.status IN ('issued', 'returned')) ELSE x.status = 'replied' END DESC,
               (x.status = 'accepted'), x.reply_due, x.id DESC
      LIMIT $7 OFFSET $8`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}

export async function insertNotice(
  q: Queryable,
  n: { refYear: number; refSeq: number; orgId: string; areaCode: string; issues: string; requirement: string; replyContent: string; issueDate: string; replyDue: string; assignmentIds: number[]; userId: string | null; at: Date; isDemo: boolean },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO workplan_notices (ref_year, ref_seq, org_id, area_code, issues, requirement, reply_content, issue_date, reply_due, is_demo, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id::int AS id`,
    [n.refYear, n.refSeq, n.orgId, n.areaCode, n.issues, n.requirement, n.replyContent, n.issueDate, n.replyDue, n.isDemo, n.userId, n.at],
  );
  if (!row) throw new Error('notice not inserted');
  if (n.assignmentIds.length) {
    await q.query('INSERT INTO workplan_notice_assignments (notice_id, assignment_id) SELECT $1, unnest($2::bigint[])', [row.id, n.assignmentIds]);
  }
  return row.id;
}

export const noticeAssignments = (q: Queryable, noticeIds: number[]) =>
  q.query<AssignmentRow & { notice_id: number }>(
    `SELECT na.notice_id::int AS notice_id, ${ASSIGNMENT_COLUMNS} FROM workplan_notice_assignments na JOIN ${ASSIGNMENT_FROM} ON a.id = na.assignment_id
      WHERE na.notice_id = ANY($1::bigint[]) ORDER BY a.due_date, a.id`,
    [noticeIds],
  );

export const replyNotice = (q: Queryable, id: number, body: string, byName: string, at: Date) =>
  q.query(`UPDATE workplan_notices SET status = 'replied', reply_body = $2, replied_at = $4, replied_by_name = $3, replies = replies + 1, updated_at = $4 WHERE id = $1`, [id, body, byName, at]);

export const reviewNotice = (q: Queryable, id: number, status: 'accepted' | 'returned', comment: string | null, replyDue: string | null, at: Date) =>
  q.query(
    `UPDATE workplan_notices SET status = $2, review_comment = $3, reviewed_at = $5, reply_due = coalesce($4::date, reply_due),
       overdue_mailed_on = CASE WHEN $4::date IS NULL THEN overdue_mailed_on ELSE NULL END, updated_at = $5 WHERE id = $1`,
    [id, status, comment, replyDue, at],
  );

/** Notices past their reply deadline whose unit was not yet reminded for that deadline. */
export const overdueUnreminded = (q: Queryable, today: string) =>
  q.query<NoticeRow>(
    `SELECT ${NOTICE_COLUMNS} FROM workplan_notices x JOIN organisations o ON o.id = x.org_id
      WHERE x.status IN ('issued', 'returned') AND x.reply_due < $1::date AND x.overdue_mailed_on IS NULL ORDER BY x.id`,
    [today],
  );
export const markReminded = (q: Queryable, id: number, today: string) => q.query('UPDATE workplan_notices SET overdue_mailed_on = $2 WHERE id = $1', [id, today]);

// ---- circulars

export interface CircularRow {
  id: number;
  ref_year: number;
  ref_seq: number;
  kind: CircularKind;
  title: string;
  circular_date: string;
  body: string;
  circulate_to: 'all' | 'listed';
  is_demo: boolean;
  rectifications: number;
}
export interface CircularUnitRow {
  circular_id: number;
  org_id: string;
  name: string;
  area_code: string;
  role: 'named' | 'recipient';
  reason: string | null;
}

const CIRCULAR_COLUMNS = `x.id::int AS id, x.ref_year, x.ref_seq, x.kind, x.title, to_char(x.circular_date, 'YYYY-MM-DD') AS circular_date, x.body, x.circulate_to, x.is_demo,
  (SELECT count(*)::int FROM workplan_rectifications r WHERE r.source_kind = 'circular' AND r.source_id = x.id) AS rectifications`;
/** A unit sees circulars sent to all units, sent to it, or naming it. */
const CIRCULAR_VISIBLE = `($1::uuid IS NULL OR x.circulate_to = 'all' OR EXISTS (SELECT 1 FROM workplan_circular_units cu WHERE cu.circular_id = x.id AND cu.org_id = $1))`;

export async function circularById(q: Queryable, unit: string | null, id: number): Promise<CircularRow | null> {
  const [row] = await q.query<CircularRow>(`SELECT ${CIRCULAR_COLUMNS} FROM workplan_circulars x WHERE ${CIRCULAR_VISIBLE} AND x.id = $2`, [unit, id]);
  return row ?? null;
}

const CIRCULAR_WHERE = `${CIRCULAR_VISIBLE} AND ($2::text IS NULL OR x.kind = $2)`;

export async function listCirculars(q: Queryable, unit: string | null, f: { kind?: string; limit: number; offset: number }) {
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM workplan_circulars x WHERE ${CIRCULAR_WHERE}`, [unit, f.kind ?? null]);
  const rows = await q.query<CircularRow>(`SELECT ${CIRCULAR_COLUMNS} FROM workplan_circulars x WHERE ${CIRCULAR_WHERE} ORDER BY x.circular_date DESC, x.id DESC LIMIT $3 OFFSET $4`, [unit, f.kind ?? null, f.limit, f.offset]);
  return { rows, total: count?.n ?? 0 };
}

export const circularUnits = (q: Queryable, ids: number[]) =>
  q.query<CircularUnitRow>(
    `SELECT cu.circular_id::int AS circular_id, cu.org_id, o.name, o.area_code, cu.role, cu.reason FROM workplan_circular_units cu JOIN organisations o ON o.id = cu.org_id
      WHERE cu.circular_id = ANY($1::bigint[]) ORDER BY o.kind, o.area_code, o.name`,
    [ids],
  );

export async function insertCircular(
  q: Queryable,
  c: { refYear: number; refSeq: number; kind: string; title: string; date: string; body: string; circulateTo: string; named: Array<{ orgId: string; reason: string | null }>; recipients: string[]; userId: string | null; at: Date; isDemo: boolean },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO workplan_circulars (ref_year, ref_seq, kind, title, circular_date, body, circulate_to, is_demo, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::int AS id`,
    [c.refYear, c.refSeq, c.kind, c.title, c.date, c.body, c.circulateTo, c.isDemo, c.userId, c.at],
  );
  if (!row) throw new Error('circular not inserted');
  for (const u of c.named) await q.query(`INSERT INTO workplan_circular_units (circular_id, org_id, role, reason) VALUES ($1, $2, 'named', $3)`, [row.id, u.orgId, u.reason]);
  for (const r of c.recipients) await q.query(`INSERT INTO workplan_circular_units (circular_id, org_id, role) VALUES ($1, $2, 'recipient')`, [row.id, r]);
  return row.id;
}

// ---- interviews

export interface InterviewRow {
  id: number;
  ref_year: number;
  ref_seq: number;
  org_id: string;
  org_name: string;
  area_code: string;
  interviewees: string;
  interviewers: string;
  held_at: Date;
  place: string;
  issues: string;
  commitments: string;
  follow_up_due: string;
  status: InterviewStatus;
  is_demo: boolean;
  rectifications: number;
}

const INTERVIEW_COLUMNS = `x.id::int AS id, x.ref_year, x.ref_seq, x.org_id, o.name AS org_name, x.area_code, x.interviewees, x.interviewers, x.held_at, x.place, x.issues,
  x.commitments, to_char(x.follow_up_due, 'YYYY-MM-DD') AS follow_up_due, x.status, x.is_demo,
  (SELECT count(*)::int FROM workplan_rectifications r WHERE r.source_kind = 'interview' AND r.source_id = x.id) AS rectifications`;
const INTERVIEW_BY_ID = `SELECT ${INTERVIEW_COLUMNS} FROM workplan_interviews x JOIN organisations o ON o.id = x.org_id WHERE ${VISIBLE} AND x.id = $3`;

export async function interviewById(q: Queryable, v: Visibility, id: number, lock = false): Promise<InterviewRow | null> {
  const [row] = await q.query<InterviewRow>(lock ? INTERVIEW_BY_ID + FOR_UPDATE : INTERVIEW_BY_ID, [v.scope, v.unit, id]);
  return row ?? null;
}

const INTERVIEW_WHERE = `${VISIBLE} AND ($3::text IS NULL OR x.status = $3)`;

export async function listInterviews(q: Queryable, v: Visibility, f: { status?: string; limit: number; offset: number }) {
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM workplan_interviews x WHERE ${INTERVIEW_WHERE}`, [v.scope, v.unit, f.status ?? null]);
  const rows = await q.query<InterviewRow>(
    `SELECT ${INTERVIEW_COLUMNS} FROM workplan_interviews x JOIN organisations o ON o.id = x.org_id WHERE ${INTERVIEW_WHERE}
      ORDER BY (x.status = 'closed'), x.follow_up_due, x.id DESC LIMIT $4 OFFSET $5`,
    [v.scope, v.unit, f.status ?? null, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}

export async function insertInterview(
  q: Queryable,
  i: { refYear: number; refSeq: number; orgId: string; areaCode: string; interviewees: string; interviewers: string; heldAt: string; place: string; issues: string; commitments: string; followUpDue: string; userId: string | null; at: Date; isDemo: boolean },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO workplan_interviews (ref_year, ref_seq, org_id, area_code, interviewees, interviewers, held_at, place, issues, commitments, follow_up_due, is_demo, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id::int AS id`,
    [i.refYear, i.refSeq, i.orgId, i.areaCode, i.interviewees, i.interviewers, i.heldAt, i.place, i.issues, i.commitments, i.followUpDue, i.isDemo, i.userId, i.at],
  );
  if (!row) throw new Error('interview not inserted');
  return row.id;
}

export const followUpsOf = (q: Queryable, ids: number[]) =>
  q.query<{ interview_id: number; body: string; recorded_by_name: string; recorded_at: Date }>(
    'SELECT interview_id::int AS interview_id, body, recorded_by_name, recorded_at FROM workplan_interview_followups WHERE interview_id = ANY($1::bigint[]) ORDER BY recorded_at, id',
    [ids],
  );

export async function addFollowUp(q: Queryable, id: number, body: string, byName: string, close: boolean, at: Date): Promise<void> {
  await q.query('INSERT INTO workplan_interview_followups (interview_id, body, recorded_by_name, recorded_at) VALUES ($1, $2, $3, $4)', [id, body, byName, at]);
  await q.query(`UPDATE workplan_interviews SET status = CASE WHEN $2::boolean THEN 'closed' ELSE status END, closed_at = CASE WHEN $2::boolean THEN $3 ELSE closed_at END, updated_at = $3 WHERE id = $1`, [id, close, at]);
}

// ---- rectification

export interface RectificationRow {
  id: number;
  ref_year: number;
  ref_seq: number;
  source_kind: RectificationSource;
  source_id: number;
  source_year: number | null;
  source_seq: number | null;
  org_id: string;
  org_name: string;
  area_code: string;
  description: string;
  deadline: string;
  status: RectificationStatus;
  report_body: string | null;
  submitted_at: Date | null;
  review_comment: string | null;
  closed_at: Date | null;
  is_demo: boolean;
}

const RECT_COLUMNS = `x.id::int AS id, x.ref_year, x.ref_seq, x.source_kind, x.source_id::int AS source_id, x.org_id, o.name AS org_name, x.area_code, x.description,
  to_char(x.deadline, 'YYYY-MM-DD') AS deadline, x.status, x.report_body, x.submitted_at, x.review_comment, x.closed_at, x.is_demo,
  coalesce(sn.ref_year, sc.ref_year, si.ref_year) AS source_year, coalesce(sn.ref_seq, sc.ref_seq, si.ref_seq) AS source_seq`;
const RECT_FROM = `workplan_rectifications x JOIN organisations o ON o.id = x.org_id
  LEFT JOIN workplan_notices sn ON x.source_kind = 'notice' AND sn.id = x.source_id
  LEFT JOIN workplan_circulars sc ON x.source_kind = 'circular' AND sc.id = x.source_id
  LEFT JOIN workplan_interviews si ON x.source_kind = 'interview' AND si.id = x.source_id`;
const RECT_BY_ID = `SELECT ${RECT_COLUMNS} FROM ${RECT_FROM} WHERE ${VISIBLE} AND x.id = $3`;

export async function rectificationById(q: Queryable, v: Visibility, id: number, lock = false): Promise<RectificationRow | null> {
  const [row] = await q.query<RectificationRow>(lock ? RECT_BY_ID + FOR_UPDATE : RECT_BY_ID, [v.scope, v.unit, id]);
  return row ?? null;
}

const RECT_WHERE = `${VISIBLE} AND ($3::text IS NULL OR x.status = $3) AND ($4::uuid IS NULL OR x.org_id = $4)
  AND ($5::date IS NULL OR (x.status IN ('open', 'returned') AND x.deadline < $5)) AND (NOT $6::boolean OR x.status <> 'closed')
  AND ($7::text IS NULL OR x.source_kind = $7) AND ($8::bigint IS NULL OR x.source_id = $8)`;

export async function listRectifications(
  q: Queryable,
  v: Visibility,
  f: { status?: string; org?: string; overdueOn: string | null; open: boolean; sourceKind?: string; sourceId?: number; limit: number; offset: number },
) {
  const params = [v.scope, v.unit, f.status ?? null, f.org ?? null, f.overdueOn, f.open, f.sourceKind ?? null, f.sourceId ?? null];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM workplan_rectifications x WHERE ${RECT_WHERE}`, params);
  const rows = await q.query<RectificationRow>(
    `SELECT ${RECT_COLUMNS} FROM ${RECT_FROM} WHERE ${RECT_WHERE}
      ORDER BY CASE WHEN $2::uuid IS NOT NULL THEN (x.status IN ('open', 'returned')) ELSE x.status = 'submitted' END DESC,
               (x.status = 'closed'), x.deadline, x.id DESC
      LIMIT $9 OFFSET $10`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}

export async function insertRectification(
  q: Queryable,
  r: { refYear: number; refSeq: number; sourceKind: string; sourceId: number; orgId: string; areaCode: string; description: string; deadline: string; userId: string | null; at: Date; isDemo: boolean },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO workplan_rectifications (ref_year, ref_seq, source_kind, source_id, org_id, area_code, description, deadline, is_demo, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id::int AS id`,
    [r.refYear, r.refSeq, r.sourceKind, r.sourceId, r.orgId, r.areaCode, r.description, r.deadline, r.isDemo, r.userId, r.at],
  );
  if (!row) throw new Error('rectification not inserted');
  return row.id;
}

export const submitRectification = (q: Queryable, id: number, body: string, at: Date) =>
  q.query(`UPDATE workplan_rectifications SET status = 'submitted', report_body = $2, submitted_at = $3, updated_at = $3 WHERE id = $1`, [id, body, at]);

export const reviewRectification = (q: Queryable, id: number, status: 'closed' | 'returned', comment: string | null, deadline: string | null, at: Date) =>
  q.query(
    `UPDATE workplan_rectifications SET status = $2, review_comment = $3, deadline = coalesce($4::date, deadline),
       closed_at = CASE WHEN $2::text = 'closed' THEN $5::timestamptz END, updated_at = $5 WHERE id = $1`,
    [id, status, comment, deadline, at],
  );

/** Open, waiting and overdue items per unit, for the board. */
export const rectificationBoard = (q: Queryable, v: Visibility, today: string) =>
  q.query<{ org_id: string; name: string; area_code: string; open: number; submitted: number; overdue: number; closed: number; next_deadline: string | null }>(
    `SELECT x.org_id, o.name, o.area_code,
       count(*) FILTER (WHERE x.status IN ('open', 'returned'))::int AS open,
       count(*) FILTER (WHERE x.status = 'submitted')::int AS submitted,
       count(*) FILTER (WHERE x.status IN ('open', 'returned') AND x.deadline < $3::date)::int AS overdue,
       count(*) FILTER (WHERE x.status = 'closed')::int AS closed,
       to_char(min(x.deadline) FILTER (WHERE x.status IN ('open', 'returned')), 'YYYY-MM-DD') AS next_deadline
       FROM workplan_rectifications x JOIN organisations o ON o.id = x.org_id
      WHERE ${VISIBLE}
      GROUP BY x.org_id, o.name, o.area_code, o.kind
      ORDER BY count(*) FILTER (WHERE x.status IN ('open', 'returned') AND x.deadline < $3::date) DESC,
               count(*) FILTER (WHERE x.status IN ('open', 'returned')) DESC, o.kind, o.area_code, o.name`,
    [v.scope, v.unit, today],
  );

// ---- overview

export async function summary(q: Queryable, v: Visibility, today: string) {
  const [n] = await q.query<{ open: number; overdue: number; closed: number; review: number }>(
    `SELECT count(*) FILTER (WHERE x.status <> 'accepted')::int AS open,
            count(*) FILTER (WHERE x.status IN ('issued', 'returned') AND x.reply_due < $3::date)::int AS overdue,
            count(*) FILTER (WHERE x.status = 'accepted')::int AS closed,
            count(*) FILTER (WHERE x.status = 'replied')::int AS review
       FROM workplan_notices x WHERE ${VISIBLE}`,
    [v.scope, v.unit, today],
  );
  const [r] = await q.query<{ open: number; overdue: number; closed: number; review: number }>(
    `SELECT count(*) FILTER (WHERE x.status <> 'closed')::int AS open,
            count(*) FILTER (WHERE x.status IN ('open', 'returned') AND x.deadline < $3::date)::int AS overdue,
            count(*) FILTER (WHERE x.status = 'closed')::int AS closed,
            count(*) FILTER (WHERE x.status = 'submitted')::int AS review
       FROM workplan_rectifications x WHERE ${VISIBLE}`,
    [v.scope, v.unit, today],
  );
  const [i] = await q.query<{ open: number; overdue: number; closed: number }>(
    `SELECT count(*) FILTER (WHERE x.status = 'open')::int AS open,
            count(*) FILTER (WHERE x.status = 'open' AND x.follow_up_due < $3::date)::int AS overdue,
            count(*) FILTER (WHERE x.status = 'closed')::int AS closed
       FROM workplan_interviews x WHERE ${VISIBLE}`,
    [v.scope, v.unit, today],
  );
  const [c] = await q.query<{ praise: number; criticism: number }>(
    `SELECT count(*) FILTER (WHERE x.kind = 'praise')::int AS praise, count(*) FILTER (WHERE x.kind = 'criticism')::int AS criticism
       FROM workplan_circulars x WHERE ${CIRCULAR_VISIBLE}`,
    [v.unit],
  );
  return { n, r, i, c };
}
