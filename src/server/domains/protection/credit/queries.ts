import type { CreditCategory, CreditKind, CreditSeverity, CreditStatus, CreditSubjectKind, RepairStatus } from '../../../../shared/protection/credit';
import type { Queryable } from '../../../db/db';

export interface RecordRow {
  id: number;
  ref_year: number;
  ref_seq: number;
  kind: CreditKind;
  category: CreditCategory;
  severity: CreditSeverity | null;
  subject_name: string;
  subject_uscc: string;
  subject_kind: CreditSubjectKind;
  area_code: string;
  legal_basis: string;
  decision_no: string;
  decision_org: string;
  decided_on: string;
  facts: string;
  starts_on: string;
  ends_on: string | null;
  decision_file_id: number | null;
  decision_file_sha256: string | null;
  status: CreditStatus;
  published_at: Date | null;
  ended_on: string | null;
  ended_early_on: string | null;
  end_reason: string | null;
  revoke_reason: string | null;
  source: 'manual' | 'key_list';
  source_id: number | null;
  created_by_name: string;
  created_at: Date;
  feed_seq: number | null;
  open_repair: boolean;
  is_demo: boolean;
}

const COLUMNS = `r.id::int AS id, r.ref_year, r.ref_seq, r.kind, r.category, r.severity, r.subject_name, r.subject_uscc, r.subject_kind, r.area_code,
  r.legal_basis, r.decision_no, r.decision_org, to_char(r.decided_on, 'YYYY-MM-DD') AS decided_on, r.facts,
  to_char(r.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(r.ends_on, 'YYYY-MM-DD') AS ends_on, r.decision_file_id::int AS decision_file_id,
  (SELECT f.sha256 FROM evidence_files f WHERE f.id = r.decision_file_id) AS decision_file_sha256,
  r.status, r.published_at, to_char(r.ended_on, 'YYYY-MM-DD') AS ended_on, to_char(r.ended_early_on, 'YYYY-MM-DD') AS ended_early_on,
  r.end_reason, r.revoke_reason, r.source, r.source_id::int AS source_id, coalesce(u.display_name, r.created_by_name) AS created_by_name, r.created_at,
  r.feed_seq::int AS feed_seq, EXISTS (SELECT 1 FROM credit_repairs p WHERE p.record_id = r.id AND p.status = 'submitted') AS open_repair, r.is_demo`;
const FROM = 'credit_records r LEFT JOIN users u ON u.id = r.created_by';

/** A county desk sees the records of its area; the city office all. */
const IN_SCOPE = `($1::text[] IS NULL OR r.area_code = ANY($1))`;
const BY_ID = `SELECT ${COLUMNS} FROM ${FROM} WHERE ${IN_SCOPE} AND r.id = $2`;
const FOR_UPDATE = ' FOR UPDATE OF r';

export async function recordById(q: Queryable, scope: string[] | null, id: number, lock = false): Promise<RecordRow | null> {
  const [row] = await q.query<RecordRow>(lock ? BY_ID + FOR_UPDATE : BY_ID, [scope, id]);
  return row ?? null;
}

export interface ListFilter {
  scope: string[] | null;
  kind?: string;
  category?: string;
  status?: string;
  area?: string;
  q?: string;
  flag?: 'ending' | 'overdue' | 'repair';
  today: string;
  soon: string;
  limit: number;
  offset: number;
}

const LIVE = `r.status IN ('published', 'repairing')`;
const LIST_WHERE = `${IN_SCOPE} AND ($2::text IS NULL OR r.kind = $2) AND ($3::text IS NULL OR r.category = $3) AND ($4::text IS NULL OR r.status = $4)
  AND ($5::text IS NULL OR r.area_code = $5)
  AND ($6::text IS NULL OR r.subject_name ILIKE '%' || $6 || '%' OR r.subject_uscc = upper($6) OR r.decision_no ILIKE '%' || $6 || '%'
       OR 'XY' || r.ref_year || '-' || lpad(r.ref_seq::text, 4, '0') = upper($6))
  AND ($7::text IS NULL
       OR ($7 = 'ending' AND ${LIVE} AND r.ends_on IS NOT NULL AND r.ends_on >= $8::date AND r.ends_on <= $9::date)
       OR ($7 = 'overdue' AND ${LIVE} AND r.ends_on < $8::date)
       OR ($7 = 'repair' AND r.status = 'repairing'))`;

