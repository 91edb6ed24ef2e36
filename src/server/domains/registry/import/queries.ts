import type { Queryable } from '../../../db/db';

export async function saveUpload(q: Queryable, u: { key: string; kind: string; fileName: string; bytes: number; sha256: string; headerRowNo: number; by: string | null }): Promise<void> {
  await q.query('INSERT INTO import_uploads (file_key, kind, file_name, bytes, sha256, header_row_no, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    u.key,
    u.kind,
    u.fileName,
    u.bytes,
    u.sha256,
    u.headerRowNo,
    u.by,
  ]);
}

export interface UploadRow {
  file_key: string;
  kind: string;
  file_name: string;
  bytes: number;
  sha256: string;
  header_row_no: number;
  uploaded_by: string | null;
}

export async function findUpload(q: Queryable, key: string): Promise<UploadRow | undefined> {
  const [row] = await q.query<UploadRow>('SELECT file_key, kind, file_name, bytes, sha256, header_row_no, uploaded_by FROM import_uploads WHERE file_key = $1', [key]);
  return row;
}

export interface ProfileRow {
  id: number;
  kind: string;
  name: string;
  mapping: Record<string, string>;
  updated_at: Date;
}

export const listProfiles = (q: Queryable, kind: string) =>
  q.query<ProfileRow>('SELECT id, kind, name, mapping, updated_at FROM import_profiles WHERE kind = $1 ORDER BY name', [kind]);

export async function findProfile(q: Queryable, kind: string, name: string): Promise<ProfileRow | undefined> {
  const [row] = await q.query<ProfileRow>('SELECT id, kind, name, mapping, updated_at FROM import_profiles WHERE kind = $1 AND name = $2', [kind, name]);
  return row;
}

export async function saveProfile(q: Queryable, p: { kind: string; name: string; mapping: Record<string, string>; by: string | null }): Promise<void> {
  await q.query(
    `INSERT INTO import_profiles (kind, name, mapping, created_by) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (kind, name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()`,
    [p.kind, p.name, JSON.stringify(p.mapping), p.by],
  );
}

export interface RejectionRow {
  row_no: number;
  field: string;
  value: string;
  reason_zh: string;
  reason_en: string;
}

export const rejections = (q: Queryable, jobId: string, limit: number) =>
  q.query<RejectionRow>('SELECT row_no, field, value, reason_zh, reason_en FROM import_rejections WHERE job_id = $1 ORDER BY row_no, field LIMIT $2', [jobId, limit]);
