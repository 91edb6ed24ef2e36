import { assertIdentifier, type Queryable } from '../../../db/db';
import type { ReportStatus, RewardStatus, RightKind } from '../../../../shared/protection/reports';

export interface ReportRow {
  id: number;
  ref_year: number;
  ref_seq: number;
  status: ReportStatus;
  right_kind: RightKind;
  right_ref: string | null;
  subject: string;
  infringer: string | null;
  address: string;
  lng: number | null;
  lat: number | null;
  area_code: string | null;
  area_source: 'address' | 'officer' | 'none';
  description: string;
  anonymous: boolean;
  reporter_name_sealed: string | null;
  reporter_name_masked: string | null;
  reporter_phone_sealed: string | null;
  reporter_phone_masked: string | null;
  reporter_id_sealed: string | null;
  reporter_id_masked: string | null;
  received_at: Date;
  accept_due: string;
  conclude_due: string | null;
  handler_id: string | null;
  handler_name: string | null;
  duplicate_of: number | null;
  duplicate_ref: string | null;
  reason: string | null;
  violation: boolean | null;
  case_value: number | null;
  decision_no: string | null;
  conclusion: string | null;
  concluded_at: Date | null;
  reward_status: RewardStatus;
  reward_level: number | null;
  reward_amount: number | null;
  reward_rule: unknown;
  reward_note: string | null;
  reward_proposed_by: string | null;
  proposed_by_name: string | null;
  reward_approved_by: string | null;
  approved_by_name: string | null;
  reward_claim_due: string | null;
  claim_name_sealed: string | null;
  claim_name_masked: string | null;
  claim_id_sealed: string | null;
  claim_id_masked: string | null;
  claim_phone_sealed: string | null;
  claim_phone_masked: string | null;
  claim_account_sealed: string | null;
  claim_account_masked: string | null;
  claimed_at: Date | null;
  paid_at: Date | null;
  paid_ref: string | null;
  is_demo: boolean;
  updated_at: Date;
}

const COLUMNS = `r.id::int AS id, r.ref_year, r.ref_seq, r.status, r.right_kind, r.right_ref, r.subject, r.infringer, r.address, r.lng, r.lat,
  r.area_code, r.area_source, r.description, r.anonymous, r.reporter_name_sealed, r.reporter_name_masked, r.reporter_phone_sealed,
  r.reporter_phone_masked, r.reporter_id_sealed, r.reporter_id_masked, r.received_at, to_char(r.accept_due, 'YYYY-MM-DD') AS accept_due,
  to_char(r.conclude_due, 'YYYY-MM-DD') AS conclude_due, r.handler_id, h.display_name AS handler_name, r.duplicate_of::int AS duplicate_of,
  CASE WHEN d.id IS NULL THEN NULL ELSE 'JB' || d.ref_year || '-' || lpad(d.ref_seq::text, 4, '0') END AS duplicate_ref, r.reason, r.violation,
  r.case_value::float8 AS case_value, r.decision_no, r.conclusion, r.concluded_at, r.reward_status, r.reward_level, r.reward_amount::float8 AS reward_amount,
  r.reward_rule, r.reward_note, r.reward_proposed_by, pu.display_name AS proposed_by_name, r.reward_approved_by, au.display_name AS approved_by_name,
  to_char(r.reward_claim_due, 'YYYY-MM-DD') AS reward_claim_due, r.claim_name_sealed, r.claim_name_masked, r.claim_id_sealed, r.claim_id_masked,
  r.claim_phone_sealed, r.claim_phone_masked, r.claim_account_sealed, r.claim_account_masked, r.claimed_at, r.paid_at, r.paid_ref, r.is_demo, r.updated_at`;

const FROM = `infringement_reports r
  LEFT JOIN users h ON h.id = r.handler_id
  LEFT JOIN users pu ON pu.id = r.reward_proposed_by
  LEFT JOIN users au ON au.id = r.reward_approved_by
  LEFT JOIN infringement_reports d ON d.id = r.duplicate_of`;

