import type {
  BodyKind,
  ConfirmationStatus,
  MediationKind,
  MediationOutcome,
  MediationSource,
  MediationStatus,
  PartyKind,
  SessionStatus,
  Speciality,
} from '../../../../shared/protection/mediation';
import type { RightKind } from '../../../../shared/protection/reports';
import { assertIdentifier, type Queryable } from '../../../db/db';

export interface CaseRow {
  id: number;
  ref_year: number;
  ref_seq: number;
  source: MediationSource;
  kind: MediationKind;
  right_kind: RightKind;
  right_ref: string | null;
  patent_no: string | null;
  patent_title: string | null;
  tm_reg_no: string | null;
  tm_class: number | null;
  tm_name: string | null;
  claims: string;
  facts: string;
  amount: number | null;
  area_code: string;
  area_source: 'address' | 'chosen' | 'filer' | 'city';
  status: MediationStatus;
  outcome: MediationOutcome | null;
  filed_by_org: string | null;
  filed_by_name: string | null;
  court_org_id: string | null;
  court_name: string | null;
  court_case_no: string | null;
  court_referred_at: Date | null;
  handler_id: string | null;
  handler_name: string | null;
  handler_email: string | null;
  body_id: number | null;
  body_name: string | null;
  body_kind: BodyKind | null;
  mediator_id: number | null;
  mediator_name: string | null;
  assigned_at: Date | null;
  received_at: Date;
  assign_due: string;
  mediation_due: string | null;
  extended_days: number;
  closed_at: Date | null;
  outcome_note: string | null;
  settled_amount: number | null;
  agreement_file_id: number | null;
  confirmation_status: ConfirmationStatus;
  confirmation_requested_at: Date | null;
  confirmation_ruling_no: string | null;
  confirmation_date: string | null;
  confirmation_note: string | null;
  applicant_names: string | null;
  respondent_names: string | null;
  is_demo: boolean;
}

const REF_SQL = `'TJ' || c.ref_year || '-' || lpad(c.ref_seq::text, 4, '0')`;

const COLUMNS = `c.id::int AS id, c.ref_year, c.ref_seq, c.source, c.kind, c.right_kind, c.right_ref,
  lp.app_no AS patent_no, lp.title AS patent_title, lt.reg_no AS tm_reg_no, lt.nice_class::int AS tm_class, lt.name AS tm_name,
  c.claims, c.facts, c.amount::float8 AS amount, c.area_code, c.area_source, c.status, c.outcome,
  c.filed_by_org, fo.name AS filed_by_name, c.court_org_id, co.name AS court_name, c.court_case_no, c.court_referred_at,
  c.handler_id, h.display_name AS handler_name, h.email AS handler_email, c.body_id::int AS body_id, b.name AS body_name, b.kind AS body_kind,
  c.mediator_id::int AS mediator_id, m.name AS mediator_name, c.assigned_at, c.received_at,
  to_char(c.assign_due, 'YYYY-MM-DD') AS assign_due, to_char(c.mediation_due, 'YYYY-MM-DD') AS mediation_due, c.extended_days,
  c.closed_at, c.outcome_note, c.settled_amount::float8 AS settled_amount, c.agreement_file_id::int AS agreement_file_id,
  c.confirmation_status, c.confirmation_requested_at, c.confirmation_ruling_no, to_char(c.confirmation_date, 'YYYY-MM-DD') AS confirmation_date,
  c.confirmation_note,
  (SELECT string_agg(p.display_name, '、' ORDER BY p.seq) FROM mediation_parties p WHERE p.case_id = c.id AND p.role = 'applicant') AS applicant_names,
  (SELECT string_agg(p.display_name, '、' ORDER BY p.seq) FROM mediation_parties p WHERE p.case_id = c.id AND p.role = 'respondent') AS respondent_names,
  c.is_demo`;

const FROM = `mediation_cases c
  LEFT JOIN patents lp ON lp.id = c.linked_patent_id
  LEFT JOIN trademarks lt ON lt.id = c.linked_trademark_id
  LEFT JOIN organisations fo ON fo.id = c.filed_by_org
  LEFT JOIN organisations co ON co.id = c.court_org_id
  LEFT JOIN users h ON h.id = c.handler_id
  LEFT JOIN mediation_bodies b ON b.id = c.body_id
  LEFT JOIN mediators m ON m.id = c.mediator_id`;

