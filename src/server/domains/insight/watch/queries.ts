import type { Queryable } from '../../../db/db';

/**
 * The scan's statements. Each inserts the alerts of one rule for everyone at once; the unique
 * (user, dedup key) makes a second scan of the same events add nothing. Date rules take the scan
 * date; event rules the time to look back to, which scanAlerts sets a little before the previous scan.
 */

/**
 * Patents whose fees, term and status a person follows: holders and single patents watched, and the
 * rights of their own organisation. $2 keeps one status only (null: all), before the de-duplication
 * sorts them: date rules follow valid patents, a small part of every followed one.
 */
const FOLLOWED = `followed AS (
    SELECT w.user_id, w.id AS watch_id, ph.patent_id FROM watches w JOIN patent_holders ph ON ph.holder_id = w.value::bigint WHERE w.kind = 'holder'
    UNION ALL
    SELECT w.user_id, w.id, p.id FROM watches w JOIN patents p ON p.app_no = w.value WHERE w.kind = 'patent'
    UNION ALL
    SELECT u.id, NULL, ph.patent_id FROM users u JOIN organisations o ON o.id = u.org_id JOIN holders h ON h.uscc = o.uscc
      JOIN patent_holders ph ON ph.holder_id = h.id WHERE u.disabled_at IS NULL AND o.uscc IS NOT NULL
  ),
  one AS (
    SELECT DISTINCT ON (f.user_id, f.patent_id) f.user_id, f.watch_id, p.id, p.app_no, p.title, p.type, p.app_date, p.grant_date, p.status, p.status_raw
      FROM followed f JOIN patents p ON p.id = f.patent_id WHERE p.visibility = 'public' AND ($2::text IS NULL OR p.status = $2)
     ORDER BY f.user_id, f.patent_id, f.watch_id NULLS FIRST
  )`;

const INSERT = `INSERT INTO alerts (user_id, kind, right_type, right_id, watch_id, dedup_key, due_date, detail)`;
const DONE = `ON CONFLICT (user_id, dedup_key) DO NOTHING RETURNING id`;

/** Annual fee due within 90 days (an alert at 90, 30 and 7 days), or in its grace period. */
const FEES = `WITH ${FOLLOWED}
  ${INSERT}
  SELECT o.user_id, CASE WHEN c.due_date < $1 THEN 'fee_grace' ELSE 'fee_due' END, 'patent', o.id, o.watch_id,
         CASE WHEN c.due_date < $1 THEN 'grace:' || o.id || ':' || c.fee_year
              ELSE 'fee:' || o.id || ':' || c.fee_year || ':' || CASE WHEN c.due_date - $1 <= 7 THEN 7 WHEN c.due_date - $1 <= 30 THEN 30 ELSE 90 END END,
         CASE WHEN c.due_date < $1 THEN c.grace_end ELSE c.due_date END,
         jsonb_build_object('appNo', o.app_no, 'title', o.title, 'feeYear', c.fee_year, 'dueDate', c.due_date, 'graceEnd', c.grace_end, 'daysLeft', c.due_date - $1)
    FROM one o CROSS JOIN LATERAL patent_current_fee(o.app_date, o.grant_date, o.type, $1) c
   WHERE c.due_date IS NOT NULL AND c.due_date - $1 <= 90
  ${DONE}`;

/** Term ending within 90 days. */
const EXPIRY = `WITH ${FOLLOWED}
  ${INSERT}
  SELECT o.user_id, 'expiry', 'patent', o.id, o.watch_id, 'expiry:' || o.id, patent_term_end(o.app_date, o.type),
         jsonb_build_object('appNo', o.app_no, 'title', o.title, 'termEnd', patent_term_end(o.app_date, o.type), 'daysLeft', patent_term_end(o.app_date, o.type) - $1)
    FROM one o WHERE patent_term_end(o.app_date, o.type) - $1 BETWEEN 0 AND 90
  ${DONE}`;

/** A followed patent lapsed, ended, was invalidated or changed hands since the last scan. */
const STATUS = `WITH ${FOLLOWED}
  ${INSERT}
  SELECT o.user_id, 'status_change', 'patent', o.id, o.watch_id, 'status:' || h.id, h.event_date,
         jsonb_build_object('appNo', o.app_no, 'title', o.title, 'status', h.status, 'statusRaw', h.status_raw, 'eventDate', h.event_date)
    FROM one o JOIN patent_status_history h ON h.patent_id = o.id
   WHERE h.recorded_at > $1::timestamptz AND (h.status IN ('lapsed', 'expired', 'invalidated', 'abandoned', 'withdrawn', 'rejected') OR h.status_raw ~ '转让|转移|变更')
  ${DONE}`;

