import type { CaseProcedure, CaseRightType, CaseSource, CaseStage, PartyRole, TransferStatus } from '../../../../shared/protection/cases';
import type { Queryable } from '../../../db/db';

export interface StoredParty {
  role: PartyRole;
  kind: 'person' | 'org';
  /** Clear for organisations; masked for natural persons. */
  name: string;
  uscc: string | null;
  /** A natural person's clear name, sealed. */
  nameSealed?: string;
}

export interface StoredRight {
  type: 'patent' | 'trademark';
  number: string;
  id: number | null;
}

export interface CaseRow {
  id: number;
  case_no: string;
  case_key: string;
  source_kind: CaseSource;
  source_org_id: string;
  source_org: string;
  unit: string;
  right_type: CaseRightType;
  procedure: CaseProcedure;
  cause: string;
  parties: StoredParty[];
  rights: StoredRight[];
  area_code: string;
  filed_on: string;
  closed_on: string | null;
  stage: CaseStage;
  result: string | null;
  amount: string | null;
  is_demo: boolean;
  created_by_name: string;
  updated_at: Date;
  duplicates: number;
  links: number;
  transfer: TransferStatus | null;
}

const COLUMNS = `c.id::int AS id, c.case_no, c.case_key, c.source_kind, c.source_org_id, o.name AS source_org, c.unit, c.right_type, c.procedure, c.cause,
  c.parties, c.rights, c.area_code, to_char(c.filed_on, 'YYYY-MM-DD') AS filed_on, to_char(c.closed_on, 'YYYY-MM-DD') AS closed_on, c.stage, c.result,
  c.amount::text AS amount, c.is_demo, c.created_by_name, c.updated_at,
  (SELECT count(*)::int FROM ip_cases d WHERE d.case_key = c.case_key AND d.id <> c.id) AS duplicates,
  (SELECT count(*)::int FROM ip_case_links l WHERE l.a_id = c.id OR l.b_id = c.id) AS links,
  (SELECT t.status FROM ip_case_transfers t WHERE t.case_id = c.id ORDER BY t.sent_at DESC, t.id DESC LIMIT 1) AS transfer`;

/**
 * Who sees a case: officers by area ($1, null for the city office); a partner organisation ($2)
 * its own records, the cases linked to them, and the cases transferred to it.
 */
const VISIBLE = `($1::text[] IS NULL OR c.area_code = ANY($1)) AND ($2::uuid IS NULL OR c.source_org_id = $2
  OR EXISTS (SELECT 1 FROM ip_case_links l JOIN ip_cases x ON x.id = CASE WHEN l.a_id = c.id THEN l.b_id ELSE l.a_id END
              WHERE (l.a_id = c.id OR l.b_id = c.id) AND x.source_org_id = $2)
  OR EXISTS (SELECT 1 FROM ip_case_transfers t WHERE t.case_id = c.id AND t.to_org_id = $2))`;

export interface Visibility {
  scope: string[] | null;
  orgId: string | null;
}

const BY_ID = `SELECT ${COLUMNS} FROM ip_cases c JOIN organisations o ON o.id = c.source_org_id WHERE ${VISIBLE} AND c.id = $3`;
const FOR_UPDATE = ' FOR UPDATE OF c';

export async function caseById(q: Queryable, v: Visibility, id: number, lock = false): Promise<CaseRow | null> {
  const [row] = await q.query<CaseRow>(lock ? BY_ID + FOR_UPDATE : BY_ID, [v.scope, v.orgId, id]);
  return row ?? null;
}

export interface ListFilter {
  source?: string;
  rightType?: string;
  procedure?: string;
  stage?: string;
  area?: string;
  q?: string;
  duplicates?: boolean;
  from?: string;
  to?: string;
}

const LIST_WHERE = `${VISIBLE} AND ($3::text IS NULL OR c.source_kind = $3) AND ($4::text IS NULL OR c.right_type = $4)
  AND ($5::text IS NULL OR c.procedure = $5) AND ($6::text IS NULL OR c.stage = $6) AND ($7::text IS NULL OR c.area_code = $7)
  AND ($8::text IS NULL OR c.case_key LIKE '%' || $9 || '%' OR c.cause ILIKE '%' || $8 || '%' OR c.unit ILIKE '%' || $8 || '%'
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(c.parties) p WHERE p->>'name' ILIKE '%' || $8 || '%' OR p->>'uscc' = upper($8)))
  AND (NOT $10::boolean OR EXISTS (SELECT 1 FROM ip_cases d WHERE d.case_key = c.case_key AND d.id <> c.id))
  AND ($11::date IS NULL OR c.filed_on >= $11) AND ($12::date IS NULL OR c.filed_on <= $12)`;

