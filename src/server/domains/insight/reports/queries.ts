import type { Queryable } from '../../../db/db';

export interface ReportRow {
  id: number;
  kind: 'dashboard' | 'landscape' | 'yearly';
  params: Record<string, unknown>;
  title: string;
  doc_year: number;
  doc_seq: number;
  area_code: string;
  status: 'queued' | 'done' | 'failed';
  job_id: string | null;
  docx_key: string | null;
  docx_sha256: string | null;
  docx_bytes: number | null;
  pdf_key: string | null;
  pdf_sha256: string | null;
  pdf_bytes: number | null;
  synthetic: boolean;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const REPORT = `SELECT r.id::int AS id, r.kind, r.params, r.title, r.doc_year, r.doc_seq, r.area_code, r.status, r.job_id, r.docx_key, r.docx_sha256, r.docx_bytes,
    r.pdf_key, r.pdf_sha256, r.pdf_bytes, r.synthetic, r.created_by, u.display_name AS created_by_name, r.created_at, r.finished_at
  FROM reports r LEFT JOIN users u ON u.id = r.created_by`;

/** A new report numbered within its year; the table lock keeps two requests from taking one number. */
export async function insertReport(tx: Queryable, v: { kind: string; params: unknown; title: string; year: number; areaCode: string; synthetic: boolean; by: string | null; at: Date }): Promise<number> {
  await tx.query('LOCK TABLE reports IN SHARE ROW EXCLUSIVE MODE');
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO reports (kind, params, title, doc_year, doc_seq, area_code, synthetic, created_by, created_at)
     SELECT $1, $2, $3, $4, coalesce(max(doc_seq), 0) + 1, $5, $6, $7, $8 FROM reports WHERE doc_year = $4
     RETURNING id::int AS id`,
    [v.kind, JSON.stringify(v.params), v.title, v.year, v.areaCode, v.synthetic, v.by, v.at],
  );
  return (row as { id: number }).id;
}

export async function setJob(q: Queryable, id: number, jobId: string): Promise<void> {
  await q.query('UPDATE reports SET job_id = $2 WHERE id = $1', [id, jobId]);
}

export async function reportById(q: Queryable, id: number): Promise<ReportRow | undefined> {
  const [row] = await q.query<ReportRow>(`${REPORT} WHERE r.id = $1`, [id]);
  return row;
}

/** Reports of an area (null: all), newest first. */
export const listReports = (q: Queryable, area: string | null, limit: number) =>
  q.query<ReportRow>(`${REPORT} WHERE ($1::text IS NULL OR r.area_code = $1) ORDER BY r.created_at DESC, r.id DESC LIMIT $2`, [area, limit]);

export interface StoredFiles {
  docx: { key: string; sha256: string; size: number };
  pdf: { key: string; sha256: string; size: number };
}

export async function finishReport(q: Queryable, id: number, files: StoredFiles | null, at: Date): Promise<void> {
  await q.query(
    `UPDATE reports SET status = $2, docx_key = $3, docx_sha256 = $4, docx_bytes = $5, pdf_key = $6, pdf_sha256 = $7, pdf_bytes = $8, finished_at = $9 WHERE id = $1`,
    [id, files ? 'done' : 'failed', files?.docx.key ?? null, files?.docx.sha256 ?? null, files?.docx.size ?? null, files?.pdf.key ?? null, files?.pdf.sha256 ?? null, files?.pdf.size ?? null, at],
  );
}