/** New filings (published or filed within the year, newly in the register) by a watched holder, in a watched IPC area, or matching watched words; a back-filled old portfolio is not news. */
const NEW_FILINGS = `WITH fresh AS (
    SELECT id, app_no, title, ipc, search FROM patents
     WHERE created_at > $1::timestamptz AND visibility = 'public'
       AND coalesce(pub_date, app_date) >= ($1::timestamptz - interval '1 year')::date),
  hits AS (
    SELECT w.user_id, w.id AS watch_id, f.id, f.app_no, f.title FROM fresh f JOIN patent_holders ph ON ph.patent_id = f.id
      JOIN watches w ON w.kind = 'holder' AND w.value = ph.holder_id::text
    UNION
    SELECT w.user_id, w.id, f.id, f.app_no, f.title FROM fresh f CROSS JOIN LATERAL unnest(f.ipc) AS code
      CROSS JOIN LATERAL (VALUES (left(code, 3)), (left(code, 4)), (split_part(code, '/', 1)), (code)) AS pre(prefix)
      JOIN watches w ON w.kind = 'ipc' AND w.value = pre.prefix
     -- A watch kept for a firm: the firm's own filings are not news to it.
     WHERE w.exclude_uscc IS NULL OR NOT EXISTS (
       SELECT 1 FROM patent_holders ph2 JOIN holders h2 ON h2.id = ph2.holder_id WHERE ph2.patent_id = f.id AND h2.uscc = w.exclude_uscc)
    UNION
    SELECT w.user_id, w.id, f.id, f.app_no, f.title FROM watches w
      JOIN LATERAL (SELECT * FROM fresh f WHERE f.search @@ to_tsquery('simple', w.query) LIMIT 200) AS f ON true
     WHERE w.kind = 'keyword'
  )
  ${INSERT}
  SELECT DISTINCT ON (user_id, id, watch_id) user_id, 'new_filing', 'patent', id, watch_id, 'new:' || id || ':' || watch_id, NULL::date,
         jsonb_build_object('appNo', app_no, 'title', title)
    FROM hits
  ${DONE}`;

/** Trademarks followed (watched, of a watched holder, or one's own). */
const FOLLOWED_MARKS = `marks AS (
    SELECT DISTINCT ON (x.user_id, t.id) x.user_id, x.watch_id, t.id, t.reg_no, t.nice_class, t.name, t.term_end, t.status
      FROM (SELECT w.user_id, w.id AS watch_id, th.trademark_id FROM watches w JOIN trademark_holders th ON th.holder_id = w.value::bigint WHERE w.kind = 'holder'
            UNION ALL SELECT w.user_id, w.id, w.value::bigint FROM watches w WHERE w.kind = 'trademark'
            UNION ALL SELECT u.id, NULL, th.trademark_id FROM users u JOIN organisations o ON o.id = u.org_id JOIN holders h ON h.uscc = o.uscc
                        JOIN trademark_holders th ON th.holder_id = h.id WHERE u.disabled_at IS NULL AND o.uscc IS NOT NULL) AS x
      JOIN trademarks t ON t.id = x.trademark_id
     WHERE t.visibility = 'public' AND t.term_end IS NOT NULL AND t.status IN ('registered', 'expired')
     ORDER BY x.user_id, t.id, x.watch_id NULLS FIRST
  )`;

/** Renewal window open (12 months before the term ends) or grace period running (6 months after). */
const MARKS = `WITH ${FOLLOWED_MARKS}
  ${INSERT}
  SELECT m.user_id, CASE WHEN m.term_end < $1 THEN 'tm_grace' ELSE 'tm_renewal' END, 'trademark', m.id, m.watch_id,
         CASE WHEN m.term_end < $1 THEN 'tmgrace:' ELSE 'tmrenew:' END || m.id || ':' || m.term_end,
         CASE WHEN m.term_end < $1 THEN (m.term_end + interval '6 months')::date ELSE m.term_end END,
         jsonb_build_object('regNo', m.reg_no, 'class', m.nice_class, 'name', m.name, 'termEnd', m.term_end, 'graceEnd', (m.term_end + interval '6 months')::date, 'daysLeft', m.term_end - $1)
    FROM marks m
   WHERE $1 >= (m.term_end - interval '12 months')::date AND $1 <= (m.term_end + interval '6 months')::date
  ${DONE}`;

