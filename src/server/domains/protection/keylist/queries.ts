import type { Queryable } from '../../../db/db';
import type { KeyListStatus } from './schema';

export interface EntryRow {
  id: number;
  ref_year: number;
  ref_seq: number;
  org_id: string;
  org_name: string;
  uscc: string | null;
  area_code: string;
  industry: string;
  reasons: string;
  contact_name_masked: string;
  contact_phone_masked: string;
  rights: Array<{ type: 'patent' | 'trademark'; id: number }>;
  status: KeyListStatus;
  return_reason: string | null;
  county_note: string | null;
  city_note: string | null;
  exit_reason: string | null;
  submitted_at: Date;
  listed_on: string | null;
  review_due: string | null;
  is_demo: boolean;
}

const COLUMNS = `e.id::int AS id, e.ref_year, e.ref_seq, e.org_id, e.org_name, e.uscc, e.area_code, e.industry, e.reasons, e.contact_name_masked,
  e.contact_phone_masked, e.rights, e.status, e.return_reason, e.county_note, e.city_note, e.exit_reason, e.submitted_at,
  to_char(e.listed_on, 'YYYY-MM-DD') AS listed_on, to_char(e.review_due, 'YYYY-MM-DD') AS review_due, e.is_demo`;

/** A county desk sees the firms of its area; the city office all. */
const IN_SCOPE = `($1::text[] IS NULL OR e.area_code = ANY($1))`;
const BY_ID = `SELECT ${COLUMNS} FROM key_list_entries e WHERE ${IN_SCOPE} AND e.id = $2`;
const FOR_UPDATE = ' FOR UPDATE';

export async function entryById(q: Queryable, scope: string[] | null, id: number, lock = false): Promise<EntryRow | null> {
  const [row] = await q.query<EntryRow>(lock ? BY_ID + FOR_UPDATE : BY_ID, [scope, id]);
  return row ?? null;
}

export const entriesOfOrg = (q: Queryable, orgId: string) =>
  q.query<EntryRow>(`SELECT ${COLUMNS} FROM key_list_entries e WHERE e.org_id = $1 ORDER BY e.submitted_at DESC, e.id DESC`, [orgId]);

const LIST_WHERE = `${IN_SCOPE} AND ($2::text IS NULL OR e.status = $2) AND ($3::text IS NULL OR e.area_code = $3)
  AND ($4::text IS NULL OR e.org_name ILIKE '%' || $4 || '%' OR e.uscc = upper($4) OR e.industry ILIKE '%' || $4 || '%')
  AND ($5::date IS NULL OR (e.status = 'listed' AND e.review_due < $5))`;

export async function listEntries(q: Queryable, f: { scope: string[] | null; status?: string; area?: string; q?: string; overdueOn: string | null; limit: number; offset: number }) {
  const params = [f.scope, f.status ?? null, f.area ?? null, f.q ?? null, f.overdueOn];
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM key_list_entries e WHERE ${LIST_WHERE}`, params);
  const rows = await q.query<EntryRow>(
    `SELECT ${COLUMNS} FROM key_list_entries e WHERE ${LIST_WHERE}
      ORDER BY CASE e.status WHEN 'submitted' THEN 0 WHEN 'county_passed' THEN 1 WHEN 'returned' THEN 2 WHEN 'listed' THEN 3 ELSE 4 END, e.submitted_at DESC, e.id DESC
      LIMIT $6 OFFSET $7`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: count?.n ?? 0 };
}

/** The published list: firms listed now, a page at a time. */
const LISTED_WHERE = `e.status = 'listed' AND ($1::text IS NULL OR e.area_code = $1)
  AND ($2::text IS NULL OR e.org_name ILIKE '%' || $2 || '%' OR e.industry ILIKE '%' || $2 || '%' OR EXISTS (
    -- or one of its rights, by number (as typed: CN or ZL, spaces and dots aside) or title
    SELECT 1 FROM jsonb_array_elements(e.rights) r
      LEFT JOIN patents p ON r->>'type' = 'patent' AND p.id = (r->>'id')::bigint
      LEFT JOIN trademarks t ON r->>'type' = 'trademark' AND t.id = (r->>'id')::bigint
     WHERE regexp_replace(upper(p.app_no), '[^0-9X]', '', 'g') = regexp_replace(upper($2), '^\s*(CN|ZL)|[^0-9X]', '', 'g')
        OR p.title ILIKE '%' || $2 || '%' OR position(t.reg_no IN $2) > 0 OR t.name ILIKE '%' || $2 || '%'))`;

export async function listedEntries(q: Queryable, f: { area: string | null; text: string | null; limit: number; offset: number }) {
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM key_list_entries e WHERE ${LISTED_WHERE}`, [f.area, f.text]);
  const rows = await q.query<EntryRow>(`SELECT ${COLUMNS} FROM key_list_entries e WHERE ${LISTED_WHERE} ORDER BY e.listed_on DESC, e.id DESC LIMIT $3 OFFSET $4`, [f.area, f.text, f.limit, f.offset]);
  return { rows, total: count?.n ?? 0 };
}

export interface RightRow {
  type: 'patent' | 'trademark';
  id: number;
  number: string;
  nice_class: number | null;
  title: string;
  status: string;
}