export async function listRecords(q: Queryable, f: ListFilter) {
  const params = [f.scope, f.kind ?? null, f.category ?? null, f.status ?? null, f.area ?? null, f.q ?? null, f.flag ?? null, f.today, f.soon];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM credit_records r WHERE ${LIST_WHERE}`, params);
  const rows = await q.query<RecordRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${LIST_WHERE}
      ORDER BY CASE r.status WHEN 'repairing' THEN 0 WHEN 'draft' THEN 1 WHEN 'published' THEN 2 ELSE 3 END, r.created_at DESC, r.id DESC
      LIMIT $10 OFFSET $11`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}

/** Records of one credit code that have been published (what the firm itself may see). */
export const recordsOfUscc = (q: Queryable, uscc: string) =>
  q.query<RecordRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.subject_uscc = $1 AND r.status <> 'draft' AND r.published_at IS NOT NULL ORDER BY r.starts_on DESC, r.id DESC`, [uscc]);

const PUBLIC_WHERE = `${LIVE} AND r.kind = $1 AND (r.ends_on IS NULL OR r.ends_on >= $2::date)
  AND ($3::text IS NULL OR r.subject_name ILIKE '%' || $3 || '%' OR r.subject_uscc = upper($3))`;

/** What is being published now, of one kind. */
export async function publicRecords(q: Queryable, f: { kind: string; today: string; q?: string; limit: number; offset: number }) {
  const params = [f.kind, f.today, f.q ?? null];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM credit_records r WHERE ${PUBLIC_WHERE}`, params);
  const rows = await q.query<RecordRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${PUBLIC_WHERE} ORDER BY r.starts_on DESC, r.id DESC LIMIT $4 OFFSET $5`, [...params, f.limit, f.offset]);
  return { rows, total: count?.n ?? 0 };
}

/** Records changed (published, ended, revoked) after a feed position, for an export bundle; drafts never. */
export const recordsChangedAfter = (q: Queryable, since: number) =>
  q.query<RecordRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.feed_seq > $1 ORDER BY r.feed_seq`, [since]);

export async function nextRefSeq(q: Queryable, year: number): Promise<number> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`credit_records:${year}`]);
  const [row] = await q.query<{ n: number }>('SELECT coalesce(max(ref_seq), 0)::int + 1 AS n FROM credit_records WHERE ref_year = $1', [year]);
  return row?.n ?? 1;
}

export interface RecordFields {
  kind: CreditKind;
  category: CreditCategory;
  severity: CreditSeverity | null;
  subjectName: string;
  subjectUscc: string;
  subjectKind: CreditSubjectKind;
  areaCode: string;
  legalBasis: string;
  decisionNo: string;
  decisionOrg: string;
  decidedOn: string;
  facts: string;
  startsOn: string;
  endsOn: string | null;
}

const FIELD_VALUES = (f: RecordFields) => [f.kind, f.category, f.severity, f.subjectName, f.subjectUscc, f.subjectKind, f.areaCode, f.legalBasis, f.decisionNo, f.decisionOrg, f.decidedOn, f.facts, f.startsOn, f.endsOn];

/** True when another live record has the decision number for this subject and category. */
export async function decisionTaken(q: Queryable, f: Pick<RecordFields, 'decisionNo' | 'subjectUscc' | 'category'>, exceptId: number | null): Promise<string | null> {
  // Held to the end of the transaction, so two officers entering the same decision at once cannot both pass.
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`credit_decision:${f.decisionNo}:${f.subjectUscc}:${f.category}`]);
  const [row] = await q.query<{ ref: string }>(
    `SELECT 'XY' || ref_year || '-' || lpad(ref_seq::text, 4, '0') AS ref FROM credit_records
      WHERE decision_no = $1 AND subject_uscc = $2 AND category = $3 AND status <> 'revoked' AND ($4::bigint IS NULL OR id <> $4)`,
    [f.decisionNo, f.subjectUscc, f.category, exceptId],
  );
  return row?.ref ?? null;
}