/**
 * Who sees a case, decided in the query: officers by area (the city office: all), a court by the
 * cases it referred or that were sent to it, a firm by the cases it filed.
 */
export interface CaseScope {
  mode: 'officer' | 'court' | 'filer';
  areas: string[] | null;
  org: string | null;
}

const IN_SCOPE = `(($1::text = 'officer' AND ($2::text[] IS NULL OR c.area_code = ANY($2))) OR ($1 = 'court' AND c.court_org_id = $3::uuid) OR ($1 = 'filer' AND c.filed_by_org = $3::uuid))`;
const scopeParams = (s: CaseScope) => [s.mode, s.areas, s.org];

const BY_ID = `SELECT ${COLUMNS} FROM ${FROM} WHERE ${IN_SCOPE} AND c.id = $4`;
/** Locks the case's row: one step at a time on a case, and one writer of its chain. */
const FOR_UPDATE = ' FOR UPDATE OF c';

export async function caseById(q: Queryable, scope: CaseScope, id: number, lock = false): Promise<CaseRow | null> {
  const [row] = await q.query<CaseRow>(lock ? BY_ID + FOR_UPDATE : BY_ID, [...scopeParams(scope), id]);
  return row ?? null;
}

export async function caseByTracking(q: Queryable, trackingHash: string): Promise<CaseRow | null> {
  const [row] = await q.query<CaseRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.tracking_hash = $1`, [trackingHash]);
  return row ?? null;
}

export async function nextRefSeq(q: Queryable, year: number): Promise<number> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`mediation_cases:${year}`]);
  const [row] = await q.query<{ n: number }>('SELECT coalesce(max(ref_seq), 0)::int + 1 AS n FROM mediation_cases WHERE ref_year = $1', [year]);
  return row?.n ?? 1;
}

/** The case a court already referred under this case number, if any. */
export async function referralOf(q: Queryable, courtOrgId: string, caseNo: string): Promise<{ ref: string } | null> {
  const [row] = await q.query<{ ref: string }>(`SELECT ${REF_SQL} AS ref FROM mediation_cases c WHERE c.source = 'court' AND c.court_org_id = $1 AND c.court_case_no = $2`, [courtOrgId, caseNo]);
  return row ?? null;
}

export interface NewCase {
  refYear: number;
  refSeq: number;
  trackingHash: string | null;
  source: MediationSource;
  kind: MediationKind;
  rightKind: RightKind;
  rightRef: string | null;
  patentId: number | null;
  trademarkId: number | null;
  claims: string;
  facts: string;
  amount: number | null;
  areaCode: string;
  areaSource: CaseRow['area_source'];
  filedByOrg: string | null;
  courtOrgId: string | null;
  courtCaseNo: string | null;
  receivedAt: Date;
  ip: string | null;
  assignDue: string;
  mediationDue: string | null;
  isDemo: boolean;
}

export async function insertCase(q: Queryable, c: NewCase): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO mediation_cases (ref_year, ref_seq, tracking_hash, source, kind, right_kind, right_ref, linked_patent_id, linked_trademark_id, claims, facts,
       amount, area_code, area_source, filed_by_org, court_org_id, court_case_no, court_referred_at, received_at, submitted_ip, assign_due, mediation_due, is_demo, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, CASE WHEN $4 = 'court' THEN $18::timestamptz END, $18, $19, $20, $21, $22, $18)
     RETURNING id::int AS id`,
    [
      c.refYear, c.refSeq, c.trackingHash, c.source, c.kind, c.rightKind, c.rightRef, c.patentId, c.trademarkId, c.claims, c.facts,
      c.amount, c.areaCode, c.areaSource, c.filedByOrg, c.courtOrgId, c.courtCaseNo, c.receivedAt, c.ip, c.assignDue, c.mediationDue, c.isDemo,
    ],
  );
  if (!row) throw new Error('case not inserted');
  return row.id;
}

export interface NewParty {
  role: 'applicant' | 'respondent';
  seq: number;
  kind: PartyKind;
  displayName: string;
  person: { sealed: string; masked: string } | null;
  uscc: string | null;
  phone: { sealed: string; masked: string; hash: string } | null;
  idNumber: { sealed: string; masked: string; hash: string } | null;
  address: string | null;
}

