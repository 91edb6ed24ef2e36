import type { DecisionKind, DisclosureFileCategory, DisclosureStatus, PartyKind } from '../../../../shared/protection/disclosure';
import type { Queryable } from '../../../db/db';
import type { PublicRecord } from './schema';

export interface DecisionRow {
  id: number;
  decision_no: string;
  decision_key: string;
  kinds: DecisionKind[];
  party_kind: PartyKind;
  party_name: string | null;
  party_uscc: string | null;
  party_address: string | null;
  person_name_sealed: string | null;
  person_name_masked: string | null;
  person_name_hash: string | null;
  person_id_sealed: string | null;
  person_id_masked: string | null;
  person_id_hash: string | null;
  person_phone_sealed: string | null;
  person_phone_masked: string | null;
  person_address_sealed: string | null;
  person_address_masked: string | null;
  other_names_sealed: string | null;
  facts: string;
  provisions: string;
  basis: string;
  penalty: string;
  fine_amount: number | null;
  confiscated_amount: number | null;
  decided_on: string;
  authority: string;
  area_code: string;
  report_id: number | null;
  report_ref: string | null;
  status: DisclosureStatus;
  publish_due: string;
  review_reviewer: string | null;
  review_unit: string | null;
  review_opinion: string | null;
  review_on: string | null;
  review_file_id: number | null;
  reviewed_by_name: string | null;
  public_record: PublicRecord | null;
  published_at: Date | null;
  withdrawn_at: Date | null;
  withdraw_reason: string | null;
  created_at: Date;
  is_demo: boolean;
}

const COLUMNS = `d.id::int AS id, d.decision_no, d.decision_key, d.kinds, d.party_kind, d.party_name, d.party_uscc, d.party_address,
  d.person_name_sealed, d.person_name_masked, d.person_name_hash, d.person_id_sealed, d.person_id_masked, d.person_id_hash, d.person_phone_sealed, d.person_phone_masked,
  d.person_address_sealed, d.person_address_masked, d.other_names_sealed, d.facts, d.provisions, d.basis, d.penalty,
  d.fine_amount::float8 AS fine_amount, d.confiscated_amount::float8 AS confiscated_amount, to_char(d.decided_on, 'YYYY-MM-DD') AS decided_on,
  d.authority, d.area_code, d.report_id::int AS report_id,
  CASE WHEN r.id IS NULL THEN NULL ELSE 'JB' || r.ref_year || '-' || lpad(r.ref_seq::text, 4, '0') END AS report_ref,
  d.status, to_char(d.publish_due, 'YYYY-MM-DD') AS publish_due, d.review_reviewer, d.review_unit, d.review_opinion,
  to_char(d.review_on, 'YYYY-MM-DD') AS review_on, d.review_file_id::int AS review_file_id, ru.display_name AS reviewed_by_name,
  d.public_record, d.published_at, d.withdrawn_at, d.withdraw_reason, d.created_at, d.is_demo`;

const FROM = `enforcement_decisions d
  LEFT JOIN infringement_reports r ON r.id = d.report_id
  LEFT JOIN users ru ON ru.id = d.reviewed_by`;

/** A county desk sees its area's decisions; the city office all, its own included. */
const IN_SCOPE = `($1::text[] IS NULL OR d.area_code = ANY($1))`;
const BY_ID = `SELECT ${COLUMNS} FROM ${FROM} WHERE ${IN_SCOPE} AND d.id = $2`;
/** One step at a time on a decision, and one writer of its chain. */
const FOR_UPDATE = ' FOR UPDATE OF d';

export async function decisionById(q: Queryable, scope: string[] | null, id: number, lock = false): Promise<DecisionRow | null> {
  const [row] = await q.query<DecisionRow>(lock ? BY_ID + FOR_UPDATE : BY_ID, [scope, id]);
  return row ?? null;
}

export async function decisionByKey(q: Queryable, key: string): Promise<{ id: number; status: DisclosureStatus; area_code: string } | null> {
  const [row] = await q.query<{ id: number; status: DisclosureStatus; area_code: string }>('SELECT id::int AS id, status, area_code FROM enforcement_decisions WHERE decision_key = $1', [key]);
  return row ?? null;
}

const OPEN = `d.status IN ('draft', 'reviewed')`;

export interface ListFilter {
  scope: string[] | null;
  status?: DisclosureStatus;
  area?: string;
  kind?: DecisionKind;
  q?: string;
  key?: string;
  /** Keyed hashes of the search text as a person's name and as an ID number: a person is found without decrypting anyone. */
  nameHash?: string;
  idHash?: string;
  overdue: boolean;
  today: string;
  limit: number;
  offset: number;
}