export async function insertRecord(
  q: Queryable,
  r: RecordFields & { refYear: number; refSeq: number; status: CreditStatus; source: 'manual' | 'key_list'; sourceId: number | null; userId: string | null; userName: string; at: Date; isDemo: boolean },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO credit_records (kind, category, severity, subject_name, subject_uscc, subject_kind, area_code, legal_basis, decision_no, decision_org, decided_on, facts,
        starts_on, ends_on, ref_year, ref_seq, status, source, source_id, created_by, created_by_name, created_at, updated_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22, $23) RETURNING id::int AS id`,
    [...FIELD_VALUES(r), r.refYear, r.refSeq, r.status, r.source, r.sourceId, r.userId, r.userName, r.at, r.isDemo],
  );
  if (!row) throw new Error('credit record not inserted');
  return row.id;
}

export const updateFields = (q: Queryable, id: number, f: RecordFields, at: Date) =>
  q.query(
    `UPDATE credit_records SET kind = $2, category = $3, severity = $4, subject_name = $5, subject_uscc = $6, subject_kind = $7, area_code = $8, legal_basis = $9,
        decision_no = $10, decision_org = $11, decided_on = $12, facts = $13, starts_on = $14, ends_on = $15, updated_at = $16 WHERE id = $1`,
    [id, ...FIELD_VALUES(f), at],
  );

export interface StateChange {
  status?: CreditStatus;
  publishedAt?: Date;
  endsOn?: string;
  endedOn?: string;
  endedEarlyOn?: string;
  endReason?: string;
  revokeReason?: string;
  decisionFileId?: number;
}

/** Sets the given fields; the ones left out keep their values. */
export const setState = (q: Queryable, id: number, s: StateChange, at: Date) =>
  q.query(
    `UPDATE credit_records SET status = coalesce($2, status), published_at = coalesce($3, published_at), ends_on = coalesce($4::date, ends_on),
        ended_on = coalesce($5::date, ended_on), ended_early_on = coalesce($6::date, ended_early_on), end_reason = coalesce($7, end_reason),
        revoke_reason = coalesce($8, revoke_reason), decision_file_id = coalesce($9, decision_file_id), updated_at = $10
      WHERE id = $1`,
    [id, s.status ?? null, s.publishedAt ?? null, s.endsOn ?? null, s.endedOn ?? null, s.endedEarlyOn ?? null, s.endReason ?? null, s.revokeReason ?? null, s.decisionFileId ?? null, at],
  );

/**
 * Appends a change to the feed and marks the record with its position. The lock is held to the end
 * of the transaction, so positions are handed out in commit order with no gaps: a reader that has
 * seen n has seen everything up to n.
 */
export async function appendFeed(q: Queryable, recordId: number, change: string, at: Date, payload: unknown): Promise<number> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['credit_feed']);
  const [row] = await q.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM credit_feed');
  const seq = row?.seq ?? 1;
  await q.query('INSERT INTO credit_feed (seq, record_id, change, at, payload) VALUES ($1, $2, $3, $4, $5::jsonb)', [seq, recordId, change, at, JSON.stringify(payload)]);
  await q.query('UPDATE credit_records SET feed_seq = $2 WHERE id = $1', [recordId, seq]);
  return seq;
}

export interface FeedRow {
  seq: number;
  change: 'published' | 'updated' | 'ended' | 'revoked';
  at: Date;
  payload: Record<string, unknown>;
}

export const feedAfter = (q: Queryable, since: number, limit: number) =>
  q.query<FeedRow>('SELECT seq::int AS seq, change, at, payload FROM credit_feed WHERE seq > $1 ORDER BY seq LIMIT $2', [since, limit]);

export const lastFeedSeq = async (q: Queryable) => (await q.query<{ n: number }>('SELECT coalesce(max(seq), 0)::int AS n FROM credit_feed'))[0]?.n ?? 0;

/** Published records whose end date has passed: the daily run ends them. */
export const expiredRecords = (q: Queryable, today: string) =>
  q.query<{ id: number }>(`SELECT id::int AS id FROM credit_records WHERE status IN ('published', 'repairing') AND ends_on < $1::date ORDER BY id`, [today]);

/** The live record kept in step with a key-list entry. */
export async function keyListRecord(q: Queryable, entryId: number): Promise<{ id: number } | null> {
  const [row] = await q.query<{ id: number }>(`SELECT id::int AS id FROM credit_records WHERE source = 'key_list' AND source_id = $1 AND status IN ('published', 'repairing') ORDER BY id DESC LIMIT 1`, [entryId]);
  return row ?? null;
}

export interface RepairRow {
  id: number;
  record_id: number;
  org_id: string;
  org_name: string;
  applicant_name: string;
  reasons: string;
  file_ids: number[];
  status: RepairStatus;
  submitted_at: Date;
  decided_at: Date | null;
  decided_by_name: string | null;
  decision_note: string | null;
}

const REPAIR_COLUMNS = `p.id::int AS id, p.record_id::int AS record_id, p.org_id, p.org_name, coalesce(a.display_name, p.applicant_name) AS applicant_name, p.reasons, p.file_ids::int[] AS file_ids, p.status,
  p.submitted_at, p.decided_at, coalesce(u.display_name, p.decided_by_name) AS decided_by_name, p.decision_note`;

export const repairsOf = (q: Queryable, recordIds: number[]) =>
  q.query<RepairRow>(`SELECT ${REPAIR_COLUMNS} FROM credit_repairs p LEFT JOIN users u ON u.id = p.decided_by LEFT JOIN users a ON a.id = p.applicant_id WHERE p.record_id = ANY($1::bigint[]) ORDER BY p.submitted_at DESC, p.id DESC`, [recordIds]);

export async function insertRepair(q: Queryable, r: { recordId: number; orgId: string; orgName: string; applicantId: string | null; applicantName: string; reasons: string; at: Date }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO credit_repairs (record_id, org_id, org_name, applicant_id, applicant_name, reasons, status, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'submitted', $7) RETURNING id::int AS id`,
    [r.recordId, r.orgId, r.orgName, r.applicantId, r.applicantName, r.reasons, r.at],
  );
  if (!row) throw new Error('repair not inserted');
  return row.id;
}