/** A county desk sees reports of its area; the city office all, including those whose county is not known yet. */
const IN_SCOPE = `($1::text[] IS NULL OR r.area_code = ANY($1))`;

const BY_ID = `SELECT ${COLUMNS} FROM ${FROM} WHERE ${IN_SCOPE} AND r.id = $2`;
const BY_TRACKING = `SELECT ${COLUMNS} FROM ${FROM} WHERE r.tracking_hash = $1`;
/** Locks the report's row for a change: one step at a time on a report, and one writer of its chain. */
const FOR_UPDATE = ' FOR UPDATE OF r';

export async function reportById(q: Queryable, scope: string[] | null, id: number, lock = false): Promise<ReportRow | null> {
  const [row] = await q.query<ReportRow>(lock ? BY_ID + FOR_UPDATE : BY_ID, [scope, id]);
  return row ?? null;
}

export async function reportByTracking(q: Queryable, trackingHash: string, lock = false): Promise<ReportRow | null> {
  const [row] = await q.query<ReportRow>(lock ? BY_TRACKING + FOR_UPDATE : BY_TRACKING, [trackingHash]);
  return row ?? null;
}

/** The next reference number of the year, taken under a lock on the year's last report. */
export async function nextRefSeq(q: Queryable, year: number): Promise<number> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`infringement_reports:${year}`]);
  const [row] = await q.query<{ n: number }>('SELECT coalesce(max(ref_seq), 0)::int + 1 AS n FROM infringement_reports WHERE ref_year = $1', [year]);
  return row?.n ?? 1;
}

export interface NewReport {
  refYear: number;
  refSeq: number;
  trackingHash: string;
  rightKind: RightKind;
  rightRef: string | null;
  subject: string;
  infringer: string | null;
  address: string;
  lng: number | null;
  lat: number | null;
  areaCode: string | null;
  areaSource: 'address' | 'none';
  description: string;
  anonymous: boolean;
  name: { sealed: string; masked: string } | null;
  phone: { sealed: string; masked: string; hash: string } | null;
  idNumber: { sealed: string; masked: string; hash: string } | null;
  receivedAt: Date;
  ip: string | null;
  acceptDue: string;
  isDemo: boolean;
}