export async function listCases(q: Queryable, v: Visibility, f: ListFilter & { caseKeyQ: string | null; limit: number; offset: number }) {
  const params = [v.scope, v.orgId, f.source ?? null, f.rightType ?? null, f.procedure ?? null, f.stage ?? null, f.area ?? null, f.q ?? null, f.caseKeyQ, f.duplicates ?? false, f.from ?? null, f.to ?? null];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ip_cases c WHERE ${LIST_WHERE}`, params);
  const rows = await q.query<CaseRow>(
    `SELECT ${COLUMNS} FROM ip_cases c JOIN organisations o ON o.id = c.source_org_id WHERE ${LIST_WHERE}
      ORDER BY c.filed_on DESC, c.id DESC LIMIT $13 OFFSET $14`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}

export interface CaseStats {
  by_source: Array<{ source: CaseSource; total: number }>;
  by_right: Array<{ right_type: CaseRightType; total: number }>;
  by_area: Array<{ area_code: string; total: number }>;
  duplicate_numbers: number;
  transfers: Array<{ status: TransferStatus; total: number }>;
}

export async function stats(q: Queryable, v: Visibility): Promise<CaseStats> {
  const p = [v.scope, v.orgId];
  const [bySource, byRight, byArea, dup, transfers] = await Promise.all([
    q.query<{ source: CaseSource; total: number }>(`SELECT c.source_kind AS source, count(*)::int AS total FROM ip_cases c WHERE ${VISIBLE} GROUP BY 1 ORDER BY 2 DESC`, p),
    q.query<{ right_type: CaseRightType; total: number }>(`SELECT c.right_type, count(*)::int AS total FROM ip_cases c WHERE ${VISIBLE} GROUP BY 1 ORDER BY 2 DESC`, p),
    q.query<{ area_code: string; total: number }>(`SELECT c.area_code, count(*)::int AS total FROM ip_cases c WHERE ${VISIBLE} GROUP BY 1 ORDER BY 2 DESC`, p),
    q.query<{ n: number }>(
      `SELECT count(DISTINCT c.case_key)::int AS n FROM ip_cases c WHERE ${VISIBLE} AND EXISTS (SELECT 1 FROM ip_cases d WHERE d.case_key = c.case_key AND d.id <> c.id)`,
      p,
    ),
    q.query<{ status: TransferStatus; total: number }>(
      `SELECT t.status, count(*)::int AS total FROM ip_case_transfers t JOIN ip_cases c ON c.id = t.case_id WHERE ${VISIBLE} GROUP BY 1`,
      p,
    ),
  ]);
  return { by_source: bySource, by_right: byRight, by_area: byArea, duplicate_numbers: dup[0]?.n ?? 0, transfers };
}

/** The other records of the same case number, from other sources, and whether the viewer may open each. */
export const sameNumber = (q: Queryable, v: Visibility, key: string, id: number) =>
  q.query<{ id: number; case_no: string; source_kind: CaseSource; unit: string; source_org: string; stage: CaseStage; filed_on: string; visible: boolean }>(
    `SELECT c.id::int AS id, c.case_no, c.source_kind, c.unit, o.name AS source_org, c.stage, to_char(c.filed_on, 'YYYY-MM-DD') AS filed_on, (${VISIBLE}) AS visible
       FROM ip_cases c JOIN organisations o ON o.id = c.source_org_id WHERE c.case_key = $3 AND c.id <> $4 ORDER BY c.filed_on, c.id`,
    [v.scope, v.orgId, key, id],
  );

export const linkedTo = (q: Queryable, id: number) =>
  q.query<{ id: number; case_no: string; source_kind: CaseSource; unit: string; stage: CaseStage; kind: 'related' | 'transfer'; note: string | null }>(
    `SELECT c.id::int AS id, c.case_no, c.source_kind, c.unit, c.stage, l.kind, l.note
       FROM ip_case_links l JOIN ip_cases c ON c.id = CASE WHEN l.a_id = $1 THEN l.b_id ELSE l.a_id END
      WHERE l.a_id = $1 OR l.b_id = $1 ORDER BY l.created_at, l.id`,
    [id],
  );

export async function insertLink(q: Queryable, a: number, b: number, kind: 'related' | 'transfer', note: string | null, by: string, at: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO ip_case_links (a_id, b_id, kind, note, created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (a_id, b_id) DO NOTHING RETURNING id`,
    [Math.min(a, b), Math.max(a, b), kind, note, by, at],
  );
  return rows.length > 0;
}