type SqlRule = 'fees' | 'expiry' | 'marks' | 'status' | 'newFilings';
/** Date rules take the scan date, event rules the time to look back to; patent rules say which statuses they follow. */
const SQL_RULES: Record<SqlRule, (q: Queryable, scanDate: string, since: Date) => Promise<unknown[]>> = {
  fees: (q, scanDate) => q.query(FEES, [scanDate, 'valid']),
  expiry: (q, scanDate) => q.query(EXPIRY, [scanDate, 'valid']),
  marks: (q, scanDate) => q.query(MARKS, [scanDate]),
  status: (q, _scanDate, since) => q.query(STATUS, [since, null]),
  newFilings: (q, _scanDate, since) => q.query(NEW_FILINGS, [since]),
};
const EVENT_RULES: readonly Rule[] = ['status', 'newFilings', 'similarMarks'];
/** similarMarks the service runs itself: the comparison is not SQL's. */
export type Rule = SqlRule | 'similarMarks';
export const RULES: readonly Rule[] = ['fees', 'expiry', 'marks', 'status', 'newFilings', 'similarMarks'];

export const isEventRule = (rule: Rule) => EVENT_RULES.includes(rule);

/** Runs one SQL rule; returns how many alerts it added. */
export async function runRule(q: Queryable, rule: SqlRule, scanDate: string, since: Date): Promise<number> {
  return (await SQL_RULES[rule](q, scanDate, since)).length;
}

/** The marks of holders watched for similar filings, with the watch and who gets the alert. */
export const marksWatchedForSimilar = (q: Queryable) =>
  q.query<{ user_id: string; watch_id: number; holder_id: number; uscc: string | null; id: number; reg_no: string; nice_class: number; name: string }>(
    `SELECT w.user_id, w.id::int AS watch_id, h.id::int AS holder_id, h.uscc, t.id::int AS id, t.reg_no, t.nice_class::int AS nice_class, t.name
       FROM watches w JOIN holders h ON h.id = w.value::bigint JOIN trademark_holders th ON th.holder_id = h.id JOIN trademarks t ON t.id = th.trademark_id
      WHERE w.kind = 'similar_marks' AND t.visibility = 'public' AND t.status IN ('pending', 'registered')`,
  );

/** Trademarks new in the register since the last scan (filed within the year), in the given classes, with their holders. */
export const freshMarks = (q: Queryable, since: Date, classes: number[]) =>
  q.query<{ id: number; reg_no: string; nice_class: number; name: string; holder_ids: number[]; usccs: string[] }>(
    `SELECT t.id::int AS id, t.reg_no, t.nice_class::int AS nice_class, t.name,
            coalesce(array_agg(h.id::int) FILTER (WHERE h.id IS NOT NULL), '{}') AS holder_ids,
            coalesce(array_agg(h.uscc) FILTER (WHERE h.uscc IS NOT NULL), '{}') AS usccs
       FROM trademarks t LEFT JOIN trademark_holders th ON th.trademark_id = t.id LEFT JOIN holders h ON h.id = th.holder_id
      WHERE t.created_at > $1::timestamptz AND t.visibility = 'public' AND t.nice_class = ANY($2::int[])
        AND coalesce(t.app_date, t.created_at::date) >= ($1::timestamptz - interval '1 year')::date
      GROUP BY t.id`,
    [since, classes],
  );

export interface NewAlert {
  userId: string;
  kind: string;
  rightType: 'patent' | 'trademark';
  rightId: number;
  watchId: number | null;
  dedupKey: string;
  dueDate: string | null;
  detail: Record<string, unknown>;
}

export async function insertAlerts(q: Queryable, alerts: readonly NewAlert[]): Promise<number> {
  if (alerts.length === 0) return 0;
  const rows = await q.query(
    `${INSERT}
     SELECT a.user_id, a.kind, a.right_type, a.right_id, a.watch_id, a.dedup_key, a.due_date, a.detail
       FROM jsonb_to_recordset($1::jsonb) AS a(user_id uuid, kind text, right_type text, right_id bigint, watch_id bigint, dedup_key text, due_date date, detail jsonb)
     ${DONE}`,
    [JSON.stringify(alerts.map((a) => ({ user_id: a.userId, kind: a.kind, right_type: a.rightType, right_id: a.rightId, watch_id: a.watchId, dedup_key: a.dedupKey, due_date: a.dueDate, detail: a.detail })))],
  );
  return rows.length;
}