export async function insertReport(q: Queryable, r: NewReport): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO infringement_reports (ref_year, ref_seq, tracking_hash, right_kind, right_ref, subject, infringer, address, lng, lat, area_code, area_source,
       description, anonymous, reporter_name_sealed, reporter_name_masked, reporter_phone_sealed, reporter_phone_masked, reporter_phone_hash,
       reporter_id_sealed, reporter_id_masked, reporter_id_hash, received_at, submitted_ip, accept_due, is_demo, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $23)
     RETURNING id::int AS id`,
    [
      r.refYear, r.refSeq, r.trackingHash, r.rightKind, r.rightRef, r.subject, r.infringer, r.address, r.lng, r.lat, r.areaCode, r.areaSource,
      r.description, r.anonymous, r.name?.sealed ?? null, r.name?.masked ?? null, r.phone?.sealed ?? null, r.phone?.masked ?? null, r.phone?.hash ?? null,
      r.idNumber?.sealed ?? null, r.idNumber?.masked ?? null, r.idNumber?.hash ?? null, r.receivedAt, r.ip, r.acceptDue, r.isDemo,
    ],
  );
  if (!row) throw new Error('report not inserted');
  return row.id;
}

/** Columns a state change may set; the names are fixed here, never taken from a request. */
const UPDATABLE = [
  'status', 'area_code', 'area_source', 'conclude_due', 'handler_id', 'duplicate_of', 'reason', 'violation', 'case_value', 'decision_no',
  'conclusion', 'concluded_at', 'reward_status', 'reward_level', 'reward_amount', 'reward_rule', 'reward_note', 'reward_proposed_by',
  'reward_approved_by', 'reward_claim_due', 'claim_name_sealed', 'claim_name_masked', 'claim_id_sealed', 'claim_id_masked', 'claim_phone_sealed',
  'claim_phone_masked', 'claim_account_sealed', 'claim_account_masked', 'claimed_at', 'paid_at', 'paid_ref',
] as const;
export type ReportChange = Partial<Record<(typeof UPDATABLE)[number], unknown>>;

export async function updateReport(q: Queryable, id: number, change: ReportChange, at: Date): Promise<void> {
  const keys = Object.keys(change).filter((k): k is (typeof UPDATABLE)[number] => (UPDATABLE as readonly string[]).includes(k));
  if (keys.length !== Object.keys(change).length) throw new Error(`Not an updatable report column: ${Object.keys(change).join(', ')}`);
  await q.query(
    `UPDATE infringement_reports SET ${keys.map((k, i) => assertIdentifier(k) + ' = $' + String(i + 3)).join(', ')}, updated_at = $2 WHERE id = $1`,
    [id, at, ...keys.map((k) => change[k])],
  );
}

export interface ListFilter {
  scope: string[] | null;
  status?: ReportStatus;
  area?: string;
  q?: string;
  overdue?: boolean;
  reward?: RewardStatus;
  today: string;
  limit: number;
  offset: number;
}

const OVERDUE = `((r.status = 'received' AND r.accept_due < $7::date) OR (r.status IN ('accepted', 'investigating') AND r.conclude_due < $7::date)
  OR (r.reward_status = 'approved' AND r.reward_claim_due < $7::date))`;

const LIST_WHERE = `${IN_SCOPE} AND ($2::text IS NULL OR r.status = $2) AND ($3::text IS NULL OR ($3 = 'none' AND r.area_code IS NULL) OR r.area_code = $3)
    AND ($4::text IS NULL OR r.subject ILIKE '%' || $4 || '%' OR r.infringer ILIKE '%' || $4 || '%' OR r.address ILIKE '%' || $4 || '%' OR r.right_ref ILIKE '%' || $4 || '%'
         OR ('JB' || r.ref_year || '-' || lpad(r.ref_seq::text, 4, '0')) = upper($4))
    AND (NOT $5::boolean OR ${OVERDUE}) AND ($6::text IS NULL OR r.reward_status = $6)`;

export async function listReports(q: Queryable, f: ListFilter): Promise<{ rows: ReportRow[]; total: number }> {
  const params = [f.scope, f.status ?? null, f.area ?? null, f.q ?? null, f.overdue ?? false, f.reward ?? null, f.today];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM infringement_reports r WHERE ${LIST_WHERE}`, params);
  const rows = await q.query<ReportRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${LIST_WHERE} ORDER BY ${OVERDUE} DESC, r.received_at DESC, r.id DESC LIMIT $8 OFFSET $9`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}


/** Earlier reports that may be the same matter: the same right, a similar infringer, or within 300 m. */
export function similarReports(q: Queryable, r: ReportRow, scope: string[] | null) {
  return q.query<{ id: number; ref: string; status: ReportStatus; subject: string; received_at: Date; same_right: boolean; same_infringer: boolean; near: boolean }>(
    `SELECT * FROM (
       SELECT o.id::int AS id, 'JB' || o.ref_year || '-' || lpad(o.ref_seq::text, 4, '0') AS ref, o.status, o.subject, o.received_at,
              ($2::text IS NOT NULL AND upper(replace(o.right_ref, ' ', '')) = upper(replace($2, ' ', ''))) AS same_right,
              ($3::text IS NOT NULL AND o.infringer IS NOT NULL AND similarity(o.infringer, $3) >= 0.5) AS same_infringer,
              ($4::float8 IS NOT NULL AND o.lng IS NOT NULL
                AND 6371000 * 2 * asin(sqrt(power(sin(radians(o.lat - $5) / 2), 2) + cos(radians($5)) * cos(radians(o.lat)) * power(sin(radians(o.lng - $4) / 2), 2))) <= 300) AS near
         FROM infringement_reports o
        WHERE o.id <> $1 AND ($7::text[] IS NULL OR o.area_code = ANY($7)) AND o.received_at >= $6::timestamptz - interval '365 days' AND o.received_at <= $6::timestamptz + interval '365 days') s
      WHERE same_right OR same_infringer OR near
      ORDER BY received_at DESC LIMIT 10`,
    [r.id, r.right_ref, r.infringer, r.lng, r.lat, r.received_at, scope],
  );
}

export function reportStats(q: Queryable, scope: string[] | null, today: string) {
  return q.query<{ area_code: string | null; status: ReportStatus; reward_status: RewardStatus; n: number; overdue: number; reward_paid: number; days_sum: number; days_n: number }>(
    `SELECT r.area_code, r.status, r.reward_status, count(*)::int AS n,
            count(*) FILTER (WHERE ((r.status = 'received' AND r.accept_due < $2::date) OR (r.status IN ('accepted', 'investigating') AND r.conclude_due < $2::date)
              OR (r.reward_status = 'approved' AND r.reward_claim_due < $2::date)))::int AS overdue,
            coalesce(sum(r.reward_amount) FILTER (WHERE r.reward_status = 'paid'), 0)::float8 AS reward_paid,
            coalesce(sum(extract(epoch FROM r.concluded_at - r.received_at) / 86400) FILTER (WHERE r.concluded_at IS NOT NULL), 0)::float8 AS days_sum,
            count(r.concluded_at)::int AS days_n
       FROM infringement_reports r WHERE ${IN_SCOPE} GROUP BY 1, 2, 3`,
    [scope, today],
  );
}

/** Officers of an area desk (or of the city office for the city code), to tell them of a report assigned. */
export const officersOf = (q: Queryable, areaCode: string, role: string) =>
  q.query<{ id: string; email: string | null; display_name: string }>(
    `SELECT id, email, display_name FROM users WHERE area_scope = $1 AND $2 = ANY(roles) AND disabled_at IS NULL`,
    [areaCode, role],
  );

export async function readSetting<T>(q: Queryable, key: string): Promise<T | null> {
  const [row] = await q.query<{ value: T }>('SELECT value FROM protection_settings WHERE key = $1', [key]);
  return row?.value ?? null;
}

export const writeSetting = (q: Queryable, key: string, value: unknown, userId: string | null, at: Date) =>
  q.query(
    `INSERT INTO protection_settings (key, value, updated_by, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [key, JSON.stringify(value), userId, at],
  );

export interface DueRow {
  id: number;
  ref_year: number;
  ref_seq: number;
  subject: string;
  area_code: string | null;
  stage: 'accept' | 'conclude' | 'claim';
  due: string;
}

/** Open reports whose stage deadline falls on or before the date (overdue ones included). */
export const dueReports = (q: Queryable, until: string) =>
  q.query<DueRow>(
    `SELECT * FROM (
       SELECT r.id::int AS id, r.ref_year, r.ref_seq, r.subject, r.area_code,
              CASE WHEN r.status = 'received' THEN 'accept' WHEN r.status IN ('accepted', 'investigating') THEN 'conclude' ELSE 'claim' END AS stage,
              to_char(CASE WHEN r.status = 'received' THEN r.accept_due WHEN r.status IN ('accepted', 'investigating') THEN r.conclude_due ELSE r.reward_claim_due END, 'YYYY-MM-DD') AS due
         FROM infringement_reports r
        WHERE r.status IN ('received', 'accepted', 'investigating') OR r.reward_status = 'approved') s
      WHERE due IS NOT NULL AND due <= $1 ORDER BY due, id`,
    [until],
  );