export interface NewCase {
  caseNo: string;
  caseKey: string;
  source: CaseSource;
  orgId: string;
  unit: string;
  rightType: CaseRightType;
  procedure: CaseProcedure;
  cause: string;
  parties: StoredParty[];
  rights: StoredRight[];
  areaCode: string;
  filedOn: string;
  closedOn: string | null;
  stage: CaseStage;
  result: string | null;
  amount: number | null;
  isDemo: boolean;
  by: string;
  at: Date;
}

/** Records a case, or updates the source's own record of the same number. */
export async function upsertCase(q: Queryable, c: NewCase): Promise<{ id: number; inserted: boolean }> {
  const [row] = await q.query<{ id: number; inserted: boolean }>(
    `INSERT INTO ip_cases (case_no, case_key, source_kind, source_org_id, unit, right_type, procedure, cause, parties, rights, area_code, filed_on, closed_on,
       stage, result, amount, is_demo, created_by_name, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)
     ON CONFLICT (source_org_id, case_key) DO UPDATE SET case_no = EXCLUDED.case_no, unit = EXCLUDED.unit, right_type = EXCLUDED.right_type,
       procedure = EXCLUDED.procedure, cause = EXCLUDED.cause, parties = EXCLUDED.parties, rights = EXCLUDED.rights, area_code = EXCLUDED.area_code,
       filed_on = EXCLUDED.filed_on, closed_on = EXCLUDED.closed_on, stage = EXCLUDED.stage, result = EXCLUDED.result, amount = EXCLUDED.amount,
       updated_at = EXCLUDED.updated_at
     RETURNING id::int AS id, (xmax = 0) AS inserted`,
    [c.caseNo, c.caseKey, c.source, c.orgId, c.unit, c.rightType, c.procedure, c.cause, JSON.stringify(c.parties), JSON.stringify(c.rights), c.areaCode, c.filedOn, c.closedOn, c.stage, c.result, c.amount, c.isDemo, c.by, c.at],
  );
  if (!row) throw new Error('case not stored');
  return row;
}

export const caseIdByKey = async (q: Queryable, orgId: string, key: string) =>
  (await q.query<{ id: number }>('SELECT id::int AS id FROM ip_cases WHERE source_org_id = $1 AND case_key = $2', [orgId, key]))[0]?.id ?? null;

/** Whether other sources hold these case numbers already (for the import summary). */
export const keysElsewhere = (q: Queryable, orgId: string, keys: string[]) =>
  q.query<{ case_key: string }>('SELECT DISTINCT case_key FROM ip_cases WHERE case_key = ANY($1::text[]) AND source_org_id <> $2', [keys, orgId]);

export interface TransferRow {
  id: number;
  case_id: number;
  case_no: string;
  to_org_id: string;
  to_org: string;
  reason: string;
  status: TransferStatus;
  sent_by_name: string;
  sent_at: Date;
  receipt_no: string | null;
  receipt_note: string | null;
  police_case_id: number | null;
  police_case_no: string | null;
  police_unit: string | null;
  from_unit: string;
  cause: string;
  answered_by_name: string | null;
  answered_at: Date | null;
}

const TRANSFER_COLUMNS = `t.id::int AS id, t.case_id::int AS case_id, c.case_no, t.to_org_id, o.name AS to_org, t.reason, t.status, t.sent_by_name, t.sent_at,
  t.receipt_no, t.receipt_note, t.police_case_id::int AS police_case_id, pc.case_no AS police_case_no, pc.unit AS police_unit, c.unit AS from_unit, c.cause, t.answered_by_name, t.answered_at`;
const TRANSFER_FROM = `ip_case_transfers t JOIN ip_cases c ON c.id = t.case_id JOIN organisations o ON o.id = t.to_org_id LEFT JOIN ip_cases pc ON pc.id = t.police_case_id`;

export const transfersOf = (q: Queryable, caseId: number) =>
  q.query<TransferRow>(`SELECT ${TRANSFER_COLUMNS} FROM ${TRANSFER_FROM} WHERE t.case_id = $1 ORDER BY t.sent_at DESC, t.id DESC`, [caseId]);