export async function insertParty(q: Queryable, caseId: number, p: NewParty): Promise<void> {
  await q.query(
    `INSERT INTO mediation_parties (case_id, role, seq, kind, display_name, person_sealed, person_masked, uscc, phone_sealed, phone_masked, phone_hash, id_sealed, id_masked, id_hash, address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      caseId, p.role, p.seq, p.kind, p.displayName, p.person?.sealed ?? null, p.person?.masked ?? null, p.uscc, p.phone?.sealed ?? null, p.phone?.masked ?? null,
      p.phone?.hash ?? null, p.idNumber?.sealed ?? null, p.idNumber?.masked ?? null, p.idNumber?.hash ?? null, p.address,
    ],
  );
}

export interface PartyRow {
  role: 'applicant' | 'respondent';
  seq: number;
  kind: PartyKind;
  display_name: string;
  person_sealed: string | null;
  person_masked: string | null;
  uscc: string | null;
  phone_sealed: string | null;
  phone_masked: string | null;
  id_sealed: string | null;
  id_masked: string | null;
  address: string | null;
}

export const partiesOf = (q: Queryable, caseId: number) =>
  q.query<PartyRow>(
    `SELECT role, seq, kind, display_name, person_sealed, person_masked, uscc, phone_sealed, phone_masked, id_sealed, id_masked, address
       FROM mediation_parties WHERE case_id = $1 ORDER BY role, seq`,
    [caseId],
  );

/** Columns a step may set; the names are fixed here, never taken from a request. */
const UPDATABLE = [
  'status', 'outcome', 'area_code', 'area_source', 'court_org_id', 'handler_id', 'body_id', 'mediator_id', 'assigned_at', 'mediation_due', 'extended_days',
  'closed_at', 'outcome_note', 'settled_amount', 'agreement_file_id', 'confirmation_status', 'confirmation_requested_at', 'confirmation_ruling_no',
  'confirmation_date', 'confirmation_note',
] as const;
export type CaseChange = Partial<Record<(typeof UPDATABLE)[number], unknown>>;

export async function updateCase(q: Queryable, id: number, change: CaseChange, at: Date): Promise<void> {
  const keys = Object.keys(change).filter((k): k is (typeof UPDATABLE)[number] => (UPDATABLE as readonly string[]).includes(k));
  if (keys.length !== Object.keys(change).length) throw new Error(`Not an updatable case column: ${Object.keys(change).join(', ')}`);
  if (keys.length === 0) return;
  await q.query(
    `UPDATE mediation_cases SET ${keys.map((k, i) => assertIdentifier(k) + ' = $' + String(i + 3)).join(', ')}, updated_at = $2 WHERE id = $1`,
    [id, at, ...keys.map((k) => change[k])],
  );
}

export interface ListFilter {
  scope: CaseScope;
  today: string;
  status?: MediationStatus;
  outcome?: MediationOutcome;
  source?: MediationSource;
  kind?: MediationKind;
  area?: string;
  body?: number;
  q?: string;
  overdue?: boolean;
  limit: number;
  offset: number;
}

const OVERDUE = `((c.status = 'received' AND c.assign_due < $4::date) OR (c.status IN ('assigned', 'in_mediation') AND c.mediation_due < $4::date))`;

const LIST_WHERE = `${IN_SCOPE} AND ($5::text IS NULL OR c.status = $5) AND ($6::text IS NULL OR c.outcome = $6) AND ($7::text IS NULL OR c.source = $7)
  AND ($8::text IS NULL OR c.kind = $8) AND ($9::text IS NULL OR c.area_code = $9) AND ($10::bigint IS NULL OR c.body_id = $10)
  AND ($11::text IS NULL OR ${REF_SQL} = upper($11) OR c.court_case_no ILIKE '%' || $11 || '%' OR c.claims ILIKE '%' || $11 || '%' OR c.right_ref ILIKE '%' || $11 || '%'
       OR EXISTS (SELECT 1 FROM mediation_parties p WHERE p.case_id = c.id AND p.kind = 'org' AND p.display_name ILIKE '%' || $11 || '%'))
  AND (NOT $12::boolean OR ${OVERDUE})`;

export async function listCases(q: Queryable, f: ListFilter): Promise<{ rows: CaseRow[]; total: number }> {
  const params = [...scopeParams(f.scope), f.today, f.status ?? null, f.outcome ?? null, f.source ?? null, f.kind ?? null, f.area ?? null, f.body ?? null, f.q ?? null, f.overdue ?? false];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM mediation_cases c WHERE ${LIST_WHERE}`, params);
  const rows = await q.query<CaseRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${LIST_WHERE}
      ORDER BY ${OVERDUE} DESC, (c.status = 'closed'), c.received_at DESC, c.id DESC LIMIT $13 OFFSET $14`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}

export interface StatsRow {
  area_code: string;
  status: MediationStatus;
  outcome: MediationOutcome | null;
  source: MediationSource;
  n: number;
  overdue: number;
  soon: number;
  days_sum: number;
  days_n: number;
  settled_amount: number;
  amount: number;
}

export const caseStats = (q: Queryable, scope: CaseScope, today: string, soon: string) =>
  q.query<StatsRow>(
    `SELECT c.area_code, c.status, c.outcome, c.source, count(*)::int AS n,
            count(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
            count(*) FILTER (WHERE NOT ${OVERDUE} AND ((c.status = 'received' AND c.assign_due <= $5::date) OR (c.status IN ('assigned', 'in_mediation') AND c.mediation_due <= $5::date)))::int AS soon,
            coalesce(sum(extract(epoch FROM c.closed_at - c.received_at) / 86400) FILTER (WHERE c.closed_at IS NOT NULL), 0)::float8 AS days_sum,
            count(c.closed_at)::int AS days_n,
            coalesce(sum(c.settled_amount) FILTER (WHERE c.outcome = 'settled'), 0)::float8 AS settled_amount,
            coalesce(sum(c.amount), 0)::float8 AS amount
       FROM mediation_cases c WHERE ${IN_SCOPE} GROUP BY 1, 2, 3, 4`,
    [...scopeParams(scope), today, soon],
  );

export interface SessionRow {
  id: number;
  case_id: number;
  seq: number;
  scheduled_at: Date;
  online: boolean;
  place: string;
  mediator_id: number | null;
  mediator_name: string | null;
  status: SessionStatus;
  attendees: string | null;
  minutes: string | null;
  held_at: Date | null;
  cancel_reason: string | null;
}

const SESSION_COLUMNS = `s.id::int AS id, s.case_id::int AS case_id, s.seq, s.scheduled_at, s.online, s.place, s.mediator_id::int AS mediator_id, m.name AS mediator_name,
  s.status, s.attendees, s.minutes, s.held_at, s.cancel_reason`;

export const sessionsOf = (q: Queryable, caseId: number) =>
  q.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM mediation_sessions s LEFT JOIN mediators m ON m.id = s.mediator_id WHERE s.case_id = $1 ORDER BY s.seq`, [caseId]);

export async function insertSession(
  q: Queryable,
  s: { caseId: number; scheduledAt: Date; online: boolean; place: string; mediatorId: number | null; attendees: string | null; userId: string | null; at: Date },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO mediation_sessions (case_id, seq, scheduled_at, online, place, mediator_id, attendees, created_by, created_at, updated_at)
     VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM mediation_sessions WHERE case_id = $1), $2, $3, $4, $5, $6, $7, $8, $8)
     RETURNING id::int AS id`,
    [s.caseId, s.scheduledAt, s.online, s.place, s.mediatorId, s.attendees, s.userId, s.at],
  );
  if (!row) throw new Error('session not inserted');
  return row.id;
}

export const recordSession = (q: Queryable, id: number, r: { minutes: string; attendees: string | null; heldAt: Date; at: Date }) =>
  q.query(`UPDATE mediation_sessions SET status = 'held', minutes = $2, attendees = coalesce($3, attendees), held_at = $4, updated_at = $5 WHERE id = $1`, [id, r.minutes, r.attendees, r.heldAt, r.at]);

export const cancelSession = (q: Queryable, id: number, reason: string, at: Date) =>
  q.query(`UPDATE mediation_sessions SET status = 'cancelled', cancel_reason = $2, updated_at = $3 WHERE id = $1`, [id, reason, at]);

export interface BodyRow {
  id: number;
  name: string;
  kind: BodyKind;
  area_code: string;
  address: string | null;
  phone: string | null;
  scope: string | null;
  active: boolean;
  synthetic: boolean;
  is_demo: boolean;
  open_cases: number;
}

export interface MediatorRow {
  id: number;
  body_id: number;
  name: string;
  title: string | null;
  specialities: Speciality[];
  phone_sealed: string | null;
  phone_masked: string | null;
  active: boolean;
  synthetic: boolean;
  open_cases: number;
}

export const bodies = (q: Queryable) =>
  q.query<BodyRow>(
    `SELECT b.id::int AS id, b.name, b.kind, b.area_code, b.address, b.phone, b.scope, b.active, b.synthetic, b.is_demo,
            (SELECT count(*)::int FROM mediation_cases c WHERE c.body_id = b.id AND c.status <> 'closed') AS open_cases
       FROM mediation_bodies b ORDER BY b.active DESC, b.kind, b.name`,
  );

export const mediators = (q: Queryable) =>
  q.query<MediatorRow>(
    `SELECT m.id::int AS id, m.body_id::int AS body_id, m.name, m.title, m.specialities, m.phone_sealed, m.phone_masked, m.active, m.synthetic,
            (SELECT count(*)::int FROM mediation_cases c WHERE c.mediator_id = m.id AND c.status <> 'closed') AS open_cases
       FROM mediators m ORDER BY m.active DESC, m.name, m.id`,
  );

export async function bodyById(q: Queryable, id: number): Promise<BodyRow | null> {
  const [row] = await q.query<BodyRow>(
    `SELECT id::int AS id, name, kind, area_code, address, phone, scope, active, synthetic, is_demo, 0 AS open_cases FROM mediation_bodies WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