export const setRepairFiles = (q: Queryable, id: number, fileIds: number[]) => q.query('UPDATE credit_repairs SET file_ids = $2::bigint[] WHERE id = $1', [id, fileIds]);

/** Decides the record's open repair application, if any; returns its id. */
export async function decideRepair(q: Queryable, recordId: number, d: { status: RepairStatus; userId: string | null; userName: string; note: string | null; at: Date }): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    `UPDATE credit_repairs SET status = $2, decided_by = $3, decided_by_name = $4, decision_note = $5, decided_at = $6
      WHERE record_id = $1 AND status = 'submitted' RETURNING id::int AS id`,
    [recordId, d.status, d.userId, d.userName, d.note, d.at],
  );
  return row?.id ?? null;
}

export const orgById = async (q: Queryable, orgId: string) =>
  (await q.query<{ id: string; name: string; uscc: string | null; kind: string }>('SELECT id, name, uscc, kind FROM organisations WHERE id = $1', [orgId]))[0] ?? null;

export const insertExport = (q: Queryable, e: { at: Date; actorId: string | null; actorName: string; from: number; to: number; records: number; manifestSha256: string }) =>
  q.query('INSERT INTO credit_exports (at, actor_id, actor_name, cursor_from, cursor_to, records, manifest_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)', [e.at, e.actorId, e.actorName, e.from, e.to, e.records, e.manifestSha256]);

export async function lastExport(q: Queryable): Promise<{ at: Date; actor_name: string; cursor_from: number; cursor_to: number; records: number } | null> {
  const [row] = await q.query<{ at: Date; actor_name: string; cursor_from: number; cursor_to: number; records: number }>(
    `SELECT e.at, coalesce(u.display_name, e.actor_name) AS actor_name, e.cursor_from::int AS cursor_from, e.cursor_to::int AS cursor_to, e.records
       FROM credit_exports e LEFT JOIN users u ON u.id = e.actor_id ORDER BY e.id DESC LIMIT 1`,
  );
  return row ?? null;
}