const LIST_WHERE = `${IN_SCOPE} AND ($2::text IS NULL OR d.status = $2) AND ($3::text IS NULL OR d.area_code = $3) AND ($4::text IS NULL OR $4 = ANY(d.kinds))
  AND ($5::text IS NULL OR d.decision_key LIKE '%' || $6::text || '%' OR d.party_name ILIKE '%' || $5 || '%' OR d.party_uscc = upper($5) OR d.person_name_hash = $9 OR d.person_id_hash = $10 OR d.authority ILIKE '%' || $5 || '%')
  AND (NOT $7::boolean OR (${OPEN} AND d.publish_due < $8::date))`;

export async function listDecisions(q: Queryable, f: ListFilter): Promise<{ rows: DecisionRow[]; total: number }> {
  const params = [f.scope, f.status ?? null, f.area ?? null, f.kind ?? null, f.q ?? null, f.key ?? null, f.overdue, f.today, f.nameHash ?? null, f.idHash ?? null];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM enforcement_decisions d WHERE ${LIST_WHERE}`, params);
  const rows = await q.query<DecisionRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${LIST_WHERE}
      ORDER BY (${OPEN}) DESC, CASE WHEN ${OPEN} THEN d.publish_due END ASC NULLS LAST, d.decided_on DESC, d.id DESC
      LIMIT $11 OFFSET $12`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}

/** Counts of one's area by state, and how many open decisions are late or due within the reminder window. */
export async function summary(q: Queryable, scope: string[] | null, today: string, soon: string) {
  return q.query<{ status: DisclosureStatus; n: number; overdue: number; due_soon: number }>(
    `SELECT d.status, count(*)::int AS n,
            count(*) FILTER (WHERE ${OPEN} AND d.publish_due < $2::date)::int AS overdue,
            count(*) FILTER (WHERE ${OPEN} AND d.publish_due >= $2::date AND d.publish_due <= $3::date)::int AS due_soon
       FROM enforcement_decisions d WHERE ${IN_SCOPE} GROUP BY d.status`,
    [scope, today, soon],
  );
}

export interface NewDecision {
  decisionNo: string;
  decisionKey: string;
  kinds: DecisionKind[];
  partyKind: PartyKind;
  org: { name: string; uscc: string; address: string | null } | null;
  person: {
    name: { sealed: string; masked: string; hash: string };
    id: { sealed: string; masked: string; hash: string };
    phone: { sealed: string; masked: string } | null;
    address: { sealed: string; masked: string };
  } | null;
  otherNamesSealed: string | null;
  facts: string;
  provisions: string;
  basis: string;
  penalty: string;
  fineAmount: number | null;
  confiscatedAmount: number | null;
  decidedOn: string;
  authority: string;
  areaCode: string;
  reportId: number | null;
  publishDue: string;
}

const FIELDS = `decision_no, decision_key, kinds, party_kind, party_name, party_uscc, party_address, person_name_sealed, person_name_masked, person_name_hash,
  person_id_sealed, person_id_masked, person_id_hash, person_phone_sealed, person_phone_masked, person_address_sealed, person_address_masked,
  other_names_sealed, facts, provisions, basis, penalty, fine_amount, confiscated_amount, decided_on, authority, area_code, report_id, publish_due`;

const values = (d: NewDecision) => [
  d.decisionNo, d.decisionKey, d.kinds, d.partyKind, d.org?.name ?? null, d.org?.uscc ?? null, d.org?.address ?? null,
  d.person?.name.sealed ?? null, d.person?.name.masked ?? null, d.person?.name.hash ?? null,
  d.person?.id.sealed ?? null, d.person?.id.masked ?? null, d.person?.id.hash ?? null,
  d.person?.phone?.sealed ?? null, d.person?.phone?.masked ?? null, d.person?.address.sealed ?? null, d.person?.address.masked ?? null,
  d.otherNamesSealed, d.facts, d.provisions, d.basis, d.penalty, d.fineAmount, d.confiscatedAmount, d.decidedOn, d.authority, d.areaCode, d.reportId, d.publishDue,
];