export async function mediatorById(q: Queryable, id: number): Promise<MediatorRow | null> {
  const [row] = await q.query<MediatorRow>(
    `SELECT id::int AS id, body_id::int AS body_id, name, title, specialities, phone_sealed, phone_masked, active, synthetic, 0 AS open_cases FROM mediators WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

export interface BodyFields {
  name: string;
  kind: BodyKind;
  areaCode: string;
  address: string | null;
  phone: string | null;
  scope: string | null;
  active: boolean;
}

export async function insertBody(q: Queryable, b: BodyFields & { synthetic: boolean; isDemo: boolean; at: Date }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO mediation_bodies (name, kind, area_code, address, phone, scope, active, synthetic, is_demo, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id::int AS id`,
    [b.name, b.kind, b.areaCode, b.address, b.phone, b.scope, b.active, b.synthetic, b.isDemo, b.at],
  );
  if (!row) throw new Error('body not inserted');
  return row.id;
}

export const updateBody = (q: Queryable, id: number, b: BodyFields, at: Date) =>
  q.query(
    `UPDATE mediation_bodies SET name = $2, kind = $3, area_code = $4, address = $5, phone = $6, scope = $7, active = $8, updated_at = $9 WHERE id = $1`,
    [id, b.name, b.kind, b.areaCode, b.address, b.phone, b.scope, b.active, at],
  );