export const transfersTo = (q: Queryable, orgId: string) =>
  q.query<TransferRow>(
    `SELECT ${TRANSFER_COLUMNS} FROM ${TRANSFER_FROM} WHERE t.to_org_id = $1 ORDER BY (t.status = 'sent') DESC, t.sent_at DESC, t.id DESC LIMIT 200`,
    [orgId],
  );

const TRANSFER_BY_ID = `SELECT ${TRANSFER_COLUMNS} FROM ${TRANSFER_FROM} WHERE t.id = $1`;
const TRANSFER_FOR_UPDATE = `${TRANSFER_BY_ID} FOR UPDATE OF t`;

export async function transferById(q: Queryable, id: number, lock = false): Promise<TransferRow | null> {
  const [row] = await q.query<TransferRow>(lock ? TRANSFER_FOR_UPDATE : TRANSFER_BY_ID, [id]);
  return row ?? null;
}

export async function insertTransfer(q: Queryable, t: { caseId: number; toOrgId: string; reason: string; by: string; at: Date }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO ip_case_transfers (case_id, to_org_id, reason, status, sent_by_name, sent_at) VALUES ($1, $2, $3, 'sent', $4, $5) RETURNING id::int AS id`,
    [t.caseId, t.toOrgId, t.reason, t.by, t.at],
  );
  if (!row) throw new Error('transfer not stored');
  return row.id;
}

export const answerTransfer = (q: Queryable, id: number, a: { status: 'received' | 'refused'; receiptNo: string | null; note: string | null; policeCaseId: number | null; by: string; at: Date }) =>
  q.query(
    `UPDATE ip_case_transfers SET status = $2, receipt_no = $3, receipt_note = $4, police_case_id = $5, answered_by_name = $6, answered_at = $7 WHERE id = $1`,
    [id, a.status, a.receiptNo, a.note, a.policeCaseId, a.by, a.at],
  );

/** Police organisations a case can be transferred to. */
export const policeOrgs = (q: Queryable) =>
  q.query<{ id: string; name: string }>(`SELECT id, name FROM organisations WHERE kind = 'partner' AND disabled_at IS NULL AND name ~ '公安(局|分局)$' ORDER BY name`);

export const orgById = async (q: Queryable, id: string) =>
  (await q.query<{ id: string; name: string; kind: string; area_code: string }>('SELECT id, name, kind, area_code FROM organisations WHERE id = $1', [id]))[0] ?? null;

/** Users of an organisation with a mail address (told of a transfer). */
export const mailboxesOf = (q: Queryable, orgId: string) =>
  q.query<{ email: string; display_name: string }>('SELECT email, display_name FROM users WHERE org_id = $1 AND disabled_at IS NULL AND email IS NOT NULL', [orgId]);

/** The register's records of the given numbers (patents by application number, trademarks by registration number). */
export const rightsByNumbers = (q: Queryable, patentNos: string[], trademarkNos: string[]) =>
  q.query<{ type: 'patent' | 'trademark'; id: number; number: string; title: string }>(
    `SELECT 'patent' AS type, p.id::int AS id, p.app_no AS number, p.title FROM patents p WHERE p.app_no = ANY($1::text[]) AND p.visibility = 'public'
     UNION ALL
     SELECT 'trademark', t.id::int, t.reg_no, t.name FROM trademarks t WHERE t.reg_no = ANY($2::text[]) AND t.visibility = 'public'`,
    [patentNos, trademarkNos],
  );

export const rightTitles = (q: Queryable, patentIds: number[], trademarkIds: number[]) =>
  q.query<{ type: 'patent' | 'trademark'; id: number; title: string }>(
    `SELECT 'patent' AS type, p.id::int AS id, p.title FROM patents p WHERE p.id = ANY($1::bigint[])
     UNION ALL SELECT 'trademark', t.id::int, t.name FROM trademarks t WHERE t.id = ANY($2::bigint[])`,
    [patentIds, trademarkIds],
  );

/** The name shown for who did something: a user's display name, else the token's or system's name. */
export async function displayName(q: Queryable, actor: { kind: string; id: string | null; name: string | null }): Promise<string> {
  if (actor.kind === 'user' && actor.id) {
    const [u] = await q.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [actor.id]);
    if (u) return u.display_name;
  }
  return actor.name ?? actor.kind;
}