/** The public rights the register holds for a credit code: what a firm may put forward. */
export const rightsOfUscc = (q: Queryable, uscc: string) =>
  q.query<RightRow>(
    `SELECT * FROM (
       SELECT 'patent' AS type, p.id::int AS id, p.app_no AS number, NULL::int AS nice_class, p.title, p.status
         FROM holders h JOIN patent_holders ph ON ph.holder_id = h.id JOIN patents p ON p.id = ph.patent_id
        WHERE h.uscc = $1 AND p.visibility = 'public'
       UNION ALL
       SELECT 'trademark', t.id::int, t.reg_no, t.nice_class::int, t.name, t.status
         FROM holders h JOIN trademark_holders th ON th.holder_id = h.id JOIN trademarks t ON t.id = th.trademark_id
        WHERE h.uscc = $1 AND t.visibility = 'public') r
     -- Rights in force first, newest first.
     ORDER BY (r.status IN ('valid', 'registered')) DESC, r.type, r.number DESC`,
    [uscc],
  );

/** The rights named by id, whoever holds them (for showing an application). */
export const rightsByIds = (q: Queryable, patentIds: number[], trademarkIds: number[]) =>
  q.query<RightRow>(
    `SELECT 'patent' AS type, p.id::int AS id, p.app_no AS number, NULL::int AS nice_class, p.title, p.status FROM patents p WHERE p.id = ANY($1::bigint[])
     UNION ALL
     SELECT 'trademark', t.id::int, t.reg_no, t.nice_class::int, t.name, t.status FROM trademarks t WHERE t.id = ANY($2::bigint[])`,
    [patentIds, trademarkIds],
  );

export async function nextRefSeq(q: Queryable, year: number): Promise<number> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`key_list_entries:${year}`]);
  const [row] = await q.query<{ n: number }>('SELECT coalesce(max(ref_seq), 0)::int + 1 AS n FROM key_list_entries WHERE ref_year = $1', [year]);
  return row?.n ?? 1;
}

export interface NewEntry {
  refYear: number;
  refSeq: number;
  orgId: string;
  orgName: string;
  uscc: string | null;
  areaCode: string;
  industry: string;
  reasons: string;
  name: { sealed: string; masked: string };
  phone: { sealed: string; masked: string; hash: string };
  rights: Array<{ type: 'patent' | 'trademark'; id: number }>;
  at: Date;
  isDemo: boolean;
}

export async function insertEntry(q: Queryable, e: NewEntry): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO key_list_entries (ref_year, ref_seq, org_id, org_name, uscc, area_code, industry, reasons, contact_name_sealed, contact_name_masked,
       contact_phone_sealed, contact_phone_masked, contact_phone_hash, rights, status, submitted_at, is_demo, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'submitted', $15, $16, $15) RETURNING id::int AS id`,
    [e.refYear, e.refSeq, e.orgId, e.orgName, e.uscc, e.areaCode, e.industry, e.reasons, e.name.sealed, e.name.masked, e.phone.sealed, e.phone.masked, e.phone.hash, JSON.stringify(e.rights), e.at, e.isDemo],
  );
  if (!row) throw new Error('key-list entry not inserted');
  return row.id;
}

/** A resubmission replaces what the firm wrote and starts the review again. */
export const resubmit = (q: Queryable, id: number, e: Pick<NewEntry, 'industry' | 'reasons' | 'name' | 'phone' | 'rights' | 'at'>) =>
  q.query(
    `UPDATE key_list_entries SET industry = $2, reasons = $3, contact_name_sealed = $4, contact_name_masked = $5, contact_phone_sealed = $6,
       contact_phone_masked = $7, contact_phone_hash = $8, rights = $9, status = 'submitted', return_reason = NULL, submitted_at = $10, updated_at = $10
     WHERE id = $1`,
    [id, e.industry, e.reasons, e.name.sealed, e.name.masked, e.phone.sealed, e.phone.masked, e.phone.hash, JSON.stringify(e.rights), e.at],
  );

export const setState = (
  q: Queryable,
  id: number,
  s: { status: KeyListStatus; returnReason?: string | null; countyNote?: string | null; cityNote?: string | null; exitReason?: string | null; listedOn?: string | null; reviewDue?: string | null },
  at: Date,
) =>
  q.query(
    `UPDATE key_list_entries SET status = $2,
       return_reason = CASE WHEN $3::boolean THEN $4 ELSE return_reason END,
       county_note = CASE WHEN $5::boolean THEN $6 ELSE county_note END,
       city_note = CASE WHEN $7::boolean THEN $8 ELSE city_note END,
       exit_reason = CASE WHEN $9::boolean THEN $10 ELSE exit_reason END,
       listed_on = CASE WHEN $11::boolean THEN $12::date ELSE listed_on END,
       review_due = CASE WHEN $13::boolean THEN $14::date ELSE review_due END,
       updated_at = $15
     WHERE id = $1`,
    [
      id, s.status,
      s.returnReason !== undefined, s.returnReason ?? null,
      s.countyNote !== undefined, s.countyNote ?? null,
      s.cityNote !== undefined, s.cityNote ?? null,
      s.exitReason !== undefined, s.exitReason ?? null,
      s.listedOn !== undefined, s.listedOn ?? null,
      s.reviewDue !== undefined, s.reviewDue ?? null,
      at,
    ],
  );

export const orgById = async (q: Queryable, orgId: string) =>
  (await q.query<{ id: string; name: string; uscc: string | null; area_code: string; kind: string }>('SELECT id, name, uscc, area_code, kind FROM organisations WHERE id = $1', [orgId]))[0] ?? null;

/** Officers (of a desk's area, or of the city office) who follow a listed firm's rights in their alert inbox. */
export const reviewersOf = (q: Queryable, areaCode: string) =>
  q.query<{ id: string }>(`SELECT id FROM users WHERE disabled_at IS NULL AND area_scope = $1 AND 'area_officer' = ANY(roles)`, [areaCode]);

export const holderIdsOfUscc = async (q: Queryable, uscc: string) => (await q.query<{ id: number }>('SELECT id::int AS id FROM holders WHERE uscc = $1', [uscc])).map((r) => r.id);