export const bodyNameTaken = async (q: Queryable, name: string, exceptId: number | null) =>
  (await q.query('SELECT 1 FROM mediation_bodies WHERE name = $1 AND id IS DISTINCT FROM $2', [name, exceptId])).length > 0;

export interface MediatorFields {
  name: string;
  title: string | null;
  specialities: Speciality[];
  phone: { sealed: string; masked: string; hash: string } | null | undefined;
  active: boolean;
}

export async function insertMediator(q: Queryable, bodyId: number, m: MediatorFields & { synthetic: boolean; isDemo: boolean; at: Date }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO mediators (body_id, name, title, specialities, phone_sealed, phone_masked, phone_hash, active, synthetic, is_demo, created_at, updated_at)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id::int AS id`,
    [bodyId, m.name, m.title, m.specialities, m.phone?.sealed ?? null, m.phone?.masked ?? null, m.phone?.hash ?? null, m.active, m.synthetic, m.isDemo, m.at],
  );
  if (!row) throw new Error('mediator not inserted');
  return row.id;
}

/** Changes a mediator; a phone left out (undefined) keeps the one on file. */
export const updateMediator = (q: Queryable, id: number, m: MediatorFields, at: Date) =>
  q.query(
    `UPDATE mediators SET name = $2, title = $3, specialities = $4::text[], active = $5, updated_at = $6,
            phone_sealed = CASE WHEN $7::boolean THEN $8 ELSE phone_sealed END, phone_masked = CASE WHEN $7::boolean THEN $9 ELSE phone_masked END,
            phone_hash = CASE WHEN $7::boolean THEN $10 ELSE phone_hash END
      WHERE id = $1`,
    [id, m.name, m.title, m.specialities, m.active, at, m.phone !== undefined, m.phone?.sealed ?? null, m.phone?.masked ?? null, m.phone?.hash ?? null],
  );

/** Courts a case may be sent to: partner organisations whose name ends in 法院 (see isCourtName). */
export const courts = (q: Queryable) =>
  q.query<{ id: string; name: string }>(`SELECT id::text AS id, name FROM organisations WHERE kind = 'partner' AND name LIKE '%法院' AND disabled_at IS NULL ORDER BY name`);

export async function orgById(q: Queryable, id: string): Promise<{ id: string; name: string; kind: string; uscc: string | null; area_code: string; disabled: boolean } | null> {
  const [row] = await q.query<{ id: string; name: string; kind: string; uscc: string | null; area_code: string; disabled: boolean }>(
    'SELECT id::text AS id, name, kind, uscc, area_code, disabled_at IS NOT NULL AS disabled FROM organisations WHERE id = $1',
    [id],
  );
  return row ?? null;
}

/** Officers who may handle cases: of one area, or (null) of every area. */
export const handlers = (q: Queryable, area: string | null) =>
  q.query<{ id: string; name: string; area_code: string }>(
    `SELECT id::text AS id, display_name AS name, area_scope AS area_code FROM users
      WHERE disabled_at IS NULL AND ('city_officer' = ANY(roles) OR 'area_officer' = ANY(roles)) AND ($1::text IS NULL OR area_scope = $1)
      ORDER BY area_scope, display_name`,
    [area],
  );

export async function handlerById(q: Queryable, id: string) {
  const [row] = await q.query<{ id: string; name: string; area_code: string; email: string | null }>(
    `SELECT id::text AS id, display_name AS name, area_scope AS area_code, email FROM users
      WHERE id = $1 AND disabled_at IS NULL AND ('city_officer' = ANY(roles) OR 'area_officer' = ANY(roles))`,
    [id],
  );
  return row ?? null;
}

/** The people of an organisation with a mail address (a court, a firm), to tell them of their case. */
export const peopleOf = (q: Queryable, orgId: string) =>
  q.query<{ email: string; display_name: string }>('SELECT email, display_name FROM users WHERE org_id = $1 AND disabled_at IS NULL AND email IS NOT NULL ORDER BY username', [orgId]);

/** Officers of a desk (county) or of the city office (for city-level cases). */
export const deskOf = (q: Queryable, areaCode: string, cityCode: string) =>
  q.query<{ email: string | null; display_name: string }>(
    `SELECT email, display_name FROM users WHERE area_scope = $1 AND $2 = ANY(roles) AND disabled_at IS NULL ORDER BY username`,
    [areaCode, areaCode === cityCode ? 'city_officer' : 'area_officer'],
  );

/** The patent or trademark a case names, when the data centre holds it. */
export async function findRight(q: Queryable, kind: 'patent' | 'trademark', number: string): Promise<number | null> {
  const [row] =
    kind === 'patent'
      ? await q.query<{ id: number }>('SELECT id::int AS id FROM patents WHERE app_no = $1', [number])
      : await q.query<{ id: number }>('SELECT id::int AS id FROM trademarks WHERE reg_no = $1 ORDER BY nice_class LIMIT 1', [number]);
  return row?.id ?? null;
}

export interface DueRow {
  id: number;
  ref: string;
  area_code: string;
  stage: 'assign' | 'mediation';
  due: string;
  handler_email: string | null;
  handler_name: string | null;
}

/** Open cases whose stage deadline falls on or before the date (overdue ones included). */
export const dueCases = (q: Queryable, until: string) =>
  q.query<DueRow>(
    `SELECT * FROM (
       SELECT c.id::int AS id, ${REF_SQL} AS ref, c.area_code,
              CASE WHEN c.status = 'received' THEN 'assign' ELSE 'mediation' END AS stage,
              to_char(CASE WHEN c.status = 'received' THEN c.assign_due ELSE c.mediation_due END, 'YYYY-MM-DD') AS due,
              h.email AS handler_email, h.display_name AS handler_name
         FROM mediation_cases c LEFT JOIN users h ON h.id = c.handler_id AND h.disabled_at IS NULL
        WHERE c.status <> 'closed') s
      WHERE due IS NOT NULL AND due <= $1 ORDER BY due, id`,
    [until],
  );