export async function insertDecision(q: Queryable, d: NewDecision, by: string | null, at: Date, isDemo: boolean): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO enforcement_decisions (${FIELDS}, status, created_by, created_at, updated_at, is_demo)
     VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25::date, $26, $27, $28, $29::date,
             'draft', $30, $31, $31, $32)
     RETURNING id::int AS id`,
    [...values(d), by, at, isDemo],
  );
  if (!row) throw new Error('decision not inserted');
  return row.id;
}

/** An edit replaces the record's content, sends it back to draft and clears the legal review it no longer matches. */
export const updateDecision = (q: Queryable, id: number, d: NewDecision, at: Date) =>
  q.query(
    `UPDATE enforcement_decisions SET (${FIELDS}) =
       ($2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26::date, $27, $28, $29, $30::date),
       status = 'draft', review_reviewer = NULL, review_unit = NULL, review_opinion = NULL, review_on = NULL, review_file_id = NULL, reviewed_by = NULL,
       updated_at = $31
     WHERE id = $1`,
    [id, ...values(d), at],
  );

export const recordReview = (q: Queryable, id: number, r: { reviewer: string; unit: string | null; opinion: string; reviewedOn: string; fileId: number; by: string | null }, at: Date) =>
  q.query(
    `UPDATE enforcement_decisions SET status = 'reviewed', review_reviewer = $2, review_unit = $3, review_opinion = $4, review_on = $5::date, review_file_id = $6,
       reviewed_by = $7, updated_at = $8 WHERE id = $1`,
    [id, r.reviewer, r.unit, r.opinion, r.reviewedOn, r.fileId, r.by, at],
  );

export const publish = (q: Queryable, id: number, record: PublicRecord, party: string, by: string | null, at: Date) =>
  q.query(
    `UPDATE enforcement_decisions SET status = 'published', public_record = $2, public_party = $3, published_at = $5, published_by = $4, updated_at = $5 WHERE id = $1`,
    [id, JSON.stringify(record), party, by, at],
  );

export const withdraw = (q: Queryable, id: number, reason: string, at: Date) =>
  q.query(`UPDATE enforcement_decisions SET status = 'withdrawn', withdraw_reason = $2, withdrawn_at = $3, updated_at = $3 WHERE id = $1`, [id, reason, at]);

export const addFile = (q: Queryable, decisionId: number, fileId: number, category: DisclosureFileCategory) =>
  q.query('INSERT INTO enforcement_decision_files (file_id, decision_id, category) VALUES ($1, $2, $3)', [fileId, decisionId, category]);

export const fileCategories = async (q: Queryable, decisionId: number) =>
  new Map(
    (await q.query<{ file_id: number; category: DisclosureFileCategory }>('SELECT file_id::int AS file_id, category FROM enforcement_decision_files WHERE decision_id = $1', [decisionId])).map((r) => [
      r.file_id,
      r.category,
    ]),
  );

/** Published decisions only, and only their frozen public text: nothing internal can leak from here. */
const PUBLIC_WHERE = `d.status = 'published' AND ($1::text IS NULL OR d.area_code = $1) AND ($2::text IS NULL OR $2 = ANY(d.kinds))
  AND ($3::date IS NULL OR d.decided_on >= $3::date) AND ($4::date IS NULL OR d.decided_on <= $4::date)
  AND ($5::text IS NULL OR d.decision_key LIKE '%' || $6::text || '%' OR d.public_party ILIKE '%' || $5 || '%')`;

export interface PublicFilter {
  area?: string;
  kind?: DecisionKind;
  from?: string;
  to?: string;
  q?: string;
  key?: string;
  limit: number;
  offset: number;
}

export async function publicDecisions(q: Queryable, f: PublicFilter): Promise<{ rows: Array<{ id: number; record: PublicRecord }>; total: number }> {
  const params = [f.area ?? null, f.kind ?? null, f.from ?? null, f.to ?? null, f.q ?? null, f.key ?? null];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM enforcement_decisions d WHERE ${PUBLIC_WHERE}`, params);
  const rows = await q.query<{ id: number; record: PublicRecord }>(
    `SELECT d.id::int AS id, d.public_record AS record FROM enforcement_decisions d WHERE ${PUBLIC_WHERE} ORDER BY d.decided_on DESC, d.id DESC LIMIT $7 OFFSET $8`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}

export async function publicDecision(q: Queryable, id: number): Promise<PublicRecord | null> {
  const [row] = await q.query<{ record: PublicRecord }>(`SELECT d.public_record AS record FROM enforcement_decisions d WHERE d.status = 'published' AND d.id = $1`, [id]);
  return row?.record ?? null;
}

export interface DueRow {
  id: number;
  decision_no: string;
  party: string;
  area_code: string;
  status: DisclosureStatus;
  publish_due: string;
}

/** Decisions not yet published whose due date falls on or before the date (late ones included). */
export const dueDecisions = (q: Queryable, until: string) =>
  q.query<DueRow>(
    `SELECT d.id::int AS id, d.decision_no, coalesce(d.party_name, d.person_name_masked, '') AS party, d.area_code, d.status, to_char(d.publish_due, 'YYYY-MM-DD') AS publish_due
       FROM enforcement_decisions d WHERE ${OPEN} AND d.publish_due <= $1::date ORDER BY d.publish_due, d.id`,
    [until],
  );