/** When the first finished scan (the baseline) and the latest one started; null before any. */
export async function scanStarts(q: Queryable): Promise<{ first: Date; last: Date } | null> {
  const [row] = await q.query<{ first: Date | null; last: Date | null }>('SELECT min(started_at) AS first, max(started_at) AS last FROM alert_scans WHERE finished_at IS NOT NULL');
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/** Scans are stamped with the database's clock, the clock that stamps the records they compare with. */
export async function startScan(q: Queryable, jobId: string | null, scanDate: string): Promise<{ id: number; started_at: Date }> {
  const [row] = await q.query<{ id: number; started_at: Date }>(
    'INSERT INTO alert_scans (job_id, scan_date, started_at) VALUES ($1, $2, now()) RETURNING id::int AS id, started_at',
    [jobId, scanDate],
  );
  if (!row) throw new Error('scan insert returned nothing');
  return row;
}

export async function finishScan(q: Queryable, id: number, alerts: number, at: Date): Promise<void> {
  await q.query('UPDATE alert_scans SET finished_at = $2, alerts = $3 WHERE id = $1', [id, at, alerts]);
}

export interface AlertRow {
  id: number;
  user_id: string;
  kind: string;
  right_type: 'patent' | 'trademark';
  right_id: number;
  watch_id: number | null;
  watch_label: string | null;
  due_date: string | null;
  detail: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

/** People with an address and alerts not yet mailed. */
export function unmailedRecipients(q: Queryable) {
  return q.query<{ user_id: string; email: string; display_name: string }>(
    `SELECT u.id AS user_id, u.email, u.display_name FROM users u
      WHERE u.email IS NOT NULL AND u.disabled_at IS NULL AND EXISTS (SELECT 1 FROM alerts a WHERE a.user_id = u.id AND a.mailed_at IS NULL)`,
  );
}

/** Claims a person's unmailed alerts (a concurrent scan gets none of them) and returns them. */
export function claimUnmailed(q: Queryable, userId: string, at: Date) {
  return q.query<AlertRow>(
    `WITH c AS (UPDATE alerts SET mailed_at = $2 WHERE user_id = $1 AND mailed_at IS NULL RETURNING *)
     SELECT c.*, w.label AS watch_label FROM c LEFT JOIN watches w ON w.id = c.watch_id ORDER BY c.due_date NULLS LAST, c.id`,
    [userId, at],
  );
}

export function alertsOf(q: Queryable, userId: string, opts: { unread: boolean; kind: string | null; limit: number; offset: number }) {
  return q.query<AlertRow>(
    `SELECT a.*, w.label AS watch_label FROM alerts a LEFT JOIN watches w ON w.id = a.watch_id
      WHERE a.user_id = $1 AND (NOT $2 OR a.read_at IS NULL) AND ($3::text IS NULL OR a.kind = $3)
      ORDER BY a.read_at IS NOT NULL, date_trunc('day', a.created_at) DESC, a.due_date NULLS LAST, a.id DESC LIMIT $4 OFFSET $5`,
    [userId, opts.unread, opts.kind, opts.limit, opts.offset],
  );
}

export async function alertCounts(q: Queryable, userId: string) {
  return q.query<{ kind: string; total: number; unread: number }>(
    `SELECT kind, count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM alerts WHERE user_id = $1 GROUP BY kind`,
    [userId],
  );
}

/** Marks one's own alerts read (all when ids is null); returns how many changed. */
export async function markRead(q: Queryable, userId: string, ids: number[] | null, at: Date): Promise<number> {
  return (await q.query('UPDATE alerts SET read_at = $3 WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2)) RETURNING id', [userId, ids, at])).length;
}

export interface WatchRow {
  id: number;
  kind: string;
  value: string;
  label: string;
  created_at: Date;
}

export const watchesOf = (q: Queryable, userId: string) =>
  q.query<WatchRow>('SELECT id, kind, value, label, created_at FROM watches WHERE user_id = $1 ORDER BY created_at DESC, id DESC', [userId]);

export async function insertWatch(q: Queryable, w: { userId: string; kind: string; value: string; label: string; query: string | null; excludeUscc?: string | null }): Promise<WatchRow | undefined> {
  const [row] = await q.query<WatchRow>(
    `INSERT INTO watches (user_id, kind, value, label, query, exclude_uscc) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, kind, value) DO NOTHING
     RETURNING id, kind, value, label, created_at`,
    [w.userId, w.kind, w.value, w.label, w.query, w.excludeUscc ?? null],
  );
  return row;
}

export async function deleteWatch(q: Queryable, userId: string, id: number): Promise<WatchRow | undefined> {
  const [row] = await q.query<WatchRow>('DELETE FROM watches WHERE id = $1 AND user_id = $2 RETURNING id, kind, value, label, created_at', [id, userId]);
  return row;
}
